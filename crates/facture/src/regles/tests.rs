//! Unit tests of the pre-submission rules: one valid and one invalid case per rule.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::modele::{
    Cadre, Destinataire, Fournisseur, Ligne, LigneTva, Mentions, PieceJointe,
    PieceJointePrincipale, References,
};

fn jour(annee: i32, mois: u32, jour: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(annee, mois, jour).unwrap()
}

fn contexte() -> Contexte {
    Contexte::new(jour(2026, 11, 25))
}

fn ligne(numero: i32, quantite: Decimal, prix: Decimal, taux: Option<Decimal>) -> Ligne {
    Ligne {
        numero,
        denomination: format!("article {numero}"),
        quantite,
        prix_unitaire_ht: prix,
        taux_tva: taux,
        ..Ligne::default()
    }
}

/// A complete, consistent invoice that passes every rule.
fn facture_valide() -> Facture {
    let mut facture = Facture {
        mode_depot: ModeDepot::DepotPdfApi,
        numero_facture: "F2026-001".into(),
        date_facture: Some(jour(2026, 11, 20)),
        date_echeance: Some(jour(2026, 12, 20)),
        fournisseur: Fournisseur {
            id_fournisseur: Some(25_783_752),
            type_identifiant: TypeIdentifiant::Siret,
            identifiant: "732 829 320 00074".into(),
            raison_sociale: "Exemple SARL".into(),
            numero_tva: "FR44732829320".into(),
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
            bic: "AGRIFRPP".into(),
            ..Fournisseur::default()
        },
        destinataire: Destinataire {
            code_destinataire: "11000201100044".into(),
            code_service: Some("SFACETAT".into()),
        },
        cadre: Cadre::default(),
        references: References {
            mode_paiement: Some(ModePaiement::Virement),
            numero_engagement: Some("1300012345".into()),
            ..References::default()
        },
        lignes: vec![
            ligne(1, dec!(3), dec!(100), Some(dec!(20))),
            ligne(2, dec!(2), dec!(10.05), Some(dec!(5.5))),
        ],
        piece_jointe_principale: vec![PieceJointePrincipale {
            designation: "F2026-001.pdf".into(),
            id: Some(6_921_279),
            taille_octets: Some(120_000),
        }],
        mentions: Mentions {
            nature_operations: Some(NatureOperations::Services),
            ..Mentions::default()
        },
        ..Facture::default()
    };
    facture.calculer();
    facture
}

#[track_caller]
fn trouve(findings: &[Finding], rule: &str, field: &str, severity: Severity) {
    assert!(
        findings
            .iter()
            .any(|f| f.rule == rule && f.field == field && f.severity == severity),
        "expected {rule} on {field} ({severity:?}), got {findings:#?}"
    );
}

#[track_caller]
fn absent(findings: &[Finding], rule: &str) {
    assert!(
        findings.iter().all(|f| f.rule != rule),
        "unexpected {rule}: {findings:#?}"
    );
}

#[track_caller]
fn fix_de(findings: &[Finding], rule: &str) -> Option<String> {
    findings
        .iter()
        .find(|f| f.rule == rule)
        .and_then(|f| f.fix.clone())
}

#[test]
fn valid_invoice_has_no_findings() {
    let findings = check(&facture_valide(), &contexte());
    assert_eq!(findings, vec![]);
}

#[test]
fn blocking_findings_come_first() {
    let mut facture = facture_valide();
    facture.mentions.nature_operations = None;
    facture.numero_facture = String::new();
    let findings = check(&facture, &contexte());
    assert_eq!(
        findings.first().map(|f| f.severity),
        Some(Severity::Blocking)
    );
    assert_eq!(findings.last().map(|f| f.severity), Some(Severity::Warning));
    assert!(bloque(&findings));
}

// --- invoice number -------------------------------------------------------------------------

#[test]
fn missing_invoice_number_blocks_in_pdf_mode_only() {
    let mut facture = facture_valide();
    facture.numero_facture = " ".into();
    trouve(
        &check(&facture, &contexte()),
        "BR-02",
        "numeroFactureSaisi",
        Severity::Blocking,
    );
    facture.mode_depot = ModeDepot::SaisieApi;
    absent(&check(&facture, &contexte()), "BR-02");
}

#[test]
fn invoice_number_longer_than_20_is_rejected() {
    let mut facture = facture_valide();
    facture.numero_facture = "A".repeat(20);
    absent(&check(&facture, &contexte()), "CPP-NUMERO-LONGUEUR");
    facture.numero_facture = "A".repeat(21);
    trouve(
        &check(&facture, &contexte()),
        "CPP-NUMERO-LONGUEUR",
        "numeroFactureSaisi",
        Severity::Blocking,
    );
}

#[test]
fn invoice_number_with_forbidden_characters_is_rejected() {
    let mut facture = facture_valide();
    facture.numero_facture = "F-2026/01_A+B".into();
    absent(&check(&facture, &contexte()), "CPP-NUMERO-CARACTERES");
    facture.numero_facture = "F 2026.01".into();
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "CPP-NUMERO-CARACTERES",
        "numeroFactureSaisi",
        Severity::Blocking,
    );
    assert_eq!(
        fix_de(&findings, "CPP-NUMERO-CARACTERES").as_deref(),
        Some("F202601")
    );
}

#[test]
fn invoice_number_of_a_rejected_invoice_cannot_be_reused() {
    let mut ctx = contexte();
    ctx.historique.push(NumeroUtilise {
        numero_facture: "F2026-001".into(),
        rejetee: true,
    });
    trouve(
        &check(&facture_valide(), &ctx),
        "CPP-NUMERO-REJETE",
        "numeroFactureSaisi",
        Severity::Blocking,
    );
}

