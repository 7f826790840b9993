//! Requests to be attached to an existing structure: made by any signed-in user with a comment, notified
//! by e-mail to the structure's gestionnaires, accepted (with an habilitation) or refused (with a reason)
//! by one of them. Acceptance attaches the requester at once.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::outbox;
use super::structures::verifier_identifiant;
use crate::auth::Utilisateur;
use crate::db::{Decision, DemandeRow, DEMANDE_ACCEPTEE, DEMANDE_EN_ATTENTE, DEMANDE_REFUSEE};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Longest comment or reason.
pub const TEXTE_MAX: usize = 1000;
/// `nature` of the e-mail telling gestionnaires about a request.
pub const NATURE_DEMANDE: &str = "DEMANDE_RATTACHEMENT";
/// `nature` of the e-mail telling the requester about the decision.
pub const NATURE_DECISION: &str = "DECISION_RATTACHEMENT";
/// Habilitations a gestionnaire can grant.
pub const HABILITATIONS: &[&str] = &["CONSULTATION", "MODIFICATION"];

/// Body of `POST /portail/v1/rattachements`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DemandeRequest {
    /// Identifier type of the structure; SIRET when empty.
    pub type_identifiant: String,
    /// Identifier of the structure.
    pub identifiant: String,
    /// Why the requester should be attached (shown to the gestionnaires).
    pub commentaire: String,
}

/// A request as the portal shows it.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Demande {
    /// Id.
    pub id: i64,
    /// The structure.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// Its identifier type.
    pub type_identifiant: String,
    /// Its identifier.
    pub identifiant: String,
    /// Its name.
    pub raison_sociale: String,
    /// The requester.
    pub demandeur: Demandeur,
    /// The requester's comment.
    pub commentaire: String,
    /// `EN_ATTENTE`, `ACCEPTEE` or `REFUSEE`.
    pub statut: String,
    /// When it was made (UTC).
    pub cree_le: String,
    /// Granted habilitation (accepted).
    pub habilitation: Option<String>,
    /// The gestionnaire's reason.
    pub motif: Option<String>,
    /// When it was decided.
    pub traite_le: Option<String>,
}

/// Who asks.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Demandeur {
    /// Login e-mail.
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
}

impl From<DemandeRow> for Demande {
    fn from(row: DemandeRow) -> Self {
        Demande {
            id: row.id,
            id_structure_cpp: row.id_structure,
            type_identifiant: row.type_identifiant_structure,
            identifiant: row.identifiant_structure,
            raison_sociale: row.raison_sociale,
            demandeur: Demandeur {
                email: row.email_demandeur,
                nom: row.nom_demandeur,
                prenom: row.prenom_demandeur,
            },
            commentaire: row.commentaire,
            statut: row.statut,
            cree_le: row.cree_le,
            habilitation: row.habilitation,
            motif: row.motif,
            traite_le: row.traite_le,
        }
    }
}

/// A list of requests.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct DemandesResponse {
    /// The requests.
    pub demandes: Vec<Demande>,
}

fn trop_long(champ: &str, texte: &str) -> Option<ErreurChamp> {
    (texte.chars().count() > TEXTE_MAX).then(|| {
        ErreurChamp::new(
            champ,
            format!("{TEXTE_MAX} caractères au plus."),
            format!("At most {TEXTE_MAX} characters."),
        )
    })
}

/// The structure a request names: 422 on a malformed identifier, 404 when no structure has it.
async fn structure_demandee(state: &AppState, requete: &DemandeRequest) -> Result<i64, ApiError> {
    let type_identifiant = match requete.type_identifiant.trim() {
        "" => "SIRET".to_owned(),
        autre => autre.to_uppercase(),
    };
    let verifie = verifier_identifiant(&type_identifiant, &requete.identifiant, "")
        .map_err(|e| ApiError::Champs(vec![e]))?;
    let introuvable = || {
        ApiError::Refus(
            StatusCode::NOT_FOUND,
            "Aucune structure n'a cet identifiant : vous pouvez la créer (POST /portail/v1/structures).".into(),
        )
    };
    let identifiant = verifie.identifiant.ok_or_else(introuvable)?;
    state
        .db
        .id_structure_par_identifiant(&type_identifiant, &identifiant)
        .await?
        .ok_or_else(introuvable)
}

