//! Program tests of `rewards` in LiteSVM (one binary; one module per instruction).

mod config_init;
