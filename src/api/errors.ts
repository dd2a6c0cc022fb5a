/**
 * Every way talking to a backend can fail, as one error type the widgets can
 * turn into a translated message. `retryable` says whether a retry button can
 * help the citizen; config errors are for the webmaster, not the citizen.
 *
 * Every answer a widget gets is checked against the contract first, whoever
 * gave it (the REST client or a site's own adapter): `validated` turns a
 * wrong shape into a BackendError('invalid-response') with the issues
 * for the console, and the citizen gets a clear message instead of a blank
 * or broken widget. The checks are generated from the contract's zod
 * schemas at build time (`check.ts`, `generated/`), so no zod reaches the
 * browser. Here, in the module every widget loads, rather than in a module
 * of its own, which a bundler would make a chunk of its own.
 */
import { issuesOf, type Check } from './check.js';

export type BackendErrorKind =
  /** No `api` address, one that is not a URL, or one that is not a dvc-widgets backend (a 404 naming nothing). */
  | 'config'
  /** An `http:` backend on an `https:` page: the browser blocks it. */
  | 'mixed-content'
  /** The `agency` code is unknown to the backend. */
  | 'agency-not-found'
  | 'offline'
  | 'network'
  | 'timeout'
  /** 5xx, or an HTML error page where JSON was expected. */
  | 'server'
  /** A 2xx answer that does not follow the contract. */
  | 'invalid-response'
  | 'not-found'
  | 'rate-limited'
  /** 400 `validation_failed` on a body the citizen filled: `details.problems` names each wrong field. */
  | 'validation'
  /** A 4xx we did not expect: the widget and backend disagree about the contract. */
  | 'bad-request';

const RETRYABLE: ReadonlySet<BackendErrorKind> = new Set([
  'offline',
  'network',
  'timeout',
  'server',
  'invalid-response',
  'rate-limited',
]);

export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly retryable: boolean;

  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    /** Extra facts for the console (status, URL without query, zod issues, the agency code…). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.retryable = RETRYABLE.has(kind);
  }
}

/** True for the error fetch raises when its AbortSignal fires because a newer request replaced it. */
export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

const reported = new WeakSet<BackendError>();

/**
 * Tells the console, once per error, what really happened: the citizen sees
 * a sentence, the webmaster and support staff need the status, the path and
 * the zod issues.
 */
export function logOnce(source: string, error: BackendError): void {
  if (reported.has(error)) return;
  reported.add(error);
  console.error(`${source}: ${error.message}`, error.details);
}

/** The answer, once `check` (generated from the contract's schema, see `check.ts`) finds nothing wrong in it. */
export async function validated<T>(check: Check<T>, what: string, answer: Promise<unknown>): Promise<T> {
  const value = await answer;
  const issues = issuesOf(check, value);
  if (issues.length)
    throw new BackendError('invalid-response', `The backend's ${what} does not follow the contract.`, { issues });
  return value as T;
}
