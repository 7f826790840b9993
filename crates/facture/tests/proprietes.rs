//! Property tests: computed invoices pass the sum rules; identifiers and amounts survive formatting.

use facture::identifiant::{longueur_iban, Iban, Siret};
use facture::montant::{arrondir_montant, formater_montant, parse_montant};
use facture::regles::{check, Contexte};
use facture::{CategorieTva, CodeCadre, Facture, Ligne, TypeTva};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The rules that check arithmetic (EN 16931 sums, breakdown, decimals).
const REGLES_DE_SOMME: &[&str] = &[
    "BR-CO-13",
    "BR-CO-14",
    "BR-CO-15",
    "BR-CO-16",
    "BR-CO-17",
    "BR-CO-18",
    "BR-S-08",
    "BR-DEC-12",
    "BR-DEC-13",
    "BR-DEC-14",
    "BR-DEC-18",
    "BR-DEC-19",
    "CPP-A2-PAYEE",
];

const TAUX: &[(i64, u32)] = &[(20, 0), (10, 0), (55, 1), (21, 1), (85, 1), (0, 0)];

fn decimal(max_entier: i64, echelle: u32) -> impl Strategy<Value = Decimal> {
    let max = max_entier * 10i64.pow(echelle);
    (0..=max).prop_map(move |n| Decimal::new(n, echelle))
}

fn ligne() -> impl Strategy<Value = Ligne> {
    (
        (0u32..=4).prop_flat_map(|e| decimal(10_000, e)),
        (0u32..=6).prop_flat_map(|e| decimal(100_000, e)),
        decimal(50, 2),
        0..TAUX.len(),
        prop::option::of(prop::sample::select(vec![
            CategorieTva::E,
            CategorieTva::AE,
            CategorieTva::K,
        ])),
    )
        .prop_map(|(quantite, prix, remise, taux_index, categorie)| {
            let (mantisse, echelle) = TAUX.get(taux_index).copied().unwrap_or((20, 0));
            let taux = Decimal::new(mantisse, echelle);
            Ligne {
                numero: 1,
                denomination: "article".into(),
                quantite,
                prix_unitaire_ht: prix,
                remise_ht: remise,
                taux_tva: Some(if categorie.is_some() {
                    Decimal::ZERO
                } else {
                    taux
                }),
                categorie_tva: categorie,
                ..Ligne::default()
            }
        })
}

fn facture_calculee() -> impl Strategy<Value = Facture> {
    (
        prop::collection::vec(ligne(), 1..40),
        decimal(100, 2),
        any::<bool>(),
        prop::sample::select(vec![
            TypeTva::TvaSurDebit,
            TypeTva::TvaSurEncaissement,
            TypeTva::Exoneration,
        ]),
    )
        .prop_map(|(lignes, remise_globale, deja_payee, type_tva)| {
            let mut facture = Facture {
                lignes,
                ..Facture::default()
            };
            for (index, ligne) in facture.lignes.iter_mut().enumerate() {
                ligne.numero = i32::try_from(index + 1).unwrap_or(i32::MAX);
            }
            facture.references.type_tva = type_tva;
            facture.totaux.remise_globale_ttc = remise_globale;
            if deja_payee {
                facture.cadre.code = CodeCadre::A2FactureFournisseurDejaPayee;
            }
            facture.calculer();
            facture
        })
}

fn mod97(texte: &str) -> u32 {
    texte.chars().fold(0, |reste, c| {
        let valeur = c.to_digit(36).unwrap_or(0);
        if valeur >= 10 {
            (reste * 100 + valeur) % 97
        } else {
            (reste * 10 + valeur) % 97
        }
    })
}

const PAYS: &[&str] = &[
    "FR", "MC", "DE", "BE", "GB", "IT", "ES", "NL", "LU", "CH", "PT", "NO", "MT",
];

