//! Factures émises — Saisir une facture: the header, the lines (add, edit, delete), the VAT breakdown
//! and totals computed as you type, live checks, and the same idempotent sending as « Déposer »
//! (`SAISIE_API`: Chorus Pro numbers the invoice).
//!
//! The screen only binds: `facture::saisie::Saisie` reads the text and computes; `facture::regles`
//! checks; `components::envoi` sends.

use std::collections::BTreeMap;

use cpro::factures::SoumettreRequest;
use facture::regles::{check, Contexte, Finding, Severity};
use facture::saisie::{date_du_jour, montants_ligne, LigneSaisie, Saisie};
use facture::{CodeCadre, Facture, ModePaiement, TypeTva};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, CompteBancaire, DestinataireTrouve, StructureFournisseur};
use crate::app::Reglages;
use crate::components::envoi::{
    enregistrer_etape, lignes_confirmation, soumettre_idempotent, BarreEnvoi, Recapitulatif,
};
use crate::components::garde::Protege;
use crate::components::pieces_jointes::{Lentille, PiecesJointes};
use crate::i18n::{I18n, Locale, Saisir as TextesSaisir};
use crate::navigateur::aujourd_hui;
use crate::pages::suivi::montant;
use crate::state::brouillons::{self, BrouillonSaisie, Etape, SuiviEnvoi};
use crate::state::session::{EtatSession, Session};

/// What the checks say, by input key (`code_service`, `lignes[1].quantite`…), plus the rest.
#[derive(Debug, Clone, PartialEq, Default)]
struct Constats {
    par_champ: BTreeMap<String, Vec<(Severity, String)>>,
    autres: Vec<(Severity, String)>,
    n_bloquants: usize,
}

fn constater(
    saisie: &Saisie,
    destinataire: Option<&DestinataireTrouve>,
    locale: Locale,
) -> (Facture, Constats) {
    let (facture, illisibles) = saisie.facture();
    let mut contexte = Contexte::new(aujourd_hui());
    contexte.destinataire = destinataire.map(|d| d.annuaire.clone());
    let mut constats = Constats::default();
    let t = &locale.textes().saisir;
    for illisible in illisibles {
        constats.n_bloquants += 1;
        constats
            .par_champ
            .entry(illisible.champ)
            .or_default()
            .push((Severity::Blocking, t.illisible.to_owned()));
    }
    for finding in check(&facture, &contexte) {
        if finding.severity == Severity::Blocking {
            constats.n_bloquants += 1;
        }
        let message = texte_finding(&finding, locale);
        match Saisie::champ_du_chemin(&finding.field) {
            Some(cle) => constats
                .par_champ
                .entry(cle)
                .or_default()
                .push((finding.severity, message)),
            None => constats.autres.push((finding.severity, message)),
        }
    }
    (facture, constats)
}

fn texte_finding(finding: &Finding, locale: Locale) -> String {
    let texte = match locale {
        Locale::Fr => &finding.message_fr,
        Locale::En => &finding.message_en,
    };
    match finding.fix.as_deref().filter(|f| !f.is_empty()) {
        Some(correction) => format!(
            "{texte} {} {correction}",
            locale.textes().deposer.correction
        ),
        None => texte.clone(),
    }
}

