//! `lease_settle_batch`: many leases in one transaction, one event for the batch, skips instead
//! of failures for closed, closing and stale leases; and how many leases fit one transaction, with and
//! without an address lookup table (`--nocapture` prints the figures in BENCHMARKS.md).

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::sizes::PACKET_DATA_SIZE;
use io_harness::{IO, IOSD, Keypair, Signer};
use market::error::MarketError;
use market::events::{LeaseBatchSettled, SkipReason};
use solana_message::{AddressLookupTableAccount, VersionedMessage, v0};
use solana_transaction::versioned::VersionedTransaction;

use crate::fixture::*;

const HOUR: i64 = 3_600;

/// Adds `devices` more H100 ×8 devices to the scene's provider, staked and offered.
fn more_devices(s: &mut Scene, devices: u32) -> Vec<Pubkey> {
    let owner = Owner {
        key: s.provider.key.insecure_clone(),
        io: s.provider.io,
    };
    s.ctx.mint_io(&owner.io, u64::from(devices) * 2_400 * IO);
    (0..devices)
        .map(|_| {
            let index = device(&mut s.ctx, &owner, H100, 8);
            deposit(&mut s.ctx, &owner, index, 2_400 * IO).expect("stake");
            let offer = client::device_set_available(owner.key.pubkey(), index, class(H100), true);
            s.ctx.send(&[offer], &[&owner.key]).expect("offer");
            device_address(&owner, index)
        })
        .collect()
}

/// Opens `count` one-GPU $10 leases spread over the scene's devices; returns their addresses.
fn open_many(s: &mut Scene, count: usize) -> Vec<Pubkey> {
    let mut devices = vec![s.device];
    let needed = count.div_ceil(8).saturating_sub(1);
    devices.extend(more_devices(s, u32::try_from(needed).unwrap()));
    (0..count).map(|i| open_on(s, devices[i / 8])).collect()
}

/// Opens a one-GPU $10 IOSD lease on `device` for the scene's renter; returns its address.
fn open_on(s: &mut Scene, device: Pubkey) -> Pubkey {
    let renter = s.renter.insecure_clone();
    let nonce = s.ctx.fetch::<client::Device>(&device).leases_created;
    let args = client::LeaseOpenArgs {
        gpu_count: 1,
        funding: client::LeaseFunding::Iosd {
            deposit_micros: 10 * IOSD,
        },
        max_rate_usd_per_gpu_hour_micros: 2_000_000,
    };
    let ix = client::lease_open(
        renter.pubkey(),
        device,
        class(H100),
        nonce,
        accounts(&s.ctx),
        args,
        None,
    );
    s.ctx.send(&[ix], &[&renter]).expect("open");
    client::lease_address(&device, nonce)
}

fn entries(s: &Scene, leases: &[Pubkey], cumulative: u64) -> Vec<client::BatchEntry> {
    let owner = s.provider.key.pubkey();
    leases
        .iter()
        .map(|&lease| client::BatchEntry {
            lease,
            provider_owner: owner,
            cumulative_gpu_secs: cumulative,
        })
        .collect()
}

#[test]
fn settles_a_batch_and_skips_closed_closing_and_stale_leases() {
    let mut s = scene(1_000);
    let leases = open_many(&mut s, 5);
    s.ctx.warp_by(HOUR);
    // Lease 1 already settled to 3600 (a replay is stale); lease 2 closing past its grace;
    // lease 3 finalised (closed).
    s.settle(1, 3_600).expect("settle lease 1");
    let owner = s.provider.key.pubkey();
    let renter = s.renter.insecure_clone();
    for lease in [leases[2], leases[3]] {
        let ix = client::lease_close_request(renter.pubkey(), lease, owner);
        s.ctx.send(&[ix], &[&renter]).expect("close request");
    }
    s.ctx.warp_by(HOUR + 1);
    let anyone = s.ctx.payer.pubkey();
    let ix = client::lease_finalize(
        anyone,
        leases[3],
        s.device,
        renter.pubkey(),
        client::Currency::Iosd,
        accounts(&s.ctx),
    );
    s.ctx.send(&[ix], &[]).expect("finalise lease 3");

    let provider_before = s.earned();
    let mut batch = entries(&s, &leases, 3_600);
    batch[4].cumulative_gpu_secs = 7_200;
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle_batch(settler.pubkey(), &batch);
    let executed = s.ctx.send(&[ix], &[&settler]).expect("batch");
    let events: Vec<LeaseBatchSettled> = executed.events(&client::ID);
    assert_eq!(events.len(), 1, "one event for the whole batch");
    let LeaseBatchSettled {
        settler: by,
        settled,
        skipped,
        payout_bucket_usd_micros,
    } = &events[0];
    assert_eq!(*by, settler.pubkey());
    assert_eq!(
        *payout_bucket_usd_micros,
        config(&s.ctx).payout_bucket_usd_micros
    );
    assert_eq!(
        settled
            .iter()
            .map(|e| (e.lease, e.paid))
            .collect::<Vec<_>>(),
        vec![(leases[0], 2 * IOSD), (leases[4], 4 * IOSD)]
    );
    assert_eq!(
        skipped
            .iter()
            .map(|e| (e.lease, e.reason))
            .collect::<Vec<_>>(),
        vec![
            (leases[1], SkipReason::Stale),
            (leases[2], SkipReason::Closing),
            (leases[3], SkipReason::Closed)
        ]
    );
    // $6 less the 0.25 % provider fee.
    assert_eq!(s.earned() - provider_before, 6 * IOSD - 15_000);
    let lease: client::Lease = s.ctx.fetch(&leases[4]);
    assert_eq!((lease.settled_gpu_secs, lease.paid), (7_200, 4 * IOSD));
}

