//! What the gestionnaires of a structure manage: its users (role, habilitation per espace, detachment),
//! its services and its bank accounts. Changes that could leave a structure without a gestionnaire
//! principal are checked inside their transaction.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::structures_portail::ROLE_GESTIONNAIRE_PRINCIPAL;
use super::{Db, DbError};

/// The habilitation on an espace turned off: nobody reads nor changes it.
pub const HABILITATION_AUCUNE: &str = "AUCUNE";

/// Role of a gestionnaire secondaire: manages the structure like the principal, but cannot name or
/// remove a principal.
pub const ROLE_GESTIONNAIRE: &str = "GESTIONNAIRE";
/// First `idService` of services created by gestionnaires.
const DEPART_SERVICES: i64 = 35_100_000;
/// First `idCoordonneeBancaire` of accounts added by gestionnaires.
const DEPART_COMPTES: i64 = 27_100_000;

/// A user attached to a structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembreRow {
    /// User id.
    pub id_utilisateur: i64,
    /// Login e-mail.
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// `GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE` or `UTILISATEUR`.
    pub role: String,
    /// The rattachement's habilitation (Factures émises, and the default of the other espaces).
    pub habilitation: String,
    /// Habilitations set per espace: (espace, habilitation).
    pub par_espace: Vec<(String, String)>,
}

/// Outcome of a change to a user's attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangementMembre {
    /// Done.
    Fait,
    /// The user is not attached to the structure.
    Inconnu,
    /// Refused: the structure would have no gestionnaire principal left.
    DernierPrincipal,
}

/// A service to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauService {
    /// Owning structure.
    pub id_structure: i64,
    /// `codeService`, trimmed.
    pub code: String,
    /// `libelleService`.
    pub libelle: String,
    /// Start of validity (`YYYY-MM-DD HH:MM`).
    pub date_debut: String,
}

/// A bank account with its holder, valid or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompteBancaireRow {
    /// `idCoordonneeBancaire`.
    pub id: i64,
    /// `nomCoordonneeBancaire`.
    pub nom: String,
    /// Holder (empty for seeded accounts).
    pub titulaire: String,
    /// IBAN, compact.
    pub iban: String,
    /// BIC.
    pub bic: String,
    /// Usable for new invoices.
    pub valide: bool,
}

/// A bank account to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauCompteBancaire {
    /// Owning structure.
    pub id_structure: i64,
    /// `nomCoordonneeBancaire`.
    pub nom: String,
    /// Holder.
    pub titulaire: String,
    /// IBAN, compact and checked.
    pub iban: String,
    /// BIC, checked.
    pub bic: String,
}

fn compte_from_row(row: &SqliteRow) -> Result<CompteBancaireRow, sqlx::Error> {
    Ok(CompteBancaireRow {
        id: row.try_get("id")?,
        nom: row.try_get("nom")?,
        titulaire: row.try_get("titulaire")?,
        iban: row.try_get("iban")?,
        bic: row.try_get("bic")?,
        valide: row.try_get("valide")?,
    })
}

