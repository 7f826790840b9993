//! `GET /portail/v1/evenements?depuis=&limite=`: the signed-in user's event feed, oldest first, resumable.
//!
//! Events: an invoice entered a status (FACTURE_STATUT, including its deposit and the steps the simulation
//! clock applies), one of the user's rattachement requests was decided (RATTACHEMENT), a sollicitation was
//! created, got a message or changed status (SOLLICITATION). The rows are written by the changes themselves
//! (`db::evenements`), with ids that grow in commit order: a client asks again with `depuis` = the
//! `dernierId` it got and misses nothing.
//!
//! **Scope:** the user's own events (their rattachement requests, the sollicitations they emitted), and the
//! events of the structures they are attached to with consultation on the espace concerned (FACTURES_EMISES
//! for invoices, SOLLICITATIONS for sollicitations) — read at each call, so a detached user stops seeing them.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::{NaiveDateTime, SecondsFormat};
use serde::{Deserialize, Serialize};

use super::habilitations::droits;
use crate::auth::Utilisateur;
use crate::db::{EvenementRow, PorteeEvenements};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Events per answer when `limite` is absent.
pub const LIMITE_PAR_DEFAUT: i64 = 50;
/// Most events per answer.
pub const LIMITE_MAX: i64 = 200;

/// Query of `GET /portail/v1/evenements` (read as text so that a wrong value gets a field error).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EvenementsQuery {
    /// Only events with a greater id (default 0: from the start).
    pub depuis: Option<String>,
    /// At most this many events, 1 to [`LIMITE_MAX`] (default [`LIMITE_PAR_DEFAUT`]).
    pub limite: Option<String>,
}

/// One event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Evenement {
    /// Increasing id (resume after it with `depuis`).
    pub id: i64,
    /// When, RFC 3339 UTC (the sandbox clock).
    pub horodatage: String,
    /// `FACTURE_STATUT`, `RATTACHEMENT` or `SOLLICITATION`.
    #[serde(rename = "type")]
    pub type_evenement: String,
    /// Short French label.
    pub libelle: String,
    /// New status code: the invoice's (`MISE_A_DISPOSITION`…), the request's (`ACCEPTEE`, `REFUSEE`) or the
    /// sollicitation's (`OUVERT`, `EN_ATTENTE_INFORMATIONS`, `RESOLU`, `FERME`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub statut: Option<String>,
    /// The structure concerned (the invoice's supplier, the requested structure, the emitting structure).
    #[serde(
        rename = "idStructureCPP",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub id_structure_cpp: Option<i64>,
    /// FACTURE_STATUT: the invoice (`identifiantFactureCPP` of the Chorus Pro API).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id_facture: Option<i64>,
    /// FACTURE_STATUT: its number.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub numero_facture: Option<String>,
    /// RATTACHEMENT: the request (as in `GET /portail/v1/compte/demandes`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id_demande: Option<i64>,
    /// SOLLICITATION: the sollicitation.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id_sollicitation: Option<i64>,
}

/// Answer of `GET /portail/v1/evenements`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EvenementsResponse {
    /// The events, by increasing id.
    pub evenements: Vec<Evenement>,
    /// Id of the last event given, or `depuis` when there is none: the next call's `depuis`.
    pub dernier_id: i64,
    /// True when more events follow `dernierId` already (ask again at once).
    pub suite: bool,
}

/// `GET /portail/v1/evenements` (signed in).
pub async fn lister(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    query: Result<Query<EvenementsQuery>, QueryRejection>,
) -> Result<CproJson<EvenementsResponse>, ApiError> {
    let Query(query) = query.map_err(|rejet| ApiError::RequeteInvalide(rejet.body_text()))?;
    let (depuis, limite) = parametres(&query).map_err(ApiError::Champs)?;
    let mut portee = PorteeEvenements {
        id_utilisateur: utilisateur.id,
        ..PorteeEvenements::default()
    };
    for (id_structure, role, habilitation) in
        state.db.rattachements_avec_role(utilisateur.id).await?
    {
        let par_espace = state
            .db
            .habilitations_espaces(utilisateur.id, id_structure)
            .await?;
        for droit in droits(&role, &habilitation, &par_espace) {
            if !droit.consultation {
                continue;
            }
            match droit.espace.as_str() {
                crate::db::ESPACE_FACTURES => portee.structures_factures.push(id_structure),
                crate::db::ESPACE_SOLLICITATIONS => {
                    portee.structures_sollicitations.push(id_structure)
                }
                _ => {}
            }
        }
    }
    // One more than asked tells whether more follow.
    let mut lignes = state.db.evenements(&portee, depuis, limite + 1).await?;
    let suite = lignes.len() as i64 > limite;
    lignes.truncate(usize::try_from(limite).unwrap_or(0));
    let dernier_id = lignes.last().map_or(depuis, |e| e.id);
    Ok(CproJson(EvenementsResponse {
        evenements: lignes.into_iter().map(evenement).collect(),
        dernier_id,
        suite,
    }))
}

