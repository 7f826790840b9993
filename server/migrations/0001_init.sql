-- Passerelle sandbox schema, part 1: directory, accounts, sessions.
-- Portable SQL: runs on SQLite and PostgreSQL (explicit ids from `compteurs`, TEXT timestamps in ISO 8601 UTC,
-- BOOLEAN columns, `$n` parameters in queries).

CREATE TABLE compteurs (
    nom TEXT PRIMARY KEY,
    valeur BIGINT NOT NULL
);

CREATE TABLE structures (
    id_structure_cpp BIGINT PRIMARY KEY,
    identifiant TEXT NOT NULL,
    type_identifiant TEXT NOT NULL,
    raison_sociale TEXT NOT NULL,
    type_structure TEXT NOT NULL,
    actif BOOLEAN NOT NULL,
    code_service_doit_etre_renseigne BOOLEAN NOT NULL DEFAULT FALSE,
    numero_ej_doit_etre_renseigne BOOLEAN NOT NULL DEFAULT FALSE,
    gestion_numero_ej_ou_code_service BOOLEAN NOT NULL DEFAULT FALSE,
    adresse TEXT NOT NULL DEFAULT '',
    code_postal TEXT NOT NULL DEFAULT '',
    ville TEXT NOT NULL DEFAULT '',
    code_pays TEXT NOT NULL DEFAULT 'FR',
    email TEXT NOT NULL DEFAULT '',
    numero_tva TEXT NOT NULL DEFAULT '',
    UNIQUE (type_identifiant, identifiant)
);

CREATE TABLE services (
    id_service BIGINT PRIMARY KEY,
    id_structure BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    code_service TEXT NOT NULL,
    libelle TEXT NOT NULL,
    actif BOOLEAN NOT NULL,
    numero_engagement_requis BOOLEAN NOT NULL DEFAULT FALSE,
    date_debut TEXT NOT NULL DEFAULT '2017-01-01 00:00',
    date_fin TEXT NOT NULL DEFAULT '2050-12-31 00:00',
    UNIQUE (id_structure, code_service)
);

CREATE TABLE utilisateurs (
    id BIGINT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    langue TEXT NOT NULL DEFAULT 'fr',
    mot_de_passe_hash TEXT NOT NULL
);

-- A user's attachment to a structure; `habilitation` is CONSULTATION or MODIFICATION.
CREATE TABLE rattachements (
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    id_structure BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    role TEXT NOT NULL,
    habilitation TEXT NOT NULL,
    PRIMARY KEY (id_utilisateur, id_structure)
);

-- Only the SHA-256 of a session token is stored, so a database leak does not leak live sessions.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    expire_le TEXT NOT NULL
);
