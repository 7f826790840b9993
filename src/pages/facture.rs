//! One sent invoice: its data, « Suivi du traitement », the payment clock, and the action its status
//! asks for (recycler, compléter, traiter le rejet).

use cpro::factures::{
    ActionFournisseur, CompleterRequest, Destinataire, FactureEmise, RecyclerRequest, References,
    StatutFacture,
};
use facture::delai::{echeance, EtatDelai, TypeAcheteur};
use facture::fenetre::{fenetre_en_cours, preuve, Circuit, FenetreValidation as Fenetre};

use crate::state::acheteurs;
use facture::suivi::{etapes, horloge, EtapeSuivi};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::app::Reglages;
use crate::components::garde::Protege;
use crate::i18n::{I18n, Locale};
use crate::navigateur::aujourd_hui;
use crate::pages::suivi::{badge_statut, date, libelle_statut, montant};

/// What the detail screen shows, once loaded.
#[derive(Debug, Clone, PartialEq)]
struct Dossier {
    facture: FactureEmise,
    etapes: Vec<EtapeSuivi>,
}

/// The detail of one invoice, `/factures-emises/facture/:id`.
#[component]
pub fn DetailFacture() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let params = use_params_map();
    let identifiant = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let dossier = RwSignal::new(None::<Result<Dossier, String>>);
    let charger = move || {
        let Some(id) = identifiant() else {
            dossier.set(Some(Err(i18n.t().suivi.facture_introuvable.to_owned())));
            return;
        };
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = async {
                let facture = api::consulter_facture(&base, id).await?;
                let historique = api::historique_facture(&base, id).await?;
                Ok::<_, api::ApiError>(Dossier {
                    facture,
                    etapes: etapes(&historique),
                })
            }
            .await
            .map_err(|e| e.libelle());
            let _ = dossier.try_set(Some(resultat));
        });
    };
    Effect::new(move |_| {
        identifiant();
        charger();
    });
    let recharger = Callback::new(move |()| charger());

    view! {
        <Protege>
            <p>
                <A href="/factures-emises">{move || i18n.t().suivi.retour_liste}</A>
            </p>
            {move || {
                let t = &i18n.t().suivi;
                match dossier.get() {
                    None => view! { <p role="status">{t.chargement}</p> }.into_any(),
                    Some(Err(message)) => {
                        view! {
                            <h1>{t.detail_titre}</h1>
                            <p class="erreur" role="alert">{message}</p>
                        }
                            .into_any()
                    }
                    Some(Ok(dossier)) => view! { <Contenu dossier recharger /> }.into_any(),
                }
            }}
        </Protege>
    }
}

