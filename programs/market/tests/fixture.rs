//! What the market tests share: a deployment with configs and a price book, providers with IO,
//! devices, stake, a slasher, and account reads.

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::{IO, Keypair, Outcome, Signer, TestContext};
use market::{DeviceSpec, GpuClassTerms, Pool};
use solana_program_pack::Pack;
use spl_token_interface::state::Account as TokenAccount;

/// An H100 at $2.00 per GPU-hour with a 1.5× multiplier: 300 IO of stake per GPU.
pub const H100: &str = "H100-80GB-SXM";
pub const H100_TERMS: GpuClassTerms = GpuClassTerms {
    usd_per_gpu_hour_micros: 2_000_000,
    multiplier_bps: 15_000,
    pool: Pool::Enterprise,
};

/// A provider's owner with IO in its associated token account (also its payout account).
pub struct Owner {
    pub key: Keypair,
    pub io: Pubkey,
}

/// A deployment with every config and the H100 class.
pub fn deployment() -> TestContext {
    let mut ctx = TestContext::builder().with_configs().build();
    create_class(&mut ctx, H100, H100_TERMS).expect("H100 class created");
    ctx
}

pub fn class(name: &str) -> Pubkey {
    client::gpu_class_address(&client::class_name(name))
}

pub fn create_class(ctx: &mut TestContext, name: &str, terms: GpuClassTerms) -> Outcome {
    let authority = ctx.authority.insecure_clone();
    let payer = ctx.payer.pubkey();
    let ix = client::gpu_class_create(authority.pubkey(), payer, client::class_name(name), terms);
    ctx.send(&[ix], &[&authority])
}

/// A registered provider whose owner holds `io_whole` IO.
pub fn provider(ctx: &mut TestContext, io_whole: u64) -> Owner {
    let key = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let io = ctx.token_account(&mint, &key.pubkey());
    ctx.mint_io(&io, io_whole * IO);
    ctx.send(
        &[client::provider_register(key.pubkey(), io, key.pubkey())],
        &[&key],
    )
    .expect("provider registered");
    Owner { key, io }
}

pub fn spec(gpu_count: u16) -> DeviceSpec {
    DeviceSpec {
        gpu_count,
        bandwidth_tier: 2,
        region: 276,
        device_key: Pubkey::new_unique(),
    }
}

/// Registers the owner's next device of class `name` with `gpu_count` GPUs; returns its index.
pub fn device(ctx: &mut TestContext, owner: &Owner, name: &str, gpu_count: u16) -> u32 {
    let index = fetch_provider(ctx, owner).devices_created;
    let ix = client::device_register(owner.key.pubkey(), index, class(name), spec(gpu_count));
    ctx.send(&[ix], &[&owner.key]).expect("device registered");
    index
}

pub fn deposit(ctx: &mut TestContext, owner: &Owner, index: u32, amount: u64) -> Outcome {
    let ix = client::stake_deposit(owner.key.pubkey(), index, class(H100), owner.io, amount);
    ctx.send(&[ix], &[&owner.key])
}

/// A key added to the slasher set.
pub fn slasher(ctx: &mut TestContext) -> Keypair {
    let slasher = ctx.funded_keypair();
    let authority = ctx.authority.insecure_clone();
    let ix = client::key_set_add(
        authority.pubkey(),
        client::KeySet::Slashers,
        slasher.pubkey(),
    );
    ctx.send(&[ix], &[&authority]).expect("slasher added");
    slasher
}

pub fn config(ctx: &TestContext) -> client::Config {
    client::fetch_config(ctx).expect("config")
}

pub fn fetch_provider(ctx: &TestContext, owner: &Owner) -> client::Provider {
    ctx.fetch(&client::provider_address(&owner.key.pubkey()))
}

pub fn fetch_device(ctx: &TestContext, owner: &Owner, index: u32) -> client::Device {
    ctx.fetch(&client::device_address(&owner.key.pubkey(), index))
}

pub fn device_address(owner: &Owner, index: u32) -> Pubkey {
    client::device_address(&owner.key.pubkey(), index)
}

/// A token account's balance.
pub fn balance(ctx: &TestContext, account: &Pubkey) -> u64 {
    TokenAccount::unpack(&ctx.data(account).expect("token account"))
        .unwrap()
        .amount
}

