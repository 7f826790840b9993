//! `GET /portail/v1/evenements`: invoice status changes (the simulation clock's included), decided
//! rattachement requests and sollicitation activity, each user seeing their own and their structures' only,
//! resumable with `depuis`, paged with `limite` (over a real socket).

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::portail::*;
use common::*;
use http_body_util::BodyExt as _;
use hyper_util::rt::TokioIo;
use passerelle_server::seed::{AUTRE_EMAIL, DEMO_EMAIL, ID_FOURNISSEUR_DEMO};
use passerelle_server::{serve, AppState};
use serde_json::{json, Value};

/// The server on a loopback port until the sender is used or dropped.
struct Serveur {
    addr: std::net::SocketAddr,
    _stop: tokio::sync::oneshot::Sender<()>,
}

async fn demarrer(state: AppState) -> Serveur {
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(error) => panic!("bind: {error}"),
    };
    let addr = listener
        .local_addr()
        .unwrap_or_else(|error| panic!("local addr: {error}"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(listener, state, async move {
        let _ = stopped.await;
    }));
    Serveur { addr, _stop: stop }
}

impl Serveur {
    /// One HTTP/1.1 request on a fresh connection: (status, JSON body).
    async fn requete(
        &self,
        methode: &str,
        chemin: &str,
        cookie: Option<&str>,
        corps: &str,
    ) -> (StatusCode, Value) {
        let stream = match tokio::net::TcpStream::connect(self.addr).await {
            Ok(stream) => stream,
            Err(error) => panic!("connect: {error}"),
        };
        let (mut sender, connection) =
            match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
                Ok(pair) => pair,
                Err(error) => panic!("handshake: {error}"),
            };
        tokio::spawn(connection);
        let mut builder = Request::builder()
            .method(methode)
            .uri(chemin)
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        let request = builder
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

    async fn post(&self, chemin: &str, cookie: &str, corps: Value) -> Value {
        let (status, reponse) = self
            .requete("POST", chemin, Some(cookie), &corps.to_string())
            .await;
        assert!(status.is_success(), "{chemin}: {status} {reponse}");
        reponse
    }

    /// One page of the feed: (status, body).
    async fn page(&self, cookie: &str, query: &str) -> (StatusCode, Value) {
        self.requete(
            "GET",
            &format!("/portail/v1/evenements{query}"),
            Some(cookie),
            "",
        )
        .await
    }

    /// Every event after `depuis`, page after page: (events, last id).
    async fn tout(&self, cookie: &str, mut depuis: i64) -> (Vec<Value>, i64) {
        let mut evenements = Vec::new();
        loop {
            let (status, page) = self
                .page(cookie, &format!("?depuis={depuis}&limite=200"))
                .await;
            assert_eq!(status, StatusCode::OK, "{page}");
            evenements.extend(page["evenements"].as_array().cloned().unwrap_or_default());
            depuis = page["dernierId"].as_i64().unwrap_or(depuis);
            if page["suite"] != true {
                return (evenements, depuis);
            }
        }
    }

