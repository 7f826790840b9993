//! `consulter/fournisseur`: the full detail of one issued invoice (api-reference §3.5).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{
    CadreFacturation, ModeDepot, ModePaiement, StatutFacture, TriSens, TypeCoordonneesBancaires,
    TypeFacture, TypeFactureTravaux, TypeIdentifiantStructure, TypeTva,
};
use crate::factures::{MontantTotal, TriColonne};

/// Body of `POST /cpro/factures/v1/consulter/fournisseur` (swagger `ConsulterFactureParFournisseurParam`).
///
/// The minimal body `{"identifiantFactureCPP": N}` works (api-reference §3.5).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterFournisseurRequest {
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
    /// `codeLangue`: `FR` or `EN` (lower case also seen, api-reference §5.7).
    #[serde(
        rename = "codeLangue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_langue: Option<String>,
    /// `getpLigneRecapTva` (swagger spelling; `pLigneRecapTva` is read too, api-reference §3.5): VAT recap pagination.
    #[serde(
        rename = "getpLigneRecapTva",
        alias = "pLigneRecapTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub getp_ligne_recap_tva: Option<ParamRechercheLigneRecapTva>,
    /// `getpListePiecesJointes` (swagger spelling; `pListePiecesJointes` is read too): attachment pagination.
    #[serde(
        rename = "getpListePiecesJointes",
        alias = "pListePiecesJointes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub getp_liste_pieces_jointes: Option<ParamRechercheListePiecesJointes>,
    /// `getpLignesPoste` (swagger spelling; `pLignesPoste` is read too): line pagination.
    #[serde(
        rename = "getpLignesPoste",
        alias = "pLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub getp_lignes_poste: Option<ParamRechercheLignesPoste>,
}

/// VAT recap pagination of `consulter/fournisseur` (swagger `ParamRechercheLigneRecapTva`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamRechercheLigneRecapTva {
    /// `pageResultatDemandeeListeRecapitulatifTVA`.
    #[serde(
        rename = "pageResultatDemandeeListeRecapitulatifTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee_liste_recapitulatif_tva: Option<i32>,
    /// `nbResultatsParPageListeListeRecapitulatifTVA`.
    #[serde(
        rename = "nbResultatsParPageListeListeRecapitulatifTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_liste_liste_recapitulatif_tva: Option<i32>,
    /// `triSensListeRecapitulatifTVA`.
    #[serde(
        rename = "triSensListeRecapitulatifTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_sens_liste_recapitulatif_tva: Option<TriSens>,
    /// `triColonneListeRecapitulatifTVA`.
    #[serde(
        rename = "triColonneListeRecapitulatifTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne_liste_recapitulatif_tva: Option<TriColonneRecapitulatifTva>,
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
    /// Sort column (`triColonneListeRecapitulatifTVA`) of the VAT recap, swagger `ParamRechercheLigneRecapTva`.
    TriColonneRecapitulatifTva {
        /// Tri par `LigneTvaMontantTvaParTaux`.
        LigneTvaMontantTvaParTaux,
        /// Tri par `LigneTvaTauxRefCode`.
        LigneTvaTauxRefCode,
        /// Tri par `LigneTvaTauxRefLibelle`.
        LigneTvaTauxRefLibelle,
        /// Tri par `LigneTvaTauxRefValeur`.
        LigneTvaTauxRefValeur,
        /// Tri par `LigneTvaTauxManuel`.
        LigneTvaTauxManuel,
        /// Tri par `LigneTvaMontantBaseHtParTaux`.
        LigneTvaMontantBaseHtParTaux,
    }
}

