//! Program tests of `rewards` in LiteSVM (one binary; one module per concern).

mod config_init;
mod fixture;
mod season;
mod season_property;
