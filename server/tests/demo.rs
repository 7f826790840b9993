//! Seeded demo invoices, and data surviving a restart on a database file.

mod common;

use common::*;
use passerelle_server::config::{DbLocation, Settings};
use passerelle_server::seed::DEMO_EMAIL;
use passerelle_server::{app, test_state_avec_factures_demo, AppState};
use serde_json::json;

#[tokio::test]
async fn demo_supplier_has_an_invoice_in_every_lifecycle_step() {
    let router = match test_state_avec_factures_demo().await {
        Ok(state) => app(state),
        Err(error) => panic!("state: {error}"),
    };
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let reponse = envoyer(
        &router,
        post_json(
            "/cpro/factures/v1/rechercher/fournisseur",
            Some(&cookie),
            "{}",
        ),
    )
    .await;
    assert_eq!(reponse.code_retour(), Some(0));
    let mut statuts: Vec<String> = reponse.json()["listeFactures"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|f| f["statut"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    statuts.sort();
    assert_eq!(
        statuts,
        [
            "A_RECYCLER",
            "A_VALIDER_1",
            "COMPLETEE",
            "DEPOSEE",
            "MANDATEE",
            "MISE_A_DISPOSITION",
            "MISE_EN_PAIEMENT",
            "REJETEE",
            "SERVICE_FAIT",
            "SUSPENDUE"
        ]
    );
}

#[tokio::test]
async fn demo_invoices_show_their_amounts_and_cadre_in_consulter() {
    let router = match test_state_avec_factures_demo().await {
        Ok(state) => app(state),
        Err(error) => panic!("state: {error}"),
    };
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let liste = envoyer(
        &router,
        post_json(
            "/cpro/factures/v1/rechercher/fournisseur",
            Some(&cookie),
            "{}",
        ),
    )
    .await
    .json();
    let factures = liste["listeFactures"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(factures.len() >= 10, "{liste}");
    for facture in factures {
        let id = facture["identifiantFactureCPP"]
            .as_i64()
            .unwrap_or_default();
        let detail = envoyer(
            &router,
            post_json(
                "/cpro/factures/v1/consulter/fournisseur",
                Some(&cookie),
                &json!({"identifiantFactureCPP": id}).to_string(),
            ),
        )
        .await
        .json();
        let numero = &facture["numeroFacture"];
        assert_eq!(
            detail["facture"]["montantTotal"]["montantTtcTotal"], facture["montantTTC"],
            "{numero}: {detail}"
        );
        assert!(
            detail["facture"]["dateFacture"].is_string()
                || detail["facture"]["references"]["dateFacture"].is_string(),
            "{numero}: {detail}"
        );
        let cadre = detail["facture"]["cadreDeFacturation"]["codeCadreFacturation"].clone();
        let attendu = if numero == "DEMO-2026-010" {
            "A9_FACTURE_SOUSTRAITANT"
        } else {
            "A1_FACTURE_FOURNISSEUR"
        };
        assert_eq!(cadre, attendu, "{numero}");
    }
}

#[test]
fn submitted_invoice_survives_a_restart() {
    let folder = std::env::temp_dir().join(format!("passerelle-restart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let settings = Settings {
        db: DbLocation::File(folder.join("p.sqlite")),
        ..Settings::default()
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => panic!("runtime: {error}"),
    };
    let total = |settings: Settings| {
        runtime.block_on(async {
            let router = match AppState::open(settings).await {
                Ok(state) => app(state),
                Err(error) => panic!("state: {error}"),
            };
            let cookie = connecter(&router, DEMO_EMAIL).await;
            let reponse = envoyer(
                &router,
                post_json(
                    "/cpro/factures/v1/rechercher/fournisseur",
                    Some(&cookie),
                    "{}",
                ),
            )
            .await;
            (
                router,
                cookie,
                reponse.json()["parametresRetour"]["total"].as_i64(),
            )
        })
    };
    let (router, cookie, avant) = total(settings.clone());
    let body = json!({
        "modeDepot": "SAISIE_API",
        "destinataire": {"codeDestinataire": "21310000100014"},
        "fournisseur": {"idFournisseur": passerelle_server::seed::ID_FOURNISSEUR_DEMO},
        "lignePoste": [{"lignePosteNumero": 1, "lignePosteDenomination": "x", "lignePosteQuantite": 1, "lignePosteMontantUnitaireHT": 1}]
    });
    let soumise = runtime.block_on(envoyer(
        &router,
        post_json(
            "/cpro/factures/v1/soumettre",
            Some(&cookie),
            &body.to_string(),
        ),
    ));
    assert_eq!(soumise.code_retour(), Some(0), "{}", soumise.texte());
    drop(router);
    let (_, _, apres) = total(settings);
    assert_eq!(apres, avant.map(|n| n + 1));
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn an_idempotency_key_is_honoured_after_a_restart() {
    let folder = std::env::temp_dir().join(format!("passerelle-cle-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let settings = Settings {
        db: DbLocation::File(folder.join("p.sqlite")),
        ..Settings::default()
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => panic!("runtime: {error}"),
    };
    let soumettre = |settings: Settings, designation: &'static str| {
        runtime.block_on(async {
            let router = match AppState::open(settings).await {
                Ok(state) => app(state),
                Err(error) => panic!("state: {error}"),
            };
            let cookie = connecter(&router, DEMO_EMAIL).await;
            let body = json!({
                "modeDepot": "SAISIE_API",
                "destinataire": {"codeDestinataire": "21310000100014"},
                "fournisseur": {"idFournisseur": passerelle_server::seed::ID_FOURNISSEUR_DEMO},
                "lignePoste": [{"lignePosteNumero": 1, "lignePosteDenomination": designation, "lignePosteQuantite": 1, "lignePosteMontantUnitaireHT": 1}]
            });
            let mut requete = post_json(
                "/cpro/factures/v1/soumettre",
                Some(&cookie),
                &body.to_string(),
            );
            requete.headers_mut().insert(
                "idempotency-key",
                axum::http::HeaderValue::from_static("cle-apres-redemarrage"),
            );
            envoyer(&router, requete).await.json()
        })
    };
    let premiere = soumettre(settings.clone(), "Maintenance");
    assert_eq!(premiere["codeRetour"], 0, "{premiere}");
    // Restarted server, same file: the retry gets the first answer, another body with the key a refusal.
    let retry = soumettre(settings.clone(), "Maintenance");
    assert_eq!(retry, premiere);
    let autre = soumettre(settings, "Autre prestation");
    assert_eq!(autre["codeRetour"], 20012, "{autre}");
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test]
async fn a_traiter_lists_what_the_supplier_must_act_on() {
    let router = match test_state_avec_factures_demo().await {
        Ok(state) => app(state),
        Err(error) => panic!("state: {error}"),
    };
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let statuts = |reponse: &Reponse| {
        let mut statuts: Vec<String> = reponse.json()["listeFactures"]
            .as_array()
            .map(|l| {
                l.iter()
                    .filter_map(|f| f["statut"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        statuts.sort();
        statuts
    };
    let chemin = "/cpro/factures/v1/rechercher/atraiter/fournisseur";
    let tout = envoyer(&router, post_json(chemin, Some(&cookie), "{}")).await;
    assert_eq!(tout.code_retour(), Some(0));
    assert_eq!(statuts(&tout), ["A_RECYCLER", "REJETEE", "SUSPENDUE"]);
    let sans_rejet = envoyer(
        &router,
        post_json(chemin, Some(&cookie), r#"{"masquerRejetee": true}"#),
    )
    .await;
    assert_eq!(statuts(&sans_rejet), ["A_RECYCLER", "SUSPENDUE"]);
}
