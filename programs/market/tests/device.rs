//! Devices: register, rotate the key, availability against the stake requirement, close.

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::{IO, Signer};
use market::error::MarketError;
use market::events::{DeviceClosed, DeviceRegistered, DeviceUpdated};

use crate::fixture::*;

/// 8 H100s (multiplier 1.5) need 200 × 1.5 × 8 = 2400 IO of stake.
#[test]
fn registers_a_device_with_its_stake_requirement() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 0);
    let spec = spec(8);
    let ix = client::device_register(owner.key.pubkey(), 0, class(H100), spec);
    let event: DeviceRegistered = ctx
        .send(&[ix], &[&owner.key])
        .expect("register")
        .event(&client::ID);
    let device = fetch_device(&ctx, &owner, 0);
    assert_eq!(
        (device.gpu_count, device.bandwidth_tier, device.region),
        (8, 2, 276)
    );
    assert_eq!(
        (device.device_key, device.available),
        (spec.device_key, false)
    );
    assert_eq!(
        device.provider,
        client::provider_address(&owner.key.pubkey())
    );
    assert_eq!(event.required_stake_io_base, 2_400 * IO);
    assert_eq!((event.index, event.device_count), (0, 1));
    let class: client::GpuClass = ctx.fetch(&class(H100));
    assert_eq!(class.device_count, 1);
    assert_eq!(config(&ctx).device_count, 1);
    assert_eq!(fetch_provider(&ctx, &owner).devices_created, 1);
}

/// A multiplier below 1.0 still stakes the full 200 IO per GPU: `max(1, multiplier)`.
#[test]
fn a_small_multiplier_stakes_at_least_the_base() {
    assert_eq!(
        client::required_stake(200 * IO, 5_000, 4).unwrap(),
        800 * IO
    );
    assert_eq!(
        client::required_stake(200 * IO, 15_000, 8).unwrap(),
        2_400 * IO
    );
    assert!(client::required_stake(u64::MAX, 100_000, 64).is_err());
}

#[test]
fn refuses_bad_specs_unknown_classes_and_strangers() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 0);
    let target = [device_address(&owner, 0)];
    let mut cases = Vec::new();
    for (gpu_count, tier, key, error) in [
        (0, 2, Pubkey::new_unique(), MarketError::GpuCountOutOfRange),
        (65, 2, Pubkey::new_unique(), MarketError::GpuCountOutOfRange),
        (
            8,
            5,
            Pubkey::new_unique(),
            MarketError::BandwidthTierOutOfRange,
        ),
        (8, 2, Pubkey::default(), MarketError::DeviceKeyUnset),
    ] {
        let spec = market::DeviceSpec {
            gpu_count,
            bandwidth_tier: tier,
            region: 0,
            device_key: key,
        };
        cases.push((
            client::device_register(owner.key.pubkey(), 0, class(H100), spec),
            error,
        ));
    }
    for (ix, error) in cases {
        ctx.assert_refused(ix, &[&owner.key], error, &target);
    }
    // A class that is not in the price book is not an account of this program.
    let ix = client::device_register(owner.key.pubkey(), 0, class("TPU-v5"), spec(1));
    ctx.assert_refused(
        ix,
        &[&owner.key],
        anchor_lang::error::ErrorCode::AccountNotInitialized,
        &target,
    );
    let stranger = ctx.funded_keypair();
    let mut ix = client::device_register(stranger.pubkey(), 0, class(H100), spec(1));
    ix.accounts[2].pubkey = client::provider_address(&owner.key.pubkey());
    ix.accounts[4].pubkey = device_address(&owner, 0);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotProviderOwner, &target);
}

