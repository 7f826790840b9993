//! Mon compte: the signed-in user's profile and preferences, password change, and going back from an
//! authenticator application to codes by e-mail.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};

use super::comptes::{hacher, obligatoire, verifier_email};
use super::{outbox, regles};
use crate::auth::{self, Utilisateur};
use crate::db::{ModificationProfil, SECOND_FACTEUR_TOTP};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Interface languages a profile may choose.
pub const LANGUES: &[&str] = &["fr", "en"];
/// `nature` of the e-mail telling the user their password changed.
pub const NATURE_MOT_DE_PASSE_CHANGE: &str = "MOT_DE_PASSE_CHANGE";
/// `nature` of the e-mail telling the user their authenticator application was removed.
pub const NATURE_SECOND_FACTEUR_CHANGE: &str = "SECOND_FACTEUR_CHANGE";

/// Answer of `GET` and `PUT /portail/v1/compte`: the signed-in user's profile.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ProfilResponse {
    /// Login e-mail (not editable: it identifies the account).
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone number (empty for the seeded accounts).
    pub telephone: String,
    /// Contact e-mail (empty for the seeded accounts).
    pub email_contact: String,
    /// `fr` or `en`.
    pub langue: String,
    /// Wants notification e-mails.
    pub notifications: bool,
    /// `AUCUN`, `EMAIL` or `TOTP`.
    pub second_facteur: String,
}

async fn lire_profil(state: &AppState, id_utilisateur: i64) -> Result<ProfilResponse, ApiError> {
    let utilisateur = state
        .db
        .utilisateur(id_utilisateur)
        .await?
        .ok_or(ApiError::NonAuthentifie)?;
    let profil = state
        .db
        .profil(id_utilisateur)
        .await?
        .ok_or(ApiError::NonAuthentifie)?;
    Ok(ProfilResponse {
        email: utilisateur.email,
        nom: utilisateur.nom,
        prenom: utilisateur.prenom,
        telephone: profil.telephone,
        email_contact: profil.email_contact,
        langue: utilisateur.langue,
        notifications: profil.notifications,
        second_facteur: profil.second_facteur,
    })
}

/// `GET /portail/v1/compte` (signed in): the profile, preferences and the second factor in use.
pub async fn profil(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
) -> Result<CproJson<ProfilResponse>, ApiError> {
    Ok(CproJson(lire_profil(&state, utilisateur.id).await?))
}

/// Body of `PUT /portail/v1/compte`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModificationProfilRequest {
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone number.
    pub telephone: String,
    /// Contact e-mail.
    pub email_contact: String,
    /// `fr` or `en`.
    pub langue: String,
    /// Wants notification e-mails.
    pub notifications: bool,
}

/// Checks a profile change (pure): one error per field at most, or the values to store, trimmed.
/// The phone stays optional here, since the seeded accounts have none.
pub fn valider_profil(
    requete: &ModificationProfilRequest,
) -> Result<ModificationProfil, Vec<ErreurChamp>> {
    let mut erreurs = Vec::new();
    let e = &mut erreurs;
    obligatoire(e, "nom", &requete.nom, "Le nom", "The family name");
    obligatoire(e, "prenom", &requete.prenom, "Le prénom", "The given name");
    let telephone = requete.telephone.trim();
    if !telephone.is_empty() && !regles::telephone_valide(telephone) {
        e.push(ErreurChamp::new(
            "telephone",
            "Le numéro de téléphone n'est pas valide (6 à 15 chiffres, + au début pour l'international).",
            "The phone number is not valid (6 to 15 digits, a leading + for international numbers).",
        ));
    }
    verifier_email(
        e,
        "emailContact",
        &requete.email_contact,
        "L'adresse e-mail de contact",
        "The contact e-mail address",
    );
    let langue = requete.langue.trim().to_lowercase();
    if !LANGUES.contains(&langue.as_str()) {
        e.push(ErreurChamp::new(
            "langue",
            "Choisissez la langue de l'interface : français (fr) ou anglais (en).",
            "Choose the interface language: French (fr) or English (en).",
        ));
    }
    if !erreurs.is_empty() {
        return Err(erreurs);
    }
    Ok(ModificationProfil {
        nom: requete.nom.trim().to_owned(),
        prenom: requete.prenom.trim().to_owned(),
        telephone: telephone.to_owned(),
        email_contact: requete.email_contact.trim().to_owned(),
        langue,
        notifications: requete.notifications,
    })
}

