/**
 * The lookup's rate limit: a fixed window per key (a client address, a
 * dossier code), kept in this process's memory. A code plus a 6-character
 * lookup code is about 30 bits: at a few tries a minute, guessing takes
 * centuries; the per-code limit holds even against many addresses.
 *
 * Limits of the design, on purpose for a reference backend:
 * - **Per process.** Several replicas each count on their own (N replicas
 *   allow N times the rate), and a restart forgets. A deployment with
 *   replicas puts the counters in a shared store (Redis, the database).
 * - **Fixed window.** A client may spend a window's budget at its end and
 *   the next one's at the start: at most twice the rate for a moment.
 * - **Bounded memory.** At most `maxKeys` keys; beyond that, expired ones
 *   go first, then the oldest windows (a forgotten key starts afresh: the
 *   limiter fails open rather than growing without end under a flood of
 *   addresses or made-up codes).
 * - **Addresses.** The socket's address: behind a proxy every client
 *   shares the proxy's, and a commune's shared office connection shares one.
 */
import { HttpError } from '../http/replies.js';

/** Defaults: a citizen retyping a code a few times passes; a script does not. */
export const DEFAULT_LOOKUP_RATE_LIMIT = { perAddress: 10, perCode: 5, windowSeconds: 60 } as const;
const DEFAULT_MAX_KEYS = 10_000;

interface Window {
  startedAt: number;
  count: number;
}

export class FixedWindowLimiter {
  /** Insertion order is window order: a key is re-inserted when its window restarts. */
  private readonly windows = new Map<string, Window>();
  private readonly windowMs: number;

  constructor(
    private readonly limit: number,
    windowSeconds: number,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {
    this.windowMs = windowSeconds * 1000;
  }

  /** Seconds until `key` may try again at `now` (epoch ms); 0 when it may now. Does not count the try. */
  retryAfter(key: string, now: number): number {
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs || window.count < this.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000));
  }

  /** Counts one try of `key` at `now`. */
  record(key: string, now: number): void {
    const window = this.windows.get(key);
    if (window && now - window.startedAt < this.windowMs) {
      window.count++;
      return;
    }
    this.windows.delete(key);
    this.windows.set(key, { startedAt: now, count: 1 });
    if (this.windows.size > this.maxKeys) this.evict(now);
  }

  get size(): number {
    return this.windows.size;
  }

  private evict(now: number): void {
    for (const [key, window] of this.windows) {
      const expired = now - window.startedAt >= this.windowMs;
      if (!expired && this.windows.size <= this.maxKeys) return;
      this.windows.delete(key);
    }
  }
}

export interface LookupRateLimitOptions {
  perAddress: number;
  perCode: number;
  windowSeconds: number;
}

/** Checks and counts one lookup; throws 429 `rate_limited` with `Retry-After` when either budget is spent. */
export function lookupRateLimiter(
  options: LookupRateLimitOptions = DEFAULT_LOOKUP_RATE_LIMIT,
  maxKeys = DEFAULT_MAX_KEYS,
) {
  const byAddress = new FixedWindowLimiter(options.perAddress, options.windowSeconds, maxKeys);
  const byCode = new FixedWindowLimiter(options.perCode, options.windowSeconds, maxKeys);
  return (address: string, code: string, now: number): void => {
    const wait = Math.max(byAddress.retryAfter(address, now), byCode.retryAfter(code, now));
    if (wait > 0) {
      throw new HttpError(
        429,
        'rate_limited',
        `Too many lookups. Try again in ${wait} seconds. (Tra cứu quá nhiều lần, vui lòng thử lại sau ${wait} giây.)`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    byAddress.record(address, now);
    byCode.record(code, now);
  };
}
