-- A number that changes whenever the catalogue does (agencies, fields,
-- procedures), so that each instance's in-process search index
-- (demo/server/catalogue/search.ts) can tell with one cheap read per search
-- whether it must rebuild, whoever wrote the catalogue and however many
-- instances run. Statement-level triggers: a seed of 20,000 rows bumps it
-- once per statement, not per row.
CREATE TABLE catalogue_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO catalogue_version (version) VALUES (1);

CREATE FUNCTION bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_version SET version = version + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER agencies_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
CREATE TRIGGER fields_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fields
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
CREATE TRIGGER procedures_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedures
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
