//! Validation windows the supplier waits on before the buyer's payment clock matters
//! (rules-and-peers §2 and §6.3):
//!
//! - **A9 / A12** (sous-traitance, cotraitance): the titulaire or mandataire who must validate the
//!   invoice (`A_VALIDER_1`, `A_VALIDER_2`) has **15 days**; without an answer the invoice is deemed
//!   accepted and goes on to the buyer (Chorus Pro then marks `ABSENCE_VALIDATION_…_HORS_DELAI`).
//! - **Works** (CCAG-Travaux): the maître d'œuvre has **7 days** from the moment Chorus Pro made the
//!   projet de décompte available to him (`MISE_A_DISPOSITION_MOE`, `A_VALIDER_MOE`,
//!   `PRISE_EN_COMPTE_MOE`); the payment clock runs from that reception.
//!
//! A window starts when the invoice entered its current stretch of such statuses and counts calendar
//! days. [`preuve`] writes what the history proves, for a reminder or a claim.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use cpro::codes::StatutFacture;

use crate::suivi::EtapeSuivi;

/// Days the titulaire or mandataire has to validate (A9, A12).
pub const JOURS_VALIDEUR: i64 = 15;
/// Days the maître d'œuvre has to process a works piece.
pub const JOURS_MAITRE_OEUVRE: i64 = 7;

/// Who the invoice waits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Circuit {
    /// The first (1) or second (2) validator of an A9 / A12 invoice.
    Valideur(u8),
    /// The maître d'œuvre of a works piece.
    MaitreOeuvre,
}

impl Circuit {
    /// The statuses in which the invoice waits on this party; `None` for any other status.
    pub fn du_statut(statut: &StatutFacture) -> Option<Circuit> {
        match statut {
            StatutFacture::A_VALIDER_1 => Some(Circuit::Valideur(1)),
            StatutFacture::A_VALIDER_2 => Some(Circuit::Valideur(2)),
            StatutFacture::MISE_A_DISPOSITION_MOE
            | StatutFacture::A_VALIDER_MOE
            | StatutFacture::PRISE_EN_COMPTE_MOE => Some(Circuit::MaitreOeuvre),
            _ => None,
        }
    }

    /// The length of the window, in calendar days.
    pub fn jours(self) -> i64 {
        match self {
            Circuit::Valideur(_) => JOURS_VALIDEUR,
            Circuit::MaitreOeuvre => JOURS_MAITRE_OEUVRE,
        }
    }
}

/// A window running (or run out) for an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FenetreValidation {
    /// Who must act.
    pub circuit: Circuit,
    /// When the invoice reached that party, as Chorus Pro timestamped it.
    pub debut: NaiveDateTime,
    /// The last day the party may act.
    pub echeance: NaiveDate,
    /// Days left until [`Self::echeance`] (0 on the day itself); negative once it passed.
    pub jours_restants: i64,
}

impl FenetreValidation {
    /// The window ran out without an answer.
    pub fn echue(&self) -> bool {
        self.jours_restants < 0
    }
}

/// The window the invoice is in at its current (last) status, if any. `None` when the current status
/// waits on no validator, or its date is unknown.
pub fn fenetre_en_cours(
    etapes: &[EtapeSuivi],
    aujourd_hui: NaiveDate,
) -> Option<FenetreValidation> {
    let courante = etapes.last()?;
    let circuit = Circuit::du_statut(&courante.statut)?;
    // The stretch started at the earliest of the trailing steps that wait on the same party.
    let debut = etapes
        .iter()
        .rev()
        .take_while(|e| Circuit::du_statut(&e.statut) == Some(circuit))
        .filter_map(|e| e.date)
        .min()?;
    let echeance = debut.date() + Duration::days(circuit.jours());
    Some(FenetreValidation {
        circuit,
        debut,
        echeance,
        jours_restants: (echeance - aujourd_hui).num_days(),
    })
}

/// A plain-text statement of the window and of the history it rests on, in French (the language
/// of the reminder or claim it supports).
pub fn preuve(
    numero: &str,
    identifiant_cpp: Option<i64>,
    etapes: &[EtapeSuivi],
    fenetre: &FenetreValidation,
    aujourd_hui: NaiveDate,
) -> String {
    let jour = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let partie = match fenetre.circuit {
        Circuit::Valideur(rang) => format!("le valideur {rang} (titulaire ou mandataire)"),
        Circuit::MaitreOeuvre => "le maître d'œuvre".to_owned(),
    };
    let mut texte = format!(
        "Facture {numero}{}\n\n",
        identifiant_cpp
            .map(|id| format!(" (identifiant Chorus Pro {id})"))
            .unwrap_or_default()
    );
    texte.push_str(&format!(
        "Mise à disposition de {partie} le {} : délai de {} jours, échéance le {}.\n",
        fenetre.debut.format("%d/%m/%Y à %H:%M"),
        fenetre.circuit.jours(),
        jour(fenetre.echeance)
    ));
    if fenetre.echue() {
        texte.push_str(&format!(
            "Au {}, le délai est échu depuis {} jour(s) sans réponse.\n",
            jour(aujourd_hui),
            -fenetre.jours_restants
        ));
        if let Circuit::Valideur(_) = fenetre.circuit {
            texte.push_str(
                "Sans réponse dans le délai, la facture est réputée acceptée (acceptation tacite).\n",
            );
        }
    } else {
        texte.push_str(&format!(
            "Au {}, il reste {} jour(s).\n",
            jour(aujourd_hui),
            fenetre.jours_restants
        ));
    }
    texte.push_str("\nHistorique Chorus Pro :\n");
    for e in etapes {
        let quand = e
            .date
            .map(|d| d.format("%d/%m/%Y %H:%M").to_string())
            .unwrap_or_else(|| "date inconnue".to_owned());
        texte.push_str(&format!("- {quand} : {}", e.statut.libelle_fr()));
        if !e.commentaire.trim().is_empty() {
            texte.push_str(&format!(" ({})", e.commentaire.trim()));
        }
        texte.push('\n');
    }
    texte
}

