/**
 * Filing dossiers (`POST /dossiers`) end to end, on the real server and
 * database, with files sent over tus as the widget sends them: a full
 * filing of each of the five procedures; each field problem reported at
 * its path; attachments that are missing, unfinished, foreign, taken or of
 * the wrong kind or size; form version changes; idempotent retries, also
 * twenty at once; fifty filings at once numbered without gaps or
 * collisions; codes dated in Viet Nam; appointments on the desk's calendar;
 * the lookup secret; and server logs without personal data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ApiError,
  DossierCode,
  DossierReceipt,
  type DossierSubmission,
  type ProblemCode,
  shownAnswers,
} from '../../src/api/contract/index.js';
import { fileDossier } from '../../demo/server/dossiers/filing.js';
import type { DossierOptions } from '../../demo/server/dossiers/options.js';
import { secretHash } from '../../demo/server/dossiers/secret.js';
import { formFor } from '../../demo/server/forms/index.js';
import { storedInFull } from '../../demo/server/uploads/store.js';
import { API, assertSchema } from './helpers.js';
import {
  ADDRESSES,
  DOSSIER_FIXTURES,
  FIXTURE_PROCEDURES,
  newIdempotencyKey,
  ORGANISATION,
  postDossier,
  startDossierBackend,
  submissionFor,
  uploadedSubmission,
  uploadFile,
} from './dossier-fixtures.js';
import { create, idOf, metadataFor, MiB, newDraftId, newUploadSecret, samples, tusUpload } from './uploads-fixtures.js';

const UBND = '000.00.01.H99';
/** Wednesday 25 November 2026, 10:00 in Viet Nam: an ordinary working morning. */
const WEDNESDAY_10_00 = new Date('2026-11-25T03:00:00Z');

let backend: Awaited<ReturnType<typeof startDossierBackend>>;
let clock = WEDNESDAY_10_00;
const options: DossierOptions = { now: () => clock };

before(async () => {
  backend = await startDossierBackend({ dossiers: options });
});
after(() => backend.close());

const at = (iso: string): DossierOptions => ({ now: () => new Date(iso) });

/** Files and expects a receipt. */
async function fileOk(body: unknown, key = newIdempotencyKey()): Promise<DossierReceipt> {
  const response = await postDossier(backend.url, body, key);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return assertSchema(DossierReceipt, response.body, 'receipt');
}

