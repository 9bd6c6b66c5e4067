//! IOSD-funded leases: open, top up, settle cumulative usage, runway pause, two-phase close,
//! pause timeout, outflow cap; every refusal by name.

use io_client::market as client;
use io_harness::{IOSD, Signer};
use market::error::MarketError;
use market::events::{
    LeaseCloseRequested, LeaseFinalized, LeaseOpened, LeaseSettled, LeaseToppedUp, ProviderClaimed,
};

use crate::fixture::*;

/// 2 H100s at $2.00 per GPU-hour: $4 per hour.
const K: u16 = 2;
const HOUR: i64 = 3_600;

/// A $100 deposit pays a 0.25 % reservation fee ($0.25: half to burn, half to the treasury,
/// accrued until a sweep) and leaves $99.75 for the lease; the device tracks the GPUs.
#[test]
fn opens_a_lease_funded_in_iosd() {
    let mut s = scene(1_000);
    let supply_before = s.ctx.mint_supply(&io_client::iosd::iosd_mint_address());
    let event: LeaseOpened = s.open(K, 100 * IOSD).expect("open").event(&client::ID);
    assert_eq!(s.iosd_balance(&s.renter.pubkey()), 900 * IOSD);
    // The whole deposit is in escrow: the fee moves at the next sweep.
    assert_eq!(balance(&s.ctx, &client::escrow_address()), 100 * IOSD);
    assert_eq!(s.iosd_balance(&s.ctx.authority.pubkey()), 0);
    let fees = config(&s.ctx).fees;
    assert_eq!(
        (fees.burn.iosd_micros, fees.treasury.iosd_micros),
        (125_000, 125_000)
    );
    s.sweep().expect("sweep");
    assert_eq!(balance(&s.ctx, &client::escrow_address()), 99_750_000);
    assert_eq!(s.iosd_balance(&s.ctx.authority.pubkey()), 125_000);
    assert_eq!(
        s.ctx.mint_supply(&io_client::iosd::iosd_mint_address()),
        supply_before - 125_000
    );
    assert_eq!(
        (event.deposited, event.reservation_fee, event.burned),
        (99_750_000, 250_000, 125_000)
    );
    assert_eq!(event.runway_secs, 99_750_000 * 3_600 / 4_000_000);
    let lease: client::Lease = s.ctx.fetch(&s.lease(0));
    assert_eq!(
        (lease.gpu_count, lease.rate_usd_per_gpu_hour_micros),
        (K, 2_000_000)
    );
    let device: client::Device = s.ctx.fetch(&s.device);
    assert_eq!(
        (
            device.gpus_leased,
            device.open_leases,
            device.leases_created
        ),
        (K, 1, 1)
    );
    assert_eq!(config(&s.ctx).open_leases, 1);
}

/// One hour of 2 GPUs is 7200 GPU-seconds, $4: the provider earns $4 minus 0.25 %, the fee
/// accrues split (burn, treasury) and moves at the sweep, settling the same total again pays
/// nothing, and the provider claims its earnings into its IOSD holder.
#[test]
fn settles_cumulative_usage_once_and_the_provider_claims() {
    let mut s = scene(1_000);
    s.open(K, 100 * IOSD).expect("open");
    s.sweep().expect("the reservation fee swept");
    s.ctx.warp_by(HOUR);
    let treasury_before = s.iosd_balance(&s.ctx.authority.pubkey());
    let event: LeaseSettled = s.settle(0, 7_200).expect("settle").event(&client::ID);
    assert_eq!(
        (
            event.settlement.paid,
            event.settlement.fee,
            event.settlement.burned,
            event.settlement.to_provider
        ),
        (4 * IOSD, 10_000, 5_000, 3_990_000)
    );
    assert_eq!(s.earned(), 3_990_000);
    // A settlement moves no tokens: the escrow keeps the earnings and the fee.
    assert_eq!(s.iosd_balance(&s.ctx.authority.pubkey()), treasury_before);
    assert_eq!(balance(&s.ctx, &client::escrow_address()), 99_750_000);
    let fees = config(&s.ctx).fees;
    assert_eq!(
        (fees.burn.iosd_micros, fees.treasury.iosd_micros),
        (5_000, 5_000)
    );
    s.sweep().expect("sweep");
    assert_eq!(
        s.iosd_balance(&s.ctx.authority.pubkey()) - treasury_before,
        5_000
    );
    // The escrow keeps the provider's earnings until the claim; only the fee left it.
    assert_eq!(
        balance(&s.ctx, &client::escrow_address()),
        99_750_000 - 10_000
    );
    assert_eq!(
        (event.settlement.total_paid, event.settlement.remaining),
        (4 * IOSD, 95_750_000)
    );
    let replay: LeaseSettled = s.settle(0, 7_200).expect("replay").event(&client::ID);
    assert_eq!(replay.settlement.paid, 0);
    assert_eq!(s.earned(), 3_990_000);

    let owner = s.provider.key.insecure_clone();
    let claimed: ProviderClaimed = s
        .ctx
        .send(
            &[client::provider_claim(owner.pubkey(), owner.pubkey())],
            &[&owner],
        )
        .expect("claim")
        .event(&client::ID);
    assert_eq!(
        (claimed.amount_micros, claimed.claimed_total_micros),
        (3_990_000, 3_990_000)
    );
    assert_eq!(s.iosd_balance(&owner.pubkey()), 3_990_000);
    assert_eq!(s.earned(), 0);
    let provider = client::provider_address(&owner.pubkey());
    let ix = client::provider_claim(owner.pubkey(), owner.pubkey());
    s.ctx
        .assert_refused(ix, &[&owner], MarketError::NothingToClaim, &[provider]);
}

