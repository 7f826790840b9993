//! Identifiers of parties and bank accounts, parsed once into types that are valid by construction.
//!
//! Each type has `parse(&str)` that accepts what people type (spaces, no-break spaces, dots, dashes,
//! lower case), normalises it and checks it; `Display` and `as_str()` give the normalised form.
//! Sources are cited per rule; `\[V1\]` is python-stdnum as summarised in
//! `shared/chorus-pro/rules-and-peers.md` §1.
//!
//! ```
//! use facture::identifiant::{Siret, TvaIntra, Iban};
//! let siret = Siret::parse("110 002 011 00044").unwrap();
//! assert_eq!(siret.as_str(), "11000201100044");
//! assert_eq!(TvaIntra::depuis_siren(&siret.siren()).as_str(), "FR17110002011");
//! assert!(Iban::parse("fr76 3000 6000 0112 3456 7890 189").is_ok());
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A French company identifier (SIREN): 9 digits with a Luhn check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Siren(String);

/// Why a text is not a SIREN.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SirenError {
    /// Occurs when a character other than a digit or a separator is found.
    #[error("invalid character {caractere:?} in siren")]
    CaractereInvalide {
        /// The offending character.
        caractere: char,
    },
    /// Occurs when the number of digits is not 9.
    #[error("siren must have 9 digits, found {trouve}")]
    Longueur {
        /// How many digits were found.
        trouve: usize,
    },
    /// Occurs when the Luhn check digit does not match.
    #[error("siren check digit (luhn) does not match")]
    CleLuhn,
}

/// A French establishment identifier (SIRET): SIREN + 5-digit NIC, Luhn or the La Poste rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

/// Why a text is not a SIRET.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SiretError {
    /// Occurs when a character other than a digit or a separator is found.
    #[error("invalid character {caractere:?} in siret")]
    CaractereInvalide {
        /// The offending character.
        caractere: char,
    },
    /// Occurs when the number of digits is not 14.
    #[error("siret must have 14 digits, found {trouve}")]
    Longueur {
        /// How many digits were found.
        trouve: usize,
    },
    /// Occurs when the Luhn check over the 14 digits fails (ordinary establishments).
    #[error("siret check digit (luhn) does not match")]
    CleLuhn,
    /// Occurs when a La Poste establishment's digits do not sum to a multiple of 5.
    #[error("la poste siret digit sum is not a multiple of 5")]
    CleLaPoste,
    /// Occurs when the first 9 digits are not a valid SIREN.
    #[error("the siren part of the siret is invalid: {0}")]
    Siren(SirenError),
}

/// An intra-community VAT number: ISO country prefix (Greece `EL`) and a national body.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TvaIntra(String);

/// Why a text is not an intra-community VAT number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TvaIntraError {
    /// Occurs when the text does not start with two letters.
    #[error("vat number must start with a two-letter country prefix")]
    PrefixeManquant,
    /// Occurs when the prefix is not an EU member state code (`EL` for Greece, `XI` for Northern Ireland).
    #[error("unknown vat country prefix {0:?}")]
    PaysInconnu(String),
    /// Occurs when the body does not have the country's shape (§1.4 of the rules).
    #[error("vat number body does not match the format of {pays}")]
    Format {
        /// The country prefix.
        pays: String,
    },
    /// Occurs when the French key does not match the SIREN.
    #[error("french vat key does not match the siren")]
    CleFr,
    /// Occurs when the SIREN inside a French VAT number is invalid.
    #[error("the siren inside the french vat number is invalid: {0}")]
    Siren(SirenError),
}

/// An IBAN (ISO 13616), stored in its compact electronic form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

/// Why a text is not an IBAN.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IbanError {
    /// Occurs when a character other than a letter, a digit or a separator is found.
    #[error("invalid character {caractere:?} in iban")]
    CaractereInvalide {
        /// The offending character.
        caractere: char,
    },
    /// Occurs when the text does not start with two letters and two digits.
    #[error("iban must start with a country code and two check digits")]
    Entete,
    /// Occurs when the country is not in the IBAN registry table of this crate.
    #[error("unknown iban country {0:?}")]
    PaysInconnu(String),
    /// Occurs when the length differs from the one of the country.
    #[error("iban for {pays} must have {attendu} characters, found {trouve}")]
    Longueur {
        /// The country code.
        pays: String,
        /// The registered length.
        attendu: usize,
        /// The length found.
        trouve: usize,
    },
    /// Occurs when the ISO 7064 mod-97 check fails.
    #[error("iban check digits (mod 97) do not match")]
    CleMod97,
    /// Occurs when a French or Monaco BBAN is not `5n 5n 11c 2n`.
    #[error("french bban must be 5 digits bank, 5 digits branch, 11 alphanumerics account, 2 digits key")]
    BbanFr,
}

/// A BIC (ISO 9362): 8 or 11 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bic(String);

/// Why a text is not a BIC.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BicError {
    /// Occurs when the length is not 8 or 11.
    #[error("bic must have 8 or 11 characters, found {trouve}")]
    Longueur {
        /// The length found.
        trouve: usize,
    },
    /// Occurs when the shape is not `[A-Z]{6}[0-9A-Z]{2}([0-9A-Z]{3})?`.
    #[error("bic must be 4 letters (bank), 2 letters (country), 2 alphanumerics, optional 3 alphanumerics")]
    Format,
}

/// A New Caledonia company identifier (RIDET): 9 or 10 alphanumerics, no checksum known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ridet(String);

