//! `POST /cpro/factures/v1/deposer/flux` (Factur-X, CII and UBL XML) and its report `POST /cpro/transverses/v1/consulterCRDetaille`
//! (api-reference §3.3).
//!
//! The sandbox processes a flux at once: the deposit answers its `numeroFluxDepot`, and the report
//! already gives the final state: IN_INTEGRE with the invoice created like `soumettre` would
//! (same routing rules, number unique per supplier), or IN_REJETE with the reasons in `listeErreurDP`
//! (invoice data) or `listeErreurTechnique` (file). Factur-X (`IN_DP_E2_CII_FACTURX`), CII XML
//! (`IN_DP_E1_CII_16B`) and UBL XML (`IN_DP_E1_UBL_INVOICE`) are read; other syntaxes are refused.

use std::str::FromStr;

use axum::extract::State;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::{Datelike, NaiveDate};
use cpro::codes::{EtatDepotFlux, ModeDepot, SyntaxeFlux, TypeFacture};
use cpro::factures::{
    CadreDeFacturation, CadreFacturation, DeposerFluxRequest, DeposerFluxResponse, Destinataire,
    Fournisseur, LigneTva, MontantTotal, PieceJointePrincipale, References, SoumettreRequest,
};
use cpro::limites::codes_retour::{
    DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX, LIBELLE_DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX,
};
use cpro::limites::{LONGUEUR_MAX_NOM_FICHIER, TAILLE_MAX_FLUX};
use cpro::transverses::{
    ConsulterCrDetailleRequest, ConsulterCrDetailleResponse, ErreurDemandePaiement, ErreurTechnique,
};
use cpro::DateHeure;
use rust_decimal::Decimal;

use super::compte::Compte;
use super::factures::{numero_facture_valide, verifier_acheminement, CODE_DONNEES};
use super::{LIBELLE_SUCCES_GCU, LIBELLE_SUCCES_TRA};
use crate::db::{Creation, FluxRow, NouveauFlux, NouvelleFacture};
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// `codeRetour` of `consulterCRDetaille` for a flux that does not exist or is not the caller's.
pub const CODE_FLUX_INCONNU: i32 = 20000;
/// `codeErreur` of a Factur-X PDF without its CII XML.
pub const ERREUR_XML_ABSENT: &str = "FACTURX_XML_ABSENT";
/// `codeErreur` of a file the PDF reader cannot open.
pub const ERREUR_FICHIER_ILLISIBLE: &str = "FICHIER_ILLISIBLE";
/// `natureErreur` of the technical errors: the flux is rejected.
pub const NATURE_BLOQUANTE: &str = "BLOQUANTE";

/// Why a flux is rejected.
#[derive(Debug, Clone, PartialEq)]
pub enum Rejet {
    /// The file itself (no Factur-X XML, unreadable PDF): `listeErreurTechnique`.
    Technique(ErreurTechnique),
    /// The invoice's data (routing, number, supplier): `listeErreurDP`.
    DemandePaiement(ErreurDemandePaiement),
}

fn refus(code: i32, libelle: impl Into<String>) -> ApiError {
    ApiError::metier(code, libelle)
}

