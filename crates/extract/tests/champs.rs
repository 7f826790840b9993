//! Field finding on synthetic pages: labels, positions, parties, totals, breakdown, avoir.

use extract::champs::{trouver, Trouvailles};
use extract::layout::{Ligne, Mot, Page};

/// Builds a page from cells `(x, y, text)`: each cell's words get boxes as a 10-point font would.
fn page(cellules: &[(f32, f32, &str)]) -> Page {
    let mut lignes = Vec::new();
    for (x, y, texte) in cellules {
        let mut mots = Vec::new();
        let mut x0 = *x;
        for mot in texte.split(' ').filter(|m| !m.is_empty()) {
            let largeur = 5.0 * mot.chars().count() as f32;
            mots.push(Mot {
                texte: mot.to_owned(),
                bbox: [x0, *y, x0 + largeur, y + 10.0],
            });
            x0 += largeur + 2.5;
        }
        if mots.is_empty() {
            continue;
        }
        let bbox = [*x, *y, x0 - 2.5, y + 10.0];
        lignes.push(Ligne { mots, bbox });
    }
    Page {
        numero: 1,
        largeur: 595.0,
        hauteur: 842.0,
        lignes,
    }
}

fn lire(cellules: &[(f32, f32, &str)]) -> Trouvailles {
    trouver(&[page(cellules)])
}

#[test]
fn label_and_value_on_the_same_row_are_paired() {
    let t = lire(&[
        (40.0, 780.0, "FACTURE"),
        (40.0, 740.0, "Facture N° :"),
        (175.0, 740.0, "F2025-0042"),
        (360.0, 740.0, "Facturé à"),
        (40.0, 726.0, "Date de facture :"),
        (175.0, 726.0, "03/11/2025"),
        (40.0, 712.0, "Code service :"),
        (175.0, 712.0, "SFACETAT"),
        (40.0, 698.0, "N° d'engagement :"),
        (175.0, 698.0, "1300123456"),
        (40.0, 684.0, "Marché n° : 2024-MAR-017"),
    ]);
    let f = &t.fields;
    assert_eq!(f.invoice_number.as_deref(), Some("F2025-0042"));
    assert_eq!(f.invoice_date.as_deref(), Some("2025-11-03"));
    assert_eq!(f.service_code.as_deref(), Some("SFACETAT"));
    assert_eq!(f.engagement_number.as_deref(), Some("1300123456"));
    assert_eq!(f.market_number.as_deref(), Some("2024-MAR-017"));
    let p = t
        .provenance
        .get("invoice_number")
        .map(|p| (p.page, p.bbox[0], p.label.clone()));
    assert_eq!(p, Some((1, 175.0, Some("Facture N°".to_owned()))));
}

#[test]
fn heading_row_gives_values_below_and_the_due_date_is_not_the_issue_date() {
    let t = lire(&[
        (45.0, 640.0, "N° de facture"),
        (175.0, 640.0, "Échéance"),
        (300.0, 640.0, "Date"),
        (430.0, 640.0, "N° client"),
        (45.0, 626.0, "FC2024077013"),
        (175.0, 626.0, "21 août 2024"),
        (300.0, 626.0, "22 juillet 2024"),
        (430.0, 626.0, "C23125"),
        (45.0, 600.0, "Invoice date"),
        (175.0, 600.0, "Due date"),
    ]);
    assert_eq!(t.fields.invoice_number.as_deref(), Some("FC2024077013"));
    assert_eq!(t.fields.invoice_date.as_deref(), Some("2024-07-22"));
}

#[test]
fn english_labels_are_read() {
    let t = lire(&[
        (400.0, 760.0, "Invoice No."),
        (480.0, 760.0, "INV-1"),
        (400.0, 746.0, "Invoice date"),
        (480.0, 746.0, "November 3, 2025"),
        (300.0, 700.0, "Bill to"),
        (300.0, 686.0, "Buyer SIRET 110 002 011 00044"),
        (300.0, 672.0, "PO number 4729187"),
        (300.0, 658.0, "Contract no. 2024-MAR-024"),
        (350.0, 300.0, "Subtotal"),
        (480.0, 300.0, "1,000.00 EUR"),
        (350.0, 286.0, "Total VAT 20.00%"),
        (480.0, 286.0, "200.00 EUR"),
        (350.0, 272.0, "Total"),
        (480.0, 272.0, "1,200.00 EUR"),
        (350.0, 258.0, "Amount due"),
        (480.0, 258.0, "1,200.00 EUR"),
    ]);
    let f = &t.fields;
    assert_eq!(f.invoice_number.as_deref(), Some("INV-1"));
    assert_eq!(f.invoice_date.as_deref(), Some("2025-11-03"));
    assert_eq!(f.recipient_siret.as_deref(), Some("11000201100044"));
    assert_eq!(f.engagement_number.as_deref(), Some("4729187"));
    assert_eq!(f.market_number.as_deref(), Some("2024-MAR-024"));
    assert_eq!(f.total_ht.as_deref(), Some("1000.00"));
    assert_eq!(f.total_vat.as_deref(), Some("200.00"));
    assert_eq!(f.total_ttc.as_deref(), Some("1200.00"));
    assert_eq!(f.amount_due.as_deref(), Some("1200.00"));
    assert_eq!(f.currency.as_deref(), Some("EUR"));
}

