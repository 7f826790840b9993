//! Mot de passe oublié (ask for a reset link) and the page the link opens (choose the new password).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{self, ApiError, ErreurChamp, RefusFormulaire};
use crate::app::Reglages;
use crate::components::formulaire::ChampTexte;
use crate::i18n::{I18n, Locale};
use crate::pages::compte::ReglesMotDePasse;

/// Mot de passe oublié.
#[component]
pub fn MotDePasseOublie() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let email = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let envoye = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let envoyer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let base = reglages.api_base();
        let adresse = email.get_untracked();
        spawn_local(async move {
            let resultat = api::compte::demander_reinitialisation(&base, &adresse).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(()) => envoye.set(true),
                Err(RefusFormulaire::Champs(liste)) => erreurs.set(liste),
                Err(RefusFormulaire::Autre(e)) => message.set(Some(e.libelle())),
            }
        });
    };
    view! {
        <section class="connexion" aria-labelledby="oubli-titre">
            <h1 id="oubli-titre">{move || i18n.t().acces.oublie_titre}</h1>
            <Show
                when=move || !envoye.get()
                fallback=move || {
                    view! {
                        <p class="resume resume--ok" role="status">{move || i18n.t().acces.lien_envoye}</p>
                        <p><A href="/connexion">{move || i18n.t().acces.aller_connexion}</A></p>
                    }
                }
            >
                <p class="intro">{move || i18n.t().acces.oublie_intro}</p>
                <form on:submit=envoyer novalidate>
                    <ChampTexte
                        id="oubli-email"
                        champ="email"
                        libelle=Signal::derive(move || i18n.t().acces.email)
                        valeur=email
                        erreurs
                        type_champ="email"
                        autocomplete="username"
                        requis=true
                    />
                    <div class="message-formulaire" role="alert">
                        {move || message.get().map(|m| view! { <p class="erreur">{m}</p> })}
                    </div>
                    <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                        {move || i18n.t().acces.envoyer_lien}
                    </button>
                </form>
            </Show>
        </section>
    }
}

/// Outcome of the reset form.
#[derive(Debug, Clone, PartialEq)]
enum Issue {
    Faite,
    LienPerime,
    Erreur(String),
}

/// The page of the reset link: the new password, twice, with the rules ticked live.
#[component]
pub fn Reinitialisation() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let query = use_query_map();
    let jeton = StoredValue::new(query.with_untracked(|q| q.get("jeton").unwrap_or_default()));
    let nouveau = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let issue = RwSignal::new(None::<Issue>);
    let en_cours = RwSignal::new(false);
    let enregistrer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        if nouveau.get_untracked() != confirmation.get_untracked() {
            erreurs.set(vec![ErreurChamp {
                champ: "confirmation".into(),
                message_fr: Locale::Fr.textes().acces.confirmation_differente.into(),
                message_en: Locale::En.textes().acces.confirmation_differente.into(),
            }]);
            return;
        }
        en_cours.set(true);
        issue.set(None);
        let base = reglages.api_base();
        let (j, m) = (jeton.get_value(), nouveau.get_untracked());
        spawn_local(async move {
            let resultat = api::compte::reinitialiser_mot_de_passe(&base, &j, &m).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(()) => {
                    erreurs.set(Vec::new());
                    issue.set(Some(Issue::Faite));
                }
                Err(RefusFormulaire::Champs(liste)) => erreurs.set(liste),
                Err(RefusFormulaire::Autre(ApiError::Http { status: 410, .. })) => {
                    issue.set(Some(Issue::LienPerime));
                }
                Err(RefusFormulaire::Autre(e)) => issue.set(Some(Issue::Erreur(e.libelle()))),
            }
        });
    };
    view! {
        <section class="connexion" aria-labelledby="reinit-titre">
            <h1 id="reinit-titre">{move || i18n.t().acces.reinit_titre}</h1>
            {move || match issue.get() {
                Some(Issue::Faite) => view! {
                    <p class="resume resume--ok" role="status">{i18n.t().acces.reinit_ok}</p>
                    <p><A href="/connexion">{i18n.t().acces.aller_connexion}</A></p>
                }
                .into_any(),
                Some(Issue::LienPerime) => view! {
                    <p class="erreur" role="alert">{i18n.t().acces.lien_perime}</p>
                    <p><A href="/mot-de-passe-oublie">{i18n.t().acces.redemander}</A></p>
                }
                .into_any(),
                autre => {
                    let erreur = match autre {
                        Some(Issue::Erreur(m)) => Some(m),
                        _ => None,
                    };
                    view! {
                        <p class="intro">{i18n.t().acces.reinit_intro}</p>
                        <form on:submit=enregistrer novalidate>
                            <ChampTexte
                                id="reinit-nouveau"
                                champ="nouveauMotDePasse"
                                libelle=Signal::derive(move || i18n.t().acces.nouveau)
                                valeur=nouveau
                                erreurs
                                type_champ="password"
                                autocomplete="new-password"
                                requis=true
                            />
                            <ul class="messages">
                                <ReglesMotDePasse mot_de_passe=nouveau />
                            </ul>
                            <ChampTexte
                                id="reinit-confirmation"
                                champ="confirmation"
                                libelle=Signal::derive(move || i18n.t().acces.confirmation)
                                valeur=confirmation
                                erreurs
                                type_champ="password"
                                autocomplete="new-password"
                                requis=true
                            />
                            <div class="message-formulaire" role="alert">
                                {erreur.map(|m| view! { <p class="erreur">{m}</p> })}
                            </div>
                            <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                                {i18n.t().acces.enregistrer}
                            </button>
                        </form>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
