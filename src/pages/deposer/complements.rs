//! The deposit form's choices that a PDF does not carry: supplier structure, cadre, payment mode, VAT
//! regime, and the fields they bring (valideur, exemption reason, original invoice).

use extract::vers_facture::{lire_champ, Complements, Constats};
use facture::{CodeCadre, ModePaiement, TypeTva};
use leptos::prelude::*;

use super::{Depot, Messages, Structures};
use crate::i18n::{Envoi, I18n};

/// A label, read from the strings of the current locale.
type Libelle = fn(&Envoi) -> &'static str;

const CADRES: [(CodeCadre, &str, Libelle); 4] = [
    (CodeCadre::A1FactureFournisseur, "A1", |t| t.cadre_a1),
    (CodeCadre::A2FactureFournisseurDejaPayee, "A2", |t| {
        t.cadre_a2
    }),
    (CodeCadre::A9FactureSoustraitant, "A9", |t| t.cadre_a9),
    (CodeCadre::A12FactureCotraitant, "A12", |t| t.cadre_a12),
];

const MODES: [(ModePaiement, &str, Libelle); 6] = [
    (ModePaiement::Virement, "VIREMENT", |t| t.mode_virement),
    (ModePaiement::Cheque, "CHEQUE", |t| t.mode_cheque),
    (ModePaiement::Prelevement, "PRELEVEMENT", |t| {
        t.mode_prelevement
    }),
    (ModePaiement::Espece, "ESPECE", |t| t.mode_espece),
    (ModePaiement::Autre, "AUTRE", |t| t.mode_autre),
    (ModePaiement::Report, "REPORT", |t| t.mode_report),
];

const REGIMES: [(TypeTva, &str, Libelle); 4] = [
    (TypeTva::TvaSurDebit, "TVA_SUR_DEBIT", |t| t.tva_debit),
    (TypeTva::TvaSurEncaissement, "TVA_SUR_ENCAISSEMENT", |t| {
        t.tva_encaissement
    }),
    (TypeTva::Exoneration, "EXONERATION", |t| t.tva_exoneration),
    (TypeTva::SansTva, "SANS_TVA", |t| t.tva_sans),
];

fn avec_valideur(cadre: CodeCadre) -> bool {
    matches!(
        cadre,
        CodeCadre::A9FactureSoustraitant | CodeCadre::A12FactureCotraitant
    )
}

/// One of the form's choices, by its key in [`extract::vers_facture::CHAMPS_COMPLEMENTS`]. Fields that
/// only apply to some invoices (valideur, exemption reason, original invoice) show only then.
#[component]
pub(super) fn ChampComplement(
    depot: Depot,
    cle: &'static str,
    constats: Memo<Option<Constats>>,
    structures: Structures,
) -> impl IntoView {
    let visible = move || match cle {
        "valideur_structure" | "valideur_service" => {
            depot.complements.with(|c| avec_valideur(c.cadre))
        }
        "exemption_reason" => depot
            .complements
            .with(|c| c.type_tva == TypeTva::Exoneration),
        "original_invoice" => depot
            .champs
            .with(|c| lire_champ(c, "invoice_type") == Some("AVOIR")),
        _ => true,
    };
    view! {
        <Show when=visible>
            {match cle {
                "supplier_structure" => view! { <ChoixStructure depot constats structures /> }.into_any(),
                "cadre" => {
                    view! {
                        <Choix
                            depot
                            cle
                            constats
                            libelle=|t| t.cadre
                            options=CADRES.iter().map(|(_, code, l)| (*code, *l)).collect()
                            lire=|c| {
                                CADRES.iter().find(|(v, _, _)| *v == c.cadre).map(|(_, code, _)| *code)
                            }
                            ecrire=|c, code| {
                                if let Some((v, _, _)) = CADRES.iter().find(|(_, k, _)| *k == code) {
                                    c.cadre = *v;
                                }
                            }
                            vide=None
                        />
                    }
                        .into_any()
                }
                "payment_mode" => {
                    view! {
                        <Choix
                            depot
                            cle
                            constats
                            libelle=|t| t.mode_paiement
                            options=MODES.iter().map(|(_, code, l)| (*code, *l)).collect()
                            lire=|c| {
                                c.mode_paiement
                                    .and_then(|m| MODES.iter().find(|(v, _, _)| *v == m))
                                    .map(|(_, code, _)| *code)
                            }
                            ecrire=|c, code| {
                                c.mode_paiement = MODES
                                    .iter()
                                    .find(|(_, k, _)| *k == code)
                                    .map(|(v, _, _)| *v);
                            }
                            vide=Some(|t: &Envoi| t.mode_choisir)
                        />
                    }
                        .into_any()
                }
                "vat_type" => {
                    view! {
                        <Choix
                            depot
                            cle
                            constats
                            libelle=|t| t.type_tva
                            options=REGIMES.iter().map(|(_, code, l)| (*code, *l)).collect()
                            lire=|c| {
                                REGIMES
                                    .iter()
                                    .find(|(v, _, _)| *v == c.type_tva)
                                    .map(|(_, code, _)| *code)
                            }
                            ecrire=|c, code| {
                                if let Some((v, _, _)) = REGIMES.iter().find(|(_, k, _)| *k == code) {
                                    c.type_tva = *v;
                                }
                            }
                            vide=None
                        />
                    }
                        .into_any()
                }
                "valideur_structure" => {
                    view! {
                        <Texte
                            depot
                            cle
                            constats
                            libelle=|t| t.valideur_structure
                            lire=|c| c.structure_valideur.clone()
                            ecrire=|c, v| c.structure_valideur = v
                        />
                    }
                        .into_any()
                }
                "valideur_service" => {
                    view! {
                        <Texte
                            depot
                            cle
                            constats
                            libelle=|t| t.valideur_service
                            lire=|c| c.service_valideur.clone()
                            ecrire=|c, v| c.service_valideur = v
                        />
                    }
                        .into_any()
                }
                "exemption_reason" => {
                    view! {
                        <Texte
                            depot
                            cle
                            constats
                            libelle=|t| t.motif_exoneration
                            lire=|c| c.motif_exoneration.clone()
                            ecrire=|c, v| c.motif_exoneration = v
                        />
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <Texte
                            depot
                            cle
                            constats
                            libelle=|t| t.facture_origine
                            lire=|c| c.facture_origine.clone()
                            ecrire=|c, v| c.facture_origine = v
                        />
                    }
                        .into_any()
                }
            }}
        </Show>
    }
}