#[test]
fn invoice_number_already_used_is_rejected() {
    let mut ctx = contexte();
    ctx.historique.push(NumeroUtilise {
        numero_facture: "F2026-000".into(),
        rejetee: false,
    });
    absent(&check(&facture_valide(), &ctx), "CPP-NUMERO-DOUBLON");
    ctx.historique.push(NumeroUtilise {
        numero_facture: "F2026-001".into(),
        rejetee: false,
    });
    trouve(
        &check(&facture_valide(), &ctx),
        "CPP-NUMERO-DOUBLON",
        "numeroFactureSaisi",
        Severity::Blocking,
    );
}

#[test]
fn number_given_in_saisie_api_mode_is_a_warning() {
    let mut facture = facture_valide();
    facture.mode_depot = ModeDepot::SaisieApi;
    trouve(
        &check(&facture, &contexte()),
        "CPP-NUMERO-SAISIE-API",
        "numeroFactureSaisi",
        Severity::Warning,
    );
}

// --- dates ------------------------------------------------------------------------------------

#[test]
fn missing_invoice_date_is_blocking() {
    let mut facture = facture_valide();
    facture.date_facture = None;
    trouve(
        &check(&facture, &contexte()),
        "BR-03",
        "dateFacture",
        Severity::Blocking,
    );
}

#[test]
fn invoice_date_in_the_future_is_rejected() {
    let mut facture = facture_valide();
    facture.date_facture = Some(jour(2026, 11, 25));
    facture.date_echeance = None;
    absent(&check(&facture, &contexte()), "CPP-DATE-FUTURE");
    facture.date_facture = Some(jour(2026, 11, 26));
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "CPP-DATE-FUTURE",
        "dateFacture",
        Severity::Blocking,
    );
    assert_eq!(
        fix_de(&findings, "CPP-DATE-FUTURE").as_deref(),
        Some("2026-11-25")
    );
}

#[test]
fn implausible_year_is_rejected() {
    let mut facture = facture_valide();
    facture.date_facture = Some(jour(1999, 12, 31));
    facture.date_echeance = None;
    trouve(
        &check(&facture, &contexte()),
        "BR-FR-03",
        "dateFacture",
        Severity::Blocking,
    );
}

#[test]
fn due_date_before_issue_date_is_rejected_except_when_already_paid() {
    let mut facture = facture_valide();
    facture.date_echeance = facture.date_facture;
    absent(&check(&facture, &contexte()), "BR-FR-CO-07");
    facture.date_echeance = Some(jour(2026, 11, 19));
    trouve(
        &check(&facture, &contexte()),
        "BR-FR-CO-07",
        "dateEcheance",
        Severity::Blocking,
    );
    facture.cadre.code = CodeCadre::A2FactureFournisseurDejaPayee;
    absent(&check(&facture, &contexte()), "BR-FR-CO-07");
}

// --- recipient and routing ------------------------------------------------------------------------

#[test]
fn recipient_siret_is_required_and_checked() {
    let mut facture = facture_valide();
    facture.destinataire.code_destinataire = String::new();
    trouve(
        &check(&facture, &contexte()),
        "CPP-DESTINATAIRE-OBLIGATOIRE",
        "destinataire.codeDestinataire",
        Severity::Blocking,
    );
    facture.destinataire.code_destinataire = "11000201100045".into();
    trouve(
        &check(&facture, &contexte()),
        "ID-SIRET",
        "destinataire.codeDestinataire",
        Severity::Blocking,
    );
    facture.destinataire.code_destinataire = "35600000049837".into();
    absent(&check(&facture, &contexte()), "ID-SIRET");
}

#[test]
fn recipient_siret_with_spaces_gets_its_normalised_form() {
    let mut facture = facture_valide();
    facture.destinataire.code_destinataire = "110 002 011 00044".into();
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "ID-SIRET-FORMAT",
        "destinataire.codeDestinataire",
        Severity::Warning,
    );
    assert_eq!(
        fix_de(&findings, "ID-SIRET-FORMAT").as_deref(),
        Some("11000201100044")
    );
}

fn annuaire() -> AnnuaireDestinataire {
    AnnuaireDestinataire::default()
}

#[test]
fn inactive_recipient_structure_is_blocking() {
    let mut ctx = contexte();
    ctx.destinataire = Some(annuaire());
    absent(&check(&facture_valide(), &ctx), "CPP-DESTINATAIRE-INACTIF");
    ctx.destinataire = Some(AnnuaireDestinataire {
        structure_active: false,
        ..annuaire()
    });
    trouve(
        &check(&facture_valide(), &ctx),
        "CPP-DESTINATAIRE-INACTIF",
        "destinataire.codeDestinataire",
        Severity::Blocking,
    );
}

#[test]
fn service_code_required_by_recipient() {
    let mut ctx = contexte();
    ctx.destinataire = Some(AnnuaireDestinataire {
        code_service_obligatoire: true,
        ..annuaire()
    });
    absent(&check(&facture_valide(), &ctx), "CPP-SERVICE-OBLIGATOIRE");
    let mut facture = facture_valide();
    facture.destinataire.code_service = Some("  ".into());
    trouve(
        &check(&facture, &ctx),
        "CPP-SERVICE-OBLIGATOIRE",
        "destinataire.codeServiceExecutant",
        Severity::Blocking,
    );
}

#[test]
fn engagement_required_by_recipient() {
    let mut ctx = contexte();
    ctx.destinataire = Some(AnnuaireDestinataire {
        engagement_obligatoire: true,
        ..annuaire()
    });
    absent(
        &check(&facture_valide(), &ctx),
        "CPP-ENGAGEMENT-OBLIGATOIRE",
    );
    let mut facture = facture_valide();
    facture.references.numero_engagement = None;
    trouve(
        &check(&facture, &ctx),
        "CPP-ENGAGEMENT-OBLIGATOIRE",
        "references.numeroBonCommande",
        Severity::Blocking,
    );
}

