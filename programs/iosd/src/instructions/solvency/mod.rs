//! The solvency record: recomputed from a price update by anyone.

pub mod solvency_refresh;

pub use solvency_refresh::*;
