//! `/cpro/structures/v1/...`: the Chorus Pro directory of structures and services (api-reference §3.11).
//!
//! Nominal supplier sequence (swagger text): `rechercher` (SIRET → `idStructureCPP`) → `consulter`
//! (mandatory data) → `rechercher/services` (active services) → `consulter/service` → `soumettre`.
//! The structures swagger lists keys alphabetically; field order here follows it.

use serde::{Deserialize, Serialize};

use crate::codes::{
    EtatEspace, StatutRattachement, StatutStructure, StatutStructureAffichee, TriSens,
    TypeHabilitation, TypeIdentifiantStructure, TypeStructure,
};
pub use crate::factures::ParametresRetour;
use crate::DateHeure;

/// Path of `rechercher` under the API base.
pub const CHEMIN_RECHERCHER: &str = "/cpro/structures/v1/rechercher";
/// Path of `consulter` under the API base.
pub const CHEMIN_CONSULTER: &str = "/cpro/structures/v1/consulter";
/// Path of `rechercher/services` under the API base.
pub const CHEMIN_RECHERCHER_SERVICES: &str = "/cpro/structures/v1/rechercher/services";
/// Path of `consulter/service` under the API base.
pub const CHEMIN_CONSULTER_SERVICE: &str = "/cpro/structures/v1/consulter/service";
/// Path of `lister/rattachementsutilisateur` under the API base.
pub const CHEMIN_LISTER_RATTACHEMENTS: &str = "/cpro/structures/v1/lister/rattachementsutilisateur";
/// Path of `rechercher/espaces` under the API base.
pub const CHEMIN_RECHERCHER_ESPACES: &str = "/cpro/structures/v1/rechercher/espaces";

/// Body of `POST /cpro/structures/v1/rechercher` (swagger `RechercherStructureParam`, api-reference §3.11):
/// find a structure, e.g. by SIRET, to get its `idStructureCPP`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherStructureRequest {
    /// `parametres`: pagination and sort (api-reference §3.10).
    #[serde(
        rename = "parametres",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres: Option<ParametresRechercherStructure>,
    /// `restreindreStructuresPrivees`: unset or `true`: public structures plus only the private ones the user
    /// is attached to; `false`: all (api-reference §3.11).
    #[serde(
        rename = "restreindreStructuresPrivees",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restreindre_structures_privees: Option<bool>,
    /// `structure`: the criteria.
    #[serde(rename = "structure", default, skip_serializing_if = "Option::is_none")]
    pub structure: Option<CritereStructure>,
}

/// `structure`: the criteria of `rechercher` (swagger `RechercherStructureInput`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CritereStructure {
    /// `adresseCodePays`: country code.
    #[serde(
        rename = "adresseCodePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_code_pays: Option<String>,
    /// `adresseCodePostal`: postcode.
    #[serde(
        rename = "adresseCodePostal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_code_postal: Option<String>,
    /// `adresseVille`: town.
    #[serde(
        rename = "adresseVille",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_ville: Option<String>,
    /// `estMOA`: the structure is a project owner (MOA).
    #[serde(rename = "estMOA", default, skip_serializing_if = "Option::is_none")]
    pub est_moa: Option<bool>,
    /// `estMOAUniquement`: the structure is only a project owner (search spelling; consultation says `estMoaUniquement`).
    #[serde(
        rename = "estMOAUniquement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub est_moa_uniquement: Option<bool>,
    /// `identifiantStructure`: supplier identifier (SIRET).
    #[serde(
        rename = "identifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_structure: Option<String>,
    /// `libelleStructure`: structure label.
    #[serde(
        rename = "libelleStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_structure: Option<String>,
    /// `nomStructure`: last name (private person).
    #[serde(
        rename = "nomStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_structure: Option<String>,
    /// `prenomStructure`: first name (private person).
    #[serde(
        rename = "prenomStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prenom_structure: Option<String>,
    /// `raisonSocialeStructure`: company name.
    #[serde(
        rename = "raisonSocialeStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_structure: Option<String>,
    /// `statutStructure`: ACTIF or INACTIF.
    #[serde(
        rename = "statutStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_structure: Option<StatutStructure>,
    /// `typeIdentifiantStructure`: kind of identifier.
    #[serde(
        rename = "typeIdentifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_structure: Option<TypeIdentifiantStructure>,
    /// `typeStructure`: PRIVEE or PUBLIQUE.
    #[serde(
        rename = "typeStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_structure: Option<TypeStructure>,
}

