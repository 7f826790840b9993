//! Hostile and damaged input: extraction must answer with a result or a clear error, never panic,
//! and stay within bounded time, on truncated, corrupted, random and encrypted files.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use extract::resultat::Source;

/// The dev corpus (`shared/corpus/dev`, beside the repository), when present.
fn corpus() -> Option<PathBuf> {
    let racine = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    let racine = std::env::var_os("PASSERELLE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or(racine);
    racine.is_dir().then_some(racine)
}

fn pdfs() -> Vec<(String, Vec<u8>)> {
    let Some(dir) = corpus() else {
        eprintln!("corpus not found: robustness tests on corpus files skipped");
        return Vec::new();
    };
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    v.sort();
    v.into_iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read(&p).ok()?,
            ))
        })
        .collect()
}

/// A tiny deterministic generator (xorshift), so that failures are reproducible.
struct Alea(u64);
impl Alea {
    fn suivant(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn sans_panique(octets: &[u8]) -> extract::resultat::Extraction {
    let debut = Instant::now();
    let r = std::panic::catch_unwind(|| extract::extract(octets));
    assert!(
        debut.elapsed() < Duration::from_secs(20),
        "extraction took {:?}",
        debut.elapsed()
    );
    // `extract` catches panics itself; check that the text layer alone does not panic either.
    let t = std::panic::catch_unwind(|| extract::texte::lire_pages(octets, 3));
    assert!(t.is_ok(), "texte::lire_pages panicked");
    r.unwrap_or_else(|_| panic!("extract panicked"))
}

#[test]
fn random_bytes_and_empty_input_give_an_error() {
    let mut alea = Alea(0x9E37_79B9_7F4A_7C15);
    for n in [0usize, 1, 8, 100, 5000] {
        let octets: Vec<u8> = (0..n).map(|_| alea.suivant() as u8).collect();
        let r = sans_panique(&octets);
        assert_eq!(r.source, Source::None);
        assert!(r.error.is_some(), "{n} random bytes");
    }
    let r = sans_panique(b"%PDF-1.7\n%%EOF");
    assert!(r.error.is_some());
}

#[test]
fn truncated_corpus_files_never_panic() {
    for (nom, octets) in pdfs() {
        for part in [0.1, 0.5, 0.9, 0.99] {
            let n = (octets.len() as f64 * part) as usize;
            let r = sans_panique(octets.get(..n).unwrap_or_default());
            assert!(
                r.error.is_some() || r.source != Source::None,
                "{nom} cut at {n}"
            );
        }
    }
}

#[test]
fn corrupted_corpus_files_never_panic() {
    let mut alea = Alea(42);
    for (_nom, octets) in pdfs() {
        for _ in 0..6 {
            let mut copie = octets.clone();
            for _ in 0..20 {
                let i = (alea.suivant() as usize) % copie.len().max(1);
                if let Some(b) = copie.get_mut(i) {
                    *b = alea.suivant() as u8;
                }
            }
            let _ = sans_panique(&copie);
        }
    }
}

#[test]
fn encrypted_corpus_files_open_with_the_empty_password_or_say_a_password_is_needed() {
    let Some(dir) = corpus() else { return };
    let mut vus = 0;
    for (nom, octets) in pdfs() {
        if !octets.windows(8).any(|w| w == b"/Encrypt") {
            continue;
        }
        vus += 1;
        let attendu =
            std::fs::read_to_string(dir.join(nom.replace(".pdf", ".json"))).unwrap_or_default();
        let r = sans_panique(&octets);
        if attendu.contains("\"source\": \"error\"") {
            assert_eq!(
                r.error.as_deref(),
                Some(extract::texte::ErreurLecture::MotDePasse.message().as_str()),
                "{nom}"
            );
        } else {
            assert!(r.error.is_none(), "{nom}: {:?}", r.error);
            let doc =
                extract::texte::lire_pages(&octets, 3).expect("owner-password-only file opens");
            assert!(doc.a_du_texte(), "{nom} decrypted to text");
        }
    }
    assert!(vus > 0, "the corpus has encrypted files");
}
