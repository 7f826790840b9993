//! Accueil: the signed-in supplier's starting point.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::compte as api_compte;
use crate::app::Reglages;

use crate::components::garde::Protege;
use crate::i18n::I18n;
use crate::state::session::{EtatSession, Session};

/// The home screen.
#[component]
pub fn Accueil() -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let reglages = Reglages::expect_context();
    // First sign-in: an account attached to no structure is offered to create one or join one.
    let sans_structure = RwSignal::new(false);
    Effect::new(move |_| {
        if matches!(session.etat(), EtatSession::Connecte(_)) {
            let base = reglages.api_base();
            spawn_local(async move {
                if let Ok(liste) = api_compte::habilitations(&base).await {
                    let _ = sans_structure.try_set(liste.is_empty());
                }
            });
        }
    });
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
            <Show when=move || sans_structure.get()>
                <section class="carte premiere-connexion" aria-labelledby="premiere-titre">
                    <h2 id="premiere-titre">{move || i18n.t().accueil.premiere_titre}</h2>
                    <p>{move || i18n.t().accueil.premiere_texte}</p>
                    <p class="actions">
                        <A href="/mon-compte/nouvelle-structure" attr:class="bouton bouton--principal">
                            {move || i18n.t().mon_compte.creer_structure}
                        </A>
                        <A href="/mon-compte/rattachement" attr:class="bouton bouton--neutre">
                            {move || i18n.t().mon_compte.rattacher}
                        </A>
                    </p>
                </section>
            </Show>
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
