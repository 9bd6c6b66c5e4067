//! IO-funded leases: the quote locked at open (the oracle's mint price), IO fees burned and paid
//! to the treasury account, IO earnings claimed from the lease vault, IO refunds, mixed-currency
//! batches, the outflow cap in USD; every refusal by name, the oracle's included.

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::prices::{io_usd, verified};
use io_harness::{IO, IOSD, Signer};
use io_oracle::price_update::PYTH_RECEIVER_PROGRAM_ID;
use io_oracle::{PriceFeedMessage, VerificationLevel};
use market::error::MarketError;
use market::events::{LeaseFinalized, LeaseOpened, LeaseSettled, LeaseToppedUp, ProviderClaimedIo};

use crate::fixture::*;

/// 2 H100s at $2.00 per GPU-hour: $4 per hour.
const K: u16 = 2;
const HOUR: i64 = 3_600;
/// $4 at the $2.48 quote: 4 × 10⁸ / 2.48 IO base units, rounded down.
const FOUR_USD_IN_IO: u64 = 161_290_322;

fn vault(s: &Scene) -> u64 {
    balance(&s.ctx, &client::lease_vault_address())
}

fn io_supply(s: &Scene) -> u64 {
    s.ctx.mint_supply(&s.ctx.io_mint)
}

/// 100 IO at $2.48 is worth $248: a 0.25 % reservation fee in IO (half burned, half to the
/// treasury account at the sweep), 99.75 IO for the lease, and the quote locked in the lease.
#[test]
fn opens_a_lease_funded_in_io_at_the_mint_price() {
    let mut s = scene(0);
    let (renter_before, treasury_before, supply_before) = (
        balance(&s.ctx, &s.renter_io),
        balance(&s.ctx, &s.ctx.treasury),
        io_supply(&s),
    );
    let event: LeaseOpened = s.open_io(K, 100 * IO).expect("open").event(&client::ID);
    assert_eq!(event.currency, client::Currency::Io);
    assert_eq!(event.quote_pico_usd_per_io, QUOTE_PICO);
    assert_eq!(
        (event.deposited, event.reservation_fee, event.burned),
        (9_975_000_000, 25_000_000, 12_500_000)
    );
    // 99.75 IO × $2.48 = $247.38, at $4 per hour.
    assert_eq!(event.runway_secs, 247_380_000 * 3_600 / 4_000_000);
    assert_eq!(event.escrowed.io_base, 9_975_000_000);
    assert_eq!(renter_before - balance(&s.ctx, &s.renter_io), 100 * IO);
    assert_eq!(vault(&s), 100 * IO);
    assert_eq!(balance(&s.ctx, &s.ctx.treasury), treasury_before);
    let fees = config(&s.ctx).fees;
    assert_eq!(
        (fees.burn.io_base, fees.treasury.io_base),
        (12_500_000, 12_500_000)
    );
    s.sweep().expect("sweep");
    assert_eq!(vault(&s), 9_975_000_000);
    assert_eq!(
        balance(&s.ctx, &s.ctx.treasury) - treasury_before,
        12_500_000
    );
    assert_eq!(supply_before - io_supply(&s), 12_500_000);
    let lease: client::Lease = s.ctx.fetch(&s.lease(0));
    assert_eq!(
        (lease.currency, lease.quote_pico_usd_per_io),
        (client::Currency::Io, QUOTE_PICO)
    );
    assert_eq!(config(&s.ctx).escrowed.io_base, 9_975_000_000);
}

