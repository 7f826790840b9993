//! The buyer kind of each recipient (30, 50 or 60 days of délai global de paiement): presumed from its
//! name (`facture::delai::type_acheteur_presume`), or as the user set it on an invoice's page, remembered
//! on this device per recipient identifier.

use std::collections::BTreeMap;

use facture::delai::{type_acheteur_presume, TypeAcheteur};

const CLE: &str = "passerelle.acheteurs";

fn stockage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn choix() -> BTreeMap<String, TypeAcheteur> {
    stockage()
        .and_then(|s| s.get_item(CLE).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn cle(identifiant: &str) -> String {
    identifiant.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The buyer kind of a recipient: the user's choice for it, else the one its name suggests.
pub fn type_acheteur(identifiant: &str, designation: &str) -> TypeAcheteur {
    choix()
        .get(&cle(identifiant))
        .copied()
        .unwrap_or_else(|| type_acheteur_presume(designation))
}

/// Remembers the user's choice for a recipient.
pub fn choisir(identifiant: &str, type_acheteur: TypeAcheteur) {
    let mut tous = choix();
    tous.insert(cle(identifiant), type_acheteur);
    if let (Some(s), Ok(texte)) = (stockage(), serde_json::to_string(&tous)) {
        let _ = s.set_item(CLE, &texte);
    }
}