#[test]
fn client_siret_is_the_recipient_and_footer_siret_the_supplier() {
    let t = lire(&[
        (40.0, 700.0, "SIRET client :"),
        (175.0, 700.0, "732 829 320 00017"),
        (
            100.0,
            40.0,
            "SIRET : 55210055400013 - N° TVA intracom. : FR 96 552100554",
        ),
    ]);
    assert_eq!(t.fields.recipient_siret.as_deref(), Some("73282932000017"));
    assert_eq!(t.fields.supplier_siret.as_deref(), Some("55210055400013"));
    assert_eq!(t.fields.supplier_vat.as_deref(), Some("FR96552100554"));
}

#[test]
fn unlabelled_siret_matching_the_rcs_mention_is_the_supplier_and_the_other_the_recipient() {
    let t = lire(&[
        (40.0, 760.0, "SIRET : 55210055400013"),
        (40.0, 700.0, "SIRET : 73282932000017"),
        (300.0, 700.0, "Facturé à"),
        (
            40.0,
            40.0,
            "Société Exemple - RCS Paris 552 100 554 - APE 1234Z",
        ),
    ]);
    assert_eq!(t.fields.supplier_siret.as_deref(), Some("55210055400013"));
    assert_eq!(t.fields.recipient_siret.as_deref(), Some("73282932000017"));
}

#[test]
fn the_states_siret_is_always_the_recipient() {
    let t = lire(&[
        (40.0, 700.0, "SIRET"),
        (110.0, 700.0, "110 002 011 00044"),
        (40.0, 686.0, "Code service"),
        (110.0, 686.0, "CSP-OCC-01"),
    ]);
    assert_eq!(t.fields.recipient_siret.as_deref(), Some("11000201100044"));
    assert_eq!(t.fields.supplier_siret, None);
}

#[test]
fn a_siren_in_the_legal_mentions_is_not_a_siret() {
    let t = lire(&[
        (40.0, 700.0, "Facture n° 12"),
        (
            40.0,
            40.0,
            "Société Exemple - SAS - RCS Paris 552 100 554 - SIRET 552 100 554",
        ),
    ]);
    assert_eq!(t.fields.supplier_siret, None);
    assert_eq!(t.fields.recipient_siret, None);
}

#[test]
fn siret_wrapped_in_a_narrow_cell_is_joined() {
    let t = lire(&[
        (150.0, 705.5, "7328293200001"),
        (40.0, 700.0, "SIRET destinataire :"),
        (150.0, 694.5, "7"),
    ]);
    assert_eq!(t.fields.recipient_siret.as_deref(), Some("73282932000017"));
}

#[test]
fn totals_that_add_up_are_chosen_and_the_advance_is_deducted() {
    let t = lire(&[
        (350.0, 300.0, "Total HT :"),
        (480.0, 300.0, "40 762,40 €"),
        (350.0, 286.0, "TVA 20% :"),
        (480.0, 286.0, "8 152,48 €"),
        (350.0, 272.0, "Total TTC :"),
        (480.0, 272.0, "48 914,88 €"),
        (350.0, 258.0, "Acompte reçu :"),
        (480.0, 258.0, "- 4 891,49 €"),
        (350.0, 244.0, "Montant à payer :"),
        (480.0, 244.0, "44 023,39 €"),
    ]);
    let f = &t.fields;
    assert_eq!(f.total_ht.as_deref(), Some("40762.40"));
    assert_eq!(f.total_vat.as_deref(), Some("8152.48"));
    assert_eq!(f.total_ttc.as_deref(), Some("48914.88"));
    assert_eq!(f.amount_due.as_deref(), Some("44023.39"));
    let vb = f.vat_breakdown.clone().unwrap_or_default();
    assert_eq!(vb.len(), 1);
    assert_eq!(
        vb.first()
            .map(|e| (e.rate.as_str(), e.base.as_str(), e.amount.as_str())),
        Some(("20.00", "40762.40", "8152.48"))
    );
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn totals_row_with_values_below_and_rate_inferred_from_the_totals() {
    let t = lire(&[
        (40.0, 300.0, "Total HT"),
        (200.0, 300.0, "Total TVA"),
        (350.0, 300.0, "Total TTC"),
        (480.0, 300.0, "Montant à payer"),
        (40.0, 280.0, "451 063,96"),
        (200.0, 280.0, "90 212,79"),
        (350.0, 280.0, "541 276,75"),
        (480.0, 280.0, "541 276,75"),
    ]);
    let f = &t.fields;
    assert_eq!(f.total_ht.as_deref(), Some("451063.96"));
    assert_eq!(f.total_vat.as_deref(), Some("90212.79"));
    assert_eq!(f.total_ttc.as_deref(), Some("541276.75"));
    assert_eq!(f.amount_due.as_deref(), Some("541276.75"));
    let taux: Vec<String> = f
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| e.rate.clone())
        .collect();
    assert_eq!(taux, vec!["20.00".to_owned()]);
}

#[test]
fn amount_due_falls_back_to_total_ttc() {
    let t = lire(&[
        (350.0, 300.0, "Total HT"),
        (480.0, 300.0, "100,00"),
        (350.0, 286.0, "TVA 10 %"),
        (480.0, 286.0, "10,00"),
        (350.0, 272.0, "Total TTC"),
        (480.0, 272.0, "110,00"),
    ]);
    assert_eq!(t.fields.amount_due.as_deref(), Some("110.00"));
}

#[test]
fn totals_that_do_not_add_up_give_a_warning() {
    let t = lire(&[
        (350.0, 300.0, "Total HT"),
        (480.0, 300.0, "100,00"),
        (350.0, 286.0, "Total TVA"),
        (480.0, 286.0, "20,00"),
        (350.0, 272.0, "Total TTC"),
        (480.0, 272.0, "120,01"),
    ]);
    assert!(
        t.warnings.iter().any(|w| w.contains("total_ttc differs")),
        "{:?}",
        t.warnings
    );
}

