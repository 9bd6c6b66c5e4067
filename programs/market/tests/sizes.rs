//! Account and instruction sizes: every instruction fits in one legacy transaction (1232 bytes)
//! with its signers. Run with `--nocapture` to print the table recorded in BENCHMARKS.md.

use anchor_lang::Space;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::market as client;

#[test]
fn every_instruction_fits_a_transaction() {
    let key = Pubkey::new_unique;
    let name = client::class_name("H100-80GB-SXM");
    let terms = crate::fixture::H100_TERMS;
    let params = io_client::defaults::MARKET_PARAMS;
    let (device, class) = (key(), key());
    let instructions: Vec<(&str, Instruction)> = vec![
        (
            "config_init",
            client::config_init(
                key(),
                key(),
                key(),
                io_client::defaults::market(key(), key()),
            ),
        ),
        ("params_set", client::params_set(key(), params)),
        (
            "role_propose",
            client::role_propose(key(), client::Role::Guardian, key()),
        ),
        (
            "role_accept",
            client::role_accept(key(), client::Role::Guardian),
        ),
        (
            "key_set_add",
            client::key_set_add(key(), client::KeySet::Slashers, key()),
        ),
        (
            "key_set_remove",
            client::key_set_remove(key(), client::KeySet::Slashers, key()),
        ),
        (
            "guardian_pause",
            client::guardian_pause(key(), client::PauseClass::Leasing, 1),
        ),
        (
            "pause_set",
            client::pause_set(key(), client::PauseClass::Leasing, 0),
        ),
        (
            "gpu_class_create",
            client::gpu_class_create(key(), key(), name, terms),
        ),
        (
            "gpu_class_update",
            client::gpu_class_update(key(), &name, terms),
        ),
        ("gpu_class_retire", client::gpu_class_retire(key(), &name)),
        (
            "gpu_class_close",
            client::gpu_class_close(key(), &name, key()),
        ),
        (
            "provider_register",
            client::provider_register(key(), key(), key()),
        ),
        (
            "provider_update",
            client::provider_update(key(), key(), key()),
        ),
        ("provider_close", client::provider_close(key(), key())),
        (
            "device_register",
            client::device_register(key(), 0, class, crate::fixture::spec(8)),
        ),
        (
            "device_rotate_key",
            client::device_rotate_key(key(), 0, class, key()),
        ),
        (
            "device_set_available",
            client::device_set_available(key(), 0, class, true),
        ),
        ("device_close", client::device_close(key(), 0, class, key())),
        (
            "stake_deposit",
            client::stake_deposit(key(), 0, class, key(), 1),
        ),
        (
            "unstake_request",
            client::unstake_request(key(), 0, class, 1),
        ),
        (
            "stake_withdraw",
            client::stake_withdraw(key(), 0, class, key()),
        ),
        (
            "lease_open",
            client::lease_open(
                key(),
                device,
                class,
                0,
                client::Deployment {
                    io_mint: key(),
                    treasury: key(),
                    treasury_owner: key(),
                },
                client::LeaseOpenArgs {
                    gpu_count: 1,
                    funding: client::LeaseFunding::Io {
                        deposit_io_base: 1,
                        min_quote_pico_usd_per_io: 1,
                    },
                    max_rate_usd_per_gpu_hour_micros: 1,
                },
                Some(key()),
            ),
        ),
        (
            "lease_top_up",
            client::lease_top_up(
                key(),
                key(),
                client::Currency::Io,
                client::Deployment {
                    io_mint: key(),
                    treasury: key(),
                    treasury_owner: key(),
                },
                1,
            ),
        ),
        ("lease_settle", client::lease_settle(key(), key(), key(), 1)),
        (
            "fees_sweep",
            client::fees_sweep(
                key(),
                client::Deployment {
                    io_mint: key(),
                    treasury: key(),
                    treasury_owner: key(),
                },
                client::Currency::Iosd,
            ),
        ),
        ("provider_claim", client::provider_claim(key(), key())),
        (
            "provider_claim_io",
            client::provider_claim_io(key(), key(), key(), 0),
        ),
        (
            "provider_claim_io_earnings",
            client::provider_claim_io_earnings(key(), key()),
        ),
        (
            "lease_settle_batch (1 lease)",
            client::lease_settle_batch(
                key(),
                &[client::BatchEntry {
                    lease: key(),
                    provider_owner: key(),
                    cumulative_gpu_secs: 1,
                }],
            ),
        ),
        (
            "lease_close_request",
            client::lease_close_request(key(), key(), key()),
        ),
        (
            "lease_finalize",
            client::lease_finalize(
                key(),
                key(),
                device,
                key(),
                client::Currency::Io,
                client::Deployment {
                    io_mint: key(),
                    treasury: key(),
                    treasury_owner: key(),
                },
            ),
        ),
        (
            "slash_open",
            client::slash_open(key(), device, 0, 1, [0; 32]),
        ),
        (
            "slash_uphold",
            client::slash_uphold(key(), device, 0, key(), key()),
        ),
        (
            "slash_reverse",
            client::slash_reverse(key(), device, 0, key(), key()),
        ),
        (
            "slash_finalize",
            client::slash_finalize(key(), device, 0, key(), key()),
        ),
    ];
    let rows: Vec<(&str, Vec<Instruction>)> = instructions
        .into_iter()
        .map(|(name, ix)| (name, vec![ix]))
        .collect();
    io_harness::sizes::print_size_table(&rows);
    println!(
        "accounts: MarketConfig {}, GpuClass {}, Provider {}, Device {}, Slash {} bytes; stake vault, slash escrow and lease vault 165",
        8 + client::Config::INIT_SPACE,
        8 + client::GpuClass::INIT_SPACE,
        8 + client::Provider::INIT_SPACE,
        8 + client::Device::INIT_SPACE,
        8 + client::Slash::INIT_SPACE,
    );
    println!("Lease account: {} bytes", 8 + client::Lease::INIT_SPACE);
}