/// `parametres`: pagination and sort of `rechercher` (swagger `ParametresRechercherStructure`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresRechercherStructure {
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i64>,
    /// `pageResultatDemandee`: page wanted, 1-based.
    #[serde(
        rename = "pageResultatDemandee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee: Option<i64>,
    /// `triColonne`: sort column.
    #[serde(
        rename = "triColonne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne: Option<TriColonneStructure>,
    /// `triSens`: `Ascendant` or `Descendant`.
    #[serde(rename = "triSens", default, skip_serializing_if = "Option::is_none")]
    pub tri_sens: Option<TriSens>,
}

crate::codes::code_enum! {
    /// Sort column (`triColonne`) of `rechercher`, structures swagger `ParametresRechercherStructure`.
    TriColonneStructure {
        /// Tri par `IdentifiantStructure`.
        IdentifiantStructure,
        /// Tri par `DesignationStructure`.
        DesignationStructure,
        /// Tri par `TypeIdentifiantStructure`.
        TypeIdentifiantStructure,
        /// Tri par `Statut`.
        Statut,
    }
}

/// Answer of `rechercher` (swagger `WsRetourRechercherStructure`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherStructureResponse {
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
    pub liste_structures: Vec<StructureAAfficher>,
    /// `parametresRetour`: page information.
    #[serde(
        rename = "parametresRetour",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_retour: Option<ParametresRetour>,
}

/// One `listeStructures` item (swagger `StructureAAfficher`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StructureAAfficher {
    /// `designationStructure`: structure name.
    #[serde(
        rename = "designationStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_structure: Option<String>,
    /// `idStructureCPP`: Chorus Pro structure id (`idFournisseur`/`idDestinataire` elsewhere).
    #[serde(
        rename = "idStructureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure_cpp: Option<i64>,
    /// `identifiantStructure`: supplier identifier (SIRET).
    #[serde(
        rename = "identifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_structure: Option<String>,
    /// `statut` (not `statutFacture` in searches): current status.
    #[serde(rename = "statut", default, skip_serializing_if = "Option::is_none")]
    pub statut: Option<StatutStructureAffichee>,
    /// `typeIdentifiantStructure`: kind of identifier.
    #[serde(
        rename = "typeIdentifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_structure: Option<TypeIdentifiantStructure>,
}

/// Body of `POST /cpro/structures/v1/consulter` (swagger `ConsulterStructureAvecTVAIntraComParam`).
///
/// The key is `idStructureCPP` (go-choruspro's `idStructure` is wrong, api-reference §3.11).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterStructureRequest {
    /// `codeLangue`: `FR` or `EN` (lower case also seen, api-reference §5.7).
    #[serde(
        rename = "codeLangue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_langue: Option<String>,
    /// `idStructureCPP`: Chorus Pro structure id (`idFournisseur`/`idDestinataire` elsewhere).
    #[serde(
        rename = "idStructureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure_cpp: Option<i64>,
}

/// Answer of `consulter` (swagger `WsRetourConsulterStructureTVAIntraCom`): identity, address and the
/// mandatory-data flags in `parametres`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterStructureResponse {
    /// `adressePostaleDuSiege`: head-office address.
    #[serde(
        rename = "adressePostaleDuSiege",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_postale_du_siege: Option<AdressePostale>,
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `informationGenerales` (sic, no "s"): identity of the structure.
    #[serde(
        rename = "informationGenerales",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub information_generales: Option<InformationsGeneralesStructure>,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `parametres`: pagination and sort (api-reference §3.10).
    #[serde(
        rename = "parametres",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres: Option<ParametresStructure>,
}

