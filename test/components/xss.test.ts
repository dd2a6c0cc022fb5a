/**
 * Every string a widget shows from the backend, and every file name a
 * citizen chooses, carries each of the known XSS payloads in turn
 * (test/support/xss-payloads.ts): nothing may execute, no element may be
 * created from the text, and no link may point at `javascript:`.
 *
 * The answers are the real backend's, fetched once, then poisoned by
 * test/support/poison.ts wherever the contract allows free text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { BackendAdapter } from '../../src/api/adapter.js';
import {
  DossierReceipt,
  DossierView,
  FormDefinition,
  ProcedureDetail,
  SearchResult,
} from '../../src/api/contract/index.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import '../../src/procedure-search.js';
import '../../src/attachment-upload.js';
import '../../src/status-lookup.js';
import '../../src/dossier-form.js';
import type { DvcDossierForm } from '../../src/dossier-form.js';
import type { DvcStatusLookup } from '../../src/status-lookup.js';
import { RESULT_READY } from '../support/test-dossiers.js';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import type { DvcAttachmentUpload } from '../../src/attachment-upload.js';
import { filledDraft, seedDraft } from '../../stories/fixtures/dossier-drafts.js';
import { poison } from '../support/poison.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';
import { $, $$, servers, settled, shadow, until } from '../support/fixtures.js';

declare global {
  interface Window {
    xss(): void;
    xssHits: number;
  }
}

/** Elements a payload could create that the widgets never render themselves. */
const PAYLOAD_ELEMENTS =
  'script, iframe, object, embed, svg, math, video, audio, marquee, base, meta, link, body, xmp, plaintext, listing, image, isindex, keygen';

/** What must hold after a payload was shown: nothing ran, nothing was parsed, no script link. */
function expectInert(element: Element, payload: string): void {
  expect(window.xssHits, `ran: ${payload}`).to.equal(0);
  const root = shadow(element);
  expect(root.querySelectorAll(PAYLOAD_ELEMENTS).length, `element created from: ${payload}`).to.equal(0);
  expect(
    [...root.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x').length,
    `img created from: ${payload}`,
  ).to.equal(0);
  // The mark of parsed markup: an event-handler attribute (Lit binds listeners without attributes).
  const handlers = [...root.querySelectorAll('*')].flatMap((node) =>
    node.getAttributeNames().filter((name) => name.startsWith('on')),
  );
  expect(handlers, `handler attribute from: ${payload}`).to.deep.equal([]);
  const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const unsafe = links
    .filter((a) => !['http:', 'https:', 'tel:', 'mailto:'].includes(a.protocol))
    .map((a) => a.getAttribute('href'));
  expect(unsafe, `link from: ${payload}`).to.deep.equal([]);
  // And the payload is there, as text: a view that stopped showing the poisoned strings would pass the above.
  const compact = (text: string) => text.replace(/\s+/g, '');
  expect(compact(root.textContent ?? ''), `the payload shown as text: ${payload}`).to.include(
    compact(payload).slice(0, 12),
  );
}

/** Waits for the view `ready` says is there, lets it settle, then checks the payload in it is shown and inert. */
async function expectInertOnce(element: Element, ready: () => unknown, what: string, payload: string): Promise<void> {
  await until(ready, `${what} for ${payload}`);
  await settled(element);
  expectInert(element, payload);
}

before(() => {
  window.xssHits = 0;
  window.xss = () => {
    window.xssHits += 1;
  };
});

describe('XSS payloads in backend text: <dvc-procedure-search>', function () {
  this.timeout(120_000);

  it(`shows each of the ${XSS_PAYLOADS.length} payloads as text in results and in the detail`, async () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(100);
    const rest = new RestAdapter(servers.api);
    const results = await rest.searchProcedures({ q: 'khai sinh', page: 1, pageSize: 10 });
    const detail = await rest.getProcedure(results.items[0]!.code);
    for (const payload of XSS_PAYLOADS) {
      const poisonedResults = poison(SearchResult, results, payload);
      const poisonedDetail = poison(ProcedureDetail, detail, payload);
      expect(poisonedDetail.poisoned, 'free-text strings in the detail').to.be.above(20);
      const adapter: BackendAdapter = Object.assign(Object.create(rest) as RestAdapter, {
        searchProcedures: async () => poisonedResults.value,
        getProcedure: async () => poisonedDetail.value,
      });
      const element = await fixture<DvcProcedureSearch>(
        html`<dvc-procedure-search .adapter=${adapter} no-history></dvc-procedure-search>`,
      );
      const input = $<HTMLInputElement>(element, '#search-input')!;
      input.value = 'khai sinh';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await expectInertOnce(element, () => $$(element, '[part="result"]').length > 0, 'no results', payload);
      $<HTMLAnchorElement>(element, '[part="result"] h3 a')!.click();
      await expectInertOnce(element, () => $(element, '[part="detail"]'), 'no detail', payload);
    }
  });
});

