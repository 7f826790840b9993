//! Interface strings, French by default, English available.
//!
//! Each locale is a value of [`Textes`]: a locale that misses a string does not compile.
//! Components read strings through [`I18n`], never as literals.

mod en;
mod fr;

use leptos::prelude::*;

/// A supported interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Reads a tag such as `fr`, `fr-FR`, `en-GB`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let langue = tag.split(['-', '_']).next().unwrap_or_default();
        match langue.to_ascii_lowercase().as_str() {
            "fr" => Some(Locale::Fr),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The strings of this locale.
    pub fn textes(self) -> &'static Textes {
        match self {
            Locale::Fr => &fr::TEXTES,
            Locale::En => &en::TEXTES,
        }
    }

    /// The other locale, for the language switch.
    pub fn autre(self) -> Locale {
        match self {
            Locale::Fr => Locale::En,
            Locale::En => Locale::Fr,
        }
    }
}

/// All interface strings, by screen.
pub struct Textes {
    /// Header, navigation, footer.
    pub shell: Shell,
    /// Connexion screen.
    pub connexion: Connexion,
    /// Accueil.
    pub accueil: Accueil,
    /// One-line descriptions of the espaces.
    pub espaces: Espaces,
    /// Factures émises — Déposer.
    pub deposer: Deposer,
    /// Not-found page.
    pub introuvable: Introuvable,
    /// Error messages shown by the error boundary and the panic hook.
    pub erreurs: Erreurs,
    /// Kiosk mode.
    pub kiosque: Kiosque,
    /// Sending a deposited invoice.
    pub envoi: Envoi,
    /// Follow-up of sent invoices.
    pub suivi: Suivi,
    /// Typing an invoice line by line.
    pub saisir: Saisir,
    /// Account creation and activation.
    pub compte: Compte,
    /// Dashboard of sent invoices.
    pub tableau: Tableau,
    /// Mon compte.
    pub mon_compte: MonCompte,
    /// Structure creation and rattachement requests.
    pub structures: Structures,
    /// Sollicitations (support tickets).
    pub sollicitations: Sollicitations,
    /// Activités du gestionnaire.
    pub gestionnaire: Gestionnaire,
}

/// Activités du gestionnaire: rattachement requests, users and habilitations, services, bank details,
/// espaces of the managed structure.
pub struct Gestionnaire {
    pub intro: &'static str,
    pub chargement: &'static str,
    pub erreur_chargement: &'static str,
    pub aucune_titre: &'static str,
    pub aucune_texte: &'static str,
    pub aucune_comment: &'static str,
    pub structure: &'static str,
    pub sommaire: &'static str,
    pub role_principal: &'static str,
    pub role_gestionnaire: &'static str,
    pub role_utilisateur: &'static str,
    pub consultation: &'static str,
    pub modification: &'static str,
    pub vous: &'static str,
    pub col_action: &'static str,
    pub a_corriger: &'static str,
    pub demandes_titre: &'static str,
    pub demandes_vide: &'static str,
    pub col_demandeur: &'static str,
    pub col_commentaire: &'static str,
    pub col_date: &'static str,
    pub col_decision: &'static str,
    pub sans_commentaire: &'static str,
    pub habilitation_accordee: &'static str,
    pub accepter: &'static str,
    pub refuser: &'static str,
    pub motif_refus: &'static str,
    pub confirmer_refus: &'static str,
    pub annuler: &'static str,
    pub demande_acceptee: &'static str,
    pub demande_refusee: &'static str,
    pub utilisateurs_titre: &'static str,
    pub utilisateurs_intro: &'static str,
    pub col_utilisateur: &'static str,
    pub col_role: &'static str,
    pub enregistrer: &'static str,
    pub detacher: &'static str,
    pub confirmer_detacher: &'static str,
    pub utilisateur_enregistre: &'static str,
    pub utilisateur_detache: &'static str,
    pub espace_factures: &'static str,
    pub espace_sollicitations: &'static str,
    pub espace_gestionnaire: &'static str,
    pub espace_factures_texte: &'static str,
    pub espace_sollicitations_texte: &'static str,
    pub espace_gestionnaire_texte: &'static str,
    pub services_titre: &'static str,
    pub services_intro: &'static str,
    pub services_vide: &'static str,
    pub col_code: &'static str,
    pub col_libelle: &'static str,
    pub col_etat: &'static str,
    pub actif: &'static str,
    pub inactif: &'static str,
    pub activer: &'static str,
    pub desactiver: &'static str,
    pub nouveau_service: &'static str,
    pub code_service: &'static str,
    pub libelle_service: &'static str,
    pub creer_service: &'static str,
    pub service_cree: &'static str,
    pub service_active: &'static str,
    pub service_desactive: &'static str,
    pub comptes_titre: &'static str,
    pub comptes_intro: &'static str,
    pub comptes_vide: &'static str,
    pub col_nom: &'static str,
    pub col_titulaire: &'static str,
    pub col_iban: &'static str,
    pub col_bic: &'static str,
    pub valide: &'static str,
    pub desactive: &'static str,
    pub nouveau_compte: &'static str,
    pub nom_compte: &'static str,
    pub titulaire: &'static str,
    pub iban: &'static str,
    pub iban_aide: &'static str,
    pub iban_valide: &'static str,
    pub iban_invalide: &'static str,
    pub iban_saisie: &'static str,
    pub bic: &'static str,
    pub ajouter_compte: &'static str,
    pub compte_ajoute: &'static str,
    pub compte_desactive: &'static str,
    pub espaces_titre: &'static str,
    pub espaces_intro: &'static str,
    pub col_espace: &'static str,
    pub col_description: &'static str,
    pub col_consultation: &'static str,
    pub col_modification: &'static str,
    pub dernier_principal: &'static str,
    pub reserve_principal: &'static str,
}

