//! The direct path: one transaction pays for one inference (or a small count) at once.

pub mod inference_pay;

pub use inference_pay::*;
