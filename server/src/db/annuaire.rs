//! Directory queries: structures and their services.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::{Db, DbError};

/// A structure of the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructureRow {
    /// `idStructureCPP`.
    pub id: i64,
    /// SIRET or other identifier.
    pub identifiant: String,
    /// `typeIdentifiantStructure` code.
    pub type_identifiant: String,
    /// Company name.
    pub raison_sociale: String,
    /// `PUBLIQUE` or `PRIVEE`.
    pub type_structure: String,
    /// Active in the directory.
    pub actif: bool,
    /// `codeServiceDoitEtreRenseigne`.
    pub code_service_doit_etre_renseigne: bool,
    /// `numeroEJDoitEtreRenseigne`.
    pub numero_ej_doit_etre_renseigne: bool,
    /// `gestionNumeroEJOuCodeService`.
    pub gestion_numero_ej_ou_code_service: bool,
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
    /// VAT number.
    pub numero_tva: String,
}

/// A service of a structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRow {
    /// `idService`.
    pub id: i64,
    /// Owning structure.
    pub id_structure: i64,
    /// `codeService`.
    pub code: String,
    /// `libelleService`.
    pub libelle: String,
    /// `estActif`.
    pub actif: bool,
    /// `parametres.numeroEngagement`: engagement number required with this service.
    pub numero_engagement_requis: bool,
    /// Start of validity (`YYYY-MM-DD HH:MM`).
    pub date_debut: String,
    /// End of validity.
    pub date_fin: String,
}

/// Search criteria of `structures/v1/rechercher`.
#[derive(Debug, Clone, Default)]
pub struct CriteresStructure {
    /// Exact identifier.
    pub identifiant: Option<String>,
    /// Identifier type code.
    pub type_identifiant: Option<String>,
    /// Part of the name, case-insensitive.
    pub raison_sociale: Option<String>,
    /// `PUBLIQUE` / `PRIVEE`.
    pub type_structure: Option<String>,
    /// Active or not.
    pub actif: Option<bool>,
    /// Postcode.
    pub code_postal: Option<String>,
    /// Town, case-insensitive.
    pub ville: Option<String>,
    /// When set, private structures are limited to those this user is attached to.
    pub privees_de_utilisateur: Option<i64>,
}

const COLONNES_STRUCTURE: &str = "id_structure_cpp, identifiant, type_identifiant, raison_sociale, type_structure, actif, \
    code_service_doit_etre_renseigne, numero_ej_doit_etre_renseigne, gestion_numero_ej_ou_code_service, \
    adresse, code_postal, ville, code_pays, email, numero_tva";

const COLONNES_SERVICE: &str =
    "id_service, id_structure, code_service, libelle, actif, numero_engagement_requis, date_debut, date_fin";

fn structure_from_row(row: &SqliteRow) -> Result<StructureRow, sqlx::Error> {
    Ok(StructureRow {
        id: row.try_get("id_structure_cpp")?,
        identifiant: row.try_get("identifiant")?,
        type_identifiant: row.try_get("type_identifiant")?,
        raison_sociale: row.try_get("raison_sociale")?,
        type_structure: row.try_get("type_structure")?,
        actif: row.try_get("actif")?,
        code_service_doit_etre_renseigne: row.try_get("code_service_doit_etre_renseigne")?,
        numero_ej_doit_etre_renseigne: row.try_get("numero_ej_doit_etre_renseigne")?,
        gestion_numero_ej_ou_code_service: row.try_get("gestion_numero_ej_ou_code_service")?,
        adresse: row.try_get("adresse")?,
        code_postal: row.try_get("code_postal")?,
        ville: row.try_get("ville")?,
        code_pays: row.try_get("code_pays")?,
        email: row.try_get("email")?,
        numero_tva: row.try_get("numero_tva")?,
    })
}

fn service_from_row(row: &SqliteRow) -> Result<ServiceRow, sqlx::Error> {
    Ok(ServiceRow {
        id: row.try_get("id_service")?,
        id_structure: row.try_get("id_structure")?,
        code: row.try_get("code_service")?,
        libelle: row.try_get("libelle")?,
        actif: row.try_get("actif")?,
        numero_engagement_requis: row.try_get("numero_engagement_requis")?,
        date_debut: row.try_get("date_debut")?,
        date_fin: row.try_get("date_fin")?,
    })
}

fn collect<T>(
    rows: &[SqliteRow],
    f: fn(&SqliteRow) -> Result<T, sqlx::Error>,
) -> Result<Vec<T>, DbError> {
    rows.iter()
        .map(f)
        .collect::<Result<Vec<T>, sqlx::Error>>()
        .map_err(DbError::from)
}