#[test]
fn vat_franchise_gives_zero_vat_and_a_zero_rate_entry() {
    let t = lire(&[
        (350.0, 300.0, "Total HT"),
        (480.0, 300.0, "5277,82 €"),
        (350.0, 272.0, "Net à payer"),
        (480.0, 272.0, "5277,82 €"),
        (350.0, 258.0, "Montant TTC"),
        (480.0, 258.0, "5277,82 €"),
        (40.0, 200.0, "TVA non applicable, art. 293 B du CGI"),
    ]);
    let f = &t.fields;
    assert_eq!(f.total_vat.as_deref(), Some("0.00"));
    let vb: Vec<(String, String, String)> = f
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    assert_eq!(vb, vec![("0.00".into(), "5277.82".into(), "0.00".into())]);
}

#[test]
fn several_rates_with_bases_in_their_labels_make_the_breakdown() {
    let t = lire(&[
        (350.0, 300.0, "Total HT"),
        (520.0, 300.0, "11.899,00 €"),
        (350.0, 286.0, "TVA 20,00 % (base 11.886,20)"),
        (520.0, 286.0, "2.377,24 €"),
        (350.0, 272.0, "TVA 10,00 % (base 12,80)"),
        (520.0, 272.0, "1,28 €"),
        (350.0, 258.0, "Total TVA"),
        (520.0, 258.0, "2.378,52 €"),
        (350.0, 244.0, "Montant TTC"),
        (520.0, 244.0, "14.277,52 €"),
    ]);
    let mut vb: Vec<(String, String, String)> = t
        .fields
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    vb.sort();
    assert_eq!(
        vb,
        vec![
            ("10.00".into(), "12.80".into(), "1.28".into()),
            ("20.00".into(), "11886.20".into(), "2377.24".into()),
        ]
    );
    assert_eq!(t.fields.total_vat.as_deref(), Some("2378.52"));
}

#[test]
fn vat_table_with_rate_base_and_amount_columns_is_read() {
    let t = lire(&[
        (40.0, 300.0, "Taux"),
        (120.0, 300.0, "Base HT"),
        (220.0, 300.0, "Montant TVA"),
        (40.0, 286.0, "20 %"),
        (120.0, 286.0, "20,28"),
        (220.0, 286.0, "4,06"),
        (40.0, 272.0, "5,5 %"),
        (120.0, 272.0, "130,18"),
        (220.0, 272.0, "7,16"),
        (350.0, 250.0, "Total HT"),
        (480.0, 250.0, "150,46"),
        (350.0, 236.0, "Total TTC"),
        (480.0, 236.0, "161,68"),
    ]);
    let mut vb: Vec<(String, String, String)> = t
        .fields
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    vb.sort();
    assert_eq!(
        vb,
        vec![
            ("20.00".into(), "20.28".into(), "4.06".into()),
            ("5.50".into(), "130.18".into(), "7.16".into()),
        ]
    );
    assert_eq!(t.fields.total_vat.as_deref(), Some("11.22"));
}

#[test]
fn credit_note_titles_make_an_avoir() {
    for titre in ["AVOIR", "FACTURE D'AVOIR", "Credit note"] {
        let t = lire(&[(400.0, 780.0, titre), (400.0, 760.0, "N° : AV-12")]);
        assert_eq!(t.fields.invoice_type.as_deref(), Some("AVOIR"), "{titre}");
    }
    let t = lire(&[
        (400.0, 760.0, "Facture n° F-12"),
        (40.0, 700.0, "Facture d'origine : F-11"),
    ]);
    assert_eq!(t.fields.invoice_type.as_deref(), Some("FACTURE"));
    assert_eq!(t.fields.invoice_number.as_deref(), Some("F-12"));
}

#[test]
fn iban_is_found_with_or_without_its_label() {
    let t = lire(&[(
        40.0,
        200.0,
        "Virement - IBAN : FR76 3000 6000 0112 3456 7890 189 - BIC AGRIFRPP",
    )]);
    assert_eq!(
        t.fields.iban.as_deref(),
        Some("FR7630006000011234567890189")
    );
    let t = lire(&[(40.0, 200.0, "FR7630006000011234567890189")]);
    assert_eq!(
        t.fields.iban.as_deref(),
        Some("FR7630006000011234567890189")
    );
    let t = lire(&[(40.0, 200.0, "IBAN : FR76 3000 6000 0112 3456 7890 188")]);
    assert_eq!(t.fields.iban, None);
}

#[test]
fn empty_pages_give_no_field() {
    let t = trouver(&[]);
    assert_eq!(t.fields, extract::resultat::Fields::default());
    let t = lire(&[]);
    assert_eq!(t.fields, extract::resultat::Fields::default());
    assert!(t.provenance.is_empty());
}

#[test]
fn invoice_lines_table_headings_are_not_read_as_totals() {
    let t = lire(&[
        (40.0, 500.0, "Désignation"),
        (250.0, 500.0, "Qté"),
        (320.0, 500.0, "PU HT"),
        (400.0, 500.0, "TVA"),
        (480.0, 500.0, "Montant HT"),
        (40.0, 486.0, "Chaises"),
        (250.0, 486.0, "2"),
        (320.0, 486.0, "10,00"),
        (400.0, 486.0, "20 %"),
        (480.0, 486.0, "20,00"),
    ]);
    assert_eq!(t.fields.total_ht, None);
    assert_eq!(t.fields.total_vat, None);
}

