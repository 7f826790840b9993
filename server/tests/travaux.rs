//! Factures de travaux over loopback: a piece created incomplete then completed, validated in order,
//! sent automatically when its delay passes on the sandbox clock (as an A4 invoice of the supplier), a
//! scheduled sending cancelled, a refused automatic sending kept with its reason, the delay preference,
//! and another supplier's pieces out of reach.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use passerelle_server::seed::{AUTRE_EMAIL, DEMO_EMAIL, ID_FOURNISSEUR_DEMO};
use serde_json::{json, Value};

fn put_json(uri: &str, cookie: &str, body: &Value) -> Request<Body> {
    Request::put(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_string()))
        .unwrap_or_default()
}

fn piece(numero: &str) -> Value {
    json!({
        "idStructureCPP": ID_FOURNISSEUR_DEMO,
        "cadre": "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",
        "numero": numero,
        "mois": "2026-11-01",
        "lot": "Lot 03 — Menuiseries",
        "entreprise": "PASSERELLE DEMO SARL",
        "numeroMarche": "M-2026-014",
        "ordreService": "OS-3",
        "siretDestinataire": "21310000100014",
        "siretMoe": "82345678500018",
        "previsionHt": "120000",
        "avancement": "35",
        "dejaFactureHt": "30000",
        "tauxTva": "20",
    })
}

