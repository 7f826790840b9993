//! Field finding: invoice fields read from the positioned lines of the text layer.
//!
//! The words of each page are regrouped into rows (shared baseline, whatever lines the text layer
//! made) and cells (runs of words; a gap wider than about one em starts a new cell). Labels from a French and English lexicon
//! announce values found after them in the same cell, in the next cell to the right, or in the
//! cell just below that overlaps the label's column; values are parsed by [`crate::valeurs`],
//! identifiers validated with `facture::identifiant`, parties told apart by sections (« Facturé à »,
//! « Client »…), legal mentions (RCS, VAT number) and the State's single SIRET, and totals chosen so
//! that they add up (HT + TVA = TTC, breakdown sums).
//!
//! ```
//! use extract::champs::trouver;
//! use extract::layout::{Ligne, Mot, Page};
//! let mots = vec![
//!     Mot { texte: "Total".into(), bbox: [40.0, 100.0, 70.0, 110.0] },
//!     Mot { texte: "TTC".into(), bbox: [73.0, 100.0, 95.0, 110.0] },
//!     Mot { texte: "120,00".into(), bbox: [300.0, 100.0, 330.0, 110.0] },
//! ];
//! let ligne = Ligne { bbox: [40.0, 100.0, 330.0, 110.0], mots };
//! let page = Page { numero: 1, largeur: 595.0, hauteur: 842.0, lignes: vec![ligne] };
//! assert_eq!(trouver(&[page]).fields.total_ttc.as_deref(), Some("120.00"));
//! ```

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::layout::{BBox, Page};
use crate::resultat::{Fields, LineItem, Provenance, VatEntry};
use crate::valeurs;

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
    let document = Document::depuis(pages);
    let mut collecte = Collecte::default();
    for idx in 0..document.rangees.len() {
        collecte.lire_rangee(&document, idx);
    }
    collecte.lire_tableaux_tva(&document);
    collecte.lire_mentions_legales(&document);
    collecte.lire_ibans(&document);
    collecte.lire_lignes(&document);
    collecte.resoudre(&document)
}

// ---------------------------------------------------------------------------------------------------
// Rows and cells

/// A word of a row (possibly cut out of a word of the text layer, see [`couper_apres_deux_points`]).
#[derive(Debug, Clone)]
struct MotN {
    texte: String,
    bbox: BBox,
}

/// A row: words sharing a baseline on one page, left to right, cut into cells.
#[derive(Debug, Clone)]
struct Rangee {
    page: u32,
    hauteur_page: f32,
    mots: Vec<MotN>,
    /// Word index ranges `[debut, fin)` of the cells, left to right. Invariant: never empty ranges.
    cellules: Vec<(usize, usize)>,
    /// Typical word height (font size) of the row.
    h: f32,
    /// Tokens: (word index, normalised token), empty tokens left out.
    jetons: Vec<(usize, String)>,
    /// Whether the row is the heading of the invoice lines table (labels there are column titles).
    entete_lignes: bool,
    /// Labels found on the row, left to right.
    libelles: Vec<Libelle>,
}

impl Rangee {
    fn y(&self) -> f32 {
        self.mots
            .first()
            .map_or(0.0, |m| (m.bbox[1] + m.bbox[3]) / 2.0)
    }

    fn cellule_de(&self, mot: usize) -> Option<usize> {
        self.cellules
            .iter()
            .position(|(debut, fin)| (*debut..*fin).contains(&mot))
    }

    fn bbox_mots(&self, debut: usize, fin: usize) -> Option<BBox> {
        union(self.mots.get(debut..fin)?.iter().map(|m| m.bbox))
    }
}

#[derive(Debug, Default)]
struct Document {
    rangees: Vec<Rangee>,
}

impl Document {
    fn depuis(pages: &[Page]) -> Document {
        let mut rangees = Vec::new();
        for page in pages {
            let mut mots: Vec<MotN> = page
                .lignes
                .iter()
                .flat_map(|l| l.mots.iter())
                .filter(|m| !m.texte.trim().is_empty())
                .filter(|m| m.bbox.iter().all(|v| v.is_finite()))
                .flat_map(|m| couper_apres_deux_points(m.texte.trim(), m.bbox))
                .flat_map(|m| couper_libelle_colle(&m.texte, m.bbox))
                .collect();
            // Top to bottom by the word's vertical centre.
            mots.sort_by(|a, b| centre_y(&b.bbox).total_cmp(&centre_y(&a.bbox)));
            let mut groupes: Vec<Vec<MotN>> = Vec::new();
            for mot in mots {
                let h = hauteur(&mot.bbox).max(1.0);
                let rejoint = groupes
                    .last()
                    .and_then(|g| g.first())
                    .is_some_and(|premier| {
                        let h_ref = hauteur(&premier.bbox).max(h);
                        (centre_y(&premier.bbox) - centre_y(&mot.bbox)).abs() <= 0.5 * h_ref
                    });
                match groupes.last_mut() {
                    Some(groupe) if rejoint => groupe.push(mot),
                    _ => groupes.push(vec![mot]),
                }
            }
            // Second pass: each word goes to the row whose median centre is nearest, so that a
            // word between two rows joins the one it shares a baseline with, not the first seen.
            let centres: Vec<f32> = groupes
                .iter()
                .map(|g| {
                    let mut c: Vec<f32> = g.iter().map(|m| centre_y(&m.bbox)).collect();
                    c.sort_by(f32::total_cmp);
                    c.get(c.len() / 2).copied().unwrap_or(0.0)
                })
                .collect();
            let mut lignes: Vec<Vec<MotN>> = vec![Vec::new(); groupes.len()];
            for (i, groupe) in groupes.into_iter().enumerate() {
                for mot in groupe {
                    let y = centre_y(&mot.bbox);
                    let proche = (i.saturating_sub(1)..=i + 1)
                        .filter(|j| *j < centres.len())
                        .min_by(|a, b| {
                            let da = centres.get(*a).map_or(f32::MAX, |c| (c - y).abs());
                            let db = centres.get(*b).map_or(f32::MAX, |c| (c - y).abs());
                            da.total_cmp(&db)
                        })
                        .unwrap_or(i);
                    if let Some(ligne) = lignes.get_mut(proche) {
                        ligne.push(mot);
                    }
                }
            }
            for mut groupe in lignes.into_iter().filter(|g| !g.is_empty()) {
                groupe.sort_by(|a, b| a.bbox[0].total_cmp(&b.bbox[0]));
                rangees.push(Rangee::nouvelle(page, groupe));
            }
        }
        Document { rangees }
    }
}

impl Rangee {
    fn nouvelle(page: &Page, mots: Vec<MotN>) -> Rangee {
        let mut hauteurs: Vec<f32> = mots.iter().map(|m| hauteur(&m.bbox)).collect();
        hauteurs.sort_by(f32::total_cmp);
        // Character widths stand in for the font size when a text layer gives flat boxes.
        let mut chasses: Vec<f32> = mots
            .iter()
            .map(|m| (m.bbox[2] - m.bbox[0]) / m.texte.chars().count().max(1) as f32)
            .collect();
        chasses.sort_by(f32::total_cmp);
        let chasse = chasses.get(chasses.len() / 2).copied().unwrap_or(5.0);
        let h = hauteurs
            .get(hauteurs.len() / 2)
            .copied()
            .unwrap_or(10.0)
            .max(1.8 * chasse)
            .max(4.0);
        // A gap wider than about two spaces separates cells: label and value columns are spaced wider
        // than words, while a label followed by its value in running text keeps one space.
        let seuil = 0.9 * h;
        let mut cellules = Vec::new();
        let mut debut = 0;
        for i in 1..mots.len() {
            let gap = match (mots.get(i - 1), mots.get(i)) {
                (Some(a), Some(b)) => b.bbox[0] - a.bbox[2],
                _ => 0.0,
            };
            if gap > seuil {
                cellules.push((debut, i));
                debut = i;
            }
        }
        if debut < mots.len() {
            cellules.push((debut, mots.len()));
        }
        let mut jetons = Vec::new();
        for (i, mot) in mots.iter().enumerate() {
            for jeton in normaliser_mot(&mot.texte) {
                jetons.push((i, jeton));
            }
        }
        let a = |mots_cles: &[&str]| jetons.iter().any(|(_, j)| mots_cles.contains(&j.as_str()));
        let entete_lignes = a(&[
            "designation",
            "description",
            "libelle",
            "article",
            "prestation",
        ]) && a(&[
            "qte",
            "quantite",
            "qty",
            "quantity",
            "qt",
            "pu",
            "prix",
            "unitaire",
            "price",
            "quantites",
        ]);
        let mut rangee = Rangee {
            page: page.numero,
            hauteur_page: page.hauteur,
            mots,
            cellules,
            h,
            jetons,
            entete_lignes,
            libelles: Vec::new(),
        };
        rangee.libelles = libelles_de(&rangee);
        rangee
    }
}

/// Cuts a word after each colon followed by more text ("destinataire:2128…", ":20/12/2025"), so
/// that a label glued to its value by the text layer still reads as label, then value. The box is
/// shared in proportion to the characters.
fn couper_apres_deux_points(texte: &str, bbox: BBox) -> Vec<MotN> {
    let n_total = texte.chars().count().max(1) as f32;
    let largeur = bbox[2] - bbox[0];
    let mut sortie = Vec::new();
    let mut debut_car = 0usize;
    let mut morceau = String::new();
    let caracteres: Vec<char> = texte.chars().collect();
    for (i, c) in caracteres.iter().enumerate() {
        morceau.push(*c);
        let coupe = *c == ':'
            && caracteres
                .get(i + 1)
                .is_some_and(|s| *s != ':' && *s != '/');
        if coupe || i + 1 == caracteres.len() {
            let x0 = bbox[0] + largeur * debut_car as f32 / n_total;
            let x1 = bbox[0] + largeur * (i + 1) as f32 / n_total;
            sortie.push(MotN {
                texte: std::mem::take(&mut morceau),
                bbox: [x0, bbox[1], x1, bbox[3]],
            });
            debut_car = i + 1;
        }
    }
    sortie
}

/// Cuts a word where a label's last word runs into its value without a space ("Date21",
/// "client195", "n°AVR006771", "commande1144860923"): after a degree sign, or where a lower-case
/// word that ends some label of the lexicon meets a digit.
fn couper_libelle_colle(texte: &str, bbox: BBox) -> Vec<MotN> {
    let caracteres: Vec<char> = texte.chars().collect();
    let coupe = caracteres.iter().enumerate().find_map(|(i, c)| {
        let suivant = caracteres.get(i + 1)?;
        if matches!(c, '°' | 'º') && suivant.is_alphanumeric() {
            return Some(i + 1);
        }
        // "commande1144860923", "commandeEJ438041" (an upper-case value with digits).
        let valeur_collee = suivant.is_ascii_digit()
            || (suivant.is_uppercase()
                && caracteres
                    .get(i + 1..)
                    .is_some_and(|r| r.iter().any(|x| x.is_ascii_digit())));
        if c.is_lowercase() && valeur_collee {
            let prefixe: String = caracteres.get(..=i)?.iter().collect();
            let jetons = normaliser_mot(&prefixe);
            let dernier = jetons.last()?;
            let fin_de_libelle = LEXIQUE
                .iter()
                .any(|e| e.libelle.rsplit(' ').next() == Some(dernier.as_str()));
            return fin_de_libelle.then_some(i + 1);
        }
        None
    });
    let Some(coupe) = coupe else {
        return vec![MotN {
            texte: texte.to_owned(),
            bbox,
        }];
    };
    let n_total = caracteres.len().max(1) as f32;
    let x = bbox[0] + (bbox[2] - bbox[0]) * coupe as f32 / n_total;
    let avant: String = caracteres.iter().take(coupe).collect();
    let apres: String = caracteres.iter().skip(coupe).collect();
    vec![
        MotN {
            texte: avant,
            bbox: [bbox[0], bbox[1], x, bbox[3]],
        },
        MotN {
            texte: apres,
            bbox: [x, bbox[1], bbox[2], bbox[3]],
        },
    ]
}

