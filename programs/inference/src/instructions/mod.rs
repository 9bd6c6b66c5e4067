//! Instructions of the inference program, one per file, grouped by the accounts they act on:
//! `admin/` the configuration, `model/` the registry, `payment/` direct payments, `session/`
//! receipt-settled sessions; `escrow` is the money they all move.

pub mod admin;
pub mod escrow;
pub mod model;
pub mod payment;
pub mod session;

pub use admin::*;
pub use model::*;
pub use payment::*;
pub use session::*;
