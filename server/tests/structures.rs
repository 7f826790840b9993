//! `/cpro/structures/v1/...` on the seeded directory.

mod common;

use axum::http::StatusCode;
use common::*;
use passerelle_server::seed::{
    AUTRE_EMAIL, DEMO_EMAIL, ID_ETAT, ID_FOURNISSEUR_AUTRE, ID_FOURNISSEUR_DEMO,
};
use serde_json::json;

async fn appeler(chemin: &str, body: serde_json::Value) -> Reponse {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    envoyer(&router, post_json(chemin, Some(&cookie), &body.to_string())).await
}

#[tokio::test]
async fn state_siret_is_found_with_its_id() {
    let reponse = appeler(
        "/cpro/structures/v1/rechercher",
        json!({"structure": {"identifiantStructure": "11000201100044"}}),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(0));
    let liste = &reponse.json()["listeStructures"];
    assert_eq!(liste[0]["idStructureCPP"], ID_ETAT);
    assert_eq!(liste[0]["statut"], "ACTIVE");
    assert_eq!(reponse.json()["parametresRetour"]["total"], 1);
}

#[tokio::test]
async fn empty_search_answers_20000() {
    let reponse = appeler(
        "/cpro/structures/v1/rechercher",
        json!({"structure": {"identifiantStructure": "99999999999999"}}),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.code_retour(), Some(20000));
    assert_eq!(reponse.json()["libelle"], "TRA_MSG_00.015");
}

#[tokio::test]
async fn search_shows_own_private_structure_but_not_another_supplier() {
    let privees = appeler(
        "/cpro/structures/v1/rechercher",
        json!({"structure": {"typeStructure": "PRIVEE"}}),
    )
    .await;
    let ids: Vec<i64> = privees.json()["listeStructures"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|s| s["idStructureCPP"].as_i64())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(ids, vec![ID_FOURNISSEUR_DEMO]);
}

#[tokio::test]
async fn search_pages_through_results() {
    let reponse = appeler(
        "/cpro/structures/v1/rechercher",
        json!({"structure": {"typeStructure": "PUBLIQUE"}, "parametres": {"pageResultatDemandee": 2, "nbResultatsParPage": 4}}),
    )
    .await;
    let retour = &reponse.json()["parametresRetour"];
    assert_eq!(
        (
            retour["pageCourante"].as_i64(),
            retour["nbResultatsParPage"].as_i64()
        ),
        (Some(2), Some(4))
    );
    assert_eq!(retour["total"], 11);
    assert_eq!(retour["pages"], 3);
    assert_eq!(
        reponse.json()["listeStructures"].as_array().map(Vec::len),
        Some(4)
    );
}

#[tokio::test]
async fn consulter_gives_the_routing_flags() {
    let reponse = appeler(
        "/cpro/structures/v1/consulter",
        json!({"idStructureCPP": ID_ETAT, "codeLangue": "FR"}),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(0));
    let json = reponse.json();
    assert_eq!(json["parametres"]["codeServiceDoitEtreRenseigne"], true);
    assert_eq!(json["parametres"]["numeroEJDoitEtreRenseigne"], true);
    assert_eq!(json["parametres"]["gestionNumeroEJOuCodeService"], false);
    assert_eq!(
        json["informationGenerales"]["identifiantStructure"],
        "11000201100044"
    );
    assert_eq!(
        json["informationGenerales"]["structurePriveePublique"],
        "PUBLIQUE"
    );
}

#[tokio::test]
async fn consulter_another_suppliers_structure_answers_unknown() {
    let reponse = appeler(
        "/cpro/structures/v1/consulter",
        json!({"idStructureCPP": ID_FOURNISSEUR_AUTRE}),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(20001));
    let inconnue = appeler(
        "/cpro/structures/v1/consulter",
        json!({"idStructureCPP": 1}),
    )
    .await;
    assert_eq!(inconnue.code_retour(), Some(20001));
}

#[tokio::test]
async fn consulter_without_id_is_a_400() {
    let reponse = appeler("/cpro/structures/v1/consulter", json!({})).await;
    assert_eq!(reponse.status, StatusCode::BAD_REQUEST);
    assert_eq!(reponse.code_retour(), Some(400));
}

