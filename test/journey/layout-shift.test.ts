/**
 * Nothing moves under a citizen's finger while the widgets load: the demo
 * home page, on a phone, shifts by at most 0.1 (the budget of issue 14;
 * `npm run bench` reports the form and lookup pages beside it). The site's
 * CSS reserves the search's room before it upgrades (demo/site/site.css,
 * the README's host CSS), and the widget keeps its filters in place while
 * their lists load.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAYOUT_SHIFT_BUDGET, pageLayoutShift } from '../bench/layout-shift.js';
import { useBackendAndBrowser } from './support.js';

const used = useBackendAndBrowser();

test(`the home page shifts by at most ${LAYOUT_SHIFT_BUDGET} on a phone while the search loads`, async () => {
  const shift = await pageLayoutShift(used.browser, `${used.backend.url}/`);
  assert.ok(shift <= LAYOUT_SHIFT_BUDGET, `layout shift ${shift.toFixed(3)}`);
});
