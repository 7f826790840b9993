//! Gateway mode against a local fake PISTE: token endpoint and a few operations that check the headers
//! exactly, with token expiry, revocation, lasting 401, slow and absent upstreams.

mod common;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Json, Router};
use base64::Engine as _;
use common::*;
use passerelle_server::config::{DbLocation, GatewaySettings, IdentifiantsPiste, Secret, Settings};
use passerelle_server::seed::DEMO_EMAIL;
use passerelle_server::{app, AppState};
use serde_json::{json, Value};

const CLIENT_ID: &str = "id-application-passerelle";
const CLIENT_SECRET: &str = "secret-application-7f3a";
const LOGIN: &str = "TECH_1_12345678901234@cpro.fr";
const MOT_DE_PASSE: &str = "mot-de-passe-technique-9b1c";

/// What the fake PISTE saw and how it behaves.
#[derive(Default)]
struct FauxPiste {
    /// Lifetime of the tokens it issues (`expires_in`).
    duree_jeton: u64,
    /// Tokens it accepts, with their expiry.
    jetons: Mutex<Vec<(String, Instant)>>,
    appels_jeton: AtomicUsize,
    appels_api: AtomicUsize,
    refus_401: AtomicUsize,
    factures_creees: AtomicUsize,
    /// Answers 401 to every API call (a wrong technical account).
    toujours_401: AtomicBool,
    /// Headers of every API call.
    en_tetes_recus: Mutex<Vec<HeaderMap>>,
}

#[derive(serde::Deserialize)]
struct DemandeJeton {
    grant_type: String,
    client_id: String,
    client_secret: String,
    scope: Option<String>,
}

async fn jeton(State(faux): State<Arc<FauxPiste>>, Form(demande): Form<DemandeJeton>) -> Response {
    // A slow token endpoint widens the window in which concurrent callers could each fetch one.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let n = faux.appels_jeton.fetch_add(1, Ordering::SeqCst) + 1;
    if demande.grant_type != "client_credentials"
        || demande.client_id != CLIENT_ID
        || demande.client_secret != CLIENT_SECRET
        || demande.scope.as_deref() != Some("openid")
    {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client", "error_description": "Bad client credentials"})),
        )
            .into_response();
    }
    let valeur = format!("jeton-{n}");
    let expire = Instant::now() + Duration::from_secs(faux.duree_jeton);
    if let Ok(mut jetons) = faux.jetons.lock() {
        jetons.push((valeur.clone(), expire));
    }
    Json(json!({
        "access_token": valeur,
        "token_type": "Bearer",
        "expires_in": faux.duree_jeton,
        "scope": "openid"
    }))
    .into_response()
}

fn refus_piste(faux: &FauxPiste, description: &str) -> Response {
    faux.refus_401.fetch_add(1, Ordering::SeqCst);
    let www = format!(
        "Bearer realm=\"PISTE\",error=\"Unauthorized\",error_description=\"{description}\""
    );
    (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, www)]).into_response()
}

/// Checks the headers like PISTE: a live token and the exact technical account; `None` when accepted.
fn verifier(faux: &FauxPiste, en_tetes: &HeaderMap) -> Option<Response> {
    faux.appels_api.fetch_add(1, Ordering::SeqCst);
    if let Ok(mut recus) = faux.en_tetes_recus.lock() {
        recus.push(en_tetes.clone());
    }
    if faux.toujours_401.load(Ordering::SeqCst) {
        return Some(refus_piste(faux, "login or password incorrects"));
    }
    let bearer = en_tetes
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let maintenant = Instant::now();
    let jeton_vivant = faux
        .jetons
        .lock()
        .map(|jetons| {
            jetons
                .iter()
                .any(|(j, expire)| j == bearer && *expire > maintenant)
        })
        .unwrap_or(false);
    if !jeton_vivant {
        return Some(refus_piste(faux, "Invalid access token"));
    }
    let compte =
        base64::engine::general_purpose::STANDARD.encode(format!("{LOGIN}:{MOT_DE_PASSE}"));
    if en_tetes.get("cpro-account").and_then(|v| v.to_str().ok()) != Some(compte.as_str()) {
        return Some(refus_piste(faux, "login or password incorrects"));
    }
    None
}

