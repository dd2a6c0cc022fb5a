/**
 * Shared set-up for the backend tests: a fresh database (in-memory PGlite,
 * or a throw-away schema on the PostgreSQL of `DATABASE_URL`, so the same
 * tests prove both engines), seeded with the real catalogue, behind a server
 * on a free port; plus request helpers that check every answer against
 * the contract.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type * as z from 'zod/mini';
import { ApiError } from '../../src/api/contract/index.js';
import { type AppOptions, startServer } from '../../demo/server/app.js';
import { type Database, openDatabase } from '../../demo/server/db/index.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';

export const DATABASE_URL = process.env.DATABASE_URL;
export const API = '/api/v1';

export interface TestDatabase {
  db: Database;
  /** Closes the database and, on PostgreSQL, drops the test schema. */
  close(): Promise<void>;
}

/** A schema name no other run (parallel test files, another machine's CI) will use. */
export const uniqueSchema = (): string =>
  `dvc_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export async function openTestDatabase(): Promise<TestDatabase> {
  if (!DATABASE_URL) {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, close: () => db.close() };
  }
  const schema = uniqueSchema();
  const db = await openDatabase({ url: DATABASE_URL, schema });
  return {
    db,
    async close() {
      await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

export interface TestBackend {
  url: string;
  db: Database;
  /** Log lines the server wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** A server with the real seed catalogue and its form templates, checking its own answers against the contract. */
export async function startTestBackend(options: Partial<AppOptions> = {}): Promise<TestBackend> {
  const database = await openTestDatabase();
  await seedCatalogue(database.db, catalog);
  const logs: string[] = [];
  const server = await startServer({
    host: '127.0.0.1',
    db: database.db,
    validateResponses: true,
    formTemplates: catalog.formTemplates,
    log: (line) => logs.push(line),
    ...options,
  });
  return {
    url: server.url,
    db: database.db,
    logs,
    async close() {
      await server.close();
      await database.close();
    },
  };
}

/** Asserts `value` satisfies `schema`, naming the issues when not. */
export function assertSchema<S extends z.ZodMiniType>(schema: S, value: unknown, what = 'response'): z.output<S> {
  const result = schema.safeParse(value);
  assert.ok(result.success, `${what} breaks the contract: ${JSON.stringify(result.error?.issues)}`);
  return result.data;
}

/** GETs a JSON answer, asserts its status, content type and schema, and returns the parsed body. */
export async function getJson<S extends z.ZodMiniType>(url: string, schema: S, status = 200): Promise<z.output<S>> {
  const response = await fetch(url);
  const text = await response.text();
  assert.equal(response.status, status, `GET ${url}: ${text.slice(0, 500)}`);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  return assertSchema(schema, JSON.parse(text), `GET ${url}`);
}

/** GETs an expected error and returns its `error` object after checking it is a contract `ApiError`. */
export async function getError(url: string, status: number, code: string): Promise<ApiError['error']> {
  const body = await getJson(url, ApiError, status);
  assert.equal(body.error.code, code);
  return body.error;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request with the path sent exactly as written: `fetch` would normalise
 * `/../` away, which is precisely what the traversal tests must not do.
 */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}
