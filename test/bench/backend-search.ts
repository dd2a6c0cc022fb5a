/**
 * Benchmark of the reference backend's search: the server runs in this
 * process on in-memory PGlite with the seed catalog plus synthetic
 * procedures, and a fixed number of concurrent clients fire realistic
 * searches (with and without diacritics, some filtered, some paged) over
 * loopback for a bounded time. Prints one JSON line and one line for people.
 *
 * Run alone: `node --import tsx test/bench/backend-search.ts`
 * (env BENCH_SYNTHETIC, BENCH_CONCURRENCY, BENCH_SECONDS override the defaults),
 * or call `runBackendSearchBench()` from the main bench script.
 *
 * Client and server share one thread, so the figures are a floor for what
 * the server alone would do; they are meant for comparing runs.
 */
import { isMain, latencySummary } from './size.js';
import { startServer } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db/index.js';
import { agencies, procedures } from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { syntheticProcedures } from '../../demo/server/catalogue/seed/synthetic.js';

export interface BackendSearchBenchOptions {
  /** Synthetic procedures added to the catalog; default 2000. */
  synthetic?: number;
  /** Requests in flight at any time; default 8. */
  concurrency?: number;
  /** Measuring time, capped at 10 s; default 5 s. */
  durationMs?: number;
  /** Stop after this many measured requests even if time remains; default 50,000. */
  maxRequests?: number;
  /** Unmeasured requests first, to warm caches and the JIT; default 200. */
  warmupRequests?: number;
}

export interface BackendSearchBenchResult {
  bench: 'backend-search';
  engine: string;
  procedures: number;
  concurrency: number;
  requests: number;
  /** Answers other than 200, or failed requests. */
  errors: number;
  durationMs: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
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
  'xac nhan tinh trang hon nhan',
  'trợ cấp xã hội',
  'giay khai sinh',
  'ho ngheo',
  'nuôi con nuôi',
  '1.001193',
  'cap lai',
  'có yếu tố nước ngoài',
  'khai tu',
  'giám hộ',
  'dang ky',
  '',
];

/** A varied, repeatable list of search URLs: every query with several filter and paging combinations. */
function searchUrls(base: string): string[] {
  const urls: string[] = [];
  QUERIES.forEach((q, i) => {
    for (let variant = 0; variant < 4; variant++) {
      const params = new URLSearchParams(q ? { q } : {});
      if ((i + variant) % 3 === 0) params.set('field', 'ho-tich');
      if ((i + variant) % 5 === 0) params.set('level', 'mot-phan');
      if ((i + variant) % 7 === 0 && agencies[0]) params.set('agency', agencies[0].code);
      if (variant === 3) params.set('page', '2');
      urls.push(`${base}/api/v1/procedures?${params}`);
    }
  });
  return urls;
}

export async function runBackendSearchBench(
  options: BackendSearchBenchOptions = {},
): Promise<BackendSearchBenchResult> {
  const concurrency = options.concurrency ?? 8;
  const durationMs = Math.min(options.durationMs ?? 5000, 10_000);
  const maxRequests = options.maxRequests ?? 50_000;
  const db = await openDatabase({ dataDir: 'memory://' });
  const total = await seedCatalogue(db, {
    agencies,
    procedures: [...procedures, ...syntheticProcedures(procedures, options.synthetic ?? 2000)],
  });
  const server = await startServer({ host: '127.0.0.1', db, log: () => {} });
  try {
    const urls = searchUrls(server.url);
    let issued = 0;
    let errors = 0;
    const latencies: number[] = [];

    /** One client: requests back to back until the time or the request budget runs out. */
    const client = async (until: number, budget: number, measure: boolean): Promise<void> => {
      while (performance.now() < until && issued < budget) {
        const url = urls[issued++ % urls.length]!;
        const started = performance.now();
        try {
          const response = await fetch(url);
          await response.arrayBuffer();
          if (response.status !== 200) errors++;
        } catch {
          errors++;
        }
        if (measure) latencies.push(performance.now() - started);
      }
    };
    const runClients = (until: number, budget: number, measure: boolean) =>
      Promise.all(Array.from({ length: concurrency }, () => client(until, budget, measure)));

    await runClients(Infinity, options.warmupRequests ?? 200, false);
    if (errors > 0) throw new Error(`${errors} warm-up requests failed`);
    issued = 0;
    const started = performance.now();
    await runClients(started + durationMs, maxRequests, true);
    const elapsed = performance.now() - started;

    const sorted = latencies.sort((a, b) => a - b);
    return {
      bench: 'backend-search',
      engine: db.engine,
      procedures: total,
      concurrency,
      requests: sorted.length,
      errors,
      durationMs: Math.round(elapsed),
      requestsPerSecond: Math.round(sorted.length / (elapsed / 1000)),
      latencyMs: latencySummary(sorted),
    };
  } finally {
    await server.close();
    await db.close();
  }
}

export function formatBackendSearchBench(result: BackendSearchBenchResult): string {
  const { p50, p95, p99 } = result.latencyMs;
  return (
    `backend-search: ${result.requestsPerSecond} req/s, p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms ` +
    `(${result.requests} requests, ${result.errors} errors, concurrency ${result.concurrency}, ${result.engine}, ${result.procedures} procedures)`
  );
}

if (isMain(import.meta.url)) {
  const env = process.env;
  const result = await runBackendSearchBench({
    synthetic: env.BENCH_SYNTHETIC ? Number(env.BENCH_SYNTHETIC) : undefined,
    concurrency: env.BENCH_CONCURRENCY ? Number(env.BENCH_CONCURRENCY) : undefined,
    durationMs: env.BENCH_SECONDS ? Number(env.BENCH_SECONDS) * 1000 : undefined,
  });
  console.log(JSON.stringify(result));
  console.log(formatBackendSearchBench(result));
  if (result.errors > 0) process.exitCode = 1;
}
