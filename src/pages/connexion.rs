//! Connexion: e-mail and password against the backend's session API.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use thaw::{Button, ButtonAppearance, ButtonType, Field, Input, InputType};

use crate::api::{self, ApiError};
use crate::app::Reglages;
use crate::i18n::{I18n, Textes};
use crate::state::session::{EtatSession, Session};

/// Why the last attempt failed, mapped to a message at render time so it follows the language.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Echec {
    ChampsRequis,
    Identifiants,
    Reseau,
    Serveur,
}

impl Echec {
    fn message(self, t: &Textes) -> &'static str {
        match self {
            Echec::ChampsRequis => t.connexion.champs_requis,
            Echec::Identifiants => t.connexion.erreur_identifiants,
            Echec::Reseau => t.connexion.erreur_reseau,
            Echec::Serveur => t.connexion.erreur_serveur,
        }
    }

    fn depuis(erreur: &ApiError) -> Echec {
        match erreur {
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

    let connecter = Action::new_local(move |(email, mot_de_passe): &(String, String)| {
        let (email, mot_de_passe) = (email.clone(), mot_de_passe.clone());
        async move { api::connexion(&reglages.api_base(), &email, &mot_de_passe).await }
    });

    // Signed in: record the user and go to the home screen.
    Effect::new(move |_| {
        if let Some(resultat) = connecter.value().get() {
            match resultat {
                Ok(utilisateur) => {
                    echec.set(None);
                    session.set(EtatSession::Connecte(utilisateur));
                    navigate("/", Default::default());
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
        </section>
    }
}
