//! Works invoices (« factures de travaux », CCAG-Travaux) as a construction software sends them: one
//! [`SituationTravaux`] per month, lot and contract, its amounts ([`montants`]) and whether it can go
//! to Chorus Pro now ([`transmissibilite`]): sent, being sent (cancellable until the scheduled time),
//! ready, missing information (listed exactly), or waiting for validations.
//!
//! ```
//! use facture::travaux::{montants, transmissibilite, SituationTravaux, Transmissibilite};
//! use rust_decimal_macros::dec;
//!
//! let mut s = SituationTravaux::default();
//! s.prevision_ht = Some(dec!(120000));
//! s.avancement = Some(dec!(35));
//! s.deja_facture_ht = dec!(30000);
//! s.taux_tva = Some(dec!(20));
//! let m = montants(&s);
//! assert_eq!(m.acompte_ht, dec!(12000.00));
//! assert_eq!(m.net_a_payer, dec!(13680.00)); // 14 400 TTC less 5 % retenue de garantie
//! let maintenant = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
//! assert!(matches!(transmissibilite(&s, maintenant), Transmissibilite::InformationsManquantes { .. }));
//! ```

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::identifiant::Siret;
use crate::montant::arrondir_montant;

/// Default delay between the final validation and the automatic sending, in minutes.
pub const DELAI_ENVOI_DEFAUT_MINUTES: i64 = 60;
/// Longest delay a user may choose (one week), in minutes.
pub const DELAI_ENVOI_MAX_MINUTES: i64 = 7 * 24 * 60;
/// Default rate of the retenue de garantie (CCAG-Travaux: 5 % at most).
pub const TAUX_RETENUE_GARANTIE_DEFAUT: Decimal = Decimal::from_parts(5, 0, 0, false, 0);
/// Longest invoice number Chorus Pro takes.
pub const NUMERO_LONGUEUR_MAX: usize = 20;

/// The works pieces a supplier sends (`codeCadreFacturation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CadreTravaux {
    /// A4: monthly projet de décompte of the titulaire.
    #[default]
    #[serde(rename = "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR")]
    ProjetDecompteMensuel,
    /// A7: final projet de décompte of the titulaire.
    #[serde(rename = "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR")]
    ProjetDecompteFinal,
    /// A10: monthly projet de décompte of a sub-contractor.
    #[serde(rename = "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT")]
    ProjetDecompteMensuelSousTraitant,
    /// A13: monthly projet de décompte of a co-contractor.
    #[serde(rename = "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT")]
    ProjetDecompteMensuelCotraitant,
}

impl CadreTravaux {
    /// Every cadre, in the portal's order.
    pub const TOUS: [CadreTravaux; 4] = [
        CadreTravaux::ProjetDecompteMensuel,
        CadreTravaux::ProjetDecompteFinal,
        CadreTravaux::ProjetDecompteMensuelSousTraitant,
        CadreTravaux::ProjetDecompteMensuelCotraitant,
    ];

    /// The Chorus Pro code.
    pub fn code(self) -> &'static str {
        match self {
            CadreTravaux::ProjetDecompteMensuel => "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",
            CadreTravaux::ProjetDecompteFinal => "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR",
            CadreTravaux::ProjetDecompteMensuelSousTraitant => {
                "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT"
            }
            CadreTravaux::ProjetDecompteMensuelCotraitant => {
                "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT"
            }
        }
    }

    /// The cadre of a code.
    pub fn depuis_code(code: &str) -> Option<CadreTravaux> {
        CadreTravaux::TOUS.into_iter().find(|c| c.code() == code)
    }
}

/// Who validated a piece, and when (sandbox time, `YYYY-MM-DDTHH:MM:SS`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Validation {
    /// The user's name.
    pub par: String,
    /// When.
    pub le: NaiveDateTime,
}

