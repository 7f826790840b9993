//! The supplier operations of issue #3: `recuperer/coordbanc/valides` and the bank-account check of
//! `soumettre`, `corriger/valideur/facture`, `telecharger/groupe`, `deposer/flux` (Factur-X) and
//! `consulterCRDetaille`.

mod common;

use axum::http::StatusCode;
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::*;
use passerelle_server::chorus::archive::lire_zip_sans_compression;
use passerelle_server::seed::{
    AUTRE_EMAIL, DEMO_EMAIL, ID_COMPTE_AUTRE, ID_COMPTE_DEMO, ID_COMPTE_DEMO_CLOS, ID_ETAT,
    ID_FOURNISSEUR_AUTRE, ID_FOURNISSEUR_DEMO,
};
use passerelle_server::{app, test_state, AppState};
use serde_json::{json, Value};

const COMMUNE_LIBRE: &str = "21310000100014";
const CC_ENGAGEMENT: &str = "21310000100030";
const SIRET_DEMO: &str = "80000001000010";
const SIRET_AUTRE: &str = "80000002800012";

const COORDBANC: &str = "/cpro/transverses/v1/recuperer/coordbanc/valides";
const SOUMETTRE: &str = "/cpro/factures/v1/soumettre";
const CORRIGER_VALIDEUR: &str = "/cpro/factures/v1/corriger/valideur/facture";
const TELECHARGER: &str = "/cpro/factures/v1/telecharger/groupe";
const DEPOSER_FLUX: &str = "/cpro/factures/v1/deposer/flux";
const CR_DETAILLE: &str = "/cpro/transverses/v1/consulterCRDetaille";
const HISTORIQUE: &str = "/cpro/factures/v1/consulter/historique";

/// A signed-in user on a fresh sandbox whose state the test can also reach.
struct Session {
    state: AppState,
    router: Router,
    cookie: String,
}

impl Session {
    async fn new(email: &str) -> Session {
        let state = match test_state().await {
            Ok(state) => state,
            Err(error) => panic!("test state: {error}"),
        };
        let router = app(state.clone());
        let cookie = connecter(&router, email).await;
        Session {
            state,
            router,
            cookie,
        }
    }

    /// Another user signed in on the same sandbox.
    async fn autre(&self, email: &str) -> Session {
        Session {
            state: self.state.clone(),
            router: self.router.clone(),
            cookie: connecter(&self.router, email).await,
        }
    }

    async fn post(&self, chemin: &str, body: Value) -> Reponse {
        envoyer(
            &self.router,
            post_json(chemin, Some(&self.cookie), &body.to_string()),
        )
        .await
    }

    async fn deposer_pdf(&self, contenu: &[u8], nom: &str) -> i64 {
        let reponse = self
            .post(
                "/cpro/factures/v1/deposer/pdf",
                json!({"fichierFacture": STANDARD.encode(contenu), "nomFichier": nom, "formatDepot": "PDF_NON_SIGNE"}),
            )
            .await;
        assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
        reponse.json()["pieceJointeId"].as_i64().unwrap_or_default()
    }

    /// Submits a PDF invoice `numero` (body changed by `modifier`) and returns its id.
    async fn soumettre(&self, numero: &str, modifier: impl FnOnce(&mut Value)) -> Reponse {
        let piece = self
            .deposer_pdf(format!("%PDF-1.4 {numero}").as_bytes(), "facture.pdf")
            .await;
        let mut body = facture_pdf(numero, piece);
        modifier(&mut body);
        self.post(SOUMETTRE, body).await
    }

    async fn facture(&self, numero: &str, modifier: impl FnOnce(&mut Value)) -> i64 {
        let reponse = self.soumettre(numero, modifier).await;
        assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
        reponse.json()["identifiantFactureCPP"]
            .as_i64()
            .unwrap_or_default()
    }

    async fn mettre_au_statut(&self, id: i64, statut: &str) {
        let resultat = self
            .state
            .db
            .changer_statut(id, statut, Some("simulé"), None, "2026-12-01T10:00:00")
            .await;
        assert!(resultat.is_ok(), "{resultat:?}");
    }

    async fn historique(&self, id: i64) -> Value {
        let reponse = self.post(HISTORIQUE, json!({"idFacture": id})).await;
        assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
        reponse.json()
    }
}

fn facture_pdf(numero: &str, piece: i64) -> Value {
    json!({
        "modeDepot": "DEPOT_PDF_API",
        "numeroFactureSaisi": numero,
        "dateFacture": "2026-11-20",
        "destinataire": {"codeDestinataire": COMMUNE_LIBRE},
        "fournisseur": {"idFournisseur": ID_FOURNISSEUR_DEMO},
        "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR"},
        "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE", "typeTva": "TVA_SUR_DEBIT", "modePaiement": "VIREMENT"},
        "montantTotal": {"montantHtTotal": 100.00, "montantTVA": 20.00, "montantTtcTotal": 120.00, "montantAPayer": 120.00},
        "pieceJointePrincipale": [{"pieceJointePrincipaleDesignation": "facture.pdf", "pieceJointePrincipaleId": piece}]
    })
}

