//! Connexion: e-mail and password against the backend's session API.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use thaw::{Button, ButtonAppearance, ButtonType, Field, Input, InputType};

use crate::api::{self, ApiError, RefusFormulaire, ResultatConnexion};
use crate::app::Reglages;
use crate::i18n::{I18n, Textes};
use crate::state::session::{EtatSession, Session};

/// Why the last attempt failed, mapped to a message at render time so it follows the language.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Echec {
    ChampsRequis,
    Identifiants,
    NonActive,
    Verrouille,
    Reseau,
    Serveur,
}

impl Echec {
    fn message(self, t: &Textes) -> &'static str {
        match self {
            Echec::ChampsRequis => t.connexion.champs_requis,
            Echec::Identifiants => t.connexion.erreur_identifiants,
            Echec::NonActive => t.connexion.erreur_non_active,
            Echec::Verrouille => t.acces.verrouille,
            Echec::Reseau => t.connexion.erreur_reseau,
            Echec::Serveur => t.connexion.erreur_serveur,
        }
    }

    fn depuis(erreur: &ApiError) -> Echec {
        match erreur {
            ApiError::Http { status: 403, .. } => Echec::NonActive,
            ApiError::Http { status: 429, .. } => Echec::Verrouille,
            ApiError::Http {
                status: 400..=499, ..
            } => Echec::Identifiants,
            ApiError::Reseau(_) => Echec::Reseau,
            _ => Echec::Serveur,
        }
    }
}

/// The sign-in screen.
#[component]
pub fn Connexion() -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let reglages = Reglages::expect_context();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let mot_de_passe = RwSignal::new(String::new());
    let echec = RwSignal::new(None::<Echec>);
    // The pending token and method when the account asks for a second factor.
    let second = RwSignal::new(None::<(String, String)>);

    let connecter = Action::new_local(move |(email, mot_de_passe): &(String, String)| {
        let (email, mot_de_passe) = (email.clone(), mot_de_passe.clone());
        async move { api::connexion(&reglages.api_base(), &email, &mot_de_passe).await }
    });

    // Signed in: record the user and go to the home screen.
    Effect::new(move |_| {
        if let Some(resultat) = connecter.value().get() {
            match resultat {
                Ok(ResultatConnexion::Connecte(utilisateur)) => {
                    echec.set(None);
                    session.set(EtatSession::Connecte(utilisateur));
                    navigate("/", Default::default());
                }
                Ok(ResultatConnexion::SecondFacteur { jeton, methode }) => {
                    echec.set(None);
                    second.set(Some((jeton, methode)));
                }
                Err(erreur) => echec.set(Some(Echec::depuis(&erreur))),
            }
        }
    });

    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (e, m) = (email.get_untracked(), mot_de_passe.get_untracked());
        if e.trim().is_empty() || m.is_empty() {
            echec.set(Some(Echec::ChampsRequis));
            return;
        }
        echec.set(None);
        connecter.dispatch((e.trim().to_string(), m));
    };

    view! {
        <Show
            when=move || second.get().is_none()
            fallback=move || view! { <SecondFacteur second /> }
        >
        <section class="connexion" aria-labelledby="connexion-titre">
            <h1 id="connexion-titre">{move || i18n.t().connexion.titre}</h1>
            <p class="intro">{move || i18n.t().connexion.intro}</p>
            <form on:submit=soumettre novalidate>
                <Field label=Signal::derive(move || i18n.t().connexion.email.to_string()) required=true>
                    <Input
                        value=email
                        input_type=InputType::Email
                        name="email"
                        attr:autocomplete="username"
                    />
                </Field>
                <Field
                    label=Signal::derive(move || i18n.t().connexion.mot_de_passe.to_string())
                    required=true
                >
                    <Input
                        value=mot_de_passe
                        input_type=InputType::Password
                        name="motDePasse"
                        attr:autocomplete="current-password"
                    />
                </Field>
                <div class="message-formulaire" role="alert" aria-live="assertive">
                    {move || echec.get().map(|e| view! { <p class="erreur">{e.message(i18n.t())}</p> })}
                </div>
                <Button
                    button_type=ButtonType::Submit
                    appearance=ButtonAppearance::Primary
                    loading=connecter.pending()
                >
                    {move || {
                        if connecter.pending().get() {
                            i18n.t().connexion.en_cours
                        } else {
                            i18n.t().connexion.bouton
                        }
                    }}
                </Button>
            </form>
            <p class="connexion__oubli">
                <A href="/mot-de-passe-oublie">{move || i18n.t().acces.oublie_lien}</A>
            </p>
            <p class="connexion__creer">
                {move || i18n.t().connexion.pas_de_compte} " "
                <A href="/creer-un-compte">{move || i18n.t().connexion.creer_compte}</A>
            </p>
        </section>
        </Show>
    }
}

/// The second step of a sign-in: the 6-digit code e-mailed or shown by the authenticator application.
#[component]
fn SecondFacteur(second: RwSignal<Option<(String, String)>>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let reglages = Reglages::expect_context();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let methode = move || second.with(|s| s.as_ref().map(|(_, m)| m.clone()).unwrap_or_default());
    let valider = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((jeton, _)) = second.get_untracked() else {
            return;
        };
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        let saisi = code.get_untracked().trim().to_owned();
        let navigate = navigate.clone();
        spawn_local(async move {
            let resultat = api::second_facteur(&base, &jeton, &saisi).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            let locale = i18n.locale();
            match resultat {
                Ok(utilisateur) => {
                    session.set(EtatSession::Connecte(utilisateur));
                    navigate("/", Default::default());
                }
                Err(RefusFormulaire::Champs(erreurs)) => {
                    message.set(erreurs.first().map(|e| match locale {
                        crate::i18n::Locale::Fr => e.message_fr.clone(),
                        crate::i18n::Locale::En => e.message_en.clone(),
                    }))
                }
                Err(RefusFormulaire::Autre(ApiError::Http { status: 401, .. })) => {
                    // Too many wrong codes or expired: start again from the password.
                    second.set(None);
                }
                Err(RefusFormulaire::Autre(erreur)) => message.set(Some(erreur.libelle())),
            }
        });
    };
    view! {
        <section class="connexion" aria-labelledby="second-titre">
            <h1 id="second-titre">{move || i18n.t().connexion.second_titre}</h1>
            <p class="intro">
                {move || {
                    if methode() == "TOTP" {
                        i18n.t().connexion.second_totp
                    } else {
                        i18n.t().connexion.second_email
                    }
                }}
            </p>
            <form on:submit=valider novalidate>
                <div class="champ">
                    <label for="code-second-facteur">{move || i18n.t().connexion.code}</label>
                    <input
                        id="code-second-facteur"
                        type="text"
                        inputmode="numeric"
                        autocomplete="one-time-code"
                        maxlength="6"
                        aria-describedby="code-second-facteur-message"
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))
                    />
                </div>
                <div id="code-second-facteur-message" class="message-formulaire" role="alert">
                    {move || message.get().map(|m| view! { <p class="erreur">{m}</p> })}
                </div>
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                    {move || i18n.t().connexion.valider_code}
                </button>
            </form>
        </section>
    }
}