/// A works piece (situation de travaux), as the construction software fills it and the portal stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SituationTravaux {
    /// Id given by the server.
    pub id: i64,
    /// Supplier structure (`idStructureCPP`).
    #[serde(rename = "idStructureCPP")]
    pub id_structure: i64,
    /// The piece's cadre.
    pub cadre: CadreTravaux,
    /// Number of the payment request (≤ 20 characters).
    pub numero: String,
    /// Month of the works (first day).
    pub mois: Option<NaiveDate>,
    /// Lot (e.g. « Lot 03 — Menuiseries »).
    pub lot: String,
    /// Company doing the works.
    pub entreprise: String,
    /// Contract number.
    pub numero_marche: String,
    /// Ordre de service number.
    pub ordre_service: String,
    /// The maître d'ouvrage (recipient) SIRET.
    pub siret_destinataire: String,
    /// Its service code, when required.
    pub code_service: String,
    /// Engagement juridique, when required.
    pub numero_engagement: String,
    /// The maître d'œuvre's SIRET: it checks the projet de décompte first.
    pub siret_moe: String,
    /// Forecast amount of the lot excluding VAT (the contract's price).
    pub prevision_ht: Option<Decimal>,
    /// Cumulative progress in percent (0 to 100).
    pub avancement: Option<Decimal>,
    /// Amount excluding VAT already invoiced by the previous pieces.
    pub deja_facture_ht: Decimal,
    /// Penalties and other deductions excluding VAT.
    pub penalites_ht: Decimal,
    /// VAT rate in percent (unless reverse-charged).
    pub taux_tva: Option<Decimal>,
    /// VAT reverse-charged (autoliquidation, sub-contractor in construction).
    pub autoliquidation: bool,
    /// Retenue de garantie in percent of the amount including VAT (0 when a bank guarantee replaces it).
    pub taux_retenue_garantie: Decimal,
    /// The site manager's validation (conducteur de travaux).
    pub validation_conducteur: Option<Validation>,
    /// The final validation, which allows the sending.
    pub validation_finale: Option<Validation>,
    /// When the automatic sending is due; set by the final validation, cleared by a cancellation.
    pub envoi_prevu_le: Option<NaiveDateTime>,
    /// When it was sent.
    pub transmise_le: Option<NaiveDateTime>,
    /// The invoice created in Chorus Pro.
    #[serde(rename = "identifiantFactureCPP")]
    pub identifiant_facture_cpp: Option<i64>,
}

impl Default for SituationTravaux {
    fn default() -> Self {
        SituationTravaux {
            id: 0,
            id_structure: 0,
            cadre: CadreTravaux::default(),
            numero: String::new(),
            mois: None,
            lot: String::new(),
            entreprise: String::new(),
            numero_marche: String::new(),
            ordre_service: String::new(),
            siret_destinataire: String::new(),
            code_service: String::new(),
            numero_engagement: String::new(),
            siret_moe: String::new(),
            prevision_ht: None,
            avancement: None,
            deja_facture_ht: Decimal::ZERO,
            penalites_ht: Decimal::ZERO,
            taux_tva: None,
            autoliquidation: false,
            taux_retenue_garantie: TAUX_RETENUE_GARANTIE_DEFAUT,
            validation_conducteur: None,
            validation_finale: None,
            envoi_prevu_le: None,
            transmise_le: None,
            identifiant_facture_cpp: None,
        }
    }
}

/// The amounts of a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MontantsSituation {
    /// Works done to date excluding VAT: forecast × progress.
    pub cumul_ht: Decimal,
    /// This piece excluding VAT: to date, less already invoiced, less penalties.
    pub acompte_ht: Decimal,
    /// VAT (0 when reverse-charged).
    pub tva: Decimal,
    /// This piece including VAT.
    pub acompte_ttc: Decimal,
    /// Retenue de garantie held back.
    pub retenue_garantie: Decimal,
    /// What the maître d'ouvrage pays.
    pub net_a_payer: Decimal,
}

