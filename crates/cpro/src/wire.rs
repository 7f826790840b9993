//! Serde helpers for the wire formats of Chorus Pro: amounts as exact JSON numbers, lenient dates, lists.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

/// Parses the text of a JSON amount (a number, or a string holding one) into an exact decimal.
///
/// Chorus Pro sends amounts as JSON numbers (decimal(19,6) in the spec comments, api-reference §3);
/// reading them through f64 would turn `0.1` into `0.1000000000000000055…`, so the raw text is parsed.
fn parse_montant(raw: &str) -> Result<Decimal, String> {
    let texte = if raw.starts_with('"') {
        serde_json::from_str::<String>(raw).map_err(|e| e.to_string())?
    } else {
        raw.to_owned()
    };
    let texte = texte.trim();
    let resultat = if texte.contains(['e', 'E']) {
        Decimal::from_scientific(texte)
    } else {
        Decimal::from_str_exact(texte)
    };
    resultat.map_err(|e| format!("montant invalide {texte:?}: {e}"))
}

fn write_montant<S: Serializer>(montant: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    // `Decimal`'s Display never uses an exponent, so its text is a valid JSON number.
    let raw = RawValue::from_string(montant.to_string()).map_err(serde::ser::Error::custom)?;
    raw.serialize(serializer)
}

/// `#[serde(with = "montant_opt")]` for an optional `Decimal`; `null` and `""` read as `None`.
pub(crate) mod montant_opt {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(montant) => write_montant(montant, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let raw = Option::<Box<RawValue>>::deserialize(d)?;
        match raw {
            // `null` and `""` both mean "no amount": Java services send either for an empty field.
            Some(raw) if raw.get() != "null" && raw.get() != "\"\"" => parse_montant(raw.get())
                .map(Some)
                .map_err(de::Error::custom),
            _ => Ok(None),
        }
    }
}

/// Parses a Chorus Pro date: `YYYY-MM-DD`, possibly followed by a time or a zone.
///
/// Every working client sends `YYYY-MM-DD` although the swagger says `date-time`, and answers
/// carry `2026-04-03` or `2022-01-07T10:11:47` (api-reference §3, conventions).
fn parse_date(texte: &str) -> Result<NaiveDate, String> {
    let (jour, reste) = match texte.char_indices().nth(10) {
        Some((idx, _)) => texte.split_at(idx),
        None => (texte, ""),
    };
    // A time or a zone may follow (`T10:11:47`, ` 17:42`, `+02:00`, `Z`); the day is what counts.
    if !(reste.is_empty() || reste.starts_with(['T', ' ', 'Z', '+', '-'])) {
        return Err(format!("date invalide {texte:?}"));
    }
    NaiveDate::parse_from_str(jour, "%Y-%m-%d").map_err(|e| format!("date invalide {texte:?}: {e}"))
}

/// `#[serde(with = "date_opt")]` for an optional `NaiveDate` written `YYYY-MM-DD`.
pub(crate) mod date_opt {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(date) => s.collect_str(&date.format("%Y-%m-%d")),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(texte) if !texte.trim().is_empty() => parse_date(texte.trim())
                .map(Some)
                .map_err(de::Error::custom),
            _ => Ok(None),
        }
    }
}

/// Reads a JSON array, treating `null` as empty: Java services often send `null` for empty lists.
pub(crate) fn liste<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// Reads either one object or an array of objects into a list (`null` gives an empty list).
///
/// Used for `pieceJointePrincipale`: the 2020 swagger declares one object, every client working
/// against today's PISTE sends an array of one (api-reference §3.2). We write arrays, read both.
pub(crate) fn un_ou_liste<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct UnOuListe<T>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for UnOuListe<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object, an array of objects or null")
        }

        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }

        fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }

        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Vec<T>, D2::Error> {
            d.deserialize_any(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
            let item = T::deserialize(de::value::MapAccessDeserializer::new(map))?;
            Ok(vec![item])
        }
    }

    d.deserialize_option(UnOuListe(std::marker::PhantomData))
}

/// A date-time as Chorus Pro wrote it, kept verbatim.
///
/// Answers mix `2022-01-07T10:11:47`, `2016-10-25 17:42` and dates alone (api-reference §3);
/// keeping the text means an unexpected format never makes a whole answer unreadable.
/// Use [`DateHeure::to_naive`] to interpret it.
///
/// A JSON number (epoch milliseconds, Jackson's default for Java dates) is also accepted and kept
/// as its decimal text, so that such an answer stays readable; it is written back as a string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct DateHeure(pub String);

impl<'de> Deserialize<'de> for DateHeure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateHeureVisitor;

        impl Visitor<'_> for DateHeureVisitor {
            type Value = DateHeure;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date-time string or epoch milliseconds")
            }

            fn visit_str<E: de::Error>(self, texte: &str) -> Result<DateHeure, E> {
                Ok(DateHeure(texte.to_owned()))
            }

            fn visit_i64<E: de::Error>(self, millis: i64) -> Result<DateHeure, E> {
                Ok(DateHeure(millis.to_string()))
            }

            fn visit_u64<E: de::Error>(self, millis: u64) -> Result<DateHeure, E> {
                Ok(DateHeure(millis.to_string()))
            }
        }

        deserializer.deserialize_any(DateHeureVisitor)
    }
}

/// Occurs when a [`DateHeure`] is in none of the formats Chorus Pro is known to use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("date-heure chorus pro illisible: {texte:?}")]
pub struct DateHeureError {
    /// The text that could not be read.
    pub texte: String,
}

impl DateHeure {
    /// Formats tried in order; a date alone reads as midnight.
    const FORMATS: [&'static str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];

    /// Reads the date-time (any time-zone suffix such as `Z` or `+02:00` is ignored: Chorus Pro
    /// works in French local time). Epoch milliseconds are converted as UTC.
    pub fn to_naive(&self) -> Result<chrono::NaiveDateTime, DateHeureError> {
        let texte = self.0.trim();
        if !texte.is_empty() && texte.bytes().all(|b| b.is_ascii_digit()) {
            return texte
                .parse::<i64>()
                .ok()
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(|utc| utc.naive_utc())
                .ok_or_else(|| DateHeureError {
                    texte: self.0.clone(),
                });
        }
        // Keep `YYYY-MM-DDTHH:MM:SS` and its fraction; drop whatever follows (a zone).
        let sans_zone = match texte.get(19..) {
            Some(reste) if !reste.is_empty() => {
                let fraction = reste
                    .char_indices()
                    .find(|&(idx, c)| !(c.is_ascii_digit() || (idx == 0 && c == '.')))
                    .map_or(reste.len(), |(idx, _)| idx);
                texte.get(..19 + fraction).unwrap_or(texte)
            }
            _ => texte,
        };
        for format in Self::FORMATS {
            if let Ok(date_heure) = chrono::NaiveDateTime::parse_from_str(sans_zone, format) {
                return Ok(date_heure);
            }
        }
        parse_date(texte)
            .ok()
            .and_then(|date| date.and_hms_opt(0, 0, 0))
            .ok_or_else(|| DateHeureError {
                texte: self.0.clone(),
            })
    }
}

impl FromStr for DateHeure {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(DateHeure(s.to_owned()))
    }
}
