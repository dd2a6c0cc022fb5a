/**
 * The attachments of a dossier against the `uploads` table: each listed
 * upload must be a finished file of this draft, for this slot (or for no
 * slot in particular), of a kind and size the slot accepts, and not taken
 * by another dossier. Checked and claimed inside the filing transaction,
 * with the rows locked, so one file can never end up in two dossiers and a
 * claimed file is safe from the expiry sweep (which takes only unclaimed rows).
 */
import type { DocumentSlotDefinition, DossierSubmission, FormDefinition, Problem, ProblemCode } from '../../../src/api/contract/index.js';
import { kindOfMimeType } from '../../../src/api/file-types.js';
import type { Queryable } from '../db/index.js';

interface UploadRow {
  id: string;
  draft: string;
  procedure_code: string | null;
  slot: string | null;
  file_type: string;
  size: string | number;
  completed_at: Date | string | null;
  dossier_code: string | null;
}

/** Why one upload cannot go in `slot`, or undefined when it can. */
function uploadProblem(row: UploadRow | undefined, slot: DocumentSlotDefinition, submission: DossierSubmission): ProblemCode | undefined {
  if (!row || row.completed_at === null || row.dossier_code !== null || row.draft !== submission.draft) return 'attachment';
  if ((row.slot !== null && row.slot !== slot.slot) || (row.procedure_code !== null && row.procedure_code !== submission.procedure)) return 'attachment';
  const kind = kindOfMimeType(row.file_type);
  if (!kind || !slot.accept.includes(kind)) return 'attachment-type';
  return Number(row.size) > slot.maxFileBytes ? 'attachment-size' : undefined;
}

/** Every upload id the submission lists, each once. */
export const uploadIdsOf = (submission: DossierSubmission): string[] => [...new Set(submission.attachments.flatMap((attachment) => attachment.uploads))];

/**
 * The first problem of each slot's uploads, at `attachments.<slot>`. Locks
 * the rows (`FOR UPDATE`) until the transaction ends. Slots the form does
 * not have are left to the form rules, which report them already.
 */
export async function attachmentProblems(tx: Queryable, definition: FormDefinition, submission: DossierSubmission): Promise<Problem[]> {
  const rows = await tx.query<UploadRow>(
    `SELECT id, draft, procedure_code, slot, file_type, size, completed_at, dossier_code
     FROM uploads WHERE id = ANY ($1::text[]) ORDER BY id FOR UPDATE`,
    [uploadIdsOf(submission)],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const listed = submission.attachments.flatMap((attachment) => attachment.uploads);
  return submission.attachments.flatMap((attachment): Problem[] => {
    const slot = definition.documents.find((candidate) => candidate.slot === attachment.slot);
    if (!slot) return [];
    const code = attachment.uploads
      .map((id) => (listed.indexOf(id) !== listed.lastIndexOf(id) ? 'attachment' : uploadProblem(byId.get(id), slot, submission)))
      .find((problem) => problem !== undefined);
    return code ? [{ path: `attachments.${attachment.slot}`, code }] : [];
  });
}

/** Marks the uploads as taken by dossier `code`. */
export async function claimUploads(tx: Queryable, ids: readonly string[], code: string): Promise<void> {
  await tx.query('UPDATE uploads SET dossier_code = $1 WHERE id = ANY ($2::text[])', [code, ids]);
}
