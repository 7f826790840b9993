//! Factures de travaux (`/portail/v1/travaux/...`): works pieces (situations) prepared for a supplier
//! structure, validated by the conducteur de travaux then finally, and sent to Chorus Pro — by hand, or
//! automatically once the user's delay after the final validation has passed (cancellable until then).
//! The rules are `facture::travaux`'s; the sending creates the invoice with the works cadre, checked against
//! the directory like `soumettre`. Real Chorus Pro takes works pieces through its own flows (E4/E5) or its
//! portal, not `soumettre`: this is a sandbox and portal feature.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{Datelike, NaiveDateTime, Timelike};
use facture::travaux::{
    self, montants, transmissibilite, ActionRequise, Manque, MontantsSituation, RefusTravaux,
    SituationTravaux, Transmissibilite, DELAI_ENVOI_MAX_MINUTES,
};
use serde::{Deserialize, Serialize};

use crate::chorus::compte::Compte;
use crate::chorus::factures::verifier_acheminement;
use crate::db::{Creation, DbError, NouvelleFacture, SituationRow};
use crate::error::{ApiError, CproJson, ErreurChamp};
use crate::AppState;

/// Sandbox time, to the second.
fn maintenant(state: &AppState) -> NaiveDateTime {
    let t = state.clock.maintenant().naive_utc();
    t.with_nanosecond(0).unwrap_or(t)
}

fn format(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// A piece as the portal shows it: the data, its amounts, where it stands, the last sending error.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SituationAffichee {
    /// The piece.
    pub situation: SituationTravaux,
    /// Its amounts.
    pub montants: MontantsSituation,
    /// Where it stands now.
    pub transmissibilite: Transmissibilite,
    /// Why the last sending was refused (the piece is then no longer scheduled).
    pub erreur_transmission: Option<String>,
}

/// Answer of `GET /portail/v1/travaux/situations`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SituationsResponse {
    /// The pieces of the user's structures, newest first.
    pub situations: Vec<SituationAffichee>,
    /// Sandbox time of the answer.
    pub maintenant: NaiveDateTime,
    /// The user's delay between the final validation and the automatic sending (0: by hand).
    pub delai_envoi_minutes: i64,
}

fn lire(row: &SituationRow) -> Result<SituationTravaux, ApiError> {
    let mut situation: SituationTravaux = serde_json::from_str(&row.donnees)
        .map_err(|e| ApiError::Interne(format!("situation {}: {e}", row.id)))?;
    situation.id = row.id;
    situation.id_structure = row.id_structure;
    Ok(situation)
}

fn afficher(row: &SituationRow, maintenant: NaiveDateTime) -> Result<SituationAffichee, ApiError> {
    let situation = lire(row)?;
    Ok(SituationAffichee {
        montants: montants(&situation),
        transmissibilite: transmissibilite(&situation, maintenant),
        erreur_transmission: row.erreur_transmission.clone(),
        situation,
    })
}

/// `GET /portail/v1/travaux/situations` (signed in): the pieces of the structures the user is attached to.
pub async fn lister(
    State(state): State<AppState>,
    compte: Compte,
) -> Result<CproJson<SituationsResponse>, ApiError> {
    transmettre_echues(&state).await?;
    let t = maintenant(&state);
    let situations = state
        .db
        .situations(&compte.structures())
        .await?
        .iter()
        .map(|row| afficher(row, t))
        .collect::<Result<_, _>>()?;
    Ok(CproJson(SituationsResponse {
        situations,
        maintenant: t,
        delai_envoi_minutes: state.db.delai_envoi_travaux(compte.utilisateur.id).await?,
    }))
}

async fn enregistrer(
    state: &AppState,
    situation: &SituationTravaux,
    id_utilisateur: i64,
) -> Result<(), ApiError> {
    let donnees = serde_json::to_string(situation)
        .map_err(|e| ApiError::Interne(format!("situation: {e}")))?;
    state
        .db
        .enregistrer_situation(
            situation.id,
            situation.id_structure,
            id_utilisateur,
            &donnees,
            situation.envoi_prevu_le.map(format).as_deref(),
            situation.transmise_le.map(format).as_deref(),
            &format(maintenant(state)),
        )
        .await?;
    Ok(())
}

