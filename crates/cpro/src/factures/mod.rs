//! `/cpro/factures/v1/...`: the supplier-side invoice operations, one submodule per operation.
//!
//! Types are re-exported here, so callers write `cpro::factures::SoumettreRequest`.
//! Request types are named `<Operation>Request`, answers `<Operation>Response`; nested blocks keep
//! the wire key's name (`Destinataire`, `LignePoste`), suffixed `FactureEmise` where the
//! consultation's block differs from the `soumettre` one.

mod actions;
mod consulter;
mod deposer_flux;
mod deposer_pdf;
mod historique;
mod rechercher;
mod soumettre;

pub use crate::codes::{
    ActionFournisseur, ActionUtilisateur, CadreFacturation, FormatDepot, ModeDepot, ModePaiement,
    StatutFacture, SyntaxeFlux, TriSens, TypeCoordonneesBancaires, TypeDemandePaiement,
    TypeFacture, TypeFactureTravaux, TypeIdentifiantStructure, TypeTva,
};
pub use crate::retour::{Reponse, Retour};
pub use actions::*;
pub use consulter::*;
pub use deposer_flux::*;
pub use deposer_pdf::*;
pub use historique::*;
pub use rechercher::*;
pub use soumettre::*;

/// Path of `soumettre` under the API base.
pub const CHEMIN_SOUMETTRE: &str = "/cpro/factures/v1/soumettre";
/// Path of `deposer/pdf` under the API base.
pub const CHEMIN_DEPOSER_PDF: &str = "/cpro/factures/v1/deposer/pdf";
/// Path of `deposer/flux` under the API base.
pub const CHEMIN_DEPOSER_FLUX: &str = "/cpro/factures/v1/deposer/flux";
/// Path of `rechercher/fournisseur` under the API base.
pub const CHEMIN_RECHERCHER_FOURNISSEUR: &str = "/cpro/factures/v1/rechercher/fournisseur";
/// Path of `rechercher/atraiter/fournisseur` under the API base.
pub const CHEMIN_RECHERCHER_ATRAITER_FOURNISSEUR: &str =
    "/cpro/factures/v1/rechercher/atraiter/fournisseur";
/// Path of `consulter/fournisseur` under the API base.
pub const CHEMIN_CONSULTER_FOURNISSEUR: &str = "/cpro/factures/v1/consulter/fournisseur";
/// Path of `consulter/historique` under the API base.
pub const CHEMIN_CONSULTER_HISTORIQUE: &str = "/cpro/factures/v1/consulter/historique";
/// Path of `recycler` under the API base.
pub const CHEMIN_RECYCLER: &str = "/cpro/factures/v1/recycler";
/// Path of `completer` under the API base.
pub const CHEMIN_COMPLETER: &str = "/cpro/factures/v1/completer";
/// Path of `traiterRejet` under the API base.
pub const CHEMIN_TRAITER_REJET: &str = "/cpro/factures/v1/traiterRejet";
/// Path of `corriger/valideur/facture` under the API base.
pub const CHEMIN_CORRIGER_VALIDEUR: &str = "/cpro/factures/v1/corriger/valideur/facture";
/// Path of `telecharger/groupe` under the API base.
pub const CHEMIN_TELECHARGER_GROUPE: &str = "/cpro/factures/v1/telecharger/groupe";
