/**
 * The host pages of test/hosts/ in an iframe of the test page, and what the
 * host-page tests do in them as a citizen would: real key presses and mouse
 * clicks in the framed page, a PDF made in the page's own realm, a lookup of a
 * seeded dossier, and the violations and errors the page recorded (watch.js).
 * Frames opened by a test are removed after it.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { $, $$, resultNames, settled, textOf, until } from './fixtures.js';
import { PROCESSING } from './test-dossiers.js';

export interface HostReport {
  violations: string[];
  errors: string[];
}

/** A host page's window, with what watch.js and legacy-jquery.js leave on it. */
export type HostWindow = Window &
  typeof globalThis & {
    __dvcHost: HostReport;
    __legacyClicksSwallowed?: number;
    __amdDefined?: number;
  };

export interface Host {
  frame: HTMLIFrameElement;
  win: HostWindow;
  doc: Document;
  /** The first element matching `selector` in the page. */
  get<T extends Element = HTMLElement>(selector: string): T;
}

export const TAGS = [
  'dvc-provider',
  'dvc-procedure-search',
  'dvc-attachment-upload',
  'dvc-dossier-form',
  'dvc-status-lookup',
];
export const HEADER_HEIGHT = 80;

const opened: HTMLIFrameElement[] = [];
afterEach(() => opened.splice(0).forEach((frame) => frame.remove()));

/** Opens `/hosts/<page>` (the tests' own origin) in an iframe and waits for it to load. */
export async function openHost(page: string, { width = 1000, height = 700 } = {}): Promise<Host> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block;`;
  const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
  frame.src = `/hosts/${page}`;
  document.body.append(frame);
  opened.push(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  const doc = frame.contentDocument!;
  return {
    frame,
    win,
    doc,
    get<T extends Element = HTMLElement>(selector: string): T {
      const element = doc.querySelector<T>(selector);
      if (!element) throw new Error(`no ${selector} on ${page}`);
      return element;
    },
  };
}

/** Waits for the page's search widget to list results; returns it. */
export async function searchReady(host: Host, selector = 'dvc-procedure-search'): Promise<HTMLElement> {
  await until(() => host.win.customElements.get('dvc-procedure-search'), 'the search widget was never defined', 8000);
  const element = host.get(selector);
  await until(
    () => $$(element, '[part="result"], [part="error"]').length,
    `nothing shown: ${element.shadowRoot?.textContent}`,
    8000,
  );
  await settled(element);
  expect($(element, '[part="error"]'), textOf(element)).to.equal(null);
  return element;
}

/** Types into the search box as a citizen does (real key presses, into the framed page). */
export async function typeQuery(element: HTMLElement, text: string): Promise<void> {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

/** A real mouse click in the middle of `target`, a node inside `host`'s page (scrolled into view first). */
export async function realClick(host: Host, target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const inner = target.getBoundingClientRect();
  const outer = host.frame.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [
      Math.round(outer.left + inner.left + inner.width / 2),
      Math.round(outer.top + inner.top + inner.height / 2),
    ],
  });
}

export async function searchAndOpenKetHon(host: Host, element: HTMLElement): Promise<void> {
  await typeQuery(element, 'ket hon');
  await sendKeys({ press: 'Enter' });
  await until(() => resultNames(element)[0] === 'Đăng ký kết hôn', `results: ${resultNames(element).join(' | ')}`);
  await settled(element);
  const link = $$<HTMLAnchorElement>(element, '[part="result"] h3 a')[0]!;
  await realClick(host, link);
  await until(() => $(element, '#detail-heading'), 'the detail did not open');
  await settled(element);
  expect($(element, '#detail-heading')!.textContent!.trim()).to.equal('Đăng ký kết hôn');
}

/** A small real PDF, made in the page's own realm (the widget's checks see a File of its window). */
export const pdfIn = (win: HostWindow, name: string) =>
  new win.File(['%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n', 'x'.repeat(4000), '\n%%EOF\n'], name, {
    type: 'application/pdf',
  });

export async function uploadPdf(host: Host, element: HTMLElement, name: string): Promise<void> {
  await until(() => $(element, '[part="choose-button"]'), 'the upload widget did not render', 8000);
  const completed = new Promise<CustomEvent>((done) =>
    element.addEventListener('dvc-upload-complete', (event) => done(event as CustomEvent), { once: true }),
  );
  const input = $<HTMLInputElement>(element, '#picker')!;
  const transfer = new host.win.DataTransfer();
  transfer.items.add(pdfIn(host.win, name));
  input.files = transfer.files;
  input.dispatchEvent(new host.win.Event('change'));
  const { detail } = await completed;
  expect(detail).to.include({ name, type: 'application/pdf' });
  await until(() => $$(element, '[part="file"]')[0]?.textContent?.includes('Đã tải lên'), 'not shown as uploaded');
}

/** Violations and errors the page recorded (watch.js), as one list that should be empty. */
export const problems = (host: Host) => [...host.win.__dvcHost.violations, ...host.win.__dvcHost.errors];

export async function widgetsDefined(host: Host, tags = TAGS.slice(1)): Promise<void> {
  for (const tag of tags) await until(() => host.win.customElements.get(tag), `<${tag}> was never defined`, 8000);
  for (const tag of tags) expect(host.get(tag).shadowRoot, `<${tag}> has no shadow root`).to.not.equal(null);
}

/**
 * The form and lookup widgets: rendered in full (the form's steps and first step's buttons, the lookup's
 * fields), in their own 16px text, not showing a configuration or backend error.
 */
export async function renderedWithoutError(host: Host): Promise<void> {
  const expected: Record<string, string[]> = {
    'dvc-dossier-form': ['[part="progress"]', '[part="next-button"]'],
    'dvc-status-lookup': ['[part="code-input"]', '[part="secret-input"]', '[part="submit-button"]'],
  };
  for (const [tag, parts] of Object.entries(expected)) {
    const element = host.get(tag);
    await until(
      () => parts.every((part) => $(element, part)) || $(element, '[part="error"]'),
      `<${tag}> did not render: ${textOf(element).slice(0, 200)}`,
      8000,
    );
    expect(
      $$(element, '[part="error"], [role="alert"]').map((node) => node.textContent),
      `<${tag}> shows an error`,
    ).to.deep.equal([]);
    expect(host.win.getComputedStyle($(element, '.root')!).fontSize, `<${tag}> text size`).to.equal('16px');
  }
}

/** Looks up a seeded dossier with the lookup widget, as a citizen with the receipt does. */
export async function lookUp(host: Host): Promise<void> {
  const element = host.get('dvc-status-lookup');
  const fill = (part: string, value: string) => {
    const input = $<HTMLInputElement>(element, `[part="${part}"]`)!;
    input.value = value;
    input.dispatchEvent(new host.win.Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new host.win.Event('change', { bubbles: true }));
  };
  fill('code-input', PROCESSING.code);
  fill('secret-input', PROCESSING.secret);
  await realClick(host, $(element, '[part="submit-button"]')!);
  await until(() => $(element, '[part="result"]'), `the dossier was not shown: ${textOf(element).slice(0, 200)}`, 8000);
  expect(textOf(element)).to.include(PROCESSING.procedure.name);
}