fn libelle(reponse: &Reponse) -> String {
    reponse.json()["libelle"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

// ---- recuperer/coordbanc/valides and soumettre's bank account --------------------------------------

#[tokio::test]
async fn coordbanc_lists_the_valid_accounts_of_the_callers_structure() {
    let demo = Session::new(DEMO_EMAIL).await;
    let reponse = demo
        .post(COORDBANC, json!({"idStructure": ID_FOURNISSEUR_DEMO}))
        .await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    let liste = reponse.json()["listeCoordonneeBancaire"].clone();
    let ids: Vec<i64> = liste
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["idCoordonneeBancaire"].as_i64())
        .collect();
    assert_eq!(
        ids,
        vec![ID_COMPTE_DEMO, 27_000_002],
        "closed account left out"
    );
    assert_eq!(liste[0]["nomCoordonneeBancaire"], "Compte courant");

    let autre = demo.autre(AUTRE_EMAIL).await;
    let reponse = autre
        .post(COORDBANC, json!({"idStructure": ID_FOURNISSEUR_AUTRE}))
        .await;
    assert_eq!(
        reponse.json()["listeCoordonneeBancaire"][0]["idCoordonneeBancaire"],
        ID_COMPTE_AUTRE
    );
}

#[tokio::test]
async fn coordbanc_of_another_structure_is_refused_like_the_other_operations() {
    let demo = Session::new(DEMO_EMAIL).await;
    for structure in [ID_FOURNISSEUR_AUTRE, ID_ETAT, 1] {
        let reponse = demo
            .post(COORDBANC, json!({"idStructure": structure}))
            .await;
        assert_eq!(reponse.status, StatusCode::OK);
        assert_eq!(reponse.code_retour(), Some(20001), "{}", reponse.texte());
        assert!(libelle(&reponse).starts_with("GDP_MSG_11.005"));
    }
}

#[tokio::test]
async fn coordbanc_without_structure_is_a_400() {
    let demo = Session::new(DEMO_EMAIL).await;
    for body in [json!({}), json!({"idStructure": "abc"})] {
        let reponse = demo.post(COORDBANC, body).await;
        assert_eq!(reponse.status, StatusCode::BAD_REQUEST);
        assert_eq!(reponse.code_retour(), Some(400));
    }
}

#[tokio::test]
async fn soumettre_takes_only_a_valid_account_of_the_supplier() {
    let demo = Session::new(DEMO_EMAIL).await;
    let avec_compte = |compte: i64| {
        move |body: &mut Value| {
            body["fournisseur"]["codeCoordonneesBancairesFournisseur"] = json!(compte)
        }
    };
    let reponse = demo.soumettre("F-CB-1", avec_compte(ID_COMPTE_DEMO)).await;
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    let id = reponse.json()["identifiantFactureCPP"].clone();
    let detail = demo
        .post(
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": id}),
        )
        .await
        .json();
    let fournisseur = &detail["facture"]["fournisseur"];
    assert_eq!(fournisseur["coordBancairesFournisseurId"], ID_COMPTE_DEMO);
    assert_eq!(fournisseur["coordBancairesFournisseurType"], "IBAN");
    assert_eq!(fournisseur["coordBancairesFournisseurCleIban"], "76");
    assert_eq!(
        fournisseur["coordBancairesFournisseurCompteBancaire"],
        "30006000011234567890189"
    );
    assert_eq!(fournisseur["coordBancairesBicSwift"], "AGRIFRPPXXX");

    let reponse = demo.soumettre("F-CB-2", avec_compte(ID_COMPTE_AUTRE)).await;
    assert_eq!(reponse.code_retour(), Some(20013), "{}", reponse.texte());
    assert!(libelle(&reponse).contains("ne sont pas celles du fournisseur"));

    let reponse = demo
        .soumettre("F-CB-3", avec_compte(ID_COMPTE_DEMO_CLOS))
        .await;
    assert_eq!(reponse.code_retour(), Some(20013), "{}", reponse.texte());
    assert!(libelle(&reponse).contains("plus valides"));

    let reponse = demo.soumettre("F-CB-4", avec_compte(999)).await;
    assert_eq!(reponse.code_retour(), Some(20013), "{}", reponse.texte());
}

// ---- corriger/valideur/facture ----------------------------------------------------------------

/// An A9 invoice of the demo supplier whose validator is the other supplier, rejected by it as a
/// wrong validator.
async fn facture_a9_en_erreur(demo: &Session, numero: &str) -> i64 {
    let id = demo
        .facture(numero, |b| {
            b["cadreDeFacturation"] = json!({"codeCadreFacturation": "A9_FACTURE_SOUSTRAITANT", "codeStructureValideur": SIRET_AUTRE})
        })
        .await;
    demo.mettre_au_statut(id, "ERREUR_FOURNISSEUR_SUR_VALIDEUR")
        .await;
    id
}

/// The statuses of an invoice's history, oldest first.
fn statuts(historique: &Value) -> Vec<String> {
    historique["historiquesDesStatuts"]["histoStatut"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|h| h["histoStatutCode"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn an_a9_invoice_waits_on_its_validator_fifteen_days_then_is_deemed_accepted() {
    let demo = Session::new(DEMO_EMAIL).await;
    let avancer = |minutes: i64| {
        let demo = &demo;
        async move {
            let reponse = demo
                .post(
                    "/portail/v1/simulation/horloge/avancer",
                    json!({ "minutes": minutes }),
                )
                .await;
            assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
        }
    };
    let traiter = |id: i64, statut: &'static str| {
        let demo = &demo;
        async move {
            demo.post(
                "/portail/v1/simulation/factures/traiter",
                json!({"identifiantFactureCPP": id, "nouveauStatut": statut}),
            )
            .await
        }
    };
    let a9 = |numero: &'static str| {
        let demo = &demo;
        async move {
            demo.facture(numero, |b| {
                b["cadreDeFacturation"] = json!({"codeCadreFacturation": "A9_FACTURE_SOUSTRAITANT", "codeStructureValideur": SIRET_AUTRE})
            })
            .await
        }
    };
    let tacite = a9("F-TACITE-1").await;
    let validee = a9("F-VALIDEE-1").await;
    let a1 = demo.facture("F-A1-ROUTE", |_| {}).await;
    // A validator's answer is refused while the invoice does not wait on one.
    assert_eq!(traiter(a1, "VALIDEE_1").await.code_retour(), Some(20002));
    avancer(15).await;
    assert_eq!(
        demo.historique(tacite).await["statutCourantCode"],
        "A_VALIDER_1"
    );
    assert_eq!(
        demo.historique(a1).await["statutCourantCode"],
        "MISE_A_DISPOSITION"
    );

    // The titulaire validates one: it goes on to the buyer.
    assert_eq!(traiter(validee, "VALIDEE_1").await.code_retour(), Some(0));
    // Fourteen days later the other still waits; after the fifteenth it is deemed accepted.
    avancer(14 * 24 * 60).await;
    assert_eq!(
        demo.historique(tacite).await["statutCourantCode"],
        "A_VALIDER_1"
    );
    avancer(24 * 60).await;
    let historique = demo.historique(tacite).await;
    assert_eq!(
        statuts(&historique),
        [
            "DEPOSEE",
            "EN_COURS_ACHEMINEMENT",
            "A_VALIDER_1",
            "ABSENCE_VALIDATION_1_HORS_DELAI",
            "MISE_A_DISPOSITION"
        ]
    );
    assert_eq!(
        statuts(&demo.historique(validee).await)
            .last()
            .map(String::as_str),
        Some("MISE_A_DISPOSITION")
    );
}

#[tokio::test]
async fn corrected_validator_puts_the_invoice_back_into_validation_with_history() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = facture_a9_en_erreur(&demo, "F-VAL-1").await;
    let reponse = demo
        .post(
            CORRIGER_VALIDEUR,
            json!({"idFacture": id, "typeIdentifiantStructure": "SIRET", "identifiantStructure": COMMUNE_LIBRE}),
        )
        .await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    assert_eq!(reponse.json()["idFacture"], id);
    assert_eq!(reponse.json()["libelle"], "GCU_MSG_01_000");

    let historique = demo.historique(id).await;
    assert_eq!(historique["statutCourantCode"], "A_VALIDER_1");
    let statuts = historique["historiquesDesStatuts"]["histoStatut"].clone();
    let dernier = statuts
        .as_array()
        .and_then(|s| s.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(dernier["histoStatutCode"], "A_VALIDER_1");
    assert!(
        dernier["histoStatutCommentaire"]
            .as_str()
            .unwrap_or_default()
            .contains(COMMUNE_LIBRE),
        "{dernier}"
    );
    let detail = demo
        .post(
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": id}),
        )
        .await;
    assert_eq!(
        detail.json()["facture"]["cadreDeFacturation"]["codeValideur1"],
        COMMUNE_LIBRE
    );
}

#[tokio::test]
async fn cotraitant_validator_error_is_corrected_by_structure_id() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = demo
        .facture("F-VAL-12", |b| {
            b["cadreDeFacturation"] = json!({"codeCadreFacturation": "A12_FACTURE_COTRAITANT", "codeStructureValideur": SIRET_AUTRE})
        })
        .await;
    demo.mettre_au_statut(id, "ERREUR_COTRAITANT_SUR_VALIDEUR")
        .await;
    let a_traiter = demo
        .post(
            "/cpro/factures/v1/rechercher/atraiter/fournisseur",
            json!({"idStructure": ID_FOURNISSEUR_DEMO}),
        )
        .await;
    assert!(a_traiter.texte().contains("ERREUR_COTRAITANT_SUR_VALIDEUR"));
    let reponse = demo
        .post(
            CORRIGER_VALIDEUR,
            json!({"idFacture": id, "idStructure": ID_ETAT}),
        )
        .await;
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    assert_eq!(
        demo.historique(id).await["statutCourantCode"],
        "A_VALIDER_1"
    );
}

#[tokio::test]
async fn validator_correction_is_refused_outside_its_status_and_framework() {
    let demo = Session::new(DEMO_EMAIL).await;
    let corriger = |id: i64| json!({"idFacture": id, "identifiantStructure": COMMUNE_LIBRE});

    let deposee = demo
        .facture("F-VAL-2", |b| {
            b["cadreDeFacturation"] = json!({"codeCadreFacturation": "A9_FACTURE_SOUSTRAITANT", "codeStructureValideur": SIRET_AUTRE})
        })
        .await;
    let reponse = demo.post(CORRIGER_VALIDEUR, corriger(deposee)).await;
    assert_eq!(reponse.code_retour(), Some(20002), "{}", reponse.texte());
    assert_eq!(
        demo.historique(deposee).await["statutCourantCode"],
        "DEPOSEE"
    );

    let a1 = demo.facture("F-VAL-3", |_| {}).await;
    demo.mettre_au_statut(a1, "ERREUR_FOURNISSEUR_SUR_VALIDEUR")
        .await;
    let reponse = demo.post(CORRIGER_VALIDEUR, corriger(a1)).await;
    assert_eq!(reponse.code_retour(), Some(20008), "{}", reponse.texte());
}

#[tokio::test]
async fn validator_correction_of_another_suppliers_invoice_is_refused() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = facture_a9_en_erreur(&demo, "F-VAL-4").await;
    let autre = demo.autre(AUTRE_EMAIL).await;
    let reponse = autre
        .post(
            CORRIGER_VALIDEUR,
            json!({"idFacture": id, "identifiantStructure": COMMUNE_LIBRE}),
        )
        .await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.code_retour(), Some(20000), "{}", reponse.texte());
    assert_eq!(
        demo.historique(id).await["statutCourantCode"],
        "ERREUR_FOURNISSEUR_SUR_VALIDEUR"
    );
}

