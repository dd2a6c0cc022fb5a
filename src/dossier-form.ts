/** Registers `<dvc-dossier-form>` (and `<dvc-attachment-upload>`, which it uses for the documents). */
import { DvcDossierForm } from './components/dossier-form/dossier-form.js';
import { define } from './define.js';
import './attachment-upload.js';

define('dvc-dossier-form', DvcDossierForm);

export { DvcDossierForm };

declare global {
  interface HTMLElementTagNameMap {
    'dvc-dossier-form': DvcDossierForm;
  }
  interface HTMLElementEventMap {
    'dvc-step-change': CustomEvent<{ step: 'applicant' | 'form' | 'documents' | 'review' | 'done'; index: number }>;
    'dvc-dossier-submitted': CustomEvent<{ code: string; appointmentAt: string | null }>;
  }
}