#[test]
fn service_or_engagement_needs_one_of_the_two() {
    let mut ctx = contexte();
    ctx.destinataire = Some(AnnuaireDestinataire {
        engagement_ou_service: true,
        ..annuaire()
    });
    let mut facture = facture_valide();
    facture.references.numero_engagement = None;
    absent(&check(&facture, &ctx), "CPP-SERVICE-OU-ENGAGEMENT");
    facture.destinataire.code_service = None;
    trouve(
        &check(&facture, &ctx),
        "CPP-SERVICE-OU-ENGAGEMENT",
        "destinataire.codeServiceExecutant",
        Severity::Blocking,
    );
}

#[test]
fn service_must_exist_and_be_active() {
    let service = |code: &str, actif: bool, ej: bool| ServiceAnnuaire {
        code_service: code.into(),
        actif,
        engagement_obligatoire: ej,
    };
    let mut ctx = contexte();
    ctx.destinataire = Some(AnnuaireDestinataire {
        services: vec![service("SFACETAT", true, false)],
        ..annuaire()
    });
    absent(&check(&facture_valide(), &ctx), "CPP-SERVICE-INACTIF");
    ctx.destinataire = Some(AnnuaireDestinataire {
        services: vec![service("SFACETAT", false, false)],
        ..annuaire()
    });
    trouve(
        &check(&facture_valide(), &ctx),
        "CPP-SERVICE-INACTIF",
        "destinataire.codeServiceExecutant",
        Severity::Blocking,
    );
    ctx.destinataire = Some(AnnuaireDestinataire {
        services: vec![service("AUTRE", true, false)],
        ..annuaire()
    });
    trouve(
        &check(&facture_valide(), &ctx),
        "CPP-SERVICE-INCONNU",
        "destinataire.codeServiceExecutant",
        Severity::Blocking,
    );
    ctx.destinataire = Some(AnnuaireDestinataire {
        services: vec![service("SFACETAT", true, true)],
        ..annuaire()
    });
    let mut facture = facture_valide();
    facture.references.numero_engagement = None;
    trouve(
        &check(&facture, &ctx),
        "CPP-ENGAGEMENT-OBLIGATOIRE-SERVICE",
        "references.numeroBonCommande",
        Severity::Blocking,
    );
}

#[test]
fn factures_publiques_service_is_refused_to_private_suppliers() {
    let mut facture = facture_valide();
    facture.destinataire.code_service = Some("FACTURES_PUBLIQUES".into());
    trouve(
        &check(&facture, &contexte()),
        "CPP-SERVICE-FACTURES-PUBLIQUES",
        "destinataire.codeServiceExecutant",
        Severity::Blocking,
    );
    let mut ctx = contexte();
    ctx.fournisseur_public = true;
    absent(&check(&facture, &ctx), "CPP-SERVICE-FACTURES-PUBLIQUES");
}

#[test]
fn service_code_characters_are_limited() {
    let mut facture = facture_valide();
    facture.destinataire.code_service = Some("Service Éducation_2-B".into());
    absent(&check(&facture, &contexte()), "CPP-SERVICE-CARACTERES");
    facture.destinataire.code_service = Some("SERVICE#1".into());
    trouve(
        &check(&facture, &contexte()),
        "CPP-SERVICE-CARACTERES",
        "destinataire.codeServiceExecutant",
        Severity::Blocking,
    );
    facture.destinataire.code_service = Some("S".repeat(101));
    trouve(
        &check(&facture, &contexte()),
        "CPP-SERVICE-LONGUEUR",
        "destinataire.codeServiceExecutant",
        Severity::Blocking,
    );
}

#[test]
fn engagement_longer_than_50_is_rejected() {
    let mut facture = facture_valide();
    facture.references.numero_engagement = Some("E".repeat(50));
    absent(&check(&facture, &contexte()), "CPP-ENGAGEMENT-LONGUEUR");
    facture.references.numero_engagement = Some("E".repeat(51));
    trouve(
        &check(&facture, &contexte()),
        "CPP-ENGAGEMENT-LONGUEUR",
        "references.numeroBonCommande",
        Severity::Blocking,
    );
}

// --- cadre, references, payment ------------------------------------------------------------------

#[test]
fn already_paid_invoice_must_have_nothing_to_pay() {
    let mut facture = facture_valide();
    facture.cadre.code = CodeCadre::A2FactureFournisseurDejaPayee;
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "CPP-A2-PAYEE",
        "montantTotal.montantAPayer",
        Severity::Blocking,
    );
    absent(&findings, "BR-CO-16");
    facture.calculer();
    absent(&check(&facture, &contexte()), "CPP-A2-PAYEE");
}

#[test]
fn subcontractor_invoice_needs_a_valid_validator() {
    let mut facture = facture_valide();
    facture.cadre.code = CodeCadre::A9FactureSoustraitant;
    trouve(
        &check(&facture, &contexte()),
        "CPP-VALIDEUR-OBLIGATOIRE",
        "cadreDeFacturation.codeStructureValideur",
        Severity::Blocking,
    );
    facture.cadre.code = CodeCadre::A12FactureCotraitant;
    facture.cadre.code_structure_valideur = Some("73282932000075".into());
    trouve(
        &check(&facture, &contexte()),
        "ID-SIRET",
        "cadreDeFacturation.codeStructureValideur",
        Severity::Blocking,
    );
    facture.cadre.code_structure_valideur = Some("73282932000074".into());
    let findings = check(&facture, &contexte());
    absent(&findings, "CPP-VALIDEUR-OBLIGATOIRE");
    absent(&findings, "ID-SIRET");
}

