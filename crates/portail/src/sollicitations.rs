//! Sollicitations (support tickets): statuses, the actions that move them and the catalogue of categories,
//! shared by the server, which enforces the transitions, and the SPA, which shows only the possible actions.

/// Longest subject.
pub const SUJET_LONGUEUR_MAX: usize = 200;
/// Longest description or message.
pub const TEXTE_LONGUEUR_MAX: usize = 5000;
/// Longest object number.
pub const NUMERO_OBJET_LONGUEUR_MAX: usize = 50;

/// Status of a sollicitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Statut {
    /// Waiting for the recipient.
    Ouvert,
    /// The recipient asked the emitter for more information.
    EnAttenteInformations,
    /// The recipient gave a solution; the emitter accepts it or reopens.
    Resolu,
    /// Closed by the emitter.
    Ferme,
}

impl Statut {
    /// Every status, in the order of a ticket's life.
    pub const TOUS: [Statut; 4] = [
        Statut::Ouvert,
        Statut::EnAttenteInformations,
        Statut::Resolu,
        Statut::Ferme,
    ];

    /// Wire code.
    pub fn code(self) -> &'static str {
        match self {
            Statut::Ouvert => "OUVERT",
            Statut::EnAttenteInformations => "EN_ATTENTE_INFORMATIONS",
            Statut::Resolu => "RESOLU",
            Statut::Ferme => "FERME",
        }
    }

    /// The status of a wire code.
    pub fn depuis_code(code: &str) -> Option<Statut> {
        Statut::TOUS.into_iter().find(|s| s.code() == code)
    }

    /// Label: (French, English).
    pub fn libelles(self) -> (&'static str, &'static str) {
        match self {
            Statut::Ouvert => ("Ouvert", "Open"),
            Statut::EnAttenteInformations => ("En attente d'informations", "Awaiting information"),
            Statut::Resolu => ("Résolu", "Resolved"),
            Statut::Ferme => ("Fermé", "Closed"),
        }
    }
}

/// What can happen to a sollicitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The emitter adds a message (answers a request for information).
    Repondre,
    /// The emitter closes it.
    Cloturer,
    /// The emitter accepts the solution.
    AccepterSolution,
    /// The emitter reopens it.
    Rouvrir,
    /// The recipient answers without changing the status.
    RepondreDestinataire,
    /// The recipient asks for more information.
    DemanderInformations,
    /// The recipient gives a solution.
    Resoudre,
}

impl Action {
    /// The emitter's actions, in the order of the buttons.
    pub const EMETTEUR: [Action; 4] = [
        Action::Repondre,
        Action::AccepterSolution,
        Action::Rouvrir,
        Action::Cloturer,
    ];

    /// Wire code.
    pub fn code(self) -> &'static str {
        match self {
            Action::Repondre => "REPONDRE",
            Action::Cloturer => "CLOTURER",
            Action::AccepterSolution => "ACCEPTER_SOLUTION",
            Action::Rouvrir => "ROUVRIR",
            Action::RepondreDestinataire => "REPONDRE_DESTINATAIRE",
            Action::DemanderInformations => "DEMANDER_INFORMATIONS",
            Action::Resoudre => "RESOUDRE",
        }
    }

    /// The action of a wire code.
    pub fn depuis_code(code: &str) -> Option<Action> {
        Action::EMETTEUR
            .into_iter()
            .chain([
                Action::RepondreDestinataire,
                Action::DemanderInformations,
                Action::Resoudre,
            ])
            .find(|a| a.code() == code)
    }
}

/// Why an action is refused in a status: (French, English) messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionRefusee {
    /// Message in French.
    pub message_fr: String,
    /// Message in English.
    pub message_en: String,
}

fn refus(fr: &str, en: &str) -> TransitionRefusee {
    TransitionRefusee {
        message_fr: fr.to_owned(),
        message_en: en.to_owned(),
    }
}

