//! Block rewards: the oracle set, device records, claims with a majority of oracle signatures
//! (real ed25519 precompile instructions through the real instructions sysvar), the lower
//! median, the emission guard, the window cap; every refusal by name and without effect.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use ed25519_dalek::{Signer as _, SigningKey};
use io_client::market;
use io_client::rewards as client;
use io_harness::{IO, Signer, TEST_GENESIS_HASH, expect_error};
use rewards::error::RewardsError;
use rewards::events::RewardsClaimed;

use crate::fixture::*;

const HOUR: i64 = 3_600;

/// A scene with three oracles set, the reward vault funded with 2M IO, and the device records
/// of the scene's devices open.
pub struct Block {
    pub s: Scene,
    pub oracles: Vec<SigningKey>,
}

pub fn block(devices: &[(&str, u16)]) -> Block {
    let mut s = scene(POOL, &[]);
    for (name, gpus) in devices {
        let device = s.add_device(name, *gpus);
        s.devices.push(device);
    }
    s.ctx
        .mint_io(&client::reward_vault_address(), 2_000_000 * IO);
    let oracles: Vec<SigningKey> = (1..=3).map(|i| SigningKey::from_bytes(&[i; 32])).collect();
    set_oracles(&mut s, &oracles).expect("oracles set");
    let payer = s.ctx.payer.pubkey();
    for i in 0..s.devices.len() {
        let ix = client::device_rewards_open(payer, s.devices[i].device);
        s.ctx.send(&[ix], &[]).expect("record opened");
    }
    Block { s, oracles }
}

pub fn set_oracles(s: &mut Scene, oracles: &[SigningKey]) -> io_harness::Outcome {
    let keys = oracles
        .iter()
        .map(|k| Pubkey::new_from_array(k.verifying_key().to_bytes()))
        .collect();
    let authority = s.ctx.authority.insecure_clone();
    let ix = client::oracles_set(authority.pubkey(), keys);
    s.ctx.send(&[ix], &[&authority])
}

impl Block {
    pub fn version(&self) -> u32 {
        client::fetch_config(&self.s.ctx).unwrap().oracle_version
    }

    pub fn entry(&self, i: usize) -> client::RewardsEntry {
        let device = self.s.devices[i];
        let record: market::Device = self.s.ctx.fetch(&device.device);
        let provider = &self.s.providers[device.provider];
        client::RewardsEntry {
            device: device.device,
            gpu_class: record.gpu_class,
            provider: provider.provider,
            io_payout: provider.io_payout,
        }
    }

    /// `oracle` (an index) signs `total` for device `i` at the current version.
    pub fn sign(&self, oracle: usize, i: usize, total: u64) -> client::SignedTotal {
        let total = client::OracleTotal {
            device: self.s.devices[i].device,
            cumulative_io_base: total,
            config_version: self.version(),
        };
        client::sign_total(
            &self.oracles[oracle],
            &client::oracle_domain(TEST_GENESIS_HASH),
            total,
        )
    }

    pub fn claim_ixs(&self, signed: &[client::SignedTotal], devices: &[usize]) -> [Instruction; 2] {
        let entries: Vec<_> = devices.iter().map(|i| self.entry(*i)).collect();
        client::claim_instructions(
            self.s.ctx.payer.pubkey(),
            &client::oracle_domain(TEST_GENESIS_HASH),
            signed,
            &entries,
        )
    }

    pub fn claim(
        &mut self,
        signed: &[client::SignedTotal],
        devices: &[usize],
    ) -> io_harness::Outcome {
        let ixs = self.claim_ixs(signed, devices);
        self.s.ctx.send(&ixs, &[])
    }

    /// What must not change when a claim is refused.
    pub fn watched(&self) -> Vec<Pubkey> {
        let mut watched = vec![client::config_address(), client::reward_vault_address()];
        watched.extend(
            self.s
                .devices
                .iter()
                .map(|d| client::device_rewards_address(&d.device)),
        );
        watched
    }

    pub fn refused(&mut self, ixs: &[Instruction], error: RewardsError) {
        let watched = self.watched();
        let before: Vec<_> = watched.iter().map(|a| self.s.ctx.data(a)).collect();
        expect_error(self.s.ctx.send(ixs, &[]), error);
        let after: Vec<_> = watched.iter().map(|a| self.s.ctx.data(a)).collect();
        assert_eq!(before, after, "a refused claim changed state");
    }
}

