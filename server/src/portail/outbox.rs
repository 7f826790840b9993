//! The outbox (sandbox facility): e-mails the server would send are stored, and
//! `GET /portail/v1/outbox?to=` shows them, so that demos and tests can follow activation links and read
//! codes. In gateway mode the route answers 404: a real deployment must not expose its mail.

use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use crate::db::{CourrielRow, NouveauCourriel};
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// Most e-mails one read returns (newest first).
pub const OUTBOX_LIMITE: i64 = 200;

/// Puts an e-mail in the outbox, dated on real time. Its content (links, codes) is never logged.
pub async fn deposer(
    state: &AppState,
    destinataire: &str,
    sujet: &str,
    corps: String,
    nature: &str,
) -> Result<(), ApiError> {
    let courriel = NouveauCourriel {
        destinataire: destinataire.to_owned(),
        sujet: sujet.to_owned(),
        corps,
        nature: nature.to_owned(),
    };
    let id = state
        .db
        .ajouter_courriel(&courriel, &state.clock.horodatage_reel())
        .await?;
    tracing::info!(id, nature, "e-mail put in the outbox");
    Ok(())
}

/// Puts a notification e-mail in the outbox, unless its recipient turned notifications off in Mon
/// compte. Security e-mails (activation, codes, password changed) use [`deposer`] and always go.
pub async fn notifier(
    state: &AppState,
    destinataire: &str,
    sujet: &str,
    corps: String,
    nature: &str,
) -> Result<(), ApiError> {
    if !state.db.notifications_actives(destinataire).await? {
        tracing::info!(
            nature,
            "notification not sent: the recipient turned notifications off"
        );
        return Ok(());
    }
    deposer(state, destinataire, sujet, corps, nature).await
}

/// Query of `GET /portail/v1/outbox`.
#[derive(Debug, Deserialize)]
pub struct OutboxQuery {
    /// Only the e-mails sent to this address (case-insensitive); all when absent.
    pub to: Option<String>,
}

/// An e-mail of the outbox as the API shows it.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Courriel {
    /// Id, increasing with time.
    pub id: i64,
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// Why it was sent: `ACTIVATION`, `CODE_CONNEXION`, `DEMANDE_RATTACHEMENT`, `DECISION_RATTACHEMENT`.
    pub kind: String,
    /// When it was sent (UTC, `YYYY-MM-DDTHH:MM:SS`).
    pub created_at: String,
}

impl From<CourrielRow> for Courriel {
    fn from(row: CourrielRow) -> Self {
        Courriel {
            id: row.id,
            to: row.destinataire,
            subject: row.sujet,
            body: row.corps,
            kind: row.nature,
            created_at: row.cree_le,
        }
    }
}

/// Answer of `GET /portail/v1/outbox`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutboxResponse {
    /// Newest first, at most [`OUTBOX_LIMITE`].
    pub courriels: Vec<Courriel>,
}

/// `GET /portail/v1/outbox[?to=address]` (sandbox mode only; 404 in gateway mode).
pub async fn lire(
    State(state): State<AppState>,
    Query(query): Query<OutboxQuery>,
) -> Result<CproJson<OutboxResponse>, ApiError> {
    if state.gateway.is_some() || state.settings.gateway.is_some() {
        return Err(ApiError::NonTrouve("/portail/v1/outbox".into()));
    }
    let destinataire = query.to.as_deref().filter(|to| !to.trim().is_empty());
    let courriels = state
        .db
        .courriels(destinataire, OUTBOX_LIMITE)
        .await?
        .into_iter()
        .map(Courriel::from)
        .collect();
    Ok(CproJson(OutboxResponse { courriels }))
}
