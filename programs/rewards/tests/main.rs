//! Program tests of `rewards` in LiteSVM (one binary; one module per concern).

mod config_init;
mod distributor;
mod distributor_property;
mod fixture;
mod season;
mod season_property;
mod sizes;
