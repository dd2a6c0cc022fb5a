/**
 * `npm start`'s process, as a supervisor and a balancer see it: an error
 * that escapes every request's handling is logged and the process goes on
 * answering; on SIGTERM it turns unready first (DRAIN_SECONDS), then stops
 * cleanly with exit code 0.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const main = new URL('../../demo/server/main.ts', import.meta.url).pathname;
/** On SIGUSR2, throws outside any request: what a stray callback's bug does. */
const STRAY_THROW =
  'data:text/javascript,process.on("SIGUSR2", () => setImmediate(() => { throw new Error("a stray callback failed"); }));';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), '--import', STRAY_THROW, main], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!/Demo site: (\S+)\//.test(output)) {
    assert.ok(child.exitCode === null && Date.now() < deadline, `main.ts did not start: ${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return { child, url: /Demo site: (\S+)\//.exec(output)![1]!, output: () => output };
}

test('an error outside any request is logged, the process answers on; SIGTERM drains, then exits 0', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dvc-process-'));
  const { child, url, output } = await startMain({ DATA_DIR: dataDir, DRAIN_SECONDS: '2' });
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
