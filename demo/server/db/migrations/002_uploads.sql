-- Attachments uploaded over tus (/api/v1/uploads). The bytes live in the
-- upload store (a folder, or an S3 bucket) under the same random id; this
-- table is what the backend knows about each file: whose dossier draft it
-- belongs to (for the per-dossier limit), what it was declared to be, and
-- whether a dossier took it. A row is written before the store creates the
-- file, so every stored file has a row and the expiry sweep, which reads
-- only this table, finds every file to remove.
CREATE TABLE uploads (
  -- 128 random bits, base64url: the capability to resume, read or cancel.
  id text PRIMARY KEY,
  -- Random id of the dossier draft, chosen by the client.
  draft text NOT NULL,
  -- The procedure and its document slot (e.g. giay-chung-sinh); null when
  -- the widget is used alone, outside a dossier form.
  procedure_code text,
  slot text,
  -- Sanitised (see demo/server/uploads/file-name.ts); a label, never a path.
  file_name text NOT NULL,
  -- Declared MIME type; the content was checked against it on completion.
  file_type text NOT NULL,
  size bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Null until the last byte arrived and the content check passed.
  completed_at timestamptz,
  -- The dossier (mã hồ sơ) that took this file; null uploads expire.
  dossier_code text
);

CREATE INDEX uploads_draft ON uploads (draft);
CREATE INDEX uploads_unattached_created_at ON uploads (created_at) WHERE dossier_code IS NULL;
