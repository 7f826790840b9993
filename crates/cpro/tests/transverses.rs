//! Wire tests of `/cpro/transverses/v1/...` and `/cpro/utilisateurs/v1/...`, both directions.
//!
//! No swagger exists for these APIs; the examples follow go-choruspro's field names, key for key.

mod common;

use common::roundtrip;
use cpro::codes::{EtatDepotFlux, StatutFacture, StatutRattachement, TriSens};
use cpro::transverses::*;
use cpro::utilisateurs::*;
use cpro::Reponse;
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

/// Each answer example reads and writes back to the same text; the closure checks one value.
macro_rules! check_reponse {
    ($($fichier:literal => $ty:ty, $check:expr;)+) => {
        $(
            let reponse: $ty = roundtrip(exemple!($fichier));
            assert!(reponse.est_succes(), $fichier);
            let check: fn(&$ty) -> bool = $check;
            assert!(check(&reponse), $fichier);
        )+
    };
}

#[test]
fn ajouter_fichier_roundtrips() {
    let requete: AjouterFichierRequest = roundtrip(exemple!("transverses_ajouter_fichier_request"));
    assert_eq!(requete.piece_jointe_extension.as_deref(), Some("pdf"));
    let reponse: AjouterFichierResponse =
        roundtrip(exemple!("transverses_ajouter_fichier_response"));
    assert_eq!(reponse.libelle, "GCU_MSG_01_000");
    assert!(reponse.piece_jointe_id.is_some());
}

#[test]
fn ajouter_fichier_body_is_written_with_go_choruspro_keys() {
    let requete = AjouterFichierRequest {
        piece_jointe_fichier: Some("JVBERi0=".to_owned()),
        piece_jointe_nom: Some("bon.pdf".to_owned()),
        piece_jointe_type_mime: Some("application/pdf".to_owned()),
        piece_jointe_extension: Some("PDF".to_owned()),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&requete).unwrap_or_default(),
        r#"{"pieceJointeFichier":"JVBERi0=","pieceJointeNom":"bon.pdf","pieceJointeTypeMime":"application/pdf","pieceJointeExtension":"PDF"}"#
    );
}

#[test]
fn parameterless_requests_are_an_empty_object() {
    assert_eq!(
        serde_json::to_string(&RecupererStructuresActivesFournisseurRequest::default())
            .unwrap_or_default(),
        "{}"
    );
    let lu: RequeteVide = serde_json::from_str("{}").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lu, RequeteVide {});
}

#[test]
fn requests_roundtrip() {
    let coordbanc: RecupererCoordbancValidesRequest =
        roundtrip(exemple!("transverses_coordbanc_request"));
    assert!(coordbanc.id_structure.is_some());
    let cadres: RecupererCadresFacturationRequest =
        roundtrip(exemple!("transverses_cadrefacturation_request"));
    assert!(cadres.type_demande_paiement.is_some());
    let etats: RecupererEtatsTraitementRequest =
        roundtrip(exemple!("transverses_etats_traitement_request"));
    assert_eq!(etats.statut_courant, Some(StatutFacture::A_RECYCLER));
    let types_pj: RecupererTypesPieceJointeRequest =
        roundtrip(exemple!("transverses_typespj_request"));
    assert!(types_pj.type_objet.is_some());
    let cr: ConsulterCrRequest = roundtrip(exemple!("transverses_consulter_cr_request"));
    assert!(cr.date_depot.is_some());
    let crd: ConsulterCrDetailleRequest =
        roundtrip(exemple!("transverses_consulter_cr_detaille_request"));
    assert!(crd.numero_flux_depot.is_some());
    let langue = RequeteCodeLangue {
        code_langue: Some("FR".to_owned()),
    };
    assert_eq!(
        serde_json::to_string(&langue).unwrap_or_default(),
        r#"{"codeLangue":"FR"}"#
    );
}

