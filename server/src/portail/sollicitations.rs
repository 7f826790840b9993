//! Sollicitations (`/portail/v1/sollicitations`): support tickets a user or their structures emit, with a
//! category and sub-category, an optional object (an invoice of one of their structures, an engagement,
//! a structure), a thread of messages with attached files, and the statuses Ouvert, En attente
//! d'informations, Résolu and Fermé. Transitions are `portail::sollicitations::transition`'s; the
//! recipient's side is simulated (`/portail/v1/simulation/sollicitations/{id}/repondre`).
//!
//! **Scope:** a user sees and acts on the sollicitations they emitted or one of their structures emitted;
//! any other id answers 404, as an unknown one does.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use portail::sollicitations::{self as regles, Action, Statut, TypeObjet};
use serde::{Deserialize, Serialize};

use super::outbox;
use crate::chorus::compte::Compte;
use crate::chorus::factures::TAILLE_MAX_FICHIER;
use crate::chorus::transverses::{nom_piece_valide, LONGUEUR_MAX_NOM_PIECE};
use crate::db::{
    ActiviteRow, NouvelleActivite, NouvellePiece, NouvelleSollicitation, SollicitationRow,
};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// The caller with the rights of the Sollicitations espace: where a gestionnaire set a habilitation for
/// this espace (Activités du gestionnaire), it replaces the structure-wide one.
pub struct CompteSollicitations(pub Compte);

impl axum::extract::FromRequestParts<AppState> for CompteSollicitations {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Compte { utilisateur, .. } = Compte::from_request_parts(parts, state).await?;
        // The structure-wide habilitations, then this espace's (not the invoices').
        let mut compte = Compte {
            rattachements: state.db.rattachements(utilisateur.id).await?,
            utilisateur,
        };
        let par_espace = state
            .db
            .habilitations_sur_espace(compte.utilisateur.id, crate::db::ESPACE_SOLLICITATIONS)
            .await?;
        compte.limiter_a_l_espace(&par_espace);
        Ok(CompteSollicitations(compte))
    }
}

/// Recipient of the sollicitations that are not about an invoice.
pub const SUPPORT_NOM: &str = "Support Chorus Pro (AIFE)";
/// Where the support's notifications go (sandbox address).
pub const SUPPORT_EMAIL: &str = "support@chorus-pro.exemple.test";
/// `kind` of the e-mail telling the recipient about a new sollicitation or message.
pub const NATURE_MESSAGE: &str = "SOLLICITATION_MESSAGE";
/// `kind` of the e-mail telling the emitter about the recipient's answer.
pub const NATURE_REPONSE: &str = "SOLLICITATION_REPONSE";
/// `auteur` of the emitter's activities.
pub const AUTEUR_EMETTEUR: &str = "EMETTEUR";
/// `auteur` of the recipient's activities.
pub const AUTEUR_DESTINATAIRE: &str = "DESTINATAIRE";

/// A file sent with a message (JSON, base64 like `ajouter/fichier`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PieceJointeRequest {
    /// File name with its extension (50 characters at most, an extension Chorus Pro accepts).
    pub nom: String,
    /// Content, base64.
    pub contenu: String,
}

/// Body of `POST /portail/v1/sollicitations`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreerRequest {
    /// Emitting structure; the invoice's supplier, or the user's first structure, when absent.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: Option<i64>,
    /// Category code.
    pub categorie: String,
    /// Sub-category code (of that category).
    pub sous_categorie: String,
    /// Subject.
    pub sujet: String,
    /// Description.
    pub description: String,
    /// `FACTURE`, `ENGAGEMENT` or `STRUCTURE`; none when empty.
    pub type_objet: Option<String>,
    /// Number of the object (required with a type).
    pub numero_objet: Option<String>,
    /// Attached file.
    pub piece_jointe: Option<PieceJointeRequest>,
    /// SIRET of the public structure the sollicitation is addressed to: required by the categories
    /// addressed to a public organisation (Chorus Pro's « M - … » themes) unless the object is one of
    /// the caller's invoices, whose recipient it then goes to.
    pub siret_destinataire: Option<String>,
}

