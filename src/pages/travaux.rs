//! Factures émises — Factures de travaux: the works pieces with their transmissibility (an icon whose
//! tooltip lists exactly what is missing or what to do), one-click actions, the automatic-sending delay,
//! and the piece form with its amounts computed live (`facture::travaux`).

use facture::montant::{formater_montant, parse_montant, parse_taux};
use facture::travaux::{
    manques, montants, ActionRequise, CadreTravaux, Manque, SituationTravaux, Transmissibilite,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::api::travaux::{self as api_travaux, SituationAffichee, Situations};
use crate::api::{self, ErreurChamp, RefusFormulaire};
use crate::app::Reglages;
use crate::components::formulaire::{messages_du_champ, ChampTexte};
use crate::components::garde::Protege;
use crate::i18n::{I18n, Travaux as TextesTravaux};

/// How often the list is read again, so that a countdown moves and a piece sent meanwhile shows.
const RAFRAICHISSEMENT_MS: u32 = 30_000;

fn libelle_manque(m: Manque, t: &TextesTravaux) -> &'static str {
    match m {
        Manque::Numero => t.manque_numero,
        Manque::NumeroInvalide => t.manque_numero_invalide,
        Manque::Mois => t.manque_mois,
        Manque::Lot => t.manque_lot,
        Manque::NumeroMarche => t.manque_marche,
        Manque::OrdreService => t.manque_os,
        Manque::SiretDestinataire => t.manque_siret_mo,
        Manque::SiretMoe => t.manque_siret_moe,
        Manque::Prevision => t.manque_prevision,
        Manque::Avancement => t.manque_avancement,
        Manque::TauxTva => t.manque_tva,
        Manque::AcompteNegatif => t.manque_acompte,
    }
}

fn libelle_action(a: ActionRequise, t: &TextesTravaux) -> &'static str {
    match a {
        ActionRequise::ValidationConducteur => t.action_conducteur,
        ActionRequise::ValidationFinale => t.action_finale,
    }
}

fn libelle_cadre(c: CadreTravaux, t: &TextesTravaux) -> &'static str {
    match c {
        CadreTravaux::ProjetDecompteMensuel => t.cadre_a4,
        CadreTravaux::ProjetDecompteFinal => t.cadre_a7,
        CadreTravaux::ProjetDecompteMensuelSousTraitant => t.cadre_a10,
        CadreTravaux::ProjetDecompteMensuelCotraitant => t.cadre_a13,
    }
}

/// Icon, CSS modifier and label of a state.
fn apparence(etat: &Transmissibilite, t: &TextesTravaux) -> (&'static str, &'static str, String) {
    match etat {
        Transmissibilite::Transmise { le } => (
            "✓",
            "transmise",
            format!("{} ({})", t.etat_transmise, le.format("%d/%m/%Y %H:%M")),
        ),
        Transmissibilite::EnCoursDeTransmission {
            minutes_restantes, ..
        } => (
            "↗",
            "en-cours",
            format!(
                "{} — {} {minutes_restantes} {}",
                t.etat_en_cours, t.part_dans, t.minutes
            ),
        ),
        Transmissibilite::PreteATransmettre => ("➜", "prete", t.etat_prete.to_owned()),
        Transmissibilite::InformationsManquantes { .. } => {
            ("!", "manquantes", t.etat_manquantes.to_owned())
        }
        Transmissibilite::ApresActions { .. } => ("…", "actions", t.etat_actions.to_owned()),
    }
}

/// The lines of a state's tooltip: what is missing, or what to do.
fn detail(etat: &Transmissibilite, t: &TextesTravaux) -> Option<(&'static str, Vec<&'static str>)> {
    match etat {
        Transmissibilite::InformationsManquantes { manques } => Some((
            t.manque_titre,
            manques.iter().map(|m| libelle_manque(*m, t)).collect(),
        )),
        Transmissibilite::ApresActions { actions } => Some((
            t.actions_titre,
            actions.iter().map(|a| libelle_action(*a, t)).collect(),
        )),
        _ => None,
    }
}

