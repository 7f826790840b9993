//! Chorus Pro code lists as enums whose variants are the exact wire codes, with an `Autre` fallback.
//!
//! **Decision:** every code list enum has an `Autre(String)` variant. Reading never fails on a code
//! this crate does not know (the real API adds values over time, and searches return codes outside
//! what `soumettre` accepts); the code is kept verbatim and written back unchanged. A server that must
//! refuse unknown values checks [`StatutFacture::est_connu`] (every enum has the same method).

/// Declares a code list enum: variants named exactly as the wire codes, plus `Autre(String)`.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[doc = $doc:literal])+ $variant:ident, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum $name {
            $( $(#[doc = $doc])+ $variant, )+
            /// A code this crate does not know, kept verbatim (see the module docs).
            Autre(String),
        }

        impl $name {
            /// Every known code, in the order of the source list.
            pub const CONNUS: &'static [$name] = &[$($name::$variant,)+];

            /// The wire code, e.g. `"A_RECYCLER"`.
            pub fn code(&self) -> &str {
                match self {
                    $( $name::$variant => stringify!($variant), )+
                    $name::Autre(code) => code,
                }
            }

            /// The variant for a wire code; an unknown code gives `Autre`.
            pub fn from_code(code: &str) -> Self {
                match code {
                    $( stringify!($variant) => $name::$variant, )+
                    autre => $name::Autre(autre.to_owned()),
                }
            }

            /// False for `Autre`: the code is not in the list this crate knows.
            pub fn est_connu(&self) -> bool {
                !matches!(self, $name::Autre(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Ok($name::from_code(code))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct CodeVisitor;

                impl ::serde::de::Visitor<'_> for CodeVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " code string"))
                    }

                    fn visit_str<E: ::serde::de::Error>(self, code: &str) -> Result<$name, E> {
                        Ok($name::from_code(code))
                    }
                }

                deserializer.deserialize_str(CodeVisitor)
            }
        }
    };
}

pub(crate) use code_enum;

code_enum! {
    /// Cadre de facturation (`codeCadreFacturation`), api-reference §5.1 `[S1][S3]`.
    ///
    /// `soumettre` accepts only A1, A2, A9 and A12 (see [`CadreFacturation::accepte_par_soumettre`]);
    /// search filters and answers use the whole list.
    CadreFacturation {
        /// Facture de fournisseur.
        A1_FACTURE_FOURNISSEUR,
        /// Facture de fournisseur déjà payée.
        A2_FACTURE_FOURNISSEUR_DEJA_PAYEE,
        /// Mémoire de frais de justice.
        A3_MEMOIRE_JUSTICE,
        /// Projet de décompte mensuel (travaux, fournisseur).
        A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR,
        /// État d'acompte (travaux, fournisseur).
        A5_ETAT_ACOMPTE_FOURNISSEUR,
        /// État d'acompte validé (travaux, fournisseur).
        A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR,
        /// Projet de décompte final (travaux, fournisseur).
        A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR,
        /// Décompte général et définitif (travaux, fournisseur).
        A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR,
        /// Facture de sous-traitant (validator mandatory, api-reference §6.2).
        A9_FACTURE_SOUSTRAITANT,
        /// Projet de décompte mensuel (travaux, sous-traitant).
        A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT,
        /// Projet de décompte final (travaux, sous-traitant).
        A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT,
        /// Facture de cotraitant (validator mandatory, api-reference §6.2).
        A12_FACTURE_COTRAITANT,
        /// Projet de décompte mensuel (travaux, cotraitant).
        A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT,
        /// Projet de décompte final (travaux, cotraitant).
        A14_PROJET_DECOMPTE_FINAL_COTRAITANT,
        /// État d'acompte (travaux, maître d'œuvre).
        A15_ETAT_ACOMPTE_MOE,
        /// État d'acompte validé (travaux, maître d'œuvre).
        A16_ETAT_ACOMPTE_VALIDE_MOE,
        /// Projet de décompte général (travaux, maître d'œuvre).
        A17_PROJET_DECOMPTE_GENERAL_MOE,
        /// Décompte général (travaux, maître d'œuvre).
        A18_DECOMPTE_GENERAL_MOE,
        /// État d'acompte validé (travaux, maître d'ouvrage).
        A19_ETAT_ACOMPTE_VALIDE_MOA,
        /// Décompte général (travaux, maître d'ouvrage).
        A20_DECOMPTE_GENERAL_MOA,
        /// Demande de remboursement de TIC.
        A21_DEMANDE_REMBOURSEMENT_TIC,
        /// Projet de décompte général, procédure tacite (travaux, fournisseur).
        A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE,
        /// Décompte général et définitif tacite (travaux, fournisseur).
        A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR,
        /// Décompte général et définitif tacite (travaux, maître d'œuvre).
        A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE,
        /// Décompte général et définitif, procédure tacite (travaux, maître d'œuvre).
        A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE,
    }
}

