//! Invoice queries: uploaded files, invoices, status history, user actions.

use sqlx::sqlite::{Sqlite, SqliteRow};
use sqlx::{QueryBuilder, Row};

use super::{Db, DbError};

/// First id of uploaded files (Chorus-like magnitudes, api-reference §3.1).
const DEPART_PIECES: i64 = 6_921_000;
/// First id of invoices.
const DEPART_FACTURES: i64 = 8_420_000;

/// An uploaded file, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceRow {
    /// `pieceJointeId`.
    pub id: i64,
    /// Uploader.
    pub id_utilisateur: i64,
    /// File name.
    pub nom: String,
    /// Extension, upper case.
    pub extension: String,
    /// Size in bytes.
    pub taille: i64,
}

/// A new invoice, as `soumettre` accepted it.
#[derive(Debug, Clone, Default)]
pub struct NouvelleFacture {
    /// Supplier structure.
    pub id_fournisseur: i64,
    /// Supplier service.
    pub id_service_fournisseur: Option<i64>,
    /// Invoice number (given, or generated in SAISIE_API mode when `None`).
    pub numero: Option<String>,
    /// `modeDepot`.
    pub mode_depot: String,
    /// `typeFacture`.
    pub type_facture: String,
    /// `dateFacture` (`YYYY-MM-DD`).
    pub date_facture: Option<String>,
    /// Deposit timestamp.
    pub depose_le: String,
    /// Recipient structure.
    pub id_destinataire: i64,
    /// Recipient service.
    pub id_service_executant: Option<i64>,
    /// `codeCadreFacturation`.
    pub cadre_facturation: String,
    /// Validator for A9/A12.
    pub code_structure_valideur: Option<String>,
    /// Currency.
    pub devise: String,
    /// `numeroMarche`.
    pub numero_marche: Option<String>,
    /// `numeroBonCommande` (engagement).
    pub numero_bon_commande: Option<String>,
    /// Amounts as decimal text.
    pub montant_ht: Option<String>,
    /// VAT amount.
    pub montant_tva: Option<String>,
    /// Total with VAT.
    pub montant_ttc: Option<String>,
    /// Amount to pay.
    pub montant_a_payer: Option<String>,
    /// Main file.
    pub id_piece_principale: Option<i64>,
    /// SHA-256 (hex) of the request, to recognise a retry.
    pub empreinte_requete: String,
    /// Client idempotency key.
    pub cle_idempotence: Option<String>,
    /// Submitting user.
    pub id_utilisateur_createur: i64,
    /// The request as received (lines, VAT, attachments for `consulter`).
    pub requete_json: String,
}

/// An invoice with the names of its parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactureRow {
    /// `identifiantFactureCPP`.
    pub id: i64,
    /// Supplier structure.
    pub id_fournisseur: i64,
    /// Supplier identifier (SIRET).
    pub code_fournisseur: String,
    /// Supplier name.
    pub designation_fournisseur: String,
    /// Supplier service.
    pub id_service_fournisseur: Option<i64>,
    /// Number.
    pub numero: String,
    /// `modeDepot`.
    pub mode_depot: String,
    /// `typeFacture`.
    pub type_facture: String,
    /// `dateFacture`.
    pub date_facture: Option<String>,
    /// Deposit timestamp.
    pub date_depot: String,
    /// Recipient structure.
    pub id_destinataire: i64,
    /// Recipient SIRET.
    pub code_destinataire: String,
    /// Recipient name.
    pub designation_destinataire: String,
    /// Recipient service.
    pub id_service_executant: Option<i64>,
    /// Recipient service code.
    pub code_service_executant: Option<String>,
    /// Recipient service name.
    pub nom_service_executant: Option<String>,
    /// `codeCadreFacturation`.
    pub cadre_facturation: String,
    /// Validator.
    pub code_structure_valideur: Option<String>,
    /// Currency.
    pub devise: String,
    /// `numeroMarche`.
    pub numero_marche: Option<String>,
    /// `numeroBonCommande`.
    pub numero_bon_commande: Option<String>,
    /// HT.
    pub montant_ht: Option<String>,
    /// TVA.
    pub montant_tva: Option<String>,
    /// TTC.
    pub montant_ttc: Option<String>,
    /// À payer.
    pub montant_a_payer: Option<String>,
    /// Current status code.
    pub statut: String,
    /// When the current status was set.
    pub date_heure_etat_courant: String,
    /// Comment of the current status (reason of a rejection…).
    pub commentaire_etat_courant: Option<String>,
    /// `rejetTraite`.
    pub rejet_traite: bool,
    /// Main file.
    pub id_piece_principale: Option<i64>,
    /// `empreinteCertificatDepot`.
    pub empreinte_certificat: String,
    /// Request fingerprint.
    pub empreinte_requete: String,
    /// Idempotency key.
    pub cle_idempotence: Option<String>,
    /// Creator.
    pub id_utilisateur_createur: i64,
    /// Request as received.
    pub requete_json: String,
    /// `numeroFluxDepot` of the flux that created it (`deposer/flux`).
    pub numero_flux_depot: Option<String>,
}

