//! What the season tests share: a deployment with a GPU price book, providers with devices,
//! oracles, a funded season, and helpers to post, claim and read balances.

use anchor_lang::prelude::Pubkey;
use io_client::market;
use io_client::rewards as client;
use io_harness::{IO, Keypair, Outcome, Signer, TestContext};
use solana_program_pack::Pack;

pub const DAY: i64 = 86_400;

/// H100 (1.5×) and A100 (1.2×) count; L4 (community, 1.0×) does not.
pub const CLASSES: [(&str, u32, market::Pool); 3] = [
    ("H100-80GB-SXM", 15_000, market::Pool::Enterprise),
    ("A100-80GB-PCIe", 12_000, market::Pool::Enterprise),
    ("L4-24GB", 10_000, market::Pool::Community),
];

pub const FORMULA: client::SeasonFormula = client::SeasonFormula {
    job_weight: 100,
    uptime_weight: 10,
    bandwidth_multipliers_bps: [5_000, 8_000, 10_000, 12_000, 15_000],
};

/// A provider's owner, its market provider account and IO payout account.
pub struct Provider {
    pub key: Keypair,
    pub provider: Pubkey,
    pub io_payout: Pubkey,
}

/// A device entered in the season: its market account, its provider's index in the scene.
#[derive(Clone, Copy)]
pub struct Device {
    pub device: Pubkey,
    pub provider: usize,
}

pub struct Scene {
    pub ctx: TestContext,
    pub season: Pubkey,
    pub oracle: Keypair,
    pub providers: Vec<Provider>,
    pub devices: Vec<Device>,
    pub start: i64,
}

pub fn class(name: &str) -> Pubkey {
    market::gpu_class_address(&market::class_name(name))
}

/// The season's times, relative to `start`: ten daily epochs, a day of posting grace, vesting
/// over 30 days from the end of the grace, clawback a week later.
pub fn season_args(start: i64, oracles: Vec<Pubkey>) -> client::SeasonArgs {
    client::SeasonArgs {
        start_ts: start,
        end_ts: start + 10 * DAY,
        epoch_secs: 86_400,
        posting_grace_secs: 86_400,
        formula: FORMULA,
        vesting_start_ts: start + 11 * DAY,
        vesting_end_ts: start + 41 * DAY,
        clawback_ts: start + 48 * DAY,
        oracles,
        pool_io_base: POOL,
    }
}

/// A deployment with the price book, a season counting H100 and A100 funded with `pool`, and
/// one provider per entry of `devices` (class name, GPU count), each device joined.
pub fn scene(pool: u64, devices: &[(&str, u16)]) -> Scene {
    let mut ctx = TestContext::builder().with_configs().build();
    let authority = ctx.authority.insecure_clone();
    let payer = ctx.payer.pubkey();
    for (name, multiplier_bps, pool) in CLASSES {
        let terms = market::GpuClassTerms {
            usd_per_gpu_hour_micros: 2_000_000,
            multiplier_bps,
            pool,
        };
        let ix =
            market::gpu_class_create(authority.pubkey(), payer, market::class_name(name), terms);
        ctx.send(&[ix], &[&authority]).expect("class created");
    }
    let oracle = ctx.funded_keypair();
    let start = ctx.now();
    let mut args = season_args(start, vec![oracle.pubkey()]);
    args.pool_io_base = pool;
    let season = create_season(&mut ctx, args);
    let mut scene = Scene {
        ctx,
        season,
        oracle,
        providers: Vec::new(),
        devices: Vec::new(),
        start,
    };
    for (name, gpus) in devices {
        let device = scene.add_device(name, *gpus);
        scene.join(device).expect("joined");
    }
    scene
}

/// Sends the creation of the next season counting H100 and A100, by the authority, which funds
/// its pool (minted into its IO account first); returns the outcome and the season's address.
pub fn send_season_create(ctx: &mut TestContext, args: client::SeasonArgs) -> (Outcome, Pubkey) {
    let index = client::fetch_config(ctx).unwrap().seasons_created;
    let authority = ctx.authority.insecure_clone();
    let treasury = ctx.treasury;
    ctx.mint_io(&treasury, args.pool_io_base);
    let ix = client::season_create(
        authority.pubkey(),
        ctx.payer.pubkey(),
        ctx.treasury,
        ctx.io_mint,
        index,
        &[class(CLASSES[0].0), class(CLASSES[1].0)],
        args,
    );
    (
        ctx.send(&[ix], &[&authority]),
        client::season_address(index),
    )
}

/// Creates the next season counting H100 and A100.
pub fn create_season(ctx: &mut TestContext, args: client::SeasonArgs) -> Pubkey {
    let (outcome, season) = send_season_create(ctx, args);
    outcome.expect("season created");
    season
}