/// Claims go only to the registered IOSD owner's holder, by the provider's owner; a provider
/// with unclaimed earnings cannot close.
#[test]
fn refuses_bad_claims() {
    let mut s = scene(1_000);
    s.open(K, 100 * IOSD).expect("open");
    s.ctx.warp_by(HOUR);
    s.settle(0, 7_200).expect("settle");
    let owner = s.provider.key.insecure_clone();
    let provider = client::provider_address(&owner.pubkey());
    let watched = [provider, client::escrow_address()];
    let renter = s.renter.pubkey();
    let ix = client::provider_claim(owner.pubkey(), renter);
    s.ctx
        .assert_refused(ix, &[&owner], MarketError::LeaseMismatch, &watched);
    let stranger = s.ctx.funded_keypair();
    let mut ix = client::provider_claim(stranger.pubkey(), owner.pubkey());
    ix.accounts[1].pubkey = provider;
    s.ctx
        .assert_refused(ix, &[&stranger], MarketError::NotProviderOwner, &watched);
}

#[test]
fn refuses_bad_settlements() {
    let mut s = scene(1_000);
    s.open(K, 100 * IOSD).expect("open");
    s.ctx.warp_by(HOUR);
    s.settle(0, 3_600).expect("settle");
    let lease = s.lease(0);
    let watched = [lease, client::escrow_address()];
    let owner = s.provider.key.pubkey();
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 3_599);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::UsageWentBackwards, &watched);
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 7_201);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::UsageAboveCapacity, &watched);
    let stranger = s.ctx.funded_keypair();
    let ix = client::lease_settle(stranger.pubkey(), lease, owner, 7_200);
    s.ctx
        .assert_refused(ix, &[&stranger], MarketError::NotSettler, &watched);
    // Another provider account than the lease's.
    let other = provider(&mut s.ctx, 0);
    let ix = client::lease_settle(settler.pubkey(), lease, other.key.pubkey(), 7_200);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::LeaseMismatch, &watched);
    // The lease passed again as its provider: the writable accounts skip Anchor's duplicate
    // check (`dup`), and the provider's discriminator check refuses the lease instead.
    let mut ix = client::lease_settle(settler.pubkey(), lease, owner, 7_200);
    ix.accounts[3].pubkey = lease;
    s.ctx.assert_refused(
        ix,
        &[&settler],
        anchor_lang::error::ErrorCode::AccountDiscriminatorMismatch,
        &watched,
    );
}

