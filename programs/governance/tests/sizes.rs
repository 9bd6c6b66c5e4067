//! Account and instruction sizes: every instruction fits in one legacy transaction (1232 bytes)
//! with its signers, the largest stored instruction (16 accounts, 224 data bytes) included. Run
//! with `--nocapture` to print the table recorded in BENCHMARKS.md.

use anchor_lang::Space;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use governance::constants::{MAX_INSTRUCTION_ACCOUNTS, MAX_INSTRUCTION_DATA};
use io_client::governance as client;
use io_client::governance::{StoredInstruction, StoredMeta, VoteChoice};

#[test]
fn every_instruction_fits_a_transaction() {
    let key = Pubkey::new_unique;
    let largest = StoredInstruction {
        program_id: key(),
        accounts: (0..MAX_INSTRUCTION_ACCOUNTS)
            .map(|_| StoredMeta {
                pubkey: key(),
                is_signer: false,
                is_writable: true,
            })
            .collect(),
        data: vec![0; MAX_INSTRUCTION_DATA],
    };
    let params = io_client::defaults::GOVERNANCE_PARAMS;
    let instructions: Vec<(&str, Instruction)> = vec![
        (
            "config_init",
            client::config_init(key(), key(), io_client::defaults::governance(key(), key())),
        ),
        ("params_set", client::params_set(key(), params)),
        (
            "position_open",
            client::position_open(key(), key(), 0, 1, 1),
        ),
        ("position_extend", client::position_extend(key(), 0, 1)),
        (
            "position_withdraw",
            client::position_withdraw(key(), key(), 0),
        ),
        (
            "proposal_create",
            client::proposal_create(key(), 0, 0, [0; 32]),
        ),
        (
            "proposal_add_instruction (largest)",
            client::proposal_add_instruction(key(), key(), 0, largest.clone()),
        ),
        ("proposal_sign_off", client::proposal_sign_off(key(), key())),
        ("proposal_cancel", client::proposal_cancel(key(), key())),
        (
            "vote_cast",
            client::vote_cast(key(), 0, key(), VoteChoice::Yes),
        ),
        ("vote_relinquish", client::vote_relinquish(key(), 0, key())),
        ("proposal_finalize", client::proposal_finalize(key(), key())),
        ("proposal_veto", client::proposal_veto(key(), key())),
        (
            "proposal_execute (largest)",
            client::proposal_execute(key(), key(), 0, &largest),
        ),
        (
            "proposal_close (8 instructions)",
            client::proposal_close(key(), key(), key(), 8),
        ),
    ];
    let rows: Vec<(&str, Vec<Instruction>)> = instructions
        .into_iter()
        .map(|(name, ix)| (name, vec![ix]))
        .collect();
    io_harness::sizes::print_size_table(&rows);
    println!(
        "accounts: GovernanceConfig {}, Position {}, Proposal {}, ProposalInstruction {}, VoteMarker {} bytes; the vault 165",
        8 + client::Config::INIT_SPACE,
        8 + client::Position::INIT_SPACE,
        8 + client::Proposal::INIT_SPACE,
        8 + client::ProposalInstruction::INIT_SPACE,
        8 + client::VoteMarker::INIT_SPACE,
    );
}
