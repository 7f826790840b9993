//! `rechercher/fournisseur` and `rechercher/atraiter/fournisseur`: the supplier's invoice searches (api-reference §3.4, §3.9).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{
    CadreFacturation, ModeDepot, StatutFacture, TriSens, TypeDemandePaiement, TypeFacture,
    TypeIdentifiantStructure,
};
use crate::DateHeure;

/// Body of `POST /cpro/factures/v1/rechercher/fournisseur` (swagger `RechercherFactureParFournisseurParam`,
/// api-reference §3.4). Every criterion is optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherFournisseurRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `listeDestinataire`: recipients to search for.
    #[serde(
        rename = "listeDestinataire",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_destinataire: Vec<CritereDestinataire>,
    /// `rechercheSirenDestinataire`: match recipients by SIREN (all establishments).
    #[serde(
        rename = "rechercheSirenDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recherche_siren_destinataire: Option<bool>,
    /// `numeroFacture`: invoice number (Chorus-generated in SAISIE_API mode).
    #[serde(
        rename = "numeroFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture: Option<String>,
    /// `periodeDateDepotDu`: deposited on or after.
    #[serde(
        rename = "periodeDateDepotDu",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub periode_date_depot_du: Option<NaiveDate>,
    /// `periodeDateDepotAu`: deposited on or before.
    #[serde(
        rename = "periodeDateDepotAu",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub periode_date_depot_au: Option<NaiveDate>,
    /// `typeFacture`: FACTURE or AVOIR.
    #[serde(
        rename = "typeFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_facture: Option<TypeFacture>,
    /// `idFournisseur`: the supplier's `idStructureCPP`.
    #[serde(
        rename = "idFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_fournisseur: Option<i64>,
    /// `idServiceFournisseur`: the supplier's own service id.
    #[serde(
        rename = "idServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_service_fournisseur: Option<i64>,
    /// `idStructureValideur`: validator structure id.
    #[serde(
        rename = "idStructureValideur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure_valideur: Option<i64>,
    /// `cadreFacturation`: billing framework (any of A1…A25).
    #[serde(
        rename = "cadreFacturation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cadre_facturation: Option<CadreFacturation>,
    /// `statutCourant`: current statuses to match.
    #[serde(
        rename = "statutCourant",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub statut_courant: Vec<StatutFacture>,
    /// `periodeDateFactureDu`: invoice date on or after.
    #[serde(
        rename = "periodeDateFactureDu",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub periode_date_facture_du: Option<NaiveDate>,
    /// `periodeDateFactureAu`: invoice date on or before.
    #[serde(
        rename = "periodeDateFactureAu",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub periode_date_facture_au: Option<NaiveDate>,
    /// `montantHTMin`: minimum amount excluding VAT.
    #[serde(
        rename = "montantHTMin",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ht_min: Option<Decimal>,
    /// `montantHTMax`: maximum amount excluding VAT.
    #[serde(
        rename = "montantHTMax",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ht_max: Option<Decimal>,
    /// `montantTTCMin`: minimum amount including VAT.
    #[serde(
        rename = "montantTTCMin",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ttc_min: Option<Decimal>,
    /// `montantTTCMax`: maximum amount including VAT.
    #[serde(
        rename = "montantTTCMax",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ttc_max: Option<Decimal>,
    /// `montantApayerMin` (lower-case "p", sic): minimum amount to pay.
    #[serde(
        rename = "montantApayerMin",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_apayer_min: Option<Decimal>,
    /// `montantApayerMax` (lower-case "p", sic): maximum amount to pay.
    #[serde(
        rename = "montantApayerMax",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_apayer_max: Option<Decimal>,
    /// `coordonneeBancaire`: bank account id.
    #[serde(
        rename = "coordonneeBancaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coordonnee_bancaire: Option<i64>,
    /// `idUtilisateurCreateur`: ids of the users who created the invoices.
    #[serde(
        rename = "idUtilisateurCreateur",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub id_utilisateur_createur: Vec<i64>,
    /// `numeroMarche`: public contract number.
    #[serde(
        rename = "numeroMarche",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_marche: Option<String>,
    /// `numeroBonCommande`: the engagement juridique (EJ) number, 50 chars max (api-reference §6.1).
    #[serde(
        rename = "numeroBonCommande",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_bon_commande: Option<String>,
    /// `numeroFactureOrigine`: the invoice a credit note corrects.
    #[serde(
        rename = "numeroFactureOrigine",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture_origine: Option<String>,
    /// `modeDepot`: SAISIE_API, DEPOT_PDF_API or DEPOT_PDF_SIGNE_API.
    #[serde(rename = "modeDepot", default, skip_serializing_if = "Option::is_none")]
    pub mode_depot: Option<ModeDepot>,
    /// `numeroFluxDepot`: deposit number, to follow with `transverses/v1/consulterCRDetaille`.
    #[serde(
        rename = "numeroFluxDepot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_flux_depot: Option<String>,
    /// `rechercheFactureParFournisseur`: pagination and sort (api-reference §3.10).
    #[serde(
        rename = "rechercheFactureParFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recherche_facture_par_fournisseur: Option<ParametresRechercherFactureParFournisseur>,
    /// `recupererTaille`: also return each invoice's size (`taille`).
    #[serde(
        rename = "recupererTaille",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recuperer_taille: Option<bool>,
    /// `periodeDateHeureEtatCourantDu`: current status reached on or after.
    #[serde(
        rename = "periodeDateHeureEtatCourantDu",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub periode_date_heure_etat_courant_du: Option<DateHeure>,
    /// `periodeDateHeureEtatCourantAu`: current status reached on or before.
    #[serde(
        rename = "periodeDateHeureEtatCourantAu",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub periode_date_heure_etat_courant_au: Option<DateHeure>,
    /// `rejetTraite`: the rejection has been acknowledged with `traiterRejet`.
    #[serde(
        rename = "rejetTraite",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejet_traite: Option<bool>,
}

