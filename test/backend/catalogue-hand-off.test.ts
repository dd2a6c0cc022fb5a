/**
 * `npm run catalog -- import` while the backend runs on its embedded
 * database (PGlite serves one process): the command hands the file to the
 * running backend, which imports it in its own process; the command prints
 * the same report or the same refusal as when it opens the database itself,
 * and citizens see the change without a restart.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ProcedureDetail } from '../../src/api/contract/index.js';
import { catalogueFileOf, catalogueFileText } from '../../demo/server/catalogue/file.js';
import { inboxOf } from '../../demo/server/catalogue/hand-off.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { type CatalogCommand, catalogCommand } from '../support/catalog-command.js';
import { type StartedMain, startMain } from '../support/main-process.js';
import { API, DATABASE_URL, getJson } from './helpers.js';

const RENAMED = 'Đăng ký khai sinh (tên mới sau khi nhập)';

let command: CatalogCommand;
let backend: StartedMain;

describe(
  'an import handed to the backend running on the embedded database',
  { skip: DATABASE_URL && 'PGlite only' },
  () => {
    before(async () => {
      command = await catalogCommand();
      backend = await startMain({ DATA_DIR: command.dir, NODE_ENV: 'development' });
    });
    after(async () => {
      const exited = once(backend.child, 'exit');
      backend.child.kill('SIGTERM');
      await exited;
      await command.close();
    });

    const birth = () => getJson(`${backend.url}${API}/procedures/1.001193`, ProcedureDetail);

    test('the running backend imports it; the command prints the report and citizens see the change', async () => {
      const procedures = seed.procedures.map((entry) =>
        entry.code === '1.001193' ? { ...entry, name: RENAMED } : entry,
      );
      const file = join(command.dir, 'doi-ten.json');
      await writeFile(file, catalogueFileText(catalogueFileOf({ agencies: seed.agencies, procedures })));
      const run = await command.run('import', file);
      assert.equal(run.code, 0, run.err);
      assert.match(run.err, /The backend is running on this database: the import is handed to it\./);
      assert.match(run.out, /Procedures: 0 added, 1 changed, 0 removed\n {2}changed: 1\.001193/);
      assert.equal((await birth()).name, RENAMED);
      assert.match(backend.output(), /catalogue import of .*doi-ten\.json: 0 added, 1 changed, 0 removed/);
      assert.deepEqual(
        await readdir(inboxOf(command.dir)),
        ['watcher.json'],
        'nothing but the watcher is left in the inbox',
      );
    });

    test('an import cancelled while the backend is busy never lands: withdrawn on Ctrl-C, dropped if its command was killed', async () => {
      const before = (await birth()).name;
      const file = join(command.dir, 'huy.json');
      const procedures = seed.procedures.map((entry) =>
        entry.code === '1.001193' ? { ...entry, name: 'Hủy' } : entry,
      );
      await writeFile(file, catalogueFileText(catalogueFileOf({ agencies: seed.agencies, procedures })));
      const requests = async () =>
        (await readdir(inboxOf(command.dir))).filter((name) => name.endsWith('.request.json'));
      backend.child.kill('SIGSTOP');
      try {
        for (const signal of ['SIGINT', 'SIGKILL'] as const) {
          const child = command.start('import', file);
          let err = '';
          child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
          for (const deadline = Date.now() + 20_000; (await requests()).length === 0;) {
            assert.ok(Date.now() < deadline, `not handed over: ${err}`);
            await new Promise((done) => setTimeout(done, 50));
          }
          const exited = once(child, 'exit');
          child.kill(signal);
          await exited;
          if (signal === 'SIGINT') {
            assert.match(err, /Withdrawn: nothing imported\./);
            assert.deepEqual(await requests(), []);
          }
        }
      } finally {
        backend.child.kill('SIGCONT');
      }
      // The killed command's request is dropped by the backend once it runs again.
      const deadline = Date.now() + 10_000;
      while ((await requests()).length > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      assert.match(backend.output(), /catalogue import of .*huy\.json: dropped, its command has ended/);
      assert.equal((await birth()).name, before);
    });

    test('a bad file is refused with the place named, as the command says it itself, and changes nothing', async () => {
      const before = await birth();
      const broken = join(command.dir, 'hong.json');
      await writeFile(broken, catalogueFileText(catalogueFileOf(seed)).replace(/"copies": \d+/, '"copies": "một"'));
      const run = await command.run('import', broken);
      assert.equal(run.code, 1);
      assert.match(
        run.err,
        /Nothing imported\. .*hong\.json: \d+ problem\(s\)\n {2}procedures\[\d+\].*copies: Invalid input/s,
      );
      assert.deepEqual(await birth(), before);
    });
  },
);
