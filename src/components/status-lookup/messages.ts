/** Text of `<dvc-status-lookup>`, Vietnamese; `messages.en.ts` must have every key. */
import { type LookupSecretKind } from '../../api/contract/dossiers.js';
import { DOSSIER_STATUS_NAMES } from '../../api/contract/lookup.js';
import type { DeliveryMethod } from '../../api/contract/filing.js';
import { Catalog } from '../../i18n/catalog.js';
import { commonVi } from '../../i18n/common.js';

const vi = {
  heading: 'Tra cứu hồ sơ',
  code: 'Mã hồ sơ',
  codeHint: 'In trên giấy tiếp nhận hồ sơ, ví dụ: 000.00.01.H99-261122-0001.',
  secret: {
    'applicant-id': 'Số định danh cá nhân (hoặc mã số thuế) của người nộp',
    'lookup-code': 'Mã tra cứu in trên giấy tiếp nhận',
  } satisfies Record<LookupSecretKind, string>,
  secretHint: {
    'applicant-id': 'Số định danh cá nhân 12 chữ số của người đứng tên hồ sơ; tổ chức nhập mã số thuế.',
    'lookup-code': 'Gồm chữ và số, in cạnh mã hồ sơ trên giấy tiếp nhận.',
  } satisfies Record<LookupSecretKind, string>,
  submit: 'Tra cứu',
  looking: 'Đang tra cứu hồ sơ…',
  /** The dossier form's title and wording for the same problems, so both read alike. */
  problem: 'Có vấn đề cần sửa',
  errorPrefix: 'Lỗi:',
  codeMissing: 'Vui lòng nhập “Mã hồ sơ”.',
  codeFormat: '“Mã hồ sơ” không đúng định dạng, ví dụ 000.00.01.H99-261122-0001.',
  secretMissing: (label: string) => `Vui lòng nhập “${label}”.`,
  secretFormat: 'Mã tra cứu gồm 4 đến 12 chữ cái hoặc chữ số.',
  notFound: (secret: string) =>
    `Không tìm thấy hồ sơ với mã hồ sơ và ${secret.charAt(0).toLowerCase()}${secret.slice(1)} đã nhập. Vui lòng kiểm tra lại cả hai thông tin.`,
  dossier: 'Hồ sơ',
  status: 'Trạng thái',
  statusNames: DOSSIER_STATUS_NAMES,
  found: (status: string) => `Đã tìm thấy hồ sơ. Trạng thái: ${status}.`,
  updated: (status: string) => `Đã cập nhật. Trạng thái: ${status}.`,
  procedure: 'Thủ tục',
  /** The procedure's case (trường hợp), when it has several. */
  case: 'Trường hợp',
  agency: 'Cơ quan tiếp nhận',
  receivedAt: 'Ngày tiếp nhận',
  /** Before reception (status 1) and when refused at it (3), the date is the filing's. */
  submittedAt: 'Ngày nộp hồ sơ',
  appointmentAt: 'Ngày hẹn trả kết quả',
  noAppointment: 'Không có ngày hẹn cố định',
  /** While a supplement is awaited the agency's clock is stopped (DOMAIN.md §3): the date moves on. */
  appointmentPaused: 'Tính lại khi nhận đủ giấy tờ bổ sung',
  finishedAt: 'Ngày hoàn thành',
  timeliness: 'Tiến độ',
  onTime: 'Đúng hạn',
  withinTime: 'Trong hạn',
  late: 'Trễ hạn',
  paused: 'Tạm dừng, chờ bổ sung giấy tờ',
  apology: 'Thư xin lỗi của cơ quan',
  apologyIssued: 'Ngày gửi',
  newAppointment: 'Ngày hẹn trả kết quả mới',
  supplement: 'Yêu cầu bổ sung giấy tờ',
  supplementIntro: 'Cơ quan đề nghị bổ sung:',
  requestedAt: 'Ngày yêu cầu',
  supplementDue: 'Hạn bổ sung',
  note: 'Ghi chú',
  payment: 'Nghĩa vụ tài chính',
  total: 'Tổng cộng',
  how: 'Cách nộp',
  paymentDue: 'Hạn nộp',
  paid: 'Đã nộp',
  unpaid: 'Chưa nộp',
  delivery: 'Nhận kết quả',
  deliveryMethods: {
    online: 'Trực tuyến',
    post: 'Qua dịch vụ bưu chính công ích',
    desk: 'Trực tiếp tại Bộ phận Một cửa',
  } satisfies Record<DeliveryMethod, string>,
  history: (count: number) => `Quá trình xử lý (${count} bước)`,
  historyOrder: 'Mới nhất ở trên cùng.',
  showAll: (count: number) => `Xem toàn bộ ${count} bước`,
  refresh: 'Cập nhật trạng thái',
  print: 'In kết quả tra cứu',
};

export type LookupMessages = typeof vi;

/** Vietnamese is bundled with the element; English is a chunk of its own, fetched on English pages only. */
export const catalog = new Catalog({ common: commonVi, own: vi }, () =>
  import('./messages.en.js').then((module) => module.english),
);
