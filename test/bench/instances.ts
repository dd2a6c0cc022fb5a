/**
 * One instance against three, on the same machine, in one run: filings per
 * second and the lookup's p99, each through nginx in front of
 * `demo/server/main.ts` instances in production mode on one PostgreSQL
 * (test/support/cluster.ts, the same setup as test/multi/). A benchmark:
 * no budget on the ratio. This machine's two cores are shared by the
 * instances, PostgreSQL, nginx and this client, so three instances can add
 * little here; the figures say what a deployment gains only on a machine
 * with the cores to give them.
 *
 * Each setting runs three rounds; a figure is the median round with the
 * lowest and highest beside it (the spread on a noisy machine). A round:
 * 200 filings by 16 clients at once (closed loop: each files again as soon
 * as it is answered), then lookups of the dossiers that round filed at a fixed
 * 100 per second for 5 s (open loop, as test/bench/lookup.ts). The filings
 * name no attachment, so the bucket plays no part: S3_TEST_ENDPOINT is used
 * when set, not needed.
 *
 * Each lookup comes from its own address in the benchmarking range
 * 198.18.0.0/15 (X-Forwarded-For, believed from nginx with
 * TRUST_PROXY=127.0.0.1): a crowd of citizens, not one client the limit
 * would stop after ten.
 *
 * Run alone: `node --import tsx test/bench/instances.ts` (DATABASE_URL:
 * the PostgreSQL server, default the CI one; needs nginx).
 */
import { Agent, request } from 'node:http';
import type { DossierReceipt, DossierSubmission } from '../../src/api/contract/index.js';
import { API } from '../backend/helpers.js';
import { newIdempotencyKey, submissionFor } from '../backend/dossier-fixtures.js';
import { startCluster } from '../support/cluster.js';
import { formatFigure, isMain, percentile, type Figure } from './size.js';

const NO_FILES = ['2.000635', '1.004873'];
const ROUNDS = 3;
const FILINGS_PER_ROUND = 200;
const FILING_CLIENTS = 16;
const LOOKUP_RATE = 100;
const LOOKUP_SECONDS = 5;

interface Answer {
  status: number;
  body: unknown;
}

/** A JSON POST on kept-alive sockets (the client shares the cores with the servers: fetch costs several times more). */
function poster(base: string): (path: string, body: unknown, headers?: Record<string, string>) => Promise<Answer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (path, body, headers = {}) =>
    new Promise((done) => {
      const text = JSON.stringify(body);
      const outgoing = request(`${base}${API}${path}`, {
        agent,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers },
      });
      outgoing.on('response', (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = raw;
          try {
            parsed = JSON.parse(raw);
          } catch {
            // not JSON: kept as text for the error count
          }
          done({ status: answer.statusCode ?? 0, body: parsed });
        });
      });
      outgoing.on('error', (error) => done({ status: 0, body: error.message }));
      outgoing.end(text);
    });
}

interface Filed {
  code: string;
  secret: string;
}

const secretOf = (submission: DossierSubmission, receipt: DossierReceipt): string =>
  receipt.lookup.value ??
  (submission.applicant.kind === 'person' ? submission.applicant.personalId : submission.applicant.taxCode);

type Post = ReturnType<typeof poster>;

/** `count` filings by `clients` clients at once; returns the dossiers filed, the seconds it took and the failures. */
async function fileMany(post: Post, count: number, clients: number) {
  const filed: Filed[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const submission = submissionFor(NO_FILES[next++ % NO_FILES.length]!);
        const answer = await post('/dossiers', submission, { 'Idempotency-Key': newIdempotencyKey() });
        if (answer.status !== 201) failures++;
        else
          filed.push({
            code: (answer.body as DossierReceipt).code,
            secret: secretOf(submission, answer.body as DossierReceipt),
          });
      }
    }),
  );
  return { filed, seconds: (performance.now() - started) / 1000, failures };
}

/** Lookups of `dossiers` at a fixed rate, each from its own address; returns the sorted latencies and the failures' statuses. */
async function lookUpMany(post: Post, dossiers: readonly Filed[], round: number) {
  const total = LOOKUP_RATE * LOOKUP_SECONDS;
  const pending: Promise<number>[] = [];
  const failures: number[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / LOOKUP_RATE - performance.now();
    if (wait > 0) await new Promise((settled) => setTimeout(settled, wait));
    const dossier = dossiers[(i * 7919 + round) % dossiers.length]!;
    const client = round * total + i;
    const address = `198.18.${(client >> 8) & 255}.${client & 255}`;
    pending.push(
      (async () => {
        const sent = performance.now();
        const answer = await post('/dossiers/lookup', dossier, { 'X-Forwarded-For': address });
        if (answer.status !== 200) failures.push(answer.status);
        return performance.now() - sent;
      })(),
    );
  }
  const latencies = (await Promise.all(pending)).sort((a, b) => a - b);
  return { latencies, failures };
}

