//! Volume data for demos and measurements: `--seed-factures N` adds N invoices of the demo supplier,
//! spread over the last 12 months of the sandbox clock, in every family of statuses (paid, rejected,
//! late, awaiting payment, sent back, suspended), each with a plausible status history.
//!
//! Written in one transaction with bulk inserts (10 000 invoices in about a second), ids reserved
//! from the same counters as `soumettre`. Idempotent: a database that already holds volume invoices
//! (numbers `VOL-…`) is left alone. Invoices are never left in a status the sandbox routes on its
//! own (DEPOSEE, EN_COURS_ACHEMINEMENT, COMPLETEE), so a measurement sees stable data.

use chrono::{Duration, NaiveDateTime};
use rust_decimal::Decimal;

use crate::db::{Db, DbError};
use crate::seed::ID_FOURNISSEUR_DEMO;

/// The command-line flag.
pub const OPTION: &str = "--seed-factures";
/// Upper bound of N (the search pages stop at 10 000, a demo needs no more than a few times that).
pub const MAX: u64 = 100_000;
/// Prefix of the invoice numbers.
const PREFIXE: &str = "VOL-";
/// First ids of the counters, as `db::factures` starts them.
const DEPART_FACTURES: i64 = 8_420_000;
const DEPART_HISTORIQUE: i64 = 1;
const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// Takes `--seed-factures N` (or `--seed-factures=N`) out of the command line; the rest goes to
/// `Settings`. An invalid N is an error naming the flag.
pub fn extraire_option(
    args: impl IntoIterator<Item = String>,
) -> Result<(Vec<String>, Option<u64>), String> {
    let mut reste = Vec::new();
    let mut n = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let valeur = if arg == OPTION {
            Some(args.next().unwrap_or_default())
        } else {
            arg.strip_prefix(&format!("{OPTION}=")).map(str::to_owned)
        };
        match valeur {
            Some(v) => {
                let nombre = v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=MAX).contains(n))
                    .ok_or_else(|| {
                        format!("{OPTION}: a number from 1 to {MAX} expected, got {v:?}")
                    })?;
                n = Some(nombre);
            }
            None => reste.push(arg),
        }
    }
    Ok((reste, n))
}

