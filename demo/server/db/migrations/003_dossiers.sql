-- Dossiers (hồ sơ) filed through POST /api/v1/dossiers, their lifecycle
-- history, and the per-agency per-day sequence their codes are built from.
-- Citizen data (the submission) stays in this database only: never in logs,
-- never in an address.
CREATE TABLE dossiers (
  -- Agency code, yymmdd of reception, sequence: 000.00.01.H99-261122-0001.
  code text PRIMARY KEY,
  agency_code text NOT NULL,
  -- Snapshots: the catalog may change after filing; the dossier keeps what was filed.
  agency_name text NOT NULL,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  form_version integer NOT NULL,
  -- The draft id the attachments were uploaded under.
  draft text NOT NULL,
  -- The client's Idempotency-Key; a repeat returns this dossier's receipt.
  idempotency_key text NOT NULL UNIQUE,
  -- sha256 of the submission, so that a key reused with another body is refused.
  request_hash text NOT NULL,
  applicant_kind text NOT NULL,
  -- sha256 of the normalised second secret (the applicant's ID or tax code,
  -- or the printed lookup code): the lookup compares hashes, never stores the secret twice.
  lookup_secret_hash text NOT NULL,
  -- The whole DossierSubmission as filed.
  submission jsonb NOT NULL,
  -- The receipt as first answered, replayed on a repeat.
  receipt jsonb NOT NULL,
  -- National status code (1 Mới đăng ký … 10 Đã trả kết quả).
  status integer NOT NULL DEFAULT 1,
  -- 1 direct, 2 online, 3 public postal service.
  channel integer NOT NULL DEFAULT 2,
  received_at timestamptz NOT NULL,
  appointment_at timestamptz,
  finished_at timestamptz,
  -- Lifecycle details shown by the lookup (shapes of DossierView's parts).
  supplement jsonb,
  supplement_requests integer NOT NULL DEFAULT 0,
  -- While the citizen owes a supplement the agency's clock stops: when it stopped.
  paused_at timestamptz,
  payment jsonb,
  delivery jsonb,
  apology jsonb
);

CREATE INDEX dossiers_agency_received ON dossiers (agency_code, received_at);

CREATE TABLE dossier_history (
  id bigserial PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossiers (code) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  step text NOT NULL,
  status integer NOT NULL,
  -- Meant for the citizen; shown in the lookup.
  note text,
  -- Who did it (an officer's name, "Hệ thống", "Công dân"); not shown to the citizen.
  actor text NOT NULL
);

CREATE INDEX dossier_history_dossier ON dossier_history (dossier_code, id);

-- The last sequence number given per receiving agency and reception day;
-- incremented with UPDATE … RETURNING under the row lock, so concurrent
-- submissions never get the same code.
CREATE TABLE dossier_sequences (
  agency_code text NOT NULL,
  day text NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (agency_code, day)
);
