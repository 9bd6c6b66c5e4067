//! Program tests of `iosd` in LiteSVM (one binary; one module per instruction).

mod config_init;
