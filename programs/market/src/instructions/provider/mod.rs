//! Providers: register, change payout accounts, claim earnings, close.

pub mod provider_claim;
pub mod provider_claim_io;
pub mod provider_claim_io_earnings;
pub mod provider_close;
pub mod provider_register;
pub mod provider_update;

pub use provider_claim::*;
pub use provider_claim_io::*;
pub use provider_claim_io_earnings::*;
pub use provider_close::*;
pub use provider_register::*;
pub use provider_update::*;
