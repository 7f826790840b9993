//! Structure creation on the portal, by identifier type, pre-filled from the company register; the
//! creator becomes its gestionnaire principal. A structure that exists already is refused with a pointer
//! to the rattachement request.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use facture::identifiant::{Ridet, Siret, Tahiti, TvaIntra};
use serde::{Deserialize, Serialize};

use crate::auth::Utilisateur;
use crate::db::{CriteresStructure, EntrepriseRow, NouvelleStructure, ROLE_GESTIONNAIRE_PRINCIPAL};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Identifier types a structure can be created with (Chorus Pro's `typeIdentifiantStructure`).
pub const TYPES_IDENTIFIANT: &[&str] = &[
    "SIRET",
    "UE_HORS_FRANCE",
    "HORS_UE",
    "RIDET",
    "TAHITI",
    "PARTICULIER",
    "AUTRE",
];

/// EU member states (ISO 3166 codes; Greece's VAT prefix `EL` is mapped to `GR`).
const PAYS_UE: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Longest free identifier (HORS_UE, AUTRE) and longest name or address line.
const LONGUEUR_MAX: usize = 80;

/// An identifier checked for its type: what gets stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentifiantVerifie {
    /// Normalised identifier; `None` when the server numbers it (PARTICULIER).
    pub identifiant: Option<String>,
    /// Country the type implies, or the one given (HORS_UE, AUTRE, PARTICULIER).
    pub code_pays: String,
    /// VAT number derived from the identifier (SIRET, UE_HORS_FRANCE), else empty.
    pub numero_tva: String,
}

fn erreur_identifiant(fr: &str, en: &str) -> ErreurChamp {
    ErreurChamp::new("identifiant", fr, en)
}

fn texte_libre_valide(texte: &str) -> bool {
    let n = texte.chars().count();
    (1..=LONGUEUR_MAX).contains(&n)
        && texte
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '/' | '_'))
}

