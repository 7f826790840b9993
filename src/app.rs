//! The application: providers, then the shell (header, espaces, footer) around the route table.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use thaw::{ConfigProvider, MessageBar, MessageBarIntent, Theme};

use crate::api;
use crate::components::integration::Integration;
use crate::components::kiosque::{terminer_session, Kiosque};
use crate::components::panne::ErreurAffichee;
use crate::i18n::{I18n, Locale};
use crate::pages::acces::{MotDePasseOublie, Reinitialisation};
use crate::pages::mon_compte::MonCompte;
use crate::pages::sollicitations::{
    DetailSollicitation, NouvelleSollicitationPage, Sollicitations,
};
use crate::pages::structures::{NouvelleStructure, Rattachement};
use crate::pages::travaux::FacturesTravaux;
use crate::pages::{
    accueil::Accueil, compte::Activation, compte::CreerCompte, connexion::Connexion,
    deposer::Deposer, facture::DetailFacture, gestionnaire::ActivitesGestionnaire,
    introuvable::Introuvable, saisir::SaisirFacture, suivi::FacturesEmises, tableau::TableauDeBord,
};
use crate::state::config::RuntimeConfig;
use crate::state::integration::{est_dans_un_cadre, BrouillonsRecus};
use crate::state::session::{EtatSession, Session};

/// Key of the user's language choice in local storage.
const CLE_LANGUE: &str = "passerelle.langue";

/// The runtime settings, in context once `config.json` has been read.
#[derive(Clone, Copy)]
pub struct Reglages(pub RwSignal<RuntimeConfig>);

impl Reglages {
    /// Reads the context.
    pub fn expect_context() -> Reglages {
        expect_context()
    }

    /// The backend base URL (not reactive: read it when calling).
    pub fn api_base(&self) -> String {
        self.0
            .with_untracked(|c| c.api_base_url.trim_end_matches('/').to_string())
    }
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let langue_choisie = langue_enregistree();
    let i18n = I18n::provide(langue_choisie.unwrap_or_default());
    let session = Session::provide();
    let reglages = Reglages(RwSignal::new(RuntimeConfig::default()));
    provide_context(reglages);
    let config_illisible = RwSignal::new(false);
    BrouillonsRecus::provide();

    // Settings first (they name the backend), then who is signed in.
    spawn_local(async move {
        match api::config().await {
            Ok(config) => {
                if langue_choisie.is_none() {
                    if let Some(locale) = Locale::from_tag(&config.locale) {
                        i18n.set_locale(locale);
                    }
                }
                reglages.0.set(config);
            }
            Err(erreur) => {
                leptos::logging::warn!("config.json: {erreur}");
                config_illisible.set(true);
            }
        }
        let etat = match api::session(&reglages.api_base()).await {
            Ok(Some(utilisateur)) => EtatSession::Connecte(utilisateur),
            Ok(None) => EtatSession::Anonyme,
            Err(erreur) => {
                leptos::logging::warn!("session: {erreur}");
                EtatSession::Anonyme
            }
        };
        session.set(etat);
    });

    // The document's language follows the interface, for screen readers and hyphenation.
    Effect::new(move |_| {
        let tag = i18n.locale().tag();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", tag);
        }
    });

    let theme = RwSignal::new(Theme::light());
    view! {
        <ConfigProvider theme class=Signal::derive(move || {
            if reglages.0.with(|c| c.kiosk.enabled) { "kiosque".to_string() } else { String::new() }
        })>
            <Router>
                <a class="lien-evitement" href="#contenu">
                    {move || i18n.t().shell.lien_evitement}
                </a>
                <Entete />
                <main id="contenu" tabindex="-1">
                    <Show when=move || config_illisible.get()>
                        <MessageBar intent=MessageBarIntent::Warning>
                            {move || i18n.t().erreurs.config_illisible}
                        </MessageBar>
                    </Show>
                    <ErrorBoundary fallback=|errors| view! { <ErreurAffichee errors /> }>
                        <Routes fallback=|| view! { <Introuvable /> }>
                            <Route path=path!("/") view=Accueil />
                            <Route path=path!("/connexion") view=Connexion />
                            <Route path=path!("/creer-un-compte") view=CreerCompte />
                            <Route path=path!("/activation") view=Activation />
                            <Route path=path!("/mot-de-passe-oublie") view=MotDePasseOublie />
                            <Route path=path!("/reinitialisation") view=Reinitialisation />
                            <Route path=path!("/factures-emises") view=FacturesEmises />
                            <Route path=path!("/factures-emises/deposer") view=Deposer />
                            <Route path=path!("/factures-emises/saisir") view=SaisirFacture />
                            <Route path=path!("/factures-emises/facture/:id") view=DetailFacture />
                            <Route
                                path=path!("/factures-emises/tableau-de-bord")
                                view=TableauDeBord
                            />
                            <Route path=path!("/factures-emises/travaux") view=FacturesTravaux />
                            <Route path=path!("/sollicitations") view=Sollicitations />
                            <Route
                                path=path!("/sollicitations/nouvelle")
                                view=NouvelleSollicitationPage
                            />
                            <Route path=path!("/sollicitations/:id") view=DetailSollicitation />
                            <Route path=path!("/mon-compte") view=MonCompte />
                            <Route
                                path=path!("/mon-compte/nouvelle-structure")
                                view=NouvelleStructure
                            />
                            <Route path=path!("/mon-compte/rattachement") view=Rattachement />
                            <Route
                                path=path!("/activites-gestionnaire")
                                view=ActivitesGestionnaire
                            />
                        </Routes>
                    </ErrorBoundary>
                </main>
                <Show when=move || reglages.0.with(|c| c.kiosk.enabled)>
                    <Kiosque />
                </Show>
                // In a frame whose parent the settings allow: the postMessage protocol with the host page.
                <Show when=move || {
                    est_dans_un_cadre()
                        && reglages.0.with(|c| !c.embed.allowed_parent_origins.is_empty())
                }>
                    <Integration />
                </Show>
                <footer class="pied">
                    <p>{move || i18n.t().shell.pied}</p>
                </footer>
            </Router>
        </ConfigProvider>
    }
}

