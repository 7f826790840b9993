//! The one conversion between the invoice model and the Chorus Pro `soumettre` body of `cpro`.
//!
//! [`Facture`] → [`SoumettreRequest`] is total: every field of the body comes from one field of
//! the model; empty texts are left out, the recipient and validator SIRETs are sent normalised
//! (without spaces) when they parse. Fields marked *(hors soumettre)* in [`crate::modele`] are not
//! sent. [`SoumettreRequest`] → [`Facture`] fails only on a code that `soumettre` does not accept
//! (a works cadre, `ACOMPTE`, an unknown payment mode…); absent keys take the model's defaults.
//!
//! ```
//! use cpro::factures::SoumettreRequest;
//! use facture::Facture;
//! let mut facture = Facture::default();
//! facture.numero_facture = "F-2026-001".into();
//! facture.destinataire.code_destinataire = "110 002 011 00044".into();
//! let requete = SoumettreRequest::from(&facture);
//! assert_eq!(requete.numero_facture_saisi.as_deref(), Some("F-2026-001"));
//! let destinataire = requete.destinataire.as_ref().and_then(|d| d.code_destinataire.as_deref());
//! assert_eq!(destinataire, Some("11000201100044"));
//! let relu = Facture::try_from(&requete).unwrap();
//! assert_eq!(relu.numero_facture, "F-2026-001");
//! ```

use cpro::factures as wire;
use cpro::factures::SoumettreRequest;
use rust_decimal::Decimal;
use thiserror::Error;

use crate::identifiant::Siret;
use crate::modele::{
    Cadre, CodeCadre, Destinataire, Facture, Fournisseur, Ligne, LigneTva, ModeDepot, ModePaiement,
    PieceJointe, PieceJointePrincipale, References, Totaux, TypeFacture, TypeTva,
};

/// Why a `soumettre` body cannot become a [`Facture`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConversionError {
    /// Occurs when a code is valid in Chorus Pro but not accepted by `soumettre`, or unknown.
    #[error("{champ}: code {code:?} is not accepted by soumettre")]
    CodeNonAccepte {
        /// Path of the field in the `soumettre` body.
        champ: &'static str,
        /// The code read.
        code: String,
    },
}

fn texte(valeur: &str) -> Option<String> {
    let nettoye = valeur.trim();
    (!nettoye.is_empty()).then(|| nettoye.to_owned())
}

fn texte_opt(valeur: &Option<String>) -> Option<String> {
    valeur.as_deref().and_then(texte)
}

/// A SIRET as sent: normalised when it parses, else as typed (the rules report it).
fn siret_envoye(valeur: &str) -> Option<String> {
    texte(valeur).map(|brut| Siret::parse(&brut).map(String::from).unwrap_or(brut))
}

fn montant_opt(valeur: Decimal) -> Option<Decimal> {
    (!valeur.is_zero()).then_some(valeur)
}

impl From<ModeDepot> for wire::ModeDepot {
    fn from(mode: ModeDepot) -> Self {
        match mode {
            ModeDepot::SaisieApi => wire::ModeDepot::SAISIE_API,
            ModeDepot::DepotPdfApi => wire::ModeDepot::DEPOT_PDF_API,
            ModeDepot::DepotPdfSigneApi => wire::ModeDepot::DEPOT_PDF_SIGNE_API,
        }
    }
}

impl From<CodeCadre> for wire::CadreFacturation {
    fn from(code: CodeCadre) -> Self {
        match code {
            CodeCadre::A1FactureFournisseur => wire::CadreFacturation::A1_FACTURE_FOURNISSEUR,
            CodeCadre::A2FactureFournisseurDejaPayee => {
                wire::CadreFacturation::A2_FACTURE_FOURNISSEUR_DEJA_PAYEE
            }
            CodeCadre::A9FactureSoustraitant => wire::CadreFacturation::A9_FACTURE_SOUSTRAITANT,
            CodeCadre::A12FactureCotraitant => wire::CadreFacturation::A12_FACTURE_COTRAITANT,
        }
    }
}

