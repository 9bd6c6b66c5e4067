//! Client of the market program: addresses, instruction builders and fetchers.
//!
//! Builders take the keys a caller holds (owner, authority, slasher) and the identifiers of the
//! accounts (GPU class name, device index, slash nonce), and derive every PDA themselves.

crate::program::program_client!(::market, MarketConfig);

pub use program::constants::{
    SEED_DEVICE, SEED_GPU_CLASS, SEED_LEASE_VAULT, SEED_PROVIDER, SEED_SLASH, SEED_SLASH_ESCROW,
    SEED_STAKE_VAULT,
};
pub use program::state::{Device, GpuClass, Provider, Slash, required_stake};
pub use program::{
    Currency, DeviceSpec, GpuClassTerms, KeySet, MarketParams, PauseClass, Pool, Role, events,
};

/// A GPU class name as stored: UTF-8, zero-padded to 32 bytes.
///
/// # Panics
/// When `name` is longer than 32 bytes.
pub fn class_name(name: &str) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    assert!(name.len() <= 32, "a GPU class name has at most 32 bytes");
    bytes[..name.len()].copy_from_slice(name.as_bytes());
    bytes
}

pub fn stake_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_STAKE_VAULT], &ID).0
}

pub fn slash_escrow_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_SLASH_ESCROW], &ID).0
}

/// The IO lease vault: IO deposits of IO-funded leases and providers' unclaimed IO earnings.
pub fn lease_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_LEASE_VAULT], &ID).0
}

pub fn gpu_class_address(name: &[u8; 32]) -> Pubkey {
    Pubkey::find_program_address(&[SEED_GPU_CLASS, name], &ID).0
}

pub fn provider_address(owner: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_PROVIDER, owner.as_ref()], &ID).0
}

/// The device number `index` of `owner`'s provider.
pub fn device_address(owner: &Pubkey, index: u32) -> Pubkey {
    let provider = provider_address(owner);
    Pubkey::find_program_address(&[SEED_DEVICE, provider.as_ref(), &index.to_le_bytes()], &ID).0
}

pub fn slash_address(device: &Pubkey, nonce: u64) -> Pubkey {
    Pubkey::find_program_address(&[SEED_SLASH, device.as_ref(), &nonce.to_le_bytes()], &ID).0
}

const TOKEN_PROGRAM: Pubkey = anchor_spl::token::ID;
const SYSTEM_PROGRAM: Pubkey = anchor_lang::system_program::ID;

