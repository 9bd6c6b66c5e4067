//! Instructions of the market program, one per file, grouped by who calls them.

pub mod admin;
pub mod device;
pub mod lease;
pub mod price_book;
pub mod provider;
pub mod slash;
pub mod stake;

pub use admin::*;
pub use device::*;
pub use lease::*;
pub use price_book::*;
pub use provider::*;
pub use slash::*;
pub use stake::*;
