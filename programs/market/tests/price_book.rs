//! The GPU price book: create, update, retire, close, each by the authority only.

use io_client::market as client;
use io_harness::Signer;
use market::error::MarketError;
use market::events::{GpuClassClosed, GpuClassRetired, GpuClassSet};
use market::{GpuClassTerms, Pool};

use crate::fixture::*;

#[test]
fn the_authority_creates_a_class_paid_by_the_payer() {
    let mut ctx = io_harness::TestContext::builder().with_configs().build();
    let payer = ctx.payer.pubkey();
    let before = ctx.lamports(&payer);
    let event: GpuClassSet = create_class(&mut ctx, H100, H100_TERMS)
        .expect("create")
        .event(&client::ID);
    let stored: client::GpuClass = ctx.fetch(&class(H100));
    assert_eq!(stored.name, client::class_name(H100));
    assert_eq!(
        (stored.terms, stored.retired, stored.device_count),
        (H100_TERMS, false, 0)
    );
    assert_eq!(stored.rent_payer, payer);
    let rent = ctx.lamports(&class(H100));
    assert_eq!(
        before - ctx.lamports(&payer),
        rent + 10_000,
        "rent and two signatures"
    );
    assert_eq!(
        (event.gpu_class, event.terms, event.created),
        (class(H100), H100_TERMS, true)
    );
}

#[test]
fn refuses_bad_classes_and_strangers() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let payer = ctx.payer.pubkey();
    let name = client::class_name("A100");
    let address = client::gpu_class_address(&name);
    let bad: [(GpuClassTerms, MarketError); 3] = [
        (
            GpuClassTerms {
                usd_per_gpu_hour_micros: 0,
                ..H100_TERMS
            },
            MarketError::GpuPriceZero,
        ),
        (
            GpuClassTerms {
                multiplier_bps: 0,
                ..H100_TERMS
            },
            MarketError::MultiplierOutOfRange,
        ),
        (
            GpuClassTerms {
                multiplier_bps: 100_001,
                ..H100_TERMS
            },
            MarketError::MultiplierOutOfRange,
        ),
    ];
    for (terms, error) in bad {
        let ix = client::gpu_class_create(authority.pubkey(), payer, name, terms);
        ctx.assert_refused(ix, &[&authority], error, &[address]);
    }
    let ix = client::gpu_class_create(authority.pubkey(), payer, [0; 32], H100_TERMS);
    ctx.assert_refused(ix, &[&authority], MarketError::GpuClassNameEmpty, &[]);
    let ix = client::gpu_class_create(
        authority.pubkey(),
        payer,
        client::class_name(H100),
        H100_TERMS,
    );
    ctx.assert_refused(
        ix,
        &[&authority],
        MarketError::AlreadyInitialized,
        &[class(H100)],
    );
    let stranger = ctx.funded_keypair();
    let ix = client::gpu_class_create(stranger.pubkey(), payer, name, H100_TERMS);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotAuthority, &[address]);
    let ix = client::gpu_class_update(stranger.pubkey(), &client::class_name(H100), H100_TERMS);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotAuthority, &[class(H100)]);
    let ix = client::gpu_class_retire(stranger.pubkey(), &client::class_name(H100));
    ctx.assert_refused(ix, &[&stranger], MarketError::NotAuthority, &[class(H100)]);
}

#[test]
fn update_then_retire_then_close() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let name = client::class_name(H100);
    let cheaper = GpuClassTerms {
        usd_per_gpu_hour_micros: 1_500_000,
        multiplier_bps: 12_000,
        pool: Pool::Community,
    };
    let event: GpuClassSet = ctx
        .send(
            &[client::gpu_class_update(authority.pubkey(), &name, cheaper)],
            &[&authority],
        )
        .expect("update")
        .event(&client::ID);
    assert_eq!(
        (event.terms, event.created, event.revision),
        (cheaper, false, 1)
    );

    // Not retired yet: cannot close.
    let payer = ctx.payer.pubkey();
    let ix = client::gpu_class_close(authority.pubkey(), &name, payer);
    ctx.assert_refused(
        ix,
        &[&authority],
        MarketError::GpuClassInUse,
        &[class(H100)],
    );

    let retired: GpuClassRetired = ctx
        .send(
            &[client::gpu_class_retire(authority.pubkey(), &name)],
            &[&authority],
        )
        .expect("retire")
        .event(&client::ID);
    assert_eq!((retired.device_count, retired.revision), (0, 2));
    for ix in [
        client::gpu_class_update(authority.pubkey(), &name, cheaper),
        client::gpu_class_retire(authority.pubkey(), &name),
    ] {
        ctx.assert_refused(
            ix,
            &[&authority],
            MarketError::GpuClassRetired,
            &[class(H100)],
        );
    }
    let wrong_payer = authority.pubkey();
    let ix = client::gpu_class_close(authority.pubkey(), &name, wrong_payer);
    ctx.assert_refused(
        ix,
        &[&authority],
        MarketError::ConfigAccountMismatch,
        &[class(H100)],
    );

    let rent = ctx.lamports(&class(H100));
    let before = ctx.lamports(&payer);
    let closed: GpuClassClosed = ctx
        .send(
            &[client::gpu_class_close(authority.pubkey(), &name, payer)],
            &[&authority],
        )
        .expect("close")
        .event(&client::ID);
    assert_eq!(closed.rent_payer, payer);
    assert_eq!(ctx.data(&class(H100)), None);
    assert_eq!(ctx.lamports(&payer), before + rent - 10_000);
}

/// A retired class that devices still use cannot be closed, and takes no new device.
#[test]
fn a_used_class_stays_open() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 0);
    device(&mut ctx, &owner, H100, 8);
    let authority = ctx.authority.insecure_clone();
    let name = client::class_name(H100);
    ctx.send(
        &[client::gpu_class_retire(authority.pubkey(), &name)],
        &[&authority],
    )
    .expect("retire");
    let payer = ctx.payer.pubkey();
    let ix = client::gpu_class_close(authority.pubkey(), &name, payer);
    ctx.assert_refused(
        ix,
        &[&authority],
        MarketError::GpuClassInUse,
        &[class(H100)],
    );
    let ix = client::device_register(owner.key.pubkey(), 1, class(H100), spec(1));
    ctx.assert_refused(
        ix,
        &[&owner.key],
        MarketError::GpuClassRetired,
        &[device_address(&owner, 1)],
    );
}
