//! Guard for the espaces that need a signed-in user: sends anonymous visitors to the connexion screen.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::i18n::I18n;
use crate::state::session::{EtatSession, Session};

/// Renders its children only for a signed-in user; redirects to `/connexion` otherwise.
#[component]
pub fn Protege(children: ChildrenFn) -> impl IntoView {
    let session = Session::expect_context();
    let i18n = I18n::expect_context();
    move || match session.etat() {
        EtatSession::Inconnue => view! {
            <p class="chargement" role="status">{move || i18n.t().shell.chargement}</p>
        }
        .into_any(),
        EtatSession::Anonyme => view! { <Redirect path="/connexion" /> }.into_any(),
        EtatSession::Connecte(_) => children().into_any(),
    }
}
