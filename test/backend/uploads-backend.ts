/**
 * The backend the upload tests run against, one per test file
 * (`useUploadBackend()`): the file store in a temporary folder, small limits (so the limit tests send
 * little) and one allowed origin for the CORS tests; plus what the tests
 * read back from it (an upload's row, the files stored).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Database } from '../../demo/server/db/index.js';
import type { AppOptions } from '../../demo/server/app.js';
import { type Environment, readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, type UploadStore } from '../../demo/server/uploads/store.js';
import { API, startTestBackend, type TestBackend } from './helpers.js';
import { MiB } from './uploads-fixtures.js';

export const ALLOWED = 'https://xa-minh-hoa.example';
export const OTHER = 'https://evil.example';
export const PDF = 'application/pdf';

/** Small limits, so the limit tests send little: 2 MiB per file, 5 MiB per draft; the default 1 GiB per address. */
export const limits = { maxFileBytes: 2 * MiB, maxDraftBytes: 5 * MiB, ttlHours: 24 };

export interface UploadRowView {
  file_name: string;
  file_type: string;
  size: number;
  procedure_code: string;
  slot: string;
  draft: string;
}

export interface UploadBackend extends TestBackend {
  store: UploadStore;
  /** Where the file store keeps the uploads. */
  uploadDir: string;
  /** The tus endpoint's URL. */
  endpoint: string;
}

/** `env`: more upload variables (UPLOAD_MAX_ADDRESS_BYTES); `options`: more of the backend's. */
export async function startUploadBackend(
  env: Environment = {},
  options: Partial<AppOptions> = {},
): Promise<UploadBackend> {
  const root = await mkdtemp(join(tmpdir(), 'dvc-uploads-'));
  const config = readUploadConfig(
    {
      UPLOAD_MAX_FILE_BYTES: String(limits.maxFileBytes),
      UPLOAD_MAX_DRAFT_BYTES: String(limits.maxDraftBytes),
      ...env,
    },
    root,
  );
  const store = await createUploadStore(config);
  const backend = await startTestBackend({
    corsOrigins: [ALLOWED],
    uploads: { store, limits: config.limits },
    ...options,
  });
  return {
    ...backend,
    store,
    uploadDir: join(root, 'uploads'),
    endpoint: `${backend.url}${API}/uploads`,
    async close() {
      await backend.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * The upload backend of one test file: started before its tests, closed
 * after them. The object is filled in when the backend has started, so the
 * tests read `backend.endpoint`, `backend.uploadDir`, `backend.store` inside
 * their bodies, never at module level. `env` and `options` as for
 * {@link startUploadBackend}.
 */
export function useUploadBackend(...settings: Parameters<typeof startUploadBackend>): UploadBackend {
  const backend = {} as UploadBackend;
  before(async () => {
    Object.assign(backend, await startUploadBackend(...settings));
  });
  after(() => backend.close());
  return backend;
}

export const uploadRow = async (db: Database, id: string): Promise<UploadRowView | undefined> =>
  (await db.query<UploadRowView>('SELECT *, size::float8 AS size FROM uploads WHERE id = $1', [id]))[0];

export const markedUploadIds = async (db: Database): Promise<string[]> =>
  (await db.query<{ id: string }>('SELECT id FROM uploads WHERE marked_for_removal_at IS NOT NULL')).map(
    (row) => row.id,
  );

/** Ids of the uploads whose bytes the file store holds. */
export const storedFileIds = async (uploadDir: string): Promise<string[]> =>
  (await readdir(uploadDir)).filter((name) => !name.endsWith('.json'));

/** Waits until `condition` holds (checked every 10 ms, for at most 5 s). */
export async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (await condition()) return;
    await new Promise((settled) => setTimeout(settled, 10));
  }
  assert.fail('the condition never held');
}