async fn consulter_structure(
    State(faux): State<Arc<FauxPiste>>,
    en_tetes: HeaderMap,
    Json(corps): Json<Value>,
) -> Response {
    if let Some(refus) = verifier(&faux, &en_tetes) {
        return refus;
    }
    Json(json!({"codeRetour": 0, "libelle": "TRA_MSG_00.000", "idStructureCPP": corps["idStructureCPP"]}))
        .into_response()
}

/// Creates an invoice per call (a new number each time), or refuses one whose body says `"refuser": true`.
async fn soumettre(
    State(faux): State<Arc<FauxPiste>>,
    en_tetes: HeaderMap,
    Json(corps): Json<Value>,
) -> Response {
    if let Some(refus) = verifier(&faux, &en_tetes) {
        return refus;
    }
    // Slow enough for a retry to arrive while the first call is on its way. The invoice is created on
    // receipt: it exists even when the caller stops waiting for the answer.
    let creee =
        (corps["refuser"] != true).then(|| faux.factures_creees.fetch_add(1, Ordering::SeqCst) + 1);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let Some(n) = creee else {
        return Json(json!({"codeRetour": 20010, "libelle": "Données invalides"})).into_response();
    };
    Json(json!({"codeRetour": 0, "libelle": "GCU_MSG_01_000", "numeroFacture": format!("FAC-{n:04}"), "identifiantFactureCPP": 4242 + n}))
        .into_response()
}

/// A business refusal on HTTP 400, as go-choruspro parses it (api-reference §1.5).
async fn rechercher_fournisseur(
    State(faux): State<Arc<FauxPiste>>,
    en_tetes: HeaderMap,
) -> Response {
    if let Some(refus) = verifier(&faux, &en_tetes) {
        return refus;
    }
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"codeRetour": 20001, "libelle": "GCU_MSG_05_001"})),
    )
        .into_response()
}

/// PISTE's 503 with an HTML body (its front proxy, not Chorus Pro).
async fn indisponible(State(faux): State<Arc<FauxPiste>>, en_tetes: HeaderMap) -> Response {
    if let Some(refus) = verifier(&faux, &en_tetes) {
        return refus;
    }
    (StatusCode::SERVICE_UNAVAILABLE, "<html>maintenance</html>").into_response()
}

async fn lent(State(faux): State<Arc<FauxPiste>>, en_tetes: HeaderMap) -> Response {
    if let Some(refus) = verifier(&faux, &en_tetes) {
        return refus;
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    Json(json!({"codeRetour": 0, "libelle": "trop tard"})).into_response()
}

async fn health_check(State(faux): State<Arc<FauxPiste>>, en_tetes: HeaderMap) -> Response {
    if let Some(refus) = verifier(&faux, &en_tetes) {
        return refus;
    }
    Json(json!({"body": "OK", "statusCode": "OK", "statusCodeValue": 200})).into_response()
}

/// Starts the fake PISTE on a free loopback port; returns it and its base URL.
async fn demarrer_faux_piste(duree_jeton: u64) -> (Arc<FauxPiste>, String) {
    let faux = Arc::new(FauxPiste {
        duree_jeton,
        ..FauxPiste::default()
    });
    let routeur = Router::new()
        .route("/api/oauth/token", post(jeton))
        .route("/cpro/structures/v1/consulter", post(consulter_structure))
        .route("/cpro/factures/v1/soumettre", post(soumettre))
        .route(
            "/cpro/factures/v1/rechercher/fournisseur",
            post(rechercher_fournisseur),
        )
        .route("/cpro/transverses/v1/recuperer/pays", post(indisponible))
        .route("/cpro/transverses/v1/recuperer/devises", post(lent))
        .route(
            "/cpro/transverses/v1/health-check",
            axum::routing::get(health_check),
        )
        .with_state(faux.clone());
    let base = servir(routeur).await;
    (faux, base)
}

async fn servir(routeur: Router) -> String {
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(error) => panic!("bind: {error}"),
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(error) => panic!("local addr: {error}"),
    };
    tokio::spawn(async move {
        let _ = axum::serve(listener, routeur).await;
    });
    format!("http://{addr}")
}

