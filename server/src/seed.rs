//! Demo data: a directory of public structures covering every routing-flag combination, two supplier
//! structures and their users. Applied once, when the database is new.

use crate::db::{Db, DbError};
use chrono::{Datelike, Timelike};

/// Login of the demo account.
pub const DEMO_EMAIL: &str = "demo@passerelle.test";
/// Password of the demo account (a public demo secret, printed by `cargo xtask run`).
pub const DEMO_MOT_DE_PASSE: &str = "Demo-Passerelle-2026";
/// argon2id (standard cost) of [`DEMO_MOT_DE_PASSE`], precomputed so that startup does no hashing.
pub const HASH_DEMO_STANDARD: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$aBFX+tbU5SD+4cauHuTXFg$1bbElI3SE11dIrtgtZdMSSTqTYt7RjmujVgn/WNg/Gk";
/// argon2id (standard cost) of a random secret: verified for unknown e-mails (same time as a real account).
pub const HASH_LEURRE_STANDARD: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$TZ73vQB4l3wcHNTEPRyVjA$TpAZ0YgY731NseAAJAWdGxrzcCmbaY4W9S566Oz71Lc";
/// PISTE-style OAuth client of the sandbox (`client_credentials`).
pub const DEMO_CLIENT_ID: &str = "passerelle-sandbox";
/// Secret of [`DEMO_CLIENT_ID`] (a public sandbox secret).
pub const DEMO_CLIENT_SECRET: &str = "passerelle-sandbox-secret";
/// Login of a second supplier's user, used to prove that structures are isolated.
pub const AUTRE_EMAIL: &str = "autre@passerelle.test";
/// `idStructureCPP` of the demo supplier.
pub const ID_FOURNISSEUR_DEMO: i64 = 26_000_001;
/// `idStructureCPP` of the second supplier.
pub const ID_FOURNISSEUR_AUTRE: i64 = 26_000_002;
/// `idStructureCPP` of the State (SIRET 11000201100044).
pub const ID_ETAT: i64 = 25_000_001;

/// A public or private structure of the seed.
struct Structure {
    id: i64,
    siret: &'static str,
    raison_sociale: &'static str,
    publique: bool,
    actif: bool,
    /// (codeServiceDoitEtreRenseigne, numeroEJDoitEtreRenseigne, gestionNumeroEJOuCodeService)
    drapeaux: (bool, bool, bool),
    ville: &'static str,
    code_postal: &'static str,
}

/// (idService, idStructure, codeService, libelle, estActif, numeroEngagement required)
type Service = (i64, i64, &'static str, &'static str, bool, bool);

