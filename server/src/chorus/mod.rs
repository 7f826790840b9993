//! The Chorus Pro-compatible API on the real paths (`/cpro/<api>/v1/...`), one module per API group,
//! plus the PISTE-style OAuth token endpoint.

pub mod archive;
pub mod compte;
pub mod factures;
pub mod flux;
pub mod oauth;
pub mod structures;
pub mod telechargement;
pub mod transverses;
pub mod utilisateurs;

/// Success `libelle` of structures, transverses and searches (api-reference §6.3).
pub const LIBELLE_SUCCES_TRA: &str = "TRA_MSG_00.000";
/// Success `libelle` of deposits and submissions (api-reference §6.3).
pub const LIBELLE_SUCCES_GCU: &str = "GCU_MSG_01_000";
/// `codeRetour` of an empty search, which is not an error for clients (api-reference §6.3).
pub const CODE_AUCUN_RESULTAT: i32 = 20000;
/// `libelle` of an empty search (observed in production, api-reference §6.3).
pub const LIBELLE_AUCUN_RESULTAT: &str = "TRA_MSG_00.015";

/// Page requested by a Chorus pagination block: (1-based page, page size), bounded.
pub fn pagination(page: Option<i64>, par_page: Option<i64>) -> (i64, i64) {
    // By default a search returns at most 200 results (spec comment, api-reference §3.10); we cap
    // a page at 10 000 so that OCA's 10 000-service pages work.
    let par_page = par_page.filter(|n| *n > 0).unwrap_or(50).min(10_000);
    let page = page.filter(|n| *n > 0).unwrap_or(1);
    (page, par_page)
}

/// `parametresRetour` for a result set of `total` rows.
pub fn parametres_retour(page: i64, par_page: i64, total: i64) -> cpro::factures::ParametresRetour {
    let pages = if total == 0 {
        0
    } else {
        (total + par_page - 1) / par_page
    };
    let as_i32 = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    cpro::factures::ParametresRetour {
        page_courante: Some(as_i32(page)),
        pages: Some(as_i32(pages)),
        nb_resultats_par_page: Some(as_i32(par_page)),
        total: Some(as_i32(total)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_defaults_and_bounds() {
        assert_eq!(pagination(None, None), (1, 50));
        assert_eq!(pagination(Some(0), Some(-3)), (1, 50));
        assert_eq!(pagination(Some(3), Some(1_000_000)), (3, 10_000));
    }

    #[test]
    fn pages_round_up() {
        let retour = parametres_retour(1, 10, 21);
        assert_eq!((retour.pages, retour.total), (Some(3), Some(21)));
        assert_eq!(parametres_retour(1, 10, 0).pages, Some(0));
    }
}
