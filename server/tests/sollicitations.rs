//! Sollicitations: creation about an invoice, scope per user, transitions driven by the simulated
//! recipient, messages with attached files, outbox notifications, and the refusals.

mod common;

use axum::http::StatusCode;
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::portail::{courriels, sql};
use common::{connecter, envoyer, get, post_json, Reponse};
use passerelle_server::seed::{AUTRE_EMAIL, DEMO_EMAIL, DEMO_MOT_DE_PASSE};
use passerelle_server::{app, serve, test_state_avec_factures_demo};
use serde_json::{json, Value};

/// A seeded invoice of the demo supplier (to the commune of SIRET 21310000100014).
const FACTURE_DEMO: &str = "DEMO-2026-001";

async fn routeur() -> Router {
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    match test_state_avec_factures_demo().await {
        Ok(state) => app(state),
        Err(error) => panic!("state: {error}"),
    }
}

async fn post(router: &Router, uri: &str, cookie: &str, body: Value) -> Reponse {
    envoyer(router, post_json(uri, Some(cookie), &body.to_string())).await
}

fn sur_facture(numero: &str) -> Value {
    json!({
        "categorie": "FACTURE",
        "sousCategorie": "RETARD_PAIEMENT",
        "sujet": "Paiement en retard",
        "description": "La facture est validée depuis 40 jours et n'est pas payée.",
        "typeObjet": "FACTURE",
        "numeroObjet": numero,
    })
}

async fn creer(router: &Router, cookie: &str, body: Value) -> i64 {
    let reponse = post(router, "/portail/v1/sollicitations", cookie, body).await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    reponse.json()["id"].as_i64().unwrap_or_default()
}

async fn repondre(router: &Router, cookie: &str, id: i64, statut: Option<&str>) -> Reponse {
    post(
        router,
        &format!("/portail/v1/simulation/sollicitations/{id}/repondre"),
        cookie,
        json!({"texte": "Réponse du service", "statut": statut}),
    )
    .await
}