const STRUCTURES: &[Structure] = &[
    Structure {
        id: ID_ETAT,
        siret: "11000201100044",
        raison_sociale: "ETAT - SERVICES CENTRAUX (BAC A SABLE)",
        publique: true,
        actif: true,
        drapeaux: (true, true, false),
        ville: "PARIS",
        code_postal: "75007",
    },
    Structure {
        id: 25_000_002,
        siret: "21310000100014",
        raison_sociale: "COMMUNE DE SAINT-EXEMPLE",
        publique: true,
        actif: true,
        drapeaux: (false, false, false),
        ville: "SAINT-EXEMPLE",
        code_postal: "31000",
    },
    Structure {
        id: 25_000_003,
        siret: "21310000100022",
        raison_sociale: "COMMUNE DE VAL-DE-SERVICE",
        publique: true,
        actif: true,
        drapeaux: (true, false, false),
        ville: "VAL-DE-SERVICE",
        code_postal: "31100",
    },
    Structure {
        id: 25_000_004,
        siret: "21310000100030",
        raison_sociale: "COMMUNAUTE DE COMMUNES DES ENGAGEMENTS",
        publique: true,
        actif: true,
        drapeaux: (false, true, false),
        ville: "ENGAGEVILLE",
        code_postal: "31200",
    },
    Structure {
        id: 25_000_005,
        siret: "21310000100048",
        raison_sociale: "SYNDICAT MIXTE EJ OU SERVICE",
        publique: true,
        actif: true,
        drapeaux: (false, false, true),
        ville: "OUVILLE",
        code_postal: "31300",
    },
    Structure {
        id: 25_000_006,
        siret: "21310000100055",
        raison_sociale: "METROPOLE SERVICE ET ENGAGEMENT",
        publique: true,
        actif: true,
        drapeaux: (true, true, false),
        ville: "METROPOLIS",
        code_postal: "31400",
    },
    Structure {
        id: 25_000_007,
        siret: "21310000100063",
        raison_sociale: "ANCIEN SYNDICAT DISSOUS",
        publique: true,
        actif: false,
        drapeaux: (false, false, false),
        ville: "NULLEPART",
        code_postal: "31500",
    },
    Structure {
        id: 25_000_008,
        siret: "22310000100013",
        raison_sociale: "DEPARTEMENT - BUDGET PRINCIPAL",
        publique: true,
        actif: true,
        drapeaux: (true, false, false),
        ville: "TOULOUSE",
        code_postal: "31000",
    },
    Structure {
        id: 25_000_009,
        siret: "22310000100021",
        raison_sociale: "DEPARTEMENT - BUDGET ANNEXE TRANSPORTS",
        publique: true,
        actif: true,
        drapeaux: (false, true, false),
        ville: "TOULOUSE",
        code_postal: "31000",
    },
    Structure {
        id: 25_000_010,
        siret: "26310000100019",
        raison_sociale: "CENTRE HOSPITALIER UNIVERSITAIRE EXEMPLE",
        publique: true,
        actif: true,
        drapeaux: (false, true, false),
        ville: "TOULOUSE",
        code_postal: "31059",
    },
    Structure {
        id: 25_000_011,
        siret: "19000000100015",
        raison_sociale: "COLLEGE JEAN EXEMPLE",
        publique: true,
        actif: true,
        drapeaux: (false, false, false),
        ville: "MURET",
        code_postal: "31600",
    },
    Structure {
        id: ID_FOURNISSEUR_DEMO,
        siret: "80000001000010",
        raison_sociale: "PASSERELLE DEMO SARL",
        publique: false,
        actif: true,
        drapeaux: (false, false, false),
        ville: "LYON",
        code_postal: "69002",
    },
    Structure {
        id: ID_FOURNISSEUR_AUTRE,
        siret: "80000002800012",
        raison_sociale: "AUTRE FOURNISSEUR SAS",
        publique: false,
        actif: true,
        drapeaux: (false, false, false),
        ville: "NANTES",
        code_postal: "44000",
    },
];

const SERVICES: &[Service] = &[
    (
        35_000_001,
        ID_ETAT,
        "FACTURES_PUBLIQUES",
        "Factures entre entités publiques",
        true,
        false,
    ),
    (
        35_000_002,
        ID_ETAT,
        "SGC-ACHATS",
        "Service achats centralisés",
        true,
        true,
    ),
    (
        35_000_003,
        ID_ETAT,
        "SFACT-INFO",
        "Service facturier informatique",
        true,
        false,
    ),
    (
        35_000_004,
        ID_ETAT,
        "ANCIEN-SERVICE",
        "Service fermé",
        false,
        false,
    ),
    (
        35_000_005,
        25_000_003,
        "SERVICES-TECHNIQUES",
        "Services techniques",
        true,
        false,
    ),
    (
        35_000_006,
        25_000_003,
        "ECOLES",
        "Affaires scolaires",
        true,
        true,
    ),
    (35_000_007, 25_000_005, "VOIRIE", "Voirie", true, false),
    (
        35_000_008,
        25_000_006,
        "DSI",
        "Direction des systèmes d'information",
        true,
        true,
    ),
    (
        35_000_009,
        25_000_008,
        "ROUTES",
        "Direction des routes",
        true,
        false,
    ),
    (
        35_000_010,
        25_000_008,
        "COLLEGES",
        "Direction des collèges",
        true,
        false,
    ),
    (
        35_000_011,
        25_000_010,
        "PHARMACIE",
        "Pharmacie centrale",
        true,
        true,
    ),
    (
        35_000_012,
        ID_FOURNISSEUR_DEMO,
        "COMPTABILITE",
        "Comptabilité clients",
        true,
        false,
    ),
];

/// SIRET of a register company not yet in the directory (structure creation demos and tests).
pub const SIRET_REGISTRE_LIBRE: &str = "81234567600017";

