//! Program tests of `inference` in LiteSVM (one binary; one module per concern).

mod admin;
mod config_init;
mod direct;
mod fixture;
mod model;
mod session;
mod session_property;
mod session_review;
mod sizes;
mod ten_thousand;
