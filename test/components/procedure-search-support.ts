/**
 * What the <dvc-procedure-search> test files share: a widget against the
 * demo backend, typing or pasting a query, opening a procedure, and the
 * live region's text.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import '../../src/procedure-search.js';
import { MAX_QUERY } from '../../src/components/procedure-search/search-list.js';
import { $, $$, resultNames, servers, settled, until } from '../support/fixtures.js';

export async function searchWidget(
  template = html`<dvc-procedure-search api=${servers.api} debounce="0" no-history></dvc-procedure-search>`,
) {
  const element = await fixture<DvcProcedureSearch>(template);
  await until(() => $$(element, '[part="result"], [part="empty"], [part="error"]').length, 'nothing was shown');
  await settled(element);
  return element;
}

/**
 * Waits, after `act`, until the widget shows its answer to `text` (what it searches for: trimmed, cut at
 * its length limit). The widget searches at each keystroke, and the answer to an earlier one ("ket ho"
 * lists another procedure first) may or may not be on screen when the last key is typed, depending on
 * the machine's speed: a test asserting then would pass or fail by chance.
 */
async function answered(element: DvcProcedureSearch, text: string, act: () => Promise<void> | void) {
  const query = text.trim().slice(0, MAX_QUERY);
  let heard = false;
  const listen = (event: Event) => (heard ||= (event as CustomEvent<{ query: string }>).detail.query === query);
  element.addEventListener('dvc-search-results', listen);
  try {
    await act();
    await until(() => heard, `no answer to "${query.slice(0, 40)}"`, 8000);
  } finally {
    element.removeEventListener('dvc-search-results', listen);
  }
  await settled(element);
}

/**
 * Types `text` in the search box, as a citizen does, then waits for the answer to all of it;
 * `{ answer: false }` returns once typed, for a test of what searches (Enter, the button).
 */
export async function typeQuery(element: DvcProcedureSearch, text: string, { answer = true } = {}) {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  const type = async () => {
    input.focus();
    input.select();
    await sendKeys({ type: text });
  };
  await (answer ? answered(element, text, type) : type());
}

/** Pastes `text` in the search box (one input event), then waits for the answer. */
export async function pasteQuery(element: DvcProcedureSearch, text: string) {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  await answered(element, text, () => {
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  });
}

export async function openProcedure(element: DvcProcedureSearch, name: string) {
  const link = $$<HTMLAnchorElement>(element, '[part="result"] h3 a').find((a) => a.textContent!.includes(name));
  if (!link) throw new Error(`no result named ${name}: ${resultNames(element).join(' | ')}`);
  link.click();
  await until(() => $(element, '#detail-heading'), 'the detail did not open');
  await settled(element);
}

export const status = (element: Element) => $(element, '[role="status"]')!.textContent!.trim();

/** The element focused inside the widget's shadow root. */
export function shadowActive(element: Element): Element | null {
  return element.shadowRoot!.activeElement;
}