#[test]
fn rotates_the_key_and_offers_only_with_enough_stake() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 5_000);
    let index = device(&mut ctx, &owner, H100, 8);
    let address = device_address(&owner, index);
    let new_key = Pubkey::new_unique();
    let event: DeviceUpdated = ctx
        .send(
            &[client::device_rotate_key(
                owner.key.pubkey(),
                index,
                class(H100),
                new_key,
            )],
            &[&owner.key],
        )
        .expect("rotate")
        .event(&client::ID);
    assert_eq!((event.device_key, event.revision), (new_key, 1));
    let ix = client::device_rotate_key(owner.key.pubkey(), index, class(H100), Pubkey::default());
    ctx.assert_refused(ix, &[&owner.key], MarketError::DeviceKeyUnset, &[address]);

    let offer = client::device_set_available(owner.key.pubkey(), index, class(H100), true);
    ctx.assert_refused(
        offer.clone(),
        &[&owner.key],
        MarketError::StakeBelowRequired,
        &[address],
    );
    deposit(&mut ctx, &owner, index, 2_400 * IO - 1).expect("deposit");
    ctx.assert_refused(
        offer.clone(),
        &[&owner.key],
        MarketError::StakeBelowRequired,
        &[address],
    );
    deposit(&mut ctx, &owner, index, 1).expect("deposit");
    let event: DeviceUpdated = ctx
        .send(&[offer], &[&owner.key])
        .expect("offer")
        .event(&client::ID);
    assert!(event.available && fetch_device(&ctx, &owner, index).available);
    let withdraw = client::device_set_available(owner.key.pubkey(), index, class(H100), false);
    ctx.send(&[withdraw], &[&owner.key])
        .expect("withdraw offer");
    assert!(!fetch_device(&ctx, &owner, index).available);

    // Another class than the device's, and another owner, are refused by name.
    create_class(&mut ctx, "A100", H100_TERMS).expect("class");
    let ix = client::device_set_available(owner.key.pubkey(), index, class("A100"), true);
    ctx.assert_refused(ix, &[&owner.key], MarketError::GpuClassMismatch, &[address]);
    let stranger = provider(&mut ctx, 0);
    let mut ix = client::device_rotate_key(stranger.key.pubkey(), index, class(H100), new_key);
    ix.accounts[2].pubkey = address;
    ctx.assert_refused(
        ix,
        &[&stranger.key],
        MarketError::DeviceProviderMismatch,
        &[address],
    );
}

#[test]
fn closes_only_an_empty_device() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 1_000);
    let index = device(&mut ctx, &owner, H100, 1);
    let address = device_address(&owner, index);
    deposit(&mut ctx, &owner, index, 100 * IO).expect("deposit");
    let close = client::device_close(owner.key.pubkey(), index, class(H100), owner.key.pubkey());
    ctx.assert_refused(
        close.clone(),
        &[&owner.key],
        MarketError::DeviceNotEmpty,
        &[address],
    );

    let unstake = client::unstake_request(owner.key.pubkey(), index, class(H100), 100 * IO);
    ctx.send(&[unstake], &[&owner.key]).expect("unstake");
    ctx.warp_by(14 * 86_400);
    let withdraw = client::stake_withdraw(owner.key.pubkey(), index, class(H100), owner.io);
    ctx.send(&[withdraw], &[&owner.key]).expect("withdraw");

    let rent = ctx.lamports(&address);
    let before = ctx.lamports(&owner.key.pubkey());
    let event: DeviceClosed = ctx
        .send(&[close], &[&owner.key])
        .expect("close")
        .event(&client::ID);
    assert_eq!((event.device, event.device_count), (address, 0));
    assert_eq!(ctx.data(&address), None);
    assert_eq!(ctx.lamports(&owner.key.pubkey()), before + rent);
    assert_eq!(ctx.fetch::<client::GpuClass>(&class(H100)).device_count, 0);
    assert_eq!(config(&ctx).device_count, 0);
}

/// Accounts of the wrong owner or seeds, and a requirement that overflows, are refused by name.
#[test]
fn refuses_wrong_owners_seeds_and_overflow() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 0);
    let target = [device_address(&owner, 0)];
    // The iosd config is not a GPU class of this program.
    let ix = client::device_register(
        owner.key.pubkey(),
        0,
        io_client::iosd::config_address(),
        spec(1),
    );
    ctx.assert_refused(
        ix,
        &[&owner.key],
        anchor_lang::error::ErrorCode::AccountOwnedByWrongProgram,
        &target,
    );
    // A device address off the provider's next index.
    let ix = client::device_register(owner.key.pubkey(), 5, class(H100), spec(1));
    ctx.assert_refused(
        ix,
        &[&owner.key],
        anchor_lang::error::ErrorCode::ConstraintSeeds,
        &[device_address(&owner, 5)],
    );

    let index = device(&mut ctx, &owner, H100, 64);
    let authority = ctx.authority.insecure_clone();
    let mut params = io_client::defaults::MARKET_PARAMS;
    params.stake_per_gpu_io_base = u64::MAX;
    ctx.send(
        &[client::params_set(authority.pubkey(), params)],
        &[&authority],
    )
    .expect("params");
    let ix = client::device_set_available(owner.key.pubkey(), index, class(H100), true);
    ctx.assert_refused(
        ix,
        &[&owner.key],
        MarketError::MathOverflow,
        &[device_address(&owner, index)],
    );
}
