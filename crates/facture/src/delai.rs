//! Legal payment clock of public buyers: deadline, interruption, moratory interest and indemnity.
//!
//! Sources (rules-and-peers.md §3, `\[P11\]`): délai global de paiement 30 days (State, its public
//! establishments, local authorities; CCP R. 2192-10), 50 days (public health establishments;
//! R. 2192-11 1°), 60 days (public companies; R. 2192-11 2°). For invoices sent through Chorus Pro
//! the clock starts at the notification of the *mise à disposition* (CCP, e-invoicing reception
//! date). The buyer may interrupt it **once** (R. 2192-27, Chorus status SUSPENDUE); once all the
//! documents are received, a **new** delay opens: 30 days, or the balance left at the interruption
//! if that is longer (R. 2192-29). Late payment owes, without any request, moratory interest at the
//! ECB main refinancing rate in force on the first day of the half-year in which interest starts,
//! plus 8 points (R. 2192-31), and a 40 € fixed indemnity (D. 2192-35); interest runs from the day
//! after the deadline to the payment date on the amount TTC (décret 2002-232 art. 5, historical
//! wording; the dashboard formula of rules §3).
//!
//! ```
//! use chrono::NaiveDate;
//! use facture::delai::{echeance, Horloge, TypeAcheteur};
//! use rust_decimal_macros::dec;
//! let jour = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
//! let horloge = Horloge::new(jour(3, 3), TypeAcheteur::EtatOuCollectivite, dec!(1200));
//! let etat = echeance(&horloge, jour(4, 12)).unwrap();
//! assert_eq!(etat.date_limite, Some(jour(4, 2)));
//! let interets = etat.interets.unwrap();
//! assert_eq!(interets.jours, 10);
//! assert_eq!(interets.taux_annuel, dec!(11.15)); // 3.15 % (ECB, 1 Jan 2025) + 8
//! ```

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::montant::arrondir_montant;
use cpro::factures::StatutFacture;

/// Kind of public buyer, which sets the délai global de paiement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TypeAcheteur {
    /// State, its public establishments, local authorities: 30 days (CCP R. 2192-10).
    #[default]
    EtatOuCollectivite,
    /// Public health establishments and the armed-forces health service: 50 days (R. 2192-11 1°).
    EtablissementSante,
    /// Public companies: 60 days (R. 2192-11 2°).
    EntreprisePublique,
}

impl TypeAcheteur {
    /// The legal délai global de paiement in days.
    pub fn delai_jours(self) -> u32 {
        match self {
            TypeAcheteur::EtatOuCollectivite => 30,
            TypeAcheteur::EtablissementSante => 50,
            TypeAcheteur::EntreprisePublique => 60,
        }
    }
}

/// The buyer kind a recipient's name suggests: a public health establishment (centre hospitalier, CHU,
/// hôpital, hospices, groupement hospitalier, service de santé des armées) has 50 days; anything else is
/// presumed State or local authority (30 days). Public companies cannot be told by name: the user says so.
pub fn type_acheteur_presume(designation: &str) -> TypeAcheteur {
    let nom: String = designation
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'î' | 'ï' | 'Î' | 'Ï' => 'I',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'O',
            'û' | 'ù' | 'ü' | 'Û' | 'Ù' | 'Ü' => 'U',
            'ç' | 'Ç' => 'C',
            c if c.is_alphanumeric() => c.to_ascii_uppercase(),
            _ => ' ',
        })
        .collect();
    let mots: Vec<&str> = nom.split_whitespace().collect();
    let texte = format!(" {} ", mots.join(" "));
    const EXPRESSIONS: [&str; 7] = [
        " CENTRE HOSPITALIER ",
        " HOPITAL ",
        " HOPITAUX ",
        " HOSPICES ",
        " GROUPEMENT HOSPITALIER ",
        " ASSISTANCE PUBLIQUE ",
        " SERVICE DE SANTE DES ARMEES ",
    ];
    let sigles = ["CHU", "CHR", "CHRU", "CHS", "CHI", "APHP", "GHT"];
    if EXPRESSIONS.iter().any(|e| texte.contains(e)) || mots.iter().any(|m| sigles.contains(m)) {
        TypeAcheteur::EtablissementSante
    } else {
        TypeAcheteur::EtatOuCollectivite
    }
}

