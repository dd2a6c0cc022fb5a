/**
 * Upload throughput on loopback: a 20 MB file sent with tus-js-client (in
 * Node, in chunks of the widget's default size, 1 MiB, and for comparison
 * 5 MiB) to the reference backend's
 * tus endpoint, against the same bytes sent as one plain HTTP PUT to a
 * trivial sink in the same process that writes them to a file in the same
 * folder. Both servers store to disk, so the ratio is the price of tus
 * itself: one request per chunk, the hooks (database rows, content check),
 * locking and the store's bookkeeping. Budget: at least 0.9.
 *
 * Runs alternate (tus, PUT, tus, PUT, ...) after one unmeasured warm-up of
 * each, so drift in the machine hits both alike; the medians are compared.
 * Each file is deleted after its run, so neither side waits on the disk
 * writing back the other's. Client and servers share one thread, as in the
 * other benchmarks.
 *
 * What the figures showed when this was written (Node 20, 2 cores): the
 * server's PATCH of 20 MB costs the same as the PUT (~35 ms); creating an
 * upload costs ~5 ms (a database row, the store's metadata file). The rest
 * of the gap is the Node client, which a browser does not share:
 * tus-js-client's Node transport writes each chunk in 16 KiB pieces, waiting
 * for the socket to drain after each, and one request per chunk; and the
 * garbage collector, whose share varies from one process to the next.
 *
 * Run alone: `node --import tsx test/bench/upload-throughput.ts`
 * (env BENCH_UPLOAD_RUNS, BENCH_UPLOAD_CHUNK_MIB=1,5,32 override the defaults),
 * or call `runUploadThroughputBench()` from the main bench script.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import * as tus from 'tus-js-client';
import { startServer } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db/index.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, type UploadStore } from '../../demo/server/uploads/store.js';
import { FIRST_CHUNK_BYTES, nextChunkSize } from '../../src/components/attachment-upload/chunk-size.js';

const MiB = 2 ** 20;

/**
 * How an upload is cut into requests: `'adaptive'` is the widget's policy
 * (src/components/attachment-upload/chunk-size.ts: a small first chunk sent
 * with the creation request, then chunks sized from the measured speed),
 * measured first; a fixed 1 MiB shows what the adaptation buys.
 */
export type Chunking = 'adaptive' | number;
export const CHUNK_SIZES: Chunking[] = ['adaptive', 1 * MiB];

export interface UploadThroughputBenchOptions {
  /** File size; default 20 MB (within the backend's default 20 MiB limit). */
  sizeBytes?: number;
  /** tus chunkings, the first being the one the budget applies to; default {@link CHUNK_SIZES}. */
  chunkSizes?: Chunking[];
  /** Measured runs of each; default 7. */
  runs?: number;
}

