//! Deposited flux (`deposer/flux`) and their processing report (`consulterCRDetaille`).

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::{Db, DbError};

/// First value of the flux counter.
const DEPART_FLUX: i64 = 414_000;

/// A flux to record, already processed.
#[derive(Debug, Clone, Default)]
pub struct NouveauFlux {
    /// Depositing user.
    pub id_utilisateur: i64,
    /// `nomFichier`.
    pub nom_fichier: String,
    /// `syntaxeFlux` code.
    pub syntaxe: String,
    /// Deposit timestamp.
    pub depose_le: String,
    /// `etatCourantDepotFlux` code.
    pub etat: String,
    /// The invoice it created, when integrated.
    pub id_facture: Option<i64>,
    /// `listeErreurDP` as JSON.
    pub erreurs_dp_json: String,
    /// `listeErreurTechnique` as JSON.
    pub erreurs_techniques_json: String,
}

/// A deposited flux.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FluxRow {
    /// `numeroFluxDepot`.
    pub numero: String,
    /// Depositing user.
    pub id_utilisateur: i64,
    /// `nomFichier`.
    pub nom_fichier: String,
    /// `syntaxeFlux` code.
    pub syntaxe: String,
    /// Deposit timestamp.
    pub depose_le: String,
    /// `etatCourantDepotFlux` code.
    pub etat: String,
    /// When the current state was reached.
    pub date_heure_etat: String,
    /// The invoice it created, when integrated.
    pub id_facture: Option<i64>,
    /// `listeErreurDP` as JSON.
    pub erreurs_dp_json: String,
    /// `listeErreurTechnique` as JSON.
    pub erreurs_techniques_json: String,
}

fn flux_from_row(row: &SqliteRow) -> Result<FluxRow, sqlx::Error> {
    Ok(FluxRow {
        numero: row.try_get("numero")?,
        id_utilisateur: row.try_get("id_utilisateur")?,
        nom_fichier: row.try_get("nom_fichier")?,
        syntaxe: row.try_get("syntaxe")?,
        depose_le: row.try_get("depose_le")?,
        etat: row.try_get("etat")?,
        date_heure_etat: row.try_get("date_heure_etat")?,
        id_facture: row.try_get("id_facture")?,
        erreurs_dp_json: row.try_get("erreurs_dp_json")?,
        erreurs_techniques_json: row.try_get("erreurs_techniques_json")?,
    })
}

impl Db {
    /// Records a flux and returns it with its `numeroFluxDepot`: `CPP` and 22 digits, the shape of
    /// the numbers seen in client fixtures (e.g. `CPP0011117000000000414554`).
    pub async fn creer_flux(&self, flux: &NouveauFlux) -> Result<FluxRow, DbError> {
        let numero = format!("CPP{:022}", self.prochain_id("flux", DEPART_FLUX).await?);
        sqlx::query(
            "INSERT INTO flux_depots (numero, id_utilisateur, nom_fichier, syntaxe, depose_le, etat, \
             date_heure_etat, id_facture, erreurs_dp_json, erreurs_techniques_json) \
             VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8, $9)",
        )
        .bind(&numero)
        .bind(flux.id_utilisateur)
        .bind(&flux.nom_fichier)
        .bind(&flux.syntaxe)
        .bind(&flux.depose_le)
        .bind(&flux.etat)
        .bind(flux.id_facture)
        .bind(&flux.erreurs_dp_json)
        .bind(&flux.erreurs_techniques_json)
        .execute(&self.pool)
        .await?;
        self.flux(&numero)
            .await?
            .ok_or_else(|| DbError::Seed(format!("flux {numero} disparu")))
    }

    /// A flux by its `numeroFluxDepot`.
    pub async fn flux(&self, numero: &str) -> Result<Option<FluxRow>, DbError> {
        let row = sqlx::query(
            "SELECT numero, id_utilisateur, nom_fichier, syntaxe, depose_le, etat, date_heure_etat, id_facture, \
             erreurs_dp_json, erreurs_techniques_json FROM flux_depots WHERE numero = $1",
        )
        .bind(numero)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(flux_from_row).transpose()?)
    }
}
