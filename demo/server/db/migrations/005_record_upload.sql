-- The creation of every upload in one statement: the draft's lock, the
-- per-draft limit and the insert, as `recordUpload` in
-- demo/server/uploads/repository.ts did them in a transaction of four
-- (BEGIN, lock, insert, COMMIT). On PGlite each statement is a call into
-- the engine, on PostgreSQL a round trip; an upload waits for one instead of
-- four. Returns NULL when the upload was recorded; otherwise records nothing
-- and returns the bytes the draft already holds.
--
-- The lock is a transaction lock, held until the statement's implicit
-- transaction ends; under READ COMMITTED each statement of a VOLATILE
-- function takes its own snapshot, so the sum, taken after the lock, sees
-- every file of the draft that was committed before (STABLE would not).
CREATE FUNCTION record_upload(
  upload_id text, draft_id text, procedure text, slot_name text, name text, type text, bytes bigint,
  max_draft_bytes bigint, lock_namespace integer, lock_key integer
) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  held bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_namespace, lock_key);
  SELECT coalesce(sum(size), 0) INTO held FROM uploads WHERE draft = draft_id;
  IF held + bytes > max_draft_bytes THEN
    RETURN held;
  END IF;
  INSERT INTO uploads (id, draft, procedure_code, slot, file_name, file_type, size)
  VALUES (upload_id, draft_id, procedure, slot_name, name, type, bytes);
  RETURN NULL;
END;
$$;
