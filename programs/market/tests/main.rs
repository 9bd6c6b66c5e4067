//! Program tests of `market` in LiteSVM (one binary; one module per instruction).

mod config_init;
