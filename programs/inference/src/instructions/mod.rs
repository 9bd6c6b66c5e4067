//! Instructions, grouped by who may call them.

pub mod admin;
pub mod escrow;
pub mod model;
pub mod payment;
pub mod session;

pub use admin::*;
pub use escrow::IosdAccounts;
pub use model::*;
pub use payment::*;
pub use session::*;
