/** Registers `<dvc-provider>`. */
import { DvcProvider } from './components/provider/provider.js';
import { define } from './define.js';

define('dvc-provider', DvcProvider);

export { DvcProvider };

declare global {
  interface HTMLElementTagNameMap {
    'dvc-provider': DvcProvider;
  }
}
