//! Activités du gestionnaire: for one structure the user manages (chosen at the top), the rattachement
//! requests to decide, the users and their habilitations per espace, the services, the bank details (IBAN
//! grouped by 4 and checked as typed, with `facture::identifiant`) and the espaces. A user who manages no
//! structure is told how one becomes gestionnaire.

use facture::identifiant::{iban_saisi_groupe, saisie_iban, SaisieIban};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::gestionnaire::{
    self as api_g, AjoutCompteBancaire, CompteBancaire, CreationService, Demande, EspaceStructure,
    HabilitationEspace, Membre, ModificationMembre, Service, StructureGeree,
};
use crate::api::{ApiError, ErreurChamp, RefusFormulaire};
use crate::app::Reglages;
use crate::components::garde::Protege;
use crate::i18n::{Gestionnaire as Textes, I18n, Locale};
use crate::state::session::{EtatSession, Session};

/// Something loaded from the server: `None` while loading.
type Charge<V> = RwSignal<Option<Result<V, String>>>;

/// A status line: (success, text).
type Annonce = RwSignal<Option<(bool, String)>>;

const ROLES: [&str; 3] = ["GESTIONNAIRE_PRINCIPAL", "GESTIONNAIRE", "UTILISATEUR"];
const NIVEAUX: [&str; 2] = ["CONSULTATION", "MODIFICATION"];
const ESPACES_EDITABLES: [&str; 2] = ["FACTURES_EMISES", "SOLLICITATIONS"];

fn libelle_role(t: &Textes, role: &str) -> &'static str {
    match role {
        "GESTIONNAIRE_PRINCIPAL" => t.role_principal,
        "GESTIONNAIRE" => t.role_gestionnaire,
        _ => t.role_utilisateur,
    }
}

fn libelle_niveau(t: &Textes, niveau: &str) -> &'static str {
    if niveau == "MODIFICATION" {
        t.modification
    } else {
        t.consultation
    }
}

fn libelle_espace(t: &Textes, espace: &str) -> (&'static str, &'static str) {
    match espace {
        "FACTURES_EMISES" => (t.espace_factures, t.espace_factures_texte),
        "SOLLICITATIONS" => (t.espace_sollicitations, t.espace_sollicitations_texte),
        _ => (t.espace_gestionnaire, t.espace_gestionnaire_texte),
    }
}

/// A stored UTC time (`2026-12-04T15:02:11`) in the browser's time zone (`04/12/2026 16:02` in Paris); the
/// text as is when it is not one.
fn date_locale(horodatage: &str) -> String {
    let Ok(utc) = chrono::NaiveDateTime::parse_from_str(horodatage, "%Y-%m-%dT%H:%M:%S") else {
        return horodatage.to_owned();
    };
    // Minutes from local time to UTC at that instant (summer time included).
    let decalage = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!("{horodatage}Z")))
        .get_timezone_offset();
    let local = if decalage.is_finite() {
        utc - chrono::Duration::minutes(decalage as i64)
    } else {
        utc
    };
    local.format("%d/%m/%Y %H:%M").to_string()
}

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

/// The message of a refusal that is not about a field: ours for the known cases, else the server's.
fn message_refus(t: &Textes, erreur: &ApiError) -> String {
    match erreur {
        ApiError::Http { status: 409, .. } => t.dernier_principal.to_owned(),
        ApiError::Http { status: 403, .. } => t.reserve_principal.to_owned(),
        autre => autre.libelle(),
    }
}

/// Shows the status line of a section; it exists before it speaks, so screen readers announce it.
fn ligne_annonce(annonce: Annonce) -> impl IntoView {
    view! {
        <p
            class="annonce"
            class:annonce--erreur=move || annonce.with(|a| matches!(a, Some((false, _))))
            role="status"
        >
            {move || annonce.get().map(|(_, texte)| texte).unwrap_or_default()}
        </p>
    }
}

/// Asks the screen to read the managed structures again (the user changed their own role or left one).
#[derive(Clone, Copy)]
struct RechargerStructures(RwSignal<u32>);

/// Activités du gestionnaire.
#[component]
pub fn ActivitesGestionnaire() -> impl IntoView {
    let i18n = I18n::expect_context();
    view! {
        <Protege>
            <h1>{move || i18n.t().shell.activites_gestionnaire}</h1>
            <p class="intro">{move || i18n.t().gestionnaire.intro}</p>
            <StructuresGerees />
        </Protege>
    }
}

