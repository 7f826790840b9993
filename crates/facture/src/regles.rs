//! Pre-submission checks: every problem at once, each addressed to a field of the `soumettre` body.
//!
//! [`check`] runs all the rules and returns [`Finding`]s; a failed check is a result, not an error.
//! `field` is the JSON path in the Chorus Pro `soumettre` body (`destinataire.codeServiceExecutant`,
//! `lignePoste[2].lignePosteMontantUnitaireHT`, 0-based indexes). The few checked values that
//! `soumettre` does not carry get a path in the same style under their owner:
//! `fournisseur.identifiant`, `fournisseur.numeroTva`, `fournisseur.iban`, `fournisseur.bic`,
//! `dateEcheance`, `mentions.natureOperations`, `mentions.adresseLivraison`.
//!
//! Each rule cites its source: EN 16931 rule ids (`\[E1\]` CEN schematron), French rules BR-FR (`\[E2\]`),
//! Chorus Pro spec comments and clients (`\[V4\]`, `\[S4\]`, `\[C1\]`…), as tagged in
//! `shared/chorus-pro/rules-and-peers.md` §7 and `api-reference.md` §8.
//!
//! ```
//! use facture::regles::{check, Contexte, Severity};
//! use facture::Facture;
//! let aujourd_hui = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
//! let findings = check(&Facture::default(), &Contexte::new(aujourd_hui));
//! assert!(findings.iter().any(|f| f.field == "destinataire.codeDestinataire"
//!     && f.severity == Severity::Blocking));
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calcul::{montant_tva, recap_tva};
use crate::identifiant::{Bic, Iban, Ridet, Siret, Tahiti, TvaIntra};
use crate::modele::{
    CategorieTva, CodeCadre, Facture, Ligne, ModeDepot, ModePaiement, NatureOperations,
    TypeFacture, TypeIdentifiant, TypeTva,
};
use crate::montant::{arrondir_montant, arrondir_quantite};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Chorus Pro (or the buyer) would reject the invoice: sending is refused.
    Blocking,
    /// Worth fixing (legal mention, likely mistake) but the invoice can be sent.
    Warning,
}

/// One problem found in an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id: the EN 16931 / BR-FR id when there is one (`BR-CO-15`), else a `CPP-…` id for a
    /// Chorus Pro rule or an `ID-…` id for an identifier check.
    pub rule: String,
    /// Blocking or warning.
    pub severity: Severity,
    /// Path of the field in the `soumettre` body (see the module docs).
    pub field: String,
    /// Message in French, saying what is wrong and how to fix it.
    pub message_fr: String,
    /// The same message in English.
    pub message_en: String,
    /// The value to put in the field, when it is known (a computed total, a normalised identifier);
    /// an empty string means "clear the field".
    pub fix: Option<String>,
}

/// What the checks need besides the invoice: today's date, the recipient's directory data and
/// the supplier's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contexte {
    /// Today's date (the crate reads no clock).
    pub aujourd_hui: NaiveDate,
    /// The recipient's routing data from the directory; `None` when it was not consulted.
    #[serde(default)]
    pub destinataire: Option<AnnuaireDestinataire>,
    /// Invoice numbers the supplier already sent, when known.
    #[serde(default)]
    pub historique: Vec<NumeroUtilise>,
    /// The supplier is itself a public structure (may use the `FACTURES_PUBLIQUES` service).
    #[serde(default)]
    pub fournisseur_public: bool,
}

impl Contexte {
    /// A context with only today's date: no directory data, no history.
    pub fn new(aujourd_hui: NaiveDate) -> Contexte {
        Contexte {
            aujourd_hui,
            destinataire: None,
            historique: Vec::new(),
            fournisseur_public: false,
        }
    }
}

/// The recipient's routing flags (`structures/v1/consulter` `parametres`, `rechercher/services`,
/// `consulter/service`; api-reference §3.11 and §6.1). Chorus names are accepted as aliases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnuaireDestinataire {
    /// The structure is active in Chorus Pro (`statut` ACTIVE).
    #[serde(alias = "structureActive", alias = "estActif")]
    pub structure_active: bool,
    /// `codeServiceDoitEtreRenseigne`.
    #[serde(alias = "codeServiceDoitEtreRenseigne")]
    pub code_service_obligatoire: bool,
    /// `numeroEJDoitEtreRenseigne`.
    #[serde(alias = "numeroEJDoitEtreRenseigne")]
    pub engagement_obligatoire: bool,
    /// `gestionNumeroEJOuCodeService`: at least one of the two.
    #[serde(alias = "gestionNumeroEJOuCodeService")]
    pub engagement_ou_service: bool,
    /// The structure's services, when listed (empty: unknown).
    #[serde(alias = "listeServices")]
    pub services: Vec<ServiceAnnuaire>,
}

impl Default for AnnuaireDestinataire {
    fn default() -> Self {
        AnnuaireDestinataire {
            structure_active: true,
            code_service_obligatoire: false,
            engagement_obligatoire: false,
            engagement_ou_service: false,
            services: Vec::new(),
        }
    }
}

/// One service of the recipient structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceAnnuaire {
    /// `codeService`.
    #[serde(alias = "codeService")]
    pub code_service: String,
    /// `estActif`.
    #[serde(alias = "estActif")]
    pub actif: bool,
    /// `consulter/service` `parametres.numeroEngagement`: EJ required for this service.
    #[serde(alias = "numeroEngagement")]
    pub engagement_obligatoire: bool,
}

impl Default for ServiceAnnuaire {
    fn default() -> Self {
        ServiceAnnuaire {
            code_service: String::new(),
            actif: true,
            engagement_obligatoire: false,
        }
    }
}

/// An invoice number the supplier already used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumeroUtilise {
    /// The number.
    pub numero_facture: String,
    /// The invoice was rejected (REJETEE): the number must not be reused.
    #[serde(default)]
    pub rejetee: bool,
}

/// Maximum length of `numeroFactureSaisi`: varchar(20) in the Chorus Pro spec comments `\[V4\]`.
pub const LONGUEUR_MAX_NUMERO_FACTURE: usize = 20;
/// Maximum length of the engagement number: OCA refuses more than 50 (AIFE delivery note) `\[C1\]\[C2\]`.
pub const LONGUEUR_MAX_ENGAGEMENT: usize = 50;
/// Maximum length of `codeServiceExecutant` (spec comments, api-reference §6.2 `\[S7\]`).
pub const LONGUEUR_MAX_CODE_SERVICE: usize = 100;
/// Maximum attachment name length, extension included `\[C1\]` (api-reference §7).
pub const LONGUEUR_MAX_NOM_PIECE: usize = 50;
/// Maximum size of one file: 10 MB (deposer/pdf 413, ajouter/fichier 20003; api-reference §7).
pub const TAILLE_MAX_PIECE: u64 = 10 * 1024 * 1024;
/// Maximum size of an invoice with all its attachments: 120 MB `\[C1\]` (api-reference §7).
pub const TAILLE_MAX_TOTALE: u64 = 120 * 1024 * 1024;
/// Attachment extensions Chorus Pro accepts (api-reference §7): the list of `cpro`.
pub use cpro::limites::EXTENSIONS_AUTORISEES;
/// French VAT rates allowed by BR-FR-16 (mainland, Corsica, overseas, historical) `\[E2\]`.
pub const TAUX_TVA_FRANCAIS: &[Decimal] = &[
    Decimal::from_parts(0, 0, 0, false, 0),
    Decimal::from_parts(20, 0, 0, false, 0),
    Decimal::from_parts(10, 0, 0, false, 0),
    Decimal::from_parts(55, 0, 0, false, 1),
    Decimal::from_parts(21, 0, 0, false, 1),
    Decimal::from_parts(85, 0, 0, false, 1),
    Decimal::from_parts(13, 0, 0, false, 0),
    Decimal::from_parts(7, 0, 0, false, 0),
    Decimal::from_parts(196, 0, 0, false, 1),
    Decimal::from_parts(206, 0, 0, false, 1),
    Decimal::from_parts(105, 0, 0, false, 2),
    Decimal::from_parts(9, 0, 0, false, 1),
    Decimal::from_parts(175, 0, 0, false, 2),
    Decimal::from_parts(92, 0, 0, false, 1),
    Decimal::from_parts(96, 0, 0, false, 1),
];

