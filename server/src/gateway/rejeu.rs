//! `Idempotency-Key` in gateway mode: Chorus Pro has no such header, so the gateway keeps PISTE's
//! successful answer per (portal user, key) and answers a retry with it instead of sending the call again.
//! A retry that arrives while the first call is on its way waits for it.
//!
//! Only successes (HTTP 2xx with `codeRetour` 0) are kept: after a refusal the SPA corrects the invoice and
//! may send it again with the same key; after a network fault or a timeout nobody knows whether Chorus Pro
//! created the invoice, and a retry is sent again (Chorus Pro refuses an invoice number already used by
//! the supplier).
//!
//! Kept answers live in the database (`rejeux_passerelle`) for [`DUREE_REJEU`], so that a retry after a server
//! restart is still answered from there; older rows are ignored and purged when an answer is kept. The calls on
//! their way are known to this process only (in memory): a restart ends them anyway.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::auth::hash_token_bytes;
use crate::db::{Db, DbError, RejeuRow};

/// How long a successful answer is replayed (hours).
pub const DUREE_REJEU_HEURES: i64 = 24;

/// How long a successful answer is replayed.
pub const DUREE_REJEU: chrono::Duration = chrono::Duration::hours(DUREE_REJEU_HEURES);

/// Longest key accepted (as the sandbox).
pub const LONGUEUR_MAX_CLE: usize = 200;

/// Format of `cree_le` (sorts as text).
const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// A kept answer: status, content type and JSON body of PISTE's success.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReponseGardee {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// JSON body.
    pub corps: String,
}

type Cle = (i64, String);

/// Calls on their way, by (portal user id, `Idempotency-Key`): the receiver is told when the call ends.
type EnCours = Arc<Mutex<HashMap<Cle, watch::Receiver<()>>>>;

/// Successful answers by (portal user id, `Idempotency-Key`), kept in the database.
#[derive(Debug, Clone)]
pub struct Rejeux {
    db: Db,
    en_cours: EnCours,
}

/// What to do with a call that carries a key.
#[derive(Debug)]
pub enum Decision {
    /// First call with this key: send it, then [`Reservation::terminer`].
    Envoyer(Reservation),
    /// Same key, same body, already answered: answer this again.
    Rejouer(ReponseGardee),
    /// Same key, another body: refuse (the key names another invoice).
    CleReutilisee,
}

impl Rejeux {
    /// Replays kept in `db`.
    pub fn new(db: Db) -> Rejeux {
        Rejeux {
            db,
            en_cours: EnCours::default(),
        }
    }

    /// The decision for this call; waits while another call with the same key is on its way.
    pub async fn decider(
        &self,
        utilisateur: i64,
        cle: &str,
        corps: &[u8],
    ) -> Result<Decision, DbError> {
        let empreinte = hash_token_bytes(corps);
        let reservation = self
            .reserver((utilisateur, cle.to_owned()), empreinte.clone())
            .await;
        let limite = horodatage(Utc::now() - DUREE_REJEU);
        // The reservation is held while the database is read: a concurrent call with the same key waits.
        Ok(match self.db.rejeu(utilisateur, cle, &limite).await? {
            Some(garde) if garde.empreinte == empreinte => Decision::Rejouer(ReponseGardee {
                status: garde.statut_http,
                content_type: garde.type_contenu,
                corps: garde.corps,
            }),
            Some(_) => Decision::CleReutilisee,
            None => Decision::Envoyer(reservation),
        })
    }

    /// The key for this process alone, once no other call with it is on its way.
    async fn reserver(&self, cle: Cle, empreinte: String) -> Reservation {
        loop {
            let mut attente = {
                let mut en_cours = self
                    .en_cours
                    .lock()
                    .unwrap_or_else(|poison| poison.into_inner());
                match en_cours.get(&cle) {
                    Some(attente) => attente.clone(),
                    None => {
                        let (fin, attente) = watch::channel(());
                        en_cours.insert(cle.clone(), attente);
                        return Reservation {
                            rejeux: self.clone(),
                            cle,
                            empreinte,
                            _fin: fin,
                        };
                    }
                }
            };
            // Returns when the first call's reservation ends (its sender is dropped).
            let _ = attente.changed().await;
        }
    }
}