/// Checks the deposit itself (syntax, size, name, PDF): a failure here refuses the call and records
/// no flux.
fn verifier_depot(
    requete: &DeposerFluxRequest,
) -> Result<(SyntaxeFlux, Vec<u8>, String), ApiError> {
    let syntaxe = requete
        .syntaxe_flux
        .clone()
        .ok_or_else(|| refus(CODE_DONNEES, "syntaxeFlux est obligatoire"))?;
    if !syntaxe.est_connu() {
        return Err(refus(
            CODE_DONNEES,
            format!("syntaxeFlux {syntaxe} inconnue"),
        ));
    }
    let Some(attendu) = Contenu::de_la_syntaxe(&syntaxe) else {
        return Err(refus(
            CODE_DONNEES,
            format!(
                "syntaxeFlux {syntaxe} non prise en charge par le bac à sable : \
                 IN_DP_E2_CII_FACTURX (Factur-X), IN_DP_E1_CII_16B (XML CII) et \
                 IN_DP_E1_UBL_INVOICE (XML UBL) le sont"
            ),
        ));
    };
    let trop_gros = || {
        refus(
            DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX,
            format!("{LIBELLE_DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX} Le fichier dépasse 10 Mo"),
        )
    };
    let maximum = usize::try_from(TAILLE_MAX_FLUX).unwrap_or(usize::MAX);
    let fichier = requete.fichier_flux.as_deref().unwrap_or_default().trim();
    if fichier.len() / 4 * 3 > maximum + 3 {
        return Err(trop_gros());
    }
    let contenu = STANDARD
        .decode(fichier)
        .map_err(|_| ApiError::RequeteInvalide("fichierFlux n'est pas du base64".into()))?;
    if contenu.len() > maximum {
        return Err(trop_gros());
    }
    let nom = requete
        .nom_fichier
        .as_deref()
        .map(str::trim)
        .unwrap_or_default();
    let extension_attendue = nom
        .rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case(attendu.extension()));
    if nom.is_empty() || nom.chars().count() > LONGUEUR_MAX_NOM_FICHIER || !extension_attendue {
        return Err(refus(
            CODE_DONNEES,
            format!(
                "nomFichier : 1 à 200 caractères, extension .{} pour la syntaxe {syntaxe}",
                attendu.extension().to_ascii_lowercase()
            ),
        ));
    }
    let conforme = match attendu {
        Contenu::Facturx => contenu.starts_with(b"%PDF-"),
        Contenu::Xml(xml) => extract::format::syntaxe_xml(&contenu) == Some(xml),
    };
    if !conforme {
        return Err(refus(
            CODE_DONNEES,
            match attendu {
                Contenu::Facturx => {
                    "fichierFlux n'est pas un PDF : un Factur-X est un PDF/A-3 avec son XML"
                }
                Contenu::Xml(extract::format::SyntaxeXml::Cii) => {
                    "fichierFlux n'est pas une facture XML CII (racine CrossIndustryInvoice)"
                }
                Contenu::Xml(extract::format::SyntaxeXml::Ubl) => {
                    "fichierFlux n'est pas une facture XML UBL (racine Invoice ou CreditNote UBL 2.1)"
                }
            },
        ));
    }
    Ok((syntaxe, contenu, nom.to_owned()))
}

/// What a flux of each syntax the sandbox reads carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Contenu {
    /// A PDF/A-3 with its CII XML embedded.
    Facturx,
    /// The invoice XML itself.
    Xml(extract::format::SyntaxeXml),
}

impl Contenu {
    fn de_la_syntaxe(syntaxe: &SyntaxeFlux) -> Option<Contenu> {
        use extract::format::SyntaxeXml;
        match *syntaxe {
            SyntaxeFlux::IN_DP_E2_CII_FACTURX => Some(Contenu::Facturx),
            SyntaxeFlux::IN_DP_E1_CII_16B => Some(Contenu::Xml(SyntaxeXml::Cii)),
            SyntaxeFlux::IN_DP_E1_UBL_INVOICE => Some(Contenu::Xml(SyntaxeXml::Ubl)),
            _ => None,
        }
    }

    /// The file name's extension, upper case as pieces are recorded.
    fn extension(self) -> &'static str {
        match self {
            Contenu::Facturx => "PDF",
            Contenu::Xml(_) => "XML",
        }
    }
}

fn erreur_technique(code: &str, libelle: impl Into<String>) -> Rejet {
    Rejet::Technique(ErreurTechnique {
        code_erreur: Some(code.to_owned()),
        libelle_erreur: Some(libelle.into()),
        nature_erreur: Some(NATURE_BLOQUANTE.to_owned()),
    })
}

/// `codeErreur` of an XML flux that cannot be read as its syntax says.
pub const ERREUR_XML_INVALIDE: &str = "XML_INVALIDE";

/// The invoice fields of the flux, or why there are none.
async fn lire_flux(
    syntaxe: &SyntaxeFlux,
    contenu: Vec<u8>,
) -> Result<extract::resultat::Fields, Rejet> {
    use extract::format::SyntaxeXml;
    let xml = match Contenu::de_la_syntaxe(syntaxe) {
        Some(Contenu::Xml(xml)) => xml,
        _ => return lire_facturx(contenu).await,
    };
    let lecture = tokio::task::spawn_blocking(move || match xml {
        SyntaxeXml::Cii => extract::facturx::lire_xml(&contenu),
        SyntaxeXml::Ubl => extract::ubl::lire_xml(&contenu),
    })
    .await
    .map_err(|_| erreur_technique(ERREUR_XML_INVALIDE, "Ce XML n'a pas pu être lu"))?;
    lecture.map_err(|erreur| {
        erreur_technique(
            ERREUR_XML_INVALIDE,
            format!("Le XML de la facture n'a pas pu être lu : {erreur}"),
        )
    })
}

