-- The lookup names the dossier's case (trường hợp) when its procedure has
-- several (issue 16): the receipt keeps it (dossiers/receipt.ts), so the
-- view reads it from there; a dossier filed before receipts named it has
-- none, and the lookup shows none.
CREATE OR REPLACE FUNCTION dossier_view(p_code text, p_secret_hash text) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
      'code', d.code,
      'agencyCode', d.agency_code,
      'agencyName', d.agency_name,
      'procedureCode', d.procedure_code,
      'procedureName', d.procedure_name,
      'case', d.receipt->'case',
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
