//! The portal's event feed (`evenements`): rows written by the changes they tell about, in their transaction.
//!
//! **Invariant:** an event's id comes from the `evenements` counter inside the transaction that writes it,
//! after that transaction's first write: the counter row stays locked until commit, so ids grow in commit
//! order and a reader resuming after the last id it saw never misses an event committed later.

use cpro::StatutFacture;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite, Transaction};

use super::{Db, DbError};

/// An invoice's status changed (or it was deposited).
pub const TYPE_FACTURE_STATUT: &str = "FACTURE_STATUT";
/// A rattachement request of the user was decided.
pub const TYPE_RATTACHEMENT: &str = "RATTACHEMENT";
/// A sollicitation was created, got a message or changed status.
pub const TYPE_SOLLICITATION: &str = "SOLLICITATION";

/// Espace whose consultation right shows invoice events.
pub const ESPACE_FACTURES: &str = "FACTURES_EMISES";
/// Espace whose consultation right shows sollicitation events.
pub const ESPACE_SOLLICITATIONS: &str = "SOLLICITATIONS";

/// Longest sollicitation subject quoted in a label (characters).
const SUJET_DANS_LIBELLE: usize = 60;

/// An event to record.
#[derive(Debug, Clone, Copy)]
pub(super) struct NouvelEvenement<'a> {
    pub type_evenement: &'a str,
    pub horodatage: &'a str,
    /// The user it is for whatever their attachments.
    pub id_utilisateur: Option<i64>,
    pub id_structure: Option<i64>,
    /// Espace of `id_structure` whose consultation right shows it; `None`: `id_utilisateur` only.
    pub espace: Option<&'a str>,
    pub id_objet: i64,
    pub numero: Option<&'a str>,
    pub statut: Option<&'a str>,
    pub libelle: &'a str,
}

/// A recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvenementRow {
    /// Id, increasing in commit order.
    pub id: i64,
    /// `FACTURE_STATUT`, `RATTACHEMENT` or `SOLLICITATION`.
    pub type_evenement: String,
    /// When (`YYYY-MM-DDTHH:MM:SS`, UTC, sandbox clock).
    pub horodatage: String,
    /// The structure concerned.
    pub id_structure: Option<i64>,
    /// The invoice, rattachement request or sollicitation.
    pub id_objet: i64,
    /// The invoice's number.
    pub numero: Option<String>,
    /// The new status code.
    pub statut: Option<String>,
    /// Short French label.
    pub libelle: String,
}

/// Which events a user may read: their own, and those of the structures where they may consult the espace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PorteeEvenements {
    /// The user.
    pub id_utilisateur: i64,
    /// Structures whose FACTURES_EMISES espace the user may consult.
    pub structures_factures: Vec<i64>,
    /// Structures whose SOLLICITATIONS espace the user may consult.
    pub structures_sollicitations: Vec<i64>,
}

