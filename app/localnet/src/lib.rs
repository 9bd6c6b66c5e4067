//! The local network: surfpool (a Solana simnet with real JSON-RPC and websocket servers) started
//! in this process, with every IO program registered natively through `native-svm`, then
//! bootstrapped over RPC with the IO and IOSD mints, each program's config (governed by the
//! governance program, with a named parameter [`Profile`]) and the roles other processes act
//! as. With a manifest path it writes the deployment manifest
//! ([`io_client::manifest`]) and the roles' keypair files; its price keeper keeps an IO/USD
//! price fresh at a fixed address ([`price_keeper`]).
//!
//! ```ignore
//! let localnet = Localnet::start(LocalnetConfig::free_ports()?)?;
//! let rpc = localnet.rpc_client();
//! // ... talk to localnet.rpc_url / localnet.ws_url ...
//! localnet.stop()?;
//! ```

mod bootstrap;
pub mod clock;
pub mod governance;
mod grpc;
mod manifest;
pub mod price_keeper;
mod runner;

pub use bootstrap::{
    Deployment, FAUCET_IO_BASE, GOVERNANCE_LAMPORTS, ORACLES, REWARD_VAULT_IO_BASE,
};
pub use governance::Council;
pub use io_client::defaults::Profile;
pub use price_keeper::{PriceError, PriceKeeper, PriceSetting};
pub use runner::{Localnet, LocalnetConfig, LocalnetError};
