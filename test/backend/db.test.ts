/**
 * Migrations and seeding: idempotent, transactional, and the same on
 * PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CatalogueProcedure } from '../../src/api/contract/catalogue-file.js';
import type { CatalogueEntry } from '../../demo/server/catalogue/cases.js';
import { fold } from '../../src/i18n/fold.js';
import { type Database, openDatabase } from '../../demo/server/db/index.js';
import { migrate } from '../../demo/server/db/migrate.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue, seedEmptyCatalogue, UPSERT_BATCH } from '../../demo/server/catalogue/seed/index.js';
import { syntheticProcedures } from '../../demo/server/catalogue/seed/synthetic.js';
import { DATABASE_URL, openTestDatabase, type TestDatabase, uniqueSchema } from './helpers.js';

const MIGRATION_FILES = (await readdir(new URL('../../demo/server/db/migrations/', import.meta.url)))
  .filter((name) => name.endsWith('.sql'))
  .sort();

const countRows = async (db: Database, table: string): Promise<number> =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe('migrations on a file-backed PGlite', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dvc-pglite-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('are applied once; reopening the data directory applies nothing and keeps the data', async () => {
    assert.ok(MIGRATION_FILES.length > 0);
    const first = await openDatabase({ dataDir: join(dir, 'pglite') });
    await seedCatalogue(first, catalog);
    assert.deepEqual(
      (await first.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')).map(
        (row) => row.version,
      ),
      MIGRATION_FILES,
    );
    await first.close();

    const second = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      assert.deepEqual(await migrate(second), [], 'a third run finds nothing to do either');
      assert.equal(await countRows(second, 'schema_migrations'), MIGRATION_FILES.length);
      assert.equal(await countRows(second, 'procedures'), catalog.procedures.length);
      assert.equal(await countRows(second, 'agencies'), catalog.agencies.length);
    } finally {
      await second.close();
    }
  });

  test("an operator's command never upgrades a database another version set up: it names what differs", async () => {
    const db = await openDatabase({ dataDir: join(dir, 'pglite'), upgrade: false });
    try {
      assert.deepEqual(await migrate(db, { upgrade: false }), [], 'the same version: nothing to do, no refusal');
      const last = MIGRATION_FILES.at(-1)!;
      // As if an older version had set it up: the last migration not yet applied.
      await db.query('DELETE FROM schema_migrations WHERE version = $1', [last]);
      await assert.rejects(migrate(db, { upgrade: false }), new RegExp(`not this version's \\(missing ${last}\\)`));
      await db.query("INSERT INTO schema_migrations (version) VALUES ($1), ('999_from_a_later_version.sql')", [last]);
      await assert.rejects(migrate(db, { upgrade: false }), /ahead: 999_from_a_later_version\.sql/);
    } finally {
      await db.close();
    }
  });
});

describe('a PGlite folder serves one process', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dvc-pglite-lock-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a second opening is refused with a clear message while the first is open, and allowed once it closed', async () => {
    const dataDir = join(dir, 'pglite');
    const first = await openDatabase({ dataDir });
    try {
      await assert.rejects(openDatabase({ dataDir }), /in use by this process already: PGlite serves one process only/);
      const other = spawnSync(
        process.execPath,
        [
          '--import',
          import.meta.resolve('tsx'),
          '--input-type=module',
          '-e',
          `await import(${JSON.stringify(new URL('../../demo/server/db/index.ts', import.meta.url).href)}).then(({ openDatabase }) => openDatabase({ dataDir: ${JSON.stringify(dataDir)} }))`,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      assert.notEqual(other.status, 0);
      assert.match(other.stderr, new RegExp(`in use by another process \\(pid ${process.pid}\\)`));
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    assert.equal(await countRows(again, 'schema_migrations'), MIGRATION_FILES.length);
    await again.close();
  });

  test('a lock left by a process that died is taken over', async () => {
    const dataDir = join(dir, 'stale');
    // No process has this id: the largest pid Linux gives is 4194304.
    await writeFile(`${dataDir}.lock`, '4194399');
    const db = await openDatabase({ dataDir });
    assert.equal(await readFile(`${dataDir}.lock`, 'utf8'), String(process.pid));
    await db.close();
  });
});

describe(`seeding (${DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  test('the catalog lands whole, and a second seed changes nothing', async () => {
    const { db } = database;
    await seedCatalogue(db, catalog);
    const snapshot = await db.query('SELECT * FROM procedures ORDER BY code');
    assert.equal(snapshot.length, catalog.procedures.length);
    assert.equal(await seedCatalogue(db, catalog), catalog.procedures.length);
    assert.deepEqual(await db.query('SELECT * FROM procedures ORDER BY code'), snapshot);
    assert.equal(await countRows(db, 'fields'), new Set(catalog.procedures.map((p) => p.field.code)).size);
  });

  test('folded columns are computed at seed time', async () => {
    const [row] = await database.db.query<{ name_folded: string; search_folded: string }>(
      "SELECT name_folded, search_folded FROM procedures WHERE code = '1.001193'",
    );
    assert.ok(row, '1.001193 Đăng ký khai sinh is in the catalog');
    assert.equal(row.name_folded, 'dang ky khai sinh');
    assert.equal(row.search_folded, fold(row.search_folded), 'already folded');
    const words = row.search_folded.split(' ');
    assert.equal(new Set(words).size, words.length, 'each word once');
    // Code, field (Hộ tịch), agency (Ủy ban), a document (Giấy chứng sinh), a result (định danh).
    for (const word of ['1.001193', 'tich', 'uy', 'chung', 'danh']) assert.ok(words.includes(word), word);
  });

  test('procedures, fields and agencies no longer in the catalog are removed', async () => {
    const { db } = database;
    const kept = catalog.procedures.filter((procedure) => procedure.field.code === catalog.procedures[0]!.field.code);
    await seedCatalogue(db, { agencies: catalog.agencies, procedures: kept });
    assert.equal(await countRows(db, 'procedures'), kept.length);
    assert.equal(await countRows(db, 'fields'), 1);
    await seedCatalogue(db, catalog);
    assert.equal(await countRows(db, 'procedures'), catalog.procedures.length);
  });

  test('a broken catalog is refused and changes nothing', async () => {
    const { db } = database;
    const [first] = catalog.procedures;
    assert.ok(first);
    const orphan: CatalogueEntry = { ...first, code: '9.999998', agency: { ...first.agency, code: 'NO.SUCH.AGENCY' } };
    await assert.rejects(seedCatalogue(db, { agencies: catalog.agencies, procedures: [orphan] }), /NO\.SUCH\.AGENCY/);
    const invalid = { ...first, code: 'not-a-code' };
    await assert.rejects(
      seedCatalogue(db, { agencies: catalog.agencies, procedures: [invalid] }),
      /breaks the contract/,
    );
    await assert.rejects(
      seedCatalogue(db, { agencies: catalog.agencies, procedures: [first, first] }),
      /appears twice/,
    );
    assert.equal(await countRows(db, 'procedures'), catalog.procedures.length);
  });

  test('a failure inside the transaction rolls the whole seed back', async () => {
    const { db } = database;
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('DELETE FROM procedures');
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await countRows(db, 'procedures'), catalog.procedures.length);
  });

  test('a production start seeds only an empty catalogue, once, and never writes over one an operator loaded', async () => {
    const empty = await openTestDatabase();
    try {
      const counts = await Promise.all([seedEmptyCatalogue(empty.db, catalog), seedEmptyCatalogue(empty.db, catalog)]);
      assert.deepEqual(counts, [catalog.procedures.length, catalog.procedures.length]);
      const loaded = { ...catalog, procedures: catalog.procedures.slice(0, 3) };
      await seedCatalogue(empty.db, loaded);
      assert.equal(await seedEmptyCatalogue(empty.db, catalog), 3, 'the loaded catalogue stays');
      assert.equal(await countRows(empty.db, 'procedures'), 3);
    } finally {
      await empty.close();
    }
  });

  test('synthetic procedures are valid, distinct, deterministic and seed alongside the catalog', async () => {
    const synthetic = syntheticProcedures(catalog.procedures, 2000);
    assert.equal(synthetic.length, 2000);
    assert.equal(new Set(synthetic.map((procedure) => procedure.code)).size, 2000);
    for (const procedure of synthetic) {
      assert.match(procedure.code, /^9\.\d{6}$/);
      const { agency, field } = procedure;
      const inFile = { ...procedure, agency: agency.code, field: field.code };
      assert.ok(CatalogueProcedure.safeParse(inFile).success, procedure.code);
    }
    assert.deepEqual(syntheticProcedures(catalog.procedures, 50), synthetic.slice(0, 50));
    assert.ok(new Set(synthetic.map((procedure) => procedure.name)).size > 500, 'names vary');
    // Three upsert statements at least: every batch lands, the last one's short tail included.
    assert.ok(catalog.procedures.length + 2000 > 2 * UPSERT_BATCH);
    await seedCatalogue(database.db, { agencies: catalog.agencies, procedures: [...catalog.procedures, ...synthetic] });
    assert.equal(await countRows(database.db, 'procedures'), catalog.procedures.length + 2000);
    const [last] = await database.db.query<{ name: string }>('SELECT name FROM procedures WHERE code = $1', [
      synthetic.at(-1)!.code,
    ]);
    assert.equal(last?.name, synthetic.at(-1)!.name);
    await seedCatalogue(database.db, catalog);
    assert.equal(await countRows(database.db, 'procedures'), catalog.procedures.length);
  });
});

describe('migrations on PostgreSQL', { skip: DATABASE_URL ? false : 'DATABASE_URL is not set' }, () => {
  test('two processes starting at once apply each migration exactly once', async () => {
    const schema = uniqueSchema();
    // Both pools create the schema if missing; do it first so only the migrations race.
    const setup = await openDatabase({ url: DATABASE_URL!, schema });
    const opened: Database[] = [];
    try {
      // Every table of every migration goes, so both processes find an empty schema.
      await setup.exec(`DROP SCHEMA ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      const results = await Promise.allSettled([
        openDatabase({ url: DATABASE_URL!, schema }),
        openDatabase({ url: DATABASE_URL!, schema }),
      ]);
      for (const result of results) if (result.status === 'fulfilled') opened.push(result.value);
      assert.equal(
        opened.length,
        2,
        `both start: ${results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok')).join('; ')}`,
      );
      assert.equal(await countRows(setup, 'schema_migrations'), MIGRATION_FILES.length);
      assert.deepEqual(await migrate(opened[0]!), []);
    } finally {
      await Promise.all(opened.map((db) => db.close()));
      await setup.exec(`DROP SCHEMA ${schema} CASCADE`);
      await setup.close();
    }
  });
});

describe('transactions on PostgreSQL', { skip: DATABASE_URL ? false : 'DATABASE_URL is not set' }, () => {
  test('a connection cut in a transaction fails that transaction only: no crash, and it is not lent again', async () => {
    const database = await openTestDatabase();
    try {
      const { db } = database;
      // The transaction's own connection is cut from the server's side: its query and its ROLLBACK both fail.
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }),
      );
      // Every connection the pool holds is lent at once: a broken one among them would fail its query.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => db.query<{ n: number }>('SELECT $1::int AS n', [i])),
      );
      assert.deepEqual(
        answers.map(([row]) => row!.n),
        Array.from({ length: 10 }, (_, i) => i),
      );
    } finally {
      await database.close();
    }
  });
});