fn reglages_passerelle(base: &str, timeout: Duration) -> GatewaySettings {
    GatewaySettings {
        api_base: base.to_owned(),
        token_url: format!("{base}/api/oauth/token"),
        timeout,
        identifiants: IdentifiantsPiste {
            client_id: CLIENT_ID.to_owned(),
            client_secret: Secret::new(CLIENT_SECRET),
            cpro_login: LOGIN.to_owned(),
            cpro_password: Secret::new(MOT_DE_PASSE),
        },
    }
}

/// passerelle-server in gateway mode in front of `gateway`, with the seeded demo account.
async fn passerelle(gateway: GatewaySettings) -> Router {
    let settings = Settings {
        db: DbLocation::Memory,
        dist: std::path::PathBuf::from("/nonexistent/passerelle-dist"),
        gateway: Some(gateway),
        ..Settings::default()
    };
    match AppState::open(settings).await {
        Ok(state) => app(state),
        Err(error) => panic!("state: {error}"),
    }
}

/// A fake PISTE with `duree_jeton`, the gateway in front of it, and a signed-in portal cookie.
async fn installation(duree_jeton: u64) -> (Arc<FauxPiste>, Router, String) {
    let (faux, base) = demarrer_faux_piste(duree_jeton).await;
    let routeur = passerelle(reglages_passerelle(&base, Duration::from_secs(2))).await;
    let cookie = connecter(&routeur, DEMO_EMAIL).await;
    (faux, routeur, cookie)
}

fn compteurs(faux: &FauxPiste) -> (usize, usize, usize) {
    (
        faux.appels_jeton.load(Ordering::SeqCst),
        faux.appels_api.load(Ordering::SeqCst),
        faux.refus_401.load(Ordering::SeqCst),
    )
}

#[tokio::test]
async fn a_call_is_forwarded_with_the_token_and_the_technical_account_and_the_answer_comes_back() {
    let (faux, routeur, cookie) = installation(3600).await;
    let mut requete = post_json(
        "/cpro/structures/v1/consulter",
        Some(&cookie),
        r#"{"idStructureCPP": 26300989}"#,
    );
    requete.headers_mut().insert(
        header::AUTHORIZATION,
        header::HeaderValue::from_static("Bearer du-navigateur"),
    );
    let reponse = envoyer(&routeur, requete).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["codeRetour"], 0);
    assert_eq!(
        reponse.json()["idStructureCPP"],
        26300989,
        "the body reached PISTE unchanged"
    );
    assert_eq!(compteurs(&faux), (1, 1, 0));
    let recus = faux
        .en_tetes_recus
        .lock()
        .map(|r| r.clone())
        .unwrap_or_default();
    let en_tetes = &recus[0];
    assert_eq!(
        en_tetes
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok()),
        Some("Bearer jeton-1"),
        "the browser's Authorization is replaced by the server's token"
    );
    assert!(
        en_tetes.get(header::COOKIE).is_none(),
        "the portal cookie stays home"
    );
    assert_eq!(
        en_tetes
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/json;charset=utf-8")
    );
}

#[tokio::test]
async fn the_token_is_fetched_once_for_several_calls_even_concurrent_ones() {
    let (faux, routeur, cookie) = installation(3600).await;
    let mut taches = Vec::new();
    for _ in 0..5 {
        let routeur = routeur.clone();
        let cookie = cookie.clone();
        taches.push(tokio::spawn(async move {
            envoyer(
                &routeur,
                post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}"),
            )
            .await
            .status
        }));
    }
    for tache in taches {
        assert_eq!(tache.await.ok(), Some(StatusCode::OK));
    }
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}"),
    )
    .await;
    assert_eq!(reponse.json()["numeroFacture"], "FAC-0006");
    assert_eq!(
        compteurs(&faux),
        (1, 6, 0),
        "one token for six calls, no 401"
    );
}

