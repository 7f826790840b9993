//! Chorus Pro wire types: serde structs with the exact field names of the official AIFE swaggers.
//!
//! **Invariant:** only this crate spells Chorus Pro JSON names; the SPA and the server use its types.