/// Records an event in `tx` (which must have written already, see the module's invariant); returns its id.
pub(super) async fn inserer_evenement(
    tx: &mut Transaction<'_, Sqlite>,
    evenement: &NouvelEvenement<'_>,
) -> Result<i64, DbError> {
    sqlx::query(
        "INSERT INTO compteurs (nom, valeur) VALUES ('evenements', 0) ON CONFLICT (nom) DO NOTHING",
    )
    .execute(&mut **tx)
    .await?;
    let id: i64 = sqlx::query_scalar(
        "UPDATE compteurs SET valeur = valeur + 1 WHERE nom = 'evenements' RETURNING valeur",
    )
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO evenements (id, type_evenement, horodatage, id_utilisateur, id_structure, espace, id_objet, \
         numero, statut, libelle) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(evenement.type_evenement)
    .bind(evenement.horodatage)
    .bind(evenement.id_utilisateur)
    .bind(evenement.id_structure)
    .bind(evenement.espace)
    .bind(evenement.id_objet)
    .bind(evenement.numero)
    .bind(evenement.statut)
    .bind(evenement.libelle)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Records that invoice `id_facture` entered `statut`, in `tx`.
pub(super) async fn evenement_facture(
    tx: &mut Transaction<'_, Sqlite>,
    id_facture: i64,
    statut: &str,
    horodatage: &str,
) -> Result<i64, DbError> {
    let row = sqlx::query("SELECT numero, id_fournisseur FROM factures WHERE id = $1")
        .bind(id_facture)
        .fetch_one(&mut **tx)
        .await?;
    let numero: String = row.try_get("numero")?;
    let id_fournisseur: i64 = row.try_get("id_fournisseur")?;
    inserer_evenement(
        tx,
        &NouvelEvenement {
            type_evenement: TYPE_FACTURE_STATUT,
            horodatage,
            id_utilisateur: None,
            id_structure: Some(id_fournisseur),
            espace: Some(ESPACE_FACTURES),
            id_objet: id_facture,
            numero: Some(&numero),
            statut: Some(statut),
            libelle: &libelle_facture(&numero, statut),
        },
    )
    .await
}

/// Records that sollicitation `id_sollicitation` was created or got an activity, in `tx` (after the change).
pub(super) async fn evenement_sollicitation(
    tx: &mut Transaction<'_, Sqlite>,
    id_sollicitation: i64,
    changement: ChangementSollicitation,
    horodatage: &str,
) -> Result<i64, DbError> {
    let row = sqlx::query(
        "SELECT id_utilisateur, id_structure, sujet, statut FROM sollicitations WHERE id = $1",
    )
    .bind(id_sollicitation)
    .fetch_one(&mut **tx)
    .await?;
    let sujet: String = row.try_get("sujet")?;
    let statut: String = row.try_get("statut")?;
    inserer_evenement(
        tx,
        &NouvelEvenement {
            type_evenement: TYPE_SOLLICITATION,
            horodatage,
            id_utilisateur: Some(row.try_get("id_utilisateur")?),
            id_structure: row.try_get("id_structure")?,
            espace: Some(ESPACE_SOLLICITATIONS),
            id_objet: id_sollicitation,
            numero: None,
            statut: Some(&statut),
            libelle: &libelle_sollicitation(&sujet, changement, &statut),
        },
    )
    .await
}

/// What happened to a sollicitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChangementSollicitation {
    /// It was created.
    Creation,
    /// Its status changed (with or without a message).
    Statut,
    /// The recipient wrote.
    ReponseDestinataire,
    /// The emitter wrote.
    MessageEmetteur,
}

/// « Facture F-1 : Mise à disposition ».
pub(super) fn libelle_facture(numero: &str, statut: &str) -> String {
    format!(
        "Facture {numero} : {}",
        StatutFacture::from_code(statut).libelle_fr()
    )
}

/// « Rattachement à ACME accepté (Consultation) » or « Rattachement à ACME refusé : motif ».
pub(super) fn libelle_rattachement(
    raison_sociale: &str,
    acceptee: bool,
    habilitation: Option<&str>,
    motif: Option<&str>,
) -> String {
    if acceptee {
        let niveau = match habilitation {
            Some("MODIFICATION") => " (Modification)",
            Some("CONSULTATION") => " (Consultation)",
            _ => "",
        };
        format!("Rattachement à {raison_sociale} accepté{niveau}")
    } else {
        match motif.map(str::trim).filter(|m| !m.is_empty()) {
            Some(motif) => format!(
                "Rattachement à {raison_sociale} refusé : {}",
                abrege(motif, SUJET_DANS_LIBELLE)
            ),
            None => format!("Rattachement à {raison_sociale} refusé"),
        }
    }
}