/// The amounts of a piece, each rounded to the cent (missing figures count as zero).
pub fn montants(s: &SituationTravaux) -> MontantsSituation {
    let cent = Decimal::ONE_HUNDRED;
    let cumul_ht = arrondir_montant(
        s.prevision_ht.unwrap_or_default() * s.avancement.unwrap_or_default() / cent,
    );
    let acompte_ht = arrondir_montant(cumul_ht - s.deja_facture_ht - s.penalites_ht);
    let tva = if s.autoliquidation {
        Decimal::ZERO
    } else {
        arrondir_montant(acompte_ht * s.taux_tva.unwrap_or_default() / cent)
    };
    let acompte_ttc = acompte_ht + tva;
    let retenue_garantie = arrondir_montant(acompte_ttc * s.taux_retenue_garantie / cent);
    MontantsSituation {
        cumul_ht,
        acompte_ht,
        tva,
        acompte_ttc,
        retenue_garantie,
        net_a_payer: acompte_ttc - retenue_garantie,
    }
}

/// A piece of information a piece lacks before it can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Manque {
    /// No number.
    Numero,
    /// More than 20 characters, or characters Chorus Pro refuses.
    NumeroInvalide,
    /// No month.
    Mois,
    /// No lot.
    Lot,
    /// No contract number.
    NumeroMarche,
    /// No ordre de service.
    OrdreService,
    /// The maître d'ouvrage's SIRET is missing or wrong.
    SiretDestinataire,
    /// The maître d'œuvre's SIRET is missing or wrong.
    SiretMoe,
    /// No forecast amount.
    Prevision,
    /// No progress, or not between 0 and 100 %.
    Avancement,
    /// No VAT rate (and not reverse-charged).
    TauxTva,
    /// The amount to date is below what was already invoiced: nothing to ask.
    AcompteNegatif,
}

/// A validation a complete piece still waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActionRequise {
    /// The conducteur de travaux validates the progress.
    ValidationConducteur,
    /// The final validation (by someone who may send).
    ValidationFinale,
}

/// Whether a piece can go to Chorus Pro.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "etat",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
pub enum Transmissibilite {
    /// Sent.
    Transmise {
        /// When.
        le: NaiveDateTime,
    },
    /// Validated, sent automatically at `prevu_le`; cancellable until then.
    EnCoursDeTransmission {
        /// When it goes.
        prevu_le: NaiveDateTime,
        /// Minutes left, rounded up (0 once due).
        minutes_restantes: i64,
    },
    /// Complete and validated: one click sends it.
    PreteATransmettre,
    /// These are missing, in the form's order.
    InformationsManquantes {
        /// What is missing.
        manques: Vec<Manque>,
    },
    /// Complete, waiting for these validations.
    ApresActions {
        /// What must be done.
        actions: Vec<ActionRequise>,
    },
}

/// Characters Chorus Pro accepts in an invoice number.
fn numero_valide(numero: &str) -> bool {
    numero.chars().count() <= NUMERO_LONGUEUR_MAX
        && numero
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | ' '))
}

fn vide(texte: &str) -> bool {
    texte.trim().is_empty()
}