/// Mon compte: personal data, password, authentication factors, structures, requests.
pub struct MonCompte {
    pub titre: &'static str,
    pub intro: &'static str,
    pub chargement: &'static str,
    pub erreur_chargement: &'static str,
    pub donnees_titre: &'static str,
    pub email_connexion: &'static str,
    pub email_connexion_aide: &'static str,
    pub prenom: &'static str,
    pub nom: &'static str,
    pub telephone: &'static str,
    pub telephone_aide: &'static str,
    pub email_contact: &'static str,
    pub langue: &'static str,
    pub langue_fr: &'static str,
    pub langue_en: &'static str,
    pub notifications: &'static str,
    pub notifications_aide: &'static str,
    pub enregistrer: &'static str,
    pub enregistre: &'static str,
    pub a_corriger: &'static str,
    pub mot_de_passe_titre: &'static str,
    pub mot_de_passe_actuel: &'static str,
    pub nouveau_mot_de_passe: &'static str,
    pub confirmation_mot_de_passe: &'static str,
    pub confirmation_differente: &'static str,
    pub changer_mot_de_passe: &'static str,
    pub mot_de_passe_change: &'static str,
    pub facteurs_titre: &'static str,
    pub facteur_aucun: &'static str,
    pub facteur_email: &'static str,
    pub facteur_totp: &'static str,
    pub ajouter_application: &'static str,
    pub etape_scanner: &'static str,
    pub qr_alt: &'static str,
    pub etape_cle: &'static str,
    pub etape_code: &'static str,
    pub code: &'static str,
    pub confirmer_application: &'static str,
    pub annuler: &'static str,
    pub application_ajoutee: &'static str,
    pub retirer_application: &'static str,
    pub retirer_aide: &'static str,
    pub mot_de_passe: &'static str,
    pub confirmer_retrait: &'static str,
    pub application_retiree: &'static str,
    pub structures_titre: &'static str,
    pub structures_vide: &'static str,
    pub structures_legende: &'static str,
    pub col_structure: &'static str,
    pub col_role: &'static str,
    pub droit_modification: &'static str,
    pub droit_consultation: &'static str,
    pub droit_aucun: &'static str,
    pub role_principal: &'static str,
    pub role_gestionnaire: &'static str,
    pub role_utilisateur: &'static str,
    pub creer_structure: &'static str,
    pub rattacher: &'static str,
    pub demandes_titre: &'static str,
    pub demandes_vide: &'static str,
    pub demandes_legende: &'static str,
    pub col_date: &'static str,
    pub col_statut: &'static str,
    pub col_detail: &'static str,
    pub statut_en_attente: &'static str,
    pub statut_acceptee: &'static str,
    pub statut_refusee: &'static str,
    pub habilitation_accordee: &'static str,
    pub motif: &'static str,
}