/// An hour of 2 GPUs is $4, paid in IO at the locked quote even after IO's price moves; the
/// fee is IO (burned and to the treasury); the next hour pays the difference of totals, so the
/// rounding never compounds; the provider claims its IO from the lease vault.
#[test]
fn settles_io_usage_at_the_locked_quote_and_the_provider_claims_io() {
    let mut s = scene(0);
    s.open_io(K, 100 * IO).expect("open");
    s.sweep().expect("the reservation fee swept");
    s.ctx.warp_by(HOUR);
    // The market price moves; the lease keeps its quote.
    s.ctx.io_price_now(500_000_000, 1_000_000);
    let (treasury_before, supply_before) = (balance(&s.ctx, &s.ctx.treasury), io_supply(&s));
    let event: LeaseSettled = s.settle(0, 7_200).expect("settle").event(&client::ID);
    assert_eq!(event.settlement.currency, client::Currency::Io);
    // Fee: ⌈161_290_322 × 0.25 %⌉ = 403_226, half burned.
    assert_eq!(
        (
            event.settlement.paid,
            event.settlement.fee,
            event.settlement.burned,
            event.settlement.to_provider
        ),
        (FOUR_USD_IN_IO, 403_226, 201_613, FOUR_USD_IN_IO - 403_226)
    );
    // The window counts the USD value, rounded up.
    assert_eq!(event.payout_bucket_usd_micros, 4_000_000);
    assert_eq!(s.earned_io(), FOUR_USD_IN_IO - 403_226);
    assert_eq!(s.earned(), 0);
    assert_eq!(vault(&s), 9_975_000_000);
    s.sweep().expect("sweep");
    assert_eq!(balance(&s.ctx, &s.ctx.treasury) - treasury_before, 201_613);
    assert_eq!(supply_before - io_supply(&s), 201_613);
    assert_eq!(vault(&s), 9_975_000_000 - 403_226);

    let replay: LeaseSettled = s.settle(0, 7_200).expect("replay").event(&client::ID);
    assert_eq!(replay.settlement.paid, 0);
    s.ctx.warp_by(HOUR);
    let second: LeaseSettled = s.settle(0, 14_400).expect("settle").event(&client::ID);
    // $8 is 322_580_645 IO: the second hour pays one base unit more than the first.
    assert_eq!(second.settlement.total_paid, 322_580_645);
    assert_eq!(second.settlement.paid, 322_580_645 - FOUR_USD_IN_IO);

    let owner = s.provider.key.insecure_clone();
    let earned = s.earned_io();
    let before = balance(&s.ctx, &s.provider.io);
    let ix = client::provider_claim_io_earnings(owner.pubkey(), s.provider.io);
    let claimed: ProviderClaimedIo = s
        .ctx
        .send(std::slice::from_ref(&ix), &[&owner])
        .expect("claim")
        .event(&client::ID);
    assert_eq!(
        (claimed.amount_io_base, claimed.claimed_total_io_base),
        (earned, earned)
    );
    assert_eq!(balance(&s.ctx, &s.provider.io) - before, earned);
    assert_eq!(s.earned_io(), 0);
    s.sweep().expect("sweep");
    let lease: client::Lease = s.ctx.fetch(&s.lease(0));
    assert_eq!(vault(&s), lease.remaining().unwrap());
    assert_eq!(claimed.escrowed.io_base, vault(&s));
    let provider = client::provider_address(&owner.pubkey());
    s.ctx
        .assert_refused(ix, &[&owner], MarketError::NothingToClaim, &[provider]);
}

/// IO claims go only to the registered IO account, by the provider's owner; a provider with IO
/// earnings cannot close.
#[test]
fn refuses_bad_io_claims() {
    let mut s = scene(0);
    s.open_io(K, 100 * IO).expect("open");
    s.ctx.warp_by(HOUR);
    s.settle(0, 7_200).expect("settle");
    let owner = s.provider.key.insecure_clone();
    let provider = client::provider_address(&owner.pubkey());
    let watched = [provider, client::lease_vault_address()];
    let ix = client::provider_claim_io_earnings(owner.pubkey(), s.renter_io);
    s.ctx
        .assert_refused(ix, &[&owner], MarketError::LeaseMismatch, &watched);
    let stranger = s.ctx.funded_keypair();
    let mut ix = client::provider_claim_io_earnings(stranger.pubkey(), s.provider.io);
    ix.accounts[2].pubkey = provider;
    s.ctx
        .assert_refused(ix, &[&stranger], MarketError::NotProviderOwner, &watched);
}

