//! From extracted (or typed) fields to the `facture` model, and from a `soumettre` field path back to
//! the field that holds it.
//!
//! The deposit screen edits a [`Fields`] (the values as text, as the user sees and types them), turns it
//! into a [`Facture`] with [`vers_facture`] on every change, runs `facture::regles::check` on it, and
//! puts each finding under the input that [`champ_du_chemin`] names. Values that do not parse are
//! reported as [`ValeurIllisible`], addressed to their field, instead of being dropped silently.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use facture::montant::{parse_date, parse_montant, parse_taux};
use facture::regles::{check, Contexte, Finding, Severity};
use facture::{
    CodeCadre, Facture, LigneTva, ModePaiement, PieceJointePrincipale, TypeFacture,
    TypeIdentifiant, TypeTva,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::resultat::Fields;

/// A field whose text could not be read as the value it must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValeurIllisible {
    /// The contract key of the field (`total_ht`).
    pub champ: &'static str,
    /// What was typed.
    pub texte: String,
    /// What kind of value was expected.
    pub attendu: Attendu,
}

/// The kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attendu {
    /// An amount such as `1 234,56`.
    Montant,
    /// A date such as `03/11/2025`.
    Date,
    /// A rate such as `20 %`.
    Taux,
}

/// The invoice described by `fields`, and the values that could not be read.
///
/// Empty fields are simply absent. Amounts and dates accept French forms (`1 234,56 €`, `3 novembre
/// 2025`). The VAT breakdown becomes `recap_tva`; the supplier is identified by SIRET when one is given.
pub fn vers_facture(fields: &Fields) -> (Facture, Vec<ValeurIllisible>) {
    let mut illisibles = Vec::new();
    let mut facture = Facture {
        numero_facture: texte(&fields.invoice_number).unwrap_or_default(),
        date_facture: date(&fields.invoice_date, "invoice_date", &mut illisibles),
        ..Facture::default()
    };
    if fields.invoice_type.as_deref() == Some("AVOIR") {
        facture.references.type_facture = TypeFacture::Avoir;
    }
    if let Some(devise) = texte(&fields.currency) {
        facture.references.devise_facture = devise.to_uppercase();
    }
    facture.fournisseur.type_identifiant = TypeIdentifiant::Siret;
    facture.fournisseur.identifiant = compact(&fields.supplier_siret);
    facture.fournisseur.numero_tva = compact(&fields.supplier_vat);
    facture.fournisseur.iban = compact(&fields.iban);
    facture.destinataire.code_destinataire = compact(&fields.recipient_siret);
    facture.destinataire.code_service = texte(&fields.service_code);
    facture.references.numero_engagement = texte(&fields.engagement_number);
    facture.references.numero_marche = texte(&fields.market_number);

    let ht = montant(&fields.total_ht, "total_ht", &mut illisibles);
    let tva = montant(&fields.total_vat, "total_vat", &mut illisibles);
    let ttc = montant(&fields.total_ttc, "total_ttc", &mut illisibles);
    let a_payer = montant(&fields.amount_due, "amount_due", &mut illisibles);
    facture.totaux.montant_ht = ht.unwrap_or_default();
    facture.totaux.montant_tva = tva.unwrap_or_default();
    facture.totaux.montant_ttc = ttc.unwrap_or_default();
    // The contract: without a "net à payer" line, the amount due is the total TTC.
    facture.totaux.montant_a_payer = a_payer.or(ttc).unwrap_or_default();

    for entree in fields.vat_breakdown.iter().flatten() {
        let taux = match parse_taux(&entree.rate) {
            Ok(taux) => Some(taux),
            Err(_) => {
                illisibles.push(illisible("vat_breakdown", &entree.rate, Attendu::Taux));
                None
            }
        };
        let base = parse_montant(&entree.base).ok();
        let montant_tva = parse_montant(&entree.amount).ok();
        if base.is_none() {
            illisibles.push(illisible("vat_breakdown", &entree.base, Attendu::Montant));
        }
        if montant_tva.is_none() {
            illisibles.push(illisible("vat_breakdown", &entree.amount, Attendu::Montant));
        }
        facture.recap_tva.push(LigneTva {
            taux,
            montant_base_ht: base.unwrap_or(Decimal::ZERO),
            montant_tva: montant_tva.unwrap_or(Decimal::ZERO),
            ..LigneTva::default()
        });
    }
    (facture, illisibles)
}

