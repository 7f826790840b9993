//! `passerelle-validate FILE.json [--date YYYY-MM-DD]`: checks a Chorus Pro `soumettre` body.
//!
//! The file holds either the `soumettre` body itself, or
//! `{"soumettre": {...}, "destinataire": {directory flags}, "historique": [...],
//! "fournisseurPublic": false, "aujourdHui": "2026-11-25"}`; the directory flags accept the Chorus
//! Pro names (`codeServiceDoitEtreRenseigne`, `numeroEJDoitEtreRenseigne`,
//! `gestionNumeroEJOuCodeService`, `listeServices[{codeService, estActif, numeroEngagement}]`).
//! Prints the findings as a JSON array on stdout. Exit code: 0 when nothing blocks, 1 when a
//! finding blocks, 2 when the input cannot be read. Today's date comes from `--date`, else
//! `aujourdHui` in the file, else the system clock (only this binary reads it).

use std::process::ExitCode;

use chrono::NaiveDate;
use cpro::factures::SoumettreRequest;
use facture::regles::{
    bloque, check, AnnuaireDestinataire, Contexte, Finding, NumeroUtilise, Severity,
};
use facture::Facture;
use serde::Deserialize;

/// The wrapped input: the body and what the checks need beside it.
#[derive(Deserialize)]
struct Entree {
    soumettre: SoumettreRequest,
    #[serde(default)]
    destinataire: Option<AnnuaireDestinataire>,
    #[serde(default)]
    historique: Vec<NumeroUtilise>,
    #[serde(default, rename = "fournisseurPublic")]
    fournisseur_public: bool,
    #[serde(default, rename = "aujourdHui")]
    aujourd_hui: Option<NaiveDate>,
}

fn usage() -> ExitCode {
    eprintln!("usage: passerelle-validate FILE.json [--date YYYY-MM-DD]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let mut fichier = None;
    let mut date = None;
    let mut iter = arguments.iter();
    while let Some(argument) = iter.next() {
        if argument == "--date" {
            let Some(valeur) = iter.next() else {
                return usage();
            };
            match NaiveDate::parse_from_str(valeur, "%Y-%m-%d") {
                Ok(jour) => date = Some(jour),
                Err(erreur) => {
                    eprintln!("passerelle-validate: invalid --date {valeur:?}: {erreur}");
                    return ExitCode::from(2);
                }
            }
        } else if fichier.is_none() {
            fichier = Some(argument.clone());
        } else {
            return usage();
        }
    }
    let Some(fichier) = fichier else {
        return usage();
    };
    let texte = match std::fs::read_to_string(&fichier) {
        Ok(texte) => texte,
        Err(erreur) => {
            eprintln!("passerelle-validate: cannot read {fichier}: {erreur}");
            return ExitCode::from(2);
        }
    };
    let entree = match lire(&texte) {
        Ok(entree) => entree,
        Err(erreur) => {
            eprintln!("passerelle-validate: {fichier} is not a soumettre body: {erreur}");
            return ExitCode::from(2);
        }
    };
    let aujourd_hui = date
        .or(entree.aujourd_hui)
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let contexte = Contexte {
        aujourd_hui,
        destinataire: entree.destinataire,
        historique: entree.historique,
        fournisseur_public: entree.fournisseur_public,
    };
    let findings = match Facture::try_from(&entree.soumettre) {
        Ok(facture) => check(&facture, &contexte),
        Err(facture::conversion::ConversionError::CodeNonAccepte { champ, code }) => {
            vec![Finding {
                rule: "CPP-CODE".into(),
                severity: Severity::Blocking,
                field: champ.into(),
                message_fr: format!("Le code {code} n'est pas accepté par soumettre."),
                message_en: format!("Code {code} is not accepted by soumettre."),
                fix: None,
            }]
        }
    };
    match serde_json::to_string_pretty(&findings) {
        Ok(json) => println!("{json}"),
        Err(erreur) => {
            eprintln!("passerelle-validate: cannot print findings: {erreur}");
            return ExitCode::from(2);
        }
    }
    if bloque(&findings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads the wrapped form when the top-level object has a `soumettre` key, else the bare body.
/// Both are read from the text (not through `serde_json::Value`) so amounts keep their decimals.
fn lire(texte: &str) -> Result<Entree, serde_json::Error> {
    let valeur: serde_json::Value = serde_json::from_str(texte)?;
    if valeur.get("soumettre").is_some() {
        serde_json::from_str(texte)
    } else {
        Ok(Entree {
            soumettre: serde_json::from_str(texte)?,
            destinataire: None,
            historique: Vec::new(),
            fournisseur_public: false,
            aujourd_hui: None,
        })
    }
}
