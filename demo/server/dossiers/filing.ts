/**
 * Filing a dossier (`POST /dossiers`): the checks, then one transaction
 * that numbers the dossier, stores it with its first history entry and
 * claims its uploads. `fileDossier` is the whole of it, callable without
 * HTTP, so tests, the demo and the load tests create dossiers the same way
 * the endpoint does.
 *
 * Idempotency: the client sends the same `Idempotency-Key` on every retry.
 * The transaction first takes an advisory lock on the key, then looks for
 * a dossier filed under it; so of two requests racing with one key, the
 * second waits for the first and answers with its receipt instead of
 * filing again (and the key's UNIQUE constraint stands behind the lock).
 * A key reused with another body is refused: it is a client bug, and
 * answering with the first receipt would hide it.
 */
import {
  DOSSIER_STATUS_NAMES,
  type DossierReceipt,
  type DossierSubmission,
  type LookupSecretKind,
  type ProcessingTime,
  shownAnswers,
  todayInVietnam,
} from '../../../src/api/contract/index.js';
import { appointmentFor } from '../calendar/appointment.js';
import type { Database, Queryable } from '../db/index.js';
import { type FilingCase, procedureAndForm } from '../forms/procedure-form.js';
import { HttpError } from '../http/replies.js';
import { claimUploads, lockUploads } from '../uploads/repository.js';
import { attachmentProblems, uploadIdsOf, uploadsStoredInFull } from './attachments.js';
import { deskCalendar, vietnamIso } from './desk-time.js';
import { DEFAULT_LOOKUP_SECRET, type DossierOptions } from './options.js';
import { firstPerPath, submissionProblems, validationFailed } from './problems.js';
import { nextSteps, receiptDetails } from './receipt.js';
import { filedUnderKey, type FiledUnderKey, filingUnderKey, insertDossier, nextDossierCode } from './repository.js';
import { CATALOGUE_LOCK_KEY } from '../catalogue/seed/index.js';
import {
  DEV_LOOKUP_KEY,
  keyedHash,
  newLookupCode,
  sealLookupCode,
  secretHash,
  sha256Hex,
  unsealLookupCode,
} from './secret.js';

const SUBMITTED = 1;
const ONLINE_CHANNEL = 2;
const FIRST_STEP = 'Nộp hồ sơ trực tuyến';
const CITIZEN = 'Công dân';

/** JSON with every object's keys sorted: the same body always gives the same text, whatever order the client wrote. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Keyed like the lookup hash: the submission holds the ID number, which a plain hash would let be guessed. */
const requestHash = (submission: DossierSubmission, key: string | undefined): string =>
  keyedHash(key ?? DEV_LOOKUP_KEY, sha256Hex(canonicalJson(submission)));

/**
 * The appointment, or null when none can be promised: a processing time
 * without a fixed number of days, or a date beyond the years of holiday
 * data (the calendar refuses to guess them, and no date beats a wrong one).
 */
function appointmentAt(received: Date, time: ProcessingTime, agencyCode: string, options: DossierOptions): Date | null {
  try {
    return appointmentFor(received, time, deskCalendar(agencyCode, options.saturdayAgencies)).due;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** The applicant's own number (an organisation's tax code), or a fresh printed code: what the lookup will ask for. */
function lookupSecret(
  kind: LookupSecretKind,
  submission: DossierSubmission,
  key = DEV_LOOKUP_KEY,
): { hash: string; printed?: string } {
  if (kind === 'lookup-code') {
    const printed = newLookupCode();
    return { hash: secretHash(printed, key), printed };
  }
  const { applicant } = submission;
  return { hash: secretHash(applicant.kind === 'person' ? applicant.personalId : applicant.taxCode, key) };
}

/** The submission as kept: the ID numbers go (the lookup keeps only its keyed hash; officers never saw them). */
function withoutIdNumbers(applicant: DossierSubmission['applicant']): unknown {
  if (applicant.kind === 'person') {
    const { personalId: _id, ...kept } = applicant;
    return kept;
  }
  const { personalId: _id, ...representative } = applicant.representative;
  return { ...applicant, representative };
}

/** The receipt of the dossier already filed under `key`, or the 422 for a key reused with another body. */
function earlierFiling(
  filed: FiledUnderKey | undefined,
  hash: string,
  lookupKey: string | undefined,
): DossierReceipt | undefined {
  if (!filed) return undefined;
  if (filed.request_hash !== hash) {
    throw new HttpError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for another dossier; generate a new key for a new dossier. (Mã chống gửi trùng đã được dùng cho hồ sơ khác.)',
    );
  }
  const { receipt, lookup_code_sealed: sealed } = filed;
  if (sealed === null) return receipt;
  return { ...receipt, lookup: { ...receipt.lookup, value: unsealLookupCode(sealed, receipt.code, lookupKey) } };
}

const formChanged = (what: string): HttpError =>
  new HttpError(
    409,
    'form_version_changed',
    `${what}; reload it and check the answers. (Tờ khai đã được cập nhật, vui lòng tải lại và kiểm tra thông tin.)`,
  );

