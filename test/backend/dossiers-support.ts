/**
 * What the dossier filing tests (dossiers-*.test.ts) share: the backend each
 * file starts on its own clock, the agency and the ordinary working morning
 * they file on, and the helpers that file and expect a receipt or problems,
 * count the stored dossiers and change a fixture's answers.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { ApiError, DossierReceipt, type DossierSubmission, type ProblemCode } from '../../src/api/contract/index.js';
import type { DossierOptions } from '../../demo/server/dossiers/options.js';
import { assertSchema } from './helpers.js';
import { newIdempotencyKey, postDossier, startDossierBackend, submissionFor } from './dossier-fixtures.js';

export const UBND = '000.00.01.H99';
/** Wednesday 25 November 2026, 10:00 in Viet Nam: an ordinary working morning. */
export const WEDNESDAY_10_00 = new Date('2026-11-25T03:00:00Z');

export let backend: Awaited<ReturnType<typeof startDossierBackend>>;

/** Starts the backend before the calling file's tests, with these options, and closes it after them. */
export function useDossierBackend(options: DossierOptions): void {
  before(async () => {
    backend = await startDossierBackend({ dossiers: options });
  });
  after(() => backend.close());
}

export const at = (iso: string): DossierOptions => ({ now: () => new Date(iso) });

/** Files and expects a receipt. */
export async function fileOk(body: unknown, key = newIdempotencyKey()): Promise<DossierReceipt> {
  const response = await postDossier(backend.url, body, key);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return assertSchema(DossierReceipt, response.body, 'receipt');
}

/** Files and expects `validation_failed` with at least these problems. */
export async function fileWithProblems(
  body: unknown,
  expected: [path: string, code: ProblemCode][],
): Promise<ApiError['error']> {
  const response = await postDossier(backend.url, body);
  assert.equal(response.status, 400, JSON.stringify(response.body));
  const { error } = assertSchema(ApiError, response.body, 'error');
  assert.equal(error.code, 'validation_failed');
  const found = (error.details ?? []).map((detail) => [detail.path, detail.code]);
  for (const problem of expected)
    assert.ok(
      found.some(([path, code]) => path === problem[0] && code === problem[1]),
      `${problem.join(' ')} in ${JSON.stringify(found)}`,
    );
  return error;
}

export async function countDossiers(where = 'TRUE', params: unknown[] = []): Promise<number> {
  const [row] = await backend.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers WHERE ${where}`, params);
  return row!.n;
}

/** A fixture submission with some answers changed. */
export function withAnswers(
  code: string,
  answers: Record<string, unknown>,
  base = submissionFor(code),
): DossierSubmission {
  return { ...base, answers: { ...base.answers, ...answers } as DossierSubmission['answers'] };
}
