/**
 * The draft as the contract reads it, and the dossier filed from it.
 *
 * A draft has holes (whatever is not answered yet); the rules read a hole
 * as an empty answer, so the draft is handed to them, once, as the
 * contract's types (`asChecked`). Once every step's rules found nothing,
 * those types are the truth, and the dossier is mapped from them: trimmed,
 * ID numbers compacted, answers and documents of hidden fields left out.
 */
import type {
  Address,
  Applicant,
  Attachment,
  DeliveryMethod,
  DossierSubmission,
  FormDefinition,
} from '../../api/contract/index.js';
import { shownAnswers, shownDocuments } from '../../api/contract/form-rules.js';
import { compactNumber } from '../../api/contract/identity.js';
import type { Draft } from './draft.js';

/** How the result reaches the citizen: by post, to an address. */
type CheckedDelivery = { method: 'post'; address: Address } | { method: Exclude<DeliveryMethod, 'post'> };

/** The applicant and the delivery of a draft, as the rules (and, once they pass, the dossier) read them. */
export function asChecked(draft: Draft): { applicant: Applicant; delivery: CheckedDelivery } {
  const { representative = {}, ...applicant } = draft.applicant;
  // Missing answers stay undefined: the rules read them as empty.
  return { applicant: { ...applicant, representative } as Applicant, delivery: draft.delivery as CheckedDelivery };
}

/** The uploads of the documents shown, per slot. */
export function attachmentsOf(definition: FormDefinition, { answers, uploads }: Draft): Attachment[] {
  return shownDocuments(definition, answers).flatMap((slot) => {
    const ids = (uploads[slot.slot] ?? []).map((upload) => upload.id);
    return ids.length ? [{ slot: slot.slot, uploads: ids }] : [];
  });
}

const place = ({ street, commune, province }: Address): Address => ({ street: street.trim(), commune, province });

function applicantOf(a: Applicant): Applicant {
  const contact = {
    phone: a.phone.trim(),
    ...(a.email?.trim() && { email: a.email.trim() }),
    address: place(a.address),
  };
  if (a.kind === 'person') {
    const { fullName, birthDate, sex, personalId } = a;
    return {
      kind: 'person',
      fullName: fullName.trim(),
      birthDate,
      sex,
      personalId: compactNumber(personalId),
      ...contact,
    };
  }
  const { fullName, personalId, position } = a.representative;
  return {
    kind: 'organisation',
    name: a.name.trim(),
    taxCode: a.taxCode.replace(/\s/g, ''),
    representative: {
      fullName: fullName.trim(),
      personalId: compactNumber(personalId),
      ...(position?.trim() && { position: position.trim() }),
    },
    ...contact,
  };
}

/** The dossier to file from a draft every step's rules accepted. */
export function submissionOf(definition: FormDefinition, draft: Draft): DossierSubmission {
  const { applicant, delivery } = asChecked(draft);
  // The form's own case: the dossier is built on it, and the backend checks it against that case's form.
  return {
    procedure: definition.procedure,
    ...(definition.case && { case: definition.case }),
    formVersion: definition.version,
    draft: draft.id,
    uploadSecret: draft.uploadSecret,
    applicant: applicantOf(applicant),
    answers: shownAnswers(definition, draft.answers),
    attachments: attachmentsOf(definition, draft),
    delivery:
      delivery.method === 'post' ? { method: 'post', address: place(delivery.address) } : { method: delivery.method },
    declaration: true,
  };
}