impl From<TypeFacture> for wire::TypeFacture {
    fn from(type_facture: TypeFacture) -> Self {
        match type_facture {
            TypeFacture::Facture => wire::TypeFacture::FACTURE,
            TypeFacture::Avoir => wire::TypeFacture::AVOIR,
        }
    }
}

impl From<TypeTva> for wire::TypeTva {
    fn from(type_tva: TypeTva) -> Self {
        match type_tva {
            TypeTva::TvaSurDebit => wire::TypeTva::TVA_SUR_DEBIT,
            TypeTva::TvaSurEncaissement => wire::TypeTva::TVA_SUR_ENCAISSEMENT,
            TypeTva::Exoneration => wire::TypeTva::EXONERATION,
            TypeTva::SansTva => wire::TypeTva::SANS_TVA,
        }
    }
}

impl From<ModePaiement> for wire::ModePaiement {
    fn from(mode: ModePaiement) -> Self {
        match mode {
            ModePaiement::Cheque => wire::ModePaiement::CHEQUE,
            ModePaiement::Prelevement => wire::ModePaiement::PRELEVEMENT,
            ModePaiement::Virement => wire::ModePaiement::VIREMENT,
            ModePaiement::Espece => wire::ModePaiement::ESPECE,
            ModePaiement::Autre => wire::ModePaiement::AUTRE,
            ModePaiement::Report => wire::ModePaiement::REPORT,
        }
    }
}

impl From<&Facture> for SoumettreRequest {
    fn from(facture: &Facture) -> Self {
        let fournisseur = &facture.fournisseur;
        let fournisseur = (fournisseur.id_fournisseur.is_some()
            || fournisseur.id_service_fournisseur.is_some()
            || fournisseur.code_coordonnees_bancaires.is_some())
        .then_some(wire::Fournisseur {
            id_fournisseur: fournisseur.id_fournisseur,
            id_service_fournisseur: fournisseur.id_service_fournisseur,
            code_coordonnees_bancaires_fournisseur: fournisseur.code_coordonnees_bancaires,
        });
        let references = &facture.references;
        let totaux = &facture.totaux;
        SoumettreRequest {
            id_utilisateur_courant: facture.id_utilisateur_courant,
            mode_depot: Some(facture.mode_depot.into()),
            numero_facture_saisi: texte(&facture.numero_facture),
            date_facture: facture.date_facture,
            destinataire: Some(wire::Destinataire {
                code_destinataire: siret_envoye(&facture.destinataire.code_destinataire),
                code_service_executant: texte_opt(&facture.destinataire.code_service),
            }),
            fournisseur,
            cadre_de_facturation: Some(wire::CadreDeFacturation {
                code_cadre_facturation: Some(facture.cadre.code.into()),
                code_structure_valideur: facture
                    .cadre
                    .code_structure_valideur
                    .as_deref()
                    .and_then(siret_envoye),
                code_service_valideur: texte_opt(&facture.cadre.code_service_valideur),
            }),
            references: Some(wire::References {
                devise_facture: texte(&references.devise_facture),
                type_facture: Some(references.type_facture.into()),
                type_tva: Some(references.type_tva.into()),
                motif_exoneration_tva: texte_opt(&references.motif_exoneration_tva),
                numero_marche: texte_opt(&references.numero_marche),
                numero_bon_commande: texte_opt(&references.numero_engagement),
                numero_facture_origine: texte_opt(&references.numero_facture_origine),
                mode_paiement: references.mode_paiement.map(Into::into),
            }),
            ligne_poste: facture.lignes.iter().map(wire::LignePoste::from).collect(),
            ligne_tva: facture.recap_tva.iter().map(wire::LigneTva::from).collect(),
            montant_total: Some(wire::MontantTotal {
                montant_ht_total: Some(totaux.montant_ht),
                montant_tva: Some(totaux.montant_tva),
                montant_ttc_avant_remise_global_ttc: None,
                montant_remise_globale_ttc: montant_opt(totaux.remise_globale_ttc),
                motif_remise_globale_ttc: texte_opt(&totaux.motif_remise_globale),
                montant_ttc_total: Some(totaux.montant_ttc),
                montant_a_payer: Some(totaux.montant_a_payer),
            }),
            piece_jointe_principale: facture
                .piece_jointe_principale
                .iter()
                .map(|piece| wire::PieceJointePrincipale {
                    piece_jointe_principale_designation: texte(&piece.designation),
                    piece_jointe_principale_id: piece.id,
                })
                .collect(),
            piece_jointe_complementaire: facture
                .pieces_jointes
                .iter()
                .map(|piece| wire::PieceJointeComplementaire {
                    piece_jointe_complementaire_designation: texte(&piece.designation),
                    piece_jointe_complementaire_type: texte_opt(&piece.type_piece),
                    piece_jointe_complementaire_numero_ligne_facture: piece.numero_ligne_facture,
                    piece_jointe_complementaire_id: piece.id,
                    piece_jointe_complementaire_id_liaison: piece.id_liaison,
                })
                .collect(),
            commentaire: texte_opt(&facture.commentaire),
        }
    }
}

