//! Authentication: password hashing (argon2id), portal session cookies, and the authenticated-user extractor.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::FromRequestParts;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::db::UtilisateurRow;
use crate::error::ApiError;
use crate::AppState;

/// Name of the portal session cookie.
pub const SESSION_COOKIE: &str = "passerelle_session";
/// Lifetime of a portal session.
pub const SESSION_DUREE_HEURES: i64 = 12;

/// Argon2id hasher with the configured cost.
#[derive(Debug, Clone)]
pub struct Hasher {
    params: Params,
}

impl Hasher {
    /// OWASP's recommended argon2id cost (19 MiB, 2 passes).
    pub fn standard() -> Hasher {
        Hasher {
            params: Params::default(),
        }
    }

    /// A cheap cost for tests only (the hash format is the same).
    pub fn rapide_pour_tests() -> Hasher {
        let params = Params::new(Params::MIN_M_COST.max(64), 1, 1, None).unwrap_or_default();
        Hasher { params }
    }

    /// True for [`Hasher::standard`] (the cost the precomputed seed hashes were made with).
    pub fn est_standard(&self) -> bool {
        self.params == Params::default()
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// Hashes a password into a PHC string.
    pub fn hacher(&self, mot_de_passe: &str) -> Result<String, ApiError> {
        let salt = SaltString::generate(&mut OsRng);
        self.argon2()
            .hash_password(mot_de_passe.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| ApiError::Interne(format!("argon2: {e}")))
    }

    /// Checks a password against a PHC string; the comparison inside argon2 is constant-time.
    pub fn verifier(&self, mot_de_passe: &str, hash: &str) -> bool {
        match PasswordHash::new(hash) {
            Ok(parsed) => self
                .argon2()
                .verify_password(mot_de_passe.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    }
}

/// A new random session token (256 bits) and the hash stored for it.
pub fn nouveau_token() -> (String, String) {
    let mut bytes = [0_u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_token(&token);
    (token, hash)
}

/// SHA-256 (hex) of bytes.
pub fn hash_token_bytes(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// SHA-256 (hex) of a token, the form kept in the database.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The value of a cookie in the request headers.
pub fn cookie(headers: &HeaderMap, nom: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == nom)
        .map(|(_, value)| value.to_owned())
}

/// `Set-Cookie` opening a session: HttpOnly (no script access), SameSite=Lax (no cross-site POST).
pub fn cookie_session(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let max_age = SESSION_DUREE_HEURES * 3600;
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("passerelle_session=; Path=/; Max-Age=0"))
}

/// `Set-Cookie` opening a session of the SPA embedded in another site's page (iframe): a partitioned
/// cookie (CHIPS), the one kind browsers still keep in a third-party frame when third-party cookies are
/// blocked. It is only sent under the top-level site that embedded the SPA, never elsewhere.
/// `SameSite=None` and `Partitioned` require `Secure` (browsers accept it on http://localhost and
/// http://127.0.0.1 too). Cross-site requests still cannot use it: the API takes JSON bodies only,
/// which need a CORS preflight the server never grants.
pub fn cookie_session_integree(token: &str) -> HeaderValue {
    let max_age = SESSION_DUREE_HEURES * 3600;
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=None; Partitioned; Max-Age={max_age}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("passerelle_session=; Path=/; Max-Age=0"))
}

/// `Set-Cookie` ending a session.
pub fn cookie_fin_session() -> (axum::http::HeaderName, HeaderValue) {
    (
        SET_COOKIE,
        HeaderValue::from_static("passerelle_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    )
}

/// `Set-Cookie` ending an embedded session ([`cookie_session_integree`]): a partitioned cookie is only
/// erased by a partitioned `Set-Cookie`.
pub fn cookie_fin_session_integree() -> (axum::http::HeaderName, HeaderValue) {
    (
        SET_COOKIE,
        HeaderValue::from_static(
            "passerelle_session=; Path=/; HttpOnly; Secure; SameSite=None; Partitioned; Max-Age=0",
        ),
    )
}

/// The authenticated user of a request (portal session cookie).
#[derive(Debug, Clone)]
pub struct Utilisateur(pub UtilisateurRow);

impl FromRequestParts<AppState> for Utilisateur {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = cookie(&parts.headers, SESSION_COOKIE).ok_or(ApiError::NonAuthentifie)?;
        let maintenant = state.clock.horodatage_reel();
        state
            .db
            .utilisateur_de_session(&hash_token(&token), &maintenant)
            .await?
            .map(Utilisateur)
            .ok_or(ApiError::NonAuthentifie)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_password_verifies_and_wrong_one_does_not() {
        let hasher = Hasher::rapide_pour_tests();
        let hash = hasher.hacher("correct horse").unwrap_or_default();
        assert!(hasher.verifier("correct horse", &hash));
        assert!(!hasher.verifier("correct horse!", &hash));
    }

    #[test]
    fn precomputed_demo_hash_matches_the_demo_password() {
        let hasher = Hasher::standard();
        assert!(hasher.est_standard());
        assert!(hasher.verifier(
            crate::seed::DEMO_MOT_DE_PASSE,
            crate::seed::HASH_DEMO_STANDARD
        ));
        assert!(!hasher.verifier(
            crate::seed::DEMO_MOT_DE_PASSE,
            crate::seed::HASH_LEURRE_STANDARD
        ));
    }

    #[test]
    fn garbage_hash_never_verifies() {
        assert!(!Hasher::rapide_pour_tests().verifier("x", "not a phc string"));
    }

    #[test]
    fn cookie_is_found_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; passerelle_session=abc; b=2"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "c"), None);
    }

    #[test]
    fn embedded_session_cookie_is_partitioned_and_secure() {
        let cookie = cookie_session_integree("abc");
        let texte = cookie.to_str().unwrap_or_default();
        assert!(texte.starts_with("passerelle_session=abc;"), "{texte}");
        for attribut in [
            "HttpOnly",
            "Secure",
            "SameSite=None",
            "Partitioned",
            "Path=/",
        ] {
            assert!(texte.contains(attribut), "{attribut} missing: {texte}");
        }
        let (_, fin) = cookie_fin_session_integree();
        let fin = fin.to_str().unwrap_or_default();
        assert!(
            fin.contains("Partitioned") && fin.contains("Max-Age=0"),
            "{fin}"
        );
    }

    #[test]
    fn tokens_are_unique_and_stored_hashed() {
        let (token_a, hash_a) = nouveau_token();
        let (token_b, _) = nouveau_token();
        assert_ne!(token_a, token_b);
        assert_eq!(hash_a, hash_token(&token_a));
        assert_ne!(hash_a, token_a);
    }
}
