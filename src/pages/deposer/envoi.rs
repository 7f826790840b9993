//! Valider et envoyer for a deposited file.
//!
//! A PDF: `deposer/pdf` once (its `pieceJointeId` is kept in the draft, so a retry does not upload it
//! again; a signed PDF is declared `PDF_SIGNE_PADES` and submitted in mode `DEPOT_PDF_SIGNE_API`), then
//! the shared idempotent `soumettre` (`crate::components::envoi`).
//!
//! An XML: `deposer/flux` once (its `numeroFluxDepot` is kept in the draft), then its report
//! (`consulterCRDetaille`) until Chorus Pro integrated or rejected it; the invoice is then found by
//! its flux number. After an uncertain deposit, Chorus Pro is asked whether it already holds the
//! invoice before the file goes again.

use cpro::codes::SyntaxeFlux;
use cpro::factures::{
    FactureRechercheeFournisseur, RechercherFournisseurRequest, SoumettreRequest,
};
use cpro::transverses::IssueFlux;
use extract::format::{Format, SyntaxeXml};
use extract::vers_facture::{facture_deposee, lire_champ, Constats};
use facture::PieceJointePrincipale;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use super::{Depot, EtatAnnuaire};
use crate::api;
use crate::app::Reglages;
use crate::components::envoi::{
    enregistrer_etape, etape_apres_erreur, lignes_confirmation, soumettre_idempotent, BarreEnvoi,
    Recapitulatif as RecapitulatifEnvoi,
};
use crate::i18n::{I18n, Locale};
use crate::state::brouillons::{self, Etape, Recu};
use crate::state::integration;

/// The send bar of a deposited file.
#[component]
pub(super) fn Envoi(
    depot: Depot,
    constats: Memo<Option<Constats>>,
    retirer: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect_context();
    let reglages = Reglages::expect_context();
    let n_bloquants =
        Signal::derive(move || constats.with(|c| c.as_ref().map_or(1, |c| c.n_bloquants)));
    let confirmation = Callback::new(move |()| {
        let (facture, _) = depot.champs.with_untracked(|champs| {
            depot
                .complements
                .with_untracked(|c| facture_deposee(champs, c, PieceJointePrincipale::default()))
        });
        lignes_confirmation(&facture, destinataire_lisible(depot), i18n.locale())
    });
    let envoyer = Callback::new(move |()| {
        spawn_local(envoyer(reglages.api_base(), depot, i18n.locale()));
    });
    let tel_quel = Signal::derive(move || depot.xml().is_some());
    view! { <BarreEnvoi suivi=depot.envoi n_bloquants confirmation envoyer retirer tel_quel /> }
}

/// The récapitulatif of a sent file.
#[component]
pub(super) fn Recapitulatif(depot: Depot, retirer: Callback<()>) -> impl IntoView {
    view! { <RecapitulatifEnvoi suivi=depot.envoi nouvelle=retirer /> }
}

/// Sends one invoice, or resends it with the same body and key. A second call while one is under way
/// does nothing.
async fn envoyer(base: String, depot: Depot, locale: Locale) {
    let avant = depot.envoi.with_untracked(|e| e.etape.clone());
    if avant == Etape::EnCours {
        return;
    }
    depot.envoi.update(|e| e.etape = Etape::EnCours);
    let incertain = matches!(avant, Etape::Incertain(_));
    let etape = match depot.format.get_untracked() {
        Some(Format::Xml(syntaxe)) => tenter_flux(&base, depot, syntaxe, incertain, locale).await,
        format => {
            let signe = format == Some(Format::Pdf { signe: true });
            tenter(&base, depot, signe, locale).await
        }
    };
    let envoyee = matches!(etape, Etape::Envoyee(_));
    // The embedding page hears of it even when the screen was left meanwhile.
    if let Etape::Envoyee(recu) = &etape {
        integration::facture_envoyee(&depot.uid.try_get_value().unwrap_or_default(), recu);
    }
    if !enregistrer_etape(depot.envoi, etape) {
        return;
    }
    if envoyee {
        if let Some(utilisateur) = depot.utilisateur {
            // Chorus Pro holds the PDF now; the draft keeps the récapitulatif only.
            brouillons::oublier_pdf(utilisateur, &depot.uid.get_value());
        }
        depot.octets.set_value(None);
    }
}

async fn tenter(base: &str, depot: Depot, signe: bool, locale: Locale) -> Etape {
    let nom = depot.nom.get_value();
    let piece_jointe_id = match depot.envoi.with_untracked(|e| e.piece_jointe_id) {
        Some(id) => id,
        None => {
            let Some(octets) = depot.octets.get_value() else {
                return Etape::Refusee(locale.textes().envoi.pdf_a_redeposer.to_owned());
            };
            match api::deposer_pdf(base, &nom, &octets, signe).await {
                Ok(id) => {
                    if depot
                        .envoi
                        .try_update(|e| e.piece_jointe_id = Some(id))
                        .is_none()
                    {
                        return Etape::EnCours;
                    }
                    id
                }
                Err(erreur) => return etape_apres_erreur(&erreur, locale),
            }
        }
    };
    let corps_neuf = move || {
        let piece = PieceJointePrincipale {
            designation: nom,
            id: Some(piece_jointe_id),
            taille_octets: Some(depot.taille),
        };
        let (mut facture, _) = depot.champs.with_untracked(|champs| {
            depot
                .complements
                .with_untracked(|c| facture_deposee(champs, c, piece))
        });
        if signe {
            facture.mode_depot = facture::ModeDepot::DepotPdfSigneApi;
        }
        Some(SoumettreRequest::from(&facture))
    };
    soumettre_idempotent(
        base,
        depot.envoi,
        corps_neuf,
        destinataire_lisible(depot),
        locale,
    )
    .await
}