/// Body of `POST /portail/v1/sollicitations/{id}/messages` (and of the simulated answer).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageRequest {
    /// Message.
    pub texte: String,
    /// Attached file.
    pub piece_jointe: Option<PieceJointeRequest>,
    /// Simulation only: `EN_ATTENTE_INFORMATIONS` or `RESOLU`; unchanged when absent.
    pub statut: Option<String>,
}

/// Query of `GET /portail/v1/sollicitations`.
#[derive(Debug, Deserialize)]
pub struct ListeQuery {
    /// Only this status.
    pub statut: Option<String>,
}

/// Who emitted a sollicitation.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Emetteur {
    /// The user's name.
    pub nom: String,
    /// Their e-mail.
    pub email: String,
    /// The structure.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: Option<i64>,
    /// Its name.
    pub raison_sociale: Option<String>,
}

/// A sollicitation as the portal shows it (list row).
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Sollicitation {
    /// Id, also its number.
    pub id: i64,
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
    /// The linked invoice.
    #[serde(rename = "identifiantFactureCPP")]
    pub identifiant_facture_cpp: Option<i64>,
    /// Emitter.
    pub emetteur: Emetteur,
    /// Recipient organisation.
    pub destinataire: String,
    /// Status code.
    pub statut: String,
    /// Created (UTC).
    pub cree_le: String,
    /// Last activity (UTC).
    pub modifie_le: String,
    /// What the caller can do now (`REPONDRE`, `ACCEPTER_SOLUTION`, `ROUVRIR`, `CLOTURER`).
    pub actions: Vec<String>,
}

/// An attached file as listed in a thread.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Piece {
    /// Id (download: `/portail/v1/sollicitations/{id}/pieces/{idPiece}`).
    pub id: i64,
    /// File name.
    pub nom: String,
    /// MIME type.
    pub type_mime: String,
    /// Size in bytes.
    pub taille: i64,
}

/// One activity of the thread.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Activite {
    /// Id.
    pub id: i64,
    /// `EMETTEUR` or `DESTINATAIRE`.
    pub auteur: String,
    /// Name shown for the author.
    pub nom_auteur: String,
    /// Message (empty for a bare status change).
    pub texte: String,
    /// The status it set.
    pub statut: Option<String>,
    /// When (UTC).
    pub cree_le: String,
    /// Attached files.
    pub pieces: Vec<Piece>,
}

/// A sollicitation with its thread.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SollicitationDetail {
    /// The sollicitation.
    #[serde(flatten)]
    pub sollicitation: Sollicitation,
    /// Its thread, oldest first.
    pub activites: Vec<Activite>,
}

/// Answer of `GET /portail/v1/sollicitations`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ListeResponse {
    /// Last activity first.
    pub sollicitations: Vec<Sollicitation>,
}

fn vers_api(row: SollicitationRow, peut_agir: bool) -> Sollicitation {
    let actions = match Statut::depuis_code(&row.statut) {
        Some(statut) if peut_agir => regles::actions_emetteur(statut)
            .into_iter()
            .map(|a| a.code().to_owned())
            .collect(),
        _ => Vec::new(),
    };
    Sollicitation {
        id: row.id,
        categorie: row.categorie,
        sous_categorie: row.sous_categorie,
        sujet: row.sujet,
        description: row.description,
        type_objet: row.type_objet,
        numero_objet: row.numero_objet,
        identifiant_facture_cpp: row.id_facture,
        emetteur: Emetteur {
            nom: row.nom_utilisateur,
            email: row.email_utilisateur,
            id_structure_cpp: row.id_structure,
            raison_sociale: row.raison_sociale_structure,
        },
        destinataire: row.destinataire,
        statut: row.statut,
        cree_le: row.cree_le,
        modifie_le: row.modifie_le,
        actions,
    }
}

fn activite_vers_api(row: ActiviteRow) -> Activite {
    Activite {
        id: row.id,
        auteur: row.auteur,
        nom_auteur: row.nom_auteur,
        texte: row.texte,
        statut: row.statut,
        cree_le: row.cree_le,
        pieces: row
            .pieces
            .into_iter()
            .map(|p| Piece {
                id: p.id,
                nom: p.nom,
                type_mime: p.type_mime,
                taille: p.taille,
            })
            .collect(),
    }
}

