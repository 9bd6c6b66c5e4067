//! Program tests of `rewards` in LiteSVM (one binary; one module per concern).

mod address_reuse;
mod admin;
pub mod block_rewards;
mod block_rewards_property;
mod config_init;
mod fixture;
mod season;
mod season_property;
mod season_review;
mod sizes;
