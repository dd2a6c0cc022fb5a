-- Virus scanning of finished uploads (demo/server/uploads/scan.ts): when
-- clamd is configured, each finished upload is scanned before any dossier
-- may take it, and this records that the scan found it clean. An infected
-- file never gets here: it is marked and removed like a cancellation
-- (migration 008). A file whose scan could not run (clamd down) stays null
-- until a retry scans it, and a filing refuses it meanwhile. Without a
-- scanner the column is not read, so uploads made while scanning was off
-- are scanned on their next resume once it is on, or refused by a filing.
ALTER TABLE uploads ADD COLUMN scanned_at timestamptz;
