/**
 * `npm run catalog -- sync` and its schedule in the backend
 * (CATALOGUE_SYNC_INTERVAL): an agency's procedures fetched from the
 * national gateway (gateway.ts), then the same import as a file's, with
 * the same report. A failed fetch imports nothing.
 *
 * Only one instance syncs at a time. On PostgreSQL the whole sync, fetch
 * included, runs inside the import's transaction after taking the
 * catalogue lock with a try (import.ts, seed/index.ts): an instance that
 * finds it taken skips this round instead of fetching the same pages
 * again. The embedded database serves one process, so there the fetch
 * comes first and the import after, without holding a transaction open.
 */
import type { Database } from '../../db/index.js';
import { type ImportOptions, type ImportReport, importCatalogue, importInto } from '../import.js';
import { nationalCatalogue } from '../import-file.js';
import { CATALOGUE_LOCK_KEY } from '../seed/index.js';
import type { NationalImportOptions } from './catalogue.js';
import { DEFAULT_GATEWAY_OPTIONS, DEFAULT_GATEWAY_URL, fetchAgencyBundle, type GatewayOptions } from './gateway.js';
import { nationalProceduresOfJson } from './json.js';

export interface SyncOptions extends NationalImportOptions, ImportOptions {
  gateway: GatewayOptions;
  /** The agency's id in the national database (impl_agency_id). */
  nationalId: string;
}

/** The catalogue with the agency's national procedures, as `import` would give it. */
async function fetchCatalogue(options: SyncOptions) {
  const bundle = await fetchAgencyBundle(options.gateway, options.nationalId);
  const name = `national gateway, agency ${options.nationalId}`;
  return nationalCatalogue(nationalProceduresOfJson(bundle, name), options, name);
}

/** Fetches and imports; undefined when another instance is syncing or importing right now. */
export async function syncCatalogue(db: Database, options: SyncOptions): Promise<ImportReport | undefined> {
  if (db.engine === 'pglite') return importCatalogue(db, await fetchCatalogue(options), options);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      CATALOGUE_LOCK_KEY,
    ]);
    if (!row?.locked) return undefined;
    return importInto(tx, await fetchCatalogue(options), options);
  });
}

/** Gateway options from the environment, each overridable by the command's options. */
export function gatewayOptionsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): GatewayOptions {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name}="${value}" is not a number`);
    return parsed;
  };
  return {
    ...DEFAULT_GATEWAY_OPTIONS,
    baseUrl: env.NATIONAL_GATEWAY_URL || DEFAULT_GATEWAY_URL,
    delayMs: number('NATIONAL_GATEWAY_DELAY_MS', DEFAULT_GATEWAY_OPTIONS.delayMs),
    cacheDir: env.NATIONAL_CACHE_DIR || `${dataDir.replace(/\/*$/, '')}/national-cache`,
    cacheMaxAgeMs: number('NATIONAL_CACHE_HOURS', DEFAULT_GATEWAY_OPTIONS.cacheMaxAgeMs / 3600_000) * 3600_000,
  };
}

/** "30m", "6h", "1d" or a number of minutes, in ms; undefined when off (unset, empty, "0" or "off"). */
export function parseInterval(value: string | undefined): number | undefined {
  if (!value || value === '0' || value === 'off') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(m|h|d)?$/.exec(value.trim());
  if (!match) throw new Error(`CATALOGUE_SYNC_INTERVAL="${value}": expected e.g. 30m, 6h or 1d`);
  const unit = { m: 60_000, h: 3600_000, d: 86_400_000 }[(match[2] ?? 'm') as 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/** How soon after start the first scheduled sync runs (sooner if the interval is shorter). */
const FIRST_ROUND_MS = 60_000;

/**
 * The backend's schedule: every CATALOGUE_SYNC_INTERVAL, a sync of the
 * agency CATALOGUE_SYNC_AGENCY (its code here) whose national id is
 * CATALOGUE_SYNC_NATIONAL_ID: a minute after start, then each interval
 * after the previous round ended. Off unless the interval is set. Returns
 * a function that stops it.
 */
export function scheduleCatalogueSync(
  db: Database,
  env: NodeJS.ProcessEnv,
  dataDir: string,
  log: (line: string) => void,
): () => void {
  const interval = parseInterval(env.CATALOGUE_SYNC_INTERVAL);
  if (interval === undefined) return () => {};
  const nationalId = env.CATALOGUE_SYNC_NATIONAL_ID;
  if (!nationalId) throw new Error('CATALOGUE_SYNC_INTERVAL is set but CATALOGUE_SYNC_NATIONAL_ID is not');
  const options: SyncOptions = {
    gateway: { ...gatewayOptionsFromEnv(env, dataDir), log },
    nationalId,
    ...(env.CATALOGUE_SYNC_AGENCY && { agency: env.CATALOGUE_SYNC_AGENCY }),
    ...(env.CATALOGUE_SYNC_AGENCY_NAME && { agencyName: env.CATALOGUE_SYNC_AGENCY_NAME }),
  };
  const run = async () => {
    try {
      const report = await syncCatalogue(db, options);
      if (!report) return log('catalogue sync: skipped, another instance is syncing or importing');
      const { added, changed, removed } = report.procedures;
      log(`catalogue sync: ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
    } catch (error) {
      log(`catalogue sync failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  let stopped = false;
  // The first round soon after start (a backend restarted daily would otherwise never sync), then every interval.
  let timer = setTimeout(
    function round() {
      void run().finally(() => {
        if (stopped) return;
        timer = setTimeout(round, interval);
        timer.unref();
      });
    },
    Math.min(interval, FIRST_ROUND_MS),
  );
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
