//! `/cpro/factures/v1/...`: deposit, submission, search, detail, history and the supplier's actions,
//! with the business rules Chorus Pro enforces (api-reference §6).

use std::str::FromStr;

use axum::extract::State;
use axum::http::HeaderMap;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::{Datelike, Duration, NaiveDate};
use cpro::factures::{
    ActionUtilisateur, CadreDeFacturationFactureEmise, CadreFacturation, CompleterRequest,
    CompleterResponse, ConsulterFournisseurRequest, ConsulterFournisseurResponse,
    ConsulterHistoriqueRequest, ConsulterHistoriqueResponse, CorrigerValideurRequest,
    CorrigerValideurResponse, DeposerPdfRequest, DeposerPdfResponse, DerniereAction,
    DestinataireFactureEmise, FactureEmise, FactureRechercheeFournisseur, FormatDepot,
    FournisseurFactureEmise, HistoAction, HistoStatut, HistoriquesDesActionsUtilisateurs,
    HistoriquesDesStatuts, LignePosteFactureEmise, LigneTvaFactureEmise, LignesDePoste,
    ListeDesPiecesJointes, ModeDepot, PieceJointe, PieceJointePrincipaleFactureEmise,
    RecapitulatifDeTva, RechercherFournisseurRequest, RechercherFournisseurResponse,
    RecyclerRequest, RecyclerResponse, ReferencesFactureEmise, SoumettreRequest, SoumettreResponse,
    StatutFacture, TraiterRejetRequest, TriColonneFactureFournisseur, TriSens,
    TypeCoordonneesBancaires, TypeFacture, TypeIdentifiantStructure,
};
use cpro::factures::{
    FactureATraiterFournisseur, RechercherATraiterFournisseurRequest,
    RechercherATraiterFournisseurResponse,
};
use cpro::{DateHeure, Retour};
use rust_decimal::Decimal;

use super::compte::Compte;
use super::{
    pagination, parametres_retour, CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT, LIBELLE_SUCCES_GCU,
};
use crate::db::{
    Creation, CritereDestinataireFacture, CriteresFacture, FactureRow, NouvelleFacture, ServiceRow,
    StructureRow,
};
use crate::error::{ApiError, CproJson};
use crate::AppState;

// Business refusal codes of this sandbox (HTTP 200). Chorus Pro's own numbers for these cases are not
// documented (api-reference §6.3, open point 2); where the spec gives one (completer) it is reused.
/// The invoice does not exist or is not visible to the caller (GDP_MSG_11.008).
pub const CODE_FACTURE_INEXISTANTE: i32 = 20000;
/// The user lacks the habilitation on the supplier structure (GDP_MSG_11.005).
pub const CODE_HABILITATION: i32 = 20001;
/// The invoice's status does not allow this action (GDP_MSG_11.033 for completer).
pub const CODE_STATUT_INCOMPATIBLE: i32 = 20002;
/// Unknown, private or inactive recipient.
pub const CODE_DESTINATAIRE: i32 = 20003;
/// Code service missing although required, unknown or inactive.
pub const CODE_SERVICE: i32 = 20004;
/// Engagement number missing although required, or too long.
pub const CODE_ENGAGEMENT: i32 = 20005;
/// Invoice number missing, longer than 20 characters or outside the allowed set.
pub const CODE_NUMERO_INVALIDE: i32 = 20006;
/// Invoice number already used by this supplier.
pub const CODE_NUMERO_DEJA_UTILISE: i32 = 20007;
/// Billing framework not accepted, or validator missing for A9/A12.
pub const CODE_CADRE: i32 = 20008;
/// Main or additional attachment missing, unknown, or not the caller's.
pub const CODE_PIECE_JOINTE: i32 = 20009;
/// Other invalid data (mode, lines, currency, file).
pub const CODE_DONNEES: i32 = 20010;
/// Attachments of one invoice above 120 MB.
pub const CODE_TAILLE_FACTURE: i32 = 20011;
/// Idempotency key reused with a different request.
pub const CODE_IDEMPOTENCE: i32 = 20012;
/// `codeCoordonneesBancairesFournisseur` is not a valid bank account of the supplier structure.
pub const CODE_COORDONNEES_BANCAIRES: i32 = 20013;

/// Largest document accepted by `deposer/pdf` (HTTP 413 above, api-reference §1.5, §7).
pub const TAILLE_MAX_FICHIER: usize = 10 * 1024 * 1024;
/// Largest total of one invoice's files (api-reference §7).
pub const TAILLE_MAX_FACTURE: i64 = 120 * 1024 * 1024;
/// Longest invoice number: varchar(20) (api-reference §6.2).
pub const LONGUEUR_MAX_NUMERO: usize = 20;
/// Longest engagement number (OCA refuses more than 50, api-reference §6.1).
pub const LONGUEUR_MAX_ENGAGEMENT: usize = 50;
/// An identical SAISIE_API request within this delay is a retry, not a second invoice.
pub const DELAI_REJEU_MINUTES: i64 = 10;
/// Header a client may send so that a retry of `soumettre` answers the first result.
pub const EN_TETE_IDEMPOTENCE: &str = "idempotency-key";

fn refus(code: i32, libelle: impl Into<String>) -> ApiError {
    ApiError::metier(code, libelle)
}

/// The refusal when the caller is not attached (or not allowed to act) on a structure: `codeRetour`
/// 20001 with GDP_MSG_11.005, HTTP 200 (api-reference §3.8).
pub fn refus_habilitation() -> ApiError {
    refus(
        CODE_HABILITATION,
        "GDP_MSG_11.005 L'utilisateur n'a pas les habilitations nécessaires",
    )
}

/// Invoice number rule: 1 to 20 characters, letters, digits and `-` `_` `/` `+` (api-reference §6.2).
pub fn numero_facture_valide(numero: &str) -> bool {
    !numero.is_empty()
        && numero.chars().count() <= LONGUEUR_MAX_NUMERO
        && numero
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '+'))
}

fn date_du_jour(horodatage: &str) -> Option<NaiveDate> {
    horodatage
        .get(..10)
        .and_then(|jour| NaiveDate::parse_from_str(jour, "%Y-%m-%d").ok())
}

fn decimal(texte: &Option<String>) -> Option<Decimal> {
    texte.as_deref().and_then(|t| Decimal::from_str(t).ok())
}

fn sha256_hex(bytes: &[u8]) -> String {
    crate::auth::hash_token_bytes(bytes)
}

/// The invoice if the caller may read it; unknown and other suppliers' invoices answer the same.
pub(crate) async fn facture_visible(
    state: &AppState,
    compte: &Compte,
    id: Option<i64>,
) -> Result<FactureRow, ApiError> {
    let id =
        id.ok_or_else(|| ApiError::RequeteInvalide("identifiant de facture obligatoire".into()))?;
    state
        .db
        .facture(id)
        .await?
        .filter(|f| compte.peut_consulter(f.id_fournisseur))
        .ok_or_else(|| {
            refus(
                CODE_FACTURE_INEXISTANTE,
                "GDP_MSG_11.008 La demande de paiement n'existe pas",
            )
        })
}

