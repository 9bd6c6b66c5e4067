//! Instructions of the iosd program, one per file, grouped by the accounts they act on:
//! `admin/` the configuration, `holder/` holders' accounts (open, mint, redeem), `escrow/` the
//! spend interface of allowed programs, `solvency/` the solvency record.

pub mod admin;
pub mod escrow;
pub mod holder;
pub mod solvency;

pub use admin::*;
pub use escrow::*;
pub use holder::*;
pub use solvency::*;
