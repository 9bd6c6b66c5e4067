//! The programs of the protocol (io-client's specs), each deployable natively or from its ELF,
//! and the test-only programs.

use native_svm::ProgramSpec;

pub use io_client::native::{ALL, GOVERNANCE, INFERENCE, IOSD, MARKET, REWARDS};

/// The test-only spender probe: calls iosd's spend interface by CPI as an allowed program does.
pub const SPENDER_PROBE: ProgramSpec = ProgramSpec {
    name: "spender_probe",
    id: spender_probe::ID,
    native: spender_probe::entry,
};

/// Programs deployed in tests only, never on the local network or a cluster.
pub const TEST_ONLY: [ProgramSpec; 1] = [SPENDER_PROBE];
