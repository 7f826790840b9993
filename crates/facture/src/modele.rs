//! The invoice model behind the SPA forms, mapped 1:1 to the Chorus Pro `soumettre` body.
//!
//! Identifiers are kept as typed (strings) so that [`crate::regles::check`] can address a message to
//! the input that holds a wrong value; amounts are [`Decimal`], dates [`NaiveDate`]. Fields marked
//! *(hors soumettre)* are not carried by the `soumettre` body (Chorus Pro knows them from the supplier
//! structure or does not need them) but feed the checks and the payment clock.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One invoice (or credit note) being prepared.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Facture {
    /// `modeDepot`: how the invoice is submitted.
    pub mode_depot: ModeDepot,
    /// `numeroFactureSaisi`: the supplier's invoice number (empty when Chorus numbers it, SAISIE_API).
    pub numero_facture: String,
    /// `dateFacture`: issue date.
    pub date_facture: Option<NaiveDate>,
    /// *(hors soumettre)* Due date printed on the invoice (BT-9).
    pub date_echeance: Option<NaiveDate>,
    /// The supplier.
    pub fournisseur: Fournisseur,
    /// The public recipient.
    pub destinataire: Destinataire,
    /// `cadreDeFacturation`.
    pub cadre: Cadre,
    /// `references`.
    pub references: References,
    /// `lignePoste`: the lines (none in PDF modes, at least one in SAISIE_API).
    pub lignes: Vec<Ligne>,
    /// `ligneTva`: the VAT breakdown, one group per rate.
    pub recap_tva: Vec<LigneTva>,
    /// `montantTotal`.
    pub totaux: Totaux,
    /// `pieceJointePrincipale`: the invoice PDF (one in PDF modes).
    pub piece_jointe_principale: Vec<PieceJointePrincipale>,
    /// `pieceJointeComplementaire`: other attachments.
    pub pieces_jointes: Vec<PieceJointe>,
    /// `commentaire`: free text.
    pub commentaire: Option<String>,
    /// `idUtilisateurCourant`: the Chorus Pro user id, when known.
    pub id_utilisateur_courant: Option<i64>,
    /// *(hors soumettre)* The four mentions due with the 2026 reform (décret 2022-1299).
    pub mentions: Mentions,
}

/// `modeDepot` of `soumettre` (api-reference §5.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ModeDepot {
    /// `SAISIE_API`: structured lines, Chorus generates the PDF and the number.
    SaisieApi,
    /// `DEPOT_PDF_API`: the supplier's PDF deposited with `deposer/pdf` first.
    #[default]
    DepotPdfApi,
    /// `DEPOT_PDF_SIGNE_API`: same with a signed PDF.
    DepotPdfSigneApi,
}

/// The supplier. Only the three Chorus ids travel in `soumettre`; the rest is checked locally.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Fournisseur {
    /// `fournisseur.idFournisseur`: the supplier's `idStructureCPP`.
    pub id_fournisseur: Option<i64>,
    /// `fournisseur.idServiceFournisseur`.
    pub id_service_fournisseur: Option<i64>,
    /// `fournisseur.codeCoordonneesBancairesFournisseur`: id of the bank account registered in Chorus.
    pub code_coordonnees_bancaires: Option<i64>,
    /// *(hors soumettre)* Kind of identifier (`typeIdentifiantStructure`).
    pub type_identifiant: TypeIdentifiant,
    /// *(hors soumettre)* The identifier itself (SIRET, EU VAT number, RIDET, TAHITI…), as typed.
    pub identifiant: String,
    /// *(hors soumettre)* Company name.
    pub raison_sociale: String,
    /// *(hors soumettre)* Intra-community VAT number, as typed; empty when not VAT-registered.
    pub numero_tva: String,
    /// *(hors soumettre)* IBAN of the account to pay, as typed.
    pub iban: String,
    /// *(hors soumettre)* BIC, as typed.
    pub bic: String,
    /// *(hors soumettre)* The supplier opted to pay VAT on debits (CGI art. 269; 4th 2026 mention).
    pub option_tva_debits: bool,
}

/// Chorus Pro structure identifier types (`typeIdentifiantStructure`, rules §1.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TypeIdentifiant {
    /// French establishment: 14-digit SIRET.
    #[default]
    Siret,
    /// EU company without SIRET: EU VAT number.
    UeHorsFrance,
    /// Company outside the EU: free identifier.
    HorsUe,
    /// New Caledonia.
    Ridet,
    /// French Polynesia.
    Tahiti,
    /// Other.
    Autre,
    /// Private individual.
    Particulier,
}