/// Rewrites a device's `open_leases` directly in the SVM: the lease instructions that set it
/// arrive with the second market issue; this injects the state they will produce.
pub fn set_open_leases(ctx: &mut TestContext, owner: &Owner, index: u32, open_leases: u32) {
    use anchor_lang::{AccountSerialize, Discriminator};
    let address = device_address(owner, index);
    let mut device = fetch_device(ctx, owner, index);
    device.open_leases = open_leases;
    let mut data = Vec::new();
    device.try_serialize(&mut data).unwrap();
    let mut account = ctx.svm.get_account(&address).unwrap();
    assert!(data.starts_with(client::Device::DISCRIMINATOR));
    account.data[..data.len()].copy_from_slice(&data);
    ctx.svm.set_account(address, account).unwrap();
}

/// The market's treasury as the lease builders name it.
pub fn treasury(ctx: &TestContext) -> client::Treasury {
    client::Treasury {
        account: ctx.treasury,
        owner: ctx.authority.pubkey(),
    }
}

/// A leasing scene: an available H100 ×8 device staked to its requirement, a renter holding
/// `iosd_whole` IOSD (minted through iosd at $2.50 per IO), and a settler.
pub struct Scene {
    pub ctx: TestContext,
    pub provider: Owner,
    pub device: Pubkey,
    pub renter: Keypair,
    pub settler: Keypair,
}

pub fn scene(iosd_whole: u64) -> Scene {
    let mut ctx = deployment();
    let provider = provider(&mut ctx, 3_000);
    let index = device(&mut ctx, &provider, H100, 8);
    deposit(&mut ctx, &provider, index, 2_400 * IO).expect("stake");
    let offer = client::device_set_available(provider.key.pubkey(), index, class(H100), true);
    ctx.send(&[offer], &[&provider.key]).expect("offered");
    let payer = ctx.payer.pubkey();
    ctx.send(
        &[io_client::iosd::holder_open(payer, provider.key.pubkey())],
        &[],
    )
    .expect("provider's IOSD holder");

    let renter = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let renter_io = ctx.token_account(&mint, &renter.pubkey());
    ctx.mint_io(&renter_io, 1_000_000 * IO);
    ctx.send(&[io_client::iosd::holder_open(payer, renter.pubkey())], &[])
        .expect("renter's IOSD holder");
    if iosd_whole > 0 {
        let price = ctx.io_price_now(250_000_000, 1_000_000);
        let amount = iosd::MintAmount::ExactIosd {
            iosd_out_micros: iosd_whole * io_harness::IOSD,
            max_io_in_base: 1_000_000 * IO,
        };
        let ix =
            io_client::iosd::mint_iosd(renter.pubkey(), renter_io, renter.pubkey(), price, amount);
        ctx.send(&[ix], &[&renter]).expect("renter buys IOSD");
    }
    let settler = ctx.funded_keypair();
    let authority = ctx.authority.insecure_clone();
    let ix = client::key_set_add(
        authority.pubkey(),
        client::KeySet::Settlers,
        settler.pubkey(),
    );
    ctx.send(&[ix], &[&authority]).expect("settler added");
    let device = device_address(&provider, index);
    Scene {
        ctx,
        provider,
        device,
        renter,
        settler,
    }
}

impl Scene {
    pub fn open(&mut self, gpu_count: u16, deposit_micros: u64) -> Outcome {
        let nonce = self
            .ctx
            .fetch::<client::Device>(&self.device)
            .leases_created;
        let args = client::LeaseOpenArgs {
            gpu_count,
            deposit_micros,
            max_rate_usd_per_gpu_hour_micros: H100_TERMS.usd_per_gpu_hour_micros,
        };
        let ix = client::lease_open(
            self.renter.pubkey(),
            self.device,
            class(H100),
            nonce,
            treasury(&self.ctx),
            args,
        );
        let renter = self.renter.insecure_clone();
        self.ctx.send(&[ix], &[&renter])
    }

    pub fn lease(&self, nonce: u64) -> Pubkey {
        client::lease_address(&self.device, nonce)
    }

    pub fn settle(&mut self, nonce: u64, cumulative_gpu_secs: u64) -> Outcome {
        let owner = self.provider.key.pubkey();
        let ix = client::lease_settle(
            self.settler.pubkey(),
            self.lease(nonce),
            owner,
            treasury(&self.ctx),
            cumulative_gpu_secs,
        );
        let settler = self.settler.insecure_clone();
        self.ctx.send(&[ix], &[&settler])
    }

    /// The provider's settled, unclaimed IOSD.
    pub fn earned(&self) -> u64 {
        fetch_provider(&self.ctx, &self.provider).earned_iosd_micros
    }

    pub fn iosd_balance(&self, owner: &Pubkey) -> u64 {
        balance(&self.ctx, &io_client::iosd::holder_address(owner))
    }
}
