//! Activités du gestionnaire, under `/portail/v1/gestionnaire/structures/{id}/…`: the users attached to a
//! structure (role, habilitation per espace, detachment), its services (created here, then found by
//! `rechercher/services` and `consulter/service`), its bank accounts (added here, then offered by
//! `recuperer/coordbanc/valides`) and its espaces. Only a gestionnaire (principal or secondaire) of the
//! structure may call them: anyone else gets 403, whether the structure exists or not. Only a principal
//! names or removes a principal, and a structure always keeps one.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use facture::identifiant::{Bic, Iban};
use serde::{Deserialize, Serialize};

use super::habilitations::{droits, DroitEspace, ESPACES_STRUCTURE, ESPACE_GESTIONNAIRE};
use super::rattachements::HABILITATIONS;
use crate::auth::Utilisateur;
use crate::db::{
    ChangementMembre, CompteBancaireRow, MembreRow, NouveauCompteBancaire, NouveauService,
    ServiceRow, ROLE_GESTIONNAIRE, ROLE_GESTIONNAIRE_PRINCIPAL, ROLE_UTILISATEUR,
};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// The espace whose habilitation is also the rattachement's (the Chorus Pro API checks it for invoices).
pub const ESPACE_FACTURES: &str = "FACTURES_EMISES";
/// Roles a gestionnaire can give.
pub const ROLES: &[&str] = &[
    ROLE_GESTIONNAIRE_PRINCIPAL,
    ROLE_GESTIONNAIRE,
    ROLE_UTILISATEUR,
];
/// Longest `codeService` (api-reference §6.2: `codeServiceExecutant` 100).
pub const CODE_SERVICE_MAX: usize = 100;
/// Longest service label, account name or holder.
pub const LIBELLE_MAX: usize = 100;
/// Service code reserved by Chorus Pro to invoices between public entities (api-reference §6.1).
pub const CODE_SERVICE_RESERVE: &str = "FACTURES_PUBLIQUES";

fn est_gestionnaire(role: &str) -> bool {
    role.starts_with("GESTIONNAIRE")
}

/// The caller's role on the structure when it is a gestionnaire's; 403 otherwise (also for a structure
/// that does not exist, so that ids reveal nothing).
async fn role_gestionnaire(
    state: &AppState,
    id_utilisateur: i64,
    id_structure: &str,
) -> Result<(i64, String), ApiError> {
    let interdit = || {
        ApiError::Interdit(
            "Seul un gestionnaire de cette structure peut consulter et modifier ses activités."
                .into(),
        )
    };
    let id: i64 = id_structure.parse().map_err(|_| interdit())?;
    let role = state.db.role_sur_structure(id_utilisateur, id).await?;
    match role {
        Some(role) if est_gestionnaire(&role) => Ok((id, role)),
        _ => Err(interdit()),
    }
}

fn id_ou_404(texte: &str, quoi: &str) -> Result<i64, ApiError> {
    texte
        .parse()
        .map_err(|_| ApiError::Refus(StatusCode::NOT_FOUND, format!("{quoi} inconnu(e).")))
}

fn trop_long(champ: &str, texte: &str, max: usize) -> Option<ErreurChamp> {
    (texte.chars().count() > max).then(|| {
        ErreurChamp::new(
            champ,
            format!("{max} caractères au plus."),
            format!("At most {max} characters."),
        )
    })
}

fn requis(champ: &str, texte: &str, fr: &str, en: &str) -> Option<ErreurChamp> {
    texte.is_empty().then(|| ErreurChamp::new(champ, fr, en))
}

// ---------------------------------------------------------------------------------------------------
// Structures and espaces

/// A structure the caller manages.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StructureGeree {
    /// `idStructureCPP`.
    #[serde(rename = "idStructureCPP")]
    pub id_structure_cpp: i64,
    /// Identifier type.
    pub type_identifiant: String,
    /// Identifier (SIRET…).
    pub identifiant: String,
    /// Name.
    pub raison_sociale: String,
    /// The caller's role: `GESTIONNAIRE_PRINCIPAL` or `GESTIONNAIRE`.
    pub role: String,
    /// Pending rattachement requests.
    pub demandes_en_attente: usize,
}

/// Answer of `GET /portail/v1/gestionnaire/structures`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct StructuresGereesResponse {
    /// The structures, by id.
    pub structures: Vec<StructureGeree>,
}

/// `GET /portail/v1/gestionnaire/structures` (signed in): the structures the caller manages (empty when none).
pub async fn structures(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
) -> Result<CproJson<StructuresGereesResponse>, ApiError> {
    let demandes = state.db.demandes_a_traiter(utilisateur.id).await?;
    let mut structures = Vec::new();
    for (id, role, _) in state.db.rattachements_avec_role(utilisateur.id).await? {
        if !est_gestionnaire(&role) {
            continue;
        }
        let Some(structure) = state.db.structure(id).await? else {
            continue;
        };
        structures.push(StructureGeree {
            id_structure_cpp: id,
            type_identifiant: structure.type_identifiant,
            identifiant: structure.identifiant,
            raison_sociale: structure.raison_sociale,
            role,
            demandes_en_attente: demandes.iter().filter(|d| d.id_structure == id).count(),
        });
    }
    Ok(CproJson(StructuresGereesResponse { structures }))
}

