//! The `postMessage` protocol between Passerelle embedded in an iframe and its host page (an intranet).
//!
//! Every message is a JSON object with a `type` tag and the protocol `version` ([`VERSION`]).
//! Inbound messages ([`Entrant`]) are read and checked by [`lire_entrant`]; outbound ones ([`Sortant`])
//! are written by [`ecrire_sortant`]. Origins are matched exactly against the allowed list of the
//! settings by [`origine_autorisee`] (`*` and `null` never match), and [`origine_parente`] chooses the
//! one origin outbound messages are addressed to.
//!
//! This crate does no IO: the SPA's `components::integration` does the browser side.

use std::collections::BTreeMap;

use base64::Engine as _;
use serde::Serialize;
use serde_json::Value;

/// The protocol version this application speaks.
pub const VERSION: u32 = 1;

/// The largest PDF a host may hand over: Chorus Pro's `deposer/pdf` limit (10 MiB).
pub const PDF_MAX_OCTETS: usize = 10 * 1024 * 1024;

/// The largest inbound message, as JSON text (a 10 MiB PDF in base64 and the fields).
pub const MESSAGE_MAX_OCTETS: usize = 14 * 1024 * 1024;

/// The longest value of one prefilled field.
pub const VALEUR_MAX_CARACTERES: usize = 500;

/// The fields a host may prefill: the scalar keys of the extraction contract (`extract::resultat::Fields`).
pub const CHAMPS: [&str; 15] = [
    "invoice_number",
    "invoice_date",
    "invoice_type",
    "currency",
    "supplier_siret",
    "supplier_vat",
    "iban",
    "recipient_siret",
    "service_code",
    "engagement_number",
    "market_number",
    "total_ht",
    "total_vat",
    "total_ttc",
    "amount_due",
];

/// Why an inbound message was refused. The text is sent back to the host in a `rejected` message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurMessage {
    /// Occurs when the message is not a JSON object (or is too large to read).
    #[error("the message is not a JSON object")]
    PasUnObjet,
    /// Occurs when `type` is missing or not a string.
    #[error("the message has no `type`")]
    SansType,
    /// Occurs when `type` names no message of this protocol.
    #[error("unknown message type `{0}`")]
    TypeInconnu(String),
    /// Occurs when `version` is missing or is not [`VERSION`].
    #[error("unsupported protocol version (this application speaks version {VERSION})")]
    Version,
    /// Occurs when a prefill names a field that does not exist.
    #[error("unknown field `{0}`")]
    ChampInconnu(String),
    /// Occurs when a member has the wrong JSON type or is too long.
    #[error("`{0}` is not valid: {1}")]
    ChampInvalide(String, &'static str),
    /// Occurs when the PDF is larger than [`PDF_MAX_OCTETS`].
    #[error("the PDF is larger than {PDF_MAX_OCTETS} bytes")]
    PdfTropVolumineux,
    /// Occurs when `pdf` is text that is not base64.
    #[error("`pdf` is neither bytes nor base64 text")]
    PdfIllisible,
    /// Occurs when the bytes are not a PDF (no `%PDF-` in the first kilobyte).
    #[error("the file is not a PDF")]
    PasUnPdf,
    /// Occurs when a prefill has neither fields nor PDF.
    #[error("nothing to prefill: give `fields`, `pdf` or both")]
    Vide,
    /// Occurs when `set-locale` names a language the application does not have.
    #[error("unknown locale `{0}` (fr or en)")]
    LangueInconnue(String),
}

/// A draft handed over by the host.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preremplissage {
    /// Field values by contract key (one of [`CHAMPS`]); they win over what is read in the PDF.
    pub champs: BTreeMap<String, String>,
    /// The invoice PDF.
    pub pdf: Option<Vec<u8>>,
    /// The file name shown and sent to Chorus Pro.
    pub nom_fichier: Option<String>,
}

/// A message from the host page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entrant {
    /// `prefill-draft`: open the deposit screen on a new draft.
    PreremplirBrouillon(Preremplissage),
    /// `set-locale`: switch the interface language (`fr` or `en`).
    ChoisirLangue(String),
    /// `sign-out`: end the session.
    SeDeconnecter,
}

