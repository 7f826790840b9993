//! `/cpro/transverses/v1/...`: attachments, the supplier's structures and bank accounts, reference lists,
//! deposit reports (api-reference §2.3, §3.9).
//!
//! No swagger of this API was found; names follow go-choruspro and the PHP client, as the reference
//! says (**\[UNCONFIRMED\]** against the official text).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{
    CadreFacturation, EtatDepotFlux, ModeDepot, ModePaiement, StatutFacture, SyntaxeFlux,
    TypeDemandePaiement, TypeFactureTravaux, TypeIdentifiantStructure,
};
use crate::DateHeure;

/// Path of `ajouter/fichier` under the API base.
pub const CHEMIN_AJOUTER_FICHIER: &str = "/cpro/transverses/v1/ajouter/fichier";
/// Path of `recuperer/structures/actives/fournisseur` under the API base.
pub const CHEMIN_RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR: &str =
    "/cpro/transverses/v1/recuperer/structures/actives/fournisseur";
/// Path of `recuperer/coordbanc/valides` under the API base.
pub const CHEMIN_RECUPERER_COORDBANC_VALIDES: &str =
    "/cpro/transverses/v1/recuperer/coordbanc/valides";
/// Path of `recuperer/tauxtva` under the API base.
pub const CHEMIN_RECUPERER_TAUXTVA: &str = "/cpro/transverses/v1/recuperer/tauxtva";
/// Path of `recuperer/devises` under the API base.
pub const CHEMIN_RECUPERER_DEVISES: &str = "/cpro/transverses/v1/recuperer/devises";
/// Path of `recuperer/pays` under the API base.
pub const CHEMIN_RECUPERER_PAYS: &str = "/cpro/transverses/v1/recuperer/pays";
/// Path of `recuperer/modedepot` under the API base.
pub const CHEMIN_RECUPERER_MODEDEPOT: &str = "/cpro/transverses/v1/recuperer/modedepot";
/// Path of `recuperer/modereglements` under the API base.
pub const CHEMIN_RECUPERER_MODEREGLEMENTS: &str = "/cpro/transverses/v1/recuperer/modereglements";
/// Path of `recuperer/cadrefacturation` under the API base.
pub const CHEMIN_RECUPERER_CADREFACTURATION: &str =
    "/cpro/transverses/v1/recuperer/cadrefacturation";
/// Path of `recuperer/etat/typedp` under the API base.
pub const CHEMIN_RECUPERER_ETAT_TYPEDP: &str = "/cpro/transverses/v1/recuperer/etat/typedp";
/// Path of `recuperer/etats/traitement` under the API base.
pub const CHEMIN_RECUPERER_ETATS_TRAITEMENT: &str =
    "/cpro/transverses/v1/recuperer/etats/traitement";
/// Path of `recuperer/motifs/exonerationtva` under the API base.
pub const CHEMIN_RECUPERER_MOTIFS_EXONERATIONTVA: &str =
    "/cpro/transverses/v1/recuperer/motifs/exonerationtva";
/// Path of `recuperer/typespj` under the API base.
pub const CHEMIN_RECUPERER_TYPESPJ: &str = "/cpro/transverses/v1/recuperer/typespj";
/// Path of `recuperer/typedp` under the API base.
pub const CHEMIN_RECUPERER_TYPEDP: &str = "/cpro/transverses/v1/recuperer/typedp";
/// Path of `recuperer/typefacturetravaux` under the API base.
pub const CHEMIN_RECUPERER_TYPEFACTURETRAVAUX: &str =
    "/cpro/transverses/v1/recuperer/typefacturetravaux";
/// Path of `recuperer/typeidentifiant/structure` under the API base.
pub const CHEMIN_RECUPERER_TYPEIDENTIFIANT_STRUCTURE: &str =
    "/cpro/transverses/v1/recuperer/typeidentifiant/structure";
/// Path of `recuperer/formatflux` under the API base.
pub const CHEMIN_RECUPERER_FORMATFLUX: &str = "/cpro/transverses/v1/recuperer/formatflux";
/// Path of `consulterCR` under the API base.
pub const CHEMIN_CONSULTER_CR: &str = "/cpro/transverses/v1/consulterCR";
/// Path of `consulterCRDetaille` under the API base.
pub const CHEMIN_CONSULTER_CR_DETAILLE: &str = "/cpro/transverses/v1/consulterCRDetaille";

