//! Property tests: computed invoices pass the sum rules; identifiers and amounts survive formatting.

use cpro::factures::SoumettreRequest;
use facture::identifiant::{longueur_iban, Iban, Siret};
use facture::montant::{arrondir_montant, formater_montant, parse_montant};
use facture::regles::{check, Contexte};
use facture::{
    Cadre, CategorieTva, CodeCadre, Destinataire, Facture, Fournisseur, Ligne, LigneTva, ModeDepot,
    ModePaiement, PieceJointe, PieceJointePrincipale, References, Totaux, TypeFacture, TypeTva,
};
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

fn texte() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 _/+-]{0,18}[A-Za-z0-9]"
}

fn texte_opt() -> impl Strategy<Value = Option<String>> {
    prop::option::of(texte())
}

fn montant() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000i64..1_000_000_000, 0u32..=6).prop_map(|(n, e)| Decimal::new(n, e))
}

fn ligne_quelconque() -> impl Strategy<Value = Ligne> {
    (
        (any::<i32>(), texte_opt(), texte(), montant(), texte_opt()),
        (
            montant(),
            montant(),
            prop::option::of(montant()),
            texte_opt(),
        ),
    )
        .prop_map(
            |((numero, reference, denomination, quantite, unite), (prix, remise, taux, code))| {
                Ligne {
                    numero,
                    reference,
                    denomination,
                    quantite,
                    unite,
                    prix_unitaire_ht: prix,
                    remise_ht: remise,
                    taux_tva: taux,
                    code_taux_tva: code,
                    categorie_tva: None,
                }
            },
        )
}