/// One `listeDestinataire` item (swagger `CritereDestinatairePojo`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CritereDestinataire {
    /// `idDestinataire`: recipient `idStructureCPP`.
    #[serde(
        rename = "idDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_destinataire: Option<i64>,
    /// `listeIdServiceExecutant`: recipient service ids.
    #[serde(
        rename = "listeIdServiceExecutant",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_id_service_executant: Vec<i64>,
    /// `raisonSocialeStuctDmd` (sic): recipient company name.
    #[serde(
        rename = "raisonSocialeStuctDmd",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_stuct_dmd: Option<String>,
}

/// `rechercheFactureParFournisseur`: pagination and sort of `rechercher/fournisseur`
/// (swagger `ParametresRechercherFactureParFournisseur`, api-reference §3.10).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresRechercherFactureParFournisseur {
    /// `nbResultatsMaximum`: cap on results (200 by default per spec comments, api-reference §3.10).
    #[serde(
        rename = "nbResultatsMaximum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_maximum: Option<i64>,
    /// `pageResultatDemandee`: page wanted, 1-based.
    #[serde(
        rename = "pageResultatDemandee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee: Option<i64>,
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i64>,
    /// `triSens`: `Ascendant` or `Descendant`.
    #[serde(rename = "triSens", default, skip_serializing_if = "Option::is_none")]
    pub tri_sens: Option<TriSens>,
    /// `triColonne`: sort column.
    #[serde(
        rename = "triColonne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne: Option<TriColonneFactureFournisseur>,
    /// `champsDeTri`: an empty object in the swagger (Java bean artefact); no client sends it.
    #[serde(
        rename = "champsDeTri",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub champs_de_tri: Option<TriColonne>,
    /// `ordreTriGenerique`: generic sort order (Java bean artefact of the swagger).
    #[serde(
        rename = "ordreTriGenerique",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ordre_tri_generique: Option<TriSens>,
    /// `taillePageGenerique`: generic page size (Java bean artefact of the swagger).
    #[serde(
        rename = "taillePageGenerique",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub taille_page_generique: Option<i64>,
    /// `indexPageGenerique`: generic page index (Java bean artefact of the swagger).
    #[serde(
        rename = "indexPageGenerique",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_page_generique: Option<i64>,
}

