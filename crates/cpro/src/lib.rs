//! Chorus Pro wire types: serde structs with the exact field names of the official AIFE swaggers.
//!
//! **Invariant:** only this crate spells Chorus Pro JSON names; the SPA and the server use its types.
//!
//! **Invariant:** no IO, no clock; builds for the host and for wasm32.
//!
//! Modules, one per Chorus Pro API plus the shared pieces:
//! * [`factures`]: `soumettre`, `deposer/pdf`, `deposer/flux`, the supplier searches, `consulter/fournisseur`,
//!   `consulter/historique`, `recycler`, `completer`, `traiterRejet`, `corriger/valideur/facture`,
//!   `telecharger/groupe` (official swagger `shared/chorus-pro/swagger/factures.json`);
//! * [`structures`]: the directory (official swagger `structures.json`);
//! * [`transverses`], [`utilisateurs`]: attachments, reference lists, deposit reports, attachments of
//!   the user (no swagger: go-choruspro's names);
//! * [`codes`]: the code lists ([`StatutFacture`] and its labels and follow-up helpers);
//! * [`limites`]: sizes, lengths, character sets and known `codeRetour` values, with their sources;
//! * [`Retour`] and the [`Reponse`] trait every answer implements.
//!
//! Conventions, the same in every module:
//! * struct fields are the wire keys in snake_case (`numeroFactureSaisi` ↔ `numero_facture_saisi`);
//!   optional keys are `Option` and omitted when `None`; lists are `Vec`, omitted when empty,
//!   read from `null` as empty;
//! * amounts are [`rust_decimal::Decimal`] written as JSON numbers from their decimal text
//!   (never through f64) and read from numbers or strings; serialise with `serde_json::to_string`
//!   or `to_vec` (`serde_json::to_value` would turn them into f64);
//! * dates are [`chrono::NaiveDate`] written `YYYY-MM-DD`, read leniently (a time part is ignored);
//!   date-times are kept verbatim as [`DateHeure`];
//! * code lists are enums whose variants are the exact codes, with an `Autre(String)` fallback
//!   (see [`codes`]).
//!
//! ```
//! use cpro::factures::{Destinataire, ModeDepot, SoumettreRequest};
//!
//! let requete = SoumettreRequest {
//!     mode_depot: Some(ModeDepot::DEPOT_PDF_API),
//!     numero_facture_saisi: Some("F-2026-001".to_owned()),
//!     destinataire: Some(Destinataire {
//!         code_destinataire: Some("11000201100044".to_owned()),
//!         ..Default::default()
//!     }),
//!     ..Default::default()
//! };
//! let json = serde_json::to_string(&requete).unwrap();
//! assert_eq!(
//!     json,
//!     r#"{"modeDepot":"DEPOT_PDF_API","numeroFactureSaisi":"F-2026-001","destinataire":{"codeDestinataire":"11000201100044"}}"#
//! );
//! ```

#![deny(missing_docs)]

pub mod codes;
pub mod factures;
pub mod limites;
mod retour;
pub mod structures;
pub mod transverses;
pub mod utilisateurs;
mod wire;

pub use codes::StatutFacture;
pub use factures::{SoumettreRequest, SoumettreResponse};
pub use retour::{Reponse, Retour};
pub use wire::{DateHeure, DateHeureError};