impl Entrant {
    /// The wire `type` of the message.
    pub fn type_fil(&self) -> &'static str {
        match self {
            Entrant::PreremplirBrouillon(_) => "prefill-draft",
            Entrant::ChoisirLangue(_) => "set-locale",
            Entrant::SeDeconnecter => "sign-out",
        }
    }
}

/// Reads an inbound message. `json` is the message as JSON text; `pdf_binaire` carries the PDF when the
/// host sent it as an `ArrayBuffer` or `Uint8Array` (then the `pdf` member of the JSON is ignored).
///
/// Unknown members are ignored (a later minor change may add some); unknown field keys are refused,
/// because silently dropping a value the host meant to set would send a different invoice.
pub fn lire_entrant(json: &str, pdf_binaire: Option<Vec<u8>>) -> Result<Entrant, ErreurMessage> {
    if json.len() > MESSAGE_MAX_OCTETS {
        return Err(ErreurMessage::PasUnObjet);
    }
    let Ok(Value::Object(objet)) = serde_json::from_str::<Value>(json) else {
        return Err(ErreurMessage::PasUnObjet);
    };
    let type_fil = objet
        .get("type")
        .and_then(Value::as_str)
        .ok_or(ErreurMessage::SansType)?;
    if !matches!(type_fil, "prefill-draft" | "set-locale" | "sign-out") {
        return Err(ErreurMessage::TypeInconnu(tronquer(type_fil, 40)));
    }
    if objet.get("version").and_then(Value::as_u64) != Some(u64::from(VERSION)) {
        return Err(ErreurMessage::Version);
    }
    match type_fil {
        "set-locale" => {
            let locale =
                objet
                    .get("locale")
                    .and_then(Value::as_str)
                    .ok_or(ErreurMessage::ChampInvalide(
                        "locale".into(),
                        "a string is expected",
                    ))?;
            match locale {
                "fr" | "en" => Ok(Entrant::ChoisirLangue(locale.to_owned())),
                autre => Err(ErreurMessage::LangueInconnue(tronquer(autre, 20))),
            }
        }
        "sign-out" => Ok(Entrant::SeDeconnecter),
        _ => lire_preremplissage(&objet, pdf_binaire).map(Entrant::PreremplirBrouillon),
    }
}

fn lire_preremplissage(
    objet: &serde_json::Map<String, Value>,
    pdf_binaire: Option<Vec<u8>>,
) -> Result<Preremplissage, ErreurMessage> {
    let mut champs = BTreeMap::new();
    match objet.get("fields") {
        None | Some(Value::Null) => {}
        Some(Value::Object(valeurs)) => {
            for (cle, valeur) in valeurs {
                if !CHAMPS.contains(&cle.as_str()) {
                    return Err(ErreurMessage::ChampInconnu(tronquer(cle, 40)));
                }
                let texte = match valeur {
                    Value::String(texte) => texte.clone(),
                    Value::Number(nombre) => nombre.to_string(),
                    Value::Null => continue,
                    _ => {
                        return Err(ErreurMessage::ChampInvalide(
                            cle.clone(),
                            "a string is expected",
                        ))
                    }
                };
                if texte.chars().count() > VALEUR_MAX_CARACTERES {
                    return Err(ErreurMessage::ChampInvalide(cle.clone(), "too long"));
                }
                if texte.chars().any(char::is_control) {
                    return Err(ErreurMessage::ChampInvalide(
                        cle.clone(),
                        "control characters",
                    ));
                }
                champs.insert(cle.clone(), texte);
            }
        }
        Some(_) => {
            return Err(ErreurMessage::ChampInvalide(
                "fields".into(),
                "an object is expected",
            ))
        }
    }
    let pdf = match pdf_binaire {
        Some(octets) => Some(octets),
        None => match objet.get("pdf") {
            None | Some(Value::Null) => None,
            Some(Value::String(texte)) => {
                // 4 base64 characters carry 3 bytes: refuse before decoding a huge text.
                if texte.len() / 4 * 3 > PDF_MAX_OCTETS + 3 {
                    return Err(ErreurMessage::PdfTropVolumineux);
                }
                let texte = texte
                    .strip_prefix("data:application/pdf;base64,")
                    .unwrap_or(texte);
                Some(
                    base64::engine::general_purpose::STANDARD
                        .decode(texte.trim())
                        .map_err(|_| ErreurMessage::PdfIllisible)?,
                )
            }
            Some(_) => return Err(ErreurMessage::PdfIllisible),
        },
    };
    if let Some(octets) = &pdf {
        if octets.len() > PDF_MAX_OCTETS {
            return Err(ErreurMessage::PdfTropVolumineux);
        }
        if !est_un_pdf(octets) {
            return Err(ErreurMessage::PasUnPdf);
        }
    }
    let nom_fichier = match objet.get("fileName") {
        None | Some(Value::Null) => None,
        Some(Value::String(nom)) => Some(nom_de_fichier(nom)?),
        Some(_) => {
            return Err(ErreurMessage::ChampInvalide(
                "fileName".into(),
                "a string is expected",
            ))
        }
    };
    if champs.is_empty() && pdf.is_none() {
        return Err(ErreurMessage::Vide);
    }
    Ok(Preremplissage {
        champs,
        pdf,
        nom_fichier,
    })
}

