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
import { agencies, procedures } from '../../demo/server/seed/catalog.js';
import { seedCatalog } from '../../demo/server/seed/index.js';

export interface TestServers {
  /** API base of the seeded backend, e.g. `http://localhost:1234/api/v1`. */
  api: string;
  /** API base of a backend with no procedures at all. */
  emptyApi: string;
  /** `${faultyOrigin}/<fault>/api/v1` answers with that fault; see FAULTS. */
  faultyOrigin: string;
  close(): Promise<void>;
}

/** How the faulty backend misbehaves, by the first segment of its path. */
const FAULTS: Record<string, (res: ServerResponse, forward: () => void) => void> = {
  /** A proxy or web server error page instead of JSON. */
  'html-500': (res) => {
    res.writeHead(500, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' });
    res.end('<!doctype html><title>500</title><h1>Internal Server Error</h1>');
  },
  /** Valid JSON of the wrong shape. */
  'wrong-shape': (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify({ items: 'not a list', total: -1 }));
  },
  /** Answers, correctly, after 3 seconds. */
  slow: (_res, forward) => void setTimeout(forward, 3000),
  /** Every request answered correctly but 250 ms late: an upload slow enough to pause. */
  'slow-upload': (_res, forward) => void setTimeout(forward, 250),
  /** Too many requests, with a Retry-After. */
  'rate-limited': (res) => {
    res.writeHead(429, {
      'Content-Type': 'application/json', 'Retry-After': '30',
      'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After',
    });
    res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.' } }));
  },
};

/** A backend on an in-memory database, taking real tus uploads into a temporary folder. */
async function seededBackend(withCatalog: boolean, uploadDir: string): Promise<{ server: RunningServer; db: Database }> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await seedCatalog(db, { agencies, procedures: withCatalog ? procedures : [] });
  const store = await createUploadStore({ store: { kind: 'file', directory: uploadDir }, limits: DEFAULT_UPLOAD_LIMITS });
  const server = await startServer({
    db, host: '127.0.0.1', validateResponses: true, log: () => {},
    uploads: { store, limits: DEFAULT_UPLOAD_LIMITS },
  });
  return { server, db };
}

function faultyBackend(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const [, fault, ...rest] = (req.url ?? '/').split('/');
    const forward = () => {
      const upstream = httpRequest(`${target}/${rest.join('/')}`, { method: req.method, headers: req.headers }, (answer) => {
        // tus answers with the upload's address (Location): keep the fault in it, so the upload's
        // later requests come back through the same fault.
        const location = answer.headers.location?.replace('/api/v1/', `/${fault}/api/v1/`);
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...(location && { location }) });
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    const misbehave = FAULTS[fault ?? ''];
    if (misbehave) misbehave(res, forward);
    else forward();
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((closed) => { server.closeAllConnections(); server.close(() => closed()); }),
      }),
    ),
  );
}

export async function startTestServers(): Promise<TestServers> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'dvc-test-uploads-'));
  const [seeded, empty] = await Promise.all([seededBackend(true, join(uploadDir, 'seeded')), seededBackend(false, join(uploadDir, 'empty'))]);
  const faulty = await faultyBackend(seeded.server.url);
  return {
    api: `${seeded.server.url}/api/v1`,
    emptyApi: `${empty.server.url}/api/v1`,
    faultyOrigin: faulty.url,
    async close() {
      await Promise.all([seeded.server.close(), empty.server.close(), faulty.close()]);
      await Promise.all([seeded.db.close(), empty.db.close()]);
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}
