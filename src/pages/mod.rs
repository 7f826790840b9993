//! One module per screen.

pub mod acces;
pub mod accueil;
pub mod compte;
pub mod connexion;
pub mod deposer;
pub mod facture;
pub mod gestionnaire;
pub mod introuvable;
pub mod mon_compte;
pub mod saisir;
pub mod sollicitations;
pub mod structures;
pub mod suivi;
pub mod tableau;
pub mod travaux;
