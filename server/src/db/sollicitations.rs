//! Sollicitations (support tickets): the ticket, its thread of activities and the files attached to them.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::evenements::{evenement_sollicitation, ChangementSollicitation};
use super::{Db, DbError};
use crate::portail::sollicitations::AUTEUR_DESTINATAIRE;

/// First id of the sollicitations' counter (their numbers as shown to users).
const DEPART_SOLLICITATIONS: i64 = 100_000;
/// First id of the activities' and attached files' counters.
const DEPART_ACTIVITES: i64 = 0;

/// A sollicitation to record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NouvelleSollicitation {
    /// Emitting user.
    pub id_utilisateur: i64,
    /// Emitting structure, when the user acts for one.
    pub id_structure: Option<i64>,
    /// Category code.
    pub categorie: String,
    /// Sub-category code.
    pub sous_categorie: String,
    /// Subject.
    pub sujet: String,
    /// Description (also the first message of the thread).
    pub description: String,
    /// `FACTURE`, `ENGAGEMENT` or `STRUCTURE`.
    pub type_objet: Option<String>,
    /// Number of the object.
    pub numero_objet: Option<String>,
    /// The linked invoice (object of type `FACTURE` of one of the user's structures).
    pub id_facture: Option<i64>,
    /// Recipient organisation's name.
    pub destinataire: String,
    /// Where the recipient's notifications go.
    pub email_destinataire: String,
    /// Initial status.
    pub statut: String,
}

/// A sollicitation with the names of its emitters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SollicitationRow {
    /// Id, also its number.
    pub id: i64,
    /// Emitting user.
    pub id_utilisateur: i64,
    /// Their e-mail.
    pub email_utilisateur: String,
    /// Their given and family name.
    pub nom_utilisateur: String,
    /// Emitting structure.
    pub id_structure: Option<i64>,
    /// Its name.
    pub raison_sociale_structure: Option<String>,
    /// Category code.
    pub categorie: String,
    /// Sub-category code.
    pub sous_categorie: String,
    /// Subject.
    pub sujet: String,
    /// Description.
    pub description: String,
    /// Object type.
    pub type_objet: Option<String>,
    /// Object number.
    pub numero_objet: Option<String>,
    /// Linked invoice.
    pub id_facture: Option<i64>,
    /// Recipient organisation.
    pub destinataire: String,
    /// Where the recipient's notifications go.
    pub email_destinataire: String,
    /// Status code.
    pub statut: String,
    /// Created (sandbox clock).
    pub cree_le: String,
    /// Last activity.
    pub modifie_le: String,
}

/// A file attached to a message, with its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvellePiece {
    /// File name.
    pub nom: String,
    /// MIME type.
    pub type_mime: String,
    /// Content.
    pub contenu: Vec<u8>,
}

/// An activity to add to a thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleActivite {
    /// The sollicitation.
    pub id_sollicitation: i64,
    /// `EMETTEUR` or `DESTINATAIRE`.
    pub auteur: String,
    /// Name shown for the author.
    pub nom_auteur: String,
    /// Message (may be empty for a bare status change).
    pub texte: String,
    /// The status this activity set, if it changed it.
    pub statut: Option<String>,
    /// Attached file.
    pub piece: Option<NouvellePiece>,
}

/// An attached file's description (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceSollicitationRow {
    /// Id.
    pub id: i64,
    /// The activity it belongs to.
    pub id_activite: i64,
    /// File name.
    pub nom: String,
    /// MIME type.
    pub type_mime: String,
    /// Size in bytes.
    pub taille: i64,
}

/// One activity of a thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiviteRow {
    /// Id, increasing with time.
    pub id: i64,
    /// `EMETTEUR` or `DESTINATAIRE`.
    pub auteur: String,
    /// Name shown for the author.
    pub nom_auteur: String,
    /// Message.
    pub texte: String,
    /// Status set by this activity.
    pub statut: Option<String>,
    /// When (sandbox clock).
    pub cree_le: String,
    /// Attached files.
    pub pieces: Vec<PieceSollicitationRow>,
}

const SELECT_SOLLICITATION: &str = "SELECT s.id, s.id_utilisateur, u.email, u.prenom, u.nom, \
     s.id_structure, st.raison_sociale, s.categorie, s.sous_categorie, s.sujet, s.description, \
     s.type_objet, s.numero_objet, s.id_facture, s.destinataire, s.email_destinataire, s.statut, s.cree_le, s.modifie_le \
     FROM sollicitations s JOIN utilisateurs u ON u.id = s.id_utilisateur \
     LEFT JOIN structures st ON st.id_structure_cpp = s.id_structure";