/// The piece `id` if the user may change it (modification habilitation on its structure); 404 otherwise.
async fn modifiable(
    state: &AppState,
    compte: &Compte,
    id: i64,
) -> Result<(SituationRow, SituationTravaux), ApiError> {
    let introuvable = || {
        ApiError::Refus(
            StatusCode::NOT_FOUND,
            format!("Situation de travaux {id} introuvable."),
        )
    };
    let row = state
        .db
        .situation(id)
        .await?
        .filter(|row| compte.peut_consulter(row.id_structure))
        .ok_or_else(introuvable)?;
    if !compte.peut_modifier(row.id_structure) {
        return Err(ApiError::Refus(
            StatusCode::FORBIDDEN,
            "Votre habilitation sur cette structure est en consultation : vous ne pouvez pas modifier ses situations."
                .into(),
        ));
    }
    let situation = lire(&row)?;
    Ok((row, situation))
}

fn libelle_manque(manque: Manque) -> &'static str {
    match manque {
        Manque::Numero => "numéro",
        Manque::NumeroInvalide => {
            "numéro (20 caractères au plus : lettres, chiffres, - _ / . et espace)"
        }
        Manque::Mois => "mois",
        Manque::Lot => "lot",
        Manque::NumeroMarche => "numéro de marché",
        Manque::OrdreService => "ordre de service",
        Manque::SiretDestinataire => "SIRET du maître d'ouvrage",
        Manque::SiretMoe => "SIRET du maître d'œuvre",
        Manque::Prevision => "prévision HT",
        Manque::Avancement => "avancement (entre 0 et 100 %)",
        Manque::TauxTva => "taux de TVA",
        Manque::AcompteNegatif => "montant : le cumul est inférieur au déjà facturé",
    }
}

fn libelle_action(action: ActionRequise) -> &'static str {
    match action {
        ActionRequise::ValidationConducteur => "validation du conducteur de travaux",
        ActionRequise::ValidationFinale => "validation finale",
    }
}

fn refus(refus: RefusTravaux) -> ApiError {
    let detail = match &refus {
        RefusTravaux::Incomplete(manques) => format!(
            " : {}",
            manques
                .iter()
                .copied()
                .map(libelle_manque)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        RefusTravaux::NonValidee(actions) => format!(
            " : {}",
            actions
                .iter()
                .copied()
                .map(libelle_action)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => String::new(),
    };
    ApiError::Refus(StatusCode::CONFLICT, format!("Refusé, {refus}{detail}."))
}

/// Body of `POST` and `PUT /portail/v1/travaux/situations`: the piece (its id, validations and sending
/// are the server's and ignored).
pub type SituationRequest = SituationTravaux;

/// `POST /portail/v1/travaux/situations` (signed in, modification habilitation on `idStructureCPP`):
/// stores a new piece, complete or not (what is missing is shown, not refused). 201.
pub async fn creer(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<SituationRequest>,
) -> Result<(StatusCode, CproJson<SituationAffichee>), ApiError> {
    if !compte.peut_modifier(requete.id_structure) {
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "idStructureCPP",
            "Choisissez une structure sur laquelle vous avez l'habilitation de modification.",
            "Choose a structure on which you have the modification habilitation.",
        )]));
    }
    let situation = SituationTravaux {
        id: state.db.nouvel_id_situation().await?,
        validation_conducteur: None,
        validation_finale: None,
        envoi_prevu_le: None,
        transmise_le: None,
        identifiant_facture_cpp: None,
        ..requete
    };
    enregistrer(&state, &situation, compte.utilisateur.id).await?;
    let row = state
        .db
        .situation(situation.id)
        .await?
        .ok_or_else(|| ApiError::Interne("situation just stored is missing".into()))?;
    Ok((
        StatusCode::CREATED,
        CproJson(afficher(&row, maintenant(&state))?),
    ))
}

