//! `iosd_mint`: both amount modes at the conservative price, the solvency and breaker refusals,
//! and every bad price or account, each a named error that changes nothing.

use io_client::iosd as client;
use io_harness::prices::{io_usd, verified};
use io_harness::{IO, IOSD, Signer};
use io_oracle::VerificationLevel;
use io_oracle::price_update::PYTH_RECEIVER_PROGRAM_ID;
use iosd::MintAmount;
use iosd::error::IosdError;
use iosd::events::IosdMinted;
use iosd::state::SolvencyState;

use crate::fixture::*;

const HUNDRED_IO: MintAmount = MintAmount::ExactIo {
    io_in_base: 100 * IO,
    min_iosd_out_micros: 0,
};

/// 100 IO at $2.50 ± $0.01 with k = 2 mints at $2.48: 248 IOSD. The IO moves into the vault,
/// the IOSD lands frozen in the holder, and the event reports the post-state.
#[test]
fn exact_io_mints_at_the_conservative_price() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let revision = config(&ctx).revision + 1;

    let executed = mint(&mut ctx, &user, price, HUNDRED_IO).expect("mint");

    let vault = client::io_vault_address();
    assert_eq!(balance(&ctx, &user.io), 900 * IO);
    assert_eq!(balance(&ctx, &vault), 100 * IO);
    assert_eq!(balance(&ctx, &user.holder), 248 * IOSD);
    assert_eq!(ctx.mint_supply(&client::iosd_mint_address()), 248 * IOSD);
    assert!(frozen(&ctx, &user.holder));
    let config = config(&ctx);
    assert_eq!(config.totals.minted_iosd_micros, 248 * IOSD);
    assert_eq!(config.totals.committed_io_base, 100 * IO);
    // 100 IO × $2.50 EMA over 248 IOSD = 1.00806…
    assert_eq!(config.solvency.ratio_bps, 10_080);
    assert_eq!(config.solvency.state, SolvencyState::Healthy);
    assert_eq!(config.breaker_level_micros, 248 * IOSD);
    assert_eq!(config.revision, revision);
    let event: IosdMinted = executed.event(&client::ID);
    assert_eq!((event.user, event.holder), (user.key.pubkey(), user.holder));
    assert_eq!(
        (event.io_in_base, event.iosd_out_micros),
        (100 * IO, 248 * IOSD)
    );
    assert_eq!(event.price_pico_usd, 2_480_000_000_000);
    assert_eq!(
        (
            event.holder_balance_micros,
            event.supply_micros,
            event.vault_io_base
        ),
        (248 * IOSD, 248 * IOSD, 100 * IO)
    );
    assert_eq!(
        (event.ratio_bps, event.state),
        (10_080, SolvencyState::Healthy)
    );
    assert_eq!(
        (event.breaker_level_micros, event.revision),
        (248 * IOSD, revision)
    );
}

/// Exactly 100 IOSD costs ⌈100 / 2.48⌉ IO in base units, and the cost is rounded up.
#[test]
fn exact_iosd_costs_the_rounded_up_io() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let amount = MintAmount::ExactIosd {
        iosd_out_micros: 100 * IOSD,
        max_io_in_base: 41 * IO,
    };
    let event: IosdMinted = mint(&mut ctx, &user, price, amount)
        .expect("mint")
        .event(&client::ID);
    assert_eq!(event.io_in_base, 4_032_258_065);
    assert_eq!(event.iosd_out_micros, 100 * IOSD);
    assert_eq!(balance(&ctx, &user.io), 1_000 * IO - 4_032_258_065);
    assert_eq!(balance(&ctx, &user.holder), 100 * IOSD);
}

/// A spot price above the EMA does not help: the lower of the two is used.
#[test]
fn the_lower_of_spot_and_ema_prices_the_mint() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    let mut message = io_usd(PRICE_E8, CONF_E8, ctx.now());
    message.price = 300_000_000;
    let price = ctx.new_price(message);
    let event: IosdMinted = mint(&mut ctx, &user, price, HUNDRED_IO)
        .expect("mint")
        .event(&client::ID);
    assert_eq!(event.iosd_out_micros, 248 * IOSD);
}

/// Both slippage limits are enforced.
#[test]
fn refuses_a_worse_result_than_the_signer_allowed() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let watched = money_accounts(&[user.io, user.holder]);
    for amount in [
        MintAmount::ExactIo {
            io_in_base: 100 * IO,
            min_iosd_out_micros: 248 * IOSD + 1,
        },
        MintAmount::ExactIosd {
            iosd_out_micros: 100 * IOSD,
            max_io_in_base: 4_032_258_064,
        },
    ] {
        let ix = client::iosd_mint(user.key.pubkey(), user.io, user.key.pubkey(), price, amount);
        refused(
            &mut ctx,
            ix,
            &[&user.key],
            IosdError::SlippageExceeded,
            &watched,
        );
    }
}

