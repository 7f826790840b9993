//! « Saisir une facture »: the form of an invoice typed line by line (`SAISIE_API`), as text, and the
//! [`Facture`] it describes with every amount computed.
//!
//! The form keeps what the user typed ([`Saisie`]); [`Saisie::facture`] reads it (French numbers and
//! dates accepted), computes lines, VAT breakdown and totals with [`Facture::calculer`], and reports
//! the values it could not read, addressed to their input ([`ChampIllisible`]), so that nothing typed
//! is silently dropped. [`Saisie::champ_du_chemin`] puts a finding of [`crate::regles::check`] under
//! the input that holds it.
//!
//! ```
//! use facture::saisie::{LigneSaisie, Saisie};
//! let mut saisie = Saisie::default();
//! saisie.lignes = vec![LigneSaisie {
//!     denomination: "Conseil".into(),
//!     quantite: "3".into(),
//!     prix_unitaire_ht: "100,00".into(),
//!     taux_tva: "20".into(),
//!     ..LigneSaisie::default()
//! }];
//! let (facture, illisibles) = saisie.facture();
//! assert!(illisibles.is_empty());
//! assert_eq!(facture.totaux.montant_a_payer.to_string(), "360.00");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::montant::{parse_date, parse_montant, parse_taux};
use crate::{
    CodeCadre, Facture, Ligne, ModeDepot, ModePaiement, PieceJointe, TypeIdentifiant, TypeTva,
};

/// One line as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LigneSaisie {
    /// `lignePosteReference`.
    pub reference: String,
    /// `lignePosteDenomination`.
    pub denomination: String,
    /// `lignePosteQuantite`.
    pub quantite: String,
    /// `lignePosteUnite`.
    pub unite: String,
    /// `lignePosteMontantUnitaireHT`.
    pub prix_unitaire_ht: String,
    /// `lignePosteMontantRemiseHT`: discount on the line, excluding VAT.
    pub remise_ht: String,
    /// `lignePosteTauxTvaManuel`, in percent.
    pub taux_tva: String,
}

/// The whole form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saisie {
    /// `fournisseur.idFournisseur`.
    pub id_fournisseur: Option<i64>,
    /// `fournisseur.codeCoordonneesBancairesFournisseur`: the account to pay, from
    /// `recuperer/coordbanc/valides`.
    pub code_coordonnees_bancaires: Option<i64>,
    /// The supplier structure's SIRET (checked locally; Chorus knows it from `idFournisseur`).
    pub siret_fournisseur: String,
    /// `dateFacture`.
    pub date_facture: String,
    /// `destinataire.codeDestinataire`.
    pub siret_destinataire: String,
    /// `destinataire.codeServiceExecutant`.
    pub code_service: String,
    /// `references.numeroBonCommande`: the engagement.
    pub numero_engagement: String,
    /// `references.numeroMarche`.
    pub numero_marche: String,
    /// `cadreDeFacturation.codeCadreFacturation`.
    pub cadre: CodeCadre,
    /// `references.modePaiement`.
    pub mode_paiement: Option<ModePaiement>,
    /// `references.typeTva`.
    pub type_tva: TypeTva,
    /// The lines.
    pub lignes: Vec<LigneSaisie>,
    /// `montantTotal.montantRemiseGlobaleTTC`.
    pub remise_globale_ttc: String,
    /// `montantTotal.motifRemiseGlobaleTTC`.
    pub motif_remise_globale: String,
    /// `commentaire`.
    pub commentaire: String,
    /// `pieceJointeComplementaire`: the attachments already sent with `ajouter/fichier`.
    pub pieces_jointes: Vec<PieceJointe>,
}

impl Default for Saisie {
    fn default() -> Self {
        Saisie {
            id_fournisseur: None,
            code_coordonnees_bancaires: None,
            siret_fournisseur: String::new(),
            date_facture: String::new(),
            siret_destinataire: String::new(),
            code_service: String::new(),
            numero_engagement: String::new(),
            numero_marche: String::new(),
            cadre: CodeCadre::default(),
            mode_paiement: Some(ModePaiement::Virement),
            type_tva: TypeTva::default(),
            lignes: vec![LigneSaisie::default()],
            remise_globale_ttc: String::new(),
            motif_remise_globale: String::new(),
            commentaire: String::new(),
            pieces_jointes: Vec::new(),
        }
    }
}

