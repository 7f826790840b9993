//! `cargo xtask run` and `cargo xtask test`: install what is missing, build, start, test.
//!
//! Both commands work on a fresh machine: they add the wasm32 target, install the pinned Trunk and
//! wasm-bindgen-cli, the npm packages of `end2end/` (playwright-core, and binaryen for wasm-opt) and,
//! for the browser tests, Debian's Chromium; whatever is already there is skipped.

mod outils;
mod race;
mod serveur;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

const AIDE: &str = "\
cargo xtask <command>

commands:
  run [--addr HOST:PORT] [--db PATH]   build everything, start passerelle-server with demo data
                                        (default 127.0.0.1:8080, data/passerelle.sqlite)
  test                                  fmt, clippy, unit tests, wasm build, browser tests
  setup                                 only install the missing tools
  build-spa                             only build the SPA into dist/
  score [CORPUS]                        field accuracy of passerelle-extract (shared/tools/score_extract.py)
  race [CORPUS] [ROUNDS]                time our WASM extraction against pdf.js in Chromium
                                        (default ../shared/corpus/dev, 9 rounds)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let resultat = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("setup") => outils::installer(&racine(), outils::Besoin::Tout),
        Some("race") => outils::installer(&racine(), outils::Besoin::Tout).and_then(|()| {
            let corpus = args
                .get(1)
                .map(PathBuf::from)
                .unwrap_or_else(|| racine().join("../shared/corpus/dev"));
            let manches = args.get(2).and_then(|m| m.parse().ok()).unwrap_or(9);
            race::race(&racine(), &corpus, manches)
        }),
        Some("score") => {
            let corpus = args
                .get(1)
                .map(PathBuf::from)
                .unwrap_or_else(|| racine().join("../shared/corpus/dev"));
            score(&racine(), &corpus)
        }
        Some("build-spa") => outils::installer(&racine(), outils::Besoin::Construction)
            .and_then(|()| construire_spa(&racine())),
        _ => {
            eprint!("{AIDE}");
            return ExitCode::from(2);
        }
    };
    match resultat {
        Ok(()) => ExitCode::SUCCESS,
        Err(erreur) => {
            eprintln!("xtask: error: {erreur:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
fn racine() -> PathBuf {
    let manifeste = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifeste
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(manifeste)
}

/// The cargo that runs us, so toolchain overrides are respected.
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn valeur_option(args: &[String], nom: &str) -> Result<Option<String>> {
    match args.iter().position(|a| a == nom) {
        None => Ok(None),
        Some(i) => match args.get(i + 1) {
            Some(v) => Ok(Some(v.clone())),
            None => bail!("{nom} needs a value"),
        },
    }
}

fn run(args: &[String]) -> Result<()> {
    let racine = racine();
    let debut = Instant::now();
    outils::installer(&racine, outils::Besoin::Construction)?;
    construire_spa(&racine)?;
    let binaire = construire_serveur(&racine)?;
    let addr = valeur_option(args, "--addr")?.unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let db = valeur_option(args, "--db")?
        .unwrap_or_else(|| racine.join("data/passerelle.sqlite").display().to_string());
    println!(
        "xtask: ready to start after {:.0} s",
        debut.elapsed().as_secs_f64()
    );

    // Ctrl-C reaches the server too (same process group); we only wait for it to finish cleanly.
    ctrlc::set_handler(|| eprintln!("\nxtask: stopping passerelle-server…"))
        .context("installing the Ctrl-C handler")?;
    let mut serveur = serveur::Serveur::demarrer(&binaire, &addr, &db, &racine.join("dist"))?;
    println!();
    println!("  Passerelle is running: {}", serveur.url);
    println!("  Demo login: demo@passerelle.test / Demo-Passerelle-2026");
    println!("  Data: {db}");
    println!("  Press Ctrl-C to stop.");
    println!();
    let statut = serveur.attendre()?;
    if !statut.success() {
        bail!("passerelle-server stopped with {statut}");
    }
    Ok(())
}

/// Builds `passerelle-extract` (release) and scores it on `corpus` with the shared scoring tool.
fn score(racine: &Path, corpus: &Path) -> Result<()> {
    etape("build passerelle-extract (release)");
    verifier(
        cargo().args([
            "build",
            "--release",
            "-p",
            "extract",
            "--bin",
            "passerelle-extract",
        ]),
        racine,
    )?;
    etape("score on the corpus");
    verifier(
        Command::new("python3")
            .arg(racine.join("../shared/tools/score_extract.py"))
            .arg(racine.join("target/release/passerelle-extract"))
            .arg(corpus),
        racine,
    )
    .map(|_| ())
}

/// Builds the SPA into `dist/` with Trunk, offline, release profile.
fn construire_spa(racine: &Path) -> Result<()> {
    etape("build the SPA (trunk build --release)");
    let statut = Command::new("trunk")
        .args(["build", "--release", "--offline"])
        .current_dir(racine)
        .env("PATH", outils::path_avec_outils(racine))
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .context("running trunk")?;
    if !statut.success() {
        bail!("trunk build failed ({statut})");
    }
    precompresser(&racine.join("dist"))
}

/// Writes `<file>.gz` (best compression) next to each wasm, js and css file of `dist/`: the server then
/// sends those as they are, instead of compressing the 3.8 MB wasm for every visitor.
fn precompresser(dist: &Path) -> Result<()> {
    use std::io::Write as _;
    for entree in std::fs::read_dir(dist).with_context(|| format!("reading {}", dist.display()))? {
        let chemin = entree?.path();
        let compressible = chemin
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "wasm" | "js" | "css"));
        if !compressible {
            continue;
        }
        let contenu =
            std::fs::read(&chemin).with_context(|| format!("reading {}", chemin.display()))?;
        let mut encodeur = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encodeur.write_all(&contenu)?;
        let compresse = encodeur.finish()?;
        let mut nom = chemin.clone().into_os_string();
        nom.push(".gz");
        std::fs::write(&nom, compresse).with_context(|| format!("writing {nom:?}"))?;
    }
    Ok(())
}

/// Builds `passerelle-server` and returns the binary's path.
fn construire_serveur(racine: &Path) -> Result<PathBuf> {
    etape("build passerelle-server");
    let statut = cargo()
        .args([
            "build",
            "-p",
            "passerelle-server",
            "--bin",
            "passerelle-server",
        ])
        .current_dir(racine)
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .context("running cargo build")?;
    if !statut.success() {
        bail!("building passerelle-server failed ({statut})");
    }
    Ok(racine.join("target/debug/passerelle-server"))
}

fn etape(titre: &str) {
    println!("\n==> {titre}");
}

/// The outcome of one step of `cargo xtask test`.
struct Resultat {
    nom: &'static str,
    ok: bool,
    duree: Duration,
    compte: Compte,
}

/// Test counts read from a runner's output.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Compte {
    reussis: u64,
    echoues: u64,
}

