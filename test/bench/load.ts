/**
 * Load on the reference backend: 500 dossiers, each with its attachments
 * already uploaded over tus, filed at the same moment, while citizens
 * search the catalog and look dossiers up. Then every filing is sent again
 * with its Idempotency-Key, as a phone that lost the answer would.
 *
 * What must hold (the run exits 1 otherwise): every request answered, every
 * filing 201, every dossier stored once, every code unique, every upload
 * claimed by exactly one dossier, and every repeat answered with the first
 * receipt. What it reports: p50/p99 of each kind of request.
 *
 * Run alone: `node --import tsx test/bench/load.ts` (PGlite in memory;
 * with `DATABASE_URL` set, a throw-away schema on that PostgreSQL).
 * `BENCH_DOSSIERS` changes the 500.
 */
import assert from 'node:assert/strict';
import { type DossierReceipt, type DossierSubmission, SearchResult } from '../../src/api/contract/index.js';
import { API } from '../backend/helpers.js';
import {
  FIXTURE_PROCEDURES,
  newIdempotencyKey,
  postDossier,
  startDossierBackend,
  uploadedSubmission,
} from '../backend/dossier-fixtures.js';
import { formatFigure, isMain, percentile, type Figure } from './size.js';

interface Timed {
  ms: number;
  status: number;
}

async function timed<T>(work: () => Promise<T & { status: number }>): Promise<Timed & { result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, status: result.status, result };
}

/** Runs `tasks` with at most `limit` in flight (uploads: a real commune's citizens do not all upload in the same millisecond). */
async function pooled<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

const secretOf = (submission: DossierSubmission): string =>
  submission.applicant.kind === 'person' ? submission.applicant.personalId : submission.applicant.taxCode;

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

async function lookUp(base: string, code: string, secret: string): Promise<{ status: number }> {
  const response = await fetch(`${base}${API}/dossiers/lookup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, secret }),
  });
  await response.arrayBuffer();
  return { status: response.status };
}

function latencyFigures(label: string, samples: Timed[]): Figure[] {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return [
    { label: `${label} p50`, value: percentile(sorted, 50), unit: 'ms', note: `${samples.length} requests` },
    { label: `${label} p99`, value: percentile(sorted, 99), unit: 'ms' },
  ];
}

export async function runLoad(dossiers = Number(process.env.BENCH_DOSSIERS ?? 500)): Promise<Figure[]> {
  const backend = await startDossierBackend({
    dossiers: { lookupRateLimit: { perAddress: 1_000_000, perCode: 1_000_000, windowSeconds: 60 } },
  });
  try {
    console.log(`\n== Load: ${dossiers} dossiers with attachments filed at once (${backend.db.engine}) ==`);
    const prepared = performance.now();
    const submissions = await pooled(dossiers, 25, (i) =>
      uploadedSubmission(backend.url, FIXTURE_PROCEDURES[i % FIXTURE_PROCEDURES.length]!),
    );
    const uploads = submissions.flatMap((submission) =>
      submission.attachments.flatMap((attachment) => attachment.uploads),
    );
    console.log(
      `Uploaded ${uploads.length} attachments for ${dossiers} drafts in ${((performance.now() - prepared) / 1000).toFixed(1)} s`,
    );

    // Dossiers to look up while the load runs: filed first, outside the measurement.
    const early = await Promise.all(
      FIXTURE_PROCEDURES.map(async (code) => {
        const submission = await uploadedSubmission(backend.url, code);
        const { body } = await postDossier(backend.url, submission);
        return { code: (body as DossierReceipt).code, secret: secretOf(submission) };
      }),
    );

    const keys = submissions.map(() => newIdempotencyKey());
    const started = performance.now();
    const [filings, searches, lookups] = await Promise.all([
      Promise.all(submissions.map((submission, i) => timed(() => postDossier(backend.url, submission, keys[i])))),
      Promise.all(
        Array.from({ length: dossiers }, (_, i) =>
          timed(() =>
            getJson(
              `${backend.url}${API}/procedures?q=${encodeURIComponent(['khai sinh', 'ket hon', 'tro cap'][i % 3]!)}`,
            ),
          ),
        ),
      ),
      Promise.all(
        Array.from({ length: dossiers }, (_, i) =>
          timed(() => lookUp(backend.url, early[i % early.length]!.code, early[i % early.length]!.secret)),
        ),
      ),
    ]);
    const wallSeconds = (performance.now() - started) / 1000;

    assert.deepEqual(
      filings.filter((filing) => filing.status !== 201).map((filing) => filing.result.body),
      [],
      'every filing is answered 201',
    );
    assert.ok(
      searches.every((search) => search.status === 200 && SearchResult.safeParse(search.result.body).success),
      'every search answered',
    );
    assert.ok(
      lookups.every((lookup) => lookup.status === 200),
      'every lookup answered',
    );
    const codes = filings.map((filing) => (filing.result.body as DossierReceipt).code);
    assert.equal(new Set(codes).size, dossiers, 'every code is unique');

    // A phone that lost each answer sends each filing again with its key: the same receipt, no new dossier.
    const repeats = await Promise.all(
      submissions.map((submission, i) => postDossier(backend.url, submission, keys[i])),
    );
    assert.deepEqual(
      repeats.map((repeat) => (repeat.body as DossierReceipt).code),
      codes,
      'every repeat returns the first receipt',
    );

    const [{ count }] = await backend.db.query<{ count: number }>('SELECT count(*)::int AS count FROM dossiers');
    assert.equal(count, dossiers + early.length, 'every dossier stored once');
    const claimed = await backend.db.query<{ id: string; dossier_code: string | null }>(
      'SELECT id, dossier_code FROM uploads WHERE id = ANY($1)',
      [uploads],
    );
    assert.equal(
      claimed.filter((row) => row.dossier_code !== null).length,
      uploads.length,
      'every upload claimed by its dossier',
    );

    console.log(
      `All ${dossiers} filings, ${dossiers} searches and ${dossiers} lookups answered in ${wallSeconds.toFixed(1)} s; ${count} dossiers stored, codes unique, repeats idempotent.`,
    );
    return [
      ...latencyFigures(`Filing under load (${dossiers} at once)`, filings),
      ...latencyFigures('Search under the same load', searches),
      ...latencyFigures('Lookup under the same load', lookups),
    ];
  } finally {
    await backend.close();
  }
}

if (isMain(import.meta.url)) (await runLoad()).forEach((figure) => console.log(formatFigure(figure)));
