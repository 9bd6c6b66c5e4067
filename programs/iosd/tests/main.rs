//! Program tests of `iosd` in LiteSVM (one binary; one module per instruction or concern).

mod admin;
mod config_init;
mod escrow;
mod fixture;
mod holder_open;
mod iosd_mint;
mod iosd_redeem;
mod property;
mod sizes;
mod solvency_refresh;
