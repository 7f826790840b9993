//! Local drafts of the deposit screen: what was read and typed, kept in the browser's `localStorage`
//! as the user types, so that a reload, a crash or an expired session loses nothing.
//!
//! Keys are per user (`passerelle.u<id>.…`), so the next user of a shared browser never sees them.
//! The index lists the drafts; each draft's fields and its PDF are stored apart, so that typing does
//! not rewrite the PDF. A PDF too large for the storage quota is not kept: the draft asks for it again.

use std::collections::BTreeMap;

use extract::format::Format;
use extract::resultat::{Fields, Provenance, Source};
use extract::vers_facture::Complements;
use serde::{Deserialize, Serialize};

/// The largest PDF kept in a draft, as base64 text (browsers allow about 5 M characters per origin).
pub const PDF_MAX_BASE64: usize = 2_000_000;

/// One deposited file being prepared or sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrouillonDepot {
    /// Draft id, also the idempotency key's prefix.
    pub uid: String,
    /// File name.
    pub nom: String,
    /// File size in bytes.
    pub taille: u64,
    /// What the fields were read from.
    pub source: Option<Source>,
    /// The file's kind (PDF, signed PDF, XML), which decides how it is sent; `None` in drafts written
    /// before it was kept (they were all PDFs).
    #[serde(default)]
    pub format: Option<Format>,
    /// The fields, as shown and typed.
    pub champs: Fields,
    /// Where each field was found in the PDF.
    #[serde(default)]
    pub provenance: BTreeMap<String, Provenance>,
    /// The form's choices.
    #[serde(default)]
    pub complements: Complements,
    /// Where the sending stands.
    #[serde(default)]
    pub envoi: SuiviEnvoi,
}

/// Where the sending of one invoice stands. Everything a retry needs to be harmless is kept here.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SuiviEnvoi {
    /// `Idempotency-Key` of `soumettre`: the same for every retry of the same body.
    pub cle_idempotence: String,
    /// `pieceJointeId` of the PDF once `deposer/pdf` accepted it: a retry does not upload it again.
    pub piece_jointe_id: Option<i64>,
    /// `numeroFluxDepot` once `deposer/flux` accepted an XML: a retry asks for its report, it does
    /// not deposit the file again.
    #[serde(default)]
    pub numero_flux: Option<String>,
    /// The exact `soumettre` body once sending started: a retry sends these bytes, not the form.
    pub corps: Option<String>,
    /// The step reached.
    pub etape: Etape,
}

/// A step of the sending.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Etape {
    /// Being prepared.
    #[default]
    Saisie,
    /// A request is on its way.
    EnCours,
    /// No answer came back: the invoice may or may not have been received. Retrying is safe.
    Incertain(String),
    /// Chorus Pro refused it; the message says why.
    Refusee(String),
    /// Received by Chorus Pro.
    Envoyee(Box<Recu>),
}

/// What Chorus Pro answered to an accepted invoice: the récapitulatif and the certificat de dépôt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recu {
    /// Invoice number.
    pub numero: String,
    /// `identifiantFactureCPP`.
    pub identifiant_cpp: Option<i64>,
    /// Status code after submission, e.g. `DEPOSEE`.
    pub statut: String,
    /// Deposit date, ISO.
    pub date_depot: String,
    /// Supplier identifier (SIRET).
    pub fournisseur: String,
    /// Recipient SIRET and service.
    pub destinataire: String,
    /// `montantHtTotal`, `montantTVA`, `montantTtcTotal`, `montantAPayer`, as decimal text.
    pub montants: [String; 4],
    /// `empreinteCertificatDepot`: SHA-256 of the deposit certificate, base64.
    pub empreinte_certificat: String,
    /// `numeroFluxDepot` of an invoice sent as an XML flux.
    #[serde(default)]
    pub numero_flux: Option<String>,
}

fn cle_index(utilisateur: i64) -> String {
    format!("passerelle.u{utilisateur}.depots")
}

fn cle_brouillon(utilisateur: i64, uid: &str) -> String {
    format!("passerelle.u{utilisateur}.depot.{uid}")
}

