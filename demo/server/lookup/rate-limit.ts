/**
 * Rate limits kept in the database (`rate_limits`, `rate_limit_try()`,
 * migration 009), so every instance behind a balancer counts in the same
 * windows and a restart forgets nothing; the same SQL on PostgreSQL and
 * PGlite. The lookup counts per client address (the /64 for IPv6,
 * http/client-address.ts) and per dossier code; the officer routes count
 * failed sign-ins per address (officer/credentials.ts).
 *
 * A code plus a 6-character lookup code is about 30 bits: at a few tries a
 * minute, guessing takes centuries; the per-code limit holds even against
 * many addresses. Design choices:
 * - **Fixed window.** A client may spend a window's budget at its end and
 *   the next one's at the start: at most twice the rate for a moment.
 * - **Bounded table.** At most `maxKeys` windows; when full, expired rows
 *   are purged, and if it is still full a new key is refused for a window
 *   (a flood of made-up addresses or codes waits; a live window is never
 *   dropped, so a flood cannot reset a target's counter).
 */
import type { Queryable } from '../db/index.js';
import { HttpError } from '../http/replies.js';

/** Defaults: a citizen retyping a code a few times passes; a script does not. */
export const DEFAULT_LOOKUP_RATE_LIMIT = { perAddress: 10, perCode: 5, windowSeconds: 60, maxKeys: 100_000 } as const;

export interface LookupRateLimitOptions {
  perAddress: number;
  perCode: number;
  windowSeconds: number;
  /** Live windows kept at most (all limits together); default 100,000. */
  maxKeys?: number;
}

export interface WindowLimit {
  limit: number;
  windowSeconds: number;
  maxKeys: number;
}

/** Counts one try of `key` at `now`; returns 0 when allowed, else the seconds to wait (the try is not counted). */
export async function tryOnce(db: Queryable, key: string, { limit, windowSeconds, maxKeys }: WindowLimit, now: Date) {
  const [row] = await db.query<{ wait: number }>('SELECT rate_limit_try($1, $2, $3, $4, $5) AS wait', [
    key,
    limit,
    windowSeconds,
    maxKeys,
    now,
  ]);
  return row!.wait;
}

/** The 429 a spent budget answers, with `Retry-After`. */
export const tooMany = (wait: number, english: string, vietnamese: string): HttpError =>
  new HttpError(
    429,
    'rate_limited',
    `${english} Try again in ${wait} seconds. (${vietnamese}, vui lòng thử lại sau ${wait} giây.)`,
    undefined,
    { 'Retry-After': String(wait) },
  );

/**
 * Checks and counts one lookup: the address always, the code only when it
 * is one (`code` undefined for a malformed code, which names no dossier and
 * must not take a window). Throws 429 `rate_limited` when a budget is spent.
 */
export function lookupRateLimiter(db: Queryable, options: LookupRateLimitOptions = DEFAULT_LOOKUP_RATE_LIMIT) {
  const maxKeys = options.maxKeys ?? DEFAULT_LOOKUP_RATE_LIMIT.maxKeys;
  const window = (limit: number): WindowLimit => ({ limit, windowSeconds: options.windowSeconds, maxKeys });
  return async (addressKey: string, code: string | undefined, now: Date): Promise<void> => {
    let wait = await tryOnce(db, `lookup-address:${addressKey}`, window(options.perAddress), now);
    if (wait === 0 && code !== undefined) wait = await tryOnce(db, `lookup-code:${code}`, window(options.perCode), now);
    if (wait > 0) throw tooMany(wait, 'Too many lookups.', 'Tra cứu quá nhiều lần');
  };
}
