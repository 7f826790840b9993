//! `/cpro/factures/v1/...`: deposit, submission rules, search, detail, history, lifecycle and actions.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use base64::Engine as _;
use common::*;
use passerelle_server::seed::{AUTRE_EMAIL, DEMO_EMAIL, ID_FOURNISSEUR_AUTRE, ID_FOURNISSEUR_DEMO};
use serde_json::{json, Value};

const ETAT: &str = "11000201100044";
const COMMUNE_LIBRE: &str = "21310000100014";
const COMMUNE_SERVICE: &str = "21310000100022";
const CC_ENGAGEMENT: &str = "21310000100030";
const SYNDICAT_EJ_OU_SERVICE: &str = "21310000100048";
const SYNDICAT_INACTIF: &str = "21310000100063";

struct Client {
    router: Router,
    cookie: String,
}

impl Client {
    async fn new() -> Client {
        let router = routeur().await;
        let cookie = connecter(&router, DEMO_EMAIL).await;
        Client { router, cookie }
    }

    async fn post(&self, chemin: &str, body: Value) -> Reponse {
        envoyer(
            &self.router,
            post_json(chemin, Some(&self.cookie), &body.to_string()),
        )
        .await
    }

    async fn deposer(&self) -> i64 {
        let pdf = base64::engine::general_purpose::STANDARD
            .encode(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");
        let reponse = self
            .post("/cpro/factures/v1/deposer/pdf", json!({"fichierFacture": pdf, "nomFichier": "facture.pdf", "formatDepot": "PDF_NON_SIGNE"}))
            .await;
        assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
        reponse.json()["pieceJointeId"].as_i64().unwrap_or_default()
    }

    async fn soumettre(&self, modifier: impl FnOnce(&mut Value)) -> Reponse {
        let piece = self.deposer().await;
        let mut body = facture_pdf("F-2026-001", COMMUNE_LIBRE, piece);
        modifier(&mut body);
        self.post("/cpro/factures/v1/soumettre", body).await
    }

    async fn traiter(&self, id: i64, statut: &str, motif: Option<&str>) -> Reponse {
        self.post(
            "/portail/v1/simulation/factures/traiter",
            json!({"identifiantFactureCPP": id, "nouveauStatut": statut, "motif": motif}),
        )
        .await
    }
}

fn facture_pdf(numero: &str, destinataire: &str, piece: i64) -> Value {
    json!({
        "modeDepot": "DEPOT_PDF_API",
        "numeroFactureSaisi": numero,
        "dateFacture": "2026-11-20",
        "destinataire": {"codeDestinataire": destinataire},
        "fournisseur": {"idFournisseur": ID_FOURNISSEUR_DEMO},
        "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR"},
        "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE", "typeTva": "TVA_SUR_DEBIT", "modePaiement": "VIREMENT"},
        "montantTotal": {"montantHtTotal": 100.00, "montantTVA": 20.00, "montantTtcTotal": 120.00, "montantAPayer": 120.00},
        "pieceJointePrincipale": [{"pieceJointePrincipaleDesignation": "facture.pdf", "pieceJointePrincipaleId": piece}]
    })
}

#[tokio::test]
async fn pdf_submission_is_deposited_with_a_certificate_fingerprint() {
    let client = Client::new().await;
    let reponse = client.soumettre(|_| {}).await;
    assert_eq!(reponse.status, StatusCode::OK);
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    let json = reponse.json();
    assert_eq!(json["libelle"], "GCU_MSG_01_000");
    assert_eq!(json["statutFacture"], "DEPOSEE");
    assert_eq!(json["numeroFacture"], "F-2026-001");
    assert_eq!(json["identifiantStructure"], "80000001000010");
    assert!(json["identifiantFactureCPP"].is_i64());
    let empreinte = json["empreinteCertificatDepot"]
        .as_str()
        .unwrap_or_default();
    assert_eq!(empreinte.len(), 44, "SHA-256 in base64");
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(empreinte)
            .map(|b| b.len())
            .ok(),
        Some(32)
    );
}

#[tokio::test]
async fn pdf_main_attachment_as_an_object_is_accepted() {
    let client = Client::new().await;
    let reponse = client
        .soumettre(|body| {
            let piece = body["pieceJointePrincipale"][0].clone();
            body["pieceJointePrincipale"] = piece;
        })
        .await;
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
}

