//! Application state shared through context: runtime settings, the user's session, the local drafts
//! and the embedding in a host page.

pub mod acheteurs;
pub mod brouillons;
pub mod config;
pub mod integration;
pub mod session;