/// The (fictional) company register that pre-fills structure creation: (SIRET, name, street, postcode,
/// town). Every SIREN and SIRET passes the Luhn check; the two demo suppliers are in it too.
const REGISTRE: &[(&str, &str, &str, &str, &str)] = &[
    (
        SIRET_REGISTRE_LIBRE,
        "BOULANGERIE DU CANAL SARL",
        "12 quai de la Loire",
        "75019",
        "PARIS",
    ),
    (
        "82345678500018",
        "ATELIER BOIS ET METAL SAS",
        "4 rue des Forges",
        "69007",
        "LYON",
    ),
    (
        "83456789300013",
        "NETTOYAGE DES ALPES SARL",
        "27 avenue Alsace-Lorraine",
        "38000",
        "GRENOBLE",
    ),
    (
        "84567890300012",
        "INFORMATIQUE DU LITTORAL SAS",
        "3 cours Jean Jaures",
        "33000",
        "BORDEAUX",
    ),
    (
        "85678901100017",
        "TRAITEUR DE LA GARONNE EURL",
        "18 allee des Demoiselles",
        "31400",
        "TOULOUSE",
    ),
    (
        "79012345900014",
        "TRANSPORTS DU NORD SA",
        "55 rue Nationale",
        "59000",
        "LILLE",
    ),
    (
        "78123456200010",
        "CABINET CONSEIL MEDITERRANEE",
        "9 La Canebiere",
        "13001",
        "MARSEILLE",
    ),
    (
        "51234567900017",
        "IMPRIMERIE BRETONNE SARL",
        "2 rue de Brest",
        "35000",
        "RENNES",
    ),
    (
        "90123456700013",
        "PAYSAGES ET JARDINS DE LOIRE",
        "41 boulevard Guist'hau",
        "44000",
        "NANTES",
    ),
    (
        "91234567500017",
        "SOLUTIONS SOLAIRES DU SUD SAS",
        "6 place de la Comedie",
        "34000",
        "MONTPELLIER",
    ),
    (
        "80000001000010",
        "PASSERELLE DEMO SARL",
        "1 place de l'Exemple",
        "69002",
        "LYON",
    ),
    (
        "80000002800012",
        "AUTRE FOURNISSEUR SAS",
        "1 place de l'Exemple",
        "44000",
        "NANTES",
    ),
];

/// Adds the register's companies that are missing (idempotent: databases seeded before the register get it).
async fn seed_registre(db: &Db) -> Result<(), DbError> {
    for (siret, raison_sociale, adresse, code_postal, ville) in REGISTRE {
        db.ajouter_entreprise(&crate::db::EntrepriseRow {
            siret: (*siret).to_owned(),
            raison_sociale: (*raison_sociale).to_owned(),
            adresse: (*adresse).to_owned(),
            code_postal: (*code_postal).to_owned(),
            ville: (*ville).to_owned(),
        })
        .await?;
    }
    Ok(())
}

