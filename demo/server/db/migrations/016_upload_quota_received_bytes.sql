-- The address quota (migration 012) counts the bytes an address has really
-- stored, not the sizes it declared. Counting declared sizes at creation let
-- anyone behind a shared address (a commune office's NAT, a carrier's) fill
-- the quota with a few dozen creations that never send a byte, and lock
-- everyone else there out of uploading until they expired, a day later.
--
-- received: the upload's offset after its last write (uploads/hooks.ts).
-- A new upload is admitted when what its address has stored, plus its own
-- size, stays within the quota; every write is admitted again the same way
-- (uploads/node-body.ts), so uploads created at once, before any of them
-- stored a byte, still cannot together store past it.
ALTER TABLE uploads ADD COLUMN received bigint NOT NULL DEFAULT 0;

-- client_key now holds a keyed hash of the address key (uploads/hooks.ts),
-- so a copy of the table holds no citizen's address; the keys written in
-- clear before are dropped (those uploads, a day old at most, then count
-- against no address until they expire).
UPDATE uploads SET client_key = NULL;

CREATE OR REPLACE FUNCTION record_upload(
  upload_id text, draft_id text, procedure text, slot_name text, name text, type text, bytes bigint,
  max_draft_bytes bigint, lock_namespace integer, lock_key integer, secret text,
  client text, max_client_bytes bigint, client_lock_namespace integer, client_lock_key integer,
  OUT limit_reached text, OUT held bigint
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(client_lock_namespace, client_lock_key);
  PERFORM pg_advisory_xact_lock(lock_namespace, lock_key);
  SELECT coalesce(sum(received), 0) INTO held FROM uploads
  WHERE client_key = client AND dossier_code IS NULL AND marked_for_removal_at IS NULL;
  IF held + bytes > max_client_bytes THEN
    limit_reached := 'address';
    RETURN;
  END IF;
  SELECT coalesce(sum(size), 0) INTO held FROM uploads
  WHERE draft = draft_id AND secret_hash = secret AND marked_for_removal_at IS NULL;
  IF held + bytes > max_draft_bytes THEN
    limit_reached := 'draft';
    RETURN;
  END IF;
  INSERT INTO uploads (id, draft, procedure_code, slot, file_name, file_type, size, secret_hash, client_key)
  VALUES (upload_id, draft_id, procedure, slot_name, name, type, bytes, secret, client);
  held := NULL;
END;
$$;
