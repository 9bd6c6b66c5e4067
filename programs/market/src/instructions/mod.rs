//! Instructions of the market program, one per file, grouped by the accounts they act on:
//! `admin/` the configuration (roles, key sets, pauses, parameters), `price_book/` GPU classes,
//! `provider/`, `device/`, `stake/`, `slash/` and `lease/`.

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
