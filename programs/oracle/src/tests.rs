//! Tests of the decoder against the receiver's layout, of every refusal, and properties of the
//! price functions (bounds, rounding direction, no round-trip profit).

use anchor_lang::prelude::Pubkey;
use proptest::prelude::*;

use crate::price::{collateral_ratio_bps, in_kind_io_floor};
use crate::price_update::{PRICE_UPDATE_V2_LEN, PYTH_RECEIVER_PROGRAM_ID};
use crate::*;

const FEED: [u8; 32] = [7; 32];
const NOW: i64 = 1_767_225_600;

/// IO at $2.50 ± $0.01, EMA $2.40 ± $0.02, exponent −8 (Pyth's usual for crypto feeds).
fn message() -> PriceFeedMessage {
    PriceFeedMessage {
        feed_id: FEED,
        price: 250_000_000,
        conf: 1_000_000,
        exponent: -8,
        publish_time: NOW - 5,
        prev_publish_time: NOW - 6,
        ema_price: 240_000_000,
        ema_conf: 2_000_000,
    }
}

fn update(level: VerificationLevel, message: PriceFeedMessage) -> PriceUpdate {
    PriceUpdate {
        write_authority: Pubkey::new_unique(),
        verification_level: level,
        message,
        posted_slot: 42,
    }
}

/// A fully verified update, hand-assembled field by field in the receiver's layout (independent
/// of `encode`, so the two check each other).
fn fixture_bytes() -> Vec<u8> {
    let m = message();
    let mut data = vec![34, 241, 35, 99, 157, 126, 244, 205];
    data.extend_from_slice(&[3; 32]); // write authority
    data.push(1); // VerificationLevel::Full
    data.extend_from_slice(&FEED);
    data.extend_from_slice(&250_000_000i64.to_le_bytes());
    data.extend_from_slice(&1_000_000u64.to_le_bytes());
    data.extend_from_slice(&(-8i32).to_le_bytes());
    data.extend_from_slice(&m.publish_time.to_le_bytes());
    data.extend_from_slice(&m.prev_publish_time.to_le_bytes());
    data.extend_from_slice(&240_000_000i64.to_le_bytes());
    data.extend_from_slice(&2_000_000u64.to_le_bytes());
    data.extend_from_slice(&42u64.to_le_bytes());
    data.push(0); // the unused byte of the partial variant's allocation
    data
}

#[test]
fn decodes_the_receivers_layout() {
    let data = fixture_bytes();
    assert_eq!(data.len(), PRICE_UPDATE_V2_LEN);
    let decoded = PriceUpdate::decode(&PYTH_RECEIVER_PROGRAM_ID, &data).unwrap();
    assert_eq!(decoded.write_authority, Pubkey::new_from_array([3; 32]));
    assert_eq!(decoded.verification_level, VerificationLevel::Full);
    assert_eq!(decoded.message, message());
    assert_eq!(decoded.posted_slot, 42);
    assert_eq!(decoded.encode(), data);
}

#[test]
fn decodes_a_partially_verified_update() {
    let original = update(VerificationLevel::Partial { num_signatures: 5 }, message());
    let data = original.encode();
    assert_eq!(data.len(), PRICE_UPDATE_V2_LEN);
    assert_eq!(
        PriceUpdate::decode(&PYTH_RECEIVER_PROGRAM_ID, &data).unwrap(),
        original
    );
}

#[test]
fn refuses_accounts_that_are_not_genuine_updates() {
    let data = fixture_bytes();
    assert_eq!(
        PriceUpdate::decode(&Pubkey::new_unique(), &data),
        Err(OracleError::WrongOwner)
    );
    let mut other = data.clone();
    other[0] ^= 1;
    assert_eq!(
        PriceUpdate::decode(&PYTH_RECEIVER_PROGRAM_ID, &other),
        Err(OracleError::WrongDiscriminator)
    );
    assert_eq!(
        PriceUpdate::decode(&PYTH_RECEIVER_PROGRAM_ID, &data[..4]),
        Err(OracleError::WrongDiscriminator)
    );
    assert_eq!(
        PriceUpdate::decode(&PYTH_RECEIVER_PROGRAM_ID, &data[..100]),
        Err(OracleError::Malformed)
    );
    let mut bad_level = data;
    bad_level[40] = 2;
    assert_eq!(
        PriceUpdate::decode(&PYTH_RECEIVER_PROGRAM_ID, &bad_level),
        Err(OracleError::Malformed)
    );
}

