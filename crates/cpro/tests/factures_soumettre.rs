//! Wire tests of `soumettre` and `deposer/pdf`: exact keys and values, both directions.

mod common;

use chrono::NaiveDate;
use common::roundtrip;
use cpro::factures::*;
use rust_decimal_macros::dec;

/// A full SAISIE_API body, keys in swagger order (`SoumettreFactureParam`), checked against the
/// swagger in `tests/swagger.rs`.
const SOUMETTRE_COMPLET: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/exemples/soumettre_request.json"
));

#[test]
fn soumettre_full_body_roundtrips_with_swagger_keys() {
    let requete: SoumettreRequest = roundtrip(SOUMETTRE_COMPLET);

    assert_eq!(requete.id_utilisateur_courant, Some(0));
    assert_eq!(requete.mode_depot, Some(ModeDepot::SAISIE_API));
    assert_eq!(requete.numero_facture_saisi.as_deref(), Some("F-2026/001"));
    assert_eq!(requete.date_facture, NaiveDate::from_ymd_opt(2026, 4, 3));
    let destinataire = requete.destinataire.clone().unwrap_or_default();
    assert_eq!(
        destinataire.code_destinataire.as_deref(),
        Some("11000201100044")
    );
    assert_eq!(
        destinataire.code_service_executant.as_deref(),
        Some("SE-COMPTA")
    );
    let fournisseur = requete.fournisseur.clone().unwrap_or_default();
    assert_eq!(fournisseur.id_fournisseur, Some(25783752));
    assert_eq!(
        fournisseur.code_coordonnees_bancaires_fournisseur,
        Some(4321)
    );
    let cadre = requete.cadre_de_facturation.clone().unwrap_or_default();
    assert_eq!(
        cadre.code_cadre_facturation,
        Some(CadreFacturation::A9_FACTURE_SOUSTRAITANT)
    );
    let references = requete.references.clone().unwrap_or_default();
    assert_eq!(references.type_tva, Some(TypeTva::TVA_SUR_DEBIT));
    assert_eq!(references.mode_paiement, Some(ModePaiement::VIREMENT));
    assert_eq!(
        references.numero_bon_commande.as_deref(),
        Some("EJ1000123456")
    );
    assert_eq!(requete.ligne_poste.len(), 1);
    assert_eq!(requete.ligne_poste[0].ligne_poste_quantite, Some(dec!(2.5)));
    assert_eq!(
        requete.ligne_poste[0].ligne_poste_montant_unitaire_ht,
        Some(dec!(100.00))
    );
    assert_eq!(
        requete.ligne_tva[0].ligne_tva_montant_tva_par_taux,
        Some(dec!(50.00))
    );
    let totaux = requete.montant_total.clone().unwrap_or_default();
    assert_eq!(totaux.montant_ttc_total, Some(dec!(300.00)));
    assert_eq!(totaux.montant_a_payer, Some(dec!(299.90)));
    assert_eq!(totaux.montant_ttc_avant_remise_global_ttc, None);
    assert_eq!(
        requete.piece_jointe_principale[0].piece_jointe_principale_id,
        Some(6921279)
    );
    assert_eq!(
        requete.piece_jointe_complementaire[0].piece_jointe_complementaire_id_liaison,
        Some(77)
    );
    assert_eq!(requete.commentaire.as_deref(), Some("Merci"));
}

#[test]
fn soumettre_pdf_minimal_body_omits_absent_keys() {
    // Pastell's production body (api-reference §3.2): no lines, no VAT breakdown.
    let requete = SoumettreRequest {
        mode_depot: Some(ModeDepot::DEPOT_PDF_API),
        numero_facture_saisi: Some("F1".to_owned()),
        fournisseur: Some(Fournisseur {
            id_fournisseur: Some(1),
            ..Default::default()
        }),
        montant_total: Some(MontantTotal {
            montant_ht_total: Some(dec!(0.1)),
            montant_tva: Some(dec!(0.02)),
            montant_ttc_total: Some(dec!(0.12)),
            montant_a_payer: Some(dec!(0.12)),
            ..Default::default()
        }),
        piece_jointe_principale: vec![PieceJointePrincipale {
            piece_jointe_principale_id: Some(6921279),
            ..Default::default()
        }],
        ..Default::default()
    };
    let json = serde_json::to_string(&requete).unwrap_or_default();
    assert_eq!(
        json,
        r#"{"modeDepot":"DEPOT_PDF_API","numeroFactureSaisi":"F1","fournisseur":{"idFournisseur":1},"montantTotal":{"montantHtTotal":0.1,"montantTVA":0.02,"montantTtcTotal":0.12,"montantAPayer":0.12},"pieceJointePrincipale":[{"pieceJointePrincipaleId":6921279}]}"#
    );
}

#[test]
fn piece_jointe_principale_is_read_from_an_array() {
    let requete: SoumettreRequest = serde_json::from_str(
        r#"{"pieceJointePrincipale":[{"pieceJointePrincipaleDesignation":"a.pdf","pieceJointePrincipaleId":1},{"pieceJointePrincipaleId":2}]}"#,
    )
    .unwrap_or_default();
    let ids: Vec<_> = requete
        .piece_jointe_principale
        .iter()
        .map(|pj| pj.piece_jointe_principale_id)
        .collect();
    assert_eq!(ids, vec![Some(1), Some(2)]);
}

