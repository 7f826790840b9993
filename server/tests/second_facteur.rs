//! Second factor of the portal sign-in: code by e-mail (default of new accounts), TOTP enrolment and
//! sign-in, attempt limit, single-use and expiring pending tokens; the demo accounts keep none.

mod common;

use axum::http::StatusCode;
use common::portail::*;
use common::*;
use passerelle_server::portail::totp;
use passerelle_server::seed::{DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_EMAIL, DEMO_MOT_DE_PASSE};
use serde_json::json;

async fn second_facteur(router: &axum::Router, jeton: &str, code: &str) -> Reponse {
    envoyer(
        router,
        post_json(
            "/portail/v1/session/second-facteur",
            None,
            &json!({"jeton": jeton, "code": code}).to_string(),
        ),
    )
    .await
}

/// Password step: (pending token, method).
async fn etape_mot_de_passe(router: &axum::Router, email: &str) -> (String, String) {
    let reponse = connexion(router, email, MOT_DE_PASSE).await;
    assert_eq!(reponse.status, StatusCode::ACCEPTED, "{}", reponse.texte());
    assert_eq!(reponse.header("set-cookie"), None);
    let corps = reponse.json();
    assert_eq!(corps["secondFacteurRequis"], true);
    assert!(corps["expireLe"].is_string());
    (
        corps["jeton"].as_str().unwrap_or_default().to_owned(),
        corps["methode"].as_str().unwrap_or_default().to_owned(),
    )
}

fn unix() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

#[tokio::test]
async fn demo_accounts_still_sign_in_without_a_second_factor() {
    let (router, _) = routeur_et_etat().await;
    let reponse = connexion(&router, DEMO_EMAIL, DEMO_MOT_DE_PASSE).await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert!(reponse.cookie().is_some());
    assert_eq!(reponse.json()["utilisateur"]["email"], DEMO_EMAIL);
}

#[tokio::test]
async fn a_new_account_signs_in_with_the_code_sent_by_email() {
    let (router, _) = routeur_et_etat().await;
    let email = "code@exemple.test";
    creer_et_activer(&router, email).await;
    let (jeton, methode) = etape_mot_de_passe(&router, email).await;
    assert_eq!(methode, "EMAIL");
    // No session yet.
    let code = extraire(&router, email, "CODE_CONNEXION", "Passerelle : ").await;
    assert_eq!(code.len(), 6, "{code}");
    let reponse = second_facteur(&router, &jeton, &code).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["utilisateur"]["email"], email);
    let set_cookie = reponse.header("set-cookie").unwrap_or_default();
    assert!(
        set_cookie.starts_with("passerelle_session=") && set_cookie.contains("HttpOnly"),
        "{set_cookie}"
    );
    let cookie = reponse.cookie().unwrap_or_default();
    let session = envoyer(&router, get("/portail/v1/session", Some(&cookie))).await;
    assert_eq!(session.json()["utilisateur"]["email"], email);
}

#[tokio::test]
async fn the_pending_token_is_single_use() {
    let (router, _) = routeur_et_etat().await;
    let email = "unique@exemple.test";
    creer_et_activer(&router, email).await;
    let (jeton, _) = etape_mot_de_passe(&router, email).await;
    let code = extraire(&router, email, "CODE_CONNEXION", "Passerelle : ").await;
    assert_eq!(
        second_facteur(&router, &jeton, &code).await.status,
        StatusCode::OK
    );
    let encore = second_facteur(&router, &jeton, &code).await;
    assert_eq!(encore.status, StatusCode::UNAUTHORIZED);
    assert_eq!(encore.header("set-cookie"), None);
}

#[tokio::test]
async fn five_wrong_codes_revoke_the_pending_sign_in() {
    let (router, _) = routeur_et_etat().await;
    let email = "essais@exemple.test";
    creer_et_activer(&router, email).await;
    let (jeton, _) = etape_mot_de_passe(&router, email).await;
    let code = extraire(&router, email, "CODE_CONNEXION", "Passerelle : ").await;
    let faux = if code == "000000" { "111111" } else { "000000" };
    for restants in (1..=4).rev() {
        let reponse = second_facteur(&router, &jeton, faux).await;
        assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
        let erreur = &reponse.json()["erreurs"][0];
        assert_eq!(erreur["champ"], "code");
        assert!(
            erreur["messageFr"]
                .as_str()
                .is_some_and(|m| m.contains(&format!("{restants} essai"))),
            "{erreur}"
        );
    }
    let cinquieme = second_facteur(&router, &jeton, faux).await;
    assert_eq!(cinquieme.status, StatusCode::UNAUTHORIZED);
    assert!(cinquieme.json()["libelle"]
        .as_str()
        .is_some_and(|l| l.contains("Trop de codes")));
    // Even the right code is refused now.
    let juste = second_facteur(&router, &jeton, &code).await;
    assert_eq!(juste.status, StatusCode::UNAUTHORIZED);
    assert_eq!(juste.header("set-cookie"), None);
}

