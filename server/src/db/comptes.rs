//! Portal accounts: creation, activation links, anti-robot challenges, second factor (pending sign-ins,
//! TOTP secrets).

use sqlx::Row;

use super::{Db, DbError};

/// First id of accounts created on the portal (the seed's counter starts at 100 too).
const DEPART_UTILISATEURS: i64 = 100;

/// `second_facteur` of an account without a second factor (the seeded demo accounts).
pub const SECOND_FACTEUR_AUCUN: &str = "AUCUN";
/// `second_facteur` of an account that gets a code by e-mail (the default of new accounts).
pub const SECOND_FACTEUR_EMAIL: &str = "EMAIL";
/// `second_facteur` of an account with an authenticator application (RFC 6238).
pub const SECOND_FACTEUR_TOTP: &str = "TOTP";

/// What `GET /portail/v1/compte` adds to the session's user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfilRow {
    /// Phone number.
    pub telephone: String,
    /// Contact e-mail.
    pub email_contact: String,
    /// `AUCUN`, `EMAIL` or `TOTP`.
    pub second_facteur: String,
    /// Wants notification e-mails.
    pub notifications: bool,
}

/// The editable part of a profile, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModificationProfil {
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone number.
    pub telephone: String,
    /// Contact e-mail.
    pub email_contact: String,
    /// `fr` or `en`.
    pub langue: String,
    /// Wants notification e-mails.
    pub notifications: bool,
}

/// A new account as the creation form gives it, with its hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauCompte {
    /// Login e-mail, lower case.
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone number as typed.
    pub telephone: String,
    /// Contact e-mail, lower case.
    pub email_contact: String,
    /// PHC string of the password.
    pub mot_de_passe_hash: String,
    /// Secret question.
    pub question_secrete: String,
    /// PHC string of the normalised answer.
    pub reponse_secrete_hash: String,
    /// When the CGU were accepted (creation time).
    pub cree_le: String,
}

/// What the sign-in needs beyond the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EtatCompte {
    /// False until the activation link is followed.
    pub actif: bool,
    /// `AUCUN`, `EMAIL` or `TOTP`.
    pub second_facteur: String,
    /// Base32 TOTP secret in use.
    pub totp_secret: Option<String>,
    /// Base32 TOTP secret being enrolled (not confirmed yet).
    pub totp_secret_en_attente: Option<String>,
}

/// A sign-in waiting for its second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnexionEnAttenteRow {
    /// The user whose password was right.
    pub id_utilisateur: i64,
    /// `EMAIL` or `TOTP`.
    pub methode: String,
    /// Salted SHA-256 of the e-mailed code.
    pub code_hash: Option<String>,
    /// Wrong codes still allowed.
    pub essais_restants: i64,
}

impl Db {
    /// Creates an inactive account with the e-mail second factor; `None` when the e-mail is taken.
    pub async fn creer_compte(&self, compte: &NouveauCompte) -> Result<Option<i64>, DbError> {
        let id = self
            .prochain_id("utilisateurs", DEPART_UTILISATEURS)
            .await?;
        let resultat = sqlx::query(
            "INSERT INTO utilisateurs (id, email, nom, prenom, langue, mot_de_passe_hash, actif, telephone, \
             email_contact, question_secrete, reponse_secrete_hash, cgu_acceptees_le, cree_le, second_facteur) \
             VALUES ($1, $2, $3, $4, 'fr', $5, FALSE, $6, $7, $8, $9, $10, $10, $11)",
        )
        .bind(id)
        .bind(&compte.email)
        .bind(&compte.nom)
        .bind(&compte.prenom)
        .bind(&compte.mot_de_passe_hash)
        .bind(&compte.telephone)
        .bind(&compte.email_contact)
        .bind(&compte.question_secrete)
        .bind(&compte.reponse_secrete_hash)
        .bind(&compte.cree_le)
        .bind(SECOND_FACTEUR_EMAIL)
        .execute(self.pool())
        .await;
        match resultat {
            Ok(_) => Ok(Some(id)),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Activation state and second factor of an account.
    pub async fn etat_compte(&self, id_utilisateur: i64) -> Result<Option<EtatCompte>, DbError> {
        let row = sqlx::query(
            "SELECT actif, second_facteur, totp_secret, totp_secret_en_attente FROM utilisateurs WHERE id = $1",
        )
        .bind(id_utilisateur)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            Ok(EtatCompte {
                actif: row.try_get("actif")?,
                second_facteur: row.try_get("second_facteur")?,
                totp_secret: row.try_get("totp_secret")?,
                totp_secret_en_attente: row.try_get("totp_secret_en_attente")?,
            })
        })
        .transpose()
        .map_err(|e: sqlx::Error| DbError::from(e))
    }