#[test]
fn a_majority_of_oracles_pays_the_agreed_total_once() {
    let mut b = block(&[("H100-80GB-SXM", 8)]);
    b.s.ctx.warp_by(100 * HOUR);
    let signed = [b.sign(0, 0, 1_000 * IO), b.sign(1, 0, 1_000 * IO)];
    let claimed: RewardsClaimed = b.claim(&signed, &[0]).expect("claim").event(&client::ID);
    assert_eq!(
        (
            claimed.amount_io_base,
            claimed.agreed_total_io_base,
            claimed.signatures
        ),
        (1_000 * IO, 1_000 * IO, 2)
    );
    assert_eq!(claimed.pool, client::RewardPool::Enterprise);
    assert_eq!(b.s.payout_balance(0), 1_000 * IO);
    // The same signatures again: nothing more.
    let replay: RewardsClaimed = b.claim(&signed, &[0]).expect("replay").event(&client::ID);
    assert_eq!(replay.amount_io_base, 0);

    // All three disagree: the lower median of 1,500 / 1,400 / 2,000 is 1,500.
    let signed = [
        b.sign(0, 0, 1_500 * IO),
        b.sign(1, 0, 1_400 * IO),
        b.sign(2, 0, 2_000 * IO),
    ];
    let claimed: RewardsClaimed = b.claim(&signed, &[0]).expect("claim").event(&client::ID);
    assert_eq!(
        (claimed.agreed_total_io_base, claimed.amount_io_base),
        (1_500 * IO, 500 * IO)
    );
    // A majority picked by the claimant (one honest 1,600, one inflated 9,999): the lower
    // value, which an honest oracle vouches for.
    let signed = [b.sign(0, 0, 1_600 * IO), b.sign(2, 0, 9_999 * IO)];
    let claimed: RewardsClaimed = b.claim(&signed, &[0]).expect("claim").event(&client::ID);
    assert_eq!(claimed.agreed_total_io_base, 1_600 * IO);
    assert_eq!(b.s.payout_balance(0), 1_600 * IO);
    let record: client::DeviceRewards =
        b.s.ctx
            .fetch(&client::device_rewards_address(&b.s.devices[0].device));
    assert_eq!(record.claimed_io_base, 1_600 * IO);
    let config = client::fetch_config(&b.s.ctx).unwrap();
    assert_eq!(config.claimed_enterprise_io_base, 1_600 * IO);
}

/// The largest claim in one transaction, two agreeing oracles per device: legacy, and v0 with
/// every account but the payer in a lookup table. The v0 one is sent and pays every device.
/// (`--nocapture` prints the figures recorded in BENCHMARKS.md.)
#[test]
fn how_many_devices_fit_one_claim() {
    use solana_message::{AddressLookupTableAccount, VersionedMessage, v0};
    use solana_transaction::versioned::VersionedTransaction;

    let names = ["H100-80GB-SXM"; 3];
    let mut b = block(&names.map(|n| (n, 1)));
    b.s.ctx.warp_by(100 * HOUR);
    let payer = b.s.ctx.payer.insecure_clone();
    let signed = |b: &Block, n: usize| -> Vec<client::SignedTotal> {
        (0..n)
            .flat_map(|device| (0..2).map(move |oracle| (oracle, device)))
            .map(|(oracle, device)| b.sign(oracle, device, (device as u64 + 1) * 100 * IO))
            .collect()
    };
    let devices = |n: usize| (0..n).collect::<Vec<_>>();
    let legacy = (1..=3)
        .take_while(|&n| {
            let ixs = b.claim_ixs(&signed(&b, n), &devices(n));
            let message = solana_message::Message::new(&ixs, Some(&payer.pubkey()));
            1 + 64 + message.serialize().len() <= io_harness::sizes::PACKET_DATA_SIZE
        })
        .last()
        .unwrap_or(0);

    let all = b.claim_ixs(&signed(&b, 3), &devices(3));
    let mut addresses: Vec<Pubkey> = all
        .iter()
        .flat_map(|ix| ix.accounts.iter().map(|m| m.pubkey))
        .collect();
    addresses.sort();
    addresses.dedup();
    addresses.retain(|a| *a != payer.pubkey());
    let table = lookup_table(&mut b, addresses);
    b.s.ctx.warp_by(1);
    let build = |b: &Block, n: usize| {
        let ixs = b.claim_ixs(&signed(b, n), &devices(n));
        let message = v0::Message::try_compile(
            &payer.pubkey(),
            &ixs,
            std::slice::from_ref(&table),
            b.s.ctx.svm.latest_blockhash(),
        )
        .unwrap();
        VersionedTransaction::try_new(VersionedMessage::V0(message), &[&payer]).unwrap()
    };
    let size =
        |tx: &VersionedTransaction| 1 + 64 * tx.signatures.len() + tx.message.serialize().len();
    let with_table = (1..=3)
        .take_while(|&n| size(&build(&b, n)) <= 1_232)
        .last()
        .unwrap_or(0);
    let tx = build(&b, with_table);
    let bytes = size(&tx);
    b.s.ctx.svm.send_transaction(tx).expect("the v0 claim pays");
    for device in 0..with_table {
        assert_eq!(b.s.payout_balance(device), (device as u64 + 1) * 100 * IO);
    }
    println!(
        "block-reward claims, 2 of 3 oracles per device: {legacy} device(s) in a legacy transaction; {with_table} in a v0 transaction with a lookup table ({bytes} bytes; the program's cap is 3)"
    );
    assert!(legacy >= 1 && with_table >= 2);

    /// An active lookup table holding `addresses`, as the ALT program stores it.
    fn lookup_table(b: &mut Block, addresses: Vec<Pubkey>) -> AddressLookupTableAccount {
        let key = Pubkey::new_unique();
        let mut data = Vec::with_capacity(56 + 32 * addresses.len());
        data.extend_from_slice(&1u32.to_le_bytes());
        data.extend_from_slice(&u64::MAX.to_le_bytes());
        data.extend_from_slice(&0u64.to_le_bytes());
        data.push(0);
        data.push(1);
        data.extend_from_slice(b.s.ctx.authority.pubkey().as_ref());
        data.extend_from_slice(&[0, 0]);
        for address in &addresses {
            data.extend_from_slice(address.as_ref());
        }
        let account = solana_account::Account {
            lamports: b.s.ctx.svm.minimum_balance_for_rent_exemption(data.len()),
            data,
            owner: solana_sdk_ids::address_lookup_table::ID,
            executable: false,
            rent_epoch: 0,
        };
        b.s.ctx.svm.set_account(key, account).unwrap();
        AddressLookupTableAccount { key, addresses }
    }
}