/// `config_init`, signed and paid by the build-time deployer.
pub fn config_init(
    deployer: Pubkey,
    io_mint: Pubkey,
    treasury: Pubkey,
    args: ConfigInitArgs,
) -> Instruction {
    instruction(
        program::accounts::ConfigInit {
            deployer,
            config: config_address(),
            io_mint,
            iosd_mint: crate::iosd::iosd_mint_address(),
            treasury,
            stake_vault: stake_vault_address(),
            slash_escrow: slash_escrow_address(),
            lease_vault: lease_vault_address(),
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ConfigInit { args },
    )
}

fn authority_change(authority: Pubkey, data: impl InstructionData) -> Instruction {
    instruction(
        program::accounts::AuthorityChange {
            authority,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn params_set(authority: Pubkey, params: MarketParams) -> Instruction {
    authority_change(authority, program::instruction::ParamsSet { params })
}

pub fn role_propose(authority: Pubkey, role: Role, pending: Pubkey) -> Instruction {
    authority_change(
        authority,
        program::instruction::RolePropose { role, pending },
    )
}

pub fn role_accept(pending: Pubkey, role: Role) -> Instruction {
    instruction(
        program::accounts::RoleAccept {
            pending,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::RoleAccept { role },
    )
}

pub fn key_set_add(authority: Pubkey, set: KeySet, key: Pubkey) -> Instruction {
    authority_change(authority, program::instruction::KeySetAdd { set, key })
}

pub fn key_set_remove(authority: Pubkey, set: KeySet, key: Pubkey) -> Instruction {
    authority_change(authority, program::instruction::KeySetRemove { set, key })
}

pub fn guardian_pause(guardian: Pubkey, class: PauseClass, hours: u32) -> Instruction {
    instruction(
        program::accounts::GuardianPause {
            guardian,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::GuardianPause { class, hours },
    )
}

pub fn pause_set(authority: Pubkey, class: PauseClass, paused_until: i64) -> Instruction {
    authority_change(
        authority,
        program::instruction::PauseSet {
            class,
            paused_until,
        },
    )
}

pub fn gpu_class_create(
    authority: Pubkey,
    payer: Pubkey,
    name: [u8; 32],
    terms: GpuClassTerms,
) -> Instruction {
    instruction(
        program::accounts::GpuClassCreate {
            authority,
            payer,
            config: config_address(),
            gpu_class: gpu_class_address(&name),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::GpuClassCreate { name, terms },
    )
}

fn gpu_class_change(authority: Pubkey, name: &[u8; 32], data: impl InstructionData) -> Instruction {
    instruction(
        program::accounts::GpuClassChange {
            authority,
            config: config_address(),
            gpu_class: gpu_class_address(name),
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn gpu_class_update(authority: Pubkey, name: &[u8; 32], terms: GpuClassTerms) -> Instruction {
    gpu_class_change(
        authority,
        name,
        program::instruction::GpuClassUpdate { terms },
    )
}

pub fn gpu_class_retire(authority: Pubkey, name: &[u8; 32]) -> Instruction {
    gpu_class_change(authority, name, program::instruction::GpuClassRetire {})
}

pub fn gpu_class_close(authority: Pubkey, name: &[u8; 32], rent_payer: Pubkey) -> Instruction {
    instruction(
        program::accounts::GpuClassClose {
            authority,
            config: config_address(),
            gpu_class: gpu_class_address(name),
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::GpuClassClose {},
    )
}

pub fn provider_register(
    owner: Pubkey,
    io_payout: Pubkey,
    iosd_payout_owner: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::ProviderRegister {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            io_payout,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderRegister { iosd_payout_owner },
    )
}

pub fn provider_update(owner: Pubkey, io_payout: Pubkey, iosd_payout_owner: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderUpdate {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            io_payout,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderUpdate { iosd_payout_owner },
    )
}

pub fn provider_close(owner: Pubkey, rent_payer: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderClose {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClose {},
    )
}

/// Registers `owner`'s device number `index` (its provider's `devices_created`).
pub fn device_register(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    spec: DeviceSpec,
) -> Instruction {
    instruction(
        program::accounts::DeviceRegister {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            gpu_class,
            device: device_address(&owner, index),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::DeviceRegister { spec },
    )
}

fn device_change(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    data: impl InstructionData,
) -> Instruction {
    instruction(
        program::accounts::DeviceChange {
            owner,
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn device_rotate_key(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    device_key: Pubkey,
) -> Instruction {
    device_change(
        owner,
        index,
        gpu_class,
        program::instruction::DeviceRotateKey { device_key },
    )
}

pub fn device_set_available(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    available: bool,
) -> Instruction {
    device_change(
        owner,
        index,
        gpu_class,
        program::instruction::DeviceSetAvailable { available },
    )
}

pub fn device_close(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    rent_payer: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::DeviceClose {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::DeviceClose {},
    )
}

fn stake_move(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    owner_io: Pubkey,
    data: impl InstructionData,
) -> Instruction {
    instruction(
        program::accounts::StakeMove {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            owner_io,
            stake_vault: stake_vault_address(),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn stake_deposit(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    owner_io: Pubkey,
    amount_io_base: u64,
) -> Instruction {
    stake_move(
        owner,
        index,
        gpu_class,
        owner_io,
        program::instruction::StakeDeposit { amount_io_base },
    )
}

pub fn stake_withdraw(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    owner_io: Pubkey,
) -> Instruction {
    stake_move(
        owner,
        index,
        gpu_class,
        owner_io,
        program::instruction::StakeWithdraw {},
    )
}

pub fn unstake_request(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    amount_io_base: u64,
) -> Instruction {
    instruction(
        program::accounts::UnstakeRequest {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::UnstakeRequest { amount_io_base },
    )
}

/// Opens slash number `nonce` (the device's `slash_nonce`) on `device`.
pub fn slash_open(
    slasher: Pubkey,
    device: Pubkey,
    nonce: u64,
    amount_io_base: u64,
    evidence_hash: [u8; 32],
) -> Instruction {
    instruction(
        program::accounts::SlashOpen {
            slasher,
            config: config_address(),
            device,
            slash: slash_address(&device, nonce),
            stake_vault: stake_vault_address(),
            slash_escrow: slash_escrow_address(),
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SlashOpen {
            amount_io_base,
            evidence_hash,
        },
    )
}

/// The accounts of a slash decision; `rent_payer` is the slasher who opened it.
fn slash_decide(
    decider: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
    data: impl InstructionData,
) -> Instruction {
    instruction(
        program::accounts::SlashDecide {
            decider,
            config: config_address(),
            device,
            slash: slash_address(&device, nonce),
            rent_payer,
            slash_escrow: slash_escrow_address(),
            treasury,
            stake_vault: stake_vault_address(),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn slash_uphold(
    authority: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
) -> Instruction {
    slash_decide(
        authority,
        device,
        nonce,
        rent_payer,
        treasury,
        program::instruction::SlashUphold {},
    )
}

pub fn slash_reverse(
    authority: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
) -> Instruction {
    slash_decide(
        authority,
        device,
        nonce,
        rent_payer,
        treasury,
        program::instruction::SlashReverse {},
    )
}

pub fn slash_finalize(
    anyone: Pubkey,
    device: Pubkey,
    nonce: u64,
    rent_payer: Pubkey,
    treasury: Pubkey,
) -> Instruction {
    slash_decide(
        anyone,
        device,
        nonce,
        rent_payer,
        treasury,
        program::instruction::SlashFinalize {},
    )
}

pub use program::constants::SEED_LEASE;
pub use program::state::Lease;
pub use program::{LeaseFunding, LeaseOpenArgs};

/// Lease number `nonce` (the device's `leases_created` at open) of `device`.
pub fn lease_address(device: &Pubkey, nonce: u64) -> Pubkey {
    Pubkey::find_program_address(&[SEED_LEASE, device.as_ref(), &nonce.to_le_bytes()], &ID).0
}

/// The market's IOSD escrow: the iosd holder account of the market's spender PDA.
pub fn escrow_address() -> Pubkey {
    crate::iosd::escrow_address(&ID)
}

/// The iosd accounts every lease instruction names.
fn iosd_accounts() -> program::accounts::IosdAccounts {
    program::accounts::IosdAccounts {
        spender: crate::iosd::spender_address(&ID),
        iosd_config: crate::iosd::config_address(),
        iosd_mint: crate::iosd::iosd_mint_address(),
        escrow: escrow_address(),
        token_program: TOKEN_PROGRAM,
        iosd_event_authority: crate::event_authority(&crate::iosd::ID),
        iosd_program: crate::iosd::ID,
    }
}

/// The accounts of a deployment that lease instructions name and that are not PDAs: the IO
/// mint, the market's IO treasury account and the treasury's owner (whose IOSD holder receives
/// IOSD fees). All three are in the market config.
#[derive(Clone, Copy, Debug)]
pub struct Deployment {
    pub io_mint: Pubkey,
    pub treasury: Pubkey,
    pub treasury_owner: Pubkey,
}

impl Deployment {
    /// The token account a renter's money of `currency` comes from and is refunded to: its IOSD
    /// holder, or its associated IO account. (Another IO account the renter owns works too: set
    /// the instruction's `renter_funds` meta.)
    pub fn renter_funds(&self, renter: &Pubkey, currency: Currency) -> Pubkey {
        match currency {
            Currency::Iosd => crate::iosd::holder_address(renter),
            Currency::Io => {
                anchor_spl::associated_token::get_associated_token_address(renter, &self.io_mint)
            }
        }
    }
}

/// `lease_open`: `renter` takes GPUs of `device` (class `gpu_class`), lease number `nonce`,
/// funded as `args.funding` says from its IOSD holder or its associated IO account. An IO lease
/// names the Pyth `price_update` its quote is read from.
pub fn lease_open(
    renter: Pubkey,
    device: Pubkey,
    gpu_class: Pubkey,
    nonce: u64,
    deployment: Deployment,
    args: LeaseOpenArgs,
    price_update: Option<Pubkey>,
) -> Instruction {
    let currency = match args.funding {
        LeaseFunding::Iosd { .. } => Currency::Iosd,
        LeaseFunding::Io { .. } => Currency::Io,
    };
    instruction(
        program::accounts::LeaseOpen {
            renter,
            config: config_address(),
            device,
            gpu_class,
            lease: lease_address(&device, nonce),
            renter_funds: deployment.renter_funds(&renter, currency),
            treasury: deployment.treasury,
            treasury_holder: crate::iosd::holder_address(&deployment.treasury_owner),
            lease_vault: lease_vault_address(),
            io_mint: deployment.io_mint,
            price_update,
            iosd: iosd_accounts(),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseOpen { args },
    )
}

/// `lease_top_up`: `amount` in the lease's `currency` from the renter's IOSD holder or
/// associated IO account.
pub fn lease_top_up(
    renter: Pubkey,
    lease: Pubkey,
    currency: Currency,
    deployment: Deployment,
    amount: u64,
) -> Instruction {
    instruction(
        program::accounts::LeaseTopUp {
            renter,
            config: config_address(),
            lease,
            renter_funds: deployment.renter_funds(&renter, currency),
            lease_vault: lease_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseTopUp { amount },
    )
}

/// `lease_settle`: `provider_owner` owns the lease's provider, whose earnings are credited.
pub fn lease_settle(
    settler: Pubkey,
    lease: Pubkey,
    provider_owner: Pubkey,
    deployment: Deployment,
    cumulative_gpu_secs: u64,
) -> Instruction {
    instruction(
        program::accounts::LeaseSettle {
            settler,
            config: config_address(),
            lease,
            provider: provider_address(&provider_owner),
            treasury: deployment.treasury,
            treasury_holder: crate::iosd::holder_address(&deployment.treasury_owner),
            lease_vault: lease_vault_address(),
            io_mint: deployment.io_mint,
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseSettle {
            cumulative_gpu_secs,
        },
    )
}

/// `provider_claim`: the owner takes the provider's IOSD earnings into the IOSD holder of
/// `iosd_payout_owner` (the provider's registered one).
pub fn provider_claim(owner: Pubkey, iosd_payout_owner: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderClaim {
            owner,
            provider: provider_address(&owner),
            provider_holder: crate::iosd::holder_address(&iosd_payout_owner),
            config: config_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClaim {},
    )
}

/// `provider_claim_io`: the owner takes the provider's IOSD earnings as IO, redeemed through
/// iosd at `price_update` into the provider's registered IO payout account `io_payout`.
pub fn provider_claim_io(
    owner: Pubkey,
    io_payout: Pubkey,
    price_update: Pubkey,
    min_io_out_base: u64,
) -> Instruction {
    instruction(
        program::accounts::ProviderClaimIo {
            owner,
            provider: provider_address(&owner),
            io_payout,
            price_update,
            io_vault: crate::iosd::io_vault_address(),
            config: config_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClaimIo { min_io_out_base },
    )
}

/// `provider_claim_io_earnings`: the owner takes the IO its IO leases earned into the
/// provider's registered IO payout account `io_payout`.
pub fn provider_claim_io_earnings(owner: Pubkey, io_payout: Pubkey) -> Instruction {
    instruction(
        program::accounts::ProviderClaimIoEarnings {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            io_payout,
            lease_vault: lease_vault_address(),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ProviderClaimIoEarnings {},
    )
}

pub fn lease_close_request(
    requester: Pubkey,
    lease: Pubkey,
    provider_owner: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::LeaseCloseRequest {
            requester,
            lease,
            provider: provider_address(&provider_owner),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseCloseRequest {},
    )
}

/// `lease_finalize`: refunds the lease's `currency` to the renter's IOSD holder or associated
/// IO account.
pub fn lease_finalize(
    anyone: Pubkey,
    lease: Pubkey,
    device: Pubkey,
    renter: Pubkey,
    currency: Currency,
    deployment: Deployment,
) -> Instruction {
    instruction(
        program::accounts::LeaseFinalize {
            anyone,
            config: config_address(),
            lease,
            device,
            renter_funds: deployment.renter_funds(&renter, currency),
            rent_payer: renter,
            lease_vault: lease_vault_address(),
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseFinalize {},
    )
}

/// One lease of a `lease_settle_batch`.
#[derive(Clone, Copy, Debug)]
pub struct BatchEntry {
    pub lease: Pubkey,
    pub provider_owner: Pubkey,
    pub cumulative_gpu_secs: u64,
}

/// Compute units a `lease_settle_batch` of `leases` leases may use: a fixed part and a part per
/// lease, with a margin over what the SBF build consumed (about 72,000 once for the fees, the
/// burn and the checks, and 5,700 per lease; 254,750 for 32 leases:
/// `IO_SBF_DIR=target/sbf/deploy cargo test -p market how_many_leases -- --nocapture`). Past
/// about 22 leases a batch exceeds the default 200,000 units: send it with
/// [`crate::compute::set_compute_unit_limit`] of this figure.
pub fn lease_settle_batch_compute_units(leases: usize) -> u32 {
    const FIXED: u32 = 90_000;
    const PER_LEASE: u32 = 6_500;
    let leases = u32::try_from(leases).unwrap_or(u32::MAX);
    FIXED
        .saturating_add(PER_LEASE.saturating_mul(leases))
        .min(crate::compute::MAX_COMPUTE_UNIT_LIMIT)
}

/// `lease_settle_batch`: the entries' accounts follow as remaining accounts (lease and
/// provider, both writable), in order. Batches above about 22 leases need more compute units
/// than the default: see [`lease_settle_batch_compute_units`].
pub fn lease_settle_batch(
    settler: Pubkey,
    deployment: Deployment,
    entries: &[BatchEntry],
) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let mut ix = instruction(
        program::accounts::LeaseSettleBatch {
            settler,
            config: config_address(),
            treasury: deployment.treasury,
            treasury_holder: crate::iosd::holder_address(&deployment.treasury_owner),
            lease_vault: lease_vault_address(),
            io_mint: deployment.io_mint,
            iosd: iosd_accounts(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::LeaseSettleBatch {
            cumulatives: entries.iter().map(|e| e.cumulative_gpu_secs).collect(),
        },
    );
    for entry in entries {
        ix.accounts.push(AccountMeta::new(entry.lease, false));
        ix.accounts.push(AccountMeta::new(
            provider_address(&entry.provider_owner),
            false,
        ));
    }
    ix
}