/// Everything a piece lacks before it can be sent, in the form's order (empty when complete).
pub fn manques(s: &SituationTravaux) -> Vec<Manque> {
    let mut liste = Vec::new();
    if vide(&s.numero) {
        liste.push(Manque::Numero);
    } else if !numero_valide(s.numero.trim()) {
        liste.push(Manque::NumeroInvalide);
    }
    if s.mois.is_none() {
        liste.push(Manque::Mois);
    }
    if vide(&s.lot) {
        liste.push(Manque::Lot);
    }
    if vide(&s.numero_marche) {
        liste.push(Manque::NumeroMarche);
    }
    if vide(&s.ordre_service) {
        liste.push(Manque::OrdreService);
    }
    if Siret::parse(&s.siret_destinataire).is_err() {
        liste.push(Manque::SiretDestinataire);
    }
    if Siret::parse(&s.siret_moe).is_err() {
        liste.push(Manque::SiretMoe);
    }
    if s.prevision_ht.is_none_or(|p| p <= Decimal::ZERO) {
        liste.push(Manque::Prevision);
    }
    if s.avancement
        .is_none_or(|a| a <= Decimal::ZERO || a > Decimal::ONE_HUNDRED)
    {
        liste.push(Manque::Avancement);
    }
    if !s.autoliquidation && s.taux_tva.is_none_or(|t| t < Decimal::ZERO) {
        liste.push(Manque::TauxTva);
    }
    if s.prevision_ht.is_some() && s.avancement.is_some() && montants(s).acompte_ht <= Decimal::ZERO
    {
        liste.push(Manque::AcompteNegatif);
    }
    liste
}

/// The validations a piece still waits for.
pub fn actions_requises(s: &SituationTravaux) -> Vec<ActionRequise> {
    let mut actions = Vec::new();
    if s.validation_conducteur.is_none() {
        actions.push(ActionRequise::ValidationConducteur);
    }
    if s.validation_finale.is_none() {
        actions.push(ActionRequise::ValidationFinale);
    }
    actions
}

/// Where a piece stands at `maintenant` (sandbox time).
pub fn transmissibilite(s: &SituationTravaux, maintenant: NaiveDateTime) -> Transmissibilite {
    if let Some(le) = s.transmise_le {
        return Transmissibilite::Transmise { le };
    }
    let manques = manques(s);
    if !manques.is_empty() {
        return Transmissibilite::InformationsManquantes { manques };
    }
    let actions = actions_requises(s);
    if !actions.is_empty() {
        return Transmissibilite::ApresActions { actions };
    }
    match s.envoi_prevu_le {
        Some(prevu_le) => Transmissibilite::EnCoursDeTransmission {
            prevu_le,
            // Rounded up: « dans 60 min » right after a validation with a one-hour delay.
            minutes_restantes: ((prevu_le - maintenant).num_seconds().max(0) + 59) / 60,
        },
        None => Transmissibilite::PreteATransmettre,
    }
}

/// Why an action on a piece is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefusTravaux {
    /// Occurs when the piece was sent already.
    #[error("la situation est déjà transmise")]
    DejaTransmise,
    /// Occurs when information is missing.
    #[error("des informations manquent")]
    Incomplete(Vec<Manque>),
    /// Occurs when the final validation comes before the site manager's.
    #[error("la validation du conducteur de travaux doit précéder la validation finale")]
    ConducteurAvant,
    /// Occurs when sending a piece that waits for validations.
    #[error("des validations manquent")]
    NonValidee(Vec<ActionRequise>),
    /// Occurs when cancelling a sending that is not scheduled.
    #[error("aucun envoi n'est programmé")]
    AucunEnvoiProgramme,
}

/// The site manager validates the progress (pure: returns the new piece).
pub fn valider_conducteur(
    s: &SituationTravaux,
    par: &str,
    maintenant: NaiveDateTime,
) -> Result<SituationTravaux, RefusTravaux> {
    if s.transmise_le.is_some() {
        return Err(RefusTravaux::DejaTransmise);
    }
    let manques = manques(s);
    if !manques.is_empty() {
        return Err(RefusTravaux::Incomplete(manques));
    }
    let mut nouvelle = s.clone();
    nouvelle.validation_conducteur = Some(Validation {
        par: par.to_owned(),
        le: maintenant,
    });
    Ok(nouvelle)
}

