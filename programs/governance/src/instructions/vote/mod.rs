//! Votes: a position votes once per proposal (its marker account proves it), with its power at
//! that moment; after the vote the marker closes and the position's active votes go down.

pub mod vote_cast;
pub mod vote_relinquish;

pub use vote_cast::*;
pub use vote_relinquish::*;
