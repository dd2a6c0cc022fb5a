/**
 * `npm run catalog` as an operator runs it, for the tests: a real process
 * on a database of its own (an embedded one in a temporary DATA_DIR; with
 * DATABASE_URL, a fresh database on that server), removed afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from './cluster.js';

export interface CommandRun {
  code: number | null;
  out: string;
  err: string;
}

export interface CatalogCommand {
  /** The temporary folder: DATA_DIR, and room for files to import. */
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Starts the command with `args`. */
  start(...args: string[]): ChildProcess;
  /** Runs the command to its end: its exit code and what it printed. */
  run(...args: string[]): Promise<CommandRun>;
  /** Drops its database and removes its folder. */
  close(): Promise<void>;
}

export async function catalogCommand(extraEnv: NodeJS.ProcessEnv = {}): Promise<CatalogCommand> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-catalog-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, ...extraEnv };
  delete env.DATABASE_URL;
  const database = process.env.DATABASE_URL ? await freshDatabase(process.env.DATABASE_URL) : undefined;
  if (database) env.DATABASE_URL = database.url;
  const start = (...args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', 'demo/scripts/catalog.ts', ...args], { env, stdio: 'pipe' });
  return {
    dir,
    env,
    start,
    run(...args) {
      const child = start(...args);
      let out = '';
      let err = '';
      // Decoded as a stream: a chunk may end inside a character (ộ is three bytes).
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      return new Promise((settled) => child.on('close', (code) => settled({ code, out, err })));
    },
    async close() {
      await database?.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