#[test]
fn validator_on_an_ordinary_invoice_is_a_warning() {
    let mut facture = facture_valide();
    facture.cadre.code_structure_valideur = Some("73282932000074".into());
    trouve(
        &check(&facture, &contexte()),
        "CPP-VALIDEUR-INUTILE",
        "cadreDeFacturation.codeStructureValideur",
        Severity::Warning,
    );
}

#[test]
fn credit_note_needs_the_original_invoice_and_no_payment_mode() {
    let mut facture = facture_valide();
    facture.references.type_facture = TypeFacture::Avoir;
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-FR-CO-05",
        "references.numeroFactureOrigine",
        Severity::Blocking,
    );
    trouve(
        &findings,
        "CPP-AVOIR-MODE-PAIEMENT",
        "references.modePaiement",
        Severity::Blocking,
    );
    facture.references.numero_facture_origine = Some("F2026-000".into());
    facture.references.mode_paiement = None;
    let findings = check(&facture, &contexte());
    absent(&findings, "BR-FR-CO-05");
    absent(&findings, "CPP-AVOIR-MODE-PAIEMENT");
    absent(&findings, "CPP-MODE-PAIEMENT");
}

#[test]
fn invoice_needs_a_payment_mode() {
    let mut facture = facture_valide();
    facture.references.mode_paiement = None;
    trouve(
        &check(&facture, &contexte()),
        "CPP-MODE-PAIEMENT",
        "references.modePaiement",
        Severity::Blocking,
    );
}

#[test]
fn credit_transfer_needs_a_bank_account() {
    let mut facture = facture_valide();
    facture.fournisseur.iban.clear();
    facture.fournisseur.bic.clear();
    trouve(
        &check(&facture, &contexte()),
        "BR-61",
        "fournisseur.codeCoordonneesBancairesFournisseur",
        Severity::Blocking,
    );
    facture.fournisseur.code_coordonnees_bancaires = Some(42);
    absent(&check(&facture, &contexte()), "BR-61");
    facture.fournisseur.code_coordonnees_bancaires = None;
    facture.references.mode_paiement = Some(ModePaiement::Cheque);
    absent(&check(&facture, &contexte()), "BR-61");
}

#[test]
fn invalid_iban_and_bic_are_blocking() {
    let mut facture = facture_valide();
    facture.fournisseur.iban = "FR7730006000011234567890189".into();
    facture.fournisseur.bic = "AGRI FR".into();
    let findings = check(&facture, &contexte());
    trouve(&findings, "ID-IBAN", "fournisseur.iban", Severity::Blocking);
    trouve(&findings, "ID-BIC", "fournisseur.bic", Severity::Blocking);
}

#[test]
fn bic_from_another_country_than_the_iban_is_a_warning() {
    let mut facture = facture_valide();
    facture.fournisseur.bic = "DEUTDEFF".into();
    trouve(
        &check(&facture, &contexte()),
        "ID-BIC-PAYS",
        "fournisseur.bic",
        Severity::Warning,
    );
}

#[test]
fn wrong_rib_key_is_a_warning() {
    let mut facture = facture_valide();
    // BBAN with RIB key 88 instead of 89, IBAN check digits recomputed (see identifiant tests).
    let bban = "30006000011234567890188";
    let reste = format!("{bban}FR00").chars().fold(0u32, |r, c| {
        let v = c.to_digit(36).unwrap();
        if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        }
    });
    facture.fournisseur.iban = format!("FR{:02}{bban}", 98 - reste);
    let findings = check(&facture, &contexte());
    absent(&findings, "ID-IBAN");
    trouve(
        &findings,
        "ID-IBAN-CLE-RIB",
        "fournisseur.iban",
        Severity::Warning,
    );
}

#[test]
fn currency_must_be_iso_and_non_euro_is_a_warning() {
    let mut facture = facture_valide();
    facture.references.devise_facture = "euro".into();
    trouve(
        &check(&facture, &contexte()),
        "BR-CL-04",
        "references.deviseFacture",
        Severity::Blocking,
    );
    facture.references.devise_facture = "USD".into();
    trouve(
        &check(&facture, &contexte()),
        "BR-FR-CO-12",
        "references.deviseFacture",
        Severity::Warning,
    );
}

// --- supplier identifiers ------------------------------------------------------------------------

#[test]
fn supplier_structure_id_is_required() {
    let mut facture = facture_valide();
    facture.fournisseur.id_fournisseur = None;
    trouve(
        &check(&facture, &contexte()),
        "CPP-FOURNISSEUR-ID",
        "fournisseur.idFournisseur",
        Severity::Blocking,
    );
}

#[test]
fn supplier_identifier_is_checked_by_type() {
    #[track_caller]
    fn cas(type_identifiant: TypeIdentifiant, identifiant: &str, valide: bool) {
        let mut facture = facture_valide();
        facture.fournisseur.type_identifiant = type_identifiant;
        facture.fournisseur.identifiant = identifiant.into();
        facture.fournisseur.numero_tva.clear();
        let findings = check(&facture, &contexte());
        if valide {
            absent(&findings, "ID-FOURNISSEUR");
        } else {
            trouve(
                &findings,
                "ID-FOURNISSEUR",
                "fournisseur.identifiant",
                Severity::Blocking,
            );
        }
    }
    cas(TypeIdentifiant::Siret, "73282932000074", true);
    cas(TypeIdentifiant::Siret, "73282932000075", false);
    cas(TypeIdentifiant::Siret, "35600000049837", true);
    cas(TypeIdentifiant::UeHorsFrance, "DE136695976", true);
    cas(TypeIdentifiant::UeHorsFrance, "FR44732829320", false);
    cas(TypeIdentifiant::UeHorsFrance, "DE036695976", false);
    cas(TypeIdentifiant::Ridet, "1234567.001", true);
    cas(TypeIdentifiant::Ridet, "12345", false);
    cas(TypeIdentifiant::Tahiti, "003970-001", true);
    cas(TypeIdentifiant::Tahiti, "003970-01", false);
    cas(TypeIdentifiant::HorsUe, "anything 123", true);
}

