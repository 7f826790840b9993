//! `Idempotency-Key` in gateway mode: Chorus Pro has no such header, so the gateway keeps PISTE's
//! successful answer per (portal user, key) and answers a retry with it instead of sending the call again.
//! A retry that arrives while the first call is on its way waits for it.
//!
//! Only successes (HTTP 2xx with `codeRetour` 0) are kept: after a refusal the SPA corrects the invoice and
//! may send it again with the same key; after a network fault or a timeout nobody knows whether Chorus Pro
//! created the invoice, and a retry is sent again (Chorus Pro refuses an invoice number already used by
//! the supplier). Answers live in this process's memory for [`DUREE_REJEU`]: one server instance, lost at
//! restart.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::auth::hash_token_bytes;

/// How long a successful answer is replayed.
pub const DUREE_REJEU: Duration = Duration::from_secs(24 * 3600);

/// Longest key accepted (as the sandbox).
pub const LONGUEUR_MAX_CLE: usize = 200;

/// A kept answer: what was sent (SHA-256 of the body) and what PISTE answered.
#[derive(Debug, Clone)]
struct Termine<R> {
    empreinte: String,
    reponse: R,
    quand: Instant,
}

#[derive(Debug)]
enum Entree<R> {
    /// A call with this key is on its way; the receiver is told when it ends.
    EnCours(watch::Receiver<()>),
    Termine(Termine<R>),
}

type Cle = (i64, String);

/// Successful answers by (portal user id, `Idempotency-Key`).
#[derive(Debug)]
pub struct Rejeux<R> {
    entrees: Arc<Mutex<HashMap<Cle, Entree<R>>>>,
}

impl<R> Default for Rejeux<R> {
    fn default() -> Self {
        Rejeux {
            entrees: Arc::default(),
        }
    }
}

/// What to do with a call that carries a key.
#[derive(Debug)]
pub enum Decision<R> {
    /// First call with this key: send it, then [`Reservation::terminer`].
    Envoyer(Reservation<R>),
    /// Same key, same body, already answered: answer this again.
    Rejouer(R),
    /// Same key, another body: refuse (the key names another invoice).
    CleReutilisee,
}

impl<R: Clone> Rejeux<R> {
    /// The decision for this call; waits while another call with the same key is on its way.
    pub async fn decider(&self, utilisateur: i64, cle: &str, corps: &[u8]) -> Decision<R> {
        let cle: Cle = (utilisateur, cle.to_owned());
        let empreinte = hash_token_bytes(corps);
        loop {
            let mut attente = {
                let mut entrees = self.verrou();
                entrees.retain(|_, entree| match entree {
                    Entree::Termine(termine) => termine.quand.elapsed() < DUREE_REJEU,
                    Entree::EnCours(_) => true,
                });
                match entrees.get(&cle) {
                    Some(Entree::Termine(termine)) if termine.empreinte == empreinte => {
                        return Decision::Rejouer(termine.reponse.clone());
                    }
                    Some(Entree::Termine(_)) => return Decision::CleReutilisee,
                    Some(Entree::EnCours(attente)) => attente.clone(),
                    None => {
                        let (fin, attente) = watch::channel(());
                        entrees.insert(cle.clone(), Entree::EnCours(attente));
                        return Decision::Envoyer(Reservation {
                            entrees: self.entrees.clone(),
                            cle,
                            empreinte,
                            _fin: fin,
                        });
                    }
                }
            };
            // Returns when the first call's reservation ends (its sender is dropped).
            let _ = attente.changed().await;
        }
    }

    fn verrou(&self) -> std::sync::MutexGuard<'_, HashMap<Cle, Entree<R>>> {
        self.entrees
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

/// The right to send the first call with a key. Dropped without [`Reservation::terminer`] (a failure,
/// a refusal, a cancelled request), it frees the key and wakes the calls waiting for it.
#[derive(Debug)]
pub struct Reservation<R> {
    entrees: Arc<Mutex<HashMap<Cle, Entree<R>>>>,
    cle: Cle,
    empreinte: String,
    /// Dropped with the reservation: wakes the waiting calls.
    _fin: watch::Sender<()>,
}

impl<R> Reservation<R> {
    /// Keeps this successful answer for the retries.
    pub fn terminer(self, reponse: R) {
        let mut entrees = self
            .entrees
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        entrees.insert(
            self.cle.clone(),
            Entree::Termine(Termine {
                empreinte: self.empreinte.clone(),
                reponse,
                quand: Instant::now(),
            }),
        );
    }
}

impl<R> Drop for Reservation<R> {
    fn drop(&mut self) {
        let mut entrees = self
            .entrees
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if matches!(entrees.get(&self.cle), Some(Entree::EnCours(_))) {
            entrees.remove(&self.cle);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_success_is_replayed_for_the_same_body_and_refused_for_another() {
        let rejeux = Rejeux::<&'static str>::default();
        let Decision::Envoyer(reservation) = rejeux.decider(1, "k", b"{}").await else {
            panic!("first call must be sent");
        };
        reservation.terminer("ok");
        assert!(matches!(
            rejeux.decider(1, "k", b"{}").await,
            Decision::Rejouer("ok")
        ));
        assert!(matches!(
            rejeux.decider(1, "k", b"{\"x\":1}").await,
            Decision::CleReutilisee
        ));
        // Keys are per user.
        assert!(matches!(
            rejeux.decider(2, "k", b"{}").await,
            Decision::Envoyer(_)
        ));
    }

    #[tokio::test]
    async fn a_failed_or_cancelled_call_frees_its_key() {
        let rejeux = Rejeux::<&'static str>::default();
        let premiere = rejeux.decider(1, "k", b"{}").await;
        drop(premiere);
        assert!(matches!(
            rejeux.decider(1, "k", b"{}").await,
            Decision::Envoyer(_)
        ));
    }

    #[tokio::test]
    async fn a_retry_waits_for_the_call_on_its_way_and_gets_its_answer() {
        let rejeux = Arc::new(Rejeux::<&'static str>::default());
        let Decision::Envoyer(reservation) = rejeux.decider(1, "k", b"{}").await else {
            panic!("first call must be sent");
        };
        let autre = rejeux.clone();
        let retry = tokio::spawn(async move { autre.decider(1, "k", b"{}").await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!retry.is_finished(), "the retry waits");
        reservation.terminer("ok");
        assert!(matches!(retry.await.ok(), Some(Decision::Rejouer("ok"))));
    }
}
