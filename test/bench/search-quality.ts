/**
 * Search quality: the share of the query set (`search-queries.ts`, queries
 * as citizens type them) with a right procedure among the first three the
 * citizen sees: the results, or the closest procedures when nothing
 * matched ("Có phải bạn muốn tìm…"). The issue aims at 95%. A benchmark,
 * not a test: misses are listed, not failed, and the engine is not tuned to
 * single queries. On the real seed catalogue, PGlite, through the same
 * `searchProcedures` the endpoint calls.
 *
 * Run alone: `node --import tsx test/bench/search-quality.ts`
 */
import { agencies, procedures } from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { searchProcedures } from '../../demo/server/catalogue/search.js';
import { openDatabase } from '../../demo/server/db/index.js';
import { SEARCH_QUERIES } from './search-queries.js';
import { isMain, type Figure } from './size.js';

export const TOP3_AIM = 0.95;

export interface SearchQualityResult {
  queries: number;
  right: number;
  share: number;
  /** Each missed query with the first three names it got. */
  misses: { query: string; got: string[] }[];
}

export async function runSearchQuality(): Promise<SearchQualityResult> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await seedCatalogue(db, { agencies, procedures });
    const misses: SearchQualityResult['misses'] = [];
    for (const [query, right] of SEARCH_QUERIES) {
      const page = await searchProcedures(db, { q: query, page: 1, pageSize: 3 });
      const shown = page.items.length > 0 ? page.items : (page.closest ?? []).slice(0, 3);
      if (!shown.some((item) => right.includes(item.code))) misses.push({ query, got: shown.map((item) => item.name) });
    }
    const right = SEARCH_QUERIES.length - misses.length;
    return { queries: SEARCH_QUERIES.length, right, share: right / SEARCH_QUERIES.length, misses };
  } finally {
    await db.close();
  }
}

export function formatSearchQuality(result: SearchQualityResult): string {
  const lines = [
    `search quality: ${result.right} of ${result.queries} queries (${(result.share * 100).toFixed(1)}%) have a right procedure in the top 3 (aim ${TOP3_AIM * 100}%)`,
    ...result.misses.map(
      ({ query, got }) => `  missed "${query}": ${got.map((name) => name.slice(0, 50)).join(' | ') || 'nothing'}`,
    ),
  ];
  return lines.join('\n');
}

/** The figure for `npm run bench`. */
export async function measureSearchQuality(): Promise<Figure[]> {
  console.log('\n== Search quality (query set) ==');
  const result = await runSearchQuality();
  console.log(formatSearchQuality(result));
  const note = `${result.right} of ${result.queries} queries, right procedure in the top 3`;
  return [
    {
      label: 'Search: right in top 3',
      value: result.share,
      unit: 'ratio',
      budget: TOP3_AIM,
      higherIsBetter: true,
      note,
    },
  ];
}

if (isMain(import.meta.url)) {
  const result = await runSearchQuality();
  console.log(
    JSON.stringify({ bench: 'search-quality', queries: result.queries, right: result.right, share: result.share }),
  );
  console.log(formatSearchQuality(result));
}