#[test]
fn vat_number_with_wrong_key_is_rejected_with_the_expected_number() {
    let mut facture = facture_valide();
    facture.fournisseur.numero_tva = "FR45732829320".into();
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "ID-TVA",
        "fournisseur.numeroTva",
        Severity::Blocking,
    );
    assert_eq!(
        fix_de(&findings, "ID-TVA").as_deref(),
        Some("FR44732829320")
    );
}

#[test]
fn vat_number_of_another_company_is_a_warning() {
    let mut facture = facture_valide();
    facture.fournisseur.numero_tva = "FR17110002011".into();
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "ID-TVA-SIREN",
        "fournisseur.numeroTva",
        Severity::Warning,
    );
    assert_eq!(
        fix_de(&findings, "ID-TVA-SIREN").as_deref(),
        Some("FR44732829320")
    );
}

// --- lines and VAT categories ---------------------------------------------------------------------

#[test]
fn saisie_api_needs_at_least_one_line() {
    let mut facture = facture_valide();
    facture.mode_depot = ModeDepot::SaisieApi;
    facture.numero_facture.clear();
    absent(&check(&facture, &contexte()), "BR-16");
    facture.lignes.clear();
    facture.recap_tva.clear();
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-16",
        "lignePoste",
        Severity::Blocking,
    );
}

#[test]
fn line_needs_a_name() {
    let mut facture = facture_valide();
    if let Some(l) = facture.lignes.get_mut(1) {
        l.denomination = " ".into();
    }
    trouve(
        &check(&facture, &contexte()),
        "BR-25",
        "lignePoste[1].lignePosteDenomination",
        Severity::Blocking,
    );
}

#[test]
fn negative_unit_price_is_rejected() {
    let mut facture = facture_valide();
    if let Some(l) = facture.lignes.get_mut(0) {
        l.prix_unitaire_ht = dec!(-1);
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-27",
        "lignePoste[0].lignePosteMontantUnitaireHT",
        Severity::Blocking,
    );
}

#[test]
fn quantity_with_more_than_4_decimals_is_rejected() {
    let mut facture = facture_valide();
    if let Some(l) = facture.lignes.get_mut(0) {
        l.quantite = dec!(1.00005);
    }
    facture.calculer();
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-FR-DEC-02",
        "lignePoste[0].lignePosteQuantite",
        Severity::Blocking,
    );
    assert_eq!(fix_de(&findings, "BR-FR-DEC-02").as_deref(), Some("1.0001"));
}

#[test]
fn negative_or_over_precise_discount_is_rejected() {
    let mut facture = facture_valide();
    if let Some(l) = facture.lignes.get_mut(0) {
        l.remise_ht = dec!(-5);
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "CPP-REMISE-NEGATIVE",
        "lignePoste[0].lignePosteMontantRemiseHT",
        Severity::Blocking,
    );
    if let Some(l) = facture.lignes.get_mut(0) {
        l.remise_ht = dec!(0.125);
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-DEC-24",
        "lignePoste[0].lignePosteMontantRemiseHT",
        Severity::Blocking,
    );
}

#[test]
fn missing_rate_is_blocking_unless_a_rate_code_is_given() {
    let mut facture = facture_valide();
    if let Some(l) = facture.lignes.get_mut(1) {
        l.taux_tva = None;
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-CO-04",
        "lignePoste[1].lignePosteTauxTvaManuel",
        Severity::Blocking,
    );
    if let Some(l) = facture.lignes.get_mut(1) {
        l.code_taux_tva = Some("TVA2".into());
    }
    let findings = check(&facture, &contexte());
    absent(&findings, "BR-CO-04");
    trouve(
        &findings,
        "CPP-TAUX-CODE",
        "lignePoste[1].lignePosteTauxTvaManuel",
        Severity::Warning,
    );
}

#[test]
fn only_french_rates_are_accepted() {
    for taux in [
        dec!(20),
        dec!(10),
        dec!(5.5),
        dec!(2.1),
        dec!(8.5),
        dec!(1.05),
        dec!(0.9),
        dec!(19.6),
    ] {
        let mut facture = facture_valide();
        if let Some(l) = facture.lignes.get_mut(0) {
            l.taux_tva = Some(taux);
        }
        facture.calculer();
        assert_eq!(check(&facture, &contexte()), vec![], "rate {taux}");
    }
    let mut facture = facture_valide();
    if let Some(l) = facture.lignes.get_mut(0) {
        l.taux_tva = Some(dec!(19));
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-FR-16",
        "lignePoste[0].lignePosteTauxTvaManuel",
        Severity::Blocking,
    );
    if let Some(l) = facture.lignes.get_mut(0) {
        l.taux_tva = Some(dec!(5.555));
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-FR-DEC-04",
        "lignePoste[0].lignePosteTauxTvaManuel",
        Severity::Blocking,
    );
}

#[test]
fn zero_rate_categories_refuse_a_positive_rate() {
    let mut facture = facture_valide();
    if let Some(l) = facture.lignes.get_mut(0) {
        l.categorie_tva = Some(CategorieTva::AE);
    }
    facture.references.motif_exoneration_tva = Some("Autoliquidation".into());
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-AE-05",
        "lignePoste[0].lignePosteTauxTvaManuel",
        Severity::Blocking,
    );
    if let Some(l) = facture.lignes.get_mut(0) {
        l.categorie_tva = Some(CategorieTva::K);
    }
    trouve(
        &check(&facture, &contexte()),
        "BR-IC-05",
        "lignePoste[0].lignePosteTauxTvaManuel",
        Severity::Blocking,
    );
}