/// Body of `POST /cpro/transverses/v1/ajouter/fichier` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3): add an attachment, get its `pieceJointeId`.
///
/// Limits (10 MB, name ≤ 50 characters, allowed extensions) are in [`crate::limites`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AjouterFichierRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `pieceJointeFichier`: the file, base64 (10 MB at most, else `codeRetour` 20003).
    #[serde(
        rename = "pieceJointeFichier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_fichier: Option<String>,
    /// `pieceJointeNom`: file name with its extension, 50 characters at most.
    #[serde(
        rename = "pieceJointeNom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_nom: Option<String>,
    /// `pieceJointeTypeMime`: MIME type (255 characters at most).
    #[serde(
        rename = "pieceJointeTypeMime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_type_mime: Option<String>,
    /// `pieceJointeExtension`: extension, e.g. `pdf` or `PDF`, from the allowed list.
    #[serde(
        rename = "pieceJointeExtension",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_extension: Option<String>,
}

/// Answer of `ajouter/fichier` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3): `codeRetour` 20003 when the file exceeds 10 MB.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AjouterFichierResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `pieceJointeId`: id to pass to `soumettre` as `pieceJointePrincipaleId`.
    #[serde(
        rename = "pieceJointeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_id: Option<i64>,
}

/// Path of `health-check` under the API base: the only GET of the API (api-reference §2.3).
pub const CHEMIN_HEALTH_CHECK: &str = "/cpro/transverses/v1/health-check";

/// Answer of `GET health-check`: go-choruspro models a Spring `ResponseEntity` (api-reference §2.3
/// `[S3][S5]`); it has no `codeRetour`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HealthCheckResponse {
    /// `body`: free text.
    #[serde(rename = "body", default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// `statusCode`: the HTTP status name, e.g. `OK`.
    #[serde(
        rename = "statusCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_code: Option<String>,
    /// `statusCodeValue`: the HTTP status number, e.g. 200.
    #[serde(
        rename = "statusCodeValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_code_value: Option<i32>,
}

/// A body without keys, `{}`: Chorus Pro operations are POST with a JSON body even without
/// parameters (api-reference §1.3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RequeteVide {}

/// A body with only `codeLangue`, for the language-dependent lists (api-reference §3.9).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RequeteCodeLangue {
    /// `codeLangue`: `FR` or `EN` (lower case also seen, api-reference §5.7).
    #[serde(
        rename = "codeLangue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_langue: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/structures/actives/fournisseur`: `{}`.
pub type RecupererStructuresActivesFournisseurRequest = RequeteVide;

/// Answer of `recuperer/structures/actives/fournisseur` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3): the structures the user may invoice
/// as supplier; `idStructureCPP` is what `soumettre` takes as `idFournisseur`. The four page keys at top
/// level come from the PHP client `[S5]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererStructuresActivesFournisseurResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeStructures`: the structures of this page.
    #[serde(
        rename = "listeStructures",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_structures: Vec<StructureActive>,
    /// `pageCourante`: current page, 1-based.
    #[serde(
        rename = "pageCourante",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante: Option<i32>,
    /// `pages`: number of pages.
    #[serde(rename = "pages", default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<i32>,
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i32>,
    /// `total`: number of results.
    #[serde(rename = "total", default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i32>,
}

/// One `listeStructures` item of `recuperer/structures/actives/fournisseur`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StructureActive {
    /// `idStructureCPP`: Chorus Pro structure id (`idFournisseur`/`idDestinataire` elsewhere).
    #[serde(
        rename = "idStructureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure_cpp: Option<i64>,
    /// `identifiant`: the structure's identifier (SIRET).
    #[serde(
        rename = "identifiant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant: Option<String>,
    /// `designationStructure`: structure name.
    #[serde(
        rename = "designationStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_structure: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/coordbanc/valides` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererCoordbancValidesRequest {
    /// `idStructure`: structure `idStructureCPP`.
    #[serde(
        rename = "idStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure: Option<i64>,
}

