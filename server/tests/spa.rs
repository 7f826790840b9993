//! Static hosting, health endpoints, unknown paths, security headers.

mod common;

use axum::http::StatusCode;
use common::*;
use passerelle_server::config::{DbLocation, Settings};
use passerelle_server::{app, AppState};

#[tokio::test]
async fn health_answers_ok_and_the_version() {
    let router = routeur().await;
    let reponse = envoyer(&router, get("/health", None)).await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.json()["status"], "ok");
    assert_eq!(reponse.json()["version"], env!("CARGO_PKG_VERSION"));
    assert!(reponse
        .header("content-type")
        .unwrap_or_default()
        .starts_with("application/json"));
}

#[tokio::test]
async fn chorus_health_check_answers_200() {
    let router = routeur().await;
    let reponse = envoyer(&router, get("/cpro/transverses/v1/health-check", None)).await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.json()["statusCodeValue"], 200);
}

#[tokio::test]
async fn unknown_api_path_answers_404_json_not_the_spa() {
    let router = routeur().await;
    for uri in ["/cpro/factures/v1/inexistant", "/portail/v1/rien", "/api/x"] {
        let reponse = envoyer(&router, get(uri, None)).await;
        assert_eq!(reponse.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reponse.code_retour(), Some(404), "{uri}");
    }
}

