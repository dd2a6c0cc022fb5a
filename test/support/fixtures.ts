/**
 * Helpers for component tests: where the real test backends are, and how to
 * wait for what a citizen would wait for (results painted, a view changed).
 */
import { aTimeout, waitUntil } from '@open-wc/testing';

declare global {
  interface Window {
    DVC_TEST: { api: string; emptyApi: string; faultyOrigin: string; officerToken: string; hostsOrigin: string };
  }
}

export const servers = window.DVC_TEST;

// Each test file starts with no drafts or kept uploads: the runner loads the files one after the
// other in one tab (concurrency 1), whose sessionStorage would otherwise carry a dossier draft from
// one file into the next, which then offers "Tiếp tục hồ sơ đang khai" instead of the form.
sessionStorage.clear();
localStorage.clear();

/** API base of the faulty backend that answers with `fault` (see test/support/servers.ts). */
export const faultyApi = (fault: Fault | `${Fault}.post`) => `${servers.faultyOrigin}/${fault}/api/v1`;

/** The faults of the faulty backend (test/support/servers.ts); `<fault>.post` hits POST requests only. */
export type Fault =
  | 'html-500'
  | 'wrong-shape'
  | 'truncated-json'
  | 'reset'
  | 'wrong-content-type'
  | 'slow'
  | 'slow-upload'
  | 'hold-upload'
  | 'rate-limited'
  | 'refuse-413'
  | 'refuse-415'
  | 'refuse-draft'
  | 'refuse-address'
  | 'refuse-infected'
  | 'fail-once'
  | 'drop-once'
  | 'drop-submit-once';

/** A port nothing listens on: the backend is down. */
export const deadApi = 'http://127.0.0.1:9/api/v1';

export const shadow = (element: Element): ShadowRoot => {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
};

export const $ = <T extends Element = HTMLElement>(element: Element, selector: string): T | null =>
  shadow(element).querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(element: Element, selector: string): T[] => [
  ...shadow(element).querySelectorAll<T>(selector),
];

/** The visible text of the widget, white space collapsed. */
export const textOf = (element: Element): string => (shadow(element).textContent ?? '').replace(/\s+/g, ' ').trim();

export async function until(condition: () => unknown, message: string, timeout = 5000): Promise<void> {
  await waitUntil(condition, message, { timeout, interval: 20 });
}

/** Names of the procedures listed, in order. */
export const resultNames = (element: Element): string[] =>
  $$(element, '[part="result"] h3 a').map((a) => a.textContent!.trim());

/** Waits until the widget is not loading and then a frame more, so what is asserted is what is painted. */
export async function settled(element: Element): Promise<void> {
  await until(() => !$(element, '[aria-busy="true"]') && !$(element, '.loading'), 'the widget kept loading');
  await aTimeout(0);
}

/** Collects console.error calls during a test, so a test can assert the webmaster was told. */
export function captureConsoleErrors(): { calls: unknown[][]; restore(): void } {
  const original = console.error;
  const calls: unknown[][] = [];
  console.error = (...args: unknown[]) => calls.push(args);
  return { calls, restore: () => (console.error = original) };
}
