/**
 * What the lookup tests do as a citizen: fill the two fields, press "Tra
 * cứu" and wait for an answer, and read the result's facts.
 */
import type { DvcStatusLookup } from '../../src/status-lookup.js';
import { $, $$, settled, until } from './fixtures.js';

/** Types the code and the secret (as input and change events, as a citizen's typing ends). */
export function fill(element: DvcStatusLookup, code: string, secret: string) {
  for (const [id, value] of [
    ['code', code],
    ['secret', secret],
  ] as const) {
    const input = $<HTMLInputElement>(element, `#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** Fills the fields, presses "Tra cứu" and waits for the dossier, an error or the error summary. */
export async function lookUp(element: DvcStatusLookup, code: string, secret: string) {
  fill(element, code, secret);
  $<HTMLButtonElement>(element, '[part="submit-button"]')!.click();
  await until(() => $(element, '#result-heading, [part="error"], .error-summary'), 'no answer');
  await settled(element);
}

/** Every term and its value in the result's fact lists, `term: value`, white space collapsed. */
export const facts = (element: Element) =>
  $$(element, 'dl > div').map(
    (pair) =>
      `${pair.querySelector('dt')!.textContent!.trim()}: ${pair.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()}`,
  );
