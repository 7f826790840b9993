//! `/cpro/structures/v1/...`: directory search and detail (official Structures swagger, api-reference §3.11).

use axum::extract::State;
use cpro::codes::{StatutStructureAffichee, TypeIdentifiantStructure, TypeStructure};
use cpro::structures::{
    AdressePostale, ConsulterServiceRequest, ConsulterServiceResponse, ConsulterStructureRequest,
    ConsulterStructureResponse, InformationsGeneralesService, InformationsGeneralesStructure,
    ParametresService, ParametresStructure, RechercherServicesRequest, RechercherServicesResponse,
    RechercherStructureRequest, RechercherStructureResponse, Service, StructureAAfficher,
};
use cpro::DateHeure;

use super::compte::Compte;
use super::{
    pagination, parametres_retour, CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT, LIBELLE_SUCCES_TRA,
};
use crate::db::{CriteresStructure, ServiceRow, StructureRow};
use crate::error::{ApiError, CproJson};
use crate::AppState;

/// `codeRetour` when the structure or service does not exist or is not visible to the caller
/// (the real code is not documented, api-reference §6.3).
pub const CODE_STRUCTURE_INEXISTANTE: i32 = 20001;

/// A private structure is visible only to its own users: answering "unknown" for the others does
/// not reveal that it exists.
fn visible(compte: &Compte, structure: &StructureRow) -> bool {
    structure.type_structure == "PUBLIQUE" || compte.peut_consulter(structure.id)
}

fn inexistante() -> ApiError {
    ApiError::metier(
        CODE_STRUCTURE_INEXISTANTE,
        "Structure ou service inexistant",
    )
}

/// `POST /cpro/structures/v1/rechercher`.
pub async fn rechercher(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<RechercherStructureRequest>,
) -> Result<CproJson<RechercherStructureResponse>, ApiError> {
    let critere = requete.structure.unwrap_or_default();
    let non_vide = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let criteres = CriteresStructure {
        identifiant: non_vide(critere.identifiant_structure),
        type_identifiant: critere
            .type_identifiant_structure
            .map(|t| t.code().to_owned()),
        raison_sociale: non_vide(
            critere
                .raison_sociale_structure
                .or(critere.libelle_structure),
        ),
        type_structure: critere.type_structure.map(|t| t.code().to_owned()),
        actif: critere.statut_structure.map(|s| s.code() == "ACTIF"),
        code_postal: non_vide(critere.adresse_code_postal),
        ville: non_vide(critere.adresse_ville),
        // Unset or true: public structures plus the private ones the user is attached to (api-reference §3.11).
        privees_de_utilisateur: match requete.restreindre_structures_privees {
            Some(false) => None,
            _ => Some(compte.utilisateur.id),
        },
    };
    let parametres = requete.parametres.unwrap_or_default();
    let (page, par_page) = pagination(
        parametres.page_resultat_demandee,
        parametres.nb_resultats_par_page,
    );
    let (structures, total) = state
        .db
        .rechercher_structures(&criteres, page, par_page)
        .await?;
    let (code_retour, libelle) = if total == 0 {
        (CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT)
    } else {
        (0, LIBELLE_SUCCES_TRA)
    };
    Ok(CproJson(RechercherStructureResponse {
        code_retour,
        libelle: libelle.to_owned(),
        liste_structures: structures
            .into_iter()
            .map(|s| StructureAAfficher {
                id_structure_cpp: Some(s.id),
                identifiant_structure: Some(s.identifiant),
                designation_structure: Some(s.raison_sociale),
                type_identifiant_structure: Some(TypeIdentifiantStructure::from_code(
                    &s.type_identifiant,
                )),
                statut: Some(if s.actif {
                    StatutStructureAffichee::ACTIVE
                } else {
                    StatutStructureAffichee::INACTIVE
                }),
            })
            .collect(),
        parametres_retour: Some(parametres_retour(page, par_page, total)),
    }))
}

