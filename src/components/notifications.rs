//! In-app notifications: while a user is signed in, the invoices' statuses are looked at every few
//! minutes (`notifications.pollSeconds` of the settings) and when the tab comes back to the front;
//! each change (`facture::suivi::changements`) is announced politely to screen readers and added to
//! the « fil d'événements » behind the bell, kept on this device per user. The portal's own feed
//! (`GET /portail/v1/evenements`) adds what the invoices' statuses do not say: a rattachement request
//! decided, a sollicitation answered or whose status changed.

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
    /// An event of the portal (not an invoice's status): `identifiant` and `numero` are then unused.
    #[serde(default)]
    portail: Option<Portail>,
}

/// A rattachement or sollicitation event of the portal's feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Portail {
    /// `RATTACHEMENT` or `SOLLICITATION`.
    nature: String,
    /// The server's French sentence.
    libelle: String,
    statut: Option<String>,
    id_sollicitation: Option<i64>,
}

impl Portail {
    fn lien(&self) -> String {
        match self.id_sollicitation {
            Some(id) if self.nature == "SOLLICITATION" => format!("/sollicitations/{id}"),
            _ => "/mon-compte".to_owned(),
        }
    }

    fn phrase(&self, locale: Locale) -> String {
        let t = &locale.textes().shell;
        match (locale, self.nature.as_str(), self.statut.as_deref()) {
            (Locale::Fr, _, _) => self.libelle.clone(),
            (Locale::En, "RATTACHEMENT", Some("ACCEPTEE")) => t.fil_rattachement_accepte.to_owned(),
            (Locale::En, "RATTACHEMENT", _) => t.fil_rattachement_refuse.to_owned(),
            (Locale::En, _, statut) => format!(
                "{} {} ({})",
                t.fil_sollicitation,
                self.id_sollicitation.unwrap_or_default(),
                statut.unwrap_or_default()
            ),
        }
    }
}

/// The portal's events not seen yet (invoice statuses aside: the status poll sees those, with any
/// Chorus Pro backend). The first look only records where the feed stands.
async fn nouveautes_du_portail(
    base: &str,
    cle: &str,
    en_memoire: StoredValue<Option<i64>>,
) -> Vec<api::EvenementPortail> {
    let connu: Option<i64> =
        lire::<Option<i64>>(cle).or_else(|| en_memoire.try_get_value().flatten());
    let mut depuis = connu.unwrap_or(0);
    let mut nouveaux = Vec::new();
    // Bounded: a long absence shows the latest pages' worth, not an unbounded catch-up.
    for _ in 0..10 {
        let Ok(page) = api::evenements(base, depuis).await else {
            break;
        };
        depuis = page.dernier_id;
        nouveaux.extend(
            page.evenements
                .into_iter()
                .filter(|e| e.nature != "FACTURE_STATUT"),
        );
        if !page.suite {
            break;
        }
    }
    ecrire(cle, &Some(depuis));
    let _ = en_memoire.try_set_value(Some(depuis));
    if connu.is_none() {
        return Vec::new();
    }
    nouveaux
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
    let portail_en_memoire = StoredValue::new(None::<i64>);

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
            let du_portail = nouveautes_du_portail(
                &base,
                &format!("passerelle.u{id}.fil_portail"),
                portail_en_memoire,
            )
            .await;
            // `Some` hands the value back: the component is gone.
            if en_cours.try_set_value(false).is_some() {
                return;
            }
            let quand = String::from(
                js_sys::Date::new_0()
                    .to_locale_string(locale.tag(), &wasm_bindgen::JsValue::UNDEFINED),
            );
            let mut nouveaux: Vec<Evenement> = du_portail
                .into_iter()
                .rev()
                .map(|e| Evenement {
                    identifiant: 0,
                    numero: String::new(),
                    avant: None,
                    apres: String::new(),
                    quand: quand.clone(),
                    lu: false,
                    portail: Some(Portail {
                        nature: e.nature,
                        libelle: e.libelle,
                        statut: e.statut,
                        id_sollicitation: e.id_sollicitation,
                    }),
                })
                .collect();
            let vus = match reponse {
                Ok(reponse) => {
                    let cle_statuts = format!("passerelle.u{id}.statuts");
                    let mut connus: BTreeMap<i64, String> = lire(&cle_statuts);
                    if connus.is_empty() {
                        connus = connus_en_memoire.try_get_value().unwrap_or_default();
                    }
                    let (vus, maintenant) = changements(&connus, &reponse.liste_factures);
                    ecrire(&cle_statuts, &maintenant);
                    let _ = connus_en_memoire.try_set_value(maintenant);
                    vus
                }
                Err(_) => Vec::new(),
            };
            if vus.is_empty() && nouveaux.is_empty() {
                return;
            }
            // An intranet page that embeds the application hears of each change (postMessage; nothing when
            // the application is not embedded).
            for c in &vus {
                statut_change(Some(c.identifiant), &c.numero, c.apres.code());
            }
            nouveaux.extend(vus.iter().map(|c| Evenement {
                identifiant: c.identifiant,
                numero: c.numero.clone(),
                avant: c.avant.as_ref().map(|s| s.code().to_owned()),
                apres: c.apres.code().to_owned(),
                quand: quand.clone(),
                lu: false,
                portail: None,
            }));
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
                                        let nouveau = !e.lu;
                                        let quand = e.quand.clone();
                                        let contenu = match &e.portail {
                                            Some(p) => {
                                                let (lien, texte) = (p.lien(), p.phrase(locale));
                                                view! { <A href=lien>{texte}</A> }.into_any()
                                            }
                                            None => {
                                                let texte = phrase(&e, locale);
                                                let lien = format!("/factures-emises/facture/{}", e.identifiant);
                                                view! { <A href=lien>{e.numero}</A> " : " {texte} }.into_any()
                                            }
                                        };
                                        view! {
                                            <li class:fil__nouveau=nouveau>
                                                {contenu}
                                                <span class="fil__quand">{quand}</span>
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
    if let Some(p) = &e.portail {
        return p.phrase(locale);
    }
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
        [seul] if seul.portail.is_some() => {
            format!("{} {}", t.fil_annonce_portail, phrase(seul, locale))
        }
        [seul] => format!(
            "{} {} : {}",
            t.fil_annonce_une,
            seul.numero,
            phrase(seul, locale)
        ),
        plusieurs => format!("{} {}", plusieurs.len(), t.fil_annonce_plusieurs),
    }
}