/// A postal address (swagger `AdressePostale`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AdressePostale {
    /// `adresse`: street address.
    #[serde(rename = "adresse", default, skip_serializing_if = "Option::is_none")]
    pub adresse: Option<String>,
    /// `codePostal`: postcode.
    #[serde(
        rename = "codePostal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_postal: Option<String>,
    /// `complementAdresse1`: address line 2.
    #[serde(
        rename = "complementAdresse1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub complement_adresse1: Option<String>,
    /// `complementAdresse2`: address line 3.
    #[serde(
        rename = "complementAdresse2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub complement_adresse2: Option<String>,
    /// `fax`: fax number.
    #[serde(rename = "fax", default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// `indicatifFax`: fax country prefix.
    #[serde(
        rename = "indicatifFax",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub indicatif_fax: Option<String>,
    /// `indicatifTelephone`: phone country prefix.
    #[serde(
        rename = "indicatifTelephone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub indicatif_telephone: Option<String>,
    /// `pays`: country.
    #[serde(rename = "pays", default, skip_serializing_if = "Option::is_none")]
    pub pays: Option<String>,
    /// `telephone`: phone number.
    #[serde(rename = "telephone", default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// `ville`: town.
    #[serde(rename = "ville", default, skip_serializing_if = "Option::is_none")]
    pub ville: Option<String>,
}

/// `informationGenerales` of a structure (swagger `InformationsGeneralesStructureCompleteTVAIntraCom`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InformationsGeneralesStructure {
    /// `dateExpirationMotPasseCompteTech`: when the technical account password expires (api-reference §1.1).
    #[serde(
        rename = "dateExpirationMotPasseCompteTech",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_expiration_mot_passe_compte_tech: Option<DateHeure>,
    /// `emailStructure`: contact e-mail.
    #[serde(
        rename = "emailStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub email_structure: Option<String>,
    /// `estValideurDeleguee`: delegated validator.
    #[serde(
        rename = "estValideurDeleguee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub est_valideur_deleguee: Option<bool>,
    /// `idStructureCPP`: Chorus Pro structure id (`idFournisseur`/`idDestinataire` elsewhere).
    #[serde(
        rename = "idStructureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure_cpp: Option<i64>,
    /// `idStructureOrigine`: origin structure of a duplicate.
    #[serde(
        rename = "idStructureOrigine",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure_origine: Option<i64>,
    /// `identifiantStructure`: supplier identifier (SIRET).
    #[serde(
        rename = "identifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_structure: Option<String>,
    /// `libelleStructure`: structure label.
    #[serde(
        rename = "libelleStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_structure: Option<String>,
    /// `listeStructureDupliquees`: duplicates.
    #[serde(
        rename = "listeStructureDupliquees",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_structure_dupliquees: Vec<StructureDupliquee>,
    /// `nomStructure`: last name (private person).
    #[serde(
        rename = "nomStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_structure: Option<String>,
    /// `numeroRcsStructure`: RCS number.
    #[serde(
        rename = "numeroRcsStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_rcs_structure: Option<String>,
    /// `numeroTVA`: intra-community VAT number.
    #[serde(rename = "numeroTVA", default, skip_serializing_if = "Option::is_none")]
    pub numero_tva: Option<String>,
    /// `prenomStructure`: first name (private person).
    #[serde(
        rename = "prenomStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prenom_structure: Option<String>,
    /// `raisonSocialeStructure`: company name.
    #[serde(
        rename = "raisonSocialeStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_structure: Option<String>,
    /// `structurePriveePublique`: PRIVEE or PUBLIQUE.
    #[serde(
        rename = "structurePriveePublique",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub structure_privee_publique: Option<TypeStructure>,
    /// `typeIdentifiantStructure`: kind of identifier.
    #[serde(
        rename = "typeIdentifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_structure: Option<TypeIdentifiantStructure>,
}

