/**
 * Filing dossiers (`POST /dossiers`) end to end, on the real server and
 * database: a full filing of each of the five procedures, with files sent
 * over tus as the widget sends them, and each field problem reported at its
 * path.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type DossierSubmission, shownAnswers } from '../../src/api/contract/index.js';
import { secretHash } from '../../demo/server/dossiers/secret.js';
import {
  ADDRESSES,
  DOSSIER_FIXTURES,
  FIXTURE_PROCEDURES,
  ORGANISATION,
  submissionFor,
  uploadedSubmission,
  usualForm,
} from './dossier-fixtures.js';
import {
  backend,
  fileOk,
  fileWithProblems,
  UBND,
  useDossierBackend,
  WEDNESDAY_10_00,
  withAnswers,
} from './dossiers-support.js';

useDossierBackend({ now: () => WEDNESDAY_10_00 });

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
      assert.deepEqual(row!.submission.answers, shownAnswers(usualForm(code), submission.answers));
      assert.ok(!('personalId' in row!.submission.applicant), "the applicant's ID number is not kept");
      assert.equal(row!.status, 1);
      assert.equal(row!.channel, 2);
      assert.equal(row!.form_version, usualForm(code).version);
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
