//! Mon compte and the first steps of an account: profile, password, authenticator application,
//! habilitations and requests; structure creation and rattachement requests (`/portail/v1`).

use gloo_net::http::Request;
use serde::{Deserialize, Serialize};

use super::{envoyer, json, json_ou_erreur, lire, lire_formulaire, ApiError, RefusFormulaire};

/// The signed-in user's profile.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Profil {
    /// Login e-mail (not editable).
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone.
    pub telephone: String,
    /// Contact e-mail.
    pub email_contact: String,
    /// `fr` or `en`.
    pub langue: String,
    /// Wants notification e-mails.
    pub notifications: bool,
    /// `AUCUN`, `EMAIL` or `TOTP`.
    pub second_facteur: String,
}

/// The editable part of the profile, as `PUT /compte` takes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModificationProfil {
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone.
    pub telephone: String,
    /// Contact e-mail.
    pub email_contact: String,
    /// `fr` or `en`.
    pub langue: String,
    /// Wants notification e-mails.
    pub notifications: bool,
}

impl From<&Profil> for ModificationProfil {
    fn from(profil: &Profil) -> Self {
        ModificationProfil {
            nom: profil.nom.clone(),
            prenom: profil.prenom.clone(),
            telephone: profil.telephone.clone(),
            email_contact: profil.email_contact.clone(),
            langue: profil.langue.clone(),
            notifications: profil.notifications,
        }
    }
}

/// A new authenticator secret to confirm.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Enrolement {
    /// Base32, for manual entry.
    pub secret: String,
    /// The QR code of the `otpauth://` URI, an SVG document.
    #[serde(default)]
    pub qr_svg: String,
}

/// Rights on one espace of a structure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DroitEspace {
    /// `FACTURES_EMISES`, `SOLLICITATIONS` or `ACTIVITES_GESTIONNAIRE`.
    pub espace: String,
    /// May read.
    pub consultation: bool,
    /// May create and change.
    pub modification: bool,
}

/// The user's rights on one structure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HabilitationStructure {
    /// The structure.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// Its identifier.
    pub identifiant: String,
    /// Its name.
    pub raison_sociale: String,
    /// `GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE` or `UTILISATEUR`.
    pub role: String,
    /// Rights per espace.
    pub espaces: Vec<DroitEspace>,
}

#[derive(Deserialize)]
struct Habilitations {
    habilitations: Vec<HabilitationStructure>,
}

/// A rattachement request as its requester sees it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Demande {
    /// Id.
    pub id: i64,
    /// The structure's identifier.
    pub identifiant: String,
    /// Its name.
    pub raison_sociale: String,
    /// The requester's comment.
    #[serde(default)]
    pub commentaire: String,
    /// `EN_ATTENTE`, `ACCEPTEE` or `REFUSEE`.
    pub statut: String,
    /// When it was made (UTC, ISO).
    pub cree_le: String,
    /// Granted habilitation.
    #[serde(default)]
    pub habilitation: Option<String>,
    /// The gestionnaire's reason.
    #[serde(default)]
    pub motif: Option<String>,
}

#[derive(Deserialize)]
struct Demandes {
    demandes: Vec<Demande>,
}

/// A company of the register, to pre-fill the structure form.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntrepriseRegistre {
    /// SIRET, normalised.
    pub siret: String,
    /// Name.
    pub raison_sociale: String,
    /// Street address.
    pub adresse: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
    /// Set when the company is already a structure: ask for a rattachement instead.
    #[serde(rename = "idStructureCPP", default)]
    pub id_structure_cpp: Option<i64>,
}

/// The structure creation form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreationStructure {
    /// SIRET, UE_HORS_FRANCE, HORS_UE, RIDET, TAHITI, PARTICULIER or AUTRE.
    pub type_identifiant: String,
    /// The identifier (ignored for PARTICULIER).
    pub identifiant: String,
    /// Name.
    pub raison_sociale: String,
    /// Street address.
    pub adresse: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
    /// ISO country code (HORS_UE).
    pub code_pays: String,
}

impl Default for CreationStructure {
    fn default() -> Self {
        CreationStructure {
            type_identifiant: "SIRET".into(),
            identifiant: String::new(),
            raison_sociale: String::new(),
            adresse: String::new(),
            code_postal: String::new(),
            ville: String::new(),
            code_pays: String::new(),
        }
    }
}

/// A created structure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StructureCreee {
    /// Its id.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// Identifier, normalised (or numbered by the server).
    pub identifiant: String,
    /// Name.
    pub raison_sociale: String,
}

/// A rattachement request.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemandeRattachement {
    /// Identifier type of the structure.
    pub type_identifiant: String,
    /// Its identifier.
    pub identifiant: String,
    /// Why (shown to the gestionnaires).
    pub commentaire: String,
}

/// The profile.
pub async fn profil(base: &str) -> Result<Profil, ApiError> {
    lire(&format!("{base}/portail/v1/compte")).await
}

/// Changes the profile; answers the new one, or the fields to correct.
pub async fn modifier_profil(
    base: &str,
    profil: &ModificationProfil,
) -> Result<Profil, RefusFormulaire> {
    envoyer(json(
        Request::put(&format!("{base}/portail/v1/compte")),
        profil,
    ))
    .await
}