/// Attachment pagination of `consulter/fournisseur` (swagger `ParamRechercheListePiecesJointes`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamRechercheListePiecesJointes {
    /// `pageResultatDemandeeListePieceJointe`.
    #[serde(
        rename = "pageResultatDemandeeListePieceJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee_liste_piece_jointe: Option<i64>,
    /// `nbResultatsParPageListePieceJointe`.
    #[serde(
        rename = "nbResultatsParPageListePieceJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_liste_piece_jointe: Option<i64>,
    /// `triSensListePiecesJointes`.
    #[serde(
        rename = "triSensListePiecesJointes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_sens_liste_pieces_jointes: Option<TriSens>,
    /// `triColonneListePiecesJointes`.
    #[serde(
        rename = "triColonneListePiecesJointes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne_liste_pieces_jointes: Option<TriColonnePiecesJointes>,
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
    /// Sort column (`triColonneListePiecesJointes`) of the attachments, swagger `ParamRechercheListePiecesJointes`.
    TriColonnePiecesJointes {
        /// Tri par `PieceJointeTypeCode`.
        PieceJointeTypeCode,
        /// Tri par `PieceJointeTypeLibelle`.
        PieceJointeTypeLibelle,
        /// Tri par `PieceJointeDesignation`.
        PieceJointeDesignation,
        /// Tri par `PieceJointeNumeroLigneFacture`.
        PieceJointeNumeroLigneFacture,
        /// Tri par `PieceJointeExtension`.
        PieceJointeExtension,
    }
}

/// Line pagination of `consulter/fournisseur` (swagger `ParamRechercheLignesPoste`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParamRechercheLignesPoste {
    /// `pageResultatDemandeeLignesPoste`.
    #[serde(
        rename = "pageResultatDemandeeLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_resultat_demandee_lignes_poste: Option<i32>,
    /// `nbResultatsParPageLignesPoste`.
    #[serde(
        rename = "nbResultatsParPageLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_lignes_poste: Option<i32>,
    /// `triSensListeLignesPoste`.
    #[serde(
        rename = "triSensListeLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_sens_liste_lignes_poste: Option<TriSens>,
    /// `triColonneListeLignesPoste`.
    #[serde(
        rename = "triColonneListeLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tri_colonne_liste_lignes_poste: Option<TriColonneLignesPoste>,
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
    /// Sort column (`triColonneListeLignesPoste`) of the lines, swagger `ParamRechercheLignesPoste`.
    TriColonneLignesPoste {
        /// Tri par `LignePosteNumero`.
        LignePosteNumero,
        /// Tri par `LignePosteReference`.
        LignePosteReference,
        /// Tri par `LignePosteDenomination`.
        LignePosteDenomination,
        /// Tri par `LignePosteQuantite`.
        LignePosteQuantite,
        /// Tri par `LignePosteUniteCode`.
        LignePosteUniteCode,
        /// Tri par `LignePosteUniteLibelle`.
        LignePosteUniteLibelle,
        /// Tri par `LignePosteMontantUnitaireHT`.
        LignePosteMontantUnitaireHT,
        /// Tri par `LignePosteMontantRemiseHT`.
        LignePosteMontantRemiseHT,
        /// Tri par `LignePosteTauxTva`.
        LignePosteTauxTva,
        /// Tri par `LignePosteTauxTvaManuel`.
        LignePosteTauxTvaManuel,
        /// Tri par `LignePosteMontantHtApresRemise`.
        LignePosteMontantHtApresRemise,
        /// Tri par `LignePosteMontantTva`.
        LignePosteMontantTva,
        /// Tri par `LignePosteMontantTtcApresRemise`.
        LignePosteMontantTtcApresRemise,
    }
}

/// Answer of `consulter/fournisseur` (swagger `WsRetourFacturesEmises`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConsulterFournisseurResponse {
    /// `codeRetour`: 0 on success; non-zero codes may come with HTTP 200 (api-reference §1.5).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// `facture`: the invoice.
    #[serde(rename = "facture", default, skip_serializing_if = "Option::is_none")]
    pub facture: Option<FactureEmise>,
}