/// `POST /portail/v1/rattachements` (signed in): a pending request, e-mailed to the structure's
/// gestionnaires. 201; 404 unknown structure; 409 already attached or already asked; 422 fields.
pub async fn demander(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    CproJson(requete): CproJson<DemandeRequest>,
) -> Result<(StatusCode, CproJson<Demande>), ApiError> {
    if let Some(erreur) = trop_long("commentaire", &requete.commentaire) {
        return Err(ApiError::Champs(vec![erreur]));
    }
    let id_structure = structure_demandee(&state, &requete).await?;
    if state
        .db
        .role_sur_structure(utilisateur.id, id_structure)
        .await?
        .is_some()
    {
        return Err(ApiError::Refus(
            StatusCode::CONFLICT,
            "Vous êtes déjà rattaché(e) à cette structure.".into(),
        ));
    }
    if state
        .db
        .demande_en_attente_existe(utilisateur.id, id_structure)
        .await?
    {
        return Err(ApiError::Refus(
            StatusCode::CONFLICT,
            "Une demande de rattachement à cette structure attend déjà la décision d'un gestionnaire.".into(),
        ));
    }
    let id = state
        .db
        .creer_demande_rattachement(
            utilisateur.id,
            id_structure,
            requete.commentaire.trim(),
            &state.clock.horodatage_reel(),
        )
        .await?;
    let demande = charger(&state, id).await?;
    notifier_gestionnaires(&state, &demande).await?;
    Ok((StatusCode::CREATED, CproJson(Demande::from(demande))))
}

fn inconnue() -> ApiError {
    ApiError::Refus(
        StatusCode::NOT_FOUND,
        "Demande de rattachement inconnue.".into(),
    )
}

async fn charger(state: &AppState, id: i64) -> Result<DemandeRow, ApiError> {
    state
        .db
        .demande_rattachement(id)
        .await?
        .ok_or_else(inconnue)
}

async fn notifier_gestionnaires(state: &AppState, demande: &DemandeRow) -> Result<(), ApiError> {
    let commentaire = if demande.commentaire.is_empty() {
        "(aucun commentaire)".to_owned()
    } else {
        demande.commentaire.clone()
    };
    for (email, prenom) in state.db.gestionnaires(demande.id_structure).await? {
        let corps = format!(
            "Bonjour {prenom},\n\n{} {} ({}) demande à être rattaché(e) à la structure {} ({}).\n\
             Commentaire : {commentaire}\n\nAcceptez ou refusez la demande dans Passerelle, \
             Activités du gestionnaire.\n",
            demande.prenom_demandeur,
            demande.nom_demandeur,
            demande.email_demandeur,
            demande.raison_sociale,
            demande.identifiant_structure,
        );
        outbox::notifier(
            state,
            &email,
            "Nouvelle demande de rattachement",
            corps,
            NATURE_DEMANDE,
        )
        .await?;
    }
    Ok(())
}

/// `GET /portail/v1/rattachements/a-traiter` (signed in): the pending requests on the structures the
/// caller manages, oldest first (empty for a user who manages none).
pub async fn a_traiter(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
) -> Result<CproJson<DemandesResponse>, ApiError> {
    let demandes = state.db.demandes_a_traiter(utilisateur.id).await?;
    Ok(CproJson(DemandesResponse {
        demandes: demandes.into_iter().map(Demande::from).collect(),
    }))
}

/// `GET /portail/v1/compte/demandes` (signed in): the caller's own requests with their status, newest first.
pub async fn mes_demandes(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
) -> Result<CproJson<DemandesResponse>, ApiError> {
    let demandes = state.db.demandes_de(utilisateur.id).await?;
    Ok(CproJson(DemandesResponse {
        demandes: demandes.into_iter().map(Demande::from).collect(),
    }))
}

/// Body of `POST /portail/v1/rattachements/{id}/decision`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DecisionRequest {
    /// True to accept, false to refuse.
    pub accepter: bool,
    /// Granted habilitation (required to accept): CONSULTATION or MODIFICATION.
    pub habilitation: String,
    /// Reason (required to refuse).
    pub motif: String,
}

/// The decision a request body asks for, checked (pure): 422 per field.
pub fn decision_demandee(
    requete: &DecisionRequest,
    id_decideur: i64,
    traite_le: String,
) -> Result<Decision, ApiError> {
    let motif = requete.motif.trim();
    let mut erreurs: Vec<ErreurChamp> = trop_long("motif", motif).into_iter().collect();
    let habilitation = requete.habilitation.trim().to_uppercase();
    if requete.accepter && !HABILITATIONS.contains(&habilitation.as_str()) {
        erreurs.push(ErreurChamp::new(
            "habilitation",
            "Choisissez l'habilitation accordée : CONSULTATION ou MODIFICATION.",
            "Choose the habilitation granted: CONSULTATION or MODIFICATION.",
        ));
    }
    if !requete.accepter && motif.is_empty() {
        erreurs.push(ErreurChamp::new(
            "motif",
            "Indiquez le motif du refus : il est envoyé au demandeur.",
            "Give the reason for the refusal: it is sent to the requester.",
        ));
    }
    if !erreurs.is_empty() {
        return Err(ApiError::Champs(erreurs));
    }
    Ok(Decision {
        statut: if requete.accepter {
            DEMANDE_ACCEPTEE
        } else {
            DEMANDE_REFUSEE
        },
        habilitation: requete.accepter.then_some(habilitation),
        motif: (!motif.is_empty()).then(|| motif.to_owned()),
        id_decideur,
        traite_le,
    })
}

