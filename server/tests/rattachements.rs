//! Rattachement requests: made with a comment, notified to the gestionnaires through the outbox, decided
//! by a gestionnaire of that structure only; an accepted requester sees the structure at once (over a
//! real socket); nothing leaks to other structures.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::portail::*;
use common::*;
use http_body_util::BodyExt as _;
use hyper_util::rt::TokioIo;
use passerelle_server::seed::{
    AUTRE_EMAIL, DEMO_EMAIL, ID_FOURNISSEUR_AUTRE, ID_FOURNISSEUR_DEMO, SIRET_REGISTRE_LIBRE,
};
use passerelle_server::serve;
use serde_json::{json, Value};

const SIRET_DEMO: &str = "80000001000010";

async fn demander(router: &axum::Router, cookie: &str, corps: Value) -> Reponse {
    envoyer(
        router,
        post_json(
            "/portail/v1/rattachements",
            Some(cookie),
            &corps.to_string(),
        ),
    )
    .await
}

async fn decider(router: &axum::Router, cookie: &str, id: i64, corps: Value) -> Reponse {
    envoyer(
        router,
        post_json(
            &format!("/portail/v1/rattachements/{id}/decision"),
            Some(cookie),
            &corps.to_string(),
        ),
    )
    .await
}

async fn a_traiter(router: &axum::Router, cookie: &str) -> Vec<Value> {
    let reponse = envoyer(
        router,
        get("/portail/v1/rattachements/a-traiter", Some(cookie)),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    reponse.json()["demandes"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A new activated account, signed in: its cookie.
async fn nouvel_utilisateur(router: &axum::Router, email: &str) -> String {
    creer_et_activer(router, email).await;
    connecter_avec_code(router, email).await
}

/// One HTTP/1.1 request on a fresh connection to `addr`: (status, JSON body).
async fn requete(
    addr: std::net::SocketAddr,
    methode: &str,
    chemin: &str,
    cookie: &str,
    corps: &str,
) -> (StatusCode, Value) {
    let stream = match tokio::net::TcpStream::connect(addr).await {
        Ok(stream) => stream,
        Err(error) => panic!("connect {addr}: {error}"),
    };
    let (mut sender, connection) =
        match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
            Ok(pair) => pair,
            Err(error) => panic!("handshake: {error}"),
        };
    tokio::spawn(connection);
    let request = Request::builder()
        .method(methode)
        .uri(chemin)
        .header(header::HOST, "localhost")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(corps.to_owned()))
        .unwrap_or_default();
    let response = match sender.send_request(request).await {
        Ok(response) => response,
        Err(error) => panic!("request: {error}"),
    };
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

fn ids_structures(corps: &Value) -> Vec<i64> {
    corps["listeStructures"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s["idStructureCPP"].as_i64())
        .collect()
}

#[tokio::test]
async fn an_accepted_request_attaches_the_requester_end_to_end_over_loopback() {
    let (router, state) = routeur_et_etat().await;
    let email = "nouvelle@exemple.test";
    let cookie_nouvelle = nouvel_utilisateur(&router, email).await;
    let cookie_demo = connecter(&router, DEMO_EMAIL).await;
    let cookie_autre = connecter(&router, AUTRE_EMAIL).await;

    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(error) => panic!("bind: {error}"),
    };
    let addr = listener
        .local_addr()
        .unwrap_or_else(|error| panic!("local addr: {error}"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serveur = tokio::spawn(serve(listener, state, async move {
        let _ = stopped.await;
    }));
    let actives = "/cpro/transverses/v1/recuperer/structures/actives/fournisseur";

    let (status, avant) = requete(addr, "POST", actives, &cookie_nouvelle, "{}").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ids_structures(&avant).is_empty());

    let corps = json!({"typeIdentifiant": "SIRET", "identifiant": SIRET_DEMO, "commentaire": "Je remplace Camille à la comptabilité."});
    let (status, demande) = requete(
        addr,
        "POST",
        "/portail/v1/rattachements",
        &cookie_nouvelle,
        &corps.to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{demande}");
    assert_eq!(demande["statut"], "EN_ATTENTE");
    assert_eq!(demande["idStructureCPP"], ID_FOURNISSEUR_DEMO);
    assert_eq!(demande["demandeur"]["email"], email);
    let id = demande["id"].as_i64().unwrap_or_default();

    // The gestionnaire is told, with the comment.
    let notification = courriels(&router, DEMO_EMAIL).await;
    assert!(notification
        .iter()
        .any(|c| c["kind"] == "DEMANDE_RATTACHEMENT"
            && c["body"]
                .as_str()
                .is_some_and(|b| b.contains("Je remplace Camille") && b.contains(email))));
    // Only the gestionnaire of that structure sees it and may decide.
    let (_, liste) = requete(
        addr,
        "GET",
        "/portail/v1/rattachements/a-traiter",
        &cookie_demo,
        "",
    )
    .await;
    assert_eq!(liste["demandes"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        liste["demandes"][0]["commentaire"],
        "Je remplace Camille à la comptabilité."
    );
    let (_, liste_autre) = requete(
        addr,
        "GET",
        "/portail/v1/rattachements/a-traiter",
        &cookie_autre,
        "",
    )
    .await;
    assert_eq!(liste_autre["demandes"], json!([]));
    let accepter = json!({"accepter": true, "habilitation": "CONSULTATION"}).to_string();
    let chemin = format!("/portail/v1/rattachements/{id}/decision");
    let (status, refus) = requete(addr, "POST", &chemin, &cookie_autre, &accepter).await;
    assert_eq!(
        (status, refus["codeRetour"].clone()),
        (StatusCode::FORBIDDEN, json!(403))
    );
    let (status, _) = requete(addr, "POST", &chemin, &cookie_nouvelle, &accepter).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, decision) = requete(addr, "POST", &chemin, &cookie_demo, &accepter).await;
    assert_eq!(status, StatusCode::OK, "{decision}");
    assert_eq!(decision["statut"], "ACCEPTEE");
    assert_eq!(decision["habilitation"], "CONSULTATION");

    let (_, apres) = requete(addr, "POST", actives, &cookie_nouvelle, "{}").await;
    assert_eq!(ids_structures(&apres), [ID_FOURNISSEUR_DEMO]);
    // CONSULTATION: a plain user of the structure in the Chorus Pro account view.
    let (_, compte) = requete(
        addr,
        "POST",
        "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements",
        &cookie_nouvelle,
        "{}",
    )
    .await;
    assert_eq!(
        compte["listeStructureRattachement"][0]["roleUtilisateur"],
        "UTILISATEUR"
    );
    // Decided once.
    let (status, _) = requete(addr, "POST", &chemin, &cookie_demo, &accepter).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, liste) = requete(
        addr,
        "GET",
        "/portail/v1/rattachements/a-traiter",
        &cookie_demo,
        "",
    )
    .await;
    assert_eq!(liste["demandes"], json!([]));
    // No effect elsewhere: the other supplier's users and structure are unchanged.
    let (_, autre) = requete(addr, "POST", actives, &cookie_autre, "{}").await;
    assert_eq!(ids_structures(&autre), [ID_FOURNISSEUR_AUTRE]);

    let _ = stop.send(());
    let _ = serveur.await;

    // The requester is told, and sees the request's status.
    let decision = courriels(&router, email).await;
    assert!(decision.iter().any(|c| c["kind"] == "DECISION_RATTACHEMENT"
        && c["body"]
            .as_str()
            .is_some_and(|b| b.contains("acceptée") && b.contains("CONSULTATION"))));
    let miennes = envoyer(
        &router,
        get("/portail/v1/compte/demandes", Some(&cookie_nouvelle)),
    )
    .await;
    assert_eq!(miennes.json()["demandes"][0]["statut"], "ACCEPTEE");
}

#[tokio::test]
async fn a_refusal_needs_a_reason_attaches_nothing_and_tells_the_requester() {
    let (router, _) = routeur_et_etat().await;
    let email = "refusee@exemple.test";
    let cookie = nouvel_utilisateur(&router, email).await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let reponse = demander(&router, &cookie, json!({"identifiant": SIRET_DEMO})).await;
    assert_eq!(reponse.status, StatusCode::CREATED, "{}", reponse.texte());
    let id = reponse.json()["id"].as_i64().unwrap_or_default();
    let sans_motif = decider(&router, &demo, id, json!({"accepter": false})).await;
    assert_eq!(sans_motif.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sans_motif.json()["erreurs"][0]["champ"], "motif");
    let sans_habilitation = decider(
        &router,
        &demo,
        id,
        json!({"accepter": true, "habilitation": "TOUT"}),
    )
    .await;
    assert_eq!(
        sans_habilitation.json()["erreurs"][0]["champ"],
        "habilitation"
    );
    let refus = decider(
        &router,
        &demo,
        id,
        json!({"accepter": false, "motif": "Personne inconnue du service"}),
    )
    .await;
    assert_eq!(refus.status, StatusCode::OK, "{}", refus.texte());
    assert_eq!(refus.json()["statut"], "REFUSEE");
    assert!(refus.json()["habilitation"].is_null());
    let actives = envoyer(
        &router,
        post_json(
            "/cpro/transverses/v1/recuperer/structures/actives/fournisseur",
            Some(&cookie),
            "{}",
        ),
    )
    .await;
    assert!(ids_structures(&actives.json()).is_empty());
    assert!(courriels(&router, email)
        .await
        .iter()
        .any(|c| c["kind"] == "DECISION_RATTACHEMENT"
            && c["body"]
                .as_str()
                .is_some_and(|b| b.contains("refusée") && b.contains("Personne inconnue"))));
    let miennes = envoyer(&router, get("/portail/v1/compte/demandes", Some(&cookie))).await;
    assert_eq!(miennes.json()["demandes"][0]["statut"], "REFUSEE");
    assert_eq!(
        miennes.json()["demandes"][0]["motif"],
        "Personne inconnue du service"
    );
    // After a refusal one may ask again.
    let encore = demander(
        &router,
        &cookie,
        json!({"identifiant": SIRET_DEMO, "commentaire": "Voir M. Martin"}),
    )
    .await;
    assert_eq!(encore.status, StatusCode::CREATED);
}

#[tokio::test]
async fn requests_are_refused_when_pointless_or_malformed() {
    let (router, _) = routeur_et_etat().await;
    let cookie = nouvel_utilisateur(&router, "refus@exemple.test").await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    // Already attached.
    let deja = demander(&router, &demo, json!({"identifiant": SIRET_DEMO})).await;
    assert_eq!(deja.status, StatusCode::CONFLICT);
    // Already asked.
    assert_eq!(
        demander(&router, &cookie, json!({"identifiant": SIRET_DEMO}))
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        demander(&router, &cookie, json!({"identifiant": SIRET_DEMO}))
            .await
            .status,
        StatusCode::CONFLICT
    );
    // No such structure (valid SIRET of the register, never created).
    let inconnue = demander(
        &router,
        &cookie,
        json!({"identifiant": SIRET_REGISTRE_LIBRE}),
    )
    .await;
    assert_eq!(inconnue.status, StatusCode::NOT_FOUND);
    assert!(inconnue.json()["libelle"]
        .as_str()
        .is_some_and(|l| l.contains("créer")));
    // Malformed identifier, oversize comment.
    let mauvais = demander(&router, &cookie, json!({"identifiant": "80000001000011"})).await;
    assert_eq!(mauvais.json()["erreurs"][0]["champ"], "identifiant");
    let long = demander(
        &router,
        &cookie,
        json!({"identifiant": SIRET_DEMO, "commentaire": "x".repeat(1001)}),
    )
    .await;
    assert_eq!(long.json()["erreurs"][0]["champ"], "commentaire");
    // Unknown request, anonymous calls.
    assert_eq!(
        decider(
            &router,
            &demo,
            999_999,
            json!({"accepter": false, "motif": "x"})
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let pas_un_nombre = envoyer(
        &router,
        post_json("/portail/v1/rattachements/abc/decision", Some(&demo), "{}"),
    )
    .await;
    assert_eq!(pas_un_nombre.status, StatusCode::NOT_FOUND);
    assert_eq!(
        envoyer(&router, post_json("/portail/v1/rattachements", None, "{}"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        envoyer(&router, get("/portail/v1/rattachements/a-traiter", None))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        envoyer(&router, get("/portail/v1/compte/demandes", None))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_creator_of_a_structure_decides_on_requests_to_it() {
    let (router, _) = routeur_et_etat().await;
    let createur = nouvel_utilisateur(&router, "createur@exemple.test").await;
    let creation = envoyer(
        &router,
        post_json(
            "/portail/v1/structures",
            Some(&createur),
            &json!({"typeIdentifiant": "SIRET", "identifiant": SIRET_REGISTRE_LIBRE}).to_string(),
        ),
    )
    .await;
    assert_eq!(creation.status, StatusCode::CREATED, "{}", creation.texte());
    let id_structure = creation.json()["idStructureCPP"]
        .as_i64()
        .unwrap_or_default();
    let collegue = nouvel_utilisateur(&router, "collegue@exemple.test").await;
    let demande = demander(
        &router,
        &collegue,
        json!({"identifiant": SIRET_REGISTRE_LIBRE, "commentaire": "Service achats"}),
    )
    .await;
    assert_eq!(demande.status, StatusCode::CREATED);
    let id = demande.json()["id"].as_i64().unwrap_or_default();
    assert!(courriels(&router, "createur@exemple.test")
        .await
        .iter()
        .any(|c| c["kind"] == "DEMANDE_RATTACHEMENT"));
    // The demo gestionnaire manages another structure: not this one.
    let demo = connecter(&router, DEMO_EMAIL).await;
    assert!(a_traiter(&router, &demo).await.is_empty());
    assert_eq!(
        decider(
            &router,
            &demo,
            id,
            json!({"accepter": true, "habilitation": "MODIFICATION"})
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let a_decider = a_traiter(&router, &createur).await;
    assert_eq!(a_decider.len(), 1);
    let accord = decider(
        &router,
        &createur,
        id,
        json!({"accepter": true, "habilitation": "MODIFICATION"}),
    )
    .await;
    assert_eq!(accord.status, StatusCode::OK, "{}", accord.texte());
    let actives = envoyer(
        &router,
        post_json(
            "/cpro/transverses/v1/recuperer/structures/actives/fournisseur",
            Some(&collegue),
            "{}",
        ),
    )
    .await;
    assert_eq!(ids_structures(&actives.json()), [id_structure]);
    // MODIFICATION granted by a decision: still a plain user of the structure; its creator manages it.
    let roles = |cookie: String| {
        let router = router.clone();
        async move {
            let reponse = envoyer(
                &router,
                post_json(
                    "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements",
                    Some(&cookie),
                    "{}",
                ),
            )
            .await;
            reponse.json()["listeStructureRattachement"][0]["roleUtilisateur"].clone()
        }
    };
    assert_eq!(roles(collegue.clone()).await, "UTILISATEUR");
    assert_eq!(roles(createur.clone()).await, "GESTIONNAIRE");
    // A plain user attached by decision does not manage the structure.
    let troisieme = nouvel_utilisateur(&router, "troisieme@exemple.test").await;
    let autre_demande = demander(
        &router,
        &troisieme,
        json!({"identifiant": SIRET_REGISTRE_LIBRE}),
    )
    .await;
    let autre_id = autre_demande.json()["id"].as_i64().unwrap_or_default();
    assert!(a_traiter(&router, &collegue).await.is_empty());
    assert_eq!(
        decider(
            &router,
            &collegue,
            autre_id,
            json!({"accepter": true, "habilitation": "MODIFICATION"})
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn habilitations_follow_the_attachments_per_espace() {
    let (router, _) = routeur_et_etat().await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let reponse = envoyer(
        &router,
        get("/portail/v1/compte/habilitations", Some(&demo)),
    )
    .await;
    assert_eq!(reponse.status, StatusCode::OK, "{}", reponse.texte());
    let habilitations = reponse.json()["habilitations"].clone();
    assert_eq!(habilitations.as_array().map(Vec::len), Some(1));
    assert_eq!(habilitations[0]["idStructureCPP"], ID_FOURNISSEUR_DEMO);
    assert_eq!(habilitations[0]["role"], "GESTIONNAIRE_PRINCIPAL");
    assert!(habilitations[0]["espaces"].as_array().is_some_and(|e| e
        .iter()
        .all(|d| d["consultation"] == true && d["modification"] == true)));

    let cookie = nouvel_utilisateur(&router, "lecteur@exemple.test").await;
    let vide = envoyer(
        &router,
        get("/portail/v1/compte/habilitations", Some(&cookie)),
    )
    .await;
    assert_eq!(vide.json()["habilitations"], json!([]));
    let demande = demander(&router, &cookie, json!({"identifiant": SIRET_DEMO})).await;
    let id = demande.json()["id"].as_i64().unwrap_or_default();
    let accord = decider(
        &router,
        &demo,
        id,
        json!({"accepter": true, "habilitation": "CONSULTATION"}),
    )
    .await;
    assert_eq!(accord.status, StatusCode::OK);
    let apres = envoyer(
        &router,
        get("/portail/v1/compte/habilitations", Some(&cookie)),
    )
    .await;
    let espaces = apres.json()["habilitations"][0]["espaces"].clone();
    assert_eq!(
        espaces,
        json!([
            {"espace": "FACTURES_EMISES", "consultation": true, "modification": false},
            {"espace": "SOLLICITATIONS", "consultation": true, "modification": false},
            {"espace": "ACTIVITES_GESTIONNAIRE", "consultation": false, "modification": false},
        ])
    );
    assert_eq!(
        envoyer(&router, get("/portail/v1/compte/habilitations", None))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}