/// A PDF starts with `%PDF-` within its first kilobyte (ISO 32000-1 §7.5.2, with leeway for junk).
pub fn est_un_pdf(octets: &[u8]) -> bool {
    let debut = octets.get(..octets.len().min(1024)).unwrap_or_default();
    debut.windows(5).any(|w| w == b"%PDF-")
}

/// A file name without directories nor control characters, at most 100 characters.
fn nom_de_fichier(nom: &str) -> Result<String, ErreurMessage> {
    let nom = nom.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    if nom.is_empty() || nom.chars().count() > 100 || nom.chars().any(char::is_control) {
        return Err(ErreurMessage::ChampInvalide(
            "fileName".into(),
            "a plain file name of at most 100 characters is expected",
        ));
    }
    Ok(nom.to_owned())
}

fn tronquer(texte: &str, max: usize) -> String {
    texte.chars().take(max).collect()
}

/// The four amounts of a sent invoice, as decimal text with a dot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Montants {
    /// `montantHtTotal`.
    pub ht: String,
    /// `montantTVA`.
    pub vat: String,
    /// `montantTtcTotal`.
    pub ttc: String,
    /// `montantAPayer`.
    pub due: String,
}

/// A message to the host page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all_fields = "camelCase")]
pub enum Sortant {
    /// `ready`: the application is mounted and listens.
    #[serde(rename = "ready")]
    Pret {
        /// The interface language.
        locale: String,
    },
    /// `signed-in`: a user is signed in (at start or after the connexion screen).
    #[serde(rename = "signed-in")]
    Connecte {
        /// The user's login e-mail.
        email: String,
    },
    /// `signed-out`: nobody is signed in any more.
    #[serde(rename = "signed-out")]
    Deconnecte {},
    /// `invoice-saved`: a draft was opened from a `prefill-draft` and is kept while the user completes it.
    #[serde(rename = "invoice-saved")]
    BrouillonEnregistre {
        /// The draft's id.
        draft_id: String,
        /// The invoice number, when known.
        number: Option<String>,
        /// The file name.
        file_name: String,
    },
    /// `invoice-sent`: Chorus Pro received the invoice.
    #[serde(rename = "invoice-sent")]
    FactureEnvoyee {
        /// The draft's id.
        draft_id: String,
        /// Invoice number.
        number: String,
        /// Recipient SIRET, and service when there is one.
        recipient: String,
        /// The amounts sent.
        amounts: Montants,
        /// `empreinteCertificatDepot`: SHA-256 of the deposit certificate, base64.
        certificate: String,
        /// `identifiantFactureCPP`.
        identifiant_facture_cpp: Option<i64>,
        /// Status after submission, e.g. `DEPOSEE`.
        status: String,
        /// Deposit date, ISO.
        deposit_date: String,
    },
    /// `status-changed`: the follow-up saw a new status of a sent invoice.
    #[serde(rename = "status-changed")]
    StatutChange {
        /// `identifiantFactureCPP`.
        identifiant_facture_cpp: Option<i64>,
        /// Invoice number.
        number: String,
        /// The new status code, e.g. `MISE_A_DISPOSITION`.
        status: String,
    },
    /// `rejected`: an inbound message from the allowed origin was refused; `reason` says why.
    #[serde(rename = "rejected")]
    Refuse {
        /// The refused message's `type`, when it had one.
        in_reply_to: Option<String>,
        /// Why (English, for the host's developers).
        reason: String,
    },
}