fn code_pays_donne(code_pays: &str) -> Option<String> {
    let code = code_pays.trim().to_uppercase();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

fn verifier_siret(identifiant: &str) -> Result<IdentifiantVerifie, ErreurChamp> {
    let siret = Siret::parse(identifiant).map_err(|_| {
        erreur_identifiant(
            "Ce SIRET n'est pas valide : 14 chiffres dont le SIREN (9 premiers) et la clé de contrôle (Luhn).",
            "This SIRET is not valid: 14 digits including the SIREN (first 9) and the check digit (Luhn).",
        )
    })?;
    Ok(IdentifiantVerifie {
        numero_tva: TvaIntra::depuis_siren(&siret.siren()).as_str().to_owned(),
        identifiant: Some(siret.as_str().to_owned()),
        code_pays: "FR".into(),
    })
}

fn verifier_tva_ue(identifiant: &str) -> Result<IdentifiantVerifie, ErreurChamp> {
    let tva = TvaIntra::parse(identifiant).map_err(|_| {
        erreur_identifiant(
            "Ce numéro de TVA intracommunautaire n'est pas valide (préfixe du pays puis le numéro, ex. DE123456789).",
            "This EU VAT number is not valid (country prefix then the number, e.g. DE123456789).",
        )
    })?;
    if tva.code_pays() == "FR" {
        return Err(erreur_identifiant(
            "Pour une entreprise française, choisissez le type SIRET.",
            "For a French company, choose the SIRET type.",
        ));
    }
    let code_pays = match tva.code_pays() {
        "EL" => "GR".to_owned(),
        "XI" => "GB".to_owned(),
        autre => autre.to_owned(),
    };
    Ok(IdentifiantVerifie {
        identifiant: Some(tva.as_str().to_owned()),
        numero_tva: tva.as_str().to_owned(),
        code_pays,
    })
}

fn verifier_hors_ue(identifiant: &str, code_pays: &str) -> Result<IdentifiantVerifie, ErreurChamp> {
    let code_pays = code_pays_donne(code_pays).ok_or_else(|| {
        ErreurChamp::new(
            "codePays",
            "Indiquez le pays de l'entreprise (code ISO à 2 lettres, ex. CH).",
            "Give the company's country (2-letter ISO code, e.g. CH).",
        )
    })?;
    if PAYS_UE.contains(&code_pays.as_str()) {
        return Err(ErreurChamp::new(
            "codePays",
            "Ce pays est dans l'Union européenne : choisissez SIRET (France) ou UE_HORS_FRANCE.",
            "This country is in the European Union: choose SIRET (France) or UE_HORS_FRANCE.",
        ));
    }
    let identifiant = identifiant.trim();
    if !texte_libre_valide(identifiant) {
        return Err(erreur_identifiant(
            "Indiquez l'identifiant national de l'entreprise (lettres, chiffres, espaces, - . / _ ; 80 caractères au plus).",
            "Give the company's national identifier (letters, digits, spaces, - . / _; at most 80 characters).",
        ));
    }
    Ok(IdentifiantVerifie {
        identifiant: Some(identifiant.to_uppercase()),
        code_pays,
        numero_tva: String::new(),
    })
}

/// Checks and normalises an identifier for its type (pure). `code_pays` matters for HORS_UE (required,
/// outside the EU) and AUTRE/PARTICULIER (defaults to FR).
pub fn verifier_identifiant(
    type_identifiant: &str,
    identifiant: &str,
    code_pays: &str,
) -> Result<IdentifiantVerifie, ErreurChamp> {
    let simple = |identifiant: String, pays: &str| IdentifiantVerifie {
        identifiant: Some(identifiant),
        code_pays: pays.to_owned(),
        numero_tva: String::new(),
    };
    match type_identifiant {
        "SIRET" => verifier_siret(identifiant),
        "UE_HORS_FRANCE" => verifier_tva_ue(identifiant),
        "HORS_UE" => verifier_hors_ue(identifiant, code_pays),
        "RIDET" => Ridet::parse(identifiant)
            .map(|r| simple(r.as_str().to_owned(), "NC"))
            .map_err(|_| {
                erreur_identifiant(
                    "Ce RIDET n'est pas valide : 9 ou 10 caractères (lettres et chiffres).",
                    "This RIDET is not valid: 9 or 10 characters (letters and digits).",
                )
            }),
        "TAHITI" => Tahiti::parse(identifiant)
            .map(|t| simple(t.as_str().to_owned(), "PF"))
            .map_err(|_| {
                erreur_identifiant(
                    "Ce numéro TAHITI n'est pas valide : 6 caractères puis le rang à 3 chiffres (ex. 003970-001).",
                    "This TAHITI number is not valid: 6 characters then the 3-digit rank (e.g. 003970-001).",
                )
            }),
        "PARTICULIER" => Ok(IdentifiantVerifie {
            identifiant: None,
            code_pays: code_pays_donne(code_pays).unwrap_or_else(|| "FR".into()),
            numero_tva: String::new(),
        }),
        "AUTRE" => {
            let identifiant = identifiant.trim();
            if texte_libre_valide(identifiant) {
                Ok(simple(
                    identifiant.to_uppercase(),
                    &code_pays_donne(code_pays).unwrap_or_else(|| "FR".into()),
                ))
            } else {
                Err(erreur_identifiant(
                    "Indiquez l'identifiant de la structure (lettres, chiffres, espaces, - . / _ ; 80 caractères au plus).",
                    "Give the structure's identifier (letters, digits, spaces, - . / _; at most 80 characters).",
                ))
            }
        }
        _ => Err(ErreurChamp::new(
            "typeIdentifiant",
            format!("Type d'identifiant inconnu : choisissez parmi {}.", TYPES_IDENTIFIANT.join(", ")),
            format!("Unknown identifier type: choose among {}.", TYPES_IDENTIFIANT.join(", ")),
        )),
    }
}

/// Answer of `GET /portail/v1/registre/{siret}`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RegistreResponse {
    /// SIRET, normalised.
    pub siret: String,
    /// SIREN (first 9 digits).
    pub siren: String,
    /// Company name.
    pub raison_sociale: String,
    /// Street address.
    pub adresse: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
    /// When the company is already a Chorus Pro structure: its id (ask for a rattachement instead).
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: Option<i64>,
}

