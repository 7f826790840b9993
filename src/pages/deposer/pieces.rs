//! Pièces jointes complémentaires of a deposited invoice: each file is checked against Chorus Pro's
//! limits, sent at once with `ajouter/fichier`, and kept in the draft by its `pieceJointeId` (the bytes
//! never sit in local storage); its type is chosen in the list; it can be removed until the invoice goes.

use facture::PieceJointe;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::Depot;
use crate::api;
use crate::app::Reglages;
use crate::i18n::{Deposer as TextesDeposer, I18n};

/// A label of this screen.
type Libelle = fn(&TextesDeposer) -> &'static str;

/// The attachment types offered (`recuperer/typespj` codes).
const TYPES: [(&str, Libelle); 4] = [
    ("BON_COMMANDE", |t| t.pj_type_bon_commande),
    ("BON_LIVRAISON", |t| t.pj_type_bon_livraison),
    ("DEVIS", |t| t.pj_type_devis),
    ("AUTRE", |t| t.pj_type_autre),
];

fn refus(nom: &str, refus: cpro::limites::RefusPieceJointe, t: &TextesDeposer) -> String {
    use cpro::limites::RefusPieceJointe as R;
    let raison = match refus {
        R::Vide => t.pj_vide,
        R::TropVolumineuse => t.pj_trop_volumineuse,
        R::NomTropLong => t.pj_nom_trop_long,
        R::ExtensionRefusee => t.pj_extension,
    };
    format!("« {nom} » : {raison}")
}

fn taille(octets: u64) -> String {
    if octets >= 1024 * 1024 {
        format!("{:.1} Mo", octets as f64 / (1024.0 * 1024.0)).replace('.', ",")
    } else {
        format!("{} ko", octets.div_ceil(1024))
    }
}

/// The attachments of one deposited invoice.
#[component]
pub fn PiecesJointes(depot: Depot) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let messages = RwSignal::new(Vec::<String>::new());
    let en_cours = RwSignal::new(0_usize);
    let id_champ = format!("pj-{}", depot.id);
    let pieces = move || depot.complements.with(|c| c.pieces_jointes.clone());
    let fige = move || depot.envoyee();

    let ajouter = move |ev: leptos::ev::Event| {
        let entree: web_sys::HtmlInputElement = event_target(&ev);
        let Some(fichiers) = entree.files() else {
            return;
        };
        messages.set(Vec::new());
        let t = &i18n.t().deposer;
        for index in 0..fichiers.length() {
            let Some(fichier) = fichiers.get(index) else {
                continue;
            };
            let nom = fichier.name();
            // File sizes are whole numbers of bytes well below 2^53: the conversion is exact.
            let octets = fichier.size().max(0.0) as u64;
            if let Some(r) = cpro::limites::refus_piece_jointe(&nom, octets) {
                messages.update(|m| m.push(refus(&nom, r, t)));
                continue;
            }
            let deja = depot
                .complements
                .with_untracked(|c| c.pieces_jointes.iter().any(|p| p.designation == nom));
            if deja {
                messages.update(|m| m.push(format!("« {nom} » : {}", t.pj_deja)));
                continue;
            }
            let base = reglages.api_base();
            en_cours.update(|n| *n += 1);
            spawn_local(async move {
                let lu = JsFuture::from(fichier.array_buffer()).await;
                let resultat = match lu {
                    Ok(tampon) => {
                        let contenu = js_sys::Uint8Array::new(&tampon).to_vec();
                        api::ajouter_fichier(&base, &nom, &fichier.type_(), &contenu)
                            .await
                            .map_err(|e| e.libelle())
                    }
                    Err(_) => Err(i18n.t().deposer.pj_illisible.to_owned()),
                };
                let _ = en_cours.try_update(|n| *n = n.saturating_sub(1));
                match resultat {
                    Ok(id) => {
                        let _ = depot.complements.try_update(|c| {
                            c.pieces_jointes.push(PieceJointe {
                                designation: nom,
                                type_piece: Some("AUTRE".into()),
                                id: Some(id),
                                taille_octets: Some(octets),
                                ..PieceJointe::default()
                            });
                        });
                    }
                    Err(message) => {
                        let _ = messages.try_update(|m| {
                            m.push(format!(
                                "« {nom} » : {} {message}",
                                i18n.t().deposer.pj_envoi_refuse
                            ))
                        });
                    }
                }
            });
        }
        // The same file may be picked again after a removal.
        entree.set_value("");
    };

    view! {
        <fieldset class="pieces-jointes">
            <legend>{move || i18n.t().deposer.pj_titre}</legend>
            <p class="message message--aide" id=format!("{id_champ}-aide")>{move || i18n.t().deposer.pj_aide}</p>
            <Show when=move || !fige()>
                <input
                    id=id_champ.clone()
                    class="visuellement-cache"
                    type="file"
                    multiple
                    aria-describedby=format!("{id_champ}-aide")
                    on:change=ajouter
                />
                <label class="bouton" for=id_champ.clone()>{move || i18n.t().deposer.pj_ajouter}</label>
            </Show>
            <div role="status" aria-live="polite">
                {move || (en_cours.get() > 0).then(|| view! { <p class="note">{i18n.t().deposer.pj_envoi_en_cours}</p> })}
            </div>
            <ul class="messages" role="alert">
                {move || messages.get().into_iter().map(|m| view! { <li class="message message--bloquant">{m}</li> }).collect_view()}
            </ul>
            <ul class="liste-pieces">
                {move || {
                    pieces()
                        .into_iter()
                        .enumerate()
                        .map(|(index, piece)| {
                            let nom = piece.designation.clone();
                            let id_type = format!("pj-{}-type-{index}", depot.id);
                            let choisi = piece.type_piece.clone().unwrap_or_else(|| "AUTRE".into());
                            let aria_retirer = format!("{} {nom}", i18n.t().deposer.pj_retirer);
                            view! {
                                <li>
                                    <span class="liste-pieces__nom">
                                        {nom.clone()}
                                        <span class="detail">{taille(piece.taille_octets.unwrap_or(0))}</span>
                                    </span>
                                    <label for=id_type.clone() class="visuellement-cache">
                                        {format!("{} {nom}", i18n.t().deposer.pj_type)}
                                    </label>
                                    <select
                                        id=id_type
                                        disabled=fige
                                        on:change=move |ev| {
                                            let valeur = event_target_value(&ev);
                                            depot.complements.update(|c| {
                                                if let Some(p) = c.pieces_jointes.get_mut(index) {
                                                    p.type_piece = Some(valeur);
                                                }
                                            });
                                        }
                                    >
                                        {TYPES
                                            .into_iter()
                                            .map(|(code, libelle)| {
                                                view! {
                                                    <option value=code selected=choisi == code>
                                                        {move || libelle(&i18n.t().deposer)}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                    <Show when=move || !fige()>
                                        <button
                                            type="button"
                                            class="bouton bouton--petit"
                                            aria-label=aria_retirer.clone()
                                            on:click=move |_| {
                                                depot.complements.update(|c| {
                                                    if index < c.pieces_jointes.len() {
                                                        c.pieces_jointes.remove(index);
                                                    }
                                                });
                                            }
                                        >
                                            {move || i18n.t().deposer.pj_retirer}
                                        </button>
                                    </Show>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </fieldset>
    }
}