/// True when the caller sees this sollicitation: they emitted it, or one of their structures did.
pub fn visible(compte: &Compte, row: &SollicitationRow) -> bool {
    row.id_utilisateur == compte.utilisateur.id
        || row.id_structure.is_some_and(|s| compte.peut_consulter(s))
}

/// True when the caller may act on it: its emitter, or a user with MODIFICATION on its structure.
pub fn modifiable(compte: &Compte, row: &SollicitationRow) -> bool {
    row.id_utilisateur == compte.utilisateur.id
        || row.id_structure.is_some_and(|s| compte.peut_modifier(s))
}

fn inconnue() -> ApiError {
    ApiError::Refus(StatusCode::NOT_FOUND, "Sollicitation inconnue.".into())
}

async fn charger_visible(
    state: &AppState,
    compte: &Compte,
    id: i64,
) -> Result<SollicitationRow, ApiError> {
    state
        .db
        .sollicitation(id)
        .await?
        .filter(|row| visible(compte, row))
        .ok_or_else(inconnue)
}

async fn detail(
    state: &AppState,
    compte: &Compte,
    id: i64,
) -> Result<SollicitationDetail, ApiError> {
    let row = charger_visible(state, compte, id).await?;
    let activites = state
        .db
        .activites_sollicitation(id)
        .await?
        .into_iter()
        .map(activite_vers_api)
        .collect();
    let peut_agir = modifiable(compte, &row);
    Ok(SollicitationDetail {
        sollicitation: vers_api(row, peut_agir),
        activites,
    })
}