/// A `<select>` bound to one of the [`Complements`].
#[component]
fn Choix(
    depot: Depot,
    cle: &'static str,
    constats: Memo<Option<Constats>>,
    libelle: Libelle,
    options: Vec<(&'static str, Libelle)>,
    lire: fn(&Complements) -> Option<&'static str>,
    ecrire: fn(&mut Complements, &str),
    /// The label of an empty first option, when no choice is a valid state.
    vide: Option<Libelle>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let id = format!("champ-{}-{cle}", depot.id);
    let id_messages = format!("{id}-messages");
    let bloquant = Signal::derive(move || super::bloquant(constats, cle));
    view! {
        <div class="champ" class:champ--bloquant=bloquant>
            <label for=id.clone()>{move || libelle(&i18n.t().envoi)}</label>
            <select
                id=id
                name=cle
                aria-invalid=move || bloquant.get().to_string()
                aria-describedby=id_messages.clone()
                on:change=move |ev| {
                    let valeur = event_target_value(&ev);
                    depot.complements.update(|c| ecrire(c, &valeur));
                }
            >
                {vide
                    .map(|vide| {
                        view! {
                            <option value="" selected=move || depot.complements.with(|c| lire(c).is_none())>
                                {move || vide(&i18n.t().envoi)}
                            </option>
                        }
                    })}
                {options
                    .into_iter()
                    .map(|(code, libelle_option)| {
                        view! {
                            <option
                                value=code
                                selected=move || depot.complements.with(|c| lire(c) == Some(code))
                            >
                                {move || libelle_option(&i18n.t().envoi)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <Messages id=id_messages constats cle />
        </div>
    }
}

/// A text input bound to one of the [`Complements`].
#[component]
fn Texte(
    depot: Depot,
    cle: &'static str,
    constats: Memo<Option<Constats>>,
    libelle: Libelle,
    lire: fn(&Complements) -> String,
    ecrire: fn(&mut Complements, String),
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let id = format!("champ-{}-{cle}", depot.id);
    let id_messages = format!("{id}-messages");
    let bloquant = Signal::derive(move || super::bloquant(constats, cle));
    view! {
        <div class="champ" class:champ--bloquant=bloquant>
            <label for=id.clone()>{move || libelle(&i18n.t().envoi)}</label>
            <input
                id=id
                type="text"
                name=cle
                prop:value=move || depot.complements.with(lire)
                aria-invalid=move || bloquant.get().to_string()
                aria-describedby=id_messages.clone()
                on:input=move |ev| {
                    let texte = event_target_value(&ev);
                    depot.complements.update(|c| ecrire(c, texte));
                }
            />
            <Messages id=id_messages constats cle />
        </div>
    }
}

/// The user's supplier structures; the one whose SIRET is printed on the invoice is chosen already.
#[component]
fn ChoixStructure(
    depot: Depot,
    constats: Memo<Option<Constats>>,
    structures: Structures,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let cle = "supplier_structure";
    let id = format!("champ-{}-{cle}", depot.id);
    let id_messages = format!("{id}-messages");
    let bloquant = Signal::derive(move || super::bloquant(constats, cle));
    let options = move || match structures.get() {
        Some(Ok(liste)) => liste
            .into_iter()
            .map(|s| {
                let valeur = s.id.to_string();
                let texte = format!("{} — {}", s.designation, s.identifiant);
                view! {
                    <option
                        value=valeur
                        selected=move || depot.complements.with(|c| c.id_fournisseur == Some(s.id))
                    >
                        {texte}
                    </option>
                }
            })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };
    view! {
        <div class="champ" class:champ--bloquant=bloquant>
            <label for=id.clone()>{move || i18n.t().envoi.structure}</label>
            <select
                id=id
                name=cle
                aria-invalid=move || bloquant.get().to_string()
                aria-describedby=id_messages.clone()
                on:change=move |ev| {
                    let valeur = event_target_value(&ev).parse::<i64>().ok();
                    depot.complements.update(|c| c.id_fournisseur = valeur);
                }
            >
                <option value="" selected=move || depot.complements.with(|c| c.id_fournisseur.is_none())>
                    {move || i18n.t().envoi.structure_choisir}
                </option>
                {options}
            </select>
            {move || {
                let t = &i18n.t().envoi;
                match structures.get() {
                    None => Some(view! { <p class="note-annuaire" role="status">{t.structures_chargement}</p> }),
                    Some(Err(_)) => {
                        Some(view! { <p class="note-annuaire" role="status">{t.structures_indisponibles}</p> })
                    }
                    Some(Ok(_)) => None,
                }
            }}
            <Messages id=id_messages constats cle />
        </div>
    }
}
