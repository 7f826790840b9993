//! `/cpro/transverses/v1/...`: the supplier's active structures and reference lists.
//!
//! No official Transverses swagger exists (api-reference §2.3). The structures-actives and
//! ajouter/fichier bodies are `cpro::transverses` types; the reference lists are still written as
//! JSON here (to move to `cpro` types too).

use axum::extract::State;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use cpro::codes::{CadreFacturation, ModeDepot, ModePaiement, StatutFacture};
use cpro::transverses::{
    AjouterFichierRequest, AjouterFichierResponse, CoordonneeBancaire,
    RecupererCoordbancValidesRequest, RecupererCoordbancValidesResponse,
    RecupererStructuresActivesFournisseurResponse, StructureActive,
};
use serde_json::{json, Value};

use super::compte::Compte;
use super::factures::{refus_habilitation, TAILLE_MAX_FICHIER};
use super::{CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT, LIBELLE_SUCCES_GCU, LIBELLE_SUCCES_TRA};
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// `POST /cpro/transverses/v1/recuperer/structures/actives/fournisseur` (body `{}`).
pub async fn structures_actives_fournisseur(
    State(state): State<AppState>,
    compte: Compte,
) -> Result<CproJson<RecupererStructuresActivesFournisseurResponse>, ApiError> {
    let mut liste_structures = Vec::new();
    for id in compte.structures() {
        if let Some(structure) = state.db.structure(id).await?.filter(|s| s.actif) {
            liste_structures.push(StructureActive {
                id_structure_cpp: Some(structure.id),
                identifiant: Some(structure.identifiant),
                designation_structure: Some(structure.raison_sociale),
            });
        }
    }
    Ok(CproJson(RecupererStructuresActivesFournisseurResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_TRA.to_owned(),
        liste_structures,
        ..RecupererStructuresActivesFournisseurResponse::default()
    }))
}

/// `POST /cpro/transverses/v1/recuperer/coordbanc/valides`: the valid bank accounts of one of the
/// caller's structures; their ids are what `soumettre` takes as `codeCoordonneesBancairesFournisseur`.
/// Another structure is refused like the invoice operations (20001); none valid is an empty search (20000).
pub async fn coordonnees_bancaires_valides(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<RecupererCoordbancValidesRequest>,
) -> Result<CproJson<RecupererCoordbancValidesResponse>, ApiError> {
    let id_structure = requete
        .id_structure
        .ok_or_else(|| ApiError::RequeteInvalide("idStructure est obligatoire".into()))?;
    if !compte.peut_consulter(id_structure) {
        return Err(refus_habilitation());
    }
    let liste_coordonnee_bancaire: Vec<CoordonneeBancaire> = state
        .db
        .coordonnees_bancaires_valides(id_structure)
        .await?
        .into_iter()
        .map(|c| CoordonneeBancaire {
            id_coordonnee_bancaire: Some(c.id),
            nom_coordonnee_bancaire: Some(c.nom),
        })
        .collect();
    let (code_retour, libelle) = if liste_coordonnee_bancaire.is_empty() {
        (CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT)
    } else {
        (0, LIBELLE_SUCCES_TRA)
    };
    Ok(CproJson(RecupererCoordbancValidesResponse {
        code_retour,
        libelle: libelle.to_owned(),
        liste_coordonnee_bancaire,
    }))
}

/// `codeRetour` of `ajouter/fichier` for a file above 10 MB (api-reference §2.3, §6.3).
pub const CODE_FICHIER_TROP_GROS: i32 = 20003;
/// `codeRetour` of `ajouter/fichier` for a bad name or extension (sandbox choice; undocumented).
pub const CODE_FICHIER_INVALIDE: i32 = 20004;
/// Attachment name length limit, from `cpro`.
pub use cpro::limites::LONGUEUR_MAX_NOM_PIECE_JOINTE as LONGUEUR_MAX_NOM_PIECE;

/// An attachment name is valid when it has 1 to 50 characters and an allowed extension (api-reference §7).
pub fn nom_piece_valide(nom: &str) -> bool {
    !nom.is_empty()
        && nom.chars().count() <= LONGUEUR_MAX_NOM_PIECE
        && cpro::limites::extension_autorisee(nom)
}