/// One `listeStructureDupliquees` item (swagger `StructureDupliquee`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StructureDupliquee {
    /// `structureDupliquee`: id of the duplicate.
    #[serde(
        rename = "structureDupliquee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub structure_dupliquee: Option<i64>,
}

/// `parametres` of a structure: what an invoice to it must carry (swagger `ParamModifierStructure`,
/// api-reference §6.1).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresStructure {
    /// `codeServiceDoitEtreRenseigne`: `destinataire.codeServiceExecutant` is mandatory (api-reference §6.1).
    #[serde(
        rename = "codeServiceDoitEtreRenseigne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_doit_etre_renseigne: Option<bool>,
    /// `connexionEDI`: connected by EDI.
    #[serde(
        rename = "connexionEDI",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub connexion_edi: Option<bool>,
    /// `estMoaUniquement`: only a project owner (consultation spelling).
    #[serde(
        rename = "estMoaUniquement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub est_moa_uniquement: Option<bool>,
    /// `estValideurDelegue`: delegated validator.
    #[serde(
        rename = "estValideurDelegue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub est_valideur_delegue: Option<bool>,
    /// `gestionNumeroEJOuCodeService`: at least one of service code and engagement number is mandatory (api-reference §6.1).
    #[serde(
        rename = "gestionNumeroEJOuCodeService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gestion_numero_ej_ou_code_service: Option<bool>,
    /// `getaMoa` (sic): has a project owner.
    #[serde(rename = "getaMoa", default, skip_serializing_if = "Option::is_none")]
    pub geta_moa: Option<bool>,
    /// `nonDiffusibleInsee`: not publishable per INSEE.
    #[serde(
        rename = "nonDiffusibleInsee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub non_diffusible_insee: Option<bool>,
    /// `numeroEJDoitEtreRenseigne`: the engagement number (`references.numeroBonCommande`) is mandatory (api-reference §6.1).
    #[serde(
        rename = "numeroEJDoitEtreRenseigne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_ej_doit_etre_renseigne: Option<bool>,
    /// `recevoirDonneesViaEDI`: receives data by EDI.
    #[serde(
        rename = "recevoirDonneesViaEDI",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recevoir_donnees_via_edi: Option<bool>,
    /// `statutMiseEnPaiementNestPasRemonte`: the payment status is not reported (api-reference §4).
    #[serde(
        rename = "statutMiseEnPaiementNestPasRemonte",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_mise_en_paiement_nest_pas_remonte: Option<bool>,
}

/// Body of `POST /cpro/structures/v1/rechercher/services` (swagger `RechercherServicesStructureParam`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherServicesRequest {
    /// `idStructure`: structure `idStructureCPP`.
    #[serde(
        rename = "idStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure: Option<i64>,
    /// `parametresRechercherServicesStructure`: pagination and sort.
    #[serde(
        rename = "parametresRechercherServicesStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_rechercher_services_structure: Option<ParametresRechercherServicesStructure>,
}

/// Pagination and sort of `rechercher/services` (swagger `ParametresRechercherServicesStructure`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresRechercherServicesStructure {
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i64>,
    /// `pageResultatDemandee`: page wanted, 1-based.
    #[serde(
        rename = "pageResultatDemandee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee: Option<i64>,
    /// `triColonne`: sort column.
    #[serde(
        rename = "triColonne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne: Option<TriColonneServices>,
    /// `triSens`: `Ascendant` or `Descendant`.
    #[serde(rename = "triSens", default, skip_serializing_if = "Option::is_none")]
    pub tri_sens: Option<TriSens>,
}

crate::codes::code_enum! {
    /// Sort column (`triColonne`) of `rechercher/services`, structures swagger `ParametresRechercherServicesStructure`.
    TriColonneServices {
        /// Tri par `CodeService`.
        CodeService,
        /// Tri par `LibelleService`.
        LibelleService,
        /// Tri par `DateDbtService`.
        DateDbtService,
        /// Tri par `DateFinService`.
        DateFinService,
        /// Tri par `EstActif`.
        EstActif,
    }
}

