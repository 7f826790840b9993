//! Créer un compte and its activation link. The password rules (`portail`) are shown live, as a
//! checklist; every refusal of the server comes back under its field.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{self, CreationCompte, Defi, ErreurChamp, RefusFormulaire};
use crate::app::Reglages;
use crate::i18n::{Compte as TextesCompte, I18n, Locale};

/// A label of this screen.
type Libelle = fn(&TextesCompte) -> &'static str;

/// The text fields of the form: server field name, label, input type, autocomplete.
const CHAMPS: [(&str, Libelle, &str, &str); 9] = [
    ("email", |t| t.email, "email", "email"),
    (
        "emailConfirmation",
        |t| t.email_confirmation,
        "email",
        "off",
    ),
    ("prenom", |t| t.prenom, "text", "given-name"),
    ("nom", |t| t.nom, "text", "family-name"),
    ("telephone", |t| t.telephone, "tel", "tel"),
    ("emailContact", |t| t.email_contact, "email", "email"),
    ("motDePasse", |t| t.mot_de_passe, "password", "new-password"),
    ("questionSecrete", |t| t.question_secrete, "text", "off"),
    ("reponseSecrete", |t| t.reponse_secrete, "text", "off"),
];

fn lire(compte: &CreationCompte, champ: &str) -> String {
    match champ {
        "email" => compte.email.clone(),
        "emailConfirmation" => compte.email_confirmation.clone(),
        "prenom" => compte.prenom.clone(),
        "nom" => compte.nom.clone(),
        "telephone" => compte.telephone.clone(),
        "emailContact" => compte.email_contact.clone(),
        "motDePasse" => compte.mot_de_passe.clone(),
        "questionSecrete" => compte.question_secrete.clone(),
        "reponseSecrete" => compte.reponse_secrete.clone(),
        _ => compte.defi_reponse.clone(),
    }
}

fn ecrire(compte: &mut CreationCompte, champ: &str, valeur: String) {
    let place = match champ {
        "email" => &mut compte.email,
        "emailConfirmation" => &mut compte.email_confirmation,
        "prenom" => &mut compte.prenom,
        "nom" => &mut compte.nom,
        "telephone" => &mut compte.telephone,
        "emailContact" => &mut compte.email_contact,
        "motDePasse" => &mut compte.mot_de_passe,
        "questionSecrete" => &mut compte.question_secrete,
        "reponseSecrete" => &mut compte.reponse_secrete,
        _ => &mut compte.defi_reponse,
    };
    *place = valeur;
}

