/**
 * `npm start`'s process, as a supervisor and a balancer see it: an error
 * that escapes every request's handling is logged and the process goes on
 * answering; on SIGTERM it turns unready first (DRAIN_SECONDS), then stops
 * cleanly with exit code 0.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startMain } from '../support/main-process.js';

/** On SIGUSR2, throws outside any request: what a stray callback's bug does. */
const STRAY_THROW =
  'data:text/javascript,process.on("SIGUSR2", () => setImmediate(() => { throw new Error("a stray callback failed"); }));';

test('an error outside any request is logged, the process answers on; SIGTERM drains, then exits 0', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dvc-process-'));
  const { child, url, output } = await startMain({ DATA_DIR: dataDir, DRAIN_SECONDS: '2' }, [STRAY_THROW]);
  try {
    child.kill('SIGUSR2');
    while (!output().includes('a stray callback failed')) await new Promise((done) => setTimeout(done, 100));
    assert.match(output(), /Unexpected error, the process goes on: Error: a stray callback failed/);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 300));
    assert.equal((await fetch(`${url}/readyz`)).status, 503);
    const [code] = await exited;
    assert.equal(code, 0);
  } finally {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});