/// Any invoice made only of what the soumettre body carries (the oracle of the roundtrip).
fn facture_transportable() -> impl Strategy<Value = Facture> {
    let entete = (
        prop::sample::select(vec![
            ModeDepot::SaisieApi,
            ModeDepot::DepotPdfApi,
            ModeDepot::DepotPdfSigneApi,
        ]),
        prop::option::of(texte()),
        prop::option::of((2000i32..2100, 1u32..=12, 1u32..=28)),
        prop::option::of(any::<i64>()),
        texte_opt(),
    );
    let parties = (
        (
            prop::option::of(any::<i64>()),
            prop::option::of(any::<i64>()),
            prop::option::of(any::<i64>()),
        ),
        prop::option::of("[0-9]{14}"),
        texte_opt(),
        prop::sample::select(vec![
            CodeCadre::A1FactureFournisseur,
            CodeCadre::A2FactureFournisseurDejaPayee,
            CodeCadre::A9FactureSoustraitant,
            CodeCadre::A12FactureCotraitant,
        ]),
        (prop::option::of("[0-9]{14}"), texte_opt()),
    );
    let references = (
        "[A-Z]{3}",
        prop::sample::select(vec![TypeFacture::Facture, TypeFacture::Avoir]),
        prop::sample::select(vec![
            TypeTva::TvaSurDebit,
            TypeTva::TvaSurEncaissement,
            TypeTva::Exoneration,
            TypeTva::SansTva,
        ]),
        (texte_opt(), texte_opt(), texte_opt(), texte_opt()),
        prop::option::of(prop::sample::select(vec![
            ModePaiement::Cheque,
            ModePaiement::Prelevement,
            ModePaiement::Virement,
            ModePaiement::Espece,
            ModePaiement::Autre,
            ModePaiement::Report,
        ])),
    );
    let corps = (
        prop::collection::vec(ligne_quelconque(), 0..5),
        prop::collection::vec(
            (
                prop::option::of(montant()),
                texte_opt(),
                montant(),
                montant(),
            ),
            0..3,
        ),
        (
            montant(),
            montant(),
            montant(),
            montant(),
            texte_opt(),
            montant(),
        ),
        prop::collection::vec((texte(), prop::option::of(any::<i64>())), 0..2),
        prop::collection::vec(
            (
                texte(),
                texte_opt(),
                prop::option::of(any::<i32>()),
                prop::option::of(any::<i64>()),
                prop::option::of(any::<i64>()),
            ),
            0..3,
        ),
    );
    (entete, parties, references, corps).prop_map(
        |(
            (mode_depot, numero, date, id_utilisateur, commentaire),
            (
                (id_fournisseur, id_service, code_banque),
                code_destinataire,
                code_service,
                code_cadre,
                (valideur, service_valideur),
            ),
            (devise, type_facture, type_tva, (motif, marche, engagement, origine), mode_paiement),
            (
                lignes,
                groupes,
                (ht, tva, ttc, remise, motif_remise, a_payer),
                principales,
                complementaires,
            ),
        )| Facture {
            mode_depot,
            numero_facture: numero.unwrap_or_default(),
            date_facture: date.and_then(|(a, m, j)| chrono::NaiveDate::from_ymd_opt(a, m, j)),
            date_echeance: None,
            fournisseur: Fournisseur {
                id_fournisseur,
                id_service_fournisseur: id_service,
                code_coordonnees_bancaires: code_banque,
                ..Fournisseur::default()
            },
            destinataire: Destinataire {
                code_destinataire: code_destinataire.unwrap_or_default(),
                code_service,
            },
            cadre: Cadre {
                code: code_cadre,
                code_structure_valideur: valideur,
                code_service_valideur: service_valideur,
            },
            references: References {
                devise_facture: devise,
                type_facture,
                type_tva,
                motif_exoneration_tva: motif,
                numero_marche: marche,
                numero_engagement: engagement,
                numero_facture_origine: origine,
                mode_paiement,
            },
            lignes,
            recap_tva: groupes
                .into_iter()
                .map(|(taux, code_taux, base, montant_tva)| LigneTva {
                    taux,
                    code_taux,
                    montant_base_ht: base,
                    montant_tva,
                    categorie_tva: None,
                })
                .collect(),
            totaux: Totaux {
                montant_ht: ht,
                montant_tva: tva,
                montant_ttc: ttc,
                remise_globale_ttc: remise,
                motif_remise_globale: motif_remise,
                montant_a_payer: a_payer,
            },
            piece_jointe_principale: principales
                .into_iter()
                .map(|(designation, id)| PieceJointePrincipale {
                    designation,
                    id,
                    taille_octets: None,
                })
                .collect(),
            pieces_jointes: complementaires
                .into_iter()
                .map(
                    |(designation, type_piece, numero_ligne_facture, id, id_liaison)| PieceJointe {
                        designation,
                        type_piece,
                        numero_ligne_facture,
                        id,
                        id_liaison,
                        taille_octets: None,
                    },
                )
                .collect(),
            commentaire,
            id_utilisateur_courant: id_utilisateur,
            mentions: Default::default(),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn facture_roundtrips_through_the_soumettre_json(facture in facture_transportable()) {
        let json = serde_json::to_string(&SoumettreRequest::from(&facture)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let requete: SoumettreRequest = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Facture::try_from(&requete), Ok(facture));
    }

    #[test]
    fn soumettre_body_roundtrips_through_the_model(facture in facture_transportable()) {
        let requete = SoumettreRequest::from(&facture);
        let relu = Facture::try_from(&requete).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(SoumettreRequest::from(&relu), requete);
    }
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
    fn computed_pdf_mode_invoices_pass_the_sum_rules(
        groupes in prop::collection::vec((0..TAUX.len(), decimal(100_000, 2), decimal(30_000, 2)), 0..4),
        ht in decimal(1_000_000, 2),
        tva in decimal(200_000, 2),
    ) {
        let mut facture = Facture::default();
        facture.totaux.montant_ht = ht;
        facture.totaux.montant_tva = tva;
        facture.recap_tva = groupes
            .into_iter()
            .map(|(index, base, montant)| LigneTva {
                taux: TAUX.get(index).map(|(m, e)| Decimal::new(*m, *e)),
                montant_base_ht: base,
                montant_tva: montant,
                ..LigneTva::default()
            })
            .collect();
        facture.calculer();
        let contexte = Contexte::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default());
        let findings = check(&facture, &contexte);
        let sommes: Vec<_> = findings
            .iter()
            .filter(|f| REGLES_DE_SOMME.contains(&f.rule.as_str()) || f.rule == "CPP-RECAP-BASE")
            .collect();
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
