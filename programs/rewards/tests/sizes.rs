//! Account and instruction sizes: every instruction fits in one legacy transaction (1232 bytes)
//! with its signers (batches at one device: see `how_many_devices_fit_one_claim` for more). Run
//! with `--nocapture` to print the table recorded in BENCHMARKS.md.

use anchor_lang::Space;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::rewards as client;

#[test]
fn every_instruction_fits_a_transaction() {
    let key = Pubkey::new_unique;
    let start = 1_767_225_600;
    let args = crate::fixture::season_args(start, vec![key(), key(), key()]);
    let classes: Vec<Pubkey> = (0..12).map(|_| key()).collect();
    let posted = client::PostedInputs {
        job_secs: 1,
        uptime_secs: 1,
        bandwidth_tier: 2,
        inputs_hash: [0; 32],
    };
    let claim_entry = || client::ClaimEntry {
        device: key(),
        provider: key(),
        io_payout: key(),
        rent_payer: key(),
    };
    let oracle = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
    let oracle2 = ed25519_dalek::SigningKey::from_bytes(&[2; 32]);
    let domain = client::oracle_domain([0; 32]);
    let total = client::OracleTotal {
        device: key(),
        cumulative_io_base: 1,
        config_version: 1,
    };
    let signed = [
        client::sign_total(&oracle, &domain, total),
        client::sign_total(&oracle2, &domain, total),
    ];
    let entry = client::RewardsEntry {
        device: total.device,
        gpu_class: key(),
        provider: key(),
        io_payout: key(),
    };
    let instructions: Vec<(&str, Vec<Instruction>)> = vec![
        (
            "config_init",
            vec![client::config_init(
                key(),
                key(),
                io_client::defaults::rewards(key(), key(), start, [0; 32]),
            )],
        ),
        (
            "season_create (12 classes)",
            vec![client::season_create(
                key(),
                key(),
                key(),
                key(),
                0,
                &classes,
                args,
            )],
        ),
        (
            "season_join",
            vec![client::season_join(key(), key(), key(), key())],
        ),
        (
            "inputs_post (8 devices)",
            vec![client::inputs_post(
                key(),
                key(),
                1,
                &(0..8).map(|_| key()).collect::<Vec<_>>(),
                vec![posted; 8],
            )],
        ),
        (
            "season_finalize",
            vec![client::season_finalize(key(), key())],
        ),
        (
            "season_claim (4 devices)",
            vec![client::season_claim(
                key(),
                key(),
                &(0..4).map(|_| claim_entry()).collect::<Vec<_>>(),
            )],
        ),
        (
            "season_clawback",
            vec![client::season_clawback(key(), key(), key())],
        ),
        (
            "season_record_close",
            vec![client::season_record_close(key(), key(), key(), key())],
        ),
        (
            "season_close",
            vec![client::season_close(key(), key(), key())],
        ),
        (
            "oracles_set (8 oracles)",
            vec![client::oracles_set(key(), (0..8).map(|_| key()).collect())],
        ),
        (
            "device_rewards_open",
            vec![client::device_rewards_open(key(), key())],
        ),
        (
            "ed25519 (2 of 3) + rewards_claim (1 device)",
            client::claim_instructions(key(), &domain, &signed, &[entry]).to_vec(),
        ),
        (
            "device_rewards_close",
            vec![client::device_rewards_close(key(), key(), key())],
        ),
    ];
    io_harness::sizes::print_size_table(&instructions);
    println!(
        "accounts: RewardsConfig {}, Season {}, SeasonDevice {}, DeviceRewards {} bytes; vaults 165",
        8 + client::Config::INIT_SPACE,
        8 + client::Season::INIT_SPACE,
        8 + client::SeasonDevice::INIT_SPACE,
        8 + client::DeviceRewards::INIT_SPACE,
    );
}
