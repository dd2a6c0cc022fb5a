-- The dossier lookup's one query (demo/server/lookup/citizen-view.ts), as a
-- function: PL/pgSQL plans it once per connection and keeps the plan, and
-- parsing and planning this statement cost more than running it (on PGlite,
-- PostgreSQL in WebAssembly, about half the time of a lookup). The lookup
-- is the public, hot path; see test/bench/lookup.ts.
--
-- Returns the dossier `p_code` as one JSON object, or NULL when there is no
-- such dossier. Instants are epoch milliseconds, formatted by the caller, so
-- the text does not depend on the session's time zone. The history (in
-- insertion order) is read only when `p_secret_hash` matches, so an unknown
-- code and a wrong secret cost the same; pass NULL for an officer, who has
-- no secret. The caller still decides with its own constant-time comparison
-- of `secretHash`.

CREATE FUNCTION epoch_ms(instant timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT floor(extract(epoch FROM instant) * 1000)::bigint $$;

CREATE FUNCTION dossier_view(p_code text, p_secret_hash text) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
      'code', d.code,
      'agencyCode', d.agency_code,
      'agencyName', d.agency_name,
      'procedureCode', d.procedure_code,
      'procedureName', d.procedure_name,
      'applicantKind', d.applicant_kind,
      'receivedAt', epoch_ms(d.received_at),
      'secretHash', d.lookup_secret_hash,
      'status', d.status,
      'appointmentAt', epoch_ms(d.appointment_at),
      'finishedAt', epoch_ms(d.finished_at),
      'pausedAt', epoch_ms(d.paused_at),
      'supplementRequests', d.supplement_requests,
      'supplement', d.supplement,
      'payment', d.payment,
      'delivery', d.delivery,
      'apology', d.apology,
      'history', (
        SELECT json_agg(json_build_object('at', epoch_ms(h.at), 'step', h.step, 'status', h.status, 'note', h.note) ORDER BY h.id)
        FROM dossier_history h
        WHERE h.dossier_code = d.code AND (p_secret_hash IS NULL OR d.lookup_secret_hash = p_secret_hash)
      )
    )
    FROM dossiers d
    WHERE d.code = p_code
  );
END
$$;
