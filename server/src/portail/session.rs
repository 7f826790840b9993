//! Portal session: `connexion` (then `second-facteur` when the account has one), current session,
//! `deconnexion` (HttpOnly cookie; partitioned when the SPA is embedded in another site's page).

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::second_facteur;
use crate::auth::{self, Utilisateur};
use crate::db::{UtilisateurRow, SECOND_FACTEUR_AUCUN};
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// Body of `POST /portail/v1/session/connexion`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnexionRequest {
    /// Login e-mail.
    pub email: String,
    /// Password.
    pub mot_de_passe: String,
    /// The SPA runs embedded in another site's page (iframe): the session cookie is then partitioned
    /// (see [`auth::cookie_session_integree`]), since a `SameSite=Lax` one would never be sent there.
    #[serde(default)]
    pub integre: bool,
}

/// The user as the SPA sees it.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct UtilisateurPublic {
    /// Id.
    pub id: i64,
    /// Login e-mail.
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// `fr` or `en`.
    pub langue: String,
}

/// Answer of `connexion` and `GET session`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct SessionResponse {
    /// The connected user.
    pub utilisateur: UtilisateurPublic,
}

impl From<UtilisateurRow> for SessionResponse {
    fn from(row: UtilisateurRow) -> Self {
        SessionResponse {
            utilisateur: UtilisateurPublic {
                id: row.id,
                email: row.email,
                nom: row.nom,
                prenom: row.prenom,
                langue: row.langue,
            },
        }
    }
}

/// `POST /portail/v1/session/connexion`: 200 with the session cookie; 202 with a pending token when the
/// account has a second factor ([`second_facteur::demarrer`]); 401 on a wrong password; 403 when the
/// right password belongs to an account not activated yet.
pub async fn connexion(
    State(state): State<AppState>,
    CproJson(request): CproJson<ConnexionRequest>,
) -> Result<Response, ApiError> {
    super::acces::verifier_verrou(&state, &request.email).await?;
    let utilisateur = state.db.utilisateur_par_email(&request.email).await?;
    let hash = utilisateur
        .as_ref()
        .map_or(state.hash_leurre.to_string(), |u| {
            u.mot_de_passe_hash.clone()
        });
    let hasher = state.hasher.clone();
    // argon2 is deliberately slow: keep it off the async workers.
    let mot_de_passe = request.mot_de_passe.clone();
    let valide = tokio::task::spawn_blocking(move || hasher.verifier(&mot_de_passe, &hash))
        .await
        .map_err(|e| ApiError::Interne(format!("verification task: {e}")))?;
    let Some(utilisateur) = utilisateur.filter(|_| valide) else {
        return Err(super::acces::noter_echec(&state, &request.email).await?);
    };
    super::acces::noter_succes(&state, &request.email).await?;
    let etat = state
        .db
        .etat_compte(utilisateur.id)
        .await?
        .ok_or(ApiError::IdentifiantsIncorrects)?;
    if !etat.actif {
        return Err(ApiError::Refus(
            StatusCode::FORBIDDEN,
            "Votre compte n'est pas encore activé : ouvrez le lien d'activation reçu par e-mail."
                .into(),
        ));
    }
    if etat.second_facteur != SECOND_FACTEUR_AUCUN {
        return second_facteur::demarrer(&state, &utilisateur, &etat).await;
    }
    ouvrir_session(&state, utilisateur, request.integre).await
}

/// Opens a session for a fully authenticated user: records it and answers 200 with the user and the
/// session cookie (partitioned when `integre`: the SPA runs in another site's frame).
pub async fn ouvrir_session(
    state: &AppState,
    utilisateur: UtilisateurRow,
    integre: bool,
) -> Result<Response, ApiError> {
    let (token, token_hash) = auth::nouveau_token();
    let expire_le = (chrono::Utc::now() + Duration::hours(auth::SESSION_DUREE_HEURES))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    state
        .db
        .creer_session(&token_hash, utilisateur.id, &expire_le)
        .await?;
    let cookie = if integre {
        auth::cookie_session_integree(&token)
    } else {
        auth::cookie_session(&token, state.settings.secure_cookies)
    };
    Ok((
        [(SET_COOKIE, cookie)],
        CproJson(SessionResponse::from(utilisateur)),
    )
        .into_response())
}

/// Answer of `GET session`: `utilisateur` is `null` when nobody is signed in.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct SessionCouranteResponse {
    /// The connected user, if any.
    pub utilisateur: Option<UtilisateurPublic>,
}

/// `GET /portail/v1/session`: 200 with the user, or with `null` when nobody is signed in.
///
/// Being anonymous is the normal state of a first visit, not an error: answering 401 here would make
/// every browser log a console error on the connexion screen.
pub async fn courante(
    State(state): State<AppState>,
    mut parts: axum::http::request::Parts,
) -> CproJson<SessionCouranteResponse> {
    use axum::extract::FromRequestParts as _;
    let utilisateur = Utilisateur::from_request_parts(&mut parts, &state)
        .await
        .ok()
        .map(|Utilisateur(row)| SessionResponse::from(row).utilisateur);
    CproJson(SessionCouranteResponse { utilisateur })
}

/// `POST /portail/v1/session/deconnexion`: ends the session (if any) and clears the cookie.
pub async fn deconnexion(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = auth::cookie(&headers, auth::SESSION_COOKIE) {
        state
            .db
            .supprimer_session(&auth::hash_token(&token))
            .await?;
    }
    // Both kinds of session cookie: the browser only knows which one it holds.
    Ok((
        StatusCode::NO_CONTENT,
        [
            auth::cookie_fin_session(),
            auth::cookie_fin_session_integree(),
        ],
    )
        .into_response())
}
