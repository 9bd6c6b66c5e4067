//! The local demo's scenario, shared by the `io-demo` binary and the end-to-end tests:
//! [`marketplace::run`] drives a small marketplace through the local network's RPC.

pub mod marketplace;