async fn facture_modifiable(
    state: &AppState,
    compte: &Compte,
    id: Option<i64>,
) -> Result<FactureRow, ApiError> {
    let facture = facture_visible(state, compte, id).await?;
    if !compte.peut_modifier(facture.id_fournisseur) {
        return Err(refus(
            CODE_HABILITATION,
            "GDP_MSG_11.005 L'utilisateur n'a pas les habilitations nécessaires",
        ));
    }
    Ok(facture)
}

/// Recipient, service and engagement checked against the directory flags (api-reference §6.1).
pub async fn verifier_acheminement(
    state: &AppState,
    code_destinataire: Option<&str>,
    code_service: Option<&str>,
    numero_engagement: Option<&str>,
) -> Result<(StructureRow, Option<ServiceRow>), ApiError> {
    let code_destinataire = code_destinataire.map(str::trim).filter(|c| !c.is_empty());
    let code_destinataire = code_destinataire.ok_or_else(|| {
        refus(
            CODE_DESTINATAIRE,
            "destinataire.codeDestinataire est obligatoire",
        )
    })?;
    let destinataire = state
        .db
        .structure_par_identifiant(code_destinataire)
        .await?
        .filter(|s| s.type_structure == "PUBLIQUE")
        .ok_or_else(|| {
            refus(
                CODE_DESTINATAIRE,
                format!("Destinataire {code_destinataire} inconnu"),
            )
        })?;
    if !destinataire.actif {
        return Err(refus(
            CODE_DESTINATAIRE,
            format!("Destinataire {code_destinataire} inactif"),
        ));
    }
    let code_service = code_service.map(str::trim).filter(|c| !c.is_empty());
    let engagement = numero_engagement.map(str::trim).filter(|c| !c.is_empty());
    let service = match code_service {
        Some(code) => {
            let service = state
                .db
                .service_par_code(destinataire.id, code)
                .await?
                .ok_or_else(|| {
                    refus(
                        CODE_SERVICE,
                        format!("Service {code} inconnu chez le destinataire"),
                    )
                })?;
            if !service.actif {
                return Err(refus(CODE_SERVICE, format!("Service {code} inactif")));
            }
            Some(service)
        }
        None => None,
    };
    if destinataire.code_service_doit_etre_renseigne && service.is_none() {
        return Err(refus(
            CODE_SERVICE,
            "Le destinataire exige un code service (codeServiceDoitEtreRenseigne)",
        ));
    }
    let ej_requis = destinataire.numero_ej_doit_etre_renseigne
        || service.as_ref().is_some_and(|s| s.numero_engagement_requis);
    if ej_requis && engagement.is_none() {
        return Err(refus(
            CODE_ENGAGEMENT,
            "Le destinataire exige un numéro d'engagement (numeroBonCommande)",
        ));
    }
    if destinataire.gestion_numero_ej_ou_code_service && service.is_none() && engagement.is_none() {
        return Err(refus(
            CODE_ENGAGEMENT,
            "Le destinataire exige un numéro d'engagement ou un code service (gestionNumeroEJOuCodeService)",
        ));
    }
    if engagement.is_some_and(|e| e.chars().count() > LONGUEUR_MAX_ENGAGEMENT) {
        return Err(refus(
            CODE_ENGAGEMENT,
            "Le numéro d'engagement dépasse 50 caractères",
        ));
    }
    Ok((destinataire, service))
}

fn reponse_soumettre(facture: &FactureRow) -> SoumettreResponse {
    SoumettreResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        identifiant_facture_cpp: Some(facture.id),
        numero_facture: Some(facture.numero.clone()),
        statut_facture: Some(StatutFacture::from_code(&facture.statut)),
        date_depot: date_du_jour(&facture.date_depot),
        identifiant_structure: Some(facture.code_fournisseur.clone()),
        empreinte_certificat_depot: Some(facture.empreinte_certificat.clone()),
    }
}

/// A retry of an accepted submission answers the first result; anything else with the same key or
/// number is a refusal.
fn rejouer(
    existante: FactureRow,
    empreinte_requete: &str,
    code: i32,
    libelle: &str,
) -> Result<SoumettreResponse, ApiError> {
    if existante.empreinte_requete == empreinte_requete {
        Ok(reponse_soumettre(&existante))
    } else {
        Err(refus(code, libelle))
    }
}

