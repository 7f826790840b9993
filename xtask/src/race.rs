//! `cargo xtask race`: times our WASM extraction against pdf.js in one Chromium page
//! (`shared/tools/race`), on the dev corpus by default.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::{cargo, outils};

/// Builds `extract-wasm` for the web, then runs the shared race tool on `corpus` for `manches` rounds.
pub fn race(racine: &Path, corpus: &Path, manches: u32) -> Result<()> {
    let outil_partage = racine.join("../shared/tools/race");
    if !outil_partage.join("race.js").is_file() {
        bail!(
            "{} is missing: the race tool comes with shared/",
            outil_partage.display()
        );
    }
    crate::etape("build extract-wasm (release, wasm32)");
    lancer(
        cargo()
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "extract-wasm",
                "--lib",
            ])
            .current_dir(racine)
            .env_remove("CARGO_TARGET_DIR"),
    )?;
    let travail = racine.join("target/race");
    let paquet = travail.join("pkg");
    lancer(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-name", "race_wasm", "--out-dir"])
            .arg(&paquet)
            .arg(racine.join("target/wasm32-unknown-unknown/release/extract_wasm.wasm"))
            .env("PATH", outils::path_avec_outils(racine)),
    )?;
    // The same optimiser the SPA build uses, for speed here rather than size.
    let wasm = paquet.join("race_wasm_bg.wasm");
    lancer(
        Command::new("wasm-opt")
            .arg("-O3")
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm)
            .env("PATH", outils::path_avec_outils(racine)),
    )?;

    // shared/ is read-only: run a copy of the tool with its own node_modules.
    let outil = travail.join("outil");
    std::fs::create_dir_all(&outil).context("creating target/race/outil")?;
    for fichier in ["race.js", "race.html", "package.json"] {
        std::fs::copy(outil_partage.join(fichier), outil.join(fichier))
            .with_context(|| format!("copying {fichier}"))?;
    }
    if !outil.join("node_modules/pdfjs-dist").is_dir() {
        lancer(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund"])
                .current_dir(&outil),
        )?;
    }
    crate::etape("race: pdf.js text vs our WASM extraction, in Chromium");
    lancer(
        Command::new("node")
            .arg("race.js")
            .arg(corpus)
            .arg(&paquet)
            .arg(manches.to_string())
            .current_dir(&outil),
    )
}

fn lancer(commande: &mut Command) -> Result<()> {
    let statut = commande
        .status()
        .with_context(|| format!("running {commande:?}"))?;
    if !statut.success() {
        bail!("{commande:?} exited with {statut}");
    }
    Ok(())
}
