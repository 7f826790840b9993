//! French strings (the default locale).

use super::*;

pub(super) const TEXTES: Textes = Textes {
    shell: Shell {
        nom_application: "Passerelle",
        sous_titre: "Vos factures vers Chorus Pro, vérifiées avant l’envoi",
        lien_evitement: "Aller au contenu principal",
        navigation_principale: "Espaces",
        accueil: "Accueil",
        factures_emises: "Factures émises",
        sollicitations: "Sollicitations",
        mon_compte: "Mon compte",
        activites_gestionnaire: "Activités du gestionnaire",
        changer_langue: "English",
        changer_langue_aria: "Switch the interface to English",
        deconnexion: "Se déconnecter",
        connecte_en_tant_que: "Connecté en tant que",
        pied: "Passerelle — dépôt, contrôle et suivi des factures adressées au secteur public via Chorus Pro.",
        chargement: "Chargement…",
    },
    connexion: Connexion {
        titre: "Connexion",
        intro: "Connectez-vous pour déposer vos factures et suivre leur traitement.",
        email: "Adresse électronique",
        mot_de_passe: "Mot de passe",
        bouton: "Se connecter",
        en_cours: "Connexion en cours…",
        champs_requis: "Saisissez votre adresse électronique et votre mot de passe.",
        erreur_identifiants: "Adresse électronique ou mot de passe incorrect. Vérifiez votre saisie et réessayez.",
        erreur_reseau: "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.",
        erreur_serveur: "Le serveur a rencontré un problème. Réessayez dans quelques instants.",
    },
    accueil: Accueil {
        titre: "Accueil",
        bienvenue: "Bienvenue",
        intro: "Préparez vos factures, vérifiez-les avant l’envoi et suivez-les jusqu’au paiement.",
        deposer_titre: "Déposer une facture",
        deposer_texte: "Déposez un PDF : les champs sont lus dans votre navigateur et contrôlés avant l’envoi.",
        suivre_titre: "Suivre mes factures",
        suivre_texte: "Voyez ce qui demande une action et quand vous serez payé.",
        compte_titre: "Mon compte",
        compte_texte: "Vos informations, vos structures et vos habilitations.",
    },
    espaces: Espaces {
        factures_emises_texte: "Déposer, saisir, envoyer et suivre les factures émises vers les entités publiques.",
        sollicitations_texte: "Vos demandes au support et leurs réponses.",
        mon_compte_texte: "Données personnelles, langue, notifications, mot de passe et habilitations.",
        activites_gestionnaire_texte: "Rattachements en attente, utilisateurs, services et coordonnées bancaires de vos structures.",
        en_construction: "Cet espace est en cours de réalisation.",
    },
    introuvable: Introuvable {
        titre: "Page introuvable",
        texte: "L’adresse demandée ne correspond à aucune page de Passerelle.",
        retour: "Retour à l’accueil",
    },
    erreurs: Erreurs {
        titre: "Une erreur est survenue",
        recharger: "Recharger la page",
        config_illisible: "Les réglages de l’application (config.json) n’ont pas pu être lus ; les réglages par défaut sont utilisés.",
        inattendue: "Passerelle a rencontré une erreur inattendue. Rechargez la page : vos brouillons enregistrés sont conservés.",
    },
};