/// Why a text is not a RIDET.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RidetError {
    /// Occurs when a character other than a letter, a digit or a separator is found.
    #[error("invalid character {caractere:?} in ridet")]
    CaractereInvalide {
        /// The offending character.
        caractere: char,
    },
    /// Occurs when the length is not 9 or 10.
    #[error("ridet must have 9 or 10 characters, found {trouve}")]
    Longueur {
        /// The length found.
        trouve: usize,
    },
}

/// A French Polynesia identifier (numéro TAHITI + establishment rank): 6 alphanumerics + 3 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tahiti(String);

/// Why a text is not a numéro TAHITI.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TahitiError {
    /// Occurs when the length is not 9 (6 + 3) after removing separators.
    #[error("tahiti number must have 9 characters, found {trouve}")]
    Longueur {
        /// The length found.
        trouve: usize,
    },
    /// Occurs when the shape is not `[0-9A-Z]{6}[0-9]{3}`.
    #[error("tahiti number must be 6 alphanumerics then a 3-digit rank")]
    Format,
}

// ---------------------------------------------------------------------------------------------------
// Shared helpers

/// Whether `c` is a separator people put inside identifiers (spaces of all kinds, dots, dashes).
fn est_separateur(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '\u{202F}' | '\u{2009}' | '\u{00A0}')
}

