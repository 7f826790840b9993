//! Wire tests of the factures operations after `soumettre`: every swagger key, both directions.
//!
//! The examples in `tests/exemples/` are built from the swagger definitions, one value per key,
//! keys in swagger order: a roundtrip with identical text proves every key is read and written.

mod common;

use chrono::NaiveDate;
use common::roundtrip;
use cpro::factures::*;
use cpro::DateHeure;
use rust_decimal_macros::dec;

macro_rules! exemple {
    ($fichier:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/exemples/",
            $fichier,
            ".json"
        ))
    };
}

#[test]
fn deposer_flux_roundtrips() {
    let requete: DeposerFluxRequest = roundtrip(exemple!("deposer_flux_request"));
    assert!(requete.syntaxe_flux.as_ref().is_some_and(|s| s.est_connu()));
    assert!(requete.avec_signature.is_some());
    let reponse: DeposerFluxResponse = roundtrip(exemple!("deposer_flux_response"));
    assert_eq!(
        reponse.numero_flux_depot.as_deref(),
        Some("numeroFluxDepot-1")
    );
    assert_eq!(reponse.date_depot, NaiveDate::from_ymd_opt(2026, 4, 3));
}

#[test]
fn deposer_flux_factur_x_body_is_written_with_swagger_keys() {
    let requete = DeposerFluxRequest {
        fichier_flux: Some("JVBERi0=".to_owned()),
        nom_fichier: Some("facture.pdf".to_owned()),
        syntaxe_flux: Some(SyntaxeFlux::IN_DP_E2_CII_FACTURX),
        avec_signature: Some(false),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&requete).unwrap_or_default(),
        r#"{"fichierFlux":"JVBERi0=","nomFichier":"facture.pdf","syntaxeFlux":"IN_DP_E2_CII_FACTURX","avecSignature":false}"#
    );
}

#[test]
fn rechercher_fournisseur_roundtrips_with_every_criterion() {
    let requete: RechercherFournisseurRequest =
        roundtrip(exemple!("rechercher_fournisseur_request"));
    assert_eq!(
        requete.statut_courant,
        vec![StatutFacture::A_RECYCLER, StatutFacture::SUSPENDUE]
    );
    assert_eq!(requete.montant_apayer_min, Some(dec!(22.50)));
    assert_eq!(
        requete.periode_date_depot_du,
        NaiveDate::from_ymd_opt(2026, 4, 3)
    );
    assert_eq!(requete.mode_depot, Some(ModeDepot::DEPOT_PDF_API));
    assert_eq!(
        requete.liste_destinataire[0].liste_id_service_executant,
        vec![1000005]
    );
    let pagination = requete
        .recherche_facture_par_fournisseur
        .unwrap_or_default();
    assert!(pagination.page_resultat_demandee.is_some());
    assert!(pagination
        .tri_colonne
        .as_ref()
        .is_some_and(|c| c.est_connu()));
    assert_eq!(
        requete.periode_date_heure_etat_courant_du,
        Some(DateHeure("2026-04-03T10:11:47".to_owned()))
    );
}