#[tokio::test]
async fn a_token_is_renewed_before_it_expires() {
    // expires_in = 2 s: the gateway uses it for half its life, then fetches a new one before PISTE refuses it.
    let (faux, routeur, cookie) = installation(2).await;
    let appel = || post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}");
    assert_eq!(envoyer(&routeur, appel()).await.status, StatusCode::OK);
    assert_eq!(envoyer(&routeur, appel()).await.status, StatusCode::OK);
    assert_eq!(compteurs(&faux).0, 1);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(envoyer(&routeur, appel()).await.status, StatusCode::OK);
    assert_eq!(
        compteurs(&faux),
        (2, 3, 0),
        "renewed in time: PISTE never said 401"
    );
}

#[tokio::test]
async fn a_revoked_token_is_replaced_and_the_call_retried_once() {
    let (faux, routeur, cookie) = installation(3600).await;
    let appel = || post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}");
    assert_eq!(envoyer(&routeur, appel()).await.status, StatusCode::OK);
    // PISTE forgets every token it issued (revocation, restart…).
    if let Ok(mut jetons) = faux.jetons.lock() {
        jetons.clear();
    }
    let reponse = envoyer(&routeur, appel()).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["codeRetour"], 0);
    assert_eq!(
        compteurs(&faux),
        (2, 3, 1),
        "one 401, one new token, one retry"
    );
    assert_eq!(envoyer(&routeur, appel()).await.status, StatusCode::OK);
    assert_eq!(compteurs(&faux), (2, 4, 1), "the new token is cached");
}

#[tokio::test]
async fn a_lasting_401_becomes_a_clear_502_after_a_single_retry() {
    let (faux, routeur, cookie) = installation(3600).await;
    faux.toujours_401.store(true, Ordering::SeqCst);
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}"),
    )
    .await;
    assert_eq!(
        reponse.status,
        StatusCode::BAD_GATEWAY,
        "not a 401: the SPA would take it for its own expired session"
    );
    assert_eq!(reponse.code_retour(), Some(502));
    let libelle = reponse.json()["libelle"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        libelle.contains("login or password incorrects"),
        "{libelle}"
    );
    assert!(libelle.contains("compte technique"), "{libelle}");
    assert_eq!(compteurs(&faux), (2, 2, 2), "two tries, no loop");
}

#[tokio::test]
async fn wrong_application_credentials_give_a_502_with_the_oauth_error() {
    let (faux, base) = demarrer_faux_piste(3600).await;
    let mut reglages = reglages_passerelle(&base, Duration::from_secs(2));
    reglages.identifiants.client_secret = Secret::new("pas-le-bon");
    let routeur = passerelle(reglages).await;
    let cookie = connecter(&routeur, DEMO_EMAIL).await;
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}"),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::BAD_GATEWAY);
    let libelle = reponse.json()["libelle"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(libelle.contains("invalid_client"), "{libelle}");
    assert!(!libelle.contains("pas-le-bon"), "{libelle}");
    assert_eq!(compteurs(&faux), (1, 0, 0), "no API call without a token");
}

