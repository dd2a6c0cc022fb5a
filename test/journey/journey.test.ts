/**
 * Issue 6, "The journey": a citizen finds a procedure on the sample commune
 * site, files a dossier for it and follows it, in real Chromium, through the
 * CDN build, against the reference backend (real database, real tus
 * uploads), with an officer acting on the dossier in between:
 *
 *   search "dang ky khai sinh" (no diacritics) → read the procedure → "Nộp
 *   hồ sơ trực tuyến" → the form page → consent choice → applicant → the
 *   birth registration form → attach the birth certificate (a real PDF) →
 *   review → declaration → send → receipt → its lookup link → look up with
 *   the code and the applicant's personal ID ("Mới đăng ký") → an officer
 *   receives it, refresh ("Được tiếp nhận") → an officer asks for more
 *   papers, refresh (what is missing).
 *
 * Four runs: the mouse on a desktop, the keyboard alone, a phone with touch,
 * and a slow 3G link that drops once in the middle of an upload and once
 * as "Gửi hồ sơ" is pressed (then the answer to the retry is lost too).
 * Every assertion reads what the citizen sees; a failure names the run and
 * the step, and leaves a screenshot.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import type { FormField } from '../../src/api/contract/index.js';
import { khaiSinh } from '../../demo/server/forms/khai-sinh.js';
import { DOSSIER_FIXTURES, MOTHER } from '../backend/dossier-fixtures.js';
import {
  closeBrowser,
  Journey,
  launchBrowser,
  makePdf,
  sha256,
  startJourneyBackend,
  writeFiles,
  type JourneyBackend,
  type Mode,
} from './support.js';

const PROCEDURE = '1.001193';
const FIXTURE = DOSSIER_FIXTURES[PROCEDURE]!;
const answers = FIXTURE.answers as Record<string, unknown>;
const address = (value: unknown) => value as { street: string; commune: string; province: string };

const FORM = 'dvc-dossier-form';
const SEARCH = 'dvc-procedure-search';
const LOOKUP = 'dvc-status-lookup';
/** The form's own id of a field (`answers.me-ho-ten` → `f-answers_me-ho-ten`), as `fields.ts` makes it. */
const idOf = (path: string) => `f-${path.replace(/[^A-Za-z0-9-]/g, '_')}`;
const field = (path: string) => `${FORM} >>> #${idOf(path)}`;
const box = (path: string) => `${FORM} >>> [data-path="${path}"]`;
const UPLOAD = `${FORM} >>> dvc-attachment-upload[slot-id="giay-chung-sinh"]`;

const fields = khaiSinh.sections.flatMap((section) => section.fields);
/** The label a citizen reads for a fixture answer of a choice field. */
function labelOf(id: string): string {
  const spec = fields.find((candidate) => candidate.id === id) as FormField | undefined;
  const value = answers[id];
  if (spec?.type === 'yesno') return value ? 'Có' : 'Không';
  const option = spec && 'options' in spec ? spec.options.find((candidate) => candidate.value === value) : undefined;
  if (!option) throw new Error(`No option ${String(value)} for ${id}`);
  return option.label;
}
const dmy = (iso: string) => iso.split('-').reverse().join('/');

const SUPPLEMENT = ['Bản chụp Giấy chứng sinh rõ nét, đủ bốn góc', 'Giấy xác nhận thông tin cư trú của người mẹ'];

let backend: JourneyBackend;
let browser: Browser;
let files: Record<string, string>;
const BIG_PDF = makePdf(1_150_000);
const SMALL_PDF = makePdf(2_000);
const summary: string[] = [];

before(async () => {
  [backend, browser] = await Promise.all([startJourneyBackend(), launchBrowser()]);
  files = await writeFiles(backend.dir, { 'giay-chung-sinh.pdf': SMALL_PDF, 'big/giay-chung-sinh.pdf': BIG_PDF });
});

after(async () => {
  if (summary.length) console.log(`\n${summary.join('\n')}`);
  await Promise.all([browser && closeBrowser(browser), backend?.close()]);
});

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

/**
 * What the review must show, row by row (its label, then the value as the
 * citizen gave it): every answer typed or chosen, and the file. `places`
 * are the addresses as chosen (street, commune, province names), by path.
 */
function expectedReview(places: Record<string, string>): string[] {
  const shown = (spec: FormField, value: unknown): string => {
    if (spec.type === 'yesno') return value ? 'Có' : 'Không';
    if ('options' in spec) return labelOf(spec.id);
    if (spec.type === 'date') return dmy(String(value));
    if (spec.type === 'number') return `${String(value)}${spec.unit ? ` ${spec.unit}` : ''}`;
    if (spec.type === 'address') return places[`answers.${spec.id}`]!;
    return String(value);
  };
  return [
    `Họ, chữ đệm và tên ${MOTHER.fullName}`,
    `Ngày, tháng, năm sinh ${dmy(MOTHER.birthDate)}`,
    'Giới tính Nữ',
    `Số định danh cá nhân ${MOTHER.personalId}`,
    `Số điện thoại di động ${MOTHER.phone}`,
    `Thư điện tử (email) ${MOTHER.email!}`,
    `Nơi cư trú ${places['applicant.address']!}`,
    ...fields.filter((spec) => spec.id in answers).map((spec) => `${spec.label} ${shown(spec, answers[spec.id])}`),
    `Giấy chứng sinh do cơ sở y tế cấp ${'giay-chung-sinh.pdf'}`,
  ];
}

