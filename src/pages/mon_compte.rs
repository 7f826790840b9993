//! Mon compte: personal data and preferences, password, authentication factors (authenticator
//! application with its QR code), structures with the rights per espace, rattachement requests.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::compte::{self as api_compte, Demande, Enrolement, HabilitationStructure, Profil};
use crate::api::{ErreurChamp, RefusFormulaire, Utilisateur};
use crate::app::{enregistrer_langue, Reglages};
use crate::components::formulaire::ChampTexte;
use crate::components::garde::Protege;
use crate::i18n::{I18n, Locale};
use crate::state::session::{EtatSession, Session};

/// The Mon compte screen.
#[component]
pub fn MonCompte() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let profil = RwSignal::new(None::<Result<Profil, String>>);
    let base = reglages.api_base();
    spawn_local(async move {
        let lu = api_compte::profil(&base).await.map_err(|e| e.libelle());
        let _ = profil.try_set(Some(lu));
    });
    view! {
        <Protege>
            <h1>{move || i18n.t().mon_compte.titre}</h1>
            <p class="intro">{move || i18n.t().mon_compte.intro}</p>
            {move || match profil.get() {
                None => view! { <p role="status">{i18n.t().mon_compte.chargement}</p> }.into_any(),
                Some(Err(m)) => {
                    view! {
                        <p class="erreur" role="alert">
                            {i18n.t().mon_compte.erreur_chargement} " " {m}
                        </p>
                    }
                        .into_any()
                }
                Some(Ok(lu)) => {
                    let second_facteur = RwSignal::new(lu.second_facteur.clone());
                    view! {
                        <DonneesPersonnelles profil=lu />
                        <MotDePasse />
                        <Facteurs second_facteur />
                        <StructuresEtDemandes />
                    }
                        .into_any()
                }
            }}
        </Protege>
    }
}