async fn repondre(state: &AppState, id: i64) -> Result<CproJson<SituationAffichee>, ApiError> {
    let row = state
        .db
        .situation(id)
        .await?
        .ok_or_else(|| ApiError::Interne(format!("situation {id} is missing")))?;
    Ok(CproJson(afficher(&row, maintenant(state))?))
}

/// `PUT /portail/v1/travaux/situations/{id}`: changes a piece not sent yet; a real change drops its
/// validations and its scheduled sending (409 once sent).
pub async fn modifier(
    State(state): State<AppState>,
    compte: Compte,
    Path(id): Path<i64>,
    CproJson(requete): CproJson<SituationRequest>,
) -> Result<CproJson<SituationAffichee>, ApiError> {
    let (_, ancienne) = modifiable(&state, &compte, id).await?;
    if ancienne.transmise_le.is_some() {
        return Err(refus(RefusTravaux::DejaTransmise));
    }
    let nouvelle = travaux::apres_modification(&ancienne, requete);
    enregistrer(&state, &nouvelle, compte.utilisateur.id).await?;
    repondre(&state, id).await
}

fn nom(compte: &Compte) -> String {
    format!("{} {}", compte.utilisateur.prenom, compte.utilisateur.nom)
        .trim()
        .to_owned()
}

/// `POST /portail/v1/travaux/situations/{id}/validation-conducteur`: the conducteur de travaux validates
/// a complete piece (409 with what is missing otherwise).
pub async fn valider_conducteur(
    State(state): State<AppState>,
    compte: Compte,
    Path(id): Path<i64>,
) -> Result<CproJson<SituationAffichee>, ApiError> {
    let (_, situation) = modifiable(&state, &compte, id).await?;
    let validee = travaux::valider_conducteur(&situation, &nom(&compte), maintenant(&state))
        .map_err(refus)?;
    enregistrer(&state, &validee, compte.utilisateur.id).await?;
    repondre(&state, id).await
}

/// `POST /portail/v1/travaux/situations/{id}/validation-finale`: the final validation; with the user's
/// delay (> 0) the sending is scheduled that long after, else the piece is ready to send by hand.
pub async fn valider_finale(
    State(state): State<AppState>,
    compte: Compte,
    Path(id): Path<i64>,
) -> Result<CproJson<SituationAffichee>, ApiError> {
    let (_, situation) = modifiable(&state, &compte, id).await?;
    let delai = state.db.delai_envoi_travaux(compte.utilisateur.id).await?;
    let validee =
        travaux::valider_finale(&situation, &nom(&compte), maintenant(&state), Some(delai))
            .map_err(refus)?;
    enregistrer(&state, &validee, compte.utilisateur.id).await?;
    repondre(&state, id).await
}

/// `POST /portail/v1/travaux/situations/{id}/annulation-envoi`: cancels a scheduled sending (409 when
/// none is scheduled or the piece went already).
pub async fn annuler_envoi(
    State(state): State<AppState>,
    compte: Compte,
    Path(id): Path<i64>,
) -> Result<CproJson<SituationAffichee>, ApiError> {
    // A sending that fell due is made first: cancelling cannot undo it.
    transmettre_echues(&state).await?;
    let (_, situation) = modifiable(&state, &compte, id).await?;
    let annulee = travaux::annuler_envoi(&situation).map_err(refus)?;
    enregistrer(&state, &annulee, compte.utilisateur.id).await?;
    repondre(&state, id).await
}

/// The invoice's comment: what the piece is (the maître d'œuvre reads it first).
fn commentaire(s: &SituationTravaux, m: &MontantsSituation) -> String {
    let mois = s
        .mois
        .map(|d| d.format("%m/%Y").to_string())
        .unwrap_or_default();
    let mut texte = format!(
        "Situation de travaux {mois} — {lot} — marché {marche}, OS {os} — avancement {avancement} % \
         (cumul HT {cumul}, déjà facturé HT {deja}) — retenue de garantie {rg} — maître d'œuvre {moe}",
        lot = s.lot.trim(),
        marche = s.numero_marche.trim(),
        os = s.ordre_service.trim(),
        avancement = s.avancement.unwrap_or_default().normalize(),
        cumul = m.cumul_ht,
        deja = s.deja_facture_ht,
        rg = m.retenue_garantie,
        moe = s.siret_moe.trim(),
    );
    if s.autoliquidation {
        texte.push_str(" — Autoliquidation de la TVA (article 283-2 nonies du CGI)");
    }
    texte
}

