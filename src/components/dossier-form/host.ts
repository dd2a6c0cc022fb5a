/**
 * What `<dvc-dossier-form>` gives its controller: its properties and its
 * events, and what its base class knows (the configured backend, the
 * messages in the page's language, focus after a render, failures logged
 * once). Written down here so the controller can be read, and tested, alone.
 */
import type { ReactiveControllerHost } from 'lit';
import type { FormAdapter } from '../../api/adapter.js';
import type { BackendError } from '../../api/errors.js';
import type { Messages } from '../../i18n/catalog.js';
import type { DvcElement } from '../shared/dvc-element.js';
import type { FormMessages } from './messages.js';

/** The element, as the controller sees it. */
export interface DossierHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  procedure?: string | undefined;
  /** The procedure's case, where the page already knows it (`case` attribute). */
  case?: string | undefined;
  draftHours: number;
  noHistory: boolean;
  emit: DvcElement['emit'];
}

/** What the element lends the controller of its base class. */
export interface HostServices {
  /** The backend, or the configuration problem thrown. */
  adapter(): FormAdapter;
  /** The configured backend (or its problem), compared between updates. */
  configured(): unknown;
  messages(): Messages<FormMessages> | undefined;
  focusSoon(selector: string): void;
  /** A failure as the error to show, logged once. */
  report(error: unknown): BackendError | undefined;
}
