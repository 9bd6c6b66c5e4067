//! Tests of the native SVM glue, driven through the `probe` program (one binary, see TOOLCHAIN.md).

mod cpi;
mod events;
mod loader;
mod precompile;
mod support;