#[test]
fn piece_jointe_principale_is_read_from_a_single_object_and_written_as_an_array() {
    // The 2020 swagger declares a single object (api-reference §3.2).
    let requete: SoumettreRequest = serde_json::from_str(
        r#"{"pieceJointePrincipale":{"pieceJointePrincipaleDesignation":"a.pdf","pieceJointePrincipaleId":6921279}}"#,
    )
    .unwrap_or_default();
    assert_eq!(requete.piece_jointe_principale.len(), 1);
    assert_eq!(
        requete.piece_jointe_principale[0]
            .piece_jointe_principale_designation
            .as_deref(),
        Some("a.pdf")
    );
    assert_eq!(
        serde_json::to_string(&requete).unwrap_or_default(),
        r#"{"pieceJointePrincipale":[{"pieceJointePrincipaleDesignation":"a.pdf","pieceJointePrincipaleId":6921279}]}"#
    );
}

#[test]
fn piece_jointe_principale_null_reads_as_empty() {
    let requete: SoumettreRequest =
        serde_json::from_str(r#"{"pieceJointePrincipale":null}"#).unwrap_or_else(|e| panic!("{e}"));
    assert!(requete.piece_jointe_principale.is_empty());
}

#[test]
fn soumettre_response_of_the_real_sandbox_capture_roundtrips() {
    // api-reference §3.2, capture [S13].
    let reponse: SoumettreResponse = roundtrip(
        r#"{"codeRetour":0,"libelle":"GCU_MSG_01_000","identifiantFactureCPP":8420532,
            "numeroFacture":"20260000000000000002","statutFacture":"DEPOSEE","dateDepot":"2026-04-03",
            "identifiantStructure":"31582210396351","empreinteCertificatDepot":"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}"#,
    );
    assert!(reponse.est_succes());
    assert_eq!(reponse.identifiant_facture_cpp, Some(8420532));
    assert_eq!(reponse.statut_facture, Some(StatutFacture::DEPOSEE));
    assert_eq!(reponse.date_depot, NaiveDate::from_ymd_opt(2026, 4, 3));
    assert_eq!(
        reponse.retour(),
        Retour {
            code_retour: 0,
            libelle: "GCU_MSG_01_000".to_owned()
        }
    );
}

#[test]
fn soumettre_response_with_unknown_status_is_read() {
    let reponse: SoumettreResponse = serde_json::from_str(
        r#"{"codeRetour":0,"libelle":"x","statutFacture":"NOUVEAU_STATUT_2027"}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        reponse.statut_facture,
        Some(StatutFacture::Autre("NOUVEAU_STATUT_2027".to_owned()))
    );
    assert_eq!(
        serde_json::to_string(&reponse).unwrap_or_default(),
        r#"{"codeRetour":0,"libelle":"x","statutFacture":"NOUVEAU_STATUT_2027"}"#
    );
}

#[test]
fn deposer_pdf_request_roundtrips() {
    let requete: DeposerPdfRequest = roundtrip(
        r#"{"idUtilisateurCourant":0,"fichierFacture":"JVBERi0xLjQK","nomFichier":"facture.pdf","formatDepot":"PDF_NON_SIGNE"}"#,
    );
    assert_eq!(requete.format_depot, Some(FormatDepot::PDF_NON_SIGNE));
    assert_eq!(requete.fichier_facture.as_deref(), Some("JVBERi0xLjQK"));
}

#[test]
fn deposer_pdf_response_with_null_ocr_fields_is_read() {
    // Pastell's production mock: every OCR field null except typeFacture (api-reference §3.1).
    let reponse: DeposerPdfResponse = serde_json::from_str(
        r#"{"codeRetour":0,"libelle":"GCU_MSG_01_000","numeroFacture":null,"dateFacture":null,
            "codeDestinataire":null,"codeServiceExecutant":null,"codeFournisseur":null,"codeDeviseFacture":null,
            "typeFacture":"FACTURE","typeTva":null,"numeroBonCommande":null,"montantTtcAvantRemiseGlobalTTC":null,
            "montantAPayer":null,"montantHtTotal":null,"montantTVA":null,"pieceJointeId":6921279}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reponse.piece_jointe_id, Some(6921279));
    assert_eq!(reponse.type_facture, Some(TypeFacture::FACTURE));
    assert_eq!(reponse.montant_a_payer, None);
    assert_eq!(
        serde_json::to_string(&reponse).unwrap_or_default(),
        r#"{"codeRetour":0,"libelle":"GCU_MSG_01_000","typeFacture":"FACTURE","pieceJointeId":6921279}"#
    );
}

#[test]
fn deposer_pdf_response_with_ocr_values_roundtrips() {
    let reponse: DeposerPdfResponse = roundtrip(
        r#"{"codeRetour":0,"libelle":"GCU_MSG_01_000","numeroFacture":"F1","dateFacture":"2026-01-31",
            "codeDestinataire":"11000201100044","codeServiceExecutant":"SE1","codeFournisseur":"31582210396351",
            "codeDeviseFacture":"EUR","typeFacture":"AVOIR","typeTva":"SANS_TVA","numeroBonCommande":"EJ1",
            "montantTtcAvantRemiseGlobalTTC":120.000000,"montantAPayer":120.000000,"montantHtTotal":100.000000,
            "montantTVA":20.000000,"pieceJointeId":1}"#,
    );
    assert_eq!(reponse.montant_ht_total, Some(dec!(100.000000)));
}
