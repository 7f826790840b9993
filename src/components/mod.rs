//! Reusable widgets.

pub mod garde;
pub mod kiosque;
pub mod panne;
