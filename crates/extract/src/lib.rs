//! PDF invoice field extraction: Factur-X XML when embedded, else the text layer of the first pages.
//!
//! **Invariant:** no IO, no network, no clock; builds for the host and for wasm32; never panics on input.
//!
//! Pipeline: `texte` turns the first pages' content streams into positioned words and lines
//! ([`layout::Page`]); `champs` finds the invoice fields on those lines (labels, positions, value
//! parsers in `valeurs`); `facturx` reads an embedded CII XML instead when there is one.
//! [`resultat::Extraction`] is the output of the extraction contract.

pub mod champs;
pub mod facturx;
pub mod layout;
pub mod resultat;
pub mod texte;
pub mod valeurs;