/// Low runway pauses the lease (no usage accrues); a top-up resumes it.
#[test]
fn low_runway_pauses_and_a_top_up_resumes() {
    let mut s = scene(1_000);
    // $10 minimum: 9.975 in escrow lasts 2.49 hours at $4/hour.
    s.open(K, 10 * IOSD).expect("open");
    s.ctx.warp_by(2 * HOUR);
    let event: LeaseSettled = s.settle(0, 2 * 7_200).expect("settle").event(&client::ID);
    assert!(
        event.settlement.paused,
        "1.975 left: under an hour of runway"
    );
    s.ctx.warp_by(HOUR);
    let lease = s.lease(0);
    let owner = s.provider.key.pubkey();
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 2 * 7_200 + 1);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::UsageAboveCapacity, &[lease]);

    let renter = s.renter.insecure_clone();
    let ix = client::lease_top_up(
        renter.pubkey(),
        lease,
        client::Currency::Iosd,
        accounts(&s.ctx),
        20 * IOSD,
    );
    let event: LeaseToppedUp = s
        .ctx
        .send(&[ix], &[&renter])
        .expect("top up")
        .event(&client::ID);
    assert!(!event.paused);
    s.ctx.warp_by(HOUR);
    s.settle(0, 3 * 7_200)
        .expect("the paused hour does not count, the next one does");
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 3 * 7_200 + 1);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::UsageAboveCapacity, &[lease]);
}

/// Close: usage stops at the request, settlement during the grace, then anyone finalises and
/// the rest is refunded; the GPUs are released and the rent returns to the renter.
#[test]
fn two_phase_close_refunds_the_rest() {
    let mut s = scene(1_000);
    s.open(K, 100 * IOSD).expect("open");
    s.ctx.warp_by(HOUR);
    let lease = s.lease(0);
    let owner = s.provider.key.pubkey();
    let renter = s.renter.insecure_clone();
    let event: LeaseCloseRequested = s
        .ctx
        .send(
            &[client::lease_close_request(renter.pubkey(), lease, owner)],
            &[&renter],
        )
        .expect("request")
        .event(&client::ID);
    assert_eq!(event.requester, renter.pubkey());
    let ix = client::lease_top_up(
        renter.pubkey(),
        lease,
        client::Currency::Iosd,
        accounts(&s.ctx),
        IOSD,
    );
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::LeaseClosing, &[lease]);
    let anyone = s.ctx.funded_keypair();
    let finalize = client::lease_finalize(
        anyone.pubkey(),
        lease,
        s.device,
        renter.pubkey(),
        client::Currency::Iosd,
        accounts(&s.ctx),
    );
    s.ctx.assert_refused(
        finalize.clone(),
        &[&anyone],
        MarketError::CloseTooEarly,
        &[lease],
    );

    s.ctx.warp_by(30 * 60);
    s.settle(0, 7_200)
        .expect("settle within the grace: only the hour before the request");
    s.ctx.warp_by(30 * 60);
    let rent = s.ctx.lamports(&lease);
    let before = s.ctx.lamports(&renter.pubkey());
    let event: LeaseFinalized = s
        .ctx
        .send(&[finalize], &[&anyone])
        .expect("finalise")
        .event(&client::ID);
    assert_eq!(event.refund, 99_750_000 - 4 * IOSD);
    assert_eq!(s.iosd_balance(&renter.pubkey()), 900 * IOSD + 95_750_000);
    // What is left in the escrow is the provider's unclaimed earnings and the unswept fees.
    let fees = config(&s.ctx).fees;
    assert_eq!(
        balance(&s.ctx, &client::escrow_address()),
        s.earned() + fees.burn.iosd_micros + fees.treasury.iosd_micros
    );
    s.sweep().expect("sweep");
    assert_eq!(balance(&s.ctx, &client::escrow_address()), s.earned());
    assert_eq!(s.ctx.data(&lease), None);
    assert_eq!(s.ctx.lamports(&renter.pubkey()), before + rent);
    let device: client::Device = s.ctx.fetch(&s.device);
    assert_eq!((device.gpus_leased, device.open_leases), (0, 0));
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 7_200);
    s.ctx.assert_refused(
        ix,
        &[&settler],
        anchor_lang::error::ErrorCode::AccountNotInitialized,
        &[],
    );
}

/// A lease paused past the pause timeout is closable by anyone.
#[test]
fn a_paused_lease_times_out() {
    let mut s = scene(1_000);
    s.open(K, 10 * IOSD).expect("open");
    s.ctx.warp_by(2 * HOUR);
    s.settle(0, 2 * 7_200).expect("settle and pause");
    let anyone = s.ctx.funded_keypair();
    let renter = s.renter.pubkey();
    let finalize = client::lease_finalize(
        anyone.pubkey(),
        s.lease(0),
        s.device,
        renter,
        client::Currency::Iosd,
        accounts(&s.ctx),
    );
    s.ctx.warp_by(86_400 - 1);
    s.ctx.assert_refused(
        finalize.clone(),
        &[&anyone],
        MarketError::CloseTooEarly,
        &[s.lease(0)],
    );
    s.ctx.warp_by(1);
    let event: LeaseFinalized = s
        .ctx
        .send(&[finalize], &[&anyone])
        .expect("finalise")
        .event(&client::ID);
    assert!(event.timed_out);
    assert_eq!(event.refund, 9_975_000 - 8 * IOSD);
}

