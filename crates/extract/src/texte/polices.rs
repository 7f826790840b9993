//! Fonts as the text layer needs them: code splitting, code → Unicode, code → advance width.
//!
//! Simple fonts (Type1, TrueType, Type3, MMType1): one byte per code, Unicode from the ToUnicode CMap,
//! else from the encoding (base encoding + `/Differences`) through glyph names; widths from `/Widths`,
//! else the standard 14 metrics. Composite fonts (Type0): codes split by the encoding CMap's code
//! space (Identity-H: two bytes), Unicode from ToUnicode, widths from the descendant's `/W` and `/DW`.

use std::collections::HashMap;

use pdf::primitive::{Dictionary, Primitive};

use super::fichier::{Fichier, TAILLE_MAX_FLUX};
use super::lexeur::{Lexeur, Operande};
use super::tables;

/// Most code → Unicode entries kept from one CMap (a CMap maps at most 65536 two-byte codes, but a
/// hostile range may announce four-byte spans).
const ENTREES_MAX_CMAP: usize = 70_000;
/// Most code space ranges kept (real CMaps have one to a handful).
const PLAGES_MAX: usize = 64;

/// A code space range of a CMap: codes of `octets` bytes between `bas` and `haut`.
#[derive(Debug, Clone, PartialEq)]
struct PlageCodes {
    octets: usize,
    bas: u32,
    haut: u32,
}

/// A parsed CMap: code space and code → Unicode (ToUnicode) mappings.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CMap {
    plages: Vec<PlageCodes>,
    unitaires: HashMap<u32, String>,
    /// `(low, high, first destination)`: consecutive codes map to consecutive last UTF-16 units.
    intervalles: Vec<(u32, u32, Vec<u16>)>,
}

