//! `consulter/historique`: current status and the history of statuses, events and actions (api-reference §3.6).

use serde::{Deserialize, Serialize};

use crate::codes::{ActionUtilisateur, ModeDepot, StatutFacture, TriSens};
use crate::factures::TriColonne;
use crate::DateHeure;

/// Body of `POST /cpro/factures/v1/consulter/historique` (swagger `ConsulterHistoriqueFactureParam`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterHistoriqueRequest {
    /// `idUtilisateurCourant`: Chorus Pro user id; optional for a technical account (0 or omitted works, api-reference §7).
    #[serde(
        rename = "idUtilisateurCourant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_utilisateur_courant: Option<i64>,
    /// `idFacture`: the invoice's `identifiantFactureCPP`.
    #[serde(rename = "idFacture", default, skip_serializing_if = "Option::is_none")]
    pub id_facture: Option<i64>,
    /// `idEspace`: portal space (7 = received invoices by default per spec comments, api-reference §3.6).
    #[serde(rename = "idEspace", default, skip_serializing_if = "Option::is_none")]
    pub id_espace: Option<i64>,
    /// `nbResultatsMaximum`: cap on results (200 by default per spec comments, api-reference §3.10).
    #[serde(
        rename = "nbResultatsMaximum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_maximum: Option<i32>,
    /// `paramRechercheHistoStatuts`.
    #[serde(
        rename = "paramRechercheHistoStatuts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_recherche_histo_statuts: Option<ParamRechercheHistoStatuts>,
    /// `paramRechercheHistoEvenementsComplementaires`.
    #[serde(
        rename = "paramRechercheHistoEvenementsComplementaires",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_recherche_histo_evenements_complementaires:
        Option<ParamRechercheHistoEvenementsComplementaires>,
    /// `paramRechercheHistoActionsUtilisateurs`.
    #[serde(
        rename = "paramRechercheHistoActionsUtilisateurs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_recherche_histo_actions_utilisateurs: Option<ParamRechercheHistoActionsUtilisateurs>,
}

/// Status history pagination (swagger `ParamRechercheHistoStatuts`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamRechercheHistoStatuts {
    /// `pageResultatDemandeeListeHistoStatut`.
    #[serde(
        rename = "pageResultatDemandeeListeHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee_liste_histo_statut: Option<i32>,
    /// `nbResultatsParPageListeHistoStatut`.
    #[serde(
        rename = "nbResultatsParPageListeHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_liste_histo_statut: Option<i32>,
    /// `triSensListeHistoStatut`.
    #[serde(
        rename = "triSensListeHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_sens_liste_histo_statut: Option<TriSens>,
    /// `triColonneListeHistoStatut`.
    #[serde(
        rename = "triColonneListeHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne_liste_histo_statut: Option<TriColonneHistoStatut>,
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
    /// Sort column (`triColonneListeHistoStatut`) of the status history, swagger `ParamRechercheHistoStatuts`.
    TriColonneHistoStatut {
        /// Tri par `HistoStatutCode`.
        HistoStatutCode,
        /// Tri par `HistoStatutDatePassage`.
        HistoStatutDatePassage,
        /// Tri par `HistoStatutCommentaire`.
        HistoStatutCommentaire,
        /// Tri par `HistoStatutUtilisateurPrenom`.
        HistoStatutUtilisateurPrenom,
        /// Tri par `HistoStatutUtilisateurNom`.
        HistoStatutUtilisateurNom,
        /// Tri par `HistoStatutUtilisateurEmail`.
        HistoStatutUtilisateurEmail,
        /// Tri par `HistoStatutUtilisateurTelephone`.
        HistoStatutUtilisateurTelephone,
    }
}

/// Event history pagination (swagger `ParamRechercheHistoEvenementsComplementaires`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamRechercheHistoEvenementsComplementaires {
    /// `pageResultatDemandeeListeHistoEvenement`.
    #[serde(
        rename = "pageResultatDemandeeListeHistoEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee_liste_histo_evenement: Option<i32>,
    /// `nbResultatsParPageListeHistoEvenement`.
    #[serde(
        rename = "nbResultatsParPageListeHistoEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_liste_histo_evenement: Option<i32>,
    /// `triSensListeHistoEvenement`.
    #[serde(
        rename = "triSensListeHistoEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_sens_liste_histo_evenement: Option<TriSens>,
    /// `triColonneListeHistoEvenement`.
    #[serde(
        rename = "triColonneListeHistoEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne_liste_histo_evenement: Option<TriColonneHistoEvenement>,
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
    /// Sort column (`triColonneListeHistoEvenement`) of the event history, swagger `ParamRechercheHistoEvenementsComplementaires`.
    TriColonneHistoEvenement {
        /// Tri par `EvenementLibelle`.
        EvenementLibelle,
        /// Tri par `EvenementQui`.
        EvenementQui,
        /// Tri par `EvenementDateHeure`.
        EvenementDateHeure,
    }
}

