//! Ties the JSON examples to the official swaggers kept in `tests/swagger/` (copies of
//! `shared/chorus-pro/swagger/`): every example has exactly the keys of its definition, nested
//! blocks included, with the declared JSON types and enum values.
//!
//! The other tests prove each example reads into our types and writes back to the same text, so
//! together they prove our types carry every swagger key, spelled as the swagger spells it.

use serde_json::{Map, Value};

const FACTURES: &str = include_str!("swagger/factures.json");
const STRUCTURES: &str = include_str!("swagger/structures.json");

/// Where an example may knowingly differ from the swagger, and why.
struct Ecart {
    /// Definition concerned.
    definition: &'static str,
    /// Key concerned.
    cle: &'static str,
}

const ECARTS: &[Ecart] = &[
    // Real answers carry codeRetour/libelle although this definition omits them (api-reference §3.1).
    Ecart {
        definition: "WsRetourDeposerPdfFacture",
        cle: "codeRetour",
    },
    Ecart {
        definition: "WsRetourDeposerPdfFacture",
        cle: "libelle",
    },
    // Real services answers carry their validity dates (api-reference §3.11).
    Ecart {
        definition: "ServiceExpose",
        cle: "dateDbtService",
    },
    Ecart {
        definition: "ServiceExpose",
        cle: "dateFinService",
    },
    // Sent as an array by every working client (api-reference §3.2); the swagger says object.
    Ecart {
        definition: "SoumettreFactureParam",
        cle: "pieceJointePrincipale",
    },
];

fn est_ecart(definition: &str, cle: &str) -> bool {
    ECARTS
        .iter()
        .any(|e| e.definition == definition && e.cle == cle)
}