/// Top-ups are IO at the locked quote; the close refunds the rest in IO to the renter's IO
/// account; the vault keeps exactly the provider's unclaimed IO.
#[test]
fn io_top_up_close_and_refund() {
    let mut s = scene(0);
    s.open_io(K, 100 * IO).expect("open");
    let event: LeaseToppedUp = s.top_up(0, 10 * IO).expect("top up").event(&client::ID);
    assert_eq!(
        (event.amount, event.deposited),
        (10 * IO, 9_975_000_000 + 10 * IO)
    );
    s.ctx.warp_by(HOUR);
    let renter = s.renter.insecure_clone();
    let owner = s.provider.key.pubkey();
    let ix = client::lease_close_request(renter.pubkey(), s.lease(0), owner);
    s.ctx.send(&[ix], &[&renter]).expect("close request");
    s.settle(0, 7_200).expect("settle within the grace");
    s.ctx.warp_by(HOUR);
    let before = balance(&s.ctx, &s.renter_io);
    let anyone = s.ctx.funded_keypair();
    let ix = s.finalize_ix(anyone.pubkey(), 0);
    let event: LeaseFinalized = s
        .ctx
        .send(&[ix], &[&anyone])
        .expect("finalise")
        .event(&client::ID);
    let refund = 9_975_000_000 + 10 * IO - FOUR_USD_IN_IO;
    assert_eq!(
        (event.currency, event.refund),
        (client::Currency::Io, refund)
    );
    assert_eq!(balance(&s.ctx, &s.renter_io) - before, refund);
    s.sweep().expect("sweep");
    assert_eq!(vault(&s), s.earned_io());
    assert_eq!(event.escrowed.io_base, s.earned_io());
    assert_eq!(config(&s.ctx).escrowed.io_base, s.earned_io());
}

/// A low IO runway pauses the lease like an IOSD one; an IO top-up resumes it.
#[test]
fn low_io_runway_pauses_and_an_io_top_up_resumes() {
    let mut s = scene(0);
    // 5 IO ≈ $12.37 at $2.48: about three hours at $4 per hour.
    s.open_io(K, 5 * IO).expect("open");
    s.ctx.warp_by(2 * HOUR + HOUR / 2);
    let event: LeaseSettled = s.settle(0, 18_000).expect("settle").event(&client::ID);
    assert!(event.settlement.paused, "under an hour of runway left");
    let event: LeaseToppedUp = s.top_up(0, 5 * IO).expect("top up").event(&client::ID);
    assert!(!event.paused);
}