/// Leases of two providers interleaved in one batch: each provider is loaded once, credited in
/// memory and written back at the end, and each ends with exactly its own leases' earnings.
#[test]
fn credits_each_provider_of_an_interleaved_batch() {
    let mut s = scene(1_000);
    let mine = open_many(&mut s, 2);
    let second = provider(&mut s.ctx, 3_000);
    let index = device(&mut s.ctx, &second, H100, 8);
    deposit(&mut s.ctx, &second, index, 2_400 * IO).expect("stake");
    let offer = client::device_set_available(second.key.pubkey(), index, class(H100), true);
    s.ctx.send(&[offer], &[&second.key]).expect("offered");
    let theirs_device = device_address(&second, index);
    let theirs = [
        open_on(&mut s, theirs_device),
        open_on(&mut s, theirs_device),
    ];
    s.ctx.warp_by(HOUR);
    let entry = |lease, owner: &Keypair| client::BatchEntry {
        lease,
        provider_owner: owner.pubkey(),
        cumulative_gpu_secs: 3_600,
    };
    let batch = [
        entry(mine[0], &s.provider.key),
        entry(theirs[0], &second.key),
        entry(mine[1], &s.provider.key),
        entry(theirs[1], &second.key),
    ];
    let settler = s.settler.insecure_clone();
    let ix = client::lease_settle_batch(settler.pubkey(), &batch);
    let event: LeaseBatchSettled = s
        .ctx
        .send(&[ix], &[&settler])
        .expect("batch")
        .event(&client::ID);
    assert_eq!(event.settled.len(), 4);
    // $2 each, less the 0.25 % fee: two leases per provider.
    let each = 2 * IOSD - 5_000;
    assert_eq!(s.earned(), 2 * each);
    assert_eq!(fetch_provider(&s.ctx, &second).earned_iosd_micros, 2 * each);
}

#[test]
fn refuses_bad_batches() {
    let mut s = scene(1_000);
    let leases = open_many(&mut s, 2);
    s.ctx.warp_by(HOUR);
    let settler = s.settler.insecure_clone();
    let watched = [leases[0], leases[1], client::escrow_address()];
    let ix = client::lease_settle_batch(settler.pubkey(), &[]);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::BatchShape, &watched);
    let mut ix = client::lease_settle_batch(settler.pubkey(), &entries(&s, &leases, 3_600));
    ix.accounts.pop();
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::BatchShape, &watched);
    let stranger = s.ctx.funded_keypair();
    let ix = client::lease_settle_batch(stranger.pubkey(), &entries(&s, &leases, 3_600));
    s.ctx
        .assert_refused(ix, &[&stranger], MarketError::NotSettler, &watched);
    // Usage above capacity on one lease is the settler's error: the whole batch fails.
    let mut batch = entries(&s, &leases, 3_600);
    batch[1].cumulative_gpu_secs = 3_601;
    let ix = client::lease_settle_batch(settler.pubkey(), &batch);
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::UsageAboveCapacity, &watched);
    // A provider other than the lease's.
    let mut ix = client::lease_settle_batch(settler.pubkey(), &entries(&s, &leases, 3_600));
    let other = provider(&mut s.ctx, 0);
    let position = ix.accounts.len() - 1;
    ix.accounts[position].pubkey = client::provider_address(&other.key.pubkey());
    s.ctx
        .assert_refused(ix, &[&settler], MarketError::LeaseMismatch, &watched);
}

