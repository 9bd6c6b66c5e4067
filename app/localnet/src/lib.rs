//! The local network: surfpool (a Solana simnet with real JSON-RPC and websocket servers) started
//! in this process, with every IO program registered natively through `native-svm`, then
//! bootstrapped over RPC with the IO and IOSD mints and each program's config.
//!
//! ```ignore
//! let localnet = Localnet::start(LocalnetConfig::free_ports()?)?;
//! let rpc = localnet.rpc_client();
//! // ... talk to localnet.rpc_url / localnet.ws_url ...
//! localnet.stop()?;
//! ```

mod bootstrap;
mod runner;

pub use bootstrap::Deployment;
pub use runner::{Localnet, LocalnetConfig, LocalnetError};
