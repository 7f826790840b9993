//! Créer une nouvelle structure (by identifier type, pre-filled from the company register for a SIRET)
//! and Rattacher mon compte à une structure (by identifier, or found by name, with a comment).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::compte::{
    self as api_compte, CreationStructure, DemandeRattachement, StructureCreee, StructureTrouvee,
};
use crate::api::{ErreurChamp, RefusFormulaire};
use crate::app::Reglages;
use crate::components::formulaire::{messages_du_champ, ChampTexte};
use crate::components::garde::Protege;
use crate::i18n::{I18n, Structures as TextesStructures};

/// A label of this screen.
type Libelle = fn(&TextesStructures) -> &'static str;

/// Identifier types with their labels, in the portal's order.
const TYPES_IDENTIFIANT: [(&str, Libelle); 7] = [
    ("SIRET", |t| t.type_siret),
    ("UE_HORS_FRANCE", |t| t.type_ue),
    ("HORS_UE", |t| t.type_hors_ue),
    ("RIDET", |t| t.type_ridet),
    ("TAHITI", |t| t.type_tahiti),
    ("PARTICULIER", |t| t.type_particulier),
    ("AUTRE", |t| t.type_autre),
];

/// The identifier type choice, shared by both forms.
#[component]
fn ChoixTypeIdentifiant(
    #[prop(into)] id: String,
    valeur: RwSignal<String>,
    erreurs: RwSignal<Vec<ErreurChamp>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let id_messages = format!("{id}-messages");
    view! {
        <div class="champ">
            <label for=id.clone()>{move || i18n.t().structures.type_identifiant}</label>
            <select
                id=id
                name="typeIdentifiant"
                aria-describedby=id_messages.clone()
                prop:value=move || valeur.get()
                on:change=move |ev| valeur.set(event_target_value(&ev))
            >
                {TYPES_IDENTIFIANT
                    .into_iter()
                    .map(|(code, libelle)| {
                        view! {
                            <option value=code selected=move || valeur.with(|v| v == code)>
                                {move || libelle(&i18n.t().structures)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <ul id=id_messages class="messages">
                {move || {
                    messages_du_champ(erreurs, "typeIdentifiant")
                        .into_iter()
                        .map(|m| view! { <li class="message message--bloquant">{m}</li> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// What the register said about the typed SIRET.
#[derive(Debug, Clone, PartialEq)]
enum Registre {
    /// Found; the form was filled in.
    Trouve,
    /// Not in the register.
    Inconnu,
    /// Already a structure: ask for a rattachement instead.
    DejaStructure(String),
    /// The register could not be read.
    Erreur(String),
}

/// Créer une nouvelle structure.
#[component]
pub fn NouvelleStructure() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let type_identifiant = RwSignal::new("SIRET".to_owned());
    let identifiant = RwSignal::new(String::new());
    let code_pays = RwSignal::new(String::new());
    let raison_sociale = RwSignal::new(String::new());
    let adresse = RwSignal::new(String::new());
    let code_postal = RwSignal::new(String::new());
    let ville = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let registre = RwSignal::new(None::<Registre>);
    let message = RwSignal::new(None::<String>);
    let creee = RwSignal::new(None::<StructureCreee>);
    let en_cours = RwSignal::new(false);

    let est_siret = move || type_identifiant.with(|t| t == "SIRET");
    let est_particulier = move || type_identifiant.with(|t| t == "PARTICULIER");
    let demande_pays = move || type_identifiant.with(|t| matches!(t.as_str(), "HORS_UE" | "AUTRE"));

    let lire_registre = move |_| {
        let siret = identifiant.get_untracked();
        let base = reglages.api_base();
        registre.set(None);
        spawn_local(async move {
            let resultat = api_compte::registre(&base, &siret).await;
            let etat = match resultat {
                Ok(Some(entreprise)) => {
                    if entreprise.id_structure_cpp.is_some() {
                        Registre::DejaStructure(entreprise.siret)
                    } else {
                        let _ = raison_sociale.try_set(entreprise.raison_sociale);
                        let _ = adresse.try_set(entreprise.adresse);
                        let _ = code_postal.try_set(entreprise.code_postal);
                        let _ = ville.try_set(entreprise.ville);
                        let _ = identifiant.try_set(entreprise.siret);
                        Registre::Trouve
                    }
                }
                Ok(None) => Registre::Inconnu,
                Err(RefusFormulaire::Champs(liste)) => {
                    let _ = erreurs.try_set(
                        liste
                            .into_iter()
                            .map(|mut e| {
                                e.champ = "identifiant".into();
                                e
                            })
                            .collect(),
                    );
                    return;
                }
                Err(RefusFormulaire::Autre(e)) => Registre::Erreur(e.libelle()),
            };
            let _ = erreurs.try_set(Vec::new());
            let _ = registre.try_set(Some(etat));
        });
    };

    let creer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let structure = CreationStructure {
            type_identifiant: type_identifiant.get_untracked(),
            identifiant: identifiant.get_untracked(),
            raison_sociale: raison_sociale.get_untracked(),
            adresse: adresse.get_untracked(),
            code_postal: code_postal.get_untracked(),
            ville: ville.get_untracked(),
            code_pays: code_pays.get_untracked(),
        };
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_compte::creer_structure(&base, &structure).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(s) => {
                    erreurs.set(Vec::new());
                    creee.set(Some(s));
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    erreurs.set(liste);
                    message.set(Some(i18n.t().structures.a_corriger.to_owned()));
                }
                Err(RefusFormulaire::Autre(e)) => message.set(Some(e.libelle())),
            }
        });
    };

    let formulaire = move || {
        view! {
            <p class="intro">{move || i18n.t().structures.creer_intro}</p>
            <form class="carte" on:submit=creer novalidate>
                <div class="grille-champs">
                    <ChoixTypeIdentifiant id="structure-type" valeur=type_identifiant erreurs />
                    <Show when=move || !est_particulier()>
                        <ChampTexte
                            id="structure-identifiant"
                            champ="identifiant"
                            libelle=Signal::derive(move || i18n.t().structures.identifiant)
                            valeur=identifiant
                            erreurs
                            requis=true
                            aide=Signal::derive(move || {
                                if est_siret() { i18n.t().structures.identifiant_aide_siret } else { "" }
                            })
                        />
                    </Show>
                    <Show when=demande_pays>
                        <ChampTexte
                            id="structure-pays"
                            champ="codePays"
                            libelle=Signal::derive(move || i18n.t().structures.code_pays)
                            valeur=code_pays
                            erreurs
                            autocomplete="country"
                            requis=true
                        />
                    </Show>
                </div>
                <Show when=est_siret>
                    <div class="actions">
                        <button type="button" class="bouton bouton--neutre" on:click=lire_registre>
                            {move || i18n.t().structures.rechercher_registre}
                        </button>
                    </div>
                    <div role="status" aria-live="polite">
                        {move || match registre.get() {
                            None => ().into_any(),
                            Some(Registre::Trouve) => {
                                view! { <p class="resume resume--ok">{i18n.t().structures.registre_trouve}</p> }
                                    .into_any()
                            }
                            Some(Registre::Inconnu) => {
                                view! { <p class="resume resume--info">{i18n.t().structures.registre_inconnu}</p> }
                                    .into_any()
                            }
                            Some(Registre::DejaStructure(siret)) => {
                                let lien = format!("/mon-compte/rattachement?identifiant={siret}");
                                view! {
                                    <p class="resume resume--bloquant">
                                        {i18n.t().structures.deja_structure} " "
                                        <A href=lien>{i18n.t().structures.demander_rattachement}</A>
                                    </p>
                                }
                                    .into_any()
                            }
                            Some(Registre::Erreur(m)) => view! { <p class="erreur">{m}</p> }.into_any(),
                        }}
                    </div>
                </Show>
                <div class="grille-champs">
                    <ChampTexte
                        id="structure-raison-sociale"
                        champ="raisonSociale"
                        libelle=Signal::derive(move || {
                            if est_particulier() {
                                i18n.t().structures.nom_particulier
                            } else {
                                i18n.t().structures.raison_sociale
                            }
                        })
                        valeur=raison_sociale
                        erreurs
                        autocomplete="organization"
                        requis=true
                    />
                    <ChampTexte
                        id="structure-adresse"
                        champ="adresse"
                        libelle=Signal::derive(move || i18n.t().structures.adresse)
                        valeur=adresse
                        erreurs
                        autocomplete="street-address"
                        requis=true
                    />
                    <ChampTexte
                        id="structure-code-postal"
                        champ="codePostal"
                        libelle=Signal::derive(move || i18n.t().structures.code_postal)
                        valeur=code_postal
                        erreurs
                        autocomplete="postal-code"
                        requis=true
                    />
                    <ChampTexte
                        id="structure-ville"
                        champ="ville"
                        libelle=Signal::derive(move || i18n.t().structures.ville)
                        valeur=ville
                        erreurs
                        autocomplete="address-level2"
                        requis=true
                    />
                </div>
                <div class="message-formulaire" role="alert">
                    {move || message.get().map(|m| view! { <p class="erreur">{m}</p> })}
                </div>
                <button
                    type="submit"
                    class="bouton bouton--principal"
                    aria-disabled=move || en_cours.get().to_string()
                >
                    {move || i18n.t().structures.creer}
                </button>
            </form>
        }
    };

    view! {
        <Protege>
            <h1>{move || i18n.t().structures.creer_titre}</h1>
            {move || match creee.get() {
                None => formulaire().into_any(),
                Some(s) => {
                    view! {
                        <div class="carte" role="status">
                            <p class="resume resume--ok">
                                {i18n.t().structures.cree} " " <strong>{s.raison_sociale}</strong> " ("
                                {s.identifiant} ")"
                            </p>
                            <p class="actions">
                                <A href="/factures-emises/deposer" attr:class="bouton bouton--principal">
                                    {i18n.t().structures.deposer}
                                </A>
                                <A href="/mon-compte" attr:class="bouton bouton--neutre">
                                    {i18n.t().structures.mon_compte}
                                </A>
                            </p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </Protege>
    }
}

/// Rattacher mon compte à une structure.
#[component]
pub fn Rattachement() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let query = use_query_map();
    let type_identifiant = RwSignal::new(
        query
            .with_untracked(|q| q.get("type"))
            .filter(|t| TYPES_IDENTIFIANT.iter().any(|(code, _)| code == t))
            .unwrap_or_else(|| "SIRET".to_owned()),
    );
    let identifiant =
        RwSignal::new(query.with_untracked(|q| q.get("identifiant").unwrap_or_default()));
    let commentaire = RwSignal::new(String::new());
    let recherche = RwSignal::new(String::new());
    let trouvees = RwSignal::new(None::<Vec<StructureTrouvee>>);
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let erreurs_recherche = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(None::<String>);
    let envoyee = RwSignal::new(false);
    let en_cours = RwSignal::new(false);
    let champ_identifiant = NodeRef::<leptos::html::Input>::new();

    let chercher = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let texte = recherche.get_untracked();
        let base = reglages.api_base();
        spawn_local(async move {
            match api_compte::rechercher_structures(&base, &texte).await {
                Ok(liste) => {
                    let _ = erreurs_recherche.try_set(Vec::new());
                    let _ = trouvees.try_set(Some(liste));
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    let _ = erreurs_recherche.try_set(liste);
                    let _ = trouvees.try_set(None);
                }
                Err(RefusFormulaire::Autre(e)) => {
                    let _ = message.try_set(Some(e.libelle()));
                }
            }
        });
    };
    let choisir = move |s: StructureTrouvee| {
        type_identifiant.set(s.type_identifiant);
        identifiant.set(s.identifiant);
        if let Some(champ) = champ_identifiant.get_untracked() {
            let _ = champ.focus();
        }
    };

    let envoyer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let demande = DemandeRattachement {
            type_identifiant: type_identifiant.get_untracked(),
            identifiant: identifiant.get_untracked(),
            commentaire: commentaire.get_untracked(),
        };
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_compte::demander_rattachement(&base, &demande).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(()) => envoyee.set(true),
                Err(RefusFormulaire::Champs(liste)) => {
                    erreurs.set(liste);
                    message.set(Some(i18n.t().structures.a_corriger.to_owned()));
                }
                Err(RefusFormulaire::Autre(e)) => message.set(Some(e.libelle())),
            }
        });
    };

    let formulaires = move || {
        view! {
            <p class="intro">{move || i18n.t().structures.rattacher_intro}</p>
            <form class="carte" role="search" on:submit=chercher novalidate>
                <ChampTexte
                    id="rattachement-recherche"
                    champ="raisonSociale"
                    libelle=Signal::derive(move || i18n.t().structures.chercher_nom)
                    valeur=recherche
                    erreurs=erreurs_recherche
                    autocomplete="organization"
                />
                <button type="submit" class="bouton bouton--neutre">
                    {move || i18n.t().structures.chercher}
                </button>
                <div role="status" aria-live="polite" class="resultats">
                    {move || match trouvees.get() {
                        None => ().into_any(),
                        Some(liste) if liste.is_empty() => {
                            view! { <p>{i18n.t().structures.recherche_vide}</p> }.into_any()
                        }
                        Some(liste) => {
                            view! {
                                <h2 class="visuellement-cache">{i18n.t().structures.resultats}</h2>
                                <ul class="resultats-structures">
                                    {liste
                                        .into_iter()
                                        .map(|s| {
                                            let nom = s.raison_sociale.clone();
                                            let detail = format!(
                                                "{} · {} {}",
                                                s.identifiant,
                                                s.code_postal,
                                                s.ville,
                                            );
                                            let aria = format!("{} {nom}", i18n.t().structures.choisir);
                                            view! {
                                                <li>
                                                    <span>
                                                        <strong>{nom}</strong>
                                                        <span class="detail">{detail}</span>
                                                    </span>
                                                    <button
                                                        type="button"
                                                        class="bouton bouton--petit"
                                                        aria-label=aria
                                                        on:click=move |_| choisir(s.clone())
                                                    >
                                                        {i18n.t().structures.choisir}
                                                    </button>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }}
                </div>
            </form>
            <form class="carte" on:submit=envoyer novalidate>
                <div class="grille-champs">
                    <ChoixTypeIdentifiant id="rattachement-type" valeur=type_identifiant erreurs />
                    <ChampTexte
                        id="rattachement-identifiant"
                        champ="identifiant"
                        libelle=Signal::derive(move || i18n.t().structures.identifiant)
                        valeur=identifiant
                        erreurs
                        requis=true
                        node_ref=champ_identifiant
                    />
                </div>
                <div class="champ">
                    <label for="rattachement-commentaire">
                        {move || i18n.t().structures.commentaire}
                    </label>
                    <textarea
                        id="rattachement-commentaire"
                        name="commentaire"
                        rows="3"
                        maxlength="1000"
                        aria-describedby="rattachement-commentaire-messages"
                        prop:value=move || commentaire.get()
                        on:input=move |ev| commentaire.set(event_target_value(&ev))
                    ></textarea>
                    <ul id="rattachement-commentaire-messages" class="messages">
                        <li class="message message--aide">
                            {move || i18n.t().structures.commentaire_aide}
                        </li>
                        {move || {
                            messages_du_champ(erreurs, "commentaire")
                                .into_iter()
                                .map(|m| view! { <li class="message message--bloquant">{m}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
                <div class="message-formulaire" role="alert">
                    {move || message.get().map(|m| view! { <p class="erreur">{m}</p> })}
                </div>
                <button
                    type="submit"
                    class="bouton bouton--principal"
                    aria-disabled=move || en_cours.get().to_string()
                >
                    {move || i18n.t().structures.envoyer_demande}
                </button>
            </form>
        }
    };

    view! {
        <Protege>
            <h1>{move || i18n.t().structures.rattacher_titre}</h1>
            <Show
                when=move || !envoyee.get()
                fallback=move || {
                    view! {
                        <div class="carte" role="status">
                            <p class="resume resume--ok">{move || i18n.t().structures.demande_envoyee}</p>
                            <p>
                                <A href="/mon-compte">{move || i18n.t().structures.mon_compte}</A>
                            </p>
                        </div>
                    }
                }
            >
                {formulaires}
            </Show>
        </Protege>
    }
}
