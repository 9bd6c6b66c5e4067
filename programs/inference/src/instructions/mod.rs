//! Instructions, grouped by who may call them.

pub mod admin;
pub mod model;

pub use admin::*;
pub use model::*;
