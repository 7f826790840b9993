//! `deposer/pdf`: upload one PDF invoice for OCR before `soumettre` (api-reference §3.1).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{FormatDepot, TypeFacture, TypeTva};

/// Body of `POST /cpro/factures/v1/deposer/pdf` (swagger `DeposerPdfFactureParam`, api-reference §3.1).
///
/// The PDF must not exceed 10 MB (HTTP 413 otherwise), see [`crate::limites`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeposerPdfRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `fichierFacture`: the PDF, base64.
    #[serde(
        rename = "fichierFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fichier_facture: Option<String>,
    /// `nomFichier`: file name with extension (varchar 200).
    #[serde(
        rename = "nomFichier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_fichier: Option<String>,
    /// `formatDepot`: signed or unsigned PDF.
    #[serde(
        rename = "formatDepot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub format_depot: Option<FormatDepot>,
}
/// Answer of `deposer/pdf` (swagger `WsRetourDeposerPdfFacture`, api-reference §3.1): the OCR result.
///
/// The swagger marks the OCR fields required but production answers them `null` (Pastell mock),
/// so they are all optional here. `codeRetour`/`libelle` are missing from this swagger definition
/// but present in real answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeposerPdfResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
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
    /// `codeFournisseur`: supplier identifier read by OCR.
    #[serde(
        rename = "codeFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_fournisseur: Option<String>,
    /// `codeDeviseFacture`: currency read by OCR.
    #[serde(
        rename = "codeDeviseFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_devise_facture: Option<String>,
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
    /// `numeroBonCommande`: the engagement juridique (EJ) number, 50 chars max (api-reference §6.1).
    #[serde(
        rename = "numeroBonCommande",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_bon_commande: Option<String>,
    /// `montantTtcAvantRemiseGlobalTTC`: total including VAT before the global discount
    /// (in consultations and `deposer/pdf`; not in the `soumettre` swagger).
    #[serde(
        rename = "montantTtcAvantRemiseGlobalTTC",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_ttc_avant_remise_global_ttc: Option<Decimal>,
    /// `montantAPayer`: amount to pay.
    #[serde(
        rename = "montantAPayer",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub montant_a_payer: Option<Decimal>,
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
    /// `pieceJointeId`: id to pass to `soumettre` as `pieceJointePrincipaleId`.
    #[serde(
        rename = "pieceJointeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_id: Option<i64>,
}

crate::retour::impl_reponse!(DeposerPdfResponse);
