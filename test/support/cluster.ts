/**
 * Several instances of the reference backend behind nginx, started the way
 * an operator runs them (demo/deploy/README.md): each `demo/server/main.ts`
 * in a process of its own with `NODE_ENV=production`, one PostgreSQL
 * database, one S3-compatible bucket, and Debian's nginx running the
 * repository's own demo/deploy/nginx.conf in front. Only what a test
 * machine must differ in is rewritten: the upstream lines (the instances'
 * ports come from the OS), the listen address and the log path (a temporary
 * folder). Used by test/multi/ and test/bench/instances.ts.
 *
 * Each cluster gets a database of its own on the server of `databaseUrl`,
 * dropped when it stops, so runs never see each other's dossiers.
 *
 * By hand (Ctrl-C stops everything):
 *   S3_TEST_ENDPOINT=http://127.0.0.1:18089 node --import tsx test/support/cluster.ts 3
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { SERVER_NODE_FLAGS } from '../../demo/server/node-flags.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NGINX_TEMPLATE = join(ROOT, 'demo/deploy/nginx.conf');
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** `.ci/s3-server`'s keys. */
const S3_KEYS = { id: 'test:tester', secret: 'testing' };
const START_TIMEOUT_MS = 60_000;

export interface ClusterOptions {
  instances: number;
  /** PostgreSQL server (its database is replaced by a fresh one); default DATABASE_URL or the CI one. */
  databaseUrl?: string;
  /**
   * S3-compatible endpoint for the uploads; its bucket `dvc-multi` is created when missing. Without
   * one, the instances are given a bucket nobody serves: for runs that upload nothing.
   */
  s3Endpoint?: string;
  /** More environment for every instance (UPLOAD_TTL_HOURS, TRUST_PROXY, …). */
  env?: Record<string, string>;
}

export interface Instance {
  /** `dvc-instance-<n>`: also its PostgreSQL sessions' application_name (PGAPPNAME), so a test can tell whose a lock is. */
  name: string;
  /** The instance's own address, bypassing nginx. */
  url: string;
  /** `host:port`, as nginx's log names it. */
  address: string;
  process: ChildProcess;
  /** What it printed (stdout and stderr), line by line. */
  output: string[];
}

export interface Cluster {
  /** nginx's address: what a citizen's browser would use. */
  url: string;
  instances: Instance[];
  /** The instances' environment (the database they share, the bucket…), for a test's own checks. */
  env: Record<string, string>;
  /** Parsed lines of nginx's access log (demo/deploy/nginx.conf's `dvc_widgets` format), oldest first. */
  accessLog(): Promise<AccessLine[]>;
  /**
   * Stops instance `index` (SIGTERM; nothing if it is dead) and starts it again on its port,
   * with `env` added to the cluster's: nginx finds it where it was.
   */
  restart(index: number, env?: Record<string, string>): Promise<Instance>;
  stop(): Promise<void>;
}

export interface AccessLine {
  method: string;
  path: string;
  status: number;
  /** The instance(s) nginx tried, as `host:port`, in order. */
  upstreams: string[];
}