#[tokio::test]
async fn business_rules_are_enforced_with_their_code() {
    type Modif = fn(&mut Value);
    let cas: &[(&str, Modif, i64)] = &[
        (
            "unknown recipient",
            |b| b["destinataire"]["codeDestinataire"] = json!("99999999999999"),
            20003,
        ),
        (
            "inactive recipient",
            |b| b["destinataire"]["codeDestinataire"] = json!(SYNDICAT_INACTIF),
            20003,
        ),
        (
            "private recipient",
            |b| b["destinataire"]["codeDestinataire"] = json!("80000002800012"),
            20003,
        ),
        (
            "code service required",
            |b| b["destinataire"]["codeDestinataire"] = json!(COMMUNE_SERVICE),
            20004,
        ),
        (
            "unknown service",
            |b| {
                b["destinataire"] =
                    json!({"codeDestinataire": COMMUNE_SERVICE, "codeServiceExecutant": "NOPE"})
            },
            20004,
        ),
        (
            "inactive service",
            |b| {
                b["destinataire"] =
                    json!({"codeDestinataire": ETAT, "codeServiceExecutant": "ANCIEN-SERVICE"})
            },
            20004,
        ),
        (
            "engagement required by structure",
            |b| b["destinataire"]["codeDestinataire"] = json!(CC_ENGAGEMENT),
            20005,
        ),
        (
            "engagement required by service",
            |b| {
                b["destinataire"] =
                    json!({"codeDestinataire": COMMUNE_SERVICE, "codeServiceExecutant": "ECOLES"})
            },
            20005,
        ),
        (
            "engagement or service",
            |b| b["destinataire"]["codeDestinataire"] = json!(SYNDICAT_EJ_OU_SERVICE),
            20005,
        ),
        (
            "number too long",
            |b| b["numeroFactureSaisi"] = json!("123456789012345678901"),
            20006,
        ),
        (
            "number with a space",
            |b| b["numeroFactureSaisi"] = json!("F 1"),
            20006,
        ),
        (
            "number missing",
            |b| b["numeroFactureSaisi"] = Value::Null,
            20006,
        ),
        (
            "A9 without validator",
            |b| b["cadreDeFacturation"]["codeCadreFacturation"] = json!("A9_FACTURE_SOUSTRAITANT"),
            20008,
        ),
        (
            "A12 without validator",
            |b| b["cadreDeFacturation"]["codeCadreFacturation"] = json!("A12_FACTURE_COTRAITANT"),
            20008,
        ),
        (
            "works framework",
            |b| {
                b["cadreDeFacturation"]["codeCadreFacturation"] =
                    json!("A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR")
            },
            20008,
        ),
        (
            "no main attachment",
            |b| b["pieceJointePrincipale"] = json!([]),
            20009,
        ),
        (
            "unknown attachment",
            |b| b["pieceJointePrincipale"][0]["pieceJointePrincipaleId"] = json!(1),
            20009,
        ),
        (
            "another supplier",
            |b| b["fournisseur"]["idFournisseur"] = json!(ID_FOURNISSEUR_AUTRE),
            20001,
        ),
        (
            "mode not accepted",
            |b| b["modeDepot"] = json!("SAISIE_WEB"),
            20010,
        ),
        (
            "saisie without lines",
            |b| b["modeDepot"] = json!("SAISIE_API"),
            20010,
        ),
        (
            "bad currency",
            |b| b["references"]["deviseFacture"] = json!("euro"),
            20010,
        ),
    ];
    let client = Client::new().await;
    for (nom, modifier, code) in cas {
        let reponse = client.soumettre(modifier).await;
        assert_eq!(reponse.status, StatusCode::OK, "{nom}");
        assert_eq!(
            reponse.code_retour(),
            Some(*code),
            "{nom}: {}",
            reponse.texte()
        );
        assert!(
            reponse.json()["libelle"]
                .as_str()
                .is_some_and(|l| !l.is_empty()),
            "{nom}"
        );
    }
}