    /// Records a single-use link token (by its hash) of the given nature.
    pub async fn creer_jeton_compte(
        &self,
        jeton_hash: &str,
        id_utilisateur: i64,
        nature: &str,
        expire_le: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO jetons_compte (jeton_hash, id_utilisateur, nature, expire_le) VALUES ($1, $2, $3, $4)",
        )
        .bind(jeton_hash)
        .bind(id_utilisateur)
        .bind(nature)
        .bind(expire_le)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Uses an activation token: deletes it (single use) and activates its account when it has not expired.
    /// Returns the activated user's id.
    pub async fn activer_compte(
        &self,
        jeton_hash: &str,
        maintenant: &str,
    ) -> Result<Option<i64>, DbError> {
        let mut tx = self.pool().begin().await?;
        let row = sqlx::query(
            "DELETE FROM jetons_compte WHERE jeton_hash = $1 AND nature = 'ACTIVATION' \
             RETURNING id_utilisateur, expire_le",
        )
        .bind(jeton_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let expire_le: String = row.try_get("expire_le")?;
        if expire_le.as_str() <= maintenant {
            tx.commit().await?;
            return Ok(None);
        }
        let id: i64 = row.try_get("id_utilisateur")?;
        sqlx::query("UPDATE utilisateurs SET actif = TRUE WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Records an anti-robot challenge and forgets the expired ones.
    pub async fn creer_defi(
        &self,
        id: &str,
        reponse: &str,
        expire_le: &str,
        maintenant: &str,
    ) -> Result<(), DbError> {
        sqlx::query("DELETE FROM defis WHERE expire_le <= $1")
            .bind(maintenant)
            .execute(self.pool())
            .await?;
        sqlx::query("INSERT INTO defis (id, reponse, expire_le) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(reponse)
            .bind(expire_le)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Uses a challenge (single use, whatever the answer): its expected answer if it existed and had
    /// not expired.
    pub async fn consommer_defi(
        &self,
        id: &str,
        maintenant: &str,
    ) -> Result<Option<String>, DbError> {
        let row = sqlx::query("DELETE FROM defis WHERE id = $1 RETURNING reponse, expire_le")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let expire_le: String = row.try_get("expire_le")?;
        Ok((expire_le.as_str() > maintenant)
            .then(|| row.try_get("reponse"))
            .transpose()?)
    }

    /// Records a sign-in waiting for its second factor.
    pub async fn creer_connexion_en_attente(
        &self,
        jeton_hash: &str,
        id_utilisateur: i64,
        methode: &str,
        code_hash: Option<&str>,
        essais: i64,
        expire_le: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO connexions_en_attente (jeton_hash, id_utilisateur, methode, code_hash, essais_restants, expire_le) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(jeton_hash)
        .bind(id_utilisateur)
        .bind(methode)
        .bind(code_hash)
        .bind(essais)
        .bind(expire_le)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// A live pending sign-in (expired ones are deleted on the way).
    pub async fn connexion_en_attente(
        &self,
        jeton_hash: &str,
        maintenant: &str,
    ) -> Result<Option<ConnexionEnAttenteRow>, DbError> {
        sqlx::query("DELETE FROM connexions_en_attente WHERE expire_le <= $1")
            .bind(maintenant)
            .execute(self.pool())
            .await?;
        let row = sqlx::query(
            "SELECT id_utilisateur, methode, code_hash, essais_restants FROM connexions_en_attente \
             WHERE jeton_hash = $1",
        )
        .bind(jeton_hash)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            Ok(ConnexionEnAttenteRow {
                id_utilisateur: row.try_get("id_utilisateur")?,
                methode: row.try_get("methode")?,
                code_hash: row.try_get("code_hash")?,
                essais_restants: row.try_get("essais_restants")?,
            })
        })
        .transpose()
        .map_err(|e: sqlx::Error| DbError::from(e))
    }

    /// Counts a wrong code; the pending sign-in is deleted when no attempt is left. Returns the attempts
    /// left (0 when revoked).
    pub async fn compter_code_faux(&self, jeton_hash: &str) -> Result<i64, DbError> {
        let restants: Option<i64> = sqlx::query_scalar(
            "UPDATE connexions_en_attente SET essais_restants = essais_restants - 1 \
             WHERE jeton_hash = $1 RETURNING essais_restants",
        )
        .bind(jeton_hash)
        .fetch_optional(self.pool())
        .await?;
        let restants = restants.unwrap_or(0).max(0);
        if restants == 0 {
            self.terminer_connexion_en_attente(jeton_hash).await?;
        }
        Ok(restants)
    }

    /// Deletes a pending sign-in; true when this call deleted it (so only one caller completes it).
    pub async fn terminer_connexion_en_attente(&self, jeton_hash: &str) -> Result<bool, DbError> {
        let resultat = sqlx::query("DELETE FROM connexions_en_attente WHERE jeton_hash = $1")
            .bind(jeton_hash)
            .execute(self.pool())
            .await?;
        Ok(resultat.rows_affected() == 1)
    }

    /// Keeps a TOTP secret being enrolled until a code confirms it, with `essais` wrong codes allowed.
    pub async fn enregistrer_totp_en_attente(
        &self,
        id_utilisateur: i64,
        secret: &str,
        essais: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE utilisateurs SET totp_secret_en_attente = $2, totp_essais_restants = $3 WHERE id = $1",
        )
        .bind(id_utilisateur)
        .bind(secret)
        .bind(essais)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Counts a wrong enrolment code; the enrolment is dropped when no attempt is left. Returns the
    /// attempts left (0 when dropped).
    pub async fn compter_code_totp_faux(&self, id_utilisateur: i64) -> Result<i64, DbError> {
        let restants: Option<i64> = sqlx::query_scalar(
            "UPDATE utilisateurs SET totp_essais_restants = totp_essais_restants - 1 \
             WHERE id = $1 RETURNING totp_essais_restants",
        )
        .bind(id_utilisateur)
        .fetch_optional(self.pool())
        .await?;
        let restants = restants.unwrap_or(0).max(0);
        if restants == 0 {
            sqlx::query("UPDATE utilisateurs SET totp_secret_en_attente = NULL WHERE id = $1")
                .bind(id_utilisateur)
                .execute(self.pool())
                .await?;
        }
        Ok(restants)
    }

    /// The profile of an account as `GET /portail/v1/compte` shows it.
    pub async fn profil(&self, id_utilisateur: i64) -> Result<Option<ProfilRow>, DbError> {
        let row = sqlx::query(
            "SELECT telephone, email_contact, second_facteur, notifications FROM utilisateurs WHERE id = $1",
        )
        .bind(id_utilisateur)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            Ok(ProfilRow {
                telephone: row.try_get("telephone")?,
                email_contact: row.try_get("email_contact")?,
                second_facteur: row.try_get("second_facteur")?,
                notifications: row.try_get("notifications")?,
            })
        })
        .transpose()
        .map_err(|e: sqlx::Error| DbError::from(e))
    }

    /// Replaces the editable part of a profile (Mon compte).
    pub async fn modifier_profil(
        &self,
        id_utilisateur: i64,
        profil: &ModificationProfil,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE utilisateurs SET nom = $2, prenom = $3, telephone = $4, email_contact = $5, \
             langue = $6, notifications = $7 WHERE id = $1",
        )
        .bind(id_utilisateur)
        .bind(&profil.nom)
        .bind(&profil.prenom)
        .bind(&profil.telephone)
        .bind(&profil.email_contact)
        .bind(&profil.langue)
        .bind(profil.notifications)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Stores a new password hash and ends every other session of the account (the one of
    /// `session_gardee`, a token hash, stays open).
    pub async fn changer_mot_de_passe(
        &self,
        id_utilisateur: i64,
        mot_de_passe_hash: &str,
        session_gardee: &str,
    ) -> Result<(), DbError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("UPDATE utilisateurs SET mot_de_passe_hash = $2 WHERE id = $1")
            .bind(id_utilisateur)
            .bind(mot_de_passe_hash)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE id_utilisateur = $1 AND token_hash <> $2")
            .bind(id_utilisateur)
            .bind(session_gardee)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Drops the authenticator application: sign-in codes come by e-mail again.
    pub async fn revenir_au_code_par_email(&self, id_utilisateur: i64) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE utilisateurs SET second_facteur = $2, totp_secret = NULL, \
             totp_secret_en_attente = NULL, totp_dernier_pas = NULL WHERE id = $1",
        )
        .bind(id_utilisateur)
        .bind(SECOND_FACTEUR_EMAIL)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Whether the account with this login e-mail wants notification e-mails; true for an address that is
    /// no account's (a contact address gets what it was sent).
    pub async fn notifications_actives(&self, email: &str) -> Result<bool, DbError> {
        let valeur: Option<bool> =
            sqlx::query_scalar("SELECT notifications FROM utilisateurs WHERE email = $1")
                .bind(email.trim().to_lowercase())
                .fetch_optional(self.pool())
                .await?;
        Ok(valeur.unwrap_or(true))
    }

    /// Switches the account to TOTP with the enrolled secret; `pas` is the step of the confirming code.
    pub async fn activer_totp(
        &self,
        id_utilisateur: i64,
        secret: &str,
        pas: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE utilisateurs SET second_facteur = $2, totp_secret = $3, totp_secret_en_attente = NULL, \
             totp_dernier_pas = $4 WHERE id = $1",
        )
        .bind(id_utilisateur)
        .bind(SECOND_FACTEUR_TOTP)
        .bind(secret)
        .bind(pas)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Records the step of an accepted TOTP code; false when that step (or a later one) was already used,
    /// so a code cannot be replayed.
    pub async fn utiliser_pas_totp(&self, id_utilisateur: i64, pas: i64) -> Result<bool, DbError> {
        let resultat = sqlx::query(
            "UPDATE utilisateurs SET totp_dernier_pas = $2 \
             WHERE id = $1 AND (totp_dernier_pas IS NULL OR totp_dernier_pas < $2)",
        )
        .bind(id_utilisateur)
        .bind(pas)
        .execute(self.pool())
        .await?;
        Ok(resultat.rows_affected() == 1)
    }

    /// The failed attempts in a row and the lock end (`None`: not locked) of a sign-in address.
    pub async fn tentatives_connexion(
        &self,
        email: &str,
    ) -> Result<(i64, Option<String>), DbError> {
        let row = sqlx::query(
            "SELECT echecs, verrouille_jusqu_au FROM tentatives_connexion WHERE email = $1",
        )
        .bind(email)
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some(row) => (row.try_get("echecs")?, row.try_get("verrouille_jusqu_au")?),
            None => (0, None),
        })
    }