/// `PUT /portail/v1/compte` (signed in): changes the names, phone, contact e-mail, language and
/// notification preference; 422 with one error per field. Answers the new profile.
pub async fn modifier(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    CproJson(requete): CproJson<ModificationProfilRequest>,
) -> Result<CproJson<ProfilResponse>, ApiError> {
    let profil = valider_profil(&requete).map_err(ApiError::Champs)?;
    state.db.modifier_profil(utilisateur.id, &profil).await?;
    Ok(CproJson(lire_profil(&state, utilisateur.id).await?))
}

/// Body of `POST /portail/v1/compte/mot-de-passe`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ChangementMotDePasseRequest {
    /// The password in use, to prove it is the account holder at the keyboard.
    pub mot_de_passe_actuel: String,
    /// The new one.
    pub nouveau_mot_de_passe: String,
}

/// Checks a new password against the policy, the e-mail and the current password (pure).
pub fn valider_nouveau_mot_de_passe(
    email: &str,
    actuel: &str,
    nouveau: &str,
) -> Option<ErreurChamp> {
    let erreur = |fr: &str, en: &str| Some(ErreurChamp::new("nouveauMotDePasse", fr, en));
    if let Err(refus) = regles::verifier_mot_de_passe(nouveau) {
        let (fr, en) = refus.messages();
        return erreur(&fr, &en);
    }
    let email = regles::normaliser_email(email);
    if !email.is_empty() && nouveau.to_lowercase().contains(&email) {
        return erreur(
            "Le mot de passe ne doit pas contenir votre adresse e-mail.",
            "The password must not contain your e-mail address.",
        );
    }
    if nouveau == actuel {
        return erreur(
            "Le nouveau mot de passe doit être différent de l'actuel.",
            "The new password must differ from the current one.",
        );
    }
    None
}

async fn verifier_mot_de_passe_actuel(
    state: &AppState,
    hash: String,
    mot_de_passe: String,
    champ: &str,
) -> Result<(), ApiError> {
    let hasher = state.hasher.clone();
    let valide = tokio::task::spawn_blocking(move || hasher.verifier(&mot_de_passe, &hash))
        .await
        .map_err(|e| ApiError::Interne(format!("verification task: {e}")))?;
    if valide {
        Ok(())
    } else {
        Err(ApiError::Champs(vec![ErreurChamp::new(
            champ,
            "Ce n'est pas votre mot de passe actuel.",
            "This is not your current password.",
        )]))
    }
}

/// Answer of a password change.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ChangementMotDePasseResponse {
    /// Sessions ended on the account's other browsers.
    pub autres_sessions_fermees: bool,
}

/// `POST /portail/v1/compte/mot-de-passe` (signed in): checks the current password (422 on
/// `motDePasseActuel` when wrong) and the new one (422 on `nouveauMotDePasse`), stores it, ends the
/// account's other sessions and tells the user by e-mail.
pub async fn changer_mot_de_passe(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    headers: HeaderMap,
    CproJson(requete): CproJson<ChangementMotDePasseRequest>,
) -> Result<CproJson<ChangementMotDePasseResponse>, ApiError> {
    verifier_mot_de_passe_actuel(
        &state,
        utilisateur.mot_de_passe_hash.clone(),
        requete.mot_de_passe_actuel.clone(),
        "motDePasseActuel",
    )
    .await?;
    if let Some(erreur) = valider_nouveau_mot_de_passe(
        &utilisateur.email,
        &requete.mot_de_passe_actuel,
        &requete.nouveau_mot_de_passe,
    ) {
        return Err(ApiError::Champs(vec![erreur]));
    }
    let hash = hacher(&state, requete.nouveau_mot_de_passe).await?;
    let session = auth::cookie(&headers, auth::SESSION_COOKIE)
        .map(|token| auth::hash_token(&token))
        .unwrap_or_default();
    state
        .db
        .changer_mot_de_passe(utilisateur.id, &hash, &session)
        .await?;
    outbox::deposer(
        &state,
        &utilisateur.email,
        "Votre mot de passe Passerelle a été modifié",
        format!(
            "Bonjour {prenom} {nom},\n\nLe mot de passe de votre compte Passerelle vient d'être modifié, \
             et vos sessions ouvertes sur d'autres navigateurs ont été fermées.\n\n\
             Si vous n'êtes pas à l'origine de ce changement, contactez sans attendre le gestionnaire de \
             votre structure.\n",
            prenom = utilisateur.prenom,
            nom = utilisateur.nom,
        ),
        NATURE_MOT_DE_PASSE_CHANGE,
    )
    .await?;
    Ok(CproJson(ChangementMotDePasseResponse {
        autres_sessions_fermees: true,
    }))
}

