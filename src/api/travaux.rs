//! Factures de travaux (`/portail/v1/travaux`): works pieces, their validations and their sending.

use chrono::NaiveDateTime;
use facture::travaux::{MontantsSituation, SituationTravaux, Transmissibilite};
use gloo_net::http::Request;
use serde::Deserialize;

use super::{envoyer, json, lire, ApiError, RefusFormulaire};

/// A piece as the server shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SituationAffichee {
    /// The piece.
    pub situation: SituationTravaux,
    /// Its amounts.
    pub montants: MontantsSituation,
    /// Where it stands.
    pub transmissibilite: Transmissibilite,
    /// Why the last (automatic) sending was refused.
    #[serde(default)]
    pub erreur_transmission: Option<String>,
}

/// The list and the user's delay of automatic sending.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Situations {
    /// Newest first.
    pub situations: Vec<SituationAffichee>,
    /// Sandbox time of the answer.
    pub maintenant: NaiveDateTime,
    /// Minutes between the final validation and the automatic sending (0: by hand).
    pub delai_envoi_minutes: i64,
}

/// The pieces of the user's structures.
pub async fn situations(base: &str) -> Result<Situations, ApiError> {
    lire(&format!("{base}/portail/v1/travaux/situations")).await
}

/// Stores a new piece (`id` 0) or changes one.
pub async fn enregistrer(
    base: &str,
    situation: &SituationTravaux,
) -> Result<SituationAffichee, RefusFormulaire> {
    if situation.id == 0 {
        envoyer(json(
            Request::post(&format!("{base}/portail/v1/travaux/situations")),
            situation,
        ))
        .await
    } else {
        envoyer(json(
            Request::put(&format!(
                "{base}/portail/v1/travaux/situations/{}",
                situation.id
            )),
            situation,
        ))
        .await
    }
}

/// An action on a piece: `validation-conducteur`, `validation-finale`, `annulation-envoi`, `transmission`.
pub async fn agir(base: &str, id: i64, action: &str) -> Result<SituationAffichee, RefusFormulaire> {
    envoyer(json(
        Request::post(&format!(
            "{base}/portail/v1/travaux/situations/{id}/{action}"
        )),
        &serde_json::json!({}),
    ))
    .await
}

/// Changes the delay of automatic sending (0: by hand).
pub async fn changer_delai(base: &str, minutes: i64) -> Result<(), RefusFormulaire> {
    envoyer::<serde_json::Value>(json(
        Request::put(&format!("{base}/portail/v1/travaux/preferences")),
        &serde_json::json!({ "delaiEnvoiMinutes": minutes }),
    ))
    .await
    .map(|_| ())
}
