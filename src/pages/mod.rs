//! One module per screen.

pub mod accueil;
pub mod connexion;
pub mod deposer;
pub mod espaces;
pub mod facture;
pub mod introuvable;
pub mod suivi;
pub mod tableau;