/// Seeds the demo data unless the database already holds structures (idempotent).
pub async fn seed_if_new(db: &Db, demo_hash: &str, factures_demo: bool) -> Result<(), DbError> {
    seed_registre(db).await?;
    // The OAuth client came with a later migration: add it to databases seeded before it, too.
    sqlx::query(
        "INSERT INTO clients_oauth (client_id, secret_sha256) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING",
    )
    .bind(DEMO_CLIENT_ID)
    .bind(crate::auth::hash_token(DEMO_CLIENT_SECRET))
    .execute(db.pool())
    .await?;
    let n_structures: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM structures")
        .fetch_one(db.pool())
        .await?;
    if n_structures > 0 {
        // The bank accounts came with a later migration too.
        return seed_coordonnees_bancaires(db).await;
    }
    let mut tx = db.pool().begin().await?;
    for s in STRUCTURES {
        sqlx::query(
            "INSERT INTO structures (id_structure_cpp, identifiant, type_identifiant, raison_sociale, type_structure, \
             actif, code_service_doit_etre_renseigne, numero_ej_doit_etre_renseigne, gestion_numero_ej_ou_code_service, \
             adresse, code_postal, ville, code_pays, email, numero_tva) \
             VALUES ($1, $2, 'SIRET', $3, $4, $5, $6, $7, $8, $9, $10, $11, 'FR', $12, '')",
        )
        .bind(s.id)
        .bind(s.siret)
        .bind(s.raison_sociale)
        .bind(if s.publique { "PUBLIQUE" } else { "PRIVEE" })
        .bind(s.actif)
        .bind(s.drapeaux.0)
        .bind(s.drapeaux.1)
        .bind(s.drapeaux.2)
        .bind("1 place de l'Exemple")
        .bind(s.code_postal)
        .bind(s.ville)
        .bind(format!("contact-{}@exemple.test", s.id))
        .execute(&mut *tx)
        .await?;
    }
    for (id, id_structure, code, libelle, actif, ej) in SERVICES {
        sqlx::query(
            "INSERT INTO services (id_service, id_structure, code_service, libelle, actif, numero_engagement_requis) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(id_structure)
        .bind(code)
        .bind(libelle)
        .bind(actif)
        .bind(ej)
        .execute(&mut *tx)
        .await?;
    }
    let utilisateurs = [
        (1_i64, DEMO_EMAIL, "Martin", "Camille", ID_FOURNISSEUR_DEMO),
        (2_i64, AUTRE_EMAIL, "Durand", "Alex", ID_FOURNISSEUR_AUTRE),
    ];
    for (id, email, nom, prenom, id_structure) in utilisateurs {
        sqlx::query(
            "INSERT INTO utilisateurs (id, email, nom, prenom, langue, mot_de_passe_hash) VALUES ($1, $2, $3, $4, 'fr', $5)",
        )
        .bind(id)
        .bind(email)
        .bind(nom)
        .bind(prenom)
        .bind(demo_hash)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO rattachements (id_utilisateur, id_structure, role, habilitation) \
             VALUES ($1, $2, 'GESTIONNAIRE_PRINCIPAL', 'MODIFICATION')",
        )
        .bind(id)
        .bind(id_structure)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("INSERT INTO compteurs (nom, valeur) VALUES ('utilisateurs', 100)")
        .execute(&mut *tx)
        .await?;

    tx.commit().await?;
    seed_coordonnees_bancaires(db).await?;
    if factures_demo {
        seed_factures(db).await?;
        seed_travaux(db).await?;
    }
    seed_sollicitations(db).await?;
    tracing::info!(n_structures = STRUCTURES.len(), "demo data seeded");
    Ok(())
}

/// `idCoordonneeBancaire` of the demo supplier's main account.
pub const ID_COMPTE_DEMO: i64 = 27_000_001;
/// `idCoordonneeBancaire` of the demo supplier's closed account (not valid any more).
pub const ID_COMPTE_DEMO_CLOS: i64 = 27_000_003;
/// `idCoordonneeBancaire` of the second supplier's account.
pub const ID_COMPTE_AUTRE: i64 = 27_000_004;

/// Bank accounts of the suppliers: (id, structure, label, IBAN, BIC, valid). The IBANs pass the
/// ISO 13616 check (mod 97) and carry a correct French RIB key.
const COORDONNEES_BANCAIRES: &[(i64, i64, &str, &str, &str, bool)] = &[
    (
        ID_COMPTE_DEMO,
        ID_FOURNISSEUR_DEMO,
        "Compte courant",
        "FR7630006000011234567890189",
        "AGRIFRPPXXX",
        true,
    ),
    (
        27_000_002,
        ID_FOURNISSEUR_DEMO,
        "Compte affacturage",
        "FR7630004005500001234567840",
        "BNPAFRPPXXX",
        true,
    ),
    (
        ID_COMPTE_DEMO_CLOS,
        ID_FOURNISSEUR_DEMO,
        "Ancien compte (clos)",
        "FR7610107001000009876543211",
        "BREDFRPPXXX",
        false,
    ),
    (
        ID_COMPTE_AUTRE,
        ID_FOURNISSEUR_AUTRE,
        "Compte principal",
        "FR1420041010050500013M02606",
        "PSSTFRPPXXX",
        true,
    ),
];

/// Adds the suppliers' bank accounts that are missing (idempotent; skips absent structures).
async fn seed_coordonnees_bancaires(db: &Db) -> Result<(), DbError> {
    for (id, id_structure, nom, iban, bic, valide) in COORDONNEES_BANCAIRES {
        if db.structure(*id_structure).await?.is_none() {
            continue;
        }
        db.ajouter_coordonnee_bancaire(&crate::db::CoordonneeBancaireRow {
            id: *id,
            id_structure: *id_structure,
            nom: (*nom).to_owned(),
            iban: (*iban).to_owned(),
            bic: (*bic).to_owned(),
            valide: *valide,
        })
        .await?;
    }
    Ok(())
}

/// A minimal valid PDF, the main file of the demo invoices.
const PDF_DEMO: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Demo invoices of the demo supplier, one per step of the lifecycle: (number, recipient SIRET,
/// service code, HT amount, days ago, status path after DEPOSEE, reason of the last step).
type FactureDemo = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    i64,
    &'static [&'static str],
    Option<&'static str>,
);

