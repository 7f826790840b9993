//! Portal accounts: challenge, creation with per-field errors, activation link through the outbox,
//! sign-in refused before activation; the outbox itself.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use common::portail::*;
use common::*;
use passerelle_server::app;
use passerelle_server::config::{GatewaySettings, IdentifiantsPiste, Secret};
use passerelle_server::seed::DEMO_EMAIL;
use serde_json::{json, Value};

async fn creer(router: &axum::Router, corps: &Value) -> Reponse {
    envoyer(
        router,
        post_json("/portail/v1/comptes", None, &corps.to_string()),
    )
    .await
}

async fn activer(router: &axum::Router, jeton: &str) -> Reponse {
    envoyer(
        router,
        post_json(
            "/portail/v1/comptes/activation",
            None,
            &json!({ "jeton": jeton }).to_string(),
        ),
    )
    .await
}

/// The fields named by a 422 answer, each checked to carry both messages.
fn champs_en_erreur(reponse: &Reponse) -> Vec<String> {
    assert_eq!(
        reponse.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reponse.texte()
    );
    assert_eq!(reponse.code_retour(), Some(422));
    let corps = reponse.json();
    corps["erreurs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|erreur| {
            assert!(
                erreur["messageFr"].as_str().is_some_and(|m| !m.is_empty())
                    && erreur["messageEn"].as_str().is_some_and(|m| !m.is_empty()),
                "{erreur}"
            );
            erreur["champ"].as_str().unwrap_or_default().to_owned()
        })
        .collect()
}

#[tokio::test]
async fn the_challenge_is_an_arithmetic_question_in_french_and_english() {
    let (router, _) = routeur_et_etat().await;
    let reponse = envoyer(&router, get("/portail/v1/comptes/defi", None)).await;
    assert_eq!(reponse.status, StatusCode::OK);
    let corps = reponse.json();
    assert!(corps["id"].as_str().is_some_and(|id| id.len() >= 40));
    assert!(corps["question"]
        .as_str()
        .is_some_and(|q| q.starts_with("Combien font")));
    assert!(corps["questionEn"]
        .as_str()
        .is_some_and(|q| q.starts_with("What is")));
    assert!(corps["expireLe"].is_string());
}