/// `POST /cpro/factures/v1/soumettre`.
pub async fn soumettre(
    State(state): State<AppState>,
    compte: Compte,
    headers: HeaderMap,
    CproJson(requete): CproJson<SoumettreRequest>,
) -> Result<CproJson<SoumettreResponse>, ApiError> {
    let requete_json =
        serde_json::to_string(&requete).map_err(|e| ApiError::Interne(e.to_string()))?;
    let empreinte_requete = sha256_hex(requete_json.as_bytes());
    let cle = headers
        .get(EN_TETE_IDEMPOTENCE)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if cle.is_some_and(|c| c.len() > 200) {
        return Err(ApiError::RequeteInvalide(
            "Idempotency-Key dépasse 200 caractères".into(),
        ));
    }
    // Released when the invoice is created (or refused): a concurrent retry then sees it and replays.
    let _verrou = state.verrou_soumission.lock().await;
    if let Some(cle) = cle {
        if let Some(existante) = state.db.facture_par_cle(compte.utilisateur.id, cle).await? {
            let libelle = "Clé d'idempotence déjà utilisée pour une autre facture";
            return rejouer(existante, &empreinte_requete, CODE_IDEMPOTENCE, libelle).map(CproJson);
        }
    }
    let fournisseur = requete.fournisseur.clone().unwrap_or_default();
    let id_fournisseur = fournisseur
        .id_fournisseur
        .ok_or_else(|| refus(CODE_DONNEES, "fournisseur.idFournisseur est obligatoire"))?;
    if !compte.peut_modifier(id_fournisseur) {
        return Err(refus(
            CODE_HABILITATION,
            "GDP_MSG_11.005 L'utilisateur n'a pas les habilitations nécessaires",
        ));
    }
    let mode = requete
        .mode_depot
        .clone()
        .ok_or_else(|| refus(CODE_DONNEES, "modeDepot est obligatoire"))?;
    if !mode.accepte_par_soumettre() {
        return Err(refus(
            CODE_DONNEES,
            format!("modeDepot {mode} non accepté par soumettre"),
        ));
    }
    let saisie = mode == ModeDepot::SAISIE_API;
    let maintenant = state.clock.horodatage();
    // SAISIE_API: Chorus Pro numbers the invoice itself (api-reference §3.2); PDF modes carry the supplier's number.
    let numero = if saisie {
        None
    } else {
        let numero = requete
            .numero_facture_saisi
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if !numero_facture_valide(numero) {
            return Err(refus(
                CODE_NUMERO_INVALIDE,
                "numeroFactureSaisi : 1 à 20 caractères, lettres, chiffres, - _ / + (spécifications Chorus Pro)",
            ));
        }
        if let Some(existante) = state.db.facture_par_numero(id_fournisseur, numero).await? {
            let libelle =
                format!("Le numéro de facture {numero} est déjà utilisé par ce fournisseur");
            return rejouer(
                existante,
                &empreinte_requete,
                CODE_NUMERO_DEJA_UTILISE,
                &libelle,
            )
            .map(CproJson);
        }
        Some(numero.to_owned())
    };
    if saisie && cle.is_none() {
        let depuis = (state.clock.maintenant() - Duration::minutes(DELAI_REJEU_MINUTES))
            .format("%Y-%m-%dT%H:%M:%S");
        if let Some(existante) = state
            .db
            .facture_par_empreinte(id_fournisseur, &empreinte_requete, &depuis.to_string())
            .await?
        {
            return Ok(CproJson(reponse_soumettre(&existante)));
        }
    }
    let destinataire = requete.destinataire.clone().unwrap_or_default();
    let references = requete.references.clone().unwrap_or_default();
    let (structure, service) = verifier_acheminement(
        &state,
        destinataire.code_destinataire.as_deref(),
        destinataire.code_service_executant.as_deref(),
        references.numero_bon_commande.as_deref(),
    )
    .await?;
    let cadre = requete.cadre_de_facturation.clone().unwrap_or_default();
    let code_cadre = cadre
        .code_cadre_facturation
        .clone()
        .unwrap_or(CadreFacturation::A1_FACTURE_FOURNISSEUR);
    if !code_cadre.accepte_par_soumettre() {
        return Err(refus(
            CODE_CADRE,
            format!("Cadre de facturation {code_cadre} non accepté par soumettre"),
        ));
    }
    let valideur = cadre
        .code_structure_valideur
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty());
    if code_cadre.exige_valideur() {
        // A9 (sous-traitant) and A12 (cotraitant) go through a validator first (api-reference §6.2).
        let Some(valideur) = valideur else {
            return Err(refus(
                CODE_CADRE,
                format!("Le cadre {code_cadre} exige codeStructureValideur"),
            ));
        };
        if state
            .db
            .structure_par_identifiant(valideur)
            .await?
            .is_none_or(|s| !s.actif)
        {
            return Err(refus(
                CODE_CADRE,
                format!("Structure valideur {valideur} inconnue ou inactive"),
            ));
        }
    }
    if let Some(id_coordonnee) = fournisseur.code_coordonnees_bancaires_fournisseur {
        verifier_coordonnees_bancaires(&state, id_fournisseur, id_coordonnee).await?;
    }
    let id_piece_principale = verifier_pieces(&state, &compte, &requete, saisie).await?;
    if saisie && requete.ligne_poste.is_empty() {
        return Err(refus(
            CODE_DONNEES,
            "SAISIE_API exige au moins une lignePoste",
        ));
    }
    let type_facture = references
        .type_facture
        .clone()
        .unwrap_or(TypeFacture::FACTURE);
    if !matches!(type_facture, TypeFacture::FACTURE | TypeFacture::AVOIR) {
        return Err(refus(
            CODE_DONNEES,
            format!("typeFacture {type_facture} non accepté par soumettre"),
        ));
    }
    let devise = references
        .devise_facture
        .clone()
        .unwrap_or_else(|| "EUR".to_owned());
    if devise.len() != 3 || !devise.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(refus(
            CODE_DONNEES,
            "deviseFacture : code ISO 4217 de 3 lettres",
        ));
    }
    let montants = requete.montant_total.clone().unwrap_or_default();
    let texte = |d: Option<Decimal>| d.map(|d| d.normalize().to_string());
    let nouvelle = NouvelleFacture {
        id_fournisseur,
        id_service_fournisseur: fournisseur.id_service_fournisseur,
        numero,
        mode_depot: mode.code().to_owned(),
        type_facture: type_facture.code().to_owned(),
        date_facture: requete
            .date_facture
            .map(|d| d.format("%Y-%m-%d").to_string()),
        depose_le: maintenant.clone(),
        id_destinataire: structure.id,
        id_service_executant: service.as_ref().map(|s| s.id),
        cadre_facturation: code_cadre.code().to_owned(),
        code_structure_valideur: valideur.map(str::to_owned),
        devise,
        numero_marche: references.numero_marche.clone(),
        numero_bon_commande: references
            .numero_bon_commande
            .clone()
            .filter(|n| !n.trim().is_empty()),
        montant_ht: texte(montants.montant_ht_total),
        montant_tva: texte(montants.montant_tva),
        montant_ttc: texte(montants.montant_ttc_total),
        montant_a_payer: texte(montants.montant_a_payer),
        id_piece_principale,
        empreinte_requete: empreinte_requete.clone(),
        cle_idempotence: cle.map(str::to_owned),
        id_utilisateur_createur: compte.utilisateur.id,
        requete_json,
    };
    let annee = state.clock.maintenant().year();
    match state.db.creer_facture(&nouvelle, annee).await? {
        Creation::Creee(facture) => Ok(CproJson(reponse_soumettre(&facture))),
        Creation::NumeroDejaUtilise(existante) => rejouer(
            existante,
            &empreinte_requete,
            CODE_NUMERO_DEJA_UTILISE,
            "Numéro de facture déjà utilisé",
        )
        .map(CproJson),
    }
}

/// `codeCoordonneesBancairesFournisseur` must be one of the supplier structure's valid accounts
/// (the ids `recuperer/coordbanc/valides` lists, api-reference §3.2).
async fn verifier_coordonnees_bancaires(
    state: &AppState,
    id_fournisseur: i64,
    id_coordonnee: i64,
) -> Result<(), ApiError> {
    let coordonnee = state.db.coordonnee_bancaire(id_coordonnee).await?;
    match coordonnee {
        Some(c) if c.id_structure == id_fournisseur && c.valide => Ok(()),
        Some(c) if c.id_structure == id_fournisseur => Err(refus(
            CODE_COORDONNEES_BANCAIRES,
            format!("Les coordonnées bancaires {id_coordonnee} ne sont plus valides"),
        )),
        _ => Err(refus(
            CODE_COORDONNEES_BANCAIRES,
            format!(
                "Les coordonnées bancaires {id_coordonnee} ne sont pas celles du fournisseur \
                 (voir recuperer/coordbanc/valides)"
            ),
        )),
    }
}

