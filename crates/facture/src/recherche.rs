//! Rechercher's recipient criteria as `rechercher/fournisseur` fields (api-reference §3.4).
//!
//! Chorus Pro searches recipients by id (`listeDestinataire[].idDestinataire`), optionally widened to every
//! establishment of the same SIREN (`rechercheSirenDestinataire`) and narrowed to some of their services
//! (`listeIdServiceExecutant`). The portal's criteria map onto them:
//!
//! * « État »: the State's structure (SIRET [`SIRET_ETAT`]) with `rechercheSirenDestinataire`, so every
//!   establishment of SIREN [`SIREN_ETAT`] matches;
//! * a SIRET: that structure;
//! * a SIREN: one establishment of it the supplier has invoiced, with `rechercheSirenDestinataire`;
//! * « hors État »: Chorus Pro has no exclusion, so the recipients the supplier has invoiced, minus the
//!   State's, are listed;
//! * a code service: the service ids of the one recipient structure.
//!
//! ```
//! use facture::recherche::{appliquer, Destinataire};
//! let mut requete = cpro::factures::RechercherFournisseurRequest::default();
//! assert!(appliquer(&mut requete, &Destinataire::Siren { id: 25_000_001, services: vec![] }));
//! assert_eq!(requete.recherche_siren_destinataire, Some(true));
//! ```

use cpro::factures::{CritereDestinataire, RechercherFournisseurRequest};

use crate::identifiant::{Siren, Siret};

/// The State's SIRET (services centraux).
pub const SIRET_ETAT: &str = "11000201100044";
/// The State's SIREN: every establishment of the State.
pub const SIREN_ETAT: &str = "110002011";

/// « Destinataire : tous / État / hors État ».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Perimetre {
    /// Any recipient.
    #[default]
    Tous,
    /// The State's establishments.
    Etat,
    /// Any recipient but the State.
    HorsEtat,
}

impl Perimetre {
    /// Every choice, in the order shown.
    pub const TOUS: [Perimetre; 3] = [Perimetre::Tous, Perimetre::Etat, Perimetre::HorsEtat];

    /// Form value.
    pub fn code(self) -> &'static str {
        match self {
            Perimetre::Tous => "TOUS",
            Perimetre::Etat => "ETAT",
            Perimetre::HorsEtat => "HORS_ETAT",
        }
    }

    /// The choice of a form value; `Tous` for anything else.
    pub fn depuis_code(code: &str) -> Perimetre {
        Perimetre::TOUS
            .into_iter()
            .find(|p| p.code() == code)
            .unwrap_or_default()
    }
}

/// True when a recipient code (SIRET) is one of the State's establishments.
pub fn est_etat(code_destinataire: &str) -> bool {
    let code: String = code_destinataire
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    code.len() == 14 && code.starts_with(SIREN_ETAT)
}

/// A recipient identifier as typed in the search form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentifiantDestinataire {
    /// 14 digits.
    Siret(Siret),
    /// 9 digits: every establishment.
    Siren(Siren),
}

/// Why a typed recipient identifier is refused: (French, English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifiantRefuse {
    /// Neither 9 nor 14 digits.
    Forme,
    /// 9 digits whose check digit is wrong.
    CleSiren,
    /// 14 digits whose check digit is wrong.
    CleSiret,
}

impl IdentifiantRefuse {
    /// The message under the field: (French, English).
    pub fn messages(self) -> (&'static str, &'static str) {
        match self {
            IdentifiantRefuse::Forme => (
                "Indiquez un SIRET (14 chiffres) ou un SIREN (9 chiffres).",
                "Enter a SIRET (14 digits) or a SIREN (9 digits).",
            ),
            IdentifiantRefuse::CleSiren => (
                "Ce SIREN n'existe pas : sa clé de contrôle est fausse. Vérifiez les 9 chiffres.",
                "This SIREN does not exist: its check digit is wrong. Check the 9 digits.",
            ),
            IdentifiantRefuse::CleSiret => (
                "Ce SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez les 14 chiffres.",
                "This SIRET does not exist: its check digit is wrong. Check the 14 digits.",
            ),
        }
    }
}

/// Reads a SIRET or a SIREN (spaces allowed); `Ok(None)` when empty.
pub fn lire_identifiant(texte: &str) -> Result<Option<IdentifiantDestinataire>, IdentifiantRefuse> {
    let chiffres: String = texte.chars().filter(|c| !c.is_whitespace()).collect();
    if chiffres.is_empty() {
        return Ok(None);
    }
    if !chiffres.chars().all(|c| c.is_ascii_digit()) {
        return Err(IdentifiantRefuse::Forme);
    }
    match chiffres.len() {
        9 => Siren::parse(&chiffres)
            .map(|s| Some(IdentifiantDestinataire::Siren(s)))
            .map_err(|_| IdentifiantRefuse::CleSiren),
        14 => Siret::parse(&chiffres)
            .map(|s| Some(IdentifiantDestinataire::Siret(s)))
            .map_err(|_| IdentifiantRefuse::CleSiret),
        _ => Err(IdentifiantRefuse::Forme),
    }
}

/// The recipient criterion once turned into Chorus Pro ids.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Destinataire {
    /// No recipient criterion.
    #[default]
    Tous,
    /// One structure, and only these of its services when some are given.
    Structure {
        /// `idStructureCPP`.
        id: i64,
        /// Service ids.
        services: Vec<i64>,
    },
    /// Every establishment sharing the SIREN of this structure.
    Siren {
        /// `idStructureCPP` of one establishment.
        id: i64,
        /// Service ids (of that establishment).
        services: Vec<i64>,
    },
    /// Any of these structures.
    Parmi(Vec<i64>),
    /// Nothing can match (unknown SIRET, a SIREN never invoiced, an unknown code service…).
    Aucun,
}

