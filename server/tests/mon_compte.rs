//! Mon compte over loopback: profile read and change (with per-field errors), notifications off silencing
//! the notification e-mails, password change ending the other sessions, the enrolment QR code, and removing
//! the authenticator application.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::portail::*;
use common::*;
use passerelle_server::portail::totp;
use passerelle_server::seed::DEMO_EMAIL;
use serde_json::{json, Value};

fn put_json(uri: &str, cookie: &str, body: &Value) -> Request<Body> {
    Request::put(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_string()))
        .unwrap_or_default()
}

fn profil_valide() -> Value {
    json!({
        "nom": "Martin",
        "prenom": "Camille",
        "telephone": "01 23 45 67 89",
        "emailContact": "compta@exemple.test",
        "langue": "en",
        "notifications": true,
    })
}

fn champs(reponse: &Reponse) -> Vec<String> {
    reponse.json()["erreurs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|e| e["champ"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn the_profile_is_read_changed_and_kept() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let avant = envoyer(&router, get("/portail/v1/compte", Some(&cookie))).await;
    assert_eq!(avant.status, StatusCode::OK, "{}", avant.texte());
    assert_eq!(avant.json()["email"], DEMO_EMAIL);
    assert_eq!(avant.json()["langue"], "fr");
    assert_eq!(avant.json()["notifications"], true);

    let reponse = envoyer(
        &router,
        put_json("/portail/v1/compte", &cookie, &profil_valide()),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    let apres = envoyer(&router, get("/portail/v1/compte", Some(&cookie)))
        .await
        .json();
    assert_eq!(apres["nom"], "Martin");
    assert_eq!(apres["telephone"], "01 23 45 67 89");
    assert_eq!(apres["emailContact"], "compta@exemple.test");
    assert_eq!(apres["langue"], "en");
    assert_eq!(
        apres["email"], DEMO_EMAIL,
        "the login e-mail does not change"
    );
    // The session's user follows: the SPA takes its language from there.
    let session = envoyer(&router, get("/portail/v1/session", Some(&cookie)))
        .await
        .json();
    assert_eq!(session["utilisateur"]["langue"], "en");
    assert_eq!(session["utilisateur"]["prenom"], "Camille");
}

#[tokio::test]
async fn a_wrong_profile_is_refused_field_by_field_and_changes_nothing() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let mut faux = profil_valide();
    faux["nom"] = json!(" ");
    faux["emailContact"] = json!("pas-une-adresse");
    faux["langue"] = json!("de");
    let reponse = envoyer(&router, put_json("/portail/v1/compte", &cookie, &faux)).await;
    assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&reponse), ["nom", "emailContact", "langue"]);
    let profil = envoyer(&router, get("/portail/v1/compte", Some(&cookie)))
        .await
        .json();
    assert_eq!(profil["langue"], "fr");
    assert_ne!(profil["nom"], " ");
    // Signed out: 401.
    let reponse = envoyer(&router, get("/portail/v1/compte", None)).await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn with_notifications_off_a_rattachement_decision_is_not_emailed() {
    let router = routeur().await;
    let email = "sans-notification@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    let mut profil = profil_valide();
    profil["notifications"] = json!(false);
    let reponse = envoyer(&router, put_json("/portail/v1/compte", &cookie, &profil)).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    let demande = envoyer(
        &router,
        post_json(
            "/portail/v1/rattachements",
            Some(&cookie),
            &json!({"identifiant": "80000001000010", "commentaire": "Comptabilité"}).to_string(),
        ),
    )
    .await;
    assert_eq!(demande.status, StatusCode::CREATED, "{}", demande.texte());
    let id = demande.json()["id"].as_i64().unwrap_or_default();
    let gestionnaire = connecter(&router, DEMO_EMAIL).await;
    let decision = envoyer(
        &router,
        post_json(
            &format!("/portail/v1/rattachements/{id}/decision"),
            Some(&gestionnaire),
            &json!({"accepter": false, "motif": "Inconnu du service"}).to_string(),
        ),
    )
    .await;
    assert_eq!(decision.status, StatusCode::OK, "{}", decision.texte());
    let natures: Vec<Value> = courriels(&router, email)
        .await
        .iter()
        .map(|c| c["kind"].clone())
        .collect();
    assert!(
        !natures.contains(&json!("DECISION_RATTACHEMENT")),
        "{natures:?}"
    );
    // Security e-mails still go (the activation and sign-in code ones are there).
    assert!(natures.contains(&json!("ACTIVATION")), "{natures:?}");
}

