//! Works pieces (situations de travaux) and the delay of their automatic sending.

use sqlx::Row;

use super::{Db, DbError};

/// First id of works pieces.
const DEPART_SITUATIONS: i64 = 500;

/// A stored works piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SituationRow {
    /// Id.
    pub id: i64,
    /// Supplier structure.
    pub id_structure: i64,
    /// The piece as JSON (`facture::travaux::SituationTravaux`).
    pub donnees: String,
    /// Why the last sending was refused.
    pub erreur_transmission: Option<String>,
}

fn situation_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<SituationRow, sqlx::Error> {
    Ok(SituationRow {
        id: row.try_get("id")?,
        id_structure: row.try_get("id_structure")?,
        donnees: row.try_get("donnees")?,
        erreur_transmission: row.try_get("erreur_transmission")?,
    })
}

const COLONNES: &str = "id, id_structure, donnees, erreur_transmission";

impl Db {
    /// Stores a new piece; returns its id. `donnees` is written by the caller once it knows the id,
    /// through [`Db::enregistrer_situation`].
    pub async fn nouvel_id_situation(&self) -> Result<i64, DbError> {
        self.prochain_id("situations_travaux", DEPART_SITUATIONS)
            .await
    }

    /// Inserts or replaces a piece with its scheduling columns.
    #[allow(clippy::too_many_arguments)]
    pub async fn enregistrer_situation(
        &self,
        id: i64,
        id_structure: i64,
        id_utilisateur: i64,
        donnees: &str,
        envoi_prevu_le: Option<&str>,
        transmise_le: Option<&str>,
        maintenant: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO situations_travaux (id, id_structure, id_utilisateur, donnees, envoi_prevu_le, \
             transmise_le, erreur_transmission, cree_le, modifie_le) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7) \
             ON CONFLICT (id) DO UPDATE SET donnees = $4, envoi_prevu_le = $5, transmise_le = $6, \
             erreur_transmission = NULL, modifie_le = $7",
        )
        .bind(id)
        .bind(id_structure)
        .bind(id_utilisateur)
        .bind(donnees)
        .bind(envoi_prevu_le)
        .bind(transmise_le)
        .bind(maintenant)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Records why a sending was refused, and drops its schedule (the user decides what to do).
    pub async fn noter_erreur_transmission(
        &self,
        id: i64,
        donnees: &str,
        erreur: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE situations_travaux SET donnees = $2, envoi_prevu_le = NULL, erreur_transmission = $3 \
             WHERE id = $1",
        )
        .bind(id)
        .bind(donnees)
        .bind(erreur)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// One piece.
    pub async fn situation(&self, id: i64) -> Result<Option<SituationRow>, DbError> {
        let row = sqlx::query(&format!(
            "SELECT {COLONNES} FROM situations_travaux WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.as_ref().map(situation_from_row).transpose()?)
    }

    /// The pieces of these structures, newest first.
    pub async fn situations(&self, structures: &[i64]) -> Result<Vec<SituationRow>, DbError> {
        let mut toutes = Vec::new();
        for id_structure in structures {
            let rows = sqlx::query(&format!(
                "SELECT {COLONNES} FROM situations_travaux WHERE id_structure = $1 ORDER BY id DESC"
            ))
            .bind(id_structure)
            .fetch_all(self.pool())
            .await?;
            for row in &rows {
                toutes.push(situation_from_row(row)?);
            }
        }
        toutes.sort_by_key(|s| std::cmp::Reverse(s.id));
        Ok(toutes)
    }

    /// The pieces whose automatic sending is due at `maintenant`, with the user who validated them.
    pub async fn situations_a_transmettre(
        &self,
        maintenant: &str,
    ) -> Result<Vec<(SituationRow, i64)>, DbError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLONNES}, id_utilisateur FROM situations_travaux \
             WHERE transmise_le IS NULL AND envoi_prevu_le IS NOT NULL AND envoi_prevu_le <= $1 ORDER BY id"
        ))
        .bind(maintenant)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok((situation_from_row(row)?, row.try_get("id_utilisateur")?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// The user's delay before the automatic sending of a validated piece (minutes; 0: by hand).
    pub async fn delai_envoi_travaux(&self, id_utilisateur: i64) -> Result<i64, DbError> {
        let delai: Option<i64> = sqlx::query_scalar(
            "SELECT delai_envoi_travaux_minutes FROM utilisateurs WHERE id = $1",
        )
        .bind(id_utilisateur)
        .fetch_optional(self.pool())
        .await?;
        Ok(delai.unwrap_or(facture::travaux::DELAI_ENVOI_DEFAUT_MINUTES))
    }

    /// Changes that delay.
    pub async fn changer_delai_envoi_travaux(
        &self,
        id_utilisateur: i64,
        minutes: i64,
    ) -> Result<(), DbError> {
        sqlx::query("UPDATE utilisateurs SET delai_envoi_travaux_minutes = $2 WHERE id = $1")
            .bind(id_utilisateur)
            .bind(minutes)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
