//! Factures émises — Déposer: drop PDFs, read their fields in the browser, check them before sending.
//!
//! The screen only binds: `extract::extract` reads the bytes, `extract::vers_facture::constater` runs
//! the checks of `facture` and sorts the findings by form field.

mod apercu;
mod complements;
mod envoi;

use std::collections::BTreeMap;
use std::sync::Arc;

use extract::format::{reconnaitre, Format, SyntaxeXml};
use extract::resultat::{Fields, Provenance, Source};
use extract::vers_facture::{
    a_la_francaise, constater, ecrire_champ, lire_champ, Attendu, Complements, Constats,
};
use facture::regles::{Contexte, Finding, Severity};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::api::{self, DestinataireTrouve, StructureFournisseur};
use crate::app::Reglages;
use crate::components::garde::Protege;
use crate::components::pieces_jointes::{Lentille, PiecesJointes};
use crate::i18n::{I18n, Locale, Textes};
use crate::state::brouillons::{self, BrouillonDepot, Etape, SuiviEnvoi};
use crate::state::integration::{self, BrouillonRecu, BrouillonsRecus};
use crate::state::session::{EtatSession, Session};

/// The user's supplier structures, `None` until the server answered.
type Structures = RwSignal<Option<Result<Vec<StructureFournisseur>, String>>>;

/// Where a dropped file stands.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lecture {
    EnCours,
    Lu,
    TropVolumineux,
    PasUnPdf,
}

/// What the directory says of the recipient SIRET typed or read.
#[derive(Debug, Clone, PartialEq)]
enum EtatAnnuaire {
    /// No valid SIRET to look up.
    SansSiret,
    /// Lookup under way for this SIRET.
    EnCours(String),
    /// Found.
    Trouve(String, DestinataireTrouve),
    /// No public structure has this SIRET.
    Inconnu(String),
    /// The directory could not be reached.
    Indisponible(String),
}

/// One dropped file and what was read in it. Signals, so each row updates on its own.
#[derive(Clone, Copy)]
struct Depot {
    id: usize,
    /// The signed-in user, whose drafts these are (read once: context is not available in tasks).
    utilisateur: Option<i64>,
    /// Draft id in local storage.
    uid: StoredValue<String>,
    /// The PDF, while it is at hand (not after a reload when it was too large to keep).
    octets: StoredValue<Option<Arc<Vec<u8>>>>,
    nom: StoredValue<String>,
    taille: u64,
    lecture: RwSignal<Lecture>,
    /// PDF, signed PDF or XML: decides how the file is sent.
    format: RwSignal<Option<Format>>,
    source: RwSignal<Option<Source>>,
    erreur: RwSignal<Option<String>>,
    champs: RwSignal<Fields>,
    provenance: RwSignal<BTreeMap<String, Provenance>>,
    annuaire: RwSignal<EtatAnnuaire>,
    complements: RwSignal<Complements>,
    envoi: RwSignal<SuiviEnvoi>,
    /// The first page's preview, when its text could be read.
    apercu: RwSignal<Option<extract::apercu::Apercu>>,
    /// The field being edited, whose place the preview shows.
    focus: RwSignal<Option<String>>,
}

impl Depot {
    fn nouveau(id: usize, utilisateur: Option<i64>, nom: String, taille: u64) -> Depot {
        let uid = brouillons::nouvel_identifiant();
        Depot {
            id,
            utilisateur,
            octets: StoredValue::new(None),
            nom: StoredValue::new(nom),
            taille,
            lecture: RwSignal::new(Lecture::EnCours),
            format: RwSignal::new(None),
            source: RwSignal::new(None),
            erreur: RwSignal::new(None),
            champs: RwSignal::new(Fields::default()),
            provenance: RwSignal::new(BTreeMap::new()),
            annuaire: RwSignal::new(EtatAnnuaire::SansSiret),
            complements: RwSignal::new(Complements::default()),
            envoi: RwSignal::new(SuiviEnvoi {
                cle_idempotence: format!("depot-{uid}"),
                ..SuiviEnvoi::default()
            }),
            apercu: RwSignal::new(None),
            focus: RwSignal::new(None),
            uid: StoredValue::new(uid),
        }
    }