#[tokio::test]
async fn piste_refusals_come_back_with_their_status_and_body() {
    let (_faux, routeur, cookie) = installation(3600).await;
    let reponse = envoyer(
        &routeur,
        post_json(
            "/cpro/factures/v1/rechercher/fournisseur",
            Some(&cookie),
            "{}",
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        reponse.json(),
        json!({"codeRetour": 20001, "libelle": "GCU_MSG_05_001"})
    );
    // A body that is not Chorus Pro's JSON is wrapped, the status kept.
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/transverses/v1/recuperer/pays", Some(&cookie), "{}"),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reponse.code_retour(), Some(503));
    assert!(reponse.texte().contains("HTTP 503"), "{}", reponse.texte());
}

#[tokio::test]
async fn the_health_check_is_forwarded_as_a_get() {
    let (faux, routeur, cookie) = installation(3600).await;
    let reponse = envoyer(
        &routeur,
        get("/cpro/transverses/v1/health-check", Some(&cookie)),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["body"], "OK");
    assert_eq!(compteurs(&faux), (1, 1, 0));
}

#[tokio::test]
async fn a_slow_upstream_gives_504_and_an_absent_one_502() {
    let (_faux, base) = demarrer_faux_piste(3600).await;
    let routeur = passerelle(reglages_passerelle(&base, Duration::from_secs(1))).await;
    let cookie = connecter(&routeur, DEMO_EMAIL).await;
    let debut = Instant::now();
    let reponse = envoyer(
        &routeur,
        post_json(
            "/cpro/transverses/v1/recuperer/devises",
            Some(&cookie),
            "{}",
        ),
    )
    .await;
    assert_eq!(
        reponse.status,
        StatusCode::GATEWAY_TIMEOUT,
        "{}",
        reponse.texte()
    );
    assert_eq!(reponse.code_retour(), Some(504));
    assert!(
        debut.elapsed() < Duration::from_secs(4),
        "the timeout applies"
    );

    // A port nobody listens on.
    let libre = match std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()) {
        Ok(addr) => addr,
        Err(error) => panic!("bind: {error}"),
    };
    let routeur = passerelle(reglages_passerelle(
        &format!("http://{libre}"),
        Duration::from_secs(1),
    ))
    .await;
    let cookie = connecter(&routeur, DEMO_EMAIL).await;
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}"),
    )
    .await;
    assert_eq!(
        reponse.status,
        StatusCode::BAD_GATEWAY,
        "{}",
        reponse.texte()
    );
    assert_eq!(reponse.code_retour(), Some(502));
    assert!(reponse.json()["libelle"]
        .as_str()
        .unwrap_or_default()
        .contains("injoignable"));
}

