//! Account creation on the portal: anti-robot challenge, the creation form with per-field errors, and
//! the activation link sent to the outbox.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::regles::{self, normaliser_email};
use super::{horodatage_dans, outbox};
use crate::auth;
use crate::db::NouveauCompte;
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Lifetime of an anti-robot challenge.
pub const DEFI_DUREE_MINUTES: i64 = 10;
/// Lifetime of an activation link.
pub const ACTIVATION_DUREE_HEURES: i64 = 48;
/// `nature` of activation tokens and e-mails.
pub const NATURE_ACTIVATION: &str = "ACTIVATION";
/// Longest name, question or answer accepted.
const LONGUEUR_TEXTE_MAX: usize = 100;

/// Gateway mode: no self-service accounts. Every signed-in user acts as the one technical account at
/// PISTE, and activation links could not be delivered (the outbox is a sandbox facility).
fn refuser_en_mode_passerelle(state: &AppState) -> Result<(), ApiError> {
    if state.gateway.is_some() || state.settings.gateway.is_some() {
        return Err(ApiError::Refus(
            StatusCode::FORBIDDEN,
            "La création de compte n'est pas ouverte sur ce serveur : demandez un compte à son administrateur."
                .into(),
        ));
    }
    Ok(())
}

/// Answer of `GET /portail/v1/comptes/defi`: an arithmetic question to answer in digits.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DefiResponse {
    /// To send back as `defiId` (single use).
    pub id: String,
    /// The question in French.
    pub question: String,
    /// The question in English.
    pub question_en: String,
    /// Expiry (UTC).
    pub expire_le: String,
}

/// `GET /portail/v1/comptes/defi`: a new challenge. Every creation attempt uses it up, right or wrong.
pub async fn defi(State(state): State<AppState>) -> Result<CproJson<DefiResponse>, ApiError> {
    refuser_en_mode_passerelle(&state)?;
    let a = 2 + OsRng.next_u32() % 18;
    let b = 2 + OsRng.next_u32() % 9;
    let (id, _) = auth::nouveau_token();
    let expire_le = horodatage_dans(Duration::minutes(DEFI_DUREE_MINUTES));
    state
        .db
        .creer_defi(
            &id,
            &(a + b).to_string(),
            &expire_le,
            &state.clock.horodatage_reel(),
        )
        .await?;
    Ok(CproJson(DefiResponse {
        id,
        question: format!("Combien font {a} plus {b} ? (répondez en chiffres)"),
        question_en: format!("What is {a} plus {b}? (answer in digits)"),
        expire_le,
    }))
}

/// Body of `POST /portail/v1/comptes`; a missing field is reported like an empty one.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreationCompteRequest {
    /// Login e-mail.
    pub email: String,
    /// The login e-mail typed again.
    pub email_confirmation: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone number.
    pub telephone: String,
    /// Contact e-mail (may be the login e-mail).
    pub email_contact: String,
    /// Password (see [`regles::verifier_mot_de_passe`]).
    pub mot_de_passe: String,
    /// Secret question.
    pub question_secrete: String,
    /// Answer to the secret question (stored hashed).
    pub reponse_secrete: String,
    /// The CGU were accepted.
    pub cgu_acceptees: bool,
    /// Id of the challenge from `GET comptes/defi`.
    pub defi_id: String,
    /// Answer to the challenge.
    pub defi_reponse: String,
}

/// Answer of a created account.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CreationCompteResponse {
    /// The login e-mail, normalised.
    pub email: String,
    /// False until the activation link is followed.
    pub actif: bool,
    /// What happens next, in French.
    pub message: String,
    /// What happens next, in English.
    pub message_en: String,
}

pub(super) fn obligatoire(
    erreurs: &mut Vec<ErreurChamp>,
    champ: &str,
    valeur: &str,
    fr: &str,
    en: &str,
) -> bool {
    if valeur.trim().is_empty() {
        erreurs.push(ErreurChamp::new(
            champ,
            format!("{fr} est obligatoire."),
            format!("{en} is required."),
        ));
        return false;
    }
    if valeur.trim().chars().count() > LONGUEUR_TEXTE_MAX {
        erreurs.push(ErreurChamp::new(
            champ,
            format!("{fr} doit comporter au plus {LONGUEUR_TEXTE_MAX} caractères."),
            format!("{en} must have at most {LONGUEUR_TEXTE_MAX} characters."),
        ));
        return false;
    }
    true
}

pub(super) fn verifier_email(
    erreurs: &mut Vec<ErreurChamp>,
    champ: &str,
    valeur: &str,
    fr: &str,
    en: &str,
) {
    if obligatoire(erreurs, champ, valeur, fr, en) && !regles::email_valide(valeur) {
        erreurs.push(ErreurChamp::new(
            champ,
            format!("{fr} n'est pas valide (exemple : prenom.nom@exemple.fr)."),
            format!("{en} is not valid (example: first.last@example.com)."),
        ));
    }
}

