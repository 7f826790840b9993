-- Passerelle schema, part 13: the portal's event feed (`GET /portail/v1/evenements`). One row per event, written
-- in the transaction of the change it tells about, with an id taken from the `evenements` counter in that same
-- transaction: ids grow in commit order, so a client that resumes after the last id it saw misses nothing.
-- Who sees an event: `id_utilisateur` (the requester of a rattachement, the emitter of a sollicitation), and the
-- users attached to `id_structure` with consultation on `espace` (FACTURES_EMISES, SOLLICITATIONS); an event
-- without `espace` is for `id_utilisateur` only.
CREATE TABLE evenements (
    id BIGINT PRIMARY KEY,
    type_evenement TEXT NOT NULL,
    horodatage TEXT NOT NULL,
    id_utilisateur BIGINT REFERENCES utilisateurs (id),
    id_structure BIGINT REFERENCES structures (id_structure_cpp),
    espace TEXT,
    id_objet BIGINT NOT NULL,
    numero TEXT,
    statut TEXT,
    libelle TEXT NOT NULL
);
CREATE INDEX evenements_utilisateur ON evenements (id_utilisateur, id);
CREATE INDEX evenements_structure ON evenements (id_structure, id);