fn test(args: &[String]) -> Result<()> {
    let racine = racine();
    let sans_navigateur = args.iter().any(|a| a == "--no-browser");
    let debut = Instant::now();
    outils::installer(
        &racine,
        if sans_navigateur {
            outils::Besoin::Construction
        } else {
            outils::Besoin::Tout
        },
    )?;
    let mut resultats: Vec<Resultat> = Vec::new();

    let mut lancer = |nom: &'static str, f: &mut dyn FnMut() -> Result<Compte>| {
        etape(nom);
        let t0 = Instant::now();
        let (ok, compte) = match f() {
            Ok(compte) => (true, compte),
            Err(erreur) => {
                eprintln!("xtask: {nom}: {erreur:#}");
                (false, Compte::default())
            }
        };
        resultats.push(Resultat {
            nom,
            ok,
            duree: t0.elapsed(),
            compte,
        });
        ok
    };

    lancer("format (cargo fmt --check)", &mut || {
        verifier(cargo().args(["fmt", "--all", "--", "--check"]), &racine)
    });
    lancer("lint (cargo clippy -D warnings)", &mut || {
        verifier(
            cargo().args([
                "clippy",
                "--workspace",
                "--exclude",
                "passerelle",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
            &racine,
        )?;
        verifier(
            cargo().args([
                "clippy",
                "-p",
                "passerelle",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ]),
            &racine,
        )
    });
    lancer("unit and integration tests (cargo test)", &mut || {
        compter(
            cargo().args(["test", "--workspace", "--exclude", "passerelle"]),
            &racine,
            lire_compte_cargo,
        )
    });
    let spa_ok = lancer("wasm build (trunk build --release)", &mut || {
        construire_spa(&racine).map(|()| Compte::default())
    });
    if sans_navigateur {
        println!("\nxtask: browser tests skipped (--no-browser)");
    } else {
        lancer("browser tests (Playwright + Chromium)", &mut || {
            if !spa_ok {
                bail!("skipped: the SPA did not build");
            }
            tests_navigateur(&racine)
        });
    }

    println!("\n==> summary");
    let mut total = Compte::default();
    for r in &resultats {
        println!(
            "  {:<44} {:>4}  {:>6.1} s{}",
            r.nom,
            if r.ok { "ok" } else { "FAIL" },
            r.duree.as_secs_f64(),
            if r.compte == Compte::default() {
                String::new()
            } else {
                format!(
                    "  ({} passed, {} failed)",
                    r.compte.reussis, r.compte.echoues
                )
            }
        );
        total.reussis += r.compte.reussis;
        total.echoues += r.compte.echoues;
    }
    let echecs = resultats.iter().filter(|r| !r.ok).count();
    println!(
        "  total time {:.0} s; {} of {} steps failed",
        debut.elapsed().as_secs_f64(),
        echecs,
        resultats.len()
    );
    println!("tests: {} passed, {} failed", total.reussis, total.echoues);
    if echecs > 0 {
        bail!("{echecs} step(s) failed");
    }
    Ok(())
}

/// Runs a command in the workspace; an unsuccessful exit is an error.
fn verifier(commande: &mut Command, racine: &Path) -> Result<Compte> {
    let statut = commande
        .current_dir(racine)
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .with_context(|| format!("running {commande:?}"))?;
    if !statut.success() {
        bail!("{commande:?} exited with {statut}");
    }
    Ok(Compte::default())
}

/// Runs a test runner, echoing its output, and counts the tests from its summary lines.
fn compter(commande: &mut Command, racine: &Path, lire: fn(&str, &mut Compte)) -> Result<Compte> {
    use std::io::{BufRead, BufReader, Write};
    let mut enfant = commande
        .current_dir(racine)
        .env_remove("CARGO_TARGET_DIR")
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("running {commande:?}"))?;
    let mut compte = Compte::default();
    if let Some(sortie) = enfant.stdout.take() {
        let mut console = std::io::stdout();
        for ligne in BufReader::new(sortie).lines() {
            let ligne = ligne.context("reading the runner's output")?;
            let _ = writeln!(console, "{ligne}");
            lire(&ligne, &mut compte);
        }
    }
    let statut = enfant.wait().context("waiting for the runner")?;
    if !statut.success() {
        bail!(
            "{commande:?} exited with {statut} ({} passed, {} failed)",
            compte.reussis,
            compte.echoues
        );
    }
    if compte.reussis == 0 {
        bail!("{commande:?} ran no test");
    }
    Ok(compte)
}

