//! Glyphs → words → lines: the geometric half of the text layer.
//!
//! Lines gather glyphs whose baselines agree within a quarter of the smaller font size, whatever the
//! order in which they were drawn; words split at explicit spaces and at gaps wider than
//! [`ECART_MOT_EM`] of the font size (so a `TJ` adjustment of −250 or more, or a `Td` jump, separates words).

use crate::layout::{BBox, Ligne, Mot};

use super::interprete::Glyphe;

/// A gap wider than this share of the font size between two glyphs separates words.
pub(crate) const ECART_MOT_EM: f32 = 0.2;
/// Baselines closer than this share of the smaller font size are the same line.
const TOLERANCE_LIGNE_EM: f32 = 0.25;
/// Ascent and descent used for boxes, in em (fonts' own values vary little for Latin text).
const MONTEE_EM: f32 = 0.78;
const DESCENTE_EM: f32 = 0.22;

/// Normalises a glyph's text: ligatures expanded, control characters dropped, odd spaces kept as is.
fn nettoyer(texte: &str) -> String {
    let mut s = String::with_capacity(texte.len());
    for c in texte.chars() {
        match c {
            '\u{fb00}' => s.push_str("ff"),
            '\u{fb01}' => s.push_str("fi"),
            '\u{fb02}' => s.push_str("fl"),
            '\u{fb03}' => s.push_str("ffi"),
            '\u{fb04}' => s.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => s.push_str("st"),
            '\t' | '\n' | '\r' => s.push(' '),
            c if c.is_control() => {}
            '\u{ad}' | '\u{200b}' | '\u{feff}' => {}
            c => s.push(c),
        }
    }
    s
}

/// Glyph with its cleaned text.
struct G {
    texte: String,
    x0: f32,
    x1: f32,
    y: f32,
    taille: f32,
    espace: bool,
}

/// Builds the lines of a page from its glyphs, top to bottom.
pub(crate) fn lignes(glyphes: Vec<Glyphe>) -> Vec<Ligne> {
    let mut gs: Vec<G> = glyphes
        .into_iter()
        .filter_map(|g| {
            let texte = nettoyer(&g.texte);
            if texte.is_empty() || !(g.x0.is_finite() && g.x1.is_finite() && g.y.is_finite()) {
                return None;
            }
            let espace = g.espace || texte.chars().all(|c| c == ' ');
            Some(G {
                texte,
                x0: g.x0,
                x1: g.x1.max(g.x0),
                y: g.y,
                taille: g.taille,
                espace,
            })
        })
        .collect();
    // Top to bottom; stable so that drawing order breaks ties.
    gs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut groupes: Vec<Vec<G>> = Vec::new();
    let mut reference: Option<(f32, f32)> = None;
    for g in gs {
        let meme = match (reference, groupes.last()) {
            (Some((y, t)), Some(_)) => {
                (y - g.y).abs() <= (TOLERANCE_LIGNE_EM * t.min(g.taille)).max(0.5)
            }
            _ => false,
        };
        if meme {
            if let Some(groupe) = groupes.last_mut() {
                groupe.push(g);
            }
        } else {
            reference = Some((g.y, g.taille));
            groupes.push(vec![g]);
        }
    }
    groupes.into_iter().filter_map(ligne).collect()
}

