//! The one SPA module that talks HTTP: the backend's portal and Chorus Pro APIs over gloo-net.
//!
//! Every function returns a typed [`ApiError`]; screens map it to a message.

use gloo_net::http::{Request, Response};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::state::config::{RuntimeConfig, CONFIG_URL};

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// Occurs when the request never got an answer (offline, server down, CORS).
    Reseau(String),
    /// Occurs when the server answers with an error status; `code_retour`/`libelle` come from its body.
    Http {
        /// HTTP status.
        status: u16,
        /// Chorus Pro `codeRetour`, when the body had one.
        code_retour: Option<i64>,
        /// Chorus Pro `libelle`, when the body had one.
        libelle: Option<String>,
    },
    /// Occurs when the answer is not the expected JSON.
    Decodage(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Reseau(detail) => write!(f, "network error: {detail}"),
            ApiError::Http {
                status, libelle, ..
            } => write!(
                f,
                "http status {status}: {}",
                libelle.as_deref().unwrap_or("no detail")
            ),
            ApiError::Decodage(detail) => write!(f, "unexpected answer: {detail}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// A signed-in user, as the portal API describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Utilisateur {
    /// Identifier.
    pub id: i64,
    /// Login e-mail.
    pub email: String,
    /// Family name.
    #[serde(default)]
    pub nom: String,
    /// Given name.
    #[serde(default)]
    pub prenom: String,
    /// Preferred interface language.
    #[serde(default)]
    pub langue: Option<String>,
}

#[derive(Deserialize)]
struct SessionReponse {
    utilisateur: Option<Utilisateur>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConnexionDemande<'a> {
    email: &'a str,
    mot_de_passe: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Retour {
    code_retour: Option<i64>,
    libelle: Option<String>,
}

/// Reads the runtime settings. A missing or malformed file is an error the caller reports.
pub async fn config() -> Result<RuntimeConfig, ApiError> {
    let reponse = Request::get(CONFIG_URL)
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

/// Who is signed in: `None` for nobody.
pub async fn session(base: &str) -> Result<Option<Utilisateur>, ApiError> {
    let reponse = Request::get(&format!("{base}/portail/v1/session"))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if reponse.status() == 401 {
        return Ok(None);
    }
    let corps: SessionReponse = json_ou_erreur(reponse).await?;
    Ok(corps.utilisateur)
}

/// Signs in with e-mail and password.
pub async fn connexion(
    base: &str,
    email: &str,
    mot_de_passe: &str,
) -> Result<Utilisateur, ApiError> {
    let reponse = Request::post(&format!("{base}/portail/v1/session/connexion"))
        .json(&ConnexionDemande {
            email,
            mot_de_passe,
        })
        .map_err(|e| ApiError::Decodage(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    let corps: SessionReponse = json_ou_erreur(reponse).await?;
    corps
        .utilisateur
        .ok_or_else(|| ApiError::Decodage("no user in the sign-in answer".to_string()))
}

/// Signs out.
pub async fn deconnexion(base: &str) -> Result<(), ApiError> {
    let reponse = Request::post(&format!("{base}/portail/v1/session/deconnexion"))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if reponse.ok() {
        Ok(())
    } else {
        Err(erreur_http(reponse).await)
    }
}

async fn json_ou_erreur<T: DeserializeOwned>(reponse: Response) -> Result<T, ApiError> {
    if !reponse.ok() {
        return Err(erreur_http(reponse).await);
    }
    reponse
        .json::<T>()
        .await
        .map_err(|e| ApiError::Decodage(e.to_string()))
}

async fn erreur_http(reponse: Response) -> ApiError {
    let status = reponse.status();
    let retour = reponse.json::<Retour>().await.ok();
    ApiError::Http {
        status,
        code_retour: retour.as_ref().and_then(|r| r.code_retour),
        libelle: retour.and_then(|r| r.libelle),
    }
}