fn euros(valeur: Decimal) -> String {
    format!("{} €", formater_montant(valeur))
}

/// The Factures de travaux screen.
#[component]
pub fn FacturesTravaux() -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let liste = RwSignal::new(None::<Result<Situations, String>>);
    let message = RwSignal::new(None::<Result<&'static str, String>>);
    // The piece being edited: `Some(piece)` opens the form (id 0 for a new one).
    let edition = RwSignal::new(None::<SituationTravaux>);
    let version = RwSignal::new(0_u32);

    Effect::new(move |_| {
        version.track();
        let base = reglages.api_base();
        spawn_local(async move {
            let lu = api_travaux::situations(&base)
                .await
                .map_err(|e| e.libelle());
            let _ = liste.try_set(Some(lu));
        });
    });
    // Read again every 30 s while the screen is open.
    if let Ok(minuterie) = set_interval_with_handle(
        move || {
            let _ = version.try_update(|v| *v += 1);
        },
        std::time::Duration::from_millis(u64::from(RAFRAICHISSEMENT_MS)),
    ) {
        on_cleanup(move || minuterie.clear());
    }

    let agir = move |id: i64, action: &'static str, succes: fn(&TextesTravaux) -> &'static str| {
        let base = reglages.api_base();
        message.set(None);
        spawn_local(async move {
            let resultat = api_travaux::agir(&base, id, action).await;
            let _ = message.try_set(Some(match resultat {
                Ok(_) => Ok(succes(&i18n.t().travaux)),
                Err(RefusFormulaire::Autre(e)) => Err(e.libelle()),
                Err(RefusFormulaire::Champs(liste)) => Err(liste
                    .into_iter()
                    .map(|e| e.message_fr)
                    .collect::<Vec<_>>()
                    .join(" ")),
            }));
            let _ = version.try_update(|v| *v += 1);
        });
    };

    let structures = RwSignal::new(Vec::<api::StructureFournisseur>::new());
    {
        let base = reglages.api_base();
        spawn_local(async move {
            if let Ok(liste) = api::structures_fournisseur(&base).await {
                let _ = structures.try_set(liste);
            }
        });
    }

    let nouvelle = move |_| {
        let id_structure = structures.with_untracked(|s| s.first().map(|s| s.id).unwrap_or(0));
        edition.set(Some(SituationTravaux {
            id_structure,
            ..SituationTravaux::default()
        }));
    };

    view! {
        <Protege>
            <h1>{move || i18n.t().travaux.titre}</h1>
            <p class="intro">{move || i18n.t().travaux.intro}</p>
            <div class="message-formulaire" role="status" aria-live="polite">
                {move || match message.get() {
                    Some(Ok(texte)) => view! { <p class="resume resume--ok">{texte}</p> }.into_any(),
                    Some(Err(texte)) => view! { <p class="erreur" role="alert">{texte}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            {move || match edition.get() {
                Some(piece) => {
                    view! { <FormulaireSituation piece edition version message structures /> }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="actions">
                            <button type="button" class="bouton bouton--principal" on:click=nouvelle>
                                {move || i18n.t().travaux.nouvelle}
                            </button>
                        </p>
                    }
                        .into_any()
                }
            }}
            {move || match liste.get() {
                None => view! { <p role="status">{i18n.t().travaux.chargement}</p> }.into_any(),
                Some(Err(m)) => {
                    view! { <p class="erreur" role="alert">{i18n.t().travaux.erreur_chargement} " " {m}</p> }
                        .into_any()
                }
                Some(Ok(lues)) => {
                    let delai = lues.delai_envoi_minutes;
                    view! {
                        <Tableau situations=lues.situations agir edition />
                        <EnvoiAutomatique delai message />
                    }
                        .into_any()
                }
            }}
        </Protege>
    }
}

/// The pieces' table.
#[component]
fn Tableau(
    situations: Vec<SituationAffichee>,
    agir: impl Fn(i64, &'static str, fn(&TextesTravaux) -> &'static str) + Copy + Send + Sync + 'static,
    edition: RwSignal<Option<SituationTravaux>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().travaux;
    if situations.is_empty() {
        return view! { <p>{t.vide}</p> }.into_any();
    }
    let lignes = situations
        .into_iter()
        .map(|s| view! { <LigneSituation affichee=s agir edition /> })
        .collect_view();
    view! {
        <div class="defilement">
            <table class="tableau tableau--travaux">
                <caption class="visuellement-cache">{t.legende}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_etat}</th>
                        <th scope="col">{t.col_mois}</th>
                        <th scope="col">{t.col_lot}</th>
                        <th scope="col">{t.col_marche}</th>
                        <th scope="col" class="nombre">{t.col_avancement}</th>
                        <th scope="col" class="nombre">{t.col_acompte}</th>
                        <th scope="col" class="nombre">{t.col_net}</th>
                        <th scope="col">{t.col_actions}</th>
                    </tr>
                </thead>
                <tbody>{lignes}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One piece: its state (icon + label, tooltip on hover and focus), its figures, its actions.
#[component]
fn LigneSituation(
    affichee: SituationAffichee,
    agir: impl Fn(i64, &'static str, fn(&TextesTravaux) -> &'static str) + Copy + Send + Sync + 'static,
    edition: RwSignal<Option<SituationTravaux>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let t = &i18n.t().travaux;
    let s = affichee.situation.clone();
    let id = s.id;
    let (icone, modificateur, libelle) = apparence(&affichee.transmissibilite, t);
    let id_detail = format!("travaux-etat-{id}");
    let detail = detail(&affichee.transmissibilite, t);
    let mois = s
        .mois
        .map(|m| m.format("%m/%Y").to_string())
        .unwrap_or_else(|| "—".into());
    let avancement = s
        .avancement
        .map(|a| format!("{} %", a.normalize()))
        .unwrap_or_else(|| "—".into());
    let tiret = |v: &str| {
        if v.trim().is_empty() {
            "—".to_owned()
        } else {
            v.trim().to_owned()
        }
    };
    let marche = format!("{} / {}", tiret(&s.numero_marche), tiret(&s.ordre_service));
    let titre_ligne = format!("{} {}", s.numero, s.lot);
    let a_modifier = s.clone();
    let modifier = move |_| edition.set(Some(a_modifier.clone()));
    let actions = match &affichee.transmissibilite {
        Transmissibilite::Transmise { .. } => {
            let lien = format!(
                "/factures-emises/facture/{}",
                s.identifiant_facture_cpp.unwrap_or_default()
            );
            view! { <A href=lien>{t.suivre}</A> }.into_any()
        }
        Transmissibilite::EnCoursDeTransmission { .. } => view! {
            <button type="button" class="bouton bouton--petit bouton--secondaire"
                on:click=move |_| agir(id, "annulation-envoi", |t| t.envoi_annule)>
                {t.annuler_envoi}
            </button>
            <button type="button" class="bouton bouton--petit"
                on:click=move |_| agir(id, "transmission", |t| t.envoyee)>
                {t.transmettre_maintenant}
            </button>
        }
        .into_any(),
        Transmissibilite::PreteATransmettre => view! {
            <button type="button" class="bouton bouton--petit bouton--principal"
                on:click=move |_| agir(id, "transmission", |t| t.envoyee)>
                {t.transmettre}
            </button>
            <button type="button" class="bouton bouton--petit" on:click=modifier>{t.modifier}</button>
        }
        .into_any(),
        Transmissibilite::InformationsManquantes { .. } => view! {
            <button type="button" class="bouton bouton--petit bouton--principal" on:click=modifier>
                {t.completer}
            </button>
        }
        .into_any(),
        Transmissibilite::ApresActions { actions } => {
            let (action, libelle_bouton): (&'static str, &'static str) =
                if actions.contains(&ActionRequise::ValidationConducteur) {
                    ("validation-conducteur", t.valider_conducteur)
                } else {
                    ("validation-finale", t.valider_finale)
                };
            view! {
                <button type="button" class="bouton bouton--petit bouton--principal"
                    on:click=move |_| agir(id, action, |t| t.validee)>
                    {libelle_bouton}
                </button>
                <button type="button" class="bouton bouton--petit" on:click=modifier>{t.modifier}</button>
            }
            .into_any()
        }
    };
    view! {
        <tr aria-label=titre_ligne>
            <td>
                <span class="etat-travaux">
                    <button
                        type="button"
                        class=format!("etat-travaux__icone etat-travaux__icone--{modificateur}")
                        aria-describedby=detail.as_ref().map(|_| id_detail.clone())
                    >
                        <span aria-hidden="true">{icone}</span>
                        " "
                        {libelle}
                    </button>
                    {detail.map(|(titre, lignes)| view! {
                        <span role="tooltip" id=id_detail.clone() class="etat-travaux__detail">
                            <strong>{titre}</strong>
                            <ul>{lignes.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </span>
                    })}
                </span>
                {affichee.erreur_transmission.clone().map(|e| view! {
                    <p class="erreur erreur--ligne">{t.erreur_envoi} " " {e}</p>
                })}
            </td>
            <td>{mois}</td>
            <th scope="row">{s.lot.clone()}<span class="detail">{s.numero.clone()}</span></th>
            <td>{marche}</td>
            <td class="nombre">{avancement}</td>
            <td class="nombre">{euros(affichee.montants.acompte_ht)}</td>
            <td class="nombre">{euros(affichee.montants.net_a_payer)}</td>
            <td class="actions-ligne">{actions}</td>
        </tr>
    }
}

/// The delay of automatic sending.
#[component]
fn EnvoiAutomatique(
    delai: i64,
    message: RwSignal<Option<Result<&'static str, String>>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let actif = RwSignal::new(delai > 0);
    let minutes = RwSignal::new(if delai > 0 {
        delai.to_string()
    } else {
        facture::travaux::DELAI_ENVOI_DEFAUT_MINUTES.to_string()
    });
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let enregistrer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let valeur = if actif.get_untracked() {
            minutes.get_untracked().trim().parse::<i64>().unwrap_or(-1)
        } else {
            0
        };
        let base = reglages.api_base();
        spawn_local(async move {
            match api_travaux::changer_delai(&base, valeur).await {
                Ok(()) => {
                    let _ = erreurs.try_set(Vec::new());
                    let _ = message.try_set(Some(Ok(i18n.t().travaux.delai_enregistre)));
                }
                Err(RefusFormulaire::Champs(liste)) => {
                    let _ = erreurs.try_set(liste);
                }
                Err(RefusFormulaire::Autre(e)) => {
                    let _ = message.try_set(Some(Err(e.libelle())));
                }
            }
        });
    };
    view! {
        <form class="carte" aria-labelledby="travaux-auto-titre" on:submit=enregistrer novalidate>
            <h2 id="travaux-auto-titre">{move || i18n.t().travaux.automatique_titre}</h2>
            <label class="case">
                <input
                    type="checkbox"
                    prop:checked=move || actif.get()
                    on:change=move |ev| actif.set(event_target_checked(&ev))
                />
                {move || i18n.t().travaux.automatique}
            </label>
            <Show when=move || actif.get()>
                <ChampTexte
                    id="travaux-delai"
                    champ="delaiEnvoiMinutes"
                    libelle=Signal::derive(move || i18n.t().travaux.delai)
                    valeur=minutes
                    erreurs
                    inputmode="numeric"
                    aide=Signal::derive(move || i18n.t().travaux.delai_aide)
                />
            </Show>
            <button type="submit" class="bouton">{move || i18n.t().travaux.enregistrer_delai}</button>
        </form>
    }
}

/// The text fields of the form: (server field name, label).
type Libelle = fn(&TextesTravaux) -> &'static str;

/// A number typed the French way, or `None` when empty; `Err` when it is not a number.
fn nombre(texte: &str, taux: bool) -> Result<Option<Decimal>, ()> {
    let texte = texte.trim();
    if texte.is_empty() {
        return Ok(None);
    }
    let lu = if taux {
        parse_taux(texte)
    } else {
        parse_montant(texte)
    };
    lu.map(Some).map_err(|_| ())
}

fn texte_nombre(valeur: Option<Decimal>) -> String {
    valeur
        .map(|v| v.normalize().to_string().replace('.', ","))
        .unwrap_or_default()
}

/// The piece form: every field, the amounts and what is missing, computed as the user types.
#[component]
fn FormulaireSituation(
    piece: SituationTravaux,
    edition: RwSignal<Option<SituationTravaux>>,
    version: RwSignal<u32>,
    message: RwSignal<Option<Result<&'static str, String>>>,
    structures: RwSignal<Vec<api::StructureFournisseur>>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let nouvelle = piece.id == 0;
    let base_piece = piece.clone();
    let id_structure = RwSignal::new(piece.id_structure);
    let cadre = RwSignal::new(piece.cadre);
    let autoliquidation = RwSignal::new(piece.autoliquidation);
    let texte = |v: &str| RwSignal::new(v.to_owned());
    let numero = texte(&piece.numero);
    let mois = texte(
        &piece
            .mois
            .map(|m| m.format("%Y-%m").to_string())
            .unwrap_or_default(),
    );
    let lot = texte(&piece.lot);
    let entreprise = texte(&piece.entreprise);
    let marche = texte(&piece.numero_marche);
    let os = texte(&piece.ordre_service);
    let siret_mo = texte(&piece.siret_destinataire);
    let code_service = texte(&piece.code_service);
    let engagement = texte(&piece.numero_engagement);
    let siret_moe = texte(&piece.siret_moe);
    let prevision = texte(&texte_nombre(piece.prevision_ht));
    let avancement = texte(&texte_nombre(piece.avancement));
    let deja = texte(&texte_nombre(
        Some(piece.deja_facture_ht).filter(|d| !d.is_zero()),
    ));
    let penalites = texte(&texte_nombre(
        Some(piece.penalites_ht).filter(|d| !d.is_zero()),
    ));
    let taux_tva = texte(&texte_nombre(piece.taux_tva));
    let retenue = texte(&texte_nombre(Some(piece.taux_retenue_garantie)));
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let en_cours = RwSignal::new(false);
    let premier_champ = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(champ) = premier_champ.get() {
            let _ = champ.focus();
        }
    });

    // The piece as typed, and the fields whose number could not be read.
    let lue = move || {
        let mut invalides = Vec::new();
        let mut lire = |champ: &'static str, signal: RwSignal<String>, taux: bool| {
            signal.with(|v| nombre(v, taux)).unwrap_or_else(|()| {
                invalides.push(champ);
                None
            })
        };
        let prevision_ht = lire("previsionHt", prevision, false);
        let avancement_lu = lire("avancement", avancement, true);
        let deja_facture_ht = lire("dejaFactureHt", deja, false).unwrap_or_default();
        let penalites_ht = lire("penalitesHt", penalites, false).unwrap_or_default();
        let taux = lire("tauxTva", taux_tva, true);
        let rg = lire("tauxRetenueGarantie", retenue, true).unwrap_or_default();
        let situation = SituationTravaux {
            id_structure: id_structure.get(),
            cadre: cadre.get(),
            numero: numero.get().trim().to_owned(),
            mois: chrono::NaiveDate::parse_from_str(
                &format!("{}-01", mois.get().trim()),
                "%Y-%m-%d",
            )
            .ok(),
            lot: lot.get().trim().to_owned(),
            entreprise: entreprise.get().trim().to_owned(),
            numero_marche: marche.get().trim().to_owned(),
            ordre_service: os.get().trim().to_owned(),
            siret_destinataire: siret_mo.get().trim().to_owned(),
            code_service: code_service.get().trim().to_owned(),
            numero_engagement: engagement.get().trim().to_owned(),
            siret_moe: siret_moe.get().trim().to_owned(),
            prevision_ht,
            avancement: avancement_lu,
            deja_facture_ht,
            penalites_ht,
            taux_tva: taux,
            autoliquidation: autoliquidation.get(),
            taux_retenue_garantie: rg,
            ..base_piece.clone()
        };
        (situation, invalides)
    };
    let lue = Memo::new(move |_| lue());

    let enregistrer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        let (situation, invalides) = lue.get_untracked();
        if !invalides.is_empty() {
            let t_fr = crate::i18n::Locale::Fr.textes();
            let t_en = crate::i18n::Locale::En.textes();
            erreurs.set(
                invalides
                    .into_iter()
                    .map(|champ| ErreurChamp {
                        champ: champ.into(),
                        message_fr: t_fr.travaux.nombre_invalide.into(),
                        message_en: t_en.travaux.nombre_invalide.into(),
                    })
                    .collect(),
            );
            return;
        }
        en_cours.set(true);
        let base = reglages.api_base();
        spawn_local(async move {
            let resultat = api_travaux::enregistrer(&base, &situation).await;
            if en_cours.try_set(false).is_some() {
                return;
            }
            match resultat {
                Ok(_) => {
                    message.set(Some(Ok(i18n.t().travaux.enregistree)));
                    edition.set(None);
                    version.update(|v| *v += 1);
                }
                Err(RefusFormulaire::Champs(liste)) => erreurs.set(liste),
                Err(RefusFormulaire::Autre(e)) => message.set(Some(Err(e.libelle()))),
            }
        });
    };

    let champ =
        move |id: &'static str, nom: &'static str, libelle: Libelle, valeur: RwSignal<String>| {
            view! {
                <ChampTexte
                    id=id
                    champ=nom
                    libelle=Signal::derive(move || libelle(&i18n.t().travaux))
                    valeur
                    erreurs
                />
            }
        };
    let nombre_champ =
        move |id: &'static str, nom: &'static str, libelle: Libelle, valeur: RwSignal<String>| {
            view! {
                <ChampTexte
                    id=id
                    champ=nom
                    libelle=Signal::derive(move || libelle(&i18n.t().travaux))
                    valeur
                    erreurs
                    inputmode="decimal"
                />
            }
        };
    let montant =
        move |libelle: Libelle, lire: fn(&facture::travaux::MontantsSituation) -> Decimal| {
            view! {
                <div>
                    <dt>{move || libelle(&i18n.t().travaux)}</dt>
                    <dd>{move || euros(lire(&montants(&lue.get().0)))}</dd>
                </div>
            }
        };
    let a_completer = move || {
        let t = &i18n.t().travaux;
        manques(&lue.get().0)
            .into_iter()
            .map(|m| libelle_manque(m, t))
            .collect::<Vec<_>>()
    };

    view! {
        <form class="carte formulaire-travaux" on:submit=enregistrer novalidate aria-labelledby="travaux-form-titre">
            <h2 id="travaux-form-titre">
                {move || if nouvelle { i18n.t().travaux.formulaire_nouvelle } else { i18n.t().travaux.formulaire_modifier }}
            </h2>
            <p class="note">{move || i18n.t().travaux.formulaire_aide}</p>
            <div class="grille-champs">
                <div class="champ">
                    <label for="travaux-structure">{move || i18n.t().travaux.structure}</label>
                    <select
                        id="travaux-structure"
                        on:change=move |ev| {
                            if let Ok(id) = event_target_value(&ev).parse() {
                                id_structure.set(id);
                            }
                        }
                    >
                        {move || structures.get().into_iter().map(|s| {
                            let choisie = s.id == id_structure.get_untracked();
                            view! { <option value=s.id.to_string() selected=choisie>{s.designation}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="champ">
                    <label for="travaux-cadre">{move || i18n.t().travaux.cadre}</label>
                    <select
                        id="travaux-cadre"
                        on:change=move |ev| {
                            if let Some(c) = CadreTravaux::depuis_code(&event_target_value(&ev)) {
                                cadre.set(c);
                            }
                        }
                    >
                        {CadreTravaux::TOUS.into_iter().map(|c| view! {
                            <option value=c.code() selected=move || cadre.get() == c>
                                {move || libelle_cadre(c, &i18n.t().travaux)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <ChampTexte
                    id="travaux-numero"
                    champ="numero"
                    libelle=Signal::derive(move || i18n.t().travaux.numero)
                    valeur=numero
                    erreurs
                    node_ref=premier_champ
                />
                <ChampTexte
                    id="travaux-mois"
                    champ="mois"
                    libelle=Signal::derive(move || i18n.t().travaux.mois)
                    valeur=mois
                    erreurs
                    type_champ="month"
                />
                {champ("travaux-lot", "lot", |t| t.lot, lot)}
                {champ("travaux-entreprise", "entreprise", |t| t.entreprise, entreprise)}
                {champ("travaux-marche", "numeroMarche", |t| t.marche, marche)}
                {champ("travaux-os", "ordreService", |t| t.ordre_service, os)}
                {champ("travaux-siret-mo", "siretDestinataire", |t| t.siret_mo, siret_mo)}
                {champ("travaux-code-service", "codeService", |t| t.code_service, code_service)}
                {champ("travaux-engagement", "numeroEngagement", |t| t.engagement, engagement)}
                {champ("travaux-siret-moe", "siretMoe", |t| t.siret_moe, siret_moe)}
                {nombre_champ("travaux-prevision", "previsionHt", |t| t.prevision, prevision)}
                {nombre_champ("travaux-avancement", "avancement", |t| t.avancement, avancement)}
                {nombre_champ("travaux-deja", "dejaFactureHt", |t| t.deja_facture, deja)}
                {nombre_champ("travaux-penalites", "penalitesHt", |t| t.penalites, penalites)}
                {nombre_champ("travaux-tva", "tauxTva", |t| t.taux_tva, taux_tva)}
                {nombre_champ("travaux-retenue", "tauxRetenueGarantie", |t| t.retenue_garantie, retenue)}
            </div>
            <label class="case">
                <input
                    type="checkbox"
                    prop:checked=move || autoliquidation.get()
                    on:change=move |ev| autoliquidation.set(event_target_checked(&ev))
                />
                {move || i18n.t().travaux.autoliquidation}
            </label>
            <section class="montants-travaux" aria-labelledby="travaux-montants-titre">
                <h3 id="travaux-montants-titre">{move || i18n.t().travaux.montants_titre}</h3>
                <dl aria-live="polite">
                    {montant(|t| t.cumul, |m| m.cumul_ht)}
                    {montant(|t| t.acompte_ht, |m| m.acompte_ht)}
                    {montant(|t| t.tva, |m| m.tva)}
                    {montant(|t| t.acompte_ttc, |m| m.acompte_ttc)}
                    {montant(|t| t.retenue, |m| m.retenue_garantie)}
                    {montant(|t| t.net, |m| m.net_a_payer)}
                </dl>
            </section>
            <Show when=move || !a_completer().is_empty()>
                <div class="a-completer" role="status">
                    <strong>{move || i18n.t().travaux.manque_titre}</strong>
                    <ul>{move || a_completer().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <ul class="messages">
                {move || ["idStructureCPP"].into_iter().flat_map(|c| messages_du_champ(erreurs, c))
                    .map(|m| view! { <li class="message message--bloquant">{m}</li> }).collect_view()}
            </ul>
            <div class="actions">
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().to_string()>
                    {move || i18n.t().travaux.enregistrer}
                </button>
                <button type="button" class="bouton" on:click=move |_| edition.set(None)>
                    {move || i18n.t().travaux.annuler}
                </button>
            </div>
        </form>
    }
}
