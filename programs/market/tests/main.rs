//! Program tests of `market` in LiteSVM (one binary; one module per concern).

mod admin;
mod config_init;
mod device;
mod fees;
mod fees_sweep;
mod fixture;
mod guardian;
mod lease;
mod lease_batch;
mod lease_io;
mod lease_property;
mod price_book;
mod property;
mod provider;
mod sizes;
mod slash;
mod stake;
