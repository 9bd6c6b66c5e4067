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

/// Rewrites a device's `open_leases` directly in the SVM: injects a state to test a refusal that
/// no instruction sequence reaches cheaply.
pub fn set_open_leases(ctx: &mut TestContext, owner: &Owner, index: u32, open_leases: u32) {
    let address = device_address(owner, index);
    let mut device = fetch_device(ctx, owner, index);
    device.open_leases = open_leases;
    write_account(ctx, &address, &device);
}

/// Overwrites the data of the program account at `address` with `value` (same discriminator and
/// size): a fault injector for states that are expensive to reach.
pub fn write_account<T: anchor_lang::AccountSerialize + anchor_lang::Discriminator>(
    ctx: &mut TestContext,
    address: &Pubkey,
    value: &T,
) {
    let mut data = Vec::new();
    value.try_serialize(&mut data).unwrap();
    let mut account = ctx.svm.get_account(address).unwrap();
    assert!(account.data.starts_with(T::DISCRIMINATOR));
    account.data[..data.len()].copy_from_slice(&data);
    ctx.svm.set_account(*address, account).unwrap();
}

/// The deployment's accounts as the lease builders name them.
pub fn accounts(ctx: &TestContext) -> client::Deployment {
    client::Deployment {
        io_mint: ctx.io_mint,
        treasury: ctx.treasury,
        treasury_owner: ctx.authority.pubkey(),
    }
}

/// IO at $2.50 ± $0.01: the quote is the mint price $2.50 − 2 × $0.01 = $2.48 per IO.
pub const IO_USD_E8: i64 = 250_000_000;
pub const IO_CONF_E8: u64 = 1_000_000;
pub const QUOTE_PICO: u64 = 2_480_000_000_000;

/// A leasing scene: an available H100 ×8 device staked to its requirement, a renter holding
/// `iosd_whole` IOSD (minted through iosd at $2.50 per IO) and 1M IO less what that cost, and a
/// settler.
pub struct Scene {
    pub ctx: TestContext,
    pub provider: Owner,
    pub device: Pubkey,
    pub renter: Keypair,
    /// The renter's associated IO account.
    pub renter_io: Pubkey,
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
            io_client::iosd::iosd_mint(renter.pubkey(), renter_io, renter.pubkey(), price, amount);
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
        renter_io,
        settler,
    }
}

impl Scene {
    /// The next lease's nonce on the scene's device.
    pub fn next_nonce(&self) -> u64 {
        self.ctx
            .fetch::<client::Device>(&self.device)
            .leases_created
    }

    /// Opens a lease of `gpu_count` GPUs funded with `deposit_micros` IOSD.
    pub fn open(&mut self, gpu_count: u16, deposit_micros: u64) -> Outcome {
        let funding = client::LeaseFunding::Iosd { deposit_micros };
        let ix = self.open_ix(gpu_count, funding, None);
        let renter = self.renter.insecure_clone();
        self.ctx.send(&[ix], &[&renter])
    }

    /// Opens a lease of `gpu_count` GPUs funded with `deposit_io_base` IO at a fresh price of
    /// $2.50 ± $0.01 (quote $2.48).
    pub fn open_io(&mut self, gpu_count: u16, deposit_io_base: u64) -> Outcome {
        let price = self.ctx.io_price_now(IO_USD_E8, IO_CONF_E8);
        let funding = client::LeaseFunding::Io {
            deposit_io_base,
            min_quote_pico_usd_per_io: QUOTE_PICO,
        };
        let ix = self.open_ix(gpu_count, funding, Some(price));
        let renter = self.renter.insecure_clone();
        self.ctx.send(&[ix], &[&renter])
    }

