//! Tableau de bord: a supplier's invoices summed by status, by family of statuses and by month of
//! deposit, the amounts awaiting payment, and an estimate of lateness for each unpaid invoice, all
//! from the rows of one `rechercher/fournisseur` answer.
//!
//! Money is [`Decimal`] throughout; [`hauteurs`] turns amounts or counts into bar heights with
//! decimal arithmetic for the SVG charts of the SPA.
//!
//! ```
//! use cpro::factures::{FactureRechercheeFournisseur, StatutFacture};
//! use facture::delai::TypeAcheteur;
//! use facture::tableau::{tableau, Famille};
//! use rust_decimal_macros::dec;
//! let jour = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
//! let payee = FactureRechercheeFournisseur {
//!     statut: Some(StatutFacture::MISE_EN_PAIEMENT),
//!     montant_ttc: Some(dec!(1200)),
//!     date_depot: Some(jour(10, 6)),
//!     ..Default::default()
//! };
//! let t = tableau(&[payee], jour(12, 4), |_| TypeAcheteur::default());
//! assert_eq!(t.nombre, 1);
//! let payees = t.par_famille.iter().find(|f| f.famille == Famille::Payees).unwrap();
//! assert_eq!((payees.nombre, payees.montant_ttc), (1, dec!(1200)));
//! assert_eq!(t.par_mois.len(), 12);
//! ```

use chrono::{Datelike, Days, Months, NaiveDate};
use cpro::factures::{FactureRechercheeFournisseur, StatutFacture};
use rust_decimal::Decimal;

use crate::delai::{echeance, Horloge, InteretsMoratoires, TypeAcheteur};

/// A family of statuses, the bars of the « par statut » chart, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Famille {
    /// Deposited, being routed to the recipient (DEPOSEE, EN_COURS_ACHEMINEMENT…).
    Acheminement,
    /// The supplier must act (À recycler, Suspendue, À compléter, validator errors…).
    ATraiter,
    /// Made available, being processed by the recipient (service fait, mandatée…).
    ChezDestinataire,
    /// Paid (MISE_EN_PAIEMENT).
    Payees,
    /// Rejected, refused, abandoned or deleted: no payment will come.
    Rejetees,
}

impl Famille {
    /// Every family, in display order.
    pub const TOUTES: [Famille; 5] = [
        Famille::Acheminement,
        Famille::ATraiter,
        Famille::ChezDestinataire,
        Famille::Payees,
        Famille::Rejetees,
    ];

    /// The family of a status. Unknown codes count as being processed by the recipient.
    pub fn de(statut: &StatutFacture) -> Famille {
        use StatutFacture::*;
        match statut {
            MISE_EN_PAIEMENT => Famille::Payees,
            REJETEE | REFUSEE_1 | REFUSEE_2 | REFUSEE_MOE | REFUSEE_MOA | REFUSEE_FOURNISSEUR
            | NON_CONFORME | ABANDONNEE | SUPPRIMEE | REMPLACEE_PAR_A22 | DUPLIQUE_APRES_REFUS => {
                Famille::Rejetees
            }
            BROUILLON | DEPOSEE | EN_COURS_ACHEMINEMENT | EN_COURS_TRAITEMENT_PIVOT_S => {
                Famille::Acheminement
            }
            ERREUR_FOURNISSEUR_SUR_MOE | ERREUR_FOURNISSEUR_SUR_MOA | A_ASSOCIER_FOURNISSEUR => {
                Famille::ATraiter
            }
            autre if autre.action_fournisseur().is_some() => Famille::ATraiter,
            _ => Famille::ChezDestinataire,
        }
    }
}

