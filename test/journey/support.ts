/**
 * What the journey tests need around the browser: the reference backend
 * serving the demo site and the CDN build (as `npm start` does, on an
 * in-memory PGlite, uploads in a temporary folder, officer actions on), a
 * "mobile network" in front of it that can lose one answer, real
 * PDFs, Chromium, and a `Journey`: one page driven by the mouse, the
 * keyboard alone or touch, whose steps fail with the step's name, what the
 * page showed and a screenshot.
 *
 * Everything the tests assert is read from the page as a citizen sees it:
 * the visible text of the widgets' shadow roots (nested ones included) and
 * where keyboard focus is.
 */
export * from './support-files.js';
export * from './support-backend.js';
export * from './support-browser.js';
export * from './support-journey.js';

import { after, before } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { type JourneyBackend, startJourneyBackend } from './support-backend.js';
import { closeBrowser, launchBrowser } from './support-browser.js';

/**
 * The reference backend and Chromium for one test file: started before its
 * tests, closed after them. Its fields are set once `before` has run, so a
 * test reads them when it runs, not when it is declared.
 */
export function useBackendAndBrowser(): { backend: JourneyBackend; browser: Browser } {
  const used = {} as { backend: JourneyBackend; browser: Browser };
  before(async () => {
    used.backend = await startJourneyBackend();
    used.browser = await launchBrowser();
  });
  after(async () => {
    if (used.browser) await closeBrowser(used.browser);
    await used.backend?.close();
  });
  return used;
}
