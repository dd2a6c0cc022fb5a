/** Registers `<dvc-procedure-search>`. */
import { DvcProcedureSearch } from './components/procedure-search/procedure-search.js';
import { define } from './define.js';

define('dvc-procedure-search', DvcProcedureSearch);

export { DvcProcedureSearch };

declare global {
  interface HTMLElementTagNameMap {
    'dvc-procedure-search': DvcProcedureSearch;
  }
  interface HTMLElementEventMap {
    'dvc-procedure-select': CustomEvent<{ procedure: import('./api/contract/catalogue.js').ProcedureDetail }>;
    'dvc-search-results': CustomEvent<{ query: string; total: number; shown: number }>;
  }
}
