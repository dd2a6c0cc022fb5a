/**
 * Benchmark of the dossier lookup under a slowloris attack: hundreds of
 * connections that each send a request a byte every few seconds, half of
 * them trickling their headers, half their body, and reconnecting whenever
 * the server cuts them, as an attacker would. The lookup benchmark
 * (lookup.ts: 100 lookups a second, open loop) runs once without and once
 * with the attack, alternately, `BENCH_RUNS` times, so the spread of each
 * figure shows beside it. Budget: lookup p99 ≤ 20 ms with the attack on.
 *
 * Run: `node --import tsx test/bench/slowloris.ts`
 * (env BENCH_CONNECTIONS, BENCH_TRICKLE_SECONDS, BENCH_RUNS, BENCH_SECONDS
 * override 500, 3, 2, 10 s).
 *
 * Attacker, server and lookup client share one process (as in lookup.ts),
 * so the attacker's own work counts against the lookups: the figures are
 * an upper bound.
 */
import { connect, type Socket } from 'node:net';
import { API } from '../backend/helpers.js';
import { LOOKUP_P99_BUDGET_MS, type LookupBenchResult, runLookupBench } from './lookup.js';
import { isMain } from './size.js';

const COMMAND = 'node --import tsx test/bench/slowloris.ts';

export interface SlowlorisOptions {
  connections?: number;
  /** Seconds between two bytes of one connection. */
  trickleSeconds?: number;
}

export interface AttackStats {
  connections: number;
  trickleSeconds: number;
  /** Connections the server closed (a 408 or the cap), each replaced at once. */
  cutByServer: number;
  /** Of those, the ones that got a 408 answer first. */
  answered408: number;
}

export interface Attack {
  stop(): AttackStats;
}

/** Starts the attack on `url`'s server; `stop()` ends it and tells what the server did. */
export function startSlowloris(url: string, options: SlowlorisOptions = {}): Attack {
  const { hostname, port } = new URL(url);
  const connections = options.connections ?? 500;
  const trickleSeconds = options.trickleSeconds ?? 3;
  const stats: AttackStats = { connections, trickleSeconds, cutByServer: 0, answered408: 0 };
  const sockets = new Set<Socket>();
  let stopped = false;

  function open(index: number): void {
    const socket = connect(Number(port), hostname);
    sockets.add(socket);
    const trickleBody = index % 2 === 1;
    const timer = setInterval(
      () => socket.writable && socket.write(trickleBody ? '{' : 'X-Slow: 1\r\n'),
      trickleSeconds * 1000,
    );
    socket.on('connect', () =>
      socket.write(
        `POST ${API}/dossiers/lookup HTTP/1.1\r\nHost: ${hostname}\r\n` +
          (trickleBody ? 'Content-Type: application/json\r\nContent-Length: 4096\r\n\r\n' : ''),
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      if (chunk.toString('latin1').startsWith('HTTP/1.1 408')) stats.answered408++;
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
      if (stopped) return;
      stats.cutByServer++;
      open(index);
    });
  }

  for (let index = 0; index < connections; index++) open(index);
  return {
    stop() {
      stopped = true;
      for (const socket of sockets) socket.destroy();
      return stats;
    },
  };
}

export interface SlowlorisBenchResult {
  bench: 'slowloris';
  runs: { quiet: LookupBenchResult; attacked: LookupBenchResult; attack: AttackStats }[];
  budgetP99Ms: number;
  command: string;
}

export async function runSlowlorisBench(
  options: SlowlorisOptions & { runs?: number; durationMs?: number } = {},
): Promise<SlowlorisBenchResult> {
  const runs: SlowlorisBenchResult['runs'] = [];
  for (let run = 0; run < (options.runs ?? 2); run++) {
    const quiet = await runLookupBench({ durationMs: options.durationMs });
    let attack: AttackStats | undefined;
    const attacked = await runLookupBench({
      durationMs: options.durationMs,
      during: (url) => {
        const started = startSlowloris(url, options);
        return () => {
          attack = started.stop();
        };
      },
    });
    runs.push({ quiet, attacked, attack: attack! });
  }
  return { bench: 'slowloris', runs, budgetP99Ms: LOOKUP_P99_BUDGET_MS, command: COMMAND };
}

/** The worst run decides: every p99 under attack within budget, no lookup failed. */
export const slowlorisWithinBudget = (result: SlowlorisBenchResult): boolean =>
  result.runs.every(
    ({ quiet, attacked }) =>
      quiet.errors === 0 && attacked.errors === 0 && attacked.latencyMs.p99 <= result.budgetP99Ms,
  );

/** `values` as "median (min–max)", the spread over the runs. */
export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}

export function formatSlowlorisBench(result: SlowlorisBenchResult): string {
  const describe = (values: number[]) => {
    const { median, min, max } = spread(values);
    return `${median} ms (${min}–${max})`;
  };
  const { attack } = result.runs[0]!;
  return [
    `slowloris: ${attack.connections} connections, a byte every ${attack.trickleSeconds} s each; ${result.runs.length} runs, median (min–max)`,
    `  without: p50 ${describe(result.runs.map((run) => run.quiet.latencyMs.p50))}, p99 ${describe(result.runs.map((run) => run.quiet.latencyMs.p99))}`,
    `  with:    p50 ${describe(result.runs.map((run) => run.attacked.latencyMs.p50))}, p99 ${describe(result.runs.map((run) => run.attacked.latencyMs.p99))} (budget ≤ ${result.budgetP99Ms} ms: ${slowlorisWithinBudget(result) ? 'met' : 'MISSED'})`,
    `  attack connections cut by the server: ${result.runs.map((run) => `${run.attack.cutByServer} (${run.attack.answered408} with a 408)`).join(', ')}`,
    `  Command: ${result.command}`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const env = process.env;
  const result = await runSlowlorisBench({
    connections: env.BENCH_CONNECTIONS ? Number(env.BENCH_CONNECTIONS) : undefined,
    trickleSeconds: env.BENCH_TRICKLE_SECONDS ? Number(env.BENCH_TRICKLE_SECONDS) : undefined,
    runs: env.BENCH_RUNS ? Number(env.BENCH_RUNS) : undefined,
    durationMs: env.BENCH_SECONDS ? Number(env.BENCH_SECONDS) * 1000 : undefined,
  });
  console.log(formatSlowlorisBench(result));
  if (!slowlorisWithinBudget(result)) process.exitCode = 1;
}
