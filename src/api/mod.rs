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

/// A public recipient found in the Chorus Pro directory, with what routing requires of invoices to it.
#[derive(Debug, Clone, PartialEq)]
pub struct DestinataireTrouve {
    /// The structure's name as the directory spells it.
    pub designation: String,
    /// Its routing flags and services.
    pub annuaire: facture::regles::AnnuaireDestinataire,
}

/// Looks a recipient SIRET up in the directory: `rechercher`, then `consulter` and
/// `rechercher/services`. `None` when no structure has that SIRET.
pub async fn destinataire(base: &str, siret: &str) -> Result<Option<DestinataireTrouve>, ApiError> {
    use cpro::codes::TypeIdentifiantStructure;
    use cpro::structures::{
        ConsulterStructureRequest, ConsulterStructureResponse, CritereStructure,
        RechercherServicesRequest, RechercherServicesResponse, RechercherStructureRequest,
        RechercherStructureResponse, CHEMIN_CONSULTER, CHEMIN_RECHERCHER,
        CHEMIN_RECHERCHER_SERVICES,
    };
    let recherche: RechercherStructureResponse = post_cpro(
        base,
        CHEMIN_RECHERCHER,
        &RechercherStructureRequest {
            structure: Some(CritereStructure {
                identifiant_structure: Some(siret.to_owned()),
                type_identifiant_structure: Some(TypeIdentifiantStructure::SIRET),
                ..CritereStructure::default()
            }),
            ..RechercherStructureRequest::default()
        },
    )
    .await?;
    let Some(structure) = recherche
        .liste_structures
        .into_iter()
        .find(|s| s.identifiant_structure.as_deref() == Some(siret))
    else {
        return Ok(None);
    };
    let Some(id) = structure.id_structure_cpp else {
        return Ok(None);
    };
    let consultation: ConsulterStructureResponse = post_cpro(
        base,
        CHEMIN_CONSULTER,
        &ConsulterStructureRequest {
            id_structure_cpp: Some(id),
            code_langue: None,
        },
    )
    .await?;
    let services: RechercherServicesResponse = post_cpro(
        base,
        CHEMIN_RECHERCHER_SERVICES,
        &RechercherServicesRequest {
            id_structure: Some(id),
            ..RechercherServicesRequest::default()
        },
    )
    .await?;
    Ok(Some(DestinataireTrouve {
        designation: structure.designation_structure.clone().unwrap_or_default(),
        annuaire: facture::regles::AnnuaireDestinataire::depuis_chorus(
            &structure,
            &consultation,
            &services.liste_services,
        ),
    }))
}

/// POSTs a Chorus Pro body and reads the answer. Bodies are written and read as text with serde_json,
/// so amounts never go through a float (see `cpro`).
async fn post_cpro<Q: Serialize, R: DeserializeOwned>(
    base: &str,
    chemin: &str,
    corps: &Q,
) -> Result<R, ApiError> {
    let texte = serde_json::to_string(corps).map_err(|e| ApiError::Decodage(e.to_string()))?;
    let reponse = Request::post(&format!("{base}{chemin}"))
        .header("Content-Type", "application/json")
        .body(texte)
        .map_err(|e| ApiError::Decodage(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if !reponse.ok() {
        return Err(erreur_http(reponse).await);
    }
    let texte = reponse
        .text()
        .await
        .map_err(|e| ApiError::Decodage(e.to_string()))?;
    serde_json::from_str(&texte).map_err(|e| ApiError::Decodage(e.to_string()))
}
