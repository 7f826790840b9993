//! One module per screen.

pub mod accueil;
pub mod compte;
pub mod connexion;
pub mod deposer;
pub mod espaces;
pub mod facture;
pub mod gestionnaire;
pub mod introuvable;
pub mod saisir;
pub mod suivi;
pub mod tableau;