/**
 * The case the submission names and its form. A case no longer filed
 * online, while the procedure still is, is a form that changed under a
 * draft: the citizen reloads and chooses again, as after a new form version.
 */
const caseAndForm = (db: Queryable, submission: DossierSubmission): Promise<FilingCase> =>
  procedureAndForm(db, submission.procedure, submission.case, () =>
    formChanged(`The case ${submission.case} is no longer filed online`),
  );

/**
 * Files `submission` under the idempotency `key` and returns its receipt;
 * throws an `HttpError` (404, 409, 400 `validation_failed`, 422) when it
 * cannot. Filing again with the same key and body returns the same receipt.
 */
export async function fileDossier(
  db: Database,
  submission: DossierSubmission,
  key: string,
  options: DossierOptions = {},
): Promise<DossierReceipt> {
  const hash = requestHash(submission, options.lookupKey);
  // A retry of a dossier already filed gets its receipt, whatever became of its procedure since
  // (an import may have withdrawn it); a retry racing the first filing is caught below, under the lock.
  const filed = earlierFiling(await filedUnderKey(db, key), hash, options.lookupKey);
  if (filed) return filed;
  const filing = await caseAndForm(db, submission);
  const { procedure, case: chosen, form } = filing;
  const now = options.now?.() ?? new Date();
  const problems = submissionProblems(form, submission, todayInVietnam(now));
  const uploadsInStore = await uploadsStoredInFull(submission, options.uploadStoredInFull);
  return db.transaction(async (tx) => {
    const earlier = earlierFiling(await filingUnderKey(tx, key), hash, options.lookupKey);
    if (earlier) return earlier;
    // The procedure was read before the transaction: an import since may have withdrawn or removed
    // it. Imports take the catalogue lock alone; holding it shared until the commit, the procedure
    // read again stays as read, and the import's check for open dossiers then sees this one.
    await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [CATALOGUE_LOCK_KEY]);
    await caseAndForm(tx, submission);
    if (submission.formVersion !== form.version) throw formChanged(`The form changed (version ${form.version})`);
    const uploads = await lockUploads(tx, uploadIdsOf(submission));
    const allProblems = firstPerPath([...problems, ...attachmentProblems(form, submission, uploads, uploadsInStore)]);
    if (allProblems.length > 0) throw validationFailed(allProblems);

    const code = await nextDossierCode(tx, procedure.agency_code, now);
    const time = chosen.onlineProcessingTime ?? chosen.processingTime;
    const appointment = appointmentAt(now, time, procedure.agency_code, options);
    const lookupKind = options.lookupSecret ?? DEFAULT_LOOKUP_SECRET;
    const secret = lookupSecret(lookupKind, submission, options.lookupKey);
    const receipt: DossierReceipt = {
      code,
      procedure: { code: submission.procedure, name: procedure.name },
      agency: { code: procedure.agency_code, name: procedure.agency_name },
      status: { code: SUBMITTED, label: DOSSIER_STATUS_NAMES[SUBMITTED]! },
      receivedAt: vietnamIso(now),
      appointmentAt: appointment && vietnamIso(appointment),
      lookup: secret.printed ? { kind: lookupKind, value: secret.printed } : { kind: lookupKind },
      nextSteps: nextSteps(submission, lookupKind, chosen.fees),
      ...receiptDetails(filing, submission, uploads),
    };
    // Hidden answers are dropped, not kept: the citizen never saw them as part of what they declared.
    // The upload secret has done its work (the uploads are claimed below) and is not kept.
    const { uploadSecret: _secret, ...kept } = submission;
    const stored = {
      ...kept,
      applicant: withoutIdNumbers(submission.applicant),
      answers: shownAnswers(form, submission.answers),
    };
    // A retry must get the very code the first answer carried, but a copy of the database must not
    // hold it in clear: the receipt is kept without it, and the code sealed beside it (migration 013).
    const { value: printed, ...keptLookup } = receipt.lookup;

    await insertDossier(
      tx,
      {
        code,
        agencyCode: procedure.agency_code,
        agencyName: procedure.agency_name,
        procedureCode: submission.procedure,
        procedureName: procedure.name,
        formVersion: form.version,
        draft: submission.draft,
        idempotencyKey: key,
        requestHash: hash,
        applicantKind: submission.applicant.kind,
        lookupSecretHash: secret.hash,
        submission: stored,
        receipt: { ...receipt, lookup: keptLookup },
        lookupCodeSealed: printed === undefined ? null : sealLookupCode(printed, code, options.lookupKey),
        status: SUBMITTED,
        channel: ONLINE_CHANNEL,
        receivedAt: now,
        appointmentAt: appointment,
      },
      { step: FIRST_STEP, status: SUBMITTED, note: null, actor: CITIZEN },
    );
    await claimUploads(tx, uploadIdsOf(submission), code);
    return receipt;
  });
}
