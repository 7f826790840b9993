//! Gateway mode: the Chorus Pro API of the SPA is forwarded to PISTE (api-reference §1).
//!
//! The server holds the PISTE application's credentials and the Chorus Pro technical account; the browser
//! only has its portal session. Each forwarded call carries `Authorization: Bearer <token>` (one OAuth2
//! client-credentials token, cached and renewed before expiry, fetched once for concurrent callers) and
//! `cpro-account: base64(login:password)`. On a 401 from PISTE the token is dropped, fetched again and the
//! call retried once. PISTE's own answers (status and `{codeRetour, libelle}` body) reach the SPA unchanged,
//! except a lasting 401, which is the server's configuration and not the user's session: it becomes a 502.
//!
//! A call with an `Idempotency-Key` (the SPA's `soumettre`) is answered once by PISTE and replayed on retry
//! ([`rejeu`], kept in the database so that a restart does not forget it). Such a call runs to its end even when
//! the browser gives up waiting: PISTE's answer is kept for the browser's retry.
//!
//! **Invariant:** no secret (client secret, technical account, token) is logged, put in an error or sent
//! to the browser; the browser's cookies and `Authorization` are never sent to PISTE.

pub mod rejeu;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::Deserialize;

use crate::auth::Utilisateur;
use crate::chorus::compte::EN_TETE_COMPTE;
use crate::chorus::factures::{CODE_IDEMPOTENCE, EN_TETE_IDEMPOTENCE};
use crate::config::{GatewaySettings, Secret};
use crate::db::Db;
use crate::error::{ApiError, Retour};
use crate::AppState;
use rejeu::{Decision, Rejeux, ReponseGardee};

/// API groups a supplier uses (api-reference §2); other `/cpro/...` paths are not forwarded.
pub const API_TRANSMISES: [&str; 4] = ["factures", "structures", "transverses", "utilisateurs"];

/// The one GET operation of the API (api-reference §2.3).
pub const CHEMIN_HEALTH_CHECK: &str = "/cpro/transverses/v1/health-check";

/// A token is renewed when less than this is left (capped at half its lifetime).
const MARGE_RENOUVELLEMENT: Duration = Duration::from_secs(60);

/// Lifetime assumed when the token answer has no `expires_in` (the value PISTE sends, api-reference §1.2).
const DUREE_JETON_PAR_DEFAUT: u64 = 3600;

/// Longest PISTE text copied into a `libelle`.
const LONGUEUR_MAX_DETAIL: usize = 200;

/// JSON content type of Chorus Pro requests (api-reference §1.3).
const JSON_UTF8: &str = "application/json;charset=utf-8";

/// Why a forwarded call failed on the way (PISTE's own refusals are answers, not errors).
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    /// Occurs when the HTTP client cannot be built (TLS set-up).
    #[error("http client: {0}")]
    Client(String),
    /// Occurs when PISTE does not answer within the timeout (HTTP 504 to the SPA).
    #[error("PISTE did not answer in time ({0})")]
    Delai(&'static str),
    /// Occurs when PISTE cannot be reached or the connection breaks (HTTP 502).
    #[error("PISTE unreachable ({etape}): {detail}")]
    Injoignable {
        /// `token` or `api`.
        etape: &'static str,
        /// Cause, without any secret.
        detail: String,
    },
    /// Occurs when the token endpoint refuses the application's credentials or answers garbage (HTTP 502).
    #[error("PISTE token refused: HTTP {status}: {detail}")]
    JetonRefuse {
        /// HTTP status of the token endpoint.
        status: u16,
        /// OAuth2 `error`/`error_description`, or what was wrong with the answer.
        detail: String,
    },
    /// Occurs when PISTE still answers 401 with a fresh token: the technical account or the API
    /// subscription is wrong (HTTP 502, so that the SPA does not take it for an expired session).
    #[error("PISTE refused the gateway's credentials: {0}")]
    AccesRefuse(String),
    /// Occurs on a path that is not a Chorus Pro operation the gateway forwards (HTTP 404).
    #[error("not forwarded: {0}")]
    CheminRefuse(String),
    /// Occurs on a forwarded path with the wrong method (HTTP 405; operations are POST, the health check GET).
    #[error("method not allowed on {0}")]
    MethodeRefusee(String),
}

