/**
 * A polite client of the national procedure database's gateway
 * (`POST <base>/jsp/rest.jsp`, body `params=<JSON>`, UPSTREAMS.md §2). It is
 * anonymous, undocumented and guarded against bots, so: a pause between
 * requests, retries with a growing wait on network errors and 5xx only,
 * answers kept on disk (a re-sync within their age asks nothing), and a
 * clear message for what comes back instead of JSON: an HTML error page, a
 * bot-protection challenge (a 403 or a 200 with HTML), JSON of another
 * shape. What it fetches for one agency is a bundle in the shape that
 * `npm run catalog -- import` also reads (json.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CatalogueError } from '../seed/index.js';
import type { NationalBundle } from './json.js';

export const DEFAULT_GATEWAY_URL = 'https://thutuc.dichvucong.gov.vn';

export interface GatewayOptions {
  /** Base URL; `/jsp/rest.jsp` is appended. */
  baseUrl: string;
  /** Pause before each request that goes out, ms. */
  delayMs: number;
  /** Further tries after a network error or a 5xx. */
  retries: number;
  /** The first retry's wait, doubled at each next one, ms. */
  backoffMs: number;
  /** Where answers are kept; none: nothing kept. */
  cacheDir?: string;
  /** How long a kept answer is used instead of asking again, ms. */
  cacheMaxAgeMs: number;
  /** Search items asked per page. */
  pageSize: number;
  /** Per request, ms. */
  timeoutMs: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

export const DEFAULT_GATEWAY_OPTIONS: Omit<GatewayOptions, 'baseUrl'> = {
  delayMs: 1000,
  retries: 3,
  backoffMs: 2000,
  cacheMaxAgeMs: 24 * 3600_000,
  pageSize: 50,
  timeoutMs: 30_000,
};

/** At most this many search pages: a gateway that pages for ever is a broken one. */
const MAX_PAGES = 2000;

/** A failure worth another try (network, timeout, 5xx). */
class Transient extends Error {}

const looksLikeChallenge = (html: string): boolean =>
  /captcha|challenge|cf-chl|verify you are human|access denied|bot|robot/i.test(html);

/** The most one answer may hold: a whole province's search page is well under 1 MiB. */
export const ANSWER_LIMIT_BYTES = 32 * 2 ** 20;