/// The final validation; with a delay (minutes, > 0) the sending is scheduled that long after.
pub fn valider_finale(
    s: &SituationTravaux,
    par: &str,
    maintenant: NaiveDateTime,
    delai_envoi_minutes: Option<i64>,
) -> Result<SituationTravaux, RefusTravaux> {
    if s.transmise_le.is_some() {
        return Err(RefusTravaux::DejaTransmise);
    }
    let manques = manques(s);
    if !manques.is_empty() {
        return Err(RefusTravaux::Incomplete(manques));
    }
    if s.validation_conducteur.is_none() {
        return Err(RefusTravaux::ConducteurAvant);
    }
    let mut nouvelle = s.clone();
    nouvelle.validation_finale = Some(Validation {
        par: par.to_owned(),
        le: maintenant,
    });
    nouvelle.envoi_prevu_le = delai_envoi_minutes
        .filter(|m| *m > 0)
        .map(|m| maintenant + chrono::Duration::minutes(m.min(DELAI_ENVOI_MAX_MINUTES)));
    Ok(nouvelle)
}

/// Cancels a scheduled sending: the piece stays validated and ready, to send by hand or validate again.
pub fn annuler_envoi(s: &SituationTravaux) -> Result<SituationTravaux, RefusTravaux> {
    if s.transmise_le.is_some() {
        return Err(RefusTravaux::DejaTransmise);
    }
    if s.envoi_prevu_le.is_none() {
        return Err(RefusTravaux::AucunEnvoiProgramme);
    }
    let mut nouvelle = s.clone();
    nouvelle.envoi_prevu_le = None;
    Ok(nouvelle)
}

/// Checks that a piece may be sent now (by hand, or because its time came).
pub fn peut_transmettre(s: &SituationTravaux) -> Result<(), RefusTravaux> {
    if s.transmise_le.is_some() {
        return Err(RefusTravaux::DejaTransmise);
    }
    let manques = manques(s);
    if !manques.is_empty() {
        return Err(RefusTravaux::Incomplete(manques));
    }
    let actions = actions_requises(s);
    if !actions.is_empty() {
        return Err(RefusTravaux::NonValidee(actions));
    }
    Ok(())
}