impl Scene {
    /// A new provider with one device of `class_name` × `gpus`; not joined yet.
    pub fn add_device(&mut self, class_name: &str, gpus: u16) -> Device {
        let key = self.ctx.funded_keypair();
        let mint = self.ctx.io_mint;
        let io_payout = self.ctx.token_account(&mint, &key.pubkey());
        let ix = market::provider_register(key.pubkey(), io_payout, key.pubkey());
        self.ctx.send(&[ix], &[&key]).expect("provider");
        let spec = market::DeviceSpec {
            gpu_count: gpus,
            bandwidth_tier: 2,
            region: 276,
            device_key: Pubkey::new_unique(),
        };
        let provider = market::provider_address(&key.pubkey());
        let index = self
            .ctx
            .fetch::<market::Provider>(&provider)
            .devices_created;
        let ix = market::device_register(key.pubkey(), index, class(class_name), spec);
        self.ctx.send(&[ix], &[&key]).expect("device");
        self.providers.push(Provider {
            provider: market::provider_address(&key.pubkey()),
            io_payout,
            key,
        });
        Device {
            device: market::device_address(&self.providers.last().unwrap().key.pubkey(), index),
            provider: self.providers.len() - 1,
        }
    }

    /// The device's provider enters it in the season.
    pub fn join(&mut self, device: Device) -> Outcome {
        let owner = self.providers[device.provider].key.insecure_clone();
        let ix = client::season_join(
            owner.pubkey(),
            self.season,
            device.device,
            self.providers[device.provider].provider,
        );
        let outcome = self.ctx.send(&[ix], &[&owner]);
        if outcome.is_ok() {
            self.devices.push(device);
        }
        outcome
    }

    /// The oracle posts `epoch` for `devices` (indexes into `self.devices`).
    pub fn post(&mut self, epoch: u32, entries: &[(usize, client::PostedInputs)]) -> Outcome {
        let devices: Vec<Pubkey> = entries
            .iter()
            .map(|(i, _)| self.devices[*i].device)
            .collect();
        let inputs = entries.iter().map(|(_, posted)| *posted).collect();
        let ix = client::inputs_post(self.oracle.pubkey(), self.season, epoch, &devices, inputs);
        let oracle = self.oracle.insecure_clone();
        self.ctx.send(&[ix], &[&oracle])
    }

    pub fn finalize(&mut self) -> Outcome {
        let ix = client::season_finalize(self.ctx.payer.pubkey(), self.season);
        self.ctx.send(&[ix], &[])
    }

    pub fn claim_entry(&self, i: usize) -> client::ClaimEntry {
        let device = self.devices[i];
        let provider = &self.providers[device.provider];
        client::ClaimEntry {
            device: device.device,
            provider: provider.provider,
            io_payout: provider.io_payout,
            rent_payer: provider.key.pubkey(),
        }
    }

    /// Claims for `devices` (indexes), sent by the payer.
    pub fn claim(&mut self, devices: &[usize]) -> Outcome {
        let entries: Vec<_> = devices.iter().map(|i| self.claim_entry(*i)).collect();
        let ix = client::season_claim(self.ctx.payer.pubkey(), self.season, &entries);
        self.ctx.send(&[ix], &[])
    }

    pub fn record(&self, i: usize) -> Pubkey {
        client::season_device_address(&self.season, &self.devices[i].device)
    }

    pub fn fetch_record(&self, i: usize) -> client::SeasonDevice {
        self.ctx.fetch(&self.record(i))
    }

    pub fn fetch_season(&self) -> client::Season {
        self.ctx.fetch(&self.season)
    }

    pub fn payout_balance(&self, i: usize) -> u64 {
        balance(
            &self.ctx,
            &self.providers[self.devices[i].provider].io_payout,
        )
    }

    /// Warps to `offset` seconds after the season's start.
    pub fn at(&mut self, offset: i64) {
        let now = self.ctx.now();
        self.ctx.warp_by(self.start + offset - now);
    }
}

pub fn inputs(job_hours: u64, uptime_hours: u64, bandwidth_tier: u8) -> client::PostedInputs {
    client::PostedInputs {
        job_secs: job_hours * 3_600,
        uptime_secs: uptime_hours * 3_600,
        bandwidth_tier,
        inputs_hash: [bandwidth_tier; 32],
    }
}

pub fn balance(ctx: &TestContext, account: &Pubkey) -> u64 {
    spl_token_interface::state::Account::unpack(&ctx.data(account).unwrap())
        .unwrap()
        .amount
}

pub const POOL: u64 = 1_000_000 * IO;
