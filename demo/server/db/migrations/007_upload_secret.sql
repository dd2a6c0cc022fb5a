-- Every upload is bound to its draft's upload secret (the Dvc-Upload-Secret
-- header; src/api/contract/uploads.ts), of which only the SHA-256 is kept
-- here. Before this, an upload id was enough to read a file, follow it or
-- cancel it, and a draft id (which the HEAD answer gave away) enough to
-- file a stranger's upload in another dossier. Now the endpoint answers a
-- request about an upload only when it carries the secret, and a dossier
-- takes an upload only when filed with it.
--
-- Uploads made before this change have no secret: nothing can prove whose
-- they are, so no request and no dossier can use them any more, and the
-- sweep removes them (expired now, as migration 006 expired its own). A
-- citizen in the middle of a dossier uploads those files again.
ALTER TABLE uploads ADD COLUMN secret_hash text;
UPDATE uploads SET created_at = '-infinity' WHERE dossier_code IS NULL;

-- record_upload (migration 005) with the secret's hash: the same single
-- statement on the path of every upload.
DROP FUNCTION record_upload(text, text, text, text, text, text, bigint, bigint, integer, integer);
CREATE FUNCTION record_upload(
  upload_id text, draft_id text, procedure text, slot_name text, name text, type text, bytes bigint,
  max_draft_bytes bigint, lock_namespace integer, lock_key integer, secret text
) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  held bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_namespace, lock_key);
  SELECT coalesce(sum(size), 0) INTO held FROM uploads WHERE draft = draft_id;
  IF held + bytes > max_draft_bytes THEN
    RETURN held;
  END IF;
  INSERT INTO uploads (id, draft, procedure_code, slot, file_name, file_type, size, secret_hash)
  VALUES (upload_id, draft_id, procedure, slot_name, name, type, bytes, secret);
  RETURN NULL;
END;
$$;
