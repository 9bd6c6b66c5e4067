//! Review finding High 1: an address that comes back. A device that claimed its block rewards,
//! then was closed with its provider and registered again by the same owner, must never be paid
//! the same total a second time, whether the claimant replays the old oracle signatures or
//! honest oracles sign fresh totals for the new device.

use io_client::market;
use io_client::rewards as client;
use io_harness::{IO, Signer, expect_error};

use crate::block_rewards::block;
use crate::fixture::*;

const HOUR: i64 = 3_600;

#[test]
fn a_closed_device_never_comes_back_with_fresh_counters() {
    let mut b = block(&[("H100-80GB-SXM", 8)]);
    b.s.ctx.warp_by(100 * HOUR);
    let old = b.s.devices[0];
    let old_index = b.s.ctx.fetch::<market::Device>(&old.device).index;
    let signed = [b.sign(0, 0, 1_000 * IO), b.sign(1, 0, 1_000 * IO)];
    let old_claim = b.claim_ixs(&signed, &[0]);
    b.s.ctx.send(&old_claim, &[]).expect("the first claim");
    assert_eq!(b.s.payout_balance(0), 1_000 * IO);

    // The owner closes the device and the provider; anyone closes the block-reward record.
    let owner = b.s.providers[0].key.insecure_clone();
    let payer = b.s.ctx.payer.pubkey();
    let h100 = class("H100-80GB-SXM");
    let closes = [
        market::device_close(owner.pubkey(), old_index, h100, owner.pubkey()),
        market::provider_close(owner.pubkey(), owner.pubkey()),
        client::device_rewards_close(payer, old.device, payer),
    ];
    b.s.ctx
        .send(&closes, &[&owner])
        .expect("device, provider and record closed");

    // The same owner registers again, with the same payout account, and opens a record.
    let io_payout = b.s.providers[0].io_payout;
    let ix = market::provider_register(owner.pubkey(), io_payout, owner.pubkey());
    b.s.ctx
        .send(&[ix], &[&owner])
        .expect("provider registered again");
    let provider: market::Provider = b.s.ctx.fetch(&market::provider_address(&owner.pubkey()));
    let index = provider.devices_created;
    let spec = market::DeviceSpec {
        gpu_count: 8,
        bandwidth_tier: 2,
        region: 276,
        device_key: anchor_lang::prelude::Pubkey::new_unique(),
    };
    let ix = market::device_register(owner.pubkey(), index, h100, spec);
    b.s.ctx
        .send(&[ix], &[&owner])
        .expect("device registered again");
    let new = market::device_address(&owner.pubkey(), index);
    let ix = client::device_rewards_open(payer, new);
    b.s.ctx.send(&[ix], &[]).expect("record opened");

    // The old signatures, sent again: nothing is paid (the old device and its record are gone).
    let before = b.s.payout_balance(0);
    expect_error(
        b.s.ctx.send(&old_claim, &[]),
        anchor_lang::error::ErrorCode::AccountNotInitialized,
    );
    assert_eq!(
        b.s.payout_balance(0),
        before,
        "the old total was paid twice"
    );
    // The device's address is new, so no lease, slash or record of the old one applies to it.
    assert_ne!(new, old.device, "the device address came back");

    // Honest oracles sign the new device's own total, counted from zero: only that is paid.
    b.s.devices[0].device = new;
    let fresh = [b.sign(0, 0, 300 * IO), b.sign(1, 0, 300 * IO)];
    b.claim(&fresh, &[0]).expect("the new device's claim");
    assert_eq!(b.s.payout_balance(0), before + 300 * IO);
    let record: client::DeviceRewards = b.s.ctx.fetch(&client::device_rewards_address(&new));
    assert_eq!(record.claimed_io_base, 300 * IO);
}
