/**
 * A `Journey`: one citizen's page driven by the mouse, the keyboard alone or
 * touch, whose steps fail with the step's name, what the page showed and a
 * screenshot. Everything it asserts is read from the page as a citizen sees it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { PAGE_HELPERS } from './support-browser.js';

export type Mode = 'mouse' | 'keyboard' | 'touch';

/** Where focus is: the chain of shadow hosts, then the element (`dvc-dossier-form >>> h2#step-heading`). */
export interface Focus {
  path: string;
  id: string;
  tag: string;
  part?: string;
  type?: string;
  text: string;
  hosts?: string[];
}

const js = (value: unknown): string => JSON.stringify(value);

/**
 * One citizen's page in a browser context of its own, driven in one `mode`:
 * the mouse clicks, touch taps, the keyboard only Tabs, types, and presses
 * Enter, Space and arrow keys. Choices are made by their visible labels.
 */
export class Journey {
  /** One line per finished step: its name and how long it took. */
  readonly timings: string[] = [];
  private stepNumber = 0;
  private readonly recentFocus: string[] = [];

  constructor(
    readonly page: Page,
    readonly run: string,
    readonly mode: Mode,
    /** Longest wait for any one thing the citizen waits for. */
    readonly timeout = 20_000,
  ) {}

  static async open(
    browser: Browser,
    run: string,
    mode: Mode,
    options: { timeout?: number; viewport?: Parameters<Page['setViewport']>[0] } = {},
  ): Promise<Journey> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(options.viewport ?? { width: 1280, height: 800 });
    await page.evaluateOnNewDocument(PAGE_HELPERS);
    page.setDefaultTimeout(options.timeout ?? 20_000);
    const journey = new Journey(page, run, mode, options.timeout);
    page.on('pageerror', (error) => journey.pageErrors.push(String(error)));
    return journey;
  }

  readonly pageErrors: string[] = [];

  async close(): Promise<void> {
    await this.page
      .browserContext()
      .close()
      .catch(() => undefined);
  }

  /** Runs one step of the journey; a failure names the step and shows what the page showed. */
  async step<T>(name: string, body: () => Promise<T>): Promise<T> {
    const number = (this.stepNumber += 1);
    const started = performance.now();
    this.recentFocus.length = 0;
    try {
      const result = await body();
      this.timings.push(
        `${String(number).padStart(2)}. ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const shot = join(tmpdir(), `dvc-journey-${this.run.replace(/\W+/g, '-')}-step-${number}.png`);
      const seen = (await this.page
        .evaluate(
          `[location.pathname + location.search, ['dvc-procedure-search', 'dvc-dossier-form', 'dvc-status-lookup'].map((tag) => window.__journey && window.__journey.exists(tag) ? tag + ': ' + window.__journey.text(tag).slice(0, 700) : '').filter(Boolean).join('\\n    '), window.__journey ? window.__journey.active().path : '']`,
        )
        .catch(() => ['?', '(the page could not be read)', '?'])) as [string, string, string];
      const saved = await this.page.screenshot({ path: shot as `${string}.png`, fullPage: true }).then(
        () => shot,
        () => '(none)',
      );
      throw new Error(
        `[${this.run}] step ${number} "${name}" failed: ${message}\n  page: ${seen[0]}\n  focus: ${seen[2]}` +
          `${this.recentFocus.length ? ` (before: ${this.recentFocus.slice(-6).join(' | ')})` : ''}\n  shows:\n    ${seen[1]}` +
          `${this.pageErrors.length ? `\n  page errors: ${this.pageErrors.join('; ')}` : ''}\n  screenshot: ${saved}`,
        { cause: error },
      );
    }
  }

  // ---- Reading the page ----

  /** Waits until `expression` (in the page, with `__journey` at hand) is truthy. */
  async until(expression: string, what: string, timeout = this.timeout): Promise<void> {
    await this.page.waitForFunction(expression, { timeout, polling: 50 }).catch((error: unknown) => {
      throw new Error(`waited ${timeout / 1000} s for ${what}`, { cause: error });
    });
  }

  /** The visible text of the element at `path` (nested shadow roots included), white space collapsed. */
  text(path: string): Promise<string> {
    return this.page.evaluate(`__journey.text(${js(path)})`) as Promise<string>;
  }

  exists(path: string): Promise<boolean> {
    return this.page.evaluate(`__journey.exists(${js(path)})`) as Promise<boolean>;
  }

  value(path: string): Promise<string | undefined> {
    return this.page.evaluate(`__journey.value(${js(path)})`) as Promise<string | undefined>;
  }

  /** Waits until the visible text at `path` includes every one of `parts`. */
  async untilText(path: string, parts: string | string[], timeout = this.timeout): Promise<string> {
    const wanted = Array.isArray(parts) ? parts : [parts];
    await this.until(
      `(() => { const t = __journey.text(${js(path)}); return ${js(wanted)}.every((part) => t.includes(part)); })()`,
      `${path} to show ${wanted.map((part) => `"${part}"`).join(', ')}`,
      timeout,
    ).catch(async (error: Error) => {
      const shown = await this.text(path).catch(() => '');
      const missing = wanted.filter((part) => !shown.includes(part));
      throw new Error(`${error.message}; missing ${missing.map((part) => `"${part}"`).join(', ')}`, { cause: error });
    });
    return this.text(path);
  }

  focus(): Promise<Focus> {
    return this.page.evaluate('__journey.active()') as Promise<Focus>;
  }

  /** Asserts (waiting for the render that moves it) that focus is on `path` (a deep selector), optionally with `text`. */
  async expectFocus(path: string, text?: string, what = path): Promise<void> {
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); if (!node) return false;
        let active = document.activeElement; while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
        return active === node && (${js(text ?? null)} === null || (node.textContent || '').replace(/\\s+/g, ' ').includes(${js(text ?? '')})); })()`,
      `focus on ${what}${text ? ` ("${text}")` : ''}`,
      10_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}, but focus is on ${(await this.focus()).path}`, { cause: error });
    });
  }

  /** An element by deep selector, waiting for it to be rendered. */
  async element(path: string): Promise<ElementHandle<Element>> {
    const handle = await this.page
      .waitForSelector(path, { visible: true, timeout: this.timeout })
      .catch((error: unknown) => {
        throw new Error(`${path} did not appear`, { cause: error });
      });
    if (!handle) throw new Error(`${path} did not appear`);
    return handle;
  }

  // ---- Acting, as the citizen does in this run's mode ----

  /**
   * Keyboard only: Tab (or Shift+Tab) until focus is on `path`, as a
   * keyboard user moves through the page, at most `max` presses.
   */
  async tabTo(path: string, { backward = false, max = 80 } = {}): Promise<void> {
    const isThere = `(() => { const node = __journey.find(${js(path)}); let active = document.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      return Boolean(node) && active === node; })()`;
    if (await this.page.evaluate(isThere)) return;
    for (let press = 0; press < max; press += 1) {
      if (backward) {
        await this.page.keyboard.down('Shift');
        await this.page.keyboard.press('Tab');
        await this.page.keyboard.up('Shift');
      } else {
        await this.page.keyboard.press('Tab');
      }
      if (await this.page.evaluate(isThere)) return;
      this.recentFocus.push((await this.focus()).path);
      if (this.recentFocus.length > 12) this.recentFocus.shift();
    }
    throw new Error(`${max} presses of ${backward ? 'Shift+' : ''}Tab did not reach ${path}`);
  }

  /** Presses a button or follows a link. */
  async activate(path: string): Promise<void> {
    if (this.mode === 'keyboard') {
      await this.tabTo(path);
      await this.page.keyboard.press('Enter');
      return;
    }
    const handle = await this.element(path);
    if (this.mode === 'touch') await handle.tap();
    else await handle.click();
  }

  /** Puts the cursor in a text box (clicked, tapped or tabbed to) and types `text`. */
  async type(path: string, text: string): Promise<void> {
    if (this.mode === 'keyboard') await this.tabTo(path);
    else await this.activate(path);
    await this.page.keyboard.type(text);
    const now = await this.value(path);
    if (now !== text) throw new Error(`typed "${text}" into ${path}, but it holds "${now}"`);
  }

  /** A date, typed day first ("27/03/2007") into its box, whatever the browser's locale. */
  async date(path: string, iso: string): Promise<void> {
    await this.type(path, iso.split('-').reverse().join('/'));
  }

  /**
   * Chooses the option labelled `label` of a radio group or check box list
   * whose inputs are `${group}-0`, `${group}-1`…: clicking or tapping its
   * label; with the keyboard, Tab into the group, then Space and arrow keys.
   */
  async choose(fieldPath: string, group: string, label: string): Promise<void> {
    const options = (await this.page
      .evaluate(`(() => { const box = __journey.find(${js(fieldPath)}); if (!box) return null;
      return [...box.querySelectorAll('.choice')].map((choice) => ({ id: choice.querySelector('input').id, label: choice.querySelector('label').textContent.trim(), checked: choice.querySelector('input').checked })); })()`)) as
      { id: string; label: string; checked: boolean }[] | null;
    if (!options) throw new Error(`no choices at ${fieldPath}`);
    const index = options.findIndex((option) => option.label === label);
    if (index < 0)
      throw new Error(
        `no choice "${label}" at ${fieldPath} (there are: ${options.map((option) => option.label).join(', ')})`,
      );
    const input = `${group} >>> #${options[index]!.id}`;
    if (this.mode !== 'keyboard') {
      await this.activate(`${group} >>> label[for="${options[index]!.id}"]`);
    } else {
      // Tab lands on the checked radio, or the first when none is.
      const checked = options.findIndex((option) => option.checked);
      const start = checked >= 0 ? checked : 0;
      await this.tabTo(`${group} >>> #${options[start]!.id}`);
      if (checked < 0) await this.page.keyboard.press('Space');
      for (let step = start; step !== index; step += index > start ? 1 : -1)
        await this.page.keyboard.press(index > start ? 'ArrowDown' : 'ArrowUp');
    }
    await this.until(
      `(() => { const node = __journey.find(${js(input)}); return node && node.checked; })()`,
      `"${label}" to be chosen`,
      5000,
    );
  }

  /** Ticks a check box (clicked, tapped, or Tab then Space). */
  async tick(path: string): Promise<void> {
    if (this.mode === 'keyboard') {
      await this.tabTo(path);
      await this.page.keyboard.press('Space');
    } else {
      await this.activate(path);
    }
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); return node && node.checked; })()`,
      `${path} to be ticked`,
      5000,
    );
  }

  /**
   * Chooses an option of a `<select>` by its visible text or its value;
   * returns the text. The keyboard moves with the arrow keys, as a closed
   * select does in Chromium; the mouse and touch open the list, then pick
   * the option as the browser's own popup (not part of the page) would.
   */
  async select(path: string, option: { label: string } | { value: string }): Promise<string> {
    const wanted =
      'label' in option ? `option.textContent.trim() === ${js(option.label)}` : `option.value === ${js(option.value)}`;
    const what = 'label' in option ? `"${option.label}"` : `the option with value ${option.value}`;
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); return node && !node.disabled && [...node.options].some((option) => ${wanted}); })()`,
      `${what} in ${path}`,
    );
    const [current, target, value, label] = (await this.page
      .evaluate(`(() => { const node = __journey.find(${js(path)}); const options = [...node.options];
      const target = options.findIndex((option) => ${wanted}); return [node.selectedIndex, target, options[target].value, options[target].textContent.trim()]; })()`)) as [
      number,
      number,
      string,
      string,
    ];
    if (this.mode === 'keyboard') {
      await this.tabTo(path);
      for (let index = current; index !== target; index += target > current ? 1 : -1)
        await this.page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
    } else {
      const handle = await this.element(path);
      if (this.mode === 'touch') await handle.tap();
      else await handle.click();
      await (handle as ElementHandle<HTMLSelectElement>).select(value);
    }
    await this.until(
      `(() => { const node = __journey.find(${js(path)}); return node && node.value === ${js(value)}; })()`,
      `${what} to be chosen in ${path}`,
      5000,
    );
    return label;
  }

  /** Chooses a file through the browser's file chooser, opened by the widget's "Chọn tệp" button. */
  async chooseFile(buttonPath: string, file: string): Promise<void> {
    const chooser = this.page.waitForFileChooser({ timeout: this.timeout });
    await this.activate(buttonPath);
    await (await chooser).accept([file]);
  }
}