#[test]
fn refuses_bad_signatures() {
    let mut b = block(&[("H100-80GB-SXM", 8)]);
    b.s.ctx.warp_by(100 * HOUR);
    // One signature of three is not a majority.
    let ixs = b.claim_ixs(&[b.sign(0, 0, IO)], &[0]);
    b.refused(&ixs, RewardsError::TooFewSignatures);
    // One oracle twice.
    let ixs = b.claim_ixs(&[b.sign(0, 0, IO), b.sign(0, 0, 2 * IO)], &[0]);
    b.refused(&ixs, RewardsError::DuplicateOracleSignature);
    // A key outside the set.
    let stranger = SigningKey::from_bytes(&[99; 32]);
    let total = client::OracleTotal {
        device: b.s.devices[0].device,
        cumulative_io_base: IO,
        config_version: b.version(),
    };
    let foreign = client::sign_total(&stranger, &client::oracle_domain(TEST_GENESIS_HASH), total);
    let ixs = b.claim_ixs(&[b.sign(0, 0, IO), foreign], &[0]);
    b.refused(&ixs, RewardsError::NotAnOracle);
    // Signed for another cluster, or not an oracle total at all.
    let other_cluster = total.message(&client::oracle_domain([9; 32])).to_vec();
    let garbage = b"not an oracle total".to_vec();
    for message in [other_cluster, garbage] {
        let signature = b.oracles[1].sign(&message).to_bytes();
        let ixs = [
            io_receipt::client::multi_signature_instruction(&[(
                b.oracles[1].verifying_key().to_bytes(),
                signature,
                message,
            )]),
            client::rewards_claim(b.s.ctx.payer.pubkey(), &[b.entry(0)]),
        ];
        b.refused(&ixs, RewardsError::MalformedOracleMessage);
    }
    // A signature whose offsets name another instruction.
    let message = total.message(&client::oracle_domain(TEST_GENESIS_HASH));
    let signature = b.oracles[0].sign(&message).to_bytes();
    let mut ix = solana_ed25519_program::new_ed25519_instruction_with_signature(
        &message,
        &signature,
        &b.oracles[0].verifying_key().to_bytes(),
    );
    for at in [4usize, 8, 14] {
        ix.data[at..at + 2].copy_from_slice(&0u16.to_le_bytes());
    }
    let ixs = [
        ix,
        client::rewards_claim(b.s.ctx.payer.pubkey(), &[b.entry(0)]),
    ];
    b.refused(&ixs, RewardsError::Ed25519Malformed);
    // An older oracle-set version: after the set changes, old signatures count for nothing.
    let old = [b.sign(0, 0, IO), b.sign(1, 0, IO)];
    let oracles = b.oracles.clone();
    set_oracles(&mut b.s, &oracles).expect("new version");
    let ixs = b.claim_ixs(&old, &[0]);
    b.refused(&ixs, RewardsError::StaleOracleVersion);
    // An impostor instructions sysvar.
    let mut ixs = b.claim_ixs(&[b.sign(0, 0, IO), b.sign(1, 0, IO)], &[0]);
    ixs[1].accounts[3].pubkey = client::config_address();
    b.refused(&ixs, RewardsError::NotInstructionsSysvar);
    b.claim(&[b.sign(0, 0, IO), b.sign(1, 0, IO)], &[0])
        .expect("the genuine claim still pays");
}

