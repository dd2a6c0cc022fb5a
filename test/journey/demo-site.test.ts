/**
 * The demo site is what webmasters copy, so its own parts must be right:
 * every page loads without a failed request (a missing favicon was a 404 on
 * every page), describes itself to search engines, has navigation links a
 * thumb can hit (WCAG 2.2 target size: 24 × 24 px at least; they were 17 px
 * tall) and passes axe with the widgets in it. The configurator builds the
 * snippet of each of the three pages, linked to each other, and gives the
 * colour as stylesheet rules: a `style=""` attribute is blocked by the strict
 * CSP the README recommends, and the widget stayed blue.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { useBackendAndBrowser } from './support.js';

// Evaluated through the DevTools protocol: the pages' CSP (no inline script) stays on.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const used = useBackendAndBrowser();

/** Opens `path` at phone size and collects every request that failed or answered 4xx/5xx. */
async function openPage(path: string): Promise<{ page: Page; failures: string[] }> {
  const page = await used.browser.newPage();
  await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()} failed`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} answered ${response.status()}`);
  });
  await page.goto(`${used.backend.url}${path}`, { waitUntil: 'networkidle0' });
  return { page, failures };
}

/** axe's violations of WCAG 2.2 A/AA and its best practices, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const PAGES = ['/', '/nop-ho-so.html?procedure=2.000635', '/tra-cuu.html', '/cau-hinh.html'];

describe('every demo page', () => {
  for (const path of PAGES) {
    test(`${path} loads whole, describes itself, has tappable navigation and passes axe`, async () => {
      const { page, failures } = await openPage(path);
      try {
        assert.deepEqual(failures, [], 'no request fails (the favicon included)');
        const description = await page.$eval('meta[name="description"]', (meta) => meta.getAttribute('content'));
        assert.ok(description && description.length >= 50, `a meta description: "${description}"`);
        const icon = await page.$eval('link[rel="icon"]', (link) => (link as HTMLLinkElement).href);
        assert.equal((await fetch(icon)).status, 200, 'the favicon is served');
        const smallLinks = await page.$$eval('nav a', (links) =>
          links
            .map((link) => ({ text: link.textContent, box: link.getBoundingClientRect() }))
            .filter(({ box }) => box.height < 24 || box.width < 24)
            .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
        );
        assert.deepEqual(smallLinks, [], 'navigation links are at least 24 × 24 px');
        assert.deepEqual(await axeViolations(page), []);
      } finally {
        await page.close();
      }
    });
  }
});

describe('the configurator', () => {
  let page: Page;
  before(async () => {
    ({ page } = await openPage('/cau-hinh.html'));
  });
  after(() => page.close());

  const snippet = () => page.$eval('#snippet', (area) => (area as HTMLTextAreaElement).value);
  const stylesheet = () => page.$eval('#stylesheet', (area) => (area as HTMLTextAreaElement).value);
  const choosePage = (tag: string) => page.select('#widget', tag);

  test('builds each page’s snippet, linked to the addresses of the other two', async () => {
    await choosePage('dvc-procedure-search');
    assert.match(await snippet(), /<dvc-procedure-search api="http:\/\/[^"]+\/api\/v1" form-url="\/nop-ho-so\.html">/);

    await choosePage('dvc-dossier-form');
    assert.match(await snippet(), /<dvc-dossier-form [^>]*lookup-url="\/tra-cuu\.html" procedure-url="\/"/);
    assert.equal(await page.$eval('#draft-hours', (input) => input.checkVisibility()), true);
    assert.equal(await page.$eval('#page-size', (input) => input.checkVisibility()), false);

    await choosePage('dvc-status-lookup');
    assert.match(await snippet(), /<dvc-status-lookup api="http:\/\/[^"]+\/api\/v1"><\/dvc-status-lookup>/);
    assert.equal(await page.$eval('#preview dvc-status-lookup', (element) => element.isConnected), true);
  });

  test('a page address typed once is used by the widgets that link to it', async () => {
    await page.$eval('#lookup-page', (input) => {
      (input as HTMLInputElement).value = '/dich-vu-cong/tra-cuu-ho-so';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await choosePage('dvc-dossier-form');
    assert.match(await snippet(), /lookup-url="\/dich-vu-cong\/tra-cuu-ho-so"/);
  });

  test('gives the colour as stylesheet rules, never as an inline style the CSP would block', async () => {
    await choosePage('dvc-procedure-search');
    await page.$eval('#primary', (input) => {
      (input as HTMLInputElement).value = '#aa0000';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.doesNotMatch(await snippet(), /style=/);
    assert.match(await stylesheet(), /dvc-procedure-search \{\s*--dvc-color-primary: #aa0000;\s*\}/);
    assert.match(await stylesheet(), /min-height: 40rem/, 'the search’s reserved room comes with it');
    const previewColour = await page.$eval('#preview dvc-procedure-search', (element) =>
      getComputedStyle(element).getPropertyValue('--dvc-color-primary').trim(),
    );
    assert.equal(previewColour, '#aa0000', 'the preview shows the colour');
  });
});