/// Answer of `rechercher/services` (swagger `WsRetourRechercherServicesStructure`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherServicesResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeServices`: the services of this page.
    #[serde(
        rename = "listeServices",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_services: Vec<Service>,
    /// `parametresRetour`: page information.
    #[serde(
        rename = "parametresRetour",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_retour: Option<ParametresRetour>,
}

/// One `listeServices` item (swagger `ServiceExpose`, plus the `dateDbtService`/`dateFinService` of real answers).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Service {
    /// `codeService`: service code (what `codeServiceExecutant` takes).
    #[serde(
        rename = "codeService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service: Option<String>,
    /// `estActif`: the service is active (only active services may be used, api-reference §6.1).
    #[serde(rename = "estActif", default, skip_serializing_if = "Option::is_none")]
    pub est_actif: Option<bool>,
    /// `idService`: service id.
    #[serde(rename = "idService", default, skip_serializing_if = "Option::is_none")]
    pub id_service: Option<i64>,
    /// `libelleService`: service label.
    #[serde(
        rename = "libelleService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_service: Option<String>,
    /// `statutService`: service status.
    #[serde(
        rename = "statutService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_service: Option<String>,
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

/// Body of `POST /cpro/structures/v1/consulter/service` (swagger `ConsulterServiceStructureParam`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterServiceRequest {
    /// `codeLangue`: `FR` or `EN` (lower case also seen, api-reference §5.7).
    #[serde(
        rename = "codeLangue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_langue: Option<String>,
    /// `idService`: service id.
    #[serde(rename = "idService", default, skip_serializing_if = "Option::is_none")]
    pub id_service: Option<i64>,
    /// `idStructure`: structure `idStructureCPP`.
    #[serde(
        rename = "idStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure: Option<i64>,
}

/// Answer of `consulter/service` (swagger `WsRetourConsulterServiceStructure`, with its stray page fields).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterServiceResponse {
    /// `adressePostale`: service address.
    #[serde(
        rename = "adressePostale",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_postale: Option<AdressePostale>,
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `informationsGenerales`: service identity.
    #[serde(
        rename = "informationsGenerales",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub informations_generales: Option<InformationsGeneralesService>,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i64>,
    /// `pageCourante`: current page, 1-based.
    #[serde(
        rename = "pageCourante",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante: Option<i64>,
    /// `pages`: number of pages.
    #[serde(rename = "pages", default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<i64>,
    /// `parametres`: pagination and sort (api-reference §3.10).
    #[serde(
        rename = "parametres",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres: Option<ParametresService>,
    /// `total`: number of results.
    #[serde(rename = "total", default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
}

/// `informationsGenerales` of a service (swagger `ParamModifierServiceInfoGeneral`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InformationsGeneralesService {
    /// `codeService`: service code (what `codeServiceExecutant` takes).
    #[serde(
        rename = "codeService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service: Option<String>,
    /// `descriptionService`: service description.
    #[serde(
        rename = "descriptionService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description_service: Option<String>,
    /// `nomService`: service name.
    #[serde(
        rename = "nomService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service: Option<String>,
}

/// `parametres` of a service (swagger `ParamParametre`): `numeroEngagement` says whether the EJ is mandatory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresService {
    /// `dateCreation`: creation date.
    #[serde(
        rename = "dateCreation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_creation: Option<DateHeure>,
    /// `dateDebutValidite`: start of validity.
    #[serde(
        rename = "dateDebutValidite",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_debut_validite: Option<DateHeure>,
    /// `dateFinValidite`: end of validity.
    #[serde(
        rename = "dateFinValidite",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_fin_validite: Option<DateHeure>,
    /// `dateModification`: last change.
    #[serde(
        rename = "dateModification",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_modification: Option<DateHeure>,
    /// `miseEnPaiement`: payment status reported.
    #[serde(
        rename = "miseEnPaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mise_en_paiement: Option<bool>,
    /// `numeroEngagement`: the engagement number is mandatory when this service is used (api-reference §6.1).
    #[serde(
        rename = "numeroEngagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_engagement: Option<bool>,
}

