//! Program tests of `inference` in LiteSVM (one binary; one module per concern).

mod config_init;
mod direct;
mod fixture;
mod model;
mod session;
mod session_property;
mod sizes;
mod ten_thousand;