describe('XSS payloads in file names: <dvc-attachment-upload>', function () {
  this.timeout(120_000);

  it(`lists a file named after each of the ${XSS_PAYLOADS.length} payloads as text`, async () => {
    for (const payload of XSS_PAYLOADS) {
      const element = await fixture<DvcAttachmentUpload>(
        html`<dvc-attachment-upload api=${servers.api} multiple max-files="3"></dvc-attachment-upload>`,
      );
      const input = $<HTMLInputElement>(element, 'input[type="file"]')!;
      const transfer = new DataTransfer();
      // An executable renamed: refused before upload, its name shown in the refusal.
      transfer.items.add(
        new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], `${payload}.pdf`, { type: 'application/pdf' }),
      );
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => $(element, '[part="error"]'), `no refusal for ${payload}`);
      expectInert(element, payload);
    }
  });
});

describe('XSS payloads in backend text: <dvc-status-lookup>', function () {
  this.timeout(120_000);

  it(`shows each of the ${XSS_PAYLOADS.length} payloads as text in a dossier's status, history, delivery and apology`, async () => {
    const rest = new RestAdapter(servers.api);
    // The richest seeded dossier: result ready, late, with an apology and a delivery.
    const view = await rest.lookupDossier({ code: RESULT_READY.code, secret: RESULT_READY.secret });
    for (const payload of XSS_PAYLOADS) {
      const poisoned = poison(DossierView, view, payload);
      expect(poisoned.poisoned, 'free-text strings in the view').to.be.above(8);
      const adapter: BackendAdapter = Object.assign(Object.create(rest) as RestAdapter, {
        lookupDossier: async () => poisoned.value,
      });
      const element = await fixture<DvcStatusLookup>(
        html`<dvc-status-lookup .adapter=${adapter} code=${RESULT_READY.code}></dvc-status-lookup>`,
      );
      await until(() => $(element, '#secret'), `no form for ${payload}`);
      const secret = $<HTMLInputElement>(element, '#secret')!;
      secret.value = RESULT_READY.secret;
      secret.dispatchEvent(new Event('input', { bubbles: true }));
      $<HTMLButtonElement>(element, '[part="submit-button"]')!.click();
      await expectInertOnce(element, () => $(element, '#result-heading'), 'no result', payload);
    }
  });
});

