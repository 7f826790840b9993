//! Sending an invoice, shared by « Déposer » and « Saisir »: the send bar with its states, the
//! confirmation dialog, the idempotent `soumettre`, and the récapitulatif with the certificat de dépôt.
//!
//! Sending is idempotent: the exact `soumettre` body and its `Idempotency-Key` are kept in the draft's
//! [`SuiviEnvoi`] before the request leaves, so a retry after a lost answer, a double click or a reload
//! sends the same bytes with the same key, and the server answers with the first result instead of
//! creating a second invoice.

use cpro::factures::{SoumettreRequest, SoumettreResponse};
use facture::montant::formater_montant;
use facture::Facture;
use leptos::html;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{I18n, Locale};
use crate::state::brouillons::{Etape, Recu, SuiviEnvoi};

/// The send button, the blocking summary beside it, the confirmation dialog, and the state of a
/// sending under way, uncertain or refused. `envoyer` starts (or retries) the sending; `retirer`
/// forgets the draft.
#[component]
pub fn BarreEnvoi(
    suivi: RwSignal<SuiviEnvoi>,
    #[prop(into)] n_bloquants: Signal<usize>,
    confirmation: Callback<(), Vec<(&'static str, String)>>,
    envoyer: Callback<()>,
    retirer: Callback<()>,
    /// The file is sent as it is (an XML flux): a refusal is fixed in the source software, not here,
    /// so the way on is to take the file off the list.
    #[prop(optional, into)]
    tel_quel: Signal<bool>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let ouverte = RwSignal::new(None::<Vec<(&'static str, String)>>);
    let bouton = NodeRef::<html::Button>::new();
    let etape = move || suivi.with(|e| e.etape.clone());
    let en_cours = move || matches!(etape(), Etape::EnCours);
    let fermer = Callback::new(move |()| {
        ouverte.set(None);
        if let Some(bouton) = bouton.get_untracked() {
            let _ = bouton.focus();
        }
    });
    let confirmer = Callback::new(move |()| {
        ouverte.set(None);
        envoyer.run(());
    });
    let corriger = move |_| {
        suivi.update(|e| {
            e.etape = Etape::Saisie;
            e.corps = None;
        });
    };
    view! {
        <section class="envoi" aria-labelledby="envoi-titre">
            <h3 id="envoi-titre" class="visuellement-cache">{move || i18n.t().envoi.envoyer}</h3>
            {move || match etape() {
                Etape::Incertain(detail) => {
                    Some(
                        view! {
                            <div class="resume resume--bloquant" role="alert">
                                <p>{i18n.t().envoi.incertain}</p>
                                {(!detail.is_empty()).then(|| view! { <p class="note">{detail}</p> })}
                                <button
                                    type="button"
                                    class="bouton bouton--principal"
                                    on:click=move |_| envoyer.run(())
                                >
                                    {i18n.t().envoi.reessayer}
                                </button>
                            </div>
                        }
                            .into_any(),
                    )
                }
                Etape::Refusee(message) => {
                    Some(
                        view! {
                            <div class="resume resume--bloquant" role="alert">
                                <p>{i18n.t().envoi.refusee} " " {message}</p>
                                {if tel_quel.get() {
                                    view! {
                                        <button type="button" class="bouton" on:click=move |_| retirer.run(())>
                                            {i18n.t().envoi.retirer_fichier}
                                        </button>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <button type="button" class="bouton" on:click=corriger>
                                            {i18n.t().envoi.modifier}
                                        </button>
                                    }
                                        .into_any()
                                }}
                            </div>
                        }
                            .into_any(),
                    )
                }
                _ => None,
            }}
            <Show when=move || !matches!(etape(), Etape::Incertain(_) | Etape::Refusee(_))>
                <div class="envoi__actions">
                    <button
                        type="button"
                        class="bouton bouton--principal"
                        node_ref=bouton
                        aria-disabled=move || (n_bloquants.get() > 0 || en_cours()).to_string()
                        aria-describedby="envoi-etat"
                        on:click=move |_| {
                            if n_bloquants.get_untracked() == 0 && !en_cours() {
                                ouverte.set(Some(confirmation.run(())));
                            }
                        }
                    >
                        {move || if en_cours() { i18n.t().envoi.en_cours } else { i18n.t().envoi.envoyer }}
                    </button>
                    <p id="envoi-etat" class="envoi__etat" role="status">
                        {move || {
                            let t = i18n.t();
                            match n_bloquants.get() {
                                0 => String::new(),
                                n => format!("{n} {} — {}", t.deposer.resume_bloquants, t.envoi.envoyer_bloque),
                            }
                        }}
                    </p>
                    <button type="button" class="bouton bouton--secondaire" on:click=move |_| retirer.run(())>
                        {move || i18n.t().envoi.supprimer_brouillon}
                    </button>
                </div>
                <p class="note">{move || i18n.t().envoi.brouillon_local}</p>
            </Show>
            {move || ouverte.get().map(|lignes| view! { <Confirmation lignes confirmer fermer /> })}
        </section>
    }
}

/// The lines of the confirmation: number, recipient and amounts.
pub fn lignes_confirmation(
    facture: &Facture,
    destinataire: String,
    locale: Locale,
) -> Vec<(&'static str, String)> {
    let t = &locale.textes().envoi;
    let totaux = &facture.totaux;
    let mut lignes = Vec::new();
    if !facture.numero_facture.is_empty() {
        lignes.push((t.numero, facture.numero_facture.clone()));
    }
    lignes.extend([
        (t.destinataire, destinataire),
        (t.montant_ht, montant(totaux.montant_ht.to_string(), locale)),
        (
            t.montant_tva,
            montant(totaux.montant_tva.to_string(), locale),
        ),
        (
            t.montant_ttc,
            montant(
                (totaux.montant_ttc - totaux.remise_globale_ttc).to_string(),
                locale,
            ),
        ),
        (
            t.net_a_payer,
            montant(totaux.montant_a_payer.to_string(), locale),
        ),
    ]);
    lignes
}

/// The amounts and the recipient, shown once more before sending: a modal dialog that takes focus,
/// keeps Tab inside and closes on Escape.
#[component]
fn Confirmation(
    lignes: Vec<(&'static str, String)>,
    confirmer: Callback<()>,
    fermer: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().envoi;
    let premier = NodeRef::<html::Button>::new();
    let dernier = NodeRef::<html::Button>::new();
    // The dialog takes focus when it opens (autofocus does not apply to inserted elements).
    Effect::new(move |_| {
        if let Some(bouton) = premier.get() {
            let _ = bouton.focus();
        }
    });
    let garder_focus = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => fermer.run(()),
        // Tab cycles inside the dialog, which is modal.
        "Tab" => {
            let actif = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let est = |bouton: NodeRef<html::Button>| {
                bouton.get_untracked().is_some_and(|b| {
                    actif
                        .as_ref()
                        .is_some_and(|a| a == AsRef::<web_sys::Element>::as_ref(&b))
                })
            };
            let cible = match ev.shift_key() {
                false if est(dernier) => Some(premier),
                true if est(premier) => Some(dernier),
                _ => None,
            };
            if let Some(bouton) = cible.and_then(|b| b.get_untracked()) {
                ev.prevent_default();
                let _ = bouton.focus();
            }
        }
        _ => {}
    };
    view! {
        <div class="voile">
            <div
                class="dialogue"
                role="dialog"
                aria-modal="true"
                aria-labelledby="confirmation-titre"
                aria-describedby="confirmation-texte"
                on:keydown=garder_focus
            >
                <h2 id="confirmation-titre">{t.confirmation_titre}</h2>
                <p id="confirmation-texte">{t.confirmation_texte}</p>
                <dl class="recapitulatif">
                    {lignes
                        .into_iter()
                        .map(|(terme, valeur)| view! { <dt>{terme}</dt> <dd>{valeur}</dd> })
                        .collect_view()}
                </dl>
                <div class="dialogue__actions">
                    <button
                        type="button"
                        class="bouton bouton--principal"
                        node_ref=premier
                        on:click=move |_| confirmer.run(())
                    >
                        {t.confirmer}
                    </button>
                    <button type="button" class="bouton" node_ref=dernier on:click=move |_| fermer.run(())>
                        {t.annuler}
                    </button>
                </div>
            </div>
        </div>
    }
}

/// The récapitulatif of a sent invoice, with the certificat de dépôt to export.
#[component]
pub fn Recapitulatif(suivi: RwSignal<SuiviEnvoi>, nouvelle: Callback<()>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let recu = move || match suivi.with(|e| e.etape.clone()) {
        Etape::Envoyee(recu) => Some(recu),
        _ => None,
    };
    move || {
        let recu = recu()?;
        let t = &i18n.t().envoi;
        let locale = i18n.locale();
        let certificat = texte_certificat(&recu, locale);
        let lien = format!(
            "data:text/plain;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&certificat))
        );
        let fichier = format!("certificat-depot-{}.txt", recu.numero);
        Some(view! {
            <section class="recap" aria-labelledby="recap-titre">
                <h3 id="recap-titre" tabindex="-1">{t.recap_titre}</h3>
                <p role="status">{t.recap_texte}</p>
                <dl class="recapitulatif">
                    {lignes_recu(&recu, locale)
                        .into_iter()
                        .map(|(terme, valeur)| view! { <dt>{terme}</dt> <dd>{valeur}</dd> })
                        .collect_view()}
                </dl>
                <div class="envoi__actions">
                    <a class="bouton bouton--principal" href=lien download=fichier>
                        {t.exporter_certificat}
                    </a>
                    <a class="bouton" href="/factures-emises">{t.suivre}</a>
                    <button type="button" class="bouton" on:click=move |_| nouvelle.run(())>
                        {t.nouvelle}
                    </button>
                </div>
            </section>
        })
    }
}

/// Submits the frozen body with its key, freezing `corps_neuf()` first when nothing is frozen yet.
/// Returns the step reached; the caller records it (the screen may be gone by then).
pub async fn soumettre_idempotent(
    base: &str,
    suivi: RwSignal<SuiviEnvoi>,
    corps_neuf: impl FnOnce() -> Option<SoumettreRequest>,
    destinataire: String,
    locale: Locale,
) -> Etape {
    let corps = match suivi.with_untracked(|e| e.corps.clone()) {
        Some(corps) => corps,
        None => {
            let Some(corps) = corps_neuf().and_then(|r| serde_json::to_string(&r).ok()) else {
                return Etape::Refusee(String::new());
            };
            // Frozen before it leaves: every retry sends these bytes with the same key.
            suivi.update(|e| e.corps = Some(corps.clone()));
            corps
        }
    };
    let Ok(requete) = serde_json::from_str::<SoumettreRequest>(&corps) else {
        return Etape::Refusee(String::new());
    };
    let cle = suivi.with_untracked(|e| e.cle_idempotence.clone());
    match api::soumettre(base, &requete, &cle).await {
        Ok(reponse) => Etape::Envoyee(Box::new(recu(&reponse, &requete, destinataire))),
        Err(erreur) => etape_apres_erreur(&erreur, locale),
    }
}

/// Records the outcome of a sending; false when the screen was left meanwhile (the draft kept the
/// frozen body and key, so coming back shows the sending as uncertain and a retry is safe).
pub fn enregistrer_etape(suivi: RwSignal<SuiviEnvoi>, etape: Etape) -> bool {
    let envoyee = matches!(etape, Etape::Envoyee(_));
    let vivant = suivi
        .try_update(|e| {
            if let Etape::Refusee(_) = etape {
                // Nothing was created: the user may correct the form, which makes a new body.
                e.corps = None;
            }
            e.etape = etape;
        })
        .is_some();
    if vivant && envoyee {
        focus_recapitulatif();
    }
    vivant
}

/// A lost answer or a server fault leaves the outcome unknown (retry is safe); a refusal says why.
pub fn etape_apres_erreur(erreur: &ApiError, locale: Locale) -> Etape {
    let t = &locale.textes().envoi;
    match erreur {
        ApiError::Reseau(_) => Etape::Incertain(t.erreur_reseau.to_owned()),
        ApiError::Http { status, .. } if *status >= 500 => Etape::Incertain(erreur.to_string()),
        ApiError::Http { status: 401, .. } => Etape::Refusee(t.session_expiree.to_owned()),
        ApiError::Http {
            libelle,
            code_retour,
            ..
        } => Etape::Refusee(match (code_retour, libelle) {
            (Some(code), Some(libelle)) => format!("{libelle} ({code})"),
            (None, Some(libelle)) => libelle.clone(),
            _ => erreur.to_string(),
        }),
        ApiError::Decodage(_) => Etape::Incertain(erreur.to_string()),
    }
}

fn recu(reponse: &SoumettreResponse, requete: &SoumettreRequest, destinataire: String) -> Recu {
    let totaux = requete.montant_total.clone().unwrap_or_default();
    let texte = |m: Option<rust_decimal::Decimal>| m.map(|m| m.to_string()).unwrap_or_default();
    Recu {
        numero: reponse
            .numero_facture
            .clone()
            .or_else(|| requete.numero_facture_saisi.clone())
            .unwrap_or_default(),
        identifiant_cpp: reponse.identifiant_facture_cpp,
        statut: reponse
            .statut_facture
            .as_ref()
            .map(|s| s.code().to_owned())
            .unwrap_or_default(),
        date_depot: reponse
            .date_depot
            .map(|d| d.to_string())
            .unwrap_or_default(),
        fournisseur: reponse.identifiant_structure.clone().unwrap_or_default(),
        destinataire,
        montants: [
            texte(totaux.montant_ht_total),
            texte(totaux.montant_tva),
            texte(totaux.montant_ttc_total),
            texte(totaux.montant_a_payer),
        ],
        empreinte_certificat: reponse
            .empreinte_certificat_depot
            .clone()
            .unwrap_or_default(),
        numero_flux: None,
    }
}

fn lignes_recu(recu: &Recu, locale: Locale) -> Vec<(&'static str, String)> {
    let t = &locale.textes().envoi;
    let [ht, tva, ttc, net] = recu.montants.clone();
    let mut lignes = vec![
        (t.numero, recu.numero.clone()),
        (
            t.identifiant_cpp,
            recu.identifiant_cpp
                .map(|i| i.to_string())
                .unwrap_or_default(),
        ),
        (t.statut, statut_lisible(&recu.statut, locale)),
        (t.date_depot, date_lisible(&recu.date_depot, locale)),
        (t.fournisseur, recu.fournisseur.clone()),
        (t.destinataire, recu.destinataire.clone()),
        (t.montant_ht, montant(ht, locale)),
        (t.montant_tva, montant(tva, locale)),
        (t.montant_ttc, montant(ttc, locale)),
        (t.net_a_payer, montant(net, locale)),
        (t.certificat, recu.empreinte_certificat.clone()),
    ];
    if let Some(numero) = &recu.numero_flux {
        lignes.push((t.numero_flux, numero.clone()));
    }
    lignes.retain(|(_, valeur)| !valeur.is_empty());
    lignes
}

fn montant(texte: String, locale: Locale) -> String {
    match (texte.parse::<rust_decimal::Decimal>(), locale) {
        (Ok(m), Locale::Fr) => format!("{} €", formater_montant(m)),
        (Ok(m), Locale::En) => format!("€{}", m.round_dp(2)),
        (Err(_), _) => texte,
    }
}

fn statut_lisible(code: &str, locale: Locale) -> String {
    match locale {
        Locale::Fr => cpro::codes::StatutFacture::from_code(code)
            .libelle_fr()
            .to_owned(),
        Locale::En => code.to_owned(),
    }
}

fn date_lisible(iso: &str, locale: Locale) -> String {
    match (chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d"), locale) {
        (Ok(date), Locale::Fr) => date.format("%d/%m/%Y").to_string(),
        _ => iso.to_owned(),
    }
}

/// The certificat de dépôt as a text file the user keeps.
fn texte_certificat(recu: &Recu, locale: Locale) -> String {
    let mut texte = format!("{}\n\n", locale.textes().envoi.recap_titre);
    for (terme, valeur) in lignes_recu(recu, locale) {
        texte.push_str(&format!("{terme} : {valeur}\n"));
    }
    texte
}

/// Moves focus to the récapitulatif's title once it is shown, so screen readers announce it.
fn focus_recapitulatif() {
    request_animation_frame(|| {
        let titre = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("recap-titre"));
        if let Some(titre) =
            titre.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = titre.focus();
        }
    });
}
