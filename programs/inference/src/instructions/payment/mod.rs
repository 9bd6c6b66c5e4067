//! The direct path: one transaction pays for one inference (or a small count) at once; and the
//! burn of what payments and settlements accrue to burn.

pub mod burn_sweep;
pub mod inference_pay;

pub use burn_sweep::*;
pub use inference_pay::*;
