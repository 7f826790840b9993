//! Wire tests of the shared conventions: exact amounts, lenient dates, code fallbacks.

use chrono::NaiveDate;
use cpro::factures::{MontantTotal, SoumettreRequest, StatutFacture};
use cpro::DateHeure;
use rust_decimal_macros::dec;

#[track_caller]
fn check_montant(json: &str, attendu: rust_decimal::Decimal) {
    let total: MontantTotal = serde_json::from_str(&format!(r#"{{"montantAPayer":{json}}}"#))
        .unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(total.montant_a_payer, Some(attendu), "{json}");
}

#[test]
fn amounts_are_read_exactly_from_numbers_and_strings() {
    check_montant("0.1", dec!(0.1));
    check_montant("1234567890123.123456", dec!(1234567890123.123456));
    check_montant("-12.50", dec!(-12.50));
    check_montant("20", dec!(20));
    check_montant("1.5e2", dec!(150));
    check_montant(r#""99.99""#, dec!(99.99));
}

#[test]
fn amounts_keep_their_scale_when_written() {
    let total = MontantTotal {
        montant_ht_total: Some(dec!(100.10)),
        montant_tva: Some(dec!(0.000001)),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&total).unwrap_or_default(),
        r#"{"montantHtTotal":100.10,"montantTVA":0.000001}"#
    );
}

#[test]
fn null_or_empty_amount_reads_as_none() {
    for json in ["null", r#""""#] {
        let total: MontantTotal = serde_json::from_str(&format!(r#"{{"montantAPayer":{json}}}"#))
            .unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(total.montant_a_payer, None, "{json}");
    }
}

#[test]
fn amount_that_is_not_a_number_is_refused() {
    let lu = serde_json::from_str::<MontantTotal>(r#"{"montantAPayer":"douze"}"#);
    assert!(lu.is_err());
}

#[track_caller]
fn check_date(json: &str, attendu: Option<NaiveDate>) {
    let lu: Result<SoumettreRequest, _> =
        serde_json::from_str(&format!(r#"{{"dateFacture":{json}}}"#));
    assert_eq!(lu.ok().and_then(|r| r.date_facture), attendu, "{json}");
}

#[test]
fn dates_are_read_with_or_without_a_time() {
    let jour = NaiveDate::from_ymd_opt(2026, 4, 3);
    check_date(r#""2026-04-03""#, jour);
    check_date(r#""2026-04-03T10:11:47""#, jour);
    check_date(r#""2026-04-03 17:42""#, jour);
    check_date(r#""2026-04-03+02:00""#, jour);
    check_date(r#""2026-04-03Z""#, jour);
    check_date(r#""""#, None);
    check_date("null", None);
    check_date(r#""03/04/2026""#, None);
    check_date(r#""2026-04-03x""#, None);
}

#[test]
fn date_heure_is_kept_verbatim_and_parsed_on_demand() {
    let cas = [
        ("2022-01-07T10:11:47", "2022-01-07 10:11:47"),
        ("2016-10-25 17:42", "2016-10-25 17:42:00"),
        ("2022-01-07T10:11:47.123+01:00", "2022-01-07 10:11:47.123"),
        ("2050-12-31", "2050-12-31 00:00:00"),
    ];
    for (texte, attendu) in cas {
        let date_heure: DateHeure =
            serde_json::from_str(&format!("\"{texte}\"")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(date_heure.0, texte);
        let lu = date_heure.to_naive().map(|d| d.to_string());
        assert_eq!(lu.as_deref(), Ok(attendu), "{texte}");
    }
    assert!(DateHeure("hier".to_owned()).to_naive().is_err());
}

#[test]
fn date_heure_in_epoch_milliseconds_is_read() {
    let date_heure: DateHeure =
        serde_json::from_str("1775210400000").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(date_heure.0, "1775210400000");
    let lu = date_heure.to_naive().map(|d| d.to_string());
    assert_eq!(lu.as_deref(), Ok("2026-04-03 10:00:00"));
    assert_eq!(
        serde_json::to_string(&date_heure).unwrap_or_default(),
        r#""1775210400000""#
    );
}

#[test]
fn every_known_status_roundtrips_through_its_code() {
    assert_eq!(StatutFacture::CONNUS.len(), 56);
    for statut in StatutFacture::CONNUS {
        let json = serde_json::to_string(statut).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", statut.code()));
        let relu: StatutFacture = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&relu, statut);
        assert!(relu.est_connu());
        assert!(!statut.libelle_fr().is_empty() && !statut.libelle_en().is_empty());
    }
}

#[test]
fn unknown_status_code_is_kept_as_autre() {
    let statut: StatutFacture =
        serde_json::from_str(r#""EN_COURS_DE_PAIEMENT_2030""#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        statut,
        StatutFacture::Autre("EN_COURS_DE_PAIEMENT_2030".to_owned())
    );
    assert!(!statut.est_connu());
    assert!(!statut.est_terminal());
    assert_eq!(statut.libelle_fr(), "EN_COURS_DE_PAIEMENT_2030");
}

#[test]
fn supplier_actions_follow_the_status() {
    use cpro::codes::ActionFournisseur::*;
    let cas = [
        (StatutFacture::A_RECYCLER, Some(Recycler)),
        (StatutFacture::SUSPENDUE, Some(Completer)),
        (StatutFacture::REJETEE, Some(TraiterRejet)),
        (StatutFacture::INTERPRETEE_OCR, Some(Soumettre)),
        (
            StatutFacture::ERREUR_FOURNISSEUR_SUR_VALIDEUR,
            Some(CorrigerValideur),
        ),
        (
            StatutFacture::ERREUR_COTRAITANT_SUR_VALIDEUR,
            Some(CorrigerValideur),
        ),
        (StatutFacture::DEPOSEE, None),
        (StatutFacture::MISE_EN_PAIEMENT, None),
    ];
    for (statut, action) in cas {
        assert_eq!(statut.action_fournisseur(), action, "{statut}");
        assert_eq!(
            statut.demande_action_fournisseur(),
            action.is_some(),
            "{statut}"
        );
    }
}

#[test]
fn terminal_statuses_are_payment_rejection_and_removal() {
    let terminaux: Vec<&str> = StatutFacture::CONNUS
        .iter()
        .filter(|s| s.est_terminal())
        .map(|s| s.code())
        .collect();
    assert_eq!(
        terminaux,
        [
            "REJETEE",
            "MISE_EN_PAIEMENT",
            "ABANDONNEE",
            "SUPPRIMEE",
            "REMPLACEE_PAR_A22",
            "DUPLIQUE_APRES_REFUS"
        ]
    );
}

#[test]
fn any_decimal_amount_roundtrips_exactly_through_json_text() {
    // One oracle (text equality after a write/read cycle), many generated amounts: every scale
    // Chorus Pro uses (decimal(19,6)), signs, and magnitudes up to 13 integer digits.
    let mut graine: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2000 {
        graine ^= graine << 13;
        graine ^= graine >> 7;
        graine ^= graine << 17;
        let echelle = (graine % 7) as u32;
        let mantisse = (graine >> 8) as i64 % 10_000_000_000_000_000;
        let montant =
            rust_decimal::Decimal::new(if graine & 1 == 0 { mantisse } else { -mantisse }, echelle);
        let totaux = MontantTotal {
            montant_a_payer: Some(montant),
            ..Default::default()
        };
        let json = serde_json::to_string(&totaux).unwrap_or_default();
        assert_eq!(json, format!(r#"{{"montantAPayer":{montant}}}"#));
        let relu: MontantTotal =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(relu.montant_a_payer, Some(montant), "{json}");
        assert_eq!(
            relu.montant_a_payer.map(|m| m.scale()),
            Some(montant.scale()),
            "{json}"
        );
    }
}
