/**
 * The dossier side of the in-browser demo backend, for Storybook previews
 * ONLY (outside src/, so nothing of it ships): provinces, communes and forms from
 * memory, and a filing that checks with the shared rules and answers a
 * plausible receipt, or fails the way a story asks.
 */
import type { DemoDossierBackend } from './demo-adapter.js';
import type { Desk, DossierReceipt, DossierSubmission } from '../../src/api/contract/dossiers.js';
import type { FormDefinition } from '../../src/api/contract/forms.js';
import {
  checkAnswers,
  checkApplicant,
  checkAttachments,
  checkDelivery,
  todayInVietnam,
} from '../../src/api/contract/form-rules.js';
import type { Commune, Province } from '../../src/api/contract/units.js';
import { BackendError } from '../../src/api/errors.js';
import { nextSteps } from '../../demo/server/dossiers/receipt.js';

/** How filing fails, for the stories of each failure. */
export type DemoSubmitFailure = 'network' | 'timeout' | 'too-large' | 'version-changed' | 'validation';

export interface DemoDossierOptions {
  provinces: readonly Province[];
  /** Communes by province code. */
  communes: ReadonlyMap<string, readonly Commune[]>;
  forms: readonly FormDefinition[];
  /** Procedures that exist but cannot be filed online (404 `form_not_found`). */
  notOnline?: readonly string[];
  /** Filing fails this way. */
  failSubmit?: DemoSubmitFailure;
  /** Fail only the first filing, as a dropped connection would. */
  failOnce?: boolean;
  lookupKind?: 'applicant-id' | 'lookup-code';
  /** The receiving agency's desk, as the receipt gives it. */
  desk: Desk;
  /** The names of the files uploaded (the demo's upload store keeps none), by upload id. */
  fileNames?: ReadonlyMap<string, string>;
}

/** The receipt's documents: each slot the submission attached files to, in the form's order. */
const documentsOf = (form: FormDefinition, submission: DossierSubmission, names?: ReadonlyMap<string, string>) =>
  form.documents.flatMap(({ slot, name }) => {
    const uploads = submission.attachments.find((attachment) => attachment.slot === slot)?.uploads ?? [];
    return uploads.length ? [{ name, files: uploads.map((id) => names?.get(id) ?? id) }] : [];
  });

const notFound = (code: string, message: string) => new BackendError('not-found', message, { status: 404, code });

export function demoDossiers(options: DemoDossierOptions): DemoDossierBackend {
  const receipts = new Map<string, DossierReceipt>();
  let sequence = 0;
  let failures = 0;
  return {
    provinces: () => ({ items: [...options.provinces] }),
    communes: (province) => {
      const items = options.communes.get(province);
      if (!items) throw notFound('province_not_found', 'No such province (demo).');
      return { province, items: [...items] };
    },
    form: (procedure, caseCode) => {
      const form = options.forms.find((candidate) => candidate.procedure === procedure);
      // A form with cases is the same for each of them here: only the case it says it is for changes.
      if (form) return caseCode && form.cases ? { ...form, case: caseCode } : form;
      if (options.notOnline?.includes(procedure))
        throw notFound('form_not_found', 'This procedure cannot be filed online (demo).');
      throw notFound('procedure_not_found', 'No such procedure (demo).');
    },
    submit: (submission: DossierSubmission, key: string) => {
      const known = receipts.get(key);
      if (known) return known;
      const fail = options.failSubmit;
      if (fail && !(options.failOnce && failures > 0)) {
        failures += 1;
        if (fail === 'network') throw new BackendError('network', 'The connection dropped (demo).');
        if (fail === 'timeout') throw new BackendError('timeout', 'No answer in time (demo).');
        if (fail === 'too-large')
          throw new BackendError('bad-request', 'Too large (demo).', { status: 413, code: 'payload_too_large' });
        if (fail === 'version-changed')
          throw new BackendError('bad-request', 'The form changed (demo).', {
            status: 409,
            code: 'form_version_changed',
          });
        throw new BackendError('validation', 'Wrong values (demo).', {
          status: 400,
          code: 'validation_failed',
          problems: [
            { path: 'applicant.personalId', code: 'id-province', message: 'Số định danh cá nhân không đúng.' },
          ],
        });
      }
      const form = options.forms.find((candidate) => candidate.procedure === submission.procedure)!;
      const today = todayInVietnam();
      const problems = [
        ...checkApplicant(form, submission.applicant, today),
        ...checkAnswers(form, submission.answers, today),
        ...checkAttachments(form, submission.answers, submission.attachments),
        ...checkDelivery(form, submission.delivery),
      ];
      if (problems.length) {
        throw new BackendError('validation', 'Wrong values (demo).', {
          status: 400,
          code: 'validation_failed',
          problems: problems.map((problem) => ({ ...problem, message: problem.code })),
        });
      }
      sequence += 1;
      const now = new Date();
      const day = todayInVietnam(now).slice(2).replace(/-/g, '');
      const appointment = new Date(now.getTime() + 3 * 86_400_000);
      const receipt: DossierReceipt = {
        code: `000.00.01.H99-${day}-${String(sequence).padStart(4, '0')}`,
        procedure: {
          code: form.procedure,
          name: form.title.replace(/^Tờ khai /, '').replace(/^./, (first) => first.toUpperCase()),
        },
        agency: { code: '000.00.01.H99', name: 'Ủy ban nhân dân xã Minh Hòa' },
        status: { code: 1, label: 'Mới đăng ký' },
        receivedAt: now.toISOString(),
        appointmentAt: `${todayInVietnam(appointment)}T16:30:00+07:00`,
        lookup:
          options.lookupKind === 'lookup-code' ? { kind: 'lookup-code', value: 'K7QM2P' } : { kind: 'applicant-id' },
        // The reference backend's own sentences, paying included.
        nextSteps: nextSteps(submission, options.lookupKind ?? 'applicant-id', form.fees ?? []),
        ...(form.cases && { case: form.cases.find(({ code }) => code === (submission.case ?? form.case))! }),
        applicantName:
          submission.applicant.kind === 'person' ? submission.applicant.fullName : submission.applicant.name,
        documents: documentsOf(form, submission, options.fileNames),
        fees: form.fees ?? [],
        desk: options.desk,
      };
      receipts.set(key, receipt);
      return receipt;
    },
  };
}