/// Body of `POST /cpro/structures/v1/lister/rattachementsutilisateur`
/// (swagger `ListerRattachementsStructureUtilisateurParam`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListerRattachementsRequest {
    /// `adresseEmailConnexionUtilisateur`: the user's login e-mail.
    #[serde(
        rename = "adresseEmailConnexionUtilisateur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_email_connexion_utilisateur: Option<String>,
    /// `idStructure`: structure `idStructureCPP`.
    #[serde(
        rename = "idStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure: Option<i64>,
    /// `idUtilisateur`: user id.
    #[serde(
        rename = "idUtilisateur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur: Option<i64>,
    /// `identifiantStructure`: supplier identifier (SIRET).
    #[serde(
        rename = "identifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_structure: Option<String>,
    /// `parametresListerRattachementsStructureUtilisateur`: pagination and sort.
    #[serde(
        rename = "parametresListerRattachementsStructureUtilisateur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_lister_rattachements_structure_utilisateur:
        Option<ParamListerRattachementsStructureUtilisateur>,
    /// `typeIdentifiantStructure`: kind of identifier.
    #[serde(
        rename = "typeIdentifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_structure: Option<TypeIdentifiantStructure>,
}

/// Pagination and sort of `lister/rattachementsutilisateur`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamListerRattachementsStructureUtilisateur {
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i64>,
    /// `pageResultatDemandee`: page wanted, 1-based.
    #[serde(
        rename = "pageResultatDemandee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee: Option<i64>,
    /// `triColonne`: sort column.
    #[serde(
        rename = "triColonne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne: Option<TriColonneRattachements>,
    /// `triSens`: `Ascendant` or `Descendant`.
    #[serde(rename = "triSens", default, skip_serializing_if = "Option::is_none")]
    pub tri_sens: Option<TriSens>,
}

crate::codes::code_enum! {
    /// Sort column (`triColonne`) of `lister/rattachementsutilisateur`, structures swagger `ParamListerRattachementsStructureUtilisateur`.
    TriColonneRattachements {
        /// Tri par `CodeService`.
        CodeService,
        /// Tri par `NomService`.
        NomService,
        /// Tri par `StatutRattachement`.
        StatutRattachement,
    }
}