/// The MIME type a downloaded file is served with: known harmless types, else a plain byte stream (an
/// HTML or SVG file must never be rendered by the portal's origin).
pub fn type_mime(nom: &str) -> &'static str {
    let extension = nom
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_uppercase())
        .unwrap_or_default();
    match extension.as_str() {
        "PDF" => "application/pdf",
        "PNG" => "image/png",
        "JPG" | "JPEG" => "image/jpeg",
        "GIF" => "image/gif",
        "TXT" | "CSV" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Checks an attached file with the limits of Chorus Pro's attachments (`ajouter/fichier`): 10 MB,
/// a name of [`LONGUEUR_MAX_NOM_PIECE`] characters at most with an accepted extension, not empty.
pub fn lire_piece(piece: &PieceJointeRequest) -> Result<NouvellePiece, ErreurChamp> {
    let champ = "pieceJointe";
    let contenu = piece.contenu.trim();
    let trop_gros = || {
        ErreurChamp::new(
            champ,
            "Le fichier dépasse 10 Mo : réduisez-le ou découpez-le.",
            "The file is over 10 MB: reduce or split it.",
        )
    };
    if contenu.len() / 4 * 3 > TAILLE_MAX_FICHIER + 3 {
        return Err(trop_gros());
    }
    let octets = STANDARD.decode(contenu).map_err(|_| {
        ErreurChamp::new(
            champ,
            "Le contenu du fichier n'est pas lisible (base64 attendu).",
            "The file's content cannot be read (base64 expected).",
        )
    })?;
    if octets.len() > TAILLE_MAX_FICHIER {
        return Err(trop_gros());
    }
    if octets.is_empty() {
        return Err(ErreurChamp::new(
            champ,
            "Le fichier est vide.",
            "The file is empty.",
        ));
    }
    let nom = piece.nom.trim();
    if !nom_piece_valide(nom) {
        return Err(ErreurChamp::new(
            champ,
            format!(
                "Nom de fichier refusé : {LONGUEUR_MAX_NOM_PIECE} caractères au plus, avec une extension acceptée par Chorus Pro (PDF, JPG, PNG, XML, ZIP, DOCX, XLSX…)."
            ),
            format!(
                "File name refused: at most {LONGUEUR_MAX_NOM_PIECE} characters, with an extension Chorus Pro accepts (PDF, JPG, PNG, XML, ZIP, DOCX, XLSX…)."
            ),
        ));
    }
    Ok(NouvellePiece {
        nom: nom.to_owned(),
        type_mime: type_mime(nom).to_owned(),
        contenu: octets,
    })
}

fn verifier_texte(
    champ: &str,
    texte: &str,
    max: usize,
    erreurs: &mut Vec<ErreurChamp>,
) -> Option<String> {
    let texte = texte.trim();
    if texte.is_empty() {
        erreurs.push(ErreurChamp::new(
            champ,
            "Ce champ est obligatoire.",
            "This field is required.",
        ));
        None
    } else if texte.chars().count() > max {
        erreurs.push(ErreurChamp::new(
            champ,
            format!("{max} caractères au plus."),
            format!("At most {max} characters."),
        ));
        None
    } else {
        Some(texte.to_owned())
    }
}

fn nom_utilisateur(compte: &Compte) -> String {
    format!(
        "{} {}",
        compte.utilisateur.prenom.trim(),
        compte.utilisateur.nom.trim()
    )
    .trim()
    .to_owned()
}

/// Where the recipient is and who it is, from the object: (invoice id, emitting structure, name, e-mail).
struct Objet {
    type_objet: Option<String>,
    numero: Option<String>,
    id_facture: Option<i64>,
    id_fournisseur: Option<i64>,
    destinataire: String,
    email_destinataire: String,
}

async fn lire_objet(
    state: &AppState,
    compte: &Compte,
    requete: &CreerRequest,
    erreurs: &mut Vec<ErreurChamp>,
) -> Result<Objet, ApiError> {
    let mut objet = Objet {
        type_objet: None,
        numero: None,
        id_facture: None,
        id_fournisseur: None,
        destinataire: SUPPORT_NOM.to_owned(),
        email_destinataire: SUPPORT_EMAIL.to_owned(),
    };
    let code = requete.type_objet.as_deref().map(str::trim).unwrap_or("");
    let numero = requete.numero_objet.as_deref().map(str::trim).unwrap_or("");
    if code.is_empty() {
        return Ok(objet);
    }
    let Some(type_objet) = TypeObjet::depuis_code(code) else {
        erreurs.push(ErreurChamp::new(
            "typeObjet",
            "Type d'objet inconnu : facture, engagement ou structure.",
            "Unknown object type: invoice, purchase order or organisation.",
        ));
        return Ok(objet);
    };
    objet.type_objet = Some(type_objet.code().to_owned());
    if numero.is_empty() {
        erreurs.push(ErreurChamp::new(
            "numeroObjet",
            "Indiquez le numéro de l'objet.",
            "Enter the object's number.",
        ));
        return Ok(objet);
    }
    if numero.chars().count() > regles::NUMERO_OBJET_LONGUEUR_MAX {
        erreurs.push(ErreurChamp::new(
            "numeroObjet",
            format!("{} caractères au plus.", regles::NUMERO_OBJET_LONGUEUR_MAX),
            format!("At most {} characters.", regles::NUMERO_OBJET_LONGUEUR_MAX),
        ));
        return Ok(objet);
    }
    objet.numero = Some(numero.to_owned());
    if type_objet == TypeObjet::Facture {
        // Only the invoices of the caller's structures: another supplier's invoice is refused the same
        // way as a number that does not exist, so that nothing leaks about it.
        let mut trouvee = None;
        for id_structure in compte.structures() {
            if let Some(facture) = state.db.facture_par_numero(id_structure, numero).await? {
                trouvee = Some(facture);
                break;
            }
        }
        match trouvee {
            Some(facture) => {
                let email = state
                    .db
                    .structure(facture.id_destinataire)
                    .await?
                    .map(|s| s.email)
                    .filter(|e| !e.trim().is_empty())
                    .unwrap_or_else(|| SUPPORT_EMAIL.to_owned());
                objet.id_facture = Some(facture.id);
                objet.id_fournisseur = Some(facture.id_fournisseur);
                objet.destinataire = facture.designation_destinataire;
                objet.email_destinataire = email;
            }
            None => erreurs.push(ErreurChamp::new(
                "numeroObjet",
                "Aucune facture de vos structures ne porte ce numéro.",
                "No invoice of your organisations has this number.",
            )),
        }
    }
    Ok(objet)
}

/// The destination organisation of a category addressed to a public organisation: the recipient of the
/// invoice the sollicitation is about, else the public structure whose SIRET is given (required).
async fn lire_destinataire(
    state: &AppState,
    requete: &CreerRequest,
    objet: &mut Objet,
    erreurs: &mut Vec<ErreurChamp>,
) -> Result<(), ApiError> {
    if objet.id_facture.is_some() {
        return Ok(());
    }
    let champ = "siretDestinataire";
    let siret: String = requete
        .siret_destinataire
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if siret.is_empty() {
        // A wrong invoice number already says what is missing.
        if !erreurs.iter().any(|e| e.champ == "numeroObjet") {
            erreurs.push(ErreurChamp::new(
                champ,
                "Cette catégorie s'adresse à une structure publique : indiquez son SIRET, ou le numéro de la facture concernée.",
                "This category is addressed to a public organisation: enter its SIRET, or the number of the invoice concerned.",
            ));
        }
        return Ok(());
    }
    if facture::identifiant::Siret::parse(&siret).is_err() {
        erreurs.push(ErreurChamp::new(
            champ,
            "SIRET invalide : 14 chiffres avec une clé de contrôle juste.",
            "Invalid SIRET: 14 digits with a correct check digit.",
        ));
        return Ok(());
    }
    match state
        .db
        .structure_par_identifiant(&siret)
        .await?
        .filter(|s| s.type_structure == "PUBLIQUE")
    {
        Some(structure) => {
            objet.destinataire = structure.raison_sociale;
            if !structure.email.trim().is_empty() {
                objet.email_destinataire = structure.email;
            }
        }
        None => erreurs.push(ErreurChamp::new(
            champ,
            "Aucune structure publique de l'annuaire Chorus Pro n'a ce SIRET.",
            "No public organisation of the Chorus Pro directory has this SIRET.",
        )),
    }
    Ok(())
}

/// `GET /portail/v1/sollicitations[?statut=]` (signed in): the caller's sollicitations.
pub async fn lister(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Query(query): Query<ListeQuery>,
) -> Result<CproJson<ListeResponse>, ApiError> {
    let statut = match query.statut.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(Statut::depuis_code(code).ok_or_else(|| {
            ApiError::RequeteInvalide(format!(
                "statut {code} inconnu (OUVERT, EN_ATTENTE_INFORMATIONS, RESOLU, FERME)"
            ))
        })?),
    };
    let sollicitations = state
        .db
        .sollicitations_visibles(
            compte.utilisateur.id,
            &compte.structures(),
            statut.map(Statut::code),
        )
        .await?
        .into_iter()
        .map(|row| {
            let peut_agir = modifiable(&compte, &row);
            vers_api(row, peut_agir)
        })
        .collect();
    Ok(CproJson(ListeResponse { sollicitations }))
}