impl CadreFacturation {
    /// The French label, as the portal lists the cadres (the code for one this crate does not know).
    pub fn libelle_fr(&self) -> &str {
        match self {
            CadreFacturation::A1_FACTURE_FOURNISSEUR => "A1 — Facture de fournisseur",
            CadreFacturation::A2_FACTURE_FOURNISSEUR_DEJA_PAYEE => {
                "A2 — Facture de fournisseur déjà payée"
            }
            CadreFacturation::A3_MEMOIRE_JUSTICE => "A3 — Mémoire de frais de justice",
            CadreFacturation::A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR => {
                "A4 — Projet de décompte mensuel (fournisseur)"
            }
            CadreFacturation::A5_ETAT_ACOMPTE_FOURNISSEUR => "A5 — État d'acompte (fournisseur)",
            CadreFacturation::A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR => {
                "A6 — État d'acompte validé (fournisseur)"
            }
            CadreFacturation::A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR => {
                "A7 — Projet de décompte final (fournisseur)"
            }
            CadreFacturation::A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR => {
                "A8 — Décompte général et définitif (fournisseur)"
            }
            CadreFacturation::A9_FACTURE_SOUSTRAITANT => "A9 — Facture de sous-traitant",
            CadreFacturation::A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT => {
                "A10 — Projet de décompte mensuel (sous-traitant)"
            }
            CadreFacturation::A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT => {
                "A11 — Projet de décompte final (sous-traitant)"
            }
            CadreFacturation::A12_FACTURE_COTRAITANT => "A12 — Facture de cotraitant",
            CadreFacturation::A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT => {
                "A13 — Projet de décompte mensuel (cotraitant)"
            }
            CadreFacturation::A14_PROJET_DECOMPTE_FINAL_COTRAITANT => {
                "A14 — Projet de décompte final (cotraitant)"
            }
            CadreFacturation::A15_ETAT_ACOMPTE_MOE => "A15 — État d'acompte (maître d'œuvre)",
            CadreFacturation::A16_ETAT_ACOMPTE_VALIDE_MOE => {
                "A16 — État d'acompte validé (maître d'œuvre)"
            }
            CadreFacturation::A17_PROJET_DECOMPTE_GENERAL_MOE => {
                "A17 — Projet de décompte général (maître d'œuvre)"
            }
            CadreFacturation::A18_DECOMPTE_GENERAL_MOE => "A18 — Décompte général (maître d'œuvre)",
            CadreFacturation::A19_ETAT_ACOMPTE_VALIDE_MOA => {
                "A19 — État d'acompte validé (maître d'ouvrage)"
            }
            CadreFacturation::A20_DECOMPTE_GENERAL_MOA => {
                "A20 — Décompte général (maître d'ouvrage)"
            }
            CadreFacturation::A21_DEMANDE_REMBOURSEMENT_TIC => {
                "A21 — Demande de remboursement de TIC"
            }
            CadreFacturation::A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE => {
                "A22 — Projet de décompte général, procédure tacite (fournisseur)"
            }
            CadreFacturation::A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR => {
                "A23 — Décompte général et définitif tacite (fournisseur)"
            }
            CadreFacturation::A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE => {
                "A24 — Décompte général et définitif tacite (maître d'œuvre)"
            }
            CadreFacturation::A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE => {
                "A25 — Décompte général et définitif, procédure tacite (maître d'œuvre)"
            }
            CadreFacturation::Autre(code) => code,
        }
    }

    /// The cadres `soumettre` accepts: the swagger's `codeCadreFacturation` enum (api-reference §5.1).
    pub fn accepte_par_soumettre(&self) -> bool {
        matches!(
            self,
            CadreFacturation::A1_FACTURE_FOURNISSEUR
                | CadreFacturation::A2_FACTURE_FOURNISSEUR_DEJA_PAYEE
                | CadreFacturation::A9_FACTURE_SOUSTRAITANT
                | CadreFacturation::A12_FACTURE_COTRAITANT
        )
    }

    /// Works pieces (CCAG-Travaux: A4–A8, A10, A13–A25), which go to the maître d'œuvre first.
    pub fn est_travaux(&self) -> bool {
        let numero = self
            .code()
            .strip_prefix('A')
            .and_then(|reste| reste.split('_').next())
            .and_then(|n| n.parse::<u32>().ok());
        matches!(numero, Some(4..=8 | 10 | 13..=25))
    }

    /// Sub-contractor and co-contractor invoices need `codeStructureValideur` (api-reference §6.2).
    pub fn exige_valideur(&self) -> bool {
        matches!(
            self,
            CadreFacturation::A9_FACTURE_SOUSTRAITANT | CadreFacturation::A12_FACTURE_COTRAITANT
        )
    }
}

