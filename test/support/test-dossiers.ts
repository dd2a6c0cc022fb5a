/**
 * The dossiers in the component tests' backend: plain data, imported both by
 * the Node side (`dossiers.ts` writes them into the database at start-up) and
 * by the browser tests (which look them up with these codes and secrets).
 * Times are Vietnam time; "today" in these tests is any day after them.
 */

export interface TestHistoryEntry {
  at: string;
  step: string;
  status: number;
  note?: string;
  actor: string;
}

export interface TestDossier {
  code: string;
  /** The second secret: the applicant's personal ID, or an organisation's tax code. */
  secret: string;
  applicantKind: 'person' | 'organisation';
  agency: { code: string; name: string };
  procedure: { code: string; name: string };
  status: number;
  receivedAt: string;
  appointmentAt: string | null;
  finishedAt: string | null;
  history: TestHistoryEntry[];
  delivery?: { method: 'online' | 'post' | 'desk'; where: string };
  apology?: { issuedAt: string; text: string; newAppointmentAt: string };
}

const UBND = { code: '000.00.01.H99', name: 'Ủy ban nhân dân xã Minh Họa (mẫu)' };

/** Being processed, on time, three steps. Looked up in the "found" and "not found" tests. */
export const PROCESSING: TestDossier = {
  code: '000.00.01.H99-261120-0007',
  secret: '001099012345',
  applicantKind: 'person',
  agency: UBND,
  procedure: { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
  status: 4,
  receivedAt: '2026-11-20T09:15:00+07:00',
  appointmentAt: '2099-12-31T16:30:00+07:00',
  finishedAt: null,
  history: [
    {
      at: '2026-11-19T20:41:00+07:00',
      step: 'Nộp hồ sơ trực tuyến',
      status: 1,
      note: 'Hồ sơ đã được gửi đến cơ quan tiếp nhận.',
      actor: 'Công dân',
    },
    {
      at: '2026-11-20T09:15:00+07:00',
      step: 'Tiếp nhận hồ sơ',
      status: 2,
      note: 'Hồ sơ hợp lệ, đã tiếp nhận.',
      actor: 'Cán bộ một cửa',
    },
    { at: '2026-11-20T14:02:00+07:00', step: 'Chuyển xử lý hồ sơ', status: 4, actor: 'Cán bộ một cửa' },
  ],
};

/** Just submitted (status 1): the officer test receives it and asks for a supplement. */
export const SUBMITTED: TestDossier = {
  code: '000.00.01.H99-261121-0002',
  secret: '036188004321',
  applicantKind: 'person',
  agency: UBND,
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  status: 1,
  receivedAt: '2026-11-21T10:05:00+07:00',
  appointmentAt: '2099-12-31T16:30:00+07:00',
  finishedAt: null,
  history: [
    {
      at: '2026-11-21T10:05:00+07:00',
      step: 'Nộp hồ sơ trực tuyến',
      status: 1,
      note: 'Hồ sơ đã được gửi đến cơ quan tiếp nhận.',
      actor: 'Công dân',
    },
  ],
};

/** An organisation's dossier, finished late after an apology, the result sent by post. */
export const RESULT_READY: TestDossier = {
  code: '000.00.01.H99-261102-0003',
  secret: '0101234567',
  applicantKind: 'organisation',
  agency: UBND,
  procedure: { code: '1.001055', name: 'Đăng ký sinh hoạt tôn giáo tập trung' },
  status: 9,
  receivedAt: '2026-11-02T08:30:00+07:00',
  appointmentAt: '2026-11-16T16:30:00+07:00',
  finishedAt: '2026-11-19T10:00:00+07:00',
  history: [
    { at: '2026-11-02T08:10:00+07:00', step: 'Nộp hồ sơ trực tuyến', status: 1, actor: 'Công dân' },
    { at: '2026-11-02T08:30:00+07:00', step: 'Tiếp nhận hồ sơ', status: 2, actor: 'Cán bộ một cửa' },
    { at: '2026-11-03T09:00:00+07:00', step: 'Chuyển xử lý hồ sơ', status: 4, actor: 'Cán bộ một cửa' },
    {
      at: '2026-11-17T08:00:00+07:00',
      step: 'Xin lỗi và hẹn lại ngày trả kết quả',
      status: 4,
      note: 'Hồ sơ cần thêm thời gian xác minh. Ủy ban xin lỗi và hẹn trả kết quả ngày 20/11/2026.',
      actor: 'Cán bộ một cửa',
    },
    {
      at: '2026-11-19T10:00:00+07:00',
      step: 'Có kết quả giải quyết',
      status: 9,
      note: 'Kết quả được gửi qua bưu chính công ích.',
      actor: 'Cán bộ một cửa',
    },
  ],
  delivery: { method: 'post', where: 'Số 12 đường Lê Lợi, xã Minh Họa, tỉnh Mẫu' },
  apology: {
    issuedAt: '2026-11-17T08:00:00+07:00',
    text: 'Hồ sơ cần thêm thời gian xác minh. Ủy ban xin lỗi và hẹn trả kết quả ngày 20/11/2026.',
    newAppointmentAt: '2026-11-20T16:30:00+07:00',
  },
};

export const TEST_DOSSIERS: readonly TestDossier[] = [PROCESSING, SUBMITTED, RESULT_READY];

/** A well-formed code no dossier has. */
export const UNKNOWN_CODE = '000.00.01.H99-261120-9999';