#[tokio::test]
async fn routing_flags_are_satisfied_when_the_data_is_given() {
    type Modif = fn(&mut Value);
    let cas: &[(&str, Modif)] = &[
        ("state with service and EJ", |b| {
            b["destinataire"] =
                json!({"codeDestinataire": ETAT, "codeServiceExecutant": "SGC-ACHATS"});
            b["references"]["numeroBonCommande"] = json!("EJ-123");
        }),
        (
            "commune with service",
            |b| b["destinataire"] = json!({"codeDestinataire": COMMUNE_SERVICE, "codeServiceExecutant": "SERVICES-TECHNIQUES"}),
        ),
        ("CC with EJ", |b| {
            b["destinataire"]["codeDestinataire"] = json!(CC_ENGAGEMENT);
            b["references"]["numeroBonCommande"] = json!("EJ-9");
        }),
        (
            "EJ or service: service",
            |b| b["destinataire"] = json!({"codeDestinataire": SYNDICAT_EJ_OU_SERVICE, "codeServiceExecutant": "VOIRIE"}),
        ),
        (
            "A9 with validator",
            |b| b["cadreDeFacturation"] = json!({"codeCadreFacturation": "A9_FACTURE_SOUSTRAITANT", "codeStructureValideur": "80000002800012"}),
        ),
    ];
    let client = Client::new().await;
    for (i, (nom, modifier)) in cas.iter().enumerate() {
        let reponse = client
            .soumettre(|b| {
                b["numeroFactureSaisi"] = json!(format!("OK-{i}"));
                modifier(b);
            })
            .await;
        assert_eq!(reponse.code_retour(), Some(0), "{nom}: {}", reponse.texte());
    }
}

#[tokio::test]
async fn saisie_api_gets_a_generated_number() {
    let client = Client::new().await;
    let reponse = client
        .soumettre(|b| {
            b["modeDepot"] = json!("SAISIE_API");
            b["lignePoste"] = json!([{"lignePosteNumero": 1, "lignePosteDenomination": "Conseil", "lignePosteQuantite": 1, "lignePosteMontantUnitaireHT": 100, "lignePosteTauxTvaManuel": 20}]);
        })
        .await;
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    let numero = reponse.json()["numeroFacture"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(numero.len(), 20);
    assert!(numero.chars().all(|c| c.is_ascii_digit()));
}

#[tokio::test]
async fn same_number_with_another_body_is_refused_and_an_identical_retry_is_replayed() {
    let client = Client::new().await;
    let piece = client.deposer().await;
    let body = facture_pdf("DUP-1", COMMUNE_LIBRE, piece);
    let premiere = client
        .post("/cpro/factures/v1/soumettre", body.clone())
        .await;
    assert_eq!(premiere.code_retour(), Some(0));
    let rejeu = client
        .post("/cpro/factures/v1/soumettre", body.clone())
        .await;
    assert_eq!(rejeu.code_retour(), Some(0));
    assert_eq!(
        rejeu.json()["identifiantFactureCPP"],
        premiere.json()["identifiantFactureCPP"]
    );
    assert_eq!(
        rejeu.json()["empreinteCertificatDepot"],
        premiere.json()["empreinteCertificatDepot"]
    );
    let mut autre = body;
    autre["montantTotal"]["montantAPayer"] = json!(1);
    let doublon = client.post("/cpro/factures/v1/soumettre", autre).await;
    assert_eq!(doublon.code_retour(), Some(20007));
    let recherche = client
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"numeroFacture": "DUP-1"}),
        )
        .await;
    assert_eq!(
        recherche.json()["parametresRetour"]["total"],
        1,
        "a retry never doubles an invoice"
    );
}

