//! `fees_sweep`: the fees leases accrue (reservation fees at open, provider fees at settlement)
//! leave the escrows only here, to the burn and the treasury, once; every refusal by name; and
//! the stored spender, which every IOSD movement of the market is checked against.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::market as client;
use io_harness::{IO, IOSD, Signer};
use market::error::MarketError;
use market::events::FeesSwept;

use crate::fixture::*;

const HOUR: i64 = 3_600;

/// `ix` with every account meta `from` replaced by `to`.
fn swapped(mut ix: Instruction, from: Pubkey, to: Pubkey) -> Instruction {
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == from) {
        meta.pubkey = to;
    }
    ix
}

/// A scene with an IOSD and an IO lease open and settled for an hour: fees of both currencies
/// accrued.
fn accrued() -> Scene {
    let mut s = scene(1_000);
    s.open(2, 100 * IOSD).expect("IOSD lease");
    s.open_io(2, 100 * IO).expect("IO lease");
    s.ctx.warp_by(HOUR);
    s.settle(0, 7_200).expect("settle IOSD");
    s.settle(1, 7_200).expect("settle IO");
    s
}

/// Anyone sweeps one currency: its burn share is burned and the rest reaches the treasury, its
/// accrual is cleared while the other currency's stays, the lifetime totals grow, and a second
/// sweep of it finds nothing.
#[test]
fn sweeps_each_currency_once() {
    let mut s = accrued();
    let fees = config(&s.ctx).fees;
    let (iosd, io) = (client::Currency::Iosd, client::Currency::Io);
    // IOSD: reservation 250_000 + settlement 10_000; IO: reservation 25_000_000 + 403_226.
    assert_eq!(
        (fees.held(iosd), fees.held(io)),
        (Ok(260_000), Ok(25_403_226))
    );
    let treasury_holder = io_client::iosd::holder_address(&s.ctx.authority.pubkey());
    for (currency, mint, treasury, escrow) in [
        (
            iosd,
            io_client::iosd::iosd_mint_address(),
            treasury_holder,
            client::escrow_address(),
        ),
        (
            io,
            s.ctx.io_mint,
            s.ctx.treasury,
            client::lease_vault_address(),
        ),
    ] {
        let before = (
            s.ctx.mint_supply(&mint),
            balance(&s.ctx, &treasury),
            balance(&s.ctx, &escrow),
            config(&s.ctx),
        );
        let sweeper = s.ctx.funded_keypair();
        let ix = client::fees_sweep(sweeper.pubkey(), accounts(&s.ctx), currency);
        let event: FeesSwept = s
            .ctx
            .send(std::slice::from_ref(&ix), &[&sweeper])
            .expect("sweep")
            .event(&client::ID);
        let (burn, to_treasury) = (fees.burn.of(currency), fees.treasury.of(currency));
        assert!(burn > 0 && to_treasury > 0);
        assert_eq!(
            (
                event.sweeper,
                event.currency,
                event.burned,
                event.to_treasury
            ),
            (sweeper.pubkey(), currency, burn, to_treasury)
        );
        assert_eq!(
            (event.treasury, event.treasury_holder),
            (s.ctx.treasury, treasury_holder)
        );
        assert_eq!(
            (
                before.0 - s.ctx.mint_supply(&mint),
                balance(&s.ctx, &treasury) - before.1,
                before.2 - balance(&s.ctx, &escrow),
            ),
            (burn, to_treasury, burn + to_treasury)
        );
        let after = config(&s.ctx);
        assert_eq!(after.fees.held(currency), Ok(0));
        assert_eq!(
            after.escrowed, before.3.escrowed,
            "what leases own never moves"
        );
        assert_eq!(
            (
                after.fees_swept.burn.of(currency),
                after.fees_swept.treasury.of(currency)
            ),
            (burn, to_treasury)
        );
        assert_eq!(
            (event.accrued, event.lifetime),
            (after.fees, after.fees_swept)
        );
        assert_eq!(event.revision, after.revision);
        s.ctx.assert_refused(
            ix,
            &[&sweeper],
            MarketError::NothingToSweep,
            &[client::config_address(), escrow],
        );
    }
    assert_eq!(config(&s.ctx).fees, client::AccruedFees::default());
    assert_eq!(config(&s.ctx).fees_swept, fees);
}

