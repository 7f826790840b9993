//! Factures émises — Tableau de bord (`/factures-emises/tableau-de-bord`): tiles, three bar charts
//! drawn in SVG (by stage, by month of deposit, amounts awaiting payment), each with its data table,
//! and the late invoices with a link to each.
//!
//! The screen only binds: every number comes from `facture::tableau`, computed on one
//! `rechercher/fournisseur` answer of up to [`FACTURES_MAX`] invoices.

use cpro::factures::{
    ParametresRechercherFactureParFournisseur, RechercherFournisseurRequest,
    TriColonneFactureFournisseur, TriSens,
};
use facture::delai::TypeAcheteur;
use facture::tableau::{
    hauteurs, statuts_attente_paiement, tableau, ClasseAttente, EstimationDelai, Famille,
    Situation, Tableau as Donnees,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::api;
use crate::app::Reglages;
use crate::components::garde::Protege;
use crate::i18n::{I18n, Locale, Tableau as Textes};
use crate::navigateur::aujourd_hui;
use crate::pages::suivi::{badge_statut, date, libelle_statut, montant};

/// Largest number of invoices read in one search (the server's page limit).
pub const FACTURES_MAX: i64 = 10_000;

/// What was loaded: the invoices summed up, and how many the server holds in all.
#[derive(Debug, Clone, PartialEq)]
struct Chargement {
    donnees: Donnees,
    total_serveur: i64,
}

/// The dashboard screen.
#[component]
pub fn TableauDeBord() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let resultat = RwSignal::new(None::<Result<Chargement, String>>);
    let base = reglages.api_base();
    spawn_local(async move {
        let requete = RechercherFournisseurRequest {
            recherche_facture_par_fournisseur: Some(ParametresRechercherFactureParFournisseur {
                page_resultat_demandee: Some(1),
                nb_resultats_par_page: Some(FACTURES_MAX),
                tri_colonne: Some(TriColonneFactureFournisseur::DateDepot),
                tri_sens: Some(TriSens::Descendant),
                ..Default::default()
            }),
            ..Default::default()
        };
        let reponse = api::rechercher_factures(&base, &requete)
            .await
            .map(|r| {
                let total = r
                    .parametres_retour
                    .and_then(|p| p.total)
                    .map(i64::from)
                    .unwrap_or(0);
                Chargement {
                    donnees: tableau(&r.liste_factures, aujourd_hui(), acheteur_de),
                    total_serveur: total,
                }
            })
            .map_err(|e| e.libelle());
        // The screen may have been left while the search ran.
        let _ = resultat.try_set(Some(reponse));
    });

    view! {
        <Protege>
            <p>
                <A href="/factures-emises">{move || i18n.t().suivi.retour_liste}</A>
            </p>
            <h1>{move || i18n.t().tableau.titre}</h1>
            <p class="intro">{move || i18n.t().tableau.intro}</p>
            {move || {
                let t = &i18n.t().tableau;
                match resultat.get() {
                    None => view! { <p role="status">{t.chargement}</p> }.into_any(),
                    Some(Err(message)) => {
                        view! { <p class="erreur" role="alert">{t.erreur} " " {message}</p> }.into_any()
                    }
                    Some(Ok(chargement)) if chargement.donnees.nombre == 0 => {
                        view! { <p class="resume resume--ok" role="status">{t.vide}</p> }.into_any()
                    }
                    Some(Ok(chargement)) => view! { <Contenu chargement /> }.into_any(),
                }
            }}
        </Protege>
    }
}

