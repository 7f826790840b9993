//! The browser side of the `postMessage` protocol (crate `integration`), mounted when the application
//! runs in a frame and the settings list allowed parent origins (`embed.allowedParentOrigins`).
//!
//! Inbound messages are taken only from the parent window and from an allowed origin; anything else is
//! ignored and logged (`console.warn`). Outbound messages go to the parent's allowed origin only.

use std::collections::BTreeMap;

use extract::format::Format;
use extract::resultat::Source;
use extract::vers_facture::{a_la_francaise, Complements};
use integration::{Entrant, ErreurMessage, Preremplissage, Sortant};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::api;
use crate::app::Reglages;
use crate::i18n::{I18n, Locale};
use crate::state::brouillons::{self, BrouillonDepot, SuiviEnvoi};
use crate::state::integration::{
    self as etat, champs_preremplis, emettre, BrouillonRecu, BrouillonsRecus,
};
use crate::state::session::{EtatSession, Session};

/// Route of the deposit screen, where a prefilled draft opens.
const ROUTE_DEPOSER: &str = "/factures-emises/deposer";

/// Listens to the host page and tells it what happens. Renders nothing.
#[component]
pub fn Integration() -> impl IntoView {
    let reglages = Reglages::expect_context();
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let recus = expect_context::<BrouillonsRecus>();
    let navigate = use_navigate();
    let autorisees = reglages
        .0
        .with_untracked(|c| c.embed.allowed_parent_origins.clone());
    for origine in &autorisees {
        if integration::origine_normalisee(origine).is_none() {
            leptos::logging::warn!(
                "integration: allowedParentOrigins: `{origine}` is not an origin (scheme://host[:port]); ignored"
            );
        }
    }
    etat::choisir_origine_parente(integration::origine_parente(
        &origines_du_parent(),
        &autorisees,
    ));
    if etat::origine_parente().is_none() {
        leptos::logging::warn!(
            "integration: the parent page's origin is not in allowedParentOrigins; no message is posted"
        );
    }

    let aller_deposer = {
        let navigate = navigate.clone();
        move || navigate(ROUTE_DEPOSER, NavigateOptions::default())
    };
    let poignee = window_event_listener(leptos::ev::message, {
        let aller_deposer = aller_deposer.clone();
        move |evenement: web_sys::MessageEvent| {
            let origine = evenement.origin();
            if !du_parent(&evenement) || !integration::origine_autorisee(&origine, &autorisees) {
                leptos::logging::warn!(
                    "integration: message from `{origine}` ignored (not the parent page or not an allowed origin)"
                );
                return;
            }
            // A message from the allowed parent: answers go to it from now on.
            etat::choisir_origine_parente(integration::origine_normalisee(&origine));
            let (json, pdf) = match lire_donnees(&evenement.data()) {
                Ok(lu) => lu,
                Err(erreur) => {
                    refuser(None, &erreur);
                    return;
                }
            };
            match integration::lire_entrant(&json, pdf) {
                Ok(Entrant::PreremplirBrouillon(preremplissage)) => {
                    let recu = brouillon_recu(preremplissage, untrack(move || i18n.locale()));
                    recus.0.update(|r| r.push(recu));
                    // Signed out, the draft waits: the effect below opens it after sign-in.
                    if matches!(session.etat_untracked(), EtatSession::Connecte(_)) {
                        aller_deposer();
                    }
                }
                Ok(Entrant::ChoisirLangue(tag)) => {
                    if let Some(locale) = Locale::from_tag(&tag) {
                        i18n.set_locale(locale);
                    }
                }
                Ok(Entrant::SeDeconnecter) => {
                    let base = reglages.api_base();
                    spawn_local(async move {
                        if let Err(erreur) = api::deconnexion(&base).await {
                            leptos::logging::warn!("integration: déconnexion: {erreur}");
                        }
                        session.set(EtatSession::Anonyme);
                    });
                }
                Err(erreur) => refuser(integration::type_annonce(&json), &erreur),
            }
        }
    });
    on_cleanup(move || poignee.remove());

    // signed-in / signed-out, on each change of who is signed in.
    let connu = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let email = match session.etat() {
            EtatSession::Connecte(utilisateur) => Some(utilisateur.email),
            EtatSession::Anonyme => None,
            EtatSession::Inconnue => return,
        };
        if connu.get_value() == email {
            return;
        }
        let etait_connecte = connu.get_value().is_some();
        connu.set_value(email.clone());
        match email {
            Some(email) => emettre(&Sortant::Connecte { email }),
            None if etait_connecte => emettre(&Sortant::Deconnecte {}),
            None => {}
        }
    });

    // A draft handed over before sign-in opens once signed in.
    Effect::new(move |_| {
        if matches!(session.etat(), EtatSession::Connecte(_))
            && !recus.0.with_untracked(Vec::is_empty)
        {
            aller_deposer();
        }
    });

    emettre(&Sortant::Pret {
        locale: untrack(move || i18n.locale()).tag().to_owned(),
    });
}