/// Créer une nouvelle structure; Rattacher mon compte à une structure.
pub struct Structures {
    pub creer_titre: &'static str,
    pub creer_intro: &'static str,
    pub type_identifiant: &'static str,
    pub type_siret: &'static str,
    pub type_ue: &'static str,
    pub type_hors_ue: &'static str,
    pub type_ridet: &'static str,
    pub type_tahiti: &'static str,
    pub type_particulier: &'static str,
    pub type_autre: &'static str,
    pub identifiant: &'static str,
    pub identifiant_aide_siret: &'static str,
    pub rechercher_registre: &'static str,
    pub registre_trouve: &'static str,
    pub registre_inconnu: &'static str,
    pub deja_structure: &'static str,
    pub demander_rattachement: &'static str,
    pub code_pays: &'static str,
    pub raison_sociale: &'static str,
    pub nom_particulier: &'static str,
    pub adresse: &'static str,
    pub code_postal: &'static str,
    pub ville: &'static str,
    pub creer: &'static str,
    pub cree: &'static str,
    pub deposer: &'static str,
    pub mon_compte: &'static str,
    pub a_corriger: &'static str,
    pub rattacher_titre: &'static str,
    pub rattacher_intro: &'static str,
    pub chercher_nom: &'static str,
    pub chercher: &'static str,
    pub recherche_vide: &'static str,
    pub resultats: &'static str,
    pub choisir: &'static str,
    pub commentaire: &'static str,
    pub commentaire_aide: &'static str,
    pub envoyer_demande: &'static str,
    pub demande_envoyee: &'static str,
}

/// Factures émises — Tableau de bord: tiles, charts with their data tables, late invoices.
pub struct Tableau {
    pub titre: &'static str,
    pub lien: &'static str,
    pub intro: &'static str,
    pub chargement: &'static str,
    pub erreur: &'static str,
    pub vide: &'static str,
    pub partiel: &'static str,
    pub tuile_total: &'static str,
    pub tuile_total_detail: &'static str,
    pub tuile_attente: &'static str,
    pub tuile_attente_detail: &'static str,
    pub tuile_retard: &'static str,
    pub tuile_retard_detail: &'static str,
    pub tuile_retard_aucun: &'static str,
    pub voir_donnees: &'static str,
    pub familles_titre: &'static str,
    pub familles_aria: &'static str,
    pub mois_titre: &'static str,
    pub mois_aria: &'static str,
    pub attente_titre: &'static str,
    pub attente_aria: &'static str,
    pub statuts_titre: &'static str,
    pub col_etape: &'static str,
    pub col_statut: &'static str,
    pub col_mois: &'static str,
    pub col_echeance: &'static str,
    pub col_nombre: &'static str,
    pub col_montant: &'static str,
    pub famille_acheminement: &'static str,
    pub famille_a_traiter: &'static str,
    pub famille_destinataire: &'static str,
    pub famille_payees: &'static str,
    pub famille_rejetees: &'static str,
    pub attente_a_echoir: &'static str,
    pub attente_peut_etre: &'static str,
    pub attente_retard: &'static str,
    pub attente_interrompu: &'static str,
    /// Month abbreviations, January first, separated by `|`.
    pub mois_courts: &'static str,
    pub retards_titre: &'static str,
    pub retards_intro: &'static str,
    pub retards_vide: &'static str,
    pub col_numero: &'static str,
    pub col_destinataire: &'static str,
    pub col_situation: &'static str,
    pub col_interets: &'static str,
    pub retard_de: &'static str,
    pub jours: &'static str,
    pub au_moins: &'static str,
    pub peut_etre: &'static str,
    pub synthese_retards: &'static str,
    pub synthese_voir_tout: &'static str,
    pub interets_taux_inconnu: &'static str,
}

