//! Second factor of the sign-in: a 6-digit code by e-mail (default of new accounts) or an authenticator
//! application (TOTP, RFC 6238), with its enrolment. A right password on such an account gives a
//! short-lived pending token, not a session; `second-facteur` with the right code opens the session.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::{horodatage_dans, outbox, session, totp};
use crate::auth::{self, Utilisateur};
use crate::db::{EtatCompte, UtilisateurRow, SECOND_FACTEUR_EMAIL, SECOND_FACTEUR_TOTP};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Lifetime of a pending sign-in (and of its e-mailed code).
pub const ATTENTE_DUREE_MINUTES: i64 = 10;
/// Wrong codes allowed before the pending sign-in is revoked.
pub const ESSAIS_MAX: i64 = 5;
/// `nature` of the e-mails carrying a sign-in code.
pub const NATURE_CODE: &str = "CODE_CONNEXION";
/// Issuer shown by authenticator applications.
pub const EMETTEUR_TOTP: &str = "Passerelle";

/// Answer of `session/connexion` (HTTP 202) when the account has a second factor.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SecondFacteurRequis {
    /// Always true: tells this answer from a session.
    pub second_facteur_requis: bool,
    /// `EMAIL` (a code was sent) or `TOTP` (the authenticator application's code).
    pub methode: String,
    /// To send back with the code to `session/second-facteur`.
    pub jeton: String,
    /// Expiry of the token (UTC).
    pub expire_le: String,
}

/// The salted hash kept for an e-mailed code.
fn hash_code(jeton: &str, code: &str) -> String {
    auth::hash_token(&format!("{jeton}:{code}"))
}

/// A random 6-digit code.
fn code_aleatoire() -> String {
    format!("{:06}", OsRng.next_u32() % 1_000_000)
}

/// After a right password: records a pending sign-in, e-mails a code for `EMAIL`, answers 202.
pub async fn demarrer(
    state: &AppState,
    utilisateur: &UtilisateurRow,
    etat: &EtatCompte,
) -> Result<Response, ApiError> {
    let (jeton, jeton_hash) = auth::nouveau_token();
    let expire_le = horodatage_dans(Duration::minutes(ATTENTE_DUREE_MINUTES));
    let methode = if etat.second_facteur == SECOND_FACTEUR_TOTP && etat.totp_secret.is_some() {
        SECOND_FACTEUR_TOTP
    } else {
        SECOND_FACTEUR_EMAIL
    };
    let code = (methode == SECOND_FACTEUR_EMAIL).then(code_aleatoire);
    let code_hash = code.as_deref().map(|code| hash_code(&jeton, code));
    state
        .db
        .creer_connexion_en_attente(
            &jeton_hash,
            utilisateur.id,
            methode,
            code_hash.as_deref(),
            ESSAIS_MAX,
            &expire_le,
        )
        .await?;
    if let Some(code) = code {
        let corps = format!(
            "Bonjour {},\n\nVotre code de connexion à Passerelle : {code}\n\nIl est valable \
             {ATTENTE_DUREE_MINUTES} minutes. Si vous n'essayez pas de vous connecter, changez votre mot de passe.\n",
            utilisateur.prenom
        );
        outbox::deposer(
            state,
            &utilisateur.email,
            "Votre code de connexion Passerelle",
            corps,
            NATURE_CODE,
        )
        .await?;
    }
    let corps = SecondFacteurRequis {
        second_facteur_requis: true,
        methode: methode.to_owned(),
        jeton,
        expire_le,
    };
    Ok((StatusCode::ACCEPTED, CproJson(corps)).into_response())
}

/// Body of `POST /portail/v1/session/second-facteur`.
#[derive(Debug, Deserialize)]
pub struct SecondFacteurRequest {
    /// The pending token of the connexion answer.
    pub jeton: String,
    /// The 6-digit code.
    pub code: String,
    /// The SPA runs in another site's frame: the session cookie must be partitioned.
    #[serde(default)]
    pub integre: bool,
}

fn connexion_perimee(libelle: &str) -> ApiError {
    ApiError::Refus(StatusCode::UNAUTHORIZED, libelle.to_owned())
}

/// Unix time now (real time: codes follow the phone's clock, not the sandbox's).
fn unix_maintenant() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

/// The TOTP step a code matches for this account, if any and not used yet.
async fn verifier_totp(
    state: &AppState,
    id_utilisateur: i64,
    secret: Option<&str>,
    code: &str,
) -> Result<bool, ApiError> {
    let Some(secret) = secret.and_then(totp::base32_decoder) else {
        return Ok(false);
    };
    let Some(pas) = totp::verifier(&secret, code, unix_maintenant()) else {
        return Ok(false);
    };
    let pas = i64::try_from(pas).unwrap_or(i64::MAX);
    Ok(state.db.utiliser_pas_totp(id_utilisateur, pas).await?)
}

