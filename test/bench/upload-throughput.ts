/**
 * Upload throughput on loopback: a 20 MB file sent with tus-js-client to the
 * reference backend's tus endpoint, against the same bytes sent as one plain
 * HTTP PUT. Budget: tus at least 0.9 of the PUT's throughput.
 *
 * The comparison is of the protocol alone, so everything else is the same:
 * - the same server: one `node:http` listener runs the backend (`createApp`)
 *   and, beside it, the bare PUT route of the baseline;
 * - the same client code: the PUT goes through tus-js-client's own Node HTTP
 *   stack, which streams a Buffer body the way it streams every tus request;
 * - the same disk and the same writer: the PUT's body goes to a fresh file
 *   next to the uploads through `writeAt`, the function the upload store
 *   writes with; each file, the PUT's and the upload's, is deleted after its
 *   run, untimed.
 * What remains is the price of tus: the creation (a database row under the
 * draft's lock, the store's record), one request per chunk, the check of the
 * first bytes, and tus-js-client's own work (told, as the widget tells it,
 * to identify a file without hashing it: its Node default reads and hashes
 * the first 64 KiB).
 *
 * The tus upload follows the widget's chunk policy (chunk-size.ts; one
 * policy object for all runs, as one widget keeps one for the files of a
 * page), measured first; fixed 1 MiB chunks show what the policy buys, and
 * a widget's first file, which starts with a small chunk, is measured too.
 * After unmeasured warm-up rounds, each round runs them all in an order of
 * its own, so that drift in the machine, and what one run leaves behind,
 * hit all alike; every run is printed, medians are compared. Client and server
 * share one thread, as in the other benchmarks (the database has its own, as
 * in the backend).
 *
 * The process runs as `npm start` runs the backend, with the node settings
 * of demo/server/node-flags.ts; without them it says so, and its figures
 * are those of a backend started without them (in about one process of
 * six, a ratio of 0.5 to 0.75). Run alone:
 * `node --single-threaded-gc --no-memory-reducer --import tsx test/bench/upload-throughput.ts`
 * (env BENCH_UPLOAD_RUNS, BENCH_UPLOAD_CHUNK_MIB=adaptive,1,5 override the defaults),
 * or call `runUploadThroughputBench()` from the main bench script.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tus from 'tus-js-client';
import { createApp } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db/index.js';
import { serverFlagsWarning } from '../../demo/server/node-flags.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, type UploadStore, writeAt } from '../../demo/server/uploads/store.js';
import { UPLOAD_SECRET_HEADER } from '../../src/api/contract/index.js';
import { ChunkSizer, FIRST_CHUNK_BYTES } from '../../src/components/attachment-upload/chunk-size.js';

const MiB = 2 ** 20;

/**
 * Unmeasured rounds first: in a fresh process the first dozen uploads run
 * up to three times slower while V8 compiles the tus path (the PUT's is
 * short and warms at once), and a backend serves many more than a dozen.
 */
const WARM_UP_RUNS = 10;

/**
 * How an upload is cut into requests: `'adaptive'` is the widget's policy
 * (src/components/attachment-upload/chunk-size.ts) as a widget applies it
 * to its files after the first: one sizer for all runs, so each upload
 * starts at the speed the one before measured. A fixed 1 MiB shows what the
 * adaptation buys. The widget's first file, which starts small, is measured
 * besides (see {@link UploadThroughputBenchResult.firstFile}).
 */
export type Chunking = 'adaptive' | number;
export const CHUNK_SIZES: Chunking[] = ['adaptive', 1 * MiB];

export interface UploadThroughputBenchOptions {
  /** File size; default 20 MB (within the backend's default 20 MiB limit). */
  sizeBytes?: number;
  /** tus chunkings, the first being the one the budget applies to; default {@link CHUNK_SIZES}. */
  chunkSizes?: Chunking[];
  /** Measured runs of each; default 31. */
  runs?: number;
}

interface Figures {
  medianMs: number;
  bestMs: number;
  /** Megabytes (10^6 bytes) per second at the median. */
  megabytesPerSecond: number;
  /** Every measured run, in order. */
  runsMs: number[];
}

export interface TusFigures extends Figures {
  chunkBytes: Chunking;
  /** This throughput / the PUT's, at the medians. */
  ratio: number;
}

export interface UploadThroughputBenchResult {
  bench: 'upload-throughput';
  sizeBytes: number;
  runs: number;
  /** One per chunk size, in the order asked; the first is the widget's. */
  tus: TusFigures[];
  /** The widget's policy for a widget's first file: a small first chunk, then the rest (a sizer of its own for each upload). */
  firstFile: TusFigures;
  put: Figures;
}