#[test]
fn reference_lists_roundtrip() {
    check_reponse! {
        "transverses_structures_actives_response" => RecupererStructuresActivesFournisseurResponse,
            |r| r.liste_structures[0].id_structure_cpp.is_some() && r.total.is_some();
        "transverses_coordbanc_response" => RecupererCoordbancValidesResponse,
            |r| r.liste_coordonnee_bancaire[0].id_coordonnee_bancaire.is_some();
        "transverses_tauxtva_response" => RecupererTauxTvaResponse,
            |r| r.liste_taux_tva[0].valeur_taux_tva == Some(dec!(4.50));
        "transverses_devises_response" => RecupererDevisesResponse, |r| r.liste_devises.len() == 1;
        "transverses_pays_response" => RecupererPaysResponse, |r| r.liste_pays.len() == 1;
        "transverses_modedepot_response" => RecupererModesDepotResponse,
            |r| r.liste_mode_depot[0].mode_depot.as_ref().is_some_and(|m| m.est_connu());
        "transverses_modereglements_response" => RecupererModesReglementResponse,
            |r| r.liste_mode_paiement[0].mode_paiement.as_ref().is_some_and(|m| m.est_connu());
        "transverses_cadrefacturation_response" => RecupererCadresFacturationResponse,
            |r| r.liste_cadre_facturation[0].code_cadre_facturation.as_ref().is_some_and(|c| c.est_connu());
        "transverses_etat_typedp_response" => RecupererEtatsTypeDpResponse,
            |r| r.liste_etat_demande_paiement[0].etat_demande_paiement == Some(StatutFacture::DEPOSEE);
        "transverses_etats_traitement_response" => RecupererEtatsTraitementResponse,
            |r| r.liste_statuts_possibles_pour_traitement.len() == 1;
        "transverses_motifs_exonerationtva_response" => RecupererMotifsExonerationTvaResponse,
            |r| r.liste_motifs_exoneration_tva[0].code_motif_exoneration_tva.is_some();
        "transverses_typespj_response" => RecupererTypesPieceJointeResponse,
            |r| r.liste_type_piece_jointe[0].id_type_piece_jointe.is_some();
        "transverses_typedp_response" => RecupererTypesDemandePaiementResponse,
            |r| r.liste_type_demande_paiement.len() == 1;
        "transverses_typefacturetravaux_response" => RecupererTypesFactureTravauxResponse,
            |r| r.liste_type_facture_travaux.len() == 1;
        "transverses_typeidentifiant_response" => RecupererTypesIdentifiantStructureResponse,
            |r| r.liste_type_identifiant.len() == 1;
        "transverses_formatflux_response" => RecupererFormatsFluxResponse, |r| r.liste_format_flux.len() == 1;
    }
}

#[test]
fn coordbanc_reads_the_go_choruspro_sample() {
    let reponse: RecupererCoordbancValidesResponse = serde_json::from_str(
        r#"{"codeRetour":0,"libelle":"GCU_MSG_01_000","listeCoordonneeBancaire":[
            {"idCoordonneeBancaire":1,"nomCoordonneeBancaire":"n1"},{"idCoordonneeBancaire":2,"nomCoordonneeBancaire":"n2"}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<_> = reponse
        .liste_coordonnee_bancaire
        .iter()
        .map(|c| c.id_coordonnee_bancaire)
        .collect();
    assert_eq!(ids, [Some(1), Some(2)]);
}

#[test]
fn consulter_cr_detaille_roundtrips_and_tells_when_the_flux_is_done() {
    let reponse: ConsulterCrDetailleResponse =
        roundtrip(exemple!("transverses_consulter_cr_detaille_response"));
    let etat = reponse
        .etat_courant_depot_flux
        .clone()
        .unwrap_or(EtatDepotFlux::Autre(String::new()));
    assert!(etat.est_terminal() && etat.est_integre());
    assert_eq!(
        reponse.liste_erreur_dp[0].numero_dp.as_deref(),
        Some("numeroDP-9")
    );
    assert_eq!(reponse.liste_erreur_technique.len(), 1);
    let cr: ConsulterCrResponse = roundtrip(exemple!("transverses_consulter_cr_response"));
    assert_eq!(cr.etat_courant_flux, Some(EtatDepotFlux::IN_REJETE));
}

#[test]
fn flux_states_in_progress_are_not_terminal() {
    for etat in EtatDepotFlux::CONNUS {
        let attendu = matches!(
            etat,
            EtatDepotFlux::IN_REJETE
                | EtatDepotFlux::IN_INCIDENTE
                | EtatDepotFlux::IN_INTEGRE
                | EtatDepotFlux::IN_INTEGRE_PARTIEL
        );
        assert_eq!(etat.est_terminal(), attendu, "{etat}");
    }
}

#[test]
fn rattachements_roundtrip() {
    let requete: RecupererRattachementsRequest =
        roundtrip(exemple!("utilisateurs_rattachements_request"));
    let parametres = requete.parametres_recherche.unwrap_or_default();
    assert_eq!(parametres.tri_sens, Some(TriSens::Descendant));
    let reponse: RecupererRattachementsResponse =
        roundtrip(exemple!("utilisateurs_rattachements_response"));
    let structure = &reponse.liste_structure_rattachement[0];
    assert_eq!(
        structure.statut_rattachement_structure,
        Some(StatutRattachement::EN_COURS_DE_VALIDATION)
    );
    assert_eq!(structure.liste_services_rattache[0].est_actif, Some(false));
    assert!(reponse.parametres_retour.is_some());
}

#[test]
fn health_check_roundtrips_with_spring_keys() {
    let reponse: HealthCheckResponse =
        roundtrip(r#"{"body":"UP","statusCode":"OK","statusCodeValue":200}"#);
    assert_eq!(reponse.status_code_value, Some(200));
}