fn definitions(swagger: &str) -> Map<String, Value> {
    let document: Value = serde_json::from_str(swagger).unwrap_or_default();
    document
        .get("definitions")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

fn nom_ref(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
}

/// Checks `valeur` against `definition`, pushing one line per difference.
fn verifier(
    defs: &Map<String, Value>,
    definition: &str,
    valeur: &Value,
    chemin: &str,
    ecarts: &mut Vec<String>,
) {
    let proprietes = defs
        .get(definition)
        .and_then(|d| d.get("properties"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let Some(objet) = valeur.as_object() else {
        ecarts.push(format!("{chemin}: not an object ({definition})"));
        return;
    };
    for cle in objet.keys() {
        if !proprietes.contains_key(cle) && !est_ecart(definition, cle) {
            ecarts.push(format!("{chemin}.{cle}: not in {definition}"));
        }
    }
    for (cle, schema) in &proprietes {
        let ici = format!("{chemin}.{cle}");
        match objet.get(cle) {
            None => ecarts.push(format!("{ici}: missing from the example")),
            Some(_) if est_ecart(definition, cle) => {}
            Some(v) => verifier_schema(defs, schema, v, &ici, ecarts),
        }
    }
}

fn verifier_schema(
    defs: &Map<String, Value>,
    schema: &Value,
    valeur: &Value,
    chemin: &str,
    ecarts: &mut Vec<String>,
) {
    if let Some(reference) = nom_ref(schema) {
        verifier(defs, reference, valeur, chemin, ecarts);
        return;
    }
    let type_declare = schema.get("type").and_then(Value::as_str).unwrap_or("");
    let conforme = match type_declare {
        "integer" => valeur.is_i64(),
        "number" => valeur.is_number(),
        "boolean" => valeur.is_boolean(),
        "string" => valeur.is_string(),
        "array" => match (valeur.as_array(), schema.get("items")) {
            (Some(elements), Some(items)) => {
                for (idx, element) in elements.iter().enumerate() {
                    verifier_schema(defs, items, element, &format!("{chemin}[{idx}]"), ecarts);
                }
                true
            }
            _ => false,
        },
        _ => true,
    };
    if !conforme {
        ecarts.push(format!("{chemin}: {valeur} is not a {type_declare}"));
    }
    if let (Some(valeurs), Some(texte)) = (
        schema.get("enum").and_then(Value::as_array),
        valeur.as_str(),
    ) {
        if !valeurs.iter().any(|v| v.as_str() == Some(texte)) {
            ecarts.push(format!("{chemin}: {texte} not in the enum"));
        }
    }
}

#[track_caller]
fn check(swagger: &str, definition: &str, exemple: &str) {
    let defs = definitions(swagger);
    assert!(defs.contains_key(definition), "no definition {definition}");
    let valeur: Value = serde_json::from_str(exemple).unwrap_or_default();
    let mut ecarts = Vec::new();
    verifier(&defs, definition, &valeur, "$", &mut ecarts);
    assert!(ecarts.is_empty(), "{definition}:\n{}", ecarts.join("\n"));
}

macro_rules! exemple {
    ($fichier:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/exemples/",
            $fichier,
            ".json"
        ))
    };
}

#[test]
fn factures_examples_have_exactly_the_swagger_keys() {
    let cas = [
        ("SoumettreFactureParam", exemple!("soumettre_request")),
        ("DeposerFluxFactureParam", exemple!("deposer_flux_request")),
        (
            "WsRetourDeposerFluxFacture",
            exemple!("deposer_flux_response"),
        ),
        (
            "RechercherFactureParFournisseurParam",
            exemple!("rechercher_fournisseur_request"),
        ),
        (
            "WsRetourRechercherFactureParFournisseur",
            exemple!("rechercher_fournisseur_response"),
        ),
        (
            "RechercherFactureATraiterParFournisseurParam",
            exemple!("rechercher_atraiter_fournisseur_request"),
        ),
        (
            "WsRetourRechercherFactureATraiterParFournisseur",
            exemple!("rechercher_atraiter_fournisseur_response"),
        ),
        (
            "ConsulterFactureParFournisseurParam",
            exemple!("consulter_fournisseur_request"),
        ),
        (
            "WsRetourFacturesEmises",
            exemple!("consulter_fournisseur_response"),
        ),
        (
            "ConsulterHistoriqueFactureParam",
            exemple!("consulter_historique_request"),
        ),
        (
            "WsRetourConsulterHistoriqueFacture",
            exemple!("consulter_historique_response"),
        ),
        ("RecyclerFactureParam", exemple!("recycler_request")),
        ("WsRetourRecyclerFacture", exemple!("recycler_response")),
        ("CompleterFactureParam", exemple!("completer_request")),
        ("WsRetourCompleterFacture", exemple!("completer_response")),
        (
            "TraiterFacturesRejeteesParam",
            exemple!("traiter_rejet_request"),
        ),
        ("WsRetour", exemple!("traiter_rejet_response")),
        (
            "CorrigerValideurFactureParam",
            exemple!("corriger_valideur_request"),
        ),
        (
            "WsRetourCorrigerValideurFacture",
            exemple!("corriger_valideur_response"),
        ),
        (
            "TelechargerGroupeFactureParam",
            exemple!("telecharger_groupe_request"),
        ),
        (
            "WsRetourTelechargerGroupeFacture",
            exemple!("telecharger_groupe_response"),
        ),
    ];
    for (definition, json) in cas {
        check(FACTURES, definition, json);
    }
}

#[test]
fn structures_examples_have_exactly_the_swagger_keys() {
    let cas = [
        (
            "RechercherStructureParam",
            exemple!("structures_rechercher_request"),
        ),
        (
            "WsRetourRechercherStructure",
            exemple!("structures_rechercher_response"),
        ),
        (
            "ConsulterStructureAvecTVAIntraComParam",
            exemple!("structures_consulter_request"),
        ),
        (
            "WsRetourConsulterStructureTVAIntraCom",
            exemple!("structures_consulter_response"),
        ),
        (
            "RechercherServicesStructureParam",
            exemple!("structures_rechercher_services_request"),
        ),
        (
            "WsRetourRechercherServicesStructure",
            exemple!("structures_rechercher_services_response"),
        ),
        (
            "ConsulterServiceStructureParam",
            exemple!("structures_consulter_service_request"),
        ),
        (
            "WsRetourConsulterServiceStructure",
            exemple!("structures_consulter_service_response"),
        ),
        (
            "ListerRattachementsStructureUtilisateurParam",
            exemple!("structures_lister_rattachements_request"),
        ),
        (
            "WsRetourListerRattachementsStructureUtilisateur",
            exemple!("structures_lister_rattachements_response"),
        ),
        (
            "RechercherEspacesParam",
            exemple!("structures_rechercher_espaces_request"),
        ),
        (
            "WsRetourRechercherEspacesFo",
            exemple!("structures_rechercher_espaces_response"),
        ),
    ];
    for (definition, json) in cas {
        check(STRUCTURES, definition, json);
    }
}

#[test]
fn a_misspelt_key_is_caught() {
    let defs = definitions(FACTURES);
    let mut ecarts = Vec::new();
    let valeur: Value = serde_json::from_str(r#"{"codeRetour":0,"libelle":"x","numeroFluxDepot":"1","dateDepot":"2026-04-03","syntaxeFlux":"IN_DP_E1_CII","numeroFlux":"2"}"#)
        .unwrap_or_default();
    verifier(
        &defs,
        "WsRetourDeposerFluxFacture",
        &valeur,
        "$",
        &mut ecarts,
    );
    assert_eq!(ecarts, ["$.numeroFlux: not in WsRetourDeposerFluxFacture"]);
}
