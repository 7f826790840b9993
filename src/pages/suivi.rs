//! Factures émises — follow-up: the Synthèse (what needs the supplier now) and Rechercher (criteria,
//! server-side sorting and pages, CSV export of every result).
//!
//! The screen only binds: the work-list rule, the CSV and the statuses come from `facture::suivi`.

use cpro::factures::{
    ActionFournisseur, CritereDestinataire, FactureRechercheeFournisseur,
    ParametresRechercherFactureParFournisseur, RechercherFournisseurRequest, StatutFacture,
    TriColonneFactureFournisseur, TriSens,
};
use facture::montant::{formater_montant, parse_montant};
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
    siret_destinataire: String,
    depot_du: String,
    depot_au: String,
    montant_min: String,
    montant_max: String,
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

    /// The SIRET typed as recipient criterion, without spaces.
    fn siret(&self) -> Option<String> {
        Some(self.siret_destinataire.replace(' ', "")).filter(|s| !s.is_empty())
    }

    fn requete(
        &self,
        id_destinataire: Option<i64>,
        page: i64,
        par_page: i64,
        tri: (TriColonneFactureFournisseur, TriSens),
    ) -> RechercherFournisseurRequest {
        let texte = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let (montant_min, montant_max) = self.montants().unwrap_or_default();
        RechercherFournisseurRequest {
            montant_ttc_min: montant_min,
            montant_ttc_max: montant_max,
            numero_facture: texte(&self.numero),
            statut_courant: texte(&self.statut)
                .map(|code| vec![StatutFacture::from_code(&code)])
                .unwrap_or_default(),
            liste_destinataire: id_destinataire
                .map(|id| {
                    vec![CritereDestinataire {
                        id_destinataire: Some(id),
                        ..Default::default()
                    }]
                })
                .unwrap_or_default(),
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
        }
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
    let montant_invalide = RwSignal::new(None::<&'static str>);
    // A request number: only the last search's answer is shown.
    let generation = StoredValue::new(0_u64);

    let chercher = move || {
        let criteres = criteres.get_untracked();
        if let Err(champ) = criteres.montants() {
            montant_invalide.set(Some(champ));
            return;
        }
        montant_invalide.set(None);
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
                    aria-invalid=move || (montant_invalide.get() == Some(id)).to_string()
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
                {champ(
                    "critere-destinataire",
                    |t| t.critere_destinataire,
                    "text",
                    |c| c.siret_destinataire.clone(),
                    |c, v| c.siret_destinataire = v,
                )}
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
                </div>
            </form>
            <p id="criteres-message" class="erreur" role="alert">
                {move || montant_invalide.get().map(|_| i18n.t().suivi.montant_invalide)}
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

/// One search: the recipient SIRET is first turned into its Chorus Pro id (an unknown SIRET finds
/// nothing), then `rechercher/fournisseur` with the criteria, page and sort.
async fn rechercher(
    base: &str,
    criteres: &Criteres,
    page: i64,
    par_page: i64,
    tri: (TriColonneFactureFournisseur, TriSens),
) -> Result<Page, String> {
    let id_destinataire = match criteres.siret() {
        Some(siret) => match api::id_structure_publique(base, &siret).await {
            Ok(Some(id)) => Some(id),
            Ok(None) => {
                return Ok(Page {
                    factures: Vec::new(),
                    total: 0,
                    pages: 0,
                })
            }
            Err(e) => return Err(e.libelle()),
        },
        None => None,
    };
    let requete = criteres.requete(id_destinataire, page, par_page, tri);
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