#[tokio::test]
async fn validator_correction_checks_its_input() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = facture_a9_en_erreur(&demo, "F-VAL-5").await;
    let cas = [
        (json!({"identifiantStructure": COMMUNE_LIBRE}), 400),
        (json!({"idFacture": id}), 400),
        (
            json!({"idFacture": id, "identifiantStructure": "99999999999999"}),
            20008,
        ),
        (
            json!({"idFacture": id, "idStructure": ID_ETAT, "identifiantStructure": COMMUNE_LIBRE}),
            20008,
        ),
        (
            json!({"idFacture": id, "identifiantStructure": SIRET_DEMO}),
            20008,
        ),
        (
            json!({"idFacture": id, "identifiantStructure": SIRET_AUTRE}),
            20008,
        ),
        (
            json!({"idFacture": id, "identifiantStructure": "21310000100063"}),
            20008,
        ),
    ];
    for (body, code) in cas {
        let reponse = demo.post(CORRIGER_VALIDEUR, body.clone()).await;
        assert_eq!(
            reponse.code_retour(),
            Some(code),
            "{body}: {}",
            reponse.texte()
        );
    }
    assert_eq!(
        demo.historique(id).await["statutCourantCode"],
        "ERREUR_FOURNISSEUR_SUR_VALIDEUR"
    );
}