#[test]
fn refuses_zero_and_dust_amounts() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let watched = money_accounts(&[user.io, user.holder]);
    let cases = [
        (
            MintAmount::ExactIo {
                io_in_base: 0,
                min_iosd_out_micros: 0,
            },
            IosdError::ZeroAmount,
        ),
        (
            MintAmount::ExactIosd {
                iosd_out_micros: 0,
                max_io_in_base: IO,
            },
            IosdError::ZeroAmount,
        ),
        // One IO base unit is worth 2.48 × 10⁻⁸ USD: no whole micro-IOSD.
        (
            MintAmount::ExactIo {
                io_in_base: 1,
                min_iosd_out_micros: 0,
            },
            IosdError::AmountTooSmall,
        ),
    ];
    for (amount, error) in cases {
        let ix = client::iosd_mint(user.key.pubkey(), user.io, user.key.pubkey(), price, amount);
        refused(&mut ctx, ix, &[&user.key], error, &watched);
    }
}

/// Every way a price account can be unusable has its own error, and nothing changes.
#[test]
fn refuses_every_unusable_price() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    let now = ctx.now();
    let good = io_usd(PRICE_E8, CONF_E8, now);
    let watched = money_accounts(&[user.io, user.holder]);
    let mut cases: Vec<(anchor_lang::prelude::Pubkey, IosdError)> = Vec::new();

    let foreign = anchor_lang::prelude::Pubkey::new_unique();
    ctx.write_price_update_owned(&foreign, &verified(good), anchor_lang::system_program::ID);
    cases.push((foreign, IosdError::PriceWrongOwner));

    let not_an_update = anchor_lang::prelude::Pubkey::new_unique();
    let mut bytes = verified(good).encode();
    bytes[0] ^= 1;
    ctx.write_raw_price(&not_an_update, bytes.clone(), PYTH_RECEIVER_PROGRAM_ID);
    cases.push((not_an_update, IosdError::PriceNotPriceUpdate));

    let truncated = anchor_lang::prelude::Pubkey::new_unique();
    bytes[0] ^= 1;
    bytes.truncate(60);
    ctx.write_raw_price(&truncated, bytes, PYTH_RECEIVER_PROGRAM_ID);
    cases.push((truncated, IosdError::PriceMalformed));

    let other_feed = ctx.new_price(io_usd_with(good, |m| m.feed_id = [9; 32]));
    cases.push((other_feed, IosdError::PriceWrongFeed));

    let partial = anchor_lang::prelude::Pubkey::new_unique();
    let mut update = verified(good);
    update.verification_level = VerificationLevel::Partial { num_signatures: 5 };
    ctx.write_price_update_owned(&partial, &update, PYTH_RECEIVER_PROGRAM_ID);
    cases.push((partial, IosdError::PriceNotFullyVerified));

    type Case = (fn(&mut io_oracle::PriceFeedMessage), IosdError);
    let table: [Case; 8] = [
        (|m| m.publish_time -= 61, IosdError::PriceStale),
        (|m| m.publish_time += 11, IosdError::PricePublishedInFuture),
        (|m| m.price = 0, IosdError::PriceNotPositive),
        (|m| m.ema_price = -1, IosdError::PriceNotPositive),
        // k = 2: a confidence of half the price leaves nothing.
        (|m| m.conf = 125_000_000, IosdError::PriceConfidenceTooWide),
        (|m| m.exponent = 1, IosdError::PriceExponentOutOfRange),
        (|m| m.exponent = -19, IosdError::PriceExponentOutOfRange),
        (
            |m| {
                m.price = i64::MAX;
                m.ema_price = i64::MAX;
                m.exponent = 0;
            },
            IosdError::MathOverflow,
        ),
    ];
    for (change, error) in table {
        let address = ctx.new_price(io_usd_with(good, change));
        cases.push((address, error));
    }
    for (price, error) in cases {
        let amount = if matches!(error, IosdError::MathOverflow) {
            MintAmount::ExactIo {
                io_in_base: u64::MAX,
                min_iosd_out_micros: 0,
            }
        } else {
            HUNDRED_IO
        };
        let ix = client::iosd_mint(user.key.pubkey(), user.io, user.key.pubkey(), price, amount);
        refused(&mut ctx, ix, &[&user.key], error, &watched);
    }
}

fn io_usd_with(
    mut message: io_oracle::PriceFeedMessage,
    change: impl FnOnce(&mut io_oracle::PriceFeedMessage),
) -> io_oracle::PriceFeedMessage {
    change(&mut message);
    message
}

/// IO from an account of another mint, a receiving account that is not a holder, and a vault
/// other than the configured one are each refused by name.
#[test]
fn refuses_wrong_accounts() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let watched = money_accounts(&[user.io, user.holder]);

    let authority = ctx.mint_authority.pubkey();
    let other_mint = ctx.create_mint(8, &authority);
    let other_io = ctx.token_account(&other_mint, &user.key.pubkey());
    let ix = client::iosd_mint(
        user.key.pubkey(),
        other_io,
        user.key.pubkey(),
        price,
        HUNDRED_IO,
    );
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::IoMintMismatch,
        &watched,
    );

    // An IOSD account the user opened through the ATA program is not frozen: never a holder.
    let iosd_mint = ctx.iosd_mint;
    let ata = ctx.token_account(&iosd_mint, &user.key.pubkey());
    let mut ix = client::iosd_mint(
        user.key.pubkey(),
        user.io,
        user.key.pubkey(),
        price,
        HUNDRED_IO,
    );
    ix.accounts[6].pubkey = ata;
    refused(&mut ctx, ix, &[&user.key], IosdError::NotAHolder, &watched);

    let io_mint = ctx.io_mint;
    let decoy = ctx.token_account(&io_mint, &anchor_lang::prelude::Pubkey::new_unique());
    let mut ix = client::iosd_mint(
        user.key.pubkey(),
        user.io,
        user.key.pubkey(),
        price,
        HUNDRED_IO,
    );
    ix.accounts[4].pubkey = decoy;
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::ConfigAccountMismatch,
        &watched,
    );
}