/// Statuses in the order of an invoice's life, for the « par statut » table; statuses not listed
/// come after, in code order.
const ORDRE_STATUTS: [StatutFacture; 22] = [
    StatutFacture::BROUILLON,
    StatutFacture::DEPOSEE,
    StatutFacture::EN_COURS_ACHEMINEMENT,
    StatutFacture::INTERPRETEE_OCR,
    StatutFacture::A_RECYCLER,
    StatutFacture::EN_ATTENTE_RECYCLAGE_FOURNISSEUR,
    StatutFacture::SUSPENDUE,
    StatutFacture::A_COMPLETER,
    StatutFacture::ERREUR_FOURNISSEUR_SUR_VALIDEUR,
    StatutFacture::ERREUR_COTRAITANT_SUR_VALIDEUR,
    StatutFacture::A_VALIDER_1,
    StatutFacture::A_VALIDER_2,
    StatutFacture::MISE_A_DISPOSITION,
    StatutFacture::COMPLETEE,
    StatutFacture::PRISE_EN_COMPTE_DESTINATAIRE,
    StatutFacture::SERVICE_FAIT,
    StatutFacture::MANDATEE,
    StatutFacture::MISE_A_DISPOSITION_COMPTABLE,
    StatutFacture::COMPTABILISEE,
    StatutFacture::MISE_EN_PAIEMENT,
    StatutFacture::REJETEE,
    StatutFacture::ABANDONNEE,
];

fn rang(statut: &StatutFacture) -> (Famille, usize, String) {
    let position = ORDRE_STATUTS
        .iter()
        .position(|s| s == statut)
        .unwrap_or(ORDRE_STATUTS.len());
    (Famille::de(statut), position, statut.code().to_owned())
}

/// Count and amount TTC of the invoices in one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParStatut {
    /// The status.
    pub statut: StatutFacture,
    /// Its family.
    pub famille: Famille,
    /// Number of invoices.
    pub nombre: u64,
    /// Sum of their amounts TTC (a missing amount counts 0).
    pub montant_ttc: Decimal,
}

/// Count and amount TTC of the invoices of one family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParFamille {
    /// The family.
    pub famille: Famille,
    /// Number of invoices.
    pub nombre: u64,
    /// Sum of their amounts TTC.
    pub montant_ttc: Decimal,
}

/// Count and amount TTC of the invoices deposited in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParMois {
    /// First day of the month.
    pub mois: NaiveDate,
    /// Number of invoices deposited that month.
    pub nombre: u64,
    /// Sum of their amounts TTC.
    pub montant_ttc: Decimal,
}

/// Where an unpaid invoice stands against its deadline, as far as a search row tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Situation {
    /// Within the delay even at the earliest possible deadline: `jours` days left at least.
    ADelai {
        /// Days left before the earliest possible deadline.
        jours: i64,
    },
    /// Past the earliest possible deadline but not the latest: the history decides.
    PeutEtreEnRetard,
    /// Past the latest possible deadline: late by `jours` days at least.
    EnRetard {
        /// Days late after the latest possible deadline.
        jours: i64,
    },
    /// Suspended by the recipient: the clock stands still until completion.
    Interrompu,
}

/// The payment-clock estimate of one invoice awaiting payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstimationDelai {
    /// `identifiantFactureCPP`, for the link to the invoice page.
    pub identifiant: Option<i64>,
    /// Invoice number.
    pub numero: String,
    /// Recipient name.
    pub destinataire: String,
    /// Current status.
    pub statut: StatutFacture,
    /// Amount TTC.
    pub montant_ttc: Decimal,
    /// Earliest possible deadline: deposit + legal delay.
    pub date_limite_au_plus_tot: Option<NaiveDate>,
    /// Latest possible deadline: date of the current status + legal delay.
    pub date_limite_au_plus_tard: Option<NaiveDate>,
    /// The conclusion.
    pub situation: Situation,
    /// When surely late: interest and indemnity counted from the latest possible deadline, so at
    /// least what is owed (`None` when the ECB rate of the half-year is not known).
    pub interets_minimum: Option<InteretsMoratoires>,
}

/// A class of [`Situation`], the bars of the « en attente de paiement » chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClasseAttente {
    /// Within the delay.
    AEchoir,
    /// Possibly late.
    PeutEtreEnRetard,
    /// Surely late.
    EnRetard,
    /// Suspended: the clock stands still.
    Interrompu,
}

