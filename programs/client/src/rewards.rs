//! Client of the rewards program: addresses, instruction builders and fetchers for seasons
//! (airdrop points) and block-reward claims, the off-chain recomputation of a season
//! ([`SeasonReplay`]), and the oracle's side of block rewards ([`BlockRewardLedger`],
//! [`sign_total`], [`claim_instructions`]).

crate::program::program_client!(::rewards, RewardsConfig);

pub use io_receipt::{OracleTotal, ReceiptDomain};
pub use program::constants::{
    SEED_DEVICE_REWARDS, SEED_REWARD_VAULT, SEED_SEASON, SEED_SEASON_DEVICE, SEED_SEASON_VAULT,
};
pub use program::state::{DeviceRewards, Season, SeasonDevice};
pub use program::{
    Pause, PostedInputs, RewardPool, Role, SeasonArgs, SeasonFormula, SeasonState, events,
};

const TOKEN_PROGRAM: Pubkey = anchor_spl::token::ID;
const SYSTEM_PROGRAM: Pubkey = anchor_lang::system_program::ID;

/// The block-reward vault.
pub fn reward_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_REWARD_VAULT], &ID).0
}

/// A device's block-reward record.
pub fn device_rewards_address(device: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_DEVICE_REWARDS, device.as_ref()], &ID).0
}

/// Where oracle totals of this deployment are valid: this program on the cluster of
/// `genesis_hash`.
pub fn oracle_domain(genesis_hash: [u8; 32]) -> ReceiptDomain {
    ReceiptDomain {
        program_id: ID,
        genesis_hash,
    }
}

/// Season number `index` (the config's `seasons_created` at creation).
pub fn season_address(index: u32) -> Pubkey {
    Pubkey::find_program_address(&[SEED_SEASON, &index.to_le_bytes()], &ID).0
}

/// The IO vault holding a season's pool.
pub fn season_vault_address(season: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_SEASON_VAULT, season.as_ref()], &ID).0
}

/// A device's record in a season.
pub fn season_device_address(season: &Pubkey, device: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_SEASON_DEVICE, season.as_ref(), device.as_ref()], &ID).0
}

