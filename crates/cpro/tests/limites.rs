//! Tests of the limits helpers: invoice-number characters, attachment extensions, search codes.

use cpro::limites::{self, codes_retour};

#[test]
fn invoice_number_characters_follow_the_spec_set() {
    let autorises = "AZaz09-_/+";
    assert!(autorises
        .chars()
        .all(limites::caractere_autorise_numero_facture));
    for refuse in [' ', '.', '#', 'é', '\\', '*'] {
        assert!(
            !limites::caractere_autorise_numero_facture(refuse),
            "{refuse:?}"
        );
    }
}

#[track_caller]
fn check_extension(nom: &str, attendu: bool) {
    assert_eq!(limites::extension_autorisee(nom), attendu, "{nom}");
}

#[test]
fn attachment_extensions_are_checked_without_case() {
    check_extension("bon.pdf", true);
    check_extension("BON.PDF", true);
    check_extension("scan.TiFf", true);
    check_extension("archive.tar.gz", true);
    check_extension("style.xsl", true);
    check_extension("virus.exe", false);
    check_extension("sans_extension", false);
    check_extension(".pdf", false);
    check_extension("point.", false);
}

#[test]
fn size_limits_use_binary_megabytes() {
    assert_eq!(limites::TAILLE_MAX_DEPOSER_PDF, 10_485_760);
    assert_eq!(limites::TAILLE_MAX_FACTURE_AVEC_PIECES_JOINTES, 125_829_120);
}

#[test]
fn empty_search_codes_are_recognised() {
    assert!(codes_retour::est_recherche_vide(20000));
    assert!(codes_retour::est_recherche_vide(20007));
    assert!(!codes_retour::est_recherche_vide(codes_retour::SUCCES));
    assert!(!codes_retour::est_recherche_vide(20001));
}
