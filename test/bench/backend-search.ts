/**
 * Benchmark of the reference backend's procedure search on a province-sized
 * catalogue: the real procedures plus synthetic variations (`synthetic.ts`)
 * up to N procedure–agency rows, in-memory PGlite, and `GET /procedures`
 * driven at a fixed rate (open loop: a request leaves every 1/rate seconds
 * whether or not the earlier ones have answered, so queueing shows) with
 * realistic searches (with and without diacritics, typos, some filtered,
 * some paged). Budget (issue 17): at 20,000 rows and 100 requests a second,
 * p50 ≤ 5 ms and p99 ≤ 15 ms. The machine is shared and noisy, so the
 * window runs several times and the spread is reported, not tuned away.
 * How the cost grows with the catalogue is `search-scaling.ts`, which runs
 * this file once per size and engine.
 *
 * Run: `node --import tsx test/bench/backend-search.ts` (env BENCH_ROWS,
 * BENCH_RATE, BENCH_SECONDS, BENCH_RUNS override 20000, 100/s, 10 s, 3;
 * with DATABASE_URL, on that PostgreSQL in a schema of its own, dropped
 * after). Client and server share one thread, so the figures include the
 * client's own work.
 */
import { Agent, get } from 'node:http';
import { startServer } from '../../demo/server/app.js';
import { agencies, demoCatalogue } from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { syntheticProcedures } from '../../demo/server/catalogue/seed/synthetic.js';
import { API, openTestDatabase } from '../backend/helpers.js';
import { spread } from './slowloris.js';
import { isMain, latencySummary } from './size.js';

export const SEARCH_P50_BUDGET_MS = 5;
export const SEARCH_P99_BUDGET_MS = 15;

export interface BackendSearchBenchOptions {
  /** Procedure–agency rows in the catalogue; default 20,000. */
  rows?: number;
  /** Requests per second; default 100. */
  rate?: number;
  /** Measuring time of one run; default 10 s, capped at 60 s. */
  durationMs?: number;
  /** Measured runs on the same server; default 3. */
  runs?: number;
}

export interface SearchRun {
  requests: number;
  /** Answers other than 200, or failed requests. */
  errors: number;
  /** How the errors answered: status codes, 0 for a request that got no answer. */
  errorStatuses: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

export interface BackendSearchBenchResult {
  bench: 'backend-search';
  engine: string;
  rows: number;
  rate: number;
  durationMs: number;
  /** Writing the catalogue into the database. */
  seedMs: number;
  /** The first search after the seed: reading the catalogue and building the index. */
  buildMs: number;
  /** Heap in use after the runs, after a collection when --expose-gc allows: mostly the index. */
  heapMb: number;
  /** The process's peak resident memory (PGlite's WebAssembly memory included). */
  rssMb: number;
  runs: SearchRun[];
}

const QUERIES = [
  'khai sinh',
  'đăng ký khai sinh',
  'dang ky ket hon',
  'Kết hôn',
  'thuong tru',
  'đăng ký tạm trú',
  'chứng thực bản sao',
  'chung thuc chu ky',
  'xac nhan doc than',
  'trợ cấp xã hội',
  'lam giay khai sinh cho con',
  'ho ngheo',
  'nuôi con nuôi',
  '1.001193',
  'cap lai',
  'có yếu tố nước ngoài',
  'giay chung tu',
  'khia sinh',
  'dang ky',
  'cat khau',
  'ddawng kys tam tru',
  'thủ tục',
  '',
];

/** A varied, repeatable list of search paths: every query with several filter and paging combinations. */
function searchPaths(): string[] {
  const paths: string[] = [];
  QUERIES.forEach((q, i) => {
    for (let variant = 0; variant < 4; variant++) {
      const params = new URLSearchParams(q ? { q } : {});
      if ((i + variant) % 3 === 0) params.set('field', 'ho-tich');
      if ((i + variant) % 5 === 0) params.set('level', 'mot-phan');
      if ((i + variant) % 7 === 0 && agencies[0]) params.set('agency', agencies[0].code);
      if (variant === 3) params.set('page', '2');
      paths.push(`${API}/procedures?${params}`);
    }
  });
  return paths;
}

/** GET with node:http on kept-alive sockets (fetch costs the shared thread several times more); resolves the status. */
function searchClient(base: string): (path: string) => Promise<number> {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true });
  return (path) =>
    new Promise((done) => {
      get({ hostname, port, agent, path }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', () => done(0));
      }).on('error', () => done(0));
    });
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** One measured window at `rate`: latencies of requests sent on schedule. */
async function openLoopRun(
  send: (path: string) => Promise<number>,
  rate: number,
  durationMs: number,
): Promise<SearchRun> {
  const paths = searchPaths();
  let errors = 0;
  const errorStatuses: Record<string, number> = {};
  const pending: Promise<number>[] = [];
  const started = performance.now();
  const count = Math.round((rate * durationMs) / 1000);
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const sent = performance.now();
    pending.push(
      send(paths[i % paths.length]!).then((status) => {
        if (status !== 200) {
          errors++;
          errorStatuses[status] = (errorStatuses[status] ?? 0) + 1;
        }
        return performance.now() - sent;
      }),
    );
  }
  const latencies = await Promise.all(pending);
  return { requests: latencies.length, errors, errorStatuses, latencyMs: latencySummary(latencies) };
}

