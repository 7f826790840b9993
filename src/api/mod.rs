//! The one SPA module that talks HTTP: the backend's portal and Chorus Pro APIs over gloo-net.
//!
//! Every function returns a typed [`ApiError`]; screens map it to a message.

pub mod gestionnaire;

use gloo_net::http::{Request, Response};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::state::config::{RuntimeConfig, CONFIG_URL};

pub mod compte;
pub mod sollicitations;
pub mod travaux;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// Occurs when the request never got an answer (offline, server down, CORS).
    Reseau(String),
    /// Occurs when the server answers with an error status; `code_retour`/`libelle` come from its body.
    Http {
        /// HTTP status.
        status: u16,
        /// Chorus Pro `codeRetour`, when the body had one.
        code_retour: Option<i64>,
        /// Chorus Pro `libelle`, when the body had one.
        libelle: Option<String>,
    },
    /// Occurs when the answer is not the expected JSON.
    Decodage(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Reseau(detail) => write!(f, "network error: {detail}"),
            ApiError::Http {
                status, libelle, ..
            } => write!(
                f,
                "http status {status}: {}",
                libelle.as_deref().unwrap_or("no detail")
            ),
            ApiError::Decodage(detail) => write!(f, "unexpected answer: {detail}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// A signed-in user, as the portal API describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Utilisateur {
    /// Identifier.
    pub id: i64,
    /// Login e-mail.
    pub email: String,
    /// Family name.
    #[serde(default)]
    pub nom: String,
    /// Given name.
    #[serde(default)]
    pub prenom: String,
    /// Preferred interface language.
    #[serde(default)]
    pub langue: Option<String>,
}

#[derive(Deserialize)]
struct SessionReponse {
    utilisateur: Option<Utilisateur>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConnexionDemande<'a> {
    email: &'a str,
    mot_de_passe: &'a str,
    /// In a frame: ask for the partitioned session cookie, the one a third-party frame keeps.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    integre: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Retour {
    code_retour: Option<i64>,
    libelle: Option<String>,
}

/// Reads the runtime settings. A missing or malformed file is an error the caller reports.
pub async fn config() -> Result<RuntimeConfig, ApiError> {
    let reponse = Request::get(CONFIG_URL)
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

/// Who is signed in: `None` for nobody.
pub async fn session(base: &str) -> Result<Option<Utilisateur>, ApiError> {
    let reponse = Request::get(&format!("{base}/portail/v1/session"))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if reponse.status() == 401 {
        return Ok(None);
    }
    let corps: SessionReponse = json_ou_erreur(reponse).await?;
    Ok(corps.utilisateur)
}

/// What a correct password leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultatConnexion {
    /// Signed in.
    Connecte(Utilisateur),
    /// The account has a second factor: a code is expected with this pending token.
    SecondFacteur {
        /// Short-lived token to send back with the code.
        jeton: String,
        /// `EMAIL` (a code was e-mailed) or `TOTP` (the authenticator application).
        methode: String,
    },
}

#[derive(Deserialize)]
struct SecondFacteurRequis {
    jeton: String,
    methode: String,
}

/// Signs in with e-mail and password. HTTP 202 means a second factor is required.
pub async fn connexion(
    base: &str,
    email: &str,
    mot_de_passe: &str,
) -> Result<ResultatConnexion, ApiError> {
    let reponse = Request::post(&format!("{base}/portail/v1/session/connexion"))
        .json(&ConnexionDemande {
            email,
            mot_de_passe,
            integre: crate::state::integration::est_dans_un_cadre(),
        })
        .map_err(|e| ApiError::Decodage(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if reponse.status() == 202 {
        let requis: SecondFacteurRequis = json_ou_erreur(reponse).await?;
        return Ok(ResultatConnexion::SecondFacteur {
            jeton: requis.jeton,
            methode: requis.methode,
        });
    }
    let corps: SessionReponse = json_ou_erreur(reponse).await?;
    corps
        .utilisateur
        .map(ResultatConnexion::Connecte)
        .ok_or_else(|| ApiError::Decodage("no user in the sign-in answer".to_string()))
}

/// Completes a sign-in with the second factor's code. A wrong code comes back on the `code` field
/// with the attempts left.
pub async fn second_facteur(
    base: &str,
    jeton: &str,
    code: &str,
) -> Result<Utilisateur, RefusFormulaire> {
    let reponse = Request::post(&format!("{base}/portail/v1/session/second-facteur"))
        .json(&serde_json::json!({
            "jeton": jeton,
            "code": code,
            "integre": crate::state::integration::est_dans_un_cadre(),
        }))
        .map_err(|e| RefusFormulaire::Autre(ApiError::Decodage(e.to_string())))?
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))?;
    let corps: SessionReponse = lire_formulaire(reponse).await?;
    corps.utilisateur.ok_or_else(|| {
        RefusFormulaire::Autre(ApiError::Decodage(
            "no user in the second-factor answer".to_string(),
        ))
    })
}

/// The JSON of a successful answer, or the refused fields of a 422, or the error.
async fn lire_formulaire<T: DeserializeOwned>(reponse: Response) -> Result<T, RefusFormulaire> {
    if reponse.status() == 422 {
        let corps: RetourChamps = reponse
            .json()
            .await
            .map_err(|e| RefusFormulaire::Autre(ApiError::Decodage(e.to_string())))?;
        return Err(RefusFormulaire::Champs(corps.erreurs));
    }
    json_ou_erreur(reponse)
        .await
        .map_err(RefusFormulaire::Autre)
}

/// The anti-robot question of the account creation form.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Defi {
    /// Id to send back with the answer.
    pub id: String,
    /// The question in French.
    pub question: String,
    /// The question in English.
    pub question_en: String,
}

