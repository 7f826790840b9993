//! Gateway mode's kept answers to calls with an `Idempotency-Key` (`rejeux_passerelle`).

use sqlx::Row;

use super::{Db, DbError};

/// PISTE's successful answer to a call with a key, as kept for its retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejeuRow {
    /// SHA-256 (hex) of the request body.
    pub empreinte: String,
    /// HTTP status PISTE answered.
    pub statut_http: u16,
    /// Its `Content-Type`, if any.
    pub type_contenu: Option<String>,
    /// Its JSON body.
    pub corps: String,
}

impl Db {
    /// The answer kept for (user, key) since `depuis` (ISO timestamp; older rows are expired).
    pub async fn rejeu(
        &self,
        id_utilisateur: i64,
        cle: &str,
        depuis: &str,
    ) -> Result<Option<RejeuRow>, DbError> {
        let row = sqlx::query(
            "SELECT empreinte, statut_http, type_contenu, corps FROM rejeux_passerelle \
             WHERE id_utilisateur = $1 AND cle = $2 AND cree_le > $3",
        )
        .bind(id_utilisateur)
        .bind(cle)
        .bind(depuis)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| -> Result<RejeuRow, sqlx::Error> {
            let statut: i64 = row.try_get("statut_http")?;
            Ok(RejeuRow {
                empreinte: row.try_get("empreinte")?,
                statut_http: u16::try_from(statut).unwrap_or(200),
                type_contenu: row.try_get("type_contenu")?,
                corps: row.try_get("corps")?,
            })
        })
        .transpose()
        .map_err(DbError::from)
    }

    /// Keeps the answer for (user, key), created `maintenant`; replaces an expired row of the same key.
    pub async fn garder_rejeu(
        &self,
        id_utilisateur: i64,
        cle: &str,
        rejeu: &RejeuRow,
        maintenant: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO rejeux_passerelle (id_utilisateur, cle, empreinte, statut_http, type_contenu, corps, cree_le) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (id_utilisateur, cle) DO UPDATE SET empreinte = excluded.empreinte, \
             statut_http = excluded.statut_http, type_contenu = excluded.type_contenu, corps = excluded.corps, \
             cree_le = excluded.cree_le",
        )
        .bind(id_utilisateur)
        .bind(cle)
        .bind(&rejeu.empreinte)
        .bind(i64::from(rejeu.statut_http))
        .bind(&rejeu.type_contenu)
        .bind(&rejeu.corps)
        .bind(maintenant)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Deletes the answers created at or before `limite` (ISO timestamp); returns how many.
    pub async fn purger_rejeux(&self, limite: &str) -> Result<u64, DbError> {
        let resultat = sqlx::query("DELETE FROM rejeux_passerelle WHERE cree_le <= $1")
            .bind(limite)
            .execute(self.pool())
            .await?;
        Ok(resultat.rows_affected())
    }
}
