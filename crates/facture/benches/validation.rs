//! Benchmark: computing and validating a 200-line invoice (`cargo bench -p facture --bench validation`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use facture::regles::{check, AnnuaireDestinataire, Contexte, NumeroUtilise};
use facture::{
    Destinataire, Facture, Fournisseur, Ligne, ModeDepot, ModePaiement, PieceJointePrincipale,
};
use rust_decimal::Decimal;

fn facture_200_lignes() -> Facture {
    let taux = [
        Decimal::new(20, 0),
        Decimal::new(10, 0),
        Decimal::new(55, 1),
        Decimal::new(21, 1),
    ];
    let lignes = (0..200)
        .map(|index| Ligne {
            numero: index + 1,
            denomination: format!("Article {index}"),
            quantite: Decimal::new(i64::from(index % 7 + 1) * 125, 2),
            prix_unitaire_ht: Decimal::new(i64::from(index) * 137 + 999, 2),
            remise_ht: Decimal::new(i64::from(index % 3) * 50, 2),
            taux_tva: taux
                .get(usize::try_from(index).unwrap_or(0) % taux.len())
                .copied(),
            ..Ligne::default()
        })
        .collect();
    let mut facture = Facture {
        mode_depot: ModeDepot::DepotPdfApi,
        numero_facture: "F2026-0200".into(),
        date_facture: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        fournisseur: Fournisseur {
            id_fournisseur: Some(1),
            identifiant: "73282932000074".into(),
            numero_tva: "FR44732829320".into(),
            iban: "FR7630006000011234567890189".into(),
            bic: "AGRIFRPP".into(),
            ..Fournisseur::default()
        },
        destinataire: Destinataire {
            code_destinataire: "11000201100044".into(),
            code_service: Some("SFACETAT".into()),
        },
        lignes,
        piece_jointe_principale: vec![PieceJointePrincipale {
            designation: "F2026-0200.pdf".into(),
            id: Some(1),
            taille_octets: Some(1_000_000),
        }],
        ..Facture::default()
    };
    facture.references.mode_paiement = Some(ModePaiement::Virement);
    facture.calculer();
    facture
}

fn validation(c: &mut Criterion) {
    let facture = facture_200_lignes();
    let mut contexte =
        Contexte::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default());
    contexte.destinataire = Some(AnnuaireDestinataire {
        code_service_obligatoire: true,
        ..Default::default()
    });
    contexte.historique = (0..1000)
        .map(|n| NumeroUtilise {
            numero_facture: format!("F2025-{n:04}"),
            rejetee: n % 10 == 0,
        })
        .collect();
    c.bench_function("check_200_lignes", |b| {
        b.iter(|| check(black_box(&facture), black_box(&contexte)))
    });
    c.bench_function("calculer_200_lignes", |b| {
        b.iter(|| {
            let mut copie = black_box(&facture).clone();
            copie.calculer();
            copie
        })
    });
}

criterion_group!(benches, validation);
criterion_main!(benches);