/// Creates the Chorus Pro invoice of a validated piece, deposited at `quand`; the piece is then sent.
async fn transmettre(
    state: &AppState,
    situation: &SituationTravaux,
    id_utilisateur: i64,
    quand: NaiveDateTime,
) -> Result<SituationTravaux, ApiError> {
    travaux::peut_transmettre(situation).map_err(refus)?;
    let siret: String = situation
        .siret_destinataire
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let (structure, service) = verifier_acheminement(
        state,
        Some(&siret),
        Some(situation.code_service.as_str()),
        Some(situation.numero_engagement.as_str()),
    )
    .await
    .map_err(|e| match e {
        ApiError::Metier { libelle, .. } => ApiError::Refus(StatusCode::CONFLICT, libelle),
        autre => autre,
    })?;
    let m = montants(situation);
    let texte = |d: rust_decimal::Decimal| Some(d.normalize().to_string());
    let t = quand;
    // Stored as a soumettre body, which `consulter` and the downloads read back.
    let requete = cpro::factures::SoumettreRequest {
        numero_facture_saisi: Some(situation.numero.trim().to_owned()),
        date_facture: Some(t.date()),
        references: Some(cpro::factures::References {
            devise_facture: Some("EUR".into()),
            type_facture: Some(cpro::factures::TypeFacture::FACTURE),
            numero_marche: Some(situation.numero_marche.trim().to_owned()),
            numero_bon_commande: Some(situation.numero_engagement.trim().to_owned())
                .filter(|n| !n.is_empty()),
            ..Default::default()
        }),
        montant_total: Some(cpro::factures::MontantTotal {
            montant_ht_total: Some(m.acompte_ht),
            montant_tva: Some(m.tva),
            montant_ttc_total: Some(m.acompte_ttc),
            montant_a_payer: Some(m.net_a_payer),
            ..Default::default()
        }),
        commentaire: Some(commentaire(situation, &m)),
        ..Default::default()
    };
    let donnees = serde_json::to_string(&requete)
        .map_err(|e| ApiError::Interne(format!("situation: {e}")))?;
    let nouvelle = NouvelleFacture {
        id_fournisseur: situation.id_structure,
        id_service_fournisseur: None,
        numero: Some(situation.numero.trim().to_owned()),
        mode_depot: "SAISIE_API".into(),
        type_facture: "FACTURE".into(),
        date_facture: Some(t.date().format("%Y-%m-%d").to_string()),
        depose_le: format(t),
        id_destinataire: structure.id,
        id_service_executant: service.map(|s| s.id),
        cadre_facturation: situation.cadre.code().to_owned(),
        code_structure_valideur: Some(
            situation
                .siret_moe
                .chars()
                .filter(char::is_ascii_digit)
                .collect(),
        ),
        devise: "EUR".into(),
        numero_marche: Some(situation.numero_marche.trim().to_owned()),
        numero_bon_commande: Some(situation.numero_engagement.trim().to_owned())
            .filter(|n| !n.is_empty()),
        montant_ht: texte(m.acompte_ht),
        montant_tva: texte(m.tva),
        montant_ttc: texte(m.acompte_ttc),
        montant_a_payer: texte(m.net_a_payer),
        id_piece_principale: None,
        empreinte_requete: crate::auth::hash_token(&donnees),
        cle_idempotence: Some(format!("travaux-{}", situation.id)),
        id_utilisateur_createur: id_utilisateur,
        requete_json: donnees,
    };
    let facture = match state.db.creer_facture(&nouvelle, t.year()).await? {
        Creation::Creee(facture) => facture,
        Creation::NumeroDejaUtilise(existante)
            if existante.cle_idempotence.as_deref() == nouvelle.cle_idempotence.as_deref() =>
        {
            // Sent before, but the piece was not updated (crash between both writes): same invoice.
            existante
        }
        Creation::NumeroDejaUtilise(_) => {
            return Err(ApiError::Refus(
                StatusCode::CONFLICT,
                format!(
                    "Le numéro {} est déjà utilisé par une facture de ce fournisseur : changez le numéro de la situation.",
                    situation.numero.trim()
                ),
            ))
        }
    };
    Ok(SituationTravaux {
        envoi_prevu_le: None,
        transmise_le: Some(t),
        identifiant_facture_cpp: Some(facture.id),
        ..situation.clone()
    })
}