fn cle_pdf(utilisateur: i64, uid: &str) -> String {
    format!("passerelle.u{utilisateur}.depot.{uid}.pdf")
}

fn stockage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// A fresh random id (`crypto.randomUUID`, or time and `Math.random` where it is missing).
pub fn nouvel_identifiant() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| {
            format!(
                "{:x}-{:x}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        })
}

/// The user's drafts, oldest first, each with its PDF when it was kept. Unreadable entries are skipped.
pub fn charger(utilisateur: i64) -> Vec<(BrouillonDepot, Option<Vec<u8>>)> {
    use base64::Engine as _;
    let Some(stockage) = stockage() else {
        return Vec::new();
    };
    let uids: Vec<String> = stockage
        .get_item(&cle_index(utilisateur))
        .ok()
        .flatten()
        .and_then(|texte| serde_json::from_str(&texte).ok())
        .unwrap_or_default();
    uids.iter()
        .filter_map(|uid| {
            let texte = stockage
                .get_item(&cle_brouillon(utilisateur, uid))
                .ok()
                .flatten()?;
            let mut brouillon: BrouillonDepot = serde_json::from_str(&texte).ok()?;
            // A request cut by the reload may or may not have arrived.
            if brouillon.envoi.etape == Etape::EnCours {
                brouillon.envoi.etape = Etape::Incertain(String::new());
            }
            let pdf = stockage
                .get_item(&cle_pdf(utilisateur, uid))
                .ok()
                .flatten()
                .and_then(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok());
            Some((brouillon, pdf))
        })
        .collect()
}

/// Saves a draft's fields and choices (and adds it to the index). Returns false when the browser
/// refused (storage disabled or full).
pub fn enregistrer(utilisateur: i64, brouillon: &BrouillonDepot) -> bool {
    let Some(stockage) = stockage() else {
        return false;
    };
    let Ok(texte) = serde_json::to_string(brouillon) else {
        return false;
    };
    if stockage
        .set_item(&cle_brouillon(utilisateur, &brouillon.uid), &texte)
        .is_err()
    {
        return false;
    }
    modifier_index(&stockage, utilisateur, |uids| {
        if !uids.contains(&brouillon.uid) {
            uids.push(brouillon.uid.clone());
        }
    })
}

/// Keeps the PDF of a draft, when it is small enough. Returns whether it was kept.
pub fn enregistrer_pdf(utilisateur: i64, uid: &str, octets: &[u8]) -> bool {
    use base64::Engine as _;
    let Some(stockage) = stockage() else {
        return false;
    };
    let texte = base64::engine::general_purpose::STANDARD.encode(octets);
    texte.len() <= PDF_MAX_BASE64
        && stockage
            .set_item(&cle_pdf(utilisateur, uid), &texte)
            .is_ok()
}

/// Drops the PDF of a draft (once sent, Chorus Pro holds it).
pub fn oublier_pdf(utilisateur: i64, uid: &str) {
    if let Some(stockage) = stockage() {
        let _ = stockage.remove_item(&cle_pdf(utilisateur, uid));
    }
}

/// Removes a draft and its PDF.
pub fn supprimer(utilisateur: i64, uid: &str) {
    let Some(stockage) = stockage() else {
        return;
    };
    let _ = stockage.remove_item(&cle_brouillon(utilisateur, uid));
    let _ = stockage.remove_item(&cle_pdf(utilisateur, uid));
    modifier_index(&stockage, utilisateur, |uids| uids.retain(|u| u != uid));
}

fn modifier_index(
    stockage: &web_sys::Storage,
    utilisateur: i64,
    modifier: impl FnOnce(&mut Vec<String>),
) -> bool {
    let cle = cle_index(utilisateur);
    let mut uids: Vec<String> = stockage
        .get_item(&cle)
        .ok()
        .flatten()
        .and_then(|texte| serde_json::from_str(&texte).ok())
        .unwrap_or_default();
    modifier(&mut uids);
    serde_json::to_string(&uids)
        .ok()
        .is_some_and(|texte| stockage.set_item(&cle, &texte).is_ok())
}

/// The invoice being typed on « Saisir une facture », with its sending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrouillonSaisie {
    /// The form as typed.
    pub saisie: facture::saisie::Saisie,
    /// Where its sending stands.
    pub envoi: SuiviEnvoi,
}

