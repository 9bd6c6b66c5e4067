//! Account and instruction sizes: every instruction, with the price update it needs, fits in one
//! legacy transaction (1232 bytes) with its signers. Run with `--nocapture` to print the table
//! recorded in BENCHMARKS.md.

use anchor_lang::Space;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::iosd as client;
use iosd::MintAmount;

/// Largest serialized transaction the cluster accepts.

#[test]
fn every_instruction_fits_a_transaction() {
    let key = Pubkey::new_unique;
    let args = io_client::defaults::iosd(key(), key());
    let amount = MintAmount::ExactIo {
        io_in_base: 1,
        min_iosd_out_micros: 1,
    };
    let probe = spender_probe::ID;
    let instructions: Vec<(&str, Instruction)> = vec![
        ("config_init", client::config_init(key(), key(), args)),
        ("holder_open", client::holder_open(key(), key())),
        (
            "iosd_mint",
            client::iosd_mint(key(), key(), key(), key(), amount),
        ),
        (
            "iosd_redeem",
            client::iosd_redeem(key(), key(), key(), 1, 1),
        ),
        ("escrow_deposit", client::escrow_deposit(&probe, key(), 1)),
        ("escrow_pay", client::escrow_pay(&probe, &key(), 1)),
        ("escrow_burn", client::escrow_burn(&probe, 1)),
        ("solvency_refresh", client::solvency_refresh(key())),
        (
            "params_set",
            client::params_set(key(), io_client::defaults::IOSD_ORACLE),
        ),
        (
            "breaker_set",
            client::breaker_set(key(), io_client::defaults::IOSD_BREAKER),
        ),
        ("spender_allow", client::spender_allow(key(), key())),
        ("spender_revoke", client::spender_revoke(key(), key())),
        (
            "role_propose",
            client::role_propose(key(), iosd::Role::Authority, key()),
        ),
        (
            "role_accept",
            client::role_accept(key(), iosd::Role::Guardian),
        ),
        ("guardian_pause", client::guardian_pause(key(), 72)),
        ("pause_set", client::pause_set(key(), 0)),
    ];
    let rows: Vec<(&str, Vec<Instruction>)> = instructions
        .into_iter()
        .map(|(name, ix)| (name, vec![ix]))
        .collect();
    io_harness::sizes::print_size_table(&rows);
    let config = 8 + client::Config::INIT_SPACE;
    println!("IosdConfig account: {config} bytes; holder and vault: 165; IOSD mint: 82");
}
