//! `holder_open`: the frozen IOSD account of any owner, paid by anyone, once.

use io_client::iosd as client;
use io_harness::Signer;
use iosd::error::IosdError;
use iosd::events::HolderOpened;
use solana_program_pack::Pack;
use spl_token_interface::state::{Account as TokenAccount, AccountState};

use crate::fixture::*;

#[test]
fn opens_a_frozen_iosd_account_for_its_owner() {
    let mut ctx = deployment();
    let owner = ctx.funded_keypair().pubkey();
    let payer = ctx.payer.pubkey();
    let before = ctx.lamports(&payer);
    let executed = ctx
        .send(&[client::holder_open(payer, owner)], &[])
        .expect("open");
    let holder = client::holder_address(&owner);
    let account = TokenAccount::unpack(&ctx.data(&holder).unwrap()).unwrap();
    assert_eq!(
        (account.mint, account.owner, account.amount),
        (ctx.iosd_mint, owner, 0)
    );
    assert_eq!(account.state, AccountState::Frozen);
    assert_eq!(
        Option::<anchor_lang::prelude::Pubkey>::from(account.delegate),
        None
    );
    let rent = ctx
        .svm
        .minimum_balance_for_rent_exemption(TokenAccount::LEN);
    assert_eq!(ctx.lamports(&holder), rent);
    assert_eq!(
        before - ctx.lamports(&payer),
        rent + 5_000,
        "rent and the fee"
    );
    let event: HolderOpened = executed.event(&client::ID);
    assert_eq!(
        (event.holder, event.owner, event.payer),
        (holder, owner, payer)
    );
}

#[test]
fn refuses_a_second_open_and_a_foreign_mint() {
    let mut ctx = deployment();
    let owner = ctx.funded_keypair().pubkey();
    let holder = open_holder(&mut ctx, &owner);
    let payer = ctx.payer.pubkey();
    refused(
        &mut ctx,
        client::holder_open(payer, owner),
        &[],
        IosdError::AlreadyInitialized,
        &[holder],
    );
    let other = ctx.funded_keypair().pubkey();
    let mut ix = client::holder_open(payer, other);
    ix.accounts[4].pubkey = ctx.io_mint;
    refused(
        &mut ctx,
        ix,
        &[],
        IosdError::ConfigAccountMismatch,
        &[client::holder_address(&other)],
    );
}

/// An empty holder account can be closed by its owner with SPL Token's own `CloseAccount`
/// (frozen or not, an account without balance closes), returning its rent; `holder_open` can
/// open it again later.
#[test]
fn an_empty_holder_closes_and_reopens() {
    let mut ctx = deployment();
    let owner = ctx.funded_keypair();
    let holder = open_holder(&mut ctx, &owner.pubkey());
    let rent = ctx.lamports(&holder);
    let before = ctx.lamports(&owner.pubkey());
    let close = spl_token_interface::instruction::close_account(
        &spl_token_interface::ID,
        &holder,
        &owner.pubkey(),
        &owner.pubkey(),
        &[],
    )
    .unwrap();
    ctx.send(&[close], &[&owner]).expect("close");
    assert_eq!(ctx.data(&holder), None);
    assert_eq!(ctx.lamports(&owner.pubkey()), before + rent);
    assert_eq!(open_holder(&mut ctx, &owner.pubkey()), holder);
    assert!(frozen(&ctx, &holder));
}