/// A typed value that could not be read, by the key of its input (`date_facture`,
/// `lignes[1].quantite`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChampIllisible {
    /// The input's key.
    pub champ: String,
    /// What was typed.
    pub texte: String,
}

impl Saisie {
    /// The invoice described by the form, computed, and the values that could not be read. An
    /// unreadable amount counts as zero in the totals shown, and blocks sending.
    pub fn facture(&self) -> (Facture, Vec<ChampIllisible>) {
        let mut illisibles = Vec::new();
        let mut lire = |champ: String, texte: &str, lecture: fn(&str) -> Option<Decimal>| {
            let texte = texte.trim();
            if texte.is_empty() {
                return None;
            }
            let valeur = lecture(texte);
            if valeur.is_none() {
                illisibles.push(ChampIllisible {
                    champ,
                    texte: texte.to_owned(),
                });
            }
            valeur
        };
        let montant = |t: &str| parse_montant(t).ok();
        let taux = |t: &str| parse_taux(t).ok();
        let mut facture = Facture {
            mode_depot: ModeDepot::SaisieApi,
            ..Facture::default()
        };
        for (index, l) in self.lignes.iter().enumerate() {
            let cle = |nom: &str| format!("lignes[{index}].{nom}");
            facture.lignes.push(Ligne {
                numero: i32::try_from(index + 1).unwrap_or(i32::MAX),
                reference: optionnel(&l.reference),
                denomination: l.denomination.trim().to_owned(),
                quantite: lire(cle("quantite"), &l.quantite, montant).unwrap_or_default(),
                unite: optionnel(&l.unite),
                prix_unitaire_ht: lire(cle("prix_unitaire_ht"), &l.prix_unitaire_ht, montant)
                    .unwrap_or_default(),
                remise_ht: lire(cle("remise_ht"), &l.remise_ht, montant).unwrap_or_default(),
                taux_tva: lire(cle("taux_tva"), &l.taux_tva, taux),
                ..Ligne::default()
            });
        }
        facture.totaux.remise_globale_ttc = lire(
            "remise_globale_ttc".into(),
            &self.remise_globale_ttc,
            montant,
        )
        .unwrap_or_default();
        let date = self.date_facture.trim();
        if !date.is_empty() {
            match parse_date(date) {
                Ok(d) => facture.date_facture = Some(d),
                Err(_) => illisibles.push(ChampIllisible {
                    champ: "date_facture".into(),
                    texte: date.to_owned(),
                }),
            }
        }
        facture.totaux.motif_remise_globale = optionnel(&self.motif_remise_globale);
        facture.fournisseur.id_fournisseur = self.id_fournisseur;
        facture.fournisseur.code_coordonnees_bancaires = self.code_coordonnees_bancaires;
        facture.fournisseur.type_identifiant = TypeIdentifiant::Siret;
        facture.fournisseur.identifiant = compact(&self.siret_fournisseur);
        facture.destinataire.code_destinataire = compact(&self.siret_destinataire);
        facture.destinataire.code_service = optionnel(&self.code_service);
        facture.references.numero_engagement = optionnel(&self.numero_engagement);
        facture.references.numero_marche = optionnel(&self.numero_marche);
        facture.references.mode_paiement = self.mode_paiement;
        facture.references.type_tva = self.type_tva;
        facture.cadre.code = self.cadre;
        facture.commentaire = optionnel(&self.commentaire);
        facture.pieces_jointes = self.pieces_jointes.clone();
        facture.calculer();
        (facture, illisibles)
    }

