/**
 * Upload throughput as a citizen's browser gets it: the real widget (CDN
 * build) in Chromium sends a 20 MB PDF to the reference backend's tus
 * endpoint; the baseline is one plain PUT of the same File from the same
 * page, sent with `fetch` and, as tus-js-client sends, with
 * `XMLHttpRequest`: Chromium sends a file faster with one or the other from
 * one run of the benchmark to the next, so each has its figure and budget.
 * The page is on another origin than the backend, as on a commune's site,
 * so all go through the browser's CORS checks.
 *
 * Fair as in the Node benchmark (`upload-throughput.ts`): the PUT goes to
 * the same server (the backend's listener), its body to the same disk
 * through the same writer as an upload's, and each stored file is deleted
 * after its run, untimed. The file is a real file on disk, chosen through a
 * file input as a citizen chooses one and handed to both as it is: a File
 * built in the page (from an array, or wrapping the picked one to rename it)
 * is slower to read and send, and unequally so: the first reader of an array
 * waits while Chromium copies 20 MB into its blob store, a cost the PUT
 * after it would not pay.
 *
 * One widget takes all the files, as on a page where a citizen attaches
 * several (so after the warm-up its chunk policy knows the link), and each
 * is removed again once measured. After one unmeasured warm-up, each run
 * takes the three in another order (all six in turn: each in each place as
 * often); every run is printed, medians are compared. 31 runs: single runs
 * here range from a third to twice the median, and with 15 the ratio of
 * medians moved by a tenth between two runs of the benchmark. The figure's
 * note gives the spread: the quartiles of the runs' own ratios, and the load
 * average (on 2 cores at a load of 7, two arms sending the same File by the
 * same plain PUT, in turn, differed by 8 to 27 % in their medians of 20 to
 * 30 runs).
 *
 * Run alone, with the backend's node settings (demo/server/node-flags.ts):
 * `node --single-threaded-gc --no-memory-reducer --import tsx test/bench/upload-browser.ts` (`--no-build` uses dist/cdn
 * as it is; env BENCH_UPLOAD_RUNS overrides the number of runs).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ElementHandle } from 'puppeteer-core';
import { closeBrowser, launchBrowser } from './keystroke.js';
import { buildCdn, CDN_DIR, formatFigure, isMain, type Figure } from './size.js';
import type { UploadStore } from '../../demo/server/uploads/store.js';
import { median, startBenchServer } from './upload-throughput.js';

const SIZE = 20_000_000;
const RUNS = Number(process.env.BENCH_UPLOAD_RUNS) > 0 ? Number(process.env.BENCH_UPLOAD_RUNS) : 31;

/** The page a commune site would serve: the CDN script and the widget from the backend, and a file input to pick the test file. */
const page = (
  backend: string,
) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Upload benchmark</title>
<script type="module" src="${backend}/cdn/dvc-widgets.js"></script></head>
<body><input type="file" id="source"><dvc-attachment-upload api="${backend}/api/v1" max-size="30000000"></dvc-attachment-upload></body></html>`;

/**
 * In the page: times, in the order given, one widget upload and two plain
 * PUTs of the picked file, one with `fetch` and one with `XMLHttpRequest`,
 * and returns the times in ms with the upload's id. The widget takes the
 * same file again each run because the run before removed it from its list.
 */
const RUN_ONCE = `async (sink, order) => {
  const file = document.querySelector('#source').files[0];
  const element = document.querySelector('dvc-attachment-upload');
  let id;
  const arms = {
    async tus() {
      const done = new Promise((resolve, reject) => {
        element.addEventListener('dvc-upload-complete', (event) => resolve(event.detail.id), { once: true });
        element.addEventListener('dvc-upload-error', (event) => reject(new Error(event.detail.message)), { once: true });
      });
      const input = element.shadowRoot.querySelector('#picker');
      const transfer = new DataTransfer(); transfer.items.add(file); input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      id = await done;
    },
    async fetch() {
      const answer = await fetch(sink, { method: 'PUT', body: file });
      if (answer.status !== 204) throw new Error('PUT answered ' + answer.status);
    },
    xhr: () => new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('PUT', sink);
      request.onload = () => (request.status === 204 ? resolve() : reject(new Error('PUT answered ' + request.status)));
      request.onerror = () => reject(new Error('PUT failed'));
      request.send(file);
    }),
  };
  const times = {};
  for (const arm of order) {
    const started = performance.now();
    await arms[arm]();
    times[arm] = performance.now() - started;
  }
  // The citizen removes the file again (the widget deletes it on the server): every run starts with an empty list.
  element.shadowRoot.querySelector('[part="file"].done button[aria-label="Xóa ' + file.name + '"]').click();
  return { id, ...times };
}`;

type Arm = 'tus' | 'fetch' | 'xhr';
/** Every order of the three, one per run in turn, so that each takes each place equally often. */
const ORDERS: Arm[][] = [
  ['tus', 'fetch', 'xhr'],
  ['fetch', 'xhr', 'tus'],
  ['xhr', 'tus', 'fetch'],
  ['tus', 'xhr', 'fetch'],
  ['xhr', 'fetch', 'tus'],
  ['fetch', 'tus', 'xhr'],
];

/**
 * The spread behind a ratio of medians: the quartiles of the runs' own
 * ratios (each run's PUT time over its widget time, measured back to back)
 * and the machine's load average, since single runs here range from a third
 * to twice the median. Reported, not used for the verdict.
 */
function spreadNote(ratios: number[]): string {
  const sorted = [...ratios].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.round(share * (sorted.length - 1))]!.toFixed(2);
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  return `median of ${RUNS} runs each; runs' own ratios ${at(0.25)}–${at(0.75)} (quartiles); load average ${load}`;
}

