//! The spend interface of allowed programs (market, inference): deposit a holder's IOSD into
//! the program's escrow, pay out of it, burn from it. Each call is signed by the program's
//! `[b"iosd_spender"]` PDA, checked against the allow-list ([`spender::require_spender`]).

pub mod escrow_burn;
pub mod escrow_deposit;
pub mod escrow_pay;
mod spender;

pub use escrow_burn::*;
pub use escrow_deposit::*;
pub use escrow_pay::*;