/// After IO falls from $2.50 to $2.00 the vault covers 0.81 of the supply: minting halts, even
/// with a valid fresh price.
#[test]
fn minting_halts_below_the_halt_ratio() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    mint_io(&mut ctx, &user, 100);
    let crashed = ctx.io_price_now(200_000_000, CONF_E8);
    let watched = money_accounts(&[user.io, user.holder]);
    let ix = client::iosd_mint(
        user.key.pubkey(),
        user.io,
        user.key.pubkey(),
        crashed,
        HUNDRED_IO,
    );
    refused(&mut ctx, ix, &[&user.key], IosdError::MintHalted, &watched);
}

/// Minting into someone else's holder account works: buying credits for a teammate.
#[test]
fn mints_into_another_holder() {
    let mut ctx = deployment();
    let buyer = user(&mut ctx, 1_000);
    let teammate = ctx.funded_keypair().pubkey();
    let holder = open_holder(&mut ctx, &teammate);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let ix = client::iosd_mint(buyer.key.pubkey(), buyer.io, teammate, price, HUNDRED_IO);
    ctx.send(&[ix], &[&buyer.key]).expect("mint");
    assert_eq!(balance(&ctx, &holder), 248 * IOSD);
    assert_eq!(balance(&ctx, &buyer.holder), 0);
}

/// A breaker of 100 IOSD per hour: a larger mint is refused, the bucket fills, and after half an
/// hour half of it is free again.
#[test]
fn the_breaker_caps_the_mint_rate_and_drains_linearly() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let breaker = iosd::BreakerSettings {
        window_secs: 3_600,
        cap_absolute_micros: 100 * IOSD,
        cap_supply_bps: 0,
    };
    ctx.send(
        &[client::breaker_set(authority.pubkey(), breaker)],
        &[&authority],
    )
    .expect("breaker set");
    let user = user(&mut ctx, 1_000);
    let watched = money_accounts(&[user.io, user.holder]);
    let exact = |iosd: u64| MintAmount::ExactIosd {
        iosd_out_micros: iosd * IOSD,
        max_io_in_base: 1_000 * IO,
    };

    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let ix = client::iosd_mint(
        user.key.pubkey(),
        user.io,
        user.key.pubkey(),
        price,
        exact(101),
    );
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::MintRateExceeded,
        &watched,
    );
    mint(&mut ctx, &user, price, exact(90)).expect("90 fits");
    let ix = client::iosd_mint(
        user.key.pubkey(),
        user.io,
        user.key.pubkey(),
        price,
        exact(20),
    );
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::MintRateExceeded,
        &watched,
    );

    ctx.warp_by(1_800);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    mint(&mut ctx, &user, price, exact(60)).expect("50 drained, 10 were free");
    assert_eq!(config(&ctx).breaker_level_micros, 100 * IOSD);
}

/// IOSD cannot move by a plain token transfer: the accounts are frozen.
#[test]
fn a_plain_transfer_between_holders_fails() {
    let mut ctx = deployment();
    let alice = user(&mut ctx, 1_000);
    let bob = user(&mut ctx, 0);
    mint_io(&mut ctx, &alice, 100);
    let ix = spl_token_interface::instruction::transfer(
        &spl_token_interface::ID,
        &alice.holder,
        &bob.holder,
        &alice.key.pubkey(),
        &[],
        IOSD,
    )
    .unwrap();
    let watched = [alice.holder, bob.holder];
    // SPL Token's `AccountFrozen`.
    refused(&mut ctx, ix, &[&alice.key], 17u32, &watched);
    assert_eq!(balance(&ctx, &alice.holder), 248 * IOSD);
}

/// A breaker of zero capacity stops all minting: the authority's brake, since iosd has no pause.
#[test]
fn a_zero_capacity_breaker_stops_minting() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let stop = iosd::BreakerSettings {
        window_secs: 3_600,
        cap_absolute_micros: 0,
        cap_supply_bps: 0,
    };
    ctx.send(
        &[client::breaker_set(authority.pubkey(), stop)],
        &[&authority],
    )
    .expect("breaker set");
    let user = user(&mut ctx, 1_000);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let watched = money_accounts(&[user.io, user.holder]);
    let ix = client::iosd_mint(
        user.key.pubkey(),
        user.io,
        user.key.pubkey(),
        price,
        HUNDRED_IO,
    );
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::MintRateExceeded,
        &watched,
    );
}
