//! Program tests of `governance` in LiteSVM (one binary; one module per concern).

mod config_init;
mod fixture;
mod guardian;
mod position;
mod property;
mod proposal;
mod sizes;
