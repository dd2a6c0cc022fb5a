/**
 * Dossiers the component tests look up, put into the seeded test backend's
 * database at start-up (`servers.ts`): the rows of `test-dossiers.ts`, in the
 * shape `POST /dossiers` and the officer actions leave them, written with
 * SQL so the lookup tests do not depend on filing.
 */
import type { Database } from '../../demo/server/db/index.js';
import { secretHash } from '../../demo/server/dossiers/secret.js';
import { TEST_DOSSIERS, type TestDossier } from './test-dossiers.js';

function submission(dossier: TestDossier) {
  const address = { street: 'Số 12 đường Lê Lợi', commune: '00070', province: '01' };
  const applicant =
    dossier.applicantKind === 'person'
      ? {
          kind: 'person',
          fullName: 'Nguyễn Thị Thử',
          birthDate: '1988-03-04',
          sex: 'nu',
          personalId: dossier.secret,
          phone: '0912345678',
          address,
        }
      : {
          kind: 'organisation',
          name: 'Hội thánh Tin Lành (mẫu)',
          taxCode: dossier.secret,
          representative: { fullName: 'Trần Văn Mẫu', personalId: '001088000111' },
          phone: '0912345679',
          address,
        };
  return {
    procedure: dossier.procedure.code,
    formVersion: 1,
    draft: `draft-test-${dossier.code.slice(-11).replace('-', '')}`,
    applicant,
    answers: {},
    attachments: [],
    delivery: { method: dossier.delivery?.method ?? 'online' },
    declaration: true,
  };
}

function receipt(dossier: TestDossier) {
  return {
    code: dossier.code,
    procedure: dossier.procedure,
    agency: dossier.agency,
    status: { code: 1, label: 'Mới đăng ký' },
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    lookup: { kind: 'applicant-id' },
    nextSteps: ['Cán bộ tiếp nhận sẽ kiểm tra hồ sơ trong giờ hành chính.'],
  };
}

export async function seedTestDossiers(db: Database): Promise<void> {
  for (const dossier of TEST_DOSSIERS) {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    const sub = submission(dossier);
    await db.query(
      `INSERT INTO dossiers (code, agency_code, agency_name, procedure_code, procedure_name, form_version, draft,
         idempotency_key, request_hash, applicant_kind, lookup_secret_hash, submission, receipt, status, channel,
         received_at, appointment_at, finished_at, delivery, apology)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11::text::jsonb, $12::text::jsonb, $13, 2, $14, $15, $16,
         $17::text::jsonb, $18::text::jsonb)`,
      [
        dossier.code,
        dossier.agency.code,
        dossier.agency.name,
        dossier.procedure.code,
        dossier.procedure.name,
        sub.draft,
        `test-${dossier.code}`,
        secretHash(`request-${dossier.code}`),
        dossier.applicantKind,
        secretHash(dossier.secret),
        JSON.stringify(sub),
        JSON.stringify(receipt(dossier)),
        dossier.status,
        new Date(dossier.receivedAt),
        dossier.appointmentAt && new Date(dossier.appointmentAt),
        dossier.finishedAt && new Date(dossier.finishedAt),
        json(dossier.delivery),
        json(dossier.apology),
      ],
    );
    // In order: the lookup lists the history by row id.
    for (const entry of dossier.history) {
      await db.query(
        'INSERT INTO dossier_history (dossier_code, at, step, status, note, actor) VALUES ($1, $2, $3, $4, $5, $6)',
        [dossier.code, new Date(entry.at), entry.step, entry.status, entry.note ?? null, entry.actor],
      );
    }
  }
}