/// Attachments of a submission: the main one is required in PDF modes; every id must be a file the
/// caller uploaded; the total stays under 120 MB. Returns the main file's id.
async fn verifier_pieces(
    state: &AppState,
    compte: &Compte,
    requete: &SoumettreRequest,
    saisie: bool,
) -> Result<Option<i64>, ApiError> {
    let principale = requete
        .piece_jointe_principale
        .first()
        .and_then(|p| p.piece_jointe_principale_id);
    if !saisie && principale.is_none() {
        return Err(refus(
            CODE_PIECE_JOINTE,
            "pieceJointePrincipale est obligatoire en dépôt PDF",
        ));
    }
    let ids = requete
        .piece_jointe_principale
        .iter()
        .filter_map(|p| p.piece_jointe_principale_id)
        .chain(
            requete
                .piece_jointe_complementaire
                .iter()
                .filter_map(|p| p.piece_jointe_complementaire_id),
        );
    let mut total = 0_i64;
    for id in ids {
        let piece = state
            .db
            .piece(id)
            .await?
            .filter(|p| p.id_utilisateur == compte.utilisateur.id)
            .ok_or_else(|| refus(CODE_PIECE_JOINTE, format!("Pièce jointe {id} inconnue")))?;
        total = total.saturating_add(piece.taille);
    }
    if total > TAILLE_MAX_FACTURE {
        return Err(refus(
            CODE_TAILLE_FACTURE,
            "Les pièces d'une facture dépassent 120 Mo",
        ));
    }
    Ok(principale)
}

/// `POST /cpro/factures/v1/deposer/pdf`: stores the PDF and answers its `pieceJointeId`. The OCR
/// fields are null, as in the production capture (api-reference §3.1).
pub async fn deposer_pdf(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<DeposerPdfRequest>,
) -> Result<CproJson<DeposerPdfResponse>, ApiError> {
    let fichier = requete.fichier_facture.as_deref().unwrap_or_default();
    // Base64 is 4/3 of the bytes: refuse early without decoding a huge payload.
    if fichier.len() / 4 * 3 > TAILLE_MAX_FICHIER + 3 {
        return Err(ApiError::TropVolumineux("Le fichier dépasse 10 Mo".into()));
    }
    let contenu = STANDARD
        .decode(fichier.trim())
        .map_err(|_| ApiError::RequeteInvalide("fichierFacture n'est pas du base64".into()))?;
    if contenu.len() > TAILLE_MAX_FICHIER {
        return Err(ApiError::TropVolumineux("Le fichier dépasse 10 Mo".into()));
    }
    if contenu.is_empty() || !contenu.starts_with(b"%PDF-") {
        return Err(refus(CODE_DONNEES, "fichierFacture n'est pas un PDF"));
    }
    let nom = requete
        .nom_fichier
        .as_deref()
        .map(str::trim)
        .unwrap_or_default();
    let extension = nom
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_uppercase())
        .unwrap_or_default();
    if nom.is_empty() || nom.chars().count() > 200 || extension != "PDF" {
        return Err(refus(
            CODE_DONNEES,
            "nomFichier : 1 à 200 caractères, extension .pdf",
        ));
    }
    let format = requete
        .format_depot
        .clone()
        .unwrap_or(FormatDepot::PDF_NON_SIGNE);
    if !format.est_connu() {
        return Err(refus(CODE_DONNEES, format!("formatDepot {format} inconnu")));
    }
    let declare_signe = format != FormatDepot::PDF_NON_SIGNE;
    if declare_signe && !extract::format::porte_une_signature(&contenu) {
        return Err(refus(
            CODE_DONNEES,
            format!("formatDepot {format} : le PDF ne porte aucune signature électronique"),
        ));
    }
    let maintenant = state.clock.horodatage();
    let id = state
        .db
        .ajouter_piece(
            compte.utilisateur.id,
            nom,
            &extension,
            &contenu,
            fichier.trim(),
            &maintenant,
        )
        .await?;
    Ok(CproJson(DeposerPdfResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        type_facture: Some(TypeFacture::FACTURE),
        piece_jointe_id: Some(id),
        ..Default::default()
    }))
}

fn tri(requete: &RechercherFournisseurRequest) -> (&'static str, bool) {
    let parametres = requete
        .recherche_facture_par_fournisseur
        .clone()
        .unwrap_or_default();
    let ascendant = parametres.tri_sens == Some(TriSens::Ascendant);
    let colonne = match parametres.tri_colonne {
        Some(TriColonneFactureFournisseur::NumeroFacture) => "f.numero",
        Some(TriColonneFactureFournisseur::DateFacture) => "f.date_facture",
        Some(TriColonneFactureFournisseur::CodeDestinataire) => "d.identifiant",
        Some(TriColonneFactureFournisseur::DesignationDestinataire) => "d.raison_sociale",
        Some(TriColonneFactureFournisseur::MontantHT) => "CAST(f.montant_ht AS DECIMAL(19, 6))",
        Some(TriColonneFactureFournisseur::MontantTTC) => "CAST(f.montant_ttc AS DECIMAL(19, 6))",
        Some(TriColonneFactureFournisseur::MontantAPayer) => {
            "CAST(f.montant_a_payer AS DECIMAL(19, 6))"
        }
        Some(TriColonneFactureFournisseur::Statut) => "f.statut",
        Some(TriColonneFactureFournisseur::TypeFacture) => "f.type_facture",
        _ => "f.date_depot",
    };
    (colonne, ascendant)
}

fn facture_recherchee(f: FactureRow) -> FactureRechercheeFournisseur {
    FactureRechercheeFournisseur {
        identifiant_facture_cpp: Some(f.id),
        type_demande_paiement: Some(cpro::factures::TypeDemandePaiement::FACTURE),
        code_fournisseur: Some(f.code_fournisseur.clone()),
        type_identifiant_fournisseur: Some(TypeIdentifiantStructure::SIRET),
        designation_fournisseur: Some(f.designation_fournisseur.clone()),
        id_destinataire: Some(f.id_destinataire),
        code_destinataire: Some(f.code_destinataire.clone()),
        designation_destinataire: Some(f.designation_destinataire.clone()),
        id_service_executant: f.id_service_executant,
        code_service_executant: f.code_service_executant.clone(),
        nom_service_executant: f.nom_service_executant.clone(),
        type_facture: Some(TypeFacture::from_code(&f.type_facture)),
        numero_facture: Some(f.numero.clone()),
        date_facture: f
            .date_facture
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        date_depot: date_du_jour(&f.date_depot),
        montant_ht: decimal(&f.montant_ht),
        montant_ttc: decimal(&f.montant_ttc),
        montant_a_payer: decimal(&f.montant_a_payer),
        devise: Some(f.devise.clone()),
        statut: Some(StatutFacture::from_code(&f.statut)),
        numero_marche: f.numero_marche.clone(),
        numero_bon_commande: f.numero_bon_commande.clone(),
        numero_flux_depot: f.numero_flux_depot.clone(),
        mode_depot: Some(ModeDepot::from_code(&f.mode_depot)),
        date_heure_etat_courant: Some(DateHeure(f.date_heure_etat_courant.replace('T', " "))),
        commentaire_etat_courant: f.commentaire_etat_courant.clone(),
        rejet_traite: Some(f.rejet_traite),
        ..Default::default()
    }
}

