//! Providers: register, update payouts, close.

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::Signer;
use market::error::MarketError;
use market::events::{ProviderClosed, ProviderSet};

use crate::fixture::*;

#[test]
fn registers_updates_and_closes() {
    let mut ctx = deployment();
    let key = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let io = ctx.token_account(&mint, &key.pubkey());
    let iosd_owner = Pubkey::new_unique();
    let event: ProviderSet = ctx
        .send(
            &[client::provider_register(key.pubkey(), io, iosd_owner)],
            &[&key],
        )
        .expect("register")
        .event(&client::ID);
    let address = client::provider_address(&key.pubkey());
    let provider: client::Provider = ctx.fetch(&address);
    assert_eq!(
        (
            provider.owner,
            provider.io_payout,
            provider.iosd_payout_owner
        ),
        (key.pubkey(), io, iosd_owner)
    );
    assert_eq!(
        (provider.device_count, provider.rent_payer),
        (0, key.pubkey())
    );
    assert_eq!(
        (event.provider, event.created, event.provider_count),
        (address, true, 1)
    );
    assert_eq!(config(&ctx).provider_count, 1);

    let other_io = ctx.token_account(&mint, &Pubkey::new_unique());
    let event: ProviderSet = ctx
        .send(
            &[client::provider_update(
                key.pubkey(),
                other_io,
                key.pubkey(),
            )],
            &[&key],
        )
        .expect("update")
        .event(&client::ID);
    assert_eq!(
        (event.io_payout, event.created, event.revision),
        (other_io, false, 1)
    );

    let rent = ctx.lamports(&address);
    let before = ctx.lamports(&key.pubkey());
    let closed: ProviderClosed = ctx
        .send(
            &[client::provider_close(key.pubkey(), key.pubkey())],
            &[&key],
        )
        .expect("close")
        .event(&client::ID);
    assert_eq!((closed.provider, closed.provider_count), (address, 0));
    assert_eq!(ctx.data(&address), None);
    assert_eq!(ctx.lamports(&key.pubkey()), before + rent);
}

#[test]
fn refuses_second_registration_wrong_mint_strangers_and_devices() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 0);
    let address = client::provider_address(&owner.key.pubkey());
    let ix = client::provider_register(owner.key.pubkey(), owner.io, owner.key.pubkey());
    ctx.assert_refused(
        ix,
        &[&owner.key],
        MarketError::AlreadyInitialized,
        &[address],
    );

    let authority = ctx.mint_authority.pubkey();
    let other_mint = ctx.create_mint(8, &authority);
    let wrong = ctx.token_account(&other_mint, &owner.key.pubkey());
    let newcomer = ctx.funded_keypair();
    let ix = client::provider_register(newcomer.pubkey(), wrong, newcomer.pubkey());
    ctx.assert_refused(
        ix,
        &[&newcomer],
        MarketError::IoMintMismatch,
        &[client::provider_address(&newcomer.pubkey())],
    );
    let ix = client::provider_update(owner.key.pubkey(), wrong, owner.key.pubkey());
    ctx.assert_refused(ix, &[&owner.key], MarketError::IoMintMismatch, &[address]);

    // Someone else signing for the provider: the accounts name the owner's provider.
    let mut ix = client::provider_update(newcomer.pubkey(), owner.io, newcomer.pubkey());
    ix.accounts[2].pubkey = address;
    ctx.assert_refused(ix, &[&newcomer], MarketError::NotProviderOwner, &[address]);

    device(&mut ctx, &owner, H100, 1);
    let ix = client::provider_close(owner.key.pubkey(), owner.key.pubkey());
    ctx.assert_refused(
        ix,
        &[&owner.key],
        MarketError::ProviderHasDevices,
        &[address],
    );
}
