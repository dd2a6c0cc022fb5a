/**
 * `npm start`: the reference backend with the seed catalogue, run by node with
 * the settings of node-flags.ts (it says why; without them it prints a note).
 *
 * Environment:
 *   PORT            port to listen on (default 8080)
 *   HOST            interface to listen on (default all)
 *   DATABASE_URL    PostgreSQL to use; without it, PGlite in DATA_DIR/pglite
 *   DATA_DIR        folder for PGlite's files and uploads (default .data/)
 *   CORS_ORIGINS    `*` (default) or comma-separated origins allowed to call the API
 *   SEED_SYNTHETIC  add this many synthetic procedures (load tests; default 0)
 *   NODE_ENV        `production` stops checking every answer against the contract
 *   UPLOAD_*, S3_*  the upload store and limits: see uploads/config.ts
 *   OFFICER_TOKEN   the demo's shared officer token (every agency); refused in production, where officers
 *                   use their own credentials (`npm run officer -- issue`)
 *   OFFICER_PORT    serve the officer routes on this port only (the public one answers 404 there)
 *   OFFICER_HOST    interface of OFFICER_PORT (default 127.0.0.1)
 *   LOOKUP_SECRET   what a dossier lookup asks besides the code: `lookup-code` (default in production) or
 *                   `applicant-id` (default otherwise)
 *   LOOKUP_KEY      key of the lookup hashes (HMAC); required in production, a development key otherwise
 *   TRUST_PROXY     addresses or CIDRs of the proxies whose X-Forwarded-For names the client (default none)
 *   SATURDAY_AGENCIES  agency codes whose desk also receives on Saturday mornings, comma-separated
 *   CLAMD_SOCKET, CLAMD_HOST, CLAMD_PORT, UPLOAD_SCAN
 *                   the virus scan of uploads by clamd: see uploads/scan.ts (required in production)
 *   SINGLE_INSTANCE `1` lets a production start use PGlite or the file store, which serve one process only
 *   HEADERS_TIMEOUT_SECONDS, REQUEST_TIMEOUT_SECONDS, KEEP_ALIVE_TIMEOUT_SECONDS, MAX_CONNECTIONS
 *                   what one client may hold of the server (http/limits.ts; defaults 10, 120, 5, 2000)
 *   DRAIN_SECONDS   on SIGTERM, how long /readyz answers 503 before the server closes (default 0)
 *   FORMS_DIR       the e-forms folder (default demo/server/forms/data): see forms/read.ts; a broken one
 *                   stops the start with its problems (file, path inside it, what is wrong)
 *
 * The seed catalogue (catalogue/seed/catalogue.json) is imported only into a
 * database without procedures, or over the catalogue when started with
 * `--seed` (`npm start -- --seed`); in production only with `--seed`, since
 * a production catalogue is the operator's (`npm run catalog -- import`). A
 * start never overwrites an imported catalogue, and instances started one
 * after the other during a deploy do not each write their own copy over it.
 *
 * Once it serves, an error that escapes a request (a stream's error event
 * nobody listened for, a throw in a callback) is logged and the process goes
 * on serving the others; the supervisor (demo/deploy/) restarts it if it dies
 * anyway. An error while starting ends it with a failure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UPLOADS_PATH } from '../../src/api/contract/index.js';
import { API_BASE, startServer } from './app.js';
import { demoCatalogue, formTemplates } from './catalogue/seed/catalogue.js';
import { countListedProcedures } from './catalogue/repository.js';
import { seedCatalogue, seedEmptyCatalogue } from './catalogue/seed/index.js';
import { watchInbox } from './catalogue/hand-off.js';
import { scheduleCatalogueSync } from './catalogue/national/sync.js';
import { syntheticProcedures } from './catalogue/seed/synthetic.js';
import { openDatabase } from './db/index.js';
import { FORMS_DIR, FormsFolderError, loadForms } from './forms/index.js';
import { readDossierOptions } from './dossiers/options.js';
import { parseTrustedProxies } from './http/client-address.js';
import { parseCorsOrigins } from './http/cors.js';
import { LIVENESS_PATH, READINESS_PATH } from './http/health.js';
import { readServerLimits } from './http/limits.js';
import { redactingLog } from './http/log.js';
import { rekeyDossierHashes } from './lookup/rekey.js';
import { sealPrintedLookupCodes } from './dossiers/sealing.js';
import { serverFlagsWarning } from './node-flags.js';
import { describeUploadStore, readUploadConfig } from './uploads/config.js';
import { PostgresLocker } from './uploads/pg-locker.js';
import { clamdScanner, describeScanner, readScanConfig, SCAN_OFF_WARNING } from './uploads/scan.js';
import { createUploadStore } from './uploads/store.js';
import { startUploadSweeper } from './uploads/sweep.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;

function readCount(name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${env[name]}"`);
  return value;
}

const log = redactingLog(console.log);
let formCount = 0;
try {
  formCount = loadForms().definitions.length;
} catch (error) {
  if (!(error instanceof FormsFolderError)) throw error;
  console.error(
    `${error.message}\nNot started: fix the forms folder (FORMS_DIR), or check it with npm run forms -- check.`,
  );
  process.exit(1);
}
const port = readCount('PORT', 8080);
const drainSeconds = readCount('DRAIN_SECONDS', 0);
const limits = readServerLimits(env);
const corsOrigins = parseCorsOrigins(env.CORS_ORIGINS);
const dataDir = env.DATA_DIR ?? '.data/';
const uploadConfig = readUploadConfig(env, dataDir);
const production = env.NODE_ENV === 'production';
const onePerProcess = [
  ...(env.DATABASE_URL ? [] : ['the embedded database (set DATABASE_URL)']),
  ...(uploadConfig.store.kind === 'file' ? ['the file upload store (set UPLOAD_STORE=s3)'] : []),
];
if (production && onePerProcess.length && env.SINGLE_INSTANCE !== '1') {
  throw new Error(
    `NODE_ENV=production with ${onePerProcess.join(' and ')}: these serve one process only, and a production ` +
      'backend usually runs several. Set SINGLE_INSTANCE=1 to run exactly one instance this way.',
  );
}
const clamd = readScanConfig(env, production);

const dossierOptions = readDossierOptions(env);
const officerPort = env.OFFICER_PORT ? readCount('OFFICER_PORT', 0) : undefined;

const db = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(dataDir, 'pglite') });
const seed = {
  ...demoCatalogue,
  procedures: [
    ...demoCatalogue.procedures,
    ...syntheticProcedures(demoCatalogue.procedures, readCount('SEED_SYNTHETIC', 0)),
  ],
};
const rekeyed = await rekeyDossierHashes(db, dossierOptions.lookupKey!);
if (rekeyed > 0) console.log(`Keyed the lookup hashes of ${rekeyed} dossiers filed before LOOKUP_KEY.`);
const sealed = await sealPrintedLookupCodes(db, dossierOptions.lookupKey!);
if (sealed > 0) console.log(`Sealed the printed lookup codes of ${sealed} dossiers kept in clear before.`);
const reseed = process.argv.includes('--seed');
// A production database gets its catalogue from an import (npm run catalog): the demo's sample
// agencies never reach it unasked, not even after an import that emptied it.
const total = reseed
  ? await seedCatalogue(db, seed)
  : production
    ? await countListedProcedures(db)
    : await seedEmptyCatalogue(db, seed);
const cdnDir = join(repoRoot, 'dist/cdn');
const uploadStore = await createUploadStore(uploadConfig);
// On PostgreSQL, several instances may share the uploads: their locks must be shared too.
const uploadLocker = env.DATABASE_URL ? new PostgresLocker(env.DATABASE_URL, log) : undefined;
// Off unless CATALOGUE_SYNC_INTERVAL is set (demo/server/README.md, "Catalogue").
const stopCatalogueSync = scheduleCatalogueSync(db, env, dataDir, log);
// `npm run catalog -- import` cannot open the embedded database this process holds: it hands the file over.
const stopCatalogueInbox = env.DATABASE_URL ? async () => {} : await watchInbox(db, dataDir, log);
const stopSweeper = startUploadSweeper({
  db,
  store: uploadStore,
  ttlHours: uploadConfig.limits.ttlHours,
  log,
});
const appOptions = {
  db,
  corsOrigins,
  trustedProxies: parseTrustedProxies(env.TRUST_PROXY),
  formTemplates,
  uploads: {
    store: uploadStore,
    limits: uploadConfig.limits,
    clientKeySecret: dossierOptions.lookupKey!,
    ...(uploadLocker && { locker: uploadLocker }),
    ...(clamd && { scan: clamdScanner(clamd) }),
  },
  staticDirs: {
    '/': join(repoRoot, 'demo/site'),
    // vite.config.ts names the CDN build's chunks `chunks/[name]-[hash].js`: each name is its content's.
    '/cdn/': { dir: cdnDir, immutable: /^chunks\// },
    '/assets/': join(repoRoot, 'dist/site'),
  },
  validateResponses: env.NODE_ENV !== 'production',
  dossiers: dossierOptions,
};
const server = await startServer({
  ...appOptions,
  port,
  host: env.HOST,
  limits,
  routes: officerPort ? 'public' : 'all',
});
const officerServer =
  officerPort === undefined
    ? undefined
    : await startServer({
        ...appOptions,
        port: officerPort,
        host: env.OFFICER_HOST ?? '127.0.0.1',
        limits,
        routes: 'officer',
      });

console.log(
  `dvc-widgets reference backend (${db.engine}, ${total} procedures, CORS: ${corsOrigins === '*' ? 'any origin' : corsOrigins.join(' ')})`,
);
console.log(`  Demo site: ${server.url}/`);
console.log(`  API:       ${server.url}${API_BASE}`);
console.log(`  OpenAPI:   ${server.url}${API_BASE}/openapi.json`);
console.log(`  E-forms:   ${formCount} from ${FORMS_DIR} (read again when its files change)`);
console.log(
  `  Uploads:   ${server.url}${API_BASE}${UPLOADS_PATH} (tus; ${describeUploadStore(uploadConfig)}; ${describeScanner(clamd)})`,
);
if (officerServer) console.log(`  Officers:  ${officerServer.url}${API_BASE}/officer (only there)`);
if (production && !env.TRUST_PROXY?.trim()) {
  console.warn(
    '  Note: TRUST_PROXY is unset, so each client is its socket address. Behind a proxy or balancer every citizen ' +
      'then shares one lookup limit and one upload quota: set TRUST_PROXY to its addresses (demo/deploy/README.md).',
  );
}
console.log(`  CDN build: ${server.url}/cdn/${existsSync(cdnDir) ? '' : ' (missing: run npm run build)'}`);
console.log(`  Health:    ${server.url}${LIVENESS_PATH} (alive), ${server.url}${READINESS_PATH} (ready for traffic)`);
const flagsWarning = serverFlagsWarning();
if (flagsWarning) console.log(flagsWarning);
if (!clamd) console.log(SCAN_OFF_WARNING);

// Only once serving: an error during start-up (a bad setting, no database)
// must still end the process with a failure for the supervisor to see.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) =>
    log(`Unexpected error, the process goes on: ${error instanceof Error ? error.stack : String(error)}`),
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping${drainSeconds ? ` in ${drainSeconds} s (readiness answers 503 meanwhile)` : ''}`);
    stopSweeper();
    stopCatalogueSync();
    // An import under way ends before the database closes.
    const inboxStopped = stopCatalogueInbox();
    server.drain();
    void new Promise((drained) => setTimeout(drained, drainSeconds * 1000))
      .then(() => Promise.all([server.close(), officerServer?.close()]))
      .then(() => inboxStopped)
      .then(() => uploadLocker?.close())
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