#[tokio::test]
async fn idempotency_key_replays_and_refuses_reuse_with_another_body() {
    let client = Client::new().await;
    let piece = client.deposer().await;
    let envoyer_avec_cle = |body: Value| {
        Request::post("/cpro/factures/v1/soumettre")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, client.cookie.clone())
            .header("Idempotency-Key", "cle-1")
            .body(Body::from(body.to_string()))
            .unwrap_or_default()
    };
    let body = facture_pdf("IDEM-1", COMMUNE_LIBRE, piece);
    let a = envoyer(&client.router, envoyer_avec_cle(body.clone())).await;
    let b = envoyer(&client.router, envoyer_avec_cle(body)).await;
    assert_eq!((a.code_retour(), b.code_retour()), (Some(0), Some(0)));
    assert_eq!(
        a.json()["identifiantFactureCPP"],
        b.json()["identifiantFactureCPP"]
    );
    let c = envoyer(
        &client.router,
        envoyer_avec_cle(facture_pdf("IDEM-2", COMMUNE_LIBRE, piece)),
    )
    .await;
    assert_eq!(c.code_retour(), Some(20012));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_calls_with_one_idempotency_key_create_one_invoice() {
    let client = Client::new().await;
    // SAISIE_API: Chorus Pro numbers the invoice, so only the key can tell the calls are one.
    let mut body = facture_pdf("IGNORE", COMMUNE_LIBRE, 0);
    body["modeDepot"] = json!("SAISIE_API");
    body["pieceJointePrincipale"] = json!([]);
    body["lignePoste"] = json!([{"lignePosteNumero": 1, "lignePosteDenomination": "Conseil", "lignePosteQuantite": 1, "lignePosteMontantUnitaireHT": 100, "lignePosteTauxTvaManuel": 20}]);
    let appels: Vec<_> = (0..8)
        .map(|_| {
            let router = client.router.clone();
            let requete = Request::post("/cpro/factures/v1/soumettre")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::COOKIE, client.cookie.clone())
                .header("Idempotency-Key", "cle-concurrente")
                .body(Body::from(body.to_string()))
                .unwrap_or_default();
            tokio::spawn(async move { envoyer(&router, requete).await })
        })
        .collect();
    let mut identifiants = std::collections::BTreeSet::new();
    for appel in appels {
        let reponse = appel.await.expect("the call task ends");
        assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
        identifiants.insert(reponse.json()["identifiantFactureCPP"].to_string());
    }
    assert_eq!(
        identifiants.len(),
        1,
        "one invoice for eight concurrent calls: {identifiants:?}"
    );
}

#[tokio::test]
async fn deposer_pdf_checks_size_type_and_name() {
    let client = Client::new().await;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut gros = b"%PDF-1.4\n".to_vec();
    gros.resize(10 * 1024 * 1024 + 1, b'x');
    let trop_gros = client
        .post(
            "/cpro/factures/v1/deposer/pdf",
            json!({"fichierFacture": b64(&gros), "nomFichier": "a.pdf"}),
        )
        .await;
    assert_eq!(trop_gros.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(trop_gros.code_retour(), Some(413));
    let pas_pdf = client
        .post(
            "/cpro/factures/v1/deposer/pdf",
            json!({"fichierFacture": b64(b"hello"), "nomFichier": "a.pdf"}),
        )
        .await;
    assert_eq!(pas_pdf.code_retour(), Some(20010));
    let mauvais_nom = client
        .post(
            "/cpro/factures/v1/deposer/pdf",
            json!({"fichierFacture": b64(b"%PDF-1.4"), "nomFichier": "a.exe"}),
        )
        .await;
    assert_eq!(mauvais_nom.code_retour(), Some(20010));
    let pas_base64 = client
        .post(
            "/cpro/factures/v1/deposer/pdf",
            json!({"fichierFacture": "!!!", "nomFichier": "a.pdf"}),
        )
        .await;
    assert_eq!(pas_base64.status, StatusCode::BAD_REQUEST);
    assert_eq!(pas_base64.code_retour(), Some(400));
}

#[tokio::test]
async fn malformed_soumettre_body_is_a_400_with_code_retour() {
    let client = Client::new().await;
    let reponse = envoyer(
        &client.router,
        post_json(
            "/cpro/factures/v1/soumettre",
            Some(&client.cookie),
            "{\"modeDepot\": ",
        ),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::BAD_REQUEST);
    assert_eq!(reponse.code_retour(), Some(400));
}

#[tokio::test]
async fn search_filters_pages_and_answers_20000_when_empty() {
    let client = Client::new().await;
    for i in 0..5 {
        let reponse = client
            .soumettre(|b| b["numeroFactureSaisi"] = json!(format!("S-{i}")))
            .await;
        assert_eq!(reponse.code_retour(), Some(0));
    }
    let page = client
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"rechercheFactureParFournisseur": {"pageResultatDemandee": 2, "nbResultatsParPage": 2, "triColonne": "NumeroFacture", "triSens": "Ascendant"}}),
        )
        .await;
    assert_eq!(page.code_retour(), Some(0));
    let json = page.json();
    assert_eq!(json["parametresRetour"]["total"], 5);
    assert_eq!(json["parametresRetour"]["pages"], 3);
    assert_eq!(json["listeFactures"][0]["numeroFacture"], "S-2");
    assert_eq!(json["listeFactures"][0]["statut"], "DEPOSEE");
    assert_eq!(json["listeFactures"][0]["montantTTC"], 120);
    let par_statut = client
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"statutCourant": ["REJETEE"]}),
        )
        .await;
    assert_eq!(par_statut.code_retour(), Some(20000));
    let par_montant = client
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"montantTTCMin": 119.5, "montantTTCMax": 120}),
        )
        .await;
    assert_eq!(par_montant.json()["parametresRetour"]["total"], 5);
    let hors = client
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"montantTTCMin": 121}),
        )
        .await;
    assert_eq!(hors.code_retour(), Some(20000));
}