/// The right to send the first call with a key. Dropped without [`Reservation::terminer`] (a failure,
/// a refusal), it frees the key and wakes the calls waiting for it.
#[derive(Debug)]
pub struct Reservation {
    rejeux: Rejeux,
    cle: Cle,
    empreinte: String,
    /// Dropped with the reservation: wakes the waiting calls.
    _fin: watch::Sender<()>,
}

impl Reservation {
    /// Keeps this successful answer for the retries (and purges the expired ones), then frees the key.
    /// A storage failure is logged: the caller still gets its answer, a retry would be sent again.
    pub async fn terminer(self, reponse: ReponseGardee) {
        let maintenant = Utc::now();
        let db = &self.rejeux.db;
        if let Err(error) = db
            .purger_rejeux(&horodatage(maintenant - DUREE_REJEU))
            .await
        {
            tracing::warn!(%error, "expired Idempotency-Key answers not purged");
        }
        let garde = RejeuRow {
            empreinte: self.empreinte.clone(),
            statut_http: reponse.status,
            type_contenu: reponse.content_type,
            corps: reponse.corps,
        };
        if let Err(error) = db
            .garder_rejeu(self.cle.0, &self.cle.1, &garde, &horodatage(maintenant))
            .await
        {
            tracing::warn!(%error, "Idempotency-Key answer not kept: a retry would be sent again");
        }
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        let mut en_cours = self
            .rejeux
            .en_cours
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        en_cours.remove(&self.cle);
    }
}