/// `POST /portail/v1/sollicitations` (signed in): 201 with the sollicitation and its thread; 422 with
/// field errors; 403 when the emitting structure is only open to consultation.
pub async fn creer(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    CproJson(requete): CproJson<CreerRequest>,
) -> Result<(StatusCode, CproJson<SollicitationDetail>), ApiError> {
    let mut erreurs = Vec::new();
    let categorie = requete.categorie.trim();
    let sous_categorie = requete.sous_categorie.trim();
    if regles::categorie(categorie).is_none() {
        erreurs.push(ErreurChamp::new(
            "categorie",
            "Choisissez une catégorie.",
            "Choose a category.",
        ));
    } else if regles::sous_categorie(categorie, sous_categorie).is_none() {
        erreurs.push(ErreurChamp::new(
            "sousCategorie",
            "Choisissez une sous-catégorie de cette catégorie.",
            "Choose a sub-category of this category.",
        ));
    }
    let sujet = verifier_texte(
        "sujet",
        &requete.sujet,
        regles::SUJET_LONGUEUR_MAX,
        &mut erreurs,
    );
    let description = verifier_texte(
        "description",
        &requete.description,
        regles::TEXTE_LONGUEUR_MAX,
        &mut erreurs,
    );
    let mut objet = lire_objet(&state, &compte, &requete, &mut erreurs).await?;
    if regles::categorie(categorie).is_some_and(|c| c.destinataire_requis) {
        lire_destinataire(&state, &requete, &mut objet, &mut erreurs).await?;
    }
    let piece = match requete.piece_jointe.as_ref().map(lire_piece).transpose() {
        Ok(piece) => piece,
        Err(erreur) => {
            erreurs.push(erreur);
            None
        }
    };
    let id_structure = match (objet.id_fournisseur, requete.id_structure_cpp) {
        (Some(fournisseur), _) => Some(fournisseur),
        (None, Some(id)) if compte.peut_consulter(id) => Some(id),
        (None, Some(_)) => {
            erreurs.push(ErreurChamp::new(
                "idStructureCPP",
                "Vous n'êtes pas rattaché(e) à cette structure.",
                "You are not attached to this organisation.",
            ));
            None
        }
        (None, None) => compte.structures().first().copied(),
    };
    let (Some(sujet), Some(description), true) = (sujet, description, erreurs.is_empty()) else {
        return Err(ApiError::Champs(erreurs));
    };
    if let Some(id) = id_structure.filter(|id| !compte.peut_modifier(*id)) {
        return Err(ApiError::Interdit(format!(
            "Votre habilitation sur la structure {id} est « consultation » : demandez la modification à son gestionnaire."
        )));
    }
    let nouvelle = NouvelleSollicitation {
        id_utilisateur: compte.utilisateur.id,
        id_structure,
        categorie: categorie.to_owned(),
        sous_categorie: sous_categorie.to_owned(),
        sujet: sujet.clone(),
        description: description.clone(),
        type_objet: objet.type_objet,
        numero_objet: objet.numero,
        id_facture: objet.id_facture,
        destinataire: objet.destinataire,
        email_destinataire: objet.email_destinataire.clone(),
        statut: Statut::Ouvert.code().to_owned(),
    };
    let premiere = NouvelleActivite {
        id_sollicitation: 0,
        auteur: AUTEUR_EMETTEUR.to_owned(),
        nom_auteur: nom_utilisateur(&compte),
        texte: description.clone(),
        statut: Some(Statut::Ouvert.code().to_owned()),
        piece,
    };
    let id = state
        .db
        .creer_sollicitation(&nouvelle, &premiere, &state.clock.horodatage())
        .await?;
    outbox::notifier(
        &state,
        &objet.email_destinataire,
        &format!("Nouvelle sollicitation n° {id} : {sujet}"),
        format!(
            "Une sollicitation vous est adressée par {}.\n\nObjet : {sujet}\n\n{description}\n\nRépondre : /sollicitations/{id}\n",
            nom_utilisateur(&compte)
        ),
        NATURE_MESSAGE,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        CproJson(detail(&state, &compte, id).await?),
    ))
}

