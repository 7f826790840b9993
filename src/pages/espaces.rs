//! The espaces whose screens come with later work: each shows its title and what it will hold.

use leptos::prelude::*;

use crate::components::garde::Protege;
use crate::i18n::{I18n, Textes};

#[component]
fn Espace(titre: fn(&Textes) -> &'static str, texte: fn(&Textes) -> &'static str) -> impl IntoView {
    let i18n = I18n::expect_context();
    view! {
        <Protege>
            <h1>{move || titre(i18n.t())}</h1>
            <p class="intro">{move || texte(i18n.t())}</p>
            <p class="note">{move || i18n.t().espaces.en_construction}</p>
        </Protege>
    }
}

/// Sollicitations.
#[component]
pub fn Sollicitations() -> impl IntoView {
    view! { <Espace titre=|t| t.shell.sollicitations texte=|t| t.espaces.sollicitations_texte /> }
}

/// Mon compte.
#[component]
pub fn MonCompte() -> impl IntoView {
    view! { <Espace titre=|t| t.shell.mon_compte texte=|t| t.espaces.mon_compte_texte /> }
}
