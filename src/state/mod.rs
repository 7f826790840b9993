//! Application state shared through context: runtime settings and the user's session.

pub mod brouillons;
pub mod config;
pub mod session;