/// An interruption of the delay by the buyer (SUSPENDUE, then COMPLETEE in Chorus Pro).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    /// Date the supplier received the notification of the interruption.
    pub debut: NaiveDate,
    /// Date the buyer received all the missing documents; `None` while still suspended.
    pub fin: Option<NaiveDate>,
}

/// What the clock needs for one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Horloge {
    /// Notification date of the mise à disposition to the buyer (start of the clock).
    pub mise_a_disposition: NaiveDate,
    /// Kind of buyer.
    pub type_acheteur: TypeAcheteur,
    /// A delay set by the user for this recipient, replacing the legal one.
    pub delai_jours: Option<u32>,
    /// Interruptions, in date order; only the first counts (R. 2192-27: once).
    pub suspensions: Vec<Suspension>,
    /// Payment date, when paid.
    pub date_paiement: Option<NaiveDate>,
    /// Amount TTC on which interest runs.
    pub montant_ttc: Decimal,
    /// The ECB rate (percent) to use when the user knows it, for a half-year missing from
    /// [`TAUX_BCE_SEMESTRIELS`]; the table wins when it has the half-year.
    pub taux_bce_saisi: Option<Decimal>,
}

impl Horloge {
    /// A clock with the legal delay, no interruption, unpaid.
    pub fn new(
        mise_a_disposition: NaiveDate,
        type_acheteur: TypeAcheteur,
        montant_ttc: Decimal,
    ) -> Horloge {
        Horloge {
            mise_a_disposition,
            type_acheteur,
            delai_jours: None,
            suspensions: Vec::new(),
            date_paiement: None,
            montant_ttc,
            taux_bce_saisi: None,
        }
    }
}

impl Horloge {
    /// Builds the clock from the invoice's Chorus Pro status history (`consulter/historique`),
    /// given as (status, date) pairs in any order: the clock starts at the first
    /// MISE_A_DISPOSITION, each SUSPENDUE runs until the next COMPLETEE, the first MISE_EN_PAIEMENT
    /// is the payment date (api-reference §4; the status dates stand for the notification dates,
    /// **\[inferred\]**). `None` while the invoice was never made available.
    pub fn depuis_historique(
        statuts: &[(StatutFacture, NaiveDate)],
        type_acheteur: TypeAcheteur,
        montant_ttc: Decimal,
    ) -> Option<Horloge> {
        let mut tries: Vec<&(StatutFacture, NaiveDate)> = statuts.iter().collect();
        tries.sort_by_key(|(_, date)| *date);
        let premier = |code: &StatutFacture| {
            tries
                .iter()
                .find(|(statut, _)| statut == code)
                .map(|(_, date)| *date)
        };
        let mise_a_disposition = premier(&StatutFacture::MISE_A_DISPOSITION)?;
        let mut suspensions = Vec::new();
        for (index, (statut, debut)) in tries.iter().enumerate() {
            if *statut == StatutFacture::SUSPENDUE {
                let fin = tries
                    .iter()
                    .skip(index + 1)
                    .find(|(suivant, _)| *suivant == StatutFacture::COMPLETEE)
                    .map(|(_, date)| *date);
                suspensions.push(Suspension { debut: *debut, fin });
            }
        }
        let mut horloge = Horloge::new(mise_a_disposition, type_acheteur, montant_ttc);
        horloge.suspensions = suspensions;
        horloge.date_paiement = premier(&StatutFacture::MISE_EN_PAIEMENT);
        Some(horloge)
    }
}

/// Where an invoice stands against its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EtatDelai {
    /// The delay applied, in days (legal or overridden).
    pub delai_jours: u32,
    /// The deadline; `None` while the delay is interrupted.
    pub date_limite: Option<NaiveDate>,
    /// The interruption taken into account, if any.
    pub suspension: Option<Suspension>,
    /// Number of later interruptions ignored (the delay can be interrupted only once).
    pub suspensions_ignorees: usize,
    /// Days left until the deadline as of today (or of the payment); negative when late.
    pub jours_restants: Option<i64>,
    /// The invoice was (or is being) paid late.
    pub en_retard: bool,
    /// The interest and indemnity owed, when late (up to today when not yet paid) and the rate
    /// is known.
    pub interets: Option<InteretsMoratoires>,
    /// When late but the ECB rate of the half-year is neither in the table nor given: the first
    /// day of that half-year, so the screen can ask for the rate ([`Horloge::taux_bce_saisi`]).
    pub taux_bce_manquant: Option<NaiveDate>,
}