code_enum! {
    /// Type de facture (`typeFacture`), api-reference §5.2: `soumettre` takes FACTURE or AVOIR.
    TypeFacture {
        /// Facture.
        FACTURE,
        /// Avoir (credit note).
        AVOIR,
        /// Facture d'acompte (seen in searches and consultations only).
        ACOMPTE,
    }
}

code_enum! {
    /// Régime de TVA (`typeTva`), api-reference §5.3.
    TypeTva {
        /// TVA sur les débits.
        TVA_SUR_DEBIT,
        /// TVA sur les encaissements.
        TVA_SUR_ENCAISSEMENT,
        /// Exonération (give `motifExonerationTva`).
        EXONERATION,
        /// Sans TVA.
        SANS_TVA,
    }
}

code_enum! {
    /// Mode de règlement (`modePaiement`), api-reference §5.4.
    ModePaiement {
        /// Chèque.
        CHEQUE,
        /// Prélèvement.
        PRELEVEMENT,
        /// Virement.
        VIREMENT,
        /// Espèces.
        ESPECE,
        /// Autre.
        AUTRE,
        /// Report.
        REPORT,
    }
}

code_enum! {
    /// Mode de dépôt (`modeDepot`), api-reference §5.5.
    ///
    /// `soumettre` accepts SAISIE_API, DEPOT_PDF_API and DEPOT_PDF_SIGNE_API
    /// (see [`ModeDepot::accepte_par_soumettre`]); the others appear in search results.
    ModeDepot {
        /// Saisie par API (lines and VAT given in the body).
        SAISIE_API,
        /// PDF déposé par API (`deposer/pdf` then `soumettre`).
        DEPOT_PDF_API,
        /// PDF signé déposé par API.
        DEPOT_PDF_SIGNE_API,
        /// Saisie sur le portail (web).
        SAISIE_WEB,
        /// PDF déposé sur le portail.
        PORTAIL_PDF,
        /// Flux EDI structuré.
        EDI_XML_STRUCT,
        /// Flux EDI mixte.
        EDI_MIXTE,
        /// Flux EDI PDF archive.
        EDI_PDF_ARCHIVE,
        /// Saisie sur le portail.
        SAISIE_PORTAIL,
        /// PDF déposé sur le portail.
        DEPOT_PDF_PORTAIL,
        /// PDF signé déposé sur le portail.
        DEPOT_PDF_SIGNE_PORTAIL,
        /// Flux EDI.
        EDI,
        /// Fichier téléversé sur le portail.
        UPLOAD_PORTAIL,
        /// Fichier téléversé par API.
        UPLOAD_API,
        /// Numérisation (papier scanné).
        EDI_NUMERISATION,
    }
}

impl ModeDepot {
    /// The modes `soumettre` accepts: the swagger's `modeDepot` enum (api-reference §3.2).
    pub fn accepte_par_soumettre(&self) -> bool {
        matches!(
            self,
            ModeDepot::SAISIE_API | ModeDepot::DEPOT_PDF_API | ModeDepot::DEPOT_PDF_SIGNE_API
        )
    }
}

code_enum! {
    /// Format du PDF déposé (`formatDepot` of `deposer/pdf`), api-reference §5.5.
    FormatDepot {
        /// PDF non signé.
        PDF_NON_SIGNE,
        /// PDF signé PAdES.
        PDF_SIGNE_PADES,
        /// PDF signé XAdES.
        PDF_SIGNE_XADES,
    }
}

code_enum! {
    /// Syntaxe d'un flux déposé (`syntaxeFlux` of `deposer/flux`), api-reference §5.6.
    SyntaxeFlux {
        /// UBL Invoice, profil E1.
        IN_DP_E1_UBL_INVOICE,
        /// CII, profil E1.
        IN_DP_E1_CII,
        /// PES Facture, profil E1.
        IN_DP_E1_PES_FACTURE,
        /// xCBL, profil E1.
        IN_DP_E1_XCBL,
        /// CII D16B, profil E1.
        IN_DP_E1_CII_16B,
        /// UBL Invoice minimal, profil E2.
        IN_DP_E2_UBL_INVOICE_MIN,
        /// CII minimal, profil E2.
        IN_DP_E2_CII_MIN,
        /// PES Facture minimal, profil E2.
        IN_DP_E2_PES_FACTURE_MIN,
        /// CPP Facture minimal, profil E2.
        IN_DP_E2_CPP_FACTURE_MIN,
        /// CII D16B minimal, profil E2.
        IN_DP_E2_CII_MIN_16B,
        /// Factur-X (PDF/A-3 with embedded CII).
        IN_DP_E2_CII_FACTURX,
        /// PDF archive with UBL, MUG.
        IN_DP_PDFARCHIVE_UBL_INVOICE_MUG,
        /// PDF archive with CII, MUG.
        IN_DP_PDFARCHIVE_CII_MUG,
        /// UBL Invoice, profil E3 (go-choruspro only, `[S3]`).
        IN_DP_E3_UBL_INVOICE,
    }
}