/// Every way an IO quote can be unusable, a missing or low quote, a deposit below the USD
/// minimum, an account of the other currency and a fake iosd config: each its own error, and
/// nothing changes.
#[test]
fn refuses_bad_io_opens() {
    let mut s = scene(10);
    let watched = [
        s.lease(0),
        s.device,
        client::lease_vault_address(),
        s.renter_io,
        client::config_address(),
    ];
    let now = s.ctx.now();
    let good = io_usd(IO_USD_E8, IO_CONF_E8, now);
    let mut cases: Vec<(Pubkey, MarketError)> = Vec::new();

    let foreign = Pubkey::new_unique();
    s.ctx
        .write_price_update_owned(&foreign, &verified(good), anchor_lang::system_program::ID);
    cases.push((foreign, MarketError::QuoteWrongOwner));
    let not_an_update = Pubkey::new_unique();
    let mut bytes = verified(good).encode();
    bytes[0] ^= 1;
    s.ctx
        .write_raw_price(&not_an_update, bytes.clone(), PYTH_RECEIVER_PROGRAM_ID);
    cases.push((not_an_update, MarketError::QuoteNotPriceUpdate));
    let truncated = Pubkey::new_unique();
    bytes[0] ^= 1;
    bytes.truncate(60);
    s.ctx
        .write_raw_price(&truncated, bytes, PYTH_RECEIVER_PROGRAM_ID);
    cases.push((truncated, MarketError::QuoteMalformed));
    let partial = Pubkey::new_unique();
    let mut update = verified(good);
    update.verification_level = VerificationLevel::Partial { num_signatures: 5 };
    s.ctx
        .write_price_update_owned(&partial, &update, PYTH_RECEIVER_PROGRAM_ID);
    cases.push((partial, MarketError::QuoteNotFullyVerified));

    type Change = fn(&mut PriceFeedMessage);
    let table: [(Change, MarketError); 7] = [
        (|m| m.feed_id = [9; 32], MarketError::QuoteWrongFeed),
        (|m| m.publish_time -= 61, MarketError::QuoteStale),
        (
            |m| m.publish_time += 11,
            MarketError::QuotePublishedInFuture,
        ),
        (|m| m.price = 0, MarketError::QuoteNotPositive),
        // k = 2: a confidence of half the price leaves nothing.
        (
            |m| m.conf = 125_000_000,
            MarketError::QuoteConfidenceTooWide,
        ),
        (|m| m.exponent = 1, MarketError::QuoteExponentOutOfRange),
        (
            |m| {
                m.price = i64::MAX;
                m.ema_price = i64::MAX;
                m.exponent = 0;
            },
            MarketError::MathOverflow,
        ),
    ];
    for (change, error) in table {
        let mut message = good;
        change(&mut message);
        cases.push((s.ctx.new_price(message), error));
    }
    let funding = client::LeaseFunding::Io {
        deposit_io_base: 100 * IO,
        min_quote_pico_usd_per_io: QUOTE_PICO,
    };
    let renter = s.renter.insecure_clone();
    for (price, error) in cases {
        let ix = s.open_ix(K, funding, Some(price));
        s.ctx.assert_refused(ix, &[&renter], error, &watched);
    }

    let price = s.ctx.io_price_now(IO_USD_E8, IO_CONF_E8);
    let ix = s.open_ix(K, funding, None);
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::QuoteMissing, &watched);
    let demanding = client::LeaseFunding::Io {
        deposit_io_base: 100 * IO,
        min_quote_pico_usd_per_io: QUOTE_PICO + 1,
    };
    let ix = s.open_ix(K, demanding, Some(price));
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::QuoteBelowLimit, &watched);
    // 4 IO at $2.48 is $9.92, under the $10 minimum.
    let small = client::LeaseFunding::Io {
        deposit_io_base: 4 * IO,
        min_quote_pico_usd_per_io: 0,
    };
    let ix = s.open_ix(K, small, Some(price));
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::DepositBelowMinimum, &watched);

    // The renter's IOSD holder for an IO lease, its IO account for an IOSD lease.
    let mut ix = s.open_ix(K, funding, Some(price));
    ix.accounts[5].pubkey = io_client::iosd::holder_address(&renter.pubkey());
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::CurrencyMismatch, &watched);
    let iosd_funding = client::LeaseFunding::Iosd {
        deposit_micros: 10 * IOSD,
    };
    let mut ix = s.open_ix(K, iosd_funding, None);
    ix.accounts[5].pubkey = s.renter_io;
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::CurrencyMismatch, &watched);

    // Another account posing as iosd's config: the quote's parameters come from iosd only.
    let iosd_config = io_client::iosd::config_address();
    let mut ix = s.open_ix(K, funding, Some(price));
    let meta = ix
        .accounts
        .iter_mut()
        .find(|meta| meta.pubkey == iosd_config)
        .unwrap();
    meta.pubkey = client::config_address();
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::IosdConfigMismatch, &watched);
}

/// Top-ups and refunds check the currency and the owner of the account.
#[test]
fn refuses_wrong_io_accounts_on_top_up_and_finalize() {
    let mut s = scene(10);
    s.open_io(K, 100 * IO).expect("open");
    let lease = s.lease(0);
    let watched = [lease, client::lease_vault_address(), s.renter_io];
    let renter = s.renter.insecure_clone();
    let mut ix = s.top_up_ix(0, IO);
    ix.accounts[3].pubkey = io_client::iosd::holder_address(&renter.pubkey());
    s.ctx
        .assert_refused(ix, &[&renter], MarketError::CurrencyMismatch, &watched);

    let owner = s.provider.key.pubkey();
    let ix = client::lease_close_request(renter.pubkey(), lease, owner);
    s.ctx.send(&[ix], &[&renter]).expect("close request");
    s.ctx.warp_by(HOUR + 1);
    let anyone = s.ctx.funded_keypair();
    // The refund must go to an IO account of the renter's.
    let mut ix = s.finalize_ix(anyone.pubkey(), 0);
    ix.accounts[4].pubkey = s.provider.io;
    s.ctx
        .assert_refused(ix, &[&anyone], MarketError::LeaseMismatch, &watched);
    let mut ix = s.finalize_ix(anyone.pubkey(), 0);
    ix.accounts[4].pubkey = io_client::iosd::holder_address(&renter.pubkey());
    s.ctx
        .assert_refused(ix, &[&anyone], MarketError::CurrencyMismatch, &watched);
    let ix = s.finalize_ix(anyone.pubkey(), 0);
    s.ctx.send(&[ix], &[&anyone]).expect("finalise");
}

