//! The one error type of the API: every failure answers `{codeRetour, libelle}` like Chorus Pro.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// `codeRetour` of a malformed request (transport-level codes mirror the HTTP status).
pub const CODE_REQUETE_INVALIDE: i32 = 400;
/// `codeRetour` when authentication is missing or wrong.
pub const CODE_NON_AUTHENTIFIE: i32 = 401;
/// `codeRetour` when the user is authenticated but not allowed.
pub const CODE_INTERDIT: i32 = 403;
/// `codeRetour` of an unknown API path.
pub const CODE_NON_TROUVE: i32 = 404;
/// `codeRetour` of an oversize document (Chorus Pro answers HTTP 413, api-reference §1.5).
pub const CODE_TROP_VOLUMINEUX: i32 = 413;
/// `codeRetour` of an internal failure.
pub const CODE_INTERNE: i32 = 500;

/// Body of every error answer, and the common head of every Chorus Pro answer.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Retour {
    /// 0 on success; non-zero codes are per operation.
    pub code_retour: i32,
    /// Message code or text.
    pub libelle: String,
}

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Occurs when the body is not the expected JSON (HTTP 400).
    #[error("requête invalide: {0}")]
    RequeteInvalide(String),
    /// Occurs when the portal login is wrong (HTTP 401).
    #[error("adresse e-mail ou mot de passe incorrect")]
    IdentifiantsIncorrects,
    /// Occurs when no valid session or token comes with the request (HTTP 401).
    #[error("authentification requise")]
    NonAuthentifie,
    /// Occurs when PISTE-style credentials are wrong: HTTP 401 with a `WWW-Authenticate` header
    /// as the PISTE gateway sends it (api-reference §1.5).
    #[error("piste: {0}")]
    Piste(String),
    /// Occurs when the user may not act on this object (HTTP 403).
    #[error("accès refusé: {0}")]
    Interdit(String),
    /// Occurs on an unknown API path (HTTP 404).
    #[error("ressource inconnue: {0}")]
    NonTrouve(String),
    /// Occurs when a document is above the size limit (HTTP 413).
    #[error("document trop volumineux: {0}")]
    TropVolumineux(String),
    /// A business refusal: HTTP 200 with a non-zero `codeRetour`, as Chorus Pro does (api-reference §1.5).
    #[error("refus {code}: {libelle}")]
    Metier {
        /// Per-operation `codeRetour`.
        code: i32,
        /// Message.
        libelle: String,
    },
    /// Occurs when form fields are invalid (HTTP 422): one message per field, in French and English,
    /// in `erreurs` next to `codeRetour` and `libelle`.
    #[error("champs invalides: {0:?}")]
    Champs(Vec<ErreurChamp>),
    /// A portal refusal with its HTTP status (409 conflict, 403, 404, 410...); `codeRetour` is the status.
    #[error("refus {0}: {1}")]
    Refus(StatusCode, String),
    /// Occurs on a storage or other internal failure (HTTP 500, detail only in the log).
    #[error("erreur interne: {0}")]
    Interne(String),
}

/// `codeRetour` of a form with invalid fields (HTTP 422).
pub const CODE_CHAMPS_INVALIDES: i32 = 422;

/// One invalid field of a portal form, shown by the SPA under its input.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ErreurChamp {
    /// Name of the field in the request body (`motDePasse`, `emailConfirmation`...).
    pub champ: String,
    /// Message in French.
    pub message_fr: String,
    /// Message in English.
    pub message_en: String,
}

impl ErreurChamp {
    /// An error on `champ` with its French and English messages.
    pub fn new(champ: &str, message_fr: impl Into<String>, message_en: impl Into<String>) -> Self {
        ErreurChamp {
            champ: champ.to_owned(),
            message_fr: message_fr.into(),
            message_en: message_en.into(),
        }
    }
}

/// Body of a 422 answer: the usual head and the list of invalid fields.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RetourChamps {
    /// 422.
    pub code_retour: i32,
    /// Summary.
    pub libelle: String,
    /// One entry per invalid field.
    pub erreurs: Vec<ErreurChamp>,
}