/// One espace of a structure and how many users reach it.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EspaceStructure {
    /// `FACTURES_EMISES`, `SOLLICITATIONS` or `ACTIVITES_GESTIONNAIRE`.
    pub espace: String,
    /// On, or turned off by the gestionnaire principal (then nobody reads nor changes it).
    pub actif: bool,
    /// Users who may read it.
    pub utilisateurs_consultation: usize,
    /// Users who may also change it.
    pub utilisateurs_modification: usize,
}

/// Answer of `GET /portail/v1/gestionnaire/structures/{id}/espaces`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct EspacesResponse {
    /// The espaces, in menu order.
    pub espaces: Vec<EspaceStructure>,
}

/// The espaces of a structure with their number of users (pure); `membres` carry the rights with the
/// espaces turned off already applied ([`Membre::sans_espaces`]).
pub fn espaces_de(membres: &[Membre], desactives: &[String]) -> Vec<EspaceStructure> {
    ESPACES_STRUCTURE
        .iter()
        .chain(std::iter::once(&ESPACE_GESTIONNAIRE))
        .map(|espace| {
            let droits = membres
                .iter()
                .filter_map(|m| m.droits.iter().find(|d| d.espace == *espace));
            let (mut consultation, mut modification) = (0, 0);
            for droit in droits {
                consultation += usize::from(droit.consultation);
                modification += usize::from(droit.modification);
            }
            EspaceStructure {
                espace: (*espace).to_owned(),
                actif: !desactives.iter().any(|d| d == espace),
                utilisateurs_consultation: consultation,
                utilisateurs_modification: modification,
            }
        })
        .collect()
}

/// `GET /portail/v1/gestionnaire/structures/{id}/espaces` (gestionnaires of the structure).
pub async fn espaces(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path(id): Path<String>,
) -> Result<CproJson<EspacesResponse>, ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    espaces_reponse(&state, id).await
}

async fn espaces_reponse(state: &AppState, id: i64) -> Result<CproJson<EspacesResponse>, ApiError> {
    let desactives = state.db.espaces_desactives(id).await?;
    let membres: Vec<Membre> = state
        .db
        .membres_structure(id)
        .await?
        .into_iter()
        .map(|row| Membre::from(row).sans_espaces(&desactives))
        .collect();
    Ok(CproJson(EspacesResponse {
        espaces: espaces_de(&membres, &desactives),
    }))
}

/// Body of `PUT /portail/v1/gestionnaire/structures/{id}/espaces/{espace}`.
#[derive(Debug, Deserialize)]
pub struct EtatEspace {
    /// Turn on (`true`) or off.
    pub actif: bool,
}

/// `PUT /portail/v1/gestionnaire/structures/{id}/espaces/{espace}`: the gestionnaire principal turns an
/// espace of the structure on or off (the gestionnaires' own espace stays on).
pub async fn changer_espace(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path((id, espace)): Path<(String, String)>,
    CproJson(demande): CproJson<EtatEspace>,
) -> Result<CproJson<EspacesResponse>, ApiError> {
    let (id, role) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    if role != ROLE_GESTIONNAIRE_PRINCIPAL {
        return Err(ApiError::Interdit(
            "Seul le gestionnaire principal active ou désactive les espaces de la structure."
                .into(),
        ));
    }
    if !ESPACES_STRUCTURE.contains(&espace.as_str()) {
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "espace",
            format!(
                "Espace {espace} : seuls {} s'activent et se désactivent.",
                ESPACES_STRUCTURE.join(", ")
            ),
            format!(
                "Espace {espace}: only {} can be turned on and off.",
                ESPACES_STRUCTURE.join(", ")
            ),
        )]));
    }
    state.db.changer_espace(id, &espace, demande.actif).await?;
    espaces_reponse(&state, id).await
}

// ---------------------------------------------------------------------------------------------------
// Users

/// A habilitation on one espace.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HabilitationEspace {
    /// `FACTURES_EMISES` or `SOLLICITATIONS`.
    pub espace: String,
    /// `CONSULTATION` or `MODIFICATION`.
    pub habilitation: String,
}

/// A user attached to the structure.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Membre {
    /// User id.
    pub id_utilisateur: i64,
    /// Login e-mail.
    pub email: String,
    /// Family name.
    pub nom: String,
    /// Given name.
    pub prenom: String,
    /// `GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE` or `UTILISATEUR`.
    pub role: String,
    /// Habilitation per espace of the structure (every espace of `ESPACES_STRUCTURE`).
    pub habilitations: Vec<HabilitationEspace>,
    /// Resulting rights per espace, the gestionnaires' espace included.
    pub droits: Vec<DroitEspace>,
}

impl Membre {
    /// The rights with the structure's espaces turned off closed.
    pub fn sans_espaces(mut self, desactives: &[String]) -> Membre {
        for droit in &mut self.droits {
            if desactives.contains(&droit.espace) {
                droit.consultation = false;
                droit.modification = false;
            }
        }
        self
    }
}