    fn depuis_brouillon(
        id: usize,
        utilisateur: i64,
        brouillon: BrouillonDepot,
        pdf: Option<Vec<u8>>,
    ) -> Depot {
        let format = brouillon
            .format
            .or_else(|| pdf.as_deref().and_then(reconnaitre));
        let apercu = pdf
            .as_deref()
            .filter(|_| matches!(format, Some(Format::Pdf { .. })))
            .and_then(|octets| extract::apercu::Apercu::du_pdf(octets, &brouillon.provenance));
        Depot {
            id,
            utilisateur: Some(utilisateur),
            apercu: RwSignal::new(apercu),
            focus: RwSignal::new(None),
            uid: StoredValue::new(brouillon.uid),
            octets: StoredValue::new(pdf.map(Arc::new)),
            nom: StoredValue::new(brouillon.nom),
            taille: brouillon.taille,
            lecture: RwSignal::new(Lecture::Lu),
            format: RwSignal::new(format),
            source: RwSignal::new(brouillon.source),
            erreur: RwSignal::new(None),
            champs: RwSignal::new(brouillon.champs),
            provenance: RwSignal::new(brouillon.provenance),
            annuaire: RwSignal::new(EtatAnnuaire::SansSiret),
            complements: RwSignal::new(brouillon.complements),
            envoi: RwSignal::new(brouillon.envoi),
        }
    }

    fn brouillon(&self) -> BrouillonDepot {
        BrouillonDepot {
            uid: self.uid.get_value(),
            nom: self.nom.get_value(),
            taille: self.taille,
            source: self.source.get(),
            format: self.format.get(),
            champs: self.champs.get(),
            provenance: self.provenance.get(),
            complements: self.complements.get(),
            envoi: self.envoi.get(),
        }
    }

    /// The syntax of an XML file: it is sent as it is, as a flux, so its values are not edited here.
    fn xml(&self) -> Option<SyntaxeXml> {
        match self.format.get() {
            Some(Format::Xml(syntaxe)) => Some(syntaxe),
            _ => None,
        }
    }

    fn envoyee(&self) -> bool {
        self.envoi.with(|e| matches!(e.etape, Etape::Envoyee(_)))
    }

    fn constats(&self) -> Option<Constats> {
        if self.lecture.get() != Lecture::Lu || self.source.get() == Some(Source::None) {
            return None;
        }
        let nom = self.nom.get_value();
        let mut contexte = Contexte::new(crate::navigateur::aujourd_hui());
        let annuaire = self.annuaire.get();
        if let EtatAnnuaire::Trouve(_, trouve) = &annuaire {
            contexte.destinataire = Some(trouve.annuaire.clone());
        }
        let complements = self.complements.get();
        let mut constats = self
            .champs
            .with(|champs| constater(champs, &complements, &nom, self.taille, &contexte));
        if let EtatAnnuaire::Inconnu(_) = annuaire {
            // Chorus Pro refuses an invoice to a structure it does not know (api-reference §6.1).
            constats.n_bloquants += 1;
            constats
                .par_champ
                .entry("recipient_siret")
                .or_default()
                .push(Finding {
                    rule: "CPP-DESTINATAIRE-INCONNU".to_owned(),
                    severity: Severity::Blocking,
                    field: "destinataire.codeDestinataire".to_owned(),
                    message_fr: Locale::Fr.textes().deposer.destinataire_inconnu.to_owned(),
                    message_en: Locale::En.textes().deposer.destinataire_inconnu.to_owned(),
                    fix: None,
                });
        }
        if self.xml().is_some() {
            // The form's choices are not shown for a flux: what they would say goes with the other points.
            let caches: Vec<&'static str> = constats
                .par_champ
                .keys()
                .copied()
                .filter(|cle| {
                    extract::vers_facture::CHAMPS_COMPLEMENTS.contains(cle)
                        && *cle != "supplier_structure"
                })
                .collect();
            for cle in caches {
                if let Some(findings) = constats.par_champ.remove(cle) {
                    constats.autres.extend(findings);
                }
            }
        }
        if self.octets.with_value(Option::is_none) && !self.envoyee() {
            // The PDF was too large to keep in the draft: it must be dropped again to be sent.
            constats.n_bloquants += 1;
            constats.autres.push(Finding {
                rule: "PASSERELLE-PDF-A-REDEPOSER".to_owned(),
                severity: Severity::Blocking,
                field: "pieceJointePrincipale".to_owned(),
                message_fr: Locale::Fr.textes().envoi.pdf_a_redeposer.to_owned(),
                message_en: Locale::En.textes().envoi.pdf_a_redeposer.to_owned(),
                fix: None,
            });
        }
        Some(constats)
    }
}

