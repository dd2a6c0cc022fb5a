/**
 * Messages every widget uses: errors, retry and sums of money. Each widget
 * adds its own catalog beside its element.
 * The English twin, `common.en.ts`, is typed against this one, so a missing
 * English string fails the build; it is loaded only on English pages.
 */
import type { BackendError, BackendErrorKind } from '../api/errors.js';
import { locale, type Lang } from './lang.js';

export const money = (amount: number, lang: Lang): string =>
  new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);

const vi = {
  retry: 'Thử lại',
  loading: 'Đang tải…',
  /** Shown to the citizen; the console gets the technical details. */
  errors: {
    config:
      'Tiện ích chưa được cấu hình đúng: thiếu, sai hoặc không phải địa chỉ máy chủ dvc-widgets (thuộc tính api). Vui lòng báo cho quản trị viên của trang web.',
    'mixed-content':
      'Tiện ích chưa được cấu hình đúng: trang dùng https:// nhưng địa chỉ máy chủ dịch vụ dùng http://, trình duyệt sẽ chặn. Vui lòng báo cho quản trị viên của trang web.',
    'agency-not-found':
      'Tiện ích chưa được cấu hình đúng: mã cơ quan (thuộc tính agency) không có trên máy chủ dịch vụ. Vui lòng báo cho quản trị viên của trang web.',
    offline: 'Thiết bị đang mất kết nối mạng. Khi có mạng trở lại, hãy bấm “Thử lại”.',
    network: 'Không kết nối được với máy chủ dịch vụ. Kiểm tra kết nối mạng rồi bấm “Thử lại”.',
    timeout: 'Máy chủ dịch vụ phản hồi quá lâu. Vui lòng bấm “Thử lại”.',
    server: 'Máy chủ dịch vụ đang gặp sự cố. Vui lòng thử lại sau ít phút.',
    'invalid-response':
      'Máy chủ dịch vụ trả về dữ liệu không đúng định dạng. Vui lòng thử lại sau; nếu vẫn lỗi, hãy báo cho cơ quan quản lý trang web.',
    'not-found': 'Không tìm thấy thông tin được yêu cầu.',
    'rate-limited': 'Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi một lát rồi thử lại.',
    validation: 'Máy chủ dịch vụ thấy một số thông tin chưa hợp lệ. Vui lòng xem lại các mục được đánh dấu.',
    'bad-request':
      'Máy chủ dịch vụ từ chối yêu cầu. Vui lòng tải lại trang; nếu vẫn lỗi, hãy báo cho cơ quan quản lý trang web.',
  } satisfies Record<BackendErrorKind, string>,
  rateLimitedWait: (seconds: number) =>
    `Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${seconds} giây.`,
  money: (amount: number) => money(amount, 'vi'),
};

export type CommonMessages = typeof vi;

/** Vietnamese is always bundled; English loads on demand (`common.en.ts`). */
export const commonVi = vi;

/** The citizen-facing sentence for a backend error. */
export function errorMessage(error: BackendError, t: CommonMessages): string {
  const wait = error.details['retryAfter'];
  if (error.kind === 'rate-limited' && typeof wait === 'number') return t.rateLimitedWait(wait);
  return t.errors[error.kind];
}