crate::codes::code_enum! {
    /// Sort column (`triColonne`) of `rechercher/fournisseur`, swagger `ParametresRechercherFactureParFournisseur`.
    TriColonneFactureFournisseur {
        /// Tri par `TypeDemandePaiement`.
        TypeDemandePaiement,
        /// Tri par `CodeFournisseur`.
        CodeFournisseur,
        /// Tri par `TypeIdentifiantFournisseur`.
        TypeIdentifiantFournisseur,
        /// Tri par `DesignationFournisseur`.
        DesignationFournisseur,
        /// Tri par `CodeServiceFournisseur`.
        CodeServiceFournisseur,
        /// Tri par `NomServiceFournisseur`.
        NomServiceFournisseur,
        /// Tri par `CodeDestinataire`.
        CodeDestinataire,
        /// Tri par `DesignationDestinataire`.
        DesignationDestinataire,
        /// Tri par `CodeServiceExecutant`.
        CodeServiceExecutant,
        /// Tri par `NomServiceExecutant`.
        NomServiceExecutant,
        /// Tri par `TypeFacture`.
        TypeFacture,
        /// Tri par `NumeroFacture`.
        NumeroFacture,
        /// Tri par `DateFacture`.
        DateFacture,
        /// Tri par `DateDepot`.
        DateDepot,
        /// Tri par `MontantHT`.
        MontantHT,
        /// Tri par `MontantTTC`.
        MontantTTC,
        /// Tri par `MontantAPayer`.
        MontantAPayer,
        /// Tri par `Devise`.
        Devise,
        /// Tri par `Statut`.
        Statut,
        /// Tri par `NumeroMarche`.
        NumeroMarche,
        /// Tri par `NumeroBonCommande`.
        NumeroBonCommande,
        /// Tri par `NumeroFluxDepot`.
        NumeroFluxDepot,
        /// Tri par `TypeIdentifiantValideur1`.
        TypeIdentifiantValideur1,
        /// Tri par `CodeValideur1`.
        CodeValideur1,
        /// Tri par `RaisonSocialeValideur1`.
        RaisonSocialeValideur1,
        /// Tri par `NomValideur1`.
        NomValideur1,
        /// Tri par `PrenomValideur1`.
        PrenomValideur1,
        /// Tri par `DateValidation1`.
        DateValidation1,
        /// Tri par `TypeIdentifiantValideur2`.
        TypeIdentifiantValideur2,
        /// Tri par `CodeValideur2`.
        CodeValideur2,
        /// Tri par `RaisonSocialeValideur2`.
        RaisonSocialeValideur2,
        /// Tri par `NomValideur2`.
        NomValideur2,
        /// Tri par `PrenomValideur2`.
        PrenomValideur2,
        /// Tri par `DateValidation2`.
        DateValidation2,
        /// Tri par `NumeroFactureOrigine`.
        NumeroFactureOrigine,
        /// Tri par `ModeDepot`.
        ModeDepot,
        /// Tri par `CoordBancairesFournisseurCleIban`.
        CoordBancairesFournisseurCleIban,
        /// Tri par `CoordBancairesFournisseurCleRib`.
        CoordBancairesFournisseurCleRib,
        /// Tri par `CoordBancairesFournisseurCodeBanque`.
        CoordBancairesFournisseurCodeBanque,
        /// Tri par `CoordBancairesFournisseurCodePays`.
        CoordBancairesFournisseurCodePays,
        /// Tri par `CoordBancairesFournisseurCompteBancaire`.
        CoordBancairesFournisseurCompteBancaire,
        /// Tri par `CoordBancairesFournisseurNomCb`.
        CoordBancairesFournisseurNomCb,
        /// Tri par `AffactureurCode`.
        AffactureurCode,
        /// Tri par `AffactureurTypeIdentifiant`.
        AffactureurTypeIdentifiant,
        /// Tri par `AffactureurRaisonSociale`.
        AffactureurRaisonSociale,
        /// Tri par `NomPrenomUtilisateurCreateur`.
        NomPrenomUtilisateurCreateur,
    }
}

/// `champsDeTri`: the swagger's `TriColonne`, an object without properties.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TriColonne {}

/// `parametresRetour`: the page returned by a search (swagger `ParametresRetour`, api-reference §3.10).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParametresRetour {
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

/// Answer of `rechercher/fournisseur` (swagger `WsRetourRechercherFactureParFournisseur`).
///
/// An empty search may answer a non-zero `codeRetour` (20000, api-reference §6.3): treat it as an empty list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherFournisseurResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `parametresRetour`: page information.
    #[serde(
        rename = "parametresRetour",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_retour: Option<ParametresRetour>,
    /// `listeFactures`: the invoices of this page.
    #[serde(
        rename = "listeFactures",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_factures: Vec<FactureRechercheeFournisseur>,
}