async function fitsTheScreen(journey: Journey, where: string): Promise<void> {
  const fits = await journey.page.evaluate('__journey.fits()');
  assert.ok(fits, `${where} is wider than the phone's screen: the citizen has to scroll sideways`);
}

/** Street, province, commune of an address fieldset; returns the address as the citizen chose it (names, not codes). */
async function fillAddress(
  journey: Journey,
  path: string,
  value: { street: string; province: string; commune: string },
): Promise<string> {
  await journey.type(`${field(path)}-street`, value.street);
  const province = await journey.select(`${field(path)}-province`, { value: value.province });
  const commune = await journey.select(`${field(path)}-commune`, { value: value.commune });
  return `${value.street}, ${commune}, ${province}`;
}

/** A person block of the form (`me-…`, `cha-…`), from the fixture's answers. */
async function fillPerson(journey: Journey, prefix: string): Promise<string> {
  await journey.type(field(`answers.${prefix}-ho-ten`), String(answers[`${prefix}-ho-ten`]));
  await journey.date(field(`answers.${prefix}-ngay-sinh`), String(answers[`${prefix}-ngay-sinh`]));
  await journey.select(field(`answers.${prefix}-dan-toc`), { label: labelOf(`${prefix}-dan-toc`) });
  await journey.type(field(`answers.${prefix}-quoc-tich`), String(answers[`${prefix}-quoc-tich`]));
  await journey.type(field(`answers.${prefix}-so-dinh-danh`), String(answers[`${prefix}-so-dinh-danh`]));
  return fillAddress(journey, `answers.${prefix}-noi-cu-tru`, address(answers[`${prefix}-noi-cu-tru`]));
}

/** Moves on with "Tiếp tục"; the next step's heading must show and take focus. */
async function next(journey: Journey, heading: string): Promise<void> {
  await journey.activate(`${FORM} >>> [part="next-button"]`);
  await journey.untilText(`${FORM} >>> #step-heading`, heading);
  await journey.expectFocus(`${FORM} >>> #step-heading`, heading, "the new step's heading");
}

/** Follows a link that leaves the page, waiting for the next page. */
async function follow(journey: Journey, link: string): Promise<void> {
  await Promise.all([
    journey.page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: journey.timeout }),
    journey.activate(link),
  ]);
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
    if (options.checkWidth) await fitsTheScreen(journey, "The form's first step");
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
    await next(journey, khaiSinh.title);
  });

  await journey.step('fill in the birth registration form', async () => {
    await journey.untilText(FORM, ['Người đi đăng ký', 'Người được khai sinh', 'Người mẹ', 'Người cha']);
    await journey.choose(box('answers.quan-he'), FORM, labelOf('quan-he'));
    await journey.choose(box('answers.truong-hop'), FORM, labelOf('truong-hop'));
    await journey.type(field('answers.ho-ten'), String(answers['ho-ten']));
    await journey.date(field('answers.ngay-sinh'), String(answers['ngay-sinh']));
    await journey.choose(box('answers.gioi-tinh'), FORM, labelOf('gioi-tinh'));
    await journey.select(field('answers.dan-toc'), { label: labelOf('dan-toc') });
    await journey.type(field('answers.quoc-tich'), String(answers['quoc-tich']));
    await journey.type(field('answers.noi-sinh'), String(answers['noi-sinh']));
    await journey.type(field('answers.que-quan'), String(answers['que-quan']));
    await journey.type(field('answers.so-ban-sao'), String(answers['so-ban-sao']));
    places['answers.me-noi-cu-tru'] = await fillPerson(journey, 'me');
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
async function run(name: string, mode: Mode, { viewport, timeout, setUp, ...options }: RunSetup): Promise<void> {
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

describe('the journey: search, file, follow', () => {
  test('with the mouse on a desktop (1280×800)', { timeout: 120_000 }, async () => {
    await run('mouse, desktop', 'mouse', { consent: true });
  });

  test('with the keyboard alone', { timeout: 120_000 }, async () => {
    await run('keyboard only', 'keyboard', { consent: false });
  });

  test('on a phone (360×640) with touch', { timeout: 120_000 }, async () => {
    await run('touch, phone', 'touch', {
      consent: true,
      checkWidth: true,
      viewport: { width: 360, height: 640, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    });
  });

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