impl ApiError {
    /// A business refusal with its per-operation code.
    pub fn metier(code: i32, libelle: impl Into<String>) -> ApiError {
        ApiError::Metier {
            code,
            libelle: libelle.into(),
        }
    }

    fn status_and_retour(&self) -> (StatusCode, Retour) {
        let retour = |code_retour: i32, libelle: String| Retour {
            code_retour,
            libelle,
        };
        match self {
            ApiError::RequeteInvalide(detail) => (
                StatusCode::BAD_REQUEST,
                retour(
                    CODE_REQUETE_INVALIDE,
                    format!("Requête invalide : {detail}"),
                ),
            ),
            ApiError::IdentifiantsIncorrects => (
                StatusCode::UNAUTHORIZED,
                retour(
                    CODE_NON_AUTHENTIFIE,
                    "Adresse e-mail ou mot de passe incorrect".into(),
                ),
            ),
            ApiError::NonAuthentifie => (
                StatusCode::UNAUTHORIZED,
                retour(CODE_NON_AUTHENTIFIE, "Authentification requise".into()),
            ),
            ApiError::Piste(description) => (
                StatusCode::UNAUTHORIZED,
                retour(CODE_NON_AUTHENTIFIE, description.clone()),
            ),
            ApiError::Interdit(detail) => {
                (StatusCode::FORBIDDEN, retour(CODE_INTERDIT, detail.clone()))
            }
            ApiError::NonTrouve(path) => (
                StatusCode::NOT_FOUND,
                retour(CODE_NON_TROUVE, format!("Ressource inconnue : {path}")),
            ),
            ApiError::TropVolumineux(detail) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                retour(CODE_TROP_VOLUMINEUX, detail.clone()),
            ),
            ApiError::Metier { code, libelle } => (StatusCode::OK, retour(*code, libelle.clone())),
            ApiError::Champs(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                retour(
                    CODE_CHAMPS_INVALIDES,
                    "Certains champs sont à corriger".into(),
                ),
            ),
            ApiError::Refus(status, libelle) => {
                (*status, retour(i32::from(status.as_u16()), libelle.clone()))
            }
            ApiError::Interne(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                retour(CODE_INTERNE, "Erreur interne du serveur".into()),
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Interne(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let (status, retour) = self.status_and_retour();
        if let ApiError::Champs(erreurs) = self {
            let corps = RetourChamps {
                code_retour: retour.code_retour,
                libelle: retour.libelle,
                erreurs,
            };
            return (status, axum::Json(corps)).into_response();
        }
        let mut response = (status, axum::Json(retour)).into_response();
        if let ApiError::Piste(description) = &self {
            // Same shape as the PISTE gateway: Bearer realm="PISTE",error=...,error_description=...
            let value = format!(
                "Bearer realm=\"PISTE\",error=\"Unauthorized\",error_description=\"{}\"",
                description.replace('"', "'")
            );
            if let Ok(value) = HeaderValue::from_str(&value) {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, value);
            }
        }
        response
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError::Interne(format!("base de données: {error}"))
    }
}

impl From<crate::db::DbError> for ApiError {
    fn from(error: crate::db::DbError) -> Self {
        ApiError::Interne(error.to_string())
    }
}

/// JSON body extractor and response whose rejections answer `{codeRetour, libelle}` with HTTP 400
/// (415 for a wrong content type), instead of axum's plain-text rejections.
#[derive(Debug, Clone, Copy, Default)]
pub struct CproJson<T>(pub T);

impl<T, S> FromRequest<S> for CproJson<T>
where
    axum::Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(CproJson(value)),
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::TropVolumineux(
                    "Le corps de la requête dépasse la taille maximale".into(),
                ))
            }
            Err(rejection) => Err(ApiError::RequeteInvalide(rejection.body_text())),
        }
    }
}

impl<T: Serialize> IntoResponse for CproJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