fn champs(reponse: &Reponse) -> Vec<String> {
    reponse.json()["erreurs"]
        .as_array()
        .map(|erreurs| {
            erreurs
                .iter()
                .filter_map(|e| e["champ"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_sollicitation_about_my_invoice_goes_to_its_recipient() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let reponse = post(
        &router,
        "/portail/v1/sollicitations",
        &cookie,
        sur_facture(FACTURE_DEMO),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    let corps = reponse.json();
    assert_eq!(corps["statut"], "OUVERT");
    assert!(corps["identifiantFactureCPP"].as_i64().is_some(), "{corps}");
    assert_ne!(corps["destinataire"], "Support Chorus Pro (AIFE)");
    assert_eq!(corps["emetteur"]["email"], DEMO_EMAIL);
    assert_eq!(corps["actions"], json!(["REPONDRE", "CLOTURER"]));
    assert_eq!(corps["activites"].as_array().map(Vec::len), Some(1));
    let id = corps["id"].as_i64().unwrap_or_default();

    let liste = envoyer(
        &router,
        get("/portail/v1/sollicitations?statut=OUVERT", Some(&cookie)),
    )
    .await;
    assert_eq!(liste.status, StatusCode::OK, "{}", liste.texte());
    let ids: Vec<i64> = liste.json()["sollicitations"]
        .as_array()
        .map(|l| l.iter().filter_map(|s| s["id"].as_i64()).collect())
        .unwrap_or_default();
    assert!(ids.contains(&id), "{ids:?}");

    // The recipient structure was notified through the outbox.
    let a_tous = courriels(&router, "").await;
    assert!(
        a_tous.iter().any(|c| c["kind"] == "SOLLICITATION_MESSAGE"
            && c["subject"]
                .as_str()
                .is_some_and(|s| s.contains(&id.to_string()))),
        "{a_tous:?}"
    );
}

#[tokio::test]
async fn the_demo_supplier_has_a_resolved_and_an_open_sollicitation() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    for statut in ["RESOLU", "OUVERT"] {
        let reponse = envoyer(
            &router,
            get(
                &format!("/portail/v1/sollicitations?statut={statut}"),
                Some(&cookie),
            ),
        )
        .await;
        assert_eq!(
            reponse.json()["sollicitations"].as_array().map(Vec::len),
            Some(1),
            "{statut}"
        );
    }
    let inconnu = envoyer(
        &router,
        get("/portail/v1/sollicitations?statut=PERDU", Some(&cookie)),
    )
    .await;
    assert_eq!(inconnu.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn another_user_neither_sees_nor_touches_my_sollicitation() {
    let router = routeur().await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let autre = connecter(&router, AUTRE_EMAIL).await;
    let id = creer(&router, &demo, sur_facture(FACTURE_DEMO)).await;

    let lu = envoyer(
        &router,
        get(&format!("/portail/v1/sollicitations/{id}"), Some(&autre)),
    )
    .await;
    assert_eq!(lu.status, StatusCode::NOT_FOUND, "{}", lu.texte());
    for action in ["cloturer", "rouvrir", "accepter-solution"] {
        let refus = post(
            &router,
            &format!("/portail/v1/sollicitations/{id}/{action}"),
            &autre,
            json!({}),
        )
        .await;
        assert_eq!(refus.status, StatusCode::NOT_FOUND, "{action}");
    }
    let message = post(
        &router,
        &format!("/portail/v1/sollicitations/{id}/messages"),
        &autre,
        json!({"texte": "intrusion"}),
    )
    .await;
    assert_eq!(message.status, StatusCode::NOT_FOUND);
    let simule = repondre(&router, &autre, id, Some("RESOLU")).await;
    assert_eq!(simule.status, StatusCode::NOT_FOUND);
    let liste = envoyer(&router, get("/portail/v1/sollicitations", Some(&autre))).await;
    assert_eq!(liste.json()["sollicitations"], json!([]));

    // The other supplier cannot name the demo supplier's invoice as its object.
    let refus = post(
        &router,
        "/portail/v1/sollicitations",
        &autre,
        sur_facture(FACTURE_DEMO),
    )
    .await;
    assert_eq!(refus.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&refus), ["numeroObjet"]);

    let anonyme = envoyer(&router, get("/portail/v1/sollicitations", None)).await;
    assert_eq!(anonyme.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn resolved_then_accepted_then_reopened() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let id = creer(&router, &cookie, sur_facture(FACTURE_DEMO)).await;
    let url = |action: &str| format!("/portail/v1/sollicitations/{id}/{action}");

    let trop_tot = post(&router, &url("accepter-solution"), &cookie, json!({})).await;
    assert_eq!(trop_tot.status, StatusCode::CONFLICT);
    assert!(
        trop_tot.json()["libelle"]
            .as_str()
            .is_some_and(|l| l.contains("Résolu")),
        "{}",
        trop_tot.texte()
    );
    let rouvrir_ouvert = post(&router, &url("rouvrir"), &cookie, json!({})).await;
    assert_eq!(rouvrir_ouvert.status, StatusCode::CONFLICT);

    let resolue = repondre(&router, &cookie, id, Some("RESOLU")).await;
    assert_eq!(resolue.status, StatusCode::OK, "{}", resolue.texte());
    let corps = resolue.json();
    assert_eq!(corps["statut"], "RESOLU");
    assert_eq!(
        corps["actions"],
        json!(["ACCEPTER_SOLUTION", "ROUVRIR", "CLOTURER"])
    );
    let derniere = &corps["activites"][1];
    assert_eq!(derniere["auteur"], "DESTINATAIRE");
    assert_eq!(derniere["texte"], "Réponse du service");
    let mails = courriels(&router, DEMO_EMAIL).await;
    assert!(
        mails.iter().any(|c| c["kind"] == "SOLLICITATION_REPONSE"),
        "{mails:?}"
    );

    let ecrire = post(
        &router,
        &url("messages"),
        &cookie,
        json!({"texte": "Merci"}),
    )
    .await;
    assert_eq!(ecrire.status, StatusCode::CONFLICT);

    let fermee = post(&router, &url("accepter-solution"), &cookie, json!({})).await;
    assert_eq!(fermee.status, StatusCode::OK, "{}", fermee.texte());
    assert_eq!(fermee.json()["statut"], "FERME");
    assert_eq!(fermee.json()["actions"], json!(["ROUVRIR"]));
    let encore = post(&router, &url("cloturer"), &cookie, json!({})).await;
    assert_eq!(encore.status, StatusCode::CONFLICT);
    let simule = repondre(&router, &cookie, id, None).await;
    assert_eq!(simule.status, StatusCode::CONFLICT);

    let rouverte = post(&router, &url("rouvrir"), &cookie, json!({})).await;
    assert_eq!(rouverte.status, StatusCode::OK);
    assert_eq!(rouverte.json()["statut"], "OUVERT");
    let close = post(&router, &url("cloturer"), &cookie, json!({})).await;
    assert_eq!(close.json()["statut"], "FERME");
}

#[tokio::test]
async fn an_answer_to_a_request_for_information_reopens_it() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let id = creer(
        &router,
        &cookie,
        json!({"categorie": "AUTRE", "sousCategorie": "QUESTION_GENERALE", "sujet": "Question", "description": "Détail"}),
    )
    .await;
    let attente = repondre(&router, &cookie, id, Some("EN_ATTENTE_INFORMATIONS")).await;
    assert_eq!(attente.json()["statut"], "EN_ATTENTE_INFORMATIONS");
    assert_eq!(attente.json()["destinataire"], "Support Chorus Pro (AIFE)");
    let inconnu = repondre(&router, &cookie, id, Some("FERME")).await;
    assert_eq!(inconnu.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&inconnu), ["statut"]);

    let reponse = post(
        &router,
        &format!("/portail/v1/sollicitations/{id}/messages"),
        &cookie,
        json!({"texte": "Voici le bon de commande."}),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    assert_eq!(reponse.json()["statut"], "OUVERT");
    assert_eq!(
        reponse.json()["activites"].as_array().map(Vec::len),
        Some(3)
    );
    let support = courriels(&router, "support@chorus-pro.exemple.test").await;
    assert!(
        support.iter().any(|c| c["subject"]
            .as_str()
            .is_some_and(|s| s.contains("nouveau message"))),
        "{support:?}"
    );
}

#[tokio::test]
async fn attached_files_are_checked_stored_and_downloaded() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let id = creer(&router, &cookie, sur_facture(FACTURE_DEMO)).await;
    let messages = format!("/portail/v1/sollicitations/{id}/messages");
    let contenu = b"%PDF-1.4 bon de livraison";
    let envoye = post(
        &router,
        &messages,
        &cookie,
        json!({"texte": "Le BL signé", "pieceJointe": {"nom": "BL signé.pdf", "contenu": STANDARD.encode(contenu)}}),
    )
    .await;
    assert_eq!(envoye.status, StatusCode::OK, "{}", envoye.texte());
    let piece = envoye.json()["activites"][1]["pieces"][0].clone();
    assert_eq!(piece["nom"], "BL signé.pdf");
    assert_eq!(piece["taille"], contenu.len());
    let id_piece = piece["id"].as_i64().unwrap_or_default();

    let url = format!("/portail/v1/sollicitations/{id}/pieces/{id_piece}");
    let telecharge = envoyer(&router, get(&url, Some(&cookie))).await;
    assert_eq!(telecharge.status, StatusCode::OK);
    assert_eq!(telecharge.body, contenu);
    assert_eq!(
        telecharge.header("content-type").as_deref(),
        Some("application/pdf")
    );
    assert!(telecharge
        .header("content-disposition")
        .is_some_and(|d| d.starts_with("attachment;")));
    let autre = connecter(&router, AUTRE_EMAIL).await;
    let vole = envoyer(&router, get(&url, Some(&autre))).await;
    assert_eq!(vole.status, StatusCode::NOT_FOUND);
    let ailleurs = envoyer(
        &router,
        get(
            &format!("/portail/v1/sollicitations/{id}/pieces/{}", id_piece + 1000),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(ailleurs.status, StatusCode::NOT_FOUND);

    let interdit = post(
        &router,
        &messages,
        &cookie,
        json!({"texte": "x", "pieceJointe": {"nom": "outil.exe", "contenu": STANDARD.encode(b"MZ")}}),
    )
    .await;
    assert_eq!(interdit.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&interdit), ["pieceJointe"]);

    let gros = vec![b'a'; 10 * 1024 * 1024 + 1];
    let trop_gros = post(
        &router,
        &messages,
        &cookie,
        json!({"texte": "x", "pieceJointe": {"nom": "gros.pdf", "contenu": STANDARD.encode(&gros)}}),
    )
    .await;
    assert_eq!(trop_gros.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(trop_gros.texte().contains("10 Mo"), "{}", trop_gros.texte());
}

#[tokio::test]
async fn a_form_with_mistakes_gets_one_error_per_field() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let reponse = post(
        &router,
        "/portail/v1/sollicitations",
        &cookie,
        json!({"categorie": "FACTURE", "sousCategorie": "RATTACHEMENT", "sujet": " ", "description": "d", "typeObjet": "FACTURE"}),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&reponse), ["sousCategorie", "sujet", "numeroObjet"]);

    let inconnue = post(
        &router,
        "/portail/v1/sollicitations",
        &cookie,
        sur_facture("N-EXISTE-PAS"),
    )
    .await;
    assert_eq!(champs(&inconnue), ["numeroObjet"]);
}

/// One HTTP/1.1 request on a fresh connection: (status, headers, body bytes).
async fn par_socket(
    addr: std::net::SocketAddr,
    request: axum::http::Request<axum::body::Body>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    use http_body_util::BodyExt as _;
    let stream = match tokio::net::TcpStream::connect(addr).await {
        Ok(stream) => stream,
        Err(error) => panic!("connect {addr}: {error}"),
    };
    let (mut sender, connection) =
        match hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await {
            Ok(pair) => pair,
            Err(error) => panic!("handshake: {error}"),
        };
    tokio::spawn(connection);
    let response = match sender.send_request(request).await {
        Ok(response) => response,
        Err(error) => panic!("request: {error}"),
    };
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    (status, headers, body)
}

#[tokio::test]
async fn over_loopback_a_file_sent_with_a_sollicitation_comes_back_as_a_download() {
    use axum::body::Body;
    use axum::http::{header, Request};
    let state = match test_state_avec_factures_demo().await {
        Ok(state) => state,
        Err(error) => panic!("state: {error}"),
    };
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(error) => panic!("bind: {error}"),
    };
    let addr = listener
        .local_addr()
        .unwrap_or_else(|error| panic!("local addr: {error}"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, state, async move {
        let _ = stopped.await;
    }));
    let json_post = |uri: &str, cookie: &str, corps: Value| {
        Request::post(uri)
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, cookie)
            .body(Body::from(corps.to_string()))
            .unwrap_or_default()
    };

    let (status, headers, _) = par_socket(
        addr,
        json_post(
            "/portail/v1/session/connexion",
            "",
            json!({"email": DEMO_EMAIL, "motDePasse": DEMO_MOT_DE_PASSE}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let cookie = headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or_default()
        .to_owned();

    let contenu = b"%PDF-1.4 releve".to_vec();
    let mut corps = sur_facture(FACTURE_DEMO);
    corps["pieceJointe"] = json!({"nom": "relevé.pdf", "contenu": STANDARD.encode(&contenu)});
    let (status, _, body) = par_socket(
        addr,
        json_post("/portail/v1/sollicitations", &cookie, corps),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&body)
    );
    let cree: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let id = cree["id"].as_i64().unwrap_or_default();
    let id_piece = cree["activites"][0]["pieces"][0]["id"]
        .as_i64()
        .unwrap_or_default();

    let (status, headers, body) = par_socket(
        addr,
        Request::get(format!("/portail/v1/sollicitations/{id}/pieces/{id_piece}"))
            .header(header::HOST, "localhost")
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap_or_default(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, contenu);
    let en_tete = |nom: header::HeaderName| {
        headers
            .get(nom)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        en_tete(header::CONTENT_DISPOSITION),
        "attachment; filename=\"relev_.pdf\"; filename*=UTF-8''relev%C3%A9.pdf"
    );
    assert_eq!(en_tete(header::X_CONTENT_TYPE_OPTIONS), "nosniff");

    let _ = stop.send(());
    let outcome = server.await;
    assert!(matches!(outcome, Ok(Ok(()))), "graceful shutdown");
}

#[tokio::test]
async fn a_colleague_with_consultation_reads_the_structure_tickets_but_cannot_act() {
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    let state = match test_state_avec_factures_demo().await {
        Ok(state) => state,
        Err(error) => panic!("state: {error}"),
    };
    let router = app(state.clone());
    let demo = connecter(&router, DEMO_EMAIL).await;
    let id = creer(&router, &demo, sur_facture(FACTURE_DEMO)).await;
    // The other user (id 2) is attached to the demo supplier with CONSULTATION only.
    sql(
        &state,
        &format!(
            "INSERT INTO rattachements (id_utilisateur, id_structure, role, habilitation) \
             VALUES (2, {}, 'UTILISATEUR', 'CONSULTATION')",
            passerelle_server::seed::ID_FOURNISSEUR_DEMO
        ),
    )
    .await;
    let collegue = connecter(&router, AUTRE_EMAIL).await;
    let lu = envoyer(
        &router,
        get(&format!("/portail/v1/sollicitations/{id}"), Some(&collegue)),
    )
    .await;
    assert_eq!(lu.status, StatusCode::OK, "{}", lu.texte());
    assert_eq!(lu.json()["actions"], json!([]));
    let refus = post(
        &router,
        &format!("/portail/v1/sollicitations/{id}/cloturer"),
        &collegue,
        json!({}),
    )
    .await;
    assert_eq!(refus.status, StatusCode::FORBIDDEN, "{}", refus.texte());
    let mut corps = sur_facture(FACTURE_DEMO);
    corps["idStructureCPP"] = json!(passerelle_server::seed::ID_FOURNISSEUR_DEMO);
    let creation = post(&router, "/portail/v1/sollicitations", &collegue, corps).await;
    assert_eq!(
        creation.status,
        StatusCode::FORBIDDEN,
        "{}",
        creation.texte()
    );
}

#[tokio::test]
async fn a_category_addressed_to_a_public_organisation_needs_its_destination() {
    let router = routeur().await;
    let cookie = connecter(&router, DEMO_EMAIL).await;
    let engagement = |siret: Option<&str>| {
        json!({
            "categorie": "ENGAGEMENT",
            "sousCategorie": "ENGAGEMENT_INCONNU",
            "sujet": "Engagement refusé",
            "description": "Le numéro d'engagement est refusé au dépôt.",
            "typeObjet": "ENGAGEMENT",
            "numeroObjet": "EJ-2026-77",
            "siretDestinataire": siret,
        })
    };
    const CONTACT_ETAT: &str = "contact-25000001@exemple.test";

    // No destination, a wrong check digit, a SIRET no public structure has (the supplier's own): refused.
    for siret in [
        None,
        Some(" "),
        Some("11000201100045"),
        Some("80000001000010"),
    ] {
        let reponse = post(
            &router,
            "/portail/v1/sollicitations",
            &cookie,
            engagement(siret),
        )
        .await;
        assert_eq!(
            reponse.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{siret:?}"
        );
        assert_eq!(champs(&reponse), ["siretDestinataire"], "{siret:?}");
    }
    // An invoice category about no invoice needs it too.
    let sans_facture = post(
        &router,
        "/portail/v1/sollicitations",
        &cookie,
        json!({"categorie": "FACTURE", "sousCategorie": "RETARD_PAIEMENT", "sujet": "Retard", "description": "d"}),
    )
    .await;
    assert_eq!(champs(&sans_facture), ["siretDestinataire"]);
    assert!(
        courriels(&router, CONTACT_ETAT).await.is_empty(),
        "nothing sent for a refusal"
    );

    // The State's SIRET (spaces allowed): addressed to it, not to the support.
    let id = creer(&router, &cookie, engagement(Some("110 002 011 00044"))).await;
    let lue = envoyer(
        &router,
        get(&format!("/portail/v1/sollicitations/{id}"), Some(&cookie)),
    )
    .await;
    assert_eq!(
        lue.json()["destinataire"],
        "ETAT - SERVICES CENTRAUX (BAC A SABLE)"
    );
    assert_eq!(
        courriels(&router, CONTACT_ETAT).await.len(),
        1,
        "the State is told"
    );
    // An account question still goes to the support without any SIRET.
    let compte = creer(
        &router,
        &cookie,
        json!({"categorie": "STRUCTURE_COMPTE", "sousCategorie": "CONNEXION", "sujet": "Connexion", "description": "d"}),
    )
    .await;
    let lue = envoyer(
        &router,
        get(
            &format!("/portail/v1/sollicitations/{compte}"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(lue.json()["destinataire"], "Support Chorus Pro (AIFE)");
}