#[tokio::test]
async fn an_expired_pending_sign_in_is_refused() {
    let (router, state) = routeur_et_etat().await;
    let email = "expire@exemple.test";
    creer_et_activer(&router, email).await;
    let (jeton, _) = etape_mot_de_passe(&router, email).await;
    let code = extraire(&router, email, "CODE_CONNEXION", "Passerelle : ").await;
    sql(
        &state,
        "UPDATE connexions_en_attente SET expire_le = '2000-01-01T00:00:00'",
    )
    .await;
    assert_eq!(
        second_facteur(&router, &jeton, &code).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_code_of_one_sign_in_does_not_open_another() {
    let (router, _) = routeur_et_etat().await;
    let email = "croise@exemple.test";
    creer_et_activer(&router, email).await;
    let (premier, _) = etape_mot_de_passe(&router, email).await;
    let code_premier = extraire(&router, email, "CODE_CONNEXION", "Passerelle : ").await;
    let (second, _) = etape_mot_de_passe(&router, email).await;
    let code_second = extraire(&router, email, "CODE_CONNEXION", "Passerelle : ").await;
    if code_premier != code_second {
        assert_eq!(
            second_facteur(&router, &second, &code_premier).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(
        second_facteur(&router, &premier, &code_premier)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_wrong_password_sends_no_code() {
    let (router, _) = routeur_et_etat().await;
    let email = "pas-de-code@exemple.test";
    creer_et_activer(&router, email).await;
    let reponse = connexion(&router, email, "Pas-le-bon-2026").await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
    let codes = courriels(&router, email)
        .await
        .into_iter()
        .filter(|c| c["kind"] == "CODE_CONNEXION")
        .count();
    assert_eq!(codes, 0);
}

#[tokio::test]
async fn totp_enrolment_needs_a_session() {
    let (router, _) = routeur_et_etat().await;
    let reponse = envoyer(
        &router,
        post_json("/portail/v1/compte/totp/enrolement", None, ""),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
    let reponse = envoyer(
        &router,
        post_json(
            "/portail/v1/compte/totp/confirmation",
            None,
            r#"{"code":"123456"}"#,
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
}

/// Enrols TOTP for a signed-in account: the decoded secret.
async fn enroler(router: &axum::Router, cookie: &str, email: &str) -> Vec<u8> {
    let reponse = envoyer(
        router,
        post_json("/portail/v1/compte/totp/enrolement", Some(cookie), ""),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    let corps = reponse.json();
    let secret = corps["secret"].as_str().unwrap_or_default().to_owned();
    let uri = corps["uri"].as_str().unwrap_or_default();
    assert!(
        uri.starts_with("otpauth://totp/Passerelle:")
            && uri.contains(&format!("secret={secret}"))
            && uri.contains(&email.replace('@', "%40")),
        "{uri}"
    );
    totp::base32_decoder(&secret).unwrap_or_default()
}

async fn confirmer(router: &axum::Router, cookie: &str, code: &str) -> Reponse {
    envoyer(
        router,
        post_json(
            "/portail/v1/compte/totp/confirmation",
            Some(cookie),
            &json!({ "code": code }).to_string(),
        ),
    )
    .await
}

#[tokio::test]
async fn after_totp_enrolment_the_sign_in_asks_the_authenticator_code() {
    let (router, _) = routeur_et_etat().await;
    let email = "totp@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    let secret = enroler(&router, &cookie, email).await;
    assert_eq!(secret.len(), totp::TAILLE_SECRET);
    let t0 = unix();
    let reponse = confirmer(&router, &cookie, &totp::code(&secret, t0)).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["secondFacteur"], "TOTP");

    let codes_avant = courriels(&router, email).await.len();
    let (jeton, methode) = etape_mot_de_passe(&router, email).await;
    assert_eq!(methode, "TOTP");
    // No e-mail code any more.
    assert_eq!(courriels(&router, email).await.len(), codes_avant);
    // The code used for the confirmation cannot be replayed...
    let rejoue = second_facteur(&router, &jeton, &totp::code(&secret, t0)).await;
    assert_eq!(rejoue.status, StatusCode::UNPROCESSABLE_ENTITY);
    // ...the next step's code (within the accepted drift) opens the session.
    let reponse = second_facteur(&router, &jeton, &totp::code(&secret, t0 + 30)).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert!(reponse.cookie().is_some());
}

#[tokio::test]
async fn a_wrong_confirmation_code_keeps_the_email_factor() {
    let (router, _) = routeur_et_etat().await;
    let email = "garde@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    let secret = enroler(&router, &cookie, email).await;
    let juste = totp::code(&secret, unix());
    let faux = if juste == "000000" {
        "111111"
    } else {
        "000000"
    };
    let reponse = confirmer(&router, &cookie, faux).await;
    assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reponse.json()["erreurs"][0]["champ"], "code");
    let (_, methode) = etape_mot_de_passe(&router, email).await;
    assert_eq!(methode, "EMAIL");
}

#[tokio::test]
async fn confirmation_without_enrolment_is_a_conflict() {
    let (router, _) = routeur_et_etat().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let reponse = confirmer(&router, &cookie, "123456").await;
    assert_eq!(reponse.status, StatusCode::CONFLICT);
    assert_eq!(reponse.code_retour(), Some(409));
}

/// A Chorus Pro call with PISTE-style credentials (Bearer token + `cpro-account`): its status.
async fn appel_piste(router: &axum::Router, login: &str, mot_de_passe: &str) -> StatusCode {
    use axum::body::Body;
    use axum::http::{header, Request};
    use base64::Engine as _;
    let formulaire = format!(
        "grant_type=client_credentials&client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}"
    );
    let jeton = envoyer(
        router,
        Request::post("/api/oauth/token")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(formulaire))
            .unwrap_or_default(),
    )
    .await;
    let jeton = jeton.json()["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let compte =
        base64::engine::general_purpose::STANDARD.encode(format!("{login}:{mot_de_passe}"));
    let reponse = envoyer(
        router,
        Request::post("/cpro/structures/v1/rechercher")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {jeton}"))
            .header("cpro-account", compte)
            .body(Body::from("{}"))
            .unwrap_or_default(),
    )
    .await;
    reponse.status
}

#[tokio::test]
async fn the_second_factor_and_activation_cannot_be_bypassed_with_piste_credentials() {
    let (router, _) = routeur_et_etat().await;
    assert_eq!(
        appel_piste(&router, DEMO_EMAIL, DEMO_MOT_DE_PASSE).await,
        StatusCode::OK
    );
    let inactif = "inactif@exemple.test";
    let corps = formulaire(&router, inactif).await;
    let creation = envoyer(
        &router,
        post_json("/portail/v1/comptes", None, &corps.to_string()),
    )
    .await;
    assert_eq!(creation.status, StatusCode::CREATED);
    assert_eq!(
        appel_piste(&router, inactif, MOT_DE_PASSE).await,
        StatusCode::UNAUTHORIZED
    );
    let protege = "protege@exemple.test";
    creer_et_activer(&router, protege).await;
    assert_eq!(
        appel_piste(&router, protege, MOT_DE_PASSE).await,
        StatusCode::UNAUTHORIZED
    );
}

async fn profil(router: &axum::Router, cookie: &str) -> serde_json::Value {
    let reponse = envoyer(router, get("/portail/v1/compte", Some(cookie))).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    reponse.json()
}

#[tokio::test]
async fn the_profile_shows_the_second_factor_in_use() {
    let (router, _) = routeur_et_etat().await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    assert_eq!(profil(&router, &demo).await["secondFacteur"], "AUCUN");
    let email = "profil@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    let avant = profil(&router, &cookie).await;
    assert_eq!(avant["email"], email);
    assert_eq!(avant["telephone"], "+33 6 12 34 56 78");
    assert_eq!(avant["emailContact"], "compta@exemple.test");
    assert_eq!(avant["secondFacteur"], "EMAIL");
    let secret = enroler(&router, &cookie, email).await;
    let reponse = confirmer(&router, &cookie, &totp::code(&secret, unix())).await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(profil(&router, &cookie).await["secondFacteur"], "TOTP");
    assert_eq!(
        envoyer(&router, get("/portail/v1/compte", None))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn five_wrong_enrolment_codes_drop_the_enrolment() {
    let (router, _) = routeur_et_etat().await;
    let email = "enrolement@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    let secret = enroler(&router, &cookie, email).await;
    let juste = totp::code(&secret, unix());
    let faux = if juste == "000000" {
        "111111"
    } else {
        "000000"
    };
    for restants in (1..=4).rev() {
        let reponse = confirmer(&router, &cookie, faux).await;
        assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reponse.json()["erreurs"][0]["messageFr"]
            .as_str()
            .is_some_and(|m| m.contains(&format!("{restants} essai"))));
    }
    assert_eq!(
        confirmer(&router, &cookie, faux).await.status,
        StatusCode::CONFLICT
    );
    // Even the right code is refused: the secret was dropped.
    assert_eq!(
        confirmer(&router, &cookie, &totp::code(&secret, unix()))
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert_eq!(profil(&router, &cookie).await["secondFacteur"], "EMAIL");
    // A new enrolment starts with fresh attempts.
    let nouveau = enroler(&router, &cookie, email).await;
    let reponse = confirmer(&router, &cookie, &totp::code(&nouveau, unix())).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
}