/** A port the OS has just handed out (nginx cannot report one it chose itself). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Where nginx is: Debian puts it in /usr/sbin, which a non-root PATH may lack. */
export function nginxPath(): string | undefined {
  for (const candidate of [process.env.NGINX_PATH, '/usr/sbin/nginx', 'nginx'].filter(Boolean) as string[]) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** `text` with the first match of `pattern` (global, multiline) replaced by `first(match)` and the others removed. */
function keepFirst(text: string, pattern: RegExp, first: (match: string[]) => string): string {
  let seen = false;
  return text.replace(pattern, (...match: string[]) => {
    if (seen) return '';
    seen = true;
    return first(match);
  });
}

/**
 * The repository's nginx.conf for this machine: its upstream `server` lines
 * replaced by `upstreams` (with the first line's parameters), its `listen`
 * lines by `listen`, its access log moved into `dir`.
 */
export function renderSiteConfig(template: string, upstreams: string[], listen: string, dir: string): string {
  const serverLines = /^(\s*)server 127\.0\.0\.1:\d+((?: [^;]*)?);\n/gm;
  const listenLines = /^(\s*)listen [^;]+;\n/gm;
  if (!template.match(serverLines) || !template.match(listenLines))
    throw new Error('demo/deploy/nginx.conf lacks the upstream "server 127.0.0.1:…" or "listen" lines this rewrites');
  const withUpstreams = keepFirst(template, serverLines, ([, indent, params]) =>
    upstreams.map((address) => `${indent}server ${address}${params};\n`).join(''),
  );
  return keepFirst(withUpstreams, listenLines, ([, indent]) => `${indent}listen ${listen};\n`).replace(
    /access_log \S+/,
    `access_log ${join(dir, 'access.log')}`,
  );
}

/** A main nginx.conf for an unprivileged nginx in `dir`, around the site file (Debian's main file does this in production). */
const mainConfig = (dir: string): string => `
daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include ${join(dir, 'site.conf')};
}
`;

/** Resolves when `instance` has printed its address; rejects when it exits first or takes too long. */
function listening(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no start within ${START_TIMEOUT_MS} ms:\n${output.join('\n')}`)),
      START_TIMEOUT_MS,
    );
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        const url = /Demo site: (http:\/\/\S+?)\/$/.exec(line)?.[1];
        if (url) {
          clearTimeout(timer);
          ready(url);
        }
      }
    };
    child.stdout!.on('data', onLine);
    child.stderr!.on('data', onLine);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`instance exited (${signal ?? code}) before listening:\n${output.join('\n')}`));
    });
  });
}

/** One backend instance, as `npm start` runs it, on `port` (default one the OS picks), with `args` (`--seed`). */
export async function startInstance(
  name: string,
  env: Record<string, string>,
  port = 0,
  args: string[] = [],
): Promise<Instance> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'demo/server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PGAPPNAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await listening(child, output).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return { name, url, address: new URL(url).host, process: child, output };
}

/** Stops a child process (SIGTERM, then SIGKILL after 5 s); nothing if it already ended. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A fresh database on the server of `baseUrl`; returns its URL and how to drop it. */
export async function freshDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dvc_multi_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function ensureBucket(endpoint: string, bucket: string): Promise<void> {
  const s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3_KEYS.id, secretAccessKey: S3_KEYS.secret },
  });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: Error) => {
      if (!/BucketAlready(Exists|OwnedByYou)/.test(error.name)) throw error;
    });
  } finally {
    s3.destroy();
  }
}

/** nginx with the repository's site file in front of `upstreams`; resolves once it answers. */
async function startNginx(dir: string, upstreams: string[]): Promise<{ url: string; process: ChildProcess }> {
  const nginx = nginxPath();
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx)');
  const port = await freePort();
  const site = renderSiteConfig(await readFile(NGINX_TEMPLATE, 'utf8'), upstreams, `127.0.0.1:${port}`, dir);
  await writeFile(join(dir, 'site.conf'), site);
  await writeFile(join(dir, 'nginx.conf'), mainConfig(dir));
  const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx did not start: ${errors.join('')}`);
    const answered = await fetch(`${url}/api/v1/service`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { url, process: child };
    await new Promise((wait) => setTimeout(wait, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not answer on ${url}: ${errors.join('')}`);
}

const ACCESS_LINE = /"(\S+) (\S+)" (\d{3}) \d+ upstream=(.*?) upstream_status=/;

function parseAccessLine(line: string): AccessLine | undefined {
  const match = ACCESS_LINE.exec(line);
  if (!match) return undefined;
  return {
    method: match[1]!,
    path: match[2]!,
    status: Number(match[3]),
    upstreams: match[4] === '-' ? [] : match[4]!.split(/, | : /),
  };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-cluster-'));
  const database = await freshDatabase(options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const bucket = 'dvc-multi';
  if (options.s3Endpoint) await ensureBucket(options.s3Endpoint, bucket);
  const env = {
    NODE_ENV: 'production',
    LOOKUP_KEY: 'cluster-test-lookup-key-shared-by-the-instances',
    DATABASE_URL: database.url,
    UPLOAD_STORE: 's3',
    S3_BUCKET: bucket,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: options.s3Endpoint ?? 'http://127.0.0.1:9',
    S3_ACCESS_KEY_ID: S3_KEYS.id,
    S3_SECRET_ACCESS_KEY: S3_KEYS.secret,
    DATA_DIR: dir,
    // A production start wants a virus scanner: clamd when the environment names one (CI's), else none, on purpose.
    ...(!process.env.CLAMD_SOCKET && !process.env.CLAMD_HOST && { UPLOAD_SCAN: 'off' }),
    ...options.env,
  };
  const instances: Instance[] = [];
  let nginx: { url: string; process: ChildProcess } | undefined;
  const stop = async () => {
    await Promise.all([
      ...instances.map((instance) => stopProcess(instance.process)),
      nginx && stopProcess(nginx.process),
    ]);
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // The first start creates the schema and, asked to (a production start seeds nothing by itself),
    // the catalogue; the others then start together.
    const name = (index: number) => `dvc-instance-${index}`;
    instances.push(await startInstance(name(0), env, 0, ['--seed']));
    const others = Array.from({ length: options.instances - 1 }, (_, i) => startInstance(name(i + 1), env));
    const started = await Promise.allSettled(others);
    for (const outcome of started) if (outcome.status === 'fulfilled') instances.push(outcome.value);
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    nginx = await startNginx(
      dir,
      instances.map((instance) => instance.address),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: nginx.url,
    instances,
    env,
    async restart(index, more = {}) {
      const old = instances[index]!;
      await stopProcess(old.process);
      instances[index] = await startInstance(old.name, { ...env, ...more }, Number(new URL(old.url).port));
      return instances[index];
    },
    async accessLog() {
      const text = await readFile(join(dir, 'access.log'), 'utf8').catch(() => '');
      return text
        .split('\n')
        .map(parseAccessLine)
        .filter((line): line is AccessLine => line !== undefined);
    },
    stop,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cluster = await startCluster({
    instances: Number(process.argv[2] ?? 3),
    s3Endpoint: process.env.S3_TEST_ENDPOINT ?? 'http://127.0.0.1:18089',
  });
  console.log(`nginx on ${cluster.url}/ in front of ${cluster.instances.map((instance) => instance.url).join(' ')}`);
  process.once('SIGINT', () => void cluster.stop().then(() => process.exit(0)));
}