fn sollicitation_from_row(row: &SqliteRow) -> Result<SollicitationRow, sqlx::Error> {
    let prenom: String = row.try_get("prenom")?;
    let nom: String = row.try_get("nom")?;
    Ok(SollicitationRow {
        id: row.try_get("id")?,
        id_utilisateur: row.try_get("id_utilisateur")?,
        email_utilisateur: row.try_get("email")?,
        nom_utilisateur: format!("{prenom} {nom}").trim().to_owned(),
        id_structure: row.try_get("id_structure")?,
        raison_sociale_structure: row.try_get("raison_sociale")?,
        categorie: row.try_get("categorie")?,
        sous_categorie: row.try_get("sous_categorie")?,
        sujet: row.try_get("sujet")?,
        description: row.try_get("description")?,
        type_objet: row.try_get("type_objet")?,
        numero_objet: row.try_get("numero_objet")?,
        id_facture: row.try_get("id_facture")?,
        destinataire: row.try_get("destinataire")?,
        email_destinataire: row.try_get("email_destinataire")?,
        statut: row.try_get("statut")?,
        cree_le: row.try_get("cree_le")?,
        modifie_le: row.try_get("modifie_le")?,
    })
}

impl Db {
    /// Records a sollicitation and its first message (`premiere`, whose `id_sollicitation` is ignored),
    /// dated `quand`; returns its id.
    pub async fn creer_sollicitation(
        &self,
        nouvelle: &NouvelleSollicitation,
        premiere: &NouvelleActivite,
        quand: &str,
    ) -> Result<i64, DbError> {
        let id = self
            .prochain_id("sollicitations", DEPART_SOLLICITATIONS)
            .await?;
        let id_activite = self
            .prochain_id("activites_sollicitation", DEPART_ACTIVITES)
            .await?;
        let id_piece = match premiere.piece {
            Some(_) => Some(
                self.prochain_id("pieces_sollicitation", DEPART_ACTIVITES)
                    .await?,
            ),
            None => None,
        };
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO sollicitations (id, id_utilisateur, id_structure, categorie, sous_categorie, sujet, \
             description, type_objet, numero_objet, id_facture, destinataire, email_destinataire, statut, cree_le, modifie_le) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)",
        )
        .bind(id)
        .bind(nouvelle.id_utilisateur)
        .bind(nouvelle.id_structure)
        .bind(&nouvelle.categorie)
        .bind(&nouvelle.sous_categorie)
        .bind(&nouvelle.sujet)
        .bind(&nouvelle.description)
        .bind(&nouvelle.type_objet)
        .bind(&nouvelle.numero_objet)
        .bind(nouvelle.id_facture)
        .bind(&nouvelle.destinataire)
        .bind(&nouvelle.email_destinataire)
        .bind(&nouvelle.statut)
        .bind(quand)
        .execute(&mut *tx)
        .await?;
        inserer_activite(&mut tx, id, id_activite, id_piece, premiere, quand).await?;
        evenement_sollicitation(&mut tx, id, ChangementSollicitation::Creation, quand).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds an activity to a thread and, when it sets one, the sollicitation's new status; returns its id.
    pub async fn ajouter_activite(
        &self,
        activite: &NouvelleActivite,
        quand: &str,
    ) -> Result<i64, DbError> {
        let id_activite = self
            .prochain_id("activites_sollicitation", DEPART_ACTIVITES)
            .await?;
        let id_piece = match activite.piece {
            Some(_) => Some(
                self.prochain_id("pieces_sollicitation", DEPART_ACTIVITES)
                    .await?,
            ),
            None => None,
        };
        let mut tx = self.pool().begin().await?;
        inserer_activite(
            &mut tx,
            activite.id_sollicitation,
            id_activite,
            id_piece,
            activite,
            quand,
        )
        .await?;
        sqlx::query(
            "UPDATE sollicitations SET statut = COALESCE($1, statut), modifie_le = $2 WHERE id = $3",
        )
        .bind(&activite.statut)
        .bind(quand)
        .bind(activite.id_sollicitation)
        .execute(&mut *tx)
        .await?;
        let changement = if activite.statut.is_some() {
            ChangementSollicitation::Statut
        } else if activite.auteur == AUTEUR_DESTINATAIRE {
            ChangementSollicitation::ReponseDestinataire
        } else {
            ChangementSollicitation::MessageEmetteur
        };
        evenement_sollicitation(&mut tx, activite.id_sollicitation, changement, quand).await?;
        tx.commit().await?;
        Ok(id_activite)
    }

    /// One sollicitation.
    pub async fn sollicitation(&self, id: i64) -> Result<Option<SollicitationRow>, DbError> {
        let row = sqlx::query(&format!("{SELECT_SOLLICITATION} WHERE s.id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(sollicitation_from_row).transpose()?)
    }

    /// The sollicitations a user emitted or one of `structures` emitted, last activity first,
    /// all or those in `statut`.
    pub async fn sollicitations_visibles(
        &self,
        id_utilisateur: i64,
        structures: &[i64],
        statut: Option<&str>,
    ) -> Result<Vec<SollicitationRow>, DbError> {
        // Ids are integers from the database: inlining them is safe and keeps the query portable.
        let liste = structures
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let portee = if liste.is_empty() {
            "s.id_utilisateur = $1".to_owned()
        } else {
            format!("(s.id_utilisateur = $1 OR s.id_structure IN ({liste}))")
        };
        let requete = format!(
            "{SELECT_SOLLICITATION} WHERE {portee} AND ($2 IS NULL OR s.statut = $2) \
             ORDER BY s.modifie_le DESC, s.id DESC"
        );
        let rows = sqlx::query(&requete)
            .bind(id_utilisateur)
            .bind(statut)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(sollicitation_from_row)
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// The thread of a sollicitation, oldest first, with the files of each activity.
    pub async fn activites_sollicitation(
        &self,
        id_sollicitation: i64,
    ) -> Result<Vec<ActiviteRow>, DbError> {
        let rows = sqlx::query(
            "SELECT id, auteur, nom_auteur, texte, statut, cree_le FROM activites_sollicitation \
             WHERE id_sollicitation = $1 ORDER BY id",
        )
        .bind(id_sollicitation)
        .fetch_all(self.pool())
        .await?;
        let pieces = sqlx::query(
            "SELECT p.id, p.id_activite, p.nom, p.type_mime, p.taille FROM pieces_sollicitation p \
             JOIN activites_sollicitation a ON a.id = p.id_activite WHERE a.id_sollicitation = $1 ORDER BY p.id",
        )
        .bind(id_sollicitation)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(PieceSollicitationRow {
                id: row.try_get("id")?,
                id_activite: row.try_get("id_activite")?,
                nom: row.try_get("nom")?,
                type_mime: row.try_get("type_mime")?,
                taille: row.try_get("taille")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                Ok(ActiviteRow {
                    id,
                    auteur: row.try_get("auteur")?,
                    nom_auteur: row.try_get("nom_auteur")?,
                    texte: row.try_get("texte")?,
                    statut: row.try_get("statut")?,
                    cree_le: row.try_get("cree_le")?,
                    pieces: pieces
                        .iter()
                        .filter(|p| p.id_activite == id)
                        .cloned()
                        .collect(),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }

    /// An attached file of a sollicitation with its base64 content: (description, content).
    pub async fn piece_sollicitation(
        &self,
        id_sollicitation: i64,
        id_piece: i64,
    ) -> Result<Option<(PieceSollicitationRow, String)>, DbError> {
        let row = sqlx::query(
            "SELECT p.id, p.id_activite, p.nom, p.type_mime, p.taille, p.contenu_base64 \
             FROM pieces_sollicitation p JOIN activites_sollicitation a ON a.id = p.id_activite \
             WHERE p.id = $1 AND a.id_sollicitation = $2",
        )
        .bind(id_piece)
        .bind(id_sollicitation)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            Ok((
                PieceSollicitationRow {
                    id: row.try_get("id")?,
                    id_activite: row.try_get("id_activite")?,
                    nom: row.try_get("nom")?,
                    type_mime: row.try_get("type_mime")?,
                    taille: row.try_get("taille")?,
                },
                row.try_get("contenu_base64")?,
            ))
        })
        .transpose()
        .map_err(|e: sqlx::Error| DbError::from(e))
    }
}

async fn inserer_activite(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    id_sollicitation: i64,
    id_activite: i64,
    id_piece: Option<i64>,
    activite: &NouvelleActivite,
    quand: &str,
) -> Result<(), DbError> {
    use base64::Engine as _;
    sqlx::query(
        "INSERT INTO activites_sollicitation (id, id_sollicitation, auteur, nom_auteur, texte, statut, cree_le) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id_activite)
    .bind(id_sollicitation)
    .bind(&activite.auteur)
    .bind(&activite.nom_auteur)
    .bind(&activite.texte)
    .bind(&activite.statut)
    .bind(quand)
    .execute(&mut **tx)
    .await?;
    if let (Some(piece), Some(id_piece)) = (&activite.piece, id_piece) {
        sqlx::query(
            "INSERT INTO pieces_sollicitation (id, id_activite, nom, type_mime, taille, contenu_base64) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id_piece)
        .bind(id_activite)
        .bind(&piece.nom)
        .bind(&piece.type_mime)
        .bind(i64::try_from(piece.contenu.len()).unwrap_or(i64::MAX))
        .bind(base64::engine::general_purpose::STANDARD.encode(&piece.contenu))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
