-- The printed lookup code is no longer kept in clear. Before this, the
-- receipt kept whole for a retried filing (same idempotency key) held it:
-- whoever copied the database could look up every dossier filed with one.
-- Now the receipt is kept without it and the code sealed beside it with a
-- key derived from LOOKUP_KEY (demo/server/dossiers/secret.ts), which lives
-- outside the database. The database cannot seal, so rows filed before are
-- sealed by the backend at its start (dossiers/sealing.ts), found through
-- the index below, each once even when several instances start together.
ALTER TABLE dossiers ADD COLUMN lookup_code_sealed text;
CREATE INDEX dossiers_lookup_code_in_clear ON dossiers (code) WHERE receipt->'lookup' ? 'value';
