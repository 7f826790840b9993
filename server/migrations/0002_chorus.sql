-- Passerelle sandbox schema, part 2: PISTE-style OAuth clients and tokens, files, invoices and their history.

CREATE TABLE clients_oauth (
    client_id TEXT PRIMARY KEY,
    secret_sha256 TEXT NOT NULL
);

-- Only the SHA-256 of an access token is stored.
CREATE TABLE jetons_oauth (
    token_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients_oauth (client_id),
    expire_le TEXT NOT NULL
);

-- Uploaded files (deposer/pdf, ajouter/fichier), base64 text so the column type is the same on both databases.
CREATE TABLE pieces_jointes (
    id BIGINT PRIMARY KEY,
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    nom TEXT NOT NULL,
    extension TEXT NOT NULL,
    taille BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    contenu_base64 TEXT NOT NULL,
    depose_le TEXT NOT NULL
);

CREATE TABLE factures (
    id BIGINT PRIMARY KEY,
    id_fournisseur BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    id_service_fournisseur BIGINT,
    numero TEXT NOT NULL,
    mode_depot TEXT NOT NULL,
    type_facture TEXT NOT NULL,
    date_facture TEXT,
    date_depot TEXT NOT NULL,
    id_destinataire BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    id_service_executant BIGINT REFERENCES services (id_service),
    cadre_facturation TEXT NOT NULL,
    code_structure_valideur TEXT,
    devise TEXT NOT NULL,
    numero_marche TEXT,
    numero_bon_commande TEXT,
    montant_ht TEXT,
    montant_tva TEXT,
    montant_ttc TEXT,
    montant_a_payer TEXT,
    statut TEXT NOT NULL,
    date_heure_etat_courant TEXT NOT NULL,
    commentaire_etat_courant TEXT,
    rejet_traite BOOLEAN NOT NULL DEFAULT FALSE,
    id_piece_principale BIGINT REFERENCES pieces_jointes (id),
    empreinte_certificat TEXT NOT NULL,
    empreinte_requete TEXT NOT NULL,
    cle_idempotence TEXT,
    id_utilisateur_createur BIGINT NOT NULL REFERENCES utilisateurs (id),
    requete_json TEXT NOT NULL,
    UNIQUE (id_fournisseur, numero)
);
CREATE INDEX factures_fournisseur_depot ON factures (id_fournisseur, date_depot);

CREATE TABLE historique_statuts (
    id BIGINT PRIMARY KEY,
    id_facture BIGINT NOT NULL REFERENCES factures (id),
    statut TEXT NOT NULL,
    date_passage TEXT NOT NULL,
    commentaire TEXT,
    id_utilisateur BIGINT REFERENCES utilisateurs (id)
);
CREATE INDEX historique_facture ON historique_statuts (id_facture);

CREATE TABLE actions_utilisateurs (
    id BIGINT PRIMARY KEY,
    id_facture BIGINT NOT NULL REFERENCES factures (id),
    code TEXT NOT NULL,
    date_heure TEXT NOT NULL,
    id_utilisateur BIGINT REFERENCES utilisateurs (id)
);
