//! The repository: the only module that speaks SQL. Queries are portable (SQLite and PostgreSQL):
//! `$n` parameters, explicit ids from the `compteurs` table, ISO 8601 text timestamps.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::Row;

use crate::config::DbLocation;

mod annuaire;
mod comptes;
mod coordonnees;
mod courriels;
mod demandes_rattachement;
mod evenements;
mod factures;
mod flux;
mod gestionnaire;
mod rejeux;
mod sollicitations;
mod structures_portail;
mod travaux;
pub use annuaire::{CriteresStructure, ServiceRow, StructureRow};
pub use comptes::{
    ConnexionEnAttenteRow, EtatCompte, ModificationProfil, NouveauCompte, ProfilRow,
    SECOND_FACTEUR_AUCUN, SECOND_FACTEUR_EMAIL, SECOND_FACTEUR_TOTP,
};
pub use coordonnees::CoordonneeBancaireRow;
pub use courriels::{CourrielRow, NouveauCourriel};
pub use demandes_rattachement::{
    Decision, DemandeRow, DEMANDE_ACCEPTEE, DEMANDE_EN_ATTENTE, DEMANDE_REFUSEE,
};
pub use evenements::{
    EvenementRow, PorteeEvenements, ESPACE_FACTURES, ESPACE_SOLLICITATIONS, TYPE_FACTURE_STATUT,
    TYPE_RATTACHEMENT, TYPE_SOLLICITATION,
};
pub use factures::{
    ActionRow, Creation, CritereDestinataireFacture, CriteresFacture, FactureRow, HistoRow,
    NouvelleFacture, PieceRow,
};
pub use flux::{FluxRow, NouveauFlux};
pub use gestionnaire::{
    ChangementMembre, CompteBancaireRow, MembreRow, NouveauCompteBancaire, NouveauService,
    HABILITATION_AUCUNE, ROLE_GESTIONNAIRE,
};
pub use rejeux::RejeuRow;
pub use sollicitations::{
    ActiviteRow, NouvelleActivite, NouvellePiece, NouvelleSollicitation, PieceSollicitationRow,
    SollicitationRow,
};
pub use structures_portail::{
    EntrepriseRow, NouvelleStructure, ROLE_GESTIONNAIRE_PRINCIPAL, ROLE_UTILISATEUR,
};
pub use travaux::SituationRow;

