/**
 * Valid dossiers for the five procedures that can be filed online, for the
 * filing tests, the lookup tests, the demo and the load tests: invented
 * people whose 12-digit IDs fit their province code, century, sex and year
 * of birth, real communes of today's units, and the files each needs.
 *
 * `submissionFor(code)` gives a body that `POST /dossiers` accepts once its
 * required files are attached: `attachFixtureFiles()` uploads them over tus
 * (as the widget does), or pass `attachments: []` for the three procedures
 * that need none (2.000635, 1.000894, 1.004873).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Address,
  Answers,
  Attachment,
  Delivery,
  DossierSubmission,
  FormDefinition,
  OrganisationApplicant,
  PersonApplicant,
} from '../../src/api/contract/index.js';
import type { AppOptions } from '../../demo/server/app.js';
import { procedures } from '../../demo/server/catalogue/seed/catalogue.js';
import { formById } from '../../demo/server/forms/index.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, type UploadStore } from '../../demo/server/uploads/store.js';
import { API, startTestBackend, type TestBackend } from './helpers.js';
import { idOf, metadataFor, newDraftId, samples, tusUpload, uploadSecretFor } from './uploads-fixtures.js';

/** Real communes: two wards of Hà Nội (01), a commune of Thanh Hóa (38), a ward of Hồ Chí Minh City (79). */
export const ADDRESSES = {
  hoanKiem: { street: 'Số 12 phố Hàng Bạc', commune: '00070', province: '01' },
  baDinh: { street: 'Số 5 phố Đội Cấn', commune: '00004', province: '01' },
  thanhHoa: { street: 'Thôn Đông, số nhà 27', commune: '16171', province: '38' },
  benThanh: { street: 'Số 88 đường Lê Lợi', commune: '26743', province: '79' },
} satisfies Record<string, Address>;

/** Hà Nội (001), woman born in the 1900s (1), 1992. */
export const MOTHER: PersonApplicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Hoa',
  birthDate: '1992-03-08',
  sex: 'nu',
  personalId: '001192004567',
  phone: '0912345678',
  email: 'hoa.nguyen@example.com',
  address: ADDRESSES.hoanKiem,
};
/** Hà Nội, man born in the 1900s (0), 1990. */
const FATHER = { name: 'Trần Văn Bình', birthDate: '1990-07-20', personalId: '001090007890' };
/** The bride: Hà Nội, woman, 1996. */
export const BRIDE: PersonApplicant = {
  kind: 'person',
  fullName: 'Lê Thu Trang',
  birthDate: '1996-09-02',
  sex: 'nu',
  personalId: '001196011223',
  phone: '0987654321',
  address: ADDRESSES.hoanKiem,
};
/** The groom: Hải Phòng (031), man, 1994. */
export const GROOM: PersonApplicant = {
  kind: 'person',
  fullName: 'Phạm Quốc Bảo',
  birthDate: '1994-12-30',
  sex: 'nam',
  personalId: '031094005566',
  phone: '0356789012',
  email: 'bao.pham@example.com',
  address: ADDRESSES.baDinh,
};
/** A son filing for his elderly mother: Thanh Hóa (038), man, 1970. */
export const SON: PersonApplicant = {
  kind: 'person',
  fullName: 'Hoàng Văn Nam',
  birthDate: '1970-04-10',
  sex: 'nam',
  personalId: '038070001234',
  phone: '0389123456',
  address: ADDRESSES.thanhHoa,
};
/** An organisation with a valid tax code (check digit 6). */
export const ORGANISATION: OrganisationApplicant = {
  kind: 'organisation',
  name: 'Công ty TNHH Dịch vụ Pháp lý Minh Họa (mẫu)',
  taxCode: '0100109106',
  representative: { fullName: 'Đỗ Thị Mai', personalId: '001185002468', position: 'Giám đốc' },
  phone: '0912345670',
  email: 'lienhe@minhhoa.example',
  address: ADDRESSES.baDinh,
};

/** A person block of a civil-status form, from an applicant (`prefix-ho-ten`, …). */
function personAnswers(
  prefix: string,
  person: { fullName: string; birthDate: string; personalId: string; address: Address },
): Answers {
  return {
    [`${prefix}-ho-ten`]: person.fullName,
    [`${prefix}-ngay-sinh`]: person.birthDate,
    [`${prefix}-dan-toc`]: 'kinh',
    [`${prefix}-quoc-tich`]: 'Việt Nam',
    [`${prefix}-so-dinh-danh`]: person.personalId,
    [`${prefix}-noi-cu-tru`]: person.address,
  };
}

/** A file of one kind the slots accept, as the fixtures upload it. */
export type FixtureFileKind = 'pdf' | 'jpeg' | 'png';