/// One `listeFactures` item of `rechercher/fournisseur` (swagger `RetourRechercherFactureParFournisseur`).
///
/// The swagger types `statut`, `modeDepot` and the validator identifier types as plain strings; they
/// are read here with the code enums (unknown values fall back to `Autre`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactureRechercheeFournisseur {
    /// `identifiantFactureCPP`: Chorus Pro invoice id.
    #[serde(
        rename = "identifiantFactureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_facture_cpp: Option<i64>,
    /// `typeDemandePaiement`: payment request type, e.g. FACTURE.
    #[serde(
        rename = "typeDemandePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_demande_paiement: Option<TypeDemandePaiement>,
    /// `codeFournisseur`: supplier identifier read by OCR.
    #[serde(
        rename = "codeFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_fournisseur: Option<String>,
    /// `typeIdentifiantFournisseur`: kind of supplier identifier.
    #[serde(
        rename = "typeIdentifiantFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_fournisseur: Option<TypeIdentifiantStructure>,
    /// `designationFournisseur`: supplier name.
    #[serde(
        rename = "designationFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_fournisseur: Option<String>,
    /// `codeServiceFournisseur`: supplier service code.
    #[serde(
        rename = "codeServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_fournisseur: Option<String>,
    /// `nomServiceFournisseur`: supplier service name.
    #[serde(
        rename = "nomServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service_fournisseur: Option<String>,
    /// `idDestinataire`: recipient `idStructureCPP`.
    #[serde(
        rename = "idDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_destinataire: Option<i64>,
    /// `codeDestinataire`: recipient identifier, the SIRET for French public entities (14 chars).
    #[serde(
        rename = "codeDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_destinataire: Option<String>,
    /// `designationDestinataire`: recipient name.
    #[serde(
        rename = "designationDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_destinataire: Option<String>,
    /// `idServiceExecutant`: recipient service id.
    #[serde(
        rename = "idServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_service_executant: Option<i64>,
    /// `codeServiceExecutant`: recipient service code (100 chars max).
    #[serde(
        rename = "codeServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_executant: Option<String>,
    /// `nomServiceExecutant`: recipient service name.
    #[serde(
        rename = "nomServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service_executant: Option<String>,
    /// `typeFacture`: FACTURE or AVOIR.
    #[serde(
        rename = "typeFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_facture: Option<TypeFacture>,
    /// `numeroFacture`: invoice number (Chorus-generated in SAISIE_API mode).
    #[serde(
        rename = "numeroFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture: Option<String>,
    /// `dateFacture`: invoice date, sent as `YYYY-MM-DD`.
    #[serde(
        rename = "dateFacture",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_facture: Option<NaiveDate>,
    /// `dateDepot`: deposit date.
    #[serde(
        rename = "dateDepot",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_depot: Option<NaiveDate>,
    /// `montantHT`: amount excluding VAT.
    #[serde(
        rename = "montantHT",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ht: Option<Decimal>,
    /// `montantTTC`: amount including VAT.
    #[serde(
        rename = "montantTTC",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ttc: Option<Decimal>,
    /// `montantAPayer`: amount to pay.
    #[serde(
        rename = "montantAPayer",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_a_payer: Option<Decimal>,
    /// `devise`: currency code.
    #[serde(rename = "devise", default, skip_serializing_if = "Option::is_none")]
    pub devise: Option<String>,
    /// `statut` (not `statutFacture` in searches): current status.
    #[serde(rename = "statut", default, skip_serializing_if = "Option::is_none")]
    pub statut: Option<StatutFacture>,
    /// `numeroMarche`: public contract number.
    #[serde(
        rename = "numeroMarche",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_marche: Option<String>,
    /// `numeroBonCommande`: the engagement juridique (EJ) number, 50 chars max (api-reference §6.1).
    #[serde(
        rename = "numeroBonCommande",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_bon_commande: Option<String>,
    /// `numeroFluxDepot`: deposit number, to follow with `transverses/v1/consulterCRDetaille`.
    #[serde(
        rename = "numeroFluxDepot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_flux_depot: Option<String>,
    /// `typeIdentifiantValideur1`.
    #[serde(
        rename = "typeIdentifiantValideur1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_valideur1: Option<TypeIdentifiantStructure>,
    /// `codeValideur1`.
    #[serde(
        rename = "codeValideur1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_valideur1: Option<String>,
    /// `raisonSocialeValideur1`.
    #[serde(
        rename = "raisonSocialeValideur1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_valideur1: Option<String>,
    /// `nomValideur1`.
    #[serde(
        rename = "nomValideur1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_valideur1: Option<String>,
    /// `prenomValideur1`.
    #[serde(
        rename = "prenomValideur1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prenom_valideur1: Option<String>,
    /// `dateValidation1`.
    #[serde(
        rename = "dateValidation1",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_validation1: Option<NaiveDate>,
    /// `typeIdentifiantValideur2`.
    #[serde(
        rename = "typeIdentifiantValideur2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_valideur2: Option<TypeIdentifiantStructure>,
    /// `codeValideur2`.
    #[serde(
        rename = "codeValideur2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_valideur2: Option<String>,
    /// `raisonSocialeValideur2`.
    #[serde(
        rename = "raisonSocialeValideur2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_valideur2: Option<String>,
    /// `nomValideur2`.
    #[serde(
        rename = "nomValideur2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_valideur2: Option<String>,
    /// `prenomValideur2`.
    #[serde(
        rename = "prenomValideur2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prenom_valideur2: Option<String>,
    /// `dateValidation2`.
    #[serde(
        rename = "dateValidation2",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_validation2: Option<NaiveDate>,
    /// `numeroFactureOrigine`: the invoice a credit note corrects.
    #[serde(
        rename = "numeroFactureOrigine",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture_origine: Option<String>,
    /// `modeDepot`: SAISIE_API, DEPOT_PDF_API or DEPOT_PDF_SIGNE_API.
    #[serde(rename = "modeDepot", default, skip_serializing_if = "Option::is_none")]
    pub mode_depot: Option<ModeDepot>,
    /// `coordBancairesFournisseurCleIban`.
    #[serde(
        rename = "coordBancairesFournisseurCleIban",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_cle_iban: Option<String>,
    /// `coordBancairesFournisseurCleRib`.
    #[serde(
        rename = "coordBancairesFournisseurCleRib",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_cle_rib: Option<String>,
    /// `coordBancairesFournisseurCodeBanque`.
    #[serde(
        rename = "coordBancairesFournisseurCodeBanque",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_code_banque: Option<String>,
    /// `coordBancairesFournisseurCodePays`.
    #[serde(
        rename = "coordBancairesFournisseurCodePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_code_pays: Option<String>,
    /// `coordBancairesFournisseurCompteBancaire`.
    #[serde(
        rename = "coordBancairesFournisseurCompteBancaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_compte_bancaire: Option<String>,
    /// `coordBancairesFournisseurNomCb`.
    #[serde(
        rename = "coordBancairesFournisseurNomCb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_nom_cb: Option<String>,
    /// `affactureurCode`.
    #[serde(
        rename = "affactureurCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub affactureur_code: Option<String>,
    /// `affactureurTypeIdentifiant`.
    #[serde(
        rename = "affactureurTypeIdentifiant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub affactureur_type_identifiant: Option<TypeIdentifiantStructure>,
    /// `affactureurRaisonSociale`.
    #[serde(
        rename = "affactureurRaisonSociale",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub affactureur_raison_sociale: Option<String>,
    /// `nomPrenomUtilisateurCreateur`: creator's name.
    #[serde(
        rename = "nomPrenomUtilisateurCreateur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_prenom_utilisateur_createur: Option<String>,
    /// `taille`: size in bytes (when `recupererTaille`).
    #[serde(rename = "taille", default, skip_serializing_if = "Option::is_none")]
    pub taille: Option<i64>,
    /// `dateHeureEtatCourant`: when the current status was reached.
    #[serde(
        rename = "dateHeureEtatCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_heure_etat_courant: Option<DateHeure>,
    /// `commentaireEtatCourant`: comment of the current status (rejection or suspension reason).
    #[serde(
        rename = "commentaireEtatCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub commentaire_etat_courant: Option<String>,
    /// `rejetTraite`: the rejection has been acknowledged with `traiterRejet`.
    #[serde(
        rename = "rejetTraite",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejet_traite: Option<bool>,
}