impl From<&Ligne> for wire::LignePoste {
    fn from(ligne: &Ligne) -> Self {
        wire::LignePoste {
            ligne_poste_numero: Some(ligne.numero),
            ligne_poste_reference: texte_opt(&ligne.reference),
            ligne_poste_denomination: texte(&ligne.denomination),
            ligne_poste_quantite: Some(ligne.quantite),
            ligne_poste_unite: texte_opt(&ligne.unite),
            ligne_poste_montant_unitaire_ht: Some(ligne.prix_unitaire_ht),
            ligne_poste_montant_remise_ht: montant_opt(ligne.remise_ht),
            ligne_poste_taux_tva: texte_opt(&ligne.code_taux_tva),
            ligne_poste_taux_tva_manuel: ligne.taux_tva,
        }
    }
}

impl From<&LigneTva> for wire::LigneTva {
    fn from(groupe: &LigneTva) -> Self {
        wire::LigneTva {
            ligne_tva_taux: texte_opt(&groupe.code_taux),
            ligne_tva_montant_base_ht_par_taux: Some(groupe.montant_base_ht),
            ligne_tva_montant_tva_par_taux: Some(groupe.montant_tva),
            ligne_tva_taux_manuel: groupe.taux,
        }
    }
}

fn refuse(champ: &'static str, code: &str) -> ConversionError {
    ConversionError::CodeNonAccepte {
        champ,
        code: code.to_owned(),
    }
}

fn mode_depot(code: &wire::ModeDepot) -> Result<ModeDepot, ConversionError> {
    match code {
        wire::ModeDepot::SAISIE_API => Ok(ModeDepot::SaisieApi),
        wire::ModeDepot::DEPOT_PDF_API => Ok(ModeDepot::DepotPdfApi),
        wire::ModeDepot::DEPOT_PDF_SIGNE_API => Ok(ModeDepot::DepotPdfSigneApi),
        autre => Err(refuse("modeDepot", autre.code())),
    }
}

pub(crate) fn code_cadre(code: &wire::CadreFacturation) -> Result<CodeCadre, ConversionError> {
    use wire::CadreFacturation as C;
    match code {
        C::A1_FACTURE_FOURNISSEUR => Ok(CodeCadre::A1FactureFournisseur),
        C::A2_FACTURE_FOURNISSEUR_DEJA_PAYEE => Ok(CodeCadre::A2FactureFournisseurDejaPayee),
        C::A9_FACTURE_SOUSTRAITANT => Ok(CodeCadre::A9FactureSoustraitant),
        C::A12_FACTURE_COTRAITANT => Ok(CodeCadre::A12FactureCotraitant),
        autre => Err(refuse(
            "cadreDeFacturation.codeCadreFacturation",
            autre.code(),
        )),
    }
}

fn type_facture(code: &wire::TypeFacture) -> Result<TypeFacture, ConversionError> {
    match code {
        wire::TypeFacture::FACTURE => Ok(TypeFacture::Facture),
        wire::TypeFacture::AVOIR => Ok(TypeFacture::Avoir),
        autre => Err(refuse("references.typeFacture", autre.code())),
    }
}