#[test]
fn refuses_bad_opens() {
    let mut s = scene(1_000);
    let next = s.lease(0);
    let watched = [next, s.device, client::escrow_address()];
    let cases = [
        (0, 100 * IOSD, MarketError::GpuCountZero),
        (9, 100 * IOSD, MarketError::DeviceAtCapacity),
        (K, 10 * IOSD - 1, MarketError::DepositBelowMinimum),
        // $10 for 8 GPUs at $16/hour is under the hour of runway.
        (8, 10 * IOSD, MarketError::InsufficientRunway),
    ];
    for (gpu_count, deposit, error) in cases {
        let nonce = 0;
        let args = client::LeaseOpenArgs {
            gpu_count,
            funding: client::LeaseFunding::Iosd {
                deposit_micros: deposit,
            },
            max_rate_usd_per_gpu_hour_micros: 2_000_000,
        };
        let ix = client::lease_open(
            s.renter.pubkey(),
            s.device,
            class(H100),
            nonce,
            accounts(&s.ctx),
            args,
            None,
        );
        let renter = s.renter.insecure_clone();
        s.ctx.assert_refused(ix, &[&renter], error, &watched);
    }
    let args = client::LeaseOpenArgs {
        gpu_count: K,
        funding: client::LeaseFunding::Iosd {
            deposit_micros: 100 * IOSD,
        },
        max_rate_usd_per_gpu_hour_micros: 1_999_999,
    };
    let ix = client::lease_open(
        s.renter.pubkey(),
        s.device,
        class(H100),
        0,
        accounts(&s.ctx),
        args,
        None,
    );
    let renter = s.renter.insecure_clone();
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::RateAboveLimit, &watched);

    // An unavailable device, and an offered one that a slash left below its stake.
    let owner = s.provider.key.insecure_clone();
    let ix = client::device_set_available(owner.pubkey(), 0, class(H100), false);
    s.ctx.send(&[ix], &[&owner]).expect("withdraw offer");
    let args = client::LeaseOpenArgs {
        gpu_count: K,
        funding: client::LeaseFunding::Iosd {
            deposit_micros: 100 * IOSD,
        },
        max_rate_usd_per_gpu_hour_micros: 2_000_000,
    };
    let open = client::lease_open(
        s.renter.pubkey(),
        s.device,
        class(H100),
        0,
        accounts(&s.ctx),
        args,
        None,
    );
    s.ctx.assert_refused(
        open.clone(),
        &[&renter],
        MarketError::DeviceUnavailable,
        &watched,
    );
    let ix = client::device_set_available(owner.pubkey(), 0, class(H100), true);
    s.ctx.send(&[ix], &[&owner]).expect("offer again");
    let slasher = slasher(&mut s.ctx);
    let ix = client::slash_open(slasher.pubkey(), s.device, 0, io_harness::IO, [0; 32]);
    s.ctx.send(&[ix], &[&slasher]).expect("slash");
    s.ctx
        .assert_refused(open, &[&renter], MarketError::StakeBelowRequired, &watched);
}

/// Settlements beyond the window's cap are refused until the window rolls over.
#[test]
fn the_outflow_cap_holds_per_window() {
    let mut s = scene(1_000);
    let authority = s.ctx.authority.insecure_clone();
    let mut params = io_client::defaults::MARKET_PARAMS;
    params.payout_window_cap_usd_micros = 5 * IOSD;
    s.ctx
        .send(
            &[client::params_set(authority.pubkey(), params)],
            &[&authority],
        )
        .expect("cap");
    s.open(K, 100 * IOSD).expect("open");
    s.ctx.warp_by(2 * HOUR);
    s.settle(0, 7_200).expect("$4 fits");
    let lease = s.lease(0);
    let owner = s.provider.key.pubkey();
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 2 * 7_200);
    s.ctx.assert_refused(
        ix.clone(),
        &[&settler],
        MarketError::PayoutCapExceeded,
        &[lease],
    );
    s.ctx.warp_by(HOUR);
    s.ctx.send(&[ix], &[&settler]).expect("a new window");
}