/// `GET /portail/v1/sollicitations/{id}` (signed in): the sollicitation and its thread; 404 when unknown
/// or not the caller's.
pub async fn lire(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Path(id): Path<i64>,
) -> Result<CproJson<SollicitationDetail>, ApiError> {
    Ok(CproJson(detail(&state, &compte, id).await?))
}

fn conflit(refus: regles::TransitionRefusee) -> ApiError {
    ApiError::Refus(StatusCode::CONFLICT, refus.message_fr)
}

/// Applies an emitter's action: checks scope, rights and the transition, records the activity.
async fn agir(
    state: &AppState,
    compte: &Compte,
    id: i64,
    action: Action,
    texte: String,
    piece: Option<NouvellePiece>,
) -> Result<SollicitationRow, ApiError> {
    let row = charger_visible(state, compte, id).await?;
    if !modifiable(compte, &row) {
        return Err(ApiError::Interdit(
            "Votre habilitation sur la structure émettrice est « consultation ».".into(),
        ));
    }
    let statut = Statut::depuis_code(&row.statut)
        .ok_or_else(|| ApiError::Interne(format!("statut {} inconnu", row.statut)))?;
    let nouveau = regles::transition(statut, action).map_err(conflit)?;
    let activite = NouvelleActivite {
        id_sollicitation: id,
        auteur: AUTEUR_EMETTEUR.to_owned(),
        nom_auteur: nom_utilisateur(compte),
        texte,
        statut: (nouveau != statut).then(|| nouveau.code().to_owned()),
        piece,
    };
    state
        .db
        .ajouter_activite(&activite, &state.clock.horodatage())
        .await?;
    Ok(row)
}

