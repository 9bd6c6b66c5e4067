//! Cross-program scenarios in LiteSVM (one binary; one module per scenario).

mod governance_market;
mod token_reference;