impl From<MembreRow> for Membre {
    fn from(row: MembreRow) -> Self {
        let habilitations = ESPACES_STRUCTURE
            .iter()
            .map(|espace| HabilitationEspace {
                espace: (*espace).to_owned(),
                habilitation: row
                    .par_espace
                    .iter()
                    .find(|(e, _)| e == espace)
                    .map_or(row.habilitation.clone(), |(_, h)| h.clone()),
            })
            .collect();
        Membre {
            droits: droits(&row.role, &row.habilitation, &row.par_espace),
            id_utilisateur: row.id_utilisateur,
            email: row.email,
            nom: row.nom,
            prenom: row.prenom,
            role: row.role,
            habilitations,
        }
    }
}

/// Answer of `GET /portail/v1/gestionnaire/structures/{id}/utilisateurs`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct MembresResponse {
    /// Principals first, then gestionnaires, then users, by name.
    pub utilisateurs: Vec<Membre>,
}

/// `GET /portail/v1/gestionnaire/structures/{id}/utilisateurs` (gestionnaires of the structure).
pub async fn utilisateurs(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path(id): Path<String>,
) -> Result<CproJson<MembresResponse>, ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let desactives = state.db.espaces_desactives(id).await?;
    let utilisateurs = state
        .db
        .membres_structure(id)
        .await?
        .into_iter()
        .map(|row| Membre::from(row).sans_espaces(&desactives))
        .collect();
    Ok(CproJson(MembresResponse { utilisateurs }))
}

/// Body of `PUT /portail/v1/gestionnaire/structures/{id}/utilisateurs/{idUtilisateur}`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModificationMembre {
    /// New role; unchanged when empty.
    pub role: String,
    /// Habilitation per espace; espaces not named keep theirs.
    pub habilitations: Vec<HabilitationEspace>,
}

/// A checked change: role and the full list of habilitations per espace (Factures émises first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangementVerifie {
    /// The role to store.
    pub role: String,
    /// (espace, habilitation) for every espace of `ESPACES_STRUCTURE`.
    pub par_espace: Vec<(String, String)>,
}

/// Checks a change of a user's role and habilitations (pure). `acteur` is the caller's role, `actuel` the
/// user's current state. 422 per field; 403 when a secondary gestionnaire touches a principal.
pub fn changement_verifie(
    acteur: &str,
    actuel: &Membre,
    demande: &ModificationMembre,
) -> Result<ChangementVerifie, ApiError> {
    let mut erreurs = Vec::new();
    let role = match demande.role.trim().to_uppercase() {
        vide if vide.is_empty() => actuel.role.clone(),
        role if ROLES.contains(&role.as_str()) => role,
        _ => {
            erreurs.push(ErreurChamp::new(
                "role",
                "Choisissez le rôle : GESTIONNAIRE_PRINCIPAL, GESTIONNAIRE ou UTILISATEUR.",
                "Choose the role: GESTIONNAIRE_PRINCIPAL, GESTIONNAIRE or UTILISATEUR.",
            ));
            actuel.role.clone()
        }
    };
    let mut par_espace: Vec<(String, String)> = actuel
        .habilitations
        .iter()
        .map(|h| (h.espace.clone(), h.habilitation.clone()))
        .collect();
    for h in &demande.habilitations {
        let espace = h.espace.trim().to_uppercase();
        let niveau = h.habilitation.trim().to_uppercase();
        let champ = format!("habilitations.{espace}");
        let Some(place) = par_espace.iter_mut().find(|(e, _)| *e == espace) else {
            erreurs.push(ErreurChamp::new(
                &champ,
                format!("Espace inconnu : {espace} (FACTURES_EMISES ou SOLLICITATIONS)."),
                format!("Unknown espace: {espace} (FACTURES_EMISES or SOLLICITATIONS)."),
            ));
            continue;
        };
        if !HABILITATIONS.contains(&niveau.as_str()) {
            erreurs.push(ErreurChamp::new(
                &champ,
                "Choisissez CONSULTATION ou MODIFICATION.",
                "Choose CONSULTATION or MODIFICATION.",
            ));
            continue;
        }
        place.1 = niveau;
    }
    if !erreurs.is_empty() {
        return Err(ApiError::Champs(erreurs));
    }
    let principal_touche = role != actuel.role
        && (role == ROLE_GESTIONNAIRE_PRINCIPAL || actuel.role == ROLE_GESTIONNAIRE_PRINCIPAL);
    if principal_touche && acteur != ROLE_GESTIONNAIRE_PRINCIPAL {
        return Err(ApiError::Interdit(
            "Seul un gestionnaire principal peut nommer ou retirer un gestionnaire principal."
                .into(),
        ));
    }
    Ok(ChangementVerifie { role, par_espace })
}

fn dernier_principal(action: &str) -> ApiError {
    ApiError::Refus(
        StatusCode::CONFLICT,
        format!(
            "Impossible de {action} le dernier gestionnaire principal : la structure doit en garder un. \
             Nommez d'abord un autre gestionnaire principal."
        ),
    )
}

fn utilisateur_inconnu() -> ApiError {
    ApiError::Refus(
        StatusCode::NOT_FOUND,
        "Cet utilisateur n'est pas rattaché à la structure.".into(),
    )
}

