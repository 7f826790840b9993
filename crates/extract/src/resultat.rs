//! The extraction result, exactly as `shared/design/extraction-contract.md` spells it.
//!
//! JSON keys are the contract's (an external format), so they stay in English here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::layout::BBox;

/// Where the values came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// An embedded Factur-X / ZUGFeRD CII XML.
    Facturx,
    /// The text layer of the first pages.
    Text,
    /// No usable text (a scan), or the file could not be read.
    None,
}

/// One VAT breakdown entry (BG-23). Decimal strings with a dot and two decimals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatEntry {
    /// Rate in percent, e.g. `"20.00"`.
    pub rate: String,
    /// Taxable base.
    pub base: String,
    /// VAT amount.
    pub amount: String,
}

/// One invoice line, values as printed in normal form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LineItem {
    /// Description of the good or service.
    pub description: Option<String>,
    /// Quantity, without trailing zeros.
    pub quantity: Option<String>,
    /// Unit price, two decimals.
    pub unit_price: Option<String>,
    /// VAT rate, two decimals.
    pub vat_rate: Option<String>,
    /// Line net amount, two decimals.
    pub net_amount: Option<String>,
}

/// The fields of the contract; `None` when the document does not show the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Fields {
    /// BT-1, this document's number.
    pub invoice_number: Option<String>,
    /// BT-2, issue date `YYYY-MM-DD`.
    pub invoice_date: Option<String>,
    /// `FACTURE` or `AVOIR`.
    pub invoice_type: Option<String>,
    /// ISO 4217 code.
    pub currency: Option<String>,
    /// Seller's SIRET (14 digits).
    pub supplier_siret: Option<String>,
    /// Seller's VAT number.
    pub supplier_vat: Option<String>,
    /// Public buyer's SIRET.
    pub recipient_siret: Option<String>,
    /// Chorus Pro code service (BT-10).
    pub service_code: Option<String>,
    /// Engagement / order reference (BT-13).
    pub engagement_number: Option<String>,
    /// Contract (marché) reference (BT-12).
    pub market_number: Option<String>,
    /// BT-109.
    pub total_ht: Option<String>,
    /// BT-110.
    pub total_vat: Option<String>,
    /// BT-112.
    pub total_ttc: Option<String>,
    /// BT-115.
    pub amount_due: Option<String>,
    /// BT-84.
    pub iban: Option<String>,
    /// BG-23, one entry per rate; `None` when nothing was found.
    pub vat_breakdown: Option<Vec<VatEntry>>,
    /// Invoice lines (reported separately by the scoring).
    pub lines: Option<Vec<LineItem>>,
}

/// Where a field's value was read on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// 1-based page number.
    pub page: u32,
    /// Box of the value in PDF user space.
    pub bbox: BBox,
    /// The label that announced the value, as printed.
    pub label: Option<String>,
}

/// The result of extracting one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Where the values came from.
    pub source: Source,
    /// Number of pages of the document (0 when it could not be read).
    pub pages: u32,
    /// A clear, user-facing message when the document could not be read.
    pub error: Option<String>,
    /// The fields.
    pub fields: Fields,
    /// Provenance per field name (contract key), for fields found in the text layer.
    pub provenance: BTreeMap<String, Provenance>,
    /// Human-readable notes on inconsistencies.
    pub warnings: Vec<String>,
}
