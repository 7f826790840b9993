//! Helpers of the portal account tests: state access, challenge answers, account creation, outbox reads.

use axum::http::StatusCode;
use axum::Router;
use passerelle_server::{app, test_state, AppState};
use serde_json::{json, Value};

use super::{envoyer, get, post_json};

/// A password that meets the policy.
pub const MOT_DE_PASSE: &str = "Un-mot-de-passe-2026";

/// The router and its state (to reach the database in tests).
pub async fn routeur_et_etat() -> (Router, AppState) {
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    match test_state().await {
        Ok(state) => (app(state.clone()), state),
        Err(error) => panic!("test state: {error}"),
    }
}

/// The answer to a challenge question « Combien font A plus B ? ».
pub fn resoudre(question: &str) -> String {
    let nombres: Vec<u32> = question
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    nombres.iter().sum::<u32>().to_string()
}

/// A new challenge: (id, right answer).
pub async fn defi(router: &Router) -> (String, String) {
    let reponse = envoyer(router, get("/portail/v1/comptes/defi", None)).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    let corps = reponse.json();
    let question = corps["question"].as_str().unwrap_or_default().to_owned();
    (
        corps["id"].as_str().unwrap_or_default().to_owned(),
        resoudre(&question),
    )
}

/// A complete, valid creation body for `email` with a fresh challenge.
pub async fn formulaire(router: &Router, email: &str) -> Value {
    let (defi_id, defi_reponse) = defi(router).await;
    json!({
        "email": email,
        "emailConfirmation": email,
        "nom": "Lefèvre",
        "prenom": "Jeanne",
        "telephone": "+33 6 12 34 56 78",
        "emailContact": "compta@exemple.test",
        "motDePasse": MOT_DE_PASSE,
        "questionSecrete": "Nom de mon premier chat ?",
        "reponseSecrete": "Rex",
        "cguAcceptees": true,
        "defiId": defi_id,
        "defiReponse": defi_reponse,
    })
}

/// The outbox's e-mails to `email`, newest first.
pub async fn courriels(router: &Router, email: &str) -> Vec<Value> {
    let reponse = envoyer(router, get(&format!("/portail/v1/outbox?to={email}"), None)).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    reponse.json()["courriels"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The text after `marqueur` in the newest e-mail of this kind, up to the end of its word.
pub async fn extraire(router: &Router, email: &str, kind: &str, marqueur: &str) -> String {
    let courriels = courriels(router, email).await;
    let corps = courriels
        .iter()
        .find(|c| c["kind"] == kind)
        .and_then(|c| c["body"].as_str())
        .unwrap_or_default()
        .to_owned();
    corps
        .split_once(marqueur)
        .map(|(_, reste)| {
            reste
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .unwrap_or_default()
}

/// Creates an account and activates it through the link of the outbox.
pub async fn creer_et_activer(router: &Router, email: &str) {
    let corps = formulaire(router, email).await;
    let reponse = envoyer(
        router,
        post_json("/portail/v1/comptes", None, &corps.to_string()),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    let jeton = extraire(router, email, "ACTIVATION", "/activation?jeton=").await;
    let reponse = envoyer(
        router,
        post_json(
            "/portail/v1/comptes/activation",
            None,
            &json!({ "jeton": jeton }).to_string(),
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
}

/// Password step of the sign-in of a created account: (status, body).
pub async fn connexion(router: &Router, email: &str, mot_de_passe: &str) -> super::Reponse {
    envoyer(
        router,
        post_json(
            "/portail/v1/session/connexion",
            None,
            &json!({"email": email, "motDePasse": mot_de_passe}).to_string(),
        ),
    )
    .await
}

/// Full sign-in of a created account with the e-mailed code: the session cookie.
pub async fn connecter_avec_code(router: &Router, email: &str) -> String {
    let reponse = connexion(router, email, MOT_DE_PASSE).await;
    assert_eq!(reponse.status, StatusCode::ACCEPTED, "{}", reponse.texte());
    let jeton = reponse.json()["jeton"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let code = extraire(router, email, "CODE_CONNEXION", "Passerelle : ").await;
    let reponse = envoyer(
        router,
        post_json(
            "/portail/v1/session/second-facteur",
            None,
            &json!({"jeton": jeton, "code": code}).to_string(),
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    reponse.cookie().unwrap_or_default()
}

/// Runs one SQL statement on the test database (to age a token, read a stored hash...).
pub async fn sql(state: &AppState, requete: &str) {
    if let Err(error) = sqlx::query(requete).execute(state.db.pool()).await {
        panic!("{requete}: {error}");
    }
}
