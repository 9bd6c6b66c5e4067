//! Client of the rewards program: addresses, instruction builders and fetchers for seasons
//! (airdrop points) and block-reward claims.

crate::program::program_client!(::rewards, RewardsConfig);

pub use program::constants::{
    SEED_REWARD_VAULT, SEED_SEASON, SEED_SEASON_DEVICE, SEED_SEASON_VAULT,
};
pub use program::state::{Season, SeasonDevice};
pub use program::{PostedInputs, SeasonArgs, SeasonFormula, SeasonState, events};

const TOKEN_PROGRAM: Pubkey = anchor_spl::token::ID;
const SYSTEM_PROGRAM: Pubkey = anchor_lang::system_program::ID;

/// The block-reward vault.
pub fn reward_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_REWARD_VAULT], &ID).0
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

fn instruction(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

fn event_authority() -> Pubkey {
    crate::event_authority(&ID)
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

/// `season_create`: season number `index`, counting the market GPU classes `classes`.
pub fn season_create(
    authority: Pubkey,
    payer: Pubkey,
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
            vault: season_vault_address(&season),
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::SeasonFinalize {},
    )
}

/// One device of a `season_claim`: its market accounts, where its provider is paid, and who
/// paid the record's rent (the provider's owner).
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
            AccountMeta::new_readonly(entry.device, false),
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
