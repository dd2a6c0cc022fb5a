/**
 * The real servers the component tests talk to, started once per test run:
 * the reference backend with the seed catalog on an in-memory PGlite and a
 * real tus upload endpoint (files in a temporary folder), a
 * second one with an empty catalog, and a faulty backend in front of the
 * first that misbehaves on request (HTML 500 pages, wrong JSON, slowness).
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/api/contract/index.js';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import { createUploadStore } from '../../demo/server/uploads/store.js';
import { openDatabase, type Database } from '../../demo/server/db/index.js';
import { agencies, formTemplates, procedures } from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { seedTestDossiers } from './dossiers.js';

export interface TestServers {
  /** API base of the seeded backend, e.g. `http://localhost:1234/api/v1`. */
  api: string;
  /** API base of a backend with no procedures at all. */
  emptyApi: string;
  /** `${faultyOrigin}/<fault>/api/v1` answers with that fault; see FAULTS. */
  faultyOrigin: string;
  /** Bearer token of the seeded backend's officer endpoints (tests move dossiers along). */
  officerToken: string;
  close(): Promise<void>;
}

/** Only ever used against these throw-away servers. */
export const TEST_OFFICER_TOKEN = 'test-officer-token-not-a-secret';

/**
 * How the faulty backend misbehaves, by the first segment of its path.
 * `<fault>.post` misbehaves on POST requests only (filing, lookup), so a
 * widget's GETs (its form, the service description) still get through.
 */
const FAULTS: Record<string, (res: ServerResponse, forward: () => void, req: IncomingMessage) => void> = {
  /** A proxy or web server error page instead of JSON. */
  'html-500': (res) => {
    res.writeHead(500, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' });
    res.end('<!doctype html><title>500</title><h1>Internal Server Error</h1>');
  },
  /** A 200 whose JSON stops half-way: a proxy or a phone network cut the answer. */
  'truncated-json': (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end('{"items":[{"code":"1.001193","name":"Đăng ký kh');
  },
  /** The connection reset before any answer. */
  reset: (res) => res.socket?.destroy(),
  /** A 200 with an HTML page where JSON was expected (a captive portal, a CMS's catch-all page). */
  'wrong-content-type': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
    res.end('<!doctype html><title>Wi-Fi miễn phí</title><p>Đăng nhập để sử dụng Internet.</p>');
  },
  /** Valid JSON of the wrong shape. */
  'wrong-shape': (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify({ items: 'not a list', total: -1 }));
  },
  /** Answers, correctly, after 3 seconds. */
  slow: (_res, forward) => void setTimeout(forward, 3000),
  /** Every request answered correctly but 250 ms late: an upload slow enough to watch its progress. */
  'slow-upload': (_res, forward) => void setTimeout(forward, 250),
  /**
   * An upload's second chunk (its first PATCH) held 3 seconds before it goes on: a window to pause in that
   * a loaded machine cannot miss, where 250 ms could pass while the test's page waited for the processor.
   * The chunks after it, resumed, go on at once.
   */
  'hold-upload': holdFirst('PATCH', 3000),
  /** Refuses every upload request (CORS preflights pass) as a proxy or backend would. */
  'refuse-413': refuse(413, 'file_too_large'),
  'refuse-415': refuse(415, 'content_mismatch'),
  'refuse-draft': refuse(413, 'draft_too_large'),
  'refuse-address': refuse(413, 'address_quota_exceeded'),
  /** What the virus scan answers for an infected file (test/backend/uploads-scan.test.ts runs the real scan). */
  'refuse-infected': refuse(422, 'upload_infected'),
  /** The first upload creation fails with a 500; the retry gets through. */
  'fail-once': once('POST', refuse(500, 'internal_error')),
  /** The connection drops once, during the first PATCH, as on a train going into a tunnel. */
  'drop-once': once('PATCH', (res) => res.socket?.destroy()),
  /**
   * The first filing reaches the backend, which files it, but the answer is lost: the
   * connection drops before a byte of it reaches the browser (a phone losing signal).
   */
  'drop-submit-once': (() => {
    let done = false;
    return (res: ServerResponse, forward: () => void, req: IncomingMessage) => {
      if (done || req.method !== 'POST' || !req.url?.endsWith('/dossiers')) return forward();
      done = true;
      res.on('error', () => {});
      // The start of an answer, then nothing: a browser retries a request whose connection closed
      // before any byte came back, but never one that was being answered.
      res.writeHead = (() => {
        res.socket?.end('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"co');
        res.socket?.destroy();
        return res;
      }) as unknown as typeof res.writeHead;
      forward();
    };
  })(),
  /** Too many requests, with a Retry-After. */
  'rate-limited': (res) => {
    res.writeHead(429, {
      'Content-Type': 'application/json',
      'Retry-After': '30',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Retry-After',
    });
    res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.' } }));
  },
};