export interface InstancesRound {
  filingsPerSecond: number;
  lookupP99Ms: number;
}

export interface InstancesBenchResult {
  instances: number;
  rounds: InstancesRound[];
  filingFailures: number;
  /** The status of each failed lookup. */
  lookupFailures: number[];
  lookups: number;
}

/** The bench for one setting: a fresh cluster of `instances`, three rounds. */
export async function runInstancesBench(instances: number): Promise<InstancesBenchResult> {
  const cluster = await startCluster({
    instances,
    ...(process.env.S3_TEST_ENDPOINT && { s3Endpoint: process.env.S3_TEST_ENDPOINT }),
    env: { TRUST_PROXY: '127.0.0.1' },
  });
  try {
    const post = poster(cluster.url);
    // Warm-up, unmeasured: the JIT, the pools, the plans.
    await fileMany(post, 40, FILING_CLIENTS);
    const result: InstancesBenchResult = { instances, rounds: [], filingFailures: 0, lookupFailures: [], lookups: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const filing = await fileMany(post, FILINGS_PER_ROUND, FILING_CLIENTS);
      // This round's dossiers only: 500 lookups of 200 dossiers stay within the per-code limit (5 a
      // minute), which lookups of the same codes in the round before, seconds earlier, could pass.
      const lookup = await lookUpMany(post, filing.filed, round);
      result.filingFailures += filing.failures;
      result.lookupFailures.push(...lookup.failures);
      result.lookups += lookup.latencies.length;
      result.rounds.push({
        filingsPerSecond: Math.round((FILINGS_PER_ROUND / filing.seconds) * 10) / 10,
        lookupP99Ms: Math.round(percentile(lookup.latencies, 99) * 10) / 10,
      });
    }
    return result;
  } finally {
    await cluster.stop();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]): string =>
  `rounds ${values.join(', ')}; min–max ${Math.min(...values)}–${Math.max(...values)}`;

/** The figures of both settings, and the ratios of their medians (no budget: two cores). */
export function instancesFigures(one: InstancesBenchResult, three: InstancesBenchResult): Figure[] {
  const figures = (result: InstancesBenchResult): Figure[] => {
    const filings = result.rounds.map((round) => round.filingsPerSecond);
    const p99s = result.rounds.map((round) => round.lookupP99Ms);
    const name = `${result.instances} instance${result.instances > 1 ? 's' : ''}`;
    return [
      {
        label: `Filings per second, ${name}`,
        value: median(filings),
        unit: 'req/s',
        note: `median of ${spread(filings)}`,
      },
      {
        label: `Lookup p99 at ${LOOKUP_RATE}/s, ${name}`,
        value: median(p99s),
        unit: 'ms',
        note: `median of ${spread(p99s)}`,
      },
    ];
  };
  const [filingsOne, p99One] = figures(one);
  const [filingsThree, p99Three] = figures(three);
  const ratio = (a: Figure, b: Figure) => Math.round((a.value / b.value) * 100) / 100;
  return [
    filingsOne!,
    filingsThree!,
    {
      label: 'Filings per second, 3 / 1',
      value: ratio(filingsThree!, filingsOne!),
      unit: 'ratio',
      note: 'two cores for all',
    },
    p99One!,
    p99Three!,
    { label: 'Lookup p99, 3 / 1', value: ratio(p99Three!, p99One!), unit: 'ratio' },
  ];
}

/** Both settings, one after the other; fails when any filing or lookup failed (the figures would flatter). */
export async function measureInstances(): Promise<Figure[]> {
  const one = await runInstancesBench(1);
  const three = await runInstancesBench(3);
  const results = [one, three];
  for (const result of results)
    console.log(
      `${result.instances} instance(s): ${result.rounds.map((round) => `${round.filingsPerSecond} filings/s, lookup p99 ${round.lookupP99Ms} ms`).join('; ')}`,
    );
  const failed = results.filter((result) => result.filingFailures || result.lookupFailures.length);
  if (failed.length)
    throw new Error(
      failed
        .map((result) => {
          const limited = result.lookupFailures.filter((status) => status === 429).length;
          return (
            `${result.instances} instance(s): ${result.filingFailures} filings and ${result.lookupFailures.length} of ${result.lookups} lookups failed` +
            (limited ? ` (${limited} refused 429: is X-Forwarded-For believed from TRUST_PROXY?)` : '')
          );
        })
        .join('; '),
    );
  return instancesFigures(one, three);
}

if (isMain(import.meta.url)) (await measureInstances()).forEach((figure) => console.log(formatFigure(figure)));
