/**
 * The attachments of a dossier against the rows of its uploads and the
 * upload store: each listed upload must be a file of this draft, uploaded with the
 * upload secret the submission carries (so an upload id and a draft id,
 * which a stranger may have read somewhere, claim nothing), for this slot (or
 * for no slot in particular), of a kind and size the slot accepts, not
 * taken by another dossier, and stored in full (the store is the one record
 * of that; a file stored in full has passed the content check, see
 * uploads/node-body.ts). Checked and claimed inside the filing transaction,
 * with the rows locked (`lockUploads`, uploads/repository.ts), so one file can never end up in two dossiers and a
 * claimed file is safe from a cancellation and from the expiry sweep: both
 * mark a row before they remove its file, the mark waits for the lock and
 * then finds the row taken, and a marked row is refused here (migration 008).
 */
import type {
  DocumentSlotDefinition,
  DossierSubmission,
  FormDefinition,
  Problem,
  ProblemCode,
} from '../../../src/api/contract/index.js';
import { kindOfMimeType } from '../../../src/api/file-types.js';
import { type UploadClaimRow, uploadSecretHash } from '../uploads/repository.js';

/** Whether the upload store holds every byte of an upload. */
export type StoredInFull = (id: string) => Promise<boolean>;

/**
 * Which of the submission's uploads the store holds in full. Asked before
 * the filing transaction, so that no database lock waits on the store (an
 * S3 bucket, perhaps). A file removed after this answer was marked first,
 * and the transaction refuses a marked row.
 */
export async function uploadsStoredInFull(
  submission: DossierSubmission,
  storedInFull: StoredInFull | undefined,
): Promise<Set<string>> {
  const ids = uploadIdsOf(submission);
  const stored = storedInFull ? await Promise.all(ids.map(storedInFull)) : [];
  return new Set(ids.filter((_id, i) => stored[i]));
}

/**
 * Why one upload cannot go in `slot`, or undefined when it can; `row` only if
 * the upload is stored in full; `secretHash` that of the submission's upload secret.
 */
function uploadProblem(
  row: UploadClaimRow | undefined,
  slot: DocumentSlotDefinition,
  submission: DossierSubmission,
  secretHash: string | undefined,
): ProblemCode | undefined {
  if (!row || row.dossier_code !== null || row.draft !== submission.draft) return 'attachment';
  if (row.secret_hash === null || row.secret_hash !== secretHash) return 'attachment';
  // Being removed: cancelled by the citizen, or expired.
  if (row.marked_for_removal_at !== null) return 'attachment';
  if (
    (row.slot !== null && row.slot !== slot.slot) ||
    (row.procedure_code !== null && row.procedure_code !== submission.procedure)
  )
    return 'attachment';
  const kind = kindOfMimeType(row.file_type);
  if (!kind || !slot.accept.includes(kind)) return 'attachment-type';
  return Number(row.size) > slot.maxFileBytes ? 'attachment-size' : undefined;
}

/** Every upload id the submission lists, each once. */
export const uploadIdsOf = (submission: DossierSubmission): string[] => [
  ...new Set(submission.attachments.flatMap((attachment) => attachment.uploads)),
];

/**
 * The first problem of each slot's uploads, at `attachments.<slot>`, given
 * the `rows` of the listed uploads. Slots the form does not have are left
 * to the form rules, which report them already.
 */
export function attachmentProblems(
  definition: FormDefinition,
  submission: DossierSubmission,
  rows: readonly UploadClaimRow[],
  storedInFull: ReadonlySet<string>,
): Problem[] {
  const byId = new Map(rows.filter((row) => storedInFull.has(row.id)).map((row) => [row.id, row]));
  const listed = submission.attachments.flatMap((attachment) => attachment.uploads);
  const secretHash = submission.uploadSecret === undefined ? undefined : uploadSecretHash(submission.uploadSecret);
  return submission.attachments.flatMap((attachment): Problem[] => {
    const slot = definition.documents.find((candidate) => candidate.slot === attachment.slot);
    if (!slot) return [];
    const code = attachment.uploads
      .map((id) =>
        listed.indexOf(id) !== listed.lastIndexOf(id)
          ? 'attachment'
          : uploadProblem(byId.get(id), slot, submission, secretHash),
      )
      .find((problem) => problem !== undefined);
    return code ? [{ path: `attachments.${attachment.slot}`, code }] : [];
  });
}