const FACTURES_DEMO: &[FactureDemo] = &[
    (
        "DEMO-2026-001",
        "21310000100014",
        None,
        "1250.00",
        0,
        &[],
        None,
    ),
    (
        "DEMO-2026-002",
        "11000201100044",
        Some("SFACT-INFO"),
        "4800.00",
        6,
        &["EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"],
        None,
    ),
    (
        "DEMO-2026-003",
        "21310000100022",
        Some("SERVICES-TECHNIQUES"),
        "860.40",
        12,
        &["EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION", "SUSPENDUE"],
        Some("Bon de livraison manquant"),
    ),
    (
        "DEMO-2026-004",
        "22310000100013",
        Some("ROUTES"),
        "15000.00",
        15,
        &["EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION", "A_RECYCLER"],
        Some("Service destinataire erroné : COLLEGES"),
    ),
    (
        "DEMO-2026-005",
        "26310000100019",
        None,
        "320.00",
        20,
        &["EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION", "REJETEE"],
        Some("Numéro d'engagement inconnu"),
    ),
    (
        "DEMO-2026-006",
        "19000000100015",
        None,
        "2100.00",
        25,
        &[
            "EN_COURS_ACHEMINEMENT",
            "MISE_A_DISPOSITION",
            "SERVICE_FAIT",
        ],
        None,
    ),
    (
        "DEMO-2026-007",
        "21310000100014",
        None,
        "740.00",
        35,
        &[
            "EN_COURS_ACHEMINEMENT",
            "MISE_A_DISPOSITION",
            "SERVICE_FAIT",
            "MANDATEE",
        ],
        None,
    ),
    (
        "DEMO-2026-008",
        "11000201100044",
        Some("SFACT-INFO"),
        "9999.99",
        50,
        &[
            "EN_COURS_ACHEMINEMENT",
            "MISE_A_DISPOSITION",
            "SERVICE_FAIT",
            "MANDATEE",
            "MISE_EN_PAIEMENT",
        ],
        None,
    ),
    (
        "DEMO-2026-009",
        "21310000100048",
        Some("VOIRIE"),
        "515.00",
        18,
        &[
            "EN_COURS_ACHEMINEMENT",
            "MISE_A_DISPOSITION",
            "SUSPENDUE",
            "COMPLETEE",
        ],
        Some("BL ajouté"),
    ),
];

/// A sub-contractor's invoice (A9) of the demo supplier waiting on its titulaire (the other demo
/// supplier): it shows the validator's 15-day window.
const FACTURE_DEMO_SOUS_TRAITANCE: FactureDemo = (
    "DEMO-2026-010",
    "21310000100014",
    None,
    "2400.00",
    6,
    &["EN_COURS_ACHEMINEMENT", "A_VALIDER_1"],
    None,
);

/// SIRET of the titulaire who validates the demo A9 invoice (the other demo supplier).
const SIRET_TITULAIRE_DEMO: &str = "80000002800012";

/// Creates the demo invoices through the same repository calls as the API.
async fn seed_factures(db: &Db) -> Result<(), DbError> {
    let cadres = FACTURES_DEMO
        .iter()
        .map(|f| (f, "A1_FACTURE_FOURNISSEUR", None))
        .chain(std::iter::once((
            &FACTURE_DEMO_SOUS_TRAITANCE,
            "A9_FACTURE_SOUSTRAITANT",
            Some(SIRET_TITULAIRE_DEMO),
        )));
    for (facture, cadre, valideur) in cadres {
        seed_facture(db, facture, cadre, valideur).await?;
    }
    Ok(())
}

