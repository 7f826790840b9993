//! Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA-1, 30-second steps, 6 digits,
//! and the base32 (RFC 4648) and `otpauth://` forms authenticator applications read. No IO, no clock:
//! callers pass the Unix time.

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Length of a step in seconds.
pub const PERIODE_SECONDES: u64 = 30;
/// Digits of a code.
pub const CHIFFRES: u32 = 6;
/// Steps accepted on each side of the current one (clock drift of the phone).
pub const FENETRE: u64 = 1;
/// Size of a generated secret in bytes (160 bits, RFC 4226's recommendation).
pub const TAILLE_SECRET: usize = 20;

const ALPHABET_BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Base32 (RFC 4648) without padding, as authenticator applications expect secrets.
pub fn base32(octets: &[u8]) -> String {
    let mut texte = String::with_capacity(octets.len().div_ceil(5) * 8);
    for bloc in octets.chunks(5) {
        let mut tampon = [0_u8; 5];
        tampon[..bloc.len()].copy_from_slice(bloc);
        let valeur = tampon
            .iter()
            .fold(0_u64, |acc, octet| (acc << 8) | u64::from(*octet));
        let caracteres = (bloc.len() * 8).div_ceil(5);
        for i in 0..caracteres {
            let index = (valeur >> (35 - 5 * i)) & 0x1f;
            texte.push(char::from(ALPHABET_BASE32[index as usize]));
        }
    }
    texte
}

/// Decodes base32 (case-insensitive, spaces and padding ignored); `None` on another character.
pub fn base32_decoder(texte: &str) -> Option<Vec<u8>> {
    let mut octets = Vec::new();
    let mut tampon: u64 = 0;
    let mut bits = 0_u32;
    for caractere in texte.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let majuscule = caractere.to_ascii_uppercase() as u8;
        let valeur = ALPHABET_BASE32.iter().position(|c| *c == majuscule)?;
        tampon = (tampon << 5) | valeur as u64;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            octets.push(((tampon >> bits) & 0xff) as u8);
        }
    }
    Some(octets)
}

/// HOTP (RFC 4226) of a counter with `chiffres` digits, zero-padded.
pub fn hotp(secret: &[u8], compteur: u64, chiffres: u32) -> String {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret) else {
        // HMAC takes keys of any length: this branch cannot happen.
        return String::new();
    };
    mac.update(&compteur.to_be_bytes());
    let empreinte = mac.finalize().into_bytes();
    let decalage = usize::from(empreinte[19] & 0x0f);
    let binaire = u32::from_be_bytes([
        empreinte[decalage] & 0x7f,
        empreinte[decalage + 1],
        empreinte[decalage + 2],
        empreinte[decalage + 3],
    ]);
    let modulo = 10_u64.pow(chiffres);
    format!(
        "{:0width$}",
        u64::from(binaire) % modulo,
        width = chiffres as usize
    )
}

/// The step (RFC 6238's T) of a Unix time.
pub fn pas(unix_secondes: u64) -> u64 {
    unix_secondes / PERIODE_SECONDES
}

/// The 6-digit TOTP code at a Unix time.
pub fn code(secret: &[u8], unix_secondes: u64) -> String {
    hotp(secret, pas(unix_secondes), CHIFFRES)
}

/// The step whose code matches `saisi` within [`FENETRE`] steps of `unix_secondes`, if any. Spaces in
/// the typed code are ignored; the comparison does not stop at the first differing digit.
pub fn verifier(secret: &[u8], saisi: &str, unix_secondes: u64) -> Option<u64> {
    let saisi: String = saisi.chars().filter(|c| !c.is_whitespace()).collect();
    if saisi.len() != CHIFFRES as usize || !saisi.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let courant = pas(unix_secondes);
    (courant.saturating_sub(FENETRE)..=courant + FENETRE)
        .find(|candidat| egal_temps_constant(&hotp(secret, *candidat, CHIFFRES), &saisi))
}