/// `GET /portail/v1/registre/{siret}` (signed in): pre-fill data of a company; 422 for an invalid SIRET,
/// 404 when the register does not know it.
pub async fn registre(
    State(state): State<AppState>,
    Utilisateur(_): Utilisateur,
    Path(siret): Path<String>,
) -> Result<CproJson<RegistreResponse>, ApiError> {
    let verifie = verifier_siret(&siret).map_err(|mut e| {
        e.champ = "siret".into();
        ApiError::Champs(vec![e])
    })?;
    let siret = verifie.identifiant.unwrap_or_default();
    let entreprise = state.db.entreprise(&siret).await?.ok_or_else(|| {
        ApiError::Refus(
            StatusCode::NOT_FOUND,
            "Ce SIRET n'est pas dans le registre des entreprises : saisissez la raison sociale et l'adresse.".into(),
        )
    })?;
    let id_structure_cpp = state
        .db
        .id_structure_par_identifiant("SIRET", &siret)
        .await?;
    Ok(CproJson(RegistreResponse {
        siren: siret.get(..9).unwrap_or_default().to_owned(),
        siret,
        raison_sociale: entreprise.raison_sociale,
        adresse: entreprise.adresse,
        code_postal: entreprise.code_postal,
        ville: entreprise.ville,
        id_structure_cpp,
    }))
}

/// Fewest characters of a name search.
pub const RECHERCHE_LONGUEUR_MIN: usize = 3;
/// Most structures a name search answers.
pub const RECHERCHE_RESULTATS_MAX: i64 = 20;

/// Query of `GET /portail/v1/structures`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RechercheStructuresQuery {
    /// Part of the company name (case-insensitive).
    pub raison_sociale: String,
}

/// A supplier structure found by name, to ask for a rattachement.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StructureTrouvee {
    /// Id.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// Identifier type.
    pub type_identifiant: String,
    /// Identifier.
    pub identifiant: String,
    /// Name.
    pub raison_sociale: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
}

/// Answer of `GET /portail/v1/structures`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct StructuresTrouvees {
    /// At most [`RECHERCHE_RESULTATS_MAX`], by name.
    pub structures: Vec<StructureTrouvee>,
    /// How many structures match in all.
    pub total: i64,
}

/// `GET /portail/v1/structures?raisonSociale=` (signed in): the active supplier (private) structures whose
/// name contains the text, to ask for a rattachement — the Chorus `structures/rechercher` only shows the
/// private structures a user is attached to already. 422 under [`RECHERCHE_LONGUEUR_MIN`] characters.
pub async fn rechercher(
    State(state): State<AppState>,
    Utilisateur(_): Utilisateur,
    Query(query): Query<RechercheStructuresQuery>,
) -> Result<CproJson<StructuresTrouvees>, ApiError> {
    let texte = query.raison_sociale.trim();
    if texte.chars().count() < RECHERCHE_LONGUEUR_MIN {
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "raisonSociale",
            format!("Saisissez au moins {RECHERCHE_LONGUEUR_MIN} caractères de la raison sociale."),
            format!("Type at least {RECHERCHE_LONGUEUR_MIN} characters of the company name."),
        )]));
    }
    let criteres = CriteresStructure {
        raison_sociale: Some(texte.to_owned()),
        type_structure: Some("PRIVEE".into()),
        actif: Some(true),
        ..CriteresStructure::default()
    };
    let (lignes, total) = state
        .db
        .rechercher_structures(&criteres, 1, RECHERCHE_RESULTATS_MAX)
        .await?;
    Ok(CproJson(StructuresTrouvees {
        structures: lignes
            .into_iter()
            .map(|s| StructureTrouvee {
                id_structure_cpp: s.id,
                type_identifiant: s.type_identifiant,
                identifiant: s.identifiant,
                raison_sociale: s.raison_sociale,
                code_postal: s.code_postal,
                ville: s.ville,
            })
            .collect(),
        total,
    }))
}

/// Body of `POST /portail/v1/structures`; empty name and address fields are taken from the register (SIRET).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreationStructureRequest {
    /// One of [`TYPES_IDENTIFIANT`].
    pub type_identifiant: String,
    /// The identifier (ignored for PARTICULIER: the server numbers it).
    pub identifiant: String,
    /// Company name (person's name for PARTICULIER).
    pub raison_sociale: String,
    /// Street address.
    pub adresse: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
    /// ISO country code (HORS_UE: required).
    pub code_pays: String,
}

