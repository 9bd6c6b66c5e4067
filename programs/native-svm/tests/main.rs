//! Tests of the native SVM glue, driven through the `probe` program (one binary, see TOOLCHAIN.md).

// Failed transactions are returned whole, for assertions; size does not matter in tests.
#![allow(clippy::result_large_err)]

mod cpi;
mod events;
mod loader;
mod precompile;
mod support;
