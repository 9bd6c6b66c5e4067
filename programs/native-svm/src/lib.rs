//! Runs host-compiled Solana programs inside a real [`LiteSVM`], or loads them from SBF ELF files.
//!
//! Solana's SBF toolchain cannot be installed on our build machines, so the programs are compiled
//! for the host and registered as *builtins* of the SVM. Everything around them stays real: the
//! transaction pipeline, account locking and rent checks, the System, SPL Token and Associated
//! Token programs (real SBF bytecode in the VM), the ed25519 precompile and the sysvars.
//!
//! Three pieces make a host-compiled program behave as it would on-chain:
//! - [`builtin`]: one builtin shared by all native programs. It serialises the instruction's
//!   accounts with the real SBF ABI, calls the program's entrypoint, and writes lamports, data and
//!   owner changes back into the transaction.
//! - [`stubs`]: the syscalls a program makes (CPI, sysvars, return data, logs, stack height),
//!   routed into the SVM's invoke context, so a CPI from a native program runs the callee in the
//!   VM and an `emit_cpi!` event shows up as an inner instruction.
//! - [`loader`]: one switch between the native build and ELF files (`IO_SBF_DIR`), so the same
//!   tests run unchanged on real SBF once ELFs exist.
//!
//! What native execution does not enforce: compute units of the program itself, the 4 KiB stack
//! frame, the 32 KiB heap. Some Solana crates compile their syscalls to no-ops off-chain instead
//! of calling the stubs, so natively: `msg!` prints to stdout rather than the transaction log,
//! `emit!` is dropped (`sol_log_data`), and return data set by a program (Anchor's return values,
//! `set_return_data`) is lost. `emit_cpi!` works, so every event is an `emit_cpi!` event.

pub mod builtin;
mod context;
pub mod loader;
pub mod stubs;

pub use builtin::{NativeEntry, register_native};
pub use loader::{DeployError, ProgramSource, ProgramSpec, deploy};