fn ligne(mut gs: Vec<G>) -> Option<Ligne> {
    gs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // Fake bold draws the same glyph twice with a small offset: keep one.
    let mut uniques: Vec<G> = Vec::with_capacity(gs.len());
    for g in gs {
        let doublon = uniques.iter().rev().take(3).any(|u| {
            u.texte == g.texte
                && (u.x0 - g.x0).abs() < 0.15 * g.taille
                && (u.y - g.y).abs() < 0.15 * g.taille
        });
        if !doublon {
            uniques.push(g);
        }
    }
    let mut mots: Vec<Mot> = Vec::new();
    let mut courant: Option<(String, BBox, f32)> = None; // text, box, right end of last glyph
    for g in uniques {
        if g.espace {
            if let Some((t, b, _)) = courant.take() {
                mots.push(mot(t, b));
            }
            continue;
        }
        let boite = [
            g.x0,
            g.y - DESCENTE_EM * g.taille,
            g.x1,
            g.y + MONTEE_EM * g.taille,
        ];
        courant = match courant.take() {
            Some((mut t, b, fin)) if g.x0 - fin <= ECART_MOT_EM * g.taille => {
                t.push_str(&g.texte);
                Some((t, union(b, boite), fin.max(g.x1)))
            }
            Some((t, b, _)) => {
                mots.push(mot(t, b));
                Some((g.texte, boite, g.x1))
            }
            None => Some((g.texte, boite, g.x1)),
        };
    }
    if let Some((t, b, _)) = courant {
        mots.push(mot(t, b));
    }
    // A glyph whose text holds spaces (a ligature-like "a b" from a ToUnicode) splits here too.
    let mots: Vec<Mot> = mots.into_iter().flat_map(scinder).collect();
    let premier = mots.first()?;
    let bbox = mots
        .iter()
        .skip(1)
        .fold(premier.bbox, |b, m| union(b, m.bbox));
    Some(Ligne { mots, bbox })
}

fn mot(texte: String, bbox: BBox) -> Mot {
    Mot { texte, bbox }
}

fn scinder(m: Mot) -> Vec<Mot> {
    if !m.texte.contains(' ') {
        return vec![m];
    }
    let n = m.texte.chars().count().max(1) as f32;
    let largeur = (m.bbox[2] - m.bbox[0]) / n;
    let mut sortie = Vec::new();
    let mut debut = 0usize;
    for (i, partie) in m.texte.split(' ').enumerate() {
        let k = partie.chars().count();
        if !partie.is_empty() {
            let x0 = m.bbox[0] + largeur * debut as f32;
            sortie.push(Mot {
                texte: partie.to_string(),
                bbox: [x0, m.bbox[1], x0 + largeur * k as f32, m.bbox[3]],
            });
        }
        debut += k + 1;
        let _ = i;
    }
    sortie
}

fn union(a: BBox, b: BBox) -> BBox {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(texte: &str, x0: f32, y: f32) -> Glyphe {
        Glyphe {
            texte: texte.into(),
            x0,
            x1: x0 + 5.0,
            y,
            taille: 10.0,
            espace: texte == " ",
        }
    }

    fn textes(l: &[Ligne]) -> Vec<String> {
        l.iter().map(Ligne::texte).collect()
    }

    #[test]
    fn glyphs_drawn_out_of_order_are_read_top_down_left_right() {
        // "b" sits 1 pt below the baseline of "A" and "B" (less than a quarter em): same line.
        let gl = vec![
            g("B", 10.0, 100.0),
            g("A", 0.0, 100.0),
            g("C", 0.0, 200.0),
            g("b", 5.0, 99.0),
        ];
        let l = lignes(gl);
        assert_eq!(textes(&l), ["C", "AbB"]);
    }

    #[test]
    fn a_gap_wider_than_a_fifth_of_an_em_splits_words() {
        let l = lignes(vec![
            g("a", 0.0, 0.0),
            g("b", 5.0, 0.0),
            g("c", 12.5, 0.0),
            g("d", 17.6, 0.0),
        ]);
        assert_eq!(textes(&l), ["ab cd"]);
    }

    #[test]
    fn explicit_spaces_split_words_and_ligatures_are_expanded() {
        let l = lignes(vec![
            g("\u{fb01}", 0.0, 0.0),
            g(" ", 5.0, 0.0),
            g("x", 10.0, 0.0),
        ]);
        assert_eq!(textes(&l), ["fi x"]);
        let attendu = [10.0, -2.2, 15.0, 7.8];
        for (a, b) in l[0].mots[1].bbox.iter().zip(attendu) {
            assert!((a - b).abs() < 1e-3, "{:?}", l[0].mots[1].bbox);
        }
    }

    #[test]
    fn fake_bold_duplicates_are_dropped() {
        let l = lignes(vec![
            g("T", 0.0, 0.0),
            g("T", 0.5, 0.0),
            g("o", 5.0, 0.0),
            g("o", 5.5, 0.0),
        ]);
        assert_eq!(textes(&l), ["To"]);
    }
}