#[tokio::test]
async fn a_new_account_is_inactive_and_its_activation_link_is_in_the_outbox() {
    let (router, _) = routeur_et_etat().await;
    let corps = formulaire(&router, "Jeanne.Lefevre@Exemple.test").await;
    let reponse = creer(&router, &corps).await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    assert_eq!(reponse.json()["email"], "jeanne.lefevre@exemple.test");
    assert_eq!(reponse.json()["actif"], false);
    let courriels = courriels(&router, "jeanne.lefevre@exemple.test").await;
    assert_eq!(courriels.len(), 1);
    let courriel = &courriels[0];
    assert_eq!(courriel["kind"], "ACTIVATION");
    assert_eq!(courriel["to"], "jeanne.lefevre@exemple.test");
    assert!(courriel["subject"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(courriel["createdAt"].is_string());
    assert!(courriel["body"]
        .as_str()
        .is_some_and(|b| b.contains("/activation?jeton=")));
}

#[tokio::test]
async fn sign_in_before_activation_is_refused_then_allowed_after() {
    let (router, _) = routeur_et_etat().await;
    let email = "jeanne@exemple.test";
    let reponse = creer(&router, &formulaire(&router, email).await).await;
    assert_eq!(reponse.status, StatusCode::CREATED);
    let avant = connexion(&router, email, MOT_DE_PASSE).await;
    assert_eq!(avant.status, StatusCode::FORBIDDEN, "{}", avant.texte());
    assert_eq!(avant.code_retour(), Some(403));
    assert!(avant.json()["libelle"]
        .as_str()
        .is_some_and(|l| l.contains("pas encore activé")));
    assert_eq!(avant.header("set-cookie"), None);
    // A wrong password on an inactive account says nothing of the account.
    let faux = connexion(&router, email, "Pas-le-bon-2026").await;
    assert_eq!(faux.status, StatusCode::UNAUTHORIZED);

    let jeton = extraire(&router, email, "ACTIVATION", "/activation?jeton=").await;
    let reponse = activer(&router, &jeton).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json(), json!({"email": email, "actif": true}));
    let apres = connexion(&router, email, MOT_DE_PASSE).await;
    assert_eq!(apres.status, StatusCode::ACCEPTED, "{}", apres.texte());
}

#[tokio::test]
async fn an_activation_link_works_once() {
    let (router, _) = routeur_et_etat().await;
    let email = "une-fois@exemple.test";
    let reponse = creer(&router, &formulaire(&router, email).await).await;
    assert_eq!(reponse.status, StatusCode::CREATED);
    let jeton = extraire(&router, email, "ACTIVATION", "/activation?jeton=").await;
    assert_eq!(activer(&router, &jeton).await.status, StatusCode::OK);
    let encore = activer(&router, &jeton).await;
    assert_eq!(encore.status, StatusCode::GONE);
    assert_eq!(encore.code_retour(), Some(410));
    assert_eq!(
        activer(&router, "jeton-invente").await.status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn an_expired_activation_link_is_refused_and_the_account_stays_inactive() {
    let (router, state) = routeur_et_etat().await;
    let email = "en-retard@exemple.test";
    let reponse = creer(&router, &formulaire(&router, email).await).await;
    assert_eq!(reponse.status, StatusCode::CREATED);
    sql(
        &state,
        "UPDATE jetons_compte SET expire_le = '2000-01-01T00:00:00'",
    )
    .await;
    let jeton = extraire(&router, email, "ACTIVATION", "/activation?jeton=").await;
    assert_eq!(activer(&router, &jeton).await.status, StatusCode::GONE);
    assert_eq!(
        connexion(&router, email, MOT_DE_PASSE).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn an_empty_form_gets_one_error_per_field() {
    let (router, _) = routeur_et_etat().await;
    let reponse = creer(&router, &json!({})).await;
    assert_eq!(
        champs_en_erreur(&reponse),
        [
            "email",
            "nom",
            "prenom",
            "telephone",
            "emailContact",
            "motDePasse",
            "questionSecrete",
            "reponseSecrete",
            "cguAcceptees",
            "defiReponse"
        ]
    );
}

#[tokio::test]
async fn each_invalid_field_is_named_with_its_own_message() {
    let (router, _) = routeur_et_etat().await;
    let cas: &[(&str, Value, &str)] = &[
        ("email", json!("pas-une-adresse"), "email"),
        (
            "emailConfirmation",
            json!("autre@exemple.test"),
            "emailConfirmation",
        ),
        ("nom", json!("   "), "nom"),
        ("prenom", json!("x".repeat(101)), "prenom"),
        ("telephone", json!("12 34"), "telephone"),
        ("emailContact", json!("compta@"), "emailContact"),
        ("motDePasse", json!("Court-1"), "motDePasse"),
        ("motDePasse", json!("seulementdesminuscules"), "motDePasse"),
        ("questionSecrete", json!(""), "questionSecrete"),
        ("reponseSecrete", json!(""), "reponseSecrete"),
        ("cguAcceptees", json!(false), "cguAcceptees"),
    ];
    for (champ, valeur, attendu) in cas {
        let mut corps = formulaire(&router, "champ@exemple.test").await;
        corps[*champ] = valeur.clone();
        if *champ == "email" {
            corps["emailConfirmation"] = valeur.clone();
        }
        let reponse = creer(&router, &corps).await;
        assert_eq!(champs_en_erreur(&reponse), [*attendu], "{champ}={valeur}");
    }
    // Nothing was created on the way.
    assert!(courriels(&router, "champ@exemple.test").await.is_empty());
}

#[tokio::test]
async fn the_password_messages_say_the_rule() {
    let (router, _) = routeur_et_etat().await;
    let mut corps = formulaire(&router, "mdp@exemple.test").await;
    corps["motDePasse"] = json!("abcdefghijk1");
    let reponse = creer(&router, &corps).await;
    let erreur = &reponse.json()["erreurs"][0];
    assert_eq!(erreur["champ"], "motDePasse");
    assert!(erreur["messageFr"]
        .as_str()
        .is_some_and(|m| m.contains("3 types")));
    assert!(erreur["messageEn"]
        .as_str()
        .is_some_and(|m| m.contains("3 kinds")));
}

#[tokio::test]
async fn a_wrong_challenge_answer_is_refused_and_the_challenge_is_used_up() {
    let (router, _) = routeur_et_etat().await;
    let mut corps = formulaire(&router, "robot@exemple.test").await;
    let juste = corps["defiReponse"].clone();
    corps["defiReponse"] = json!("999");
    assert_eq!(
        champs_en_erreur(&creer(&router, &corps).await),
        ["defiReponse"]
    );
    // The same challenge with the right answer no longer works: single use.
    corps["defiReponse"] = juste;
    assert_eq!(
        champs_en_erreur(&creer(&router, &corps).await),
        ["defiReponse"]
    );
    // Nor does an invented one.
    corps["defiId"] = json!("invente");
    assert_eq!(
        champs_en_erreur(&creer(&router, &corps).await),
        ["defiReponse"]
    );
    assert!(courriels(&router, "robot@exemple.test").await.is_empty());
}

#[tokio::test]
async fn a_used_challenge_cannot_create_a_second_account() {
    let (router, _) = routeur_et_etat().await;
    let corps = formulaire(&router, "premier@exemple.test").await;
    assert_eq!(creer(&router, &corps).await.status, StatusCode::CREATED);
    let mut second = corps.clone();
    second["email"] = json!("second@exemple.test");
    second["emailConfirmation"] = json!("second@exemple.test");
    assert_eq!(
        champs_en_erreur(&creer(&router, &second).await),
        ["defiReponse"]
    );
}

#[tokio::test]
async fn an_expired_challenge_is_refused() {
    let (router, state) = routeur_et_etat().await;
    let corps = formulaire(&router, "lent@exemple.test").await;
    sql(&state, "UPDATE defis SET expire_le = '2000-01-01T00:00:00'").await;
    assert_eq!(
        champs_en_erreur(&creer(&router, &corps).await),
        ["defiReponse"]
    );
}

#[tokio::test]
async fn a_taken_email_is_refused_on_the_email_field_without_details() {
    let (router, _) = routeur_et_etat().await;
    let email_demo = DEMO_EMAIL.to_uppercase();
    let corps = formulaire(&router, &email_demo).await;
    let reponse = creer(&router, &corps).await;
    assert_eq!(champs_en_erreur(&reponse), ["email"]);
    let message = reponse.json()["erreurs"][0]["messageFr"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        !message.contains("Martin") && !message.contains("Camille"),
        "{message}"
    );
    assert!(courriels(&router, DEMO_EMAIL).await.is_empty());
}

#[tokio::test]
async fn the_secret_answer_and_password_are_stored_hashed() {
    let (router, state) = routeur_et_etat().await;
    let email = "hache@exemple.test";
    assert_eq!(
        creer(&router, &formulaire(&router, email).await)
            .await
            .status,
        StatusCode::CREATED
    );
    let row: (String, String, String) = match sqlx::query_as(
        "SELECT mot_de_passe_hash, reponse_secrete_hash, second_facteur FROM utilisateurs WHERE email = $1",
    )
    .bind(email)
    .fetch_one(state.db.pool())
    .await
    {
        Ok(row) => row,
        Err(error) => panic!("{error}"),
    };
    assert!(row.0.starts_with("$argon2id$") && !row.0.contains(MOT_DE_PASSE));
    assert!(row.1.starts_with("$argon2id$") && !row.1.to_lowercase().contains("rex"));
    assert!(state.hasher.verifier("rex", &row.1));
    assert_eq!(row.2, "EMAIL");
}

#[tokio::test]
async fn the_outbox_filters_by_recipient() {
    let (router, _) = routeur_et_etat().await;
    for email in ["a@exemple.test", "b@exemple.test"] {
        let reponse = creer(&router, &formulaire(&router, email).await).await;
        assert_eq!(reponse.status, StatusCode::CREATED);
    }
    assert_eq!(courriels(&router, "A@exemple.test").await.len(), 1);
    assert!(courriels(&router, "c@exemple.test").await.is_empty());
    let tous = envoyer(&router, get("/portail/v1/outbox", None)).await;
    let tous = tous.json()["courriels"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(tous.len(), 2);
    // Newest first.
    assert_eq!(tous[0]["to"], "b@exemple.test");
}

#[tokio::test]
async fn the_outbox_and_account_creation_are_absent_in_gateway_mode() {
    let (_, mut state) = routeur_et_etat().await;
    let mut settings = (*state.settings).clone();
    settings.gateway = Some(GatewaySettings {
        api_base: "http://127.0.0.1:9".into(),
        token_url: "http://127.0.0.1:9/api/oauth/token".into(),
        timeout: std::time::Duration::from_secs(1),
        identifiants: IdentifiantsPiste {
            client_id: "id".into(),
            client_secret: Secret::new("s"),
            cpro_login: "TECH_1@cpro.fr".into(),
            cpro_password: Secret::new("p"),
        },
    });
    state.settings = Arc::new(settings);
    let router = app(state);
    let reponse = envoyer(&router, get("/portail/v1/outbox?to=a@exemple.test", None)).await;
    assert_eq!(reponse.status, StatusCode::NOT_FOUND);
    assert_eq!(reponse.code_retour(), Some(404));
    // No self-service accounts in front of PISTE either.
    let defi = envoyer(&router, get("/portail/v1/comptes/defi", None)).await;
    assert_eq!(defi.status, StatusCode::FORBIDDEN);
    let creation = envoyer(
        &router,
        post_json("/portail/v1/comptes", None, r#"{"email":"a@exemple.test"}"#),
    )
    .await;
    assert_eq!(creation.status, StatusCode::FORBIDDEN);
    assert!(creation.json()["libelle"]
        .as_str()
        .is_some_and(|l| l.contains("administrateur")));
}
