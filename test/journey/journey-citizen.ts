/**
 * The journey of issue 6 as one script: search, read the procedure, file a
 * dossier for it, follow the receipt's lookup link, and follow the dossier
 * while an officer acts on it; and `run`, one run of it in a fresh browser
 * context. Each run names its steps and times them in the summary printed
 * after the file's tests.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { formById } from '../../demo/server/forms/index.js';
import { MOTHER } from '../backend/dossier-fixtures.js';
import {
  address,
  box,
  expectedReview,
  field,
  fillAddress,
  fillPerson,
  fitsTheScreen,
  follow,
  FORM,
  labelOf,
  LOOKUP,
  next,
  PROCEDURE,
  SEARCH,
  seeFilled,
  SUPPLEMENT,
  UPLOAD,
  answers,
} from './journey-answers.js';
import {
  closeBrowser,
  Journey,
  launchBrowser,
  makePdf,
  startJourneyBackend,
  writeFiles,
  type JourneyBackend,
  type Mode,
} from './support.js';

export let backend: JourneyBackend;
let browser: Browser;
export let files: Record<string, string>;
export const BIG_PDF = makePdf(1_150_000);
const SMALL_PDF = makePdf(2_000);
/** Printed after the file's tests: each run's steps and their times. */
export const summary: string[] = [];

/** The backend, the browser and the files to choose, for the test file that imports this module. */
export function useJourneyBench(): void {
  before(async () => {
    [backend, browser] = await Promise.all([startJourneyBackend(), launchBrowser()]);
    files = await writeFiles(backend.dir, { 'giay-chung-sinh.pdf': SMALL_PDF, 'big/giay-chung-sinh.pdf': BIG_PDF });
  });

  after(async () => {
    if (summary.length) console.log(`\n${summary.join('\n')}`);
    await Promise.all([browser && closeBrowser(browser), backend?.close()]);
  });
}

interface RunOptions {
  /** Where the browser goes: the backend, or the "mobile network" in front of it. */
  base: string;
  consent: boolean;
  /** The file to attach. */
  file: string;
  /** Replaces "wait for the upload to finish" (the 3G run drops the connection meanwhile). */
  whileUploading?: (journey: Journey) => Promise<void>;
  /** Replaces pressing "Gửi hồ sơ" (then the receipt is awaited); `review` is what the review must still show. */
  send?: (journey: Journey, before: number, review: string[]) => Promise<void>;
  /** Phone: every page must fit the screen's width. */
  checkWidth?: boolean;
}