export interface DossierFixture {
  applicant: DossierSubmission['applicant'];
  answers: Answers;
  delivery: Delivery;
  /** The files to attach, one per slot. */
  files: { slot: string; kind: FixtureFileKind }[];
}

export const DOSSIER_FIXTURES: Record<string, DossierFixture> = {
  // Đăng ký khai sinh: the mother registers her son; the father is known.
  '1.001193': {
    applicant: MOTHER,
    answers: {
      'quan-he': 'me',
      'truong-hop': 'thong-thuong',
      'ho-ten': 'Trần Minh An',
      'ngay-sinh': '2026-01-15',
      'gioi-tinh': 'nam',
      'dan-toc': 'kinh',
      'quoc-tich': 'Việt Nam',
      'noi-sinh': 'Bệnh viện Phụ sản Hà Nội, phường Láng, thành phố Hà Nội',
      'que-quan': 'Xã Đông Anh, thành phố Hà Nội',
      'so-ban-sao': 2,
      ...personAnswers('me', MOTHER),
      'co-cha': true,
      ...personAnswers('cha', {
        fullName: FATHER.name,
        birthDate: FATHER.birthDate,
        personalId: FATHER.personalId,
        address: ADDRESSES.hoanKiem,
      }),
    },
    delivery: { method: 'post', address: ADDRESSES.hoanKiem },
    files: [{ slot: 'giay-chung-sinh', kind: 'pdf' }],
  },
  // Đăng ký kết hôn: the bride files; the groom lives in another ward, so his certificate is attached.
  '1.000894': {
    applicant: BRIDE,
    answers: {
      'ben-nop': 'ben-nu',
      ...personAnswers('nu', BRIDE),
      'nu-lan-ket-hon': 1,
      ...personAnswers('nam', GROOM),
      'nam-lan-ket-hon': 1,
      'cu-tru-noi-khac': true,
      'so-ban-sao': 1,
    },
    delivery: { method: 'desk' },
    files: [{ slot: 'giay-xac-nhan-tinh-trang-hon-nhan', kind: 'jpeg' }],
  },
  // Cấp bản sao trích lục: the mother asks for copies of her own birth registration.
  '2.000635': {
    applicant: MOTHER,
    answers: {
      'quan-he': 'ban-than',
      ...personAnswers('nguoi', MOTHER),
      'gioi-tinh': 'nu',
      'loai-viec': 'khai-sinh',
      'noi-dang-ky': 'Ủy ban nhân dân phường Hàng Bạc, thành phố Hà Nội',
      'so-dang-ky': '125',
      'ngay-dang-ky': '1992-03-20',
      'so-ban-sao': 2,
      'email-nhan-ban-sao': 'hoa.nguyen@example.com',
    },
    delivery: { method: 'online' },
    files: [],
  },
  // Xác nhận tình trạng hôn nhân: the groom, for his marriage; he once lived in Hồ Chí Minh City.
  '1.004873': {
    applicant: GROOM,
    answers: {
      'quan-he': 'ban-than',
      'tinh-trang': 'chua-ket-hon',
      'noi-cu-tru-truoc': [{ 'dia-chi': ADDRESSES.benThanh, 'tu-ngay': '2012-09-01', 'den-ngay': '2016-06-30' }],
      'muc-dich': 'ket-hon',
      'ket-hon-ho-ten': BRIDE.fullName,
      'ket-hon-ngay-sinh': BRIDE.birthDate,
      'ket-hon-quoc-tich': 'Việt Nam',
      'ket-hon-giay-to': `Thẻ Căn cước số ${BRIDE.personalId}`,
      'ket-hon-noi-dang-ky': 'Ủy ban nhân dân phường Hoàn Kiếm, thành phố Hà Nội',
      'so-luong': 1,
    },
    delivery: { method: 'desk' },
    files: [],
  },
  // Trợ cấp xã hội: a son files for his mother, 86, severely disabled, in a near-poor household.
  '1.001776': {
    applicant: SON,
    answers: {
      'noi-dung': 'thuc-hien',
      'nhom-doi-tuong': 'nguoi-khuyet-tat',
      // Thanh Hóa (038), woman born in the 1900s (1), 1940.
      'ho-ten': 'Hoàng Thị Lan',
      'ngay-sinh': '1940-02-14',
      'gioi-tinh': 'nu',
      'dan-toc': 'muong',
      'so-dinh-danh': '038140000987',
      'noi-thuong-tru': ADDRESSES.thanhHoa,
      'o-noi-thuong-tru': true,
      'dien-thoai': '0389123457',
      'dang-tat': ['van-dong', 'nhin'],
      'muc-do-khuyet-tat': 'dac-biet-nang',
      'co-bhyt': true,
      'ho-ngheo': 'can-ngheo',
      'thu-nhap': 1_200_000,
      'thanh-vien': [
        {
          'ho-ten': SON.fullName,
          'ngay-sinh': SON.birthDate,
          'quan-he': 'con',
          'so-dinh-danh': SON.personalId,
          'nghe-nghiep': 'Làm ruộng',
          'khuyet-tat': false,
        },
        // Thanh Hóa, boy born in the 2000s (2), 2012.
        {
          'ho-ten': 'Hoàng Minh Đức',
          'ngay-sinh': '2012-08-25',
          'quan-he': 'chau',
          'so-dinh-danh': '038212003456',
          'nghe-nghiep': 'Học sinh',
          'khuyet-tat': true,
          'muc-do': 'nhe',
        },
      ],
      'khai-thay': true,
      'quan-he-khai-thay': 'con',
    },
    delivery: { method: 'online' },
    files: [
      { slot: 'to-khai-co-chu-ky', kind: 'pdf' },
      { slot: 'giay-xac-nhan-khuyet-tat', kind: 'png' },
    ],
  },
};