/** A shuffler with a fixed seed (mulberry32, Fisher-Yates), so that every run of the benchmark takes the same orders. */
function seededShuffle(seed: number): <T>(items: T[]) => T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return (items) => {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const figures = (times: number[], sizeBytes: number): Figures => ({
  medianMs: median(times),
  bestMs: Math.min(...times),
  megabytesPerSecond: sizeBytes / 1e6 / (median(times) / 1000),
  runsMs: times,
});

/** Where the baseline's PUTs go (one URL, so a browser's preflight for it is cached as the upload endpoint's is). */
const PUT_PATH = '/bench-put';

export interface BenchServer {
  /** Base URL, e.g. `http://127.0.0.1:1234`. */
  url: string;
  /** The tus endpoint. */
  endpoint: string;
  /** The plain PUT's URL. */
  putUrl: string;
  store: UploadStore;
  /** Deletes what the PUTs stored. */
  removePuts(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The plain PUT: the body written into a new file exactly as the store
 * writes an upload's, then 204. Cross-origin pages may PUT here too (the
 * browser benchmark's page is on another origin, like the widget's).
 */
async function plainPut(req: IncomingMessage, res: ServerResponse, newPath: () => string): Promise<void> {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method === 'OPTIONS') {
    res
      .writeHead(204, {
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      })
      .end();
    return;
  }
  await writeAt(req, newPath(), 0);
  res.writeHead(204).end();
}

/**
 * The backend (in-memory database, file store in a temporary folder, other
 * options as given) and the plain PUT on one listener, on 127.0.0.1.
 */
export async function startBenchServer(
  env: Record<string, string> = {},
  staticDirs: Record<string, string> = {},
): Promise<BenchServer> {
  const flagsWarning = serverFlagsWarning();
  if (flagsWarning) console.warn(flagsWarning);
  const directory = await mkdtemp(join(tmpdir(), 'dvc-upload-bench-'));
  const db = await openDatabase({ dataDir: 'memory://' });
  // Every upload of a run comes from 127.0.0.1: the per-address quota (1 GiB by default) would stop
  // a run of a crowd's uploads half-way, so the bench lifts it unless told otherwise.
  const config = readUploadConfig({ UPLOAD_MAX_ADDRESS_BYTES: String(2 ** 40), ...env }, directory);
  const store = await createUploadStore(config);
  const app = createApp({ db, uploads: { store, limits: config.limits }, staticDirs, log: () => {} });
  const stored: string[] = [];
  const server = createServer((req, res) => {
    if (req.url !== PUT_PATH) return app(req, res);
    const newPath = () => {
      const path = join(directory, `put-${randomUUID()}`);
      stored.push(path);
      return path;
    };
    plainPut(req, res, newPath).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    endpoint: `${url}/api/v1/uploads`,
    putUrl: `${url}${PUT_PATH}`,
    store,
    removePuts: async () => {
      await Promise.all(stored.splice(0).map((path) => rm(path, { force: true })));
    },
    close: async () => {
      await new Promise((closed) => {
        server.close(closed);
        server.closeAllConnections();
      });
      await db.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Time of one PUT through tus-js-client's Node HTTP stack; the stored file is removed afterwards, untimed. */
async function timePut(server: BenchServer, data: Buffer): Promise<number> {
  const request = new tus.DefaultHttpStack({}).createRequest('PUT', server.putUrl);
  // As tus-js-client declares its own bodies' length (a chunked body would cost the PUT its framing).
  request.setHeader('Content-Length', String(data.length));
  const started = performance.now();
  const response = await request.send(data);
  const elapsed = performance.now() - started;
  if (response.getStatus() !== 204) throw new Error(`PUT answered ${response.getStatus()}`);
  await server.removePuts();
  return elapsed;
}

/** Time of one upload, in fixed chunks or by a sizer's policy; the stored file is removed afterwards, untimed. */
async function timeTus(server: BenchServer, data: Buffer, chunking: ChunkSizer | number): Promise<number> {
  const sizer = typeof chunking === 'number' ? undefined : chunking;
  const started = performance.now();
  let chunkStarted = started;
  const url = await new Promise<string>((done, fail) => {
    const upload: tus.Upload = new tus.Upload(data, {
      endpoint: server.endpoint,
      chunkSize: typeof chunking === 'number' ? chunking : chunking.first(),
      uploadDataDuringCreation: Boolean(sizer),
      onChunkComplete: (chunkBytes) => {
        if (!sizer) return;
        upload.options.chunkSize = sizer.next(chunkBytes, performance.now() - chunkStarted);
        chunkStarted = performance.now();
      },
      retryDelays: [],
      storeFingerprintForResuming: false,
      fingerprint: async () => 'benchmark-file',
      // Each upload its own draft: the per-dossier limit is not what is measured.
      metadata: {
        filename: 'giay-chung-sinh.pdf',
        filetype: 'application/pdf',
        procedure: '1.001193',
        slot: 'giay-chung-sinh',
        draft: randomBytes(16).toString('base64url'),
      },
      headers: { [UPLOAD_SECRET_HEADER]: randomBytes(32).toString('base64url') },
      onSuccess: () => done(upload.url!),
      onError: fail,
    });
    upload.start();
  });
  const elapsed = performance.now() - started;
  await server.store.remove(new URL(url).pathname.split('/').at(-1)!);
  return elapsed;
}

export async function runUploadThroughputBench(
  options: UploadThroughputBenchOptions = {},
): Promise<UploadThroughputBenchResult> {
  const sizeBytes = options.sizeBytes ?? 20_000_000;
  const chunkSizes = options.chunkSizes ?? CHUNK_SIZES;
  const runs = options.runs ?? 31;
  const server = await startBenchServer();
  try {
    // A PDF as far as the content check can tell; random, so nothing on the way can compress it.
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(sizeBytes - 9)]);
    const widget = new ChunkSizer();
    const uploads = [
      ...chunkSizes.map((chunking) => () => timeTus(server, data, chunking === 'adaptive' ? widget : chunking)),
      () => timeTus(server, data, new ChunkSizer()),
    ];
    for (let run = 0; run < WARM_UP_RUNS; run++) {
      for (const upload of uploads) await upload();
      await timePut(server, data);
    }
    const tusTimes = uploads.map((): number[] => []);
    const putTimes: number[] = [];
    const measurements = [
      ...uploads.map((upload, i) => async () => tusTimes[i]!.push(await upload())),
      async () => putTimes.push(await timePut(server, data)),
    ];
    // Each round in an order of its own: what one measurement leaves behind (garbage, dirty pages) then
    // falls on each of the others about as often. (Forwards and backwards in turn did not do that: the
    // widget's upload came right after the twenty requests of the 1 MiB run half of the time, the PUT never.)
    const shuffle = seededShuffle(20_000_000);
    for (let run = 0; run < runs; run++) {
      for (const measure of shuffle(measurements)) await measure();
    }
    const put = figures(putTimes, sizeBytes);
    const tusFigures = (chunkBytes: Chunking, times: number[]): TusFigures => {
      const measured = figures(times, sizeBytes);
      return { chunkBytes, ...measured, ratio: measured.megabytesPerSecond / put.megabytesPerSecond };
    };
    return {
      bench: 'upload-throughput',
      sizeBytes,
      runs,
      tus: chunkSizes.map((chunkBytes, i) => tusFigures(chunkBytes, tusTimes[i]!)),
      firstFile: tusFigures('adaptive', tusTimes.at(-1)!),
      put,
    };
  } finally {
    await server.close();
  }
}

export function formatUploadThroughputBench(result: UploadThroughputBenchResult): string {
  const line = (name: string, f: Figures) =>
    `${name}: ${f.megabytesPerSecond.toFixed(0)} MB/s (median ${f.medianMs.toFixed(1)} ms, best ${f.bestMs.toFixed(1)} ms)\n` +
    `    runs (ms): ${f.runsMs.map((ms) => ms.toFixed(1)).join(' ')}`;
  return [
    JSON.stringify(result),
    `${(result.sizeBytes / 1e6).toFixed(0)} MB on loopback, ${result.runs} runs each, medians`,
    `  ${line('plain PUT (one request → file)', result.put)}`,
    ...result.tus.map((tus, i) => {
      const verdict = i > 0 ? '' : ` (budget ≥ 0.90${tus.ratio >= 0.9 ? ')' : ': OVER BUDGET)'}`;
      const chunks =
        tus.chunkBytes === 'adaptive' ? 'adaptive chunks' : `${Number((tus.chunkBytes / MiB).toFixed(2))} MiB chunks`;
      const name = `tus-js-client, ${chunks}${i === 0 ? " (the widget's)" : ''}`;
      return `  ${line(name, tus)}\n    ratio ${tus.ratio.toFixed(2)}${verdict}`;
    }),
    `  ${line(`tus-js-client, adaptive chunks, a widget's first file (${FIRST_CHUNK_BYTES / 1024} KiB with the creation, then the rest)`, result.firstFile)}`,
    `    ratio ${result.firstFile.ratio.toFixed(2)}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const chunkSizes = process.env.BENCH_UPLOAD_CHUNK_MIB?.split(',').map((mib): Chunking =>
    mib === 'adaptive' ? mib : Math.round(Number(mib) * MiB),
  );
  const result = await runUploadThroughputBench({
    ...(chunkSizes?.every((chunking) => chunking === 'adaptive' || chunking > 0) && { chunkSizes }),
    ...(Number(process.env.BENCH_UPLOAD_RUNS) > 0 && { runs: Number(process.env.BENCH_UPLOAD_RUNS) }),
  });
  console.log(formatUploadThroughputBench(result));
}
