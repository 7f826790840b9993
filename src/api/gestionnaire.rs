//! Activités du gestionnaire: the portal's `/portail/v1/gestionnaire/structures/{id}/…` and the
//! rattachement requests to decide (`rattachements/a-traiter`, `rattachements/{id}/decision`).

use gloo_net::http::{Request, Response};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::{erreur_http, json_ou_erreur, lire_formulaire, ApiError, RefusFormulaire};

/// A structure the user manages.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StructureGeree {
    /// `idStructureCPP`.
    #[serde(rename = "idStructureCPP")]
    pub id: i64,
    /// Identifier type.
    #[serde(default)]
    pub type_identifiant: String,
    /// SIRET or other identifier.
    pub identifiant: String,
    /// Name.
    pub raison_sociale: String,
    /// `GESTIONNAIRE_PRINCIPAL` or `GESTIONNAIRE`.
    pub role: String,
    /// Pending rattachement requests.
    #[serde(default)]
    pub demandes_en_attente: usize,
}

#[derive(Deserialize)]
struct StructuresGerees {
    structures: Vec<StructureGeree>,
}

/// A pending rattachement request.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Demande {
    /// Id.
    pub id: i64,
    /// The structure asked for.
    #[serde(rename = "idStructureCPP")]
    pub id_structure: i64,
    /// Who asks.
    pub demandeur: Demandeur,
    /// Their comment.
    #[serde(default)]
    pub commentaire: String,
    /// When (UTC, `YYYY-MM-DDTHH:MM:SS`).
    #[serde(default)]
    pub cree_le: String,
}

/// The requester.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Demandeur {
    /// Login e-mail.
    pub email: String,
    /// Family name.
    #[serde(default)]
    pub nom: String,
    /// Given name.
    #[serde(default)]
    pub prenom: String,
}

#[derive(Deserialize)]
struct Demandes {
    demandes: Vec<Demande>,
}

/// A habilitation on one espace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HabilitationEspace {
    /// `FACTURES_EMISES` or `SOLLICITATIONS`.
    pub espace: String,
    /// `CONSULTATION` or `MODIFICATION`.
    pub habilitation: String,
}

/// A user attached to the structure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Membre {
    /// User id.
    pub id_utilisateur: i64,
    /// Login e-mail.
    pub email: String,
    /// Family name.
    #[serde(default)]
    pub nom: String,
    /// Given name.
    #[serde(default)]
    pub prenom: String,
    /// `GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE` or `UTILISATEUR`.
    pub role: String,
    /// Per espace.
    #[serde(default)]
    pub habilitations: Vec<HabilitationEspace>,
}

#[derive(Deserialize)]
struct Membres {
    utilisateurs: Vec<Membre>,
}

/// A change of a user's role or habilitations.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModificationMembre {
    /// New role; empty keeps it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Habilitations to set.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub habilitations: Vec<HabilitationEspace>,
}

/// A service of the structure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    /// `idService`.
    pub id_service: i64,
    /// `codeService`.
    pub code: String,
    /// `libelleService`.
    pub libelle: String,
    /// `estActif`.
    pub actif: bool,
    /// Start of validity.
    #[serde(default)]
    pub date_debut: String,
}

#[derive(Deserialize)]
struct Services {
    services: Vec<Service>,
}

/// A new service.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreationService {
    /// Code.
    pub code: String,
    /// Label.
    pub libelle: String,
}

/// A bank account of the structure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompteBancaire {
    /// `idCoordonneeBancaire`.
    pub id_coordonnee_bancaire: i64,
    /// Name in the invoice forms.
    pub nom: String,
    /// Holder.
    #[serde(default)]
    pub titulaire: String,
    /// IBAN, compact.
    pub iban: String,
    /// BIC.
    #[serde(default)]
    pub bic: String,
    /// Offered for new invoices.
    pub valide: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ComptesBancaires {
    coordonnees_bancaires: Vec<CompteBancaire>,
}

/// A new bank account.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AjoutCompteBancaire {
    /// Name in the invoice forms.
    pub nom: String,
    /// Holder.
    pub titulaire: String,
    /// IBAN, as typed.
    pub iban: String,
    /// BIC.
    pub bic: String,
}

/// An espace of the structure and its number of users.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EspaceStructure {
    /// `FACTURES_EMISES`, `SOLLICITATIONS` or `ACTIVITES_GESTIONNAIRE`.
    pub espace: String,
    /// On, or turned off by the gestionnaire principal.
    #[serde(default = "vrai")]
    pub actif: bool,
    /// Users who read it.
    pub utilisateurs_consultation: usize,
    /// Users who change it.
    pub utilisateurs_modification: usize,
}

fn vrai() -> bool {
    true
}

#[derive(Deserialize)]
struct Espaces {
    espaces: Vec<EspaceStructure>,
}

fn chemin(base: &str, id_structure: i64, suite: &str) -> String {
    format!("{base}/portail/v1/gestionnaire/structures/{id_structure}{suite}")
}

async fn lire<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let reponse = Request::get(url)
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

async fn envoyer<Q: Serialize>(
    methode: &str,
    url: &str,
    corps: &Q,
) -> Result<Response, RefusFormulaire> {
    let requete = match methode {
        "PUT" => Request::put(url),
        _ => Request::post(url),
    };
    requete
        .json(corps)
        .map_err(|e| RefusFormulaire::Autre(ApiError::Decodage(e.to_string())))?
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))
}

/// The structures the user manages (empty when none).
pub async fn structures(base: &str) -> Result<Vec<StructureGeree>, ApiError> {
    let corps: StructuresGerees =
        lire(&format!("{base}/portail/v1/gestionnaire/structures")).await?;
    Ok(corps.structures)
}