#[derive(Serialize)]
struct Enveloppe<'a> {
    #[serde(flatten)]
    message: &'a Sortant,
    version: u32,
}

/// The JSON text of an outbound message, with its `version`.
pub fn ecrire_sortant(message: &Sortant) -> String {
    serde_json::to_string(&Enveloppe {
        message,
        version: VERSION,
    })
    // Serialising strings, numbers and options cannot fail; an empty object is still a valid message.
    .unwrap_or_else(|_| "{}".to_owned())
}

/// The `type` of an inbound message's JSON, when it has one (to say what a `rejected` answers).
pub fn type_annonce(json: &str) -> Option<String> {
    if json.len() > MESSAGE_MAX_OCTETS {
        return None;
    }
    serde_json::from_str::<Value>(json)
        .ok()?
        .get("type")?
        .as_str()
        .map(|t| tronquer(t, 40))
}

/// An origin of the settings in its canonical form (`scheme://host[:port]`, lower case, no trailing
/// slash), or `None` when it is not a plain http(s) origin (`*`, `null`, a path, a wildcard…).
pub fn origine_normalisee(origine: &str) -> Option<String> {
    let origine = origine.trim().trim_end_matches('/').to_ascii_lowercase();
    let (schema, reste) = origine.split_once("://")?;
    if !matches!(schema, "http" | "https") || reste.is_empty() {
        return None;
    }
    let valide = reste
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !valide {
        return None;
    }
    Some(origine)
}

/// Whether a message's origin is one of the allowed parent origins: exact match of canonical forms.
/// `*`, `null` and malformed entries never match anything.
pub fn origine_autorisee(origine: &str, autorisees: &[String]) -> bool {
    let Some(origine) = origine_normalisee(origine) else {
        return false;
    };
    autorisees
        .iter()
        .filter_map(|a| origine_normalisee(a))
        .any(|a| a == origine)
}

/// The origin of a URL (`https://intranet.example/page` → `https://intranet.example`).
pub fn origine_d_url(url: &str) -> Option<String> {
    let (schema, reste) = url.split_once("://")?;
    let hote = reste.split(['/', '?', '#']).next().unwrap_or_default();
    origine_normalisee(&format!("{schema}://{hote}"))
}