/// One status change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoRow {
    /// Id.
    pub id: i64,
    /// Status code.
    pub statut: String,
    /// When.
    pub date_passage: String,
    /// Reason.
    pub commentaire: Option<String>,
    /// Who (None for the recipient's simulated side).
    pub id_utilisateur: Option<i64>,
}

/// One user action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    /// Id.
    pub id: i64,
    /// Action code.
    pub code: String,
    /// When.
    pub date_heure: String,
    /// Who.
    pub id_utilisateur: Option<i64>,
}

/// One recipient criterion of `rechercher/fournisseur` (`listeDestinataire[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CritereDestinataireFacture {
    /// `idDestinataire`.
    pub id: i64,
    /// `listeIdServiceExecutant`.
    pub services: Vec<i64>,
}

/// Criteria of `rechercher/fournisseur`, already checked against the caller's structures.
#[derive(Debug, Clone)]
pub struct CriteresFacture {
    /// The structures the caller is attached to: only their invoices are searched (empty: nothing).
    pub structures_visibles: Vec<i64>,
    /// Supplier structure.
    pub id_fournisseur: Option<i64>,
    /// Exact invoice number.
    pub numero: Option<String>,
    /// Current status in this list.
    pub statuts: Vec<String>,
    /// Recipient structures, each with the services it is narrowed to (none: any service).
    pub destinataires: Vec<CritereDestinataireFacture>,
    /// `rechercheSirenDestinataire`: each recipient stands for every structure of its SIREN.
    pub siren_destinataire: bool,
    /// `idServiceFournisseur`: the supplier's own service.
    pub id_service_fournisseur: Option<i64>,
    /// Deposit date from (`YYYY-MM-DD`, inclusive).
    pub depot_du: Option<String>,
    /// Deposit date to (inclusive).
    pub depot_au: Option<String>,
    /// Invoice date from.
    pub facture_du: Option<String>,
    /// Invoice date to.
    pub facture_au: Option<String>,
    /// `typeFacture`.
    pub type_facture: Option<String>,
    /// `cadreFacturation`.
    pub cadre: Option<String>,
    /// `modeDepot`.
    pub mode_depot: Option<String>,
    /// `numeroBonCommande`.
    pub numero_bon_commande: Option<String>,
    /// `numeroMarche`.
    pub numero_marche: Option<String>,
    /// `numeroFluxDepot`: the invoice a `deposer/flux` created.
    pub numero_flux_depot: Option<String>,
    /// `rejetTraite`.
    pub rejet_traite: Option<bool>,
    /// TTC bounds (decimal text).
    pub ttc_min: Option<String>,
    /// TTC bounds.
    pub ttc_max: Option<String>,
    /// HT bounds.
    pub ht_min: Option<String>,
    /// HT bounds.
    pub ht_max: Option<String>,
    /// Sort column (SQL column name from a fixed list) and ascending flag.
    pub tri: (&'static str, bool),
}

const SELECT_FACTURE: &str = "SELECT f.id, f.id_fournisseur, fo.identifiant AS code_fournisseur, \
    fo.raison_sociale AS designation_fournisseur, f.id_service_fournisseur, f.numero, f.mode_depot, f.type_facture, \
    f.date_facture, f.date_depot, f.id_destinataire, d.identifiant AS code_destinataire, \
    d.raison_sociale AS designation_destinataire, f.id_service_executant, s.code_service AS code_service_executant, \
    s.libelle AS nom_service_executant, f.cadre_facturation, f.code_structure_valideur, f.devise, f.numero_marche, \
    f.numero_bon_commande, f.montant_ht, f.montant_tva, f.montant_ttc, f.montant_a_payer, f.statut, \
    f.date_heure_etat_courant, f.commentaire_etat_courant, f.rejet_traite, f.id_piece_principale, \
    f.empreinte_certificat, f.empreinte_requete, f.cle_idempotence, f.id_utilisateur_createur, f.requete_json, \
    (SELECT x.numero FROM flux_depots x WHERE x.id_facture = f.id) AS numero_flux_depot \
    FROM factures f JOIN structures fo ON fo.id_structure_cpp = f.id_fournisseur \
    JOIN structures d ON d.id_structure_cpp = f.id_destinataire \
    LEFT JOIN services s ON s.id_service = f.id_service_executant";

fn facture_from_row(row: &SqliteRow) -> Result<FactureRow, sqlx::Error> {
    Ok(FactureRow {
        id: row.try_get("id")?,
        id_fournisseur: row.try_get("id_fournisseur")?,
        code_fournisseur: row.try_get("code_fournisseur")?,
        designation_fournisseur: row.try_get("designation_fournisseur")?,
        id_service_fournisseur: row.try_get("id_service_fournisseur")?,
        numero: row.try_get("numero")?,
        mode_depot: row.try_get("mode_depot")?,
        type_facture: row.try_get("type_facture")?,
        date_facture: row.try_get("date_facture")?,
        date_depot: row.try_get("date_depot")?,
        id_destinataire: row.try_get("id_destinataire")?,
        code_destinataire: row.try_get("code_destinataire")?,
        designation_destinataire: row.try_get("designation_destinataire")?,
        id_service_executant: row.try_get("id_service_executant")?,
        code_service_executant: row.try_get("code_service_executant")?,
        nom_service_executant: row.try_get("nom_service_executant")?,
        cadre_facturation: row.try_get("cadre_facturation")?,
        code_structure_valideur: row.try_get("code_structure_valideur")?,
        devise: row.try_get("devise")?,
        numero_marche: row.try_get("numero_marche")?,
        numero_bon_commande: row.try_get("numero_bon_commande")?,
        montant_ht: row.try_get("montant_ht")?,
        montant_tva: row.try_get("montant_tva")?,
        montant_ttc: row.try_get("montant_ttc")?,
        montant_a_payer: row.try_get("montant_a_payer")?,
        statut: row.try_get("statut")?,
        date_heure_etat_courant: row.try_get("date_heure_etat_courant")?,
        commentaire_etat_courant: row.try_get("commentaire_etat_courant")?,
        rejet_traite: row.try_get("rejet_traite")?,
        id_piece_principale: row.try_get("id_piece_principale")?,
        empreinte_certificat: row.try_get("empreinte_certificat")?,
        empreinte_requete: row.try_get("empreinte_requete")?,
        cle_idempotence: row.try_get("cle_idempotence")?,
        id_utilisateur_createur: row.try_get("id_utilisateur_createur")?,
        requete_json: row.try_get("requete_json")?,
        numero_flux_depot: row.try_get("numero_flux_depot")?,
    })
}

/// Outcome of [`Db::creer_facture`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creation {
    /// Created.
    Creee(FactureRow),
    /// The supplier already has an invoice with this number.
    NumeroDejaUtilise(FactureRow),
}

