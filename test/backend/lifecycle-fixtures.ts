/**
 * Dossiers for the lookup and lifecycle tests and the lookup benchmark,
 * written straight into the tables (status 1, one history row), so these
 * tests do not depend on `POST /dossiers`. The rows look like what that
 * endpoint stores: a code in the national form, the hash of the applicant's
 * ID as the lookup secret, a plausible submission and receipt.
 */
import assert from 'node:assert/strict';
import { ApiError, DOSSIER_STATUS_NAMES, DossierView, type OfficerAction } from '../../src/api/contract/index.js';
import type { Queryable } from '../../demo/server/db/index.js';
import { vietnamIso } from '../../demo/server/dossiers/desk-time.js';
import { secretHash } from '../../demo/server/dossiers/secret.js';
import { API, assertSchema } from './helpers.js';

export const AGENCY = { code: '000.00.01.H99', name: 'Ủy ban nhân dân xã Minh Họa (mẫu)' };
export const PROCEDURE = { code: '1.001193', name: 'Đăng ký khai sinh' };
export const OFFICER_TOKEN = 'officer-token-for-tests';

export interface FixtureOptions {
  /** Sequence number of the day; the code is `<agency>-<yymmdd>-<sequence, 4 digits>`. */
  sequence: number;
  receivedAt: Date;
  appointmentAt: Date | null;
  /** The applicant's 12-digit ID, the lookup secret; default one derived from the sequence. */
  personalId?: string;
}

export interface FixtureDossier {
  code: string;
  secret: string;
}

/** `yymmdd` of the Vietnamese date of `instant`. */
const yymmdd = (instant: Date): string => vietnamIso(instant).slice(2, 10).replaceAll('-', '');

export const fixtureCode = (sequence: number, receivedAt: Date): string =>
  `${AGENCY.code}-${yymmdd(receivedAt)}-${String(sequence).padStart(4, '0')}`;

/** A 12-digit ID: Hà Nội (001), male born in the 1990s, then the sequence. */
const personalIdFor = (sequence: number): string => `00109${String(sequence).padStart(7, '0')}`;

function submission(personalId: string, sequence: number) {
  return {
    procedure: PROCEDURE.code,
    formVersion: 1,
    draft: `draft-fixture-${String(sequence).padStart(8, '0')}`,
    applicant: {
      kind: 'person',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-12',
      sex: 'nam',
      personalId,
      phone: '0912345678',
      address: { street: 'Số 5 ngõ 12 phố Hàng Bông', commune: '00070', province: '01' },
    },
    answers: { ho_ten_tre: 'Nguyễn Minh Khôi', ngay_sinh_tre: '2026-11-01' },
    attachments: [],
    delivery: { method: 'online' },
    declaration: true,
  };
}

function receipt(code: string, receivedAt: Date, appointmentAt: Date | null) {
  return {
    code,
    procedure: PROCEDURE,
    agency: AGENCY,
    status: { code: 1, label: DOSSIER_STATUS_NAMES[1] },
    receivedAt: vietnamIso(receivedAt),
    appointmentAt: appointmentAt && vietnamIso(appointmentAt),
    lookup: { kind: 'applicant-id' },
    nextSteps: ['Cán bộ tiếp nhận sẽ kiểm tra hồ sơ trong giờ hành chính.'],
  };
}

