//! The application embedded in an intranet page (iframe): whether it is framed, where outbound messages
//! go, and the drafts the host page handed over until the deposit screen takes them.
//!
//! The protocol itself (message types, checks, origin matching) is the `integration` crate; the
//! browser side (listening, posting) is `components::integration`. Outbound messages are posted from
//! anywhere, tasks included (no context there), so the parent's origin is kept in a thread-local: the
//! wasm application has one thread.

use std::cell::RefCell;

use extract::resultat::Fields;
use integration::Sortant;
use leptos::prelude::*;

use crate::state::brouillons::{BrouillonDepot, Recu};

thread_local! {
    /// The origin outbound messages are addressed to; `None` posts nothing.
    static ORIGINE_PARENTE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Whether the page is shown inside a frame (its parent window is another window).
pub fn est_dans_un_cadre() -> bool {
    let Some(fenetre) = web_sys::window() else {
        return false;
    };
    match fenetre.parent() {
        Ok(Some(parent)) => parent != fenetre,
        // A parent that cannot be read is another document's.
        Err(_) => true,
        Ok(None) => false,
    }
}

/// Sets (or clears) the origin outbound messages go to.
pub fn choisir_origine_parente(origine: Option<String>) {
    ORIGINE_PARENTE.with(|o| *o.borrow_mut() = origine);
}

/// The origin outbound messages go to, if any.
pub fn origine_parente() -> Option<String> {
    ORIGINE_PARENTE.with(|o| o.borrow().clone())
}

/// Posts a message to the parent page, addressed to its allowed origin only (never `*`). Does nothing
/// when the application is not embedded or the parent's origin is not allowed.
pub fn emettre(message: &Sortant) {
    let Some(origine) = origine_parente() else {
        return;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    // An object, not a string, so the host reads `event.data.type` directly.
    let Ok(valeur) = js_sys::JSON::parse(&integration::ecrire_sortant(message)) else {
        return;
    };
    if let Err(erreur) = parent.post_message(&valeur, &origine) {
        leptos::logging::warn!("integration: postMessage: {erreur:?}");
    }
}

/// `invoice-saved`: a draft handed over by the host is open on the deposit screen.
pub fn brouillon_enregistre(brouillon: &BrouillonDepot) {
    emettre(&Sortant::BrouillonEnregistre {
        draft_id: brouillon.uid.clone(),
        number: brouillon.champs.invoice_number.clone(),
        file_name: brouillon.nom.clone(),
    });
}

/// `invoice-sent`: Chorus Pro received the invoice of this draft.
pub fn facture_envoyee(uid: &str, recu: &Recu) {
    let [ht, vat, ttc, due] = recu.montants.clone();
    emettre(&Sortant::FactureEnvoyee {
        draft_id: uid.to_owned(),
        number: recu.numero.clone(),
        recipient: recu.destinataire.clone(),
        amounts: integration::Montants { ht, vat, ttc, due },
        certificate: recu.empreinte_certificat.clone(),
        identifiant_facture_cpp: recu.identifiant_cpp,
        status: recu.statut.clone(),
        deposit_date: recu.date_depot.clone(),
    });
}

/// `status-changed`: the follow-up saw a new status of a sent invoice (the notifications' polling calls it
/// for each change).
pub fn statut_change(identifiant_facture_cpp: Option<i64>, numero: &str, statut: &str) {
    emettre(&Sortant::StatutChange {
        identifiant_facture_cpp,
        number: numero.to_owned(),
        status: statut.to_owned(),
    });
}

/// A draft handed over by the host page, with its PDF when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct BrouillonRecu {
    /// The draft, as the deposit screen restores one.
    pub brouillon: BrouillonDepot,
    /// The PDF.
    pub pdf: Option<Vec<u8>>,
}

/// The drafts handed over by the host and not yet taken by the deposit screen (in context). They stay
/// in memory: in a third-party frame the browser may refuse local storage altogether.
#[derive(Clone, Copy)]
pub struct BrouillonsRecus(pub RwSignal<Vec<BrouillonRecu>>);

impl BrouillonsRecus {
    /// Provides the empty list.
    pub fn provide() -> BrouillonsRecus {
        let recus = BrouillonsRecus(RwSignal::new(Vec::new()));
        provide_context(recus);
        recus
    }
}

/// The fields of a prefill: what the PDF says (if any), overridden by what the host gave.
pub fn champs_preremplis(
    lus: Fields,
    donnes: &std::collections::BTreeMap<String, String>,
) -> Fields {
    let mut champs = lus;
    for (cle, valeur) in donnes {
        extract::vers_facture::ecrire_champ(&mut champs, cle, valeur);
    }
    champs
}