/** The body of `response` as text, refused past {@link ANSWER_LIMIT_BYTES}. */
async function boundedText(response: Response, what: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    const chunk = read.value;
    size += chunk.byteLength;
    if (size > ANSWER_LIMIT_BYTES) {
      await reader!.cancel();
      throw new CatalogueError(`${what}: the answer is larger than ${ANSWER_LIMIT_BYTES / 2 ** 20} MiB; refused`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What `response` says, or why it is not an answer. */
async function answerOf(response: Response, what: string): Promise<unknown[]> {
  const text = await boundedText(response, what);
  const html = /^\s*</.test(text);
  if (response.status >= 500) throw new Transient(`${what}: HTTP ${response.status}`);
  if (html && (response.status === 403 || response.status === 429 || looksLikeChallenge(text))) {
    throw new CatalogueError(
      `${what}: refused by the national gateway's bot protection (HTTP ${response.status}, an HTML challenge page instead of JSON); ` +
        'try again later, slower (--delay), or import a saved answer or the Excel export instead',
    );
  }
  if (!response.ok) throw new CatalogueError(`${what}: HTTP ${response.status}${html ? ' (an HTML page)' : ''}`);
  if (html) throw new CatalogueError(`${what}: an HTML page where JSON was expected (HTTP ${response.status})`);
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new CatalogueError(`${what}: not JSON (it starts "${text.slice(0, 40)}")`);
  }
  if (!Array.isArray(answer)) throw new CatalogueError(`${what}: expected a JSON array, found ${typeof answer}`);
  return answer;
}

export class NationalGateway {
  private sent = 0;
  constructor(private readonly options: GatewayOptions) {}

  /** The answer to `params`, from the disk if kept and fresh, else from the gateway. */
  async query(params: Record<string, unknown>, what: string): Promise<unknown[]> {
    const body = JSON.stringify({ type: 'ref', provider: 'dvcquocgia', ...params });
    const kept = this.keptPath(body);
    const cached = kept && (await this.fresh(kept));
    if (cached) return cached;
    const answer = await this.fetchWithRetries(body, what);
    if (kept) await this.keep(kept, answer);
    return answer;
  }

  private keptPath(body: string): string | undefined {
    const { cacheDir } = this.options;
    return cacheDir && join(cacheDir, `${createHash('sha256').update(body).digest('hex').slice(0, 32)}.json`);
  }

  private async fresh(path: string): Promise<unknown[] | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs > this.options.cacheMaxAgeMs) return undefined;
    return JSON.parse(await readFile(path, 'utf8')) as unknown[];
  }

  private async keep(path: string, answer: unknown[]): Promise<void> {
    await mkdir(this.options.cacheDir!, { recursive: true });
    await writeFile(`${path}.tmp`, JSON.stringify(answer));
    await rename(`${path}.tmp`, path);
  }

  private async fetchWithRetries(body: string, what: string): Promise<unknown[]> {
    const { retries, backoffMs, delayMs } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      if (this.sent++ > 0) await sleep(delayMs);
      try {
        return await this.post(body, what);
      } catch (error) {
        if (!(error instanceof Transient)) throw error;
        if (attempt >= retries) throw new CatalogueError(`${error.message} (after ${attempt + 1} tries)`);
        this.options.log?.(`${error.message}; trying again in ${backoffMs * 2 ** attempt} ms`);
        await sleep(backoffMs * 2 ** attempt);
      }
    }
  }

  private async post(body: string, what: string): Promise<unknown[]> {
    let response: Response;
    try {
      response = await fetch(new URL('jsp/rest.jsp', `${this.options.baseUrl.replace(/\/*$/, '')}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ params: body }).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : error;
      throw new Transient(`${what}: the gateway did not answer (${String(reason)})`);
    }
    return answerOf(response, what);
  }
}

/** The search parameters for one page of an agency's procedures. */
const searchParams = (agencyId: string, pageSize: number, pageIndex: number) => ({
  service: 'procedure_advanced_search_service_v2',
  recordPerPage: pageSize,
  pageIndex,
  is_connected: 0,
  keyword: '',
  agency_type: '0',
  // The gateway's ids are numbers (its own "no agency" is -1).
  impl_agency_id: /^-?\d{1,15}$/.test(agencyId) ? Number(agencyId) : agencyId,
  object_id: -1,
  field_id: -1,
  impl_level_id: -1,
});

/** Every search item of the agency with national id `agencyId`, page by page. */
async function searchAll(gateway: NationalGateway, agencyId: string, pageSize: number): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await gateway.query(searchParams(agencyId, pageSize, page), `search, page ${page}`);
    items.push(...answer);
    const total = Number((answer[0] as { TOTAL?: unknown } | undefined)?.TOTAL);
    if (answer.length < pageSize || (Number.isFinite(total) && items.length >= total)) return items;
  }
  throw new CatalogueError(`search: still more after ${MAX_PAGES} pages; the gateway's paging looks broken`);
}

/** Fetches the search items of one agency and each procedure's steps and required documents. */
export async function fetchAgencyBundle(options: GatewayOptions, agencyId: string): Promise<NationalBundle> {
  const gateway = new NationalGateway(options);
  const search = await searchAll(gateway, agencyId, options.pageSize);
  if (search.length === 0) {
    throw new CatalogueError(
      `search: no procedures for national agency id ${agencyId} (an empty answer); nothing imported`,
    );
  }
  options.log?.(`${search.length} procedures found; fetching their steps and required documents`);
  const steps: Record<string, unknown> = {};
  const requires: Record<string, unknown> = {};
  for (const [index, item] of search.entries()) {
    const id = (item as { ID?: unknown } | null)?.ID;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new CatalogueError(`search[${index}].ID: missing; cannot ask for its steps and documents`);
    }
    const key = String(id);
    steps[key] = await gateway.query(
      { service: 'procedure_get_impl_orders_by_proc_id_service_v2', id },
      `steps of ${key}`,
    );
    requires[key] = await gateway.query(
      { service: 'procedure_get_requires_by_procedure_id_service_v2', id },
      `required documents of ${key}`,
    );
  }
  return { search, steps, requires };
}