/// `POST /cpro/factures/v1/rechercher/fournisseur`: the caller's structures only; empty → 20000.
pub async fn rechercher_fournisseur(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<RechercherFournisseurRequest>,
) -> Result<CproJson<RechercherFournisseurResponse>, ApiError> {
    let jour = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let texte = |d: Option<Decimal>| d.map(|d| d.to_string());
    let criteres = CriteresFacture {
        structures_visibles: compte.structures(),
        id_fournisseur: requete.id_fournisseur,
        numero: requete.numero_facture.clone().filter(|n| !n.is_empty()),
        statuts: requete
            .statut_courant
            .iter()
            .map(|s| s.code().to_owned())
            .collect(),
        destinataires: requete
            .liste_destinataire
            .iter()
            .filter_map(|d| {
                Some(CritereDestinataireFacture {
                    id: d.id_destinataire?,
                    services: d.liste_id_service_executant.clone(),
                })
            })
            .collect(),
        siren_destinataire: requete.recherche_siren_destinataire == Some(true),
        id_service_fournisseur: requete.id_service_fournisseur,
        depot_du: jour(requete.periode_date_depot_du),
        depot_au: jour(requete.periode_date_depot_au),
        facture_du: jour(requete.periode_date_facture_du),
        facture_au: jour(requete.periode_date_facture_au),
        type_facture: requete.type_facture.as_ref().map(|t| t.code().to_owned()),
        cadre: requete
            .cadre_facturation
            .as_ref()
            .map(|c| c.code().to_owned()),
        mode_depot: requete.mode_depot.as_ref().map(|m| m.code().to_owned()),
        numero_bon_commande: requete.numero_bon_commande.clone(),
        numero_marche: requete.numero_marche.clone(),
        numero_flux_depot: requete
            .numero_flux_depot
            .clone()
            .filter(|n| !n.trim().is_empty()),
        rejet_traite: requete.rejet_traite,
        ttc_min: texte(requete.montant_ttc_min),
        ttc_max: texte(requete.montant_ttc_max),
        ht_min: texte(requete.montant_ht_min),
        ht_max: texte(requete.montant_ht_max),
        tri: tri(&requete),
    };
    let parametres = requete
        .recherche_facture_par_fournisseur
        .clone()
        .unwrap_or_default();
    let (page, par_page) = pagination(
        parametres.page_resultat_demandee,
        parametres.nb_resultats_par_page,
    );
    let (factures, total) = state
        .db
        .rechercher_factures(&criteres, page, par_page)
        .await?;
    let (code_retour, libelle) = if total == 0 {
        (CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT)
    } else {
        (0, super::LIBELLE_SUCCES_TRA)
    };
    Ok(CproJson(RechercherFournisseurResponse {
        code_retour,
        libelle: libelle.to_owned(),
        parametres_retour: Some(parametres_retour(page, par_page, total)),
        liste_factures: factures.into_iter().map(facture_recherchee).collect(),
    }))
}

/// Statuses on which the supplier can act (api-reference §4, "Supplier-actionable transitions").
pub const STATUTS_A_TRAITER: &[&str] = &[
    "A_RECYCLER",
    "SUSPENDUE",
    "REJETEE",
    "ERREUR_FOURNISSEUR_SUR_VALIDEUR",
    "ERREUR_COTRAITANT_SUR_VALIDEUR",
];

/// `POST /cpro/factures/v1/rechercher/atraiter/fournisseur`: invoices waiting for the supplier; a
/// rejection already acknowledged (`rejetTraite`) needs nothing more.
pub async fn rechercher_a_traiter_fournisseur(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<RechercherATraiterFournisseurRequest>,
) -> Result<CproJson<RechercherATraiterFournisseurResponse>, ApiError> {
    let statuts = STATUTS_A_TRAITER
        .iter()
        .filter(|s| !(requete.masquer_rejetee == Some(true) && **s == "REJETEE"))
        .map(|s| (*s).to_owned())
        .collect();
    let criteres = CriteresFacture {
        structures_visibles: compte.structures(),
        id_fournisseur: requete.id_structure,
        statuts,
        rejet_traite: Some(false),
        tri: ("f.date_heure_etat_courant", true),
        ..Default::default()
    };
    let (page, par_page) = pagination(None, Some(10_000));
    let (factures, total) = state
        .db
        .rechercher_factures(&criteres, page, par_page)
        .await?;
    let (code_retour, libelle) = if total == 0 {
        (CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT)
    } else {
        (0, super::LIBELLE_SUCCES_TRA)
    };
    Ok(CproJson(RechercherATraiterFournisseurResponse {
        code_retour,
        libelle: libelle.to_owned(),
        parametres_retour: Some(parametres_retour(page, par_page, total)),
        liste_factures: factures
            .into_iter()
            .map(|f| {
                let r = facture_recherchee(f);
                FactureATraiterFournisseur {
                    identifiant_facture_cpp: r.identifiant_facture_cpp,
                    type_demande_paiement: r.type_demande_paiement,
                    code_fournisseur: r.code_fournisseur,
                    type_identifiant_fournisseur: r.type_identifiant_fournisseur,
                    designation_fournisseur: r.designation_fournisseur,
                    id_destinataire: r.id_destinataire,
                    code_destinataire: r.code_destinataire,
                    designation_destinataire: r.designation_destinataire,
                    id_service_executant: r.id_service_executant,
                    code_service_executant: r.code_service_executant,
                    nom_service_executant: r.nom_service_executant,
                    type_facture: r.type_facture,
                    numero_facture: r.numero_facture,
                    date_facture: r.date_facture,
                    date_depot: r.date_depot,
                    montant_ht: r.montant_ht,
                    montant_ttc: r.montant_ttc,
                    montant_a_payer: r.montant_a_payer,
                    devise: r.devise,
                    statut: r.statut,
                    numero_marche: r.numero_marche,
                    numero_bon_commande: r.numero_bon_commande,
                    ..Default::default()
                }
            })
            .collect(),
    }))
}