// ---- telecharger/groupe -----------------------------------------------------------------------

fn fichier_resultat(reponse: &Reponse) -> Vec<u8> {
    let texte = reponse.json()["fichierResultat"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    STANDARD.decode(texte).unwrap_or_default()
}

#[tokio::test]
async fn one_invoice_as_pdf_is_its_main_pdf_as_deposited() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = demo.facture("F-TG-1", |_| {}).await;
    let reponse = demo
        .post(
            TELECHARGER,
            json!({"idUtilisateurCourant": 0, "idEspace": 1, "format": "PDF", "avecPiecesJointesComplementaires": "NON", "listeFacture": [{"idFacture": id}]}),
        )
        .await;
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    assert_eq!(fichier_resultat(&reponse), b"%PDF-1.4 F-TG-1");
    let historique = demo.historique(id).await;
    assert_eq!(
        historique["derniereAction"]["derniereActionCode"],
        "TELECHARGEMENT_FACTURE"
    );
}

#[tokio::test]
async fn several_invoices_come_as_a_zip_with_their_attachments_on_request() {
    let demo = Session::new(DEMO_EMAIL).await;
    let annexe = demo
        .post(
            "/cpro/transverses/v1/ajouter/fichier",
            json!({"pieceJointeFichier": STANDARD.encode(b"bon de livraison"), "pieceJointeNom": "bl.txt", "pieceJointeTypeMime": "text/plain", "pieceJointeExtension": "TXT"}),
        )
        .await;
    let annexe = annexe.json()["pieceJointeId"].as_i64().unwrap_or_default();
    let premiere = demo
        .facture("F-TG/2", |b| {
            b["pieceJointeComplementaire"] = json!([{"pieceJointeComplementaireDesignation": "BL", "pieceJointeComplementaireType": "BON_LIVRAISON", "pieceJointeComplementaireId": annexe}])
        })
        .await;
    let seconde = demo.facture("F-TG-3", |_| {}).await;
    let liste = json!([{"idFacture": premiere}, {"idFacture": seconde}]);

    // consulter lists the main file as FACTURE and the attachment with the type it was submitted with.
    let detail = demo
        .post(
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": premiere}),
        )
        .await
        .json();
    let pieces = &detail["facture"]["listeDesPiecesJointes"]["pieceJointe"];
    assert_eq!(pieces[0]["pieceJointeTypeCode"], "FACTURE", "{detail}");
    assert_eq!(
        pieces[1]["pieceJointeTypeCode"], "BON_LIVRAISON",
        "{detail}"
    );
    assert_eq!(pieces[1]["pieceJointeTypeLibelle"], "Bon de livraison");
    assert_eq!(pieces[1]["pieceJointeDesignation"], "BL");

    let reponse = demo
        .post(
            TELECHARGER,
            json!({"format": "PDF", "avecPiecesJointesComplementaires": "OUI", "listeFacture": liste}),
        )
        .await;
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    let fichiers = lire_zip_sans_compression(&fichier_resultat(&reponse)).unwrap_or_default();
    let noms: Vec<(&str, &[u8])> = fichiers
        .iter()
        .map(|f| (f.nom.as_str(), f.contenu.as_slice()))
        .collect();
    assert_eq!(
        noms,
        vec![
            ("F-TG_2/facture.pdf", b"%PDF-1.4 F-TG/2".as_slice()),
            ("F-TG_2/bl.txt", b"bon de livraison".as_slice()),
            ("F-TG-3/facture.pdf", b"%PDF-1.4 F-TG-3".as_slice()),
        ]
    );

    let sans_annexes = demo
        .post(
            TELECHARGER,
            json!({"format": "ZIP", "avecPiecesJointesComplementaires": "NON", "listeFacture": [{"idFacture": premiere}]}),
        )
        .await;
    let fichiers = lire_zip_sans_compression(&fichier_resultat(&sans_annexes)).unwrap_or_default();
    assert_eq!(fichiers.len(), 1);
}

#[tokio::test]
async fn download_of_another_suppliers_or_unknown_invoice_is_refused() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = demo.facture("F-TG-4", |_| {}).await;
    let autre = demo.autre(AUTRE_EMAIL).await;
    let reponse = autre
        .post(TELECHARGER, json!({"listeFacture": [{"idFacture": id}]}))
        .await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.code_retour(), Some(20000), "{}", reponse.texte());
    assert!(reponse.json().get("fichierResultat").is_none());
    let reponse = demo
        .post(
            TELECHARGER,
            json!({"listeFacture": [{"idFacture": id}, {"idFacture": 1}]}),
        )
        .await;
    assert_eq!(reponse.code_retour(), Some(20000), "{}", reponse.texte());
}