fn cle_saisie(utilisateur: i64) -> String {
    format!("passerelle.u{utilisateur}.saisie")
}

/// The user's typed invoice left on this device, if any.
pub fn charger_saisie(utilisateur: i64) -> Option<BrouillonSaisie> {
    let texte = stockage()?.get_item(&cle_saisie(utilisateur)).ok()??;
    let mut brouillon: BrouillonSaisie = serde_json::from_str(&texte).ok()?;
    // A request cut by the reload may or may not have arrived.
    if brouillon.envoi.etape == Etape::EnCours {
        brouillon.envoi.etape = Etape::Incertain(String::new());
    }
    Some(brouillon)
}

/// Keeps the typed invoice. Returns false when the browser refused.
pub fn enregistrer_saisie(utilisateur: i64, brouillon: &BrouillonSaisie) -> bool {
    let (Some(stockage), Ok(texte)) = (stockage(), serde_json::to_string(brouillon)) else {
        return false;
    };
    stockage.set_item(&cle_saisie(utilisateur), &texte).is_ok()
}

/// Forgets the typed invoice.
pub fn supprimer_saisie(utilisateur: i64) {
    if let Some(stockage) = stockage() {
        let _ = stockage.remove_item(&cle_saisie(utilisateur));
    }
}

/// A sollicitation being written and not sent yet (Sollicitations › Brouillons).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrouillonSollicitation {
    /// Local id (`/sollicitations/nouvelle?brouillon=<id>`).
    pub id: String,
    /// Last saved (UTC, `YYYY-MM-DDTHH:MM:SS`).
    pub enregistre_le: String,
    /// The form as typed (the attached file is not kept).
    pub formulaire: crate::api::sollicitations::NouvelleSollicitation,
}

fn cle_sollicitations(utilisateur: i64) -> String {
    format!("passerelle.u{utilisateur}.sollicitations.brouillons")
}

/// The user's sollicitation drafts on this device, last saved first.
pub fn charger_sollicitations(utilisateur: i64) -> Vec<BrouillonSollicitation> {
    let mut brouillons: Vec<BrouillonSollicitation> = stockage()
        .and_then(|s| s.get_item(&cle_sollicitations(utilisateur)).ok().flatten())
        .and_then(|texte| serde_json::from_str(&texte).ok())
        .unwrap_or_default();
    brouillons.sort_by(|a, b| b.enregistre_le.cmp(&a.enregistre_le));
    brouillons
}

fn ecrire_sollicitations(utilisateur: i64, brouillons: &[BrouillonSollicitation]) -> bool {
    let (Some(stockage), Ok(texte)) = (stockage(), serde_json::to_string(brouillons)) else {
        return false;
    };
    stockage
        .set_item(&cle_sollicitations(utilisateur), &texte)
        .is_ok()
}

/// Saves (adds or replaces by id) a sollicitation draft. Returns false when the browser refused.
pub fn enregistrer_sollicitation(utilisateur: i64, brouillon: &BrouillonSollicitation) -> bool {
    let mut brouillons = charger_sollicitations(utilisateur);
    brouillons.retain(|b| b.id != brouillon.id);
    brouillons.insert(0, brouillon.clone());
    ecrire_sollicitations(utilisateur, &brouillons)
}

/// Removes a sollicitation draft (sent or deleted).
pub fn supprimer_sollicitation(utilisateur: i64, id: &str) {
    let mut brouillons = charger_sollicitations(utilisateur);
    let avant = brouillons.len();
    brouillons.retain(|b| b.id != id);
    if brouillons.len() != avant {
        ecrire_sollicitations(utilisateur, &brouillons);
    }
}

/// Now, UTC, `YYYY-MM-DDTHH:MM:SS` (as the server's timestamps).
pub fn maintenant_utc() -> String {
    let date = js_sys::Date::new_0();
    date.to_iso_string()
        .as_string()
        .and_then(|iso| iso.get(..19).map(str::to_owned))
        .unwrap_or_default()
}
