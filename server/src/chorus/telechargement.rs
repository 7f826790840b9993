//! `POST /cpro/factures/v1/telecharger/groupe`: one or more of the caller's invoices as a base64 file
//! (api-reference §3.9): one invoice as PDF is its main PDF as deposited; anything else is a ZIP with
//! one folder per invoice. Above 120 MB the answer is HTTP 413, like Chorus Pro (api-reference §1.5).

use axum::extract::State;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use cpro::factures::{
    ActionUtilisateur, SoumettreRequest, TelechargerGroupeRequest, TelechargerGroupeResponse,
};
use cpro::limites::TAILLE_MAX_TELECHARGER_GROUPE;

use super::archive::{zip_sans_compression, FichierArchive};
use super::compte::Compte;
use super::factures::{facture_visible, CODE_DONNEES, CODE_PIECE_JOINTE};
use super::LIBELLE_SUCCES_GCU;
use crate::db::FactureRow;
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// What the caller asked for in `format` and `avecPiecesJointesComplementaires`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// `format` is `ZIP` (else `PDF`).
    pub zip: bool,
    /// `avecPiecesJointesComplementaires` is `OUI`.
    pub avec_pieces_complementaires: bool,
}

/// Reads `format` (`PDF` by default, or `ZIP`) and `avecPiecesJointesComplementaires` (`OUI` / `NON`,
/// `NON` by default). The XML/PIVOT formats need the Chorus Pro pivot conversion, which the sandbox
/// does not have: they are refused with a clear message.
pub fn lire_options(requete: &TelechargerGroupeRequest) -> Result<Options, ApiError> {
    let format = requete
        .format
        .as_deref()
        .map(|f| f.trim().to_ascii_uppercase())
        .unwrap_or_else(|| "PDF".to_owned());
    let zip = match format.as_str() {
        "PDF" => false,
        "ZIP" => true,
        autre => {
            return Err(ApiError::metier(
                CODE_DONNEES,
                format!("format {autre} non disponible dans le bac à sable : PDF ou ZIP"),
            ))
        }
    };
    let avec_pieces_complementaires = match requete
        .avec_pieces_jointes_complementaires
        .as_deref()
        .map(str::trim)
    {
        None | Some("NON") => false,
        Some("OUI") => true,
        Some(_) => {
            return Err(ApiError::metier(
                CODE_DONNEES,
                "avecPiecesJointesComplementaires : OUI ou NON",
            ))
        }
    };
    Ok(Options {
        zip,
        avec_pieces_complementaires,
    })
}

/// HTTP 413 when the files of a download total more than 120 MB.
pub fn verifier_taille_dossier(total_octets: i64) -> Result<(), ApiError> {
    let maximum = i64::try_from(TAILLE_MAX_TELECHARGER_GROUPE).unwrap_or(i64::MAX);
    if total_octets > maximum {
        return Err(ApiError::TropVolumineux(
            "Le dossier téléchargé dépasse 120 Mo : demandez moins de factures à la fois".into(),
        ));
    }
    Ok(())
}

/// A file of an invoice to download: its `pieceJointeId`, its name in the archive and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PieceATelecharger {
    id: i64,
    nom: String,
    taille: i64,
}

/// An invoice number as a folder name (numbers may hold `/`).
fn dossier(numero: &str) -> String {
    numero.replace(['/', '\\'], "_")
}

/// The invoice's main PDF then, when asked, its additional attachments (from the submission).
async fn pieces_de(
    state: &AppState,
    facture: &FactureRow,
    avec_pieces_complementaires: bool,
) -> Result<Vec<PieceATelecharger>, ApiError> {
    let principale = facture.id_piece_principale.ok_or_else(|| {
        ApiError::metier(
            CODE_PIECE_JOINTE,
            format!(
                "La facture {} n'a pas de PDF déposé (saisie API) : rien à télécharger",
                facture.numero
            ),
        )
    })?;
    let mut ids = vec![principale];
    if avec_pieces_complementaires {
        let soumise: SoumettreRequest =
            serde_json::from_str(&facture.requete_json).unwrap_or_default();
        ids.extend(
            soumise
                .piece_jointe_complementaire
                .iter()
                .filter_map(|p| p.piece_jointe_complementaire_id),
        );
    }
    let mut pieces = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(piece) = state.db.piece(id).await? {
            let nom = if pieces
                .iter()
                .any(|p: &PieceATelecharger| p.nom == piece.nom)
            {
                format!("{id}-{}", piece.nom)
            } else {
                piece.nom
            };
            pieces.push(PieceATelecharger {
                id,
                nom,
                taille: piece.taille,
            });
        }
    }
    Ok(pieces)
}

