-- Passerelle sandbox schema, part 7: what the gestionnaires of a structure manage.

-- The holder of a bank account (the name printed on the RIB); empty for accounts seeded before it.
ALTER TABLE coordonnees_bancaires ADD COLUMN titulaire TEXT NOT NULL DEFAULT '';

-- A user's habilitation on one espace of a structure (CONSULTATION or MODIFICATION), set by a gestionnaire.
-- Without a row, the rattachement's `habilitation` applies; that column always holds the Factures émises one,
-- which the Chorus Pro API checks.
CREATE TABLE habilitations_espaces (
    id_utilisateur BIGINT NOT NULL,
    id_structure BIGINT NOT NULL,
    espace TEXT NOT NULL,
    habilitation TEXT NOT NULL,
    PRIMARY KEY (id_utilisateur, id_structure, espace),
    FOREIGN KEY (id_utilisateur, id_structure) REFERENCES rattachements (id_utilisateur, id_structure)
);