#[test]
fn exempt_invoice_needs_an_exemption_reason() {
    let mut facture = facture_valide();
    facture.references.type_tva = TypeTva::Exoneration;
    facture.fournisseur.numero_tva.clear();
    for l in &mut facture.lignes {
        l.taux_tva = Some(Decimal::ZERO);
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-E-10",
        "references.motifExonerationTva",
        Severity::Blocking,
    );
    facture.references.motif_exoneration_tva = Some("TVA non applicable, art. 293 B du CGI".into());
    assert_eq!(check(&facture, &contexte()), vec![]);
}

#[test]
fn exemption_reason_is_refused_on_taxed_invoice() {
    let mut facture = facture_valide();
    facture.references.motif_exoneration_tva = Some("art. 293 B".into());
    trouve(
        &check(&facture, &contexte()),
        "BR-S-10",
        "references.motifExonerationTva",
        Severity::Blocking,
    );
}

#[test]
fn category_o_stands_alone_and_without_vat_number() {
    let mut facture = facture_valide();
    facture.references.motif_exoneration_tva = Some("Hors champ".into());
    if let Some(l) = facture.lignes.get_mut(0) {
        l.categorie_tva = Some(CategorieTva::O);
        l.taux_tva = None;
    }
    facture.calculer();
    let findings = check(&facture, &contexte());
    trouve(&findings, "BR-O-11", "lignePoste", Severity::Blocking);
    trouve(
        &findings,
        "BR-O-02",
        "fournisseur.numeroTva",
        Severity::Blocking,
    );
    // All lines O, no VAT number: accepted.
    facture.references.type_tva = TypeTva::SansTva;
    facture.fournisseur.numero_tva.clear();
    for l in &mut facture.lignes {
        l.taux_tva = None;
        l.categorie_tva = None;
    }
    facture.calculer();
    assert_eq!(check(&facture, &contexte()), vec![]);
}

#[test]
fn no_vat_regime_contradicts_taxed_lines() {
    let mut facture = facture_valide();
    facture.references.type_tva = TypeTva::SansTva;
    facture.references.motif_exoneration_tva = Some("Hors champ".into());
    trouve(
        &check(&facture, &contexte()),
        "CPP-TYPE-TVA",
        "references.typeTva",
        Severity::Blocking,
    );
}

// --- sums -----------------------------------------------------------------------------------------

#[test]
fn net_total_must_equal_the_sum_of_lines() {
    let mut facture = facture_valide();
    facture.totaux.montant_ht += dec!(0.01);
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-CO-13",
        "montantTotal.montantHtTotal",
        Severity::Blocking,
    );
    assert_eq!(fix_de(&findings, "BR-CO-13").as_deref(), Some("320.10"));
}

#[test]
fn vat_total_must_equal_the_breakdown() {
    let mut facture = facture_valide();
    facture.totaux.montant_tva += dec!(0.01);
    facture.totaux.montant_ttc += dec!(0.01);
    facture.totaux.montant_a_payer += dec!(0.01);
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-CO-14",
        "montantTotal.montantTVA",
        Severity::Blocking,
    );
    absent(&findings, "BR-CO-15");
}

#[test]
fn gross_total_must_equal_net_plus_vat() {
    let mut facture = facture_valide();
    facture.totaux.montant_ttc -= dec!(0.01);
    facture.totaux.montant_a_payer -= dec!(0.01);
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-CO-15",
        "montantTotal.montantTtcTotal",
        Severity::Blocking,
    );
    assert_eq!(fix_de(&findings, "BR-CO-15").as_deref(), Some("381.21"));
}

#[test]
fn amount_due_must_equal_gross_minus_global_discount() {
    let mut facture = facture_valide();
    facture.totaux.remise_globale_ttc = dec!(10);
    facture.totaux.motif_remise_globale = Some("fidélité".into());
    trouve(
        &check(&facture, &contexte()),
        "BR-CO-16",
        "montantTotal.montantAPayer",
        Severity::Blocking,
    );
    facture.calculer();
    assert_eq!(check(&facture, &contexte()), vec![]);
    facture.totaux.motif_remise_globale = None;
    trouve(
        &check(&facture, &contexte()),
        "BR-33",
        "montantTotal.motifRemiseGlobaleTTC",
        Severity::Warning,
    );
}

#[test]
fn vat_amount_is_tolerated_within_one_unit() {
    let mut facture = facture_valide();
    facture.lignes.clear();
    facture.recap_tva = vec![LigneTva {
        taux: Some(dec!(20)),
        montant_base_ht: dec!(100),
        montant_tva: dec!(20.99),
        ..LigneTva::default()
    }];
    facture.totaux.montant_ht = dec!(100);
    facture.totaux.montant_tva = dec!(20.99);
    facture.totaux.montant_ttc = dec!(120.99);
    facture.totaux.montant_a_payer = dec!(120.99);
    absent(&check(&facture, &contexte()), "BR-CO-17");
    if let Some(g) = facture.recap_tva.get_mut(0) {
        g.montant_tva = dec!(21.00);
    }
    facture.totaux.montant_tva = dec!(21.00);
    facture.totaux.montant_ttc = dec!(121.00);
    facture.totaux.montant_a_payer = dec!(121.00);
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-CO-17",
        "ligneTva[0].ligneTvaMontantTvaParTaux",
        Severity::Blocking,
    );
    assert_eq!(fix_de(&findings, "BR-CO-17").as_deref(), Some("20.00"));
}

