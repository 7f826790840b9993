//! Factures émises — follow-up: the Synthèse (what needs the supplier now) and Rechercher (criteria,
//! server-side sorting and pages, CSV export of every result).
//!
//! The screen only binds: the work-list rule, the CSV and the statuses come from `facture::suivi`.

use cpro::codes::{CadreFacturation, TypeFacture};
use cpro::factures::{
    ActionFournisseur, FactureRechercheeFournisseur, ParametresRechercherFactureParFournisseur,
    RechercherFournisseurRequest, StatutFacture, TriColonneFactureFournisseur, TriSens,
};
use facture::montant::{formater_montant, parse_montant};
use facture::recherche::{
    self, lire_identifiant, Destinataire, IdentifiantDestinataire, IdentifiantRefuse, Perimetre,
};
use facture::suivi::{a_traiter, csv_factures, Synthese as OptionsSynthese, STATUTS_A_TRAITER};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::api;
use crate::app::Reglages;
use crate::components::garde::Protege;
use crate::i18n::{I18n, Locale, Suivi as TextesSuivi};
use crate::navigateur::{aujourd_hui, telecharger, telecharger_octets};
use crate::pages::tableau::RetardsSynthese;

/// Largest number of invoices a CSV export fetches in one search.
const EXPORT_MAX: i64 = 10_000;

/// Factures émises: deposit, work list and search.
#[component]
pub fn FacturesEmises() -> impl IntoView {
    let i18n = I18n::expect_context();
    view! {
        <Protege>
            <h1>{move || i18n.t().shell.factures_emises}</h1>
            <p class="intro">{move || i18n.t().espaces.factures_emises_texte}</p>
            <p>
                <A href="/factures-emises/deposer" attr:class="bouton bouton--principal">
                    {move || i18n.t().deposer.lien}
                </A>
                " "
                <A href="/factures-emises/saisir" attr:class="bouton">
                    {move || i18n.t().saisir.lien}
                </A>
                " "
                <A href="/factures-emises/tableau-de-bord" attr:class="bouton">
                    {move || i18n.t().tableau.lien}
                </A>
                " "
                <A href="/factures-emises/travaux" attr:class="bouton">
                    {move || i18n.t().travaux.lien}
                </A>
            </p>
            <Synthese />
            <Recherche />
        </Protege>
    }
}