#[component]
fn Contenu(chargement: Chargement) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().tableau;
    let locale = i18n.locale();
    let d = chargement.donnees;
    let partiel = (chargement.total_serveur > i64::try_from(d.nombre).unwrap_or(i64::MAX))
        .then(|| view! { <p class="resume resume--bloquant">{t.partiel} " " {chargement.total_serveur}</p> });
    let n_retard = d.en_retard().count();
    let montant_retard: Decimal = d.en_retard().map(|e| e.montant_ttc).sum();

    // By stage (family).
    let couleur_famille = |f: Famille| match f {
        Famille::Acheminement => "#5c6470",
        Famille::ATraiter => "#a35c00",
        Famille::ChezDestinataire => "#2b6cb0",
        Famille::Payees => "#0b7a3b",
        Famille::Rejetees => "#b3261e",
    };
    let h_familles = hauteurs(
        &d.par_famille
            .iter()
            .map(|f| Decimal::from(f.nombre))
            .collect::<Vec<_>>(),
        LARGEUR_BARRE_MAX,
    );
    let barres_familles: Vec<Barre> = d
        .par_famille
        .iter()
        .zip(h_familles)
        .map(|(f, longueur)| Barre {
            libelle: libelle_famille(t, f.famille).to_owned(),
            valeur: f.nombre.to_string(),
            longueur,
            couleur: couleur_famille(f.famille),
        })
        .collect();
    let lignes_familles: Vec<[String; 3]> = d
        .par_famille
        .iter()
        .map(|f| {
            [
                libelle_famille(t, f.famille).to_owned(),
                f.nombre.to_string(),
                montant(Some(f.montant_ttc), locale),
            ]
        })
        .collect();

    // By month of deposit.
    let noms_mois: Vec<&str> = t.mois_courts.split('|').collect();
    let nom_mois = |m: chrono::NaiveDate, annee: bool| {
        let nom = usize::try_from(chrono::Datelike::month0(&m))
            .ok()
            .and_then(|i| noms_mois.get(i).copied())
            .unwrap_or_default();
        if annee {
            format!("{nom} {}", chrono::Datelike::year(&m))
        } else {
            nom.to_owned()
        }
    };
    let h_mois = hauteurs(
        &d.par_mois
            .iter()
            .map(|m| Decimal::from(m.nombre))
            .collect::<Vec<_>>(),
        HAUTEUR_COLONNE_MAX,
    );
    let colonnes_mois: Vec<Barre> = d
        .par_mois
        .iter()
        .zip(h_mois)
        .map(|(m, longueur)| Barre {
            libelle: nom_mois(m.mois, false),
            valeur: m.nombre.to_string(),
            longueur,
            couleur: "#1f3a93",
        })
        .collect();
    let lignes_mois: Vec<[String; 3]> = d
        .par_mois
        .iter()
        .map(|m| {
            [
                nom_mois(m.mois, true),
                m.nombre.to_string(),
                montant(Some(m.montant_ttc), locale),
            ]
        })
        .collect();

    // Amounts awaiting payment, by deadline.
    let attente = d.attente_par_situation();
    let h_attente = hauteurs(
        &attente.iter().map(|a| a.montant_ttc).collect::<Vec<_>>(),
        LARGEUR_BARRE_MAX,
    );
    let barres_attente: Vec<Barre> = attente
        .iter()
        .zip(h_attente)
        .map(|(a, longueur)| Barre {
            libelle: libelle_attente(t, a.classe).to_owned(),
            valeur: montant_arrondi(a.montant_ttc, locale),
            longueur,
            couleur: match a.classe {
                ClasseAttente::AEchoir => "#2b6cb0",
                ClasseAttente::PeutEtreEnRetard => "#a35c00",
                ClasseAttente::EnRetard => "#b3261e",
                ClasseAttente::Interrompu => "#5c6470",
            },
        })
        .collect();
    let lignes_attente: Vec<[String; 3]> = attente
        .iter()
        .map(|a| {
            [
                libelle_attente(t, a.classe).to_owned(),
                a.nombre.to_string(),
                montant(Some(a.montant_ttc), locale),
            ]
        })
        .collect();

    let aria = |debut: &str, barres: &[Barre]| {
        let valeurs: Vec<String> = barres
            .iter()
            .map(|b| format!("{} {}", b.libelle, b.valeur))
            .collect();
        format!("{debut} {}.", valeurs.join(", "))
    };
    let aria_familles = aria(t.familles_aria, &barres_familles);
    let aria_mois = aria(t.mois_aria, &colonnes_mois);
    let aria_attente = aria(t.attente_aria, &barres_attente);

    let retards: Vec<EstimationDelai> = d
        .echeances
        .iter()
        .filter(|e| {
            matches!(
                e.situation,
                Situation::EnRetard { .. } | Situation::PeutEtreEnRetard
            )
        })
        .cloned()
        .collect();

    view! {
        {partiel}
        <ul class="tuiles">
            <li class="tuile">
                <span class="tuile__titre">{t.tuile_total}</span>
                <span class="tuile__valeur" data-tuile="total">{d.nombre}</span>
                <span class="tuile__detail">{t.tuile_total_detail} " " {montant(Some(d.montant_ttc), locale)}</span>
            </li>
            <li class="tuile">
                <span class="tuile__titre">{t.tuile_attente}</span>
                <span class="tuile__valeur" data-tuile="attente">{montant(Some(d.en_attente.montant_ttc), locale)}</span>
                <span class="tuile__detail">{d.en_attente.nombre} " " {t.tuile_attente_detail}</span>
            </li>
            <li class="tuile" class:tuile--alerte={n_retard > 0}>
                <span class="tuile__titre">{t.tuile_retard}</span>
                <span class="tuile__valeur" data-tuile="retard">{n_retard}</span>
                <span class="tuile__detail">
                    {if n_retard > 0 {
                        format!("{} — {}", t.tuile_retard_detail, montant(Some(montant_retard), locale))
                    } else {
                        t.tuile_retard_aucun.to_owned()
                    }}
                </span>
            </li>
        </ul>
        <div class="graphes">
            <Graphe id="graphe-familles" titre=t.familles_titre premiere_colonne=t.col_etape lignes=lignes_familles>
                <BarresHorizontales barres=barres_familles aria=aria_familles />
            </Graphe>
            <Graphe id="graphe-attente" titre=t.attente_titre premiere_colonne=t.col_echeance lignes=lignes_attente>
                <BarresHorizontales barres=barres_attente aria=aria_attente />
            </Graphe>
            <Graphe id="graphe-mois" titre=t.mois_titre premiere_colonne=t.col_mois lignes=lignes_mois large=true>
                <Colonnes barres=colonnes_mois aria=aria_mois />
            </Graphe>
        </div>
        <Retards retards />
        <section class="carte" aria-labelledby="statuts-titre">
            <h2 id="statuts-titre">{t.statuts_titre}</h2>
            <table class="tableau" id="table-statuts">
                <caption class="visuellement-cache">{t.statuts_titre}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_etape}</th>
                        <th scope="col">{t.col_statut}</th>
                        <th scope="col" class="nombre">{t.col_nombre}</th>
                        <th scope="col" class="nombre">{t.col_montant}</th>
                    </tr>
                </thead>
                <tbody>
                    {d
                        .par_statut
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr data-statut=l.statut.code().to_owned()>
                                    <td>{libelle_famille(t, l.famille)}</td>
                                    <th scope="row">{libelle_statut(&l.statut, locale)}</th>
                                    <td class="nombre">{l.nombre}</td>
                                    <td class="nombre">{montant(Some(l.montant_ttc), locale)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Longest horizontal bar, in SVG units.
const LARGEUR_BARRE_MAX: u32 = 300;
/// Tallest column, in SVG units.
const HAUTEUR_COLONNE_MAX: u32 = 160;

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq)]
struct Barre {
    libelle: String,
    valeur: String,
    /// Length in SVG units (from `facture::tableau::hauteurs`).
    longueur: u32,
    couleur: &'static str,
}