#[tokio::test]
async fn services_of_the_state_include_an_inactive_one_and_ej_flags() {
    let reponse = appeler(
        "/cpro/structures/v1/rechercher/services",
        json!({"idStructure": ID_ETAT}),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(0));
    let services = reponse.json()["listeServices"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(services.len(), 4);
    assert!(services.iter().any(|s| s["estActif"] == false));
    let achats = services
        .iter()
        .find(|s| s["codeService"] == "SGC-ACHATS")
        .cloned()
        .unwrap_or_default();
    let detail = appeler(
        "/cpro/structures/v1/consulter/service",
        json!({"idStructure": ID_ETAT, "idService": achats["idService"]}),
    )
    .await;
    assert_eq!(detail.code_retour(), Some(0));
    assert_eq!(detail.json()["parametres"]["numeroEngagement"], true);
    assert_eq!(
        detail.json()["informationsGenerales"]["codeService"],
        "SGC-ACHATS"
    );
}

#[tokio::test]
async fn structure_without_services_answers_20000() {
    let reponse = appeler(
        "/cpro/structures/v1/rechercher/services",
        json!({"idStructure": 25_000_002}),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(20000));
}

#[tokio::test]
async fn service_of_another_structure_is_unknown() {
    let reponse = appeler(
        "/cpro/structures/v1/consulter/service",
        json!({"idStructure": 25_000_002, "idService": 35_000_002}),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(20001));
}

#[tokio::test]
async fn structures_api_without_authentication_is_401() {
    let router = routeur().await;
    let reponse = envoyer(
        &router,
        post_json("/cpro/structures/v1/rechercher", None, "{}"),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::UNAUTHORIZED);
    assert!(reponse.header("www-authenticate").is_some());
}

#[tokio::test]
async fn active_supplier_structures_are_only_the_users_own() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let chemin = "/cpro/transverses/v1/recuperer/structures/actives/fournisseur";
    let reponse = envoyer(&router, post_json(chemin, Some(&cookie), "{}")).await;
    assert_eq!(reponse.code_retour(), Some(0));
    assert_eq!(
        reponse.json()["listeStructures"],
        json!([{"idStructureCPP": ID_FOURNISSEUR_DEMO, "identifiant": "80000001000010", "designationStructure": "PASSERELLE DEMO SARL"}])
    );
    let autre = connecter(&router, AUTRE_EMAIL).await;
    let reponse = envoyer(&router, post_json(chemin, Some(&autre), "{}")).await;
    assert_eq!(
        reponse.json()["listeStructures"][0]["idStructureCPP"],
        ID_FOURNISSEUR_AUTRE
    );
}