impl GatewayError {
    fn status_and_retour(&self) -> (StatusCode, Retour) {
        let retour = |status: StatusCode, libelle: String| {
            (
                status,
                Retour {
                    code_retour: i32::from(status.as_u16()),
                    libelle,
                },
            )
        };
        match self {
            GatewayError::Client(_) => retour(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Erreur interne de la passerelle / Gateway internal error".into(),
            ),
            GatewayError::Delai(_) => retour(
                StatusCode::GATEWAY_TIMEOUT,
                "Chorus Pro (PISTE) n'a pas répondu à temps, réessayez plus tard / \
                 Chorus Pro (PISTE) did not answer in time, try again later"
                    .into(),
            ),
            GatewayError::Injoignable { .. } => retour(
                StatusCode::BAD_GATEWAY,
                "Chorus Pro (PISTE) est injoignable, réessayez plus tard / \
                 Chorus Pro (PISTE) cannot be reached, try again later"
                    .into(),
            ),
            GatewayError::JetonRefuse { status, detail } => retour(
                StatusCode::BAD_GATEWAY,
                format!(
                    "PISTE refuse les identifiants de l'application (HTTP {status} : {detail}) ; \
                     vérifiez PASSERELLE_PISTE_CLIENT_ID/SECRET sur le serveur / \
                     PISTE refused the application credentials; check the server's settings"
                ),
            ),
            GatewayError::AccesRefuse(detail) => retour(
                StatusCode::BAD_GATEWAY,
                format!(
                    "PISTE refuse l'accès de la passerelle ({detail}) : compte technique Chorus Pro \
                     ou abonnement à l'API à vérifier sur le serveur / PISTE refused the gateway's \
                     access: check the technical account and API subscription"
                ),
            ),
            GatewayError::MethodeRefusee(path) => retour(
                StatusCode::METHOD_NOT_ALLOWED,
                format!("Méthode non autorisée sur {path} / Method not allowed"),
            ),
            GatewayError::CheminRefuse(path) => retour(
                StatusCode::NOT_FOUND,
                format!("Ressource inconnue : {path}"),
            ),
        }
    }
}

impl IntoResponse for GatewayError {
    fn into_response(self) -> Response {
        tracing::warn!(error = %self, "gateway call failed");
        let (status, retour) = self.status_and_retour();
        (status, axum::Json(retour)).into_response()
    }
}

/// A token and the moment it must be renewed.
#[derive(Debug, Clone)]
struct JetonEnCache {
    valeur: Secret,
    renouveler_a: Instant,
}

/// Token endpoint answer (api-reference §1.2).
#[derive(Deserialize)]
struct ReponseJeton {
    access_token: String,
    /// Seconds, as a number (PISTE) or a numeric string (some OAuth2 servers).
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
}

impl ReponseJeton {
    fn duree(&self) -> u64 {
        match &self.expires_in {
            Some(serde_json::Value::Number(n)) => n.as_u64(),
            Some(serde_json::Value::String(texte)) => texte.trim().parse().ok(),
            _ => None,
        }
        .unwrap_or(DUREE_JETON_PAR_DEFAUT)
    }
}

/// OAuth2 error answer (api-reference §1.2).
#[derive(Deserialize)]
struct ErreurOAuth {
    #[serde(default)]
    error: String,
    #[serde(default)]
    error_description: String,
}

/// An upstream answer, read whole.
#[derive(Debug, Clone)]
struct ReponseAmont {
    status: StatusCode,
    content_type: Option<HeaderValue>,
    www_authenticate: Option<String>,
    corps: Bytes,
}

/// The forwarder to PISTE, shared by all requests.
#[derive(Debug)]
pub struct Gateway {
    client: reqwest::Client,
    settings: GatewaySettings,
    compte: HeaderValue,
    /// Held while a token is fetched, so that concurrent callers wait for that one fetch.
    jeton: tokio::sync::Mutex<Option<JetonEnCache>>,
    /// Successful answers of calls with an `Idempotency-Key`.
    rejeux: Rejeux,
}