/// Runs every rule and returns all findings, blocking ones first, in field order within each.
pub fn check(facture: &Facture, contexte: &Contexte) -> Vec<Finding> {
    let mut constats = Constats(Vec::new());
    numero_facture(facture, contexte, &mut constats);
    dates(facture, contexte, &mut constats);
    destinataire(facture, contexte, &mut constats);
    routage(facture, contexte, &mut constats);
    cadre(facture, &mut constats);
    references(facture, &mut constats);
    paiement(facture, &mut constats);
    fournisseur(facture, &mut constats);
    lignes(facture, &mut constats);
    categories_tva(facture, &mut constats);
    sommes(facture, &mut constats);
    pieces_jointes(facture, &mut constats);
    mentions_2026(facture, &mut constats);
    let mut findings = constats.0;
    findings.sort_by_key(|f| f.severity);
    findings
}

/// Whether any finding blocks sending.
pub fn bloque(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Blocking)
}

// ---------------------------------------------------------------------------------------------------

struct Constats(Vec<Finding>);

impl Constats {
    fn bloquant(
        &mut self,
        rule: &str,
        field: impl Into<String>,
        fr: String,
        en: String,
    ) -> &mut Finding {
        self.ajouter(rule, Severity::Blocking, field.into(), fr, en)
    }

    fn avertissement(
        &mut self,
        rule: &str,
        field: impl Into<String>,
        fr: String,
        en: String,
    ) -> &mut Finding {
        self.ajouter(rule, Severity::Warning, field.into(), fr, en)
    }

    fn ajouter(
        &mut self,
        rule: &str,
        severity: Severity,
        field: String,
        fr: String,
        en: String,
    ) -> &mut Finding {
        self.0.push(Finding {
            rule: rule.to_owned(),
            severity,
            field,
            message_fr: fr,
            message_en: en,
            fix: None,
        });
        self.0.last_mut().expect("a finding was pushed just above")
    }
}

trait AvecCorrection {
    fn fix(&mut self, valeur: impl ToString);
}

impl AvecCorrection for Finding {
    fn fix(&mut self, valeur: impl ToString) {
        self.fix = Some(valeur.to_string());
    }
}

fn vide(texte: &Option<String>) -> bool {
    texte.as_deref().is_none_or(|t| t.trim().is_empty())
}

fn decimales(valeur: Decimal) -> u32 {
    valeur.normalize().scale()
}

// ---------------------------------------------------------------------------------------------------
// Invoice number

/// Characters allowed in `numeroFacture`: alphanumerics and `- _ / +` (`\[V4\]` spec comments;
/// the reform's BR-FR-01 allows the same set).
fn caractere_numero_autorise(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '+')
}