/// Personal data and preferences.
#[component]
fn DonneesPersonnelles(profil: Profil) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let session = Session::expect_context();
    let prenom = RwSignal::new(profil.prenom.clone());
    let nom = RwSignal::new(profil.nom.clone());
    let telephone = RwSignal::new(profil.telephone.clone());
    let email_contact = RwSignal::new(profil.email_contact.clone());
    let langue = RwSignal::new(if profil.langue.is_empty() {
        i18n.locale().tag().to_owned()
    } else {
        profil.langue.clone()
    });
    let notifications = RwSignal::new(profil.notifications);
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(None::<Result<&'static str, String>>);
    let en_cours = RwSignal::new(false);

    let enregistrer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let modification = api_compte::ModificationProfil {
            nom: nom.get_untracked(),
            prenom: prenom.get_untracked(),
            telephone: telephone.get_untracked(),
            email_contact: email_contact.get_untracked(),
            langue: langue.get_untracked(),
            notifications: notifications.get_untracked(),
        };
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_compte::modifier_profil(&base, &modification).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(nouveau) => {
                    erreurs.set(Vec::new());
                    if let Some(locale) = Locale::from_tag(&nouveau.langue) {
                        i18n.set_locale(locale);
                        enregistrer_langue(locale);
                    }
                    if let EtatSession::Connecte(u) = session.etat_untracked() {
                        session.set(EtatSession::Connecte(Utilisateur {
                            nom: nouveau.nom.clone(),
                            prenom: nouveau.prenom.clone(),
                            langue: Some(nouveau.langue.clone()),
                            ..u
                        }));
                    }
                    message.set(Some(Ok(i18n.t().mon_compte.enregistre)));
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    erreurs.set(liste);
                    message.set(Some(Ok(i18n.t().mon_compte.a_corriger)));
                }
                Err(RefusFormulaire::Autre(e)) => message.set(Some(Err(e.libelle()))),
            }
        });
    };
    let email = profil.email.clone();
    view! {
        <section class="carte" aria-labelledby="donnees-titre">
            <h2 id="donnees-titre">{move || i18n.t().mon_compte.donnees_titre}</h2>
            <form on:submit=enregistrer novalidate>
                <div class="champ">
                    <span class="champ__libelle" id="compte-email-libelle">
                        {move || i18n.t().mon_compte.email_connexion}
                    </span>
                    <p class="champ__lecture" aria-labelledby="compte-email-libelle" aria-describedby="compte-email-aide">
                        {email}
                    </p>
                    <p id="compte-email-aide" class="message message--aide">
                        {move || i18n.t().mon_compte.email_connexion_aide}
                    </p>
                </div>
                <div class="grille-champs">
                    <ChampTexte
                        id="compte-prenom"
                        champ="prenom"
                        libelle=Signal::derive(move || i18n.t().mon_compte.prenom)
                        valeur=prenom
                        erreurs
                        autocomplete="given-name"
                        requis=true
                    />
                    <ChampTexte
                        id="compte-nom"
                        champ="nom"
                        libelle=Signal::derive(move || i18n.t().mon_compte.nom)
                        valeur=nom
                        erreurs
                        autocomplete="family-name"
                        requis=true
                    />
                    <ChampTexte
                        id="compte-telephone"
                        champ="telephone"
                        libelle=Signal::derive(move || i18n.t().mon_compte.telephone)
                        valeur=telephone
                        erreurs
                        type_champ="tel"
                        autocomplete="tel"
                        aide=Signal::derive(move || i18n.t().mon_compte.telephone_aide)
                    />
                    <ChampTexte
                        id="compte-email-contact"
                        champ="emailContact"
                        libelle=Signal::derive(move || i18n.t().mon_compte.email_contact)
                        valeur=email_contact
                        erreurs
                        type_champ="email"
                        autocomplete="email"
                        requis=true
                    />
                    <div class="champ">
                        <label for="compte-langue">{move || i18n.t().mon_compte.langue}</label>
                        <select
                            id="compte-langue"
                            name="langue"
                            prop:value=move || langue.get()
                            on:change=move |ev| langue.set(event_target_value(&ev))
                        >
                            <option value="fr" lang="fr">{move || i18n.t().mon_compte.langue_fr}</option>
                            <option value="en" lang="en">{move || i18n.t().mon_compte.langue_en}</option>
                        </select>
                    </div>
                </div>
                <div class="champ">
                    <label class="case">
                        <input
                            type="checkbox"
                            name="notifications"
                            aria-describedby="compte-notifications-aide"
                            prop:checked=move || notifications.get()
                            on:change=move |ev| notifications.set(event_target_checked(&ev))
                        />
                        {move || i18n.t().mon_compte.notifications}
                    </label>
                    <p id="compte-notifications-aide" class="message message--aide">
                        {move || i18n.t().mon_compte.notifications_aide}
                    </p>
                </div>
                <Message message />
                <button
                    type="submit"
                    class="bouton bouton--principal"
                    aria-disabled=move || en_cours.get().to_string()
                >
                    {move || i18n.t().mon_compte.enregistrer}
                </button>
            </form>
        </section>
    }
}

