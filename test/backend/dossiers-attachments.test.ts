/**
 * Attachments of a filed dossier (`POST /dossiers`), on the real server and
 * database with files sent over tus as the widget sends them: attachments
 * that are missing, unfinished, foreign, taken or of the wrong kind or size.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DossierSubmission } from '../../src/api/contract/index.js';
import { API } from './helpers.js';
import { submissionFor, uploadFile } from './dossier-fixtures.js';
import { create, idOf, metadataFor, MiB, newDraftId, newUploadSecret, samples, tusUpload } from './uploads-fixtures.js';
import {
  backend,
  fileOk,
  fileWithProblems,
  useDossierBackend,
  WEDNESDAY_10_00,
  withAnswers,
} from './dossiers-support.js';

useDossierBackend({ now: () => WEDNESDAY_10_00 });

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

  test("the client's address is kept while the upload waits, and forgotten once a dossier takes it", async () => {
    const draft = newDraftId();
    const id = await uploadFile(backend.url, code, draft, slot, 'pdf');
    const clientKey = async () =>
      (await backend.db.query<{ client_key: string | null }>('SELECT client_key FROM uploads WHERE id = $1', [id]))[0]!
        .client_key;
    const kept = await clientKey();
    assert.match(kept ?? '', /^[0-9a-f]{64}$/, 'the address quota counts the waiting upload, under a keyed hash');
    assert.ok(!kept!.includes('127.0.0.1'));
    await fileOk(withFiles(draft, [id]));
    assert.equal(await clientKey(), null);
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
