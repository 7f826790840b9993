//! Value parsers: amounts, rates, dates and identifiers as printed on invoices, to the contract's normal forms.
//!
//! Each parser takes the whole text of a candidate value (already cut out of a line) and returns
//! `None` when the text is not exactly such a value: callers try several cuts and keep the one
//! that parses, so a parser must never accept a text with something extra around the value.
//!
//! ```
//! use extract::valeurs;
//! assert_eq!(valeurs::montant_normal("1 234,56 €").as_deref(), Some("1234.56"));
//! assert_eq!(valeurs::date("3 novembre 2025").as_deref(), Some("2025-11-03"));
//! ```

use facture::identifiant::{Iban, Siren, Siret, TvaIntra};
use rust_decimal::Decimal;

/// Parses an amount: French (`1 234,56`, `1.234,56`) or English (`1,234.56`) grouping, regular,
/// no-break (U+00A0), thin (U+2009), narrow no-break (U+202F) and figure (U+2007) spaces as
/// thousands separators, an optional `€` / `EUR` before or after, negative as `-12,00`, `- 12,00`,
/// `−12,00`, `12,00-` or `(12,00)`. Returns the value with two decimals.
pub fn montant(texte: &str) -> Option<Decimal> {
    let mut reste = texte.trim();
    let mut negatif = false;
    if let Some(dedans) = reste.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negatif = true;
        reste = dedans.trim();
    }
    reste = sans_devise(reste);
    for signe in ['-', '−', '–'] {
        if let Some(apres) = reste.strip_prefix(signe) {
            negatif = !negatif;
            reste = sans_devise(apres.trim_start());
            break;
        }
        if let Some(avant) = reste.strip_suffix(signe) {
            negatif = !negatif;
            reste = sans_devise(avant.trim_end());
            break;
        }
    }
    let (entier, decimales) = separer_decimales(reste)?;
    let chiffres_entier = grouper(entier)?;
    if decimales.len() > 4 || !decimales.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut nombre = format!("{chiffres_entier}.{decimales}");
    if decimales.is_empty() {
        nombre.push('0');
    }
    let mut valeur: Decimal = nombre.parse().ok()?;
    if negatif {
        valeur = -valeur;
    }
    Some(valeur.round_dp(2))
}

/// [`montant`] in the contract's normal form: dot, two decimals (`"1234.50"`).
pub fn montant_normal(texte: &str) -> Option<String> {
    montant(texte).map(format_deux_decimales)
}

/// Formats a decimal with a dot and exactly two decimals (`"1234.50"`, `"-12.00"`).
pub fn format_deux_decimales(valeur: Decimal) -> String {
    let mut arrondi = valeur.round_dp(2);
    arrondi.rescale(2);
    arrondi.to_string()
}

/// Parses a VAT rate printed with a percent sign: `20 %`, `5,5%`, `20,00 %`, `20.00%`.
pub fn taux(texte: &str) -> Option<Decimal> {
    let sans_pourcent = texte.trim().strip_suffix('%')?;
    taux_nu(sans_pourcent)
}

/// Parses a VAT rate without its percent sign (a cell under a "Taux" heading): `20`, `5,5`, `20.00`.
/// Only rates from 0 to 100 with at most two decimals.
pub fn taux_nu(texte: &str) -> Option<Decimal> {
    let t = texte.trim().trim_end_matches(|c: char| c.is_whitespace());
    if t.is_empty() || t.len() > 6 {
        return None;
    }
    let mut separateurs = 0;
    for c in t.chars() {
        match c {
            '0'..='9' => {}
            ',' | '.' => separateurs += 1,
            _ => return None,
        }
    }
    if separateurs > 1 {
        return None;
    }
    let valeur: Decimal = t.replace(',', ".").parse().ok()?;
    if valeur < Decimal::ZERO || valeur > Decimal::ONE_HUNDRED || valeur.scale() > 2 {
        return None;
    }
    let mut valeur = valeur;
    valeur.rescale(2);
    Some(valeur)
}

