/**
 * The default adapter: our REST contract over `fetch`, every request on a
 * path of the contract's table (`contract/routes.ts`, with the method of its
 * entry in `endpoints.ts`), which the reference backend's router is built from too.
 *
 * GET requests carry only CORS-safelisted headers, so browsers send them
 * without a preflight: one round trip instead of two matters on 3G. POST
 * bodies are JSON sent as `text/plain` for the same reason (the reference
 * backend accepts both types); only filing, with its `Idempotency-Key`
 * header, needs a preflight.
 */
import type { BackendAdapter, RequestOptions, SubmitOptions } from './adapter.js';
import { passes } from './check.js';
import type { FieldOfActivityList, LifeEventList, ProcedureDetail, SearchResult } from './contract/catalogue.js';
import { ApiError } from './generated/common.js';
import type { DossierReceipt, DossierSubmission } from './contract/dossiers.js';
import type { DossierLookup, DossierView, ServiceInfo } from './contract/lookup.js';
import type { FormDefinition } from './contract/forms.js';
import type { SearchQuery } from './contract/requests.js';
import type { endpoints } from './contract/endpoints.js';
import * as routes from './contract/routes.js';
import type { CommuneList, ProvinceList } from './contract/units.js';
import { BackendError } from './errors.js';
import { safeHref } from './safe-url.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `navigator.onLine` is only trustworthy when it says false. */
const isOffline = (): boolean => navigator.onLine === false;

/**
 * Checks a webmaster-supplied `api` attribute and returns the base URL, ending
 * in `/`, against which the contract's paths resolve. Relative addresses
 * ("/api/v1") are resolved against the page.
 */