#[test]
fn issue_date_after_du_or_le_is_read_but_not_a_period_or_a_due_date() {
    let t = lire(&[(40.0, 700.0, "Facture n° F-12 du 03/11/2025")]);
    assert_eq!(t.fields.invoice_number.as_deref(), Some("F-12"));
    assert_eq!(t.fields.invoice_date.as_deref(), Some("2025-11-03"));
    let t = lire(&[
        (40.0, 700.0, "Facture n° F-12"),
        (40.0, 686.0, "Période du 01/10/2025 au 31/10/2025"),
        (40.0, 672.0, "Payable le 30/11/2025"),
        (300.0, 760.0, "Toulouse, le 3 novembre 2025"),
    ]);
    assert_eq!(t.fields.invoice_date.as_deref(), Some("2025-11-03"));
}

#[test]
fn currency_words_between_label_and_value_are_skipped() {
    let t = lire(&[
        (350.0, 300.0, "Total HT (€) : 100,00"),
        (350.0, 286.0, "Total TVA (€) : 20,00"),
        (350.0, 272.0, "Total TTC (€) : 120,00"),
    ]);
    assert_eq!(t.fields.total_ht.as_deref(), Some("100.00"));
    assert_eq!(t.fields.total_ttc.as_deref(), Some("120.00"));
}

#[test]
fn siret_under_a_supplier_heading_is_the_suppliers_and_an_unlabelled_vat_number_is_found() {
    let t = lire(&[
        (40.0, 760.0, "Fournisseur"),
        (300.0, 760.0, "Client"),
        (40.0, 746.0, "SIRET 552 100 554 00013"),
        (300.0, 746.0, "SIRET 732 829 320 00017"),
        (40.0, 40.0, "Société Exemple SAS - FR 96 552100554"),
    ]);
    assert_eq!(t.fields.supplier_siret.as_deref(), Some("55210055400013"));
    assert_eq!(t.fields.recipient_siret.as_deref(), Some("73282932000017"));
    assert_eq!(t.fields.supplier_vat.as_deref(), Some("FR96552100554"));
}

#[test]
fn invoice_lines_give_the_bases_of_several_rates_printed_without_them() {
    let t = lire(&[
        (40.0, 500.0, "Désignation"),
        (250.0, 500.0, "Qté"),
        (320.0, 500.0, "PU HT"),
        (400.0, 500.0, "TVA"),
        (480.0, 500.0, "Montant HT"),
        (40.0, 486.0, "Écran 24 pouces"),
        (250.0, 486.0, "12"),
        (320.0, 486.0, "212,36"),
        (400.0, 486.0, "20 %"),
        (480.0, 486.0, "2548,32"),
        (40.0, 472.0, "Peinture murale"),
        (250.0, 472.0, "2,5"),
        (320.0, 472.0, "19,35"),
        (400.0, 472.0, "5,5 %"),
        (480.0, 472.0, "48,38"),
        (350.0, 300.0, "Total HT :"),
        (480.0, 300.0, "2596,70"),
        (350.0, 286.0, "TVA 20 % :"),
        (480.0, 286.0, "509,66"),
        (350.0, 272.0, "TVA 5,5 % :"),
        (480.0, 272.0, "2,66"),
        (350.0, 258.0, "Total TTC :"),
        (480.0, 258.0, "3109,02"),
    ]);
    assert_eq!(t.fields.total_vat.as_deref(), Some("512.32"));
    let mut vb: Vec<(String, String, String)> = t
        .fields
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    vb.sort();
    assert_eq!(
        vb,
        vec![
            ("20.00".into(), "2548.32".into(), "509.66".into()),
            ("5.50".into(), "48.38".into(), "2.66".into()),
        ]
    );
    let lignes = t.fields.lines.unwrap_or_default();
    assert_eq!(lignes.len(), 2);
    assert_eq!(
        lignes.get(1).map(|l| (
            l.description.as_deref(),
            l.quantity.as_deref(),
            l.unit_price.as_deref()
        )),
        Some((Some("Peinture murale"), Some("2.5"), Some("19.35")))
    );
}

#[test]
fn a_bare_title_does_not_take_the_address_below_as_invoice_number() {
    let t = lire(&[(40.0, 780.0, "FACTURE"), (40.0, 766.0, "12 rue des Lois")]);
    assert_eq!(t.fields.invoice_number, None);
}

#[test]
fn rate_in_parentheses_after_a_vat_label_is_read() {
    let t = lire(&[
        (350.0, 300.0, "Total HT"),
        (480.0, 300.0, "200,00"),
        (350.0, 286.0, "TVA (5,5 %) : 11,00"),
        (350.0, 272.0, "Total TTC"),
        (480.0, 272.0, "211,00"),
    ]);
    let vb: Vec<(String, String, String)> = t
        .fields
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    assert_eq!(vb, vec![("5.50".into(), "200.00".into(), "11.00".into())]);
}

#[test]
fn value_right_aligned_under_its_heading_is_read() {
    let t = lire(&[
        (40.0, 300.0, "Total HT"),
        (200.0, 300.0, "Total TVA"),
        (350.0, 300.0, "Total TTC"),
        (100.0, 280.0, "100,00"),
        (260.0, 280.0, "20,00"),
        (410.0, 280.0, "120,00"),
    ]);
    assert_eq!(t.fields.total_ht.as_deref(), Some("100.00"));
    assert_eq!(t.fields.total_vat.as_deref(), Some("20.00"));
    assert_eq!(t.fields.total_ttc.as_deref(), Some("120.00"));
}