fn numero_facture(facture: &Facture, contexte: &Contexte, constats: &mut Constats) {
    let champ = "numeroFactureSaisi";
    let numero = facture.numero_facture.trim();
    if numero.is_empty() {
        // BR-02; in SAISIE_API Chorus numbers the invoice itself (api-reference §3.2, observed).
        if facture.mode_depot != ModeDepot::SaisieApi {
            constats.bloquant(
                "BR-02",
                champ,
                "Le numéro de facture est obligatoire.".into(),
                "The invoice number is required.".into(),
            );
        }
        return;
    }
    let longueur = numero.chars().count();
    if longueur > LONGUEUR_MAX_NUMERO_FACTURE {
        // Chorus Pro numeroFacture varchar(20) [V4].
        constats.bloquant(
            "CPP-NUMERO-LONGUEUR",
            champ,
            format!(
                "Le numéro de facture a {longueur} caractères ; Chorus Pro en accepte 20 au plus."
            ),
            format!("The invoice number has {longueur} characters; Chorus Pro accepts at most 20."),
        );
    }
    if let Some(c) = numero.chars().find(|c| !caractere_numero_autorise(*c)) {
        // [V4] alphanumerics plus - _ / + ; BR-FR-01 (no spaces).
        let corrige: String = numero
            .chars()
            .filter(|c| caractere_numero_autorise(*c))
            .collect();
        constats
            .bloquant(
                "CPP-NUMERO-CARACTERES",
                champ,
                format!("Le caractère {c:?} n'est pas autorisé dans le numéro de facture (lettres, chiffres, - _ / + uniquement, sans espace)."),
                format!("Character {c:?} is not allowed in the invoice number (letters, digits, - _ / + only, no spaces)."),
            )
            .fix(corrige);
    }
    if let Some(connu) = contexte
        .historique
        .iter()
        .find(|n| n.numero_facture.trim() == numero)
    {
        if connu.rejetee {
            // A rejected invoice is re-issued with a new number [P5][P6] (rules §2.4).
            constats.bloquant(
                "CPP-NUMERO-REJETE",
                champ,
                format!("Le numéro {numero} a été rejeté : une facture rejetée doit être réémise avec un nouveau numéro."),
                format!("Number {numero} was rejected: a rejected invoice must be re-issued with a new number."),
            );
        } else {
            // Unique per supplier [V4]; also the reform rule (number, year, SIREN) [P13].
            constats.bloquant(
                "CPP-NUMERO-DOUBLON",
                champ,
                format!("Le numéro {numero} a déjà été utilisé pour une autre facture."),
                format!("Number {numero} was already used for another invoice."),
            );
        }
    }
    if facture.mode_depot == ModeDepot::SaisieApi {
        // In SAISIE_API Chorus generates the number (api-reference §3.2, observed in sandbox).
        constats.avertissement(
            "CPP-NUMERO-SAISIE-API",
            champ,
            "En mode SAISIE_API, Chorus Pro attribue son propre numéro ; celui-ci risque d'être ignoré.".into(),
            "In SAISIE_API mode Chorus Pro assigns its own number; this one may be ignored.".into(),
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// Dates

fn dates(facture: &Facture, contexte: &Contexte, constats: &mut Constats) {
    let Some(date) = facture.date_facture else {
        // BR-03.
        constats.bloquant(
            "BR-03",
            "dateFacture",
            "La date de facture est obligatoire.".into(),
            "The invoice date is required.".into(),
        );
        return;
    };
    if !(2000..=2099).contains(&date.year()) {
        // BR-FR-03: years between 2000 and 2099.
        constats.bloquant(
            "BR-FR-03",
            "dateFacture",
            format!(
                "L'année {} de la date de facture n'est pas plausible (2000 à 2099).",
                date.year()
            ),
            format!(
                "Year {} of the invoice date is not plausible (2000 to 2099).",
                date.year()
            ),
        );
    }
    if date > contexte.aujourd_hui {
        // Not found as a Chorus rule; a future date also breaks the payment clock (rules §2.4, inferred).
        constats
            .bloquant(
                "CPP-DATE-FUTURE",
                "dateFacture",
                format!("La date de facture {date} est dans le futur."),
                format!("The invoice date {date} is in the future."),
            )
            .fix(contexte.aujourd_hui);
    }
    if let Some(echeance) = facture.date_echeance {
        // BR-FR-CO-07: due date ≥ issue date, except already-paid invoices (A2 ~ B2/S2/M2).
        if echeance < date && facture.cadre.code != CodeCadre::A2FactureFournisseurDejaPayee {
            constats
                .bloquant(
                    "BR-FR-CO-07",
                    "dateEcheance",
                    format!("L'échéance {echeance} précède la date de facture {date}."),
                    format!("The due date {echeance} is before the invoice date {date}."),
                )
                .fix(date);
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Recipient and routing

/// Characters Chorus accepts in a service code: letters (accented too), digits, `_`, `-`, space `\[C3\]`.
fn caractere_service_autorise(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | ' ')
}

fn destinataire(facture: &Facture, contexte: &Contexte, constats: &mut Constats) {
    let champ = "destinataire.codeDestinataire";
    let code = facture.destinataire.code_destinataire.trim();
    if code.is_empty() {
        constats.bloquant(
            "CPP-DESTINATAIRE-OBLIGATOIRE",
            champ,
            "Le SIRET du destinataire est obligatoire.".into(),
            "The recipient's SIRET is required.".into(),
        );
    } else {
        // Recipient identifier valid for its type (rules §6.1 #1; SIRET Luhn / La Poste, §1.2).
        match Siret::parse(code) {
            Ok(siret) if siret.as_str() != code => {
                constats
                    .avertissement(
                        "ID-SIRET-FORMAT",
                        champ,
                        "Le SIRET du destinataire sera envoyé sans espaces.".into(),
                        "The recipient's SIRET will be sent without spaces.".into(),
                    )
                    .fix(siret);
            }
            Ok(_) => {}
            Err(erreur) => {
                constats.bloquant(
                    "ID-SIRET",
                    champ,
                    format!(
                        "Le SIRET du destinataire n'est pas valide ({}).",
                        erreur_fr_siret(&erreur)
                    ),
                    format!("The recipient's SIRET is invalid: {erreur}."),
                );
            }
        }
    }
    if let Some(annuaire) = &contexte.destinataire {
        if !annuaire.structure_active {
            // A PDF cannot be registered for a recipient unknown or inactive in Chorus Pro [P2].
            constats.bloquant(
                "CPP-DESTINATAIRE-INACTIF",
                champ,
                "Cette structure publique est inactive dans Chorus Pro : elle ne peut pas recevoir de facture.".into(),
                "This public structure is inactive in Chorus Pro: it cannot receive invoices.".into(),
            );
        }
    }
}

fn erreur_fr_iban(erreur: &crate::identifiant::IbanError) -> String {
    erreur.message_fr()
}

fn erreur_fr_siret(erreur: &crate::identifiant::SiretError) -> String {
    use crate::identifiant::SiretError as E;
    match erreur {
        E::CaractereInvalide { caractere } => format!("caractère {caractere:?} invalide"),
        E::Longueur { trouve } => format!("14 chiffres attendus, {trouve} trouvés"),
        E::CleLuhn => "clé de contrôle (Luhn) incorrecte".into(),
        E::CleLaPoste => "clé La Poste incorrecte (somme des chiffres non multiple de 5)".into(),
        E::Siren(_) => "SIREN incorrect".into(),
    }
}

fn routage(facture: &Facture, contexte: &Contexte, constats: &mut Constats) {
    let champ_service = "destinataire.codeServiceExecutant";
    let champ_ej = "references.numeroBonCommande";
    let service = facture
        .destinataire
        .code_service
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let engagement = facture
        .references
        .numero_engagement
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());

    if let Some(code) = service {
        if let Some(c) = code.chars().find(|c| !caractere_service_autorise(*c)) {
            // "BuyerReference doit être alphanumérique" [C3].
            constats.bloquant(
                "CPP-SERVICE-CARACTERES",
                champ_service,
                format!("Le caractère {c:?} n'est pas accepté dans un code service (lettres, chiffres, _, - et espace)."),
                format!("Character {c:?} is not accepted in a service code (letters, digits, _, - and space)."),
            );
        }
        if code.chars().count() > LONGUEUR_MAX_CODE_SERVICE {
            // codeServiceExecutant length 100 (spec comments [S7]).
            constats.bloquant(
                "CPP-SERVICE-LONGUEUR",
                champ_service,
                "Le code service dépasse 100 caractères.".into(),
                "The service code exceeds 100 characters.".into(),
            );
        }
        if code.eq_ignore_ascii_case("FACTURES_PUBLIQUES") && !contexte.fournisseur_public {
            // Reserved to public-to-public invoices; rejected otherwise [S4] (OCA, community guide).
            constats.bloquant(
                "CPP-SERVICE-FACTURES-PUBLIQUES",
                champ_service,
                "Le service FACTURES_PUBLIQUES est réservé aux factures entre entités publiques ; indiquez le service exécutant de votre client.".into(),
                "The FACTURES_PUBLIQUES service is reserved to invoices between public entities; give your customer's executing service.".into(),
            );
        }
    }
    if let Some(ej) = engagement {
        let longueur = ej.chars().count();
        if longueur > LONGUEUR_MAX_ENGAGEMENT {
            // OCA PR #275 from an AIFE delivery note [C1][C2].
            constats.bloquant(
                "CPP-ENGAGEMENT-LONGUEUR",
                champ_ej,
                format!("Le numéro d'engagement a {longueur} caractères ; 50 au plus."),
                format!("The engagement number has {longueur} characters; at most 50."),
            );
        }
    }

    let Some(annuaire) = &contexte.destinataire else {
        return;
    };
    // Directory flags (api-reference §6.1 [S1][S2][S4]).
    if annuaire.code_service_obligatoire && service.is_none() {
        constats.bloquant(
            "CPP-SERVICE-OBLIGATOIRE",
            champ_service,
            "Ce destinataire exige un code service : choisissez le service exécutant dans l'annuaire.".into(),
            "This recipient requires a service code: choose the executing service from the directory.".into(),
        );
    }
    if annuaire.engagement_obligatoire && engagement.is_none() {
        constats.bloquant(
            "CPP-ENGAGEMENT-OBLIGATOIRE",
            champ_ej,
            "Ce destinataire exige le numéro d'engagement juridique (bon de commande) : demandez-le à votre client.".into(),
            "This recipient requires the legal commitment (purchase order) number: ask your customer for it.".into(),
        );
    }
    if annuaire.engagement_ou_service && service.is_none() && engagement.is_none() {
        constats.bloquant(
            "CPP-SERVICE-OU-ENGAGEMENT",
            champ_service,
            "Ce destinataire exige un code service ou un numéro d'engagement : renseignez au moins l'un des deux.".into(),
            "This recipient requires a service code or an engagement number: give at least one.".into(),
        );
    }
    if let (Some(code), false) = (service, annuaire.services.is_empty()) {
        match annuaire
            .services
            .iter()
            .find(|s| s.code_service.trim().eq_ignore_ascii_case(code))
        {
            None => {
                constats.bloquant(
                    "CPP-SERVICE-INCONNU",
                    champ_service,
                    format!("Le service {code} n'existe pas chez ce destinataire."),
                    format!("Service {code} does not exist for this recipient."),
                );
            }
            Some(connu) => {
                if !connu.actif {
                    // Services must be active (estActif) [S2][S4].
                    constats.bloquant(
                        "CPP-SERVICE-INACTIF",
                        champ_service,
                        format!("Le service {code} est inactif : choisissez un service actif."),
                        format!("Service {code} is inactive: choose an active service."),
                    );
                }
                if connu.engagement_obligatoire
                    && engagement.is_none()
                    && !annuaire.engagement_obligatoire
                {
                    // consulter/service parametres.numeroEngagement (api-reference §6.1).
                    constats.bloquant(
                        "CPP-ENGAGEMENT-OBLIGATOIRE-SERVICE",
                        champ_ej,
                        format!("Le service {code} exige le numéro d'engagement juridique."),
                        format!("Service {code} requires the legal commitment number."),
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Cadre, references, payment

fn cadre(facture: &Facture, constats: &mut Constats) {
    let valideur = &facture.cadre.code_structure_valideur;
    let champ = "cadreDeFacturation.codeStructureValideur";
    match facture.cadre.code {
        CodeCadre::A2FactureFournisseurDejaPayee => {
            // Already paid: nothing left to pay (GOBL Chorus rule; reform B2/S2/M2 + BR-FR-CO-09) [V3][E2].
            if !facture.totaux.montant_a_payer.is_zero() {
                constats
                    .bloquant(
                        "CPP-A2-PAYEE",
                        "montantTotal.montantAPayer",
                        "Une facture déjà payée (cadre A2) doit avoir un montant à payer nul."
                            .into(),
                        "An already-paid invoice (framework A2) must have nothing left to pay."
                            .into(),
                    )
                    .fix("0.00");
            }
        }
        CodeCadre::A9FactureSoustraitant | CodeCadre::A12FactureCotraitant => {
            // A9/A12: the validator structure is mandatory (api-reference §6.2 [S6][S18]; rules §2.4).
            if vide(valideur) {
                constats.bloquant(
                    "CPP-VALIDEUR-OBLIGATOIRE",
                    champ,
                    "Pour une facture de sous-traitant ou de cotraitant, indiquez le SIRET du valideur (titulaire ou mandataire).".into(),
                    "For a sub-contractor or co-contractor invoice, give the validator's SIRET (main contractor or group representative).".into(),
                );
            } else if let Some(Err(erreur)) = valideur.as_deref().map(Siret::parse) {
                constats.bloquant(
                    "ID-SIRET",
                    champ,
                    format!(
                        "Le SIRET du valideur n'est pas valide ({}).",
                        erreur_fr_siret(&erreur)
                    ),
                    format!("The validator's SIRET is invalid: {erreur}."),
                );
            }
        }
        CodeCadre::A1FactureFournisseur => {
            if !vide(valideur) {
                constats.avertissement(
                    "CPP-VALIDEUR-INUTILE",
                    champ,
                    "Un valideur n'a de sens que pour les cadres A9 (sous-traitant) et A12 (cotraitant).".into(),
                    "A validator only applies to frameworks A9 (sub-contractor) and A12 (co-contractor).".into(),
                );
            }
        }
    }
}

fn references(facture: &Facture, constats: &mut Constats) {
    let refs = &facture.references;
    let devise = refs.devise_facture.trim();
    if devise.len() != 3 || !devise.bytes().all(|b| b.is_ascii_uppercase()) {
        // BR-CL-04: ISO 4217 alpha-3 code; codeDeviseFacture varchar(3) [V4].
        constats
            .bloquant(
                "BR-CL-04",
                "references.deviseFacture",
                format!("« {devise} » n'est pas un code devise ISO 4217 (ex. EUR)."),
                format!("\"{devise}\" is not an ISO 4217 currency code (e.g. EUR)."),
            )
            .fix("EUR");
    } else if devise != "EUR" {
        // BR-FR-CO-12: a non-EUR invoice must also give the VAT total in EUR [E2].
        constats.avertissement(
            "BR-FR-CO-12",
            "references.deviseFacture",
            format!("Facture en {devise} : le montant de TVA en euros doit aussi figurer sur la facture."),
            format!("Invoice in {devise}: the VAT total in euros must also appear on the invoice."),
        );
    }
    if refs.type_facture == TypeFacture::Avoir {
        if vide(&refs.numero_facture_origine) {
            // BR-FR-CO-05: a credit note references the original invoice [E2].
            constats.bloquant(
                "BR-FR-CO-05",
                "references.numeroFactureOrigine",
                "Un avoir doit indiquer le numéro de la facture d'origine.".into(),
                "A credit note must give the number of the original invoice.".into(),
            );
        }
        if refs.mode_paiement.is_some() {
            // OCA forbids a payment mode on a refund sent to Chorus [C1] (api-reference §6.2).
            constats
                .bloquant(
                    "CPP-AVOIR-MODE-PAIEMENT",
                    "references.modePaiement",
                    "Un avoir ne porte pas de mode de paiement : retirez-le.".into(),
                    "A credit note carries no payment mode: remove it.".into(),
                )
                .fix("");
        }
        if facture.totaux.montant_ttc < Decimal::ZERO {
            // Credit notes carry positive amounts (rules §2.4, inferred).
            constats.avertissement(
                "CPP-AVOIR-SIGNE",
                "montantTotal.montantTtcTotal",
                "Un avoir se saisit avec des montants positifs.".into(),
                "A credit note is entered with positive amounts.".into(),
            );
        }
    } else if refs.mode_paiement.is_none() {
        // Payment mode required on an invoice [C1] (rules §6.1 #6).
        constats.bloquant(
            "CPP-MODE-PAIEMENT",
            "references.modePaiement",
            "Indiquez le mode de paiement (virement, chèque…).".into(),
            "Give the payment mode (credit transfer, cheque…).".into(),
        );
    }
}

fn paiement(facture: &Facture, constats: &mut Constats) {
    let fournisseur = &facture.fournisseur;
    let iban_saisi = fournisseur.iban.trim();
    let iban = if iban_saisi.is_empty() {
        None
    } else {
        match Iban::parse(iban_saisi) {
            Ok(iban) => Some(iban),
            Err(erreur) => {
                // ISO 13616 mod 97, country length, FR BBAN structure (rules §1.5 [V1]).
                constats.bloquant(
                    "ID-IBAN",
                    "fournisseur.iban",
                    format!(
                        "L'IBAN n'est pas valide ({}) : vérifiez-le sur votre RIB.",
                        erreur_fr_iban(&erreur)
                    ),
                    format!("The IBAN is invalid: {erreur}."),
                );
                None
            }
        }
    };
    if let Some(iban) = &iban {
        if iban.cle_rib_valide() == Some(false) {
            // RIB key formula unconfirmed in the sources: warning only (rules §1.5).
            constats.avertissement(
                "ID-IBAN-CLE-RIB",
                "fournisseur.iban",
                "La clé RIB contenue dans l'IBAN ne correspond pas au compte : vérifiez l'IBAN."
                    .into(),
                "The RIB key inside the IBAN does not match the account: check the IBAN.".into(),
            );
        }
    }
    if !fournisseur.bic.trim().is_empty() {
        match Bic::parse(&fournisseur.bic) {
            Err(erreur) => {
                // ISO 9362 (rules §1.6 [V1]).
                constats.bloquant(
                    "ID-BIC",
                    "fournisseur.bic",
                    "Le BIC doit compter 8 ou 11 caractères (ex. BNPAFRPP).".into(),
                    format!("The BIC is invalid: {erreur}."),
                );
            }
            Ok(bic) => {
                // BIC country vs IBAN country (rules §1.6, inferred); Monaco accounts may use FR banks.
                if let Some(iban) = &iban {
                    let compatibles = bic.code_pays() == iban.code_pays()
                        || (iban.code_pays() == "MC" && bic.code_pays() == "FR");
                    if !compatibles {
                        constats.avertissement(
                            "ID-BIC-PAYS",
                            "fournisseur.bic",
                            format!(
                                "Le BIC ({}) et l'IBAN ({}) ne sont pas du même pays.",
                                bic.code_pays(),
                                iban.code_pays()
                            ),
                            format!(
                                "The BIC ({}) and the IBAN ({}) are from different countries.",
                                bic.code_pays(),
                                iban.code_pays()
                            ),
                        );
                    }
                }
            }
        }
    }
    if facture.references.mode_paiement == Some(ModePaiement::Virement)
        && facture.references.type_facture == TypeFacture::Facture
        && iban_saisi.is_empty()
        && fournisseur.code_coordonnees_bancaires.is_none()
    {
        // Credit transfer needs the account: BR-61 [E1], OCA refuses a non-IBAN account [C1].
        constats.bloquant(
            "BR-61",
            "fournisseur.codeCoordonneesBancairesFournisseur",
            "Paiement par virement : choisissez le compte bancaire (IBAN) à payer.".into(),
            "Payment by credit transfer: choose the bank account (IBAN) to pay.".into(),
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// Supplier identifiers

fn fournisseur(facture: &Facture, constats: &mut Constats) {
    let fournisseur = &facture.fournisseur;
    if fournisseur.id_fournisseur.is_none() {
        // idFournisseur is part of every working soumettre body (api-reference §3.2 [S8]).
        constats.bloquant(
            "CPP-FOURNISSEUR-ID",
            "fournisseur.idFournisseur",
            "La structure fournisseur Chorus Pro (idFournisseur) n'est pas renseignée : choisissez votre structure.".into(),
            "The Chorus Pro supplier structure (idFournisseur) is missing: choose your structure.".into(),
        );
    }
    let identifiant = fournisseur.identifiant.trim();
    let champ = "fournisseur.identifiant";
    let mut siret = None;
    if !identifiant.is_empty() {
        // Identifier valid for its type (rules §1.8).
        let erreur: Option<(String, String)> = match fournisseur.type_identifiant {
            TypeIdentifiant::Siret => match Siret::parse(identifiant) {
                Ok(valeur) => {
                    siret = Some(valeur);
                    None
                }
                Err(e) => Some((
                    format!("SIRET invalide ({})", erreur_fr_siret(&e)),
                    e.to_string(),
                )),
            },
            TypeIdentifiant::UeHorsFrance => match TvaIntra::parse(identifiant) {
                Ok(tva) if tva.code_pays() == "FR" => Some((
                    "un fournisseur UE hors France n'a pas de numéro de TVA français".into(),
                    "an EU supplier outside France has no French VAT number".into(),
                )),
                Ok(_) => None,
                Err(e) => Some((
                    "numéro de TVA intracommunautaire invalide".into(),
                    e.to_string(),
                )),
            },
            TypeIdentifiant::Ridet => Ridet::parse(identifiant)
                .err()
                .map(|e| ("RIDET invalide (9 ou 10 caractères)".into(), e.to_string())),
            TypeIdentifiant::Tahiti => Tahiti::parse(identifiant).err().map(|e| {
                (
                    "numéro TAHITI invalide (6 caractères + rang à 3 chiffres)".into(),
                    e.to_string(),
                )
            }),
            TypeIdentifiant::HorsUe | TypeIdentifiant::Autre | TypeIdentifiant::Particulier => None,
        };
        if let Some((fr, en)) = erreur {
            constats.bloquant(
                "ID-FOURNISSEUR",
                champ,
                format!("Identifiant du fournisseur : {fr}."),
                format!("Supplier identifier: {en}."),
            );
        }
    }
    let numero_tva = fournisseur.numero_tva.trim();
    if !numero_tva.is_empty() {
        match TvaIntra::parse(numero_tva) {
            Err(erreur) => {
                // FR key and EU formats (rules §1.3, §1.4 [V1]); BR-CO-09 prefix [E1].
                let message = match erreur {
                    crate::identifiant::TvaIntraError::CleFr => {
                        "la clé ne correspond pas au SIREN".to_owned()
                    }
                    _ => "format incorrect".to_owned(),
                };
                let correction = siret.as_ref().map(|s| TvaIntra::depuis_siren(&s.siren()));
                let finding = constats.bloquant(
                    "ID-TVA",
                    "fournisseur.numeroTva",
                    format!("Le numéro de TVA intracommunautaire n'est pas valide ({message})."),
                    format!("The intra-community VAT number is invalid: {erreur}."),
                );
                if let Some(correction) = correction {
                    finding.fix(correction);
                }
            }
            Ok(tva) => {
                // Derive the expected VAT number from the SIREN and warn when it differs (rules §1.3).
                if let (Some(siret), Some(siren_tva)) = (&siret, tva.siren()) {
                    if siret.siren() != siren_tva {
                        constats
                            .avertissement(
                                "ID-TVA-SIREN",
                                "fournisseur.numeroTva",
                                "Le numéro de TVA ne correspond pas au SIREN du fournisseur."
                                    .into(),
                                "The VAT number does not match the supplier's SIREN.".into(),
                            )
                            .fix(TvaIntra::depuis_siren(&siret.siren()));
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Lines and VAT categories

fn champ_ligne(index: usize, nom: &str) -> String {
    format!("lignePoste[{index}].{nom}")
}

fn lignes(facture: &Facture, constats: &mut Constats) {
    if facture.mode_depot == ModeDepot::SaisieApi && facture.lignes.is_empty() {
        // SAISIE_API needs at least one lignePoste (spec comment [S7]); BR-16.
        constats.bloquant(
            "BR-16",
            "lignePoste",
            "Saisissez au moins une ligne de facture.".into(),
            "Enter at least one invoice line.".into(),
        );
    }
    let type_tva = facture.references.type_tva;
    for (index, ligne) in facture.lignes.iter().enumerate() {
        let n = index + 1;
        if ligne.denomination.trim().is_empty() {
            // BR-25: item name.
            constats.bloquant(
                "BR-25",
                champ_ligne(index, "lignePosteDenomination"),
                format!("Ligne {n} : indiquez la désignation."),
                format!("Line {n}: give the item name."),
            );
        }
        if decimales(ligne.quantite) > 4 {
            // BR-FR-DEC-02: quantities have at most 4 decimals.
            constats
                .bloquant(
                    "BR-FR-DEC-02",
                    champ_ligne(index, "lignePosteQuantite"),
                    format!("Ligne {n} : la quantité a plus de 4 décimales."),
                    format!("Line {n}: the quantity has more than 4 decimals."),
                )
                .fix(arrondir_quantite(ligne.quantite));
        }
        if ligne.prix_unitaire_ht < Decimal::ZERO {
            // BR-27: the item net price is never negative.
            constats.bloquant(
                "BR-27",
                champ_ligne(index, "lignePosteMontantUnitaireHT"),
                format!("Ligne {n} : le prix unitaire ne peut pas être négatif ; utilisez une remise ou un avoir."),
                format!("Line {n}: the unit price cannot be negative; use a discount or a credit note."),
            );
        }
        if decimales(ligne.remise_ht) > 2 {
            // BR-DEC-24: line allowance amount at most 2 decimals.
            constats
                .bloquant(
                    "BR-DEC-24",
                    champ_ligne(index, "lignePosteMontantRemiseHT"),
                    format!("Ligne {n} : la remise a plus de 2 décimales."),
                    format!("Line {n}: the discount has more than 2 decimals."),
                )
                .fix(arrondir_montant(ligne.remise_ht));
        }
        if ligne.remise_ht < Decimal::ZERO {
            // A line allowance (BT-136) is an amount subtracted from the line: entered positive.
            // A negative one would be a charge, which `soumettre` cannot carry.
            constats.bloquant(
                "CPP-REMISE-NEGATIVE",
                champ_ligne(index, "lignePosteMontantRemiseHT"),
                format!("Ligne {n} : une remise se saisit en montant positif."),
                format!("Line {n}: a discount is entered as a positive amount."),
            );
        }
        ligne_taux(index, ligne, type_tva, constats);
    }
}

fn ligne_taux(index: usize, ligne: &Ligne, type_tva: TypeTva, constats: &mut Constats) {
    let n = index + 1;
    let champ = champ_ligne(index, "lignePosteTauxTvaManuel");
    let categorie = ligne.categorie(type_tva);
    match (ligne.taux_tva, categorie) {
        (None, CategorieTva::O) => {}
        (Some(taux), CategorieTva::O) if !taux.is_zero() => {
            // BR-O-05: a line not subject to VAT has no rate.
            constats.bloquant(
                "BR-O-05",
                champ,
                format!("Ligne {n} : une opération non soumise à la TVA n'a pas de taux."),
                format!("Line {n}: an operation not subject to VAT has no rate."),
            );
        }
        (Some(_), CategorieTva::O) => {}
        (None, _) => {
            if ligne.code_taux_tva.is_some() {
                constats.avertissement(
                    "CPP-TAUX-CODE",
                    champ,
                    format!("Ligne {n} : seul un code de taux est donné ; les totaux par taux ne peuvent pas être vérifiés."),
                    format!("Line {n}: only a rate code is given; totals per rate cannot be checked."),
                );
            } else {
                // BR-CO-04 (category) with BR-S-05/Z-05…: each line has a VAT rate.
                constats.bloquant(
                    "BR-CO-04",
                    champ,
                    format!("Ligne {n} : indiquez le taux de TVA."),
                    format!("Line {n}: give the VAT rate."),
                );
            }
        }
        (Some(taux), CategorieTva::S) => {
            if taux <= Decimal::ZERO {
                // BR-S-05: standard rate greater than zero.
                constats.bloquant(
                    "BR-S-05",
                    champ,
                    format!("Ligne {n} : le taux normal doit être supérieur à zéro."),
                    format!("Line {n}: the standard rate must be greater than zero."),
                );
            } else if decimales(taux) > 2 {
                // BR-FR-DEC-04: rates have at most 2 decimals.
                constats.bloquant(
                    "BR-FR-DEC-04",
                    champ,
                    format!("Ligne {n} : le taux de TVA a plus de 2 décimales."),
                    format!("Line {n}: the VAT rate has more than 2 decimals."),
                );
            } else if !TAUX_TVA_FRANCAIS.contains(&taux) {
                // BR-FR-16: French rates list.
                constats.bloquant(
                    "BR-FR-16",
                    champ,
                    format!("Ligne {n} : {taux} % n'est pas un taux de TVA français (20, 10, 5,5, 2,1, 8,5…)."),
                    format!("Line {n}: {taux}% is not a French VAT rate (20, 10, 5.5, 2.1, 8.5…)."),
                );
            }
        }
        (Some(taux), categorie) => {
            if !taux.is_zero() {
                // BR-Z-05, BR-E-05, BR-AE-05, BR-IC-05, BR-G-05: rate 0 in these categories.
                constats
                    .bloquant(
                        &format!(
                            "BR-{}-05",
                            if categorie == CategorieTva::K {
                                "IC"
                            } else {
                                categorie.code()
                            }
                        ),
                        champ,
                        format!(
                            "Ligne {n} : la catégorie {} impose un taux de 0 %.",
                            categorie.code()
                        ),
                        format!(
                            "Line {n}: category {} requires a 0% rate.",
                            categorie.code()
                        ),
                    )
                    .fix("0");
            }
        }
    }
}

fn categories_tva(facture: &Facture, constats: &mut Constats) {
    let type_tva = facture.references.type_tva;
    let categories: Vec<CategorieTva> = facture
        .lignes
        .iter()
        .map(|l| l.categorie(type_tva))
        .collect();
    let a_o = categories.contains(&CategorieTva::O);
    if a_o && categories.iter().any(|c| *c != CategorieTva::O) {
        // BR-O-11…14: an invoice with category O has no other category.
        constats.bloquant(
            "BR-O-11",
            "lignePoste",
            "Une facture hors champ de TVA (catégorie O) ne peut pas mêler d'autres catégories : faites deux factures.".into(),
            "An invoice outside the scope of VAT (category O) cannot mix other categories: issue two invoices.".into(),
        );
    }
    if a_o && !facture.fournisseur.numero_tva.trim().is_empty() {
        // BR-O-02: no seller VAT identifier with category O.
        constats.bloquant(
            "BR-O-02",
            "fournisseur.numeroTva",
            "Une facture hors champ de TVA ne porte pas de numéro de TVA du vendeur.".into(),
            "An invoice outside the scope of VAT carries no seller VAT number.".into(),
        );
    }
    if type_tva == TypeTva::SansTva
        && facture
            .lignes
            .iter()
            .any(|l| l.taux_tva.is_some_and(|t| t > Decimal::ZERO))
    {
        constats.bloquant(
            "CPP-TYPE-TVA",
            "references.typeTva",
            "Le régime « sans TVA » est incompatible avec des lignes soumises à la TVA.".into(),
            "The \"no VAT\" regime contradicts lines subject to VAT.".into(),
        );
    }
    let categorie_exoneree = categories
        .iter()
        .copied()
        .find(|c| c.exige_motif_exoneration());
    let motif_requis = categorie_exoneree.is_some() || matches!(type_tva, TypeTva::Exoneration);
    let motif_vide = vide(&facture.references.motif_exoneration_tva);
    if motif_requis && motif_vide {
        // BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10: exemption reason required; the Chorus
        // regime EXONERATION also needs `motifExonerationTva` (api-reference §5.3).
        let regle = match categorie_exoneree {
            Some(CategorieTva::K) => "BR-IC-10".to_owned(),
            Some(categorie) => format!("BR-{}-10", categorie.code()),
            None => "BR-E-10".to_owned(),
        };
        constats.bloquant(
            &regle,
            "references.motifExonerationTva",
            "Indiquez le motif d'exonération de TVA (ex. « TVA non applicable, art. 293 B du CGI »).".into(),
            "Give the VAT exemption reason (e.g. \"TVA non applicable, art. 293 B du CGI\").".into(),
        );
    }
    if !motif_requis && !motif_vide && !facture.lignes.is_empty() {
        // BR-S-10 / BR-Z-10: no exemption reason on standard or zero-rated breakdowns.
        constats
            .bloquant(
                "BR-S-10",
                "references.motifExonerationTva",
                "Un motif d'exonération ne s'indique pas sur une facture soumise à la TVA : retirez-le.".into(),
                "An exemption reason does not belong on an invoice subject to VAT: remove it.".into(),
            )
            .fix("");
    }
}

// ---------------------------------------------------------------------------------------------------
// Sums

fn sommes(facture: &Facture, constats: &mut Constats) {
    let totaux = &facture.totaux;
    // BR-DEC-…: every total and breakdown amount has at most 2 decimals.
    for (champ, valeur, regle) in [
        (
            "montantTotal.montantHtTotal",
            totaux.montant_ht,
            "BR-DEC-12",
        ),
        ("montantTotal.montantTVA", totaux.montant_tva, "BR-DEC-13"),
        (
            "montantTotal.montantTtcTotal",
            totaux.montant_ttc,
            "BR-DEC-14",
        ),
        (
            "montantTotal.montantRemiseGlobaleTTC",
            totaux.remise_globale_ttc,
            "BR-DEC-01",
        ),
        (
            "montantTotal.montantAPayer",
            totaux.montant_a_payer,
            "BR-DEC-18",
        ),
    ] {
        if decimales(valeur) > 2 {
            constats
                .bloquant(
                    regle,
                    champ,
                    "Ce montant a plus de 2 décimales.".into(),
                    "This amount has more than 2 decimals.".into(),
                )
                .fix(arrondir_montant(valeur));
        }
    }
    if !totaux.remise_globale_ttc.is_zero() && vide(&totaux.motif_remise_globale) {
        // BR-33 analogue: an allowance states its reason.
        constats.avertissement(
            "BR-33",
            "montantTotal.motifRemiseGlobaleTTC",
            "Indiquez le motif de la remise globale.".into(),
            "Give the reason of the global discount.".into(),
        );
    }

    let type_tva = facture.references.type_tva;
    if !facture.lignes.is_empty() {
        // BR-CO-10 + BR-CO-13: HT total = Σ line nets (soumettre has no document-level allowance
        // or charge, so BR-CO-11/12 hold trivially), exact after rounding.
        let somme_lignes = arrondir_montant(facture.lignes.iter().map(Ligne::montant_net).sum());
        if totaux.montant_ht != somme_lignes {
            constats
                .bloquant(
                    "BR-CO-13",
                    "montantTotal.montantHtTotal",
                    format!(
                        "Le total HT ({}) n'est pas la somme des lignes ({somme_lignes}).",
                        totaux.montant_ht
                    ),
                    format!(
                        "The net total ({}) is not the sum of the lines ({somme_lignes}).",
                        totaux.montant_ht
                    ),
                )
                .fix(somme_lignes);
        }
        recapitulatif_contre_lignes(facture, type_tva, constats);
    } else if !facture.recap_tva.is_empty() {
        // Without lines (PDF modes) the breakdown still adds up to the net total: Σ BT-116 = BT-109,
        // the consequence of BR-S-08 (and siblings) with BR-CO-13 ("synthèse" consistency).
        let somme: Decimal =
            arrondir_montant(facture.recap_tva.iter().map(|g| g.montant_base_ht).sum());
        if totaux.montant_ht != somme {
            constats
                .bloquant(
                    "CPP-RECAP-BASE",
                    "montantTotal.montantHtTotal",
                    format!("Le total HT ({}) n'est pas la somme des bases du récapitulatif de TVA ({somme}).", totaux.montant_ht),
                    format!("The net total ({}) is not the sum of the VAT breakdown bases ({somme}).", totaux.montant_ht),
                )
                .fix(somme);
        }
    }
    for (index, groupe) in facture.recap_tva.iter().enumerate() {
        // BR-DEC-19 (taxable amount BT-116) and BR-DEC-20 (VAT amount BT-117): 2 decimals at most.
        for (regle, champ, valeur) in [
            (
                "BR-DEC-19",
                "ligneTvaMontantBaseHtParTaux",
                groupe.montant_base_ht,
            ),
            ("BR-DEC-20", "ligneTvaMontantTvaParTaux", groupe.montant_tva),
        ] {
            if decimales(valeur) > 2 {
                constats
                    .bloquant(
                        regle,
                        format!("ligneTva[{index}].{champ}"),
                        "Les montants du récapitulatif de TVA ont au plus 2 décimales.".into(),
                        "VAT breakdown amounts have at most 2 decimals.".into(),
                    )
                    .fix(arrondir_montant(valeur));
            }
        }
        let Some(taux) = groupe.taux else {
            continue;
        };
        // BR-CO-17 / BR-S-09: VAT = base × rate, tolerated within ±1 (strictly); a 0 % rate needs
        // a VAT amount that rounds to 0.
        let attendu = montant_tva(groupe.montant_base_ht, Some(taux));
        let ecart = (groupe.montant_tva - attendu).abs();
        let faux = if taux.is_zero() {
            !arrondir_montant(groupe.montant_tva).is_zero()
        } else {
            ecart >= Decimal::ONE
        };
        if faux {
            constats
                .bloquant(
                    "BR-CO-17",
                    format!("ligneTva[{index}].ligneTvaMontantTvaParTaux"),
                    format!(
                        "TVA à {taux} % : {} attendu pour une base de {}, {} indiqué.",
                        attendu, groupe.montant_base_ht, groupe.montant_tva
                    ),
                    format!(
                        "VAT at {taux}%: {attendu} expected on a base of {}, {} given.",
                        groupe.montant_base_ht, groupe.montant_tva
                    ),
                )
                .fix(attendu);
        }
    }
    if !facture.recap_tva.is_empty() {
        // BR-CO-14: VAT total = Σ breakdown VAT amounts, exact.
        let somme: Decimal =
            arrondir_montant(facture.recap_tva.iter().map(|g| g.montant_tva).sum());
        if totaux.montant_tva != somme {
            constats
                .bloquant(
                    "BR-CO-14",
                    "montantTotal.montantTVA",
                    format!(
                        "Le total de TVA ({}) n'est pas la somme du récapitulatif ({somme}).",
                        totaux.montant_tva
                    ),
                    format!(
                        "The VAT total ({}) is not the sum of the breakdown ({somme}).",
                        totaux.montant_tva
                    ),
                )
                .fix(somme);
        }
    }
    // BR-CO-15: TTC = HT + TVA, exact.
    let ttc = arrondir_montant(totaux.montant_ht + totaux.montant_tva);
    if totaux.montant_ttc != ttc {
        constats
            .bloquant(
                "BR-CO-15",
                "montantTotal.montantTtcTotal",
                format!(
                    "Le total TTC ({}) doit valoir HT + TVA = {ttc}.",
                    totaux.montant_ttc
                ),
                format!(
                    "The gross total ({}) must equal net + VAT = {ttc}.",
                    totaux.montant_ttc
                ),
            )
            .fix(ttc);
    }
    // BR-CO-16: amount due = TTC − global discount (paid amount = 0), exact. The A2 case (already
    // paid, nothing due) is reported by its own cadre rule.
    if facture.cadre.code != CodeCadre::A2FactureFournisseurDejaPayee {
        let attendu = facture.montant_a_payer_attendu();
        if totaux.montant_a_payer != attendu {
            constats
                .bloquant(
                    "BR-CO-16",
                    "montantTotal.montantAPayer",
                    format!(
                        "Le net à payer ({}) doit valoir TTC − remise globale = {attendu}.",
                        totaux.montant_a_payer
                    ),
                    format!(
                        "The amount due ({}) must equal gross total − global discount = {attendu}.",
                        totaux.montant_a_payer
                    ),
                )
                .fix(attendu);
        }
    }
}

/// BR-CO-18 and BR-S-08 (and siblings): one breakdown group per (category, rate) of the lines, with
/// taxable = Σ line nets of the group, exact. Groups are matched on (category, rate) when every
/// breakdown entry carries its category; otherwise on the rate alone, as the `soumettre` body
/// (which has no category) does, adding up entries and lines of the same rate.
fn recapitulatif_contre_lignes(facture: &Facture, type_tva: TypeTva, constats: &mut Constats) {
    let attendu = recap_tva(&facture.lignes, type_tva);
    if facture.recap_tva.is_empty() {
        constats.bloquant(
            "BR-CO-18",
            "ligneTva",
            "Le récapitulatif de TVA par taux manque.".into(),
            "The VAT breakdown per rate is missing.".into(),
        );
        return;
    }
    let par_categorie = facture.recap_tva.iter().all(|g| g.categorie_tva.is_some());
    type Cle = (Option<CategorieTva>, Option<Decimal>);
    let cle = |categorie: Option<CategorieTva>, taux: Option<Decimal>| -> Cle {
        (
            categorie.filter(|_| par_categorie),
            taux.map(|t| t.normalize()),
        )
    };
    // Entries given: first index and total base per key.
    let mut donnes: BTreeMap<Cle, (usize, Decimal)> = BTreeMap::new();
    for (index, groupe) in facture.recap_tva.iter().enumerate() {
        let entree = donnes
            .entry(cle(groupe.categorie_tva, groupe.taux))
            .or_insert((index, Decimal::ZERO));
        if entree.0 != index && par_categorie {
            constats.bloquant(
                "BR-S-08",
                format!("ligneTva[{index}].ligneTvaTauxManuel"),
                "Ce taux apparaît deux fois dans le récapitulatif de TVA.".into(),
                "This rate appears twice in the VAT breakdown.".into(),
            );
        }
        entree.1 += groupe.montant_base_ht;
    }
    let mut bases_attendues: BTreeMap<Cle, Decimal> = BTreeMap::new();
    for groupe in &attendu {
        *bases_attendues
            .entry(cle(groupe.categorie_tva, groupe.taux))
            .or_default() += groupe.montant_base_ht;
    }
    for (cle_attendue, base) in &bases_attendues {
        let libelle = cle_attendue
            .1
            .map_or("sans taux".to_owned(), |t| format!("{t} %"));
        match donnes.get(cle_attendue) {
            None => {
                constats.bloquant(
                    "BR-CO-18",
                    "ligneTva",
                    format!("Le récapitulatif de TVA n'a pas de ligne pour le taux {libelle} (base {base})."),
                    format!("The VAT breakdown has no entry for rate {libelle} (base {base})."),
                );
            }
            Some((index, indique)) if indique != base => {
                constats
                    .bloquant(
                        "BR-S-08",
                        format!("ligneTva[{index}].ligneTvaMontantBaseHtParTaux"),
                        format!("La base HT au taux {libelle} doit être la somme des lignes à ce taux : {base}."),
                        format!("The taxable amount at rate {libelle} must be the sum of the lines at that rate: {base}."),
                    )
                    .fix(base);
            }
            Some(_) => {}
        }
    }
    for (cle_donnee, (index, _)) in &donnes {
        if !bases_attendues.contains_key(cle_donnee) {
            constats.bloquant(
                "BR-S-08",
                format!("ligneTva[{index}]"),
                "Aucune ligne de facture n'a ce taux : retirez cette ligne du récapitulatif."
                    .into(),
                "No invoice line has this rate: remove this breakdown entry.".into(),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Attachments

fn nom_piece(nom: &str, champ: String, constats: &mut Constats) {
    let nom = nom.trim();
    let longueur = nom.chars().count();
    if nom.is_empty() {
        constats.bloquant(
            "CPP-PJ-NOM",
            champ,
            "La pièce jointe n'a pas de nom.".into(),
            "The attachment has no name.".into(),
        );
        return;
    }
    if longueur > LONGUEUR_MAX_NOM_PIECE {
        // File name ≤ 50 chars including the extension [C1] (api-reference §7).
        constats.bloquant(
            "CPP-PJ-NOM-LONGUEUR",
            champ.clone(),
            format!("Le nom « {nom} » a {longueur} caractères ; 50 au plus, extension comprise."),
            format!(
                "Name \"{nom}\" has {longueur} characters; at most 50 including the extension."
            ),
        );
    }
    let extension = nom.rsplit_once('.').map(|(_, e)| e.to_ascii_uppercase());
    match extension {
        Some(e) if EXTENSIONS_AUTORISEES.contains(&e.as_str()) => {}
        _ => {
            // Extension mandatory and in the allowed list [C1][S4][S6] (api-reference §7).
            constats.bloquant(
                "CPP-PJ-EXTENSION",
                champ,
                format!("« {nom} » : extension absente ou refusée par Chorus Pro (PDF, JPG, PNG, XML, ZIP, DOCX, XLSX, ODT…)."),
                format!("\"{nom}\": missing extension or one Chorus Pro refuses (PDF, JPG, PNG, XML, ZIP, DOCX, XLSX, ODT…)."),
            );
        }
    }
}

fn taille_piece(taille: Option<u64>, champ: String, constats: &mut Constats) {
    match taille {
        Some(0) => {
            // No empty file [C1].
            constats.bloquant(
                "CPP-PJ-VIDE",
                champ,
                "Le fichier est vide.".into(),
                "The file is empty.".into(),
            );
        }
        Some(octets) if octets > TAILLE_MAX_PIECE => {
            // 10 MB per file: deposer/pdf answers 413, ajouter/fichier 20003 (api-reference §7).
            constats.bloquant(
                "CPP-PJ-TAILLE",
                champ,
                format!(
                    "Le fichier pèse {} Mo ; 10 Mo au plus.",
                    octets / (1024 * 1024)
                ),
                format!(
                    "The file weighs {} MB; at most 10 MB.",
                    octets / (1024 * 1024)
                ),
            );
        }
        _ => {}
    }
}

fn pieces_jointes(facture: &Facture, constats: &mut Constats) {
    if facture.mode_depot != ModeDepot::SaisieApi && facture.piece_jointe_principale.is_empty() {
        // PDF modes submit the PDF deposited with deposer/pdf (api-reference §3.1, §3.2 [S5][S8]).
        constats.bloquant(
            "CPP-PJ-PRINCIPALE",
            "pieceJointePrincipale",
            "Joignez la facture PDF.".into(),
            "Attach the invoice PDF.".into(),
        );
    }
    let mut total: u64 = 0;
    for (index, piece) in facture.piece_jointe_principale.iter().enumerate() {
        nom_piece(
            &piece.designation,
            format!("pieceJointePrincipale[{index}].pieceJointePrincipaleDesignation"),
            constats,
        );
        taille_piece(
            piece.taille_octets,
            format!("pieceJointePrincipale[{index}]"),
            constats,
        );
        total = total.saturating_add(piece.taille_octets.unwrap_or(0));
    }
    for (index, piece) in facture.pieces_jointes.iter().enumerate() {
        nom_piece(
            &piece.designation,
            format!("pieceJointeComplementaire[{index}].pieceJointeComplementaireDesignation"),
            constats,
        );
        taille_piece(
            piece.taille_octets,
            format!("pieceJointeComplementaire[{index}]"),
            constats,
        );
        total = total.saturating_add(piece.taille_octets.unwrap_or(0));
    }
    if total > TAILLE_MAX_TOTALE {
        // Invoice + attachments ≤ 120 MB [C1] (api-reference §7).
        constats.bloquant(
            "CPP-PJ-TAILLE-TOTALE",
            "pieceJointeComplementaire",
            format!(
                "La facture et ses pièces jointes pèsent {} Mo ; 120 Mo au plus.",
                total / (1024 * 1024)
            ),
            format!(
                "The invoice and its attachments weigh {} MB; at most 120 MB.",
                total / (1024 * 1024)
            ),
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// 2026 mentions

/// The four mentions of décret 2022-1299 (rules §2.3 \[L1\]), as warnings.
fn mentions_2026(facture: &Facture, constats: &mut Constats) {
    let mentions = &facture.mentions;
    // 1. The client's SIREN: derived from the recipient SIRET; only missing when that is unusable.
    if Siret::parse(&facture.destinataire.code_destinataire).is_err() {
        constats.avertissement(
            "FR-2026-SIREN-CLIENT",
            "destinataire.codeDestinataire",
            "Mention obligatoire 2026 : le SIREN du client doit figurer sur la facture (il se déduit de son SIRET).".into(),
            "2026 mandatory mention: the client's SIREN must appear on the invoice (it comes from its SIRET).".into(),
        );
    }
    // 3. Nature of the operations: goods, services or both.
    match mentions.nature_operations {
        None => {
            constats.avertissement(
                "FR-2026-NATURE",
                "mentions.natureOperations",
                "Mention obligatoire 2026 : précisez si la facture porte sur des biens, des services ou les deux.".into(),
                "2026 mandatory mention: state whether the invoice covers goods, services or both.".into(),
            );
        }
        // 2. Delivery address when it differs from the client's address (goods only).
        Some(NatureOperations::Biens | NatureOperations::Mixte) => {
            match mentions.livraison_adresse_differente {
                None => {
                    constats.avertissement(
                    "FR-2026-LIVRAISON",
                    "mentions.adresseLivraison",
                    "Mention obligatoire 2026 : les biens sont-ils livrés à une autre adresse que celle du client ?".into(),
                    "2026 mandatory mention: are the goods delivered to another address than the client's?".into(),
                );
                }
                Some(true) if vide(&mentions.adresse_livraison) => {
                    constats.avertissement(
                        "FR-2026-LIVRAISON",
                        "mentions.adresseLivraison",
                        "Mention obligatoire 2026 : indiquez l'adresse de livraison.".into(),
                        "2026 mandatory mention: give the delivery address.".into(),
                    );
                }
                Some(_) => {}
            }
        }
        Some(NatureOperations::Services) => {}
    }
    // 4. "Option pour le paiement de la taxe d'après les débits".
    if facture.fournisseur.option_tva_debits && facture.references.type_tva != TypeTva::TvaSurDebit
    {
        constats
            .avertissement(
                "FR-2026-OPTION-DEBITS",
                "references.typeTva",
                "Mention obligatoire 2026 : vous avez opté pour la TVA d'après les débits ; choisissez « TVA sur les débits ».".into(),
                "2026 mandatory mention: you opted to pay VAT on debits; choose \"VAT on debits\".".into(),
            )
            .fix("TVA_SUR_DEBIT");
    }
}

#[cfg(test)]
mod tests;
