//! Activités du gestionnaire over a real socket: users and their habilitations per espace, services seen
//! by the Chorus Pro directory operations, bank accounts offered by `recuperer/coordbanc/valides`, and
//! every refusal (not a gestionnaire, another structure, bad IBAN, duplicate code, last principal).

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::portail::*;
use common::*;
use http_body_util::BodyExt as _;
use hyper_util::rt::TokioIo;
use passerelle_server::seed::{AUTRE_EMAIL, DEMO_EMAIL, ID_FOURNISSEUR_AUTRE, ID_FOURNISSEUR_DEMO};
use passerelle_server::serve;
use serde_json::{json, Value};

const SIRET_DEMO: &str = "80000001000010";
const IBAN_BON: &str = "FR76 3000 4000 0312 3456 7890 143";
const IBAN_BON_COMPACT: &str = "FR7630004000031234567890143";

/// A server on a loopback port, stopped when dropped.
struct Serveur {
    addr: std::net::SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Serveur {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn demarrer(state: passerelle_server::AppState) -> Serveur {
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
    Serveur {
        addr,
        stop: Some(stop),
    }
}

impl Serveur {
    /// One HTTP/1.1 request on a fresh connection: (status, JSON body).
    async fn requete(
        &self,
        methode: &str,
        chemin: &str,
        cookie: &str,
        corps: Option<Value>,
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
        let request = Request::builder()
            .method(methode)
            .uri(chemin)
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, cookie)
            .body(Body::from(corps.map(|c| c.to_string()).unwrap_or_default()))
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

    async fn get(&self, chemin: &str, cookie: &str) -> (StatusCode, Value) {
        self.requete("GET", chemin, cookie, None).await
    }

    async fn post(&self, chemin: &str, cookie: &str, corps: Value) -> (StatusCode, Value) {
        self.requete("POST", chemin, cookie, Some(corps)).await
    }
}

fn chemin(id: i64, suite: &str) -> String {
    format!("/portail/v1/gestionnaire/structures/{id}{suite}")
}

fn champs(corps: &Value) -> Vec<String> {
    corps["erreurs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|e| e["champ"].as_str().map(str::to_owned))
        .collect()
}

/// A new account attached to the demo supplier through an accepted request: (cookie, user id).
async fn rattacher(
    router: &axum::Router,
    serveur: &Serveur,
    demo: &str,
    email: &str,
) -> (String, i64) {
    creer_et_activer(router, email).await;
    let cookie = connecter_avec_code(router, email).await;
    let (status, demande) = serveur
        .post(
            "/portail/v1/rattachements",
            &cookie,
            json!({"identifiant": SIRET_DEMO, "commentaire": "Comptabilité"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{demande}");
    let id = demande["id"].as_i64().unwrap_or_default();
    let (status, decision) = serveur
        .post(
            &format!("/portail/v1/rattachements/{id}/decision"),
            demo,
            json!({"accepter": true, "habilitation": "CONSULTATION"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{decision}");
    let (_, membres) = serveur
        .get(&chemin(ID_FOURNISSEUR_DEMO, "/utilisateurs"), demo)
        .await;
    let id_utilisateur = membres["utilisateurs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .find(|m| m["email"] == email)
        .and_then(|m| m["idUtilisateur"].as_i64())
        .unwrap_or_else(|| panic!("{email} not in {membres}"));
    (cookie, id_utilisateur)
}

#[tokio::test]
async fn a_gestionnaire_manages_users_and_their_habilitations_per_espace() {
    let (router, state) = routeur_et_etat().await;
    let serveur = demarrer(state).await;
    let demo = connecter(&router, DEMO_EMAIL).await;

    // The demo user manages the demo supplier only.
    let (status, gerees) = serveur
        .get("/portail/v1/gestionnaire/structures", &demo)
        .await;
    assert_eq!(status, StatusCode::OK, "{gerees}");
    assert_eq!(gerees["structures"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        gerees["structures"][0]["idStructureCPP"],
        ID_FOURNISSEUR_DEMO
    );
    assert_eq!(gerees["structures"][0]["role"], "GESTIONNAIRE_PRINCIPAL");

    let email = "compta@fournisseur.test";
    let (cookie, id) = rattacher(&router, &serveur, &demo, email).await;
    // A plain user manages nothing and may not read the gestionnaires' screens.
    let (_, aucune) = serveur
        .get("/portail/v1/gestionnaire/structures", &cookie)
        .await;
    assert_eq!(aucune["structures"], json!([]));
    let (status, refus) = serveur
        .get(&chemin(ID_FOURNISSEUR_DEMO, "/utilisateurs"), &cookie)
        .await;
    assert_eq!(
        (status, refus["codeRetour"].clone()),
        (StatusCode::FORBIDDEN, json!(403))
    );

    let (_, membres) = serveur
        .get(&chemin(ID_FOURNISSEUR_DEMO, "/utilisateurs"), &demo)
        .await;
    let liste = membres["utilisateurs"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(liste.len(), 2, "{membres}");
    assert_eq!(liste[0]["email"], DEMO_EMAIL);
    assert_eq!(liste[0]["role"], "GESTIONNAIRE_PRINCIPAL");
    assert_eq!(
        liste[1]["habilitations"],
        json!([
            {"espace": "FACTURES_EMISES", "habilitation": "CONSULTATION"},
            {"espace": "SOLLICITATIONS", "habilitation": "CONSULTATION"}
        ])
    );

    // Modification on Sollicitations only: the user's own rights say so, Factures émises stays read-only.
    let membre = chemin(ID_FOURNISSEUR_DEMO, &format!("/utilisateurs/{id}"));
    let (status, change) = serveur
        .requete(
            "PUT",
            &membre,
            &demo,
            Some(json!({"habilitations": [{"espace": "SOLLICITATIONS", "habilitation": "MODIFICATION"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{change}");
    assert_eq!(change["habilitations"][1]["habilitation"], "MODIFICATION");
    let (_, miennes) = serveur
        .get("/portail/v1/compte/habilitations", &cookie)
        .await;
    let espaces = &miennes["habilitations"][0]["espaces"];
    assert_eq!(espaces[0]["espace"], "FACTURES_EMISES");
    assert_eq!(espaces[0]["modification"], false);
    assert_eq!(espaces[1]["espace"], "SOLLICITATIONS");
    assert_eq!(espaces[1]["modification"], true);
    assert_eq!(espaces[2]["consultation"], false);
    // The Sollicitations endpoints follow the espace's own right: this user may now open one.
    let (status, sollicitation) = serveur
        .post(
            "/portail/v1/sollicitations",
            &cookie,
            json!({"categorie": "AUTRE", "sousCategorie": "QUESTION_GENERALE", "sujet": "Question", "description": "Détail"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{sollicitation}");

    // Bad values are field errors.
    let (status, mauvais) = serveur
        .requete(
            "PUT",
            &membre,
            &demo,
            Some(json!({"role": "ADMIN", "habilitations": [{"espace": "FACTURES_EMISES", "habilitation": "TOUT"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&mauvais), ["role", "habilitations.FACTURES_EMISES"]);

    // Named gestionnaire secondaire: the structure's screens open to them.
    let (status, gestionnaire) = serveur
        .requete("PUT", &membre, &demo, Some(json!({"role": "GESTIONNAIRE"})))
        .await;
    assert_eq!(status, StatusCode::OK, "{gestionnaire}");
    let (_, gerees) = serveur
        .get("/portail/v1/gestionnaire/structures", &cookie)
        .await;
    assert_eq!(gerees["structures"][0]["role"], "GESTIONNAIRE");
    // A secondary cannot demote nor detach the principal.
    let principal = chemin(ID_FOURNISSEUR_DEMO, "/utilisateurs/1");
    let (status, _) = serveur
        .requete(
            "PUT",
            &principal,
            &cookie,
            Some(json!({"role": "UTILISATEUR"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = serveur.requete("DELETE", &principal, &cookie, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The last principal can be neither demoted nor detached, even by themselves.
    let (status, dernier) = serveur
        .requete(
            "PUT",
            &principal,
            &demo,
            Some(json!({"role": "GESTIONNAIRE"})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{dernier}");
    assert!(dernier["libelle"]
        .as_str()
        .is_some_and(|l| l.contains("dernier gestionnaire principal")));
    let (status, _) = serveur.requete("DELETE", &principal, &demo, None).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, toujours) = serveur
        .get(&chemin(ID_FOURNISSEUR_DEMO, "/utilisateurs"), &demo)
        .await;
    assert_eq!(
        toujours["utilisateurs"][0]["role"],
        "GESTIONNAIRE_PRINCIPAL"
    );
    // With a second principal, the first may step down.
    let (status, _) = serveur
        .requete(
            "PUT",
            &membre,
            &demo,
            Some(json!({"role": "GESTIONNAIRE_PRINCIPAL"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = serveur
        .requete(
            "PUT",
            &principal,
            &demo,
            Some(json!({"role": "GESTIONNAIRE"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = serveur
        .requete(
            "PUT",
            &principal,
            &cookie,
            Some(json!({"role": "GESTIONNAIRE_PRINCIPAL"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    // Detached: the user loses the structure at once.
    let (status, _) = serveur.requete("DELETE", &membre, &demo, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, apres) = serveur
        .get("/portail/v1/compte/habilitations", &cookie)
        .await;
    assert_eq!(apres["habilitations"], json!([]));
    let (status, _) = serveur.requete("DELETE", &membre, &demo, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, espaces) = serveur
        .get(&chemin(ID_FOURNISSEUR_DEMO, "/espaces"), &demo)
        .await;
    assert_eq!(
        espaces["espaces"],
        json!([
            {"espace": "FACTURES_EMISES", "actif": true, "utilisateursConsultation": 1, "utilisateursModification": 1},
            {"espace": "SOLLICITATIONS", "actif": true, "utilisateursConsultation": 1, "utilisateursModification": 1},
            {"espace": "ACTIVITES_GESTIONNAIRE", "actif": true, "utilisateursConsultation": 1, "utilisateursModification": 1}
        ])
    );
}

#[tokio::test]
async fn services_created_here_are_in_the_directory_answers() {
    let (router, state) = routeur_et_etat().await;
    let serveur = demarrer(state).await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let services = chemin(ID_FOURNISSEUR_DEMO, "/services");

    let (status, cree) = serveur
        .post(
            &services,
            &demo,
            json!({"code": " ATELIER-NORD ", "libelle": "Atelier de Villeurbanne"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{cree}");
    assert_eq!(cree["code"], "ATELIER-NORD");
    assert_eq!(cree["actif"], true);
    let id_service = cree["idService"].as_i64().unwrap_or_default();

    // Same code again, empty label, reserved code, code over 100 characters: on their field.
    let (status, double) = serveur
        .post(
            &services,
            &demo,
            json!({"code": "ATELIER-NORD", "libelle": "Bis"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&double), ["code"]);
    let (_, vide) = serveur
        .post(&services, &demo, json!({"code": "X", "libelle": " "}))
        .await;
    assert_eq!(champs(&vide), ["libelle"]);
    let (_, reserve) = serveur
        .post(
            &services,
            &demo,
            json!({"code": "FACTURES_PUBLIQUES", "libelle": "x"}),
        )
        .await;
    assert_eq!(champs(&reserve), ["code"]);
    let (_, long) = serveur
        .post(
            &services,
            &demo,
            json!({"code": "C".repeat(101), "libelle": "x"}),
        )
        .await;
    assert_eq!(champs(&long), ["code"]);

    // Chorus Pro's directory operations see it, active.
    let (_, recherche) = serveur
        .post(
            "/cpro/structures/v1/rechercher/services",
            &demo,
            json!({"idStructure": ID_FOURNISSEUR_DEMO}),
        )
        .await;
    let trouve = recherche["listeServices"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .find(|s| s["codeService"] == "ATELIER-NORD")
        .unwrap_or_else(|| panic!("service not found in {recherche}"));
    assert_eq!(trouve["estActif"], true);
    assert_eq!(trouve["libelleService"], "Atelier de Villeurbanne");
    let (_, detail) = serveur
        .post(
            "/cpro/structures/v1/consulter/service",
            &demo,
            json!({"idStructure": ID_FOURNISSEUR_DEMO, "idService": id_service}),
        )
        .await;
    assert_eq!(detail["codeRetour"], 0, "{detail}");
    assert_eq!(
        detail["informationsGenerales"]["codeService"],
        "ATELIER-NORD"
    );
    assert_eq!(detail["parametres"]["numeroEngagement"], false);

    // Deactivated: still listed, inactive everywhere.
    let etat = chemin(ID_FOURNISSEUR_DEMO, &format!("/services/{id_service}/etat"));
    let (status, inactif) = serveur.post(&etat, &demo, json!({"actif": false})).await;
    assert_eq!(status, StatusCode::OK, "{inactif}");
    assert_eq!(inactif["actif"], false);
    let (_, recherche) = serveur
        .post(
            "/cpro/structures/v1/rechercher/services",
            &demo,
            json!({"idStructure": ID_FOURNISSEUR_DEMO}),
        )
        .await;
    assert!(recherche["listeServices"]
        .as_array()
        .is_some_and(|l| l.iter().any(|s| s["codeService"] == "ATELIER-NORD"
            && s["estActif"] == false
            && s["statutService"] == "INACTIF")));
    let (_, liste) = serveur.get(&services, &demo).await;
    assert!(liste["services"].as_array().is_some_and(|l| l
        .iter()
        .any(|s| s["code"] == "ATELIER-NORD" && s["actif"] == false)));
    let (_, actif) = serveur.post(&etat, &demo, json!({"actif": true})).await;
    assert_eq!(actif["actif"], true);

    // Another structure's gestionnaire cannot list, create or switch them, nor reach a service by the
    // wrong structure.
    let autre = connecter(&router, AUTRE_EMAIL).await;
    assert_eq!(
        serveur.get(&services, &autre).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        serveur
            .post(&services, &autre, json!({"code": "Z", "libelle": "Z"}))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        serveur.post(&etat, &autre, json!({"actif": false})).await.0,
        StatusCode::FORBIDDEN
    );
    let par_autre_structure = chemin(
        ID_FOURNISSEUR_AUTRE,
        &format!("/services/{id_service}/etat"),
    );
    assert_eq!(
        serveur
            .post(&par_autre_structure, &autre, json!({"actif": false}))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    // Unknown or malformed structure ids look the same as someone else's.
    assert_eq!(
        serveur.get(&chemin(999, "/services"), &demo).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        serveur
            .get("/portail/v1/gestionnaire/structures/abc/services", &demo)
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(serveur.get(&services, "").await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn bank_accounts_added_here_are_offered_to_invoices() {
    let (router, state) = routeur_et_etat().await;
    let serveur = demarrer(state).await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let comptes = chemin(ID_FOURNISSEUR_DEMO, "/coordonnees-bancaires");
    let valides = || async {
        let (_, corps) = serveur
            .post(
                "/cpro/transverses/v1/recuperer/coordbanc/valides",
                &demo,
                json!({"idStructure": ID_FOURNISSEUR_DEMO}),
            )
            .await;
        corps["listeCoordonneeBancaire"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(valides().await.len(), 2);

    // A wrong check digit is refused on the iban field, in both languages.
    let (status, refus) = serveur
        .post(
            &comptes,
            &demo,
            json!({"nom": "Compte travaux", "titulaire": "PASSERELLE DEMO SARL",
                   "iban": "FR77 3000 4000 0312 3456 7890 143", "bic": "BNPAFRPP"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refus}");
    assert_eq!(champs(&refus), ["iban"]);
    assert!(refus["erreurs"][0]["messageFr"]
        .as_str()
        .is_some_and(|m| m.contains("clé de contrôle")));
    assert!(refus["erreurs"][0]["messageEn"]
        .as_str()
        .is_some_and(|m| m.contains("check digits")));
    let (_, vide) = serveur.post(&comptes, &demo, json!({})).await;
    assert_eq!(champs(&vide), ["nom", "titulaire", "iban", "bic"]);
    assert_eq!(valides().await.len(), 2);

    let (status, ajoute) = serveur
        .post(
            &comptes,
            &demo,
            json!({"nom": "Compte travaux", "titulaire": "PASSERELLE DEMO SARL",
                   "iban": IBAN_BON, "bic": "bnpafrpp"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{ajoute}");
    assert_eq!(ajoute["iban"], IBAN_BON_COMPACT);
    assert_eq!(ajoute["bic"], "BNPAFRPP");
    assert_eq!(ajoute["valide"], true);
    let id = ajoute["idCoordonneeBancaire"].as_i64().unwrap_or_default();
    // The Déposer form's choice (recuperer/coordbanc/valides) offers it at once.
    assert!(
        valides()
            .await
            .iter()
            .any(|c| c["idCoordonneeBancaire"] == id
                && c["nomCoordonneeBancaire"] == "Compte travaux")
    );
    // The same IBAN twice is refused.
    let (status, double) = serveur
        .post(
            &comptes,
            &demo,
            json!({"nom": "Bis", "titulaire": "X", "iban": IBAN_BON_COMPACT, "bic": "BNPAFRPP"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(champs(&double), ["iban"]);

    // The list shows every account, seeded ones with the structure as holder.
    let (_, liste) = serveur.get(&comptes, &demo).await;
    let liste = liste["coordonneesBancaires"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(liste.len(), 4);
    assert_eq!(liste[0]["titulaire"], "PASSERELLE DEMO SARL");
    assert_eq!(liste[3]["valide"], false);

    // Deactivated: no longer offered to new invoices.
    let desactivation = chemin(
        ID_FOURNISSEUR_DEMO,
        &format!("/coordonnees-bancaires/{id}/desactivation"),
    );
    let (status, desactive) = serveur.post(&desactivation, &demo, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{desactive}");
    assert_eq!(desactive["valide"], false);
    assert!(!valides()
        .await
        .iter()
        .any(|c| c["idCoordonneeBancaire"] == id));

    // Nobody else may read or change them; another structure's account is unknown here.
    let autre = connecter(&router, AUTRE_EMAIL).await;
    assert_eq!(serveur.get(&comptes, &autre).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        serveur.post(&desactivation, &autre, json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    let compte_autre = chemin(
        ID_FOURNISSEUR_DEMO,
        &format!(
            "/coordonnees-bancaires/{}/desactivation",
            passerelle_server::seed::ID_COMPTE_AUTRE
        ),
    );
    assert_eq!(
        serveur.post(&compte_autre, &demo, json!({})).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_espace_turned_off_closes_it_to_everyone_attached_and_the_invoices_espace_governs_the_chorus_api(
) {
    let (router, state) = routeur_et_etat().await;
    let serveur = demarrer(state).await;
    let demo = connecter(&router, DEMO_EMAIL).await;
    let (cookie, id) = rattacher(&router, &serveur, &demo, "espaces@fournisseur.test").await;
    let rechercher = |cookie: String| {
        let serveur = &serveur;
        async move {
            serveur
                .post(
                    "/cpro/factures/v1/rechercher/fournisseur",
                    &cookie,
                    json!({"idFournisseur": ID_FOURNISSEUR_DEMO}),
                )
                .await
        }
    };
    // A per-espace habilitation on Factures émises governs the Chorus Pro API too: with MODIFICATION
    // there, a user attached in CONSULTATION submits an invoice.
    let membre = chemin(ID_FOURNISSEUR_DEMO, &format!("/utilisateurs/{id}"));
    let (status, _) = serveur
        .requete(
            "PUT",
            &membre,
            &demo,
            Some(json!({"habilitations": [{"espace": "FACTURES_EMISES", "habilitation": "MODIFICATION"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, depot) = serveur
        .post(
            "/cpro/factures/v1/soumettre",
            &cookie,
            json!({"modeDepot": "SAISIE_API", "destinataire": {"codeDestinataire": "21310000100014"}, "fournisseur": {"idFournisseur": ID_FOURNISSEUR_DEMO},
                   "lignePoste": [{"lignePosteNumero": 1, "lignePosteDenomination": "x", "lignePosteQuantite": 1, "lignePosteMontantUnitaireHT": 1}]}),
        )
        .await;
    assert_eq!(depot["codeRetour"], 0, "{depot}");
    let (status, avant) = rechercher(cookie.clone()).await;
    assert_eq!(status, StatusCode::OK, "{avant}");
    assert_eq!(avant["codeRetour"], 0, "{avant}");

    // Only the gestionnaire principal turns espaces on and off, and not the gestionnaires' own.
    let espace = chemin(ID_FOURNISSEUR_DEMO, "/espaces/FACTURES_EMISES");
    let (status, _) = serveur
        .requete("PUT", &espace, &cookie, Some(json!({"actif": false})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, refus) = serveur
        .requete(
            "PUT",
            &chemin(ID_FOURNISSEUR_DEMO, "/espaces/ACTIVITES_GESTIONNAIRE"),
            &demo,
            Some(json!({"actif": false})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refus}");
    assert_eq!(champs(&refus), ["espace"]);

    let (status, espaces) = serveur
        .requete("PUT", &espace, &demo, Some(json!({"actif": false})))
        .await;
    assert_eq!(status, StatusCode::OK, "{espaces}");
    assert_eq!(espaces["espaces"][0]["espace"], "FACTURES_EMISES");
    assert_eq!(espaces["espaces"][0]["actif"], false);
    assert_eq!(espaces["espaces"][0]["utilisateursConsultation"], 0);
    assert_eq!(espaces["espaces"][1]["actif"], true);

    // Off: the attached user reads nothing of the structure's invoices, in the API as in their rights…
    let (_, apres) = rechercher(cookie.clone()).await;
    assert_ne!(apres["codeRetour"], 0, "{apres}");
    let (_, miennes) = serveur
        .get("/portail/v1/compte/habilitations", &cookie)
        .await;
    assert_eq!(
        miennes["habilitations"][0]["espaces"][0]["consultation"],
        false
    );
    assert_eq!(
        miennes["habilitations"][0]["espaces"][1]["consultation"],
        true
    );
    // …and the principal's edit form still shows the habilitation as set, for when it comes back.
    let (_, membres) = serveur
        .get(&chemin(ID_FOURNISSEUR_DEMO, "/utilisateurs"), &demo)
        .await;
    let lui = membres["utilisateurs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .find(|m| m["idUtilisateur"] == id)
        .unwrap_or_default();
    assert_eq!(lui["habilitations"][0]["habilitation"], "MODIFICATION");
    assert_eq!(lui["droits"][0]["consultation"], false);

    // On again: as before.
    let (status, _) = serveur
        .requete("PUT", &espace, &demo, Some(json!({"actif": true})))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, retour) = rechercher(cookie).await;
    assert_eq!(retour["codeRetour"], 0, "{retour}");
}
