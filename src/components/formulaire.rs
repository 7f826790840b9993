//! Form fields bound to a signal, with the server's refusals (`ErreurChamp`, by field name) shown under
//! them and announced by `aria-describedby`.

use leptos::prelude::*;

use crate::api::ErreurChamp;
use crate::i18n::{I18n, Locale};

/// The messages of the refused `champ`, in the current locale (reactive).
pub fn messages_du_champ(erreurs: RwSignal<Vec<ErreurChamp>>, champ: &str) -> Vec<String> {
    let locale = I18n::expect_context().locale();
    erreurs.with(|liste| {
        liste
            .iter()
            .filter(|e| e.champ == champ)
            .map(|e| match locale {
                Locale::Fr => e.message_fr.clone(),
                Locale::En => e.message_en.clone(),
            })
            .collect()
    })
}

/// A labelled text input. `champ` is the server's field name; `id` must be unique on the page.
#[component]
pub fn ChampTexte(
    /// Element id.
    #[prop(into)]
    id: String,
    /// Field name in the request body (`nom`, `emailContact`…).
    champ: &'static str,
    /// The label, in the current locale.
    #[prop(into)]
    libelle: Signal<&'static str>,
    /// The value.
    valeur: RwSignal<String>,
    /// The server's refusals.
    erreurs: RwSignal<Vec<ErreurChamp>>,
    /// `text`, `email`, `tel`, `password`…
    #[prop(default = "text")]
    type_champ: &'static str,
    /// `autocomplete` attribute.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// A help line under the field.
    #[prop(optional, into)]
    aide: Option<Signal<&'static str>>,
    /// Required field.
    #[prop(optional)]
    requis: bool,
    /// `inputmode` attribute.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Node reference, to move the focus to the field.
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let id_messages = format!("{id}-messages");
    let en_erreur = move || !messages_du_champ(erreurs, champ).is_empty();
    view! {
        <div class="champ" class:champ--bloquant=en_erreur>
            <label for=id.clone()>{move || libelle.get()}</label>
            <input
                id=id
                node_ref=node_ref
                type=type_champ
                name=champ
                autocomplete=autocomplete
                inputmode=inputmode
                required=requis
                aria-invalid=move || en_erreur().to_string()
                aria-describedby=id_messages.clone()
                prop:value=move || valeur.get()
                on:input=move |ev| valeur.set(event_target_value(&ev))
            />
            <ul id=id_messages class="messages">
                {aide.map(|aide| view! { <li class="message message--aide">{move || aide.get()}</li> })}
                {move || {
                    messages_du_champ(erreurs, champ)
                        .into_iter()
                        .map(|m| view! { <li class="message message--bloquant">{m}</li> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