/// The status after `action` in `statut`, or why the action is not possible there.
pub fn transition(statut: Statut, action: Action) -> Result<Statut, TransitionRefusee> {
    use Statut::*;
    match (action, statut) {
        (Action::Repondre, Ouvert | EnAttenteInformations) => Ok(Ouvert),
        (Action::Repondre, Resolu) => Err(refus(
            "La sollicitation est résolue : acceptez la solution ou rouvrez-la pour écrire.",
            "The sollicitation is resolved: accept the solution or reopen it to write.",
        )),
        (Action::Repondre, Ferme) => Err(refus(
            "La sollicitation est fermée : rouvrez-la pour écrire.",
            "The sollicitation is closed: reopen it to write.",
        )),
        (Action::Cloturer, Ouvert | EnAttenteInformations | Resolu) => Ok(Ferme),
        (Action::Cloturer, Ferme) => Err(refus(
            "La sollicitation est déjà fermée.",
            "The sollicitation is already closed.",
        )),
        (Action::AccepterSolution, Resolu) => Ok(Ferme),
        (Action::AccepterSolution, _) => Err(refus(
            "Seule une sollicitation « Résolu » a une solution à accepter.",
            "Only a resolved sollicitation has a solution to accept.",
        )),
        (Action::Rouvrir, Resolu | Ferme) => Ok(Ouvert),
        (Action::Rouvrir, _) => Err(refus(
            "Seule une sollicitation « Résolu » ou « Fermé » peut être rouverte.",
            "Only a resolved or closed sollicitation can be reopened.",
        )),
        (Action::RepondreDestinataire, s @ (Ouvert | EnAttenteInformations)) => Ok(s),
        (Action::DemanderInformations, Ouvert | EnAttenteInformations) => Ok(EnAttenteInformations),
        (Action::Resoudre, Ouvert | EnAttenteInformations) => Ok(Resolu),
        (
            Action::RepondreDestinataire | Action::DemanderInformations | Action::Resoudre,
            Resolu | Ferme,
        ) => Err(refus(
            "La sollicitation est résolue ou fermée : l'émetteur doit la rouvrir.",
            "The sollicitation is resolved or closed: the emitter must reopen it.",
        )),
    }
}

/// The emitter's actions possible in `statut`, in the order of the buttons.
pub fn actions_emetteur(statut: Statut) -> Vec<Action> {
    Action::EMETTEUR
        .into_iter()
        .filter(|a| transition(statut, *a).is_ok())
        .collect()
}

/// A sub-category: (code, French, English).
pub type SousCategorie = (&'static str, &'static str, &'static str);

/// A category and its sub-categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Categorie {
    /// Wire code.
    pub code: &'static str,
    /// French label.
    pub libelle_fr: &'static str,
    /// English label.
    pub libelle_en: &'static str,
    /// Its sub-categories.
    pub sous_categories: &'static [SousCategorie],
    /// Addressed to a public organisation, not to the support: Chorus Pro's « M - … » themes (an
    /// invoice, a purchase order or a service code is the buyer's business). Such a sollicitation needs
    /// its destination organisation: the recipient of the invoice it is about, or a public structure's
    /// SIRET.
    pub destinataire_requis: bool,
}

/// The catalogue of categories (the sandbox's, after Chorus Pro's support themes).
pub const CATEGORIES: &[Categorie] = &[
    Categorie {
        code: "FACTURE",
        libelle_fr: "Facture",
        libelle_en: "Invoice",
        sous_categories: &[
            ("FACTURE_REJETEE", "Facture rejetée", "Rejected invoice"),
            (
                "FACTURE_SUSPENDUE",
                "Facture suspendue",
                "Suspended invoice",
            ),
            ("RETARD_PAIEMENT", "Retard de paiement", "Late payment"),
            ("DEPOT_IMPOSSIBLE", "Dépôt impossible", "Cannot submit"),
            ("AUTRE_FACTURE", "Autre", "Other"),
        ],
        destinataire_requis: true,
    },
    Categorie {
        code: "ENGAGEMENT",
        libelle_fr: "Engagement juridique",
        libelle_en: "Purchase order",
        sous_categories: &[
            (
                "ENGAGEMENT_INCONNU",
                "Numéro d'engagement inconnu",
                "Unknown purchase order number",
            ),
            ("CODE_SERVICE", "Code service", "Service code"),
            ("AUTRE_ENGAGEMENT", "Autre", "Other"),
        ],
        destinataire_requis: true,
    },
    Categorie {
        code: "STRUCTURE_COMPTE",
        libelle_fr: "Structure / compte",
        libelle_en: "Organisation / account",
        sous_categories: &[
            (
                "RATTACHEMENT",
                "Rattachement à une structure",
                "Attachment to an organisation",
            ),
            ("HABILITATIONS", "Habilitations", "Permissions"),
            (
                "COORDONNEES_BANCAIRES",
                "Coordonnées bancaires",
                "Bank details",
            ),
            (
                "CONNEXION",
                "Connexion / mot de passe",
                "Sign-in / password",
            ),
            ("AUTRE_COMPTE", "Autre", "Other"),
        ],
        destinataire_requis: false,
    },
    Categorie {
        code: "AUTRE",
        libelle_fr: "Autre demande",
        libelle_en: "Other request",
        sous_categories: &[
            ("QUESTION_GENERALE", "Question générale", "General question"),
            ("SUGGESTION", "Suggestion", "Suggestion"),
        ],
        destinataire_requis: false,
    },
];

/// The category of a code.
pub fn categorie(code: &str) -> Option<&'static Categorie> {
    CATEGORIES.iter().find(|c| c.code == code)
}