/// `POST /cpro/transverses/v1/ajouter/fichier`: a size refusal is `codeRetour 20003` with HTTP 200.
pub async fn ajouter_fichier(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<AjouterFichierRequest>,
) -> Result<CproJson<AjouterFichierResponse>, ApiError> {
    let fichier = requete
        .piece_jointe_fichier
        .as_deref()
        .unwrap_or_default()
        .trim();
    if fichier.len() / 4 * 3 > TAILLE_MAX_FICHIER + 3 {
        return Err(ApiError::metier(
            CODE_FICHIER_TROP_GROS,
            "La pièce jointe dépasse 10 Mo",
        ));
    }
    let contenu = STANDARD
        .decode(fichier)
        .map_err(|_| ApiError::RequeteInvalide("pieceJointeFichier n'est pas du base64".into()))?;
    if contenu.len() > TAILLE_MAX_FICHIER {
        return Err(ApiError::metier(
            CODE_FICHIER_TROP_GROS,
            "La pièce jointe dépasse 10 Mo",
        ));
    }
    let nom = requete
        .piece_jointe_nom
        .as_deref()
        .unwrap_or_default()
        .trim();
    if contenu.is_empty() || !nom_piece_valide(nom) {
        return Err(ApiError::metier(
            CODE_FICHIER_INVALIDE,
            "pieceJointeNom : 50 caractères au plus, extension autorisée, fichier non vide",
        ));
    }
    let extension = nom
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_uppercase())
        .unwrap_or_default();
    let _ = (
        &requete.piece_jointe_type_mime,
        &requete.piece_jointe_extension,
    );
    let id = state
        .db
        .ajouter_piece(
            compte.utilisateur.id,
            nom,
            &extension,
            &contenu,
            fichier,
            &state.clock.horodatage(),
        )
        .await?;
    Ok(CproJson(AjouterFichierResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        piece_jointe_id: Some(id),
    }))
}

fn liste(cle: &str, elements: Vec<Value>) -> CproJson<Value> {
    CproJson(json!({"codeRetour": 0, "libelle": LIBELLE_SUCCES_TRA, cle: elements}))
}

/// `recuperer/tauxtva`. Only `TVA1` (Art 293B, 0) was seen in real data (api-reference §5.3); the
/// other codes are this sandbox's, clients should prefer the manual rate fields.
pub async fn taux_tva(_compte: Compte, CproJson(_requete): CproJson<Value>) -> CproJson<Value> {
    let taux = [
        ("TVA1", "Art 293B (Franchise en base)", "0"),
        ("TVA_20", "Taux normal 20 %", "20"),
        ("TVA_10", "Taux intermédiaire 10 %", "10"),
        ("TVA_5_5", "Taux réduit 5,5 %", "5.5"),
        ("TVA_2_1", "Taux particulier 2,1 %", "2.1"),
        ("TVA_0", "Taux zéro", "0"),
    ];
    liste(
        "listeTauxTva",
        taux.iter().map(|(code, libelle, valeur)| json!({"codeTauxTva": code, "libelleTauxTva": libelle, "valeurTauxTva": valeur.parse::<f64>().unwrap_or(0.0)})).collect(),
    )
}

/// `recuperer/devises`.
pub async fn devises(_compte: Compte, CproJson(_requete): CproJson<Value>) -> CproJson<Value> {
    let devises = [
        ("EUR", "Euro"),
        ("USD", "Dollar des États-Unis"),
        ("GBP", "Livre sterling"),
        ("CHF", "Franc suisse"),
        ("XPF", "Franc CFP"),
    ];
    liste(
        "listeDevises",
        devises
            .iter()
            .map(|(code, libelle)| json!({"codeDevise": code, "libelleDevise": libelle}))
            .collect(),
    )
}

/// `recuperer/pays`.
pub async fn pays(_compte: Compte, CproJson(_requete): CproJson<Value>) -> CproJson<Value> {
    let pays = [
        ("FR", "France"),
        ("BE", "Belgique"),
        ("DE", "Allemagne"),
        ("ES", "Espagne"),
        ("IT", "Italie"),
        ("LU", "Luxembourg"),
        ("CH", "Suisse"),
        ("GB", "Royaume-Uni"),
    ];
    liste(
        "listePays",
        pays.iter()
            .map(|(code, libelle)| json!({"codePays": code, "libellePays": libelle}))
            .collect(),
    )
}

/// `recuperer/modereglements`.
pub async fn modes_reglement(
    _compte: Compte,
    CproJson(_requete): CproJson<Value>,
) -> CproJson<Value> {
    liste(
        "listeModePaiement",
        ModePaiement::CONNUS
            .iter()
            .map(|m| json!({"modePaiement": m.code()}))
            .collect(),
    )
}

/// `recuperer/modedepot`.
pub async fn modes_depot(_compte: Compte, CproJson(_requete): CproJson<Value>) -> CproJson<Value> {
    liste(
        "listeModeDepot",
        ModeDepot::CONNUS
            .iter()
            .map(|m| json!({"modeDepot": m.code()}))
            .collect(),
    )
}