/// The deposit screen.
#[component]
pub fn Deposer() -> impl IntoView {
    let i18n = I18n::expect_context();
    let depots = RwSignal::new(Vec::<Depot>::new());
    let selection = RwSignal::new(None::<usize>);
    let prochain_id = StoredValue::new(0usize);
    let survol = RwSignal::new(false);
    let reglages = Reglages::expect_context();
    // The structures the user may invoice as; `None` until the server answered.
    let structures: Structures = RwSignal::new(None);
    spawn_local(async move {
        let reponse = api::structures_fournisseur(&reglages.api_base())
            .await
            .map_err(|e| e.to_string());
        // The screen may have been left meanwhile: its signals are gone.
        let _ = structures.try_set(Some(reponse));
    });

    let session = Session::expect_context();
    let utilisateur = move || match session.etat_untracked() {
        EtatSession::Connecte(utilisateur) => Some(utilisateur.id),
        _ => None,
    };
    // The drafts of an earlier visit come back as they were left, once the session is known. Their
    // signals belong to the screen, not to the effect (which disposes what it owns when it runs again,
    // e.g. on sign-out).
    let repris = StoredValue::new(false);
    let ecran = Owner::current();
    Effect::new(move |_| {
        let EtatSession::Connecte(connecte) = session.etat() else {
            return;
        };
        if repris.get_value() {
            return;
        }
        repris.set_value(true);
        let charger = || -> Vec<Depot> {
            brouillons::charger(connecte.id)
                .into_iter()
                .map(|(brouillon, pdf)| {
                    let id = prochain_id.get_value();
                    prochain_id.set_value(id + 1);
                    Depot::depuis_brouillon(id, connecte.id, brouillon, pdf)
                })
                .collect()
        };
        let anciens = match &ecran {
            Some(ecran) => ecran.with(charger),
            None => charger(),
        };
        if anciens.is_empty() {
            return;
        }
        if selection.get_untracked().is_none() {
            selection.set(anciens.first().map(|d| d.id));
        }
        depots.update(|d| {
            let nouveaux = std::mem::take(d);
            *d = anciens;
            d.extend(nouveaux);
        });
    });

    // Drafts handed over by the host page (embedded in an iframe) open here, once signed in and once
    // the supplier structures are known (to choose the one the invoice's SIRET names).
    if let Some(recus) = use_context::<BrouillonsRecus>() {
        // The rows' signals belong to the screen, not to this effect (which disposes what it owns
        // each time it runs again).
        let proprietaire = Owner::current();
        Effect::new(move |_| {
            let EtatSession::Connecte(connecte) = session.etat() else {
                return;
            };
            if structures.with(Option::is_none) || recus.0.with(Vec::is_empty) {
                return;
            }
            for BrouillonRecu { mut brouillon, pdf } in
                recus.0.try_update(std::mem::take).unwrap_or_default()
            {
                let present = depots.with_untracked(|d| {
                    d.iter().any(|x| x.uid.with_value(|u| *u == brouillon.uid))
                });
                if present {
                    continue;
                }
                if brouillon.complements.id_fournisseur.is_none() {
                    brouillon.complements.id_fournisseur = structures.with_untracked(|s| match s {
                        Some(Ok(liste)) => {
                            Complements::structure_du_siret(&brouillon.champs, &paires(liste))
                        }
                        _ => None,
                    });
                }
                if let Some(octets) = &pdf {
                    brouillons::enregistrer_pdf(connecte.id, &brouillon.uid, octets);
                }
                integration::brouillon_enregistre(&brouillon);
                let id = prochain_id.get_value();
                prochain_id.set_value(id + 1);
                let creer = move || Depot::depuis_brouillon(id, connecte.id, brouillon, pdf);
                let depot = match &proprietaire {
                    Some(proprietaire) => proprietaire.with(creer),
                    None => creer(),
                };
                depots.update(|d| d.push(depot));
                selection.set(Some(id));
            }
        });
    }

    let ajouter = move |fichiers: web_sys::FileList| {
        for index in 0..fichiers.length() {
            let Some(fichier) = fichiers.get(index) else {
                continue;
            };
            let id = prochain_id.get_value();
            prochain_id.set_value(id + 1);
            // File sizes are whole numbers of bytes well below 2^53: the conversion is exact.
            let taille = fichier.size().max(0.0) as u64;
            let depot = Depot::nouveau(id, utilisateur(), fichier.name(), taille);
            depots.update(|d| d.push(depot));
            if selection.get_untracked().is_none() {
                selection.set(Some(id));
            }
            if taille > cpro::limites::TAILLE_MAX_DEPOSER_PDF {
                depot.lecture.set(Lecture::TropVolumineux);
                continue;
            }
            spawn_local(lire(depot, fichier, i18n.locale(), structures));
        }
    };

    let sur_changement = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(fichiers) = input.files() {
            ajouter(fichiers);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let sur_depot = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        survol.set(false);
        if let Some(fichiers) = ev.data_transfer().and_then(|d| d.files()) {
            ajouter(fichiers);
        }
    };

    view! {
        <Protege>
            <h1>{move || i18n.t().deposer.titre}</h1>
            <p class="intro">{move || i18n.t().deposer.intro}</p>
            <div
                class="zone-depot"
                class:zone-depot--survol=move || survol.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    survol.set(true);
                }
                on:dragleave=move |_| survol.set(false)
                on:drop=sur_depot
            >
                <label for="depot-fichiers" class="zone-depot__libelle">
                    {move || i18n.t().deposer.zone}
                </label>
                <p id="depot-aide" class="zone-depot__aide">{move || i18n.t().deposer.zone_aide}</p>
                <input
                    id="depot-fichiers"
                    type="file"
                    multiple
                    accept="application/pdf,.pdf,application/xml,text/xml,.xml"
                    aria-describedby="depot-aide"
                    on:change=sur_changement
                />
            </div>
            <Show when=move || !depots.with(Vec::is_empty)>
                <TableDepots depots selection />
            </Show>
            {move || {
                let id = selection.get()?;
                let depot = depots.with(|d| d.iter().find(|x| x.id == id).copied())?;
                let retirer = Callback::new(move |()| retirer(depots, selection, depot));
                Some(view! { <Formulaire depot structures retirer /> })
            }}
        </Protege>
    }
}