#[tokio::test]
async fn reference_lists_answer_their_codes() {
    let cas = [
        (
            "/cpro/transverses/v1/recuperer/tauxtva",
            json!({}),
            "listeTauxTva",
            "codeTauxTva",
            "TVA1",
        ),
        (
            "/cpro/transverses/v1/recuperer/devises",
            json!({"codeLangue": "FR"}),
            "listeDevises",
            "codeDevise",
            "EUR",
        ),
        (
            "/cpro/transverses/v1/recuperer/pays",
            json!({"codeLangue": "FR"}),
            "listePays",
            "codePays",
            "FR",
        ),
        (
            "/cpro/transverses/v1/recuperer/modereglements",
            json!({}),
            "listeModePaiement",
            "modePaiement",
            "VIREMENT",
        ),
        (
            "/cpro/transverses/v1/recuperer/modedepot",
            json!({}),
            "listeModeDepot",
            "modeDepot",
            "DEPOT_PDF_API",
        ),
        (
            "/cpro/transverses/v1/recuperer/cadrefacturation",
            json!({"typeDemandePaiement": "FACTURE"}),
            "listeCadreFacturation",
            "codeCadreFacturation",
            "A12_FACTURE_COTRAITANT",
        ),
        (
            "/cpro/transverses/v1/recuperer/motifs/exonerationtva",
            json!({}),
            "listeMotifsExonerationTva",
            "codeMotifExonerationTva",
            "ART_293B",
        ),
        (
            "/cpro/transverses/v1/recuperer/typespj",
            json!({"codeLangue": "FR", "typeObjet": "FACTURE"}),
            "listeTypePieceJointe",
            "codeTypePieceJointe",
            "BON_LIVRAISON",
        ),
        (
            "/cpro/transverses/v1/recuperer/etat/typedp",
            json!({"typeDemandePaiement": "FACTURE"}),
            "listeEtatDemandePaiement",
            "etatDemandePaiement",
            "A_RECYCLER",
        ),
        (
            "/cpro/transverses/v1/recuperer/etats/traitement",
            json!({"statutCourant": "MISE_A_DISPOSITION"}),
            "listeStatutsPossiblesPourTraitement",
            "statutPossiblePourTraitement",
            "SUSPENDUE",
        ),
    ];
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    for (chemin, body, liste, cle, attendu) in cas {
        let reponse = envoyer(&router, post_json(chemin, Some(&cookie), &body.to_string())).await;
        assert_eq!(reponse.code_retour(), Some(0), "{chemin}");
        let codes: Vec<String> = reponse.json()[liste]
            .as_array()
            .map(|l| {
                l.iter()
                    .filter_map(|e| e[cle].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        assert!(codes.iter().any(|c| c == attendu), "{chemin}: {codes:?}");
    }
    let travaux = envoyer(
        &router,
        post_json(
            "/cpro/transverses/v1/recuperer/cadrefacturation",
            Some(&cookie),
            r#"{"typeDemandePaiement":"FACTURE"}"#,
        ),
    )
    .await;
    assert_eq!(
        travaux.json()["listeCadreFacturation"]
            .as_array()
            .map(Vec::len),
        Some(4),
        "soumettre accepts A1, A2, A9, A12"
    );
    let final_ = envoyer(
        &router,
        post_json(
            "/cpro/transverses/v1/recuperer/etats/traitement",
            Some(&cookie),
            r#"{"statutCourant":"MISE_EN_PAIEMENT"}"#,
        ),
    )
    .await;
    assert_eq!(
        final_.json()["listeStatutsPossiblesPourTraitement"],
        json!([])
    );
}

#[tokio::test]
async fn ajouter_fichier_checks_size_and_name() {
    use base64::Engine as _;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let appel = |body: serde_json::Value| {
        post_json(
            "/cpro/transverses/v1/ajouter/fichier",
            Some(&cookie),
            &body.to_string(),
        )
    };
    let ok = envoyer(&router, appel(json!({"pieceJointeFichier": b64(b"bl"), "pieceJointeNom": "bl.pdf", "pieceJointeTypeMime": "application/pdf", "pieceJointeExtension": "PDF"}))).await;
    assert_eq!(ok.code_retour(), Some(0));
    assert!(ok.json()["pieceJointeId"].is_i64());
    let gros = vec![0_u8; 10 * 1024 * 1024 + 1];
    let trop_gros = envoyer(
        &router,
        appel(json!({"pieceJointeFichier": b64(&gros), "pieceJointeNom": "gros.pdf"})),
    )
    .await;
    assert_eq!(
        (trop_gros.status, trop_gros.code_retour()),
        (StatusCode::OK, Some(20003))
    );
    let exe = envoyer(
        &router,
        appel(json!({"pieceJointeFichier": b64(b"x"), "pieceJointeNom": "virus.exe"})),
    )
    .await;
    assert_eq!(exe.code_retour(), Some(20004));
}

#[tokio::test]
async fn rattachements_list_the_users_structure_and_its_services() {
    let reponse = appeler(
        "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements",
        json!({}),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(0));
    let liste = reponse.json()["listeStructureRattachement"].clone();
    assert_eq!(liste.as_array().map(Vec::len), Some(1));
    assert_eq!(liste[0]["idStructure"], ID_FOURNISSEUR_DEMO);
    assert_eq!(
        liste[0]["listeServicesRattache"][0]["codeService"],
        "COMPTABILITE"
    );
}
