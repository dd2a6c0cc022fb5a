/**
 * A dossier is filed for one case (trường hợp) of its procedure: the
 * backend checks it against that case's e-form, computes the appointment
 * from the case's online processing time, and treats a case that is gone
 * (or no longer filed online here) as a changed form, so that a draft kept
 * across a catalogue change is caught rather than misfiled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DossierSubmission } from '../../src/api/contract/index.js';
import { importCatalogue } from '../../demo/server/catalogue/import.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { fileDossier } from '../../demo/server/dossiers/filing.js';
import { formById } from '../../demo/server/forms/index.js';
import type { HttpError } from '../../demo/server/http/replies.js';
import { newIdempotencyKey, submissionFor, usualForm } from './dossier-fixtures.js';
import { openTestDatabase, type TestDatabase } from './helpers.js';

/** Cấp Giấy xác nhận tình trạng hôn nhân: three cases, a form each; the widowed and divorced are made quicker online here. */
const MARITAL_STATUS = '1.004873';
const DIVORCED_OR_WIDOWED = 'da-ly-hon-hoac-vo-chong-da-chet';
const WEDNESDAY_10_00 = new Date('2026-11-25T03:00:00Z');

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
  const procedures = seed.procedures.map((procedure) =>
    procedure.code === MARITAL_STATUS
      ? {
          ...procedure,
          cases: procedure.cases.map((item) =>
            item.code === DIVORCED_OR_WIDOWED
              ? { ...item, onlineProcessingTime: { value: 1, unit: 'working-days' as const } }
              : item,
          ),
        }
      : procedure,
  );
  await importCatalogue(database.db, { agencies: seed.agencies, procedures });
});
after(() => database.close());

const file = (submission: DossierSubmission) =>
  fileDossier(database.db, submission, newIdempotencyKey(), { now: () => WEDNESDAY_10_00 });
/** The case's own form, or the usual one for a case that is gone. */
const formOfCase = (code: string, caseCode: string) =>
  formById(
    seed.procedures.find((entry) => entry.code === code)!.cases.find((item) => item.code === caseCode)?.form ?? '',
  );
const forCase = (code: string, caseCode?: string): DossierSubmission => {
  const submission = submissionFor(code);
  if (!caseCode) return submission;
  const version = formOfCase(code, caseCode)?.version ?? usualForm(code).version;
  // The divorced or widowed say so: their case's form admits only those statuses.
  const answers =
    caseCode === DIVORCED_OR_WIDOWED ? { ...submission.answers, 'tinh-trang': 'da-ly-hon' } : submission.answers;
  return { ...submission, case: caseCode, formVersion: version, answers };
};

describe('filing for a case', () => {
  test("the appointment follows the case's time online, else its time at the desk", async () => {
    const divorcedOrWidowed = await file(forCase(MARITAL_STATUS, DIVORCED_OR_WIDOWED));
    const first = await file(forCase(MARITAL_STATUS, 'chua-ket-hon'));
    // Wednesday 10:00 plus one working day, and plus three (over the weekend).
    assert.match(divorcedOrWidowed.appointmentAt!, /^2026-11-26T/);
    assert.match(first.appointmentAt!, /^2026-11-30T/);
  });

  test('the case is kept with the dossier; none named means the first case filed online', async () => {
    const receipt = await file(forCase(MARITAL_STATUS));
    const [row] = await database.db.query<{ submission: DossierSubmission }>(
      'SELECT submission FROM dossiers WHERE code = $1',
      [receipt.code],
    );
    assert.equal(row!.submission.case, undefined);
    assert.match(receipt.appointmentAt!, /^2026-11-30T/, 'as the first case, "chua-ket-hon"');
    const named = await file(forCase(MARITAL_STATUS, DIVORCED_OR_WIDOWED));
    const [kept] = await database.db.query<{ submission: DossierSubmission }>(
      'SELECT submission FROM dossiers WHERE code = $1',
      [named.code],
    );
    assert.equal(kept!.submission.case, DIVORCED_OR_WIDOWED);
  });

  test("the dossier is checked against its case's form: a reissue needs the certificate issued before", async () => {
    await assert.rejects(file(forCase(MARITAL_STATUS, 'cap-lai')), (error: HttpError) => {
      assert.equal(error.status, 400);
      assert.deepEqual(
        error.details?.map(({ path, code }) => [path, code]),
        [['attachments.giay-xac-nhan-da-cap', 'required']],
      );
      return true;
    });
  });

  test('a case that is gone, or filed elsewhere, is a changed form (409), not a 404', async () => {
    for (const [code, caseCode] of [
      [MARITAL_STATUS, 'khong-con'],
      ['1.001193', 'lien-thong-thuong-tru-bhyt'],
    ] as const) {
      await assert.rejects(file(forCase(code, caseCode)), {
        status: 409,
        code: 'form_version_changed',
        message: new RegExp(`The case ${caseCode} is no longer filed online`),
      });
    }
  });

  test('a procedure with no case filed online still answers 404 form_not_found, whatever case is named', async () => {
    await assert.rejects(file({ ...forCase('1.001193'), procedure: '2.000815', case: 'chung' }), {
      status: 404,
      code: 'form_not_found',
    });
  });
});