/// User action history pagination (swagger `ParamRechercheHistoActionsUtilisateurs`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamRechercheHistoActionsUtilisateurs {
    /// `pageResultatDemandeeListeHistoAction`.
    #[serde(
        rename = "pageResultatDemandeeListeHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee_liste_histo_action: Option<i32>,
    /// `triSensListeHistoAction`.
    #[serde(
        rename = "triSensListeHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_sens_liste_histo_action: Option<TriSens>,
    /// `triColonneListeHistoAction`.
    #[serde(
        rename = "triColonneListeHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne_liste_histo_action: Option<TriColonneHistoAction>,
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
    /// `nbResultatsParPageListeHistoAction`.
    #[serde(
        rename = "nbResultatsParPageListeHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_liste_histo_action: Option<i32>,
}

crate::codes::code_enum! {
    /// Sort column (`triColonneListeHistoAction`) of the user action history, swagger `ParamRechercheHistoActionsUtilisateurs`.
    TriColonneHistoAction {
        /// Tri par `HistoActionDateHeure`.
        HistoActionDateHeure,
        /// Tri par `HistoActionCode`.
        HistoActionCode,
        /// Tri par `HistoAction`.
        HistoAction,
        /// Tri par `HistoActionUtilisateurPrenom`.
        HistoActionUtilisateurPrenom,
        /// Tri par `HistoActionUtilisateurNom`.
        HistoActionUtilisateurNom,
        /// Tri par `HistoActionUtilisateurEmail`.
        HistoActionUtilisateurEmail,
        /// Tri par `HistoActionUtilisateurTelephone`.
        HistoActionUtilisateurTelephone,
    }
}

/// Answer of `consulter/historique` (swagger `WsRetourConsulterHistoriqueFacture`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterHistoriqueResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `idFacture`: the invoice's `identifiantFactureCPP`.
    #[serde(rename = "idFacture", default, skip_serializing_if = "Option::is_none")]
    pub id_facture: Option<i64>,
    /// `numeroFacture`: invoice number (Chorus-generated in SAISIE_API mode).
    #[serde(
        rename = "numeroFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_facture: Option<String>,
    /// `modeDepot`: SAISIE_API, DEPOT_PDF_API or DEPOT_PDF_SIGNE_API.
    #[serde(rename = "modeDepot", default, skip_serializing_if = "Option::is_none")]
    pub mode_depot: Option<ModeDepot>,
    /// `statutCourantCode`: current status.
    #[serde(
        rename = "statutCourantCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statut_courant_code: Option<StatutFacture>,
    /// `historiquesDesStatuts`.
    #[serde(
        rename = "historiquesDesStatuts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub historiques_des_statuts: Option<HistoriquesDesStatuts>,
    /// `historiquesDesEvenementsComplementaires`.
    #[serde(
        rename = "historiquesDesEvenementsComplementaires",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub historiques_des_evenements_complementaires: Option<HistoriquesDesEvenementsComplementaires>,
    /// `historiquesDesActionsUtilisateurs`.
    #[serde(
        rename = "historiquesDesActionsUtilisateurs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub historiques_des_actions_utilisateurs: Option<HistoriquesDesActionsUtilisateurs>,
    /// `derniereAction`.
    #[serde(
        rename = "derniereAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub derniere_action: Option<DerniereAction>,
}

/// `historiquesDesStatuts` (swagger `HistoriquesStatus`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HistoriquesDesStatuts {
    /// `histoStatut`.
    #[serde(
        rename = "histoStatut",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub histo_statut: Vec<HistoStatut>,
    /// `pageCouranteHistoStatut`.
    #[serde(
        rename = "pageCouranteHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante_histo_statut: Option<i64>,
    /// `pagesHistoStatut`.
    #[serde(
        rename = "pagesHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pages_histo_statut: Option<i64>,
    /// `nbResultatsParPageHistoStatut`.
    #[serde(
        rename = "nbResultatsParPageHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_histo_statut: Option<i64>,
    /// `totalHistoStatut`.
    #[serde(
        rename = "totalHistoStatut",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_histo_statut: Option<i64>,
}