/// Answer of `recuperer/coordbanc/valides` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererCoordbancValidesResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeCoordonneeBancaire`: the valid bank accounts.
    #[serde(
        rename = "listeCoordonneeBancaire",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_coordonnee_bancaire: Vec<CoordonneeBancaire>,
}

/// One `listeCoordonneeBancaire` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CoordonneeBancaire {
    /// `idCoordonneeBancaire`: what `soumettre` takes as `codeCoordonneesBancairesFournisseur`.
    #[serde(
        rename = "idCoordonneeBancaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_coordonnee_bancaire: Option<i64>,
    /// `nomCoordonneeBancaire`: account label.
    #[serde(
        rename = "nomCoordonneeBancaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_coordonnee_bancaire: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/tauxtva` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererTauxTvaRequest = RequeteCodeLangue;

/// Answer of `recuperer/tauxtva` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererTauxTvaResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeTauxTva`: VAT rate codes.
    #[serde(
        rename = "listeTauxTva",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_taux_tva: Vec<TauxTva>,
}

/// One `listeTauxTva` item; the rate is read exactly (go-choruspro uses a float).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TauxTva {
    /// `codeTauxTva`: rate code, e.g. `TVA1`.
    #[serde(
        rename = "codeTauxTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_taux_tva: Option<String>,
    /// `libelleTauxTva`: label.
    #[serde(
        rename = "libelleTauxTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_taux_tva: Option<String>,
    /// `valeurTauxTva`: the rate in percent.
    #[serde(
        rename = "valeurTauxTva",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valeur_taux_tva: Option<Decimal>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/devises` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererDevisesRequest = RequeteCodeLangue;

/// Answer of `recuperer/devises` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererDevisesResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeDevises`: currencies.
    #[serde(
        rename = "listeDevises",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_devises: Vec<Devise>,
}

/// One `listeDevises` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Devise {
    /// `codeDevise`: ISO 4217 code.
    #[serde(
        rename = "codeDevise",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_devise: Option<String>,
    /// `libelleDevise`: label.
    #[serde(
        rename = "libelleDevise",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_devise: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/pays` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererPaysRequest = RequeteCodeLangue;

/// Answer of `recuperer/pays` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererPaysResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listePays`: countries.
    #[serde(
        rename = "listePays",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_pays: Vec<Pays>,
}

/// One `listePays` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Pays {
    /// `codePays`: country code.
    #[serde(rename = "codePays", default, skip_serializing_if = "Option::is_none")]
    pub code_pays: Option<String>,
    /// `libellePays`: label.
    #[serde(
        rename = "libellePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_pays: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/modedepot` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererModesDepotRequest = RequeteVide;

/// Answer of `recuperer/modedepot` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererModesDepotResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeModeDepot`: deposit modes.
    #[serde(
        rename = "listeModeDepot",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_mode_depot: Vec<ModeDepotItem>,
}

/// One `listeModeDepot` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ModeDepotItem {
    /// `modeDepot`: SAISIE_API, DEPOT_PDF_API or DEPOT_PDF_SIGNE_API.
    #[serde(rename = "modeDepot", default, skip_serializing_if = "Option::is_none")]
    pub mode_depot: Option<ModeDepot>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/modereglements` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererModesReglementRequest = RequeteVide;

/// Answer of `recuperer/modereglements` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererModesReglementResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeModePaiement`: payment modes.
    #[serde(
        rename = "listeModePaiement",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_mode_paiement: Vec<ModePaiementItem>,
}

/// One `listeModePaiement` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ModePaiementItem {
    /// `modePaiement`: payment mode.
    #[serde(
        rename = "modePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mode_paiement: Option<ModePaiement>,
}

/// A body with only `typeDemandePaiement` (`recuperer/cadrefacturation`, `recuperer/etat/typedp`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RequeteTypeDemandePaiement {
    /// `typeDemandePaiement`: payment request type, e.g. FACTURE.
    #[serde(
        rename = "typeDemandePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_demande_paiement: Option<TypeDemandePaiement>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/cadrefacturation` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererCadresFacturationRequest = RequeteTypeDemandePaiement;

