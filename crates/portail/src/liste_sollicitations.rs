//! The list of sollicitations as the portal shows it: which tab a sollicitation belongs to, the keyword
//! search, the sort by column and the rows of the CSV export. No IO: the SPA builds one [`Ligne`] per
//! sollicitation (labels in the user's language) and binds.

use std::cmp::Ordering;

use crate::sollicitations::Statut;

/// The tabs of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Onglet {
    /// The recipient asked the user for information: they must answer.
    ActionsRequises,
    /// Open, or waiting for someone else.
    EnCours,
    /// Resolved or closed.
    Clotures,
    /// Creation forms not sent yet, kept on this device.
    Brouillons,
}

impl Onglet {
    /// Every tab, in the order shown.
    pub const TOUS: [Onglet; 4] = [
        Onglet::ActionsRequises,
        Onglet::EnCours,
        Onglet::Clotures,
        Onglet::Brouillons,
    ];

    /// A short stable code (element ids, URL).
    pub fn code(self) -> &'static str {
        match self {
            Onglet::ActionsRequises => "actions",
            Onglet::EnCours => "en-cours",
            Onglet::Clotures => "clotures",
            Onglet::Brouillons => "brouillons",
        }
    }

    /// The tab of a code.
    pub fn depuis_code(code: &str) -> Option<Onglet> {
        Onglet::TOUS.into_iter().find(|o| o.code() == code)
    }

    /// The tab before (`-1`) or after (`1`) this one, wrapping around (arrow keys of a tab list).
    pub fn voisin(self, pas: i32) -> Onglet {
        let n = Onglet::TOUS.len() as i32;
        let i = Onglet::TOUS.iter().position(|o| *o == self).unwrap_or(0) as i32;
        Onglet::TOUS[((i + pas).rem_euclid(n)) as usize]
    }
}

/// The tab of a sent sollicitation: « Actions requises » when the recipient waits for the user's
/// information and the user may answer (`peut_repondre`: the server offers `REPONDRE`); « En cours » for
/// the other open ones (a colleague with consultation rights only sees the request but cannot answer);
/// « Clôturés » once resolved or closed.
pub fn onglet(statut: Statut, peut_repondre: bool) -> Onglet {
    match statut {
        Statut::EnAttenteInformations if peut_repondre => Onglet::ActionsRequises,
        Statut::Ouvert | Statut::EnAttenteInformations => Onglet::EnCours,
        Statut::Resolu | Statut::Ferme => Onglet::Clotures,
    }
}

/// One row of the list, with the labels as shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ligne {
    /// Number (id).
    pub id: i64,
    /// Subject.
    pub sujet: String,
    /// Description.
    pub description: String,
    /// « Catégorie — sous-catégorie » label.
    pub categorie: String,
    /// The object (« Facture F-12 »), empty when none.
    pub objet: String,
    /// Recipient organisation.
    pub destinataire: String,
    /// Status code (`OUVERT`…).
    pub statut: String,
    /// Status label.
    pub libelle_statut: String,
    /// Created (UTC, `YYYY-MM-DDTHH:MM:SS`).
    pub cree_le: String,
    /// Last activity (UTC, `YYYY-MM-DDTHH:MM:SS`).
    pub modifie_le: String,
}

/// Lower case without accents or ligatures, so that « reglement » finds « Règlement ».
pub fn replier(texte: &str) -> String {
    let mut replie = String::with_capacity(texte.len());
    for c in texte.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => replie.push('a'),
            'ç' => replie.push('c'),
            'é' | 'è' | 'ê' | 'ë' => replie.push('e'),
            'î' | 'ï' | 'í' | 'ì' => replie.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => replie.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => replie.push('u'),
            'ÿ' | 'ý' => replie.push('y'),
            'ñ' => replie.push('n'),
            'œ' => replie.push_str("oe"),
            'æ' => replie.push_str("ae"),
            '’' => replie.push('\''),
            autre => replie.push(autre),
        }
    }
    replie
}

/// True when every word of `recherche` is in `texte`, case and accents ignored; an empty search
/// matches.
pub fn contient_les_mots(texte: &str, recherche: &str) -> bool {
    let texte = replier(texte);
    replier(recherche)
        .split_whitespace()
        .all(|mot| texte.contains(mot))
}

/// True when every word of `recherche` is found in the row's number, subject, object, description,
/// category or recipient (case and accents ignored). An empty search matches every row.
pub fn correspond(ligne: &Ligne, recherche: &str) -> bool {
    contient_les_mots(
        &format!(
            "n°{}\n{}\n{}\n{}\n{}\n{}",
            ligne.id,
            ligne.sujet,
            ligne.objet,
            ligne.description,
            ligne.categorie,
            ligne.destinataire
        ),
        recherche,
    )
}