impl ClasseAttente {
    /// Every class, in display order.
    pub const TOUTES: [ClasseAttente; 4] = [
        ClasseAttente::AEchoir,
        ClasseAttente::PeutEtreEnRetard,
        ClasseAttente::EnRetard,
        ClasseAttente::Interrompu,
    ];

    /// The class of a situation.
    pub fn de(situation: &Situation) -> ClasseAttente {
        match situation {
            Situation::ADelai { .. } => ClasseAttente::AEchoir,
            Situation::PeutEtreEnRetard => ClasseAttente::PeutEtreEnRetard,
            Situation::EnRetard { .. } => ClasseAttente::EnRetard,
            Situation::Interrompu => ClasseAttente::Interrompu,
        }
    }
}

/// Count and amount TTC awaiting payment in one [`ClasseAttente`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParSituation {
    /// The class.
    pub classe: ClasseAttente,
    /// Number of invoices.
    pub nombre: u64,
    /// Sum of their amounts TTC.
    pub montant_ttc: Decimal,
}

/// Invoices made available to the recipient and not yet paid.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnAttente {
    /// Number of invoices.
    pub nombre: u64,
    /// Sum of their amounts TTC.
    pub montant_ttc: Decimal,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tableau {
    /// Number of invoices.
    pub nombre: u64,
    /// Sum of every amount TTC.
    pub montant_ttc: Decimal,
    /// By status, in [`Famille`] then life order; only the statuses present.
    pub par_statut: Vec<ParStatut>,
    /// By family, all five, empty ones included, in display order.
    pub par_famille: Vec<ParFamille>,
    /// By month of deposit, the 12 months ending with the month of the given day, oldest first,
    /// empty months included.
    pub par_mois: Vec<ParMois>,
    /// Made available and not yet paid (see [`attend_paiement`]).
    pub en_attente: EnAttente,
    /// The clock estimate of each invoice awaiting payment, surely late ones first (most late
    /// first), then possibly late ones, then the others by earliest deadline.
    pub echeances: Vec<EstimationDelai>,
}

impl Tableau {
    /// The amounts awaiting payment split by where they stand against their deadline, in display
    /// order: to come, possibly late, late, interrupted; all four, empty ones included.
    pub fn attente_par_situation(&self) -> Vec<ParSituation> {
        let mut classes: Vec<ParSituation> = ClasseAttente::TOUTES
            .iter()
            .map(|classe| ParSituation {
                classe: *classe,
                nombre: 0,
                montant_ttc: Decimal::ZERO,
            })
            .collect();
        for e in &self.echeances {
            let classe = ClasseAttente::de(&e.situation);
            if let Some(ligne) = classes.iter_mut().find(|c| c.classe == classe) {
                ligne.nombre += 1;
                ligne.montant_ttc += e.montant_ttc;
            }
        }
        classes
    }

    /// The invoices surely late.
    pub fn en_retard(&self) -> impl Iterator<Item = &EstimationDelai> {
        self.echeances
            .iter()
            .filter(|e| matches!(e.situation, Situation::EnRetard { .. }))
    }

    /// The invoices that may be late (the invoice page's history tells).
    pub fn peut_etre_en_retard(&self) -> impl Iterator<Item = &EstimationDelai> {
        self.echeances
            .iter()
            .filter(|e| e.situation == Situation::PeutEtreEnRetard)
    }
}

/// The invoice was made available to the recipient and is not paid yet: its family is « en
/// traitement chez le destinataire », or it is suspended (Suspendue, À compléter) and will be paid
/// once completed.
pub fn attend_paiement(statut: &StatutFacture) -> bool {
    Famille::de(statut) == Famille::ChezDestinataire
        || matches!(
            statut,
            StatutFacture::SUSPENDUE | StatutFacture::A_COMPLETER
        )
}

/// The known statuses of invoices awaiting payment ([`attend_paiement`]), for a search of only
/// those (the late invoices of the work list).
pub fn statuts_attente_paiement() -> Vec<StatutFacture> {
    StatutFacture::CONNUS
        .iter()
        .filter(|s| attend_paiement(s))
        .cloned()
        .collect()
}

