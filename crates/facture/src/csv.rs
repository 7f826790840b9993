//! CSV documents for a spreadsheet in French: `;` between cells, CRLF line ends, a UTF-8 byte order mark
//! so accents open right, cells quoted when they hold `;`, `"` or a line break. Cells that a spreadsheet
//! would run as a formula (`=`, `+`, `@` first, or `-` not followed by a number) are prefixed with `'`.
//!
//! ```
//! let csv = facture::csv::document(&["Numéro", "Sujet"], [vec!["1".to_owned(), "a;b".to_owned()]]);
//! assert_eq!(csv, "\u{FEFF}Numéro;Sujet\r\n1;\"a;b\"\r\n");
//! ```

use rust_decimal::Decimal;

/// A whole CSV document: the header row, then one row per item of `lignes`.
pub fn document<L>(entetes: &[&str], lignes: impl IntoIterator<Item = L>) -> String
where
    L: IntoIterator<Item = String>,
{
    let mut csv = String::from("\u{FEFF}");
    ligne(&mut csv, entetes.iter().map(|c| c.to_string()));
    for cellules in lignes {
        ligne(&mut csv, cellules.into_iter());
    }
    csv
}

fn ligne(csv: &mut String, cellules: impl Iterator<Item = String>) {
    let cellules: Vec<String> = cellules.map(|c| cellule(&c)).collect();
    csv.push_str(&cellules.join(";"));
    csv.push_str("\r\n");
}

/// One cell, escaped.
pub fn cellule(texte: &str) -> String {
    let formule = texte.starts_with(['=', '+', '@'])
        || (texte.starts_with('-') && texte.replace(',', ".").parse::<Decimal>().is_err());
    let texte = if formule {
        format!("'{texte}")
    } else {
        texte.to_owned()
    };
    if texte.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", texte.replace('"', "\"\""))
    } else {
        texte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cellule("simple"), "simple");
        assert_eq!(cellule("a;b"), "\"a;b\"");
        assert_eq!(cellule("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(cellule("deux\nlignes"), "\"deux\nlignes\"");
        assert_eq!(cellule("=SOMME(A1)"), "'=SOMME(A1)");
        assert_eq!(cellule("@cmd"), "'@cmd");
        assert_eq!(cellule("-12,50"), "-12,50");
        assert_eq!(cellule("-x"), "'-x");
    }

    #[test]
    fn a_document_has_a_bom_a_header_and_crlf_rows() {
        let csv = document(
            &["A", "B"],
            [
                vec!["1".to_owned(), "é".to_owned()],
                vec!["2".to_owned(), String::new()],
            ],
        );
        assert_eq!(csv, "\u{FEFF}A;B\r\n1;é\r\n2;\r\n");
        assert_eq!(document::<Vec<String>>(&["A"], []), "\u{FEFF}A\r\n");
    }
}
