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
import { createHash } from 'node:crypto';
import {
  DOSSIER_STATUS_NAMES,
  type DossierReceipt,
  type DossierSubmission,
  type FormDefinition,
  type LookupSecretKind,
  type ProcessingTime,
  shownAnswers,
  todayInVietnam,
} from '../../../src/api/contract/index.js';
import { appointmentFor } from '../calendar/appointment.js';
import type { Database, Queryable } from '../db/index.js';
import { formFor } from '../forms/index.js';
import { HttpError } from '../http.js';
import { attachmentProblems, claimUploads, uploadIdsOf, uploadsStoredInFull } from './attachments.js';
import { deskCalendar, vietnamIso } from './desk-time.js';
import { DEFAULT_LOOKUP_SECRET, type DossierOptions } from './options.js';
import { firstPerPath, submissionProblems, validationFailed } from './problems.js';
import { nextSteps } from './receipt.js';
import { newLookupCode, secretHash } from './secret.js';
import { nextDossierCode } from './sequence.js';

/** Namespace of the idempotency-key locks (two-key advisory locks; the uploads use 71042026, the migrations a one-key lock). */
const IDEMPOTENCY_LOCK_NAMESPACE = 71042027;

const SUBMITTED = 1;
const ONLINE_CHANNEL = 2;
const FIRST_STEP = 'Nộp hồ sơ trực tuyến';
const CITIZEN = 'Công dân';

/** What the filing needs to know about the procedure, read from the catalog tables. */
interface ProcedureRow {
  name: string;
  processing_time: ProcessingTime;
  agency_code: string;
  agency_name: string;
}

const procedureNotFound = (code: string): HttpError =>
  new HttpError(404, 'procedure_not_found', `No procedure has the code ${code}. (Không có thủ tục mã ${code}.)`);

const formNotFound = (): HttpError =>
  new HttpError(
    404,
    'form_not_found',
    'This procedure cannot be filed online. (Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến.)',
  );

async function procedureRow(db: Queryable, code: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.query<ProcedureRow>(
    `SELECT p.name, p.processing_time, a.code AS agency_code, a.name AS agency_name
     FROM procedures p JOIN agencies a ON a.code = p.agency_code WHERE p.code = $1`,
    [code],
  );
  return row;
}

/** The procedure and its form, or the 404 that says which is missing. */
export async function procedureAndForm(
  db: Queryable,
  code: string,
): Promise<{ procedure: ProcedureRow; form: FormDefinition }> {
  const procedure = await procedureRow(db, code);
  if (!procedure) throw procedureNotFound(code);
  const form = formFor(code);
  if (!form) throw formNotFound();
  return { procedure, form };
}

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

const requestHash = (submission: DossierSubmission): string =>
  createHash('sha256').update(canonicalJson(submission)).digest('hex');

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
function lookupSecret(kind: LookupSecretKind, submission: DossierSubmission): { hash: string; printed?: string } {
  if (kind === 'lookup-code') {
    const printed = newLookupCode();
    return { hash: secretHash(printed), printed };
  }
  const { applicant } = submission;
  return { hash: secretHash(applicant.kind === 'person' ? applicant.personalId : applicant.taxCode) };
}

interface StoredRow {
  request_hash: string;
  receipt: DossierReceipt;
}

/** The receipt of the dossier already filed under `key`, or the 422 for a key reused with another body. */
async function earlierFiling(tx: Queryable, key: string, hash: string): Promise<DossierReceipt | undefined> {
  const [row] = await tx.query<StoredRow>('SELECT request_hash, receipt FROM dossiers WHERE idempotency_key = $1', [
    key,
  ]);
  if (!row) return undefined;
  if (row.request_hash !== hash) {
    throw new HttpError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for another dossier; generate a new key for a new dossier. (Mã chống gửi trùng đã được dùng cho hồ sơ khác.)',
    );
  }
  return row.receipt;
}

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
  const { procedure, form } = await procedureAndForm(db, submission.procedure);
  const hash = requestHash(submission);
  const now = options.now?.() ?? new Date();
  const problems = submissionProblems(form, submission, todayInVietnam(now));
  const uploadsInStore = await uploadsStoredInFull(submission, options.uploadStoredInFull);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IDEMPOTENCY_LOCK_NAMESPACE, key]);
    const earlier = await earlierFiling(tx, key, hash);
    if (earlier) return earlier;
    if (submission.formVersion !== form.version) {
      throw new HttpError(
        409,
        'form_version_changed',
        `The form changed (version ${form.version}); reload it and check the answers. (Tờ khai đã được cập nhật, vui lòng tải lại và kiểm tra thông tin.)`,
      );
    }
    const allProblems = firstPerPath([
      ...problems,
      ...(await attachmentProblems(tx, form, submission, uploadsInStore)),
    ]);
    if (allProblems.length > 0) throw validationFailed(allProblems);

    const code = await nextDossierCode(tx, procedure.agency_code, now);
    const appointment = appointmentAt(now, procedure.processing_time, procedure.agency_code, options);
    const lookupKind = options.lookupSecret ?? DEFAULT_LOOKUP_SECRET;
    const secret = lookupSecret(lookupKind, submission);
    const receipt: DossierReceipt = {
      code,
      procedure: { code: submission.procedure, name: procedure.name },
      agency: { code: procedure.agency_code, name: procedure.agency_name },
      status: { code: SUBMITTED, label: DOSSIER_STATUS_NAMES[SUBMITTED]! },
      receivedAt: vietnamIso(now),
      appointmentAt: appointment && vietnamIso(appointment),
      lookup: secret.printed ? { kind: lookupKind, value: secret.printed } : { kind: lookupKind },
      nextSteps: nextSteps(submission, lookupKind),
    };
    // Hidden answers are dropped, not kept: the citizen never saw them as part of what they declared.
    // The upload secret has done its work (the uploads are claimed below) and is not kept.
    const { uploadSecret: _secret, ...kept } = submission;
    const stored = { ...kept, answers: shownAnswers(form, submission.answers) };
    // The receipt is kept whole, printed lookup code included: a retry must get the very code the
    // first answer carried, and this row already holds the applicant's ID in the submission.

    await tx.query(
      `INSERT INTO dossiers (code, agency_code, agency_name, procedure_code, procedure_name, form_version, draft, idempotency_key,
         request_hash, applicant_kind, lookup_secret_hash, submission, receipt, status, channel, received_at, appointment_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13::text::jsonb, $14, $15, $16, $17)`,
      [
        code,
        procedure.agency_code,
        procedure.agency_name,
        submission.procedure,
        procedure.name,
        form.version,
        submission.draft,
        key,
        hash,
        submission.applicant.kind,
        secret.hash,
        JSON.stringify(stored),
        JSON.stringify(receipt),
        SUBMITTED,
        ONLINE_CHANNEL,
        now,
        appointment,
      ],
    );
    await tx.query(
      'INSERT INTO dossier_history (dossier_code, at, step, status, note, actor) VALUES ($1, $2, $3, $4, NULL, $5)',
      [code, now, FIRST_STEP, SUBMITTED, CITIZEN],
    );
    await claimUploads(tx, uploadIdsOf(submission), code);
    return receipt;
  });
}