/** Resolves once the upload `id` is gone from the store (the widget's DELETE went through). */
async function removed(store: UploadStore, id: string): Promise<void> {
  for (const started = performance.now(); performance.now() - started < 10_000; await sleep(5)) {
    if (
      !(await store.getUpload(id).then(
        () => true,
        () => false,
      ))
    )
      return;
  }
  throw new Error(`The widget did not delete upload ${id}`);
}

/** The commune site: it serves only the page. */
function startSite(html: string) {
  const server = createServer(
    (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html),
  );
  return new Promise<{ url: string; close(): void }>((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }),
    ),
  );
}

export async function measureBrowserUpload({ build = true } = {}): Promise<Figure[]> {
  if (build) buildCdn();
  console.log(
    `\n== Upload throughput in Chromium (widget over tus vs one plain PUT, ${SIZE / 1e6} MB, ${RUNS} runs) ==`,
  );
  const fileDir = await mkdtemp(join(tmpdir(), 'dvc-upload-file-'));
  const filePath = join(fileDir, 'ban-sao.pdf');
  // A PDF as far as any check can tell; random, so nothing on the way can compress it.
  await writeFile(filePath, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]));
  const server = await startBenchServer({}, { '/cdn/': CDN_DIR });
  const site = await startSite(page(server.url));
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    await tab.goto(site.url, { waitUntil: 'networkidle0' });
    await tab.waitForFunction(() =>
      document.querySelector('dvc-attachment-upload')?.shadowRoot?.querySelector('#picker'),
    );
    const source = await tab.$('input#source');
    await (source as ElementHandle<HTMLInputElement>).uploadFile(filePath);
    const times: Record<Arm, number>[] = [];
    // Run 0 warms up (JIT, connections, the tus client's chunk, preflight caches) and is not counted.
    for (let run = 0; run <= RUNS; run += 1) {
      const script = `(${RUN_ONCE})(${JSON.stringify(server.putUrl)}, ${JSON.stringify(ORDERS[run % ORDERS.length])})`;
      const { id, ...time } = (await tab.evaluate(script)) as { id: string } & Record<Arm, number>;
      await Promise.all([server.removePuts(), removed(server.store, id)]);
      if (run > 0) times.push(time);
    }
    const medians = { tus: 0, fetch: 0, xhr: 0 };
    for (const arm of ['tus', 'fetch', 'xhr'] as const) {
      medians[arm] = median(times.map((time) => time[arm]));
      console.log(
        `  ${arm === 'tus' ? 'widget over tus' : `plain PUT with ${arm}`}: median ${medians[arm].toFixed(1)} ms (${(SIZE / 1e3 / medians[arm]).toFixed(0)} MB/s)`,
      );
      console.log(`    runs (ms): ${times.map((time) => time[arm].toFixed(1)).join(' ')}`);
    }
    const figures: Figure[] = (['fetch', 'xhr'] as const).map((arm) => ({
      label: `Upload in Chromium, tus / PUT with ${arm === 'fetch' ? 'fetch' : 'XMLHttpRequest'}`,
      value: medians[arm] / medians.tus,
      unit: 'ratio',
      budget: 0.9,
      higherIsBetter: true,
      note: spreadNote(times.map((time) => time[arm] / time.tus)),
    }));
    for (const figure of figures) console.log(formatFigure(figure));
    return figures;
  } finally {
    await closeBrowser(browser);
    site.close();
    await server.close();
    await rm(fileDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await measureBrowserUpload({ build: !process.argv.includes('--no-build') });