/// The moratory interest computation, step by step, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteretsMoratoires {
    /// First day of interest: the day after the deadline.
    pub date_debut: NaiveDate,
    /// Last day counted: the payment date, or today when unpaid (provisional).
    pub date_fin: NaiveDate,
    /// The amount is provisional: the invoice is not paid yet.
    pub provisoire: bool,
    /// Days of interest.
    pub jours: i64,
    /// First day of the half-year whose ECB rate applies.
    pub semestre: NaiveDate,
    /// ECB main refinancing rate on that day, in percent.
    pub taux_bce: Decimal,
    /// The legal increase: 8 points.
    pub majoration: Decimal,
    /// Annual rate applied: ECB + 8, in percent.
    pub taux_annuel: Decimal,
    /// Amount on which interest runs (TTC).
    pub base: Decimal,
    /// base × taux_annuel / 100 × jours / 365, rounded to the cent.
    pub montant_interets: Decimal,
    /// Fixed recovery indemnity: 40 € (D. 2192-35).
    pub indemnite_forfaitaire: Decimal,
    /// Interest + indemnity.
    pub total: Decimal,
}

/// Why the clock cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DelaiError {
    /// Occurs when the ECB rate of the half-year is not in the table of this crate.
    #[error("no ecb main refinancing rate known for the half-year starting {0}")]
    TauxBceInconnu(NaiveDate),
    /// Occurs when a date computation leaves the calendar.
    #[error("date out of range")]
    DateHorsLimites,
}

/// Legal increase over the ECB rate, in points (R. 2192-31).
pub const MAJORATION_POINTS: Decimal = Decimal::from_parts(8, 0, 0, false, 0);
/// Fixed recovery indemnity in euros (D. 2192-35).
pub const INDEMNITE_FORFAITAIRE: Decimal = Decimal::from_parts(40, 0, 0, false, 0);
/// New delay after an interruption, in days, unless the balance left is longer (R. 2192-29).
pub const DELAI_APRES_INTERRUPTION: u32 = 30;

/// ECB main refinancing operations rate in force on the first day of each half-year, in hundredths
/// of a percent: `(year, 1 for January or 7 for July, rate × 100)`.
///
/// Source: ECB "Key ECB interest rates" history (main refinancing operations, fixed/minimum bid
/// rate), as published by the ECB and relayed each half-year by the French DAJ notice on the
/// moratory interest rate. **Not** read from the stored sources of this project: entered from the
/// ECB history; check it against the ECB page before relying on it, and add a row each half-year
/// (the July 2026 row is missing on purpose: not known when this table was written).
pub const TAUX_BCE_SEMESTRIELS: &[(i32, u32, u32)] = &[
    (2013, 1, 75),
    (2013, 7, 50),
    (2014, 1, 25),
    (2014, 7, 15),
    (2015, 1, 5),
    (2015, 7, 5),
    (2016, 1, 5),
    (2016, 7, 0),
    (2017, 1, 0),
    (2017, 7, 0),
    (2018, 1, 0),
    (2018, 7, 0),
    (2019, 1, 0),
    (2019, 7, 0),
    (2020, 1, 0),
    (2020, 7, 0),
    (2021, 1, 0),
    (2021, 7, 0),
    (2022, 1, 0),
    (2022, 7, 0),
    (2023, 1, 250),
    (2023, 7, 400),
    (2024, 1, 450),
    (2024, 7, 425),
    (2025, 1, 315),
    (2025, 7, 215),
    (2026, 1, 215),
];

/// First day of the half-year containing `date`.
pub fn debut_semestre(date: NaiveDate) -> NaiveDate {
    let mois = if date.month() <= 6 { 1 } else { 7 };
    date.with_day(1)
        .and_then(|d| d.with_month(mois))
        .unwrap_or(date)
}