/// A small deterministic mixer (splitmix64), so that the same N gives the same invoices.
fn melange(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The statuses after MISE_A_DISPOSITION of invoice `i` deposited `age` days ago, and the days
/// after the deposit at which each was reached.
fn destin(i: u64, age: i64) -> Vec<(&'static str, i64)> {
    let tirage = melange(i.wrapping_mul(7)) % 100;
    let apres = |jours: i64| jours.min(age).max(0);
    if age > 45 {
        match tirage {
            0..=69 => vec![
                ("SERVICE_FAIT", apres(8)),
                ("MANDATEE", apres(20)),
                ("MISE_EN_PAIEMENT", apres(24 + (melange(i) % 20) as i64)),
            ],
            70..=77 => vec![("REJETEE", apres(6))],
            // Never paid: late.
            78..=89 => vec![("SERVICE_FAIT", apres(5))],
            90..=94 => vec![],
            _ => vec![("MANDATEE", apres(15))],
        }
    } else {
        match tirage {
            0..=29 => vec![],
            30..=49 => vec![("SERVICE_FAIT", apres(3))],
            50..=64 => vec![("SERVICE_FAIT", apres(3)), ("MISE_EN_PAIEMENT", apres(20))],
            65..=74 => vec![("A_RECYCLER", apres(1))],
            75..=84 => vec![("SUSPENDUE", apres(2))],
            85..=89 => vec![("REJETEE", apres(2))],
            _ => vec![("MANDATEE", apres(10))],
        }
    }
}

/// Reserves `combien` consecutive values of a named counter; returns the first.
async fn reserver(
    conn: &mut sqlx::SqliteConnection,
    nom: &str,
    depart: i64,
    combien: i64,
) -> Result<i64, DbError> {
    sqlx::query("INSERT INTO compteurs (nom, valeur) VALUES ($1, $2) ON CONFLICT (nom) DO NOTHING")
        .bind(nom)
        .bind(depart)
        .execute(&mut *conn)
        .await?;
    let dernier: i64 = sqlx::query_scalar(
        "UPDATE compteurs SET valeur = valeur + $1 WHERE nom = $2 RETURNING valeur",
    )
    .bind(combien)
    .bind(nom)
    .fetch_one(&mut *conn)
    .await?;
    Ok(dernier - combien + 1)
}

/// Adds `n` invoices of the demo supplier, deposited over the 365 days before `maintenant`.
/// Returns how many were added (0 when the database already has volume invoices or no demo data).
pub async fn seed_factures(db: &Db, n: u64, maintenant: NaiveDateTime) -> Result<u64, DbError> {
    let deja: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM factures WHERE id_fournisseur = $1 AND numero LIKE 'VOL-%'",
    )
    .bind(ID_FOURNISSEUR_DEMO)
    .fetch_one(db.pool())
    .await?;
    let destinataires: Vec<i64> = sqlx::query_scalar(
        "SELECT id_structure_cpp FROM structures WHERE type_structure = 'PUBLIQUE' AND actif \
         ORDER BY id_structure_cpp",
    )
    .fetch_all(db.pool())
    .await?;
    let fournisseur_present: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM structures WHERE id_structure_cpp = $1")
            .bind(ID_FOURNISSEUR_DEMO)
            .fetch_one(db.pool())
            .await?;
    if deja > 0 || destinataires.is_empty() || fournisseur_present == 0 {
        tracing::info!(
            deja,
            "volume invoices not added (already there, or no demo data)"
        );
        return Ok(0);
    }
    let n_i64 = i64::try_from(n).map_err(|e| DbError::Seed(e.to_string()))?;
    let mut tx = db.pool().begin().await?;
    let premier_id = reserver(&mut tx, "factures", DEPART_FACTURES, n_i64).await?;
    // At most 2 routing steps + 3 recipient steps after the deposit.
    let mut prochain_histo = reserver(&mut tx, "historique", DEPART_HISTORIQUE, n_i64 * 6).await?;

    for i in 0..n {
        let id = premier_id + i64::try_from(i).unwrap_or(0);
        let age = i64::try_from(melange(i) % 365).unwrap_or(0);
        let depose =
            maintenant - Duration::days(age) - Duration::minutes((melange(i + 1) % 600) as i64);
        let numero = format!("{PREFIXE}{}-{:06}", depose.format("%Y"), i + 1);
        let destinataire = destinataires[(melange(i + 2) % destinataires.len() as u64) as usize];
        let ht = Decimal::new(
            i64::try_from(5_000 + melange(i + 3) % 2_500_000).unwrap_or(5_000),
            2,
        );
        let tva = (ht * Decimal::new(20, 2)).round_dp(2);
        let ttc = ht + tva;
        let mut etapes = vec![
            ("DEPOSEE", depose),
            ("EN_COURS_ACHEMINEMENT", depose + Duration::minutes(5)),
            ("MISE_A_DISPOSITION", depose + Duration::minutes(10)),
        ];
        for (statut, jours) in destin(i, age) {
            let quand = (depose + Duration::days(jours) + Duration::hours(2)).min(maintenant);
            etapes.push((statut, quand.max(depose + Duration::minutes(11))));
        }
        let (statut, quand) = etapes
            .last()
            .copied()
            .unwrap_or(("MISE_A_DISPOSITION", depose));
        let motif = match statut {
            "A_RECYCLER" => Some("Code service absent : précisez le service destinataire"),
            "SUSPENDUE" => Some("Bon de livraison manquant"),
            "REJETEE" => Some("Facture en double"),
            _ => None,
        };
        let requete = serde_json::json!({
            "modeDepot": "DEPOT_PDF_API",
            "numeroFactureSaisi": numero,
            "fournisseur": {"idFournisseur": ID_FOURNISSEUR_DEMO},
            "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE", "typeTva": "TVA_SUR_DEBIT", "modePaiement": "VIREMENT"},
        })
        .to_string();
        let empreinte = crate::auth::hash_token(&requete);
        sqlx::query(
            "INSERT INTO factures (id, id_fournisseur, id_service_fournisseur, numero, mode_depot, type_facture, \
             date_facture, date_depot, id_destinataire, id_service_executant, cadre_facturation, \
             code_structure_valideur, devise, numero_marche, numero_bon_commande, montant_ht, montant_tva, \
             montant_ttc, montant_a_payer, statut, date_heure_etat_courant, commentaire_etat_courant, rejet_traite, \
             id_piece_principale, empreinte_certificat, empreinte_requete, cle_idempotence, id_utilisateur_createur, \
             requete_json) VALUES ($1, $2, NULL, $3, 'DEPOT_PDF_API', 'FACTURE', $4, $5, $6, NULL, \
             'A1_FACTURE_FOURNISSEUR', NULL, 'EUR', NULL, NULL, $7, $8, $9, $9, $10, $11, $12, FALSE, NULL, $13, $13, \
             NULL, 1, $14)",
        )
        .bind(id)
        .bind(ID_FOURNISSEUR_DEMO)
        .bind(&numero)
        .bind((depose - Duration::days(2)).format("%Y-%m-%d").to_string())
        .bind(depose.format(FORMAT).to_string())
        .bind(destinataire)
        .bind(ht.to_string())
        .bind(tva.to_string())
        .bind(ttc.to_string())
        .bind(statut)
        .bind(quand.format(FORMAT).to_string())
        .bind(motif)
        .bind(&empreinte)
        .bind(&requete)
        .execute(&mut *tx)
        .await?;
        for (rang, (statut_etape, date)) in etapes.iter().enumerate() {
            let commentaire = if rang + 1 == etapes.len() {
                motif
            } else {
                None
            };
            sqlx::query(
                "INSERT INTO historique_statuts (id, id_facture, statut, date_passage, commentaire, id_utilisateur) \
                 VALUES ($1, $2, $3, $4, $5, NULL)",
            )
            .bind(prochain_histo)
            .bind(id)
            .bind(statut_etape)
            .bind(date.format(FORMAT).to_string())
            .bind(commentaire)
            .execute(&mut *tx)
            .await?;
            prochain_histo += 1;
        }
    }
    tx.commit().await?;
    tracing::info!(n, "volume invoices added to the demo supplier");
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(texte: &[&str]) -> Vec<String> {
        texte.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_flag_is_taken_out_of_the_command_line() {
        assert_eq!(
            extraire_option(args(&[
                "--addr",
                "x",
                "--seed-factures",
                "10000",
                "--no-seed"
            ])),
            Ok((args(&["--addr", "x", "--no-seed"]), Some(10_000)))
        );
        assert_eq!(
            extraire_option(args(&["--seed-factures=5"])),
            Ok((vec![], Some(5)))
        );
        assert_eq!(
            extraire_option(args(&["--db", ":memory:"])).map(|r| r.1),
            Ok(None)
        );
        assert!(extraire_option(args(&["--seed-factures"])).is_err());
        assert!(extraire_option(args(&["--seed-factures", "0"])).is_err());
        assert!(extraire_option(args(&["--seed-factures", "dix"])).is_err());
    }

    #[tokio::test]
    async fn volume_invoices_are_searchable_and_added_once() -> Result<(), DbError> {
        let state = crate::test_state().await?;
        let maintenant = state.clock.maintenant().naive_utc();
        assert_eq!(seed_factures(&state.db, 300, maintenant).await?, 300);
        assert_eq!(seed_factures(&state.db, 300, maintenant).await?, 0);
        let statuts: Vec<(String, i64)> = sqlx::query_as(
            "SELECT statut, COUNT(*) FROM factures WHERE numero LIKE 'VOL-%' GROUP BY statut",
        )
        .fetch_all(state.db.pool())
        .await?;
        let total: i64 = statuts.iter().map(|(_, n)| n).sum();
        assert_eq!(total, 300);
        for attendu in [
            "MISE_EN_PAIEMENT",
            "REJETEE",
            "MISE_A_DISPOSITION",
            "SERVICE_FAIT",
        ] {
            assert!(
                statuts.iter().any(|(s, _)| s == attendu),
                "{attendu}: {statuts:?}"
            );
        }
        assert!(
            statuts
                .iter()
                .all(|(s, _)| !["DEPOSEE", "EN_COURS_ACHEMINEMENT", "COMPLETEE"]
                    .contains(&s.as_str()))
        );
        // Every invoice has its history, ending with its current status.
        let sans_histoire: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM factures f WHERE numero LIKE 'VOL-%' AND NOT EXISTS \
             (SELECT 1 FROM historique_statuts h WHERE h.id_facture = f.id AND h.statut = f.statut)",
        )
        .fetch_one(state.db.pool())
        .await?;
        assert_eq!(sans_histoire, 0);
        // A regular submission still gets fresh ids afterwards.
        let suivant = state.db.prochain_id("factures", 0).await?;
        let max: i64 = sqlx::query_scalar("SELECT MAX(id) FROM factures")
            .fetch_one(state.db.pool())
            .await?;
        assert!(suivant > max);
        Ok(())
    }
}
