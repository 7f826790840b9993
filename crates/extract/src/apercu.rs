//! A page preview for the deposit screen: the page's words where they are printed, and a box around
//! each value that was read, so the user sees where every pre-filled field comes from.
//!
//! Coordinates are turned from PDF user space (origin bottom-left) into screen space (origin top-left,
//! same units), ready for an SVG whose `viewBox` is `0 0 largeur hauteur`. Only the text layer is
//! drawn (no images or vector art): the preview shows places, not the document's look.
//!
//! ```
//! use extract::apercu::Apercu;
//! use extract::layout::{Ligne, Mot, Page};
//! let page = Page {
//!     numero: 1,
//!     largeur: 595.0,
//!     hauteur: 842.0,
//!     lignes: vec![Ligne {
//!         mots: vec![Mot { texte: "FACTURE".into(), bbox: [50.0, 790.0, 120.0, 808.0] }],
//!         bbox: [50.0, 790.0, 120.0, 808.0],
//!     }],
//! };
//! let apercu = Apercu::de_la_page(&page, &Default::default());
//! assert_eq!(apercu.mots[0].y, 34.0); // 842 - 808: the top of the word, from the top of the page
//! ```

use std::collections::BTreeMap;

use crate::layout::{BBox, Page};
use crate::resultat::Provenance;

/// A rectangle in screen space: `x`, `y` of the top-left corner, width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f32,
    /// Top, from the top of the page.
    pub y: f32,
    /// Width.
    pub largeur: f32,
    /// Height.
    pub hauteur: f32,
}

impl Rect {
    fn depuis(bbox: BBox, hauteur_page: f32) -> Rect {
        Rect {
            x: bbox[0],
            y: hauteur_page - bbox[3],
            largeur: (bbox[2] - bbox[0]).max(0.0),
            hauteur: (bbox[3] - bbox[1]).max(0.0),
        }
    }
}

/// A word to draw: its text and its box.
#[derive(Debug, Clone, PartialEq)]
pub struct MotPlace {
    /// The text.
    pub texte: String,
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Box height, which is also the font size to draw it with.
    pub taille: f32,
}

/// A value read on the page, by the contract key of its field.
#[derive(Debug, Clone, PartialEq)]
pub struct Valeur {
    /// The field (`invoice_number`…).
    pub champ: String,
    /// Where it is, a little larger than the printed value so the frame does not hide it.
    pub cadre: Rect,
    /// The label that announced it, when known.
    pub libelle: Option<String>,
}

/// The preview of one page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Apercu {
    /// Page width.
    pub largeur: f32,
    /// Page height.
    pub hauteur: f32,
    /// The words.
    pub mots: Vec<MotPlace>,
    /// The values read on this page.
    pub valeurs: Vec<Valeur>,
}

/// Margin around a value's frame, in user space units.
const MARGE: f32 = 2.0;

impl Apercu {
    /// The preview of `page` with the values of `provenance` that were read on it.
    pub fn de_la_page(page: &Page, provenance: &BTreeMap<String, Provenance>) -> Apercu {
        let hauteur = page.hauteur;
        let mots = page
            .lignes
            .iter()
            .flat_map(|ligne| &ligne.mots)
            .filter(|mot| mot.bbox.iter().all(|c| c.is_finite()))
            .map(|mot| {
                let rect = Rect::depuis(mot.bbox, hauteur);
                MotPlace {
                    texte: mot.texte.clone(),
                    x: rect.x,
                    y: rect.y,
                    taille: rect.hauteur.max(1.0),
                }
            })
            .collect();
        let valeurs = provenance
            .iter()
            .filter(|(_, p)| p.page == page.numero && p.bbox.iter().all(|c| c.is_finite()))
            .map(|(champ, p)| {
                let r = Rect::depuis(p.bbox, hauteur);
                Valeur {
                    champ: champ.clone(),
                    cadre: Rect {
                        x: r.x - MARGE,
                        y: r.y - MARGE,
                        largeur: r.largeur + 2.0 * MARGE,
                        hauteur: r.hauteur + 2.0 * MARGE,
                    },
                    libelle: p.label.clone(),
                }
            })
            .collect();
        Apercu {
            largeur: page.largeur,
            hauteur,
            mots,
            valeurs,
        }
    }

    /// The first page's preview of a PDF; `None` when its text cannot be read.
    pub fn du_pdf(octets: &[u8], provenance: &BTreeMap<String, Provenance>) -> Option<Apercu> {
        let document = crate::texte::lire_pages(octets, 1).ok()?;
        let page = document.pages.first()?;
        (page.largeur > 0.0 && page.hauteur > 0.0).then(|| Apercu::de_la_page(page, provenance))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Ligne, Mot};

    fn page() -> Page {
        let mot = |texte: &str, bbox: BBox| Mot {
            texte: texte.into(),
            bbox,
        };
        Page {
            numero: 1,
            largeur: 600.0,
            hauteur: 800.0,
            lignes: vec![Ligne {
                mots: vec![
                    mot("Facture", [50.0, 700.0, 100.0, 712.0]),
                    mot("F-42", [110.0, 700.0, 140.0, 712.0]),
                ],
                bbox: [50.0, 700.0, 140.0, 712.0],
            }],
        }
    }

    fn provenance(page: u32, bbox: BBox) -> Provenance {
        Provenance {
            page,
            bbox,
            label: Some("Facture".into()),
        }
    }

    #[test]
    fn words_are_placed_from_the_top_of_the_page() {
        let apercu = Apercu::de_la_page(&page(), &BTreeMap::new());
        assert_eq!(apercu.mots.len(), 2);
        let f42 = &apercu.mots[1];
        assert_eq!(
            (f42.texte.as_str(), f42.x, f42.y, f42.taille),
            ("F-42", 110.0, 88.0, 12.0)
        );
    }

    #[test]
    fn values_of_this_page_are_framed_with_a_margin() {
        let mut prov = BTreeMap::new();
        prov.insert(
            "invoice_number".to_owned(),
            provenance(1, [110.0, 700.0, 140.0, 712.0]),
        );
        prov.insert("total_ttc".to_owned(), provenance(2, [0.0, 0.0, 1.0, 1.0]));
        let apercu = Apercu::de_la_page(&page(), &prov);
        assert_eq!(
            apercu.valeurs.len(),
            1,
            "the other page's value is not drawn here"
        );
        let v = &apercu.valeurs[0];
        assert_eq!(v.champ, "invoice_number");
        assert_eq!(
            v.cadre,
            Rect {
                x: 108.0,
                y: 86.0,
                largeur: 34.0,
                hauteur: 16.0
            }
        );
    }

    #[test]
    fn broken_boxes_are_skipped() {
        let mut p = page();
        p.lignes[0].mots[0].bbox = [f32::NAN, 0.0, 1.0, 1.0];
        let mut prov = BTreeMap::new();
        prov.insert(
            "x".to_owned(),
            provenance(1, [0.0, f32::INFINITY, 1.0, 1.0]),
        );
        let apercu = Apercu::de_la_page(&p, &prov);
        assert_eq!(apercu.mots.len(), 1);
        assert!(apercu.valeurs.is_empty());
    }

    #[test]
    fn garbage_is_no_preview_not_a_panic() {
        assert_eq!(Apercu::du_pdf(b"not a pdf", &BTreeMap::new()), None);
        assert_eq!(Apercu::du_pdf(b"%PDF-1.4\n%%EOF", &BTreeMap::new()), None);
    }
}