/// Parses a date to `YYYY-MM-DD`: `03/11/2025`, `3/11/25`, `03-11-2025`, `03.11.2025` (day first, as in
/// France), `2025-11-03`, `3 novembre 2025`, `1er mars 2025`, `3 nov. 2025`, `November 3, 2025`,
/// `3 Nov 2025`. Impossible dates (31 April, 29 February of a common year) are rejected.
pub fn date(texte: &str) -> Option<String> {
    let t = texte.trim().trim_end_matches(['.', ',']);
    date_numerique(t).or_else(|| date_en_lettres(t))
}

/// Parses a SIRET (14 digits, spaces allowed) checked by `facture::identifiant::Siret`.
/// A SIREN (9 digits) is not a SIRET and is rejected.
pub fn siret(texte: &str) -> Option<String> {
    let chiffres = chiffres_et_espaces(texte)?;
    Siret::parse(&chiffres).ok().map(|s| s.as_str().to_owned())
}

/// Parses a SIREN (9 digits, spaces allowed), Luhn-checked.
pub fn siren(texte: &str) -> Option<String> {
    let chiffres = chiffres_et_espaces(texte)?;
    Siren::parse(&chiffres).ok().map(|s| s.as_str().to_owned())
}

/// Parses an intra-community VAT number (`FR 32 406680314`, `FR32406680314`); French keys are checked.
pub fn tva_intra(texte: &str) -> Option<String> {
    let compact: String = texte
        .chars()
        .filter(|c| !est_espace(*c))
        .collect::<String>()
        .to_uppercase();
    if compact.len() < 4 || !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    TvaIntra::parse(&compact)
        .ok()
        .map(|t| t.as_str().to_owned())
}

/// Parses an IBAN printed in groups (`FR76 3000 6000 0112 3456 7890 189`) or compact; mod-97 checked.
pub fn iban(texte: &str) -> Option<String> {
    let compact: String = texte
        .chars()
        .filter(|c| !est_espace(*c))
        .collect::<String>()
        .to_uppercase();
    if !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Iban::parse(&compact).ok().map(|i| i.as_str().to_owned())
}

/// Parses an invoice number: one token of letters, digits and `- / _ .`, at least one digit, at most
/// 35 characters (Chorus Pro's `numeroFacture` limit is 20; longer ones are still returned as printed).
pub fn numero_facture(texte: &str) -> Option<String> {
    let t = texte.trim().trim_end_matches(['.', ',', ';', ':']);
    let t = t.strip_prefix('#').unwrap_or(t).trim_start();
    let valide = !t.is_empty()
        && t.chars().count() <= 35
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '_' | '.'))
        && t.chars().next().is_some_and(|c| c.is_alphanumeric());
    valide.then(|| t.to_owned())
}

/// Parses a reference (code service, engagement, contract number): one token of letters, digits and
/// `- / _ .`, 1 to 50 characters, no trailing punctuation.
pub fn reference(texte: &str) -> Option<String> {
    let t = texte.trim().trim_end_matches(['.', ',', ';', ':']);
    let valide = !t.is_empty()
        && t.chars().count() <= 50
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '_' | '.'))
        && t.chars().next().is_some_and(|c| c.is_alphanumeric());
    valide.then(|| t.to_owned())
}

/// Whether the character separates digit groups: regular, no-break, thin, narrow and figure spaces.
pub fn est_espace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{2008}' | '\u{200a}' | '\t'
    )
}

fn sans_devise(texte: &str) -> &str {
    let mut t = texte.trim();
    for devise in [
        "€", "EUR", "eur", "euros", "Euros", "EUROS", "$", "USD", "£", "GBP", "CHF",
    ] {
        if let Some(r) = t.strip_suffix(devise) {
            t = r.trim_end();
            break;
        }
        if let Some(r) = t.strip_prefix(devise) {
            t = r.trim_start();
            break;
        }
    }
    t
}

