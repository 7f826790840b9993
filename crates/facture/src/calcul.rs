//! Line, VAT breakdown and total computation with EN 16931 rounding.
//!
//! The form calls [`Facture::calculer`] after each edit, so what it shows is exactly what the sum
//! rules of [`crate::regles`] accept (BR-CO-10…17, BR-S-08/09).
//!
//! ```
//! use facture::{Facture, Ligne};
//! use rust_decimal_macros::dec;
//! let mut facture = Facture::default();
//! facture.lignes.push(Ligne {
//!     numero: 1,
//!     denomination: "Conseil".into(),
//!     quantite: dec!(3),
//!     prix_unitaire_ht: dec!(100),
//!     remise_ht: dec!(10),
//!     taux_tva: Some(dec!(20)),
//!     ..Ligne::default()
//! });
//! facture.calculer();
//! assert_eq!(facture.totaux.montant_ht, dec!(290.00));
//! assert_eq!(facture.totaux.montant_tva, dec!(58.00));
//! assert_eq!(facture.totaux.montant_a_payer, dec!(348.00));
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::modele::{CategorieTva, CodeCadre, Facture, Ligne, LigneTva, TypeTva};
use crate::montant::{arrondir_montant, arrondir_quantite};

impl Ligne {
    /// Net amount of the line (BT-131): quantity × unit price − line discount, the quantity first
    /// rounded to 4 decimals (BR-FR-DEC-02), the result to 2 (BR-DEC-23).
    pub fn montant_net(&self) -> Decimal {
        arrondir_montant(arrondir_quantite(self.quantite) * self.prix_unitaire_ht - self.remise_ht)
    }

    /// The line's VAT category: the one chosen, else derived from the rate and the invoice's
    /// `typeTva` (rate > 0 → S; `SANS_TVA` → O; `EXONERATION` → E; other 0 % → Z).
    pub fn categorie(&self, type_tva: TypeTva) -> CategorieTva {
        if let Some(categorie) = self.categorie_tva {
            return categorie;
        }
        match (self.taux_tva, type_tva) {
            (_, TypeTva::SansTva) => CategorieTva::O,
            (Some(taux), _) if taux > Decimal::ZERO => CategorieTva::S,
            (_, TypeTva::Exoneration) => CategorieTva::E,
            _ => CategorieTva::Z,
        }
    }
}

/// VAT amount of a breakdown group: taxable × rate / 100 rounded to 2 decimals (BR-CO-17).
pub fn montant_tva(base_ht: Decimal, taux: Option<Decimal>) -> Decimal {
    match taux {
        Some(taux) => arrondir_montant(base_ht * taux / Decimal::ONE_HUNDRED),
        None => Decimal::ZERO,
    }
}

/// The VAT breakdown of the lines: one group per (category, rate), in category then rate order;
/// taxable = Σ line nets of the group (BR-S-08 and siblings), VAT per [`montant_tva`].
pub fn recap_tva(lignes: &[Ligne], type_tva: TypeTva) -> Vec<LigneTva> {
    let mut groupes: BTreeMap<(CategorieTva, Option<Decimal>), (Decimal, Option<String>)> =
        BTreeMap::new();
    for ligne in lignes {
        let cle = (
            ligne.categorie(type_tva),
            ligne.taux_tva.map(|t| t.normalize()),
        );
        let entree = groupes
            .entry(cle)
            .or_insert((Decimal::ZERO, ligne.code_taux_tva.clone()));
        entree.0 += ligne.montant_net();
    }
    groupes
        .into_iter()
        .map(|((categorie, taux), (base, code_taux))| LigneTva {
            taux,
            code_taux,
            montant_base_ht: arrondir_montant(base),
            montant_tva: montant_tva(base, taux),
            categorie_tva: Some(categorie),
        })
        .collect()
}