/// The screen.
#[component]
pub fn SaisirFacture() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let session = Session::expect_context();
    let saisie = RwSignal::new(Saisie {
        date_facture: date_du_jour(aujourd_hui()),
        ..Saisie::default()
    });
    let suivi = RwSignal::new(SuiviEnvoi {
        cle_idempotence: format!("saisie-{}", brouillons::nouvel_identifiant()),
        ..SuiviEnvoi::default()
    });
    let structures = RwSignal::new(None::<Result<Vec<StructureFournisseur>, String>>);
    let comptes = RwSignal::new(Vec::<CompteBancaire>::new());
    let destinataire = RwSignal::new(None::<DestinataireTrouve>);
    let utilisateur = move || match session.etat_untracked() {
        EtatSession::Connecte(u) => Some(u.id),
        _ => None,
    };

    // The draft of an earlier visit comes back, once the session is known; then every change is kept.
    let repris = StoredValue::new(false);
    Effect::new(move |_| {
        let EtatSession::Connecte(connecte) = session.etat() else {
            return;
        };
        if !repris.get_value() {
            repris.set_value(true);
            if let Some(brouillon) = brouillons::charger_saisie(connecte.id) {
                saisie.set(brouillon.saisie);
                suivi.set(brouillon.envoi);
            }
        }
    });
    Effect::new(move |_| {
        let brouillon = BrouillonSaisie {
            saisie: saisie.get(),
            envoi: suivi.get(),
        };
        if let (true, Some(utilisateur)) = (repris.get_value(), utilisateur()) {
            brouillons::enregistrer_saisie(utilisateur, &brouillon);
        }
    });

    let base = reglages.api_base();
    spawn_local(async move {
        let reponse = api::structures_fournisseur(&base)
            .await
            .map_err(|e| e.libelle());
        if let Ok(liste) = &reponse {
            // One structure: it is the supplier.
            if let [seule] = liste.as_slice() {
                let _ = saisie.try_update(|s| {
                    if s.id_fournisseur.is_none() {
                        s.id_fournisseur = Some(seule.id);
                        s.siret_fournisseur = seule.identifiant.clone();
                    }
                });
            }
        }
        let _ = structures.try_set(Some(reponse));
    });
    // The structure's bank accounts, whenever the structure changes.
    Effect::new(move |_| {
        let Some(id) = saisie.with(|s| s.id_fournisseur) else {
            comptes.set(Vec::new());
            return;
        };
        let base = reglages.api_base();
        spawn_local(async move {
            let liste = api::comptes_bancaires(&base, id).await.unwrap_or_default();
            if let [seul] = liste.as_slice() {
                let _ = saisie.try_update(|s| {
                    if s.code_coordonnees_bancaires.is_none() {
                        s.code_coordonnees_bancaires = Some(seul.id);
                    }
                });
            }
            let _ = comptes.try_set(liste);
        });
    });
    // The recipient in the directory, whenever a valid SIRET is typed.
    Effect::new(move |_| {
        let siret = saisie.with(|s| {
            facture::identifiant::Siret::parse(&s.siret_destinataire)
                .ok()
                .map(|siret| siret.as_str().to_owned())
        });
        let Some(siret) = siret else {
            destinataire.set(None);
            return;
        };
        let base = reglages.api_base();
        spawn_local(async move {
            let trouve = api::destinataire(&base, &siret).await.ok().flatten();
            let _ = destinataire.try_set(trouve);
        });
    });

    let calcul = Memo::new(move |_| {
        saisie.with(|s| destinataire.with(|d| constater(s, d.as_ref(), i18n.locale())))
    });
    let constats = Signal::derive(move || calcul.with(|(_, c)| c.clone()));
    let n_bloquants = Signal::derive(move || calcul.with(|(_, c)| c.n_bloquants));
    let nom_destinataire = move || {
        let siret = saisie.with_untracked(|s| s.siret_destinataire.clone());
        match destinataire.get_untracked() {
            Some(d) => format!("{} — {siret}", d.designation),
            None => siret,
        }
    };
    let confirmation = Callback::new(move |()| {
        calcul.with_untracked(|(facture, _)| {
            lignes_confirmation(facture, nom_destinataire(), i18n.locale())
        })
    });
    let envoyer = Callback::new(move |()| {
        if suivi.with_untracked(|e| e.etape == Etape::EnCours) {
            return;
        }
        suivi.update(|e| e.etape = Etape::EnCours);
        let base = reglages.api_base();
        let locale = i18n.locale();
        let corps_neuf = move || {
            Some(SoumettreRequest::from(
                &calcul.with_untracked(|(f, _)| f.clone()),
            ))
        };
        let nom = nom_destinataire();
        spawn_local(async move {
            let etape = soumettre_idempotent(&base, suivi, corps_neuf, nom, locale).await;
            // The embedding page (intranet iframe) hears of it.
            if let Etape::Envoyee(recu) = &etape {
                let cle = suivi
                    .try_with_untracked(|e| e.cle_idempotence.clone())
                    .unwrap_or_default();
                crate::state::integration::facture_envoyee(&cle, recu);
            }
            enregistrer_etape(suivi, etape);
        });
    });
    let recommencer = Callback::new(move |()| {
        if let Some(utilisateur) = utilisateur() {
            brouillons::supprimer_saisie(utilisateur);
        }
        saisie.set(Saisie {
            date_facture: date_du_jour(aujourd_hui()),
            ..Saisie::default()
        });
        suivi.set(SuiviEnvoi {
            cle_idempotence: format!("saisie-{}", brouillons::nouvel_identifiant()),
            ..SuiviEnvoi::default()
        });
    });
    let envoyee = move || suivi.with(|e| matches!(e.etape, Etape::Envoyee(_)));
    let fige = move || suivi.with(|e| e.corps.is_some());

    view! {
        <Protege>
            <h1>{move || i18n.t().saisir.titre}</h1>
            <p class="intro">{move || i18n.t().saisir.intro}</p>
            <Show when=envoyee>
                <Recapitulatif suivi nouvelle=recommencer />
            </Show>
            <Show when=move || !envoyee()>
                <form class="saisie" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                    <fieldset class="groupe" disabled=fige>
                        <legend>{move || i18n.t().saisir.groupe_fournisseur}</legend>
                        <ChoixFournisseur saisie structures comptes constats />
                    </fieldset>
                    <fieldset class="groupe" disabled=fige>
                        <legend>{move || i18n.t().saisir.groupe_destinataire}</legend>
                        <Texte saisie constats cle="siret_destinataire" libelle=|t| t.siret_destinataire lire=|s| s.siret_destinataire.clone() ecrire=|s, v| s.siret_destinataire = v />
                        <p class="note-annuaire" role="status">
                            {move || destinataire.get().map(|d| format!("{} {}", i18n.t().deposer.annuaire_trouve, d.designation))}
                        </p>
                        <Texte saisie constats cle="code_service" libelle=|t| t.code_service lire=|s| s.code_service.clone() ecrire=|s, v| s.code_service = v />
                        <Texte saisie constats cle="numero_engagement" libelle=|t| t.engagement lire=|s| s.numero_engagement.clone() ecrire=|s, v| s.numero_engagement = v />
                        <Texte saisie constats cle="numero_marche" libelle=|t| t.marche lire=|s| s.numero_marche.clone() ecrire=|s, v| s.numero_marche = v />
                    </fieldset>
                    <fieldset class="groupe" disabled=fige>
                        <legend>{move || i18n.t().saisir.groupe_facture}</legend>
                        <Texte saisie constats cle="date_facture" libelle=|t| t.date_facture lire=|s| s.date_facture.clone() ecrire=|s, v| s.date_facture = v />
                        <Choix
                            saisie
                            cle="cadre"
                            libelle=|t| t.cadre
                            options=vec![("A1", |t: &TextesSaisir| t.cadre_a1), ("A2", |t: &TextesSaisir| t.cadre_a2)]
                            lire=|s| if s.cadre == CodeCadre::A2FactureFournisseurDejaPayee { "A2" } else { "A1" }
                            ecrire=|s, v| {
                                s.cadre = if v == "A2" {
                                    CodeCadre::A2FactureFournisseurDejaPayee
                                } else {
                                    CodeCadre::A1FactureFournisseur
                                };
                            }
                        />
                        <Choix
                            saisie
                            cle="mode_paiement"
                            libelle=|t| t.mode_paiement
                            options=vec![
                                ("VIREMENT", |t: &TextesSaisir| t.virement),
                                ("CHEQUE", |t: &TextesSaisir| t.cheque),
                                ("PRELEVEMENT", |t: &TextesSaisir| t.prelevement),
                            ]
                            lire=|s| match s.mode_paiement {
                                Some(ModePaiement::Cheque) => "CHEQUE",
                                Some(ModePaiement::Prelevement) => "PRELEVEMENT",
                                _ => "VIREMENT",
                            }
                            ecrire=|s, v| {
                                s.mode_paiement = Some(match v {
                                    "CHEQUE" => ModePaiement::Cheque,
                                    "PRELEVEMENT" => ModePaiement::Prelevement,
                                    _ => ModePaiement::Virement,
                                });
                            }
                        />
                        <Choix
                            saisie
                            cle="type_tva"
                            libelle=|t| t.type_tva
                            options=vec![
                                ("TVA_SUR_DEBIT", |t: &TextesSaisir| t.tva_debit),
                                ("TVA_SUR_ENCAISSEMENT", |t: &TextesSaisir| t.tva_encaissement),
                            ]
                            lire=|s| if s.type_tva == TypeTva::TvaSurEncaissement { "TVA_SUR_ENCAISSEMENT" } else { "TVA_SUR_DEBIT" }
                            ecrire=|s, v| {
                                s.type_tva = if v == "TVA_SUR_ENCAISSEMENT" {
                                    TypeTva::TvaSurEncaissement
                                } else {
                                    TypeTva::TvaSurDebit
                                };
                            }
                        />
                    </fieldset>
                    <fieldset class="groupe groupe--lignes" disabled=fige>
                        <legend>{move || i18n.t().saisir.groupe_lignes}</legend>
                        <Lignes saisie calcul constats />
                    </fieldset>
                    <fieldset class="groupe" disabled=fige>
                        <legend>{move || i18n.t().saisir.groupe_totaux}</legend>
                        <Totaux calcul />
                        <Texte saisie constats cle="remise_globale_ttc" libelle=|t| t.remise_globale lire=|s| s.remise_globale_ttc.clone() ecrire=|s, v| s.remise_globale_ttc = v />
                        <Texte saisie constats cle="motif_remise_globale" libelle=|t| t.motif_remise lire=|s| s.motif_remise_globale.clone() ecrire=|s, v| s.motif_remise_globale = v />
                        <Texte saisie constats cle="commentaire" libelle=|t| t.commentaire lire=|s| s.commentaire.clone() ecrire=|s, v| s.commentaire = v />
                    </fieldset>
                </form>
                <PiecesJointes
                    lentille=Lentille { etat: saisie, pieces: |s: &mut Saisie| &mut s.pieces_jointes }
                    prefixe="saisie".to_owned()
                    fige=Signal::derive(fige)
                />
                <Autres constats />
                <BarreEnvoi suivi n_bloquants confirmation envoyer retirer=recommencer />
            </Show>
        </Protege>
    }
}

