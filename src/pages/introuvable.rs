//! The page shown for an address that matches no route.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::I18n;

/// Not found.
#[component]
pub fn Introuvable() -> impl IntoView {
    let i18n = I18n::expect_context();
    view! {
        <h1>{move || i18n.t().introuvable.titre}</h1>
        <p>{move || i18n.t().introuvable.texte}</p>
        <p>
            <A href="/">{move || i18n.t().introuvable.retour}</A>
        </p>
    }
}