/// A sortable column of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colonne {
    /// Number.
    Numero,
    /// Subject.
    Sujet,
    /// Category.
    Categorie,
    /// Object.
    Objet,
    /// Recipient.
    Destinataire,
    /// Status, in the order of a ticket's life.
    Statut,
    /// Last activity.
    Modifiee,
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sens {
    /// A → Z, oldest first, smallest first.
    Croissant,
    /// Z → A, newest first.
    Decroissant,
}

impl Sens {
    /// The other direction.
    pub fn inverse(self) -> Sens {
        match self {
            Sens::Croissant => Sens::Decroissant,
            Sens::Decroissant => Sens::Croissant,
        }
    }

    /// `aria-sort` of a column sorted this way.
    pub fn aria(self) -> &'static str {
        match self {
            Sens::Croissant => "ascending",
            Sens::Decroissant => "descending",
        }
    }
}

/// The sort after a click on `colonne`: the same column flips; another one starts ascending, except the
/// last activity, newest first.
pub fn tri_apres_clic(actuel: (Colonne, Sens), colonne: Colonne) -> (Colonne, Sens) {
    if actuel.0 == colonne {
        (colonne, actuel.1.inverse())
    } else if colonne == Colonne::Modifiee {
        (colonne, Sens::Decroissant)
    } else {
        (colonne, Sens::Croissant)
    }
}

fn rang_statut(code: &str) -> usize {
    Statut::depuis_code(code)
        .and_then(|s| Statut::TOUS.iter().position(|t| *t == s))
        .unwrap_or(Statut::TOUS.len())
}

/// Sorts the rows by `colonne`; texts compare without case or accents; ties by number, in the same
/// direction, so the order is always the same.
pub fn trier(lignes: &mut [Ligne], colonne: Colonne, sens: Sens) {
    let texte = |a: &str, b: &str| replier(a).cmp(&replier(b));
    lignes.sort_by(|a, b| {
        let ordre = match colonne {
            Colonne::Numero => Ordering::Equal,
            Colonne::Sujet => texte(&a.sujet, &b.sujet),
            Colonne::Categorie => texte(&a.categorie, &b.categorie),
            Colonne::Objet => texte(&a.objet, &b.objet),
            Colonne::Destinataire => texte(&a.destinataire, &b.destinataire),
            Colonne::Statut => rang_statut(&a.statut).cmp(&rang_statut(&b.statut)),
            Colonne::Modifiee => a.modifie_le.cmp(&b.modifie_le),
        }
        .then(a.id.cmp(&b.id));
        match sens {
            Sens::Croissant => ordre,
            Sens::Decroissant => ordre.reverse(),
        }
    });
}

/// The columns of the CSV export, in French as the portal's exports.
pub const COLONNES_CSV: [&str; 8] = [
    "Numéro",
    "Sujet",
    "Catégorie",
    "Objet",
    "Destinataire",
    "Statut",
    "Créée le",
    "Dernière activité",
];

/// `YYYY-MM-DDTHH:MM:SS` as `JJ/MM/AAAA HH:MM`; anything else unchanged.
pub fn horodatage_fr(valeur: &str) -> String {
    let octets = valeur.as_bytes();
    let forme = octets.len() >= 16
        && valeur.is_char_boundary(16)
        && octets[4] == b'-'
        && octets[7] == b'-'
        && matches!(octets[10], b'T' | b' ')
        && octets[13] == b':'
        && [0..4, 5..7, 8..10, 11..13, 14..16]
            .into_iter()
            .all(|r| octets[r].iter().all(u8::is_ascii_digit));
    if !forme {
        return valeur.to_owned();
    }
    format!(
        "{}/{}/{} {}",
        &valeur[8..10],
        &valeur[5..7],
        &valeur[0..4],
        &valeur[11..16]
    )
}

