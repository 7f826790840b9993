//! Pure rules of the portal's forms (password strength, e-mail and phone shapes), shared by the server,
//! which enforces them, and the SPA, which shows them live as the user types. No IO.

pub mod liste_sollicitations;
pub mod sollicitations;

/// Shortest password accepted.
pub const MOT_DE_PASSE_LONGUEUR_MIN: usize = 12;
/// Longest password accepted (argon2 hashes anything, but a megabyte password is an attack).
pub const MOT_DE_PASSE_LONGUEUR_MAX: usize = 128;
/// Character classes a password needs among lower case, upper case, digit and other.
pub const MOT_DE_PASSE_CLASSES_MIN: usize = 3;

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MotDePasseRefuse {
    /// Fewer than [`MOT_DE_PASSE_LONGUEUR_MIN`] characters.
    TropCourt,
    /// More than [`MOT_DE_PASSE_LONGUEUR_MAX`] characters.
    TropLong,
    /// Fewer than [`MOT_DE_PASSE_CLASSES_MIN`] character classes; how many were found.
    PasAssezDeClasses(usize),
}

impl MotDePasseRefuse {
    /// The message shown under the field: (French, English).
    pub fn messages(self) -> (String, String) {
        match self {
            MotDePasseRefuse::TropCourt => (
                format!("Le mot de passe doit comporter au moins {MOT_DE_PASSE_LONGUEUR_MIN} caractères."),
                format!("The password must have at least {MOT_DE_PASSE_LONGUEUR_MIN} characters."),
            ),
            MotDePasseRefuse::TropLong => (
                format!("Le mot de passe doit comporter au plus {MOT_DE_PASSE_LONGUEUR_MAX} caractères."),
                format!("The password must have at most {MOT_DE_PASSE_LONGUEUR_MAX} characters."),
            ),
            MotDePasseRefuse::PasAssezDeClasses(_) => (
                "Le mot de passe doit mêler au moins 3 types de caractères parmi : minuscules, majuscules, \
                 chiffres, caractères spéciaux."
                    .to_owned(),
                "The password must mix at least 3 kinds of characters among: lower case, upper case, digits, \
                 special characters."
                    .to_owned(),
            ),
        }
    }
}

/// How many of the four classes (lower case, upper case, digit, other) the text uses.
pub fn classes_de_caracteres(texte: &str) -> usize {
    let minuscule = texte.chars().any(char::is_lowercase);
    let majuscule = texte.chars().any(char::is_uppercase);
    let chiffre = texte.chars().any(|c| c.is_ascii_digit());
    let autre = texte
        .chars()
        .any(|c| !c.is_lowercase() && !c.is_uppercase() && !c.is_ascii_digit());
    [minuscule, majuscule, chiffre, autre]
        .iter()
        .filter(|present| **present)
        .count()
}

/// The password policy: at least 12 characters (counted as characters, not bytes), at most 128, and 3 of
/// the 4 classes.
pub fn verifier_mot_de_passe(mot_de_passe: &str) -> Result<(), MotDePasseRefuse> {
    let longueur = mot_de_passe.chars().count();
    if longueur < MOT_DE_PASSE_LONGUEUR_MIN {
        return Err(MotDePasseRefuse::TropCourt);
    }
    if longueur > MOT_DE_PASSE_LONGUEUR_MAX {
        return Err(MotDePasseRefuse::TropLong);
    }
    let classes = classes_de_caracteres(mot_de_passe);
    if classes < MOT_DE_PASSE_CLASSES_MIN {
        return Err(MotDePasseRefuse::PasAssezDeClasses(classes));
    }
    Ok(())
}

/// The stored form of an e-mail address: trimmed, lower case.
pub fn normaliser_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces, at most
/// 254 characters. (Deliverability is proved by the activation link, not by a pattern.)
pub fn email_valide(email: &str) -> bool {
    let email = email.trim();
    let Some((local, domaine)) = email.split_once('@') else {
        return false;
    };
    let domaine_ok = domaine.split('.').count() >= 2
        && domaine.split('.').all(|partie| {
            !partie.is_empty() && partie.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    email.chars().count() <= 254
        && !local.is_empty()
        && local.chars().count() <= 64
        && !local.contains(char::is_whitespace)
        && !domaine.contains('@')
        && domaine_ok
}

/// A plausible phone number: digits with optional `+`, spaces, dots, dashes and brackets; 6 to 15 digits
/// (E.164's maximum).
pub fn telephone_valide(telephone: &str) -> bool {
    let telephone = telephone.trim();
    let caracteres_ok = telephone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '.' | '-' | '(' | ')'));
    let chiffres = telephone.chars().filter(char::is_ascii_digit).count();
    caracteres_ok && (6..=15).contains(&chiffres) && telephone.rfind('+').is_none_or(|i| i == 0)
}