#[tokio::test]
async fn download_checks_its_input() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = demo.facture("F-TG-5", |_| {}).await;
    let cas = [
        (json!({"listeFacture": []}), 20010),
        (
            json!({"format": "PIVOT", "listeFacture": [{"idFacture": id}]}),
            20010,
        ),
        (
            json!({"avecPiecesJointesComplementaires": "true", "listeFacture": [{"idFacture": id}]}),
            20010,
        ),
        (json!({"listeFacture": [{}]}), 400),
    ];
    for (body, code) in cas {
        let reponse = demo.post(TELECHARGER, body.clone()).await;
        assert_eq!(
            reponse.code_retour(),
            Some(code),
            "{body}: {}",
            reponse.texte()
        );
    }
}

#[tokio::test]
async fn download_above_120_mb_is_a_413() {
    let demo = Session::new(DEMO_EMAIL).await;
    let id = demo.facture("F-TG-6", |_| {}).await;
    // Pretend the stored PDF weighs 121 MB rather than uploading it.
    let maj = sqlx::query(
        "UPDATE pieces_jointes SET taille = $1 WHERE id = (SELECT id_piece_principale FROM factures WHERE id = $2)",
    )
    .bind(121_i64 * 1024 * 1024)
    .bind(id)
    .execute(demo.state.db.pool())
    .await;
    assert!(maj.is_ok(), "{maj:?}");
    let reponse = demo
        .post(TELECHARGER, json!({"listeFacture": [{"idFacture": id}]}))
        .await;
    assert_eq!(reponse.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reponse.code_retour(), Some(413));
}

// ---- deposer/flux and consulterCRDetaille ------------------------------------------------------

/// A CII (Factur-X EN 16931) invoice with the given parties and number.
fn xml_cii(numero: &str, vendeur: &str, acheteur: &str, engagement: Option<&str>) -> String {
    let engagement = engagement
        .map(|e| format!("<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>{e}</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>"))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
<rsm:ExchangedDocument><ram:ID>{numero}</ram:ID><ram:TypeCode>380</ram:TypeCode>
<ram:IssueDateTime><udt:DateTimeString format="102">20261120</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
<rsm:SupplyChainTradeTransaction>
<ram:ApplicableHeaderTradeAgreement>
<ram:SellerTradeParty><ram:Name>Vendeur</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{vendeur}</ram:ID></ram:SpecifiedLegalOrganization></ram:SellerTradeParty>
<ram:BuyerTradeParty><ram:Name>Acheteur</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0009">{acheteur}</ram:ID></ram:SpecifiedLegalOrganization></ram:BuyerTradeParty>
{engagement}
</ram:ApplicableHeaderTradeAgreement>
<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR76 3000 6000 0112 3456 7890 189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>
<ram:ApplicableTradeTax><ram:CalculatedAmount>20.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>100.00</ram:LineTotalAmount><ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount><ram:GrandTotalAmount>120.00</ram:GrandTotalAmount><ram:DuePayableAmount>120.00</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>
</ram:ApplicableHeaderTradeSettlement>
</rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>"#
    )
}

/// A one-page PDF whose objects are numbered from 1, with a correct cross-reference table.
fn pdf(objets: &[String]) -> Vec<u8> {
    let mut sortie = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut positions = Vec::new();
    for (i, objet) in objets.iter().enumerate() {
        positions.push(sortie.len());
        sortie.extend_from_slice(format!("{} 0 obj\n{objet}\nendobj\n", i + 1).as_bytes());
    }
    let xref = sortie.len();
    sortie.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objets.len() + 1).as_bytes(),
    );
    for position in positions {
        sortie.extend_from_slice(format!("{position:010} 00000 n \n").as_bytes());
    }
    sortie.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objets.len() + 1
        )
        .as_bytes(),
    );
    sortie
}

/// A Factur-X PDF made here: one empty page and `xml` as the embedded `factur-x.xml`.
fn facturx(xml: &str) -> Vec<u8> {
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(factur-x.xml) 4 0 R] >> >> /AF [4 0 R] >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_owned(),
        "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 5 0 R /UF 5 0 R >> /AFRelationship /Data >>".to_owned(),
        format!(
            "<< /Type /EmbeddedFile /Subtype /text#2Fxml /Length {} >>\nstream\n{xml}\nendstream",
            xml.len()
        ),
    ])
}

fn pdf_sans_xml() -> Vec<u8> {
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_owned(),
    ])
}

impl Session {
    async fn deposer_flux(&self, contenu: &[u8], nom: &str) -> Reponse {
        self.post(
            DEPOSER_FLUX,
            json!({"idUtilisateurCourant": 0, "fichierFlux": STANDARD.encode(contenu), "nomFichier": nom, "syntaxeFlux": "IN_DP_E2_CII_FACTURX", "avecSignature": false}),
        )
        .await
    }

    /// Deposits a flux (accepted) and returns its report.
    async fn flux_et_compte_rendu(&self, contenu: &[u8]) -> Value {
        let depot = self.deposer_flux(contenu, "facture.pdf").await;
        assert_eq!(depot.code_retour(), Some(0), "{}", depot.texte());
        let numero = depot.json()["numeroFluxDepot"].clone();
        let rapport = self
            .post(CR_DETAILLE, json!({"numeroFluxDepot": numero}))
            .await;
        assert_eq!(rapport.code_retour(), Some(0), "{}", rapport.texte());
        rapport.json()
    }

