//! Program tests of `inference` in LiteSVM (one binary; one module per concern).

mod config_init;
mod fixture;
mod model;
mod session;