/// `POST /portail/v1/sollicitations/{id}/messages` (signed in): adds the caller's message (an answer to a
/// request for information reopens the ticket) and e-mails the recipient. 409 when resolved or closed.
pub async fn ajouter_message(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Path(id): Path<i64>,
    CproJson(requete): CproJson<MessageRequest>,
) -> Result<CproJson<SollicitationDetail>, ApiError> {
    let mut erreurs = Vec::new();
    let texte = verifier_texte(
        "texte",
        &requete.texte,
        regles::TEXTE_LONGUEUR_MAX,
        &mut erreurs,
    );
    let piece = match requete.piece_jointe.as_ref().map(lire_piece).transpose() {
        Ok(piece) => piece,
        Err(erreur) => {
            erreurs.push(erreur);
            None
        }
    };
    let (Some(texte), true) = (texte, erreurs.is_empty()) else {
        return Err(ApiError::Champs(erreurs));
    };
    let row = agir(&state, &compte, id, Action::Repondre, texte.clone(), piece).await?;
    outbox::notifier(
        &state,
        &row.email_destinataire,
        &format!("Sollicitation n° {id} : nouveau message"),
        format!(
            "{} a écrit sur la sollicitation n° {id} « {} » :\n\n{texte}\n\nRépondre : /sollicitations/{id}\n",
            nom_utilisateur(&compte),
            row.sujet
        ),
        NATURE_MESSAGE,
    )
    .await?;
    Ok(CproJson(detail(&state, &compte, id).await?))
}

async fn changer(
    state: AppState,
    compte: Compte,
    id: i64,
    action: Action,
) -> Result<CproJson<SollicitationDetail>, ApiError> {
    agir(&state, &compte, id, action, String::new(), None).await?;
    Ok(CproJson(detail(&state, &compte, id).await?))
}

/// `POST /portail/v1/sollicitations/{id}/cloturer`: closes it (409 when already closed).
pub async fn cloturer(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Path(id): Path<i64>,
) -> Result<CproJson<SollicitationDetail>, ApiError> {
    changer(state, compte, id, Action::Cloturer).await
}

/// `POST /portail/v1/sollicitations/{id}/accepter-solution`: Résolu → Fermé (409 otherwise).
pub async fn accepter_solution(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Path(id): Path<i64>,
) -> Result<CproJson<SollicitationDetail>, ApiError> {
    changer(state, compte, id, Action::AccepterSolution).await
}

/// `POST /portail/v1/sollicitations/{id}/rouvrir`: Résolu or Fermé → Ouvert (409 otherwise).
pub async fn rouvrir(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Path(id): Path<i64>,
) -> Result<CproJson<SollicitationDetail>, ApiError> {
    changer(state, compte, id, Action::Rouvrir).await
}

/// `GET /portail/v1/sollicitations/{id}/pieces/{idPiece}`: an attached file, as a download.
pub async fn telecharger_piece(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Path((id, id_piece)): Path<(i64, i64)>,
) -> Result<Response, ApiError> {
    charger_visible(&state, &compte, id).await?;
    let (piece, contenu) = state
        .db
        .piece_sollicitation(id, id_piece)
        .await?
        .ok_or_else(|| ApiError::Refus(StatusCode::NOT_FOUND, "Pièce jointe inconnue.".into()))?;
    let octets = STANDARD
        .decode(contenu)
        .map_err(|e| ApiError::Interne(format!("pièce {id_piece}: {e}")))?;
    let disposition = HeaderValue::from_str(&content_disposition(&piece.nom))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(type_mime(&piece.nom)),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        octets,
    )
        .into_response())
}

/// `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987).
pub fn content_disposition(nom: &str) -> String {
    let ascii: String = nom
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encode: String = nom
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encode}")
}