/// The choices of the deposit form that a PDF does not carry, or that Chorus Pro wants as its own codes:
/// the supplier's Chorus structure, the billing framework, the payment mode, the VAT regime.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Complements {
    /// `fournisseur.idFournisseur`: the user's supplier structure (`idStructureCPP`).
    pub id_fournisseur: Option<i64>,
    /// `cadreDeFacturation.codeCadreFacturation`.
    pub cadre: CodeCadre,
    /// `cadreDeFacturation.codeStructureValideur`: the titulaire (A9) or mandataire (A12) SIRET, as typed.
    pub structure_valideur: String,
    /// `cadreDeFacturation.codeServiceValideur`, as typed.
    pub service_valideur: String,
    /// `references.modePaiement`.
    pub mode_paiement: Option<ModePaiement>,
    /// `references.typeTva`.
    pub type_tva: TypeTva,
    /// `references.motifExonerationTva`, as typed.
    pub motif_exoneration: String,
    /// `references.numeroFactureOrigine`: the invoice a credit note cancels, as typed.
    pub facture_origine: String,
    /// `pieceJointeComplementaire`: the attachments, each already sent with `ajouter/fichier`.
    pub pieces_jointes: Vec<facture::PieceJointe>,
}

impl Complements {
    /// What the form proposes for a freshly read PDF: an invoice with a printed IBAN is paid by
    /// credit transfer; a credit note carries no payment mode (Chorus refuses one, rules §6.2).
    pub fn proposes(fields: &Fields) -> Complements {
        let avoir = fields.invoice_type.as_deref() == Some("AVOIR");
        let iban = fields.iban.as_deref().is_some_and(|i| !i.trim().is_empty());
        Complements {
            mode_paiement: (iban && !avoir).then_some(ModePaiement::Virement),
            ..Complements::default()
        }
    }

    /// The user's supplier structure whose identifier is the SIRET printed on the invoice, when the
    /// user has exactly one such structure (identifiers compared without spaces).
    pub fn structure_du_siret(fields: &Fields, structures: &[(i64, String)]) -> Option<i64> {
        let siret = compact(&fields.supplier_siret);
        if siret.is_empty() {
            return None;
        }
        let mut memes = structures
            .iter()
            .filter(|(_, identifiant)| compact(&Some(identifiant.clone())) == siret);
        match (memes.next(), memes.next()) {
            (Some((id, _)), None) => Some(*id),
            _ => None,
        }
    }
}

/// The keys of the form fields that hold [`Complements`], beside the contract's scalar fields.
pub const CHAMPS_COMPLEMENTS: [&str; 8] = [
    "supplier_structure",
    "cadre",
    "valideur_structure",
    "valideur_service",
    "payment_mode",
    "vat_type",
    "exemption_reason",
    "original_invoice",
];