/// One `histoStatut` (swagger `HistoriqueStatus`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HistoStatut {
    /// `histoStatutId`.
    #[serde(
        rename = "histoStatutId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_id: Option<i64>,
    /// `histoStatutCode`.
    #[serde(
        rename = "histoStatutCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_code: Option<StatutFacture>,
    /// `histoStatutDatePassage`.
    #[serde(
        rename = "histoStatutDatePassage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_date_passage: Option<DateHeure>,
    /// `histoStatutCommentaire`.
    #[serde(
        rename = "histoStatutCommentaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_commentaire: Option<String>,
    /// `histoStatutUtilisateurPrenom`.
    #[serde(
        rename = "histoStatutUtilisateurPrenom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_utilisateur_prenom: Option<String>,
    /// `histoStatutUtilisateurNom`.
    #[serde(
        rename = "histoStatutUtilisateurNom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_utilisateur_nom: Option<String>,
    /// `histoStatutUtilisateurEmail`.
    #[serde(
        rename = "histoStatutUtilisateurEmail",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_utilisateur_email: Option<String>,
    /// `histoStatutUtilisateurTelephone`.
    #[serde(
        rename = "histoStatutUtilisateurTelephone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_statut_utilisateur_telephone: Option<String>,
}

/// `historiquesDesEvenementsComplementaires` (swagger `HistoriquesEvenements`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HistoriquesDesEvenementsComplementaires {
    /// `evenement`.
    #[serde(
        rename = "evenement",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub evenement: Vec<Evenement>,
    /// `pageCouranteEvenement`.
    #[serde(
        rename = "pageCouranteEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante_evenement: Option<i64>,
    /// `pagesEvenement`.
    #[serde(
        rename = "pagesEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pages_evenement: Option<i64>,
    /// `nbResultatsParPageEvenement`.
    #[serde(
        rename = "nbResultatsParPageEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_evenement: Option<i64>,
    /// `totalEvenement`.
    #[serde(
        rename = "totalEvenement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_evenement: Option<i64>,
}

/// One `evenement` (swagger `HistoriqueEvenement`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Evenement {
    /// `evenementId`.
    #[serde(
        rename = "evenementId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evenement_id: Option<i64>,
    /// `evenementLibelle`.
    #[serde(
        rename = "evenementLibelle",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evenement_libelle: Option<String>,
    /// `evenementQui`.
    #[serde(
        rename = "evenementQui",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evenement_qui: Option<String>,
    /// `evenementDateHeure`.
    #[serde(
        rename = "evenementDateHeure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evenement_date_heure: Option<DateHeure>,
}

/// `historiquesDesActionsUtilisateurs` (swagger `HistoriquesActionsUtilisateurs`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HistoriquesDesActionsUtilisateurs {
    /// `histoAction`.
    #[serde(
        rename = "histoAction",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub histo_action: Vec<HistoAction>,
    /// `pageCouranteHistoAction`.
    #[serde(
        rename = "pageCouranteHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante_histo_action: Option<i64>,
    /// `pagesHistoAction`.
    #[serde(
        rename = "pagesHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pages_histo_action: Option<i64>,
    /// `nbResultatsParPageHistoAction`.
    #[serde(
        rename = "nbResultatsParPageHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_histo_action: Option<i64>,
    /// `totalHistoAction`.
    #[serde(
        rename = "totalHistoAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_histo_action: Option<i64>,
}

/// One `histoAction` (swagger `HistoriqueActionUtilisateur`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HistoAction {
    /// `histoActionId`.
    #[serde(
        rename = "histoActionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_action_id: Option<i64>,
    /// `histoActionCode`.
    #[serde(
        rename = "histoActionCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_action_code: Option<ActionUtilisateur>,
    /// `histoActionDateHeure`.
    #[serde(
        rename = "histoActionDateHeure",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_action_date_heure: Option<DateHeure>,
    /// `histoActionUtilisateurPrenom`.
    #[serde(
        rename = "histoActionUtilisateurPrenom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_action_utilisateur_prenom: Option<String>,
    /// `histoActionUtilisateurNom`.
    #[serde(
        rename = "histoActionUtilisateurNom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_action_utilisateur_nom: Option<String>,
    /// `histoActionUtilisateurEmail`.
    #[serde(
        rename = "histoActionUtilisateurEmail",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_action_utilisateur_email: Option<String>,
    /// `histoActionUtilisateurTelephone`.
    #[serde(
        rename = "histoActionUtilisateurTelephone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub histo_action_utilisateur_telephone: Option<String>,
}

/// `derniereAction` (swagger `DerniereAction`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DerniereAction {
    /// `derniereActionId`.
    #[serde(
        rename = "derniereActionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub derniere_action_id: Option<i64>,
    /// `derniereActionCode`.
    #[serde(
        rename = "derniereActionCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub derniere_action_code: Option<ActionUtilisateur>,
}

crate::retour::impl_reponse!(ConsulterHistoriqueResponse);