/// Every field rule of the creation form except the challenge (pure): one error per field at most.
pub fn valider_creation(requete: &CreationCompteRequest) -> Vec<ErreurChamp> {
    let mut erreurs = Vec::new();
    let e = &mut erreurs;
    verifier_email(
        e,
        "email",
        &requete.email,
        "L'adresse e-mail de connexion",
        "The sign-in e-mail address",
    );
    if normaliser_email(&requete.email) != normaliser_email(&requete.email_confirmation) {
        e.push(ErreurChamp::new(
            "emailConfirmation",
            "Les deux adresses e-mail de connexion ne sont pas identiques.",
            "The two sign-in e-mail addresses differ.",
        ));
    }
    obligatoire(e, "nom", &requete.nom, "Le nom", "The family name");
    obligatoire(e, "prenom", &requete.prenom, "Le prénom", "The given name");
    if obligatoire(
        e,
        "telephone",
        &requete.telephone,
        "Le téléphone",
        "The phone number",
    ) && !regles::telephone_valide(&requete.telephone)
    {
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
    if let Err(refus) = regles::verifier_mot_de_passe(&requete.mot_de_passe) {
        let (fr, en) = refus.messages();
        e.push(ErreurChamp::new("motDePasse", fr, en));
    } else if requete
        .mot_de_passe
        .to_lowercase()
        .contains(&normaliser_email(&requete.email))
        && !requete.email.trim().is_empty()
    {
        e.push(ErreurChamp::new(
            "motDePasse",
            "Le mot de passe ne doit pas contenir votre adresse e-mail.",
            "The password must not contain your e-mail address.",
        ));
    }
    obligatoire(
        e,
        "questionSecrete",
        &requete.question_secrete,
        "La question secrète",
        "The secret question",
    );
    obligatoire(
        e,
        "reponseSecrete",
        &requete.reponse_secrete,
        "La réponse à la question secrète",
        "The answer to the secret question",
    );
    if !requete.cgu_acceptees {
        e.push(ErreurChamp::new(
            "cguAcceptees",
            "Vous devez accepter les conditions générales d'utilisation.",
            "You must accept the terms of use.",
        ));
    }
    erreurs
}

/// Uses the challenge up and says whether its answer was right (an error on `defiReponse` otherwise).
async fn verifier_defi(
    state: &AppState,
    requete: &CreationCompteRequest,
) -> Result<Option<ErreurChamp>, ApiError> {
    let attendu = if requete.defi_id.trim().is_empty() {
        None
    } else {
        state
            .db
            .consommer_defi(requete.defi_id.trim(), &state.clock.horodatage_reel())
            .await?
    };
    Ok(match attendu {
        None => Some(ErreurChamp::new(
            "defiReponse",
            "La vérification anti-robot a expiré ou a déjà servi : répondez à la nouvelle question.",
            "The anti-robot check expired or was already used: answer the new question.",
        )),
        Some(attendu) if attendu == requete.defi_reponse.trim() => None,
        Some(_) => Some(ErreurChamp::new(
            "defiReponse",
            "La réponse à la vérification anti-robot est incorrecte : répondez à la nouvelle question.",
            "The answer to the anti-robot check is wrong: answer the new question.",
        )),
    })
}

pub(super) async fn hacher(state: &AppState, secret: String) -> Result<String, ApiError> {
    let hasher = state.hasher.clone();
    tokio::task::spawn_blocking(move || hasher.hacher(&secret))
        .await
        .map_err(|e| ApiError::Interne(format!("hash task: {e}")))?
}

/// `POST /portail/v1/comptes`: creates an inactive account (second factor by e-mail) and puts its
/// activation link in the outbox. 201, or 422 with one error per field.
pub async fn creer(
    State(state): State<AppState>,
    CproJson(requete): CproJson<CreationCompteRequest>,
) -> Result<(StatusCode, CproJson<CreationCompteResponse>), ApiError> {
    refuser_en_mode_passerelle(&state)?;
    let mut erreurs = valider_creation(&requete);
    erreurs.extend(verifier_defi(&state, &requete).await?);
    if !erreurs.is_empty() {
        return Err(ApiError::Champs(erreurs));
    }
    let email = normaliser_email(&requete.email);
    if state.db.utilisateur_par_email(&email).await?.is_some() {
        return Err(email_pris());
    }
    let cree_le = state.clock.horodatage_reel();
    let compte = NouveauCompte {
        email: email.clone(),
        nom: requete.nom.trim().to_owned(),
        prenom: requete.prenom.trim().to_owned(),
        telephone: requete.telephone.trim().to_owned(),
        email_contact: normaliser_email(&requete.email_contact),
        mot_de_passe_hash: hacher(&state, requete.mot_de_passe).await?,
        question_secrete: requete.question_secrete.trim().to_owned(),
        reponse_secrete_hash: hacher(
            &state,
            regles::normaliser_reponse_secrete(&requete.reponse_secrete),
        )
        .await?,
        cree_le,
    };
    let Some(id) = state.db.creer_compte(&compte).await? else {
        return Err(email_pris());
    };
    envoyer_activation(&state, id, &compte).await?;
    Ok((
        StatusCode::CREATED,
        CproJson(CreationCompteResponse {
            email,
            actif: false,
            message: "Compte créé : suivez le lien envoyé par e-mail pour l'activer.".into(),
            message_en: "Account created: follow the link sent by e-mail to activate it.".into(),
        }),
    ))
}

/// The e-mail is taken: said on the field, without telling anything about that account.
fn email_pris() -> ApiError {
    ApiError::Champs(vec![ErreurChamp::new(
        "email",
        "Cette adresse e-mail ne peut pas servir à un nouveau compte : si c'est la vôtre, connectez-vous.",
        "This e-mail address cannot be used for a new account: if it is yours, sign in.",
    )])
}

async fn envoyer_activation(
    state: &AppState,
    id: i64,
    compte: &NouveauCompte,
) -> Result<(), ApiError> {
    let (jeton, jeton_hash) = auth::nouveau_token();
    state
        .db
        .creer_jeton_compte(
            &jeton_hash,
            id,
            NATURE_ACTIVATION,
            &horodatage_dans(Duration::hours(ACTIVATION_DUREE_HEURES)),
        )
        .await?;
    let corps = format!(
        "Bonjour {prenom} {nom},\n\nVotre compte Passerelle a été créé. Pour l'activer, ouvrez ce lien \
         (valable {ACTIVATION_DUREE_HEURES} heures, une seule fois) :\n\n/activation?jeton={jeton}\n\n\
         Si vous n'avez pas demandé ce compte, ignorez ce message.\n",
        prenom = compte.prenom,
        nom = compte.nom,
    );
    outbox::deposer(
        state,
        &compte.email,
        "Activez votre compte Passerelle",
        corps,
        NATURE_ACTIVATION,
    )
    .await
}

/// Body of `POST /portail/v1/comptes/activation`.
#[derive(Debug, Deserialize)]
pub struct ActivationRequest {
    /// The `jeton` of the activation link.
    pub jeton: String,
}

/// Answer of an activation.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ActivationResponse {
    /// The account's login e-mail.
    pub email: String,
    /// True.
    pub actif: bool,
}

