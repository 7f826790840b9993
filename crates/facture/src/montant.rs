//! Amounts, quantities, rates and dates as French users type them, and EN 16931 rounding.
//!
//! ```
//! use facture::montant::{parse_montant, parse_date, arrondir_montant};
//! use rust_decimal_macros::dec;
//! assert_eq!(parse_montant("1 234,56 €").unwrap(), dec!(1234.56));
//! assert_eq!(parse_montant("1.234,56 EUR").unwrap(), dec!(1234.56));
//! assert_eq!(parse_date("3 novembre 2025").unwrap().to_string(), "2025-11-03");
//! assert_eq!(arrondir_montant(dec!(-2.005)), dec!(-2.00));
//! ```

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use thiserror::Error;

/// Decimals kept on amounts (EN 16931 BR-DEC-01…23).
pub const DECIMALES_MONTANT: u32 = 2;
/// Decimals kept on quantities (French rule BR-FR-DEC-02; GOBL's Chorus Pro addon does the same).
pub const DECIMALES_QUANTITE: u32 = 4;
/// Decimals allowed on VAT rates (French rule BR-FR-DEC-04).
pub const DECIMALES_TAUX: u32 = 2;

/// Why a text is not a number (amount, quantity or rate).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NombreError {
    /// Occurs when nothing is left once spaces and the currency are removed.
    #[error("empty number")]
    Vide,
    /// Occurs when a character that cannot be part of a number is found.
    #[error("invalid character {caractere:?} in number")]
    CaractereInvalide {
        /// The offending character.
        caractere: char,
    },
    /// Occurs when separators are misplaced (`1,2,3`, `1.23.4`, `12,,5`).
    #[error("misplaced thousands or decimal separator")]
    Separateurs,
    /// Occurs when the value does not fit a 96-bit decimal.
    #[error("number too large")]
    Depassement,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// Occurs when the text matches none of the accepted shapes.
    #[error("unrecognised date {0:?}; expected 03/11/2025, 3 novembre 2025 or 2025-11-03")]
    Format(String),
    /// Occurs when the shape is right but the day does not exist (31/02/2025).
    #[error("no such day: {annee:04}-{mois:02}-{jour:02}")]
    JourInexistant {
        /// Year read.
        annee: i32,
        /// Month read.
        mois: u32,
        /// Day read.
        jour: u32,
    },
}

/// What kind of number is read; it only changes how a lone dot followed by 3 digits is understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sorte {
    /// In French amounts `1.234` is one thousand two hundred thirty-four.
    Montant,
    /// Quantities and rates: `1.234` is a decimal number.
    Decimal,
}

/// Parses an amount as typed or printed in France: `1 234,56`, `1.234,56`, `1234.56`, `1,234.56`,
/// with normal, no-break (U+00A0) or thin (U+202F, U+2009) spaces, `€`, `EUR` or `euros`, and a
/// leading sign. A lone dot followed by exactly three digits (`1.234`) is a thousands separator.
/// The value is returned as written, not rounded.
pub fn parse_montant(texte: &str) -> Result<Decimal, NombreError> {
    let sans_devise = retirer_devise(texte);
    parse_nombre(&sans_devise, Sorte::Montant)
}

/// Parses a quantity (`1,5`, `1 000`, `2.25`); a lone dot is always the decimal separator.
pub fn parse_quantite(texte: &str) -> Result<Decimal, NombreError> {
    parse_nombre(texte, Sorte::Decimal)
}

/// Parses a VAT rate in percent (`20`, `5,5 %`, `2.1%`).
pub fn parse_taux(texte: &str) -> Result<Decimal, NombreError> {
    let sans_pourcent = texte.trim().trim_end_matches('%');
    parse_nombre(sans_pourcent, Sorte::Decimal)
}

/// Rounds half toward +∞, like XPath `round()` used by the EN 16931 schematron
/// (`round(x·100) div 100`): 2.5 → 3, −2.5 → −2.
pub fn arrondir(valeur: Decimal, decimales: u32) -> Decimal {
    let strategie = if valeur.is_sign_negative() {
        RoundingStrategy::MidpointTowardZero
    } else {
        RoundingStrategy::MidpointAwayFromZero
    };
    let mut arrondi = valeur.round_dp_with_strategy(decimales, strategie);
    // Keep a fixed scale so that "12.5" and "12.50" compare and print alike.
    arrondi.rescale(decimales);
    if arrondi.is_zero() {
        // −0.004 rounds to "-0.00"; print and compare it as 0.
        arrondi.set_sign_positive(true);
    }
    arrondi
}

