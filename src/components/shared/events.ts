/**
 * Every public event of the widgets, by name, with its `detail`: the one
 * place a page author (or TypeScript, through `HTMLElementEventMap`) learns
 * what each event carries. Widgets send them with `DvcElement.emit`, which
 * takes only these names with their own detail type, so a misspelt name or
 * a detail of the wrong shape fails the type check instead of reaching a
 * page that waits for it. All bubble and cross shadow roots (composed).
 */
import type { DossierStatus, ProcedureDetail } from '../../api/contract/index.js';
import type { FinishedUpload } from '../attachment-upload/file-upload.js';

/** `detail` of `dvc-lookup-result`: the dossier found and its status. */
export interface LookupResultDetail {
  code: string;
  status: DossierStatus;
}

/** `detail` of `dvc-step-change`. */
export interface StepChangeDetail {
  step: 'applicant' | 'form' | 'documents' | 'review' | 'done';
  index: number;
}

export interface DvcEventMap {
  /** Search results arrived. */
  'dvc-search-results': { query: string; total: number; shown: number };
  /** The citizen chose "Nộp hồ sơ trực tuyến" (cancelable), for one of the procedure's cases or for the procedure. */
  'dvc-procedure-select': { procedure: ProcedureDetail; case?: string };
  /** A file finished uploading. */
  'dvc-upload-complete': FinishedUpload;
  /** A file was refused or failed. */
  'dvc-upload-error': { name: string; message: string };
  /** A lookup (or a refresh) found the dossier. */
  'dvc-lookup-result': LookupResultDetail;
  /** The dossier form's step changed. */
  'dvc-step-change': StepChangeDetail;
  /** The dossier was filed. */
  'dvc-dossier-submitted': { code: string; appointmentAt: string | null };
}

export type DvcEventName = keyof DvcEventMap;

/** The event a page receives for `name`. */
export type DvcEvent<K extends DvcEventName> = CustomEvent<DvcEventMap[K]>;
