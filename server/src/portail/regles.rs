//! The rules of the portal's forms live in the `portail` crate, shared with the SPA.

pub use portail::*;
