//! Cross-program invocations from a native program: into SPL Token and the System program,
//! signed by the user or by a PDA, and errors coming back from the callee.

use anchor_lang::AccountDeserialize;
use solana_instruction::error::InstructionError;
use solana_keypair::Keypair;
use solana_pubkey::Pubkey;
use solana_signer::Signer;
use solana_transaction_error::TransactionError;

use crate::support::{Probe, probe_ix};

#[test]
fn user_signed_cpi_moves_tokens_through_spl_token() {
    // Given a user holding 1_000 base units and an empty destination
    let mut probe = Probe::new();
    let user = Keypair::new();
    let from = probe.token_account(user.pubkey(), 1_000);
    let to = probe.token_account(Pubkey::new_unique(), 0);

    // When the probe transfers 400 on the user's signature
    let accounts = probe::accounts::UserTransfer {
        owner: user.pubkey(),
        mint: probe.mint,
        from,
        to,
        token_program: spl_token_interface::ID,
    };
    let ix = probe_ix(accounts, probe::instruction::UserTransfer { amount: 400 });
    let meta = probe.send(&[ix], &[&user]).expect("transfer succeeds");

    // Then the real token program moved exactly 400, as an inner instruction
    assert_eq!(probe.balance(&from), 600);
    assert_eq!(probe.balance(&to), 400);
    let inner = &meta.inner_instructions[0];
    assert_eq!(inner.len(), 1, "one CPI: the token transfer");
    assert_eq!(inner[0].stack_height, 2);
}

#[test]
fn pda_signed_cpi_moves_tokens_out_of_a_program_vault() {
    // Given a vault owned by the probe's PDA
    let mut probe = Probe::new();
    let (authority, _) = Pubkey::find_program_address(&[probe::VAULT_AUTHORITY_SEED], &probe::ID);
    let vault = probe.token_account(authority, 5_000);
    let to = probe.token_account(Pubkey::new_unique(), 0);

    // When the probe pays out 1_250, signing with the PDA's seeds
    let accounts = probe::accounts::VaultTransfer {
        vault_authority: authority,
        mint: probe.mint,
        vault,
        to,
        token_program: spl_token_interface::ID,
    };
    let ix = probe_ix(
        accounts,
        probe::instruction::VaultTransfer { amount: 1_250 },
    );
    probe
        .send(&[ix], &[])
        .expect("PDA-signed transfer succeeds");

    // Then both balances changed by exactly that amount
    assert_eq!(probe.balance(&vault), 3_750);
    assert_eq!(probe.balance(&to), 1_250);
}

#[test]
fn pda_signed_system_cpi_creates_a_program_account() {
    // Given no state account yet
    let mut probe = Probe::new();
    let (state, bump) = Pubkey::find_program_address(&[probe::STATE_SEED], &probe::ID);
    probe.svm.warp_to_slot(77);

    // When the probe creates it (Anchor `init`: a system CPI signed by the new PDA)
    let accounts = probe::accounts::StateInit {
        payer: probe.payer.pubkey(),
        state,
        system_program: solana_sdk_ids::system_program::ID,
    };
    let ix = probe_ix(accounts, probe::instruction::StateInit { value: 42 });
    probe.send(&[ix], &[]).expect("init succeeds");

    // Then the account is owned by the probe, rent-exempt, and holds what it wrote, including
    // the slot it read from the Clock sysvar through the stubs
    let account = probe.svm.get_account(&state).expect("state exists");
    assert_eq!(account.owner, probe::ID);
    assert_eq!(
        account.lamports,
        probe
            .svm
            .minimum_balance_for_rent_exemption(account.data.len())
    );
    let decoded = probe::ProbeState::try_deserialize(&mut account.data.as_slice()).unwrap();
    assert_eq!(
        (decoded.value, decoded.bump, decoded.slot_seen),
        (42, bump, 77)
    );

    // And a second `init` fails inside the System program and changes nothing. (Anchor 1.2.2
    // sends `CreateAccountAllowPrefund` for an address that already holds lamports; the System
    // program refuses it for an account it no longer owns, as "invalid instruction data".)
    let again = probe::accounts::StateInit {
        payer: probe.payer.pubkey(),
        state,
        system_program: solana_sdk_ids::system_program::ID,
    };
    let ix = probe_ix(again, probe::instruction::StateInit { value: 9 });
    let failure = probe.send(&[ix], &[]).expect_err("account already exists");
    assert_eq!(
        failure.err,
        TransactionError::InstructionError(0, InstructionError::InvalidInstructionData)
    );
    let after = probe.svm.get_account(&state).unwrap();
    assert_eq!(after.data, account.data);
}