/// `facture` of `consulter/fournisseur` (swagger `FactureCppEmise`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactureEmise {
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
    /// `modeDepot`: SAISIE_API, DEPOT_PDF_API or DEPOT_PDF_SIGNE_API.
    #[serde(rename = "modeDepot", default, skip_serializing_if = "Option::is_none")]
    pub mode_depot: Option<ModeDepot>,
    /// `rejetTraite`: the rejection has been acknowledged with `traiterRejet`.
    #[serde(
        rename = "rejetTraite",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejet_traite: Option<bool>,
    /// `destinataire`: the public recipient and its service.
    #[serde(
        rename = "destinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destinataire: Option<DestinataireFactureEmise>,
    /// `fournisseur`: the supplier structure, service and bank account.
    #[serde(
        rename = "fournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fournisseur: Option<FournisseurFactureEmise>,
    /// `cadreDeFacturation`: billing framework and validator.
    #[serde(
        rename = "cadreDeFacturation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cadre_de_facturation: Option<CadreDeFacturationFactureEmise>,
    /// `references`: currency, type, VAT regime, market and engagement numbers, payment mode.
    #[serde(
        rename = "references",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub references: Option<ReferencesFactureEmise>,
    /// `recapitulatifDeTva`.
    #[serde(
        rename = "recapitulatifDeTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recapitulatif_de_tva: Option<RecapitulatifDeTva>,
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
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_principale: Option<PieceJointePrincipaleFactureEmise>,
    /// `listeDesPiecesJointes`.
    #[serde(
        rename = "listeDesPiecesJointes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub liste_des_pieces_jointes: Option<ListeDesPiecesJointes>,
    /// `piecePrecedente`.
    #[serde(
        rename = "piecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_precedente: Option<PiecePrecedente>,
    /// `pieceSuivante`.
    #[serde(
        rename = "pieceSuivante",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_suivante: Option<PieceSuivante>,
    /// `lignesDePoste`.
    #[serde(
        rename = "lignesDePoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lignes_de_poste: Option<LignesDePoste>,
    /// `commentaire`: free text (text(2000) per spec comments, api-reference §3.2).
    #[serde(
        rename = "commentaire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub commentaire: Option<String>,
}

/// `destinataire` of an issued invoice (swagger `DestinataireFactureEmise`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DestinataireFactureEmise {
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
    /// `libelleDestinataire`.
    #[serde(
        rename = "libelleDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_destinataire: Option<String>,
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
    /// `libelleServiceExecutant`.
    #[serde(
        rename = "libelleServiceExecutant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_service_executant: Option<String>,
    /// `miseEnPaiementDestinataire`.
    #[serde(
        rename = "miseEnPaiementDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mise_en_paiement_destinataire: Option<bool>,
    /// `adresseDestinataireId`.
    #[serde(
        rename = "adresseDestinataireId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_id: Option<i64>,
    /// `adresseDestinataireDetail`.
    #[serde(
        rename = "adresseDestinataireDetail",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_detail: Option<String>,
    /// `adresseDestinataireComplement1`.
    #[serde(
        rename = "adresseDestinataireComplement1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_complement1: Option<String>,
    /// `adresseDestinataireComplement2`.
    #[serde(
        rename = "adresseDestinataireComplement2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_complement2: Option<String>,
    /// `adresseDestinataireCodePostal`.
    #[serde(
        rename = "adresseDestinataireCodePostal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_code_postal: Option<String>,
    /// `adresseDestinataireVille`.
    #[serde(
        rename = "adresseDestinataireVille",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_ville: Option<String>,
    /// `adresseDestinataireCodePays`.
    #[serde(
        rename = "adresseDestinataireCodePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_code_pays: Option<String>,
    /// `adresseDestinataireLibellePays`.
    #[serde(
        rename = "adresseDestinataireLibellePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_destinataire_libelle_pays: Option<String>,
    /// `designationDestinataire`: recipient name.
    #[serde(
        rename = "designationDestinataire",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_destinataire: Option<String>,
}

