//! Accueil: the signed-in supplier's starting point.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::garde::Protege;
use crate::i18n::I18n;
use crate::state::session::{EtatSession, Session};

/// The home screen.
#[component]
pub fn Accueil() -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let prenom = move || match session.etat() {
        EtatSession::Connecte(u) if !u.prenom.is_empty() => format!(", {}", u.prenom),
        _ => String::new(),
    };
    view! {
        <Protege>
            <h1>{move || i18n.t().accueil.titre}</h1>
            <p class="intro">
                {move || i18n.t().accueil.bienvenue} {prenom} ". " {move || i18n.t().accueil.intro}
            </p>
            <ul class="tuiles">
                <li class="tuile">
                    <h2>
                        <A href="/factures-emises/deposer">
                            {move || i18n.t().accueil.deposer_titre}
                        </A>
                    </h2>
                    <p>{move || i18n.t().accueil.deposer_texte}</p>
                </li>
                <li class="tuile">
                    <h2>
                        <A href="/factures-emises">{move || i18n.t().accueil.suivre_titre}</A>
                    </h2>
                    <p>{move || i18n.t().accueil.suivre_texte}</p>
                </li>
                <li class="tuile">
                    <h2>
                        <A href="/mon-compte">{move || i18n.t().accueil.compte_titre}</A>
                    </h2>
                    <p>{move || i18n.t().accueil.compte_texte}</p>
                </li>
            </ul>
        </Protege>
    }
}
