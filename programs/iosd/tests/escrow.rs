//! The spend interface through the spender probe, a real program calling iosd by CPI:
//! `escrow_deposit`, `escrow_pay`, `escrow_burn`, in every solvency state, and every refusal.

use io_client::iosd as client;
use io_harness::{IOSD, Signer};
use iosd::error::IosdError;
use iosd::events::{EscrowBurned, EscrowDeposited, EscrowPaid};

use crate::fixture::*;

fn escrow() -> anchor_lang::prelude::Pubkey {
    client::escrow_address(&spender_probe::ID)
}

/// A renter with 248 IOSD, the probe allowed with its escrow open.
fn funded_renter() -> (io_harness::TestContext, User) {
    let mut ctx = deployment_with_probe();
    let renter = user(&mut ctx, 1_000);
    mint_io(&mut ctx, &renter, 100);
    (ctx, renter)
}

/// The renter's IOSD moves into the probe's escrow; both stay frozen; the event names the
/// spending program and the post-balances.
#[test]
fn an_allowed_program_moves_iosd_into_its_escrow() {
    let (mut ctx, renter) = funded_renter();
    let ix = probe_spend(&renter.key.pubkey(), 48 * IOSD, true);
    let executed = ctx.send(&[ix], &[&renter.key]).expect("spend");
    assert_eq!(balance(&ctx, &renter.holder), 200 * IOSD);
    assert_eq!(balance(&ctx, &escrow()), 48 * IOSD);
    assert!(frozen(&ctx, &renter.holder) && frozen(&ctx, &escrow()));
    let event: EscrowDeposited = executed.event(&client::ID);
    assert_eq!(event.spender_program, spender_probe::ID);
    assert_eq!((event.source, event.escrow), (renter.holder, escrow()));
    assert_eq!(
        (
            event.amount_micros,
            event.source_balance_micros,
            event.escrow_balance_micros
        ),
        (48 * IOSD, 200 * IOSD, 48 * IOSD)
    );
}

/// From the escrow the program pays a provider and burns a fee share; the burn lowers the
/// supply and is counted, the IO stays in the vault.
#[test]
fn the_program_pays_out_and_burns_from_its_escrow() {
    let (mut ctx, renter) = funded_renter();
    ctx.send(
        &[probe_spend(&renter.key.pubkey(), 48 * IOSD, true)],
        &[&renter.key],
    )
    .expect("spend");
    let provider = ctx.funded_keypair().pubkey();
    let provider_holder = open_holder(&mut ctx, &provider);

    let paid: EscrowPaid = ctx
        .send(&[probe_escrow_move(provider_holder, 40 * IOSD, false)], &[])
        .expect("pay out")
        .event(&client::ID);
    assert_eq!(balance(&ctx, &provider_holder), 40 * IOSD);
    assert_eq!(
        (
            paid.spender_program,
            paid.destination,
            paid.escrow_balance_micros,
            paid.destination_balance_micros
        ),
        (spender_probe::ID, provider_holder, 8 * IOSD, 40 * IOSD)
    );
    assert!(frozen(&ctx, &provider_holder));

    let burned: EscrowBurned = ctx
        .send(&[probe_escrow_move(provider_holder, 8 * IOSD, true)], &[])
        .expect("burn")
        .event(&client::ID);
    assert_eq!(balance(&ctx, &escrow()), 0);
    assert_eq!(ctx.mint_supply(&client::iosd_mint_address()), 240 * IOSD);
    assert_eq!(
        (
            burned.amount_micros,
            burned.supply_micros,
            burned.burned_total_micros
        ),
        (8 * IOSD, 240 * IOSD, 8 * IOSD)
    );
    assert_eq!(config(&ctx).totals.burned_iosd_micros, 8 * IOSD);
    assert_eq!(
        balance(&ctx, &client::io_vault_address()),
        100 * io_harness::IO
    );
}

/// Spending needs no price: it works when minting is halted and when the oracle is silent.
#[test]
fn spending_works_in_every_halt() {
    let (mut ctx, renter) = funded_renter();
    let crashed = ctx.io_price_now(150_000_000, CONF_E8);
    ctx.send(&[client::solvency_refresh(crashed)], &[])
        .expect("refresh");
    assert_eq!(
        config(&ctx).solvency.state,
        iosd::state::SolvencyState::MintHalted
    );
    ctx.send(
        &[probe_spend(&renter.key.pubkey(), IOSD, true)],
        &[&renter.key],
    )
    .expect("spend while mint-halted");
    ctx.warp_by(3_600);
    ctx.send(
        &[probe_spend(&renter.key.pubkey(), IOSD, true)],
        &[&renter.key],
    )
    .expect("spend with a silent oracle");
    assert_eq!(balance(&ctx, &escrow()), 2 * IOSD);
}