#[test]
fn rechercher_fournisseur_pagination_is_written_with_swagger_keys() {
    let requete = RechercherFournisseurRequest {
        statut_courant: vec![StatutFacture::REJETEE],
        recherche_facture_par_fournisseur: Some(ParametresRechercherFactureParFournisseur {
            page_resultat_demandee: Some(2),
            nb_resultats_par_page: Some(50),
            tri_sens: Some(TriSens::Descendant),
            tri_colonne: Some(TriColonneFactureFournisseur::DateDepot),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&requete).unwrap_or_default(),
        r#"{"statutCourant":["REJETEE"],"rechercheFactureParFournisseur":{"pageResultatDemandee":2,"nbResultatsParPage":50,"triSens":"Descendant","triColonne":"DateDepot"}}"#
    );
}

#[test]
fn rechercher_fournisseur_response_roundtrips() {
    let reponse: RechercherFournisseurResponse =
        roundtrip(exemple!("rechercher_fournisseur_response"));
    let page = reponse.parametres_retour.clone().unwrap_or_default();
    assert_eq!(
        (
            page.page_courante,
            page.pages,
            page.nb_resultats_par_page,
            page.total
        ),
        (Some(1), Some(2), Some(3), Some(4))
    );
    let facture = &reponse.liste_factures[0];
    assert_eq!(facture.statut, Some(StatutFacture::A_RECYCLER));
    assert_eq!(
        facture.type_demande_paiement,
        Some(TypeDemandePaiement::FACTURE)
    );
    assert_eq!(facture.montant_ht, Some(dec!(22.50)));
    assert_eq!(facture.date_facture, NaiveDate::from_ymd_opt(2026, 4, 3));
}

#[test]
fn empty_search_answer_with_code_20000_and_null_list_is_read() {
    // api-reference §6.3: "treat as empty list, not error".
    let reponse: RechercherFournisseurResponse = serde_json::from_str(
        r#"{"codeRetour":20000,"libelle":"TRA_MSG_00.015","parametresRetour":null,"listeFactures":null}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reponse.code_retour(), 20000);
    assert!(reponse.est_recherche_vide() && !reponse.est_succes());
    assert!(reponse.liste_factures.is_empty());
}

#[test]
fn rechercher_atraiter_fournisseur_roundtrips() {
    let requete: RechercherATraiterFournisseurRequest =
        roundtrip(exemple!("rechercher_atraiter_fournisseur_request"));
    assert!(requete
        .recherche_facture_a_traiter_par_fournisseur
        .is_some());
    let reponse: RechercherATraiterFournisseurResponse =
        roundtrip(exemple!("rechercher_atraiter_fournisseur_response"));
    assert_eq!(
        reponse.liste_factures[0].statut,
        Some(StatutFacture::A_RECYCLER)
    );
}

#[test]
fn consulter_fournisseur_roundtrips_with_the_full_invoice() {
    let requete: ConsulterFournisseurRequest = roundtrip(exemple!("consulter_fournisseur_request"));
    assert_eq!(requete.code_langue.as_deref(), Some("FR"));
    assert!(requete.getp_lignes_poste.is_some());

    let reponse: ConsulterFournisseurResponse =
        roundtrip(exemple!("consulter_fournisseur_response"));
    let facture = reponse.facture.unwrap_or_default();
    assert!(facture
        .statut_facture
        .as_ref()
        .is_some_and(|s| s.est_connu()));
    let lignes = facture.lignes_de_poste.unwrap_or_default();
    assert_eq!(lignes.ligne_poste.len(), 1);
    assert!(lignes.ligne_poste[0]
        .ligne_poste_montant_ht_apres_remise
        .is_some());
    let tva = facture.recapitulatif_de_tva.unwrap_or_default();
    assert!(tva.ligne_tva[0].ligne_tva_taux_ref_valeur.is_some());
    let totaux = facture.montant_total.unwrap_or_default();
    assert!(
        totaux.montant_ttc_avant_remise_global_ttc.is_some() && totaux.montant_ttc_total.is_some()
    );
    let references = facture.references.unwrap_or_default();
    assert_eq!(references.date_facture, NaiveDate::from_ymd_opt(2026, 4, 3));
    let fournisseur = facture.fournisseur.unwrap_or_default();
    assert!(fournisseur.affactureur.is_some());
    assert_eq!(
        facture
            .piece_suivante
            .unwrap_or_default()
            .numero_piece_suiante
            .as_deref(),
        Some("numeroPieceSuiante-144")
    );
}

#[test]
fn consulter_fournisseur_reads_the_go_choruspro_pagination_names() {
    // api-reference §3.5: go-choruspro sends `pLignesPoste` where the swagger says `getpLignesPoste`.
    let requete: ConsulterFournisseurRequest = serde_json::from_str(
        r#"{"identifiantFactureCPP":8420532,"pLignesPoste":{"pageResultatDemandeeLignesPoste":1},"pListePiecesJointes":{},"pLigneRecapTva":{}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        requete
            .getp_lignes_poste
            .unwrap_or_default()
            .page_resultat_demandee_lignes_poste,
        Some(1)
    );
    assert!(requete.getp_liste_pieces_jointes.is_some() && requete.getp_ligne_recap_tva.is_some());
}

#[test]
fn consulter_fournisseur_minimal_request_is_one_key() {
    let requete = ConsulterFournisseurRequest {
        identifiant_facture_cpp: Some(8420532),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&requete).unwrap_or_default(),
        r#"{"identifiantFactureCPP":8420532}"#
    );
}

#[test]
fn consulter_historique_roundtrips() {
    let requete: ConsulterHistoriqueRequest = roundtrip(exemple!("consulter_historique_request"));
    assert!(requete.id_facture.is_some() && requete.param_recherche_histo_statuts.is_some());
    let reponse: ConsulterHistoriqueResponse = roundtrip(exemple!("consulter_historique_response"));
    let statuts = reponse.historiques_des_statuts.unwrap_or_default();
    let premier = &statuts.histo_statut[0];
    assert!(premier
        .histo_statut_code
        .as_ref()
        .is_some_and(|s| s.est_connu()));
    assert_eq!(
        premier
            .histo_statut_date_passage
            .as_ref()
            .map(|d| d.to_naive().map(|d| d.to_string())),
        Some(Ok("2026-04-03 10:11:47".to_owned()))
    );
    let actions = reponse
        .historiques_des_actions_utilisateurs
        .unwrap_or_default();
    assert!(actions.histo_action[0]
        .histo_action_code
        .as_ref()
        .is_some_and(|a| a.est_connu()));
    assert!(reponse.derniere_action.is_some());
}

#[test]
fn recycler_roundtrips() {
    let requete: RecyclerRequest = roundtrip(exemple!("recycler_request"));
    let reference = requete.reference.unwrap_or_default();
    assert!(reference.numero_bon_commande.is_some());
    assert!(requete.destinataire.is_some());
    let reponse: RecyclerResponse = roundtrip(exemple!("recycler_response"));
    assert!(reponse.statut_facture.is_some());
}

#[test]
fn completer_roundtrips() {
    let requete: CompleterRequest = roundtrip(exemple!("completer_request"));
    assert_eq!(requete.piece_jointe_complementaire.len(), 1);
    assert_eq!(
        requete.piece_jointe_complementaire[0].piece_jointe_complementaire_id_liaison,
        None
    );
    let reponse: CompleterResponse = roundtrip(exemple!("completer_response"));
    assert!(reponse.date_traitement.is_some());
}

#[test]
fn traiter_rejet_roundtrips() {
    let requete: TraiterRejetRequest = roundtrip(exemple!("traiter_rejet_request"));
    assert_eq!(
        requete.liste_demande_paiement[0].id_demande_paiement,
        Some(1000002)
    );
    let reponse: TraiterRejetResponse = roundtrip(exemple!("traiter_rejet_response"));
    assert!(reponse.est_succes());
}

#[test]
fn corriger_valideur_roundtrips() {
    let requete: CorrigerValideurRequest = roundtrip(exemple!("corriger_valideur_request"));
    assert!(requete.type_identifiant_structure.is_some());
    let reponse: CorrigerValideurResponse = roundtrip(exemple!("corriger_valideur_response"));
    assert!(reponse.id_facture.is_some());
}

#[test]
fn telecharger_groupe_roundtrips() {
    let requete: TelechargerGroupeRequest = roundtrip(exemple!("telecharger_groupe_request"));
    assert_eq!(
        requete.avec_pieces_jointes_complementaires.as_deref(),
        Some("OUI")
    );
    assert_eq!(requete.liste_facture.len(), 1);
    let reponse: TelechargerGroupeResponse = roundtrip(exemple!("telecharger_groupe_response"));
    assert!(reponse.fichier_resultat.is_some());
}

#[test]
fn keys_added_by_a_newer_api_are_ignored_when_reading() {
    // go-choruspro sends `motifRejet` and `cpltInfos`, absent from the swagger (api-reference §3.9).
    let requete: TraiterRejetRequest = serde_json::from_str(
        r#"{"listeDemandePaiement":[{"idDemandePaiement":42,"motifRejet":"x","cpltInfos":"y"}],"nouveau":true}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        requete.liste_demande_paiement[0].id_demande_paiement,
        Some(42)
    );
    assert_eq!(
        serde_json::to_string(&requete).unwrap_or_default(),
        r#"{"listeDemandePaiement":[{"idDemandePaiement":42}]}"#
    );
}