impl Db {
    /// Structures matching the criteria, one page, with the total count.
    pub async fn rechercher_structures(
        &self,
        criteres: &CriteresStructure,
        page: i64,
        par_page: i64,
    ) -> Result<(Vec<StructureRow>, i64), DbError> {
        // Fixed SQL with "parameter IS NULL OR ..." for each criterion: one prepared statement, no string building.
        let filtre = "FROM structures WHERE ($1 IS NULL OR identifiant = $1) \
            AND ($2 IS NULL OR type_identifiant = $2) \
            AND ($3 IS NULL OR LOWER(raison_sociale) LIKE $3) \
            AND ($4 IS NULL OR type_structure = $4) \
            AND ($5 IS NULL OR actif = $5) \
            AND ($6 IS NULL OR code_postal = $6) \
            AND ($7 IS NULL OR LOWER(ville) = $7) \
            AND (type_structure = 'PUBLIQUE' OR $8 IS NULL \
                 OR id_structure_cpp IN (SELECT id_structure FROM rattachements WHERE id_utilisateur = $8))";
        let like = criteres
            .raison_sociale
            .as_ref()
            .map(|r| format!("%{}%", r.to_lowercase()));
        let ville = criteres.ville.as_ref().map(|v| v.to_lowercase());
        macro_rules! lier {
            ($query:expr) => {
                $query
                    .bind(&criteres.identifiant)
                    .bind(&criteres.type_identifiant)
                    .bind(&like)
                    .bind(&criteres.type_structure)
                    .bind(criteres.actif)
                    .bind(&criteres.code_postal)
                    .bind(&ville)
                    .bind(criteres.privees_de_utilisateur)
            };
        }
        let total: i64 = lier!(sqlx::query_scalar(&format!("SELECT COUNT(*) {filtre}")))
            .fetch_one(&self.pool)
            .await?;
        let rows = lier!(sqlx::query(&format!(
            "SELECT {COLONNES_STRUCTURE} {filtre} ORDER BY identifiant LIMIT $9 OFFSET $10"
        )))
        .bind(par_page)
        .bind((page - 1).saturating_mul(par_page))
        .fetch_all(&self.pool)
        .await?;
        Ok((collect(&rows, structure_from_row)?, total))
    }

    /// The structure with this `idStructureCPP`.
    pub async fn structure(&self, id: i64) -> Result<Option<StructureRow>, DbError> {
        let row = sqlx::query(&format!(
            "SELECT {COLONNES_STRUCTURE} FROM structures WHERE id_structure_cpp = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(structure_from_row).transpose()?)
    }

    /// The structure with this identifier (SIRET…).
    pub async fn structure_par_identifiant(
        &self,
        identifiant: &str,
    ) -> Result<Option<StructureRow>, DbError> {
        let row = sqlx::query(&format!(
            "SELECT {COLONNES_STRUCTURE} FROM structures WHERE identifiant = $1"
        ))
        .bind(identifiant.trim())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(structure_from_row).transpose()?)
    }

    /// Services of a structure, one page, with the total count.
    pub async fn services(
        &self,
        id_structure: i64,
        page: i64,
        par_page: i64,
    ) -> Result<(Vec<ServiceRow>, i64), DbError> {
        let total: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM services WHERE id_structure = $1")
                .bind(id_structure)
                .fetch_one(&self.pool)
                .await?;
        let rows = sqlx::query(&format!(
            "SELECT {COLONNES_SERVICE} FROM services WHERE id_structure = $1 ORDER BY code_service LIMIT $2 OFFSET $3"
        ))
        .bind(id_structure)
        .bind(par_page)
        .bind((page - 1).saturating_mul(par_page))
        .fetch_all(&self.pool)
        .await?;
        Ok((collect(&rows, service_from_row)?, total))
    }

    /// A service by id.
    pub async fn service(&self, id_service: i64) -> Result<Option<ServiceRow>, DbError> {
        let row = sqlx::query(&format!(
            "SELECT {COLONNES_SERVICE} FROM services WHERE id_service = $1"
        ))
        .bind(id_service)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(service_from_row).transpose()?)
    }

    /// A service of a structure by its code.
    pub async fn service_par_code(
        &self,
        id_structure: i64,
        code: &str,
    ) -> Result<Option<ServiceRow>, DbError> {
        let row = sqlx::query(&format!(
            "SELECT {COLONNES_SERVICE} FROM services WHERE id_structure = $1 AND code_service = $2"
        ))
        .bind(id_structure)
        .bind(code.trim())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(service_from_row).transpose()?)
    }
}
