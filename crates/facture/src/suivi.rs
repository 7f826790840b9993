//! Follow-up of sent invoices: which ones need the supplier, the payment clock read from the status
//! history, and the CSV export of a search.
//!
//! ```
//! use cpro::factures::{FactureRechercheeFournisseur, StatutFacture};
//! use facture::suivi::{a_traiter, Synthese};
//! let facture = FactureRechercheeFournisseur {
//!     statut: Some(StatutFacture::A_RECYCLER),
//!     ..Default::default()
//! };
//! let jour = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
//! assert!(a_traiter(&facture, jour, &Synthese::default()).is_some());
//! ```

use chrono::{NaiveDate, NaiveDateTime};
use cpro::factures::{ActionFournisseur, FactureRechercheeFournisseur, HistoStatut, StatutFacture};
use rust_decimal::Decimal;

use crate::delai::{Horloge, TypeAcheteur};
use crate::montant::arrondir_montant;

/// The statuses that ask something of the supplier, for a search of the work list.
pub const STATUTS_A_TRAITER: [StatutFacture; 6] = [
    StatutFacture::A_RECYCLER,
    StatutFacture::SUSPENDUE,
    StatutFacture::REJETEE,
    StatutFacture::A_COMPLETER,
    StatutFacture::ERREUR_FOURNISSEUR_SUR_VALIDEUR,
    StatutFacture::ERREUR_COTRAITANT_SUR_VALIDEUR,
];

/// Options of the work list (Synthèse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synthese {
    /// Rejected invoices whose rejection is older than this many days are hidden (the portal's
    /// « masquer les factures rejetées depuis plus de 10 jours »); `None` shows them all.
    pub masquer_rejets_apres_jours: Option<i64>,
}

impl Default for Synthese {
    fn default() -> Self {
        Synthese {
            masquer_rejets_apres_jours: Some(10),
        }
    }
}

/// What the supplier has to do for this invoice, when it is on the work list: the status asks for
/// an action, a rejection not yet acknowledged, and not an old rejection when those are hidden.
pub fn a_traiter(
    facture: &FactureRechercheeFournisseur,
    aujourd_hui: NaiveDate,
    options: &Synthese,
) -> Option<ActionFournisseur> {
    let action = facture.statut.as_ref()?.action_fournisseur()?;
    if action == ActionFournisseur::TraiterRejet {
        if facture.rejet_traite == Some(true) {
            return None;
        }
        let depuis = facture
            .date_heure_etat_courant
            .as_ref()
            .and_then(|d| d.to_naive().ok())
            .map(|d| d.date());
        if let (Some(limite), Some(depuis)) = (options.masquer_rejets_apres_jours, depuis) {
            if (aujourd_hui - depuis).num_days() > limite {
                return None;
            }
        }
    }
    Some(action)
}

/// One step of « Suivi du traitement », oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EtapeSuivi {
    /// When the invoice entered the status.
    pub date: Option<NaiveDateTime>,
    /// The status.
    pub statut: StatutFacture,
    /// Who set it, when known.
    pub auteur: String,
    /// The reason or comment given.
    pub commentaire: String,
}

/// The status history in date order, each step with its author and comment.
pub fn etapes(historique: &[HistoStatut]) -> Vec<EtapeSuivi> {
    let mut etapes: Vec<EtapeSuivi> = historique
        .iter()
        .filter_map(|h| {
            let statut = h.histo_statut_code.clone()?;
            let auteur = [
                h.histo_statut_utilisateur_prenom.as_deref(),
                h.histo_statut_utilisateur_nom.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
            Some(EtapeSuivi {
                date: h
                    .histo_statut_date_passage
                    .as_ref()
                    .and_then(|d| d.to_naive().ok()),
                statut,
                auteur,
                commentaire: h.histo_statut_commentaire.clone().unwrap_or_default(),
            })
        })
        .collect();
    etapes.sort_by_key(|e| e.date);
    etapes
}

/// The payment clock of an invoice from its status history: it starts at the mise à disposition,
/// each suspension runs until completion, the mise en paiement stops it. `None` until the invoice
/// was made available to the buyer.
pub fn horloge(
    etapes: &[EtapeSuivi],
    type_acheteur: TypeAcheteur,
    montant_ttc: Decimal,
) -> Option<Horloge> {
    let statuts: Vec<(StatutFacture, NaiveDate)> = etapes
        .iter()
        .filter_map(|e| Some((e.statut.clone(), e.date?.date())))
        .collect();
    Horloge::depuis_historique(&statuts, type_acheteur, montant_ttc)
}

/// A status change noticed between two looks at the invoices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changement {
    /// `identifiantFactureCPP`.
    pub identifiant: i64,
    /// Invoice number.
    pub numero: String,
    /// Status before; `None` for an invoice not seen before.
    pub avant: Option<StatutFacture>,
    /// Status now.
    pub apres: StatutFacture,
}

