//! Kiosk terminals: inactivity countdown, then sign-out and erasure of everything stored locally, so
//! nothing of one user is left for the next; and a "Terminer" button that does it at once.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::Reglages;
use crate::i18n::I18n;
use crate::state::session::{EtatSession, Session};

/// Seconds of warning before the session ends: half the timeout, at most 30.
pub fn secondes_d_avertissement(delai: u32) -> u32 {
    (delai / 2).clamp(1, 30)
}

/// Ends the kiosk session: sign-out, local and session storage erased, then a full reload of the
/// connexion page so that no state of the previous user survives in memory either.
pub fn terminer_session(base: String) {
    spawn_local(async move {
        // Erase first: a failed sign-out must not leave the drafts of this user to the next one.
        if let Some(fenetre) = web_sys::window() {
            for stockage in [fenetre.local_storage(), fenetre.session_storage()]
                .into_iter()
                .flatten()
                .flatten()
            {
                let _ = stockage.clear();
            }
        }
        if let Err(erreur) = api::deconnexion(&base).await {
            leptos::logging::warn!("kiosque: déconnexion: {erreur}");
        }
        if let Some(fenetre) = web_sys::window() {
            let _ = fenetre.location().replace("/connexion");
        }
    });
}

/// Watches activity while a user is signed in on a kiosk; shows the countdown before the end.
#[component]
pub fn Kiosque() -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = Session::expect_context();
    let reglages = Reglages::expect_context();
    let derniere_activite = RwSignal::new(js_sys::Date::now());
    let restant = RwSignal::new(None::<u32>);

    for evenement in ["pointerdown", "keydown", "touchstart", "wheel", "input"] {
        let poignee = window_event_listener_untyped(evenement, move |_| {
            derniere_activite.set(js_sys::Date::now());
        });
        on_cleanup(move || poignee.remove());
    }

    let tic = move || {
        let (actif, delai) = reglages
            .0
            .with_untracked(|c| (c.kiosk.enabled, c.kiosk.inactivity_seconds));
        let connecte = matches!(session.etat_untracked(), EtatSession::Connecte(_));
        if !actif || !connecte || delai == 0 {
            restant.set(None);
            derniere_activite.set(js_sys::Date::now());
            return;
        }
        let inactif = ((js_sys::Date::now() - derniere_activite.get_untracked()) / 1000.0).max(0.0);
        // Whole seconds of inactivity; the timeout is at most a few hours, far from u32's range.
        let inactif = inactif as u32;
        if inactif >= delai {
            restant.set(None);
            terminer_session(reglages.api_base());
        } else if delai - inactif <= secondes_d_avertissement(delai) {
            restant.set(Some(delai - inactif));
        } else {
            restant.set(None);
        }
    };
    if let Ok(poignee) = set_interval_with_handle(tic, Duration::from_millis(500)) {
        on_cleanup(move || poignee.clear());
    }

    let continuer = move |_: ev::MouseEvent| {
        derniere_activite.set(js_sys::Date::now());
        restant.set(None);
    };
    view! {
        <Show when=move || restant.get().is_some()>
            <div class="voile">
                <div
                    class="dialogue"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="kiosque-titre"
                    aria-describedby="kiosque-texte"
                >
                    <h2 id="kiosque-titre">{move || i18n.t().kiosque.titre}</h2>
                    <p id="kiosque-texte">
                        {move || {
                            i18n.t()
                                .kiosque
                                .compte_a_rebours
                                .replace("{secondes}", &restant.get().unwrap_or(0).to_string())
                        }}
                    </p>
                    <button type="button" class="bouton bouton--principal" autofocus on:click=continuer>
                        {move || i18n.t().kiosque.continuer}
                    </button>
                </div>
            </div>
        </Show>
    }
}