#[tokio::test]
async fn another_supplier_sees_nothing_and_cannot_read_or_act() {
    let client = Client::new().await;
    let id = client.soumettre(|_| {}).await.json()["identifiantFactureCPP"]
        .as_i64()
        .unwrap_or_default();
    let autre = connecter(&client.router, AUTRE_EMAIL).await;
    let appel = |chemin: &str, body: Value| post_json(chemin, Some(&autre), &body.to_string());
    let recherche = envoyer(
        &client.router,
        appel("/cpro/factures/v1/rechercher/fournisseur", json!({})),
    )
    .await;
    assert_eq!(recherche.code_retour(), Some(20000));
    let force = envoyer(
        &client.router,
        appel(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"idFournisseur": ID_FOURNISSEUR_DEMO}),
        ),
    )
    .await;
    assert_eq!(force.code_retour(), Some(20000));
    for (chemin, body) in [
        (
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": id}),
        ),
        (
            "/cpro/factures/v1/consulter/historique",
            json!({"idFacture": id}),
        ),
        (
            "/cpro/factures/v1/completer",
            json!({"identifiantFactureCPP": id}),
        ),
        (
            "/cpro/factures/v1/recycler",
            json!({"identifiantFactureCPP": id}),
        ),
        (
            "/cpro/factures/v1/traiterRejet",
            json!({"listeDemandePaiement": [{"idDemandePaiement": id}]}),
        ),
        (
            "/portail/v1/simulation/factures/traiter",
            json!({"identifiantFactureCPP": id, "nouveauStatut": "MANDATEE"}),
        ),
    ] {
        let reponse = envoyer(&client.router, appel(chemin, body)).await;
        assert_eq!(
            reponse.code_retour(),
            Some(20000),
            "{chemin}: {}",
            reponse.texte()
        );
    }
}

#[tokio::test]
async fn consulter_gives_the_invoice_as_submitted() {
    let client = Client::new().await;
    let id = client
        .soumettre(|b| {
            b["lignePoste"] = json!([{"lignePosteNumero": 1, "lignePosteDenomination": "Conseil", "lignePosteQuantite": 2, "lignePosteMontantUnitaireHT": 50}]);
        })
        .await
        .json()["identifiantFactureCPP"]
        .as_i64()
        .unwrap_or_default();
    let reponse = client
        .post(
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": id, "codeLangue": "FR"}),
        )
        .await;
    assert_eq!(reponse.code_retour(), Some(0), "{}", reponse.texte());
    let facture = &reponse.json()["facture"];
    assert_eq!(facture["numeroFacture"], "F-2026-001");
    assert_eq!(facture["statutFacture"], "DEPOSEE");
    assert_eq!(facture["destinataire"]["codeDestinataire"], COMMUNE_LIBRE);
    assert_eq!(facture["fournisseur"]["idFournisseur"], ID_FOURNISSEUR_DEMO);
    assert_eq!(
        facture["montantTotal"]["montantTtcTotal"].as_f64(),
        Some(120.0)
    );
    assert_eq!(
        facture["lignesDePoste"]["lignePoste"][0]["lignePosteDenomination"],
        "Conseil"
    );
    assert_eq!(
        facture["listeDesPiecesJointes"]["pieceJointe"][0]["pieceJointeExtension"],
        "PDF"
    );
    let inconnue = client
        .post(
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": 1}),
        )
        .await;
    assert_eq!(inconnue.code_retour(), Some(20000));
}