describe('XSS payloads in backend text: <dvc-dossier-form>', function () {
  this.timeout(120_000);
  let cleanUp = () => {};
  afterEach(() => cleanUp());

  /**
   * The first step shows no text of the definition; the others do. From a kept draft at the review: the
   * review (labels, chosen options, document names, the declaration), the form step (sections, help, every
   * option), the documents step (slot names, notes, template links), then the receipt, whose every string
   * is poisoned too. Values a draft chose and the ids conditions name stay as they were, so the dossier can
   * be sent.
   */
  it(`shows each of the ${XSS_PAYLOADS.length} payloads as text on the review, form and documents steps and on the receipt`, async () => {
    const rest = new RestAdapter(servers.api);
    const definition = await rest.getForm('1.001193', undefined);
    // A template link beside the first document, as some forms have (tờ khai mẫu): its address is poisoned too.
    definition.documents[0]!.template = { name: 'Tờ khai mẫu', url: '/api/v1/forms/to-khai.rtf', format: 'rtf' };
    const receipt: DossierReceipt = {
      code: '000.00.01.H99-261122-0001',
      procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
      agency: { code: '000.00.01.H99', name: 'Ủy ban nhân dân xã Minh Họa' },
      status: { code: 1, label: 'Mới đăng ký' },
      receivedAt: '2026-11-22T09:30:00+07:00',
      appointmentAt: '2026-11-23T17:00:00+07:00',
      lookup: { kind: 'applicant-id' },
      nextSteps: ['Cán bộ sẽ kiểm tra hồ sơ.', 'Tra cứu bằng mã hồ sơ.'],
      case: { code: 'thong-thuong', name: 'Chỉ đăng ký khai sinh' },
      applicantName: 'Nguyễn Văn An',
      documents: [{ name: 'Giấy chứng sinh', files: ['giay-chung-sinh.pdf'] }],
      fees: [{ label: 'Lệ phí đăng ký khai sinh quá hạn', amount: 8000, note: 'Theo mức của tỉnh.' }],
      desk: {
        name: 'Bộ phận Một cửa',
        address: 'Số 1 đường Trung Tâm',
        phone: '0200 000 0001',
        openingHours: '7:30–17:00',
      },
    };
    const steps = (element: Element) =>
      $$(element, '#step-heading')
        .map((heading) => heading.textContent!.trim())
        .join();
    for (const payload of XSS_PAYLOADS) {
      const poisoned = poison(FormDefinition, definition, payload, ['value', 'id', 'field', 'is', 'slot', 'procedure']);
      expect(poisoned.poisoned, 'free-text strings in the definition').to.be.above(50);
      const poisonedReceipt = poison(DossierReceipt, receipt, payload);
      expect(poisonedReceipt.poisoned, 'free-text strings in the receipt').to.be.above(13);
      const adapter: BackendAdapter = Object.assign(Object.create(rest) as RestAdapter, {
        getForm: async () => poisoned.value,
        submitDossier: async () => poisonedReceipt.value,
      });
      seedDraft(filledDraft(3));
      cleanUp = () => seedDraft(undefined);
      const element = await fixture<DvcDossierForm>(
        html`<dvc-dossier-form .adapter=${adapter} procedure="1.001193" no-history></dvc-dossier-form>`,
      );
      const restore = () =>
        $$(element, 'button').find((button) => button.textContent!.trim() === 'Tiếp tục hồ sơ đang khai');
      await until(restore, `no draft offered for ${payload}`);
      restore()!.click();
      await expectInertOnce(element, () => $(element, '[part="send-button"]'), 'not on the review', payload);
      // "Thay đổi" on the form's first section (every help text and option), then on the documents;
      // "Tiếp tục" from each returns to the review (GOV.UK's check-answers pattern).
      for (const [link, step] of [
        [1, 'form'],
        [2, 'documents'],
      ] as const) {
        $$<HTMLAnchorElement>(element, '.review-head a')[link]!.click();
        await expectInertOnce(
          element,
          () => $(element, '.review') === null && steps(element) !== '',
          `no ${step} step`,
          payload,
        );
        $<HTMLButtonElement>(element, '[part="next-button"]')!.click();
        await expectInertOnce(
          element,
          () => $(element, '[part="send-button"]'),
          `not back on the review from the ${step} step: ${$(element, '.error-summary')?.textContent ?? ''}`,
          payload,
        );
      }
      $<HTMLButtonElement>(element, '[part="send-button"]')!.click();
      await expectInertOnce(
        element,
        () => $(element, '[part="receipt"]'),
        `no receipt: ${$(element, '.error-summary, .send-error')?.textContent ?? ''}`,
        payload,
      );
    }
  });
});
