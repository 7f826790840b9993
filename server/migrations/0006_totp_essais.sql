-- Passerelle sandbox schema, part 6: wrong codes allowed while confirming a TOTP enrolment
-- (reset by each new enrolment; at 0 the enrolment is dropped).
ALTER TABLE utilisateurs ADD COLUMN totp_essais_restants BIGINT NOT NULL DEFAULT 5;
