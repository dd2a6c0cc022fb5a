-- The catalogue as data (`npm run catalog -- import`, demo/server/catalogue/import.ts).
--
-- source: where a procedure's data came from (the national database and its
-- date, a provincial decision), as the catalogue file says; shown to
-- operators, never to citizens.
--
-- withdrawn_at: an import no longer lists the procedure, but open dossiers
-- still refer to it (they may yet need its documents and form for a
-- supplement), so it is kept, hidden from search and refused to new
-- filings, instead of deleted. Listing it again clears the mark.
ALTER TABLE procedures ADD COLUMN source text;
ALTER TABLE procedures ADD COLUMN withdrawn_at timestamptz;