async fn membre(
    state: &AppState,
    id_structure: i64,
    id_utilisateur: i64,
) -> Result<Membre, ApiError> {
    state
        .db
        .membres_structure(id_structure)
        .await?
        .into_iter()
        .find(|m| m.id_utilisateur == id_utilisateur)
        .map(Membre::from)
        .ok_or_else(utilisateur_inconnu)
}

/// `PUT /portail/v1/gestionnaire/structures/{id}/utilisateurs/{idUtilisateur}`: changes the role and
/// habilitations per espace. 403 (not a gestionnaire, or a secondary touching a principal), 404 (not
/// attached), 409 (last principal), 422 (fields).
pub async fn modifier_utilisateur(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path((id, id_membre)): Path<(String, String)>,
    CproJson(demande): CproJson<ModificationMembre>,
) -> Result<CproJson<Membre>, ApiError> {
    let (id, role_acteur) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let id_membre = id_ou_404(&id_membre, "Utilisateur")?;
    let actuel = membre(&state, id, id_membre).await?;
    let changement = changement_verifie(&role_acteur, &actuel, &demande)?;
    // The rattachement's habilitation is the Factures émises one, which the Chorus Pro API checks.
    let factures = changement
        .par_espace
        .iter()
        .find(|(espace, _)| espace == ESPACE_FACTURES)
        .map(|(_, h)| h.clone())
        .unwrap_or_default();
    match state
        .db
        .modifier_membre(
            id,
            id_membre,
            &changement.role,
            &factures,
            &changement.par_espace,
        )
        .await?
    {
        ChangementMembre::Fait => Ok(CproJson(membre(&state, id, id_membre).await?)),
        ChangementMembre::Inconnu => Err(utilisateur_inconnu()),
        ChangementMembre::DernierPrincipal => Err(dernier_principal("rétrograder")),
    }
}

/// `DELETE /portail/v1/gestionnaire/structures/{id}/utilisateurs/{idUtilisateur}`: detaches the user
/// (204). 403, 404, 409 (last principal) as for a change.
pub async fn detacher_utilisateur(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path((id, id_membre)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let (id, role_acteur) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let id_membre = id_ou_404(&id_membre, "Utilisateur")?;
    let actuel = membre(&state, id, id_membre).await?;
    if actuel.role == ROLE_GESTIONNAIRE_PRINCIPAL && role_acteur != ROLE_GESTIONNAIRE_PRINCIPAL {
        return Err(ApiError::Interdit(
            "Seul un gestionnaire principal peut détacher un gestionnaire principal.".into(),
        ));
    }
    match state.db.detacher_membre(id, id_membre).await? {
        ChangementMembre::Fait => Ok(StatusCode::NO_CONTENT),
        ChangementMembre::Inconnu => Err(utilisateur_inconnu()),
        ChangementMembre::DernierPrincipal => Err(dernier_principal("détacher")),
    }
}

// ---------------------------------------------------------------------------------------------------
// Services

/// A service of the structure.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ServiceStructure {
    /// `idService`.
    pub id_service: i64,
    /// `codeService`.
    pub code: String,
    /// `libelleService`.
    pub libelle: String,
    /// `estActif`.
    pub actif: bool,
    /// Start of validity (`YYYY-MM-DD HH:MM`).
    pub date_debut: String,
}

impl From<ServiceRow> for ServiceStructure {
    fn from(row: ServiceRow) -> Self {
        ServiceStructure {
            id_service: row.id,
            code: row.code,
            libelle: row.libelle,
            actif: row.actif,
            date_debut: row.date_debut,
        }
    }
}

/// Answer of `GET …/services`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ServicesResponse {
    /// By code.
    pub services: Vec<ServiceStructure>,
}

/// `GET /portail/v1/gestionnaire/structures/{id}/services` (gestionnaires of the structure).
pub async fn services(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path(id): Path<String>,
) -> Result<CproJson<ServicesResponse>, ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let (services, _) = state.db.services(id, 1, 10_000).await?;
    Ok(CproJson(ServicesResponse {
        services: services.into_iter().map(ServiceStructure::from).collect(),
    }))
}

/// Body of `POST …/services`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreationService {
    /// `codeService`: 1 to 100 characters, unique in the structure.
    pub code: String,
    /// `libelleService`.
    pub libelle: String,
}

/// The checked (code, libellé) of a new service (pure): 422 per field. A supplier's services are
/// « services fournisseur »: they carry no engagement rule, so there is no such flag to set.
pub fn service_verifie(demande: &CreationService) -> Result<(String, String), ApiError> {
    let code = demande.code.trim();
    let libelle = demande.libelle.trim();
    let mut erreurs: Vec<ErreurChamp> = [
        requis(
            "code",
            code,
            "Saisissez le code du service.",
            "Enter the service code.",
        ),
        trop_long("code", code, CODE_SERVICE_MAX),
        requis(
            "libelle",
            libelle,
            "Saisissez le libellé du service.",
            "Enter the service name.",
        ),
        trop_long("libelle", libelle, LIBELLE_MAX),
    ]
    .into_iter()
    .flatten()
    .collect();
    if code.chars().any(char::is_control) {
        erreurs.push(ErreurChamp::new(
            "code",
            "Le code ne peut pas contenir de caractère de contrôle.",
            "The code cannot contain control characters.",
        ));
    }
    if code.eq_ignore_ascii_case(CODE_SERVICE_RESERVE) {
        erreurs.push(ErreurChamp::new(
            "code",
            "FACTURES_PUBLIQUES est réservé par Chorus Pro aux factures entre entités publiques.",
            "FACTURES_PUBLIQUES is reserved by Chorus Pro for invoices between public entities.",
        ));
    }
    if erreurs.is_empty() {
        Ok((code.to_owned(), libelle.to_owned()))
    } else {
        Err(ApiError::Champs(erreurs))
    }
}

