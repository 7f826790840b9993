//! Small browser services shared by screens: today's date and file downloads.

use wasm_bindgen::JsCast;

/// Today in the browser's time zone (chrono's clock is not available on wasm32-unknown-unknown).
pub fn aujourd_hui() -> chrono::NaiveDate {
    let maintenant = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        maintenant.get_full_year() as i32,
        maintenant.get_month() + 1,
        maintenant.get_date(),
    )
    .unwrap_or_default()
}

/// Offers `contenu` as a file download named `nom`. Returns false when the browser refused.
pub fn telecharger(nom: &str, type_mime: &str, contenu: &str) -> bool {
    let morceaux = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contenu));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(type_mime);
    match web_sys::Blob::new_with_str_sequence_and_options(&morceaux, &options) {
        Ok(blob) => offrir(nom, &blob),
        Err(_) => false,
    }
}

/// Offers bytes as a file download named `nom`. Returns false when the browser refused.
pub fn telecharger_octets(nom: &str, type_mime: &str, octets: &[u8]) -> bool {
    let tableau = js_sys::Uint8Array::from(octets);
    let morceaux = js_sys::Array::of1(&tableau);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(type_mime);
    match web_sys::Blob::new_with_u8_array_sequence_and_options(&morceaux, &options) {
        Ok(blob) => offrir(nom, &blob),
        Err(_) => false,
    }
}

fn offrir(nom: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let lien = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(lien) = lien else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    lien.set_href(&url);
    lien.set_download(nom);
    lien.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}
