//! Bounded load test over loopback: N invoices, then M `rechercher/fournisseur` calls on one keep-alive
//! connection; prints throughput and latency percentiles.
//!
//! `cargo run -p passerelle-server --example charge [--release] -- [n_factures] [n_appels]` (defaults 10000 10000).

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request};
use http_body_util::BodyExt as _;
use hyper_util::rt::TokioIo;
use passerelle_server::config::{DbLocation, Settings};
use passerelle_server::db::{Creation, NouvelleFacture};
use passerelle_server::seed::{DEMO_EMAIL, DEMO_MOT_DE_PASSE, ID_FOURNISSEUR_DEMO};
use passerelle_server::{serve, AppState};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let n_factures: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let n_appels: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let settings = Settings {
        db: DbLocation::Memory,
        ..Settings::default()
    };
    let state = AppState::open(settings).await?;
    let debut = Instant::now();
    let destinataire = state
        .db
        .structure_par_identifiant("21310000100014")
        .await?
        .map(|s| s.id)
        .unwrap_or_default();
    for i in 0..n_factures {
        let facture = NouvelleFacture {
            id_fournisseur: ID_FOURNISSEUR_DEMO,
            numero: Some(format!("CHARGE-{i:06}")),
            mode_depot: "DEPOT_PDF_API".into(),
            type_facture: "FACTURE".into(),
            depose_le: format!("2026-{:02}-{:02}T10:00:00", 1 + i % 12, 1 + i % 28),
            id_destinataire: destinataire,
            cadre_facturation: "A1_FACTURE_FOURNISSEUR".into(),
            devise: "EUR".into(),
            montant_ttc: Some(format!("{}.00", 100 + i % 900)),
            empreinte_requete: format!("{i}"),
            id_utilisateur_createur: 1,
            requete_json: "{}".into(),
            ..Default::default()
        };
        if let Creation::NumeroDejaUtilise(_) = state.db.creer_facture(&facture, 2026).await? {
            anyhow::bail!("duplicate number {i}");
        }
    }
    eprintln!(
        "{n_factures} invoices created in {:.1} s",
        debut.elapsed().as_secs_f64()
    );

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(serve(listener, state, std::future::pending()));
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);

    let login =
        serde_json::json!({"email": DEMO_EMAIL, "motDePasse": DEMO_MOT_DE_PASSE}).to_string();
    let response = sender
        .send_request(
            Request::post("/portail/v1/session/connexion")
                .header(header::HOST, "localhost")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(login))?,
        )
        .await?;
    let cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or_default()
        .to_owned();
    response.into_body().collect().await?;

    let mut latences = Vec::with_capacity(n_appels);
    let debut = Instant::now();
    for i in 0..n_appels {
        // Vary the page and a filter so the database does real work on each call.
        let body = serde_json::json!({
            "rechercheFactureParFournisseur": {"pageResultatDemandee": 1 + i % 20, "nbResultatsParPage": 50},
            "periodeDateDepotDu": format!("2026-{:02}-01", 1 + i % 12),
        })
        .to_string();
        let request = Request::post("/cpro/factures/v1/rechercher/fournisseur")
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, &cookie)
            .body(Body::from(body))?;
        let t = Instant::now();
        sender
            .ready()
            .await
            .map_err(|e| anyhow::anyhow!("call {i}: connection not ready: {e}"))?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| anyhow::anyhow!("call {i}: {e}"))?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        latences.push(t.elapsed());
        let json: serde_json::Value = serde_json::from_slice(&body)?;
        if !status.is_success() || json["codeRetour"] != 0 {
            anyhow::bail!("call {i}: HTTP {status}, {json}");
        }
    }
    let total = debut.elapsed();
    latences.sort();
    let centile = |p: f64| {
        let rang = ((latences.len() as f64 * p).ceil() as usize).saturating_sub(1);
        latences.get(rang).copied().unwrap_or(Duration::ZERO)
    };
    println!(
        "{n_appels} rechercher/fournisseur on {n_factures} invoices: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        n_appels as f64 / total.as_secs_f64(),
        centile(0.50).as_secs_f64() * 1000.0,
        centile(0.99).as_secs_f64() * 1000.0,
        latences.last().copied().unwrap_or(Duration::ZERO).as_secs_f64() * 1000.0,
    );
    Ok(())
}