impl Db {
    /// Stores an uploaded file and returns its `pieceJointeId`.
    pub async fn ajouter_piece(
        &self,
        id_utilisateur: i64,
        nom: &str,
        extension: &str,
        contenu: &[u8],
        contenu_base64: &str,
        maintenant: &str,
    ) -> Result<i64, DbError> {
        let id = self.prochain_id("pieces_jointes", DEPART_PIECES).await?;
        let sha256 = crate::auth::hash_token_bytes(contenu);
        sqlx::query(
            "INSERT INTO pieces_jointes (id, id_utilisateur, nom, extension, taille, sha256, contenu_base64, depose_le) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(id_utilisateur)
        .bind(nom)
        .bind(extension)
        .bind(i64::try_from(contenu.len()).unwrap_or(i64::MAX))
        .bind(sha256)
        .bind(contenu_base64)
        .bind(maintenant)
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// An uploaded file's metadata.
    pub async fn piece(&self, id: i64) -> Result<Option<PieceRow>, DbError> {
        let row = sqlx::query(
            "SELECT id, id_utilisateur, nom, extension, taille FROM pieces_jointes WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .map(|row| -> Result<PieceRow, sqlx::Error> {
                Ok(PieceRow {
                    id: row.try_get("id")?,
                    id_utilisateur: row.try_get("id_utilisateur")?,
                    nom: row.try_get("nom")?,
                    extension: row.try_get("extension")?,
                    taille: row.try_get("taille")?,
                })
            })
            .transpose()?)
    }

