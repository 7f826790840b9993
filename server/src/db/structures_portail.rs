//! Structures created on the portal: the company register that pre-fills them, their creation with the
//! creator as gestionnaire principal, and the roles of users on structures.

use sqlx::Row;

use super::{Db, DbError};

/// First `idStructureCPP` of structures created on the portal.
const DEPART_STRUCTURES: i64 = 26_100_000;
/// Role of the user who created a structure.
pub const ROLE_GESTIONNAIRE_PRINCIPAL: &str = "GESTIONNAIRE_PRINCIPAL";
/// Role of a user attached by a gestionnaire's decision.
pub const ROLE_UTILISATEUR: &str = "UTILISATEUR";

/// A company of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrepriseRow {
    /// SIRET (14 digits).
    pub siret: String,
    /// Company name.
    pub raison_sociale: String,
    /// Street address.
    pub adresse: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
}

/// A private structure to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleStructure {
    /// `typeIdentifiantStructure` (SIRET, UE_HORS_FRANCE, HORS_UE, RIDET, TAHITI, PARTICULIER, AUTRE).
    pub type_identifiant: String,
    /// Normalised identifier; `None` lets the server number it (PARTICULIER).
    pub identifiant: Option<String>,
    /// Company or person name.
    pub raison_sociale: String,
    /// Street address.
    pub adresse: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
    /// ISO country code.
    pub code_pays: String,
    /// Contact e-mail.
    pub email: String,
    /// VAT number, empty when none.
    pub numero_tva: String,
}

impl Db {
    /// Adds a company to the register unless its SIRET is there (idempotent seed).
    pub async fn ajouter_entreprise(&self, entreprise: &EntrepriseRow) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO registre_entreprises (siret, raison_sociale, adresse, code_postal, ville) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (siret) DO NOTHING",
        )
        .bind(&entreprise.siret)
        .bind(&entreprise.raison_sociale)
        .bind(&entreprise.adresse)
        .bind(&entreprise.code_postal)
        .bind(&entreprise.ville)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The register's company with this SIRET.
    pub async fn entreprise(&self, siret: &str) -> Result<Option<EntrepriseRow>, DbError> {
        let row = sqlx::query(
            "SELECT siret, raison_sociale, adresse, code_postal, ville FROM registre_entreprises WHERE siret = $1",
        )
        .bind(siret)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            Ok(EntrepriseRow {
                siret: row.try_get("siret")?,
                raison_sociale: row.try_get("raison_sociale")?,
                adresse: row.try_get("adresse")?,
                code_postal: row.try_get("code_postal")?,
                ville: row.try_get("ville")?,
            })
        })
        .transpose()
        .map_err(|e: sqlx::Error| DbError::from(e))
    }

    /// The `idStructureCPP` of the structure with this identifier, if any.
    pub async fn id_structure_par_identifiant(
        &self,
        type_identifiant: &str,
        identifiant: &str,
    ) -> Result<Option<i64>, DbError> {
        Ok(sqlx::query_scalar(
            "SELECT id_structure_cpp FROM structures WHERE type_identifiant = $1 AND identifiant = $2",
        )
        .bind(type_identifiant)
        .bind(identifiant)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Creates an active private structure and attaches its creator as gestionnaire principal with
    /// MODIFICATION, in one transaction. `None` when a structure has this identifier already.
    pub async fn creer_structure_privee(
        &self,
        structure: &NouvelleStructure,
        id_createur: i64,
    ) -> Result<Option<(i64, String)>, DbError> {
        let id = self.prochain_id("structures", DEPART_STRUCTURES).await?;
        let identifiant = structure
            .identifiant
            .clone()
            .unwrap_or_else(|| format!("P{id}"));
        let mut tx = self.pool().begin().await?;
        let insertion = sqlx::query(
            "INSERT INTO structures (id_structure_cpp, identifiant, type_identifiant, raison_sociale, type_structure, \
             actif, adresse, code_postal, ville, code_pays, email, numero_tva) \
             VALUES ($1, $2, $3, $4, 'PRIVEE', TRUE, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id)
        .bind(&identifiant)
        .bind(&structure.type_identifiant)
        .bind(&structure.raison_sociale)
        .bind(&structure.adresse)
        .bind(&structure.code_postal)
        .bind(&structure.ville)
        .bind(&structure.code_pays)
        .bind(&structure.email)
        .bind(&structure.numero_tva)
        .execute(&mut *tx)
        .await;
        match insertion {
            Ok(_) => {}
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(None),
            Err(e) => return Err(e.into()),
        }
        sqlx::query(
            "INSERT INTO rattachements (id_utilisateur, id_structure, role, habilitation) \
             VALUES ($1, $2, $3, 'MODIFICATION')",
        )
        .bind(id_createur)
        .bind(id)
        .bind(ROLE_GESTIONNAIRE_PRINCIPAL)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some((id, identifiant)))
    }

    /// The role of a user on a structure (`GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE`, `UTILISATEUR`), if attached.
    pub async fn role_sur_structure(
        &self,
        id_utilisateur: i64,
        id_structure: i64,
    ) -> Result<Option<String>, DbError> {
        Ok(sqlx::query_scalar(
            "SELECT role FROM rattachements WHERE id_utilisateur = $1 AND id_structure = $2",
        )
        .bind(id_utilisateur)
        .bind(id_structure)
        .fetch_optional(self.pool())
        .await?)
    }

    /// The user's attachments with their role: (structure, role, habilitation), by structure id.
    pub async fn rattachements_avec_role(
        &self,
        id_utilisateur: i64,
    ) -> Result<Vec<(i64, String, String)>, DbError> {
        let rows = sqlx::query(
            "SELECT id_structure, role, habilitation FROM rattachements WHERE id_utilisateur = $1 ORDER BY id_structure",
        )
        .bind(id_utilisateur)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("id_structure")?,
                    row.try_get("role")?,
                    row.try_get("habilitation")?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// Login e-mail and given name of the gestionnaires of a structure (roles `GESTIONNAIRE%`).
    pub async fn gestionnaires(&self, id_structure: i64) -> Result<Vec<(String, String)>, DbError> {
        let rows = sqlx::query(
            "SELECT u.email, u.prenom FROM rattachements r JOIN utilisateurs u ON u.id = r.id_utilisateur \
             WHERE r.id_structure = $1 AND r.role LIKE 'GESTIONNAIRE%' ORDER BY u.id",
        )
        .bind(id_structure)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("email")?, row.try_get("prenom")?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }
}