async fn creer(router: &axum::Router, cookie: &str, corps: &Value) -> Value {
    let reponse = envoyer(
        router,
        post_json(
            "/portail/v1/travaux/situations",
            Some(cookie),
            &corps.to_string(),
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    reponse.json()
}

async fn action(router: &axum::Router, cookie: &str, id: i64, quoi: &str) -> Reponse {
    envoyer(
        router,
        post_json(
            &format!("/portail/v1/travaux/situations/{id}/{quoi}"),
            Some(cookie),
            "",
        ),
    )
    .await
}

async fn avancer(router: &axum::Router, cookie: &str, minutes: i64) {
    let reponse = envoyer(
        router,
        post_json(
            "/portail/v1/simulation/horloge/avancer",
            Some(cookie),
            &json!({ "minutes": minutes }).to_string(),
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
}

async fn situation(router: &axum::Router, cookie: &str, id: i64) -> Value {
    let liste = envoyer(router, get("/portail/v1/travaux/situations", Some(cookie))).await;
    assert_eq!(liste.status, StatusCode::OK, "{}", liste.texte());
    liste.json()["situations"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .find(|s| s["situation"]["id"] == id)
        .unwrap_or(Value::Null)
}

fn id(affichee: &Value) -> i64 {
    affichee["situation"]["id"].as_i64().unwrap_or_default()
}

#[tokio::test]
async fn a_validated_piece_goes_automatically_once_its_delay_passed() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    // Incomplete: stored, with exactly what is missing.
    let mut corps = piece("SIT-AUTO-1");
    corps["ordreService"] = json!("");
    corps["siretMoe"] = json!("82345678500019");
    let creee = creer(&router, &cookie, &corps).await;
    let n = id(&creee);
    assert_eq!(creee["transmissibilite"]["etat"], "INFORMATIONS_MANQUANTES");
    assert_eq!(
        creee["transmissibilite"]["manques"],
        json!(["ORDRE_SERVICE", "SIRET_MOE"])
    );
    assert_eq!(creee["montants"]["acompteHt"], "12000.00");
    assert_eq!(creee["montants"]["netAPayer"], "13680.00");
    let refus = action(&router, &cookie, n, "validation-conducteur").await;
    assert_eq!(refus.status, StatusCode::CONFLICT);
    assert!(
        refus.texte().contains("ordre de service"),
        "{}",
        refus.texte()
    );

    // Completed: waits for both validations, in order.
    let complete = envoyer(
        &router,
        put_json(
            &format!("/portail/v1/travaux/situations/{n}"),
            &cookie,
            &piece("SIT-AUTO-1"),
        ),
    )
    .await;
    assert_eq!(complete.status, StatusCode::OK, "{}", complete.texte());
    assert_eq!(complete.json()["transmissibilite"]["etat"], "APRES_ACTIONS");
    assert_eq!(
        action(&router, &cookie, n, "validation-finale")
            .await
            .status,
        StatusCode::CONFLICT
    );
    let conducteur = action(&router, &cookie, n, "validation-conducteur").await;
    assert_eq!(conducteur.status, StatusCode::OK, "{}", conducteur.texte());
    assert_eq!(
        conducteur.json()["situation"]["validationConducteur"]["par"],
        "Camille Martin"
    );
    let finale = action(&router, &cookie, n, "validation-finale")
        .await
        .json();
    assert_eq!(
        finale["transmissibilite"]["etat"],
        "EN_COURS_DE_TRANSMISSION"
    );
    assert_eq!(finale["transmissibilite"]["minutesRestantes"], 60);

    // 59 minutes later it is still cancellable; at 61 it went.
    avancer(&router, &cookie, 59).await;
    assert_eq!(
        situation(&router, &cookie, n).await["transmissibilite"]["etat"],
        "EN_COURS_DE_TRANSMISSION"
    );
    avancer(&router, &cookie, 2).await;
    let envoyee = situation(&router, &cookie, n).await;
    assert_eq!(
        envoyee["transmissibilite"]["etat"], "TRANSMISE",
        "{envoyee}"
    );
    let facture = envoyee["situation"]["identifiantFactureCPP"]
        .as_i64()
        .unwrap_or_default();
    assert!(facture > 0);
    // The invoice is the supplier's, with the works cadre and the piece's amounts.
    let consultee = envoyer(
        &router,
        post_json(
            "/cpro/factures/v1/consulter/fournisseur",
            Some(&cookie),
            &json!({ "identifiantFactureCPP": facture }).to_string(),
        ),
    )
    .await
    .json();
    let texte = consultee.to_string();
    assert!(
        texte.contains("A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR"),
        "{texte}"
    );
    assert!(texte.contains("SIT-AUTO-1"), "{texte}");
    assert!(texte.contains("13680"), "{texte}");
    // Sent: nothing more can happen to it.
    assert_eq!(
        action(&router, &cookie, n, "annulation-envoi").await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        action(&router, &cookie, n, "transmission").await.status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn a_cancelled_sending_waits_for_a_click_and_a_change_drops_the_validations() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let n = id(&creer(&router, &cookie, &piece("SIT-ANNULEE")).await);
    action(&router, &cookie, n, "validation-conducteur").await;
    action(&router, &cookie, n, "validation-finale").await;
    let annulee = action(&router, &cookie, n, "annulation-envoi").await;
    assert_eq!(annulee.status, StatusCode::OK, "{}", annulee.texte());
    assert_eq!(
        annulee.json()["transmissibilite"]["etat"],
        "PRETE_A_TRANSMETTRE"
    );
    avancer(&router, &cookie, 180).await;
    assert_eq!(
        situation(&router, &cookie, n).await["transmissibilite"]["etat"],
        "PRETE_A_TRANSMETTRE",
        "a cancelled sending never goes by itself"
    );
    // A change of the amounts means new validations.
    let mut change = piece("SIT-ANNULEE");
    change["avancement"] = json!("40");
    let changee = envoyer(
        &router,
        put_json(
            &format!("/portail/v1/travaux/situations/{n}"),
            &cookie,
            &change,
        ),
    )
    .await
    .json();
    assert_eq!(changee["transmissibilite"]["etat"], "APRES_ACTIONS");
    action(&router, &cookie, n, "validation-conducteur").await;
    // With no delay, the final validation leaves it ready; one click sends it.
    let preferences = envoyer(
        &router,
        put_json(
            "/portail/v1/travaux/preferences",
            &cookie,
            &json!({ "delaiEnvoiMinutes": 0 }),
        ),
    )
    .await;
    assert_eq!(preferences.status, StatusCode::OK);
    let finale = action(&router, &cookie, n, "validation-finale")
        .await
        .json();
    assert_eq!(finale["transmissibilite"]["etat"], "PRETE_A_TRANSMETTRE");
    let envoyee = action(&router, &cookie, n, "transmission").await;
    assert_eq!(envoyee.status, StatusCode::OK, "{}", envoyee.texte());
    assert_eq!(envoyee.json()["transmissibilite"]["etat"], "TRANSMISE");
    let faux = envoyer(
        &router,
        put_json(
            "/portail/v1/travaux/preferences",
            &cookie,
            &json!({ "delaiEnvoiMinutes": -5 }),
        ),
    )
    .await;
    assert_eq!(faux.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_refused_automatic_sending_keeps_its_reason_and_is_no_longer_scheduled() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    // The State requires a service code, which this piece lacks.
    let mut corps = piece("SIT-REFUSEE");
    corps["siretDestinataire"] = json!("11000201100044");
    let n = id(&creer(&router, &cookie, &corps).await);
    action(&router, &cookie, n, "validation-conducteur").await;
    action(&router, &cookie, n, "validation-finale").await;
    avancer(&router, &cookie, 61).await;
    let apres = situation(&router, &cookie, n).await;
    assert_eq!(
        apres["transmissibilite"]["etat"], "PRETE_A_TRANSMETTRE",
        "{apres}"
    );
    let erreur = apres["erreurTransmission"].as_str().unwrap_or_default();
    assert!(erreur.contains("code service"), "{erreur}");
}

#[tokio::test]
async fn another_suppliers_pieces_are_out_of_reach() {
    let router = routeur().await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let autre = connecter(&router, AUTRE_EMAIL).await;
    let n = id(&creer(&router, &demo, &piece("SIT-PRIVEE")).await);
    assert_eq!(situation(&router, &autre, n).await, Value::Null);
    assert_eq!(
        action(&router, &autre, n, "validation-conducteur")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Nor can a piece be created for a structure one is not attached to.
    let reponse = envoyer(
        &router,
        post_json(
            "/portail/v1/travaux/situations",
            Some(&autre),
            &piece("SIT-INTRUSE").to_string(),
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        envoyer(&router, get("/portail/v1/travaux/situations", None))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}