#[test]
fn label_glued_to_its_value_is_cut() {
    let t = lire(&[
        (40.0, 700.0, "Date21 septembre 2025"),
        (40.0, 686.0, "Votre commandeEJ438041"),
        (40.0, 672.0, "Avoir n°AVR006771"),
        (40.0, 658.0, "SIRET destinataire:21282896622817"),
    ]);
    assert_eq!(t.fields.invoice_date.as_deref(), Some("2025-09-21"));
    assert_eq!(t.fields.engagement_number.as_deref(), Some("EJ438041"));
    assert_eq!(t.fields.invoice_number.as_deref(), Some("AVR006771"));
    assert_eq!(t.fields.invoice_type.as_deref(), Some("AVOIR"));
    assert_eq!(t.fields.recipient_siret.as_deref(), Some("21282896622817"));
}

#[test]
fn totals_table_with_base_first_gives_total_ht_from_the_base() {
    let t = lire(&[
        (40.0, 300.0, "Base HT"),
        (140.0, 300.0, "Taux TVA"),
        (240.0, 300.0, "Montant TVA"),
        (340.0, 300.0, "Total TTC"),
        (40.0, 286.0, "1 000,00"),
        (140.0, 286.0, "20 %"),
        (240.0, 286.0, "200,00"),
        (340.0, 286.0, "1 200,00"),
    ]);
    let f = &t.fields;
    assert_eq!(f.total_ht.as_deref(), Some("1000.00"));
    assert_eq!(f.total_vat.as_deref(), Some("200.00"));
    assert_eq!(f.total_ttc.as_deref(), Some("1200.00"));
    let vb: Vec<(String, String, String)> = f
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    assert_eq!(
        vb,
        vec![("20.00".into(), "1000.00".into(), "200.00".into())]
    );
}

#[test]
fn dollar_amounts_give_usd() {
    let t = lire(&[
        (350.0, 300.0, "Subtotal"),
        (480.0, 300.0, "$1,000.00"),
        (350.0, 286.0, "Tax (20%)"),
        (480.0, 286.0, "$200.00"),
        (350.0, 272.0, "Total"),
        (480.0, 272.0, "$1,200.00"),
    ]);
    assert_eq!(t.fields.total_ttc.as_deref(), Some("1200.00"));
    assert_eq!(t.fields.currency.as_deref(), Some("USD"));
}

#[test]
fn a_credit_notes_own_number_wins_over_the_corrected_invoices() {
    let t = lire(&[
        (40.0, 720.0, "Facture n° F-2025-9"),
        (40.0, 700.0, "Avoir n° AV-2025-1"),
    ]);
    assert_eq!(t.fields.invoice_number.as_deref(), Some("AV-2025-1"));
    assert_eq!(t.fields.invoice_type.as_deref(), Some("AVOIR"));
}

#[test]
fn the_corrected_invoices_number_and_date_are_not_read() {
    let t = lire(&[
        (40.0, 780.0, "AVOIR"),
        (40.0, 720.0, "Réf. facture d'origine :"),
        (200.0, 720.0, "F-2025-9"),
        (40.0, 706.0, "Date de la facture d'origine :"),
        (200.0, 706.0, "02/01/2025"),
    ]);
    assert_eq!(t.fields.invoice_number, None);
    assert_eq!(t.fields.invoice_date, None);
}

#[test]
fn flat_word_boxes_still_group_labels_and_values() {
    // A text layer that gives words no height (fonts without metrics), spaces of 4 points.
    let mot = |texte: &str, x0: f32| Mot {
        texte: texte.to_owned(),
        bbox: [x0, 300.0, x0 + 5.0 * texte.chars().count() as f32, 300.0],
    };
    let mots = vec![mot("Total", 40.0), mot("HT", 69.0), mot("1000,00", 200.0)];
    let p = Page {
        numero: 1,
        largeur: 595.0,
        hauteur: 842.0,
        lignes: vec![Ligne {
            mots,
            bbox: [40.0, 300.0, 235.0, 300.0],
        }],
    };
    let t = trouver(&[p]);
    assert_eq!(t.fields.total_ht.as_deref(), Some("1000.00"));
}

#[test]
fn reference_wrapped_in_a_narrow_cell_is_joined() {
    let t = lire(&[
        (150.0, 705.5, "RECTO-TLS-"),
        (40.0, 700.0, "Code service :"),
        (150.0, 694.5, "DAF"),
        (40.0, 672.0, "Marché n° :"),
        (150.0, 672.0, "M24.348"),
    ]);
    assert_eq!(t.fields.service_code.as_deref(), Some("RECTO-TLS-DAF"));
    assert_eq!(t.fields.market_number.as_deref(), Some("M24.348"));
}

#[test]
fn values_of_the_rows_around_an_empty_label_are_not_joined() {
    let t = lire(&[
        (40.0, 714.0, "N° d'engagement :"),
        (150.0, 714.0, "2234880102"),
        (40.0, 700.0, "Code service :"),
        (40.0, 686.0, "Marché n° :"),
        (150.0, 686.0, "M23.779"),
    ]);
    assert_eq!(t.fields.service_code, None);
    assert_eq!(t.fields.engagement_number.as_deref(), Some("2234880102"));
}

#[test]
fn wrapped_reference_whose_first_line_shares_the_label_row_is_joined() {
    let t = lire(&[
        (40.0, 700.0, "Code service :"),
        (150.0, 701.0, "RECTO-TLS-"),
        (150.0, 690.0, "DAF"),
    ]);
    assert_eq!(t.fields.service_code.as_deref(), Some("RECTO-TLS-DAF"));
}

#[test]
fn a_value_between_two_baselines_joins_the_row_of_its_label() {
    let t = lire(&[
        (40.0, 720.0, "compta@exemple.fr"),
        (300.0, 715.5, "29/03/2026"),
        (200.0, 714.5, "Date facture :"),
    ]);
    assert_eq!(t.fields.invoice_date.as_deref(), Some("2026-03-29"));
}

