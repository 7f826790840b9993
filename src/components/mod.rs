//! Reusable widgets.

pub mod garde;
pub mod integration;
pub mod kiosque;
pub mod panne;