/// `fournisseur` of an issued invoice (swagger `FournisseurFactureEmise`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FournisseurFactureEmise {
    /// `idFournisseur`: the supplier's `idStructureCPP`.
    #[serde(
        rename = "idFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_fournisseur: Option<i64>,
    /// `typeIdentifiantFournisseur`: kind of supplier identifier.
    #[serde(
        rename = "typeIdentifiantFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_fournisseur: Option<TypeIdentifiantStructure>,
    /// `codeFournisseur`: supplier identifier read by OCR.
    #[serde(
        rename = "codeFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_fournisseur: Option<String>,
    /// `raisonSocialeFournisseur`.
    #[serde(
        rename = "raisonSocialeFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_fournisseur: Option<String>,
    /// `nomFournisseur`.
    #[serde(
        rename = "nomFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_fournisseur: Option<String>,
    /// `prenomFournisseur`.
    #[serde(
        rename = "prenomFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prenom_fournisseur: Option<String>,
    /// `idServiceFournisseur`: the supplier's own service id.
    #[serde(
        rename = "idServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_service_fournisseur: Option<i64>,
    /// `codeServiceFournisseur`: supplier service code.
    #[serde(
        rename = "codeServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_fournisseur: Option<String>,
    /// `libelleServiceFournisseur`.
    #[serde(
        rename = "libelleServiceFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_service_fournisseur: Option<String>,
    /// `adresseFournisseurId`.
    #[serde(
        rename = "adresseFournisseurId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_id: Option<i64>,
    /// `adresseFournisseurDetail`.
    #[serde(
        rename = "adresseFournisseurDetail",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_detail: Option<String>,
    /// `adresseFournisseurComplement1`.
    #[serde(
        rename = "adresseFournisseurComplement1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_complement1: Option<String>,
    /// `adresseFournisseurComplement2`.
    #[serde(
        rename = "adresseFournisseurComplement2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_complement2: Option<String>,
    /// `adresseFournisseurCodePostal`.
    #[serde(
        rename = "adresseFournisseurCodePostal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_code_postal: Option<String>,
    /// `adresseFournisseurVille`.
    #[serde(
        rename = "adresseFournisseurVille",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_ville: Option<String>,
    /// `adresseFournisseurCodePays`.
    #[serde(
        rename = "adresseFournisseurCodePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_code_pays: Option<String>,
    /// `adresseFournisseurLibellePays`.
    #[serde(
        rename = "adresseFournisseurLibellePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adresse_fournisseur_libelle_pays: Option<String>,
    /// `numeroRcsFournisseur`.
    #[serde(
        rename = "numeroRcsFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_rcs_fournisseur: Option<String>,
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
    /// `coordBancairesCodeGuichet`.
    #[serde(
        rename = "coordBancairesCodeGuichet",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_code_guichet: Option<String>,
    /// `coordBancairesBicSwift`.
    #[serde(
        rename = "coordBancairesBicSwift",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_bic_swift: Option<String>,
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
    /// `coordBancairesFournisseurId`.
    #[serde(
        rename = "coordBancairesFournisseurId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_id: Option<i64>,
    /// `coordBancairesFournisseurType`.
    #[serde(
        rename = "coordBancairesFournisseurType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_type: Option<TypeCoordonneesBancaires>,
    /// `coordBancairesFournisseurLibelle`.
    #[serde(
        rename = "coordBancairesFournisseurLibelle",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub coord_bancaires_fournisseur_libelle: Option<String>,
    /// `affactureur`.
    #[serde(
        rename = "affactureur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub affactureur: Option<Affactureur>,
    /// `designationFournisseur`: supplier name.
    #[serde(
        rename = "designationFournisseur",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_fournisseur: Option<String>,
}

/// `affactureur`: the factoring company (swagger `Affactureur`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Affactureur {
    /// `affactureurId`.
    #[serde(
        rename = "affactureurId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub affactureur_id: Option<i64>,
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
    /// `affactureurCodePays`.
    #[serde(
        rename = "affactureurCodePays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub affactureur_code_pays: Option<String>,
}