/// The invoice that a deposit sends: the fields read or typed, the form's [`Complements`], and the PDF
/// as main attachment (`DEPOT_PDF_API`). The values that could not be read come back beside it.
pub fn facture_deposee(
    fields: &Fields,
    complements: &Complements,
    piece: PieceJointePrincipale,
) -> (Facture, Vec<ValeurIllisible>) {
    let (mut facture, illisibles) = vers_facture(fields);
    let optionnel = |texte: &str| {
        let texte = texte.trim();
        (!texte.is_empty()).then(|| texte.to_owned())
    };
    facture.mode_depot = facture::ModeDepot::DepotPdfApi;
    facture.fournisseur.id_fournisseur = complements.id_fournisseur;
    facture.cadre.code = complements.cadre;
    if matches!(
        complements.cadre,
        CodeCadre::A9FactureSoustraitant | CodeCadre::A12FactureCotraitant
    ) {
        facture.cadre.code_structure_valideur =
            Some(compact(&Some(complements.structure_valideur.clone()))).filter(|s| !s.is_empty());
        facture.cadre.code_service_valideur = optionnel(&complements.service_valideur);
    }
    facture.pieces_jointes = complements.pieces_jointes.clone();
    facture.references.mode_paiement = complements.mode_paiement;
    facture.references.type_tva = complements.type_tva;
    facture.references.motif_exoneration_tva = optionnel(&complements.motif_exoneration);
    if facture.references.type_facture == TypeFacture::Avoir {
        facture.references.numero_facture_origine = optionnel(&complements.facture_origine);
    }
    facture.piece_jointe_principale = vec![piece];
    (facture, illisibles)
}

/// The contract key of the field that holds a `soumettre` path (as `facture::regles::Finding::field`
/// spells it), when the deposit form shows that field.
pub fn champ_du_chemin(chemin: &str) -> Option<&'static str> {
    let champ = match chemin {
        "numeroFactureSaisi" => "invoice_number",
        "dateFacture" => "invoice_date",
        "references.typeFacture" => "invoice_type",
        "references.deviseFacture" => "currency",
        "fournisseur.identifiant" => "supplier_siret",
        "fournisseur.idFournisseur" => "supplier_structure",
        "cadreDeFacturation.codeCadreFacturation" => "cadre",
        "cadreDeFacturation.codeStructureValideur" => "valideur_structure",
        "cadreDeFacturation.codeServiceValideur" => "valideur_service",
        "references.modePaiement" => "payment_mode",
        "references.typeTva" => "vat_type",
        "references.motifExonerationTva" => "exemption_reason",
        "references.numeroFactureOrigine" => "original_invoice",
        "fournisseur.numeroTva" => "supplier_vat",
        "fournisseur.iban" | "fournisseur.codeCoordonneesBancairesFournisseur" => "iban",
        "destinataire.codeDestinataire" => "recipient_siret",
        "destinataire.codeServiceExecutant" => "service_code",
        "references.numeroBonCommande" => "engagement_number",
        "references.numeroMarche" => "market_number",
        "montantTotal.montantHtTotal" => "total_ht",
        "montantTotal.montantTVA" => "total_vat",
        "montantTotal.montantTtcTotal" => "total_ttc",
        "montantTotal.montantAPayer" => "amount_due",
        _ if chemin.starts_with("ligneTva") => "vat_breakdown",
        _ => return None,
    };
    Some(champ)
}

/// The checks of a deposited invoice, sorted for a form: by field, then the rest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Constats {
    /// Findings addressed to a field of the form, by contract key.
    pub par_champ: BTreeMap<&'static str, Vec<Finding>>,
    /// Values that could not be read, by contract key.
    pub illisibles: BTreeMap<&'static str, Vec<ValeurIllisible>>,
    /// Findings on data the form does not show (lines, cadre, payment mode…).
    pub autres: Vec<Finding>,
    /// Number of blocking findings, unreadable values included.
    pub n_bloquants: usize,
    /// Number of warnings.
    pub n_avertissements: usize,
}

