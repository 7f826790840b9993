//! The outbox: e-mails the server would send (activation links, codes, notifications), kept in a table
//! instead of leaving for the network.

use sqlx::Row;

use super::{Db, DbError};

/// First id of the outbox's counter.
const DEPART_COURRIELS: i64 = 0;

/// An e-mail to put in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauCourriel {
    /// Recipient's address (stored lower case).
    pub destinataire: String,
    /// Subject.
    pub sujet: String,
    /// Plain-text body.
    pub corps: String,
    /// Why it was sent (`ACTIVATION`, `CODE_CONNEXION`...).
    pub nature: String,
}

/// An e-mail of the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourrielRow {
    /// Id, increasing with time.
    pub id: i64,
    /// Recipient's address.
    pub destinataire: String,
    /// Subject.
    pub sujet: String,
    /// Plain-text body.
    pub corps: String,
    /// Why it was sent.
    pub nature: String,
    /// When it was put in the outbox (real time, ISO 8601 UTC).
    pub cree_le: String,
}

impl Db {
    /// Puts an e-mail in the outbox, dated `cree_le`; returns its id.
    pub async fn ajouter_courriel(
        &self,
        courriel: &NouveauCourriel,
        cree_le: &str,
    ) -> Result<i64, DbError> {
        let id = self.prochain_id("courriels", DEPART_COURRIELS).await?;
        sqlx::query(
            "INSERT INTO courriels (id, destinataire, sujet, corps, nature, cree_le) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(courriel.destinataire.trim().to_lowercase())
        .bind(&courriel.sujet)
        .bind(&courriel.corps)
        .bind(&courriel.nature)
        .bind(cree_le)
        .execute(self.pool())
        .await?;
        Ok(id)
    }

    /// The newest e-mails of the outbox first, all or those sent to one address (case-insensitive).
    pub async fn courriels(
        &self,
        destinataire: Option<&str>,
        limite: i64,
    ) -> Result<Vec<CourrielRow>, DbError> {
        let colonnes = "SELECT id, destinataire, sujet, corps, nature, cree_le FROM courriels";
        let rows = match destinataire {
            Some(adresse) => {
                sqlx::query(&format!(
                    "{colonnes} WHERE destinataire = $1 ORDER BY id DESC LIMIT $2"
                ))
                .bind(adresse.trim().to_lowercase())
                .bind(limite)
                .fetch_all(self.pool())
                .await?
            }
            None => {
                sqlx::query(&format!("{colonnes} ORDER BY id DESC LIMIT $1"))
                    .bind(limite)
                    .fetch_all(self.pool())
                    .await?
            }
        };
        rows.iter()
            .map(|row| {
                Ok(CourrielRow {
                    id: row.try_get("id")?,
                    destinataire: row.try_get("destinataire")?,
                    sujet: row.try_get("sujet")?,
                    corps: row.try_get("corps")?,
                    nature: row.try_get("nature")?,
                    cree_le: row.try_get("cree_le")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }
}