/// Créer un compte and activation.
pub struct Compte {
    pub titre: &'static str,
    pub intro: &'static str,
    pub email: &'static str,
    pub email_confirmation: &'static str,
    pub prenom: &'static str,
    pub nom: &'static str,
    pub telephone: &'static str,
    pub email_contact: &'static str,
    pub mot_de_passe: &'static str,
    pub question_secrete: &'static str,
    pub reponse_secrete: &'static str,
    pub cgu: &'static str,
    pub defi: &'static str,
    pub creer: &'static str,
    pub a_corriger: &'static str,
    pub cree: &'static str,
    pub aller_connexion: &'static str,
    pub regle_longueur: &'static str,
    pub regle_classes: &'static str,
    pub regle_ok: &'static str,
    pub regle_manquante: &'static str,
    pub activation_titre: &'static str,
    pub activation_en_cours: &'static str,
    pub active: &'static str,
    pub activation_refusee: &'static str,
}

/// Factures émises — Saisir une facture: header, lines, VAT and totals.
pub struct Saisir {
    pub titre: &'static str,
    pub intro: &'static str,
    pub lien: &'static str,
    pub groupe_fournisseur: &'static str,
    pub groupe_destinataire: &'static str,
    pub groupe_facture: &'static str,
    pub groupe_lignes: &'static str,
    pub groupe_totaux: &'static str,
    pub compte_bancaire: &'static str,
    pub siret_destinataire: &'static str,
    pub code_service: &'static str,
    pub engagement: &'static str,
    pub marche: &'static str,
    pub date_facture: &'static str,
    pub cadre: &'static str,
    pub cadre_a1: &'static str,
    pub cadre_a2: &'static str,
    pub mode_paiement: &'static str,
    pub virement: &'static str,
    pub cheque: &'static str,
    pub prelevement: &'static str,
    pub type_tva: &'static str,
    pub tva_debit: &'static str,
    pub tva_encaissement: &'static str,
    pub col_reference: &'static str,
    pub col_denomination: &'static str,
    pub col_quantite: &'static str,
    pub col_unite: &'static str,
    pub col_prix: &'static str,
    pub col_remise: &'static str,
    pub col_taux: &'static str,
    pub col_ht: &'static str,
    pub col_ttc: &'static str,
    pub supprimer_ligne: &'static str,
    pub ajouter_ligne: &'static str,
    pub recap_tva: &'static str,
    pub base_ht: &'static str,
    pub montant_tva: &'static str,
    pub total_ht: &'static str,
    pub total_tva: &'static str,
    pub total_ttc: &'static str,
    pub net_a_payer: &'static str,
    pub remise_globale: &'static str,
    pub motif_remise: &'static str,
    pub commentaire: &'static str,
    pub illisible: &'static str,
}

