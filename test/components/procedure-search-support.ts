/**
 * What the <dvc-procedure-search> test files share: a widget against the
 * demo backend, typing or pasting a query, opening a procedure, and the
 * live region's text.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import '../../src/procedure-search.js';
import { $, $$, resultNames, servers, settled, until } from '../support/fixtures.js';

export async function searchWidget(
  template = html`<dvc-procedure-search api=${servers.api} debounce="0" no-history></dvc-procedure-search>`,
) {
  const element = await fixture<DvcProcedureSearch>(template);
  await until(() => $$(element, '[part="result"], [part="empty"], [part="error"]').length, 'nothing was shown');
  await settled(element);
  return element;
}

export async function typeQuery(element: DvcProcedureSearch, text: string) {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

export function pasteQuery(element: DvcProcedureSearch, text: string) {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
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
