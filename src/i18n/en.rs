//! English strings.

use super::*;

pub(super) const TEXTES: Textes = Textes {
    shell: Shell {
        nom_application: "Passerelle",
        sous_titre: "Your invoices to Chorus Pro, checked before sending",
        lien_evitement: "Skip to main content",
        navigation_principale: "Spaces",
        accueil: "Home",
        factures_emises: "Issued invoices",
        sollicitations: "Requests",
        mon_compte: "My account",
        activites_gestionnaire: "Manager activities",
        changer_langue: "Français",
        changer_langue_aria: "Passer l’interface en français",
        deconnexion: "Sign out",
        connecte_en_tant_que: "Signed in as",
        pied: "Passerelle — filing, checking and tracking invoices to French public entities through Chorus Pro.",
        chargement: "Loading…",
    },
    connexion: Connexion {
        titre: "Sign in",
        intro: "Sign in to file your invoices and follow their processing.",
        email: "Email address",
        mot_de_passe: "Password",
        bouton: "Sign in",
        en_cours: "Signing in…",
        champs_requis: "Enter your email address and your password.",
        erreur_identifiants: "Wrong email address or password. Check what you typed and try again.",
        erreur_reseau: "The server does not answer. Check your connection and try again.",
        erreur_serveur: "The server ran into a problem. Try again in a moment.",
    },
    accueil: Accueil {
        titre: "Home",
        bienvenue: "Welcome",
        intro: "Prepare your invoices, check them before sending and follow them until payment.",
        deposer_titre: "File an invoice",
        deposer_texte: "Drop a PDF: its fields are read in your browser and checked before sending.",
        suivre_titre: "Follow my invoices",
        suivre_texte: "See what needs action and when you will be paid.",
        compte_titre: "My account",
        compte_texte: "Your details, your organisations and your permissions.",
    },
    espaces: Espaces {
        factures_emises_texte: "File, enter, send and follow the invoices issued to public entities.",
        sollicitations_texte: "Your requests to support and their answers.",
        mon_compte_texte: "Personal data, language, notifications, password and permissions.",
        activites_gestionnaire_texte: "Pending attachment requests, users, services and bank details of your organisations.",
        en_construction: "This space is being built.",
    },
    introuvable: Introuvable {
        titre: "Page not found",
        texte: "The requested address matches no Passerelle page.",
        retour: "Back to home",
    },
    erreurs: Erreurs {
        titre: "Something went wrong",
        recharger: "Reload the page",
        config_illisible: "The application settings (config.json) could not be read; default settings are used.",
        inattendue: "Passerelle hit an unexpected error. Reload the page: your saved drafts are kept.",
    },
};