code_enum! {
    /// Type d'identifiant d'une structure (`typeIdentifiantStructure`), api-reference §5.7.
    TypeIdentifiantStructure {
        /// SIRET (14 digits).
        SIRET,
        /// Union européenne hors France (intra-community VAT number).
        UE_HORS_FRANCE,
        /// Hors Union européenne.
        HORS_UE,
        /// RIDET (Nouvelle-Calédonie).
        RIDET,
        /// Numéro TAHITI (Polynésie française).
        TAHITI,
        /// Autre identifiant.
        AUTRE,
        /// Particulier.
        PARTICULIER,
    }
}

code_enum! {
    /// Type de coordonnées bancaires (`coordBancairesFournisseurType`), api-reference §5.7.
    TypeCoordonneesBancaires {
        /// Relevé d'identité bancaire (French format).
        RIB,
        /// IBAN (the only type accepted for credit transfer per OCA, api-reference §6.2).
        IBAN,
    }
}

code_enum! {
    /// Sens de tri (`triSens`) of every pagination block, api-reference §3.10.
    TriSens {
        /// Croissant.
        Ascendant,
        /// Décroissant.
        Descendant,
    }
}

code_enum! {
    /// Statut d'une facture (`statutFacture`, `statut`, `statutCourantCode`, `histoStatutCode`):
    /// the 56 values of the swagger, api-reference §4 `[S1]`.
    ///
    /// Labels ([`StatutFacture::libelle_fr`]) follow the portal wording; no official table exists,
    /// so they are **\[inferred\]** as the reference says.
    StatutFacture {
        /// Brouillon.
        BROUILLON,
        /// À valider (valideur 1).
        A_VALIDER_1,
        /// Erreur du fournisseur sur le valideur.
        ERREUR_FOURNISSEUR_SUR_VALIDEUR,
        /// Refusée (valideur 1).
        REFUSEE_1,
        /// Validée (valideur 1).
        VALIDEE_1,
        /// Absence de validation hors délai (valideur 1).
        ABSENCE_VALIDATION_1_HORS_DELAI,
        /// À valider (valideur 2).
        A_VALIDER_2,
        /// Erreur du cotraitant sur le valideur.
        ERREUR_COTRAITANT_SUR_VALIDEUR,
        /// Refusée (valideur 2).
        REFUSEE_2,
        /// Validée (valideur 2).
        VALIDEE_2,
        /// Absence de validation hors délai (valideur 2).
        ABSENCE_VALIDATION_2_HORS_DELAI,
        /// Déposée: right after `soumettre` (observed, `[S13]`).
        DEPOSEE,
        /// Erreur du fournisseur sur la maîtrise d'œuvre.
        ERREUR_FOURNISSEUR_SUR_MOE,
        /// En cours d'acheminement vers le destinataire.
        EN_COURS_ACHEMINEMENT,
        /// Mise à disposition du destinataire.
        MISE_A_DISPOSITION,
        /// À recycler: wrong recipient, service or engagement; the supplier calls `recycler`.
        A_RECYCLER,
        /// Suspendue: the supplier completes it with `completer`.
        SUSPENDUE,
        /// Rejetée: final; the supplier acknowledges (`traiterRejet`) and re-issues with a new number.
        REJETEE,
        /// Mandatée.
        MANDATEE,
        /// Mise en paiement.
        MISE_EN_PAIEMENT,
        /// Comptabilisée.
        COMPTABILISEE,
        /// Mise à disposition du comptable.
        MISE_A_DISPOSITION_COMPTABLE,
        /// Abandonnée.
        ABANDONNEE,
        /// Supprimée.
        SUPPRIMEE,
        /// Associée.
        ASSOCIEE,
        /// En cours de traitement (pivot).
        EN_COURS_TRAITEMENT_PIVOT_S,
        /// À valider par la maîtrise d'œuvre.
        A_VALIDER_MOE,
        /// Refusée par la maîtrise d'œuvre.
        REFUSEE_MOE,
        /// En attente de recyclage par le fournisseur.
        EN_ATTENTE_RECYCLAGE_FOURNISSEUR,
        /// Erreur de la maîtrise d'œuvre sur le fournisseur.
        ERREUR_MOE_SUR_FOURNISSEUR,
        /// Erreur de la maîtrise d'ouvrage sur le fournisseur.
        ERREUR_MOA_SUR_FOURNISSEUR,
        /// Interprétée par OCR: after `deposer/pdf`, before `soumettre`.
        INTERPRETEE_OCR,
        /// Complétée: after the supplier's `completer`.
        COMPLETEE,
        /// Erreur du fournisseur sur la maîtrise d'ouvrage.
        ERREUR_FOURNISSEUR_SUR_MOA,
        /// Erreur de la maîtrise d'œuvre sur la maîtrise d'ouvrage.
        ERREUR_MOE_SUR_MOA,
        /// Erreur de destinataire (PD).
        ERREUR_DESTINATAIRE_PD,
        /// Erreur de destinataire (EA).
        ERREUR_DESTINATAIRE_EA,
        /// Service fait.
        SERVICE_FAIT,
        /// Non conforme.
        NON_CONFORME,
        /// À associer par la maîtrise d'œuvre.
        A_ASSOCIER_MOE,
        /// Erreur de maîtrise d'œuvre.
        ERREUR_DE_MOE,
        /// Mise à disposition de la maîtrise d'œuvre.
        MISE_A_DISPOSITION_MOE,
        /// Prise en compte par la maîtrise d'œuvre.
        PRISE_EN_COMPTE_MOE,
        /// À associer par la maîtrise d'ouvrage.
        A_ASSOCIER_MOA,
        /// Erreur de maîtrise d'ouvrage.
        ERREUR_DE_MOA,
        /// Refusée par la maîtrise d'ouvrage.
        REFUSEE_MOA,
        /// À associer par le fournisseur.
        A_ASSOCIER_FOURNISSEUR,
        /// Refusée par le fournisseur.
        REFUSEE_FOURNISSEUR,
        /// À compléter.
        A_COMPLETER,
        /// Transmise à la maîtrise d'ouvrage.
        TRANSMISE_MOA,
        /// Prise en compte par le destinataire.
        PRISE_EN_COMPTE_DESTINATAIRE,
        /// Remplacée par un A22.
        REMPLACEE_PAR_A22,
        /// Dupliquée après refus.
        DUPLIQUE_APRES_REFUS,
        /// Mise à disposition de la maîtrise d'ouvrage.
        MISE_A_DISPOSITION_MOA,
        /// Prise en compte par la maîtrise d'ouvrage.
        PRISE_EN_COMPTE_MOA,
        /// Statut technique inconnu.
        TECHNIQUE_INCONNU,
    }
}

