//! The text layer: positioned words and lines of a PDF's first pages.
//!
//! Content streams are run with the text state and matrices (`interprete`), strings decoded through
//! the fonts (`polices`: encodings, `/Differences`, ToUnicode, Identity-H, widths), and the resulting
//! glyphs grouped into words and lines (`mise_en_page`). Everything is bounded: pages, operators,
//! decoded sizes, Form XObject depth, glyphs.
//!
//! ```
//! let err = extract::texte::lire_pages(b"not a pdf", 3).unwrap_err();
//! assert_eq!(err, extract::texte::ErreurLecture::PasUnPdf);
//! ```

mod fichier;
mod interprete;
mod lexeur;
mod mise_en_page;
mod polices;
mod reparation;
mod tables;

pub(crate) use fichier::Fichier;

use crate::layout::Page;

/// Pages read by default, as Chorus Pro does.
pub const PAGES_PAR_DEFAUT: usize = 3;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurLecture {
    /// Occurs when the bytes do not start with a PDF header.
    #[error("not a pdf file")]
    PasUnPdf,
    /// Occurs when the document is encrypted with a user password (it cannot be opened without it).
    #[error("the pdf is protected by a password")]
    MotDePasse,
    /// Occurs when the document is encrypted with a scheme we cannot decrypt.
    #[error("unsupported pdf encryption: {0}")]
    Chiffrement(String),
    /// Occurs when the structure of the file (cross-reference table, trailer) cannot be read.
    #[error("unreadable pdf: {0}")]
    Illisible(String),
}

impl ErreurLecture {
    /// A user-facing message in French, for the SPA and the command line's `error` field.
    pub fn message(&self) -> String {
        match self {
            ErreurLecture::PasUnPdf => "Ce fichier n'est pas un PDF.".to_string(),
            ErreurLecture::MotDePasse => {
                "Ce PDF est protégé par un mot de passe : déposez une version sans mot de passe.".to_string()
            }
            ErreurLecture::Chiffrement(_) => {
                "Ce PDF est chiffré d'une façon que nous ne savons pas lire : déposez une version non chiffrée."
                    .to_string()
            }
            ErreurLecture::Illisible(_) => "Ce PDF est endommagé ou illisible.".to_string(),
        }
    }
}

/// The text layer of a document's first pages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Number of pages of the whole document (from the page tree).
    pub nombre_de_pages: u32,
    /// The first pages, in order, with their lines.
    pub pages: Vec<Page>,
}

impl Document {
    /// Whether any page has at least one word (else the document is a scan or empty).
    pub fn a_du_texte(&self) -> bool {
        self.pages.iter().any(|p| !p.lignes.is_empty())
    }
}

/// Reads the lines of the first `max_pages` pages of a PDF.
pub fn lire_pages(octets: &[u8], max_pages: usize) -> Result<Document, ErreurLecture> {
    let fichier = Fichier::ouvrir(octets)?;
    Ok(lire_pages_de(&fichier, max_pages))
}

/// Reads the lines of the first `max_pages` pages of an opened file.
pub(crate) fn lire_pages_de(fichier: &Fichier<'_>, max_pages: usize) -> Document {
    let brutes = fichier.pages(max_pages);
    let mut interprete = interprete::Interprete::new(fichier);
    let mut pages = Vec::with_capacity(brutes.len());
    for (i, brute) in brutes.iter().enumerate() {
        let bruts = interprete.page(&brute.dict, &brute.ressources);
        let (glyphes, largeur, hauteur) = interprete::redresser(bruts, brute.boite);
        pages.push(Page {
            numero: i as u32 + 1,
            largeur,
            hauteur,
            lignes: mise_en_page::lignes(glyphes),
        });
    }
    let annonce = fichier.nombre_de_pages();
    Document {
        nombre_de_pages: annonce.max(pages.len() as u32),
        pages,
    }
}

/// Number of pages of a PDF (from the page tree root's `/Count`).
pub fn pages_count(octets: &[u8]) -> Result<u32, ErreurLecture> {
    let fichier = Fichier::ouvrir(octets)?;
    let n = fichier.nombre_de_pages();
    if n > 0 {
        return Ok(n);
    }
    Ok(fichier.pages(10_000).len() as u32)
}