interface Figures {
  medianMs: number;
  bestMs: number;
  /** Megabytes (10^6 bytes) per second at the median. */
  megabytesPerSecond: number;
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
  put: Figures;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const figures = (times: number[], sizeBytes: number): Figures => ({
  medianMs: median(times),
  bestMs: Math.min(...times),
  megabytesPerSecond: sizeBytes / 1e6 / (median(times) / 1000),
});

/** The baseline: PUT writes the body to a file (the same one each time) and answers 204. */
function startSink(directory: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    pipeline(req, createWriteStream(join(directory, 'put-sink'))).then(
      () => res.writeHead(204).end(),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () => ready({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sink`, server })),
  );
}

/** One plain PUT with Node's HTTP client, the one tus-js-client uses in Node. */
function timePut(url: string, data: Buffer): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(url, { method: 'PUT', headers: { 'Content-Length': data.length } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 204 ? done(performance.now() - started) : fail(new Error(`PUT answered ${res.statusCode}`))));
    });
    req.on('error', fail);
    req.end(data);
  });
}

/** Time of one upload; the stored file is removed afterwards, untimed. */
async function timeTus(endpoint: string, data: Buffer, chunking: Chunking, store: UploadStore): Promise<number> {
  const started = performance.now();
  let chunkStarted = started;
  const url = await new Promise<string>((done, fail) => {
    const upload: tus.Upload = new tus.Upload(data, {
      endpoint,
      chunkSize: chunking === 'adaptive' ? FIRST_CHUNK_BYTES : chunking,
      uploadDataDuringCreation: chunking === 'adaptive',
      onChunkComplete: (chunkBytes) => {
        if (chunking !== 'adaptive') return;
        upload.options.chunkSize = nextChunkSize(chunkBytes, performance.now() - chunkStarted);
        chunkStarted = performance.now();
      },
      retryDelays: [],
      storeFingerprintForResuming: false,
      // Each upload its own draft: the per-dossier limit is not what is measured.
      metadata: {
        filename: 'giay-chung-sinh.pdf', filetype: 'application/pdf', procedure: '1.001193', slot: 'giay-chung-sinh',
        draft: randomBytes(16).toString('base64url'),
      },
      onSuccess: () => done(upload.url!),
      onError: fail,
    });
    upload.start();
  });
  const elapsed = performance.now() - started;
  await store.remove(new URL(url).pathname.split('/').at(-1)!);
  return elapsed;
}

export async function runUploadThroughputBench(options: UploadThroughputBenchOptions = {}): Promise<UploadThroughputBenchResult> {
  const sizeBytes = options.sizeBytes ?? 20_000_000;
  const chunkSizes = options.chunkSizes ?? CHUNK_SIZES;
  const runs = options.runs ?? 7;
  const dataDir = await mkdtemp(join(tmpdir(), 'dvc-upload-bench-'));
  const db = await openDatabase({ dataDir: 'memory://' });
  const config = readUploadConfig({}, dataDir);
  const store = await createUploadStore(config);
  const backend = await startServer({ db, host: '127.0.0.1', uploads: { store, limits: config.limits }, log: () => {} });
  const sink = await startSink(dataDir);
  try {
    const endpoint = `${backend.url}/api/v1/uploads`;
    // A PDF as far as the content check can tell; random, so nothing on the way can compress it.
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(sizeBytes - 9)]);
    for (const chunkBytes of chunkSizes) await timeTus(endpoint, data, chunkBytes, store);
    await timePut(sink.url, data);
    const tusTimes = chunkSizes.map((): number[] => []);
    const putTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      for (const [i, chunkBytes] of chunkSizes.entries()) tusTimes[i]!.push(await timeTus(endpoint, data, chunkBytes, store));
      putTimes.push(await timePut(sink.url, data));
    }
    const put = figures(putTimes, sizeBytes);
    const tus = chunkSizes.map((chunkBytes, i) => {
      const measured = figures(tusTimes[i]!, sizeBytes);
      return { chunkBytes, ...measured, ratio: measured.megabytesPerSecond / put.megabytesPerSecond };
    });
    return { bench: 'upload-throughput', sizeBytes, runs, tus, put };
  } finally {
    await new Promise((closed) => sink.server.close(closed));
    await backend.close();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function formatUploadThroughputBench(result: UploadThroughputBenchResult): string {
  const line = (name: string, f: Figures) => `${name}: ${f.megabytesPerSecond.toFixed(0)} MB/s (median ${f.medianMs.toFixed(1)} ms, best ${f.bestMs.toFixed(1)} ms)`;
  return [
    JSON.stringify(result),
    `${(result.sizeBytes / 1e6).toFixed(0)} MB on loopback, ${result.runs} runs each, medians`,
    `  ${line('plain PUT (one request → file)', result.put)}`,
    ...result.tus.map((tus, i) => {
      const verdict = i > 0 ? '' : ` (budget ≥ 0.90${tus.ratio >= 0.9 ? ')' : ': OVER BUDGET)'}`;
      const chunks = tus.chunkBytes === 'adaptive' ? 'adaptive chunks' : `${Number((tus.chunkBytes / MiB).toFixed(2))} MiB chunks`;
      const name = `tus-js-client, ${chunks}${i === 0 ? ' (the widget\'s)' : ''}`;
      return `  ${line(name, tus)}, ratio ${tus.ratio.toFixed(2)}${verdict}`;
    }),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const chunkSizes = process.env.BENCH_UPLOAD_CHUNK_MIB?.split(',').map((mib): Chunking => (mib === 'adaptive' ? mib : Math.round(Number(mib) * MiB)));
  const result = await runUploadThroughputBench({
    ...(chunkSizes?.every((chunking) => chunking === 'adaptive' || chunking > 0) && { chunkSizes }),
    ...(Number(process.env.BENCH_UPLOAD_RUNS) > 0 && { runs: Number(process.env.BENCH_UPLOAD_RUNS) }),
  });
  console.log(formatUploadThroughputBench(result));
}