    /// Records the attempts of an address (`echecs` 0 and no lock forgets it).
    pub async fn noter_tentatives_connexion(
        &self,
        email: &str,
        echecs: i64,
        verrouille_jusqu_au: Option<&str>,
    ) -> Result<(), DbError> {
        if echecs == 0 && verrouille_jusqu_au.is_none() {
            sqlx::query("DELETE FROM tentatives_connexion WHERE email = $1")
                .bind(email)
                .execute(self.pool())
                .await?;
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO tentatives_connexion (email, echecs, verrouille_jusqu_au) VALUES ($1, $2, $3) \
             ON CONFLICT (email) DO UPDATE SET echecs = $2, verrouille_jusqu_au = $3",
        )
        .bind(email)
        .bind(echecs)
        .bind(verrouille_jusqu_au)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Uses a password-reset token: deletes it (single use); the account's id when it had not expired.
    pub async fn consommer_jeton_reinitialisation(
        &self,
        jeton_hash: &str,
        maintenant: &str,
    ) -> Result<Option<i64>, DbError> {
        let row = sqlx::query(
            "DELETE FROM jetons_compte WHERE jeton_hash = $1 AND nature = 'REINITIALISATION' \
             RETURNING id_utilisateur, expire_le",
        )
        .bind(jeton_hash)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let expire_le: String = row.try_get("expire_le")?;
        Ok((expire_le.as_str() > maintenant)
            .then(|| row.try_get("id_utilisateur"))
            .transpose()?)
    }

    /// Sets a new password after a reset: every session of the account ends, the sign-in lock is lifted.
    pub async fn reinitialiser_mot_de_passe(
        &self,
        id_utilisateur: i64,
        email: &str,
        mot_de_passe_hash: &str,
    ) -> Result<(), DbError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("UPDATE utilisateurs SET mot_de_passe_hash = $2 WHERE id = $1")
            .bind(id_utilisateur)
            .bind(mot_de_passe_hash)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE id_utilisateur = $1")
            .bind(id_utilisateur)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM tentatives_connexion WHERE email = $1")
            .bind(email)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