/// The cells of the CSV export, one row per sollicitation, in [`COLONNES_CSV`]'s order, dates the French
/// way (the document itself, separators and escaping, is `facture::csv::document`'s).
pub fn cellules_csv(lignes: &[Ligne]) -> Vec<Vec<String>> {
    lignes
        .iter()
        .map(|l| {
            vec![
                l.id.to_string(),
                l.sujet.clone(),
                l.categorie.clone(),
                l.objet.clone(),
                l.destinataire.clone(),
                l.libelle_statut.clone(),
                horodatage_fr(&l.cree_le),
                horodatage_fr(&l.modifie_le),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ligne(id: i64, sujet: &str, statut: Statut, modifie_le: &str) -> Ligne {
        Ligne {
            id,
            sujet: sujet.to_owned(),
            statut: statut.code().to_owned(),
            libelle_statut: statut.libelles().0.to_owned(),
            modifie_le: modifie_le.to_owned(),
            cree_le: "2026-01-02T08:05:00".to_owned(),
            ..Ligne::default()
        }
    }

    #[test]
    fn a_request_for_information_needs_the_user_only_when_they_can_answer() {
        assert_eq!(
            onglet(Statut::EnAttenteInformations, true),
            Onglet::ActionsRequises
        );
        assert_eq!(
            onglet(Statut::EnAttenteInformations, false),
            Onglet::EnCours
        );
        assert_eq!(onglet(Statut::Ouvert, true), Onglet::EnCours);
        assert_eq!(onglet(Statut::Resolu, true), Onglet::Clotures);
        assert_eq!(onglet(Statut::Ferme, false), Onglet::Clotures);
    }

    #[test]
    fn arrow_keys_wrap_around_the_tabs() {
        assert_eq!(Onglet::ActionsRequises.voisin(-1), Onglet::Brouillons);
        assert_eq!(Onglet::Brouillons.voisin(1), Onglet::ActionsRequises);
        assert_eq!(Onglet::EnCours.voisin(1), Onglet::Clotures);
        for o in Onglet::TOUS {
            assert_eq!(Onglet::depuis_code(o.code()), Some(o));
        }
    }

    #[test]
    fn the_search_ignores_case_and_accents_and_needs_every_word() {
        let l = Ligne {
            id: 42,
            sujet: "Règlement en retard".into(),
            description: "La facture F-2026-7 n’est pas payée.".into(),
            categorie: "Facture — Retard de paiement".into(),
            objet: "Facture F-2026-7".into(),
            destinataire: "Commune de Lyon".into(),
            ..Ligne::default()
        };
        assert!(correspond(&l, ""));
        assert!(correspond(&l, "  "));
        assert!(correspond(&l, "REGLEMENT"));
        assert!(correspond(&l, "f-2026-7 payee"));
        assert!(correspond(&l, "42"));
        assert!(correspond(&l, "retard de paiement"));
        assert!(correspond(&l, "lyon"));
        assert!(!correspond(&l, "règlement rejet"));
        assert!(!correspond(&l, "43"));
    }

    #[test]
    fn sorting_by_text_ignores_accents_and_ties_go_by_number() {
        let mut lignes = vec![
            ligne(3, "zèbre", Statut::Ouvert, "2026-01-03T00:00:00"),
            ligne(1, "Écart", Statut::Ferme, "2026-01-01T00:00:00"),
            ligne(2, "abricot", Statut::Resolu, "2026-01-02T00:00:00"),
            ligne(
                4,
                "abricot",
                Statut::EnAttenteInformations,
                "2026-01-02T00:00:00",
            ),
        ];
        let ids = |l: &[Ligne]| l.iter().map(|l| l.id).collect::<Vec<_>>();
        trier(&mut lignes, Colonne::Sujet, Sens::Croissant);
        assert_eq!(ids(&lignes), [2, 4, 1, 3]);
        trier(&mut lignes, Colonne::Sujet, Sens::Decroissant);
        assert_eq!(ids(&lignes), [3, 1, 4, 2]);
        trier(&mut lignes, Colonne::Statut, Sens::Croissant);
        assert_eq!(ids(&lignes), [3, 4, 2, 1]);
        trier(&mut lignes, Colonne::Modifiee, Sens::Decroissant);
        assert_eq!(ids(&lignes), [3, 4, 2, 1]);
        trier(&mut lignes, Colonne::Numero, Sens::Croissant);
        assert_eq!(ids(&lignes), [1, 2, 3, 4]);
    }

    #[test]
    fn a_click_flips_the_sorted_column_and_starts_another_ascending() {
        let depart = (Colonne::Modifiee, Sens::Decroissant);
        assert_eq!(
            tri_apres_clic(depart, Colonne::Modifiee),
            (Colonne::Modifiee, Sens::Croissant)
        );
        assert_eq!(
            tri_apres_clic(depart, Colonne::Sujet),
            (Colonne::Sujet, Sens::Croissant)
        );
        assert_eq!(
            tri_apres_clic((Colonne::Sujet, Sens::Croissant), Colonne::Modifiee),
            (Colonne::Modifiee, Sens::Decroissant)
        );
        assert_eq!(Sens::Croissant.aria(), "ascending");
    }

    #[test]
    fn csv_cells_follow_the_columns_with_french_dates() {
        let mut l = ligne(
            7,
            "Sujet; avec point-virgule",
            Statut::Resolu,
            "2026-03-04T17:45:09",
        );
        l.categorie = "Facture — Autre".into();
        l.objet = "Facture F-1".into();
        l.destinataire = "Commune".into();
        let cellules = cellules_csv(&[l]);
        assert_eq!(cellules.len(), 1);
        assert_eq!(cellules[0].len(), COLONNES_CSV.len());
        assert_eq!(
            cellules[0],
            [
                "7",
                "Sujet; avec point-virgule",
                "Facture — Autre",
                "Facture F-1",
                "Commune",
                "Résolu",
                "02/01/2026 08:05",
                "04/03/2026 17:45"
            ]
        );
        assert_eq!(horodatage_fr("hier"), "hier");
        assert_eq!(horodatage_fr("2026-13"), "2026-13");
    }
}