/// `(depuis, limite)`, or one error per wrong field.
fn parametres(query: &EvenementsQuery) -> Result<(i64, i64), Vec<ErreurChamp>> {
    let entier = |valeur: &Option<String>| -> Option<Result<i64, ()>> {
        valeur
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| v.parse::<i64>().map_err(|_| ()))
    };
    let mut erreurs = Vec::new();
    let depuis = match entier(&query.depuis) {
        None => 0,
        Some(Ok(depuis)) if depuis >= 0 => depuis,
        Some(_) => {
            erreurs.push(ErreurChamp::new(
                "depuis",
                "depuis : un identifiant d'événement, entier positif ou nul.",
                "depuis: an event id, a non-negative integer.",
            ));
            0
        }
    };
    let limite = match entier(&query.limite) {
        None => LIMITE_PAR_DEFAUT,
        Some(Ok(limite)) if (1..=LIMITE_MAX).contains(&limite) => limite,
        Some(_) => {
            erreurs.push(ErreurChamp::new(
                "limite",
                format!("limite : un nombre d'événements entre 1 et {LIMITE_MAX}."),
                format!("limite: a number of events between 1 and {LIMITE_MAX}."),
            ));
            LIMITE_PAR_DEFAUT
        }
    };
    if erreurs.is_empty() {
        Ok((depuis, limite))
    } else {
        Err(erreurs)
    }
}

fn evenement(ligne: EvenementRow) -> Evenement {
    let mut evenement = Evenement {
        id: ligne.id,
        horodatage: rfc3339(&ligne.horodatage),
        libelle: ligne.libelle,
        statut: ligne.statut,
        id_structure_cpp: ligne.id_structure,
        id_facture: None,
        numero_facture: None,
        id_demande: None,
        id_sollicitation: None,
        type_evenement: ligne.type_evenement,
    };
    match evenement.type_evenement.as_str() {
        crate::db::TYPE_FACTURE_STATUT => {
            evenement.id_facture = Some(ligne.id_objet);
            evenement.numero_facture = ligne.numero;
        }
        crate::db::TYPE_RATTACHEMENT => evenement.id_demande = Some(ligne.id_objet),
        crate::db::TYPE_SOLLICITATION => evenement.id_sollicitation = Some(ligne.id_objet),
        _ => {}
    }
    evenement
}

/// A stored UTC timestamp (`YYYY-MM-DDTHH:MM:SS`) as RFC 3339 (`…Z`); an unreadable one as it is.
fn rfc3339(horodatage: &str) -> String {
    NaiveDateTime::parse_from_str(horodatage, "%Y-%m-%dT%H:%M:%S%.f")
        .map(|date| date.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_else(|_| horodatage.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(depuis: Option<&str>, limite: Option<&str>) -> EvenementsQuery {
        EvenementsQuery {
            depuis: depuis.map(str::to_owned),
            limite: limite.map(str::to_owned),
        }
    }

    fn champs(resultat: Result<(i64, i64), Vec<ErreurChamp>>) -> Vec<String> {
        resultat
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.champ)
            .collect()
    }

    #[test]
    fn depuis_and_limite_have_defaults_and_bounds() {
        assert_eq!(parametres(&query(None, None)).ok(), Some((0, 50)));
        assert_eq!(
            parametres(&query(Some("12"), Some("200"))).ok(),
            Some((12, 200))
        );
        assert_eq!(parametres(&query(Some(""), Some(" 1 "))).ok(), Some((0, 1)));
        assert_eq!(champs(parametres(&query(None, Some("201")))), ["limite"]);
        assert_eq!(champs(parametres(&query(None, Some("0")))), ["limite"]);
        assert_eq!(
            champs(parametres(&query(Some("-1"), Some("abc")))),
            ["depuis", "limite"]
        );
    }

    #[test]
    fn timestamps_are_given_in_rfc_3339_utc() {
        assert_eq!(rfc3339("2026-03-01T10:05:00"), "2026-03-01T10:05:00Z");
        assert_eq!(rfc3339("2026-03-01T10:05:00.250"), "2026-03-01T10:05:00Z");
        assert_eq!(rfc3339("hier"), "hier");
    }
}
