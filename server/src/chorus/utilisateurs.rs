//! `/cpro/utilisateurs/v1/monCompte/recuperer/rattachements`: the caller's structures and services
//! (go-choruspro shape, api-reference §3.9; no official swagger).

use axum::extract::State;
use serde_json::{json, Value};

use super::compte::Compte;
use super::{parametres_retour, LIBELLE_SUCCES_TRA};
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// `POST /cpro/utilisateurs/v1/monCompte/recuperer/rattachements`.
pub async fn rattachements(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(_requete): CproJson<Value>,
) -> Result<CproJson<Value>, ApiError> {
    let mut liste = Vec::new();
    let roles = state
        .db
        .rattachements_avec_role(compte.utilisateur.id)
        .await?;
    for rattachement in &compte.rattachements {
        let Some(structure) = state.db.structure(rattachement.id_structure).await? else {
            continue;
        };
        // The portal's roles: GESTIONNAIRE_PRINCIPAL and GESTIONNAIRE manage the structure; a user attached
        // by a gestionnaire's decision is UTILISATEUR whatever the habilitation.
        let gestionnaire = roles
            .iter()
            .any(|(id, role, _)| *id == structure.id && role.starts_with("GESTIONNAIRE"));
        let (services, _) = state.db.services(structure.id, 1, 10_000).await?;
        liste.push(json!({
            "idStructure": structure.id,
            "identifiantStructure": structure.identifiant,
            "typeIdentifiantStructure": structure.type_identifiant,
            "designationStructure": structure.raison_sociale,
            "statutRattachementStructure": "VALIDEE",
            "roleUtilisateur": if gestionnaire { "GESTIONNAIRE" } else { "UTILISATEUR" },
            "statutUtilisateur": "ACTIF",
            "listeServicesRattache": services.iter().map(|s| json!({
                "idService": s.id,
                "codeService": s.code,
                "libelleService": s.libelle,
                "estActif": s.actif,
                "statutService": if s.actif { "ACTIF" } else { "INACTIF" },
                "statutRattachementService": "VALIDEE",
                "dateDbtService": s.date_debut,
                "dateFinService": s.date_fin,
            })).collect::<Vec<_>>(),
        }));
    }
    let total = i64::try_from(liste.len()).unwrap_or(i64::MAX);
    let retour = parametres_retour(1, total.max(1), total);
    Ok(CproJson(json!({
        "codeRetour": 0,
        "libelle": LIBELLE_SUCCES_TRA,
        "listeStructureRattachement": liste,
        "parametresRetour": retour,
    })))
}