/// Body of `POST /cpro/factures/v1/rechercher/atraiter/fournisseur`
/// (swagger `RechercherFactureATraiterParFournisseurParam`, api-reference §3.9).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherATraiterFournisseurRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `idStructure`: structure `idStructureCPP`.
    #[serde(
        rename = "idStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure: Option<i64>,
    /// `masquerRejetee`: hide rejected invoices.
    #[serde(
        rename = "masquerRejetee",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub masquer_rejetee: Option<bool>,
    /// `rechercheFactureATraiterParFournisseur`: pagination and sort (api-reference §3.10).
    #[serde(
        rename = "rechercheFactureATraiterParFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recherche_facture_a_traiter_par_fournisseur:
        Option<ParamRechercheFactureATraiterParFournisseur>,
    /// `recupererTaille`: also return each invoice's size (`taille`).
    #[serde(
        rename = "recupererTaille",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recuperer_taille: Option<bool>,
}

/// `rechercheFactureATraiterParFournisseur`: pagination and sort of `rechercher/atraiter/fournisseur`
/// (swagger `ParamRechercheFactureATraiterParFournisseur`; counts are int32 here).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamRechercheFactureATraiterParFournisseur {
    /// `nbResultatsMaximum`: cap on results (200 by default per spec comments, api-reference §3.10).
    #[serde(
        rename = "nbResultatsMaximum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_maximum: Option<i32>,
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
    /// `triSens`: `Ascendant` or `Descendant`.
    #[serde(rename = "triSens", default, skip_serializing_if = "Option::is_none")]
    pub tri_sens: Option<TriSens>,
    /// `triColonne`: sort column.
    #[serde(
        rename = "triColonne",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne: Option<TriColonneFactureATraiter>,
    /// `champsDeTri`: an empty object in the swagger (Java bean artefact); no client sends it.
    #[serde(
        rename = "champsDeTri",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub champs_de_tri: Option<TriColonne>,
    /// `ordreTriGenerique`: generic sort order (Java bean artefact of the swagger).
    #[serde(
        rename = "ordreTriGenerique",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ordre_tri_generique: Option<TriSens>,
    /// `taillePageGenerique`: generic page size (Java bean artefact of the swagger).
    #[serde(
        rename = "taillePageGenerique",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub taille_page_generique: Option<i64>,
    /// `indexPageGenerique`: generic page index (Java bean artefact of the swagger).
    #[serde(
        rename = "indexPageGenerique",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_page_generique: Option<i64>,
}