/// A program that is not (or no longer) on the allow-list cannot spend.
#[test]
fn refuses_a_program_off_the_allow_list() {
    let (mut ctx, renter) = funded_renter();
    let authority = ctx.authority.insecure_clone();
    ctx.send(
        &[client::spender_revoke(
            authority.pubkey(),
            spender_probe::ID,
        )],
        &[&authority],
    )
    .expect("revoked");
    let watched = money_accounts(&[renter.holder, escrow()]);
    let ix = probe_spend(&renter.key.pubkey(), IOSD, true);
    refused(
        &mut ctx,
        ix,
        &[&renter.key],
        IosdError::SpenderNotAllowed,
        &watched,
    );
}

/// The allowed program calling without its spender PDA's signature is refused.
#[test]
fn refuses_a_spend_without_the_spender_signature() {
    let (mut ctx, renter) = funded_renter();
    let watched = money_accounts(&[renter.holder, escrow()]);
    let ix = probe_spend(&renter.key.pubkey(), IOSD, false);
    refused(
        &mut ctx,
        ix,
        &[&renter.key],
        IosdError::SpenderNotSigner,
        &watched,
    );
}

/// A user calling `escrow_deposit` directly, signing as the "spender" with their own key, is
/// refused: only allowed PDAs count.
#[test]
fn refuses_a_user_posing_as_spender() {
    let (mut ctx, renter) = funded_renter();
    let accomplice = ctx.funded_keypair();
    let accomplice_holder = open_holder(&mut ctx, &accomplice.pubkey());
    let mut ix = client::escrow_deposit(&spender_probe::ID, renter.key.pubkey(), IOSD);
    ix.accounts[0].pubkey = accomplice.pubkey();
    ix.accounts[0].is_signer = true;
    ix.accounts[5].pubkey = accomplice_holder;
    let watched = money_accounts(&[renter.holder, accomplice_holder]);
    refused(
        &mut ctx,
        ix,
        &[&renter.key, &accomplice],
        IosdError::SpenderNotAllowed,
        &watched,
    );
}

#[test]
fn refuses_bad_amounts_and_accounts() {
    let (mut ctx, renter) = funded_renter();
    let stranger = user(&mut ctx, 10);
    mint_io(&mut ctx, &stranger, 1);
    let watched = money_accounts(&[renter.holder, stranger.holder, escrow()]);
    let owner = renter.key.pubkey();

    refused(
        &mut ctx,
        probe_spend(&owner, 0, true),
        &[&renter.key],
        IosdError::ZeroAmount,
        &watched,
    );
    refused(
        &mut ctx,
        probe_spend(&owner, 248 * IOSD + 1, true),
        &[&renter.key],
        IosdError::InsufficientIosd,
        &watched,
    );

    // Someone else's holder as the source.
    let mut ix = probe_spend(&owner, IOSD, true);
    ix.accounts[4].pubkey = stranger.holder;
    refused(
        &mut ctx,
        ix,
        &[&renter.key],
        IosdError::HolderOwnerMismatch,
        &watched,
    );

    // An escrow that the spender PDA does not own.
    let mut ix = probe_spend(&owner, IOSD, true);
    ix.accounts[5].pubkey = stranger.holder;
    refused(
        &mut ctx,
        ix,
        &[&renter.key],
        IosdError::EscrowNotOwnedBySpender,
        &watched,
    );

    // Paying out into an IOSD account that is not frozen, or into the escrow itself.
    let iosd_mint = ctx.iosd_mint;
    let unfrozen = ctx.token_account(&iosd_mint, &stranger.key.pubkey());
    ctx.send(&[probe_spend(&owner, 10 * IOSD, true)], &[&renter.key])
        .expect("spend");
    let watched = money_accounts(&[renter.holder, unfrozen, escrow()]);
    refused(
        &mut ctx,
        probe_escrow_move(unfrozen, IOSD, false),
        &[],
        IosdError::NotAHolder,
        &watched,
    );
    // The escrow as its own destination: Anchor refuses a mutable account passed twice.
    refused(
        &mut ctx,
        probe_escrow_move(escrow(), IOSD, false),
        &[],
        anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount,
        &watched,
    );
    refused(
        &mut ctx,
        probe_escrow_move(stranger.holder, 10 * IOSD + 1, false),
        &[],
        IosdError::InsufficientIosd,
        &watched,
    );
    refused(
        &mut ctx,
        probe_escrow_move(stranger.holder, 10 * IOSD + 1, true),
        &[],
        IosdError::InsufficientIosd,
        &watched,
    );
}
