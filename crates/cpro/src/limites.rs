//! Chorus Pro limits (sizes, lengths, character sets) and the known `codeRetour` values, each with its source.
//!
//! Sources are the tags of `shared/chorus-pro/api-reference.md` (§6, §7). Where the reference says
//! "MB" without saying whether it means 10^6 or 2^20 bytes, we use 2^20 (**\[inferred\]**): the
//! constants below are what our server enforces and what our client checks, so both agree.

/// One megabyte as used by these limits (2^20 bytes, see the module docs).
pub const MEGAOCTET: u64 = 1024 * 1024;

/// `deposer/pdf`: the PDF may not exceed 10 MB, else HTTP 413 (api-reference §7 `[S1]`).
pub const TAILLE_MAX_DEPOSER_PDF: u64 = 10 * MEGAOCTET;

/// `ajouter/fichier`: an attachment may not exceed 10 MB, else `codeRetour` 20003 (api-reference §7 `[S3][S6]`).
pub const TAILLE_MAX_PIECE_JOINTE: u64 = 10 * MEGAOCTET;

/// One invoice with all its attachments may not exceed 120 MB (api-reference §7 `[S4]`).
pub const TAILLE_MAX_FACTURE_AVEC_PIECES_JOINTES: u64 = 120 * MEGAOCTET;

/// OCA keeps the attachments of one invoice under 118 MB, leaving room for the invoice itself
/// (api-reference §7 `[S4]`).
pub const TAILLE_MAX_PIECES_JOINTES_OCA: u64 = 118 * MEGAOCTET;

/// `telecharger/groupe`: the answer may not exceed 120 MB, else HTTP 413 (api-reference §7 `[S1]`).
pub const TAILLE_MAX_TELECHARGER_GROUPE: u64 = 120 * MEGAOCTET;

/// `deposer/flux`: 10 MB per file (read from the API annex by one author, not verified; api-reference §7 `[S11b]`).
pub const TAILLE_MAX_FLUX: u64 = 10 * MEGAOCTET;

/// `deposer/flux`: 30 MB for a compressed file (same unverified source, `[S11b]`).
pub const TAILLE_MAX_FLUX_COMPRESSE: u64 = 30 * MEGAOCTET;

/// HTTP status of an oversize document (api-reference §1.5 `[S1]`).
pub const HTTP_TROP_VOLUMINEUX: u16 = 413;

/// Attachment name, extension included: 50 characters at most (api-reference §7 `[S4][S6]`).
pub const LONGUEUR_MAX_NOM_PIECE_JOINTE: usize = 50;

/// `pieceJointeTypeMime`: 255 characters at most (api-reference §3.9 `[S3][S6]`).
pub const LONGUEUR_MAX_TYPE_MIME: usize = 255;

/// Allowed attachment extensions, upper case; the check ignores case (api-reference §7 `[S4][S6]`).
/// XSD and XSL are named by the spec only.
pub const EXTENSIONS_AUTORISEES: [&str; 37] = [
    "BMP", "GIF", "FAX", "ODT", "PPT", "TIFF", "XLS", "BZ2", "GZ", "JPEG", "P7S", "RTF", "TXT",
    "XML", "CSV", "GZIP", "JPG", "PDF", "SVG", "XHTML", "XLSX", "DOC", "HTM", "ODP", "PNG", "TGZ",
    "XLC", "ZIP", "DOCX", "HTML", "ODS", "PPS", "TIF", "XLM", "PPTX", "XSD", "XSL",
];

/// `numeroFacture` / `numeroFactureSaisi`: varchar(20) (api-reference §6.2 `[S7]`).
pub const LONGUEUR_MAX_NUMERO_FACTURE: usize = 20;

/// Engagement number (`numeroBonCommande`): 50 characters at most (api-reference §6.1 `[S4]`, §6.2 `[S7]`).
pub const LONGUEUR_MAX_NUMERO_ENGAGEMENT: usize = 50;

/// `codeDestinataire`: 14 characters (a SIRET), spec comments (api-reference §6.2 `[S7]`).
pub const LONGUEUR_MAX_CODE_DESTINATAIRE: usize = 14;

/// `codeServiceExecutant`: 100 characters, spec comments (api-reference §6.2 `[S7]`).
pub const LONGUEUR_MAX_CODE_SERVICE_EXECUTANT: usize = 100;