/// Factures émises — follow-up: work list, search, invoice detail.
pub struct Suivi {
    pub synthese_titre: &'static str,
    pub synthese_vide: &'static str,
    pub masquer_rejets: &'static str,
    pub chargement: &'static str,
    pub erreur_recherche: &'static str,
    pub col_numero: &'static str,
    pub col_destinataire: &'static str,
    pub col_statut: &'static str,
    pub col_montant_ttc: &'static str,
    pub col_action: &'static str,
    pub col_date_depot: &'static str,
    pub col_date_facture: &'static str,
    pub col_date: &'static str,
    pub col_auteur: &'static str,
    pub col_commentaire: &'static str,
    pub action_recycler: &'static str,
    pub action_completer: &'static str,
    pub action_rejet: &'static str,
    pub action_valideur: &'static str,
    pub action_soumettre: &'static str,
    pub recherche_titre: &'static str,
    pub critere_numero: &'static str,
    pub critere_statut: &'static str,
    pub tous_statuts: &'static str,
    pub critere_destinataire: &'static str,
    pub critere_depot_du: &'static str,
    pub critere_depot_au: &'static str,
    pub chercher: &'static str,
    pub exporter_csv: &'static str,
    pub export_en_cours: &'static str,
    pub export_fait: &'static str,
    pub export_refuse: &'static str,
    pub resultats: &'static str,
    pub pagination: &'static str,
    pub precedente: &'static str,
    pub suivante: &'static str,
    pub page: &'static str,
    pub par_page: &'static str,
    pub retour_liste: &'static str,
    pub detail_titre: &'static str,
    pub facture_introuvable: &'static str,
    pub motif: &'static str,
    pub donnees: &'static str,
    pub code_service: &'static str,
    pub engagement: &'static str,
    pub montant_ht: &'static str,
    pub montant_tva: &'static str,
    pub net_a_payer: &'static str,
    pub identifiant_cpp: &'static str,
    pub suivi_traitement: &'static str,
    pub delai_titre: &'static str,
    pub delai_pas_commence: &'static str,
    pub delai_legal: &'static str,
    pub date_limite: &'static str,
    pub situation: &'static str,
    pub jours: &'static str,
    pub delai_restants: &'static str,
    pub delai_retard: &'static str,
    pub delai_suspendu: &'static str,
    pub interets_dus: &'static str,
    pub provisoire: &'static str,
    pub calcul: &'static str,
    pub recycler_titre: &'static str,
    pub recycler_aide: &'static str,
    pub recycler_bouton: &'static str,
    pub completer_titre: &'static str,
    pub completer_aide: &'static str,
    pub completer_bouton: &'static str,
    pub rejet_titre: &'static str,
    pub rejet_aide: &'static str,
    pub rejet_bouton: &'static str,
    pub nouvelle_facture: &'static str,
    pub valideur_aide: &'static str,
    pub payee_a_temps: &'static str,
    pub remplacer_brouillon: &'static str,
    pub remplace_la_facture: &'static str,
    pub reemettre: &'static str,
    pub dupliquer: &'static str,
    pub siret_destinataire: &'static str,
    pub commentaire: &'static str,
}

/// Sending a deposited invoice: the form's choices, the confirmation and the récapitulatif.
pub struct Envoi {
    pub structure: &'static str,
    pub structure_choisir: &'static str,
    pub structures_chargement: &'static str,
    pub structures_indisponibles: &'static str,
    pub cadre: &'static str,
    pub cadre_a1: &'static str,
    pub cadre_a2: &'static str,
    pub cadre_a9: &'static str,
    pub cadre_a12: &'static str,
    pub valideur_structure: &'static str,
    pub valideur_service: &'static str,
    pub mode_paiement: &'static str,
    pub mode_choisir: &'static str,
    pub mode_virement: &'static str,
    pub mode_cheque: &'static str,
    pub mode_prelevement: &'static str,
    pub mode_espece: &'static str,
    pub mode_autre: &'static str,
    pub mode_report: &'static str,
    pub type_tva: &'static str,
    pub tva_debit: &'static str,
    pub tva_encaissement: &'static str,
    pub tva_exoneration: &'static str,
    pub tva_sans: &'static str,
    pub motif_exoneration: &'static str,
    pub facture_origine: &'static str,
    pub envoyer: &'static str,
    pub envoyer_bloque: &'static str,
    pub confirmation_titre: &'static str,
    pub confirmation_texte: &'static str,
    pub confirmer: &'static str,
    pub annuler: &'static str,
    pub en_cours: &'static str,
    pub incertain: &'static str,
    pub reessayer: &'static str,
    pub refusee: &'static str,
    pub modifier: &'static str,
    pub numero: &'static str,
    pub destinataire: &'static str,
    pub montant_ht: &'static str,
    pub montant_tva: &'static str,
    pub montant_ttc: &'static str,
    pub net_a_payer: &'static str,
    pub recap_titre: &'static str,
    pub recap_texte: &'static str,
    pub identifiant_cpp: &'static str,
    pub statut: &'static str,
    pub date_depot: &'static str,
    pub fournisseur: &'static str,
    pub certificat: &'static str,
    pub exporter_certificat: &'static str,
    pub suivre: &'static str,
    pub nouvelle: &'static str,
    pub supprimer_brouillon: &'static str,
    pub etat_envoyee: &'static str,
    pub pdf_a_redeposer: &'static str,
    pub erreur_reseau: &'static str,
    pub session_expiree: &'static str,
    pub brouillon_local: &'static str,
}

