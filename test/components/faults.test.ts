/**
 * Every widget behind the fault-injecting proxy (test/support/servers.ts):
 * an HTML error page, JSON of the wrong shape, JSON cut half-way, a reset
 * connection, an HTML page with status 200. Each must say something clear
 * in the page's language, offer "Thử lại" where a retry can help, and keep
 * what the citizen typed; a retry once the backend is healthy must work.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/procedure-search.js';
import '../../src/status-lookup.js';
import '../../src/dossier-form.js';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import type { DvcStatusLookup } from '../../src/status-lookup.js';
import type { DvcDossierForm } from '../../src/dossier-form.js';
import { $, faultyApi, type Fault, servers, settled, until } from '../support/fixtures.js';
import { PROCESSING } from '../support/test-dossiers.js';

const FAULTS: Fault[] = ['html-500', 'wrong-shape', 'truncated-json', 'reset', 'wrong-content-type'];

/** The error the widget shows: a sentence (not a code or a stack), with a retry button where one can help. */
function expectClearError(element: Element, fault: Fault, retry = true): string {
  const error = $(element, '[part="error"]');
  expect(error, `${fault}: no error shown`).to.not.equal(null);
  const text = error!.textContent!.replace(/\s+/g, ' ').trim();
  expect(text.length, `${fault}: empty message`).to.be.above(20);
  expect(text, `${fault}: technical text shown`).to.not.match(/undefined|null|\bat \w|SyntaxError|JSON|<\w+/);
  if (retry) expect($(element, '[part="retry-button"]'), `${fault}: no retry`).to.not.equal(null);
  return text;
}

/** Types into a field of a widget's shadow root as a citizen would (the input event Lit listens to). */
function type(element: Element, selector: string, value: string): void {
  const input = $<HTMLInputElement>(element, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('faults: <dvc-procedure-search>', () => {
  for (const fault of FAULTS) {
    it(`${fault}: a clear message, a retry, the query kept`, async () => {
      const element = await fixture<DvcProcedureSearch>(
        html`<dvc-procedure-search api=${faultyApi(fault)} query="ket hon" no-history></dvc-procedure-search>`,
      );
      await until(() => $(element, '[part="error"]'), `${fault}: the search did not fail visibly`);
      await settled(element);
      expectClearError(element, fault);
      expect($<HTMLInputElement>(element, '#search-input')!.value).to.equal('ket hon');
      await expect(element).to.be.accessible();
    });
  }
});

describe('faults: <dvc-status-lookup>', () => {
  for (const fault of FAULTS) {
    it(`${fault} on the lookup: a clear message, a retry, the code and secret kept; the retry works once the backend is well`, async () => {
      const element = await fixture<DvcStatusLookup>(
        html`<dvc-status-lookup api=${faultyApi(`${fault}.post`)}></dvc-status-lookup>`,
      );
      await until(() => $(element, '#code'), `${fault}: the lookup form did not appear`);
      type(element, '#code', PROCESSING.code);
      type(element, '#secret', PROCESSING.secret);
      $<HTMLButtonElement>(element, '[part="submit-button"]')!.click();
      await until(() => $(element, '[part="error"]'), `${fault}: no error shown`);
      await settled(element);
      expectClearError(element, fault);
      expect($<HTMLInputElement>(element, '#code')!.value).to.equal(PROCESSING.code);
      expect($<HTMLInputElement>(element, '#secret')!.value).to.equal(PROCESSING.secret);
      await expect(element).to.be.accessible();
      // The backend recovers (the page's api now points at the healthy one): the same button finds the dossier.
      element.api = servers.api;
      $<HTMLButtonElement>(element, '[part="retry-button"]')!.click();
      await until(() => $(element, '#result-heading'), `${fault}: the retry did not find the dossier`);
    });
  }
});

describe('faults: <dvc-dossier-form>', () => {
  for (const fault of FAULTS) {
    // JSON of the wrong shape reads as a broken form definition: a message (and the console for the
    // webmaster) but no retry, which could not help; the other faults are passing troubles.
    const retry = fault !== 'wrong-shape';
    it(`${fault} on the form's definition: a clear message${retry ? ' and a retry that loads the form' : ', no retry'}`, async () => {
      const element = await fixture<DvcDossierForm>(
        html`<dvc-dossier-form api=${faultyApi(fault)} procedure="1.001193" no-history></dvc-dossier-form>`,
      );
      await until(() => $(element, '[part="error"]'), `${fault}: no error shown`);
      await settled(element);
      expectClearError(element, fault, retry);
      await expect(element).to.be.accessible();
      if (!retry) return;
      element.api = servers.api;
      $<HTMLButtonElement>(element, '[part="retry-button"]')!.click();
      await until(
        () => $(element, '[part="progress"]') || $(element, '[part="next-button"]'),
        `${fault}: the retry did not load the form`,
      );
    });
  }
});
