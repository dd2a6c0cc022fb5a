/**
 * Issue 15, item 1: nothing moves under a citizen's finger. On a 360 px
 * phone with real touch taps (not clicks), after the error summary has been
 * shown: a field fixed, then the control below it tapped. When the fixed
 * field's message was removed on blur, the layout jumped about 60 px between
 * the tap's touch and its click, and the tap landed on nothing ("Nam" stayed
 * unchecked, 3 times of 3). The form now settles an error on the change that
 * fixes it and keeps its room until the next "Tiếp tục" (problems.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Journey, useBackendAndBrowser } from './support.js';

const FORM = 'dvc-dossier-form';
const field = (path: string) => `${FORM} >>> #f-${path.replace(/[^A-Za-z0-9-]/g, '_')}`;
const PHONE = { width: 360, height: 640, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const used = useBackendAndBrowser();

/** Where a control's top edge is in the page (scrolling aside). */
const topOf = (journey: Journey, path: string) =>
  journey.page.evaluate(
    `(() => { const node = __journey.find(${JSON.stringify(path)}); return node.getBoundingClientRect().top + scrollY; })()`,
  ) as Promise<number>;

test(
  'after the error summary, a tap below a field just fixed lands where the finger is',
  { timeout: 60_000 },
  async () => {
    const journey = await Journey.open(used.browser, 'touch after errors', 'touch', { viewport: PHONE });
    try {
      await journey.step('open the form of 2.000635 on a phone', async () => {
        await journey.page.goto(`${used.backend.url}/nop-ho-so.html?procedure=2.000635`, {
          waitUntil: 'domcontentloaded',
        });
        await journey.untilText(`${FORM} >>> #step-heading`, 'Thông tin người nộp hồ sơ');
      });
      await journey.step('tap "Tiếp tục" with nothing filled: the summary', async () => {
        await journey.activate(`${FORM} >>> [part="next-button"]`);
        await journey.untilText(`${FORM} >>> .error-summary`, 'Vui lòng chọn “Giới tính”');
      });
      await journey.step('type a name, then tap "Nam" below it: it is chosen, and nothing moved', async () => {
        await journey.type(field('applicant.fullName'), 'Nguyễn Văn An');
        const before = await topOf(journey, field('applicant.sex-0'));
        await journey.choose(`${FORM} >>> [data-path="applicant.sex"]`, FORM, 'Nam');
        assert.equal(await topOf(journey, field('applicant.sex-0')), before, '"Nam" moved');
        // The fixed errors are gone from sight at once (the name's, the sex's), their room kept.
        const text = await journey.text(`${FORM} >>> form`);
        assert.ok(!text.includes('Vui lòng nhập “Họ, chữ đệm và tên”'), 'the fixed name kept its error');
        assert.ok(!text.includes('Vui lòng chọn “Giới tính”'), 'the chosen sex kept its error');
      });
      await journey.step('a wrong phone, then a tap on the e-mail box below: focus lands there', async () => {
        await journey.type(field('applicant.phone'), '0123');
        const before = await topOf(journey, field('applicant.email'));
        await journey.type(field('applicant.email'), 'an@example.com');
        assert.equal(await topOf(journey, field('applicant.email')), before, 'the e-mail box moved');
      });
      assert.deepEqual(journey.pageErrors, [], 'the page threw');
    } finally {
      await journey.close();
    }
  },
);