impl Gateway {
    /// A gateway for these settings (no network access until the first call), keeping its `Idempotency-Key`
    /// answers in `db`.
    pub fn new(settings: GatewaySettings, db: Db) -> Result<Gateway, GatewayError> {
        let client = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(Duration::from_secs(10)))
            // A redirect would carry cpro-account to another host: PISTE does not redirect API calls.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("passerelle-server/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| GatewayError::Client(e.to_string()))?;
        let compte = en_tete_compte(&settings)?;
        Ok(Gateway {
            client,
            settings,
            compte,
            jeton: tokio::sync::Mutex::new(None),
            rejeux: Rejeux::new(db),
        })
    }

    /// The API base calls go to (not secret; shown by `/health`).
    pub fn api_base(&self) -> &str {
        &self.settings.api_base
    }

    /// Sends one Chorus Pro call (`path` is `/cpro/...` with its query) and returns PISTE's answer,
    /// retrying once with a new token when PISTE answers 401.
    async fn transmettre(
        &self,
        method: Method,
        path_and_query: &str,
        corps: Bytes,
    ) -> Result<ReponseAmont, GatewayError> {
        let jeton = self.jeton_valide().await?;
        let reponse = self
            .appeler(&method, path_and_query, &corps, &jeton)
            .await?;
        if reponse.status != StatusCode::UNAUTHORIZED {
            return Ok(reponse);
        }
        tracing::info!(path = %path_and_query, "PISTE answered 401: renewing the token and retrying once");
        self.oublier(&jeton).await;
        let jeton = self.jeton_valide().await?;
        let reponse = self
            .appeler(&method, path_and_query, &corps, &jeton)
            .await?;
        if reponse.status == StatusCode::UNAUTHORIZED {
            return Err(GatewayError::AccesRefuse(raison_401(&reponse)));
        }
        Ok(reponse)
    }

    async fn appeler(
        &self,
        method: &Method,
        path_and_query: &str,
        corps: &Bytes,
        jeton: &Secret,
    ) -> Result<ReponseAmont, GatewayError> {
        let url = format!("{}{path_and_query}", self.settings.api_base);
        let mut autorisation = HeaderValue::from_str(&format!("Bearer {}", jeton.exposer()))
            .map_err(|_| GatewayError::JetonRefuse {
                status: 200,
                detail: "access_token is not a valid header value".into(),
            })?;
        autorisation.set_sensitive(true);
        let mut requete = self
            .client
            .request(method.clone(), url)
            .header(header::AUTHORIZATION, autorisation)
            .header(EN_TETE_COMPTE, self.compte.clone())
            .header(header::ACCEPT, JSON_UTF8);
        if *method == Method::POST {
            requete = requete
                .header(header::CONTENT_TYPE, JSON_UTF8)
                .body(corps.clone());
        }
        let reponse = requete.send().await.map_err(|e| erreur_reseau("api", e))?;
        lire_reponse("api", reponse).await
    }

    /// The cached token, or a new one when there is none or it is about to expire.
    async fn jeton_valide(&self) -> Result<Secret, GatewayError> {
        let mut cache = self.jeton.lock().await;
        if let Some(jeton) = cache.as_ref().filter(|j| Instant::now() < j.renouveler_a) {
            return Ok(jeton.valeur.clone());
        }
        let nouveau = self.demander_jeton().await?;
        let valeur = nouveau.valeur.clone();
        *cache = Some(nouveau);
        Ok(valeur)
    }

    /// Drops the cached token if it is still the one PISTE refused (another caller may have renewed it).
    async fn oublier(&self, refuse: &Secret) {
        let mut cache = self.jeton.lock().await;
        if cache.as_ref().is_some_and(|j| j.valeur == *refuse) {
            *cache = None;
        }
    }

    async fn demander_jeton(&self) -> Result<JetonEnCache, GatewayError> {
        let identifiants = &self.settings.identifiants;
        let formulaire = [
            ("grant_type", "client_credentials"),
            ("client_id", identifiants.client_id.as_str()),
            ("client_secret", identifiants.client_secret.exposer()),
            ("scope", "openid"),
        ];
        let demande = Instant::now();
        let reponse = self
            .client
            .post(&self.settings.token_url)
            .header(header::ACCEPT, "application/json")
            .form(&formulaire)
            .send()
            .await
            .map_err(|e| erreur_reseau("token", e))?;
        let reponse = lire_reponse("token", reponse).await?;
        if !reponse.status.is_success() {
            return Err(GatewayError::JetonRefuse {
                status: reponse.status.as_u16(),
                detail: detail_oauth(&reponse.corps),
            });
        }
        let jeton: ReponseJeton =
            serde_json::from_slice(&reponse.corps).map_err(|_| GatewayError::JetonRefuse {
                status: reponse.status.as_u16(),
                detail: "answer without access_token".into(),
            })?;
        if jeton.access_token.is_empty() {
            return Err(GatewayError::JetonRefuse {
                status: reponse.status.as_u16(),
                detail: "empty access_token".into(),
            });
        }
        let duree = jeton.duree();
        tracing::info!(expires_in = duree, "PISTE token obtained");
        Ok(JetonEnCache {
            valeur: Secret::new(jeton.access_token),
            renouveler_a: demande + duree_utile(Duration::from_secs(duree)),
        })
    }
}

