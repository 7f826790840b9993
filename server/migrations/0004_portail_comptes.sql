-- Passerelle sandbox schema, part 4: the portal's own accounts (creation, activation, second factor)
-- and the outbox of outgoing e-mails (the sandbox sends nothing to the network).

-- Outgoing e-mails, kept for inspection (`GET /portail/v1/outbox`). `nature` says why it was sent
-- (ACTIVATION, CODE_CONNEXION, DEMANDE_RATTACHEMENT, DECISION_RATTACHEMENT...).
CREATE TABLE courriels (
    id BIGINT PRIMARY KEY,
    destinataire TEXT NOT NULL,
    sujet TEXT NOT NULL,
    corps TEXT NOT NULL,
    nature TEXT NOT NULL,
    cree_le TEXT NOT NULL
);
CREATE INDEX courriels_destinataire ON courriels (destinataire, id);

-- Accounts seeded before this migration are active and sign in without a second factor.
-- `second_facteur` is AUCUN, EMAIL or TOTP; the TOTP secret (base32) must be kept readable to check codes;
-- `totp_dernier_pas` refuses a code replayed within its 30 s step.
ALTER TABLE utilisateurs ADD COLUMN actif BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE utilisateurs ADD COLUMN telephone TEXT NOT NULL DEFAULT '';
ALTER TABLE utilisateurs ADD COLUMN email_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE utilisateurs ADD COLUMN question_secrete TEXT NOT NULL DEFAULT '';
ALTER TABLE utilisateurs ADD COLUMN reponse_secrete_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE utilisateurs ADD COLUMN cgu_acceptees_le TEXT;
ALTER TABLE utilisateurs ADD COLUMN cree_le TEXT;
ALTER TABLE utilisateurs ADD COLUMN second_facteur TEXT NOT NULL DEFAULT 'AUCUN';
ALTER TABLE utilisateurs ADD COLUMN totp_secret TEXT;
ALTER TABLE utilisateurs ADD COLUMN totp_secret_en_attente TEXT;
ALTER TABLE utilisateurs ADD COLUMN totp_dernier_pas BIGINT;

-- Anti-robot challenges of the account form: single use, short-lived.
CREATE TABLE defis (
    id TEXT PRIMARY KEY,
    reponse TEXT NOT NULL,
    expire_le TEXT NOT NULL
);

-- Single-use links sent by e-mail (activation); only the SHA-256 of the token is stored.
CREATE TABLE jetons_compte (
    jeton_hash TEXT PRIMARY KEY,
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    nature TEXT NOT NULL,
    expire_le TEXT NOT NULL
);

-- A sign-in waiting for its second factor: the password was right, no session yet.
-- `code_hash` is the SHA-256 of the e-mailed code salted with the token (NULL for TOTP).
CREATE TABLE connexions_en_attente (
    jeton_hash TEXT PRIMARY KEY,
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    methode TEXT NOT NULL,
    code_hash TEXT,
    essais_restants BIGINT NOT NULL,
    expire_le TEXT NOT NULL
);
