/**
 * Layout shift as the demo site's pages load on a phone: how far what a
 * citizen sees moves while the widgets upgrade and fill in (a shift under a
 * finger turns a tap into a wrong tap). Budget: at most 0.1 on the home page
 * (the "good" line of Core Web Vitals); the form and lookup pages are
 * reported beside it.
 *
 * Measured in Chromium at 412×823 CSS pixels with the CPU slowed four times
 * (Lighthouse's mobile settings), by the browser's own `layout-shift`
 * entries, from navigation until the network has been quiet for 1.5 s.
 * The figure is the sum of every shift without recent input, which is never
 * less than the CLS that Lighthouse reports (its largest session window).
 *
 *   npx tsx test/bench/layout-shift.ts      (after npm run build)
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { closeBrowser, launchBrowser, startJourneyBackend } from '../journey/support.js';
import { formatFigure, type Figure } from './size.js';

export const LAYOUT_SHIFT_BUDGET = 0.1;

/** The pages measured: the home page carries the budget. */
const PAGES = [
  { label: 'Layout shift, home page with the search (phone)', path: '/', budget: LAYOUT_SHIFT_BUDGET },
  { label: 'Layout shift, dossier form page (phone)', path: '/nop-ho-so.html?procedure=2.000635' },
  { label: 'Layout shift, lookup page (phone)', path: '/tra-cuu.html' },
];

declare global {
  interface Window {
    __layoutShift: number;
  }
}

/** The summed layout shift of one page load at phone size. */
export async function pageLayoutShift(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluateOnNewDocument(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) window.__layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url, { waitUntil: 'networkidle0' });
    await new Promise((settled) => setTimeout(settled, 1500));
    return await page.evaluate(() => window.__layoutShift);
  } finally {
    await page.close();
  }
}

export async function measureLayoutShift(): Promise<Figure[]> {
  console.log('\n== Layout shift while the widgets load (phone) ==');
  const backend = await startJourneyBackend();
  const browser = await launchBrowser();
  try {
    const figures: Figure[] = [];
    for (const { label, path, budget } of PAGES) {
      const value = await pageLayoutShift(browser, `${backend.url}${path}`);
      const figure: Figure = {
        label,
        value: Number(value.toFixed(3)),
        unit: 'ratio',
        ...(budget !== undefined && { budget }),
      };
      console.log(formatFigure(figure));
      figures.push(figure);
    }
    return figures;
  } finally {
    await closeBrowser(browser);
    await backend.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await measureLayoutShift();