/// Splits an amount into its integer part (with grouping) and decimals, choosing the decimal separator.
fn separer_decimales(texte: &str) -> Option<(&str, &str)> {
    let derniere = texte.rfind([',', '.']);
    let Some(pos) = derniere else {
        return Some((texte, ""));
    };
    let (avant, apres_sep) = texte.split_at(pos);
    let apres = apres_sep.get(1..)?;
    let sep = apres_sep.chars().next()?;
    let autre = if sep == ',' { '.' } else { ',' };
    let n_meme = texte.matches(sep).count();
    let decimal = if avant.contains(autre) {
        // Both separators: the last one is the decimal separator ("1.234,56", "1,234.56").
        true
    } else if n_meme > 1 {
        // "1.234.567" or "1,234,567": repeated, so grouping.
        false
    } else {
        // One separator: decimals unless exactly three digits follow ("1.234", "1,234").
        apres.len() != 3
    };
    if decimal {
        if apres.is_empty() || apres.contains(est_espace) {
            return None;
        }
        Some((avant, apres))
    } else {
        Some((texte, ""))
    }
}

/// Removes thousands separators from an integer part, checking groups of three digits.
fn grouper(entier: &str) -> Option<String> {
    let groupes: Vec<&str> = entier
        .split(|c: char| est_espace(c) || matches!(c, '.' | ',' | '\''))
        .collect();
    let premier = groupes.first()?;
    if premier.is_empty() || premier.len() > 3 && groupes.len() > 1 {
        return None;
    }
    let mut sortie = String::new();
    for (i, groupe) in groupes.iter().enumerate() {
        if !groupe.bytes().all(|b| b.is_ascii_digit()) || (i > 0 && groupe.len() != 3) {
            return None;
        }
        sortie.push_str(groupe);
    }
    if sortie.is_empty() || sortie.len() > 15 {
        return None;
    }
    Some(sortie)
}

fn chiffres_et_espaces(texte: &str) -> Option<String> {
    let mut chiffres = String::new();
    for c in texte.trim().chars() {
        if c.is_ascii_digit() {
            chiffres.push(c);
        } else if !est_espace(c) {
            return None;
        }
    }
    Some(chiffres)
}