#[test]
fn callee_error_propagates_to_the_transaction() {
    // Given a user holding 10
    let mut probe = Probe::new();
    let user = Keypair::new();
    let from = probe.token_account(user.pubkey(), 10);
    let to = probe.token_account(Pubkey::new_unique(), 0);

    // When the probe asks SPL Token to move 11
    let accounts = probe::accounts::UserTransfer {
        owner: user.pubkey(),
        mint: probe.mint,
        from,
        to,
        token_program: spl_token_interface::ID,
    };
    let ix = probe_ix(accounts, probe::instruction::UserTransfer { amount: 11 });
    let failure = probe.send(&[ix], &[&user]).expect_err("insufficient funds");

    // Then the token program's own error code (InsufficientFunds = 1) is what the caller sees,
    // and nothing moved
    let insufficient = spl_token_interface::error::TokenError::InsufficientFunds as u32;
    assert_eq!(
        failure.err,
        TransactionError::InstructionError(0, InstructionError::Custom(insufficient))
    );
    assert_eq!((probe.balance(&from), probe.balance(&to)), (10, 0));
}

#[test]
fn cpi_without_the_pda_signature_is_a_privilege_error() {
    // Given a vault owned by an address the probe cannot sign for
    let mut probe = Probe::new();
    let stranger = Keypair::new();
    let (authority, _) = Pubkey::find_program_address(&[probe::VAULT_AUTHORITY_SEED], &probe::ID);
    let vault = probe.token_account(stranger.pubkey(), 100);
    let to = probe.token_account(Pubkey::new_unique(), 0);

    // When the probe tries to move it anyway (Anchor's constraint rejects it first)
    let accounts = probe::accounts::VaultTransfer {
        vault_authority: authority,
        mint: probe.mint,
        vault,
        to,
        token_program: spl_token_interface::ID,
    };
    let ix = probe_ix(accounts, probe::instruction::VaultTransfer { amount: 1 });
    let failure = probe.send(&[ix], &[]).expect_err("not the vault authority");

    // Then it fails with Anchor's token-owner constraint error and nothing moved
    let owner_mismatch = anchor_lang::error::ErrorCode::ConstraintTokenOwner as u32;
    assert_eq!(
        failure.err,
        TransactionError::InstructionError(0, InstructionError::Custom(owner_mismatch))
    );
    assert_eq!(probe.balance(&vault), 100);
}

#[test]
fn program_error_reaches_the_transaction_as_its_code() {
    let mut probe = Probe::new();
    let caller = probe.payer.pubkey();
    let ix = probe_ix(
        probe::accounts::Refuse { caller },
        probe::instruction::Refuse {},
    );
    let failure = probe.send(&[ix], &[]).expect_err("refuses");
    let refused = anchor_lang::error::ERROR_CODE_OFFSET + probe::ProbeError::Refused as u32;
    assert_eq!(
        failure.err,
        TransactionError::InstructionError(0, InstructionError::Custom(refused))
    );
}

#[test]
fn pre_funded_pda_blocks_anchor_init() {
    // Anyone can send lamports to a PDA before its `init`. Anchor 1.2.2 then switches to
    // `CreateAccountAllowPrefund` (System instruction 13), which the agave 3.1 System program
    // rejects, so that `init` can never succeed. This pins the behaviour: a program must not use
    // Anchor's `init` for an address a stranger can pre-fund where a blocked init would hurt
    // (SECURITY.md, "Known limitations").
    let mut probe = Probe::new();
    let (state, _) = Pubkey::find_program_address(&[probe::STATE_SEED], &probe::ID);
    let rent_exempt_empty = probe.svm.minimum_balance_for_rent_exemption(0);
    probe.svm.airdrop(&state, rent_exempt_empty).unwrap();

    let accounts = probe::accounts::StateInit {
        payer: probe.payer.pubkey(),
        state,
        system_program: solana_sdk_ids::system_program::ID,
    };
    let ix = probe_ix(accounts, probe::instruction::StateInit { value: 1 });
    let failure = probe
        .send(&[ix], &[])
        .expect_err("pre-funded init is refused");
    assert_eq!(
        failure.err,
        TransactionError::InstructionError(0, InstructionError::InvalidInstructionData)
    );
    let inner = &failure.meta.inner_instructions[0];
    assert_eq!(
        inner[0].instruction.data[0], 13,
        "CreateAccountAllowPrefund"
    );
    assert_eq!(
        probe.svm.get_account(&state).unwrap().owner,
        solana_sdk_ids::system_program::ID
    );
}

#[test]
fn writing_a_read_only_account_is_refused_as_on_chain() {
    // Given the probe's state account
    let mut probe = Probe::new();
    let (state, _) = Pubkey::find_program_address(&[probe::STATE_SEED], &probe::ID);
    let accounts = probe::accounts::StateInit {
        payer: probe.payer.pubkey(),
        state,
        system_program: solana_sdk_ids::system_program::ID,
    };
    let ix = probe_ix(accounts, probe::instruction::StateInit { value: 5 });
    probe.send(&[ix], &[]).expect("init succeeds");
    let before = probe.svm.get_account(&state).unwrap().data;

    // When the probe writes to it while it is passed read-only
    let ix = probe_ix(
        probe::accounts::Scribble { state },
        probe::instruction::Scribble {},
    );
    let failure = probe.send(&[ix], &[]).expect_err("read-only write");

    // Then the glue refuses it as the runtime refuses it after SBF code, and nothing changed
    assert_eq!(
        failure.err,
        TransactionError::InstructionError(0, InstructionError::ReadonlyDataModified)
    );
    assert_eq!(probe.svm.get_account(&state).unwrap().data, before);
}