#[tokio::test]
async fn lifecycle_routing_suspension_completion_and_payment_are_in_the_history() {
    let client = Client::new().await;
    let id = client.soumettre(|_| {}).await.json()["identifiantFactureCPP"]
        .as_i64()
        .unwrap_or_default();
    let horloge = client
        .post(
            "/portail/v1/simulation/horloge/avancer",
            json!({"minutes": 15}),
        )
        .await;
    assert_eq!(horloge.status, StatusCode::OK, "{}", horloge.texte());
    assert_eq!(horloge.json()["changements"], 2);
    let completer_trop_tot = client
        .post(
            "/cpro/factures/v1/completer",
            json!({"identifiantFactureCPP": id, "commentaire": "x"}),
        )
        .await;
    assert_eq!(completer_trop_tot.code_retour(), Some(20002));
    assert_eq!(
        client.traiter(id, "SUSPENDUE", None).await.status,
        StatusCode::BAD_REQUEST,
        "a reason is required"
    );
    assert_eq!(
        client
            .traiter(id, "SUSPENDUE", Some("Bon de livraison manquant"))
            .await
            .status,
        StatusCode::OK
    );
    let piece = client.deposer().await;
    let complete = client
        .post(
            "/cpro/factures/v1/completer",
            json!({"identifiantFactureCPP": id, "commentaire": "BL joint", "pieceJointeComplementaire": [{"pieceJointeComplementaireId": piece, "pieceJointeComplementaireType": "BON_LIVRAISON"}]}),
        )
        .await;
    assert_eq!(complete.code_retour(), Some(0), "{}", complete.texte());
    client
        .post(
            "/portail/v1/simulation/horloge/avancer",
            json!({"jours": 1}),
        )
        .await;
    for statut in ["SERVICE_FAIT", "MANDATEE", "MISE_EN_PAIEMENT"] {
        assert_eq!(
            client.traiter(id, statut, None).await.code_retour(),
            Some(0),
            "{statut}"
        );
    }
    assert_eq!(
        client
            .traiter(id, "REJETEE", Some("trop tard"))
            .await
            .code_retour(),
        Some(20002),
        "paid is final"
    );
    let historique = client
        .post(
            "/cpro/factures/v1/consulter/historique",
            json!({"idFacture": id}),
        )
        .await;
    assert_eq!(historique.code_retour(), Some(0));
    let json = historique.json();
    assert_eq!(json["statutCourantCode"], "MISE_EN_PAIEMENT");
    let statuts: Vec<String> = json["historiquesDesStatuts"]["histoStatut"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|h| h["histoStatutCode"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        statuts,
        [
            "DEPOSEE",
            "EN_COURS_ACHEMINEMENT",
            "MISE_A_DISPOSITION",
            "SUSPENDUE",
            "COMPLETEE",
            "MISE_A_DISPOSITION",
            "SERVICE_FAIT",
            "MANDATEE",
            "MISE_EN_PAIEMENT"
        ]
    );
    assert_eq!(
        json["historiquesDesStatuts"]["histoStatut"][3]["histoStatutCommentaire"],
        "Bon de livraison manquant"
    );
}

#[tokio::test]
async fn recycled_invoice_keeps_its_number_and_gets_new_routing() {
    let client = Client::new().await;
    let id = client.soumettre(|_| {}).await.json()["identifiantFactureCPP"]
        .as_i64()
        .unwrap_or_default();
    let trop_tot = client
        .post(
            "/cpro/factures/v1/recycler",
            json!({"identifiantFactureCPP": id}),
        )
        .await;
    assert_eq!(trop_tot.code_retour(), Some(20002));
    client
        .traiter(id, "A_RECYCLER", Some("Mauvais service"))
        .await;
    let sans_service = client.post("/cpro/factures/v1/recycler", json!({"identifiantFactureCPP": id, "destinataire": {"codeDestinataire": COMMUNE_SERVICE}})).await;
    assert_eq!(sans_service.code_retour(), Some(20004));
    let recycle = client
        .post(
            "/cpro/factures/v1/recycler",
            json!({"identifiantFactureCPP": id, "destinataire": {"codeDestinataire": COMMUNE_SERVICE, "codeServiceExecutant": "SERVICES-TECHNIQUES"}}),
        )
        .await;
    assert_eq!(recycle.code_retour(), Some(0), "{}", recycle.texte());
    assert_eq!(recycle.json()["numeroFacture"], "F-2026-001");
    let detail = client
        .post(
            "/cpro/factures/v1/consulter/fournisseur",
            json!({"identifiantFactureCPP": id}),
        )
        .await;
    assert_eq!(
        detail.json()["facture"]["destinataire"]["codeServiceExecutant"],
        "SERVICES-TECHNIQUES"
    );
}

#[tokio::test]
async fn rejected_invoice_is_acknowledged_and_stays_rejected() {
    let client = Client::new().await;
    let id = client.soumettre(|_| {}).await.json()["identifiantFactureCPP"]
        .as_i64()
        .unwrap_or_default();
    let trop_tot = client
        .post(
            "/cpro/factures/v1/traiterRejet",
            json!({"listeDemandePaiement": [{"idDemandePaiement": id}]}),
        )
        .await;
    assert_eq!(trop_tot.code_retour(), Some(20002));
    client
        .traiter(id, "REJETEE", Some("Destinataire erroné"))
        .await;
    let traite = client
        .post(
            "/cpro/factures/v1/traiterRejet",
            json!({"listeDemandePaiement": [{"idDemandePaiement": id}]}),
        )
        .await;
    assert_eq!(traite.code_retour(), Some(0));
    let recherche = client
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"rejetTraite": true}),
        )
        .await;
    assert_eq!(recherche.json()["listeFactures"][0]["statut"], "REJETEE");
    assert_eq!(
        recherche.json()["listeFactures"][0]["commentaireEtatCourant"],
        "Destinataire erroné"
    );
    let historique = client
        .post(
            "/cpro/factures/v1/consulter/historique",
            json!({"idFacture": id}),
        )
        .await;
    assert_eq!(
        historique.json()["derniereAction"]["derniereActionCode"],
        "TRAITEMENT_REJET"
    );
}

