//! Object-level access to a PDF through the `pdf` crate: trailer, page tree, bounded stream decoding.
//!
//! We use the crate for what it does well (cross-reference tables and streams, object streams,
//! decryption with the empty user password) and walk the objects ourselves as `Primitive`s, so that a
//! malformed catalog or font dictionary costs one field, not the document, and so that every loop and
//! every decompression has a bound.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Read;

use pdf::file::{Cache, NoLog, Storage};
use pdf::object::{ParseOptions, PlainRef, Resolve};
use pdf::primitive::{Dictionary, PdfStream, Primitive};
use pdf::PdfError;

use super::ErreurLecture;

/// Largest decoded size of one stream (content stream, font program, CMap, embedded XML).
pub(crate) const TAILLE_MAX_FLUX: usize = 32 * 1024 * 1024;
/// Total decoded bytes per document (all streams together): bounds the work on decompression bombs
/// spread over many small streams.
const BUDGET_DECODAGE: usize = 512 * 1024 * 1024;
/// Deepest page tree we follow (real files have 2 to 5 levels).
const PROFONDEUR_MAX_ARBRE: usize = 32;
/// Most references we follow in a row before giving up (reference to reference to ...).
const CHAINE_MAX_REFERENCES: usize = 16;
/// Most objects a cache keeps; past that, objects are parsed again instead of kept.
const CACHE_MAX: usize = 8192;

/// A per-document cache for the `pdf` crate (single-threaded: extraction runs on one thread).
pub(crate) struct CacheLocal<T>(RefCell<HashMap<PlainRef, T>>);

impl<T> Default for CacheLocal<T> {
    fn default() -> Self {
        CacheLocal(RefCell::new(HashMap::new()))
    }
}

impl<T: Clone> Cache<T> for CacheLocal<T> {
    fn get_or_compute(&self, key: PlainRef, compute: impl FnOnce() -> T) -> T {
        if let Ok(carte) = self.0.try_borrow() {
            if let Some(v) = carte.get(&key) {
                return v.clone();
            }
        }
        // `compute` may come back here for another object: no borrow is held while it runs.
        let v = compute();
        if let Ok(mut carte) = self.0.try_borrow_mut() {
            if carte.len() < CACHE_MAX {
                carte.insert(key, v.clone());
            }
        }
        v
    }
    fn clear(&self) {
        if let Ok(mut carte) = self.0.try_borrow_mut() {
            carte.clear();
        }
    }
    fn remove(&self, key: PlainRef) {
        if let Ok(mut carte) = self.0.try_borrow_mut() {
            carte.remove(&key);
        }
    }
}

type CacheObjets = CacheLocal<Result<pdf::any::AnySync, std::sync::Arc<PdfError>>>;
type CacheFlux = CacheLocal<Result<std::sync::Arc<[u8]>, std::sync::Arc<PdfError>>>;

/// An opened PDF: its objects and trailer.
pub(crate) struct Fichier<'a> {
    storage: Storage<Cow<'a, [u8]>, CacheObjets, CacheFlux, NoLog>,
    trailer: Dictionary,
    /// Decoded bytes still allowed (see [`BUDGET_DECODAGE`]).
    budget: std::cell::Cell<usize>,
}

/// A leaf of the page tree with its inherited attributes resolved.
pub(crate) struct PageBrute {
    /// The page dictionary.
    pub dict: Dictionary,
    /// Resources (own or inherited), empty when none.
    pub ressources: Dictionary,
    /// `[x0, y0, x1, y1]` of the CropBox or MediaBox.
    pub boite: [f32; 4],
}

