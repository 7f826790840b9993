//! Valider et envoyer for a deposited PDF: `deposer/pdf` once (its `pieceJointeId` is kept in the
//! draft, so a retry does not upload it again), then the shared idempotent `soumettre`
//! (`crate::components::envoi`).

use cpro::factures::SoumettreRequest;
use extract::vers_facture::{facture_deposee, lire_champ, Constats};
use facture::PieceJointePrincipale;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Depot, EtatAnnuaire};
use crate::api;
use crate::app::Reglages;
use crate::components::envoi::{
    enregistrer_etape, etape_apres_erreur, lignes_confirmation, soumettre_idempotent, BarreEnvoi,
    Recapitulatif as RecapitulatifEnvoi,
};
use crate::i18n::{I18n, Locale};
use crate::state::brouillons::{self, Etape};
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
    view! { <BarreEnvoi suivi=depot.envoi n_bloquants confirmation envoyer retirer /> }
}

/// The récapitulatif of a sent file.
#[component]
pub(super) fn Recapitulatif(depot: Depot, retirer: Callback<()>) -> impl IntoView {
    view! { <RecapitulatifEnvoi suivi=depot.envoi nouvelle=retirer /> }
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

async fn tenter(base: &str, depot: Depot, locale: Locale) -> Etape {
    let nom = depot.nom.get_value();
    let piece_jointe_id = match depot.envoi.with_untracked(|e| e.piece_jointe_id) {
        Some(id) => id,
        None => {
            let Some(octets) = depot.octets.get_value() else {
                return Etape::Refusee(locale.textes().envoi.pdf_a_redeposer.to_owned());
            };
            match api::deposer_pdf(base, &nom, &octets).await {
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
        let (facture, _) = depot.champs.with_untracked(|champs| {
            depot
                .complements
                .with_untracked(|c| facture_deposee(champs, c, piece))
        });
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