/// The pending requests on the structures the user manages.
pub async fn demandes_a_traiter(base: &str) -> Result<Vec<Demande>, ApiError> {
    let corps: Demandes = lire(&format!("{base}/portail/v1/rattachements/a-traiter")).await?;
    Ok(corps.demandes)
}

/// Accepts a request with an habilitation (`CONSULTATION` or `MODIFICATION`).
pub async fn accepter(
    base: &str,
    id_demande: i64,
    habilitation: &str,
) -> Result<(), RefusFormulaire> {
    let reponse = envoyer(
        "POST",
        &format!("{base}/portail/v1/rattachements/{id_demande}/decision"),
        &serde_json::json!({ "accepter": true, "habilitation": habilitation }),
    )
    .await?;
    lire_formulaire::<serde_json::Value>(reponse)
        .await
        .map(|_| ())
}

/// Refuses a request with a reason (sent to the requester).
pub async fn refuser(base: &str, id_demande: i64, motif: &str) -> Result<(), RefusFormulaire> {
    let reponse = envoyer(
        "POST",
        &format!("{base}/portail/v1/rattachements/{id_demande}/decision"),
        &serde_json::json!({ "accepter": false, "motif": motif }),
    )
    .await?;
    lire_formulaire::<serde_json::Value>(reponse)
        .await
        .map(|_| ())
}

/// The users of a structure.
pub async fn utilisateurs(base: &str, id_structure: i64) -> Result<Vec<Membre>, ApiError> {
    let corps: Membres = lire(&chemin(base, id_structure, "/utilisateurs")).await?;
    Ok(corps.utilisateurs)
}

/// Changes a user's role or habilitations.
pub async fn modifier_utilisateur(
    base: &str,
    id_structure: i64,
    id_utilisateur: i64,
    modification: &ModificationMembre,
) -> Result<Membre, RefusFormulaire> {
    let reponse = envoyer(
        "PUT",
        &chemin(
            base,
            id_structure,
            &format!("/utilisateurs/{id_utilisateur}"),
        ),
        modification,
    )
    .await?;
    lire_formulaire(reponse).await
}

/// Detaches a user from the structure.
pub async fn detacher_utilisateur(
    base: &str,
    id_structure: i64,
    id_utilisateur: i64,
) -> Result<(), ApiError> {
    let reponse = Request::delete(&chemin(
        base,
        id_structure,
        &format!("/utilisateurs/{id_utilisateur}"),
    ))
    .send()
    .await
    .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if reponse.ok() {
        Ok(())
    } else {
        Err(erreur_http(reponse).await)
    }
}

/// The services of a structure.
pub async fn services(base: &str, id_structure: i64) -> Result<Vec<Service>, ApiError> {
    let corps: Services = lire(&chemin(base, id_structure, "/services")).await?;
    Ok(corps.services)
}

/// Creates a service.
pub async fn creer_service(
    base: &str,
    id_structure: i64,
    service: &CreationService,
) -> Result<Service, RefusFormulaire> {
    let reponse = envoyer("POST", &chemin(base, id_structure, "/services"), service).await?;
    lire_formulaire(reponse).await
}

/// Activates or deactivates a service.
pub async fn changer_etat_service(
    base: &str,
    id_structure: i64,
    id_service: i64,
    actif: bool,
) -> Result<Service, RefusFormulaire> {
    let reponse = envoyer(
        "POST",
        &chemin(base, id_structure, &format!("/services/{id_service}/etat")),
        &serde_json::json!({ "actif": actif }),
    )
    .await?;
    lire_formulaire(reponse).await
}

/// The bank accounts of a structure, valid first.
pub async fn comptes_bancaires(
    base: &str,
    id_structure: i64,
) -> Result<Vec<CompteBancaire>, ApiError> {
    let corps: ComptesBancaires =
        lire(&chemin(base, id_structure, "/coordonnees-bancaires")).await?;
    Ok(corps.coordonnees_bancaires)
}

/// Adds a bank account (refusals on their field: `nom`, `titulaire`, `iban`, `bic`).
pub async fn ajouter_compte_bancaire(
    base: &str,
    id_structure: i64,
    compte: &AjoutCompteBancaire,
) -> Result<CompteBancaire, RefusFormulaire> {
    let reponse = envoyer(
        "POST",
        &chemin(base, id_structure, "/coordonnees-bancaires"),
        compte,
    )
    .await?;
    lire_formulaire(reponse).await
}

/// Stops offering a bank account for new invoices.
pub async fn desactiver_compte_bancaire(
    base: &str,
    id_structure: i64,
    id_compte: i64,
) -> Result<CompteBancaire, RefusFormulaire> {
    let reponse = envoyer(
        "POST",
        &chemin(
            base,
            id_structure,
            &format!("/coordonnees-bancaires/{id_compte}/desactivation"),
        ),
        &serde_json::json!({}),
    )
    .await?;
    lire_formulaire(reponse).await
}

/// The espaces of a structure.
pub async fn espaces(base: &str, id_structure: i64) -> Result<Vec<EspaceStructure>, ApiError> {
    let corps: Espaces = lire(&chemin(base, id_structure, "/espaces")).await?;
    Ok(corps.espaces)
}

/// Turns an espace of the structure on or off (gestionnaire principal only).
pub async fn changer_espace(
    base: &str,
    id_structure: i64,
    espace: &str,
    actif: bool,
) -> Result<Vec<EspaceStructure>, RefusFormulaire> {
    let reponse = envoyer(
        "PUT",
        &chemin(base, id_structure, &format!("/espaces/{espace}")),
        &serde_json::json!({ "actif": actif }),
    )
    .await?;
    let corps: Espaces = lire_formulaire(reponse).await?;
    Ok(corps.espaces)
}
