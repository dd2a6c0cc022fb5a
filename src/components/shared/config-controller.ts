/**
 * Works out, for one widget, which backend, agency and language it uses:
 * its own attributes first, then the nearest `<dvc-provider>` ancestor, then
 * (for language) the nearest ancestor with `lang`, then Vietnamese.
 *
 * It reads attributes rather than using @lit/context because the CDN build
 * upgrades each element lazily and in any order: a widget may be ready long
 * before its provider is defined, and attributes are there from the start.
 * A MutationObserver re-renders the widget when the provider or the page
 * language changes (a site's language switcher sets `<html lang>`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetAdapter } from '../../api/adapter.js';
import { BackendError, logOnce } from '../../api/errors.js';
import { DEFAULT_TIMEOUT_MS, RestAdapter } from '../../api/rest-adapter.js';
import { normalizeLang, type Lang } from '../../i18n/lang.js';

export interface ConfigurableHost<A extends WidgetAdapter> extends ReactiveControllerHost, HTMLElement {
  api?: string | undefined;
  agency?: string | undefined;
  timeout?: number | undefined;
  adapter?: A | undefined;
}

/** `Element.closest` that climbs out of shadow roots, so a widget inside another component still finds its provider. */
export function closestAcross(start: Element, selector: string): Element | null {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** A provider's adapter serves the widgets inside it (see provider.ts): the widget takes it as its own. */
type ProviderElement<A> = Element & { adapter?: A };

/** `A`: what the widget calls (adapter.ts), which the REST client serves for every widget. */
export class ConfigController<A extends WidgetAdapter> implements ReactiveController {
  private observer?: MutationObserver;
  private provider: ProviderElement<A> | null = null;
  private cached?: { key: string; adapter: A | undefined; value: A | BackendError };

  constructor(private readonly host: ConfigurableHost<A>) {
    host.addController(this);
  }

  hostConnected(): void {
    this.provider = closestAcross(this.host, 'dvc-provider');
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    const watched = new Set([this.host, this.provider, closestAcross(this.host, '[lang]')]);
    for (const element of watched) {
      if (element)
        this.observer.observe(element, { attributes: true, attributeFilter: ['lang', 'api', 'agency', 'timeout'] });
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  get lang(): Lang {
    return normalizeLang(closestAcross(this.host, '[lang]')?.getAttribute('lang'));
  }

  get agency(): string | undefined {
    return (this.host.agency || this.provider?.getAttribute('agency') || undefined)?.trim();
  }

  /** The adapter to talk to the backend (the one set, or the REST client for `api`), or the configuration error to show the webmaster. */
  get adapter(): A | BackendError {
    const adapter = this.host.adapter ?? this.provider?.adapter;
    // An empty `api=""` on the element (a CMS template's default) defers to the provider, as `agency` does.
    const api = this.host.api || this.provider?.getAttribute('api') || '';
    const seconds = this.host.timeout ?? Number(this.provider?.getAttribute('timeout') ?? NaN);
    const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
    const key = `${api}|${timeoutMs}`;
    if (this.cached?.key !== key || this.cached.adapter !== adapter) {
      this.cached = { key, adapter, value: this.create(adapter, api, timeoutMs) };
    }
    return this.cached.value;
  }

  private create(adapter: A | undefined, api: string, timeoutMs: number): A | BackendError {
    if (adapter) return adapter;
    try {
      // The REST client implements every widget's adapter (BackendAdapter), so it is this widget's too.
      return new RestAdapter(api, timeoutMs) as WidgetAdapter as A;
    } catch (error) {
      if (!(error instanceof BackendError)) throw error;
      // Said once per configuration, in the console, for the webmaster.
      logOnce(`<${this.host.localName}>`, error);
      return error;
    }
  }
}
