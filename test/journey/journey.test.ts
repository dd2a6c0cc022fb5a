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
 * Three runs here: the mouse on a desktop, the keyboard alone, a phone with
 * touch; the slow 3G run that drops the connection is in journey-3g.test.ts.
 * Every assertion reads what the citizen sees; a failure names the run and
 * the step, and leaves a screenshot.
 */
import { describe, test } from 'node:test';
import { run, useJourneyBench } from './journey-citizen.js';

useJourneyBench();

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
});