/// Kiosk mode: the end-of-session warning and the "Terminer" button.
pub struct Kiosque {
    pub titre: &'static str,
    /// `{secondes}` is replaced by the seconds left.
    pub compte_a_rebours: &'static str,
    pub continuer: &'static str,
    pub terminer: &'static str,
    pub terminer_aria: &'static str,
}

/// Header, navigation, footer.
pub struct Shell {
    pub nom_application: &'static str,
    pub sous_titre: &'static str,
    pub lien_evitement: &'static str,
    pub navigation_principale: &'static str,
    pub accueil: &'static str,
    pub factures_emises: &'static str,
    pub sollicitations: &'static str,
    pub mon_compte: &'static str,
    pub activites_gestionnaire: &'static str,
    /// Text of the language switch: the name of the other language, in that language.
    pub changer_langue: &'static str,
    /// Accessible name of the language switch.
    pub changer_langue_aria: &'static str,
    pub deconnexion: &'static str,
    pub connecte_en_tant_que: &'static str,
    pub notifications: &'static str,
    pub fil_evenements: &'static str,
    pub fil_vide: &'static str,
    pub fil_nouvelle: &'static str,
    pub fil_annonce_une: &'static str,
    pub fil_annonce_plusieurs: &'static str,
    pub pied: &'static str,
    pub chargement: &'static str,
}

/// Connexion screen.
pub struct Connexion {
    pub titre: &'static str,
    pub intro: &'static str,
    pub email: &'static str,
    pub mot_de_passe: &'static str,
    pub bouton: &'static str,
    pub en_cours: &'static str,
    pub champs_requis: &'static str,
    pub erreur_identifiants: &'static str,
    pub erreur_reseau: &'static str,
    pub erreur_serveur: &'static str,
    pub erreur_non_active: &'static str,
    pub pas_de_compte: &'static str,
    pub creer_compte: &'static str,
    pub second_titre: &'static str,
    pub second_email: &'static str,
    pub second_totp: &'static str,
    pub code: &'static str,
    pub valider_code: &'static str,
}

/// Accueil.
pub struct Accueil {
    pub titre: &'static str,
    pub bienvenue: &'static str,
    pub intro: &'static str,
    pub deposer_titre: &'static str,
    pub deposer_texte: &'static str,
    pub suivre_titre: &'static str,
    pub suivre_texte: &'static str,
    pub compte_titre: &'static str,
    pub compte_texte: &'static str,
    pub premiere_titre: &'static str,
    pub premiere_texte: &'static str,
}

/// One-line descriptions of the espaces.
pub struct Espaces {
    pub factures_emises_texte: &'static str,
}

/// Factures émises — Déposer: drop PDFs, read their fields in the browser, check them.
pub struct Deposer {
    pub titre: &'static str,
    pub intro: &'static str,
    pub lien: &'static str,
    pub zone: &'static str,
    pub zone_aide: &'static str,
    pub fichiers: &'static str,
    pub col_fichier: &'static str,
    pub col_taille: &'static str,
    pub col_etat: &'static str,
    pub col_action: &'static str,
    pub etat_lecture: &'static str,
    pub etat_pret: &'static str,
    pub etat_a_completer: &'static str,
    pub etat_illisible: &'static str,
    pub voir: &'static str,
    pub formulaire: &'static str,
    pub lu_pdf: &'static str,
    pub lu_facturx: &'static str,
    pub source_facturx: &'static str,
    pub source_texte: &'static str,
    pub trop_volumineux: &'static str,
    pub pas_un_pdf: &'static str,
    pub resume_bloquants: &'static str,
    pub resume_avertissements: &'static str,
    pub resume_ok: &'static str,
    pub autres_points: &'static str,
    pub bloquant: &'static str,
    pub avertissement: &'static str,
    pub correction: &'static str,
    pub montant_illisible: &'static str,
    pub date_illisible: &'static str,
    pub taux_illisible: &'static str,
    pub champ_invoice_number: &'static str,
    pub champ_invoice_date: &'static str,
    pub champ_invoice_type: &'static str,
    pub champ_currency: &'static str,
    pub champ_supplier_siret: &'static str,
    pub champ_supplier_vat: &'static str,
    pub champ_iban: &'static str,
    pub champ_recipient_siret: &'static str,
    pub champ_service_code: &'static str,
    pub champ_engagement_number: &'static str,
    pub champ_market_number: &'static str,
    pub champ_total_ht: &'static str,
    pub champ_total_vat: &'static str,
    pub champ_total_ttc: &'static str,
    pub champ_amount_due: &'static str,
    pub groupe_facture: &'static str,
    pub groupe_fournisseur: &'static str,
    pub groupe_destinataire: &'static str,
    pub apercu_legende: &'static str,
    pub apercu_aria: &'static str,
    pub groupe_montants: &'static str,
    pub destinataire_inconnu: &'static str,
    pub annuaire_en_cours: &'static str,
    pub annuaire_trouve: &'static str,
    pub annuaire_indisponible: &'static str,
}