    async fn rechercher_numero(&self, numero: &str) -> Value {
        self.post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"numeroFacture": numero}),
        )
        .await
        .json()
    }
}

#[tokio::test]
async fn facturx_flux_is_integrated_as_an_invoice() {
    let demo = Session::new(DEMO_EMAIL).await;
    let contenu = facturx(&xml_cii("FX-2026-001", SIRET_DEMO, COMMUNE_LIBRE, None));
    let depot = demo.deposer_flux(&contenu, "FX-2026-001.pdf").await;
    assert_eq!(depot.status, StatusCode::OK);
    assert_eq!(depot.code_retour(), Some(0), "{}", depot.texte());
    let json = depot.json();
    assert_eq!(json["libelle"], "GCU_MSG_01_000");
    assert_eq!(json["syntaxeFlux"], "IN_DP_E2_CII_FACTURX");
    let numero = json["numeroFluxDepot"].as_str().unwrap_or_default();
    assert!(numero.starts_with("CPP") && numero.len() == 25, "{numero}");
    assert_eq!(json["dateDepot"].as_str().map(str::len), Some(10));

    let rapport = demo
        .post(CR_DETAILLE, json!({"numeroFluxDepot": numero}))
        .await;
    assert_eq!(rapport.code_retour(), Some(0), "{}", rapport.texte());
    let rapport = rapport.json();
    assert_eq!(rapport["etatCourantDepotFlux"], "IN_INTEGRE");
    assert_eq!(rapport["nomFichier"], "FX-2026-001.pdf");
    assert!(rapport.get("listeErreurDP").is_none(), "{rapport}");

    let trouvee = demo
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"numeroFluxDepot": numero}),
        )
        .await
        .json();
    assert_eq!(trouvee["parametresRetour"]["total"], 1, "{trouvee}");
    let facture = &trouvee["listeFactures"][0];
    assert_eq!(facture["numeroFacture"], "FX-2026-001");
    assert_eq!(facture["numeroFluxDepot"], numero);
    assert_eq!(facture["codeDestinataire"], COMMUNE_LIBRE);
    assert_eq!(facture["modeDepot"], "UPLOAD_API");
    assert_eq!(facture["montantTTC"], 120.0);
    assert_eq!(facture["statut"], "DEPOSEE");

    // The IBAN of the XML (BT-84) is the supplier's account 27000001; the Factur-X PDF is the main file.
    let id = facture["identifiantFactureCPP"]
        .as_i64()
        .unwrap_or_default();
    let detail = demo
        .post(
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": id}),
        )
        .await
        .json();
    assert_eq!(
        detail["facture"]["fournisseur"]["coordBancairesFournisseurId"],
        ID_COMPTE_DEMO
    );
    assert_eq!(detail["facture"]["montantTotal"]["montantTtcTotal"], 120.0);
    let telechargee = demo
        .post(TELECHARGER, json!({"listeFacture": [{"idFacture": id}]}))
        .await;
    assert_eq!(fichier_resultat(&telechargee), contenu);
}

#[tokio::test]
async fn facturx_flux_breaking_a_business_rule_is_rejected_with_the_reason() {
    let demo = Session::new(DEMO_EMAIL).await;
    let contenu = facturx(&xml_cii("FX-2026-002", SIRET_DEMO, COMMUNE_LIBRE, None));
    demo.flux_et_compte_rendu(&contenu).await;
    let doublon = demo.flux_et_compte_rendu(&contenu).await;
    assert_eq!(doublon["etatCourantDepotFlux"], "IN_REJETE");
    let erreur = &doublon["listeErreurDP"][0];
    assert_eq!(erreur["numeroDP"], "FX-2026-002");
    assert_eq!(erreur["identifiantFournisseur"], SIRET_DEMO);
    assert!(erreur["libelleErreurDP"]
        .as_str()
        .unwrap_or_default()
        .contains("déjà utilisé"));

    let sans_engagement = facturx(&xml_cii("FX-2026-003", SIRET_DEMO, CC_ENGAGEMENT, None));
    let rapport = demo.flux_et_compte_rendu(&sans_engagement).await;
    assert_eq!(rapport["etatCourantDepotFlux"], "IN_REJETE");
    assert!(rapport["listeErreurDP"][0]["libelleErreurDP"]
        .as_str()
        .unwrap_or_default()
        .contains("engagement"));
    let avec_engagement = facturx(&xml_cii(
        "FX-2026-003",
        SIRET_DEMO,
        CC_ENGAGEMENT,
        Some("EJ-42"),
    ));
    let rapport = demo.flux_et_compte_rendu(&avec_engagement).await;
    assert_eq!(rapport["etatCourantDepotFlux"], "IN_INTEGRE", "{rapport}");
}

/// The same invoice as [`xml_cii`] in UBL 2.1.
fn xml_ubl(numero: &str, vendeur: &str, acheteur: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:ID>{numero}</cbc:ID><cbc:IssueDate>2026-11-20</cbc:IssueDate><cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Vendeur</cbc:RegistrationName><cbc:CompanyID schemeID="0009">{vendeur}</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
<cac:AccountingCustomerParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="0009">{acheteur}</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingCustomerParty>
<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
<cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">120.00</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">120.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
</Invoice>"#
    )
}

impl Session {
    async fn deposer_flux_xml(&self, contenu: &str, nom: &str, syntaxe: &str) -> Reponse {
        self.post(
            DEPOSER_FLUX,
            json!({"fichierFlux": STANDARD.encode(contenu), "nomFichier": nom, "syntaxeFlux": syntaxe}),
        )
        .await
    }
}