/// The recipients the supplier has invoiced, as (id, SIRET) pairs read from earlier search results,
/// minus the State's: « hors État ».
pub fn hors_etat(connus: &[(i64, String)]) -> Destinataire {
    let mut ids: Vec<i64> = connus
        .iter()
        .filter(|(_, code)| !est_etat(code))
        .map(|(id, _)| *id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        Destinataire::Aucun
    } else {
        Destinataire::Parmi(ids)
    }
}

/// One establishment of `siren` among the recipients the supplier has invoiced, widened to the SIREN.
pub fn par_siren(connus: &[(i64, String)], siren: &Siren) -> Destinataire {
    connus
        .iter()
        .filter(|(_, code)| code.len() == 14 && code.starts_with(siren.as_str()))
        .map(|(id, _)| *id)
        .min()
        .map_or(Destinataire::Aucun, |id| Destinataire::Siren {
            id,
            services: Vec::new(),
        })
}

/// Writes the recipient criterion into the request; false when nothing can match (do not search).
pub fn appliquer(requete: &mut RechercherFournisseurRequest, destinataire: &Destinataire) -> bool {
    let un = |id: i64, services: &[i64]| CritereDestinataire {
        id_destinataire: Some(id),
        liste_id_service_executant: services.to_vec(),
        ..Default::default()
    };
    match destinataire {
        Destinataire::Tous => {}
        Destinataire::Structure { id, services } => {
            requete.liste_destinataire = vec![un(*id, services)];
        }
        Destinataire::Siren { id, services } => {
            requete.liste_destinataire = vec![un(*id, services)];
            requete.recherche_siren_destinataire = Some(true);
        }
        Destinataire::Parmi(ids) => {
            requete.liste_destinataire = ids.iter().map(|id| un(*id, &[])).collect();
        }
        Destinataire::Aucun => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connus() -> Vec<(i64, String)> {
        vec![
            (25_000_001, "11000201100044".to_owned()),
            (25_000_009, "22310000100021".to_owned()),
            (25_000_008, "22310000100013".to_owned()),
            (25_000_003, "21310000100022".to_owned()),
            (25_000_002, "21310000100014".to_owned()),
            (25_000_002, "21310000100014".to_owned()),
        ]
    }

    #[test]
    fn the_state_is_recognised_by_its_siren() {
        assert!(est_etat(SIRET_ETAT));
        assert!(est_etat("110 002 011 00051"));
        assert!(!est_etat("21310000100014"));
        assert!(!est_etat(SIREN_ETAT));
    }

    #[test]
    fn outside_the_state_lists_the_other_known_recipients_once() {
        assert_eq!(
            hors_etat(&connus()),
            Destinataire::Parmi(vec![25_000_002, 25_000_003, 25_000_008, 25_000_009])
        );
        assert_eq!(
            hors_etat(&[(1, SIRET_ETAT.to_owned())]),
            Destinataire::Aucun
        );
    }

    #[test]
    fn a_siren_finds_one_of_its_establishments_or_nothing() {
        let siren = Siren::parse("213100001").expect("valid SIREN");
        assert_eq!(
            par_siren(&connus(), &siren),
            Destinataire::Siren {
                id: 25_000_002,
                services: vec![]
            }
        );
        let inconnu = Siren::parse("732829320").expect("valid SIREN");
        assert_eq!(par_siren(&connus(), &inconnu), Destinataire::Aucun);
    }

    #[test]
    fn typed_identifiers_are_checked() {
        assert!(matches!(
            lire_identifiant(" 110 002 011 "),
            Ok(Some(IdentifiantDestinataire::Siren(_)))
        ));
        assert!(matches!(
            lire_identifiant("11000201100044"),
            Ok(Some(IdentifiantDestinataire::Siret(_)))
        ));
        assert_eq!(lire_identifiant(""), Ok(None));
        assert_eq!(
            lire_identifiant("110002012"),
            Err(IdentifiantRefuse::CleSiren)
        );
        assert_eq!(
            lire_identifiant("11000201100045"),
            Err(IdentifiantRefuse::CleSiret)
        );
        assert_eq!(lire_identifiant("1100020"), Err(IdentifiantRefuse::Forme));
        assert_eq!(lire_identifiant("11000201A"), Err(IdentifiantRefuse::Forme));
    }

    #[test]
    fn each_criterion_becomes_the_chorus_pro_fields() {
        let mut requete = RechercherFournisseurRequest::default();
        assert!(appliquer(&mut requete, &Destinataire::Tous));
        assert!(requete.liste_destinataire.is_empty());
        assert_eq!(requete.recherche_siren_destinataire, None);

        let mut requete = RechercherFournisseurRequest::default();
        assert!(appliquer(
            &mut requete,
            &Destinataire::Siren {
                id: 25_000_001,
                services: vec![35_000_002]
            }
        ));
        let json = serde_json::to_value(&requete).expect("serialisable");
        assert_eq!(
            json,
            serde_json::json!({
                "listeDestinataire": [{"idDestinataire": 25_000_001, "listeIdServiceExecutant": [35_000_002]}],
                "rechercheSirenDestinataire": true
            })
        );

        let mut requete = RechercherFournisseurRequest::default();
        assert!(appliquer(&mut requete, &Destinataire::Parmi(vec![1, 2])));
        assert_eq!(requete.liste_destinataire.len(), 2);
        assert_eq!(requete.recherche_siren_destinataire, None);

        assert!(!appliquer(
            &mut RechercherFournisseurRequest::default(),
            &Destinataire::Aucun
        ));
        assert_eq!(Perimetre::depuis_code("HORS_ETAT"), Perimetre::HorsEtat);
        assert_eq!(Perimetre::depuis_code("?"), Perimetre::Tous);
    }
}