/// The Factur-X fields of the PDF (its embedded CII XML), or why there are none.
async fn lire_facturx(contenu: Vec<u8>) -> Result<extract::resultat::Fields, Rejet> {
    // A panic of the PDF reader ends this blocking task only, and comes back as an error.
    let lecture = tokio::task::spawn_blocking(move || extract::facturx::lire_pdf(&contenu))
        .await
        .map_err(|_| {
            erreur_technique(
                ERREUR_FICHIER_ILLISIBLE,
                "Ce PDF n'a pas pu être lu (erreur interne du lecteur PDF)",
            )
        })?;
    match lecture {
        Ok(Some(fields)) => Ok(fields),
        Ok(None) => Err(erreur_technique(
            ERREUR_XML_ABSENT,
            "Le PDF ne contient pas de XML Factur-X (CII embarqué) : déposez-le avec deposer/pdf \
             puis soumettre, ou exportez-le en Factur-X depuis votre logiciel",
        )),
        Err(erreur) => Err(erreur_technique(ERREUR_FICHIER_ILLISIBLE, erreur.message())),
    }
}

/// An error on the invoice's data, with its supplier, recipient and number.
fn erreur_dp(fields: &extract::resultat::Fields, libelle: impl Into<String>) -> Rejet {
    Rejet::DemandePaiement(ErreurDemandePaiement {
        identifiant_fournisseur: fields.supplier_siret.clone(),
        identifiant_destinataire: fields.recipient_siret.clone(),
        numero_dp: fields.invoice_number.clone(),
        libelle_erreur_dp: Some(libelle.into()),
    })
}

fn montant(texte: &Option<String>) -> Option<Decimal> {
    texte.as_deref().and_then(|t| Decimal::from_str(t).ok())
}

/// The `soumettre` body equivalent to the Factur-X data (kept as the invoice's request, so that
/// `consulter/fournisseur` shows it like a submitted one).
fn requete_equivalente(
    fields: &extract::resultat::Fields,
    id_fournisseur: i64,
    id_coordonnee: Option<i64>,
    id_piece: i64,
    nom_fichier: &str,
) -> SoumettreRequest {
    let ligne_tva = fields
        .vat_breakdown
        .iter()
        .flatten()
        .map(|v| LigneTva {
            ligne_tva_taux_manuel: Decimal::from_str(&v.rate).ok(),
            ligne_tva_montant_base_ht_par_taux: Decimal::from_str(&v.base).ok(),
            ligne_tva_montant_tva_par_taux: Decimal::from_str(&v.amount).ok(),
            ..Default::default()
        })
        .collect();
    SoumettreRequest {
        mode_depot: Some(ModeDepot::UPLOAD_API),
        numero_facture_saisi: fields.invoice_number.clone(),
        date_facture: fields
            .invoice_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        destinataire: Some(Destinataire {
            code_destinataire: fields.recipient_siret.clone(),
            code_service_executant: fields.service_code.clone(),
        }),
        fournisseur: Some(Fournisseur {
            id_fournisseur: Some(id_fournisseur),
            code_coordonnees_bancaires_fournisseur: id_coordonnee,
            ..Default::default()
        }),
        cadre_de_facturation: Some(CadreDeFacturation {
            code_cadre_facturation: Some(CadreFacturation::A1_FACTURE_FOURNISSEUR),
            ..Default::default()
        }),
        references: Some(References {
            devise_facture: fields.currency.clone(),
            type_facture: fields.invoice_type.as_deref().map(TypeFacture::from_code),
            numero_marche: fields.market_number.clone(),
            numero_bon_commande: fields.engagement_number.clone(),
            ..Default::default()
        }),
        ligne_tva,
        montant_total: Some(MontantTotal {
            montant_ht_total: montant(&fields.total_ht),
            montant_tva: montant(&fields.total_vat),
            montant_ttc_total: montant(&fields.total_ttc),
            montant_a_payer: montant(&fields.amount_due),
            ..Default::default()
        }),
        piece_jointe_principale: vec![PieceJointePrincipale {
            piece_jointe_principale_designation: Some(nom_fichier.to_owned()),
            piece_jointe_principale_id: Some(id_piece),
        }],
        ..Default::default()
    }
}