/// Answer of `lister/rattachementsutilisateur` (swagger `WsRetourListerRattachementsStructureUtilisateur`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListerRattachementsResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `designationStructure`: structure name.
    #[serde(
        rename = "designationStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_structure: Option<String>,
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
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeServices`: the services of this page.
    #[serde(
        rename = "listeServices",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_services: Vec<ServiceRattache>,
    /// `parametresRetour`: page information.
    #[serde(
        rename = "parametresRetour",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_retour: Option<ParametresRetour>,
    /// `premierService`: first service flag.
    #[serde(
        rename = "premierService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub premier_service: Option<bool>,
}

/// One `listeServices` item of `lister/rattachementsutilisateur`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceRattache {
    /// `codeService`: service code (what `codeServiceExecutant` takes).
    #[serde(
        rename = "codeService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service: Option<String>,
    /// `commentaire`: comment.
    #[serde(
        rename = "commentaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub commentaire: Option<String>,
    /// `dateDebut`: start.
    #[serde(rename = "dateDebut", default, skip_serializing_if = "Option::is_none")]
    pub date_debut: Option<DateHeure>,
    /// `dateFin`: end.
    #[serde(rename = "dateFin", default, skip_serializing_if = "Option::is_none")]
    pub date_fin: Option<DateHeure>,
    /// `idRattachement`: attachment id.
    #[serde(
        rename = "idRattachement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_rattachement: Option<i64>,
    /// `idService`: service id.
    #[serde(rename = "idService", default, skip_serializing_if = "Option::is_none")]
    pub id_service: Option<i64>,
    /// `nomService`: service name.
    #[serde(
        rename = "nomService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service: Option<String>,
    /// `statutRattachement`: attachment status.
    #[serde(
        rename = "statutRattachement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_rattachement: Option<StatutRattachement>,
}

/// Body of `POST /cpro/structures/v1/rechercher/espaces` (swagger `RechercherEspacesParam`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherEspacesRequest {
    /// `idService`: service id.
    #[serde(rename = "idService", default, skip_serializing_if = "Option::is_none")]
    pub id_service: Option<i64>,
    /// `parametresRechercherEspaces`: pagination and sort.
    #[serde(
        rename = "parametresRechercherEspaces",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_rechercher_espaces: Option<ParametresRechercherEspacesFo>,
    /// `structure`: the criteria.
    #[serde(rename = "structure", default, skip_serializing_if = "Option::is_none")]
    pub structure: Option<StructureEspaces>,
}

/// Pagination and sort of `rechercher/espaces` (swagger `ParametresRechercherEspacesFo`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresRechercherEspacesFo {
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i64>,
    /// `pageResultatDemandee`: page wanted, 1-based.
    #[serde(
        rename = "pageResultatDemandee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee: Option<i64>,
    /// `triColonne`: sort column.
    #[serde(
        rename = "triColonne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne: Option<TriColonneEspaces>,
    /// `triSens`: `Ascendant` or `Descendant`.
    #[serde(rename = "triSens", default, skip_serializing_if = "Option::is_none")]
    pub tri_sens: Option<TriSens>,
}

crate::codes::code_enum! {
    /// Sort column (`triColonne`) of `rechercher/espaces`, structures swagger `ParametresRechercherEspacesFo`.
    TriColonneEspaces {
        /// Tri par `CodeService`.
        CodeService,
        /// Tri par `LibelleService`.
        LibelleService,
        /// Tri par `idEspaceFo`.
        idEspaceFo,
        /// Tri par `CodeEspace`.
        CodeEspace,
        /// Tri par `LibelleEspace`.
        LibelleEspace,
        /// Tri par `etatCourant`.
        etatCourant,
        /// Tri par `TypeHabilitation`.
        TypeHabilitation,
        /// Tri par `IdService`.
        IdService,
    }
}

/// `structure` of `rechercher/espaces` (swagger `ParametresStructureRechercherEspacesFo`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StructureEspaces {
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
}

/// Answer of `rechercher/espaces` (swagger `WsRetourRechercherEspacesFo`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherEspacesResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `listeEspace`: the spaces of this page.
    #[serde(
        rename = "listeEspace",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_espace: Vec<EspaceFo>,
    /// `parametresRetour`: page information.
    #[serde(
        rename = "parametresRetour",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_retour: Option<ParametresRetour>,
}

/// One `listeEspace` item (swagger `WsRetourEspaceFoServiceSxp`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EspaceFo {
    /// `codeEspace`: space code.
    #[serde(
        rename = "codeEspace",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_espace: Option<i32>,
    /// `codeService`: service code (what `codeServiceExecutant` takes).
    #[serde(
        rename = "codeService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service: Option<String>,
    /// `etatCourant`: space state.
    #[serde(
        rename = "etatCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub etat_courant: Option<EtatEspace>,
    /// `idEspaceFo`: space id.
    #[serde(
        rename = "idEspaceFo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_espace_fo: Option<i64>,
    /// `idService`: service id.
    #[serde(rename = "idService", default, skip_serializing_if = "Option::is_none")]
    pub id_service: Option<i64>,
    /// `libelleEspace`: space label.
    #[serde(
        rename = "libelleEspace",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_espace: Option<String>,
    /// `libelleService`: service label.
    #[serde(
        rename = "libelleService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_service: Option<String>,
    /// `typeHabilitation`: access level.
    #[serde(
        rename = "typeHabilitation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_habilitation: Option<TypeHabilitation>,
}

crate::retour::impl_reponse!(
    RechercherStructureResponse,
    ConsulterStructureResponse,
    RechercherServicesResponse,
    ConsulterServiceResponse,
    ListerRattachementsResponse,
    RechercherEspacesResponse
);
