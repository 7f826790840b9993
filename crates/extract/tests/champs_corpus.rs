//! Field accuracy of the text layer + field finding on the dev corpus (`shared/corpus/dev`), scored
//! as `shared/design/extraction-contract.md` says, on the documents whose true source is `text`.
//!
//! Skips with a message when the corpus folder is absent. Set `CHAMPS_CORPUS_SORTIE=FILE` to write
//! the results as JSON Lines (same shape as `passerelle-extract`) for a closer look.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use extract::champs::trouver;
use extract::resultat::Fields;
use rust_decimal::Decimal;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/dev");

/// Field accuracy reached on the dev corpus when this floor was set, minus a small margin.
const PLANCHER: f64 = 0.99;

const SCALAIRES: [&str; 15] = [
    "invoice_number",
    "invoice_date",
    "invoice_type",
    "currency",
    "supplier_siret",
    "supplier_vat",
    "recipient_siret",
    "service_code",
    "engagement_number",
    "market_number",
    "total_ht",
    "total_vat",
    "total_ttc",
    "amount_due",
    "iban",
];

const MONTANTS: [&str; 4] = ["total_ht", "total_vat", "total_ttc", "amount_due"];

/// The contract's normalisation: amounts as decimals, identifiers without spaces, upper case.
fn normal(champ: &str, valeur: &Value) -> Option<String> {
    let texte = match valeur {
        Value::Null => return None,
        Value::String(s) => s.clone(),
        autre => autre.to_string(),
    };
    if MONTANTS.contains(&champ) {
        return texte
            .parse::<Decimal>()
            .ok()
            .map(|d| d.round_dp(2).normalize().to_string());
    }
    if champ == "invoice_date" {
        return Some(texte.trim().to_owned());
    }
    Some(texte.split_whitespace().collect::<String>().to_uppercase())
}

fn ventilation(valeur: &Value) -> Vec<(String, String, String)> {
    let d = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| s.parse::<Decimal>().ok())
            .map(|x| x.round_dp(2).normalize().to_string())
            .unwrap_or_default()
    };
    let mut entrees: Vec<(String, String, String)> = valeur
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| (d(e.get("rate")), d(e.get("base")), d(e.get("amount"))))
                .collect()
        })
        .unwrap_or_default();
    entrees.sort();
    entrees.dedup();
    entrees
}

fn documents_texte(dossier: &Path) -> Vec<(PathBuf, Value)> {
    let Ok(lecture) = std::fs::read_dir(dossier) else {
        return Vec::new();
    };
    let mut pdfs: Vec<PathBuf> = lecture
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    pdfs.sort();
    pdfs.into_iter()
        .filter_map(|pdf| {
            let verite: Value =
                serde_json::from_str(&std::fs::read_to_string(pdf.with_extension("json")).ok()?)
                    .ok()?;
            (verite.get("source").and_then(Value::as_str) == Some("text")).then_some((pdf, verite))
        })
        .collect()
}

#[test]
fn field_accuracy_on_the_dev_corpus_stays_above_the_floor() {
    let dossier = Path::new(CORPUS);
    if !dossier.is_dir() {
        println!("corpus {CORPUS} absent: accuracy test skipped");
        return;
    }
    let documents = documents_texte(dossier);
    assert!(!documents.is_empty(), "no text document in {CORPUS}");
    let mut justes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total_justes = 0usize;
    let mut documents_exacts = 0usize;
    let mut sortie = String::new();
    for (pdf, verite) in &documents {
        let octets = std::fs::read(pdf).unwrap_or_default();
        let fields = match extract::texte::lire_pages(&octets, 3) {
            Ok(doc) => trouver(&doc.pages).fields,
            Err(_) => Fields::default(),
        };
        let obtenu = serde_json::to_value(&fields).unwrap_or(Value::Null);
        let attendu = verite.get("fields").cloned().unwrap_or(Value::Null);
        let mut exact = true;
        for champ in SCALAIRES {
            let juste = normal(champ, attendu.get(champ).unwrap_or(&Value::Null))
                == normal(champ, obtenu.get(champ).unwrap_or(&Value::Null));
            if juste {
                *justes.entry(champ).or_default() += 1;
                total_justes += 1;
            } else {
                exact = false;
                println!(
                    "{}: {champ} expected {} got {}",
                    pdf.display(),
                    attendu.get(champ).unwrap_or(&Value::Null),
                    obtenu.get(champ).unwrap_or(&Value::Null)
                );
            }
        }
        let nul = Value::Null;
        if ventilation(attendu.get("vat_breakdown").unwrap_or(&nul))
            == ventilation(obtenu.get("vat_breakdown").unwrap_or(&nul))
        {
            *justes.entry("vat_breakdown").or_default() += 1;
            total_justes += 1;
        } else {
            exact = false;
            println!("{}: vat_breakdown differs", pdf.display());
        }
        documents_exacts += usize::from(exact);
        sortie.push_str(
            &serde_json::json!({"file": pdf, "source": "text", "fields": obtenu}).to_string(),
        );
        sortie.push('\n');
    }
    if let Some(chemin) = std::env::var_os("CHAMPS_CORPUS_SORTIE") {
        std::fs::write(chemin, sortie).unwrap_or_default();
    }
    let n = documents.len();
    for champ in SCALAIRES.iter().chain(["vat_breakdown"].iter()) {
        let j = justes.get(champ).copied().unwrap_or(0);
        println!("{champ:20} {j:3}/{n} {:5.1} %", 100.0 * j as f64 / n as f64);
    }
    let precision = total_justes as f64 / (n * 16) as f64;
    println!(
        "field accuracy {:.1} % on {n} text documents, exact documents {documents_exacts}/{n}",
        100.0 * precision
    );
    assert!(
        precision >= PLANCHER,
        "field accuracy {precision:.3} fell under {PLANCHER}"
    );
}