/// `POST /portail/v1/gestionnaire/structures/{id}/services`: an active service (201). 422 on a field,
/// including a code the structure already has.
pub async fn creer_service(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path(id): Path<String>,
    CproJson(demande): CproJson<CreationService>,
) -> Result<(StatusCode, CproJson<ServiceStructure>), ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let (code, libelle) = service_verifie(&demande)?;
    let deja = || {
        ApiError::Champs(vec![ErreurChamp::new(
            "code",
            format!("La structure a déjà un service de code {code}."),
            format!("The structure already has a service with code {code}."),
        )])
    };
    if state.db.service_par_code(id, &code).await?.is_some() {
        return Err(deja());
    }
    let nouveau = NouveauService {
        id_structure: id,
        code: code.clone(),
        libelle,
        date_debut: state
            .clock
            .maintenant()
            .format("%Y-%m-%d %H:%M")
            .to_string(),
    };
    let id_service = state.db.creer_service(&nouveau).await?.ok_or_else(deja)?;
    let service =
        state.db.service(id_service).await?.ok_or_else(|| {
            ApiError::Interne(format!("service {id_service} not found after insert"))
        })?;
    Ok((StatusCode::CREATED, CproJson(service.into())))
}

/// Body of `POST …/services/{idService}/etat`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EtatService {
    /// Active or not.
    pub actif: bool,
}

/// `POST /portail/v1/gestionnaire/structures/{id}/services/{idService}/etat`: activates or deactivates.
pub async fn changer_etat_service(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path((id, id_service)): Path<(String, String)>,
    CproJson(demande): CproJson<EtatService>,
) -> Result<CproJson<ServiceStructure>, ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let id_service = id_ou_404(&id_service, "Service")?;
    if !state
        .db
        .changer_etat_service(id, id_service, demande.actif)
        .await?
    {
        return Err(ApiError::Refus(
            StatusCode::NOT_FOUND,
            "Service inconnu dans cette structure.".into(),
        ));
    }
    let service = state
        .db
        .service(id_service)
        .await?
        .ok_or_else(|| ApiError::Interne(format!("service {id_service} vanished")))?;
    Ok(CproJson(service.into()))
}

// ---------------------------------------------------------------------------------------------------
// Bank accounts

/// A bank account of the structure.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CompteBancaire {
    /// `idCoordonneeBancaire`.
    pub id_coordonnee_bancaire: i64,
    /// `nomCoordonneeBancaire`: what the invoice forms show.
    pub nom: String,
    /// Holder (the structure's name for accounts registered without one).
    pub titulaire: String,
    /// IBAN, compact.
    pub iban: String,
    /// BIC.
    pub bic: String,
    /// Offered for new invoices.
    pub valide: bool,
}

/// Answer of `GET …/coordonnees-bancaires`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ComptesBancairesResponse {
    /// Valid ones first.
    pub coordonnees_bancaires: Vec<CompteBancaire>,
}

fn compte(row: CompteBancaireRow, raison_sociale: &str) -> CompteBancaire {
    CompteBancaire {
        id_coordonnee_bancaire: row.id,
        nom: row.nom,
        titulaire: if row.titulaire.is_empty() {
            raison_sociale.to_owned()
        } else {
            row.titulaire
        },
        iban: row.iban,
        bic: row.bic,
        valide: row.valide,
    }
}

async fn raison_sociale(state: &AppState, id: i64) -> Result<String, ApiError> {
    Ok(state
        .db
        .structure(id)
        .await?
        .map(|s| s.raison_sociale)
        .unwrap_or_default())
}

/// `GET /portail/v1/gestionnaire/structures/{id}/coordonnees-bancaires` (gestionnaires of the structure).
pub async fn comptes_bancaires(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path(id): Path<String>,
) -> Result<CproJson<ComptesBancairesResponse>, ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let nom_structure = raison_sociale(&state, id).await?;
    let coordonnees_bancaires = state
        .db
        .comptes_bancaires_structure(id)
        .await?
        .into_iter()
        .map(|row| compte(row, &nom_structure))
        .collect();
    Ok(CproJson(ComptesBancairesResponse {
        coordonnees_bancaires,
    }))
}

/// Body of `POST …/coordonnees-bancaires`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AjoutCompteBancaire {
    /// Name shown in the invoice forms (« Compte courant »).
    pub nom: String,
    /// Holder, as on the RIB.
    pub titulaire: String,
    /// IBAN, spaces allowed.
    pub iban: String,
    /// BIC.
    pub bic: String,
}