/// Answer of `recuperer/cadrefacturation` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererCadresFacturationResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeCadreFacturation`: billing frameworks.
    #[serde(
        rename = "listeCadreFacturation",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_cadre_facturation: Vec<CadreFacturationItem>,
}

/// One `listeCadreFacturation` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CadreFacturationItem {
    /// `codeCadreFacturation`: A1, A2, A9 or A12 for `soumettre`.
    #[serde(
        rename = "codeCadreFacturation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_cadre_facturation: Option<CadreFacturation>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/etat/typedp` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererEtatsTypeDpRequest = RequeteTypeDemandePaiement;

/// Answer of `recuperer/etat/typedp` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererEtatsTypeDpResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeEtatDemandePaiement`: statuses of this payment-request type.
    #[serde(
        rename = "listeEtatDemandePaiement",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_etat_demande_paiement: Vec<EtatDemandePaiement>,
}

/// One `listeEtatDemandePaiement` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EtatDemandePaiement {
    /// `etatDemandePaiement`: a status.
    #[serde(
        rename = "etatDemandePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub etat_demande_paiement: Option<StatutFacture>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/etats/traitement` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererEtatsTraitementRequest {
    /// `statutCourant`: current statuses to match.
    #[serde(
        rename = "statutCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_courant: Option<StatutFacture>,
}

/// Answer of `recuperer/etats/traitement` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererEtatsTraitementResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeStatutsPossiblesPourTraitement`: statuses reachable from `statutCourant`.
    #[serde(
        rename = "listeStatutsPossiblesPourTraitement",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_statuts_possibles_pour_traitement: Vec<StatutPossiblePourTraitement>,
}

/// One `listeStatutsPossiblesPourTraitement` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StatutPossiblePourTraitement {
    /// `statutPossiblePourTraitement`: a reachable status.
    #[serde(
        rename = "statutPossiblePourTraitement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_possible_pour_traitement: Option<StatutFacture>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/motifs/exonerationtva` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererMotifsExonerationTvaRequest = RequeteCodeLangue;

/// Answer of `recuperer/motifs/exonerationtva` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererMotifsExonerationTvaResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeMotifsExonerationTva`: VAT exemption reasons.
    #[serde(
        rename = "listeMotifsExonerationTva",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_motifs_exoneration_tva: Vec<MotifExonerationTva>,
}

/// One `listeMotifsExonerationTva` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MotifExonerationTva {
    /// `codeMotifExonerationTva`: what `references.motifExonerationTva` takes.
    #[serde(
        rename = "codeMotifExonerationTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_motif_exoneration_tva: Option<String>,
    /// `libelleMotifExonerationTva`: label.
    #[serde(
        rename = "libelleMotifExonerationTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_motif_exoneration_tva: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/typespj` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererTypesPieceJointeRequest {
    /// `codeLangue`: `FR` or `EN` (lower case also seen, api-reference §5.7).
    #[serde(
        rename = "codeLangue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_langue: Option<String>,
    /// `typeObjet`: the kind of object the attachment type applies to.
    #[serde(rename = "typeObjet", default, skip_serializing_if = "Option::is_none")]
    pub type_objet: Option<String>,
}

/// Answer of `recuperer/typespj` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererTypesPieceJointeResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeTypePieceJointe`: attachment types.
    #[serde(
        rename = "listeTypePieceJointe",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_type_piece_jointe: Vec<TypePieceJointe>,
}

/// One `listeTypePieceJointe` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TypePieceJointe {
    /// `idTypePieceJointe`: type id.
    #[serde(
        rename = "idTypePieceJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_type_piece_jointe: Option<i64>,
    /// `codeTypePieceJointe`: what `pieceJointeComplementaireType` takes.
    #[serde(
        rename = "codeTypePieceJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_type_piece_jointe: Option<String>,
    /// `libelleTypePieceJointe`: label.
    #[serde(
        rename = "libelleTypePieceJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_type_piece_jointe: Option<String>,
    /// `typeObjet`: the kind of object the attachment type applies to.
    #[serde(rename = "typeObjet", default, skip_serializing_if = "Option::is_none")]
    pub type_objet: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/typedp` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererTypesDemandePaiementRequest = RequeteVide;

/// Answer of `recuperer/typedp` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererTypesDemandePaiementResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeTypeDemandePaiement`: payment-request types.
    #[serde(
        rename = "listeTypeDemandePaiement",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_type_demande_paiement: Vec<TypeDemandePaiementItem>,
}

