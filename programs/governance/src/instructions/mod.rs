//! Instructions, grouped by concern.

pub mod admin;
pub mod position;
pub mod proposal;
pub mod vote;

pub use admin::*;
pub use position::*;
pub use proposal::*;
pub use vote::*;