fn centre_y(b: &BBox) -> f32 {
    (b[1] + b[3]) / 2.0
}

fn hauteur(b: &BBox) -> f32 {
    (b[3] - b[1]).abs()
}

fn union(boites: impl Iterator<Item = BBox>) -> Option<BBox> {
    boites.fold(None, |acc, b| {
        Some(match acc {
            None => b,
            Some(a) => [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ],
        })
    })
}

/// Normalises a word into label tokens: lower case, no accents, `n°`/`numéro` → `no`, punctuation
/// dropped (apostrophes kept, hyphens joined).
fn normaliser_mot(texte: &str) -> Vec<String> {
    let mut sortie = Vec::new();
    if texte.trim_end_matches(':') == "#" {
        sortie.push("no".to_owned());
        return sortie;
    }
    let minuscule: String = texte
        .to_lowercase()
        .chars()
        .map(valeurs::sans_accent)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    let morceaux: Vec<&str> = minuscule.split(['°', 'º']).collect();
    let n = morceaux.len();
    for (i, morceau) in morceaux.iter().enumerate() {
        let mut jeton: String = morceau
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '%')
            .collect();
        if i + 1 < n && !jeton.is_empty() {
            // The part before a degree sign is "n" (n°): a number label.
            jeton.push('o');
        }
        let jeton = jeton.trim_matches('\'').to_owned();
        if jeton.is_empty() {
            continue;
        }
        let jeton = match jeton.as_str() {
            "numero" | "num" | "nr" | "n" | "nro" => "no".to_owned(),
            _ => jeton,
        };
        sortie.push(jeton);
    }
    sortie
}

