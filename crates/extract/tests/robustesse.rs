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

/// Extraction that must neither panic nor hang (60 s is generous: debug build on a loaded 2-core
/// machine; a hang would take forever).
fn sans_panique(octets: &[u8]) -> extract::resultat::Extraction {
    let debut = Instant::now();
    let r = std::panic::catch_unwind(|| extract::extract(octets));
    assert!(
        debut.elapsed() < Duration::from_secs(60),
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

/// A one-page PDF whose page content and extra objects are given (objects numbered from 1).
fn pdf_avec(objets: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut positions = Vec::new();
    for (i, o) in objets.iter().enumerate() {
        positions.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objets.len() + 1).as_bytes(),
    );
    for p in positions {
        out.extend_from_slice(format!("{p:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objets.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn flux(dict: &str, donnees: &[u8]) -> Vec<u8> {
    let mut o = format!("<< {dict} /Length {} >>\nstream\n", donnees.len()).into_bytes();
    o.extend_from_slice(donnees);
    o.extend_from_slice(b"\nendstream");
    o
}

fn page(contenu: Vec<u8>, extra: &[Vec<u8>]) -> Vec<u8> {
    let mut objets = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /XObject << /X 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        contenu,
    ];
    objets.extend_from_slice(extra);
    pdf_avec(&objets)
}

/// A zlib stream that inflates to `n × 258 + 1` spaces, written directly with fixed Huffman codes
/// (one literal, then matches of length 258 at distance 1): a few bits per 258 bytes, built in no time.
fn bombe_zlib(n: usize) -> Vec<u8> {
    struct Bits {
        octets: Vec<u8>,
        acc: u32,
        n: u32,
    }
    impl Bits {
        fn bits(&mut self, valeur: u32, n: u32) {
            for i in 0..n {
                self.acc |= ((valeur >> i) & 1) << self.n;
                self.n += 1;
                if self.n == 8 {
                    self.octets.push(self.acc as u8);
                    self.acc = 0;
                    self.n = 0;
                }
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u32, n: u32) {
            for i in (0..n).rev() {
                self.bits((code >> i) & 1, 1);
            }
        }
    }
    let mut b = Bits {
        octets: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    b.bits(1, 1); // final block
    b.bits(1, 2); // fixed Huffman codes
    b.code(0x30 + u32::from(b' '), 8); // literal ' '
    for _ in 0..n {
        b.code(0xC5, 8); // length code 285: 258 bytes
        b.code(0, 5); // distance code 0: distance 1
    }
    b.code(0, 7); // end of block
    b.bits(0, 7);
    b.octets
}

#[test]
fn a_decompression_bomb_is_cut_short() {
    // 64 MiB of spaces in about 400 KiB; the content stream limit (32 MiB) stops decoding early.
    let z = bombe_zlib(64 * 1024 * 1024 / 258);
    assert!(z.len() < 500_000);
    // The bomb is a valid stream: its first megabyte inflates to spaces.
    let mut debut_bombe = Vec::new();
    let lecteur = libflate::zlib::Decoder::new(&z[..]).expect("zlib header");
    std::io::Read::read_to_end(&mut std::io::Read::take(lecteur, 1 << 20), &mut debut_bombe)
        .expect("inflates");
    assert!(debut_bombe.len() == 1 << 20 && debut_bombe.iter().all(|&c| c == b' '));
    let octets = page(flux("/Filter /FlateDecode", &z), &[]);
    let debut = Instant::now();
    let r = sans_panique(&octets);
    assert_eq!(r.source, Source::None);
    assert!(
        debut.elapsed() < Duration::from_secs(60),
        "{:?}",
        debut.elapsed()
    );
}

#[test]
fn forms_drawing_each_other_thousands_of_times_stay_bounded() {
    // Each level draws the form 2000 times, eight levels deep: 2000^8 calls without the bounds.
    let appel = b"/X Do ".repeat(2000);
    let mut contenu_forme = b"BT /F1 9 Tf 10 10 Td (x) Tj ET ".to_vec();
    contenu_forme.extend_from_slice(&appel);
    let forme = flux(
        "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>",
        &contenu_forme,
    );
    let octets = page(flux("", &appel), &[forme]);
    let debut = Instant::now();
    let r = sans_panique(&octets);
    assert!(
        debut.elapsed() < Duration::from_secs(60),
        "{:?}",
        debut.elapsed()
    );
    assert_eq!(r.error, None, "the page has text");
}