/// `POST /portail/v1/travaux/situations/{id}/transmission`: sends a validated piece now (scheduled or not).
pub async fn transmettre_maintenant(
    State(state): State<AppState>,
    compte: Compte,
    Path(id): Path<i64>,
) -> Result<CproJson<SituationAffichee>, ApiError> {
    let (_, situation) = modifiable(&state, &compte, id).await?;
    let envoyee = transmettre(
        &state,
        &situation,
        compte.utilisateur.id,
        maintenant(&state),
    )
    .await?;
    enregistrer(&state, &envoyee, compte.utilisateur.id).await?;
    repondre(&state, id).await
}

/// Sends every piece whose automatic sending fell due on the sandbox clock; a refused one keeps the
/// reason and loses its schedule. Returns how many went.
pub async fn transmettre_echues(state: &AppState) -> Result<usize, ApiError> {
    let echues = state
        .db
        .situations_a_transmettre(&format(maintenant(state)))
        .await?;
    let mut envoyees = 0;
    for (row, id_utilisateur) in echues {
        let situation = lire(&row)?;
        // Dated when it fell due, like the simulated recipient's steps.
        let quand = situation
            .envoi_prevu_le
            .unwrap_or_else(|| maintenant(state));
        match transmettre(state, &situation, id_utilisateur, quand).await {
            Ok(envoyee) => {
                enregistrer(state, &envoyee, id_utilisateur).await?;
                envoyees += 1;
            }
            Err(ApiError::Refus(_, raison)) => {
                let sans_envoi = SituationTravaux {
                    envoi_prevu_le: None,
                    ..situation
                };
                let donnees = serde_json::to_string(&sans_envoi)
                    .map_err(|e| ApiError::Interne(format!("situation: {e}")))?;
                state
                    .db
                    .noter_erreur_transmission(row.id, &donnees, &raison)
                    .await?;
                tracing::info!(id = row.id, "scheduled works piece refused: {raison}");
            }
            Err(autre) => return Err(autre),
        }
    }
    Ok(envoyees)
}

/// For the background task: the same, with storage errors only logged by the caller.
pub async fn transmettre_echues_en_tache(state: &AppState) -> Result<usize, DbError> {
    transmettre_echues(state)
        .await
        .map_err(|e| DbError::Seed(format!("works pieces: {e:?}")))
}

/// Body of `PUT /portail/v1/travaux/preferences`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreferencesTravaux {
    /// Minutes between the final validation and the automatic sending; 0 sends by hand only.
    pub delai_envoi_minutes: i64,
}

/// `PUT /portail/v1/travaux/preferences` (signed in): the delay of the automatic sending (0 to one week).
pub async fn changer_preferences(
    State(state): State<AppState>,
    compte: Compte,
    CproJson(requete): CproJson<PreferencesTravaux>,
) -> Result<CproJson<PreferencesTravaux>, ApiError> {
    if !(0..=DELAI_ENVOI_MAX_MINUTES).contains(&requete.delai_envoi_minutes) {
        return Err(ApiError::Champs(vec![ErreurChamp::new(
            "delaiEnvoiMinutes",
            format!("Le délai est un nombre de minutes entre 0 (envoi manuel) et {DELAI_ENVOI_MAX_MINUTES} (une semaine)."),
            format!("The delay is a number of minutes between 0 (manual sending) and {DELAI_ENVOI_MAX_MINUTES} (one week)."),
        )]));
    }
    state
        .db
        .changer_delai_envoi_travaux(compte.utilisateur.id, requete.delai_envoi_minutes)
        .await?;
    Ok(CproJson(requete))
}