/// What the supplier has to do for an invoice in a given status (api-reference §4, supplier table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionFournisseur {
    /// Submit the OCR-read invoice with `soumettre`.
    Soumettre,
    /// Fix recipient, service or engagement with `recycler` (same invoice number).
    Recycler,
    /// Add documents or a comment with `completer`.
    Completer,
    /// Acknowledge with `traiterRejet`, then issue a new invoice with a new number.
    TraiterRejet,
    /// Fix the validator with `corriger/valideur/facture` (A9/A12).
    CorrigerValideur,
}

impl StatutFacture {
    /// French label, as the portal words it (**\[inferred\]**, api-reference §4). Unknown codes give
    /// the code itself.
    pub fn libelle_fr(&self) -> &str {
        use StatutFacture::*;
        match self {
            BROUILLON => "Brouillon",
            A_VALIDER_1 => "À valider (valideur 1)",
            ERREUR_FOURNISSEUR_SUR_VALIDEUR => "Erreur du fournisseur sur le valideur",
            REFUSEE_1 => "Refusée (valideur 1)",
            VALIDEE_1 => "Validée (valideur 1)",
            ABSENCE_VALIDATION_1_HORS_DELAI => "Absence de validation hors délai (valideur 1)",
            A_VALIDER_2 => "À valider (valideur 2)",
            ERREUR_COTRAITANT_SUR_VALIDEUR => "Erreur du cotraitant sur le valideur",
            REFUSEE_2 => "Refusée (valideur 2)",
            VALIDEE_2 => "Validée (valideur 2)",
            ABSENCE_VALIDATION_2_HORS_DELAI => "Absence de validation hors délai (valideur 2)",
            DEPOSEE => "Déposée",
            ERREUR_FOURNISSEUR_SUR_MOE => "Erreur du fournisseur sur la maîtrise d'œuvre",
            EN_COURS_ACHEMINEMENT => "En cours d'acheminement",
            MISE_A_DISPOSITION => "Mise à disposition",
            A_RECYCLER => "À recycler",
            SUSPENDUE => "Suspendue",
            REJETEE => "Rejetée",
            MANDATEE => "Mandatée",
            MISE_EN_PAIEMENT => "Mise en paiement",
            COMPTABILISEE => "Comptabilisée",
            MISE_A_DISPOSITION_COMPTABLE => "Mise à disposition comptable",
            ABANDONNEE => "Abandonnée",
            SUPPRIMEE => "Supprimée",
            ASSOCIEE => "Associée",
            EN_COURS_TRAITEMENT_PIVOT_S => "En cours de traitement",
            A_VALIDER_MOE => "À valider par la maîtrise d'œuvre",
            REFUSEE_MOE => "Refusée par la maîtrise d'œuvre",
            EN_ATTENTE_RECYCLAGE_FOURNISSEUR => "En attente de recyclage par le fournisseur",
            ERREUR_MOE_SUR_FOURNISSEUR => "Erreur de la maîtrise d'œuvre sur le fournisseur",
            ERREUR_MOA_SUR_FOURNISSEUR => "Erreur de la maîtrise d'ouvrage sur le fournisseur",
            INTERPRETEE_OCR => "Interprétée (OCR)",
            COMPLETEE => "Complétée",
            ERREUR_FOURNISSEUR_SUR_MOA => "Erreur du fournisseur sur la maîtrise d'ouvrage",
            ERREUR_MOE_SUR_MOA => "Erreur de la maîtrise d'œuvre sur la maîtrise d'ouvrage",
            ERREUR_DESTINATAIRE_PD => "Erreur de destinataire",
            ERREUR_DESTINATAIRE_EA => "Erreur de destinataire (entité)",
            SERVICE_FAIT => "Service fait",
            NON_CONFORME => "Non conforme",
            A_ASSOCIER_MOE => "À associer par la maîtrise d'œuvre",
            ERREUR_DE_MOE => "Erreur de maîtrise d'œuvre",
            MISE_A_DISPOSITION_MOE => "Mise à disposition de la maîtrise d'œuvre",
            PRISE_EN_COMPTE_MOE => "Prise en compte par la maîtrise d'œuvre",
            A_ASSOCIER_MOA => "À associer par la maîtrise d'ouvrage",
            ERREUR_DE_MOA => "Erreur de maîtrise d'ouvrage",
            REFUSEE_MOA => "Refusée par la maîtrise d'ouvrage",
            A_ASSOCIER_FOURNISSEUR => "À associer par le fournisseur",
            REFUSEE_FOURNISSEUR => "Refusée par le fournisseur",
            A_COMPLETER => "À compléter",
            TRANSMISE_MOA => "Transmise à la maîtrise d'ouvrage",
            PRISE_EN_COMPTE_DESTINATAIRE => "Prise en compte par le destinataire",
            REMPLACEE_PAR_A22 => "Remplacée par un projet de décompte général",
            DUPLIQUE_APRES_REFUS => "Dupliquée après refus",
            MISE_A_DISPOSITION_MOA => "Mise à disposition de la maîtrise d'ouvrage",
            PRISE_EN_COMPTE_MOA => "Prise en compte par la maîtrise d'ouvrage",
            TECHNIQUE_INCONNU => "Statut technique inconnu",
            Autre(code) => code,
        }
    }

