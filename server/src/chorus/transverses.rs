//! `/cpro/transverses/v1/...`: the supplier's active structures and reference lists.
//!
//! No official Transverses swagger exists (api-reference §2.3); shapes follow go-choruspro and the PHP
//! library, and are declared here until `cpro` carries them.

use axum::extract::State;
use serde::Serialize;

use super::compte::Compte;
use super::LIBELLE_SUCCES_TRA;
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// One structure the user may invoice as supplier.
#[derive(Debug, Serialize)]
pub struct StructureActive {
    /// `idStructureCPP` (used as `fournisseur.idFournisseur`).
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// SIRET or other identifier.
    #[serde(rename = "identifiant")]
    pub identifiant: String,
    /// Name.
    #[serde(rename = "designationStructure")]
    pub designation_structure: String,
}

/// Answer of `recuperer/structures/actives/fournisseur`.
#[derive(Debug, Serialize)]
pub struct StructuresActivesResponse {
    /// `codeRetour`.
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`.
    #[serde(rename = "libelle")]
    pub libelle: String,
    /// The structures.
    #[serde(rename = "listeStructures")]
    pub liste_structures: Vec<StructureActive>,
}

/// `POST /cpro/transverses/v1/recuperer/structures/actives/fournisseur` (body `{}`).
pub async fn structures_actives_fournisseur(
    State(state): State<AppState>,
    compte: Compte,
) -> Result<CproJson<StructuresActivesResponse>, ApiError> {
    let mut liste_structures = Vec::new();
    for id in compte.structures() {
        if let Some(structure) = state.db.structure(id).await?.filter(|s| s.actif) {
            liste_structures.push(StructureActive {
                id_structure_cpp: structure.id,
                identifiant: structure.identifiant,
                designation_structure: structure.raison_sociale,
            });
        }
    }
    Ok(CproJson(StructuresActivesResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_TRA.to_owned(),
        liste_structures,
    }))
}
