//! Factur-X / ZUGFeRD 2.x / XRechnung CII: find the embedded invoice XML and map its business terms.
//!
//! The XML is an embedded file (the catalog's `/Names /EmbeddedFiles` name tree, or the catalog's
//! `/AF` associated files), recognised by its root element `CrossIndustryInvoice`, whatever its file
//! name. Fields follow the EN 16931 business terms listed in `extraction-contract.md`
//! ("Factur-X mapping"); a term the XML does not carry is `None`.
//!
//! ```
//! let xml = r#"<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
//!   xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
//!   <rsm:ExchangedDocument><ram:ID>F-1</ram:ID><ram:TypeCode>381</ram:TypeCode></rsm:ExchangedDocument>
//! </rsm:CrossIndustryInvoice>"#;
//! let fields = extract::facturx::lire_xml(xml.as_bytes()).unwrap();
//! assert_eq!(fields.invoice_number.as_deref(), Some("F-1"));
//! assert_eq!(fields.invoice_type.as_deref(), Some("AVOIR"));
//! ```

use std::collections::HashSet;
use std::str::FromStr;

use pdf::object::PlainRef;
use pdf::primitive::{Dictionary, Primitive};
use roxmltree::{Document, Node};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::resultat::{Fields, LineItem, VatEntry};
use crate::texte::Fichier;

/// Largest embedded XML we decode (real Factur-X files are a few hundred kB).
const TAILLE_MAX_XML: usize = 16 * 1024 * 1024;
/// Most name tree nodes visited.
const NOEUDS_MAX: usize = 10_000;
/// Deepest name tree followed.
const PROFONDEUR_MAX: usize = 32;
/// Most invoice lines read.
const LIGNES_MAX: usize = 10_000;

/// Why an embedded XML could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurFacturx {
    /// Occurs when the XML is not well formed.
    #[error("malformed xml: {0}")]
    XmlInvalide(String),
    /// Occurs when the root element is not `CrossIndustryInvoice`.
    #[error("root element is {0}, not CrossIndustryInvoice")]
    PasUneFactureCii(String),
}

/// EN 16931 invoice type codes (UNTDID 1001) that are credit notes (BT-3).
const CODES_AVOIR: [&str; 9] = [
    "381", "261", "262", "296", "308", "396", "420", "458", "532",
];

/// Reads the fields of the Factur-X XML embedded in a PDF; `Ok(None)` when the PDF embeds none.
pub fn lire_pdf(octets: &[u8]) -> Result<Option<Fields>, crate::texte::ErreurLecture> {
    let fichier = Fichier::ouvrir(octets)?;
    Ok(chercher(&fichier))
}

/// Finds the embedded CII XML of an opened PDF and reads its fields; `None` when there is none.
pub(crate) fn chercher(fichier: &Fichier<'_>) -> Option<Fields> {
    let catalogue = fichier.catalogue()?;
    let mut candidats: Vec<Primitive> = Vec::new();
    // Associated files first (PDF/A-3: the Factur-X XML is listed there), then the name tree.
    if let Some(af) = catalogue.get("AF").and_then(|p| fichier.tableau(p)) {
        candidats.extend(af.into_iter().take(NOEUDS_MAX));
    }
    if let Some(arbre) = fichier
        .dict_de(&catalogue, "Names")
        .and_then(|n| n.get("EmbeddedFiles").cloned())
    {
        let mut vus = HashSet::new();
        let mut visites = 0;
        feuilles_arbre_noms(fichier, &arbre, 0, &mut vus, &mut visites, &mut candidats);
    }
    let mut deja = HashSet::new();
    for spec in candidats.iter() {
        if let Primitive::Reference(r) = spec {
            if !deja.insert(*r) {
                continue;
            }
        }
        let Some(spec) = fichier.dict(spec) else {
            continue;
        };
        let Some(ef) = fichier.dict_de(&spec, "EF") else {
            continue;
        };
        let Some(flux) = ef
            .get("UF")
            .or_else(|| ef.get("F"))
            .and_then(|p| fichier.flux(p))
        else {
            continue;
        };
        let Ok(donnees) = fichier.donnees(&flux, TAILLE_MAX_XML) else {
            continue;
        };
        if !contient(&donnees, b"CrossIndustryInvoice") {
            continue;
        }
        if let Ok(fields) = lire_xml(&donnees) {
            return Some(fields);
        }
    }
    None
}

