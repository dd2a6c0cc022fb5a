/**
 * The backend the api-* tests run against, one per test file: the real seed
 * catalogue, checking its own answers against the contract
 * (`startTestBackend`), with the base URL of the API beside it.
 */
import { after, before } from 'node:test';
import { API, startTestBackend, type TestBackend } from './helpers.js';

export interface ApiBackend extends TestBackend {
  /** The API's base URL: the backend's URL and `/api/v1`. */
  api: string;
}

/**
 * Started before the file's tests, closed after them. The object is filled
 * in when the backend has started, so tests read `backend.api` inside their
 * bodies, never at module level.
 */
export function useApiBackend(): ApiBackend {
  const backend = {} as ApiBackend;
  before(async () => {
    const started = await startTestBackend();
    Object.assign(backend, started, { api: `${started.url}${API}` });
  });
  after(() => backend.close());
  return backend;
}