/// Answer of a created structure.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StructureCreee {
    /// The new structure's id.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// Identifier type.
    pub type_identifiant: String,
    /// Identifier, normalised (or numbered by the server).
    pub identifiant: String,
    /// Name.
    pub raison_sociale: String,
    /// Street address.
    pub adresse: String,
    /// Postcode.
    pub code_postal: String,
    /// Town.
    pub ville: String,
    /// ISO country code.
    pub code_pays: String,
    /// VAT number derived from the identifier, if any.
    pub numero_tva: String,
    /// The creator's role: GESTIONNAIRE_PRINCIPAL.
    pub role: String,
    /// The creator's habilitation: MODIFICATION.
    pub habilitation: String,
}

/// A field of the form, or the register's value when the field is empty.
fn champ_ou_registre(saisi: &str, registre: Option<&str>) -> String {
    let saisi = saisi.trim();
    if saisi.is_empty() {
        registre.unwrap_or_default().trim().to_owned()
    } else {
        saisi.to_owned()
    }
}

/// The name and address (form first, register second), each required and at most 80 characters.
fn adresse_complete(
    requete: &CreationStructureRequest,
    registre: Option<&EntrepriseRow>,
    code_pays: &str,
    erreurs: &mut Vec<ErreurChamp>,
) -> [String; 4] {
    let valeurs = [
        (
            "raisonSociale",
            &requete.raison_sociale,
            registre.map(|r| r.raison_sociale.as_str()),
            "La raison sociale",
            "The company name",
        ),
        (
            "adresse",
            &requete.adresse,
            registre.map(|r| r.adresse.as_str()),
            "L'adresse",
            "The address",
        ),
        (
            "codePostal",
            &requete.code_postal,
            registre.map(|r| r.code_postal.as_str()),
            "Le code postal",
            "The postcode",
        ),
        (
            "ville",
            &requete.ville,
            registre.map(|r| r.ville.as_str()),
            "La ville",
            "The town",
        ),
    ];
    valeurs.map(|(champ, saisi, registre, fr, en)| {
        let valeur = champ_ou_registre(saisi, registre);
        if valeur.is_empty() || valeur.chars().count() > LONGUEUR_MAX {
            erreurs.push(ErreurChamp::new(
                champ,
                format!("{fr} est obligatoire ({LONGUEUR_MAX} caractères au plus)."),
                format!("{en} is required (at most {LONGUEUR_MAX} characters)."),
            ));
        } else if champ == "codePostal"
            && code_pays == "FR"
            && !(valeur.len() == 5 && valeur.bytes().all(|b| b.is_ascii_digit()))
        {
            erreurs.push(ErreurChamp::new(
                champ,
                "Un code postal français a 5 chiffres.",
                "A French postcode has 5 digits.",
            ));
        }
        valeur
    })
}

/// The refusal of a structure that exists already: ask to be attached instead.
fn structure_existante() -> ApiError {
    ApiError::Refus(
        StatusCode::CONFLICT,
        "Cette structure existe déjà dans Chorus Pro : demandez votre rattachement à ses gestionnaires \
         (POST /portail/v1/rattachements)."
            .into(),
    )
}