/// `cadreDeFacturation` of an issued invoice, with validators, MOE and MOA (swagger `CadreDeFacturationOutput`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CadreDeFacturationFactureEmise {
    /// `codeCadreFacturation`: A1, A2, A9 or A12 for `soumettre`.
    #[serde(
        rename = "codeCadreFacturation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_cadre_facturation: Option<CadreFacturation>,
    /// `idValideur1`.
    #[serde(
        rename = "idValideur1",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_valideur1: Option<i64>,
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
    /// `idValideur2`.
    #[serde(
        rename = "idValideur2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_valideur2: Option<i64>,
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
    /// `idMoe`.
    #[serde(rename = "idMoe", default, skip_serializing_if = "Option::is_none")]
    pub id_moe: Option<i64>,
    /// `typeIdentifiantMoe`.
    #[serde(
        rename = "typeIdentifiantMoe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_moe: Option<TypeIdentifiantStructure>,
    /// `identifiantMoe`.
    #[serde(
        rename = "identifiantMoe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_moe: Option<String>,
    /// `raisonSocialeMoe`.
    #[serde(
        rename = "raisonSocialeMoe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_moe: Option<String>,
    /// `nomMoe`.
    #[serde(rename = "nomMoe", default, skip_serializing_if = "Option::is_none")]
    pub nom_moe: Option<String>,
    /// `prenomMoe`.
    #[serde(rename = "prenomMoe", default, skip_serializing_if = "Option::is_none")]
    pub prenom_moe: Option<String>,
    /// `idServiceMoe`.
    #[serde(
        rename = "idServiceMoe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_service_moe: Option<i64>,
    /// `codeServiceMoe`.
    #[serde(
        rename = "codeServiceMoe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_moe: Option<String>,
    /// `nomServiceMoe`.
    #[serde(
        rename = "nomServiceMoe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service_moe: Option<String>,
    /// `idMoa`.
    #[serde(rename = "idMoa", default, skip_serializing_if = "Option::is_none")]
    pub id_moa: Option<i64>,
    /// `typeIdentifiantMoa`.
    #[serde(
        rename = "typeIdentifiantMoa",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_identifiant_moa: Option<TypeIdentifiantStructure>,
    /// `identifiantMoa`.
    #[serde(
        rename = "identifiantMoa",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_moa: Option<String>,
    /// `raisonSocialeMoa`.
    #[serde(
        rename = "raisonSocialeMoa",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_moa: Option<String>,
    /// `idServiceMoa`.
    #[serde(
        rename = "idServiceMoa",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_service_moa: Option<i64>,
    /// `codeServiceMoa`.
    #[serde(
        rename = "codeServiceMoa",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_moa: Option<String>,
    /// `nomServiceMoa`.
    #[serde(
        rename = "nomServiceMoa",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service_moa: Option<String>,
    /// `designationValideur2`.
    #[serde(
        rename = "designationValideur2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_valideur2: Option<String>,
    /// `designationMoe`.
    #[serde(
        rename = "designationMoe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_moe: Option<String>,
    /// `designationMoa`.
    #[serde(
        rename = "designationMoa",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub designation_moa: Option<String>,
}

/// `references` of an issued invoice (swagger `References`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReferencesFactureEmise {
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
    /// `codeDeviseFacture`: currency read by OCR.
    #[serde(
        rename = "codeDeviseFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_devise_facture: Option<String>,
    /// `libelleDeviseFacture`.
    #[serde(
        rename = "libelleDeviseFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_devise_facture: Option<String>,
    /// `typeFacture`: FACTURE or AVOIR.
    #[serde(
        rename = "typeFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_facture: Option<TypeFacture>,
    /// `typeFactureTravaux`.
    #[serde(
        rename = "typeFactureTravaux",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_facture_travaux: Option<TypeFactureTravaux>,
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
    /// `libelleMotifExonerationTva`.
    #[serde(
        rename = "libelleMotifExonerationTva",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub libelle_motif_exoneration_tva: Option<String>,
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
    /// `dateCreationFacture`.
    #[serde(
        rename = "dateCreationFacture",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_creation_facture: Option<NaiveDate>,
    /// `dateEcheancePaiement`.
    #[serde(
        rename = "dateEcheancePaiement",
        default,
        with = "crate::wire::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_echeance_paiement: Option<NaiveDate>,
    /// `tailleTotalePiecesJointes`.
    #[serde(
        rename = "tailleTotalePiecesJointes",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub taille_totale_pieces_jointes: Option<Decimal>,
    /// `numeroDpMandat`.
    #[serde(
        rename = "numeroDpMandat",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_dp_mandat: Option<String>,
}

/// `recapitulatifDeTva`: VAT lines and their page (swagger `LignesTva`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecapitulatifDeTva {
    /// `ligneTva`: VAT breakdown by rate.
    #[serde(
        rename = "ligneTva",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub ligne_tva: Vec<LigneTvaFactureEmise>,
    /// `pageCouranteLignesRecapitulativesTVA`.
    #[serde(
        rename = "pageCouranteLignesRecapitulativesTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante_lignes_recapitulatives_tva: Option<i64>,
    /// `pagesLignesRecapitulativesTVA`.
    #[serde(
        rename = "pagesLignesRecapitulativesTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pages_lignes_recapitulatives_tva: Option<i64>,
    /// `nbResultatsParPageLignesRecapitulativesTVA`.
    #[serde(
        rename = "nbResultatsParPageLignesRecapitulativesTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_lignes_recapitulatives_tva: Option<i64>,
    /// `totalLignesRecapitulativesTVA`.
    #[serde(
        rename = "totalLignesRecapitulativesTVA",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_lignes_recapitulatives_tva: Option<i64>,
}