crate::codes::code_enum! {
    /// Sort column (`triColonne`) of `rechercher/atraiter/fournisseur`, swagger `ParamRechercheFactureATraiterParFournisseur`.
    TriColonneFactureATraiter {
        /// Tri par `TypeDemandePaiement`.
        TypeDemandePaiement,
        /// Tri par `CodeFournisseur`.
        CodeFournisseur,
        /// Tri par `TypeIdentifiantFournisseur`.
        TypeIdentifiantFournisseur,
        /// Tri par `DesignationFournisseur`.
        DesignationFournisseur,
        /// Tri par `CodeServiceFournisseur`.
        CodeServiceFournisseur,
        /// Tri par `NomServiceFournisseur`.
        NomServiceFournisseur,
        /// Tri par `CodeDestinataire`.
        CodeDestinataire,
        /// Tri par `DesignationDestinataire`.
        DesignationDestinataire,
        /// Tri par `CodeServiceExecutant`.
        CodeServiceExecutant,
        /// Tri par `NomServiceExecutant`.
        NomServiceExecutant,
        /// Tri par `TypeFacture`.
        TypeFacture,
        /// Tri par `NumeroFacture`.
        NumeroFacture,
        /// Tri par `DateFacture`.
        DateFacture,
        /// Tri par `DateDepot`.
        DateDepot,
        /// Tri par `MontantHT`.
        MontantHT,
        /// Tri par `MontantTTC`.
        MontantTTC,
        /// Tri par `MontantAPayer`.
        MontantAPayer,
        /// Tri par `Devise`.
        Devise,
        /// Tri par `Statut`.
        Statut,
        /// Tri par `NumeroMarche`.
        NumeroMarche,
        /// Tri par `NumeroBonCommande`.
        NumeroBonCommande,
    }
}

