/**
 * One search as the citizen asks it, on an index already built: the query
 * read into terms (`search-query.ts`), a life event turned into its
 * procedure codes, one page of results, the total, and the closest
 * procedures when nothing matched ("Có phải bạn muốn tìm…"); and the life
 * events with their counts. Pure, with the synonyms and events passed in:
 * the backend (`search.ts`) and the stories' in-browser backend
 * (`stories/adapters/demo-adapter.ts`) answer with this same code, so a
 * story previews exactly what citizens will get.
 */
import type { ProcedureSummary } from '../../../src/api/contract/index.js';
import { fold } from '../../../src/i18n/fold.js';
import type { SearchIndex } from './search-index.js';
import type { LifeEvent } from './search-life-events.js';
import { queryTerms, STOPWORDS } from './search-query.js';
import type { Synonym } from './search-synonyms.js';

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

/** What a search reads besides the index: the synonym table and the life events. */
export interface SearchData {
  synonyms: Synonym[];
  events: LifeEvent[];
}

/** One page of the search, the total of its matches, and the closest procedures when there are none. */
export function searchPage(index: SearchIndex, search: ProcedureSearch, data: SearchData): SearchPage {
  const q = search.q ?? '';
  const terms = queryTerms(q, data.synonyms, (read) => index.readTerms(read, queryWords(data.synonyms)));
  // Typed something, yet nothing to look for (only punctuation, emoji or words
  // like "thủ tục"): nothing matches, rather than the whole catalogue.
  if (terms.length === 0 && fold(q.replace(/\p{Cc}/gu, ' ')) !== '') return { items: [], total: 0 };
  const start = (search.page - 1) * search.pageSize;
  const codes = search.event === undefined ? undefined : eventCodes(data.events, search.event);
  const { total, matches, closest } = index.search({ ...search, terms, codes }, start + search.pageSize);
  const summaries = (docs: number[]) => docs.map((doc) => index.summaries[doc]!);
  return {
    items: summaries(matches.slice(start)),
    total,
    ...(closest.length > 0 && { closest: summaries(closest) }),
  };
}

const queryWordsOf = new WeakMap<Synonym[], ReadonlySet<string>>();

/** Words a query may hold that the catalogue need not: the synonym table's and the stopwords (once per table). */
function queryWords(synonyms: Synonym[]): ReadonlySet<string> {
  let found = queryWordsOf.get(synonyms);
  if (!found) queryWordsOf.set(synonyms, (found = new Set([...STOPWORDS, ...synonyms.flatMap(({ from }) => from)])));
  return found;
}

/** The procedure codes of life event `code`; empty for an unknown event. */
const eventCodes = (events: LifeEvent[], code: string): ReadonlySet<string> =>
  new Set(events.find((event) => event.code === code)?.procedures);

/** The life events with their number of procedures in the index (of `agencies` only, when given); events with none are left out. */
export function lifeEventCounts(index: SearchIndex, events: LifeEvent[], agencies: readonly string[] | undefined) {
  return events
    .map(({ code, name, procedures }) => ({
      code,
      name,
      count: index.search({ terms: [], codes: new Set(procedures), agencies }, 0).total,
    }))
    .filter((event) => event.count > 0);
}