/// Removes separators and upper-cases ASCII letters.
fn compacter(texte: &str) -> String {
    texte
        .chars()
        .filter(|c| !est_separateur(*c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Luhn checksum over ASCII digits (ISO/IEC 7812): double every second digit from the right.
/// Callers guarantee that `chiffres` holds only ASCII digits.
fn luhn_valide(chiffres: &str) -> bool {
    let mut total = 0u32;
    for (rang, octet) in chiffres.bytes().rev().enumerate() {
        let mut valeur = u32::from(octet.wrapping_sub(b'0'));
        if rang % 2 == 1 {
            valeur *= 2;
            if valeur > 9 {
                valeur -= 9;
            }
        }
        total += valeur;
    }
    total.is_multiple_of(10)
}

/// Only ASCII digits, separators removed; the first foreign character is reported.
fn chiffres_seuls(texte: &str) -> Result<String, char> {
    let compact = compacter(texte);
    match compact.chars().find(|c| !c.is_ascii_digit()) {
        Some(c) => Err(c),
        None => Ok(compact),
    }
}

macro_rules! texte_normalise {
    ($type:ty) => {
        impl $type {
            /// The normalised form, as `Display` prints it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl From<$type> for String {
            fn from(valeur: $type) -> String {
                valeur.0
            }
        }
        impl TryFrom<String> for $type {
            type Error = <$type as std::str::FromStr>::Err;
            fn try_from(texte: String) -> Result<Self, Self::Error> {
                texte.parse()
            }
        }
        impl AsRef<str> for $type {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

macro_rules! depuis_str {
    ($type:ty, $erreur:ty) => {
        impl std::str::FromStr for $type {
            type Err = $erreur;
            fn from_str(texte: &str) -> Result<Self, Self::Err> {
                <$type>::parse(texte)
            }
        }
    };
}

texte_normalise!(Siren);
texte_normalise!(Siret);
texte_normalise!(TvaIntra);
texte_normalise!(Iban);
texte_normalise!(Bic);
texte_normalise!(Ridet);
texte_normalise!(Tahiti);
depuis_str!(Siren, SirenError);
depuis_str!(Siret, SiretError);
depuis_str!(TvaIntra, TvaIntraError);
depuis_str!(Iban, IbanError);
depuis_str!(Bic, BicError);
depuis_str!(Ridet, RidetError);
depuis_str!(Tahiti, TahitiError);

// ---------------------------------------------------------------------------------------------------
// SIREN / SIRET

impl Siren {
    /// Parses a SIREN: 9 digits, Luhn (\[V1\] `stdnum/fr/siren.py`). No La Poste exception at this level.
    pub fn parse(texte: &str) -> Result<Siren, SirenError> {
        let chiffres = chiffres_seuls(texte)
            .map_err(|caractere| SirenError::CaractereInvalide { caractere })?;
        if chiffres.len() != 9 {
            return Err(SirenError::Longueur {
                trouve: chiffres.len(),
            });
        }
        if !luhn_valide(&chiffres) {
            return Err(SirenError::CleLuhn);
        }
        Ok(Siren(chiffres))
    }
}

/// La Poste's SIREN: its establishments use the digit-sum rule instead of Luhn (\[V1\]\[V2\]).
const SIREN_LA_POSTE: &str = "356000000";
/// La Poste's head office, the one La Poste SIRET that follows ordinary Luhn (\[V1\] `stdnum/fr/siret.py`).
const SIRET_SIEGE_LA_POSTE: &str = "35600000000048";

impl Siret {
    /// Parses a SIRET: 14 digits, Luhn over all of them, first 9 a valid SIREN; La Poste
    /// establishments (SIREN 356000000, except the head office) are valid when their digit sum is a
    /// multiple of 5 instead (\[V1\] `stdnum/fr/siret.py`, \[V2\] `IsoCodes/Siren.php`).
    pub fn parse(texte: &str) -> Result<Siret, SiretError> {
        let chiffres = chiffres_seuls(texte)
            .map_err(|caractere| SiretError::CaractereInvalide { caractere })?;
        if chiffres.len() != 14 {
            return Err(SiretError::Longueur {
                trouve: chiffres.len(),
            });
        }
        if chiffres.starts_with(SIREN_LA_POSTE) && chiffres != SIRET_SIEGE_LA_POSTE {
            let somme: u32 = chiffres.bytes().map(|b| u32::from(b - b'0')).sum();
            if !somme.is_multiple_of(5) {
                return Err(SiretError::CleLaPoste);
            }
        } else if !luhn_valide(&chiffres) {
            return Err(SiretError::CleLuhn);
        }
        Siren::parse(chiffres.get(..9).unwrap_or_default()).map_err(SiretError::Siren)?;
        Ok(Siret(chiffres))
    }

    /// The SIREN of the company that owns the establishment (the first 9 digits).
    pub fn siren(&self) -> Siren {
        // Invariant: `parse` checked that the first 9 digits form a valid SIREN.
        Siren(self.0.get(..9).unwrap_or_default().to_owned())
    }

    /// The establishment number (NIC): the last 5 digits.
    pub fn nic(&self) -> &str {
        self.0.get(9..).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------------------------------
// VAT numbers

/// The alphabet of French VAT keys: digits and letters without I and O (\[V1\] `stdnum/fr/tva.py`).
const ALPHABET_CLE_FR: &str = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// Shape of a national VAT body, from the python-stdnum country modules (rules §1.4).
fn corps_tva_valide(pays: &str, corps: &str) -> Option<bool> {
    let chiffres = |n: usize| corps.len() == n && corps.bytes().all(|b| b.is_ascii_digit());
    let chiffres_non_zero = |n: usize| chiffres(n) && !corps.starts_with('0');
    let alnum = |b: u8| b.is_ascii_digit() || b.is_ascii_uppercase();
    let valide = match pays {
        "AT" => {
            corps.len() == 9
                && corps.starts_with('U')
                && corps.bytes().skip(1).all(|b| b.is_ascii_digit())
        }
        "BE" => chiffres(10) || chiffres(9),
        "BG" => chiffres(9) || chiffres(10),
        "CY" => {
            corps.len() == 9
                && corps.bytes().take(8).all(|b| b.is_ascii_digit())
                && corps.bytes().last().is_some_and(|b| b.is_ascii_uppercase())
        }
        "CZ" => chiffres(8) || chiffres(9) || chiffres(10),
        "DE" => chiffres_non_zero(9),
        "DK" => chiffres_non_zero(8),
        "EE" => chiffres(9),
        "EL" => chiffres(9) || chiffres(8),
        "ES" => {
            corps.len() == 9
                && corps.bytes().all(alnum)
                && corps.bytes().skip(1).take(7).all(|b| b.is_ascii_digit())
        }
        "FI" => chiffres(8),
        "HR" => chiffres(11),
        "HU" => chiffres(8),
        "IE" => (corps.len() == 8 || corps.len() == 9) && corps.bytes().all(alnum),
        "IT" => chiffres(11),
        "LT" => chiffres(9) || chiffres(12),
        "LU" => chiffres(8),
        "LV" => chiffres(11),
        "MT" => chiffres_non_zero(8),
        "NL" => {
            corps.len() == 12
                && corps.bytes().take(9).all(|b| b.is_ascii_digit())
                && corps.get(9..10) == Some("B")
                && corps.bytes().skip(10).all(|b| b.is_ascii_digit())
        }
        "PL" => chiffres(10),
        "PT" => chiffres_non_zero(9),
        "RO" => {
            (2..=10).contains(&corps.len())
                && corps.bytes().all(|b| b.is_ascii_digit())
                && !corps.starts_with('0')
        }
        "SE" => chiffres(12) && corps.ends_with("01"),
        "SI" => chiffres_non_zero(8),
        "SK" => chiffres(10),
        // Northern Ireland follows the UK rules: 9 or 12 digits, or GD/HA + 3 digits.
        "XI" => {
            chiffres(9)
                || chiffres(12)
                || (corps.len() == 5
                    && (corps.starts_with("GD") || corps.starts_with("HA"))
                    && corps.bytes().skip(2).all(|b| b.is_ascii_digit()))
        }
        _ => return None,
    };
    Some(valide)
}

impl TvaIntra {
    /// Parses an intra-community VAT number. French numbers are fully checked: numeric key
    /// `(12 + 3 × (SIREN mod 97)) mod 97`, new-style alphanumeric keys with the stdnum check, Monaco
    /// numbers (`000` after the key) without SIREN check (\[V1\] `stdnum/fr/tva.py`). Other EU
    /// countries are checked for shape only (rules §1.4; national checksums are not implemented).
    pub fn parse(texte: &str) -> Result<TvaIntra, TvaIntraError> {
        let compact = compacter(texte);
        let pays = compact.get(..2).ok_or(TvaIntraError::PrefixeManquant)?;
        if !pays.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(TvaIntraError::PrefixeManquant);
        }
        let corps = compact.get(2..).unwrap_or_default();
        if pays == "FR" {
            verifier_tva_fr(corps)?;
        } else {
            match corps_tva_valide(pays, corps) {
                None => return Err(TvaIntraError::PaysInconnu(pays.to_owned())),
                Some(false) => {
                    return Err(TvaIntraError::Format {
                        pays: pays.to_owned(),
                    })
                }
                Some(true) => {}
            }
        }
        Ok(TvaIntra(compact))
    }

    /// The French VAT number derived from a SIREN with the numeric key (\[V1\]): `FR` + key + SIREN.
    pub fn depuis_siren(siren: &Siren) -> TvaIntra {
        TvaIntra(format!("FR{:02}{}", cle_tva_fr(siren), siren.as_str()))
    }

    /// The country prefix (`FR`, `DE`, `EL`…).
    pub fn code_pays(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }

    /// The SIREN inside a French VAT number; `None` for other countries and Monaco numbers.
    pub fn siren(&self) -> Option<Siren> {
        if self.code_pays() != "FR" {
            return None;
        }
        Siren::parse(self.0.get(4..).unwrap_or_default()).ok()
    }
}

/// The numeric French VAT key of a SIREN: `(12 + 3 × (SIREN mod 97)) mod 97` (\[V1\]).
pub fn cle_tva_fr(siren: &Siren) -> u64 {
    let nombre: u64 = siren.as_str().parse().unwrap_or_default();
    (12 + 3 * (nombre % 97)) % 97
}

fn verifier_tva_fr(corps: &str) -> Result<(), TvaIntraError> {
    let format = || TvaIntraError::Format { pays: "FR".into() };
    if corps.len() != 11 {
        return Err(format());
    }
    let (cle, numero) = corps.split_at(2);
    if !cle.chars().all(|c| ALPHABET_CLE_FR.contains(c))
        || !numero.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(format());
    }
    // Numbers with 000 after the key belong to Monaco: valid VAT numbers without a valid SIREN.
    if !numero.starts_with("000") {
        Siren::parse(numero).map_err(TvaIntraError::Siren)?;
    }
    let valeur: u64 = numero.parse().map_err(|_| format())?;
    if cle.bytes().all(|b| b.is_ascii_digit()) {
        let attendu = (valeur * 100 + 12) % 97;
        if cle.parse::<u64>().ok() != Some(attendu) {
            return Err(TvaIntraError::CleFr);
        }
    } else {
        // New-style keys ([V1] `stdnum/fr/tva.py`): a check mod 11 over the key's alphabet positions.
        let rang = |c: char| ALPHABET_CLE_FR.find(c).unwrap_or_default() as i64;
        let mut caracteres = cle.chars();
        let (premier, second) = match (caracteres.next(), caracteres.next()) {
            (Some(a), Some(b)) => (a, b),
            _ => return Err(format()),
        };
        let check = if premier.is_ascii_digit() {
            rang(premier) * 24 + rang(second) - 10
        } else {
            rang(premier) * 34 + rang(second) - 100
        };
        let valeur = valeur as i64;
        if (valeur + 1 + check.div_euclid(11)).rem_euclid(11) != check.rem_euclid(11) {
            return Err(TvaIntraError::CleFr);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------
// IBAN / BIC

/// IBAN lengths per country (SWIFT IBAN registry, as in \[V1\] `stdnum/iban.dat`).
const LONGUEURS_IBAN: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SC", 31),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
];

/// The IBAN length registered for a country, if this crate knows it.
pub fn longueur_iban(pays: &str) -> Option<usize> {
    LONGUEURS_IBAN
        .iter()
        .find(|(code, _)| *code == pays)
        .map(|(_, longueur)| *longueur)
}

/// ISO 7064 mod 97-10 over an alphanumeric string, letters A=10…Z=35, processed digit by digit.
fn mod97(texte: &str) -> u32 {
    let mut reste = 0u32;
    for c in texte.chars() {
        let valeur = c.to_digit(36).unwrap_or_default();
        reste = if valeur >= 10 {
            (reste * 100 + valeur) % 97
        } else {
            (reste * 10 + valeur) % 97
        };
    }
    reste
}

impl Iban {
    /// Parses an IBAN: country length, mod-97 check (move the 4 first characters to the end, letters
    /// to numbers, remainder 1), and for FR/MC the BBAN structure `5!n5!n11!c2!n` (\[V1\]\[D1\]).
    /// The RIB key inside a French BBAN is not a parse rule (its formula is unconfirmed in the
    /// sources, rules §1.5); see [`Iban::cle_rib_valide`].
    pub fn parse(texte: &str) -> Result<Iban, IbanError> {
        let compact = compacter(texte);
        if let Some(caractere) = compact.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(IbanError::CaractereInvalide { caractere });
        }
        let entete = compact.get(..4).ok_or(IbanError::Entete)?;
        let (pays, cle) = entete.split_at(2);
        if !pays.bytes().all(|b| b.is_ascii_uppercase()) || !cle.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(IbanError::Entete);
        }
        let attendu = longueur_iban(pays).ok_or_else(|| IbanError::PaysInconnu(pays.to_owned()))?;
        if compact.len() != attendu {
            return Err(IbanError::Longueur {
                pays: pays.to_owned(),
                attendu,
                trouve: compact.len(),
            });
        }
        let bban = compact.get(4..).unwrap_or_default();
        if mod97(&format!("{bban}{entete}")) != 1 {
            return Err(IbanError::CleMod97);
        }
        if matches!(pays, "FR" | "MC") {
            let structure_ok = bban.bytes().enumerate().all(|(i, b)| match i {
                0..=9 | 21..=22 => b.is_ascii_digit(),
                _ => b.is_ascii_alphanumeric(),
            });
            if !structure_ok {
                return Err(IbanError::BbanFr);
            }
        }
        Ok(Iban(compact))
    }

    /// The ISO country code of the account.
    pub fn code_pays(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }

    /// The paper format: groups of 4 characters separated by spaces (`FR76 3000 6000 …`).
    pub fn format_papier(&self) -> String {
        let mut sortie = String::with_capacity(self.0.len() + self.0.len() / 4);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                sortie.push(' ');
            }
            sortie.push(c);
        }
        sortie
    }

    /// For French and Monaco accounts, whether the RIB key (last 2 digits of the BBAN) matches
    /// bank, branch and account: `97 − (89 × banque + 15 × guichet + 3 × compte) mod 97`, letters of
    /// the account mapped A,J→1 B,K,S→2 … I,R,Z→9 (the French banking convention; the sources list
    /// its formula as unconfirmed, rules §1.5, so it only feeds a warning). `None` for other countries.
    pub fn cle_rib_valide(&self) -> Option<bool> {
        if !matches!(self.code_pays(), "FR" | "MC") {
            return None;
        }
        let bban = self.0.get(4..)?;
        let banque: u64 = bban.get(..5)?.parse().ok()?;
        let guichet: u64 = bban.get(5..10)?.parse().ok()?;
        let compte: String = bban
            .get(10..21)?
            .chars()
            .map(|c| match c {
                'A' | 'J' => '1',
                'B' | 'K' | 'S' => '2',
                'C' | 'L' | 'T' => '3',
                'D' | 'M' | 'U' => '4',
                'E' | 'N' | 'V' => '5',
                'F' | 'O' | 'W' => '6',
                'G' | 'P' | 'X' => '7',
                'H' | 'Q' | 'Y' => '8',
                'I' | 'R' | 'Z' => '9',
                autre => autre,
            })
            .collect();
        let compte: u64 = compte.parse().ok()?;
        let cle: u64 = bban.get(21..23)?.parse().ok()?;
        let attendu = 97 - (89 * banque + 15 * guichet + 3 * (compte % 97)) % 97;
        Some(cle == attendu)
    }
}

/// What a user typed as an IBAN, written as on paper while typing: separators removed, letters
/// upper-cased, groups of 4 (`fr7630006 000` → `FR76 3000 6000`). Any other character is kept (the
/// check then names it); nothing is cut.
pub fn iban_saisi_groupe(texte: &str) -> String {
    let compact = compacter(texte);
    let mut sortie = String::with_capacity(compact.len() + compact.len() / 4);
    for (i, c) in compact.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            sortie.push(' ');
        }
        sortie.push(c);
    }
    sortie
}

/// Where an IBAN being typed stands, for a live check under its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaisieIban {
    /// Nothing typed.
    Vide,
    /// Too short yet, while the user is still typing: (characters typed, characters of the country's
    /// IBAN, 0 while the country is not typed yet).
    EnCours(usize, usize),
    /// A valid IBAN.
    Valide(Iban),
    /// Wrong: what is wrong.
    Invalide(IbanError),
}

/// The live check of a typed IBAN. While `termine` is false (the user is still in the field) an IBAN
/// that is only too short is « being typed », not an error; any other fault shows at once.
pub fn saisie_iban(texte: &str, termine: bool) -> SaisieIban {
    let compact = compacter(texte);
    if compact.is_empty() {
        return SaisieIban::Vide;
    }
    match Iban::parse(texte) {
        Ok(iban) => SaisieIban::Valide(iban),
        Err(IbanError::Longueur {
            attendu, trouve, ..
        }) if trouve < attendu && !termine => SaisieIban::EnCours(trouve, attendu),
        Err(IbanError::Entete) if compact.len() < 4 && !termine && entete_plausible(&compact) => {
            SaisieIban::EnCours(compact.len(), 0)
        }
        Err(erreur) => SaisieIban::Invalide(erreur),
    }
}

/// Whether the first characters typed can still become a country code and two check digits.
fn entete_plausible(debut: &str) -> bool {
    debut.chars().enumerate().all(|(i, c)| {
        if i < 2 {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_digit()
        }
    })
}

impl IbanError {
    /// What is wrong, in French, for a message under the field (« clé de contrôle incorrecte »).
    pub fn message_fr(&self) -> String {
        match self {
            IbanError::CaractereInvalide { caractere } => {
                format!("caractère {caractere:?} invalide")
            }
            IbanError::Entete => {
                "il doit commencer par le code pays et 2 chiffres de contrôle".into()
            }
            IbanError::PaysInconnu(pays) => format!("pays {pays} inconnu"),
            IbanError::Longueur {
                pays,
                attendu,
                trouve,
            } => format!("un IBAN {pays} compte {attendu} caractères, {trouve} saisis"),
            IbanError::CleMod97 => "clé de contrôle incorrecte".into(),
            IbanError::BbanFr => "banque, guichet, compte ou clé RIB mal formés".into(),
        }
    }

    /// What is wrong, in English.
    pub fn message_en(&self) -> String {
        match self {
            IbanError::CaractereInvalide { caractere } => {
                format!("invalid character {caractere:?}")
            }
            IbanError::Entete => "it must start with the country code and 2 check digits".into(),
            IbanError::PaysInconnu(pays) => format!("unknown country {pays}"),
            IbanError::Longueur {
                pays,
                attendu,
                trouve,
            } => format!("a {pays} IBAN has {attendu} characters, {trouve} typed"),
            IbanError::CleMod97 => "wrong check digits".into(),
            IbanError::BbanFr => "bank, branch, account or RIB key malformed".into(),
        }
    }
}

impl Bic {
    /// Parses a BIC: `^[A-Z]{6}[0-9A-Z]{2}([0-9A-Z]{3})?$` after removing spaces (\[V1\] `stdnum/bic.py`).
    pub fn parse(texte: &str) -> Result<Bic, BicError> {
        let compact: String = texte
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.len() != 8 && compact.len() != 11 {
            return Err(BicError::Longueur {
                trouve: compact.chars().count(),
            });
        }
        let forme_ok = compact.bytes().enumerate().all(|(i, b)| {
            if i < 6 {
                b.is_ascii_uppercase()
            } else {
                b.is_ascii_uppercase() || b.is_ascii_digit()
            }
        });
        if !forme_ok {
            return Err(BicError::Format);
        }
        Ok(Bic(compact))
    }

    /// The country code (characters 5–6), to compare with the IBAN's country.
    pub fn code_pays(&self) -> &str {
        self.0.get(4..6).unwrap_or_default()
    }
}

impl Ridet {
    /// Parses a RIDET: 9 or 10 alphanumerics once separators are removed (ICD 0228 per a single
    /// third-party source, \[V9\]; no checksum is published, rules §1.7).
    pub fn parse(texte: &str) -> Result<Ridet, RidetError> {
        let compact = compacter(texte);
        if let Some(caractere) = compact.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(RidetError::CaractereInvalide { caractere });
        }
        if !(9..=10).contains(&compact.len()) {
            return Err(RidetError::Longueur {
                trouve: compact.len(),
            });
        }
        Ok(Ridet(compact))
    }
}

