/**
 * What a page really downloads from the CDN build, measured in Chromium, as
 * issue 14 defines the size budgets: "all that a page downloads from the CDN
 * build, gzip, measured in a browser on a page holding only those tags".
 *
 * A commune's site serves a page holding only the script tag and one
 * widget's tags, and the CDN build beside it, every file compressed; the
 * reference backend, on another origin, answers the widgets' API calls
 * (their first answers decide what they render and so what they load). Each page loads in a fresh browser context with the
 * cache off, and waits until the widget has rendered and the network has
 * been quiet. The figure sums, per file of the build (`/cdn/…`), the
 * compressed body the browser received: CDP's `encodedDataLength` at
 * `loadingFinished` less the one at `responseReceived` (the status line and
 * headers, which the static figure does not count either; they are reported
 * beside it). Files under 1 KB travel uncompressed, as the server sends them. Which files
 * load is the browser's decision, not an analysis of import statements.
 *
 * `Accept-Encoding: gzip` is sent, since the budgets are gzip figures
 * (Chromium asks for brotli only over HTTPS); brotli is reported without a
 * budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import { closeBrowser, launchBrowser, startJourneyBackend } from '../journey/support.js';
import type { Figure } from './size.js';

/** One widget's page: its tags, and the element whose shadow root shows it has rendered. */
export interface SizePage {
  name: string;
  tags: (api: string) => string;
  /** A selector inside the first widget's shadow root that shows once it has rendered (from the backend's answers). */
  rendered: string;
}

export const SIZE_PAGES = {
  search: {
    name: 'search',
    tags: (api) => `<dvc-procedure-search api="${api}"></dvc-procedure-search>`,
    rendered: '[part="result"]',
  },
  form: {
    name: 'form',
    // The form with an upload beside it: both chunks load; the tus client only when a file is chosen.
    tags: (api) =>
      `<dvc-dossier-form api="${api}" procedure="1.001193"></dvc-dossier-form>\n` +
      `<dvc-attachment-upload api="${api}" name="giay-chung-sinh"></dvc-attachment-upload>`,
    rendered: '[part="next-button"]',
  },
  lookup: {
    name: 'lookup',
    tags: (api) => `<dvc-status-lookup api="${api}"></dvc-status-lookup>`,
    rendered: '[part="submit-button"]',
  },
} satisfies Record<string, SizePage>;

export interface PageTransfer {
  /** Compressed bodies of the CDN build's files, as received. */
  body: number;
  /** The same files' response headers. */
  headers: number;
  files: { path: string; body: number; encoding: string }[];
}