/// `recuperer/cadrefacturation` (`typeDemandePaiement`): A1/A2/A9/A12 for FACTURE, the works list otherwise.
pub async fn cadres_facturation(
    _compte: Compte,
    CproJson(requete): CproJson<Value>,
) -> CproJson<Value> {
    let travaux =
        requete.get("typeDemandePaiement").and_then(Value::as_str) == Some("FACTURE_TRAVAUX");
    liste(
        "listeCadreFacturation",
        CadreFacturation::CONNUS
            .iter()
            .filter(|c| c.accepte_par_soumettre() != travaux)
            .map(|c| json!({"codeCadreFacturation": c.code()}))
            .collect(),
    )
}

/// `recuperer/motifs/exonerationtva` (codes not captured from the real API: sandbox values citing the CGI).
pub async fn motifs_exoneration(
    _compte: Compte,
    CproJson(_requete): CproJson<Value>,
) -> CproJson<Value> {
    let motifs = [
        ("ART_293B", "TVA non applicable, art. 293 B du CGI"),
        ("ART_261", "Exonération de TVA, art. 261 du CGI"),
        (
            "ART_262_TER_I",
            "Livraison intracommunautaire exonérée, art. 262 ter I du CGI",
        ),
        ("ART_283_2", "Autoliquidation, art. 283-2 du CGI"),
    ];
    liste(
        "listeMotifsExonerationTva",
        motifs.iter().map(|(code, libelle)| json!({"codeMotifExonerationTva": code, "libelleMotifExonerationTva": libelle})).collect(),
    )
}

/// The attachment types (`recuperer/typespj`): id, code, label.
pub const TYPES_PIECE_JOINTE: [(i64, &str, &str); 5] = [
    (1, "FACTURE", "Facture"),
    (2, "BON_COMMANDE", "Bon de commande"),
    (3, "BON_LIVRAISON", "Bon de livraison"),
    (4, "DEVIS", "Devis"),
    (5, "AUTRE", "Autre pièce"),
];

/// The label of an attachment type code; `None` for a code not in [`TYPES_PIECE_JOINTE`].
pub fn libelle_type_piece_jointe(code: &str) -> Option<&'static str> {
    TYPES_PIECE_JOINTE
        .iter()
        .find(|(_, c, _)| *c == code)
        .map(|(_, _, libelle)| *libelle)
}

/// `recuperer/typespj`.
pub async fn types_piece_jointe(
    _compte: Compte,
    CproJson(_requete): CproJson<Value>,
) -> CproJson<Value> {
    liste(
        "listeTypePieceJointe",
        TYPES_PIECE_JOINTE.iter().map(|(id, code, libelle)| json!({"idTypePieceJointe": id, "codeTypePieceJointe": code, "libelleTypePieceJointe": libelle, "typeObjet": "FACTURE"})).collect(),
    )
}

/// `recuperer/etat/typedp`: every invoice status.
pub async fn etats_type_dp(
    _compte: Compte,
    CproJson(_requete): CproJson<Value>,
) -> CproJson<Value> {
    liste(
        "listeEtatDemandePaiement",
        StatutFacture::CONNUS
            .iter()
            .map(|s| json!({"etatDemandePaiement": s.code()}))
            .collect(),
    )
}

/// `recuperer/etats/traitement` (`statutCourant`): statuses the recipient may set next (api-reference §4).
pub async fn etats_traitement(
    _compte: Compte,
    CproJson(requete): CproJson<Value>,
) -> CproJson<Value> {
    let courant = StatutFacture::from_code(
        requete
            .get("statutCourant")
            .and_then(Value::as_str)
            .unwrap_or_default(),
    );
    let possibles: &[&str] = if courant.est_terminal() {
        &[]
    } else {
        crate::portail::simulation::STATUTS_DESTINATAIRE
    };
    liste(
        "listeStatutsPossiblesPourTraitement",
        possibles
            .iter()
            .filter(|s| **s != courant.code())
            .map(|s| json!({"statutPossiblePourTraitement": s}))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names() {
        for (nom, attendu) in [
            ("bon.pdf", true),
            ("BON.PDF", true),
            ("archive.tar.gz", true),
            ("script.exe", false),
            ("sans_extension", false),
            (".pdf", false),
            ("", false),
        ] {
            assert_eq!(nom_piece_valide(nom), attendu, "{nom}");
        }
        let long = format!("{}.pdf", "a".repeat(47));
        assert!(!nom_piece_valide(&long), "51 characters");
        assert!(nom_piece_valide(&long[1..]), "50 characters");
    }
}
