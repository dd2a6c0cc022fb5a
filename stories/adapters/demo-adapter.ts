/**
 * An in-browser backend for Storybook previews ONLY, kept outside
 * src/ so that nothing of it ships. Stories need every state of a widget (results, empty, slow,
 * each kind of failure) on demand and without a server, so this adapter
 * serves a catalogue from memory and can be told to fail in a given way.
 *
 * Its search is the reference backend's own (`demo/server/catalogue/search-page.ts`
 * over a `SearchIndex`, with the backend's synonym table and life events),
 * so a story shows what citizens will see: relevance ranking, typos and
 * synonyms, the closest procedures when nothing matches ("Có phải bạn muốn
 * tìm…"), and browsing by life event. The backend's data files come in
 * through the `search` option (`demo-search-data.ts` bundles them for the
 * stories), so that component tests importing this adapter need no bundler.
 */
import type { BackendAdapter, RequestOptions, SubmitOptions } from '../../src/api/adapter.js';
import type {
  Agency,
  FieldOfActivityList,
  LifeEventList,
  ProcedureDetail,
  ProcedureSummary,
  SearchResult,
} from '../../src/api/contract/catalogue.js';
import type { DossierReceipt, DossierSubmission } from '../../src/api/contract/dossiers.js';
import type { DossierLookup, DossierView, ServiceInfo } from '../../src/api/contract/lookup.js';
import type { FormDefinition } from '../../src/api/contract/forms.js';
import type { SearchQuery } from '../../src/api/contract/requests.js';
import type { CommuneList, ProvinceList } from '../../src/api/contract/units.js';
import { BackendError } from '../../src/api/errors.js';
import { type IndexedProcedure, SearchIndex } from '../../demo/server/catalogue/search-index.js';
import { lifeEventCounts, type SearchData, searchPage } from '../../demo/server/catalogue/search-page.js';
import { DemoUploadStack, type DemoUploadOptions } from './demo-upload-stack.js';

export interface DemoCatalogue {
  agencies: Agency[];
  procedures: ProcedureDetail[];
}

/** A failure to simulate on every request. */
export type DemoFailure = 'network' | 'server' | 'invalid-response' | 'timeout' | 'agency-not-found' | 'rate-limited';

export interface DemoAdapterOptions {
  /** Delay before each answer, in milliseconds (default 300), so loading states are visible. */
  latencyMs?: number;
  /** Make every request fail this way. `invalid-response` answers with a wrongly-shaped object instead of throwing. */
  fail?: DemoFailure;
  /** Never answer (until aborted): the loading state. */
  pendingForever?: boolean;
  /** Accept uploads in memory, at this speed or refusing them (`<dvc-attachment-upload>` stories). */
  uploads?: DemoUploadOptions;
  /** Forms, address lists and filing in memory (`<dvc-dossier-form>` stories). */
  dossiers?: DemoDossierBackend;
  /** Lookup answers in memory (`<dvc-status-lookup>` stories). */
  lookup?: DemoLookupBackend;
  /** The synonym table and life events the search reads (`demoSearchData`); none by default. */
  search?: SearchData;
}

/** The dossier side of a story's backend; each method may throw a BackendError to show that state. */
export interface DemoDossierBackend {
  provinces(): ProvinceList;
  communes(province: string): CommuneList;
  form(procedure: string, caseCode: string | undefined): FormDefinition;
  submit(submission: DossierSubmission, idempotencyKey: string): DossierReceipt;
}

/** The lookup side of a story's backend. */
export interface DemoLookupBackend {
  service: ServiceInfo;
  lookup(request: DossierLookup): DossierView;
}

/** Relative addresses (form templates) resolve here: a host that can never exist (RFC 6761). */
const PLACEHOLDER_BASE = 'https://example.invalid/api/v1/';

/** What `fetch` would throw; thrown when the signal fires. */
const abortError = (): DOMException => new DOMException('The request was aborted.', 'AbortError');

function failure(kind: Exclude<DemoFailure, 'invalid-response'>): BackendError {
  switch (kind) {
    case 'network':
      return new BackendError('network', 'Could not reach the backend (demo).');
    case 'server':
      return new BackendError('server', 'The backend answered 500 (demo).', { status: 500 });
    case 'timeout':
      return new BackendError('timeout', 'The backend did not answer in time (demo).');
    case 'agency-not-found':
      return new BackendError('agency-not-found', 'The backend does not know this agency code (demo).', {
        status: 404,
        code: 'agency_not_found',
      });
    case 'rate-limited':
      return new BackendError('rate-limited', 'Too many requests (demo).', { status: 429, retryAfter: 30 });
  }
}

export class DemoAdapter implements BackendAdapter {
  private readonly agencies: Agency[];
  private readonly procedures: ProcedureDetail[];
  private readonly index: SearchIndex;
  private readonly searchData: SearchData;
  readonly uploadEndpoint = `${PLACEHOLDER_BASE}uploads`;
  readonly uploadHttpStack: DemoUploadStack;

  constructor(
    catalogue: DemoCatalogue,
    private readonly options: DemoAdapterOptions = {},
  ) {
    this.agencies = catalogue.agencies;
    this.uploadHttpStack = new DemoUploadStack(options.uploads);
    this.procedures = catalogue.procedures;
    this.index = new SearchIndex(catalogue.procedures.map(indexed));
    this.searchData = options.search ?? { synonyms: [], events: [] };
  }