#[tokio::test]
async fn cii_and_ubl_xml_flux_are_integrated_as_invoices() {
    let demo = Session::new(DEMO_EMAIL).await;
    let cas = [
        (
            xml_cii("XML-CII-001", SIRET_DEMO, COMMUNE_LIBRE, None),
            "XML-CII-001.xml",
            "IN_DP_E1_CII_16B",
        ),
        (
            xml_ubl("XML-UBL-001", SIRET_DEMO, COMMUNE_LIBRE),
            "XML-UBL-001.xml",
            "IN_DP_E1_UBL_INVOICE",
        ),
    ];
    for (xml, nom, syntaxe) in cas {
        let depot = demo.deposer_flux_xml(&xml, nom, syntaxe).await;
        assert_eq!(depot.code_retour(), Some(0), "{}", depot.texte());
        assert_eq!(depot.json()["syntaxeFlux"], syntaxe);
        let numero = depot.json()["numeroFluxDepot"].clone();
        let rapport = demo
            .post(CR_DETAILLE, json!({"numeroFluxDepot": numero}))
            .await
            .json();
        assert_eq!(rapport["etatCourantDepotFlux"], "IN_INTEGRE", "{rapport}");
        let numero_facture = nom.trim_end_matches(".xml");
        let trouvee = demo.rechercher_numero(numero_facture).await;
        let facture = &trouvee["listeFactures"][0];
        assert_eq!(facture["codeDestinataire"], COMMUNE_LIBRE, "{trouvee}");
        assert_eq!(facture["montantTTC"], 120.0);
        // The XML is the invoice's main file, as deposited.
        let id = facture["identifiantFactureCPP"]
            .as_i64()
            .unwrap_or_default();
        let telechargee = demo
            .post(TELECHARGER, json!({"listeFacture": [{"idFacture": id}]}))
            .await;
        assert_eq!(fichier_resultat(&telechargee), xml.as_bytes());
    }
    // A UBL flux declared as CII, or a CII one named .pdf, is refused at deposit; a broken XML too.
    let ubl = xml_ubl("XML-UBL-002", SIRET_DEMO, COMMUNE_LIBRE);
    let refuse = demo
        .deposer_flux_xml(&ubl, "f.xml", "IN_DP_E1_CII_16B")
        .await;
    assert_eq!(refuse.code_retour(), Some(20010), "{}", refuse.texte());
    assert!(libelle(&refuse).contains("CII"), "{}", refuse.texte());
    let cii = xml_cii("XML-CII-002", SIRET_DEMO, COMMUNE_LIBRE, None);
    let refuse = demo
        .deposer_flux_xml(&cii, "f.pdf", "IN_DP_E1_CII_16B")
        .await;
    assert!(libelle(&refuse).contains(".xml"), "{}", refuse.texte());
    let tronque = &cii[..cii.len() / 2];
    let refuse = demo
        .deposer_flux_xml(tronque, "f.xml", "IN_DP_E1_CII_16B")
        .await;
    assert_ne!(refuse.code_retour(), Some(0), "{}", refuse.texte());
}

#[tokio::test]
async fn a_pdf_deposited_as_signed_must_carry_a_signature() {
    let demo = Session::new(DEMO_EMAIL).await;
    let deposer = |contenu: Vec<u8>, format: &'static str| {
        let demo = &demo;
        async move {
            demo.post(
                "/cpro/factures/v1/deposer/pdf",
                json!({"fichierFacture": STANDARD.encode(contenu), "nomFichier": "signee.pdf", "formatDepot": format}),
            )
            .await
        }
    };
    let refuse = deposer(pdf_sans_xml(), "PDF_SIGNE_PADES").await;
    assert_eq!(refuse.code_retour(), Some(20010), "{}", refuse.texte());
    assert!(libelle(&refuse).contains("signature"), "{}", refuse.texte());
    let mut signe = pdf_sans_xml();
    signe.extend_from_slice(
        b"4 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 100 200 50] /Contents <3082> >>\nendobj\n",
    );
    let accepte = deposer(signe.clone(), "PDF_SIGNE_PADES").await;
    assert_eq!(accepte.code_retour(), Some(0), "{}", accepte.texte());
    // A signed PDF may still be deposited as it is, unsigned format declared.
    let accepte = deposer(signe, "PDF_NON_SIGNE").await;
    assert_eq!(accepte.code_retour(), Some(0), "{}", accepte.texte());
}

#[tokio::test]
async fn pdf_without_facturx_xml_is_a_rejected_flux_not_an_error() {
    let demo = Session::new(DEMO_EMAIL).await;
    let rapport = demo.flux_et_compte_rendu(&pdf_sans_xml()).await;
    assert_eq!(rapport["etatCourantDepotFlux"], "IN_REJETE");
    let erreur = &rapport["listeErreurTechnique"][0];
    assert_eq!(erreur["codeErreur"], "FACTURX_XML_ABSENT");
    assert!(erreur["libelleErreur"]
        .as_str()
        .unwrap_or_default()
        .contains("Factur-X"));

    let illisible = demo.flux_et_compte_rendu(b"%PDF-1.7 truncated").await;
    assert_eq!(illisible["etatCourantDepotFlux"], "IN_REJETE");
    assert_eq!(
        illisible["listeErreurTechnique"][0]["codeErreur"],
        "FICHIER_ILLISIBLE"
    );
}

