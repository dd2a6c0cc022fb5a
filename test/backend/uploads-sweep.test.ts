/**
 * The expiry sweep with two instances of the backend on one PostgreSQL and
 * one upload store, as behind a load balancer: both run the sweeper, and
 * exactly one sweeps at a time (an advisory lock); while it removes files a
 * filing through the other instance refuses the uploads being removed and
 * takes the others, without waiting for the sweep. Needs DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { type Database, openDatabase } from '../../demo/server/db/index.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, type UploadStore } from '../../demo/server/uploads/store.js';
import { sweepExpiredUploads } from '../../demo/server/uploads/sweep.js';
import { attachFixtureFiles, postDossier, submissionFor } from './dossier-fixtures.js';
import { DATABASE_URL, uniqueSchema } from './helpers.js';
import { newDraftId } from './uploads-fixtures.js';

const PROCEDURE = '1.001193';
let schema: string;
let root: string;
let store: UploadStore;
/** One database pool per instance, as separate processes have. */
const pools: Database[] = [];
const instances: RunningServer[] = [];

/** Holds every removal of the store until released; counts them per upload. */
const removals = new Map<string, number>();
let releaseRemovals = () => {};
let removalsHeld = Promise.resolve();

describe(
  'the expiry sweep on two instances',
  { skip: DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL)' },
  () => {
    before(async () => {
      schema = uniqueSchema();
      root = await mkdtemp(join(tmpdir(), 'dvc-sweep-'));
      const config = readUploadConfig({}, root);
      const real = await createUploadStore(config);
      store = Object.assign(Object.create(real) as UploadStore, {
        remove: async (id: string) => {
          removals.set(id, (removals.get(id) ?? 0) + 1);
          await removalsHeld;
          return real.remove(id);
        },
      });
      for (let i = 0; i < 2; i++) {
        const db = await openDatabase({ url: DATABASE_URL!, schema });
        pools.push(db);
        if (i === 0) await seedCatalogue(db, catalog);
        instances.push(
          await startServer({
            host: '127.0.0.1',
            db,
            log: () => {},
            validateResponses: true,
            formTemplates: catalog.formTemplates,
            uploads: { store, limits: config.limits },
          }),
        );
      }
    });
    after(async () => {
      releaseRemovals();
      await Promise.all(instances.map((instance) => instance.close()));
      await pools[0]?.exec(`DROP SCHEMA ${schema} CASCADE`);
      await Promise.all(pools.map((db) => db.close()));
      await rm(root, { recursive: true, force: true });
    });

    const sweepOn = (db: Database) => sweepExpiredUploads({ db, store, ttlHours: 24, log: () => {} });
    const uploadIds = (attachments: { uploads: string[] }[]) => attachments.flatMap((attachment) => attachment.uploads);
    const rowsOf = (ids: string[]) =>
      pools[0]!.query<{ id: string; dossier_code: string | null }>(
        'SELECT id, dossier_code FROM uploads WHERE id = ANY($1)',
        [ids],
      );
    const storedIds = async () => (await readdir(join(root, 'uploads'))).filter((name) => !name.endsWith('.json'));

    test('exactly one instance sweeps; a filing meanwhile refuses the uploads being removed and takes the others', async () => {
      const [first, second] = instances as [RunningServer, RunningServer];
      // Files of two drafts through the first instance: one draft's a day old, the other's fresh.
      const expiredDraft = newDraftId();
      const expired = await attachFixtureFiles(first.url, PROCEDURE, expiredDraft);
      const freshDraft = newDraftId();
      const fresh = await attachFixtureFiles(first.url, PROCEDURE, freshDraft);
      await pools[0]!.query("UPDATE uploads SET created_at = now() - interval '25 hours' WHERE id = ANY($1)", [
        uploadIds(expired),
      ]);

      removalsHeld = new Promise((release) => (releaseRemovals = release));
      const sweeps = pools.map(sweepOn);
      const outcomes = Promise.all(sweeps);
      // The one that sweeps is now removing files (held); the other has already given up its turn.
      while (removals.size === 0) await new Promise((tick) => setTimeout(tick, 10));
      const skipped = await Promise.race([Promise.race(sweeps), new Promise((wait) => setTimeout(wait, 2000, 'none'))]);
      assert.equal(skipped, undefined, 'the other instance skipped its turn at once');

      const refused = await postDossier(
        second.url,
        submissionFor(PROCEDURE, { draft: expiredDraft, attachments: expired }),
      );
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.deepEqual(
        (refused.body as { error: { details: { path: string; code: string }[] } }).error.details.map(
          ({ path, code }) => `${path}: ${code}`,
        ),
        ['attachments.giay-chung-sinh: attachment'],
      );
      const filed = await postDossier(second.url, submissionFor(PROCEDURE, { draft: freshDraft, attachments: fresh }));
      assert.equal(filed.status, 201, `a filing does not wait for the sweep: ${JSON.stringify(filed.body)}`);

      releaseRemovals();
      const counts = await outcomes;
      assert.deepEqual(
        counts.filter((count) => count !== undefined),
        [uploadIds(expired).length],
        'one sweeper removed them all',
      );
      for (const id of uploadIds(expired)) assert.equal(removals.get(id), 1, 'each file removed once');
      assert.deepEqual(await rowsOf(uploadIds(expired)), []);
      const stored = await storedIds();
      assert.ok(uploadIds(expired).every((id) => !stored.includes(id)));
      const filedRows = await rowsOf(uploadIds(fresh));
      assert.ok(filedRows.length > 0 && filedRows.every((row) => row.dossier_code !== null));
      assert.ok(
        uploadIds(fresh).every((id) => stored.includes(id)),
        "the filed dossier's files stay",
      );
    });

    test('the next run after a sweep is free to sweep on any instance', async () => {
      removalsHeld = Promise.resolve();
      assert.equal(await sweepOn(pools[1]!), 0);
      assert.equal(await sweepOn(pools[0]!), 0);
    });
  },
);