/// How long a token of this lifetime is used: until 60 s before expiry, or half its life when it is short.
fn duree_utile(duree: Duration) -> Duration {
    duree.saturating_sub(MARGE_RENOUVELLEMENT.min(duree / 2))
}

/// `cpro-account`: base64 of `login:password` (api-reference §1.3), marked sensitive.
fn en_tete_compte(settings: &GatewaySettings) -> Result<HeaderValue, GatewayError> {
    let identifiants = &settings.identifiants;
    let encode = STANDARD.encode(format!(
        "{}:{}",
        identifiants.cpro_login,
        identifiants.cpro_password.exposer()
    ));
    let mut valeur = HeaderValue::from_str(&encode)
        .map_err(|_| GatewayError::Client("cpro-account header".into()))?;
    valeur.set_sensitive(true);
    Ok(valeur)
}

fn erreur_reseau(etape: &'static str, erreur: reqwest::Error) -> GatewayError {
    if erreur.is_timeout() {
        return GatewayError::Delai(etape);
    }
    // The error and its causes ("connection refused"…), without the URL to keep the text short.
    let erreur = erreur.without_url();
    let mut detail = erreur.to_string();
    let mut cause = std::error::Error::source(&erreur);
    while let Some(source) = cause {
        detail.push_str(": ");
        detail.push_str(&source.to_string());
        cause = source.source();
    }
    GatewayError::Injoignable {
        etape,
        detail: court(&detail),
    }
}

async fn lire_reponse(
    etape: &'static str,
    reponse: reqwest::Response,
) -> Result<ReponseAmont, GatewayError> {
    let status = reponse.status();
    let content_type = reponse.headers().get(header::CONTENT_TYPE).cloned();
    let www_authenticate = reponse
        .headers()
        .get(header::WWW_AUTHENTICATE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let corps = reponse.bytes().await.map_err(|e| erreur_reseau(etape, e))?;
    Ok(ReponseAmont {
        status,
        content_type,
        www_authenticate,
        corps,
    })
}

/// PISTE's reason for a 401: `error_description` of `WWW-Authenticate` (api-reference §1.5), else the body.
fn raison_401(reponse: &ReponseAmont) -> String {
    let depuis_en_tete = reponse.www_authenticate.as_deref().and_then(|valeur| {
        let debut = valeur.find("error_description=\"")? + "error_description=\"".len();
        let reste = &valeur[debut..];
        Some(reste[..reste.find('"')?].to_owned())
    });
    let texte = depuis_en_tete
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| String::from_utf8_lossy(&reponse.corps).into_owned());
    court(if texte.trim().is_empty() {
        "HTTP 401"
    } else {
        texte.trim()
    })
}

