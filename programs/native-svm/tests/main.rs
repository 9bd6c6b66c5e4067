//! Tests of the native SVM glue, driven through the `probe` program (one binary: each test binary links a whole SVM).

// Failed transactions are returned whole, for assertions; size does not matter in tests.
#![allow(clippy::result_large_err)]

mod cpi;
mod events;
mod loader;
mod precompile;
mod support;
