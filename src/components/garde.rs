//! Guard for the espaces that need a signed-in user: sends anonymous visitors to the connexion screen.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::i18n::I18n;
use crate::state::session::{EtatSession, Session};

/// What the guard renders for: a change of the signed-in user's details (name, language) must not
/// render the screen again, and lose what it holds; another user must.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Acces {
    Inconnu,
    Anonyme,
    Utilisateur(i64),
}

/// Renders its children only for a signed-in user; redirects to `/connexion` otherwise.
#[component]
pub fn Protege(children: ChildrenFn) -> impl IntoView {
    let session = Session::expect_context();
    let i18n = I18n::expect_context();
    let acces = Memo::new(move |_| match session.etat() {
        EtatSession::Inconnue => Acces::Inconnu,
        EtatSession::Anonyme => Acces::Anonyme,
        EtatSession::Connecte(u) => Acces::Utilisateur(u.id),
    });
    move || match acces.get() {
        Acces::Inconnu => view! {
            <p class="chargement" role="status">{move || i18n.t().shell.chargement}</p>
        }
        .into_any(),
        Acces::Anonyme => view! { <Redirect path="/connexion" /> }.into_any(),
        Acces::Utilisateur(_) => children().into_any(),
    }
}