export function parseApiBase(raw: string | null | undefined, pageUrl: string = location.href): URL {
  const value = raw?.trim();
  if (!value)
    throw new BackendError(
      'config',
      'No backend address: set the `api` attribute on the element or on <dvc-provider>.',
    );
  let base: URL;
  try {
    base = new URL(value, pageUrl);
  } catch {
    throw new BackendError('config', `The \`api\` attribute "${value}" is not a valid address.`, { api: value });
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new BackendError('config', `The \`api\` address must start with https:// (got "${base.protocol}").`, {
      api: value,
    });
  }
  // Browsers block http: requests from https: pages (mixed content) without telling the page why.
  if (new URL(pageUrl).protocol === 'https:' && base.protocol === 'http:' && !LOCAL_HOSTS.has(base.hostname)) {
    throw new BackendError(
      'mixed-content',
      `The page is https: but the \`api\` address "${value}" is http:, which the browser blocks.`,
      { api: value },
    );
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return base;
}

/** The error for a refusal `response`, whose JSON `body` (if it had one) may name what went wrong. */
function errorForStatus(response: Response, body: unknown): BackendError {
  const { status } = response;
  const apiError = passes(ApiError, body) ? body.error : undefined;
  const code = apiError?.code;
  const details = { status, code, message: apiError?.message };
  if (code === 'agency_not_found')
    return new BackendError('agency-not-found', 'The backend does not know this agency code.', details);
  // A dvc-widgets backend names what it did not find (`dossier_not_found`…); a 404 without such a
  // name comes from a server without that path: the `api` address is wrong (often /api/v1 left out).
  if (status === 404)
    return code?.endsWith('_not_found')
      ? new BackendError('not-found', 'Not found.', details)
      : new BackendError('config', 'Not a dvc-widgets backend: does `api` lack /api/v1?', details);
  if (status === 400 && code === 'validation_failed' && apiError) {
    return new BackendError('validation', 'The backend found wrong values.', {
      ...details,
      problems: apiError.details ?? [],
    });
  }
  if (status === 429) {
    // Readable cross-origin only if the backend lists it in Access-Control-Expose-Headers.
    const retryAfter = response.headers.get('Retry-After');
    const seconds = retryAfter === null ? NaN : Number(retryAfter);
    return new BackendError('rate-limited', 'Too many requests.', {
      ...details,
      retryAfter: Number.isInteger(seconds) && seconds > 0 ? seconds : undefined,
    });
  }
  if (status >= 500) return new BackendError('server', `The backend answered ${status}.`, details);
  return new BackendError('bad-request', `The backend refused the request (${status}).`, details);
}

/** The contract's entry for a path: its method says whether a request has a body (POST) or not (GET). */
type Endpoint<P extends string> = Extract<(typeof endpoints)[keyof typeof endpoints], { path: P }>;

/** What a request carries besides its path: the `{…}` parameters and the body where it has them, query, headers. */
type RequestParts<P extends string> = {
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
} & ([routes.RouteParams<P>] extends [never] ? { params?: never } : { params: Record<routes.RouteParams<P>, string> }) &
  (Endpoint<P>['method'] extends 'POST' ? { body: unknown } : { body?: never });

/** A route's path relative to the API base, its parameters filled in and escaped. */
function pathOf(path: string, params: Record<string, string> = {}): string {
  return path.slice(1).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
}

export class RestAdapter implements BackendAdapter {
  readonly base: URL;
  readonly uploadEndpoint: string;

  constructor(
    api: string,
    readonly timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ) {
    this.base = parseApiBase(api);
    this.uploadEndpoint = new URL(pathOf(routes.UPLOADS_PATH), this.base).href;
  }

  listFieldsOfActivity(query: { agency?: string }, options?: RequestOptions): Promise<FieldOfActivityList> {
    return this.call(routes.listFieldsOfActivity, { query }, options) as Promise<FieldOfActivityList>;
  }

  listLifeEvents(query: { agency?: string }, options?: RequestOptions): Promise<LifeEventList> {
    return this.call(routes.listLifeEvents, { query }, options) as Promise<LifeEventList>;
  }

  searchProcedures(query: SearchQuery, options?: RequestOptions): Promise<SearchResult> {
    return this.call(routes.searchProcedures, { query }, options) as Promise<SearchResult>;
  }

  getProcedure(code: string, options?: RequestOptions): Promise<ProcedureDetail> {
    return this.call(routes.getProcedure, { params: { code } }, options) as Promise<ProcedureDetail>;
  }

  getService(options?: RequestOptions): Promise<ServiceInfo> {
    return this.call(routes.getService, {}, options) as Promise<ServiceInfo>;
  }

  listProvinces(options?: RequestOptions): Promise<ProvinceList> {
    return this.call(routes.listProvinces, {}, options) as Promise<ProvinceList>;
  }

  listCommunes(province: string, options?: RequestOptions): Promise<CommuneList> {
    return this.call(routes.listCommunes, { params: { province } }, options) as Promise<CommuneList>;
  }

  getForm(procedure: string, caseCode: string | undefined, options?: RequestOptions): Promise<FormDefinition> {
    const query = { case: caseCode };
    return this.call(routes.getForm, { params: { code: procedure }, query }, options) as Promise<FormDefinition>;
  }

  submitDossier(submission: DossierSubmission, { idempotencyKey, ...options }: SubmitOptions): Promise<DossierReceipt> {
    const headers = { 'Idempotency-Key': idempotencyKey };
    return this.call(routes.submitDossier, { body: submission, headers }, options) as Promise<DossierReceipt>;
  }

  lookupDossier(lookup: DossierLookup, options?: RequestOptions): Promise<DossierView> {
    return this.call(routes.lookupDossier, { body: lookup }, options) as Promise<DossierView>;
  }

  resolveUrl(url: string): string {
    return safeHref(url, this.base);
  }

  /**
   * Sends a request on a path of the contract (its parameters filled in, the query's set values, the body as JSON) below the
   * base; returns the parsed JSON or throws a BackendError (or the caller's AbortError).
   */
  private async call<P extends string>(
    path: P,
    { params, query = {}, body, headers }: RequestParts<P>,
    { signal }: RequestOptions = {},
  ): Promise<unknown> {
    const url = new URL(pathOf(path, params), this.base);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const json = body === undefined ? undefined : JSON.stringify(body);
    const where = url.pathname;
    if (isOffline()) throw new BackendError('offline', 'The device is offline.');

    // One controller for the caller's cancellation and our timeout; the
    // timeout also covers reading the body, which is where slow links stall.
    const controller = new AbortController();
    const cancel = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', cancel, { once: true });
    const timer = setTimeout(
      () =>
        controller.abort(
          new BackendError('timeout', `No answer within ${this.timeoutMs} ms.`, { timeoutMs: this.timeoutMs }),
        ),
      this.timeoutMs,
    );
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: json === undefined ? 'GET' : 'POST',
        body: json,
        signal: controller.signal,
        headers: {
          Accept: 'application/json',
          ...(json && { 'Content-Type': 'text/plain;charset=UTF-8' }),
          ...headers,
        },
        credentials: 'omit',
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      if (controller.signal.reason instanceof BackendError) throw controller.signal.reason;
      throw new BackendError(isOffline() ? 'offline' : 'network', 'The backend could not be reached.', {
        path: where,
        cause: String(error),
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }

    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      if (!response.ok) throw errorForStatus(response, undefined);
      throw new BackendError('invalid-response', 'The backend answered something that is not JSON.', {
        path: where,
        status: response.status,
        contentType: response.headers.get('Content-Type'),
        start: text.slice(0, 120),
      });
    }
    if (!response.ok) throw errorForStatus(response, answer);
    return answer;
  }
}
