//! Helpers shared by the wire tests: exact JSON text roundtrips.
#![allow(dead_code)]

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Removes whitespace outside JSON strings, so tests can write readable JSON and compare texts.
pub fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Reads `json` into `T`, writes it back, and asserts the text is identical (same keys, same
/// order, same number spelling). Returns the value for field assertions.
#[track_caller]
pub fn roundtrip<T: Serialize + DeserializeOwned>(json: &str) -> T {
    let attendu = compact(json);
    let valeur: T = match serde_json::from_str(&attendu) {
        Ok(valeur) => valeur,
        Err(erreur) => panic!("reading failed: {erreur}\n{attendu}"),
    };
    let ecrit = match serde_json::to_string(&valeur) {
        Ok(ecrit) => ecrit,
        Err(erreur) => panic!("writing failed: {erreur}"),
    };
    assert_eq!(ecrit, attendu);
    valeur
}
