//! Simulation of the public entity's side on the sandbox clock (`/portail/v1/simulation/...`):
//! automatic routing after deposit, scripted processing (suspend, recycle, reject, pay…), and a
//! clock that tests and demos can advance.

use axum::extract::State;
use chrono::{Duration, NaiveDateTime};
use cpro::codes::CadreFacturation;
use cpro::StatutFacture;
use serde::{Deserialize, Serialize};

use crate::chorus::compte::Compte;
use crate::chorus::factures::{CODE_FACTURE_INEXISTANTE, CODE_STATUT_INCOMPATIBLE};
use crate::db::DbError;
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// Which invoices an automatic step applies to, by their cadre de facturation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadres {
    /// Every invoice.
    Tous,
    /// A9 / A12: the validator (titulaire, mandataire) sees them first.
    AvecValideur,
    /// Works pieces: the maître d'œuvre sees them first.
    Travaux,
    /// The others: they go straight to the buyer.
    Autres,
}

impl Cadres {
    fn contient(self, cadre: &str) -> bool {
        let cadre = CadreFacturation::from_code(cadre);
        match self {
            Cadres::Tous => true,
            Cadres::AvecValideur => cadre.exige_valideur(),
            Cadres::Travaux => cadre.est_travaux(),
            Cadres::Autres => !cadre.exige_valideur() && !cadre.est_travaux(),
        }
    }
}

/// Fifteen days, in minutes: the validator's window (A9 / A12), after which the invoice is deemed accepted.
const QUINZE_JOURS: i64 = 15 * 24 * 60;

/// Automatic steps: (from, to, minutes after entering `from`, for which cadres). Routing takes a few
/// minutes on Chorus Pro; an A9 / A12 invoice waits on its validator, who has 15 days before it is
/// deemed accepted (ABSENCE_VALIDATION_…_HORS_DELAI) and goes on to the buyer; a works piece goes to
/// the maître d'œuvre; a completed invoice goes back to the recipient.
pub const ETAPES_AUTOMATIQUES: &[(&str, &str, i64, Cadres)] = &[
    ("DEPOSEE", "EN_COURS_ACHEMINEMENT", 5, Cadres::Tous),
    (
        "EN_COURS_ACHEMINEMENT",
        "A_VALIDER_1",
        5,
        Cadres::AvecValideur,
    ),
    (
        "EN_COURS_ACHEMINEMENT",
        "MISE_A_DISPOSITION_MOE",
        5,
        Cadres::Travaux,
    ),
    (
        "EN_COURS_ACHEMINEMENT",
        "MISE_A_DISPOSITION",
        5,
        Cadres::Autres,
    ),
    (
        "A_VALIDER_1",
        "ABSENCE_VALIDATION_1_HORS_DELAI",
        QUINZE_JOURS,
        Cadres::Tous,
    ),
    (
        "A_VALIDER_2",
        "ABSENCE_VALIDATION_2_HORS_DELAI",
        QUINZE_JOURS,
        Cadres::Tous,
    ),
    (
        "ABSENCE_VALIDATION_1_HORS_DELAI",
        "MISE_A_DISPOSITION",
        5,
        Cadres::Tous,
    ),
    (
        "ABSENCE_VALIDATION_2_HORS_DELAI",
        "MISE_A_DISPOSITION",
        5,
        Cadres::Tous,
    ),
    ("VALIDEE_1", "MISE_A_DISPOSITION", 5, Cadres::Tous),
    ("VALIDEE_2", "MISE_A_DISPOSITION", 5, Cadres::Tous),
    ("COMPLETEE", "MISE_A_DISPOSITION", 60, Cadres::Tous),
];

/// Statuses the simulated recipient may set (`traiter/recue` list plus SERVICE_FAIT, api-reference §4).
pub const STATUTS_DESTINATAIRE: &[&str] = &[
    "MISE_A_DISPOSITION",
    "PRISE_EN_COMPTE_DESTINATAIRE",
    "SERVICE_FAIT",
    "SUSPENDUE",
    "A_RECYCLER",
    "REJETEE",
    "MANDATEE",
    "MISE_A_DISPOSITION_COMPTABLE",
    "COMPTABILISEE",
    "MISE_EN_PAIEMENT",
    // The validator of an A9 / A12 invoice.
    "VALIDEE_1",
    "REFUSEE_1",
    "VALIDEE_2",
    "REFUSEE_2",
    // The maître d'œuvre of a works piece.
    "PRISE_EN_COMPTE_MOE",
    "REFUSEE_MOE",
];

/// Statuses that need a reason (Pastell, api-reference §4).
const STATUTS_AVEC_MOTIF: &[&str] = &[
    "SUSPENDUE",
    "A_RECYCLER",
    "REJETEE",
    "REFUSEE_1",
    "REFUSEE_2",
    "REFUSEE_MOE",
];

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// Applies every automatic step that is due on the sandbox clock, each dated when it fell due.
pub async fn traitements_automatiques(state: &AppState) -> Result<usize, DbError> {
    let maintenant = state.clock.maintenant().naive_utc();
    // Works pieces whose automatic sending fell due go first: their invoices then follow the steps below.
    let mut n_changements = super::travaux::transmettre_echues_en_tache(state).await?;
    loop {
        let mut change = false;
        for (depuis, vers, minutes, cadres) in ETAPES_AUTOMATIQUES {
            let limite = (maintenant - Duration::minutes(*minutes))
                .format(FORMAT)
                .to_string();
            for (id, date, cadre) in state.db.factures_en_statut_avant(depuis, &limite).await? {
                if !cadres.contient(&cadre) {
                    continue;
                }
                let quand = NaiveDateTime::parse_from_str(&date, FORMAT)
                    .map(|d| d + Duration::minutes(*minutes))
                    .unwrap_or(maintenant);
                state
                    .db
                    .changer_statut(id, vers, None, None, &quand.format(FORMAT).to_string())
                    .await?;
                n_changements += 1;
                change = true;
            }
        }
        if !change {
            return Ok(n_changements);
        }
    }
}

