//! Bank account queries (`recuperer/coordbanc/valides`, the `soumettre` check of
//! `codeCoordonneesBancairesFournisseur`).

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::{Db, DbError};

/// A bank account of a structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoordonneeBancaireRow {
    /// `idCoordonneeBancaire`.
    pub id: i64,
    /// Owning structure (`idStructureCPP`).
    pub id_structure: i64,
    /// `nomCoordonneeBancaire`: the account's label.
    pub nom: String,
    /// IBAN, without spaces.
    pub iban: String,
    /// BIC.
    pub bic: String,
    /// Usable for new invoices.
    pub valide: bool,
}

fn coordonnee_from_row(row: &SqliteRow) -> Result<CoordonneeBancaireRow, sqlx::Error> {
    Ok(CoordonneeBancaireRow {
        id: row.try_get("id")?,
        id_structure: row.try_get("id_structure")?,
        nom: row.try_get("nom")?,
        iban: row.try_get("iban")?,
        bic: row.try_get("bic")?,
        valide: row.try_get("valide")?,
    })
}

impl Db {
    /// The valid bank accounts of a structure, by id.
    pub async fn coordonnees_bancaires_valides(
        &self,
        id_structure: i64,
    ) -> Result<Vec<CoordonneeBancaireRow>, DbError> {
        let rows = sqlx::query(
            "SELECT id, id_structure, nom, iban, bic, valide FROM coordonnees_bancaires \
             WHERE id_structure = $1 AND valide = TRUE ORDER BY id",
        )
        .bind(id_structure)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(coordonnee_from_row)
            .collect::<Result<_, _>>()?)
    }

    /// A bank account by id, valid or not.
    pub async fn coordonnee_bancaire(
        &self,
        id: i64,
    ) -> Result<Option<CoordonneeBancaireRow>, DbError> {
        let row = sqlx::query(
            "SELECT id, id_structure, nom, iban, bic, valide FROM coordonnees_bancaires WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(coordonnee_from_row).transpose()?)
    }

    /// Adds a bank account unless its id exists (seed).
    pub async fn ajouter_coordonnee_bancaire(
        &self,
        coordonnee: &CoordonneeBancaireRow,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO coordonnees_bancaires (id, id_structure, nom, iban, bic, valide) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        )
        .bind(coordonnee.id)
        .bind(coordonnee.id_structure)
        .bind(&coordonnee.nom)
        .bind(&coordonnee.iban)
        .bind(&coordonnee.bic)
        .bind(coordonnee.valide)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