/// A label of this screen, read from the strings of the current locale.
type Libelle = fn(&TextesSaisir) -> &'static str;

/// The findings on one input, under it.
#[component]
fn MessagesChamp(id: String, constats: Signal<Constats>, cle: String) -> impl IntoView {
    let i18n = I18n::expect_context();
    view! {
        <ul id=id class="messages">
            {move || {
                constats
                    .with(|c| c.par_champ.get(&cle).cloned().unwrap_or_default())
                    .into_iter()
                    .map(|(gravite, texte)| {
                        let (classe, nom) = match gravite {
                            Severity::Blocking => ("message message--bloquant", i18n.t().deposer.bloquant),
                            Severity::Warning => ("message message--avertissement", i18n.t().deposer.avertissement),
                        };
                        view! {
                            <li class=classe>
                                <span class="messages__gravite">{nom}</span>
                                " "
                                {texte}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

fn bloquant(constats: Signal<Constats>, cle: &str) -> bool {
    constats.with(|c| {
        c.par_champ
            .get(cle)
            .is_some_and(|m| m.iter().any(|(g, _)| *g == Severity::Blocking))
    })
}

/// A text input bound to one field of the form.
#[component]
fn Texte(
    saisie: RwSignal<Saisie>,
    constats: Signal<Constats>,
    cle: &'static str,
    libelle: Libelle,
    lire: fn(&Saisie) -> String,
    ecrire: fn(&mut Saisie, String),
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let id = format!("saisie-{cle}");
    let id_messages = format!("{id}-messages");
    let en_erreur = move || bloquant(constats, cle);
    view! {
        <div class="champ" class:champ--bloquant=en_erreur>
            <label for=id.clone()>{move || libelle(&i18n.t().saisir)}</label>
            <input
                id=id
                type="text"
                prop:value=move || saisie.with(lire)
                aria-invalid=move || en_erreur().to_string()
                aria-describedby=id_messages.clone()
                on:input=move |ev| {
                    let valeur = event_target_value(&ev);
                    saisie.update(|s| ecrire(s, valeur));
                }
            />
            <MessagesChamp id=id_messages constats cle=cle.to_owned() />
        </div>
    }
}

/// A select bound to one field of the form.
#[component]
fn Choix(
    saisie: RwSignal<Saisie>,
    cle: &'static str,
    libelle: Libelle,
    options: Vec<(&'static str, Libelle)>,
    lire: fn(&Saisie) -> &'static str,
    ecrire: fn(&mut Saisie, &str),
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let id = format!("saisie-{cle}");
    view! {
        <div class="champ">
            <label for=id.clone()>{move || libelle(&i18n.t().saisir)}</label>
            <select
                id=id
                on:change=move |ev| {
                    let valeur = event_target_value(&ev);
                    saisie.update(|s| ecrire(s, &valeur));
                }
            >
                {options
                    .into_iter()
                    .map(|(code, libelle_option)| {
                        view! {
                            <option value=code selected=move || saisie.with(lire) == code>
                                {move || libelle_option(&i18n.t().saisir)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The supplier structure and the bank account to pay.
#[component]
fn ChoixFournisseur(
    saisie: RwSignal<Saisie>,
    structures: RwSignal<Option<Result<Vec<StructureFournisseur>, String>>>,
    comptes: RwSignal<Vec<CompteBancaire>>,
    constats: Signal<Constats>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let structure_en_erreur = move || bloquant(constats, "id_fournisseur");
    let compte_en_erreur = move || bloquant(constats, "compte_bancaire");
    view! {
        <div class="champ" class:champ--bloquant=structure_en_erreur>
            <label for="saisie-structure">{move || i18n.t().envoi.structure}</label>
            <select
                id="saisie-structure"
                aria-invalid=move || structure_en_erreur().to_string()
                aria-describedby="saisie-structure-messages"
                on:change=move |ev| {
                    let id = event_target_value(&ev).parse::<i64>().ok();
                    let siret = structures.with_untracked(|s| {
                        s.as_ref()
                            .and_then(|r| r.as_ref().ok())
                            .and_then(|l| l.iter().find(|x| Some(x.id) == id))
                            .map(|x| x.identifiant.clone())
                            .unwrap_or_default()
                    });
                    saisie.update(|s| {
                        s.id_fournisseur = id;
                        s.siret_fournisseur = siret;
                        s.code_coordonnees_bancaires = None;
                    });
                }
            >
                <option value="" selected=move || saisie.with(|s| s.id_fournisseur.is_none())>
                    {move || i18n.t().envoi.structure_choisir}
                </option>
                {move || {
                    structures
                        .get()
                        .and_then(Result::ok)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| {
                            let texte = format!("{} — {}", s.designation, s.identifiant);
                            view! {
                                <option value=s.id.to_string() selected=move || saisie.with(|x| x.id_fournisseur == Some(s.id))>
                                    {texte}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <MessagesChamp id="saisie-structure-messages".to_owned() constats cle="id_fournisseur".to_owned() />
        </div>
        <div class="champ" class:champ--bloquant=compte_en_erreur>
            <label for="saisie-compte">{move || i18n.t().saisir.compte_bancaire}</label>
            <select
                id="saisie-compte"
                aria-invalid=move || compte_en_erreur().to_string()
                aria-describedby="saisie-compte-messages"
                on:change=move |ev| {
                    let id = event_target_value(&ev).parse::<i64>().ok();
                    saisie.update(|s| s.code_coordonnees_bancaires = id);
                }
            >
                <option value="" selected=move || saisie.with(|s| s.code_coordonnees_bancaires.is_none())>
                    {move || i18n.t().envoi.mode_choisir}
                </option>
                {move || {
                    comptes
                        .get()
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c.id.to_string() selected=move || saisie.with(|x| x.code_coordonnees_bancaires == Some(c.id))>
                                    {c.nom.clone()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <MessagesChamp id="saisie-compte-messages".to_owned() constats cle="compte_bancaire".to_owned() />
        </div>
    }
}

/// The lines: one row of inputs each, the computed HT and TTC, delete; then « Ajouter une ligne ».
#[component]
fn Lignes(
    saisie: RwSignal<Saisie>,
    calcul: Memo<(Facture, Constats)>,
    constats: Signal<Constats>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    type Colonne = (
        &'static str,
        Libelle,
        fn(&LigneSaisie) -> String,
        fn(&mut LigneSaisie, String),
    );
    const COLONNES: [Colonne; 7] = [
        (
            "reference",
            |t| t.col_reference,
            |l| l.reference.clone(),
            |l, v| l.reference = v,
        ),
        (
            "denomination",
            |t| t.col_denomination,
            |l| l.denomination.clone(),
            |l, v| l.denomination = v,
        ),
        (
            "quantite",
            |t| t.col_quantite,
            |l| l.quantite.clone(),
            |l, v| l.quantite = v,
        ),
        (
            "unite",
            |t| t.col_unite,
            |l| l.unite.clone(),
            |l, v| l.unite = v,
        ),
        (
            "prix_unitaire_ht",
            |t| t.col_prix,
            |l| l.prix_unitaire_ht.clone(),
            |l, v| l.prix_unitaire_ht = v,
        ),
        (
            "remise_ht",
            |t| t.col_remise,
            |l| l.remise_ht.clone(),
            |l, v| l.remise_ht = v,
        ),
        (
            "taux_tva",
            |t| t.col_taux,
            |l| l.taux_tva.clone(),
            |l, v| l.taux_tva = v,
        ),
    ];
    let n_lignes = move || saisie.with(|s| s.lignes.len());
    view! {
        <table class="tableau tableau--saisie">
            <caption class="visuellement-cache">{move || i18n.t().saisir.groupe_lignes}</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    {COLONNES.iter().map(|(_, libelle, _, _)| view! { <th scope="col">{move || libelle(&i18n.t().saisir)}</th> }).collect_view()}
                    <th scope="col">{move || i18n.t().saisir.col_ht}</th>
                    <th scope="col">{move || i18n.t().saisir.col_ttc}</th>
                    <th scope="col"><span class="visuellement-cache">{move || i18n.t().saisir.supprimer_ligne}</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=move || 0..n_lignes() key=|index| *index let:index>
                    <tr>
                        <th scope="row">{index + 1}</th>
                        {COLONNES
                            .iter()
                            .map(|(nom, libelle, lire, ecrire)| {
                                let (nom, libelle, lire, ecrire) = (*nom, *libelle, *lire, *ecrire);
                                let cle = format!("lignes[{index}].{nom}");
                                let id = format!("saisie-ligne-{index}-{nom}");
                                let id_messages = format!("{id}-messages");
                                let cle_erreur = cle.clone();
                                let en_erreur = Signal::derive(move || bloquant(constats, &cle_erreur));
                                view! {
                                    <td class:champ--bloquant=en_erreur>
                                        <input
                                            id=id
                                            type="text"
                                            aria-label=move || format!("{} {}", libelle(&i18n.t().saisir), index + 1)
                                            aria-invalid=move || en_erreur.get().to_string()
                                            aria-describedby=id_messages.clone()
                                            prop:value=move || saisie.with(|s| s.lignes.get(index).map(lire).unwrap_or_default())
                                            on:input=move |ev| {
                                                let valeur = event_target_value(&ev);
                                                saisie.update(|s| {
                                                    if let Some(l) = s.lignes.get_mut(index) {
                                                        ecrire(l, valeur);
                                                    }
                                                });
                                            }
                                        />
                                        <MessagesChamp id=id_messages constats cle />
                                    </td>
                                }
                            })
                            .collect_view()}
                        <td class="montant">
                            {move || calcul.with(|(f, _)| f.lignes.get(index).map(|l| montant(Some(montants_ligne(l).0), i18n.locale())))}
                        </td>
                        <td class="montant">
                            {move || calcul.with(|(f, _)| f.lignes.get(index).map(|l| montant(Some(montants_ligne(l).1), i18n.locale())))}
                        </td>
                        <td>
                            <button
                                type="button"
                                class="bouton bouton--petit bouton--secondaire"
                                aria-label=move || format!("{} {}", i18n.t().saisir.supprimer_ligne, index + 1)
                                on:click=move |_| saisie.update(|s| {
                                    if index < s.lignes.len() {
                                        s.lignes.remove(index);
                                    }
                                })
                            >
                                "✕"
                            </button>
                        </td>
                    </tr>
                </For>
            </tbody>
        </table>
        <MessagesChamp id="saisie-lignes-messages".to_owned() constats cle="lignes".to_owned() />
        <button
            type="button"
            class="bouton"
            on:click=move |_| saisie.update(|s| s.lignes.push(LigneSaisie::default()))
        >
            {move || i18n.t().saisir.ajouter_ligne}
        </button>
    }
}

/// The VAT breakdown and the totals, computed.
#[component]
fn Totaux(calcul: Memo<(Facture, Constats)>) -> impl IntoView {
    let i18n = I18n::expect_context();
    move || {
        let t = &i18n.t().saisir;
        let locale = i18n.locale();
        let (recap, totaux) = calcul.with(|(f, _)| (f.recap_tva.clone(), f.totaux.clone()));
        view! {
            <table class="tableau tableau--recap">
                <caption>{t.recap_tva}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_taux}</th>
                        <th scope="col">{t.base_ht}</th>
                        <th scope="col">{t.montant_tva}</th>
                    </tr>
                </thead>
                <tbody>
                    {recap
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr>
                                    <th scope="row">{l.taux.map(|t| taux_lisible(t, locale)).unwrap_or_default()}</th>
                                    <td class="montant">{montant(Some(l.montant_base_ht), locale)}</td>
                                    <td class="montant">{montant(Some(l.montant_tva), locale)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <dl class="recapitulatif totaux" aria-live="polite">
                <dt>{t.total_ht}</dt>
                <dd>{montant(Some(totaux.montant_ht), locale)}</dd>
                <dt>{t.total_tva}</dt>
                <dd>{montant(Some(totaux.montant_tva), locale)}</dd>
                <dt>{t.total_ttc}</dt>
                <dd>{montant(Some(totaux.montant_ttc), locale)}</dd>
                <dt>{t.net_a_payer}</dt>
                <dd><strong>{montant(Some(totaux.montant_a_payer), locale)}</strong></dd>
            </dl>
        }
    }
}

/// A VAT rate as the locale writes it: `5,5 %` in French.
fn taux_lisible(taux: rust_decimal::Decimal, locale: Locale) -> String {
    let texte = taux.normalize().to_string();
    match locale {
        Locale::Fr => format!("{} %", texte.replace('.', ",")),
        Locale::En => format!("{texte} %"),
    }
}

/// Findings on data the form does not show as an input.
#[component]
fn Autres(constats: Signal<Constats>) -> impl IntoView {
    let i18n = I18n::expect_context();
    move || {
        let autres = constats.with(|c| c.autres.clone());
        (!autres.is_empty()).then(|| {
            view! {
                <section class="autres-points" aria-labelledby="saisie-autres-titre">
                    <h3 id="saisie-autres-titre">{i18n.t().deposer.autres_points}</h3>
                    <ul class="messages">
                        {autres
                            .into_iter()
                            .map(|(gravite, texte)| {
                                let classe = match gravite {
                                    Severity::Blocking => "message message--bloquant",
                                    Severity::Warning => "message message--avertissement",
                                };
                                view! { <li class=classe>{texte}</li> }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
