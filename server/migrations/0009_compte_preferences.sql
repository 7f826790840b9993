-- Passerelle sandbox schema, part 9: the account's preferences (Mon compte). `notifications` says whether
-- the user wants the notification e-mails (rattachement requests and decisions, sollicitation answers);
-- security e-mails (activation, sign-in codes, password changed) are always sent.
ALTER TABLE utilisateurs ADD COLUMN notifications BOOLEAN NOT NULL DEFAULT TRUE;