/// `destinataire`: the public structure and its service.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Destinataire {
    /// `destinataire.codeDestinataire`: the recipient's SIRET.
    pub code_destinataire: String,
    /// `destinataire.codeServiceExecutant`: the service code, when any.
    pub code_service: Option<String>,
}

/// `cadreDeFacturation`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Cadre {
    /// `codeCadreFacturation`.
    pub code: CodeCadre,
    /// `codeStructureValideur`: the titulaire (A9) or mandataire (A12) SIRET.
    pub code_structure_valideur: Option<String>,
    /// `codeServiceValideur`.
    pub code_service_valideur: Option<String>,
}

/// The billing frameworks `soumettre` accepts (api-reference §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CodeCadre {
    /// `A1_FACTURE_FOURNISSEUR`.
    #[default]
    A1FactureFournisseur,
    /// `A2_FACTURE_FOURNISSEUR_DEJA_PAYEE`: already paid.
    A2FactureFournisseurDejaPayee,
    /// `A9_FACTURE_SOUSTRAITANT`: sub-contractor, validated by the titulaire.
    A9FactureSoustraitant,
    /// `A12_FACTURE_COTRAITANT`: co-contractor, validated by the mandataire.
    A12FactureCotraitant,
}

/// `references`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct References {
    /// `deviseFacture`: ISO 4217 code.
    pub devise_facture: String,
    /// `typeFacture`.
    pub type_facture: TypeFacture,
    /// `typeTva`.
    pub type_tva: TypeTva,
    /// `motifExonerationTva`: the exemption reason (required for E/AE/K/G/O categories).
    pub motif_exoneration_tva: Option<String>,
    /// `numeroMarche`.
    pub numero_marche: Option<String>,
    /// `numeroBonCommande`: the engagement juridique number (EJ).
    pub numero_engagement: Option<String>,
    /// `numeroFactureOrigine`: the invoice a credit note cancels.
    pub numero_facture_origine: Option<String>,
    /// `modePaiement`.
    pub mode_paiement: Option<ModePaiement>,
}

impl Default for References {
    fn default() -> Self {
        References {
            devise_facture: "EUR".to_owned(),
            type_facture: TypeFacture::Facture,
            type_tva: TypeTva::TvaSurDebit,
            motif_exoneration_tva: None,
            numero_marche: None,
            numero_engagement: None,
            numero_facture_origine: None,
            mode_paiement: None,
        }
    }
}

/// `typeFacture` of `soumettre` (api-reference §5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TypeFacture {
    /// `FACTURE`.
    #[default]
    Facture,
    /// `AVOIR`: credit note, positive amounts, refers to the original invoice.
    Avoir,
}

/// `typeTva` (api-reference §5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TypeTva {
    /// `TVA_SUR_DEBIT`: VAT due on invoicing (the supplier opted for debits, or sells goods).
    #[default]
    TvaSurDebit,
    /// `TVA_SUR_ENCAISSEMENT`: VAT due on payment (services by default).
    TvaSurEncaissement,
    /// `EXONERATION`: exempt.
    Exoneration,
    /// `SANS_TVA`: not subject to VAT.
    SansTva,
}

/// `modePaiement` (api-reference §5.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModePaiement {
    /// `CHEQUE`.
    Cheque,
    /// `PRELEVEMENT`.
    Prelevement,
    /// `VIREMENT`: needs an IBAN.
    Virement,
    /// `ESPECE`.
    Espece,
    /// `AUTRE`.
    Autre,
    /// `REPORT`.
    Report,
}

/// One `lignePoste`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Ligne {
    /// `lignePosteNumero`: 1-based line number.
    pub numero: i32,
    /// `lignePosteReference`: the supplier's item reference.
    pub reference: Option<String>,
    /// `lignePosteDenomination`: what is sold.
    pub denomination: String,
    /// `lignePosteQuantite`.
    pub quantite: Decimal,
    /// `lignePosteUnite`.
    pub unite: Option<String>,
    /// `lignePosteMontantUnitaireHT`: net unit price (never negative, BR-27).
    pub prix_unitaire_ht: Decimal,
    /// `lignePosteMontantRemiseHT`: discount on the whole line, excluding VAT.
    pub remise_ht: Decimal,
    /// `lignePosteTauxTvaManuel`: VAT rate in percent (absent for category O).
    pub taux_tva: Option<Decimal>,
    /// `lignePosteTauxTva`: Chorus rate code from `recuperer/tauxtva`, when used instead of the rate.
    pub code_taux_tva: Option<String>,
    /// *(hors soumettre)* EN 16931 VAT category; `None` derives it from the rate and `typeTva`.
    pub categorie_tva: Option<CategorieTva>,
}

