//! Runs a page's content stream with the text state and matrices, and emits positioned glyphs.
//!
//! Follows PDF 32000-1 §9.4 (text objects and operators) and §8.4 (graphics state): the text
//! rendering matrix is `[Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM`, glyph advance
//! `tx = ((w0 − Tj/1000)·Tfs + Tc + Tw) · Th`. Form XObjects run with their `/Matrix` and resources.

use std::collections::HashMap;

use pdf::object::PlainRef;
use pdf::primitive::{Dictionary, Primitive};

use super::fichier::{Fichier, TAILLE_MAX_FLUX};
use super::lexeur::{Lexeur, Operande};
use super::polices::Police;

/// Most operators run per page (content streams and forms together).
const OPERATIONS_MAX: usize = 1_000_000;
/// Deepest nesting of Form XObjects.
const PROFONDEUR_MAX_FORMES: usize = 8;
/// Deepest `q` nesting kept (deeper saves are counted but not stored).
const PILE_MAX_ETATS: usize = 256;
/// Most glyphs kept per page.
pub(crate) const GLYPHES_MAX: usize = 200_000;
/// Most fonts (and forms) remembered per document.
const CACHE_POLICES_MAX: usize = 10_000;
/// Total decoded content per page.
const CONTENU_MAX: usize = 64 * 1024 * 1024;

/// A 2D affine matrix `[a b c d e f]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrice([f32; 6]);

