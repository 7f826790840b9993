//! passerelle-server: a Chorus Pro-compatible sandbox (real paths, field names and `codeRetour`
//! semantics) or, in gateway mode, a forwarder of that API to PISTE; the portal API of the Passerelle SPA
//! (`/portail/v1`), and the host of the built SPA.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! let settings = passerelle_server::config::Settings::default();
//! let state = passerelle_server::AppState::open(settings).await?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! passerelle_server::serve(listener, state, std::future::pending()).await?;
//! # Ok(()) }
//! ```
//!
//! **Invariant:** only `db` speaks SQL. **Invariant:** every error answer is `{codeRetour, libelle}`.

pub mod auth;
pub mod chorus;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod gateway;
pub mod health;
pub mod portail;
pub mod seed;
pub mod seed_volume;
pub mod spa;

use std::future::Future;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post, put};
use axum::{middleware, Router};
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;

use crate::auth::Hasher;
use crate::clock::Clock;
use crate::config::{DbLocation, Settings};
use crate::db::{Db, DbError};

/// Largest request body accepted: a 10 MB document in base64 (+33 %) with its JSON envelope.
/// Above it the answer is 413; the per-document 10 MB rule is checked on the decoded bytes.
pub const TAILLE_MAX_CORPS: usize = 16 * 1024 * 1024;

/// Everything the handlers share (cheap to clone).
#[derive(Debug, Clone)]
pub struct AppState {
    /// Repository.
    pub db: Db,
    /// Runtime settings.
    pub settings: Arc<Settings>,
    /// Sandbox clock (advanced by the simulation).
    pub clock: Clock,
    /// Password hasher.
    pub hasher: Hasher,
    /// Recently verified `cpro-account` headers.
    pub comptes: chorus::compte::CacheComptes,
    /// A hash verified when a login e-mail is unknown, so that unknown and known accounts take the same time.
    pub hash_leurre: Arc<str>,
    /// Gateway mode: the forwarder to PISTE; `None` in sandbox mode.
    pub gateway: Option<Arc<gateway::Gateway>>,
    /// Held by `soumettre` from its duplicate checks (same key, same number) to the invoice's creation,
    /// so that two concurrent identical calls create one invoice (the sandbox's scale allows one lock).
    pub verrou_soumission: Arc<tokio::sync::Mutex<()>>,
}

/// Why the server state cannot be set up.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Occurs when the database cannot be opened, migrated or seeded.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Occurs when the gateway's HTTP client cannot be built.
    #[error("gateway: {0}")]
    Gateway(#[from] gateway::GatewayError),
}

impl AppState {
    /// Opens the database (migrating and seeding it as the settings say) with the standard password cost,
    /// and sets up the gateway when the settings have an upstream.
    pub async fn open(settings: Settings) -> Result<AppState, OpenError> {
        let gateway = settings.gateway.clone();
        let mut state = AppState::open_with(settings, Hasher::standard(), true).await?;
        state.gateway = gateway
            .map(|reglages| gateway::Gateway::new(reglages, state.db.clone()))
            .transpose()?
            .map(Arc::new);
        Ok(state)
    }

    async fn open_with(
        settings: Settings,
        hasher: Hasher,
        factures_demo: bool,
    ) -> Result<AppState, DbError> {
        let standard = hasher.est_standard();
        let hash_for = |hasher: Hasher, password: &'static str| async move {
            tokio::task::spawn_blocking(move || hasher.hacher(password))
                .await
                .map_err(|e| DbError::Seed(e.to_string()))?
                .map_err(|e| DbError::Seed(e.to_string()))
        };
        // With the standard cost the hashes are precomputed: argon2 is slow in debug builds and the
        // end-to-end tests start a fresh server each run.
        let hash_leurre = if standard {
            seed::HASH_LEURRE_STANDARD.to_owned()
        } else {
            hash_for(hasher.clone(), "leurre: aucun compte").await?
        };
        let demo_hash = match (settings.seed, standard) {
            (false, _) => None,
            (true, true) => Some(seed::HASH_DEMO_STANDARD.to_owned()),
            (true, false) => Some(hash_for(hasher.clone(), seed::DEMO_MOT_DE_PASSE).await?),
        };
        let db = Db::open(&settings.db, demo_hash, factures_demo).await?;
        Ok(AppState {
            db,
            settings: Arc::new(settings),
            clock: Clock::default(),
            hasher,
            hash_leurre: hash_leurre.into(),
            verrou_soumission: Arc::default(),
            comptes: Default::default(),
            gateway: None,
        })
    }
}

/// A state for tests: seeded in-memory database without the demo invoices, cheap password hashing,
/// no SPA folder.
pub async fn test_state() -> Result<AppState, DbError> {
    AppState::open_with(test_settings(), Hasher::rapide_pour_tests(), false).await
}

/// Like [`test_state`], with the demo invoices (one per lifecycle step) of the demo supplier.
pub async fn test_state_avec_factures_demo() -> Result<AppState, DbError> {
    AppState::open_with(test_settings(), Hasher::rapide_pour_tests(), true).await
}