#[tokio::test]
async fn deposit_date_period_is_inclusive() {
    let client = Client::new().await;
    assert_eq!(client.soumettre(|_| {}).await.code_retour(), Some(0));
    let aujourdhui = chrono::Utc::now().date_naive();
    let hier = aujourdhui.pred_opt().unwrap_or(aujourdhui);
    let chercher = |du: chrono::NaiveDate, au: chrono::NaiveDate| {
        client.post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"periodeDateDepotDu": du.to_string(), "periodeDateDepotAu": au.to_string()}),
        )
    };
    assert_eq!(
        chercher(aujourdhui, aujourdhui).await.code_retour(),
        Some(0)
    );
    assert_eq!(chercher(hier, hier).await.code_retour(), Some(20000));
}

/// The numbers found by a `rechercher/fournisseur` body, sorted.
async fn numeros_trouves(client: &Client, criteres: Value) -> Vec<String> {
    let reponse = client
        .post("/cpro/factures/v1/rechercher/fournisseur", criteres)
        .await;
    let mut numeros: Vec<String> = reponse.json()["listeFactures"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|f| f["numeroFacture"].as_str().map(str::to_owned))
        .collect();
    numeros.sort();
    numeros
}

#[tokio::test]
async fn search_by_siren_recipient_services_type_cadre_and_supplier_service() {
    let client = Client::new().await;
    let service = client
        .post(
            &format!("/portail/v1/gestionnaire/structures/{ID_FOURNISSEUR_DEMO}/services"),
            json!({"code": "AGENCE-LYON", "libelle": "Agence de Lyon"}),
        )
        .await;
    assert_eq!(service.status, StatusCode::CREATED, "{}", service.texte());
    let id_service_fournisseur = service.json()["idService"].as_i64().unwrap_or_default();
    // (number, recipient, its service, type, cadre, from the supplier's service)
    let factures = [
        (
            "ETAT-ACHATS",
            ETAT,
            Some("SGC-ACHATS"),
            "FACTURE",
            "A1_FACTURE_FOURNISSEUR",
            false,
        ),
        (
            "ETAT-INFO-AVOIR",
            ETAT,
            Some("SFACT-INFO"),
            "AVOIR",
            "A1_FACTURE_FOURNISSEUR",
            false,
        ),
        (
            "ETAT-INFO-A2",
            ETAT,
            Some("SFACT-INFO"),
            "FACTURE",
            "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE",
            true,
        ),
        (
            "DEP-ROUTES",
            "22310000100013",
            Some("ROUTES"),
            "FACTURE",
            "A1_FACTURE_FOURNISSEUR",
            false,
        ),
        (
            "DEP-TRANSPORTS",
            "22310000100021",
            None,
            "FACTURE",
            "A1_FACTURE_FOURNISSEUR",
            true,
        ),
        (
            "COMMUNE-A2",
            COMMUNE_LIBRE,
            None,
            "FACTURE",
            "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE",
            false,
        ),
    ];
    for (numero, destinataire, service, type_facture, cadre, agence) in factures {
        let reponse = client
            .soumettre(|b| {
                b["numeroFactureSaisi"] = json!(numero);
                b["destinataire"] =
                    json!({"codeDestinataire": destinataire, "codeServiceExecutant": service});
                b["references"]["typeFacture"] = json!(type_facture);
                b["references"]["numeroBonCommande"] = json!("EJ-2026-1");
                b["cadreDeFacturation"]["codeCadreFacturation"] = json!(cadre);
                if agence {
                    b["fournisseur"]["idServiceFournisseur"] = json!(id_service_fournisseur);
                }
            })
            .await;
        assert_eq!(
            reponse.code_retour(),
            Some(0),
            "{numero}: {}",
            reponse.texte()
        );
    }
    const ID_ETAT: i64 = 25_000_001;
    const ID_DEPARTEMENT: i64 = 25_000_008;

    // A recipient alone; with rechercheSirenDestinataire, every establishment of its SIREN.
    assert_eq!(
        numeros_trouves(
            &client,
            json!({"listeDestinataire": [{"idDestinataire": ID_DEPARTEMENT}]})
        )
        .await,
        ["DEP-ROUTES"]
    );
    assert_eq!(
        numeros_trouves(
            &client,
            json!({"listeDestinataire": [{"idDestinataire": ID_DEPARTEMENT}], "rechercheSirenDestinataire": true})
        )
        .await,
        ["DEP-ROUTES", "DEP-TRANSPORTS"]
    );
    // The State (SIREN 110002011) with one of its services, then only its credit notes, then a cadre.
    let etat =
        |services: Value| json!([{"idDestinataire": ID_ETAT, "listeIdServiceExecutant": services}]);
    assert_eq!(
        numeros_trouves(
            &client,
            json!({"listeDestinataire": etat(json!([35_000_003])), "rechercheSirenDestinataire": true})
        )
        .await,
        ["ETAT-INFO-A2", "ETAT-INFO-AVOIR"]
    );
    assert_eq!(
        numeros_trouves(
            &client,
            json!({"listeDestinataire": etat(json!([])), "rechercheSirenDestinataire": true, "typeFacture": "AVOIR"})
        )
        .await,
        ["ETAT-INFO-AVOIR"]
    );
    assert_eq!(
        numeros_trouves(
            &client,
            json!({"listeDestinataire": etat(json!([])), "rechercheSirenDestinataire": true,
                   "typeFacture": "FACTURE", "cadreFacturation": "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE"})
        )
        .await,
        ["ETAT-INFO-A2"]
    );
    // Several recipients (« hors État »: the others), each with or without services.
    assert_eq!(
        numeros_trouves(
            &client,
            json!({"listeDestinataire": [
                {"idDestinataire": ID_DEPARTEMENT, "listeIdServiceExecutant": [35_000_010]},
                {"idDestinataire": 25_000_002}
            ]})
        )
        .await,
        ["COMMUNE-A2"]
    );
    // The supplier's own structure and service.
    assert_eq!(
        numeros_trouves(
            &client,
            json!({"idFournisseur": ID_FOURNISSEUR_DEMO, "idServiceFournisseur": id_service_fournisseur})
        )
        .await,
        ["DEP-TRANSPORTS", "ETAT-INFO-A2"]
    );
    let total = client
        .post(
            "/cpro/factures/v1/rechercher/fournisseur",
            json!({"idServiceFournisseur": id_service_fournisseur, "typeFacture": "AVOIR"}),
        )
        .await;
    assert_eq!(total.code_retour(), Some(20000));
}