/// The invoices whose status changed since `connus` (id → status code), and the new picture to keep.
/// Invoices new since the last look are changes too, except on the very first look (`connus` empty),
/// which only records.
pub fn changements(
    connus: &std::collections::BTreeMap<i64, String>,
    factures: &[FactureRechercheeFournisseur],
) -> (Vec<Changement>, std::collections::BTreeMap<i64, String>) {
    let premiere_fois = connus.is_empty();
    let mut maintenant = std::collections::BTreeMap::new();
    let mut changements = Vec::new();
    for f in factures {
        let (Some(id), Some(statut)) = (f.identifiant_facture_cpp, f.statut.clone()) else {
            continue;
        };
        let avant = connus.get(&id);
        if !premiere_fois && avant.map(String::as_str) != Some(statut.code()) {
            changements.push(Changement {
                identifiant: id,
                numero: f.numero_facture.clone().unwrap_or_default(),
                avant: avant.map(|code| StatutFacture::from_code(code)),
                apres: statut.clone(),
            });
        }
        maintenant.insert(id, statut.code().to_owned());
    }
    (changements, maintenant)
}

/// The columns of [`csv_factures`], in French as the portal's export.
pub const COLONNES_CSV: [&str; 13] = [
    "Numéro de facture",
    "Type",
    "Date de facture",
    "Date de dépôt",
    "Destinataire",
    "SIRET destinataire",
    "Code service",
    "Statut",
    "Montant HT",
    "Montant TTC",
    "Net à payer",
    "Devise",
    "Identifiant Chorus Pro",
];

