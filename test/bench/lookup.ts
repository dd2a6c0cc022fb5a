/**
 * Benchmark of the dossier lookup: the backend runs in this process on
 * in-memory PGlite with N dossiers (each with a short history), and
 * `POST /dossiers/lookup` is driven at a fixed rate (open loop: a request
 * leaves every 1/rate seconds whether or not the previous ones have
 * answered, so a slow answer cannot hide the ones queued behind it) with
 * correct secrets, for a bounded time. Budget: p99 ≤ 20 ms. Exits 1 when
 * the budget is missed or any lookup fails.
 *
 * Run: `node --import tsx test/bench/lookup.ts`
 * (env BENCH_DOSSIERS, BENCH_RATE, BENCH_SECONDS override 2000, 100/s, 10 s).
 *
 * The rate limit is raised for the run: one address asking 1,000 times is
 * exactly what it exists to stop. Answers are not checked against the
 * contract (as in production); client and server share one thread, so the
 * figures include the client's own work.
 */
import { Agent, request } from 'node:http';
import { isMain, latencySummary } from './size.js';
import { startServer } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db/index.js';
import { API } from '../backend/helpers.js';
import { type FixtureDossier, insertDossier } from '../backend/lifecycle-fixtures.js';

export const LOOKUP_P99_BUDGET_MS = 20;
const COMMAND = 'node --import tsx test/bench/lookup.ts';

export interface LookupBenchOptions {
  dossiers?: number;
  /** Requests per second; default 100. */
  rate?: number;
  /** Measuring time; default 10 s, capped at 60 s. */
  durationMs?: number;
  /** Started on the server after the warm-up (an attack, slowloris.ts); the function it returns stops it. */
  during?: (serverUrl: string) => () => void;
}

export interface LookupBenchResult {
  bench: 'lookup';
  engine: string;
  dossiers: number;
  historyRows: number;
  rate: number;
  requests: number;
  errors: number;
  durationMs: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  budgetP99Ms: number;
  command: string;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** N dossiers received on one day, then 2–5 more history steps each: what a lookup aggregates. */
async function seedDossiers(db: Awaited<ReturnType<typeof openDatabase>>, count: number): Promise<FixtureDossier[]> {
  const receivedAt = new Date('2026-10-12T08:00:00+07:00');
  const appointmentAt = new Date('2026-10-16T17:00:00+07:00');
  const dossiers = await db.transaction(async (tx) => {
    const made: FixtureDossier[] = [];
    for (let sequence = 1; sequence <= count; sequence++)
      made.push(await insertDossier(tx, { sequence, receivedAt, appointmentAt }));
    return made;
  });
  await db.query(
    `INSERT INTO dossier_history (dossier_code, at, step, status, note, actor)
     SELECT d.code, d.received_at + n * interval '1 hour', 'Xử lý bước ' || n, 4, 'Hồ sơ đang được xử lý.', 'Cán bộ một cửa'
     FROM dossiers d CROSS JOIN generate_series(1, 5) AS n
     WHERE n <= 2 + length(d.code) % 4`,
  );
  return dossiers;
}

/** The `code` of a 200 JSON answer; undefined for anything else. */
function answeredCode(status: number | undefined, body: Buffer): unknown {
  if (status !== 200) return undefined;
  try {
    return (JSON.parse(body.toString('utf8')) as { code?: unknown }).code;
  } catch {
    return undefined;
  }
}

/**
 * `POST /dossiers/lookup` with node:http on kept-alive sockets, answering the
 * dossier code that came back: the client shares the server's thread, and
 * fetch costs it several times more per request.
 */
function lookupClient(base: string): (dossier: FixtureDossier) => Promise<unknown> {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true });
  return (dossier) =>
    new Promise((done) => {
      const body = JSON.stringify(dossier);
      const req = request(
        {
          hostname,
          port,
          agent,
          method: 'POST',
          path: `${API}/dossiers/lookup`,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(answeredCode(res.statusCode, Buffer.concat(chunks))));
          res.on('error', () => done(undefined));
        },
      );
      req.on('error', () => done(undefined));
      req.end(body);
    });
}

/** A repeatable spread over the dossiers (a multiplicative step, coprime with any count that is not its multiple). */
const pick = (dossiers: readonly FixtureDossier[], i: number): FixtureDossier =>
  dossiers[(i * 7919) % dossiers.length]!;

export async function runLookupBench(options: LookupBenchOptions = {}): Promise<LookupBenchResult> {
  const count = options.dossiers ?? 2000;
  const rate = options.rate ?? 100;
  const durationMs = Math.min(options.durationMs ?? 10_000, 60_000);
  const db = await openDatabase({ dataDir: 'memory://' });
  const dossiers = await seedDossiers(db, count);
  const [{ rows }] = await db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM dossier_history');
  const server = await startServer({
    host: '127.0.0.1',
    db,
    log: () => {},
    dossiers: { lookupRateLimit: { perAddress: 1_000_000, perCode: 1_000_000, windowSeconds: 60 } },
  });
  const post = lookupClient(server.url);
  let errors = 0;
  let stopDuring: (() => void) | undefined;

  /** One lookup; its latency in ms. */
  const lookupOnce = async (dossier: FixtureDossier): Promise<number> => {
    const started = performance.now();
    if ((await post(dossier)) !== dossier.code) errors++;
    return performance.now() - started;
  };

  try {
    // Warm-up, unmeasured: the JIT, PGlite's plan cache, the keep-alive connections.
    for (let i = 0; i < 300; i += 10) await Promise.all(dossiers.slice(i, i + 10).map(lookupOnce));
    if (errors > 0) throw new Error(`${errors} warm-up lookups failed`);
    stopDuring = options.during?.(server.url);

    const total = Math.round((rate * durationMs) / 1000);
    const pending: Promise<number>[] = [];
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(lookupOnce(pick(dossiers, i)));
    }
    const sorted = (await Promise.all(pending)).sort((a, b) => a - b);
    return {
      bench: 'lookup',
      engine: db.engine,
      dossiers: count,
      historyRows: rows,
      rate,
      requests: sorted.length,
      errors,
      durationMs: Math.round(performance.now() - started),
      latencyMs: latencySummary(sorted),
      budgetP99Ms: LOOKUP_P99_BUDGET_MS,
      command: COMMAND,
    };
  } finally {
    stopDuring?.();
    await server.close();
    await db.close();
  }
}

export const withinBudget = (result: LookupBenchResult): boolean =>
  result.errors === 0 && result.latencyMs.p99 <= result.budgetP99Ms;

export function formatLookupBench(result: LookupBenchResult): string {
  const { p50, p95, p99, max } = result.latencyMs;
  return (
    `lookup: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms (budget ≤ ${result.budgetP99Ms} ms: ${withinBudget(result) ? 'met' : 'MISSED'}), max ${max} ms; ` +
    `${result.requests} requests at ${result.rate}/s in ${result.durationMs} ms, ${result.errors} errors, ` +
    `${result.engine}, ${result.dossiers} dossiers, ${result.historyRows} history rows. Command: ${result.command}`
  );
}

if (isMain(import.meta.url)) {
  const env = process.env;
  const result = await runLookupBench({
    dossiers: env.BENCH_DOSSIERS ? Number(env.BENCH_DOSSIERS) : undefined,
    rate: env.BENCH_RATE ? Number(env.BENCH_RATE) : undefined,
    durationMs: env.BENCH_SECONDS ? Number(env.BENCH_SECONDS) * 1000 : undefined,
  });
  console.log(JSON.stringify(result));
  console.log(formatLookupBench(result));
  if (!withinBudget(result)) process.exitCode = 1;
}