  listFieldsOfActivity(query: { agency?: string }, options?: RequestOptions): Promise<FieldOfActivityList> {
    return this.answer(options, () => {
      const agencies = this.agencyFilter(query.agency);
      const counts = new Map<string, { code: string; name: string; count: number }>();
      for (const procedure of this.procedures) {
        if (agencies && !agencies.has(procedure.agency.code)) continue;
        const entry = counts.get(procedure.field.code) ?? { ...procedure.field, count: 0 };
        entry.count += 1;
        counts.set(entry.code, entry);
      }
      return { items: [...counts.values()].sort((a, b) => compare(a.code, b.code)) };
    });
  }

  searchProcedures(query: SearchQuery, options?: RequestOptions): Promise<SearchResult> {
    return this.answer(options, () => {
      const agencies = this.agencyFilter(query.agency);
      const { q, field, level, event, page, pageSize } = query;
      const search = { q, field, level, event, agencies: agencies && [...agencies], page, pageSize };
      const { items, total, closest } = searchPage(this.index, search, this.searchData);
      return { items, total, page, pageSize, ...(closest && { closest }) };
    });
  }

  listLifeEvents(query: { agency?: string }, options?: RequestOptions): Promise<LifeEventList> {
    return this.answer(options, () => {
      const agencies = this.agencyFilter(query.agency);
      return { items: lifeEventCounts(this.index, this.searchData.events, agencies && [...agencies]) };
    });
  }

  getProcedure(code: string, options?: RequestOptions): Promise<ProcedureDetail> {
    return this.answer(options, () => {
      const found = this.procedures.find((procedure) => procedure.code === code);
      if (!found) throw new BackendError('not-found', 'Not found.', { status: 404, code: 'procedure_not_found' });
      const agency = this.agencies.find((candidate) => candidate.code === found.agency.code) ?? found.agency;
      return { ...found, agency };
    });
  }

  getService(options?: RequestOptions): Promise<ServiceInfo> {
    return this.answer(
      options,
      () => this.options.lookup?.service ?? { contractVersion: '1.0.0', lookupSecret: 'applicant-id' },
    );
  }

  listProvinces(options?: RequestOptions): Promise<ProvinceList> {
    return this.answer(options, () => this.part('dossiers').provinces());
  }

  listCommunes(province: string, options?: RequestOptions): Promise<CommuneList> {
    return this.answer(options, () => this.part('dossiers').communes(province));
  }

  getForm(procedure: string, caseCode: string | undefined, options?: RequestOptions): Promise<FormDefinition> {
    return this.answer(options, () => this.part('dossiers').form(procedure, caseCode));
  }

  submitDossier(submission: DossierSubmission, options: SubmitOptions): Promise<DossierReceipt> {
    return this.answer(options, () => this.part('dossiers').submit(submission, options.idempotencyKey));
  }

  lookupDossier(request: DossierLookup, options?: RequestOptions): Promise<DossierView> {
    return this.answer(options, () => this.part('lookup').lookup(request));
  }

  resolveUrl(url: string): string {
    try {
      return new URL(url).href;
    } catch {
      return new URL(url.replace(/^\/+/, ''), PLACEHOLDER_BASE).href;
    }
  }

  /** A part of the demo backend the story must have given. */
  private part<K extends 'dossiers' | 'lookup'>(name: K): NonNullable<DemoAdapterOptions[K]> {
    const part = this.options[name];
    if (!part) throw new BackendError('not-found', `This story's demo backend has no ${name}.`, { status: 404 });
    return part as NonNullable<DemoAdapterOptions[K]>;
  }

  /** Unknown agency codes are an error, as in the reference backend: they mean a misconfigured widget. */
  private agencyFilter(agency: string | undefined): Set<string> | undefined {
    if (!agency) return undefined;
    const codes = agency.split(',');
    const missing = codes.filter((code) => !this.agencies.some((known) => known.code === code));
    if (missing.length)
      throw new BackendError('agency-not-found', `Unknown agency code: ${missing.join(', ')}.`, {
        status: 404,
        code: 'agency_not_found',
      });
    return new Set(codes);
  }

  /** Waits the latency (or forever), honouring the signal, then fails as configured or computes the answer. */
  private answer<T>(options: RequestOptions | undefined, compute: () => T): Promise<T> {
    const signal = options?.signal;
    const { latencyMs = 300, fail, pendingForever } = this.options;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const timer = pendingForever ? undefined : setTimeout(settle, latencyMs);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      function settle() {
        signal?.removeEventListener('abort', onAbort);
        try {
          // The widget validates every answer against the contract; this shape fails that check.
          if (fail === 'invalid-response') resolve({ results: 'not the contract', total: '3' } as unknown as T);
          else if (fail) reject(failure(fail));
          else resolve(compute());
        } catch (error) {
          reject(error);
        }
      }
    });
  }
}

/** A procedure as the backend's index takes it: the same texts its catalogue query gathers (`search.ts`). */
function indexed(procedure: ProcedureDetail): IndexedProcedure {
  const documents = [
    ...(procedure.cases.length > 1 ? procedure.cases.map((item) => item.name) : []),
    ...procedure.cases.flatMap((item) => item.documents.map((document) => document.name)),
    ...procedure.results,
  ];
  return { summary: summary(procedure), documents: documents.join(' ') };
}

function summary(procedure: ProcedureDetail): ProcedureSummary {
  const { code, name, field, agency, processingTime, feeSummary, onlineLevel, onlineSubmission } = procedure;
  return {
    code,
    name,
    field,
    agency: { code: agency.code, name: agency.name },
    processingTime,
    feeSummary,
    onlineLevel,
    onlineSubmission,
  };
}

/** Byte-order comparison, like the reference backend's `COLLATE "C"`. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
