//! Sollicitations (support tickets): the list with a status filter (`/sollicitations`), the creation form
//! (`/sollicitations/nouvelle`, pre-filled from `?typeObjet=&numeroObjet=`), and one sollicitation with its
//! thread, the reply box and the buttons its status allows (`/sollicitations/:id`). The statuses and the
//! possible actions are `portail::sollicitations`'s; the server says which actions apply.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use portail::liste_sollicitations::{self as liste, Colonne, Onglet, Sens};
use portail::sollicitations::{self as regles, Action, Statut, TypeObjet};
use wasm_bindgen::JsCast as _;

use crate::api::sollicitations::{
    self as api_sol, NouvelleSollicitation, PieceJointe, Sollicitation, SollicitationDetail,
};
use crate::api::{ErreurChamp, RefusFormulaire};
use crate::app::Reglages;
use crate::components::garde::Protege;
use crate::i18n::{I18n, Locale, Sollicitations as Textes};
use crate::navigateur::{aujourd_hui, telecharger};
use crate::state::brouillons::{self, BrouillonSollicitation};
use crate::state::session::{EtatSession, Session};

/// Largest attached file (Chorus Pro's limit, checked again by the server).
const TAILLE_MAX_PIECE: usize = 10 * 1024 * 1024;

/// A status's label in the locale.
pub fn libelle_statut(code: &str, locale: Locale) -> String {
    match Statut::depuis_code(code) {
        Some(statut) => {
            let (fr, en) = statut.libelles();
            match locale {
                Locale::Fr => fr.to_owned(),
                Locale::En => en.to_owned(),
            }
        }
        None => code.to_owned(),
    }
}

/// The status as a chip.
fn badge(code: &str, locale: Locale) -> impl IntoView {
    let classe = match Statut::depuis_code(code) {
        Some(Statut::EnAttenteInformations) => "badge badge--attention",
        Some(Statut::Resolu) => "badge badge--ok",
        Some(Statut::Ferme) => "badge badge--ferme",
        _ => "badge",
    };
    view! { <span class=classe>{libelle_statut(code, locale)}</span> }
}

/// « Catégorie — sous-catégorie » in the locale.
fn libelle_categorie(categorie: &str, sous_categorie: &str, locale: Locale) -> String {
    let choisir = |fr: &'static str, en: &'static str| match locale {
        Locale::Fr => fr,
        Locale::En => en,
    };
    let cat = regles::categorie(categorie)
        .map(|c| choisir(c.libelle_fr, c.libelle_en))
        .unwrap_or(categorie);
    let sous = regles::sous_categorie(categorie, sous_categorie)
        .map(|(_, fr, en)| choisir(fr, en))
        .unwrap_or(sous_categorie);
    if sous.is_empty() {
        cat.to_owned()
    } else {
        format!("{cat} — {sous}")
    }
}

fn libelle_type_objet(t: &Textes, code: &str) -> &'static str {
    match TypeObjet::depuis_code(code) {
        Some(TypeObjet::Facture) => t.type_facture,
        Some(TypeObjet::Engagement) => t.type_engagement,
        Some(TypeObjet::Structure) => t.type_structure,
        None => t.type_aucun,
    }
}

fn objet(t: &Textes, s: &Sollicitation) -> String {
    match (&s.type_objet, &s.numero_objet) {
        (Some(code), Some(numero)) => format!("{} {numero}", libelle_type_objet(t, code)),
        _ => String::new(),
    }
}

/// A server timestamp (`YYYY-MM-DDTHH:MM:SS`, UTC) as the locale writes it.
pub fn horodatage(valeur: &str, locale: Locale) -> String {
    match chrono::NaiveDateTime::parse_from_str(valeur, "%Y-%m-%dT%H:%M:%S") {
        Ok(d) => match locale {
            Locale::Fr => d.format("%d/%m/%Y %H:%M").to_string(),
            Locale::En => d.format("%Y-%m-%d %H:%M").to_string(),
        },
        Err(_) => valeur.to_owned(),
    }
}

/// The signed-in user's id, once the session is known.
fn utilisateur_connecte() -> Option<i64> {
    match Session::expect_context().etat() {
        EtatSession::Connecte(u) => Some(u.id),
        _ => None,
    }
}

/// The list row of a sent sollicitation, labels in the locale.
fn ligne_de(t: &Textes, s: &Sollicitation, locale: Locale) -> liste::Ligne {
    liste::Ligne {
        id: s.id,
        sujet: s.sujet.clone(),
        description: s.description.clone(),
        categorie: libelle_categorie(&s.categorie, &s.sous_categorie, locale),
        objet: objet(t, s),
        destinataire: s.destinataire.clone(),
        statut: s.statut.clone(),
        libelle_statut: libelle_statut(&s.statut, locale),
        cree_le: s.cree_le.clone(),
        modifie_le: s.modifie_le.clone(),
    }
}

/// The tab of a sent sollicitation (an unknown status counts as in progress).
fn onglet_de(s: &Sollicitation) -> Onglet {
    match Statut::depuis_code(&s.statut) {
        Some(statut) => liste::onglet(statut, s.permet(Action::Repondre)),
        None => Onglet::EnCours,
    }
}

fn libelle_onglet(t: &Textes, onglet: Onglet) -> &'static str {
    match onglet {
        Onglet::ActionsRequises => t.onglet_actions,
        Onglet::EnCours => t.onglet_en_cours,
        Onglet::Clotures => t.onglet_clotures,
        Onglet::Brouillons => t.onglet_brouillons,
    }
}

/// A draft's searchable text: subject, description, category, object.
fn texte_brouillon(t: &Textes, b: &BrouillonSollicitation, locale: Locale) -> String {
    let f = &b.formulaire;
    format!(
        "{}\n{}\n{}\n{} {}",
        f.sujet,
        f.description,
        libelle_categorie(&f.categorie, &f.sous_categorie, locale),
        libelle_type_objet(t, &f.type_objet),
        f.numero_objet
    )
}