/// The supplier structure named by the XML (seller SIRET), if the caller may invoice for it.
async fn fournisseur_du_flux(
    state: &AppState,
    compte: &Compte,
    fields: &extract::resultat::Fields,
) -> Result<i64, Rejet> {
    let siret = fields
        .supplier_siret
        .as_deref()
        .ok_or_else(|| erreur_dp(fields, "SIRET du fournisseur absent du XML (BT-30)"))?;
    let structure = state
        .db
        .structure_par_identifiant(siret)
        .await
        .map_err(|e| erreur_technique(ERREUR_FICHIER_ILLISIBLE, e.to_string()))?
        .filter(|s| compte.peut_modifier(s.id))
        .ok_or_else(|| {
            erreur_dp(
                fields,
                format!(
                    "GDP_MSG_11.005 Le fournisseur {siret} n'est pas une structure sur laquelle \
                     l'utilisateur peut déposer"
                ),
            )
        })?;
    Ok(structure.id)
}

/// The supplier's valid account whose IBAN is the XML's (BT-84), if any.
async fn coordonnee_du_flux(
    state: &AppState,
    id_fournisseur: i64,
    fields: &extract::resultat::Fields,
) -> Result<Option<i64>, ApiError> {
    let Some(iban) = fields.iban.as_deref() else {
        return Ok(None);
    };
    Ok(state
        .db
        .coordonnees_bancaires_valides(id_fournisseur)
        .await?
        .into_iter()
        .find(|c| c.iban == iban)
        .map(|c| c.id))
}

/// Creates the invoice of a Factur-X flux with `soumettre`'s rules; `Err(Rejet)` says why the flux
/// is rejected, `ApiError` is an internal failure.
async fn integrer(
    state: &AppState,
    compte: &Compte,
    fields: &extract::resultat::Fields,
    id_piece: i64,
    nom_fichier: &str,
    empreinte: &str,
) -> Result<Result<i64, Rejet>, ApiError> {
    let id_fournisseur = match fournisseur_du_flux(state, compte, fields).await {
        Ok(id) => id,
        Err(rejet) => return Ok(Err(rejet)),
    };
    let numero = fields.invoice_number.as_deref().unwrap_or_default().trim();
    if !numero_facture_valide(numero) {
        return Ok(Err(erreur_dp(
            fields,
            "Numéro de facture (BT-1) : 1 à 20 caractères, lettres, chiffres, - _ / +",
        )));
    }
    let acheminement = verifier_acheminement(
        state,
        fields.recipient_siret.as_deref(),
        fields.service_code.as_deref(),
        fields.engagement_number.as_deref(),
    )
    .await;
    let (destinataire, service) = match acheminement {
        Ok(acheminement) => acheminement,
        Err(ApiError::Metier { libelle, .. }) => return Ok(Err(erreur_dp(fields, libelle))),
        Err(autre) => return Err(autre),
    };
    let type_facture = fields
        .invoice_type
        .clone()
        .unwrap_or_else(|| "FACTURE".to_owned());
    let devise = fields.currency.clone().unwrap_or_else(|| "EUR".to_owned());
    let id_coordonnee = coordonnee_du_flux(state, id_fournisseur, fields).await?;
    let requete = requete_equivalente(fields, id_fournisseur, id_coordonnee, id_piece, nom_fichier);
    let requete_json =
        serde_json::to_string(&requete).map_err(|e| ApiError::Interne(e.to_string()))?;
    let texte = |t: &Option<String>| montant(t).map(|d| d.normalize().to_string());
    let nouvelle = NouvelleFacture {
        id_fournisseur,
        numero: Some(numero.to_owned()),
        mode_depot: ModeDepot::UPLOAD_API.code().to_owned(),
        type_facture,
        date_facture: requete
            .date_facture
            .map(|d| d.format("%Y-%m-%d").to_string()),
        depose_le: state.clock.horodatage(),
        id_destinataire: destinataire.id,
        id_service_executant: service.map(|s| s.id),
        cadre_facturation: CadreFacturation::A1_FACTURE_FOURNISSEUR.code().to_owned(),
        devise,
        numero_marche: fields.market_number.clone(),
        numero_bon_commande: fields.engagement_number.clone(),
        montant_ht: texte(&fields.total_ht),
        montant_tva: texte(&fields.total_vat),
        montant_ttc: texte(&fields.total_ttc),
        montant_a_payer: texte(&fields.amount_due),
        id_piece_principale: Some(id_piece),
        empreinte_requete: empreinte.to_owned(),
        id_utilisateur_createur: compte.utilisateur.id,
        requete_json,
        ..Default::default()
    };
    let annee = state.clock.maintenant().year();
    Ok(match state.db.creer_facture(&nouvelle, annee).await? {
        Creation::Creee(facture) => Ok(facture.id),
        Creation::NumeroDejaUtilise(_) => Err(erreur_dp(
            fields,
            format!("Le numéro de facture {numero} est déjà utilisé par ce fournisseur"),
        )),
    })
}