/// The invoices that need the supplier: À recycler, Suspendue, Rejetée not yet acknowledged…
#[component]
fn Synthese() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let masquer_anciens_rejets = RwSignal::new(true);
    let resultat = RwSignal::new(None::<Result<Vec<FactureRechercheeFournisseur>, String>>);
    let base = reglages.api_base();
    spawn_local(async move {
        let requete = RechercherFournisseurRequest {
            statut_courant: STATUTS_A_TRAITER.to_vec(),
            recherche_facture_par_fournisseur: Some(ParametresRechercherFactureParFournisseur {
                nb_resultats_par_page: Some(500),
                ..Default::default()
            }),
            ..Default::default()
        };
        let reponse = api::rechercher_factures(&base, &requete)
            .await
            .map(|r| r.liste_factures)
            .map_err(|e| e.libelle());
        let _ = resultat.try_set(Some(reponse));
    });
    let lignes = move || -> Option<Result<Vec<(FactureRechercheeFournisseur, ActionFournisseur)>, String>> {
        let options = OptionsSynthese {
            masquer_rejets_apres_jours: masquer_anciens_rejets.get().then_some(10),
        };
        let aujourd_hui = aujourd_hui();
        resultat.get().map(|r| {
            r.map(|factures| {
                factures
                    .into_iter()
                    .filter_map(|f| a_traiter(&f, aujourd_hui, &options).map(|a| (f, a)))
                    .collect()
            })
        })
    };
    view! {
        <section class="suivi" aria-labelledby="synthese-titre">
            <h2 id="synthese-titre">{move || i18n.t().suivi.synthese_titre}</h2>
            <RetardsSynthese />
            <label class="case">
                <input
                    type="checkbox"
                    prop:checked=move || masquer_anciens_rejets.get()
                    on:change=move |ev| masquer_anciens_rejets.set(event_target_checked(&ev))
                />
                {move || i18n.t().suivi.masquer_rejets}
            </label>
            {move || {
                let t = &i18n.t().suivi;
                match lignes() {
                    None => view! { <p role="status">{t.chargement}</p> }.into_any(),
                    Some(Err(message)) => {
                        view! { <p class="erreur" role="alert">{t.erreur_recherche} " " {message}</p> }
                            .into_any()
                    }
                    Some(Ok(lignes)) if lignes.is_empty() => {
                        view! { <p class="resume resume--ok" role="status">{t.synthese_vide}</p> }.into_any()
                    }
                    Some(Ok(lignes)) => {
                        let locale = i18n.locale();
                        view! {
                            <table class="tableau">
                                <caption class="visuellement-cache">{t.synthese_titre}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t.col_numero}</th>
                                        <th scope="col">{t.col_destinataire}</th>
                                        <th scope="col">{t.col_statut}</th>
                                        <th scope="col">{t.col_montant_ttc}</th>
                                        <th scope="col">{t.col_action}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {lignes
                                        .into_iter()
                                        .map(|(f, action)| {
                                            let id = f.identifiant_facture_cpp.unwrap_or_default();
                                            let numero = f.numero_facture.clone().unwrap_or_default();
                                            let lien = format!("/factures-emises/facture/{id}");
                                            let aria = format!("{} {numero}", libelle_action(t, action));
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        <A href=lien.clone()>{numero.clone()}</A>
                                                    </th>
                                                    <td>{f.designation_destinataire.clone().unwrap_or_default()}</td>
                                                    <td>{badge_statut(f.statut.as_ref(), locale)}</td>
                                                    <td class="montant">{montant(f.montant_ttc, locale)}</td>
                                                    <td>
                                                        <A
                                                            href=lien
                                                            attr:class="bouton bouton--petit"
                                                            attr:aria-label=aria
                                                        >
                                                            {libelle_action(t, action)}
                                                        </A>
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}

/// The criteria of the search form, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct Criteres {
    numero: String,
    statut: String,
    /// Destinataire: tous, État, hors État.
    perimetre: Perimetre,
    /// A recipient's SIRET or SIREN (with « tous » only).
    identifiant: String,
    /// A code service of that recipient (or of the State).
    code_service: String,
    /// `typeFacture`: empty, FACTURE or AVOIR.
    type_facture: String,
    /// `cadreFacturation` code, empty for any.
    cadre: String,
    /// The supplier structure (`idFournisseur`), empty for all of the user's.
    id_fournisseur: String,
    /// The supplier's service (`idServiceFournisseur`), empty for any.
    id_service_fournisseur: String,
    depot_du: String,
    depot_au: String,
    montant_min: String,
    montant_max: String,
}

/// Why the criteria cannot be searched as typed; names the field.
#[derive(Debug, Clone, Copy, PartialEq)]
enum CritereRefuse {
    /// An amount bound that is not an amount (the field's id).
    Montant(&'static str),
    /// The recipient's SIRET / SIREN.
    Identifiant(IdentifiantRefuse),
    /// A code service without one recipient structure.
    ServiceSansDestinataire,
}

impl CritereRefuse {
    fn champ(self) -> &'static str {
        match self {
            CritereRefuse::Montant(champ) => champ,
            CritereRefuse::Identifiant(_) => "critere-identifiant",
            CritereRefuse::ServiceSansDestinataire => "critere-service",
        }
    }

    fn message(self, t: &TextesSuivi, locale: Locale) -> &'static str {
        match self {
            CritereRefuse::Montant(_) => t.montant_invalide,
            CritereRefuse::Identifiant(refus) => {
                let (fr, en) = refus.messages();
                match locale {
                    Locale::Fr => fr,
                    Locale::En => en,
                }
            }
            CritereRefuse::ServiceSansDestinataire => t.service_sans_destinataire,
        }
    }
}

impl Criteres {
    /// The amount bounds (TTC) as typed, the French way; `Err` names the unreadable one.
    fn montants(&self) -> Result<(Option<Decimal>, Option<Decimal>), &'static str> {
        let lire = |texte: &str, champ: &'static str| {
            let texte = texte.trim();
            if texte.is_empty() {
                Ok(None)
            } else {
                parse_montant(texte).map(Some).map_err(|_| champ)
            }
        };
        Ok((
            lire(&self.montant_min, "critere-montant-min")?,
            lire(&self.montant_max, "critere-montant-max")?,
        ))
    }

    /// The recipient identifier typed, when « tous » is chosen.
    fn identifiant(&self) -> Result<Option<IdentifiantDestinataire>, IdentifiantRefuse> {
        match self.perimetre {
            Perimetre::Tous => lire_identifiant(&self.identifiant),
            _ => Ok(None),
        }
    }

    /// Checks what can be checked before searching.
    fn verifier(&self) -> Result<(), CritereRefuse> {
        self.montants().map_err(CritereRefuse::Montant)?;
        let identifiant = self.identifiant().map_err(CritereRefuse::Identifiant)?;
        let une_structure = self.perimetre == Perimetre::Etat
            || matches!(identifiant, Some(IdentifiantDestinataire::Siret(_)));
        if !self.code_service.trim().is_empty() && !une_structure {
            return Err(CritereRefuse::ServiceSansDestinataire);
        }
        Ok(())
    }

    /// The request, once the recipient criterion is resolved; `None` when nothing can match.
    fn requete(
        &self,
        destinataire: &Destinataire,
        page: i64,
        par_page: i64,
        tri: (TriColonneFactureFournisseur, TriSens),
    ) -> Option<RechercherFournisseurRequest> {
        let texte = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let (montant_min, montant_max) = self.montants().unwrap_or_default();
        let mut requete = RechercherFournisseurRequest {
            montant_ttc_min: montant_min,
            montant_ttc_max: montant_max,
            numero_facture: texte(&self.numero),
            statut_courant: texte(&self.statut)
                .map(|code| vec![StatutFacture::from_code(&code)])
                .unwrap_or_default(),
            type_facture: texte(&self.type_facture).map(|c| TypeFacture::from_code(&c)),
            cadre_facturation: texte(&self.cadre).map(|c| CadreFacturation::from_code(&c)),
            id_fournisseur: self.id_fournisseur.parse().ok(),
            id_service_fournisseur: self.id_service_fournisseur.parse().ok(),
            periode_date_depot_du: date(&self.depot_du),
            periode_date_depot_au: date(&self.depot_au),
            recherche_facture_par_fournisseur: Some(ParametresRechercherFactureParFournisseur {
                page_resultat_demandee: Some(page),
                nb_resultats_par_page: Some(par_page),
                tri_colonne: Some(tri.0),
                tri_sens: Some(tri.1),
                ..Default::default()
            }),
            ..Default::default()
        };
        recherche::appliquer(&mut requete, destinataire).then_some(requete)
    }
}

/// Statuses offered in the search form.
const STATUTS_RECHERCHE: [StatutFacture; 10] = [
    StatutFacture::DEPOSEE,
    StatutFacture::MISE_A_DISPOSITION,
    StatutFacture::A_RECYCLER,
    StatutFacture::SUSPENDUE,
    StatutFacture::REJETEE,
    StatutFacture::SERVICE_FAIT,
    StatutFacture::MANDATEE,
    StatutFacture::MISE_EN_PAIEMENT,
    StatutFacture::COMPLETEE,
    StatutFacture::COMPTABILISEE,
];

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
struct Page {
    factures: Vec<FactureRechercheeFournisseur>,
    total: i64,
    pages: i64,
}

/// Rechercher: criteria, sortable results paged by the server, CSV export.
#[component]
fn Recherche() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let criteres = RwSignal::new(Criteres::default());
    let page = RwSignal::new(1_i64);
    let par_page = RwSignal::new(10_i64);
    let tri = RwSignal::new((TriColonneFactureFournisseur::DateDepot, TriSens::Descendant));
    let resultat = RwSignal::new(None::<Result<Page, String>>);
    let export = RwSignal::new(None::<String>);
    // The invoices ticked for a grouped download (kept across pages and sorts).
    let selection = RwSignal::new(std::collections::BTreeMap::<i64, String>::new());
    let avec_pieces = RwSignal::new(false);
    let telechargement = RwSignal::new(None::<String>);
    let refus = RwSignal::new(None::<CritereRefuse>);
    // The user's supplier structures, and the services of the one chosen.
    let structures = RwSignal::new(Vec::<api::StructureFournisseur>::new());
    let services_fournisseur = RwSignal::new(Vec::<api::ServiceStructure>::new());
    let base = reglages.api_base();
    spawn_local(async move {
        if let Ok(liste) = api::structures_fournisseur(&base).await {
            let _ = structures.try_set(liste);
        }
    });
    let choisir_fournisseur = move |valeur: String| {
        criteres.update(|c| {
            c.id_fournisseur = valeur.clone();
            c.id_service_fournisseur.clear();
        });
        services_fournisseur.set(Vec::new());
        if let Ok(id) = valeur.parse::<i64>() {
            let base = reglages.api_base();
            spawn_local(async move {
                if let Ok(liste) = api::services_structure(&base, id).await {
                    // Only if that structure is still the one chosen.
                    if criteres.try_with_untracked(|c| c.id_fournisseur == id.to_string())
                        == Some(true)
                    {
                        let _ = services_fournisseur.try_set(liste);
                    }
                }
            });
        }
    };
    // A request number: only the last search's answer is shown.
    let generation = StoredValue::new(0_u64);

    let chercher = move || {
        let criteres = criteres.get_untracked();
        if let Err(erreur) = criteres.verifier() {
            refus.set(Some(erreur));
            let champ = erreur.champ();
            request_animation_frame(move || {
                let element = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(champ))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let Some(element) = element {
                    let _ = element.focus();
                }
            });
            return;
        }
        refus.set(None);
        let (page, par_page, tri) = (
            page.get_untracked(),
            par_page.get_untracked(),
            tri.get_untracked(),
        );
        let base = reglages.api_base();
        generation.update_value(|g| *g += 1);
        let numero = generation.get_value();
        resultat.set(None);
        spawn_local(async move {
            let reponse = rechercher(&base, &criteres, page, par_page, tri).await;
            // Only the latest search, and only if the screen is still there.
            if generation.try_get_value() == Some(numero) {
                let _ = resultat.try_set(Some(reponse));
            }
        });
    };
    chercher();

    let trier = move |colonne: TriColonneFactureFournisseur| {
        tri.update(|(actuelle, sens)| {
            if *actuelle == colonne {
                *sens = match sens {
                    TriSens::Ascendant => TriSens::Descendant,
                    _ => TriSens::Ascendant,
                };
            } else {
                *actuelle = colonne;
                *sens = TriSens::Ascendant;
            }
        });
        page.set(1);
        chercher();
    };
    let exporter = move |_| {
        let criteres = criteres.get_untracked();
        let tri = tri.get_untracked();
        let base = reglages.api_base();
        let t = &i18n.t().suivi;
        export.set(Some(t.export_en_cours.to_owned()));
        spawn_local(async move {
            let message = match rechercher(&base, &criteres, 1, EXPORT_MAX, tri).await {
                Ok(resultats) => {
                    let csv = csv_factures(&resultats.factures);
                    let nom = format!("factures-{}.csv", aujourd_hui().format("%Y-%m-%d"));
                    if telecharger(&nom, "text/csv;charset=utf-8", &csv) {
                        format!("{} {}", resultats.factures.len(), t.export_fait)
                    } else {
                        t.export_refuse.to_owned()
                    }
                }
                Err(erreur) => format!("{} {erreur}", t.erreur_recherche),
            };
            let _ = export.try_set(Some(message));
        });
    };

    let telecharger_selection = move |_| {
        let choisies = selection.get_untracked();
        let t = &i18n.t().suivi;
        if choisies.is_empty() {
            telechargement.set(Some(t.selection_vide.to_owned()));
            return;
        }
        let ids: Vec<i64> = choisies.keys().copied().collect();
        let avec = avec_pieces.get_untracked();
        let base = reglages.api_base();
        telechargement.set(Some(t.telechargement_en_cours.to_owned()));
        spawn_local(async move {
            let message = match api::telecharger_groupe(&base, &ids, avec).await {
                Ok(octets) => {
                    let zip = ids.len() > 1 || avec;
                    let nom = match (zip, choisies.values().next()) {
                        (false, Some(numero)) => format!("{numero}.pdf"),
                        _ => format!("factures-{}.zip", aujourd_hui().format("%Y-%m-%d")),
                    };
                    let type_mime = if zip {
                        "application/zip"
                    } else {
                        "application/pdf"
                    };
                    if telecharger_octets(&nom, type_mime, &octets) {
                        format!("{} {}", ids.len(), t.telechargement_fait)
                    } else {
                        t.export_refuse.to_owned()
                    }
                }
                Err(erreur) => format!("{} {}", t.telechargement_erreur, erreur.libelle()),
            };
            let _ = telechargement.try_set(Some(message));
        });
    };

    // Every criterion back to its default (the supplier's services list too), page 1, searched again.
    let reinitialiser = move |_| {
        criteres.set(Criteres::default());
        services_fournisseur.set(Vec::new());
        refus.set(None);
        page.set(1);
        chercher();
    };

    let champ = move |id: &'static str,
                      libelle: fn(&TextesSuivi) -> &'static str,
                      type_champ: &'static str,
                      lire: fn(&Criteres) -> String,
                      ecrire: fn(&mut Criteres, String)| {
        view! {
            <div class="champ">
                <label for=id>{move || libelle(&i18n.t().suivi)}</label>
                <input
                    id=id
                    type=type_champ
                    aria-invalid=move || (refus.get().map(CritereRefuse::champ) == Some(id)).to_string()
                    aria-describedby="criteres-message"
                    prop:value=move || criteres.with(lire)
                    on:input=move |ev| {
                        let valeur = event_target_value(&ev);
                        criteres.update(|c| ecrire(c, valeur));
                    }
                />
            </div>
        }
    };

    view! {
        <section class="suivi" aria-labelledby="recherche-titre">
            <h2 id="recherche-titre">{move || i18n.t().suivi.recherche_titre}</h2>
            <form
                class="criteres"
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    page.set(1);
                    chercher();
                }
            >
                {champ("critere-numero", |t| t.critere_numero, "text", |c| c.numero.clone(), |c, v| c.numero = v)}
                <div class="champ">
                    <label for="critere-statut">{move || i18n.t().suivi.critere_statut}</label>
                    <select
                        id="critere-statut"
                        prop:value=move || criteres.with(|c| c.statut.clone())
                        on:change=move |ev| {
                            let valeur = event_target_value(&ev);
                            criteres.update(|c| c.statut = valeur);
                        }
                    >
                        <option value="">{move || i18n.t().suivi.tous_statuts}</option>
                        {STATUTS_RECHERCHE
                            .iter()
                            .map(|s| {
                                let code = s.code().to_owned();
                                let s = s.clone();
                                view! { <option value=code>{move || libelle_statut(&s, i18n.locale())}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="champ champ--groupe">
                    <legend>{move || i18n.t().suivi.critere_perimetre}</legend>
                    {Perimetre::TOUS
                        .into_iter()
                        .map(|p| {
                            let libelle = move || {
                                let t = &i18n.t().suivi;
                                match p {
                                    Perimetre::Tous => t.perimetre_tous,
                                    Perimetre::Etat => t.perimetre_etat,
                                    Perimetre::HorsEtat => t.perimetre_hors_etat,
                                }
                            };
                            view! {
                                <label class="case">
                                    <input
                                        type="radio"
                                        name="critere-perimetre"
                                        value=p.code()
                                        prop:checked=move || criteres.with(|c| c.perimetre == p)
                                        on:change=move |_| criteres.update(|c| c.perimetre = p)
                                    />
                                    {libelle}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="champ">
                    <label for="critere-identifiant">{move || i18n.t().suivi.critere_destinataire}</label>
                    <input
                        id="critere-identifiant"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        disabled=move || criteres.with(|c| c.perimetre != Perimetre::Tous)
                        aria-invalid=move || (refus.get().map(CritereRefuse::champ) == Some("critere-identifiant")).to_string()
                        aria-describedby="critere-identifiant-aide criteres-message"
                        prop:value=move || criteres.with(|c| c.identifiant.clone())
                        on:input=move |ev| {
                            let valeur = event_target_value(&ev);
                            criteres.update(|c| c.identifiant = valeur);
                        }
                    />
                    <p id="critere-identifiant-aide" class="note-annuaire">
                        {move || {
                            let t = &i18n.t().suivi;
                            if criteres.with(|c| c.perimetre == Perimetre::Tous) {
                                t.critere_identifiant_aide
                            } else {
                                t.critere_identifiant_perimetre
                            }
                        }}
                    </p>
                </div>
                <div class="champ">
                    <label for="critere-service">{move || i18n.t().suivi.critere_service}</label>
                    <input
                        id="critere-service"
                        type="text"
                        autocomplete="off"
                        aria-invalid=move || (refus.get().map(CritereRefuse::champ) == Some("critere-service")).to_string()
                        aria-describedby="critere-service-aide criteres-message"
                        prop:value=move || criteres.with(|c| c.code_service.clone())
                        on:input=move |ev| {
                            let valeur = event_target_value(&ev);
                            criteres.update(|c| c.code_service = valeur);
                        }
                    />
                    <p id="critere-service-aide" class="note-annuaire">{move || i18n.t().suivi.critere_service_aide}</p>
                </div>
                <div class="champ">
                    <label for="critere-type">{move || i18n.t().suivi.critere_type}</label>
                    <select
                        id="critere-type"
                        prop:value=move || criteres.with(|c| c.type_facture.clone())
                        on:change=move |ev| {
                            let valeur = event_target_value(&ev);
                            criteres.update(|c| c.type_facture = valeur);
                        }
                    >
                        <option value="">{move || i18n.t().suivi.tous_types}</option>
                        <option value=TypeFacture::FACTURE.code().to_owned()>{move || i18n.t().suivi.type_facture}</option>
                        <option value=TypeFacture::AVOIR.code().to_owned()>{move || i18n.t().suivi.type_avoir}</option>
                    </select>
                </div>
                <div class="champ">
                    <label for="critere-cadre">{move || i18n.t().suivi.critere_cadre}</label>
                    <select
                        id="critere-cadre"
                        prop:value=move || criteres.with(|c| c.cadre.clone())
                        on:change=move |ev| {
                            let valeur = event_target_value(&ev);
                            criteres.update(|c| c.cadre = valeur);
                        }
                    >
                        <option value="">{move || i18n.t().suivi.tous_cadres}</option>
                        {CadreFacturation::CONNUS
                            .iter()
                            .map(|c| {
                                let code = c.code().to_owned();
                                let libelle = c.libelle_fr().to_owned();
                                view! { <option value=code>{libelle}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="champ">
                    <label for="critere-fournisseur">{move || i18n.t().suivi.critere_fournisseur}</label>
                    <select
                        id="critere-fournisseur"
                        prop:value=move || criteres.with(|c| c.id_fournisseur.clone())
                        on:change=move |ev| choisir_fournisseur(event_target_value(&ev))
                    >
                        <option value="">{move || i18n.t().suivi.toutes_structures}</option>
                        {move || {
                            structures
                                .get()
                                .into_iter()
                                .map(|s| {
                                    let choisie = criteres.with_untracked(|c| c.id_fournisseur == s.id.to_string());
                                    view! {
                                        <option value=s.id.to_string() selected=choisie>
                                            {format!("{} ({})", s.designation, s.identifiant)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="champ">
                    <label for="critere-service-fournisseur">{move || i18n.t().suivi.critere_service_fournisseur}</label>
                    <select
                        id="critere-service-fournisseur"
                        disabled=move || criteres.with(|c| c.id_fournisseur.is_empty())
                        prop:value=move || criteres.with(|c| c.id_service_fournisseur.clone())
                        on:change=move |ev| {
                            let valeur = event_target_value(&ev);
                            criteres.update(|c| c.id_service_fournisseur = valeur);
                        }
                    >
                        <option value="">
                            {move || {
                                let t = &i18n.t().suivi;
                                if criteres.with(|c| c.id_fournisseur.is_empty()) { t.choisir_structure_dabord } else { t.tous_services }
                            }}
                        </option>
                        {move || {
                            services_fournisseur
                                .get()
                                .into_iter()
                                .map(|s| {
                                    let choisi = criteres.with_untracked(|c| c.id_service_fournisseur == s.id.to_string());
                                    view! {
                                        <option value=s.id.to_string() selected=choisi>
                                            {format!("{} — {}", s.code, s.libelle)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                {champ("critere-du", |t| t.critere_depot_du, "date", |c| c.depot_du.clone(), |c, v| c.depot_du = v)}
                {champ("critere-au", |t| t.critere_depot_au, "date", |c| c.depot_au.clone(), |c, v| c.depot_au = v)}
                {champ("critere-montant-min", |t| t.critere_montant_min, "text", |c| c.montant_min.clone(), |c, v| c.montant_min = v)}
                {champ("critere-montant-max", |t| t.critere_montant_max, "text", |c| c.montant_max.clone(), |c, v| c.montant_max = v)}
                <div class="criteres__actions">
                    <button type="submit" class="bouton bouton--principal">
                        {move || i18n.t().suivi.chercher}
                    </button>
                    <button type="button" class="bouton" on:click=exporter>
                        {move || i18n.t().suivi.exporter_csv}
                    </button>
                    <button type="button" class="bouton" on:click=reinitialiser>
                        {move || i18n.t().suivi.reinitialiser}
                    </button>
                </div>
            </form>
            <p id="criteres-message" class="erreur" role="alert">
                {move || refus.get().map(|r| r.message(&i18n.t().suivi, i18n.locale()))}
            </p>
            <p class="note" role="status">{move || export.get()}</p>
            <div class="selection-barre">
                <button
                    type="button"
                    class="bouton"
                    aria-disabled=move || selection.with(|s| s.is_empty()).to_string()
                    on:click=telecharger_selection
                >
                    {move || format!("{} ({})", i18n.t().suivi.telecharger_selection, selection.with(|s| s.len()))}
                </button>
                <label class="case">
                    <input
                        type="checkbox"
                        prop:checked=move || avec_pieces.get()
                        on:change=move |ev| avec_pieces.set(event_target_checked(&ev))
                    />
                    {move || i18n.t().suivi.avec_pieces}
                </label>
                <Show when=move || selection.with(|s| !s.is_empty())>
                    <button type="button" class="bouton bouton--petit" on:click=move |_| selection.set(Default::default())>
                        {move || i18n.t().suivi.vider_selection}
                    </button>
                </Show>
                <span class="note" role="status">{move || telechargement.get()}</span>
            </div>
            {move || {
                let t = &i18n.t().suivi;
                let locale = i18n.locale();
                match resultat.get() {
                    None => view! { <p role="status">{t.chargement}</p> }.into_any(),
                    Some(Err(message)) => {
                        view! { <p class="erreur" role="alert">{t.erreur_recherche} " " {message}</p> }
                            .into_any()
                    }
                    Some(Ok(resultats)) => {
                        let page_ids: std::sync::Arc<Vec<(i64, String)>> = std::sync::Arc::new(
                            resultats
                                .factures
                                .iter()
                                .filter_map(|f| {
                                    Some((f.identifiant_facture_cpp?, f.numero_facture.clone().unwrap_or_default()))
                                })
                                .collect(),
                        );
                        let page_ids_lecture = page_ids.clone();
                        let (colonne, sens) = tri.get_untracked();
                        let entete = move |col: TriColonneFactureFournisseur, libelle: &'static str| {
                            let tri_aria = if col == colonne {
                                if sens == TriSens::Ascendant { "ascending" } else { "descending" }
                            } else {
                                "none"
                            };
                            let col_clic = col.clone();
                            view! {
                                <th scope="col" aria-sort=tri_aria>
                                    <button type="button" class="tri" on:click=move |_| trier(col_clic.clone())>
                                        {libelle}
                                    </button>
                                </th>
                            }
                        };
                        view! {
                            <p role="status" class="resultats-total">
                                {format!("{} {}", resultats.total, t.resultats)}
                            </p>
                            <table class="tableau">
                                <caption class="visuellement-cache">{t.recherche_titre}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col" class="colonne-choix">
                                            <input
                                                type="checkbox"
                                                aria-label=t.selection_page
                                                prop:checked=move || {
                                                    !page_ids_lecture.is_empty()
                                                        && selection.with(|s| page_ids_lecture.iter().all(|(id, _)| s.contains_key(id)))
                                                }
                                                on:change=move |ev| {
                                                    let coche = event_target_checked(&ev);
                                                    selection.update(|s| {
                                                        for (id, numero) in page_ids.iter() {
                                                            if coche {
                                                                s.insert(*id, numero.clone());
                                                            } else {
                                                                s.remove(id);
                                                            }
                                                        }
                                                    });
                                                }
                                            />
                                        </th>
                                        {entete(TriColonneFactureFournisseur::NumeroFacture, t.col_numero)}
                                        {entete(TriColonneFactureFournisseur::DateDepot, t.col_date_depot)}
                                        {entete(TriColonneFactureFournisseur::DesignationDestinataire, t.col_destinataire)}
                                        {entete(TriColonneFactureFournisseur::Statut, t.col_statut)}
                                        {entete(TriColonneFactureFournisseur::MontantTTC, t.col_montant_ttc)}
                                    </tr>
                                </thead>
                                <tbody>
                                    {resultats
                                        .factures
                                        .into_iter()
                                        .map(|f| {
                                            let id = f.identifiant_facture_cpp.unwrap_or_default();
                                            let numero = f.numero_facture.clone().unwrap_or_default();
                                            let aria = format!("{} {numero}", t.selection_ligne);
                                            view! {
                                                <tr>
                                                    <td class="colonne-choix">
                                                        <input
                                                            type="checkbox"
                                                            aria-label=aria
                                                            prop:checked=move || selection.with(|s| s.contains_key(&id))
                                                            on:change=move |ev| {
                                                                let coche = event_target_checked(&ev);
                                                                let numero = numero.clone();
                                                                selection.update(|s| {
                                                                    if coche {
                                                                        s.insert(id, numero);
                                                                    } else {
                                                                        s.remove(&id);
                                                                    }
                                                                });
                                                            }
                                                        />
                                                    </td>
                                                    <th scope="row">
                                                        <A href=format!("/factures-emises/facture/{id}")>
                                                            {f.numero_facture.clone().unwrap_or_default()}
                                                        </A>
                                                    </th>
                                                    <td>{date(f.date_depot, locale)}</td>
                                                    <td>{f.designation_destinataire.clone().unwrap_or_default()}</td>
                                                    <td>{badge_statut(f.statut.as_ref(), locale)}</td>
                                                    <td class="montant">{montant(f.montant_ttc, locale)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <Pagination page par_page pages=resultats.pages chercher />
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}

/// Previous / next page and the page size; each change searches again.
#[component]
fn Pagination(
    page: RwSignal<i64>,
    par_page: RwSignal<i64>,
    pages: i64,
    chercher: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().suivi;
    let precedente = move |_: leptos::ev::MouseEvent| {
        page.update(|p| *p = (*p - 1).max(1));
        chercher();
    };
    let suivante = move |_: leptos::ev::MouseEvent| {
        page.update(|p| *p += 1);
        chercher();
    };
    let taille = move |ev: leptos::ev::Event| {
        par_page.set(event_target_value(&ev).parse().unwrap_or(10));
        page.set(1);
        chercher();
    };
    view! {
        <nav class="pagination" aria-label=t.pagination>
            <button type="button" class="bouton bouton--petit" disabled=move || { page.get() <= 1 } on:click=precedente>
                {t.precedente}
            </button>
            <span>{move || format!("{} {} / {}", t.page, page.get(), pages.max(1))}</span>
            <button type="button" class="bouton bouton--petit" disabled=move || { page.get() >= pages } on:click=suivante>
                {t.suivante}
            </button>
            <label for="par-page">{t.par_page}</label>
            <select id="par-page" on:change=taille>
                {[10_i64, 50, 100]
                    .into_iter()
                    .map(|n| {
                        view! {
                            <option value=n.to_string() selected=move || par_page.get_untracked() == n>
                                {n.to_string()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </nav>
    }
}

/// The recipients the supplier has invoiced, as (id, SIRET) pairs: what « hors État » and a SIREN are
/// resolved against (Chorus Pro finds structures by exact identifier only).
async fn destinataires_factures(base: &str) -> Result<Vec<(i64, String)>, String> {
    let requete = RechercherFournisseurRequest {
        recherche_facture_par_fournisseur: Some(ParametresRechercherFactureParFournisseur {
            nb_resultats_par_page: Some(EXPORT_MAX),
            tri_colonne: Some(TriColonneFactureFournisseur::CodeDestinataire),
            tri_sens: Some(TriSens::Ascendant),
            ..Default::default()
        }),
        ..Default::default()
    };
    let reponse = api::rechercher_factures(base, &requete)
        .await
        .map_err(|e| e.libelle())?;
    let mut connus: Vec<(i64, String)> = reponse
        .liste_factures
        .into_iter()
        .filter_map(|f| Some((f.id_destinataire?, f.code_destinataire?)))
        .collect();
    connus.sort();
    connus.dedup();
    Ok(connus)
}

/// The ids of the services of `id_structure` whose code is `code` (none typed: no narrowing); `None` when
/// the structure has no such service (the search then finds nothing).
async fn services_du_code(
    base: &str,
    id_structure: i64,
    code: &str,
) -> Result<Option<Vec<i64>>, String> {
    let code = code.trim();
    if code.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let services = api::services_structure(base, id_structure)
        .await
        .map_err(|e| e.libelle())?;
    Ok(services
        .into_iter()
        .find(|s| s.code.eq_ignore_ascii_case(code))
        .map(|s| vec![s.id]))
}

/// The recipient criteria as Chorus Pro ids (see `facture::recherche`).
async fn resoudre_destinataire(base: &str, criteres: &Criteres) -> Result<Destinataire, String> {
    let structure = |siret: String| async move {
        api::id_structure_publique(base, &siret)
            .await
            .map_err(|e| e.libelle())
    };
    Ok(match criteres.perimetre {
        Perimetre::Etat => match structure(recherche::SIRET_ETAT.to_owned()).await? {
            None => Destinataire::Aucun,
            Some(id) => match services_du_code(base, id, &criteres.code_service).await? {
                Some(services) => Destinataire::Siren { id, services },
                None => Destinataire::Aucun,
            },
        },
        Perimetre::HorsEtat => recherche::hors_etat(&destinataires_factures(base).await?),
        Perimetre::Tous => match criteres.identifiant() {
            Err(_) | Ok(None) => Destinataire::Tous,
            Ok(Some(IdentifiantDestinataire::Siret(siret))) => {
                match structure(siret.as_str().to_owned()).await? {
                    None => Destinataire::Aucun,
                    Some(id) => match services_du_code(base, id, &criteres.code_service).await? {
                        Some(services) => Destinataire::Structure { id, services },
                        None => Destinataire::Aucun,
                    },
                }
            }
            Ok(Some(IdentifiantDestinataire::Siren(siren))) => {
                recherche::par_siren(&destinataires_factures(base).await?, &siren)
            }
        },
    })
}

/// One search: the recipient criteria are first turned into Chorus Pro ids (a recipient that cannot
/// match finds nothing), then `rechercher/fournisseur` with the criteria, page and sort.
async fn rechercher(
    base: &str,
    criteres: &Criteres,
    page: i64,
    par_page: i64,
    tri: (TriColonneFactureFournisseur, TriSens),
) -> Result<Page, String> {
    let destinataire = resoudre_destinataire(base, criteres).await?;
    let Some(requete) = criteres.requete(&destinataire, page, par_page, tri) else {
        return Ok(Page {
            factures: Vec::new(),
            total: 0,
            pages: 0,
        });
    };
    let reponse = api::rechercher_factures(base, &requete)
        .await
        .map_err(|e| e.libelle())?;
    let retour = reponse.parametres_retour.unwrap_or_default();
    Ok(Page {
        factures: reponse.liste_factures,
        total: i64::from(retour.total.unwrap_or(0)),
        pages: i64::from(retour.pages.unwrap_or(0)),
    })
}

/// The label of a status in the locale.
pub fn libelle_statut(statut: &StatutFacture, locale: Locale) -> String {
    match locale {
        Locale::Fr => statut.libelle_fr().to_owned(),
        Locale::En => statut.libelle_en().to_owned(),
    }
}

/// A status as a coloured badge: green when paid, amber when the supplier must act.
pub fn badge_statut(statut: Option<&StatutFacture>, locale: Locale) -> impl IntoView {
    let Some(statut) = statut else {
        return view! { <span class="badge">"—"</span> }.into_any();
    };
    let classe = if statut.action_fournisseur().is_some() {
        "badge badge--attention"
    } else if matches!(
        statut,
        StatutFacture::MISE_EN_PAIEMENT | StatutFacture::COMPTABILISEE | StatutFacture::MANDATEE
    ) {
        "badge badge--ok"
    } else {
        "badge"
    };
    view! { <span class=classe>{libelle_statut(statut, locale)}</span> }.into_any()
}

/// An amount as the locale writes it.
pub fn montant(valeur: Option<rust_decimal::Decimal>, locale: Locale) -> String {
    match (valeur, locale) {
        (None, _) => String::new(),
        (Some(m), Locale::Fr) => format!("{} €", formater_montant(m)),
        (Some(m), Locale::En) => format!("€{}", m.round_dp(2)),
    }
}

/// A date as the locale writes it.
pub fn date(valeur: Option<chrono::NaiveDate>, locale: Locale) -> String {
    match (valeur, locale) {
        (None, _) => String::new(),
        (Some(d), Locale::Fr) => d.format("%d/%m/%Y").to_string(),
        (Some(d), Locale::En) => d.to_string(),
    }
}

fn libelle_action(t: &TextesSuivi, action: ActionFournisseur) -> &'static str {
    match action {
        ActionFournisseur::Recycler => t.action_recycler,
        ActionFournisseur::Completer => t.action_completer,
        ActionFournisseur::TraiterRejet => t.action_rejet,
        ActionFournisseur::CorrigerValideur => t.action_valideur,
        ActionFournisseur::Soumettre => t.action_soumettre,
    }
}