#[tokio::test]
async fn a_password_change_needs_the_current_one_and_ends_the_other_sessions() {
    let router = routeur().await;
    let email = "mot-de-passe@exemple.test";
    creer_et_activer(&router, email).await;
    let ici = connecter_avec_code(&router, email).await;
    let ailleurs = connecter_avec_code(&router, email).await;
    let changer = |actuel: &str, nouveau: &str| {
        post_json(
            "/portail/v1/compte/mot-de-passe",
            Some(&ici),
            &json!({"motDePasseActuel": actuel, "nouveauMotDePasse": nouveau}).to_string(),
        )
    };
    let reponse = envoyer(&router, changer("pas-le-bon", "Nouveau-secret-2027")).await;
    assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&reponse), ["motDePasseActuel"]);
    let reponse = envoyer(&router, changer(MOT_DE_PASSE, "court")).await;
    assert_eq!(champs(&reponse), ["nouveauMotDePasse"]);

    let reponse = envoyer(&router, changer(MOT_DE_PASSE, "Nouveau-secret-2027")).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(
        envoyer(&router, get("/portail/v1/compte", Some(&ici)))
            .await
            .status,
        StatusCode::OK,
        "this session stays open"
    );
    assert_eq!(
        envoyer(&router, get("/portail/v1/compte", Some(&ailleurs)))
            .await
            .status,
        StatusCode::UNAUTHORIZED,
        "the other browser is signed out"
    );
    assert_eq!(
        connexion(&router, email, MOT_DE_PASSE).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        connexion(&router, email, "Nouveau-secret-2027")
            .await
            .status,
        StatusCode::ACCEPTED,
        "the new password leads to the second factor"
    );
    let natures: Vec<Value> = courriels(&router, email)
        .await
        .iter()
        .map(|c| c["kind"].clone())
        .collect();
    assert!(
        natures.contains(&json!("MOT_DE_PASSE_CHANGE")),
        "{natures:?}"
    );
}

#[tokio::test]
async fn the_enrolment_shows_a_qr_code_and_the_application_can_be_removed_with_the_password() {
    let router = routeur().await;
    let email = "retrait-totp@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    let retrait = |mot_de_passe: &str| {
        post_json(
            "/portail/v1/compte/totp/suppression",
            Some(&cookie),
            &json!({ "motDePasse": mot_de_passe }).to_string(),
        )
    };
    // No application yet: nothing to remove.
    assert_eq!(
        envoyer(&router, retrait(MOT_DE_PASSE)).await.status,
        StatusCode::CONFLICT
    );

    let enrolement = envoyer(
        &router,
        post_json("/portail/v1/compte/totp/enrolement", Some(&cookie), ""),
    )
    .await
    .json();
    let svg = enrolement["qrSvg"].as_str().unwrap_or_default();
    assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    let secret =
        totp::base32_decoder(enrolement["secret"].as_str().unwrap_or_default()).unwrap_or_default();
    let maintenant = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
    let confirmation = envoyer(
        &router,
        post_json(
            "/portail/v1/compte/totp/confirmation",
            Some(&cookie),
            &json!({ "code": totp::code(&secret, maintenant) }).to_string(),
        ),
    )
    .await;
    assert_eq!(
        confirmation.status,
        StatusCode::OK,
        "{}",
        confirmation.texte()
    );

    let reponse = envoyer(&router, retrait("pas-le-bon")).await;
    assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&reponse), ["motDePasse"]);
    let reponse = envoyer(&router, retrait(MOT_DE_PASSE)).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["secondFacteur"], "EMAIL");
    let connexion = connexion(&router, email, MOT_DE_PASSE).await;
    assert_eq!(connexion.json()["methode"], "EMAIL");
}
