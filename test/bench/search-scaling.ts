/**
 * How the backend search's cost grows with the catalogue (issue 17): the
 * open-loop bench of `backend-search.ts` (100 requests a second, 3 windows
 * of 10 s) at 2,000, 20,000 and 100,000 procedure–agency rows, on PGlite
 * and, when DATABASE_URL is set, on PostgreSQL, in one table.
 *
 * Each size runs in a process of its own, with the backend's node settings
 * (`node-flags.ts`): a fresh heap, so the heap figure is that size's and
 * not the garbage of the size before, and a crash at one size does not take
 * the others. `--expose-gc` only lets the heap be read after a collection.
 * Each size runs `BENCH_PROCESSES` times (default 2), since the machine is
 * shared and one process's windows share its noise; the table gives the
 * median of all windows and their spread.
 *
 * Run: `DATABASE_URL=postgres://… node --import tsx test/bench/search-scaling.ts`
 * (env BENCH_SIZES, comma-separated, overrides the sizes).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SERVER_NODE_FLAGS } from '../../demo/server/node-flags.js';
import type { BackendSearchBenchResult } from './backend-search.js';
import { spread } from './slowloris.js';
import { isMain } from './size.js';

export const SCALING_SIZES = [2_000, 20_000, 100_000];

/** One engine at one size: every process's result. */
export interface ScalingRow {
  engine: string;
  rows: number;
  results: BackendSearchBenchResult[];
}

const BENCH = fileURLToPath(new URL('./backend-search.ts', import.meta.url));

/** One process of `backend-search.ts` at `rows`, on PostgreSQL when `url` is given; its result. */
async function benchProcess(rows: number, url: string | undefined): Promise<BackendSearchBenchResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_ROWS: String(rows) };
  if (url) env.DATABASE_URL = url;
  else delete env.DATABASE_URL;
  // A process whose searches failed exits 1 after printing its result: the table shows its errors.
  const stdout = await promisify(execFile)(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--expose-gc', '--import', 'tsx', BENCH],
    { env, maxBuffer: 2 ** 24 },
  ).then(
    (done) => done.stdout,
    (error: { stdout?: string; message: string }) => error.stdout || Promise.reject(new Error(error.message)),
  );
  const line = stdout.split('\n').find((text) => text.startsWith('{'));
  if (!line) throw new Error(`backend-search at ${rows} rows printed no result:\n${stdout}`);
  return JSON.parse(line) as BackendSearchBenchResult;
}

/** Every size on PGlite, then on the PostgreSQL of `url` if given. */
export async function runSearchScaling(
  options: { sizes?: number[]; processes?: number; url?: string | undefined } = {},
): Promise<ScalingRow[]> {
  const engines = [undefined, ...(options.url ? [options.url] : [])];
  const table: ScalingRow[] = [];
  for (const url of engines) {
    for (const rows of options.sizes ?? SCALING_SIZES) {
      const results: BackendSearchBenchResult[] = [];
      for (let i = 0; i < (options.processes ?? 2); i++) {
        results.push(await benchProcess(rows, url));
        console.log(`${url ? 'postgres' : 'pglite'} ${rows} rows, process ${i + 1}: done`);
      }
      table.push({ engine: results[0]!.engine, rows, results });
    }
  }
  return table;
}

/** Median and spread of one latency statistic over every window of every process. */
export const windowStatistic = (row: ScalingRow, key: 'p50' | 'p95' | 'p99') =>
  spread(row.results.flatMap((result) => result.runs.map((run) => run.latencyMs[key])));

/** "median (min–max) unit" over the processes of a per-process figure. */
function perProcess(row: ScalingRow, value: (result: BackendSearchBenchResult) => number, unit: string): string {
  const { median, min, max } = spread(row.results.map(value));
  return min === max ? `${median} ${unit}` : `${median} ${unit} (${min}–${max})`;
}

export function formatSearchScaling(table: ScalingRow[]): string {
  const latency = (row: ScalingRow, key: 'p50' | 'p95' | 'p99') => {
    const { median, min, max } = windowStatistic(row, key);
    return `${median} ms (${min}–${max})`;
  };
  return [
    '| engine | rows | p50 | p95 | p99 | errors | seed | index build | heap | peak RSS |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...table.map((row) => {
      const statuses: Record<string, number> = {};
      for (const run of row.results.flatMap((result) => result.runs))
        for (const [status, n] of Object.entries(run.errorStatuses)) statuses[status] = (statuses[status] ?? 0) + n;
      const errors = Object.values(statuses).reduce((sum, n) => sum + n, 0);
      const how = Object.entries(statuses).map(([status, n]) => `${n} × ${status === '0' ? 'no answer' : status}`);
      const windows = row.results.reduce((sum, r) => sum + r.runs.length, 0);
      return (
        `| ${row.engine} | ${row.rows.toLocaleString('en')} | ${latency(row, 'p50')} | ${latency(row, 'p95')} | ` +
        `${latency(row, 'p99')} | ${errors}${how.length > 0 ? ` (${how.join(', ')})` : ''} in ${windows} windows | ${perProcess(row, (r) => r.seedMs, 'ms')} | ` +
        `${perProcess(row, (r) => r.buildMs, 'ms')} | ${perProcess(row, (r) => r.heapMb, 'MB')} | ` +
        `${perProcess(row, (r) => r.rssMb, 'MB')} |`
      );
    }),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const { BENCH_SIZES, BENCH_PROCESSES, DATABASE_URL } = process.env;
  const table = await runSearchScaling({
    sizes: BENCH_SIZES?.split(',').map(Number),
    processes: BENCH_PROCESSES ? Number(BENCH_PROCESSES) : undefined,
    url: DATABASE_URL,
  });
  console.log(JSON.stringify(table.map(({ engine, rows, results }) => ({ engine, rows, results }))));
  console.log(formatSearchScaling(table));
}
