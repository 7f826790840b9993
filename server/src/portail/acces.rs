//! Access safety of the portal sign-in: five wrong passwords in a row lock an address for an hour, and a
//! forgotten password is reset through a single-use link sent by e-mail. Neither tells whether an address
//! is an account's. Locks and links run on real time, like sessions.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::comptes::hacher;
use super::regles::{self, normaliser_email};
use super::{horodatage_dans, outbox};
use crate::auth;
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Wrong passwords in a row that lock an address.
pub const ECHECS_MAX: i64 = 5;
/// How long a lock lasts.
pub const VERROU_MINUTES: i64 = 60;
/// Lifetime of a password-reset link.
pub const REINITIALISATION_MINUTES: i64 = 60;
/// `nature` of password-reset tokens and e-mails.
pub const NATURE_REINITIALISATION: &str = "REINITIALISATION";

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

fn maintenant() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// After one more wrong password: the failures to keep and the lock end, if this one locks (pure).
pub fn apres_echec(echecs_avant: i64, maintenant: NaiveDateTime) -> (i64, Option<NaiveDateTime>) {
    let echecs = echecs_avant.saturating_add(1);
    if echecs >= ECHECS_MAX {
        (0, Some(maintenant + Duration::minutes(VERROU_MINUTES)))
    } else {
        (echecs, None)
    }
}

/// Whole minutes left of a lock (rounded up), or `None` when there is none or it has ended (pure).
pub fn minutes_de_verrou(verrou: Option<&str>, maintenant: NaiveDateTime) -> Option<i64> {
    let fin = NaiveDateTime::parse_from_str(verrou?, FORMAT).ok()?;
    let secondes = (fin - maintenant).num_seconds();
    (secondes > 0).then(|| (secondes + 59) / 60)
}

fn refus_verrou(minutes: i64) -> ApiError {
    ApiError::Refus(
        StatusCode::TOO_MANY_REQUESTS,
        format!(
            "Trop de mots de passe erronés : la connexion avec cette adresse est bloquée pendant encore \
             {minutes} minute(s). Vous pouvez aussi réinitialiser votre mot de passe (« Mot de passe oublié ? »)."
        ),
    )
}

/// Refuses (429) while the address is locked; call before checking the password.
pub async fn verifier_verrou(state: &AppState, email: &str) -> Result<(), ApiError> {
    let (_, verrou) = state
        .db
        .tentatives_connexion(&normaliser_email(email))
        .await?;
    match minutes_de_verrou(verrou.as_deref(), maintenant()) {
        Some(minutes) => Err(refus_verrou(minutes)),
        None => Ok(()),
    }
}

/// Records a wrong password: the error to answer (429 when this one locks the address, else 401).
pub async fn noter_echec(state: &AppState, email: &str) -> Result<ApiError, ApiError> {
    let email = normaliser_email(email);
    let (echecs, verrou) = state.db.tentatives_connexion(&email).await?;
    // A lock that has ended starts a new count.
    let echecs = if verrou.is_some() { 0 } else { echecs };
    let (echecs, verrou) = apres_echec(echecs, maintenant());
    let verrou_texte = verrou.map(|v| v.format(FORMAT).to_string());
    state
        .db
        .noter_tentatives_connexion(&email, echecs, verrou_texte.as_deref())
        .await?;
    Ok(match verrou {
        Some(_) => {
            tracing::info!("sign-in address locked after {ECHECS_MAX} wrong passwords");
            refus_verrou(VERROU_MINUTES)
        }
        None => ApiError::IdentifiantsIncorrects,
    })
}

/// Forgets the failures of an address after a right password.
pub async fn noter_succes(state: &AppState, email: &str) -> Result<(), ApiError> {
    state
        .db
        .noter_tentatives_connexion(&normaliser_email(email), 0, None)
        .await?;
    Ok(())
}

/// Body of `POST /portail/v1/comptes/mot-de-passe-oublie`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OubliRequest {
    /// The sign-in address.
    pub email: String,
}

/// Answer of a reset request: the same whether the address is an account's or not.
#[derive(Debug, Serialize, Deserialize)]
pub struct OubliResponse {
    /// What to expect.
    pub message: String,
}