// ---------------------------------------------------------------------------------------------------
// Lexicon

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Partie {
    Fournisseur,
    Destinataire,
    Inconnue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cible {
    NumeroFacture {
        avoir: bool,
    },
    DateFacture,
    Siret(Partie),
    Tva(Partie),
    CodeService,
    Engagement,
    Marche,
    TotalHt,
    TotalTva,
    TotalTtc,
    NetAPayer,
    Acompte,
    Iban,
    Section(Partie),
    TitreAvoir,
    Franchise,
    /// A label that announces something we do not want (due date, customer number…): it stops
    /// other labels from reading its value.
    Ignorer,
}

/// One lexicon entry: tokens (as [`normaliser_mot`] gives them), target, whether it must start a
/// cell (short, ambiguous words), priority among labels of the same field.
struct Entree {
    libelle: &'static str,
    cible: Cible,
    debut_cellule: bool,
    priorite: i32,
}

const fn e(libelle: &'static str, cible: Cible, debut_cellule: bool, priorite: i32) -> Entree {
    Entree {
        libelle,
        cible,
        debut_cellule,
        priorite,
    }
}

use Cible::*;
use Partie::{Destinataire as Dest, Fournisseur as Four, Inconnue};

/// Labels, French and English, after Chorus Pro's recommended keywords and usual invoice wordings.
/// Written as normalised tokens (no accents, `n°` → `no`, hyphens removed).
const LEXIQUE: &[Entree] = &[
    // Invoice number (BT-1).
    e("facture no", NumeroFacture { avoir: false }, false, 3),
    e("no de facture", NumeroFacture { avoir: false }, false, 3),
    e("no facture", NumeroFacture { avoir: false }, false, 3),
    e("no de la facture", NumeroFacture { avoir: false }, false, 3),
    e("ref facture", NumeroFacture { avoir: false }, false, 3),
    e("ref de facture", NumeroFacture { avoir: false }, false, 3),
    e(
        "reference facture",
        NumeroFacture { avoir: false },
        false,
        3,
    ),
    e(
        "reference de facture",
        NumeroFacture { avoir: false },
        false,
        3,
    ),
    e(
        "reference de la facture",
        NumeroFacture { avoir: false },
        false,
        3,
    ),
    e("invoice no", NumeroFacture { avoir: false }, false, 3),
    e("invoice number", NumeroFacture { avoir: false }, false, 3),
    e("invoice ref", NumeroFacture { avoir: false }, false, 3),
    e(
        "invoice reference",
        NumeroFacture { avoir: false },
        false,
        3,
    ),
    e("invoice id", NumeroFacture { avoir: false }, false, 3),
    e("avoir no", NumeroFacture { avoir: true }, false, 3),
    e("no d'avoir", NumeroFacture { avoir: true }, false, 3),
    e("no de l'avoir", NumeroFacture { avoir: true }, false, 3),
    e("no avoir", NumeroFacture { avoir: true }, false, 3),
    e("ref avoir", NumeroFacture { avoir: true }, false, 3),
    e("credit note no", NumeroFacture { avoir: true }, false, 3),
    e(
        "credit note number",
        NumeroFacture { avoir: true },
        false,
        3,
    ),
    e(
        "facture d'avoir no",
        NumeroFacture { avoir: true },
        false,
        3,
    ),
    e("facture", NumeroFacture { avoir: false }, true, 1),
    e("invoice", NumeroFacture { avoir: false }, true, 1),
    e("no", NumeroFacture { avoir: false }, true, 0),
    // Titles of a credit note.
    e("avoir", TitreAvoir, true, 0),
    e("facture d'avoir", TitreAvoir, true, 0),
    e("credit note", TitreAvoir, true, 0),
    e("note de credit", TitreAvoir, true, 0),
    // Issue date (BT-2).
    e("date de facture", DateFacture, false, 3),
    e("date de facturation", DateFacture, false, 3),
    e("date d'edition", DateFacture, false, 3),
    e("date de l'emission", DateFacture, false, 3),
    e("facture le", DateFacture, false, 2),
    e("facturee le", DateFacture, false, 2),
    e("date facturation", DateFacture, false, 3),
    e("date facture", DateFacture, false, 3),
    e("date de la facture", DateFacture, false, 3),
    e("date d'emission", DateFacture, false, 3),
    e("date emission", DateFacture, false, 3),
    e("emise le", DateFacture, false, 3),
    e("date de l'avoir", DateFacture, false, 3),
    e("date d'avoir", DateFacture, false, 3),
    e("date avoir", DateFacture, false, 3),
    e("invoice date", DateFacture, false, 3),
    e("date of invoice", DateFacture, false, 3),
    e("date of issue", DateFacture, false, 3),
    e("issue date", DateFacture, false, 3),
    e("credit note date", DateFacture, false, 3),
    e("date", DateFacture, true, 1),
    e("le", DateFacture, true, 1),
    // "Facture n° F-1 du 03/11/2025", "Toulouse, le 3 novembre 2025": weakest, read only when no
    // other date label is printed; dates of other events are caught by the longer labels below.
    e("du", DateFacture, false, 0),
    e("le", DateFacture, false, 0),
    e("facture du", DateFacture, false, 2),
    e("avoir du", DateFacture, false, 2),
    e("fait le", DateFacture, false, 2),
    e("dated", DateFacture, true, 1),
    // Dates and numbers that are not the ones we want.
    e("date d'echeance", Ignorer, false, 0),
    e("date echeance", Ignorer, false, 0),
    e("echeance", Ignorer, false, 0),
    e("due date", Ignorer, false, 0),
    e("payment due", Ignorer, false, 0),
    e("date limite de paiement", Ignorer, false, 0),
    e("date de paiement", Ignorer, false, 0),
    e("date de reglement", Ignorer, false, 0),
    e("payment date", Ignorer, false, 0),
    e("date de livraison", Ignorer, false, 0),
    e("delivery date", Ignorer, false, 0),
    e("date de commande", Ignorer, false, 0),
    e("order date", Ignorer, false, 0),
    e("date de prestation", Ignorer, false, 0),
    e("date d'execution", Ignorer, false, 0),
    e("date de la commande", Ignorer, false, 0),
    e("periode", Ignorer, false, 0),
    e("periode du", Ignorer, false, 0),
    e("prestation du", Ignorer, false, 0),
    e("prestations du", Ignorer, false, 0),
    e("livraison du", Ignorer, false, 0),
    e("livre le", Ignorer, false, 0),
    e("commande du", Ignorer, false, 0),
    e("bon de commande du", Ignorer, false, 0),
    e("bon de livraison du", Ignorer, false, 0),
    e("devis du", Ignorer, false, 0),
    e("facture d'origine du", Ignorer, false, 0),
    e("payable le", Ignorer, false, 0),
    e("a payer avant le", Ignorer, false, 0),
    e("a regler avant le", Ignorer, false, 0),
    e("payable avant le", Ignorer, false, 0),
    e("conditions de paiement", Ignorer, false, 0),
    e("conditions de reglement", Ignorer, false, 0),
    e("mode de paiement", Ignorer, false, 0),
    e("mode de reglement", Ignorer, false, 0),
    e("payment terms", Ignorer, false, 0),
    e("delai de paiement", Ignorer, false, 0),
    e("a regler le", Ignorer, false, 0),
    e("a payer le", Ignorer, false, 0),
    e("avant le", Ignorer, false, 0),
    e("paye le", Ignorer, false, 0),
    e("regle le", Ignorer, false, 0),
    e("echeance le", Ignorer, false, 0),
    e("echeance du", Ignorer, false, 0),
    e("date de debut", Ignorer, false, 0),
    e("date de fin", Ignorer, false, 0),
    e("date d'intervention", Ignorer, false, 0),
    e("date de la prestation", Ignorer, false, 0),
    e("date du bon de commande", Ignorer, false, 0),
    e("date de valeur", Ignorer, false, 0),
    e("date d'envoi", Ignorer, false, 0),
    e("date limite", Ignorer, false, 0),
    e("date d'exigibilite", Ignorer, false, 0),
    e("date de depot", Ignorer, false, 0),
    e("service period", Ignorer, false, 0),
    e("supply date", Ignorer, false, 0),
    e("date of supply", Ignorer, false, 0),
    e("shipping date", Ignorer, false, 0),
    e("period", Ignorer, false, 0),
    e("no client", Ignorer, false, 0),
    e("client no", Ignorer, false, 0),
    e("code client", Ignorer, false, 0),
    e("ref client", Ignorer, false, 0),
    e("reference client", Ignorer, false, 0),
    e("customer no", Ignorer, false, 0),
    e("customer number", Ignorer, false, 0),
    e("customer id", Ignorer, false, 0),
    e("account no", Ignorer, false, 0),
    e("facture d'origine", Ignorer, false, 0),
    e("ref facture d'origine", Ignorer, false, 0),
    e("reference facture d'origine", Ignorer, false, 0),
    e("reference de la facture d'origine", Ignorer, false, 0),
    e("no facture d'origine", Ignorer, false, 0),
    e("no de facture d'origine", Ignorer, false, 0),
    e("no de la facture d'origine", Ignorer, false, 0),
    e("facture d'origine no", Ignorer, false, 0),
    e("facture initiale no", Ignorer, false, 0),
    e("facture rectifiee no", Ignorer, false, 0),
    e("facture concernee", Ignorer, false, 0),
    e("date de la facture d'origine", Ignorer, false, 0),
    e("date de facture d'origine", Ignorer, false, 0),
    e("date facture d'origine", Ignorer, false, 0),
    e("date de la facture initiale", Ignorer, false, 0),
    e("corrected invoice", Ignorer, false, 0),
    e("related invoice", Ignorer, false, 0),
    e("original invoice no", Ignorer, false, 0),
    e("original invoice date", Ignorer, false, 0),
    e("facture initiale", Ignorer, false, 0),
    e("facture rectifiee", Ignorer, false, 0),
    e("original invoice", Ignorer, false, 0),
    e("en reference a la facture", Ignorer, false, 0),
    e("base ht", Ignorer, false, 0),
    e("base", Ignorer, true, 0),
    e("taux", Ignorer, true, 0),
    e("rate", Ignorer, true, 0),
    // Column headings of the lines table: they end the value of a label on their left.
    e("qte", Ignorer, true, 0),
    e("quantite", Ignorer, true, 0),
    e("qty", Ignorer, true, 0),
    e("quantity", Ignorer, true, 0),
    e("pu", Ignorer, true, 0),
    e("pu ht", Ignorer, true, 0),
    e("prix unitaire", Ignorer, true, 0),
    e("prix unitaire ht", Ignorer, true, 0),
    e("unit price", Ignorer, true, 0),
    e("designation", Ignorer, true, 0),
    e("description", Ignorer, true, 0),
    e("libelle", Ignorer, true, 0),
    e("unite", Ignorer, true, 0),
    e("remise", Ignorer, true, 0),
    e("bic", Ignorer, false, 0),
    e("swift", Ignorer, false, 0),
    e("rcs", Ignorer, false, 0),
    e("ape", Ignorer, false, 0),
    e("naf", Ignorer, false, 0),
    e("tel", Ignorer, true, 0),
    e("page", Ignorer, true, 0),
    // SIRET (supplier BT-30, buyer BT-47).
    e("siret", Siret(Inconnue), false, 1),
    e("siret no", Siret(Inconnue), false, 1),
    e("no siret", Siret(Inconnue), false, 1),
    e("siret client", Siret(Dest), false, 3),
    e("siret du client", Siret(Dest), false, 3),
    e("no siret client", Siret(Dest), false, 3),
    e("no siret du client", Siret(Dest), false, 3),
    e("siret destinataire", Siret(Dest), false, 3),
    e("siret du destinataire", Siret(Dest), false, 3),
    e("no siret destinataire", Siret(Dest), false, 3),
    e("siret acheteur", Siret(Dest), false, 3),
    e("siret de l'acheteur", Siret(Dest), false, 3),
    e("siret de l'entite publique", Siret(Dest), false, 3),
    e("siret du service", Siret(Dest), false, 3),
    e("buyer siret", Siret(Dest), false, 3),
    e("customer siret", Siret(Dest), false, 3),
    e("client siret", Siret(Dest), false, 3),
    e("recipient siret", Siret(Dest), false, 3),
    e("siret fournisseur", Siret(Four), false, 3),
    e("siret du fournisseur", Siret(Four), false, 3),
    e("siret vendeur", Siret(Four), false, 3),
    e("siret emetteur", Siret(Four), false, 3),
    e("supplier siret", Siret(Four), false, 3),
    e("seller siret", Siret(Four), false, 3),
    // VAT numbers (BT-31).
    e("tva intracommunautaire", Tva(Inconnue), false, 1),
    e("no tva intracommunautaire", Tva(Inconnue), false, 1),
    e("no de tva intracommunautaire", Tva(Inconnue), false, 1),
    e("no tva intracom", Tva(Inconnue), false, 1),
    e("no de tva intracom", Tva(Inconnue), false, 1),
    e("tva intracom", Tva(Inconnue), false, 1),
    e("tva intra", Tva(Inconnue), false, 1),
    e("no tva intra", Tva(Inconnue), false, 1),
    e("no tva", Tva(Inconnue), false, 1),
    e("no de tva", Tva(Inconnue), false, 1),
    e("identifiant tva", Tva(Inconnue), false, 1),
    e("no identification tva", Tva(Inconnue), false, 1),
    e("vat number", Tva(Inconnue), false, 1),
    e("vat no", Tva(Inconnue), false, 1),
    e("vat id", Tva(Inconnue), false, 1),
    e("vat reg no", Tva(Inconnue), false, 1),
    e("vat registration number", Tva(Inconnue), false, 1),
    e("tva client", Tva(Dest), false, 3),
    e("no tva client", Tva(Dest), false, 3),
    e("tva intracommunautaire client", Tva(Dest), false, 3),
    e("buyer vat", Tva(Dest), false, 3),
    e("customer vat", Tva(Dest), false, 3),
    e("customer vat number", Tva(Dest), false, 3),
    // Code service (BT-10 in Chorus Pro).
    e("code service", CodeService, false, 3),
    e("code du service", CodeService, false, 3),
    e("service code", CodeService, false, 3),
    e("code service executant", CodeService, false, 3),
    e("service executant", CodeService, false, 3),
    e("service destinataire", CodeService, false, 3),
    e("code service destinataire", CodeService, false, 3),
    e("service", CodeService, true, 1),
    // Engagement / order (BT-13).
    e("no d'engagement", Engagement, false, 3),
    e("commande", Engagement, true, 1),
    e("bc no", Engagement, false, 3),
    e("no bc", Engagement, false, 3),
    e("no de bc", Engagement, false, 3),
    e("reference engagement", Engagement, false, 3),
    e("ref engagement", Engagement, false, 3),
    e("eng juridique", Engagement, false, 3),
    e("votre bon de commande", Engagement, false, 3),
    e("votre no de commande", Engagement, false, 3),
    e("your order", Engagement, false, 2),
    e("your order no", Engagement, false, 3),
    e("no engagement", Engagement, false, 3),
    e("engagement no", Engagement, false, 3),
    e("no d'engagement juridique", Engagement, false, 3),
    e("engagement juridique", Engagement, false, 3),
    e("no ej", Engagement, false, 3),
    e("ej", Engagement, true, 2),
    e("bon de commande no", Engagement, false, 3),
    e("bon de commande", Engagement, false, 2),
    e("no bon de commande", Engagement, false, 3),
    e("no de bon de commande", Engagement, false, 3),
    e("no du bon de commande", Engagement, false, 3),
    e("commande no", Engagement, false, 3),
    e("no de commande", Engagement, false, 3),
    e("no commande", Engagement, false, 3),
    e("votre commande", Engagement, false, 2),
    e("votre commande no", Engagement, false, 3),
    e("ref commande", Engagement, false, 2),
    e("reference commande", Engagement, false, 2),
    e("reference de commande", Engagement, false, 2),
    e("purchase order", Engagement, false, 2),
    e("purchase order no", Engagement, false, 3),
    e("purchase order number", Engagement, false, 3),
    e("po number", Engagement, false, 3),
    e("commitment no", Engagement, false, 3),
    e("commitment number", Engagement, false, 3),
    e("legal commitment", Engagement, false, 3),
    e("po no", Engagement, false, 3),
    e("po", Engagement, true, 2),
    e("order no", Engagement, false, 2),
    e("order number", Engagement, false, 2),
    e("order reference", Engagement, false, 2),
    // Contract (BT-12).
    e("marche no", Marche, false, 3),
    e("accordcadre no", Marche, false, 3),
    e("accord cadre no", Marche, false, 3),
    e("no d'accordcadre", Marche, false, 3),
    e("no de l'accordcadre", Marche, false, 3),
    e("contrat no", Marche, false, 3),
    e("no de contrat", Marche, false, 3),
    e("no du contrat", Marche, false, 3),
    e("reference du contrat", Marche, false, 3),
    e("reference marche public", Marche, false, 3),
    e("no de marche", Marche, false, 3),
    e("no du marche", Marche, false, 3),
    e("no marche", Marche, false, 3),
    e("marche public no", Marche, false, 3),
    e("reference marche", Marche, false, 3),
    e("reference du marche", Marche, false, 3),
    e("ref marche", Marche, false, 3),
    e("marche", Marche, true, 1),
    e("contract no", Marche, false, 3),
    e("framework agreement", Marche, false, 2),
    e("framework agreement no", Marche, false, 3),
    e("public contract no", Marche, false, 3),
    e("contract number", Marche, false, 3),
    e("contract reference", Marche, false, 3),
    e("contract", Marche, true, 1),
    // Totals (BT-109, BT-110, BT-112, BT-113, BT-115).
    e("total ht", TotalHt, false, 3),
    e("montant ht", TotalHt, false, 2),
    e("total hors taxes", TotalHt, false, 3),
    e("total hors taxe", TotalHt, false, 3),
    e("montant hors taxe", TotalHt, false, 3),
    e("total net hors taxes", TotalHt, false, 3),
    e("montant hors taxes", TotalHt, false, 3),
    e("total hors tva", TotalHt, false, 3),
    e("montant total ht", TotalHt, false, 3),
    e("total net ht", TotalHt, false, 3),
    e("net ht", TotalHt, false, 2),
    e("soustotal ht", TotalHt, false, 2),
    e("soustotal", TotalHt, true, 1),
    e("subtotal", TotalHt, true, 2),
    e("sub total", TotalHt, true, 2),
    e("total excl vat", TotalHt, false, 3),
    e("total excluding vat", TotalHt, false, 3),
    e("total before tax", TotalHt, false, 3),
    e("total net", TotalHt, true, 2),
    e("net amount", TotalHt, true, 2),
    e("total tva", TotalTva, false, 3),
    e("montant tva", TotalTva, false, 2),
    e("montant de la tva", TotalTva, false, 2),
    e("montant total tva", TotalTva, false, 3),
    e("dont tva", TotalTva, false, 2),
    e("total taxes", TotalTva, false, 2),
    e("total de la tva", TotalTva, false, 3),
    e("tva", TotalTva, true, 1),
    e("total vat", TotalTva, false, 3),
    e("vat amount", TotalTva, false, 2),
    e("vat", TotalTva, true, 1),
    e("total tax", TotalTva, false, 2),
    e("tax", TotalTva, true, 1),
    e("total ttc", TotalTtc, false, 3),
    e("montant ttc", TotalTtc, false, 3),
    e("montant total ttc", TotalTtc, false, 3),
    e("total toutes taxes comprises", TotalTtc, false, 3),
    e("net ttc", TotalTtc, false, 2),
    e("total", TotalTtc, true, 1),
    e("montant total", TotalTtc, true, 1),
    e("total incl vat", TotalTtc, false, 3),
    e("total including vat", TotalTtc, false, 3),
    e("total amount", TotalTtc, true, 2),
    e("grand total", TotalTtc, false, 2),
    e("invoice total", TotalTtc, false, 2),
    e("net a payer", NetAPayer, false, 3),
    e("net a regler", NetAPayer, false, 3),
    e("total a regler", NetAPayer, false, 3),
    e("montant a regler", NetAPayer, false, 3),
    e("reste du", NetAPayer, false, 2),
    e("solde", NetAPayer, true, 1),
    e("balance", NetAPayer, true, 1),
    e("montant a payer", NetAPayer, false, 3),
    e("reste a payer", NetAPayer, false, 3),
    e("total a payer", NetAPayer, false, 3),
    e("solde a payer", NetAPayer, false, 3),
    e("montant du", NetAPayer, false, 2),
    e("montant restant du", NetAPayer, false, 3),
    e("solde du", NetAPayer, false, 2),
    e("net a payer ttc", NetAPayer, false, 3),
    e("a payer", NetAPayer, true, 1),
    e("amount due", NetAPayer, false, 3),
    e("balance due", NetAPayer, false, 3),
    e("total due", NetAPayer, false, 3),
    e("amount payable", NetAPayer, false, 3),
    e("acompte", Acompte, true, 2),
    e("acompte recu", Acompte, false, 3),
    e("acompte verse", Acompte, false, 3),
    e("acompte deduit", Acompte, false, 3),
    e("acomptes", Acompte, true, 2),
    e("deja regle", Acompte, false, 3),
    e("deja paye", Acompte, false, 3),
    e("deja verse", Acompte, false, 3),
    e("avance", Acompte, true, 1),
    e("advance", Acompte, true, 1),
    e("advance payment", Acompte, false, 3),
    e("less advance", Acompte, false, 3),
    e("less deposit", Acompte, false, 3),
    e("advance received", Acompte, false, 3),
    e("deposit received", Acompte, false, 3),
    e("already paid", Acompte, false, 3),
    e("prepayment", Acompte, true, 2),
    e("acompte a deduire", Acompte, false, 3),
    e("acompte facture", Acompte, false, 3),
    e("amount paid", Acompte, false, 3),
    e("prepaid amount", Acompte, false, 3),
    e("paid", Acompte, true, 1),
    e("deposit", Acompte, true, 1),
    e("deposit paid", Acompte, false, 3),
    // Bank account (BT-84).
    e("iban", Iban, false, 3),
    e("code iban", Iban, false, 3),
    // Party sections.
    e("facture a", Section(Dest), false, 0),
    e("factures a", Section(Dest), false, 0),
    e("facturer a", Section(Dest), false, 0),
    e("adresse de facturation", Section(Dest), false, 0),
    e("client", Section(Dest), true, 0),
    e("destinataire", Section(Dest), true, 0),
    e("acheteur", Section(Dest), true, 0),
    e("bill to", Section(Dest), false, 0),
    e("billed to", Section(Dest), false, 0),
    e("invoice to", Section(Dest), false, 0),
    e("invoiced to", Section(Dest), false, 0),
    e("customer", Section(Dest), true, 0),
    e("buyer", Section(Dest), true, 0),
    e("adresse a", Section(Dest), true, 0),
    e("client facture", Section(Dest), true, 0),
    e("donneur d'ordre", Section(Dest), true, 0),
    e("maitre d'ouvrage", Section(Dest), true, 0),
    e("pouvoir adjudicateur", Section(Dest), true, 0),
    e("entite publique", Section(Dest), true, 0),
    e("a l'attention de", Section(Dest), true, 0),
    e("sold to", Section(Dest), false, 0),
    e("prestataire", Section(Four), true, 0),
    e("titulaire", Section(Four), true, 0),
    e("titulaire du marche", Section(Four), true, 0),
    e("vendor", Section(Four), true, 0),
    e("fournisseur", Section(Four), true, 0),
    e("vendeur", Section(Four), true, 0),
    e("emetteur", Section(Four), true, 0),
    e("supplier", Section(Four), true, 0),
    e("seller", Section(Four), true, 0),
    // VAT franchise (art. 293 B du CGI).
    e("tva non applicable", Franchise, false, 0),
    e("293 b", Franchise, false, 0),
    e("293b", Franchise, false, 0),
    e("franchise en base", Franchise, false, 0),
    e("vat not applicable", Franchise, false, 0),
];

/// A label found in a row: lexicon entry and token span.
#[derive(Debug, Clone, Copy)]
struct Libelle {
    entree: usize,
    /// First and one-past-last word of the label.
    mot_debut: usize,
    mot_fin: usize,
}

/// The lexicon's labels split into tokens, once.
fn jetons_du_lexique() -> &'static [Vec<&'static str>] {
    static JETONS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    JETONS.get_or_init(|| {
        LEXIQUE
            .iter()
            .map(|e| e.libelle.split(' ').collect())
            .collect()
    })
}

