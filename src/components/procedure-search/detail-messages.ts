/**
 * Text only the detail view of `<dvc-procedure-search>` shows, Vietnamese.
 * Kept out of `messages.ts` so that it travels with the detail view's lazy
 * chunk: a citizen who only searches never downloads it, and the search
 * page stays within its 20 KB budget. `detail-messages.en.ts` must have
 * every key.
 */
const vi = {
  sample: 'Dữ liệu mẫu',
  submitOnline: 'Nộp hồ sơ trực tuyến',
  notOnline: 'Trang này chưa nhận hồ sơ trực tuyến của thủ tục này.',
  /** For a procedure whose official level is online (toàn trình, một phần) that this site does not take. */
  nationalPortal:
    'Thủ tục được công bố là dịch vụ công trực tuyến: có thể nộp trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).',
  whereToGo: (agency: string) => `Vui lòng nộp hồ sơ trực tiếp tại ${agency} hoặc gửi qua dịch vụ bưu chính công ích.`,
  formsOffline: 'Có thể tải mẫu đơn, tờ khai ở mục bên dưới để điền trước.',
  general: 'Thông tin chung',
  documents: 'Thành phần hồ sơ',
  originals: 'Bản chính',
  copies: 'Bản sao',
  uploadRequired: 'Cần tải lên khi nộp trực tuyến',
  templateLink: (name: string) => `Tải mẫu: ${name}`,
  steps: 'Trình tự thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  fees: 'Phí, lệ phí',
  noFee: 'Không thu phí, lệ phí.',
  results: 'Kết quả thực hiện',
  legalBasis: 'Căn cứ pháp lý',
  forms: 'Mẫu đơn, tờ khai',
  download: (name: string, format: string) => `${name} (tệp ${format.toUpperCase()})`,
  receivingAgency: 'Cơ quan tiếp nhận hồ sơ',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  openingHours: 'Thời gian tiếp nhận',
  none: 'Không có.',
  /** Steps, results, legal basis: every procedure has them; an empty list is data not yet published. */
  unknown: 'Chưa có thông tin.',
  noDocuments: 'Chưa có thông tin về thành phần hồ sơ. Vui lòng hỏi Bộ phận Một cửa trước khi đến nộp.',
  cases: 'Các trường hợp',
  casesIntro: 'Giấy tờ, phí và thời hạn tùy trường hợp của bạn.',
  commonDocuments: 'Mọi trường hợp đều cần:',
  extraDocuments: 'Cần thêm:',
  noExtraDocuments: 'Không cần thêm giấy tờ.',
  byCase: 'Tùy trường hợp, xem mục “Các trường hợp”.',
  onlineTime: 'Khi nộp trực tuyến',
  representative: 'Nộp thay qua người được ủy quyền',
  allowed: (yes: boolean): string => (yes ? 'Được' : 'Không được'),
  submitCase: 'Nộp trực tuyến theo trường hợp này',
  fileAt: (place: string) => `Nộp tại ${place}`,
};

export type DetailMessages = typeof vi;

/** The detail view's text in `lang`: Vietnamese at once, English fetched on English pages only. */
export const detailMessages = (lang: string | undefined): Promise<DetailMessages> =>
  lang === 'en' ? import('./detail-messages.en.js').then((module) => module.english) : Promise.resolve(vi);
