//! Deploying a program into a LiteSVM from its native build or from an SBF ELF file.
//!
//! `IO_SBF_DIR` chooses: unset, programs run natively; set to a folder, each program is loaded
//! from `<folder>/<name>.so`, so the same tests exercise real SBF bytecode. A relative folder is
//! taken from the workspace's root, wherever the test runs (cargo runs each test binary in its
//! own package's folder).

use std::path::PathBuf;

use litesvm::LiteSVM;
use solana_pubkey::Pubkey;

use crate::builtin::{NativeEntry, register_native};

/// Environment variable naming the folder of SBF ELF files; unset means native execution.
pub const SBF_DIR_VAR: &str = "IO_SBF_DIR";

/// A program the tests can deploy either way.
#[derive(Clone, Copy, Debug)]
pub struct ProgramSpec {
    /// File stem of the ELF (`<name>.so`), also used in messages.
    pub name: &'static str,
    pub id: Pubkey,
    pub native: NativeEntry,
}

/// Where a program's code comes from.
#[derive(Clone, Debug)]
pub enum ProgramSource {
    Native(NativeEntry),
    Elf(PathBuf),
}

impl ProgramSpec {
    /// The source chosen by `IO_SBF_DIR`.
    pub fn source_from_env(&self) -> ProgramSource {
        match std::env::var_os(SBF_DIR_VAR) {
            Some(dir) if !dir.is_empty() => {
                let dir = PathBuf::from(dir);
                let dir = if dir.is_relative() {
                    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                        .join("../..")
                        .join(dir)
                } else {
                    dir
                };
                ProgramSource::Elf(dir.join(format!("{}.so", self.name)))
            }
            _ => ProgramSource::Native(self.native),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error("program {name}: ELF file {path} could not be loaded: {reason}")]
    Elf {
        name: &'static str,
        path: PathBuf,
        reason: String,
    },
}

/// Deploys `spec` from `source` into `svm`.
pub fn deploy(
    svm: &mut LiteSVM,
    spec: &ProgramSpec,
    source: &ProgramSource,
) -> Result<(), DeployError> {
    match source {
        ProgramSource::Native(entry) => {
            svm.add_builtin(spec.id, register_native(spec.id, *entry));
            Ok(())
        }
        ProgramSource::Elf(path) => {
            svm.add_program_from_file(spec.id, path)
                .map_err(|error| DeployError::Elf {
                    name: spec.name,
                    path: path.clone(),
                    reason: error.to_string(),
                })
        }
    }
}
