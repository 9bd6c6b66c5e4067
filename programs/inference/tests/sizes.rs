//! Account and instruction sizes: every instruction fits in one legacy transaction (1232 bytes)
//! with its signers; `session_settle` is measured with its ed25519 instruction. Run with
//! `--nocapture` to print the table recorded in BENCHMARKS.md.

use anchor_lang::Space;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use inference::Currency;
use io_client::inference as client;
use io_receipt::Receipt;

#[test]
fn every_instruction_fits_a_transaction() {
    let key = Pubkey::new_unique;
    let id = crate::fixture::MODEL_ID;
    let terms = crate::fixture::terms(Currency::Iosd);
    let payment = client::Payment {
        model: key(),
        currency: Currency::Iosd,
        io_mint: key(),
        provider_payout: key(),
    };
    let args = client::SessionOpenArgs {
        session_key: key(),
        deposit: 1,
    };
    let receipt = Receipt {
        session: key(),
        cumulative_amount: 1,
        sequence: 1,
    };
    let settle = client::session_settle(
        key(),
        payment,
        &crate::fixture::domain(),
        &receipt,
        &[1; 32],
        &[2; 64],
    );
    let instructions: Vec<(&str, Vec<Instruction>)> = vec![
        (
            "config_init",
            vec![client::config_init(
                key(),
                key(),
                io_client::defaults::inference(key(), key(), [0; 32]),
            )],
        ),
        (
            "model_register",
            vec![client::model_register(key(), id, [1; 32], terms)],
        ),
        (
            "model_update",
            vec![client::model_update(key(), &id, terms)],
        ),
        (
            "model_set_paused",
            vec![client::model_set_paused(key(), &id, true)],
        ),
        ("model_retire", vec![client::model_retire(key(), &id)]),
        ("model_close", vec![client::model_close(key(), &id, key())]),
        (
            "model_claim",
            vec![client::model_claim(key(), &id, Currency::Iosd, key())],
        ),
        (
            "inference_pay",
            vec![client::inference_pay(key(), payment, 1, 0, 1)],
        ),
        (
            "burn_sweep",
            vec![client::burn_sweep(key(), Currency::Iosd, key())],
        ),
        (
            "session_open",
            vec![client::session_open(key(), payment, 0, args)],
        ),
        (
            "session_top_up",
            vec![client::session_top_up(key(), key(), payment, 1)],
        ),
        ("ed25519 + session_settle", settle.to_vec()),
        (
            "session_close_request",
            vec![client::session_close_request(key(), key(), key())],
        ),
        (
            "session_finalize",
            vec![client::session_finalize(key(), key(), key(), payment)],
        ),
    ];
    io_harness::sizes::print_size_table(&instructions);
    println!(
        "accounts: InferenceConfig {}, Model {}, Session {} bytes; the IO vault 165",
        8 + client::Config::INIT_SPACE,
        8 + client::Model::INIT_SPACE,
        8 + client::Session::INIT_SPACE,
    );
}
