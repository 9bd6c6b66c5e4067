//! Holders: open a frozen IOSD account, mint IOSD from IO, redeem IOSD for IO.

pub mod holder_open;
pub mod iosd_mint;
pub mod iosd_redeem;

pub use holder_open::*;
pub use iosd_mint::*;
pub use iosd_redeem::*;