/// One `listeTypeDemandePaiement` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TypeDemandePaiementItem {
    /// `typeDemandePaiement`: payment request type, e.g. FACTURE.
    #[serde(
        rename = "typeDemandePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_demande_paiement: Option<TypeDemandePaiement>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/typefacturetravaux` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererTypesFactureTravauxRequest = RequeteVide;

/// Answer of `recuperer/typefacturetravaux` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererTypesFactureTravauxResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeTypeFactureTravaux`: works invoice types.
    #[serde(
        rename = "listeTypeFactureTravaux",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_type_facture_travaux: Vec<TypeFactureTravauxItem>,
}

/// One `listeTypeFactureTravaux` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TypeFactureTravauxItem {
    /// `typeFactureTravaux`: works invoice type.
    #[serde(
        rename = "typeFactureTravaux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_facture_travaux: Option<TypeFactureTravaux>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/typeidentifiant/structure` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererTypesIdentifiantStructureRequest = RequeteVide;

/// Answer of `recuperer/typeidentifiant/structure` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererTypesIdentifiantStructureResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeTypeIdentifiant`: identifier types.
    #[serde(
        rename = "listeTypeIdentifiant",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_type_identifiant: Vec<TypeIdentifiantItem>,
}

/// One `listeTypeIdentifiant` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TypeIdentifiantItem {
    /// `typeIdentifiantStructure`: kind of identifier.
    #[serde(
        rename = "typeIdentifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_structure: Option<TypeIdentifiantStructure>,
}

/// Body of `POST /cpro/transverses/v1/recuperer/formatflux` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
pub type RecupererFormatsFluxRequest = RequeteVide;

/// Answer of `recuperer/formatflux` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecupererFormatsFluxResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeFormatFlux`: flux formats.
    #[serde(
        rename = "listeFormatFlux",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_format_flux: Vec<FormatFluxItem>,
}

/// One `listeFormatFlux` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FormatFluxItem {
    /// `formatFlux`: a flux syntax code.
    #[serde(
        rename = "formatFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub format_flux: Option<SyntaxeFlux>,
}

/// Body of `POST /cpro/transverses/v1/consulterCR` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterCrRequest {
    /// `numeroFluxDepot`: deposit number, to follow with `transverses/v1/consulterCRDetaille`.
    #[serde(
        rename = "numeroFluxDepot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_flux_depot: Option<String>,
    /// `dateDepot`: deposit date.
    #[serde(
        rename = "dateDepot",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_depot: Option<NaiveDate>,
    /// `syntaxeFlux`: syntax of the file, e.g. IN_DP_E2_CII_FACTURX for Factur-X.
    #[serde(
        rename = "syntaxeFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub syntaxe_flux: Option<SyntaxeFlux>,
}

/// Answer of `consulterCR` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3). OCA reports it broken for Factur-X and uses `consulterCRDetaille`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterCrResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `codeAppliPartenaire`: partner application code.
    #[serde(
        rename = "codeAppliPartenaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_appli_partenaire: Option<String>,
    /// `codeInterfaceFlux`: interface code.
    #[serde(
        rename = "codeInterfaceFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_interface_flux: Option<String>,
    /// `dateDepotFlux`: when the flux was deposited.
    #[serde(
        rename = "dateDepotFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_depot_flux: Option<DateHeure>,
    /// `dateHeureEtatCourantFlux`: when the current state was reached.
    #[serde(
        rename = "dateHeureEtatCourantFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_heure_etat_courant_flux: Option<DateHeure>,
    /// `designationPartenaire`: partner name.
    #[serde(
        rename = "designationPartenaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_partenaire: Option<String>,
    /// `etatCourantFlux`: current state of the flux.
    #[serde(
        rename = "etatCourantFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub etat_courant_flux: Option<EtatDepotFlux>,
    /// `fichierCR`: the report file, base64.
    #[serde(rename = "fichierCR", default, skip_serializing_if = "Option::is_none")]
    pub fichier_cr: Option<String>,
    /// `nomFichierFlux`: file name.
    #[serde(
        rename = "nomFichierFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_fichier_flux: Option<String>,
    /// `numeroFluxDepot`: deposit number, to follow with `transverses/v1/consulterCRDetaille`.
    #[serde(
        rename = "numeroFluxDepot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_flux_depot: Option<String>,
}

