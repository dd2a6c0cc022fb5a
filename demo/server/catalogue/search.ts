/**
 * Procedure search (`GET /procedures`): how a query is read, and the
 * parameterised SQL that finds and ranks procedures, on PGlite and
 * PostgreSQL alike. Pure: the statement is built here and run by
 * `repository.ts`.
 *
 * Matching works on folded text (see `fold()`): the query is folded and cut
 * into tokens, and a procedure matches when every token occurs in its
 * `search_folded` column (name, code, field, agency, documents, results).
 * So "ket hon", "Kết hôn", "KẾT HÔN" and decomposed (NFD) input all find
 * "Đăng ký kết hôn". Tokens are plain substrings: "hon" also finds "hôn nhân".
 *
 * Ranking, best first:
 *   0. the name starts with the whole query ("dang ky khai sinh" → "Đăng ký khai sinh");
 *   1. the name contains the whole query as a phrase;
 *   2. the name contains every token, scattered ("Đăng ký lại khai sinh");
 *   3. some token only occurs elsewhere (documents, field, agency...).
 * Ties go by the shorter name first (the more specific procedure: "khai
 * sinh" puts "Đăng ký khai sinh" before "Cấp bản sao … Giấy khai sinh"),
 * then folded name, then code, in byte order (COLLATE "C") so that both
 * databases give the same order whatever their locale. An empty query
 * lists everything by field name, then name.
 */
import type { ProcedureSummary } from '../../../src/api/contract/index.js';
import { fold } from '../../../src/i18n/fold.js';
import { PROCEDURES_JOINED, SUMMARY_COLUMNS } from './rows.js';

/** More tokens than this add nothing to a search but cost a LIKE each. */
export const MAX_TOKENS = 12;
/** Longer tokens are cut (a prefix still matches all the text the full token would). */
export const MAX_TOKEN_LENGTH = 40;

export interface SearchText {
  /** Distinct folded words of the query, at most {@link MAX_TOKENS}. */
  tokens: string[];
  /** The tokens joined by single spaces: the query as a phrase. */
  phrase: string;
}

/** Folds and splits a query; control characters (NUL included) count as spaces. */
export function parseSearchText(q: string): SearchText {
  const words = fold(q.replace(/\p{Cc}/gu, ' '))
    .split(' ')
    .filter((word) => word !== '');
  const tokens = [...new Set(words)]
    .slice(0, MAX_TOKENS)
    // Cut by code points, not UTF-16 units, so an emoji is never split in half.
    .map((word) => Array.from(word).slice(0, MAX_TOKEN_LENGTH).join(''));
  return { tokens, phrase: tokens.join(' ') };
}

/** Makes `%`, `_` and `\` match themselves in a LIKE pattern (backslash is LIKE's default escape). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

export interface ProcedureSearch {
  q?: string;
  field?: string;
  level?: string;
  /** Agency codes; a procedure of any of them matches. */
  agencies?: string[];
  page: number;
  pageSize: number;
}

export interface SearchPage {
  items: ProcedureSummary[];
  total: number;
}

/** A statement and its parameters. */
export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * The search as SQL: the page (summary columns and the window count
 * `total`), and the count alone, for a page past the end, which has no
 * row to carry the total.
 */
export function searchStatements(search: ProcedureSearch): { page: Statement; count: Statement } {
  const params: unknown[] = [];
  /** Adds a parameter and returns its placeholder. */
  const param = (value: unknown): string => `$${params.push(value)}`;

  const { tokens, phrase } = parseSearchText(search.q ?? '');
  const tokenPatterns = tokens.map((token) => param(`%${escapeLike(token)}%`));
  // A withdrawn procedure (catalogue/seed/index.ts) is kept for its open dossiers only.
  const conditions = ['p.withdrawn_at IS NULL', ...tokenPatterns.map((pattern) => `p.search_folded LIKE ${pattern}`)];
  if (search.field) conditions.push(`p.field_code = ${param(search.field)}`);
  if (search.level) conditions.push(`p.online_level = ${param(search.level)}`);
  if (search.agencies)
    conditions.push(`p.agency_code = ANY (string_to_array(${param(search.agencies.join(','))}, ','))`);
  const where = `WHERE ${conditions.join(' AND ')}`;
  // The ordering and paging parameters come next; the count takes only these.
  const count = { text: `SELECT count(*)::int AS total FROM procedures p ${where}`, params: [...params] };

  // Without a query there is nothing to rank: list by field name, then name.
  const order =
    tokens.length === 0
      ? 'f.name_folded COLLATE "C", p.name_folded COLLATE "C", p.code'
      : `CASE
        WHEN p.name_folded LIKE ${param(`${escapeLike(phrase)}%`)} THEN 0
        WHEN p.name_folded LIKE ${param(`%${escapeLike(phrase)}%`)} THEN 1
        WHEN ${tokenPatterns.map((pattern) => `p.name_folded LIKE ${pattern}`).join(' AND ')} THEN 2
        ELSE 3
      END, length(p.name_folded), p.name_folded COLLATE "C", p.code`;

  // The window count gives the total in the same scan as the page
  // (matching is the costly part, so this nearly halves the work).
  const page = {
    text: `SELECT ${SUMMARY_COLUMNS}, count(*) OVER ()::int AS total
     FROM ${PROCEDURES_JOINED} ${where}
     ORDER BY ${order}
     LIMIT ${param(search.pageSize)} OFFSET ${param((search.page - 1) * search.pageSize)}`,
    params,
  };
  return { page, count };
}