/// `codeFournisseur`: 18 characters, spec comments (api-reference §6.2 `[S7]`).
pub const LONGUEUR_MAX_CODE_FOURNISSEUR: usize = 18;

/// `codeDeviseFacture`: 3 characters (ISO 4217), spec comments (api-reference §6.2 `[S7]`).
pub const LONGUEUR_CODE_DEVISE: usize = 3;

/// `nomFichier` of `deposer/pdf`: varchar(200), spec comments (api-reference §3.1 `[S7]`).
pub const LONGUEUR_MAX_NOM_FICHIER: usize = 200;

/// `commentaire` of `completer`: text(2000), spec comments (api-reference §3.8 `[S7]`).
pub const LONGUEUR_MAX_COMMENTAIRE: usize = 2000;

/// `pieceJointeComplementaireDesignation`: varchar(100) (api-reference §3.8 `[S7]`).
pub const LONGUEUR_MAX_DESIGNATION_PIECE_JOINTE: usize = 100;

/// `pieceJointeComplementaireType`: varchar(30) (api-reference §3.8 `[S7]`).
pub const LONGUEUR_MAX_TYPE_PIECE_JOINTE: usize = 30;

/// A search returns at most 200 results by default (spec comment, api-reference §3.10 `[S7]`).
pub const NB_RESULTATS_MAXIMUM_DEFAUT: u32 = 200;

/// Recommended number of invoices per `telecharger/groupe` call (swagger text, api-reference §7 `[S1]`).
pub const LOT_TELECHARGEMENT_RECOMMANDE: usize = 10;

/// Lifetime of a PISTE token, in seconds (api-reference §1.2 `[S4][S8]`).
pub const DUREE_JETON_SECONDES: u64 = 3600;

/// True for the characters an invoice number may contain: ASCII letters and digits, `-`, `_`,
/// `/`, `+` (api-reference §6.2 `[S7]`; "alphanumeric" read as ASCII, **\[inferred\]**).
pub fn caractere_autorise_numero_facture(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '+')
}

/// True when the file name has an extension from [`EXTENSIONS_AUTORISEES`], in any case.
/// A name without extension is refused: the extension is mandatory (api-reference §7).
pub fn extension_autorisee(nom_fichier: &str) -> bool {
    match nom_fichier.rsplit_once('.') {
        Some((base, extension)) if !base.is_empty() => EXTENSIONS_AUTORISEES
            .iter()
            .any(|autorisee| autorisee.eq_ignore_ascii_case(extension)),
        _ => false,
    }
}

/// Why a file cannot be an attachment (`ajouter/fichier`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusPieceJointe {
    /// The file is empty.
    Vide,
    /// Above [`TAILLE_MAX_PIECE_JOINTE`].
    TropVolumineuse,
    /// The name is longer than [`LONGUEUR_MAX_NOM_PIECE_JOINTE`].
    NomTropLong,
    /// The extension is not one of [`EXTENSIONS_AUTORISEES`].
    ExtensionRefusee,
}

/// Checks a file against the attachment limits before it is sent; `None` when it may go.
pub fn refus_piece_jointe(nom_fichier: &str, taille: u64) -> Option<RefusPieceJointe> {
    if taille == 0 {
        Some(RefusPieceJointe::Vide)
    } else if taille > TAILLE_MAX_PIECE_JOINTE {
        Some(RefusPieceJointe::TropVolumineuse)
    } else if nom_fichier.chars().count() > LONGUEUR_MAX_NOM_PIECE_JOINTE {
        Some(RefusPieceJointe::NomTropLong)
    } else if !extension_autorisee(nom_fichier) {
        Some(RefusPieceJointe::ExtensionRefusee)
    } else {
        None
    }
}

#[cfg(test)]
mod tests_pieces {
    use super::*;