/// Body of `horloge/avancer`.
#[derive(Debug, Deserialize)]
pub struct AvancerRequest {
    /// Minutes to add (0 runs the due steps only).
    #[serde(default)]
    pub minutes: i64,
    /// Days to add.
    #[serde(default)]
    pub jours: i64,
}

/// The sandbox time.
#[derive(Debug, Serialize, Deserialize)]
pub struct Horloge {
    /// `YYYY-MM-DDTHH:MM:SS` (UTC).
    pub maintenant: String,
    /// Number of automatic status changes applied.
    #[serde(rename = "changements")]
    pub changements: usize,
}

/// `POST /portail/v1/simulation/horloge/avancer`.
pub async fn avancer(
    State(state): State<AppState>,
    _compte: Compte,
    CproJson(requete): CproJson<AvancerRequest>,
) -> Result<CproJson<Horloge>, ApiError> {
    // Bounded so that an input mistake cannot push the clock past what chrono represents.
    let minutes = requete
        .minutes
        .checked_add(requete.jours.saturating_mul(24 * 60));
    let minutes = minutes.filter(|m| (0..=10 * 366 * 24 * 60).contains(m));
    let minutes = minutes
        .ok_or_else(|| ApiError::RequeteInvalide("minutes/jours : entre 0 et 10 ans".into()))?;
    state.clock.avancer(Duration::minutes(minutes));
    let changements = traitements_automatiques(&state).await?;
    Ok(CproJson(Horloge {
        maintenant: state.clock.horodatage(),
        changements,
    }))
}

/// Body of `factures/traiter`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TraiterRequest {
    /// Invoice.
    #[serde(rename = "identifiantFactureCPP")]
    pub identifiant_facture_cpp: i64,
    /// New status (one of [`STATUTS_DESTINATAIRE`]).
    pub nouveau_statut: String,
    /// Reason, required for SUSPENDUE, A_RECYCLER and REJETEE.
    #[serde(default)]
    pub motif: Option<String>,
}

/// Answer of `factures/traiter`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TraiterResponse {
    /// 0.
    pub code_retour: i32,
    /// Message.
    pub libelle: String,
    /// The new status.
    pub statut_facture: String,
}

/// `POST /portail/v1/simulation/factures/traiter`: the recipient processes one of the caller's invoices.
pub async fn traiter(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<TraiterRequest>,
) -> Result<CproJson<TraiterResponse>, ApiError> {
    let facture = state
        .db
        .facture(requete.identifiant_facture_cpp)
        .await?
        .filter(|f| compte.peut_consulter(f.id_fournisseur))
        .ok_or_else(|| {
            ApiError::metier(
                CODE_FACTURE_INEXISTANTE,
                "La demande de paiement n'existe pas",
            )
        })?;
    let statut = requete.nouveau_statut.trim();
    if !STATUTS_DESTINATAIRE.contains(&statut) {
        return Err(ApiError::RequeteInvalide(format!(
            "nouveauStatut {statut} non simulé"
        )));
    }
    let motif = requete
        .motif
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty());
    if STATUTS_AVEC_MOTIF.contains(&statut) && motif.is_none() {
        return Err(ApiError::RequeteInvalide(format!(
            "Le statut {statut} exige un motif"
        )));
    }
    // A validator's or maître d'œuvre's answer only while the invoice waits on them.
    let attendus: &[&str] = match statut {
        "VALIDEE_1" | "REFUSEE_1" => &["A_VALIDER_1"],
        "VALIDEE_2" | "REFUSEE_2" => &["A_VALIDER_2"],
        "PRISE_EN_COMPTE_MOE" | "REFUSEE_MOE" => &[
            "MISE_A_DISPOSITION_MOE",
            "A_VALIDER_MOE",
            "PRISE_EN_COMPTE_MOE",
        ],
        _ => &[],
    };
    if !attendus.is_empty() && !attendus.contains(&facture.statut.as_str()) {
        return Err(ApiError::metier(
            CODE_STATUT_INCOMPATIBLE,
            format!(
                "{statut} : la facture n'attend pas cette réponse (statut {})",
                facture.statut
            ),
        ));
    }
    if StatutFacture::from_code(&facture.statut).est_terminal() {
        return Err(ApiError::metier(
            CODE_STATUT_INCOMPATIBLE,
            format!("La facture est au statut final {}", facture.statut),
        ));
    }
    state
        .db
        .changer_statut(facture.id, statut, motif, None, &state.clock.horodatage())
        .await?;
    Ok(CproJson(TraiterResponse {
        code_retour: 0,
        libelle: "OK".to_owned(),
        statut_facture: statut.to_owned(),
    }))
}