#[cfg(test)]
mod tests {
    use super::*;

    fn etape(statut: StatutFacture, jour: u32, heure: u32) -> EtapeSuivi {
        EtapeSuivi {
            date: NaiveDate::from_ymd_opt(2026, 11, jour).and_then(|d| d.and_hms_opt(heure, 0, 0)),
            statut,
            auteur: String::new(),
            commentaire: String::new(),
        }
    }

    fn jour(j: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, j).unwrap_or_default()
    }

    #[test]
    fn a_validator_has_fifteen_days_from_reception() {
        let etapes = [
            etape(StatutFacture::DEPOSEE, 2, 9),
            etape(StatutFacture::EN_COURS_ACHEMINEMENT, 2, 9),
            etape(StatutFacture::A_VALIDER_1, 2, 10),
        ];
        let f = fenetre_en_cours(&etapes, jour(10)).expect("window running");
        assert_eq!(f.circuit, Circuit::Valideur(1));
        assert_eq!(f.echeance, jour(17));
        assert_eq!(f.jours_restants, 7);
        assert!(!f.echue());
        // On the deadline itself there is 0 day left, the day after it ran out.
        assert_eq!(
            fenetre_en_cours(&etapes, jour(17)).map(|f| f.jours_restants),
            Some(0)
        );
        let echue = fenetre_en_cours(&etapes, jour(20)).expect("window");
        assert!(echue.echue());
        assert_eq!(echue.jours_restants, -3);
    }

    #[test]
    fn the_works_window_runs_from_the_first_moe_status_of_the_current_stretch() {
        let etapes = [
            etape(StatutFacture::DEPOSEE, 1, 9),
            etape(StatutFacture::MISE_A_DISPOSITION_MOE, 3, 11),
            etape(StatutFacture::PRISE_EN_COMPTE_MOE, 5, 8),
        ];
        let f = fenetre_en_cours(&etapes, jour(6)).expect("window running");
        assert_eq!(f.circuit, Circuit::MaitreOeuvre);
        assert_eq!(f.debut.date(), jour(3));
        assert_eq!(f.echeance, jour(10));
        assert_eq!(f.jours_restants, 4);
    }

    #[test]
    fn no_window_once_the_party_answered_or_outside_the_circuits() {
        let validee = [
            etape(StatutFacture::A_VALIDER_1, 2, 10),
            etape(StatutFacture::VALIDEE_1, 4, 10),
        ];
        assert_eq!(fenetre_en_cours(&validee, jour(5)), None);
        assert_eq!(
            fenetre_en_cours(&[etape(StatutFacture::MISE_A_DISPOSITION, 2, 10)], jour(5)),
            None
        );
        assert_eq!(fenetre_en_cours(&[], jour(5)), None);
        // The second validator's window starts when the first one validated, not before.
        let second = [
            etape(StatutFacture::A_VALIDER_1, 2, 10),
            etape(StatutFacture::VALIDEE_1, 4, 10),
            etape(StatutFacture::A_VALIDER_2, 4, 11),
        ];
        let f = fenetre_en_cours(&second, jour(5)).expect("window");
        assert_eq!((f.circuit, f.echeance), (Circuit::Valideur(2), jour(19)));
    }

    #[test]
    fn the_proof_states_the_window_and_the_history() {
        let etapes = [
            etape(StatutFacture::DEPOSEE, 2, 9),
            etape(StatutFacture::A_VALIDER_1, 2, 10),
        ];
        let f = fenetre_en_cours(&etapes, jour(20)).expect("window");
        let texte = preuve("F-9", Some(8420001), &etapes, &f, jour(20));
        assert!(
            texte.contains("Facture F-9 (identifiant Chorus Pro 8420001)"),
            "{texte}"
        );
        assert!(
            texte.contains("le 02/11/2026 à 10:00 : délai de 15 jours, échéance le 17/11/2026"),
            "{texte}"
        );
        assert!(texte.contains("échu depuis 3 jour(s)"), "{texte}");
        assert!(texte.contains("acceptation tacite"), "{texte}");
        assert!(texte.contains("- 02/11/2026 09:00 : Déposée"), "{texte}");
    }
}
