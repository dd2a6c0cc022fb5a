/**
 * `npm start` refuses what would break with several instances: in
 * production, the embedded database and the file upload store serve one
 * process only, so a start with either is refused with a sentence that
 * says why and how (unless SINGLE_INSTANCE=1 says exactly one instance runs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const main = new URL('../../demo/server/main.ts', import.meta.url).pathname;

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
  });
}

test('a production start on the embedded database or the file store is refused, saying why', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dvc-start-'));
  try {
    const refused = start({ NODE_ENV: 'production', DATA_DIR: dataDir });
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /the embedded database \(set DATABASE_URL\) and the file upload store/);
    assert.match(refused.stderr, /SINGLE_INSTANCE=1/);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
