/**
 * Procedure search (`GET /procedures`): an in-process index
 * (`search-index.ts`) built from the catalogue tables and rebuilt when they
 * change, so PGlite and PostgreSQL, and any number of instances, give the
 * same answers: each instance reads `catalogue_version` (migration 015, kept
 * by triggers on the catalogue tables) before each search, one primary-key
 * read, and rebuilds when it moved. Searches arriving during a rebuild wait
 * for that one rebuild; a search never sees a half-built index.
 *
 * Why in process: measured 2026-12-06 on this machine (2 shared cores,
 * load about 8), 20,000 procedure rows on PGlite, 14 queries × 3, one at a
 * time (how, in the commit that brought this module): the old LIKE search, median
 * 38 ms (max 52); PostgreSQL full-text search over the same folded text
 * (`to_tsvector('simple', search_folded)` with a GIN index, `ts_rank` with
 * the name weighted 'A'), median 159 ms (max 812), and it still offers no
 * typo tolerance, prefix-while-typing or i/y and Telex handling without
 * extra pg_trgm passes; this index, the version read included, median 1.9 ms
 * (max 4.4) after a build of about 3 s (reading the rows included), 170 MB
 * of heap for the whole process. One code path serves both databases.
 *
 * What a search does on the index is `search-page.ts`, shared with the
 * stories' in-browser backend; this module keeps the index in step with the
 * database.
 */
import type { Queryable } from '../db/index.js';
import { PROCEDURES_JOINED, SUMMARY_COLUMNS, type SummaryRow, toSummary } from './rows.js';
import { lifeEvents, searchSynonyms } from './search-data.js';
import { type IndexedProcedure, SearchIndex } from './search-index.js';
import { lifeEventCounts, type ProcedureSearch, type SearchPage, searchPage } from './search-page.js';

export { searchSynonyms };

/** The index of one database, tagged with the catalogue version it was built from. */
interface Built {
  version: string;
  index: Promise<SearchIndex>;
}

const built = new WeakMap<Queryable, Built>();

async function readCatalogue(db: Queryable): Promise<IndexedProcedure[]> {
  const rows = await db.query<SummaryRow & { documents: string | null }>(
    `SELECT ${SUMMARY_COLUMNS},
       concat_ws(' ',
         -- The names of the cases (where there are several) weigh as documents do.
         (SELECT string_agg(c->>'name', ' ') FROM jsonb_array_elements(p.detail->'cases') c
          WHERE jsonb_array_length(p.detail->'cases') > 1),
         (SELECT string_agg(d->>'name', ' ')
          FROM jsonb_array_elements(p.detail->'cases') c, jsonb_array_elements(c->'documents') d),
         (SELECT string_agg(r, ' ') FROM jsonb_array_elements_text(p.detail->'results') r)) AS documents
     FROM ${PROCEDURES_JOINED}
     -- A withdrawn procedure (catalogue/seed/index.ts) is kept for its open dossiers only.
     WHERE p.withdrawn_at IS NULL`,
  );
  // One object for each field of activity and agency, shared by its procedures:
  // each row brings its own copy of their names, 100,000 of them in a province.
  const shared = new Map<string, { code: string; name: string }>();
  const once = (kind: string, value: { code: string; name: string }) =>
    shared.get(`${kind} ${value.code}`) ?? shared.set(`${kind} ${value.code}`, value).get(`${kind} ${value.code}`)!;
  return rows.map((row) => {
    const summary = toSummary(row);
    summary.field = once('field', summary.field);
    summary.agency = once('agency', summary.agency);
    return { summary, documents: row.documents ?? '' };
  });
}

/** The index for the catalogue as it is now in `db`, rebuilt only when its version moved. */
export async function currentIndex(db: Queryable): Promise<SearchIndex> {
  const [row] = await db.query<{ version: string }>('SELECT version::text AS version FROM catalogue_version');
  const version = row?.version ?? '';
  const cached = built.get(db);
  if (cached?.version === version) return cached.index;
  // Read after the version: a change in between only makes the next search rebuild again.
  const index = readCatalogue(db).then((procedures) => new SearchIndex(procedures));
  built.set(db, { version, index });
  index.catch(() => built.get(db)?.index === index && built.delete(db));
  return index;
}

/** One page of the search, the total of its matches, and the closest procedures when there are none. */
export async function searchProcedures(db: Queryable, search: ProcedureSearch): Promise<SearchPage> {
  return searchPage(await currentIndex(db), search, { synonyms: searchSynonyms(), events: lifeEvents() });
}

/** The life events with their number of procedures in the catalogue now (of `agencies` only, when given); events with none are left out. */
export async function lifeEventsWithCounts(db: Queryable, agencies: readonly string[] | undefined) {
  return lifeEventCounts(await currentIndex(db), lifeEvents(), agencies);
}
