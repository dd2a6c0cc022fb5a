/**
 * The reference backend for the journeys, as `npm start` runs it (demo site,
 * CDN build, in-memory PGlite, uploads in a temporary folder, officer actions
 * on), and a "mobile network" in front of it that can lose one answer or cut
 * every connection in the middle of an upload.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/api/contract/index.js';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import { openDatabase, type Database } from '../../demo/server/db/index.js';
import { agencies, formTemplates, procedures } from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { createUploadStore } from '../../demo/server/uploads/store.js';
import { sha256OfFile } from './support-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_DIR = join(ROOT, 'demo/site');
/** The CDN build under test: `npm run build`'s, or another folder given by `JOURNEY_CDN_DIR` (a candidate build). */
export const CDN_DIR = process.env.JOURNEY_CDN_DIR || join(ROOT, 'dist/cdn');
/** The demo site's own scripts (the configurator), built by `npm run build`. */
export const SITE_SCRIPTS_DIR = join(ROOT, 'dist/site');

/** Only ever used against these throw-away servers. */
export const OFFICER_TOKEN = 'journey-officer-token-not-a-secret';

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
