/** Registers `<dvc-attachment-upload>`. */
import { DvcAttachmentUpload } from './components/attachment-upload/attachment-upload.js';
import type { DvcEvent } from './components/shared/events.js';
import { define } from './define.js';

define('dvc-attachment-upload', DvcAttachmentUpload);

export { DvcAttachmentUpload };
export type { FinishedUpload } from './components/attachment-upload/file-upload.js';

declare global {
  interface HTMLElementTagNameMap {
    'dvc-attachment-upload': DvcAttachmentUpload;
  }
  interface HTMLElementEventMap {
    'dvc-upload-complete': DvcEvent<'dvc-upload-complete'>;
    'dvc-upload-error': DvcEvent<'dvc-upload-error'>;
  }
}
