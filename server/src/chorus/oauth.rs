//! PISTE-style OAuth2 token endpoint: `POST /api/oauth/token`, `client_credentials` in a form body
//! (api-reference §1.2). Answers `access_token`, `token_type`, `expires_in` (3600), `scope`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use chrono::Duration;
use serde::Deserialize;
use serde_json::json;

use crate::auth::{hash_token, nouveau_token};
use crate::error::ApiError;
use crate::AppState;

/// Lifetime of an access token, as observed on PISTE (api-reference §1.2).
pub const DUREE_JETON_SECONDES: i64 = 3600;

/// Form body of the token request.
#[derive(Debug, Deserialize)]
pub struct TokenRequest {
    /// Must be `client_credentials`.
    #[serde(default)]
    pub grant_type: String,
    /// OAuth client id.
    #[serde(default)]
    pub client_id: String,
    /// OAuth client secret.
    #[serde(default)]
    pub client_secret: String,
    /// Scope; `openid` when given (whether PISTE requires it is unconfirmed, so it is optional here).
    #[serde(default)]
    pub scope: Option<String>,
}

fn erreur_oauth(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// `POST /api/oauth/token`.
pub async fn token(
    State(state): State<AppState>,
    form: Result<Form<TokenRequest>, axum::extract::rejection::FormRejection>,
) -> Result<Response, ApiError> {
    let Ok(Form(request)) = form else {
        return Ok(erreur_oauth(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "form body expected",
        ));
    };
    if request.grant_type != "client_credentials" {
        return Ok(erreur_oauth(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only client_credentials is supported",
        ));
    }
    let attendu = state.db.secret_client_oauth(&request.client_id).await?;
    // Comparing SHA-256 digests: timing reveals nothing usable about the secret itself.
    if attendu.as_deref() != Some(hash_token(&request.client_secret).as_str()) {
        return Ok(erreur_oauth(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Bad client credentials",
        ));
    }
    let (token, token_hash) = nouveau_token();
    let expire_le = (chrono::Utc::now() + Duration::seconds(DUREE_JETON_SECONDES))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    state
        .db
        .creer_jeton(&token_hash, &request.client_id, &expire_le)
        .await?;
    Ok(Json(json!({
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": DUREE_JETON_SECONDES,
        "scope": request.scope.unwrap_or_else(|| "openid".to_owned()),
    }))
    .into_response())
}
