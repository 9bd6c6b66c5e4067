//! Program tests of `inference` in LiteSVM (one binary; one module per instruction).

mod config_init;
mod model;
