-- Passerelle sandbox schema, part 5: the company register that pre-fills structure creation, and the
-- requests to be attached to a structure with their decision.

-- A (fictional) national company register, by SIRET: what the portal pre-fills when a structure is created.
CREATE TABLE registre_entreprises (
    siret TEXT PRIMARY KEY,
    raison_sociale TEXT NOT NULL,
    adresse TEXT NOT NULL,
    code_postal TEXT NOT NULL,
    ville TEXT NOT NULL
);

-- A user's request to be attached to a structure. `statut` is EN_ATTENTE, ACCEPTEE or REFUSEE;
-- `habilitation` (CONSULTATION or MODIFICATION) and `motif` come with the decision of a gestionnaire.
CREATE TABLE demandes_rattachement (
    id BIGINT PRIMARY KEY,
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    id_structure BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    commentaire TEXT NOT NULL,
    statut TEXT NOT NULL,
    cree_le TEXT NOT NULL,
    habilitation TEXT,
    motif TEXT,
    traite_le TEXT,
    id_decideur BIGINT REFERENCES utilisateurs (id)
);
CREATE INDEX demandes_rattachement_structure ON demandes_rattachement (id_structure, statut);
CREATE INDEX demandes_rattachement_utilisateur ON demandes_rattachement (id_utilisateur);
