//! `soumettre`: create and submit one invoice (api-reference §3.2).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{
    CadreFacturation, ModeDepot, ModePaiement, StatutFacture, TypeFacture, TypeTva,
};

/// Body of `POST /cpro/factures/v1/soumettre` (swagger `SoumettreFactureParam`, api-reference §3.2).
///
/// Every key is optional in the swagger; the business rules are in api-reference §6.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SoumettreRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `modeDepot`: SAISIE_API, DEPOT_PDF_API or DEPOT_PDF_SIGNE_API.
    #[serde(rename = "modeDepot", default, skip_serializing_if = "Option::is_none")]
    pub mode_depot: Option<ModeDepot>,
    /// `numeroFactureSaisi`: the supplier's invoice number (PDF modes; Chorus numbers SAISIE_API invoices itself, api-reference §3.2).
    #[serde(
        rename = "numeroFactureSaisi",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture_saisi: Option<String>,
    /// `dateFacture`: invoice date, sent as `YYYY-MM-DD`.
    #[serde(
        rename = "dateFacture",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_facture: Option<NaiveDate>,
    /// `destinataire`: the public recipient and its service.
    #[serde(
        rename = "destinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destinataire: Option<Destinataire>,
    /// `fournisseur`: the supplier structure, service and bank account.
    #[serde(
        rename = "fournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fournisseur: Option<Fournisseur>,
    /// `cadreDeFacturation`: billing framework and validator.
    #[serde(
        rename = "cadreDeFacturation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cadre_de_facturation: Option<CadreDeFacturation>,
    /// `references`: currency, type, VAT regime, market and engagement numbers, payment mode.
    #[serde(
        rename = "references",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub references: Option<References>,
    /// `lignePoste`: invoice lines (SAISIE_API needs at least one; PDF modes send none).
    #[serde(
        rename = "lignePoste",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub ligne_poste: Vec<LignePoste>,
    /// `ligneTva`: VAT breakdown by rate.
    #[serde(
        rename = "ligneTva",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub ligne_tva: Vec<LigneTva>,
    /// `montantTotal`: invoice totals.
    #[serde(
        rename = "montantTotal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_total: Option<MontantTotal>,
    /// `pieceJointePrincipale`: the main PDF (from `deposer/pdf` or `ajouter/fichier`).
    /// Written as an array; read from an array or a single object (api-reference §3.2).
    #[serde(
        rename = "pieceJointePrincipale",
        default,
        deserialize_with = "crate::wire::un_ou_liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub piece_jointe_principale: Vec<PieceJointePrincipale>,
    /// `pieceJointeComplementaire`: additional attachments.
    #[serde(
        rename = "pieceJointeComplementaire",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub piece_jointe_complementaire: Vec<PieceJointeComplementaire>,
    /// `commentaire`: free text (text(2000) per spec comments, api-reference §3.2).
    #[serde(
        rename = "commentaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub commentaire: Option<String>,
}
/// `destinataire` of `soumettre` and `recycler` (swagger `SoumettreFactureDestinataire`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Destinataire {
    /// `codeDestinataire`: recipient identifier, the SIRET for French public entities (14 chars).
    #[serde(
        rename = "codeDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_destinataire: Option<String>,
    /// `codeServiceExecutant`: recipient service code (100 chars max).
    #[serde(
        rename = "codeServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_executant: Option<String>,
}
/// `fournisseur` of `soumettre` (swagger `SoumettreFactureFournisseur`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Fournisseur {
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
    /// `codeCoordonneesBancairesFournisseur`: `idCoordonneeBancaire` from `recuperer/coordbanc/valides`.
    #[serde(
        rename = "codeCoordonneesBancairesFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_coordonnees_bancaires_fournisseur: Option<i64>,
}
/// `cadreDeFacturation` of `soumettre` (swagger `SoumettreFactureCadreDeFacturation`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CadreDeFacturation {
    /// `codeCadreFacturation`: A1, A2, A9 or A12 for `soumettre`.
    #[serde(
        rename = "codeCadreFacturation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_cadre_facturation: Option<CadreFacturation>,
    /// `codeStructureValideur`: validator structure identifier (mandatory for A9/A12).
    #[serde(
        rename = "codeStructureValideur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_structure_valideur: Option<String>,
    /// `codeServiceValideur`: validator service code.
    #[serde(
        rename = "codeServiceValideur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_valideur: Option<String>,
}
/// `references` of `soumettre`, and `reference` of `recycler` (swagger `SoumettreFactureReferences`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct References {
    /// `deviseFacture`: ISO 4217 currency code, e.g. `EUR`.
    #[serde(
        rename = "deviseFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub devise_facture: Option<String>,
    /// `typeFacture`: FACTURE or AVOIR.
    #[serde(
        rename = "typeFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_facture: Option<TypeFacture>,
    /// `typeTva`: VAT regime.
    #[serde(rename = "typeTva", default, skip_serializing_if = "Option::is_none")]
    pub type_tva: Option<TypeTva>,
    /// `motifExonerationTva`: exemption reason code (from `recuperer/motifs/exonerationtva`).
    #[serde(
        rename = "motifExonerationTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub motif_exoneration_tva: Option<String>,
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
    /// `modePaiement`: payment mode.
    #[serde(
        rename = "modePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mode_paiement: Option<ModePaiement>,
}
/// One `lignePoste` item of `soumettre` (swagger `LignePosteSoumettreInput`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LignePoste {
    /// `lignePosteNumero`: line number.
    #[serde(
        rename = "lignePosteNumero",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_numero: Option<i32>,
    /// `lignePosteReference`: article reference.
    #[serde(
        rename = "lignePosteReference",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_reference: Option<String>,
    /// `lignePosteDenomination`: article designation.
    #[serde(
        rename = "lignePosteDenomination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_denomination: Option<String>,
    /// `lignePosteQuantite`: quantity.
    #[serde(
        rename = "lignePosteQuantite",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_quantite: Option<Decimal>,
    /// `lignePosteUnite`: unit.
    #[serde(
        rename = "lignePosteUnite",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_unite: Option<String>,
    /// `lignePosteMontantUnitaireHT`: unit price excluding VAT.
    #[serde(
        rename = "lignePosteMontantUnitaireHT",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_montant_unitaire_ht: Option<Decimal>,
    /// `lignePosteMontantRemiseHT`: discount excluding VAT.
    #[serde(
        rename = "lignePosteMontantRemiseHT",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_montant_remise_ht: Option<Decimal>,
    /// `lignePosteTauxTva`: VAT rate **code** from `recuperer/tauxtva` (e.g. `TVA1`).
    #[serde(
        rename = "lignePosteTauxTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_taux_tva: Option<String>,
    /// `lignePosteTauxTvaManuel`: VAT rate as a number, e.g. 20 or 5.5.
    #[serde(
        rename = "lignePosteTauxTvaManuel",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_taux_tva_manuel: Option<Decimal>,
}
/// One `ligneTva` item of `soumettre` (swagger `LigneTvaSoumettreInput`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LigneTva {
    /// `ligneTvaTaux`: VAT rate code.
    #[serde(
        rename = "ligneTvaTaux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_taux: Option<String>,
    /// `ligneTvaMontantBaseHtParTaux`: taxable base for this rate.
    #[serde(
        rename = "ligneTvaMontantBaseHtParTaux",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_montant_base_ht_par_taux: Option<Decimal>,
    /// `ligneTvaMontantTvaParTaux`: VAT amount for this rate.
    #[serde(
        rename = "ligneTvaMontantTvaParTaux",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_montant_tva_par_taux: Option<Decimal>,
    /// `ligneTvaTauxManuel`: VAT rate as a number.
    #[serde(
        rename = "ligneTvaTauxManuel",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_taux_manuel: Option<Decimal>,
}
/// `montantTotal` of `soumettre` and of `consulter/fournisseur` (swagger `MontantTotal`).
///
/// The `soumettre` swagger (`SoumettreFactureMontantTotal`) has the same keys except
/// `montantTtcAvantRemiseGlobalTTC`, which only consultations fill; leave it `None` when submitting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MontantTotal {
    /// `montantHtTotal`: total excluding VAT.
    #[serde(
        rename = "montantHtTotal",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ht_total: Option<Decimal>,
    /// `montantTVA`: total VAT.
    #[serde(
        rename = "montantTVA",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_tva: Option<Decimal>,
    /// `montantTtcAvantRemiseGlobalTTC`: total including VAT before the global discount
    /// (in consultations and `deposer/pdf`; not in the `soumettre` swagger).
    #[serde(
        rename = "montantTtcAvantRemiseGlobalTTC",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ttc_avant_remise_global_ttc: Option<Decimal>,
    /// `montantRemiseGlobaleTTC`: global discount including VAT.
    #[serde(
        rename = "montantRemiseGlobaleTTC",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_remise_globale_ttc: Option<Decimal>,
    /// `motifRemiseGlobaleTTC`: reason for the global discount.
    #[serde(
        rename = "motifRemiseGlobaleTTC",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub motif_remise_globale_ttc: Option<String>,
    /// `montantTtcTotal`: total including VAT (the `soumettre` swagger's name).
    #[serde(
        rename = "montantTtcTotal",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ttc_total: Option<Decimal>,
    /// `montantAPayer`: amount to pay.
    #[serde(
        rename = "montantAPayer",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_a_payer: Option<Decimal>,
}
/// One `pieceJointePrincipale` item of `soumettre` (swagger `SoumettreFacturePieceJointePrincipale`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PieceJointePrincipale {
    /// `pieceJointePrincipaleDesignation`: attachment label.
    #[serde(
        rename = "pieceJointePrincipaleDesignation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_principale_designation: Option<String>,
    /// `pieceJointePrincipaleId`: `pieceJointeId` returned by `deposer/pdf` or `ajouter/fichier`.
    #[serde(
        rename = "pieceJointePrincipaleId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_principale_id: Option<i64>,
}
/// One `pieceJointeComplementaire` item of `soumettre` and `completer`
/// (swagger `PieceJointeComplentaireSoumettreInput`, sic).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PieceJointeComplementaire {
    /// `pieceJointeComplementaireDesignation`: label (varchar 100).
    #[serde(
        rename = "pieceJointeComplementaireDesignation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_complementaire_designation: Option<String>,
    /// `pieceJointeComplementaireType`: attachment type code (varchar 30).
    #[serde(
        rename = "pieceJointeComplementaireType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_complementaire_type: Option<String>,
    /// `pieceJointeComplementaireNumeroLigneFacture`: invoice line the attachment belongs to.
    #[serde(
        rename = "pieceJointeComplementaireNumeroLigneFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_complementaire_numero_ligne_facture: Option<i32>,
    /// `pieceJointeComplementaireId`: `pieceJointeId` from `ajouter/fichier`.
    #[serde(
        rename = "pieceJointeComplementaireId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_complementaire_id: Option<i64>,
    /// `pieceJointeComplementaireIdLiaison`: link id.
    #[serde(
        rename = "pieceJointeComplementaireIdLiaison",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_complementaire_id_liaison: Option<i64>,
}
/// Answer of `soumettre` (swagger `WsRetourSoumettreFacture`, api-reference §3.2).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SoumettreResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `identifiantFactureCPP`: Chorus Pro invoice id.
    #[serde(
        rename = "identifiantFactureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_facture_cpp: Option<i64>,
    /// `numeroFacture`: invoice number (Chorus-generated in SAISIE_API mode).
    #[serde(
        rename = "numeroFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture: Option<String>,
    /// `statutFacture`: status after the call, e.g. DEPOSEE.
    #[serde(
        rename = "statutFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_facture: Option<StatutFacture>,
    /// `dateDepot`: deposit date.
    #[serde(
        rename = "dateDepot",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_depot: Option<NaiveDate>,
    /// `identifiantStructure`: supplier identifier (SIRET).
    #[serde(
        rename = "identifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_structure: Option<String>,
    /// `empreinteCertificatDepot`: base64 digest of the deposit certificate.
    #[serde(
        rename = "empreinteCertificatDepot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub empreinte_certificat_depot: Option<String>,
}

crate::retour::impl_reponse!(SoumettreResponse);