async fn seed_facture(
    db: &Db,
    facture: &FactureDemo,
    cadre: &str,
    valideur: Option<&str>,
) -> Result<(), DbError> {
    use base64::Engine as _;
    use chrono::{Duration, Utc};
    let format = "%Y-%m-%dT%H:%M:%S";
    let maintenant = Utc::now();
    let pdf_base64 = base64::engine::general_purpose::STANDARD.encode(PDF_DEMO);
    let (numero, siret, code_service, ht, jours, etapes, motif) = facture;
    {
        let depose = maintenant - Duration::days(*jours);
        let destinataire = db
            .structure_par_identifiant(siret)
            .await?
            .ok_or_else(|| DbError::Seed(format!("{siret} absent")))?;
        let service = match code_service {
            Some(code) => db.service_par_code(destinataire.id, code).await?,
            None => None,
        };
        let piece = db
            .ajouter_piece(
                1,
                &format!("{numero}.pdf"),
                "PDF",
                PDF_DEMO,
                &pdf_base64,
                &depose.format(format).to_string(),
            )
            .await?;
        let ht_decimal =
            rust_decimal::Decimal::from_str_exact(ht).map_err(|e| DbError::Seed(e.to_string()))?;
        let tva = (ht_decimal * rust_decimal::Decimal::new(20, 2)).round_dp(2);
        let ttc = ht_decimal + tva;
        // The amounts as `soumettre` carries them (cpro's wire types), so that `consulter` shows them.
        let montants = serde_json::to_value(cpro::factures::MontantTotal {
            montant_ht_total: Some(ht_decimal),
            montant_tva: Some(tva),
            montant_ttc_total: Some(ttc),
            montant_a_payer: Some(ttc),
            ..Default::default()
        })
        .map_err(|e| DbError::Seed(e.to_string()))?;
        let ligne_tva = serde_json::to_value(cpro::factures::LigneTva {
            ligne_tva_taux_manuel: Some(rust_decimal::Decimal::new(20, 0)),
            ligne_tva_montant_base_ht_par_taux: Some(ht_decimal),
            ligne_tva_montant_tva_par_taux: Some(tva),
            ..Default::default()
        })
        .map_err(|e| DbError::Seed(e.to_string()))?;
        let date_facture = (depose - Duration::days(2)).format("%Y-%m-%d").to_string();
        let requete = serde_json::json!({
            "modeDepot": "DEPOT_PDF_API",
            "numeroFactureSaisi": numero,
            "dateFacture": date_facture,
            "montantTotal": montants,
            "ligneTva": [ligne_tva],
            "destinataire": {"codeDestinataire": siret, "codeServiceExecutant": code_service},
            "fournisseur": {"idFournisseur": ID_FOURNISSEUR_DEMO},
            "cadreDeFacturation": {"codeCadreFacturation": cadre, "codeStructureValideur": valideur},
            "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE", "typeTva": "TVA_SUR_DEBIT", "modePaiement": "VIREMENT"},
            "pieceJointePrincipale": [{"pieceJointePrincipaleDesignation": format!("{numero}.pdf"), "pieceJointePrincipaleId": piece}]
        });
        let nouvelle = crate::db::NouvelleFacture {
            id_fournisseur: ID_FOURNISSEUR_DEMO,
            numero: Some((*numero).to_owned()),
            mode_depot: "DEPOT_PDF_API".to_owned(),
            type_facture: "FACTURE".to_owned(),
            date_facture: Some(date_facture),
            depose_le: depose.format(format).to_string(),
            id_destinataire: destinataire.id,
            id_service_executant: service.map(|s| s.id),
            cadre_facturation: cadre.to_owned(),
            code_structure_valideur: valideur.map(str::to_owned),
            devise: "EUR".to_owned(),
            montant_ht: Some(ht_decimal.to_string()),
            montant_tva: Some(tva.to_string()),
            montant_ttc: Some(ttc.to_string()),
            montant_a_payer: Some(ttc.to_string()),
            id_piece_principale: Some(piece),
            empreinte_requete: crate::auth::hash_token(&requete.to_string()),
            id_utilisateur_createur: 1,
            requete_json: requete.to_string(),
            ..Default::default()
        };
        let facture = match db
            .creer_facture(
                &nouvelle,
                depose.format("%Y").to_string().parse().unwrap_or(2026),
            )
            .await?
        {
            crate::db::Creation::Creee(facture) => facture,
            crate::db::Creation::NumeroDejaUtilise(_) => return Ok(()),
        };
        for (rang, statut) in etapes.iter().enumerate() {
            let quand = depose + Duration::hours(6 * (i64::try_from(rang).unwrap_or(0) + 1));
            let dernier = rang + 1 == etapes.len();
            let commentaire = if dernier { *motif } else { None };
            db.changer_statut(
                facture.id,
                statut,
                commentaire,
                None,
                &quand.format(format).to_string(),
            )
            .await?;
        }
    }
    Ok(())
}

