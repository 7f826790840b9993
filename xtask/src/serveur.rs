//! Starts `passerelle-server`, learns its URL from its first line, and stops it when dropped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// The line the server prints once it listens.
const ANNONCE: &str = "Passerelle listening on ";
/// How long the server may take to start (it migrates and seeds the database first).
const DELAI_DEMARRAGE: Duration = Duration::from_secs(60);

/// A running server; dropping it stops the process.
pub struct Serveur {
    enfant: Child,
    /// Base URL, e.g. `http://127.0.0.1:41234`.
    pub url: String,
}

impl Serveur {
    /// Starts the server and waits for its announcement line.
    pub fn demarrer(binaire: &Path, addr: &str, db: &str, dist: &Path) -> Result<Serveur> {
        Serveur::demarrer_avec(binaire, addr, db, dist, &[])
    }

    /// Starts the server with more flags (`autres`), and waits for its announcement line.
    pub fn demarrer_avec(
        binaire: &Path,
        addr: &str,
        db: &str,
        dist: &Path,
        autres: &[&str],
    ) -> Result<Serveur> {
        let mut enfant = Command::new(binaire)
            .arg("--addr")
            .arg(addr)
            .arg("--db")
            .arg(db)
            .arg("--dist")
            .arg(dist)
            .args(autres)
            .stdout(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting {}", binaire.display()))?;
        let Some(sortie) = enfant.stdout.take() else {
            bail!("no stdout from passerelle-server");
        };
        // Read stdout on a thread: it keeps echoing the server's output after the announcement.
        let (envoi, reception) = mpsc::channel::<String>();
        std::thread::spawn(move || {
            for ligne in BufReader::new(sortie).lines().map_while(Result::ok) {
                println!("{ligne}");
                if let Some(url) = ligne.strip_prefix(ANNONCE) {
                    let _ = envoi.send(url.trim().to_string());
                }
            }
        });
        let debut = Instant::now();
        loop {
            match reception.recv_timeout(Duration::from_millis(200)) {
                Ok(url) => return Ok(Serveur { enfant, url }),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {}
            }
            if let Some(statut) = enfant.try_wait().context("watching passerelle-server")? {
                bail!("passerelle-server exited with {statut} before listening");
            }
            if debut.elapsed() > DELAI_DEMARRAGE {
                let _ = enfant.kill();
                bail!("passerelle-server did not announce its address within {DELAI_DEMARRAGE:?}");
            }
        }
    }

    /// Waits until the server stops by itself (Ctrl-C reaches it directly).
    pub fn attendre(&mut self) -> Result<ExitStatus> {
        self.enfant.wait().context("waiting for passerelle-server")
    }
}

impl Drop for Serveur {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.enfant.try_wait() {
            return;
        }
        // Ask politely (graceful shutdown), then insist.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.enfant.id().to_string())
            .status();
        let debut = Instant::now();
        while debut.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.enfant.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.enfant.kill();
        let _ = self.enfant.wait();
    }
}