export const FIXTURE_PROCEDURES = Object.keys(DOSSIER_FIXTURES);

export interface SubmissionOptions {
  /** The draft the files were uploaded under; a new one by default. */
  draft?: string;
  /** Default: none (right for the procedures that need no files). */
  attachments?: Attachment[];
}

/** The e-form a dossier for `code` is filed on when it names no case: its first case's filed online (in the seed). */
export function usualForm(code: string): FormDefinition {
  const id = procedures.find((entry) => entry.code === code)?.cases.find((item) => item.form !== undefined)?.form;
  const form = id === undefined ? undefined : formById(id);
  if (!form) throw new Error(`No e-form for ${code} in the seed`);
  return form;
}

/** A valid `POST /dossiers` body for procedure `code` (on its usual form), with the upload secret of its draft. */
export function submissionFor(code: string, options: SubmissionOptions = {}): DossierSubmission {
  const fixture = DOSSIER_FIXTURES[code];
  if (!fixture) throw new Error(`No dossier fixture for ${code}`);
  const draft = options.draft ?? newDraftId();
  return {
    procedure: code,
    formVersion: usualForm(code).version,
    draft,
    uploadSecret: uploadSecretFor(draft),
    applicant: structuredClone(fixture.applicant),
    answers: structuredClone(fixture.answers),
    attachments: options.attachments ?? [],
    delivery: structuredClone(fixture.delivery),
    declaration: true,
  };
}

const FILES: Record<FixtureFileKind, { make: () => Buffer; type: string; name: string }> = {
  pdf: { make: () => samples.pdf(), type: 'application/pdf', name: 'ban-chup.pdf' },
  jpeg: { make: () => samples.jpeg(), type: 'image/jpeg', name: 'anh-chup.jpg' },
  png: { make: () => samples.png(), type: 'image/png', name: 'anh-chup.png' },
};

/** Uploads one file of `kind` for `slot` over tus and returns its upload id. */
export async function uploadFile(
  backendUrl: string,
  code: string,
  draft: string,
  slot: string,
  kind: FixtureFileKind,
): Promise<string> {
  const file = FILES[kind];
  const { url } = await tusUpload(
    `${backendUrl}${API}/uploads`,
    file.make(),
    metadataFor(file.name, file.type, { procedure: code, slot, draft }),
  );
  return idOf(url);
}

/** Uploads the fixture's files of procedure `code` under `draft`; returns the submission's `attachments`. */
export async function attachFixtureFiles(backendUrl: string, code: string, draft: string): Promise<Attachment[]> {
  const files = DOSSIER_FIXTURES[code]?.files ?? [];
  return Promise.all(
    files.map(async ({ slot, kind }) => ({ slot, uploads: [await uploadFile(backendUrl, code, draft, slot, kind)] })),
  );
}

/** A complete submission of `code`, its files uploaded. */
export async function uploadedSubmission(backendUrl: string, code: string): Promise<DossierSubmission> {
  const draft = newDraftId();
  return submissionFor(code, { draft, attachments: await attachFixtureFiles(backendUrl, code, draft) });
}

export const newIdempotencyKey = (): string => randomBytes(18).toString('base64url');

/** POSTs a dossier with an Idempotency-Key; returns the status and the parsed body. */
export async function postDossier(
  backendUrl: string,
  body: unknown,
  key = newIdempotencyKey(),
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${backendUrl}${API}/dossiers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A test backend with a file upload store in a temporary folder (removed on close). */
export async function startDossierBackend(
  options: Partial<AppOptions> = {},
): Promise<TestBackend & { uploadStore: UploadStore }> {
  const root = await mkdtemp(join(tmpdir(), 'dvc-dossiers-'));
  const config = readUploadConfig({}, root);
  const uploadStore = await createUploadStore(config);
  const backend = await startTestBackend({ uploads: { store: uploadStore, limits: config.limits }, ...options });
  return {
    ...backend,
    uploadStore,
    async close() {
      await backend.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