    /// The `lease_open` of the next lease on the scene's device, at the H100 rate.
    pub fn open_ix(
        &self,
        gpu_count: u16,
        funding: client::LeaseFunding,
        price_update: Option<Pubkey>,
    ) -> anchor_lang::solana_program::instruction::Instruction {
        let args = client::LeaseOpenArgs {
            gpu_count,
            funding,
            max_rate_usd_per_gpu_hour_micros: H100_TERMS.usd_per_gpu_hour_micros,
        };
        client::lease_open(
            self.renter.pubkey(),
            self.device,
            class(H100),
            self.next_nonce(),
            accounts(&self.ctx),
            args,
            price_update,
        )
    }

    pub fn lease(&self, nonce: u64) -> Pubkey {
        client::lease_address(&self.device, nonce)
    }

    pub fn currency(&self, nonce: u64) -> client::Currency {
        self.ctx.fetch::<client::Lease>(&self.lease(nonce)).currency
    }

    pub fn settle(&mut self, nonce: u64, cumulative_gpu_secs: u64) -> Outcome {
        let ix = self.settle_ix(nonce, cumulative_gpu_secs);
        let settler = self.settler.insecure_clone();
        self.ctx.send(&[ix], &[&settler])
    }

    pub fn settle_ix(
        &self,
        nonce: u64,
        cumulative_gpu_secs: u64,
    ) -> anchor_lang::solana_program::instruction::Instruction {
        client::lease_settle(
            self.settler.pubkey(),
            self.lease(nonce),
            self.provider.key.pubkey(),
            cumulative_gpu_secs,
        )
    }

    /// Anyone (a fresh key) sweeps the fees accrued in `currency` to the burn and the treasury.
    pub fn sweep_currency(&mut self, currency: client::Currency) -> Outcome {
        let sweeper = self.ctx.funded_keypair();
        let ix = client::fees_sweep(sweeper.pubkey(), accounts(&self.ctx), currency);
        self.ctx.send(&[ix], &[&sweeper])
    }

    /// Sweeps every currency with fees accrued; refused (`NothingToSweep`) when none has.
    pub fn sweep(&mut self) -> Outcome {
        let fees = config(&self.ctx).fees;
        let mut last = None;
        for currency in [client::Currency::Iosd, client::Currency::Io] {
            if fees.held(currency) != Ok(0) {
                last = Some(self.sweep_currency(currency)?);
            }
        }
        match last {
            Some(executed) => Ok(executed),
            None => self.sweep_currency(client::Currency::Iosd),
        }
    }

    /// The renter tops lease `nonce` up by `amount` of its currency.
    pub fn top_up(&mut self, nonce: u64, amount: u64) -> Outcome {
        let ix = self.top_up_ix(nonce, amount);
        let renter = self.renter.insecure_clone();
        self.ctx.send(&[ix], &[&renter])
    }

    pub fn top_up_ix(
        &self,
        nonce: u64,
        amount: u64,
    ) -> anchor_lang::solana_program::instruction::Instruction {
        client::lease_top_up(
            self.renter.pubkey(),
            self.lease(nonce),
            self.currency(nonce),
            accounts(&self.ctx),
            amount,
        )
    }

    /// `lease_finalize` of lease `nonce`, sent by `anyone`.
    pub fn finalize_ix(
        &self,
        anyone: Pubkey,
        nonce: u64,
    ) -> anchor_lang::solana_program::instruction::Instruction {
        client::lease_finalize(
            anyone,
            self.lease(nonce),
            self.device,
            self.renter.pubkey(),
            self.currency(nonce),
            accounts(&self.ctx),
        )
    }

    /// The provider's settled, unclaimed IOSD.
    pub fn earned(&self) -> u64 {
        fetch_provider(&self.ctx, &self.provider).earned_iosd_micros
    }

    /// The provider's settled, unclaimed IO.
    pub fn earned_io(&self) -> u64 {
        fetch_provider(&self.ctx, &self.provider).earned_io_base
    }

    pub fn iosd_balance(&self, owner: &Pubkey) -> u64 {
        balance(&self.ctx, &io_client::iosd::holder_address(owner))
    }
}
