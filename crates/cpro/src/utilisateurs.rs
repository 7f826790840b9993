//! `/cpro/utilisateurs/v1/...`: the technical user's attachments (api-reference §2.4, §3.9).

use serde::{Deserialize, Serialize};

use crate::codes::{StatutRattachement, TriSens, TypeIdentifiantStructure};
pub use crate::factures::ParametresRetour;
use crate::DateHeure;

/// Path of `monCompte/recuperer/rattachements` under the API base.
pub const CHEMIN_RECUPERER_RATTACHEMENTS: &str =
    "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements";

/// Body of `POST /cpro/utilisateurs/v1/monCompte/recuperer/rattachements` (go-choruspro `[S3]` only).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererRattachementsRequest {
    /// `parametresRecherche`: pagination and sort (api-reference §3.10).
    #[serde(
        rename = "parametresRecherche",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_recherche: Option<ParametresRecherche>,
}

/// `parametresRecherche`: the generic pagination block (api-reference §3.10). `triColonne` is free
/// text here: no list of columns is known for these operations.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresRecherche {
    /// `pageResultatDemandee`: page wanted, 1-based.
    #[serde(
        rename = "pageResultatDemandee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee: Option<i32>,
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i32>,
    /// `triColonne`: sort column.
    #[serde(
        rename = "triColonne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne: Option<String>,
    /// `triSens`: `Ascendant` or `Descendant`.
    #[serde(rename = "triSens", default, skip_serializing_if = "Option::is_none")]
    pub tri_sens: Option<TriSens>,
}

/// Answer of `monCompte/recuperer/rattachements`: the structures and services the technical user is
/// attached to (api-reference §3.9).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererRattachementsResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeStructureRattachement`: structures the user is attached to.
    #[serde(
        rename = "listeStructureRattachement",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_structure_rattachement: Vec<StructureRattachement>,
    /// `parametresRetour`: page information.
    #[serde(
        rename = "parametresRetour",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_retour: Option<ParametresRetour>,
}

/// One `listeStructureRattachement` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StructureRattachement {
    /// `idStructure`: structure `idStructureCPP`.
    #[serde(
        rename = "idStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure: Option<i64>,
    /// `identifiantStructure`: supplier identifier (SIRET).
    #[serde(
        rename = "identifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_structure: Option<String>,
    /// `typeIdentifiantStructure`: kind of identifier.
    #[serde(
        rename = "typeIdentifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_structure: Option<TypeIdentifiantStructure>,
    /// `designationStructure`: structure name.
    #[serde(
        rename = "designationStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_structure: Option<String>,
    /// `idRattachementStructure`: attachment id.
    #[serde(
        rename = "idRattachementStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_rattachement_structure: Option<i64>,
    /// `statutRattachementStructure`: attachment status.
    #[serde(
        rename = "statutRattachementStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_rattachement_structure: Option<StatutRattachement>,
    /// `roleUtilisateur`: the user's role.
    #[serde(
        rename = "roleUtilisateur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub role_utilisateur: Option<String>,
    /// `statutUtilisateur`: the user's status.
    #[serde(
        rename = "statutUtilisateur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_utilisateur: Option<String>,
    /// `listeServicesRattache`: services the user is attached to.
    #[serde(
        rename = "listeServicesRattache",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_services_rattache: Vec<ServiceRattache>,
}

/// One `listeServicesRattache` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceRattache {
    /// `idService`: service id.
    #[serde(rename = "idService", default, skip_serializing_if = "Option::is_none")]
    pub id_service: Option<i64>,
    /// `codeService`: service code (what `codeServiceExecutant` takes).
    #[serde(
        rename = "codeService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service: Option<String>,
    /// `libelleService`: service label.
    #[serde(
        rename = "libelleService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_service: Option<String>,
    /// `estActif`: the service is active (only active services may be used, api-reference §6.1).
    #[serde(rename = "estActif", default, skip_serializing_if = "Option::is_none")]
    pub est_actif: Option<bool>,
    /// `statutService`: service status.
    #[serde(
        rename = "statutService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_service: Option<String>,
    /// `idRattachementService`: attachment id.
    #[serde(
        rename = "idRattachementService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_rattachement_service: Option<i64>,
    /// `statutRattachementService`: attachment status.
    #[serde(
        rename = "statutRattachementService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_rattachement_service: Option<StatutRattachement>,
    /// `dateDbtService`: service start (not in the swagger; real answers carry it, e.g. `2016-10-25 17:42`).
    #[serde(
        rename = "dateDbtService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_dbt_service: Option<DateHeure>,
    /// `dateFinService`: service end (not in the swagger; real answers carry it, e.g. `2050-12-31 00:00`).
    #[serde(
        rename = "dateFinService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_fin_service: Option<DateHeure>,
}

crate::retour::impl_reponse!(RecupererRattachementsResponse);
