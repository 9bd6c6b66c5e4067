//! `emit_cpi!` events and return data from a native program.

use anchor_lang::{AnchorDeserialize, Discriminator};
use solana_pubkey::Pubkey;

use crate::support::{Probe, probe_ix};

#[test]
fn emit_cpi_event_is_an_inner_instruction_that_decodes() {
    // Given the probe at slot 1234
    let mut probe = Probe::new();
    probe.svm.warp_to_slot(1234);
    let (event_authority, _) = Pubkey::find_program_address(&[b"__event_authority"], &probe::ID);

    // When `echo` runs
    let accounts = probe::accounts::Echo {
        event_authority,
        program: probe::ID,
    };
    let ix = probe_ix(accounts, probe::instruction::Echo { value: 21 });
    let meta = probe.send(&[ix], &[]).expect("echo succeeds");

    // Then exactly one inner instruction targets the probe itself, signed by its event
    // authority, and carries the event tag, the event's discriminator and its fields
    let inner = &meta.inner_instructions[0];
    assert_eq!(inner.len(), 1);
    let data = &inner[0].instruction.data;
    let (tag, rest) = data.split_at(8);
    assert_eq!(tag, anchor_lang::event::EVENT_IX_TAG_LE);
    let (discriminator, mut fields) = rest.split_at(probe::Probed::DISCRIMINATOR.len());
    assert_eq!(discriminator, probe::Probed::DISCRIMINATOR);
    let event = probe::Probed::deserialize(&mut fields).unwrap();
    assert_eq!((event.value, event.slot), (21, 1234));
}

#[test]
fn event_instruction_sent_directly_is_rejected() {
    // A forged event (the event instruction sent at top level, without the event authority's
    // signature) must never be accepted, or an indexer could be fed fake events.
    let mut probe = Probe::new();
    let (event_authority, _) = Pubkey::find_program_address(&[b"__event_authority"], &probe::ID);
    let mut data = anchor_lang::event::EVENT_IX_TAG_LE.to_vec();
    data.extend_from_slice(probe::Probed::DISCRIMINATOR);
    data.extend_from_slice(&[0; 16]);
    let ix = solana_instruction::Instruction {
        program_id: probe::ID,
        accounts: vec![solana_instruction::AccountMeta::new_readonly(
            event_authority,
            false,
        )],
        data,
    };
    let failure = probe
        .send(&[ix], &[])
        .expect_err("no event authority signature");
    let expected = anchor_lang::error::ErrorCode::ConstraintSigner as u32;
    assert_eq!(
        failure.err,
        solana_transaction_error::TransactionError::InstructionError(
            0,
            solana_instruction::error::InstructionError::Custom(expected)
        )
    );
}
