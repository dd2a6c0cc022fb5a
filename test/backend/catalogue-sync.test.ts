/**
 * `npm run catalog -- sync` against a local stand-in of the national
 * gateway (test/support/national-gateway.ts): paging through an agency's
 * search, steps and required documents per procedure, pacing, retries on
 * 5xx, the disk cache, and a clear message for every way the gateway
 * answers something else (an HTML error page, a bot-protection challenge,
 * an empty answer, missing keys); a failed sync changes nothing. On
 * PGlite, and on PostgreSQL with DATABASE_URL (there also: one sync at a
 * time).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { catalogueFileOf, catalogueFileText } from '../../demo/server/catalogue/file.js';
import { currentCatalogue } from '../../demo/server/catalogue/import.js';
import { ANSWER_LIMIT_BYTES, DEFAULT_GATEWAY_OPTIONS } from '../../demo/server/catalogue/national/gateway.js';
import {
  parseInterval,
  scheduleCatalogueSync,
  type SyncOptions,
  syncCatalogue,
} from '../../demo/server/catalogue/national/sync.js';
import { procedureDetail } from '../../demo/server/catalogue/repository.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { CATALOGUE_LOCK_KEY, seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { catalogCommand } from '../support/catalog-command.js';
import { nationalItems, type NationalGatewayStub, startNationalGateway } from '../support/national-gateway.js';
import { DATABASE_URL, openTestDatabase, type TestDatabase } from './helpers.js';

const AGENCY = 'xa-thu-nghiem';
const ITEMS = nationalItems(7);
const SEARCH = 'procedure_advanced_search_service_v2';

let database: TestDatabase;
let gateway: NationalGatewayStub;
let cacheDir: string;
const db = () => database.db;

before(async () => {
  database = await openTestDatabase();
  gateway = await startNationalGateway(ITEMS);
});
after(async () => {
  await gateway.close();
  await database.close();
});
beforeEach(async () => {
  await seedCatalogue(db(), { agencies: seed.agencies, procedures: seed.procedures });
  cacheDir = await mkdtemp(join(tmpdir(), 'dvc-national-cache-'));
  gateway.requests.length = 0;
  delete gateway.misbehave;
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

const options = (overrides: Partial<SyncOptions['gateway']> = {}): SyncOptions => ({
  agency: AGENCY,
  agencyName: 'UBND xã Thử Nghiệm',
  nationalId: '123',
  gateway: {
    ...DEFAULT_GATEWAY_OPTIONS,
    baseUrl: gateway.url,
    delayMs: 0,
    backoffMs: 10,
    pageSize: 3,
    cacheDir,
    ...overrides,
  },
});

const exportText = async () => catalogueFileText(catalogueFileOf(await currentCatalogue(db())));

/** The sync (without a cache) fails with a message matching `message`, and the catalogue is as it was. */
async function fails(message: RegExp, overrides: Partial<SyncOptions['gateway']> = {}) {
  const before = await exportText();
  await assert.rejects(syncCatalogue(db(), options({ cacheDir: undefined, ...overrides })), message);
  assert.equal(await exportText(), before);
}

const html = (status: number, body: string) => ({ status, contentType: 'text/html; charset=utf-8', body });