impl Facture {
    /// Recomputes the VAT breakdown and the totals from the lines (SAISIE_API), or the totals
    /// from the entered HT and VAT amounts when there are no lines (PDF modes).
    ///
    /// Without lines, HT = Σ breakdown taxable amounts when a breakdown is given, and a stated VAT
    /// amount per rate is kept when BR-CO-17 tolerates it (so the body matches the PDF).
    ///
    /// HT = Σ line nets (BR-CO-10/13; `soumettre` has no document-level allowance or charge),
    /// TVA = Σ breakdown VAT (BR-CO-14), TTC = HT + TVA (BR-CO-15), à payer = TTC − remise
    /// globale TTC, or 0 for an already-paid invoice A2 (BR-CO-16 with paid amount = the rest).
    /// The global discount, its reason and the category choices are kept.
    pub fn calculer(&mut self) {
        if !self.lignes.is_empty() {
            self.recap_tva = recap_tva(&self.lignes, self.references.type_tva);
            self.totaux.montant_ht =
                arrondir_montant(self.lignes.iter().map(Ligne::montant_net).sum());
        } else {
            // PDF modes: the amounts per rate come from the supplier's PDF. Keep a stated VAT
            // amount that BR-CO-17 tolerates (within ±1 of base × rate, exactly 0 at 0 %), so that
            // what is sent matches the PDF; replace it otherwise.
            for groupe in &mut self.recap_tva {
                groupe.montant_base_ht = arrondir_montant(groupe.montant_base_ht);
                let attendu = montant_tva(groupe.montant_base_ht, groupe.taux);
                let indique = arrondir_montant(groupe.montant_tva);
                let tolere = match groupe.taux {
                    Some(taux) if taux.is_zero() => indique.is_zero(),
                    Some(_) => (indique - attendu).abs() < Decimal::ONE,
                    None => true,
                };
                groupe.montant_tva = if tolere { indique } else { attendu };
            }
            self.totaux.montant_ht = if self.recap_tva.is_empty() {
                arrondir_montant(self.totaux.montant_ht)
            } else {
                self.recap_tva.iter().map(|g| g.montant_base_ht).sum()
            };
        }
        if !self.recap_tva.is_empty() {
            self.totaux.montant_tva = self.recap_tva.iter().map(|g| g.montant_tva).sum();
        }
        self.totaux.montant_tva = arrondir_montant(self.totaux.montant_tva);
        self.totaux.remise_globale_ttc = arrondir_montant(self.totaux.remise_globale_ttc);
        self.totaux.montant_ttc = self.totaux.montant_ht + self.totaux.montant_tva;
        self.totaux.montant_a_payer = self.montant_a_payer_attendu();
    }

