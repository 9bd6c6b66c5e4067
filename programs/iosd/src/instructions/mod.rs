//! Instructions, grouped by who may call them.

pub mod admin;

pub use admin::*;
