/**
 * PGlite on its worker thread (demo/server/db/pglite.ts): what the backend
 * relied on when the engine ran in its own thread still holds across the
 * messages, and the process is started with the node settings the backend
 * runs with (demo/server/node-flags.ts).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
    const error: unknown = await db.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['d1', 2]).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof Error);
    const { code, constraint, detail } = error as Error & { code?: string; constraint?: string; detail?: string };
    assert.match(error.message, /duplicate key value violates unique constraint "drafts_pkey"/);
    assert.equal(code, '23505');
    assert.equal(constraint, 'drafts_pkey');
    assert.match(String(detail), /\(id\)=\(d1\)/);
  });

  test('a transaction commits when its function resolves and rolls back when it throws', async () => {
    assert.equal(
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['t1', 10]);
        return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM drafts WHERE id = $1', ['t1']))[0]!.n;
      }),
      1,
    );
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['t2', 20]);
        throw new Error('the caller changed its mind');
      }),
      /changed its mind/,
    );
    const ids = (await db.query<{ id: string }>("SELECT id FROM drafts WHERE id LIKE 't%' ORDER BY id")).map(
      (row) => row.id,
    );
    assert.deepEqual(ids, ['t1']);
  });

  test('a query from outside waits for the open transaction instead of running inside it', async () => {
    let outside!: Promise<{ n: number }[]>;
    const transaction = db.transaction(async (tx) => {
      await tx.query('INSERT INTO drafts (id, bytes) VALUES ($1, $2)', ['w1', 1]);
      // Sent once the row is in: run inside the transaction, it would count it.
      outside = db.query<{ n: number }>("SELECT count(*)::int AS n FROM drafts WHERE id = 'w1'");
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('rolled back');
    });
    await assert.rejects(transaction, /rolled back/);
    assert.equal((await outside)[0]!.n, 0);
  });

  test('a COMMIT that fails rejects the transaction, and nothing of it stays', async () => {
    await db.exec(`CREATE TABLE slots (draft text NOT NULL REFERENCES drafts (id) DEFERRABLE INITIALLY DEFERRED)`);
    const error = await db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO slots (draft) VALUES ('no-such-draft')");
      })
      .then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      );
    assert.equal(error?.code, '23503', 'a foreign key checked at COMMIT');
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM slots'))[0]!.n, 0);
  });

  test("an error's stack names the caller, not only the worker", async () => {
    const error = (await db.query('SELECT * FROM no_such_table').catch((e: unknown) => e)) as Error;
    assert.match(error.message, /relation "no_such_table" does not exist/);
    assert.match(error.stack!, /pglite-worker\.test\.ts/);
  });

  test('a parameter that cannot cross the thread is refused, and the database goes on', async () => {
    await assert.rejects(db.query('SELECT $1::text AS t', [() => 'a function']), { name: 'DataCloneError' });
    assert.deepEqual(await db.query('SELECT $1::text AS t', ['next']), [{ t: 'next' }]);
  });

  test(
    'a close with calls on either side of it finishes, and later calls fail at once with a clear error',
    { timeout: 30_000 },
    async () => {
      const closing = await openDatabase({ dataDir: 'memory://' });
      const before = closing.query<{ n: number }>('SELECT 1 AS n');
      const closed = closing.close();
      // Sent after the close: the worker answers it (with an error) after the close is done.
      const late = closing.query('SELECT 2').then(
        () => 'answered',
        (error: Error) => error.message,
      );
      assert.deepEqual(await before, [{ n: 1 }]);
      await closed;
      assert.match(await late, /closed/);
      await assert.rejects(closing.query('SELECT 3'), /PGlite database was closed/);
    },
  );

  /**
   * Runs `script` (an ES module) in a fresh node with tsx (by its address: `cwd` may be any folder); returns what it
   * printed. The time limit catches a process that never exits: eight PGlite starts, each applying every migration,
   * take about 15 s on an idle machine and passed 60 s on a busy one.
   */
  const runScript = async (script: string, cwd = repoRoot) =>
    (
      await promisify(execFile)(
        process.execPath,
        ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script],
        { cwd, timeout: 180_000 },
      )
    ).stdout.trim();
  const dbModule = JSON.stringify(new URL('../../demo/server/db/index.ts', import.meta.url).href);

  test('a script that forgets to close the database still exits (an idle worker keeps nothing alive)', async () => {
    const script = `const { openDatabase } = await import(${dbModule}); const db = await openDatabase({ dataDir: 'memory://' }); console.log((await db.query('SELECT 41 + 1 AS n'))[0].n);`;
    assert.equal(await runScript(script), '42');
  });

  test('a script whose call was refused for its parameter still exits', async () => {
    const script = `const { openDatabase } = await import(${dbModule}); const db = await openDatabase({ dataDir: 'memory://' }); await db.query('SELECT $1::text', [() => 1]).catch((error) => console.log(error.name));`;
    assert.equal(await runScript(script), 'DataCloneError');
  });

  test('a script that closes the database with a call still to answer gets to the end of its close', async () => {
    // The late answer races the worker's exit: several rounds, so that a fault shows every time, not one time in three.
    const script = `const { openDatabase } = await import(${dbModule});
      for (let round = 0; round < 8; round++) {
        const db = await openDatabase({ dataDir: 'memory://' });
        const closed = db.close();
        const late = db.query('SELECT 1').catch((error) => error.message);
        await closed;
        console.log('closed;', await late);
      }`;
    const lines = (await runScript(script)).split('\n');
    assert.equal(lines.length, 8, lines.join('\n'));
    for (const line of lines) assert.match(line, /^closed; .*closed/);
  });

  test('the backend opens its database when started from another folder', async () => {
    const script = `const { openDatabase } = await import(${dbModule}); const db = await openDatabase({ dataDir: 'memory://' }); console.log((await db.query('SELECT 1 AS n'))[0].n); await db.close();`;
    assert.equal(await runScript(script, tmpdir()), '1');
  });
});

describe('the node settings of the backend', () => {
  test('npm start and npm run bench pass every one of them to node', async () => {
    const { scripts } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
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