/// Not-found page.
pub struct Introuvable {
    pub titre: &'static str,
    pub texte: &'static str,
    pub retour: &'static str,
}

/// Error messages.
pub struct Erreurs {
    pub titre: &'static str,
    pub recharger: &'static str,
    pub config_illisible: &'static str,
    pub inattendue: &'static str,
}

/// The current locale, in context: `I18n::expect_context().t().connexion.titre`.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// Provides the i18n context with an initial locale.
    pub fn provide(initial: Locale) -> I18n {
        let i18n = I18n {
            locale: RwSignal::new(initial),
        };
        provide_context(i18n);
        i18n
    }

    /// Reads the context provided by [`I18n::provide`].
    pub fn expect_context() -> I18n {
        expect_context()
    }

    /// The strings of the current locale (reactive).
    pub fn t(&self) -> &'static Textes {
        self.locale.get().textes()
    }

    /// The current locale (reactive).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Changes the locale.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }
}

/// Sollicitations: list with status filter, creation form, detail with the thread and the actions.
pub struct Sollicitations {
    pub titre: &'static str,
    pub intro: &'static str,
    pub nouvelle: &'static str,
    pub filtre: &'static str,
    pub filtre_toutes: &'static str,
    pub chargement: &'static str,
    pub vide: &'static str,
    pub col_numero: &'static str,
    pub col_sujet: &'static str,
    pub col_categorie: &'static str,
    pub col_objet: &'static str,
    pub col_destinataire: &'static str,
    pub col_statut: &'static str,
    pub col_modifiee: &'static str,
    pub nouvelle_intro: &'static str,
    pub categorie: &'static str,
    pub sous_categorie: &'static str,
    pub choisir: &'static str,
    pub choisir_categorie_dabord: &'static str,
    pub type_objet: &'static str,
    pub type_aucun: &'static str,
    pub type_facture: &'static str,
    pub type_engagement: &'static str,
    pub type_structure: &'static str,
    pub numero_objet: &'static str,
    pub numero_objet_aide: &'static str,
    pub sujet: &'static str,
    pub description: &'static str,
    pub piece_jointe: &'static str,
    pub piece_aide: &'static str,
    pub piece_trop_grosse: &'static str,
    pub piece_refusee: &'static str,
    pub piece_illisible: &'static str,
    pub retirer_piece: &'static str,
    pub creer: &'static str,
    pub a_corriger: &'static str,
    pub annuler: &'static str,
    pub retour_liste: &'static str,
    pub detail_titre: &'static str,
    pub introuvable: &'static str,
    pub emetteur: &'static str,
    pub creee_le: &'static str,
    pub voir_facture: &'static str,
    pub fil: &'static str,
    pub statut_passe: &'static str,
    pub accepter: &'static str,
    pub rouvrir: &'static str,
    pub cloturer: &'static str,
    pub info_resolu: &'static str,
    pub info_attente: &'static str,
    pub info_ferme: &'static str,
    pub repondre_titre: &'static str,
    pub reponse: &'static str,
    pub envoyer: &'static str,
    pub message_envoye: &'static str,
    pub statut_mis_a_jour: &'static str,
    pub octets: &'static str,
    pub creer_sur_facture: &'static str,
}