fn date_numerique(t: &str) -> Option<String> {
    let sep = t.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parties: Vec<&str> = t.split(sep).collect();
    let [a, b, c] = parties.as_slice() else {
        return None;
    };
    let nombre = |s: &str, min: usize, max: usize| -> Option<u32> {
        let s = s.trim();
        if s.len() < min || s.len() > max || !s.bytes().all(|x| x.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    if a.trim().len() == 4 {
        // ISO order: 2025-11-03 (and 2025/11/03).
        return date_valide(nombre(a, 4, 4)?, nombre(b, 1, 2)?, nombre(c, 1, 2)?);
    }
    let jour = nombre(a, 1, 2)?;
    let mois = nombre(b, 1, 2)?;
    let annee = match c.trim().len() {
        2 => 2000 + nombre(c, 2, 2)?,
        4 => nombre(c, 4, 4)?,
        _ => return None,
    };
    // Day first, as printed in France; a first part that cannot be a day's month is US order.
    date_valide(annee, mois, jour).or_else(|| {
        if mois > 12 {
            date_valide(annee, jour, mois)
        } else {
            None
        }
    })
}

fn date_en_lettres(t: &str) -> Option<String> {
    let mots: Vec<String> = t
        .split(|c: char| est_espace(c) || c == ',')
        .filter(|m| !m.is_empty())
        .map(|m| m.trim_end_matches('.').to_lowercase())
        .collect();
    // A leading weekday ("lundi 3 mars 2025", "Monday, March 3, 2025") says nothing more.
    const JOURS: [&str; 14] = [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let mots = match mots.split_first() {
        Some((premier, reste)) if reste.len() == 3 && JOURS.contains(&premier.as_str()) => reste,
        _ => mots.as_slice(),
    };
    let [x, y, z] = mots else {
        return None;
    };
    let annee = annee(z)?;
    // "3 novembre 2025", "1er mars 2025", "3 Nov 2025", "3rd November 2025".
    if let (Some(jour), Some(mois)) = (jour(x), mois(y)) {
        return date_valide(annee, mois, jour);
    }
    // "November 3, 2025".
    if let (Some(mois), Some(jour)) = (mois(x), jour(y)) {
        return date_valide(annee, mois, jour);
    }
    None
}

fn annee(s: &str) -> Option<u32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn jour(s: &str) -> Option<u32> {
    let chiffres = s
        .strip_suffix("er")
        .or_else(|| s.strip_suffix("st"))
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .or_else(|| s.strip_suffix("th"))
        .unwrap_or(s);
    if chiffres.is_empty() || chiffres.len() > 2 || !chiffres.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    chiffres.parse().ok()
}

fn mois(s: &str) -> Option<u32> {
    const MOIS: [(&str, u32); 30] = [
        ("janvier", 1),
        ("fevrier", 2),
        ("mars", 3),
        ("avril", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("aout", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("decembre", 12),
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
        ("janv", 1),
        ("fevr", 2),
        ("juil", 7),
        ("sept", 9),
        ("sep", 9),
        ("dec", 12),
    ];
    let sans_accents: String = s.chars().map(sans_accent).collect();
    if let Some((_, m)) = MOIS.iter().find(|(nom, _)| *nom == sans_accents) {
        return Some(*m);
    }
    // Three-letter abbreviations: "nov", "jan", "feb", "oct"…
    if sans_accents.len() >= 3 {
        let debut = sans_accents.get(..3)?;
        let candidats: Vec<u32> = MOIS
            .iter()
            .take(24)
            .filter(|(nom, _)| nom.starts_with(debut) && nom.starts_with(sans_accents.as_str()))
            .map(|(_, m)| *m)
            .collect();
        if let Some(premier) = candidats.first() {
            if candidats.iter().all(|m| m == premier) {
                return Some(*premier);
            }
        }
    }
    None
}

/// Removes the accent of a lower-case French letter (for matching month names and labels).
pub fn sans_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'À' | 'Â' | 'Ä' | 'Á' => 'A',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'Î' | 'Ï' => 'I',
        'Ô' | 'Ö' => 'O',
        'Ù' | 'Û' | 'Ü' => 'U',
        'Ç' => 'C',
        autre => autre,
    }
}

fn date_valide(annee: u32, mois: u32, jour: u32) -> Option<String> {
    if !(1900..=2199).contains(&annee) || !(1..=12).contains(&mois) || jour == 0 {
        return None;
    }
    let bissextile =
        annee.is_multiple_of(4) && (!annee.is_multiple_of(100) || annee.is_multiple_of(400));
    let max = match mois {
        2 if bissextile => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (jour <= max).then(|| format!("{annee:04}-{mois:02}-{jour:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check<T: PartialEq + std::fmt::Debug>(f: fn(&str) -> Option<T>, cas: &[(&str, Option<T>)]) {
        for (entree, attendu) in cas {
            assert_eq!(f(entree), *attendu, "input {entree:?}");
        }
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn amounts_in_french_and_english_forms_parse_to_two_decimals() {
        check(
            montant_normal,
            &[
                ("1 234,56", s("1234.56")),
                ("1.234,56", s("1234.56")),
                ("1,234.56", s("1234.56")),
                ("1\u{a0}234,56 €", s("1234.56")),
                ("1\u{202f}234,56", s("1234.56")),
                ("1\u{2009}234\u{2009}567,00 EUR", s("1234567.00")),
                ("451 063,96", s("451063.96")),
                ("122.840,65 EUR", s("122840.65")),
                ("€ 12.5", s("12.50")),
                ("$1,000.00", s("1000.00")),
                ("1 000,00 CHF", s("1000.00")),
                ("40 €", s("40.00")),
                ("1000", s("1000.00")),
                ("1.234", s("1234.00")),
                ("0,00 €", s("0.00")),
                ("12,345,678.90", s("12345678.90")),
            ],
        );
    }

    #[test]
    fn negative_amounts_in_all_printed_forms_are_negative() {
        check(
            montant_normal,
            &[
                ("-12,00", s("-12.00")),
                ("- 4891,49 €", s("-4891.49")),
                ("−12,00", s("-12.00")),
                ("(12,00)", s("-12.00")),
                ("12,00-", s("-12.00")),
                ("-16 221,10 €", s("-16221.10")),
            ],
        );
    }

    #[test]
    fn texts_that_are_not_exactly_an_amount_are_rejected() {
        check(
            montant_normal,
            &[
                ("", None),
                ("abc", None),
                ("12,00 € HT", None),
                ("1 23,45", None),
                ("1234 567,00", None),
                ("20 %", None),
                ("12/11/2025", None),
                ("FR76", None),
                ("12,", None),
            ],
        );
    }

    #[test]
    fn rates_with_percent_sign_parse_to_two_decimals() {
        let f = |t: &str| taux(t).map(format_deux_decimales);
        check(
            f,
            &[
                ("20 %", s("20.00")),
                ("5,5%", s("5.50")),
                ("20,00 %", s("20.00")),
                ("20.00%", s("20.00")),
                ("2,1 %", s("2.10")),
                ("0 %", s("0.00")),
                ("20", None),
                ("120 %", None),
                ("abc %", None),
            ],
        );
    }

    #[test]
    fn dates_in_numeric_and_written_forms_parse_to_iso() {
        check(
            date,
            &[
                ("03/11/2025", s("2025-11-03")),
                ("3/11/25", s("2025-11-03")),
                ("03-11-2025", s("2025-11-03")),
                ("03.11.2025", s("2025-11-03")),
                ("2025-11-03", s("2025-11-03")),
                ("3 novembre 2025", s("2025-11-03")),
                ("1er mars 2025", s("2025-03-01")),
                ("9 août 2024", s("2024-08-09")),
                ("31 décembre 2025", s("2025-12-31")),
                ("3 déc. 2025", s("2025-12-03")),
                ("November 3, 2025", s("2025-11-03")),
                ("3 Nov 2025", s("2025-11-03")),
                ("Sept. 21, 2025", s("2025-09-21")),
                ("21st September 2025", s("2025-09-21")),
                ("lundi 3 mars 2025", s("2025-03-03")),
                ("Monday, March 3, 2025", s("2025-03-03")),
            ],
        );
    }

    #[test]
    fn impossible_or_partial_dates_are_rejected() {
        check(
            date,
            &[
                ("31/04/2025", None),
                ("29/02/2025", None),
                ("29/02/2024", s("2024-02-29")),
                ("2025-13-01", None),
                ("novembre 2025", None),
                ("3 brumaire 2025", None),
                ("12/2025", None),
                ("1234,56", None),
            ],
        );
    }

    #[test]
    fn siret_needs_fourteen_valid_digits_and_a_siren_is_not_one() {
        check(
            siret,
            &[
                ("110 002 011 00044", s("11000201100044")),
                ("11000201100044", s("11000201100044")),
                ("11000201100045", None),
                ("110002011", None),
                ("RCS 110002011", None),
            ],
        );
        check(
            siren,
            &[("110 002 011", s("110002011")), ("110 002 012", None)],
        );
    }

    #[test]
    fn vat_numbers_and_ibans_are_checked_and_compacted() {
        check(
            tva_intra,
            &[
                ("FR 17 110002011", s("FR17110002011")),
                ("fr17110002011", s("FR17110002011")),
                ("FR18110002011", None),
                ("FR", None),
            ],
        );
        check(
            iban,
            &[
                (
                    "FR76 3000 6000 0112 3456 7890 189",
                    s("FR7630006000011234567890189"),
                ),
                ("FR7630006000011234567890188", None),
                ("FR76 3000", None),
            ],
        );
    }

    #[test]
    fn invoice_numbers_need_a_digit_and_no_spaces() {
        check(
            numero_facture,
            &[
                ("F2025-0042", s("F2025-0042")),
                ("2026/6357", s("2026/6357")),
                ("#4864", s("4864")),
                ("INV-60202.", s("INV-60202")),
                ("FACTURE", None),
                ("F 2025", None),
                ("-12", None),
            ],
        );
    }
}
