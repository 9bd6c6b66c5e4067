//! Instructions of the governance program, one per file, grouped by the accounts they act on:
//! `admin/` the configuration, `position/` locked IO, `proposal/` and `vote/`.

pub mod admin;
pub mod position;
pub mod proposal;
pub mod vote;

pub use admin::*;
pub use position::*;
pub use proposal::*;
pub use vote::*;
