/**
 * What the receipt of `POST /dossiers` tells the citizen besides the code
 * and the dates (issue 15, item 15; issue 16): who filed it, the case when
 * the procedure has several, the documents and files submitted, the case's
 * fees and when to pay them, and the desk's address, phone and hours, all
 * from the catalogue; and the lookup names the case as the receipt did.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { nextSteps } from '../../demo/server/dossiers/receipt.js';
import { formById } from '../../demo/server/forms/index.js';
import { GROOM, MOTHER, submissionFor, uploadedSubmission } from './dossier-fixtures.js';
import { backend, fileOk, UBND, useDossierBackend, WEDNESDAY_10_00 } from './dossiers-support.js';
import { lookup } from './lifecycle-fixtures.js';

useDossierBackend({ now: () => WEDNESDAY_10_00 });

const procedure = (code: string) => seed.procedures.find((entry) => entry.code === code)!;
const caseOf = (code: string, caseCode: string) => procedure(code).cases.find((item) => item.code === caseCode)!;
const ubnd = seed.agencies.find((agency) => agency.code === UBND)!;
const PAY_AT_DESK = 'Nộp phí, lệ phí ghi trên phiếu này tại Bộ phận Một cửa khi nhận kết quả.';

describe('the receipt', () => {
  test("names the applicant, the documents with their files, the case's fees and the desk", async () => {
    const receipt = await fileOk(await uploadedSubmission(backend.url, '1.001193'));
    assert.equal(receipt.applicantName, MOTHER.fullName);
    const slots = formById(caseOf('1.001193', 'thong-thuong').form!)!.documents;
    assert.deepEqual(receipt.documents, [
      { name: slots.find((slot) => slot.slot === 'giay-chung-sinh')!.name, files: ['ban-chup.pdf'] },
    ]);
    assert.deepEqual(receipt.fees, caseOf('1.001193', 'thong-thuong').fees);
    assert.deepEqual(receipt.desk, {
      name: ubnd.name,
      address: ubnd.address,
      phone: ubnd.phone,
      openingHours: ubnd.openingHours,
    });
    // Free when registered on time, paid when late: what is due is "if any".
    assert.equal(
      receipt.nextSteps.at(-1),
      'Trước khi trả kết quả, Bộ phận Một cửa sẽ yêu cầu nộp phí, lệ phí (nếu có) ghi trên phiếu này; số tiền và cách nộp hiển thị khi tra cứu hồ sơ.',
    );
    // Two cases, one filed elsewhere: the receipt still says which this is.
    assert.deepEqual(receipt.case, { code: 'thong-thuong', name: caseOf('1.001193', 'thong-thuong').name });
  });

  test('a result sent online: the fees are asked for before it, and the lookup shows how', async () => {
    const receipt = await fileOk(submissionFor('2.000635'));
    assert.deepEqual(
      receipt.fees?.map((fee) => fee.amount),
      [8000],
    );
    assert.equal(receipt.case, undefined, 'a procedure with one case names none');
    assert.deepEqual(receipt.documents, []);
    assert.equal(
      receipt.nextSteps.at(-1),
      'Trước khi trả kết quả, Bộ phận Một cửa sẽ yêu cầu nộp phí, lệ phí ghi trên phiếu này; số tiền và cách nộp hiển thị khi tra cứu hồ sơ.',
    );
  });

  test('a result collected at the desk: paid there, when collected', async () => {
    const receipt = await fileOk({ ...submissionFor('2.000635'), delivery: { method: 'desk' } });
    assert.equal(receipt.nextSteps.at(-1), PAY_AT_DESK);
    for (const step of receipt.nextSteps) assert.equal(step, step.normalize('NFC'));
  });

  test('a free procedure says nothing of paying', async () => {
    const receipt = await fileOk(await uploadedSubmission(backend.url, '1.000894'));
    assert.deepEqual(
      receipt.fees?.map((fee) => fee.amount),
      [0],
    );
    assert.ok(!receipt.nextSteps.some((step) => /phí/.test(step)), receipt.nextSteps.join(' | '));
  });

  test('names the case chosen, and the lookup names it too', async () => {
    // Three cases, each with its form; the fixture's answers are the unmarried applicant's.
    const receipt = await fileOk({ ...submissionFor('1.004873'), case: 'chua-ket-hon' });
    const unmarried = { code: 'chua-ket-hon', name: caseOf('1.004873', 'chua-ket-hon').name };
    assert.deepEqual(receipt.case, unmarried);
    assert.deepEqual(receipt.fees, caseOf('1.004873', 'chua-ket-hon').fees);
    assert.equal(receipt.nextSteps.at(-1), PAY_AT_DESK, 'its fixture collects the result at the desk');
    assert.equal(receipt.applicantName, GROOM.fullName);
    const view = await lookup(backend.url, receipt.code, GROOM.personalId);
    assert.deepEqual(view.case, unmarried);
    const single = await fileOk(submissionFor('2.000635'));
    assert.equal((await lookup(backend.url, single.code, MOTHER.personalId)).case, undefined);
  });

  test('fees the catalogue does not fix are announced by the desk', () => {
    const unfixed = [{ label: 'Lệ phí theo quy định của tỉnh', amount: null }];
    const desk = { ...submissionFor('2.000635'), delivery: { method: 'desk' as const } };
    assert.equal(
      nextSteps(desk, 'lookup-code', unfixed).at(-1),
      'Nộp phí, lệ phí theo mức Bộ phận Một cửa thông báo tại Bộ phận Một cửa khi nhận kết quả.',
    );
  });
});