/// SIRET of the maître d'ouvrage of the demo works pieces (a commune without routing flags).
pub const SIRET_MAITRE_OUVRAGE_DEMO: &str = "21310000100014";

/// The demo supplier's works pieces, one per transmissibility state: ready, waiting for validations,
/// missing information, and one whose automatic sending is due an hour after the seeding.
async fn seed_travaux(db: &Db) -> Result<(), DbError> {
    use facture::travaux::{SituationTravaux, Validation};
    use rust_decimal::Decimal;

    let maintenant = chrono::Utc::now().naive_utc();
    let maintenant = maintenant.with_nanosecond(0).unwrap_or(maintenant);
    let validation = |par: &str| {
        Some(Validation {
            par: par.to_owned(),
            le: maintenant,
        })
    };
    let base = |numero: &str, lot: &str, avancement: i64, deja: i64| SituationTravaux {
        id_structure: ID_FOURNISSEUR_DEMO,
        numero: numero.to_owned(),
        mois: chrono::NaiveDate::from_ymd_opt(maintenant.year(), maintenant.month(), 1),
        lot: lot.to_owned(),
        entreprise: "PASSERELLE DEMO SARL".to_owned(),
        numero_marche: "M-2026-014".to_owned(),
        ordre_service: "OS-2026-03".to_owned(),
        siret_destinataire: SIRET_MAITRE_OUVRAGE_DEMO.to_owned(),
        siret_moe: "82345678500018".to_owned(),
        prevision_ht: Some(Decimal::new(120_000, 0)),
        avancement: Some(Decimal::new(avancement, 0)),
        deja_facture_ht: Decimal::new(deja, 0),
        taux_tva: Some(Decimal::new(20, 0)),
        ..SituationTravaux::default()
    };
    let pieces = [
        SituationTravaux {
            validation_conducteur: validation("Camille Martin"),
            validation_finale: validation("Camille Martin"),
            ..base("SIT-DEMO-L02", "Lot 02 — Gros œuvre", 60, 48_000)
        },
        base("SIT-DEMO-L03", "Lot 03 — Menuiseries", 35, 30_000),
        SituationTravaux {
            ordre_service: String::new(),
            siret_moe: String::new(),
            ..base("SIT-DEMO-L05", "Lot 05 — Électricité", 20, 0)
        },
        SituationTravaux {
            validation_conducteur: validation("Camille Martin"),
            validation_finale: validation("Camille Martin"),
            envoi_prevu_le: Some(
                maintenant
                    + chrono::Duration::minutes(facture::travaux::DELAI_ENVOI_DEFAUT_MINUTES),
            ),
            ..base("SIT-DEMO-L04", "Lot 04 — Plâtrerie", 45, 36_000)
        },
    ];
    let horodatage = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%S").to_string();
    for piece in pieces {
        let piece = SituationTravaux {
            id: db.nouvel_id_situation().await?,
            ..piece
        };
        let donnees = serde_json::to_string(&piece).map_err(|e| DbError::Seed(e.to_string()))?;
        db.enregistrer_situation(
            piece.id,
            piece.id_structure,
            1,
            &donnees,
            piece.envoi_prevu_le.map(horodatage).as_deref(),
            None,
            &horodatage(maintenant),
        )
        .await?;
    }
    Ok(())
}