    /// Creates an invoice in status DEPOSEE with its first history line and its event, in one transaction.
    /// The number is generated (year + 16 digits, as observed for SAISIE_API, api-reference §3.2) when absent.
    pub async fn creer_facture(
        &self,
        facture: &NouvelleFacture,
        annee: i32,
    ) -> Result<Creation, DbError> {
        let id = self.prochain_id("factures", DEPART_FACTURES).await?;
        let numero = match &facture.numero {
            Some(numero) => numero.clone(),
            None => format!(
                "{annee:04}{:016}",
                self.prochain_id(&format!("numeros_{annee}"), 0).await?
            ),
        };
        if let Some(existante) = self
            .facture_par_numero(facture.id_fournisseur, &numero)
            .await?
        {
            return Ok(Creation::NumeroDejaUtilise(existante));
        }
        let empreinte = empreinte_certificat(id, &numero, facture);
        // Ids first: with an in-memory database the pool has one connection, held by the transaction.
        let id_histo = self.prochain_id("historique", 1).await?;
        let mut tx = self.pool.begin().await?;
        let insert = sqlx::query(
            "INSERT INTO factures (id, id_fournisseur, id_service_fournisseur, numero, mode_depot, type_facture, \
             date_facture, date_depot, id_destinataire, id_service_executant, cadre_facturation, \
             code_structure_valideur, devise, numero_marche, numero_bon_commande, montant_ht, montant_tva, \
             montant_ttc, montant_a_payer, statut, date_heure_etat_courant, commentaire_etat_courant, rejet_traite, \
             id_piece_principale, empreinte_certificat, empreinte_requete, cle_idempotence, id_utilisateur_createur, \
             requete_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
             $19, 'DEPOSEE', $8, NULL, FALSE, $20, $21, $22, $23, $24, $25)",
        )
        .bind(id)
        .bind(facture.id_fournisseur)
        .bind(facture.id_service_fournisseur)
        .bind(&numero)
        .bind(&facture.mode_depot)
        .bind(&facture.type_facture)
        .bind(&facture.date_facture)
        .bind(&facture.depose_le)
        .bind(facture.id_destinataire)
        .bind(facture.id_service_executant)
        .bind(&facture.cadre_facturation)
        .bind(&facture.code_structure_valideur)
        .bind(&facture.devise)
        .bind(&facture.numero_marche)
        .bind(&facture.numero_bon_commande)
        .bind(&facture.montant_ht)
        .bind(&facture.montant_tva)
        .bind(&facture.montant_ttc)
        .bind(&facture.montant_a_payer)
        .bind(facture.id_piece_principale)
        .bind(&empreinte)
        .bind(&facture.empreinte_requete)
        .bind(&facture.cle_idempotence)
        .bind(facture.id_utilisateur_createur)
        .bind(&facture.requete_json)
        .execute(&mut *tx)
        .await;
        match insert {
            Ok(_) => {}
            // Two concurrent submissions of the same number: the unique key decides, the loser sees a duplicate.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                drop(tx);
                return match self
                    .facture_par_numero(facture.id_fournisseur, &numero)
                    .await?
                {
                    Some(existante) => Ok(Creation::NumeroDejaUtilise(existante)),
                    None => Err(DbError::Sql(sqlx::Error::Database(e))),
                };
            }
            Err(e) => return Err(e.into()),
        }
        sqlx::query(
            "INSERT INTO historique_statuts (id, id_facture, statut, date_passage, commentaire, id_utilisateur) \
             VALUES ($1, $2, 'DEPOSEE', $3, NULL, $4)",
        )
        .bind(id_histo)
        .bind(id)
        .bind(&facture.depose_le)
        .bind(facture.id_utilisateur_createur)
        .execute(&mut *tx)
        .await?;
        super::evenements::evenement_facture(&mut tx, id, "DEPOSEE", &facture.depose_le).await?;
        tx.commit().await?;
        let creee = self
            .facture(id)
            .await?
            .ok_or_else(|| DbError::Seed(format!("facture {id} disparue")))?;
        Ok(Creation::Creee(creee))
    }

    /// An invoice by id.
    pub async fn facture(&self, id: i64) -> Result<Option<FactureRow>, DbError> {
        let row = sqlx::query(&format!("{SELECT_FACTURE} WHERE f.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(facture_from_row).transpose()?)
    }

    /// A supplier's invoice by number.
    pub async fn facture_par_numero(
        &self,
        id_fournisseur: i64,
        numero: &str,
    ) -> Result<Option<FactureRow>, DbError> {
        let row = sqlx::query(&format!(
            "{SELECT_FACTURE} WHERE f.id_fournisseur = $1 AND f.numero = $2"
        ))
        .bind(id_fournisseur)
        .bind(numero)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(facture_from_row).transpose()?)
    }

    /// The invoice a user created with this idempotency key.
    pub async fn facture_par_cle(
        &self,
        id_utilisateur: i64,
        cle: &str,
    ) -> Result<Option<FactureRow>, DbError> {
        let row = sqlx::query(&format!(
            "{SELECT_FACTURE} WHERE f.id_utilisateur_createur = $1 AND f.cle_idempotence = $2"
        ))
        .bind(id_utilisateur)
        .bind(cle)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(facture_from_row).transpose()?)
    }

    /// The latest invoice of a supplier with this request fingerprint deposited since `depuis`.
    pub async fn facture_par_empreinte(
        &self,
        id_fournisseur: i64,
        empreinte_requete: &str,
        depuis: &str,
    ) -> Result<Option<FactureRow>, DbError> {
        let row = sqlx::query(&format!(
            "{SELECT_FACTURE} WHERE f.id_fournisseur = $1 AND f.empreinte_requete = $2 AND f.date_depot >= $3 \
             ORDER BY f.id DESC LIMIT 1"
        ))
        .bind(id_fournisseur)
        .bind(empreinte_requete)
        .bind(depuis)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(facture_from_row).transpose()?)
    }

    /// One page of a supplier search, with the total count.
    pub async fn rechercher_factures(
        &self,
        criteres: &CriteresFacture,
        page: i64,
        par_page: i64,
    ) -> Result<(Vec<FactureRow>, i64), DbError> {
        // The filters only read `factures` columns: counting needs no join.
        let mut count = QueryBuilder::<Sqlite>::new("SELECT COUNT(*) FROM factures f");
        filtrer(&mut count, criteres);
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await?;
        let (colonne, ascendant) = criteres.tri;
        let sens = if ascendant { "ASC" } else { "DESC" };
        let mut select = QueryBuilder::<Sqlite>::new(SELECT_FACTURE);
        if colonne.contains("f.") {
            // Sort and page on `factures` alone, then join only the page: the sorter holds two columns
            // per row instead of the whole joined row (10 000 invoices: the difference that matters).
            select.push(" WHERE f.id IN (SELECT f.id FROM factures f");
            filtrer(&mut select, criteres);
            select.push(format!(" ORDER BY {colonne} {sens}, f.id {sens} LIMIT "));
            select
                .push_bind(par_page)
                .push(" OFFSET ")
                .push_bind((page - 1).saturating_mul(par_page))
                .push(")");
            select.push(format!(" ORDER BY {colonne} {sens}, f.id {sens}"));
        } else {
            filtrer(&mut select, criteres);
            select.push(format!(" ORDER BY {colonne} {sens}, f.id {sens} LIMIT "));
            select
                .push_bind(par_page)
                .push(" OFFSET ")
                .push_bind((page - 1).saturating_mul(par_page));
        }
        let rows = select.build().fetch_all(&self.pool).await?;
        let factures = rows
            .iter()
            .map(facture_from_row)
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        Ok((factures, total))
    }

    /// Sets a new current status and appends it to the history and to the event feed.
    pub async fn changer_statut(
        &self,
        id_facture: i64,
        statut: &str,
        commentaire: Option<&str>,
        id_utilisateur: Option<i64>,
        maintenant: &str,
    ) -> Result<(), DbError> {
        let id_histo = self.prochain_id("historique", 1).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE factures SET statut = $1, date_heure_etat_courant = $2, commentaire_etat_courant = $3 WHERE id = $4",
        )
        .bind(statut)
        .bind(maintenant)
        .bind(commentaire)
        .bind(id_facture)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO historique_statuts (id, id_facture, statut, date_passage, commentaire, id_utilisateur) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id_histo)
        .bind(id_facture)
        .bind(statut)
        .bind(maintenant)
        .bind(commentaire)
        .bind(id_utilisateur)
        .execute(&mut *tx)
        .await?;
        super::evenements::evenement_facture(&mut tx, id_facture, statut, maintenant).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a user action on an invoice.
    pub async fn ajouter_action(
        &self,
        id_facture: i64,
        code: &str,
        id_utilisateur: i64,
        maintenant: &str,
    ) -> Result<(), DbError> {
        let id = self.prochain_id("actions", 1).await?;
        sqlx::query(
            "INSERT INTO actions_utilisateurs (id, id_facture, code, date_heure, id_utilisateur) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(id_facture)
        .bind(code)
        .bind(maintenant)
        .bind(id_utilisateur)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The content of an uploaded file, base64 as stored.
    pub async fn contenu_piece_base64(&self, id: i64) -> Result<Option<String>, DbError> {
        Ok(
            sqlx::query_scalar("SELECT contenu_base64 FROM pieces_jointes WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Sets the validator of an invoice (`corriger/valideur/facture`).
    pub async fn changer_valideur(
        &self,
        id_facture: i64,
        code_structure_valideur: &str,
    ) -> Result<(), DbError> {
        sqlx::query("UPDATE factures SET code_structure_valideur = $1 WHERE id = $2")
            .bind(code_structure_valideur)
            .bind(id_facture)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Marks a rejected invoice as acknowledged (`traiterRejet`).
    pub async fn marquer_rejet_traite(&self, id_facture: i64) -> Result<(), DbError> {
        sqlx::query("UPDATE factures SET rejet_traite = TRUE WHERE id = $1")
            .bind(id_facture)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Changes the routing data of an invoice (`recycler`).
    pub async fn changer_acheminement(
        &self,
        id_facture: i64,
        id_destinataire: i64,
        id_service_executant: Option<i64>,
        numero_bon_commande: Option<&str>,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE factures SET id_destinataire = $1, id_service_executant = $2, numero_bon_commande = $3 WHERE id = $4",
        )
        .bind(id_destinataire)
        .bind(id_service_executant)
        .bind(numero_bon_commande)
        .bind(id_facture)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Status history, oldest first.
    pub async fn historique(&self, id_facture: i64) -> Result<Vec<HistoRow>, DbError> {
        let rows = sqlx::query(
            "SELECT id, statut, date_passage, commentaire, id_utilisateur FROM historique_statuts \
             WHERE id_facture = $1 ORDER BY date_passage, id",
        )
        .bind(id_facture)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|row| -> Result<HistoRow, sqlx::Error> {
                Ok(HistoRow {
                    id: row.try_get("id")?,
                    statut: row.try_get("statut")?,
                    date_passage: row.try_get("date_passage")?,
                    commentaire: row.try_get("commentaire")?,
                    id_utilisateur: row.try_get("id_utilisateur")?,
                })
            })
            .collect::<Result<_, _>>()?)
    }

    /// User actions, oldest first.
    pub async fn actions(&self, id_facture: i64) -> Result<Vec<ActionRow>, DbError> {
        let rows = sqlx::query(
            "SELECT id, code, date_heure, id_utilisateur FROM actions_utilisateurs WHERE id_facture = $1 ORDER BY id",
        )
        .bind(id_facture)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|row| -> Result<ActionRow, sqlx::Error> {
                Ok(ActionRow {
                    id: row.try_get("id")?,
                    code: row.try_get("code")?,
                    date_heure: row.try_get("date_heure")?,
                    id_utilisateur: row.try_get("id_utilisateur")?,
                })
            })
            .collect::<Result<_, _>>()?)
    }

    /// Invoices in `statut` whose current status was set at or before `avant`, with that date
    /// (simulation of the recipient).
    pub async fn factures_en_statut_avant(
        &self,
        statut: &str,
        avant: &str,
    ) -> Result<Vec<(i64, String, String)>, DbError> {
        let rows = sqlx::query(
            "SELECT id, date_heure_etat_courant, cadre_facturation FROM factures \
             WHERE statut = $1 AND date_heure_etat_courant <= $2 ORDER BY id",
        )
        .bind(statut)
        .bind(avant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|row| {
                Ok((
                    row.try_get("id")?,
                    row.try_get("date_heure_etat_courant")?,
                    row.try_get("cadre_facturation")?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()?)
    }
}

fn filtrer(query: &mut QueryBuilder<'_, Sqlite>, c: &CriteresFacture) {
    // Scope first. An explicit list (usually one id) lets SQLite walk the (id_fournisseur, date_depot)
    // index for both the filter and the default sort.
    let fournisseurs: Vec<i64> = match c.id_fournisseur {
        Some(id) => c
            .structures_visibles
            .iter()
            .copied()
            .filter(|s| *s == id)
            .collect(),
        None => c.structures_visibles.clone(),
    };
    match fournisseurs.as_slice() {
        [] => {
            query.push(" WHERE 1 = 0");
        }
        [id] => {
            query.push(" WHERE f.id_fournisseur = ").push_bind(*id);
        }
        ids => {
            query.push(" WHERE f.id_fournisseur IN (");
            let mut separated = query.separated(", ");
            for id in ids {
                separated.push_bind(*id);
            }
            query.push(")");
        }
    }
    let egal = |query: &mut QueryBuilder<'_, Sqlite>, colonne: &str, valeur: &Option<String>| {
        if let Some(valeur) = valeur {
            query
                .push(format!(" AND {colonne} = "))
                .push_bind(valeur.clone());
        }
    };
    egal(query, "f.numero", &c.numero);
    egal(query, "f.type_facture", &c.type_facture);
    egal(query, "f.cadre_facturation", &c.cadre);
    egal(query, "f.mode_depot", &c.mode_depot);
    egal(query, "f.numero_bon_commande", &c.numero_bon_commande);
    egal(query, "f.numero_marche", &c.numero_marche);
    if let Some(numero) = &c.numero_flux_depot {
        query
            .push(" AND f.id IN (SELECT id_facture FROM flux_depots WHERE numero = ")
            .push_bind(numero.clone())
            .push(")");
    }
    if !c.statuts.is_empty() {
        query.push(" AND f.statut IN (");
        let mut separated = query.separated(", ");
        for statut in &c.statuts {
            separated.push_bind(statut.clone());
        }
        query.push(")");
    }
    if !c.destinataires.is_empty() {
        // (recipient [or any structure of its SIREN] [and one of its services]) OR …
        query.push(" AND (");
        for (i, d) in c.destinataires.iter().enumerate() {
            if i > 0 {
                query.push(" OR ");
            }
            if c.siren_destinataire {
                query
                    .push("(f.id_destinataire IN (SELECT m.id_structure_cpp FROM structures m \
                           WHERE length(m.identifiant) = 14 AND substr(m.identifiant, 1, 9) = \
                           (SELECT substr(r.identifiant, 1, 9) FROM structures r WHERE r.id_structure_cpp = ")
                    .push_bind(d.id)
                    .push("))");
            } else {
                query.push("(f.id_destinataire = ").push_bind(d.id);
            }
            if !d.services.is_empty() {
                query.push(" AND f.id_service_executant IN (");
                let mut separated = query.separated(", ");
                for id in &d.services {
                    separated.push_bind(*id);
                }
                query.push(")");
            }
            query.push(")");
        }
        query.push(")");
    }
    if let Some(id) = c.id_service_fournisseur {
        query.push(" AND f.id_service_fournisseur = ").push_bind(id);
    }
    // Deposit dates are `YYYY-MM-DDTHH:MM:SS` text: `du` compares as is, `au` is made inclusive by
    // comparing with the next day; plain comparisons keep the (id_fournisseur, date_depot) index usable.
    if let Some(du) = &c.depot_du {
        query.push(" AND f.date_depot >= ").push_bind(du.clone());
    }
    if let Some(au) = &c.depot_au {
        let lendemain = chrono::NaiveDate::parse_from_str(au, "%Y-%m-%d")
            .ok()
            .and_then(|jour| jour.succ_opt())
            .map(|jour| jour.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| format!("{au}~"));
        query.push(" AND f.date_depot < ").push_bind(lendemain);
    }
    if let Some(du) = &c.facture_du {
        query.push(" AND f.date_facture >= ").push_bind(du.clone());
    }
    if let Some(au) = &c.facture_au {
        query.push(" AND f.date_facture <= ").push_bind(au.clone());
    }
    if let Some(traite) = c.rejet_traite {
        query.push(" AND f.rejet_traite = ").push_bind(traite);
    }
    let borne =
        |query: &mut QueryBuilder<'_, Sqlite>, colonne: &str, op: &str, valeur: &Option<String>| {
            if let Some(valeur) = valeur {
                query.push(format!(" AND CAST({colonne} AS DECIMAL(19, 6)) {op} CAST("));
                query.push_bind(valeur.clone()).push(" AS DECIMAL(19, 6))");
            }
        };
    borne(query, "f.montant_ttc", ">=", &c.ttc_min);
    borne(query, "f.montant_ttc", "<=", &c.ttc_max);
    borne(query, "f.montant_ht", ">=", &c.ht_min);
    borne(query, "f.montant_ht", "<=", &c.ht_max);
}

impl Default for CriteresFacture {
    fn default() -> Self {
        CriteresFacture {
            structures_visibles: Vec::new(),
            id_fournisseur: None,
            numero: None,
            statuts: Vec::new(),
            destinataires: Vec::new(),
            siren_destinataire: false,
            id_service_fournisseur: None,
            depot_du: None,
            depot_au: None,
            facture_du: None,
            facture_au: None,
            type_facture: None,
            cadre: None,
            mode_depot: None,
            numero_bon_commande: None,
            numero_marche: None,
            numero_flux_depot: None,
            rejet_traite: None,
            ttc_min: None,
            ttc_max: None,
            ht_min: None,
            ht_max: None,
            tri: ("f.date_depot", false),
        }
    }
}

/// `empreinteCertificatDepot`: base64 of the SHA-256 of the deposit record (44 characters, like the
/// real certificate fingerprint, api-reference §3.2).
fn empreinte_certificat(id: i64, numero: &str, facture: &NouvelleFacture) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let record = format!(
        "{id}|{numero}|{}|{}|{}|{}",
        facture.id_fournisseur,
        facture.id_destinataire,
        facture.depose_le,
        facture.empreinte_requete
    );
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(record.as_bytes()))
}
