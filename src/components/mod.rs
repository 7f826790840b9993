//! Reusable widgets.

pub mod envoi;
pub mod formulaire;
pub mod garde;
pub mod integration;
pub mod kiosque;
pub mod notifications;
pub mod panne;
pub mod pieces_jointes;
