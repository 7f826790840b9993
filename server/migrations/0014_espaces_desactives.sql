-- Passerelle schema, part 14: espaces a structure's gestionnaire principal turned off (Activités du gestionnaire
-- › Espaces). While an espace is off, nobody attached to the structure reads or changes it: it overrides every
-- habilitation, the rattachement's and the per-espace ones. The gestionnaires' own espace cannot be turned off.
CREATE TABLE espaces_desactives (
    id_structure BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    espace TEXT NOT NULL,
    PRIMARY KEY (id_structure, espace)
);
