//! Regression tests of the text layer on small PDFs written by hand in each test: text matrices,
//! `TJ` spacing, `/Differences`, ToUnicode on Identity-H fonts, graphics state and Form XObjects.

use extract::layout::Page;
use extract::texte::lire_pages;

/// A stream object with its `/Length`.
fn flux(dict: &str, contenu: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{contenu}\nendstream",
        contenu.len()
    )
}

/// A PDF whose objects are numbered from 1 in order, with a correct cross-reference table.
fn pdf(objets: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut positions = Vec::new();
    for (i, o) in objets.iter().enumerate() {
        positions.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objets.len() + 1).as_bytes(),
    );
    for p in positions {
        out.extend_from_slice(format!("{p:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objets.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// One page with font `/F1` (object 5) and `/F2` (object 6), content in object 4; extra objects from 7.
fn une_page(
    contenu: &str,
    police1: &str,
    police2: &str,
    extra: &[String],
    xobjets: &str,
) -> Vec<u8> {
    let mut objets = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << {xobjets} >> >> /Contents 4 0 R >>"
        ),
        flux("", contenu),
        police1.to_string(),
        police2.to_string(),
    ];
    objets.extend_from_slice(extra);
    pdf(&objets)
}

const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

fn lignes(octets: &[u8]) -> Vec<String> {
    let doc = lire_pages(octets, 3).expect("hand-written PDF opens");
    doc.pages
        .iter()
        .flat_map(|p: &Page| p.lignes.iter().map(|l| l.texte()))
        .collect()
}

fn proche(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

#[test]
fn tm_places_words_with_standard_14_widths() {
    let octets = une_page(
        "BT /F1 10 Tf 1 0 0 1 100 700 Tm (Total HT) Tj ET",
        HELVETICA,
        HELVETICA,
        &[],
        "",
    );
    let doc = lire_pages(&octets, 3).expect("opens");
    let ligne = &doc.pages[0].lignes[0];
    assert_eq!(ligne.texte(), "Total HT");
    let total = &ligne.mots[0];
    // Helvetica AFM: T 611 o 556 t 278 a 556 l 222 = 2223/1000 em at 10 pt.
    assert!(
        proche(total.bbox[0], 100.0) && proche(total.bbox[2], 122.23),
        "{:?}",
        total.bbox
    );
    // "HT" starts after the space (278).
    assert!(
        proche(ligne.mots[1].bbox[0], 100.0 + 22.23 + 2.78),
        "{:?}",
        ligne.mots[1].bbox
    );
    assert!(total.bbox[1] < 700.0 && total.bbox[3] > 707.0);
    assert_eq!((doc.pages[0].largeur, doc.pages[0].hauteur), (595.0, 842.0));
}

#[test]
fn tj_kerning_splits_words_only_when_wide() {
    let octets = une_page(
        "BT /F1 10 Tf 50 600 Td [(Net) -40 (to) -600 (1 234,56)] TJ ET",
        HELVETICA,
        HELVETICA,
        &[],
        "",
    );
    assert_eq!(lignes(&octets), ["Netto 1 234,56"]);
    let doc = lire_pages(&octets, 3).expect("opens");
    let mots: Vec<&str> = doc.pages[0].lignes[0]
        .mots
        .iter()
        .map(|m| m.texte.as_str())
        .collect();
    assert_eq!(mots, ["Netto", "1", "234,56"]);
}

#[test]
fn td_tstar_and_leading_give_lines_top_to_bottom() {
    // The lower line is drawn first: lines come out in reading order anyway.
    let octets = une_page(
        "BT /F1 12 Tf 14 TL 72 500 Td (second) Tj ET BT /F1 12 Tf 72 700 Td (premier) Tj T* (suite) Tj 0 -14 TD (fin) Tj ET",
        HELVETICA,
        HELVETICA,
        &[],
        "",
    );
    assert_eq!(lignes(&octets), ["premier", "suite", "fin", "second"]);
}

#[test]
fn differences_map_codes_through_glyph_names() {
    let police = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica \
                  /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /eacute /uni20AC 90 /f_i] >> >>";
    let octets = une_page(
        "BT /F1 10 Tf 10 10 Td (AB Z) Tj ET",
        police,
        HELVETICA,
        &[],
        "",
    );
    assert_eq!(lignes(&octets), ["é€ fi"]);
}

#[test]
fn to_unicode_decodes_identity_h_codes_with_w_widths() {
    let type0 =
        "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Liberation /Encoding /Identity-H \
                 /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>";
    let cid = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Liberation \
               /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 \
               /W [1 [500 600] 3 3 250] >>"
        .to_string();
    let cmap = flux(
        "",
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
         2 beginbfchar <0001> <0046> <0003> <0020> endbfchar\n\
         1 beginbfrange <0002> <0002> <00E9> endbfrange\n\
         endcmap CMapName currentdict /CMap defineresource pop end end",
    );
    let octets = une_page(
        "BT /F2 20 Tf 100 400 Td <000100020003000100020001> Tj ET",
        HELVETICA,
        type0,
        &[cid, cmap],
        "",
    );
    let doc = lire_pages(&octets, 3).expect("opens");
    let ligne = &doc.pages[0].lignes[0];
    assert_eq!(ligne.texte(), "Fé FéF");
    // widths 500 + 600 at 20 pt: the first word is 22 units wide.
    assert!(
        proche(ligne.mots[0].bbox[2] - ligne.mots[0].bbox[0], 22.0),
        "{:?}",
        ligne.mots[0].bbox
    );
}

#[test]
fn cm_stack_and_form_xobjects_transform_text() {
    let forme = flux(
        "/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [1 0 0 1 0 100] \
         /Resources << /Font << /F9 5 0 R >> >>",
        "BT /F9 10 Tf 0 0 Td (dans la forme) Tj ET",
    );
    let octets = une_page(
        "q 2 0 0 2 0 0 cm BT /F1 10 Tf 50 300 Td (double) Tj ET Q \
         q 1 0 0 1 40 200 cm /Fx Do Q BT /F1 10 Tf 50 100 Td (apres) Tj ET",
        HELVETICA,
        HELVETICA,
        &[forme],
        "/Fx 7 0 R",
    );
    let doc = lire_pages(&octets, 3).expect("opens");
    let l = &doc.pages[0].lignes;
    assert_eq!(
        l.iter().map(|l| l.texte()).collect::<Vec<_>>(),
        ["double", "dans la forme", "apres"]
    );
    // cm scales by 2: the baseline is at 600 and the word at x 100; the form sits at (40, 300).
    assert!(proche(l[0].mots[0].bbox[0], 100.0), "{:?}", l[0].bbox);
    assert!(
        proche(l[1].mots[0].bbox[0], 40.0) && l[1].bbox[1] < 300.0 && l[1].bbox[3] > 305.0,
        "{:?}",
        l[1].bbox
    );
    assert!(proche(l[2].mots[0].bbox[0], 50.0), "{:?}", l[2].bbox);
}

#[test]
fn a_page_without_text_is_not_text() {
    let octets = une_page("0 0 m 100 100 l S", HELVETICA, HELVETICA, &[], "");
    let doc = lire_pages(&octets, 3).expect("opens");
    assert!(!doc.a_du_texte());
    let r = extract::extract(&octets);
    assert_eq!(r.source, extract::resultat::Source::None);
    assert_eq!(r.error.as_deref(), Some(extract::MESSAGE_SANS_TEXTE));
}

#[test]
fn a_form_drawing_itself_stops_at_the_depth_limit() {
    let forme = flux("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Fx 7 0 R >> /Font << /F1 5 0 R >> >>", "BT /F1 5 Tf 0 0 Td (x) Tj ET /Fx Do");
    let octets = une_page("/Fx Do", HELVETICA, HELVETICA, &[forme], "/Fx 7 0 R");
    let doc = lire_pages(&octets, 3).expect("opens");
    assert_eq!(lignes(&octets).len(), 1, "{doc:?}");
}

#[test]
fn text_drawn_rotated_on_a_portrait_page_reads_as_landscape() {
    // `0 1 -1 0` turns the baseline up the page (as landscape invoices on portrait pages do); the top of
    // the glyphs then points to smaller x, so the line at x 315 is below the one at x 300.
    let octets = une_page(
        "BT /F1 10 Tf 0 1 -1 0 300 100 Tm (Montant) Tj 0 1 -1 0 315 100 Tm (Total HT 10,00) Tj ET",
        HELVETICA,
        HELVETICA,
        &[],
        "",
    );
    let doc = lire_pages(&octets, 3).expect("opens");
    assert_eq!((doc.pages[0].largeur, doc.pages[0].hauteur), (842.0, 595.0));
    assert_eq!(lignes(&octets), ["Montant", "Total HT 10,00"]);
    let mot = &doc.pages[0].lignes[0].mots[0];
    assert!(proche(mot.bbox[0], 100.0), "{:?}", mot.bbox);
}

#[test]
fn a_broken_cross_reference_table_is_rebuilt() {
    let bon = une_page(
        "BT /F1 10 Tf 72 700 Td (Facture 42) Tj ET",
        HELVETICA,
        HELVETICA,
        &[],
        "",
    );
    // Junk after the header shifts every object: the xref offsets are all wrong.
    let mut decale = b"%PDF-1.4\n% junk inserted by a broken mailer\n".to_vec();
    decale.extend_from_slice(bon.get(9..).unwrap_or_default());
    // The end of the file (xref and trailer) is lost.
    let xref = bon
        .windows(4)
        .rposition(|w| w == b"xref")
        .expect("the test PDF has an xref");
    let tronque = bon.get(..xref).unwrap_or_default().to_vec();
    for octets in [decale, tronque] {
        assert_eq!(lignes(&octets), ["Facture 42"]);
    }
}

#[test]
fn pages_count_reads_the_page_tree() {
    let octets = une_page(
        "BT /F1 10 Tf 72 700 Td (x) Tj ET",
        HELVETICA,
        HELVETICA,
        &[],
        "",
    );
    assert_eq!(extract::texte::pages_count(&octets), Ok(1));
    assert_eq!(
        extract::texte::pages_count(b"GIF89a"),
        Err(extract::texte::ErreurLecture::PasUnPdf)
    );
}