    /// The input that holds a `soumettre` path (as [`crate::Finding::field`] spells it), by the
    /// same keys as [`ChampIllisible::champ`]; `None` for data the form does not show.
    pub fn champ_du_chemin(chemin: &str) -> Option<String> {
        if let Some(reste) = chemin.strip_prefix("lignePoste[") {
            let (index, nom) = reste.split_once("].")?;
            let index: usize = index.parse().ok()?;
            let champ = match nom {
                "lignePosteReference" => "reference",
                "lignePosteDenomination" => "denomination",
                "lignePosteQuantite" => "quantite",
                "lignePosteUnite" => "unite",
                "lignePosteMontantUnitaireHT" => "prix_unitaire_ht",
                "lignePosteMontantRemiseHT" => "remise_ht",
                "lignePosteTauxTvaManuel" | "lignePosteTauxTva" => "taux_tva",
                _ => return None,
            };
            return Some(format!("lignes[{index}].{champ}"));
        }
        let champ = match chemin {
            "lignePoste" => "lignes",
            "dateFacture" => "date_facture",
            "fournisseur.idFournisseur" => "id_fournisseur",
            "fournisseur.codeCoordonneesBancairesFournisseur" => "compte_bancaire",
            "fournisseur.identifiant" => "siret_fournisseur",
            "destinataire.codeDestinataire" => "siret_destinataire",
            "destinataire.codeServiceExecutant" => "code_service",
            "references.numeroBonCommande" => "numero_engagement",
            "references.numeroMarche" => "numero_marche",
            "references.modePaiement" => "mode_paiement",
            "references.typeTva" => "type_tva",
            "cadreDeFacturation.codeCadreFacturation" => "cadre",
            "montantTotal.montantRemiseGlobaleTTC" => "remise_globale_ttc",
            "montantTotal.motifRemiseGlobaleTTC" => "motif_remise_globale",
            _ => return None,
        };
        Some(champ.to_owned())
    }
}

impl Saisie {
    /// A new invoice typed from one already sent: same supplier, recipient, references and lines (or,
    /// when it was a PDF without lines, one line per VAT rate carrying its taxable amount), dated
    /// `aujourd_hui`. For a rejected invoice re-issued with a new number, or a duplicate.
    pub fn depuis_facture_emise(
        facture: &cpro::factures::FactureEmise,
        aujourd_hui: NaiveDate,
        commentaire: Option<String>,
    ) -> Saisie {
        let texte = |d: Option<Decimal>| d.map(|d| d.normalize().to_string().replace('.', ","));
        let fournisseur = facture.fournisseur.clone().unwrap_or_default();
        let destinataire = facture.destinataire.clone().unwrap_or_default();
        let references = facture.references.clone().unwrap_or_default();
        let cadre = facture
            .cadre_de_facturation
            .as_ref()
            .and_then(|c| c.code_cadre_facturation.as_ref())
            .and_then(|c| crate::conversion::code_cadre(c).ok())
            .filter(|c| *c == CodeCadre::A2FactureFournisseurDejaPayee)
            .unwrap_or_default();
        let mut lignes: Vec<LigneSaisie> = facture
            .lignes_de_poste
            .iter()
            .flat_map(|l| &l.ligne_poste)
            .map(|l| LigneSaisie {
                reference: l.ligne_poste_reference.clone().unwrap_or_default(),
                denomination: l.ligne_poste_denomination.clone().unwrap_or_default(),
                quantite: texte(l.ligne_poste_quantite).unwrap_or_default(),
                unite: l.ligne_poste_unite_libelle.clone().unwrap_or_default(),
                prix_unitaire_ht: texte(l.ligne_poste_montant_unitaire_ht).unwrap_or_default(),
                remise_ht: texte(l.ligne_poste_montant_remise_ht.filter(|r| !r.is_zero()))
                    .unwrap_or_default(),
                taux_tva: texte(l.ligne_poste_taux_tva_manuel).unwrap_or_default(),
            })
            .collect();
        if lignes.is_empty() {
            let numero = facture.numero_facture.clone().unwrap_or_default();
            lignes = facture
                .recapitulatif_de_tva
                .iter()
                .flat_map(|r| &r.ligne_tva)
                .map(|t| LigneSaisie {
                    denomination: format!("Facture {numero}"),
                    quantite: "1".into(),
                    prix_unitaire_ht: texte(t.ligne_tva_montant_base_ht_par_taux)
                        .unwrap_or_default(),
                    taux_tva: texte(t.ligne_tva_taux_manuel.or(t.ligne_tva_taux_ref_valeur))
                        .unwrap_or_default(),
                    ..LigneSaisie::default()
                })
                .collect();
        }
        if lignes.is_empty() {
            // Only totals are known: one line with the HT total at the rate they imply.
            let totaux = facture.montant_total.clone().unwrap_or_default();
            let ht = totaux.montant_ht_total.unwrap_or_default();
            let taux = totaux
                .montant_tva
                .filter(|_| !ht.is_zero())
                .map(|tva| (tva * Decimal::ONE_HUNDRED / ht).round_dp(2));
            lignes.push(LigneSaisie {
                denomination: format!(
                    "Facture {}",
                    facture.numero_facture.clone().unwrap_or_default()
                ),
                quantite: "1".into(),
                prix_unitaire_ht: texte(totaux.montant_ht_total).unwrap_or_default(),
                taux_tva: texte(taux).unwrap_or_default(),
                ..LigneSaisie::default()
            });
        }
        Saisie {
            id_fournisseur: fournisseur.id_fournisseur,
            code_coordonnees_bancaires: None,
            siret_fournisseur: fournisseur.code_fournisseur.unwrap_or_default(),
            date_facture: date_du_jour(aujourd_hui),
            siret_destinataire: destinataire.code_destinataire.unwrap_or_default(),
            code_service: destinataire.code_service_executant.unwrap_or_default(),
            numero_engagement: references.numero_bon_commande.unwrap_or_default(),
            numero_marche: references.numero_marche.unwrap_or_default(),
            cadre,
            mode_paiement: references
                .mode_paiement
                .as_ref()
                .and_then(|m| crate::conversion::mode_paiement(m).ok())
                .or(Some(ModePaiement::Virement)),
            type_tva: references
                .type_tva
                .as_ref()
                .and_then(|t| crate::conversion::type_tva(t).ok())
                .unwrap_or_default(),
            lignes,
            remise_globale_ttc: String::new(),
            motif_remise_globale: String::new(),
            commentaire: commentaire.unwrap_or_default(),
            // The earlier invoice's attachments are its own: the new one gets them sent again.
            pieces_jointes: Vec::new(),
        }
    }
}

