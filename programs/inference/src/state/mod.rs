//! Accounts owned by the inference program, one per file.

pub mod config;
pub mod model;
pub mod session;

pub use config::*;
pub use model::*;
pub use session::*;