impl Matrice {
    pub(crate) const IDENTITE: Matrice = Matrice([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × autre` (apply `self` first, then `autre`).
    fn fois(&self, autre: &Matrice) -> Matrice {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = autre.0;
        Matrice([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn point(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn translation(tx: f32, ty: f32) -> Matrice {
        Matrice([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    fn depuis(operandes: &[Operande]) -> Option<Matrice> {
        let mut m = [0.0f32; 6];
        if operandes.len() < 6 {
            return None;
        }
        for (slot, o) in m.iter_mut().zip(operandes.iter().skip(operandes.len() - 6)) {
            match o {
                Operande::Nombre(n) => *slot = *n,
                _ => return None,
            }
        }
        Some(Matrice(m))
    }
}

/// One glyph drawn on the page, in page user space.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyphe {
    /// Unicode text of the glyph (empty when the font gives none).
    pub texte: String,
    /// Left end of the glyph on the baseline.
    pub x0: f32,
    /// Right end (after the advance, before character spacing).
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size in user space (height of an em).
    pub taille: f32,
    /// The glyph is an explicit space.
    pub espace: bool,
}

/// A glyph as drawn, before the page is turned so that its text reads left to right.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GlypheBrut {
    texte: String,
    /// Origin on the baseline.
    origine: (f32, f32),
    /// End of the advance on the baseline.
    fin: (f32, f32),
    taille: f32,
    espace: bool,
    /// Direction of the baseline in quarter turns counter-clockwise (0: left to right).
    sens: u8,
}

/// Keeps the glyphs of the page's dominant text direction and turns them so that they read left to
/// right: a landscape page drawn rotated (or shown with `/Rotate`) reads like a portrait one. Boxes are
/// then in the displayed orientation; returns the glyphs and the turned page's width and height.
pub(crate) fn redresser(bruts: Vec<GlypheBrut>, boite: [f32; 4]) -> (Vec<Glyphe>, f32, f32) {
    let mut comptes = [0usize; 4];
    for g in bruts.iter() {
        if let Some(c) = comptes.get_mut(usize::from(g.sens)) {
            *c += 1;
        }
    }
    // Ties go to the usual direction.
    let mut sens = 0u8;
    for (k, &c) in comptes.iter().enumerate() {
        if c > comptes.get(usize::from(sens)).copied().unwrap_or(0) {
            sens = k as u8;
        }
    }
    let [bx0, by0, bx1, by1] = boite;
    let tourner = |(x, y): (f32, f32)| -> (f32, f32) {
        match sens {
            1 => (y - by0, bx1 - x),
            2 => (bx1 - x, by1 - y),
            3 => (by1 - y, x - bx0),
            _ => (x, y),
        }
    };
    let (largeur, hauteur) = if sens % 2 == 1 {
        (by1 - by0, bx1 - bx0)
    } else {
        (bx1 - bx0, by1 - by0)
    };
    let glyphes = bruts
        .into_iter()
        .filter(|g| g.sens == sens)
        .map(|g| {
            let (x0, y) = tourner(g.origine);
            let (x1, _) = tourner(g.fin);
            Glyphe {
                texte: g.texte,
                x0,
                x1: x1.max(x0),
                y,
                taille: g.taille,
                espace: g.espace,
            }
        })
        .collect();
    (glyphes, largeur, hauteur)
}

#[derive(Debug, Clone)]
struct EtatTexte {
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    ts: f32,
    taille: f32,
    police: Option<PlainRefOuNom>,
}

/// Key of a font in the cache: its object reference, or resource name for direct dictionaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum PlainRefOuNom {
    Ref(PlainRef),
    Nom(usize, String),
}

#[derive(Debug, Clone)]
struct Etat {
    ctm: Matrice,
    texte: EtatTexte,
}

/// Interprets content streams of one document, caching fonts across pages.
pub(crate) struct Interprete<'f, 'a> {
    fichier: &'f Fichier<'a>,
    polices: HashMap<PlainRefOuNom, Police>,
    operations: usize,
    contenu: usize,
    /// Identifies direct font dictionaries per resource dictionary: one number per page and per form.
    generation: usize,
    /// Last generation number given.
    prochaine: usize,
    /// Generation of each Form XObject already run, so that a form drawn many times reads its fonts once.
    generations_formes: HashMap<PlainRef, usize>,
}

impl<'f, 'a> Interprete<'f, 'a> {
    pub(crate) fn new(fichier: &'f Fichier<'a>) -> Self {
        Interprete {
            fichier,
            polices: HashMap::new(),
            operations: 0,
            contenu: 0,
            generation: 0,
            prochaine: 0,
            generations_formes: HashMap::new(),
        }
    }

    /// Glyphs of a page, in drawing order.
    pub(crate) fn page(&mut self, dict: &Dictionary, ressources: &Dictionary) -> Vec<GlypheBrut> {
        self.operations = 0;
        self.contenu = 0;
        let mut donnees = Vec::new();
        let parties: Vec<Primitive> =
            match dict.get("Contents").and_then(|p| self.fichier.resoudre(p)) {
                Some(Primitive::Array(a)) => a,
                Some(p @ Primitive::Stream(_)) => vec![p],
                _ => Vec::new(),
            };
        for partie in parties.iter() {
            let Some(flux) = self.fichier.flux(partie) else {
                continue;
            };
            let reste = CONTENU_MAX.saturating_sub(donnees.len());
            if let Ok(d) = self.fichier.donnees(&flux, reste.min(TAILLE_MAX_FLUX)) {
                donnees.extend_from_slice(&d);
                // Parts are concatenated with a separator: an operator may not span two parts.
                donnees.push(b'\n');
            }
        }
        let mut glyphes = Vec::new();
        let etat = Etat {
            ctm: Matrice::IDENTITE,
            texte: EtatTexte {
                tc: 0.0,
                tw: 0.0,
                th: 1.0,
                tl: 0.0,
                ts: 0.0,
                taille: 0.0,
                police: None,
            },
        };
        self.prochaine += 1;
        self.generation = self.prochaine;
        self.executer(&donnees, ressources, etat, 0, &mut glyphes);
        glyphes
    }

    fn police(&mut self, cle: &PlainRefOuNom, dict: Option<Dictionary>) {
        if self.polices.len() >= CACHE_POLICES_MAX {
            return; // text in further fonts is decoded with the fallback font
        }
        let fichier = self.fichier;
        self.polices.entry(cle.clone()).or_insert_with(|| {
            dict.map(|d| Police::lire(fichier, &d))
                .unwrap_or_else(Police::defaut)
        });
    }

    fn executer(
        &mut self,
        donnees: &[u8],
        ressources: &Dictionary,
        etat_initial: Etat,
        profondeur: usize,
        glyphes: &mut Vec<GlypheBrut>,
    ) {
        let mut etat = etat_initial;
        let mut pile: Vec<Etat> = Vec::new();
        let mut sauvegardes_perdues = 0usize;
        let mut tm = Matrice::IDENTITE;
        let mut tlm = Matrice::IDENTITE;
        let polices_res = self.fichier.dict_de(ressources, "Font").unwrap_or_default();
        let xobjets = self
            .fichier
            .dict_de(ressources, "XObject")
            .unwrap_or_default();
        let generation = self.generation;
        let mut lexeur = Lexeur::new(donnees);
        while let Some((op, o)) = lexeur.suivant() {
            self.operations += 1;
            if self.operations > OPERATIONS_MAX || glyphes.len() >= GLYPHES_MAX {
                return;
            }
            let n = |i: usize| -> f32 {
                // Operands counted from the end: extra leading operands are garbage.
                let k = o.len().checked_sub(i + 1);
                match k.and_then(|k| o.get(k)) {
                    Some(Operande::Nombre(v)) => *v,
                    _ => 0.0,
                }
            };
            match op.as_str() {
                "q" => {
                    if pile.len() < PILE_MAX_ETATS {
                        pile.push(etat.clone());
                    } else {
                        sauvegardes_perdues += 1;
                    }
                }
                "Q" => {
                    if sauvegardes_perdues > 0 {
                        sauvegardes_perdues -= 1;
                    } else if let Some(e) = pile.pop() {
                        etat = e;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrice::depuis(&o) {
                        etat.ctm = m.fois(&etat.ctm);
                    }
                }
                "BT" => {
                    tm = Matrice::IDENTITE;
                    tlm = Matrice::IDENTITE;
                }
                "Tc" => etat.texte.tc = n(0),
                "Tw" => etat.texte.tw = n(0),
                "Tz" => etat.texte.th = n(0) / 100.0,
                "TL" => etat.texte.tl = n(0),
                "Ts" => etat.texte.ts = n(0),
                "Tf" => {
                    etat.texte.taille = n(0);
                    let nom = o.iter().rev().find_map(|x| match x {
                        Operande::Nom(s) => Some(s.clone()),
                        _ => None,
                    });
                    if let Some(nom) = nom {
                        let cle = match polices_res.get(nom.as_str()) {
                            Some(Primitive::Reference(r)) => PlainRefOuNom::Ref(*r),
                            _ => PlainRefOuNom::Nom(generation, nom.clone()),
                        };
                        if !self.polices.contains_key(&cle) {
                            let dict = polices_res
                                .get(nom.as_str())
                                .and_then(|p| self.fichier.dict(p));
                            self.police(&cle, dict);
                        }
                        etat.texte.police = Some(cle);
                    }
                }
                "Td" => {
                    tlm = Matrice::translation(n(1), n(0)).fois(&tlm);
                    tm = tlm;
                }
                "TD" => {
                    etat.texte.tl = -n(0);
                    tlm = Matrice::translation(n(1), n(0)).fois(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrice::depuis(&o) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrice::translation(0.0, -etat.texte.tl).fois(&tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op == "'" || op == "\"" {
                        if op == "\"" && o.len() >= 3 {
                            etat.texte.tw = n(2);
                            etat.texte.tc = n(1);
                        }
                        tlm = Matrice::translation(0.0, -etat.texte.tl).fois(&tlm);
                        tm = tlm;
                    }
                    let Some(cle) = etat.texte.police.clone() else {
                        // Text shown with no font selected: use the fallback font.
                        let cle = PlainRefOuNom::Nom(0, String::new());
                        self.police(&cle, None);
                        etat.texte.police = Some(cle);
                        continue;
                    };
                    let Some(dernier) = o.last() else { continue };
                    let elements: Vec<Operande> = match dernier {
                        Operande::Tableau(t) => t.clone(),
                        autre => vec![autre.clone()],
                    };
                    for el in elements.iter() {
                        match el {
                            Operande::Nombre(ajust) => {
                                let tx = -ajust / 1000.0 * etat.texte.taille * etat.texte.th;
                                tm = Matrice::translation(tx, 0.0).fois(&tm);
                            }
                            Operande::Chaine(octets) => {
                                self.montrer(octets, &cle, &etat, &mut tm, glyphes);
                            }
                            _ => {}
                        }
                    }
                }
                "Do" => {
                    if profondeur >= PROFONDEUR_MAX_FORMES {
                        continue;
                    }
                    let Some(Operande::Nom(nom)) = o.last() else {
                        continue;
                    };
                    let Some(flux) = xobjets.get(nom.as_str()).and_then(|p| self.fichier.flux(p))
                    else {
                        continue;
                    };
                    let est_forme = matches!(flux.info.get("Subtype"), Some(Primitive::Name(s)) if s.as_str() == "Form");
                    if !est_forme {
                        continue;
                    }
                    let matrice = flux
                        .info
                        .get("Matrix")
                        .and_then(|p| self.fichier.tableau(p))
                        .and_then(|t| {
                            let ops: Vec<Operande> = t
                                .iter()
                                .map(|p| {
                                    self.fichier
                                        .nombre(p)
                                        .map(Operande::Nombre)
                                        .unwrap_or(Operande::Autre)
                                })
                                .collect();
                            Matrice::depuis(&ops)
                        })
                        .unwrap_or(Matrice::IDENTITE);
                    let res_forme = self
                        .fichier
                        .dict_de(&flux.info, "Resources")
                        .unwrap_or_else(|| ressources.clone());
                    let reste = CONTENU_MAX.saturating_sub(self.contenu);
                    let Ok(d) = self.fichier.donnees(&flux, reste.min(TAILLE_MAX_FLUX)) else {
                        continue;
                    };
                    self.contenu += d.len();
                    let mut etat_forme = etat.clone();
                    etat_forme.ctm = matrice.fois(&etat.ctm);
                    let cle_forme = match xobjets.get(nom.as_str()) {
                        Some(Primitive::Reference(r)) => Some(*r),
                        _ => None,
                    };
                    self.generation =
                        match cle_forme.and_then(|r| self.generations_formes.get(&r).copied()) {
                            Some(g) => g,
                            None => {
                                self.prochaine += 1;
                                if let Some(r) = cle_forme {
                                    if self.generations_formes.len() < CACHE_POLICES_MAX {
                                        self.generations_formes.insert(r, self.prochaine);
                                    }
                                }
                                self.prochaine
                            }
                        };
                    self.executer(&d, &res_forme, etat_forme, profondeur + 1, glyphes);
                }
                _ => {}
            }
        }
    }

    fn montrer(
        &mut self,
        octets: &[u8],
        cle: &PlainRefOuNom,
        etat: &Etat,
        tm: &mut Matrice,
        glyphes: &mut Vec<GlypheBrut>,
    ) {
        let t = &etat.texte;
        let codes = match self.polices.get(cle) {
            Some(p) => p.decoder(octets),
            None => Police::defaut().decoder(octets),
        };
        for code in codes {
            // Text space → user space for this glyph.
            let trm =
                Matrice([t.taille * t.th, 0.0, 0.0, t.taille, 0.0, t.ts]).fois(&tm.fois(&etat.ctm));
            let (x0, y0) = trm.point(0.0, 0.0);
            let (x1, y1) = trm.point(code.largeur, 0.0);
            let (hx, hy) = (trm.0[2], trm.0[3]);
            let taille = (hx * hx + hy * hy).sqrt();
            let espace = code.texte.chars().all(char::is_whitespace) && !code.texte.is_empty();
            let mut tx = code.largeur * t.taille + t.tc;
            if code.espace_simple {
                tx += t.tw;
            }
            *tm = Matrice::translation(tx * t.th, 0.0).fois(tm);
            // Direction of the baseline, in quarter turns; text whose glyphs are not upright on their
            // baseline (mirrored, skewed stamps) or slanted more than ~11° is left out.
            let (dx, dy) = (x1 - x0, y1 - y0);
            let sens = if dx.abs() >= dy.abs() {
                if dx >= 0.0 {
                    0
                } else {
                    2
                }
            } else if dy > 0.0 {
                1
            } else {
                3
            };
            let (long, travers, haut) = match sens {
                0 => (dx, dy, hy),
                1 => (dy, -dx, -hx),
                2 => (-dx, -dy, -hy),
                _ => (-dy, dx, hx),
            };
            let droit = travers.abs() <= 0.2 * long.abs().max(1e-3) && haut > 0.0;
            if !droit || !taille.is_finite() || taille <= 0.0 {
                continue;
            }
            if glyphes.len() >= GLYPHES_MAX {
                return;
            }
            glyphes.push(GlypheBrut {
                texte: code.texte,
                origine: (x0, y0),
                fin: (x1, y1),
                taille,
                espace,
                sens,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brut(texte: &str, origine: (f32, f32), fin: (f32, f32), sens: u8) -> GlypheBrut {
        GlypheBrut {
            texte: texte.into(),
            origine,
            fin,
            taille: 10.0,
            espace: false,
            sens,
        }
    }

    #[test]
    fn the_dominant_direction_is_turned_to_read_left_to_right() {
        // Text going up the page (a landscape page drawn on a portrait MediaBox), plus a stray glyph.
        let bruts = vec![
            brut("a", (100.0, 50.0), (100.0, 55.0), 1),
            brut("b", (100.0, 55.0), (100.0, 60.0), 1),
            brut("x", (10.0, 10.0), (15.0, 10.0), 0),
        ];
        let (g, largeur, hauteur) = redresser(bruts, [0.0, 0.0, 595.0, 842.0]);
        assert_eq!((largeur, hauteur), (842.0, 595.0));
        assert_eq!(
            g.iter().map(|g| g.texte.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!((g[0].x0, g[0].x1, g[0].y), (50.0, 55.0, 495.0));
    }

    #[test]
    fn matrix_product_applies_left_then_right() {
        let echelle = Matrice([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let deplacement = Matrice::translation(10.0, 5.0);
        assert_eq!(echelle.fois(&deplacement).point(1.0, 1.0), (12.0, 7.0));
        assert_eq!(deplacement.fois(&echelle).point(1.0, 1.0), (22.0, 12.0));
    }
}
