//! Requests to be attached to a structure, and a gestionnaire's decision on them.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::{Db, DbError};

/// First id of the requests.
const DEPART_DEMANDES: i64 = 0;
/// `statut` of a request waiting for a gestionnaire.
pub const DEMANDE_EN_ATTENTE: &str = "EN_ATTENTE";
/// `statut` of an accepted request.
pub const DEMANDE_ACCEPTEE: &str = "ACCEPTEE";
/// `statut` of a refused request.
pub const DEMANDE_REFUSEE: &str = "REFUSEE";

/// A request with what the lists show of its structure and requester.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemandeRow {
    /// Id.
    pub id: i64,
    /// Requester.
    pub id_utilisateur: i64,
    /// Requester's login e-mail.
    pub email_demandeur: String,
    /// Requester's family name.
    pub nom_demandeur: String,
    /// Requester's given name.
    pub prenom_demandeur: String,
    /// The structure.
    pub id_structure: i64,
    /// Its identifier.
    pub identifiant_structure: String,
    /// Its identifier type.
    pub type_identifiant_structure: String,
    /// Its name.
    pub raison_sociale: String,
    /// The requester's comment.
    pub commentaire: String,
    /// `EN_ATTENTE`, `ACCEPTEE` or `REFUSEE`.
    pub statut: String,
    /// When it was made.
    pub cree_le: String,
    /// Granted habilitation (accepted requests).
    pub habilitation: Option<String>,
    /// The gestionnaire's reason.
    pub motif: Option<String>,
    /// When it was decided.
    pub traite_le: Option<String>,
}

/// A gestionnaire's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// `ACCEPTEE` or `REFUSEE`.
    pub statut: &'static str,
    /// Habilitation granted on acceptance.
    pub habilitation: Option<String>,
    /// Reason (required on refusal).
    pub motif: Option<String>,
    /// The deciding gestionnaire.
    pub id_decideur: i64,
    /// When.
    pub traite_le: String,
}

const SELECT_DEMANDE: &str = "SELECT d.id, d.id_utilisateur, u.email, u.nom, u.prenom, d.id_structure, \
    s.identifiant, s.type_identifiant, s.raison_sociale, d.commentaire, d.statut, d.cree_le, d.habilitation, \
    d.motif, d.traite_le \
    FROM demandes_rattachement d JOIN utilisateurs u ON u.id = d.id_utilisateur \
    JOIN structures s ON s.id_structure_cpp = d.id_structure";

fn demande_from_row(row: &SqliteRow) -> Result<DemandeRow, sqlx::Error> {
    Ok(DemandeRow {
        id: row.try_get("id")?,
        id_utilisateur: row.try_get("id_utilisateur")?,
        email_demandeur: row.try_get("email")?,
        nom_demandeur: row.try_get("nom")?,
        prenom_demandeur: row.try_get("prenom")?,
        id_structure: row.try_get("id_structure")?,
        identifiant_structure: row.try_get("identifiant")?,
        type_identifiant_structure: row.try_get("type_identifiant")?,
        raison_sociale: row.try_get("raison_sociale")?,
        commentaire: row.try_get("commentaire")?,
        statut: row.try_get("statut")?,
        cree_le: row.try_get("cree_le")?,
        habilitation: row.try_get("habilitation")?,
        motif: row.try_get("motif")?,
        traite_le: row.try_get("traite_le")?,
    })
}

fn demandes_from_rows(rows: &[SqliteRow]) -> Result<Vec<DemandeRow>, DbError> {
    rows.iter()
        .map(demande_from_row)
        .collect::<Result<_, sqlx::Error>>()
        .map_err(DbError::from)
}