/// `POST /portail/v1/structures` (signed in): creates a private structure; its creator becomes
/// GESTIONNAIRE_PRINCIPAL with MODIFICATION. 201, 422 per field, 409 when it exists already.
pub async fn creer(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    CproJson(requete): CproJson<CreationStructureRequest>,
) -> Result<(StatusCode, CproJson<StructureCreee>), ApiError> {
    let type_identifiant = requete.type_identifiant.trim().to_uppercase();
    let verifie = verifier_identifiant(&type_identifiant, &requete.identifiant, &requete.code_pays)
        .map_err(|e| ApiError::Champs(vec![e]))?;
    if let Some(identifiant) = &verifie.identifiant {
        if state
            .db
            .id_structure_par_identifiant(&type_identifiant, identifiant)
            .await?
            .is_some()
        {
            return Err(structure_existante());
        }
    }
    let registre = match (type_identifiant.as_str(), &verifie.identifiant) {
        ("SIRET", Some(siret)) => state.db.entreprise(siret).await?,
        _ => None,
    };
    let mut erreurs = Vec::new();
    let [raison_sociale, adresse, code_postal, ville] = adresse_complete(
        &requete,
        registre.as_ref(),
        &verifie.code_pays,
        &mut erreurs,
    );
    if !erreurs.is_empty() {
        return Err(ApiError::Champs(erreurs));
    }
    let nouvelle = NouvelleStructure {
        type_identifiant: type_identifiant.clone(),
        identifiant: verifie.identifiant,
        raison_sociale,
        adresse,
        code_postal,
        ville,
        code_pays: verifie.code_pays,
        email: utilisateur.email.clone(),
        numero_tva: verifie.numero_tva,
    };
    let (id, identifiant) = state
        .db
        .creer_structure_privee(&nouvelle, utilisateur.id)
        .await?
        .ok_or_else(structure_existante)?;
    tracing::info!(id, type_identifiant, "structure created on the portal");
    Ok((
        StatusCode::CREATED,
        CproJson(StructureCreee {
            id_structure_cpp: id,
            type_identifiant,
            identifiant,
            raison_sociale: nouvelle.raison_sociale,
            adresse: nouvelle.adresse,
            code_postal: nouvelle.code_postal,
            ville: nouvelle.ville,
            code_pays: nouvelle.code_pays,
            numero_tva: nouvelle.numero_tva,
            role: ROLE_GESTIONNAIRE_PRINCIPAL.to_owned(),
            habilitation: "MODIFICATION".to_owned(),
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identifiant(type_identifiant: &str, texte: &str, pays: &str) -> Option<String> {
        verifier_identifiant(type_identifiant, texte, pays)
            .ok()
            .and_then(|v| v.identifiant)
    }

    #[test]
    fn siret_needs_both_luhn_keys_and_gives_the_vat_number() {
        let verifie = verifier_identifiant("SIRET", "812 345 676 00017", "");
        assert_eq!(
            verifie
                .as_ref()
                .ok()
                .and_then(|v| v.identifiant.clone())
                .as_deref(),
            Some("81234567600017")
        );
        assert_eq!(
            verifie.map(|v| (v.code_pays, v.numero_tva.starts_with("FR"))),
            Ok(("FR".to_owned(), true))
        );
        assert!(verifier_identifiant("SIRET", "81234567600018", "").is_err());
        assert!(verifier_identifiant("SIRET", "8123456760001", "").is_err());
    }

    #[test]
    fn eu_vat_numbers_outside_france() {
        assert_eq!(
            identifiant("UE_HORS_FRANCE", "DE 123456789", "").as_deref(),
            Some("DE123456789")
        );
        assert_eq!(
            verifier_identifiant("UE_HORS_FRANCE", "EL123456789", "").map(|v| v.code_pays),
            Ok("GR".to_owned())
        );
        assert!(verifier_identifiant("UE_HORS_FRANCE", "DE12345", "").is_err());
        assert!(verifier_identifiant("UE_HORS_FRANCE", "FR40303265045", "").is_err());
        assert!(verifier_identifiant("UE_HORS_FRANCE", "US123", "").is_err());
    }

    #[test]
    fn outside_the_eu_needs_a_non_eu_country() {
        assert_eq!(
            identifiant("HORS_UE", "che-123.456.789", "ch").as_deref(),
            Some("CHE-123.456.789")
        );
        let sans_pays = verifier_identifiant("HORS_UE", "CHE-123", "");
        assert_eq!(sans_pays.map_err(|e| e.champ), Err("codePays".to_owned()));
        let en_ue = verifier_identifiant("HORS_UE", "123", "DE");
        assert_eq!(en_ue.map_err(|e| e.champ), Err("codePays".to_owned()));
        assert!(verifier_identifiant("HORS_UE", "", "CH").is_err());
    }

    #[test]
    fn ridet_tahiti_particulier_autre() {
        assert_eq!(
            identifiant("RIDET", "1 234 567.001", "").as_deref(),
            Some("1234567001")
        );
        assert!(verifier_identifiant("RIDET", "12345", "").is_err());
        assert_eq!(
            identifiant("TAHITI", "003970-001", "").as_deref(),
            Some("003970001")
        );
        assert!(verifier_identifiant("TAHITI", "003970-01", "").is_err());
        assert_eq!(identifiant("PARTICULIER", "n'importe quoi", ""), None);
        assert!(verifier_identifiant("PARTICULIER", "", "").is_ok());
        assert_eq!(
            identifiant("AUTRE", " asso-42 ", "").as_deref(),
            Some("ASSO-42")
        );
        assert!(verifier_identifiant("AUTRE", "<script>", "").is_err());
        let inconnu = verifier_identifiant("SIREN", "123", "");
        assert_eq!(
            inconnu.map_err(|e| e.champ),
            Err("typeIdentifiant".to_owned())
        );
    }
}