    /// English label (our translation of [`StatutFacture::libelle_fr`]). Unknown codes give the code.
    pub fn libelle_en(&self) -> &str {
        use StatutFacture::*;
        match self {
            BROUILLON => "Draft",
            A_VALIDER_1 => "Awaiting validation (validator 1)",
            ERREUR_FOURNISSEUR_SUR_VALIDEUR => "Supplier error on validator",
            REFUSEE_1 => "Refused (validator 1)",
            VALIDEE_1 => "Validated (validator 1)",
            ABSENCE_VALIDATION_1_HORS_DELAI => "Not validated in time (validator 1)",
            A_VALIDER_2 => "Awaiting validation (validator 2)",
            ERREUR_COTRAITANT_SUR_VALIDEUR => "Co-contractor error on validator",
            REFUSEE_2 => "Refused (validator 2)",
            VALIDEE_2 => "Validated (validator 2)",
            ABSENCE_VALIDATION_2_HORS_DELAI => "Not validated in time (validator 2)",
            DEPOSEE => "Submitted",
            ERREUR_FOURNISSEUR_SUR_MOE => "Supplier error on project manager",
            EN_COURS_ACHEMINEMENT => "Being routed",
            MISE_A_DISPOSITION => "Made available",
            A_RECYCLER => "To be recycled",
            SUSPENDUE => "Suspended",
            REJETEE => "Rejected",
            MANDATEE => "Payment ordered",
            MISE_EN_PAIEMENT => "Payment issued",
            COMPTABILISEE => "Booked",
            MISE_A_DISPOSITION_COMPTABLE => "Made available to the accountant",
            ABANDONNEE => "Abandoned",
            SUPPRIMEE => "Deleted",
            ASSOCIEE => "Associated",
            EN_COURS_TRAITEMENT_PIVOT_S => "Being processed",
            A_VALIDER_MOE => "Awaiting project manager validation",
            REFUSEE_MOE => "Refused by project manager",
            EN_ATTENTE_RECYCLAGE_FOURNISSEUR => "Awaiting recycling by supplier",
            ERREUR_MOE_SUR_FOURNISSEUR => "Project manager error on supplier",
            ERREUR_MOA_SUR_FOURNISSEUR => "Project owner error on supplier",
            INTERPRETEE_OCR => "Read by OCR",
            COMPLETEE => "Completed",
            ERREUR_FOURNISSEUR_SUR_MOA => "Supplier error on project owner",
            ERREUR_MOE_SUR_MOA => "Project manager error on project owner",
            ERREUR_DESTINATAIRE_PD => "Recipient error",
            ERREUR_DESTINATAIRE_EA => "Recipient error (entity)",
            SERVICE_FAIT => "Service rendered",
            NON_CONFORME => "Non-compliant",
            A_ASSOCIER_MOE => "To be associated by project manager",
            ERREUR_DE_MOE => "Project manager error",
            MISE_A_DISPOSITION_MOE => "Made available to project manager",
            PRISE_EN_COMPTE_MOE => "Acknowledged by project manager",
            A_ASSOCIER_MOA => "To be associated by project owner",
            ERREUR_DE_MOA => "Project owner error",
            REFUSEE_MOA => "Refused by project owner",
            A_ASSOCIER_FOURNISSEUR => "To be associated by supplier",
            REFUSEE_FOURNISSEUR => "Refused by supplier",
            A_COMPLETER => "To be completed",
            TRANSMISE_MOA => "Sent to project owner",
            PRISE_EN_COMPTE_DESTINATAIRE => "Acknowledged by recipient",
            REMPLACEE_PAR_A22 => "Replaced by a draft final statement",
            DUPLIQUE_APRES_REFUS => "Duplicated after refusal",
            MISE_A_DISPOSITION_MOA => "Made available to project owner",
            PRISE_EN_COMPTE_MOA => "Acknowledged by project owner",
            TECHNIQUE_INCONNU => "Unknown technical status",
            Autre(code) => code,
        }
    }