/// One `ligneTva` of an issued invoice (swagger `LigneTva`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LigneTvaFactureEmise {
    /// `ligneTvaTauxRefId`.
    #[serde(
        rename = "ligneTvaTauxRefId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_taux_ref_id: Option<i64>,
    /// `ligneTvaTauxRefCode`.
    #[serde(
        rename = "ligneTvaTauxRefCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_taux_ref_code: Option<String>,
    /// `ligneTvaTauxRefLibelle`.
    #[serde(
        rename = "ligneTvaTauxRefLibelle",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_taux_ref_libelle: Option<String>,
    /// `ligneTvaTauxRefValeur`.
    #[serde(
        rename = "ligneTvaTauxRefValeur",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_taux_ref_valeur: Option<Decimal>,
    /// `ligneTvaTauxManuel`: VAT rate as a number.
    #[serde(
        rename = "ligneTvaTauxManuel",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_tva_taux_manuel: Option<Decimal>,
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
}

/// `pieceJointePrincipale` of an issued invoice (swagger `PiecejointePrincipale`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PieceJointePrincipaleFactureEmise {
    /// `idLiaisonPieceJointePrincipale`.
    #[serde(
        rename = "idLiaisonPieceJointePrincipale",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_liaison_piece_jointe_principale: Option<i64>,
    /// `idPieceJointePrincipale`.
    #[serde(
        rename = "idPieceJointePrincipale",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_piece_jointe_principale: Option<i64>,
}

/// `listeDesPiecesJointes`: attachments and their page (swagger `PiecesJointes`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListeDesPiecesJointes {
    /// `pieceJointe`.
    #[serde(
        rename = "pieceJointe",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub piece_jointe: Vec<PieceJointe>,
    /// `pageCouranteListePiecesJointe`.
    #[serde(
        rename = "pageCouranteListePiecesJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante_liste_pieces_jointe: Option<i64>,
    /// `pagesListePiecesJointe`.
    #[serde(
        rename = "pagesListePiecesJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pages_liste_pieces_jointe: Option<i64>,
    /// `nbResultatsParPageListePiecesJointe`.
    #[serde(
        rename = "nbResultatsParPageListePiecesJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_liste_pieces_jointe: Option<i64>,
    /// `totalListePiecesJointe`.
    #[serde(
        rename = "totalListePiecesJointe",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_liste_pieces_jointe: Option<i64>,
}

/// One `pieceJointe` (swagger `PJointe`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PieceJointe {
    /// `pieceJointeTypeCode`.
    #[serde(
        rename = "pieceJointeTypeCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_type_code: Option<String>,
    /// `pieceJointeTypeLibelle`.
    #[serde(
        rename = "pieceJointeTypeLibelle",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_type_libelle: Option<String>,
    /// `pieceJointeDesignation`.
    #[serde(
        rename = "pieceJointeDesignation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_designation: Option<String>,
    /// `pieceJointeNumeroLigneFacture`.
    #[serde(
        rename = "pieceJointeNumeroLigneFacture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_numero_ligne_facture: Option<i64>,
    /// `pieceJointeIdLiaison`.
    #[serde(
        rename = "pieceJointeIdLiaison",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_id_liaison: Option<i64>,
    /// `pieceJointeId`: id to pass to `soumettre` as `pieceJointePrincipaleId`.
    #[serde(
        rename = "pieceJointeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_id: Option<i64>,
    /// `pieceJointeExtension`.
    #[serde(
        rename = "pieceJointeExtension",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub piece_jointe_extension: Option<String>,
}