/// `POST /cpro/factures/v1/consulter/fournisseur`.
pub async fn consulter_fournisseur(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<ConsulterFournisseurRequest>,
) -> Result<CproJson<ConsulterFournisseurResponse>, ApiError> {
    let f = facture_visible(&state, &compte, requete.identifiant_facture_cpp).await?;
    // The stored request gives the lines, VAT summary and attachments exactly as submitted.
    let soumise: SoumettreRequest = serde_json::from_str(&f.requete_json).unwrap_or_default();
    let references = soumise.references.clone().unwrap_or_default();
    let lignes: Vec<LignePosteFactureEmise> = soumise
        .ligne_poste
        .iter()
        .map(|l| LignePosteFactureEmise {
            ligne_poste_numero: l.ligne_poste_numero.map(i64::from),
            ligne_poste_reference: l.ligne_poste_reference.clone(),
            ligne_poste_denomination: l.ligne_poste_denomination.clone(),
            ligne_poste_quantite: l.ligne_poste_quantite,
            ligne_poste_unite_libelle: l.ligne_poste_unite.clone(),
            ligne_poste_montant_unitaire_ht: l.ligne_poste_montant_unitaire_ht,
            ligne_poste_montant_remise_ht: l.ligne_poste_montant_remise_ht,
            ligne_poste_taux_tva: l.ligne_poste_taux_tva.clone(),
            ligne_poste_taux_tva_manuel: l.ligne_poste_taux_tva_manuel,
            ..Default::default()
        })
        .collect();
    let tva: Vec<LigneTvaFactureEmise> = soumise
        .ligne_tva
        .iter()
        .map(|l| LigneTvaFactureEmise {
            ligne_tva_taux_ref_code: l.ligne_tva_taux.clone(),
            ligne_tva_taux_manuel: l.ligne_tva_taux_manuel,
            ligne_tva_montant_base_ht_par_taux: l.ligne_tva_montant_base_ht_par_taux,
            ligne_tva_montant_tva_par_taux: l.ligne_tva_montant_tva_par_taux,
            ..Default::default()
        })
        .collect();
    let mut pieces = Vec::new();
    // The main file is typed FACTURE; each attachment keeps the type it was submitted with
    // (`pieceJointeComplementaireType`, AUTRE when none), with its line and link.
    for (id, designation, type_code, ligne, liaison) in soumise
        .piece_jointe_principale
        .iter()
        .map(|p| {
            (
                p.piece_jointe_principale_id,
                p.piece_jointe_principale_designation.clone(),
                "FACTURE".to_owned(),
                None,
                None,
            )
        })
        .chain(soumise.piece_jointe_complementaire.iter().map(|p| {
            (
                p.piece_jointe_complementaire_id,
                p.piece_jointe_complementaire_designation.clone(),
                p.piece_jointe_complementaire_type
                    .clone()
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or_else(|| "AUTRE".to_owned()),
                p.piece_jointe_complementaire_numero_ligne_facture,
                p.piece_jointe_complementaire_id_liaison,
            )
        }))
    {
        let Some(id) = id else { continue };
        let piece = state.db.piece(id).await?;
        pieces.push(PieceJointe {
            piece_jointe_type_libelle: super::transverses::libelle_type_piece_jointe(&type_code)
                .map(str::to_owned),
            piece_jointe_type_code: Some(type_code),
            piece_jointe_designation: designation.or_else(|| piece.as_ref().map(|p| p.nom.clone())),
            piece_jointe_numero_ligne_facture: ligne.map(i64::from),
            piece_jointe_id_liaison: liaison,
            piece_jointe_id: Some(id),
            piece_jointe_extension: piece.map(|p| p.extension),
        });
    }
    let compter = |n: usize| Some(i64::try_from(n).unwrap_or(i64::MAX));
    let (n_lignes, n_tva, n_pieces) = (lignes.len(), tva.len(), pieces.len());
    let facture = FactureEmise {
        identifiant_facture_cpp: Some(f.id),
        numero_facture: Some(f.numero.clone()),
        statut_facture: Some(StatutFacture::from_code(&f.statut)),
        mode_depot: Some(ModeDepot::from_code(&f.mode_depot)),
        rejet_traite: Some(f.rejet_traite),
        commentaire: soumise.commentaire.clone(),
        destinataire: Some(DestinataireFactureEmise {
            id_destinataire: Some(f.id_destinataire),
            code_destinataire: Some(f.code_destinataire.clone()),
            libelle_destinataire: Some(f.designation_destinataire.clone()),
            designation_destinataire: Some(f.designation_destinataire.clone()),
            id_service_executant: f.id_service_executant,
            code_service_executant: f.code_service_executant.clone(),
            libelle_service_executant: f.nom_service_executant.clone(),
            ..Default::default()
        }),
        fournisseur: Some(FournisseurFactureEmise {
            id_fournisseur: Some(f.id_fournisseur),
            type_identifiant_fournisseur: Some(TypeIdentifiantStructure::SIRET),
            code_fournisseur: Some(f.code_fournisseur.clone()),
            raison_sociale_fournisseur: Some(f.designation_fournisseur.clone()),
            designation_fournisseur: Some(f.designation_fournisseur.clone()),
            id_service_fournisseur: f.id_service_fournisseur,
            ..coordonnees_de(&state, &soumise).await?
        }),
        cadre_de_facturation: Some(CadreDeFacturationFactureEmise {
            code_cadre_facturation: Some(CadreFacturation::from_code(&f.cadre_facturation)),
            code_valideur1: f.code_structure_valideur.clone(),
            ..Default::default()
        }),
        references: Some(ReferencesFactureEmise {
            date_facture: f
                .date_facture
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            date_depot: date_du_jour(&f.date_depot),
            code_devise_facture: Some(f.devise.clone()),
            type_facture: Some(TypeFacture::from_code(&f.type_facture)),
            type_tva: references.type_tva.clone(),
            motif_exoneration_tva: references.motif_exoneration_tva.clone(),
            numero_marche: f.numero_marche.clone(),
            numero_bon_commande: f.numero_bon_commande.clone(),
            numero_facture_origine: references.numero_facture_origine.clone(),
            mode_paiement: references.mode_paiement.clone(),
            date_creation_facture: date_du_jour(&f.date_depot),
            ..Default::default()
        }),
        recapitulatif_de_tva: Some(RecapitulatifDeTva {
            ligne_tva: tva,
            page_courante_lignes_recapitulatives_tva: Some(1),
            pages_lignes_recapitulatives_tva: Some(1),
            nb_resultats_par_page_lignes_recapitulatives_tva: compter(n_tva),
            total_lignes_recapitulatives_tva: compter(n_tva),
        }),
        montant_total: soumise.montant_total.clone(),
        piece_jointe_principale: Some(PieceJointePrincipaleFactureEmise {
            id_liaison_piece_jointe_principale: f.id_piece_principale,
            id_piece_jointe_principale: f.id_piece_principale,
        }),
        liste_des_pieces_jointes: Some(ListeDesPiecesJointes {
            piece_jointe: pieces,
            page_courante_liste_pieces_jointe: Some(1),
            pages_liste_pieces_jointe: Some(1),
            nb_resultats_par_page_liste_pieces_jointe: compter(n_pieces),
            total_liste_pieces_jointe: compter(n_pieces),
        }),
        lignes_de_poste: Some(LignesDePoste {
            ligne_poste: lignes,
            page_courante_lignes_poste: Some(1),
            pages_lignes_poste: Some(1),
            nb_resultats_par_page_lignes_poste: compter(n_lignes),
            total_lignes_poste: compter(n_lignes),
        }),
        ..Default::default()
    };
    state
        .db
        .ajouter_action(
            f.id,
            ActionUtilisateur::TELECHARGEMENT_FACTURE.code(),
            compte.utilisateur.id,
            &state.clock.horodatage(),
        )
        .await?;
    Ok(CproJson(ConsulterFournisseurResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        facture: Some(facture),
    }))
}

