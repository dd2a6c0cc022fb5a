-- An upload is marked before its file is removed, and whatever takes or
-- opens an upload skips a marked one. Before this, a citizen's cancellation
-- (DELETE) or the expiry sweep removed the file first and forgot the row
-- after, only if no dossier had taken it meanwhile: a filing between the two
-- took a file that was being removed, and the dossier kept a name with no
-- bytes behind it. The mark is one UPDATE, which waits for a filing that
-- holds the row (FOR UPDATE) and then sees it taken; a filing that comes
-- after the mark refuses the upload. A mark whose removal never finished (a
-- store that failed, a process that died) is picked up by the next sweep.
ALTER TABLE uploads ADD COLUMN marked_for_removal_at timestamptz;
CREATE INDEX uploads_marked_for_removal ON uploads (marked_for_removal_at) WHERE marked_for_removal_at IS NOT NULL;

-- record_upload (migration 007), with the draft's total counted per upload
-- secret: a stranger who knows a draft id could otherwise fill its limit
-- with uploads of their own, and learn from the refusal what it holds.
-- Uploads being removed no longer count.
DROP FUNCTION record_upload(text, text, text, text, text, text, bigint, bigint, integer, integer, text);
CREATE FUNCTION record_upload(
  upload_id text, draft_id text, procedure text, slot_name text, name text, type text, bytes bigint,
  max_draft_bytes bigint, lock_namespace integer, lock_key integer, secret text
) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  held bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_namespace, lock_key);
  SELECT coalesce(sum(size), 0) INTO held FROM uploads
  WHERE draft = draft_id AND secret_hash = secret AND marked_for_removal_at IS NULL;
  IF held + bytes > max_draft_bytes THEN
    RETURN held;
  END IF;
  INSERT INTO uploads (id, draft, procedure_code, slot, file_name, file_type, size, secret_hash)
  VALUES (upload_id, draft_id, procedure, slot_name, name, type, bytes, secret);
  RETURN NULL;
END;
$$;
