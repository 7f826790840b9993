//! A ZIP archive without compression ("stored" entries), written by hand for `telecharger/groupe`:
//! invoices are PDFs, already compressed, so deflate would gain little and cost a dependency.
//!
//! Format: PKWARE APPNOTE 6.3 — one local header + data per file, then the central directory and its
//! end record. Names are UTF-8 (general purpose flag bit 11). No ZIP64: an archive stays under 4 GiB
//! and 65 535 entries (a download is capped at 120 MB anyway).

use chrono::{Datelike, NaiveDateTime, Timelike};

/// Why an archive cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveError {
    /// Occurs when the archive would need ZIP64 (4 GiB, 65 535 entries, or a name over 65 535 bytes).
    #[error("archive trop grande pour le format ZIP sans ZIP64")]
    TropGrande,
}

/// One file of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FichierArchive {
    /// Path inside the archive, `/`-separated.
    pub nom: String,
    /// Content.
    pub contenu: Vec<u8>,
}

const SIGNATURE_LOCALE: u32 = 0x0403_4b50;
const SIGNATURE_CENTRALE: u32 = 0x0201_4b50;
const SIGNATURE_FIN: u32 = 0x0605_4b50;
/// Version 2.0: the minimum for a plain stored file.
const VERSION: u16 = 20;
/// General purpose flag bit 11: names are UTF-8.
const DRAPEAU_UTF8: u16 = 0x0800;

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) lookup table, built at compile time.
const TABLE_CRC32: [u32; 256] = {
    let mut table = [0_u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// CRC-32 of `octets`, as ZIP stores it.
pub fn crc32(octets: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for octet in octets {
        let index = usize::from((crc as u8) ^ octet);
        crc = (crc >> 8) ^ TABLE_CRC32[index];
    }
    !crc
}

/// MS-DOS (time, date) of a timestamp; years before 1980 are written as 1980.
fn date_heure_dos(quand: NaiveDateTime) -> (u16, u16) {
    let annee = u16::try_from(quand.year().clamp(1980, 2107) - 1980).unwrap_or(0);
    let champ = |valeur: u32| u16::try_from(valeur).unwrap_or(0);
    let heure =
        (champ(quand.hour()) << 11) | (champ(quand.minute()) << 5) | (champ(quand.second()) / 2);
    let date = (annee << 9) | (champ(quand.month()) << 5) | champ(quand.day());
    (heure, date)
}

fn u16_de(valeur: usize) -> Result<u16, ArchiveError> {
    u16::try_from(valeur).map_err(|_| ArchiveError::TropGrande)
}

fn u32_de(valeur: usize) -> Result<u32, ArchiveError> {
    u32::try_from(valeur).map_err(|_| ArchiveError::TropGrande)
}

/// The fields a local header and its central directory entry share (after the version fields).
fn tete_commune(sortie: &mut Vec<u8>, heure: u16, date: u16, crc: u32, taille: u32, nom: u16) {
    sortie.extend_from_slice(&DRAPEAU_UTF8.to_le_bytes());
    sortie.extend_from_slice(&0_u16.to_le_bytes()); // method 0: stored
    sortie.extend_from_slice(&heure.to_le_bytes());
    sortie.extend_from_slice(&date.to_le_bytes());
    sortie.extend_from_slice(&crc.to_le_bytes());
    sortie.extend_from_slice(&taille.to_le_bytes()); // compressed size
    sortie.extend_from_slice(&taille.to_le_bytes()); // uncompressed size
    sortie.extend_from_slice(&nom.to_le_bytes());
    sortie.extend_from_slice(&0_u16.to_le_bytes()); // extra field length
}

/// Writes a ZIP archive of `fichiers`, every entry dated `quand`.
pub fn zip_sans_compression(
    fichiers: &[FichierArchive],
    quand: NaiveDateTime,
) -> Result<Vec<u8>, ArchiveError> {
    let (heure, date) = date_heure_dos(quand);
    let taille_totale: usize = fichiers
        .iter()
        .map(|f| f.contenu.len() + 2 * f.nom.len() + 76)
        .sum();
    let mut sortie = Vec::with_capacity(taille_totale + 22);
    let mut centrale = Vec::new();
    for fichier in fichiers {
        let position = u32_de(sortie.len())?;
        let crc = crc32(&fichier.contenu);
        let taille = u32_de(fichier.contenu.len())?;
        let nom = u16_de(fichier.nom.len())?;
        sortie.extend_from_slice(&SIGNATURE_LOCALE.to_le_bytes());
        sortie.extend_from_slice(&VERSION.to_le_bytes());
        tete_commune(&mut sortie, heure, date, crc, taille, nom);
        sortie.extend_from_slice(fichier.nom.as_bytes());
        sortie.extend_from_slice(&fichier.contenu);

        centrale.extend_from_slice(&SIGNATURE_CENTRALE.to_le_bytes());
        centrale.extend_from_slice(&VERSION.to_le_bytes()); // made by
        centrale.extend_from_slice(&VERSION.to_le_bytes()); // needed to extract
        tete_commune(&mut centrale, heure, date, crc, taille, nom);
        centrale.extend_from_slice(&0_u16.to_le_bytes()); // comment length
        centrale.extend_from_slice(&0_u16.to_le_bytes()); // disk number
        centrale.extend_from_slice(&0_u16.to_le_bytes()); // internal attributes
        centrale.extend_from_slice(&0_u32.to_le_bytes()); // external attributes
        centrale.extend_from_slice(&position.to_le_bytes());
        centrale.extend_from_slice(fichier.nom.as_bytes());
    }
    let debut_centrale = u32_de(sortie.len())?;
    let taille_centrale = u32_de(centrale.len())?;
    let entrees = u16_de(fichiers.len())?;
    sortie.extend_from_slice(&centrale);
    sortie.extend_from_slice(&SIGNATURE_FIN.to_le_bytes());
    sortie.extend_from_slice(&0_u16.to_le_bytes()); // this disk
    sortie.extend_from_slice(&0_u16.to_le_bytes()); // disk of the central directory
    sortie.extend_from_slice(&entrees.to_le_bytes());
    sortie.extend_from_slice(&entrees.to_le_bytes());
    sortie.extend_from_slice(&taille_centrale.to_le_bytes());
    sortie.extend_from_slice(&debut_centrale.to_le_bytes());
    sortie.extend_from_slice(&0_u16.to_le_bytes()); // comment length
    Ok(sortie)
}

/// Reads back the entries of an archive written by [`zip_sans_compression`] (names and contents,
/// CRC checked), following the central directory. For tests of the callers; `None` on anything else.
pub fn lire_zip_sans_compression(archive: &[u8]) -> Option<Vec<FichierArchive>> {
    let u16_a = |i: usize| -> Option<usize> {
        Some(usize::from(u16::from_le_bytes(
            archive.get(i..i + 2)?.try_into().ok()?,
        )))
    };
    let u32_a = |i: usize| -> Option<usize> {
        usize::try_from(u32::from_le_bytes(archive.get(i..i + 4)?.try_into().ok()?)).ok()
    };
    let fin = archive.len().checked_sub(22)?;
    if u32_a(fin)? != SIGNATURE_FIN as usize {
        return None;
    }
    let entrees = u16_a(fin + 10)?;
    let mut curseur = u32_a(fin + 16)?;
    let mut fichiers = Vec::with_capacity(entrees);
    for _ in 0..entrees {
        if u32_a(curseur)? != SIGNATURE_CENTRALE as usize || u16_a(curseur + 10)? != 0 {
            return None;
        }
        let crc = u32_a(curseur + 16)?;
        let taille = u32_a(curseur + 24)?;
        let longueur_nom = u16_a(curseur + 28)?;
        let locale = u32_a(curseur + 42)?;
        let nom = std::str::from_utf8(archive.get(curseur + 46..curseur + 46 + longueur_nom)?)
            .ok()?
            .to_owned();
        let debut = locale + 30 + u16_a(locale + 26)? + u16_a(locale + 28)?;
        let contenu = archive.get(debut..debut + taille)?.to_vec();
        if crc32(&contenu) as usize != crc {
            return None;
        }
        fichiers.push(FichierArchive { nom, contenu });
        curseur += 46 + longueur_nom;
    }
    Some(fichiers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn archive_round_trips_names_and_contents() {
        let fichiers = vec![
            FichierArchive {
                nom: "F-2026-001/facture.pdf".to_owned(),
                contenu: b"%PDF-1.4 un".to_vec(),
            },
            FichierArchive {
                nom: "F-2026-002/pièce é.txt".to_owned(),
                contenu: Vec::new(),
            },
        ];
        let quand = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|d| d.and_hms_opt(13, 37, 42))
            .unwrap_or_default();
        let archive = zip_sans_compression(&fichiers, quand).unwrap_or_default();
        assert!(archive.starts_with(b"PK\x03\x04"));
        assert_eq!(lire_zip_sans_compression(&archive), Some(fichiers));
    }

    #[test]
    fn dos_date_and_time_are_packed() {
        let quand = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|d| d.and_hms_opt(13, 37, 42))
            .unwrap_or_default();
        let (heure, date) = date_heure_dos(quand);
        assert_eq!(heure, (13 << 11) | (37 << 5) | 21);
        assert_eq!(date, (46 << 9) | (12 << 5) | 4);
    }

    #[test]
    fn an_empty_archive_is_only_the_end_record() {
        let archive = zip_sans_compression(&[], NaiveDateTime::default()).unwrap_or_default();
        assert_eq!(archive.len(), 22);
        assert_eq!(lire_zip_sans_compression(&archive), Some(Vec::new()));
    }
}
