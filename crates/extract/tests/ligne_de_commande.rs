//! The `passerelle-extract` binary as the extraction contract specifies it: one JSON line per file, in
//! input order, `file` as given, an `error` line with all fields null for unreadable files, exit 0.

use std::process::Command;

const CHAMPS: [&str; 17] = [
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
    "vat_breakdown",
    "lines",
];

fn executer(args: &[&str]) -> (Vec<serde_json::Value>, bool) {
    let sortie = Command::new(env!("CARGO_BIN_EXE_passerelle-extract"))
        .args(args)
        .output()
        .expect("the binary runs");
    let texte = String::from_utf8(sortie.stdout).expect("UTF-8 output");
    let lignes = texte
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    (lignes, sortie.status.success())
}

#[test]
fn unreadable_files_get_an_error_line_in_order_and_the_exit_code_is_zero() {
    let dir = std::env::temp_dir().join(format!("passerelle-extract-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let aleatoire = dir.join("aleatoire.pdf");
    std::fs::write(
        &aleatoire,
        (0..2000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .expect("write");
    let absent = dir.join("absent.pdf");
    let (a, b) = (
        aleatoire.to_string_lossy().into_owned(),
        absent.to_string_lossy().into_owned(),
    );
    let (lignes, succes) = executer(&[&b, &a]);
    assert!(succes, "exit 0 even when every file fails");
    assert_eq!(lignes.len(), 2);
    for (ligne, nom) in lignes.iter().zip([&b, &a]) {
        assert_eq!(ligne["file"], serde_json::Value::String(nom.clone()));
        assert_eq!(ligne["source"], "none");
        assert!(
            ligne["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{ligne}"
        );
        for champ in CHAMPS {
            assert!(ligne["fields"][champ].is_null(), "{champ} in {ligne}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lines_mode_prints_the_text_layer() {
    let dir =
        std::env::temp_dir().join(format!("passerelle-extract-lignes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let contenu = "BT /F1 12 Tf 72 700 Td (Facture 7) Tj ET";
    let objets = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{contenu}\nendstream", contenu.len()),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut positions = Vec::new();
    for (i, o) in objets.iter().enumerate() {
        positions.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for p in positions {
        pdf.extend_from_slice(format!("{p:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    let fichier = dir.join("f.pdf");
    std::fs::write(&fichier, &pdf).expect("write");
    let sortie = Command::new(env!("CARGO_BIN_EXE_passerelle-extract"))
        .arg("--lines")
        .arg(&fichier)
        .output()
        .expect("the binary runs");
    let texte = String::from_utf8_lossy(&sortie.stdout);
    assert!(texte.contains("] Facture 7"), "{texte}");
    let (lignes, _) = executer(&[&fichier.to_string_lossy()]);
    assert_eq!(lignes[0]["source"], "text");
    assert_eq!(lignes[0]["pages"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}