/// Body of `POST /portail/v1/compte/totp/suppression`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SuppressionTotpRequest {
    /// The password in use.
    pub mot_de_passe: String,
}

/// `POST /portail/v1/compte/totp/suppression` (signed in): with the password (422 on `motDePasse`
/// when wrong), removes the authenticator application; sign-in codes come by e-mail again. 409 when the
/// account has no application. Answers the profile.
pub async fn supprimer_totp(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    CproJson(requete): CproJson<SuppressionTotpRequest>,
) -> Result<CproJson<ProfilResponse>, ApiError> {
    let profil = lire_profil(&state, utilisateur.id).await?;
    if profil.second_facteur != SECOND_FACTEUR_TOTP {
        return Err(ApiError::Refus(
            StatusCode::CONFLICT,
            "Aucune application d'authentification n'est associée à ce compte.".into(),
        ));
    }
    verifier_mot_de_passe_actuel(
        &state,
        utilisateur.mot_de_passe_hash.clone(),
        requete.mot_de_passe,
        "motDePasse",
    )
    .await?;
    state.db.revenir_au_code_par_email(utilisateur.id).await?;
    outbox::deposer(
        &state,
        &utilisateur.email,
        "Application d'authentification retirée de votre compte Passerelle",
        format!(
            "Bonjour {prenom} {nom},\n\nL'application d'authentification de votre compte Passerelle a été \
             retirée : vos codes de connexion vous seront désormais envoyés par e-mail.\n\n\
             Si vous n'êtes pas à l'origine de ce changement, changez votre mot de passe et contactez le \
             gestionnaire de votre structure.\n",
            prenom = utilisateur.prenom,
            nom = utilisateur.nom,
        ),
        NATURE_SECOND_FACTEUR_CHANGE,
    )
    .await?;
    Ok(CproJson(lire_profil(&state, utilisateur.id).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requete() -> ModificationProfilRequest {
        ModificationProfilRequest {
            nom: " Martin ".into(),
            prenom: "Camille".into(),
            telephone: "+33 1 23 45 67 89".into(),
            email_contact: "compta@exemple.test".into(),
            langue: "EN".into(),
            notifications: false,
        }
    }

    fn champs(requete: &ModificationProfilRequest) -> Vec<String> {
        valider_profil(requete)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.champ)
            .collect()
    }

    #[test]
    fn a_valid_profile_is_trimmed_and_its_language_lower_cased() {
        let profil = valider_profil(&requete()).expect("valid");
        assert_eq!(profil.nom, "Martin");
        assert_eq!(profil.langue, "en");
        assert!(!profil.notifications);
    }

    #[test]
    fn the_phone_may_be_empty_but_not_malformed() {
        let mut sans = requete();
        sans.telephone = "  ".into();
        assert!(valider_profil(&sans).is_ok());
        let mut faux = requete();
        faux.telephone = "12".into();
        assert_eq!(champs(&faux), ["telephone"]);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let vide = ModificationProfilRequest::default();
        assert_eq!(champs(&vide), ["nom", "prenom", "emailContact", "langue"]);
        let mut langue = requete();
        langue.langue = "de".into();
        assert_eq!(champs(&langue), ["langue"]);
    }

    #[test]
    fn a_new_password_follows_the_policy_and_differs() {
        let email = "camille@exemple.test";
        assert!(
            valider_nouveau_mot_de_passe(email, "Ancien-mdp-2026", "Nouveau-mdp-2027").is_none()
        );
        assert!(valider_nouveau_mot_de_passe(email, "Ancien-mdp-2026", "court").is_some());
        assert!(
            valider_nouveau_mot_de_passe(email, "Ancien-mdp-2026", "Ancien-mdp-2026").is_some()
        );
        let contient = valider_nouveau_mot_de_passe(email, "x", "A1-Camille@exemple.test");
        assert_eq!(
            contient.map(|e| e.champ).as_deref(),
            Some("nouveauMotDePasse")
        );
    }
}
