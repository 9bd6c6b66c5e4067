//! Program tests of `governance` in LiteSVM (one binary; one module per concern).

mod config_init;
mod fixture;
mod position;
mod property;
mod proposal;
mod sizes;
