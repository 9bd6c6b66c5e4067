//! The programs of the protocol, each deployable natively or from its ELF.

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

/// The test-only spender probe: calls iosd's spend interface by CPI as an allowed program does.
pub const SPENDER_PROBE: ProgramSpec = ProgramSpec {
    name: "spender_probe",
    id: spender_probe::ID,
    native: spender_probe::entry,
};

/// Programs deployed in tests only, never on the local network or a cluster.
pub const TEST_ONLY: [ProgramSpec; 1] = [SPENDER_PROBE];
