/**
 * PGlite on its worker thread (demo/server/db/pglite.ts): what the backend
 * relied on when the engine ran in its own thread still holds across the
 * messages, and the process is started with the node settings the backend
 * runs with (demo/server/node-flags.ts).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Database, openDatabase } from '../../demo/server/db/index.js';
import { missingServerFlags, SERVER_NODE_FLAGS, serverFlagsWarning } from '../../demo/server/node-flags.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('PGlite on a worker thread', () => {
  let db: Database;
  before(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await db.exec('CREATE TABLE drafts (id text PRIMARY KEY, bytes bigint NOT NULL, saved_at timestamptz)');
  });
  after(() => db.close());

  test('values come back as PGlite gives them: numbers, dates, null, arrays', async () => {
    const [row] = await db.query<{ n: number; at: Date; none: null; ids: string[] }>(
      "SELECT 20000000::bigint AS n, '2026-12-03T07:00:00Z'::timestamptz AS at, NULL AS none, ARRAY['a', 'b'] AS ids",
    );
    assert.deepEqual(row, { n: 20_000_000, at: new Date('2026-12-03T07:00:00Z'), none: null, ids: ['a', 'b'] });
  });

  test("an error keeps PostgreSQL's message and fields (code, constraint, detail)", async () => {
    await db.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['d1', 1]);
    const error = await db.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['d1', 2]).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.match(error.message, /duplicate key value violates unique constraint "drafts_pkey"/);
    assert.equal((error as Error & { code?: string }).code, '23505');
    assert.equal((error as Error & { constraint?: string }).constraint, 'drafts_pkey');
    assert.match(String((error as Error & { detail?: string }).detail), /\(id\)=\(d1\)/);
  });

  test('a transaction commits when its function resolves and rolls back when it throws', async () => {
    assert.equal(await db.transaction(async (tx) => {
      await tx.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['t1', 10]);
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM drafts WHERE id = $1', ['t1']))[0]!.n;
    }), 1);
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['t2', 20]);
      throw new Error('the caller changed its mind');
    }), /changed its mind/);
    const ids = (await db.query<{ id: string }>("SELECT id FROM drafts WHERE id LIKE 't%' ORDER BY id")).map((row) => row.id);
    assert.deepEqual(ids, ['t1']);
  });

  test('a query from outside waits for the open transaction instead of running inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['w1', 1]);
      await held;
      throw new Error('rolled back');
    });
    // Sent while the transaction is open: it must not see (or join) the uncommitted row.
    const outside = db.query<{ n: number }>("SELECT count(*)::int AS n FROM drafts WHERE id = 'w1'");
    setTimeout(release, 20);
    await assert.rejects(transaction, /rolled back/);
    assert.equal((await outside)[0]!.n, 0);
  });

  test('after close, a call fails at once with a clear error instead of hanging', async () => {
    const closed = await openDatabase({ dataDir: 'memory://' });
    await closed.close();
    await assert.rejects(closed.query('SELECT 1'), /PGlite database was closed/);
  });

  test('a script that forgets to close the database still exits (an idle worker keeps nothing alive)', async () => {
    const script = "import { openDatabase } from './demo/server/db/index.js'; const db = await openDatabase({ dataDir: 'memory://' }); console.log((await db.query('SELECT 41 + 1 AS n'))[0].n);";
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, timeout: 60_000 });
    assert.equal(stdout.trim(), '42');
  });
});

describe('the node settings of the backend', () => {
  test('npm start and npm run bench pass every one of them to node', async () => {
    const { scripts } = JSON.parse(await readFile(new URL('package.json', `file://${repoRoot}`), 'utf8')) as { scripts: Record<string, string> };
    for (const script of ['start', 'bench']) {
      const node = scripts[script]!.split('&&').at(-1)!.trim().split(/\s+/);
      assert.equal(node[0], 'node', `${script} runs node itself`);
      assert.deepEqual(missingServerFlags(node), [], `${script}: ${scripts[script]}`);
    }
  });

  test('a process started without them is told which are missing', () => {
    assert.equal(serverFlagsWarning([...SERVER_NODE_FLAGS, '--import', 'tsx']), undefined);
    assert.match(serverFlagsWarning(['--import', 'tsx'])!, /without --single-threaded-gc --no-memory-reducer/);
    assert.deepEqual(missingServerFlags(['--single-threaded-gc']), ['--no-memory-reducer']);
  });
});