/// A small deterministic generator (no dependency): xorshift.
struct Hasard(u64);

impl Hasard {
    fn suivant(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn choisir<'a>(&mut self, options: &[&'a str]) -> &'a str {
        let i = (self.suivant() % options.len().max(1) as u64) as usize;
        options.get(i).copied().unwrap_or("")
    }
}

#[test]
fn scrambled_pages_never_panic_and_give_well_formed_values() {
    let jetons = [
        "Facture",
        "N°",
        ":",
        "Total",
        "HT",
        "TVA",
        "TTC",
        "20",
        "%",
        "5,5%",
        "1 234,56",
        "€",
        "SIRET",
        "110 002 011 00044",
        "Date",
        "03/11/2025",
        "Net à payer",
        "(base",
        "12,00)",
        "Avoir",
        "IBAN",
        "FR76",
        "3000",
        "Client",
        "Facturé à",
        "-",
        "(12,00)",
        "n°:X",
        "Date21",
        "",
        " ",
        "∞",
        "ﬁ",
        "12:30",
        "°",
        "Taux",
        "Base HT",
        "Montant TVA",
        "Qté",
        "Désignation",
    ];
    let mut hasard = Hasard(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let mut lignes = Vec::new();
        for _ in 0..(hasard.suivant() % 30) {
            let mut mots = Vec::new();
            let y = (hasard.suivant() % 842) as f32;
            let mut x = (hasard.suivant() % 300) as f32;
            for _ in 0..(1 + hasard.suivant() % 6) {
                let texte = hasard.choisir(&jetons).to_owned();
                let largeur = (hasard.suivant() % 80) as f32;
                let hauteur = [0.0, 10.0, 10.0, f32::NAN, -5.0][(hasard.suivant() % 5) as usize];
                mots.push(Mot {
                    texte,
                    bbox: [x, y, x + largeur, y + hauteur],
                });
                x += largeur + (hasard.suivant() % 40) as f32;
            }
            lignes.push(Ligne {
                mots,
                bbox: [0.0, y, x, y + 10.0],
            });
        }
        let page = Page {
            numero: 1,
            largeur: 595.0,
            hauteur: 842.0,
            lignes,
        };
        let t = trouver(&[page]);
        let f = &t.fields;
        for montant in [&f.total_ht, &f.total_vat, &f.total_ttc, &f.amount_due]
            .into_iter()
            .flatten()
        {
            let decimales = montant.rsplit('.').next().map(str::len);
            assert_eq!(decimales, Some(2), "{montant}");
            assert!(!montant.starts_with('-'), "{montant}");
        }
        if let Some(siret) = &f.supplier_siret {
            assert_eq!(siret.len(), 14);
        }
    }
}

#[test]
fn payment_terms_are_not_an_amount_due() {
    let t = lire(&[
        (350.0, 300.0, "Total TTC"),
        (480.0, 300.0, "120,00"),
        (40.0, 250.0, "À payer avant le 03/12/2025"),
        (300.0, 250.0, "100,00"),
    ]);
    assert_eq!(t.fields.amount_due.as_deref(), Some("120.00"));
    assert_eq!(t.fields.invoice_date, None);
}

#[test]
fn a_french_invoice_in_another_layout_is_read_whole() {
    let t = lire(&[
        (40.0, 800.0, "ACME Services SAS"),
        (40.0, 786.0, "10 avenue de la République - 75011 Paris"),
        (40.0, 772.0, "SIREN 552 100 554 - RCS Paris"),
        (40.0, 758.0, "N° TVA : FR96552100554"),
        (380.0, 800.0, "FACTURE"),
        (380.0, 780.0, "Numéro :"),
        (470.0, 780.0, "FA-2025-0099"),
        (380.0, 766.0, "Date d'émission :"),
        (470.0, 766.0, "15/03/2025"),
        (380.0, 752.0, "Date d'échéance :"),
        (470.0, 752.0, "14/04/2025"),
        (40.0, 700.0, "Destinataire :"),
        (40.0, 686.0, "Commune de Balma"),
        (40.0, 672.0, "SIRET : 732 829 320 00017"),
        (40.0, 658.0, "Service exécutant : FIN-01"),
        (40.0, 644.0, "Engagement juridique n° : 4500012345"),
        (40.0, 630.0, "Référence du marché : 2024-AOO-12"),
        (350.0, 300.0, "Total HT"),
        (480.0, 300.0, "1 000,00 €"),
        (350.0, 286.0, "TVA à 20 %"),
        (480.0, 286.0, "200,00 €"),
        (350.0, 272.0, "Total TTC"),
        (480.0, 272.0, "1 200,00 €"),
        (350.0, 258.0, "Reste à payer"),
        (480.0, 258.0, "1 200,00 €"),
        (40.0, 200.0, "IBAN : FR76 3000 6000 0112 3456 7890 189"),
        (100.0, 40.0, "ACME Services SAS - SIRET 552 100 554 00013"),
    ]);
    let f = &t.fields;
    assert_eq!(f.invoice_number.as_deref(), Some("FA-2025-0099"));
    assert_eq!(f.invoice_date.as_deref(), Some("2025-03-15"));
    assert_eq!(f.invoice_type.as_deref(), Some("FACTURE"));
    assert_eq!(f.supplier_siret.as_deref(), Some("55210055400013"));
    assert_eq!(f.supplier_vat.as_deref(), Some("FR96552100554"));
    assert_eq!(f.recipient_siret.as_deref(), Some("73282932000017"));
    assert_eq!(f.service_code.as_deref(), Some("FIN-01"));
    assert_eq!(f.engagement_number.as_deref(), Some("4500012345"));
    assert_eq!(f.market_number.as_deref(), Some("2024-AOO-12"));
    assert_eq!(f.total_ht.as_deref(), Some("1000.00"));
    assert_eq!(f.total_vat.as_deref(), Some("200.00"));
    assert_eq!(f.total_ttc.as_deref(), Some("1200.00"));
    assert_eq!(f.amount_due.as_deref(), Some("1200.00"));
    assert_eq!(f.iban.as_deref(), Some("FR7630006000011234567890189"));
    let taux: Vec<String> = f
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| e.rate.clone())
        .collect();
    assert_eq!(taux, vec!["20.00".to_owned()]);
}