/// The checked account (pure): IBAN with its mod-97 key (ISO 13616) and the country's length, BIC
/// (ISO 9362) of the same country as the IBAN (Monaco accounts may be held by French banks). 422 per field.
pub fn compte_verifie(
    id_structure: i64,
    demande: &AjoutCompteBancaire,
) -> Result<NouveauCompteBancaire, ApiError> {
    let nom = demande.nom.trim();
    let titulaire = demande.titulaire.trim();
    let mut erreurs: Vec<ErreurChamp> = [
        requis(
            "nom",
            nom,
            "Donnez un nom à ce compte : il est proposé dans les formulaires de facture.",
            "Name this account: the invoice forms offer it by this name.",
        ),
        trop_long("nom", nom, LIBELLE_MAX),
        requis(
            "titulaire",
            titulaire,
            "Saisissez le titulaire du compte, tel qu'il figure sur le RIB.",
            "Enter the account holder, as printed on the bank details.",
        ),
        trop_long("titulaire", titulaire, LIBELLE_MAX),
    ]
    .into_iter()
    .flatten()
    .collect();
    let iban = if demande.iban.trim().is_empty() {
        erreurs.push(ErreurChamp::new(
            "iban",
            "Saisissez l'IBAN du compte.",
            "Enter the account's IBAN.",
        ));
        None
    } else {
        match Iban::parse(&demande.iban) {
            Ok(iban) => Some(iban),
            Err(erreur) => {
                erreurs.push(ErreurChamp::new(
                    "iban",
                    format!(
                        "IBAN invalide : {}. Recopiez-le depuis le RIB.",
                        erreur.message_fr()
                    ),
                    format!(
                        "Invalid IBAN: {}. Copy it from the bank details.",
                        erreur.message_en()
                    ),
                ));
                None
            }
        }
    };
    let bic = match Bic::parse(&demande.bic) {
        Ok(bic) => Some(bic),
        Err(_) => {
            erreurs.push(ErreurChamp::new(
                "bic",
                "Le BIC compte 8 ou 11 caractères : 4 lettres (banque), 2 lettres (pays), 2 lettres ou chiffres, \
                 puis 3 facultatifs (ex. BNPAFRPP).",
                "A BIC has 8 or 11 characters: 4 letters (bank), 2 letters (country), 2 letters or digits, \
                 then 3 optional (e.g. BNPAFRPP).",
            ));
            None
        }
    };
    if let (Some(iban), Some(bic)) = (&iban, &bic) {
        let pays_iban = iban.code_pays();
        let monaco_francais = pays_iban == "MC" && bic.code_pays() == "FR";
        if bic.code_pays() != pays_iban && !monaco_francais {
            erreurs.push(ErreurChamp::new(
                "bic",
                format!(
                    "Ce BIC est celui d'une banque de {} et l'IBAN d'un compte de {pays_iban} : vérifiez-les.",
                    bic.code_pays()
                ),
                format!(
                    "This BIC is a bank's of {} and the IBAN an account's of {pays_iban}: check them.",
                    bic.code_pays()
                ),
            ));
        }
    }
    match (iban, bic) {
        (Some(iban), Some(bic)) if erreurs.is_empty() => Ok(NouveauCompteBancaire {
            id_structure,
            nom: nom.to_owned(),
            titulaire: titulaire.to_owned(),
            iban: iban.into(),
            bic: bic.into(),
        }),
        _ => Err(ApiError::Champs(erreurs)),
    }
}

/// `POST /portail/v1/gestionnaire/structures/{id}/coordonnees-bancaires`: a valid account (201), offered
/// at once by `recuperer/coordbanc/valides`. 422 on a field (bad IBAN, an IBAN already valid here…).
pub async fn ajouter_compte_bancaire(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path(id): Path<String>,
    CproJson(demande): CproJson<AjoutCompteBancaire>,
) -> Result<(StatusCode, CproJson<CompteBancaire>), ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let nouveau = compte_verifie(id, &demande)?;
    let existants = state.db.comptes_bancaires_structure(id).await?;
    if let Some(existant) = existants
        .iter()
        .find(|c| c.valide && c.iban == nouveau.iban)
    {
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "iban",
            format!(
                "Cet IBAN est déjà enregistré pour la structure (« {} »).",
                existant.nom
            ),
            format!(
                "This IBAN is already registered for the structure (\u{201c}{}\u{201d}).",
                existant.nom
            ),
        )]));
    }
    let id_compte = state.db.ajouter_compte_bancaire(&nouveau).await?;
    let nom_structure = raison_sociale(&state, id).await?;
    let ajoute = state
        .db
        .comptes_bancaires_structure(id)
        .await?
        .into_iter()
        .find(|c| c.id == id_compte)
        .ok_or_else(|| ApiError::Interne(format!("account {id_compte} not found after insert")))?;
    Ok((
        StatusCode::CREATED,
        CproJson(compte(ajoute, &nom_structure)),
    ))
}