/// Runs every check on a deposited PDF invoice whose fields are `fields`, completed by the form's
/// `complements`.
///
/// The PDF itself is the invoice's main attachment (`pieceJointePrincipale`), named `nom_fichier`.
/// Unreadable values block: sending a value the user did not mean is worse than asking.
pub fn constater(
    fields: &Fields,
    complements: &Complements,
    nom_fichier: &str,
    taille_octets: u64,
    contexte: &Contexte,
) -> Constats {
    let piece = PieceJointePrincipale {
        designation: nom_fichier.to_owned(),
        id: None,
        taille_octets: Some(taille_octets),
    };
    let (facture, illisibles) = facture_deposee(fields, complements, piece);
    let mut constats = Constats::default();
    for illisible in illisibles {
        constats.n_bloquants += 1;
        constats
            .illisibles
            .entry(illisible.champ)
            .or_default()
            .push(illisible);
    }
    for finding in check(&facture, contexte) {
        match finding.severity {
            Severity::Blocking => constats.n_bloquants += 1,
            Severity::Warning => constats.n_avertissements += 1,
        }
        match champ_du_chemin(&finding.field) {
            Some(cle) => constats.par_champ.entry(cle).or_default().push(finding),
            None => constats.autres.push(finding),
        }
    }
    constats
}

/// The fields as a French user types them: amounts `1 234,56`, dates `03/11/2026`.
///
/// [`vers_facture`] reads both forms back, so the form can show this and keep normal forms elsewhere.
pub fn a_la_francaise(fields: &Fields) -> Fields {
    let montant = |valeur: &Option<String>| {
        valeur.as_ref().map(|texte| match texte.parse::<Decimal>() {
            Ok(m) => facture::montant::formater_montant(m),
            Err(_) => texte.clone(),
        })
    };
    let date = valeur_date(&fields.invoice_date);
    Fields {
        invoice_date: date.or_else(|| fields.invoice_date.clone()),
        total_ht: montant(&fields.total_ht),
        total_vat: montant(&fields.total_vat),
        total_ttc: montant(&fields.total_ttc),
        amount_due: montant(&fields.amount_due),
        ..fields.clone()
    }
}

fn valeur_date(valeur: &Option<String>) -> Option<String> {
    let date = NaiveDate::parse_from_str(valeur.as_deref()?, "%Y-%m-%d").ok()?;
    Some(date.format("%d/%m/%Y").to_string())
}

/// The scalar fields of the contract, in the order a form shows them.
pub const CHAMPS_SCALAIRES: [&str; 15] = [
    "invoice_number",
    "invoice_date",
    "invoice_type",
    "currency",
    "supplier_siret",
    "supplier_vat",
    "iban",
    "recipient_siret",
    "service_code",
    "engagement_number",
    "market_number",
    "total_ht",
    "total_vat",
    "total_ttc",
    "amount_due",
];

/// The value of a scalar field by its contract key (`None` for an unknown key or an empty field).
pub fn lire_champ<'a>(fields: &'a Fields, cle: &str) -> Option<&'a str> {
    champ(fields, cle).and_then(|v| v.as_deref())
}

/// Sets a scalar field by its contract key; an empty text clears it. Unknown keys are ignored.
pub fn ecrire_champ(fields: &mut Fields, cle: &str, valeur: &str) {
    let valeur = (!valeur.trim().is_empty()).then(|| valeur.to_owned());
    if let Some(place) = champ_mut(fields, cle) {
        *place = valeur;
    }
}

fn champ<'a>(fields: &'a Fields, cle: &str) -> Option<&'a Option<String>> {
    Some(match cle {
        "invoice_number" => &fields.invoice_number,
        "invoice_date" => &fields.invoice_date,
        "invoice_type" => &fields.invoice_type,
        "currency" => &fields.currency,
        "supplier_siret" => &fields.supplier_siret,
        "supplier_vat" => &fields.supplier_vat,
        "iban" => &fields.iban,
        "recipient_siret" => &fields.recipient_siret,
        "service_code" => &fields.service_code,
        "engagement_number" => &fields.engagement_number,
        "market_number" => &fields.market_number,
        "total_ht" => &fields.total_ht,
        "total_vat" => &fields.total_vat,
        "total_ttc" => &fields.total_ttc,
        "amount_due" => &fields.amount_due,
        _ => return None,
    })
}