#[test]
fn an_english_invoice_is_read_whole() {
    let t = lire(&[
        (40.0, 800.0, "Globex Ltd"),
        (40.0, 786.0, "VAT No: FR96552100554"),
        (380.0, 800.0, "INVOICE"),
        (380.0, 780.0, "Invoice #:"),
        (470.0, 780.0, "INV/2025/007"),
        (380.0, 766.0, "Date:"),
        (470.0, 766.0, "Mar 15, 2025"),
        (40.0, 700.0, "Bill To:"),
        (40.0, 686.0, "Université de Test"),
        (40.0, 672.0, "SIRET: 732 829 320 00017"),
        (40.0, 658.0, "Service code: UNIV-ACH"),
        (40.0, 644.0, "PO #: 4500012345"),
        (350.0, 300.0, "Subtotal"),
        (480.0, 300.0, "€1,000.00"),
        (350.0, 286.0, "VAT (20%)"),
        (480.0, 286.0, "€200.00"),
        (350.0, 272.0, "Total"),
        (480.0, 272.0, "€1,200.00"),
        (350.0, 258.0, "Amount Due"),
        (480.0, 258.0, "€1,200.00"),
        (
            60.0,
            40.0,
            "Globex Ltd - SIRET 552 100 554 00013 - IBAN FR76 3000 6000 0112 3456 7890 189",
        ),
    ]);
    let f = &t.fields;
    assert_eq!(f.invoice_number.as_deref(), Some("INV/2025/007"));
    assert_eq!(f.invoice_date.as_deref(), Some("2025-03-15"));
    assert_eq!(f.supplier_siret.as_deref(), Some("55210055400013"));
    assert_eq!(f.supplier_vat.as_deref(), Some("FR96552100554"));
    assert_eq!(f.recipient_siret.as_deref(), Some("73282932000017"));
    assert_eq!(f.service_code.as_deref(), Some("UNIV-ACH"));
    assert_eq!(f.engagement_number.as_deref(), Some("4500012345"));
    assert_eq!(f.total_ht.as_deref(), Some("1000.00"));
    assert_eq!(f.total_vat.as_deref(), Some("200.00"));
    assert_eq!(f.total_ttc.as_deref(), Some("1200.00"));
    assert_eq!(f.amount_due.as_deref(), Some("1200.00"));
    assert_eq!(f.iban.as_deref(), Some("FR7630006000011234567890189"));
    assert_eq!(f.currency.as_deref(), Some("EUR"));
}

#[test]
fn a_credit_note_with_negative_amounts_and_two_rates_is_read_whole() {
    let t = lire(&[
        (40.0, 800.0, "Papeterie Exemple"),
        (380.0, 800.0, "AVOIR"),
        (380.0, 780.0, "N° d'avoir : AV-77"),
        (380.0, 766.0, "Date : 2 févr. 2026"),
        (380.0, 752.0, "Facture d'origine : F-1234 du 05/01/2026"),
        (40.0, 700.0, "Client"),
        (40.0, 686.0, "SIRET : 110 002 011 00044"),
        (40.0, 672.0, "N° EJ : 1300123456"),
        (40.0, 400.0, "Taux"),
        (120.0, 400.0, "Base HT"),
        (220.0, 400.0, "TVA"),
        (40.0, 386.0, "20,00 %"),
        (120.0, 386.0, "-100,00"),
        (220.0, 386.0, "-20,00"),
        (40.0, 372.0, "5,50 %"),
        (120.0, 372.0, "-50,00"),
        (220.0, 372.0, "-2,75"),
        (350.0, 300.0, "Total HT"),
        (480.0, 300.0, "-150,00 €"),
        (350.0, 286.0, "Total TVA"),
        (480.0, 286.0, "-22,75 €"),
        (350.0, 272.0, "Total TTC"),
        (480.0, 272.0, "-172,75 €"),
        (
            100.0,
            40.0,
            "Papeterie Exemple - RCS Albi 552 100 554 - SIRET 55210055400013",
        ),
    ]);
    let f = &t.fields;
    assert_eq!(f.invoice_type.as_deref(), Some("AVOIR"));
    assert_eq!(f.invoice_number.as_deref(), Some("AV-77"));
    assert_eq!(f.invoice_date.as_deref(), Some("2026-02-02"));
    assert_eq!(f.recipient_siret.as_deref(), Some("11000201100044"));
    assert_eq!(f.supplier_siret.as_deref(), Some("55210055400013"));
    assert_eq!(f.engagement_number.as_deref(), Some("1300123456"));
    assert_eq!(f.total_ht.as_deref(), Some("150.00"));
    assert_eq!(f.total_vat.as_deref(), Some("22.75"));
    assert_eq!(f.total_ttc.as_deref(), Some("172.75"));
    assert_eq!(f.amount_due.as_deref(), Some("172.75"));
    let mut vb: Vec<(String, String, String)> = f
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    vb.sort();
    assert_eq!(
        vb,
        vec![
            ("20.00".into(), "100.00".into(), "20.00".into()),
            ("5.50".into(), "50.00".into(), "2.75".into()),
        ]
    );
}