impl Db {
    /// The users attached to a structure with their habilitations per espace, principals first, then by name.
    pub async fn membres_structure(&self, id_structure: i64) -> Result<Vec<MembreRow>, DbError> {
        let rows = sqlx::query(
            "SELECT u.id, u.email, u.nom, u.prenom, r.role, r.habilitation FROM rattachements r \
             JOIN utilisateurs u ON u.id = r.id_utilisateur WHERE r.id_structure = $1 \
             ORDER BY CASE r.role WHEN $2 THEN 0 WHEN $3 THEN 1 ELSE 2 END, u.nom, u.prenom, u.id",
        )
        .bind(id_structure)
        .bind(ROLE_GESTIONNAIRE_PRINCIPAL)
        .bind(ROLE_GESTIONNAIRE)
        .fetch_all(self.pool())
        .await?;
        let mut membres = rows
            .iter()
            .map(|row| {
                Ok(MembreRow {
                    id_utilisateur: row.try_get("id")?,
                    email: row.try_get("email")?,
                    nom: row.try_get("nom")?,
                    prenom: row.try_get("prenom")?,
                    role: row.try_get("role")?,
                    habilitation: row.try_get("habilitation")?,
                    par_espace: Vec::new(),
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        // The habilitations as set (what the gestionnaire edits); espaces turned off are applied by the caller.
        let espaces = sqlx::query(
            "SELECT id_utilisateur, espace, habilitation FROM habilitations_espaces \
             WHERE id_structure = $1 ORDER BY espace",
        )
        .bind(id_structure)
        .fetch_all(self.pool())
        .await?;
        for row in &espaces {
            let id: i64 = row.try_get("id_utilisateur")?;
            if let Some(membre) = membres.iter_mut().find(|m| m.id_utilisateur == id) {
                membre
                    .par_espace
                    .push((row.try_get("espace")?, row.try_get("habilitation")?));
            }
        }
        Ok(membres)
    }

    /// The habilitation a user has on one espace, per structure, where a gestionnaire set it, and
    /// [`HABILITATION_AUCUNE`] on the structures where that espace is turned off.
    pub async fn habilitations_sur_espace(
        &self,
        id_utilisateur: i64,
        espace: &str,
    ) -> Result<Vec<(i64, String)>, DbError> {
        let rows = sqlx::query(
            "SELECT id_structure, habilitation FROM habilitations_espaces \
             WHERE id_utilisateur = $1 AND espace = $2 \
               AND id_structure NOT IN (SELECT id_structure FROM espaces_desactives WHERE espace = $2) \
             UNION ALL \
             SELECT d.id_structure, 'AUCUNE' FROM espaces_desactives d \
               JOIN rattachements r ON r.id_structure = d.id_structure AND r.id_utilisateur = $1 \
             WHERE d.espace = $2",
        )
        .bind(id_utilisateur)
        .bind(espace)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("id_structure")?, row.try_get("habilitation")?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// The espaces turned off on a structure.
    pub async fn espaces_desactives(&self, id_structure: i64) -> Result<Vec<String>, DbError> {
        Ok(sqlx::query_scalar(
            "SELECT espace FROM espaces_desactives WHERE id_structure = $1 ORDER BY espace",
        )
        .bind(id_structure)
        .fetch_all(self.pool())
        .await?)
    }

    /// Turns an espace of a structure on or off.
    pub async fn changer_espace(
        &self,
        id_structure: i64,
        espace: &str,
        actif: bool,
    ) -> Result<(), DbError> {
        let requete = if actif {
            "DELETE FROM espaces_desactives WHERE id_structure = $1 AND espace = $2"
        } else {
            "INSERT OR IGNORE INTO espaces_desactives (id_structure, espace) VALUES ($1, $2)"
        };
        sqlx::query(requete)
            .bind(id_structure)
            .bind(espace)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The habilitations a user has per espace of a structure, where a gestionnaire set them, and
    /// [`HABILITATION_AUCUNE`] on the espaces turned off.
    pub async fn habilitations_espaces(
        &self,
        id_utilisateur: i64,
        id_structure: i64,
    ) -> Result<Vec<(String, String)>, DbError> {
        let rows = sqlx::query(
            "SELECT espace, habilitation FROM habilitations_espaces \
             WHERE id_utilisateur = $1 AND id_structure = $2 \
               AND espace NOT IN (SELECT espace FROM espaces_desactives WHERE id_structure = $2) \
             UNION ALL \
             SELECT espace, 'AUCUNE' FROM espaces_desactives WHERE id_structure = $2 \
             ORDER BY espace",
        )
        .bind(id_utilisateur)
        .bind(id_structure)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("espace")?, row.try_get("habilitation")?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// Sets a user's role, rattachement habilitation and habilitations per espace, in one transaction that
    /// refuses to leave the structure without a gestionnaire principal.
    pub async fn modifier_membre(
        &self,
        id_structure: i64,
        id_utilisateur: i64,
        role: &str,
        habilitation: &str,
        par_espace: &[(String, String)],
    ) -> Result<ChangementMembre, DbError> {
        let mut tx = self.pool().begin().await?;
        let modifie = sqlx::query(
            "UPDATE rattachements SET role = $3, habilitation = $4 WHERE id_structure = $1 AND id_utilisateur = $2",
        )
        .bind(id_structure)
        .bind(id_utilisateur)
        .bind(role)
        .bind(habilitation)
        .execute(&mut *tx)
        .await?;
        if modifie.rows_affected() != 1 {
            return Ok(ChangementMembre::Inconnu);
        }
        if principaux(&mut tx, id_structure).await? == 0 {
            return Ok(ChangementMembre::DernierPrincipal);
        }
        sqlx::query(
            "DELETE FROM habilitations_espaces WHERE id_structure = $1 AND id_utilisateur = $2",
        )
        .bind(id_structure)
        .bind(id_utilisateur)
        .execute(&mut *tx)
        .await?;
        for (espace, niveau) in par_espace {
            sqlx::query(
                "INSERT INTO habilitations_espaces (id_utilisateur, id_structure, espace, habilitation) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id_utilisateur)
            .bind(id_structure)
            .bind(espace)
            .bind(niveau)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(ChangementMembre::Fait)
    }

    /// Detaches a user from a structure, unless that leaves it without a gestionnaire principal.
    pub async fn detacher_membre(
        &self,
        id_structure: i64,
        id_utilisateur: i64,
    ) -> Result<ChangementMembre, DbError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "DELETE FROM habilitations_espaces WHERE id_structure = $1 AND id_utilisateur = $2",
        )
        .bind(id_structure)
        .bind(id_utilisateur)
        .execute(&mut *tx)
        .await?;
        let supprime = sqlx::query(
            "DELETE FROM rattachements WHERE id_structure = $1 AND id_utilisateur = $2",
        )
        .bind(id_structure)
        .bind(id_utilisateur)
        .execute(&mut *tx)
        .await?;
        if supprime.rows_affected() != 1 {
            return Ok(ChangementMembre::Inconnu);
        }
        if principaux(&mut tx, id_structure).await? == 0 {
            return Ok(ChangementMembre::DernierPrincipal);
        }
        tx.commit().await?;
        Ok(ChangementMembre::Fait)
    }

    /// Creates an active service; `None` when the structure has a service with this code already.
    pub async fn creer_service(&self, service: &NouveauService) -> Result<Option<i64>, DbError> {
        let id = self.prochain_id("services", DEPART_SERVICES).await?;
        let insertion = sqlx::query(
            "INSERT INTO services (id_service, id_structure, code_service, libelle, actif, numero_engagement_requis, \
             date_debut) VALUES ($1, $2, $3, $4, TRUE, FALSE, $5)",
        )
        .bind(id)
        .bind(service.id_structure)
        .bind(&service.code)
        .bind(&service.libelle)
        .bind(&service.date_debut)
        .execute(self.pool())
        .await;
        match insertion {
            Ok(_) => Ok(Some(id)),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Activates or deactivates a service of a structure; false when the structure has no such service.
    pub async fn changer_etat_service(
        &self,
        id_structure: i64,
        id_service: i64,
        actif: bool,
    ) -> Result<bool, DbError> {
        let resultat = sqlx::query(
            "UPDATE services SET actif = $3 WHERE id_structure = $1 AND id_service = $2",
        )
        .bind(id_structure)
        .bind(id_service)
        .bind(actif)
        .execute(self.pool())
        .await?;
        Ok(resultat.rows_affected() == 1)
    }

    /// Every bank account of a structure, valid first, then by id.
    pub async fn comptes_bancaires_structure(
        &self,
        id_structure: i64,
    ) -> Result<Vec<CompteBancaireRow>, DbError> {
        let rows = sqlx::query(
            "SELECT id, nom, titulaire, iban, bic, valide FROM coordonnees_bancaires \
             WHERE id_structure = $1 ORDER BY valide DESC, id",
        )
        .bind(id_structure)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(compte_from_row)
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// Adds a valid bank account; returns its id.
    pub async fn ajouter_compte_bancaire(
        &self,
        compte: &NouveauCompteBancaire,
    ) -> Result<i64, DbError> {
        let id = self
            .prochain_id("coordonnees_bancaires", DEPART_COMPTES)
            .await?;
        sqlx::query(
            "INSERT INTO coordonnees_bancaires (id, id_structure, nom, iban, bic, valide, titulaire) \
             VALUES ($1, $2, $3, $4, $5, TRUE, $6)",
        )
        .bind(id)
        .bind(compte.id_structure)
        .bind(&compte.nom)
        .bind(&compte.iban)
        .bind(&compte.bic)
        .bind(&compte.titulaire)
        .execute(self.pool())
        .await?;
        Ok(id)
    }

    /// Makes a bank account of a structure unusable for new invoices; false when the structure has no
    /// such account.
    pub async fn desactiver_compte_bancaire(
        &self,
        id_structure: i64,
        id: i64,
    ) -> Result<bool, DbError> {
        let resultat = sqlx::query(
            "UPDATE coordonnees_bancaires SET valide = FALSE WHERE id_structure = $1 AND id = $2",
        )
        .bind(id_structure)
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(resultat.rows_affected() == 1)
    }
}

async fn principaux(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    id_structure: i64,
) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM rattachements WHERE id_structure = $1 AND role = $2",
    )
    .bind(id_structure)
    .bind(ROLE_GESTIONNAIRE_PRINCIPAL)
    .fetch_one(&mut **tx)
    .await?)
}