/// A changed piece loses its validations and its scheduled sending: what was validated is not what
/// would be sent any more. Returns the piece to store.
pub fn apres_modification(
    ancienne: &SituationTravaux,
    mut nouvelle: SituationTravaux,
) -> SituationTravaux {
    nouvelle.id = ancienne.id;
    nouvelle.id_structure = ancienne.id_structure;
    nouvelle.transmise_le = ancienne.transmise_le;
    nouvelle.identifiant_facture_cpp = ancienne.identifiant_facture_cpp;
    let memes = SituationTravaux {
        validation_conducteur: None,
        validation_finale: None,
        envoi_prevu_le: None,
        ..ancienne.clone()
    } == SituationTravaux {
        validation_conducteur: None,
        validation_finale: None,
        envoi_prevu_le: None,
        ..nouvelle.clone()
    };
    if memes {
        nouvelle.validation_conducteur = ancienne.validation_conducteur.clone();
        nouvelle.validation_finale = ancienne.validation_finale.clone();
        nouvelle.envoi_prevu_le = ancienne.envoi_prevu_le;
    } else {
        nouvelle.validation_conducteur = None;
        nouvelle.validation_finale = None;
        nouvelle.envoi_prevu_le = None;
    }
    nouvelle
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn heure(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    fn complete() -> SituationTravaux {
        SituationTravaux {
            id: 7,
            id_structure: 26_000_001,
            numero: "SIT-2026-11-L03".into(),
            mois: NaiveDate::from_ymd_opt(2026, 11, 1),
            lot: "Lot 03 — Menuiseries".into(),
            entreprise: "Passerelle Démo SARL".into(),
            numero_marche: "M-2026-014".into(),
            ordre_service: "OS-3".into(),
            siret_destinataire: "110 002 011 00044".into(),
            siret_moe: "82345678500018".into(),
            prevision_ht: Some(dec!(120000)),
            avancement: Some(dec!(35)),
            deja_facture_ht: dec!(30000),
            taux_tva: Some(dec!(20)),
            ..SituationTravaux::default()
        }
    }

    #[test]
    fn the_amounts_follow_progress_previous_pieces_penalties_vat_and_retention() {
        let mut s = complete();
        s.penalites_ht = dec!(500);
        let m = montants(&s);
        assert_eq!(m.cumul_ht, dec!(42000.00));
        assert_eq!(m.acompte_ht, dec!(11500.00));
        assert_eq!(m.tva, dec!(2300.00));
        assert_eq!(m.acompte_ttc, dec!(13800.00));
        assert_eq!(m.retenue_garantie, dec!(690.00));
        assert_eq!(m.net_a_payer, dec!(13110.00));
        s.autoliquidation = true;
        s.taux_tva = None;
        assert_eq!(montants(&s).tva, Decimal::ZERO);
        assert!(manques(&s).is_empty(), "reverse-charged: no rate needed");
    }

    #[test]
    fn amounts_are_rounded_to_the_cent() {
        let mut s = complete();
        s.prevision_ht = Some(dec!(1000.01));
        s.avancement = Some(dec!(33.33));
        s.deja_facture_ht = Decimal::ZERO;
        let m = montants(&s);
        assert_eq!(m.cumul_ht, dec!(333.30));
        assert_eq!(m.tva, dec!(66.66));
        assert_eq!(m.net_a_payer, m.acompte_ttc - m.retenue_garantie);
    }

    #[test]
    fn an_empty_piece_lists_everything_missing_in_the_forms_order() {
        let vide = SituationTravaux::default();
        assert_eq!(
            manques(&vide),
            [
                Manque::Numero,
                Manque::Mois,
                Manque::Lot,
                Manque::NumeroMarche,
                Manque::OrdreService,
                Manque::SiretDestinataire,
                Manque::SiretMoe,
                Manque::Prevision,
                Manque::Avancement,
                Manque::TauxTva,
            ]
        );
        assert!(matches!(
            transmissibilite(&vide, heure(9, 0)),
            Transmissibilite::InformationsManquantes { manques } if manques.len() == 10
        ));
    }

    #[test]
    fn wrong_values_are_missing_information_too() {
        let mut s = complete();
        s.numero = "SITUATION-TROP-LONGUE-2026".into();
        s.siret_moe = "82345678500019".into();
        s.avancement = Some(dec!(120));
        assert_eq!(
            manques(&s),
            [Manque::NumeroInvalide, Manque::SiretMoe, Manque::Avancement]
        );
        let mut s = complete();
        s.avancement = Some(dec!(20));
        assert_eq!(
            manques(&s),
            [Manque::AcompteNegatif],
            "24 000 to date, 30 000 invoiced"
        );
    }

    #[test]
    fn a_complete_piece_waits_for_both_validations_in_order() {
        let s = complete();
        assert_eq!(
            transmissibilite(&s, heure(9, 0)),
            Transmissibilite::ApresActions {
                actions: vec![
                    ActionRequise::ValidationConducteur,
                    ActionRequise::ValidationFinale
                ]
            }
        );
        assert_eq!(
            valider_finale(&s, "Gestionnaire", heure(9, 0), Some(60)),
            Err(RefusTravaux::ConducteurAvant)
        );
        let s = valider_conducteur(&s, "Conducteur", heure(9, 0)).expect("complete");
        assert_eq!(
            transmissibilite(&s, heure(9, 1)),
            Transmissibilite::ApresActions {
                actions: vec![ActionRequise::ValidationFinale]
            }
        );
        assert_eq!(
            peut_transmettre(&s),
            Err(RefusTravaux::NonValidee(vec![
                ActionRequise::ValidationFinale
            ]))
        );
    }

    #[test]
    fn the_final_validation_schedules_the_sending_which_can_be_cancelled() {
        let s = valider_conducteur(&complete(), "Conducteur", heure(9, 0)).expect("complete");
        let programmee = valider_finale(&s, "Gestionnaire", heure(10, 0), Some(60)).expect("valid");
        assert_eq!(programmee.envoi_prevu_le, Some(heure(11, 0)));
        assert_eq!(
            transmissibilite(&programmee, heure(10, 15)),
            Transmissibilite::EnCoursDeTransmission {
                prevu_le: heure(11, 0),
                minutes_restantes: 45
            }
        );
        let presque = heure(10, 0) + chrono::Duration::seconds(59 * 60 + 30);
        assert!(matches!(
            transmissibilite(&programmee, presque),
            Transmissibilite::EnCoursDeTransmission {
                minutes_restantes: 1,
                ..
            }
        ));
        assert!(matches!(
            transmissibilite(&programmee, heure(11, 5)),
            Transmissibilite::EnCoursDeTransmission {
                minutes_restantes: 0,
                ..
            }
        ));
        let annulee = annuler_envoi(&programmee).expect("scheduled");
        assert_eq!(
            transmissibilite(&annulee, heure(10, 16)),
            Transmissibilite::PreteATransmettre
        );
        assert_eq!(
            annuler_envoi(&annulee),
            Err(RefusTravaux::AucunEnvoiProgramme)
        );
        assert_eq!(peut_transmettre(&annulee), Ok(()));
        // Without automatic sending, the validated piece is ready at once.
        let manuelle = valider_finale(&s, "Gestionnaire", heure(10, 0), None).expect("valid");
        assert_eq!(manuelle.envoi_prevu_le, None);
        assert_eq!(
            transmissibilite(&manuelle, heure(10, 0)),
            Transmissibilite::PreteATransmettre
        );
    }

    #[test]
    fn a_sent_piece_cannot_be_validated_cancelled_or_sent_again() {
        let mut s = valider_conducteur(&complete(), "C", heure(9, 0)).expect("complete");
        s = valider_finale(&s, "G", heure(9, 5), Some(60)).expect("valid");
        s.transmise_le = Some(heure(10, 5));
        assert_eq!(
            transmissibilite(&s, heure(11, 0)),
            Transmissibilite::Transmise { le: heure(10, 5) }
        );
        assert_eq!(annuler_envoi(&s), Err(RefusTravaux::DejaTransmise));
        assert_eq!(peut_transmettre(&s), Err(RefusTravaux::DejaTransmise));
        assert_eq!(
            valider_conducteur(&s, "C", heure(11, 0)),
            Err(RefusTravaux::DejaTransmise)
        );
    }

    #[test]
    fn a_change_drops_the_validations_and_the_scheduled_sending_but_a_resave_keeps_them() {
        let mut s = valider_conducteur(&complete(), "C", heure(9, 0)).expect("complete");
        s = valider_finale(&s, "G", heure(9, 5), Some(60)).expect("valid");
        let identique = apres_modification(
            &s,
            SituationTravaux {
                validation_finale: None,
                ..s.clone()
            },
        );
        assert_eq!(identique.envoi_prevu_le, s.envoi_prevu_le);
        assert!(identique.validation_finale.is_some());
        let changee = apres_modification(
            &s,
            SituationTravaux {
                avancement: Some(dec!(40)),
                ..s.clone()
            },
        );
        assert_eq!(changee.validation_conducteur, None);
        assert_eq!(changee.envoi_prevu_le, None);
        assert_eq!(changee.id, s.id);
    }

    #[test]
    fn cadres_round_trip_through_their_codes() {
        for cadre in CadreTravaux::TOUS {
            assert_eq!(CadreTravaux::depuis_code(cadre.code()), Some(cadre));
            let json = serde_json::to_string(&cadre).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", cadre.code()));
        }
        assert_eq!(CadreTravaux::depuis_code("A1_FACTURE_FOURNISSEUR"), None);
    }
}