/** The whole journey; returns the dossier code. */
async function journeyOf(journey: Journey, options: RunOptions): Promise<string> {
  const { page } = journey;
  const query = 'dang ky khai sinh';
  const places: Record<string, string> = {};

  await journey.step('open the commune home page', async () => {
    await page.goto(`${options.base}/`, { waitUntil: 'domcontentloaded' });
    if (journey.mode === 'touch')
      assert.ok(await page.evaluate('navigator.maxTouchPoints > 0'), 'the phone has no touch screen');
    await journey.untilText(SEARCH, ['Tìm thủ tục hành chính', 'Tìm thấy']);
    if (options.checkWidth) await fitsTheScreen(journey, 'The home page');
  });

  await journey.step(`search "${query}" without diacritics`, async () => {
    await journey.type(`${SEARCH} >>> #search-input`, query);
    await journey.until(`__journey.searches.at(-1) === ${JSON.stringify(query)}`, `results for "${query}"`);
    const text = await journey.untilText(`${SEARCH} >>> [part="results"]`, 'Đăng ký khai sinh');
    assert.match(await journey.text(`${SEARCH} >>> [part="count"]`), /^Tìm thấy \d+ thủ tục$/);
    const names = (await page.evaluate(
      `[...__journey.find('${SEARCH}').shadowRoot.querySelectorAll('[part="result"] h3 a')].map((a) => a.dataset.code + ' ' + a.textContent.trim())`,
    )) as string[];
    const rank = names.indexOf(`${PROCEDURE} Đăng ký khai sinh`);
    assert.ok(
      rank >= 0 && rank < 3,
      `"Đăng ký khai sinh" (${PROCEDURE}) is not among the first three results: ${names.join('; ')}`,
    );
    assert.ok(text.includes(`Mã thủ tục ${PROCEDURE}`), 'the result does not show its code');
  });

  await journey.step('read the procedure', async () => {
    await journey.activate(`${SEARCH} >>> a[data-code="${PROCEDURE}"]`);
    await journey.untilText(`${SEARCH} >>> #detail-heading`, 'Đăng ký khai sinh');
    await journey.expectFocus(`${SEARCH} >>> #detail-heading`, 'Đăng ký khai sinh', "the procedure's name");
    await journey.untilText(`${SEARCH} >>> [part="detail"]`, [
      'Nộp hồ sơ trực tuyến',
      `Mã thủ tục ${PROCEDURE}`,
      'Thành phần hồ sơ',
      'Giấy chứng sinh',
      'Trình tự thực hiện',
      'Cơ quan tiếp nhận hồ sơ',
    ]);
    if (options.checkWidth) await fitsTheScreen(journey, "The procedure's page");
  });

  await journey.step('"Nộp hồ sơ trực tuyến" opens the form page', async () => {
    await follow(journey, `${SEARCH} >>> [part="submit-button"]`);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/nop-ho-so.html');
    assert.equal(url.searchParams.get('procedure'), PROCEDURE);
    await journey.untilText(`${FORM} >>> #step-heading`, 'Thông tin người nộp hồ sơ');
    await journey.untilText(`${FORM} >>> [part="progress"]`, [
      '1. Người nộp hồ sơ',
      '2. Tờ khai',
      '3. Giấy tờ đính kèm',
      '4. Kiểm tra lại',
    ]);
    if (options.checkWidth) {
      // On the phone the list (still read by screen readers) gives way to one line.
      await journey.untilText(`${FORM} >>> nav`, 'Bước 1/4: Người nộp hồ sơ');
      await fitsTheScreen(journey, "The form's first step");
    }
  });

  await journey.step(
    options.consent ? 'consent: keep the draft on this device' : 'consent: not on this device (a shared computer)',
    async () => {
      await journey.untilText(FORM, 'Lưu tạm trên thiết bị này');
      if (options.consent) await journey.tick(`${FORM} >>> #consent`);
      else
        assert.equal(
          await page.evaluate(`__journey.find('${FORM} >>> #consent').checked`),
          false,
          'consent is ticked without the citizen',
        );
    },
  );

  await journey.step('fill in the applicant', async () => {
    await journey.type(field('applicant.fullName'), MOTHER.fullName);
    await journey.date(field('applicant.birthDate'), MOTHER.birthDate);
    await journey.choose(box('applicant.sex'), FORM, 'Nữ');
    await journey.type(field('applicant.personalId'), MOTHER.personalId);
    await journey.type(field('applicant.phone'), MOTHER.phone);
    await journey.type(field('applicant.email'), MOTHER.email!);
    places['applicant.address'] = await fillAddress(journey, 'applicant.address', address(MOTHER.address));
    await next(journey, formById('khai-sinh')!.title);
  });

  await journey.step('fill in the birth registration form', async () => {
    await journey.untilText(FORM, ['Người đi đăng ký', 'Người được khai sinh', 'Người mẹ', 'Người cha']);
    await journey.choose(box('answers.quan-he'), FORM, labelOf('quan-he'));
    await journey.choose(box('answers.truong-hop'), FORM, labelOf('truong-hop'));
    await journey.type(field('answers.ho-ten'), String(answers['ho-ten']));
    await journey.date(field('answers.ngay-sinh'), String(answers['ngay-sinh']));
    await journey.choose(box('answers.gioi-tinh'), FORM, labelOf('gioi-tinh'));
    await journey.select(field('answers.dan-toc'), { label: labelOf('dan-toc') });
    await seeFilled(journey, field('answers.quoc-tich'), String(answers['quoc-tich']));
    await journey.type(field('answers.noi-sinh'), String(answers['noi-sinh']));
    await journey.type(field('answers.que-quan'), String(answers['que-quan']));
    await journey.type(field('answers.so-ban-sao'), String(answers['so-ban-sao']));
    // The mother files: her block is filled in from the first step (issue 15, item 5).
    await journey.untilText(
      `${FORM} >>> section[aria-labelledby="sec-me"]`,
      'đã được điền sẵn theo thông tin người nộp hồ sơ',
    );
    places['answers.me-noi-cu-tru'] = await fillPerson(journey, 'me', true);
    await journey.choose(box('answers.co-cha'), FORM, labelOf('co-cha'));
    await journey.until(
      `__journey.exists(${JSON.stringify(field('answers.cha-ho-ten'))})`,
      "the father's fields to show",
    );
    places['answers.cha-noi-cu-tru'] = await fillPerson(journey, 'cha');
    if (options.checkWidth) await fitsTheScreen(journey, 'The form step');
    await next(journey, 'Giấy tờ đính kèm');
  });

  await journey.step('attach the birth certificate (a real PDF)', async () => {
    await journey.until(
      'customElements.get("dvc-attachment-upload")',
      'the upload widget: <dvc-attachment-upload>, which the form renders in its own shadow root, is never defined by the CDN build',
    );
    await journey.untilText(UPLOAD, ['Giấy chứng sinh do cơ sở y tế cấp', 'Chọn tệp']);
    await journey.chooseFile(`${UPLOAD} >>> [part="choose-button"]`, options.file);
    if (options.whileUploading) await options.whileUploading(journey);
    await journey.untilText(
      `${UPLOAD} >>> [part="file-list"]`,
      ['giay-chung-sinh.pdf', 'Đã tải lên'],
      options.whileUploading ? 120_000 : journey.timeout,
    );
    await next(journey, 'Kiểm tra lại thông tin');
  });

  await journey.step('review: everything typed is shown', async () => {
    await journey.untilText(FORM, expectedReview(places));
  });

  await journey.step('choose the delivery, tick the declaration', async () => {
    await journey.choose(box('delivery.method'), FORM, 'Nhận trực tiếp tại Bộ phận Một cửa');
    await journey.tick(`${FORM} >>> #f-declaration`);
  });

  const before = await backend.countDossiers();
  const code = await journey.step('send: the receipt shows the dossier code', async () => {
    if (options.send) await options.send(journey, before, expectedReview(places));
    else await journey.activate(`${FORM} >>> [part="send-button"]`);
    await journey.untilText(`${FORM} >>> #step-heading`, 'Đã nộp hồ sơ thành công', 60_000);
    await journey.expectFocus(`${FORM} >>> #step-heading`, 'Đã nộp hồ sơ thành công', "the receipt's heading");
    const receipt = await journey.untilText(`${FORM} >>> [part="receipt"]`, [
      'Mã hồ sơ',
      'Đăng ký khai sinh',
      'Thời gian tiếp nhận',
      'Ngày hẹn trả kết quả',
    ]);
    const shown = /Mã hồ sơ (\S+-\d{6}-\d{4,})/.exec(receipt)?.[1];
    assert.ok(shown, `the receipt shows no dossier code: ${receipt}`);
    assert.equal(await backend.countDossiers(), before + 1, 'not exactly one new dossier in the database');
    const [row] = await backend.db.query<{ code: string }>(
      'SELECT code FROM dossiers ORDER BY received_at DESC, code DESC LIMIT 1',
    );
    assert.equal(shown, row!.code, 'the receipt shows another code than the one filed');
    if (options.checkWidth) await fitsTheScreen(journey, 'The receipt');
    return shown;
  });

  await journey.step("follow the receipt's lookup link", async () => {
    await follow(journey, `${FORM} >>> [part="receipt"] a.primary`);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/tra-cuu.html');
    assert.equal(url.searchParams.get('code'), code);
    await journey.until(
      `__journey.value('${LOOKUP} >>> #code') === ${JSON.stringify(code)}`,
      'the code filled in from the link',
    );
  });

  await journey.step('look up with the code and the applicant\'s personal ID: "Mới đăng ký"', async () => {
    await journey.untilText(LOOKUP, 'Số định danh cá nhân (hoặc mã số thuế) của người nộp');
    await journey.type(`${LOOKUP} >>> #secret`, MOTHER.personalId);
    await journey.activate(`${LOOKUP} >>> [part="submit-button"]`);
    await journey.untilText(`${LOOKUP} >>> #result-heading`, `Hồ sơ ${code}`);
    await journey.expectFocus(`${LOOKUP} >>> #result-heading`, `Hồ sơ ${code}`, "the dossier's heading");
    await journey.untilText(`${LOOKUP} >>> [part="status"]`, 'Mới đăng ký');
    // Not yet received: the date shown is the filing's (issue 15, item 6).
    await journey.untilText(`${LOOKUP} >>> [part="result"]`, 'Ngày nộp hồ sơ');
    await journey.untilText(`${LOOKUP} >>> [part="result"]`, ['Đăng ký khai sinh', PROCEDURE]);
    if (options.checkWidth) await fitsTheScreen(journey, 'The lookup');
  });

  await journey.step('an officer receives it; refresh shows "Được tiếp nhận"', async () => {
    await backend.officer(code, { action: 'receive', actor: 'Cán bộ Một cửa' });
    await journey.activate(`${LOOKUP} >>> [part="refresh-button"]`);
    await journey.untilText(`${LOOKUP} >>> [part="status"]`, 'Được tiếp nhận');
    await journey.expectFocus(
      `${LOOKUP} >>> [part="refresh-button"]`,
      'Cập nhật trạng thái',
      'the refresh button (a refresh leaves focus where it is)',
    );
  });

  await journey.step('an officer asks for a supplement; refresh shows what is missing', async () => {
    await backend.officer(code, {
      action: 'request-supplement',
      items: SUPPLEMENT,
      dueAt: '2099-12-01T17:00:00+07:00',
      note: 'Vui lòng nộp bổ sung tại Bộ phận Một cửa.',
    });
    await journey.activate(`${LOOKUP} >>> [part="refresh-button"]`);
    await journey.untilText(`${LOOKUP} >>> [part="status"]`, 'Yêu cầu bổ sung giấy tờ');
    await journey.untilText(`${LOOKUP} >>> [part="supplement"]`, [...SUPPLEMENT, '01/12/2099']);
    // The agency's clock is stopped while it waits: no "Trong hạn" by an appointment the pause will move.
    await journey.untilText(`${LOOKUP} >>> [part="result"]`, [
      'Tính lại khi nhận đủ giấy tờ bổ sung',
      'Tạm dừng, chờ bổ sung giấy tờ',
    ]);
    await journey.untilText(`${LOOKUP} >>> [part="history"]`, 'Yêu cầu bổ sung hồ sơ');
  });

  return code;
}

interface RunSetup extends Omit<RunOptions, 'base' | 'file'>, Partial<Pick<RunOptions, 'base' | 'file'>> {
  viewport?: Parameters<Page['setViewport']>[0];
  /** Longest wait for any one thing (default 20 s). */
  timeout?: number;
  /** Before the first page opens (network conditions). */
  setUp?: (journey: Journey) => Promise<void>;
}

/** One run of the journey in a fresh browser context (no cookies, storage or cache from another run). */
export async function run(name: string, mode: Mode, { viewport, timeout, setUp, ...options }: RunSetup): Promise<void> {
  const journey = await Journey.open(browser, name, mode, {
    ...(viewport && { viewport }),
    ...(timeout && { timeout }),
  });
  const started = performance.now();
  try {
    await setUp?.(journey);
    const code = await journeyOf(journey, { base: backend.url, file: files['giay-chung-sinh.pdf']!, ...options });
    summary.push(
      `${name}: dossier ${code} in ${((performance.now() - started) / 1000).toFixed(1)} s\n  ${journey.timings.join('\n  ')}`,
    );
    assert.deepEqual(journey.pageErrors, [], 'the page threw');
  } finally {
    await journey.close();
  }
}