/// Takes a file off the list and forgets its draft.
fn retirer(depots: RwSignal<Vec<Depot>>, selection: RwSignal<Option<usize>>, depot: Depot) {
    if let Some(utilisateur) = depot.utilisateur {
        brouillons::supprimer(utilisateur, &depot.uid.get_value());
    }
    depots.update(|d| d.retain(|x| x.id != depot.id));
    selection.set(depots.with_untracked(|d| d.first().map(|x| x.id)));
}

/// Reads a file's bytes and extracts its fields.
async fn lire(depot: Depot, fichier: web_sys::File, locale: Locale, structures: Structures) {
    let lecture = JsFuture::from(fichier.array_buffer()).await;
    // The screen may have been left while the file was read: its signals are gone.
    if depot.lecture.try_get_untracked().is_none() {
        return;
    }
    let octets = match lecture {
        Ok(tampon) => js_sys::Uint8Array::new(&tampon).to_vec(),
        Err(_) => {
            depot.lecture.set(Lecture::PasUnPdf);
            return;
        }
    };
    // Told by content, not by name: a PDF (signed or not) or an invoice XML (CII, UBL).
    let extract::FichierLu { format, extraction } = extract::lire_fichier(&octets);
    if format.is_none() {
        depot.lecture.set(Lecture::PasUnPdf);
        return;
    }
    depot.format.set(format);
    depot.source.set(Some(extraction.source));
    depot.erreur.set(extraction.error);
    if let Some(Format::Pdf { .. }) = format {
        depot.apercu.set(extract::apercu::Apercu::du_pdf(
            &octets,
            &extraction.provenance,
        ));
    }
    depot.provenance.set(extraction.provenance);
    let mut complements = Complements::proposes(&extraction.fields);
    complements.id_fournisseur = structures.with_untracked(|s| match s {
        Some(Ok(liste)) => Complements::structure_du_siret(&extraction.fields, &paires(liste)),
        _ => None,
    });
    depot.complements.set(complements);
    // French users read and type amounts and dates the French way; both forms are read back alike.
    depot.champs.set(match locale {
        Locale::Fr => a_la_francaise(&extraction.fields),
        Locale::En => extraction.fields,
    });
    if let Some(utilisateur) = depot.utilisateur {
        brouillons::enregistrer_pdf(utilisateur, &depot.uid.get_value(), &octets);
    }
    depot.octets.set_value(Some(Arc::new(octets)));
    depot.lecture.set(Lecture::Lu);
}

/// (id, identifier) of each supplier structure, for [`Complements::structure_du_siret`].
fn paires(structures: &[StructureFournisseur]) -> Vec<(i64, String)> {
    structures
        .iter()
        .map(|s| (s.id, s.identifiant.clone()))
        .collect()
}