/// `error: error_description` of an OAuth2 error body, or a short excerpt of the body.
fn detail_oauth(corps: &[u8]) -> String {
    match serde_json::from_slice::<ErreurOAuth>(corps) {
        Ok(erreur) if !erreur.error.is_empty() => {
            court(&format!("{}: {}", erreur.error, erreur.error_description))
        }
        _ => court(String::from_utf8_lossy(corps).trim()),
    }
}

/// At most [`LONGUEUR_MAX_DETAIL`] characters, without control characters.
fn court(texte: &str) -> String {
    texte
        .chars()
        .filter(|c| !c.is_control())
        .take(LONGUEUR_MAX_DETAIL)
        .collect()
}

/// True for `/cpro/<api>/v1/<operation>` with a forwarded API group and an operation made of plain
/// segments (letters, digits, `-`, `_`), so that no `..` or encoded character can leave the API.
pub fn chemin_transmis(path: &str) -> bool {
    let Some(reste) = path.strip_prefix("/cpro/") else {
        return false;
    };
    let Some((api, operation)) = reste.split_once("/v1/") else {
        return false;
    };
    API_TRANSMISES.contains(&api)
        && !operation.is_empty()
        && operation.split('/').all(|segment| {
            !segment.is_empty()
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// The query string, if it is plain (Chorus Pro operations take none, but a harmless one is kept).
fn query_transmise(uri: &Uri) -> Result<String, GatewayError> {
    match uri.query() {
        None => Ok(String::new()),
        Some(query)
            if query
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.=&%".contains(c)) =>
        {
            Ok(format!("?{query}"))
        }
        Some(_) => Err(GatewayError::CheminRefuse(uri.path().to_owned())),
    }
}

/// `POST /cpro/<api>/v1/<operation>` and `GET /cpro/transverses/v1/health-check` in gateway mode:
/// only for a signed-in portal user; the body goes to PISTE unchanged and PISTE's answer comes back.
pub async fn transmettre(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    method: Method,
    uri: Uri,
    en_tetes: HeaderMap,
    corps: Result<Bytes, BytesRejection>,
) -> Response {
    let Some(gateway) = state.gateway.clone() else {
        return GatewayError::CheminRefuse(uri.path().to_owned()).into_response();
    };
    let corps = match corps_lu(corps) {
        Ok(corps) => corps,
        Err(error) => return error.into_response(),
    };
    let path_and_query = match chemin_et_query(&method, &uri) {
        Ok(path_and_query) => path_and_query,
        Err(error) => return error.into_response(),
    };
    match cle_idempotence(&method, &en_tetes) {
        Ok(None) => match gateway.transmettre(method, &path_and_query, corps).await {
            Ok(reponse) => reponse_au_navigateur(reponse),
            Err(error) => error.into_response(),
        },
        Ok(Some(cle)) => {
            let appel = AppelIdempotent {
                utilisateur: utilisateur.id,
                cle: cle.to_owned(),
                path_and_query,
            };
            gateway.transmettre_une_fois(appel, corps).await
        }
        Err(error) => error.into_response(),
    }
}

/// A POST carrying an `Idempotency-Key`.
struct AppelIdempotent {
    utilisateur: i64,
    cle: String,
    path_and_query: String,
}

impl Gateway {
    /// Sends a call with an `Idempotency-Key` unless the same call already succeeded: then its answer is replayed.
    /// The call and the keeping of its answer run in a task of their own, which ends even if the browser
    /// disconnects (its retry then gets the answer).
    async fn transmettre_une_fois(
        self: Arc<Self>,
        appel: AppelIdempotent,
        corps: Bytes,
    ) -> Response {
        let decision = self
            .rejeux
            .decider(appel.utilisateur, &appel.cle, &corps)
            .await;
        let reservation = match decision {
            Ok(Decision::Envoyer(reservation)) => reservation,
            Ok(Decision::Rejouer(reponse)) => {
                tracing::info!(
                    path = appel.path_and_query.as_str(),
                    "Idempotency-Key seen: first answer replayed"
                );
                return reponse_au_navigateur(reponse_rejouee(reponse));
            }
            Ok(Decision::CleReutilisee) => {
                return ApiError::metier(
                    CODE_IDEMPOTENCE,
                    "Clé d'idempotence déjà utilisée pour une autre facture",
                )
                .into_response()
            }
            Err(error) => return ApiError::from(error).into_response(),
        };
        let envoi = tokio::spawn(async move {
            let reponse = self
                .transmettre(Method::POST, &appel.path_and_query, corps)
                .await?;
            match reponse_gardee(&reponse) {
                Some(garde) => reservation.terminer(garde).await,
                None => drop(reservation),
            }
            Ok::<_, GatewayError>(reponse)
        });
        match envoi.await {
            Ok(Ok(reponse)) => reponse_au_navigateur(reponse),
            Ok(Err(error)) => error.into_response(),
            Err(error) => ApiError::Interne(error.to_string()).into_response(),
        }
    }
}

/// What is kept of a success (HTTP 2xx with `codeRetour` 0: Chorus Pro did what was asked); `None` otherwise.
fn reponse_gardee(reponse: &ReponseAmont) -> Option<ReponseGardee> {
    let succes = reponse.status.is_success()
        && serde_json::from_slice::<Retour>(&reponse.corps).is_ok_and(|r| r.code_retour == 0);
    if !succes {
        return None;
    }
    Some(ReponseGardee {
        status: reponse.status.as_u16(),
        content_type: reponse
            .content_type
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        // JSON, hence UTF-8.
        corps: String::from_utf8(reponse.corps.to_vec()).ok()?,
    })
}

/// A kept answer as it came from PISTE.
fn reponse_rejouee(garde: ReponseGardee) -> ReponseAmont {
    ReponseAmont {
        status: StatusCode::from_u16(garde.status).unwrap_or(StatusCode::OK),
        content_type: garde
            .content_type
            .and_then(|v| HeaderValue::from_str(&v).ok()),
        www_authenticate: None,
        corps: Bytes::from(garde.corps),
    }
}

/// The request body, or the `{codeRetour, libelle}` refusal (413 above [`crate::TAILLE_MAX_CORPS`]).
fn corps_lu(corps: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    corps.map_err(|rejet| {
        if rejet.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TropVolumineux("Le corps de la requête dépasse la taille maximale".into())
        } else {
            ApiError::RequeteInvalide(rejet.body_text())
        }
    })
}

/// The path (and query) to call on PISTE, when the method and path are a forwarded operation.
fn chemin_et_query(method: &Method, uri: &Uri) -> Result<String, GatewayError> {
    let path = uri.path();
    let methode_attendue = if path == CHEMIN_HEALTH_CHECK {
        Method::GET
    } else {
        Method::POST
    };
    if !chemin_transmis(path) {
        return Err(GatewayError::CheminRefuse(path.to_owned()));
    }
    if *method != methode_attendue {
        return Err(GatewayError::MethodeRefusee(path.to_owned()));
    }
    Ok(format!("{path}{}", query_transmise(uri)?))
}

/// The `Idempotency-Key` of a POST, if any (at most [`rejeu::LONGUEUR_MAX_CLE`] characters).
fn cle_idempotence<'a>(
    method: &Method,
    en_tetes: &'a HeaderMap,
) -> Result<Option<&'a str>, ApiError> {
    let cle = en_tetes
        .get(EN_TETE_IDEMPOTENCE)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|cle| !cle.is_empty() && *method == Method::POST);
    match cle {
        Some(cle) if cle.len() > rejeu::LONGUEUR_MAX_CLE => Err(ApiError::RequeteInvalide(
            "Idempotency-Key dépasse 200 caractères".into(),
        )),
        cle => Ok(cle),
    }
}

