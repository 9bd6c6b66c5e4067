//! Sessions: a user funds an escrow for one model served by one provider and names a session
//! key; the key signs ed25519 receipts for cumulative amounts; anyone submits the latest one and
//! the program pays `min(owed, funded) − settled`. The user can request the close; after the
//! timeout (from the request) anyone finalises and the rest is refunded.

pub mod receipt;
pub mod session_close_request;
pub mod session_finalize;
pub mod session_open;
pub mod session_settle;
pub mod session_top_up;
pub mod settlement;

pub use session_close_request::*;
pub use session_finalize::*;
pub use session_open::*;
pub use session_settle::*;
pub use session_top_up::*;