#[test]
fn zero_rate_needs_zero_vat() {
    let mut facture = facture_valide();
    facture.lignes.clear();
    facture.recap_tva = vec![LigneTva {
        taux: Some(dec!(0)),
        montant_base_ht: dec!(100),
        montant_tva: dec!(0.01),
        ..LigneTva::default()
    }];
    facture.totaux.montant_ht = dec!(100);
    facture.totaux.montant_tva = dec!(0.01);
    facture.totaux.montant_ttc = dec!(100.01);
    facture.totaux.montant_a_payer = dec!(100.01);
    trouve(
        &check(&facture, &contexte()),
        "BR-CO-17",
        "ligneTva[0].ligneTvaMontantTvaParTaux",
        Severity::Blocking,
    );
}

#[test]
fn breakdown_must_match_the_lines_per_rate() {
    let mut facture = facture_valide();
    if let Some(g) = facture.recap_tva.get_mut(0) {
        g.montant_base_ht += dec!(1);
    }
    trouve(
        &check(&facture, &contexte()),
        "BR-S-08",
        "ligneTva[0].ligneTvaMontantBaseHtParTaux",
        Severity::Blocking,
    );
    let mut facture = facture_valide();
    facture.recap_tva.truncate(1);
    facture.totaux.montant_tva = facture.recap_tva.iter().map(|g| g.montant_tva).sum();
    trouve(
        &check(&facture, &contexte()),
        "BR-CO-18",
        "ligneTva",
        Severity::Blocking,
    );
    let mut facture = facture_valide();
    facture.recap_tva.clear();
    trouve(
        &check(&facture, &contexte()),
        "BR-CO-18",
        "ligneTva",
        Severity::Blocking,
    );
    let mut facture = facture_valide();
    facture.recap_tva.push(LigneTva {
        taux: Some(dec!(10)),
        ..LigneTva::default()
    });
    trouve(
        &check(&facture, &contexte()),
        "BR-S-08",
        "ligneTva[2]",
        Severity::Blocking,
    );
}

#[test]
fn totals_with_more_than_two_decimals_are_rejected() {
    let mut facture = facture_valide();
    facture.lignes.clear();
    facture.recap_tva.clear();
    facture.totaux.montant_ht = dec!(100.005);
    facture.totaux.montant_tva = dec!(0);
    facture.totaux.montant_ttc = dec!(100.01);
    facture.totaux.montant_a_payer = dec!(100.01);
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-DEC-12",
        "montantTotal.montantHtTotal",
        Severity::Blocking,
    );
    assert_eq!(fix_de(&findings, "BR-DEC-12").as_deref(), Some("100.01"));
    // Trailing zeros are not decimals.
    let mut facture = facture_valide();
    facture.totaux.montant_ht = facture.totaux.montant_ht.round_dp(2) + dec!(0.000);
    absent(&check(&facture, &contexte()), "BR-DEC-12");
}

// --- attachments ----------------------------------------------------------------------------------

#[test]
fn pdf_mode_needs_the_main_attachment() {
    let mut facture = facture_valide();
    facture.piece_jointe_principale.clear();
    trouve(
        &check(&facture, &contexte()),
        "CPP-PJ-PRINCIPALE",
        "pieceJointePrincipale",
        Severity::Blocking,
    );
}

#[test]
fn attachment_names_are_limited_to_50_chars_with_allowed_extension() {
    let piece = |nom: &str| PieceJointe {
        designation: nom.into(),
        taille_octets: Some(10),
        ..PieceJointe::default()
    };
    let mut facture = facture_valide();
    facture.pieces_jointes = vec![piece(&format!("{}.pdf", "a".repeat(46))), piece("bon.DOCX")];
    assert_eq!(check(&facture, &contexte()), vec![]);
    facture.pieces_jointes = vec![
        piece(&format!("{}.pdf", "a".repeat(47))),
        piece("script.exe"),
        piece("sans_extension"),
        piece(""),
    ];
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "CPP-PJ-NOM-LONGUEUR",
        "pieceJointeComplementaire[0].pieceJointeComplementaireDesignation",
        Severity::Blocking,
    );
    trouve(
        &findings,
        "CPP-PJ-EXTENSION",
        "pieceJointeComplementaire[1].pieceJointeComplementaireDesignation",
        Severity::Blocking,
    );
    trouve(
        &findings,
        "CPP-PJ-EXTENSION",
        "pieceJointeComplementaire[2].pieceJointeComplementaireDesignation",
        Severity::Blocking,
    );
    trouve(
        &findings,
        "CPP-PJ-NOM",
        "pieceJointeComplementaire[3].pieceJointeComplementaireDesignation",
        Severity::Blocking,
    );
}

#[test]
fn attachment_sizes_are_limited() {
    let piece = |taille: u64| PieceJointe {
        designation: "annexe.pdf".into(),
        taille_octets: Some(taille),
        ..PieceJointe::default()
    };
    let mut facture = facture_valide();
    facture.pieces_jointes = vec![piece(TAILLE_MAX_PIECE)];
    assert_eq!(check(&facture, &contexte()), vec![]);
    facture.pieces_jointes = vec![piece(TAILLE_MAX_PIECE + 1), piece(0)];
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "CPP-PJ-TAILLE",
        "pieceJointeComplementaire[0]",
        Severity::Blocking,
    );
    trouve(
        &findings,
        "CPP-PJ-VIDE",
        "pieceJointeComplementaire[1]",
        Severity::Blocking,
    );
    absent(&findings, "CPP-PJ-TAILLE-TOTALE");
    facture.pieces_jointes = (0..12).map(|_| piece(TAILLE_MAX_PIECE)).collect();
    trouve(
        &check(&facture, &contexte()),
        "CPP-PJ-TAILLE-TOTALE",
        "pieceJointeComplementaire",
        Severity::Blocking,
    );
}

// --- 2026 mentions --------------------------------------------------------------------------------