/// `POST /portail/v1/comptes/mot-de-passe-oublie`: e-mails a single-use reset link (valid
/// [`REINITIALISATION_MINUTES`] minutes) to an active account's address. 202 in every case, with the same
/// answer, so that it tells nothing about which addresses have accounts; 422 for a malformed address.
pub async fn mot_de_passe_oublie(
    State(state): State<AppState>,
    CproJson(requete): CproJson<OubliRequest>,
) -> Result<(StatusCode, CproJson<OubliResponse>), ApiError> {
    if !regles::email_valide(&requete.email) {
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "email",
            "Saisissez l'adresse e-mail de connexion de votre compte (exemple : prenom.nom@exemple.fr).",
            "Type your account's sign-in e-mail address (example: first.last@example.com).",
        )]));
    }
    if let Some(utilisateur) = state.db.utilisateur_par_email(&requete.email).await? {
        let actif = state
            .db
            .etat_compte(utilisateur.id)
            .await?
            .is_some_and(|etat| etat.actif);
        if actif {
            let (jeton, jeton_hash) = auth::nouveau_token();
            state
                .db
                .creer_jeton_compte(
                    &jeton_hash,
                    utilisateur.id,
                    NATURE_REINITIALISATION,
                    &horodatage_dans(Duration::minutes(REINITIALISATION_MINUTES)),
                )
                .await?;
            let corps = format!(
                "Bonjour {prenom},\n\nPour choisir un nouveau mot de passe Passerelle, ouvrez ce lien (valable \
                 {REINITIALISATION_MINUTES} minutes, une seule fois) :\n\n/reinitialisation?jeton={jeton}\n\n\
                 Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.\n",
                prenom = utilisateur.prenom,
            );
            outbox::deposer(
                &state,
                &utilisateur.email,
                "Réinitialisation de votre mot de passe Passerelle",
                corps,
                NATURE_REINITIALISATION,
            )
            .await?;
        }
    }
    Ok((
        StatusCode::ACCEPTED,
        CproJson(OubliResponse {
            message: "Si un compte actif utilise cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé.".into(),
        }),
    ))
}

/// Body of `POST /portail/v1/comptes/reinitialisation`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReinitialisationRequest {
    /// The `jeton` of the link.
    pub jeton: String,
    /// The new password.
    pub nouveau_mot_de_passe: String,
}

/// Answer of a reset.
#[derive(Debug, Serialize, Deserialize)]
pub struct ReinitialisationResponse {
    /// The account's sign-in address.
    pub email: String,
}

/// `POST /portail/v1/comptes/reinitialisation`: sets the new password of a reset link (single use),
/// ends every session of the account and lifts its sign-in lock. 422 on the password (checked before the
/// link is used up), 410 when the link is unknown, used or expired.
pub async fn reinitialiser(
    State(state): State<AppState>,
    CproJson(requete): CproJson<ReinitialisationRequest>,
) -> Result<CproJson<ReinitialisationResponse>, ApiError> {
    if let Err(refus) = regles::verifier_mot_de_passe(&requete.nouveau_mot_de_passe) {
        let (fr, en) = refus.messages();
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "nouveauMotDePasse",
            fr,
            en,
        )]));
    }
    let perime = || {
        ApiError::Refus(
            StatusCode::GONE,
            "Ce lien n'est pas valide, a déjà servi ou a expiré : demandez-en un nouveau (« Mot de passe oublié ? »)."
                .into(),
        )
    };
    let jeton_hash = auth::hash_token(requete.jeton.trim());
    let id = state
        .db
        .consommer_jeton_reinitialisation(&jeton_hash, &maintenant().format(FORMAT).to_string())
        .await?
        .ok_or_else(perime)?;
    let utilisateur = state.db.utilisateur(id).await?.ok_or_else(perime)?;
    if requete
        .nouveau_mot_de_passe
        .to_lowercase()
        .contains(&normaliser_email(&utilisateur.email))
    {
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "nouveauMotDePasse",
            "Le mot de passe ne doit pas contenir votre adresse e-mail : demandez un nouveau lien.",
            "The password must not contain your e-mail address: ask for a new link.",
        )]));
    }
    let hash = hacher(&state, requete.nouveau_mot_de_passe).await?;
    state
        .db
        .reinitialiser_mot_de_passe(id, &normaliser_email(&utilisateur.email), &hash)
        .await?;
    Ok(CproJson(ReinitialisationResponse {
        email: utilisateur.email,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heure(h: u32, m: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    #[test]
    fn the_fifth_wrong_password_in_a_row_locks_for_an_hour() {
        let mut echecs = 0;
        for _ in 0..4 {
            let (n, verrou) = apres_echec(echecs, heure(9, 0));
            assert_eq!(verrou, None);
            echecs = n;
        }
        assert_eq!(echecs, 4);
        assert_eq!(apres_echec(echecs, heure(9, 0)), (0, Some(heure(10, 0))));
    }

    #[test]
    fn a_lock_counts_down_in_whole_minutes_and_ends() {
        let verrou = heure(10, 0).format(FORMAT).to_string();
        assert_eq!(minutes_de_verrou(Some(&verrou), heure(9, 0)), Some(60));
        assert_eq!(
            minutes_de_verrou(Some(&verrou), heure(9, 59) + Duration::seconds(30)),
            Some(1)
        );
        assert_eq!(minutes_de_verrou(Some(&verrou), heure(10, 0)), None);
        assert_eq!(minutes_de_verrou(None, heure(9, 0)), None);
        assert_eq!(minutes_de_verrou(Some("pas une date"), heure(9, 0)), None);
    }
}