#[test]
fn refuses_claims_beyond_the_guards_and_to_other_accounts() {
    let mut b = block(&[("H100-80GB-SXM", 8), ("L4-24GB", 1)]);
    b.s.ctx.warp_by(HOUR);
    // After one hour, the enterprise pool has emitted 95 % of 40M / 12 / 730 IO (about 4,338).
    let ixs = b.claim_ixs(&[b.sign(0, 0, 5_000 * IO), b.sign(1, 0, 5_000 * IO)], &[0]);
    b.refused(&ixs, RewardsError::EmissionGuardExceeded);
    // The community pool gets 5 %: about 228 IO.
    let ixs = b.claim_ixs(&[b.sign(0, 1, 300 * IO), b.sign(1, 1, 300 * IO)], &[1]);
    b.refused(&ixs, RewardsError::EmissionGuardExceeded);
    b.claim(&[b.sign(0, 1, 200 * IO), b.sign(1, 1, 200 * IO)], &[1])
        .expect("within the community share");
    // The window caps all claims at 1M IO per day, whatever has been emitted.
    b.s.ctx.warp_by(400 * HOUR);
    let ixs = b.claim_ixs(
        &[b.sign(0, 0, 1_000_001 * IO), b.sign(1, 0, 1_000_001 * IO)],
        &[0],
    );
    b.refused(&ixs, RewardsError::ClaimWindowCapExceeded);
    // Only to the provider's registered payout account.
    let mut ixs = b.claim_ixs(&[b.sign(0, 0, IO), b.sign(1, 0, IO)], &[0]);
    let last = ixs[1].accounts.len() - 1;
    ixs[1].accounts[last].pubkey = b.s.providers[1].io_payout;
    b.refused(&ixs, RewardsError::PayoutMismatch);
    // Accounts that do not belong together.
    let mut ixs = b.claim_ixs(&[b.sign(0, 0, IO), b.sign(1, 0, IO)], &[0]);
    let class_at = ixs[1].accounts.len() - 3;
    ixs[1].accounts[class_at].pubkey = class("A100-80GB-PCIe");
    b.refused(&ixs, RewardsError::SeasonMismatch);
    let ixs = [client::rewards_claim(b.s.ctx.payer.pubkey(), &[])];
    b.refused(&ixs, RewardsError::BatchShape);
}

#[test]
fn a_device_without_a_pool_earns_no_block_rewards() {
    let mut b = block(&[]);
    let authority = b.s.ctx.authority.insecure_clone();
    let payer = b.s.ctx.payer.pubkey();
    let terms = market::GpuClassTerms {
        usd_per_gpu_hour_micros: 1_000_000,
        multiplier_bps: 10_000,
        pool: market::Pool::Unsupported,
    };
    let ix = market::gpu_class_create(
        authority.pubkey(),
        payer,
        market::class_name("GTX-1080"),
        terms,
    );
    b.s.ctx.send(&[ix], &[&authority]).expect("class");
    let device = b.s.add_device("GTX-1080", 1);
    b.s.devices.push(device);
    let ix = client::device_rewards_open(payer, device.device);
    b.s.ctx.send(&[ix], &[]).expect("record");
    b.s.ctx.warp_by(10 * HOUR);
    let ixs = b.claim_ixs(&[b.sign(0, 0, IO), b.sign(1, 0, IO)], &[0]);
    b.refused(&ixs, RewardsError::NoRewardPool);
}

