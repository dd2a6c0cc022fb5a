-- The lookup hash becomes keyed (HMAC with LOOKUP_KEY, demo/server/dossiers/secret.ts),
-- and the applicant's ID number is no longer kept in clear.
--
-- Before this, lookup_secret_hash and request_hash were plain SHA-256: of a
-- 12-digit ID number, which anyone with a copy of the database undoes by
-- trying them all, and the submission kept the ID number itself. The
-- database cannot compute the HMAC (the key is not in it), so rows made
-- before are marked here and rekeyed by the backend at its start
-- (lookup/rekey.ts: HMAC of the stored SHA-256, which needs no secret).
ALTER TABLE dossiers ADD COLUMN hashes_keyed boolean NOT NULL DEFAULT false;
ALTER TABLE dossiers ALTER COLUMN hashes_keyed SET DEFAULT true;
CREATE INDEX dossiers_hashes_unkeyed ON dossiers (code) WHERE NOT hashes_keyed;

-- What the lookup needs of the ID number is its keyed hash; officers' views
-- never showed it. A person's ID and an organisation's representative's go.
UPDATE dossiers
SET submission = submission #- '{applicant,personalId}' #- '{applicant,representative,personalId}';
