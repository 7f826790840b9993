//! PDF invoice field extraction: Factur-X XML when embedded, else the text layer of the first pages.
//!
//! **Invariant:** no IO, no network, no clock; builds for the host and for wasm32; never panics on input.
//!
//! Pipeline: `texte` turns the first pages' content streams into positioned words and lines
//! ([`layout::Page`]); `champs` finds the invoice fields on those lines (labels, positions, value
//! parsers in `valeurs`); `facturx` reads an embedded CII XML instead when there is one.
//! [`resultat::Extraction`] is the output of the extraction contract.
//!
//! ```
//! let r = extract::extract(b"%PDF-1.4 truncated");
//! assert_eq!(r.source, extract::resultat::Source::None);
//! assert!(r.error.is_some());
//! ```

pub mod apercu;
pub mod champs;
pub mod facturx;
pub mod format;
pub mod layout;
pub mod resultat;
pub mod texte;
pub mod ubl;
pub mod valeurs;
pub mod vers_facture;

use std::collections::BTreeMap;

use layout::Page;
use resultat::{Extraction, Fields, Provenance, Source};

/// Message for a PDF whose pages carry no text (a scan or a picture).
pub const MESSAGE_SANS_TEXTE: &str =
    "Ce PDF ne contient pas de texte (c'est sans doute une numérisation) : \
     déposez le PDF d'origine produit par votre logiciel de facturation, pas un scan.";

/// Extracts the contract's fields from the bytes of a PDF.
///
/// Factur-X first (the XML is exact), else the text layer of the first
/// [`texte::PAGES_PAR_DEFAUT`] pages, else `source: none` with a message. Never panics: errors are
/// returned in [`Extraction::error`].
pub fn extract(octets: &[u8]) -> Extraction {
    // Last line of defence on the host (the `pdf` crate is third-party code); on wasm32 panics abort,
    // so every path below is written not to panic.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extraire(octets))) {
        Ok(r) => r,
        Err(_) => echec(
            0,
            "Ce PDF n'a pas pu être lu (erreur interne du lecteur PDF).".to_string(),
        ),
    }
}

/// Message for a file that is neither a PDF nor an invoice XML.
pub const MESSAGE_FORMAT_INCONNU: &str =
    "Ce fichier n'est ni un PDF ni une facture XML (CII ou UBL) : déposez la facture au format PDF, \
     Factur-X ou XML produite par votre logiciel de facturation.";

/// A dropped invoice file: what kind it is, and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct FichierLu {
    /// `None` when the file is neither a PDF nor an invoice XML (the extraction then says why).
    pub format: Option<format::Format>,
    /// The fields: from the text layer or the embedded XML of a PDF, or from the XML itself.
    pub extraction: Extraction,
}

/// Reads any invoice file: a PDF through [`extract`], a CII or UBL XML through its reader (its values
/// are exact, so `source` is `facturx` as for an embedded XML). Never panics.
pub fn lire_fichier(octets: &[u8]) -> FichierLu {
    let format = format::reconnaitre(octets);
    let extraction = match format {
        Some(format::Format::Pdf { .. }) => extract(octets),
        Some(format::Format::Xml(syntaxe)) => {
            let lu = match syntaxe {
                format::SyntaxeXml::Cii => facturx::lire_xml(octets),
                format::SyntaxeXml::Ubl => ubl::lire_xml(octets),
            };
            match lu {
                Ok(fields) => Extraction {
                    source: Source::Facturx,
                    pages: 0,
                    error: None,
                    fields,
                    provenance: BTreeMap::new(),
                    warnings: Vec::new(),
                },
                Err(e) => echec(0, format!("Ce fichier XML n'a pas pu être lu : {e}.")),
            }
        }
        None => echec(0, MESSAGE_FORMAT_INCONNU.to_string()),
    };
    FichierLu { format, extraction }
}

fn echec(pages: u32, message: String) -> Extraction {
    Extraction {
        source: Source::None,
        pages,
        error: Some(message),
        fields: Fields::default(),
        provenance: BTreeMap::new(),
        warnings: Vec::new(),
    }
}

fn extraire(octets: &[u8]) -> Extraction {
    let fichier = match texte::Fichier::ouvrir(octets) {
        Ok(f) => f,
        Err(e) => return echec(0, e.message()),
    };
    if let Some(fields) = facturx::chercher(&fichier) {
        return Extraction {
            source: Source::Facturx,
            pages: fichier.nombre_de_pages(),
            error: None,
            fields,
            provenance: BTreeMap::new(),
            warnings: Vec::new(),
        };
    }
    let document = texte::lire_pages_de(&fichier, texte::PAGES_PAR_DEFAUT);
    if !document.a_du_texte() {
        // An encrypted file that opens but shows no text is far more often one we decrypt wrongly
        // (AES-256 in the `pdf` crate) than an encrypted scan.
        let message = if fichier.est_chiffre() {
            texte::ErreurLecture::Chiffrement(String::new()).message()
        } else {
            MESSAGE_SANS_TEXTE.to_string()
        };
        return echec(document.nombre_de_pages, message);
    }
    let (fields, provenance, warnings) = trouver_champs(&document.pages);
    Extraction {
        source: Source::Text,
        pages: document.nombre_de_pages,
        error: None,
        fields,
        provenance,
        warnings,
    }
}

/// Call site of field finding (`champs`, written by its owner): the one place to adapt if its
/// signature changes.
fn trouver_champs(pages: &[Page]) -> (Fields, BTreeMap<String, Provenance>, Vec<String>) {
    let t = champs::trouver(pages);
    (t.fields, t.provenance, t.warnings)
}