pub(crate) fn type_tva(code: &wire::TypeTva) -> Result<TypeTva, ConversionError> {
    match code {
        wire::TypeTva::TVA_SUR_DEBIT => Ok(TypeTva::TvaSurDebit),
        wire::TypeTva::TVA_SUR_ENCAISSEMENT => Ok(TypeTva::TvaSurEncaissement),
        wire::TypeTva::EXONERATION => Ok(TypeTva::Exoneration),
        wire::TypeTva::SANS_TVA => Ok(TypeTva::SansTva),
        autre => Err(refuse("references.typeTva", autre.code())),
    }
}

pub(crate) fn mode_paiement(code: &wire::ModePaiement) -> Result<ModePaiement, ConversionError> {
    match code {
        wire::ModePaiement::CHEQUE => Ok(ModePaiement::Cheque),
        wire::ModePaiement::PRELEVEMENT => Ok(ModePaiement::Prelevement),
        wire::ModePaiement::VIREMENT => Ok(ModePaiement::Virement),
        wire::ModePaiement::ESPECE => Ok(ModePaiement::Espece),
        wire::ModePaiement::AUTRE => Ok(ModePaiement::Autre),
        wire::ModePaiement::REPORT => Ok(ModePaiement::Report),
        autre => Err(refuse("references.modePaiement", autre.code())),
    }
}

fn ou_vide(valeur: &Option<String>) -> String {
    valeur.clone().unwrap_or_default()
}

impl TryFrom<&SoumettreRequest> for Facture {
    type Error = ConversionError;