impl Db {
    /// Records a pending request; returns its id.
    pub async fn creer_demande_rattachement(
        &self,
        id_utilisateur: i64,
        id_structure: i64,
        commentaire: &str,
        cree_le: &str,
    ) -> Result<i64, DbError> {
        let id = self
            .prochain_id("demandes_rattachement", DEPART_DEMANDES)
            .await?;
        sqlx::query(
            "INSERT INTO demandes_rattachement (id, id_utilisateur, id_structure, commentaire, statut, cree_le) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(id_utilisateur)
        .bind(id_structure)
        .bind(commentaire)
        .bind(DEMANDE_EN_ATTENTE)
        .bind(cree_le)
        .execute(self.pool())
        .await?;
        Ok(id)
    }

    /// True when the user has a pending request on this structure.
    pub async fn demande_en_attente_existe(
        &self,
        id_utilisateur: i64,
        id_structure: i64,
    ) -> Result<bool, DbError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM demandes_rattachement WHERE id_utilisateur = $1 AND id_structure = $2 AND statut = $3",
        )
        .bind(id_utilisateur)
        .bind(id_structure)
        .bind(DEMANDE_EN_ATTENTE)
        .fetch_one(self.pool())
        .await?;
        Ok(n > 0)
    }

    /// One request.
    pub async fn demande_rattachement(&self, id: i64) -> Result<Option<DemandeRow>, DbError> {
        let row = sqlx::query(&format!("{SELECT_DEMANDE} WHERE d.id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|row| demande_from_row(&row)).transpose()?)
    }

    /// Pending requests on the structures this user manages (role `GESTIONNAIRE%`), oldest first.
    pub async fn demandes_a_traiter(
        &self,
        id_gestionnaire: i64,
    ) -> Result<Vec<DemandeRow>, DbError> {
        let rows = sqlx::query(&format!(
            "{SELECT_DEMANDE} WHERE d.statut = $1 AND d.id_structure IN \
             (SELECT id_structure FROM rattachements WHERE id_utilisateur = $2 AND role LIKE 'GESTIONNAIRE%') \
             ORDER BY d.id"
        ))
        .bind(DEMANDE_EN_ATTENTE)
        .bind(id_gestionnaire)
        .fetch_all(self.pool())
        .await?;
        demandes_from_rows(&rows)
    }

    /// The user's own requests, newest first.
    pub async fn demandes_de(&self, id_utilisateur: i64) -> Result<Vec<DemandeRow>, DbError> {
        let rows = sqlx::query(&format!(
            "{SELECT_DEMANDE} WHERE d.id_utilisateur = $1 ORDER BY d.id DESC"
        ))
        .bind(id_utilisateur)
        .fetch_all(self.pool())
        .await?;
        demandes_from_rows(&rows)
    }

    /// Applies a decision to a pending request and, on acceptance, attaches the requester with the granted
    /// habilitation, and tells the requester in the event feed, in one transaction. False when the request was
    /// no longer pending.
    pub async fn decider_demande(
        &self,
        demande: &DemandeRow,
        decision: &Decision,
    ) -> Result<bool, DbError> {
        let mut tx = self.pool().begin().await?;
        let mise_a_jour = sqlx::query(
            "UPDATE demandes_rattachement SET statut = $2, habilitation = $3, motif = $4, traite_le = $5, \
             id_decideur = $6 WHERE id = $1 AND statut = $7",
        )
        .bind(demande.id)
        .bind(decision.statut)
        .bind(&decision.habilitation)
        .bind(&decision.motif)
        .bind(&decision.traite_le)
        .bind(decision.id_decideur)
        .bind(DEMANDE_EN_ATTENTE)
        .execute(&mut *tx)
        .await?;
        if mise_a_jour.rows_affected() != 1 {
            return Ok(false);
        }
        if let (DEMANDE_ACCEPTEE, Some(habilitation)) = (decision.statut, &decision.habilitation) {
            sqlx::query(
                "INSERT INTO rattachements (id_utilisateur, id_structure, role, habilitation) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (id_utilisateur, id_structure) DO NOTHING",
            )
            .bind(demande.id_utilisateur)
            .bind(demande.id_structure)
            .bind(super::structures_portail::ROLE_UTILISATEUR)
            .bind(habilitation)
            .execute(&mut *tx)
            .await?;
        }
        let acceptee = decision.statut == DEMANDE_ACCEPTEE;
        super::evenements::inserer_evenement(
            &mut tx,
            &super::evenements::NouvelEvenement {
                type_evenement: super::evenements::TYPE_RATTACHEMENT,
                horodatage: &decision.traite_le,
                id_utilisateur: Some(demande.id_utilisateur),
                id_structure: Some(demande.id_structure),
                espace: None,
                id_objet: demande.id,
                numero: None,
                statut: Some(decision.statut),
                libelle: &super::evenements::libelle_rattachement(
                    &demande.raison_sociale,
                    acceptee,
                    decision.habilitation.as_deref(),
                    decision.motif.as_deref(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
