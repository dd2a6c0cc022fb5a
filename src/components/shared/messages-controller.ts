/**
 * A widget's messages in its language, for every widget the same way: the
 * language comes from the widget's configuration (its `lang`, its provider's,
 * the page's), Vietnamese is there at once, and English, loaded on first use,
 * re-renders the widget when it arrives. A change of `lang` re-renders it
 * already (the configuration watches the attributes), and the next render
 * reads the messages of the new language here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog, Messages } from '../../i18n/catalog.js';
import type { Lang } from '../../i18n/lang.js';

export class MessagesController<Own> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly catalog: Catalog<Own>,
    private readonly lang: () => Lang,
  ) {
    host.addController(this);
  }

  /** Starts loading English as soon as an English widget is on the page, before its first render. */
  hostConnected(): void {
    void this.current;
  }

  /** The messages in the widget's language; undefined for the moment English takes to load. */
  get current(): Messages<Own> | undefined {
    return this.catalog.get(this.lang(), () => this.host.requestUpdate());
  }
}
