//! Who is calling the Chorus Pro API: a portal session cookie, or PISTE-style credentials
//! (`Authorization: Bearer` from `/api/oauth/token` plus `cpro-account: base64(login:password)`,
//! api-reference §1.3). Every call is then limited to the structures the user is attached to.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::auth::{self, hash_token};
use crate::db::{RattachementRow, UtilisateurRow, SECOND_FACTEUR_AUCUN};
use crate::error::ApiError;
use crate::AppState;

/// Header carrying the technical account (api-reference §1.3).
pub const EN_TETE_COMPTE: &str = "cpro-account";

/// How long a verified `cpro-account` stays trusted without re-running argon2.
const DUREE_CACHE_COMPTE: Duration = Duration::from_secs(300);

/// Verified `cpro-account` values (by SHA-256 of the header) → user id, so that argon2 runs once per
/// account every few minutes rather than on every call.
#[derive(Debug, Clone, Default)]
pub struct CacheComptes(Arc<Mutex<HashMap<String, (i64, Instant)>>>);

impl CacheComptes {
    fn get(&self, cle: &str) -> Option<i64> {
        let cache = self.0.lock().unwrap_or_else(|poison| poison.into_inner());
        cache
            .get(cle)
            .filter(|(_, quand)| quand.elapsed() < DUREE_CACHE_COMPTE)
            .map(|(id, _)| *id)
    }

    fn put(&self, cle: String, id: i64) {
        let mut cache = self.0.lock().unwrap_or_else(|poison| poison.into_inner());
        cache.retain(|_, (_, quand)| quand.elapsed() < DUREE_CACHE_COMPTE);
        cache.insert(cle, (id, Instant::now()));
    }
}

/// The authenticated caller and its attachments.
#[derive(Debug, Clone)]
pub struct Compte {
    /// The user.
    pub utilisateur: UtilisateurRow,
    /// Structures the user is attached to.
    pub rattachements: Vec<RattachementRow>,
}

impl Compte {
    /// Applies the habilitations a gestionnaire set on one espace, per structure, over the rattachements'
    /// ones; a structure where the espace is turned off ([`crate::db::HABILITATION_AUCUNE`]) is left out.
    pub fn limiter_a_l_espace(&mut self, par_espace: &[(i64, String)]) {
        for rattachement in &mut self.rattachements {
            if let Some((_, habilitation)) = par_espace
                .iter()
                .find(|(id, _)| *id == rattachement.id_structure)
            {
                rattachement.habilitation = habilitation.clone();
            }
        }
        self.rattachements
            .retain(|r| r.habilitation != crate::db::HABILITATION_AUCUNE);
    }

    /// True when the user may read this structure's invoices.
    pub fn peut_consulter(&self, id_structure: i64) -> bool {
        self.rattachements
            .iter()
            .any(|r| r.id_structure == id_structure)
    }

    /// True when the user may create or change this structure's invoices (habilitation MODIFICATION).
    pub fn peut_modifier(&self, id_structure: i64) -> bool {
        self.rattachements
            .iter()
            .any(|r| r.id_structure == id_structure && r.habilitation == "MODIFICATION")
    }

    /// Ids of the structures the user may read.
    pub fn structures(&self) -> Vec<i64> {
        self.rattachements.iter().map(|r| r.id_structure).collect()
    }
}

impl FromRequestParts<AppState> for Compte {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let utilisateur = match auth::cookie(&parts.headers, auth::SESSION_COOKIE) {
            Some(token) => state
                .db
                .utilisateur_de_session(&hash_token(&token), &state.clock.horodatage_reel())
                .await?
                .ok_or(ApiError::NonAuthentifie)?,
            None => utilisateur_piste(parts, state).await?,
        };
        let rattachements = state.db.rattachements(utilisateur.id).await?;
        let mut compte = Compte {
            utilisateur,
            rattachements,
        };
        // The Chorus Pro API is the Factures émises espace: its per-espace habilitations apply.
        let par_espace = state
            .db
            .habilitations_sur_espace(compte.utilisateur.id, crate::db::ESPACE_FACTURES)
            .await?;
        compte.limiter_a_l_espace(&par_espace);
        Ok(compte)
    }
}

async fn utilisateur_piste(parts: &Parts, state: &AppState) -> Result<UtilisateurRow, ApiError> {
    let bearer = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("bearer "))
        })
        .map(str::trim)
        .ok_or_else(|| ApiError::Piste("Missing access token".into()))?;
    if !state
        .db
        .jeton_valide(&hash_token(bearer), &state.clock.horodatage_reel())
        .await?
    {
        return Err(ApiError::Piste("Invalid or expired access token".into()));
    }
    let mauvais_compte = || ApiError::Piste("login or password incorrects".into());
    let en_tete = parts
        .headers
        .get(EN_TETE_COMPTE)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .ok_or_else(mauvais_compte)?;
    let cle = hash_token(en_tete);
    if let Some(id) = state.comptes.get(&cle) {
        return state.db.utilisateur(id).await?.ok_or_else(mauvais_compte);
    }
    let decode = STANDARD
        .decode(en_tete)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(mauvais_compte)?;
    let (login, mot_de_passe) = decode.split_once(':').ok_or_else(mauvais_compte)?;
    let utilisateur = state.db.utilisateur_par_email(login).await?;
    let hash = utilisateur
        .as_ref()
        .map_or(state.hash_leurre.to_string(), |u| {
            u.mot_de_passe_hash.clone()
        });
    let hasher = state.hasher.clone();
    let mot_de_passe = mot_de_passe.to_owned();
    let valide = tokio::task::spawn_blocking(move || hasher.verifier(&mot_de_passe, &hash))
        .await
        .map_err(|e| ApiError::Interne(format!("verification task: {e}")))?;
    let utilisateur = utilisateur.filter(|_| valide).ok_or_else(mauvais_compte)?;
    // A password alone opens no account that is inactive or protected by a second factor: the
    // second factor could otherwise be bypassed through the API.
    let etat = state.db.etat_compte(utilisateur.id).await?;
    if !etat.is_some_and(|e| e.actif && e.second_facteur == SECOND_FACTEUR_AUCUN) {
        return Err(mauvais_compte());
    }
    state.comptes.put(cle, utilisateur.id);
    Ok(utilisateur)
}
