-- Passerelle sandbox schema, part 10: works pieces (situations de travaux) prepared by the supplier, validated,
-- then sent to Chorus Pro by hand or automatically once their delay has passed (portal feature).
-- `donnees` is the piece as `facture::travaux::SituationTravaux` (JSON); `envoi_prevu_le` and `transmise_le`
-- repeat what the scheduler queries. `erreur_transmission` keeps why the last sending was refused.
CREATE TABLE situations_travaux (
    id BIGINT PRIMARY KEY,
    id_structure BIGINT NOT NULL REFERENCES structures (id_structure_cpp),
    id_utilisateur BIGINT NOT NULL REFERENCES utilisateurs (id),
    donnees TEXT NOT NULL,
    envoi_prevu_le TEXT,
    transmise_le TEXT,
    erreur_transmission TEXT,
    cree_le TEXT NOT NULL,
    modifie_le TEXT NOT NULL
);
CREATE INDEX situations_travaux_structure ON situations_travaux (id_structure, id);
CREATE INDEX situations_travaux_envoi ON situations_travaux (envoi_prevu_le);

-- Minutes between the final validation of a works piece and its automatic sending; 0 sends by hand only.
ALTER TABLE utilisateurs ADD COLUMN delai_envoi_travaux_minutes BIGINT NOT NULL DEFAULT 60;
