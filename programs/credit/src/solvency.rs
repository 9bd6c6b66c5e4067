//! Solvency states: how far the vault's IO, valued at the EMA price, covers the outstanding IOSD.
//!
//! Healthy at or above the warning ratio, warning below it, mint halted below the halt ratio.
//! The fourth state, oracle halted, does not come from a ratio: the program enters it when no
//! usable price has been seen for its configured time. Spending works in every state.

/// The protocol's solvency state. Its discriminants are stored on-chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Solvency {
    /// Collateral ratio at or above the warning threshold.
    Healthy = 0,
    /// Below the warning threshold (0.95 by default): minting still works.
    Warning = 1,
    /// Below the mint-halt threshold (0.90 by default): no minting.
    MintHalted = 2,
    /// No usable oracle price for too long: no minting, redemption pays in kind.
    OracleHalted = 3,
}

impl Solvency {
    /// Whether minting is allowed in this state.
    pub const fn allows_minting(self) -> bool {
        matches!(self, Self::Healthy | Self::Warning)
    }
}

/// The state a collateral ratio (bps of 1.0) puts the protocol in, given the warning and
/// mint-halt thresholds (bps, `halt < warning`). A ratio exactly at a threshold is on its
/// healthier side.
pub const fn classify(ratio_bps: u64, warning_bps: u16, mint_halt_bps: u16) -> Solvency {
    if ratio_bps >= warning_bps as u64 {
        Solvency::Healthy
    } else if ratio_bps >= mint_halt_bps as u64 {
        Solvency::Warning
    } else {
        Solvency::MintHalted
    }
}