/// The ECB rate (percent) in force on the first day of the half-year containing `date`.
pub fn taux_bce(date: NaiveDate) -> Result<(NaiveDate, Decimal), DelaiError> {
    let semestre = debut_semestre(date);
    TAUX_BCE_SEMESTRIELS
        .iter()
        .find(|(annee, mois, _)| *annee == semestre.year() && *mois == semestre.month())
        .map(|(_, _, centiemes)| (semestre, Decimal::new(i64::from(*centiemes), 2)))
        .ok_or(DelaiError::TauxBceInconnu(semestre))
}

fn plus_jours(date: NaiveDate, jours: u64) -> Result<NaiveDate, DelaiError> {
    date.checked_add_days(Days::new(jours))
        .ok_or(DelaiError::DateHorsLimites)
}

/// Computes the deadline and, when late, the interest and indemnity, as of `aujourd_hui`.
pub fn echeance(horloge: &Horloge, aujourd_hui: NaiveDate) -> Result<EtatDelai, DelaiError> {
    let delai_jours = horloge
        .delai_jours
        .unwrap_or(horloge.type_acheteur.delai_jours());
    let limite_initiale = plus_jours(horloge.mise_a_disposition, u64::from(delai_jours))?;
    let suspension = horloge.suspensions.first().copied();
    let suspensions_ignorees = horloge.suspensions.len().saturating_sub(1);

    let date_limite = match suspension {
        None => Some(limite_initiale),
        // Still interrupted: no deadline until the documents are received.
        Some(Suspension { fin: None, .. }) => None,
        Some(Suspension {
            debut,
            fin: Some(fin),
        }) => {
            // R. 2192-29: a new delay of 30 days, or the balance left at the interruption if longer.
            let solde = (limite_initiale - debut).num_days().max(0);
            let nouveau = solde.max(i64::from(DELAI_APRES_INTERRUPTION));
            Some(plus_jours(fin, u64::try_from(nouveau).unwrap_or(0))?)
        }
    };

    let reference = horloge.date_paiement.unwrap_or(aujourd_hui);
    let jours_restants = date_limite.map(|limite| (limite - reference).num_days());
    let en_retard = jours_restants.is_some_and(|j| j < 0);
    let mut taux_bce_manquant = None;
    let interets = match date_limite {
        Some(limite) if en_retard => match interets(horloge, limite, reference) {
            Ok(calcul) => Some(calcul),
            Err(DelaiError::TauxBceInconnu(semestre)) => {
                taux_bce_manquant = Some(semestre);
                None
            }
            Err(autre) => return Err(autre),
        },
        _ => None,
    };
    Ok(EtatDelai {
        delai_jours,
        date_limite,
        suspension,
        suspensions_ignorees,
        jours_restants,
        en_retard,
        interets,
        taux_bce_manquant,
    })
}

