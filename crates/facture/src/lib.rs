//! Invoice domain: model, EN 16931 computation, Chorus Pro validation rules and payment clock.
//!
//! **Invariant:** no IO, no network, no clock in the library (today's date is always a
//! parameter); it builds for the host and for wasm32. Only the `passerelle-validate` binary reads
//! a file and the system date.
//!
//! Modules:
//! * [`identifiant`]: `Siren`, `Siret` (La Poste rule), `TvaIntra`, `Iban`, `Bic`, `Ridet`,
//!   `Tahiti`, parsed once and valid by construction;
//! * [`montant`]: French amounts, quantities, rates and dates as typed; EN 16931 rounding;
//! * [`modele`] (re-exported here): [`Facture`] and its parts, as the SPA forms hold them;
//! * [`calcul`]: line nets, VAT breakdown and totals ([`Facture::calculer`]);
//! * [`regles`]: [`check`] returns every [`Finding`], addressed to a `soumettre` field;
//! * [`conversion`]: `Facture` ⇄ `cpro::factures::SoumettreRequest`;
//! * [`delai`]: the legal payment clock, moratory interest and indemnity;
//! * [`annuaire`]: the recipient's routing flags from the Chorus Pro directory answers;
//! * [`suivi`]: follow-up (work list, history → payment clock, CSV);
//! * [`tableau`]: the dashboard's sums by status, family and month, and lateness estimates.
//! * [`travaux`]: works pieces (situations de travaux): amounts, what is missing, validations, scheduled sending.
//!
//! ```
//! use facture::{check, Contexte, Facture, Ligne, ModePaiement};
//! use rust_decimal_macros::dec;
//!
//! let mut facture = Facture::default();
//! facture.numero_facture = "F2026-001".into();
//! facture.date_facture = chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
//! facture.destinataire.code_destinataire = "110 002 011 00044".into();
//! facture.references.mode_paiement = Some(ModePaiement::Cheque);
//! facture.lignes.push(Ligne {
//!     numero: 1,
//!     denomination: "Audit".into(),
//!     quantite: dec!(2),
//!     prix_unitaire_ht: dec!(450),
//!     taux_tva: Some(dec!(20)),
//!     ..Ligne::default()
//! });
//! facture.calculer();
//! assert_eq!(facture.totaux.montant_a_payer, dec!(1080.00));
//!
//! let aujourd_hui = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
//! let findings = check(&facture, &Contexte::new(aujourd_hui));
//! // No sum rule fires on a computed invoice; what is missing is named by its soumettre path.
//! assert!(findings.iter().all(|f| !f.rule.starts_with("BR-CO")));
//! assert!(findings.iter().any(|f| f.field == "fournisseur.idFournisseur"));
//!
//! let requete = cpro::factures::SoumettreRequest::from(&facture);
//! assert_eq!(Facture::try_from(&requete).unwrap().totaux, facture.totaux);
//! ```
#![deny(missing_docs)]

pub mod annuaire;
pub mod calcul;
pub mod conversion;
pub mod csv;
pub mod delai;
pub mod fenetre;
pub mod identifiant;
pub mod modele;
pub mod montant;
pub mod recherche;
pub mod regles;
pub mod saisie;
pub mod suivi;
pub mod tableau;
pub mod travaux;

pub use modele::*;
pub use regles::{check, Contexte, Finding, Severity};