fn octets_en_code(o: &[u8]) -> u32 {
    o.iter()
        .take(4)
        .fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

fn utf16(o: &[u8]) -> Vec<u16> {
    o.chunks(2)
        .map(|c| match c {
            [h, l] => u16::from(*h) << 8 | u16::from(*l),
            [h] => u16::from(*h),
            _ => 0,
        })
        .collect()
}

fn texte_utf16(u: &[u16]) -> String {
    char::decode_utf16(u.iter().copied())
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect()
}

impl CMap {
    /// Parses a CMap stream (ToUnicode or an embedded encoding CMap), keeping what is well formed.
    pub(crate) fn lire(donnees: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexeur = Lexeur::pour_cmap(donnees);
        let mut entrees = 0usize;
        // Operands of begin…end blocks arrive as operands of the `end…` operator.
        while let Some((op, operandes)) = lexeur.suivant() {
            match op.as_str() {
                "endcodespacerange" => {
                    for paire in operandes.chunks(2) {
                        if let [Operande::Chaine(b), Operande::Chaine(h)] = paire {
                            if !b.is_empty()
                                && b.len() <= 4
                                && b.len() == h.len()
                                && cmap.plages.len() < PLAGES_MAX
                            {
                                cmap.plages.push(PlageCodes {
                                    octets: b.len(),
                                    bas: octets_en_code(b),
                                    haut: octets_en_code(h),
                                });
                            }
                        }
                    }
                }
                "endbfchar" => {
                    for paire in operandes.chunks(2) {
                        if let [Operande::Chaine(src), dst] = paire {
                            let texte = match dst {
                                Operande::Chaine(d) => texte_utf16(&utf16(d)),
                                Operande::Nom(n) => unicode_de_glyphe(n).unwrap_or_default(),
                                _ => continue,
                            };
                            if entrees < ENTREES_MAX_CMAP {
                                cmap.unitaires.insert(octets_en_code(src), texte);
                                entrees += 1;
                            }
                        }
                    }
                }
                "endbfrange" => {
                    for triple in operandes.chunks(3) {
                        let [Operande::Chaine(b), Operande::Chaine(h), dst] = triple else {
                            continue;
                        };
                        let (bas, haut) = (octets_en_code(b), octets_en_code(h));
                        if haut < bas {
                            continue;
                        }
                        match dst {
                            Operande::Chaine(d) if entrees < ENTREES_MAX_CMAP => {
                                cmap.intervalles.push((bas, haut, utf16(d)));
                                entrees += 1;
                            }
                            Operande::Tableau(t) => {
                                for (i, d) in t.iter().enumerate() {
                                    let code = bas.saturating_add(i as u32);
                                    if code > haut || entrees >= ENTREES_MAX_CMAP {
                                        break;
                                    }
                                    if let Operande::Chaine(d) = d {
                                        cmap.unitaires.insert(code, texte_utf16(&utf16(d)));
                                        entrees += 1;
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        // Sorted for binary search; among ranges starting at the same code the first defined wins.
        cmap.intervalles.sort_by_key(|(bas, _, _)| *bas);
        cmap
    }

    /// The Unicode text of a code, when the CMap maps it.
    pub(crate) fn unicode(&self, code: u32) -> Option<String> {
        if let Some(t) = self.unitaires.get(&code) {
            return Some(t.clone());
        }
        // The last range starting at or before the code (ranges do not overlap in well-formed CMaps).
        let i = self.intervalles.partition_point(|(bas, _, _)| *bas <= code);
        let (bas, haut, debut) = self.intervalles.get(i.checked_sub(1)?)?;
        if code > *haut {
            return None;
        }
        let mut u = debut.clone();
        let dernier = u.last_mut()?;
        *dernier = dernier.wrapping_add((code - bas) as u16);
        Some(texte_utf16(&u))
    }

    /// Length in bytes of the code starting at `octets`, from the code space ranges.
    fn longueur_code(&self, octets: &[u8]) -> Option<usize> {
        for n in 1..=4 {
            let Some(prefixe) = octets.get(..n) else {
                break;
            };
            let code = octets_en_code(prefixe);
            if self
                .plages
                .iter()
                .any(|p| p.octets == n && (p.bas..=p.haut).contains(&code))
            {
                return Some(n);
            }
        }
        None
    }
}

/// Unicode of a glyph name: Adobe Glyph List, `uniXXXX…`, `uXXXX[XX]`, `name.suffix`, `a_b` ligatures.
pub(crate) fn unicode_de_glyphe(nom: &str) -> Option<String> {
    if let Ok(i) = tables::GLYPHES.binary_search_by(|(n, _)| (*n).cmp(nom)) {
        return tables::GLYPHES.get(i).map(|(_, u)| (*u).to_string());
    }
    // "f_f_i", "T.sc", "one.oldstyle"
    let base = nom.split('.').next().unwrap_or("");
    if base.is_empty() {
        return None;
    }
    if base != nom {
        return unicode_de_glyphe(base);
    }
    if base.contains('_') {
        let parties: Option<String> = base.split('_').map(unicode_de_glyphe).collect();
        return parties;
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            let unites: Vec<u16> = (0..hex.len() / 4)
                .filter_map(|i| {
                    hex.get(i * 4..i * 4 + 4)
                        .and_then(|h| u16::from_str_radix(h, 16).ok())
                })
                .collect();
            return Some(texte_utf16(&unites));
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    None
}

/// Standard 14 metrics for a base font name (subset prefix and common aliases handled).
fn metriques_standard(nom: &str) -> Option<Metriques> {
    let nom = match nom.split_once('+') {
        Some((prefixe, reste)) if prefixe.len() == 6 => reste,
        _ => nom,
    };
    let bas = nom.to_ascii_lowercase().replace([' ', '-', ','], "");
    let gras = bas.contains("bold") || bas.contains("black") || bas.contains("heavy");
    let italique = bas.contains("italic") || bas.contains("oblique");
    if bas.starts_with("courier") || bas.contains("mono") {
        return Some(Metriques::Fixe);
    }
    let famille = if bas.starts_with("times") || bas.contains("serif") && !bas.contains("sans") {
        "Times"
    } else if bas.starts_with("helvetica") || bas.starts_with("arial") || bas.contains("sans") {
        "Helvetica"
    } else if bas.starts_with("symbol") || bas.starts_with("zapf") {
        return Some(Metriques::Fixe);
    } else {
        return None;
    };
    let nom_afm = match (famille, gras, italique) {
        ("Times", false, false) => "Times-Roman",
        ("Times", true, false) => "Times-Bold",
        ("Times", false, true) => "Times-Italic",
        ("Times", true, true) => "Times-BoldItalic",
        (_, false, false) => "Helvetica",
        (_, true, false) => "Helvetica-Bold",
        (_, false, true) => "Helvetica-Oblique",
        (_, true, true) => "Helvetica-BoldOblique",
    };
    tables::LARGEURS_STANDARD
        .iter()
        .position(|(n, _)| *n == nom_afm)
        .map(Metriques::Table)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Metriques {
    /// Index into `LARGEURS_STANDARD`.
    Table(usize),
    /// Courier (600 for every glyph), also used for Symbol and ZapfDingbats.
    Fixe,
}

impl Metriques {
    fn largeur(self, texte: &str) -> Option<f32> {
        match self {
            Metriques::Fixe => Some(600.0),
            Metriques::Table(i) => {
                let c = texte.chars().next()?;
                let j = tables::CARACTERES_STANDARD.binary_search(&c).ok()?;
                let (_, ligne) = tables::LARGEURS_STANDARD.get(i)?;
                ligne.get(j).map(|&w| f32::from(w))
            }
        }
    }
}

/// How a font turns string bytes into codes.
#[derive(Debug, Clone, PartialEq)]
enum Decoupage {
    /// One byte per code (simple fonts).
    UnOctet,
    /// Two bytes per code (Identity-H / Identity-V and most predefined CMaps).
    DeuxOctets,
    /// By the code space ranges of an embedded encoding CMap.
    Plages(CMap),
}

/// A font, ready to decode strings of a content stream.
#[derive(Debug, Clone)]
pub(crate) struct Police {
    decoupage: Decoupage,
    to_unicode: Option<CMap>,
    /// Glyph names of the simple font's encoding, by code.
    noms: Vec<Option<String>>,
    /// Widths by code from `/Widths` or `/W`, in glyph space units (thousandths of text space).
    largeurs: HashMap<u32, f32>,
    largeur_defaut: f32,
    metriques: Option<Metriques>,
    /// Type3 glyph space → text space scale (0.001 for every other font type).
    echelle: f32,
}

/// One decoded code of a string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Code {
    /// The code's Unicode text (may be empty when unknown, or several characters for ligatures).
    pub texte: String,
    /// Advance width in text space units per unit of font size.
    pub largeur: f32,
    /// Whether the code is the single-byte code 32 (where word spacing `Tw` applies).
    pub espace_simple: bool,
}

impl Police {
    /// A Helvetica-like fallback for a missing or unreadable font resource.
    pub(crate) fn defaut() -> Police {
        Police {
            decoupage: Decoupage::UnOctet,
            to_unicode: None,
            noms: encodage_de_base("WinAnsiEncoding"),
            largeurs: HashMap::new(),
            largeur_defaut: 500.0,
            metriques: metriques_standard("Helvetica"),
            echelle: 0.001,
        }
    }

    /// Reads a font dictionary; never fails, unknown parts fall back to defaults.
    pub(crate) fn lire(fichier: &Fichier<'_>, dict: &Dictionary) -> Police {
        let sous_type = match dict.get("Subtype").and_then(|p| fichier.resoudre(p)) {
            Some(Primitive::Name(n)) => n.to_string(),
            _ => String::new(),
        };
        let base = match dict.get("BaseFont").and_then(|p| fichier.resoudre(p)) {
            Some(Primitive::Name(n)) => n.to_string(),
            _ => String::new(),
        };
        let to_unicode = dict
            .get("ToUnicode")
            .and_then(|p| fichier.flux(p))
            .and_then(|f| fichier.donnees(&f, TAILLE_MAX_FLUX).ok())
            .map(|d| CMap::lire(&d));
        if sous_type == "Type0" {
            return Self::lire_composite(fichier, dict, &base, to_unicode);
        }
        let mut police = Police {
            decoupage: Decoupage::UnOctet,
            to_unicode,
            noms: Vec::new(),
            largeurs: HashMap::new(),
            largeur_defaut: 0.0,
            metriques: metriques_standard(&base),
            echelle: 0.001,
        };
        // Encoding: a name, or a dictionary with /BaseEncoding and /Differences.
        let encodage = dict.get("Encoding").and_then(|p| fichier.resoudre(p));
        let symbolique = base.contains("Symbol") || base.contains("Dingbats");
        let mut noms = match &encodage {
            Some(Primitive::Name(n)) => encodage_de_base(n.as_str()),
            Some(Primitive::Dictionary(d)) => {
                match d.get("BaseEncoding").and_then(|p| fichier.resoudre(p)) {
                    Some(Primitive::Name(n)) => encodage_de_base(n.as_str()),
                    _ if symbolique => vec![None; 256],
                    _ => encodage_de_base("StandardEncoding"),
                }
            }
            _ if symbolique => vec![None; 256],
            _ => encodage_de_base("StandardEncoding"),
        };
        if let Some(Primitive::Dictionary(d)) = &encodage {
            if let Some(diff) = d.get("Differences").and_then(|p| fichier.tableau(p)) {
                let mut code: usize = 0;
                for p in diff.iter() {
                    match p {
                        Primitive::Integer(i) => code = (*i).clamp(0, 255) as usize,
                        Primitive::Number(n) => code = n.clamp(0.0, 255.0) as usize,
                        Primitive::Name(n) => {
                            if let Some(slot) = noms.get_mut(code) {
                                *slot = Some(n.to_string());
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        police.noms = noms;
        // Widths.
        let premier = dict
            .get("FirstChar")
            .and_then(|p| fichier.nombre(p))
            .unwrap_or(0.0)
            .clamp(0.0, 255.0) as u32;
        if let Some(w) = dict.get("Widths").and_then(|p| fichier.tableau(p)) {
            for (i, p) in w.iter().take(256).enumerate() {
                if let Some(v) = fichier.nombre(p) {
                    police.largeurs.insert(premier + i as u32, v);
                }
            }
        }
        let descripteur = fichier.dict_de(dict, "FontDescriptor");
        police.largeur_defaut = descripteur
            .as_ref()
            .and_then(|d| d.get("MissingWidth"))
            .and_then(|p| fichier.nombre(p))
            .unwrap_or(0.0);
        if sous_type == "Type3" {
            let matrice = dict.get("FontMatrix").and_then(|p| fichier.tableau(p));
            police.echelle = matrice
                .and_then(|m| m.first().and_then(|p| fichier.nombre(p)))
                .filter(|v| v.abs() > 1e-6 && v.abs() < 10.0)
                .unwrap_or(0.001);
        }
        police
    }

    fn lire_composite(
        fichier: &Fichier<'_>,
        dict: &Dictionary,
        base: &str,
        to_unicode: Option<CMap>,
    ) -> Police {
        let decoupage = match dict.get("Encoding").and_then(|p| fichier.resoudre(p)) {
            Some(Primitive::Stream(s)) => fichier
                .donnees(&s, TAILLE_MAX_FLUX)
                .ok()
                .map(|d| CMap::lire(&d))
                .filter(|c| !c.plages.is_empty())
                .map(Decoupage::Plages)
                .unwrap_or(Decoupage::DeuxOctets),
            _ => Decoupage::DeuxOctets,
        };
        let descendante = dict
            .get("DescendantFonts")
            .and_then(|p| fichier.tableau(p))
            .and_then(|t| t.first().and_then(|p| fichier.dict(p)))
            .unwrap_or_default();
        let largeur_defaut = descendante
            .get("DW")
            .and_then(|p| fichier.nombre(p))
            .unwrap_or(1000.0);
        let mut largeurs = HashMap::new();
        if let Some(w) = descendante.get("W").and_then(|p| fichier.tableau(p)) {
            let mut i = 0;
            while i < w.len() && largeurs.len() < ENTREES_MAX_CMAP {
                let Some(premier) = w.get(i).and_then(|p| fichier.nombre(p)) else {
                    break;
                };
                let premier = premier.clamp(0.0, u32::MAX as f32) as u32;
                match w.get(i + 1).and_then(|p| fichier.resoudre(p)) {
                    Some(Primitive::Array(liste)) => {
                        for (j, p) in liste.iter().enumerate() {
                            if let Some(v) = fichier.nombre(p) {
                                largeurs.insert(premier.saturating_add(j as u32), v);
                            }
                        }
                        i += 2;
                    }
                    Some(p) => {
                        let dernier = fichier
                            .nombre(&p)
                            .unwrap_or(0.0)
                            .clamp(0.0, u32::MAX as f32)
                            as u32;
                        let v = w
                            .get(i + 2)
                            .and_then(|p| fichier.nombre(p))
                            .unwrap_or(largeur_defaut);
                        let fin = dernier.min(premier.saturating_add(ENTREES_MAX_CMAP as u32));
                        for c in premier..=fin {
                            largeurs.insert(c, v);
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
        Police {
            decoupage,
            to_unicode,
            noms: Vec::new(),
            largeurs,
            largeur_defaut,
            metriques: metriques_standard(base),
            echelle: 0.001,
        }
    }

    /// Splits a string operand into codes with their text and width.
    pub(crate) fn decoder(&self, octets: &[u8]) -> Vec<Code> {
        let mut codes = Vec::with_capacity(octets.len());
        let mut i = 0;
        while i < octets.len() {
            let n = match &self.decoupage {
                Decoupage::UnOctet => 1,
                Decoupage::DeuxOctets => 2,
                Decoupage::Plages(cmap) => cmap
                    .longueur_code(octets.get(i..).unwrap_or_default())
                    .unwrap_or(1),
            };
            let fin = (i + n).min(octets.len());
            let code = octets_en_code(octets.get(i..fin).unwrap_or_default());
            codes.push(self.code(code, n == 1));
            i = fin;
        }
        codes
    }

    fn code(&self, code: u32, simple: bool) -> Code {
        let nom = if simple {
            self.noms.get(code as usize).and_then(|n| n.as_deref())
        } else {
            None
        };
        let texte = self
            .to_unicode
            .as_ref()
            .and_then(|c| c.unicode(code))
            .or_else(|| nom.and_then(unicode_de_glyphe))
            .unwrap_or_default();
        let largeur = match self.largeurs.get(&code) {
            Some(&w) => w,
            None => self.metriques.and_then(|m| m.largeur(&texte)).unwrap_or(
                if self.largeur_defaut > 0.0 {
                    self.largeur_defaut
                } else {
                    500.0
                },
            ),
        };
        Code {
            texte,
            largeur: largeur * self.echelle,
            espace_simple: simple && code == 32,
        }
    }
}

fn encodage_de_base(nom: &str) -> Vec<Option<String>> {
    let table = match nom {
        "WinAnsiEncoding" => &tables::WIN_ANSI,
        "MacRomanEncoding" => &tables::MAC_ROMAN,
        _ => &tables::STANDARD,
    };
    table
        .iter()
        .map(|n| {
            if n.is_empty() {
                None
            } else {
                Some((*n).to_string())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_map_to_unicode() {
        let cas = [
            ("eacute", Some("é")),
            ("uni20AC", Some("€")),
            ("u1F600", Some("\u{1F600}")),
            ("f_i", Some("fi")),
            ("A.sc", Some("A")),
            ("uni00410042", Some("AB")),
            ("g123", None),
        ];
        for (nom, attendu) in cas {
            assert_eq!(unicode_de_glyphe(nom).as_deref(), attendu, "{nom}");
        }
    }

    #[test]
    fn to_unicode_reads_bfchar_and_bfrange_with_arrays() {
        let cmap = CMap::lire(
            b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar\n\
              2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<00E9> <20AC>] endbfrange endcmap",
        );
        assert_eq!(cmap.unicode(3).as_deref(), Some(" "));
        assert_eq!(cmap.unicode(0x11).as_deref(), Some("fi"));
        assert_eq!(cmap.unicode(0x25).as_deref(), Some("B"));
        assert_eq!(cmap.unicode(0x31).as_deref(), Some("€"));
        assert_eq!(cmap.unicode(0x99), None);
        assert_eq!(cmap.longueur_code(&[0, 3]), Some(2));
    }

    #[test]
    fn standard_fonts_have_afm_widths() {
        let h = metriques_standard("Helvetica").and_then(|m| m.largeur("a"));
        assert_eq!(h, Some(556.0));
        let t = metriques_standard("ABCDEF+TimesNewRoman,Bold").and_then(|m| m.largeur("a"));
        assert_eq!(t, Some(500.0));
        assert_eq!(
            metriques_standard("Courier-Bold").and_then(|m| m.largeur("W")),
            Some(600.0)
        );
    }

    #[test]
    fn default_font_decodes_win_ansi() {
        let codes = Police::defaut().decoder(b"\x80 \xe9");
        let textes: Vec<&str> = codes.iter().map(|c| c.texte.as_str()).collect();
        assert_eq!(textes, ["€", " ", "é"]);
        assert!(codes[1].espace_simple);
        assert!((codes[1].largeur - 0.278).abs() < 1e-6);
    }
}