/// An address lookup table holding `addresses`, written as the ALT program stores it (active:
/// never deactivated, extended at slot 0).
fn lookup_table(s: &mut Scene, addresses: Vec<Pubkey>) -> AddressLookupTableAccount {
    let key = Pubkey::new_unique();
    let mut data = Vec::with_capacity(56 + 32 * addresses.len());
    data.extend_from_slice(&1u32.to_le_bytes()); // LookupTable
    data.extend_from_slice(&u64::MAX.to_le_bytes()); // deactivation slot
    data.extend_from_slice(&0u64.to_le_bytes()); // last extended slot
    data.push(0); // its start index
    data.push(1); // Some(authority)
    data.extend_from_slice(s.ctx.authority.pubkey().as_ref());
    data.extend_from_slice(&[0, 0]); // padding
    for address in &addresses {
        data.extend_from_slice(address.as_ref());
    }
    let account = solana_account::Account {
        lamports: s.ctx.svm.minimum_balance_for_rent_exemption(data.len()),
        data,
        owner: solana_sdk_ids::address_lookup_table::ID,
        executable: false,
        rent_epoch: 0,
    };
    s.ctx.svm.set_account(key, account).unwrap();
    AddressLookupTableAccount { key, addresses }
}

/// The largest batch in one transaction: legacy, and v0 with every account but the settler in
/// a lookup table. Each size is sent and must settle every lease.
#[test]
fn how_many_leases_fit_one_transaction() {
    let mut s = scene(1_000);
    let leases = open_many(&mut s, 32);
    s.ctx.warp_by(HOUR);
    let settler = s.settler.insecure_clone();
    let size =
        |tx: &VersionedTransaction| 1 + 64 * tx.signatures.len() + tx.message.serialize().len();

    // Each transaction asks for the compute units its batch needs (more than the default
    // 200,000 past about 30 leases on SBF).
    let instructions = |s: &Scene, n: usize| {
        [
            io_client::compute::set_compute_unit_limit(client::lease_settle_batch_compute_units(n)),
            client::lease_settle_batch(settler.pubkey(), &entries(s, &leases[..n], 3_600)),
        ]
    };
    let legacy = (1..=32)
        .take_while(|&n| {
            let message =
                solana_message::Message::new(&instructions(&s, n), Some(&settler.pubkey()));
            1 + 64 + message.serialize().len() <= PACKET_DATA_SIZE
        })
        .last()
        .unwrap_or(0);

    let all = client::lease_settle_batch(settler.pubkey(), &entries(&s, &leases, 3_600));
    let mut addresses: Vec<Pubkey> = all.accounts.iter().map(|m| m.pubkey).collect();
    addresses.push(client::ID);
    addresses.sort();
    addresses.dedup();
    addresses.retain(|a| *a != settler.pubkey() && *a != client::ID);
    let table = lookup_table(&mut s, addresses);
    s.ctx.warp_by(1);
    let build = |s: &Scene, n: usize| {
        let message = v0::Message::try_compile(
            &settler.pubkey(),
            &instructions(s, n),
            std::slice::from_ref(&table),
            s.ctx.svm.latest_blockhash(),
        )
        .unwrap();
        VersionedTransaction::try_new(VersionedMessage::V0(message), &[&settler]).unwrap()
    };
    let with_table = (1..=32)
        .take_while(|&n| size(&build(&s, n)) <= PACKET_DATA_SIZE)
        .last()
        .unwrap_or(0);
    let tx = build(&s, with_table);
    let bytes = size(&tx);
    let meta = s
        .ctx
        .svm
        .send_transaction(tx)
        .unwrap_or_else(|failed| panic!("{:?}", failed.meta.logs));
    for lease in &leases[..with_table] {
        assert_eq!(s.ctx.fetch::<client::Lease>(lease).settled_gpu_secs, 3_600);
    }
    // Compute units are metered only on the SBF build (IO_SBF_DIR); natively this is the
    // budget instruction's own cost.
    println!(
        "batch settlement: {legacy} leases in a legacy transaction; {with_table} in a v0 transaction with a lookup table ({bytes} bytes, {} compute units; the program's cap is 32)",
        meta.compute_units_consumed
    );
    assert!(with_table >= 20, "goal: at least 20 leases per transaction");
}