    /// No further status is expected: paid, rejected, abandoned, deleted or replaced.
    ///
    /// **\[inferred\]** from api-reference §4: REJETEE is final (a new invoice is needed) and
    /// MISE_EN_PAIEMENT is the last step Hélios reports; pollers stop there. Unknown codes are
    /// not terminal, so a follow-up keeps asking.
    pub fn est_terminal(&self) -> bool {
        use StatutFacture::*;
        matches!(
            self,
            MISE_EN_PAIEMENT
                | REJETEE
                | ABANDONNEE
                | SUPPRIMEE
                | REMPLACEE_PAR_A22
                | DUPLIQUE_APRES_REFUS
        )
    }

    /// The supplier has something to do (see [`StatutFacture::action_fournisseur`]).
    ///
    /// For REJETEE this stays true even once `rejetTraite` is set; callers that have the flag
    /// should check it too.
    pub fn demande_action_fournisseur(&self) -> bool {
        self.action_fournisseur().is_some()
    }

    /// The supplier call this status asks for (api-reference §4, "Supplier-actionable transitions").
    pub fn action_fournisseur(&self) -> Option<ActionFournisseur> {
        use StatutFacture::*;
        match self {
            INTERPRETEE_OCR => Some(ActionFournisseur::Soumettre),
            A_RECYCLER | EN_ATTENTE_RECYCLAGE_FOURNISSEUR => Some(ActionFournisseur::Recycler),
            SUSPENDUE | A_COMPLETER => Some(ActionFournisseur::Completer),
            REJETEE => Some(ActionFournisseur::TraiterRejet),
            ERREUR_FOURNISSEUR_SUR_VALIDEUR | ERREUR_COTRAITANT_SUR_VALIDEUR => {
                Some(ActionFournisseur::CorrigerValideur)
            }
            _ => None,
        }
    }
}

code_enum! {
    /// Type de demande de paiement (`typeDemandePaiement`), api-reference §5.2: only these two
    /// were seen; the full list comes from `recuperer/typedp` **\[UNCONFIRMED\]**.
    TypeDemandePaiement {
        /// Facture.
        FACTURE,
        /// Facture de travaux.
        FACTURE_TRAVAUX,
    }
}

code_enum! {
    /// Type de facture de travaux (`typeFactureTravaux` of `consulter/fournisseur`), swagger `References`.
    TypeFactureTravaux {
        /// Demande de paiement de sous-traitant (travaux).
        DP_DE_SOUSTRAITANT_TRAVAUX,
        /// Projet de décompte mensuel.
        PROJET_DECOMPTE_MENSUEL,
        /// État d'acompte.
        ETAT_ACOMPTE,
        /// État d'acompte validé.
        ETAT_ACOMPTE_VALIDE,
        /// Projet de décompte final.
        PROJET_DECOMPTE_FINAL,
        /// Projet de décompte général.
        PROJET_DECOMPTE_GENERAL,
        /// Projet de décompte général, procédure tacite.
        PROJET_DECOMPTE_GENERAL_PROCEDURE_TACITE,
        /// Décompte général.
        DECOMPTE_GENERAL,
        /// Décompte général signé.
        DECOMPTE_GENERAL_SIGNE,
        /// Décompte général et définitif tacite.
        DECOMPTE_GENERAL_DEFINITIF_TACITE,
        /// Décompte général et définitif, procédure tacite.
        DECOMPTE_GENERAL_DEFINITIF_PROCEDURE_TACITE,
    }
}

