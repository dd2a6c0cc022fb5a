/**
 * A filed dossier's files, for the officers handling it: listed and
 * downloaded with an officer's token, through the dossier that took them,
 * byte for byte, with the citizen's Vietnamese file name in a header that
 * every browser reads; and nowhere else: not by the citizen's upload
 * endpoint, not without the token, not through another dossier.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { ApiError, DossierReceipt, OfficerAttachmentList } from '../../src/api/contract/index.js';
import { attachmentDisposition } from '../../demo/server/http/replies.js';
import { API, assertSchema } from './helpers.js';
import { newIdempotencyKey, postDossier, startDossierBackend, submissionFor } from './dossier-fixtures.js';
import {
  idOf,
  metadataFor,
  newDraftId,
  samples,
  secretHeader,
  sha256,
  tusRequest,
  tusUpload,
} from './uploads-fixtures.js';

const OFFICER_TOKEN = 'officer-token-for-the-attachment-tests';
const BEARER = { Authorization: `Bearer ${OFFICER_TOKEN}` };
const CODE = '1.001193';
const SLOT = 'giay-chung-sinh';
const NAME = 'Giấy chứng sinh của bé Ngọc Ánh (bản chụp).pdf';

let backend: Awaited<ReturnType<typeof startDossierBackend>>;
let dossier: string;
let upload: string;
let draft: string;
const file = samples.pdf(200 * 1024);

/** Files a khai sinh dossier with one attachment, uploaded under a Vietnamese name. */
async function fileWithAttachment(
  name: string,
  bytes: Buffer,
): Promise<{ code: string; upload: string; draft: string }> {
  const draftId = newDraftId();
  const { url } = await tusUpload(
    `${backend.url}${API}/uploads`,
    bytes,
    metadataFor(name, 'application/pdf', { procedure: CODE, slot: SLOT, draft: draftId }),
  );
  const submission = submissionFor(CODE, { draft: draftId, attachments: [{ slot: SLOT, uploads: [idOf(url)] }] });
  const response = await postDossier(backend.url, submission, newIdempotencyKey());
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return { code: assertSchema(DossierReceipt, response.body).code, upload: idOf(url), draft: draftId };
}

const attachmentUrl = (code: string, id: string) => `${backend.url}${API}/officer/dossiers/${code}/attachments/${id}`;

before(async () => {
  backend = await startDossierBackend({ dossiers: { officerToken: OFFICER_TOKEN } });
  ({ code: dossier, upload, draft } = await fileWithAttachment(NAME, file));
});
after(() => backend.close());

describe("an officer reads a dossier's files", () => {
  test('the list names each file with its slot, name, type and size', async () => {
    const response = await fetch(`${backend.url}${API}/officer/dossiers/${dossier}/attachments`, { headers: BEARER });
    assert.equal(response.status, 200);
    const { attachments } = assertSchema(OfficerAttachmentList, await response.json());
    assert.deepEqual(attachments, [
      { id: upload, slot: SLOT, fileName: NAME, fileType: 'application/pdf', size: file.length },
    ]);
  });

  test('the download is the file byte for byte, with its Vietnamese name, never cached, never run as a page', async () => {
    const response = await fetch(attachmentUrl(dossier, upload), { headers: BEARER });
    assert.equal(response.status, 200);
    assert.equal(sha256(Buffer.from(await response.arrayBuffer())), sha256(file));
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('content-length'), String(file.length));
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy') ?? '', /sandbox/);
    const disposition = response.headers.get('content-disposition') ?? '';
    assert.match(
      disposition,
      /^attachment; filename="Giay chung sinh cua be Ngoc Anh \(ban chup\)\.pdf"; filename\*=UTF-8''/,
    );
    assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]!), NAME);
  });

  test("a name in letters beyond Latin-1 does not break the answer; quotes and backslashes cannot end the header's value", async () => {
    const name = 'Đơn xin 申请 ✓ (bản 2).pdf';
    const filed = await fileWithAttachment(name, samples.pdf());
    const response = await fetch(attachmentUrl(filed.code, filed.upload), { headers: BEARER });
    assert.equal(response.status, 200);
    const disposition = response.headers.get('content-disposition') ?? '';
    assert.match(disposition, /^attachment; filename="Don xin __ _ \(ban 2\)\.pdf"; /);
    assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]!), name);
    // The upload endpoint already replaces quotes in names; the header is safe without relying on it.
    assert.equal(
      attachmentDisposition('a"b\\c;d.pdf'),
      `attachment; filename="a_b_c;d.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd.pdf`,
    );
  });
});