/// Migrations embedded in the binary (the server must not depend on its working directory).
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "init", include_str!("../../migrations/0001_init.sql")),
    (
        2,
        "chorus",
        include_str!("../../migrations/0002_chorus.sql"),
    ),
    (
        3,
        "coordonnees_flux",
        include_str!("../../migrations/0003_coordonnees_flux.sql"),
    ),
    (
        4,
        "portail_comptes",
        include_str!("../../migrations/0004_portail_comptes.sql"),
    ),
    (
        5,
        "portail_structures",
        include_str!("../../migrations/0005_portail_structures.sql"),
    ),
    (
        6,
        "totp_essais",
        include_str!("../../migrations/0006_totp_essais.sql"),
    ),
    (
        7,
        "sollicitations",
        include_str!("../../migrations/0007_sollicitations.sql"),
    ),
    (
        8,
        "gestionnaire",
        include_str!("../../migrations/0008_gestionnaire.sql"),
    ),
    (
        9,
        "compte_preferences",
        include_str!("../../migrations/0009_compte_preferences.sql"),
    ),
    (
        10,
        "travaux",
        include_str!("../../migrations/0010_travaux.sql"),
    ),
    (11, "acces", include_str!("../../migrations/0011_acces.sql")),
    (
        12,
        "rejeux_passerelle",
        include_str!("../../migrations/0012_rejeux_passerelle.sql"),
    ),
    (
        13,
        "evenements",
        include_str!("../../migrations/0013_evenements.sql"),
    ),
    (
        14,
        "espaces_desactives",
        include_str!("../../migrations/0014_espaces_desactives.sql"),
    ),
];

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// Occurs when the database file's folder cannot be created.
    #[error("cannot create {path}: {source}")]
    Dossier {
        /// The folder.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Occurs when a query or the connection fails.
    #[error("sqlite: {0}")]
    Sql(#[from] sqlx::Error),
    /// Occurs when a migration fails.
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// Occurs when the seed data cannot be prepared.
    #[error("seed: {0}")]
    Seed(String),
}

#[derive(Debug)]
struct EmbeddedMigrations;

impl<'s> MigrationSource<'s> for EmbeddedMigrations {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, sqlx::error::BoxDynError>> + Send + 's>>
    {
        Box::pin(async {
            Ok(MIGRATIONS
                .iter()
                .map(|(version, description, sql)| {
                    Migration::new(
                        *version,
                        Cow::Borrowed(description),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

async fn migrator() -> Result<Migrator, DbError> {
    Ok(Migrator::new(EmbeddedMigrations).await?)
}

/// A user row with its password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UtilisateurRow {
    /// Id.
    pub id: i64,
    /// Login e-mail, lower case.
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// `fr` or `en`.
    pub langue: String,
    /// PHC string (argon2id).
    pub mot_de_passe_hash: String,
}

/// Handle on the database (cheap to clone).
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
}

impl Db {
    /// Opens (and creates) the database, applies migrations, and seeds the demo data when `seed` is
    /// given and the database is new.
    pub async fn open(
        location: &DbLocation,
        demo_hash: Option<String>,
        factures_demo: bool,
    ) -> Result<Db, DbError> {
        match location {
            DbLocation::Memory => {
                // One connection that never expires: an in-memory SQLite database lives as long as its connection.
                let pool = SqlitePoolOptions::new()
                    .max_connections(1)
                    .min_connections(1)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(
                        SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true),
                    )
                    .await?;
                Db::prepare(pool, demo_hash, factures_demo).await
            }
            DbLocation::File(path) => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(|source| DbError::Dossier {
                        path: parent.display().to_string(),
                        source,
                    })?;
                }
                let options = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5));
                let pool = SqlitePoolOptions::new()
                    .max_connections(4)
                    .connect_with(options)
                    .await?;
                Db::prepare(pool, demo_hash, factures_demo).await
            }
        }
    }

    async fn prepare(
        pool: SqlitePool,
        demo_hash: Option<String>,
        factures_demo: bool,
    ) -> Result<Db, DbError> {
        migrator().await?.run(&pool).await?;
        let db = Db { pool };
        if let Some(hash) = demo_hash {
            crate::seed::seed_if_new(&db, &hash, factures_demo).await?;
        }
        Ok(db)
    }

    /// The pool, for the seed module and tests.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Next value of a named counter (ids of new rows). Row-locked on PostgreSQL, so two instances
    /// never get the same id.
    pub async fn prochain_id(&self, nom: &str, depart: i64) -> Result<i64, DbError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO compteurs (nom, valeur) VALUES ($1, $2) ON CONFLICT (nom) DO NOTHING",
        )
        .bind(nom)
        .bind(depart)
        .execute(&mut *tx)
        .await?;
        let valeur: i64 = sqlx::query_scalar(
            "UPDATE compteurs SET valeur = valeur + 1 WHERE nom = $1 RETURNING valeur",
        )
        .bind(nom)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(valeur)
    }

    /// The user with this login e-mail (case-insensitive).
    pub async fn utilisateur_par_email(
        &self,
        email: &str,
    ) -> Result<Option<UtilisateurRow>, DbError> {
        let row = sqlx::query(
            "SELECT id, email, nom, prenom, langue, mot_de_passe_hash FROM utilisateurs WHERE email = $1",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| utilisateur_from_row(&row)).transpose()?)
    }

    /// Records a session (by the hash of its token) until `expire_le`.
    pub async fn creer_session(
        &self,
        token_hash: &str,
        id_utilisateur: i64,
        expire_le: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, id_utilisateur, expire_le) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(id_utilisateur)
        .bind(expire_le)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The user of a live session (`maintenant` is an ISO timestamp comparable with `expire_le`).
    pub async fn utilisateur_de_session(
        &self,
        token_hash: &str,
        maintenant: &str,
    ) -> Result<Option<UtilisateurRow>, DbError> {
        let row = sqlx::query(
            "SELECT u.id, u.email, u.nom, u.prenom, u.langue, u.mot_de_passe_hash \
             FROM sessions s JOIN utilisateurs u ON u.id = s.id_utilisateur \
             WHERE s.token_hash = $1 AND s.expire_le > $2",
        )
        .bind(token_hash)
        .bind(maintenant)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| utilisateur_from_row(&row)).transpose()?)
    }

    /// Ends a session.
    pub async fn supprimer_session(&self, token_hash: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// A user's attachment to a structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RattachementRow {
    /// `idStructureCPP`.
    pub id_structure: i64,
    /// `CONSULTATION` or `MODIFICATION`.
    pub habilitation: String,
}

impl Db {
    /// The user with this id.
    pub async fn utilisateur(&self, id: i64) -> Result<Option<UtilisateurRow>, DbError> {
        let row = sqlx::query(
            "SELECT id, email, nom, prenom, langue, mot_de_passe_hash FROM utilisateurs WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| utilisateur_from_row(&row)).transpose()?)
    }

    /// The structures a user is attached to.
    pub async fn rattachements(
        &self,
        id_utilisateur: i64,
    ) -> Result<Vec<RattachementRow>, DbError> {
        let rows = sqlx::query(
            "SELECT id_structure, habilitation FROM rattachements WHERE id_utilisateur = $1 ORDER BY id_structure",
        )
        .bind(id_utilisateur)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(RattachementRow {
                    id_structure: row.try_get("id_structure")?,
                    habilitation: row.try_get("habilitation")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// SHA-256 (hex) of an OAuth client's secret.
    pub async fn secret_client_oauth(&self, client_id: &str) -> Result<Option<String>, DbError> {
        Ok(
            sqlx::query_scalar("SELECT secret_sha256 FROM clients_oauth WHERE client_id = $1")
                .bind(client_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Records an access token (by its hash).
    pub async fn creer_jeton(
        &self,
        token_hash: &str,
        client_id: &str,
        expire_le: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO jetons_oauth (token_hash, client_id, expire_le) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(client_id)
        .bind(expire_le)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// True when the access token exists and has not expired.
    pub async fn jeton_valide(&self, token_hash: &str, maintenant: &str) -> Result<bool, DbError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM jetons_oauth WHERE token_hash = $1 AND expire_le > $2",
        )
        .bind(token_hash)
        .bind(maintenant)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}

fn utilisateur_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<UtilisateurRow, sqlx::Error> {
    Ok(UtilisateurRow {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        nom: row.try_get("nom")?,
        prenom: row.try_get("prenom")?,
        langue: row.try_get("langue")?,
        mot_de_passe_hash: row.try_get("mot_de_passe_hash")?,
    })
}