/// The origin outbound messages go to: the first known origin of the parent (`location.ancestorOrigins`,
/// the referrer) that is allowed; when the parent's origin is unknown, the only allowed origin if
/// there is exactly one. `None` means: post nothing (never `*`).
pub fn origine_parente(candidates: &[String], autorisees: &[String]) -> Option<String> {
    let valides: Vec<String> = autorisees
        .iter()
        .filter_map(|a| origine_normalisee(a))
        .collect();
    if candidates.is_empty() {
        return match valides.as_slice() {
            [seule] => Some(seule.clone()),
            _ => None,
        };
    }
    candidates
        .iter()
        .filter_map(|c| origine_normalisee(c))
        .find(|c| valides.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf_minimal() -> Vec<u8> {
        b"%PDF-1.4\n%%EOF\n".to_vec()
    }

    #[test]
    fn prefill_with_fields_and_base64_pdf_is_read() {
        let pdf = base64::engine::general_purpose::STANDARD.encode(pdf_minimal());
        let json = format!(
            r#"{{"type":"prefill-draft","version":1,"fields":{{"invoice_number":"F-1","total_ht":"10.00"}},"pdf":"{pdf}","fileName":"C:\\factures\\f1.pdf"}}"#
        );
        let Ok(Entrant::PreremplirBrouillon(p)) = lire_entrant(&json, None) else {
            panic!("not read: {:?}", lire_entrant(&json, None));
        };
        assert_eq!(
            p.champs.get("invoice_number").map(String::as_str),
            Some("F-1")
        );
        assert_eq!(p.pdf, Some(pdf_minimal()));
        assert_eq!(p.nom_fichier.as_deref(), Some("f1.pdf"));
    }

    #[test]
    fn binary_pdf_wins_over_the_json_member() {
        let json = r#"{"type":"prefill-draft","version":1,"pdf":{}}"#;
        let lu = lire_entrant(json, Some(pdf_minimal()));
        assert!(matches!(lu, Ok(Entrant::PreremplirBrouillon(p)) if p.pdf == Some(pdf_minimal())));
    }

    #[test]
    fn unknown_type_bad_version_and_garbage_are_refused() {
        assert_eq!(
            lire_entrant(r#"{"type":"format-disk","version":1}"#, None),
            Err(ErreurMessage::TypeInconnu("format-disk".into()))
        );
        assert_eq!(
            lire_entrant(r#"{"type":"sign-out","version":2}"#, None),
            Err(ErreurMessage::Version)
        );
        assert_eq!(
            lire_entrant(r#"{"type":"sign-out"}"#, None),
            Err(ErreurMessage::Version)
        );
        assert_eq!(
            lire_entrant(r#"{"version":1}"#, None),
            Err(ErreurMessage::SansType)
        );
        assert_eq!(lire_entrant("[1]", None), Err(ErreurMessage::PasUnObjet));
        assert_eq!(
            lire_entrant("not json", None),
            Err(ErreurMessage::PasUnObjet)
        );
    }

    #[test]
    fn bad_fields_are_refused() {
        let lire = |fields: &str| {
            lire_entrant(
                &format!(r#"{{"type":"prefill-draft","version":1,"fields":{fields}}}"#),
                None,
            )
        };
        assert_eq!(
            lire(r#"{"password":"x"}"#),
            Err(ErreurMessage::ChampInconnu("password".into()))
        );
        assert!(matches!(
            lire(r#"{"total_ht":{"a":1}}"#),
            Err(ErreurMessage::ChampInvalide(..))
        ));
        assert!(matches!(
            lire(&format!(r#"{{"invoice_number":"{}"}}"#, "x".repeat(501))),
            Err(ErreurMessage::ChampInvalide(..))
        ));
        assert!(matches!(
            lire(r#"{"invoice_number":"a\nb"}"#),
            Err(ErreurMessage::ChampInvalide(..))
        ));
        assert!(matches!(lire("[]"), Err(ErreurMessage::ChampInvalide(..))));
        assert_eq!(lire("{}"), Err(ErreurMessage::Vide));
        // A number is taken as its text.
        assert!(
            matches!(lire(r#"{"total_ht":12.5}"#), Ok(Entrant::PreremplirBrouillon(p)) if p.champs["total_ht"] == "12.5")
        );
    }

    #[test]
    fn too_large_or_non_pdf_bytes_are_refused() {
        let json = r#"{"type":"prefill-draft","version":1}"#;
        let mut gros = pdf_minimal();
        gros.resize(PDF_MAX_OCTETS + 1, b' ');
        assert_eq!(
            lire_entrant(json, Some(gros)),
            Err(ErreurMessage::PdfTropVolumineux)
        );
        assert_eq!(
            lire_entrant(json, Some(b"GIF89a".to_vec())),
            Err(ErreurMessage::PasUnPdf)
        );
        let gros_b64 = "A".repeat(PDF_MAX_OCTETS / 3 * 4 + 16);
        assert_eq!(
            lire_entrant(
                &format!(r#"{{"type":"prefill-draft","version":1,"pdf":"{gros_b64}"}}"#),
                None
            ),
            Err(ErreurMessage::PdfTropVolumineux)
        );
        assert_eq!(
            lire_entrant(r#"{"type":"prefill-draft","version":1,"pdf":"%%%"}"#, None),
            Err(ErreurMessage::PdfIllisible)
        );
    }

    #[test]
    fn set_locale_and_sign_out() {
        assert_eq!(
            lire_entrant(r#"{"type":"set-locale","version":1,"locale":"en"}"#, None),
            Ok(Entrant::ChoisirLangue("en".into()))
        );
        assert_eq!(
            lire_entrant(r#"{"type":"set-locale","version":1,"locale":"de"}"#, None),
            Err(ErreurMessage::LangueInconnue("de".into()))
        );
        assert_eq!(
            lire_entrant(r#"{"type":"sign-out","version":1,"extra":true}"#, None),
            Ok(Entrant::SeDeconnecter)
        );
    }

    #[test]
    fn outbound_messages_carry_type_and_version() {
        let json = ecrire_sortant(&Sortant::FactureEnvoyee {
            draft_id: "d1".into(),
            number: "F-1".into(),
            recipient: "11000201100044 / SGC-ACHATS".into(),
            amounts: Montants {
                ht: "1000.00".into(),
                vat: "200.00".into(),
                ttc: "1200.00".into(),
                due: "1200.00".into(),
            },
            certificate: "abc=".into(),
            identifiant_facture_cpp: Some(42),
            status: "DEPOSEE".into(),
            deposit_date: "2026-11-03".into(),
        });
        let valeur: Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(valeur["type"], "invoice-sent");
        assert_eq!(valeur["version"], 1);
        assert_eq!(valeur["amounts"]["ttc"], "1200.00");
        assert_eq!(valeur["identifiantFactureCpp"], 42);
        assert_eq!(valeur["draftId"], "d1");
        let pret: Value =
            serde_json::from_str(&ecrire_sortant(&Sortant::Deconnecte {})).unwrap_or_default();
        assert_eq!(pret["type"], "signed-out");
    }

    #[test]
    fn origins_match_exactly_and_wildcards_never() {
        let autorisees = vec![
            "https://intranet.example/".to_owned(),
            "*".to_owned(),
            "null".to_owned(),
            "http://127.0.0.1:8081".to_owned(),
        ];
        assert!(origine_autorisee("https://intranet.example", &autorisees));
        assert!(origine_autorisee("HTTPS://Intranet.Example", &autorisees));
        assert!(origine_autorisee("http://127.0.0.1:8081", &autorisees));
        assert!(!origine_autorisee("http://127.0.0.1:8082", &autorisees));
        assert!(!origine_autorisee("http://intranet.example", &autorisees));
        assert!(!origine_autorisee(
            "https://intranet.example.evil",
            &autorisees
        ));
        assert!(!origine_autorisee("https://evil.example", &autorisees));
        assert!(!origine_autorisee("null", &autorisees));
        assert!(!origine_autorisee("*", &autorisees));
        assert!(!origine_autorisee("", &[]));
        assert_eq!(origine_normalisee("https://*.example"), None);
        assert_eq!(origine_normalisee("https://a.example/path"), None);
    }

    #[test]
    fn parent_origin_is_an_allowed_candidate_or_the_only_allowed_origin() {
        let une = vec!["https://intranet.example".to_owned()];
        let deux = vec![
            "https://intranet.example".to_owned(),
            "https://autre.example".to_owned(),
        ];
        assert_eq!(
            origine_parente(&[], &une).as_deref(),
            Some("https://intranet.example")
        );
        assert_eq!(origine_parente(&[], &deux), None);
        assert_eq!(
            origine_parente(&["https://autre.example".to_owned()], &deux).as_deref(),
            Some("https://autre.example")
        );
        assert_eq!(
            origine_parente(&["https://evil.example".to_owned()], &une),
            None
        );
        assert_eq!(origine_parente(&[], &["*".to_owned()]), None);
        assert_eq!(
            origine_d_url("https://intranet.example:8443/a/b?c#d").as_deref(),
            Some("https://intranet.example:8443")
        );
        assert_eq!(origine_d_url("about:blank"), None);
    }

    #[test]
    fn every_field_key_is_a_contract_key() {
        // Kept apart from `extract` so that this protocol crate does not pull a PDF reader; the two lists
        // must stay the same.
        assert_eq!(CHAMPS, extract::vers_facture::CHAMPS_SCALAIRES);
        for cle in CHAMPS {
            let mut champs = extract::resultat::Fields::default();
            extract::vers_facture::ecrire_champ(&mut champs, cle, "x");
            assert_eq!(
                extract::vers_facture::lire_champ(&champs, cle),
                Some("x"),
                "{cle}"
            );
        }
    }

    #[test]
    fn announced_type_is_read_even_from_a_refused_message() {
        assert_eq!(
            type_annonce(r#"{"type":"prefill-draft","version":9}"#).as_deref(),
            Some("prefill-draft")
        );
        assert_eq!(type_annonce("x"), None);
    }
}