fn contient_mot_de_passe_invalide(e: &PdfError) -> bool {
    let mut courant: Option<&(dyn std::error::Error + 'static)> = Some(e);
    let mut profondeur = 0;
    while let Some(err) = courant {
        // `t!` wraps causes in `Box<PdfError>`, which downcasts as the box, not the error.
        let pdf_err = err
            .downcast_ref::<PdfError>()
            .or_else(|| err.downcast_ref::<Box<PdfError>>().map(|b| &**b));
        if let Some(PdfError::InvalidPassword) = pdf_err {
            return true;
        }
        profondeur += 1;
        if profondeur > 32 {
            break;
        }
        courant = err.source();
    }
    false
}

fn contient(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

impl<'a> Fichier<'a> {
    /// Opens the document with the empty user password (owner-password-only files open); a file whose
    /// cross-reference table is broken is opened again with a rebuilt one.
    pub(crate) fn ouvrir(octets: &'a [u8]) -> Result<Self, ErreurLecture> {
        if !contient(
            octets.get(..1024.min(octets.len())).unwrap_or_default(),
            b"%PDF",
        ) {
            return Err(ErreurLecture::PasUnPdf);
        }
        let chiffre = contient(octets, b"/Encrypt");
        let premier = Self::ouvrir_tel_quel(Cow::Borrowed(octets), chiffre);
        match premier {
            Ok(f) if !f.pages(1).is_empty() => Ok(f),
            Err(ErreurLecture::MotDePasse) => Err(ErreurLecture::MotDePasse),
            premier => {
                if chiffre {
                    if let Some(corrige) = super::reparation::corriger_permissions(octets) {
                        match Self::ouvrir_tel_quel(Cow::Owned(corrige), chiffre) {
                            Ok(f) if !f.pages(1).is_empty() => return Ok(f),
                            Err(ErreurLecture::MotDePasse) => {
                                return Err(ErreurLecture::MotDePasse)
                            }
                            _ => {}
                        }
                    }
                }
                if let Some(repare) = super::reparation::reconstruire(octets) {
                    if let Ok(f) = Self::ouvrir_tel_quel(Cow::Owned(repare), chiffre) {
                        if !f.pages(1).is_empty() {
                            return Ok(f);
                        }
                    }
                }
                premier
            }
        }
    }

    fn ouvrir_tel_quel(octets: Cow<'a, [u8]>, chiffre: bool) -> Result<Self, ErreurLecture> {
        let erreur = |e: PdfError| {
            if contient_mot_de_passe_invalide(&e) {
                ErreurLecture::MotDePasse
            } else if chiffre {
                ErreurLecture::Chiffrement(e.to_string().lines().last().unwrap_or("").to_string())
            } else {
                ErreurLecture::Illisible(e.to_string().lines().last().unwrap_or("").to_string())
            }
        };
        let mut storage = Storage::with_cache(
            octets,
            ParseOptions::tolerant(),
            CacheObjets::default(),
            CacheFlux::default(),
            NoLog,
        )
        .map_err(erreur)?;
        let trailer = storage.load_storage_and_trailer().map_err(erreur)?;
        Ok(Fichier {
            storage,
            trailer,
            budget: std::cell::Cell::new(BUDGET_DECODAGE),
        })
    }

    /// Resolves references (bounded chain); other primitives are returned as they are.
    pub(crate) fn resoudre(&self, p: &Primitive) -> Option<Primitive> {
        let mut courant = p.clone();
        for _ in 0..CHAINE_MAX_REFERENCES {
            match courant {
                Primitive::Reference(r) => {
                    courant = self.storage.resolver().resolve(r).ok()?;
                }
                autre => return Some(autre),
            }
        }
        None
    }

    /// Resolves to a dictionary (a stream's dictionary counts).
    pub(crate) fn dict(&self, p: &Primitive) -> Option<Dictionary> {
        match self.resoudre(p)? {
            Primitive::Dictionary(d) => Some(d),
            Primitive::Stream(s) => Some(s.info),
            _ => None,
        }
    }

    /// Resolves a dictionary entry to a dictionary.
    pub(crate) fn dict_de(&self, d: &Dictionary, cle: &str) -> Option<Dictionary> {
        self.dict(d.get(cle)?)
    }

    /// Resolves to a stream.
    pub(crate) fn flux(&self, p: &Primitive) -> Option<PdfStream> {
        match self.resoudre(p)? {
            Primitive::Stream(s) => Some(s),
            _ => None,
        }
    }

    /// Resolves to a number.
    pub(crate) fn nombre(&self, p: &Primitive) -> Option<f32> {
        match self.resoudre(p)? {
            Primitive::Integer(i) => Some(i as f32),
            Primitive::Number(n) if n.is_finite() => Some(n),
            _ => None,
        }
    }

    /// Resolves to an array.
    pub(crate) fn tableau(&self, p: &Primitive) -> Option<Vec<Primitive>> {
        match self.resoudre(p)? {
            Primitive::Array(a) => Some(a),
            _ => None,
        }
    }

    /// Whether the document is encrypted (it opened with the empty user password).
    pub(crate) fn est_chiffre(&self) -> bool {
        self.trailer.get("Encrypt").is_some()
    }

    /// The document catalog.
    pub(crate) fn catalogue(&self) -> Option<Dictionary> {
        self.dict_de(&self.trailer, "Root")
    }

    /// Number of pages announced by the page tree root (`/Count`).
    pub(crate) fn nombre_de_pages(&self) -> u32 {
        let compte = self
            .catalogue()
            .and_then(|c| self.dict_de(&c, "Pages"))
            .and_then(|p| p.get("Count").and_then(|c| self.nombre(c)));
        match compte {
            Some(n) if (0.0..1.0e7).contains(&n) => n as u32,
            _ => 0,
        }
    }

    /// The first `max` pages, depth first, with inherited attributes; broken nodes are skipped.
    pub(crate) fn pages(&self, max: usize) -> Vec<PageBrute> {
        let mut sortie = Vec::new();
        let Some(racine) = self.catalogue().and_then(|c| c.get("Pages").cloned()) else {
            return sortie;
        };
        let mut vus = HashSet::new();
        self.parcourir(&racine, None, None, 0, &mut vus, max, &mut sortie);
        sortie
    }

    #[allow(clippy::too_many_arguments)]
    fn parcourir(
        &self,
        noeud: &Primitive,
        ressources: Option<&Dictionary>,
        boite: Option<[f32; 4]>,
        profondeur: usize,
        vus: &mut HashSet<PlainRef>,
        max: usize,
        sortie: &mut Vec<PageBrute>,
    ) {
        if sortie.len() >= max || profondeur > PROFONDEUR_MAX_ARBRE {
            return;
        }
        if let Primitive::Reference(r) = noeud {
            if !vus.insert(*r) {
                return; // a cycle in the page tree
            }
        }
        let Some(dict) = self.dict(noeud) else {
            return;
        };
        let propres = self.dict_de(&dict, "Resources");
        let ressources = propres.as_ref().or(ressources);
        let boite = self
            .boite_de(&dict, "CropBox")
            .or_else(|| self.boite_de(&dict, "MediaBox"))
            .or(boite);
        let est_noeud = matches!(dict.get("Type"), Some(Primitive::Name(n)) if n.as_str() == "Pages")
            || (dict.get("Kids").is_some() && dict.get("Contents").is_none());
        if est_noeud {
            let enfants = dict
                .get("Kids")
                .and_then(|k| self.tableau(k))
                .unwrap_or_default();
            for enfant in enfants.iter() {
                self.parcourir(enfant, ressources, boite, profondeur + 1, vus, max, sortie);
                if sortie.len() >= max {
                    return;
                }
            }
        } else {
            sortie.push(PageBrute {
                ressources: ressources.cloned().unwrap_or_default(),
                boite: boite.unwrap_or([0.0, 0.0, 612.0, 792.0]),
                dict,
            });
        }
    }

    fn boite_de(&self, d: &Dictionary, cle: &str) -> Option<[f32; 4]> {
        let t = self.tableau(d.get(cle)?)?;
        if t.len() != 4 {
            return None;
        }
        let mut v = [0.0f32; 4];
        for (i, p) in t.iter().enumerate() {
            *v.get_mut(i)? = self.nombre(p)?;
        }
        Some([
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ])
    }

    /// The decoded data of a stream, at most `limite` bytes (truncated data is returned as far as it goes).
    pub(crate) fn donnees(&self, flux: &PdfStream, limite: usize) -> Result<Vec<u8>, ErreurFlux> {
        let limite = limite.min(self.budget.get());
        if limite == 0 {
            return Err(ErreurFlux::TropGrand);
        }
        let brut = flux
            .raw_data(&self.storage.resolver())
            .map_err(|_| ErreurFlux::Illisible)?;
        let filtres: Vec<String> = match flux.info.get("Filter").and_then(|f| self.resoudre(f)) {
            None | Some(Primitive::Null) => Vec::new(),
            Some(Primitive::Name(n)) => vec![n.to_string()],
            Some(Primitive::Array(a)) => a
                .iter()
                .filter_map(|p| match self.resoudre(p) {
                    Some(Primitive::Name(n)) => Some(n.to_string()),
                    _ => None,
                })
                .collect(),
            Some(_) => return Err(ErreurFlux::FiltreInconnu),
        };
        let params = flux.info.get("DecodeParms").and_then(|p| self.resoudre(p));
        let mut donnees = brut.to_vec();
        for (i, filtre) in filtres.iter().enumerate() {
            let param = match &params {
                Some(Primitive::Array(a)) => a.get(i).and_then(|p| self.dict(p)),
                Some(Primitive::Dictionary(d)) if i == 0 => Some(d.clone()),
                _ => None,
            };
            donnees = decoder(filtre, &donnees, limite)?;
            if let Some(param) = param {
                let predicteur = param
                    .get("Predictor")
                    .and_then(|p| self.nombre(p))
                    .unwrap_or(1.0);
                if predicteur >= 10.0 {
                    let couleurs = param
                        .get("Colors")
                        .and_then(|p| self.nombre(p))
                        .unwrap_or(1.0);
                    let colonnes = param
                        .get("Columns")
                        .and_then(|p| self.nombre(p))
                        .unwrap_or(1.0);
                    donnees = predicteur_png(
                        &donnees,
                        (couleurs * colonnes).clamp(1.0, 65536.0) as usize,
                    );
                }
            }
        }
        donnees.truncate(limite);
        self.budget
            .set(self.budget.get().saturating_sub(donnees.len()));
        Ok(donnees)
    }
}

/// Why a stream could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErreurFlux {
    /// The stream's bytes could not be read.
    Illisible,
    /// An image filter or an unknown filter.
    FiltreInconnu,
    /// The decoded data is larger than the limit.
    TropGrand,
}

fn lire_borne(lecteur: impl Read, limite: usize) -> Result<Vec<u8>, ErreurFlux> {
    let mut sortie = Vec::new();
    let mut borne = lecteur.take(limite as u64 + 1);
    // A read error past some output is a truncated or damaged stream: keep what was decoded.
    let _ = borne.read_to_end(&mut sortie);
    if sortie.len() > limite {
        return Err(ErreurFlux::TropGrand);
    }
    Ok(sortie)
}

fn decoder(filtre: &str, donnees: &[u8], limite: usize) -> Result<Vec<u8>, ErreurFlux> {
    match filtre {
        "FlateDecode" | "Fl" => {
            let zlib = libflate::zlib::Decoder::new(donnees)
                .map(|d| lire_borne(d, limite))
                .unwrap_or(Ok(Vec::new()))?;
            if !zlib.is_empty() {
                return Ok(zlib);
            }
            // Some writers omit the zlib header: try raw deflate.
            lire_borne(libflate::deflate::Decoder::new(donnees), limite)
        }
        "ASCIIHexDecode" | "AHx" => {
            let mut sortie = Vec::with_capacity(donnees.len() / 2);
            let mut haut: Option<u8> = None;
            for &b in donnees {
                if b == b'>' {
                    break;
                }
                let Some(v) = (b as char).to_digit(16) else {
                    continue;
                };
                match haut.take() {
                    Some(h) => sortie.push(h << 4 | v as u8),
                    None => haut = Some(v as u8),
                }
            }
            if let Some(h) = haut {
                sortie.push(h << 4);
            }
            Ok(sortie)
        }
        "ASCII85Decode" | "A85" => Ok(ascii85(donnees)),
        "LZWDecode" | "LZW" => {
            let mut decodeur =
                weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
            let mut sortie = Vec::new();
            let mut tampon = vec![0u8; 64 * 1024];
            let mut entree = donnees;
            loop {
                let r = decodeur.decode_bytes(entree, &mut tampon);
                let produit = tampon.get(..r.consumed_out).unwrap_or_default();
                sortie.extend_from_slice(produit);
                if sortie.len() > limite {
                    return Err(ErreurFlux::TropGrand);
                }
                entree = entree.get(r.consumed_in..).unwrap_or_default();
                match r.status {
                    Ok(weezl::LzwStatus::Ok) if r.consumed_in > 0 || r.consumed_out > 0 => {}
                    _ => break,
                }
            }
            Ok(sortie)
        }
        "RunLengthDecode" | "RL" => {
            let mut sortie = Vec::new();
            let mut i = 0;
            while let Some(&n) = donnees.get(i) {
                if n == 128 {
                    break;
                }
                if n < 128 {
                    let fin = (i + 2 + n as usize).min(donnees.len());
                    sortie.extend_from_slice(donnees.get(i + 1..fin).unwrap_or_default());
                    i = fin;
                } else {
                    if let Some(&b) = donnees.get(i + 1) {
                        sortie.extend(std::iter::repeat_n(b, 257 - n as usize));
                    }
                    i += 2;
                }
                if sortie.len() > limite {
                    return Err(ErreurFlux::TropGrand);
                }
            }
            Ok(sortie)
        }
        _ => Err(ErreurFlux::FiltreInconnu),
    }
}

fn ascii85(donnees: &[u8]) -> Vec<u8> {
    let mut sortie = Vec::with_capacity(donnees.len() * 4 / 5);
    let mut groupe = [0u32; 5];
    let mut n = 0;
    let mut i = 0;
    if donnees.starts_with(b"<~") {
        i = 2;
    }
    while let Some(&b) = donnees.get(i) {
        i += 1;
        match b {
            b'~' => break,
            b'z' if n == 0 => sortie.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                if let Some(g) = groupe.get_mut(n) {
                    *g = u32::from(b - b'!');
                }
                n += 1;
                if n == 5 {
                    let v = groupe
                        .iter()
                        .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
                    sortie.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in groupe.iter_mut().skip(n) {
            *g = 84;
        }
        let v = groupe
            .iter()
            .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
        sortie.extend_from_slice(v.to_be_bytes().get(..n - 1).unwrap_or_default());
    }
    sortie
}

/// Undoes the PNG predictors (PDF 32000-1 §7.4.4.4) row by row; `largeur` is bytes per row.
fn predicteur_png(donnees: &[u8], largeur: usize) -> Vec<u8> {
    let mut sortie = Vec::with_capacity(donnees.len());
    let mut precedente = vec![0u8; largeur];
    for ligne in donnees.chunks(largeur + 1) {
        let Some((&type_filtre, octets)) = ligne.split_first() else {
            break;
        };
        let mut courante = vec![0u8; largeur];
        for (i, &x) in octets.iter().enumerate() {
            let a = if i > 0 {
                courante.get(i - 1).copied().unwrap_or(0)
            } else {
                0
            };
            let b = precedente.get(i).copied().unwrap_or(0);
            let c = if i > 0 {
                precedente.get(i - 1).copied().unwrap_or(0)
            } else {
                0
            };
            let v = match type_filtre {
                1 => x.wrapping_add(a),
                2 => x.wrapping_add(b),
                3 => x.wrapping_add(((u16::from(a) + u16::from(b)) / 2) as u8),
                4 => {
                    let p = i16::from(a) + i16::from(b) - i16::from(c);
                    let (pa, pb, pc) = (
                        (p - i16::from(a)).abs(),
                        (p - i16::from(b)).abs(),
                        (p - i16::from(c)).abs(),
                    );
                    let pred = if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    };
                    x.wrapping_add(pred)
                }
                _ => x,
            };
            if let Some(slot) = courante.get_mut(i) {
                *slot = v;
            }
        }
        sortie.extend_from_slice(courante.get(..octets.len()).unwrap_or_default());
        precedente = courante;
    }
    sortie
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii85_decodes_the_reference_example() {
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>"), b"Hello World!".to_vec());
    }

    #[test]
    fn ascii_hex_ignores_spaces_and_pads_an_odd_digit() {
        assert_eq!(
            decoder("ASCIIHexDecode", b"48 65 6C6C6F 7>", 100),
            Ok(b"Hello\x70".to_vec())
        );
    }

    #[test]
    fn flate_larger_than_the_limit_is_refused() {
        let mut enc = libflate::zlib::Encoder::new(Vec::new()).expect("in-memory encoder");
        std::io::Write::write_all(&mut enc, &vec![b'a'; 10_000]).expect("in-memory write");
        let z = enc.finish().into_result().expect("in-memory finish");
        assert_eq!(decoder("FlateDecode", &z, 1000), Err(ErreurFlux::TropGrand));
        assert_eq!(
            decoder("FlateDecode", &z, 10_000).map(|v| v.len()),
            Ok(10_000)
        );
    }

    #[test]
    fn run_length_expands_runs_and_literals() {
        assert_eq!(
            decoder(
                "RunLengthDecode",
                &[2, b'a', b'b', b'c', 254, b'x', 128],
                100
            ),
            Ok(b"abcxxx".to_vec())
        );
    }
}