/// Strangers, a closing lease past its grace, paused classes, a wrong currency and mismatched
/// accounts are each refused by name.
#[test]
fn refuses_strangers_pauses_and_mismatches() {
    let mut s = scene(1_000);
    s.open(K, 100 * IOSD).expect("open");
    let lease = s.lease(0);
    let owner = s.provider.key.pubkey();
    let stranger = s.ctx.funded_keypair();
    let watched = [lease, client::escrow_address()];

    let ix = client::lease_close_request(stranger.pubkey(), lease, owner);
    s.ctx
        .assert_refused(ix, &[&stranger], MarketError::NotLeaseParty, &watched);
    let payer = s.ctx.payer.pubkey();
    s.ctx
        .send(
            &[io_client::iosd::holder_open(payer, stranger.pubkey())],
            &[],
        )
        .expect("stranger's holder");
    let mut ix = client::lease_top_up(
        stranger.pubkey(),
        lease,
        client::Currency::Iosd,
        accounts(&s.ctx),
        IOSD,
    );
    ix.accounts[0].pubkey = stranger.pubkey();
    s.ctx
        .assert_refused(ix, &[&stranger], MarketError::NotLeaseParty, &watched);
    let renter = s.renter.insecure_clone();
    let ix = client::lease_top_up(
        renter.pubkey(),
        lease,
        client::Currency::Iosd,
        accounts(&s.ctx),
        0,
    );
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::ZeroAmount, &watched);

    // IO instead of IOSD: an account of the other currency.
    let mut ix = s.top_up_ix(0, IOSD);
    ix.accounts[3].pubkey = s.renter_io;
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::CurrencyMismatch, &watched);

    // Finalising with another device than the lease's.
    let other = s.ctx.funded_keypair();
    let ix = client::lease_finalize(
        other.pubkey(),
        lease,
        client::config_address(),
        renter.pubkey(),
        client::Currency::Iosd,
        accounts(&s.ctx),
    );
    s.ctx.assert_refused(
        ix,
        &[&other],
        anchor_lang::error::ErrorCode::AccountDiscriminatorMismatch,
        &watched,
    );

    // The guardian pauses leasing and settlement.
    let guardian = s.ctx.guardian.insecure_clone();
    for class in [client::PauseClass::Leasing, client::PauseClass::Settlement] {
        let ix = client::guardian_pause(guardian.pubkey(), class, 1);
        s.ctx.send(&[ix], &[&guardian]).expect("pause");
    }
    s.ctx.warp_by(60);
    let ix = client::lease_top_up(
        renter.pubkey(),
        lease,
        client::Currency::Iosd,
        accounts(&s.ctx),
        IOSD,
    );
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::Paused, &watched);
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 60);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::Paused, &watched);
    s.ctx.warp_by(HOUR);

    // After the close grace, settlement is over: only finalising remains.
    let ix = client::lease_close_request(owner, lease, owner);
    let provider = s.provider.key.insecure_clone();
    s.ctx
        .send(&[ix], &[&provider])
        .expect("the provider may request the close too");
    s.ctx.warp_by(HOUR + 1);
    let ix = client::lease_settle(settler.pubkey(), lease, owner, 60);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::LeaseClosing, &watched);
    let ix = client::lease_close_request(renter.pubkey(), lease, owner);
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::LeaseClosing, &watched);
}

