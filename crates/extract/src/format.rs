//! What kind of invoice file was dropped: a PDF (signed or not), or an invoice XML (CII or UBL).
//!
//! Chorus Pro takes each differently: a PDF goes through `deposer/pdf` (`formatDepot` `PDF_NON_SIGNE` or
//! `PDF_SIGNE_PADES`, then `soumettre` in mode `DEPOT_PDF_API` or `DEPOT_PDF_SIGNE_API`); an XML is a
//! flux (`deposer/flux`, syntax `IN_DP_E1_CII_16B` or `IN_DP_E1_UBL_INVOICE`) whose data is the
//! invoice. Whether a PDF is Factur-X is known once its embedded XML has been read
//! ([`crate::resultat::Source::Facturx`]).
//!
//! ```
//! use extract::format::{reconnaitre, Format, SyntaxeXml};
//! assert_eq!(reconnaitre(b"%PDF-1.7\n..."), Some(Format::Pdf { signe: false }));
//! let ubl = br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#;
//! assert_eq!(reconnaitre(ubl), Some(Format::Xml(SyntaxeXml::Ubl)));
//! assert_eq!(reconnaitre(b"PK\x03\x04 a zip"), None);
//! ```

use roxmltree::Document;

/// Largest XML file read (Chorus Pro takes flux up to 10 MB; more is refused before reading).
pub const TAILLE_MAX_XML: usize = 10 * 1024 * 1024;

/// The kind of an invoice file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// A PDF; `signe` when it carries an electronic signature (PAdES, `/ByteRange`).
    Pdf {
        /// The PDF carries a signature: it must reach Chorus Pro byte for byte.
        signe: bool,
    },
    /// An invoice XML.
    Xml(SyntaxeXml),
}

/// The syntax of an invoice XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SyntaxeXml {
    /// UN/CEFACT Cross Industry Invoice (D16B: Factur-X, ZUGFeRD 2, XRechnung CII).
    Cii,
    /// OASIS UBL 2.1 `Invoice` or `CreditNote`.
    Ubl,
}

/// Recognises a file by its content, never its name; `None` when it is neither a PDF nor an invoice XML.
pub fn reconnaitre(octets: &[u8]) -> Option<Format> {
    // A PDF starts with `%PDF-` within its first kilobyte (ISO 32000-1 §7.5.2, with leeway for junk).
    let debut = octets.get(..octets.len().min(1024)).unwrap_or_default();
    if debut.windows(5).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf {
            signe: porte_une_signature(octets),
        });
    }
    syntaxe_xml(octets).map(Format::Xml)
}

/// The syntax of an invoice XML, by its root element and namespace; `None` for anything else.
pub fn syntaxe_xml(octets: &[u8]) -> Option<SyntaxeXml> {
    if octets.len() > TAILLE_MAX_XML {
        return None;
    }
    let texte = std::str::from_utf8(octets).ok()?;
    let texte = texte.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !texte.starts_with('<') {
        return None;
    }
    let doc = Document::parse(texte).ok()?;
    let racine = doc.root_element();
    let espace = racine.tag_name().namespace().unwrap_or("");
    match racine.tag_name().name() {
        "CrossIndustryInvoice" => Some(SyntaxeXml::Cii),
        "Invoice" | "CreditNote" if espace.starts_with("urn:oasis:names:specification:ubl:") => {
            Some(SyntaxeXml::Ubl)
        }
        _ => None,
    }
}

/// Whether a PDF carries an electronic signature: a signature value dictionary has a `/ByteRange`
/// array starting at offset 0 (ISO 32000-1 §12.8.1). An empty signature field has none, and the
/// dictionary is never inside a compressed object stream (its `/Contents` is written in place after
/// the byte ranges are hashed), so the raw bytes show it.
pub fn porte_une_signature(octets: &[u8]) -> bool {
    const CLE: &[u8] = b"/ByteRange";
    let mut reste = octets;
    while let Some(position) = chercher(reste, CLE) {
        let apres = reste.get(position + CLE.len()..).unwrap_or_default();
        if plage_valide(apres) {
            return true;
        }
        reste = apres;
    }
    false
}

fn chercher(botte: &[u8], aiguille: &[u8]) -> Option<usize> {
    botte.windows(aiguille.len()).position(|w| w == aiguille)
}

/// `[0 a b c]` with four non-negative integers, the first 0 (the signature hashes the file from its start).
fn plage_valide(apres: &[u8]) -> bool {
    let texte: String = apres
        .iter()
        .take(96)
        .map(|&o| o as char)
        .take_while(|&c| c != ']')
        .collect();
    let Some(interieur) = texte.trim_start().strip_prefix('[') else {
        return false;
    };
    let nombres: Vec<u64> = interieur
        .split_ascii_whitespace()
        .map_while(|n| n.parse().ok())
        .collect();
    nombres.len() == 4
        && nombres.first() == Some(&0)
        && interieur.split_ascii_whitespace().count() == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_recognised_with_leading_junk_and_signed_only_with_a_byte_range() {
        assert_eq!(
            reconnaitre(b"\xEF\xBB\xBF%PDF-1.4\n1 0 obj<<>>endobj"),
            Some(Format::Pdf { signe: false })
        );
        let signe =
            b"%PDF-1.7\n5 0 obj<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached\
            /ByteRange [0 1234 5678 910]/Contents <3082>>>endobj";
        assert_eq!(reconnaitre(signe), Some(Format::Pdf { signe: true }));
        // An empty signature field, and a byte range that does not start the file, are not signatures.
        let champ_vide = b"%PDF-1.7\n5 0 obj<</FT/Sig/T(Signature1)>>endobj";
        assert_eq!(reconnaitre(champ_vide), Some(Format::Pdf { signe: false }));
        let bancal =
            b"%PDF-1.7\n5 0 obj<</ByteRange [12 1 2 3]>>endobj /ByteRange [0 1 2] /ByteRange";
        assert!(!porte_une_signature(bancal));
        let serre = b"%PDF-1.7\n5 0 obj<</ByteRange[0 10 20 30]>>";
        assert!(porte_une_signature(serre));
    }

    #[test]
    fn invoice_xml_is_told_by_its_root_and_namespace() {
        let cii = "\u{feff}<?xml version=\"1.0\"?>\n<!-- licence -->\n<rsm:CrossIndustryInvoice \
            xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>";
        assert_eq!(
            reconnaitre(cii.as_bytes()),
            Some(Format::Xml(SyntaxeXml::Cii))
        );
        let avoir = r#"<cn:CreditNote xmlns:cn="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>"#;
        assert_eq!(
            reconnaitre(avoir.as_bytes()),
            Some(Format::Xml(SyntaxeXml::Ubl))
        );
        // An `Invoice` of another vocabulary, malformed XML, text and binary are not invoices.
        assert_eq!(reconnaitre(b"<Invoice xmlns=\"urn:example\"/>"), None);
        assert_eq!(reconnaitre(b"<rsm:CrossIndustryInvoice>"), None);
        assert_eq!(reconnaitre(b"Facture n 12"), None);
        assert_eq!(reconnaitre(&[0xFF, 0xD8, 0xFF, 0xE0]), None);
        assert_eq!(reconnaitre(b""), None);
    }
}