/// EN 16931 VAT category codes allowed in France (BR-FR-15: S, E, AE, K, G, O, Z; rules §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CategorieTva {
    /// `S`: standard rate, > 0.
    S,
    /// `Z`: zero-rated.
    Z,
    /// `E`: exempt (e.g. franchise en base, art. 293 B du CGI).
    E,
    /// `AE`: reverse charge (autoliquidation).
    AE,
    /// `K`: intra-community supply.
    K,
    /// `G`: export outside the EU.
    G,
    /// `O`: not subject to VAT.
    O,
}

impl CategorieTva {
    /// The UNCL 5305 code.
    pub fn code(self) -> &'static str {
        match self {
            CategorieTva::S => "S",
            CategorieTva::Z => "Z",
            CategorieTva::E => "E",
            CategorieTva::AE => "AE",
            CategorieTva::K => "K",
            CategorieTva::G => "G",
            CategorieTva::O => "O",
        }
    }

    /// Whether an exemption reason (BT-120/121) is required (true) or forbidden (false), BR-E-10,
    /// BR-AE-10, BR-IC-10, BR-G-10, BR-O-10, BR-S-10, BR-Z-10.
    pub fn exige_motif_exoneration(self) -> bool {
        !matches!(self, CategorieTva::S | CategorieTva::Z)
    }
}

/// One `ligneTva`: the VAT breakdown for one (category, rate).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LigneTva {
    /// `ligneTvaTauxManuel`: rate in percent.
    pub taux: Option<Decimal>,
    /// `ligneTvaTaux`: Chorus rate code, when used.
    pub code_taux: Option<String>,
    /// `ligneTvaMontantBaseHtParTaux`: taxable amount (BT-116).
    pub montant_base_ht: Decimal,
    /// `ligneTvaMontantTvaParTaux`: VAT amount (BT-117).
    pub montant_tva: Decimal,
    /// *(hors soumettre)* Category of the group, as computed.
    pub categorie_tva: Option<CategorieTva>,
}

/// `montantTotal`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Totaux {
    /// `montantHtTotal` (BT-109).
    pub montant_ht: Decimal,
    /// `montantTVA` (BT-110).
    pub montant_tva: Decimal,
    /// `montantTtcTotal` (BT-112).
    pub montant_ttc: Decimal,
    /// `montantRemiseGlobaleTTC`: global discount taken off the TTC total.
    pub remise_globale_ttc: Decimal,
    /// `motifRemiseGlobaleTTC`.
    pub motif_remise_globale: Option<String>,
    /// `montantAPayer` (BT-115): TTC − global discount, 0 when already paid (A2).
    pub montant_a_payer: Decimal,
}

/// One `pieceJointePrincipale` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PieceJointePrincipale {
    /// `pieceJointePrincipaleDesignation`: the file name shown.
    pub designation: String,
    /// `pieceJointePrincipaleId`: the id returned by `deposer/pdf`.
    pub id: Option<i64>,
    /// *(hors soumettre)* Size in bytes, when the file is at hand.
    pub taille_octets: Option<u64>,
}

/// One `pieceJointeComplementaire` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PieceJointe {
    /// `pieceJointeComplementaireDesignation`: the file name shown (≤ 50 chars with extension).
    pub designation: String,
    /// `pieceJointeComplementaireType`.
    pub type_piece: Option<String>,
    /// `pieceJointeComplementaireNumeroLigneFacture`: the line it documents, if any.
    pub numero_ligne_facture: Option<i32>,
    /// `pieceJointeComplementaireId`: id returned by `ajouter/fichier`.
    pub id: Option<i64>,
    /// `pieceJointeComplementaireIdLiaison`.
    pub id_liaison: Option<i64>,
    /// *(hors soumettre)* Size in bytes, when the file is at hand.
    pub taille_octets: Option<u64>,
}

/// The mentions added by décret 2022-1299 (rules §2.3), checked as warnings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Mentions {
    /// Nature of the operations: goods, services or both.
    pub nature_operations: Option<NatureOperations>,
    /// Whether goods are delivered elsewhere than the client's address (`None`: not answered).
    pub livraison_adresse_differente: Option<bool>,
    /// The delivery address, when different.
    pub adresse_livraison: Option<String>,
}

/// Nature of the operations (2026 mention; BT-23 prefix B/S/M).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NatureOperations {
    /// Goods only.
    Biens,
    /// Services only.
    Services,
    /// Both.
    Mixte,
}