/// Rounds an amount to 2 decimals, half toward +∞ (EN 16931 BR-DEC, schematron rounding).
pub fn arrondir_montant(valeur: Decimal) -> Decimal {
    arrondir(valeur, DECIMALES_MONTANT)
}

/// Rounds a quantity to 4 decimals, half toward +∞ (BR-FR-DEC-02).
pub fn arrondir_quantite(valeur: Decimal) -> Decimal {
    let mut arrondi = arrondir(valeur, DECIMALES_QUANTITE);
    arrondi.normalize_assign();
    arrondi
}

/// Formats an amount the French way with 2 decimals: `1 234,56` (U+202F narrow no-break space
/// between thousands, as the French typographic convention).
pub fn formater_montant(valeur: Decimal) -> String {
    let arrondi = arrondir_montant(valeur);
    let texte = arrondi.abs().to_string();
    let (entier, decimales) = texte.split_once('.').unwrap_or((texte.as_str(), "00"));
    let mut groupes = String::new();
    for (i, c) in entier.chars().enumerate() {
        if i > 0 && (entier.len() - i) % 3 == 0 {
            groupes.push('\u{202F}');
        }
        groupes.push(c);
    }
    let signe = if arrondi.is_sign_negative() { "-" } else { "" };
    format!("{signe}{groupes},{decimales}")
}

/// Parses a date: `03/11/2025`, `3/11/2025`, `03.11.2025`, `03-11-2025`, `03/11/25` (20xx),
/// `3 novembre 2025`, `1er nov. 2025`, `03 NOVEMBRE 2025`, or ISO `2025-11-03`.
pub fn parse_date(texte: &str) -> Result<NaiveDate, DateError> {
    let nettoye: String = texte
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let format = || DateError::Format(texte.to_owned());
    let construire = |annee: i32, mois: u32, jour: u32| {
        NaiveDate::from_ymd_opt(annee, mois, jour).ok_or(DateError::JourInexistant {
            annee,
            mois,
            jour,
        })
    };

    // ISO 8601 calendar date, as sent by Chorus Pro clients.
    if let Some((a, reste)) = nettoye.split_once('-') {
        if a.len() == 4 {
            let (m, j) = reste.split_once('-').ok_or_else(format)?;
            return construire(
                entier(a).ok_or_else(format)?,
                entier_u(m).ok_or_else(format)?,
                entier_u(j).ok_or_else(format)?,
            );
        }
    }

    // Numeric day-month-year with '/', '.' or '-'.
    let morceaux: Vec<&str> = nettoye.split(['/', '.', '-']).map(str::trim).collect();
    if let [j, m, a] = morceaux.as_slice() {
        if [j, m, a]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let annee = match a.len() {
                2 => 2000 + entier(a).ok_or_else(format)?,
                4 => entier(a).ok_or_else(format)?,
                _ => return Err(format()),
            };
            return construire(
                annee,
                entier_u(m).ok_or_else(format)?,
                entier_u(j).ok_or_else(format)?,
            );
        }
    }

    // Day, French month name, year.
    let mots: Vec<&str> = nettoye.split(' ').filter(|m| !m.is_empty()).collect();
    if let [j, m, a] = mots.as_slice() {
        let jour_texte = j.trim_end_matches("er");
        let jour = entier_u(jour_texte).ok_or_else(format)?;
        let mois = mois_francais(m).ok_or_else(format)?;
        let annee = entier(a).filter(|_| a.len() == 4).ok_or_else(format)?;
        return construire(annee, mois, jour);
    }
    Err(format())
}

fn entier(texte: &str) -> Option<i32> {
    if texte.is_empty() || !texte.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    texte.parse().ok()
}

fn entier_u(texte: &str) -> Option<u32> {
    entier(texte).and_then(|n| u32::try_from(n).ok())
}

/// The month number of a French month name, full or abbreviated, with or without accents.
fn mois_francais(mot: &str) -> Option<u32> {
    let minuscule: String = mot
        .trim_end_matches('.')
        .chars()
        .map(|c| match c.to_lowercase().next().unwrap_or(c) {
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ù' => 'u',
            autre => autre,
        })
        .collect();
    let mois = match minuscule.as_str() {
        "janvier" | "janv" | "jan" => 1,
        "fevrier" | "fevr" | "fev" => 2,
        "mars" | "mar" => 3,
        "avril" | "avr" => 4,
        "mai" => 5,
        "juin" => 6,
        "juillet" | "juil" => 7,
        "aout" => 8,
        "septembre" | "sept" | "sep" => 9,
        "octobre" | "oct" => 10,
        "novembre" | "nov" => 11,
        "decembre" | "dec" => 12,
        _ => return None,
    };
    Some(mois)
}