/// The form of a secret answer that is hashed and compared: trimmed, inner spaces collapsed, lower case,
/// so that « Rex », « rex » and « rex  » match.
pub fn normaliser_reponse_secrete(reponse: &str) -> String {
    reponse
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A key (TOTP secret, IBAN…) in groups of four characters, easier to read and type.
pub fn par_groupes_de_quatre(cle: &str) -> String {
    cle.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|groupe| groupe.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An SVG document as an image source (`data:` URL), so that markup received from the server is shown
/// as an image and never inserted in the page's DOM.
pub fn svg_en_url_data(svg: &str) -> String {
    let mut url = String::from("data:image/svg+xml;charset=utf-8,");
    for c in svg.chars() {
        match c {
            '%' => url.push_str("%25"),
            '#' => url.push_str("%23"),
            '"' => url.push('\''),
            '<' => url.push_str("%3C"),
            '>' => url.push_str("%3E"),
            '\n' | '\r' | '\t' => url.push(' '),
            autre => url.push(autre),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_password_with_three_classes_is_accepted() {
        assert_eq!(verifier_mot_de_passe("Bonjour-le-monde"), Ok(()));
        assert_eq!(verifier_mot_de_passe("motdepasse2026!"), Ok(()));
        assert_eq!(verifier_mot_de_passe("ABCDEFGHIJ12x"), Ok(()));
    }

    #[test]
    fn eleven_characters_are_too_short_and_twelve_are_enough() {
        assert_eq!(
            verifier_mot_de_passe("Abcdefgh-12"),
            Err(MotDePasseRefuse::TropCourt)
        );
        assert_eq!(verifier_mot_de_passe("Abcdefgh-123"), Ok(()));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // 11 characters, more than 12 bytes.
        assert_eq!(
            verifier_mot_de_passe("éééééééé-É1"),
            Err(MotDePasseRefuse::TropCourt)
        );
        assert_eq!(verifier_mot_de_passe("ééééééééé-É1"), Ok(()));
    }

    #[test]
    fn two_classes_are_not_enough_whatever_the_length() {
        assert_eq!(
            verifier_mot_de_passe("motdepassetreslong"),
            Err(MotDePasseRefuse::PasAssezDeClasses(1))
        );
        assert_eq!(
            verifier_mot_de_passe("motdepasse123456"),
            Err(MotDePasseRefuse::PasAssezDeClasses(2))
        );
        assert_eq!(
            verifier_mot_de_passe("MOTDEPASSE-----"),
            Err(MotDePasseRefuse::PasAssezDeClasses(2))
        );
    }

    #[test]
    fn the_four_classes_are_counted() {
        assert_eq!(classes_de_caracteres(""), 0);
        assert_eq!(classes_de_caracteres("a"), 1);
        assert_eq!(classes_de_caracteres("aB"), 2);
        assert_eq!(classes_de_caracteres("aB3"), 3);
        assert_eq!(classes_de_caracteres("aB3 "), 4);
        assert_eq!(classes_de_caracteres("é€"), 2);
    }

    #[test]
    fn an_absurdly_long_password_is_refused() {
        let long = "Aa1-".repeat(40);
        assert_eq!(
            verifier_mot_de_passe(&long),
            Err(MotDePasseRefuse::TropLong)
        );
    }

    #[test]
    fn every_refusal_has_a_french_and_an_english_message() {
        for refus in [
            MotDePasseRefuse::TropCourt,
            MotDePasseRefuse::TropLong,
            MotDePasseRefuse::PasAssezDeClasses(1),
        ] {
            let (fr, en) = refus.messages();
            assert!(!fr.is_empty() && !en.is_empty() && fr != en);
        }
    }

    #[test]
    fn email_shapes() {
        for bon in [
            "a@b.fr",
            " Camille.Martin@exemple.test ",
            "x+tag@sous.domaine.fr",
        ] {
            assert!(email_valide(bon), "{bon}");
        }
        for mauvais in [
            "",
            "a",
            "a@b",
            "@b.fr",
            "a b@c.fr",
            "a@b..fr",
            "a@@b.fr",
            "a@b.fr@c.fr",
        ] {
            assert!(!email_valide(mauvais), "{mauvais}");
        }
        assert_eq!(normaliser_email(" A@B.Fr "), "a@b.fr");
    }

    #[test]
    fn phone_shapes() {
        for bon in ["01 23 45 67 89", "+33 1 23 45 67 89", "(0)6.12.34.56.78"] {
            assert!(telephone_valide(bon), "{bon}");
        }
        for mauvais in [
            "",
            "12345",
            "01 23 45 67 8a",
            "33+1234567",
            "1".repeat(16).as_str(),
        ] {
            assert!(!telephone_valide(mauvais), "{mauvais}");
        }
    }

    #[test]
    fn secret_answers_ignore_case_and_spacing() {
        assert_eq!(normaliser_reponse_secrete("  Le  Chat Rex "), "le chat rex");
    }

    #[test]
    fn a_key_is_shown_in_groups_of_four() {
        assert_eq!(
            par_groupes_de_quatre("JBSWY3DPEHPK3PXP"),
            "JBSW Y3DP EHPK 3PXP"
        );
        assert_eq!(par_groupes_de_quatre("AB CDEF"), "ABCD EF");
    }

    #[test]
    fn an_svg_becomes_a_data_url_without_raw_markup() {
        let url = svg_en_url_data("<svg fill=\"#000\">\n</svg>");
        assert!(url.starts_with("data:image/svg+xml;charset=utf-8,"));
        assert!(
            !url.contains('<') && !url.contains('#') && !url.contains('"') && !url.contains('\n')
        );
    }
}