#[component]
fn TableDepots(depots: RwSignal<Vec<Depot>>, selection: RwSignal<Option<usize>>) -> impl IntoView {
    let i18n = I18n::expect_context();
    view! {
        <table class="tableau">
            <caption>{move || i18n.t().deposer.fichiers}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t().deposer.col_fichier}</th>
                    <th scope="col">{move || i18n.t().deposer.col_format}</th>
                    <th scope="col">{move || i18n.t().deposer.col_taille}</th>
                    <th scope="col">{move || i18n.t().deposer.col_etat}</th>
                    <th scope="col">{move || i18n.t().deposer.col_action}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || depots.get() key=|d| d.id let:depot>
                    <tr aria-selected=move || (selection.get() == Some(depot.id)).to_string()>
                        <th scope="row">{depot.nom.get_value()}</th>
                        <td>{move || nom_du_format(i18n.t(), depot)}</td>
                        <td>{move || taille_lisible(depot.taille, i18n.locale())}</td>
                        <td>
                            <EtatDepot depot />
                            <ConsultationAnnuaire depot />
                            <SauvegardeLocale depot />
                        </td>
                        <td>
                            <button
                                type="button"
                                class="bouton bouton--petit"
                                aria-label=move || {
                                    format!("{} {}", i18n.t().deposer.voir, depot.nom.get_value())
                                }
                                on:click=move |_| selection.set(Some(depot.id))
                            >
                                {move || i18n.t().deposer.voir}
                            </button>
                        </td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}

/// Looks the recipient SIRET up in the directory whenever it changes to a valid SIRET, for as long as
/// the file's row exists. Renders nothing.
#[component]
fn ConsultationAnnuaire(depot: Depot) -> impl IntoView {
    let reglages = Reglages::expect_context();
    Effect::new(move |_| {
        let siret = depot.champs.with(|c| {
            lire_champ(c, "recipient_siret")
                .and_then(|texte| facture::identifiant::Siret::parse(texte).ok())
                .map(|siret| siret.as_str().to_owned())
        });
        let Some(siret) = siret else {
            depot.annuaire.set(EtatAnnuaire::SansSiret);
            return;
        };
        let deja = match depot.annuaire.get_untracked() {
            EtatAnnuaire::EnCours(s)
            | EtatAnnuaire::Trouve(s, _)
            | EtatAnnuaire::Inconnu(s)
            | EtatAnnuaire::Indisponible(s) => s == siret,
            EtatAnnuaire::SansSiret => false,
        };
        if deja {
            return;
        }
        depot.annuaire.set(EtatAnnuaire::EnCours(siret.clone()));
        spawn_local(async move {
            let etat = match api::destinataire(&reglages.api_base(), &siret).await {
                Ok(Some(trouve)) => EtatAnnuaire::Trouve(siret.clone(), trouve),
                Ok(None) => EtatAnnuaire::Inconnu(siret.clone()),
                Err(erreur) => {
                    leptos::logging::warn!("annuaire {siret}: {erreur}");
                    EtatAnnuaire::Indisponible(siret.clone())
                }
            };
            // Only if the field still holds the SIRET we looked up (and the screen is still there).
            if depot.annuaire.try_get_untracked() == Some(EtatAnnuaire::EnCours(siret)) {
                depot.annuaire.set(etat);
            }
        });
    });
}

/// Keeps the file's draft in local storage as it changes, for as long as its row exists. Renders
/// nothing.
#[component]
fn SauvegardeLocale(depot: Depot) -> impl IntoView {
    Effect::new(move |_| {
        if depot.lecture.get() != Lecture::Lu || depot.source.get() == Some(Source::None) {
            return;
        }
        let brouillon = depot.brouillon();
        if let Some(utilisateur) = depot.utilisateur {
            if !brouillons::enregistrer(utilisateur, &brouillon) {
                leptos::logging::warn!("draft {} not saved: storage refused", brouillon.uid);
            }
        }
    });
}

#[component]
fn EtatDepot(depot: Depot) -> impl IntoView {
    let i18n = I18n::expect_context();
    move || {
        let t = i18n.t();
        let (classe, texte) = match depot.lecture.get() {
            Lecture::EnCours => ("badge", t.deposer.etat_lecture),
            Lecture::TropVolumineux | Lecture::PasUnPdf => {
                ("badge badge--erreur", t.deposer.etat_illisible)
            }
            Lecture::Lu if depot.envoyee() => ("badge badge--ok", t.envoi.etat_envoyee),
            Lecture::Lu => match depot.constats() {
                None => ("badge badge--erreur", t.deposer.etat_illisible),
                Some(c) if c.n_bloquants > 0 => {
                    ("badge badge--attention", t.deposer.etat_a_completer)
                }
                Some(_) => ("badge badge--ok", t.deposer.etat_pret),
            },
        };
        view! { <span class=classe>{texte}</span> }
    }
}

/// A group's title, read from the strings of the current locale.
type Titre = fn(&Textes) -> &'static str;

