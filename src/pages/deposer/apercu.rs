//! The page preview beside the deposit form: the PDF's first page as its words, and a frame around
//! every value that was read. The frame of the field being edited stands out; clicking a frame moves
//! to its field. (`extract::apercu` places everything; this only draws.)

use extract::apercu::Apercu as ApercuPage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{libelle, Depot};
use crate::i18n::I18n;

#[component]
pub(super) fn Apercu(depot: Depot) -> impl IntoView {
    let i18n = I18n::expect_context();
    move || {
        let apercu: ApercuPage = depot.apercu.get()?;
        let t = i18n.t();
        let boite = format!("0 0 {} {}", apercu.largeur, apercu.hauteur);
        let mots = apercu
            .mots
            .into_iter()
            .map(|m| {
                view! {
                    <text x=m.x y=m.y + m.taille * 0.8 font-size=m.taille * 0.9>{m.texte}</text>
                }
            })
            .collect_view();
        let valeurs = apercu
            .valeurs
            .into_iter()
            .map(|v| {
                let cle = v.champ.clone();
                let actif = {
                    let cle = cle.clone();
                    move || depot.focus.with(|f| f.as_deref() == Some(cle.as_str()))
                };
                let titre = format!(
                    "{}{}",
                    libelle(t, &cle),
                    v.libelle.map(|l| format!(" — « {l} »")).unwrap_or_default()
                );
                let id_champ = format!("champ-{}-{cle}", depot.id);
                view! {
                    <rect
                        class="apercu__valeur"
                        class:apercu__valeur--active=actif
                        x=v.cadre.x
                        y=v.cadre.y
                        width=v.cadre.largeur
                        height=v.cadre.hauteur
                        on:click=move |_| aller_au_champ(&id_champ)
                    >
                        <title>{titre}</title>
                    </rect>
                }
            })
            .collect_view();
        Some(view! {
            <figure class="apercu">
                <svg
                    viewBox=boite
                    role="img"
                    aria-label=t.deposer.apercu_aria
                    preserveAspectRatio="xMidYMin meet"
                >
                    <rect class="apercu__page" x="0" y="0" width=apercu.largeur height=apercu.hauteur />
                    <g class="apercu__mots">{mots}</g>
                    <g>{valeurs}</g>
                </svg>
                <figcaption>{t.deposer.apercu_legende}</figcaption>
            </figure>
        })
    }
}

/// Moves focus to a field of the form.
fn aller_au_champ(id: &str) {
    let champ = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(champ) = champ {
        let _ = champ.focus();
    }
}
