//! `/cpro/factures/v1/...`: the supplier-side invoice operations, one submodule per operation.
//!
//! Types are re-exported here, so callers write `cpro::factures::SoumettreRequest`.

mod deposer_pdf;
mod soumettre;

pub use crate::codes::{
    ActionFournisseur, CadreFacturation, FormatDepot, ModeDepot, ModePaiement, StatutFacture,
    SyntaxeFlux, TypeFacture, TypeIdentifiantStructure, TypeTva,
};
pub use crate::retour::{Reponse, Retour};
pub use deposer_pdf::{DeposerPdfRequest, DeposerPdfResponse};
pub use soumettre::{
    CadreDeFacturation, Destinataire, Fournisseur, LignePoste, LigneTva, MontantTotal,
    PieceJointeComplementaire, PieceJointePrincipale, References, SoumettreRequest,
    SoumettreResponse,
};

/// Path of `soumettre` under the API base.
pub const CHEMIN_SOUMETTRE: &str = "/cpro/factures/v1/soumettre";
/// Path of `deposer/pdf` under the API base.
pub const CHEMIN_DEPOSER_PDF: &str = "/cpro/factures/v1/deposer/pdf";