fn interets(
    horloge: &Horloge,
    limite: NaiveDate,
    fin: NaiveDate,
) -> Result<InteretsMoratoires, DelaiError> {
    let date_debut = plus_jours(limite, 1)?;
    // Interest runs from the day after the deadline to the payment date, both included.
    let jours = (fin - limite).num_days();
    // R. 2192-31: the rate of the first day of the half-year in which interest starts to run.
    let (semestre, taux_bce) = match (taux_bce(date_debut), horloge.taux_bce_saisi) {
        (Ok(trouve), _) => trouve,
        (Err(_), Some(saisi)) => (debut_semestre(date_debut), saisi),
        (Err(erreur), None) => return Err(erreur),
    };
    let taux_annuel = taux_bce + MAJORATION_POINTS;
    let base = horloge.montant_ttc;
    let montant_interets = arrondir_montant(
        base * taux_annuel / Decimal::ONE_HUNDRED * Decimal::from(jours) / Decimal::from(365),
    );
    Ok(InteretsMoratoires {
        date_debut,
        date_fin: fin,
        provisoire: horloge.date_paiement.is_none(),
        jours,
        semestre,
        taux_bce,
        majoration: MAJORATION_POINTS,
        taux_annuel,
        base,
        montant_interets,
        indemnite_forfaitaire: INDEMNITE_FORFAITAIRE,
        total: montant_interets + INDEMNITE_FORFAITAIRE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn jour(annee: i32, mois: u32, jour: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(annee, mois, jour).unwrap()
    }

    #[test]
    fn legal_delay_depends_on_the_buyer() {
        let cas = [
            (TypeAcheteur::EtatOuCollectivite, jour(2025, 4, 2)),
            (TypeAcheteur::EtablissementSante, jour(2025, 4, 22)),
            (TypeAcheteur::EntreprisePublique, jour(2025, 5, 2)),
        ];
        for (type_acheteur, limite) in cas {
            let horloge = Horloge::new(jour(2025, 3, 3), type_acheteur, dec!(100));
            let etat = echeance(&horloge, jour(2025, 3, 10)).unwrap();
            assert_eq!(etat.date_limite, Some(limite), "{type_acheteur:?}");
            assert!(!etat.en_retard);
            assert_eq!(etat.interets, None);
        }
    }

    #[test]
    fn user_can_override_the_delay() {
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EtatOuCollectivite,
            dec!(100),
        );
        horloge.delai_jours = Some(45);
        let etat = echeance(&horloge, jour(2025, 3, 10)).unwrap();
        assert_eq!(etat.delai_jours, 45);
        assert_eq!(etat.date_limite, Some(jour(2025, 4, 17)));
        assert_eq!(etat.jours_restants, Some(38));
    }

    #[test]
    fn payment_on_the_deadline_is_on_time() {
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EtatOuCollectivite,
            dec!(100),
        );
        horloge.date_paiement = Some(jour(2025, 4, 2));
        let etat = echeance(&horloge, jour(2025, 6, 1)).unwrap();
        assert!(!etat.en_retard);
        assert_eq!(etat.jours_restants, Some(0));
    }

    #[test]
    fn late_payment_owes_interest_at_ecb_plus_8_and_40_euros() {
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EtatOuCollectivite,
            dec!(10000),
        );
        horloge.date_paiement = Some(jour(2025, 5, 2));
        let etat = echeance(&horloge, jour(2025, 6, 1)).unwrap();
        assert!(etat.en_retard);
        let interets = etat.interets.unwrap();
        assert_eq!(interets.date_debut, jour(2025, 4, 3));
        assert_eq!(interets.jours, 30);
        assert_eq!(interets.semestre, jour(2025, 1, 1));
        assert_eq!(interets.taux_bce, dec!(3.15));
        assert_eq!(interets.taux_annuel, dec!(11.15));
        // 10 000 × 11.15 % × 30 / 365 = 91.643… → 91.64.
        assert_eq!(interets.montant_interets, dec!(91.64));
        assert_eq!(interets.indemnite_forfaitaire, dec!(40));
        assert_eq!(interets.total, dec!(131.64));
        assert!(!interets.provisoire);
    }

    #[test]
    fn rate_is_the_one_of_the_half_year_when_interest_starts() {
        // Deadline 30 June 2025: interest starts 1 July 2025, second half-year rate (2.15 %),
        // even though the invoice was made available in the first half-year.
        let mut horloge = Horloge::new(
            jour(2025, 5, 31),
            TypeAcheteur::EtatOuCollectivite,
            dec!(1000),
        );
        horloge.date_paiement = Some(jour(2025, 12, 31));
        let interets = echeance(&horloge, jour(2026, 1, 5))
            .unwrap()
            .interets
            .unwrap();
        assert_eq!(interets.semestre, jour(2025, 7, 1));
        assert_eq!(interets.taux_annuel, dec!(10.15));
        assert_eq!(interets.jours, 184);
    }

    #[test]
    fn unpaid_late_invoice_gives_provisional_interest_to_today() {
        let horloge = Horloge::new(
            jour(2026, 1, 5),
            TypeAcheteur::EtablissementSante,
            dec!(365),
        );
        let etat = echeance(&horloge, jour(2026, 3, 6)).unwrap();
        assert_eq!(etat.date_limite, Some(jour(2026, 2, 24)));
        assert_eq!(etat.jours_restants, Some(-10));
        let interets = etat.interets.unwrap();
        assert!(interets.provisoire);
        // 365 × 10.15 % × 10 / 365 = 1.015 → 1.02 (half toward +∞).
        assert_eq!(interets.montant_interets, dec!(1.02));
    }

    #[test]
    fn interruption_opens_a_new_30_day_delay_or_the_longer_balance() {
        // Interrupted 10 days after the start of a 30-day delay: balance 20 < 30 → 30 days.
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EtatOuCollectivite,
            dec!(100),
        );
        horloge.suspensions.push(Suspension {
            debut: jour(2025, 3, 13),
            fin: Some(jour(2025, 3, 20)),
        });
        let etat = echeance(&horloge, jour(2025, 3, 21)).unwrap();
        assert_eq!(etat.date_limite, Some(jour(2025, 4, 19)));
        // 60-day delay interrupted after 5 days: balance 55 > 30 → 55 days from completion.
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EntreprisePublique,
            dec!(100),
        );
        horloge.suspensions.push(Suspension {
            debut: jour(2025, 3, 8),
            fin: Some(jour(2025, 3, 20)),
        });
        let etat = echeance(&horloge, jour(2025, 3, 21)).unwrap();
        assert_eq!(etat.date_limite, Some(jour(2025, 5, 14)));
    }

    #[test]
    fn clock_stops_while_suspended() {
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EtatOuCollectivite,
            dec!(100),
        );
        horloge.suspensions.push(Suspension {
            debut: jour(2025, 3, 13),
            fin: None,
        });
        let etat = echeance(&horloge, jour(2025, 6, 1)).unwrap();
        assert_eq!(etat.date_limite, None);
        assert!(!etat.en_retard);
        assert_eq!(etat.interets, None);
    }

    #[test]
    fn only_the_first_interruption_counts() {
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EtatOuCollectivite,
            dec!(100),
        );
        horloge.suspensions.push(Suspension {
            debut: jour(2025, 3, 13),
            fin: Some(jour(2025, 3, 20)),
        });
        horloge.suspensions.push(Suspension {
            debut: jour(2025, 4, 1),
            fin: Some(jour(2025, 4, 15)),
        });
        let etat = echeance(&horloge, jour(2025, 3, 21)).unwrap();
        assert_eq!(etat.date_limite, Some(jour(2025, 4, 19)));
        assert_eq!(etat.suspensions_ignorees, 1);
    }

    #[test]
    fn half_year_start() {
        assert_eq!(debut_semestre(jour(2025, 6, 30)), jour(2025, 1, 1));
        assert_eq!(debut_semestre(jour(2025, 7, 1)), jour(2025, 7, 1));
        assert_eq!(debut_semestre(jour(2025, 12, 31)), jour(2025, 7, 1));
        assert_eq!(
            taux_bce(jour(2023, 8, 1)),
            Ok((jour(2023, 7, 1), dec!(4.00)))
        );
    }

    #[test]
    fn unknown_ecb_rate_is_reported_and_can_be_given() {
        let mut horloge = Horloge::new(
            jour(2026, 6, 15),
            TypeAcheteur::EtatOuCollectivite,
            dec!(3650),
        );
        let etat = echeance(&horloge, jour(2026, 9, 1)).unwrap();
        assert!(etat.en_retard);
        assert_eq!(etat.date_limite, Some(jour(2026, 7, 15)));
        assert_eq!(etat.interets, None);
        assert_eq!(etat.taux_bce_manquant, Some(jour(2026, 7, 1)));
        assert_eq!(
            taux_bce(jour(2026, 9, 1)),
            Err(DelaiError::TauxBceInconnu(jour(2026, 7, 1)))
        );
        // Not late yet: no rate needed.
        let etat = echeance(&horloge, jour(2026, 7, 10)).unwrap();
        assert_eq!(etat.taux_bce_manquant, None);
        // The user gives the rate: 2 % + 8 = 10 %, 48 days on 3 650 = 48.00.
        horloge.taux_bce_saisi = Some(dec!(2));
        let etat = echeance(&horloge, jour(2026, 9, 1)).unwrap();
        assert_eq!(etat.taux_bce_manquant, None);
        let interets = etat.interets.unwrap();
        assert_eq!(interets.semestre, jour(2026, 7, 1));
        assert_eq!(interets.taux_annuel, dec!(10));
        assert_eq!(interets.jours, 48);
        assert_eq!(interets.montant_interets, dec!(48.00));
    }

    #[test]
    fn table_rate_wins_over_the_given_one() {
        let mut horloge = Horloge::new(
            jour(2025, 3, 3),
            TypeAcheteur::EtatOuCollectivite,
            dec!(100),
        );
        horloge.taux_bce_saisi = Some(dec!(9));
        let interets = echeance(&horloge, jour(2025, 4, 12))
            .unwrap()
            .interets
            .unwrap();
        assert_eq!(interets.taux_bce, dec!(3.15));
    }

    #[test]
    fn clock_is_built_from_the_status_history() {
        use StatutFacture::*;
        let historique = [
            (MISE_EN_PAIEMENT, jour(2025, 5, 20)),
            (DEPOSEE, jour(2025, 3, 1)),
            (MISE_A_DISPOSITION, jour(2025, 3, 3)),
            (SUSPENDUE, jour(2025, 3, 13)),
            (COMPLETEE, jour(2025, 3, 20)),
            (MANDATEE, jour(2025, 5, 10)),
        ];
        let horloge =
            Horloge::depuis_historique(&historique, TypeAcheteur::EtatOuCollectivite, dec!(1000))
                .unwrap();
        assert_eq!(horloge.mise_a_disposition, jour(2025, 3, 3));
        assert_eq!(
            horloge.suspensions,
            vec![Suspension {
                debut: jour(2025, 3, 13),
                fin: Some(jour(2025, 3, 20))
            }]
        );
        assert_eq!(horloge.date_paiement, Some(jour(2025, 5, 20)));
        let etat = echeance(&horloge, jour(2025, 6, 1)).unwrap();
        assert_eq!(etat.date_limite, Some(jour(2025, 4, 19)));
        assert_eq!(etat.interets.map(|i| i.jours), Some(31));
    }

    #[test]
    fn history_without_mise_a_disposition_gives_no_clock() {
        let historique = [(StatutFacture::DEPOSEE, jour(2025, 3, 1))];
        assert_eq!(
            Horloge::depuis_historique(&historique, TypeAcheteur::EtatOuCollectivite, dec!(1)),
            None
        );
        let ouverte = [
            (StatutFacture::MISE_A_DISPOSITION, jour(2025, 3, 3)),
            (StatutFacture::SUSPENDUE, jour(2025, 3, 5)),
        ];
        let horloge =
            Horloge::depuis_historique(&ouverte, TypeAcheteur::EtatOuCollectivite, dec!(1))
                .unwrap();
        assert_eq!(
            horloge.suspensions,
            vec![Suspension {
                debut: jour(2025, 3, 5),
                fin: None
            }]
        );
    }

    #[test]
    fn a_hospital_name_means_fifty_days_anything_else_thirty() {
        for nom in [
            "CENTRE HOSPITALIER UNIVERSITAIRE EXEMPLE",
            "Centre hospitalier de Saint-Exemple",
            "CHU de Toulouse",
            "Hôpital Saint-Louis",
            "HOSPICES CIVILS DE LYON",
            "Assistance publique – Hôpitaux de Paris",
            "GHT Sud Exemple",
        ] {
            assert_eq!(
                type_acheteur_presume(nom),
                TypeAcheteur::EtablissementSante,
                "{nom}"
            );
        }
        for nom in [
            "ETAT - SERVICES CENTRAUX (BAC A SABLE)",
            "COMMUNE DE SAINT-EXEMPLE",
            "COLLEGE JEAN MOULIN",
            "CHUTES DU RHIN SYNDICAT",
            "",
        ] {
            assert_eq!(
                type_acheteur_presume(nom),
                TypeAcheteur::EtatOuCollectivite,
                "{nom}"
            );
        }
        assert_eq!(TypeAcheteur::EtablissementSante.delai_jours(), 50);
    }
}
