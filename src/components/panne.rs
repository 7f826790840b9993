//! What the user sees when something breaks: the error boundary's fallback and the panic notice.

use crate::i18n::{I18n, Locale};
use leptos::prelude::*;

/// Shows the errors caught by an `ErrorBoundary` as a readable alert with a reload button.
#[component]
pub fn ErreurAffichee(
    /// The errors caught by the boundary.
    errors: ArcRwSignal<Errors>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    view! {
        <section class="panne" role="alert" aria-labelledby="panne-titre">
            <h1 id="panne-titre">{move || i18n.t().erreurs.titre}</h1>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, erreur)| view! { <li>{erreur.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
            <button class="bouton" on:click=|_| recharger()>
                {move || i18n.t().erreurs.recharger}
            </button>
        </section>
    }
}

fn recharger() {
    if let Some(window) = web_sys::window() {
        // Reloading is the recovery offered to the user; if it fails there is nothing better to do.
        let _ = window.location().reload();
    }
}

/// Installs a panic hook that logs the panic and shows a readable notice instead of a dead page.
///
/// A panic in wasm aborts the program, so the notice is plain DOM written by the hook itself.
pub fn installer_hook_de_panique() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        afficher_notice_de_panique();
    }));
}

fn afficher_notice_de_panique() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let locale = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_default();
    let textes = locale.textes();
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_class_name("panne panne--fatale");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(textes.erreurs.inattendue));
    if let Some(body) = document.body() {
        let _ = body.append_child(&notice);
    }
    // The wasm instance is dead after a panic, so the reload control is a plain link to this page.
    if let Ok(lien) = document.create_element("a") {
        lien.set_class_name("bouton");
        lien.set_text_content(Some(textes.erreurs.recharger));
        let adresse = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_else(|| "/".to_string());
        let _ = lien.set_attribute("href", &adresse);
        let _ = notice.append_child(&lien);
    }
}