/** Inserts one dossier at status 1 with its first history row; returns its code and secret. */
export async function insertDossier(db: Queryable, options: FixtureOptions): Promise<FixtureDossier> {
  const { sequence, receivedAt, appointmentAt } = options;
  const code = fixtureCode(sequence, receivedAt);
  const secret = options.personalId ?? personalIdFor(sequence);
  await db.query(
    `INSERT INTO dossiers (code, agency_code, agency_name, procedure_code, procedure_name, form_version, draft,
       idempotency_key, request_hash, applicant_kind, lookup_secret_hash, submission, receipt, status, channel,
       received_at, appointment_at)
     VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, 'person', $9, $10::text::jsonb, $11::text::jsonb, 1, 2, $12, $13)`,
    [
      code,
      AGENCY.code,
      AGENCY.name,
      PROCEDURE.code,
      PROCEDURE.name,
      `draft-fixture-${String(sequence).padStart(8, '0')}`,
      `fixture-${code}`,
      secretHash(`request-${code}`),
      secretHash(secret),
      JSON.stringify(submission(secret, sequence)),
      JSON.stringify(receipt(code, receivedAt, appointmentAt)),
      receivedAt,
      appointmentAt,
    ],
  );
  await db.query(
    `INSERT INTO dossier_history (dossier_code, at, step, status, note, actor)
     VALUES ($1, $2, 'Nộp hồ sơ trực tuyến', 1, 'Hồ sơ đã được gửi đến cơ quan tiếp nhận.', 'Công dân')`,
    [code, receivedAt],
  );
  return { code, secret };
}

/** POSTs JSON and returns the status, the headers and the parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

/** A lookup expected to succeed. */
export async function lookup(base: string, code: string, secret: string): Promise<DossierView> {
  const { status, body } = await postJson(`${base}${API}/dossiers/lookup`, { code, secret });
  assert.equal(status, 200, JSON.stringify(body));
  return assertSchema(DossierView, body);
}

/** An officer action expected to succeed. */
export async function act(base: string, code: string, action: Record<string, unknown>): Promise<DossierView> {
  const { status, body } = await postJson(`${base}${API}/officer/dossiers/${code}/actions`, action, {
    Authorization: `Bearer ${OFFICER_TOKEN}`,
  });
  assert.equal(status, 200, `${String(action.action)}: ${JSON.stringify(body)}`);
  return assertSchema(DossierView, body);
}

/** An officer action expected to be refused with `status` and `code`. */
export async function actRefused(
  base: string,
  code: string,
  action: Record<string, unknown>,
  status: number,
  errorCode: string,
): Promise<ApiError['error']> {
  const response = await postJson(`${base}${API}/officer/dossiers/${code}/actions`, action, {
    Authorization: `Bearer ${OFFICER_TOKEN}`,
  });
  assert.equal(response.status, status, `${String(action.action)}: ${JSON.stringify(response.body)}`);
  const error = assertSchema(ApiError, response.body).error;
  assert.equal(error.code, errorCode);
  return error;
}

export const at = (local: string): Date => new Date(`${local}+07:00`);

/** Mon 12 Oct 2026 is an ordinary week: no day off from 12 to 23 October. */
export const RECEIVED = '2026-10-12T08:00:00';
export const DUE = '2026-10-16T17:00:00';
export const NOW = '2026-10-13T10:00:00';

/** One valid example of each action. */
export const SAMPLE: { [K in OfficerAction['action']]: Extract<OfficerAction, { action: K }> } = {
  receive: { action: 'receive' },
  refuse: { action: 'refuse', reason: 'Thiếu Giấy chứng sinh.' },
  'request-supplement': { action: 'request-supplement', items: ['Giấy chứng sinh (bản chính)', 'Văn bản ủy quyền'] },
  'supplement-received': { action: 'supplement-received' },
  'request-payment': {
    action: 'request-payment',
    items: [{ label: 'Lệ phí đăng ký khai sinh quá hạn', amount: 8000 }],
    how: 'Nộp tại Bộ phận Một cửa.',
  },
  'payment-received': { action: 'payment-received' },
  process: { action: 'process' },
  'result-ready': { action: 'result-ready', delivery: { method: 'desk', where: 'Bộ phận Một cửa, UBND xã Minh Họa' } },
  'return-result': { action: 'return-result' },
  stop: { action: 'stop', reason: 'Người yêu cầu đã được đăng ký khai sinh ở nơi khác.' },
  withdraw: { action: 'withdraw' },
  apologise: {
    action: 'apologise',
    text: 'UBND xã xin lỗi vì trả kết quả chậm.',
    newAppointmentAt: '2026-10-23T17:00:00+07:00',
  },
};
