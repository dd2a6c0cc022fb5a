/**
 * The backend contract, version 1, part two: the requests, as the reference
 * backend parses them from a URL (strings coerced to numbers, defaults filled).
 */
import * as z from 'zod/mini';
import { Slug, OnlineLevel } from './catalogue.js';
import { CaseCode } from './filing.js';

/** Query of `GET /procedures`: every parameter optional; strings because they come from a URL. */
export const SearchQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(1000))),
  field: z.optional(Slug),
  level: z.optional(OnlineLevel),
  /** A life event's code (`GET /life-events`): only its procedures. */
  event: z.optional(Slug),
  /** One or more agency codes, comma-separated. */
  agency: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}(?:,[A-Za-z0-9._-]{1,64}){0,19}$/))),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 10),
});

export const FieldQuery = z.object({ agency: SearchQuery.shape.agency });

/** Query of `GET /procedures/{code}/form`: which case's form (default the first case filed online). */
export const FormQuery = z.object({ case: z.optional(CaseCode) });

/** A search as the backend receives it once parsed: paging filled in. */
export type SearchQuery = z.output<typeof SearchQuery>;
