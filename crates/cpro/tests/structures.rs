//! Wire tests of `/cpro/structures/v1/...`: every swagger key, both directions.

mod common;

use common::roundtrip;
use cpro::codes::{StatutStructureAffichee, TriSens, TypeIdentifiantStructure};
use cpro::structures::*;
use cpro::Reponse;

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
fn rechercher_roundtrips() {
    let requete: RechercherStructureRequest = roundtrip(exemple!("structures_rechercher_request"));
    let critere = requete.structure.unwrap_or_default();
    assert!(critere.est_moa_uniquement.is_some() && critere.statut_structure.is_some());
    assert!(requete.parametres.unwrap_or_default().tri_colonne.is_some());
    let reponse: RechercherStructureResponse =
        roundtrip(exemple!("structures_rechercher_response"));
    assert!(reponse.est_succes());
    assert!(reponse.liste_structures[0]
        .statut
        .as_ref()
        .is_some_and(|s| s.est_connu()));
}

#[test]
fn rechercher_by_siret_is_written_with_swagger_keys() {
    let requete = RechercherStructureRequest {
        parametres: Some(ParametresRechercherStructure {
            nb_resultats_par_page: Some(10),
            page_resultat_demandee: Some(1),
            tri_colonne: Some(TriColonneStructure::IdentifiantStructure),
            tri_sens: Some(TriSens::Ascendant),
        }),
        restreindre_structures_privees: Some(false),
        structure: Some(CritereStructure {
            identifiant_structure: Some("11000201100044".to_owned()),
            type_identifiant_structure: Some(TypeIdentifiantStructure::SIRET),
            ..Default::default()
        }),
    };
    assert_eq!(
        serde_json::to_string(&requete).unwrap_or_default(),
        r#"{"parametres":{"nbResultatsParPage":10,"pageResultatDemandee":1,"triColonne":"IdentifiantStructure","triSens":"Ascendant"},"restreindreStructuresPrivees":false,"structure":{"identifiantStructure":"11000201100044","typeIdentifiantStructure":"SIRET"}}"#
    );
}

#[test]
fn rechercher_reads_the_real_looking_sample() {
    // api-reference §3.11, sample from Pastell [S8].
    let reponse: RechercherStructureResponse = serde_json::from_str(
        r#"{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeStructures":[{"idStructureCPP":25783752,
            "identifiantStructure":"00000000012887","designationStructure":"TAA070DESTINATAIRE","statut":"ACTIVE"}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let structure = &reponse.liste_structures[0];
    assert_eq!(structure.id_structure_cpp, Some(25783752));
    assert_eq!(structure.statut, Some(StatutStructureAffichee::ACTIVE));
    assert!(reponse.parametres_retour.is_none());
}

#[test]
fn consulter_roundtrips_with_routing_flags() {
    let requete: ConsulterStructureRequest = roundtrip(exemple!("structures_consulter_request"));
    assert!(requete.id_structure_cpp.is_some());
    let reponse: ConsulterStructureResponse = roundtrip(exemple!("structures_consulter_response"));
    let parametres = reponse.parametres.unwrap_or_default();
    assert_eq!(parametres.code_service_doit_etre_renseigne, Some(true));
    assert_eq!(parametres.numero_ej_doit_etre_renseigne, Some(false));
    assert_eq!(parametres.gestion_numero_ej_ou_code_service, Some(true));
    assert_eq!(
        parametres.statut_mise_en_paiement_nest_pas_remonte,
        Some(false)
    );
    let informations = reponse.information_generales.unwrap_or_default();
    assert_eq!(
        informations.liste_structure_dupliquees[0].structure_dupliquee,
        Some(1000019)
    );
    assert!(informations
        .date_expiration_mot_passe_compte_tech
        .is_some_and(|d| d.to_naive().is_ok()));
}

#[test]
fn rechercher_services_roundtrips_with_real_service_dates() {
    let requete: RechercherServicesRequest =
        roundtrip(exemple!("structures_rechercher_services_request"));
    assert!(requete.id_structure.is_some());
    let reponse: RechercherServicesResponse =
        roundtrip(exemple!("structures_rechercher_services_response"));
    let service = &reponse.liste_services[0];
    assert_eq!(service.est_actif, Some(true));
    assert_eq!(
        service
            .date_fin_service
            .as_ref()
            .map(|d| d.to_naive().map(|d| d.to_string())),
        Some(Ok("2050-12-31 00:00:00".to_owned()))
    );
}

#[test]
fn consulter_service_roundtrips() {
    let requete: ConsulterServiceRequest =
        roundtrip(exemple!("structures_consulter_service_request"));
    assert!(requete.id_service.is_some() && requete.id_structure.is_some());
    let reponse: ConsulterServiceResponse =
        roundtrip(exemple!("structures_consulter_service_response"));
    let parametres = reponse.parametres.unwrap_or_default();
    assert!(parametres.numero_engagement.is_some());
    assert!(reponse
        .informations_generales
        .unwrap_or_default()
        .code_service
        .is_some());
}

#[test]
fn lister_rattachements_roundtrips() {
    let requete: ListerRattachementsRequest =
        roundtrip(exemple!("structures_lister_rattachements_request"));
    assert!(requete
        .parametres_lister_rattachements_structure_utilisateur
        .is_some());
    let reponse: ListerRattachementsResponse =
        roundtrip(exemple!("structures_lister_rattachements_response"));
    assert!(reponse.liste_services[0]
        .statut_rattachement
        .as_ref()
        .is_some_and(|s| s.est_connu()));
}

#[test]
fn rechercher_espaces_roundtrips() {
    let requete: RechercherEspacesRequest =
        roundtrip(exemple!("structures_rechercher_espaces_request"));
    assert!(requete.structure.is_some());
    let reponse: RechercherEspacesResponse =
        roundtrip(exemple!("structures_rechercher_espaces_response"));
    assert!(reponse.liste_espace[0]
        .type_habilitation
        .as_ref()
        .is_some_and(|t| t.est_connu()));
}
