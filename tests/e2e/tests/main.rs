//! End-to-end tests (one binary): real RPC through the local network, real Postgres.

mod account_aliasing;
mod floors;
mod localnet;
mod manifest;
mod marketplace;
mod record;
mod rpc_capabilities;
mod scripts;
mod slice;