/// The structure selector, then the sections of the chosen structure.
#[component]
fn StructuresGerees() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let structures: Charge<Vec<StructureGeree>> = RwSignal::new(None);
    let choisie = RwSignal::new(None::<i64>);
    let rechargement = RwSignal::new(0_u32);
    provide_context(RechargerStructures(rechargement));
    Effect::new(move |_| {
        rechargement.track();
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_g::structures(&base).await.map_err(|e| e.libelle());
            if let Ok(liste) = &resultat {
                // Keep the structure shown when it is still managed.
                let garder = choisie
                    .try_get_untracked()
                    .flatten()
                    .filter(|id| liste.iter().any(|s| s.id == *id));
                let _ = choisie.try_set(garder.or_else(|| liste.first().map(|s| s.id)));
            }
            let _ = structures.try_set(Some(resultat));
        });
    });
    move || {
        let t = &i18n.t().gestionnaire;
        match structures.get() {
            None => view! { <p class="chargement" role="status">{t.chargement}</p> }.into_any(),
            Some(Err(erreur)) => view! {
                <p class="message-formulaire" role="alert">{format!("{} {erreur}", t.erreur_chargement)}</p>
            }
            .into_any(),
            Some(Ok(liste)) if liste.is_empty() => view! {
                <section class="carte" aria-labelledby="gestion-aucune">
                    <h2 id="gestion-aucune">{t.aucune_titre}</h2>
                    <p>{t.aucune_texte}</p>
                    <p>{t.aucune_comment}</p>
                </section>
            }
            .into_any(),
            Some(Ok(liste)) => view! {
                <div class="champ gestion-structure">
                    <label for="gestion-structure">{t.structure}</label>
                    <select
                        id="gestion-structure"
                        on:change=move |ev| {
                            choisie.set(event_target_value(&ev).parse::<i64>().ok());
                        }
                    >
                        {liste
                            .into_iter()
                            .map(|s| {
                                let id = s.id;
                                let texte = format!(
                                    "{} — {} {} ({})",
                                    s.raison_sociale,
                                    s.type_identifiant,
                                    s.identifiant,
                                    libelle_role(t, &s.role),
                                );
                                view! {
                                    <option value=id.to_string() selected=move || choisie.get() == Some(id)>
                                        {texte}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <nav class="sommaire" aria-label=t.sommaire>
                    <ul>
                        <li><a href="#gestion-demandes">{t.demandes_titre}</a></li>
                        <li><a href="#gestion-utilisateurs">{t.utilisateurs_titre}</a></li>
                        <li><a href="#gestion-services">{t.services_titre}</a></li>
                        <li><a href="#gestion-comptes">{t.comptes_titre}</a></li>
                        <li><a href="#gestion-espaces">{t.espaces_titre}</a></li>
                    </ul>
                </nav>
                {move || choisie.get().map(|id| view! { <Sections id /> })}
            }
            .into_any(),
        }
    }
}

/// Every section of one structure. `version` goes up when a change touches several of them (an accepted
/// request adds a user).
#[component]
fn Sections(id: i64) -> impl IntoView {
    let version = RwSignal::new(0_u32);
    view! {
        <Demandes id version />
        <Utilisateurs id version />
        <Services id />
        <Comptes id />
        <Espaces id version />
    }
}

/// Loads `charger(base)` into a signal now and each time `version` changes.
fn charger_a_chaque_version<V, F, Fut>(version: RwSignal<u32>, charger: F) -> Charge<V>
where
    V: Send + Sync + 'static,
    F: Fn(String) -> Fut + Copy + 'static,
    Fut: std::future::Future<Output = Result<V, ApiError>> + 'static,
{
    let reglages = Reglages::expect_context();
    let donnees: Charge<V> = RwSignal::new(None);
    Effect::new(move |_| {
        version.track();
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = charger(base).await.map_err(|e| e.libelle());
            let _ = donnees.try_set(Some(resultat));
        });
    });
    donnees
}

fn charge_vue<V: Clone + Send + Sync + 'static, IV: IntoView + 'static>(
    donnees: Charge<V>,
    vue: impl Fn(V) -> IV + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    move || {
        let t = &i18n.t().gestionnaire;
        match donnees.get() {
            None => view! { <p class="chargement">{t.chargement}</p> }.into_any(),
            Some(Err(erreur)) => view! {
                <p class="message-formulaire" role="alert">{format!("{} {erreur}", t.erreur_chargement)}</p>
            }
            .into_any(),
            Some(Ok(valeur)) => vue(valeur).into_any(),
        }
    }
}

/// Pending rattachement requests of the structure: accept with an habilitation, or refuse with a reason.
#[component]
fn Demandes(id: i64, version: RwSignal<u32>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let annonce: Annonce = RwSignal::new(None);
    let demandes = charger_a_chaque_version(version, move |base| async move {
        api_g::demandes_a_traiter(&base).await.map(|l| {
            l.into_iter()
                .filter(|d| d.id_structure == id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="carte" id="gestion-demandes" aria-labelledby="gestion-demandes-titre">
            <h2 id="gestion-demandes-titre">{move || i18n.t().gestionnaire.demandes_titre}</h2>
            {ligne_annonce(annonce)}
            {charge_vue(demandes, move |liste: Vec<Demande>| {
                let t = &i18n.t().gestionnaire;
                if liste.is_empty() {
                    return view! { <p>{t.demandes_vide}</p> }.into_any();
                }
                view! {
                    <div class="defilement">
                        <table class="tableau">
                            <caption class="visuellement-cache">{t.demandes_titre}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_demandeur}</th>
                                    <th scope="col">{t.col_commentaire}</th>
                                    <th scope="col">{t.col_date}</th>
                                    <th scope="col">{t.col_decision}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {liste
                                    .into_iter()
                                    .map(|d| view! { <LigneDemande demande=d version annonce /> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn LigneDemande(demande: Demande, version: RwSignal<u32>, annonce: Annonce) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let t = &i18n.t().gestionnaire;
    let habilitation = RwSignal::new(NIVEAUX[0].to_owned());
    let refus_ouvert = RwSignal::new(false);
    let motif = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let en_cours = RwSignal::new(false);
    let id = demande.id;
    let nom = format!("{} {}", demande.demandeur.prenom, demande.demandeur.nom);
    let qui = format!("{nom} ({})", demande.demandeur.email);
    let fin = move |resultat: Result<(), RefusFormulaire>, succes: fn(&Textes) -> &'static str| {
        if en_cours.try_set(false).is_some() {
            return;
        }
        let t = &i18n.t().gestionnaire;
        match resultat {
            Ok(()) => {
                annonce.set(Some((true, succes(t).to_owned())));
                version.update(|v| *v += 1);
            }
            Err(RefusFormulaire::Champs(liste)) => erreurs.set(liste),
            Err(RefusFormulaire::Autre(e)) => annonce.set(Some((false, e.libelle()))),
        }
    };
    let accepter = move |_| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        let niveau = habilitation.get_untracked();
        spawn_local(async move {
            fin(api_g::accepter(&base, id, &niveau).await, |t| {
                t.demande_acceptee
            });
        });
    };
    let refuser = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        let texte = motif.get_untracked();
        spawn_local(async move {
            fin(api_g::refuser(&base, id, &texte).await, |t| {
                t.demande_refusee
            });
        });
    };
    let id_habilitation = format!("demande-{id}-habilitation");
    let id_motif = format!("demande-{id}-motif");
    let id_motif_messages = format!("{id_motif}-messages");
    let commentaire = if demande.commentaire.is_empty() {
        t.sans_commentaire.to_owned()
    } else {
        demande.commentaire.clone()
    };
    view! {
        <tr>
            <th scope="row">{nom}<br /><span class="note">{demande.demandeur.email.clone()}</span></th>
            <td>{commentaire}</td>
            <td>{date_locale(&demande.cree_le)}</td>
            <td class="decision">
                <div class="decision__accepter">
                    <label for=id_habilitation.clone()>{t.habilitation_accordee}</label>
                    <select
                        id=id_habilitation
                        on:change=move |ev| habilitation.set(event_target_value(&ev))
                    >
                        {NIVEAUX
                            .into_iter()
                            .map(|n| view! {
                                <option value=n selected=move || habilitation.with(|h| h == n)>
                                    {move || libelle_niveau(&i18n.t().gestionnaire, n)}
                                </option>
                            })
                            .collect_view()}
                    </select>
                    <button
                        type="button"
                        class="bouton bouton--principal bouton--petit"
                        aria-label=format!("{} — {qui}", t.accepter)
                        disabled=move || en_cours.get()
                        on:click=accepter
                    >
                        {t.accepter}
                    </button>
                    <button
                        type="button"
                        class="bouton bouton--petit"
                        aria-expanded=move || refus_ouvert.get().to_string()
                        aria-label=format!("{} — {qui}", t.refuser)
                        on:click=move |_| refus_ouvert.update(|o| *o = !*o)
                    >
                        {t.refuser}
                    </button>
                </div>
                <Show when=move || refus_ouvert.get()>
                    <form class="decision__refus" on:submit=refuser novalidate>
                        <div class="champ" class:champ--bloquant=move || erreurs.with(|e| !e.is_empty())>
                            <label for=id_motif.clone()>{move || i18n.t().gestionnaire.motif_refus}</label>
                            <input
                                id=id_motif.clone()
                                type="text"
                                required
                                aria-invalid=move || erreurs.with(|e| !e.is_empty()).to_string()
                                aria-describedby=id_motif_messages.clone()
                                prop:value=move || motif.get()
                                on:input=move |ev| motif.set(event_target_value(&ev))
                            />
                            <ul class="messages" id=id_motif_messages.clone()>
                                {move || {
                                    let locale = i18n.locale();
                                    erreurs
                                        .with(|e| messages_de(e, "motif", locale))
                                        .into_iter()
                                        .map(|m| view! { <li class="message message--bloquant">{m}</li> })
                                        .collect_view()
                                }}
                            </ul>
                        </div>
                        <button type="submit" class="bouton bouton--petit" disabled=move || en_cours.get()>
                            {move || i18n.t().gestionnaire.confirmer_refus}
                        </button>
                        " "
                        <button
                            type="button"
                            class="bouton bouton--petit"
                            on:click=move |_| refus_ouvert.set(false)
                        >
                            {move || i18n.t().gestionnaire.annuler}
                        </button>
                    </form>
                </Show>
            </td>
        </tr>
    }
}

/// The users of the structure: role and habilitation per espace, editable; detachment.
#[component]
fn Utilisateurs(id: i64, version: RwSignal<u32>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let annonce: Annonce = RwSignal::new(None);
    let membres = charger_a_chaque_version(version, move |base| async move {
        api_g::utilisateurs(&base, id).await
    });
    view! {
        <section class="carte" id="gestion-utilisateurs" aria-labelledby="gestion-utilisateurs-titre">
            <h2 id="gestion-utilisateurs-titre">{move || i18n.t().gestionnaire.utilisateurs_titre}</h2>
            <p class="intro">{move || i18n.t().gestionnaire.utilisateurs_intro}</p>
            {ligne_annonce(annonce)}
            {charge_vue(membres, move |liste: Vec<Membre>| {
                let t = &i18n.t().gestionnaire;
                view! {
                    <div class="defilement">
                        <table class="tableau">
                            <caption class="visuellement-cache">{t.utilisateurs_titre}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_utilisateur}</th>
                                    <th scope="col">{t.col_role}</th>
                                    <th scope="col">{t.espace_factures}</th>
                                    <th scope="col">{t.espace_sollicitations}</th>
                                    <th scope="col">{t.col_action}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {liste
                                    .into_iter()
                                    .map(|m| view! { <LigneMembre id_structure=id membre=m version annonce /> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn LigneMembre(
    id_structure: i64,
    membre: Membre,
    version: RwSignal<u32>,
    annonce: Annonce,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let session = Session::expect_context();
    let t = &i18n.t().gestionnaire;
    let id = membre.id_utilisateur;
    let moi = matches!(session.etat_untracked(), EtatSession::Connecte(u) if u.id == id);
    let recharger_structures = use_context::<RechargerStructures>();
    // A change to oneself may end one's right to this screen: the structures are read again.
    let apres_changement = move || {
        version.update(|v| *v += 1);
        if moi {
            if let Some(RechargerStructures(r)) = recharger_structures {
                r.update(|v| *v += 1);
            }
        }
    };
    let niveau_de = |espace: &str| {
        membre
            .habilitations
            .iter()
            .find(|h| h.espace == espace)
            .map_or_else(|| NIVEAUX[0].to_owned(), |h| h.habilitation.clone())
    };
    let role = RwSignal::new(membre.role.clone());
    let niveaux = ESPACES_EDITABLES.map(|espace| RwSignal::new(niveau_de(espace)));
    let confirmer = RwSignal::new(false);
    let en_cours = RwSignal::new(false);
    let qui = if membre.prenom.is_empty() && membre.nom.is_empty() {
        membre.email.clone()
    } else {
        format!("{} {}", membre.prenom, membre.nom)
    };
    let enregistrer = move |_| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        let modification = ModificationMembre {
            role: role.get_untracked(),
            habilitations: ESPACES_EDITABLES
                .iter()
                .zip(niveaux)
                .map(|(espace, niveau)| HabilitationEspace {
                    espace: (*espace).to_owned(),
                    habilitation: niveau.get_untracked(),
                })
                .collect(),
        };
        spawn_local(async move {
            let resultat =
                api_g::modifier_utilisateur(&base, id_structure, id, &modification).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            let t = &i18n.t().gestionnaire;
            let locale = i18n.locale();
            match resultat {
                Ok(_) => {
                    annonce.set(Some((true, t.utilisateur_enregistre.to_owned())));
                    apres_changement();
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    let textes: Vec<String> = liste
                        .iter()
                        .map(|e| match locale {
                            Locale::Fr => e.message_fr.clone(),
                            Locale::En => e.message_en.clone(),
                        })
                        .collect();
                    annonce.set(Some((false, textes.join(" "))));
                }
                Err(RefusFormulaire::Autre(e)) => {
                    annonce.set(Some((false, message_refus(t, &e))));
                    // The row shows again what is stored.
                    version.update(|v| *v += 1);
                }
            }
        });
    };
    let detacher = move |_| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_g::detacher_utilisateur(&base, id_structure, id).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            let t = &i18n.t().gestionnaire;
            match resultat {
                Ok(()) => {
                    annonce.set(Some((true, t.utilisateur_detache.to_owned())));
                    apres_changement();
                }
                Err(e) => {
                    confirmer.set(false);
                    annonce.set(Some((false, message_refus(t, &e))));
                }
            }
        });
    };
    let qui_selecteur = qui.clone();
    let selecteur = move |signal: RwSignal<String>,
                          options: &'static [&'static str],
                          colonne: &'static str,
                          libelle: fn(&Textes, &str) -> &'static str| {
        let aria = format!("{colonne} — {qui_selecteur}");
        view! {
            <select aria-label=aria on:change=move |ev| signal.set(event_target_value(&ev))>
                {options
                    .iter()
                    .map(|o| {
                        let o: &'static str = o;
                        view! {
                            <option value=o selected=move || signal.with(|s| s == o)>
                                {move || libelle(&i18n.t().gestionnaire, o)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
    };
    let qui_aria = qui.clone();
    view! {
        <tr>
            <th scope="row">
                {qui.clone()}
                {moi.then(|| format!(" {}", t.vous))}
                <br />
                <span class="note">{membre.email.clone()}</span>
            </th>
            <td>{selecteur(role, &ROLES, t.col_role, libelle_role)}</td>
            <td>{selecteur(niveaux[0], &NIVEAUX, t.espace_factures, libelle_niveau)}</td>
            <td>{selecteur(niveaux[1], &NIVEAUX, t.espace_sollicitations, libelle_niveau)}</td>
            <td class="actions">
                <button
                    type="button"
                    class="bouton bouton--petit"
                    aria-label=format!("{} — {qui_aria}", t.enregistrer)
                    disabled=move || en_cours.get()
                    on:click=enregistrer
                >
                    {t.enregistrer}
                </button>
                <Show
                    when=move || confirmer.get()
                    fallback=move || {
                        let aria = format!("{} — {}", i18n.t().gestionnaire.detacher, qui_aria);
                        view! {
                            <button
                                type="button"
                                class="bouton bouton--secondaire bouton--petit"
                                aria-label=aria
                                on:click=move |_| confirmer.set(true)
                            >
                                {move || i18n.t().gestionnaire.detacher}
                            </button>
                        }
                    }
                >
                    <button
                        type="button"
                        class="bouton bouton--danger bouton--petit"
                        disabled=move || en_cours.get()
                        on:click=detacher
                    >
                        {move || i18n.t().gestionnaire.confirmer_detacher}
                    </button>
                    <button
                        type="button"
                        class="bouton bouton--petit"
                        on:click=move |_| confirmer.set(false)
                    >
                        {move || i18n.t().gestionnaire.annuler}
                    </button>
                </Show>
            </td>
        </tr>
    }
}

/// A text field of a form, with the server's messages under it.
#[component]
fn ChampTexte(
    id: &'static str,
    champ: &'static str,
    libelle: fn(&Textes) -> &'static str,
    valeur: RwSignal<String>,
    erreurs: RwSignal<Vec<ErreurChamp>>,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let id_messages = format!("{id}-messages");
    let messages = move || erreurs.with(|e| messages_de(e, champ, i18n.locale()));
    let en_erreur = move || !messages().is_empty();
    view! {
        <div class="champ" class:champ--bloquant=en_erreur>
            <label for=id>{move || libelle(&i18n.t().gestionnaire)}</label>
            <input
                id=id
                name=champ
                type="text"
                required
                maxlength=maxlength.map(|m| m.to_string())
                aria-invalid=move || en_erreur().to_string()
                aria-describedby=id_messages.clone()
                prop:value=move || valeur.get()
                on:input=move |ev| valeur.set(event_target_value(&ev))
            />
            <ul class="messages" id=id_messages>
                {move || {
                    messages()
                        .into_iter()
                        .map(|m| view! { <li class="message message--bloquant">{m}</li> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The services: list with activate/deactivate, and the creation form.
#[component]
fn Services(id: i64) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let version = RwSignal::new(0_u32);
    let annonce: Annonce = RwSignal::new(None);
    let services = charger_a_chaque_version(version, move |base| async move {
        api_g::services(&base, id).await
    });
    let code = RwSignal::new(String::new());
    let libelle = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let en_cours = RwSignal::new(false);
    let creer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        let service = CreationService {
            code: code.get_untracked(),
            libelle: libelle.get_untracked(),
        };
        spawn_local(async move {
            let resultat = api_g::creer_service(&base, id, &service).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            let t = &i18n.t().gestionnaire;
            match resultat {
                Ok(_) => {
                    erreurs.set(Vec::new());
                    code.set(String::new());
                    libelle.set(String::new());
                    annonce.set(Some((true, t.service_cree.to_owned())));
                    version.update(|v| *v += 1);
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    erreurs.set(liste);
                    annonce.set(Some((false, t.a_corriger.to_owned())));
                }
                Err(RefusFormulaire::Autre(e)) => annonce.set(Some((false, e.libelle()))),
            }
        });
    };
    let basculer = move |service: Service| {
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat =
                api_g::changer_etat_service(&base, id, service.id_service, !service.actif).await;
            if annonce.try_get_untracked().is_none() {
                return;
            }
            let t = &i18n.t().gestionnaire;
            match resultat {
                Ok(s) => {
                    let texte = if s.actif {
                        t.service_active
                    } else {
                        t.service_desactive
                    };
                    let _ = annonce.try_set(Some((true, format!("{} — {}", s.code, texte))));
                    let _ = version.try_update(|v| *v += 1);
                }
                Err(RefusFormulaire::Autre(e)) => {
                    let _ = annonce.try_set(Some((false, e.libelle())));
                }
                Err(RefusFormulaire::Champs(_)) => {}
            }
        });
    };
    view! {
        <section class="carte" id="gestion-services" aria-labelledby="gestion-services-titre">
            <h2 id="gestion-services-titre">{move || i18n.t().gestionnaire.services_titre}</h2>
            <p class="intro">{move || i18n.t().gestionnaire.services_intro}</p>
            {ligne_annonce(annonce)}
            {charge_vue(services, move |liste: Vec<Service>| {
                let t = &i18n.t().gestionnaire;
                if liste.is_empty() {
                    return view! { <p>{t.services_vide}</p> }.into_any();
                }
                view! {
                    <div class="defilement">
                        <table class="tableau">
                            <caption class="visuellement-cache">{t.services_titre}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_code}</th>
                                    <th scope="col">{t.col_libelle}</th>
                                    <th scope="col">{t.col_etat}</th>
                                    <th scope="col">{t.col_action}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {liste
                                    .into_iter()
                                    .map(|s| {
                                        let action = if s.actif { t.desactiver } else { t.activer };
                                        let aria = format!("{action} — {}", s.code);
                                        let (badge, etat) = if s.actif {
                                            ("badge badge--ok", t.actif)
                                        } else {
                                            ("badge", t.inactif)
                                        };
                                        let service = s.clone();
                                        view! {
                                            <tr>
                                                <th scope="row">{s.code.clone()}</th>
                                                <td>{s.libelle.clone()}</td>
                                                <td><span class=badge>{etat}</span></td>
                                                <td>
                                                    <button
                                                        type="button"
                                                        class="bouton bouton--petit"
                                                        aria-label=aria
                                                        on:click=move |_| basculer(service.clone())
                                                    >
                                                        {action}
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            })}
            <form class="formulaire-gestion" on:submit=creer novalidate aria-labelledby="gestion-service-nouveau">
                <h3 id="gestion-service-nouveau">{move || i18n.t().gestionnaire.nouveau_service}</h3>
                <div class="grille-champs">
                    <ChampTexte
                        id="service-code"
                        champ="code"
                        libelle=|t| t.code_service
                        valeur=code
                        erreurs
                        maxlength=100
                    />
                    <ChampTexte
                        id="service-libelle"
                        champ="libelle"
                        libelle=|t| t.libelle_service
                        valeur=libelle
                        erreurs
                        maxlength=100
                    />
                </div>
                <button type="submit" class="bouton bouton--principal" disabled=move || en_cours.get()>
                    {move || i18n.t().gestionnaire.creer_service}
                </button>
            </form>
        </section>
    }
}

/// The bank accounts: list with deactivation, and the form to add one (IBAN checked as typed).
#[component]
fn Comptes(id: i64) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let version = RwSignal::new(0_u32);
    let annonce: Annonce = RwSignal::new(None);
    let comptes = charger_a_chaque_version(version, move |base| async move {
        api_g::comptes_bancaires(&base, id).await
    });
    let nom = RwSignal::new(String::new());
    let titulaire = RwSignal::new(String::new());
    let iban = RwSignal::new(String::new());
    let iban_quitte = RwSignal::new(false);
    let bic = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let en_cours = RwSignal::new(false);
    let ajouter = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        iban_quitte.set(true);
        let base = reglages.api_base();
        let compte = AjoutCompteBancaire {
            nom: nom.get_untracked(),
            titulaire: titulaire.get_untracked(),
            iban: iban.get_untracked(),
            bic: bic.get_untracked(),
        };
        spawn_local(async move {
            let resultat = api_g::ajouter_compte_bancaire(&base, id, &compte).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            let t = &i18n.t().gestionnaire;
            match resultat {
                Ok(_) => {
                    erreurs.set(Vec::new());
                    for champ in [nom, titulaire, iban, bic] {
                        champ.set(String::new());
                    }
                    iban_quitte.set(false);
                    annonce.set(Some((true, t.compte_ajoute.to_owned())));
                    version.update(|v| *v += 1);
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    erreurs.set(liste);
                    annonce.set(Some((false, t.a_corriger.to_owned())));
                }
                Err(RefusFormulaire::Autre(e)) => annonce.set(Some((false, e.libelle()))),
            }
        });
    };
    let desactiver = move |compte: CompteBancaire| {
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat =
                api_g::desactiver_compte_bancaire(&base, id, compte.id_coordonnee_bancaire).await;
            if annonce.try_get_untracked().is_none() {
                return;
            }
            let t = &i18n.t().gestionnaire;
            match resultat {
                Ok(c) => {
                    let _ = annonce
                        .try_set(Some((true, format!("{} — {}", c.nom, t.compte_desactive))));
                    let _ = version.try_update(|v| *v += 1);
                }
                Err(RefusFormulaire::Autre(e)) => {
                    let _ = annonce.try_set(Some((false, e.libelle())));
                }
                Err(RefusFormulaire::Champs(_)) => {}
            }
        });
    };
    // The IBAN field: live state, then the server's refusals once sent.
    let etat = move || saisie_iban(&iban.get(), iban_quitte.get());
    let messages_iban = move || {
        let t = &i18n.t().gestionnaire;
        let locale = i18n.locale();
        let mut messages: Vec<(&'static str, String)> = match etat() {
            SaisieIban::Vide => Vec::new(),
            SaisieIban::EnCours(saisis, attendu) if attendu > 0 => {
                vec![("message", format!("{saisis} {} {attendu}", t.iban_saisie))]
            }
            SaisieIban::EnCours(..) => Vec::new(),
            SaisieIban::Valide(_) => vec![("message message--ok", t.iban_valide.to_owned())],
            SaisieIban::Invalide(erreur) => {
                let detail = match locale {
                    Locale::Fr => erreur.message_fr(),
                    Locale::En => erreur.message_en(),
                };
                vec![(
                    "message message--bloquant",
                    format!("{} {detail}.", t.iban_invalide),
                )]
            }
        };
        if !matches!(etat(), SaisieIban::Invalide(_)) {
            messages.extend(
                erreurs
                    .with(|e| messages_de(e, "iban", locale))
                    .into_iter()
                    .map(|m| ("message message--bloquant", m)),
            );
        }
        messages
    };
    let iban_en_erreur = move || {
        messages_iban()
            .iter()
            .any(|(classe, _)| classe.contains("bloquant"))
    };
    view! {
        <section class="carte" id="gestion-comptes" aria-labelledby="gestion-comptes-titre">
            <h2 id="gestion-comptes-titre">{move || i18n.t().gestionnaire.comptes_titre}</h2>
            <p class="intro">{move || i18n.t().gestionnaire.comptes_intro}</p>
            {ligne_annonce(annonce)}
            {charge_vue(comptes, move |liste: Vec<CompteBancaire>| {
                let t = &i18n.t().gestionnaire;
                if liste.is_empty() {
                    return view! { <p>{t.comptes_vide}</p> }.into_any();
                }
                view! {
                    <div class="defilement">
                        <table class="tableau">
                            <caption class="visuellement-cache">{t.comptes_titre}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_nom}</th>
                                    <th scope="col">{t.col_titulaire}</th>
                                    <th scope="col">{t.col_iban}</th>
                                    <th scope="col">{t.col_bic}</th>
                                    <th scope="col">{t.col_etat}</th>
                                    <th scope="col">{t.col_action}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {liste
                                    .into_iter()
                                    .map(|c| {
                                        let (badge, etat) = if c.valide {
                                            ("badge badge--ok", t.valide)
                                        } else {
                                            ("badge", t.desactive)
                                        };
                                        let aria = format!("{} — {}", t.desactiver, c.nom);
                                        let compte = c.clone();
                                        view! {
                                            <tr>
                                                <th scope="row">{c.nom.clone()}</th>
                                                <td>{c.titulaire.clone()}</td>
                                                <td class="iban">{iban_saisi_groupe(&c.iban)}</td>
                                                <td>{c.bic.clone()}</td>
                                                <td><span class=badge>{etat}</span></td>
                                                <td>
                                                    {c.valide.then(|| view! {
                                                        <button
                                                            type="button"
                                                            class="bouton bouton--petit"
                                                            aria-label=aria
                                                            on:click=move |_| desactiver(compte.clone())
                                                        >
                                                            {t.desactiver}
                                                        </button>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            })}
            <form class="formulaire-gestion" on:submit=ajouter novalidate aria-labelledby="gestion-compte-nouveau">
                <h3 id="gestion-compte-nouveau">{move || i18n.t().gestionnaire.nouveau_compte}</h3>
                <div class="grille-champs">
                    <ChampTexte id="compte-nom" champ="nom" libelle=|t| t.nom_compte valeur=nom erreurs maxlength=100 />
                    <ChampTexte
                        id="compte-titulaire"
                        champ="titulaire"
                        libelle=|t| t.titulaire
                        valeur=titulaire
                        erreurs
                        maxlength=100
                    />
                    <div class="champ champ--iban" class:champ--bloquant=iban_en_erreur>
                        <label for="compte-iban">{move || i18n.t().gestionnaire.iban}</label>
                        <input
                            id="compte-iban"
                            name="iban"
                            type="text"
                            inputmode="text"
                            autocomplete="off"
                            spellcheck="false"
                            required
                            aria-invalid=move || iban_en_erreur().to_string()
                            aria-describedby="compte-iban-aide compte-iban-messages"
                            prop:value=move || iban.get()
                            on:input=move |ev| {
                                iban.set(iban_saisi_groupe(&event_target_value(&ev)));
                                erreurs.update(|e| e.retain(|x| x.champ != "iban"));
                            }
                            on:blur=move |_| iban_quitte.set(true)
                        />
                        <p class="note" id="compte-iban-aide">{move || i18n.t().gestionnaire.iban_aide}</p>
                        <ul class="messages" id="compte-iban-messages" aria-live="polite">
                            {move || {
                                messages_iban()
                                    .into_iter()
                                    .map(|(classe, m)| view! { <li class=classe>{m}</li> })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                    <ChampTexte id="compte-bic" champ="bic" libelle=|t| t.bic valeur=bic erreurs maxlength=11 />
                </div>
                <button type="submit" class="bouton bouton--principal" disabled=move || en_cours.get()>
                    {move || i18n.t().gestionnaire.ajouter_compte}
                </button>
            </form>
        </section>
    }
}

/// The espaces of the structure with how many users reach each; the gestionnaire principal turns the
/// structure's espaces on and off (the gestionnaires' own stays on).
#[component]
fn Espaces(id: i64, version: RwSignal<u32>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let annonce: Annonce = RwSignal::new(None);
    let espaces = charger_a_chaque_version(version, move |base| async move {
        api_g::espaces(&base, id).await
    });
    let basculer = move |espace: String, actif: bool| {
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_g::changer_espace(&base, id, &espace, !actif).await;
            if annonce.try_get_untracked().is_none() {
                return;
            }
            let t = &i18n.t().gestionnaire;
            match resultat {
                Ok(_) => {
                    let (nom, _) = libelle_espace(t, &espace);
                    let etat = if actif {
                        t.espace_desactive
                    } else {
                        t.espace_active
                    };
                    let _ = annonce.try_set(Some((true, format!("{nom} — {etat}"))));
                    let _ = version.try_update(|v| *v += 1);
                }
                Err(RefusFormulaire::Autre(e)) => {
                    let _ = annonce.try_set(Some((false, e.libelle())));
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    let message = liste
                        .iter()
                        .map(|e| match i18n.locale() {
                            Locale::Fr => e.message_fr.clone(),
                            Locale::En => e.message_en.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    let _ = annonce.try_set(Some((false, message)));
                }
            }
        });
    };
    view! {
        <section class="carte" id="gestion-espaces" aria-labelledby="gestion-espaces-titre">
            <h2 id="gestion-espaces-titre">{move || i18n.t().gestionnaire.espaces_titre}</h2>
            <p class="intro">{move || i18n.t().gestionnaire.espaces_intro}</p>
            {ligne_annonce(annonce)}
            {charge_vue(espaces, move |liste: Vec<EspaceStructure>| {
                let t = &i18n.t().gestionnaire;
                view! {
                    <div class="defilement">
                        <table class="tableau">
                            <caption class="visuellement-cache">{t.espaces_titre}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_espace}</th>
                                    <th scope="col">{t.col_description}</th>
                                    <th scope="col">{t.col_consultation}</th>
                                    <th scope="col">{t.col_modification}</th>
                                    <th scope="col">{t.col_etat}</th>
                                    <th scope="col">{t.col_action}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {liste
                                    .into_iter()
                                    .map(|e| {
                                        let (nom, texte) = libelle_espace(t, &e.espace);
                                        let (badge, etat) = if e.actif {
                                            ("badge badge--ok", t.actif)
                                        } else {
                                            ("badge", t.inactif)
                                        };
                                        // The gestionnaires' own espace cannot be turned off.
                                        let bouton = (e.espace != "ACTIVITES_GESTIONNAIRE").then(|| {
                                            let action = if e.actif { t.desactiver } else { t.activer };
                                            let aria = format!("{action} — {nom}");
                                            let (espace, actif) = (e.espace.clone(), e.actif);
                                            view! {
                                                <button
                                                    type="button"
                                                    class="bouton bouton--petit"
                                                    aria-label=aria
                                                    on:click=move |_| basculer(espace.clone(), actif)
                                                >
                                                    {action}
                                                </button>
                                            }
                                        });
                                        view! {
                                            <tr>
                                                <th scope="row">{nom}</th>
                                                <td>{texte}</td>
                                                <td class="montant">{e.utilisateurs_consultation}</td>
                                                <td class="montant">{e.utilisateurs_modification}</td>
                                                <td><span class=badge>{etat}</span></td>
                                                <td>{bouton}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
        </section>
    }
}
