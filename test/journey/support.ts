/**
 * What the journey tests need around the browser: the reference backend
 * serving the demo site and the CDN build (as `npm start` does, on an
 * in-memory PGlite, uploads in a temporary folder, officer actions on), a
 * "mobile network" in front of it that can lose one answer, real
 * PDFs, Chromium, and a `Journey`: one page driven by the mouse, the
 * keyboard alone or touch, whose steps fail with the step's name, what the
 * page showed and a screenshot.
 *
 * Everything the tests assert is read from the page as a citizen sees it:
 * the visible text of the widgets' shadow roots (nested ones included) and
 * where keyboard focus is.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/api/contract/index.js';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import { openDatabase, type Database } from '../../demo/server/db/index.js';
import { agencies, formTemplates, procedures } from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { createUploadStore } from '../../demo/server/uploads/store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_DIR = join(ROOT, 'demo/site');
/** The CDN build under test: `npm run build`'s, or another folder given by `JOURNEY_CDN_DIR` (a candidate build). */
export const CDN_DIR = process.env.JOURNEY_CDN_DIR || join(ROOT, 'dist/cdn');
/** The demo site's own scripts (the configurator), built by `npm run build`. */
export const SITE_SCRIPTS_DIR = join(ROOT, 'dist/site');

/** Only ever used against these throw-away servers. */
export const OFFICER_TOKEN = 'journey-officer-token-not-a-secret';

// ---------------------------------------------------------------------------
// Files

/**
 * A real, well-formed PDF 1.4 (catalog, page tree, one page with a line of
 * text, a cross-reference table with the right offsets) padded with
 * `padding` random bytes in a stream of its own, so nothing on the way can
 * compress it and a truncated or shuffled copy is detectable.
 */
