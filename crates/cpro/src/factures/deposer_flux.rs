//! `deposer/flux`: upload a structured invoice file such as Factur-X (api-reference §3.3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::codes::SyntaxeFlux;

/// Body of `POST /cpro/factures/v1/deposer/flux` (swagger `DeposerFluxFactureParam`, api-reference §3.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeposerFluxRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `fichierFlux`: the structured file (UBL, CII, Factur-X…), base64.
    #[serde(
        rename = "fichierFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fichier_flux: Option<String>,
    /// `nomFichier`: file name with extension (varchar 200).
    #[serde(
        rename = "nomFichier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_fichier: Option<String>,
    /// `syntaxeFlux`: syntax of the file, e.g. IN_DP_E2_CII_FACTURX for Factur-X.
    #[serde(
        rename = "syntaxeFlux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub syntaxe_flux: Option<SyntaxeFlux>,
    /// `avecSignature`: the file is signed.
    #[serde(
        rename = "avecSignature",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub avec_signature: Option<bool>,
}

/// Answer of `deposer/flux` (swagger `WsRetourDeposerFluxFacture`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeposerFluxResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
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

crate::retour::impl_reponse!(DeposerFluxResponse);