/// Adds a `test result: ok. 12 passed; 0 failed; …` line of cargo test to the count.
fn lire_compte_cargo(ligne: &str, compte: &mut Compte) {
    let Some(reste) = ligne.trim().strip_prefix("test result: ") else {
        return;
    };
    for morceau in reste.split(';') {
        let mots: Vec<&str> = morceau.split_whitespace().collect();
        // "ok. 12 passed" / "FAILED. 3 passed" / " 1 failed"
        if let [.., nombre, genre] = mots.as_slice() {
            if let Ok(n) = nombre.parse::<u64>() {
                match *genre {
                    "passed" => compte.reussis += n,
                    "failed" => compte.echoues += n,
                    _ => {}
                }
            }
        }
    }
}

/// Adds node's test runner summary lines (`# pass 4`, `# fail 0`) to the count.
fn lire_compte_node(ligne: &str, compte: &mut Compte) {
    let ligne = ligne.trim();
    let lire = |prefixe: &str| {
        ligne
            .strip_prefix(prefixe)
            .and_then(|n| n.trim().parse::<u64>().ok())
    };
    if let Some(n) = lire("# pass") {
        compte.reussis += n;
    } else if let Some(n) = lire("# fail") {
        compte.echoues += n;
    }
}

/// CSP `frame-ancestors` of the test server: itself and the example host page on a loopback origin.
const FRAME_ANCESTORS_TESTS: &str = "'self' http://localhost:* http://127.0.0.1:*";

