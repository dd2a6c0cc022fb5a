/**
 * `npm start`'s process (demo/server/main.ts) as the tests run it: a real
 * child process on its own environment, started when it prints the site's
 * address, with everything it printed at hand.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';

const main = new URL('../../demo/server/main.ts', import.meta.url).pathname;

export interface StartedMain {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts main.ts with `env` (and PATH, port 0 on 127.0.0.1); `imports` are loaded before it, e.g. a fault to inject. */
export async function startMain(env: Record<string, string>, imports: string[] = []): Promise<StartedMain> {
  const preload = [import.meta.resolve('tsx'), ...imports].flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, [...preload, main], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const deadline = Date.now() + 90_000;
  while (!/Demo site: (\S+)\//.test(output)) {
    assert.ok(child.exitCode === null && Date.now() < deadline, `main.ts did not start: ${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return { child, url: /Demo site: (\S+)\//.exec(output)![1]!, output: () => output };
}
