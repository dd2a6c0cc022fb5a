/**
 * Chromium for the journeys, and the helpers installed in every page that
 * read it as a citizen sees it (visible text through shadow roots, where
 * focus is).
 */
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's Chromium (or CHROME_PATH), headless, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    protocolTimeout: 120_000,
  });
}

export async function closeBrowser(browser: Browser): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>(
    (done) =>
      (timer = setTimeout(() => {
        browser.process()?.kill('SIGKILL');
        done();
      }, 5000)),
  );
  await Promise.race([browser.close().catch(() => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * Installed in every page before its scripts: reading the page as a citizen
 * sees it. A string, not a function: tsx would wrap named inner functions
 * in `__name()`, which does not exist in the page.
 *
 * Selectors are puppeteer's: `a >>> b` finds `b` anywhere inside the shadow
 * roots under `a`.
 */
export const PAGE_HELPERS = `(() => {
  const deepFind = (root, selector) => {
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const element of root.querySelectorAll('*')) {
      if (!element.shadowRoot) continue;
      const inner = deepFind(element.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const find = (path) => {
    let node = document;
    for (const part of path.split('>>>').map((piece) => piece.trim())) {
      const root = node === document ? document : node.shadowRoot;
      if (!root) return null;
      node = deepFind(root, part);
      if (!node) return null;
    }
    return node;
  };
  const visibleText = (node) => {
    const out = [];
    const walk = (current) => {
      if (current.nodeType === 3) {
        const parent = current.parentElement;
        if (parent && parent.checkVisibility({ visibilityProperty: true })) out.push(current.data);
        return;
      }
      if (current.nodeType === 1) {
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(current.tagName)) return;
        // A closed list shows only its chosen option.
        if (current.tagName === 'SELECT') {
          if (current.checkVisibility()) out.push(' ', current.selectedOptions[0] ? current.selectedOptions[0].textContent : '', ' ');
          return;
        }
        if (current.shadowRoot) walk(current.shadowRoot);
        if (['INPUT', 'SELECT', 'TEXTAREA', 'BR', 'P', 'LI', 'DT', 'DD', 'H1', 'H2', 'H3', 'DIV'].includes(current.tagName)) out.push(' ');
      }
      for (const child of current.childNodes) walk(child);
      if (current.nodeType === 1) out.push(' ');
    };
    walk(node);
    return out.join('').replace(/\\s+/g, ' ').trim();
  };
  const active = () => {
    let element = document.activeElement;
    const hosts = [];
    while (element && element.shadowRoot && element.shadowRoot.activeElement) {
      hosts.push(element.localName);
      element = element.shadowRoot.activeElement;
    }
    if (!element || element === document.body) return { path: '(nothing: the page)', id: '', tag: '', text: '' };
    const name = element.getAttribute('aria-label') || (element.labels && element.labels[0] ? element.labels[0].textContent : '') || element.textContent || '';
    return {
      path: [...hosts, element.localName + (element.id ? '#' + element.id : '') + (element.getAttribute('part') ? '[part=' + element.getAttribute('part') + ']' : '')].join(' >>> '),
      id: element.id, tag: element.localName, part: element.getAttribute('part') || '', type: element.type || '',
      text: name.replace(/\\s+/g, ' ').trim().slice(0, 120),
      hosts,
    };
  };
  const searches = [];
  document.addEventListener('dvc-search-results', (event) => searches.push(event.detail.query));
  window.__journey = {
    /** Queries the search widget has shown results for, in order. */
    searches,
    /** Whether the page fits the window's width (nothing to scroll sideways). */
    fits: () => document.documentElement.scrollWidth <= window.innerWidth,
    find,
    exists: (path) => Boolean(find(path)),
    text: (path) => { const node = find(path); return node ? visibleText(node) : ''; },
    value: (path) => { const node = find(path); return node ? node.value : undefined; },
    active,
  };
})();`;
