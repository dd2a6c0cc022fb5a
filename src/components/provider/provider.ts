import type { WidgetAdapter } from '../../api/adapter.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync(':host { display: contents; }');

/** A shadow root that only shows the children; `display: contents` keeps the provider out of the page's layout. */
function contentsOnly(host: HTMLElement): void {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet];
  root.append(document.createElement('slot'));
}

/**
 * Supplies configuration to every dvc widget inside it, so a page with
 * several widgets states the backend once. Widgets read these attributes
 * directly (see `config-controller.ts`), so they work even before this
 * element's code has loaded; it is a plain custom element, without Lit,
 * because it renders nothing but its children.
 *
 * @summary Shared configuration for the dvc widgets inside it.
 * @tag dvc-provider
 * @slot - The widgets (and any other content).
 * @attr api - Backend base URL, e.g. `https://dichvucong.example.gov.vn/api/v1`.
 * @attr agency - Agency code(s), comma-separated.
 * @attr lang - Language of the widgets inside: `vi` (default) or `en`.
 * @attr timeout - Seconds to wait for the backend (default 10).
 */
export class DvcProvider extends HTMLElement {
  /** A custom backend adapter for the widgets inside, serving each what it calls (JavaScript property only). */
  adapter?: WidgetAdapter;

  constructor() {
    super();
    contentsOnly(this);
  }
}