/// Changes the password (the account's other sessions end).
pub async fn changer_mot_de_passe(
    base: &str,
    actuel: &str,
    nouveau: &str,
) -> Result<(), RefusFormulaire> {
    let corps = serde_json::json!({ "motDePasseActuel": actuel, "nouveauMotDePasse": nouveau });
    envoyer::<serde_json::Value>(json(
        Request::post(&format!("{base}/portail/v1/compte/mot-de-passe")),
        &corps,
    ))
    .await
    .map(|_| ())
}

/// Starts the enrolment of an authenticator application.
pub async fn enroler_totp(base: &str) -> Result<Enrolement, ApiError> {
    let reponse = Request::post(&format!("{base}/portail/v1/compte/totp/enrolement"))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

/// Confirms the enrolment with a code of the application.
pub async fn confirmer_totp(base: &str, code: &str) -> Result<(), RefusFormulaire> {
    envoyer::<serde_json::Value>(json(
        Request::post(&format!("{base}/portail/v1/compte/totp/confirmation")),
        &serde_json::json!({ "code": code }),
    ))
    .await
    .map(|_| ())
}

/// Removes the authenticator application (codes by e-mail again); answers the profile.
pub async fn supprimer_totp(base: &str, mot_de_passe: &str) -> Result<Profil, RefusFormulaire> {
    envoyer(json(
        Request::post(&format!("{base}/portail/v1/compte/totp/suppression")),
        &serde_json::json!({ "motDePasse": mot_de_passe }),
    ))
    .await
}

/// The user's structures and rights per espace.
pub async fn habilitations(base: &str) -> Result<Vec<HabilitationStructure>, ApiError> {
    lire::<Habilitations>(&format!("{base}/portail/v1/compte/habilitations"))
        .await
        .map(|h| h.habilitations)
}

/// The user's rattachement requests, newest first.
pub async fn mes_demandes(base: &str) -> Result<Vec<Demande>, ApiError> {
    lire::<Demandes>(&format!("{base}/portail/v1/compte/demandes"))
        .await
        .map(|d| d.demandes)
}

/// The register's data of a SIRET: `Ok(None)` when the register does not know it.
pub async fn registre(
    base: &str,
    siret: &str,
) -> Result<Option<EntrepriseRegistre>, RefusFormulaire> {
    let siret: String = siret.chars().filter(|c| !c.is_whitespace()).collect();
    let reponse = Request::get(&format!("{base}/portail/v1/registre/{siret}"))
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))?;
    if reponse.status() == 404 {
        return Ok(None);
    }
    lire_formulaire(reponse).await.map(Some)
}

/// Creates a structure; the user becomes its gestionnaire principal.
pub async fn creer_structure(
    base: &str,
    structure: &CreationStructure,
) -> Result<StructureCreee, RefusFormulaire> {
    envoyer(json(
        Request::post(&format!("{base}/portail/v1/structures")),
        structure,
    ))
    .await
}

/// Asks to be attached to a structure; its gestionnaires decide.
pub async fn demander_rattachement(
    base: &str,
    demande: &DemandeRattachement,
) -> Result<(), RefusFormulaire> {
    envoyer::<serde_json::Value>(json(
        Request::post(&format!("{base}/portail/v1/rattachements")),
        demande,
    ))
    .await
    .map(|_| ())
}

/// A supplier structure found by name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StructureTrouvee {
    /// Identifier type.
    pub type_identifiant: String,
    /// Identifier.
    pub identifiant: String,
    /// Name.
    pub raison_sociale: String,
    /// Postcode.
    #[serde(default)]
    pub code_postal: String,
    /// Town.
    #[serde(default)]
    pub ville: String,
}

#[derive(Deserialize)]
struct StructuresTrouvees {
    structures: Vec<StructureTrouvee>,
}

/// The supplier structures whose name contains `texte` (3 characters at least, else a field error).
pub async fn rechercher_structures(
    base: &str,
    texte: &str,
) -> Result<Vec<StructureTrouvee>, RefusFormulaire> {
    let url = format!("{base}/portail/v1/structures");
    let reponse = Request::get(&url)
        .query([("raisonSociale", texte)])
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))?;
    lire_formulaire::<StructuresTrouvees>(reponse)
        .await
        .map(|t| t.structures)
}

/// Asks for a password-reset link for this sign-in address (the answer never says whether it exists).
pub async fn demander_reinitialisation(base: &str, email: &str) -> Result<(), RefusFormulaire> {
    envoyer::<serde_json::Value>(json(
        Request::post(&format!("{base}/portail/v1/comptes/mot-de-passe-oublie")),
        &serde_json::json!({ "email": email.trim() }),
    ))
    .await
    .map(|_| ())
}

/// Sets the new password of a reset link; a used or expired link is `Autre(Http { status: 410, .. })`.
pub async fn reinitialiser_mot_de_passe(
    base: &str,
    jeton: &str,
    nouveau: &str,
) -> Result<(), RefusFormulaire> {
    envoyer::<serde_json::Value>(json(
        Request::post(&format!("{base}/portail/v1/comptes/reinitialisation")),
        &serde_json::json!({ "jeton": jeton, "nouveauMotDePasse": nouveau }),
    ))
    .await
    .map(|_| ())
}