/** The host page: nothing but the loader and the widget's tags. */
const hostPage = (tags: string): string =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>size</title>` +
  `<script type="module" src="/cdn/dvc-widgets.js"></script></head><body>\n${tags}\n</body></html>`;

/** Every file of the build compressed at the highest effort, as `encoding` asks (what `gzip -9` or `brotli -q 11` give). */
function compressed(bytes: Buffer, encoding: string | undefined): { body: Buffer; encoding?: string } {
  if (encoding === 'br')
    return {
      body: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
      encoding,
    };
  if (encoding === 'gzip') return { body: gzipSync(bytes, { level: 9 }), encoding };
  return { body: bytes };
}

/**
 * The commune's own site: the host pages, and the CDN build under `/cdn/`
 * as the README tells webmasters to host it, every file compressed (nginx
 * and Apache compress files of any useful size by default; the reference
 * backend sends files under 1 KB as they are, which adds 55 B to the search
 * page, measured 2026-12-06).
 */
function startHostSite(cdnDir: string, pages: Record<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path.startsWith('/cdn/')) {
      const file = resolve(cdnDir, `.${path.slice('/cdn'.length)}`);
      if (!file.startsWith(`${cdnDir}/`) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      const { body, encoding } = compressed(readFileSync(file), req.headers['accept-encoding']);
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': body.length,
        ...(encoding && { 'Content-Encoding': encoding }),
      });
      res.end(body);
      return;
    }
    const html = pages[path];
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? '');
  });
  return new Promise((listening) => server.listen(0, '127.0.0.1', () => listening(server)));
}

/** Loads `url` in a fresh context and sums what came from `cdn`. */
async function transferOf(browser: Browser, url: string, cdn: string, page: SizePage, encoding: string) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    const cdp = await tab.createCDPSession();
    const responses = new Map<string, { path: string; headers: number; encoding: string }>();
    const transfer: PageTransfer = { body: 0, headers: 0, files: [] };
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      if (!response.url.startsWith(`${cdn}/`)) return;
      // At this event, what has arrived is the status line and headers.
      const headers = response.encodedDataLength;
      const lower = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const path = response.url.slice(cdn.length + 1);
      responses.set(requestId, { path, headers, encoding: String(lower['content-encoding'] ?? 'none') });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const file = responses.get(requestId);
      if (!file) return;
      const body = encodedDataLength - file.headers;
      transfer.body += body;
      transfer.headers += file.headers;
      transfer.files.push({ path: file.path, body, encoding: file.encoding });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
    await tab.goto(url, { waitUntil: 'networkidle0', timeout: 30_000 });
    const tag = /<(dvc-[a-z-]+)/.exec(page.tags(''))![1]!;
    await tab.waitForFunction(
      (host: string, part: string) => Boolean(document.querySelector(host)?.shadowRoot?.querySelector(part)),
      { timeout: 15_000 },
      tag,
      page.rendered,
    );
    // Whatever the rendered widget loads next (a step module, its texts) has its time to arrive.
    await tab.waitForNetworkIdle({ idleTime: 500, timeout: 15_000 });
    transfer.files.sort((a, b) => a.path.localeCompare(b.path));
    return transfer;
  } finally {
    await context.close();
  }
}

/**
 * Each page of `pages` loaded in Chromium against the reference backend;
 * returns, by page name, what it downloaded from the CDN build in `cdnDir`
 * with gzip and with brotli.
 */
export async function measureInBrowser(
  cdnDir: string,
  pages: readonly SizePage[],
): Promise<Map<string, { gzip: PageTransfer; br: PageTransfer }>> {
  const backend = await startJourneyBackend();
  const site = await startHostSite(
    cdnDir,
    Object.fromEntries(pages.map((page) => [`/${page.name}.html`, hostPage(page.tags(`${backend.url}/api/v1`))])),
  );
  const browser = await launchBrowser();
  try {
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const cdn = `${origin}/cdn`;
    const results = new Map<string, { gzip: PageTransfer; br: PageTransfer }>();
    for (const page of pages) {
      const url = `${origin}/${page.name}.html`;
      results.set(page.name, {
        gzip: await transferOf(browser, url, cdn, page, 'gzip'),
        br: await transferOf(browser, url, cdn, page, 'br'),
      });
    }
    return results;
  } finally {
    await closeBrowser(browser);
    await new Promise((closed) => site.close(closed));
    await backend.close();
  }
}

const KB = 1024;

/** The budgets of issue 14, on what the browser received: a page with only these tags, gzip. */
const BUDGETS: { page: SizePage; label: string; budget: number; note?: string }[] = [
  { page: SIZE_PAGES.search, label: 'Search page, in Chromium (gzip)', budget: 20 * KB },
  {
    page: SIZE_PAGES.form,
    label: 'Form + upload page, in Chromium (gzip)',
    budget: 40 * KB,
    note: 'before the tus client',
  },
  { page: SIZE_PAGES.lookup, label: 'Lookup page, in Chromium (gzip)', budget: 22 * KB },
];

/** The browser figures (the budgeted gzip one and brotli beside it) and a table of the files each page loaded. */
export async function browserFigures(cdnDir: string): Promise<Figure[]> {
  const measured = await measureInBrowser(
    cdnDir,
    BUDGETS.map(({ page }) => page),
  );
  console.log('\n== What each page downloaded from the CDN build, in Chromium (compressed bodies) ==');
  return BUDGETS.flatMap(({ page, label, budget, note }) => {
    const { gzip, br } = measured.get(page.name)!;
    console.log(`  ${page.name} page:`);
    for (const file of gzip.files)
      console.log(`    ${file.path.padEnd(44)} ${String(file.body).padStart(7)} B ${file.encoding}`);
    return [
      {
        label,
        value: gzip.body,
        unit: 'B',
        budget,
        note: `${gzip.files.length} files${note ? `, ${note}` : ''}; + ${gzip.headers} B of headers`,
      },
      { label: `  ${page.name} page with brotli`, value: br.body, unit: 'B' },
    ] satisfies Figure[];
  });
}
