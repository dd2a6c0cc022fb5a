/** Text of `<dvc-dossier-form>`, Vietnamese; `messages.en.ts` must have every key. */
import type { ProblemCode } from '../../api/contract/dossiers.js';
import type { DeliveryMethod } from '../../api/contract/filing.js';
import { Catalog } from '../../i18n/catalog.js';
import { commonVi } from '../../i18n/common.js';

/** How a field is filled, for the wording of "required": typed, chosen or attached. */
export type Verb = 'type' | 'choose' | 'attach';

const vi = {
  loading: 'Đang tải biểu mẫu…',
  steps: { applicant: 'Người nộp hồ sơ', form: 'Tờ khai', documents: 'Giấy tờ đính kèm', review: 'Kiểm tra lại' },
  progress: 'Các bước nộp hồ sơ',
  stepOf: (n: number, of: number, name: string) => `Bước ${n}/${of}: ${name}`,
  applicantHeading: 'Thông tin người nộp hồ sơ',
  documentsIntro: 'Chụp ảnh hoặc quét (scan) từng giấy tờ rồi đính kèm.',
  noDocuments: 'Thủ tục này không cần đính kèm giấy tờ.',
  reviewHeading: 'Kiểm tra lại thông tin',
  reviewIntro: 'Chọn “Thay đổi” để sửa thông tin trước khi gửi.',
  change: 'Thay đổi',
  notGiven: 'Không khai',
  noFiles: 'Không có tệp',
  fees: 'Phí, lệ phí',
  noFee: 'Không thu phí, lệ phí.',
  free: 'miễn phí',
  feeWhen: 'Nộp khi nhận kết quả.',
  feeBeforeResult: 'Bộ phận Một cửa báo số tiền và cách nộp trước khi gửi kết quả.',
  next: 'Tiếp tục',
  back: 'Quay lại',
  send: 'Gửi hồ sơ',
  sending: 'Đang gửi…',
  required: 'bắt buộc',
  errorPrefix: 'Lỗi:',
  summaryTitle: 'Có vấn đề cần sửa',
  kind: 'Người nộp hồ sơ là',
  case: 'Trường hợp của bạn',
  caseRequired: 'Vui lòng chọn trường hợp của bạn',
  kinds: { person: 'Cá nhân', organisation: 'Tổ chức' },
  fullName: 'Họ, chữ đệm và tên',
  birthDate: 'Ngày, tháng, năm sinh',
  dateHint: 'Ngày/tháng/năm, ví dụ: 27/03/2007.',
  sex: 'Giới tính',
  sexes: { nam: 'Nam', nu: 'Nữ' },
  personalId: 'Số định danh cá nhân',
  personalIdHint: '12 chữ số, in trên thẻ Căn cước hoặc Căn cước công dân.',
  phone: 'Số điện thoại di động',
  phoneHint: 'Ví dụ: 0912 345 678.',
  email: 'Thư điện tử (email)',
  address: 'Nơi cư trú',
  orgName: 'Tên tổ chức',
  taxCode: 'Mã số thuế',
  taxCodeHint: '10 chữ số (chi nhánh: thêm dấu gạch ngang và 3 chữ số).',
  orgAddress: 'Địa chỉ trụ sở',
  representative: 'Người đại diện theo pháp luật',
  repName: 'Họ, chữ đệm và tên người đại diện',
  repId: 'Số định danh cá nhân của người đại diện',
  repPosition: 'Chức vụ',
  street: 'Số nhà, đường, thôn, tổ dân phố',
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  chooseProvince: '— Chọn tỉnh, thành phố —',
  chooseCommune: '— Chọn xã, phường, đặc khu —',
  findCommune: 'Tìm xã, phường',
  communesFound: (n: number) => (n ? `Tìm thấy ${n} xã, phường` : 'Không tìm thấy xã, phường nào'),
  choose: '— Chọn —',
  yes: 'Có',
  no: 'Không',
  addItem: (label: string, n: number) => `Thêm ${label.toLowerCase()} ${n}`,
  removeItem: (label: string, n: number) => `Xóa ${label.toLowerCase()} ${n}`,
  itemTitle: (label: string, n: number) => `${label} ${n}`,
  template: (name: string, format: string) => `Tải mẫu ${name} (${format.toUpperCase()})`,
  consent: 'Lưu tạm trên thiết bị này',
  consentHint: (hours: number) =>
    `Lưu thông tin đã khai trên trình duyệt này ${hours} giờ để khai tiếp khi quay lại. Không chọn nếu dùng máy tính chung: khi đó thông tin chỉ được giữ đến khi đóng thẻ này.`,
  restoreHeading: 'Bạn có hồ sơ đang khai dở',
  /** `device`: kept with consent; else only for this tab, which the text must not hide. */
  restoreText: (when: string, device: boolean) =>
    `Hồ sơ được ${device ? 'lưu trên thiết bị' : 'giữ tạm trong thẻ (tab)'} này lúc ${when}.`,
  restore: 'Tiếp tục hồ sơ đang khai',
  startOver: 'Khai lại từ đầu',
  otherTab:
    'Hồ sơ này đang được khai ở một thẻ (tab) khác. Để hai nơi không ghi đè lên nhau, thẻ này tạm ngừng lưu thông tin.',
  takeOver: 'Khai tiếp ở thẻ này',
  delivery: 'Cách nhận kết quả',
  deliveries: {
    online: 'Nhận bản điện tử trực tuyến',
    post: 'Nhận qua dịch vụ bưu chính công ích',
    desk: 'Nhận trực tiếp tại Bộ phận Một cửa',
  } satisfies Record<DeliveryMethod, string>,
  postAddress: 'Địa chỉ nhận kết quả qua bưu chính',
  postHint: 'Mặc định là địa chỉ đã khai ở bước 1; sửa nếu muốn nhận ở nơi khác.',
  fromApplicant: 'Một số ô đã được điền sẵn theo thông tin người nộp hồ sơ ở bước 1; bạn có thể sửa nếu cần.',
  declarationLabel: 'Tôi xin cam đoan',
  declarationRequired: 'Vui lòng đánh dấu vào ô cam đoan trước khi gửi hồ sơ.',
  uploading: (label: string) => `“${label}”: còn tệp chưa tải lên xong. Hãy đợi, thử lại hoặc xóa tệp đó.`,
  sendFailed: 'Chưa gửi được hồ sơ.',
  dataKept: 'Thông tin bạn đã khai vẫn được giữ nguyên. Bấm “Thử lại” để gửi: hồ sơ chỉ được nộp một lần.',
  tooLarge: 'Hồ sơ vượt quá dung lượng máy chủ nhận. Hãy bớt hoặc thay tệp nhỏ hơn.',
  versionChanged: 'Biểu mẫu vừa được cơ quan cập nhật. Thông tin đã khai được giữ lại; vui lòng kiểm tra rồi gửi.',
  notFound: 'Không tìm thấy thủ tục này. Vui lòng kiểm tra lại đường dẫn.',
  noProcedure: 'Chưa chọn thủ tục để nộp hồ sơ.',
  notOnline:
    'Thủ tục này chưa nhận hồ sơ trực tuyến. Vui lòng xem thông tin thủ tục và nộp trực tiếp tại Bộ phận Một cửa.',
  procedureInfo: 'Xem thông tin thủ tục',
  brokenForm: 'Biểu mẫu của thủ tục này đang bị lỗi. Vui lòng thử lại sau hoặc nộp trực tiếp tại Bộ phận Một cửa.',
  /** A problem at a field, naming it. */
  /** A problem at a field: `{l}` is its label, `{n}` the limit; `-choose`/`-attach` variants where the wording differs. */
  problems: {
    'required-choose': 'Vui lòng chọn {l}.',
    'required-attach': 'Vui lòng đính kèm {l}.',
    'required-part-type': 'Vui lòng nhập {p} của {l}.',
    'required-part-choose': 'Vui lòng chọn {p} của {l}.',
    required: 'Vui lòng nhập {l}.',
    'too-long': '{l} không được dài quá {n} ký tự.',
    'too-short': '{l} quá ngắn.',
    'not-a-number': '{l} phải là một số.',
    'too-small': '{l} không được nhỏ hơn {n}.',
    'too-large': '{l} không được lớn hơn {n}.',
    'not-whole': '{l} phải là số nguyên.',
    'date-format': '{l} không phải là một ngày hợp lệ.',
    'date-part': '{l} cần có đủ ngày, tháng và năm.',
    'date-year': '{l} cần có năm đủ 4 chữ số, ví dụ: 1990.',
    'date-future': '{l} không được sau ngày hôm nay.',
    'date-past': '{l} không được trước ngày hôm nay.',
    choice: 'Lựa chọn ở {l} không hợp lệ. Vui lòng chọn lại.',
    'too-few': '{l} cần ít nhất {n} mục.',
    'too-many-attach': '{l}: chỉ được đính kèm tối đa {n} tệp.',
    'too-many': '{l} chỉ được tối đa {n} mục.',
    'id-format': '{l} phải gồm đúng 12 chữ số.',
    'id-province': '{l} không đúng: 3 chữ số đầu không phải mã tỉnh nào.',
    'id-birth-year': '{l} không khớp với năm sinh đã khai. Vui lòng kiểm tra lại.',
    'id-sex': '{l} không khớp với giới tính. Vui lòng kiểm tra lại.',
    'tax-format': '{l} phải gồm 10 chữ số (chi nhánh: thêm -NNN) hoặc 12 chữ số.',
    'tax-check-digit': '{l} không đúng (sai chữ số kiểm tra). Vui lòng kiểm tra lại.',
    phone: '{l} phải là số di động 10 chữ số, ví dụ 0912 345 678.',
    'phone-prefix': '{l} không đúng: số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
    email: '{l} không đúng định dạng, ví dụ ten@example.com.',
    commune: '{l}: xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn.',
    'applicant-kind': 'Thủ tục này không nhận hồ sơ của loại người nộp đã chọn.',
    delivery: 'Vui lòng chọn {l}.',
    attachment: 'Tệp ở {l} không còn trên máy chủ. Vui lòng đính kèm lại.',
    'attachment-type': 'Tệp ở {l} không đúng định dạng được nhận.',
    'attachment-size': 'Tệp ở {l} vượt quá dung lượng cho phép.',
  } satisfies Record<
    | ProblemCode
    | 'required-choose'
    | 'required-attach'
    | 'required-part-type'
    | 'required-part-choose'
    | 'too-many-attach'
    | 'phone-prefix'
    | 'date-part'
    | 'date-year',
    string
  >,
};

export type FormMessages = typeof vi;

/** Vietnamese is bundled with the element; English is a chunk of its own, fetched on English pages only. */
export const catalog = new Catalog({ common: commonVi, own: vi }, () =>
  import('./messages.en.js').then((module) => module.english),
);
