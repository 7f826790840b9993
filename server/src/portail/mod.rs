//! Portal API (`/portail/v1`): features the real Chorus Pro API does not expose (see server/openapi.yaml).

pub mod session;
pub mod simulation;