/// The groups of the form: their fields read in the PDF (by contract key), then the form's own
/// choices (by key of `CHAMPS_COMPLEMENTS`).
const GROUPES: [(Titre, &[&str], &[&str]); 4] = [
    (
        |t| t.deposer.groupe_facture,
        &["invoice_number", "invoice_date", "invoice_type", "currency"],
        &[
            "original_invoice",
            "cadre",
            "valideur_structure",
            "valideur_service",
            "vat_type",
            "exemption_reason",
        ],
    ),
    (
        |t| t.deposer.groupe_fournisseur,
        &["supplier_siret", "supplier_vat", "iban"],
        &["supplier_structure", "payment_mode"],
    ),
    (
        |t| t.deposer.groupe_destinataire,
        &[
            "recipient_siret",
            "service_code",
            "engagement_number",
            "market_number",
        ],
        &[],
    ),
    (
        |t| t.deposer.groupe_montants,
        &["total_ht", "total_vat", "total_ttc", "amount_due"],
        &[],
    ),
];

/// Whether a field has a blocking finding.
fn bloquant(constats: Memo<Option<Constats>>, cle: &'static str) -> bool {
    constats.with(|c| {
        c.as_ref().is_some_and(|c| {
            c.illisibles.get(cle).is_some_and(|i| !i.is_empty())
                || c.par_champ
                    .get(cle)
                    .into_iter()
                    .flatten()
                    .any(|f| f.severity == Severity::Blocking)
        })
    })
}

