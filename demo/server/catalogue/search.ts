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
 */
import type { ProcedureSummary } from '../../../src/api/contract/index.js';
import { fold } from '../../../src/i18n/fold.js';
import type { Queryable } from '../db/index.js';
import { PROCEDURES_JOINED, SUMMARY_COLUMNS, type SummaryRow, toSummary } from './rows.js';
import { type IndexedProcedure, SearchIndex } from './search-index.js';
import { queryTerms } from './search-query.js';
import { lifeEvents } from './search-life-events.js';
import { loadSynonyms, type Synonym } from './search-synonyms.js';

export interface ProcedureSearch {
  q?: string;
  field?: string;
  level?: string;
  /** A life event's code: only its procedures (an unknown event has none). */
  event?: string;
  /** Agency codes; a procedure of any of them matches. */
  agencies?: string[];
  page: number;
  pageSize: number;
}

export interface SearchPage {
  items: ProcedureSummary[];
  total: number;
  /** When nothing matches a query: the closest procedures ("Có phải bạn muốn tìm…"). */
  closest?: ProcedureSummary[];
}

/** The index of one database, tagged with the catalogue version it was built from. */
interface Built {
  version: string;
  index: Promise<SearchIndex>;
}

const built = new WeakMap<Queryable, Built>();
let synonyms: Synonym[] | undefined;

/** The synonym table, read once (`catalogueHandlers` reads it at start, so a bad table stops the start). */
export const searchSynonyms = (): Synonym[] => (synonyms ??= loadSynonyms());

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
  return rows.map((row) => ({ summary: toSummary(row), documents: row.documents ?? '' }));
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
  const index = await currentIndex(db);
  const q = search.q ?? '';
  const terms = queryTerms(q, searchSynonyms());
  // Typed something, yet nothing to look for (only punctuation, emoji or words
  // like "thủ tục"): nothing matches, rather than the whole catalogue.
  if (terms.length === 0 && fold(q.replace(/\p{Cc}/gu, ' ')) !== '') return { items: [], total: 0 };
  const start = (search.page - 1) * search.pageSize;
  const codes = search.event === undefined ? undefined : eventCodes(search.event);
  const { total, matches, closest } = index.search({ ...search, terms, codes }, start + search.pageSize);
  const summaries = (docs: number[]) => docs.map((doc) => index.procedures[doc]!.summary);
  return {
    items: summaries(matches.slice(start)),
    total,
    ...(closest.length > 0 && { closest: summaries(closest) }),
  };
}

/** The procedure codes of life event `code`; empty for an unknown event. */
const eventCodes = (code: string): ReadonlySet<string> =>
  new Set(lifeEvents().find((event) => event.code === code)?.procedures);

/** The life events with their number of procedures in the catalogue now (of `agencies` only, when given); events with none are left out. */
export async function lifeEventsWithCounts(db: Queryable, agencies: readonly string[] | undefined) {
  const index = await currentIndex(db);
  return lifeEvents()
    .map(({ code, name, procedures }) => ({
      code,
      name,
      count: index.search({ terms: [], codes: new Set(procedures), agencies }, 0).total,
    }))
    .filter((event) => event.count > 0);
}