/// Nothing accrued, a treasury, holder, vault or mint other than the config's, a spender other
/// than the stored one, a settlement pause: each refused by name, nothing moves.
#[test]
fn refuses_bad_sweeps() {
    let mut fresh = scene(0);
    let sweeper = fresh.ctx.funded_keypair();
    for currency in [client::Currency::Iosd, client::Currency::Io] {
        let ix = client::fees_sweep(sweeper.pubkey(), accounts(&fresh.ctx), currency);
        fresh.ctx.assert_refused(
            ix,
            &[&sweeper],
            MarketError::NothingToSweep,
            &[client::config_address()],
        );
    }

    let mut s = accrued();
    let sweeper = s.ctx.funded_keypair();
    let watched = [
        client::config_address(),
        client::escrow_address(),
        client::lease_vault_address(),
        s.ctx.treasury,
    ];
    let deployment = accounts(&s.ctx);
    let ix = || client::fees_sweep(sweeper.pubkey(), deployment, client::Currency::Iosd);
    let io_ix = || client::fees_sweep(sweeper.pubkey(), deployment, client::Currency::Io);
    let mint = s.ctx.io_mint;
    let other_io = s.ctx.token_account(&mint, &sweeper.pubkey());
    let cases = [
        (
            swapped(io_ix(), s.ctx.treasury, other_io),
            MarketError::ConfigAccountMismatch,
        ),
        (
            swapped(
                ix(),
                io_client::iosd::holder_address(&s.ctx.authority.pubkey()),
                io_client::iosd::holder_address(&s.renter.pubkey()),
            ),
            MarketError::LeaseMismatch,
        ),
        (
            swapped(io_ix(), client::lease_vault_address(), other_io),
            MarketError::ConfigAccountMismatch,
        ),
        (
            swapped(io_ix(), s.ctx.io_mint, io_client::iosd::iosd_mint_address()),
            MarketError::IoMintMismatch,
        ),
        (
            swapped(
                ix(),
                io_client::iosd::spender_address(&client::ID),
                s.renter.pubkey(),
            ),
            MarketError::SpenderMismatch,
        ),
    ];
    for (ix, error) in cases {
        s.ctx.assert_refused(ix, &[&sweeper], error, &watched);
    }
    let guardian = s.ctx.guardian.insecure_clone();
    let pause = client::guardian_pause(guardian.pubkey(), client::PauseClass::Settlement, 1);
    s.ctx.send(&[pause], &[&guardian]).expect("paused");
    s.ctx
        .assert_refused(ix(), &[&sweeper], MarketError::Paused, &watched);
    s.ctx.warp_by(HOUR + 1);
    s.ctx
        .send(&[ix()], &[&sweeper])
        .expect("swept after the pause");
}

/// Every IOSD movement names the market's spender PDA, checked against the address the config
/// stored at `config_init` (no bump search): another account is refused by name before any CPI.
#[test]
fn lease_instructions_refuse_another_spender() {
    let mut s = scene(1_000);
    let spender = io_client::iosd::spender_address(&client::ID);
    let stored = config(&s.ctx).iosd_spender;
    assert_eq!(stored.address, spender);
    assert_eq!(
        Pubkey::create_program_address(
            &[iosd::constants::SEED_SPENDER, &[stored.bump]],
            &client::ID
        ),
        Ok(spender)
    );
    let funding = client::LeaseFunding::Iosd {
        deposit_micros: 100 * IOSD,
    };
    let ix = swapped(s.open_ix(2, funding, None), spender, s.renter.pubkey());
    let renter = s.renter.insecure_clone();
    s.ctx.assert_refused(
        ix,
        &[&renter],
        MarketError::SpenderMismatch,
        &[client::config_address(), client::escrow_address()],
    );
}
