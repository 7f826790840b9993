-- Passerelle sandbox schema, part 3: suppliers' bank accounts (recuperer/coordbanc/valides) and
-- deposited flux (deposer/flux, consulterCRDetaille).

-- A bank account of a structure; `soumettre` takes its id as `codeCoordonneesBancairesFournisseur`.
CREATE TABLE coordonnees_bancaires (
    id BIGINT PRIMARY KEY,
    id_structure BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    nom TEXT NOT NULL,
    iban TEXT NOT NULL,
    bic TEXT NOT NULL,
    valide BOOLEAN NOT NULL
);
CREATE INDEX coordonnees_bancaires_structure ON coordonnees_bancaires (id_structure);

-- A deposited flux and its processing report. Errors are the report's JSON lists
-- (`listeErreurDP`, `listeErreurTechnique`), kept as text so the column type is the same on both databases.
CREATE TABLE flux_depots (
    numero TEXT PRIMARY KEY,
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    nom_fichier TEXT NOT NULL,
    syntaxe TEXT NOT NULL,
    depose_le TEXT NOT NULL,
    etat TEXT NOT NULL,
    date_heure_etat TEXT NOT NULL,
    id_facture BIGINT REFERENCES factures (id),
    erreurs_dp_json TEXT NOT NULL,
    erreurs_techniques_json TEXT NOT NULL
);
CREATE INDEX flux_depots_facture ON flux_depots (id_facture);
