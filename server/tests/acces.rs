//! Sign-in safety over loopback: five wrong passwords lock the address (whether it is an account's or not),
//! a right one in between starts the count again, and a forgotten password is reset by a single-use link
//! that ends the sessions and lifts the lock; the reset request never tells which addresses are accounts.

mod common;

use axum::http::StatusCode;
use common::portail::*;
use common::*;
use passerelle_server::seed::{DEMO_EMAIL, DEMO_MOT_DE_PASSE};
use serde_json::json;

async fn oubli(router: &axum::Router, email: &str) -> Reponse {
    envoyer(
        router,
        post_json(
            "/portail/v1/comptes/mot-de-passe-oublie",
            None,
            &json!({ "email": email }).to_string(),
        ),
    )
    .await
}

async fn reinitialiser(router: &axum::Router, jeton: &str, mot_de_passe: &str) -> Reponse {
    envoyer(
        router,
        post_json(
            "/portail/v1/comptes/reinitialisation",
            None,
            &json!({ "jeton": jeton, "nouveauMotDePasse": mot_de_passe }).to_string(),
        ),
    )
    .await
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_address_and_a_right_one_in_between_resets_the_count() {
    let router = routeur().await;
    for _ in 0..3 {
        assert_eq!(
            connexion(&router, DEMO_EMAIL, "mauvais").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        connexion(&router, DEMO_EMAIL, DEMO_MOT_DE_PASSE)
            .await
            .status,
        StatusCode::OK
    );
    for _ in 0..4 {
        assert_eq!(
            connexion(&router, "Demo@Passerelle.test", "mauvais")
                .await
                .status,
            StatusCode::UNAUTHORIZED,
            "the count started again after the right password"
        );
    }
    let verrou = connexion(&router, DEMO_EMAIL, "mauvais").await;
    assert_eq!(verrou.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(verrou.texte().contains("60 minute"), "{}", verrou.texte());
    // Locked: even the right password is refused, with the time left.
    let encore = connexion(&router, DEMO_EMAIL, DEMO_MOT_DE_PASSE).await;
    assert_eq!(encore.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        encore.texte().contains("Mot de passe oublié"),
        "{}",
        encore.texte()
    );

    // An address no account has is locked the same way: the answers tell nothing.
    for _ in 0..4 {
        assert_eq!(
            connexion(&router, "personne@exemple.test", "x")
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        connexion(&router, "personne@exemple.test", "x")
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_ends_the_sessions_and_lifts_the_lock() {
    let router = routeur().await;
    let email = "oubli@exemple.test";
    creer_et_activer(&router, email).await;
    let session = connecter_avec_code(&router, email).await;
    for _ in 0..5 {
        connexion(&router, email, "mauvais").await;
    }
    assert_eq!(
        connexion(&router, email, MOT_DE_PASSE).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );

    // Known or not, the answer is the same; only the account gets an e-mail.
    let demande = oubli(&router, email).await;
    let inconnue = oubli(&router, "inconnue@exemple.test").await;
    assert_eq!(demande.status, StatusCode::ACCEPTED);
    assert_eq!(inconnue.status, StatusCode::ACCEPTED);
    assert_eq!(demande.json(), inconnue.json());
    assert!(courriels(&router, "inconnue@exemple.test").await.is_empty());
    assert_eq!(
        oubli(&router, "pas-une-adresse").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let jeton = extraire(
        &router,
        email,
        "REINITIALISATION",
        "/reinitialisation?jeton=",
    )
    .await;
    assert!(!jeton.is_empty());

    // A weak password is refused without using the link up.
    let faible = reinitialiser(&router, &jeton, "court").await;
    assert_eq!(faible.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(faible.json()["erreurs"][0]["champ"], "nouveauMotDePasse");
    let nouveau = "Tout-Nouveau-Secret-2027";
    let reponse = reinitialiser(&router, &jeton, nouveau).await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["email"], email);
    assert_eq!(
        reinitialiser(&router, &jeton, "Encore-Un-Autre-2028")
            .await
            .status,
        StatusCode::GONE,
        "single use"
    );
    // The old session is over, the lock is lifted, the old password is gone.
    assert_eq!(
        envoyer(&router, get("/portail/v1/compte", Some(&session)))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        connexion(&router, email, MOT_DE_PASSE).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        connexion(&router, email, nouveau).await.status,
        StatusCode::ACCEPTED,
        "the new password leads to the second factor"
    );
}