/// `POST /portail/v1/simulation/sollicitations/{id}/repondre` (sandbox): the recipient answers one of the
/// caller's sollicitations, optionally setting `EN_ATTENTE_INFORMATIONS` or `RESOLU`; the emitter gets an
/// e-mail. 409 when resolved or closed, 422 on an unknown status or an empty message.
pub async fn simuler_reponse(
    State(state): State<AppState>,
    CompteSollicitations(compte): CompteSollicitations,
    Path(id): Path<i64>,
    CproJson(requete): CproJson<MessageRequest>,
) -> Result<CproJson<SollicitationDetail>, ApiError> {
    if state.gateway.is_some() || state.settings.gateway.is_some() {
        return Err(ApiError::NonTrouve(
            "/portail/v1/simulation/sollicitations".into(),
        ));
    }
    let mut erreurs = Vec::new();
    let texte = verifier_texte(
        "texte",
        &requete.texte,
        regles::TEXTE_LONGUEUR_MAX,
        &mut erreurs,
    );
    let action = match requete.statut.as_deref().map(str::trim) {
        None | Some("") => Some(Action::RepondreDestinataire),
        Some("EN_ATTENTE_INFORMATIONS") => Some(Action::DemanderInformations),
        Some("RESOLU") => Some(Action::Resoudre),
        Some(_) => {
            erreurs.push(ErreurChamp::new(
                "statut",
                "Statut simulé : EN_ATTENTE_INFORMATIONS ou RESOLU.",
                "Simulated status: EN_ATTENTE_INFORMATIONS or RESOLU.",
            ));
            None
        }
    };
    let piece = match requete.piece_jointe.as_ref().map(lire_piece).transpose() {
        Ok(piece) => piece,
        Err(erreur) => {
            erreurs.push(erreur);
            None
        }
    };
    let (Some(texte), Some(action), true) = (texte, action, erreurs.is_empty()) else {
        return Err(ApiError::Champs(erreurs));
    };
    let row = charger_visible(&state, &compte, id).await?;
    let statut = Statut::depuis_code(&row.statut)
        .ok_or_else(|| ApiError::Interne(format!("statut {} inconnu", row.statut)))?;
    let nouveau = regles::transition(statut, action).map_err(conflit)?;
    let activite = NouvelleActivite {
        id_sollicitation: id,
        auteur: AUTEUR_DESTINATAIRE.to_owned(),
        nom_auteur: row.destinataire.clone(),
        texte: texte.clone(),
        statut: (nouveau != statut).then(|| nouveau.code().to_owned()),
        piece,
    };
    state
        .db
        .ajouter_activite(&activite, &state.clock.horodatage())
        .await?;
    let (libelle, _) = nouveau.libelles();
    outbox::notifier(
        &state,
        &row.email_utilisateur,
        &format!("Sollicitation n° {id} : réponse de {}", row.destinataire),
        format!(
            "{} a répondu à votre sollicitation n° {id} « {} » (statut : {libelle}) :\n\n{texte}\n\nLa consulter : /sollicitations/{id}\n",
            row.destinataire, row.sujet
        ),
        NATURE_REPONSE,
    )
    .await?;
    Ok(CproJson(detail(&state, &compte, id).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(nom: &str, contenu: &[u8]) -> PieceJointeRequest {
        PieceJointeRequest {
            nom: nom.to_owned(),
            contenu: STANDARD.encode(contenu),
        }
    }

    #[test]
    fn an_attachment_follows_the_chorus_limits() {
        assert!(lire_piece(&piece("justificatif.pdf", b"%PDF-1.4")).is_ok());
        assert!(lire_piece(&piece("script.exe", b"MZ")).is_err());
        assert!(lire_piece(&piece("sans-extension", b"x")).is_err());
        assert!(lire_piece(&piece("vide.pdf", b"")).is_err());
        let long = format!("{}.pdf", "a".repeat(60));
        assert!(lire_piece(&piece(&long, b"x")).is_err());
        let gros = vec![0_u8; TAILLE_MAX_FICHIER + 1];
        let refus = lire_piece(&piece("gros.pdf", &gros));
        assert!(refus.is_err_and(|e| e.message_fr.contains("10 Mo")));
    }

    #[test]
    fn html_is_never_served_as_html() {
        assert_eq!(type_mime("page.html"), "application/octet-stream");
        assert_eq!(type_mime("image.svg"), "application/octet-stream");
        assert_eq!(type_mime("Facture.PDF"), "application/pdf");
    }

    #[test]
    fn the_download_name_is_quoted_safely() {
        assert_eq!(
            content_disposition("relevé \"1\".pdf"),
            "attachment; filename=\"relev_ _1_.pdf\"; filename*=UTF-8''relev%C3%A9%20%221%22.pdf"
        );
    }
}
