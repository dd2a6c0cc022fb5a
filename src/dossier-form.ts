/** Registers `<dvc-dossier-form>` (and `<dvc-attachment-upload>`, which it uses for the documents). */
import { DvcDossierForm } from './components/dossier-form/dossier-form.js';
import type { DvcEvent } from './components/shared/events.js';
import { define } from './define.js';
import './attachment-upload.js';

define('dvc-dossier-form', DvcDossierForm);

export { DvcDossierForm };

declare global {
  interface HTMLElementTagNameMap {
    'dvc-dossier-form': DvcDossierForm;
  }
  interface HTMLElementEventMap {
    'dvc-step-change': DvcEvent<'dvc-step-change'>;
    'dvc-dossier-submitted': DvcEvent<'dvc-dossier-submitted'>;
  }
}
