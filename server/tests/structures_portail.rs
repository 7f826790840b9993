//! Structure creation on the portal: register pre-fill, identifier types and their checks, the creator
//! as gestionnaire principal, existing structures pointed to a rattachement request.

mod common;

use axum::http::StatusCode;
use common::portail::*;
use common::*;
use passerelle_server::seed::{AUTRE_EMAIL, DEMO_EMAIL, ID_FOURNISSEUR_DEMO, SIRET_REGISTRE_LIBRE};
use serde_json::{json, Value};

async fn creer_structure(router: &axum::Router, cookie: &str, corps: Value) -> Reponse {
    envoyer(
        router,
        post_json("/portail/v1/structures", Some(cookie), &corps.to_string()),
    )
    .await
}

async fn structures_actives(router: &axum::Router, cookie: &str) -> Vec<Value> {
    let reponse = envoyer(
        router,
        post_json(
            "/cpro/transverses/v1/recuperer/structures/actives/fournisseur",
            Some(cookie),
            "{}",
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    reponse.json()["listeStructures"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn champs(reponse: &Reponse) -> Vec<String> {
    assert_eq!(
        reponse.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reponse.texte()
    );
    reponse.json()["erreurs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| e["champ"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_register_prefills_a_known_siret() {
    let (router, _) = routeur_et_etat().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let reponse = envoyer(
        &router,
        get(
            &format!("/portail/v1/registre/{SIRET_REGISTRE_LIBRE}"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(
        reponse.json(),
        json!({
            "siret": SIRET_REGISTRE_LIBRE,
            "siren": "812345676",
            "raisonSociale": "BOULANGERIE DU CANAL SARL",
            "adresse": "12 quai de la Loire",
            "codePostal": "75019",
            "ville": "PARIS",
            "idStructureCPP": null,
        })
    );
    // A company already in Chorus Pro says so.
    let existante = envoyer(
        &router,
        get("/portail/v1/registre/80000001000010", Some(&cookie)),
    )
    .await;
    assert_eq!(existante.json()["idStructureCPP"], ID_FOURNISSEUR_DEMO);
}

#[tokio::test]
async fn the_register_refuses_bad_unknown_and_anonymous_lookups() {
    let (router, _) = routeur_et_etat().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let mauvais = envoyer(
        &router,
        get("/portail/v1/registre/81234567600018", Some(&cookie)),
    )
    .await;
    assert_eq!(champs(&mauvais), ["siret"]);
    // Valid Luhn keys, not in the register.
    let inconnu = envoyer(
        &router,
        get("/portail/v1/registre/73282932000074", Some(&cookie)),
    )
    .await;
    assert_eq!(inconnu.status, StatusCode::NOT_FOUND);
    assert_eq!(inconnu.code_retour(), Some(404));
    let anonyme = envoyer(
        &router,
        get(
            &format!("/portail/v1/registre/{SIRET_REGISTRE_LIBRE}"),
            None,
        ),
    )
    .await;
    assert_eq!(anonyme.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_siret_structure_is_prefilled_editable_and_its_creator_is_gestionnaire_principal() {
    let (router, _) = routeur_et_etat().await;
    let email = "createur@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    assert!(structures_actives(&router, &cookie).await.is_empty());
    let reponse = creer_structure(
        &router,
        &cookie,
        json!({"typeIdentifiant": "SIRET", "identifiant": "812 345 676 00017", "adresse": "14 quai de la Loire"}),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    let corps = reponse.json();
    assert_eq!(corps["identifiant"], SIRET_REGISTRE_LIBRE);
    assert_eq!(corps["raisonSociale"], "BOULANGERIE DU CANAL SARL");
    assert_eq!(corps["adresse"], "14 quai de la Loire");
    assert_eq!(corps["codePostal"], "75019");
    assert_eq!(corps["codePays"], "FR");
    assert_eq!(corps["numeroTva"], "FR19812345676");
    assert_eq!(corps["role"], "GESTIONNAIRE_PRINCIPAL");
    assert_eq!(corps["habilitation"], "MODIFICATION");
    let id = corps["idStructureCPP"].as_i64().unwrap_or_default();
    let actives = structures_actives(&router, &cookie).await;
    assert_eq!(actives.len(), 1);
    assert_eq!(actives[0]["idStructureCPP"], id);
    assert_eq!(
        actives[0]["designationStructure"],
        "BOULANGERIE DU CANAL SARL"
    );
    // MODIFICATION: the creator may read the structure's bank accounts (none yet: empty search).
    let coord = envoyer(
        &router,
        post_json(
            "/cpro/transverses/v1/recuperer/coordbanc/valides",
            Some(&cookie),
            &json!({"idStructure": id}).to_string(),
        ),
    )
    .await;
    assert_ne!(coord.code_retour(), Some(20001), "{}", coord.texte());
    // Nobody else sees it.
    let autre = connecter(&router, AUTRE_EMAIL).await;
    assert!(structures_actives(&router, &autre)
        .await
        .iter()
        .all(|s| s["idStructureCPP"] != id));
    // The register now points to it.
    let registre = envoyer(
        &router,
        get(
            &format!("/portail/v1/registre/{SIRET_REGISTRE_LIBRE}"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(registre.json()["idStructureCPP"], id);
}

#[tokio::test]
async fn an_existing_structure_is_refused_with_a_pointer_to_the_rattachement_request() {
    let (router, _) = routeur_et_etat().await;
    let cookie = connecter(&router, AUTRE_EMAIL).await;
    let reponse = creer_structure(
        &router,
        &cookie,
        json!({"typeIdentifiant": "SIRET", "identifiant": "80000001000010"}),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::CONFLICT, "{}", reponse.texte());
    assert_eq!(reponse.code_retour(), Some(409));
    assert!(reponse.json()["libelle"]
        .as_str()
        .is_some_and(|l| l.contains("rattachement")));
    // And the second creator of a new one gets the same answer.
    let premier = creer_structure(
        &router,
        &cookie,
        json!({"typeIdentifiant": "SIRET", "identifiant": SIRET_REGISTRE_LIBRE}),
    )
    .await;
    assert_eq!(premier.status, StatusCode::CREATED);
    let demo = connecter(&router, DEMO_EMAIL).await;
    let second = creer_structure(
        &router,
        &demo,
        json!({"typeIdentifiant": "SIRET", "identifiant": SIRET_REGISTRE_LIBRE}),
    )
    .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(structures_actives(&router, &demo)
        .await
        .iter()
        .all(|s| s["identifiant"] != SIRET_REGISTRE_LIBRE));
}

#[tokio::test]
async fn every_identifier_type_can_be_created() {
    let (router, _) = routeur_et_etat().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let adresse = json!({"raisonSociale": "ENTREPRISE TEST", "adresse": "1 rue A", "codePostal": "1000", "ville": "VILLE"});
    let cas = [
        ("UE_HORS_FRANCE", "DE123456789", "", "DE123456789", "DE"),
        ("HORS_UE", "CHE-123.456.789", "CH", "CHE-123.456.789", "CH"),
        ("RIDET", "1234567001", "", "1234567001", "NC"),
        ("TAHITI", "003970-001", "", "003970001", "PF"),
        ("AUTRE", "ASSO-42", "", "ASSO-42", "FR"),
    ];
    for (type_identifiant, identifiant, pays, attendu, pays_attendu) in cas {
        let mut corps = adresse.clone();
        corps["typeIdentifiant"] = json!(type_identifiant);
        corps["identifiant"] = json!(identifiant);
        corps["codePays"] = json!(pays);
        if pays_attendu == "FR" {
            corps["codePostal"] = json!("75001");
        }
        let reponse = creer_structure(&router, &cookie, corps).await;
        assert_eq!(
            reponse.status,
            StatusCode::CREATED,
            "{type_identifiant}: {}",
            reponse.texte()
        );
        assert_eq!(reponse.json()["identifiant"], attendu, "{type_identifiant}");
        assert_eq!(
            reponse.json()["codePays"],
            pays_attendu,
            "{type_identifiant}"
        );
    }
    let mut particulier = adresse.clone();
    particulier["typeIdentifiant"] = json!("PARTICULIER");
    particulier["codePostal"] = json!("75001");
    particulier["raisonSociale"] = json!("MARTIN Camille");
    let reponse = creer_structure(&router, &cookie, particulier.clone()).await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    let numero = reponse.json()["identifiant"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(numero.starts_with('P'), "{numero}");
    // A second particulier gets its own number.
    let encore = creer_structure(&router, &cookie, particulier).await;
    assert_eq!(encore.status, StatusCode::CREATED);
    assert_ne!(encore.json()["identifiant"], json!(numero));
}

#[tokio::test]
async fn invalid_creations_name_their_fields() {
    let (router, _) = routeur_et_etat().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let cas = [
        (
            json!({"typeIdentifiant": "SIRET", "identifiant": "81234567600018"}),
            vec!["identifiant"],
        ),
        (
            json!({"typeIdentifiant": "SIREN", "identifiant": "812345676"}),
            vec!["typeIdentifiant"],
        ),
        (
            json!({"typeIdentifiant": "UE_HORS_FRANCE", "identifiant": "DE12"}),
            vec!["identifiant"],
        ),
        (
            json!({"typeIdentifiant": "HORS_UE", "identifiant": "X1", "codePays": "IT"}),
            vec!["codePays"],
        ),
        // Valid SIRET absent from the register: name and address must be typed.
        (
            json!({"typeIdentifiant": "SIRET", "identifiant": "73282932000074"}),
            vec!["raisonSociale", "adresse", "codePostal", "ville"],
        ),
        (
            json!({"typeIdentifiant": "AUTRE", "identifiant": "A1", "raisonSociale": "X", "adresse": "1 rue", "codePostal": "7500", "ville": "PARIS"}),
            vec!["codePostal"],
        ),
    ];
    for (corps, attendus) in cas {
        let reponse = creer_structure(&router, &cookie, corps.clone()).await;
        assert_eq!(champs(&reponse), attendus, "{corps}");
    }
    let anonyme = envoyer(
        &router,
        post_json(
            "/portail/v1/structures",
            None,
            r#"{"typeIdentifiant":"AUTRE"}"#,
        ),
    )
    .await;
    assert_eq!(anonyme.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_supplier_structure_is_found_by_part_of_its_name_to_ask_for_a_rattachement() {
    let router = routeur().await;
    let email = "chercheur@exemple.test";
    creer_et_activer(&router, email).await;
    let cookie = connecter_avec_code(&router, email).await;
    // Not attached to it: the Chorus search would not show this private structure; the portal's does.
    let reponse = envoyer(
        &router,
        get(
            "/portail/v1/structures?raisonSociale=demo%20s",
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    let corps = reponse.json();
    let trouvees = corps["structures"].as_array().cloned().unwrap_or_default();
    assert!(
        trouvees
            .iter()
            .any(|s| s["idStructureCPP"] == ID_FOURNISSEUR_DEMO
                && s["identifiant"] == "80000001000010"
                && s["typeIdentifiant"] == "SIRET"),
        "{corps}"
    );
    // Public entities are recipients, not structures a supplier joins.
    let publiques = envoyer(
        &router,
        get(
            "/portail/v1/structures?raisonSociale=commune",
            Some(&cookie),
        ),
    )
    .await
    .json();
    assert_eq!(publiques["total"], 0, "{publiques}");
    // Too short a text, and signed out.
    let court = envoyer(
        &router,
        get("/portail/v1/structures?raisonSociale=de", Some(&cookie)),
    )
    .await;
    assert_eq!(court.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(court.json()["erreurs"][0]["champ"], "raisonSociale");
    let anonyme = envoyer(
        &router,
        get("/portail/v1/structures?raisonSociale=demo", None),
    )
    .await;
    assert_eq!(anonyme.status, StatusCode::UNAUTHORIZED);
}