fn iban() -> impl Strategy<Value = String> {
    prop::sample::select(PAYS.to_vec()).prop_flat_map(|pays| {
        let longueur = longueur_iban(pays).unwrap_or(27) - 4;
        prop::collection::vec(0u32..36, longueur).prop_map(move |valeurs| {
            let bban: String = valeurs
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    // FR/MC BBAN: digits except the 11-character account number (positions 10..21).
                    let chiffre_seul = matches!(pays, "FR" | "MC") && !(10..21).contains(&i);
                    let v = if chiffre_seul { v % 10 } else { *v };
                    char::from_digit(v, 36).unwrap_or('0').to_ascii_uppercase()
                })
                .collect();
            let cle = 98 - mod97(&format!("{bban}{pays}00"));
            format!("{pays}{cle:02}{bban}")
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn computed_invoices_always_pass_the_sum_rules(facture in facture_calculee()) {
        let contexte = Contexte::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default());
        let findings = check(&facture, &contexte);
        let sommes: Vec<_> = findings.iter().filter(|f| REGLES_DE_SOMME.contains(&f.rule.as_str())).collect();
        prop_assert!(sommes.is_empty(), "{:#?}", sommes);
    }

    #[test]
    fn totals_equal_the_sum_of_lines(facture in facture_calculee()) {
        let somme: Decimal = facture.lignes.iter().map(Ligne::montant_net).sum();
        prop_assert_eq!(facture.totaux.montant_ht, arrondir_montant(somme));
        prop_assert_eq!(facture.totaux.montant_ttc, facture.totaux.montant_ht + facture.totaux.montant_tva);
    }

    #[test]
    fn any_formatted_iban_parses_back(compact in iban(), minuscule in any::<bool>()) {
        let valeur = Iban::parse(&compact).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let papier = valeur.format_papier();
        let saisi = if minuscule { papier.to_lowercase() } else { papier.clone() };
        prop_assert_eq!(Iban::parse(&saisi), Ok(valeur.clone()));
        prop_assert_eq!(valeur.as_str(), compact.as_str());
    }

    #[test]
    fn iban_with_one_changed_character_is_rejected(compact in iban(), position in 4usize..15, delta in 1u32..10) {
        let mut caracteres: Vec<char> = compact.chars().collect();
        if let Some(c) = caracteres.get_mut(position) {
            if let Some(chiffre) = c.to_digit(10) {
                *c = char::from_digit((chiffre + delta) % 10, 10).unwrap_or('0');
                let modifie: String = caracteres.into_iter().collect();
                // mod 97 catches every single-digit substitution.
                prop_assert!(Iban::parse(&modifie).is_err());
            }
        }
    }

    #[test]
    fn siret_with_its_luhn_digit_parses(corps in "[1-9][0-9]{7}", nic in "[0-9]{4}") {
        // Complete SIREN and SIRET with their Luhn digits.
        let luhn = |chiffres: &str| -> u32 {
            for d in 0..10 {
                let essai = format!("{chiffres}{d}");
                let total: u32 = essai.bytes().rev().enumerate().map(|(i, b)| {
                    let v = u32::from(b - b'0');
                    if i % 2 == 1 { if v * 2 > 9 { v * 2 - 9 } else { v * 2 } } else { v }
                }).sum();
                if total.is_multiple_of(10) { return d; }
            }
            0
        };
        let siren = format!("{corps}{}", luhn(&corps));
        prop_assume!(!siren.starts_with("356000000"));
        let debut = format!("{siren}{nic}");
        let siret = format!("{debut}{}", luhn(&debut));
        prop_assert_eq!(Siret::parse(&siret).map(String::from), Ok(siret.clone()));
    }

    #[test]
    fn formatted_amounts_parse_back(centimes in -10_000_000_000i64..10_000_000_000) {
        let montant = Decimal::new(centimes, 2);
        prop_assert_eq!(parse_montant(&formater_montant(montant)), Ok(montant));
    }
}