#[test]
fn the_oracle_set_and_device_records() {
    let mut b = block(&[("H100-80GB-SXM", 8)]);
    let authority = b.s.ctx.authority.insecure_clone();
    let key = |i: u8| Pubkey::new_from_array([i; 32]);
    for (oracles, error) in [
        (
            vec![key(1), key(2)],
            RewardsError::DistributorOraclesInvalid,
        ),
        (
            vec![key(1), key(2), key(1)],
            RewardsError::DistributorOraclesInvalid,
        ),
        (
            vec![key(1), key(2), Pubkey::default()],
            RewardsError::DistributorOraclesInvalid,
        ),
        (
            (1..=9).map(key).collect(),
            RewardsError::DistributorOraclesInvalid,
        ),
    ] {
        let ix = client::oracles_set(authority.pubkey(), oracles);
        b.s.ctx
            .assert_refused(ix, &[&authority], error, &[client::config_address()]);
    }
    let stranger = b.s.ctx.funded_keypair();
    let ix = client::oracles_set(stranger.pubkey(), vec![key(1), key(2), key(3)]);
    b.s.ctx.assert_refused(
        ix,
        &[&stranger],
        RewardsError::NotAuthority,
        &[client::config_address()],
    );
    let version = b.version();
    let ix = client::oracles_set(authority.pubkey(), (1..=8).map(key).collect());
    b.s.ctx.send(&[ix], &[&authority]).expect("eight oracles");
    assert_eq!(b.version(), version + 1);

    // Records: once per device, only for market devices; they close once the device is gone.
    let payer = b.s.ctx.payer.pubkey();
    let device = b.s.devices[0].device;
    let record = client::device_rewards_address(&device);
    let ix = client::device_rewards_open(payer, device);
    b.s.ctx
        .assert_refused(ix, &[], RewardsError::AlreadyInitialized, &[record]);
    let ix = client::device_rewards_open(payer, client::config_address());
    b.s.ctx
        .assert_refused(ix, &[], RewardsError::NotAMarketAccount, &[]);
    let close = client::device_rewards_close(payer, device, payer);
    b.s.ctx.assert_refused(
        close.clone(),
        &[],
        RewardsError::DeviceStillExists,
        &[record],
    );
    let owner = b.s.providers[0].key.insecure_clone();
    let ix = market::device_close(owner.pubkey(), 0, class("H100-80GB-SXM"), owner.pubkey());
    b.s.ctx.send(&[ix], &[&owner]).expect("device closed");
    b.s.ctx.send(&[close], &[]).expect("record closed");
    assert_eq!(b.s.ctx.data(&record), None);
}

/// The oracle's side end to end: a ledger shares each hour's enterprise emission among two
/// devices by weight, three oracles sign the totals, a claim pays exactly the totals, and
/// nothing allocated exceeds what the pool emitted.
#[test]
fn an_oracle_ledger_drives_the_claims() {
    let mut b = block(&[("H100-80GB-SXM", 8), ("A100-80GB-PCIe", 4)]);
    let config = client::fetch_config(&b.s.ctx).unwrap();
    let mut ledger = client::BlockRewardLedger::default();
    let devices = [b.s.devices[0].device, b.s.devices[1].device];
    // 24 hours: the H100 ×8 (1.5×) worked all day, the A100 ×4 (1.2×) half of it.
    for hour in 0..24u64 {
        let emission = client::pool_hour_emission(
            hour,
            config.enterprise_pool_bps,
            client::RewardPool::Enterprise,
        );
        let a100 = if hour % 2 == 0 { 4 * 3_600 * 12_000 } else { 0 };
        ledger.allocate_hour(
            emission,
            &[(devices[0], 8 * 3_600 * 15_000), (devices[1], a100)],
        );
    }
    let emitted = io_emission::emitted_by_hour(24);
    assert!(u128::from(ledger.allocated()) * 10_000 <= u128::from(emitted) * 9_500);
    b.s.ctx.warp_by(24 * HOUR);
    let signed: Vec<_> = (0..2)
        .flat_map(|device| (0..3).map(move |oracle| (oracle, device)))
        .map(|(oracle, device)| b.sign(oracle, device, ledger.total(&devices[device])))
        .collect();
    // One device per transaction here (three signatures each); see the batch measurement.
    for device in 0..2 {
        let mine: Vec<_> = signed[device * 3..device * 3 + 3].to_vec();
        b.claim(&mine, &[device]).expect("claim");
        assert_eq!(b.s.payout_balance(device), ledger.total(&devices[device]));
    }
}
