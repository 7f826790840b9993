//! The signed-in user, in context. `None` until the server says who is signed in.

use leptos::prelude::*;

use crate::api::Utilisateur;

/// Whether the session is known yet, and who is signed in.
#[derive(Debug, Clone, PartialEq)]
pub enum EtatSession {
    /// The server has not answered yet.
    Inconnue,
    /// Nobody is signed in.
    Anonyme,
    /// A user is signed in.
    Connecte(Utilisateur),
}

/// The session context: `Session::expect_context().etat()`.
#[derive(Clone, Copy)]
pub struct Session {
    etat: RwSignal<EtatSession>,
}

impl Session {
    /// Provides the session context, unknown until [`Session::set`].
    pub fn provide() -> Session {
        let session = Session {
            etat: RwSignal::new(EtatSession::Inconnue),
        };
        provide_context(session);
        session
    }

    /// Reads the context provided by [`Session::provide`].
    pub fn expect_context() -> Session {
        expect_context()
    }

    /// The current state (reactive).
    pub fn etat(&self) -> EtatSession {
        self.etat.get()
    }

    /// The current state, without tracking (for timers and event handlers).
    pub fn etat_untracked(&self) -> EtatSession {
        self.etat.get_untracked()
    }

    /// Records a new state.
    pub fn set(&self, etat: EtatSession) {
        self.etat.set(etat);
    }
}
