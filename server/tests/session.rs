//! Portal session API: connexion, current session, deconnexion.

mod common;

use axum::http::StatusCode;
use common::*;
use passerelle_server::seed::{DEMO_EMAIL, DEMO_MOT_DE_PASSE};
use serde_json::json;

#[tokio::test]
async fn demo_account_logs_in_and_gets_an_httponly_lax_cookie() {
    let router = routeur().await;
    let body = json!({"email": DEMO_EMAIL, "motDePasse": DEMO_MOT_DE_PASSE}).to_string();
    let reponse = envoyer(
        &router,
        post_json("/portail/v1/session/connexion", None, &body),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK);
    let utilisateur = &reponse.json()["utilisateur"];
    assert_eq!(utilisateur["email"], DEMO_EMAIL);
    assert_eq!(utilisateur["langue"], "fr");
    assert!(
        utilisateur["id"].is_i64()
            && utilisateur["nom"].is_string()
            && utilisateur["prenom"].is_string()
    );
    let set_cookie = reponse.header("set-cookie").unwrap_or_default();
    assert!(
        set_cookie.starts_with("passerelle_session="),
        "{set_cookie}"
    );
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
}

#[tokio::test]
async fn embedded_login_gets_a_partitioned_cookie_that_opens_the_session() {
    let router = routeur().await;
    let body =
        json!({"email": DEMO_EMAIL, "motDePasse": DEMO_MOT_DE_PASSE, "integre": true}).to_string();
    let reponse = envoyer(
        &router,
        post_json("/portail/v1/session/connexion", None, &body),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK);
    let set_cookie = reponse.header("set-cookie").unwrap_or_default();
    for attribut in ["HttpOnly", "Secure", "SameSite=None", "Partitioned"] {
        assert!(set_cookie.contains(attribut), "{attribut}: {set_cookie}");
    }
    let cookie = reponse.cookie().unwrap_or_default();
    let session = envoyer(&router, get("/portail/v1/session", Some(&cookie))).await;
    assert_eq!(session.json()["utilisateur"]["email"], DEMO_EMAIL);
    let fin = envoyer(
        &router,
        post_json("/portail/v1/session/deconnexion", Some(&cookie), ""),
    )
    .await;
    let effacements: Vec<&str> = fin
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        effacements
            .iter()
            .any(|c| c.contains("Partitioned") && c.contains("Max-Age=0")),
        "{effacements:?}"
    );
}

#[tokio::test]
async fn login_email_is_case_insensitive() {
    let router = routeur().await;
    let body =
        json!({"email": " Demo@Passerelle.TEST ", "motDePasse": DEMO_MOT_DE_PASSE}).to_string();
    let reponse = envoyer(
        &router,
        post_json("/portail/v1/session/connexion", None, &body),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK);
}

#[tokio::test]
async fn wrong_password_and_unknown_email_answer_401_with_the_same_body() {
    let router = routeur().await;
    let mauvais = json!({"email": DEMO_EMAIL, "motDePasse": "Demo-Passerelle-2025"}).to_string();
    let inconnu =
        json!({"email": "personne@passerelle.test", "motDePasse": DEMO_MOT_DE_PASSE}).to_string();
    let a = envoyer(
        &router,
        post_json("/portail/v1/session/connexion", None, &mauvais),
    )
    .await;
    let b = envoyer(
        &router,
        post_json("/portail/v1/session/connexion", None, &inconnu),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.code_retour(), Some(401));
    assert!(a.json()["libelle"].is_string());
    assert_eq!(a.header("set-cookie"), None);
    assert_eq!((b.status, b.json()), (a.status, a.json()));
}

#[tokio::test]
async fn session_answers_the_user_with_the_cookie_and_null_without() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let avec = envoyer(&router, get("/portail/v1/session", Some(&cookie))).await;
    assert_eq!(avec.status, StatusCode::OK);
    assert_eq!(avec.json()["utilisateur"]["email"], DEMO_EMAIL);
    let sans = envoyer(&router, get("/portail/v1/session", None)).await;
    assert_eq!(sans.status, StatusCode::OK);
    assert!(sans.json()["utilisateur"].is_null());
    let forge = envoyer(
        &router,
        get("/portail/v1/session", Some("passerelle_session=forged")),
    )
    .await;
    assert_eq!(forge.status, StatusCode::OK);
    assert!(forge.json()["utilisateur"].is_null());
}

#[tokio::test]
async fn deconnexion_answers_204_clears_the_cookie_and_ends_the_session() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let reponse = envoyer(
        &router,
        post_json("/portail/v1/session/deconnexion", Some(&cookie), ""),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::NO_CONTENT);
    assert!(reponse
        .header("set-cookie")
        .unwrap_or_default()
        .contains("Max-Age=0"));
    let apres = envoyer(&router, get("/portail/v1/session", Some(&cookie))).await;
    assert_eq!(apres.status, StatusCode::OK);
    assert!(apres.json()["utilisateur"].is_null());
}

#[tokio::test]
async fn deconnexion_without_session_still_answers_204() {
    let router = routeur().await;
    let reponse = envoyer(
        &router,
        post_json("/portail/v1/session/deconnexion", None, ""),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn malformed_json_answers_400_with_code_retour_and_libelle() {
    let router = routeur().await;
    for body in ["{", "[]", r#"{"email": 3}"#, r#"{"email": "a@b.c"}"#] {
        let reponse = envoyer(
            &router,
            post_json("/portail/v1/session/connexion", None, body),
        )
        .await;
        assert_eq!(reponse.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(reponse.code_retour(), Some(400), "{body}");
        assert!(
            reponse.json()["libelle"]
                .as_str()
                .is_some_and(|l| !l.is_empty()),
            "{body}"
        );
    }
}

#[tokio::test]
async fn body_above_the_limit_answers_413_with_code_retour() {
    let router = routeur().await;
    let enorme = format!(
        r#"{{"email":"{}","motDePasse":"x"}}"#,
        "a".repeat(passerelle_server::TAILLE_MAX_CORPS + 10)
    );
    let reponse = envoyer(
        &router,
        post_json("/portail/v1/session/connexion", None, &enorme),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reponse.code_retour(), Some(413));
}