/// A chart card: its title, the SVG (its child), and the same numbers as a table under « Voir les
/// données ».
#[component]
fn Graphe(
    id: &'static str,
    titre: &'static str,
    premiere_colonne: &'static str,
    lignes: Vec<[String; 3]>,
    #[prop(optional)] large: bool,
    children: Children,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().tableau;
    let titre_id = format!("{id}-titre");
    let reference = titre_id.clone();
    view! {
        <section class="carte graphe" class:graphe--large=large id=id aria-labelledby=reference>
            <h2 id=titre_id>{titre}</h2>
            <div class="graphe__dessin">{children()}</div>
            <details class="graphe__donnees">
                <summary>{t.voir_donnees}</summary>
                <table class="tableau">
                    <caption class="visuellement-cache">{titre}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{premiere_colonne}</th>
                            <th scope="col" class="nombre">{t.col_nombre}</th>
                            <th scope="col" class="nombre">{t.col_montant}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {lignes
                            .into_iter()
                            .map(|[libelle, nombre, somme]| {
                                view! {
                                    <tr>
                                        <th scope="row">{libelle}</th>
                                        <td class="nombre">{nombre}</td>
                                        <td class="nombre">{somme}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// Horizontal bars: label above each bar, value at its end. The SVG is one image to assistive
/// technologies (`role="img"`), its label giving every number.
#[component]
fn BarresHorizontales(barres: Vec<Barre>, aria: String) -> impl IntoView {
    const PAS: u32 = 44;
    let hauteur = PAS * u32::try_from(barres.len()).unwrap_or(0) + 4;
    view! {
        <svg
            viewBox=format!("0 0 420 {hauteur}")
            width="100%"
            preserveAspectRatio="xMinYMin meet"
            role="img"
            aria-label=aria
        >
            {barres
                .into_iter()
                .enumerate()
                .map(|(i, b)| {
                    let y = PAS * u32::try_from(i).unwrap_or(0);
                    let largeur = b.longueur;
                    view! {
                        <g>
                            <text x="0" y={(y + 14).to_string()} class="graphe__libelle">{b.libelle}</text>
                            <rect
                                x="0"
                                y={(y + 20).to_string()}
                                width=largeur.to_string()
                                height="18"
                                rx="3"
                                fill=b.couleur
                            ></rect>
                            <text x={(largeur + 8).to_string()} y={(y + 34).to_string()} class="graphe__valeur">
                                {b.valeur}
                            </text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

/// Vertical columns with the value on top and the label below.
#[component]
fn Colonnes(barres: Vec<Barre>, aria: String) -> impl IntoView {
    const PAS: u32 = 56;
    const BAS: u32 = HAUTEUR_COLONNE_MAX + 28;
    let largeur = PAS * u32::try_from(barres.len()).unwrap_or(0);
    view! {
        <svg
            viewBox=format!("0 0 {largeur} {}", BAS + 24)
            width="100%"
            preserveAspectRatio="xMidYMid meet"
            role="img"
            aria-label=aria
        >
            <line x1="0" x2=largeur.to_string() y1=BAS.to_string() y2=BAS.to_string() class="graphe__axe"></line>
            {barres
                .into_iter()
                .enumerate()
                .map(|(i, b)| {
                    let x = PAS * u32::try_from(i).unwrap_or(0);
                    let haut = BAS.saturating_sub(b.longueur);
                    view! {
                        <g>
                            <rect
                                x={(x + 10).to_string()}
                                y=haut.to_string()
                                width={(PAS - 20).to_string()}
                                height=b.longueur.to_string()
                                rx="3"
                                fill=b.couleur
                            ></rect>
                            <text
                                x={(x + PAS / 2).to_string()}
                                y={haut.saturating_sub(6).to_string()}
                                text-anchor="middle"
                                class="graphe__valeur"
                            >
                                {b.valeur}
                            </text>
                            <text
                                x={(x + PAS / 2).to_string()}
                                y={(BAS + 18).to_string()}
                                text-anchor="middle"
                                class="graphe__libelle"
                            >
                                {b.libelle}
                            </text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

/// The late invoices (surely late first, then possibly late), each linked to its page.
#[component]
fn Retards(retards: Vec<EstimationDelai>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().tableau;
    let locale = i18n.locale();
    let corps = if retards.is_empty() {
        view! { <p class="resume resume--ok">{t.retards_vide}</p> }.into_any()
    } else {
        view! {
            <table class="tableau" id="table-retards">
                <caption class="visuellement-cache">{t.retards_titre}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_numero}</th>
                        <th scope="col">{t.col_destinataire}</th>
                        <th scope="col">{t.col_statut}</th>
                        <th scope="col" class="nombre">{t.col_montant}</th>
                        <th scope="col">{t.col_echeance}</th>
                        <th scope="col">{t.col_situation}</th>
                        <th scope="col">{t.col_interets}</th>
                    </tr>
                </thead>
                <tbody>
                    {retards
                        .into_iter()
                        .map(|e| {
                            let sur = matches!(e.situation, Situation::EnRetard { .. });
                            let situation = match e.situation {
                                Situation::EnRetard { jours } => {
                                    format!("{} {jours} {} ({})", t.retard_de, t.jours, t.au_moins)
                                }
                                _ => t.peut_etre.to_owned(),
                            };
                            let interets = match (&e.interets_minimum, sur) {
                                (Some(i), _) => {
                                    format!("{} ({})", montant(Some(i.total), locale), t.au_moins)
                                }
                                (None, true) => t.interets_taux_inconnu.to_owned(),
                                (None, false) => String::new(),
                            };
                            let lien = format!(
                                "/factures-emises/facture/{}",
                                e.identifiant.unwrap_or_default()
                            );
                            view! {
                                <tr class:ligne-retard=sur>
                                    <th scope="row"><A href=lien>{e.numero.clone()}</A></th>
                                    <td>{e.destinataire.clone()}</td>
                                    <td>{badge_statut(Some(&e.statut), locale)}</td>
                                    <td class="nombre">{montant(Some(e.montant_ttc), locale)}</td>
                                    <td>{date(e.date_limite_au_plus_tard.or(e.date_limite_au_plus_tot), locale)}</td>
                                    <td class:retard=sur>{situation}</td>
                                    <td>{interets}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="carte" aria-labelledby="retards-titre">
            <h2 id="retards-titre">{t.retards_titre}</h2>
            <p class="note">{t.retards_intro}</p>
            {corps}
        </section>
    }
}

/// Late invoices made to stand out in the Synthèse of Factures émises: a notice with the count, the
/// amount and a link to each (the first few), and to the dashboard. Nothing when none is late.
#[component]
pub fn RetardsSynthese() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let retards = RwSignal::new(Vec::<EstimationDelai>::new());
    let base = reglages.api_base();
    spawn_local(async move {
        let requete = RechercherFournisseurRequest {
            statut_courant: statuts_attente_paiement(),
            recherche_facture_par_fournisseur: Some(ParametresRechercherFactureParFournisseur {
                nb_resultats_par_page: Some(FACTURES_MAX),
                ..Default::default()
            }),
            ..Default::default()
        };
        // A failed search leaves the notice out: the work list below reports its own errors.
        if let Ok(reponse) = api::rechercher_factures(&base, &requete).await {
            let donnees = tableau(&reponse.liste_factures, aujourd_hui(), acheteur_de);
            let _ = retards.try_set(donnees.en_retard().cloned().collect());
        }
    });
    move || {
        let liste = retards.get();
        if liste.is_empty() {
            return None;
        }
        let t = &i18n.t().tableau;
        let locale = i18n.locale();
        let somme: Decimal = liste.iter().map(|e| e.montant_ttc).sum();
        let n = liste.len();
        Some(view! {
            <div class="alerte-retards" role="status">
                <p>
                    <strong>{format!("{n} {}", t.synthese_retards)}</strong>
                    " — " {montant(Some(somme), locale)} " (" {t.au_moins} ")"
                </p>
                <ul>
                    {liste
                        .into_iter()
                        .take(RETARDS_SYNTHESE_MAX)
                        .map(|e| {
                            let jours = match e.situation {
                                Situation::EnRetard { jours } => jours,
                                _ => 0,
                            };
                            view! {
                                <li>
                                    <A href=format!("/factures-emises/facture/{}", e.identifiant.unwrap_or_default())>
                                        {e.numero.clone()}
                                    </A>
                                    {format!(" — {} — {} {jours} {}", e.destinataire, t.retard_de, t.jours)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <A href="/factures-emises/tableau-de-bord">{t.synthese_voir_tout}</A>
            </div>
        })
    }
}

/// How many late invoices the Synthèse lists by name.
const RETARDS_SYNTHESE_MAX: usize = 5;

fn libelle_famille(t: &Textes, famille: Famille) -> &'static str {
    match famille {
        Famille::Acheminement => t.famille_acheminement,
        Famille::ATraiter => t.famille_a_traiter,
        Famille::ChezDestinataire => t.famille_destinataire,
        Famille::Payees => t.famille_payees,
        Famille::Rejetees => t.famille_rejetees,
    }
}

fn libelle_attente(t: &Textes, classe: ClasseAttente) -> &'static str {
    match classe {
        ClasseAttente::AEchoir => t.attente_a_echoir,
        ClasseAttente::PeutEtreEnRetard => t.attente_peut_etre,
        ClasseAttente::EnRetard => t.attente_retard,
        ClasseAttente::Interrompu => t.attente_interrompu,
    }
}

/// An amount rounded to the euro, short enough for a chart label.
fn montant_arrondi(valeur: Decimal, locale: Locale) -> String {
    let texte = montant(Some(valeur.round()), locale);
    match locale {
        Locale::Fr => texte.replace(",00 €", " €"),
        Locale::En => texte.trim_end_matches(".00").to_owned(),
    }
}

/// The buyer kind of an invoice's recipient (chosen on an invoice's page, or presumed from its name).
fn acheteur_de(f: &cpro::factures::FactureRechercheeFournisseur) -> TypeAcheteur {
    crate::state::acheteurs::type_acheteur(
        f.code_destinataire.as_deref().unwrap_or_default(),
        f.designation_destinataire.as_deref().unwrap_or_default(),
    )
}