/// The sub-category `sous_code` of the category `code`.
pub fn sous_categorie(code: &str, sous_code: &str) -> Option<&'static SousCategorie> {
    categorie(code)?
        .sous_categories
        .iter()
        .find(|(c, ..)| *c == sous_code)
}

/// Type of the object a sollicitation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeObjet {
    /// An invoice, by number.
    Facture,
    /// A purchase order (engagement juridique), by number.
    Engagement,
    /// A structure, by identifier (SIRET…).
    Structure,
}

impl TypeObjet {
    /// Every type.
    pub const TOUS: [TypeObjet; 3] = [
        TypeObjet::Facture,
        TypeObjet::Engagement,
        TypeObjet::Structure,
    ];

    /// Wire code.
    pub fn code(self) -> &'static str {
        match self {
            TypeObjet::Facture => "FACTURE",
            TypeObjet::Engagement => "ENGAGEMENT",
            TypeObjet::Structure => "STRUCTURE",
        }
    }

    /// The type of a wire code.
    pub fn depuis_code(code: &str) -> Option<TypeObjet> {
        TypeObjet::TOUS.into_iter().find(|t| t.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_emitter_sees_only_the_actions_of_the_status() {
        assert_eq!(
            actions_emetteur(Statut::Ouvert),
            [Action::Repondre, Action::Cloturer]
        );
        assert_eq!(
            actions_emetteur(Statut::EnAttenteInformations),
            [Action::Repondre, Action::Cloturer]
        );
        assert_eq!(
            actions_emetteur(Statut::Resolu),
            [Action::AccepterSolution, Action::Rouvrir, Action::Cloturer]
        );
        assert_eq!(actions_emetteur(Statut::Ferme), [Action::Rouvrir]);
    }

    #[test]
    fn accepting_the_solution_closes_a_resolved_ticket_only() {
        assert_eq!(
            transition(Statut::Resolu, Action::AccepterSolution),
            Ok(Statut::Ferme)
        );
        for statut in [Statut::Ouvert, Statut::EnAttenteInformations, Statut::Ferme] {
            let refus = transition(statut, Action::AccepterSolution);
            assert!(
                refus
                    .as_ref()
                    .is_err_and(|r| r.message_fr.contains("Résolu")),
                "{statut:?}: {refus:?}"
            );
        }
    }

    #[test]
    fn reopening_goes_back_to_open_from_resolved_or_closed() {
        assert_eq!(
            transition(Statut::Resolu, Action::Rouvrir),
            Ok(Statut::Ouvert)
        );
        assert_eq!(
            transition(Statut::Ferme, Action::Rouvrir),
            Ok(Statut::Ouvert)
        );
        assert!(transition(Statut::Ouvert, Action::Rouvrir).is_err());
    }

    #[test]
    fn an_answer_to_a_request_for_information_reopens_the_ticket() {
        assert_eq!(
            transition(Statut::EnAttenteInformations, Action::Repondre),
            Ok(Statut::Ouvert)
        );
        assert!(transition(Statut::Ferme, Action::Repondre).is_err());
        assert!(transition(Statut::Ferme, Action::Cloturer).is_err());
    }

    #[test]
    fn the_recipient_answers_open_tickets_only() {
        assert_eq!(
            transition(Statut::Ouvert, Action::DemanderInformations),
            Ok(Statut::EnAttenteInformations)
        );
        assert_eq!(
            transition(Statut::EnAttenteInformations, Action::Resoudre),
            Ok(Statut::Resolu)
        );
        assert_eq!(
            transition(Statut::Ouvert, Action::RepondreDestinataire),
            Ok(Statut::Ouvert)
        );
        assert!(transition(Statut::Resolu, Action::Resoudre).is_err());
        assert!(transition(Statut::Ferme, Action::RepondreDestinataire).is_err());
    }

    #[test]
    fn codes_round_trip() {
        for statut in Statut::TOUS {
            assert_eq!(Statut::depuis_code(statut.code()), Some(statut));
        }
        for action in Action::EMETTEUR {
            assert_eq!(Action::depuis_code(action.code()), Some(action));
        }
        for type_objet in TypeObjet::TOUS {
            assert_eq!(TypeObjet::depuis_code(type_objet.code()), Some(type_objet));
        }
        assert_eq!(Statut::depuis_code("ouvert"), None);
    }

    #[test]
    fn every_category_has_unique_sub_categories() {
        let mut vus = std::collections::HashSet::new();
        for categorie in CATEGORIES {
            assert!(!categorie.sous_categories.is_empty(), "{}", categorie.code);
            for (code, ..) in categorie.sous_categories {
                assert!(vus.insert(*code), "{code} twice");
                assert!(sous_categorie(categorie.code, code).is_some());
            }
        }
        assert!(sous_categorie("FACTURE", "RATTACHEMENT").is_none());
    }
}
