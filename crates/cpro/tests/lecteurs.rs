//! The wire types read the same through the readers other crates use: axum's `Json`
//! (serde_path_to_error over serde_json), `serde_json::from_slice`, `serde_json::from_value`.

use cpro::factures::{MontantTotal, SoumettreRequest};
use rust_decimal_macros::dec;

const CORPS: &str = r#"{"modeDepot":"DEPOT_PDF_API","dateFacture":"2026-04-03",
    "montantTotal":{"montantHtTotal":0.1,"montantTVA":0.02,"montantAPayer":"0.12"},
    "pieceJointePrincipale":{"pieceJointePrincipaleId":6921279}}"#;

#[track_caller]
fn check(requete: SoumettreRequest) {
    let totaux = requete.montant_total.unwrap_or_default();
    assert_eq!(totaux.montant_ht_total, Some(dec!(0.1)));
    assert_eq!(totaux.montant_tva, Some(dec!(0.02)));
    assert_eq!(totaux.montant_a_payer, Some(dec!(0.12)));
    assert_eq!(requete.piece_jointe_principale.len(), 1);
}

#[test]
fn amounts_are_exact_through_serde_path_to_error_as_in_axum() {
    let deserializer = &mut serde_json::Deserializer::from_slice(CORPS.as_bytes());
    let requete: SoumettreRequest =
        serde_path_to_error::deserialize(deserializer).unwrap_or_else(|e| panic!("{e}"));
    check(requete);
}

#[test]
fn amounts_are_exact_through_from_slice() {
    check(serde_json::from_slice(CORPS.as_bytes()).unwrap_or_else(|e| panic!("{e}")));
}

#[test]
fn amounts_read_through_from_value_are_exact_for_short_decimals() {
    // serde_json::Value stores numbers as f64 (without `arbitrary_precision`); the amount is then
    // read from f64's shortest text, exact for amounts with few digits. Prefer from_str/from_slice.
    let valeur: serde_json::Value = serde_json::from_str(CORPS).unwrap_or_default();
    let requete: SoumettreRequest =
        serde_json::from_value(valeur).unwrap_or_else(|e| panic!("{e}"));
    check(requete);
}

#[test]
fn path_of_a_bad_amount_is_reported() {
    let deserializer =
        &mut serde_json::Deserializer::from_str(r#"{"montantTotal":{"montantTVA":"abc"}}"#);
    let erreur = serde_path_to_error::deserialize::<_, SoumettreRequest>(deserializer).err();
    assert_eq!(
        erreur.map(|e| e.path().to_string()).as_deref(),
        Some("montantTotal.montantTVA")
    );
}

#[test]
fn writing_to_value_keeps_amounts_as_numbers() {
    let totaux = MontantTotal {
        montant_ht_total: Some(dec!(12.5)),
        ..Default::default()
    };
    let valeur = serde_json::to_value(&totaux).unwrap_or_default();
    assert!(valeur["montantHtTotal"].is_number());
}
