//! Default configuration of each program, as the local network and the tests bootstrap it, and
//! the localnet deployer. Figures follow docs/ARCHITECTURE.md and io.net's published numbers.

use anchor_lang::prelude::Pubkey;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// The localnet deployer's keypair file (public: localnet only), as JSON bytes.
pub const LOCALNET_DEPLOYER_KEYPAIR: &str = include_str!("../../../keys/localnet-deployer.json");

/// The localnet deployer, the only key the programs built without `IO_DEPLOYER` let initialise.
///
/// # Panics
/// When the committed keypair file is unreadable, or the programs were built with
/// `IO_DEPLOYER` set to another key.
pub fn localnet_deployer() -> Keypair {
    let bytes: Vec<u8> = serde_json::from_str(LOCALNET_DEPLOYER_KEYPAIR)
        .expect("the deployer keypair file holds JSON bytes");
    let deployer = Keypair::try_from(bytes.as_slice()).expect("a valid deployer keypair");
    assert_eq!(
        deployer.pubkey(),
        io_common::DEPLOYER,
        "the programs were built with IO_DEPLOYER set to another key; unset it here"
    );
    deployer
}

/// The committed localnet program keypairs (public: localnet only), by program name, as JSON
/// bytes: each program's `declare_id!` is its key, so the local network can deploy the SBF
/// ELFs through the upgradeable loader at the same ids the native build uses.
pub const LOCALNET_PROGRAM_KEYPAIRS: [(&str, &str); 5] = [
    (
        "iosd",
        include_str!("../../../keys/programs/iosd-keypair.json"),
    ),
    (
        "market",
        include_str!("../../../keys/programs/market-keypair.json"),
    ),
    (
        "inference",
        include_str!("../../../keys/programs/inference-keypair.json"),
    ),
    (
        "rewards",
        include_str!("../../../keys/programs/rewards-keypair.json"),
    ),
    (
        "governance",
        include_str!("../../../keys/programs/governance-keypair.json"),
    ),
];

/// The localnet keypair of program `name`, if it is one of the five.
///
/// # Panics
/// When the committed keypair file is not a keypair.
pub fn localnet_program_keypair(name: &str) -> Option<Keypair> {
    LOCALNET_PROGRAM_KEYPAIRS
        .iter()
        .find(|(program, _)| *program == name)
        .map(|(_, json)| {
            let bytes: Vec<u8> =
                serde_json::from_str(json).expect("a program keypair file holds JSON bytes");
            Keypair::try_from(bytes.as_slice()).expect("a valid program keypair")
        })
}

/// IO base units per IO (the real token has 8 decimals).
pub const IO_BASE_PER_IO: u64 = 100_000_000;

/// Seconds in a day.
pub const DAY_SECS: u32 = 86_400;

/// IOSD micros per IOSD (6 decimals; 1 IOSD = 1 USD).
pub const IOSD_MICROS_PER_USD: u64 = 1_000_000;

/// The feed id the local network and the tests price IO with. A real deployment passes Pyth's
/// `Crypto.IO/USD` feed id instead (from Pyth's price feed list; it is not hard-coded here).
pub const LOCALNET_IO_USD_FEED_ID: [u8; 32] = *b"localnet.Crypto.IO/USD.feed.id..";

/// IOSD oracle rules: prices at most 60 s old, oracle-halted after 10 minutes without one,
/// k = 2 confidence intervals, warning below 0.95 collateral, minting halted below 0.90.
pub const IOSD_ORACLE: crate::iosd::OracleParams = crate::iosd::OracleParams {
    max_price_age_secs: 60,
    oracle_halt_after_secs: 600,
    confidence_multiplier_bps: 20_000,
    warning_ratio_bps: 9_500,
    mint_halt_ratio_bps: 9_000,
};

/// IOSD breaker: per day, at most the larger of 1M IOSD and 10 % of the supply.
pub const IOSD_BREAKER: crate::iosd::BreakerSettings = crate::iosd::BreakerSettings {
    window_secs: DAY_SECS,
    cap_absolute_micros: 1_000_000 * IOSD_MICROS_PER_USD,
    cap_supply_bps: 1_000,
};

/// IOSD with [`IOSD_ORACLE`], [`IOSD_BREAKER`] and the localnet feed.
pub fn iosd(authority: Pubkey, guardian: Pubkey) -> crate::iosd::ConfigInitArgs {
    crate::iosd::ConfigInitArgs {
        authority,
        guardian,
        feed_id: LOCALNET_IO_USD_FEED_ID,
        oracle: IOSD_ORACLE,
        breaker: IOSD_BREAKER,
    }
}

/// Market: 0.25 % reservation fee on each side (io.net), half of protocol revenue burned,
/// 200 IO per GPU (io.net), a 14-day unstake cooldown, slashes of at most 10 % with a 7-day
/// appeal window, leases of at least $10 with an hour of runway, paused leases closable after a
/// day, a 1-hour close grace, at most $1M settled per hour, guardian pauses of up to 72 hours.
pub const MARKET_PARAMS: crate::market::MarketParams = crate::market::MarketParams {
    reservation_fee_bps: 25,
    provider_fee_bps: 25,
    burn_share_bps: 5_000,
    stake_per_gpu_io_base: 200 * IO_BASE_PER_IO,
    unstake_cooldown_secs: 14 * DAY_SECS,
    max_slash_bps: 1_000,
    appeal_window_secs: 7 * DAY_SECS,
    min_lease_deposit_usd_micros: 10 * IOSD_MICROS_PER_USD,
    min_runway_secs: 3_600,
    pause_timeout_secs: DAY_SECS,
    close_grace_secs: 3_600,
    payout_window_secs: 3_600,
    payout_window_cap_usd_micros: 1_000_000 * IOSD_MICROS_PER_USD,
    max_pause_hours: 72,
};