/// Aggregates the invoices as of `aujourd_hui`; each estimate uses the legal delay of its buyer
/// (`type_acheteur` of the invoice, e.g. from its recipient).
pub fn tableau(
    factures: &[FactureRechercheeFournisseur],
    aujourd_hui: NaiveDate,
    type_acheteur: impl Fn(&FactureRechercheeFournisseur) -> TypeAcheteur,
) -> Tableau {
    let mut par_statut: Vec<ParStatut> = Vec::new();
    let mut par_famille: Vec<ParFamille> = Famille::TOUTES
        .iter()
        .map(|famille| ParFamille {
            famille: *famille,
            nombre: 0,
            montant_ttc: Decimal::ZERO,
        })
        .collect();
    let mut par_mois = douze_mois(aujourd_hui);
    let mut en_attente = EnAttente::default();
    let mut echeances = Vec::new();
    let mut montant_total = Decimal::ZERO;

    for f in factures {
        let montant = f.montant_ttc.unwrap_or_default();
        montant_total += montant;
        let statut = f.statut.clone().unwrap_or(StatutFacture::TECHNIQUE_INCONNU);
        let famille = Famille::de(&statut);
        match par_statut.iter_mut().find(|l| l.statut == statut) {
            Some(ligne) => {
                ligne.nombre += 1;
                ligne.montant_ttc += montant;
            }
            None => par_statut.push(ParStatut {
                statut: statut.clone(),
                famille,
                nombre: 1,
                montant_ttc: montant,
            }),
        }
        if let Some(ligne) = par_famille.iter_mut().find(|l| l.famille == famille) {
            ligne.nombre += 1;
            ligne.montant_ttc += montant;
        }
        if let Some(depot) = f.date_depot {
            let debut = premier_du_mois(depot);
            if let Some(mois) = par_mois.iter_mut().find(|m| m.mois == debut) {
                mois.nombre += 1;
                mois.montant_ttc += montant;
            }
        }
        if attend_paiement(&statut) {
            en_attente.nombre += 1;
            en_attente.montant_ttc += montant;
            echeances.push(estimer(f, statut, aujourd_hui, type_acheteur(f)));
        }
    }
    par_statut.sort_by_key(|l| rang(&l.statut));
    echeances.sort_by_key(|e| {
        let (classe, cle) = match e.situation {
            Situation::EnRetard { jours } => (0, -jours),
            Situation::PeutEtreEnRetard => (1, 0),
            Situation::ADelai { jours } => (2, jours),
            Situation::Interrompu => (3, 0),
        };
        (classe, cle, e.numero.clone())
    });
    Tableau {
        nombre: u64::try_from(factures.len()).unwrap_or(u64::MAX),
        montant_ttc: montant_total,
        par_statut,
        par_famille,
        par_mois,
        en_attente,
        echeances,
    }
}