/// `POST /portail/v1/gestionnaire/structures/{id}/coordonnees-bancaires/{idCoordonneeBancaire}/desactivation`:
/// the account is no longer offered for new invoices (invoices already sent keep it).
pub async fn desactiver_compte_bancaire(
    State(state): State<AppState>,
    Utilisateur(utilisateur): Utilisateur,
    Path((id, id_compte)): Path<(String, String)>,
) -> Result<CproJson<CompteBancaire>, ApiError> {
    let (id, _) = role_gestionnaire(&state, utilisateur.id, &id).await?;
    let id_compte = id_ou_404(&id_compte, "Compte bancaire")?;
    if !state.db.desactiver_compte_bancaire(id, id_compte).await? {
        return Err(ApiError::Refus(
            StatusCode::NOT_FOUND,
            "Compte bancaire inconnu dans cette structure.".into(),
        ));
    }
    let nom_structure = raison_sociale(&state, id).await?;
    let compte_desactive = state
        .db
        .comptes_bancaires_structure(id)
        .await?
        .into_iter()
        .find(|c| c.id == id_compte)
        .ok_or_else(|| ApiError::Interne(format!("account {id_compte} vanished")))?;
    Ok(CproJson(compte(compte_desactive, &nom_structure)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn champs(resultat: ApiError) -> Vec<String> {
        match resultat {
            ApiError::Champs(erreurs) => erreurs.into_iter().map(|e| e.champ).collect(),
            autre => vec![autre.to_string()],
        }
    }

    fn membre(role: &str, factures: &str, sollicitations: &str) -> Membre {
        Membre::from(MembreRow {
            id_utilisateur: 7,
            email: "x@exemple.test".into(),
            nom: "X".into(),
            prenom: "Y".into(),
            role: role.into(),
            habilitation: factures.into(),
            par_espace: vec![("SOLLICITATIONS".into(), sollicitations.into())],
        })
    }

    fn modification(role: &str, habilitations: &[(&str, &str)]) -> ModificationMembre {
        ModificationMembre {
            role: role.into(),
            habilitations: habilitations
                .iter()
                .map(|(e, h)| HabilitationEspace {
                    espace: (*e).into(),
                    habilitation: (*h).into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_member_shows_every_espace_with_its_habilitation() {
        let m = membre("UTILISATEUR", "CONSULTATION", "MODIFICATION");
        let vues: Vec<(&str, &str)> = m
            .habilitations
            .iter()
            .map(|h| (h.espace.as_str(), h.habilitation.as_str()))
            .collect();
        assert_eq!(
            vues,
            [
                ("FACTURES_EMISES", "CONSULTATION"),
                ("SOLLICITATIONS", "MODIFICATION")
            ]
        );
        let droits: Vec<(&str, bool)> = m
            .droits
            .iter()
            .map(|d| (d.espace.as_str(), d.modification))
            .collect();
        assert_eq!(
            droits,
            [
                ("FACTURES_EMISES", false),
                ("SOLLICITATIONS", true),
                ("ACTIVITES_GESTIONNAIRE", false)
            ]
        );
    }

    #[test]
    fn a_change_keeps_what_it_does_not_name() {
        let m = membre("UTILISATEUR", "CONSULTATION", "CONSULTATION");
        let change = changement_verifie(
            "GESTIONNAIRE",
            &m,
            &modification("", &[("factures_emises", "modification")]),
        );
        assert_eq!(
            change.ok(),
            Some(ChangementVerifie {
                role: "UTILISATEUR".into(),
                par_espace: vec![
                    ("FACTURES_EMISES".into(), "MODIFICATION".into()),
                    ("SOLLICITATIONS".into(), "CONSULTATION".into())
                ]
            })
        );
    }

    #[test]
    fn unknown_roles_espaces_and_levels_are_field_errors() {
        let m = membre("UTILISATEUR", "CONSULTATION", "CONSULTATION");
        let erreur = changement_verifie(
            "GESTIONNAIRE_PRINCIPAL",
            &m,
            &modification(
                "ADMIN",
                &[("COMPTABILITE", "MODIFICATION"), ("SOLLICITATIONS", "TOUT")],
            ),
        );
        assert_eq!(
            erreur.map_err(champs).err(),
            Some(vec![
                "role".to_owned(),
                "habilitations.COMPTABILITE".to_owned(),
                "habilitations.SOLLICITATIONS".to_owned()
            ])
        );
    }

    #[test]
    fn only_a_principal_names_or_removes_a_principal() {
        let utilisateur = membre("UTILISATEUR", "MODIFICATION", "MODIFICATION");
        let principal = membre("GESTIONNAIRE_PRINCIPAL", "MODIFICATION", "MODIFICATION");
        let interdit =
            |r: Result<ChangementVerifie, ApiError>| matches!(r, Err(ApiError::Interdit(_)));
        assert!(interdit(changement_verifie(
            "GESTIONNAIRE",
            &utilisateur,
            &modification("GESTIONNAIRE_PRINCIPAL", &[])
        )));
        assert!(interdit(changement_verifie(
            "GESTIONNAIRE",
            &principal,
            &modification("UTILISATEUR", &[])
        )));
        // A secondary may still name secondaries and change a principal's habilitations.
        assert!(changement_verifie(
            "GESTIONNAIRE",
            &utilisateur,
            &modification("gestionnaire", &[])
        )
        .is_ok());
        assert!(changement_verifie(
            "GESTIONNAIRE",
            &principal,
            &modification("", &[("SOLLICITATIONS", "CONSULTATION")])
        )
        .is_ok());
        assert!(changement_verifie(
            "GESTIONNAIRE_PRINCIPAL",
            &utilisateur,
            &modification("GESTIONNAIRE_PRINCIPAL", &[])
        )
        .is_ok());
    }

    #[test]
    fn a_service_needs_a_code_of_100_characters_at_most_and_a_label() {
        let verifie = |code: &str, libelle: &str| {
            service_verifie(&CreationService {
                code: code.into(),
                libelle: libelle.into(),
            })
            .map_err(champs)
        };
        assert_eq!(
            verifie(" ATELIER-NORD ", " Atelier nord "),
            Ok(("ATELIER-NORD".into(), "Atelier nord".into()))
        );
        assert_eq!(verifie(&"C".repeat(100), "x").map(|_| ()), Ok(()));
        assert_eq!(verifie(&"C".repeat(101), "x"), Err(vec!["code".to_owned()]));
        assert_eq!(
            verifie("", ""),
            Err(vec!["code".to_owned(), "libelle".to_owned()])
        );
        assert_eq!(
            verifie("factures_publiques", "x"),
            Err(vec!["code".to_owned()])
        );
    }

    fn ajout(iban: &str, bic: &str) -> AjoutCompteBancaire {
        AjoutCompteBancaire {
            nom: "Compte travaux".into(),
            titulaire: "PASSERELLE DEMO SARL".into(),
            iban: iban.into(),
            bic: bic.into(),
        }
    }

    #[test]
    fn an_account_needs_an_iban_passing_mod_97_and_a_matching_bic() {
        let bon = compte_verifie(1, &ajout("fr76 3000 6000 0112 3456 7890 189", "agrifrpp"));
        assert_eq!(
            bon.map(|c| (c.iban, c.bic)).ok(),
            Some(("FR7630006000011234567890189".into(), "AGRIFRPP".into()))
        );
        let cle_fausse = compte_verifie(1, &ajout("FR7730006000011234567890189", "AGRIFRPP"));
        match cle_fausse {
            Err(ApiError::Champs(erreurs)) => {
                assert_eq!(erreurs.len(), 1);
                assert_eq!(erreurs[0].champ, "iban");
                assert!(erreurs[0].message_fr.contains("clé de contrôle"));
                assert!(erreurs[0].message_en.contains("check digits"));
            }
            autre => panic!("expected a field error, got {autre:?}"),
        }
        assert_eq!(
            compte_verifie(1, &ajout("DE89370400440532013000", "AGRIFRPP"))
                .map(|_| ())
                .map_err(champs),
            Err(vec!["bic".to_owned()])
        );
        // A Monaco account with a French bank's BIC is fine.
        let monaco_bban = "30003000011234567890112";
        let cle = 98 - mod97(&format!("{monaco_bban}MC00"));
        let monaco = format!("MC{cle:02}{monaco_bban}");
        assert!(compte_verifie(1, &ajout(&monaco, "SOGEFRPP")).is_ok());
        let vide = AjoutCompteBancaire::default();
        assert_eq!(
            compte_verifie(1, &vide).map(|_| ()).map_err(champs),
            Err(vec![
                "nom".to_owned(),
                "titulaire".to_owned(),
                "iban".to_owned(),
                "bic".to_owned()
            ])
        );
    }

    fn mod97(texte: &str) -> u32 {
        texte.chars().fold(0, |reste, c| {
            let v = c.to_digit(36).unwrap_or_default();
            if v >= 10 {
                (reste * 100 + v) % 97
            } else {
                (reste * 10 + v) % 97
            }
        })
    }

    #[test]
    fn espaces_count_their_users() {
        let membres = [
            membre("GESTIONNAIRE_PRINCIPAL", "MODIFICATION", "MODIFICATION"),
            membre("UTILISATEUR", "CONSULTATION", "MODIFICATION"),
        ];
        let comptes: Vec<(String, bool, usize, usize)> = espaces_de(&membres, &[])
            .into_iter()
            .map(|e| {
                (
                    e.espace,
                    e.actif,
                    e.utilisateurs_consultation,
                    e.utilisateurs_modification,
                )
            })
            .collect();
        assert_eq!(
            comptes,
            [
                ("FACTURES_EMISES".to_owned(), true, 2, 1),
                ("SOLLICITATIONS".to_owned(), true, 2, 2),
                ("ACTIVITES_GESTIONNAIRE".to_owned(), true, 1, 1)
            ]
        );
        // An espace turned off counts nobody.
        let desactives = ["SOLLICITATIONS".to_owned()];
        let membres: Vec<Membre> = membres
            .into_iter()
            .map(|m| m.sans_espaces(&desactives))
            .collect();
        let sollicitations = espaces_de(&membres, &desactives)
            .into_iter()
            .find(|e| e.espace == "SOLLICITATIONS")
            .map(|e| {
                (
                    e.actif,
                    e.utilisateurs_consultation,
                    e.utilisateurs_modification,
                )
            });
        assert_eq!(sollicitations, Some((false, 0, 0)));
    }
}