/// A fresh anti-robot question.
pub async fn defi(base: &str) -> Result<Defi, ApiError> {
    let reponse = Request::get(&format!("{base}/portail/v1/comptes/defi"))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

/// The account creation form, as the portal API takes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreationCompte {
    /// Connexion e-mail.
    pub email: String,
    /// The same, typed again.
    pub email_confirmation: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// Phone.
    pub telephone: String,
    /// Contact e-mail.
    pub email_contact: String,
    /// Password.
    pub mot_de_passe: String,
    /// Secret question.
    pub question_secrete: String,
    /// Its answer.
    pub reponse_secrete: String,
    /// CGU accepted.
    pub cgu_acceptees: bool,
    /// Anti-robot question id.
    pub defi_id: String,
    /// Its answer.
    pub defi_reponse: String,
}

/// An invalid field, as the server names it (`motDePasse`…), with its messages.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErreurChamp {
    /// Field name in the request body.
    pub champ: String,
    /// Message in French.
    pub message_fr: String,
    /// Message in English.
    pub message_en: String,
}

/// Why a portal form was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum RefusFormulaire {
    /// Fields to correct.
    Champs(Vec<ErreurChamp>),
    /// Anything else.
    Autre(ApiError),
}

#[derive(Deserialize)]
struct RetourChamps {
    #[serde(default)]
    erreurs: Vec<ErreurChamp>,
}

/// Creates an account; an activation link is e-mailed. Invalid fields come back one by one.
pub async fn creer_compte(base: &str, compte: &CreationCompte) -> Result<(), RefusFormulaire> {
    let reponse = Request::post(&format!("{base}/portail/v1/comptes"))
        .json(compte)
        .map_err(|e| RefusFormulaire::Autre(ApiError::Decodage(e.to_string())))?
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))?;
    lire_formulaire::<serde_json::Value>(reponse)
        .await
        .map(|_| ())
}