/// The bank fields of `consulter/fournisseur` for the account chosen at submission, IBAN type:
/// country, check digits and BBAN of the IBAN (how Chorus Pro splits an IBAN into these fields is
/// **\[inferred\]**).
async fn coordonnees_de(
    state: &AppState,
    soumise: &SoumettreRequest,
) -> Result<FournisseurFactureEmise, ApiError> {
    let id = soumise
        .fournisseur
        .as_ref()
        .and_then(|f| f.code_coordonnees_bancaires_fournisseur);
    let Some(coordonnee) = (match id {
        Some(id) => state.db.coordonnee_bancaire(id).await?,
        None => None,
    }) else {
        return Ok(FournisseurFactureEmise::default());
    };
    let partie = |debut: usize, fin: Option<usize>| {
        let morceau = match fin {
            Some(fin) => coordonnee.iban.get(debut..fin),
            None => coordonnee.iban.get(debut..),
        };
        morceau.map(str::to_owned)
    };
    Ok(FournisseurFactureEmise {
        coord_bancaires_fournisseur_id: Some(coordonnee.id),
        coord_bancaires_fournisseur_type: Some(TypeCoordonneesBancaires::IBAN),
        coord_bancaires_fournisseur_libelle: Some(coordonnee.nom.clone()),
        coord_bancaires_fournisseur_code_pays: partie(0, Some(2)),
        coord_bancaires_fournisseur_cle_iban: partie(2, Some(4)),
        coord_bancaires_fournisseur_compte_bancaire: partie(4, None),
        coord_bancaires_bic_swift: Some(coordonnee.bic.clone()),
        ..Default::default()
    })
}

/// `POST /cpro/factures/v1/consulter/historique`.
pub async fn consulter_historique(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<ConsulterHistoriqueRequest>,
) -> Result<CproJson<ConsulterHistoriqueResponse>, ApiError> {
    let f = facture_visible(&state, &compte, requete.id_facture).await?;
    let historique = state.db.historique(f.id).await?;
    let actions = state.db.actions(f.id).await?;
    let total = |n: usize| Some(i64::try_from(n).unwrap_or(i64::MAX));
    let (n_statuts, n_actions) = (historique.len(), actions.len());
    let derniere = actions.last().map(|a| DerniereAction {
        derniere_action_id: Some(a.id),
        derniere_action_code: Some(ActionUtilisateur::from_code(&a.code)),
    });
    Ok(CproJson(ConsulterHistoriqueResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        id_facture: Some(f.id),
        numero_facture: Some(f.numero.clone()),
        mode_depot: Some(ModeDepot::from_code(&f.mode_depot)),
        statut_courant_code: Some(StatutFacture::from_code(&f.statut)),
        historiques_des_statuts: Some(HistoriquesDesStatuts {
            histo_statut: historique
                .into_iter()
                .map(|h| HistoStatut {
                    histo_statut_id: Some(h.id),
                    histo_statut_code: Some(StatutFacture::from_code(&h.statut)),
                    histo_statut_date_passage: Some(DateHeure(h.date_passage.replace('T', " "))),
                    histo_statut_commentaire: h.commentaire,
                    ..Default::default()
                })
                .collect(),
            page_courante_histo_statut: Some(1),
            pages_histo_statut: Some(1),
            nb_resultats_par_page_histo_statut: total(n_statuts),
            total_histo_statut: total(n_statuts),
        }),
        historiques_des_actions_utilisateurs: Some(HistoriquesDesActionsUtilisateurs {
            histo_action: actions
                .into_iter()
                .map(|a| HistoAction {
                    histo_action_id: Some(a.id),
                    histo_action_code: Some(ActionUtilisateur::from_code(&a.code)),
                    histo_action_date_heure: Some(DateHeure(a.date_heure.replace('T', " "))),
                    histo_action_utilisateur_email: a
                        .id_utilisateur
                        .map(|_| compte.utilisateur.email.clone()),
                    ..Default::default()
                })
                .collect(),
            page_courante_histo_action: Some(1),
            pages_histo_action: Some(1),
            nb_resultats_par_page_histo_action: total(n_actions),
            total_histo_action: total(n_actions),
        }),
        derniere_action: derniere,
        ..Default::default()
    }))
}

/// `POST /cpro/factures/v1/recycler`: new routing for an `A_RECYCLER` invoice; same number (api-reference §4).
/// The resulting status is not documented; the sandbox puts the invoice back to DEPOSEE so it is routed again.
pub async fn recycler(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<RecyclerRequest>,
) -> Result<CproJson<RecyclerResponse>, ApiError> {
    let f = facture_modifiable(&state, &compte, requete.identifiant_facture_cpp).await?;
    if f.statut != StatutFacture::A_RECYCLER.code() {
        return Err(refus(
            CODE_STATUT_INCOMPATIBLE,
            "La facture n'est pas au statut A_RECYCLER",
        ));
    }
    let destinataire = requete.destinataire.clone().unwrap_or_default();
    let engagement = requete
        .reference
        .as_ref()
        .and_then(|r| r.numero_bon_commande.clone())
        .or(f.numero_bon_commande.clone());
    let code_destinataire = destinataire
        .code_destinataire
        .clone()
        .unwrap_or_else(|| f.code_destinataire.clone());
    let (structure, service) = verifier_acheminement(
        &state,
        Some(&code_destinataire),
        destinataire.code_service_executant.as_deref(),
        engagement.as_deref(),
    )
    .await?;
    state
        .db
        .changer_acheminement(
            f.id,
            structure.id,
            service.map(|s| s.id),
            engagement.as_deref(),
        )
        .await?;
    let maintenant = state.clock.horodatage();
    state
        .db
        .changer_statut(
            f.id,
            StatutFacture::DEPOSEE.code(),
            requete.commentaire.as_deref(),
            Some(compte.utilisateur.id),
            &maintenant,
        )
        .await?;
    Ok(CproJson(RecyclerResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        identifiant_facture_cpp: Some(f.id),
        numero_facture: Some(f.numero),
        statut_facture: Some(StatutFacture::DEPOSEE),
        date_depot: date_du_jour(&f.date_depot),
    }))
}

/// `POST /cpro/factures/v1/completer`: adds attachments/comment to a SUSPENDUE invoice → COMPLETEE
/// (codes 20000/20001/20002 from the spec, api-reference §3.8).
pub async fn completer(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<CompleterRequest>,
) -> Result<CproJson<CompleterResponse>, ApiError> {
    let f = facture_modifiable(&state, &compte, requete.identifiant_facture_cpp).await?;
    if f.statut != StatutFacture::SUSPENDUE.code() {
        return Err(refus(
            CODE_STATUT_INCOMPATIBLE,
            "GDP_MSG_11.033 Le statut de la demande de paiement n'est pas 'Suspendue'",
        ));
    }
    for piece in &requete.piece_jointe_complementaire {
        let id = piece.piece_jointe_complementaire_id;
        let connue = match id {
            Some(id) => state
                .db
                .piece(id)
                .await?
                .is_some_and(|p| p.id_utilisateur == compte.utilisateur.id),
            None => false,
        };
        if !connue {
            return Err(refus(
                CODE_PIECE_JOINTE,
                "Pièce jointe complémentaire inconnue",
            ));
        }
    }
    if requete
        .commentaire
        .as_ref()
        .is_some_and(|c| c.chars().count() > 2000)
    {
        return Err(refus(CODE_DONNEES, "commentaire : 2000 caractères au plus"));
    }
    let maintenant = state.clock.horodatage();
    state
        .db
        .changer_statut(
            f.id,
            StatutFacture::COMPLETEE.code(),
            requete.commentaire.as_deref(),
            Some(compte.utilisateur.id),
            &maintenant,
        )
        .await?;
    Ok(CproJson(CompleterResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        identifiant_facture_cpp: Some(f.id),
        numero_facture: Some(f.numero),
        date_traitement: Some(DateHeure(maintenant.replace('T', " "))),
        ..Default::default()
    }))
}