/// Removes a currency mark (`€`, `EUR`, `euro(s)`) at either end.
fn retirer_devise(texte: &str) -> String {
    let mut reste = texte.trim();
    loop {
        let avant = reste;
        for marque in ["€", "EUR", "eur", "Eur", "euros", "euro", "EUROS", "EURO"] {
            reste = reste.strip_suffix(marque).unwrap_or(reste).trim();
            reste = reste.strip_prefix(marque).unwrap_or(reste).trim();
        }
        if reste == avant {
            return reste.to_owned();
        }
    }
}

fn parse_nombre(texte: &str, sorte: Sorte) -> Result<Decimal, NombreError> {
    let mut corps: String = texte
        .chars()
        .filter(|c| {
            !(c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\''))
        })
        .collect();
    let negatif = match corps.chars().next() {
        Some('-' | '\u{2212}') => true,
        Some('+') => false,
        _ => {
            corps.insert(0, '+');
            false
        }
    };
    let chiffres: String = corps.chars().skip(1).collect();
    if chiffres.is_empty() {
        return Err(NombreError::Vide);
    }
    if let Some(caractere) = chiffres
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
    {
        return Err(NombreError::CaractereInvalide { caractere });
    }
    let virgules = chiffres.matches(',').count();
    let points = chiffres.matches('.').count();
    // Which character separates decimals, if any: the last of two different kinds, a single comma,
    // or a single dot unless it reads as a French thousands separator in an amount.
    let decimal = match (virgules, points) {
        (0, 0) => None,
        (_, 0) if virgules > 1 => None,
        (0, _) if points > 1 => None,
        (1, 0) => Some(','),
        (0, 1) => {
            let apres = chiffres.split_once('.').map(|(_, a)| a.len()).unwrap_or(0);
            let avant = chiffres.split_once('.').map(|(a, _)| a.len()).unwrap_or(0);
            if sorte == Sorte::Montant && apres == 3 && (1..=3).contains(&avant) {
                None
            } else {
                Some('.')
            }
        }
        _ => {
            let dernier = chiffres
                .rfind([',', '.'])
                .and_then(|i| chiffres.get(i..i + 1));
            match dernier {
                Some(",") => Some(','),
                _ => Some('.'),
            }
        }
    };
    let (entier, fraction) = match decimal {
        Some(sep) => {
            let (e, f) = chiffres.rsplit_once(sep).ok_or(NombreError::Separateurs)?;
            if f.contains([',', '.']) || f.is_empty() && e.is_empty() {
                return Err(NombreError::Separateurs);
            }
            (e, f)
        }
        None => (chiffres.as_str(), ""),
    };
    // Thousands separators must cut the integer part into groups of three after the first.
    let groupes: Vec<&str> = entier.split([',', '.']).collect();
    if groupes.len() > 1 {
        let premier_ok = groupes.first().is_some_and(|g| (1..=3).contains(&g.len()));
        let autres_ok = groupes.iter().skip(1).all(|g| g.len() == 3);
        let meme_separateur = !(entier.contains(',') && entier.contains('.'));
        if !(premier_ok && autres_ok && meme_separateur) {
            return Err(NombreError::Separateurs);
        }
    }
    let entier_seul: String = groupes.concat();
    let normalise = format!(
        "{}{}{}{}",
        if negatif { "-" } else { "" },
        if entier_seul.is_empty() {
            "0"
        } else {
            entier_seul.as_str()
        },
        if fraction.is_empty() { "" } else { "." },
        fraction
    );
    Decimal::from_str(&normalise).map_err(|_| NombreError::Depassement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[track_caller]
    fn montant(texte: &str, attendu: Result<Decimal, NombreError>) {
        assert_eq!(parse_montant(texte), attendu, "{texte:?}");
    }

    #[test]
    fn french_amount_forms() {
        montant("1 234,56", Ok(dec!(1234.56)));
        montant("1\u{a0}234,56\u{a0}€", Ok(dec!(1234.56)));
        montant("1\u{202f}234,56 EUR", Ok(dec!(1234.56)));
        montant("1.234,56", Ok(dec!(1234.56)));
        montant("1,234.56", Ok(dec!(1234.56)));
        montant("1234.56", Ok(dec!(1234.56)));
        montant("€ 12", Ok(dec!(12)));
        montant("12,5 euros", Ok(dec!(12.5)));
        montant("-1 000,00", Ok(dec!(-1000.00)));
        montant("\u{2212}3,20", Ok(dec!(-3.20)));
        montant(",50", Ok(dec!(0.50)));
        montant("1 234 567,8", Ok(dec!(1234567.8)));
        montant("1.234.567", Ok(dec!(1234567)));
    }

    #[test]
    fn lone_dot_with_three_digits_is_thousands_in_amounts_only() {
        montant("1.234", Ok(dec!(1234)));
        assert_eq!(parse_quantite("1.234"), Ok(dec!(1.234)));
        montant("1.2345", Ok(dec!(1.2345)));
    }

    #[test]
    fn malformed_amounts_are_rejected() {
        montant("", Err(NombreError::Vide));
        montant("€", Err(NombreError::Vide));
        montant(
            "12a",
            Err(NombreError::CaractereInvalide { caractere: 'a' }),
        );
        montant("1,23,4", Err(NombreError::Separateurs));
        montant("1.23.4,5", Err(NombreError::Separateurs));
        montant("12,3,", Err(NombreError::Separateurs));
        montant(
            "99999999999999999999999999999999",
            Err(NombreError::Depassement),
        );
    }

    #[test]
    fn quantities_and_rates() {
        assert_eq!(parse_quantite("1,5"), Ok(dec!(1.5)));
        assert_eq!(parse_quantite("1 000"), Ok(dec!(1000)));
        assert_eq!(parse_taux("5,5 %"), Ok(dec!(5.5)));
        assert_eq!(parse_taux("20%"), Ok(dec!(20)));
        assert_eq!(parse_taux("2.1"), Ok(dec!(2.1)));
    }

    #[test]
    fn rounding_is_half_toward_positive_infinity() {
        assert_eq!(arrondir_montant(dec!(2.345)), dec!(2.35));
        assert_eq!(arrondir_montant(dec!(-2.345)), dec!(-2.34));
        assert_eq!(arrondir_montant(dec!(-2.346)), dec!(-2.35));
        assert_eq!(arrondir(dec!(2.5), 0), dec!(3));
        assert_eq!(arrondir(dec!(-2.5), 0), dec!(-2));
        assert_eq!(arrondir_montant(dec!(12.5)).to_string(), "12.50");
        assert_eq!(arrondir_montant(dec!(-0.004)).to_string(), "0.00");
        assert_eq!(arrondir_quantite(dec!(1.00005)), dec!(1.0001));
        assert_eq!(arrondir_quantite(dec!(3)).to_string(), "3");
    }

    #[test]
    fn amounts_are_formatted_the_french_way() {
        assert_eq!(
            formater_montant(dec!(1234567.891)),
            "1\u{202f}234\u{202f}567,89"
        );
        assert_eq!(formater_montant(dec!(-12)), "-12,00");
        assert_eq!(formater_montant(dec!(999)), "999,00");
        assert_eq!(
            parse_montant(&formater_montant(dec!(1234.5))),
            Ok(dec!(1234.50))
        );
    }

    #[track_caller]
    fn date(texte: &str, attendu: Option<(i32, u32, u32)>) {
        let attendu = attendu.and_then(|(a, m, j)| NaiveDate::from_ymd_opt(a, m, j));
        assert_eq!(parse_date(texte).ok(), attendu, "{texte:?}");
    }

    #[test]
    fn french_and_iso_dates() {
        date("03/11/2025", Some((2025, 11, 3)));
        date("3/11/2025", Some((2025, 11, 3)));
        date("03.11.2025", Some((2025, 11, 3)));
        date("03-11-2025", Some((2025, 11, 3)));
        date("03/11/25", Some((2025, 11, 3)));
        date("2025-11-03", Some((2025, 11, 3)));
        date("3 novembre 2025", Some((2025, 11, 3)));
        date("1er février 2026", Some((2026, 2, 1)));
        date("15 FÉVR. 2026", Some((2026, 2, 15)));
        date("14\u{a0}août\u{a0}2025", Some((2025, 8, 14)));
        date("2 decembre 2025", Some((2025, 12, 2)));
    }

    #[test]
    fn bad_dates_are_rejected() {
        date("31/02/2025", None);
        date("3 brumaire 2025", None);
        date("2025/11", None);
        date("", None);
        assert_eq!(
            parse_date("31/02/2025"),
            Err(DateError::JourInexistant {
                annee: 2025,
                mois: 2,
                jour: 31
            })
        );
    }
}