/// Starts a server on a free port with an in-memory database, runs the browser suite against it,
/// and stops the server whatever the outcome.
fn tests_navigateur(racine: &Path) -> Result<Compte> {
    let binaire = construire_serveur(racine)?;
    // integration.test.js frames the application in the example host page, served on another site
    // (http://localhost:<port> beside http://127.0.0.1:<port>): the CSP must let that page embed it.
    let serveur = serveur::Serveur::demarrer_avec(
        &binaire,
        "127.0.0.1:0",
        ":memory:",
        &racine.join("dist"),
        &["--frame-ancestors", FRAME_ANCESTORS_TESTS],
    )?;
    println!("xtask: test server at {}", serveur.url);
    let resultat = compter(
        Command::new("node")
            .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
            .arg("tests/")
            .env("PASSERELLE_URL", &serveur.url)
            .env("PASSERELLE_ROOT", racine),
        &racine.join("end2end"),
        lire_compte_node,
    );
    drop(serveur);
    resultat
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_spa_assets_get_a_gzip_copy_and_other_files_none() {
        use std::io::Read as _;
        let dossier = std::env::temp_dir().join(format!("xtask-gz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dossier);
        let wasm = b"\0asm".repeat(1_000);
        let _ = std::fs::write(dossier.join("app.wasm"), &wasm);
        let _ = std::fs::write(dossier.join("index.html"), "<html></html>");
        assert!(super::precompresser(&dossier).is_ok());
        let gz = std::fs::read(dossier.join("app.wasm.gz")).unwrap_or_default();
        assert!(gz.len() < wasm.len() / 10, "{} bytes", gz.len());
        let mut relu = Vec::new();
        let _ = flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut relu);
        assert_eq!(relu, wasm);
        assert!(!dossier.join("index.html.gz").exists());
        let _ = std::fs::remove_dir_all(&dossier);
    }

    use super::*;

    #[track_caller]
    fn check_cargo(lignes: &[&str], reussis: u64, echoues: u64) {
        let mut compte = Compte::default();
        for ligne in lignes {
            lire_compte_cargo(ligne, &mut compte);
        }
        assert_eq!(compte, Compte { reussis, echoues });
    }

    #[test]
    fn test_frame_ancestors_are_csp_sources_the_server_accepts() {
        // passerelle-server refuses `;`, `,` and control characters in --frame-ancestors.
        assert!(!FRAME_ANCESTORS_TESTS
            .chars()
            .any(|c| c.is_control() || c == ';' || c == ','));
        for source in FRAME_ANCESTORS_TESTS.split_whitespace() {
            let hote = source
                .strip_prefix("http://")
                .and_then(|s| s.strip_suffix(":*"));
            assert!(
                source == "'self'" || matches!(hote, Some("localhost" | "127.0.0.1")),
                "{source}"
            );
        }
    }

    #[test]
    fn cargo_summary_lines_are_added_up() {
        check_cargo(
            &[
                "test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
                "running 3 tests",
                "test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
            ],
            14,
            1,
        );
    }

    #[test]
    fn lines_that_are_not_summaries_count_nothing() {
        check_cargo(&["test foo ... ok", "12 passed", "test result:"], 0, 0);
    }

    #[test]
    fn node_tap_summary_is_read() {
        let mut compte = Compte::default();
        for ligne in [
            "# tests 5",
            "# pass 4",
            "# fail 1",
            "ok 1 - la page se charge",
        ] {
            lire_compte_node(ligne, &mut compte);
        }
        assert_eq!(
            compte,
            Compte {
                reussis: 4,
                echoues: 1
            }
        );
    }

    #[test]
    fn option_value_is_read_and_a_missing_one_is_an_error() {
        let args: Vec<String> = ["--addr", "0.0.0.0:9000"].map(String::from).to_vec();
        assert_eq!(
            valeur_option(&args, "--addr").ok().flatten().as_deref(),
            Some("0.0.0.0:9000")
        );
        assert_eq!(valeur_option(&args, "--db").ok().flatten(), None);
        let seul: Vec<String> = vec!["--db".to_string()];
        assert!(valeur_option(&seul, "--db").is_err());
    }
}