/// Estimates the payment clock of an invoice awaiting payment from its search row alone.
///
/// The clock starts at the mise à disposition and a suspension moves the deadline (see
/// [`crate::delai`]); a search row carries neither, only the deposit date and the date of the
/// current status. The mise à disposition comes after the deposit, and any completed suspension
/// ends before the current status, so the real deadline lies between deposit + delay (earliest)
/// and current-status date + delay (latest; the new delay after a suspension is never longer than
/// the legal one). « En retard » is claimed only past the latest bound, with the days and the
/// interest counted from it: what is shown is at least what is owed. **The exact clock needs the
/// status history** (`consulter/historique`), which the invoice page reads
/// ([`crate::suivi::horloge`]).
pub fn estimer(
    facture: &FactureRechercheeFournisseur,
    statut: StatutFacture,
    aujourd_hui: NaiveDate,
    type_acheteur: TypeAcheteur,
) -> EstimationDelai {
    let delai = u64::from(type_acheteur.delai_jours());
    let montant_ttc = facture.montant_ttc.unwrap_or_default();
    let etat_courant = facture
        .date_heure_etat_courant
        .as_ref()
        .and_then(|d| d.to_naive().ok())
        .map(|d| d.date());
    let au_plus_tot = facture
        .date_depot
        .or(etat_courant)
        .and_then(|d| d.checked_add_days(Days::new(delai)));
    let au_plus_tard = etat_courant.and_then(|d| d.checked_add_days(Days::new(delai)));
    let suspendue = matches!(
        statut,
        StatutFacture::SUSPENDUE | StatutFacture::A_COMPLETER
    );
    let mut interets_minimum = None;
    let situation = if suspendue {
        Situation::Interrompu
    } else {
        match (au_plus_tot, au_plus_tard) {
            (_, Some(tard)) if aujourd_hui > tard => {
                // Start the clock at the current status: its deadline is the latest possible one.
                interets_minimum = etat_courant.and_then(|debut| {
                    echeance(
                        &Horloge::new(debut, type_acheteur, montant_ttc),
                        aujourd_hui,
                    )
                    .ok()
                    .and_then(|etat| etat.interets)
                });
                Situation::EnRetard {
                    jours: (aujourd_hui - tard).num_days(),
                }
            }
            (Some(tot), _) if aujourd_hui > tot => Situation::PeutEtreEnRetard,
            (Some(tot), _) => Situation::ADelai {
                jours: (tot - aujourd_hui).num_days(),
            },
            // Neither date: nothing can be said, so nothing alarming is said.
            (None, _) => Situation::ADelai {
                jours: i64::from(type_acheteur.delai_jours()),
            },
        }
    };
    EstimationDelai {
        identifiant: facture.identifiant_facture_cpp,
        numero: facture.numero_facture.clone().unwrap_or_default(),
        destinataire: facture.designation_destinataire.clone().unwrap_or_default(),
        statut,
        montant_ttc,
        date_limite_au_plus_tot: au_plus_tot,
        date_limite_au_plus_tard: au_plus_tard,
        situation,
        interets_minimum,
    }
}