#[test]
fn nature_of_operations_missing_is_a_warning() {
    let mut facture = facture_valide();
    facture.mentions.nature_operations = None;
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "FR-2026-NATURE",
        "mentions.natureOperations",
        Severity::Warning,
    );
    assert!(!bloque(&findings));
}

#[test]
fn goods_need_an_answer_about_the_delivery_address() {
    let mut facture = facture_valide();
    facture.mentions.nature_operations = Some(NatureOperations::Biens);
    trouve(
        &check(&facture, &contexte()),
        "FR-2026-LIVRAISON",
        "mentions.adresseLivraison",
        Severity::Warning,
    );
    facture.mentions.livraison_adresse_differente = Some(true);
    trouve(
        &check(&facture, &contexte()),
        "FR-2026-LIVRAISON",
        "mentions.adresseLivraison",
        Severity::Warning,
    );
    facture.mentions.adresse_livraison = Some("1 rue de la Paix, 75002 Paris".into());
    absent(&check(&facture, &contexte()), "FR-2026-LIVRAISON");
    facture.mentions.livraison_adresse_differente = Some(false);
    facture.mentions.adresse_livraison = None;
    absent(&check(&facture, &contexte()), "FR-2026-LIVRAISON");
}

#[test]
fn vat_on_debits_option_must_show_in_the_vat_regime() {
    let mut facture = facture_valide();
    facture.fournisseur.option_tva_debits = true;
    absent(&check(&facture, &contexte()), "FR-2026-OPTION-DEBITS");
    facture.references.type_tva = TypeTva::TvaSurEncaissement;
    trouve(
        &check(&facture, &contexte()),
        "FR-2026-OPTION-DEBITS",
        "references.typeTva",
        Severity::Warning,
    );
}

#[test]
fn client_siren_mention_needs_a_usable_recipient_siret() {
    let mut facture = facture_valide();
    facture.destinataire.code_destinataire = "1100020110004".into();
    trouve(
        &check(&facture, &contexte()),
        "FR-2026-SIREN-CLIENT",
        "destinataire.codeDestinataire",
        Severity::Warning,
    );
}

#[test]
fn directory_flags_deserialise_from_chorus_names() {
    let json = r#"{"codeServiceDoitEtreRenseigne": true, "numeroEJDoitEtreRenseigne": false,
        "gestionNumeroEJOuCodeService": true,
        "listeServices": [{"codeService": "SFACETAT", "estActif": false}]}"#;
    let annuaire: AnnuaireDestinataire = serde_json::from_str(json).unwrap();
    assert!(annuaire.code_service_obligatoire);
    assert!(annuaire.engagement_ou_service);
    assert!(annuaire.structure_active);
    assert_eq!(annuaire.services.first().map(|s| s.actif), Some(false));
}

#[test]
fn breakdown_without_categories_is_matched_on_rate() {
    // As read back from a soumettre body: no category on the breakdown, two 0 % groups (E and AE).
    let mut facture = facture_valide();
    facture.references.motif_exoneration_tva = Some("Autoliquidation et exonération".into());
    facture.fournisseur.numero_tva.clear();
    facture.lignes = vec![
        Ligne {
            categorie_tva: Some(CategorieTva::E),
            ..ligne(1, dec!(1), dec!(100), Some(dec!(0)))
        },
        Ligne {
            categorie_tva: Some(CategorieTva::AE),
            ..ligne(2, dec!(1), dec!(50), Some(dec!(0)))
        },
    ];
    facture.calculer();
    assert_eq!(facture.recap_tva.len(), 2);
    for groupe in &mut facture.recap_tva {
        groupe.categorie_tva = None;
    }
    assert_eq!(check(&facture, &contexte()), vec![]);
    if let Some(g) = facture.recap_tva.get_mut(1) {
        g.montant_base_ht += dec!(1);
    }
    trouve(
        &check(&facture, &contexte()),
        "BR-S-08",
        "ligneTva[0].ligneTvaMontantBaseHtParTaux",
        Severity::Blocking,
    );
}

#[test]
fn exemption_reason_rule_names_the_category() {
    let mut facture = facture_valide();
    for l in &mut facture.lignes {
        l.taux_tva = Some(Decimal::ZERO);
        l.categorie_tva = Some(CategorieTva::K);
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-IC-10",
        "references.motifExonerationTva",
        Severity::Blocking,
    );
    for l in &mut facture.lignes {
        l.categorie_tva = Some(CategorieTva::AE);
    }
    facture.calculer();
    trouve(
        &check(&facture, &contexte()),
        "BR-AE-10",
        "references.motifExonerationTva",
        Severity::Blocking,
    );
}

#[test]
fn breakdown_amounts_with_more_than_two_decimals_are_rejected() {
    let mut facture = facture_valide();
    if let Some(g) = facture.recap_tva.get_mut(0) {
        g.montant_tva += dec!(0.001);
    }
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "BR-DEC-20",
        "ligneTva[0].ligneTvaMontantTvaParTaux",
        Severity::Blocking,
    );
    absent(&findings, "BR-DEC-19");
}

#[test]
fn pdf_mode_breakdown_must_add_up_to_the_net_total() {
    let mut facture = facture_valide();
    facture.lignes.clear();
    facture.calculer();
    assert_eq!(check(&facture, &contexte()), vec![]);
    facture.totaux.montant_ht += dec!(1);
    facture.totaux.montant_ttc += dec!(1);
    facture.totaux.montant_a_payer += dec!(1);
    let findings = check(&facture, &contexte());
    trouve(
        &findings,
        "CPP-RECAP-BASE",
        "montantTotal.montantHtTotal",
        Severity::Blocking,
    );
    assert_eq!(
        fix_de(&findings, "CPP-RECAP-BASE").as_deref(),
        Some("320.10")
    );
}
