/**
 * `npm run catalog` as an operator runs it: a real process on the
 * backend's own database (an embedded one in a temporary DATA_DIR; on
 * PostgreSQL with DATABASE_URL, a fresh database), importing a file,
 * exporting it back unchanged, refusing a bad file without changing
 * anything, and, on PostgreSQL, killed in the middle of an import.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { catalogueFileOf, catalogueFileText } from '../../demo/server/catalogue/file.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { syntheticProcedures } from '../../demo/server/catalogue/seed/synthetic.js';
import { type CatalogCommand, catalogCommand } from '../support/catalog-command.js';
import { DATABASE_URL } from './helpers.js';

const SEED_TEXT = catalogueFileText(catalogueFileOf({ agencies: seed.agencies, procedures: seed.procedures }));

let command: CatalogCommand;

before(async () => {
  command = await catalogCommand();
});
after(() => command.close());

const start = (...args: string[]) => command.start(...args);
const catalog = (...args: string[]) => command.run(...args);

const write = async (name: string, content: string | Buffer): Promise<string> => {
  const path = join(command.dir, name);
  await writeFile(path, content);
  return path;
};

describe('npm run catalog', () => {
  test('import prints what it added; export gives the same file back; a second import changes nothing', async () => {
    const file = await write('seed.json', SEED_TEXT);
    const first = await catalog('import', file);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, new RegExp(`Procedures: ${seed.procedures.length} added, 0 changed, 0 removed`));
    const exported = join(command.dir, 'export.json');
    assert.equal((await catalog('export', exported)).code, 0);
    assert.equal(await readFile(exported, 'utf8'), SEED_TEXT);
    const again = await catalog('import', exported);
    assert.match(again.out, /Procedures: 0 added, 0 changed, 0 removed/);
  });

  test('a bad file is refused with the place named, and changes nothing', async () => {
    const broken = SEED_TEXT.replace(/"copies": \d+/, '"copies": "một"');
    const refused = await catalog('import', await write('broken.json', broken));
    assert.equal(refused.code, 1);
    assert.match(
      refused.err,
      /^Nothing imported\. .*broken\.json: \d+ problem\(s\)\n {2}procedures\[\d+\] \(\d\.\d+\)\.cases\[0\] \([a-z-]+\)\.documents\[\d+\]\.copies: Invalid input: expected number/s,
    );
    assert.equal((await catalog('export')).out, SEED_TEXT);
  });

  test(
    'an import killed half-way changes nothing (PostgreSQL)',
    { skip: !DATABASE_URL && 'needs DATABASE_URL' },
    async () => {
      const big = catalogueFileOf({
        agencies: seed.agencies,
        procedures: [...seed.procedures, ...syntheticProcedures(seed.procedures, 20_000)],
      });
      const child = start('import', await write('province.json', catalogueFileText(big)));
      const exited = new Promise((settled) => child.on('close', settled));
      // Killed once it holds the catalogue lock: inside its transaction, before the commit.
      const client = new pg.Client({ connectionString: command.env.DATABASE_URL });
      await client.connect();
      try {
        const deadline = Date.now() + 60_000;
        for (let held = false; !held; await new Promise((settled) => setTimeout(settled, 20))) {
          assert.ok(Date.now() < deadline, 'the import never took the catalogue lock');
          const { rows } = await client.query(
            "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 71042029 AND granted",
          );
          held = rows.length > 0;
        }
      } finally {
        await client.end();
      }
      child.kill('SIGKILL');
      await exited;
      assert.equal((await catalog('export')).out, SEED_TEXT);
    },
  );
});