/// Answer of `rechercher/atraiter/fournisseur` (swagger `WsRetourRechercherFactureATraiterParFournisseur`):
/// exactly the invoices on which the supplier can act.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RechercherATraiterFournisseurResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `parametresRetour`: page information.
    #[serde(
        rename = "parametresRetour",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parametres_retour: Option<ParametresRetour>,
    /// `listeFactures`: the invoices of this page.
    #[serde(
        rename = "listeFactures",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_factures: Vec<FactureATraiterFournisseur>,
}

/// One `listeFactures` item of `rechercher/atraiter/fournisseur` (swagger `FactureRechercherATraiterFournisseur`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactureATraiterFournisseur {
    /// `identifiantFactureCPP`: Chorus Pro invoice id.
    #[serde(
        rename = "identifiantFactureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_facture_cpp: Option<i64>,
    /// `typeDemandePaiement`: payment request type, e.g. FACTURE.
    #[serde(
        rename = "typeDemandePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_demande_paiement: Option<TypeDemandePaiement>,
    /// `codeFournisseur`: supplier identifier read by OCR.
    #[serde(
        rename = "codeFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_fournisseur: Option<String>,
    /// `typeIdentifiantFournisseur`: kind of supplier identifier.
    #[serde(
        rename = "typeIdentifiantFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_fournisseur: Option<TypeIdentifiantStructure>,
    /// `designationFournisseur`: supplier name.
    #[serde(
        rename = "designationFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_fournisseur: Option<String>,
    /// `codeServiceFournisseur`: supplier service code.
    #[serde(
        rename = "codeServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_fournisseur: Option<String>,
    /// `nomServiceFournisseur`: supplier service name.
    #[serde(
        rename = "nomServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service_fournisseur: Option<String>,
    /// `idDestinataire`: recipient `idStructureCPP`.
    #[serde(
        rename = "idDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_destinataire: Option<i64>,
    /// `codeDestinataire`: recipient identifier, the SIRET for French public entities (14 chars).
    #[serde(
        rename = "codeDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_destinataire: Option<String>,
    /// `designationDestinataire`: recipient name.
    #[serde(
        rename = "designationDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_destinataire: Option<String>,
    /// `idServiceExecutant`: recipient service id.
    #[serde(
        rename = "idServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_service_executant: Option<i64>,
    /// `codeServiceExecutant`: recipient service code (100 chars max).
    #[serde(
        rename = "codeServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_executant: Option<String>,
    /// `nomServiceExecutant`: recipient service name.
    #[serde(
        rename = "nomServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service_executant: Option<String>,
    /// `typeFacture`: FACTURE or AVOIR.
    #[serde(
        rename = "typeFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_facture: Option<TypeFacture>,
    /// `numeroFacture`: invoice number (Chorus-generated in SAISIE_API mode).
    #[serde(
        rename = "numeroFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture: Option<String>,
    /// `dateFacture`: invoice date, sent as `YYYY-MM-DD`.
    #[serde(
        rename = "dateFacture",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_facture: Option<NaiveDate>,
    /// `dateDepot`: deposit date.
    #[serde(
        rename = "dateDepot",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_depot: Option<NaiveDate>,
    /// `montantHT`: amount excluding VAT.
    #[serde(
        rename = "montantHT",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ht: Option<Decimal>,
    /// `montantTTC`: amount including VAT.
    #[serde(
        rename = "montantTTC",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ttc: Option<Decimal>,
    /// `montantAPayer`: amount to pay.
    #[serde(
        rename = "montantAPayer",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_a_payer: Option<Decimal>,
    /// `devise`: currency code.
    #[serde(rename = "devise", default, skip_serializing_if = "Option::is_none")]
    pub devise: Option<String>,
    /// `statut` (not `statutFacture` in searches): current status.
    #[serde(rename = "statut", default, skip_serializing_if = "Option::is_none")]
    pub statut: Option<StatutFacture>,
    /// `numeroMarche`: public contract number.
    #[serde(
        rename = "numeroMarche",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_marche: Option<String>,
    /// `numeroBonCommande`: the engagement juridique (EJ) number, 50 chars max (api-reference §6.1).
    #[serde(
        rename = "numeroBonCommande",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_bon_commande: Option<String>,
    /// `taille`: size in bytes (when `recupererTaille`).
    #[serde(rename = "taille", default, skip_serializing_if = "Option::is_none")]
    pub taille: Option<i64>,
}

crate::retour::impl_reponse!(
    RechercherFournisseurResponse,
    RechercherATraiterFournisseurResponse
);
