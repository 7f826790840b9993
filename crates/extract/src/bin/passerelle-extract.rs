//! `passerelle-extract FILE.pdf [FILE.pdf ...]`: one JSON line per file (extraction-contract.md).
//!
//! Each file is extracted in a child process of this same binary (`--un FILE`), with a time limit:
//! the release profile aborts on panic, so isolation is what keeps one hostile file from stopping the
//! run or hanging it. `--dans-le-processus` skips the isolation (benchmarks, debugging).
//! `--lines FILE...` prints the text layer's lines with their boxes (for developing field finding).

use std::io::{Read, Write};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use extract::resultat::{Extraction, Fields, Source};

/// Longest time one file may take before its child process is stopped.
const DELAI_PAR_FICHIER: Duration = Duration::from_secs(30);

fn ligne_json(fichier: &str, r: &Extraction) -> String {
    let nom = serde_json::to_string(fichier).unwrap_or_else(|_| "\"\"".to_string());
    match serde_json::to_string(r) {
        // `{"source":…}` → `{"file":…,"source":…}`: the file name first, as the contract shows it.
        Ok(s) => match s.strip_prefix('{') {
            Some(reste) => format!("{{\"file\":{nom},{reste}"),
            None => s,
        },
        Err(e) => format!(
            "{{\"file\":{nom},\"source\":\"none\",\"error\":{}}}",
            serde_json::to_string(&e.to_string()).unwrap_or_default()
        ),
    }
}

fn erreur(message: String) -> Extraction {
    Extraction {
        source: Source::None,
        pages: 0,
        error: Some(message),
        fields: Fields::default(),
        provenance: Default::default(),
        warnings: Vec::new(),
    }
}

fn extraire_fichier(fichier: &str) -> Extraction {
    match std::fs::read(fichier) {
        Ok(octets) => extract::extract(&octets),
        Err(e) => erreur(format!("Impossible de lire le fichier : {e}")),
    }
}

/// Runs `--un FILE` in a child process; `None` when the child could not be started.
fn extraire_isole(exe: &std::path::Path, fichier: &str) -> Option<String> {
    let mut enfant = Command::new(exe)
        .arg("--un")
        .arg(fichier)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    // Read on a thread so that a large result cannot block the child on a full pipe.
    let mut sortie = enfant.stdout.take()?;
    let lecteur = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = sortie.read_to_string(&mut s);
        s
    });
    let debut = Instant::now();
    let statut = loop {
        match enfant.try_wait() {
            Ok(Some(statut)) => break Some(statut),
            Ok(None) if debut.elapsed() < DELAI_PAR_FICHIER => {
                std::thread::sleep(Duration::from_millis(2))
            }
            _ => {
                let _ = enfant.kill();
                let _ = enfant.wait();
                break None;
            }
        }
    };
    let texte = lecteur.join().unwrap_or_default();
    let ligne = texte.lines().find(|l| l.starts_with('{'));
    Some(match (statut, ligne) {
        (Some(s), Some(l)) if s.success() => l.to_string(),
        (None, _) => ligne_json(
            fichier,
            &erreur(format!(
                "L'extraction a dépassé {} s et a été arrêtée.",
                DELAI_PAR_FICHIER.as_secs()
            )),
        ),
        _ => ligne_json(
            fichier,
            &erreur("Ce PDF n'a pas pu être lu (le lecteur PDF a échoué).".to_string()),
        ),
    })
}

fn afficher_lignes(fichiers: &[String]) {
    for f in fichiers {
        let octets = match std::fs::read(f) {
            Ok(o) => o,
            Err(e) => {
                println!("== {f}: error: {e}");
                continue;
            }
        };
        match extract::texte::lire_pages(&octets, extract::texte::PAGES_PAR_DEFAUT) {
            Ok(doc) => {
                println!("== {f}: {} pages", doc.nombre_de_pages);
                for p in doc.pages {
                    println!("-- page {} ({} x {})", p.numero, p.largeur, p.hauteur);
                    for l in p.lignes {
                        let [x0, y0, x1, y1] = l.bbox;
                        println!("[{x0:.1} {y0:.1} {x1:.1} {y1:.1}] {}", l.texte());
                    }
                }
            }
            Err(e) => println!("== {f}: error: {e}"),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(premier) = args.first() else {
        eprintln!(
            "usage: passerelle-extract [--lines | --dans-le-processus] FILE.pdf [FILE.pdf ...]"
        );
        return ExitCode::from(2);
    };
    let stdout = std::io::stdout();
    let mut sortie = stdout.lock();
    match premier.as_str() {
        "--lines" => afficher_lignes(args.get(1..).unwrap_or_default()),
        "--un" => {
            for f in args.iter().skip(1) {
                let _ = writeln!(sortie, "{}", ligne_json(f, &extraire_fichier(f)));
            }
        }
        "--dans-le-processus" => {
            for f in args.iter().skip(1) {
                let _ = writeln!(sortie, "{}", ligne_json(f, &extraire_fichier(f)));
            }
        }
        _ => {
            let exe = std::env::current_exe().ok();
            for f in args.iter() {
                let ligne = exe
                    .as_deref()
                    .and_then(|exe| extraire_isole(exe, f))
                    .unwrap_or_else(|| ligne_json(f, &extraire_fichier(f)));
                let _ = writeln!(sortie, "{ligne}");
                let _ = sortie.flush();
            }
        }
    }
    ExitCode::SUCCESS
}