#[component]
fn Contenu(dossier: Dossier, recharger: Callback<()>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().suivi;
    let locale = i18n.locale();
    let f = dossier.facture.clone();
    let numero = f.numero_facture.clone().unwrap_or_default();
    let destinataire = f.destinataire.clone().unwrap_or_default();
    let references = f.references.clone().unwrap_or_default();
    let totaux = f.montant_total.clone().unwrap_or_default();
    let donnees = [
        (
            t.col_destinataire,
            format!(
                "{} — {}",
                destinataire
                    .designation_destinataire
                    .clone()
                    .or(destinataire.libelle_destinataire.clone())
                    .unwrap_or_default(),
                destinataire.code_destinataire.clone().unwrap_or_default()
            ),
        ),
        (
            t.code_service,
            destinataire
                .code_service_executant
                .clone()
                .unwrap_or_default(),
        ),
        (
            t.engagement,
            references.numero_bon_commande.clone().unwrap_or_default(),
        ),
        (t.col_date_facture, date(references.date_facture, locale)),
        (t.col_date_depot, date(references.date_depot, locale)),
        (t.montant_ht, montant(totaux.montant_ht_total, locale)),
        (t.montant_tva, montant(totaux.montant_tva, locale)),
        (t.col_montant_ttc, montant(totaux.montant_ttc_total, locale)),
        (t.net_a_payer, montant(totaux.montant_a_payer, locale)),
        (
            t.identifiant_cpp,
            f.identifiant_facture_cpp
                .map(|i| i.to_string())
                .unwrap_or_default(),
        ),
    ];
    let statut = f.statut_facture.clone();
    let action = statut
        .as_ref()
        .and_then(StatutFacture::action_fournisseur)
        .filter(|a| !(*a == ActionFournisseur::TraiterRejet && f.rejet_traite == Some(true)));
    // The reason given with the current status (motif of the suspension, rejection or recycling).
    let motif = dossier
        .etapes
        .iter()
        .rev()
        .find(|e| Some(&e.statut) == statut.as_ref())
        .map(|e| e.commentaire.clone())
        .filter(|c| !c.trim().is_empty());
    // The buyer kind sets the delay: the one chosen for this recipient, else the one its name suggests.
    let code_destinataire = destinataire.code_destinataire.clone().unwrap_or_default();
    let type_acheteur = RwSignal::new(acheteurs::type_acheteur(
        &code_destinataire,
        &destinataire
            .designation_destinataire
            .clone()
            .unwrap_or_default(),
    ));
    let fenetre = fenetre_en_cours(&dossier.etapes, aujourd_hui()).map(|fenetre| {
        let preuve = preuve(
            &numero,
            f.identifiant_facture_cpp,
            &dossier.etapes,
            &fenetre,
            aujourd_hui(),
        );
        view! { <FenetreValidation fenetre preuve numero=numero.clone() /> }
    });
    let etapes = dossier.etapes.clone();
    let montant_ttc = totaux.montant_ttc_total.unwrap_or_default();
    let delai = move || {
        let horloge = horloge(&etapes, type_acheteur.get(), montant_ttc);
        let payee_le = horloge.as_ref().and_then(|h| h.date_paiement);
        let etat = horloge.map(|h| echeance(&h, aujourd_hui()));
        view! { <Delai etat payee_le type_acheteur code_destinataire=code_destinataire.clone() /> }
    };
    view! {
        <h1>{format!("{} {numero}", t.detail_titre)}</h1>
        <p class="statut-courant">
            {t.col_statut} " : " {badge_statut(statut.as_ref(), locale)}
        </p>
        {motif.map(|m| view! { <p class="resume resume--bloquant">{t.motif} " " {m}</p> })}
        {action.map(|action| view! { <Action facture=f.clone() action recharger /> })}
        <section aria-labelledby="donnees-titre">
            <h2 id="donnees-titre">{t.donnees}</h2>
            <dl class="recapitulatif">
                {donnees.into_iter().map(|(terme, valeur)| view! { <dt>{terme}</dt> <dd>{valeur}</dd> }).collect_view()}
            </dl>
        </section>
        {fenetre}
        {delai}
        <Reprendre facture=f.clone() />
        <p>
            <A href=format!(
                "/sollicitations/nouvelle?typeObjet=FACTURE&numeroObjet={}",
                String::from(js_sys::encode_uri_component(&numero)),
            )>{i18n.t().sollicitations.creer_sur_facture}</A>
        </p>
        <section aria-labelledby="suivi-titre">
            <h2 id="suivi-titre">{t.suivi_traitement}</h2>
            <table class="tableau">
                <caption class="visuellement-cache">{t.suivi_traitement}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_date}</th>
                        <th scope="col">{t.col_statut}</th>
                        <th scope="col">{t.col_auteur}</th>
                        <th scope="col">{t.col_commentaire}</th>
                    </tr>
                </thead>
                <tbody>
                    {dossier
                        .etapes
                        .into_iter()
                        .map(|e| {
                            let quand = e
                                .date
                                .map(|d| match locale {
                                    Locale::Fr => d.format("%d/%m/%Y %H:%M").to_string(),
                                    Locale::En => d.format("%Y-%m-%d %H:%M").to_string(),
                                })
                                .unwrap_or_default();
                            view! {
                                <tr>
                                    <td>{quand}</td>
                                    <td>{libelle_statut(&e.statut, locale)}</td>
                                    <td>{e.auteur}</td>
                                    <td>{e.commentaire}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The window a validator (A9 / A12) or the maître d'œuvre (works) has to act, its deadline, and the
/// proof of reception to export for a reminder.
#[component]
fn FenetreValidation(fenetre: Fenetre, preuve: String, numero: String) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().suivi;
    let locale = i18n.locale();
    let jour = |d: chrono::NaiveDate| match locale {
        Locale::Fr => d.format("%d/%m/%Y").to_string(),
        Locale::En => d.format("%Y-%m-%d").to_string(),
    };
    let qui = match fenetre.circuit {
        Circuit::Valideur(rang) => t.fenetre_valideur.replace("{rang}", &rang.to_string()),
        Circuit::MaitreOeuvre => t.fenetre_moe.to_owned(),
    };
    let principe = t
        .fenetre_principe
        .replace("{qui}", &qui)
        .replace("{debut}", &jour(fenetre.debut.date()))
        .replace("{jours}", &fenetre.circuit.jours().to_string())
        .replace("{echeance}", &jour(fenetre.echeance));
    let (classe, etat) = match (fenetre.echue(), fenetre.circuit) {
        (false, _) => (
            "resume resume--ok",
            t.fenetre_reste
                .replace("{n}", &fenetre.jours_restants.to_string()),
        ),
        (true, Circuit::Valideur(_)) => (
            "resume resume--bloquant",
            t.fenetre_echue_valideur
                .replace("{n}", &(-fenetre.jours_restants).to_string()),
        ),
        (true, Circuit::MaitreOeuvre) => (
            "resume resume--bloquant",
            t.fenetre_echue_moe
                .replace("{n}", &(-fenetre.jours_restants).to_string()),
        ),
    };
    let lien = format!(
        "data:text/plain;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&preuve))
    );
    view! {
        <section class="delai" aria-labelledby="fenetre-titre">
            <h2 id="fenetre-titre">{t.fenetre_titre}</h2>
            <p>{principe}</p>
            <p class=classe>{etat}</p>
            <p>
                <a class="bouton" href=lien download=format!("preuve-delai-{numero}.txt")>
                    {t.fenetre_preuve}
                </a>
            </p>
        </section>
    }
}

/// The payment clock: deadline, days left or late, and the interest owed with its computation.
/// The buyer kinds offered, with their label.
const TYPES_ACHETEUR: [(TypeAcheteur, &str); 3] = [
    (TypeAcheteur::EtatOuCollectivite, "ETAT"),
    (TypeAcheteur::EtablissementSante, "SANTE"),
    (TypeAcheteur::EntreprisePublique, "ENTREPRISE"),
];

#[component]
fn Delai(
    etat: Option<Result<EtatDelai, facture::delai::DelaiError>>,
    payee_le: Option<chrono::NaiveDate>,
    type_acheteur: RwSignal<TypeAcheteur>,
    code_destinataire: String,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().suivi;
    let locale = i18n.locale();
    let libelle = move |ta: TypeAcheteur| match ta {
        TypeAcheteur::EtatOuCollectivite => i18n.t().suivi.acheteur_etat,
        TypeAcheteur::EtablissementSante => i18n.t().suivi.acheteur_sante,
        TypeAcheteur::EntreprisePublique => i18n.t().suivi.acheteur_entreprise,
    };
    let choix = view! {
        <div class="champ champ--acheteur">
            <label for="delai-acheteur">{t.type_acheteur}</label>
            <select
                id="delai-acheteur"
                aria-describedby="delai-acheteur-aide"
                on:change=move |ev| {
                    let valeur = event_target_value(&ev);
                    if let Some((ta, _)) = TYPES_ACHETEUR.iter().find(|(_, code)| *code == valeur) {
                        acheteurs::choisir(&code_destinataire, *ta);
                        type_acheteur.set(*ta);
                    }
                }
            >
                {TYPES_ACHETEUR
                    .into_iter()
                    .map(|(ta, code)| {
                        view! {
                            <option value=code selected=move || type_acheteur.get_untracked() == ta>
                                {format!("{} ({} {})", libelle(ta), ta.delai_jours(), i18n.t().suivi.jours)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p id="delai-acheteur-aide" class="message message--aide">{t.type_acheteur_aide}</p>
        </div>
    };
    let corps = match etat {
        None => view! { <p>{t.delai_pas_commence}</p> }.into_any(),
        Some(Err(erreur)) => view! { <p class="erreur">{erreur.to_string()}</p> }.into_any(),
        Some(Ok(etat)) => {
            let limite = date(etat.date_limite, locale);
            let situation = match (etat.jours_restants, etat.en_retard) {
                (_, false) if payee_le.is_some() => {
                    format!("{} {}", t.payee_a_temps, date(payee_le, locale))
                }
                (_, true) if payee_le.is_some() => format!(
                    "{} {} — {} {} {}",
                    t.payee_a_temps,
                    date(payee_le, locale),
                    t.delai_retard,
                    etat.jours_restants.map(|j| j.abs()).unwrap_or(0),
                    t.jours
                ),
                (_, true) => format!(
                    "{} {} {}",
                    t.delai_retard,
                    etat.jours_restants.map(|j| j.abs()).unwrap_or(0),
                    t.jours
                ),
                (Some(j), false) => format!("{j} {} {}", t.jours, t.delai_restants),
                (None, false) => t.delai_suspendu.to_owned(),
            };
            let interets = etat.interets.map(|i| {
                let calcul = format!(
                    "{} × {} % × {} / 365 = {} ; + {} = {}",
                    montant(Some(i.base), locale),
                    i.taux_annuel,
                    i.jours,
                    montant(Some(i.montant_interets), locale),
                    montant(Some(i.indemnite_forfaitaire), locale),
                    montant(Some(i.total), locale),
                );
                view! {
                    <p>
                        <strong>{t.interets_dus} " " {montant(Some(i.total), locale)}</strong>
                        {i.provisoire.then_some(t.provisoire)}
                    </p>
                    <p class="note">{t.calcul} " " {calcul}</p>
                }
            });
            view! {
                <dl class="recapitulatif">
                    <dt>{t.delai_legal}</dt>
                    <dd>{format!("{} {}", etat.delai_jours, t.jours)}</dd>
                    <dt>{t.date_limite}</dt>
                    <dd>{limite}</dd>
                    <dt>{t.situation}</dt>
                    <dd class:retard=etat.en_retard>{situation}</dd>
                </dl>
                {interets}
            }
            .into_any()
        }
    };
    view! {
        <section class="delai" aria-labelledby="delai-titre">
            <h2 id="delai-titre">{t.delai_titre}</h2>
            {choix}
            {corps}
        </section>
    }
}

/// « Créer une nouvelle facture à partir de celle-ci »: the typed-invoice form pre-filled from this
/// one (a rejected invoice is re-issued that way, with the number Chorus Pro gives the new one).
#[component]
fn Reprendre(facture: FactureEmise) -> impl IntoView {
    let i18n = I18n::expect_context();
    let session = crate::state::session::Session::expect_context();
    let naviguer = leptos_router::hooks::use_navigate();
    let rejetee = facture.statut_facture == Some(StatutFacture::REJETEE);
    let reprendre = move |_| {
        let crate::state::session::EtatSession::Connecte(utilisateur) = session.etat_untracked()
        else {
            return;
        };
        let t = &i18n.t().suivi;
        let en_cours = crate::state::brouillons::charger_saisie(utilisateur.id).is_some_and(|b| {
            !matches!(b.envoi.etape, crate::state::brouillons::Etape::Envoyee(_))
                && b.saisie != facture::saisie::Saisie::default()
        });
        let accepte = !en_cours
            || web_sys::window()
                .and_then(|w| w.confirm_with_message(t.remplacer_brouillon).ok())
                .unwrap_or(false);
        if !accepte {
            return;
        }
        let numero = facture.numero_facture.clone().unwrap_or_default();
        let commentaire = rejetee.then(|| format!("{} {numero}", t.remplace_la_facture));
        let brouillon = crate::state::brouillons::BrouillonSaisie {
            saisie: facture::saisie::Saisie::depuis_facture_emise(
                &facture,
                aujourd_hui(),
                commentaire,
            ),
            envoi: crate::state::brouillons::SuiviEnvoi {
                cle_idempotence: format!(
                    "saisie-{}",
                    crate::state::brouillons::nouvel_identifiant()
                ),
                ..Default::default()
            },
        };
        crate::state::brouillons::enregistrer_saisie(utilisateur.id, &brouillon);
        naviguer("/factures-emises/saisir", Default::default());
    };
    view! {
        <p>
            <button type="button" class="bouton" on:click=reprendre>
                {move || if rejetee { i18n.t().suivi.reemettre } else { i18n.t().suivi.dupliquer }}
            </button>
        </p>
    }
}

/// The form of the action the status asks for.
#[component]
fn Action(
    facture: FactureEmise,
    action: ActionFournisseur,
    recharger: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let id = facture.identifiant_facture_cpp.unwrap_or_default();
    let destinataire = facture.destinataire.clone().unwrap_or_default();
    let references = facture.references.clone().unwrap_or_default();
    let siret = RwSignal::new(destinataire.code_destinataire.clone().unwrap_or_default());
    let service = RwSignal::new(
        destinataire
            .code_service_executant
            .clone()
            .unwrap_or_default(),
    );
    let engagement = RwSignal::new(references.numero_bon_commande.clone().unwrap_or_default());
    let commentaire = RwSignal::new(String::new());
    let en_cours = RwSignal::new(false);
    let erreur = RwSignal::new(None::<String>);

    let executer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        erreur.set(None);
        let base = reglages.api_base();
        let texte = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|s| !s.is_empty())
        };
        let recyclage = RecyclerRequest {
            identifiant_facture_cpp: Some(id),
            destinataire: Some(Destinataire {
                code_destinataire: texte(siret).map(|s| s.replace(' ', "")),
                code_service_executant: texte(service),
            }),
            reference: Some(References {
                numero_bon_commande: texte(engagement),
                ..Default::default()
            }),
            commentaire: texte(commentaire),
            ..Default::default()
        };
        let completement = CompleterRequest {
            identifiant_facture_cpp: Some(id),
            commentaire: texte(commentaire),
            ..Default::default()
        };
        spawn_local(async move {
            let resultat = match action {
                ActionFournisseur::Recycler => api::recycler(&base, &recyclage).await.map(|_| ()),
                ActionFournisseur::Completer => api::completer(&base, &completement).await,
                ActionFournisseur::TraiterRejet => api::traiter_rejet(&base, id).await,
                _ => Ok(()),
            };
            // The screen may have been left meanwhile.
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(()) => recharger.run(()),
                Err(e) => erreur.set(Some(e.libelle())),
            }
        });
    };

    let champ = move |id_champ: &'static str, libelle: &'static str, valeur: RwSignal<String>| {
        view! {
            <div class="champ">
                <label for=id_champ>{libelle}</label>
                <input
                    id=id_champ
                    type="text"
                    prop:value=move || valeur.get()
                    on:input=move |ev| valeur.set(event_target_value(&ev))
                />
            </div>
        }
    };
    let t = &i18n.t().suivi;
    let (titre, aide, bouton) = match action {
        ActionFournisseur::Recycler => (t.recycler_titre, t.recycler_aide, t.recycler_bouton),
        ActionFournisseur::Completer => (t.completer_titre, t.completer_aide, t.completer_bouton),
        ActionFournisseur::TraiterRejet => (t.rejet_titre, t.rejet_aide, t.rejet_bouton),
        _ => (t.action_valideur, t.valideur_aide, t.action_valideur),
    };
    let supportee = matches!(
        action,
        ActionFournisseur::Recycler
            | ActionFournisseur::Completer
            | ActionFournisseur::TraiterRejet
    );
    view! {
        <section class="action-requise" aria-labelledby="action-titre">
            <h2 id="action-titre">{titre}</h2>
            <p>{aide}</p>
            <Show when=move || supportee>
                <form on:submit=executer>
                    {(action == ActionFournisseur::Recycler)
                        .then(|| {
                            view! {
                                <div class="grille-champs">
                                    {champ("recycler-siret", t.siret_destinataire, siret)}
                                    {champ("recycler-service", t.code_service, service)}
                                    {champ("recycler-engagement", t.engagement, engagement)}
                                </div>
                            }
                        })}
                    {(action != ActionFournisseur::TraiterRejet)
                        .then(|| {
                            view! {
                                <div class="champ">
                                    <label for="action-commentaire">{t.commentaire}</label>
                                    <textarea
                                        id="action-commentaire"
                                        rows="3"
                                        prop:value=move || commentaire.get()
                                        on:input=move |ev| commentaire.set(event_target_value(&ev))
                                    ></textarea>
                                </div>
                            }
                        })}
                    {move || erreur.get().map(|e| view! { <p class="erreur" role="alert">{e}</p> })}
                    <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                        {bouton}
                    </button>
                </form>
            </Show>
            {(action == ActionFournisseur::TraiterRejet)
                .then(|| {
                    view! {
                        <p>
                            <A href="/factures-emises/deposer">{t.nouvelle_facture}</A>
                        </p>
                    }
                })}
        </section>
    }
}