/// The account creation screen.
#[component]
pub fn CreerCompte() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let compte = RwSignal::new(CreationCompte::default());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let defi = RwSignal::new(None::<Defi>);
    let message = RwSignal::new(None::<String>);
    let cree = RwSignal::new(false);
    let en_cours = RwSignal::new(false);

    let nouveau_defi = move || {
        let base = reglages.api_base();
        spawn_local(async move {
            if let Ok(d) = api::defi(&base).await {
                let _ = compte.try_update(|c| {
                    c.defi_id = d.id.clone();
                    c.defi_reponse.clear();
                });
                let _ = defi.try_set(Some(d));
            }
        });
    };
    nouveau_defi();

    let envoyer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let base = reglages.api_base();
        let corps = compte.get_untracked();
        spawn_local(async move {
            let resultat = api::creer_compte(&base, &corps).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(()) => {
                    erreurs.set(Vec::new());
                    cree.set(true);
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    // An anti-robot question is single-use: the next try gets a new one.
                    nouveau_defi();
                    erreurs.set(liste);
                    message.set(Some(i18n.t().compte.a_corriger.to_owned()));
                }
                Err(RefusFormulaire::Autre(e)) => message.set(Some(e.libelle())),
            }
        });
    };

    let message_de = move |champ: &'static str| {
        let locale = i18n.locale();
        erreurs.with(|liste| {
            liste
                .iter()
                .filter(|e| e.champ == champ)
                .map(|e| match locale {
                    Locale::Fr => e.message_fr.clone(),
                    Locale::En => e.message_en.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    let champ = move |(nom, libelle, type_champ, autocomplete): (
        &'static str,
        Libelle,
        &'static str,
        &'static str,
    )| {
        let id = format!("compte-{nom}");
        let id_messages = format!("{id}-messages");
        let en_erreur = move || !message_de(nom).is_empty();
        view! {
            <div class="champ" class:champ--bloquant=en_erreur>
                <label for=id.clone()>{move || libelle(&i18n.t().compte)}</label>
                <input
                    id=id
                    type=type_champ
                    name=nom
                    autocomplete=autocomplete
                    required
                    aria-invalid=move || en_erreur().to_string()
                    aria-describedby=id_messages.clone()
                    prop:value=move || compte.with(|c| lire(c, nom))
                    on:input=move |ev| {
                        let valeur = event_target_value(&ev);
                        compte.update(|c| ecrire(c, nom, valeur));
                    }
                />
                <ul id=id_messages class="messages">
                    {move || {
                        message_de(nom)
                            .into_iter()
                            .map(|m| view! { <li class="message message--bloquant">{m}</li> })
                            .collect_view()
                    }}
                    {(nom == "motDePasse").then(|| view! { <ReglesMotDePasse mot_de_passe=Signal::derive(move || compte.with(|c| c.mot_de_passe.clone())) /> })}
                </ul>
            </div>
        }
    };

    view! {
        <section class="connexion connexion--large" aria-labelledby="compte-titre">
            <h1 id="compte-titre">{move || i18n.t().compte.titre}</h1>
            <Show
                when=move || !cree.get()
                fallback=move || {
                    view! {
                        <p class="resume resume--ok" role="status">{move || i18n.t().compte.cree}</p>
                        <p><A href="/connexion">{move || i18n.t().compte.aller_connexion}</A></p>
                    }
                }
            >
                <p class="intro">{move || i18n.t().compte.intro}</p>
                <form on:submit=envoyer novalidate>
                    <div class="grille-champs">{CHAMPS.into_iter().map(champ).collect_view()}</div>
                    <div class="champ" class:champ--bloquant=move || !message_de("cguAcceptees").is_empty()>
                        <label class="case">
                            <input
                                type="checkbox"
                                name="cguAcceptees"
                                aria-describedby="compte-cgu-messages"
                                prop:checked=move || compte.with(|c| c.cgu_acceptees)
                                on:change=move |ev| {
                                    let coche = event_target_checked(&ev);
                                    compte.update(|c| c.cgu_acceptees = coche);
                                }
                            />
                            {move || i18n.t().compte.cgu}
                        </label>
                        <ul id="compte-cgu-messages" class="messages">
                            {move || message_de("cguAcceptees").into_iter().map(|m| view! { <li class="message message--bloquant">{m}</li> }).collect_view()}
                        </ul>
                    </div>
                    <div class="champ" class:champ--bloquant=move || !message_de("defiReponse").is_empty()>
                        <label for="compte-defi">
                            {move || i18n.t().compte.defi} " "
                            {move || defi.get().map(|d| match i18n.locale() {
                                Locale::Fr => d.question,
                                Locale::En => d.question_en,
                            })}
                        </label>
                        <input
                            id="compte-defi"
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            aria-describedby="compte-defi-messages"
                            prop:value=move || compte.with(|c| c.defi_reponse.clone())
                            on:input=move |ev| {
                                let valeur = event_target_value(&ev);
                                compte.update(|c| c.defi_reponse = valeur);
                            }
                        />
                        <ul id="compte-defi-messages" class="messages">
                            {move || message_de("defiReponse").into_iter().map(|m| view! { <li class="message message--bloquant">{m}</li> }).collect_view()}
                        </ul>
                    </div>
                    <div class="message-formulaire" role="alert">
                        {move || message.get().map(|m| view! { <p class="erreur">{m}</p> })}
                    </div>
                    <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                        {move || i18n.t().compte.creer}
                    </button>
                </form>
            </Show>
        </section>
    }
}

/// The password policy as a checklist that ticks itself as the user types (an `<li>` of a field's
/// messages list).
#[component]
pub fn ReglesMotDePasse(#[prop(into)] mot_de_passe: Signal<String>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let longueur =
        move || mot_de_passe.with(|m| m.chars().count()) >= portail::MOT_DE_PASSE_LONGUEUR_MIN;
    let classes = move || {
        mot_de_passe.with(|m| portail::classes_de_caracteres(m))
            >= portail::MOT_DE_PASSE_CLASSES_MIN
    };
    let regle = move |ok: bool, texte: &'static str| {
        let (classe, etat) = if ok {
            ("regle regle--ok", i18n.t().compte.regle_ok)
        } else {
            ("regle", i18n.t().compte.regle_manquante)
        };
        view! { <li class=classe>{texte} <span class="visuellement-cache">" — " {etat}</span></li> }
    };
    view! {
        <li class="regles" aria-live="polite">
            <ul>
                {move || regle(longueur(), i18n.t().compte.regle_longueur)}
                {move || regle(classes(), i18n.t().compte.regle_classes)}
            </ul>
        </li>
    }
}

/// The page the activation link opens: activates the account at once.
#[component]
pub fn Activation() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let query = use_query_map();
    let resultat = RwSignal::new(None::<Result<(), String>>);
    let jeton = query.with_untracked(|q| q.get("jeton").unwrap_or_default());
    let base = reglages.api_base();
    spawn_local(async move {
        let r = api::activer_compte(&base, &jeton)
            .await
            .map_err(|e| e.libelle());
        let _ = resultat.try_set(Some(r));
    });
    view! {
        <section class="connexion" aria-labelledby="activation-titre">
            <h1 id="activation-titre">{move || i18n.t().compte.activation_titre}</h1>
            {move || match resultat.get() {
                None => view! { <p role="status">{i18n.t().compte.activation_en_cours}</p> }.into_any(),
                Some(Ok(())) => {
                    view! {
                        <p class="resume resume--ok" role="status">{i18n.t().compte.active}</p>
                        <p><A href="/connexion">{i18n.t().compte.aller_connexion}</A></p>
                    }
                        .into_any()
                }
                Some(Err(m)) => {
                    view! { <p class="erreur" role="alert">{i18n.t().compte.activation_refusee} " " {m}</p> }.into_any()
                }
            }}
        </section>
    }
}
