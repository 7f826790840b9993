//! The recipient's routing data, read from the Chorus Pro directory answers.
//!
//! `structures/v1/rechercher` gives the structure's status, `consulter` its `parametres` flags and
//! `rechercher/services` its services (api-reference §3.11, §6.1). [`AnnuaireDestinataire`] is what
//! [`crate::regles::check`] needs of them.

use cpro::codes::StatutStructureAffichee;
use cpro::structures::{ConsulterStructureResponse, Service, StructureAAfficher};

use crate::regles::{AnnuaireDestinataire, ServiceAnnuaire};

impl AnnuaireDestinataire {
    /// The routing data of a structure found by `rechercher`, consulted with `consulter`, whose
    /// services `rechercher/services` listed.
    ///
    /// A flag the directory leaves out is `false` (Chorus Pro's own default); a service whose
    /// `estActif` is absent is taken as active.
    pub fn depuis_chorus(
        structure: &StructureAAfficher,
        consultation: &ConsulterStructureResponse,
        services: &[Service],
    ) -> AnnuaireDestinataire {
        let parametres = consultation.parametres.clone().unwrap_or_default();
        AnnuaireDestinataire {
            structure_active: !matches!(structure.statut, Some(StatutStructureAffichee::INACTIVE)),
            code_service_obligatoire: parametres.code_service_doit_etre_renseigne.unwrap_or(false),
            engagement_obligatoire: parametres.numero_ej_doit_etre_renseigne.unwrap_or(false),
            engagement_ou_service: parametres
                .gestion_numero_ej_ou_code_service
                .unwrap_or(false),
            services: services
                .iter()
                .filter_map(|service| {
                    Some(ServiceAnnuaire {
                        code_service: service.code_service.clone()?,
                        actif: service.est_actif.unwrap_or(true),
                        engagement_obligatoire: false,
                    })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cpro::structures::ParametresStructure;

    fn consultation(
        code_service: bool,
        ej: bool,
        l_un_ou_l_autre: bool,
    ) -> ConsulterStructureResponse {
        ConsulterStructureResponse {
            parametres: Some(ParametresStructure {
                code_service_doit_etre_renseigne: Some(code_service),
                numero_ej_doit_etre_renseigne: Some(ej),
                gestion_numero_ej_ou_code_service: Some(l_un_ou_l_autre),
                ..ParametresStructure::default()
            }),
            ..ConsulterStructureResponse::default()
        }
    }

    #[test]
    fn directory_flags_become_routing_rules() {
        let annuaire = AnnuaireDestinataire::depuis_chorus(
            &StructureAAfficher {
                statut: Some(StatutStructureAffichee::ACTIVE),
                ..StructureAAfficher::default()
            },
            &consultation(true, false, true),
            &[
                Service {
                    code_service: Some("SFACETAT".into()),
                    est_actif: Some(true),
                    ..Service::default()
                },
                Service {
                    code_service: Some("ANCIEN".into()),
                    est_actif: Some(false),
                    ..Service::default()
                },
                Service::default(),
            ],
        );
        assert!(annuaire.structure_active);
        assert!(annuaire.code_service_obligatoire);
        assert!(!annuaire.engagement_obligatoire);
        assert!(annuaire.engagement_ou_service);
        let services: Vec<(&str, bool)> = annuaire
            .services
            .iter()
            .map(|s| (s.code_service.as_str(), s.actif))
            .collect();
        assert_eq!(services, vec![("SFACETAT", true), ("ANCIEN", false)]);
    }

    #[test]
    fn an_inactive_structure_is_marked_so_and_missing_flags_are_false() {
        let annuaire = AnnuaireDestinataire::depuis_chorus(
            &StructureAAfficher {
                statut: Some(StatutStructureAffichee::INACTIVE),
                ..StructureAAfficher::default()
            },
            &ConsulterStructureResponse::default(),
            &[],
        );
        assert!(!annuaire.structure_active);
        assert!(!annuaire.code_service_obligatoire && !annuaire.engagement_obligatoire);
    }
}
