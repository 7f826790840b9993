//! In-app notifications: while a user is signed in, the invoices' statuses are looked at every few
//! minutes (`notifications.pollSeconds` of the settings) and when the tab comes back to the front;
//! each change (`facture::suivi::changements`) is announced politely to screen readers and added to
//! the « fil d'événements » behind the bell, kept on this device per user.

use std::collections::BTreeMap;
use std::time::Duration;

use cpro::factures::{ParametresRechercherFactureParFournisseur, RechercherFournisseurRequest};
use facture::suivi::changements;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

use crate::api;
use crate::app::Reglages;
use crate::i18n::{I18n, Locale};
use crate::pages::suivi::libelle_statut;
use crate::state::integration::statut_change;
use crate::state::session::{EtatSession, Session};

/// How many events the feed keeps.
const FIL_MAX: usize = 30;

/// One event of the feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Evenement {
    identifiant: i64,
    numero: String,
    /// Status codes.
    avant: Option<String>,
    apres: String,
    /// When it was noticed, as the browser writes it.
    quand: String,
    lu: bool,
}

fn stockage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn lire<T: serde::de::DeserializeOwned + Default>(cle: &str) -> T {
    stockage()
        .and_then(|s| s.get_item(cle).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn ecrire<T: Serialize>(cle: &str, valeur: &T) {
    if let (Some(s), Ok(texte)) = (stockage(), serde_json::to_string(valeur)) {
        let _ = s.set_item(cle, &texte);
    }
}

/// The bell, its feed, and the polite announcement of new changes.
#[component]
pub fn Notifications() -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let reglages = Reglages::expect_context();
    let fil = RwSignal::new(Vec::<Evenement>::new());
    let annonce = RwSignal::new(String::new());
    let ouvert = RwSignal::new(false);
    let en_cours = StoredValue::new(false);
    // The statuses seen last, also kept here: a cross-site frame may have no storage at all.
    let connus_en_memoire = StoredValue::new(BTreeMap::<i64, String>::new());

    let utilisateur = move || match session.etat_untracked() {
        EtatSession::Connecte(u) => Some(u.id),
        _ => None,
    };
    let regarder = move || {
        let Some(id) = utilisateur() else { return };
        if en_cours.get_value() {
            return;
        }
        en_cours.set_value(true);
        let base = reglages.api_base();
        let locale = i18n.locale();
        spawn_local(async move {
            let requete = RechercherFournisseurRequest {
                recherche_facture_par_fournisseur: Some(
                    ParametresRechercherFactureParFournisseur {
                        nb_resultats_par_page: Some(10_000),
                        ..Default::default()
                    },
                ),
                ..Default::default()
            };
            let reponse = api::rechercher_factures(&base, &requete).await;
            // `Some` hands the value back: the component is gone.
            if en_cours.try_set_value(false).is_some() {
                return;
            }
            let Ok(reponse) = reponse else { return };
            let cle_statuts = format!("passerelle.u{id}.statuts");
            let mut connus: BTreeMap<i64, String> = lire(&cle_statuts);
            if connus.is_empty() {
                connus = connus_en_memoire.try_get_value().unwrap_or_default();
            }
            let (vus, maintenant) = changements(&connus, &reponse.liste_factures);
            ecrire(&cle_statuts, &maintenant);
            let _ = connus_en_memoire.try_set_value(maintenant);
            if vus.is_empty() {
                return;
            }
            // An intranet page that embeds the application hears of each change (postMessage; nothing when
            // the application is not embedded).
            for c in &vus {
                statut_change(Some(c.identifiant), &c.numero, c.apres.code());
            }
            let quand = String::from(
                js_sys::Date::new_0()
                    .to_locale_string(locale.tag(), &wasm_bindgen::JsValue::UNDEFINED),
            );
            let nouveaux: Vec<Evenement> = vus
                .iter()
                .map(|c| Evenement {
                    identifiant: c.identifiant,
                    numero: c.numero.clone(),
                    avant: c.avant.as_ref().map(|s| s.code().to_owned()),
                    apres: c.apres.code().to_owned(),
                    quand: quand.clone(),
                    lu: false,
                })
                .collect();
            let texte = annonce_de(&nouveaux, locale);
            let _ = fil.try_update(|fil| {
                let mut tout = nouveaux;
                tout.append(fil);
                tout.truncate(FIL_MAX);
                *fil = tout;
                ecrire(&format!("passerelle.u{id}.fil"), fil);
            });
            let _ = annonce.try_set(texte);
        });
    };

    // The user's feed, then a first look (which only records when nothing was known), then every
    // `pollSeconds` and whenever the tab becomes visible again.
    Effect::new(move |_| {
        if let EtatSession::Connecte(u) = session.etat() {
            fil.set(lire(&format!("passerelle.u{}.fil", u.id)));
            regarder();
        }
    });
    let secondes = reglages
        .0
        .with_untracked(|c| c.notifications.poll_seconds)
        .max(2);
    if let Ok(minuterie) =
        set_interval_with_handle(regarder, Duration::from_secs(u64::from(secondes)))
    {
        on_cleanup(move || minuterie.clear());
    }
    let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let cache = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if !cache {
            regarder();
        }
    });
    on_cleanup(move || visible.remove());

    let non_lus = move || fil.with(|f| f.iter().filter(|e| !e.lu).count());
    let basculer = move |_| {
        let ouvrir = !ouvert.get_untracked();
        ouvert.set(ouvrir);
        if !ouvrir {
            // Closing the feed marks what was shown as read.
            fil.update(|f| f.iter_mut().for_each(|e| e.lu = true));
            if let Some(id) = utilisateur() {
                fil.with_untracked(|f| ecrire(&format!("passerelle.u{id}.fil"), f));
            }
        }
    };
    view! {
        <div class="notifications">
            <button
                type="button"
                class="bouton bouton--discret"
                aria-expanded=move || ouvert.get().to_string()
                aria-controls="fil-evenements"
                on:click=basculer
            >
                {move || i18n.t().shell.notifications}
                {move || match non_lus() {
                    0 => None,
                    n => Some(view! { " " <span class="pastille">{n}</span> }),
                }}
            </button>
            <p class="visuellement-cache" role="status" aria-live="polite">{move || annonce.get()}</p>
            <Show when=move || ouvert.get()>
                <section id="fil-evenements" class="fil" aria-label=move || i18n.t().shell.fil_evenements>
                    <h2>{move || i18n.t().shell.fil_evenements}</h2>
                    {move || {
                        let locale = i18n.locale();
                        let evenements = fil.get();
                        if evenements.is_empty() {
                            return view! { <p>{i18n.t().shell.fil_vide}</p> }.into_any();
                        }
                        view! {
                            <ul>
                                {evenements
                                    .into_iter()
                                    .map(|e| {
                                        let texte = phrase(&e, locale);
                                        let lien = format!("/factures-emises/facture/{}", e.identifiant);
                                        view! {
                                            <li class:fil__nouveau=!e.lu>
                                                <A href=lien>{e.numero}</A>
                                                " : "
                                                {texte}
                                                <span class="fil__quand">{e.quand}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </section>
            </Show>
        </div>
    }
}

fn phrase(e: &Evenement, locale: Locale) -> String {
    let t = &locale.textes().shell;
    let statut =
        |code: &str| libelle_statut(&cpro::factures::StatutFacture::from_code(code), locale);
    match &e.avant {
        Some(avant) => format!("{} → {}", statut(avant), statut(&e.apres)),
        None => format!("{} {}", t.fil_nouvelle, statut(&e.apres)),
    }
}

fn annonce_de(evenements: &[Evenement], locale: Locale) -> String {
    let t = &locale.textes().shell;
    match evenements {
        [seul] => format!(
            "{} {} : {}",
            t.fil_annonce_une,
            seul.numero,
            phrase(seul, locale)
        ),
        plusieurs => format!("{} {}", plusieurs.len(), t.fil_annonce_plusieurs),
    }
}