#[test]
fn checks_feed_verification_age_sign_and_exponent() {
    let full = |message| update(VerificationLevel::Full, message);
    assert_eq!(
        full(message()).checked_message(&FEED, NOW, 60),
        Ok(message())
    );
    assert_eq!(
        full(message()).checked_message(&[8; 32], NOW, 60),
        Err(OracleError::WrongFeed)
    );
    let partial = update(VerificationLevel::Partial { num_signatures: 13 }, message());
    assert_eq!(
        partial.checked_message(&FEED, NOW, 60),
        Err(OracleError::NotFullyVerified)
    );
    // Exactly the maximum age passes; one second more is stale.
    assert!(full(message()).checked_message(&FEED, NOW + 55, 60).is_ok());
    assert_eq!(
        full(message()).checked_message(&FEED, NOW + 56, 60),
        Err(OracleError::Stale)
    );
    let future = PriceFeedMessage {
        publish_time: NOW + 11,
        ..message()
    };
    assert_eq!(
        full(future).checked_message(&FEED, NOW, 60),
        Err(OracleError::PublishedInFuture)
    );
    for (price, ema_price) in [(0, 1), (-1, 1), (1, 0), (1, -5)] {
        let m = PriceFeedMessage {
            price,
            ema_price,
            ..message()
        };
        assert_eq!(
            full(m).checked_message(&FEED, NOW, 60),
            Err(OracleError::NonPositivePrice)
        );
    }
    for exponent in [1, -19, i32::MIN, i32::MAX] {
        let m = PriceFeedMessage {
            exponent,
            ..message()
        };
        assert_eq!(
            full(m).checked_message(&FEED, NOW, 60),
            Err(OracleError::ExponentOutOfRange)
        );
    }
    let ancient = PriceFeedMessage {
        publish_time: i64::MIN,
        ..message()
    };
    assert_eq!(
        full(ancient).checked_message(&FEED, NOW, 60),
        Err(OracleError::Overflow)
    );
}

#[test]
fn named_prices_on_the_fixture() {
    let price = CheckedPrice::new(message()).unwrap();
    // k = 2: the margin is 2 × max($0.01, $0.02) = $0.04.
    assert_eq!(price.mint_price(20_000), Ok(UsdPerIo(2_360_000_000_000))); // $2.40 − $0.04
    assert_eq!(price.redeem_price(20_000), Ok(UsdPerIo(2_540_000_000_000))); // $2.50 + $0.04
    assert_eq!(price.ema_price(), Ok(UsdPerIo(2_400_000_000_000)));
    // 10 IO at $2.36 buy 23.6 IOSD; 23.6 IOSD need exactly 10 IO back at that price.
    let mint = price.mint_price(20_000).unwrap();
    assert_eq!(mint.iosd_for_io_floor(10 * 100_000_000), Ok(23_600_000));
    assert_eq!(mint.io_for_iosd_ceil(23_600_000), Ok(1_000_000_000));
    // Redeeming 25.4 IOSD at $2.54 pays 10 IO.
    assert_eq!(
        price
            .redeem_price(20_000)
            .unwrap()
            .io_for_iosd_floor(25_400_000),
        Ok(1_000_000_000)
    );
}

#[test]
fn confidence_wider_than_the_price_is_refused() {
    let wide = PriceFeedMessage {
        conf: 130_000_000,
        ..message()
    };
    let price = CheckedPrice::new(wide).unwrap();
    assert_eq!(
        price.mint_price(20_000),
        Err(OracleError::ConfidenceTooWide)
    );
    // Redemption still has a price: it only moves up.
    assert!(price.redeem_price(20_000).is_ok());
}

#[test]
fn extreme_prices_and_exponents_overflow_by_name() {
    let huge = PriceFeedMessage {
        price: i64::MAX,
        ema_price: i64::MAX,
        conf: u64::MAX,
        ema_conf: u64::MAX,
        exponent: 0,
        ..message()
    };
    let price = CheckedPrice::new(huge).unwrap();
    // The largest price still fits a u128; what it values does not.
    let redeem = price.redeem_price(100_000).unwrap();
    assert_eq!(
        redeem.iosd_for_io_floor(u64::MAX),
        Err(OracleError::Overflow)
    );
    assert_eq!(
        collateral_ratio_bps(u64::MAX, 1, redeem),
        Err(OracleError::Overflow)
    );
    let expensive = UsdPerIo(u128::MAX / 2);
    assert_eq!(
        expensive.iosd_for_io_floor(u64::MAX),
        Err(OracleError::Overflow)
    );
    assert_eq!(
        UsdPerIo(1).io_for_iosd_ceil(u64::MAX),
        Err(OracleError::Overflow)
    );
    assert_eq!(
        UsdPerIo(0).io_for_iosd_floor(1),
        Err(OracleError::NonPositivePrice)
    );
    // The finest exponent rounds in the named direction.
    let fine = PriceFeedMessage {
        price: 1_999_999,
        ema_price: 1_999_999,
        conf: 0,
        ema_conf: 0,
        exponent: -18,
        ..message()
    };
    let price = CheckedPrice::new(fine).unwrap();
    assert_eq!(price.mint_price(0), Ok(UsdPerIo(1)));
    assert_eq!(price.redeem_price(0), Ok(UsdPerIo(2)));
}