#[tokio::test]
async fn anonymous_callers_get_401_and_nothing_is_forwarded() {
    let (faux, routeur, _cookie) = installation(3600).await;
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/factures/v1/soumettre", None, "{}"),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reponse.code_retour(), Some(401));
    let reponse = envoyer(&routeur, get("/cpro/transverses/v1/health-check", None)).await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
    // PISTE-style credentials are the sandbox's business, not the gateway's.
    let piste = axum::http::Request::post("/cpro/factures/v1/soumettre")
        .header(header::AUTHORIZATION, "Bearer jeton-1")
        .header("cpro-account", "bG9naW46cGFzc3dvcmQ=")
        .body(axum::body::Body::from("{}"))
        .unwrap_or_default();
    assert_eq!(
        envoyer(&routeur, piste).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(compteurs(&faux), (0, 0, 0), "PISTE was never called");
}

#[tokio::test]
async fn only_chorus_pro_operations_are_forwarded() {
    let (faux, routeur, cookie) = installation(3600).await;
    for chemin in [
        "/cpro/organisations/v1/structures",
        "/cpro/factures/v1/..%2F..%2Fapi/oauth/token",
        "/cpro/factures/v1/../../../api/oauth/token",
        "/cpro/transverses/v1/health-check/",
    ] {
        let reponse = envoyer(&routeur, post_json(chemin, Some(&cookie), "{}")).await;
        assert_eq!(reponse.status, StatusCode::NOT_FOUND, "{chemin}");
        assert_eq!(reponse.code_retour(), Some(404), "{chemin}");
    }
    // Operations are POST, the health check GET: the wrong method gets a JSON 405.
    let reponse = envoyer(&routeur, get("/cpro/factures/v1/soumettre", Some(&cookie))).await;
    assert_eq!(reponse.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reponse.code_retour(), Some(405));
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/transverses/v1/health-check", Some(&cookie), "{}"),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(405), "{}", reponse.texte());
    // The sandbox's own token endpoint does not exist in gateway mode.
    let reponse = envoyer(&routeur, post_json("/api/oauth/token", None, "")).await;
    assert_ne!(reponse.status, StatusCode::OK);
    assert_eq!(compteurs(&faux), (0, 0, 0));
}

#[tokio::test]
async fn health_reports_the_gateway_mode_and_its_upstream() {
    let (_faux, base) = demarrer_faux_piste(3600).await;
    let routeur = passerelle(reglages_passerelle(&base, Duration::from_secs(1))).await;
    let reponse = envoyer(&routeur, get("/health", None)).await;
    assert_eq!(reponse.json()["mode"], "gateway");
    assert_eq!(reponse.json()["upstream"], base.as_str());
    assert!(!reponse.texte().contains(CLIENT_SECRET));
    let sandbox = routeur_bac_a_sable().await;
    assert_eq!(
        envoyer(&sandbox, get("/health", None)).await.json()["mode"],
        "sandbox"
    );
}

async fn routeur_bac_a_sable() -> Router {
    routeur().await
}

/// The gateway in front of another passerelle-server in sandbox mode, which checks PISTE-style
/// credentials the way PISTE does: proves the gateway speaks the protocol third-party clients use.
#[tokio::test]
async fn the_gateway_works_in_front_of_a_passerelle_sandbox() {
    use passerelle_server::seed::{DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MOT_DE_PASSE};
    let base = servir(routeur_bac_a_sable().await).await;
    let mut reglages = reglages_passerelle(&base, Duration::from_secs(5));
    reglages.identifiants = IdentifiantsPiste {
        client_id: DEMO_CLIENT_ID.to_owned(),
        client_secret: Secret::new(DEMO_CLIENT_SECRET),
        cpro_login: DEMO_EMAIL.to_owned(),
        cpro_password: Secret::new(DEMO_MOT_DE_PASSE),
    };
    let routeur = passerelle(reglages).await;
    let cookie = connecter(&routeur, DEMO_EMAIL).await;
    let reponse = envoyer(
        &routeur,
        post_json(
            "/cpro/transverses/v1/recuperer/structures/actives/fournisseur",
            Some(&cookie),
            "{}",
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
}

/// A log sink for one test.
#[derive(Clone, Default)]
struct Journal(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Journal {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut tampon) = self.0.lock() {
            tampon.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_secret_appears_in_the_logs_or_the_answers() {
    let journal = Journal::default();
    let ecrivain = journal.clone();
    let abonne = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || ecrivain.clone())
        .finish();
    let _garde = tracing::subscriber::set_default(abonne);

    let (faux, routeur, cookie) = installation(3600).await;
    let mut reponses = String::new();
    let appel = || post_json("/cpro/factures/v1/soumettre", Some(&cookie), "{}");
    reponses.push_str(&envoyer(&routeur, appel()).await.texte());
    if let Ok(mut jetons) = faux.jetons.lock() {
        jetons.clear();
    }
    reponses.push_str(&envoyer(&routeur, appel()).await.texte());
    faux.toujours_401.store(true, Ordering::SeqCst);
    reponses.push_str(&envoyer(&routeur, appel()).await.texte());
    assert_eq!(compteurs(&faux).2, 3, "the 401 paths ran");

    let journal = journal
        .0
        .lock()
        .map(|j| String::from_utf8_lossy(&j).into_owned())
        .unwrap_or_default();
    assert!(
        journal.contains("PISTE"),
        "the gateway logged something: {journal}"
    );
    let compte =
        base64::engine::general_purpose::STANDARD.encode(format!("{LOGIN}:{MOT_DE_PASSE}"));
    for secret in [
        CLIENT_SECRET,
        MOT_DE_PASSE,
        compte.as_str(),
        "jeton-1",
        "jeton-2",
        "jeton-3",
    ] {
        assert!(
            !journal.contains(secret),
            "{secret} in the logs:\n{journal}"
        );
        assert!(
            !reponses.contains(secret),
            "{secret} in an answer: {reponses}"
        );
    }
}

#[test]
fn the_binary_refuses_gateway_mode_without_its_secrets_and_names_the_missing_one() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_passerelle-server"))
        .args(["--upstream", "sandbox", "--db", ":memory:"])
        .env_remove("PASSERELLE_UPSTREAM")
        .env_remove("PASSERELLE_SECRETS_FILE")
        .env("PASSERELLE_PISTE_CLIENT_ID", CLIENT_ID)
        .env("PASSERELLE_PISTE_CLIENT_SECRET", CLIENT_SECRET)
        .env("PASSERELLE_CPRO_LOGIN", LOGIN)
        .env_remove("PASSERELLE_CPRO_PASSWORD")
        .output();
    let Ok(output) = output else {
        panic!("cannot run the binary: {output:?}");
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("PASSERELLE_CPRO_PASSWORD"), "{stderr}");
    assert!(!stderr.contains(CLIENT_SECRET), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing listens");
}

fn soumettre_avec_cle(
    cookie: &str,
    cle: &str,
    corps: &str,
) -> axum::http::Request<axum::body::Body> {
    let mut requete = post_json("/cpro/factures/v1/soumettre", Some(cookie), corps);
    if let Ok(valeur) = header::HeaderValue::from_str(cle) {
        requete.headers_mut().insert("idempotency-key", valeur);
    }
    requete
}

#[tokio::test]
async fn a_retry_with_the_same_idempotency_key_gets_the_first_answer_without_a_second_invoice() {
    let (faux, routeur, cookie) = installation(3600).await;
    let corps = r#"{"numeroFactureSaisi":"F-1"}"#;
    let premiere = envoyer(&routeur, soumettre_avec_cle(&cookie, "cle-1", corps)).await;
    assert_eq!(
        premiere.json()["numeroFacture"],
        "FAC-0001",
        "{}",
        premiere.texte()
    );
    let retry = envoyer(&routeur, soumettre_avec_cle(&cookie, "cle-1", corps)).await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(retry.json(), premiere.json(), "the first answer, replayed");
    assert_eq!(faux.factures_creees.load(Ordering::SeqCst), 1);
    assert!(
        faux.en_tetes_recus
            .lock()
            .map(|r| r.iter().all(|h| h.get("idempotency-key").is_none()))
            .unwrap_or(false),
        "the key is the gateway's business, not PISTE's"
    );

    let autre_corps = envoyer(
        &routeur,
        soumettre_avec_cle(&cookie, "cle-1", r#"{"numeroFactureSaisi":"F-2"}"#),
    )
    .await;
    assert_eq!(autre_corps.status, StatusCode::OK);
    assert_eq!(
        autre_corps.code_retour(),
        Some(20012),
        "{}",
        autre_corps.texte()
    );
    let autre_cle = envoyer(&routeur, soumettre_avec_cle(&cookie, "cle-2", corps)).await;
    assert_eq!(autre_cle.json()["numeroFacture"], "FAC-0002");
    assert_eq!(faux.factures_creees.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_retry_arriving_during_the_first_call_waits_for_its_answer() {
    let (faux, routeur, cookie) = installation(3600).await;
    let mut taches = Vec::new();
    for _ in 0..3 {
        let routeur = routeur.clone();
        let requete = soumettre_avec_cle(&cookie, "double-clic", "{}");
        taches.push(tokio::spawn(async move {
            envoyer(&routeur, requete).await.json()
        }));
    }
    for tache in taches {
        assert_eq!(
            tache.await.ok().map(|j| j["numeroFacture"].clone()),
            Some(json!("FAC-0001"))
        );
    }
    assert_eq!(faux.factures_creees.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_refused_invoice_can_be_corrected_and_sent_again_with_the_same_key() {
    let (faux, routeur, cookie) = installation(3600).await;
    let refus = envoyer(
        &routeur,
        soumettre_avec_cle(&cookie, "cle", r#"{"refuser":true}"#),
    )
    .await;
    assert_eq!(refus.code_retour(), Some(20010));
    let corrigee = envoyer(&routeur, soumettre_avec_cle(&cookie, "cle", "{}")).await;
    assert_eq!(corrigee.code_retour(), Some(0), "{}", corrigee.texte());
    assert_eq!(corrigee.json()["numeroFacture"], "FAC-0001");
    assert_eq!(faux.factures_creees.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn an_oversize_body_gets_a_json_413_and_is_not_forwarded() {
    let (faux, routeur, cookie) = installation(3600).await;
    let corps = "x".repeat(passerelle_server::TAILLE_MAX_CORPS + 1);
    let reponse = envoyer(
        &routeur,
        post_json("/cpro/factures/v1/deposer/pdf", Some(&cookie), &corps),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reponse.code_retour(), Some(413), "{}", reponse.texte());
    assert_eq!(compteurs(&faux), (0, 0, 0));
}

#[tokio::test]
async fn a_replay_survives_a_restart_on_the_same_database_file() {
    let (faux, base) = demarrer_faux_piste(3600).await;
    let dossier = std::env::temp_dir().join(format!("passerelle-rejeu-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dossier);
    let settings = Settings {
        db: DbLocation::File(dossier.join("p.sqlite")),
        dist: std::path::PathBuf::from("/nonexistent/passerelle-dist"),
        gateway: Some(reglages_passerelle(&base, Duration::from_secs(2))),
        ..Settings::default()
    };
    let demarrer = |settings: Settings| async move {
        let routeur = match AppState::open(settings).await {
            Ok(state) => app(state),
            Err(error) => panic!("state: {error}"),
        };
        let cookie = connecter(&routeur, DEMO_EMAIL).await;
        (routeur, cookie)
    };
    let corps = r#"{"numeroFactureSaisi":"F-RESTART"}"#;

    let (routeur, cookie) = demarrer(settings.clone()).await;
    let premiere = envoyer(&routeur, soumettre_avec_cle(&cookie, "cle-durable", corps)).await;
    assert_eq!(
        premiere.json()["numeroFacture"],
        "FAC-0001",
        "{}",
        premiere.texte()
    );
    drop(routeur);

    // The server restarts on the same file; the browser retries the call it saw time out.
    let (routeur, cookie) = demarrer(settings).await;
    let retry = envoyer(&routeur, soumettre_avec_cle(&cookie, "cle-durable", corps)).await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(retry.json(), premiere.json(), "the first answer, replayed");
    assert_eq!(
        faux.factures_creees.load(Ordering::SeqCst),
        1,
        "Chorus Pro got the invoice once"
    );
    let autre_corps = envoyer(
        &routeur,
        soumettre_avec_cle(
            &cookie,
            "cle-durable",
            r#"{"numeroFactureSaisi":"F-AUTRE"}"#,
        ),
    )
    .await;
    assert_eq!(
        autre_corps.code_retour(),
        Some(20012),
        "{}",
        autre_corps.texte()
    );
    // Keys are per user: another user's same key is another call.
    let cookie_autre = connecter(&routeur, passerelle_server::seed::AUTRE_EMAIL).await;
    let autre = envoyer(
        &routeur,
        soumettre_avec_cle(&cookie_autre, "cle-durable", corps),
    )
    .await;
    assert_eq!(autre.json()["numeroFacture"], "FAC-0002");
    drop(routeur);
    let _ = std::fs::remove_dir_all(&dossier);
}

#[tokio::test]
async fn a_call_the_browser_gave_up_on_still_completes_and_its_retry_gets_the_answer() {
    let (faux, routeur, cookie) = installation(3600).await;
    // A first call fetches the token, so that the next one goes to PISTE at once.
    let consulter = post_json("/cpro/structures/v1/consulter", Some(&cookie), "{}");
    assert_eq!(envoyer(&routeur, consulter).await.status, StatusCode::OK);
    // The browser stops waiting before PISTE answers (the fake takes 100 ms): its request is dropped.
    let abandon = tokio::time::timeout(
        Duration::from_millis(50),
        envoyer(&routeur, soumettre_avec_cle(&cookie, "cle-abandon", "{}")),
    )
    .await;
    assert!(abandon.is_err(), "the first call was cut short");
    let retry = envoyer(&routeur, soumettre_avec_cle(&cookie, "cle-abandon", "{}")).await;
    assert_eq!(
        retry.json()["numeroFacture"],
        "FAC-0001",
        "{}",
        retry.texte()
    );
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(
        faux.factures_creees.load(Ordering::SeqCst),
        1,
        "the retry got the first call's answer instead of sending it again"
    );
}