/// A form's outcome: `Ok` is a status (saved, or fields to correct), `Err` an error.
#[component]
fn Message(message: RwSignal<Option<Result<&'static str, String>>>) -> impl IntoView {
    view! {
        <div class="message-formulaire" role="status" aria-live="polite">
            {move || match message.get() {
                Some(Ok(texte)) => view! { <p class="resume resume--info">{texte}</p> }.into_any(),
                Some(Err(texte)) => view! { <p class="erreur" role="alert">{texte}</p> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

/// Password change: current, new (rules shown live), new again.
#[component]
fn MotDePasse() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let actuel = RwSignal::new(String::new());
    let nouveau = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(None::<Result<&'static str, String>>);
    let en_cours = RwSignal::new(false);

    let changer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        message.set(None);
        if nouveau.get_untracked() != confirmation.get_untracked() {
            erreurs.set(vec![ErreurChamp {
                champ: "confirmation".into(),
                message_fr: crate::i18n::Locale::Fr
                    .textes()
                    .mon_compte
                    .confirmation_differente
                    .into(),
                message_en: crate::i18n::Locale::En
                    .textes()
                    .mon_compte
                    .confirmation_differente
                    .into(),
            }]);
            message.set(Some(Ok(i18n.t().mon_compte.a_corriger)));
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        let (a, n) = (actuel.get_untracked(), nouveau.get_untracked());
        spawn_local(async move {
            let resultat = api_compte::changer_mot_de_passe(&base, &a, &n).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(()) => {
                    erreurs.set(Vec::new());
                    actuel.set(String::new());
                    nouveau.set(String::new());
                    confirmation.set(String::new());
                    message.set(Some(Ok(i18n.t().mon_compte.mot_de_passe_change)));
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    erreurs.set(liste);
                    message.set(Some(Ok(i18n.t().mon_compte.a_corriger)));
                }
                Err(RefusFormulaire::Autre(e)) => message.set(Some(Err(e.libelle()))),
            }
        });
    };
    view! {
        <section class="carte" aria-labelledby="mot-de-passe-titre">
            <h2 id="mot-de-passe-titre">{move || i18n.t().mon_compte.mot_de_passe_titre}</h2>
            <form on:submit=changer novalidate>
                <div class="grille-champs">
                    <ChampTexte
                        id="compte-mot-de-passe-actuel"
                        champ="motDePasseActuel"
                        libelle=Signal::derive(move || i18n.t().mon_compte.mot_de_passe_actuel)
                        valeur=actuel
                        erreurs
                        type_champ="password"
                        autocomplete="current-password"
                        requis=true
                    />
                    <div>
                        <ChampTexte
                            id="compte-nouveau-mot-de-passe"
                            champ="nouveauMotDePasse"
                            libelle=Signal::derive(move || i18n.t().mon_compte.nouveau_mot_de_passe)
                            valeur=nouveau
                            erreurs
                            type_champ="password"
                            autocomplete="new-password"
                            requis=true
                        />
                        <ul class="messages">
                            <crate::pages::compte::ReglesMotDePasse mot_de_passe=nouveau />
                        </ul>
                    </div>
                    <ChampTexte
                        id="compte-confirmation-mot-de-passe"
                        champ="confirmation"
                        libelle=Signal::derive(move || i18n.t().mon_compte.confirmation_mot_de_passe)
                        valeur=confirmation
                        erreurs
                        type_champ="password"
                        autocomplete="new-password"
                        requis=true
                    />
                </div>
                <Message message />
                <button
                    type="submit"
                    class="bouton bouton--principal"
                    aria-disabled=move || en_cours.get().to_string()
                >
                    {move || i18n.t().mon_compte.changer_mot_de_passe}
                </button>
            </form>
        </section>
    }
}

/// Authentication factors: the one in use, adding an authenticator application, removing it.
#[component]
fn Facteurs(second_facteur: RwSignal<String>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let enrolement = RwSignal::new(None::<Enrolement>);
    let retrait = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let mot_de_passe = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(None::<Result<&'static str, String>>);
    let en_cours = RwSignal::new(false);
    let champ_code = NodeRef::<leptos::html::Input>::new();
    let champ_mot_de_passe = NodeRef::<leptos::html::Input>::new();
    let bouton_ajouter = NodeRef::<leptos::html::Button>::new();

    // The first field of a step that opens gets the focus.
    Effect::new(move |_| {
        if enrolement.with(Option::is_some) {
            if let Some(champ) = champ_code.get() {
                let _ = champ.focus();
            }
        }
    });
    Effect::new(move |_| {
        if retrait.get() {
            if let Some(champ) = champ_mot_de_passe.get() {
                let _ = champ.focus();
            }
        }
    });

    let ajouter = move |_| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_compte::enroler_totp(&base).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(e) => {
                    code.set(String::new());
                    erreurs.set(Vec::new());
                    enrolement.set(Some(e));
                }
                Err(e) => message.set(Some(Err(e.libelle()))),
            }
        });
    };
    let annuler = move |_| {
        enrolement.set(None);
        retrait.set(false);
        erreurs.set(Vec::new());
        message.set(None);
        if let Some(bouton) = bouton_ajouter.get_untracked() {
            let _ = bouton.focus();
        }
    };
    let confirmer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let base = reglages.api_base();
        let saisi: String = code.get_untracked().split_whitespace().collect();
        spawn_local(async move {
            let resultat = api_compte::confirmer_totp(&base, &saisi).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(()) => {
                    enrolement.set(None);
                    erreurs.set(Vec::new());
                    second_facteur.set("TOTP".into());
                    message.set(Some(Ok(i18n.t().mon_compte.application_ajoutee)));
                }
                Err(RefusFormulaire::Champs(liste)) => erreurs.set(liste),
                Err(RefusFormulaire::Autre(e)) => {
                    // 409: too many wrong codes, the enrolment is dropped.
                    enrolement.set(None);
                    message.set(Some(Err(e.libelle())));
                }
            }
        });
    };
    let retirer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let base = reglages.api_base();
        let mdp = mot_de_passe.get_untracked();
        spawn_local(async move {
            let resultat = api_compte::supprimer_totp(&base, &mdp).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(profil) => {
                    retrait.set(false);
                    mot_de_passe.set(String::new());
                    erreurs.set(Vec::new());
                    second_facteur.set(profil.second_facteur);
                    message.set(Some(Ok(i18n.t().mon_compte.application_retiree)));
                }
                Err(RefusFormulaire::Champs(liste)) => erreurs.set(liste),
                Err(RefusFormulaire::Autre(e)) => message.set(Some(Err(e.libelle()))),
            }
        });
    };

    let etat = move || match second_facteur.get().as_str() {
        "TOTP" => i18n.t().mon_compte.facteur_totp,
        "EMAIL" => i18n.t().mon_compte.facteur_email,
        _ => i18n.t().mon_compte.facteur_aucun,
    };
    let totp = move || second_facteur.with(|f| f == "TOTP");
    view! {
        <section class="carte" aria-labelledby="facteurs-titre">
            <h2 id="facteurs-titre">{move || i18n.t().mon_compte.facteurs_titre}</h2>
            <p>{etat}</p>
            <Message message />
            {move || match enrolement.get() {
                Some(e) => {
                    let cle = portail::par_groupes_de_quatre(&e.secret);
                    view! {
                        <form class="enrolement" on:submit=confirmer novalidate>
                            <p>{i18n.t().mon_compte.etape_scanner}</p>
                            <img
                                class="enrolement__qr"
                                src=portail::svg_en_url_data(&e.qr_svg)
                                alt=i18n.t().mon_compte.qr_alt
                                width="200"
                                height="200"
                            />
                            <p>
                                {i18n.t().mon_compte.etape_cle} " "
                                <code class="enrolement__cle" translate="no">{cle}</code>
                            </p>
                            <p>{i18n.t().mon_compte.etape_code}</p>
                            <ChampTexte
                                id="compte-code-totp"
                                champ="code"
                                libelle=Signal::derive(move || i18n.t().mon_compte.code)
                                valeur=code
                                erreurs
                                autocomplete="one-time-code"
                                inputmode="numeric"
                                requis=true
                                node_ref=champ_code
                            />
                            <div class="actions">
                                <button
                                    type="submit"
                                    class="bouton bouton--principal"
                                    aria-disabled=move || en_cours.get().to_string()
                                >
                                    {i18n.t().mon_compte.confirmer_application}
                                </button>
                                <button type="button" class="bouton bouton--neutre" on:click=annuler>
                                    {i18n.t().mon_compte.annuler}
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
                None if retrait.get() => {
                    view! {
                        <form class="enrolement" on:submit=retirer novalidate>
                            <p>{i18n.t().mon_compte.retirer_aide}</p>
                            <ChampTexte
                                id="compte-mot-de-passe-retrait"
                                champ="motDePasse"
                                libelle=Signal::derive(move || i18n.t().mon_compte.mot_de_passe)
                                valeur=mot_de_passe
                                erreurs
                                type_champ="password"
                                autocomplete="current-password"
                                requis=true
                                node_ref=champ_mot_de_passe
                            />
                            <div class="actions">
                                <button
                                    type="submit"
                                    class="bouton bouton--secondaire"
                                    aria-disabled=move || en_cours.get().to_string()
                                >
                                    {i18n.t().mon_compte.confirmer_retrait}
                                </button>
                                <button type="button" class="bouton bouton--neutre" on:click=annuler>
                                    {i18n.t().mon_compte.annuler}
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <Show
                            when=totp
                            fallback=move || {
                                view! {
                                    <button
                                        type="button"
                                        class="bouton bouton--principal"
                                        node_ref=bouton_ajouter
                                        aria-disabled=move || en_cours.get().to_string()
                                        on:click=ajouter
                                    >
                                        {move || i18n.t().mon_compte.ajouter_application}
                                    </button>
                                }
                            }
                        >
                            <button
                                type="button"
                                class="bouton bouton--secondaire"
                                on:click=move |_| {
                                    message.set(None);
                                    retrait.set(true);
                                }
                            >
                                {move || i18n.t().mon_compte.retirer_application}
                            </button>
                        </Show>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The label of a role.
fn libelle_role(role: &str, t: &crate::i18n::MonCompte) -> &'static str {
    match role {
        "GESTIONNAIRE_PRINCIPAL" => t.role_principal,
        "GESTIONNAIRE" => t.role_gestionnaire,
        _ => t.role_utilisateur,
    }
}

/// The label of the rights on one espace.
fn libelle_droit(
    structure: &HabilitationStructure,
    espace: &str,
    t: &crate::i18n::MonCompte,
) -> &'static str {
    match structure.espaces.iter().find(|d| d.espace == espace) {
        Some(d) if d.modification => t.droit_modification,
        Some(d) if d.consultation => t.droit_consultation,
        _ => t.droit_aucun,
    }
}

/// The column title of an espace.
type TitreEspace = fn(&crate::i18n::Textes) -> &'static str;

/// The espaces of the habilitations table, with their column titles.
const ESPACES: [(&str, TitreEspace); 3] = [
    ("FACTURES_EMISES", |t| t.shell.factures_emises),
    ("SOLLICITATIONS", |t| t.shell.sollicitations),
    ("ACTIVITES_GESTIONNAIRE", |t| t.shell.activites_gestionnaire),
];

/// My structures with the rights per espace, and my rattachement requests.
#[component]
fn StructuresEtDemandes() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let structures = RwSignal::new(None::<Result<Vec<HabilitationStructure>, String>>);
    let demandes = RwSignal::new(None::<Result<Vec<Demande>, String>>);
    let base = reglages.api_base();
    spawn_local(async move {
        let h = api_compte::habilitations(&base)
            .await
            .map_err(|e| e.libelle());
        let _ = structures.try_set(Some(h));
        let d = api_compte::mes_demandes(&base)
            .await
            .map_err(|e| e.libelle());
        let _ = demandes.try_set(Some(d));
    });
    let liens = move || {
        view! {
            <p class="actions">
                <A href="/mon-compte/nouvelle-structure" attr:class="bouton bouton--neutre">
                    {move || i18n.t().mon_compte.creer_structure}
                </A>
                <A href="/mon-compte/rattachement" attr:class="bouton bouton--neutre">
                    {move || i18n.t().mon_compte.rattacher}
                </A>
            </p>
        }
    };
    view! {
        <section class="carte" aria-labelledby="structures-titre">
            <h2 id="structures-titre">{move || i18n.t().mon_compte.structures_titre}</h2>
            {move || match structures.get() {
                None => view! { <p role="status">{i18n.t().mon_compte.chargement}</p> }.into_any(),
                Some(Err(m)) => view! { <p class="erreur" role="alert">{m}</p> }.into_any(),
                Some(Ok(liste)) if liste.is_empty() => {
                    view! { <p>{i18n.t().mon_compte.structures_vide}</p> }.into_any()
                }
                Some(Ok(liste)) => {
                    let t = &i18n.t().mon_compte;
                    let textes = i18n.t();
                    view! {
                        <div class="defilement">
                            <table class="tableau">
                                <caption class="visuellement-cache">{t.structures_legende}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t.col_structure}</th>
                                        <th scope="col">{t.col_role}</th>
                                        {ESPACES
                                            .iter()
                                            .map(|(_, titre)| view! { <th scope="col">{titre(textes)}</th> })
                                            .collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {liste
                                        .into_iter()
                                        .map(|s| {
                                            let droits = ESPACES
                                                .iter()
                                                .map(|(espace, _)| view! { <td>{libelle_droit(&s, espace, t)}</td> })
                                                .collect_view();
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        {s.raison_sociale.clone()}
                                                        <span class="detail">{s.identifiant.clone()}</span>
                                                    </th>
                                                    <td>{libelle_role(&s.role, t)}</td>
                                                    {droits}
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                }
            }}
            {liens}
        </section>
        <section class="carte" aria-labelledby="demandes-titre">
            <h2 id="demandes-titre">{move || i18n.t().mon_compte.demandes_titre}</h2>
            {move || match demandes.get() {
                None => ().into_any(),
                Some(Err(m)) => view! { <p class="erreur" role="alert">{m}</p> }.into_any(),
                Some(Ok(liste)) if liste.is_empty() => {
                    view! { <p>{i18n.t().mon_compte.demandes_vide}</p> }.into_any()
                }
                Some(Ok(liste)) => {
                    let t = &i18n.t().mon_compte;
                    view! {
                        <div class="defilement">
                            <table class="tableau">
                                <caption class="visuellement-cache">{t.demandes_legende}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t.col_date}</th>
                                        <th scope="col">{t.col_structure}</th>
                                        <th scope="col">{t.col_statut}</th>
                                        <th scope="col">{t.col_detail}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {liste.into_iter().map(|d| view! { <LigneDemande demande=d /> }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// One rattachement request of the user.
#[component]
fn LigneDemande(demande: Demande) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().mon_compte;
    let (statut, classe) = match demande.statut.as_str() {
        "ACCEPTEE" => (t.statut_acceptee, "etiquette etiquette--ok"),
        "REFUSEE" => (t.statut_refusee, "etiquette etiquette--bloquant"),
        _ => (t.statut_en_attente, "etiquette"),
    };
    let date = demande
        .cree_le
        .get(..10)
        .and_then(|jour| chrono::NaiveDate::parse_from_str(jour, "%Y-%m-%d").ok())
        .map(|jour| match i18n.locale() {
            Locale::Fr => jour.format("%d/%m/%Y").to_string(),
            Locale::En => jour.format("%Y-%m-%d").to_string(),
        })
        .unwrap_or_else(|| demande.cree_le.clone());
    let detail = match (&demande.habilitation, &demande.motif) {
        (Some(h), _) => {
            let droit = if h == "MODIFICATION" {
                t.droit_modification
            } else {
                t.droit_consultation
            };
            format!("{} {droit}", t.habilitation_accordee)
        }
        (None, Some(m)) => format!("{} {m}", t.motif),
        (None, None) => String::new(),
    };
    view! {
        <tr>
            <td>{date}</td>
            <th scope="row">
                {demande.raison_sociale.clone()}
                <span class="detail">{demande.identifiant.clone()}</span>
            </th>
            <td>
                <span class=classe>{statut}</span>
            </td>
            <td>{detail}</td>
        </tr>
    }
}
