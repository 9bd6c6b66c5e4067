//! The message an oracle signs for a device's block rewards: 124 bytes, every field at a fixed
//! offset, `ORACLE_TAG ‖ program id ‖ genesis hash ‖ device ‖ cumulative total ‖ config
//! version`. The program id and genesis hash pin it to one rewards deployment on one cluster;
//! the config version to one oracle set (a new set makes old signatures worthless); the total
//! is cumulative, so the latest signature is the only one worth submitting.

use anchor_lang::prelude::Pubkey;

/// First 16 bytes of every oracle total: no receipt or other message can be mistaken for one.
pub const ORACLE_TAG: [u8; 16] = *b"io.rewards.v1\0\0\0";

/// Length of an oracle total message in bytes.
pub const ORACLE_MESSAGE_LEN: usize = 16 + 32 + 32 + 32 + 8 + 4;

/// What one oracle vouches for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OracleTotal {
    /// The market `Device` account.
    pub device: Pubkey,
    /// IO base units the device has earned since emissions began; never decreases.
    pub cumulative_io_base: u64,
    /// The rewards config's oracle-set version the oracle signs for.
    pub config_version: u32,
}

impl OracleTotal {
    /// The exact bytes an oracle signs for `domain` (`program_id` is the rewards program).
    pub fn message(&self, domain: &crate::ReceiptDomain) -> [u8; ORACLE_MESSAGE_LEN] {
        domain.message(
            &ORACLE_TAG,
            &[
                self.device.as_ref(),
                &self.cumulative_io_base.to_le_bytes(),
                &self.config_version.to_le_bytes(),
            ],
        )
    }

    /// Parses `bytes` as an oracle total for `domain`; `None` for any other message.
    pub fn parse(bytes: &[u8], domain: &crate::ReceiptDomain) -> Option<Self> {
        let fields = domain.fields::<ORACLE_MESSAGE_LEN>(&ORACLE_TAG, bytes)?;
        let (device, rest) = fields.split_first_chunk::<32>()?;
        let (total, rest) = rest.split_first_chunk::<8>()?;
        let (version, _) = rest.split_first_chunk::<4>()?;
        Some(Self {
            device: Pubkey::new_from_array(*device),
            cumulative_io_base: u64::from_le_bytes(*total),
            config_version: u32::from_le_bytes(*version),
        })
    }
}
