/**
 * The journey of issue 6 on slow 3G: the connection drops in the middle of
 * an upload (the upload resumes where the backend stopped, and the stored
 * file is the one chosen), the browser is offline as "Gửi hồ sơ" is pressed
 * (nothing is filed, nothing typed is lost), and the answer to "Thử lại" is
 * lost once (the dossier is filed once, and "Thử lại" again shows its receipt).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { FORM, UPLOAD } from './journey-answers.js';
import { backend, BIG_PDF, files, run, summary, useJourneyBench } from './journey-citizen.js';
import { sha256 } from './support.js';

useJourneyBench();

describe('the journey: search, file, follow', () => {
  test(
    'on slow 3G, the connection dropping during an upload and as "Gửi hồ sơ" is pressed',
    { timeout: 240_000 },
    async () => {
      const big = files['big/giay-chung-sinh.pdf']!;
      let droppedAt = 0;
      let uploadId = '';
      const notices: string[] = [];
      await run('slow 3G, dropping', 'mouse', {
        consent: true,
        base: backend.networkUrl,
        file: big,
        timeout: 60_000,
        setUp: (journey) => journey.page.emulateNetworkConditions({ download: 50_000, upload: 50_000, latency: 400 }),
        whileUploading: async (journey) => {
          // The backend's own view: the upload's row, then its bytes on disk growing.
          const deadline = Date.now() + 60_000;
          while (!uploadId && Date.now() < deadline) {
            uploadId = (await backend.uploads()).find((upload) => upload.size === BIG_PDF.length)?.id ?? '';
            if (!uploadId) await sleep(100);
          }
          assert.ok(uploadId, 'the upload never reached the backend');
          // The signal goes 48 KiB into the next PATCH (the first chunk went with the POST): the
          // request under way dies with its connection, and the browser is offline.
          // (The test's own time limit catches an upload that never gets there.)
          await backend.cutDuringNextPatch(48 * 1024);
          await journey.page.setOfflineMode(true);
          backend.restoreNetwork();
          await journey.untilText(`${UPLOAD} >>> [part="file-list"]`, 'Chưa tải lên được');
          // What the backend has once the cut connection has stopped writing.
          for (let last = -1; droppedAt !== last; await sleep(300))
            [last, droppedAt] = [droppedAt, await backend.storedBytes(uploadId)];
          assert.ok(
            droppedAt > 0 && droppedAt < BIG_PDF.length,
            `the connection dropped at ${droppedAt} of ${BIG_PDF.length} bytes`,
          );
          await journey.untilText(`${UPLOAD} >>> [part="file-list"]`, 'Thiết bị đang mất kết nối mạng');
          // The one fixed wait: the time without a network. Nothing may arrive meanwhile.
          await sleep(3000);
          assert.equal(await backend.storedBytes(uploadId), droppedAt, 'bytes arrived while offline');
          await journey.page.setOfflineMode(false);
        },
        send: async (journey, before, review) => {
          // Offline at the moment "Gửi hồ sơ" is pressed: nothing is filed, nothing typed is lost.
          await journey.page.setOfflineMode(true);
          await journey.activate(`${FORM} >>> [part="send-button"]`);
          await journey.untilText(`${FORM} >>> .send-error`, [
            'Chưa gửi được hồ sơ.',
            'Thông tin bạn đã khai vẫn được giữ nguyên',
            'Thử lại',
          ]);
          await journey.expectFocus(`${FORM} >>> .send-error`, undefined, 'the failure notice');
          notices.push(await journey.text(`${FORM} >>> .send-error`));
          await journey.untilText(FORM, review);
          assert.equal(await backend.countDossiers(), before, 'a dossier was filed while offline');
          await journey.page.setOfflineMode(false);
          // Back online, "Thử lại": the backend files it, but its answer is lost on the way.
          const seen = backend.requests.length;
          backend.dropNextSubmitAnswer();
          await journey.activate(`${FORM} >>> .send-error [part="retry-button"]`);
          await journey.until(
            `__journey.text('${FORM} >>> [part="send-button"]') === 'Gửi hồ sơ' && __journey.exists('${FORM} >>> .send-error')`,
            'the lost answer to be shown as a failure',
          );
          assert.ok(
            backend.requests.slice(seen).some((line) => line.startsWith('POST /api/v1/dossiers 201')),
            'the retry did not reach the backend',
          );
          assert.equal(await backend.countDossiers(), before + 1, 'the retry whose answer was lost was not filed once');
          notices.push(await journey.text(`${FORM} >>> .send-error`));
          await journey.untilText(FORM, review);
          // "Thử lại" once more: the same dossier's receipt, no second dossier (checked after the receipt).
          await journey.activate(`${FORM} >>> .send-error [part="retry-button"]`);
        },
      });
      // The upload resumed where the backend had stopped, and the file arrived whole.
      const uploads = backend.requests.filter((line) => line.includes('/api/v1/uploads'));
      assert.equal(
        uploads.filter((line) => line.startsWith('POST ')).length,
        1,
        `the upload was created more than once (started again): ${uploads.join(', ')}`,
      );
      assert.ok(
        uploads.some((line) => / cut\b/.test(line)),
        `no upload request was under way when the connection dropped: ${uploads.join(', ')}`,
      );
      const resumedAt = uploads.findIndex((line) => line.startsWith('HEAD '));
      assert.ok(resumedAt > 0, `the upload did not ask the backend where to resume: ${uploads.join(', ')}`);
      assert.ok(
        uploads.slice(resumedAt).some((line) => line.startsWith('PATCH ') && line.includes(`offset=${droppedAt}`)),
        `no PATCH resumed at offset ${droppedAt}: ${uploads.join(', ')}`,
      );
      const [stored] = await backend.db.query<{ dossier_code: string | null }>(
        'SELECT dossier_code FROM uploads WHERE id = $1',
        [uploadId],
      );
      assert.ok(stored?.dossier_code, 'the resumed upload is not attached to the dossier');
      const [same] = await backend.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM dossiers WHERE draft = (SELECT draft FROM dossiers WHERE code = $1)',
        [stored.dossier_code],
      );
      assert.equal(same!.n, 1, 'the dossier was filed more than once');
      assert.equal(
        await backend.storedSha256(uploadId),
        sha256(await readFile(big)),
        'the stored file differs from the one chosen',
      );
      summary.push(
        `  upload of ${BIG_PDF.length} B, cut at ${droppedAt} B: ${uploads.map((line) => line.replace(/ \/api\/v1\/uploads\/?\S*/, '')).join(', ')}; stored sha256 = chosen file's\n` +
          `  send: ${notices.map((notice, i) => `${i ? 'answer lost' : 'offline'} → "${notice}"`).join('; ')}; then "Thử lại" → receipt; 1 dossier`,
      );
    },
  );
});
