//! Program tests of `governance` in LiteSVM (one binary; one module per instruction).

mod config_init;