/// The flux record: IN_INTEGRE with its invoice, or IN_REJETE with its errors.
fn flux_traite(
    compte: &Compte,
    nom_fichier: String,
    syntaxe: &SyntaxeFlux,
    depose_le: String,
    resultat: Result<i64, Rejet>,
) -> Result<NouveauFlux, ApiError> {
    let (etat, id_facture, erreurs_dp, erreurs_techniques) = match resultat {
        Ok(id) => (EtatDepotFlux::IN_INTEGRE, Some(id), vec![], vec![]),
        Err(Rejet::DemandePaiement(e)) => (EtatDepotFlux::IN_REJETE, None, vec![e], vec![]),
        Err(Rejet::Technique(e)) => (EtatDepotFlux::IN_REJETE, None, vec![], vec![e]),
    };
    Ok(NouveauFlux {
        id_utilisateur: compte.utilisateur.id,
        nom_fichier,
        syntaxe: syntaxe.code().to_owned(),
        depose_le,
        etat: etat.code().to_owned(),
        id_facture,
        erreurs_dp_json: en_json(&erreurs_dp)?,
        erreurs_techniques_json: en_json(&erreurs_techniques)?,
    })
}

/// An error list as stored (JSON text).
fn en_json<T: serde::Serialize>(liste: &[T]) -> Result<String, ApiError> {
    serde_json::to_string(liste).map_err(|e| ApiError::Interne(e.to_string()))
}

/// `POST /cpro/factures/v1/deposer/flux`.
pub async fn deposer_flux(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<DeposerFluxRequest>,
) -> Result<CproJson<DeposerFluxResponse>, ApiError> {
    // `avecSignature` is accepted and not checked: the sandbox verifies no signature.
    let (syntaxe, contenu, nom_fichier) = verifier_depot(&requete)?;
    let depose_le = state.clock.horodatage();
    let fichier_base64 = STANDARD.encode(&contenu);
    let empreinte = crate::auth::hash_token_bytes(&contenu);
    let id_piece = state
        .db
        .ajouter_piece(
            compte.utilisateur.id,
            &nom_fichier,
            Contenu::de_la_syntaxe(&syntaxe).map_or("PDF", Contenu::extension),
            &contenu,
            &fichier_base64,
            &depose_le,
        )
        .await?;
    let resultat = match lire_flux(&syntaxe, contenu).await {
        Ok(fields) => {
            integrer(&state, &compte, &fields, id_piece, &nom_fichier, &empreinte).await?
        }
        Err(rejet) => Err(rejet),
    };
    let flux = flux_traite(&compte, nom_fichier, &syntaxe, depose_le.clone(), resultat)?;
    let flux = state.db.creer_flux(&flux).await?;
    Ok(CproJson(DeposerFluxResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_GCU.to_owned(),
        numero_flux_depot: Some(flux.numero),
        date_depot: date_du_jour(&depose_le),
        syntaxe_flux: Some(syntaxe),
    }))
}

fn date_du_jour(horodatage: &str) -> Option<NaiveDate> {
    horodatage
        .get(..10)
        .and_then(|jour| NaiveDate::parse_from_str(jour, "%Y-%m-%d").ok())
}

/// The flux if the caller deposited it or may read its invoice; others answer as unknown.
async fn flux_visible(
    state: &AppState,
    compte: &Compte,
    numero: Option<&str>,
) -> Result<FluxRow, ApiError> {
    let numero = numero
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::RequeteInvalide("numeroFluxDepot est obligatoire".into()))?;
    let inconnu = || refus(CODE_FLUX_INCONNU, format!("Le flux {numero} n'existe pas"));
    let flux = state.db.flux(numero).await?.ok_or_else(inconnu)?;
    if flux.id_utilisateur == compte.utilisateur.id {
        return Ok(flux);
    }
    let fournisseur = match flux.id_facture {
        Some(id) => state.db.facture(id).await?.map(|f| f.id_fournisseur),
        None => None,
    };
    match fournisseur {
        Some(id) if compte.peut_consulter(id) => Ok(flux),
        _ => Err(inconnu()),
    }
}

