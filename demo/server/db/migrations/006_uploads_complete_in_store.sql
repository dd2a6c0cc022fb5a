-- An upload's completion is no longer recorded here: the store that holds
-- its bytes knows whether it has all of them, and the content check now
-- runs on the first bytes, before anything past them is stored
-- (demo/server/uploads/node-body.ts), so a file stored in full is a file
-- that passed. Filing asks the store (demo/server/dossiers/attachments.ts).
-- The column cost every upload a write after its last byte, while the
-- citizen waited for the answer.
--
-- Files stored before this change carry no such proof: one whose last
-- request died before its check, or one refused whose removal failed, is
-- complete in the store without having passed. No dossier took them (they
-- were never complete here), so they are expired now and the sweep removes
-- them, bytes and row; an upload under way when the backend was upgraded
-- starts again, which its client does by itself.
UPDATE uploads SET created_at = '-infinity' WHERE completed_at IS NULL AND dossier_code IS NULL;
ALTER TABLE uploads DROP COLUMN completed_at;
