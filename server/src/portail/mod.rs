//! Portal API (`/portail/v1`): features the real Chorus Pro API does not expose (see server/openapi.yaml).

pub mod acces;
pub mod comptes;
pub mod evenements;
pub mod gestionnaire;
pub mod habilitations;
pub mod mon_compte;
pub mod outbox;
pub mod rattachements;
pub mod regles;
pub mod second_facteur;
pub mod session;
pub mod simulation;
pub mod sollicitations;
pub mod structures;
pub mod totp;
pub mod travaux;

/// Real time `duree` from now in the database format (`YYYY-MM-DDTHH:MM:SS`, UTC): links, codes and
/// challenges expire on real time, like sessions, not on the sandbox clock.
pub fn horodatage_dans(duree: chrono::Duration) -> String {
    (chrono::Utc::now() + duree)
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string()
}