/// Market with [`MARKET_PARAMS`].
pub fn market(authority: Pubkey, guardian: Pubkey) -> crate::market::ConfigInitArgs {
    crate::market::ConfigInitArgs {
        authority,
        guardian,
        params: MARKET_PARAMS,
    }
}

/// Inference: a 24-hour session close timeout, up to 16 inferences per direct payment, sessions
/// closable by anyone after 30 idle days, receipts valid on the cluster of `genesis_hash`
/// (`getGenesisHash`).
pub fn inference(
    authority: Pubkey,
    guardian: Pubkey,
    genesis_hash: [u8; 32],
) -> crate::inference::ConfigInitArgs {
    crate::inference::ConfigInitArgs {
        authority,
        guardian,
        session_close_timeout_secs: DAY_SECS,
        max_direct_batch: 16,
        session_idle_secs: 30 * DAY_SECS,
        genesis_hash,
    }
}

/// Rewards: 95 / 5 enterprise / community split, emissions starting at `emission_start_ts`,
/// at most 1M IO claimed per day, oracle totals valid on the cluster of `genesis_hash`.
pub fn rewards(
    authority: Pubkey,
    guardian: Pubkey,
    emission_start_ts: i64,
    genesis_hash: [u8; 32],
) -> crate::rewards::ConfigInitArgs {
    crate::rewards::ConfigInitArgs {
        authority,
        guardian,
        enterprise_pool_bps: 9_500,
        emission_start_ts,
        claim_window_secs: DAY_SECS,
        claim_window_cap_io_base: 1_000_000 * IO_BASE_PER_IO,
        genesis_hash,
    }
}

/// Governance: 3-day votes, a 2-day hold-up, a quorum of 1M IO of power, simple majority, up to
/// 4× voting power at a 4-year lockup (saturation), lockups of up to 4 years, proposals from
/// 10,000 IO of power with a 1 SOL deposit, a guardian budget of two vetoes per 30 days.
pub const GOVERNANCE_PARAMS: crate::governance::GovernanceParams =
    crate::governance::GovernanceParams {
        voting_period_secs: 3 * DAY_SECS,
        hold_up_secs: 2 * DAY_SECS,
        quorum_power: 1_000_000 * IO_BASE_PER_IO,
        approval_threshold_bps: 5_001,
        max_lockup_multiplier_bps: 40_000,
        lockup_saturation_secs: 4 * 365 * DAY_SECS,
        max_lockup_secs: 4 * 365 * DAY_SECS,
        proposal_threshold_power: 10_000 * IO_BASE_PER_IO,
        proposal_deposit_lamports: 1_000_000_000,
        veto_budget: 2,
        veto_window_secs: 30 * DAY_SECS,
    };

/// Governance with [`GOVERNANCE_PARAMS`].
pub fn governance(authority: Pubkey, guardian: Pubkey) -> crate::governance::ConfigInitArgs {
    crate::governance::ConfigInitArgs {
        authority,
        guardian,
        params: GOVERNANCE_PARAMS,
    }
}

/// Which parameter set a deployment starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Profile {
    /// The figures above: what a public deployment starts with.
    Production,
    /// Short periods, so that a proposal passes, a cooldown ends and an appeal window closes
    /// within a demo (or a few `surfnet_timeTravel` calls). Only the governance and market
    /// periods change; the programs' own floors (a day for session close timeouts and the
    /// claim window, seven days for idle sessions) hold on every profile.
    #[default]
    Local,
}

impl Profile {
    /// The profile's name, as the manifest and the CLI flag spell it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Production => "production",
            Self::Local => "local",
        }
    }

    /// The market parameters: on the local profile a one-hour unstake cooldown and appeal
    /// window, leases with ten minutes of runway, paused after ten minutes without runway,
    /// closable five minutes after a close request.
    pub fn market_params(self) -> crate::market::MarketParams {
        match self {
            Self::Production => MARKET_PARAMS,
            Self::Local => crate::market::MarketParams {
                unstake_cooldown_secs: 3_600,
                appeal_window_secs: 3_600,
                min_runway_secs: 600,
                pause_timeout_secs: 600,
                close_grace_secs: 300,
                ..MARKET_PARAMS
            },
        }
    }

    /// The governance parameters: on the local profile a 5-minute vote, a 2-minute hold-up, a
    /// quorum of 1,000 IO of power, proposals from 100 IO of power with a 0.1 SOL deposit, and
    /// a veto budget refilling over a day.
    pub fn governance_params(self) -> crate::governance::GovernanceParams {
        match self {
            Self::Production => GOVERNANCE_PARAMS,
            Self::Local => crate::governance::GovernanceParams {
                voting_period_secs: 300,
                hold_up_secs: 120,
                quorum_power: 1_000 * IO_BASE_PER_IO,
                proposal_threshold_power: 100 * IO_BASE_PER_IO,
                proposal_deposit_lamports: 100_000_000,
                veto_window_secs: DAY_SECS,
                ..GOVERNANCE_PARAMS
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_program_id_is_its_committed_localnet_keypair() {
        let ids = [
            ("iosd", crate::iosd::ID),
            ("market", crate::market::ID),
            ("inference", crate::inference::ID),
            ("rewards", crate::rewards::ID),
            ("governance", crate::governance::ID),
        ];
        for (name, id) in ids {
            let keypair = localnet_program_keypair(name).expect("a committed keypair");
            assert_eq!(
                keypair.pubkey(),
                id,
                "{name}'s declare_id! is not its keypair"
            );
        }
        assert!(localnet_program_keypair("spender_probe").is_none());
    }
}
