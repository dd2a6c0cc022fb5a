/**
 * What filing a dossier (`POST /dossiers`) records, on the real server and
 * database: form version changes; idempotent retries, also twenty at once;
 * fifty filings at once numbered without gaps or collisions; codes dated in
 * Viet Nam; appointments on the desk's calendar; the lookup secret (the
 * printed code sealed, never in clear); and
 * server logs without personal data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError, DossierCode } from '../../src/api/contract/index.js';
import { fileDossier } from '../../demo/server/dossiers/filing.js';
import type { DossierOptions } from '../../demo/server/dossiers/options.js';
import { sealPrintedLookupCodes } from '../../demo/server/dossiers/sealing.js';
import { DEV_LOOKUP_KEY, sealLookupCode, secretHash, unsealLookupCode } from '../../demo/server/dossiers/secret.js';
import { storedInFull } from '../../demo/server/uploads/store.js';
import { API, assertSchema } from './helpers.js';
import {
  DOSSIER_FIXTURES,
  newIdempotencyKey,
  postDossier,
  submissionFor,
  uploadedSubmission,
  uploadFile,
} from './dossier-fixtures.js';
import { newDraftId } from './uploads-fixtures.js';
import {
  at,
  backend,
  countDossiers,
  fileOk,
  UBND,
  useDossierBackend,
  WEDNESDAY_10_00,
  withAnswers,
} from './dossiers-support.js';

let clock = WEDNESDAY_10_00;
const options: DossierOptions = { now: () => clock };
useDossierBackend(options);

describe('versions and idempotency', () => {
  test('a form version that changed: 409 form_version_changed', async () => {
    const response = await postDossier(backend.url, { ...submissionFor('2.000635'), formVersion: 2 });
    assert.equal(response.status, 409);
    assert.equal(assertSchema(ApiError, response.body).error.code, 'form_version_changed');
  });

  test('a procedure without a form, a procedure that does not exist: 404', async () => {
    const desk = await postDossier(backend.url, { ...submissionFor('2.000635'), procedure: '2.000815' });
    assert.equal(desk.status, 404);
    assert.equal(assertSchema(ApiError, desk.body).error.code, 'form_not_found');
    const none = await postDossier(backend.url, { ...submissionFor('2.000635'), procedure: '9.999999' });
    assert.equal(assertSchema(ApiError, none.body).error.code, 'procedure_not_found');
  });

  test('no Idempotency-Key: 400', async () => {
    const response = await fetch(`${backend.url}${API}/dossiers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(submissionFor('2.000635')),
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as ApiError).error.code, 'idempotency_key_required');
  });

  test('a retry gets the same receipt; the key with another body gets 422', async () => {
    const key = newIdempotencyKey();
    const submission = await uploadedSubmission(backend.url, '1.001193');
    const first = await fileOk(submission, key);
    // The same body with its keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(submission).reverse());
    assert.deepEqual(await fileOk(reordered, key), first);
    assert.equal(await countDossiers('idempotency_key = $1', [key]), 1);

    const other = await postDossier(backend.url, withAnswers('1.001193', { 'so-ban-sao': 5 }, submission), key);
    assert.equal(other.status, 422);
    assert.equal(assertSchema(ApiError, other.body).error.code, 'idempotency_key_reused');
  });

  test('20 requests at once with one key file one dossier', async () => {
    const key = newIdempotencyKey();
    const submission = submissionFor('2.000635');
    const receipts = await Promise.all(Array.from({ length: 20 }, () => fileOk(submission, key)));
    assert.equal(new Set(receipts.map((receipt) => JSON.stringify(receipt))).size, 1);
    assert.equal(await countDossiers('idempotency_key = $1', [key]), 1);
  });
});

describe('dossier codes', () => {
  test('50 filings at once get 50 distinct codes, numbered 1 to 50', async () => {
    clock = new Date('2026-12-02T02:00:00Z');
    try {
      const receipts = await Promise.all(Array.from({ length: 50 }, () => fileOk(submissionFor('2.000635'))));
      const numbers = receipts.map((receipt) => {
        assert.ok(DossierCode.safeParse(receipt.code).success);
        return Number(receipt.code.split('-').at(-1));
      });
      assert.deepEqual(
        numbers.sort((a, b) => a - b),
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      assert.ok(receipts.every((receipt) => receipt.code.startsWith(`${UBND}-261202-`)));
    } finally {
      clock = WEDNESDAY_10_00;
    }
  });

  test('the date is the date in Viet Nam: 23:30 UTC is the next day', async () => {
    const receipt = await fileDossier(
      backend.db,
      submissionFor('2.000635'),
      newIdempotencyKey(),
      at('2026-12-03T23:30:00Z'),
    );
    assert.match(receipt.code, /^000\.00\.01\.H99-261204-0001$/);
    assert.equal(receipt.receivedAt, '2026-12-04T06:30:00+07:00');
  });

  test('after 9999 the sequence takes a fifth digit', async () => {
    await backend.db.query("INSERT INTO dossier_sequences (agency_code, day, last) VALUES ($1, '2026-12-09', 9999)", [
      UBND,
    ]);
    const receipt = await fileDossier(
      backend.db,
      submissionFor('2.000635'),
      newIdempotencyKey(),
      at('2026-12-09T03:00:00Z'),
    );
    assert.equal(receipt.code, `${UBND}-261209-10000`);
    assert.ok(DossierCode.safeParse(receipt.code).success);
  });
});

describe('appointments and lookup secrets', () => {
  const birth = async (iso: string, extra: DossierOptions = {}): Promise<string | null> => {
    const draft = newDraftId();
    const id = await uploadFile(backend.url, '1.001193', draft, 'giay-chung-sinh', 'pdf');
    const submission = submissionFor('1.001193', { draft, attachments: [{ slot: 'giay-chung-sinh', uploads: [id] }] });
    const uploadStoredInFull = storedInFull(backend.uploadStore);
    return (
      await fileDossier(backend.db, submission, newIdempotencyKey(), { ...at(iso), ...extra, uploadStoredInFull })
    ).appointmentAt;
  };

  test('a birth registration after 15:00 is due the next working day', async () => {
    assert.equal(await birth('2026-11-25T08:00:00Z'), '2026-11-25T17:00:00+07:00'); // 15:00 itself
    assert.equal(await birth('2026-11-25T08:30:00Z'), '2026-11-26T17:00:00+07:00'); // 15:30
    assert.equal(await birth('2026-11-27T09:00:00Z'), '2026-11-30T17:00:00+07:00'); // Friday 16:00 → Monday
  });

  test('a desk open on Saturday mornings is due on Saturday', async () => {
    const saturday = '2026-11-28T02:00:00Z'; // 09:00
    assert.equal(await birth(saturday), '2026-11-30T17:00:00+07:00');
    assert.equal(await birth(saturday, { saturdayAgencies: [UBND] }), '2026-11-28T11:30:00+07:00');
  });

  const printedCodeOptions: DossierOptions = { ...at('2026-11-25T03:00:00Z'), lookupSecret: 'lookup-code' };
  const dossierRowText = async (code: string): Promise<string> =>
    (await backend.db.query<{ text: string }>('SELECT d::text AS text FROM dossiers d WHERE code = $1', [code]))[0]!
      .text;

  test('lookup-code: a printed code, stored only as its hash and sealed; a retry gets the same code', async () => {
    const [key, submission] = [newIdempotencyKey(), submissionFor('2.000635')];
    const receipt = await fileDossier(backend.db, submission, key, printedCodeOptions);
    assert.equal(receipt.lookup.kind, 'lookup-code');
    assert.match(receipt.lookup.value!, /^[A-HJ-NP-Z2-9]{6}$/);
    assert.match(receipt.nextSteps.join(' '), /mã tra cứu/);
    const [row] = await backend.db.query<{ lookup_secret_hash: string }>(
      'SELECT lookup_secret_hash FROM dossiers WHERE code = $1',
      [receipt.code],
    );
    assert.equal(row!.lookup_secret_hash, secretHash(receipt.lookup.value!));
    assert.ok(!(await dossierRowText(receipt.code)).includes(receipt.lookup.value!), 'the code is nowhere in clear');
    assert.deepEqual(await fileDossier(backend.db, submission, key, printedCodeOptions), receipt);
  });

  test('a sealed code opens only for its own dossier and with its own key', () => {
    const sealed = sealLookupCode('ABC234', '000.00.01.H99-261125-0001');
    assert.equal(unsealLookupCode(sealed, '000.00.01.H99-261125-0001'), 'ABC234');
    assert.throws(() => unsealLookupCode(sealed, '000.00.01.H99-261125-0002'));
    assert.throws(() => unsealLookupCode(sealed, '000.00.01.H99-261125-0001', 'another-key-of-at-least-32-characters'));
  });

  test('codes kept in clear before migration 013 are sealed at start, each once; a retry still gets them', async () => {
    const [key, submission] = [newIdempotencyKey(), submissionFor('2.000635')];
    const receipt = await fileDossier(backend.db, submission, key, printedCodeOptions);
    // The row as an older backend left it: the code in the receipt, nothing sealed.
    await backend.db.query(
      `UPDATE dossiers SET receipt = jsonb_set(receipt, '{lookup,value}', to_jsonb($2::text)), lookup_code_sealed = NULL
       WHERE code = $1`,
      [receipt.code, receipt.lookup.value],
    );
    assert.ok((await dossierRowText(receipt.code)).includes(receipt.lookup.value!));
    assert.ok((await sealPrintedLookupCodes(backend.db, DEV_LOOKUP_KEY)) >= 1);
    assert.equal(await sealPrintedLookupCodes(backend.db, DEV_LOOKUP_KEY), 0, 'each row once');
    assert.ok(!(await dossierRowText(receipt.code)).includes(receipt.lookup.value!));
    assert.deepEqual(await fileDossier(backend.db, submission, key, printedCodeOptions), receipt);
  });
});

describe('logs', () => {
  test('no personal data in the server log', () => {
    const log = backend.logs.join('\n');
    assert.ok(log.includes('POST /api/v1/dossiers 201'), 'the filings were logged');
    const personal = Object.values(DOSSIER_FIXTURES).flatMap(({ applicant, answers }) => [
      applicant.kind === 'person' ? applicant.personalId : applicant.taxCode,
      applicant.phone,
      applicant.address.street,
      applicant.kind === 'person' ? applicant.fullName : applicant.name,
      ...Object.values(answers).filter((value): value is string => typeof value === 'string' && value.length >= 8),
    ]);
    for (const value of personal) assert.ok(!log.includes(value), `the log holds "${value}"`);
  });
});
