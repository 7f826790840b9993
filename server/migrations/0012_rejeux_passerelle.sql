-- Passerelle schema, part 12: gateway mode's `Idempotency-Key` replays. PISTE's first successful answer to a
-- call carrying a key, by (portal user, key), so that a retry after a server restart is answered from here
-- instead of being sent to Chorus Pro a second time. `empreinte` is the SHA-256 (hex) of the request body (the
-- same key with another body is refused); `corps` is PISTE's JSON answer. Rows older than the replay lifetime
-- (24 h) are ignored and purged.
CREATE TABLE rejeux_passerelle (
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    cle TEXT NOT NULL,
    empreinte TEXT NOT NULL,
    statut_http BIGINT NOT NULL,
    type_contenu TEXT,
    corps TEXT NOT NULL,
    cree_le TEXT NOT NULL,
    PRIMARY KEY (id_utilisateur, cle)
);
CREATE INDEX rejeux_passerelle_age ON rejeux_passerelle (cree_le);
