-- A quota per client address on the uploads no dossier has taken yet
-- (UPLOAD_MAX_ADDRESS_BYTES). Before this, uploads were limited only per
-- draft, and a draft id is the client's to choose: one client making new
-- drafts could fill the disk or the bucket. Now the unfiled uploads of one
-- address (an IPv4 address or an IPv6 /64, as the lookup's rate limit counts
-- it: http/client-address.ts) may hold at most that many bytes; filing a
-- dossier, cancelling an upload or its expiry frees them.
--
-- The address is kept only as long as it is needed: it is cleared when a
-- dossier takes the upload (demo/server/uploads/repository.ts), and an
-- upload never filed is removed with its row at expiry. Rows made before
-- this migration have none and count against no address.
ALTER TABLE uploads ADD COLUMN client_key text;
CREATE INDEX uploads_unfiled_by_client ON uploads (client_key)
  WHERE client_key IS NOT NULL AND dossier_code IS NULL AND marked_for_removal_at IS NULL;

-- record_upload (migration 008) with the address quota: one statement still.
-- Two locks, always in this order (the address's, then the draft's; each
-- in a namespace of its own), so
-- that two uploads from one address, of one draft or of two, cannot pass a
-- limit together and never wait for each other in a cycle. Returns NULL
-- when the upload was recorded; otherwise records nothing and returns
-- which limit it would pass and what is already held there.
DROP FUNCTION record_upload(text, text, text, text, text, text, bigint, bigint, integer, integer, text);
CREATE FUNCTION record_upload(
  upload_id text, draft_id text, procedure text, slot_name text, name text, type text, bytes bigint,
  max_draft_bytes bigint, lock_namespace integer, lock_key integer, secret text,
  client text, max_client_bytes bigint, client_lock_namespace integer, client_lock_key integer,
  OUT limit_reached text, OUT held bigint
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(client_lock_namespace, client_lock_key);
  PERFORM pg_advisory_xact_lock(lock_namespace, lock_key);
  SELECT coalesce(sum(size), 0) INTO held FROM uploads
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
