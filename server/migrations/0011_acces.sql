-- Passerelle sandbox schema, part 11: sign-in attempts. Five wrong passwords in a row lock the address for
-- an hour (as Chorus Pro does, with a clear message here). Kept by address, whether an account has it or not,
-- so that the answer never tells which addresses are accounts.
CREATE TABLE tentatives_connexion (
    email TEXT PRIMARY KEY,
    echecs BIGINT NOT NULL,
    verrouille_jusqu_au TEXT
);
