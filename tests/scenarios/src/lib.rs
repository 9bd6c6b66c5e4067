//! Cross-program scenarios: the tests in `tests/` run several programs together in LiteSVM, as a
//! deployment uses them. This library is empty; the crate exists for its test binary.