fn contient(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Collects the values (file specifications) of a name tree: `/Names [key value …]` and `/Kids`.
fn feuilles_arbre_noms(
    fichier: &Fichier<'_>,
    noeud: &Primitive,
    profondeur: usize,
    vus: &mut HashSet<PlainRef>,
    visites: &mut usize,
    sortie: &mut Vec<Primitive>,
) {
    *visites += 1;
    if profondeur > PROFONDEUR_MAX || *visites > NOEUDS_MAX {
        return;
    }
    if let Primitive::Reference(r) = noeud {
        if !vus.insert(*r) {
            return;
        }
    }
    let Some(dict): Option<Dictionary> = fichier.dict(noeud) else {
        return;
    };
    if let Some(noms) = dict.get("Names").and_then(|p| fichier.tableau(p)) {
        sortie.extend(noms.into_iter().skip(1).step_by(2).take(NOEUDS_MAX));
    }
    if let Some(enfants) = dict.get("Kids").and_then(|p| fichier.tableau(p)) {
        for enfant in enfants.iter() {
            feuilles_arbre_noms(fichier, enfant, profondeur + 1, vus, visites, sortie);
        }
    }
}

/// Reads the fields of a CII invoice XML (Factur-X 1.0, ZUGFeRD 2.x, XRechnung CII).
pub fn lire_xml(octets: &[u8]) -> Result<Fields, ErreurFacturx> {
    let texte = String::from_utf8_lossy(octets);
    // A byte order mark or blank lines before the declaration make the XML ill-formed; skip them.
    let texte = texte.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let doc = Document::parse(texte).map_err(|e| ErreurFacturx::XmlInvalide(e.to_string()))?;
    let racine = doc.root_element();
    if racine.tag_name().name() != "CrossIndustryInvoice" {
        return Err(ErreurFacturx::PasUneFactureCii(
            racine.tag_name().name().to_string(),
        ));
    }
    let document = enfant(racine, "ExchangedDocument");
    let transaction = enfant(racine, "SupplyChainTradeTransaction");
    let accord = transaction.and_then(|t| enfant(t, "ApplicableHeaderTradeAgreement"));
    let reglement = transaction.and_then(|t| enfant(t, "ApplicableHeaderTradeSettlement"));
    let sommes =
        reglement.and_then(|r| enfant(r, "SpecifiedTradeSettlementHeaderMonetarySummation"));
    let vendeur = accord.and_then(|a| enfant(a, "SellerTradeParty"));
    let acheteur = accord.and_then(|a| enfant(a, "BuyerTradeParty"));
    let devise = reglement
        .and_then(|r| texte_de(r, &["InvoiceCurrencyCode"]))
        .map(|d| d.to_uppercase());

    let montant = |nom: &str| -> Option<String> {
        let s = sommes?;
        // BT-110 may appear twice (invoice currency and accounting currency): take the invoice's.
        let candidats: Vec<Node> = s
            .children()
            .filter(|n| n.tag_name().name() == nom)
            .collect();
        let choisi = candidats
            .iter()
            .find(|n| match (n.attribute("currencyID"), devise.as_deref()) {
                (Some(c), Some(d)) => c.eq_ignore_ascii_case(d),
                _ => false,
            })
            .or_else(|| {
                candidats
                    .iter()
                    .find(|n| n.attribute("currencyID").is_none())
            })
            .or(candidats.first())?;
        deux_decimales(choisi.text()?)
    };

    let type_code = document.and_then(|d| texte_de(d, &["TypeCode"]));
    let mut fields = Fields {
        invoice_number: document.and_then(|d| texte_de(d, &["ID"])),
        invoice_date: document
            .and_then(|d| texte_de(d, &["IssueDateTime", "DateTimeString"]))
            .and_then(|d| date_102(&d)),
        invoice_type: type_code.map(|c| {
            if CODES_AVOIR.contains(&c.as_str()) {
                "AVOIR".to_string()
            } else {
                "FACTURE".to_string()
            }
        }),
        currency: devise.clone(),
        supplier_siret: vendeur.and_then(siret),
        supplier_vat: vendeur.and_then(tva),
        recipient_siret: acheteur.and_then(siret),
        service_code: accord.and_then(|a| texte_de(a, &["BuyerReference"])),
        engagement_number: accord
            .and_then(|a| texte_de(a, &["BuyerOrderReferencedDocument", "IssuerAssignedID"])),
        market_number: accord
            .and_then(|a| texte_de(a, &["ContractReferencedDocument", "IssuerAssignedID"])),
        total_ht: montant("TaxBasisTotalAmount"),
        total_vat: montant("TaxTotalAmount"),
        total_ttc: montant("GrandTotalAmount"),
        amount_due: montant("DuePayableAmount"),
        iban: reglement.and_then(|r| {
            r.children()
                .filter(|n| n.tag_name().name() == "SpecifiedTradeSettlementPaymentMeans")
                .find_map(|m| texte_de(m, &["PayeePartyCreditorFinancialAccount", "IBANID"]))
                .map(|i| identifiant(&i))
        }),
        vat_breakdown: None,
        lines: None,
    };
    let ventilation: Vec<VatEntry> = reglement
        .map(|r| {
            r.children()
                .filter(|n| n.tag_name().name() == "ApplicableTradeTax")
                .filter_map(|t| {
                    Some(VatEntry {
                        rate: texte_de(t, &["RateApplicablePercent"])
                            .and_then(|v| deux_decimales(&v))
                            .unwrap_or_else(|| "0.00".to_string()),
                        base: texte_de(t, &["BasisAmount"]).and_then(|v| deux_decimales(&v))?,
                        amount: texte_de(t, &["CalculatedAmount"])
                            .and_then(|v| deux_decimales(&v))?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    if !ventilation.is_empty() {
        fields.vat_breakdown = Some(ventilation);
    }
    let lignes: Vec<LineItem> = transaction
        .map(|t| {
            t.children()
                .filter(|n| n.tag_name().name() == "IncludedSupplyChainTradeLineItem")
                .take(LIGNES_MAX)
                .map(ligne)
                .collect()
        })
        .unwrap_or_default();
    if !lignes.is_empty() {
        fields.lines = Some(lignes);
    }
    Ok(fields)
}

fn ligne(n: Node) -> LineItem {
    LineItem {
        description: texte_de(n, &["SpecifiedTradeProduct", "Name"]),
        quantity: texte_de(n, &["SpecifiedLineTradeDelivery", "BilledQuantity"])
            .and_then(|q| quantite(&q)),
        unit_price: texte_de(
            n,
            &[
                "SpecifiedLineTradeAgreement",
                "NetPriceProductTradePrice",
                "ChargeAmount",
            ],
        )
        .and_then(|v| deux_decimales(&v)),
        vat_rate: texte_de(
            n,
            &[
                "SpecifiedLineTradeSettlement",
                "ApplicableTradeTax",
                "RateApplicablePercent",
            ],
        )
        .and_then(|v| deux_decimales(&v)),
        net_amount: texte_de(
            n,
            &[
                "SpecifiedLineTradeSettlement",
                "SpecifiedTradeSettlementLineMonetarySummation",
                "LineTotalAmount",
            ],
        )
        .and_then(|v| deux_decimales(&v)),
    }
}

/// The first child element with this local name (namespace prefixes vary between writers).
pub(crate) fn enfant<'a, 'i>(n: Node<'a, 'i>, nom: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == nom)
}

/// Trimmed text of the element at this path of local names; `None` when absent or empty.
pub(crate) fn texte_de(n: Node, chemin: &[&str]) -> Option<String> {
    let mut courant = n;
    for nom in chemin {
        courant = enfant(courant, nom)?;
    }
    let t: String = courant.text()?.trim().to_string();
    (!t.is_empty()).then_some(t)
}

/// Identifiers: no spaces, upper case.
pub(crate) fn identifiant(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// BT-30 / BT-47 (legal registration) or BT-29 / BT-46 (global id): a SIRET is 14 digits under
/// ISO 6523 scheme 0009 (SIRET) — 0002 (SIREN) is accepted when the value nevertheless has 14 digits.
fn siret(partie: Node) -> Option<String> {
    let candidats = partie
        .children()
        .filter(|n| n.tag_name().name() == "SpecifiedLegalOrganization")
        .filter_map(|o| enfant(o, "ID"))
        .chain(
            partie
                .children()
                .filter(|n| n.tag_name().name() == "GlobalID"),
        );
    for id in candidats {
        let schema = id.attribute("schemeID").unwrap_or("").trim();
        if schema != "0002" && schema != "0009" {
            continue;
        }
        let valeur = identifiant(id.text().unwrap_or(""));
        if valeur.len() == 14 && valeur.chars().all(|c| c.is_ascii_digit()) {
            return Some(valeur);
        }
    }
    None
}

/// BT-31: the VAT identifier is the tax registration with scheme `VA` (`FC` is a local tax number).
fn tva(partie: Node) -> Option<String> {
    partie
        .children()
        .filter(|n| n.tag_name().name() == "SpecifiedTaxRegistration")
        .filter_map(|r| enfant(r, "ID"))
        .find(|id| id.attribute("schemeID").map(str::trim) == Some("VA"))
        .and_then(|id| id.text())
        .map(identifiant)
        .filter(|v| !v.is_empty())
}

/// A decimal with two decimals, half away from zero (EN 16931 amounts have at most two).
pub(crate) fn deux_decimales(s: &str) -> Option<String> {
    let d = Decimal::from_str(s.trim()).ok()?;
    let d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    Some(format!("{d:.2}"))
}

/// A quantity as printed, without trailing zeros.
pub(crate) fn quantite(s: &str) -> Option<String> {
    let d = Decimal::from_str(s.trim()).ok()?;
    Some(d.normalize().to_string())
}

/// UN/CEFACT date format 102 (`YYYYMMDD`) to `YYYY-MM-DD`; an ISO date is accepted as is.
pub(crate) fn date_102(s: &str) -> Option<String> {
    let chiffres: String = s.chars().filter(char::is_ascii_digit).collect();
    if chiffres.len() != 8 {
        return None;
    }
    let (a, m, j) = (
        chiffres.get(0..4)?.parse::<i32>().ok()?,
        chiffres.get(4..6)?.parse::<u32>().ok()?,
        chiffres.get(6..8)?.parse::<u32>().ok()?,
    );
    let date = chrono::NaiveDate::from_ymd_opt(a, m, j)?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- Licence: a long text before the root element, as some generators write. -->
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
 <rsm:ExchangedDocument><ram:ID> FA-2025-001 </ram:ID><ram:TypeCode>380</ram:TypeCode>
  <ram:IssueDateTime><udt:DateTimeString format="102">20251103</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
 <rsm:SupplyChainTradeTransaction>
  <ram:IncludedSupplyChainTradeLineItem>
   <ram:SpecifiedTradeProduct><ram:Name>Chaises</ram:Name></ram:SpecifiedTradeProduct>
   <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>320.0000</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
   <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">20.000</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
   <ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:RateApplicablePercent>10</ram:RateApplicablePercent></ram:ApplicableTradeTax>
    <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>6400</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
  </ram:IncludedSupplyChainTradeLineItem>
  <ram:ApplicableHeaderTradeAgreement>
   <ram:BuyerReference>SFACETAT</ram:BuyerReference>
   <ram:SellerTradeParty><ram:Name>Vendeur</ram:Name>
    <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">406680314</ram:ID></ram:SpecifiedLegalOrganization>
    <ram:GlobalID schemeID="0009">40668031401116</ram:GlobalID>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">123</ram:ID></ram:SpecifiedTaxRegistration>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">fr 32406680314</ram:ID></ram:SpecifiedTaxRegistration>
   </ram:SellerTradeParty>
   <ram:BuyerTradeParty><ram:SpecifiedLegalOrganization><ram:ID schemeID="0009">11000201100044</ram:ID></ram:SpecifiedLegalOrganization></ram:BuyerTradeParty>
   <ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>1300123456</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>
   <ram:ContractReferencedDocument><ram:IssuerAssignedID>2024-MAR-017</ram:IssuerAssignedID></ram:ContractReferencedDocument>
  </ram:ApplicableHeaderTradeAgreement>
  <ram:ApplicableHeaderTradeSettlement>
   <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
   <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>
    <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR76 3000 6000 0112 3456 7890 189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>
   <ram:ApplicableTradeTax><ram:CalculatedAmount>640</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>6400.00</ram:BasisAmount><ram:RateApplicablePercent>10.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>
   <ram:ApplicableTradeTax><ram:CalculatedAmount>0</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>0</ram:BasisAmount><ram:CategoryCode>E</ram:CategoryCode></ram:ApplicableTradeTax>
   <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    <ram:TaxBasisTotalAmount>6400.00</ram:TaxBasisTotalAmount>
    <ram:TaxTotalAmount currencyID="USD">700.00</ram:TaxTotalAmount>
    <ram:TaxTotalAmount currencyID="EUR">640.00</ram:TaxTotalAmount>
    <ram:GrandTotalAmount>7040.005</ram:GrandTotalAmount>
    <ram:DuePayableAmount>7040.00</ram:DuePayableAmount>
   </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
  </ram:ApplicableHeaderTradeSettlement>
 </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>"#;

    #[test]
    fn cii_business_terms_map_to_the_contract_fields() {
        let f = lire_xml(XML.as_bytes()).expect("well-formed test XML");
        assert_eq!(f.invoice_number.as_deref(), Some("FA-2025-001"));
        assert_eq!(f.invoice_date.as_deref(), Some("2025-11-03"));
        assert_eq!(f.invoice_type.as_deref(), Some("FACTURE"));
        assert_eq!(f.currency.as_deref(), Some("EUR"));
        assert_eq!(f.supplier_siret.as_deref(), Some("40668031401116"));
        assert_eq!(f.supplier_vat.as_deref(), Some("FR32406680314"));
        assert_eq!(f.recipient_siret.as_deref(), Some("11000201100044"));
        assert_eq!(f.service_code.as_deref(), Some("SFACETAT"));
        assert_eq!(f.engagement_number.as_deref(), Some("1300123456"));
        assert_eq!(f.market_number.as_deref(), Some("2024-MAR-017"));
        assert_eq!(f.total_ht.as_deref(), Some("6400.00"));
        assert_eq!(
            f.total_vat.as_deref(),
            Some("640.00"),
            "the invoice currency's BT-110"
        );
        assert_eq!(
            f.total_ttc.as_deref(),
            Some("7040.01"),
            "rounded half away from zero"
        );
        assert_eq!(f.amount_due.as_deref(), Some("7040.00"));
        assert_eq!(f.iban.as_deref(), Some("FR7630006000011234567890189"));
        let vat = f.vat_breakdown.expect("two ApplicableTradeTax");
        assert_eq!(
            vat[0],
            VatEntry {
                rate: "10.00".into(),
                base: "6400.00".into(),
                amount: "640.00".into()
            }
        );
        assert_eq!(vat[1].rate, "0.00", "absent rate (exempt) is 0.00");
        let lignes = f.lines.expect("one line");
        assert_eq!(lignes[0].quantity.as_deref(), Some("20"));
        assert_eq!(lignes[0].unit_price.as_deref(), Some("320.00"));
        assert_eq!(lignes[0].vat_rate.as_deref(), Some("10.00"));
    }

    #[test]
    fn credit_note_type_codes_are_avoir() {
        for (code, attendu) in [
            ("381", "AVOIR"),
            ("261", "AVOIR"),
            ("380", "FACTURE"),
            ("389", "FACTURE"),
        ] {
            let xml = XML.replace(
                "<ram:TypeCode>380</ram:TypeCode>",
                &format!("<ram:TypeCode>{code}</ram:TypeCode>"),
            );
            let f = lire_xml(xml.as_bytes()).expect("well-formed test XML");
            assert_eq!(f.invoice_type.as_deref(), Some(attendu), "{code}");
        }
    }

    #[test]
    fn a_siren_is_not_a_siret() {
        let xml = XML.replace(
            r#"<ram:GlobalID schemeID="0009">40668031401116</ram:GlobalID>"#,
            r#"<ram:GlobalID schemeID="0088">40668031401116</ram:GlobalID>"#,
        );
        let f = lire_xml(xml.as_bytes()).expect("well-formed test XML");
        assert_eq!(f.supplier_siret, None);
    }

    #[test]
    fn other_roots_and_broken_xml_are_refused() {
        assert!(matches!(
            lire_xml(b"<rsm:CrossIndustryDocument xmlns:rsm='x'/>"),
            Err(ErreurFacturx::PasUneFactureCii(_))
        ));
        assert!(matches!(
            lire_xml(b"<a><b></a>"),
            Err(ErreurFacturx::XmlInvalide(_))
        ));
    }

    #[test]
    fn dates_and_numbers_are_normalised() {
        assert_eq!(date_102("20240229").as_deref(), Some("2024-02-29"));
        assert_eq!(date_102("20230229"), None);
        assert_eq!(date_102("2025-11-03").as_deref(), Some("2025-11-03"));
        assert_eq!(quantite("2.500").as_deref(), Some("2.5"));
        assert_eq!(deux_decimales("-12.345").as_deref(), Some("-12.35"));
        assert_eq!(deux_decimales("abc"), None);
    }
}
