//! Installs the tools the build and the tests need, skipping whatever is already there.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

/// Trunk version: 0.22 needs a newer rustc than these machines have.
pub const TRUNK: &str = "0.21.14";
/// Must equal the `wasm-bindgen` pin of the root Cargo.toml and `[tools]` of Trunk.toml.
pub const WASM_BINDGEN: &str = "0.2.130";
/// Debian's Chromium, driven by playwright-core (a downloaded browser cannot be had here).
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// What a command needs installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Besoin {
    /// Building the SPA and the server: wasm target, Trunk, wasm-bindgen-cli, npm packages (wasm-opt).
    Construction,
    /// Building and the browser tests: also Chromium.
    Tout,
}

/// Installs what is missing for `besoin`.
pub fn installer(racine: &Path, besoin: Besoin) -> Result<()> {
    cible_wasm()?;
    outil_cargo(
        "trunk",
        &["--version"],
        TRUNK,
        &["trunk", "--version", TRUNK, "--locked"],
    )?;
    outil_cargo(
        "wasm-bindgen",
        &["--version"],
        WASM_BINDGEN,
        &["wasm-bindgen-cli", "--version", WASM_BINDGEN],
    )?;
    paquets_npm(racine)?;
    // Trunk builds with `cargo --offline`: the crates must be downloaded beforehand.
    lancer(
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["fetch", "--quiet"])
            .current_dir(racine),
    )?;
    if besoin == Besoin::Tout {
        chromium()?;
    }
    Ok(())
}

/// PATH with the npm tools (wasm-opt from binaryen) and cargo's bin folder first.
pub fn path_avec_outils(racine: &Path) -> OsString {
    let mut dossiers = vec![racine.join("end2end/node_modules/.bin")];
    if let Some(maison) = std::env::var_os("CARGO_HOME") {
        dossiers.push(Path::new(&maison).join("bin"));
    } else if let Some(maison) = std::env::var_os("HOME") {
        dossiers.push(Path::new(&maison).join(".cargo/bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dossiers.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dossiers).unwrap_or_default()
}

fn sortie(programme: &str, args: &[&str]) -> Option<String> {
    let sortie = Command::new(programme)
        .args(args)
        .env("PATH", path_avec_outils(Path::new(".")))
        .stderr(Stdio::null())
        .output()
        .ok()?;
    sortie
        .status
        .success()
        .then(|| String::from_utf8_lossy(&sortie.stdout).into_owned())
}

fn cible_wasm() -> Result<()> {
    let installees = sortie("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installees
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("xtask: installing the wasm32-unknown-unknown target");
    lancer(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Installs a cargo tool unless `programme args` already prints `version`.
fn outil_cargo(programme: &str, args: &[&str], version: &str, installation: &[&str]) -> Result<()> {
    if let Some(texte) = sortie(programme, args) {
        if a_la_version(&texte, version) {
            return Ok(());
        }
        println!("xtask: {programme} is {}, {version} needed", texte.trim());
    }
    println!("xtask: installing {programme} {version} (cargo install; this takes minutes, once)");
    let mut commande = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    commande
        .arg("install")
        .args(installation)
        .env_remove("CARGO_TARGET_DIR");
    lancer(&mut commande)
}

/// Whether a `--version` output names exactly this version (`trunk 0.21.14`, `wasm-bindgen 0.2.130`).
pub fn a_la_version(texte: &str, version: &str) -> bool {
    texte.split_whitespace().any(|mot| mot == version)
}

fn paquets_npm(racine: &Path) -> Result<()> {
    let dossier = racine.join("end2end");
    let present = |paquet: &str| {
        dossier
            .join("node_modules")
            .join(paquet)
            .join("package.json")
            .is_file()
    };
    if present("playwright-core") && present("binaryen") {
        return Ok(());
    }
    println!("xtask: installing the npm packages of end2end/ (playwright-core, binaryen)");
    let sous_commande = if dossier.join("package-lock.json").is_file() {
        "ci"
    } else {
        "install"
    };
    lancer(
        Command::new("npm")
            .args([sous_commande, "--no-audit", "--no-fund"])
            .current_dir(&dossier),
    )
}

fn chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    println!("xtask: installing Debian's chromium (apt-get)");
    let root = sortie("id", &["-u"])
        .map(|u| u.trim() == "0")
        .unwrap_or(false);
    let sudo: &[&str] = if root { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let mut tout: Vec<&str> = sudo.to_vec();
        tout.push("apt-get");
        tout.extend_from_slice(args);
        let (programme, reste) = tout
            .split_first()
            .map(|(p, r)| (*p, r.to_vec()))
            .unwrap_or(("apt-get", vec![]));
        let mut commande = Command::new(programme);
        commande
            .args(reste)
            .env("DEBIAN_FRONTEND", "noninteractive");
        lancer(&mut commande)
    };
    apt(&["update", "-q"])?;
    apt(&["install", "-y", "-q", "chromium", "fonts-dejavu-core"])?;
    if !Path::new(CHROMIUM).exists() {
        bail!("apt-get installed chromium but {CHROMIUM} is missing");
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_output_must_name_the_exact_version() {
        assert!(a_la_version("trunk 0.21.14\n", "0.21.14"));
        assert!(a_la_version("wasm-bindgen 0.2.130", "0.2.130"));
        assert!(!a_la_version("trunk 0.21.1", "0.21.14"));
        assert!(!a_la_version("wasm-bindgen 0.2.1300", "0.2.130"));
    }

    /// Trunk refuses to build when the wasm-bindgen crate and CLI differ; the three pins must agree.
    #[test]
    fn wasm_bindgen_pins_agree() {
        let racine = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let cargo_toml = std::fs::read_to_string(racine.join("Cargo.toml")).unwrap_or_default();
        let trunk_toml = std::fs::read_to_string(racine.join("Trunk.toml")).unwrap_or_default();
        assert!(
            cargo_toml.contains(&format!("wasm-bindgen = \"={WASM_BINDGEN}\"")),
            "Cargo.toml must pin wasm-bindgen = \"={WASM_BINDGEN}\""
        );
        assert!(
            trunk_toml.contains(&format!("wasm_bindgen = \"{WASM_BINDGEN}\"")),
            "Trunk.toml must set wasm_bindgen = \"{WASM_BINDGEN}\""
        );
    }
}