/// « Sollicitation « sujet » : … ».
pub(super) fn libelle_sollicitation(
    sujet: &str,
    changement: ChangementSollicitation,
    statut: &str,
) -> String {
    let sujet = abrege(sujet, SUJET_DANS_LIBELLE);
    let quoi = match changement {
        ChangementSollicitation::Creation => "créée".to_owned(),
        ChangementSollicitation::Statut => {
            let libelle = portail::sollicitations::Statut::depuis_code(statut)
                .map_or(statut, |s| s.libelles().0);
            format!("statut {libelle}")
        }
        ChangementSollicitation::ReponseDestinataire => "nouvelle réponse du destinataire".into(),
        ChangementSollicitation::MessageEmetteur => "nouveau message".into(),
    };
    match changement {
        ChangementSollicitation::Creation => format!("Sollicitation « {sujet} » {quoi}"),
        _ => format!("Sollicitation « {sujet} » : {quoi}"),
    }
}

/// At most `n` characters, with « … » when cut.
fn abrege(texte: &str, n: usize) -> String {
    let texte = texte.trim();
    if texte.chars().count() <= n {
        return texte.to_owned();
    }
    let mut court: String = texte.chars().take(n.saturating_sub(1)).collect();
    court.push('…');
    court
}

fn evenement_from_row(row: &SqliteRow) -> Result<EvenementRow, sqlx::Error> {
    Ok(EvenementRow {
        id: row.try_get("id")?,
        type_evenement: row.try_get("type_evenement")?,
        horodatage: row.try_get("horodatage")?,
        id_structure: row.try_get("id_structure")?,
        id_objet: row.try_get("id_objet")?,
        numero: row.try_get("numero")?,
        statut: row.try_get("statut")?,
        libelle: row.try_get("libelle")?,
    })
}

/// `id IN (…)` for integer ids (inlined: they come from the database, and the query stays portable).
fn parmi(ids: &[i64]) -> String {
    if ids.is_empty() {
        "1 = 0".to_owned()
    } else {
        let liste = ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        format!("id_structure IN ({liste})")
    }
}

impl Db {
    /// The events `portee` lets its user read with an id above `depuis`, oldest first, at most `limite`.
    pub async fn evenements(
        &self,
        portee: &PorteeEvenements,
        depuis: i64,
        limite: i64,
    ) -> Result<Vec<EvenementRow>, DbError> {
        let requete = format!(
            "SELECT id, type_evenement, horodatage, id_structure, id_objet, numero, statut, libelle \
             FROM evenements WHERE id > $1 AND (id_utilisateur = $2 \
             OR (espace = '{ESPACE_FACTURES}' AND {}) \
             OR (espace = '{ESPACE_SOLLICITATIONS}' AND {})) \
             ORDER BY id LIMIT $3",
            parmi(&portee.structures_factures),
            parmi(&portee.structures_sollicitations),
        );
        let rows = sqlx::query(&requete)
            .bind(depuis)
            .bind(portee.id_utilisateur)
            .bind(limite)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(evenement_from_row)
            .collect::<Result<_, sqlx::Error>>()
            .map_err(DbError::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_short_french_sentences() {
        assert_eq!(
            libelle_facture("F-2026-001", "MISE_A_DISPOSITION"),
            "Facture F-2026-001 : Mise à disposition"
        );
        assert_eq!(
            libelle_facture("F-1", "STATUT_FUTUR"),
            "Facture F-1 : STATUT_FUTUR"
        );
        assert_eq!(
            libelle_rattachement("ACME", true, Some("MODIFICATION"), None),
            "Rattachement à ACME accepté (Modification)"
        );
        assert_eq!(
            libelle_rattachement("ACME", false, None, Some("  Inconnu  ")),
            "Rattachement à ACME refusé : Inconnu"
        );
        assert_eq!(
            libelle_sollicitation("Retard", ChangementSollicitation::Statut, "RESOLU"),
            "Sollicitation « Retard » : statut Résolu"
        );
        assert_eq!(
            libelle_sollicitation("Retard", ChangementSollicitation::Creation, "OUVERT"),
            "Sollicitation « Retard » créée"
        );
        let long = "x".repeat(200);
        let libelle =
            libelle_sollicitation(&long, ChangementSollicitation::MessageEmetteur, "OUVERT");
        assert!(libelle.chars().count() < 100, "{libelle}");
        assert!(libelle.contains('…'));
    }
}