/// Sends an invoice XML as a flux and follows it to its outcome.
async fn tenter_flux(
    base: &str,
    depot: Depot,
    xml: SyntaxeXml,
    incertain: bool,
    locale: Locale,
) -> Etape {
    let t = &locale.textes().envoi;
    let syntaxe = match xml {
        SyntaxeXml::Cii => SyntaxeFlux::IN_DP_E1_CII_16B,
        SyntaxeXml::Ubl => SyntaxeFlux::IN_DP_E1_UBL_INVOICE,
    };
    let numero_flux = match depot.envoi.with_untracked(|e| e.numero_flux.clone()) {
        Some(numero) => numero,
        None => {
            if incertain {
                // The last deposit got no answer: Chorus Pro may hold the invoice already.
                match deja_recue(base, depot).await {
                    Ok(Some(recu)) => return Etape::Envoyee(Box::new(recu)),
                    Ok(None) => {}
                    Err(erreur) => return etape_apres_erreur(&erreur, locale),
                }
            }
            let Some(octets) = depot.octets.get_value() else {
                return Etape::Refusee(t.pdf_a_redeposer.to_owned());
            };
            let nom = depot.nom.get_value();
            let cle = depot.envoi.with_untracked(|e| e.cle_idempotence.clone());
            match api::deposer_flux(base, &nom, syntaxe.clone(), &octets, &cle).await {
                Ok(numero) => {
                    if depot
                        .envoi
                        .try_update(|e| e.numero_flux = Some(numero.clone()))
                        .is_none()
                    {
                        return Etape::EnCours;
                    }
                    numero
                }
                Err(erreur) => return etape_apres_erreur(&erreur, locale),
            }
        }
    };
    let rapport = match api::compte_rendu_flux(base, &numero_flux, syntaxe).await {
        Ok(rapport) => rapport,
        // The flux exists: whatever went wrong, asking again is the way on, never depositing again.
        Err(erreur) => {
            return match etape_apres_erreur(&erreur, locale) {
                Etape::Refusee(message) => Etape::Incertain(message),
                autre => autre,
            }
        }
    };
    match rapport.issue() {
        IssueFlux::Integre => {
            let requete = RechercherFournisseurRequest {
                numero_flux_depot: Some(numero_flux.clone()),
                ..Default::default()
            };
            match api::rechercher_factures(base, &requete).await {
                Ok(reponse) => match reponse.liste_factures.first() {
                    Some(facture) => {
                        Etape::Envoyee(Box::new(recu_du_flux(facture, Some(numero_flux), depot)))
                    }
                    None => Etape::Incertain(t.flux_en_cours.replace("{}", &numero_flux)),
                },
                Err(erreur) => match etape_apres_erreur(&erreur, locale) {
                    Etape::Refusee(message) => Etape::Incertain(message),
                    autre => autre,
                },
            }
        }
        IssueFlux::Rejete(raisons) => {
            // Nothing was created; a corrected file is a new deposit.
            let _ = depot.envoi.try_update(|e| e.numero_flux = None);
            Etape::Refusee(raisons.join(" ; "))
        }
        IssueFlux::EnCours => Etape::Incertain(t.flux_en_cours.replace("{}", &numero_flux)),
    }
}

/// The invoice Chorus Pro already holds under this file's number, for the same recipient and amount.
async fn deja_recue(base: &str, depot: Depot) -> Result<Option<Recu>, api::ApiError> {
    let (numero, siret, ttc) = depot.champs.with_untracked(|c| {
        (
            lire_champ(c, "invoice_number").map(str::to_owned),
            lire_champ(c, "recipient_siret").map(str::to_owned),
            lire_champ(c, "total_ttc").and_then(|m| facture::montant::parse_montant(m).ok()),
        )
    });
    let Some(numero) = numero else {
        return Ok(None);
    };
    let requete = RechercherFournisseurRequest {
        numero_facture: Some(numero.clone()),
        ..Default::default()
    };
    let reponse = api::rechercher_factures(base, &requete).await?;
    Ok(reponse
        .liste_factures
        .iter()
        .find(|f| {
            f.numero_facture.as_deref() == Some(numero.as_str())
                && f.code_destinataire == siret
                && (ttc.is_none() || f.montant_ttc == ttc)
        })
        .map(|f| recu_du_flux(f, f.numero_flux_depot.clone(), depot)))
}

/// The récapitulatif of an invoice created from a flux, from its search result.
fn recu_du_flux(
    facture: &FactureRechercheeFournisseur,
    numero_flux: Option<String>,
    depot: Depot,
) -> Recu {
    let texte = |m: Option<Decimal>| m.map(|m| m.to_string()).unwrap_or_default();
    let tva = facture
        .montant_ttc
        .zip(facture.montant_ht)
        .map(|(ttc, ht)| ttc - ht);
    Recu {
        numero: facture.numero_facture.clone().unwrap_or_default(),
        identifiant_cpp: facture.identifiant_facture_cpp,
        statut: facture
            .statut
            .as_ref()
            .map(|s| s.code().to_owned())
            .unwrap_or_default(),
        date_depot: facture
            .date_depot
            .map(|d| d.to_string())
            .unwrap_or_default(),
        fournisseur: facture.code_fournisseur.clone().unwrap_or_default(),
        destinataire: destinataire_lisible(depot),
        montants: [
            texte(facture.montant_ht),
            texte(tva),
            texte(facture.montant_ttc),
            texte(facture.montant_a_payer.or(facture.montant_ttc)),
        ],
        empreinte_certificat: String::new(),
        numero_flux,
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