/** A backend on an in-memory database, taking real tus uploads into a temporary folder. */
function refuse(status: number, code: string): (res: ServerResponse) => void {
  return (res) => {
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
      'Tus-Resumable': '1.0.0',
    });
    res.end(JSON.stringify({ error: { code, message: `Refused (${status}).` } }));
  };
}

/** The first `method` request to each address waits `ms`; later ones go on at once. */
function holdFirst(
  method: string,
  ms: number,
): (res: ServerResponse, forward: () => void, req: IncomingMessage) => void {
  const held = new Set<string>();
  return (_res, forward, req) => {
    if (req.method !== method || held.has(req.url ?? '')) return forward();
    held.add(req.url ?? '');
    setTimeout(forward, ms);
  };
}

/** A fault for the first request with `method` only; everything else goes through. */
function once(
  method: string,
  fault: (res: ServerResponse) => void,
): (res: ServerResponse, forward: () => void, req: IncomingMessage) => void {
  let done = false;
  return (res, forward, req) => {
    if (done || req.method !== method) return forward();
    done = true;
    fault(res);
  };
}

async function seededBackend(
  withCatalog: boolean,
  uploadDir: string,
): Promise<{ server: RunningServer; db: Database }> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await seedCatalogue(db, { agencies, procedures: withCatalog ? procedures : [] });
  if (withCatalog) await seedTestDossiers(db);
  const store = await createUploadStore({
    store: { kind: 'file', directory: uploadDir },
    limits: DEFAULT_UPLOAD_LIMITS,
  });
  const server = await startServer({
    db,
    host: '127.0.0.1',
    validateResponses: true,
    log: () => {},
    formTemplates,
    uploads: { store, limits: DEFAULT_UPLOAD_LIMITS },
    // Many tests look the same dossiers up from one address: a limit generous enough for the run (its own tests use a proxy that answers 429).
    dossiers: {
      officerToken: TEST_OFFICER_TOKEN,
      lookupRateLimit: { perAddress: 10_000, perCode: 1_000, windowSeconds: 60 },
    },
  });
  return { server, db };
}

function faultyBackend(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const [, fault, ...rest] = (req.url ?? '/').split('/');
    const forward = () => {
      // A request held by a fault whose sender went away meanwhile (a paused upload) goes no further: its
      // body would never come, and the backend would hold the upload for it.
      if (req.socket.destroyed) return;
      const upstream = httpRequest(
        `${target}/${rest.join('/')}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          // tus answers with the upload's address (Location): keep the fault in it, so the upload's
          // later requests come back through the same fault.
          const location = answer.headers.location?.replace('/api/v1/', `/${fault}/api/v1/`);
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...(location && { location }) });
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      // A client that goes away mid-request (a paused upload, a closed page) takes the upstream request with it,
      // as a real proxy does; otherwise the backend would wait for the rest of a body that never comes.
      req.on('close', () => {
        if (!req.complete) upstream.destroy();
      });
      req.pipe(upstream);
    };
    const [name = '', onlyPost] = (fault ?? '').split('.');
    const misbehave = FAULTS[name];
    // Preflights always pass: the faults are the backend's answers, not the browser's permission to ask.
    if (misbehave && req.method !== 'OPTIONS' && (!onlyPost || req.method === 'POST')) misbehave(res, forward, req);
    else forward();
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      }),
    ),
  );
}

export async function startTestServers(): Promise<TestServers> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'dvc-test-uploads-'));
  const [seeded, empty] = await Promise.all([
    seededBackend(true, join(uploadDir, 'seeded')),
    seededBackend(false, join(uploadDir, 'empty')),
  ]);
  const faulty = await faultyBackend(seeded.server.url);
  return {
    api: `${seeded.server.url}/api/v1`,
    emptyApi: `${empty.server.url}/api/v1`,
    faultyOrigin: faulty.url,
    officerToken: TEST_OFFICER_TOKEN,
    async close() {
      await Promise.all([seeded.server.close(), empty.server.close(), faulty.close()]);
      await Promise.all([seeded.db.close(), empty.db.close()]);
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}
