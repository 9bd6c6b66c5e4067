//! Program tests of `iosd` in LiteSVM (one binary; one module per instruction or concern).

mod admin;
mod config_init;
mod fixture;
mod holder_open;
mod mint_iosd;
mod property;
mod redeem;
mod refresh;
mod sizes;
mod spend;
