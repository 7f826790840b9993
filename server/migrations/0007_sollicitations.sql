-- Passerelle sandbox schema, part 7: sollicitations (support tickets) with their thread of activities
-- and the files attached to messages.
CREATE TABLE sollicitations (
    id BIGINT PRIMARY KEY,
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    id_structure BIGINT REFERENCES structures (id_structure_cpp),
    categorie TEXT NOT NULL,
    sous_categorie TEXT NOT NULL,
    sujet TEXT NOT NULL,
    description TEXT NOT NULL,
    type_objet TEXT,
    numero_objet TEXT,
    id_facture BIGINT REFERENCES factures (id),
    destinataire TEXT NOT NULL,
    email_destinataire TEXT NOT NULL,
    statut TEXT NOT NULL,
    cree_le TEXT NOT NULL,
    modifie_le TEXT NOT NULL
);
CREATE INDEX sollicitations_utilisateur ON sollicitations (id_utilisateur);
CREATE INDEX sollicitations_structure ON sollicitations (id_structure);

CREATE TABLE activites_sollicitation (
    id BIGINT PRIMARY KEY,
    id_sollicitation BIGINT NOT NULL REFERENCES sollicitations (id),
    auteur TEXT NOT NULL,
    nom_auteur TEXT NOT NULL,
    texte TEXT NOT NULL,
    statut TEXT,
    cree_le TEXT NOT NULL
);
CREATE INDEX activites_sollicitation_fil ON activites_sollicitation (id_sollicitation, id);

CREATE TABLE pieces_sollicitation (
    id BIGINT PRIMARY KEY,
    id_activite BIGINT NOT NULL REFERENCES activites_sollicitation (id),
    nom TEXT NOT NULL,
    type_mime TEXT NOT NULL,
    taille BIGINT NOT NULL,
    contenu_base64 TEXT NOT NULL
);
CREATE INDEX pieces_sollicitation_activite ON pieces_sollicitation (id_activite);
