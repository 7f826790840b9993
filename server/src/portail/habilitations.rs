//! `GET /portail/v1/compte/habilitations`: what the signed-in user may do, per structure and espace.
//! Derived from the attachments: the habilitation of a rattachement (CONSULTATION or MODIFICATION) applies
//! to the structure's espaces; the gestionnaires' espace is open to gestionnaires only.

use axum::extract::State;
use serde::{Deserialize, Serialize};

use crate::auth::Utilisateur;
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// Espaces opened by any attachment to a structure.
pub const ESPACES_STRUCTURE: &[&str] = &["FACTURES_EMISES", "SOLLICITATIONS"];
/// Espace of the gestionnaires (rattachement requests, users, services, bank accounts of the structure).
pub const ESPACE_GESTIONNAIRE: &str = "ACTIVITES_GESTIONNAIRE";

/// Rights on one espace of a structure.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DroitEspace {
    /// `FACTURES_EMISES`, `SOLLICITATIONS` or `ACTIVITES_GESTIONNAIRE`.
    pub espace: String,
    /// May read.
    pub consultation: bool,
    /// May create and change.
    pub modification: bool,
}

/// The user's rights on one structure.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HabilitationStructure {
    /// The structure.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// Its identifier.
    pub identifiant: String,
    /// Its name.
    pub raison_sociale: String,
    /// `GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE` or `UTILISATEUR`.
    pub role: String,
    /// `CONSULTATION` or `MODIFICATION`.
    pub habilitation: String,
    /// Rights per espace.
    pub espaces: Vec<DroitEspace>,
}

/// Answer of `GET /portail/v1/compte/habilitations`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct HabilitationsResponse {
    /// One entry per attached structure, by id.
    pub habilitations: Vec<HabilitationStructure>,
}

/// The rights per espace of a role and habilitation (pure).
pub fn droits_par_espace(role: &str, habilitation: &str) -> Vec<DroitEspace> {
    droits(role, habilitation, &[])
}

/// The rights per espace of a role, the rattachement's habilitation and the habilitations a gestionnaire
/// set per espace, (espace, habilitation), which win over the rattachement's (pure).
pub fn droits(role: &str, habilitation: &str, par_espace: &[(String, String)]) -> Vec<DroitEspace> {
    let mut droits: Vec<DroitEspace> = ESPACES_STRUCTURE
        .iter()
        .map(|espace| {
            let niveau = par_espace
                .iter()
                .find(|(e, _)| e == espace)
                .map_or(habilitation, |(_, h)| h.as_str());
            DroitEspace {
                espace: (*espace).to_owned(),
                // An espace the structure turned off is closed to everyone.
                consultation: niveau != crate::db::HABILITATION_AUCUNE,
                modification: niveau == "MODIFICATION",
            }
        })
        .collect();
    let gestionnaire = role.starts_with("GESTIONNAIRE");
    droits.push(DroitEspace {
        espace: ESPACE_GESTIONNAIRE.to_owned(),
        consultation: gestionnaire,
        modification: gestionnaire,
    });
    droits
}

/// `GET /portail/v1/compte/habilitations` (signed in).
pub async fn habilitations(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
) -> Result<CproJson<HabilitationsResponse>, ApiError> {
    let mut habilitations = Vec::new();
    for (id_structure, role, habilitation) in
        state.db.rattachements_avec_role(utilisateur.id).await?
    {
        let Some(structure) = state.db.structure(id_structure).await? else {
            continue;
        };
        let par_espace = state
            .db
            .habilitations_espaces(utilisateur.id, id_structure)
            .await?;
        habilitations.push(HabilitationStructure {
            id_structure_cpp: structure.id,
            identifiant: structure.identifiant,
            raison_sociale: structure.raison_sociale,
            espaces: droits(&role, &habilitation, &par_espace),
            role,
            habilitation,
        });
    }
    Ok(CproJson(HabilitationsResponse { habilitations }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resume(droits: &[DroitEspace]) -> Vec<(&str, bool, bool)> {
        droits
            .iter()
            .map(|d| (d.espace.as_str(), d.consultation, d.modification))
            .collect()
    }

    #[test]
    fn a_gestionnaire_with_modification_has_every_right() {
        assert_eq!(
            resume(&droits_par_espace("GESTIONNAIRE_PRINCIPAL", "MODIFICATION")),
            [
                ("FACTURES_EMISES", true, true),
                ("SOLLICITATIONS", true, true),
                ("ACTIVITES_GESTIONNAIRE", true, true)
            ]
        );
    }

    #[test]
    fn a_user_with_consultation_reads_the_structure_espaces_only() {
        assert_eq!(
            resume(&droits_par_espace("UTILISATEUR", "CONSULTATION")),
            [
                ("FACTURES_EMISES", true, false),
                ("SOLLICITATIONS", true, false),
                ("ACTIVITES_GESTIONNAIRE", false, false)
            ]
        );
    }
}
