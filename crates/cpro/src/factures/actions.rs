//! The supplier's follow-up actions: `recycler`, `completer`, `traiterRejet`, `corriger/valideur/facture`, `telecharger/groupe` (api-reference §3.7–§3.9).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::codes::{StatutFacture, TypeIdentifiantStructure};
use crate::factures::{Destinataire, PieceJointeComplementaire, References};
use crate::DateHeure;

/// Body of `POST /cpro/factures/v1/recycler` (swagger `RecyclerFactureParam`, api-reference §3.7):
/// for an invoice A_RECYCLER, change recipient, service and/or engagement; the number stays.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecyclerRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `identifiantFactureCPP`: Chorus Pro invoice id.
    #[serde(
        rename = "identifiantFactureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_facture_cpp: Option<i64>,
    /// `destinataire`: the public recipient and its service.
    #[serde(
        rename = "destinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destinataire: Option<Destinataire>,
    /// `commentaire`: free text (text(2000) per spec comments, api-reference §3.2).
    #[serde(
        rename = "commentaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub commentaire: Option<String>,
    /// `reference` (singular): new references; the engagement goes in `numeroBonCommande` (api-reference §3.7).
    #[serde(rename = "reference", default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<References>,
}

/// Answer of `recycler` (swagger `WsRetourRecyclerFacture`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecyclerResponse {
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
}

/// Body of `POST /cpro/factures/v1/completer` (swagger `CompleterFactureParam`, api-reference §3.8):
/// for an invoice SUSPENDUE, add attachments and a comment.
///
/// The swagger's `PieceJointeComplementaire` is the `soumettre` item without `pieceJointeComplementaireIdLiaison`;
/// the same Rust type is used, leave that field `None`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CompleterRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `identifiantFactureCPP`: Chorus Pro invoice id.
    #[serde(
        rename = "identifiantFactureCPP",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_facture_cpp: Option<i64>,
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

/// Answer of `completer` (swagger `WsRetourCompleterFacture`, with its stray page fields).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CompleterResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
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
    /// `nbResultatsParPage`: results per page.
    #[serde(
        rename = "nbResultatsParPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page: Option<i64>,
    /// `total`: number of results.
    #[serde(rename = "total", default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
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
    /// `dateTraitement`: when the completion was recorded.
    #[serde(
        rename = "dateTraitement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_traitement: Option<DateHeure>,
}

/// Body of `POST /cpro/factures/v1/traiterRejet` (swagger `TraiterFacturesRejeteesParam`, api-reference §3.9).
///
/// The answer is a plain [`crate::Retour`] (swagger `WsRetour`), see [`TraiterRejetResponse`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TraiterRejetRequest {
    /// `listeDemandePaiement`: the rejected invoices to acknowledge.
    #[serde(
        rename = "listeDemandePaiement",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_demande_paiement: Vec<DemandePaiementRejetee>,
}

/// One `listeDemandePaiement` item (swagger `TraiterFacturesRejeteesListeDemandePaiement`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DemandePaiementRejetee {
    /// `idDemandePaiement`: the invoice's `identifiantFactureCPP`.
    #[serde(
        rename = "idDemandePaiement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_demande_paiement: Option<i64>,
}

/// Body of `POST /cpro/factures/v1/corriger/valideur/facture` (swagger `CorrigerValideurFactureParam`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CorrigerValideurRequest {
    /// `idFacture`: the invoice's `identifiantFactureCPP`.
    #[serde(rename = "idFacture", default, skip_serializing_if = "Option::is_none")]
    pub id_facture: Option<i64>,
    /// `idStructure`: structure `idStructureCPP`.
    #[serde(
        rename = "idStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_structure: Option<i64>,
    /// `typeIdentifiantStructure`: kind of identifier.
    #[serde(
        rename = "typeIdentifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_structure: Option<TypeIdentifiantStructure>,
    /// `identifiantStructure`: supplier identifier (SIRET).
    #[serde(
        rename = "identifiantStructure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_structure: Option<String>,
}

/// Answer of `corriger/valideur/facture` (swagger `WsRetourCorrigerValideurFacture`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CorrigerValideurResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `idFacture`: the invoice's `identifiantFactureCPP`.
    #[serde(rename = "idFacture", default, skip_serializing_if = "Option::is_none")]
    pub id_facture: Option<i64>,
}

/// Body of `POST /cpro/factures/v1/telecharger/groupe` (swagger `TelechargerGroupeFactureParam`).
///
/// The answer must stay under 120 MB (HTTP 413 otherwise), see [`crate::limites`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TelechargerGroupeRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `idEspace`: portal space (7 = received invoices by default per spec comments, api-reference §3.6).
    #[serde(rename = "idEspace", default, skip_serializing_if = "Option::is_none")]
    pub id_espace: Option<i64>,
    /// `format`: `PDF`, `PIVOT` (go-choruspro), XML or ZIP per the swagger text (api-reference §3.9).
    #[serde(rename = "format", default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// `avecPiecesJointesComplementaires`: `"OUI"` or `"NON"` (a string, not a boolean).
    #[serde(
        rename = "avecPiecesJointesComplementaires",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub avec_pieces_jointes_complementaires: Option<String>,
    /// `listeFacture`: invoices to download.
    #[serde(
        rename = "listeFacture",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub liste_facture: Vec<IdFacture>,
}

/// One `listeFacture` item (swagger `IdFactureInput`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IdFacture {
    /// `idFacture`: the invoice's `identifiantFactureCPP`.
    #[serde(rename = "idFacture", default, skip_serializing_if = "Option::is_none")]
    pub id_facture: Option<i64>,
}

/// Answer of `telecharger/groupe` (swagger `WsRetourTelechargerGroupeFacture`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TelechargerGroupeResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `fichierResultat`: the downloaded file, base64.
    #[serde(
        rename = "fichierResultat",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fichier_resultat: Option<String>,
}

/// Answer of `traiterRejet`: the swagger's plain `WsRetour`.
pub type TraiterRejetResponse = crate::Retour;

crate::retour::impl_reponse!(
    RecyclerResponse,
    CompleterResponse,
    CorrigerValideurResponse,
    TelechargerGroupeResponse
);
