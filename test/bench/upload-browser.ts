/**
 * Upload throughput as a citizen's browser gets it: the real widget (CDN
 * build) in Chromium sends a 20 MB PDF to the reference backend's tus
 * endpoint; the baseline is one plain PUT of the same Blob from the same
 * page to a sink that writes it to a file. Both on loopback, alternating,
 * medians of several runs. The Node benchmark beside it
 * (`upload-throughput.ts`) measures the server with tus-js-client's Node
 * client, whose own overhead weighs more than a browser's.
 *
 * Run alone: `npx tsx test/bench/upload-browser.ts` (`--no-build` uses dist/cdn as it is).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { startServer } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db/index.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore } from '../../demo/server/uploads/store.js';
import { closeBrowser, launchBrowser } from './keystroke.js';
import { buildCdn, CDN_DIR, formatFigure, isMain, type Figure } from './size.js';

const SIZE = 20_000_000;
const RUNS = 5;

/** The page a commune site would serve: the CDN script and the widget, both from the backend's origin. */
const page = (backend: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Upload benchmark</title>
<script type="module" src="${backend}/cdn/dvc-widgets.js"></script></head>
<body><dvc-attachment-upload api="${backend}/api/v1" max-size="30000000" multiple max-files="100"></dvc-attachment-upload></body></html>`;

/** In the page: times one widget upload and one plain PUT of a fresh 20 MB PDF each, returns both in ms. */
const RUN_ONCE = `async (size, sink, run) => {
  const bytes = new Uint8Array(size); crypto.getRandomValues(bytes.subarray(0, 65536));
  bytes.set(new TextEncoder().encode('%PDF-1.7\\n'));
  const file = new File([bytes], 'ban-sao-' + run + '.pdf', { type: 'application/pdf' });
  const element = document.querySelector('dvc-attachment-upload');
  const done = new Promise((resolve, reject) => {
    element.addEventListener('dvc-upload-complete', resolve, { once: true });
    element.addEventListener('dvc-upload-error', (event) => reject(new Error(event.detail.message)), { once: true });
  });
  const input = element.shadowRoot.querySelector('#picker');
  const transfer = new DataTransfer(); transfer.items.add(file); input.files = transfer.files;
  let started = performance.now();
  input.dispatchEvent(new Event('change'));
  await done;
  const tus = performance.now() - started;
  started = performance.now();
  const answer = await fetch(sink, { method: 'PUT', body: file });
  if (answer.status !== 204) throw new Error('PUT answered ' + answer.status);
  return { tus, put: performance.now() - started };
}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The commune site: it serves the page and is the PUT sink, as plain as an
 * upload can be (body to file, 204). The widget talks to the backend on
 * another origin, as it does on a real commune site.
 */
function startSite(directory: string, html: string) {
  const server = createServer((req, res) => {
    if (req.method === 'GET') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    pipeline(req, createWriteStream(join(directory, 'put-sink'))).then(() => res.writeHead(204).end(), () => res.writeHead(500).end());
  });
  return new Promise<{ url: string; close(): void }>((ready) =>
    server.listen(0, '127.0.0.1', () => ready({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sink`, close: () => server.close() })),
  );
}

export async function measureBrowserUpload({ build = true } = {}): Promise<Figure[]> {
  if (build) buildCdn();
  console.log(`\n== Upload throughput in Chromium (widget over tus vs one plain PUT, ${SIZE / 1e6} MB, ${RUNS} runs) ==`);
  const directory = await mkdtemp(join(tmpdir(), 'dvc-upload-browser-'));
  const db = await openDatabase({ dataDir: 'memory://' });
  const config = readUploadConfig({ UPLOAD_MAX_DRAFT_BYTES: String(200 * 2 ** 20) }, directory);
  const server = await startServer({
    db, host: '127.0.0.1', log: () => {},
    uploads: { store: await createUploadStore(config), limits: config.limits },
    staticDirs: { '/cdn/': CDN_DIR },
  });
  const site = await startSite(directory, page(server.url));
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/`, { waitUntil: 'networkidle0' });
    await tab.waitForFunction(() => document.querySelector('dvc-attachment-upload')?.shadowRoot?.querySelector('#picker'));
    const times: { tus: number; put: number }[] = [];
    // Run 0 warms up (JIT, connections, the tus client's chunk) and is not counted.
    for (let run = 0; run <= RUNS; run += 1) {
      const time = (await tab.evaluate(`(${RUN_ONCE})(${SIZE}, ${JSON.stringify(`${site.url}/sink`)}, ${run})`)) as { tus: number; put: number };
      if (run > 0) times.push(time);
    }
    const tus = median(times.map((time) => time.tus));
    const put = median(times.map((time) => time.put));
    console.log(`  widget over tus: median ${tus.toFixed(1)} ms (${(SIZE / 1e3 / tus).toFixed(0)} MB/s); plain PUT: median ${put.toFixed(1)} ms (${(SIZE / 1e3 / put).toFixed(0)} MB/s)`);
    const figure: Figure = { label: 'Upload in Chromium, tus / plain PUT', value: put / tus, unit: 'ratio', budget: 0.9, higherIsBetter: true };
    console.log(formatFigure(figure));
    return [figure];
  } finally {
    await closeBrowser(browser);
    site.close();
    await server.close();
    await db.close();
    await rm(directory, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await measureBrowserUpload({ build: !process.argv.includes('--no-build') });