    fn try_from(requete: &SoumettreRequest) -> Result<Self, Self::Error> {
        let defaut_references = References::default();
        let references = match &requete.references {
            None => defaut_references,
            Some(refs) => References {
                devise_facture: refs
                    .devise_facture
                    .clone()
                    .unwrap_or(defaut_references.devise_facture),
                type_facture: refs
                    .type_facture
                    .as_ref()
                    .map(type_facture)
                    .transpose()?
                    .unwrap_or_default(),
                type_tva: refs
                    .type_tva
                    .as_ref()
                    .map(type_tva)
                    .transpose()?
                    .unwrap_or_default(),
                motif_exoneration_tva: refs.motif_exoneration_tva.clone(),
                numero_marche: refs.numero_marche.clone(),
                numero_engagement: refs.numero_bon_commande.clone(),
                numero_facture_origine: refs.numero_facture_origine.clone(),
                mode_paiement: refs.mode_paiement.as_ref().map(mode_paiement).transpose()?,
            },
        };
        let cadre = match &requete.cadre_de_facturation {
            None => Cadre::default(),
            Some(cadre) => Cadre {
                code: cadre
                    .code_cadre_facturation
                    .as_ref()
                    .map(code_cadre)
                    .transpose()?
                    .unwrap_or_default(),
                code_structure_valideur: cadre.code_structure_valideur.clone(),
                code_service_valideur: cadre.code_service_valideur.clone(),
            },
        };
        let fournisseur = requete
            .fournisseur
            .as_ref()
            .map_or_else(Fournisseur::default, |f| Fournisseur {
                id_fournisseur: f.id_fournisseur,
                id_service_fournisseur: f.id_service_fournisseur,
                code_coordonnees_bancaires: f.code_coordonnees_bancaires_fournisseur,
                ..Fournisseur::default()
            });
        let destinataire = requete
            .destinataire
            .as_ref()
            .map_or_else(Destinataire::default, |d| Destinataire {
                code_destinataire: ou_vide(&d.code_destinataire),
                code_service: d.code_service_executant.clone(),
            });
        let lignes = requete
            .ligne_poste
            .iter()
            .enumerate()
            .map(|(index, ligne)| Ligne {
                numero: ligne
                    .ligne_poste_numero
                    .unwrap_or_else(|| i32::try_from(index + 1).unwrap_or(i32::MAX)),
                reference: ligne.ligne_poste_reference.clone(),
                denomination: ou_vide(&ligne.ligne_poste_denomination),
                quantite: ligne.ligne_poste_quantite.unwrap_or_default(),
                unite: ligne.ligne_poste_unite.clone(),
                prix_unitaire_ht: ligne.ligne_poste_montant_unitaire_ht.unwrap_or_default(),
                remise_ht: ligne.ligne_poste_montant_remise_ht.unwrap_or_default(),
                taux_tva: ligne.ligne_poste_taux_tva_manuel,
                code_taux_tva: ligne.ligne_poste_taux_tva.clone(),
                categorie_tva: None,
            })
            .collect();
        let recap_tva = requete
            .ligne_tva
            .iter()
            .map(|groupe| LigneTva {
                taux: groupe.ligne_tva_taux_manuel,
                code_taux: groupe.ligne_tva_taux.clone(),
                montant_base_ht: groupe
                    .ligne_tva_montant_base_ht_par_taux
                    .unwrap_or_default(),
                montant_tva: groupe.ligne_tva_montant_tva_par_taux.unwrap_or_default(),
                categorie_tva: None,
            })
            .collect();
        let totaux = requete
            .montant_total
            .as_ref()
            .map_or_else(Totaux::default, |m| Totaux {
                montant_ht: m.montant_ht_total.unwrap_or_default(),
                montant_tva: m.montant_tva.unwrap_or_default(),
                montant_ttc: m.montant_ttc_total.unwrap_or_default(),
                remise_globale_ttc: m.montant_remise_globale_ttc.unwrap_or_default(),
                motif_remise_globale: m.motif_remise_globale_ttc.clone(),
                montant_a_payer: m.montant_a_payer.unwrap_or_default(),
            });
        Ok(Facture {
            mode_depot: requete
                .mode_depot
                .as_ref()
                .map(mode_depot)
                .transpose()?
                .unwrap_or_default(),
            numero_facture: ou_vide(&requete.numero_facture_saisi),
            date_facture: requete.date_facture,
            date_echeance: None,
            fournisseur,
            destinataire,
            cadre,
            references,
            lignes,
            recap_tva,
            totaux,
            piece_jointe_principale: requete
                .piece_jointe_principale
                .iter()
                .map(|piece| PieceJointePrincipale {
                    designation: ou_vide(&piece.piece_jointe_principale_designation),
                    id: piece.piece_jointe_principale_id,
                    taille_octets: None,
                })
                .collect(),
            pieces_jointes: requete
                .piece_jointe_complementaire
                .iter()
                .map(|piece| PieceJointe {
                    designation: ou_vide(&piece.piece_jointe_complementaire_designation),
                    type_piece: piece.piece_jointe_complementaire_type.clone(),
                    numero_ligne_facture: piece.piece_jointe_complementaire_numero_ligne_facture,
                    id: piece.piece_jointe_complementaire_id,
                    id_liaison: piece.piece_jointe_complementaire_id_liaison,
                    taille_octets: None,
                })
                .collect(),
            commentaire: requete.commentaire.clone(),
            id_utilisateur_courant: requete.id_utilisateur_courant,
            mentions: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn facture_complete() -> Facture {
        let mut facture = Facture {
            mode_depot: ModeDepot::SaisieApi,
            numero_facture: "F2026-001".into(),
            date_facture: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
            fournisseur: Fournisseur {
                id_fournisseur: Some(25_783_752),
                id_service_fournisseur: Some(7),
                code_coordonnees_bancaires: Some(42),
                ..Fournisseur::default()
            },
            destinataire: Destinataire {
                code_destinataire: "11000201100044".into(),
                code_service: Some("SFACETAT".into()),
            },
            cadre: Cadre {
                code: CodeCadre::A9FactureSoustraitant,
                code_structure_valideur: Some("73282932000074".into()),
                code_service_valideur: Some("TRAVAUX".into()),
            },
            references: References {
                devise_facture: "EUR".into(),
                type_facture: TypeFacture::Facture,
                type_tva: TypeTva::TvaSurEncaissement,
                motif_exoneration_tva: None,
                numero_marche: Some("M-2026-12".into()),
                numero_engagement: Some("1300012345".into()),
                numero_facture_origine: None,
                mode_paiement: Some(ModePaiement::Virement),
            },
            lignes: vec![Ligne {
                numero: 1,
                reference: Some("REF-1".into()),
                denomination: "Maintenance".into(),
                quantite: dec!(2.5),
                unite: Some("heure".into()),
                prix_unitaire_ht: dec!(80),
                remise_ht: dec!(5),
                taux_tva: Some(dec!(20)),
                code_taux_tva: None,
                categorie_tva: None,
            }],
            piece_jointe_principale: vec![PieceJointePrincipale {
                designation: "F2026-001.pdf".into(),
                id: Some(6_921_279),
                taille_octets: None,
            }],
            pieces_jointes: vec![PieceJointe {
                designation: "bon.pdf".into(),
                type_piece: Some("BON_COMMANDE".into()),
                numero_ligne_facture: Some(1),
                id: Some(99),
                id_liaison: Some(3),
                taille_octets: None,
            }],
            commentaire: Some("Merci".into()),
            id_utilisateur_courant: Some(0),
            ..Facture::default()
        };
        facture.totaux.remise_globale_ttc = dec!(10);
        facture.totaux.motif_remise_globale = Some("fidélité".into());
        facture.calculer();
        for groupe in &mut facture.recap_tva {
            groupe.categorie_tva = None;
        }
        facture
    }

    #[test]
    fn model_roundtrips_through_the_soumettre_body() {
        let facture = facture_complete();
        let requete = SoumettreRequest::from(&facture);
        assert_eq!(Facture::try_from(&requete), Ok(facture));
    }

    #[test]
    fn soumettre_body_has_the_wire_names_and_values() {
        let requete = SoumettreRequest::from(&facture_complete());
        let json = serde_json::to_string(&requete).unwrap();
        for attendu in [
            r#""modeDepot":"SAISIE_API""#,
            r#""codeCadreFacturation":"A9_FACTURE_SOUSTRAITANT""#,
            r#""numeroBonCommande":"1300012345""#,
            r#""typeTva":"TVA_SUR_ENCAISSEMENT""#,
            r#""lignePosteMontantUnitaireHT":80"#,
            r#""montantHtTotal":195.00"#,
            r#""montantAPayer":224.00"#,
            r#""pieceJointePrincipale":[{"#,
        ] {
            assert!(json.contains(attendu), "{attendu} missing in {json}");
        }
        let relu: SoumettreRequest = serde_json::from_str(&json).unwrap();
        assert_eq!(relu, requete);
    }

    #[test]
    fn empty_texts_are_left_out_and_sirets_normalised() {
        let mut facture = facture_complete();
        facture.destinataire.code_service = Some("  ".into());
        facture.destinataire.code_destinataire = "110 002 011 00044".into();
        facture.references.numero_marche = Some(String::new());
        let requete = SoumettreRequest::from(&facture);
        let destinataire = requete.destinataire.unwrap_or_default();
        assert_eq!(destinataire.code_service_executant, None);
        assert_eq!(
            destinataire.code_destinataire.as_deref(),
            Some("11000201100044")
        );
        assert_eq!(requete.references.unwrap_or_default().numero_marche, None);
    }

    #[test]
    fn codes_soumettre_does_not_accept_are_refused() {
        let mut requete = SoumettreRequest::from(&facture_complete());
        if let Some(cadre) = requete.cadre_de_facturation.as_mut() {
            cadre.code_cadre_facturation =
                Some(wire::CadreFacturation::A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR);
        }
        assert_eq!(
            Facture::try_from(&requete),
            Err(ConversionError::CodeNonAccepte {
                champ: "cadreDeFacturation.codeCadreFacturation",
                code: "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR".into()
            })
        );
        let mut requete = SoumettreRequest::from(&facture_complete());
        if let Some(refs) = requete.references.as_mut() {
            refs.type_facture = Some(wire::TypeFacture::ACOMPTE);
        }
        assert!(Facture::try_from(&requete).is_err());
        let mut requete = SoumettreRequest::from(&facture_complete());
        if let Some(refs) = requete.references.as_mut() {
            refs.mode_paiement = Some(wire::ModePaiement::from_code("BITCOIN"));
        }
        assert!(Facture::try_from(&requete).is_err());
    }

    #[test]
    fn empty_body_gives_the_default_model() {
        let facture = Facture::try_from(&SoumettreRequest::default()).unwrap();
        assert_eq!(facture, Facture::default());
    }
}