export function makePdf(padding = 0): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  const object = (body: Buffer | string, stream?: Buffer) => {
    offsets.push(length);
    const n = offsets.length;
    add(Buffer.from(`${n} 0 obj\n`));
    add(Buffer.isBuffer(body) ? body : Buffer.from(body));
    if (stream) {
      add(Buffer.from('\nstream\n'));
      add(stream);
      add(Buffer.from('\nendstream'));
    }
    add(Buffer.from('\nendobj\n'));
  };
  const content = Buffer.from('BT /F1 18 Tf 72 720 Td (Giay chung sinh - ban chup) Tj ET');
  const noise = randomBytes(padding);
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  );
  object(`<< /Length ${content.length} >>`, content);
  object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  object(`<< /Length ${noise.length} >>`, noise);
  const xref = length;
  add(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`,
    ),
  );
  add(Buffer.from(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A folder of files to choose in the browser's file chooser, removed with the backend. */
export async function writeFiles(dir: string, files: Record<string, Buffer>): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    paths[name] = path;
  }
  return paths;
}

// ---------------------------------------------------------------------------
// The backend

export interface JourneyBackend {
  /** The backend itself. */
  url: string;
  /** The same backend through the "mobile network" in front of it (see {@link JourneyBackend.dropNextSubmitAnswer}). */
  networkUrl: string;
  db: Database;
  /** A temporary folder of this backend (files to choose live here too). */
  dir: string;
  uploadDir: string;
  /** Rows in the dossiers table. */
  countDossiers(): Promise<number>;
  /** An officer's action, as `npm run officer` sends it. */
  officer(code: string, action: Record<string, unknown>): Promise<void>;
  /** Bytes of upload `id` the store holds so far (0 before it exists). */
  storedBytes(id: string): Promise<number>;
  /** sha256 of upload `id` as stored. */
  storedSha256(id: string): Promise<string>;
  /** The uploads the backend knows, newest first. */
  uploads(): Promise<{ id: string; file_name: string; size: number; dossier_code: string | null }[]>;
  /** Through `networkUrl` only: the next answer to POST /dossiers is lost after the backend has filed it. */
  dropNextSubmitAnswer(): void;
  /**
   * Through `networkUrl` only: once `bytes` of the next upload PATCH have
   * passed, every open connection dies at once and new ones are
   * refused, as when a phone loses its signal, until {@link JourneyBackend.restoreNetwork}.
   * The cut is made by the network itself, on the byte count, so it always
   * falls inside a request: a test that polled and then cut could find the
   * request already answered. Resolves when the cut has happened.
   */
  cutDuringNextPatch(bytes: number): Promise<void>;
  restoreNetwork(): void;
  /** Requests that went through `networkUrl`: `METHOD /path status` (`cut` when the browser went away), ` offset=N` for tus. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A network in front of the backend, forwarding everything as it is, that
 * can cut every connection at once, and lose one answer to
 * `POST /api/v1/dossiers`: the backend files the
 * dossier and answers, but the connection drops after a few bytes of the
 * answer (a phone losing signal). Browsers never retry a request that was
 * being answered, so only the widget's "Thử lại" can ask again.
 */
interface Network {
  url: string;
  dropNext(): void;
  cutDuringPatch(bytes: number): Promise<void>;
  restore(): void;
  close(): Promise<void>;
}

function startNetwork(target: string, requests: string[]): Promise<Network> {
  let dropNext = false;
  let down = false;
  let cutAt: { bytes: number; done(): void } | undefined;
  const sockets = new Set<Socket>();
  const cut = () => {
    down = true;
    sockets.forEach((socket) => socket.destroy());
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const offset = req.headers['upload-offset'] === undefined ? '' : ` offset=${String(req.headers['upload-offset'])}`;
    const line = (status: string | number | undefined) =>
      requests.push(`${req.method} ${req.url?.split('?')[0]} ${status}${offset}`);
    const upstream = httpRequest(
      `${target}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        line(answer.statusCode);
        if (dropNext && req.method === 'POST' && req.url === '/api/v1/dossiers') {
          dropNext = false;
          answer.resume();
          answer.on('end', () => {
            res.socket?.end(
              `HTTP/1.1 ${answer.statusCode} Created\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"co`,
            );
            res.socket?.destroy();
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    // A browser that goes away mid-request (offline, a paused upload) takes the upstream request with it.
    if (req.method === 'PATCH' && cutAt) {
      const armed = cutAt;
      let passed = 0;
      req.on('data', (chunk: Buffer) => {
        passed += chunk.length;
        if (cutAt !== armed || passed < armed.bytes) return;
        cutAt = undefined;
        cut();
        armed.done();
      });
    }
    req.on('close', () => {
      if (req.complete) return;
      line('cut');
      upstream.destroy();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    if (down) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        dropNext: () => void (dropNext = true),
        cutDuringPatch: (bytes) => new Promise<void>((done) => void (cutAt = { bytes, done })),
        restore: () => void (down = false),
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      }),
    ),
  );
}

/**
 * The reference backend as `npm start` runs it (demo site at `/`, the CDN
 * build at `/cdn/`), on a fresh in-memory database with the seed catalog,
 * uploads in a temporary folder and the officer endpoints on. The CDN build
 * is copied first, so a build another process starts meanwhile cannot pull
 * files from under the browser.
 */
export async function startJourneyBackend(): Promise<JourneyBackend> {
  if (!existsSync(join(CDN_DIR, 'dvc-widgets.js')))
    throw new Error(`No CDN build in ${CDN_DIR}: run \`npm run build\` first.`);
  const dir = await mkdtemp(join(tmpdir(), 'dvc-journey-'));
  const cdnDir = join(dir, 'cdn');
  const uploadDir = join(dir, 'uploads');
  let db: Database | undefined;
  let server: RunningServer | undefined;
  try {
    await cp(CDN_DIR, cdnDir, { recursive: true });
    db = await openDatabase({ dataDir: 'memory://' });
    await seedCatalogue(db, { agencies, procedures });
    const store = await createUploadStore({
      store: { kind: 'file', directory: uploadDir },
      limits: DEFAULT_UPLOAD_LIMITS,
    });
    server = await startServer({
      db,
      host: '127.0.0.1',
      log: () => {},
      validateResponses: true,
      formTemplates,
      uploads: { store, limits: DEFAULT_UPLOAD_LIMITS },
      staticDirs: { '/': SITE_DIR, '/cdn/': cdnDir, '/assets/': SITE_SCRIPTS_DIR },
      // Every run looks its dossier up (and refreshes) from the same address within a minute or two:
      // a limit the runs cannot reach (the default, 10 a minute per address, is tested in test/backend).
      dossiers: { officerToken: OFFICER_TOKEN, lookupRateLimit: { perAddress: 1000, perCode: 100, windowSeconds: 60 } },
    });
  } catch (error) {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const requests: string[] = [];
  const front = await startNetwork(server.url, requests);
  const database = db;
  const backend = server;
  return {
    url: backend.url,
    networkUrl: front.url,
    db: database,
    dir,
    uploadDir,
    requests,
    async countDossiers() {
      const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers');
      return row!.n;
    },
    async officer(code, action) {
      const response = await fetch(`${backend.url}/api/v1/officer/dossiers/${encodeURIComponent(code)}/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${OFFICER_TOKEN}` },
        body: JSON.stringify(action),
      });
      if (response.status !== 200)
        throw new Error(
          `Officer action ${String(action['action'])} on ${code} answered ${response.status}: ${await response.text()}`,
        );
    },
    uploads: () =>
      database.query('SELECT id, file_name, size::int AS size, dossier_code FROM uploads ORDER BY created_at DESC'),
    storedBytes: (id) =>
      stat(join(uploadDir, id)).then(
        (file) => file.size,
        () => 0,
      ),
    storedSha256: (id) => sha256OfFile(join(uploadDir, id)),
    dropNextSubmitAnswer: () => front.dropNext(),
    cutDuringNextPatch: (bytes) => front.cutDuringPatch(bytes),
    restoreNetwork: () => front.restore(),
    async close() {
      await front.close();
      await backend.close();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------
// The browser

/** Debian's Chromium (or CHROME_PATH), headless, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    protocolTimeout: 120_000,
  });
}

export async function closeBrowser(browser: Browser): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>(
    (done) =>
      (timer = setTimeout(() => {
        browser.process()?.kill('SIGKILL');
        done();
      }, 5000)),
  );
  await Promise.race([browser.close().catch(() => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * Installed in every page before its scripts: reading the page as a citizen
 * sees it. A string, not a function: tsx would wrap named inner functions
 * in `__name()`, which does not exist in the page.
 *
 * Selectors are puppeteer's: `a >>> b` finds `b` anywhere inside the shadow
 * roots under `a`.
 */
const PAGE_HELPERS = `(() => {
  const deepFind = (root, selector) => {
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const element of root.querySelectorAll('*')) {
      if (!element.shadowRoot) continue;
      const inner = deepFind(element.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const find = (path) => {
    let node = document;
    for (const part of path.split('>>>').map((piece) => piece.trim())) {
      const root = node === document ? document : node.shadowRoot;
      if (!root) return null;
      node = deepFind(root, part);
      if (!node) return null;
    }
    return node;
  };
  const visibleText = (node) => {
    const out = [];
    const walk = (current) => {
      if (current.nodeType === 3) {
        const parent = current.parentElement;
        if (parent && parent.checkVisibility({ visibilityProperty: true })) out.push(current.data);
        return;
      }
      if (current.nodeType === 1) {
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(current.tagName)) return;
        // A closed list shows only its chosen option.
        if (current.tagName === 'SELECT') {
          if (current.checkVisibility()) out.push(' ', current.selectedOptions[0] ? current.selectedOptions[0].textContent : '', ' ');
          return;
        }
        if (current.shadowRoot) walk(current.shadowRoot);
        if (['INPUT', 'SELECT', 'TEXTAREA', 'BR', 'P', 'LI', 'DT', 'DD', 'H1', 'H2', 'H3', 'DIV'].includes(current.tagName)) out.push(' ');
      }
      for (const child of current.childNodes) walk(child);
      if (current.nodeType === 1) out.push(' ');
    };
    walk(node);
    return out.join('').replace(/\\s+/g, ' ').trim();
  };
  const active = () => {
    let element = document.activeElement;
    const hosts = [];
    while (element && element.shadowRoot && element.shadowRoot.activeElement) {
      hosts.push(element.localName);
      element = element.shadowRoot.activeElement;
    }
    if (!element || element === document.body) return { path: '(nothing: the page)', id: '', tag: '', text: '' };
    const name = element.getAttribute('aria-label') || (element.labels && element.labels[0] ? element.labels[0].textContent : '') || element.textContent || '';
    return {
      path: [...hosts, element.localName + (element.id ? '#' + element.id : '') + (element.getAttribute('part') ? '[part=' + element.getAttribute('part') + ']' : '')].join(' >>> '),
      id: element.id, tag: element.localName, part: element.getAttribute('part') || '', type: element.type || '',
      text: name.replace(/\\s+/g, ' ').trim().slice(0, 120),
      hosts,
    };
  };
  const searches = [];
  document.addEventListener('dvc-search-results', (event) => searches.push(event.detail.query));
  window.__journey = {
    /** Queries the search widget has shown results for, in order. */
    searches,
    /** Whether the page fits the window's width (nothing to scroll sideways). */
    fits: () => document.documentElement.scrollWidth <= window.innerWidth,
    find,
    exists: (path) => Boolean(find(path)),
    text: (path) => { const node = find(path); return node ? visibleText(node) : ''; },
    value: (path) => { const node = find(path); return node ? node.value : undefined; },
    active,
  };
})();`;

export type Mode = 'mouse' | 'keyboard' | 'touch';

/** Where focus is: the chain of shadow hosts, then the element (`dvc-dossier-form >>> h2#step-heading`). */
export interface Focus {
  path: string;
  id: string;
  tag: string;
  part?: string;
  type?: string;
  text: string;
  hosts?: string[];
}

const js = (value: unknown): string => JSON.stringify(value);

/**
 * One citizen's page in a browser context of its own, driven in one `mode`:
 * the mouse clicks, touch taps, the keyboard only Tabs, types, and presses
 * Enter, Space and arrow keys. Choices are made by their visible labels.
 */
export class Journey {
  /** One line per finished step: its name and how long it took. */
  readonly timings: string[] = [];
  private stepNumber = 0;
  private readonly recentFocus: string[] = [];

  constructor(
    readonly page: Page,
    readonly run: string,
    readonly mode: Mode,
    /** Longest wait for any one thing the citizen waits for. */
    readonly timeout = 20_000,
  ) {}

  static async open(
    browser: Browser,
    run: string,
    mode: Mode,
    options: { timeout?: number; viewport?: Parameters<Page['setViewport']>[0] } = {},
  ): Promise<Journey> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(options.viewport ?? { width: 1280, height: 800 });
    await page.evaluateOnNewDocument(PAGE_HELPERS);
    page.setDefaultTimeout(options.timeout ?? 20_000);
    const journey = new Journey(page, run, mode, options.timeout);
    page.on('pageerror', (error) => journey.pageErrors.push(String(error)));
    return journey;
  }

  readonly pageErrors: string[] = [];

  async close(): Promise<void> {
    await this.page
      .browserContext()
      .close()
      .catch(() => undefined);
  }

  /** Runs one step of the journey; a failure names the step and shows what the page showed. */
  async step<T>(name: string, body: () => Promise<T>): Promise<T> {
    const number = (this.stepNumber += 1);
    const started = performance.now();
    this.recentFocus.length = 0;
    try {
      const result = await body();
      this.timings.push(
        `${String(number).padStart(2)}. ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const shot = join(tmpdir(), `dvc-journey-${this.run.replace(/\W+/g, '-')}-step-${number}.png`);
      const seen = (await this.page
        .evaluate(
          `[location.pathname + location.search, ['dvc-procedure-search', 'dvc-dossier-form', 'dvc-status-lookup'].map((tag) => window.__journey && window.__journey.exists(tag) ? tag + ': ' + window.__journey.text(tag).slice(0, 700) : '').filter(Boolean).join('\\n    '), window.__journey ? window.__journey.active().path : '']`,
        )
        .catch(() => ['?', '(the page could not be read)', '?'])) as [string, string, string];
      const saved = await this.page.screenshot({ path: shot as `${string}.png`, fullPage: true }).then(
        () => shot,
        () => '(none)',
      );
      throw new Error(
        `[${this.run}] step ${number} "${name}" failed: ${message}\n  page: ${seen[0]}\n  focus: ${seen[2]}` +
          `${this.recentFocus.length ? ` (before: ${this.recentFocus.slice(-6).join(' | ')})` : ''}\n  shows:\n    ${seen[1]}` +
          `${this.pageErrors.length ? `\n  page errors: ${this.pageErrors.join('; ')}` : ''}\n  screenshot: ${saved}`,
        { cause: error },
      );
    }
  }

  // ---- Reading the page ----

  /** Waits until `expression` (in the page, with `__journey` at hand) is truthy. */
  async until(expression: string, what: string, timeout = this.timeout): Promise<void> {
    await this.page.waitForFunction(expression, { timeout, polling: 50 }).catch((error: unknown) => {
      throw new Error(`waited ${timeout / 1000} s for ${what}`, { cause: error });
    });
  }

  /** The visible text of the element at `path` (nested shadow roots included), white space collapsed. */
  text(path: string): Promise<string> {
    return this.page.evaluate(`__journey.text(${js(path)})`) as Promise<string>;
  }

  exists(path: string): Promise<boolean> {
    return this.page.evaluate(`__journey.exists(${js(path)})`) as Promise<boolean>;
  }

  value(path: string): Promise<string | undefined> {
    return this.page.evaluate(`__journey.value(${js(path)})`) as Promise<string | undefined>;
  }

  /** Waits until the visible text at `path` includes every one of `parts`. */
  async untilText(path: string, parts: string | string[], timeout = this.timeout): Promise<string> {
    const wanted = Array.isArray(parts) ? parts : [parts];
    await this.until(
      `(() => { const t = __journey.text(${js(path)}); return ${js(wanted)}.every((part) => t.includes(part)); })()`,
      `${path} to show ${wanted.map((part) => `"${part}"`).join(', ')}`,
      timeout,
    ).catch(async (error: Error) => {
      const shown = await this.text(path).catch(() => '');
      const missing = wanted.filter((part) => !shown.includes(part));
      throw new Error(`${error.message}; missing ${missing.map((part) => `"${part}"`).join(', ')}`, { cause: error });
    });
    return this.text(path);
  }

  focus(): Promise<Focus> {
    return this.page.evaluate('__journey.active()') as Promise<Focus>;
  }

  /** Asserts (waiting for the render that moves it) that focus is on `path` (a deep selector), optionally with `text`. */
  async expectFocus(path: string, text?: string, what = path): Promise<void> {
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); if (!node) return false;
        let active = document.activeElement; while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
        return active === node && (${js(text ?? null)} === null || (node.textContent || '').replace(/\\s+/g, ' ').includes(${js(text ?? '')})); })()`,
      `focus on ${what}${text ? ` ("${text}")` : ''}`,
      10_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}, but focus is on ${(await this.focus()).path}`, { cause: error });
    });
  }

  /** An element by deep selector, waiting for it to be rendered. */
  async element(path: string): Promise<ElementHandle<Element>> {
    const handle = await this.page
      .waitForSelector(path, { visible: true, timeout: this.timeout })
      .catch((error: unknown) => {
        throw new Error(`${path} did not appear`, { cause: error });
      });
    if (!handle) throw new Error(`${path} did not appear`);
    return handle;
  }

  // ---- Acting, as the citizen does in this run's mode ----

  /**
   * Keyboard only: Tab (or Shift+Tab) until focus is on `path`, as a
   * keyboard user moves through the page, at most `max` presses.
   */
  async tabTo(path: string, { backward = false, max = 80 } = {}): Promise<void> {
    const isThere = `(() => { const node = __journey.find(${js(path)}); let active = document.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      return Boolean(node) && active === node; })()`;
    if (await this.page.evaluate(isThere)) return;
    for (let press = 0; press < max; press += 1) {
      if (backward) {
        await this.page.keyboard.down('Shift');
        await this.page.keyboard.press('Tab');
        await this.page.keyboard.up('Shift');
      } else {
        await this.page.keyboard.press('Tab');
      }
      if (await this.page.evaluate(isThere)) return;
      this.recentFocus.push((await this.focus()).path);
      if (this.recentFocus.length > 12) this.recentFocus.shift();
    }
    throw new Error(`${max} presses of ${backward ? 'Shift+' : ''}Tab did not reach ${path}`);
  }

  /** Presses a button or follows a link. */
  async activate(path: string): Promise<void> {
    if (this.mode === 'keyboard') {
      await this.tabTo(path);
      await this.page.keyboard.press('Enter');
      return;
    }
    const handle = await this.element(path);
    if (this.mode === 'touch') await handle.tap();
    else await handle.click();
  }

  /** Puts the cursor in a text box (clicked, tapped or tabbed to) and types `text`. */
  async type(path: string, text: string): Promise<void> {
    if (this.mode === 'keyboard') await this.tabTo(path);
    else await this.activate(path);
    await this.page.keyboard.type(text);
    const now = await this.value(path);
    if (now !== text) throw new Error(`typed "${text}" into ${path}, but it holds "${now}"`);
  }

  /**
   * A date, typed into Chromium's date box segment by segment in the order
   * the browser's locale shows them (vi-VN: day, month, year).
   */
  async date(path: string, iso: string): Promise<void> {
    const [year, month, day] = iso.split('-') as [string, string, string];
    const order = (await this.page
      .evaluate(`new Intl.DateTimeFormat(navigator.language, { day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date(2000, 10, 22)).filter((part) => ['day', 'month', 'year'].includes(part.type)).map((part) => part.type)`)) as string[];
    if (this.mode === 'keyboard') {
      await this.tabTo(path);
    } else {
      // The first segment: a click or tap at the box's left edge.
      const handle = await this.element(path);
      await handle.scrollIntoView();
      const box = await handle.boundingBox();
      if (!box) throw new Error(`${path} is not on the screen`);
      if (this.mode === 'touch') await this.page.touchscreen.tap(box.x + 12, box.y + box.height / 2);
      else await this.page.mouse.click(box.x + 12, box.y + box.height / 2);
    }
    const parts: Record<string, string> = { day, month, year };
    await this.page.keyboard.type(order.map((part) => parts[part]).join(''));
    const now = await this.value(path);
    if (now !== iso)
      throw new Error(`typed the date ${iso} into ${path} (segments ${order.join('/')}), but it holds "${now}"`);
  }

  /**
   * Chooses the option labelled `label` of a radio group or check box list
   * whose inputs are `${group}-0`, `${group}-1`…: clicking or tapping its
   * label; with the keyboard, Tab into the group, then Space and arrow keys.
   */
  async choose(fieldPath: string, group: string, label: string): Promise<void> {
    const options = (await this.page
      .evaluate(`(() => { const box = __journey.find(${js(fieldPath)}); if (!box) return null;
      return [...box.querySelectorAll('.choice')].map((choice) => ({ id: choice.querySelector('input').id, label: choice.querySelector('label').textContent.trim(), checked: choice.querySelector('input').checked })); })()`)) as
      { id: string; label: string; checked: boolean }[] | null;
    if (!options) throw new Error(`no choices at ${fieldPath}`);
    const index = options.findIndex((option) => option.label === label);
    if (index < 0)
      throw new Error(
        `no choice "${label}" at ${fieldPath} (there are: ${options.map((option) => option.label).join(', ')})`,
      );
    const input = `${group} >>> #${options[index]!.id}`;
    if (this.mode !== 'keyboard') {
      await this.activate(`${group} >>> label[for="${options[index]!.id}"]`);
    } else {
      // Tab lands on the checked radio, or the first when none is.
      const checked = options.findIndex((option) => option.checked);
      const start = checked >= 0 ? checked : 0;
      await this.tabTo(`${group} >>> #${options[start]!.id}`);
      if (checked < 0) await this.page.keyboard.press('Space');
      for (let step = start; step !== index; step += index > start ? 1 : -1)
        await this.page.keyboard.press(index > start ? 'ArrowDown' : 'ArrowUp');
    }
    await this.until(
      `(() => { const node = __journey.find(${js(input)}); return node && node.checked; })()`,
      `"${label}" to be chosen`,
      5000,
    );
  }

  /** Ticks a check box (clicked, tapped, or Tab then Space). */
  async tick(path: string): Promise<void> {
    if (this.mode === 'keyboard') {
      await this.tabTo(path);
      await this.page.keyboard.press('Space');
    } else {
      await this.activate(path);
    }
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); return node && node.checked; })()`,
      `${path} to be ticked`,
      5000,
    );
  }

  /**
   * Chooses an option of a `<select>` by its visible text or its value;
   * returns the text. The keyboard moves with the arrow keys, as a closed
   * select does in Chromium; the mouse and touch open the list, then pick
   * the option as the browser's own popup (not part of the page) would.
   */
  async select(path: string, option: { label: string } | { value: string }): Promise<string> {
    const wanted =
      'label' in option ? `option.textContent.trim() === ${js(option.label)}` : `option.value === ${js(option.value)}`;
    const what = 'label' in option ? `"${option.label}"` : `the option with value ${option.value}`;
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); return node && !node.disabled && [...node.options].some((option) => ${wanted}); })()`,
      `${what} in ${path}`,
    );
    const [current, target, value, label] = (await this.page
      .evaluate(`(() => { const node = __journey.find(${js(path)}); const options = [...node.options];
      const target = options.findIndex((option) => ${wanted}); return [node.selectedIndex, target, options[target].value, options[target].textContent.trim()]; })()`)) as [
      number,
      number,
      string,
      string,
    ];
    if (this.mode === 'keyboard') {
      await this.tabTo(path);
      for (let index = current; index !== target; index += target > current ? 1 : -1)
        await this.page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
    } else {
      const handle = await this.element(path);
      if (this.mode === 'touch') await handle.tap();
      else await handle.click();
      await (handle as ElementHandle<HTMLSelectElement>).select(value);
    }
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); return node && node.value === ${js(value)}; })()`,
      `${what} to be chosen in ${path}`,
      5000,
    );
    return label;
  }

  /** Chooses a file through the browser's file chooser, opened by the widget's "Chọn tệp" button. */
  async chooseFile(buttonPath: string, file: string): Promise<void> {
    const chooser = this.page.waitForFileChooser({ timeout: this.timeout });
    await this.activate(buttonPath);
    await (await chooser).accept([file]);
  }
}