describe('catalogue sync from the national gateway', () => {
  test('pages through the search, fetches steps and documents, imports; a re-sync within the cache age asks nothing', async () => {
    const report = await syncCatalogue(db(), options());
    assert.deepEqual(report?.procedures.added, ITEMS.map((item) => item.PROCEDURE_CODE).sort());
    const searches = gateway.requests.filter((params) => params.service === SEARCH);
    assert.deepEqual(
      searches.map((params) => [params.pageIndex, params.recordPerPage, params.impl_agency_id]),
      [
        [1, 3, 123],
        [2, 3, 123],
        [3, 3, 123],
      ],
    );
    assert.equal(gateway.requests.length, 3 + 2 * ITEMS.length);
    const detail = await procedureDetail(db(), '1.100006');
    assert.deepEqual(detail?.steps, ['Bước 1: Nộp hồ sơ thủ tục 5006', 'Bước 2: Nhận kết quả']);
    assert.deepEqual(
      detail?.cases[0]?.documents.map((document) => document.name),
      ['Tờ khai theo mẫu'],
    );
    assert.ok(await procedureDetail(db(), seed.procedures[0]!.code), 'other agencies’ procedures stay');
    gateway.requests.length = 0;
    const again = await syncCatalogue(db(), options());
    assert.equal(gateway.requests.length, 0, 'all from the cache');
    assert.deepEqual(again?.procedures, { added: [], changed: [], removed: [], withdrawn: [] });
    await syncCatalogue(db(), options({ cacheMaxAgeMs: 0 }));
    assert.equal(gateway.requests.length, 3 + 2 * ITEMS.length, 'an expired cache is asked again');
  });

  test('waits the configured delay between requests', async () => {
    const started = Date.now();
    await syncCatalogue(db(), options({ delayMs: 40, cacheDir: undefined }));
    const requests = 3 + 2 * ITEMS.length;
    assert.ok(Date.now() - started >= 40 * (requests - 1), `${requests} requests took ${Date.now() - started} ms`);
  });

  test('a 5xx is tried again with backoff; one that persists fails naming the request, and changes nothing', async () => {
    gateway.misbehave = (_params, index) => (index < 2 ? html(503, '<html>Service Unavailable</html>') : undefined);
    const report = await syncCatalogue(db(), options());
    assert.equal(report?.procedures.added.length, ITEMS.length);
    assert.equal(gateway.requests.length, 2 + 3 + 2 * ITEMS.length);
    gateway.misbehave = (params) =>
      params.service === SEARCH && params.pageIndex === 2 ? html(500, '<h1>Lỗi</h1>') : undefined;
    await fails(/search, page 2: HTTP 500 \(after 4 tries\)/);
  });

  test('a bot-protection refusal is named and not retried', async () => {
    const challenge =
      '<html><head><title>Just a moment...</title></head><body>Please enable JavaScript; checking your browser (captcha)</body></html>';
    gateway.misbehave = () => html(403, challenge);
    await fails(/search, page 1: refused by the national gateway's bot protection \(HTTP 403/);
    assert.equal(gateway.requests.length, 1);
    gateway.misbehave = () => html(200, challenge);
    await fails(/refused by the national gateway's bot protection \(HTTP 200/);
  });

  test('an HTML page, text that is not JSON, or JSON of another shape where JSON was expected is named', async () => {
    gateway.misbehave = (params) =>
      params.service === SEARCH ? undefined : html(200, '<html><body><h1>Trang thông báo lỗi</h1></body></html>');
    await fails(/steps of 5000: an HTML page where JSON was expected \(HTTP 200\)/);
    gateway.misbehave = () => ({ body: 'Lỗi hệ thống' });
    await fails(/search, page 1: not JSON \(it starts "Lỗi hệ thống"\)/);
    gateway.misbehave = () => ({ body: '{"error": "bad params"}' });
    await fails(/search, page 1: expected a JSON array, found object/);
  });

  test('an empty answer imports nothing and says so', async () => {
    gateway.misbehave = () => ({ body: '[]' });
    await fails(/no procedures for national agency id 123 \(an empty answer\); nothing imported/);
  });

  test('missing keys are named by their path; extra keys are ignored', async () => {
    gateway.misbehave = (params) =>
      params.service === SEARCH && params.pageIndex === 1
        ? {
            body: JSON.stringify([
              { ...ITEMS[0], PROCEDURE_CODE: undefined, SOMETHING_NEW: { a: 1 }, TOTAL: 7 },
              { ...ITEMS[1], TOTAL: 7 },
              { ...ITEMS[2], TOTAL: 7 },
            ]),
          }
        : undefined;
    await fails(/national gateway, agency 123: 1 problem\(s\)\n {2}search\[0\]\.PROCEDURE_CODE: missing/);
    gateway.misbehave = (params) =>
      params.service === SEARCH ? { body: JSON.stringify([{ PROCEDURE_CODE: '1.000001' }]) } : undefined;
    await fails(/search\[0\]\.ID: missing; cannot ask for its steps and documents/);
  });

  test('an answer larger than the limit is refused', async () => {
    gateway.misbehave = () => ({ body: `[${'"x",'.repeat(ANSWER_LIMIT_BYTES / 4)}"x"]` });
    await fails(/search, page 1: the answer is larger than 32 MiB; refused/);
  });

  test('an unreachable gateway fails after its retries', async () => {
    await fails(/search, page 1: the gateway did not answer .*\(after 2 tries\)/, {
      baseUrl: 'http://127.0.0.1:9',
      retries: 1,
    });
  });

  test(
    'skips while another instance holds the catalogue lock (PostgreSQL)',
    { skip: !DATABASE_URL && 'needs DATABASE_URL' },
    async () => {
      let release = () => {};
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db().transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOGUE_LOCK_KEY]);
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isLocked;
      assert.equal(await syncCatalogue(db(), options()), undefined);
      assert.equal(gateway.requests.length, 0, 'nothing fetched');
      release();
      await holder;
    },
  );

  test('CATALOGUE_SYNC_INTERVAL syncs in the backend round after round, logs failures, and stops', async () => {
    const lines: string[] = [];
    const env = {
      CATALOGUE_SYNC_INTERVAL: '0.001m',
      CATALOGUE_SYNC_NATIONAL_ID: '123',
      CATALOGUE_SYNC_AGENCY: AGENCY,
      CATALOGUE_SYNC_AGENCY_NAME: 'UBND xã Thử Nghiệm',
      NATIONAL_GATEWAY_URL: gateway.url,
      NATIONAL_GATEWAY_DELAY_MS: '0',
      NATIONAL_CACHE_DIR: cacheDir,
    };
    const stop = scheduleCatalogueSync(db(), env, cacheDir, (line) => {
      // The rounds' outcomes; progress lines ("7 procedures found") aside.
      if (line.startsWith('catalogue sync')) lines.push(line);
    });
    const rounds = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while (lines.length < n) {
        assert.ok(Date.now() < deadline, `only ${lines.length} rounds: ${lines.join(' | ')}`);
        await new Promise((settled) => setTimeout(settled, 20));
      }
    };
    try {
      await rounds(1);
      assert.deepEqual(lines.slice(0, 1), ['catalogue sync: 7 added, 0 changed, 0 removed']);
      await rounds(2);
      assert.equal(lines[1], 'catalogue sync: 0 added, 0 changed, 0 removed');
      await rm(cacheDir, { recursive: true, force: true });
      gateway.misbehave = () => html(403, '<html><body>Access denied</body></html>');
      const before = lines.length;
      await rounds(before + 1);
      assert.match(lines[before]!, /^catalogue sync failed, nothing changed: search, page 1: refused .*bot protection/);
    } finally {
      stop();
    }
    const after = lines.length;
    await new Promise((settled) => setTimeout(settled, 300));
    assert.ok(lines.length <= after + 1, 'stopped: at most the round under way ends');
  });

  test('CATALOGUE_SYNC_INTERVAL: off by default; minutes, hours or days', () => {
    assert.equal(parseInterval(undefined), undefined);
    assert.equal(parseInterval('off'), undefined);
    assert.equal(parseInterval('30'), 30 * 60_000);
    assert.equal(parseInterval('6h'), 6 * 3600_000);
    assert.equal(parseInterval('1d'), 86_400_000);
    assert.throws(() => parseInterval('weekly'), /CATALOGUE_SYNC_INTERVAL="weekly"/);
  });
});

describe('npm run catalog -- sync', () => {
  test('fetches from NATIONAL_GATEWAY_URL and prints the report', async () => {
    const command = await catalogCommand({ NATIONAL_GATEWAY_URL: gateway.url });
    try {
      const args = ['sync', '--national-id', '123', '--agency', AGENCY, '--agency-name', 'UBND xã Thử', '--delay', '0'];
      const run = await command.run(...args);
      assert.equal(run.code, 0, run.err);
      assert.match(
        run.out,
        new RegExp(`Imported from ${gateway.url} \\(agency 123\\)\\.\\n.*Procedures: 7 added`, 's'),
      );
      assert.match(run.err, /7 procedures found/);
    } finally {
      await command.close();
    }
  });
});