/// A provider who wants IO claims its IOSD earnings redeemed through iosd, straight into its
/// registered IO account: 3.99 IOSD at the redeem price $2.52 is 1.5833… IO, rounded down.
#[test]
fn the_provider_claims_as_io() {
    let mut s = scene(1_000);
    s.open(K, 100 * IOSD).expect("open");
    s.ctx.warp_by(HOUR);
    s.settle(0, 7_200).expect("settle");
    let owner = s.provider.key.insecure_clone();
    let provider = client::provider_address(&owner.pubkey());
    let price = s.ctx.io_price_now(250_000_000, 1_000_000);
    let before = balance(&s.ctx, &s.provider.io);
    let watched = [provider, client::escrow_address(), s.provider.io];

    let ix = client::provider_claim_io(owner.pubkey(), s.provider.io, price, 158_333_334);
    s.ctx.assert_refused(
        ix,
        &[&owner],
        iosd::error::IosdError::SlippageExceeded,
        &watched,
    );
    let mint = s.ctx.io_mint;
    let elsewhere = s.ctx.token_account(&mint, &s.renter.pubkey());
    let ix = client::provider_claim_io(owner.pubkey(), elsewhere, price, 0);
    s.ctx
        .assert_refused(ix, &[&owner], MarketError::LeaseMismatch, &watched);

    let ix = client::provider_claim_io(owner.pubkey(), s.provider.io, price, 158_333_333);
    let event: ProviderClaimed = s
        .ctx
        .send(&[ix], &[&owner])
        .expect("claim as IO")
        .event(&client::ID);
    assert_eq!(
        (event.amount_micros, event.io_out_base),
        (3_990_000, 158_333_333)
    );
    assert_eq!(balance(&s.ctx, &s.provider.io) - before, 158_333_333);
    assert_eq!(s.earned(), 0);
    assert_eq!(s.iosd_balance(&owner.pubkey()), 0);
    let ix = client::provider_claim_io(owner.pubkey(), s.provider.io, price, 0);
    s.ctx
        .assert_refused(ix, &[&owner], MarketError::NothingToClaim, &watched);
}

/// Usage reported while the escrow was short is paid only up to the escrow; a top-up then lets
/// the same report (single or in a batch) pay the rest, once: never more than the usage is worth.
#[test]
fn usage_beyond_the_escrow_is_paid_after_a_top_up_and_only_once() {
    let mut s = scene(1_000);
    // $10: 9.975 in escrow. Four hours of 2 GPUs is $16.
    s.open(K, 10 * IOSD).expect("open");
    s.ctx.warp_by(4 * HOUR);
    let event: LeaseSettled = s.settle(0, 4 * 7_200).expect("settle").event(&client::ID);
    assert_eq!(
        (event.settlement.paid, event.settlement.remaining),
        (9_975_000, 0)
    );
    assert!(event.settlement.paused);
    let replay: LeaseSettled = s.settle(0, 4 * 7_200).expect("replay").event(&client::ID);
    assert_eq!(replay.settlement.paid, 0);
    s.top_up(0, 20 * IOSD).expect("top up");
    let owed: LeaseSettled = s.settle(0, 4 * 7_200).expect("the rest").event(&client::ID);
    assert_eq!(
        (owed.settlement.paid, owed.settlement.total_paid),
        (16 * IOSD - 9_975_000, 16 * IOSD)
    );
    let replay: LeaseSettled = s.settle(0, 4 * 7_200).expect("replay").event(&client::ID);
    assert_eq!(replay.settlement.paid, 0);
    let settler = s.settler.insecure_clone();
    let entry = client::BatchEntry {
        lease: s.lease(0),
        provider_owner: s.provider.key.pubkey(),
        cumulative_gpu_secs: 4 * 7_200,
    };
    let ix = client::lease_settle_batch(settler.pubkey(), &[entry]);
    let executed = s.ctx.send(&[ix], &[&settler]).expect("batch");
    let batch: market::events::LeaseBatchSettled = executed.event(&client::ID);
    assert!(batch.settled.is_empty());
    assert_eq!(batch.skipped[0].reason, market::events::SkipReason::Stale);
}

/// While the guardian pauses settlement, a closing lease cannot be finalised (its last usage
/// could not be settled); once the pause ends, it can.
#[test]
fn finalising_waits_for_a_settlement_pause() {
    let mut s = scene(1_000);
    s.open(K, 100 * IOSD).expect("open");
    let renter = s.renter.insecure_clone();
    let owner = s.provider.key.pubkey();
    let ix = client::lease_close_request(renter.pubkey(), s.lease(0), owner);
    s.ctx.send(&[ix], &[&renter]).expect("close request");
    let guardian = s.ctx.guardian.insecure_clone();
    let ix = client::guardian_pause(guardian.pubkey(), client::PauseClass::Settlement, 72);
    s.ctx.send(&[ix], &[&guardian]).expect("pause");
    s.ctx.warp_by(2 * HOUR);
    let anyone = s.ctx.funded_keypair();
    let finalize = s.finalize_ix(anyone.pubkey(), 0);
    s.ctx.assert_refused(
        finalize.clone(),
        &[&anyone],
        MarketError::Paused,
        &[s.lease(0)],
    );
    s.ctx.warp_by(72 * HOUR);
    s.ctx
        .send(&[finalize], &[&anyone])
        .expect("finalise after the pause");
}