/// Compares two strings without stopping at the first difference.
pub fn egal_temps_constant(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0_u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The `otpauth://totp/...` URI that an authenticator application reads from a QR code.
pub fn uri(secret_base32: &str, emetteur: &str, compte: &str) -> String {
    let emetteur_encode = encoder_uri(emetteur);
    format!(
        "otpauth://totp/{emetteur_encode}:{compte}?secret={secret_base32}&issuer={emetteur_encode}\
         &algorithm=SHA1&digits={CHIFFRES}&period={PERIODE_SECONDES}",
        compte = encoder_uri(compte),
    )
}

/// The URI as a QR code in SVG (black modules on white, with the quiet zone), for the enrolment screen.
/// `None` only if the URI were too long for a QR code, which an `otpauth` URI of an e-mail never is.
pub fn qr_svg(uri: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(uri, qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

/// Percent-encoding of everything but RFC 3986's unreserved characters.
fn encoder_uri(texte: &str) -> String {
    texte
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 rows: (time, 8-digit TOTP); the key is ASCII "12345678901234567890".
    const VECTEURS_RFC6238: &[(u64, &str)] = &[
        (59, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ];
    const CLE_RFC: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc_6238_sha1_test_vectors() {
        for (temps, attendu) in VECTEURS_RFC6238 {
            assert_eq!(hotp(CLE_RFC, pas(*temps), 8), *attendu, "T={temps}");
        }
    }

    #[test]
    fn six_digit_codes_are_the_last_six_digits_of_the_vectors() {
        for (temps, attendu) in VECTEURS_RFC6238 {
            assert_eq!(code(CLE_RFC, *temps), attendu[2..], "T={temps}");
        }
    }

    #[test]
    fn rfc_4226_hotp_test_vectors() {
        let attendus = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (compteur, attendu) in attendus.iter().enumerate() {
            assert_eq!(hotp(CLE_RFC, compteur as u64, 6), *attendu);
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_early_or_late_but_not_two() {
        let t = 1_111_111_111;
        let maintenant = code(CLE_RFC, t);
        assert_eq!(verifier(CLE_RFC, &maintenant, t), Some(pas(t)));
        assert_eq!(verifier(CLE_RFC, &maintenant, t + 30), Some(pas(t)));
        assert_eq!(verifier(CLE_RFC, &maintenant, t - 30), Some(pas(t)));
        assert_eq!(verifier(CLE_RFC, &maintenant, t + 61), None);
        let espace = format!("{} {}", &maintenant[..3], &maintenant[3..]);
        assert_eq!(verifier(CLE_RFC, &espace, t), Some(pas(t)));
        assert_eq!(verifier(CLE_RFC, "12345", t), None);
        assert_eq!(verifier(CLE_RFC, "abcdef", t), None);
    }

    #[test]
    fn base32_follows_rfc_4648_and_round_trips() {
        // RFC 4648 §10, without padding.
        for (clair, encode) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32(clair.as_bytes()), encode);
            assert_eq!(
                base32_decoder(encode).as_deref(),
                Some(clair.as_bytes()),
                "{encode}"
            );
        }
        assert_eq!(base32(CLE_RFC), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(
            base32_decoder("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").as_deref(),
            Some(CLE_RFC)
        );
        assert_eq!(base32_decoder("A1"), None);
    }

    #[test]
    fn the_uri_names_the_issuer_and_account_and_encodes_them() {
        let uri = uri("JBSWY3DPEHPK3PXP", "Passerelle", "camille@exemple.test");
        assert_eq!(
            uri,
            "otpauth://totp/Passerelle:camille%40exemple.test?secret=JBSWY3DPEHPK3PXP&issuer=Passerelle\
             &algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn constant_time_equality() {
        assert!(egal_temps_constant("123456", "123456"));
        assert!(!egal_temps_constant("123456", "123457"));
        assert!(!egal_temps_constant("12345", "123456"));
    }

    #[test]
    fn the_enrolment_uri_renders_as_an_svg_qr_code() {
        let svg = qr_svg(&uri(
            "JBSWY3DPEHPK3PXP",
            "Passerelle",
            "camille@exemple.test",
        ))
        .expect("an otpauth URI fits in a QR code");
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("#000000"));
        assert!(
            qr_svg(&"x".repeat(5000)).is_none(),
            "too long for any QR version"
        );
    }
}