/// Header: the name, the espaces when signed in, the language switch, the user and sign-out.
#[component]
fn Entete() -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let reglages = Reglages::expect_context();
    let connecte = move || matches!(session.etat(), EtatSession::Connecte(_));
    let changer_langue = move |_| {
        let nouvelle = i18n.locale().autre();
        i18n.set_locale(nouvelle);
        enregistrer_langue(nouvelle);
    };
    let se_deconnecter = move |_| {
        spawn_local(async move {
            if let Err(erreur) = api::deconnexion(&reglages.api_base()).await {
                leptos::logging::warn!("déconnexion: {erreur}");
            }
            session.set(EtatSession::Anonyme);
        });
    };
    view! {
        <header class="entete">
            <div class="entete__marque">
                <A href="/" attr:class="entete__nom">
                    {move || i18n.t().shell.nom_application}
                </A>
                <span class="entete__sous-titre">{move || i18n.t().shell.sous_titre}</span>
            </div>
            <div class="entete__outils">
                <button
                    type="button"
                    class="bouton bouton--discret"
                    lang=move || i18n.locale().autre().tag()
                    aria-label=move || i18n.t().shell.changer_langue_aria
                    on:click=changer_langue
                >
                    {move || i18n.t().shell.changer_langue}
                </button>
                <Show when=connecte>
                    <crate::components::notifications::Notifications />
                    <span class="entete__utilisateur">
                        {move || i18n.t().shell.connecte_en_tant_que} " "
                        <strong>
                            {move || match session.etat() {
                                EtatSession::Connecte(u) => u.email,
                                _ => String::new(),
                            }}
                        </strong>
                    </span>
                    <Show
                        when=move || reglages.0.with(|c| c.kiosk.enabled)
                        fallback=move || {
                            view! {
                                <button
                                    type="button"
                                    class="bouton bouton--discret"
                                    on:click=se_deconnecter
                                >
                                    {move || i18n.t().shell.deconnexion}
                                </button>
                            }
                        }
                    >
                        <button
                            type="button"
                            class="bouton bouton--terminer"
                            aria-label=move || i18n.t().kiosque.terminer_aria
                            on:click=move |_| terminer_session(reglages.api_base())
                        >
                            {move || i18n.t().kiosque.terminer}
                        </button>
                    </Show>
                </Show>
            </div>
            <Show when=connecte>
                <nav class="espaces" aria-label=move || i18n.t().shell.navigation_principale>
                    <ul>
                        <li>
                            <A href="/" exact=true>
                                {move || i18n.t().shell.accueil}
                            </A>
                        </li>
                        <li>
                            <A href="/factures-emises">{move || i18n.t().shell.factures_emises}</A>
                        </li>
                        <li>
                            <A href="/sollicitations">{move || i18n.t().shell.sollicitations}</A>
                        </li>
                        <li>
                            <A href="/mon-compte">{move || i18n.t().shell.mon_compte}</A>
                        </li>
                        <li>
                            <A href="/activites-gestionnaire">
                                {move || i18n.t().shell.activites_gestionnaire}
                            </A>
                        </li>
                    </ul>
                </nav>
            </Show>
        </header>
    }
}

fn stockage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn langue_enregistree() -> Option<Locale> {
    stockage()
        .and_then(|s| s.get_item(CLE_LANGUE).ok().flatten())
        .and_then(|tag| Locale::from_tag(&tag))
}

pub(crate) fn enregistrer_langue(locale: Locale) {
    if let Some(s) = stockage() {
        // Not remembering the choice is harmless: the switch still applies to this visit.
        let _ = s.set_item(CLE_LANGUE, locale.tag());
    }
}