export async function runBackendSearchBench(
  options: BackendSearchBenchOptions = {},
): Promise<BackendSearchBenchResult> {
  const rows = options.rows ?? 20_000;
  const rate = options.rate ?? 100;
  const durationMs = Math.min(options.durationMs ?? 10_000, 60_000);
  // PGlite in memory, or a throw-away schema on the PostgreSQL of DATABASE_URL.
  const database = await openTestDatabase();
  const { db } = database;
  const { procedures } = demoCatalogue;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const seedStarted = performance.now();
    await seedCatalogue(db, {
      agencies,
      procedures: [...procedures, ...syntheticProcedures(procedures, Math.max(rows - procedures.length, 0))],
    });
    const seedMs = Math.round(performance.now() - seedStarted);
    server = await startServer({ host: '127.0.0.1', db, log: () => {} });
    const send = searchClient(server.url);
    const buildStarted = performance.now();
    if ((await send(`${API}/procedures?q=khai+sinh`)) !== 200) throw new Error('the first search failed');
    const buildMs = Math.round(performance.now() - buildStarted);
    // Warm-up, unmeasured: the JIT and the keep-alive connections.
    const warm = await openLoopRun(send, rate, 2000);
    if (warm.errors > 0) throw new Error(`${warm.errors} warm-up searches failed`);
    const runs: SearchRun[] = [];
    for (let run = 0; run < (options.runs ?? 3); run++) runs.push(await openLoopRun(send, rate, durationMs));
    (globalThis as { gc?: () => void }).gc?.();
    const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    const rssMb = Math.round(process.resourceUsage().maxRSS / 2 ** 10);
    return { bench: 'backend-search', engine: db.engine, rows, rate, durationMs, seedMs, buildMs, heapMb, rssMb, runs };
  } finally {
    await server?.close();
    await database.close();
  }
}

/** Median and spread of one latency statistic over the runs. */
export const statistic = (result: BackendSearchBenchResult, key: 'p50' | 'p95' | 'p99') =>
  spread(result.runs.map((run) => run.latencyMs[key]));

export function formatBackendSearchBench(result: BackendSearchBenchResult): string {
  const describe = (key: 'p50' | 'p95' | 'p99') => {
    const { median, min, max } = statistic(result, key);
    return `${key} ${median} ms (${min}–${max})`;
  };
  const errors = result.runs.reduce((sum, run) => sum + run.errors, 0);
  return (
    `backend-search: ${result.rows} rows at ${result.rate}/s, ${result.runs.length} runs of ${result.durationMs / 1000} s, median (min–max): ` +
    `${describe('p50')}, ${describe('p95')}, ${describe('p99')}; seed ${result.seedMs} ms, index build ${result.buildMs} ms, ` +
    `heap ${result.heapMb} MB, peak RSS ${result.rssMb} MB, ` +
    `${errors} errors, ${result.engine}`
  );
}

if (isMain(import.meta.url)) {
  const env = process.env;
  const result = await runBackendSearchBench({
    rows: env.BENCH_ROWS ? Number(env.BENCH_ROWS) : undefined,
    rate: env.BENCH_RATE ? Number(env.BENCH_RATE) : undefined,
    durationMs: env.BENCH_SECONDS ? Number(env.BENCH_SECONDS) * 1000 : undefined,
    runs: env.BENCH_RUNS ? Number(env.BENCH_RUNS) : undefined,
  });
  console.log(JSON.stringify(result));
  console.log(formatBackendSearchBench(result));
  if (result.runs.some((run) => run.errors > 0)) process.exitCode = 1;
}