/** Files and expects `validation_failed` with at least these problems. */
async function fileWithProblems(
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

async function countDossiers(where = 'TRUE', params: unknown[] = []): Promise<number> {
  const [row] = await backend.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers WHERE ${where}`, params);
  return row!.n;
}

/** A fixture submission with some answers changed. */
function withAnswers(code: string, answers: Record<string, unknown>, base = submissionFor(code)): DossierSubmission {
  return { ...base, answers: { ...base.answers, ...answers } as DossierSubmission['answers'] };
}

describe('filing each procedure', () => {
  for (const code of FIXTURE_PROCEDURES) {
    test(`${code}: a full filing with its files`, async () => {
      const submission = await uploadedSubmission(backend.url, code);
      const receipt = await fileOk(submission);

      assert.match(receipt.code, /^000\.00\.01\.H99-261125-\d{4}$/);
      assert.deepEqual(receipt.status, { code: 1, label: 'Mới đăng ký' });
      assert.equal(receipt.procedure.code, code);
      assert.equal(receipt.agency.code, UBND);
      assert.equal(receipt.receivedAt, '2026-11-25T10:00:00+07:00');
      assert.deepEqual(receipt.lookup, { kind: 'applicant-id' });
      assert.ok(receipt.nextSteps.length >= 2 && receipt.nextSteps.length <= 4);
      for (const step of receipt.nextSteps) assert.equal(step, step.normalize('NFC'));

      const [row] = await backend.db.query<{
        submission: DossierSubmission;
        status: number;
        channel: number;
        lookup_secret_hash: string;
        form_version: number;
      }>('SELECT submission, status, channel, lookup_secret_hash, form_version FROM dossiers WHERE code = $1', [
        receipt.code,
      ]);
      assert.deepEqual(row!.submission.answers, shownAnswers(formFor(code)!, submission.answers));
      assert.ok(!('personalId' in row!.submission.applicant), "the applicant's ID number is not kept");
      assert.equal(row!.status, 1);
      assert.equal(row!.channel, 2);
      assert.equal(row!.form_version, 1);
      const applicant = submission.applicant;
      assert.equal(
        row!.lookup_secret_hash,
        secretHash(applicant.kind === 'person' ? applicant.personalId : applicant.taxCode),
      );

      const history = await backend.db.query<{ step: string; status: number; actor: string }>(
        'SELECT step, status, actor FROM dossier_history WHERE dossier_code = $1',
        [receipt.code],
      );
      assert.deepEqual(history, [{ step: 'Nộp hồ sơ trực tuyến', status: 1, actor: 'Công dân' }]);

      const claimed = await backend.db.query<{ dossier_code: string }>(
        'SELECT dossier_code FROM uploads WHERE draft = $1',
        [submission.draft],
      );
      assert.equal(claimed.length, DOSSIER_FIXTURES[code]!.files.length);
      for (const upload of claimed) assert.equal(upload.dossier_code, receipt.code);
    });
  }

  test('appointments follow each processing time', async () => {
    const appointments = await Promise.all(
      FIXTURE_PROCEDURES.map(async (code) => [
        code,
        (await fileOk(await uploadedSubmission(backend.url, code))).appointmentAt,
      ]),
    );
    assert.deepEqual(Object.fromEntries(appointments), {
      '1.001193': '2026-11-25T17:00:00+07:00', // same day
      '1.000894': '2026-11-25T17:00:00+07:00', // same day
      '2.000635': '2026-11-25T17:00:00+07:00', // same day
      '1.004873': '2026-11-30T17:00:00+07:00', // 3 working days: Thu, Fri, Mon
      '1.001776': '2026-12-08T17:00:00+07:00', // 9 working days
    });
  });
});

describe('field problems, at their paths', () => {
  test('personal IDs: unknown province, wrong century, wrong sex', async () => {
    const base = submissionFor('1.001193');
    await fileWithProblems({ ...base, applicant: { ...base.applicant, personalId: '999192004567' } }, [
      ['applicant.personalId', 'id-province'],
    ]);
    await fileWithProblems({ ...base, applicant: { ...base.applicant, personalId: '001392004567' } }, [
      ['applicant.personalId', 'id-birth-year'],
    ]);
    await fileWithProblems(
      withAnswers('1.001193', { 'me-so-dinh-danh': '001092004567', 'cha-so-dinh-danh': '001290007890' }),
      [
        ['answers.me-so-dinh-danh', 'id-sex'],
        ['answers.cha-so-dinh-danh', 'id-birth-year'],
      ],
    );
    const members = structuredClone(DOSSIER_FIXTURES['1.001776']!.answers['thanh-vien']) as Record<string, unknown>[];
    members[1]!['so-dinh-danh'] = '038012003456';
    await fileWithProblems(withAnswers('1.001776', { 'thanh-vien': members }), [
      ['answers.thanh-vien.1.so-dinh-danh', 'id-birth-year'],
    ]);
  });

  test('a list of items answered with anything but a list is a problem at its path, not a 500', async () => {
    const address = { street: 'Số 1 phố Huế', commune: '00070', province: '01' };
    for (const value of [0, 'Hà Nội', true, address]) {
      // The group "places lived before" is optional: answered wrongly, it is still wrong.
      await fileWithProblems(withAnswers('1.004873', { 'noi-cu-tru-truoc': value }), [
        ['answers.noi-cu-tru-truoc', 'required'],
      ]);
    }
  });

  test('a NUL character anywhere in the body is 400 validation_failed at its path, not a 500', async () => {
    const base = submissionFor('1.004873');
    const error = await fileWithProblems(
      { ...base, applicant: { ...base.applicant, fullName: 'Phạm Quốc\u0000Bảo' } },
      [],
    );
    assert.deepEqual(error.details, [
      { path: 'applicant.fullName', message: 'must not contain the NUL character (U+0000)' },
    ]);
  });

  test('tax code check digit and format', async () => {
    const request = withAnswers('2.000635', {
      'quan-he': 'co-quan-to-chuc',
      'ly-do': 'Hoàn thiện hồ sơ nhân sự của người lao động.',
    });
    await fileWithProblems({ ...request, applicant: { ...ORGANISATION, taxCode: '0100109107' } }, [
      ['applicant.taxCode', 'tax-check-digit'],
    ]);
    await fileWithProblems({ ...request, applicant: { ...ORGANISATION, taxCode: '01001091' } }, [
      ['applicant.taxCode', 'tax-format'],
    ]);
    const receipt = await fileOk({ ...request, applicant: ORGANISATION });
    const [row] = await backend.db.query<{ lookup_secret_hash: string; applicant_kind: string }>(
      'SELECT lookup_secret_hash, applicant_kind FROM dossiers WHERE code = $1',
      [receipt.code],
    );
    assert.deepEqual(row, { lookup_secret_hash: secretHash(ORGANISATION.taxCode), applicant_kind: 'organisation' });
  });

  test('an organisation where the form takes only people', async () => {
    await fileWithProblems({ ...submissionFor('1.001193'), applicant: ORGANISATION }, [
      ['applicant.kind', 'applicant-kind'],
    ]);
  });

  test('phone numbers, e-mail', async () => {
    const base = withAnswers('1.001776', { 'dien-thoai': '12345' });
    await fileWithProblems(
      { ...base, applicant: { ...base.applicant, phone: '0123456789', email: 'khong-phai-email' } },
      [
        ['applicant.phone', 'phone'],
        ['applicant.email', 'email'],
        ['answers.dien-thoai', 'phone'],
      ],
    );
  });

  test('a birth in the future, judged on the date in Viet Nam', async () => {
    await fileWithProblems(withAnswers('1.001193', { 'ngay-sinh': '2026-11-26' }), [
      ['answers.ngay-sinh', 'date-future'],
    ]);
    await fileWithProblems(
      { ...submissionFor('1.001193'), applicant: { ...submissionFor('1.001193').applicant, birthDate: '2027-01-01' } },
      [['applicant.birthDate', 'date-future']],
    );
  });

  test('missing required answers, also inside a group, with a Vietnamese sentence', async () => {
    const answers = structuredClone(DOSSIER_FIXTURES['1.001776']!.answers);
    delete answers['ho-ten'];
    delete (answers['thanh-vien'] as Record<string, unknown>[])[0]!['ho-ten'];
    const error = await fileWithProblems({ ...submissionFor('1.001776'), answers }, [
      ['answers.ho-ten', 'required'],
      ['answers.thanh-vien.0.ho-ten', 'required'],
    ]);
    assert.equal(
      error.details!.find((detail) => detail.path === 'answers.ho-ten')!.message,
      'Vui lòng nhập thông tin này.',
    );
    assert.match(error.message, /\(.+\)$/);
  });

  test('a hidden field is not required, and hidden answers are not kept', async () => {
    const submission = withAnswers('1.004873', {
      'muc-dich': 'vay-von',
      'ket-hon-ho-ten': undefined,
      'ket-hon-ngay-sinh': undefined,
      'ket-hon-quoc-tich': undefined,
      'ket-hon-giay-to': undefined,
      'ket-hon-noi-dang-ky': 'Ủy ban nhân dân phường Hoàn Kiếm',
      'muc-dich-khac': 'Không hiện',
    });
    const receipt = await fileOk(submission);
    const [row] = await backend.db.query<{ submission: DossierSubmission }>(
      'SELECT submission FROM dossiers WHERE code = $1',
      [receipt.code],
    );
    assert.equal(row!.submission.answers['muc-dich'], 'vay-von');
    assert.equal(row!.submission.answers['ket-hon-noi-dang-ky'], undefined);
    assert.equal(row!.submission.answers['muc-dich-khac'], undefined);
  });

  test('a commune of another province, wherever an address is', async () => {
    const wrong = { ...ADDRESSES.benThanh, province: '01' };
    const base = withAnswers('1.001193', { 'me-noi-cu-tru': wrong });
    await fileWithProblems(
      { ...base, applicant: { ...base.applicant, address: wrong }, delivery: { method: 'post', address: wrong } },
      [
        ['applicant.address', 'commune'],
        ['answers.me-noi-cu-tru', 'commune'],
        ['delivery.address', 'commune'],
      ],
    );
    await fileWithProblems(
      withAnswers('1.004873', {
        'noi-cu-tru-truoc': [{ 'dia-chi': wrong, 'tu-ngay': '2012-09-01', 'den-ngay': '2016-06-30' }],
      }),
      [['answers.noi-cu-tru-truoc.0.dia-chi', 'commune']],
    );
  });

  test('a delivery the procedure does not offer', async () => {
    await fileWithProblems(
      { ...submissionFor('1.000894'), delivery: { method: 'post', address: ADDRESSES.hoanKiem } },
      [['delivery.method', 'delivery']],
    );
  });
});

describe('attachments', () => {
  const code = '1.001193';
  const slot = 'giay-chung-sinh';
  const endpoint = (): string => `${backend.url}${API}/uploads`;
  const withFiles = (draft: string, uploads: string[]): DossierSubmission =>
    submissionFor(code, { draft, attachments: [{ slot, uploads }] });

  test('a required file missing', async () => {
    await fileWithProblems(submissionFor(code), [[`attachments.${slot}`, 'required']]);
  });

  test('a file that does not exist, or is not finished', async () => {
    const draft = newDraftId();
    await fileWithProblems(withFiles(draft, ['AAAAAAAAAAAAAAAAAAAAAA']), [[`attachments.${slot}`, 'attachment']]);
    const created = await create(
      endpoint(),
      1000,
      metadataFor('giay-chung-sinh.pdf', 'application/pdf', { procedure: code, slot, draft }),
    );
    assert.equal(created.status, 201);
    await fileWithProblems(withFiles(draft, [idOf(`${backend.url}${created.location}`)]), [
      [`attachments.${slot}`, 'attachment'],
    ]);
  });

  test('a file of another draft, or uploaded for another slot', async () => {
    const id = await uploadFile(backend.url, code, newDraftId(), slot, 'pdf');
    await fileWithProblems(withFiles(newDraftId(), [id]), [[`attachments.${slot}`, 'attachment']]);
    const draft = newDraftId();
    const other = await uploadFile(backend.url, code, draft, 'bien-ban-tre-bi-bo-roi', 'pdf');
    await fileWithProblems(withFiles(draft, [other]), [[`attachments.${slot}`, 'attachment']]);
  });

  test('a stranger who knows the draft id and the upload id cannot file the upload: only its upload secret can', async () => {
    const draft = newDraftId();
    const id = await uploadFile(backend.url, code, draft, slot, 'pdf');
    const { uploadSecret: _own, ...withoutSecret } = withFiles(draft, [id]);
    await fileWithProblems(withoutSecret, [[`attachments.${slot}`, 'attachment']]);
    await fileWithProblems({ ...withFiles(draft, [id]), uploadSecret: newUploadSecret() }, [
      [`attachments.${slot}`, 'attachment'],
    ]);
    const [row] = await backend.db.query<{ dossier_code: string | null }>(
      'SELECT dossier_code FROM uploads WHERE id = $1',
      [id],
    );
    assert.equal(row!.dossier_code, null, 'the refused claims took nothing');
    await fileOk(withFiles(draft, [id]));
  });

  test('the upload secret is not kept with the dossier', async () => {
    const draft = newDraftId();
    const submission = withFiles(draft, [await uploadFile(backend.url, code, draft, slot, 'pdf')]);
    const receipt = await fileOk(submission);
    const [row] = await backend.db.query<{ text: string }>(
      'SELECT submission::text AS text FROM dossiers WHERE code = $1',
      [receipt.code],
    );
    assert.ok(row && !row.text.includes(submission.uploadSecret!) && !row.text.includes('uploadSecret'));
  });

  test('a file already attached to another dossier', async () => {
    const draft = newDraftId();
    const id = await uploadFile(backend.url, code, draft, slot, 'pdf');
    await fileOk(withFiles(draft, [id]));
    await fileWithProblems(withAnswers(code, { 'so-ban-sao': 3 }, withFiles(draft, [id])), [
      [`attachments.${slot}`, 'attachment'],
    ]);
  });

  test('a kind the slot does not accept, a file larger than the slot allows', async () => {
    const draft = newDraftId();
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const word = await tusUpload(
      endpoint(),
      samples.docx(),
      metadataFor('giay-chung-sinh.docx', docx, { procedure: code, slot, draft }),
    );
    await fileWithProblems(withFiles(draft, [idOf(word.url)]), [[`attachments.${slot}`, 'attachment-type']]);
    const big = await tusUpload(
      endpoint(),
      samples.pdf(10 * MiB + 1),
      metadataFor('giay-chung-sinh.pdf', 'application/pdf', { procedure: code, slot, draft }),
    );
    await fileWithProblems(withFiles(draft, [idOf(big.url)]), [[`attachments.${slot}`, 'attachment-size']]);
  });

  test('a refused filing claims no file', async () => {
    const draft = newDraftId();
    const id = await uploadFile(backend.url, code, draft, slot, 'pdf');
    await fileWithProblems(withAnswers(code, { 'ho-ten': '' }, withFiles(draft, [id])), [
      ['answers.ho-ten', 'required'],
    ]);
    const [row] = await backend.db.query<{ dossier_code: string | null }>(
      'SELECT dossier_code FROM uploads WHERE id = $1',
      [id],
    );
    assert.equal(row!.dossier_code, null);
    await fileOk(withFiles(draft, [id]));
  });
});

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

  test('lookup-code: a printed code, stored only as its hash', async () => {
    const receipt = await fileDossier(backend.db, submissionFor('2.000635'), newIdempotencyKey(), {
      ...at('2026-11-25T03:00:00Z'),
      lookupSecret: 'lookup-code',
    });
    assert.equal(receipt.lookup.kind, 'lookup-code');
    assert.match(receipt.lookup.value!, /^[A-HJ-NP-Z2-9]{6}$/);
    assert.match(receipt.nextSteps.join(' '), /mã tra cứu/);
    const [row] = await backend.db.query<{ lookup_secret_hash: string }>(
      'SELECT lookup_secret_hash FROM dossiers WHERE code = $1',
      [receipt.code],
    );
    assert.equal(row!.lookup_secret_hash, secretHash(receipt.lookup.value!));
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
