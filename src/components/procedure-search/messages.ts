/** Text of `<dvc-procedure-search>`, Vietnamese; `messages.en.ts` must have every key. */
import { Catalog } from '../../i18n/catalog.js';
import type { FeeSummary, OnlineLevel, ProcessingTime } from '../../api/contract/catalogue.js';
import { commonVi, money } from '../../i18n/common.js';

const vi = {
  searchLabel: 'Tìm thủ tục hành chính',
  searchHint: 'Nhập tên thủ tục hoặc từ khóa, có dấu hay không dấu đều được, ví dụ: khai sinh, ket hon.',
  searchButton: 'Tìm kiếm',
  eventFilter: 'Sự kiện trong cuộc sống',
  allEvents: 'Tất cả sự kiện',
  fieldFilter: 'Lĩnh vực',
  allFields: 'Tất cả lĩnh vực',
  levelFilter: 'Mức độ trực tuyến',
  allLevels: 'Tất cả mức độ',
  searching: 'Đang tìm thủ tục…',
  found: (total: number) => `Tìm thấy ${total} thủ tục`,
  showing: (shown: number, total: number) => `Đang hiển thị ${shown}/${total} thủ tục.`,
  loadMore: (remaining: number) => `Xem thêm thủ tục (còn ${remaining})`,
  loadedMore: (count: number, shown: number, total: number) =>
    `Đã tải thêm ${count} thủ tục, đang hiển thị ${shown}/${total}.`,
  noResults: (query: string) =>
    query ? `Không tìm thấy thủ tục nào phù hợp với “${query}”.` : 'Không tìm thấy thủ tục nào phù hợp.',
  closestIntro: 'Có phải bạn muốn tìm một trong các thủ tục sau?',
  noResultsHelp: 'Hãy thử từ khóa ngắn hơn, kiểm tra chính tả hoặc bỏ bớt bộ lọc.',
  emptyCatalog: 'Hiện chưa có thủ tục nào được công bố trên trang này.',
  clearFilters: 'Bỏ tìm kiếm và bộ lọc',
  code: 'Mã thủ tục',
  field: 'Lĩnh vực',
  agency: 'Cơ quan thực hiện',
  processingTime: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  level: 'Mức độ',
  /** Beside the official level (which says how the procedure may be filed anywhere): this site takes it online. */
  onlineHere: 'Nộp trực tuyến tại đây',
  back: 'Quay lại danh sách thủ tục',
  loadingDetail: 'Đang tải thông tin thủ tục…',
  procedureNotFound: 'Không tìm thấy thủ tục này. Thủ tục có thể đã được bãi bỏ hoặc thay thế.',
  levelNames: {
    'toan-trinh': 'Toàn trình',
    'mot-phan': 'Một phần',
    'thong-tin': 'Chỉ cung cấp thông tin',
  } satisfies Record<OnlineLevel, string>,
  processingTimeText: (time: ProcessingTime): string => {
    if (time.unit === 'same-day') {
      return time.sameDayCutoff
        ? `Trong ngày (nhận sau ${time.sameDayCutoff} thì trả vào ngày làm việc tiếp theo)`
        : 'Trong ngày';
    }
    // No number: the published data gives none (its note, in the detail, says where to ask).
    if (time.value === undefined) return 'Chưa có thông tin';
    const units = { 'working-days': 'ngày làm việc', days: 'ngày', hours: 'giờ' };
    return `${time.value} ${units[time.unit]}`;
  },
  feeText: (fee: FeeSummary): string => {
    if (fee.min === 0 && fee.max === 0) return 'Miễn phí';
    if (fee.max === null) return `Từ ${money(fee.min, 'vi')}`;
    if (fee.min === fee.max) return money(fee.min, 'vi');
    if (fee.min === 0) return `Miễn phí hoặc tối đa ${money(fee.max, 'vi')}`;
    return `${money(fee.min, 'vi')} – ${money(fee.max, 'vi')}`;
  },
};

export type SearchMessages = typeof vi;

/** Vietnamese is bundled with the element; English is a chunk of its own, fetched on English pages only. */
export const catalog = new Catalog({ common: commonVi, own: vi }, () =>
  import('./messages.en.js').then((module) => module.english),
);