#[tokio::test]
async fn missing_dist_answers_503_explaining_how_to_build() {
    let router = routeur().await;
    let reponse = envoyer(&router, get("/factures", None)).await;
    assert_eq!(reponse.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(reponse.texte().contains("cargo xtask run"));
    assert_eq!(
        reponse.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
}

async fn routeur_avec_dist(frame_ancestors: &str) -> (axum::Router, std::path::PathBuf) {
    // One folder per call: tests run in parallel and rewriting a shared index.html races with reads.
    static NUMERO: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let numero = NUMERO.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dist =
        std::env::temp_dir().join(format!("passerelle-dist-{}-{numero}", std::process::id()));
    let _ = std::fs::create_dir_all(&dist);
    let _ = std::fs::write(
        dist.join("index.html"),
        "<!doctype html><html><head><script type=\"module\">import init from '/app.js'; init();</script></head><body></body></html>",
    );
    let _ = std::fs::write(dist.join("config.json"), r#"{"apiBaseUrl":""}"#);
    let _ = std::fs::write(dist.join("app.js"), "export default function init() {}");
    let settings = Settings {
        db: DbLocation::Memory,
        dist: dist.clone(),
        frame_ancestors: frame_ancestors.to_owned(),
        seed: false,
        ..Settings::default()
    };
    match AppState::open(settings).await {
        Ok(state) => (app(state), dist),
        Err(error) => panic!("state: {error}"),
    }
}

#[tokio::test]
async fn client_routes_get_index_html_with_a_csp_hashing_the_inline_bootstrap() {
    let (router, _dist) = routeur_avec_dist("'self'").await;
    for uri in ["/", "/factures/emises", "/compte"] {
        let reponse = envoyer(&router, get(uri, None)).await;
        assert_eq!(reponse.status, StatusCode::OK, "{uri}");
        assert!(
            reponse.texte().contains("<script type=\"module\">"),
            "{uri}"
        );
        let csp = reponse
            .header("content-security-policy")
            .unwrap_or_default();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'self'"), "{csp}");
        assert_eq!(
            reponse.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
        assert!(reponse.header("referrer-policy").is_some());
    }
}

#[tokio::test]
async fn config_json_and_assets_are_served_from_dist() {
    let (router, _dist) = routeur_avec_dist("'self'").await;
    let config = envoyer(&router, get("/config.json", None)).await;
    assert_eq!(config.status, StatusCode::OK);
    assert_eq!(config.json()["apiBaseUrl"], "");
    let script = envoyer(&router, get("/app.js", None)).await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(script
        .header("content-type")
        .unwrap_or_default()
        .contains("javascript"));
}

#[tokio::test]
async fn assets_are_gzipped_for_clients_that_accept_it() {
    let (router, dist) = routeur_avec_dist("'self'").await;
    let gros = "export const texte = 'Passerelle';\n".repeat(2_000);
    let _ = std::fs::write(dist.join("gros.js"), &gros);
    let requete = || {
        axum::http::Request::get("/gros.js")
            .header("accept-encoding", "gzip")
            .body(axum::body::Body::empty())
            .unwrap_or_default()
    };
    let reponse = envoyer(&router, requete()).await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.header("content-encoding").as_deref(), Some("gzip"));
    assert!(
        reponse.body.len() * 10 < gros.len(),
        "{} bytes for {}",
        reponse.body.len(),
        gros.len()
    );
    // Without Accept-Encoding, the plain bytes.
    let brut = envoyer(&router, get("/gros.js", None)).await;
    assert_eq!(brut.header("content-encoding"), None);
    assert_eq!(brut.body.len(), gros.len());
}

#[tokio::test]
async fn a_precompressed_asset_is_sent_as_it_is_to_clients_that_accept_gzip() {
    let (router, dist) = routeur_avec_dist("'self'").await;
    let _ = std::fs::write(dist.join("app.wasm"), b"\0asm-original-bytes");
    // Not a real gzip of the file: proves the server sends the .gz as it is, without compressing again.
    let marqueur = b"precompressed-by-xtask".to_vec();
    let _ = std::fs::write(dist.join("app.wasm.gz"), &marqueur);
    let requete = axum::http::Request::get("/app.wasm")
        .header("accept-encoding", "gzip")
        .body(axum::body::Body::empty())
        .unwrap_or_default();
    let reponse = envoyer(&router, requete).await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.header("content-encoding").as_deref(), Some("gzip"));
    assert_eq!(reponse.body, marqueur);
    assert!(reponse
        .header("content-type")
        .unwrap_or_default()
        .contains("wasm"));
    let brut = envoyer(&router, get("/app.wasm", None)).await;
    assert_eq!(brut.header("content-encoding"), None);
    assert_eq!(brut.body, b"\0asm-original-bytes".to_vec());
}

#[tokio::test]
async fn missing_asset_with_an_extension_is_a_real_404() {
    let (router, _dist) = routeur_avec_dist("'self'").await;
    let reponse = envoyer(&router, get("/app-0000.wasm", None)).await;
    assert_eq!(reponse.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn frame_ancestors_comes_from_the_settings() {
    let (router, _dist) = routeur_avec_dist("https://intranet.example").await;
    let reponse = envoyer(&router, get("/", None)).await;
    let csp = reponse
        .header("content-security-policy")
        .unwrap_or_default();
    assert!(
        csp.ends_with("frame-ancestors https://intranet.example"),
        "{csp}"
    );
    // X-Frame-Options cannot list an origin: sending it would contradict the CSP (and win in old browsers).
    assert_eq!(reponse.header("x-frame-options"), None);
    let client_route = envoyer(&router, get("/factures-emises/deposer", None)).await;
    assert!(client_route
        .header("content-security-policy")
        .unwrap_or_default()
        .ends_with("frame-ancestors https://intranet.example"));
    assert_eq!(client_route.header("x-frame-options"), None);
}

/// The paths given to `.route(` in the portal router of `src/lib.rs` (the block from
/// `let portail = Router::new()` to its `;`), as `/portail/v1/...`.
fn routes_du_portail() -> Vec<String> {
    let source = include_str!("../src/lib.rs");
    let debut = source
        .find("let portail = Router::new()")
        .unwrap_or(source.len());
    let bloc = &source[debut..];
    let bloc = &bloc[..bloc.find(';').unwrap_or(bloc.len())];
    bloc.split(".route(")
        .skip(1)
        .filter_map(|appel| {
            let guillemet = appel.find('"')?;
            let reste = &appel[guillemet + 1..];
            let fin = reste.find('"')?;
            Some(format!("/portail/v1{}", &reste[..fin]))
        })
        .collect()
}

#[test]
fn openapi_documents_every_portal_route() {
    let openapi = include_str!("../openapi.yaml");
    let routes = routes_du_portail();
    assert!(
        routes.len() > 10,
        "portal routes not found in lib.rs: {routes:?}"
    );
    let autres = ["/api/oauth/token", "/health"].map(str::to_owned);
    for path in routes.iter().chain(&autres) {
        let entree = format!("\n  {path}:\n");
        assert!(
            openapi.contains(&entree),
            "{path} missing from openapi.yaml"
        );
    }
}

#[test]
fn openapi_is_well_formed_yaml_without_merge_leftovers() {
    let openapi = include_str!("../openapi.yaml");
    for marqueur in ["<<<<<<< ", "=======\n", ">>>>>>> "] {
        assert!(
            !openapi
                .lines()
                .any(|l| l.starts_with(marqueur.trim_end_matches('\n'))),
            "merge marker {marqueur:?} left in openapi.yaml"
        );
    }
    // Every path is declared once: a duplicated key would silently drop the first declaration.
    let mut chemins: Vec<&str> = openapi
        .lines()
        .filter(|l| l.starts_with("  /") && l.ends_with(':'))
        .collect();
    let total = chemins.len();
    chemins.sort_unstable();
    chemins.dedup();
    assert_eq!(
        chemins.len(),
        total,
        "a path is declared twice in openapi.yaml"
    );
}
