//! The `{codeRetour, libelle}` pair every Chorus Pro answer carries, and the trait that reads it.

use serde::{Deserialize, Serialize};

/// The business result of a call: `codeRetour` 0 is success, anything else a refusal
/// (which can come with HTTP 200, api-reference §1.5). Also the whole body of error answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Retour {
    /// `codeRetour`: 0 on success; other values are per operation (see [`crate::limites::codes_retour`]).
    #[serde(rename = "codeRetour")]
    pub code_retour: i32,
    /// `libelle`: message code or text, e.g. `GCU_MSG_01_000`.
    #[serde(rename = "libelle")]
    pub libelle: String,
}

impl Retour {
    /// A success with the given message code.
    pub fn succes(libelle: impl Into<String>) -> Self {
        Retour {
            code_retour: 0,
            libelle: libelle.into(),
        }
    }

    /// True when `codeRetour` is 0.
    pub fn est_succes(&self) -> bool {
        self.code_retour == 0
    }
}

/// Implemented by every answer type: each carries `codeRetour` and `libelle` as its own fields.
///
/// They are plain fields rather than a `#[serde(flatten)]`ed [`Retour`] because flattening
/// buffers the map and breaks the exact reading of amounts (see `wire::montant`).
pub trait Reponse {
    /// `codeRetour` of the answer.
    fn code_retour(&self) -> i32;

    /// `libelle` of the answer.
    fn libelle(&self) -> &str;

    /// The pair as a [`Retour`].
    fn retour(&self) -> Retour {
        Retour {
            code_retour: self.code_retour(),
            libelle: self.libelle().to_owned(),
        }
    }

    /// True when `codeRetour` is 0.
    fn est_succes(&self) -> bool {
        self.code_retour() == 0
    }

    /// True when a search found nothing (`codeRetour` 20000 or 20007): show an empty list, not an
    /// error (api-reference §6.3).
    fn est_recherche_vide(&self) -> bool {
        crate::limites::codes_retour::est_recherche_vide(self.code_retour())
    }
}

impl Reponse for Retour {
    fn code_retour(&self) -> i32 {
        self.code_retour
    }

    fn libelle(&self) -> &str {
        &self.libelle
    }
}

/// Implements [`Reponse`] for answer structs with `code_retour` and `libelle` fields.
macro_rules! impl_reponse {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl $crate::retour::Reponse for $ty {
                fn code_retour(&self) -> i32 {
                    self.code_retour
                }

                fn libelle(&self) -> &str {
                    &self.libelle
                }
            }
        )+
    };
}
pub(crate) use impl_reponse;