/// `config_init`, signed and paid by the build-time deployer; creates the block-reward vault
/// for `io_mint`.
pub fn config_init(deployer: Pubkey, io_mint: Pubkey, args: ConfigInitArgs) -> Instruction {
    instruction(
        program::accounts::ConfigInit {
            deployer,
            config: config_address(),
            io_mint,
            reward_vault: reward_vault_address(),
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::ConfigInit { args },
    )
}

/// `season_create`: season number `index`, counting the market GPU classes `classes`, the rent
/// paid by `payer` and the pool (`args.pool_io_base`) moved from the authority's IO account
/// `funding_source` into the new vault.
pub fn season_create(
    authority: Pubkey,
    payer: Pubkey,
    funding_source: Pubkey,
    io_mint: Pubkey,
    index: u32,
    classes: &[Pubkey],
    args: SeasonArgs,
) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let season = season_address(index);
    let mut ix = instruction(
        program::accounts::SeasonCreate {
            authority,
            payer,
            funding_source,
            config: config_address(),
            season,
            vault: season_vault_address(&season),
            io_mint,
            token_program: TOKEN_PROGRAM,
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonCreate { args },
    );
    ix.accounts.extend(
        classes
            .iter()
            .map(|class| AccountMeta::new_readonly(*class, false)),
    );
    ix
}

/// `season_join`: `owner`'s `device` (under its market `provider`) enters `season`.
pub fn season_join(owner: Pubkey, season: Pubkey, device: Pubkey, provider: Pubkey) -> Instruction {
    instruction(
        program::accounts::SeasonJoin {
            owner,
            season,
            device,
            provider,
            record: season_device_address(&season, &device),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonJoin {},
    )
}

/// `inputs_post`: `oracle` posts `epoch`'s inputs of `devices` (in the order of `entries`).
pub fn inputs_post(
    oracle: Pubkey,
    season: Pubkey,
    epoch: u32,
    devices: &[Pubkey],
    entries: Vec<PostedInputs>,
) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let mut ix = instruction(
        program::accounts::InputsPost {
            oracle,
            season,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::InputsPost { epoch, entries },
    );
    ix.accounts.extend(
        devices
            .iter()
            .map(|device| AccountMeta::new(season_device_address(&season, device), false)),
    );
    ix
}

pub fn season_finalize(anyone: Pubkey, season: Pubkey) -> Instruction {
    instruction(
        program::accounts::SeasonFinalize {
            anyone,
            season,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonFinalize {},
    )
}

/// One device of a `season_claim`: the device (for its record's address; the device account
/// itself may be closed), its provider, where the provider is paid, and who paid the record's
/// rent (the provider's owner).
#[derive(Clone, Copy, Debug)]
pub struct ClaimEntry {
    pub device: Pubkey,
    pub provider: Pubkey,
    pub io_payout: Pubkey,
    pub rent_payer: Pubkey,
}

pub fn season_claim(anyone: Pubkey, season: Pubkey, entries: &[ClaimEntry]) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let mut ix = instruction(
        program::accounts::SeasonClaim {
            anyone,
            season,
            vault: season_vault_address(&season),
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonClaim {},
    );
    for entry in entries {
        ix.accounts.extend([
            AccountMeta::new(season_device_address(&season, &entry.device), false),
            AccountMeta::new_readonly(entry.provider, false),
            AccountMeta::new(entry.io_payout, false),
            AccountMeta::new(entry.rent_payer, false),
        ]);
    }
    ix
}

pub fn season_clawback(authority: Pubkey, season: Pubkey, destination: Pubkey) -> Instruction {
    instruction(
        program::accounts::SeasonClawback {
            authority,
            config: config_address(),
            season,
            vault: season_vault_address(&season),
            destination,
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonClawback {},
    )
}

pub fn season_record_close(
    anyone: Pubkey,
    season: Pubkey,
    device: Pubkey,
    rent_payer: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::SeasonRecordClose {
            anyone,
            season,
            record: season_device_address(&season, &device),
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonRecordClose {},
    )
}

pub fn season_close(anyone: Pubkey, season: Pubkey, rent_payer: Pubkey) -> Instruction {
    instruction(
        program::accounts::SeasonClose {
            anyone,
            config: config_address(),
            season,
            vault: season_vault_address(&season),
            reward_vault: reward_vault_address(),
            rent_payer,
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonClose {},
    )
}

/// The off-chain recomputation of a season from its public record: the devices that joined
/// (`SeasonJoined` events) and every post (`InputsPosted` events, in order). It applies the
/// same `io_points` formula the program does, so its points must equal the chain's exactly; a
/// difference means the chain and its events disagree.
#[derive(Clone, Debug)]
pub struct SeasonReplay {
    formula: io_points::Formula,
    devices: std::collections::BTreeMap<Pubkey, ReplayedDevice>,
    total_points: u64,
}

/// One device as the replay counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplayedDevice {
    pub gpu_model_bps: u32,
    pub gpu_count: u16,
    pub last_epoch: u32,
    pub counted: io_points::DevicePoints,
}

/// Why a replay stopped: the events are not a history the program could have produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("inputs were posted for {0}, which never joined")]
    UnknownDevice(Pubkey),
    #[error("the points formula refused a post for {device}: {error:?}")]
    Formula {
        device: Pubkey,
        error: io_points::PointsError,
    },
    #[error(
        "the chain reported {reported} points added for {device}, the formula gives {computed}"
    )]
    PointsDiffer {
        device: Pubkey,
        reported: u64,
        computed: u64,
    },
}

impl SeasonReplay {
    pub fn new(formula: SeasonFormula) -> Self {
        Self {
            formula: formula.into(),
            devices: std::collections::BTreeMap::new(),
            total_points: 0,
        }
    }

    pub fn join(&mut self, joined: &events::SeasonJoined) {
        self.devices.insert(
            joined.device,
            ReplayedDevice {
                gpu_model_bps: joined.gpu_model_bps,
                gpu_count: joined.gpu_count,
                last_epoch: 0,
                counted: io_points::DevicePoints::default(),
            },
        );
    }

    /// Applies one post, recomputing its points from the inputs alone.
    pub fn post(&mut self, posted: &events::InputsPosted) -> Result<(), ReplayError> {
        let device = self
            .devices
            .get_mut(&posted.device)
            .ok_or(ReplayError::UnknownDevice(posted.device))?;
        let added = device
            .counted
            .accrue(
                &self.formula,
                device.gpu_model_bps,
                device.gpu_count,
                io_points::Inputs {
                    job_secs: posted.job_secs,
                    uptime_secs: posted.uptime_secs,
                    bandwidth_tier: posted.bandwidth_tier,
                },
            )
            .map_err(|error| ReplayError::Formula {
                device: posted.device,
                error,
            })?;
        if added != posted.points_added {
            return Err(ReplayError::PointsDiffer {
                device: posted.device,
                reported: posted.points_added,
                computed: added,
            });
        }
        device.last_epoch = posted.epoch;
        self.total_points = self.total_points.saturating_add(added);
        Ok(())
    }

    pub fn device(&self, device: &Pubkey) -> Option<&ReplayedDevice> {
        self.devices.get(device)
    }

    pub fn total_points(&self) -> u64 {
        self.total_points
    }
}

pub fn oracles_set(authority: Pubkey, oracles: Vec<Pubkey>) -> Instruction {
    instruction(
        program::accounts::OraclesSetAccounts {
            authority,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::OraclesSet { oracles },
    )
}

pub fn device_rewards_open(payer: Pubkey, device: Pubkey) -> Instruction {
    instruction(
        program::accounts::DeviceRewardsOpen {
            payer,
            device,
            record: device_rewards_address(&device),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::DeviceRewardsOpen {},
    )
}

pub fn device_rewards_close(anyone: Pubkey, device: Pubkey, rent_payer: Pubkey) -> Instruction {
    instruction(
        program::accounts::DeviceRewardsClose {
            anyone,
            record: device_rewards_address(&device),
            device,
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::DeviceRewardsClose {},
    )
}

/// One device of a `rewards_claim`: its market accounts and where its provider is paid.
#[derive(Clone, Copy, Debug)]
pub struct RewardsEntry {
    pub device: Pubkey,
    pub gpu_class: Pubkey,
    pub provider: Pubkey,
    pub io_payout: Pubkey,
}

/// The `rewards_claim` instruction alone; the ed25519 instructions carrying the oracle
/// signatures must come before it ([`claim_instructions`] builds both).
pub fn rewards_claim(anyone: Pubkey, entries: &[RewardsEntry]) -> Instruction {
    use anchor_lang::solana_program::instruction::AccountMeta;
    let mut ix = instruction(
        program::accounts::RewardsClaim {
            anyone,
            config: config_address(),
            reward_vault: reward_vault_address(),
            instructions: io_receipt::instructions::INSTRUCTIONS_SYSVAR_ID,
            token_program: TOKEN_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::RewardsClaim {},
    );
    for entry in entries {
        ix.accounts.extend([
            AccountMeta::new(device_rewards_address(&entry.device), false),
            AccountMeta::new_readonly(entry.device, false),
            AccountMeta::new_readonly(entry.gpu_class, false),
            AccountMeta::new_readonly(entry.provider, false),
            AccountMeta::new(entry.io_payout, false),
        ]);
    }
    ix
}

/// One oracle's signature over a device's total: its key, the signature, and the total.
#[derive(Clone, Copy, Debug)]
pub struct SignedTotal {
    pub oracle: [u8; 32],
    pub signature: [u8; 64],
    pub total: OracleTotal,
}

/// An oracle signs `total` for `domain` with its key.
pub fn sign_total(
    oracle: &ed25519_dalek::SigningKey,
    domain: &ReceiptDomain,
    total: OracleTotal,
) -> SignedTotal {
    SignedTotal {
        oracle: oracle.verifying_key().to_bytes(),
        signature: io_receipt::client::sign_total(oracle, domain, &total),
        total,
    }
}

/// A complete claim: one ed25519 instruction carrying every signature (agreeing oracles share
/// their message's bytes), then `rewards_claim` for `entries`.
pub fn claim_instructions(
    anyone: Pubkey,
    domain: &ReceiptDomain,
    signed: &[SignedTotal],
    entries: &[RewardsEntry],
) -> [Instruction; 2] {
    let triples: Vec<([u8; 32], [u8; 64], Vec<u8>)> = signed
        .iter()
        .map(|s| (s.oracle, s.signature, s.total.message(domain).to_vec()))
        .collect();
    [
        io_receipt::client::multi_signature_instruction(&triples),
        rewards_claim(anyone, entries),
    ]
}

/// The oracle's ledger of block rewards: every hour's emission of a pool is shared among the
/// devices that worked in it, pro rata to their weight (for example GPU-seconds × the class's
/// multiplier), rounded down; a device's total is the sum of its hourly shares. What rounding
/// leaves of an hour stays unallocated, so the totals never exceed the pool's emission.
#[derive(Clone, Debug, Default)]
pub struct BlockRewardLedger {
    totals: std::collections::BTreeMap<Pubkey, u64>,
    allocated: u64,
}

impl BlockRewardLedger {
    /// Shares `emission` (one pool's emission for one hour) among `weights`.
    pub fn allocate_hour(&mut self, emission: u64, weights: &[(Pubkey, u64)]) {
        let total_weight: u128 = weights.iter().map(|(_, w)| u128::from(*w)).sum();
        if total_weight == 0 {
            return;
        }
        for (device, weight) in weights {
            let share = u128::from(emission) * u128::from(*weight) / total_weight;
            let share = u64::try_from(share).unwrap_or(u64::MAX);
            let entry = self.totals.entry(*device).or_default();
            *entry = entry.saturating_add(share);
            self.allocated = self.allocated.saturating_add(share);
        }
    }

    /// The device's cumulative total, what the oracle signs.
    pub fn total(&self, device: &Pubkey) -> u64 {
        self.totals.get(device).copied().unwrap_or(0)
    }

    /// Everything allocated so far.
    pub fn allocated(&self) -> u64 {
        self.allocated
    }
}

/// One pool's emission for hour `hour` of the schedule: the enterprise share rounded down, the
/// community pool the rest (as the program's guard counts it).
pub fn pool_hour_emission(hour: u64, enterprise_pool_bps: u16, pool: RewardPool) -> u64 {
    let split = |emitted: u64| {
        let enterprise = u128::from(emitted) * u128::from(enterprise_pool_bps) / 10_000;
        let enterprise = u64::try_from(enterprise).unwrap_or(u64::MAX);
        match pool {
            RewardPool::Enterprise => enterprise,
            RewardPool::Community => emitted - enterprise,
        }
    };
    split(io_emission::emitted_by_hour(hour.saturating_add(1)))
        .saturating_sub(split(io_emission::emitted_by_hour(hour)))
}

crate::program::pause_client!("block-reward claims");
