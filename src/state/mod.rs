//! Application state shared through context: runtime settings and the user's session.

pub mod config;
pub mod session;
