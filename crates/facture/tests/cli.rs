//! Runs the `passerelle-validate` binary on files and checks its output and exit code.

use std::path::PathBuf;
use std::process::{Command, Output};

use cpro::factures::SoumettreRequest;
use facture::{
    Destinataire, Facture, Fournisseur, Ligne, ModeDepot, ModePaiement, PieceJointePrincipale,
};
use rust_decimal_macros::dec;

fn facture() -> Facture {
    let mut facture = Facture {
        mode_depot: ModeDepot::DepotPdfApi,
        numero_facture: "F2026-001".into(),
        date_facture: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        fournisseur: Fournisseur {
            id_fournisseur: Some(25_783_752),
            code_coordonnees_bancaires: Some(42),
            ..Fournisseur::default()
        },
        destinataire: Destinataire {
            code_destinataire: "11000201100044".into(),
            code_service: Some("SFACETAT".into()),
        },
        lignes: vec![Ligne {
            numero: 1,
            denomination: "Conseil".into(),
            quantite: dec!(3),
            prix_unitaire_ht: dec!(100),
            taux_tva: Some(dec!(20)),
            ..Ligne::default()
        }],
        piece_jointe_principale: vec![PieceJointePrincipale {
            designation: "F2026-001.pdf".into(),
            id: Some(1),
            taille_octets: None,
        }],
        ..Facture::default()
    };
    facture.references.mode_paiement = Some(ModePaiement::Virement);
    facture.calculer();
    facture
}

fn corps(facture: &Facture) -> String {
    serde_json::to_string(&SoumettreRequest::from(facture)).unwrap()
}

/// Writes `contenu` to a file of its own in the temp dir and runs the binary on it.
fn lancer(nom: &str, contenu: &str, arguments: &[&str]) -> Output {
    let chemin: PathBuf = std::env::temp_dir().join(format!(
        "passerelle-validate-{}-{nom}.json",
        std::process::id()
    ));
    std::fs::write(&chemin, contenu).unwrap();
    let sortie = Command::new(env!("CARGO_BIN_EXE_passerelle-validate"))
        .arg(&chemin)
        .args(arguments)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&chemin);
    sortie
}

fn findings(sortie: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&sortie.stdout).unwrap()
}

fn regles(sortie: &Output) -> Vec<String> {
    findings(sortie)
        .iter()
        .filter_map(|f| f.get("rule").and_then(|r| r.as_str()).map(str::to_owned))
        .collect()
}

#[test]
fn valid_body_exits_0_with_only_warnings() {
    let sortie = lancer("valide", &corps(&facture()), &["--date", "2026-11-25"]);
    assert_eq!(
        sortie.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&sortie.stdout)
    );
    assert!(findings(&sortie)
        .iter()
        .all(|f| f.get("severity").and_then(|s| s.as_str()) == Some("warning")));
}

#[test]
fn wrong_total_exits_1_and_names_the_field() {
    let mut facture = facture();
    facture.totaux.montant_ttc += dec!(1);
    let sortie = lancer("total", &corps(&facture), &["--date", "2026-11-25"]);
    assert_eq!(sortie.status.code(), Some(1));
    let trouve = findings(&sortie)
        .into_iter()
        .find(|f| f.get("rule").and_then(|r| r.as_str()) == Some("BR-CO-15"));
    let trouve = trouve.expect("BR-CO-15 reported");
    assert_eq!(
        trouve.get("field").and_then(|f| f.as_str()),
        Some("montantTotal.montantTtcTotal")
    );
    assert_eq!(trouve.get("fix").and_then(|f| f.as_str()), Some("360.00"));
}

#[test]
fn wrapped_input_applies_the_directory_flags_and_date() {
    let mut facture = facture();
    facture.destinataire.code_service = None;
    let contenu = format!(
        r#"{{"soumettre": {}, "destinataire": {{"codeServiceDoitEtreRenseigne": true}}, "aujourdHui": "2026-11-25"}}"#,
        corps(&facture)
    );
    let sortie = lancer("enveloppe", &contenu, &[]);
    assert_eq!(sortie.status.code(), Some(1));
    assert!(regles(&sortie).contains(&"CPP-SERVICE-OBLIGATOIRE".to_owned()));
    // The date given on the command line wins over the file's: the invoice is then in the future.
    let sortie = lancer("enveloppe-date", &contenu, &["--date", "2026-11-01"]);
    assert!(regles(&sortie).contains(&"CPP-DATE-FUTURE".to_owned()));
}

#[test]
fn code_not_accepted_by_soumettre_is_a_blocking_finding() {
    let contenu = corps(&facture()).replace(
        "A1_FACTURE_FOURNISSEUR",
        "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",
    );
    let sortie = lancer("cadre", &contenu, &["--date", "2026-11-25"]);
    assert_eq!(sortie.status.code(), Some(1));
    assert_eq!(regles(&sortie), vec!["CPP-CODE".to_owned()]);
}

#[test]
fn unreadable_input_exits_2() {
    let sortie = lancer("json", "{ not json", &[]);
    assert_eq!(sortie.status.code(), Some(2));
    let sortie = Command::new(env!("CARGO_BIN_EXE_passerelle-validate"))
        .arg("/nonexistent/facture.json")
        .output()
        .unwrap();
    assert_eq!(sortie.status.code(), Some(2));
    let sortie = Command::new(env!("CARGO_BIN_EXE_passerelle-validate"))
        .output()
        .unwrap();
    assert_eq!(sortie.status.code(), Some(2));
}