#[test]
fn a_sole_traders_invoice_under_the_vat_franchise_is_read_whole() {
    let t = lire(&[
        (40.0, 800.0, "Jean Dupont - Entrepreneur individuel"),
        (40.0, 786.0, "SIRET : 552 100 554 00013"),
        (
            40.0,
            772.0,
            "Dispensé d'immatriculation au RCS et au répertoire des métiers",
        ),
        (380.0, 800.0, "Facture n° 2025-014"),
        (380.0, 786.0, "Toulouse, le 3 mars 2025"),
        (300.0, 720.0, "Client :"),
        (300.0, 706.0, "Mairie de Balma"),
        (300.0, 692.0, "SIRET 732 829 320 00017"),
        (350.0, 300.0, "Total"),
        (480.0, 300.0, "450,00 €"),
        (40.0, 250.0, "TVA non applicable, art. 293 B du CGI"),
    ]);
    let f = &t.fields;
    assert_eq!(f.invoice_number.as_deref(), Some("2025-014"));
    assert_eq!(f.invoice_date.as_deref(), Some("2025-03-03"));
    assert_eq!(f.supplier_siret.as_deref(), Some("55210055400013"));
    assert_eq!(f.supplier_vat, None);
    assert_eq!(f.recipient_siret.as_deref(), Some("73282932000017"));
    assert_eq!(f.total_ht.as_deref(), Some("450.00"));
    assert_eq!(f.total_vat.as_deref(), Some("0.00"));
    assert_eq!(f.total_ttc.as_deref(), Some("450.00"));
    assert_eq!(f.amount_due.as_deref(), Some("450.00"));
    let vb: Vec<(String, String, String)> = f
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    assert_eq!(vb, vec![("0.00".into(), "450.00".into(), "0.00".into())]);
}

#[test]
fn rated_vat_heading_with_its_value_below_and_totals_on_the_second_page() {
    let p1 = page(&[
        (40.0, 780.0, "Facture n° : F-9"),
        (40.0, 766.0, "Date : 01/02/2026"),
    ]);
    let mut p2 = page(&[
        (40.0, 300.0, "Total HT"),
        (200.0, 300.0, "TVA 10 %"),
        (350.0, 300.0, "Total TTC"),
        (40.0, 280.0, "1 000,00"),
        (200.0, 280.0, "100,00"),
        (350.0, 280.0, "1 100,00"),
    ]);
    p2.numero = 2;
    let t = trouver(&[p1, p2]);
    let f = &t.fields;
    assert_eq!(f.total_ttc.as_deref(), Some("1100.00"));
    let vb: Vec<(String, String, String)> = f
        .vat_breakdown
        .iter()
        .flatten()
        .map(|e| (e.rate.clone(), e.base.clone(), e.amount.clone()))
        .collect();
    assert_eq!(
        vb,
        vec![("10.00".into(), "1000.00".into(), "100.00".into())]
    );
    assert_eq!(t.provenance.get("total_ttc").map(|p| p.page), Some(2));
}

#[test]
fn the_amount_at_the_end_of_a_vat_cell_is_read_not_its_rate() {
    let t = lire(&[
        (350.0, 300.0, "Total HT : 1 000,00"),
        (350.0, 286.0, "TVA 20 : 200,00"),
        (350.0, 272.0, "Total TTC : 1 200,00 € TTC"),
    ]);
    assert_eq!(t.fields.total_vat.as_deref(), Some("200.00"));
    assert_eq!(t.fields.total_ttc.as_deref(), Some("1200.00"));
}

#[test]
fn number_sign_variants_all_read_as_number_labels() {
    for label in [
        "N° de facture",
        "Nº de facture",
        "No. de facture",
        "N ° de facture",
        "Numéro de facture",
    ] {
        let t = lire(&[(40.0, 700.0, label), (200.0, 700.0, "F-31")]);
        assert_eq!(t.fields.invoice_number.as_deref(), Some("F-31"), "{label}");
    }
}

#[test]
fn the_date_of_the_corrected_invoice_is_not_the_credit_notes_date() {
    let t = lire(&[
        (380.0, 780.0, "Avoir n° : AV-77"),
        (380.0, 752.0, "Facture d'origine : F-1234 du 05/01/2026"),
    ]);
    assert_eq!(t.fields.invoice_number.as_deref(), Some("AV-77"));
    assert_eq!(t.fields.invoice_date, None);
}

#[test]
fn a_column_heading_is_not_a_code_service() {
    let t = lire(&[
        (40.0, 500.0, "Service"),
        (250.0, 500.0, "QTÉ"),
        (320.0, 500.0, "PU HT"),
        (480.0, 500.0, "MONTANT"),
    ]);
    assert_eq!(t.fields.service_code, None);
}

#[test]
fn a_placeholder_is_not_a_code_service() {
    let t = lire(&[(40.0, 500.0, "Code service : N/A")]);
    assert_eq!(t.fields.service_code, None);
}

#[test]
fn a_line_description_wrapped_around_its_figures_is_joined() {
    let t = lire(&[
        (58.0, 532.0, "Fourniture et pose de prises"),
        (259.0, 526.0, "0,5"),
        (337.0, 526.0, "72,27"),
        (400.0, 526.0, "20%"),
        (448.0, 526.0, "36,14"),
        (58.0, 520.0, "RJ45"),
    ]);
    let lignes = t.fields.lines.unwrap_or_default();
    assert_eq!(
        lignes
            .first()
            .and_then(|l| l.description.clone())
            .as_deref(),
        Some("Fourniture et pose de prises RJ45")
    );
}