/// PISTE's answer for the SPA: same status and body; a non-2xx answer without a `{codeRetour, libelle}`
/// body (PISTE's gateway errors have empty or HTML bodies) gets one.
fn reponse_au_navigateur(reponse: ReponseAmont) -> Response {
    let porte_un_retour = serde_json::from_slice::<Retour>(&reponse.corps).is_ok();
    if !reponse.status.is_success() && !porte_un_retour {
        let retour = Retour {
            code_retour: i32::from(reponse.status.as_u16()),
            libelle: format!(
                "Chorus Pro (PISTE) a répondu HTTP {0} / Chorus Pro (PISTE) answered HTTP {0}",
                reponse.status.as_u16()
            ),
        };
        return (reponse.status, axum::Json(retour)).into_response();
    }
    let content_type = reponse
        .content_type
        .unwrap_or(HeaderValue::from_static(JSON_UTF8));
    (
        reponse.status,
        [(header::CONTENT_TYPE, content_type)],
        reponse.corps,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_of_the_four_apis_are_forwarded() {
        assert!(chemin_transmis("/cpro/factures/v1/soumettre"));
        assert!(chemin_transmis("/cpro/factures/v1/deposer/pdf"));
        assert!(chemin_transmis(
            "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements"
        ));
        assert!(chemin_transmis(CHEMIN_HEALTH_CHECK));
        assert!(!chemin_transmis("/cpro/factures/v1/../../../oauth"));
        assert!(!chemin_transmis("/cpro/factures/v1/%2e%2e/x"));
        assert!(!chemin_transmis("/cpro/factures/v1//soumettre"));
        assert!(!chemin_transmis("/cpro/factures/v1/"));
        assert!(!chemin_transmis("/cpro/organisations/v1/structures"));
        assert!(!chemin_transmis("/api/oauth/token"));
    }

    #[test]
    fn tokens_are_renewed_a_minute_early_or_at_half_life_when_short() {
        assert_eq!(
            duree_utile(Duration::from_secs(3600)),
            Duration::from_secs(3540)
        );
        assert_eq!(duree_utile(Duration::from_secs(2)), Duration::from_secs(1));
        assert_eq!(duree_utile(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn the_reason_of_a_401_comes_from_www_authenticate() {
        let reponse = ReponseAmont {
            status: StatusCode::UNAUTHORIZED,
            content_type: None,
            www_authenticate: Some(
                "Bearer realm=\"PISTE\",error=\"Unauthorized\",error_description=\"login or password incorrects\"".into(),
            ),
            corps: Bytes::new(),
        };
        assert_eq!(raison_401(&reponse), "login or password incorrects");
        let vide = ReponseAmont {
            www_authenticate: None,
            ..reponse
        };
        assert_eq!(raison_401(&vide), "HTTP 401");
    }

    #[test]
    fn expires_in_is_read_as_a_number_or_a_numeric_string() {
        let jeton = |json: &str| {
            serde_json::from_str::<ReponseJeton>(json)
                .map(|j| j.duree())
                .ok()
        };
        assert_eq!(jeton(r#"{"access_token":"a","expires_in":120}"#), Some(120));
        assert_eq!(jeton(r#"{"access_token":"a","expires_in":"90"}"#), Some(90));
        assert_eq!(
            jeton(r#"{"access_token":"a"}"#),
            Some(DUREE_JETON_PAR_DEFAUT)
        );
        assert_eq!(jeton(r#"{"expires_in":120}"#), None);
    }

    #[test]
    fn an_idempotency_key_counts_on_posts_only_and_is_bounded() {
        let mut en_tetes = HeaderMap::new();
        assert!(matches!(
            cle_idempotence(&Method::POST, &en_tetes),
            Ok(None)
        ));
        en_tetes.insert(EN_TETE_IDEMPOTENCE, HeaderValue::from_static(" cle-1 "));
        assert!(matches!(
            cle_idempotence(&Method::POST, &en_tetes),
            Ok(Some("cle-1"))
        ));
        assert!(matches!(cle_idempotence(&Method::GET, &en_tetes), Ok(None)));
        let longue =
            HeaderValue::from_str(&"k".repeat(201)).unwrap_or(HeaderValue::from_static("k"));
        en_tetes.insert(EN_TETE_IDEMPOTENCE, longue);
        assert!(matches!(
            cle_idempotence(&Method::POST, &en_tetes),
            Err(ApiError::RequeteInvalide(_))
        ));
    }

    #[test]
    fn oauth_errors_are_summarised() {
        assert_eq!(
            detail_oauth(br#"{"error":"invalid_client","error_description":"bad secret"}"#),
            "invalid_client: bad secret"
        );
        assert_eq!(detail_oauth(b"<html>\n</html>"), "<html></html>");
    }
}