/// The outflow cap counts an IO settlement's USD value.
#[test]
fn the_outflow_cap_counts_io_in_usd() {
    let mut s = scene(0);
    let authority = s.ctx.authority.insecure_clone();
    let mut params = io_client::defaults::MARKET_PARAMS;
    params.payout_window_cap_usd_micros = 5 * IOSD;
    s.ctx
        .send(
            &[client::params_set(authority.pubkey(), params)],
            &[&authority],
        )
        .expect("cap");
    s.open_io(K, 100 * IO).expect("open");
    s.ctx.warp_by(2 * HOUR);
    s.settle(0, 7_200).expect("$4 fits");
    let ix = s.settle_ix(0, 14_400);
    let settler = s.settler.insecure_clone();
    s.ctx.assert_refused(
        ix,
        &[&settler],
        MarketError::PayoutCapExceeded,
        &[s.lease(0)],
    );
}

/// One batch settles IOSD and IO leases together; each currency's fees accrue, and one sweep
/// moves them.
#[test]
fn a_batch_settles_both_currencies() {
    let mut s = scene(100);
    s.open(1, 10 * IOSD).expect("IOSD lease");
    s.open_io(1, 10 * IO).expect("IO lease");
    s.open(1, 10 * IOSD).expect("IOSD lease");
    s.sweep().expect("the reservation fees swept");
    s.ctx.warp_by(HOUR);
    let owner = s.provider.key.pubkey();
    let entries: Vec<client::BatchEntry> = (0..3)
        .map(|nonce| client::BatchEntry {
            lease: s.lease(nonce),
            provider_owner: owner,
            cumulative_gpu_secs: 3_600,
        })
        .collect();
    let (treasury_io, treasury_iosd) = (
        balance(&s.ctx, &s.ctx.treasury),
        s.iosd_balance(&s.ctx.authority.pubkey()),
    );
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle_batch(settler.pubkey(), &entries);
    let executed = s.ctx.send(&[ix], &[&settler]).expect("batch");
    let batch: market::events::LeaseBatchSettled = executed.event(&client::ID);
    let currencies: Vec<_> = batch.settled.iter().map(|e| (e.currency, e.paid)).collect();
    // $2 each: 2 IOSD, and 2 / 2.48 IO = 80_645_161.
    assert_eq!(
        currencies,
        vec![
            (client::Currency::Iosd, 2 * IOSD),
            (client::Currency::Io, 80_645_161),
            (client::Currency::Iosd, 2 * IOSD),
        ]
    );
    // IOSD fee ⌈2 × 0.25 %⌉ = 5_000 per lease, half to the treasury; IO ⌈201_612.9⌉ = 201_613,
    // of which 100_806 burned. Nothing moved yet; the sweep moves both currencies' fees.
    assert_eq!(balance(&s.ctx, &s.ctx.treasury), treasury_io);
    let fees = config(&s.ctx).fees;
    assert_eq!(
        (fees.burn, fees.treasury),
        (
            client::EscrowTotals {
                iosd_micros: 5_000,
                io_base: 100_806
            },
            client::EscrowTotals {
                iosd_micros: 5_000,
                io_base: 100_807
            }
        )
    );
    s.sweep().expect("sweep");
    assert_eq!(
        s.iosd_balance(&s.ctx.authority.pubkey()) - treasury_iosd,
        5_000
    );
    assert_eq!(balance(&s.ctx, &s.ctx.treasury) - treasury_io, 100_807);
    assert_eq!(s.earned(), 2 * (2 * IOSD - 5_000));
    assert_eq!(s.earned_io(), 80_645_161 - 201_613);
}

/// A provider with unclaimed IO earnings cannot close.
#[test]
fn a_provider_with_io_earnings_cannot_close() {
    let mut s = scene(0);
    s.open_io(K, 100 * IO).expect("open");
    s.ctx.warp_by(HOUR);
    s.settle(0, 7_200).expect("settle");
    let owner = s.provider.key.insecure_clone();
    // Its device is still registered too; empty the device count to reach the earnings check.
    let provider = client::provider_address(&owner.pubkey());
    let mut record: client::Provider = s.ctx.fetch(&provider);
    record.device_count = 0;
    write_account(&mut s.ctx, &provider, &record);
    let ix = client::provider_close(owner.pubkey(), owner.pubkey());
    s.ctx
        .assert_refused(ix, &[&owner], MarketError::ProviderHasEarnings, &[provider]);
}