fn horodatage(instant: DateTime<Utc>) -> String {
    instant.format(FORMAT).to_string()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    async fn rejeux_et_utilisateurs() -> (Rejeux, i64, i64) {
        let state = match crate::test_state().await {
            Ok(state) => state,
            Err(error) => panic!("state: {error}"),
        };
        let id = |email: &'static str| {
            let db = state.db.clone();
            async move {
                match db.utilisateur_par_email(email).await {
                    Ok(Some(u)) => u.id,
                    other => panic!("{email}: {other:?}"),
                }
            }
        };
        let demo = id(crate::seed::DEMO_EMAIL).await;
        let autre = id(crate::seed::AUTRE_EMAIL).await;
        (Rejeux::new(state.db.clone()), demo, autre)
    }

    fn ok(corps: &str) -> ReponseGardee {
        ReponseGardee {
            status: 200,
            content_type: Some("application/json".into()),
            corps: corps.to_owned(),
        }
    }

    async fn decider(rejeux: &Rejeux, utilisateur: i64, cle: &str, corps: &[u8]) -> Decision {
        match rejeux.decider(utilisateur, cle, corps).await {
            Ok(decision) => decision,
            Err(error) => panic!("decider: {error}"),
        }
    }

    #[tokio::test]
    async fn a_success_is_replayed_for_the_same_body_and_refused_for_another() {
        let (rejeux, demo, autre) = rejeux_et_utilisateurs().await;
        let Decision::Envoyer(reservation) = decider(&rejeux, demo, "k", b"{}").await else {
            panic!("first call must be sent");
        };
        reservation.terminer(ok(r#"{"codeRetour":0}"#)).await;
        assert!(matches!(
            decider(&rejeux, demo, "k", b"{}").await,
            Decision::Rejouer(r) if r == ok(r#"{"codeRetour":0}"#)
        ));
        assert!(matches!(
            decider(&rejeux, demo, "k", b"{\"x\":1}").await,
            Decision::CleReutilisee
        ));
        // Keys are per user.
        assert!(matches!(
            decider(&rejeux, autre, "k", b"{}").await,
            Decision::Envoyer(_)
        ));
        // Kept in the database: another process (a restarted server) replays it too.
        let redemarre = Rejeux::new(rejeux.db.clone());
        assert!(matches!(
            decider(&redemarre, demo, "k", b"{}").await,
            Decision::Rejouer(_)
        ));
    }

    #[tokio::test]
    async fn a_failed_or_cancelled_call_frees_its_key() {
        let (rejeux, demo, _) = rejeux_et_utilisateurs().await;
        let premiere = decider(&rejeux, demo, "k", b"{}").await;
        assert!(matches!(premiere, Decision::Envoyer(_)));
        drop(premiere);
        assert!(matches!(
            decider(&rejeux, demo, "k", b"{}").await,
            Decision::Envoyer(_)
        ));
    }

    #[tokio::test]
    async fn a_retry_waits_for_the_call_on_its_way_and_gets_its_answer() {
        let (rejeux, demo, _) = rejeux_et_utilisateurs().await;
        let Decision::Envoyer(reservation) = decider(&rejeux, demo, "k", b"{}").await else {
            panic!("first call must be sent");
        };
        let autre = rejeux.clone();
        let retry = tokio::spawn(async move { autre.decider(demo, "k", b"{}").await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!retry.is_finished(), "the retry waits");
        reservation.terminer(ok("{}")).await;
        assert!(matches!(
            retry.await.ok(),
            Some(Ok(Decision::Rejouer(r))) if r == ok("{}")
        ));
    }

    #[tokio::test]
    async fn answers_expire_after_24_hours_and_are_purged() {
        let (rejeux, demo, _) = rejeux_et_utilisateurs().await;
        let maintenant = Utc::now();
        let garde = |empreinte: &[u8]| RejeuRow {
            empreinte: hash_token_bytes(empreinte),
            statut_http: 200,
            type_contenu: None,
            corps: "{}".into(),
        };
        for (cle, age) in [
            ("ancienne", DUREE_REJEU + chrono::Duration::minutes(1)),
            ("oubliee", DUREE_REJEU + chrono::Duration::hours(3)),
            ("recente", DUREE_REJEU - chrono::Duration::minutes(1)),
        ] {
            let cree_le = horodatage(maintenant - age);
            if let Err(error) = rejeux
                .db
                .garder_rejeu(demo, cle, &garde(b"{}"), &cree_le)
                .await
            {
                panic!("{error}");
            }
        }
        // An expired answer is not replayed, even before the purge: the call is sent again.
        assert!(matches!(
            decider(&rejeux, demo, "ancienne", b"{}").await,
            Decision::Envoyer(_)
        ));
        assert!(matches!(
            decider(&rejeux, demo, "recente", b"{}").await,
            Decision::Rejouer(_)
        ));
        let lignes = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM rejeux_passerelle")
                .fetch_one(rejeux.db.pool())
                .await
                .ok()
        };
        assert_eq!(lignes().await, Some(3));
        // Keeping a new answer purges the expired ones, and replaces an expired row of the same key.
        let Decision::Envoyer(reservation) = decider(&rejeux, demo, "ancienne", b"{}").await else {
            panic!("expired: sent again");
        };
        reservation.terminer(ok(r#"{"n":2}"#)).await;
        assert_eq!(
            lignes().await,
            Some(2),
            "oubliee purged, ancienne kept anew"
        );
        assert!(matches!(
            decider(&rejeux, demo, "ancienne", b"{}").await,
            Decision::Rejouer(r) if r.corps == r#"{"n":2}"#
        ));
        assert!(matches!(
            decider(&rejeux, demo, "oubliee", b"{}").await,
            Decision::Envoyer(_)
        ));
        // The purge takes the rows created at or before its limit, and only them.
        let purger = |limite: DateTime<Utc>| {
            let db = rejeux.db.clone();
            async move { db.purger_rejeux(&horodatage(limite)).await.ok() }
        };
        assert_eq!(purger(maintenant - DUREE_REJEU).await, Some(0));
        assert_eq!(
            purger(maintenant - chrono::Duration::hours(1)).await,
            Some(1)
        );
        assert!(matches!(
            decider(&rejeux, demo, "recente", b"{}").await,
            Decision::Envoyer(_)
        ));
        assert!(matches!(
            decider(&rejeux, demo, "ancienne", b"{}").await,
            Decision::Rejouer(_)
        ));
    }
}
