/**
 * The base of every dvc widget: the configuration attributes they all take,
 * the shared styles, the live region, moving focus after a render, and
 * turning failures into the errors the widgets show, and sending the
 * public events (`emit`, typed by `DvcEventMap`).
 */
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { WidgetAdapter } from '../../api/adapter.js';
import { BackendError, isAbort, logOnce } from '../../api/errors.js';
import { sharedStyles } from '../../styles/shared.js';
import { ConfigController } from './config-controller.js';
import type { DvcEvent, DvcEventMap, DvcEventName } from './events.js';

/**
 * The theme: custom properties a site sets on the widgets (or on any
 * ancestor) to match its look; every widget takes all of them, so the
 * manifest lists them under each element. `A`: the adapter interface of the
 * widget (adapter.ts), with just what it calls.
 *
 * @cssprop --dvc-color-primary - Buttons, links, progress and accents (default #0b5cad).
 * @cssprop --dvc-color-on-primary - Text on primary buttons (default #fff).
 * @cssprop --dvc-color-text - Body text (default #1b1b1b).
 * @cssprop --dvc-color-text-muted - Hints, help and secondary text (default #4b5563).
 * @cssprop --dvc-color-background - Background (default #fff).
 * @cssprop --dvc-color-surface - Notices and result cards (default #f3f5f8).
 * @cssprop --dvc-color-border - Field and card borders (default #6b7280).
 * @cssprop --dvc-color-error - Errors, refused files and "late" (default #b3261e).
 * @cssprop --dvc-color-success - Finished uploads and "on time" (default #1e6b34).
 * @cssprop --dvc-color-focus - Focus outline (default #b35c00).
 * @cssprop --dvc-radius - Corner radius (default 0.25em).
 * @cssprop --dvc-space - Base spacing (default 1em).
 * @cssprop --dvc-font-family - Font (default: the page's).
 * @cssprop --dvc-font-size - Base text size (default: the larger of 1rem and 16px).
 * @cssprop --dvc-scroll-margin-top - Room kept above what a widget focuses or scrolls to, for a fixed header (default 6em).
 */
export abstract class DvcElement<A extends WidgetAdapter = WidgetAdapter> extends LitElement {
  static override styles = [sharedStyles];

  /** Backend base URL, e.g. `https://dichvucong.example.gov.vn/api/v1`. Falls back to the nearest `<dvc-provider>`. */
  @property() api?: string;

  /** Agency code(s), comma-separated, e.g. `000.00.01.H99`. Falls back to the nearest `<dvc-provider>`. */
  @property() agency?: string;

  /** Seconds to wait for the backend before giving up (default 10). */
  @property({ type: Number }) timeout?: number;

  /** A custom backend adapter (JavaScript property only); overrides `api`. */
  @property({ attribute: false }) adapter?: A;

  protected readonly config = new ConfigController<A>(this);

  /** Text of the polite live region (result counts, upload progress). */
  @state() private announcement = '';
  private pendingSpeech: string[] = [];

  /**
   * Says `text` to screen readers, wherever focus is. Messages of the same
   * moment (two files finishing together) are joined, because a screen
   * reader would read only the last; clearing the region first makes it
   * repeat a sentence it read before.
   */
  protected announce(text: string | undefined): void {
    if (!text) return;
    const joining = this.pendingSpeech.length > 0;
    this.pendingSpeech.push(text);
    if (joining) return;
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = this.pendingSpeech.join(' ');
      this.pendingSpeech = [];
    });
  }

  /** The live region `announce` writes to; every widget renders it once, from its first render on. */
  protected liveRegion() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  /**
   * Where focus goes once a pending change is painted, tried after every
   * render until it succeeds (a result that is still loading, then its
   * heading). Moving focus to where the new content starts is what tells a
   * screen reader user that it came, and lets them read on from there.
   */
  protected focusWhenReady?: () => boolean;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusWhenReady?.()) this.focusWhenReady = undefined;
  }

  /** Focuses the first element matching `selector` in the shadow root, if there is one; says whether it did. */
  protected focusIn(selector: string, options?: FocusOptions): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus(options);
    return Boolean(target);
  }

  /** Focuses `selector` as soon as it is rendered. */
  protected focusSoon(selector: string): void {
    this.focusWhenReady = () => this.focusIn(selector);
  }

  /**
   * Sends one of the widgets' public events (bubbles, composed); says whether
   * no listener cancelled it. Public, as Shoelace's, so a controller can send
   * its host's events.
   * @internal
   */
  emit<K extends DvcEventName>(name: K, detail: DvcEventMap[K], cancelable = false): boolean {
    const event: DvcEvent<K> = new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail });
    return this.dispatchEvent(event);
  }

  /** The adapter, or the configuration problem (no or a wrong `api`) thrown as the error the caller reports. */
  protected adapterOrThrow(): A {
    const adapter = this.config.adapter;
    if (adapter instanceof BackendError) throw adapter;
    return adapter;
  }

  /** Turns anything a task threw into a BackendError (undefined for a cancelled request), logged once. */
  protected toBackendError(error: unknown): BackendError | undefined {
    if (isAbort(error)) return undefined;
    let backendError = error instanceof BackendError ? error : wrapped.get(error as object);
    if (!backendError) {
      // Something a custom adapter threw: wrapped once, so it is logged once, not at every render.
      backendError = new BackendError('invalid-response', String(error), { cause: error });
      if (typeof error === 'object' && error !== null) wrapped.set(error, backendError);
    }
    logOnce(`<${this.localName}>`, backendError);
    return backendError;
  }
}

const wrapped = new WeakMap<object, BackendError>();