fn test_settings() -> Settings {
    Settings {
        db: DbLocation::Memory,
        dist: std::path::PathBuf::from("/nonexistent/passerelle-dist"),
        ..Settings::default()
    }
}

/// The whole HTTP application: the Chorus Pro API comes from the sandbox, or from PISTE in gateway mode.
pub fn app(state: AppState) -> Router {
    let api = if state.gateway.is_some() {
        api_transmise()
    } else {
        api_bac_a_sable()
    };
    let portail = Router::new()
        .route("/session/connexion", post(portail::session::connexion))
        .route("/session", get(portail::session::courante))
        .route("/session/deconnexion", post(portail::session::deconnexion))
        .route(
            "/session/second-facteur",
            post(portail::second_facteur::verifier),
        )
        .route("/outbox", get(portail::outbox::lire))
        .route("/comptes", post(portail::comptes::creer))
        .route("/comptes/defi", get(portail::comptes::defi))
        .route("/comptes/activation", post(portail::comptes::activer))
        .route(
            "/comptes/mot-de-passe-oublie",
            post(portail::acces::mot_de_passe_oublie),
        )
        .route(
            "/comptes/reinitialisation",
            post(portail::acces::reinitialiser),
        )
        .route(
            "/compte",
            get(portail::mon_compte::profil).put(portail::mon_compte::modifier),
        )
        .route(
            "/compte/mot-de-passe",
            post(portail::mon_compte::changer_mot_de_passe),
        )
        .route(
            "/compte/totp/suppression",
            post(portail::mon_compte::supprimer_totp),
        )
        .route(
            "/compte/totp/enrolement",
            post(portail::second_facteur::enrolement),
        )
        .route(
            "/compte/totp/confirmation",
            post(portail::second_facteur::confirmation),
        )
        .route("/registre/{siret}", get(portail::structures::registre))
        .route(
            "/structures",
            get(portail::structures::rechercher).post(portail::structures::creer),
        )
        .route("/rattachements", post(portail::rattachements::demander))
        .route(
            "/rattachements/a-traiter",
            get(portail::rattachements::a_traiter),
        )
        .route(
            "/rattachements/{id}/decision",
            post(portail::rattachements::decider),
        )
        .route(
            "/compte/demandes",
            get(portail::rattachements::mes_demandes),
        )
        .route(
            "/compte/habilitations",
            get(portail::habilitations::habilitations),
        )
        .route("/evenements", get(portail::evenements::lister))
        // Activités du gestionnaire.
        .route(
            "/gestionnaire/structures",
            get(portail::gestionnaire::structures),
        )
        .route(
            "/gestionnaire/structures/{id}/espaces",
            get(portail::gestionnaire::espaces),
        )
        .route(
            "/gestionnaire/structures/{id}/espaces/{espace}",
            put(portail::gestionnaire::changer_espace),
        )
        .route(
            "/gestionnaire/structures/{id}/utilisateurs",
            get(portail::gestionnaire::utilisateurs),
        )
        .route(
            "/gestionnaire/structures/{id}/utilisateurs/{idUtilisateur}",
            put(portail::gestionnaire::modifier_utilisateur)
                .delete(portail::gestionnaire::detacher_utilisateur),
        )
        .route(
            "/gestionnaire/structures/{id}/services",
            get(portail::gestionnaire::services).post(portail::gestionnaire::creer_service),
        )
        .route(
            "/gestionnaire/structures/{id}/services/{idService}/etat",
            post(portail::gestionnaire::changer_etat_service),
        )
        .route(
            "/gestionnaire/structures/{id}/coordonnees-bancaires",
            get(portail::gestionnaire::comptes_bancaires)
                .post(portail::gestionnaire::ajouter_compte_bancaire),
        )
        .route(
            "/gestionnaire/structures/{id}/coordonnees-bancaires/{idCoordonneeBancaire}/desactivation",
            post(portail::gestionnaire::desactiver_compte_bancaire),
        )
        .route(
            "/travaux/situations",
            get(portail::travaux::lister).post(portail::travaux::creer),
        )
        .route(
            "/travaux/situations/{id}",
            axum::routing::put(portail::travaux::modifier),
        )
        .route(
            "/travaux/situations/{id}/validation-conducteur",
            post(portail::travaux::valider_conducteur),
        )
        .route(
            "/travaux/situations/{id}/validation-finale",
            post(portail::travaux::valider_finale),
        )
        .route(
            "/travaux/situations/{id}/annulation-envoi",
            post(portail::travaux::annuler_envoi),
        )
        .route(
            "/travaux/situations/{id}/transmission",
            post(portail::travaux::transmettre_maintenant),
        )
        .route(
            "/travaux/preferences",
            axum::routing::put(portail::travaux::changer_preferences),
        )
        .route(
            "/simulation/horloge/avancer",
            post(portail::simulation::avancer),
        )
        .route(
            "/simulation/factures/traiter",
            post(portail::simulation::traiter),
        );
    // Sollicitations (support tickets) and their simulated recipient.
    use portail::sollicitations as sol;
    let portail = portail
        .route("/sollicitations", get(sol::lister).post(sol::creer))
        .route("/sollicitations/{id}", get(sol::lire))
        .route("/sollicitations/{id}/messages", post(sol::ajouter_message))
        .route("/sollicitations/{id}/cloturer", post(sol::cloturer))
        .route(
            "/sollicitations/{id}/accepter-solution",
            post(sol::accepter_solution),
        )
        .route("/sollicitations/{id}/rouvrir", post(sol::rouvrir))
        .route(
            "/sollicitations/{id}/pieces/{idPiece}",
            get(sol::telecharger_piece),
        )
        .route(
            "/simulation/sollicitations/{id}/repondre",
            post(sol::simuler_reponse),
        );
    Router::new()
        .route("/health", get(health::health))
        .merge(api)
        .nest("/portail/v1", portail)
        .fallback(spa::fallback)
        .layer(middleware::map_response_with_state(
            state.clone(),
            spa::security_headers,
        ))
        .layer(DefaultBodyLimit::max(TAILLE_MAX_CORPS))
        // Gzip whatever the client accepts and is not encoded yet (the SPA's assets come precompressed
        // from `cargo xtask`; a Trunk dev build does not, and is compressed here).
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Gateway mode: every Chorus Pro path goes to [`gateway::transmettre`], which checks path and method.
fn api_transmise() -> Router<AppState> {
    Router::new()
        .route(gateway::CHEMIN_HEALTH_CHECK, any(gateway::transmettre))
        .route("/cpro/{api}/v1/{*operation}", any(gateway::transmettre))
}

/// Sandbox mode: the Chorus Pro API answered from the database, and its PISTE-style token endpoint.
fn api_bac_a_sable() -> Router<AppState> {
    let structures = Router::new()
        .route("/rechercher", post(chorus::structures::rechercher))
        .route("/consulter", post(chorus::structures::consulter))
        .route(
            "/rechercher/services",
            post(chorus::structures::rechercher_services),
        )
        .route(
            "/consulter/service",
            post(chorus::structures::consulter_service),
        );
    use chorus::transverses as t;
    let transverses = Router::new()
        .route("/health-check", get(health::health_check))
        .route(
            "/recuperer/structures/actives/fournisseur",
            post(t::structures_actives_fournisseur),
        )
        .route("/ajouter/fichier", post(t::ajouter_fichier))
        .route("/recuperer/tauxtva", post(t::taux_tva))
        .route("/recuperer/devises", post(t::devises))
        .route("/recuperer/pays", post(t::pays))
        .route("/recuperer/modereglements", post(t::modes_reglement))
        .route("/recuperer/modedepot", post(t::modes_depot))
        .route("/recuperer/cadrefacturation", post(t::cadres_facturation))
        .route(
            "/recuperer/motifs/exonerationtva",
            post(t::motifs_exoneration),
        )
        .route("/recuperer/typespj", post(t::types_piece_jointe))
        .route("/recuperer/etat/typedp", post(t::etats_type_dp))
        .route("/recuperer/etats/traitement", post(t::etats_traitement))
        .route(
            "/recuperer/coordbanc/valides",
            post(t::coordonnees_bancaires_valides),
        )
        .route(
            "/consulterCRDetaille",
            post(chorus::flux::consulter_cr_detaille),
        );
    let factures = Router::new()
        .route("/deposer/pdf", post(chorus::factures::deposer_pdf))
        .route("/soumettre", post(chorus::factures::soumettre))
        .route(
            "/rechercher/fournisseur",
            post(chorus::factures::rechercher_fournisseur),
        )
        .route(
            "/rechercher/atraiter/fournisseur",
            post(chorus::factures::rechercher_a_traiter_fournisseur),
        )
        .route(
            "/consulter/fournisseur",
            post(chorus::factures::consulter_fournisseur),
        )
        .route(
            "/consulter/historique",
            post(chorus::factures::consulter_historique),
        )
        .route("/recycler", post(chorus::factures::recycler))
        .route("/completer", post(chorus::factures::completer))
        .route("/traiterRejet", post(chorus::factures::traiter_rejet))
        .route(
            "/corriger/valideur/facture",
            post(chorus::factures::corriger_valideur),
        )
        .route(
            "/telecharger/groupe",
            post(chorus::telechargement::telecharger_groupe),
        )
        .route("/deposer/flux", post(chorus::flux::deposer_flux));
    Router::new()
        .route("/api/oauth/token", post(chorus::oauth::token))
        .nest("/cpro/transverses/v1", transverses)
        .route(
            "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements",
            post(chorus::utilisateurs::rattachements),
        )
        .nest("/cpro/structures/v1", structures)
        .nest("/cpro/factures/v1", factures)
}

/// Serves the application on `listener` until `shutdown` completes, then drains open connections.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}