describe('a cancellation racing the filing', () => {
  test('either the dossier takes the file whole or the cancellation removes it, never a dossier without its file', async () => {
    for (let round = 0; round < 40; round++) {
      const draftId = newDraftId();
      const bytes = samples.pdf(64 * 1024);
      const metadata = metadataFor('dua.pdf', 'application/pdf', { procedure: CODE, slot: SLOT, draft: draftId });
      const { url } = await tusUpload(`${backend.url}${API}/uploads`, bytes, metadata);
      const submission = submissionFor(CODE, { draft: draftId, attachments: [{ slot: SLOT, uploads: [idOf(url)] }] });
      const [filed, cancelled] = await Promise.all([
        postDossier(backend.url, submission, newIdempotencyKey()),
        tusRequest(url, 'DELETE', draftId),
      ]);
      if (filed.status === 201) {
        assert.equal(cancelled.status, 404, 'a filed upload cannot be cancelled');
        const { code } = assertSchema(DossierReceipt, filed.body);
        const download = await fetch(attachmentUrl(code, idOf(url)), { headers: BEARER });
        assert.equal(sha256(Buffer.from(await download.arrayBuffer())), sha256(bytes), 'the dossier has its file');
      } else {
        assert.deepEqual([filed.status, cancelled.status], [400, 204]);
      }
    }
  });
});

describe('npm run officer', () => {
  const script = fileURLToPath(new URL('../../demo/scripts/officer.ts', import.meta.url));
  const officer = (cwd: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], {
      cwd,
      env: { ...process.env, DVC_API: `${backend.url}${API}`, OFFICER_TOKEN },
    });

  test("lists a dossier's files and saves one under its Vietnamese name, byte for byte", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dvc-officer-'));
    try {
      const listed = await officer(folder, 'attachments', dossier);
      assert.match(
        listed.stdout,
        new RegExp(
          `^${upload}  ${SLOT}  ${NAME.replace(/[()]/g, '\\$&')}  \\(application/pdf, ${file.length} bytes\\)$`,
          'm',
        ),
      );
      const saved = await officer(folder, 'download', dossier, upload);
      assert.match(saved.stdout, /Đã lưu/);
      // Upload ids are base64url: one in 64 begins with "-", which must not be read as an option.
      const dashed = await officer(folder, 'download', dossier, '-AAAAAAAAAAAAAAAAAAAAA').catch(
        (failure: { stderr: string }) => failure,
      );
      assert.doesNotMatch(dashed.stderr, /Unknown option|ERR_PARSE_ARGS/);
      assert.equal(sha256(await readFile(join(folder, NAME))), sha256(file));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('without a token, it says to set OFFICER_TOKEN and which backend it asked', async () => {
    const run = promisify(execFile)(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), script, 'attachments', dossier],
      {
        env: { ...process.env, DVC_API: `${backend.url}${API}`, OFFICER_TOKEN: '' },
      },
    );
    await assert.rejects(run, (error: { code: number; stderr: string }) => {
      assert.notEqual(error.code, 0);
      assert.match(error.stderr, /401/);
      assert.match(error.stderr, /Set OFFICER_TOKEN/);
      assert.match(error.stderr, new RegExp(`The backend asked is ${backend.url}${API}`));
      return true;
    });
  });
});

describe('and nobody else does', () => {
  test('without the officer token, or with a wrong one: 401, nothing sent', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: OFFICER_TOKEN }] as Record<
      string,
      string
    >[]) {
      for (const url of [
        attachmentUrl(dossier, upload),
        `${backend.url}${API}/officer/dossiers/${dossier}/attachments`,
      ]) {
        const response = await fetch(url, { headers });
        assert.equal(response.status, 401, `${url} ${JSON.stringify(headers)}`);
        assert.equal(assertSchema(ApiError, await response.json()).error.code, 'unauthorised');
      }
    }
  });

  test('a file the store has lost is a clear error, not a cut connection', async () => {
    const filed = await fileWithAttachment('mat.pdf', samples.pdf());
    await backend.uploadStore.remove(filed.upload);
    const response = await fetch(attachmentUrl(filed.code, filed.upload), { headers: BEARER });
    assert.equal(response.status, 500);
    assert.equal(assertSchema(ApiError, await response.json()).error.code, 'internal_error');
  });

  test('through another dossier, or for an upload no dossier took: 404', async () => {
    const other = await fileWithAttachment('khac.pdf', samples.pdf());
    const loose = idOf(
      (await tusUpload(`${backend.url}${API}/uploads`, samples.pdf(), metadataFor('chua-nop.pdf', 'application/pdf')))
        .url,
    );
    for (const [code, id] of [
      [other.code, upload],
      [dossier, other.upload],
      [dossier, loose],
      [dossier, 'AAAAAAAAAAAAAAAAAAAAAA'],
      [dossier, 'short'],
    ]) {
      const response = await fetch(attachmentUrl(code!, id!), { headers: BEARER });
      assert.equal(response.status, 404, `${code} ${id}`);
      assert.equal(assertSchema(ApiError, await response.json()).error.code, 'attachment_not_found');
    }
    const unknown = await fetch(`${backend.url}${API}/officer/dossiers/000.00.01.H99-261122-9999/attachments`, {
      headers: BEARER,
    });
    assert.equal(unknown.status, 404);
  });

  test("the citizen's own browser, with the upload secret, cannot read or follow the filed upload any more", async () => {
    const url = `${backend.url}${API}/uploads/${upload}`;
    assert.equal((await fetch(url, { headers: { 'Tus-Resumable': '1.0.0', ...secretHeader(draft) } })).status, 405);
    assert.equal(
      (await fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0', ...secretHeader(draft) } })).status,
      404,
    );
  });
});