/// Body of `POST /cpro/transverses/v1/consulterCRDetaille` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3): follow a `deposer/flux`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterCrDetailleRequest {
    /// `numeroFluxDepot`: deposit number, to follow with `transverses/v1/consulterCRDetaille`.
    #[serde(
        rename = "numeroFluxDepot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_flux_depot: Option<String>,
    /// `syntaxeFlux`: syntax of the file, e.g. IN_DP_E2_CII_FACTURX for Factur-X.
    #[serde(
        rename = "syntaxeFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub syntaxe_flux: Option<SyntaxeFlux>,
}

/// Answer of `consulterCRDetaille` (go-choruspro `[S3]`; no swagger was found for this API, api-reference §2.3), api-reference §3.3.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterCrDetailleResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `codeInterfaceDepotFlux`: interface code.
    #[serde(
        rename = "codeInterfaceDepotFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_interface_depot_flux: Option<String>,
    /// `dateDepotFlux`: when the flux was deposited.
    #[serde(
        rename = "dateDepotFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_depot_flux: Option<DateHeure>,
    /// `dateHeureEtatCourantFlux`: when the current state was reached.
    #[serde(
        rename = "dateHeureEtatCourantFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_heure_etat_courant_flux: Option<DateHeure>,
    /// `etatCourantDepotFlux`: current state of the flux.
    #[serde(
        rename = "etatCourantDepotFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub etat_courant_depot_flux: Option<EtatDepotFlux>,
    /// `nomFichier`: file name with extension (varchar 200).
    #[serde(
        rename = "nomFichier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_fichier: Option<String>,
    /// `listeErreurDP`: errors on payment requests.
    #[serde(
        rename = "listeErreurDP",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_erreur_dp: Vec<ErreurDemandePaiement>,
    /// `listeErreurTechnique`: technical errors.
    #[serde(
        rename = "listeErreurTechnique",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_erreur_technique: Vec<ErreurTechnique>,
}

/// One `listeErreurDP` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ErreurDemandePaiement {
    /// `identifiantDestinataire`: recipient identifier.
    #[serde(
        rename = "identifiantDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_destinataire: Option<String>,
    /// `identifiantFournisseur`: supplier identifier.
    #[serde(
        rename = "identifiantFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_fournisseur: Option<String>,
    /// `libelleErreurDP`: error message.
    #[serde(
        rename = "libelleErreurDP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_erreur_dp: Option<String>,
    /// `numeroDP`: invoice number.
    #[serde(rename = "numeroDP", default, skip_serializing_if = "Option::is_none")]
    pub numero_dp: Option<String>,
}

/// One `listeErreurTechnique` item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ErreurTechnique {
    /// `codeErreur`: error code.
    #[serde(
        rename = "codeErreur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_erreur: Option<String>,
    /// `libelleErreur`: error message.
    #[serde(
        rename = "libelleErreur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_erreur: Option<String>,
    /// `natureErreur`: error kind.
    #[serde(
        rename = "natureErreur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nature_erreur: Option<String>,
}

crate::retour::impl_reponse!(
    AjouterFichierResponse,
    RecupererStructuresActivesFournisseurResponse,
    RecupererCoordbancValidesResponse,
    RecupererTauxTvaResponse,
    RecupererDevisesResponse,
    RecupererPaysResponse,
    RecupererModesDepotResponse,
    RecupererModesReglementResponse,
    RecupererCadresFacturationResponse,
    RecupererEtatsTypeDpResponse,
    RecupererEtatsTraitementResponse,
    RecupererMotifsExonerationTvaResponse,
    RecupererTypesPieceJointeResponse,
    RecupererTypesDemandePaiementResponse,
    RecupererTypesFactureTravauxResponse,
    RecupererTypesIdentifiantStructureResponse,
    RecupererFormatsFluxResponse,
    ConsulterCrResponse,
    ConsulterCrDetailleResponse
);