/// `POST /portail/v1/rattachements/{id}/decision` (signed in): a gestionnaire of the request's structure
/// accepts (the requester is attached with the habilitation) or refuses (with a reason); the requester is
/// told by e-mail. 403 for anyone else, 404 unknown request, 409 already decided.
pub async fn decider(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path(id): Path<String>,
    CproJson(requete): CproJson<DecisionRequest>,
) -> Result<CproJson<Demande>, ApiError> {
    let id: i64 = id.parse().map_err(|_| inconnue())?;
    let demande = charger(&state, id).await?;
    let role = state
        .db
        .role_sur_structure(utilisateur.id, demande.id_structure)
        .await?;
    if !role.is_some_and(|role| role.starts_with("GESTIONNAIRE")) {
        return Err(ApiError::Interdit(
            "Seul un gestionnaire de la structure peut traiter cette demande.".into(),
        ));
    }
    let deja_traitee = || {
        ApiError::Refus(
            StatusCode::CONFLICT,
            "Cette demande a déjà été traitée.".into(),
        )
    };
    if demande.statut != DEMANDE_EN_ATTENTE {
        return Err(deja_traitee());
    }
    let decision = decision_demandee(&requete, utilisateur.id, state.clock.horodatage_reel())?;
    if !state.db.decider_demande(&demande, &decision).await? {
        return Err(deja_traitee());
    }
    let demande = charger(&state, id).await?;
    informer_demandeur(&state, &demande).await?;
    Ok(CproJson(Demande::from(demande)))
}

async fn informer_demandeur(state: &AppState, demande: &DemandeRow) -> Result<(), ApiError> {
    let issue = match (&demande.habilitation, demande.statut.as_str()) {
        (Some(habilitation), DEMANDE_ACCEPTEE) => {
            format!("a été acceptée, avec l'habilitation {habilitation}")
        }
        _ => "a été refusée".to_owned(),
    };
    let motif = demande
        .motif
        .as_deref()
        .map(|m| format!("\nMotif : {m}"))
        .unwrap_or_default();
    let corps = format!(
        "Bonjour {},\n\nVotre demande de rattachement à la structure {} ({}) {issue}.{motif}\n",
        demande.prenom_demandeur, demande.raison_sociale, demande.identifiant_structure,
    );
    outbox::notifier(
        state,
        &demande.email_demandeur,
        "Votre demande de rattachement",
        corps,
        NATURE_DECISION,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(accepter: bool, habilitation: &str, motif: &str) -> Result<Decision, Vec<String>> {
        let requete = DecisionRequest {
            accepter,
            habilitation: habilitation.into(),
            motif: motif.into(),
        };
        decision_demandee(&requete, 1, "2026-12-04T00:00:00".into()).map_err(|e| match e {
            ApiError::Champs(erreurs) => erreurs.into_iter().map(|e| e.champ).collect(),
            autre => vec![autre.to_string()],
        })
    }

    #[test]
    fn acceptance_needs_a_known_habilitation() {
        let ok = decision(true, "consultation", "");
        assert_eq!(
            ok.map(|d| (d.statut, d.habilitation)),
            Ok((DEMANDE_ACCEPTEE, Some("CONSULTATION".to_owned())))
        );
        assert_eq!(
            decision(true, "", "").err(),
            Some(vec!["habilitation".to_owned()])
        );
        assert_eq!(
            decision(true, "ADMIN", "").err(),
            Some(vec!["habilitation".to_owned()])
        );
    }

    #[test]
    fn refusal_needs_a_reason_and_grants_nothing() {
        assert_eq!(
            decision(false, "", " ").err(),
            Some(vec!["motif".to_owned()])
        );
        let refus = decision(false, "MODIFICATION", "Inconnu du service");
        assert_eq!(
            refus.map(|d| (d.statut, d.habilitation, d.motif)),
            Ok((DEMANDE_REFUSEE, None, Some("Inconnu du service".to_owned())))
        );
    }
}
