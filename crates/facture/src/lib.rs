//! Invoice domain: model, EN 16931 computation, Chorus Pro validation rules and payment clock.
//!
//! **Invariant:** no IO, no network, no clock (today's date is always a parameter); builds for the
//! host and for wasm32.
//!
//! ```
//! use facture::identifiant::Siret;
//! let siret = Siret::parse("110 002 011 00044").unwrap();
//! assert_eq!(siret.to_string(), "11000201100044");
//! ```
#![deny(missing_docs)]

pub mod calcul;
pub mod conversion;
pub mod delai;
pub mod identifiant;
pub mod modele;
pub mod montant;
pub mod regles;

pub use modele::*;