    /// The amount due the totals imply: 0 when the invoice is already paid (cadre A2), else TTC
    /// minus the global discount, rounded to 2 decimals.
    pub fn montant_a_payer_attendu(&self) -> Decimal {
        if self.cadre.code == CodeCadre::A2FactureFournisseurDejaPayee {
            arrondir_montant(Decimal::ZERO)
        } else {
            arrondir_montant(self.totaux.montant_ttc - self.totaux.remise_globale_ttc)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn ligne(quantite: Decimal, prix: Decimal, remise: Decimal, taux: Option<Decimal>) -> Ligne {
        Ligne {
            numero: 1,
            denomination: "article".into(),
            quantite,
            prix_unitaire_ht: prix,
            remise_ht: remise,
            taux_tva: taux,
            ..Ligne::default()
        }
    }

    #[test]
    fn line_net_is_quantity_times_price_minus_discount_rounded() {
        assert_eq!(
            ligne(dec!(3), dec!(19.99), dec!(0), None).montant_net(),
            dec!(59.97)
        );
        assert_eq!(
            ligne(dec!(2), dec!(10), dec!(1.5), None).montant_net(),
            dec!(18.50)
        );
        // 0.333333 is first rounded to 0.3333: 0.3333 × 10 = 3.333 → 3.33.
        assert_eq!(
            ligne(dec!(0.333333), dec!(10), dec!(0), None).montant_net(),
            dec!(3.33)
        );
        // 1.5 × 0.01 = 0.015 → half toward +∞ → 0.02.
        assert_eq!(
            ligne(dec!(1.5), dec!(0.01), dec!(0), None).montant_net(),
            dec!(0.02)
        );
    }

    #[test]
    fn category_is_derived_from_rate_and_vat_regime() {
        let taux_20 = ligne(dec!(1), dec!(1), dec!(0), Some(dec!(20)));
        let taux_0 = ligne(dec!(1), dec!(1), dec!(0), Some(dec!(0)));
        assert_eq!(taux_20.categorie(TypeTva::TvaSurDebit), CategorieTva::S);
        assert_eq!(taux_0.categorie(TypeTva::TvaSurDebit), CategorieTva::Z);
        assert_eq!(taux_0.categorie(TypeTva::Exoneration), CategorieTva::E);
        assert_eq!(taux_0.categorie(TypeTva::SansTva), CategorieTva::O);
        let choisie = Ligne {
            categorie_tva: Some(CategorieTva::AE),
            ..taux_0
        };
        assert_eq!(choisie.categorie(TypeTva::TvaSurDebit), CategorieTva::AE);
    }

    #[test]
    fn vat_breakdown_groups_lines_per_rate() {
        let lignes = vec![
            ligne(dec!(1), dec!(100), dec!(0), Some(dec!(20))),
            ligne(dec!(2), dec!(10.05), dec!(0), Some(dec!(5.5))),
            ligne(dec!(1), dec!(0.10), dec!(0), Some(dec!(20.0))),
        ];
        let recap = recap_tva(&lignes, TypeTva::TvaSurDebit);
        assert_eq!(recap.len(), 2);
        let taux_5_5 = recap.iter().find(|g| g.taux == Some(dec!(5.5))).unwrap();
        assert_eq!(taux_5_5.montant_base_ht, dec!(20.10));
        // 20.10 × 5.5 % = 1.1055 → 1.11.
        assert_eq!(taux_5_5.montant_tva, dec!(1.11));
        let taux_20 = recap.iter().find(|g| g.taux == Some(dec!(20))).unwrap();
        assert_eq!(taux_20.montant_base_ht, dec!(100.10));
        assert_eq!(taux_20.montant_tva, dec!(20.02));
    }

    #[test]
    fn totals_follow_the_lines_and_the_global_discount() {
        let mut facture = Facture {
            lignes: vec![
                ligne(dec!(1), dec!(100), dec!(0), Some(dec!(20))),
                ligne(dec!(2), dec!(10.05), dec!(0), Some(dec!(5.5))),
            ],
            ..Facture::default()
        };
        facture.totaux.remise_globale_ttc = dec!(5);
        facture.calculer();
        assert_eq!(facture.totaux.montant_ht, dec!(120.10));
        assert_eq!(facture.totaux.montant_tva, dec!(21.11));
        assert_eq!(facture.totaux.montant_ttc, dec!(141.21));
        assert_eq!(facture.totaux.montant_a_payer, dec!(136.21));
    }

    #[test]
    fn already_paid_invoice_has_nothing_to_pay() {
        let mut facture = Facture {
            lignes: vec![ligne(dec!(1), dec!(100), dec!(0), Some(dec!(20)))],
            ..Facture::default()
        };
        facture.cadre.code = CodeCadre::A2FactureFournisseurDejaPayee;
        facture.calculer();
        assert_eq!(facture.totaux.montant_ttc, dec!(120.00));
        assert_eq!(facture.totaux.montant_a_payer, dec!(0));
    }

    #[test]
    fn pdf_mode_totals_come_from_entered_amounts() {
        let mut facture = Facture::default();
        facture.totaux.montant_ht = dec!(1000);
        facture.totaux.montant_tva = dec!(200);
        facture.calculer();
        assert_eq!(facture.totaux.montant_ttc, dec!(1200.00));
        assert_eq!(facture.totaux.montant_a_payer, dec!(1200.00));
    }

    #[test]
    fn pdf_mode_keeps_a_tolerated_vat_amount_and_replaces_a_wrong_one() {
        let groupe = |base, tva| LigneTva {
            taux: Some(dec!(20)),
            montant_base_ht: base,
            montant_tva: tva,
            ..LigneTva::default()
        };
        let mut facture = Facture {
            recap_tva: vec![groupe(dec!(100), dec!(20.01)), groupe(dec!(50), dec!(12))],
            ..Facture::default()
        };
        facture.calculer();
        let tva: Vec<Decimal> = facture.recap_tva.iter().map(|g| g.montant_tva).collect();
        assert_eq!(tva, vec![dec!(20.01), dec!(10.00)]);
        assert_eq!(facture.totaux.montant_ht, dec!(150.00));
        assert_eq!(facture.totaux.montant_tva, dec!(30.01));
        assert_eq!(facture.totaux.montant_ttc, dec!(180.01));
    }

    #[test]
    fn lines_without_rate_form_a_group_without_vat() {
        let lignes = vec![ligne(dec!(1), dec!(50), dec!(0), None)];
        let recap = recap_tva(&lignes, TypeTva::SansTva);
        assert_eq!(recap.len(), 1);
        assert_eq!(recap.first().map(|g| g.montant_tva), Some(dec!(0)));
        assert_eq!(
            recap.first().and_then(|g| g.categorie_tva),
            Some(CategorieTva::O)
        );
    }
}