async fn contenu_base64(state: &AppState, id: i64) -> Result<String, ApiError> {
    state
        .db
        .contenu_piece_base64(id)
        .await?
        .ok_or_else(|| ApiError::Interne(format!("pièce {id} sans contenu")))
}

/// `POST /cpro/factures/v1/telecharger/groupe`.
pub async fn telecharger_groupe(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<TelechargerGroupeRequest>,
) -> Result<CproJson<TelechargerGroupeResponse>, ApiError> {
    let options = lire_options(&requete)?;
    if requete.liste_facture.is_empty() {
        return Err(ApiError::metier(CODE_DONNEES, "listeFacture est vide"));
    }
    let mut factures: Vec<FactureRow> = Vec::new();
    for demande in &requete.liste_facture {
        let facture = facture_visible(&state, &compte, demande.id_facture).await?;
        if !factures.iter().any(|f| f.id == facture.id) {
            factures.push(facture);
        }
    }
    let mut dossiers = Vec::with_capacity(factures.len());
    let mut total = 0_i64;
    for facture in &factures {
        let pieces = pieces_de(&state, facture, options.avec_pieces_complementaires).await?;
        total = pieces
            .iter()
            .fold(total, |total, piece| total.saturating_add(piece.taille));
        dossiers.push((dossier(&facture.numero), pieces));
    }
    verifier_taille_dossier(total)?;
    let pdf_seul = match dossiers.as_slice() {
        [(_, pieces)] if !options.zip => match pieces.as_slice() {
            [piece] => Some(piece.id),
            _ => None,
        },
        _ => None,
    };
    let fichier_resultat = match pdf_seul {
        Some(id) => contenu_base64(&state, id).await?,
        None => {
            let mut fichiers = Vec::new();
            for (dossier, pieces) in &dossiers {
                for piece in pieces {
                    let contenu = STANDARD
                        .decode(contenu_base64(&state, piece.id).await?)
                        .map_err(|e| ApiError::Interne(format!("pièce {}: {e}", piece.id)))?;
                    fichiers.push(FichierArchive {
                        nom: format!("{dossier}/{}", piece.nom),
                        contenu,
                    });
                }
            }
            let archive = zip_sans_compression(&fichiers, state.clock.maintenant().naive_utc())
                .map_err(|e| ApiError::TropVolumineux(e.to_string()))?;
            STANDARD.encode(archive)
        }
    };
    let maintenant = state.clock.horodatage();
    for facture in &factures {
        state
            .db
            .ajouter_action(
                facture.id,
                ActionUtilisateur::TELECHARGEMENT_FACTURE.code(),
                compte.utilisateur.id,
                &maintenant,
            )
            .await?;
    }
    Ok(CproJson(TelechargerGroupeResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        fichier_resultat: Some(fichier_resultat),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requete(format: Option<&str>, avec: Option<&str>) -> TelechargerGroupeRequest {
        TelechargerGroupeRequest {
            format: format.map(str::to_owned),
            avec_pieces_jointes_complementaires: avec.map(str::to_owned),
            ..Default::default()
        }
    }

    #[test]
    fn options_default_to_pdf_without_attachments() {
        let options = lire_options(&requete(None, None)).ok();
        assert_eq!(
            options,
            Some(Options {
                zip: false,
                avec_pieces_complementaires: false
            })
        );
        let options = lire_options(&requete(Some("zip"), Some("OUI"))).ok();
        assert_eq!(
            options,
            Some(Options {
                zip: true,
                avec_pieces_complementaires: true
            })
        );
    }

    #[test]
    fn unknown_format_or_flag_is_refused() {
        assert!(lire_options(&requete(Some("PIVOT"), None)).is_err());
        assert!(lire_options(&requete(Some("PDF"), Some("true"))).is_err());
    }

    #[test]
    fn more_than_120_mb_is_a_413() {
        let limite = 120 * 1024 * 1024;
        assert!(verifier_taille_dossier(limite).is_ok());
        assert!(matches!(
            verifier_taille_dossier(limite + 1),
            Err(ApiError::TropVolumineux(_))
        ));
    }

    #[test]
    fn invoice_numbers_make_flat_folder_names() {
        assert_eq!(dossier("2024/6992"), "2024_6992");
    }
}
