/**
 * The documents step: one upload element per document slot, with its
 * accepted kinds and limits, and the slot's blank template when it has one.
 * A slot the answers do not call for is hidden, and so is the whole step
 * when another is shown (the uploads keep going meanwhile).
 */
import { html, nothing } from 'lit';
import { shownDocuments } from '../../../api/contract/form-rules.js';
import { FILE_KINDS } from '../../../api/file-types.js';
import { safeLink } from '../../../api/safe-url.js';
import type { DvcAttachmentUpload } from '../../attachment-upload/attachment-upload.js';
import { backendLink } from '../../shared/backend-link.js';
import { errorLine } from '../../shared/field-frame.js';
import type { Draft } from '../draft.js';
import { boxClass, idOf } from '../fields.js';
import type { FormMessages } from '../messages.js';
import type { Issue } from '../problems.js';
import type { StepContext } from './frame.js';

export function documentsStep({ form, t, adapter }: StepContext, hidden: boolean) {
  const { draft, definition } = form;
  if (!draft || !definition) return nothing;
  const shown = shownDocuments(definition, draft.answers);
  const changed = (slot: string) => (event: Event) =>
    form.uploadsChanged(slot, (event.target as DvcAttachmentUpload).value);
  return html`
    <div ?hidden=${hidden}>
      <p>${shown.length ? t.documentsIntro : t.noDocuments}</p>
      ${definition.documents.map((slot) => {
        const path = `attachments.${slot.slot}`;
        const problem = form.problems.at(path);
        const accept = slot.accept
          .flatMap((kind) => FILE_KINDS.find((info) => info.kind === kind)?.extensions ?? [])
          .join(',');
        return html`
          <div class="field ${boxClass(problem)}" data-path=${path} ?hidden=${!shown.includes(slot)}>
            ${errorLine(idOf(path), problem?.message, t.errorPrefix, problem?.settled)}
            <dvc-attachment-upload .adapter=${adapter} label=${slot.name} hint=${slot.note ?? nothing} procedure=${definition.procedure}
              slot-id=${slot.slot} draft=${draft.id} .uploadSecret=${draft.uploadSecret} accept=${accept} max-size=${slot.maxFileBytes} max-files=${slot.maxFiles}
              ?multiple=${slot.maxFiles > 1} ?required=${slot.required} @change=${changed(slot.slot)}></dvc-attachment-upload>
            ${
              slot.template
                ? html`<p>${backendLink(safeLink(adapter, slot.template.url), t.template(slot.template.name, slot.template.format), true)}</p>`
                : nothing
            }
          </div>
        `;
      })}
    </div>
  `;
}

/** Uploads still going on in the slots shown: the step cannot be left yet. */
export const busyUploads = (root: ParentNode, t: FormMessages): Issue[] =>
  [...root.querySelectorAll<DvcAttachmentUpload>('dvc-attachment-upload')].flatMap((upload) =>
    upload.closest('[hidden]') || !upload.validity.customError
      ? []
      : [{ path: `attachments.${upload.slotId}`, message: t.uploading(upload.label ?? '') }],
  );

/** Upload elements new to a draft show its finished uploads (restored, or none for a new dossier). */
export function restoreUploads(root: ParentNode, draft: Draft, restored: WeakMap<Element, string>): void {
  for (const upload of root.querySelectorAll<DvcAttachmentUpload>('dvc-attachment-upload')) {
    if (restored.get(upload) === draft.id) continue;
    restored.set(upload, draft.id);
    upload.value = draft.uploads[upload.slotId ?? ''] ?? [];
  }
}
