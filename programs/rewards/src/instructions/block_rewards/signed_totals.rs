//! The oracle totals a claim transaction proves: every signature of every ed25519 precompile
//! instruction before the claim (found through the instructions sysvar), each with its key,
//! signature and message inside its instruction, each message an oracle total of this program
//! on this cluster for the current oracle-set version, each signer a current oracle. And the
//! value a device is paid from its totals ([`agreed_total`]).

use anchor_lang::prelude::*;
use io_receipt::{OracleTotal, ReceiptDomain};

use crate::error::RewardsError;
use crate::state::RewardsConfig;

/// One oracle's signed total for one device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignedTotal {
    pub oracle: Pubkey,
    pub device: Pubkey,
    pub total: u64,
}

/// Every oracle total the transaction carries before the executing instruction.
pub fn signed_totals(sysvar: &AccountInfo, config: &RewardsConfig) -> Result<Vec<SignedTotal>> {
    let datas = io_receipt::ed25519_datas_before_current(sysvar).map_err(|error| match error {
        io_receipt::SysvarError::NotInstructionsSysvar => RewardsError::NotInstructionsSysvar,
        _ => RewardsError::Ed25519Malformed,
    })?;
    let domain = ReceiptDomain {
        program_id: crate::ID,
        genesis_hash: config.genesis_hash,
    };
    let oracles = config.oracle_keys();
    let mut totals = Vec::new();
    for data in &datas {
        let signatures =
            io_receipt::verified_signatures(data).map_err(|_| RewardsError::Ed25519Malformed)?;
        for signature in signatures {
            let signature = signature.map_err(|_| RewardsError::Ed25519Malformed)?;
            let message = OracleTotal::parse(signature.message, &domain)
                .ok_or(RewardsError::MalformedOracleMessage)?;
            let oracle = Pubkey::new_from_array(*signature.public_key);
            require!(oracles.contains(&oracle), RewardsError::NotAnOracle);
            require_eq!(
                message.config_version,
                config.oracle_version,
                RewardsError::StaleOracleVersion
            );
            totals.push(SignedTotal {
                oracle,
                device: message.device,
                total: message.cumulative_io_base,
            });
        }
    }
    Ok(totals)
}

/// The total a device is paid from `values` signed by distinct oracles of a set of
/// `oracle_count`: at least a majority `m = ⌊N/2⌋+1` must have signed. Of the `k` values,
/// sorted, the program takes the lower median (rank `⌈k/2⌉`), but never a rank above
/// `k + m − N`, the number of values an honest majority guarantees are honest: whichever
/// signatures a claimant picks, the value paid is at most some honest oracle's. With every
/// oracle's signature it is exactly the lower median.
pub fn agreed_total(values: &mut [u64], oracle_count: usize) -> Result<u64> {
    let majority = oracle_count
        .checked_div(2)
        .and_then(|half| half.checked_add(1))
        .ok_or(RewardsError::MathOverflow)?;
    let count = values.len();
    require!(
        count >= majority && count <= oracle_count,
        RewardsError::TooFewSignatures
    );
    values.sort_unstable();
    let lower_median = count.div_ceil(2);
    let guaranteed = count
        .checked_add(majority)
        .and_then(|v| v.checked_sub(oracle_count))
        .ok_or(RewardsError::MathOverflow)?;
    let rank = lower_median.min(guaranteed);
    let index = rank.checked_sub(1).ok_or(RewardsError::InvariantViolated)?;
    Ok(values[index])
}