    #[test]
    fn an_attachment_is_checked_for_size_name_and_extension() {
        assert_eq!(refus_piece_jointe("bon-de-livraison.pdf", 2_000), None);
        assert_eq!(refus_piece_jointe("photo.JPG", 1), None);
        assert_eq!(
            refus_piece_jointe("vide.pdf", 0),
            Some(RefusPieceJointe::Vide)
        );
        assert_eq!(
            refus_piece_jointe("gros.pdf", TAILLE_MAX_PIECE_JOINTE + 1),
            Some(RefusPieceJointe::TropVolumineuse)
        );
        assert_eq!(
            refus_piece_jointe("juste.pdf", TAILLE_MAX_PIECE_JOINTE),
            None
        );
        let long = format!("{}.pdf", "n".repeat(LONGUEUR_MAX_NOM_PIECE_JOINTE));
        assert_eq!(
            refus_piece_jointe(&long, 10),
            Some(RefusPieceJointe::NomTropLong)
        );
        assert_eq!(
            refus_piece_jointe("outil.exe", 10),
            Some(RefusPieceJointe::ExtensionRefusee)
        );
        assert_eq!(
            refus_piece_jointe("sans-extension", 10),
            Some(RefusPieceJointe::ExtensionRefusee)
        );
    }
}

/// Known `codeRetour` values and their `libelle` (api-reference §6.3). Codes are per operation:
/// the same number means different things in different calls.
pub mod codes_retour {
    /// Success, every operation (api-reference §1.5).
    pub const SUCCES: i32 = 0;

    /// `libelle` of a success on `soumettre`, `deposer/pdf`, `deposer/flux`, `ajouter/fichier` `[S8][S11][S13]`.
    pub const LIBELLE_SUCCES_DEPOT: &str = "GCU_MSG_01_000";

    /// `libelle` of a success on structures and transverses lists and searches `[S4][S8]`.
    pub const LIBELLE_SUCCES_RECHERCHE: &str = "TRA_MSG_00.000";

    /// Empty search ("La recherche n'a retourné aucun résultat"): treat as an empty list, not an error `[S8]`.
    pub const RECHERCHE_VIDE: i32 = 20000;

    /// `libelle` of [`RECHERCHE_VIDE`].
    pub const LIBELLE_RECHERCHE_VIDE: &str = "TRA_MSG_00.015";

    /// Empty works-invoice search ("aucun résultat") `[S8]`.
    pub const RECHERCHE_TRAVAUX_VIDE: i32 = 20007;

    /// `libelle` of [`RECHERCHE_TRAVAUX_VIDE`].
    pub const LIBELLE_RECHERCHE_TRAVAUX_VIDE: &str = "GFT_MSG_01.075";

    /// `deposer/flux`: file too large (fixture written from the annex, not live) `[S11b]`.
    pub const DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX: i32 = 20001;

    /// `libelle` of [`DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX`].
    pub const LIBELLE_DEPOSER_FLUX_FICHIER_TROP_VOLUMINEUX: &str = "GDP_MSG_11.022";

    /// `ajouter/fichier`: attachment over 10 MB `[S3][S6]` (no `libelle` known).
    pub const AJOUTER_FICHIER_TROP_VOLUMINEUX: i32 = 20003;

    /// `completer`: the invoice ("demande de paiement") does not exist `[S7]`.
    pub const COMPLETER_FACTURE_INEXISTANTE: i32 = 20000;

    /// `libelle` of [`COMPLETER_FACTURE_INEXISTANTE`].
    pub const LIBELLE_COMPLETER_FACTURE_INEXISTANTE: &str = "GDP_MSG_11.008";

    /// `completer`: the user lacks the needed habilitation `[S7]`.
    pub const COMPLETER_SANS_HABILITATION: i32 = 20001;

    /// `libelle` of [`COMPLETER_SANS_HABILITATION`].
    pub const LIBELLE_COMPLETER_SANS_HABILITATION: &str = "GDP_MSG_11.005";

    /// `completer`: the invoice is not SUSPENDUE `[S7]`.
    pub const COMPLETER_STATUT_NON_SUSPENDUE: i32 = 20002;

    /// `libelle` of [`COMPLETER_STATUT_NON_SUSPENDUE`].
    pub const LIBELLE_COMPLETER_STATUT_NON_SUSPENDUE: &str = "GDP_MSG_11.033";

    /// True for the codes meaning "nothing found" on a search ([`RECHERCHE_VIDE`], [`RECHERCHE_TRAVAUX_VIDE`]):
    /// a client shows an empty list.
    pub fn est_recherche_vide(code_retour: i32) -> bool {
        matches!(code_retour, RECHERCHE_VIDE | RECHERCHE_TRAVAUX_VIDE)
    }
}