/// The parent's origin as the browser tells it: `location.ancestorOrigins` (Chromium, WebKit), then
/// the referrer (the parent's URL, or its origin under `strict-origin-when-cross-origin`).
fn origines_du_parent() -> Vec<String> {
    let Some(fenetre) = web_sys::window() else {
        return Vec::new();
    };
    let mut origines = Vec::new();
    // Not in web-sys (Firefox lacks it): read as a plain property, `ancestorOrigins[0]`.
    let parent = js_sys::Reflect::get(&fenetre.location(), &"ancestorOrigins".into())
        .ok()
        .filter(|liste| liste.is_object())
        .and_then(|liste| js_sys::Reflect::get(&liste, &0.into()).ok())
        .and_then(|origine| origine.as_string());
    origines.extend(parent);
    if let Some(referent) = fenetre
        .document()
        .map(|d| d.referrer())
        .and_then(|r| integration::origine_d_url(&r))
    {
        origines.push(referent);
    }
    origines
}

/// Whether the message comes from the parent window (not from another frame of the same origin).
fn du_parent(evenement: &web_sys::MessageEvent) -> bool {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return false;
    };
    // Compared as values: `instanceof Window` is false for another origin's window.
    evenement.source().is_some_and(|source| {
        wasm_bindgen::JsValue::from(source) == wasm_bindgen::JsValue::from(parent)
    })
}

/// The message as JSON text, and the PDF when it came as an `ArrayBuffer` or `Uint8Array`.
fn lire_donnees(
    donnees: &wasm_bindgen::JsValue,
) -> Result<(String, Option<Vec<u8>>), ErreurMessage> {
    if let Some(texte) = donnees.as_string() {
        return Ok((texte, None));
    }
    if !donnees.is_object() {
        return Err(ErreurMessage::PasUnObjet);
    }
    let pdf = js_sys::Reflect::get(donnees, &"pdf".into()).unwrap_or_default();
    let octets = if let Some(tampon) = pdf.dyn_ref::<js_sys::ArrayBuffer>() {
        Some(js_sys::Uint8Array::new(tampon))
    } else {
        pdf.dyn_ref::<js_sys::Uint8Array>().cloned()
    };
    let (objet, octets) = match octets {
        Some(octets) => {
            // Checked before copying: a huge buffer is not worth copying into the wasm memory.
            if octets.byte_length() as usize > integration::PDF_MAX_OCTETS {
                return Err(ErreurMessage::PdfTropVolumineux);
            }
            let copie = js_sys::Object::assign(&js_sys::Object::new(), donnees.unchecked_ref());
            let _ = js_sys::Reflect::delete_property(&copie, &"pdf".into());
            (wasm_bindgen::JsValue::from(copie), Some(octets.to_vec()))
        }
        None => (donnees.clone(), None),
    };
    let texte = js_sys::JSON::stringify(&objet)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(ErreurMessage::PasUnObjet)?;
    Ok((texte, octets))
}

/// Logs a refused message and tells the host why.
fn refuser(type_fil: Option<String>, erreur: &ErreurMessage) {
    leptos::logging::warn!("integration: message refused: {erreur}");
    emettre(&Sortant::Refuse {
        in_reply_to: type_fil,
        reason: erreur.to_string(),
    });
}

/// The draft a prefill opens: the PDF read as when it is dropped, then the host's fields over it.
fn brouillon_recu(preremplissage: Preremplissage, locale: Locale) -> BrouillonRecu {
    let Preremplissage {
        champs,
        pdf,
        nom_fichier,
    } = preremplissage;
    let uid = brouillons::nouvel_identifiant();
    let (format, source, lus, provenance) = match &pdf {
        Some(octets) => {
            let extract::FichierLu { format, extraction } = extract::lire_fichier(octets);
            (
                format,
                Some(extraction.source),
                extraction.fields,
                extraction.provenance,
            )
        }
        None => (None, None, Default::default(), BTreeMap::new()),
    };
    // French users read and type amounts and dates the French way; both forms are read back alike.
    let lus = match locale {
        Locale::Fr => a_la_francaise(&lus),
        Locale::En => lus,
    };
    // An XML goes to Chorus Pro as it is: its values are the invoice's, whatever the host says.
    let champs = match format {
        Some(Format::Xml(_)) => lus,
        _ => champs_preremplis(lus, &champs),
    };
    // A PDF without text still opens the form when the host gave the fields.
    let source = match source {
        Some(Source::None) if !champs_vides(&champs) => None,
        autre => autre,
    };
    let brouillon = BrouillonDepot {
        nom: nom_fichier.unwrap_or_else(|| "facture.pdf".to_owned()),
        taille: pdf.as_ref().map_or(0, |p| p.len() as u64),
        source,
        format,
        complements: Complements::proposes(&champs),
        champs,
        provenance,
        envoi: SuiviEnvoi {
            cle_idempotence: format!("depot-{uid}"),
            ..SuiviEnvoi::default()
        },
        uid,
    };
    BrouillonRecu { brouillon, pdf }
}

fn champs_vides(champs: &extract::resultat::Fields) -> bool {
    integration::CHAMPS
        .iter()
        .all(|cle| extract::vers_facture::lire_champ(champs, cle).is_none())
}