#[tokio::test]
async fn facturx_of_another_suppliers_structure_is_rejected_and_reports_are_private() {
    let demo = Session::new(DEMO_EMAIL).await;
    let contenu = facturx(&xml_cii("FX-2026-004", SIRET_AUTRE, COMMUNE_LIBRE, None));
    let rapport = demo.flux_et_compte_rendu(&contenu).await;
    assert_eq!(rapport["etatCourantDepotFlux"], "IN_REJETE");
    assert!(rapport["listeErreurDP"][0]["libelleErreurDP"]
        .as_str()
        .unwrap_or_default()
        .starts_with("GDP_MSG_11.005"));
    let autre = demo.autre(AUTRE_EMAIL).await;
    assert!(
        autre.rechercher_numero("FX-2026-004").await["listeFactures"]
            .as_array()
            .is_none_or(|l| l.is_empty())
    );

    let depot = demo
        .deposer_flux(
            &facturx(&xml_cii("FX-2026-005", SIRET_DEMO, COMMUNE_LIBRE, None)),
            "f.pdf",
        )
        .await;
    let numero = depot.json()["numeroFluxDepot"].clone();
    let reponse = autre
        .post(CR_DETAILLE, json!({"numeroFluxDepot": numero}))
        .await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.code_retour(), Some(20000), "{}", reponse.texte());
    assert!(reponse.json().get("etatCourantDepotFlux").is_none());
}

#[tokio::test]
async fn flux_deposit_checks_its_input() {
    let demo = Session::new(DEMO_EMAIL).await;
    let pdf = STANDARD.encode(facturx(&xml_cii("FX-1", SIRET_DEMO, COMMUNE_LIBRE, None)));
    let cas = [
        (json!({"fichierFlux": pdf, "nomFichier": "f.pdf"}), 20010),
        (
            json!({"fichierFlux": pdf, "nomFichier": "f.xml", "syntaxeFlux": "IN_DP_E1_UBL_INVOICE"}),
            20010,
        ),
        (
            json!({"fichierFlux": pdf, "nomFichier": "f.pdf", "syntaxeFlux": "IN_DP_E9_INCONNU"}),
            20010,
        ),
        (
            json!({"fichierFlux": pdf, "nomFichier": "f.xml", "syntaxeFlux": "IN_DP_E2_CII_FACTURX"}),
            20010,
        ),
        (
            json!({"fichierFlux": STANDARD.encode("<xml/>"), "nomFichier": "f.pdf", "syntaxeFlux": "IN_DP_E2_CII_FACTURX"}),
            20010,
        ),
        (
            json!({"fichierFlux": "pas du base64 !", "nomFichier": "f.pdf", "syntaxeFlux": "IN_DP_E2_CII_FACTURX"}),
            400,
        ),
    ];
    for (body, code) in cas {
        let reponse = demo.post(DEPOSER_FLUX, body.clone()).await;
        assert_eq!(
            reponse.code_retour(),
            Some(code),
            "{body}: {}",
            reponse.texte()
        );
    }
    for body in [json!({}), json!({"numeroFluxDepot": " "})] {
        let reponse = demo.post(CR_DETAILLE, body).await;
        assert_eq!(reponse.status, StatusCode::BAD_REQUEST);
    }
    let reponse = demo
        .post(
            CR_DETAILLE,
            json!({"numeroFluxDepot": "CPP0000000000000000000001"}),
        )
        .await;
    assert_eq!(reponse.code_retour(), Some(20000));
}

/// Dev corpus invoice 0016: a Factur-X whose truth says `"source": "facturx"`, to the State
/// (11000201100044), service MIN-INT-0042, engagement 2285164925, supplier 32503141734629.
fn corpus_0016() -> Option<Vec<u8>> {
    let chemin =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/dev/0016.pdf");
    match std::fs::read(&chemin) {
        Ok(octets) => Some(octets),
        Err(erreur) => {
            eprintln!(
                "corpus absent ({}): {erreur}; test skipped",
                chemin.display()
            );
            None
        }
    }
}

#[tokio::test]
async fn corpus_facturx_is_read_and_routed_like_soumettre() {
    let Some(contenu) = corpus_0016() else { return };
    let demo = Session::new(DEMO_EMAIL).await;
    // As is, the supplier SIRET of the file is nobody the demo user works for.
    let rapport = demo.flux_et_compte_rendu(&contenu).await;
    assert_eq!(rapport["etatCourantDepotFlux"], "IN_REJETE");
    assert_eq!(
        rapport["listeErreurDP"][0]["identifiantFournisseur"],
        "32503141734629"
    );
    assert_eq!(rapport["listeErreurDP"][0]["numeroDP"], "2024/6992");

    // Once the supplier is the user's and the State has the service, the flux is integrated.
    let pool = demo.state.db.pool();
    for requete in [
        "INSERT INTO structures (id_structure_cpp, identifiant, type_identifiant, raison_sociale, type_structure, actif) \
         VALUES (26000016, '32503141734629', 'SIRET', 'FOURNISSEUR DU CORPUS', 'PRIVEE', TRUE)",
        "INSERT INTO rattachements (id_utilisateur, id_structure, role, habilitation) \
         VALUES (1, 26000016, 'GESTIONNAIRE', 'MODIFICATION')",
        "INSERT INTO services (id_service, id_structure, code_service, libelle, actif) \
         VALUES (35000016, 25000001, 'MIN-INT-0042', 'Ministère de l''intérieur', TRUE)",
    ] {
        let resultat = sqlx::query(requete).execute(pool).await;
        assert!(resultat.is_ok(), "{requete}: {resultat:?}");
    }
    let rapport = demo.flux_et_compte_rendu(&contenu).await;
    assert_eq!(rapport["etatCourantDepotFlux"], "IN_INTEGRE", "{rapport}");
    let trouvee = demo.rechercher_numero("2024/6992").await;
    let facture = &trouvee["listeFactures"][0];
    assert_eq!(facture["codeDestinataire"], "11000201100044");
    assert_eq!(facture["codeServiceExecutant"], "MIN-INT-0042");
    assert_eq!(facture["numeroBonCommande"], "2285164925");
}