fn libelles_de(rangee: &Rangee) -> Vec<Libelle> {
    let mut trouves = Vec::new();
    let jetons = &rangee.jetons;
    let mut i = 0;
    while i < jetons.len() {
        let mut meilleur: Option<(usize, usize)> = None; // (entry, number of tokens)
        for (idx, (entree, mots_cles)) in LEXIQUE.iter().zip(jetons_du_lexique()).enumerate() {
            let n = mots_cles.len();
            let Some(fenetre) = jetons.get(i..i + n) else {
                continue;
            };
            if !fenetre
                .iter()
                .zip(mots_cles.iter())
                .all(|((_, j), m)| j == m)
            {
                continue;
            }
            let mot_debut = fenetre.first().map_or(0, |(m, _)| *m);
            if entree.debut_cellule && !debut_de_cellule(rangee, mot_debut) {
                continue;
            }
            // The label must end at a word boundary, within one cell.
            let dernier_mot = fenetre.last().map_or(0, |(m, _)| *m);
            if rangee.cellule_de(mot_debut) != rangee.cellule_de(dernier_mot) {
                continue;
            }
            if jetons.get(i + n).is_some_and(|(m, _)| *m == dernier_mot) {
                continue;
            }
            if meilleur.is_none_or(|(_, n_meilleur)| n > n_meilleur) {
                meilleur = Some((idx, n));
            }
        }
        match meilleur {
            Some((entree, n)) => {
                let mot_debut = jetons.get(i).map_or(0, |(m, _)| *m);
                let mot_fin = jetons.get(i + n - 1).map_or(0, |(m, _)| *m + 1);
                trouves.push(Libelle {
                    entree,
                    mot_debut,
                    mot_fin,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    trouves
}

fn debut_de_cellule(rangee: &Rangee, mot: usize) -> bool {
    rangee.cellules.iter().any(|(debut, fin)| {
        // Punctuation-only words before the label do not count ("- Service").
        (*debut..*fin).contains(&mot)
            && rangee
                .mots
                .get(*debut..mot)
                .is_some_and(|avant| avant.iter().all(|m| normaliser_mot(&m.texte).is_empty()))
    })
}

// ---------------------------------------------------------------------------------------------------
// Candidates

#[derive(Debug, Clone)]
struct Candidat {
    valeur: String,
    page: u32,
    bbox: BBox,
    label: String,
    priorite: i32,
    /// Row index in the document (reading order).
    rangee: usize,
}

impl Candidat {
    fn provenance(&self) -> Provenance {
        Provenance {
            page: self.page,
            bbox: self.bbox,
            label: Some(self.label.clone()),
        }
    }
}

#[derive(Debug, Clone)]
struct CandidatMontant {
    candidat: Candidat,
    montant: Decimal,
    taux: Option<Decimal>,
    base: Option<Decimal>,
}

#[derive(Debug, Clone)]
struct CandidatPartie {
    candidat: Candidat,
    partie: Partie,
}

#[derive(Debug, Default)]
struct Collecte {
    numeros: Vec<Candidat>,
    dates: Vec<Candidat>,
    sirets: Vec<CandidatPartie>,
    tvas: Vec<CandidatPartie>,
    codes_service: Vec<Candidat>,
    engagements: Vec<Candidat>,
    marches: Vec<Candidat>,
    ht: Vec<CandidatMontant>,
    tva: Vec<CandidatMontant>,
    ttc: Vec<CandidatMontant>,
    net: Vec<CandidatMontant>,
    acomptes: Vec<CandidatMontant>,
    ibans: Vec<Candidat>,
    tableau_tva: Vec<(Decimal, Decimal, Decimal, Candidat)>,
    /// Invoice lines: the line, its VAT rate and net amount.
    lignes: Vec<(LineItem, Option<Decimal>, Decimal)>,
    sirens_fournisseur: Vec<String>,
    /// Destinataire section headings: (row, page, x0).
    sections_dest: Vec<(usize, u32, f32)>,
    /// Supplier section headings, the same way.
    sections_four: Vec<(usize, u32, f32)>,
    avoir: bool,
    franchise: bool,
    devises: BTreeMap<&'static str, usize>,
}

/// The kinds of value a label can announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Genre {
    Numero,
    Date,
    Siret,
    Tva,
    Code,
    Reference,
    Montant,
    Iban,
}

/// Words of a value candidate: row index and word range.
#[derive(Debug, Clone, Copy)]
struct Zone {
    rangee: usize,
    debut: usize,
    fin: usize,
}

impl Collecte {
    fn lire_rangee(&mut self, doc: &Document, idx: usize) {
        let Some(rangee) = doc.rangees.get(idx) else {
            return;
        };
        for mot in &rangee.mots {
            let t = mot.texte.as_str();
            let devise = if t.contains('€') || t.eq_ignore_ascii_case("eur") || t == "euros" {
                Some("EUR")
            } else if t.contains('$') || t == "USD" {
                Some("USD")
            } else if t.contains('£') || t == "GBP" {
                Some("GBP")
            } else if t == "CHF" {
                Some("CHF")
            } else {
                None
            };
            if let Some(d) = devise {
                *self.devises.entry(d).or_default() += 1;
            }
        }
        if rangee.entete_lignes {
            return;
        }
        let libelles = &rangee.libelles;
        for (k, libelle) in libelles.iter().enumerate() {
            let Some(entree) = LEXIQUE.get(libelle.entree) else {
                continue;
            };
            let suivant = libelles.get(k + 1).map(|l| l.mot_debut);
            let texte_label = rangee
                .mots
                .get(libelle.mot_debut..libelle.mot_fin)
                .map(|m| {
                    m.iter()
                        .map(|m| m.texte.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let contexte = Contexte {
                doc,
                idx,
                libelle: *libelle,
                suivant,
                label: texte_label,
                priorite: entree.priorite,
                dessous_permis: !(entree.debut_cellule
                    && matches!(entree.cible, NumeroFacture { .. })),
            };
            match entree.cible {
                NumeroFacture { avoir } => {
                    if let Some(mut c) = contexte.valeur(Genre::Numero) {
                        if avoir {
                            // The credit note's own number wins over the invoice it corrects.
                            self.avoir = true;
                            c.priorite += 1;
                        }
                        self.numeros.push(c);
                    }
                }
                TitreAvoir => {
                    // A title: the cell holds nothing but the word.
                    let seul = rangee
                        .cellule_de(libelle.mot_debut)
                        .and_then(|c| rangee.cellules.get(c))
                        .is_some_and(|(d, f)| {
                            rangee.mots.get(libelle.mot_fin..*f).is_some_and(|reste| {
                                reste.iter().all(|m| normaliser_mot(&m.texte).is_empty())
                            }) && *d == libelle.mot_debut
                        });
                    if seul {
                        self.avoir = true;
                    }
                }
                DateFacture => {
                    // A bare "du"/"le" after a label of something else in the same cell dates that
                    // thing ("Facture d'origine : F-9 du 05/01/2026").
                    let cellule = rangee.cellule_de(libelle.mot_debut);
                    let apres_autre_chose = entree.priorite == 0
                        && libelles.iter().take(k).any(|l| {
                            rangee.cellule_de(l.mot_debut) == cellule
                                && LEXIQUE
                                    .get(l.entree)
                                    .is_some_and(|e| !matches!(e.cible, NumeroFacture { .. }))
                        });
                    if !apres_autre_chose {
                        if let Some(c) = contexte.valeur(Genre::Date) {
                            self.dates.push(c);
                        }
                    }
                }
                Siret(partie) => {
                    if let Some(c) = contexte
                        .valeur(Genre::Siret)
                        .or_else(|| contexte.valeur_coupee(Genre::Siret))
                    {
                        self.sirets.push(CandidatPartie {
                            candidat: c,
                            partie,
                        });
                    }
                }
                Tva(partie) => {
                    if let Some(c) = contexte.valeur(Genre::Tva) {
                        self.tvas.push(CandidatPartie {
                            candidat: c,
                            partie,
                        });
                    }
                }
                CodeService => {
                    if let Some(c) = contexte.valeur(Genre::Code) {
                        self.codes_service.push(c);
                    }
                }
                Engagement => {
                    if let Some(c) = contexte.valeur(Genre::Reference) {
                        self.engagements.push(c);
                    }
                }
                Marche => {
                    if let Some(c) = contexte.valeur(Genre::Reference) {
                        self.marches.push(c);
                    }
                }
                TotalTva if contexte.montant().is_none() => {
                    // "TVA : FR 12 345678901": a VAT number after a bare "TVA".
                    if let Some(c) = contexte.valeur(Genre::Tva) {
                        self.tvas.push(CandidatPartie {
                            candidat: c,
                            partie: Inconnue,
                        });
                    }
                }
                TotalHt | TotalTva | TotalTtc | NetAPayer | Acompte => {
                    if let Some(m) = contexte.montant() {
                        let liste = match entree.cible {
                            TotalHt => &mut self.ht,
                            TotalTva => &mut self.tva,
                            TotalTtc => &mut self.ttc,
                            NetAPayer => &mut self.net,
                            _ => &mut self.acomptes,
                        };
                        liste.push(m);
                    }
                }
                Iban => {
                    if let Some(c) = contexte.valeur(Genre::Iban) {
                        self.ibans.push(c);
                    }
                }
                Section(Dest) => {
                    let x0 = rangee
                        .mots
                        .get(libelle.mot_debut)
                        .map_or(0.0, |m| m.bbox[0]);
                    self.sections_dest.push((idx, rangee.page, x0));
                }
                Section(_) => {
                    let x0 = rangee
                        .mots
                        .get(libelle.mot_debut)
                        .map_or(0.0, |m| m.bbox[0]);
                    self.sections_four.push((idx, rangee.page, x0));
                }
                Franchise => self.franchise = true,
                Ignorer => {}
            }
        }
    }

    /// VAT breakdown tables: a heading row with "Taux"/"Rate" and "Base" columns, rows of
    /// rate, base and amount below.
    fn lire_tableaux_tva(&mut self, doc: &Document) {
        for (idx, rangee) in doc.rangees.iter().enumerate() {
            let cellules: Vec<(f32, f32, Vec<String>)> = rangee
                .cellules
                .iter()
                .filter_map(|(d, f)| {
                    let b = rangee.bbox_mots(*d, *f)?;
                    let jetons: Vec<String> = rangee
                        .jetons
                        .iter()
                        .filter(|(m, _)| (*d..*f).contains(m))
                        .map(|(_, j)| j.clone())
                        .collect();
                    Some((b[0], b[2], jetons))
                })
                .collect();
            let contient = |c: usize, mots: &[&str]| {
                cellules
                    .get(c)
                    .is_some_and(|(_, _, j)| j.iter().any(|t| mots.contains(&t.as_str())))
            };
            let colonne = |mots: &[&str], exclus: &[&str], deja: &[usize]| {
                (0..cellules.len()).find(|c| {
                    !deja.contains(c)
                        && contient(*c, mots)
                        && !contient(*c, exclus)
                        && !contient(*c, &["designation", "description"])
                })
            };
            // Columns in any order: rate, base and VAT amount.
            let Some(col_taux) = colonne(&["taux", "rate"], &["base"], &[]) else {
                continue;
            };
            let Some(col_base) = colonne(&["base", "taxable"], &[], &[col_taux]) else {
                continue;
            };
            let Some(col_montant) = colonne(
                &["tva", "vat", "tax"],
                &["ttc", "incl", "taux", "rate", "base"],
                &[col_taux, col_base],
            ) else {
                continue;
            };
            let colonnes: Vec<(f32, f32)> = [col_taux, col_base, col_montant]
                .iter()
                .filter_map(|c| cellules.get(*c).map(|(x0, x1, _)| (*x0, *x1)))
                .collect();
            let [taux_col, base_col, montant_col] = colonnes.as_slice() else {
                continue;
            };
            let derniere = col_taux.max(col_base).max(col_montant);
            let limite_droite = cellules
                .get(derniere + 1)
                .map_or(f32::MAX, |(x0, _, _)| *x0);
            for (k, dessous) in doc.rangees.iter().enumerate().skip(idx + 1).take(8) {
                if dessous.page != rangee.page {
                    break;
                }
                let valeur_col = |col: &(f32, f32)| -> Option<(String, BBox)> {
                    // The cell whose centre is closest to the column heading's centre.
                    let centre = (col.0 + col.1) / 2.0;
                    dessous
                        .cellules
                        .iter()
                        .filter_map(|(d, f)| {
                            let b = dessous.bbox_mots(*d, *f)?;
                            let texte = dessous
                                .mots
                                .get(*d..*f)?
                                .iter()
                                .map(|m| m.texte.as_str())
                                .collect::<Vec<_>>()
                                .join(" ");
                            Some((texte, b))
                        })
                        .filter(|(_, b)| b[0] < limite_droite)
                        .min_by(|a, b| {
                            let da = ((a.1[0] + a.1[2]) / 2.0 - centre).abs();
                            let db = ((b.1[0] + b.1[2]) / 2.0 - centre).abs();
                            da.total_cmp(&db)
                        })
                        .filter(|(_, b)| b[2] >= col.0 - 40.0 && b[0] <= col.1 + 40.0)
                };
                let (Some((t, _)), Some((b, _)), Some((m, bb))) = (
                    valeur_col(taux_col),
                    valeur_col(base_col),
                    valeur_col(montant_col),
                ) else {
                    break;
                };
                let taux = valeurs::taux(&t).or_else(|| valeurs::taux_nu(&t));
                let (Some(taux), Some(base), Some(montant)) =
                    (taux, valeurs::montant(&b), valeurs::montant(&m))
                else {
                    break;
                };
                // Credit notes may print negative amounts; the contract keeps them positive.
                let (base, montant) = (base.abs(), montant.abs());
                self.tableau_tva.push((
                    taux,
                    base,
                    montant,
                    Candidat {
                        valeur: valeurs::format_deux_decimales(montant),
                        page: dessous.page,
                        bbox: bb,
                        label: "Taux / Base / TVA".to_owned(),
                        priorite: 2,
                        rangee: k,
                    },
                ));
            }
        }
    }

    /// Legal mentions: "RCS <ville> 123 456 789", "SIREN 123456789" give the supplier's SIREN.
    fn lire_mentions_legales(&mut self, doc: &Document) {
        for rangee in &doc.rangees {
            for (pos, (mot_idx, jeton)) in rangee.jetons.iter().enumerate() {
                if jeton != "rcs" && jeton != "siren" {
                    continue;
                }
                // Up to four words of town or "B" before the digits, then 9 digits in up to 3 groups.
                let mut chiffres = String::new();
                for (m, _) in rangee.jetons.iter().skip(pos + 1).take(8) {
                    if *m == *mot_idx {
                        continue;
                    }
                    let Some(mot) = rangee.mots.get(*m) else {
                        break;
                    };
                    if mot.texte.chars().all(|c| c.is_ascii_digit()) {
                        chiffres.push_str(&mot.texte);
                        if chiffres.len() >= 9 {
                            break;
                        }
                    } else if !chiffres.is_empty() {
                        break;
                    }
                }
                if let Some(siren) = valeurs::siren(&chiffres) {
                    if !self.sirens_fournisseur.contains(&siren) {
                        self.sirens_fournisseur.push(siren);
                    }
                }
            }
        }
    }

    /// Invoice lines: rows ending with quantity, unit price, optional VAT rate and net amount, kept
    /// only when quantity × unit price gives the net amount (to the cent, or within line rounding).
    fn lire_lignes(&mut self, doc: &Document) {
        for (idx, rangee) in doc.rangees.iter().enumerate() {
            if rangee.entete_lignes || rangee.cellules.len() < 3 {
                continue;
            }
            let textes: Vec<String> = rangee
                .cellules
                .iter()
                .map(|(d, f)| {
                    rangee
                        .mots
                        .get(*d..*f)
                        .map(|m| {
                            m.iter()
                                .map(|m| m.texte.as_str())
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .unwrap_or_default()
                })
                .collect();
            let n = textes.len();
            let Some(net) = textes.last().and_then(|t| valeurs::montant(t)) else {
                continue;
            };
            let mut k = n - 1;
            let taux = k
                .checked_sub(1)
                .and_then(|i| textes.get(i))
                .and_then(|t| valeurs::taux(t));
            if taux.is_some() {
                k -= 1;
            }
            let (Some(i_prix), Some(i_qte)) = (k.checked_sub(1), k.checked_sub(2)) else {
                continue;
            };
            let (Some(prix), Some(qte)) = (
                textes.get(i_prix).and_then(|t| valeurs::montant(t)),
                textes.get(i_qte).and_then(|t| quantite(t)),
            ) else {
                continue;
            };
            let produit = (qte * prix).round_dp(2);
            let tolerance = Decimal::new(2, 2);
            if net <= Decimal::ZERO || (produit - net).abs() > tolerance {
                continue;
            }
            let description = textes
                .get(..i_qte)
                .map(|d| d.join(" "))
                .filter(|d| !d.is_empty())
                .or_else(|| description_coupee(doc, idx, i_qte));
            self.lignes.push((
                LineItem {
                    description,
                    quantity: Some(qte.normalize().to_string()),
                    unit_price: Some(valeurs::format_deux_decimales(prix)),
                    vat_rate: taux.map(valeurs::format_deux_decimales),
                    net_amount: Some(valeurs::format_deux_decimales(net)),
                },
                taux,
                net,
            ));
        }
    }

    /// IBANs and French VAT numbers printed without a label (checked by their keys).
    fn lire_ibans(&mut self, doc: &Document) {
        for (idx, rangee) in doc.rangees.iter().enumerate() {
            for (i, mot) in rangee.mots.iter().enumerate() {
                let b = mot.texte.as_bytes();
                let tva = (mot.texte.starts_with("FR")
                    && !self.tvas.iter().any(|t| t.candidat.rangee == idx))
                .then(|| plus_longue_valeur(rangee, i, rangee.mots.len(), 3, Genre::Tva))
                .flatten();
                if let Some((valeur, fin)) = tva {
                    // A French VAT number printed without a label (key checked against the SIREN).
                    self.tvas.push(CandidatPartie {
                        candidat: Candidat {
                            valeur,
                            page: rangee.page,
                            bbox: rangee.bbox_mots(i, fin).unwrap_or(mot.bbox),
                            label: "TVA".to_owned(),
                            priorite: 0,
                            rangee: idx,
                        },
                        partie: Inconnue,
                    });
                    continue;
                }
                let debut_iban = b.len() >= 4
                    && b.iter().take(2).all(|c| c.is_ascii_uppercase())
                    && b.iter().skip(2).take(2).all(|c| c.is_ascii_digit());
                if !debut_iban {
                    continue;
                }
                if let Some((valeur, fin)) =
                    plus_longue_valeur(rangee, i, rangee.mots.len(), 10, Genre::Iban)
                {
                    self.ibans.push(Candidat {
                        valeur,
                        page: rangee.page,
                        bbox: rangee.bbox_mots(i, fin).unwrap_or(mot.bbox),
                        label: "IBAN".to_owned(),
                        priorite: 1,
                        rangee: idx,
                    });
                }
            }
        }
    }
}

/// What a label needs to read its value.
struct Contexte<'a> {
    doc: &'a Document,
    idx: usize,
    libelle: Libelle,
    /// First word of the next label on the row, if any.
    suivant: Option<usize>,
    label: String,
    priorite: i32,
    /// Whether the value may be read on the row below (not for bare titles such as « FACTURE »,
    /// whose next row is the supplier's address).
    dessous_permis: bool,
}

impl Contexte<'_> {
    fn rangee(&self) -> Option<&Rangee> {
        self.doc.rangees.get(self.idx)
    }

    /// Zones where the value may be, in order: after the label in its cell, the next cell on the
    /// row, the cell just below that overlaps the label's column.
    fn zones(&self) -> Vec<Zone> {
        let mut zones = Vec::new();
        let Some(rangee) = self.rangee() else {
            return zones;
        };
        let Some(cellule) = rangee.cellule_de(self.libelle.mot_debut) else {
            return zones;
        };
        let Some((cel_debut, cel_fin)) = rangee.cellules.get(cellule).copied() else {
            return zones;
        };
        let limite = self.suivant.unwrap_or(usize::MAX);
        // Words of the label's cell that come after the label (and before the next label).
        let fin_cellule = cel_fin.min(limite);
        let apres_label = sauter_ponctuation(rangee, self.libelle.mot_fin, fin_cellule);
        let a_la_suite = apres_label < fin_cellule;
        if a_la_suite {
            zones.push(Zone {
                rangee: self.idx,
                debut: self.libelle.mot_fin,
                fin: fin_cellule,
            });
        }
        if fin_cellule == cel_fin {
            // Next cell, unless it starts with another label.
            if let Some((d, f)) = rangee.cellules.get(cellule + 1).copied() {
                if limite > d {
                    zones.push(Zone {
                        rangee: self.idx,
                        debut: d,
                        fin: f.min(limite),
                    });
                }
            }
            if !a_la_suite {
                if let Some(zone) = self.cellule_a_droite() {
                    zones.push(zone);
                }
            }
        }
        // The cell below in the label's column (heading row above a value row).
        if !self.dessous_permis {
            return zones;
        }
        let Some(label_box) =
            rangee.bbox_mots(cel_debut.min(self.libelle.mot_debut), self.libelle.mot_fin)
        else {
            return zones;
        };
        let label_box = [
            rangee
                .mots
                .get(cel_debut)
                .map_or(label_box[0], |m| m.bbox[0]),
            label_box[1],
            label_box[2],
            label_box[3],
        ];
        for (k, dessous) in self
            .doc
            .rangees
            .iter()
            .enumerate()
            .skip(self.idx + 1)
            .take(3)
        {
            if dessous.page != rangee.page
                || rangee.y() - dessous.y() > 3.5 * rangee.h.max(dessous.h)
            {
                break;
            }
            // The label's column spans from the end of the cell on its left to the start of the
            // cell on its right: a value right-aligned under a left-aligned label may not overlap it.
            let gauche = cellule
                .checked_sub(1)
                .and_then(|c| rangee.cellules.get(c))
                .and_then(|(d, f)| rangee.bbox_mots(*d, *f))
                .map_or(f32::MIN, |b| b[2]);
            let droite = rangee
                .cellules
                .get(cellule + 1)
                .and_then(|(d, f)| rangee.bbox_mots(*d, *f))
                .map_or(f32::MAX, |b| b[0]);
            let chevauche = dessous
                .cellules
                .iter()
                .find(|(d, f)| {
                    dessous
                        .bbox_mots(*d, *f)
                        .is_some_and(|b| b[0] < label_box[2] && b[2] > label_box[0])
                })
                .or_else(|| {
                    dessous.cellules.iter().find(|(d, f)| {
                        dessous
                            .bbox_mots(*d, *f)
                            .is_some_and(|b| b[0] > gauche.max(label_box[0]) && b[2] < droite)
                    })
                });
            if let Some((d, f)) = chevauche.copied() {
                let libelles = &dessous.libelles;
                let commence_par_libelle = libelles.iter().any(|l| l.mot_debut == d)
                    || libelles
                        .iter()
                        .any(|l| (d..f).contains(&l.mot_debut) && l.mot_debut <= d + 1);
                if !commence_par_libelle && !dessous.entete_lignes {
                    zones.push(Zone {
                        rangee: k,
                        debut: d,
                        fin: f,
                    });
                }
                break;
            }
        }
        zones
    }

    /// The nearest cell to the right of the label on a neighbouring row whose box overlaps the
    /// label's vertically: a value printed in a larger font sits on a slightly different baseline.
    fn cellule_a_droite(&self) -> Option<Zone> {
        let rangee = self.rangee()?;
        let label = rangee.bbox_mots(self.libelle.mot_debut, self.libelle.mot_fin)?;
        let mut meilleure: Option<(f32, Zone)> = None;
        for k in self.idx.saturating_sub(3)..=self.idx + 3 {
            if k == self.idx {
                continue;
            }
            let Some(r) = self.doc.rangees.get(k) else {
                continue;
            };
            if r.page != rangee.page {
                continue;
            }
            for (d, f) in &r.cellules {
                let Some(b) = r.bbox_mots(*d, *f) else {
                    continue;
                };
                let chevauchement = label[3].min(b[3]) - label[1].max(b[1]);
                let min_h = hauteur(&label).min(hauteur(&b));
                if chevauchement < 0.4 * min_h || b[0] < label[2] - 1.0 || b[0] - label[2] > 250.0 {
                    continue;
                }
                if meilleure.as_ref().is_none_or(|(x, _)| b[0] < *x) {
                    meilleure = Some((
                        b[0],
                        Zone {
                            rangee: k,
                            debut: *d,
                            fin: *f,
                        },
                    ));
                }
            }
        }
        let (_, zone) = meilleure?;
        let r = self.doc.rangees.get(zone.rangee)?;
        // Not a label itself.
        if r.libelles.iter().any(|l| l.mot_debut == zone.debut) {
            return None;
        }
        Some(zone)
    }

    fn candidat(&self, valeur: String, zone: &Zone, fin: usize) -> Option<Candidat> {
        let rangee = self.doc.rangees.get(zone.rangee)?;
        Some(Candidat {
            valeur,
            page: rangee.page,
            bbox: rangee.bbox_mots(zone.debut, fin)?,
            label: self.label.clone(),
            priorite: self.priorite,
            rangee: zone.rangee,
        })
    }

    fn valeur(&self, genre: Genre) -> Option<Candidat> {
        if matches!(genre, Genre::Numero | Genre::Code | Genre::Reference) {
            if let Some(c) = self.valeur_coupee(genre) {
                return Some(c);
            }
        }
        for zone in self.zones() {
            let rangee = self.doc.rangees.get(zone.rangee)?;
            let debut = sauter_ponctuation(rangee, zone.debut, zone.fin);
            let max_mots = match genre {
                Genre::Numero | Genre::Code | Genre::Reference => 1,
                Genre::Date => 4,
                Genre::Siret => 5,
                Genre::Tva => 4,
                Genre::Iban => 10,
                Genre::Montant => 6,
            };
            if let Some((valeur, fin)) =
                plus_longue_valeur(rangee, debut, zone.fin, max_mots, genre)
            {
                return self.candidat(valeur, &Zone { debut, ..zone }, fin);
            }
        }
        None
    }

    /// A value printed in a narrow cell and wrapped ("1100020110004" / "4", "RECTO-TLS-" / "DAF"):
    /// pieces right of the label on the rows just above, on and just below it, left-aligned lines of
    /// one cell, joined without space.
    fn valeur_coupee(&self, genre: Genre) -> Option<Candidat> {
        let rangee = self.rangee()?;
        let fin_label = rangee.mots.get(self.libelle.mot_fin.checked_sub(1)?)?.bbox[2];
        // The first cell right of the label on each of the rows around it, top to bottom.
        let mut morceaux: Vec<(String, BBox)> = Vec::new();
        for k in self.idx.saturating_sub(1)..=self.idx + 1 {
            let Some(r) = self.doc.rangees.get(k) else {
                continue;
            };
            if r.page != rangee.page || (r.y() - rangee.y()).abs() > 1.8 * rangee.h {
                continue;
            }
            let cellule = r.cellules.iter().find_map(|(d, f)| {
                let d = if k == self.idx {
                    (*d).max(self.libelle.mot_fin)
                } else {
                    *d
                };
                let d = sauter_ponctuation(r, d, *f);
                let b = r.bbox_mots(d, *f)?;
                (d < *f && b[0] >= fin_label - 2.0 && b[0] < fin_label + 120.0)
                    .then_some((d, *f, b))
            });
            // A continuation line has no label of its own on its left (else it is another row
            // of a label/value grid).
            let debut_label = rangee
                .mots
                .get(self.libelle.mot_debut)
                .map_or(0.0, |m| m.bbox[0]);
            // Checked on all rows near the piece, not only its own: baselines may differ.
            let seule = |b: &BBox| {
                k == self.idx
                    || !(self.idx.saturating_sub(3)..=self.idx + 3)
                        .filter(|j| *j != self.idx)
                        .filter_map(|j| self.doc.rangees.get(j))
                        .filter(|autre| autre.page == rangee.page)
                        .flat_map(|autre| autre.mots.iter())
                        .any(|m| {
                            let y = centre_y(&m.bbox);
                            y >= b[1]
                                && y <= b[3]
                                && m.bbox[2] <= b[0] + 1.0
                                && m.bbox[2] >= debut_label - 5.0
                        })
            };
            let cellule = cellule.filter(|(_, _, b)| seule(b));
            if let Some((d, f, b)) = cellule {
                let texte: String = r
                    .mots
                    .get(d..f)?
                    .iter()
                    .map(|m| m.texte.as_str())
                    .filter(|t| !t.chars().all(|c| c == ':'))
                    .collect();
                morceaux.push((texte, b));
            }
        }
        if morceaux.len() < 2 {
            return None;
        }
        // Lines of one cell: no more than half a line between consecutive pieces.
        let serres = morceaux
            .windows(2)
            .all(|p| matches!(p, [(_, a), (_, b)] if a[1] - b[3] <= 0.5 * hauteur(b)));
        if !serres {
            return None;
        }
        let alignes = morceaux
            .windows(2)
            .all(|p| matches!(p, [(_, a), (_, b)] if (a[0] - b[0]).abs() <= 3.0));
        if !alignes {
            return None;
        }
        let texte: String = morceaux.iter().map(|(t, _)| t.as_str()).collect();
        let valeur = match genre {
            Genre::Siret => valeurs::siret(&texte),
            Genre::Numero => valeurs::numero_facture(&texte),
            Genre::Code => valeurs::reference(&texte).filter(|r| est_code(r)),
            Genre::Reference => {
                valeurs::reference(&texte).filter(|r| r.chars().any(|c| c.is_ascii_digit()))
            }
            _ => None,
        }?;
        Some(Candidat {
            valeur,
            page: rangee.page,
            bbox: union(morceaux.iter().map(|(_, b)| *b))?,
            label: self.label.clone(),
            priorite: self.priorite,
            rangee: self.idx,
        })
    }

    /// An amount after the label, with the rate and base some labels carry
    /// ("TVA 20 % (base 8 898,56) : 1 779,71 €").
    fn montant(&self) -> Option<CandidatMontant> {
        let mut taux = None;
        let mut base = None;
        for zone in self.zones() {
            let r = self.doc.rangees.get(zone.rangee)?;
            let mut debut = sauter_ponctuation(r, zone.debut, zone.fin);
            if zone.rangee == self.idx {
                // Rate right after the label: "20%", "20 %", "20,00 %".
                if let Some((t, fin)) = lire_taux(r, debut, zone.fin) {
                    taux = Some(t);
                    debut = sauter_ponctuation(r, fin, zone.fin);
                }
                if let Some((b, fin)) = lire_base(r, debut, zone.fin) {
                    base = Some(b.abs());
                    debut = sauter_ponctuation(r, fin, zone.fin);
                }
                if debut >= zone.fin {
                    // The value is in the next cell.
                    let cellule = r.cellule_de(debut.saturating_sub(1))?;
                    if let Some((d, f)) = r.cellules.get(cellule + 1).copied() {
                        if self.suivant.is_none_or(|s| s > d) {
                            let d = sauter_ponctuation(r, d, f);
                            if let Some((valeur, d, fin)) = montant_de_zone(r, d, f) {
                                let c = self.candidat(
                                    valeur,
                                    &Zone {
                                        rangee: zone.rangee,
                                        debut: d,
                                        fin: f,
                                    },
                                    fin,
                                )?;
                                return self.candidat_montant(c, taux, base);
                            }
                        }
                    }
                    continue;
                }
            }
            if let Some((valeur, d, fin)) = montant_de_zone(r, debut, zone.fin) {
                let c = self.candidat(valeur, &Zone { debut: d, ..zone }, fin)?;
                return self.candidat_montant(c, taux, base);
            }
        }
        None
    }

    fn candidat_montant(
        &self,
        candidat: Candidat,
        taux: Option<Decimal>,
        base: Option<Decimal>,
    ) -> Option<CandidatMontant> {
        let montant = valeurs::montant(&candidat.valeur)?;
        Some(CandidatMontant {
            candidat: Candidat {
                valeur: valeurs::format_deux_decimales(montant.abs()),
                ..candidat
            },
            montant,
            taux,
            base,
        })
    }
}

/// The description of an invoice line printed on two lines around its figures ("Fourniture et pose
/// de prises" / figures / "RJ45"): text-only rows just above and below, left of the quantity.
fn description_coupee(doc: &Document, idx: usize, i_qte: usize) -> Option<String> {
    let rangee = doc.rangees.get(idx)?;
    let (d_qte, _) = rangee.cellules.get(i_qte)?;
    let x_qte = rangee.mots.get(*d_qte)?.bbox[0];
    let texte_de = |k: usize| -> Option<String> {
        let r = doc.rangees.get(k)?;
        let serre = r.page == rangee.page && (r.y() - rangee.y()).abs() <= 1.2 * rangee.h;
        let a_gauche = r.mots.iter().all(|m| m.bbox[2] < x_qte);
        let sans_chiffres = !r.entete_lignes && r.libelles.is_empty();
        (serre && a_gauche && sans_chiffres).then(|| {
            r.mots
                .iter()
                .map(|m| m.texte.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let haut = idx.checked_sub(1).and_then(texte_de);
    let bas = texte_de(idx + 1);
    let morceaux: Vec<String> = [haut, bas].into_iter().flatten().collect();
    (!morceaux.is_empty()).then(|| morceaux.join(" "))
}

/// Whether a reference looks like a code service: upper case and digits, two characters at least,
/// and not a placeholder ("N/A", "NÉANT"…).
fn est_code(reference: &str) -> bool {
    const VIDES: [&str; 10] = [
        "N/A", "NA", "NC", "NEANT", "NÉANT", "SO", "S/O", "AUCUN", "NONE", "TBD",
    ];
    reference.chars().count() >= 2
        && !reference.chars().any(char::is_lowercase)
        && !VIDES.contains(&reference)
}

/// A quantity as printed: `2`, `2,5`, `0.5`, `1 000` (no currency, no percent).
fn quantite(texte: &str) -> Option<Decimal> {
    if texte.contains(['€', '%']) || texte.to_uppercase().contains("EUR") {
        return None;
    }
    let valeur = valeurs::montant(texte)?;
    (valeur > Decimal::ZERO).then_some(valeur)
}

/// Skips words that are only punctuation (":", "-", "=").
fn sauter_ponctuation(rangee: &Rangee, mut debut: usize, fin: usize) -> usize {
    while debut < fin {
        let Some(mot) = rangee.mots.get(debut) else {
            break;
        };
        let t = mot.texte.as_str();
        // Punctuation, and words that only restate the label: "(€)", "EUR", "n°", "#".
        let sans_ponctuation: String = t
            .chars()
            .filter(|c| !matches!(c, ':' | '=' | '.' | '–' | '|' | '/' | '(' | ')'))
            .collect::<String>()
            .to_lowercase();
        if matches!(
            sans_ponctuation.as_str(),
            "" | "€" | "eur" | "euros" | "n°" | "nº" | "no" | "#" | "en"
        ) {
            debut += 1;
        } else {
            break;
        }
    }
    debut
}

fn lire_taux(rangee: &Rangee, debut: usize, fin: usize) -> Option<(Decimal, usize)> {
    // "20%", "20 %", "(20 %)", "20,00 % :".
    let nettoyer = |t: &str| -> String {
        t.chars()
            .filter(|c| !matches!(c, '(' | ')' | ':'))
            .collect()
    };
    let mot = rangee.mots.get(debut)?;
    let t = nettoyer(&mot.texte);
    if let Some(taux) = valeurs::taux(&t) {
        return Some((taux, debut + 1));
    }
    if debut + 1 < fin {
        let suivant = rangee.mots.get(debut + 1)?;
        if nettoyer(&suivant.texte) == "%" {
            return Some((valeurs::taux_nu(&t)?, debut + 2));
        }
    }
    None
}

fn lire_base(rangee: &Rangee, debut: usize, fin: usize) -> Option<(Decimal, usize)> {
    let mot = rangee.mots.get(debut)?;
    let t = mot.texte.to_lowercase();
    if t != "(base" && t != "(base:" && t != "(assiette" {
        return None;
    }
    let mut texte = String::new();
    for i in debut + 1..fin.min(debut + 6) {
        let m = rangee.mots.get(i)?;
        if let Some(avant) = m.texte.strip_suffix(')') {
            texte.push(' ');
            texte.push_str(avant);
            return Some((valeurs::montant(&texte)?, i + 1));
        }
        texte.push(' ');
        texte.push_str(&m.texte);
    }
    None
}

/// The amount in words `[debut, fin)`: all of them when they form one amount, else the longest
/// run that ends the zone ("TVA 20 : 200,00" reads 200,00, not 20), else the longest run that
/// starts it ("1 200,00 € TTC"). Returns the value and its word range.
fn montant_de_zone(rangee: &Rangee, debut: usize, fin: usize) -> Option<(String, usize, usize)> {
    let fin = fin.min(rangee.mots.len());
    for d in debut..fin {
        if fin - d > 6 {
            continue;
        }
        if let Some((valeur, f)) = plus_longue_valeur(rangee, d, fin, 6, Genre::Montant) {
            if f == fin {
                return Some((valeur, d, f));
            }
        }
    }
    plus_longue_valeur(rangee, debut, fin, 6, Genre::Montant).map(|(v, f)| (v, debut, f))
}

/// The longest run of words from `debut` (at most `max_mots`, before `fin`) that parses as `genre`.
fn plus_longue_valeur(
    rangee: &Rangee,
    debut: usize,
    fin: usize,
    max_mots: usize,
    genre: Genre,
) -> Option<(String, usize)> {
    let fin = fin.min(rangee.mots.len()).min(debut + max_mots);
    for n in (debut + 1..=fin).rev() {
        let mots = rangee.mots.get(debut..n)?;
        let texte = mots
            .iter()
            .map(|m| m.texte.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let valeur = match genre {
            Genre::Numero => valeurs::numero_facture(&texte),
            Genre::Date => valeurs::date(&texte),
            Genre::Siret => valeurs::siret(&texte),
            Genre::Tva => valeurs::tva_intra(&texte),
            Genre::Code => valeurs::reference(&texte).filter(|r| est_code(r)),
            Genre::Reference => {
                valeurs::reference(&texte).filter(|r| r.chars().any(|c| c.is_ascii_digit()))
            }
            Genre::Montant => valeurs::montant_normal(&texte),
            Genre::Iban => valeurs::iban(&texte),
        };
        if let Some(v) = valeur {
            return Some((v, n));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------------
// Resolution

/// Standard VAT rates in France (CGI art. 278 to 281 nonies, 296 for Corsica and overseas), used to
/// recognise a single-rate invoice from its totals.
const TAUX_STANDARD: &[&str] = &[
    "20", "10", "5.5", "2.1", "8.5", "13", "0.9", "1.05", "1.75", "19.6", "7",
];

/// The State's single SIRET for all its services (Chorus Pro), always a recipient.
const SIRET_ETAT: &str = "11000201100044";

impl Collecte {
    fn resoudre(self, doc: &Document) -> Trouvailles {
        let mut t = Trouvailles::default();
        let Collecte {
            numeros,
            dates,
            sirets,
            tvas,
            codes_service,
            engagements,
            marches,
            ht,
            tva,
            ttc,
            net,
            acomptes,
            ibans,
            tableau_tva,
            lignes,
            mut sirens_fournisseur,
            sections_dest,
            sections_four,
            avoir,
            franchise,
            devises,
        } = self;

        let poser = |t: &mut Trouvailles, nom: &str, c: Option<&Candidat>| -> Option<String> {
            let c = c?;
            t.provenance.insert(nom.to_owned(), c.provenance());
            Some(c.valeur.clone())
        };

        t.fields.invoice_number = poser(&mut t, "invoice_number", meilleur(&numeros));
        t.fields.invoice_date = poser(&mut t, "invoice_date", meilleur(&dates));
        t.fields.service_code = poser(&mut t, "service_code", meilleur(&codes_service));
        t.fields.engagement_number = poser(&mut t, "engagement_number", meilleur(&engagements));
        t.fields.market_number = poser(&mut t, "market_number", meilleur(&marches));
        let iban = ibans
            .iter()
            .max_by_key(|c| (c.priorite, std::cmp::Reverse(c.rangee)));
        t.fields.iban = poser(&mut t, "iban", iban);

        // Parties. A VAT number not in the recipient's section tells the supplier's SIREN too.
        // The party section a value lies in: the nearest heading above it in its column.
        let section_de = |c: &Candidat| -> Option<Partie> {
            let r = doc.rangees.get(c.rangee)?;
            let dans = |(idx, page, x0): &(usize, u32, f32)| -> bool {
                doc.rangees.get(*idx).is_some_and(|entete| {
                    *page == c.page
                        && *idx <= c.rangee
                        && entete.y() - r.y() < 12.0 * entete.h
                        && c.bbox[0] >= x0 - 15.0
                        && c.bbox[0] <= x0 + 250.0
                })
            };
            let dest = sections_dest.iter().filter(|s| dans(s)).map(|s| s.0).max();
            let four = sections_four.iter().filter(|s| dans(s)).map(|s| s.0).max();
            match (dest, four) {
                (Some(d), Some(f)) => Some(if d >= f { Dest } else { Four }),
                (Some(_), None) => Some(Dest),
                (None, Some(_)) => Some(Four),
                (None, None) => None,
            }
        };
        let dans_section_dest = |c: &Candidat| section_de(c) == Some(Dest);
        let bas_de_page = |c: &Candidat| -> bool {
            doc.rangees
                .get(c.rangee)
                .is_some_and(|r| c.bbox[3] < 0.15 * r.hauteur_page)
        };
        for tv in &tvas {
            if tv.partie != Dest && !dans_section_dest(&tv.candidat) {
                if let Some(siren) = tv.candidat.valeur.get(4..13) {
                    if tv.candidat.valeur.starts_with("FR")
                        && !sirens_fournisseur.iter().any(|s| s == siren)
                    {
                        sirens_fournisseur.push(siren.to_owned());
                    }
                }
            }
        }
        let mut fournisseur: Option<&Candidat> = None;
        let mut destinataire: Option<&Candidat> = None;
        let mut inconnus = Vec::new();
        for s in &sirets {
            let siren = s.candidat.valeur.get(..9).unwrap_or_default();
            let partie = match s.partie {
                Inconnue if s.candidat.valeur == SIRET_ETAT => Dest,
                Inconnue if sirens_fournisseur.iter().any(|x| x == siren) => Four,
                Inconnue if section_de(&s.candidat) == Some(Dest) => Dest,
                Inconnue if section_de(&s.candidat) == Some(Four) => Four,
                Inconnue if bas_de_page(&s.candidat) => Four,
                autre => autre,
            };
            match partie {
                Four => {
                    if fournisseur.is_none() {
                        fournisseur = Some(&s.candidat);
                    }
                }
                Dest => {
                    if destinataire.is_none() {
                        destinataire = Some(&s.candidat);
                    }
                }
                Inconnue => inconnus.push(&s.candidat),
            }
        }
        for c in inconnus {
            let deja = |x: Option<&Candidat>| x.is_some_and(|x| x.valeur == c.valeur);
            if deja(fournisseur) || deja(destinataire) {
                continue;
            }
            if !sirens_fournisseur.is_empty() || fournisseur.is_some() {
                // The supplier is known by its legal mentions: another SIRET is the buyer's.
                if destinataire.is_none() {
                    destinataire = Some(c);
                }
            } else if fournisseur.is_none() {
                fournisseur = Some(c);
            }
        }
        if let (Some(f), Some(d)) = (fournisseur, destinataire) {
            if f.valeur == d.valeur {
                t.warnings.push(format!(
                    "the same SIRET {} is printed for both parties",
                    f.valeur
                ));
                destinataire = None;
            }
        }
        t.fields.supplier_siret = poser(&mut t, "supplier_siret", fournisseur);
        t.fields.recipient_siret = poser(&mut t, "recipient_siret", destinataire);
        let siren_fournisseur = t
            .fields
            .supplier_siret
            .as_ref()
            .and_then(|s| s.get(..9))
            .map(str::to_owned);
        let tva_fournisseur = tvas
            .iter()
            .filter(|tv| tv.partie != Dest && !dans_section_dest(&tv.candidat))
            .find(|tv| {
                siren_fournisseur.as_deref().is_none_or(|s| {
                    !tv.candidat.valeur.starts_with("FR")
                        || tv.candidat.valeur.get(4..13) == Some(s)
                })
            })
            .map(|tv| &tv.candidat);
        t.fields.supplier_vat = poser(&mut t, "supplier_vat", tva_fournisseur);

        // Totals that add up.
        let totaux = choisir_totaux(&ht, &tva, &ttc, &tableau_tva, franchise, &mut t.warnings);
        let (ht_choisi, tva_choisie, ttc_choisi) = totaux;
        let poser_montant = |t: &mut Trouvailles,
                             nom: &str,
                             m: &Option<(Decimal, Option<Candidat>)>|
         -> Option<String> {
            let (valeur, c) = m.as_ref()?;
            if let Some(c) = c {
                t.provenance.insert(nom.to_owned(), c.provenance());
            }
            Some(valeurs::format_deux_decimales(valeur.abs()))
        };
        t.fields.total_ht = poser_montant(&mut t, "total_ht", &ht_choisi);
        t.fields.total_vat = poser_montant(&mut t, "total_vat", &tva_choisie);
        t.fields.total_ttc = poser_montant(&mut t, "total_ttc", &ttc_choisi);

        // Amount due: after advances; the contract's fallback is total_ttc.
        let ttc_val = ttc_choisi.as_ref().map(|(v, _)| v.abs());
        let acompte = acomptes.last().map(|a| a.montant.abs());
        let net_choisi = net
            .iter()
            .rev()
            .find(|n| {
                let v = n.montant.abs();
                match (ttc_val, acompte) {
                    (Some(ttc), Some(a)) => v == ttc - a || v == ttc,
                    (Some(ttc), None) => v <= ttc,
                    _ => true,
                }
            })
            .or_else(|| net.last());
        match net_choisi {
            Some(n) => {
                t.provenance
                    .insert("amount_due".to_owned(), n.candidat.provenance());
                t.fields.amount_due = Some(valeurs::format_deux_decimales(n.montant.abs()));
                if let Some(ttc) = ttc_val {
                    let attendu = ttc - acompte.unwrap_or(Decimal::ZERO);
                    if n.montant.abs() != attendu && n.montant.abs() != ttc {
                        t.warnings.push(format!(
                            "amount_due {} differs from total_ttc minus advances {}",
                            valeurs::format_deux_decimales(n.montant.abs()),
                            valeurs::format_deux_decimales(attendu)
                        ));
                    }
                }
            }
            None => {
                if let Some((v, c)) = &ttc_choisi {
                    t.fields.amount_due = Some(valeurs::format_deux_decimales(v.abs()));
                    if let Some(c) = c {
                        t.provenance.insert("amount_due".to_owned(), c.provenance());
                    }
                }
            }
        }

        let ht_val = ht_choisi.as_ref().map(|(v, _)| v.abs());
        // Bases per rate from the invoice lines, trusted only when the lines add up to total HT.
        let somme_lignes: Decimal = lignes.iter().map(|(_, _, net)| *net).sum();
        let bases_lignes: Vec<(Decimal, Decimal)> = if !lignes.is_empty()
            && lignes.iter().all(|(_, taux, _)| taux.is_some())
            && ht_val == Some(somme_lignes)
        {
            let mut bases: Vec<(Decimal, Decimal)> = Vec::new();
            for (_, taux, net) in &lignes {
                let taux = taux.unwrap_or_default();
                match bases.iter_mut().find(|(t, _)| *t == taux) {
                    Some((_, b)) => *b += *net,
                    None => bases.push((taux, *net)),
                }
            }
            bases
        } else {
            Vec::new()
        };
        t.fields.vat_breakdown = ventilation(
            ht_val,
            tva_choisie.as_ref().map(|(v, _)| v.abs()),
            &tva,
            &tableau_tva,
            &bases_lignes,
            franchise,
            &mut t.warnings,
        );
        if !lignes.is_empty() {
            // Without a rate column, every line bears the invoice's single rate.
            let taux_unique = match t.fields.vat_breakdown.as_deref() {
                Some([seule]) => Some(seule.rate.clone()),
                _ => None,
            };
            let sans_taux = lignes.iter().all(|(l, _, _)| l.vat_rate.is_none());
            t.fields.lines = Some(
                lignes
                    .into_iter()
                    .map(|(mut l, _, _)| {
                        if sans_taux {
                            l.vat_rate.clone_from(&taux_unique);
                        }
                        l
                    })
                    .collect(),
            );
        }

        let trouve_quelque_chose = t.fields.invoice_number.is_some()
            || t.fields.total_ttc.is_some()
            || t.fields.total_ht.is_some()
            || t.fields.invoice_date.is_some();
        if trouve_quelque_chose {
            t.fields.invoice_type = Some(if avoir { "AVOIR" } else { "FACTURE" }.to_owned());
            let devise = devises
                .iter()
                .max_by_key(|(_, n)| **n)
                .map_or("EUR", |(d, _)| *d);
            t.fields.currency = Some(devise.to_owned());
        }
        t
    }
}

/// The candidate of highest priority, the first in reading order among equals.
fn meilleur(candidats: &[Candidat]) -> Option<&Candidat> {
    candidats
        .iter()
        .enumerate()
        .max_by_key(|(i, c)| (c.priorite, std::cmp::Reverse(*i)))
        .map(|(_, c)| c)
}

type Choix = Option<(Decimal, Option<Candidat>)>;

/// Picks total HT, total VAT and total TTC so that HT + VAT = TTC (EN 16931 BR-CO-15), preferring
/// the last printed (totals come after running sub-totals), with VAT from the per-rate lines or the
/// breakdown table when no total VAT line is printed.
fn choisir_totaux(
    ht: &[CandidatMontant],
    tva: &[CandidatMontant],
    ttc: &[CandidatMontant],
    tableau: &[(Decimal, Decimal, Decimal, Candidat)],
    franchise: bool,
    warnings: &mut Vec<String>,
) -> (Choix, Choix, Choix) {
    let mut tvas: Vec<(Decimal, Option<Candidat>)> = tva
        .iter()
        .filter(|c| c.taux.is_none())
        .map(|c| (c.montant.abs(), Some(c.candidat.clone())))
        .collect();
    let par_taux: Vec<&CandidatMontant> = tva.iter().filter(|c| c.taux.is_some()).collect();
    if !par_taux.is_empty() {
        let mut vus: Vec<Decimal> = Vec::new();
        let mut somme = Decimal::ZERO;
        for c in &par_taux {
            if let Some(t) = c.taux {
                if !vus.contains(&t) {
                    vus.push(t);
                    somme += c.montant.abs();
                }
            }
        }
        let cand = if par_taux.len() == 1 {
            par_taux.first().map(|c| c.candidat.clone())
        } else {
            None
        };
        tvas.push((somme, cand));
    }
    if !tableau.is_empty() {
        let somme: Decimal = tableau.iter().map(|(_, _, m, _)| *m).sum();
        tvas.push((somme, tableau.first().map(|(_, _, _, c)| c.clone())));
    }
    if franchise {
        tvas.push((Decimal::ZERO, None));
    }
    let mut hts: Vec<(Decimal, Option<Candidat>)> = ht
        .iter()
        .map(|c| (c.montant.abs(), Some(c.candidat.clone())))
        .collect();
    if !tableau.is_empty() {
        // The breakdown table's bases add up to total HT when no total HT line is printed.
        let somme: Decimal = tableau.iter().map(|(_, b, _, _)| *b).sum();
        hts.insert(0, (somme, None));
    }
    let ttcs: Vec<(Decimal, Option<Candidat>)> = ttc
        .iter()
        .map(|c| (c.montant.abs(), Some(c.candidat.clone())))
        .collect();

    for c in ttcs.iter().rev() {
        for h in hts.iter().rev() {
            for v in tvas.iter().rev() {
                if h.0 + v.0 == c.0 {
                    return (Some(h.clone()), Some(v.clone()), Some(c.clone()));
                }
            }
        }
    }
    // Two of three printed: the third follows (reported as a warning).
    let dernier = |l: &[(Decimal, Option<Candidat>)]| l.last().cloned();
    let (h, v, c) = (dernier(&hts), dernier(&tvas), dernier(&ttcs));
    match (&h, &v, &c) {
        (Some(h0), None, Some(c0)) if c0.0 >= h0.0 => {
            let diff = c0.0 - h0.0;
            if diff.is_zero() || taux_standard(h0.0, diff).is_some() {
                warnings.push("total_vat not printed: taken as total_ttc - total_ht".to_owned());
                return (h, Some((diff, None)), c);
            }
            (h, None, c)
        }
        (None, Some(v0), Some(c0)) if c0.0 >= v0.0 => {
            let base = c0.0 - v0.0;
            if v0.0.is_zero() || taux_standard(base, v0.0).is_some() {
                warnings.push("total_ht not printed: taken as total_ttc - total_vat".to_owned());
                return (Some((base, None)), v, c);
            }
            (None, v, c)
        }
        (Some(h0), Some(v0), None) => {
            warnings.push("total_ttc not printed: taken as total_ht + total_vat".to_owned());
            let somme = h0.0 + v0.0;
            (h, v, Some((somme, None)))
        }
        (Some(h0), Some(v0), Some(c0)) => {
            warnings.push(format!(
                "total_ttc differs from total_ht + total_vat by {}",
                valeurs::format_deux_decimales((c0.0 - h0.0 - v0.0).abs())
            ));
            (h, v, c)
        }
        _ => (h, v, c),
    }
}

/// The standard rate that gives `tva` on `base`, within rounding (one cent per started 1000 of base,
/// as line-level rounding allows).
fn taux_standard(base: Decimal, tva: Decimal) -> Option<Decimal> {
    if base <= Decimal::ZERO {
        return None;
    }
    let tolerance = Decimal::new(1, 2) + base / Decimal::new(100_000, 0);
    TAUX_STANDARD
        .iter()
        .filter_map(|t| t.parse::<Decimal>().ok())
        .find(|t| {
            let attendu = (base * t / Decimal::ONE_HUNDRED).round_dp(2);
            (attendu - tva).abs() <= tolerance
        })
}

fn entree(taux: Decimal, base: Decimal, montant: Decimal) -> VatEntry {
    VatEntry {
        rate: valeurs::format_deux_decimales(taux),
        base: valeurs::format_deux_decimales(base),
        amount: valeurs::format_deux_decimales(montant),
    }
}

/// The VAT breakdown (BG-23): the printed table, else the per-rate VAT lines, else one rate
/// inferred from the totals. A single rate takes total HT as its base (contract).
fn ventilation(
    ht: Option<Decimal>,
    tva_totale: Option<Decimal>,
    tva: &[CandidatMontant],
    tableau: &[(Decimal, Decimal, Decimal, Candidat)],
    bases_lignes: &[(Decimal, Decimal)],
    franchise: bool,
    warnings: &mut Vec<String>,
) -> Option<Vec<VatEntry>> {
    let mut entrees: Vec<(Decimal, Option<Decimal>, Decimal)> = Vec::new();
    if !tableau.is_empty() {
        for (t, b, m, _) in tableau {
            if !entrees.iter().any(|(x, _, _)| x == t) {
                entrees.push((*t, Some(*b), *m));
            }
        }
    } else {
        for c in tva.iter().filter(|c| c.taux.is_some()) {
            if let Some(t) = c.taux {
                if !entrees.iter().any(|(x, _, _)| *x == t) {
                    let base_lignes = bases_lignes.iter().find(|(x, _)| *x == t).map(|(_, b)| *b);
                    entrees.push((t, c.base.or(base_lignes), c.montant.abs()));
                }
            }
        }
    }
    if entrees.len() == 1 {
        let (t, _, m) = entrees.first().copied()?;
        let ht = ht?;
        return Some(vec![entree(t, ht, m)]);
    }
    if entrees.len() > 1 {
        if entrees.iter().all(|(_, b, _)| b.is_some()) {
            let liste: Vec<VatEntry> = entrees
                .iter()
                .map(|(t, b, m)| entree(*t, b.unwrap_or_default(), *m))
                .collect();
            let somme_bases: Decimal = entrees.iter().filter_map(|(_, b, _)| *b).sum();
            if ht.is_some_and(|h| h != somme_bases) {
                warnings.push("vat_breakdown bases do not add up to total_ht".to_owned());
            }
            return Some(liste);
        }
        warnings.push("several VAT rates without their bases: vat_breakdown left empty".to_owned());
        return None;
    }
    let ht = ht?;
    let tva_totale = tva_totale?;
    if tva_totale.is_zero() {
        if franchise || !ht.is_zero() {
            return Some(vec![entree(Decimal::ZERO, ht, Decimal::ZERO)]);
        }
        return None;
    }
    let t = taux_standard(ht, tva_totale)?;
    Some(vec![entree(t, ht, tva_totale)])
}