/// Two sollicitations of the demo supplier: one resolved with the support's answer, one open.
async fn seed_sollicitations(db: &Db) -> Result<(), DbError> {
    use crate::db::{NouvelleActivite, NouvelleSollicitation};
    use crate::portail::sollicitations::{
        AUTEUR_DESTINATAIRE, AUTEUR_EMETTEUR, SUPPORT_EMAIL, SUPPORT_NOM,
    };
    use chrono::{Duration, Utc};
    let format = "%Y-%m-%dT%H:%M:%S";
    let maintenant = Utc::now();
    let quand = |jours: i64| {
        (maintenant - Duration::days(jours))
            .format(format)
            .to_string()
    };
    let emetteur = "Camille Martin";
    let sollicitations = [
        (
            "STRUCTURE_COMPTE",
            "COORDONNEES_BANCAIRES",
            "Ajout d'un second compte bancaire",
            "Bonjour, nous souhaitons ajouter le compte de notre agence de Lyon à notre structure. Quelle est la démarche ?",
            None,
            Some((
                "Bonjour, ajoutez le compte depuis « Ma structure > Coordonnées bancaires » ; un gestionnaire principal doit le valider. Il sera ensuite proposé au dépôt des factures.",
                "RESOLU",
            )),
            12,
        ),
        (
            "ENGAGEMENT",
            "ENGAGEMENT_INCONNU",
            "Numéro d'engagement refusé",
            "Le numéro d'engagement transmis par le service acheteur est refusé au dépôt. Pouvez-vous vérifier qu'il est bien actif ?",
            Some(("ENGAGEMENT", "EJ-2026-004217")),
            None,
            2,
        ),
    ];
    for (categorie, sous_categorie, sujet, description, objet, reponse, jours) in sollicitations {
        // A category addressed to a public organisation goes to the State, the others to the support.
        let (destinataire, email_destinataire) = if portail::sollicitations::categorie(categorie)
            .is_some_and(|c| c.destinataire_requis)
        {
            (
                "ETAT - SERVICES CENTRAUX (BAC A SABLE)".to_owned(),
                format!("contact-{ID_ETAT}@exemple.test"),
            )
        } else {
            (SUPPORT_NOM.to_owned(), SUPPORT_EMAIL.to_owned())
        };
        let nouvelle = NouvelleSollicitation {
            id_utilisateur: 1,
            id_structure: Some(ID_FOURNISSEUR_DEMO),
            categorie: categorie.to_owned(),
            sous_categorie: sous_categorie.to_owned(),
            sujet: sujet.to_owned(),
            description: description.to_owned(),
            type_objet: objet.map(|(t, _)| t.to_owned()),
            numero_objet: objet.map(|(_, n)| n.to_owned()),
            id_facture: None,
            destinataire,
            email_destinataire,
            statut: "OUVERT".to_owned(),
        };
        let premiere = NouvelleActivite {
            id_sollicitation: 0,
            auteur: AUTEUR_EMETTEUR.to_owned(),
            nom_auteur: emetteur.to_owned(),
            texte: description.to_owned(),
            statut: Some("OUVERT".to_owned()),
            piece: None,
        };
        let id = db
            .creer_sollicitation(&nouvelle, &premiere, &quand(jours))
            .await?;
        if let Some((texte, statut)) = reponse {
            let activite = NouvelleActivite {
                id_sollicitation: id,
                auteur: AUTEUR_DESTINATAIRE.to_owned(),
                nom_auteur: SUPPORT_NOM.to_owned(),
                texte: texte.to_owned(),
                statut: Some(statut.to_owned()),
                piece: None,
            };
            db.ajouter_activite(&activite, &quand(jours - 1)).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ISO 13616: the IBAN moved four characters to the end, letters as 10..35, is 1 modulo 97.
    fn iban_valide(iban: &str) -> bool {
        let (tete, reste) = iban.split_at(4);
        let mut modulo = 0_u32;
        for c in reste.chars().chain(tete.chars()) {
            let Some(valeur) = c.to_digit(36) else {
                return false;
            };
            modulo = if valeur >= 10 {
                (modulo * 100 + valeur) % 97
            } else {
                (modulo * 10 + valeur) % 97
            };
        }
        modulo == 1
    }

    #[test]
    fn seeded_ibans_pass_the_mod_97_check() {
        assert!(!iban_valide("FR7630006000011234567890188"));
        for (id, _, _, iban, bic, _) in COORDONNEES_BANCAIRES {
            assert!(iban_valide(iban), "{id}: {iban}");
            assert_eq!(bic.len(), 11, "{id}: {bic}");
        }
    }

    #[test]
    fn register_sirets_and_sirens_pass_the_luhn_check() {
        for (siret, ..) in REGISTRE {
            let parsed = facture::identifiant::Siret::parse(siret);
            assert!(parsed.is_ok(), "{siret}: {parsed:?}");
        }
    }
}
