/**
 * The review's and the receipt's code comes in a chunk of its own, fetched
 * once the citizen is past the first step (late-steps.ts), so that the
 * form's page stays within its size budget. A citizen whose connection drops
 * just then must not be stuck: the review says the connection failed and
 * offers "Thử lại", which fetches the chunk again (Chromium does not keep a
 * failed dynamic import; moving to another step tries again too), focus
 * goes to the review once it shows, and nothing typed is lost.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Journey, useBackendAndBrowser } from './support.js';

const FORM = 'dvc-dossier-form';
const PROCEDURE = '2.000635';
const PHONE = { width: 360, height: 640, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const used = useBackendAndBrowser();

/** A draft kept in this tab at the review, with the applicant's name typed. */
const draftAtReview = (step: number) =>
  JSON.stringify({
    id: 'late-steps-draft',
    key: 'late-steps-key',
    uploadSecret: 'late-steps-secret-0123456789abcdef',
    procedure: PROCEDURE,
    savedAt: Date.now(),
    consent: false,
    step,
    applicant: { kind: 'person', fullName: 'Lê Thị Hoa' },
    answers: {},
    uploads: {},
    delivery: { method: 'desk' },
    declaration: false,
  });

test('a review reached as its chunk fails to load says so, and "Thử lại" brings it', { timeout: 60_000 }, async () => {
  const journey = await Journey.open(used.browser, 'late chunk', 'touch', { viewport: PHONE });
  const page = journey.page;
  const lateRequests: string[] = [];
  let chunkUnreachable = true;
  try {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!/\/chunks\/late-[\w-]+\.js$/.test(request.url())) return void request.continue();
      lateRequests.push(request.url());
      if (chunkUnreachable) void request.abort('internetdisconnected');
      else void request.continue();
    });
    await journey.step('a draft kept at the review, and the first fetch of the chunk failing', async () => {
      await page.goto(`${used.backend.url}/nop-ho-so.html?procedure=${PROCEDURE}`, { waitUntil: 'domcontentloaded' });
      await journey.untilText(`${FORM} >>> #step-heading`, 'Thông tin người nộp hồ sơ');
      assert.equal(lateRequests.length, 0, 'the first step fetched the late chunk');
      const review = (await page.evaluate(
        `__journey.find('${FORM} >>> [part="progress"]').querySelectorAll('li').length - 1`,
      )) as number;
      await page.evaluate(
        (key: string, value: string) => sessionStorage.setItem(key, value),
        `dvc-dossier-draft:${PROCEDURE}`,
        draftAtReview(review),
      );
      await page.reload({ waitUntil: 'domcontentloaded' });
    });
    await journey.step('"Tiếp tục hồ sơ đang khai": the review says the connection failed', async () => {
      await journey.untilText(`${FORM} >>> .buttons`, 'Tiếp tục hồ sơ đang khai');
      // Fetched while the kept draft is offered back (it is past the first step), and failing.
      for (const deadline = Date.now() + 5000; !lateRequests.length && Date.now() < deadline;) await sleep(50);
      assert.ok(lateRequests.length > 0, 'the chunk was not fetched while the draft was offered back');
      await journey.activate(`${FORM} >>> .buttons .primary`);
      await journey.untilText(`${FORM} >>> #step-heading`, 'Kiểm tra lại thông tin');
      await journey.untilText(`${FORM} >>> form [role="alert"]`, ['Không kết nối được với máy chủ dịch vụ', 'Thử lại']);
      assert.equal(await journey.exists(`${FORM} >>> [part="send-button"]`), false, 'a send button with no review');
    });
    await journey.step('"Thử lại": the review, with what was typed', async () => {
      const tries = lateRequests.length;
      chunkUnreachable = false;
      await journey.activate(`${FORM} >>> form [part="retry-button"]`);
      await journey.untilText(`${FORM} >>> form`, ['Lê Thị Hoa', 'Gửi hồ sơ']);
      // The button pressed went with the notice: focus is on the review's heading, not lost to the page.
      await journey.expectFocus(`${FORM} >>> #step-heading`, 'Kiểm tra lại thông tin', "the review's heading");
      assert.equal(lateRequests.length, tries + 1, 'the chunk was not fetched again, once');
    });
    assert.deepEqual(journey.pageErrors, [], 'the page threw');
  } finally {
    await journey.close();
  }
});