#[component]
fn Formulaire(depot: Depot, structures: Structures, retirer: Callback<()>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let constats = Memo::new(move |_| depot.constats());
    let refus = move || match depot.lecture.get() {
        Lecture::TropVolumineux => Some(i18n.t().deposer.trop_volumineux.to_string()),
        Lecture::PasUnPdf => Some(i18n.t().deposer.pas_un_pdf.to_string()),
        Lecture::Lu if depot.source.get() == Some(Source::None) => depot.erreur.get(),
        _ => None,
    };
    view! {
        <section class="formulaire-depot" aria-labelledby="formulaire-titre">
            <h2 id="formulaire-titre">
                {move || i18n.t().deposer.formulaire} " — " {depot.nom.get_value()}
            </h2>
            {move || refus().map(|message| view! { <p class="erreur" role="alert">{message}</p> })}
            <Show when=move || depot.envoyee()>
                <envoi::Recapitulatif depot retirer />
            </Show>
            <Show when=move || {
                !depot.envoyee() && refus().is_none() && depot.lecture.get() == Lecture::Lu
            }>
                <p class="note">
                    {move || match (depot.xml(), depot.source.get()) {
                        (Some(_), _) => i18n.t().deposer.source_xml,
                        (None, Some(Source::Facturx)) => i18n.t().deposer.source_facturx,
                        (None, Some(Source::Text)) => i18n.t().deposer.source_texte,
                        // Fields handed over by the intranet page that embeds the application.
                        _ => i18n.t().deposer.source_hote,
                    }}
                </p>
                <Show when=move || depot.format.get() == Some(Format::Pdf { signe: true })>
                    <p class="note note--info">{move || i18n.t().deposer.note_signe}</p>
                </Show>
                <Resume constats />
                <div class="formulaire-depot__corps">
                <div class="formulaire-depot__champs">
                {GROUPES
                    .iter()
                    .map(|(titre, cles, choix)| {
                        let titre = *titre;
                        view! {
                            <fieldset
                                class="groupe"
                                disabled=move || {
                                    depot.envoi.with(|e| e.corps.is_some()) || depot.xml().is_some()
                                }
                            >
                                <legend>{move || titre(i18n.t())}</legend>
                                {cles
                                    .iter()
                                    .map(|cle| view! { <ChampSaisi depot cle constats /> })
                                    .collect_view()}
                                {choix
                                    .iter()
                                    // A flux carries its own terms: of the form's choices only the
                                    // supplier structure (from the seller's SIRET) applies to it.
                                    .filter(|cle| {
                                        depot.format.with_untracked(|f| !matches!(f, Some(Format::Xml(_))))
                                            || **cle == "supplier_structure"
                                    })
                                    .map(|cle| {
                                        view! {
                                            <complements::ChampComplement depot cle constats structures />
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                        }
                    })
                    .collect_view()}
                </div>
                <apercu::Apercu depot />
                </div>
                // A flux carries no attachment of its own (they go in the XML).
                <Show when=move || depot.xml().is_none()>
                    <PiecesJointes
                        lentille=Lentille {
                            etat: depot.complements,
                            pieces: |c: &mut Complements| &mut c.pieces_jointes,
                        }
                        prefixe=depot.id.to_string()
                        fige=Signal::derive(move || depot.envoyee())
                    />
                </Show>
                <AutresPoints constats />
                <envoi::Envoi depot constats retirer />
            </Show>
        </section>
    }
}

#[component]
fn Resume(constats: Memo<Option<Constats>>) -> impl IntoView {
    let i18n = I18n::expect_context();
    move || {
        let t = i18n.t();
        constats.get().map(|c| {
            let (classe, texte) = if c.n_bloquants == 0 {
                ("resume resume--ok", t.deposer.resume_ok.to_string())
            } else {
                (
                    "resume resume--bloquant",
                    format!(
                        "{} {} · {} {}",
                        c.n_bloquants,
                        t.deposer.resume_bloquants,
                        c.n_avertissements,
                        t.deposer.resume_avertissements
                    ),
                )
            };
            view! {
                <p class=classe role="status">
                    {texte}
                </p>
            }
        })
    }
}

#[component]
fn ChampSaisi(depot: Depot, cle: &'static str, constats: Memo<Option<Constats>>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let id = format!("champ-{}-{cle}", depot.id);
    let id_messages = format!("{id}-messages");
    let id_suggestions = format!("{id}-suggestions");
    let valeur = move || {
        depot
            .champs
            .with(|c| lire_champ(c, cle).unwrap_or_default().to_owned())
    };
    let lu = move || {
        depot.provenance.with(|p| p.contains_key(cle))
            || (depot.source.get() == Some(Source::Facturx)
                && depot.champs.with(|c| lire_champ(c, cle).is_some()))
    };
    let en_erreur = move || bloquant(constats, cle);
    view! {
        <div class="champ" class:champ--bloquant=en_erreur>
            <label for=id.clone()>
                {move || libelle(i18n.t(), cle)}
                <Show when=lu>
                    <span class="etiquette-lu">
                        {move || match (depot.xml(), depot.source.get()) {
                            (Some(_), _) => i18n.t().deposer.lu_xml,
                            (None, Some(Source::Facturx)) => i18n.t().deposer.lu_facturx,
                            _ => i18n.t().deposer.lu_pdf,
                        }}
                    </span>
                </Show>
            </label>
            <input
                id=id
                type="text"
                name=cle
                list=(cle == "service_code").then(|| id_suggestions.clone())
                prop:value=valeur
                aria-invalid=move || en_erreur().to_string()
                aria-describedby=id_messages.clone()
                on:input=move |ev| {
                    let texte = event_target_value(&ev);
                    depot.champs.update(|c| ecrire_champ(c, cle, &texte));
                }
                on:focus=move |_| depot.focus.set(Some(cle.to_owned()))
            />
            // The recipient's active services, offered as suggestions for the code service.
            <Show when=move || cle == "service_code">
                <datalist id=id_suggestions.clone()>
                    {move || match depot.annuaire.get() {
                        EtatAnnuaire::Trouve(_, trouve) => trouve
                            .annuaire
                            .services
                            .into_iter()
                            .filter(|service| service.actif)
                            .map(|service| view! { <option value=service.code_service></option> })
                            .collect_view()
                            .into_any(),
                        _ => ().into_any(),
                    }}
                </datalist>
            </Show>
            <Show when=move || cle == "recipient_siret">
                <p class="note-annuaire" role="status">
                    {move || {
                        let t = i18n.t();
                        match depot.annuaire.get() {
                            EtatAnnuaire::EnCours(_) => t.deposer.annuaire_en_cours.to_owned(),
                            EtatAnnuaire::Trouve(_, trouve) => {
                                format!("{} {}", t.deposer.annuaire_trouve, trouve.designation)
                            }
                            EtatAnnuaire::Indisponible(_) => t.deposer.annuaire_indisponible.to_owned(),
                            EtatAnnuaire::Inconnu(_) | EtatAnnuaire::SansSiret => String::new(),
                        }
                    }}
                </p>
            </Show>
            <Messages id=id_messages constats cle />
        </div>
    }
}

/// The findings on one field, under it; the input's `aria-describedby` names this list.
#[component]
fn Messages(id: String, constats: Memo<Option<Constats>>, cle: &'static str) -> impl IntoView {
    let i18n = I18n::expect_context();
    let messages = move || -> Vec<(Severity, String)> {
        let locale = i18n.locale();
        let t = i18n.t();
        constats.with(|c| {
            let Some(c) = c else { return Vec::new() };
            let illisibles = c.illisibles.get(cle).into_iter().flatten().map(|i| {
                let message = match i.attendu {
                    Attendu::Montant => t.deposer.montant_illisible,
                    Attendu::Date => t.deposer.date_illisible,
                    Attendu::Taux => t.deposer.taux_illisible,
                };
                (Severity::Blocking, message.to_owned())
            });
            let findings = c
                .par_champ
                .get(cle)
                .into_iter()
                .flatten()
                .map(|f| (f.severity, message(f, locale, t)));
            illisibles.chain(findings).collect()
        })
    };
    view! {
        <ul id=id class="messages">
            {move || {
                messages()
                    .into_iter()
                    .map(|(gravite, texte)| {
                        view! {
                            <li class=classe_gravite(gravite)>
                                <span class="messages__gravite">{nom_gravite(i18n.t(), gravite)}</span>
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

#[component]
fn AutresPoints(constats: Memo<Option<Constats>>) -> impl IntoView {
    let i18n = I18n::expect_context();
    let autres =
        move || constats.with(|c| c.as_ref().map(|c| c.autres.clone()).unwrap_or_default());
    view! {
        <Show when=move || !autres().is_empty()>
            <section class="autres-points" aria-labelledby="autres-points-titre">
                <h3 id="autres-points-titre">{move || i18n.t().deposer.autres_points}</h3>
                <ul class="messages">
                    {move || {
                        let locale = i18n.locale();
                        let t = i18n.t();
                        autres()
                            .into_iter()
                            .map(|f| {
                                view! {
                                    <li class=classe_gravite(f.severity)>
                                        <span class="messages__gravite">{nom_gravite(t, f.severity)}</span>
                                        " "
                                        {message(&f, locale, t)}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

fn message(finding: &Finding, locale: Locale, t: &Textes) -> String {
    let texte = match locale {
        Locale::Fr => &finding.message_fr,
        Locale::En => &finding.message_en,
    };
    match finding.fix.as_deref().filter(|f| !f.is_empty()) {
        Some(correction) => format!("{texte} {} {correction}", t.deposer.correction),
        None => texte.clone(),
    }
}

fn classe_gravite(gravite: Severity) -> &'static str {
    match gravite {
        Severity::Blocking => "message message--bloquant",
        Severity::Warning => "message message--avertissement",
    }
}

fn nom_gravite(t: &Textes, gravite: Severity) -> &'static str {
    match gravite {
        Severity::Blocking => t.deposer.bloquant,
        Severity::Warning => t.deposer.avertissement,
    }
}

fn libelle(t: &Textes, cle: &str) -> &'static str {
    let d = &t.deposer;
    match cle {
        "invoice_number" => d.champ_invoice_number,
        "invoice_date" => d.champ_invoice_date,
        "invoice_type" => d.champ_invoice_type,
        "currency" => d.champ_currency,
        "supplier_siret" => d.champ_supplier_siret,
        "supplier_vat" => d.champ_supplier_vat,
        "iban" => d.champ_iban,
        "recipient_siret" => d.champ_recipient_siret,
        "service_code" => d.champ_service_code,
        "engagement_number" => d.champ_engagement_number,
        "market_number" => d.champ_market_number,
        "total_ht" => d.champ_total_ht,
        "total_vat" => d.champ_total_vat,
        "total_ttc" => d.champ_total_ttc,
        _ => d.champ_amount_due,
    }
}

/// "PDF", "PDF signé", "Factur-X", "XML UBL"…: the file's kind as the row shows it.
fn nom_du_format(t: &Textes, depot: Depot) -> &'static str {
    let facturx = depot.source.get() == Some(Source::Facturx);
    match depot.format.get() {
        None => "—",
        Some(Format::Pdf { signe: false }) if facturx => t.deposer.format_facturx,
        Some(Format::Pdf { signe: true }) if facturx => t.deposer.format_facturx_signe,
        Some(Format::Pdf { signe: false }) => t.deposer.format_pdf,
        Some(Format::Pdf { signe: true }) => t.deposer.format_pdf_signe,
        Some(Format::Xml(SyntaxeXml::Cii)) => t.deposer.format_xml_cii,
        Some(Format::Xml(SyntaxeXml::Ubl)) => t.deposer.format_xml_ubl,
    }
}

fn taille_lisible(octets: u64, locale: Locale) -> String {
    const KIO: u64 = 1024;
    let (virgule, o, ko, mo) = match locale {
        Locale::Fr => (',', "o", "Ko", "Mo"),
        Locale::En => ('.', "B", "KB", "MB"),
    };
    if octets < KIO {
        format!("{octets} {o}")
    } else if octets < KIO * KIO {
        format!("{} {ko}", octets.div_ceil(KIO))
    } else {
        let dixiemes = (octets * 10).div_ceil(KIO * KIO);
        format!("{}{virgule}{} {mo}", dixiemes / 10, dixiemes % 10)
    }
}
