//! Sollicitations (support tickets) of the portal API: list, create, read with the thread, add a message
//! with an attached file, close, accept the solution, reopen.

use gloo_net::http::Request;
use portail::sollicitations::Action;
use serde::{Deserialize, Serialize};

use super::{json_ou_erreur, lire_formulaire, ApiError, RefusFormulaire};

/// Who emitted a sollicitation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Emetteur {
    /// The user's name.
    pub nom: String,
    /// Their e-mail.
    pub email: String,
    /// The structure's name.
    #[serde(default)]
    pub raison_sociale: Option<String>,
}

/// A sollicitation (list row).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sollicitation {
    /// Id, also its number.
    pub id: i64,
    /// Category code.
    pub categorie: String,
    /// Sub-category code.
    pub sous_categorie: String,
    /// Subject.
    pub sujet: String,
    /// Description (the first message).
    #[serde(default)]
    pub description: String,
    /// Object type code.
    #[serde(default)]
    pub type_objet: Option<String>,
    /// Object number.
    #[serde(default)]
    pub numero_objet: Option<String>,
    /// The linked invoice.
    #[serde(default, rename = "identifiantFactureCPP")]
    pub identifiant_facture_cpp: Option<i64>,
    /// Emitter.
    pub emetteur: Emetteur,
    /// Recipient organisation.
    pub destinataire: String,
    /// Status code.
    pub statut: String,
    /// Created (UTC, `YYYY-MM-DDTHH:MM:SS`).
    pub cree_le: String,
    /// Last activity.
    pub modifie_le: String,
    /// What the user can do now (action codes).
    #[serde(default)]
    pub actions: Vec<String>,
}

impl Sollicitation {
    /// True when the server allows `action` now.
    pub fn permet(&self, action: Action) -> bool {
        self.actions.iter().any(|a| a == action.code())
    }
}

/// A file of the thread.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Piece {
    /// Id.
    pub id: i64,
    /// File name.
    pub nom: String,
    /// Size in bytes.
    pub taille: i64,
}

/// One activity of the thread.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activite {
    /// Id.
    pub id: i64,
    /// `EMETTEUR` or `DESTINATAIRE`.
    pub auteur: String,
    /// Author's name.
    pub nom_auteur: String,
    /// Message.
    pub texte: String,
    /// Status it set.
    #[serde(default)]
    pub statut: Option<String>,
    /// When.
    pub cree_le: String,
    /// Attached files.
    #[serde(default)]
    pub pieces: Vec<Piece>,
}

/// A sollicitation with its thread.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SollicitationDetail {
    /// The sollicitation.
    #[serde(flatten)]
    pub sollicitation: Sollicitation,
    /// Its thread, oldest first.
    #[serde(default)]
    pub activites: Vec<Activite>,
}

/// A file to send, base64.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PieceJointe {
    /// File name.
    pub nom: String,
    /// Content, base64.
    pub contenu: String,
}

impl PieceJointe {
    /// A file from its name and bytes.
    pub fn depuis_octets(nom: &str, octets: &[u8]) -> PieceJointe {
        use base64::Engine as _;
        PieceJointe {
            nom: nom.to_owned(),
            contenu: base64::engine::general_purpose::STANDARD.encode(octets),
        }
    }
}

/// The creation form (also what a local draft keeps, without the file).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NouvelleSollicitation {
    /// Category code.
    pub categorie: String,
    /// Sub-category code.
    pub sous_categorie: String,
    /// Subject.
    pub sujet: String,
    /// Description.
    pub description: String,
    /// Object type code; none when empty.
    pub type_objet: String,
    /// Object number.
    pub numero_objet: String,
    /// SIRET of the public structure addressed (categories addressed to a public organisation, when the
    /// object is not one of the user's invoices).
    pub siret_destinataire: String,
    /// Attached file (never kept in a draft).
    #[serde(skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub piece_jointe: Option<PieceJointe>,
}

impl NouvelleSollicitation {
    /// True when nothing was typed or chosen.
    pub fn est_vide(&self) -> bool {
        [
            &self.categorie,
            &self.sous_categorie,
            &self.sujet,
            &self.description,
            &self.type_objet,
            &self.numero_objet,
            &self.siret_destinataire,
        ]
        .iter()
        .all(|champ| champ.trim().is_empty())
    }
}

#[derive(Deserialize)]
struct Liste {
    sollicitations: Vec<Sollicitation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Message<'a> {
    texte: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    piece_jointe: Option<&'a PieceJointe>,
}

fn url(base: &str, suite: &str) -> String {
    format!("{base}/portail/v1/sollicitations{suite}")
}

/// The user's sollicitations, last activity first; only those in `statut` when given.
pub async fn lister(base: &str, statut: Option<&str>) -> Result<Vec<Sollicitation>, ApiError> {
    let mut requete = Request::get(&url(base, ""));
    if let Some(statut) = statut {
        requete = requete.query([("statut", statut)]);
    }
    let reponse = requete
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    Ok(json_ou_erreur::<Liste>(reponse).await?.sollicitations)
}

/// One sollicitation with its thread.
pub async fn lire(base: &str, id: i64) -> Result<SollicitationDetail, ApiError> {
    let reponse = Request::get(&url(base, &format!("/{id}")))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

/// Creates a sollicitation; invalid fields come back one by one.
pub async fn creer(
    base: &str,
    nouvelle: &NouvelleSollicitation,
) -> Result<SollicitationDetail, RefusFormulaire> {
    let reponse = Request::post(&url(base, ""))
        .json(nouvelle)
        .map_err(|e| RefusFormulaire::Autre(ApiError::Decodage(e.to_string())))?
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))?;
    lire_formulaire(reponse).await
}

/// Adds a message, optionally with a file.
pub async fn ajouter_message(
    base: &str,
    id: i64,
    texte: &str,
    piece_jointe: Option<&PieceJointe>,
) -> Result<SollicitationDetail, RefusFormulaire> {
    let reponse = Request::post(&url(base, &format!("/{id}/messages")))
        .json(&Message {
            texte,
            piece_jointe,
        })
        .map_err(|e| RefusFormulaire::Autre(ApiError::Decodage(e.to_string())))?
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))?;
    lire_formulaire(reponse).await
}

/// Closes, accepts the solution of or reopens a sollicitation (other actions are not buttons).
pub async fn changer(base: &str, id: i64, action: Action) -> Result<SollicitationDetail, ApiError> {
    let chemin = match action {
        Action::Cloturer => "cloturer",
        Action::AccepterSolution => "accepter-solution",
        Action::Rouvrir => "rouvrir",
        autre => {
            return Err(ApiError::Decodage(format!(
                "{} is not a button",
                autre.code()
            )))
        }
    };
    let reponse = Request::post(&url(base, &format!("/{id}/{chemin}")))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

/// Where a file of the thread is downloaded.
pub fn url_piece(base: &str, id: i64, id_piece: i64) -> String {
    url(base, &format!("/{id}/pieces/{id_piece}"))
}