#[test]
fn collateral_ratio_and_in_kind_redemption() {
    let ema = UsdPerIo(2_000_000_000_000); // $2
    // 100 IO at $2 back 190 IOSD: 105.26 %, floored.
    assert_eq!(
        collateral_ratio_bps(100 * 100_000_000, 190_000_000, ema),
        Ok(10_526)
    );
    assert_eq!(collateral_ratio_bps(0, 1, ema), Ok(0));
    assert_eq!(collateral_ratio_bps(5, 0, ema), Ok(u64::MAX));
    assert_eq!(in_kind_io_floor(50, 1_000, 300), Ok(166));
    assert_eq!(in_kind_io_floor(1, 1, 0), Err(OracleError::Overflow));
}

fn any_message() -> impl Strategy<Value = PriceFeedMessage> {
    (
        1i64..=10_000_000_000,
        1i64..=10_000_000_000,
        0u64..=1_000_000_000,
        0u64..=1_000_000_000,
        -12i32..=-4,
    )
        .prop_map(
            |(price, ema_price, conf, ema_conf, exponent)| PriceFeedMessage {
                price,
                ema_price,
                conf,
                ema_conf,
                exponent,
                ..message()
            },
        )
}

proptest! {
    #[test]
    fn mint_price_never_exceeds_spot_or_ema_and_redeem_never_undercuts(m in any_message(), k in 0u32..=50_000) {
        let price = CheckedPrice::new(m).unwrap();
        let spot = CheckedPrice::new(PriceFeedMessage { ema_price: m.price, ema_conf: m.conf, ..m }).unwrap().ema_price().unwrap();
        let ema = price.ema_price().unwrap();
        if let Ok(mint) = price.mint_price(k) {
            prop_assert!(mint <= spot && mint <= ema);
            prop_assert!(mint.0 > 0);
        }
        let redeem = price.redeem_price(k).unwrap();
        prop_assert!(redeem >= spot && redeem >= ema);
    }

    #[test]
    fn minting_then_redeeming_never_returns_more_io(m in any_message(), k in 0u32..=50_000, io in 0u64..=1_000_000_000_000_000) {
        let price = CheckedPrice::new(m).unwrap();
        if let Ok(mint) = price.mint_price(k)
            && let Ok(iosd) = mint.iosd_for_io_floor(io)
        {
            let back = price.redeem_price(k).unwrap().io_for_iosd_floor(iosd).unwrap();
            prop_assert!(back <= io, "{io} IO became {iosd} IOSD and {back} IO");
        }
    }

    #[test]
    fn exact_iosd_mints_cost_at_least_their_value(m in any_message(), k in 0u32..=50_000, iosd in 1u64..=1_000_000_000_000) {
        let price = CheckedPrice::new(m).unwrap();
        // What the IO asked for buys at the same price covers the IOSD requested.
        if let Ok(mint) = price.mint_price(k)
            && let Ok(io) = mint.io_for_iosd_ceil(iosd)
        {
            prop_assert!(mint.iosd_for_io_floor(io).unwrap() >= iosd);
        }
    }

    #[test]
    fn value_rounds_down_and_up_within_one_micro(price in 1u128..=1_000_000_000_000_000, io in 0u64..=1_000_000_000_000_000) {
        let price = UsdPerIo(price);
        if let (Ok(floor), Ok(ceil)) = (price.iosd_for_io_floor(io), price.iosd_for_io_ceil(io)) {
            prop_assert!(ceil == floor || Some(ceil) == floor.checked_add(1));
            let exact = u128::from(io)
                .checked_mul(price.0)
                .is_some_and(|value| value.is_multiple_of(100_000_000_000_000));
            prop_assert_eq!(exact, ceil == floor);
        }
    }

    #[test]
    fn decode_never_panics_on_arbitrary_bytes(data in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = PriceUpdate::decode(&PYTH_RECEIVER_PROGRAM_ID, &data);
    }
}