    /// Submits a SAISIE_API invoice of the demo supplier for `designation` (an identical body within ten
    /// minutes would be a retry): (identifiantFactureCPP, numeroFacture).
    async fn soumettre(&self, cookie: &str, designation: &str) -> (i64, String) {
        let corps = json!({
            "modeDepot": "SAISIE_API",
            "destinataire": {"codeDestinataire": "21310000100014"},
            "fournisseur": {"idFournisseur": ID_FOURNISSEUR_DEMO},
            "lignePoste": [{"lignePosteNumero": 1, "lignePosteDenomination": designation, "lignePosteQuantite": 1, "lignePosteMontantUnitaireHT": 1}]
        });
        let reponse = self
            .post("/cpro/factures/v1/soumettre", cookie, corps)
            .await;
        assert_eq!(reponse["codeRetour"], 0, "{reponse}");
        (
            reponse["identifiantFactureCPP"]
                .as_i64()
                .unwrap_or_default(),
            reponse["numeroFacture"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    }
}

fn ids(evenements: &[Value]) -> Vec<i64> {
    evenements.iter().filter_map(|e| e["id"].as_i64()).collect()
}

fn de_la_facture(evenements: &[Value], id_facture: i64) -> Vec<Value> {
    evenements
        .iter()
        .filter(|e| e["idFacture"] == id_facture)
        .cloned()
        .collect()
}

fn statuts(evenements: &[Value]) -> Vec<String> {
    evenements
        .iter()
        .filter_map(|e| e["statut"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn the_simulation_clock_s_status_changes_appear_in_order_and_only_for_the_supplier() {
    let (router, state) = routeur_et_etat().await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let autre = connecter(&router, AUTRE_EMAIL).await;
    let serveur = demarrer(state).await;
    let (_, depart) = serveur.tout(&demo, 0).await;

    let (id_facture, numero) = serveur.soumettre(&demo, "Prestation").await;
    let horloge = serveur
        .post(
            "/portail/v1/simulation/horloge/avancer",
            &demo,
            json!({"minutes": 15}),
        )
        .await;
    assert!(horloge["changements"].as_i64().unwrap_or_default() >= 2);

    let (nouveaux, dernier) = serveur.tout(&demo, depart).await;
    let facture = de_la_facture(&nouveaux, id_facture);
    assert_eq!(
        statuts(&facture),
        ["DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"],
        "{nouveaux:?}"
    );
    let numeros = ids(&facture);
    assert!(numeros.windows(2).all(|w| w[0] < w[1]), "{numeros:?}");
    assert!(numeros.iter().all(|id| *id > depart));
    assert_eq!(dernier, ids(&nouveaux).last().copied().unwrap_or(depart));
    let mise_a_disposition = &facture[2];
    assert_eq!(mise_a_disposition["type"], "FACTURE_STATUT");
    assert_eq!(mise_a_disposition["numeroFacture"], numero.as_str());
    assert_eq!(mise_a_disposition["idStructureCPP"], ID_FOURNISSEUR_DEMO);
    assert_eq!(
        mise_a_disposition["libelle"],
        format!("Facture {numero} : Mise à disposition")
    );
    let horodatage = mise_a_disposition["horodatage"]
        .as_str()
        .unwrap_or_default();
    assert!(
        chrono::DateTime::parse_from_rfc3339(horodatage).is_ok() && horodatage.ends_with('Z'),
        "{horodatage}"
    );
    // Dated by the sandbox clock: routing took 5 + 5 minutes after the deposit.
    let date = |e: &Value| {
        chrono::DateTime::parse_from_rfc3339(e["horodatage"].as_str().unwrap_or_default()).ok()
    };
    assert_eq!(
        date(&facture[2])
            .zip(date(&facture[0]))
            .map(|(b, a)| (b - a).num_minutes()),
        Some(10)
    );

    // Resuming after the deposit gives the two later steps only; after the last one, nothing.
    let (status, suite) = serveur
        .page(&demo, &format!("?depuis={}", numeros[0]))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        statuts(&de_la_facture(
            suite["evenements"].as_array().map_or(&[][..], |v| v),
            id_facture
        )),
        ["EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"]
    );
    let (_, rien) = serveur.page(&demo, &format!("?depuis={dernier}")).await;
    assert_eq!(rien["evenements"], json!([]));
    assert_eq!(rien["dernierId"], dernier);
    assert_eq!(rien["suite"], false);

    // The other supplier never sees the demo supplier's invoices.
    let (siens, _) = serveur.tout(&autre, 0).await;
    assert!(de_la_facture(&siens, id_facture).is_empty());
    assert!(
        siens
            .iter()
            .all(|e| e["idStructureCPP"] != ID_FOURNISSEUR_DEMO),
        "{siens:?}"
    );

    // Signed out: 401 with the usual body.
    let (status, corps) = serveur
        .requete("GET", "/portail/v1/evenements", None, "")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(corps["codeRetour"], 401);
    let (status, _) = serveur
        .requete(
            "GET",
            "/portail/v1/evenements",
            Some("passerelle_session=inconnue"),
            "",
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn limite_pages_the_feed_within_its_bounds() {
    let (router, state) = routeur_et_etat().await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let serveur = demarrer(state).await;
    let (_, depart) = serveur.tout(&demo, 0).await;
    // 20 deposits and their two routing steps: 60 events.
    for n in 0..20 {
        serveur.soumettre(&demo, &format!("Prestation {n}")).await;
    }
    serveur
        .post(
            "/portail/v1/simulation/horloge/avancer",
            &demo,
            json!({"minutes": 15}),
        )
        .await;

    let (status, defaut) = serveur.page(&demo, &format!("?depuis={depart}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(defaut["evenements"].as_array().map(Vec::len), Some(50));
    assert_eq!(defaut["suite"], true);
    let (_, tout) = serveur
        .page(&demo, &format!("?depuis={depart}&limite=200"))
        .await;
    let tous = tout["evenements"].as_array().cloned().unwrap_or_default();
    assert_eq!(tous.len(), 60);
    assert_eq!(tout["suite"], false);

    // Pages of 25 give the same events, once each, in the same order.
    let mut pages = Vec::new();
    let mut depuis = depart;
    loop {
        let (_, page) = serveur
            .page(&demo, &format!("?depuis={depuis}&limite=25"))
            .await;
        let evenements = page["evenements"].as_array().cloned().unwrap_or_default();
        assert!(evenements.len() <= 25);
        pages.extend(evenements);
        depuis = page["dernierId"].as_i64().unwrap_or_default();
        if page["suite"] != true {
            break;
        }
    }
    assert_eq!(ids(&pages), ids(&tous));

    for query in [
        "?limite=201",
        "?limite=0",
        "?limite=beaucoup",
        "?depuis=-1",
        "?depuis=x",
    ] {
        let (status, corps) = serveur.page(&demo, query).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {corps}");
        let champ = if query.contains("limite") {
            "limite"
        } else {
            "depuis"
        };
        assert_eq!(corps["erreurs"][0]["champ"], champ, "{query}: {corps}");
    }
}

#[tokio::test]
async fn a_decided_request_is_told_to_its_requester_who_then_sees_the_structure_s_invoices() {
    let (router, state) = routeur_et_etat().await;
    let email = "evenements@exemple.test";
    creer_et_activer(&router, email).await;
    let nouvelle = connecter_avec_code(&router, email).await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let autre = connecter(&router, AUTRE_EMAIL).await;
    let serveur = demarrer(state).await;

    let (avant, _) = serveur.tout(&nouvelle, 0).await;
    assert_eq!(avant, Vec::<Value>::new(), "no structure yet, no event");
    let (_, depart_demo) = serveur.tout(&demo, 0).await;
    let (_, depart_autre) = serveur.tout(&autre, 0).await;

    let demande = serveur
        .post(
            "/portail/v1/rattachements",
            &nouvelle,
            json!({"typeIdentifiant": "SIRET", "identifiant": "80000001000010", "commentaire": "Nouvelle comptable."}),
        )
        .await;
    let id_demande = demande["id"].as_i64().unwrap_or_default();
    let (id_facture, _) = serveur.soumettre(&demo, "Prestation").await;
    let (pendant, _) = serveur.tout(&nouvelle, 0).await;
    assert_eq!(pendant, Vec::<Value>::new(), "pending: nothing to see");

    serveur
        .post(
            &format!("/portail/v1/rattachements/{id_demande}/decision"),
            &demo,
            json!({"accepter": true, "habilitation": "CONSULTATION"}),
        )
        .await;
    let (apres, _) = serveur.tout(&nouvelle, 0).await;
    let decision: Vec<&Value> = apres
        .iter()
        .filter(|e| e["type"] == "RATTACHEMENT")
        .collect();
    assert_eq!(decision.len(), 1, "{apres:?}");
    assert_eq!(decision[0]["idDemande"], id_demande);
    assert_eq!(decision[0]["statut"], "ACCEPTEE");
    assert_eq!(decision[0]["idStructureCPP"], ID_FOURNISSEUR_DEMO);
    assert!(
        decision[0]["libelle"]
            .as_str()
            .is_some_and(|l| l.starts_with("Rattachement à ") && l.contains("accepté")),
        "{}",
        decision[0]
    );
    // Attached with consultation: the structure's invoices are in the feed now.
    assert_eq!(statuts(&de_la_facture(&apres, id_facture)), ["DEPOSEE"]);
    // The decision is the requester's: neither the gestionnaire nor another user gets it.
    for (cookie, depart) in [(&demo, depart_demo), (&autre, depart_autre)] {
        let (leurs, _) = serveur.tout(cookie, depart).await;
        assert!(
            leurs.iter().all(|e| e["type"] != "RATTACHEMENT"),
            "{leurs:?}"
        );
    }

    // Detached by the gestionnaire: the structure's invoices leave the feed at once, the decision stays.
    let (_, membres) = serveur
        .requete(
            "GET",
            &format!("/portail/v1/gestionnaire/structures/{ID_FOURNISSEUR_DEMO}/utilisateurs"),
            Some(&demo),
            "",
        )
        .await;
    let id_utilisateur = membres["utilisateurs"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["email"] == email))
        .and_then(|m| m["idUtilisateur"].as_i64())
        .unwrap_or_else(|| panic!("{email} not in {membres}"));
    let (status, _) = serveur
        .requete(
            "DELETE",
            &format!(
                "/portail/v1/gestionnaire/structures/{ID_FOURNISSEUR_DEMO}/utilisateurs/{id_utilisateur}"
            ),
            Some(&demo),
            "",
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (detachee, _) = serveur.tout(&nouvelle, 0).await;
    assert!(
        de_la_facture(&detachee, id_facture).is_empty(),
        "{detachee:?}"
    );
    assert_eq!(
        ids(&detachee),
        [decision[0]["id"].as_i64().unwrap_or_default()]
    );
}

#[tokio::test]
async fn sollicitation_activity_reaches_its_emitter_and_structure_only() {
    let (router, state) = routeur_et_etat().await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let autre = connecter(&router, AUTRE_EMAIL).await;
    let serveur = demarrer(state).await;
    let (_, depart) = serveur.tout(&demo, 0).await;
    let (_, depart_autre) = serveur.tout(&autre, 0).await;

    let creee = serveur
        .post(
            "/portail/v1/sollicitations",
            &demo,
            json!({"categorie": "AUTRE", "sousCategorie": "QUESTION_GENERALE", "sujet": "Délai de paiement", "description": "Détail"}),
        )
        .await;
    let id = creee["id"].as_i64().unwrap_or_default();
    serveur
        .post(
            &format!("/portail/v1/simulation/sollicitations/{id}/repondre"),
            &demo,
            json!({"texte": "Pouvez-vous préciser ?"}),
        )
        .await;
    serveur
        .post(
            &format!("/portail/v1/simulation/sollicitations/{id}/repondre"),
            &demo,
            json!({"texte": "Voici la solution.", "statut": "RESOLU"}),
        )
        .await;

    let (nouveaux, _) = serveur.tout(&demo, depart).await;
    let siens: Vec<&Value> = nouveaux
        .iter()
        .filter(|e| e["type"] == "SOLLICITATION" && e["idSollicitation"] == id)
        .collect();
    let resume: Vec<(&str, &str)> = siens
        .iter()
        .map(|e| {
            (
                e["statut"].as_str().unwrap_or_default(),
                e["libelle"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        resume,
        [
            ("OUVERT", "Sollicitation « Délai de paiement » créée"),
            (
                "OUVERT",
                "Sollicitation « Délai de paiement » : nouvelle réponse du destinataire"
            ),
            (
                "RESOLU",
                "Sollicitation « Délai de paiement » : statut Résolu"
            ),
        ]
    );
    let (leurs, _) = serveur.tout(&autre, depart_autre).await;
    assert!(
        leurs.iter().all(|e| e["idSollicitation"] != id),
        "{leurs:?}"
    );
}