/// The computed HT and TTC of one line, for display beside it.
pub fn montants_ligne(ligne: &Ligne) -> (Decimal, Decimal) {
    let ht = ligne.montant_net();
    (ht, ht + crate::calcul::montant_tva(ht, ligne.taux_tva))
}

fn optionnel(texte: &str) -> Option<String> {
    let texte = texte.trim();
    (!texte.is_empty()).then(|| texte.to_owned())
}

fn compact(texte: &str) -> String {
    texte.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The date of today as the form pre-fills it.
pub fn date_du_jour(aujourd_hui: NaiveDate) -> String {
    aujourd_hui.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regles::{check, Contexte, Severity};

    fn ligne(denomination: &str, quantite: &str, prix: &str, taux: &str) -> LigneSaisie {
        LigneSaisie {
            denomination: denomination.into(),
            quantite: quantite.into(),
            prix_unitaire_ht: prix.into(),
            taux_tva: taux.into(),
            ..LigneSaisie::default()
        }
    }

    fn dec(texte: &str) -> Decimal {
        texte.parse().unwrap_or_default()
    }

    fn trois_lignes_deux_taux() -> Saisie {
        Saisie {
            id_fournisseur: Some(26_000_001),
            code_coordonnees_bancaires: Some(27_000_001),
            siret_fournisseur: "800 000 010 00010".into(),
            date_facture: "03/11/2026".into(),
            siret_destinataire: "110 002 011 00044".into(),
            code_service: "SGC-ACHATS".into(),
            numero_engagement: "1300123456".into(),
            lignes: vec![
                ligne("Maintenance", "2", "450,00", "20"),
                ligne("Pièces", "3", "12,50", "20 %"),
                ligne("Livres", "4", "25", "5,5"),
            ],
            ..Saisie::default()
        }
    }

    #[test]
    fn three_lines_with_two_rates_give_the_vat_breakdown_and_totals() {
        let (facture, illisibles) = trois_lignes_deux_taux().facture();
        assert_eq!(illisibles, vec![]);
        assert_eq!(facture.mode_depot, ModeDepot::SaisieApi);
        assert_eq!(facture.recap_tva.len(), 2);
        assert_eq!(facture.totaux.montant_ht, dec("1037.50"));
        // 937.50 × 20 % = 187.50; 100 × 5.5 % = 5.50.
        assert_eq!(facture.totaux.montant_tva, dec("193.00"));
        assert_eq!(facture.totaux.montant_ttc, dec("1230.50"));
        assert_eq!(facture.totaux.montant_a_payer, dec("1230.50"));
        assert_eq!(
            montants_ligne(&facture.lignes[2]),
            (dec("100.00"), dec("105.50"))
        );
    }

    #[test]
    fn typed_attachments_go_in_soumettre_and_are_checked() {
        let mut saisie = trois_lignes_deux_taux();
        saisie.pieces_jointes = vec![PieceJointe {
            designation: "bon-de-commande.pdf".into(),
            type_piece: Some("BON_COMMANDE".into()),
            id: Some(42),
            taille_octets: Some(1024),
            ..PieceJointe::default()
        }];
        let (facture, _) = saisie.facture();
        let requete = cpro::factures::SoumettreRequest::from(&facture);
        let json = serde_json::to_value(&requete).unwrap_or_default();
        assert_eq!(
            json["pieceJointeComplementaire"][0]["pieceJointeComplementaireId"], 42,
            "{json}"
        );
        assert_eq!(
            json["pieceJointeComplementaire"][0]["pieceJointeComplementaireType"],
            "BON_COMMANDE"
        );
        // A name over 50 characters is blocking, as for a deposited invoice.
        saisie.pieces_jointes[0].designation = format!("{}.pdf", "a".repeat(47));
        let (facture, _) = saisie.facture();
        let jour = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        assert!(check(&facture, &Contexte::new(jour))
            .iter()
            .any(|f| f.severity == Severity::Blocking
                && f.field.starts_with("pieceJointeComplementaire")));
        // Drafts written before attachments existed still read.
        let ancien: Saisie = serde_json::from_str(r#"{"commentaire":"x"}"#).unwrap_or_default();
        assert!(ancien.pieces_jointes.is_empty());
        assert_eq!(ancien.commentaire, "x");
    }

    #[test]
    fn a_complete_typed_invoice_has_no_blocking_finding() {
        let (facture, _) = trois_lignes_deux_taux().facture();
        let jour = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let bloquants: Vec<_> = check(&facture, &Contexte::new(jour))
            .into_iter()
            .filter(|f| f.severity == Severity::Blocking)
            .collect();
        assert!(bloquants.is_empty(), "{bloquants:#?}");
    }

    #[test]
    fn a_transfer_without_an_account_blocks_on_the_account_input() {
        let mut saisie = trois_lignes_deux_taux();
        saisie.code_coordonnees_bancaires = None;
        let (facture, _) = saisie.facture();
        let jour = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        assert!(check(&facture, &Contexte::new(jour))
            .iter()
            .any(|f| Saisie::champ_du_chemin(&f.field).as_deref() == Some("compte_bancaire")));
    }

    #[test]
    fn global_discount_lowers_the_amount_due() {
        let mut saisie = trois_lignes_deux_taux();
        saisie.remise_globale_ttc = "30,50".into();
        saisie.motif_remise_globale = "Fidélité".into();
        let (facture, _) = saisie.facture();
        assert_eq!(facture.totaux.montant_a_payer, dec("1200.00"));
    }

    #[test]
    fn unreadable_values_are_reported_on_their_input() {
        let mut saisie = trois_lignes_deux_taux();
        saisie.lignes[1].quantite = "trois".into();
        saisie.date_facture = "hier".into();
        let (_, illisibles) = saisie.facture();
        let champs: Vec<&str> = illisibles.iter().map(|i| i.champ.as_str()).collect();
        assert_eq!(champs, vec!["lignes[1].quantite", "date_facture"]);
    }

    #[test]
    fn line_findings_land_on_the_line_input() {
        let mut saisie = trois_lignes_deux_taux();
        saisie.lignes[2].denomination = String::new();
        let (facture, _) = saisie.facture();
        let jour = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let champs: Vec<Option<String>> = check(&facture, &Contexte::new(jour))
            .into_iter()
            .filter(|f| f.severity == Severity::Blocking)
            .map(|f| Saisie::champ_du_chemin(&f.field))
            .collect();
        assert!(
            champs.contains(&Some("lignes[2].denomination".to_owned())),
            "{champs:?}"
        );
    }

    #[test]
    fn a_sent_invoice_without_lines_is_retyped_one_line_per_vat_rate_with_the_same_totals() {
        use cpro::factures::{
            DestinataireFactureEmise, FactureEmise, LigneTvaFactureEmise, RecapitulatifDeTva,
            ReferencesFactureEmise,
        };
        let taux = |base: &str, t: &str| LigneTvaFactureEmise {
            ligne_tva_taux_manuel: Some(dec(t)),
            ligne_tva_montant_base_ht_par_taux: Some(dec(base)),
            ..Default::default()
        };
        let emise = FactureEmise {
            numero_facture: Some("F-9".into()),
            destinataire: Some(DestinataireFactureEmise {
                code_destinataire: Some("11000201100044".into()),
                code_service_executant: Some("SGC-ACHATS".into()),
                ..Default::default()
            }),
            references: Some(ReferencesFactureEmise {
                numero_bon_commande: Some("1300123456".into()),
                ..Default::default()
            }),
            recapitulatif_de_tva: Some(RecapitulatifDeTva {
                ligne_tva: vec![taux("937.50", "20"), taux("100", "5.5")],
                ..Default::default()
            }),
            ..Default::default()
        };
        let jour = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();
        let saisie = Saisie::depuis_facture_emise(&emise, jour, Some("Remplace F-9".into()));
        assert_eq!(saisie.date_facture, "04/12/2026");
        assert_eq!(saisie.code_service, "SGC-ACHATS");
        assert_eq!(saisie.lignes.len(), 2);
        assert_eq!(saisie.lignes[1].taux_tva, "5,5");
        let (facture, illisibles) = saisie.facture();
        assert!(illisibles.is_empty(), "{illisibles:?}");
        assert_eq!(facture.totaux.montant_ttc, dec("1230.50"));
        assert_eq!(saisie.commentaire, "Remplace F-9");
    }

    #[test]
    fn a_sent_invoice_with_totals_only_is_retyped_as_one_line_at_the_implied_rate() {
        let emise = cpro::factures::FactureEmise {
            numero_facture: Some("F-10".into()),
            montant_total: Some(cpro::factures::MontantTotal {
                montant_ht_total: Some(dec("1000.00")),
                montant_tva: Some(dec("200.00")),
                ..Default::default()
            }),
            ..Default::default()
        };
        let jour = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();
        let saisie = Saisie::depuis_facture_emise(&emise, jour, None);
        assert_eq!(saisie.lignes.len(), 1);
        assert_eq!(saisie.lignes[0].taux_tva, "20");
        assert_eq!(saisie.facture().0.totaux.montant_ttc, dec("1200.00"));
    }

    #[test]
    fn paths_map_to_inputs() {
        assert_eq!(
            Saisie::champ_du_chemin("lignePoste[0].lignePosteMontantUnitaireHT").as_deref(),
            Some("lignes[0].prix_unitaire_ht")
        );
        assert_eq!(
            Saisie::champ_du_chemin("destinataire.codeServiceExecutant").as_deref(),
            Some("code_service")
        );
        assert_eq!(
            Saisie::champ_du_chemin("lignePoste[x].lignePosteQuantite"),
            None
        );
        assert_eq!(Saisie::champ_du_chemin("pieceJointeComplementaire"), None);
    }
}
