//! Reusable widgets.

pub mod garde;
pub mod panne;
