//! Valider et envoyer: the confirmation of amounts and recipient, `deposer/pdf` + `soumettre`, and the
//! récapitulatif with the certificat de dépôt.
//!
//! Sending is idempotent: the PDF's `pieceJointeId`, the exact `soumettre` body and its
//! `Idempotency-Key` are kept in the draft before the request leaves, so a retry after a lost answer, a
//! double click or a reload sends the same bytes with the same key, and the server answers with the
//! first result instead of creating a second invoice.

use cpro::factures::{SoumettreRequest, SoumettreResponse};
use extract::vers_facture::{facture_deposee, lire_champ, Constats};
use facture::montant::formater_montant;
use facture::PieceJointePrincipale;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Depot, EtatAnnuaire};
use crate::api::{self, ApiError};
use crate::app::Reglages;
use crate::i18n::{I18n, Locale};
use crate::state::brouillons::{self, Etape, Recu};
use crate::state::integration;

/// The send button, the blocking summary beside it, the confirmation dialog, and the state of a
/// sending under way, uncertain or refused.
#[component]
pub(super) fn Envoi(
    depot: Depot,
    constats: Memo<Option<Constats>>,
    retirer: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let confirmation = RwSignal::new(false);
    let bouton = NodeRef::<html::Button>::new();
    let n_bloquants = move || constats.with(|c| c.as_ref().map_or(1, |c| c.n_bloquants));
    let etape = move || depot.envoi.with(|e| e.etape.clone());
    let en_cours = move || matches!(etape(), Etape::EnCours);
    let fermer = move || {
        confirmation.set(false);
        if let Some(bouton) = bouton.get_untracked() {
            let _ = bouton.focus();
        }
    };
    let confirmer = move |_| {
        confirmation.set(false);
        spawn_local(envoyer(reglages.api_base(), depot, i18n.locale()));
    };
    let corriger = move |_| {
        depot.envoi.update(|e| {
            e.etape = Etape::Saisie;
            e.corps = None;
        });
    };
    view! {
        <section class="envoi" aria-labelledby="envoi-titre">
            <h3 id="envoi-titre" class="visuellement-cache">{move || i18n.t().envoi.envoyer}</h3>
            {move || match etape() {
                Etape::Incertain(_) => {
                    Some(
                        view! {
                            <div class="resume resume--bloquant" role="alert">
                                <p>{i18n.t().envoi.incertain}</p>
                                <button
                                    type="button"
                                    class="bouton bouton--principal"
                                    on:click=move |_| {
                                        spawn_local(envoyer(reglages.api_base(), depot, i18n.locale()))
                                    }
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
                                <button type="button" class="bouton" on:click=corriger>
                                    {i18n.t().envoi.modifier}
                                </button>
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
                        aria-disabled=move || (n_bloquants() > 0 || en_cours()).to_string()
                        aria-describedby="envoi-etat"
                        on:click=move |_| {
                            if n_bloquants() == 0 && !en_cours() {
                                confirmation.set(true);
                            }
                        }
                    >
                        {move || if en_cours() { i18n.t().envoi.en_cours } else { i18n.t().envoi.envoyer }}
                    </button>
                    <p id="envoi-etat" class="envoi__etat" role="status">
                        {move || {
                            let t = i18n.t();
                            match n_bloquants() {
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
            <Show when=move || confirmation.get()>
                <Confirmation depot confirmer fermer />
            </Show>
        </section>
    }
}

/// The amounts and the recipient, shown once more before sending.
#[component]
fn Confirmation(
    depot: Depot,
    confirmer: impl Fn(leptos::ev::MouseEvent) + 'static,
    fermer: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().envoi;
    let (facture, _) = depot.champs.with_untracked(|champs| {
        depot
            .complements
            .with_untracked(|c| facture_deposee(champs, c, PieceJointePrincipale::default()))
    });
    let destinataire = destinataire_lisible(depot);
    let totaux = facture.totaux;
    let premier = NodeRef::<html::Button>::new();
    let dernier = NodeRef::<html::Button>::new();
    // The dialog takes focus when it opens (autofocus does not apply to inserted elements).
    Effect::new(move |_| {
        if let Some(bouton) = premier.get() {
            let _ = bouton.focus();
        }
    });
    let garder_focus = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => fermer(),
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
    let lignes = [
        (t.numero, facture.numero_facture),
        (t.destinataire, destinataire),
        (
            t.montant_ht,
            montant(totaux.montant_ht.to_string(), i18n.locale()),
        ),
        (
            t.montant_tva,
            montant(totaux.montant_tva.to_string(), i18n.locale()),
        ),
        (
            t.montant_ttc,
            montant(
                (totaux.montant_ttc - totaux.remise_globale_ttc).to_string(),
                i18n.locale(),
            ),
        ),
        (
            t.net_a_payer,
            montant(totaux.montant_a_payer.to_string(), i18n.locale()),
        ),
    ];
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
                        on:click=confirmer
                    >
                        {t.confirmer}
                    </button>
                    <button type="button" class="bouton" node_ref=dernier on:click=move |_| fermer()>
                        {t.annuler}
                    </button>
                </div>
            </div>
        </div>
    }
}

/// The récapitulatif of a sent invoice, with the certificat de dépôt to export.
#[component]
pub(super) fn Recapitulatif(depot: Depot, retirer: Callback<()>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let recu = move || match depot.envoi.with(|e| e.etape.clone()) {
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
        let [ht, tva, ttc, net] = recu.montants.clone();
        let lignes = [
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
        Some(view! {
            <section class="recap" aria-labelledby="recap-titre">
                <h3 id="recap-titre" tabindex="-1">{t.recap_titre}</h3>
                <p role="status">{t.recap_texte}</p>
                <dl class="recapitulatif">
                    {lignes
                        .into_iter()
                        .map(|(terme, valeur)| view! { <dt>{terme}</dt> <dd>{valeur}</dd> })
                        .collect_view()}
                </dl>
                <div class="envoi__actions">
                    <a class="bouton bouton--principal" href=lien download=fichier>
                        {t.exporter_certificat}
                    </a>
                    <a class="bouton" href="/factures-emises">{t.suivre}</a>
                    <button type="button" class="bouton" on:click=move |_| retirer.run(())>
                        {t.nouvelle}
                    </button>
                </div>
            </section>
        })
    }
}

/// Sends one invoice, or resends it with the same body and key. A second call while one is under way
/// does nothing.
async fn envoyer(base: String, depot: Depot, locale: Locale) {
    if depot.envoi.with_untracked(|e| e.etape == Etape::EnCours) {
        return;
    }
    depot.envoi.update(|e| e.etape = Etape::EnCours);
    let etape = tenter(&base, depot, locale).await;
    let envoyee = matches!(etape, Etape::Envoyee(_));
    if let Etape::Envoyee(recu) = &etape {
        integration::facture_envoyee(&depot.uid.get_value(), recu);
    }
    depot.envoi.update(|e| {
        if let Etape::Refusee(_) = etape {
            // Nothing was created: the user may correct the form, which makes a new body.
            e.corps = None;
        }
        e.etape = etape;
    });
    if envoyee {
        if let Some(utilisateur) = depot.utilisateur {
            // Chorus Pro holds the PDF now; the draft keeps the récapitulatif only.
            brouillons::oublier_pdf(utilisateur, &depot.uid.get_value());
        }
        depot.octets.set_value(None);
        focus_recapitulatif();
    }
}

async fn tenter(base: &str, depot: Depot, locale: Locale) -> Etape {
    let t = &locale.textes().envoi;
    let nom = depot.nom.get_value();
    let piece_jointe_id = match depot.envoi.with_untracked(|e| e.piece_jointe_id) {
        Some(id) => id,
        None => {
            let Some(octets) = depot.octets.get_value() else {
                return Etape::Refusee(t.pdf_a_redeposer.to_owned());
            };
            match api::deposer_pdf(base, &nom, &octets).await {
                Ok(id) => {
                    depot.envoi.update(|e| e.piece_jointe_id = Some(id));
                    id
                }
                Err(erreur) => return etape_apres_erreur(&erreur, locale),
            }
        }
    };
    let corps = match depot.envoi.with_untracked(|e| e.corps.clone()) {
        Some(corps) => corps,
        None => {
            let piece = PieceJointePrincipale {
                designation: nom,
                id: Some(piece_jointe_id),
                taille_octets: Some(depot.taille),
            };
            let (facture, _) = depot.champs.with_untracked(|champs| {
                depot
                    .complements
                    .with_untracked(|c| facture_deposee(champs, c, piece))
            });
            let Ok(corps) = serde_json::to_string(&SoumettreRequest::from(&facture)) else {
                return Etape::Refusee(String::new());
            };
            // Frozen before it leaves: every retry sends these bytes with the same key.
            depot.envoi.update(|e| e.corps = Some(corps.clone()));
            corps
        }
    };
    let Ok(requete) = serde_json::from_str::<SoumettreRequest>(&corps) else {
        return Etape::Refusee(String::new());
    };
    let cle = depot.envoi.with_untracked(|e| e.cle_idempotence.clone());
    match api::soumettre(base, &requete, &cle).await {
        Ok(reponse) => Etape::Envoyee(recu(&reponse, &requete, destinataire_lisible(depot))),
        Err(erreur) => etape_apres_erreur(&erreur, locale),
    }
}

/// A lost answer or a server fault leaves the outcome unknown (retry is safe); a refusal says why.
fn etape_apres_erreur(erreur: &ApiError, locale: Locale) -> Etape {
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
    }
}

/// "Name — SIRET — service" of the recipient, as far as known.
fn destinataire_lisible(depot: Depot) -> String {
    let (siret, service) = depot.champs.with_untracked(|c| {
        (
            lire_champ(c, "recipient_siret")
                .unwrap_or_default()
                .to_owned(),
            lire_champ(c, "service_code").map(str::to_owned),
        )
    });
    let mut parties = Vec::new();
    if let EtatAnnuaire::Trouve(_, trouve) = depot.annuaire.get_untracked() {
        parties.push(trouve.designation);
    }
    parties.push(siret);
    parties.extend(service);
    parties.join(" — ")
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
    let t = &locale.textes().envoi;
    let [ht, tva, ttc, net] = recu.montants.clone();
    let lignes = [
        (t.numero, recu.numero.clone()),
        (
            t.identifiant_cpp,
            recu.identifiant_cpp
                .map(|i| i.to_string())
                .unwrap_or_default(),
        ),
        (t.fournisseur, recu.fournisseur.clone()),
        (t.destinataire, recu.destinataire.clone()),
        (t.date_depot, date_lisible(&recu.date_depot, locale)),
        (t.statut, statut_lisible(&recu.statut, locale)),
        (t.montant_ht, montant(ht, locale)),
        (t.montant_tva, montant(tva, locale)),
        (t.montant_ttc, montant(ttc, locale)),
        (t.net_a_payer, montant(net, locale)),
        (t.certificat, recu.empreinte_certificat.clone()),
    ];
    let mut texte = format!("{}\n\n", t.recap_titre);
    for (terme, valeur) in lignes {
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
