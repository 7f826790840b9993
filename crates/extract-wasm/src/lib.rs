//! `extract` as a standalone wasm-bindgen module: `extract(bytes) -> String`, the contract's JSON.
//!
//! Built by `cargo xtask race` for `shared/tools/race`, which times it against pdf.js in one Chromium page.
//! The SPA does not use this crate: it links `extract` directly.

use wasm_bindgen::prelude::*;

/// Extracts the fields of a PDF and returns the extraction contract's JSON object (without `file`).
#[wasm_bindgen]
pub fn extract(bytes: &[u8]) -> String {
    let extraction = extract::extract(bytes);
    serde_json::to_string(&extraction).unwrap_or_else(|erreur| {
        format!(r#"{{"source":"none","error":"serialisation: {erreur}"}}"#)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn garbage_gives_an_error_object_not_a_panic() {
        let json: serde_json::Value =
            serde_json::from_str(&super::extract(b"not a pdf")).unwrap_or_default();
        assert_eq!(json["source"], "none");
        assert!(json["error"].is_string());
    }
}