/// `POST /cpro/transverses/v1/consulterCRDetaille`: state of a flux and, when rejected, why.
pub async fn consulter_cr_detaille(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<ConsulterCrDetailleRequest>,
) -> Result<CproJson<ConsulterCrDetailleResponse>, ApiError> {
    let flux = flux_visible(&state, &compte, requete.numero_flux_depot.as_deref()).await?;
    let liste_erreur_dp: Vec<ErreurDemandePaiement> =
        serde_json::from_str(&flux.erreurs_dp_json)
            .map_err(|e| ApiError::Interne(format!("flux {}: {e}", flux.numero)))?;
    let liste_erreur_technique: Vec<ErreurTechnique> =
        serde_json::from_str(&flux.erreurs_techniques_json)
            .map_err(|e| ApiError::Interne(format!("flux {}: {e}", flux.numero)))?;
    Ok(CproJson(ConsulterCrDetailleResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_TRA.to_owned(),
        code_interface_depot_flux: None,
        date_depot_flux: Some(DateHeure(flux.depose_le.replace('T', " "))),
        date_heure_etat_courant_flux: Some(DateHeure(flux.date_heure_etat.replace('T', " "))),
        etat_courant_depot_flux: Some(EtatDepotFlux::from_code(&flux.etat)),
        nom_fichier: Some(flux.nom_fichier),
        liste_erreur_dp,
        liste_erreur_technique,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requete(syntaxe: Option<SyntaxeFlux>, fichier: &[u8], nom: &str) -> DeposerFluxRequest {
        DeposerFluxRequest {
            fichier_flux: Some(STANDARD.encode(fichier)),
            nom_fichier: Some(nom.to_owned()),
            syntaxe_flux: syntaxe,
            ..Default::default()
        }
    }

    fn code(resultat: Result<(SyntaxeFlux, Vec<u8>, String), ApiError>) -> Option<i32> {
        match resultat {
            Err(ApiError::Metier { code, .. }) => Some(code),
            _ => None,
        }
    }

    #[test]
    fn each_syntax_takes_its_own_kind_of_file() {
        let facturx = Some(SyntaxeFlux::IN_DP_E2_CII_FACTURX);
        assert!(verifier_depot(&requete(facturx.clone(), b"%PDF-1.7 x", "f.pdf")).is_ok());
        assert_eq!(
            code(verifier_depot(&requete(None, b"%PDF-1.7 x", "f.pdf"))),
            Some(CODE_DONNEES)
        );
        let ubl = Some(SyntaxeFlux::IN_DP_E1_UBL_INVOICE);
        let facture_ubl =
            br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#;
        assert!(verifier_depot(&requete(ubl.clone(), facture_ubl, "f.XML")).is_ok());
        assert_eq!(
            code(verifier_depot(&requete(
                ubl.clone(),
                b"<Invoice/>",
                "f.xml"
            ))),
            Some(CODE_DONNEES)
        );
        assert_eq!(
            code(verifier_depot(&requete(ubl, facture_ubl, "f.pdf"))),
            Some(CODE_DONNEES)
        );
        let cii = Some(SyntaxeFlux::IN_DP_E1_CII_16B);
        let facture_cii = br#"<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>"#;
        assert!(verifier_depot(&requete(cii.clone(), facture_cii, "f.xml")).is_ok());
        assert_eq!(
            code(verifier_depot(&requete(cii, facture_ubl, "f.xml"))),
            Some(CODE_DONNEES)
        );
        let pes = Some(SyntaxeFlux::IN_DP_E1_PES_FACTURE);
        assert_eq!(
            code(verifier_depot(&requete(pes, b"<PES/>", "f.xml"))),
            Some(CODE_DONNEES)
        );
        assert_eq!(
            code(verifier_depot(&requete(
                facturx.clone(),
                b"<xml/>",
                "f.pdf"
            ))),
            Some(CODE_DONNEES)
        );
        assert_eq!(
            code(verifier_depot(&requete(facturx, b"%PDF-1.7 x", "f.xml"))),
            Some(CODE_DONNEES)
        );
    }

    #[test]
    fn a_flux_over_10_mb_is_refused_with_the_annex_code() {
        let gros = vec![b'%'; 10 * 1024 * 1024 + 1];
        let resultat = verifier_depot(&requete(
            Some(SyntaxeFlux::IN_DP_E2_CII_FACTURX),
            &gros,
            "f.pdf",
        ));
        assert_eq!(code(resultat), Some(DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX));
    }
}
