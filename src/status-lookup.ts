/** Registers `<dvc-status-lookup>`. */
import type { DvcEvent, LookupResultDetail } from './components/shared/events.js';
import { DvcStatusLookup } from './components/status-lookup/status-lookup.js';
import { define } from './define.js';

define('dvc-status-lookup', DvcStatusLookup);

export { DvcStatusLookup, type LookupResultDetail };

declare global {
  interface HTMLElementTagNameMap {
    'dvc-status-lookup': DvcStatusLookup;
  }
  interface HTMLElementEventMap {
    'dvc-lookup-result': DvcEvent<'dvc-lookup-result'>;
  }
}
