//! OASIS UBL 2.1 invoices and credit notes (EN 16931 UBL syntax, as Chorus Pro's `IN_DP_E1_UBL_INVOICE`
//! takes them): the same business terms as [`crate::facturx`], read from the UBL paths.
//!
//! ```
//! let xml = r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
//!   xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
//!   <cbc:ID>F-7</cbc:ID><cbc:IssueDate>2026-11-02</cbc:IssueDate></Invoice>"#;
//! let fields = extract::ubl::lire_xml(xml.as_bytes()).unwrap();
//! assert_eq!(fields.invoice_number.as_deref(), Some("F-7"));
//! assert_eq!(fields.invoice_date.as_deref(), Some("2026-11-02"));
//! assert_eq!(fields.invoice_type.as_deref(), Some("FACTURE"));
//! ```

use roxmltree::{Document, Node};

use crate::facturx::{
    date_102, deux_decimales, enfant, identifiant, quantite, texte_de, ErreurFacturx,
};
use crate::resultat::{Fields, LineItem, VatEntry};

/// Most invoice lines read.
const LIGNES_MAX: usize = 10_000;

/// Reads the fields of a UBL `Invoice` or `CreditNote`.
pub fn lire_xml(octets: &[u8]) -> Result<Fields, ErreurFacturx> {
    let texte = String::from_utf8_lossy(octets);
    let texte = texte.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let doc = Document::parse(texte).map_err(|e| ErreurFacturx::XmlInvalide(e.to_string()))?;
    let racine = doc.root_element();
    let avoir = match racine.tag_name().name() {
        "Invoice" => {
            // BT-3 may still say credit note (381) in an Invoice document.
            texte_de(racine, &["InvoiceTypeCode"]).is_some_and(|c| c == "381")
        }
        "CreditNote" => true,
        autre => return Err(ErreurFacturx::PasUneFactureCii(autre.to_string())),
    };
    let devise = texte_de(racine, &["DocumentCurrencyCode"]).map(|d| d.to_uppercase());
    let vendeur = chemin(racine, &["AccountingSupplierParty", "Party"]);
    let acheteur = chemin(racine, &["AccountingCustomerParty", "Party"]);
    let totaux = enfant(racine, "LegalMonetaryTotal");
    let montant = |nom: &str| {
        totaux
            .and_then(|t| texte_de(t, &[nom]))
            .and_then(|v| deux_decimales(&v))
    };
    // BT-110 is the TaxTotal in the invoice currency (a second one may give the accounting currency).
    let taxes: Vec<Node> = racine
        .children()
        .filter(|n| n.tag_name().name() == "TaxTotal")
        .collect();
    let taxe_facture = taxes
        .iter()
        .find(|t| {
            enfant(**t, "TaxAmount").is_some_and(|m| {
                match (m.attribute("currencyID"), devise.as_deref()) {
                    (Some(c), Some(d)) => c.eq_ignore_ascii_case(d),
                    _ => true,
                }
            })
        })
        .or(taxes.first())
        .copied();

    let mut fields = Fields {
        invoice_number: texte_de(racine, &["ID"]),
        invoice_date: texte_de(racine, &["IssueDate"]).and_then(|d| date_102(&d)),
        invoice_type: Some(if avoir { "AVOIR" } else { "FACTURE" }.to_string()),
        currency: devise.clone(),
        supplier_siret: vendeur.and_then(siret),
        supplier_vat: vendeur.and_then(tva),
        recipient_siret: acheteur.and_then(siret),
        service_code: texte_de(racine, &["BuyerReference"]),
        engagement_number: texte_de(racine, &["OrderReference", "ID"]),
        market_number: texte_de(racine, &["ContractDocumentReference", "ID"]),
        total_ht: montant("TaxExclusiveAmount"),
        total_vat: taxe_facture
            .and_then(|t| texte_de(t, &["TaxAmount"]))
            .and_then(|v| deux_decimales(&v)),
        total_ttc: montant("TaxInclusiveAmount"),
        amount_due: montant("PayableAmount"),
        iban: racine
            .children()
            .filter(|n| n.tag_name().name() == "PaymentMeans")
            .find_map(|m| texte_de(m, &["PayeeFinancialAccount", "ID"]))
            .map(|i| identifiant(&i)),
        vat_breakdown: None,
        lines: None,
    };
    let ventilation: Vec<VatEntry> = taxe_facture
        .map(|t| {
            t.children()
                .filter(|n| n.tag_name().name() == "TaxSubtotal")
                .filter_map(|s| {
                    Some(VatEntry {
                        rate: texte_de(s, &["TaxCategory", "Percent"])
                            .and_then(|v| deux_decimales(&v))
                            .unwrap_or_else(|| "0.00".to_string()),
                        base: texte_de(s, &["TaxableAmount"]).and_then(|v| deux_decimales(&v))?,
                        amount: texte_de(s, &["TaxAmount"]).and_then(|v| deux_decimales(&v))?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    if !ventilation.is_empty() {
        fields.vat_breakdown = Some(ventilation);
    }
    let lignes: Vec<LineItem> = racine
        .children()
        .filter(|n| matches!(n.tag_name().name(), "InvoiceLine" | "CreditNoteLine"))
        .take(LIGNES_MAX)
        .map(ligne)
        .collect();
    if !lignes.is_empty() {
        fields.lines = Some(lignes);
    }
    Ok(fields)
}

fn ligne(n: Node) -> LineItem {
    let quantite_facturee =
        texte_de(n, &["InvoicedQuantity"]).or_else(|| texte_de(n, &["CreditedQuantity"]));
    LineItem {
        description: texte_de(n, &["Item", "Name"]),
        quantity: quantite_facturee.and_then(|q| quantite(&q)),
        unit_price: texte_de(n, &["Price", "PriceAmount"]).and_then(|v| deux_decimales(&v)),
        vat_rate: texte_de(n, &["Item", "ClassifiedTaxCategory", "Percent"])
            .and_then(|v| deux_decimales(&v)),
        net_amount: texte_de(n, &["LineExtensionAmount"]).and_then(|v| deux_decimales(&v)),
    }
}

fn chemin<'a, 'i>(n: Node<'a, 'i>, noms: &[&str]) -> Option<Node<'a, 'i>> {
    noms.iter().try_fold(n, |courant, nom| enfant(courant, nom))
}

/// BT-30 / BT-47 (`PartyLegalEntity/CompanyID`) or BT-29 / BT-46 (`PartyIdentification/ID`), then the
/// electronic address (BT-34 / BT-49): a SIRET is 14 digits under scheme 0009, or 0002 when it
/// nevertheless has 14 digits.
fn siret(partie: Node) -> Option<String> {
    let candidats = partie
        .children()
        .filter(|n| n.tag_name().name() == "PartyLegalEntity")
        .filter_map(|e| enfant(e, "CompanyID"))
        .chain(
            partie
                .children()
                .filter(|n| n.tag_name().name() == "PartyIdentification")
                .filter_map(|i| enfant(i, "ID")),
        )
        .chain(enfant(partie, "EndpointID"));
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

/// BT-31: the `PartyTaxScheme` whose `TaxScheme/ID` is `VAT`.
fn tva(partie: Node) -> Option<String> {
    partie
        .children()
        .filter(|n| n.tag_name().name() == "PartyTaxScheme")
        .find(|s| {
            texte_de(*s, &["TaxScheme", "ID"]).is_some_and(|id| id.eq_ignore_ascii_case("VAT"))
        })
        .and_then(|s| texte_de(s, &["CompanyID"]))
        .map(|v| identifiant(&v))
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const UBL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
 <cbc:ID> UBL-2026-014 </cbc:ID>
 <cbc:IssueDate>2026-11-03</cbc:IssueDate>
 <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
 <cbc:DocumentCurrencyCode>eur</cbc:DocumentCurrencyCode>
 <cbc:BuyerReference>SERV-COMPTA</cbc:BuyerReference>
 <cac:OrderReference><cbc:ID>EJ-4500012345</cbc:ID></cac:OrderReference>
 <cac:ContractDocumentReference><cbc:ID>MARCHE-2026-07</cbc:ID></cac:ContractDocumentReference>
 <cac:AccountingSupplierParty><cac:Party>
  <cbc:EndpointID schemeID="0225">ignored</cbc:EndpointID>
  <cac:PartyTaxScheme><cbc:CompanyID>FR 40 303265045</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  <cac:PartyLegalEntity><cbc:RegistrationName>ACME</cbc:RegistrationName><cbc:CompanyID schemeID="0009">303 265 045 00015</cbc:CompanyID></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingSupplierParty>
 <cac:AccountingCustomerParty><cac:Party>
  <cac:PartyIdentification><cbc:ID schemeID="0009">11000201100044</cbc:ID></cac:PartyIdentification>
 </cac:Party></cac:AccountingCustomerParty>
 <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
  <cac:PayeeFinancialAccount><cbc:ID>fr76 3000 6000 0112 3456 7890 189</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
 <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">140.00</cbc:TaxAmount>
  <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">500</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">100</cbc:TaxAmount>
   <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent></cac:TaxCategory></cac:TaxSubtotal>
  <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">400</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">40</cbc:TaxAmount>
   <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>10</cbc:Percent></cac:TaxCategory></cac:TaxSubtotal>
 </cac:TaxTotal>
 <cac:LegalMonetaryTotal>
  <cbc:LineExtensionAmount currencyID="EUR">900.00</cbc:LineExtensionAmount>
  <cbc:TaxExclusiveAmount currencyID="EUR">900.00</cbc:TaxExclusiveAmount>
  <cbc:TaxInclusiveAmount currencyID="EUR">1040.00</cbc:TaxInclusiveAmount>
  <cbc:PrepaidAmount currencyID="EUR">40.00</cbc:PrepaidAmount>
  <cbc:PayableAmount currencyID="EUR">1000.00</cbc:PayableAmount>
 </cac:LegalMonetaryTotal>
 <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="C62">5.000</cbc:InvoicedQuantity>
  <cbc:LineExtensionAmount currencyID="EUR">500</cbc:LineExtensionAmount>
  <cac:Item><cbc:Name>Audit</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="EUR">100</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
 <cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:InvoicedQuantity unitCode="C62">4</cbc:InvoicedQuantity>
  <cbc:LineExtensionAmount currencyID="EUR">400</cbc:LineExtensionAmount>
  <cac:Item><cbc:Name>Formation</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>10</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="EUR">100</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
</Invoice>"#;

    #[test]
    fn a_ubl_invoice_gives_every_business_term() {
        let f = lire_xml(UBL.as_bytes()).unwrap();
        assert_eq!(f.invoice_number.as_deref(), Some("UBL-2026-014"));
        assert_eq!(f.invoice_date.as_deref(), Some("2026-11-03"));
        assert_eq!(f.invoice_type.as_deref(), Some("FACTURE"));
        assert_eq!(f.currency.as_deref(), Some("EUR"));
        assert_eq!(f.supplier_siret.as_deref(), Some("30326504500015"));
        assert_eq!(f.supplier_vat.as_deref(), Some("FR40303265045"));
        assert_eq!(f.recipient_siret.as_deref(), Some("11000201100044"));
        assert_eq!(f.service_code.as_deref(), Some("SERV-COMPTA"));
        assert_eq!(f.engagement_number.as_deref(), Some("EJ-4500012345"));
        assert_eq!(f.market_number.as_deref(), Some("MARCHE-2026-07"));
        assert_eq!(f.total_ht.as_deref(), Some("900.00"));
        assert_eq!(f.total_vat.as_deref(), Some("140.00"));
        assert_eq!(f.total_ttc.as_deref(), Some("1040.00"));
        assert_eq!(f.amount_due.as_deref(), Some("1000.00"));
        assert_eq!(f.iban.as_deref(), Some("FR7630006000011234567890189"));
        let tva = f.vat_breakdown.unwrap();
        assert_eq!(tva.len(), 2);
        assert_eq!(
            (
                tva[1].rate.as_str(),
                tva[1].base.as_str(),
                tva[1].amount.as_str()
            ),
            ("10.00", "400.00", "40.00")
        );
        let lignes = f.lines.unwrap();
        assert_eq!(lignes.len(), 2);
        assert_eq!(lignes[0].description.as_deref(), Some("Audit"));
        assert_eq!(lignes[0].quantity.as_deref(), Some("5"));
        assert_eq!(lignes[0].unit_price.as_deref(), Some("100.00"));
        assert_eq!(lignes[0].vat_rate.as_deref(), Some("20.00"));
        assert_eq!(lignes[1].net_amount.as_deref(), Some("400.00"));
    }

    #[test]
    fn a_credit_note_is_an_avoir_and_other_roots_are_refused() {
        let avoir = r#"<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">
            <cbc:ID>AV-1</cbc:ID><cac:CreditNoteLine><cbc:CreditedQuantity>2</cbc:CreditedQuantity></cac:CreditNoteLine></CreditNote>"#;
        let f = lire_xml(avoir.as_bytes()).unwrap();
        assert_eq!(f.invoice_type.as_deref(), Some("AVOIR"));
        assert_eq!(f.lines.unwrap()[0].quantity.as_deref(), Some("2"));
        assert!(matches!(
            lire_xml(b"<Order xmlns=\"urn:x\"/>"),
            Err(ErreurFacturx::PasUneFactureCii(_))
        ));
        assert!(matches!(
            lire_xml(b"<Invoice>"),
            Err(ErreurFacturx::XmlInvalide(_))
        ));
    }
}