/// `POST /portail/v1/comptes/activation`: activates the account of a link (single use); 410 when the
/// link is unknown, used or expired.
pub async fn activer(
    State(state): State<AppState>,
    CproJson(requete): CproJson<ActivationRequest>,
) -> Result<CproJson<ActivationResponse>, ApiError> {
    let jeton_hash = auth::hash_token(requete.jeton.trim());
    let id = state
        .db
        .activer_compte(&jeton_hash, &state.clock.horodatage_reel())
        .await?;
    let utilisateur = match id {
        Some(id) => state.db.utilisateur(id).await?,
        None => None,
    };
    let utilisateur = utilisateur.ok_or_else(|| {
        ApiError::Refus(
            StatusCode::GONE,
            "Ce lien d'activation n'est pas valide, a déjà servi ou a expiré.".into(),
        )
    })?;
    Ok(CproJson(ActivationResponse {
        email: utilisateur.email,
        actif: true,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valide() -> CreationCompteRequest {
        CreationCompteRequest {
            email: "camille@exemple.test".into(),
            email_confirmation: "Camille@Exemple.test".into(),
            nom: "Martin".into(),
            prenom: "Camille".into(),
            telephone: "01 23 45 67 89".into(),
            email_contact: "compta@exemple.test".into(),
            mot_de_passe: "Un-mot-de-passe-2026".into(),
            question_secrete: "Nom du premier chat ?".into(),
            reponse_secrete: "Rex".into(),
            cgu_acceptees: true,
            defi_id: "x".into(),
            defi_reponse: "12".into(),
        }
    }

    fn champs(requete: &CreationCompteRequest) -> Vec<String> {
        valider_creation(requete)
            .into_iter()
            .map(|e| e.champ)
            .collect()
    }

    #[test]
    fn a_complete_form_has_no_error() {
        assert!(valider_creation(&valide()).is_empty());
    }

    #[test]
    fn an_empty_form_names_every_field() {
        assert_eq!(
            champs(&CreationCompteRequest::default()),
            [
                "email",
                "nom",
                "prenom",
                "telephone",
                "emailContact",
                "motDePasse",
                "questionSecrete",
                "reponseSecrete",
                "cguAcceptees"
            ]
        );
    }

    #[test]
    fn confirmation_must_match_and_password_must_not_contain_the_email() {
        let mut requete = valide();
        requete.email_confirmation = "camile@exemple.test".into();
        assert_eq!(champs(&requete), ["emailConfirmation"]);
        let mut requete = valide();
        requete.mot_de_passe = "X1camille@exemple.test".into();
        assert_eq!(champs(&requete), ["motDePasse"]);
    }
}
