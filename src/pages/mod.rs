//! One module per screen.

pub mod accueil;
pub mod connexion;
pub mod espaces;
pub mod introuvable;
