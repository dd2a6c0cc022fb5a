-- The procedure catalog: agencies, fields (lĩnh vực) and procedures.
--
-- Search never runs on the displayed text: the seed stores a folded copy
-- (no diacritics, đ -> d, lower case; see src/i18n/fold.ts) that queries,
-- folded the same way, are matched against with LIKE '%token%'. Trigram GIN
-- indexes make those LIKEs fast.
--
-- pg_trgm goes to schema public on purpose: a deployment (or a test run)
-- may keep its tables in another schema, and the extension must stay put
-- and visible when that schema is dropped.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE agencies (
  code text PRIMARY KEY,
  name text NOT NULL,
  parent text,
  address text,
  phone text,
  email text,
  opening_hours text,
  sample boolean NOT NULL
);

CREATE TABLE fields (
  code text PRIMARY KEY,
  name text NOT NULL,
  -- fold(name): lists sort by it
  name_folded text NOT NULL
);

CREATE TABLE procedures (
  code text PRIMARY KEY,
  name text NOT NULL,
  field_code text NOT NULL REFERENCES fields (code),
  agency_code text NOT NULL REFERENCES agencies (code),
  online_level text NOT NULL,
  online_submission boolean NOT NULL,
  processing_time jsonb NOT NULL,
  fee_min integer NOT NULL,
  fee_max integer,
  -- The rest of ProcedureDetail (documents, steps, conditions, legalBasis,
  -- forms, fees, results): only ever shown whole, never queried.
  detail jsonb NOT NULL,
  -- fold(name)
  name_folded text NOT NULL,
  -- The distinct folded words of everything a citizen may type: name, code,
  -- field, agency, documents and results.
  search_folded text NOT NULL
);

CREATE INDEX procedures_name_folded_trgm ON procedures USING gin (name_folded gin_trgm_ops);
CREATE INDEX procedures_search_folded_trgm ON procedures USING gin (search_folded gin_trgm_ops);
CREATE INDEX procedures_field_code ON procedures (field_code);
CREATE INDEX procedures_agency_code ON procedures (agency_code);