impl Tahiti {
    /// Parses a numéro TAHITI with its establishment rank: `[0-9A-Z]{6}` + `[0-9]{3}`, e.g.
    /// `003970-001` (\[V7\] demarches-simplifiees FAQ; letters accepted to be safe, rules §1.7).
    pub fn parse(texte: &str) -> Result<Tahiti, TahitiError> {
        let compact = compacter(texte);
        if compact.chars().count() != 9 {
            return Err(TahitiError::Longueur {
                trouve: compact.chars().count(),
            });
        }
        let forme_ok = compact.bytes().enumerate().all(|(i, b)| {
            if i < 6 {
                b.is_ascii_digit() || b.is_ascii_uppercase()
            } else {
                b.is_ascii_digit()
            }
        });
        if !forme_ok {
            return Err(TahitiError::Format);
        }
        Ok(Tahiti(compact))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn siret(texte: &str, attendu: Result<&str, SiretError>) {
        assert_eq!(
            Siret::parse(texte).map(String::from),
            attendu.map(String::from)
        );
    }

    #[test]
    fn siren_cases() {
        #[track_caller]
        fn check(texte: &str, attendu: Result<&str, SirenError>) {
            assert_eq!(
                Siren::parse(texte).map(String::from),
                attendu.map(String::from)
            );
        }
        check("110002011", Ok("110002011"));
        check("732 829 320", Ok("732829320"));
        check("356000000", Ok("356000000"));
        check("732829321", Err(SirenError::CleLuhn));
        check("73282932", Err(SirenError::Longueur { trouve: 8 }));
        check(
            "73282932A",
            Err(SirenError::CaractereInvalide { caractere: 'A' }),
        );
        check("", Err(SirenError::Longueur { trouve: 0 }));
    }

    #[test]
    fn state_siret_is_valid_and_normalised() {
        siret("11000201100044", Ok("11000201100044"));
        siret("110 002 011 00044", Ok("11000201100044"));
        siret("110\u{a0}002\u{202f}011.00044", Ok("11000201100044"));
    }

    #[test]
    fn siret_with_wrong_check_digit_is_rejected() {
        siret("11000201100045", Err(SiretError::CleLuhn));
        siret("73282932000075", Err(SiretError::CleLuhn));
    }

    #[test]
    fn siret_with_wrong_length_or_characters_is_rejected() {
        siret("1100020110004", Err(SiretError::Longueur { trouve: 13 }));
        siret(
            "1100020110004X",
            Err(SiretError::CaractereInvalide { caractere: 'X' }),
        );
    }

    #[test]
    fn la_poste_head_office_passes_ordinary_luhn() {
        siret("35600000000048", Ok("35600000000048"));
        assert!(luhn_valide("35600000000048"));
    }

    #[test]
    fn la_poste_establishments_use_the_digit_sum_rule() {
        // 3+5+6+4+9+8+3+7 = 45, a multiple of 5, while Luhn fails.
        assert!(!luhn_valide("35600000049837"));
        siret("356 000 000 49837", Ok("35600000049837"));
        // Sum 46: not a multiple of 5, so rejected even though it starts with La Poste's SIREN.
        siret("35600000049838", Err(SiretError::CleLaPoste));
    }

    #[test]
    fn la_poste_rule_does_not_apply_to_other_sirens() {
        // Digit sum of 73282932000074 is 50, but Luhn is what counts outside La Poste.
        siret("73282932000074", Ok("73282932000074"));
        siret("73282932000083", Err(SiretError::CleLuhn));
    }

    #[test]
    fn siret_gives_its_siren_and_nic() {
        let valeur = Siret::parse("11000201100044").unwrap();
        assert_eq!(valeur.siren().as_str(), "110002011");
        assert_eq!(valeur.nic(), "00044");
    }

    #[track_caller]
    fn tva(texte: &str, attendu: Result<&str, TvaIntraError>) {
        assert_eq!(
            TvaIntra::parse(texte).map(String::from),
            attendu.map(String::from)
        );
    }

    #[test]
    fn french_vat_numeric_keys() {
        tva("FR44732829320", Ok("FR44732829320"));
        tva("fr 17 110 002 011", Ok("FR17110002011"));
        tva("FR45732829320", Err(TvaIntraError::CleFr));
        tva(
            "FR17110002012",
            Err(TvaIntraError::Siren(SirenError::CleLuhn)),
        );
        tva(
            "FR1711000201",
            Err(TvaIntraError::Format { pays: "FR".into() }),
        );
    }

    #[test]
    fn french_vat_key_is_derived_from_siren() {
        let siren = Siren::parse("732829320").unwrap();
        assert_eq!(cle_tva_fr(&siren), 44);
        assert_eq!(TvaIntra::depuis_siren(&siren).as_str(), "FR44732829320");
        // A key below 10 keeps its leading zero: 12 + 3 × (SIREN mod 97) ≡ 0 … 9 (mod 97).
        let siren = Siren::parse("100000009").unwrap();
        let cle = cle_tva_fr(&siren);
        assert_eq!(
            TvaIntra::depuis_siren(&siren).as_str(),
            format!("FR{cle:02}100000009")
        );
        assert!(TvaIntra::parse(TvaIntra::depuis_siren(&siren).as_str()).is_ok());
    }

    #[test]
    fn french_vat_new_style_keys() {
        // Examples from the python-stdnum doctests of stdnum/fr/tva.py.
        tva("FRK7399859412", Ok("FRK7399859412"));
        tva("FR4Z123456782", Ok("FR4Z123456782"));
        tva("FRK8399859412", Err(TvaIntraError::CleFr));
        // I and O are not in the key alphabet.
        tva(
            "FRI7399859412",
            Err(TvaIntraError::Format { pays: "FR".into() }),
        );
    }

    #[test]
    fn monaco_vat_numbers_skip_the_siren_check() {
        // 000 after the key: Monaco; the numeric key still applies (stdnum/fr/tva.py).
        let cle = (12 + 3 * 12_345) % 97;
        let numero = format!("FR{cle:02}000012345");
        tva(&numero, Ok(numero.as_str()));
    }

    #[test]
    fn eu_vat_formats() {
        tva("DE 136 695 976", Ok("DE136695976"));
        tva(
            "DE036695976",
            Err(TvaIntraError::Format { pays: "DE".into() }),
        );
        tva("ATU13585627", Ok("ATU13585627"));
        tva(
            "AT13585627",
            Err(TvaIntraError::Format { pays: "AT".into() }),
        );
        tva("NL004495445B01", Ok("NL004495445B01"));
        tva(
            "NL004495445C01",
            Err(TvaIntraError::Format { pays: "NL".into() }),
        );
        tva("EL094259216", Ok("EL094259216"));
        tva("GR094259216", Err(TvaIntraError::PaysInconnu("GR".into())));
        tva("ESB58378431", Ok("ESB58378431"));
        tva("SE123456789701", Ok("SE123456789701"));
        tva(
            "SE123456789702",
            Err(TvaIntraError::Format { pays: "SE".into() }),
        );
        tva("CY10259033P", Ok("CY10259033P"));
        tva("IT00743110157", Ok("IT00743110157"));
        tva("BE0203201340", Ok("BE0203201340"));
        tva("12345", Err(TvaIntraError::PrefixeManquant));
    }

    #[test]
    fn vat_country_and_siren_accessors() {
        let numero = TvaIntra::parse("FR17110002011").unwrap();
        assert_eq!(numero.code_pays(), "FR");
        assert_eq!(
            numero.siren().map(String::from).as_deref(),
            Some("110002011")
        );
        assert_eq!(TvaIntra::parse("DE136695976").unwrap().siren(), None);
    }

    #[track_caller]
    fn iban(texte: &str, attendu: Result<&str, IbanError>) {
        assert_eq!(
            Iban::parse(texte).map(String::from),
            attendu.map(String::from)
        );
    }

    #[test]
    fn valid_ibans_are_normalised() {
        iban(
            "FR76 3000 6000 0112 3456 7890 189",
            Ok("FR7630006000011234567890189"),
        );
        iban(
            "fr7630006000011234567890189",
            Ok("FR7630006000011234567890189"),
        );
        iban("DE89 3704 0044 0532 0130 00", Ok("DE89370400440532013000"));
        iban("GB29 NWBK 6016 1331 9268 19", Ok("GB29NWBK60161331926819"));
        iban("BE68 5390 0754 7034", Ok("BE68539007547034"));
        iban(
            "FR14 2004 1010 0505 0001 3M02 606",
            Ok("FR1420041010050500013M02606"),
        );
    }

    #[test]
    fn iban_with_wrong_check_digits_is_rejected() {
        iban("FR7730006000011234567890189", Err(IbanError::CleMod97));
        iban("DE89370400440532013001", Err(IbanError::CleMod97));
    }

    #[test]
    fn iban_with_wrong_length_or_country_is_rejected() {
        iban(
            "FR763000600001123456789018",
            Err(IbanError::Longueur {
                pays: "FR".into(),
                attendu: 27,
                trouve: 26,
            }),
        );
        iban(
            "ZZ7630006000011234567890189",
            Err(IbanError::PaysInconnu("ZZ".into())),
        );
        iban("7630006000011234567890189", Err(IbanError::Entete));
        iban(
            "FR76_3000",
            Err(IbanError::CaractereInvalide { caractere: '_' }),
        );
    }

    #[test]
    fn french_bban_with_letters_in_bank_code_is_rejected() {
        // Same mod-97 remainder is forced by recomputing the check digits for a bank code with a letter.
        let bban = "3000A000011234567890189";
        let reste = mod97(&format!("{bban}FR00"));
        let cle = 98 - reste;
        let texte = format!("FR{cle:02}{bban}");
        iban(&texte, Err(IbanError::BbanFr));
    }

    #[test]
    fn rib_key_is_checked_for_french_accounts() {
        assert_eq!(
            Iban::parse("FR7630006000011234567890189")
                .unwrap()
                .cle_rib_valide(),
            Some(true)
        );
        assert_eq!(
            Iban::parse("FR1420041010050500013M02606")
                .unwrap()
                .cle_rib_valide(),
            Some(true)
        );
        assert_eq!(
            Iban::parse("DE89370400440532013000")
                .unwrap()
                .cle_rib_valide(),
            None
        );
        // A wrong RIB key with IBAN check digits recomputed so that mod 97 passes.
        let bban = "30006000011234567890188";
        let cle = 98 - mod97(&format!("{bban}FR00"));
        let faux = Iban::parse(&format!("FR{cle:02}{bban}")).unwrap();
        assert_eq!(faux.cle_rib_valide(), Some(false));
    }

    #[test]
    fn iban_paper_format_groups_by_four() {
        let valeur = Iban::parse("FR7630006000011234567890189").unwrap();
        assert_eq!(valeur.format_papier(), "FR76 3000 6000 0112 3456 7890 189");
        assert_eq!(Iban::parse(&valeur.format_papier()).unwrap(), valeur);
    }

    #[test]
    fn typed_iban_is_grouped_by_four_while_typing() {
        assert_eq!(iban_saisi_groupe(""), "");
        assert_eq!(iban_saisi_groupe("fr7630006 000"), "FR76 3000 6000");
        assert_eq!(iban_saisi_groupe("FR76 3000 60"), "FR76 3000 60");
        assert_eq!(iban_saisi_groupe("FR76-3000.6000 0"), "FR76 3000 6000 0");
        assert_eq!(
            iban_saisi_groupe("FR7630006000011234567890189"),
            "FR76 3000 6000 0112 3456 7890 189"
        );
        // Grouping again changes nothing; what cannot be in an IBAN is kept for the check to name.
        assert_eq!(
            iban_saisi_groupe(&iban_saisi_groupe("fr7630006000")),
            "FR76 3000 6000"
        );
        assert_eq!(iban_saisi_groupe("FR76_30"), "FR76 _30");
    }

    #[test]
    fn a_typed_iban_is_in_progress_until_complete_or_left() {
        assert_eq!(saisie_iban("  ", false), SaisieIban::Vide);
        assert_eq!(saisie_iban("fr", false), SaisieIban::EnCours(2, 0));
        assert_eq!(saisie_iban("FR76 3000", false), SaisieIban::EnCours(8, 27));
        assert_eq!(
            saisie_iban("FR76 3000", true),
            SaisieIban::Invalide(IbanError::Longueur {
                pays: "FR".into(),
                attendu: 27,
                trouve: 8
            })
        );
        assert_eq!(
            saisie_iban("F", true),
            SaisieIban::Invalide(IbanError::Entete)
        );
        // What can never become an IBAN shows at once.
        assert_eq!(
            saisie_iban("12", false),
            SaisieIban::Invalide(IbanError::Entete)
        );
        assert_eq!(
            saisie_iban("ZZ76 3000", false),
            SaisieIban::Invalide(IbanError::PaysInconnu("ZZ".into()))
        );
        assert_eq!(
            saisie_iban("FR77 3000 6000 0112 3456 7890 189", false),
            SaisieIban::Invalide(IbanError::CleMod97)
        );
        assert!(matches!(
            saisie_iban("FR76 3000 6000 0112 3456 7890 189", false),
            SaisieIban::Valide(_)
        ));
        // Too long is wrong at once.
        assert!(matches!(
            saisie_iban("FR76 3000 6000 0112 3456 7890 1890", false),
            SaisieIban::Invalide(IbanError::Longueur { .. })
        ));
    }

    #[test]
    fn iban_errors_have_french_and_english_messages() {
        let erreur = Iban::parse("FR7730006000011234567890189").unwrap_err();
        assert_eq!(erreur.message_fr(), "clé de contrôle incorrecte");
        assert_eq!(erreur.message_en(), "wrong check digits");
        let courte = Iban::parse("FR76 3000").unwrap_err();
        assert_eq!(
            courte.message_fr(),
            "un IBAN FR compte 27 caractères, 8 saisis"
        );
        assert_eq!(courte.message_en(), "a FR IBAN has 27 characters, 8 typed");
    }

    #[test]
    fn bic_cases() {
        #[track_caller]
        fn check(texte: &str, attendu: Result<&str, BicError>) {
            assert_eq!(
                Bic::parse(texte).map(String::from),
                attendu.map(String::from)
            );
        }
        check("BNPAFRPP", Ok("BNPAFRPP"));
        check("bnpa fr pp xxx", Ok("BNPAFRPPXXX"));
        check("AGRIFRPP882", Ok("AGRIFRPP882"));
        check("BNPAFRP", Err(BicError::Longueur { trouve: 7 }));
        check("BNP1FRPP", Err(BicError::Format));
        check("BNPAF1PP", Err(BicError::Format));
        assert_eq!(Bic::parse("BNPAFRPP").unwrap().code_pays(), "FR");
    }

    #[test]
    fn ridet_cases() {
        assert_eq!(
            Ridet::parse("1234567.001").map(String::from),
            Ok("1234567001".into())
        );
        assert_eq!(
            Ridet::parse("123456001").map(String::from),
            Ok("123456001".into())
        );
        assert_eq!(
            Ridet::parse("12345678"),
            Err(RidetError::Longueur { trouve: 8 })
        );
        assert_eq!(
            Ridet::parse("12345_6001"),
            Err(RidetError::CaractereInvalide { caractere: '_' })
        );
    }

    #[test]
    fn tahiti_cases() {
        assert_eq!(
            Tahiti::parse("003970-001").map(String::from),
            Ok("003970001".into())
        );
        assert_eq!(
            Tahiti::parse("a1b2c3 001").map(String::from),
            Ok("A1B2C3001".into())
        );
        assert_eq!(Tahiti::parse("003970-0A1"), Err(TahitiError::Format));
        assert_eq!(
            Tahiti::parse("003970-01"),
            Err(TahitiError::Longueur { trouve: 8 })
        );
    }

    #[test]
    fn identifiers_roundtrip_through_serde_strings() {
        let valeur = Siret::parse("11000201100044").unwrap();
        let texte = String::from(valeur.clone());
        assert_eq!(Siret::try_from(texte), Ok(valeur));
        assert!(Siret::try_from(String::from("11000201100045")).is_err());
    }
}
