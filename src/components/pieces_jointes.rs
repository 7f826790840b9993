//! Pièces jointes complémentaires of an invoice being prepared (deposited or typed): each file is
//! checked against Chorus Pro's limits, sent at once with `ajouter/fichier`, and kept in the draft by
//! its `pieceJointeId` (the bytes never sit in local storage); its type is chosen in the list; it can
//! be removed until the invoice goes.

use facture::PieceJointe;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

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

/// Where a form keeps its attachments: a field of its state.
pub struct Lentille<T: Send + Sync + 'static> {
    /// The form's state.
    pub etat: RwSignal<T>,
    /// Its attachments.
    pub pieces: fn(&mut T) -> &mut Vec<PieceJointe>,
}

impl<T: Send + Sync + 'static> Clone for Lentille<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Lentille<T> {}

impl<T: Send + Sync + 'static> Lentille<T> {
    fn lire(self) -> Vec<PieceJointe> {
        self.etat
            .try_update_untracked(|etat| (self.pieces)(etat).clone())
            .unwrap_or_default()
    }

    fn suivre(self) -> Vec<PieceJointe> {
        self.etat.track();
        self.lire()
    }

    /// Changes the attachments; nothing when the form is gone.
    fn modifier(self, f: impl FnOnce(&mut Vec<PieceJointe>)) {
        let _ = self.etat.try_update(|etat| f((self.pieces)(etat)));
    }
}

/// The attachments of one invoice; `prefixe` makes the ids unique on the page.
#[component]
pub fn PiecesJointes<T: Send + Sync + 'static>(
    lentille: Lentille<T>,
    prefixe: String,
    #[prop(into)] fige: Signal<bool>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let messages = RwSignal::new(Vec::<String>::new());
    let en_cours = RwSignal::new(0_usize);
    let id_champ = format!("pj-{prefixe}");
    let prefixe = StoredValue::new(prefixe);
    let pieces = move || lentille.suivre();
    let fige = move || fige.get();

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
            let deja = lentille.lire().iter().any(|p| p.designation == nom);
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
                        lentille.modifier(|pieces| {
                            pieces.push(PieceJointe {
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
                            let id_type = format!("pj-{}-type-{index}", prefixe.get_value());
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
                                            lentille.modifier(|pieces| {
                                                if let Some(p) = pieces.get_mut(index) {
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
                                                lentille.modifier(|pieces| {
                                                    if index < pieces.len() {
                                                        pieces.remove(index);
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
