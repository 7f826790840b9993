//! Fuzz target: the whole extraction on arbitrary bytes, without `extract`'s `catch_unwind` net, so
//! that any panic, hang or runaway allocation in the PDF reader, the text layer, Factur-X or field
//! finding is reported. Run: `cd crates/extract/fuzz && cargo fuzz run extract -- -max_total_time=300`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The same steps as `extract::extract`, called directly.
    let _ = extract::facturx::lire_pdf(data);
    if let Ok(doc) = extract::texte::lire_pages(data, extract::texte::PAGES_PAR_DEFAUT) {
        let _ = extract::champs::trouver(&doc.pages);
    }
    let _ = extract::facturx::lire_xml(data);
});