/// A search's results as CSV for a spreadsheet in French: `;` between cells, decimal comma, dates
/// `JJ/MM/AAAA`, CRLF line ends, a UTF-8 byte order mark so accents open right. Cells that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are prefixed with `'`.
pub fn csv_factures(factures: &[FactureRechercheeFournisseur]) -> String {
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%d/%m/%Y").to_string());
    let montant = |m: Option<Decimal>| m.map(|m| arrondir_montant(m).to_string().replace('.', ","));
    crate::csv::document(
        &COLONNES_CSV,
        factures.iter().map(|f| {
            [
                f.numero_facture.clone(),
                f.type_facture.as_ref().map(|t| t.to_string()),
                date(f.date_facture),
                date(f.date_depot),
                f.designation_destinataire.clone(),
                f.code_destinataire.clone(),
                f.code_service_executant.clone(),
                f.statut.as_ref().map(|s| s.libelle_fr().to_owned()),
                montant(f.montant_ht),
                montant(f.montant_ttc),
                montant(f.montant_a_payer),
                f.devise.clone(),
                f.identifiant_facture_cpp.map(|i| i.to_string()),
            ]
            .into_iter()
            .map(Option::unwrap_or_default)
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use cpro::DateHeure;

    fn jour(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn facture(statut: StatutFacture) -> FactureRechercheeFournisseur {
        FactureRechercheeFournisseur {
            statut: Some(statut),
            ..Default::default()
        }
    }

    #[test]
    fn statuses_asking_for_the_supplier_are_on_the_work_list() {
        let options = Synthese::default();
        let aujourd_hui = jour(12, 4);
        assert_eq!(
            a_traiter(&facture(StatutFacture::A_RECYCLER), aujourd_hui, &options),
            Some(ActionFournisseur::Recycler)
        );
        assert_eq!(
            a_traiter(&facture(StatutFacture::SUSPENDUE), aujourd_hui, &options),
            Some(ActionFournisseur::Completer)
        );
        assert_eq!(
            a_traiter(
                &facture(StatutFacture::MISE_EN_PAIEMENT),
                aujourd_hui,
                &options
            ),
            None
        );
        for statut in STATUTS_A_TRAITER {
            assert!(statut.action_fournisseur().is_some(), "{statut}");
        }
    }

    #[test]
    fn acknowledged_or_old_rejections_leave_the_work_list() {
        let aujourd_hui = jour(12, 20);
        let mut rejet = facture(StatutFacture::REJETEE);
        rejet.date_heure_etat_courant = Some(DateHeure("2026-12-12T10:00:00".into()));
        let options = Synthese::default();
        assert_eq!(
            a_traiter(&rejet, aujourd_hui, &options),
            Some(ActionFournisseur::TraiterRejet)
        );
        rejet.date_heure_etat_courant = Some(DateHeure("2026-12-01T10:00:00".into()));
        assert_eq!(a_traiter(&rejet, aujourd_hui, &options), None);
        let tout = Synthese {
            masquer_rejets_apres_jours: None,
        };
        assert!(a_traiter(&rejet, aujourd_hui, &tout).is_some());
        rejet.rejet_traite = Some(true);
        assert_eq!(a_traiter(&rejet, aujourd_hui, &tout), None);
    }

    fn histo(code: StatutFacture, date: &str, commentaire: &str) -> HistoStatut {
        HistoStatut {
            histo_statut_code: Some(code),
            histo_statut_date_passage: Some(DateHeure(date.into())),
            histo_statut_commentaire: Some(commentaire.into()),
            histo_statut_utilisateur_prenom: Some("Camille".into()),
            histo_statut_utilisateur_nom: Some("Martin".into()),
            ..Default::default()
        }
    }

    #[test]
    fn history_is_sorted_and_drives_the_payment_clock() {
        let historique = vec![
            histo(StatutFacture::MISE_A_DISPOSITION, "2026-10-06T09:00:00", ""),
            histo(StatutFacture::DEPOSEE, "2026-10-06T08:50:00", ""),
            histo(
                StatutFacture::MISE_EN_PAIEMENT,
                "2026-11-20T12:00:00",
                "payée",
            ),
        ];
        let etapes = etapes(&historique);
        assert_eq!(etapes[0].statut, StatutFacture::DEPOSEE);
        assert_eq!(etapes[2].commentaire, "payée");
        assert_eq!(etapes[0].auteur, "Camille Martin");
        let horloge = horloge(
            &etapes,
            TypeAcheteur::EtatOuCollectivite,
            Decimal::new(120000, 2),
        );
        let horloge = horloge.unwrap_or_else(|| panic!("made available: a clock"));
        assert_eq!(horloge.mise_a_disposition, jour(10, 6));
        assert_eq!(horloge.date_paiement, Some(jour(11, 20)));
        let etat = crate::delai::echeance(&horloge, jour(12, 4)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(etat.date_limite, Some(jour(11, 5)));
        assert!(etat.en_retard, "paid 15 days after the deadline");
    }

    #[test]
    fn no_clock_before_the_mise_a_disposition() {
        let etapes = etapes(&[histo(StatutFacture::DEPOSEE, "2026-10-06T08:50:00", "")]);
        assert_eq!(
            horloge(&etapes, TypeAcheteur::default(), Decimal::ONE),
            None
        );
    }

    #[test]
    fn csv_is_french_spreadsheet_ready_and_safe() {
        let f = FactureRechercheeFournisseur {
            numero_facture: Some("=HYPERLINK(\"x\")".into()),
            date_depot: Some(jour(12, 4)),
            designation_destinataire: Some("Mairie; annexe".into()),
            montant_ttc: Some(Decimal::new(120000, 2)),
            statut: Some(StatutFacture::A_RECYCLER),
            identifiant_facture_cpp: Some(42),
            ..Default::default()
        };
        let csv = csv_factures(&[f]);
        assert!(csv.starts_with('\u{FEFF}'));
        let lignes: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lignes.len(), 3, "header, one row, final empty piece");
        assert_eq!(lignes[0].split(';').count(), COLONNES_CSV.len());
        let ligne = lignes[1];
        assert!(ligne.starts_with("\"'=HYPERLINK(\"\"x\"\")\";"), "{ligne}");
        assert!(ligne.contains(";04/12/2026;"));
        assert!(ligne.contains(";\"Mairie; annexe\";"));
        assert!(ligne.contains(";1200,00;"));
        assert!(ligne.contains(";À recycler;"));
        assert!(ligne.ends_with(";42"));
    }

    #[test]
    fn status_changes_are_noticed_after_the_first_look() {
        let facture = |id: i64, statut: StatutFacture| FactureRechercheeFournisseur {
            identifiant_facture_cpp: Some(id),
            numero_facture: Some(format!("F-{id}")),
            statut: Some(statut),
            ..Default::default()
        };
        let (premiers, connus) = changements(
            &Default::default(),
            &[
                facture(1, StatutFacture::DEPOSEE),
                facture(2, StatutFacture::DEPOSEE),
            ],
        );
        assert!(premiers.is_empty(), "the first look only records");
        assert_eq!(connus.len(), 2);
        let (vus, connus) = changements(
            &connus,
            &[
                facture(1, StatutFacture::A_RECYCLER),
                facture(2, StatutFacture::DEPOSEE),
                facture(3, StatutFacture::DEPOSEE),
            ],
        );
        assert_eq!(vus.len(), 2);
        assert_eq!(vus[0].avant, Some(StatutFacture::DEPOSEE));
        assert_eq!(vus[0].apres, StatutFacture::A_RECYCLER);
        assert_eq!((vus[1].identifiant, vus[1].avant.clone()), (3, None));
        let (rien, _) = changements(&connus, &[facture(1, StatutFacture::A_RECYCLER)]);
        assert!(rien.is_empty());
    }

    #[test]
    fn negative_amounts_stay_numbers_but_dash_text_is_neutralised() {
        assert_eq!(crate::csv::cellule("-12,50"), "-12,50");
        assert_eq!(crate::csv::cellule("-cmd"), "'-cmd");
        assert_eq!(crate::csv::cellule("@SUM"), "'@SUM");
    }
}