/// `POST /portail/v1/session/second-facteur`: the right code opens the session (same cookie as
/// `connexion`); a wrong one answers 422 on `code` with the attempts left; after [`ESSAIS_MAX`] wrong
/// codes, or once expired, the token is dead (401: sign in again).
pub async fn verifier(
    State(state): State<AppState>,
    CproJson(requete): CproJson<SecondFacteurRequest>,
) -> Result<Response, ApiError> {
    let jeton = requete.jeton.trim();
    let jeton_hash = auth::hash_token(jeton);
    let attente = state
        .db
        .connexion_en_attente(&jeton_hash, &state.clock.horodatage_reel())
        .await?
        .ok_or_else(|| {
            connexion_perimee("Cette connexion a expiré ou a été annulée : saisissez à nouveau votre mot de passe.")
        })?;
    let code = requete.code.trim();
    let juste = match attente.methode.as_str() {
        SECOND_FACTEUR_TOTP => {
            let etat = state.db.etat_compte(attente.id_utilisateur).await?;
            let secret = etat.and_then(|e| e.totp_secret);
            verifier_totp(&state, attente.id_utilisateur, secret.as_deref(), code).await?
        }
        _ => attente
            .code_hash
            .as_deref()
            .is_some_and(|attendu| totp::egal_temps_constant(&hash_code(jeton, code), attendu)),
    };
    if !juste {
        let restants = state.db.compter_code_faux(&jeton_hash).await?;
        if restants == 0 {
            return Err(connexion_perimee(
                "Trop de codes erronés : cette connexion est annulée, saisissez à nouveau votre mot de passe.",
            ));
        }
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "code",
            format!("Code incorrect. Il vous reste {restants} essai(s)."),
            format!("Wrong code. {restants} attempt(s) left."),
        )]));
    }
    if !state.db.terminer_connexion_en_attente(&jeton_hash).await? {
        return Err(connexion_perimee(
            "Cette connexion a déjà été utilisée : saisissez à nouveau votre mot de passe.",
        ));
    }
    let utilisateur = state
        .db
        .utilisateur(attente.id_utilisateur)
        .await?
        .ok_or(ApiError::NonAuthentifie)?;
    session::ouvrir_session(&state, utilisateur, requete.integre).await
}

/// Answer of `POST /portail/v1/compte/totp/enrolement`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EnrolementResponse {
    /// The secret in base32, for manual entry.
    pub secret: String,
    /// The `otpauth://totp/...` URI to show as a QR code.
    pub uri: String,
    /// That QR code, as an SVG document.
    pub qr_svg: String,
}

/// `POST /portail/v1/compte/totp/enrolement` (signed in): a new secret, kept aside until a code confirms
/// it; the account's current second factor is unchanged until then.
pub async fn enrolement(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
) -> Result<CproJson<EnrolementResponse>, ApiError> {
    let mut octets = [0_u8; totp::TAILLE_SECRET];
    OsRng.fill_bytes(&mut octets);
    let secret = totp::base32(&octets);
    state
        .db
        .enregistrer_totp_en_attente(utilisateur.id, &secret, ESSAIS_MAX)
        .await?;
    let uri = totp::uri(&secret, EMETTEUR_TOTP, &utilisateur.email);
    let qr_svg = totp::qr_svg(&uri).unwrap_or_default();
    Ok(CproJson(EnrolementResponse {
        secret,
        uri,
        qr_svg,
    }))
}

/// Body of `POST /portail/v1/compte/totp/confirmation`.
#[derive(Debug, Deserialize)]
pub struct ConfirmationRequest {
    /// The code the application shows for the new secret.
    pub code: String,
}

/// Answer of a confirmed enrolment.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmationResponse {
    /// `TOTP`.
    pub second_facteur: String,
}

/// `POST /portail/v1/compte/totp/confirmation` (signed in): a right code for the enrolled secret switches
/// the account to TOTP; 409 without an enrolment, 422 on a wrong code; the [`ESSAIS_MAX`]th wrong code
/// drops the enrolment (409).
pub async fn confirmation(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    CproJson(requete): CproJson<ConfirmationRequest>,
) -> Result<CproJson<ConfirmationResponse>, ApiError> {
    let secret = state
        .db
        .etat_compte(utilisateur.id)
        .await?
        .and_then(|etat| etat.totp_secret_en_attente)
        .ok_or_else(|| {
            ApiError::Refus(
                StatusCode::CONFLICT,
                "Aucun enrôlement en cours : demandez d'abord un nouveau secret.".into(),
            )
        })?;
    let pas = totp::base32_decoder(&secret)
        .and_then(|octets| totp::verifier(&octets, &requete.code, unix_maintenant()));
    let Some(pas) = pas else {
        let restants = state.db.compter_code_totp_faux(utilisateur.id).await?;
        if restants == 0 {
            return Err(ApiError::Refus(
                StatusCode::CONFLICT,
                "Trop de codes erronés : l'enrôlement est annulé, demandez un nouveau secret."
                    .into(),
            ));
        }
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "code",
            format!(
                "Code incorrect : saisissez le code affiché par votre application. Il vous reste {restants} essai(s)."
            ),
            format!("Wrong code: type the code your application shows. {restants} attempt(s) left."),
        )]));
    };
    state
        .db
        .activer_totp(
            utilisateur.id,
            &secret,
            i64::try_from(pas).unwrap_or(i64::MAX),
        )
        .await?;
    Ok(CproJson(ConfirmationResponse {
        second_facteur: SECOND_FACTEUR_TOTP.to_owned(),
    }))
}
