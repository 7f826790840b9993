//! PISTE-style authentication: OAuth token endpoint, Bearer + cpro-account, 401 with WWW-Authenticate.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use base64::Engine as _;
use common::*;
use passerelle_server::seed::{DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_EMAIL, DEMO_MOT_DE_PASSE};

fn form(body: &str) -> Request<Body> {
    Request::post("/api/oauth/token")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .unwrap_or_default()
}

async fn jeton(router: &axum::Router) -> String {
    let body = format!("grant_type=client_credentials&client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}&scope=openid");
    let reponse = envoyer(router, form(&body)).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    let json = reponse.json();
    assert_eq!(json["token_type"], "Bearer");
    assert_eq!(json["expires_in"], 3600);
    assert_eq!(json["scope"], "openid");
    json["access_token"].as_str().unwrap_or_default().to_owned()
}

fn appel(jeton: Option<&str>, compte: Option<&str>) -> Request<Body> {
    let mut builder = Request::post("/cpro/structures/v1/rechercher")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(jeton) = jeton {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {jeton}"));
    }
    if let Some(compte) = compte {
        builder = builder.header("cpro-account", compte);
    }
    builder.body(Body::from("{}")).unwrap_or_default()
}

fn compte(login: &str, mot_de_passe: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{login}:{mot_de_passe}"))
}

#[tokio::test]
async fn token_then_bearer_and_cpro_account_reach_the_api() {
    let router = routeur().await;
    let jeton = jeton(&router).await;
    let reponse = envoyer(
        &router,
        appel(Some(&jeton), Some(&compte(DEMO_EMAIL, DEMO_MOT_DE_PASSE))),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.code_retour(), Some(0));
    // Second call hits the verified-account cache and must give the same answer.
    let encore = envoyer(
        &router,
        appel(Some(&jeton), Some(&compte(DEMO_EMAIL, DEMO_MOT_DE_PASSE))),
    )
    .await;
    assert_eq!(encore.status, StatusCode::OK);
}

#[tokio::test]
async fn wrong_client_secret_is_refused_with_oauth_error() {
    let router = routeur().await;
    let reponse = envoyer(
        &router,
        form(&format!(
            "grant_type=client_credentials&client_id={DEMO_CLIENT_ID}&client_secret=nope"
        )),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reponse.json()["error"], "invalid_client");
    let grant = envoyer(
        &router,
        form("grant_type=password&client_id=x&client_secret=y"),
    )
    .await;
    assert_eq!(grant.status, StatusCode::BAD_REQUEST);
    assert_eq!(grant.json()["error"], "unsupported_grant_type");
}

#[tokio::test]
async fn missing_or_wrong_credentials_answer_401_with_www_authenticate() {
    let router = routeur().await;
    let jeton = jeton(&router).await;
    let bon_compte = compte(DEMO_EMAIL, DEMO_MOT_DE_PASSE);
    let cas = [
        (None, Some(bon_compte.clone()), "Missing access token"),
        (
            Some("faux-jeton".to_owned()),
            Some(bon_compte.clone()),
            "Invalid or expired access token",
        ),
        (Some(jeton.clone()), None, "login or password incorrects"),
        (
            Some(jeton.clone()),
            Some(compte(DEMO_EMAIL, "mauvais")),
            "login or password incorrects",
        ),
        (
            Some(jeton.clone()),
            Some("pas du base64 !".to_owned()),
            "login or password incorrects",
        ),
    ];
    for (jeton, compte, description) in cas {
        let reponse = envoyer(&router, appel(jeton.as_deref(), compte.as_deref())).await;
        assert_eq!(reponse.status, StatusCode::UNAUTHORIZED, "{description}");
        assert_eq!(reponse.code_retour(), Some(401));
        let www = reponse.header("www-authenticate").unwrap_or_default();
        assert!(www.starts_with("Bearer realm=\"PISTE\""), "{www}");
        assert!(www.contains(description), "{www}");
    }
}
