/** Text of `<dvc-attachment-upload>`, Vietnamese; `messages.en.ts` must have every key. */
import { Catalog } from '../../i18n/catalog.js';
import { commonVi } from '../../i18n/common.js';

const vi = {
  label: 'Tệp đính kèm',
  chooseFiles: 'Chọn tệp',
  takePhoto: 'Chụp ảnh',
  dropHint: 'hoặc kéo và thả tệp vào đây',
  dropNow: 'Thả tệp vào đây để tải lên',
  limits: (types: string, size: string, files: number) =>
    `Định dạng ${types}; tối đa ${size} mỗi tệp${files > 1 ? `, tối đa ${files} tệp` : ''}.`,
  fileList: 'Các tệp đã chọn',
  checking: 'Đang kiểm tra tệp…',
  uploading: (percent: number) => `Đang tải lên ${percent}%`,
  paused: (percent: number) => `Đã tạm dừng ở ${percent}%`,
  done: 'Đã tải lên',
  failed: 'Chưa tải lên được',
  progressLabel: (name: string) => `Tiến độ tải lên ${name}`,
  pause: 'Tạm dừng',
  resume: 'Tiếp tục',
  cancel: 'Hủy',
  retry: 'Thử lại',
  remove: 'Xóa',
  /** Accessible names: the visible word, then the file it acts on (WCAG 2.5.3). */
  pauseFile: (name: string) => `Tạm dừng tải lên ${name}`,
  resumeFile: (name: string) => `Tiếp tục tải lên ${name}`,
  cancelFile: (name: string) => `Hủy tải lên ${name}`,
  retryFile: (name: string) => `Thử lại việc tải lên ${name}`,
  removeFile: (name: string) => `Xóa ${name}`,
  announceProgress: (name: string, percent: number) => `${name}: đã tải lên ${percent}%`,
  announceDone: (name: string) => `Đã tải lên xong ${name}`,
  announceRemoved: (name: string) => `Đã xóa ${name}`,
  empty: (name: string) => `Tệp “${name}” trống (0 byte) nên không tải lên được. Hãy chọn lại tệp.`,
  tooLarge: (name: string, limit: string) =>
    `Tệp “${name}” vượt quá dung lượng tối đa ${limit}. Hãy chọn tệp nhỏ hơn hoặc chụp lại với độ phân giải thấp hơn.`,
  wrongType: (name: string, types: string) => `Tệp “${name}” không thuộc định dạng được nhận (${types}).`,
  notWhatItSays: (name: string) =>
    `Nội dung tệp “${name}” không đúng với định dạng của tên tệp, có thể tệp bị hỏng hoặc đã bị đổi tên. Hãy chọn tệp gốc.`,
  tooMany: (max: number) => `Chỉ được đính kèm tối đa ${max} tệp. Hãy xóa bớt tệp trước khi chọn thêm.`,
  duplicate: (name: string) => `Tệp “${name}” đã được chọn rồi.`,
  refusedByServer: (name: string) => `Máy chủ không nhận tệp “${name}”.`,
  infected: (name: string) =>
    `Tệp “${name}” có chứa vi-rút hoặc mã độc nên đã bị loại bỏ. Hãy quét vi-rút trên thiết bị rồi chọn bản tệp sạch.`,
  interrupted: 'Việc tải lên bị gián đoạn. Hãy bấm “Thử lại” để gửi tiếp.',
  serverTooLarge: (name: string) => `Tệp “${name}” vượt quá dung lượng tối đa máy chủ nhận. Hãy chọn tệp nhỏ hơn.`,
  draftTooLarge: (name: string) =>
    `Không thêm được “${name}”: tổng dung lượng các tệp của hồ sơ đã đến mức tối đa. Hãy xóa bớt tệp hoặc chọn tệp nhỏ hơn.`,
  addressQuota: (name: string) =>
    `Chưa nhận được “${name}”: mạng bạn đang dùng đã tải lên nhiều tệp chưa nộp. Hãy nộp hồ sơ đang khai hoặc thử lại sau.`,
  notReady: 'Còn tệp chưa tải lên xong: hãy tiếp tục, thử lại hoặc xóa tệp đó.',
  unreadable: (name: string) => `Không đọc được tệp “${name}”: tệp có thể đã bị xóa hoặc thay đổi. Hãy chọn lại tệp.`,
  requiredMark: '(bắt buộc)',
  offline: 'Thiết bị đang mất kết nối mạng. Việc tải lên sẽ tự tiếp tục khi có mạng trở lại.',
  required: 'Vui lòng đính kèm ít nhất một tệp.',
  stillUploading: 'Vui lòng đợi các tệp tải lên xong.',
  noEndpoint:
    'Tiện ích chưa được cấu hình đúng: máy chủ dịch vụ không nhận tệp tải lên. Vui lòng báo cho quản trị viên của trang web.',
};

export type UploadMessages = typeof vi;

/** Vietnamese is bundled with the element; English is a chunk of its own, fetched on English pages only. */
export const catalog = new Catalog({ common: commonVi, own: vi }, () =>
  import('./messages.en.js').then((module) => module.english),
);