fn premier_du_mois(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The 12 months ending with the month of `fin`, oldest first, all empty.
fn douze_mois(fin: NaiveDate) -> Vec<ParMois> {
    let dernier = premier_du_mois(fin);
    (0..12_u32)
        .rev()
        .filter_map(|recul| dernier.checked_sub_months(Months::new(recul)))
        .map(|mois| ParMois {
            mois,
            nombre: 0,
            montant_ttc: Decimal::ZERO,
        })
        .collect()
}

/// Bar heights for `valeurs` on a chart `hauteur_max` units high: proportional to the largest
/// value, rounded to the unit, a non-zero value never below 1 so that it stays visible; negative
/// values and an all-zero series give 0.
pub fn hauteurs(valeurs: &[Decimal], hauteur_max: u32) -> Vec<u32> {
    let max = valeurs.iter().copied().fold(Decimal::ZERO, Decimal::max);
    valeurs
        .iter()
        .map(|v| {
            if max <= Decimal::ZERO || *v <= Decimal::ZERO {
                return 0;
            }
            let h = (*v * Decimal::from(hauteur_max) / max).round();
            u32::try_from(h.mantissa() / 10_i128.pow(h.scale()))
                .unwrap_or(hauteur_max)
                .clamp(1, hauteur_max)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cpro::DateHeure;
    use rust_decimal_macros::dec;

    fn jour(a: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, d).unwrap_or_default()
    }

    fn facture(
        numero: &str,
        statut: StatutFacture,
        ttc: Decimal,
        depot: NaiveDate,
        etat: &str,
    ) -> FactureRechercheeFournisseur {
        FactureRechercheeFournisseur {
            identifiant_facture_cpp: Some(1),
            numero_facture: Some(numero.into()),
            statut: Some(statut),
            montant_ttc: Some(ttc),
            date_depot: Some(depot),
            date_heure_etat_courant: Some(DateHeure(etat.into())),
            ..Default::default()
        }
    }

    #[test]
    fn families_cover_the_lifecycle() {
        use StatutFacture::*;
        assert_eq!(Famille::de(&DEPOSEE), Famille::Acheminement);
        assert_eq!(Famille::de(&EN_COURS_ACHEMINEMENT), Famille::Acheminement);
        assert_eq!(Famille::de(&A_RECYCLER), Famille::ATraiter);
        assert_eq!(Famille::de(&SUSPENDUE), Famille::ATraiter);
        assert_eq!(Famille::de(&INTERPRETEE_OCR), Famille::ATraiter);
        assert_eq!(Famille::de(&MISE_A_DISPOSITION), Famille::ChezDestinataire);
        assert_eq!(Famille::de(&MANDATEE), Famille::ChezDestinataire);
        assert_eq!(Famille::de(&COMPLETEE), Famille::ChezDestinataire);
        assert_eq!(Famille::de(&MISE_EN_PAIEMENT), Famille::Payees);
        assert_eq!(Famille::de(&REJETEE), Famille::Rejetees);
        assert_eq!(Famille::de(&ABANDONNEE), Famille::Rejetees);
        assert_eq!(
            Famille::de(&StatutFacture::Autre("NOUVEAU".into())),
            Famille::ChezDestinataire
        );
        // Every known status has a family, and the terminal ones are paid or lost.
        for statut in StatutFacture::CONNUS {
            if statut.est_terminal() {
                assert!(
                    matches!(Famille::de(statut), Famille::Payees | Famille::Rejetees),
                    "{statut}"
                );
            }
        }
    }

    #[test]
    fn counts_and_amounts_by_status_family_and_month() {
        let aujourd_hui = jour(2026, 12, 4);
        let factures = [
            facture(
                "A",
                StatutFacture::MISE_EN_PAIEMENT,
                dec!(1200),
                jour(2026, 10, 6),
                "2026-11-20T12:00:00",
            ),
            facture(
                "B",
                StatutFacture::A_RECYCLER,
                dec!(18000.00),
                jour(2026, 11, 19),
                "2026-11-20T09:00:00",
            ),
            facture(
                "C",
                StatutFacture::MISE_A_DISPOSITION,
                dec!(5760.00),
                jour(2026, 11, 28),
                "2026-11-28T10:00:00",
            ),
            facture(
                "D",
                StatutFacture::MISE_A_DISPOSITION,
                dec!(0.10),
                jour(2026, 12, 1),
                "2026-12-01T10:00:00",
            ),
            // Older than 12 months: in the totals, not in the months.
            facture(
                "E",
                StatutFacture::REJETEE,
                dec!(99),
                jour(2025, 12, 1),
                "2025-12-03T10:00:00",
            ),
            FactureRechercheeFournisseur::default(),
        ];
        let t = tableau(&factures, aujourd_hui, |_| TypeAcheteur::EtatOuCollectivite);
        assert_eq!(t.nombre, 6);
        assert_eq!(t.montant_ttc, dec!(25059.10));
        let statuts: Vec<_> = t
            .par_statut
            .iter()
            .map(|l| (l.statut.code().to_owned(), l.nombre, l.montant_ttc))
            .collect();
        assert_eq!(
            statuts,
            vec![
                ("A_RECYCLER".to_owned(), 1, dec!(18000.00)),
                ("MISE_A_DISPOSITION".to_owned(), 2, dec!(5760.10)),
                ("TECHNIQUE_INCONNU".to_owned(), 1, dec!(0)),
                ("MISE_EN_PAIEMENT".to_owned(), 1, dec!(1200)),
                ("REJETEE".to_owned(), 1, dec!(99)),
            ]
        );
        let familles: Vec<_> = t
            .par_famille
            .iter()
            .map(|f| (f.famille, f.nombre))
            .collect();
        assert_eq!(
            familles,
            vec![
                (Famille::Acheminement, 0),
                (Famille::ATraiter, 1),
                (Famille::ChezDestinataire, 3),
                (Famille::Payees, 1),
                (Famille::Rejetees, 1),
            ]
        );
        assert_eq!(t.par_mois.len(), 12);
        assert_eq!(t.par_mois[0].mois, jour(2026, 1, 1));
        assert_eq!(t.par_mois[11].mois, jour(2026, 12, 1));
        assert_eq!(
            (t.par_mois[11].nombre, t.par_mois[11].montant_ttc),
            (1, dec!(0.10))
        );
        assert_eq!(
            (t.par_mois[10].nombre, t.par_mois[10].montant_ttc),
            (2, dec!(23760.00))
        );
        assert_eq!(t.par_mois[9].nombre, 1);
        assert_eq!(t.par_mois.iter().map(|m| m.nombre).sum::<u64>(), 4);
        // Awaiting payment: the two made available (the unknown status counts as with the recipient).
        assert_eq!(t.en_attente.nombre, 3);
        assert_eq!(t.en_attente.montant_ttc, dec!(5760.10));
    }

    #[test]
    fn awaiting_payment_statuses_exclude_paid_rejected_and_sent_back() {
        let statuts = statuts_attente_paiement();
        assert!(statuts.contains(&StatutFacture::MISE_A_DISPOSITION));
        assert!(statuts.contains(&StatutFacture::MANDATEE));
        assert!(statuts.contains(&StatutFacture::SUSPENDUE));
        for absent in [
            StatutFacture::MISE_EN_PAIEMENT,
            StatutFacture::REJETEE,
            StatutFacture::A_RECYCLER,
            StatutFacture::DEPOSEE,
        ] {
            assert!(!statuts.contains(&absent), "{absent}");
        }
    }

    #[test]
    fn months_cross_the_year_and_keep_empty_ones() {
        let mois = douze_mois(jour(2026, 3, 31));
        assert_eq!(mois.first().map(|m| m.mois), Some(jour(2025, 4, 1)));
        assert_eq!(mois.last().map(|m| m.mois), Some(jour(2026, 3, 1)));
        assert!(mois.windows(2).all(|w| w[0].mois < w[1].mois));
        assert!(mois.iter().all(|m| m.nombre == 0));
    }

    #[test]
    fn lateness_is_claimed_only_past_the_latest_possible_deadline() {
        let aujourd_hui = jour(2026, 12, 4);
        let etat = TypeAcheteur::EtatOuCollectivite;
        // Made available on 6 October: deadline 5 November, 29 days late, exact.
        let sur = facture(
            "LATE",
            StatutFacture::MISE_A_DISPOSITION,
            dec!(10000),
            jour(2026, 10, 6),
            "2026-10-06T09:00:00",
        );
        let e = estimer(&sur, StatutFacture::MISE_A_DISPOSITION, aujourd_hui, etat);
        assert_eq!(e.date_limite_au_plus_tard, Some(jour(2026, 11, 5)));
        assert_eq!(e.situation, Situation::EnRetard { jours: 29 });
        // Interest would start in November 2026, whose half-year ECB rate is not in the table yet:
        // no amount rather than a wrong one (the invoice page asks for the rate).
        assert_eq!(e.interets_minimum, None);
        // Deposited long ago but the current status is recent (service fait on 20 November):
        // the made-available date lies in between, so it may be late, not surely.
        let peut_etre = facture(
            "MAYBE",
            StatutFacture::SERVICE_FAIT,
            dec!(500),
            jour(2026, 10, 1),
            "2026-11-20T09:00:00",
        );
        let e = estimer(&peut_etre, StatutFacture::SERVICE_FAIT, aujourd_hui, etat);
        assert_eq!(e.date_limite_au_plus_tot, Some(jour(2026, 10, 31)));
        assert_eq!(e.date_limite_au_plus_tard, Some(jour(2026, 12, 20)));
        assert_eq!(e.situation, Situation::PeutEtreEnRetard);
        assert_eq!(e.interets_minimum, None);
        // Recent: days left counted to the earliest deadline.
        let recente = facture(
            "NEW",
            StatutFacture::MISE_A_DISPOSITION,
            dec!(1),
            jour(2026, 12, 1),
            "2026-12-01T09:05:00",
        );
        let e = estimer(
            &recente,
            StatutFacture::MISE_A_DISPOSITION,
            aujourd_hui,
            etat,
        );
        assert_eq!(e.situation, Situation::ADelai { jours: 27 });
        // Suspended: the clock stands still.
        let suspendue = facture(
            "SUSP",
            StatutFacture::SUSPENDUE,
            dec!(1),
            jour(2026, 1, 1),
            "2026-01-10T09:00:00",
        );
        let e = estimer(&suspendue, StatutFacture::SUSPENDUE, aujourd_hui, etat);
        assert_eq!(e.situation, Situation::Interrompu);
        // A row without dates says nothing alarming.
        let e = estimer(
            &FactureRechercheeFournisseur::default(),
            StatutFacture::MISE_A_DISPOSITION,
            aujourd_hui,
            etat,
        );
        assert_eq!(e.situation, Situation::ADelai { jours: 30 });
    }

    #[test]
    fn minimum_interest_uses_the_known_ecb_rate() {
        // Made available 3 March 2025, deadline 2 April, today 12 April: 10 days at 11.15 %.
        let f = facture(
            "X",
            StatutFacture::MANDATEE,
            dec!(1200),
            jour(2025, 3, 1),
            "2025-03-03T10:00:00",
        );
        let e = estimer(
            &f,
            StatutFacture::MANDATEE,
            jour(2025, 4, 12),
            TypeAcheteur::EtatOuCollectivite,
        );
        assert_eq!(e.situation, Situation::EnRetard { jours: 10 });
        let i = e.interets_minimum.unwrap_or_else(|| panic!("interest"));
        assert_eq!(i.taux_annuel, dec!(11.15));
        assert_eq!(i.total, i.montant_interets + dec!(40));
    }

    #[test]
    fn late_invoices_come_first_most_late_first() {
        let aujourd_hui = jour(2026, 12, 4);
        let factures = [
            facture(
                "RECENT",
                StatutFacture::MISE_A_DISPOSITION,
                dec!(1),
                jour(2026, 12, 1),
                "2026-12-01T09:00:00",
            ),
            facture(
                "LATE-10",
                StatutFacture::MISE_A_DISPOSITION,
                dec!(1),
                jour(2026, 10, 25),
                "2026-10-25T09:00:00",
            ),
            facture(
                "LATE-30",
                StatutFacture::MISE_A_DISPOSITION,
                dec!(1),
                jour(2026, 10, 5),
                "2026-10-05T09:00:00",
            ),
            facture(
                "PAID",
                StatutFacture::MISE_EN_PAIEMENT,
                dec!(1),
                jour(2026, 1, 5),
                "2026-03-05T09:00:00",
            ),
        ];
        let t = tableau(&factures, aujourd_hui, |_| TypeAcheteur::default());
        let ordre: Vec<&str> = t.echeances.iter().map(|e| e.numero.as_str()).collect();
        assert_eq!(ordre, ["LATE-30", "LATE-10", "RECENT"]);
        assert_eq!(t.en_retard().count(), 2);
        let attente: Vec<_> = t
            .attente_par_situation()
            .iter()
            .map(|c| (c.classe, c.nombre, c.montant_ttc))
            .collect();
        assert_eq!(
            attente,
            vec![
                (ClasseAttente::AEchoir, 1, dec!(1)),
                (ClasseAttente::PeutEtreEnRetard, 0, dec!(0)),
                (ClasseAttente::EnRetard, 2, dec!(2)),
                (ClasseAttente::Interrompu, 0, dec!(0)),
            ]
        );
        assert_eq!(t.peut_etre_en_retard().count(), 0);
    }

    #[test]
    fn bar_heights_are_proportional_and_visible() {
        assert_eq!(
            hauteurs(&[dec!(0), dec!(50), dec!(100), dec!(0.01)], 200),
            vec![0, 100, 200, 1]
        );
        assert_eq!(hauteurs(&[dec!(1), dec!(3)], 100), vec![33, 100]);
        assert_eq!(hauteurs(&[dec!(0), dec!(0)], 100), vec![0, 0]);
        assert_eq!(hauteurs(&[dec!(-5), dec!(5)], 10), vec![0, 10]);
        assert!(hauteurs(&[], 10).is_empty());
    }
}