/// Activates an account with the token of its activation link.
pub async fn activer_compte(base: &str, jeton: &str) -> Result<(), ApiError> {
    let reponse = Request::post(&format!("{base}/portail/v1/comptes/activation"))
        .json(&serde_json::json!({ "jeton": jeton }))
        .map_err(|e| ApiError::Decodage(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if reponse.ok() {
        Ok(())
    } else {
        Err(erreur_http(reponse).await)
    }
}

/// Signs out.
pub async fn deconnexion(base: &str) -> Result<(), ApiError> {
    let reponse = Request::post(&format!("{base}/portail/v1/session/deconnexion"))
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if reponse.ok() {
        Ok(())
    } else {
        Err(erreur_http(reponse).await)
    }
}

async fn json_ou_erreur<T: DeserializeOwned>(reponse: Response) -> Result<T, ApiError> {
    if !reponse.ok() {
        return Err(erreur_http(reponse).await);
    }
    reponse
        .json::<T>()
        .await
        .map_err(|e| ApiError::Decodage(e.to_string()))
}

async fn erreur_http(reponse: Response) -> ApiError {
    let status = reponse.status();
    let retour = reponse.json::<Retour>().await.ok();
    ApiError::Http {
        status,
        code_retour: retour.as_ref().and_then(|r| r.code_retour),
        libelle: retour.and_then(|r| r.libelle),
    }
}

/// A public recipient found in the Chorus Pro directory, with what routing requires of invoices to it.
#[derive(Debug, Clone, PartialEq)]
pub struct DestinataireTrouve {
    /// The structure's name as the directory spells it.
    pub designation: String,
    /// Its routing flags and services.
    pub annuaire: facture::regles::AnnuaireDestinataire,
}

/// Looks a recipient SIRET up in the directory: `rechercher`, then `consulter` and
/// `rechercher/services`. `None` when no structure has that SIRET.
pub async fn destinataire(base: &str, siret: &str) -> Result<Option<DestinataireTrouve>, ApiError> {
    use cpro::structures::{
        ConsulterStructureRequest, ConsulterStructureResponse, RechercherServicesRequest,
        RechercherServicesResponse, CHEMIN_CONSULTER, CHEMIN_RECHERCHER_SERVICES,
    };
    let Some(structure) = structure_par_siret(base, siret).await? else {
        return Ok(None);
    };
    let Some(id) = structure.id_structure_cpp else {
        return Ok(None);
    };
    let consultation: ConsulterStructureResponse = post_cpro(
        base,
        CHEMIN_CONSULTER,
        &ConsulterStructureRequest {
            id_structure_cpp: Some(id),
            code_langue: None,
        },
        None,
    )
    .await?;
    let services: RechercherServicesResponse = post_cpro(
        base,
        CHEMIN_RECHERCHER_SERVICES,
        &RechercherServicesRequest {
            id_structure: Some(id),
            ..RechercherServicesRequest::default()
        },
        None,
    )
    .await?;
    Ok(Some(DestinataireTrouve {
        designation: structure.designation_structure.clone().unwrap_or_default(),
        annuaire: facture::regles::AnnuaireDestinataire::depuis_chorus(
            &structure,
            &consultation,
            &services.liste_services,
        ),
    }))
}

/// The public structure whose SIRET is `siret` (`structures/v1/rechercher`), if any.
async fn structure_par_siret(
    base: &str,
    siret: &str,
) -> Result<Option<cpro::structures::StructureAAfficher>, ApiError> {
    use cpro::codes::TypeIdentifiantStructure;
    use cpro::structures::{
        CritereStructure, RechercherStructureRequest, RechercherStructureResponse,
        CHEMIN_RECHERCHER,
    };
    let recherche: RechercherStructureResponse = post_cpro(
        base,
        CHEMIN_RECHERCHER,
        &RechercherStructureRequest {
            structure: Some(CritereStructure {
                identifiant_structure: Some(siret.to_owned()),
                type_identifiant_structure: Some(TypeIdentifiantStructure::SIRET),
                ..CritereStructure::default()
            }),
            ..RechercherStructureRequest::default()
        },
        None,
    )
    .await?;
    Ok(recherche
        .liste_structures
        .into_iter()
        .find(|s| s.identifiant_structure.as_deref() == Some(siret)))
}

/// The Chorus Pro id (`idStructureCPP`) of the public structure with this SIRET, for search criteria.
pub async fn id_structure_publique(base: &str, siret: &str) -> Result<Option<i64>, ApiError> {
    Ok(structure_par_siret(base, siret)
        .await?
        .and_then(|s| s.id_structure_cpp))
}

/// One service of a structure (`rechercher/services`).
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceStructure {
    /// `idService`.
    pub id: i64,
    /// `codeService`.
    pub code: String,
    /// `libelleService`.
    pub libelle: String,
}

/// The services of a structure (`structures/v1/rechercher/services`, up to 500); none when the structure
/// has none (Chorus Pro answers « aucun résultat »).
pub async fn services_structure(
    base: &str,
    id_structure: i64,
) -> Result<Vec<ServiceStructure>, ApiError> {
    use cpro::structures::{
        ParametresRechercherServicesStructure, RechercherServicesRequest,
        RechercherServicesResponse, CHEMIN_RECHERCHER_SERVICES,
    };
    let reponse: RechercherServicesResponse = post_cpro(
        base,
        CHEMIN_RECHERCHER_SERVICES,
        &RechercherServicesRequest {
            id_structure: Some(id_structure),
            parametres_rechercher_services_structure: Some(ParametresRechercherServicesStructure {
                nb_resultats_par_page: Some(500),
                ..Default::default()
            }),
        },
        None,
    )
    .await?;
    Ok(reponse
        .liste_services
        .into_iter()
        .filter_map(|s| {
            Some(ServiceStructure {
                id: s.id_service?,
                code: s.code_service.unwrap_or_default(),
                libelle: s.libelle_service.unwrap_or_default(),
            })
        })
        .collect())
}

/// POSTs a Chorus Pro body and reads the answer. Bodies are written and read as text with serde_json,
/// so amounts never go through a float (see `cpro`).
async fn post_cpro<Q: Serialize, R: DeserializeOwned>(
    base: &str,
    chemin: &str,
    corps: &Q,
    cle_idempotence: Option<&str>,
) -> Result<R, ApiError> {
    let texte = serde_json::to_string(corps).map_err(|e| ApiError::Decodage(e.to_string()))?;
    let mut requete =
        Request::post(&format!("{base}{chemin}")).header("Content-Type", "application/json");
    if let Some(cle) = cle_idempotence {
        requete = requete.header("Idempotency-Key", cle);
    }
    let reponse = requete
        .body(texte)
        .map_err(|e| ApiError::Decodage(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    if !reponse.ok() {
        return Err(erreur_http(reponse).await);
    }
    let texte = reponse
        .text()
        .await
        .map_err(|e| ApiError::Decodage(e.to_string()))?;
    serde_json::from_str(&texte).map_err(|e| ApiError::Decodage(e.to_string()))
}

/// One structure the signed-in user may invoice as supplier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureFournisseur {
    /// `idStructureCPP`, sent as `idFournisseur`.
    pub id: i64,
    /// The structure's identifier (SIRET).
    pub identifiant: String,
    /// Its name.
    pub designation: String,
}

/// The structures the user may invoice as supplier (`recuperer/structures/actives/fournisseur`).
pub async fn structures_fournisseur(base: &str) -> Result<Vec<StructureFournisseur>, ApiError> {
    use cpro::transverses::{
        RecupererStructuresActivesFournisseurResponse, RequeteVide,
        CHEMIN_RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR,
    };
    let reponse: RecupererStructuresActivesFournisseurResponse = post_cpro(
        base,
        CHEMIN_RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR,
        &RequeteVide {},
        None,
    )
    .await?;
    Ok(reponse
        .liste_structures
        .into_iter()
        .filter_map(|s| {
            Some(StructureFournisseur {
                id: s.id_structure_cpp?,
                identifiant: s.identifiant.unwrap_or_default(),
                designation: s.designation_structure.unwrap_or_default(),
            })
        })
        .collect())
}

/// Uploads the invoice PDF (`deposer/pdf`) and returns its `pieceJointeId`. A signed PDF is declared
/// `PDF_SIGNE_PADES`: Chorus Pro keeps it byte for byte and checks its signature.
pub async fn deposer_pdf(
    base: &str,
    nom_fichier: &str,
    octets: &[u8],
    signe: bool,
) -> Result<i64, ApiError> {
    use base64::Engine as _;
    use cpro::codes::FormatDepot;
    use cpro::factures::{DeposerPdfRequest, DeposerPdfResponse, CHEMIN_DEPOSER_PDF};
    let requete = DeposerPdfRequest {
        fichier_facture: Some(base64::engine::general_purpose::STANDARD.encode(octets)),
        nom_fichier: Some(nom_fichier.to_owned()),
        format_depot: Some(if signe {
            FormatDepot::PDF_SIGNE_PADES
        } else {
            FormatDepot::PDF_NON_SIGNE
        }),
        ..DeposerPdfRequest::default()
    };
    let reponse: DeposerPdfResponse = post_cpro(base, CHEMIN_DEPOSER_PDF, &requete, None).await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    reponse
        .piece_jointe_id
        .ok_or_else(|| ApiError::Decodage("deposer/pdf: no pieceJointeId".to_owned()))
}

/// Deposits an invoice XML as a flux (`deposer/flux`) and returns its `numeroFluxDepot`. The key makes
/// a retry through the PISTE gateway replay the first answer instead of depositing twice.
pub async fn deposer_flux(
    base: &str,
    nom_fichier: &str,
    syntaxe: cpro::codes::SyntaxeFlux,
    octets: &[u8],
    cle_idempotence: &str,
) -> Result<String, ApiError> {
    use base64::Engine as _;
    use cpro::factures::{DeposerFluxRequest, DeposerFluxResponse, CHEMIN_DEPOSER_FLUX};
    let requete = DeposerFluxRequest {
        fichier_flux: Some(base64::engine::general_purpose::STANDARD.encode(octets)),
        nom_fichier: Some(nom_fichier.to_owned()),
        syntaxe_flux: Some(syntaxe),
        avec_signature: Some(false),
        ..DeposerFluxRequest::default()
    };
    let reponse: DeposerFluxResponse =
        post_cpro(base, CHEMIN_DEPOSER_FLUX, &requete, Some(cle_idempotence)).await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    reponse
        .numero_flux_depot
        .ok_or_else(|| ApiError::Decodage("deposer/flux: no numeroFluxDepot".to_owned()))
}

/// The report of a deposited flux (`consulterCRDetaille`).
pub async fn compte_rendu_flux(
    base: &str,
    numero_flux: &str,
    syntaxe: cpro::codes::SyntaxeFlux,
) -> Result<cpro::transverses::ConsulterCrDetailleResponse, ApiError> {
    use cpro::transverses::{
        ConsulterCrDetailleRequest, ConsulterCrDetailleResponse, CHEMIN_CONSULTER_CR_DETAILLE,
    };
    let requete = ConsulterCrDetailleRequest {
        numero_flux_depot: Some(numero_flux.to_owned()),
        syntaxe_flux: Some(syntaxe),
    };
    let reponse: ConsulterCrDetailleResponse =
        post_cpro(base, CHEMIN_CONSULTER_CR_DETAILLE, &requete, None).await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    Ok(reponse)
}

/// Sends an attachment (`ajouter/fichier`); returns its `pieceJointeId` for `soumettre`.
pub async fn ajouter_fichier(
    base: &str,
    nom_fichier: &str,
    type_mime: &str,
    octets: &[u8],
) -> Result<i64, ApiError> {
    use base64::Engine as _;
    use cpro::transverses::{
        AjouterFichierRequest, AjouterFichierResponse, CHEMIN_AJOUTER_FICHIER,
    };
    let extension = nom_fichier
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let requete = AjouterFichierRequest {
        piece_jointe_fichier: Some(base64::engine::general_purpose::STANDARD.encode(octets)),
        piece_jointe_nom: Some(nom_fichier.to_owned()),
        piece_jointe_type_mime: Some(if type_mime.is_empty() {
            "application/octet-stream".to_owned()
        } else {
            type_mime.to_owned()
        }),
        piece_jointe_extension: Some(extension),
        ..AjouterFichierRequest::default()
    };
    let reponse: AjouterFichierResponse =
        post_cpro(base, CHEMIN_AJOUTER_FICHIER, &requete, None).await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    reponse
        .piece_jointe_id
        .ok_or_else(|| ApiError::Decodage("ajouter/fichier: no pieceJointeId".to_owned()))
}

/// Submits an invoice (`soumettre`). `cle_idempotence` travels as `Idempotency-Key`: the server
/// answers a retry with the first result instead of creating a second invoice.
pub async fn soumettre(
    base: &str,
    requete: &cpro::factures::SoumettreRequest,
    cle_idempotence: &str,
) -> Result<cpro::factures::SoumettreResponse, ApiError> {
    let reponse: cpro::factures::SoumettreResponse = post_cpro(
        base,
        cpro::factures::CHEMIN_SOUMETTRE,
        requete,
        Some(cle_idempotence),
    )
    .await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    Ok(reponse)
}

/// Chorus Pro may answer HTTP 200 with a non-zero `codeRetour` (api-reference §1.5): that is a refusal.
fn refus_metier(code_retour: i32, libelle: &str) -> Result<(), ApiError> {
    if code_retour == 0 {
        Ok(())
    } else {
        Err(ApiError::Http {
            status: 200,
            code_retour: Some(i64::from(code_retour)),
            libelle: Some(libelle.to_owned()),
        })
    }
}

/// `codeRetour` of a search that found nothing: an empty result, not an error (api-reference §6.3).
const CODE_AUCUN_RESULTAT: i32 = 20000;

/// Searches the user's invoices (`rechercher/fournisseur`). An empty search is an empty list.
pub async fn rechercher_factures(
    base: &str,
    requete: &cpro::factures::RechercherFournisseurRequest,
) -> Result<cpro::factures::RechercherFournisseurResponse, ApiError> {
    let reponse: cpro::factures::RechercherFournisseurResponse = post_cpro(
        base,
        cpro::factures::CHEMIN_RECHERCHER_FOURNISSEUR,
        requete,
        None,
    )
    .await?;
    if reponse.code_retour != CODE_AUCUN_RESULTAT {
        refus_metier(reponse.code_retour, &reponse.libelle)?;
    }
    Ok(reponse)
}

/// One invoice with all its data (`consulter/fournisseur`).
pub async fn consulter_facture(
    base: &str,
    identifiant_facture_cpp: i64,
) -> Result<cpro::factures::FactureEmise, ApiError> {
    let reponse: cpro::factures::ConsulterFournisseurResponse = post_cpro(
        base,
        cpro::factures::CHEMIN_CONSULTER_FOURNISSEUR,
        &cpro::factures::ConsulterFournisseurRequest {
            identifiant_facture_cpp: Some(identifiant_facture_cpp),
            ..Default::default()
        },
        None,
    )
    .await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    reponse
        .facture
        .ok_or_else(|| ApiError::Decodage("consulter/fournisseur: no facture".to_owned()))
}

/// The status history of an invoice (`consulter/historique`).
pub async fn historique_facture(
    base: &str,
    id_facture: i64,
) -> Result<Vec<cpro::factures::HistoStatut>, ApiError> {
    let reponse: cpro::factures::ConsulterHistoriqueResponse = post_cpro(
        base,
        cpro::factures::CHEMIN_CONSULTER_HISTORIQUE,
        &cpro::factures::ConsulterHistoriqueRequest {
            id_facture: Some(id_facture),
            ..Default::default()
        },
        None,
    )
    .await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    Ok(reponse
        .historiques_des_statuts
        .map(|h| h.histo_statut)
        .unwrap_or_default())
}

/// Sends an invoice « À recycler » again with corrected routing data (`recycler`).
pub async fn recycler(
    base: &str,
    requete: &cpro::factures::RecyclerRequest,
) -> Result<cpro::factures::RecyclerResponse, ApiError> {
    let reponse: cpro::factures::RecyclerResponse =
        post_cpro(base, cpro::factures::CHEMIN_RECYCLER, requete, None).await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    Ok(reponse)
}

/// Completes a suspended invoice with a comment or attachments (`completer`).
pub async fn completer(
    base: &str,
    requete: &cpro::factures::CompleterRequest,
) -> Result<(), ApiError> {
    let reponse: cpro::factures::CompleterResponse =
        post_cpro(base, cpro::factures::CHEMIN_COMPLETER, requete, None).await?;
    refus_metier(reponse.code_retour, &reponse.libelle)
}

/// Acknowledges a rejection (`traiterRejet`).
pub async fn traiter_rejet(base: &str, identifiant_facture_cpp: i64) -> Result<(), ApiError> {
    let reponse: cpro::Retour = post_cpro(
        base,
        cpro::factures::CHEMIN_TRAITER_REJET,
        &cpro::factures::TraiterRejetRequest {
            liste_demande_paiement: vec![cpro::factures::DemandePaiementRejetee {
                id_demande_paiement: Some(identifiant_facture_cpp),
            }],
        },
        None,
    )
    .await?;
    refus_metier(reponse.code_retour, &reponse.libelle)
}

impl ApiError {
    /// The server's own words when it gave some, else a generic description.
    pub fn libelle(&self) -> String {
        match self {
            ApiError::Http {
                libelle: Some(libelle),
                code_retour,
                ..
            } => match code_retour {
                Some(code) => format!("{libelle} ({code})"),
                None => libelle.clone(),
            },
            autre => autre.to_string(),
        }
    }
}

/// One bank account registered in Chorus Pro for a structure.
#[derive(Debug, Clone, PartialEq)]
pub struct CompteBancaire {
    /// `idCoordonneeBancaire`, sent as `codeCoordonneesBancairesFournisseur`.
    pub id: i64,
    /// Its name.
    pub nom: String,
}

/// The valid bank accounts of a supplier structure (`recuperer/coordbanc/valides`).
pub async fn comptes_bancaires(
    base: &str,
    id_structure: i64,
) -> Result<Vec<CompteBancaire>, ApiError> {
    use cpro::transverses::{
        RecupererCoordbancValidesRequest, RecupererCoordbancValidesResponse,
        CHEMIN_RECUPERER_COORDBANC_VALIDES,
    };
    let reponse: RecupererCoordbancValidesResponse = post_cpro(
        base,
        CHEMIN_RECUPERER_COORDBANC_VALIDES,
        &RecupererCoordbancValidesRequest {
            id_structure: Some(id_structure),
        },
        None,
    )
    .await?;
    if reponse.code_retour != CODE_AUCUN_RESULTAT {
        refus_metier(reponse.code_retour, &reponse.libelle)?;
    }
    Ok(reponse
        .liste_coordonnee_bancaire
        .into_iter()
        .filter_map(|c| {
            Some(CompteBancaire {
                id: c.id_coordonnee_bancaire?,
                nom: c.nom_coordonnee_bancaire.unwrap_or_default(),
            })
        })
        .collect())
}

/// Sends a form request built by [`json`]: the answer, or the refused fields, or the error.
pub(crate) async fn envoyer<R: DeserializeOwned>(
    requete: Result<gloo_net::http::Request, gloo_net::Error>,
) -> Result<R, RefusFormulaire> {
    let requete = requete.map_err(|e| RefusFormulaire::Autre(ApiError::Decodage(e.to_string())))?;
    let reponse = requete
        .send()
        .await
        .map_err(|e| RefusFormulaire::Autre(ApiError::Reseau(e.to_string())))?;
    lire_formulaire(reponse).await
}

/// A request with a JSON body.
pub(crate) fn json<Q: Serialize>(
    builder: gloo_net::http::RequestBuilder,
    corps: &Q,
) -> Result<gloo_net::http::Request, gloo_net::Error> {
    builder.json(corps)
}

/// GETs JSON.
pub(crate) async fn lire<R: DeserializeOwned>(url: &str) -> Result<R, ApiError> {
    let reponse = Request::get(url)
        .send()
        .await
        .map_err(|e| ApiError::Reseau(e.to_string()))?;
    json_ou_erreur(reponse).await
}

/// The invoices `ids` as one file (`telecharger/groupe`): their PDF as deposited when one is asked
/// without attachments, else a ZIP with a folder per invoice. Returns the file's bytes.
pub async fn telecharger_groupe(
    base: &str,
    ids: &[i64],
    avec_pieces_complementaires: bool,
) -> Result<Vec<u8>, ApiError> {
    use base64::Engine as _;
    use cpro::factures::{IdFacture, TelechargerGroupeRequest, TelechargerGroupeResponse};
    let zip = ids.len() > 1 || avec_pieces_complementaires;
    let reponse: TelechargerGroupeResponse = post_cpro(
        base,
        cpro::factures::CHEMIN_TELECHARGER_GROUPE,
        &TelechargerGroupeRequest {
            format: Some(if zip { "ZIP" } else { "PDF" }.to_owned()),
            avec_pieces_jointes_complementaires: Some(
                if avec_pieces_complementaires {
                    "OUI"
                } else {
                    "NON"
                }
                .to_owned(),
            ),
            liste_facture: ids
                .iter()
                .map(|id| IdFacture {
                    id_facture: Some(*id),
                })
                .collect(),
            ..Default::default()
        },
        None,
    )
    .await?;
    refus_metier(reponse.code_retour, &reponse.libelle)?;
    let contenu = reponse.fichier_resultat.unwrap_or_default();
    base64::engine::general_purpose::STANDARD
        .decode(contenu.trim())
        .map_err(|e| ApiError::Decodage(format!("fichierResultat: {e}")))
}

/// One event of the portal's feed (`GET /portail/v1/evenements`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvenementPortail {
    /// Increasing: the next call resumes after it.
    pub id: i64,
    /// `FACTURE_STATUT`, `RATTACHEMENT` or `SOLLICITATION`.
    #[serde(rename = "type")]
    pub nature: String,
    /// French sentence written by the server.
    pub libelle: String,
    /// Status code of the object after the event.
    #[serde(default)]
    pub statut: Option<String>,
    /// The sollicitation concerned.
    #[serde(default)]
    pub id_sollicitation: Option<i64>,
}

/// A page of the feed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FilPortail {
    /// The events after `depuis`, oldest first.
    pub evenements: Vec<EvenementPortail>,
    /// Where the next call resumes.
    pub dernier_id: i64,
    /// More events are already waiting.
    #[serde(default)]
    pub suite: bool,
}

/// The signed-in user's events after `depuis` (at most 200).
pub async fn evenements(base: &str, depuis: i64) -> Result<FilPortail, ApiError> {
    lire(&format!(
        "{base}/portail/v1/evenements?depuis={depuis}&limite=200"
    ))
    .await
}