fn champ_mut<'a>(fields: &'a mut Fields, cle: &str) -> Option<&'a mut Option<String>> {
    Some(match cle {
        "invoice_number" => &mut fields.invoice_number,
        "invoice_date" => &mut fields.invoice_date,
        "invoice_type" => &mut fields.invoice_type,
        "currency" => &mut fields.currency,
        "supplier_siret" => &mut fields.supplier_siret,
        "supplier_vat" => &mut fields.supplier_vat,
        "iban" => &mut fields.iban,
        "recipient_siret" => &mut fields.recipient_siret,
        "service_code" => &mut fields.service_code,
        "engagement_number" => &mut fields.engagement_number,
        "market_number" => &mut fields.market_number,
        "total_ht" => &mut fields.total_ht,
        "total_vat" => &mut fields.total_vat,
        "total_ttc" => &mut fields.total_ttc,
        "amount_due" => &mut fields.amount_due,
        _ => return None,
    })
}

fn texte(valeur: &Option<String>) -> Option<String> {
    valeur
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Identifiers are compared without spaces and in upper case.
fn compact(valeur: &Option<String>) -> String {
    valeur
        .as_deref()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn illisible(champ: &'static str, texte: &str, attendu: Attendu) -> ValeurIllisible {
    ValeurIllisible {
        champ,
        texte: texte.to_owned(),
        attendu,
    }
}

fn montant(
    valeur: &Option<String>,
    champ: &'static str,
    illisibles: &mut Vec<ValeurIllisible>,
) -> Option<Decimal> {
    let brut = texte(valeur)?;
    match parse_montant(&brut) {
        Ok(m) => Some(m),
        Err(_) => {
            illisibles.push(illisible(champ, &brut, Attendu::Montant));
            None
        }
    }
}

fn date(
    valeur: &Option<String>,
    champ: &'static str,
    illisibles: &mut Vec<ValeurIllisible>,
) -> Option<NaiveDate> {
    let brut = texte(valeur)?;
    match parse_date(&brut) {
        Ok(d) => Some(d),
        Err(_) => {
            illisibles.push(illisible(champ, &brut, Attendu::Date));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resultat::VatEntry;
    use facture::regles::{check, Contexte, Severity};

    fn dec(texte: &str) -> Decimal {
        texte.parse().unwrap_or_default()
    }

    fn champs_complets() -> Fields {
        Fields {
            invoice_number: Some("F2026-0042".into()),
            invoice_date: Some("03/11/2026".into()),
            invoice_type: Some("FACTURE".into()),
            currency: Some("eur".into()),
            supplier_siret: Some("356 000 000 00048".into()),
            supplier_vat: Some("FR 39 356000000".into()),
            recipient_siret: Some("11000201100044".into()),
            service_code: Some("SFACETAT".into()),
            engagement_number: Some("1300123456".into()),
            market_number: None,
            total_ht: Some("6 400,00 €".into()),
            total_vat: Some("640,00".into()),
            total_ttc: Some("7 040,00".into()),
            amount_due: None,
            iban: Some("FR76 3000 6000 0112 3456 7890 189".into()),
            vat_breakdown: Some(vec![VatEntry {
                rate: "10,00 %".into(),
                base: "6400.00".into(),
                amount: "640.00".into(),
            }]),
            lines: None,
        }
    }

    #[test]
    fn french_forms_become_typed_values() {
        let (facture, illisibles) = vers_facture(&champs_complets());
        assert_eq!(illisibles, vec![]);
        assert_eq!(facture.numero_facture, "F2026-0042");
        assert_eq!(facture.date_facture, NaiveDate::from_ymd_opt(2026, 11, 3));
        assert_eq!(facture.references.devise_facture, "EUR");
        assert_eq!(facture.fournisseur.identifiant, "35600000000048");
        assert_eq!(facture.fournisseur.numero_tva, "FR39356000000");
        assert_eq!(facture.totaux.montant_ht, dec("6400.00"));
        assert_eq!(facture.totaux.montant_ttc, dec("7040.00"));
        assert_eq!(facture.recap_tva.len(), 1);
        assert_eq!(facture.recap_tva[0].taux, Some(dec("10.00")));
        assert_eq!(
            facture.references.numero_engagement.as_deref(),
            Some("1300123456")
        );
    }

    #[test]
    fn amount_due_falls_back_to_total_ttc() {
        let (facture, _) = vers_facture(&champs_complets());
        assert_eq!(facture.totaux.montant_a_payer, dec("7040.00"));
        let mut champs = champs_complets();
        champs.amount_due = Some("5 040,00".into());
        let (facture, _) = vers_facture(&champs);
        assert_eq!(facture.totaux.montant_a_payer, dec("5040.00"));
    }

    #[test]
    fn unreadable_values_are_reported_on_their_field() {
        let mut champs = champs_complets();
        champs.total_ht = Some("six mille".into());
        champs.invoice_date = Some("31/02/2026".into());
        let (_, illisibles) = vers_facture(&champs);
        let vus: Vec<(&str, Attendu)> = illisibles.iter().map(|i| (i.champ, i.attendu)).collect();
        assert_eq!(
            vus,
            vec![
                ("invoice_date", Attendu::Date),
                ("total_ht", Attendu::Montant)
            ]
        );
    }

    #[test]
    fn an_avoir_is_typed_as_such() {
        let mut champs = champs_complets();
        champs.invoice_type = Some("AVOIR".into());
        assert_eq!(
            vers_facture(&champs).0.references.type_facture,
            TypeFacture::Avoir
        );
    }

    #[test]
    fn every_blocking_finding_on_header_fields_lands_on_a_form_field() {
        // An empty form: the checks complain about the recipient, the number, the date, the totals…
        let (facture, _) = vers_facture(&Fields::default());
        let aujourd_hui = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let findings = check(&facture, &Contexte::new(aujourd_hui));
        for chemin in ["numeroFactureSaisi", "destinataire.codeDestinataire"] {
            let finding = findings
                .iter()
                .find(|f| f.field == chemin && f.severity == Severity::Blocking);
            assert!(finding.is_some(), "a blocking finding on {chemin}");
            assert!(
                champ_du_chemin(chemin).is_some(),
                "{chemin} maps to a field"
            );
        }
    }

    #[test]
    fn every_scalar_key_reads_and_writes_its_own_field() {
        let mut champs = Fields::default();
        for (i, cle) in CHAMPS_SCALAIRES.iter().enumerate() {
            ecrire_champ(&mut champs, cle, &format!("v{i}"));
        }
        for (i, cle) in CHAMPS_SCALAIRES.iter().enumerate() {
            assert_eq!(
                lire_champ(&champs, cle),
                Some(format!("v{i}").as_str()),
                "{cle}"
            );
        }
        ecrire_champ(&mut champs, "total_ht", "  ");
        assert_eq!(champs.total_ht, None);
        ecrire_champ(&mut champs, "no_such_field", "x");
        assert_eq!(lire_champ(&champs, "no_such_field"), None);
    }

    #[test]
    fn every_mapped_path_names_a_scalar_field_or_the_breakdown() {
        for chemin in [
            "numeroFactureSaisi",
            "montantTotal.montantAPayer",
            "fournisseur.iban",
        ] {
            let cle = champ_du_chemin(chemin).unwrap_or_default();
            assert!(CHAMPS_SCALAIRES.contains(&cle), "{chemin} -> {cle}");
        }
    }

    #[test]
    fn constats_put_findings_on_fields_and_count_unreadable_values_as_blocking() {
        let aujourd_hui = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let mut champs = champs_complets();
        champs.recipient_siret = None;
        champs.total_ttc = Some("beaucoup".into());
        let constats = constater(
            &champs,
            &Complements::proposes(&champs),
            "facture.pdf",
            52_000,
            &Contexte::new(aujourd_hui),
        );
        assert!(constats.par_champ.contains_key("recipient_siret"));
        assert_eq!(constats.illisibles.get("total_ttc").map(Vec::len), Some(1));
        let bloquants_sur_champs = constats
            .par_champ
            .values()
            .flatten()
            .chain(&constats.autres)
            .filter(|f| f.severity == Severity::Blocking)
            .count();
        assert_eq!(constats.n_bloquants, bloquants_sur_champs + 1);
        // The dropped PDF is the main attachment: no finding asks for one.
        assert!(!constats
            .autres
            .iter()
            .any(|f| f.rule == "CPP-PJ-PRINCIPALE"));
    }

    #[test]
    fn french_display_reads_back_to_the_same_invoice() {
        let normal = Fields {
            invoice_date: Some("2026-11-03".into()),
            total_ht: Some("6400.00".into()),
            total_vat: Some("640.00".into()),
            total_ttc: Some("7040.00".into()),
            ..champs_complets()
        };
        let francais = a_la_francaise(&normal);
        assert_eq!(francais.invoice_date.as_deref(), Some("03/11/2026"));
        assert_eq!(francais.total_ttc.as_deref(), Some("7\u{202F}040,00"));
        assert_eq!(vers_facture(&francais), vers_facture(&normal));
    }

    #[test]
    fn paths_map_to_contract_keys() {
        assert_eq!(
            champ_du_chemin("destinataire.codeServiceExecutant"),
            Some("service_code")
        );
        assert_eq!(
            champ_du_chemin("ligneTva[2].ligneTvaMontantTvaParTaux"),
            Some("vat_breakdown")
        );
        assert_eq!(champ_du_chemin("lignePoste[0].lignePosteQuantite"), None);
    }

    #[test]
    fn proposed_complements_pay_by_transfer_when_an_iban_is_printed() {
        let champs = champs_complets();
        assert_eq!(
            Complements::proposes(&champs).mode_paiement,
            Some(ModePaiement::Virement)
        );
        let sans_iban = Fields {
            iban: None,
            ..champs.clone()
        };
        assert_eq!(Complements::proposes(&sans_iban).mode_paiement, None);
        let avoir = Fields {
            invoice_type: Some("AVOIR".into()),
            ..champs
        };
        assert_eq!(Complements::proposes(&avoir).mode_paiement, None);
    }

    #[test]
    fn the_supplier_structure_is_found_by_the_printed_siret_only_when_unambiguous() {
        let champs = champs_complets();
        let structures = vec![
            (7, "35600000000048".to_owned()),
            (9, "73282932000074".to_owned()),
        ];
        assert_eq!(
            Complements::structure_du_siret(&champs, &structures),
            Some(7)
        );
        let doublon = vec![
            (7, "35600000000048".to_owned()),
            (8, "356 000 000 00048".to_owned()),
        ];
        assert_eq!(Complements::structure_du_siret(&champs, &doublon), None);
        assert_eq!(
            Complements::structure_du_siret(&champs, &structures[1..]),
            None
        );
        let sans_siret = Fields {
            supplier_siret: None,
            ..champs
        };
        assert_eq!(
            Complements::structure_du_siret(&sans_siret, &structures),
            None
        );
    }

    #[test]
    fn the_deposited_invoice_carries_the_form_choices_into_the_soumettre_body() {
        let champs = champs_complets();
        let complements = Complements {
            id_fournisseur: Some(7),
            cadre: CodeCadre::A9FactureSoustraitant,
            structure_valideur: "732 829 320 00074".into(),
            service_valideur: " ".into(),
            mode_paiement: Some(ModePaiement::Virement),
            facture_origine: "F-1".into(),
            pieces_jointes: vec![facture::PieceJointe {
                designation: "bon-de-livraison.pdf".into(),
                type_piece: Some("BON_LIVRAISON".into()),
                id: Some(77),
                taille_octets: Some(1_000),
                ..facture::PieceJointe::default()
            }],
            ..Complements::default()
        };
        let piece = PieceJointePrincipale {
            designation: "facture.pdf".into(),
            id: Some(41),
            taille_octets: Some(52_000),
        };
        let (facture, illisibles) = facture_deposee(&champs, &complements, piece);
        assert!(illisibles.is_empty());
        let corps = cpro::factures::SoumettreRequest::from(&facture);
        let json = serde_json::to_value(&corps).unwrap_or_default();
        assert_eq!(json["modeDepot"], "DEPOT_PDF_API");
        assert_eq!(json["fournisseur"]["idFournisseur"], 7);
        assert_eq!(
            json["cadreDeFacturation"]["codeCadreFacturation"],
            "A9_FACTURE_SOUSTRAITANT"
        );
        assert_eq!(
            json["cadreDeFacturation"]["codeStructureValideur"],
            "73282932000074"
        );
        assert!(json["cadreDeFacturation"]
            .get("codeServiceValideur")
            .is_none());
        assert_eq!(json["references"]["modePaiement"], "VIREMENT");
        // Only a credit note refers to an original invoice.
        assert!(json["references"].get("numeroFactureOrigine").is_none());
        assert_eq!(
            json["pieceJointePrincipale"][0]["pieceJointePrincipaleId"],
            41
        );
        assert_eq!(
            json["pieceJointeComplementaire"][0]["pieceJointeComplementaireId"],
            77
        );
        assert_eq!(
            json["pieceJointeComplementaire"][0]["pieceJointeComplementaireType"],
            "BON_LIVRAISON"
        );
        assert_eq!(json["numeroFactureSaisi"], "F2026-0042");
        assert_eq!(
            corps.montant_total.and_then(|m| m.montant_a_payer),
            Some(dec("7040.00"))
        );
    }

    #[test]
    fn the_valideur_is_sent_only_for_the_frameworks_that_need_one() {
        let complements = Complements {
            structure_valideur: "73282932000074".into(),
            ..Complements::default()
        };
        let (facture, _) = facture_deposee(
            &champs_complets(),
            &complements,
            PieceJointePrincipale::default(),
        );
        assert_eq!(facture.cadre.code_structure_valideur, None);
    }

    #[test]
    fn a_missing_supplier_structure_is_reported_on_its_own_field() {
        let aujourd_hui = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let champs = champs_complets();
        let mut complements = Complements::proposes(&champs);
        let contexte = Contexte::new(aujourd_hui);
        let sans = constater(&champs, &complements, "f.pdf", 1_000, &contexte);
        assert!(sans
            .par_champ
            .get("supplier_structure")
            .is_some_and(|f| f.iter().any(|f| f.rule == "CPP-FOURNISSEUR-ID")));
        complements.id_fournisseur = Some(7);
        let avec = constater(&champs, &complements, "f.pdf", 1_000, &contexte);
        assert!(!avec.par_champ.contains_key("supplier_structure"));
        assert_eq!(avec.n_bloquants + 1, sans.n_bloquants);
    }

    #[test]
    fn every_complement_path_has_a_form_field() {
        for chemin in [
            "fournisseur.idFournisseur",
            "cadreDeFacturation.codeCadreFacturation",
            "cadreDeFacturation.codeStructureValideur",
            "cadreDeFacturation.codeServiceValideur",
            "references.modePaiement",
            "references.typeTva",
            "references.motifExonerationTva",
            "references.numeroFactureOrigine",
        ] {
            let cle = champ_du_chemin(chemin).unwrap_or_default();
            assert!(CHAMPS_COMPLEMENTS.contains(&cle), "{chemin} -> {cle}");
        }
    }
}
