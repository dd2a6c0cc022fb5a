/** Registers `<dvc-procedure-search>`. */
import { DvcProcedureSearch } from './components/procedure-search/procedure-search.js';
import type { DvcEvent } from './components/shared/events.js';
import { define } from './define.js';

define('dvc-procedure-search', DvcProcedureSearch);

export { DvcProcedureSearch };

declare global {
  interface HTMLElementTagNameMap {
    'dvc-procedure-search': DvcProcedureSearch;
  }
  interface HTMLElementEventMap {
    'dvc-procedure-select': DvcEvent<'dvc-procedure-select'>;
    'dvc-search-results': DvcEvent<'dvc-search-results'>;
  }
}