/// `POST /cpro/structures/v1/consulter`.
pub async fn consulter(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<ConsulterStructureRequest>,
) -> Result<CproJson<ConsulterStructureResponse>, ApiError> {
    let id = requete
        .id_structure_cpp
        .ok_or_else(|| ApiError::RequeteInvalide("idStructureCPP est obligatoire".into()))?;
    let structure = state
        .db
        .structure(id)
        .await?
        .filter(|s| visible(&compte, s))
        .ok_or_else(inexistante)?;
    Ok(CproJson(ConsulterStructureResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_TRA.to_owned(),
        adresse_postale_du_siege: Some(AdressePostale {
            adresse: Some(structure.adresse.clone()),
            code_postal: Some(structure.code_postal.clone()),
            ville: Some(structure.ville.clone()),
            pays: Some(structure.code_pays.clone()),
            ..Default::default()
        }),
        information_generales: Some(InformationsGeneralesStructure {
            id_structure_cpp: Some(structure.id),
            identifiant_structure: Some(structure.identifiant.clone()),
            type_identifiant_structure: Some(TypeIdentifiantStructure::from_code(
                &structure.type_identifiant,
            )),
            raison_sociale_structure: Some(structure.raison_sociale.clone()),
            libelle_structure: Some(structure.raison_sociale.clone()),
            email_structure: Some(structure.email.clone()),
            numero_tva: Some(structure.numero_tva.clone()).filter(|n| !n.is_empty()),
            structure_privee_publique: Some(TypeStructure::from_code(&structure.type_structure)),
            est_valideur_deleguee: Some(false),
            ..Default::default()
        }),
        parametres: Some(ParametresStructure {
            code_service_doit_etre_renseigne: Some(structure.code_service_doit_etre_renseigne),
            numero_ej_doit_etre_renseigne: Some(structure.numero_ej_doit_etre_renseigne),
            gestion_numero_ej_ou_code_service: Some(structure.gestion_numero_ej_ou_code_service),
            est_moa_uniquement: Some(false),
            est_valideur_delegue: Some(false),
            geta_moa: Some(false),
            connexion_edi: Some(false),
            recevoir_donnees_via_edi: Some(false),
            non_diffusible_insee: Some(false),
            statut_mise_en_paiement_nest_pas_remonte: Some(false),
        }),
    }))
}

fn service_affiche(service: ServiceRow) -> Service {
    Service {
        id_service: Some(service.id),
        code_service: Some(service.code),
        libelle_service: Some(service.libelle),
        est_actif: Some(service.actif),
        statut_service: Some(if service.actif { "ACTIF" } else { "INACTIF" }.to_owned()),
        date_dbt_service: Some(DateHeure(service.date_debut)),
        date_fin_service: Some(DateHeure(service.date_fin)),
    }
}

/// `POST /cpro/structures/v1/rechercher/services`.
pub async fn rechercher_services(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<RechercherServicesRequest>,
) -> Result<CproJson<RechercherServicesResponse>, ApiError> {
    let id = requete
        .id_structure
        .ok_or_else(|| ApiError::RequeteInvalide("idStructure est obligatoire".into()))?;
    state
        .db
        .structure(id)
        .await?
        .filter(|s| visible(&compte, s))
        .ok_or_else(inexistante)?;
    let parametres = requete
        .parametres_rechercher_services_structure
        .unwrap_or_default();
    let (page, par_page) = pagination(
        parametres.page_resultat_demandee,
        parametres.nb_resultats_par_page,
    );
    let (services, total) = state.db.services(id, page, par_page).await?;
    let (code_retour, libelle) = if total == 0 {
        (CODE_AUCUN_RESULTAT, LIBELLE_AUCUN_RESULTAT)
    } else {
        (0, LIBELLE_SUCCES_TRA)
    };
    Ok(CproJson(RechercherServicesResponse {
        code_retour,
        libelle: libelle.to_owned(),
        liste_services: services.into_iter().map(service_affiche).collect(),
        parametres_retour: Some(parametres_retour(page, par_page, total)),
    }))
}

/// `POST /cpro/structures/v1/consulter/service`.
pub async fn consulter_service(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<ConsulterServiceRequest>,
) -> Result<CproJson<ConsulterServiceResponse>, ApiError> {
    let (Some(id_structure), Some(id_service)) = (requete.id_structure, requete.id_service) else {
        return Err(ApiError::RequeteInvalide(
            "idStructure et idService sont obligatoires".into(),
        ));
    };
    let structure = state
        .db
        .structure(id_structure)
        .await?
        .filter(|s| visible(&compte, s))
        .ok_or_else(inexistante)?;
    let service = state
        .db
        .service(id_service)
        .await?
        .filter(|s| s.id_structure == id_structure)
        .ok_or_else(inexistante)?;
    Ok(CproJson(ConsulterServiceResponse {
        code_retour: 0,
        libelle: LIBELLE_SUCCES_TRA.to_owned(),
        adresse_postale: Some(AdressePostale {
            adresse: Some(structure.adresse),
            code_postal: Some(structure.code_postal),
            ville: Some(structure.ville),
            pays: Some(structure.code_pays),
            ..Default::default()
        }),
        informations_generales: Some(InformationsGeneralesService {
            code_service: Some(service.code),
            nom_service: Some(service.libelle.clone()),
            description_service: Some(service.libelle),
        }),
        parametres: Some(ParametresService {
            numero_engagement: Some(service.numero_engagement_requis),
            mise_en_paiement: Some(false),
            date_creation: Some(DateHeure(service.date_debut.clone())),
            date_debut_validite: Some(DateHeure(service.date_debut)),
            date_fin_validite: Some(DateHeure(service.date_fin)),
            date_modification: None,
        }),
        ..Default::default()
    }))
}