/// Where a deposited flux stands, as a client acts on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueFlux {
    /// Chorus Pro created the invoice(s): look them up by `numeroFluxDepot`.
    Integre,
    /// Refused: the reasons, invoice data first (`listeErreurDP`), then the file's (`listeErreurTechnique`).
    Rejete(Vec<String>),
    /// Still being processed: ask again later.
    EnCours,
}

impl ConsulterCrDetailleResponse {
    /// The outcome of the flux. `IN_INTEGRE_PARTIEL` counts as integrated (the report's errors name
    /// the invoices left out); `IN_INCIDENTE` as rejected.
    pub fn issue(&self) -> IssueFlux {
        match self.etat_courant_depot_flux {
            Some(EtatDepotFlux::IN_INTEGRE) | Some(EtatDepotFlux::IN_INTEGRE_PARTIEL) => {
                IssueFlux::Integre
            }
            Some(EtatDepotFlux::IN_REJETE) | Some(EtatDepotFlux::IN_INCIDENTE) => {
                let mut raisons: Vec<String> = self
                    .liste_erreur_dp
                    .iter()
                    .filter_map(|e| e.libelle_erreur_dp.clone())
                    .chain(self.liste_erreur_technique.iter().map(|e| {
                        match (&e.code_erreur, &e.libelle_erreur) {
                            (Some(code), Some(libelle)) => format!("{libelle} ({code})"),
                            (None, Some(libelle)) => libelle.clone(),
                            (Some(code), None) => code.clone(),
                            (None, None) => String::new(),
                        }
                    }))
                    .filter(|r| !r.trim().is_empty())
                    .collect();
                if raisons.is_empty() {
                    raisons.push(format!(
                        "Flux {}",
                        self.etat_courant_depot_flux
                            .as_ref()
                            .map(|e| e.code().to_owned())
                            .unwrap_or_default()
                    ));
                }
                IssueFlux::Rejete(raisons)
            }
            _ => IssueFlux::EnCours,
        }
    }
}

#[cfg(test)]
mod tests_issue_flux {
    use super::*;

    fn rapport(etat: EtatDepotFlux) -> ConsulterCrDetailleResponse {
        ConsulterCrDetailleResponse {
            etat_courant_depot_flux: Some(etat),
            ..Default::default()
        }
    }

    #[test]
    fn a_flux_is_integrated_rejected_with_its_reasons_or_still_in_progress() {
        assert_eq!(
            rapport(EtatDepotFlux::IN_INTEGRE).issue(),
            IssueFlux::Integre
        );
        assert_eq!(
            rapport(EtatDepotFlux::IN_INTEGRE_PARTIEL).issue(),
            IssueFlux::Integre
        );
        assert_eq!(
            rapport(EtatDepotFlux::IN_EN_COURS_TRAITEMENT_CPP).issue(),
            IssueFlux::EnCours
        );
        assert_eq!(
            ConsulterCrDetailleResponse::default().issue(),
            IssueFlux::EnCours
        );
        let mut rejete = rapport(EtatDepotFlux::IN_REJETE);
        rejete.liste_erreur_dp.push(ErreurDemandePaiement {
            libelle_erreur_dp: Some("Numéro de facture déjà utilisé".into()),
            ..Default::default()
        });
        rejete.liste_erreur_technique.push(ErreurTechnique {
            code_erreur: Some("XML_INVALIDE".into()),
            libelle_erreur: Some("XML illisible".into()),
            nature_erreur: None,
        });
        assert_eq!(
            rejete.issue(),
            IssueFlux::Rejete(vec![
                "Numéro de facture déjà utilisé".into(),
                "XML illisible (XML_INVALIDE)".into()
            ])
        );
        // A rejection without reasons still says it was rejected.
        assert_eq!(
            rapport(EtatDepotFlux::IN_INCIDENTE).issue(),
            IssueFlux::Rejete(vec!["Flux IN_INCIDENTE".into()])
        );
    }
}