/// Moves the focus to an element by id, once the view is updated.
fn focaliser(id: String) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The list, `/sollicitations[?onglet=actions|en-cours|clotures|brouillons]`: tabs with their counts, a
/// keyword search, sortable columns and the CSV export of what is shown.
#[component]
pub fn Sollicitations() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let liste = RwSignal::new(None::<Result<Vec<Sollicitation>, String>>);
    let brouillons = RwSignal::new(Vec::<BrouillonSollicitation>::new());
    let recherche = RwSignal::new(String::new());
    let tri = RwSignal::new((Colonne::Modifiee, Sens::Decroissant));
    let annonce = RwSignal::new(None::<String>);
    let base = reglages.api_base();
    spawn_local(async move {
        let resultat = api_sol::lister(&base, None).await.map_err(|e| e.libelle());
        let _ = liste.try_set(Some(resultat));
    });
    Effect::new(move |_| {
        if let Some(id) = utilisateur_connecte() {
            brouillons.set(brouillons::charger_sollicitations(id));
        }
    });

    // The tab asked in the URL; else « Actions requises » when something waits for the user.
    let onglet = Memo::new(move |_| {
        if let Some(o) = query.with(|q| q.get("onglet").and_then(|c| Onglet::depuis_code(&c))) {
            return o;
        }
        let attend = liste.with(|l| {
            l.as_ref()
                .and_then(|r| r.as_ref().ok())
                .is_some_and(|v| v.iter().any(|s| onglet_de(s) == Onglet::ActionsRequises))
        });
        if attend {
            Onglet::ActionsRequises
        } else {
            Onglet::EnCours
        }
    });
    let choisir = move |o: Onglet, focus: bool| {
        navigate(
            &format!("/sollicitations?onglet={}", o.code()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
        annonce.set(None);
        if focus {
            focaliser(format!("onglet-{}", o.code()));
        }
    };
    let choisir = StoredValue::new(choisir);

    // The rows of every tab matching the search, sorted.
    let lignes = Memo::new(move |_| {
        let t = &i18n.t().sollicitations;
        let locale = i18n.locale();
        let cherche = recherche.get();
        let (colonne, sens) = tri.get();
        liste.with(|l| match l {
            Some(Ok(sollicitations)) => {
                let mut lignes: Vec<(Onglet, liste::Ligne)> = sollicitations
                    .iter()
                    .map(|s| (onglet_de(s), ligne_de(t, s, locale)))
                    .filter(|(_, l)| liste::correspond(l, &cherche))
                    .collect();
                let mut seules: Vec<liste::Ligne> = lignes.iter().map(|(_, l)| l.clone()).collect();
                liste::trier(&mut seules, colonne, sens);
                let rang: std::collections::HashMap<i64, usize> =
                    seules.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
                lignes.sort_by_key(|(_, l)| rang.get(&l.id).copied().unwrap_or(usize::MAX));
                lignes
            }
            _ => Vec::new(),
        })
    });
    let brouillons_visibles = Memo::new(move |_| {
        let t = &i18n.t().sollicitations;
        let locale = i18n.locale();
        let cherche = recherche.get();
        brouillons.with(|b| {
            b.iter()
                .filter(|b| liste::contient_les_mots(&texte_brouillon(t, b, locale), &cherche))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let compte = move |o: Onglet| match o {
        Onglet::Brouillons => brouillons_visibles.with(Vec::len),
        _ => lignes.with(|l| l.iter().filter(|(x, _)| *x == o).count()),
    };
    let visibles = move || -> Vec<liste::Ligne> {
        let o = onglet.get();
        lignes.with(|l| {
            l.iter()
                .filter(|(x, _)| *x == o)
                .map(|(_, l)| l.clone())
                .collect()
        })
    };

    let exporter = move |_| {
        let t = &i18n.t().sollicitations;
        let lignes = visibles();
        let csv = facture::csv::document(&liste::COLONNES_CSV, liste::cellules_csv(&lignes));
        let nom = format!("sollicitations-{}.csv", aujourd_hui().format("%Y-%m-%d"));
        annonce.set(Some(if telecharger(&nom, "text/csv;charset=utf-8", &csv) {
            format!("{} {}", lignes.len(), t.export_fait)
        } else {
            t.export_refuse.to_owned()
        }));
    };
    let supprimer = move |id: String| {
        if let Some(utilisateur) = utilisateur_connecte() {
            brouillons::supprimer_sollicitation(utilisateur, &id);
            brouillons.set(brouillons::charger_sollicitations(utilisateur));
        }
        annonce.set(Some(i18n.t().sollicitations.brouillon_supprime.to_owned()));
        focaliser("panneau-sollicitations".to_owned());
    };

    let clavier = move |ev: leptos::ev::KeyboardEvent| {
        let actuel = onglet.get_untracked();
        let suivant = match ev.key().as_str() {
            "ArrowRight" => actuel.voisin(1),
            "ArrowLeft" => actuel.voisin(-1),
            "Home" => Onglet::TOUS[0],
            "End" => Onglet::TOUS[Onglet::TOUS.len() - 1],
            _ => return,
        };
        ev.prevent_default();
        choisir.with_value(|c| c(suivant, true));
    };

    let entete = move |colonne: Colonne, libelle: fn(&Textes) -> &'static str| {
        let aria = move || {
            let (c, sens) = tri.get();
            if c == colonne {
                sens.aria()
            } else {
                "none"
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    class="tri"
                    on:click=move |_| tri.update(|t| *t = liste::tri_apres_clic(*t, colonne))
                >
                    {move || libelle(&i18n.t().sollicitations)}
                </button>
            </th>
        }
    };

    let tableau = move || {
        let t = &i18n.t().sollicitations;
        let locale = i18n.locale();
        let lignes = visibles();
        if lignes.is_empty() {
            let message = if recherche.with(|r| r.trim().is_empty()) {
                t.vide_onglet
            } else {
                t.aucun_resultat
            };
            return view! { <p class="note">{message}</p> }.into_any();
        }
        view! {
            <table class="tableau">
                <caption class="visuellement-cache">{libelle_onglet(t, onglet.get_untracked())}</caption>
                <thead>
                    <tr>
                        {entete(Colonne::Numero, |t| t.col_numero)}
                        {entete(Colonne::Sujet, |t| t.col_sujet)}
                        {entete(Colonne::Categorie, |t| t.col_categorie)}
                        {entete(Colonne::Objet, |t| t.col_objet)}
                        {entete(Colonne::Destinataire, |t| t.col_destinataire)}
                        {entete(Colonne::Statut, |t| t.col_statut)}
                        {entete(Colonne::Modifiee, |t| t.col_modifiee)}
                    </tr>
                </thead>
                <tbody>
                    {lignes
                        .into_iter()
                        .map(|l| {
                            let lien = format!("/sollicitations/{}", l.id);
                            view! {
                                <tr>
                                    <td>{l.id}</td>
                                    <td><A href=lien>{l.sujet}</A></td>
                                    <td>{l.categorie}</td>
                                    <td>{l.objet}</td>
                                    <td>{l.destinataire}</td>
                                    <td>{badge(&l.statut, locale)}</td>
                                    <td>{horodatage(&l.modifie_le, locale)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };

    let tableau_brouillons = move || {
        let t = &i18n.t().sollicitations;
        let locale = i18n.locale();
        let liste_b = brouillons_visibles.get();
        let corps = if liste_b.is_empty() {
            let message = if recherche.with(|r| r.trim().is_empty()) {
                t.brouillons_vide
            } else {
                t.aucun_resultat
            };
            view! { <p class="note">{message}</p> }.into_any()
        } else {
            view! {
                <table class="tableau">
                    <caption class="visuellement-cache">{t.onglet_brouillons}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.col_sujet}</th>
                            <th scope="col">{t.col_categorie}</th>
                            <th scope="col">{t.col_objet}</th>
                            <th scope="col">{t.col_enregistre}</th>
                            <th scope="col">{t.col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {liste_b
                            .into_iter()
                            .map(|b| {
                                let f = &b.formulaire;
                                let sujet = if f.sujet.trim().is_empty() {
                                    t.brouillon_sans_sujet.to_owned()
                                } else {
                                    f.sujet.clone()
                                };
                                let categorie = if f.categorie.is_empty() {
                                    String::new()
                                } else {
                                    libelle_categorie(&f.categorie, &f.sous_categorie, locale)
                                };
                                let objet = if f.type_objet.is_empty() {
                                    String::new()
                                } else {
                                    format!("{} {}", libelle_type_objet(t, &f.type_objet), f.numero_objet)
                                };
                                let lien = format!("/sollicitations/nouvelle?brouillon={}", b.id);
                                let id = b.id.clone();
                                let aria_supprimer = format!("{} « {sujet} »", t.supprimer_brouillon);
                                let aria_reprendre = format!("{} « {sujet} »", t.reprendre);
                                view! {
                                    <tr>
                                        <td>{sujet}</td>
                                        <td>{categorie}</td>
                                        <td>{objet}</td>
                                        <td>{horodatage(&b.enregistre_le, locale)}</td>
                                        <td class="actions-ligne">
                                            <A href=lien attr:class="bouton bouton--petit" attr:aria-label=aria_reprendre>{t.reprendre}</A>
                                            " "
                                            <button
                                                type="button"
                                                class="bouton bouton--petit"
                                                aria-label=aria_supprimer
                                                on:click=move |_| supprimer(id.clone())
                                            >
                                                {t.supprimer_brouillon}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        };
        view! {
            <p class="note">{t.brouillons_note}</p>
            {corps}
        }
    };

    view! {
        <Protege>
            <h1>{move || i18n.t().sollicitations.titre}</h1>
            <p class="intro">{move || i18n.t().sollicitations.intro}</p>
            <p>
                <A href="/sollicitations/nouvelle" attr:class="bouton bouton--principal">
                    {move || i18n.t().sollicitations.nouvelle}
                </A>
            </p>
            {move || {
                let t = &i18n.t().sollicitations;
                match liste.get() {
                    None => Some(view! { <p role="status">{t.chargement}</p> }.into_any()),
                    Some(Err(message)) => Some(view! { <p class="erreur" role="alert">{message}</p> }.into_any()),
                    Some(Ok(_)) => None,
                }
            }}
            <div class="champ champ--recherche">
                <label for="sollicitations-recherche">{move || i18n.t().sollicitations.recherche}</label>
                <input
                    id="sollicitations-recherche"
                    type="search"
                    autocomplete="off"
                    aria-describedby="sollicitations-recherche-aide"
                    prop:value=move || recherche.get()
                    on:input=move |ev| recherche.set(event_target_value(&ev))
                />
                <p id="sollicitations-recherche-aide" class="note-annuaire">{move || i18n.t().sollicitations.recherche_aide}</p>
            </div>
            <div class="onglets" role="tablist" aria-label=move || i18n.t().sollicitations.onglets on:keydown=clavier>
                {Onglet::TOUS
                    .into_iter()
                    .map(|o| {
                        let choisi = move || onglet.get() == o;
                        view! {
                            <button
                                type="button"
                                role="tab"
                                class="onglet"
                                id=format!("onglet-{}", o.code())
                                aria-controls="panneau-sollicitations"
                                aria-selected=move || choisi().to_string()
                                tabindex=move || if choisi() { "0" } else { "-1" }
                                on:click=move |_| choisir.with_value(|c| c(o, false))
                            >
                                {move || format!("{} ({})", libelle_onglet(&i18n.t().sollicitations, o), compte(o))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div
                id="panneau-sollicitations"
                class="panneau-onglet"
                role="tabpanel"
                tabindex="0"
                aria-labelledby=move || format!("onglet-{}", onglet.get().code())
            >
                {move || {
                    if onglet.get() == Onglet::Brouillons {
                        tableau_brouillons().into_any()
                    } else {
                        view! {
                            <div class="criteres__actions">
                                <button type="button" class="bouton" on:click=exporter>
                                    {move || i18n.t().sollicitations.exporter_csv}
                                </button>
                            </div>
                            {tableau}
                        }
                        .into_any()
                    }
                }}
            </div>
            <p class="visuellement-cache" role="status">{move || annonce.get()}</p>
        </Protege>
    }
}

/// A file chosen in a form, read into memory.
#[derive(Debug, Clone, PartialEq)]
struct Fichier {
    nom: String,
    octets: Vec<u8>,
}

/// Why a chosen file is refused before sending (the server checks the same limits).
fn refus_fichier(t: &Textes, nom: &str, taille: usize) -> Option<&'static str> {
    if taille > TAILLE_MAX_PIECE {
        Some(t.piece_trop_grosse)
    } else if nom.chars().count() > cpro::limites::LONGUEUR_MAX_NOM_PIECE_JOINTE
        || !cpro::limites::extension_autorisee(nom)
    {
        Some(t.piece_refusee)
    } else {
        None
    }
}

/// The messages of one field, in the locale.
fn messages_de(erreurs: &[ErreurChamp], champ: &str, locale: Locale) -> Vec<String> {
    erreurs
        .iter()
        .filter(|e| e.champ == champ)
        .map(|e| match locale {
            Locale::Fr => e.message_fr.clone(),
            Locale::En => e.message_en.clone(),
        })
        .collect()
}

fn liste_messages(id: String, messages: Vec<String>) -> impl IntoView {
    view! {
        <ul id=id class="messages">
            {messages
                .into_iter()
                .map(|m| view! { <li class="message message--bloquant">{m}</li> })
                .collect_view()}
        </ul>
    }
}

/// A file picker that reads the chosen file and shows why it is refused, if it is.
#[component]
fn ChoixFichier(
    id: &'static str,
    fichier: RwSignal<Option<Fichier>>,
    erreurs: RwSignal<Vec<ErreurChamp>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let refus_local = RwSignal::new(None::<&'static str>);
    let entree = NodeRef::<leptos::html::Input>::new();
    let choisir = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|c| c.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(choisi) = input.files().and_then(|f| f.get(0)) else {
            fichier.set(None);
            return;
        };
        let nom = choisi.name();
        let taille = usize::try_from(choisi.size() as u64).unwrap_or(usize::MAX);
        erreurs.update(|e| e.retain(|x| x.champ != "pieceJointe"));
        if let Some(refus) = refus_fichier(&i18n.t().sollicitations, &nom, taille) {
            refus_local.set(Some(refus));
            fichier.set(None);
            return;
        }
        refus_local.set(None);
        spawn_local(async move {
            let lecture = wasm_bindgen_futures::JsFuture::from(choisi.array_buffer()).await;
            match lecture {
                Ok(tampon) => {
                    let octets = js_sys::Uint8Array::new(&tampon).to_vec();
                    let _ = fichier.try_set(Some(Fichier { nom, octets }));
                }
                Err(_) => {
                    let _ = refus_local.try_set(Some(i18n.t().sollicitations.piece_illisible));
                }
            }
        });
    };
    let retirer = move |_| {
        fichier.set(None);
        refus_local.set(None);
        if let Some(input) = entree.get() {
            input.set_value("");
        }
    };
    let id_messages = format!("{id}-messages");
    let messages = move || {
        let mut liste = messages_de(&erreurs.get(), "pieceJointe", i18n.locale());
        if let Some(refus) = refus_local.get() {
            liste.push(refus.to_owned());
        }
        liste
    };
    let en_erreur = move || !messages().is_empty();
    view! {
        <div class="champ" class:champ--bloquant=en_erreur>
            <label for=id>{move || i18n.t().sollicitations.piece_jointe}</label>
            <input
                id=id
                type="file"
                node_ref=entree
                aria-invalid=move || en_erreur().to_string()
                aria-describedby=format!("{id}-aide {id_messages}")
                on:change=choisir
            />
            <p id=format!("{id}-aide") class="note-annuaire">{move || i18n.t().sollicitations.piece_aide}</p>
            {move || {
                fichier
                    .get()
                    .map(|f| {
                        view! {
                            <p class="piece-choisie">
                                {f.nom} " (" {f.octets.len()} " " {i18n.t().sollicitations.octets} ") "
                                <button type="button" class="bouton bouton--petit" on:click=retirer>
                                    {i18n.t().sollicitations.retirer_piece}
                                </button>
                            </p>
                        }
                    })
            }}
            {move || liste_messages(id_messages.clone(), messages())}
        </div>
    }
}

/// Which text field of the creation form.
#[derive(Clone, Copy)]
enum ChampTexte {
    Sujet,
    NumeroObjet,
    SiretDestinataire,
}

/// The creation form, `/sollicitations/nouvelle[?typeObjet=FACTURE&numeroObjet=…]`.
#[component]
pub fn NouvelleSollicitationPage() -> impl IntoView {
    view! {
        <Protege>
            <Formulaire />
        </Protege>
    }
}

#[component]
fn Formulaire() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let navigate = use_navigate();
    let query = use_query_map();
    let initial = query.with_untracked(|q| {
        let type_objet = q
            .get("typeObjet")
            .and_then(|t| TypeObjet::depuis_code(&t))
            .map(|t| t.code().to_owned())
            .unwrap_or_default();
        let numero_objet = q.get("numeroObjet").unwrap_or_default();
        // An invoice's sollicitation is in the Facture category: only the sub-category is left to choose.
        let categorie = if type_objet == TypeObjet::Facture.code() {
            TypeObjet::Facture.code().to_owned()
        } else {
            String::new()
        };
        NouvelleSollicitation {
            categorie,
            type_objet,
            numero_objet,
            ..Default::default()
        }
    });
    // A draft reopened from the list (`?brouillon=<id>`), else a new one, saved as the user types.
    let utilisateur = utilisateur_connecte();
    let demande = query.with_untracked(|q| q.get("brouillon"));
    let repris = demande.as_ref().and_then(|id| {
        utilisateur.and_then(|u| {
            brouillons::charger_sollicitations(u)
                .into_iter()
                .find(|b| &b.id == id)
        })
    });
    let introuvable = demande.is_some() && repris.is_none();
    let id_brouillon = StoredValue::new(
        repris
            .as_ref()
            .map(|b| b.id.clone())
            .unwrap_or_else(brouillons::nouvel_identifiant),
    );
    let depart = repris.map(|b| b.formulaire).unwrap_or(initial);
    let formulaire = RwSignal::new(depart.clone());
    let brouillon_garde = RwSignal::new(false);
    Effect::new(move |_| {
        let actuel = formulaire.get();
        if actuel == depart || actuel.est_vide() {
            return;
        }
        if let Some(u) = utilisateur {
            let brouillon = BrouillonSollicitation {
                id: id_brouillon.get_value(),
                enregistre_le: brouillons::maintenant_utc(),
                formulaire: NouvelleSollicitation {
                    piece_jointe: None,
                    ..actuel
                },
            };
            brouillon_garde.set(brouillons::enregistrer_sollicitation(u, &brouillon));
        }
    });
    let fichier = RwSignal::new(None::<Fichier>);
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(
        introuvable.then(|| i18n.t().sollicitations.brouillon_introuvable.to_owned()),
    );
    let en_cours = RwSignal::new(false);
    // The destination organisation is asked when the category is addressed to a public organisation and
    // the object is not an invoice (whose recipient it then is).
    let destinataire_demande = move || {
        formulaire.with(|f| {
            regles::categorie(&f.categorie).is_some_and(|c| c.destinataire_requis)
                && f.type_objet != TypeObjet::Facture.code()
        })
    };

    let envoyer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        message.set(None);
        let mut corps = formulaire.get_untracked();
        if destinataire_demande() {
            let siret: String = corps.siret_destinataire.split_whitespace().collect();
            // A missing SIRET is said by the server with the other missing fields; a wrong one here.
            let refus: Option<fn(&Textes) -> &'static str> = (!siret.is_empty()
                && facture::identifiant::Siret::parse(&siret).is_err())
            .then_some(|t| t.siret_invalide);
            if let Some(refus) = refus {
                erreurs.set(vec![ErreurChamp {
                    champ: "siretDestinataire".to_owned(),
                    message_fr: refus(&Locale::Fr.textes().sollicitations).to_owned(),
                    message_en: refus(&Locale::En.textes().sollicitations).to_owned(),
                }]);
                let t = &i18n.t().sollicitations;
                message.set(Some(t.a_corriger.to_owned()));
                focaliser_premiere_erreur();
                return;
            }
        } else {
            corps.siret_destinataire.clear();
        }
        en_cours.set(true);
        let base = reglages.api_base();
        corps.piece_jointe = fichier
            .get_untracked()
            .map(|f| PieceJointe::depuis_octets(&f.nom, &f.octets));
        let navigate = navigate.clone();
        spawn_local(async move {
            let resultat = api_sol::creer(&base, &corps).await;
            if en_cours.try_set(false).is_none() {
                // try_set gives the value back when the signal is gone: the screen was left.
                match resultat {
                    Ok(detail) => {
                        if let Some(u) = utilisateur {
                            brouillons::supprimer_sollicitation(u, &id_brouillon.get_value());
                        }
                        navigate(
                            &format!("/sollicitations/{}", detail.sollicitation.id),
                            Default::default(),
                        );
                    }
                    Err(RefusFormulaire::Champs(liste)) => {
                        erreurs.set(liste);
                        message.set(Some(i18n.t().sollicitations.a_corriger.to_owned()));
                        focaliser_premiere_erreur();
                    }
                    Err(RefusFormulaire::Autre(e)) => message.set(Some(e.libelle())),
                }
            }
        });
    };

    let messages = move |champ: &'static str| messages_de(&erreurs.get(), champ, i18n.locale());
    let en_erreur = move |champ: &'static str| !messages(champ).is_empty();
    let champ_texte = move |champ: ChampTexte| {
        type Libelle = fn(&Textes) -> &'static str;
        let (nom, id, libelle, aide, longueur): (
            &'static str,
            &'static str,
            Libelle,
            Option<Libelle>,
            usize,
        ) = match champ {
            ChampTexte::Sujet => (
                "sujet",
                "sollicitation-sujet",
                |t| t.sujet,
                None,
                regles::SUJET_LONGUEUR_MAX,
            ),
            ChampTexte::NumeroObjet => (
                "numeroObjet",
                "sollicitation-numero-objet",
                |t| t.numero_objet,
                Some(|t| t.numero_objet_aide),
                regles::NUMERO_OBJET_LONGUEUR_MAX,
            ),
            ChampTexte::SiretDestinataire => (
                "siretDestinataire",
                "sollicitation-siret-destinataire",
                |t| t.siret_destinataire,
                Some(|t| t.siret_destinataire_aide),
                20,
            ),
        };
        let decrit = if aide.is_some() {
            format!("{id}-aide {id}-messages")
        } else {
            format!("{id}-messages")
        };
        view! {
            <div class="champ" class:champ--bloquant=move || en_erreur(nom)>
                <label for=id>{move || libelle(&i18n.t().sollicitations)}</label>
                <input
                    id=id
                    type="text"
                    name=nom
                    autocomplete="off"
                    inputmode=matches!(champ, ChampTexte::SiretDestinataire).then_some("numeric")
                    required=!matches!(champ, ChampTexte::NumeroObjet)
                    maxlength=longueur
                    aria-invalid=move || en_erreur(nom).to_string()
                    aria-describedby=decrit
                    prop:value=move || formulaire.with(|f| match champ {
                        ChampTexte::Sujet => f.sujet.clone(),
                        ChampTexte::NumeroObjet => f.numero_objet.clone(),
                        ChampTexte::SiretDestinataire => f.siret_destinataire.clone(),
                    })
                    on:input=move |ev| {
                        let valeur = event_target_value(&ev);
                        erreurs.update(|e| e.retain(|x| x.champ != nom));
                        formulaire.update(|f| match champ {
                            ChampTexte::Sujet => f.sujet = valeur,
                            ChampTexte::NumeroObjet => f.numero_objet = valeur,
                            ChampTexte::SiretDestinataire => f.siret_destinataire = valeur,
                        });
                    }
                />
                {aide.map(|aide| view! {
                    <p id=format!("{id}-aide") class="note-annuaire">{move || aide(&i18n.t().sollicitations)}</p>
                })}
                {move || liste_messages(format!("{id}-messages"), messages(nom))}
            </div>
        }
    };
    let choisir_fr_en = move |fr: &'static str, en: &'static str| match i18n.locale() {
        Locale::Fr => fr,
        Locale::En => en,
    };

    view! {
            <p><A href="/sollicitations">{move || i18n.t().sollicitations.retour_liste}</A></p>
            <h1>{move || i18n.t().sollicitations.nouvelle}</h1>
            <p class="intro">{move || i18n.t().sollicitations.nouvelle_intro}</p>
            <form class="formulaire-sollicitation" on:submit=envoyer novalidate>
                <div class="grille-champs">
                    <div class="champ" class:champ--bloquant=move || en_erreur("categorie")>
                        <label for="sollicitation-categorie">{move || i18n.t().sollicitations.categorie}</label>
                        <select
                            id="sollicitation-categorie"
                            name="categorie"
                            required
                            aria-invalid=move || en_erreur("categorie").to_string()
                            aria-describedby="sollicitation-categorie-messages"
                            prop:value=move || formulaire.with(|f| f.categorie.clone())
                            on:change=move |ev| {
                                let valeur = event_target_value(&ev);
                                formulaire.update(|f| {
                                    if f.categorie != valeur {
                                        f.sous_categorie.clear();
                                    }
                                    f.categorie = valeur;
                                });
                            }
                        >
                            <option value="">{move || i18n.t().sollicitations.choisir}</option>
                            {regles::CATEGORIES
                                .iter()
                                .map(|c| {
                                    view! {
                                        <option
                                            value=c.code
                                            selected=move || formulaire.with(|f| f.categorie == c.code)
                                        >
                                            {move || choisir_fr_en(c.libelle_fr, c.libelle_en)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        {move || liste_messages("sollicitation-categorie-messages".into(), messages("categorie"))}
                    </div>
                    <div class="champ" class:champ--bloquant=move || en_erreur("sousCategorie")>
                        <label for="sollicitation-sous-categorie">{move || i18n.t().sollicitations.sous_categorie}</label>
                        <select
                            id="sollicitation-sous-categorie"
                            name="sousCategorie"
                            required
                            disabled=move || formulaire.with(|f| regles::categorie(&f.categorie).is_none())
                            aria-invalid=move || en_erreur("sousCategorie").to_string()
                            aria-describedby="sollicitation-sous-categorie-messages"
                            prop:value=move || formulaire.with(|f| f.sous_categorie.clone())
                            on:change=move |ev| {
                                let valeur = event_target_value(&ev);
                                formulaire.update(|f| f.sous_categorie = valeur);
                            }
                        >
                            {move || {
                                let categorie = formulaire.with(|f| regles::categorie(&f.categorie));
                                let vide = match categorie {
                                    Some(_) => i18n.t().sollicitations.choisir,
                                    None => i18n.t().sollicitations.choisir_categorie_dabord,
                                };
                                let choisie = formulaire.with_untracked(|f| f.sous_categorie.clone());
                                view! {
                                    <option value="">{vide}</option>
                                    {categorie
                                        .map(|c| c.sous_categories)
                                        .unwrap_or_default()
                                        .iter()
                                        .map(|(code, fr, en)| {
                                            view! {
                                                <option value=*code selected=choisie == *code>
                                                    {choisir_fr_en(fr, en)}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                }
                            }}
                        </select>
                        {move || liste_messages("sollicitation-sous-categorie-messages".into(), messages("sousCategorie"))}
                    </div>
                    <div class="champ" class:champ--bloquant=move || en_erreur("typeObjet")>
                        <label for="sollicitation-type-objet">{move || i18n.t().sollicitations.type_objet}</label>
                        <select
                            id="sollicitation-type-objet"
                            name="typeObjet"
                            aria-invalid=move || en_erreur("typeObjet").to_string()
                            aria-describedby="sollicitation-type-objet-messages"
                            prop:value=move || formulaire.with(|f| f.type_objet.clone())
                            on:change=move |ev| {
                                let valeur = event_target_value(&ev);
                                formulaire.update(|f| f.type_objet = valeur);
                            }
                        >
                            <option value="">{move || i18n.t().sollicitations.type_aucun}</option>
                            {TypeObjet::TOUS
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <option
                                            value=t.code()
                                            selected=move || formulaire.with(|f| f.type_objet == t.code())
                                        >
                                            {move || libelle_type_objet(&i18n.t().sollicitations, t.code())}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        {move || liste_messages("sollicitation-type-objet-messages".into(), messages("typeObjet"))}
                    </div>
                    {champ_texte(ChampTexte::NumeroObjet)}
                </div>
                <Show when=destinataire_demande>
                    {champ_texte(ChampTexte::SiretDestinataire)}
                </Show>
                {champ_texte(ChampTexte::Sujet)}
                <div class="champ" class:champ--bloquant=move || en_erreur("description")>
                    <label for="sollicitation-description">{move || i18n.t().sollicitations.description}</label>
                    <textarea
                        id="sollicitation-description"
                        name="description"
                        rows="6"
                        required
                        maxlength=regles::TEXTE_LONGUEUR_MAX
                        aria-invalid=move || en_erreur("description").to_string()
                        aria-describedby="sollicitation-description-messages"
                        prop:value=move || formulaire.with(|f| f.description.clone())
                        on:input=move |ev| {
                            let valeur = event_target_value(&ev);
                            formulaire.update(|f| f.description = valeur);
                        }
                    ></textarea>
                    {move || liste_messages("sollicitation-description-messages".into(), messages("description"))}
                </div>
                <ChoixFichier id="sollicitation-piece" fichier erreurs />
                <div class="message-formulaire" role="alert">
                    {move || message.get().map(|m| view! { <p class="erreur">{m}</p> })}
                </div>
                <p class="note" class:visuellement-cache=move || !brouillon_garde.get()>
                    {move || brouillon_garde.get().then(|| i18n.t().sollicitations.brouillon_enregistre)}
                </p>
                <div class="criteres__actions">
                    <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                        {move || i18n.t().sollicitations.creer}
                    </button>
                    <A href="/sollicitations" attr:class="bouton">{move || i18n.t().sollicitations.annuler}</A>
                </div>
            </form>
    }
}

/// Moves the focus to the first field marked invalid, once the view shows the errors.
fn focaliser_premiere_erreur() {
    request_animation_frame(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(element)) = document.query_selector("[aria-invalid=\"true\"]") {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// One sollicitation, `/sollicitations/:id`.
#[component]
pub fn DetailSollicitation() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let params = use_params_map();
    let identifiant = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let dossier = RwSignal::new(None::<Result<SollicitationDetail, String>>);
    let annonce = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(id) = identifiant() else {
            dossier.set(Some(Err(i18n.t().sollicitations.introuvable.to_owned())));
            return;
        };
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_sol::lire(&base, id).await.map_err(|e| match e {
                crate::api::ApiError::Http { status: 404, .. } => {
                    i18n.t().sollicitations.introuvable.to_owned()
                }
                autre => autre.libelle(),
            });
            let _ = dossier.try_set(Some(resultat));
        });
    });
    view! {
        <Protege>
            <p><A href="/sollicitations">{move || i18n.t().sollicitations.retour_liste}</A></p>
            {move || {
                let t = &i18n.t().sollicitations;
                match dossier.get() {
                    None => view! { <p role="status">{t.chargement}</p> }.into_any(),
                    Some(Err(message)) => {
                        view! {
                            <h1>{t.titre}</h1>
                            <p class="erreur" role="alert">{message}</p>
                        }
                            .into_any()
                    }
                    Some(Ok(detail)) => view! { <Fiche detail dossier annonce /> }.into_any(),
                }
            }}
            <p class="visuellement-cache" role="status">{move || annonce.get()}</p>
        </Protege>
    }
}

#[component]
fn Fiche(
    detail: SollicitationDetail,
    dossier: RwSignal<Option<Result<SollicitationDetail, String>>>,
    annonce: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let t = &i18n.t().sollicitations;
    let locale = i18n.locale();
    let s = detail.sollicitation.clone();
    let id = s.id;
    let statut = Statut::depuis_code(&s.statut);
    let erreur_action = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let agir = move |action: Action| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        erreur_action.set(None);
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_sol::changer(&base, id, action).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(nouveau) => {
                    let libelle = libelle_statut(&nouveau.sollicitation.statut, i18n.locale());
                    annonce.set(Some(format!(
                        "{} {libelle}",
                        i18n.t().sollicitations.statut_mis_a_jour
                    )));
                    dossier.set(Some(Ok(nouveau)));
                    focaliser_titre();
                }
                Err(e) => erreur_action.set(Some(e.libelle())),
            }
        });
    };
    let actions = s.actions.clone();
    let bouton = move |action: Action, libelle: &'static str, classe: &'static str| {
        actions.iter().any(|a| a == action.code()).then(|| {
            view! {
                <button
                    type="button"
                    class=classe
                    aria-disabled=move || en_cours.get().to_string()
                    on:click=move |_| agir(action)
                >
                    {libelle}
                </button>
            }
        })
    };
    let info = match statut {
        Some(Statut::Resolu) => Some(t.info_resolu),
        Some(Statut::EnAttenteInformations) => Some(t.info_attente),
        Some(Statut::Ferme) => Some(t.info_ferme),
        _ => None,
    };
    let objet_vue = match (s.identifiant_facture_cpp, objet(t, &s)) {
        (_, texte) if texte.is_empty() => view! { "—" }.into_any(),
        (Some(facture), texte) => view! {
            {texte} " — "
            <A href=format!("/factures-emises/facture/{facture}")>{t.voir_facture}</A>
        }
        .into_any(),
        (None, texte) => view! { {texte} }.into_any(),
    };
    let emetteur = match &s.emetteur.raison_sociale {
        Some(structure) => format!("{} ({structure})", s.emetteur.nom),
        None => s.emetteur.nom.clone(),
    };
    let base = reglages.api_base();
    view! {
        <h1 id="sollicitation-titre" class="titre-sollicitation" tabindex="-1">{format!("{} {id} — {}", t.detail_titre, s.sujet)}</h1>
        <p class="statut-courant">{t.col_statut} " : " {badge(&s.statut, locale)}</p>
        {info.map(|i| view! { <p class="resume resume--info">{i}</p> })}
        <div class="criteres__actions">
            {bouton(Action::AccepterSolution, t.accepter, "bouton bouton--principal")}
            {bouton(Action::Rouvrir, t.rouvrir, "bouton")}
            {bouton(Action::Cloturer, t.cloturer, "bouton")}
        </div>
        <div role="alert">{move || erreur_action.get().map(|m| view! { <p class="erreur">{m}</p> })}</div>
        <dl class="recapitulatif">
            <dt>{t.col_categorie}</dt>
            <dd>{libelle_categorie(&s.categorie, &s.sous_categorie, locale)}</dd>
            <dt>{t.col_objet}</dt>
            <dd>{objet_vue}</dd>
            <dt>{t.emetteur}</dt>
            <dd>{emetteur}</dd>
            <dt>{t.col_destinataire}</dt>
            <dd>{s.destinataire.clone()}</dd>
            <dt>{t.creee_le}</dt>
            <dd>{horodatage(&s.cree_le, locale)}</dd>
            <dt>{t.col_modifiee}</dt>
            <dd>{horodatage(&s.modifie_le, locale)}</dd>
        </dl>
        <section aria-labelledby="fil-titre">
            <h2 id="fil-titre">{t.fil}</h2>
            <ol class="fil-sollicitation">
                {detail
                    .activites
                    .into_iter()
                    .map(|a| {
                        let classe = if a.auteur == "DESTINATAIRE" {
                            "activite activite--destinataire"
                        } else {
                            "activite"
                        };
                        let pieces = a
                            .pieces
                            .into_iter()
                            .map(|p| {
                                let url = api_sol::url_piece(&base, id, p.id);
                                view! {
                                    <li>
                                        <a href=url download=p.nom.clone()>{p.nom.clone()}</a>
                                        " (" {p.taille} " " {t.octets} ")"
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <li class=classe>
                                <article>
                                    <h3 class="activite__entete">
                                        {a.nom_auteur} <span class="activite__quand">{horodatage(&a.cree_le, locale)}</span>
                                    </h3>
                                    {a.statut.map(|code| view! {
                                        <p class="activite__statut">{t.statut_passe} " " {badge(&code, locale)}</p>
                                    })}
                                    {(!a.texte.is_empty()).then(|| view! { <p class="activite__texte">{a.texte}</p> })}
                                    <ul class="activite__pieces">{pieces}</ul>
                                </article>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
        {s.permet(Action::Repondre).then(|| view! { <Reponse id dossier annonce /> })}
    }
}

/// Empties a file picker.
fn vider_choix_fichier(id: &str) {
    let entree = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(entree) = entree {
        entree.set_value("");
    }
}

/// Moves the focus to the re-rendered sollicitation's title (the button pressed is gone).
fn focaliser_titre() {
    request_animation_frame(|| {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("sollicitation-titre"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The reply box.
#[component]
fn Reponse(
    id: i64,
    dossier: RwSignal<Option<Result<SollicitationDetail, String>>>,
    annonce: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let texte = RwSignal::new(String::new());
    let fichier = RwSignal::new(None::<Fichier>);
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let envoyer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let base = reglages.api_base();
        let corps = texte.get_untracked();
        let piece = fichier
            .get_untracked()
            .map(|f| PieceJointe::depuis_octets(&f.nom, &f.octets));
        spawn_local(async move {
            let resultat = api_sol::ajouter_message(&base, id, &corps, piece.as_ref()).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(nouveau) => {
                    // The thread is rebuilt in place: the file picker would keep showing the sent file.
                    vider_choix_fichier("sollicitation-reponse-piece");
                    annonce.set(Some(i18n.t().sollicitations.message_envoye.to_owned()));
                    dossier.set(Some(Ok(nouveau)));
                    focaliser_titre();
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    erreurs.set(liste);
                    message.set(Some(i18n.t().sollicitations.a_corriger.to_owned()));
                    focaliser_premiere_erreur();
                }
                Err(RefusFormulaire::Autre(e)) => message.set(Some(e.libelle())),
            }
        });
    };
    let messages = move || messages_de(&erreurs.get(), "texte", i18n.locale());
    let en_erreur = move || !messages().is_empty();
    view! {
        <section class="formulaire-sollicitation" aria-labelledby="reponse-titre">
            <h2 id="reponse-titre">{move || i18n.t().sollicitations.repondre_titre}</h2>
            <form on:submit=envoyer novalidate>
                <div class="champ" class:champ--bloquant=en_erreur>
                    <label for="sollicitation-reponse">{move || i18n.t().sollicitations.reponse}</label>
                    <textarea
                        id="sollicitation-reponse"
                        name="texte"
                        rows="4"
                        required
                        maxlength=regles::TEXTE_LONGUEUR_MAX
                        aria-invalid=move || en_erreur().to_string()
                        aria-describedby="sollicitation-reponse-messages"
                        prop:value=move || texte.get()
                        on:input=move |ev| texte.set(event_target_value(&ev))
                    ></textarea>
                    {move || liste_messages("sollicitation-reponse-messages".into(), messages())}
                </div>
                <ChoixFichier id="sollicitation-reponse-piece" fichier erreurs />
                <div class="message-formulaire" role="alert">
                    {move || message.get().map(|m| view! { <p class="erreur">{m}</p> })}
                </div>
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                    {move || i18n.t().sollicitations.envoyer}
                </button>
            </form>
        </section>
    }
}