/// `lignesDePoste`: lines and their page (swagger `LignesPostes`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LignesDePoste {
    /// `lignePoste`: invoice lines (SAISIE_API needs at least one; PDF modes send none).
    #[serde(
        rename = "lignePoste",
        default,
        deserialize_with = "crate::wire::liste",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub ligne_poste: Vec<LignePosteFactureEmise>,
    /// `pageCouranteLignesPoste`.
    #[serde(
        rename = "pageCouranteLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_courante_lignes_poste: Option<i64>,
    /// `pagesLignesPoste`.
    #[serde(
        rename = "pagesLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pages_lignes_poste: Option<i64>,
    /// `nbResultatsParPageLignesPoste`.
    #[serde(
        rename = "nbResultatsParPageLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nb_resultats_par_page_lignes_poste: Option<i64>,
    /// `totalLignesPoste`.
    #[serde(
        rename = "totalLignesPoste",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_lignes_poste: Option<i64>,
}

/// One `lignePoste` of an issued invoice (swagger `LignePoste`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LignePosteFactureEmise {
    /// `lignePosteNumero`: line number.
    #[serde(
        rename = "lignePosteNumero",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_numero: Option<i64>,
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
    /// `lignePosteUniteCode`.
    #[serde(
        rename = "lignePosteUniteCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_unite_code: Option<i64>,
    /// `lignePosteUniteLibelle`.
    #[serde(
        rename = "lignePosteUniteLibelle",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_unite_libelle: Option<String>,
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
    /// `lignePosteMontantHtApresRemise`.
    #[serde(
        rename = "lignePosteMontantHtApresRemise",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_montant_ht_apres_remise: Option<Decimal>,
    /// `lignePosteMontantTva`.
    #[serde(
        rename = "lignePosteMontantTva",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_montant_tva: Option<Decimal>,
    /// `lignePosteMontantTtcApresRemise`.
    #[serde(
        rename = "lignePosteMontantTtcApresRemise",
        default,
        with = "crate::wire::montant_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ligne_poste_montant_ttc_apres_remise: Option<Decimal>,
}

/// `piecePrecedente`: the previous document (swagger `PiecePrecedente`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PiecePrecedente {
    /// `cadreFacturationPiecePrecedente`.
    #[serde(
        rename = "cadreFacturationPiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cadre_facturation_piece_precedente: Option<CadreFacturation>,
    /// `idPiecePrecedente`.
    #[serde(
        rename = "idPiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_piece_precedente: Option<i64>,
    /// `numeroPiecePrecedente`.
    #[serde(
        rename = "numeroPiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_piece_precedente: Option<String>,
    /// `idDestinatairePiecePrecedente`.
    #[serde(
        rename = "idDestinatairePiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_destinataire_piece_precedente: Option<i64>,
    /// `identifiantDestinatairePiecePrecedente`.
    #[serde(
        rename = "identifiantDestinatairePiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifiant_destinataire_piece_precedente: Option<String>,
    /// `raisonSocialeDestinatairePiecePrecedente`.
    #[serde(
        rename = "raisonSocialeDestinatairePiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub raison_sociale_destinataire_piece_precedente: Option<String>,
    /// `idServiceExecutantPiecePrecedente`.
    #[serde(
        rename = "idServiceExecutantPiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_service_executant_piece_precedente: Option<i64>,
    /// `codeServiceExecutantPiecePrecedente`.
    #[serde(
        rename = "codeServiceExecutantPiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_service_executant_piece_precedente: Option<String>,
    /// `nomServiceExecutantPiecePrecedente`.
    #[serde(
        rename = "nomServiceExecutantPiecePrecedente",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nom_service_executant_piece_precedente: Option<String>,
}

/// `pieceSuivante`: the next document (swagger `PieceSuivante`; `numeroPieceSuiante` is sic).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PieceSuivante {
    /// `cadreFacturationPieceSuivante`.
    #[serde(
        rename = "cadreFacturationPieceSuivante",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cadre_facturation_piece_suivante: Option<CadreFacturation>,
    /// `idPieceSuivante`.
    #[serde(
        rename = "idPieceSuivante",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_piece_suivante: Option<i64>,
    /// `numeroPieceSuiante`.
    #[serde(
        rename = "numeroPieceSuiante",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub numero_piece_suiante: Option<String>,
}

crate::retour::impl_reponse!(ConsulterFournisseurResponse);