/// `POST /cpro/factures/v1/traiterRejet`: acknowledges rejected invoices (`rejetTraite`, action
/// TRAITEMENT_REJET); they stay REJETEE (api-reference §4).
pub async fn traiter_rejet(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<TraiterRejetRequest>,
) -> Result<CproJson<Retour>, ApiError> {
    if requete.liste_demande_paiement.is_empty() {
        return Err(refus(CODE_DONNEES, "listeDemandePaiement est vide"));
    }
    // Check every invoice first, so that a refusal changes nothing.
    let mut factures = Vec::new();
    for demande in &requete.liste_demande_paiement {
        let f = facture_modifiable(&state, &compte, demande.id_demande_paiement).await?;
        if f.statut != StatutFacture::REJETEE.code() {
            return Err(refus(
                CODE_STATUT_INCOMPATIBLE,
                format!("La facture {} n'est pas rejetée", f.numero),
            ));
        }
        factures.push(f);
    }
    let maintenant = state.clock.horodatage();
    for f in factures {
        state.db.marquer_rejet_traite(f.id).await?;
        state
            .db
            .ajouter_action(
                f.id,
                ActionUtilisateur::TRAITEMENT_REJET.code(),
                compte.utilisateur.id,
                &maintenant,
            )
            .await?;
    }
    Ok(CproJson(Retour::succes(LIBELLE_SUCCES_GCU)))
}

/// Statuses `corriger/valideur/facture` applies to: the validator (first or co-contractor level)
/// reported a wrong validator (api-reference §4).
pub const STATUTS_ERREUR_VALIDEUR: [StatutFacture; 2] = [
    StatutFacture::ERREUR_FOURNISSEUR_SUR_VALIDEUR,
    StatutFacture::ERREUR_COTRAITANT_SUR_VALIDEUR,
];

/// `POST /cpro/factures/v1/corriger/valideur/facture`: the supplier names the right validator of an
/// A9/A12 invoice rejected for a wrong one. The invoice goes back to A_VALIDER_1 (the circuit starts
/// again with the new validator; the exact status is **\[inferred\]**, api-reference open point 5) and
/// the change is in the status history.
pub async fn corriger_valideur(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<CorrigerValideurRequest>,
) -> Result<CproJson<CorrigerValideurResponse>, ApiError> {
    let f = facture_modifiable(&state, &compte, requete.id_facture).await?;
    let cadre = CadreFacturation::from_code(&f.cadre_facturation);
    if !cadre.exige_valideur() {
        return Err(refus(
            CODE_CADRE,
            format!(
                "Le cadre {cadre} n'a pas de valideur : seules les factures A9 et A12 se corrigent"
            ),
        ));
    }
    if !STATUTS_ERREUR_VALIDEUR.contains(&StatutFacture::from_code(&f.statut)) {
        return Err(refus(
            CODE_STATUT_INCOMPATIBLE,
            format!(
                "La facture est au statut {} : seul un statut ERREUR_FOURNISSEUR_SUR_VALIDEUR ou \
                 ERREUR_COTRAITANT_SUR_VALIDEUR permet de corriger le valideur",
                f.statut
            ),
        ));
    }
    let valideur = nouveau_valideur(&state, &requete).await?;
    if valideur.id == f.id_fournisseur {
        return Err(refus(
            CODE_CADRE,
            "Le fournisseur ne peut pas être son propre valideur",
        ));
    }
    if f.code_structure_valideur.as_deref() == Some(valideur.identifiant.as_str()) {
        return Err(refus(
            CODE_CADRE,
            format!(
                "{} est déjà le valideur de la facture",
                valideur.identifiant
            ),
        ));
    }
    state
        .db
        .changer_valideur(f.id, &valideur.identifiant)
        .await?;
    let commentaire = format!(
        "Valideur corrigé : {} ({})",
        valideur.identifiant, valideur.raison_sociale
    );
    state
        .db
        .changer_statut(
            f.id,
            StatutFacture::A_VALIDER_1.code(),
            Some(&commentaire),
            Some(compte.utilisateur.id),
            &state.clock.horodatage(),
        )
        .await?;
    Ok(CproJson(CorrigerValideurResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        id_facture: Some(f.id),
    }))
}

/// The validator named by `idStructure` and/or `typeIdentifiantStructure` + `identifiantStructure`
/// (SIRET by default): known, active, and the same structure when both are given.
async fn nouveau_valideur(
    state: &AppState,
    requete: &CorrigerValideurRequest,
) -> Result<StructureRow, ApiError> {
    let identifiant = requete
        .identifiant_structure
        .as_deref()
        .map(str::trim)
        .filter(|i| !i.is_empty());
    let par_id =
        match requete.id_structure {
            Some(id) => {
                Some(state.db.structure(id).await?.ok_or_else(|| {
                    refus(CODE_CADRE, format!("Structure valideur {id} inconnue"))
                })?)
            }
            None => None,
        };
    let par_identifiant = match identifiant {
        Some(identifiant) => {
            let type_attendu = requete
                .type_identifiant_structure
                .clone()
                .unwrap_or(TypeIdentifiantStructure::SIRET);
            let structure = state
                .db
                .structure_par_identifiant(identifiant)
                .await?
                .filter(|s| s.type_identifiant == type_attendu.code())
                .ok_or_else(|| {
                    refus(
                        CODE_CADRE,
                        format!("Structure valideur {type_attendu} {identifiant} inconnue"),
                    )
                })?;
            Some(structure)
        }
        None => None,
    };
    let valideur = match (par_id, par_identifiant) {
        (Some(a), Some(b)) if a.id != b.id => {
            return Err(refus(
                CODE_CADRE,
                "idStructure et identifiantStructure désignent deux structures différentes",
            ))
        }
        (Some(s), _) | (None, Some(s)) => s,
        (None, None) => {
            return Err(ApiError::RequeteInvalide(
                "idStructure ou identifiantStructure est obligatoire".into(),
            ))
        }
    };
    if !valideur.actif {
        return Err(refus(
            CODE_CADRE,
            format!("Structure valideur {} inactive", valideur.identifiant),
        ));
    }
    Ok(valideur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(numero: &str, attendu: bool) {
        assert_eq!(numero_facture_valide(numero), attendu, "{numero:?}");
    }

    #[test]
    fn invoice_number_rule() {
        check("F-2026/001+A_b", true);
        check("12345678901234567890", true);
        check("123456789012345678901", false);
        check("", false);
        check("F 001", false);
        check("F.001", false);
        check("FACTURÉ1", false);
    }
}
