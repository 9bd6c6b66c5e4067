//! Instructions of the iosd program, one per file.

pub mod admin;
pub mod burn_escrow;
pub mod holder_open;
pub mod mint_iosd;
pub mod pay_out;
pub mod redeem;
pub mod refresh;
pub mod spend;
mod spender;

pub use admin::*;
pub use burn_escrow::*;
pub use holder_open::*;
pub use mint_iosd::*;
pub use pay_out::*;
pub use redeem::*;
pub use refresh::*;
pub use spend::*;