code_enum! {
    /// Action d'un utilisateur sur une facture (`histoActionCode`, `derniereActionCode`), api-reference §3.6.
    ActionUtilisateur {
        /// Téléchargement de la facture.
        TELECHARGEMENT_FACTURE,
        /// Acquittement du rejet.
        ACQUITTEMENT_REJET,
        /// Acquittement de la suspension.
        ACQUITTEMENT_SUSPENSION,
        /// Traitement du rejet (`traiterRejet`).
        TRAITEMENT_REJET,
    }
}

code_enum! {
    /// Statut d'une structure as a search criterion (`statutStructure`), structures swagger.
    StatutStructure {
        /// Active.
        ACTIF,
        /// Inactive.
        INACTIF,
    }
}

code_enum! {
    /// Statut d'une structure in search results (`statut` of `StructureAAfficher`), structures swagger.
    StatutStructureAffichee {
        /// Active.
        ACTIVE,
        /// Inactive.
        INACTIVE,
    }
}

code_enum! {
    /// Structure privée ou publique (`typeStructure`, `structurePriveePublique`), structures swagger.
    TypeStructure {
        /// Private structure (a supplier).
        PRIVEE,
        /// Public structure (a recipient).
        PUBLIQUE,
    }
}

code_enum! {
    /// État d'un espace (`etatCourant` of `rechercher/espaces`), structures swagger.
    EtatEspace {
        /// Active.
        ACTIVE,
        /// Supprimé.
        SUPPRIME,
    }
}

code_enum! {
    /// Type d'habilitation sur un espace (`typeHabilitation`), structures swagger.
    TypeHabilitation {
        /// Consultation uniquement.
        CONSULTATION_UNIQUEMENT,
        /// Modification.
        MODIFICATION,
    }
}

code_enum! {
    /// Statut d'un rattachement utilisateur–structure (`statutRattachement`), api-reference §5.7.
    StatutRattachement {
        /// En cours de validation.
        EN_COURS_DE_VALIDATION,
        /// Refusé.
        REFUSEE,
        /// Validé.
        VALIDEE,
        /// Désactivé.
        DESACTIVEE,
        /// Supprimé.
        SUPPRIMEE,
    }
}

code_enum! {
    /// État d'un flux déposé (`etatCourantDepotFlux`, `etatCourantFlux`), api-reference §4 (flux states,
    /// labels from the PHP client `[S5]`).
    EtatDepotFlux {
        /// Reçu.
        IN_RECU,
        /// En attente de traitement.
        IN_EN_ATTENTE_TRAITEMENT_CPP,
        /// En cours de traitement.
        IN_EN_COURS_TRAITEMENT_CPP,
        /// En attente de retraitement.
        IN_EN_ATTENTE_RETRAITEMENT_CPP,
        /// Traité.
        IN_TRAITE_SE_CPP,
        /// Incidenté.
        IN_INCIDENTE,
        /// Rejeté.
        IN_REJETE,
        /// Intégré.
        IN_INTEGRE,
        /// Intégré partiellement.
        IN_INTEGRE_PARTIEL,
        /// Recevable.
        QP_RECEVABLE,
        /// Recevable avec erreur.
        QP_RECEVABLE_AVEC_ERREUR,
        /// Irrecevable.
        QP_IRRECEVABLE,
    }
}

impl EtatDepotFlux {
    /// Pollers stop here: IN_REJETE, IN_INCIDENTE, IN_INTEGRE, IN_INTEGRE_PARTIEL (api-reference §4 `[S4][S12]`).
    pub fn est_terminal(&self) -> bool {
        matches!(
            self,
            EtatDepotFlux::IN_REJETE
                | EtatDepotFlux::IN_INCIDENTE
                | EtatDepotFlux::IN_INTEGRE
                | EtatDepotFlux::IN_INTEGRE_PARTIEL
        )
    }

    /// The invoices of the flux exist and can be found with `rechercher/fournisseur` and its
    /// `numeroFluxDepot` (api-reference §3.3).
    pub fn est_integre(&self) -> bool {
        matches!(
            self,
            EtatDepotFlux::IN_INTEGRE | EtatDepotFlux::IN_INTEGRE_PARTIEL
        )
    }
}
