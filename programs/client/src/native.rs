//! The five programs as [`native_svm::ProgramSpec`]s (feature `native`): what anything that
//! runs them off-chain deploys, natively or from their ELF files (the test harness, the local
//! network).

use native_svm::ProgramSpec;

pub const IOSD: ProgramSpec = ProgramSpec {
    name: "iosd",
    id: iosd::ID,
    native: iosd::entry,
};
pub const MARKET: ProgramSpec = ProgramSpec {
    name: "market",
    id: market::ID,
    native: market::entry,
};
pub const INFERENCE: ProgramSpec = ProgramSpec {
    name: "inference",
    id: inference::ID,
    native: inference::entry,
};
pub const REWARDS: ProgramSpec = ProgramSpec {
    name: "rewards",
    id: rewards::ID,
    native: rewards::entry,
};
pub const GOVERNANCE: ProgramSpec = ProgramSpec {
    name: "governance",
    id: governance::ID,
    native: governance::entry,
};

/// Every program, in dependency order.
pub const ALL: [ProgramSpec; 5] = [IOSD, MARKET, INFERENCE, REWARDS, GOVERNANCE];
