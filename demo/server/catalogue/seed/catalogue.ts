/**
 * Seed catalogue of the reference backend: two SAMPLE agencies of an imaginary
 * commune and the real commune-level procedures they handle (national codes,
 * names, fields, times, fees, documents and online levels as published in
 * 2025; see ../shared/DOMAIN.md). Agency names say "(mẫu)" so nobody takes
 * them for a real office.
 *
 * Layout: building blocks (fields, times, fees, legal bases, documents,
 * steps), then the form templates, then the procedures grouped by field.
 * A procedure's `forms` is derived from the templates its documents carry,
 * so a form is named once, in `formTemplates`, and looked up by id.
 *
 * Fees vary by province (lệ phí set by the provincial People's Council):
 * where the national text fixes no amount, the amount is null and the note
 * says so; the amounts shown otherwise are those of the national texts or of
 * one province's 2025 publication (DOMAIN.md section 8).
 */
import type {
  Agency,
  Fee,
  FeeSummary,
  Field,
  FormTemplate,
  LegalBasis,
  ProcedureDetail,
  ProcessingTime,
  RequiredDocument,
} from '../../../../src/api/contract/index.js';
import { hasFormDefinition } from '../../forms/index.js';
import type { FormTemplateSource } from '../../forms/rtf.js';

export const agencies: Agency[] = [
  {
    code: '000.00.01.H99',
    name: 'Ủy ban nhân dân xã Minh Họa (mẫu)',
    parent: 'Tỉnh Mẫu (dữ liệu minh họa)',
    address: 'Số 1 đường Trung Tâm, xã Minh Họa, tỉnh Mẫu (địa chỉ minh họa)',
    phone: '0200 000 0001',
    email: 'motcua@minhhoa.example',
    openingHours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00; sáng thứ Bảy: 7:30–11:30',
    sample: true,
  },
  {
    code: '000.00.02.H99',
    name: 'Công an xã Minh Họa (mẫu)',
    parent: 'Công an tỉnh Mẫu (dữ liệu minh họa)',
    address: 'Số 3 đường Trung Tâm, xã Minh Họa, tỉnh Mẫu (địa chỉ minh họa)',
    phone: '0200 000 0113',
    openingHours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00',
    sample: true,
  },
];

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

/** The commune People's Committee and the commune police. */
const ubnd = agencies[0]!;
const congAn = agencies[1]!;

/** Fields (lĩnh vực): one code, one name, wherever they are used. */
const F = {
  hoTich: { code: 'ho-tich', name: 'Hộ tịch' },
  chungThuc: { code: 'chung-thuc', name: 'Chứng thực' },
  nuoiConNuoi: { code: 'nuoi-con-nuoi', name: 'Nuôi con nuôi' },
  baoTroXaHoi: { code: 'bao-tro-xa-hoi', name: 'Bảo trợ xã hội' },
  nguoiCoCong: { code: 'nguoi-co-cong', name: 'Người có công' },
  tonGiao: { code: 'ton-giao', name: 'Tín ngưỡng, tôn giáo' },
  thiDuaKhenThuong: { code: 'thi-dua-khen-thuong', name: 'Thi đua, khen thưởng' },
  giaoDuc: { code: 'giao-duc', name: 'Giáo dục và đào tạo' },
  datDai: { code: 'dat-dai', name: 'Đất đai' },
  hoKinhDoanh: { code: 'ho-kinh-doanh', name: 'Thành lập và hoạt động của hộ kinh doanh' },
  cuTru: { code: 'cu-tru', name: 'Đăng ký, quản lý cư trú' },
} satisfies Record<string, Field>;

// Processing times ----------------------------------------------------------

/** Same day; received after 15:00 and not done at once: next working day. */
const sameDay: ProcessingTime = { unit: 'same-day', sameDayCutoff: '15:00' };

function withNote(time: ProcessingTime, note?: string): ProcessingTime {
  return note ? { ...time, note } : time;
}
const sameDayUnless = (note: string): ProcessingTime => withNote(sameDay, note);
const workingDays = (value: number, note?: string): ProcessingTime => withNote({ value, unit: 'working-days' }, note);
const calendarDays = (value: number, note?: string): ProcessingTime => withNote({ value, unit: 'days' }, note);

// Fees ----------------------------------------------------------------------

const FREE: FeeSummary = { min: 0, max: 0 };
/** A fee range; `max` null: no fixed upper bound (set by the province). */
const feeRange = (min: number, max: number | null): FeeSummary => ({ min, max });

function fee(label: string, amount: number | null, note?: string): Fee {
  return note ? { label, amount, note } : { label, amount };
}
const NO_FEES: Fee[] = [fee('Không thu phí, lệ phí', 0)];
const PROVINCIAL_RATE = 'Mức thu do Hội đồng nhân dân tỉnh quy định.';
const CIVIL_STATUS_EXEMPT =
  'Miễn lệ phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo và người khuyết tật.';
const RESIDENCE_EXEMPT =
  'Miễn lệ phí cho các trường hợp quy định tại Điều 4 Thông tư số 75/2022/TT-BTC (như trẻ em, người cao tuổi, người khuyết tật, người có công với cách mạng, người thuộc hộ nghèo).';

/** The fee paid at the desk and the reduced fee for an online dossier. */
function deskAndOnline(label: string, desk: number, online: number, note?: string): Fee[] {
  return [fee(`${label} (nộp hồ sơ trực tiếp)`, desk, note), fee(`${label} (nộp hồ sơ trực tuyến)`, online)];
}

// Legal bases ---------------------------------------------------------------

const basis = (...titles: string[]): LegalBasis[] => titles.map((title) => ({ title }));

const LUAT_HO_TICH = 'Luật Hộ tịch số 60/2014/QH13';
const LUAT_HON_NHAN = 'Luật Hôn nhân và gia đình số 52/2014/QH13';
const BO_LUAT_DAN_SU = 'Bộ luật Dân sự số 91/2015/QH13';
const ND_HO_TICH = 'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch';
const ND_SUA_DOI_2025 =
  'Nghị định số 07/2025/NĐ-CP sửa đổi, bổ sung một số điều của các nghị định trong lĩnh vực hộ tịch, quốc tịch, chứng thực';
const ND_PHAN_DINH_TU_PHAP =
  'Nghị định số 120/2025/NĐ-CP quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp';
const TT_HO_TICH =
  'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP';
const TT_HO_TICH_2024 = 'Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp (mẫu tờ khai hộ tịch)';
const TT_LE_PHI_HDND =
  'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương';
const TT_PHI_CSDL_HO_TICH =
  'Thông tư số 281/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch';
const HO_TICH_BASIS = [LUAT_HO_TICH, ND_HO_TICH, ND_SUA_DOI_2025, ND_PHAN_DINH_TU_PHAP, TT_HO_TICH, TT_HO_TICH_2024];

const CHUNG_THUC_BASIS = [
  'Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
  ND_SUA_DOI_2025,
  'Thông tư số 01/2020/TT-BTP quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP',
  'Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực',
];

const TRO_GIUP_XA_HOI_BASIS = [
  'Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
  'Nghị định số 76/2024/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP',
];

const CU_TRU_BASIS = [
  'Luật Cư trú số 68/2020/QH14',
  'Nghị định số 154/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú',
  'Thông tư số 53/2025/TT-BCA của Bộ trưởng Bộ Công an (biểu mẫu đăng ký, quản lý cư trú)',
];
const LE_PHI_CU_TRU = 'Thông tư số 75/2022/TT-BTC quy định mức thu, chế độ thu, nộp và quản lý lệ phí đăng ký cư trú';

// ---------------------------------------------------------------------------
// Form templates
// ---------------------------------------------------------------------------

const NATIONAL_HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const TT_HO_TICH_FORM = 'Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP';
const REQUESTER = ['Họ, chữ đệm, tên người yêu cầu:', 'Nơi cư trú:', 'Giấy tờ tùy thân:'];
const PERSON = [
  'Họ, chữ đệm, tên:',
  'Ngày, tháng, năm sinh:',
  'Giới tính, dân tộc, quốc tịch:',
  'Nơi cư trú:',
  'Giấy tờ tùy thân:',
];
const SIGNED_BY_REQUESTER = ['Làm tại:', 'Người yêu cầu (ký, ghi rõ họ, chữ đệm, tên)'];

/** One party of a registration (người nhận, người giám hộ…). */
const party = (role: string): string[] => [
  `Họ, chữ đệm, tên ${role}:`,
  'Ngày, tháng, năm sinh:',
  'Dân tộc, quốc tịch:',
  'Nơi cư trú:',
  'Giấy tờ tùy thân:',
];
/** A spouse, on the marriage declarations. */
const spouse = (side: string, withRank: boolean): string[] => [
  `Họ, chữ đệm, tên ${side}:`,
  `Ngày, tháng, năm sinh ${side}:`,
  `Dân tộc, quốc tịch ${side}:`,
  `Nơi cư trú ${side}:`,
  `Giấy tờ tùy thân ${side}:`,
  ...(withRank ? [`Kết hôn lần thứ mấy (${side}):`] : []),
];

const pledge = (what: string): string =>
  `Tôi cam đoan nội dung đề nghị ${what} trên đây là đúng sự thật và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.`;
const pledgeLost = (what: string, papers: string): string =>
  `Tôi cam đoan đã ${what} nhưng Sổ hộ tịch và ${papers} đều bị mất; nội dung đề nghị trên đây là đúng sự thật và tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.`;

/** Any form: the national header, the heading, then its own lines. */
function formSource(id: string, title: string, heading: string, lines: string[]): FormTemplateSource {
  return { id, title, lines: [...NATIONAL_HEADER, heading, ...lines] };
}

/** A civil-status declaration: addressee and requester, its own lines, the pledge, the signature. */
function hoTichForm(
  id: string,
  title: string,
  heading: string,
  body: string[],
  pledgeLine: string,
): FormTemplateSource {
  return formSource(id, title, heading, ['Kính gửi:', ...REQUESTER, ...body, pledgeLine, ...SIGNED_BY_REQUESTER]);
}

const marriageForm = (
  id: string,
  title: string,
  heading: string,
  withRank: boolean,
  extra: string[],
  pledgeLine: string,
) =>
  formSource(id, title, heading, [
    'Kính gửi:',
    ...spouse('bên nữ', withRank),
    ...spouse('bên nam', withRank),
    ...extra,
    pledgeLine,
    'Làm tại:',
    'Bên nữ (ký, ghi rõ họ, chữ đệm, tên)',
    'Bên nam (ký, ghi rõ họ, chữ đệm, tên)',
  ]);

export const formTemplates: FormTemplateSource[] = [
  // Hộ tịch ------------------------------------------------------------------
  hoTichForm(
    'to-khai-dang-ky-khai-sinh',
    'Tờ khai đăng ký khai sinh (Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP)',
    'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    [
      'Quan hệ với người được khai sinh:',
      'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây',
      'Họ, chữ đệm, tên:',
      'Ngày, tháng, năm sinh:',
      'Ngày, tháng, năm sinh ghi bằng chữ:',
      'Giới tính:',
      'Dân tộc:',
      'Quốc tịch:',
      'Nơi sinh:',
      'Quê quán:',
      'Họ, chữ đệm, tên người mẹ:',
      'Năm sinh, dân tộc, quốc tịch, nơi cư trú của người mẹ:',
      'Họ, chữ đệm, tên người cha:',
      'Năm sinh, dân tộc, quốc tịch, nơi cư trú của người cha:',
      'Đề nghị cấp bản sao Giấy khai sinh (số lượng):',
    ],
    pledge('đăng ký khai sinh'),
  ),
  hoTichForm(
    'to-khai-dang-ky-lai-khai-sinh',
    `Tờ khai đăng ký lại khai sinh (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ LẠI KHAI SINH',
    [
      'Quan hệ với người được đăng ký lại khai sinh:',
      'Đề nghị cơ quan đăng ký lại khai sinh cho người dưới đây',
      'Họ, chữ đệm, tên:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc, quốc tịch:',
      'Nơi sinh:',
      'Quê quán:',
      'Họ, chữ đệm, tên người mẹ:',
      'Họ, chữ đệm, tên người cha:',
      'Đã đăng ký khai sinh tại:',
      'Ngày, tháng, năm đăng ký khai sinh:',
    ],
    pledgeLost('đăng ký khai sinh', 'bản chính Giấy khai sinh'),
  ),
  marriageForm(
    'to-khai-dang-ky-ket-hon',
    `Tờ khai đăng ký kết hôn (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
    true,
    ['Đề nghị cấp bản sao Trích lục kết hôn (số lượng):'],
    'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam, và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
  ),
  marriageForm(
    'to-khai-dang-ky-lai-ket-hon',
    `Tờ khai đăng ký lại kết hôn (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ LẠI KẾT HÔN',
    false,
    ['Đã đăng ký kết hôn tại:', 'Ngày, tháng, năm đăng ký kết hôn:'],
    'Chúng tôi cam đoan đã đăng ký kết hôn nhưng Sổ hộ tịch và bản chính Giấy chứng nhận kết hôn đều bị mất; những lời khai trên đây là đúng sự thật và chúng tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
  ),
  hoTichForm(
    'to-khai-dang-ky-khai-tu',
    `Tờ khai đăng ký khai tử (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ KHAI TỬ',
    [
      'Quan hệ với người đã chết:',
      'Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây',
      'Họ, chữ đệm, tên người đã chết:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc, quốc tịch:',
      'Giấy tờ tùy thân của người đã chết:',
      'Nơi cư trú cuối cùng:',
      'Đã chết vào lúc (giờ, phút, ngày, tháng, năm):',
      'Nơi chết:',
      'Nguyên nhân chết:',
      'Số Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử:',
      'Đề nghị cấp bản sao Trích lục khai tử (số lượng):',
    ],
    pledge('đăng ký khai tử'),
  ),
  hoTichForm(
    'to-khai-dang-ky-lai-khai-tu',
    `Tờ khai đăng ký lại khai tử (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ LẠI KHAI TỬ',
    [
      'Quan hệ với người đã chết:',
      'Đề nghị cơ quan đăng ký lại khai tử cho người có tên dưới đây',
      'Họ, chữ đệm, tên người đã chết:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc, quốc tịch:',
      'Nơi cư trú cuối cùng:',
      'Đã chết vào ngày, tháng, năm:',
      'Nơi chết:',
      'Đã đăng ký khai tử tại:',
      'Ngày, tháng, năm đăng ký khai tử:',
    ],
    pledgeLost('đăng ký khai tử', 'bản chính Giấy chứng tử'),
  ),
  hoTichForm(
    'to-khai-dang-ky-nhan-cha-me-con',
    `Tờ khai đăng ký nhận cha, mẹ, con (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ NHẬN CHA, MẸ, CON',
    [
      'Đề nghị cơ quan đăng ký việc nhận cha, mẹ, con giữa',
      ...party('người nhận'),
      ...party('người được nhận'),
      'Quan hệ (người nhận là cha, mẹ hoặc con của người được nhận):',
    ],
    'Tôi cam đoan việc nhận cha, mẹ, con nêu trên là đúng sự thật, tự nguyện, không có tranh chấp và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
  ),
  hoTichForm(
    'to-khai-dang-ky-giam-ho',
    `Tờ khai đăng ký giám hộ (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ GIÁM HỘ',
    [
      'Đề nghị cơ quan đăng ký việc giám hộ giữa',
      ...party('người giám hộ'),
      ...party('người được giám hộ'),
      'Hình thức giám hộ (giám hộ đương nhiên hoặc giám hộ cử):',
      'Lý do đăng ký giám hộ:',
    ],
    pledge('đăng ký giám hộ'),
  ),
  hoTichForm(
    'to-khai-dang-ky-cham-dut-giam-ho',
    `Tờ khai đăng ký chấm dứt giám hộ (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ CHẤM DỨT GIÁM HỘ',
    [
      'Đề nghị cơ quan đăng ký chấm dứt việc giám hộ giữa',
      ...party('người giám hộ'),
      'Họ, chữ đệm, tên người được giám hộ:',
      'Ngày, tháng, năm sinh của người được giám hộ:',
      'Đã đăng ký giám hộ tại:',
      'Số, ngày đăng ký giám hộ:',
      'Lý do chấm dứt giám hộ:',
    ],
    pledge('đăng ký chấm dứt giám hộ'),
  ),
  hoTichForm(
    'to-khai-thay-doi-cai-chinh-bo-sung-ho-tich',
    `Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ THAY ĐỔI, CẢI CHÍNH, BỔ SUNG THÔNG TIN HỘ TỊCH, XÁC ĐỊNH LẠI DÂN TỘC',
    [
      'Quan hệ với người được thay đổi, cải chính, bổ sung thông tin hộ tịch:',
      'Đề nghị cơ quan đăng ký việc thay đổi, cải chính, bổ sung thông tin hộ tịch cho người có tên dưới đây',
      ...PERSON,
      'Việc hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử…) tại:',
      'Số, ngày đăng ký:',
      'Nội dung trước khi thay đổi, cải chính, bổ sung:',
      'Nội dung sau khi thay đổi, cải chính, bổ sung:',
      'Lý do:',
    ],
    pledge('thay đổi, cải chính, bổ sung thông tin hộ tịch'),
  ),
  hoTichForm(
    'to-khai-xac-nhan-tinh-trang-hon-nhan',
    `Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (${TT_HO_TICH_FORM})`,
    'TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
    [
      'Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân:',
      'Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây',
      ...PERSON,
      'Tình trạng hôn nhân:',
      'Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân:',
      'Số lượng Giấy xác nhận đề nghị cấp:',
    ],
    pledge('cấp Giấy xác nhận tình trạng hôn nhân'),
  ),
  hoTichForm(
    'to-khai-cap-ban-sao-trich-luc',
    `Tờ khai cấp bản sao trích lục hộ tịch (${TT_HO_TICH_FORM})`,
    'TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH',
    [
      'Quan hệ với người được cấp bản sao trích lục hộ tịch:',
      'Đề nghị cấp bản sao trích lục hộ tịch của người có tên dưới đây',
      ...PERSON,
      'Việc hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử…):',
      'Nơi đăng ký:',
      'Số, ngày đăng ký:',
      'Số lượng bản sao đề nghị cấp:',
    ],
    pledge('cấp bản sao trích lục hộ tịch'),
  ),

  // Chứng thực, nuôi con nuôi ------------------------------------------------
  formSource(
    'phieu-yeu-cau-chung-thuc-hop-dong',
    'Phiếu yêu cầu chứng thực hợp đồng, giao dịch (Mẫu ban hành kèm theo Thông tư số 01/2020/TT-BTP)',
    'PHIẾU YÊU CẦU CHỨNG THỰC HỢP ĐỒNG, GIAO DỊCH',
    [
      'Kính gửi:',
      'Họ và tên người yêu cầu chứng thực:',
      'Giấy tờ tùy thân (số, ngày cấp, nơi cấp):',
      'Địa chỉ liên hệ:',
      'Số điện thoại:',
      'Loại hợp đồng, giao dịch yêu cầu chứng thực:',
      'Tài sản liên quan đến hợp đồng, giao dịch:',
      'Các giấy tờ nộp kèm theo:',
      'Số bản chính đề nghị chứng thực:',
      'Tôi cam đoan các giấy tờ nộp kèm là đúng sự thật và chịu trách nhiệm về nội dung, tính hợp pháp của hợp đồng, giao dịch.',
      'Người yêu cầu chứng thực (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'don-xin-nhan-con-nuoi',
    'Đơn xin nhận con nuôi trong nước (Mẫu ban hành kèm theo Thông tư số 10/2020/TT-BTP)',
    'ĐƠN XIN NHẬN CON NUÔI',
    [
      '(Dùng cho trường hợp nhận con nuôi trong nước)',
      'Kính gửi:',
      'Họ, chữ đệm, tên người nhận con nuôi (ông):',
      'Ngày, tháng, năm sinh, dân tộc, quốc tịch, nơi thường trú:',
      'Họ, chữ đệm, tên người nhận con nuôi (bà):',
      'Ngày, tháng, năm sinh, dân tộc, quốc tịch, nơi thường trú:',
      'Họ, chữ đệm, tên người được nhận làm con nuôi:',
      'Ngày, tháng, năm sinh, giới tính, nơi sinh:',
      'Họ, chữ đệm, tên cha mẹ đẻ hoặc người giám hộ của người được nhận làm con nuôi:',
      'Quan hệ giữa người nhận con nuôi và người được nhận làm con nuôi:',
      'Lý do, mục đích nhận con nuôi:',
      'Chúng tôi cam kết chăm sóc, nuôi dưỡng, giáo dục con nuôi như con đẻ và chịu trách nhiệm trước pháp luật về những lời khai trên đây.',
      'Làm tại:',
      'Người nhận con nuôi (ký, ghi rõ họ, chữ đệm, tên)',
    ],
  ),

  // Bảo trợ xã hội, người khuyết tật, giảm nghèo --------------------------------
  formSource(
    'to-khai-tro-cap-xa-hoi',
    'Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a ban hành kèm theo Nghị định số 20/2021/NĐ-CP)',
    'TỜ KHAI ĐỀ NGHỊ TRỢ GIÚP XÃ HỘI',
    [
      'Kính gửi:',
      'I. THÔNG TIN CỦA ĐỐI TƯỢNG',
      'Họ và tên:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc:',
      'Số định danh cá nhân:',
      'Nơi thường trú:',
      'Nơi ở hiện nay:',
      'Thuộc nhóm đối tượng (trẻ em mồ côi, người cao tuổi, người khuyết tật, người đơn thân nghèo…):',
      'Đang hưởng chế độ nào (lương hưu, trợ cấp bảo hiểm xã hội, trợ cấp ưu đãi người có công…):',
      'II. THÔNG TIN NGƯỜI KHAI THAY (nếu có)',
      'Họ và tên người khai thay:',
      'Quan hệ với đối tượng:',
      'Tôi xin cam đoan những lời khai trên là đúng sự thật; nếu có điều gì khai không đúng, tôi xin chịu hoàn toàn trách nhiệm.',
      'Ngày, tháng, năm khai:',
      'Người khai (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'to-khai-ho-tro-mai-tang',
    'Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04 ban hành kèm theo Nghị định số 20/2021/NĐ-CP)',
    'TỜ KHAI ĐỀ NGHỊ HỖ TRỢ CHI PHÍ MAI TÁNG',
    [
      'Kính gửi:',
      'I. THÔNG TIN NGƯỜI CHẾT ĐƯỢC HỖ TRỢ CHI PHÍ MAI TÁNG',
      'Họ và tên:',
      'Ngày, tháng, năm sinh:',
      'Nơi cư trú trước khi chết:',
      'Thuộc đối tượng:',
      'Ngày, tháng, năm chết:',
      'Thời gian, địa điểm mai táng:',
      'II. THÔNG TIN CƠ QUAN, TỔ CHỨC, HỘ GIA ĐÌNH, CÁ NHÂN ĐỨNG RA MAI TÁNG',
      'Tên cơ quan, tổ chức hoặc họ và tên người đứng ra mai táng:',
      'Địa chỉ:',
      'Số định danh cá nhân:',
      'Quan hệ với người chết:',
      'Tôi xin cam đoan những lời khai trên là đúng sự thật; nếu có điều gì khai không đúng, tôi xin chịu hoàn toàn trách nhiệm.',
      'Người khai (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'giay-de-nghi-ra-soat-ho-ngheo',
    'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01 ban hành kèm theo Quyết định số 24/2021/QĐ-TTg)',
    'GIẤY ĐỀ NGHỊ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO',
    [
      'Kính gửi:',
      'Họ và tên chủ hộ:',
      'Ngày, tháng, năm sinh:',
      'Số định danh cá nhân:',
      'Nơi cư trú (thôn, tổ dân phố):',
      'Số thành viên trong hộ:',
      'Hoàn cảnh, lý do đề nghị rà soát:',
      'Đề nghị xét duyệt là (hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo):',
      'Tôi xin cam đoan những thông tin trên là đúng sự thật và chịu trách nhiệm trước pháp luật.',
      'Ngày, tháng, năm đề nghị:',
      'Người đề nghị (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'don-de-nghi-xac-dinh-muc-do-khuyet-tat',
    'Đơn đề nghị xác định, xác định lại mức độ khuyết tật và cấp, cấp đổi, cấp lại Giấy xác nhận khuyết tật (Mẫu số 01 ban hành kèm theo Thông tư số 01/2019/TT-BLĐTBXH)',
    'ĐƠN ĐỀ NGHỊ XÁC ĐỊNH, XÁC ĐỊNH LẠI MỨC ĐỘ KHUYẾT TẬT VÀ CẤP, CẤP ĐỔI, CẤP LẠI GIẤY XÁC NHẬN KHUYẾT TẬT',
    [
      'Kính gửi:',
      'Họ và tên người khuyết tật:',
      'Ngày, tháng, năm sinh, giới tính:',
      'Số định danh cá nhân:',
      'Nơi cư trú:',
      'Họ và tên người đại diện hợp pháp (nếu có):',
      'Quan hệ với người khuyết tật:',
      'Số điện thoại liên hệ:',
      'Nội dung đề nghị (xác định, xác định lại mức độ khuyết tật; cấp, cấp đổi, cấp lại Giấy xác nhận khuyết tật):',
      'Lý do đề nghị:',
      'Giấy tờ kèm theo:',
      'Tôi xin cam đoan những lời khai trên là đúng sự thật.',
      'Người viết đơn (ký, ghi rõ họ tên)',
    ],
  ),

  // Tôn giáo, thi đua, giáo dục -------------------------------------------------
  formSource(
    'van-ban-dang-ky-sinh-hoat-ton-giao-tap-trung',
    'Văn bản đăng ký sinh hoạt tôn giáo tập trung (Mẫu ban hành kèm theo Nghị định số 95/2023/NĐ-CP)',
    'VĂN BẢN ĐĂNG KÝ SINH HOẠT TÔN GIÁO TẬP TRUNG',
    [
      'Kính gửi:',
      'Họ và tên người đại diện nhóm sinh hoạt tôn giáo tập trung:',
      'Ngày, tháng, năm sinh:',
      'Số định danh cá nhân:',
      'Nơi cư trú:',
      'Tên tôn giáo, tổ chức tôn giáo:',
      'Địa điểm sinh hoạt tôn giáo tập trung:',
      'Số lượng người tham gia:',
      'Nội dung sinh hoạt tôn giáo:',
      'Thời gian sinh hoạt (ngày, giờ hằng tuần hoặc hằng tháng):',
      'Giấy tờ kèm theo:',
      'Chúng tôi cam kết thực hiện đúng quy định của pháp luật về tín ngưỡng, tôn giáo và nội dung đã đăng ký.',
      'Người đại diện (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'bao-cao-thanh-tich',
    'Báo cáo thành tích đề nghị khen thưởng (Mẫu ban hành kèm theo Nghị định số 98/2023/NĐ-CP)',
    'BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG GIẤY KHEN',
    [
      'Tên tập thể hoặc họ và tên cá nhân được đề nghị khen thưởng:',
      'Chức vụ, đơn vị công tác hoặc nơi cư trú:',
      'I. SƠ LƯỢC LÝ LỊCH HOẶC ĐẶC ĐIỂM, TÌNH HÌNH',
      'Đặc điểm, tình hình, chức năng, nhiệm vụ được giao:',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      'Kết quả thực hiện nhiệm vụ được giao:',
      'Các giải pháp, sáng kiến đã áp dụng và hiệu quả:',
      'Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước:',
      'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
      'Danh hiệu thi đua, hình thức khen thưởng đã nhận (năm, số quyết định):',
      'Xác nhận của thủ trưởng cơ quan, đơn vị trình khen thưởng:',
      'Người báo cáo thành tích (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'don-de-nghi-ho-tro-an-trua',
    'Đơn đề nghị hỗ trợ tiền ăn trưa cho trẻ em mẫu giáo (Mẫu ban hành kèm theo Nghị định số 105/2020/NĐ-CP)',
    'ĐƠN ĐỀ NGHỊ HỖ TRỢ TIỀN ĂN TRƯA',
    [
      'Kính gửi:',
      'Họ và tên cha, mẹ hoặc người chăm sóc, nuôi dưỡng trẻ:',
      'Nơi cư trú:',
      'Số điện thoại:',
      'Họ và tên trẻ:',
      'Ngày, tháng, năm sinh của trẻ:',
      'Hiện đang học tại lớp:',
      'Cơ sở giáo dục mầm non:',
      'Thuộc đối tượng được hỗ trợ:',
      'Tôi làm đơn này đề nghị được xem xét hỗ trợ tiền ăn trưa cho trẻ theo quy định và cam đoan những thông tin trên là đúng sự thật.',
      'Ngày, tháng, năm:',
      'Người làm đơn (ký, ghi rõ họ tên)',
    ],
  ),

  // Hộ kinh doanh, cư trú -------------------------------------------------------
  formSource(
    'giay-de-nghi-dang-ky-ho-kinh-doanh',
    'Giấy đề nghị đăng ký hộ kinh doanh (Mẫu ban hành kèm theo Thông tư số 68/2025/TT-BTC)',
    'GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH',
    [
      'Kính gửi:',
      'Tôi là (ghi họ tên bằng chữ in hoa):',
      'Số định danh cá nhân:',
      'Điện thoại, thư điện tử:',
      'Đăng ký hộ kinh doanh do tôi là chủ hộ với các nội dung sau',
      '1. Tên hộ kinh doanh (ghi bằng chữ in hoa):',
      '2. Địa chỉ trụ sở hộ kinh doanh:',
      '3. Ngành, nghề kinh doanh:',
      '4. Vốn kinh doanh:',
      '5. Số lượng lao động (dự kiến):',
      '6. Thông tin đăng ký thuế (ngày bắt đầu hoạt động, phương pháp tính thuế):',
      'Tôi cam kết không thuộc trường hợp bị cấm đăng ký hộ kinh doanh và chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác, trung thực của nội dung kê khai.',
      'Chủ hộ kinh doanh (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'ct01',
    'Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)',
    'TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ',
    [
      'Kính gửi:',
      '1. Họ, chữ đệm và tên khai sinh:',
      '2. Ngày, tháng, năm sinh:',
      '3. Giới tính:',
      '4. Số định danh cá nhân:',
      '5. Số điện thoại liên hệ:',
      '6. Email:',
      '7. Họ, chữ đệm và tên chủ hộ:',
      '8. Mối quan hệ với chủ hộ:',
      '9. Số định danh cá nhân của chủ hộ:',
      '10. Nội dung đề nghị:',
      '11. Những thành viên trong hộ gia đình cùng thay đổi (họ, chữ đệm và tên; ngày sinh; giới tính; số định danh cá nhân; quan hệ với chủ hộ):',
      'Ý KIẾN CỦA CHỦ HỘ',
      'Ý KIẾN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP',
      'Ý KIẾN CỦA CHA, MẸ HOẶC NGƯỜI GIÁM HỘ',
      'NGƯỜI KÊ KHAI (ký, ghi rõ họ, chữ đệm và tên)',
    ],
  ),
];

// ---------------------------------------------------------------------------
// Documents, steps and the procedure builder
// ---------------------------------------------------------------------------

/** The download entry of a form, built from its source in `formTemplates`. */
function form(id: string): FormTemplate {
  const source = formTemplates.find((candidate) => candidate.id === id);
  if (!source) throw new Error(`Seed catalogue: no form template "${id}"`);
  return { name: source.title, url: `forms/${id}.rtf`, format: 'rtf' };
}
/** A form's short name: its title without the "(Mẫu …)" reference. */
const formName = (id: string): string => form(id).name.replace(/\s*\([^)]*\)$/, '');

type DocumentOptions = Partial<Omit<RequiredDocument, 'name'>>;

/** A required document: by default one original, scanned and uploaded with an online dossier. */
function doc(name: string, options: DocumentOptions = {}): RequiredDocument {
  return { name, originals: 1, copies: 0, uploadRequired: true, ...options };
}
/** A copy (bản sao, or a scan online) to submit. */
const copyOf = (name: string, options: DocumentOptions = {}): RequiredDocument =>
  doc(name, { originals: 0, copies: 1, ...options });
/** A paper only shown at the desk, or read from a national database online: never uploaded. */
const shown = (name: string, note: string): RequiredDocument => doc(name, { uploadRequired: false, note });

const E_FORM_NOTE = 'Khi nộp trực tuyến, thông tin được kê khai trên biểu mẫu điện tử, không phải tải lên bản chụp.';
/** A declaration that is the electronic form itself online: filled in, not uploaded. */
const eForm = (id: string, note?: string): RequiredDocument =>
  doc(`${formName(id)} theo mẫu`, {
    uploadRequired: false,
    note: note ? `${note} ${E_FORM_NOTE}` : E_FORM_NOTE,
    template: form(id),
  });
/** A paper form that is signed: its scan is uploaded with an online dossier. */
const signedForm = (id: string, options: DocumentOptions = {}): RequiredDocument =>
  doc(`${formName(id)} theo mẫu`, { template: form(id), ...options });
/** The documents of a procedure that cannot be filed online: nothing is ever uploaded. */
const atTheDesk = (documents: RequiredDocument[]): RequiredDocument[] =>
  documents.map((document) => ({ ...document, uploadRequired: false }));

const ID_NOTE =
  'Xuất trình bản chính khi nộp trực tiếp; khi nộp trực tuyến, thông tin được xác thực qua tài khoản định danh điện tử VNeID và Cơ sở dữ liệu quốc gia về dân cư.';
const ID_PAPERS = shown(
  'Giấy tờ tùy thân của người yêu cầu: thẻ Căn cước, thẻ Căn cước công dân hoặc hộ chiếu còn giá trị sử dụng',
  ID_NOTE,
);
const idPapersOf = (who: string): RequiredDocument =>
  shown(`Giấy tờ tùy thân của ${who}: thẻ Căn cước, thẻ Căn cước công dân hoặc hộ chiếu còn giá trị sử dụng`, ID_NOTE);
const AUTHORIZATION = doc('Văn bản ủy quyền', {
  note: 'Khi ủy quyền cho người khác thực hiện; văn bản phải được chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
});

// Steps ---------------------------------------------------------------------

const SUBMIT =
  'Nộp hồ sơ trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân xã, qua dịch vụ bưu chính công ích hoặc trực tuyến trên Cổng Dịch vụ công quốc gia (đăng nhập bằng tài khoản định danh điện tử VNeID).';
const RETURN_RESULT =
  'Nhận kết quả tại Bộ phận Một cửa, qua dịch vụ bưu chính công ích hoặc bản điện tử trong tài khoản trên Cổng Dịch vụ công quốc gia.';

/** One-stop procedures: submission, reception, the procedure's own work, result. */
const motCuaSteps = (...work: string[]): string[] => [
  SUBMIT,
  'Bộ phận Một cửa kiểm tra hồ sơ: hồ sơ đầy đủ thì cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả; chưa đầy đủ thì hướng dẫn bổ sung một lần, đầy đủ các giấy tờ còn thiếu.',
  ...work,
  RETURN_RESULT,
];

/** Civil status: the same, checking the declaration against the population database at reception. */
const hoTichSteps = (...work: string[]): string[] => [
  SUBMIT,
  'Công chức tư pháp - hộ tịch kiểm tra hồ sơ, đối chiếu thông tin trong tờ khai với giấy tờ và Cơ sở dữ liệu quốc gia về dân cư; hồ sơ đầy đủ thì cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung một lần.',
  ...work,
  RETURN_RESULT,
];
const reRegistrationCheck = (what: string): string =>
  `Trong 05 ngày làm việc, công chức tư pháp - hộ tịch kiểm tra, xác minh hồ sơ; nếu nộp ở nơi khác nơi đã đăng ký ${what} trước đây thì đề nghị nơi đó xác minh việc còn lưu giữ Sổ hộ tịch.`;
const reRegistrationCondition = (what: string, paper: string): string =>
  `Việc ${what} đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính ${paper} đều bị mất.`;
const reRegistrationTime = (what: string): ProcessingTime =>
  workingDays(5, `Cộng thêm thời gian xác minh nếu phải đề nghị nơi đã đăng ký ${what} trước đây kiểm tra Sổ hộ tịch.`);

/** Certification is done in person, at the desk. */
const chungThucSteps = (...work: string[]): string[] => [
  'Người yêu cầu mang hồ sơ đến Bộ phận Một cửa của Ủy ban nhân dân xã; thủ tục này không nộp trực tuyến.',
  'Người thực hiện chứng thực kiểm tra giấy tờ; trường hợp không đủ điều kiện hoặc thuộc trường hợp không được chứng thực thì giải thích rõ lý do.',
  ...work,
  'Người yêu cầu nộp phí chứng thực và nhận kết quả tại Bộ phận Một cửa, ngay trong ngày hoặc theo thời gian hẹn trên phiếu hẹn.',
];

/** Residence: filed with the commune police, or online through the portals and VNeID. */
const cuTruSteps = (...work: string[]): string[] => [
  'Nộp hồ sơ trực tiếp tại Công an xã hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, Cổng Dịch vụ công Bộ Công an hoặc ứng dụng VNeID.',
  'Cơ quan đăng ký cư trú kiểm tra hồ sơ: đầy đủ, hợp lệ thì cấp Phiếu tiếp nhận hồ sơ và hẹn trả kết quả; đủ điều kiện nhưng còn thiếu giấy tờ thì hướng dẫn bổ sung; không đủ điều kiện thì từ chối bằng văn bản, nêu rõ lý do.',
  ...work,
  'Nhận thông báo kết quả qua ứng dụng VNeID, thư điện tử, tin nhắn hoặc trực tiếp tại Công an xã.',
];
const PAY_RESIDENCE_FEE = 'Người đăng ký nộp lệ phí đăng ký cư trú tại Công an xã hoặc thanh toán trực tuyến.';
const RESIDENCE_NOTICE = 'Thông báo kết quả giải quyết thủ tục đăng ký cư trú';

// The procedure builder -------------------------------------------------------

type ProcedureInput = Omit<ProcedureDetail, 'agency' | 'onlineSubmission' | 'conditions' | 'legalBasis' | 'forms'> & {
  /** Defaults to the commune People's Committee. */
  agency?: Agency;
  conditions?: string[];
  legalBasis: string[];
};

/**
 * A procedure: it can be filed online exactly when the backend has its
 * electronic form (`../forms/`), and `forms` lists the templates its
 * documents carry, each once.
 */
function procedure({ agency = ubnd, conditions = [], legalBasis, ...rest }: ProcedureInput): ProcedureDetail {
  const forms = new Map<string, FormTemplate>();
  for (const document of rest.documents) if (document.template) forms.set(document.template.url, document.template);
  return {
    ...rest,
    agency,
    onlineSubmission: hasFormDefinition(rest.code),
    conditions,
    legalBasis: basis(...legalBasis),
    forms: [...forms.values()],
  };
}

// ---------------------------------------------------------------------------
// Procedures
// ---------------------------------------------------------------------------

// Shared by the birth and parentage registrations.
const BIRTH_CERTIFICATE = doc('Giấy chứng sinh do cơ sở y tế cấp', {
  note: 'Nếu không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; không có người làm chứng thì nộp giấy cam đoan về việc sinh.',
});
const PARENTAGE_PROOF = doc('Chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con', {
  note: 'Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha, con hoặc mẹ, con; nếu không có thì các bên lập văn bản cam đoan, có ít nhất hai người làm chứng.',
});
const PARENTAGE_TIME = workingDays(3, 'Kéo dài thêm không quá 05 ngày làm việc nếu cần xác minh.');
const PARENTAGE_CONDITIONS = [
  'Người nhận và người được nhận là cha, mẹ, con còn sống; việc nhận là tự nguyện và không có tranh chấp.',
  'Người nhận cha, mẹ, con phải có mặt khi đăng ký; không ủy quyền.',
];
const PARENTAGE_FEES = deskAndOnline(
  'Lệ phí đăng ký nhận cha, mẹ, con',
  15000,
  7500,
  `${PROVINCIAL_RATE} ${CIVIL_STATUS_EXEMPT}`,
);
const PARENTAGE_REGISTERED =
  'Trong 03 ngày làm việc, công chức tư pháp - hộ tịch kiểm tra hồ sơ; nếu việc nhận cha, mẹ, con là đúng và không có tranh chấp thì ghi vào Sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.';

// Shared by the certifications of contracts.
const CONTRACT_REQUEST = signedForm('phieu-yeu-cau-chung-thuc-hop-dong');
const CONTRACT_TIME = workingDays(2, 'Có thể kéo dài hơn theo thỏa thuận bằng văn bản với người yêu cầu chứng thực.');
const CERTIFIER_SIGNS =
  'Nếu đúng quy định, người thực hiện chứng thực ghi lời chứng, ký, ghi rõ họ tên, đóng dấu và ghi vào sổ chứng thực.';
const copyOfIdOf = (who: string): RequiredDocument =>
  copyOf(`Bản sao giấy tờ tùy thân của ${who}`, { note: 'Xuất trình bản chính để đối chiếu.' });
const propertyTitle = (note: string): RequiredDocument =>
  copyOf('Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản hoặc giấy tờ thay thế theo quy định', { note });

// Shared by the temporary-residence procedures.
const temporaryResidenceDocuments = (what: string): RequiredDocument[] => [
  eForm('ct01', 'Người chưa thành niên phải có ý kiến đồng ý của cha, mẹ hoặc người giám hộ.'),
  doc('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', {
    note: 'Văn bản cho thuê, cho mượn, cho ở nhờ không bắt buộc công chứng, chứng thực; không phải nộp nếu thông tin đã có trong cơ sở dữ liệu chuyên ngành được kết nối với cơ quan đăng ký cư trú.',
  }),
  doc(`Văn bản đề nghị ${what} kèm danh sách người tạm trú`, {
    note: `Trường hợp cơ quan, tổ chức ${what} theo danh sách; mỗi người kèm một tờ khai.`,
  }),
];
const temporaryResidenceFees = (what: string): Fee[] => [
  ...deskAndOnline(`Lệ phí ${what}`, 15000, 7000, RESIDENCE_EXEMPT),
  ...deskAndOnline(`Lệ phí ${what} theo danh sách, mỗi người`, 10000, 5000),
];
const deregistrationDocuments = (what: string, article: string): RequiredDocument[] => [
  eForm('ct01'),
  doc(`Giấy tờ, tài liệu chứng minh thuộc một trong các trường hợp ${what} quy định tại ${article} Luật Cư trú`, {
    note: 'Không phải nộp nếu thông tin đã có trong cơ sở dữ liệu chuyên ngành được kết nối với cơ quan đăng ký cư trú.',
  }),
];

export const procedures: ProcedureDetail[] = [
  // Hộ tịch ------------------------------------------------------------------
  procedure({
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: F.hoTich,
    processingTime: sameDay,
    feeSummary: feeRange(0, 8000),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-khai-sinh'),
      BIRTH_CERTIFICATE,
      doc('Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập', {
        note: 'Trường hợp khai sinh cho trẻ em bị bỏ rơi.',
      }),
      doc('Văn bản chứng minh việc mang thai hộ', { note: 'Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ.' }),
      shown(
        'Giấy chứng nhận kết hôn của cha, mẹ',
        'Chỉ xuất trình khi cha, mẹ đã đăng ký kết hôn mà thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử.',
      ),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      'Ngay trong ngày, nếu thông tin đầy đủ và phù hợp, công chức tư pháp - hộ tịch ghi vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử và Cơ sở dữ liệu quốc gia về dân cư để cấp số định danh cá nhân; Chủ tịch Ủy ban nhân dân xã ký Giấy khai sinh.',
    ),
    conditions: [
      'Cha hoặc mẹ đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh; cha, mẹ không thể đi thì ông, bà hoặc người thân thích khác đi đăng ký.',
      'Ủy ban nhân dân xã nơi cư trú của cha hoặc mẹ thực hiện đăng ký khai sinh.',
    ],
    legalBasis: [...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [
      fee('Lệ phí đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)', 0, 'Miễn lệ phí.'),
      ...deskAndOnline('Lệ phí đăng ký khai sinh quá hạn', 8000, 4000, `${PROVINCIAL_RATE} ${CIVIL_STATUS_EXEMPT}`),
    ],
    results: [
      'Giấy khai sinh (bản chính)',
      'Số định danh cá nhân của người được đăng ký khai sinh',
      'Bản sao Giấy khai sinh, nếu có yêu cầu',
    ],
  }),
  procedure({
    code: '1.000689',
    name: 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
    field: F.hoTich,
    processingTime: PARENTAGE_TIME,
    feeSummary: feeRange(7500, 15000),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-khai-sinh'),
      eForm('to-khai-dang-ky-nhan-cha-me-con'),
      BIRTH_CERTIFICATE,
      PARENTAGE_PROOF,
      idPapersOf('người yêu cầu và người nhận cha, mẹ, con'),
    ],
    steps: hoTichSteps(
      PARENTAGE_REGISTERED,
      'Người nhận cha, mẹ, con có mặt ký vào Sổ hộ tịch; Chủ tịch Ủy ban nhân dân xã cấp Giấy khai sinh và Trích lục đăng ký nhận cha, mẹ, con.',
    ),
    conditions: PARENTAGE_CONDITIONS,
    legalBasis: [...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [
      fee('Lệ phí đăng ký khai sinh đúng hạn', 0, 'Miễn lệ phí khi đăng ký trong 60 ngày kể từ ngày sinh.'),
      ...PARENTAGE_FEES,
    ],
    results: ['Giấy khai sinh (bản chính)', 'Trích lục đăng ký nhận cha, mẹ, con (bản chính)'],
  }),
  procedure({
    code: '1.004884',
    name: 'Đăng ký lại khai sinh',
    field: F.hoTich,
    processingTime: reRegistrationTime('khai sinh'),
    feeSummary: feeRange(8000, 8000),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-lai-khai-sinh'),
      copyOf(
        'Bản sao giấy tờ, tài liệu có thông tin liên quan đến nội dung khai sinh (hồ sơ học tập, hồ sơ cán bộ, giấy tờ tùy thân…)',
        {
          note: 'Nộp bản sao toàn bộ giấy tờ hiện có; nếu nộp bản chụp thì xuất trình bản chính để đối chiếu.',
        },
      ),
      doc('Văn bản xác nhận của cơ quan, đơn vị quản lý về nội dung khai sinh', {
        note: 'Trường hợp người yêu cầu là cán bộ, công chức, viên chức hoặc người đang công tác trong lực lượng vũ trang.',
      }),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      reRegistrationCheck('khai sinh'),
      'Nếu việc đăng ký lại là đúng quy định, công chức tư pháp - hộ tịch ghi vào Sổ hộ tịch; Chủ tịch Ủy ban nhân dân xã cấp Giấy khai sinh có ghi chú đăng ký lại.',
    ),
    conditions: [
      reRegistrationCondition('khai sinh', 'Giấy khai sinh'),
      'Người yêu cầu đăng ký lại khai sinh phải còn sống vào thời điểm tiếp nhận hồ sơ.',
    ],
    legalBasis: [...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [fee('Lệ phí đăng ký lại khai sinh', 8000, `${PROVINCIAL_RATE} ${CIVIL_STATUS_EXEMPT}`)],
    results: ['Giấy khai sinh (bản chính) có ghi chú đăng ký lại'],
  }),
  procedure({
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    field: F.hoTich,
    processingTime: sameDayUnless('Tối đa 05 ngày làm việc nếu cần xác minh điều kiện kết hôn.'),
    feeSummary: FREE,
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-ket-hon', 'Hai bên nam, nữ có thể dùng chung một tờ khai.'),
      doc('Giấy xác nhận tình trạng hôn nhân', {
        note: 'Trường hợp bên nam hoặc bên nữ không cư trú tại xã nơi đăng ký kết hôn và thông tin tình trạng hôn nhân chưa có trong Cơ sở dữ liệu hộ tịch điện tử.',
      }),
      idPapersOf('hai bên nam, nữ'),
    ],
    steps: hoTichSteps(
      'Ngay trong ngày, nếu hai bên đủ điều kiện kết hôn, công chức tư pháp - hộ tịch ghi việc kết hôn vào Sổ đăng ký kết hôn và cập nhật Cơ sở dữ liệu hộ tịch điện tử.',
      'Hai bên nam, nữ cùng có mặt ký vào Sổ đăng ký kết hôn và Giấy chứng nhận kết hôn; Chủ tịch Ủy ban nhân dân xã trao Giấy chứng nhận kết hôn cho mỗi bên.',
    ),
    conditions: [
      'Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi trở lên; việc kết hôn do hai bên tự nguyện quyết định.',
      'Không bị mất năng lực hành vi dân sự và không thuộc trường hợp cấm kết hôn (kết hôn giả tạo, đang có vợ hoặc chồng, cùng dòng máu về trực hệ, có họ trong phạm vi ba đời…).',
      'Hai bên nam, nữ phải cùng có mặt khi đăng ký kết hôn; không ủy quyền.',
      'Ủy ban nhân dân xã nơi cư trú của bên nam hoặc bên nữ thực hiện đăng ký kết hôn.',
    ],
    legalBasis: [LUAT_HON_NHAN, ...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [fee('Lệ phí đăng ký kết hôn', 0, 'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước.')],
    results: ['Giấy chứng nhận kết hôn (mỗi bên một bản chính)'],
  }),
  procedure({
    code: '1.004746',
    name: 'Đăng ký lại kết hôn',
    field: F.hoTich,
    processingTime: reRegistrationTime('kết hôn'),
    feeSummary: feeRange(0, null),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-lai-ket-hon'),
      copyOf('Bản sao Giấy chứng nhận kết hôn đã được cấp trước đây', {
        note: 'Nếu không có thì nộp bản sao giấy tờ, tài liệu có nội dung liên quan đến việc đăng ký kết hôn.',
      }),
      idPapersOf('hai bên vợ, chồng'),
    ],
    steps: hoTichSteps(
      reRegistrationCheck('kết hôn'),
      'Nếu việc đăng ký lại là đúng quy định, hai bên cùng có mặt ký vào Sổ hộ tịch; Chủ tịch Ủy ban nhân dân xã cấp Giấy chứng nhận kết hôn có ghi chú đăng ký lại.',
    ),
    conditions: [
      reRegistrationCondition('kết hôn', 'Giấy chứng nhận kết hôn'),
      'Hai bên vợ, chồng phải còn sống vào thời điểm tiếp nhận hồ sơ.',
    ],
    legalBasis: [LUAT_HON_NHAN, ...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [fee('Lệ phí đăng ký lại kết hôn', null, `${PROVINCIAL_RATE} ${CIVIL_STATUS_EXEMPT}`)],
    results: ['Giấy chứng nhận kết hôn (bản chính) có ghi chú đăng ký lại'],
  }),
  procedure({
    code: '1.000656',
    name: 'Đăng ký khai tử',
    field: F.hoTich,
    processingTime: sameDayUnless('Tối đa 03 ngày làm việc nếu cần xác minh.'),
    feeSummary: feeRange(0, null),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-khai-tu'),
      doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp'),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      'Ngay trong ngày, nếu việc khai tử là đúng, công chức tư pháp - hộ tịch ghi vào Sổ đăng ký khai tử, cập nhật Cơ sở dữ liệu hộ tịch điện tử và Cơ sở dữ liệu quốc gia về dân cư; Chủ tịch Ủy ban nhân dân xã cấp Trích lục khai tử.',
    ),
    conditions: [
      'Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết đăng ký khai tử trong thời hạn 15 ngày kể từ ngày có người chết.',
      'Ủy ban nhân dân xã nơi cư trú cuối cùng của người chết thực hiện đăng ký khai tử.',
    ],
    legalBasis: [...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [
      fee('Lệ phí đăng ký khai tử đúng hạn (trong 15 ngày)', 0, 'Miễn lệ phí.'),
      fee('Lệ phí đăng ký khai tử quá hạn', null, `${PROVINCIAL_RATE} ${CIVIL_STATUS_EXEMPT}`),
    ],
    results: ['Trích lục khai tử (bản chính)'],
  }),
  procedure({
    code: '1.005461',
    name: 'Đăng ký lại khai tử',
    field: F.hoTich,
    processingTime: reRegistrationTime('khai tử'),
    feeSummary: feeRange(0, null),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-lai-khai-tu'),
      copyOf('Bản sao Giấy chứng tử đã được cấp trước đây', {
        note: 'Nếu không có thì nộp bản sao giấy tờ, tài liệu có nội dung liên quan đến việc khai tử.',
      }),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      reRegistrationCheck('khai tử'),
      'Nếu việc đăng ký lại là đúng quy định, công chức tư pháp - hộ tịch ghi vào Sổ hộ tịch; Chủ tịch Ủy ban nhân dân xã cấp Trích lục khai tử có ghi chú đăng ký lại.',
    ),
    conditions: [reRegistrationCondition('khai tử', 'Giấy chứng tử')],
    legalBasis: [...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [fee('Lệ phí đăng ký lại khai tử', null, `${PROVINCIAL_RATE} ${CIVIL_STATUS_EXEMPT}`)],
    results: ['Trích lục khai tử (bản chính) có ghi chú đăng ký lại'],
  }),
  procedure({
    code: '1.001022',
    name: 'Đăng ký nhận cha, mẹ, con',
    field: F.hoTich,
    processingTime: PARENTAGE_TIME,
    feeSummary: feeRange(7500, 15000),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-nhan-cha-me-con'),
      PARENTAGE_PROOF,
      idPapersOf('người nhận và người được nhận là cha, mẹ, con'),
    ],
    steps: hoTichSteps(
      PARENTAGE_REGISTERED,
      'Hai bên cùng có mặt ký vào Sổ hộ tịch; Chủ tịch Ủy ban nhân dân xã cấp Trích lục đăng ký nhận cha, mẹ, con.',
    ),
    conditions: PARENTAGE_CONDITIONS,
    legalBasis: [...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: PARENTAGE_FEES,
    results: ['Trích lục đăng ký nhận cha, mẹ, con (bản chính)'],
  }),
  procedure({
    code: '1.004837',
    name: 'Đăng ký giám hộ',
    field: F.hoTich,
    processingTime: workingDays(3),
    feeSummary: FREE,
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-giam-ho'),
      doc('Văn bản cử người giám hộ', { note: 'Trường hợp giám hộ cử.' }),
      doc('Giấy tờ chứng minh điều kiện làm người giám hộ đương nhiên', {
        note: 'Trường hợp giám hộ đương nhiên; nếu có nhiều người cùng đủ điều kiện thì kèm văn bản thỏa thuận cử một người làm giám hộ.',
      }),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      'Trong 03 ngày làm việc, nếu thấy đủ điều kiện, công chức tư pháp - hộ tịch ghi việc giám hộ vào Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử và cùng người yêu cầu ký vào Sổ hộ tịch.',
      'Chủ tịch Ủy ban nhân dân xã cấp Trích lục đăng ký giám hộ.',
    ),
    conditions: [
      'Người giám hộ có năng lực hành vi dân sự đầy đủ, có tư cách đạo đức tốt và điều kiện cần thiết để thực hiện quyền, nghĩa vụ của người giám hộ theo Bộ luật Dân sự.',
      'Ủy ban nhân dân xã nơi cư trú của người được giám hộ hoặc người giám hộ thực hiện đăng ký.',
    ],
    legalBasis: [BO_LUAT_DAN_SU, ...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [fee('Lệ phí đăng ký giám hộ', 0, 'Miễn lệ phí.')],
    results: ['Trích lục đăng ký giám hộ (bản chính)'],
  }),
  procedure({
    code: '1.004845',
    name: 'Đăng ký chấm dứt giám hộ',
    field: F.hoTich,
    processingTime: workingDays(2),
    feeSummary: feeRange(0, null),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-dang-ky-cham-dut-giam-ho'),
      doc('Giấy tờ làm căn cứ chấm dứt việc giám hộ theo quy định của Bộ luật Dân sự', {
        note: 'Ví dụ: giấy tờ chứng minh người được giám hộ đã có năng lực hành vi dân sự đầy đủ hoặc đã được nhận làm con nuôi.',
      }),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      'Trong 02 ngày làm việc, nếu việc chấm dứt giám hộ đủ điều kiện, công chức tư pháp - hộ tịch ghi vào Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử và cùng người yêu cầu ký vào Sổ hộ tịch.',
      'Chủ tịch Ủy ban nhân dân xã cấp Trích lục đăng ký chấm dứt giám hộ.',
    ),
    conditions: [
      'Thuộc một trường hợp chấm dứt giám hộ theo Bộ luật Dân sự: người được giám hộ đã có năng lực hành vi dân sự đầy đủ, đã chết, được nhận làm con nuôi, hoặc cha, mẹ của người được giám hộ đã đủ điều kiện thực hiện quyền, nghĩa vụ của mình.',
    ],
    legalBasis: [BO_LUAT_DAN_SU, ...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [fee('Lệ phí đăng ký chấm dứt giám hộ', null, PROVINCIAL_RATE)],
    results: ['Trích lục đăng ký chấm dứt giám hộ (bản chính)'],
  }),
  procedure({
    code: '1.004859',
    name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch',
    field: F.hoTich,
    processingTime: workingDays(
      3,
      'Bổ sung thông tin hộ tịch được giải quyết ngay trong ngày; kéo dài thêm không quá 03 ngày làm việc nếu cần xác minh.',
    ),
    feeSummary: feeRange(5000, 28000),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-thay-doi-cai-chinh-bo-sung-ho-tich'),
      copyOf('Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch', {
        note: 'Ví dụ: giấy tờ tùy thân, học bạ, văn bằng ghi thông tin đúng; không yêu cầu nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư.',
      }),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      'Trong 03 ngày làm việc (bổ sung thông tin: ngay trong ngày), nếu yêu cầu có cơ sở, công chức tư pháp - hộ tịch ghi vào Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử và Cơ sở dữ liệu quốc gia về dân cư.',
      'Chủ tịch Ủy ban nhân dân xã cấp Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch.',
    ),
    conditions: [
      'Thay đổi họ, chữ đệm, tên theo quy định của Bộ luật Dân sự; việc thay đổi cho người từ đủ 09 tuổi trở lên phải có sự đồng ý của người đó.',
      'Cải chính khi thông tin đã đăng ký có sai sót do lỗi của công chức hoặc của người yêu cầu; bổ sung khi thông tin hộ tịch còn thiếu.',
    ],
    legalBasis: [BO_LUAT_DAN_SU, ...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [
      fee('Lệ phí bổ sung thông tin hộ tịch', 5000, PROVINCIAL_RATE),
      fee('Lệ phí thay đổi, cải chính hộ tịch', 28000, `${PROVINCIAL_RATE} ${CIVIL_STATUS_EXEMPT}`),
    ],
    results: ['Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch (bản chính)'],
  }),
  procedure({
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    field: F.hoTich,
    processingTime: workingDays(3, 'Tối đa 23 ngày nếu phải xác minh tình trạng hôn nhân tại nơi cư trú trước đây.'),
    feeSummary: feeRange(0, 10000),
    onlineLevel: 'mot-phan',
    documents: [
      eForm('to-khai-xac-nhan-tinh-trang-hon-nhan'),
      copyOf('Bản án, quyết định ly hôn đã có hiệu lực hoặc giấy tờ chứng minh vợ, chồng đã chết', {
        note: 'Trường hợp đã có vợ, chồng nhưng đã ly hôn hoặc người kia đã chết, nếu thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử.',
      }),
      doc('Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây', {
        note: 'Trường hợp đề nghị cấp lại để sử dụng vào mục đích khác hoặc khi giấy đã hết thời hạn sử dụng.',
      }),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      'Trong 03 ngày làm việc, công chức tư pháp - hộ tịch kiểm tra, xác minh tình trạng hôn nhân; người yêu cầu đã cư trú ở nhiều nơi thì có thể phải xác minh tại nơi cư trú trước đây.',
      'Nếu đủ điều kiện, Chủ tịch Ủy ban nhân dân xã ký cấp Giấy xác nhận tình trạng hôn nhân.',
    ),
    conditions: [
      'Giấy xác nhận tình trạng hôn nhân có giá trị 06 tháng kể từ ngày cấp và chỉ được sử dụng vào mục đích đã ghi trong giấy.',
    ],
    legalBasis: [...HO_TICH_BASIS, TT_LE_PHI_HDND],
    fees: [
      fee(
        'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân',
        10000,
        'Mức thu do Hội đồng nhân dân tỉnh quy định, từ 0 đến 10.000 đồng tùy tỉnh.',
      ),
    ],
    results: ['Giấy xác nhận tình trạng hôn nhân (bản chính)'],
  }),
  procedure({
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    field: F.hoTich,
    processingTime: sameDay,
    feeSummary: feeRange(8000, 8000),
    onlineLevel: 'toan-trinh',
    documents: [eForm('to-khai-cap-ban-sao-trich-luc'), ID_PAPERS, AUTHORIZATION],
    steps: hoTichSteps(
      'Ngay trong ngày, công chức tư pháp - hộ tịch tra cứu Sổ hộ tịch hoặc Cơ sở dữ liệu hộ tịch điện tử và trình Chủ tịch Ủy ban nhân dân xã ký cấp bản sao.',
    ),
    conditions: [
      'Cá nhân được cấp bản sao trích lục về sự kiện hộ tịch của mình đã được đăng ký, không phụ thuộc vào nơi cư trú.',
    ],
    legalBasis: [...HO_TICH_BASIS, TT_PHI_CSDL_HO_TICH],
    fees: [fee('Phí cấp bản sao trích lục hộ tịch', 8000, 'Thu theo số bản sao: 8.000 đồng/bản.')],
    results: ['Bản sao Trích lục hộ tịch hoặc bản sao Giấy khai sinh (bản giấy hoặc bản điện tử)'],
  }),
  procedure({
    code: '2.002516',
    name: 'Xác nhận thông tin hộ tịch',
    field: F.hoTich,
    processingTime: workingDays(3),
    feeSummary: feeRange(8000, 8000),
    onlineLevel: 'toan-trinh',
    documents: [
      doc('Văn bản yêu cầu xác nhận thông tin hộ tịch, nêu rõ thông tin cần xác nhận và mục đích sử dụng', {
        uploadRequired: false,
        note: E_FORM_NOTE,
      }),
      ID_PAPERS,
      AUTHORIZATION,
    ],
    steps: hoTichSteps(
      'Trong 03 ngày làm việc, công chức tư pháp - hộ tịch tra cứu Sổ hộ tịch và Cơ sở dữ liệu hộ tịch điện tử; nếu sự kiện hộ tịch đã được đăng ký thì trình Chủ tịch Ủy ban nhân dân xã ký văn bản xác nhận.',
    ),
    legalBasis: [...HO_TICH_BASIS, TT_PHI_CSDL_HO_TICH],
    fees: [fee('Phí xác nhận thông tin hộ tịch', 8000)],
    results: ['Văn bản xác nhận thông tin hộ tịch (bản giấy hoặc bản điện tử)'],
  }),

  // Chứng thực ---------------------------------------------------------------
  procedure({
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: F.chungThuc,
    processingTime: sameDayUnless(
      'Yêu cầu chứng thực nhiều giấy tờ, số lượng lớn có thể được hẹn trả trong ngày làm việc tiếp theo.',
    ),
    feeSummary: feeRange(2000, 200000),
    onlineLevel: 'thong-tin',
    documents: atTheDesk([
      doc('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao'),
      copyOf('Bản sao cần chứng thực', {
        note: 'Nếu người yêu cầu không mang theo bản sao thì cơ quan chứng thực chụp từ bản chính.',
      }),
    ]),
    steps: chungThucSteps(`Người thực hiện chứng thực đối chiếu bản sao với bản chính. ${CERTIFIER_SIGNS}`),
    conditions: [
      'Không chứng thực bản sao từ bản chính bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ, bị hư hỏng, cũ nát không xác định được nội dung, hoặc đóng dấu mật.',
      'Bản chính do cơ quan có thẩm quyền của nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn.',
    ],
    legalBasis: CHUNG_THUC_BASIS,
    fees: [
      fee('Phí chứng thực bản sao từ bản chính, trang thứ nhất và thứ hai', 2000, '2.000 đồng/trang.'),
      fee(
        'Phí chứng thực bản sao từ trang thứ ba trở lên',
        1000,
        '1.000 đồng/trang; tối đa không quá 200.000 đồng/bản.',
      ),
    ],
    results: ['Bản sao được chứng thực từ bản chính'],
  }),
  procedure({
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: F.chungThuc,
    processingTime: sameDay,
    feeSummary: feeRange(10000, 10000),
    onlineLevel: 'thong-tin',
    documents: atTheDesk([
      doc(
        'Bản chính hoặc bản sao có chứng thực thẻ Căn cước, thẻ Căn cước công dân hoặc hộ chiếu còn giá trị sử dụng của người yêu cầu chứng thực',
      ),
      doc('Giấy tờ, văn bản mà người yêu cầu chứng thực sẽ ký'),
    ]),
    steps: chungThucSteps(`Người yêu cầu ký trước mặt người thực hiện chứng thực. ${CERTIFIER_SIGNS}`),
    conditions: [
      'Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực; không chứng thực chữ ký trên giấy tờ đã ký sẵn.',
      'Không chứng thực chữ ký trên giấy tờ có nội dung là hợp đồng, giao dịch, trừ trường hợp pháp luật có quy định khác.',
    ],
    legalBasis: CHUNG_THUC_BASIS,
    fees: [fee('Phí chứng thực chữ ký', 10000, '10.000 đồng/trường hợp.')],
    results: ['Giấy tờ, văn bản đã được chứng thực chữ ký'],
  }),
  procedure({
    code: '2.001035',
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    field: F.chungThuc,
    processingTime: CONTRACT_TIME,
    feeSummary: feeRange(50000, 50000),
    onlineLevel: 'thong-tin',
    documents: atTheDesk([
      CONTRACT_REQUEST,
      doc('Dự thảo hợp đồng, giao dịch'),
      copyOfIdOf('người yêu cầu chứng thực'),
      propertyTitle(
        'Đối với tài sản mà pháp luật quy định phải đăng ký quyền sở hữu, quyền sử dụng; xuất trình bản chính để đối chiếu.',
      ),
    ]),
    steps: chungThucSteps(
      'Người thực hiện chứng thực kiểm tra năng lực hành vi dân sự, sự tự nguyện của các bên và giấy tờ về tài sản.',
      `Các bên ký vào hợp đồng, giao dịch trước mặt người thực hiện chứng thực. ${CERTIFIER_SIGNS}`,
    ),
    conditions: [
      'Các bên tham gia hợp đồng, giao dịch phải có mặt và ký trước mặt người thực hiện chứng thực.',
      'Người yêu cầu chứng thực chịu trách nhiệm về nội dung, tính hợp pháp của hợp đồng, giao dịch.',
    ],
    legalBasis: CHUNG_THUC_BASIS,
    fees: [fee('Phí chứng thực hợp đồng, giao dịch', 50000, '50.000 đồng/hợp đồng, giao dịch.')],
    results: ['Hợp đồng, giao dịch được chứng thực'],
  }),
  procedure({
    code: '2.000913',
    name: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
    field: F.chungThuc,
    processingTime: CONTRACT_TIME,
    feeSummary: feeRange(30000, 30000),
    onlineLevel: 'thong-tin',
    documents: atTheDesk([
      CONTRACT_REQUEST,
      doc('Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch'),
      doc('Hợp đồng, giao dịch đã được chứng thực trước đây', { note: 'Bản chính do các bên đang giữ.' }),
      copyOfIdOf('người yêu cầu chứng thực'),
    ]),
    steps: chungThucSteps(
      'Người thực hiện chứng thực đối chiếu với hợp đồng, giao dịch đã chứng thực và kiểm tra sự thỏa thuận của tất cả các bên.',
      `Các bên ký văn bản sửa đổi, bổ sung hoặc hủy bỏ trước mặt người thực hiện chứng thực. ${CERTIFIER_SIGNS}`,
    ),
    conditions: [
      'Việc sửa đổi, bổ sung, hủy bỏ phải có sự thỏa thuận bằng văn bản của tất cả những người đã tham gia hợp đồng, giao dịch.',
      'Thực hiện tại cơ quan đã chứng thực hợp đồng, giao dịch đó.',
    ],
    legalBasis: CHUNG_THUC_BASIS,
    fees: [
      fee(
        'Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
        30000,
        '30.000 đồng/hợp đồng, giao dịch.',
      ),
    ],
    results: ['Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch được chứng thực'],
  }),
  procedure({
    code: '2.001019',
    name: 'Chứng thực di chúc',
    field: F.chungThuc,
    processingTime: CONTRACT_TIME,
    feeSummary: feeRange(50000, 50000),
    onlineLevel: 'thong-tin',
    documents: atTheDesk([
      CONTRACT_REQUEST,
      doc('Dự thảo di chúc'),
      copyOfIdOf('người lập di chúc'),
      propertyTitle(
        'Trường hợp di chúc định đoạt tài sản mà pháp luật quy định phải đăng ký quyền sở hữu, quyền sử dụng; xuất trình bản chính để đối chiếu.',
      ),
    ]),
    steps: chungThucSteps(
      'Người thực hiện chứng thực kiểm tra người lập di chúc minh mẫn, sáng suốt, tự nguyện và nội dung di chúc không trái pháp luật.',
      `Người lập di chúc ký hoặc điểm chỉ vào di chúc trước mặt người thực hiện chứng thực. ${CERTIFIER_SIGNS}`,
    ),
    conditions: [
      'Người lập di chúc phải tự mình yêu cầu chứng thực, không ủy quyền cho người khác.',
      'Nếu có căn cứ cho rằng người lập di chúc không nhận thức, làm chủ được hành vi của mình thì người thực hiện chứng thực đề nghị làm rõ; không làm rõ được thì từ chối chứng thực.',
    ],
    legalBasis: CHUNG_THUC_BASIS,
    fees: [fee('Phí chứng thực di chúc', 50000, '50.000 đồng/di chúc.')],
    results: ['Di chúc được chứng thực'],
  }),

  // Nuôi con nuôi ----------------------------------------------------------------
  procedure({
    code: '2.001263',
    name: 'Đăng ký việc nuôi con nuôi trong nước',
    field: F.nuoiConNuoi,
    processingTime: calendarDays(
      30,
      'Tính từ ngày nhận đủ hồ sơ hợp lệ; gồm cả thời gian lấy ý kiến của những người liên quan.',
    ),
    feeSummary: feeRange(400000, 400000),
    onlineLevel: 'mot-phan',
    documents: [
      signedForm('don-xin-nhan-con-nuoi'),
      doc('Phiếu lý lịch tư pháp của người nhận con nuôi'),
      doc('Giấy khám sức khỏe của người nhận con nuôi do cơ sở y tế có thẩm quyền cấp'),
      doc('Văn bản xác nhận hoàn cảnh gia đình, tình trạng chỗ ở, điều kiện kinh tế của người nhận con nuôi', {
        note: 'Không yêu cầu khi cha dượng, mẹ kế nhận con riêng của vợ, chồng hoặc cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi.',
      }),
      doc('Giấy xác nhận tình trạng hôn nhân của người nhận con nuôi', {
        note: 'Trường hợp người độc thân nhận con nuôi, nếu thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử.',
      }),
      copyOf('Bản sao Giấy khai sinh của người được nhận làm con nuôi'),
      doc('Giấy khám sức khỏe của người được nhận làm con nuôi'),
      doc('Hai ảnh toàn thân, nhìn thẳng của người được nhận làm con nuôi, chụp không quá 06 tháng'),
      doc('Biên bản xác nhận trẻ em bị bỏ rơi hoặc giấy tờ chứng minh trẻ em mồ côi', {
        note: 'Trường hợp người được nhận làm con nuôi bị bỏ rơi hoặc mồ côi.',
      }),
      idPapersOf('người nhận con nuôi'),
    ],
    steps: motCuaSteps(
      'Công chức tư pháp - hộ tịch kiểm tra hồ sơ, lấy ý kiến của cha mẹ đẻ hoặc người giám hộ và của người được nhận làm con nuôi từ đủ 09 tuổi trở lên.',
      'Nếu đủ điều kiện, Ủy ban nhân dân xã đăng ký việc nuôi con nuôi, tổ chức lễ giao nhận con nuôi và trao Giấy chứng nhận nuôi con nuôi cho các bên.',
    ),
    conditions: [
      'Người nhận con nuôi có năng lực hành vi dân sự đầy đủ, hơn con nuôi từ 20 tuổi trở lên (trừ cha dượng, mẹ kế, cô, cậu, dì, chú, bác ruột nhận con nuôi), có điều kiện sức khỏe, kinh tế, chỗ ở bảo đảm việc nuôi dưỡng và có tư cách đạo đức tốt.',
      'Người được nhận làm con nuôi là trẻ em dưới 16 tuổi; từ đủ 16 đến dưới 18 tuổi chỉ khi được cha dượng, mẹ kế hoặc cô, cậu, dì, chú, bác ruột nhận làm con nuôi.',
      'Phải có sự đồng ý của cha mẹ đẻ hoặc người giám hộ và của người được nhận làm con nuôi từ đủ 09 tuổi trở lên.',
    ],
    legalBasis: [
      'Luật Nuôi con nuôi số 52/2010/QH12',
      'Nghị định số 19/2011/NĐ-CP quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi',
      'Nghị định số 24/2019/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 19/2011/NĐ-CP',
      'Nghị định số 114/2016/NĐ-CP quy định lệ phí đăng ký nuôi con nuôi, lệ phí cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài',
      'Thông tư số 10/2020/TT-BTP quy định mẫu giấy tờ, sổ sách về nuôi con nuôi',
    ],
    fees: [
      fee(
        'Lệ phí đăng ký nuôi con nuôi trong nước',
        400000,
        'Miễn lệ phí khi cha dượng, mẹ kế nhận con riêng của vợ, chồng; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi; nhận trẻ em có hoàn cảnh đặc biệt làm con nuôi; hoặc người nhận con nuôi thường trú ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn.',
      ),
    ],
    results: ['Giấy chứng nhận nuôi con nuôi', 'Biên bản giao nhận con nuôi'],
  }),

  // Bảo trợ xã hội -----------------------------------------------------------
  procedure({
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    field: F.baoTroXaHoi,
    processingTime: workingDays(
      9,
      'Gồm 07 ngày làm việc xét duyệt, niêm yết công khai và 02 ngày làm việc để Chủ tịch Ủy ban nhân dân xã quyết định.',
    ),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [
      signedForm('to-khai-tro-cap-xa-hoi', {
        note: 'Dùng mẫu 1a đến 1đ tương ứng với từng nhóm đối tượng; điều chỉnh hoặc thôi hưởng thì nộp văn bản đề nghị nêu rõ lý do.',
      }),
      copyOf('Bản sao Giấy xác nhận khuyết tật', {
        note: 'Đối với người khuyết tật, nếu thông tin chưa có trong cơ sở dữ liệu về người khuyết tật.',
      }),
      copyOf(
        'Giấy tờ chứng minh thuộc diện đối tượng (giấy chứng tử của cha, mẹ; quyết định của Tòa án; giấy xác nhận đang đi học…)',
        {
          note: 'Tùy từng nhóm đối tượng; không phải nộp nếu thông tin đã có trong cơ sở dữ liệu quốc gia hoặc chuyên ngành.',
        },
      ),
    ],
    steps: motCuaSteps(
      'Hội đồng xét duyệt trợ giúp xã hội cấp xã xét duyệt hồ sơ và niêm yết công khai kết quả tại trụ sở Ủy ban nhân dân xã và nhà văn hóa thôn, tổ dân phố.',
      'Chủ tịch Ủy ban nhân dân xã quyết định trợ cấp xã hội hằng tháng; trường hợp không đủ điều kiện thì trả lời bằng văn bản, nêu rõ lý do.',
    ),
    conditions: [
      'Thuộc một trong các nhóm đối tượng bảo trợ xã hội quy định tại Điều 5 Nghị định số 20/2021/NĐ-CP (trẻ em không có nguồn nuôi dưỡng, người cao tuổi thuộc diện hưởng, người khuyết tật nặng và đặc biệt nặng, người đơn thân thuộc hộ nghèo nuôi con…).',
      'Mức trợ cấp bằng mức chuẩn trợ giúp xã hội (500.000 đồng/tháng) nhân với hệ số của từng nhóm đối tượng.',
    ],
    legalBasis: TRO_GIUP_XA_HOI_BASIS,
    fees: NO_FEES,
    results: [
      'Quyết định của Chủ tịch Ủy ban nhân dân xã về việc hưởng, điều chỉnh hoặc thôi hưởng trợ cấp xã hội hằng tháng',
    ],
  }),
  procedure({
    code: '1.001731',
    name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    field: F.baoTroXaHoi,
    processingTime: workingDays(3),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [
      signedForm('to-khai-ho-tro-mai-tang'),
      copyOf('Bản sao giấy báo tử hoặc Trích lục khai tử', {
        note: 'Không phải nộp nếu việc khai tử đã được cập nhật vào Cơ sở dữ liệu hộ tịch điện tử.',
      }),
      copyOf('Bản sao quyết định hưởng trợ cấp xã hội của người đã chết', {
        note: 'Trường hợp người chết đang hưởng trợ cấp xã hội hằng tháng.',
      }),
    ],
    steps: motCuaSteps(
      'Trong 03 ngày làm việc, công chức phụ trách lao động - xã hội thẩm định hồ sơ, trình Chủ tịch Ủy ban nhân dân xã quyết định hỗ trợ chi phí mai táng.',
      'Ủy ban nhân dân xã chi trả tiền hỗ trợ cho cơ quan, tổ chức, hộ gia đình hoặc cá nhân đã đứng ra mai táng.',
    ),
    conditions: [
      'Người chết là đối tượng bảo trợ xã hội đang hưởng trợ cấp xã hội hằng tháng hoặc thuộc trường hợp được hỗ trợ theo Nghị định số 20/2021/NĐ-CP.',
      'Mức hỗ trợ bằng 20 lần mức chuẩn trợ giúp xã hội; địa phương có thể quy định mức cao hơn.',
    ],
    legalBasis: TRO_GIUP_XA_HOI_BASIS,
    fees: NO_FEES,
    results: ['Quyết định hỗ trợ chi phí mai táng của Chủ tịch Ủy ban nhân dân xã', 'Tiền hỗ trợ chi phí mai táng'],
  }),
  procedure({
    code: '1.011607',
    name: 'Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo thường xuyên hằng năm',
    field: F.baoTroXaHoi,
    processingTime: workingDays(
      10,
      'Gồm thời gian rà soát, thẩm định và niêm yết công khai kết quả tại thôn, tổ dân phố.',
    ),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [signedForm('giay-de-nghi-ra-soat-ho-ngheo')],
    steps: motCuaSteps(
      'Ban chỉ đạo rà soát cấp xã thẩm định thu nhập và mức độ thiếu hụt dịch vụ xã hội cơ bản của hộ gia đình theo chuẩn nghèo đa chiều.',
      'Kết quả được niêm yết công khai tại nhà văn hóa thôn hoặc trụ sở Ủy ban nhân dân xã; hết thời gian niêm yết, Chủ tịch Ủy ban nhân dân xã quyết định công nhận và cấp Giấy chứng nhận hộ nghèo, hộ cận nghèo.',
    ),
    conditions: [
      'Hộ gia đình có nơi cư trú hợp pháp trên địa bàn xã, phát sinh khó khăn đột xuất trong năm hoặc đủ điều kiện thoát nghèo, thoát cận nghèo.',
      'Việc xác định theo chuẩn nghèo đa chiều do Chính phủ quy định.',
    ],
    legalBasis: [
      'Nghị định số 07/2021/NĐ-CP quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025',
      'Quyết định số 24/2021/QĐ-TTg quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình giai đoạn 2022 - 2025',
    ],
    fees: NO_FEES,
    results: [
      'Quyết định công nhận hộ nghèo, hộ cận nghèo hoặc hộ thoát nghèo, hộ thoát cận nghèo',
      'Giấy chứng nhận hộ nghèo, hộ cận nghèo',
    ],
  }),
  procedure({
    code: '1.001699',
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    field: F.baoTroXaHoi,
    processingTime: workingDays(
      25,
      'Gồm 20 ngày làm việc để Hội đồng xác định mức độ khuyết tật tổ chức xác định và 05 ngày làm việc để cấp Giấy xác nhận khuyết tật.',
    ),
    feeSummary: FREE,
    onlineLevel: 'mot-phan',
    documents: [
      signedForm('don-de-nghi-xac-dinh-muc-do-khuyet-tat'),
      copyOf('Bản sao giấy tờ liên quan đến khuyết tật (bệnh án, giấy tờ khám, điều trị, phẫu thuật…)', {
        note: 'Nếu có.',
      }),
      copyOf(
        'Bản sao kết luận của Hội đồng Giám định y khoa về khả năng tự phục vụ, mức độ suy giảm khả năng lao động',
        {
          note: 'Nếu người khuyết tật đã có kết luận của Hội đồng Giám định y khoa.',
        },
      ),
    ],
    steps: motCuaSteps(
      'Chủ tịch Ủy ban nhân dân xã triệu tập Hội đồng xác định mức độ khuyết tật; Hội đồng quan sát trực tiếp, phỏng vấn và dùng bộ câu hỏi theo tiêu chí để xác định dạng tật và mức độ khuyết tật.',
      'Hội đồng lập biên bản kết luận; Ủy ban nhân dân xã niêm yết, thông báo công khai kết luận và Chủ tịch Ủy ban nhân dân xã cấp Giấy xác nhận khuyết tật.',
    ),
    conditions: [
      'Người khuyết tật hoặc người đại diện hợp pháp nộp đơn tại Ủy ban nhân dân xã nơi người khuyết tật cư trú.',
    ],
    legalBasis: [
      'Luật Người khuyết tật số 51/2010/QH12',
      'Nghị định số 28/2012/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật',
      'Thông tư số 01/2019/TT-BLĐTBXH quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện',
    ],
    fees: NO_FEES,
    results: ['Giấy xác nhận khuyết tật'],
  }),

  // Người có công ------------------------------------------------------------
  procedure({
    code: '1.010833',
    name: 'Cấp giấy xác nhận thân nhân của người có công',
    field: F.nguoiCoCong,
    processingTime: workingDays(5),
    feeSummary: FREE,
    onlineLevel: 'mot-phan',
    documents: [
      doc('Đơn đề nghị cấp giấy xác nhận thân nhân của người có công'),
      copyOf(
        'Bản sao được chứng thực một trong các giấy tờ: giấy chứng nhận người có công, Huân chương, Huy chương kháng chiến, Bằng “Tổ quốc ghi công”, Bằng “Có công với nước” hoặc giấy tờ khác của cơ quan có thẩm quyền về người có công',
      ),
    ],
    steps: motCuaSteps(
      'Trong 05 ngày làm việc kể từ ngày nhận đủ giấy tờ, Ủy ban nhân dân xã nơi thường trú đối chiếu hồ sơ và cấp giấy xác nhận thân nhân của người có công.',
    ),
    conditions: ['Người đề nghị là người có công hoặc thân nhân của người có công, thường trú tại xã.'],
    legalBasis: [
      'Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14',
      'Nghị định số 131/2021/NĐ-CP quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng',
      'Nghị định số 104/2022/NĐ-CP sửa đổi, bổ sung một số điều của các nghị định liên quan đến việc nộp, xuất trình sổ hộ khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
    ],
    fees: NO_FEES,
    results: ['Giấy xác nhận thân nhân của người có công (Mẫu số 45 Phụ lục I Nghị định số 131/2021/NĐ-CP)'],
  }),

  // Tín ngưỡng, tôn giáo ------------------------------------------------------
  procedure({
    code: '1.001055',
    name: 'Đăng ký sinh hoạt tôn giáo tập trung',
    field: F.tonGiao,
    processingTime: calendarDays(20, 'Tính từ ngày nhận đủ hồ sơ hợp lệ.'),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [
      signedForm('van-ban-dang-ky-sinh-hoat-ton-giao-tap-trung'),
      doc(
        'Văn bản của tổ chức tôn giáo hoặc tổ chức tôn giáo trực thuộc đề nghị cho nhóm tín đồ sinh hoạt tôn giáo tập trung',
      ),
      copyOf('Giấy tờ chứng minh có địa điểm hợp pháp để sinh hoạt tôn giáo tập trung'),
    ],
    steps: motCuaSteps(
      'Ủy ban nhân dân xã xem xét điều kiện về địa điểm, người đại diện và nội dung sinh hoạt tôn giáo; khi cần thì xác minh tại địa điểm đăng ký.',
      'Trong 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ, Ủy ban nhân dân xã trả lời bằng văn bản; trường hợp từ chối phải nêu rõ lý do.',
    ),
    conditions: [
      'Tín đồ không có điều kiện sinh hoạt tôn giáo tại cơ sở tôn giáo và có địa điểm hợp pháp để sinh hoạt tôn giáo tập trung.',
      'Nhóm có người đại diện là công dân Việt Nam thường trú tại Việt Nam, có năng lực hành vi dân sự đầy đủ, không có án tích và không đang bị xử lý vi phạm hành chính trong lĩnh vực tín ngưỡng, tôn giáo.',
      'Nội dung sinh hoạt là giáo lý, giáo luật, lễ nghi của tôn giáo.',
    ],
    legalBasis: [
      'Luật Tín ngưỡng, tôn giáo số 02/2016/QH14',
      'Nghị định số 95/2023/NĐ-CP quy định chi tiết Luật Tín ngưỡng, tôn giáo',
    ],
    fees: NO_FEES,
    results: ['Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung của Ủy ban nhân dân xã'],
  }),

  // Thi đua, khen thưởng --------------------------------------------------------
  procedure({
    code: '1.000775',
    name: 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
    field: F.thiDuaKhenThuong,
    processingTime: workingDays(
      12,
      'Thời hạn thẩm định hồ sơ và trình Chủ tịch Ủy ban nhân dân xã quyết định, tính từ ngày nhận đủ hồ sơ.',
    ),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [
      doc('Tờ trình hoặc văn bản đề nghị khen thưởng kèm danh sách tập thể, cá nhân được đề nghị tặng Giấy khen'),
      signedForm('bao-cao-thanh-tich', { note: 'Khen thưởng đột xuất thì nộp báo cáo tóm tắt thành tích.' }),
      doc('Biên bản xét khen thưởng của cơ quan, đơn vị đề nghị'),
    ],
    steps: motCuaSteps(
      'Công chức làm công tác thi đua, khen thưởng thẩm định hồ sơ, báo cáo Hội đồng Thi đua - Khen thưởng xã xem xét.',
      'Chủ tịch Ủy ban nhân dân xã ký quyết định tặng Giấy khen; Ủy ban nhân dân xã tổ chức trao Giấy khen cho tập thể, cá nhân được khen thưởng.',
    ),
    conditions: [
      'Tập thể, cá nhân, hộ gia đình có thành tích đạt tiêu chuẩn tặng Giấy khen theo Luật Thi đua, khen thưởng và Nghị định số 98/2023/NĐ-CP.',
    ],
    legalBasis: [
      'Luật Thi đua, khen thưởng số 06/2022/QH15',
      'Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    ],
    fees: NO_FEES,
    results: ['Quyết định tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã', 'Giấy khen'],
  }),

  // Giáo dục và đào tạo -------------------------------------------------------
  procedure({
    code: '1.001622',
    name: 'Hỗ trợ ăn trưa đối với trẻ em mẫu giáo',
    field: F.giaoDuc,
    processingTime: workingDays(
      24,
      'Tính từ ngày hết hạn nhận hồ sơ của đợt xét duyệt đầu năm học; tiền hỗ trợ được chi trả 2 lần trong năm học.',
    ),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [
      signedForm('don-de-nghi-ho-tro-an-trua'),
      copyOf(
        'Giấy tờ chứng minh trẻ thuộc đối tượng được hỗ trợ (xác nhận hộ nghèo, hộ cận nghèo, Giấy xác nhận khuyết tật, quyết định trợ cấp xã hội…)',
        {
          note: 'Không phải nộp nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư hoặc cơ sở dữ liệu chuyên ngành.',
        },
      ),
    ],
    steps: [
      'Cha, mẹ hoặc người chăm sóc trẻ nộp đơn và giấy tờ tại cơ sở giáo dục mầm non nơi trẻ đang học hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, trong thời hạn nhà trường thông báo đầu năm học.',
      'Cơ sở giáo dục mầm non kiểm tra hồ sơ, lập danh sách trẻ em đủ điều kiện và gửi Ủy ban nhân dân xã.',
      'Ủy ban nhân dân xã thẩm định và phê duyệt danh sách trẻ em mẫu giáo được hỗ trợ ăn trưa.',
      'Cơ sở giáo dục mầm non chi trả tiền hỗ trợ cho cha, mẹ hoặc người chăm sóc trẻ: lần 1 vào tháng 11 hoặc tháng 12, lần 2 vào tháng 3 hoặc tháng 4 hằng năm.',
    ],
    conditions: [
      'Trẻ em mẫu giáo đang học tại cơ sở giáo dục mầm non và thuộc một trong các trường hợp: cha, mẹ hoặc người chăm sóc thường trú ở thôn, xã đặc biệt khó khăn; không có nguồn nuôi dưỡng; thuộc hộ nghèo, hộ cận nghèo; là con liệt sĩ, con thương binh; là trẻ em khuyết tật học hòa nhập.',
      'Mức hỗ trợ 160.000 đồng/trẻ/tháng, tối đa 9 tháng/năm học.',
    ],
    legalBasis: ['Nghị định số 105/2020/NĐ-CP quy định chính sách phát triển giáo dục mầm non'],
    fees: NO_FEES,
    results: [
      'Quyết định phê duyệt danh sách trẻ em mẫu giáo được hỗ trợ ăn trưa',
      'Tiền hỗ trợ ăn trưa chi trả qua cơ sở giáo dục mầm non',
    ],
  }),

  // Đất đai -----------------------------------------------------------------
  procedure({
    code: '1.012812',
    name: 'Hòa giải tranh chấp đất đai',
    field: F.datDai,
    processingTime: calendarDays(30, 'Tính từ ngày Ủy ban nhân dân xã nhận được đơn yêu cầu hòa giải.'),
    feeSummary: FREE,
    onlineLevel: 'thong-tin',
    documents: atTheDesk([
      doc('Đơn yêu cầu hòa giải tranh chấp đất đai'),
      copyOf('Giấy tờ, tài liệu liên quan đến thửa đất đang tranh chấp', { note: 'Nếu có.' }),
    ]),
    steps: [
      'Người có yêu cầu nộp đơn hòa giải tranh chấp đất đai tại Ủy ban nhân dân xã nơi có đất; thủ tục này không nộp trực tuyến.',
      'Ủy ban nhân dân xã thẩm tra, xác minh nguyên nhân phát sinh tranh chấp và thu thập giấy tờ, tài liệu liên quan do các bên cung cấp.',
      'Ủy ban nhân dân xã thành lập Hội đồng hòa giải tranh chấp đất đai và tổ chức cuộc họp hòa giải có sự tham gia của các bên tranh chấp và người có quyền lợi, nghĩa vụ liên quan.',
      'Kết quả hòa giải được lập thành biên bản có chữ ký của các bên và gửi cho các bên tranh chấp.',
    ],
    conditions: [
      'Tranh chấp đất đai mà các bên không tự hòa giải được thì gửi đơn đến Ủy ban nhân dân xã nơi có đất tranh chấp để hòa giải.',
      'Trường hợp hòa giải không thành, các bên có quyền yêu cầu cơ quan có thẩm quyền giải quyết hoặc khởi kiện tại Tòa án nhân dân.',
    ],
    legalBasis: [
      'Luật Đất đai số 31/2024/QH15',
      'Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai',
    ],
    fees: NO_FEES,
    results: ['Biên bản hòa giải thành hoặc hòa giải không thành'],
  }),

  // Hộ kinh doanh -------------------------------------------------------------
  procedure({
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: F.hoKinhDoanh,
    processingTime: workingDays(3),
    feeSummary: feeRange(0, null),
    onlineLevel: 'toan-trinh',
    documents: [
      eForm('giay-de-nghi-dang-ky-ho-kinh-doanh'),
      copyOf('Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', {
        note: 'Trường hợp các thành viên hộ gia đình đăng ký hộ kinh doanh.',
      }),
      doc('Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh', {
        note: 'Trường hợp các thành viên hộ gia đình đăng ký hộ kinh doanh.',
      }),
    ],
    steps: motCuaSteps(
      'Trong 03 ngày làm việc, cơ quan đăng ký kinh doanh cấp xã kiểm tra tính hợp lệ của hồ sơ, tên hộ kinh doanh và ngành, nghề đăng ký.',
      'Hồ sơ hợp lệ thì cấp Giấy chứng nhận đăng ký hộ kinh doanh; chưa hợp lệ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.',
    ),
    conditions: [
      'Ngành, nghề đăng ký kinh doanh không thuộc danh mục cấm đầu tư kinh doanh.',
      'Tên hộ kinh doanh gồm cụm từ “Hộ kinh doanh” và tên riêng, không trùng với tên hộ kinh doanh đã đăng ký trong phạm vi xã.',
      'Chủ hộ kinh doanh là cá nhân có năng lực hành vi dân sự đầy đủ và không thuộc trường hợp bị cấm đăng ký hộ kinh doanh.',
    ],
    legalBasis: [
      'Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp',
      'Thông tư số 68/2025/TT-BTC ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh',
      TT_LE_PHI_HDND,
    ],
    fees: [fee('Lệ phí đăng ký hộ kinh doanh', null, PROVINCIAL_RATE)],
    results: ['Giấy chứng nhận đăng ký hộ kinh doanh'],
  }),

  // Cư trú (Công an xã) -------------------------------------------------------
  procedure({
    code: '1.004222',
    name: 'Đăng ký thường trú',
    field: F.cuTru,
    agency: congAn,
    processingTime: workingDays(7),
    feeSummary: feeRange(10000, 20000),
    onlineLevel: 'toan-trinh',
    documents: [
      eForm(
        'ct01',
        'Người chưa thành niên phải có ý kiến đồng ý của cha, mẹ hoặc người giám hộ; đăng ký vào chỗ ở không thuộc quyền sở hữu của mình phải có ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp.',
      ),
      doc('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', {
        note: 'Không phải nộp nếu thông tin đã có trong cơ sở dữ liệu chuyên ngành được kết nối với cơ quan đăng ký cư trú.',
      }),
      doc('Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình', {
        note: 'Trường hợp đăng ký vào chỗ ở của người thân (vợ về ở với chồng, con về ở với cha, mẹ…) mà thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư.',
      }),
      doc('Hợp đồng hoặc văn bản cho thuê, cho mượn, cho ở nhờ chỗ ở hợp pháp đã được công chứng hoặc chứng thực', {
        note: 'Trường hợp đăng ký thường trú vào chỗ ở thuê, mượn, ở nhờ; kèm giấy tờ chứng minh đủ diện tích nhà ở tối thiểu theo quy định của Hội đồng nhân dân tỉnh.',
      }),
    ],
    steps: cuTruSteps(
      PAY_RESIDENCE_FEE,
      'Trong 07 ngày làm việc, cơ quan đăng ký cư trú thẩm định hồ sơ, cập nhật thông tin về nơi thường trú mới vào Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư.',
    ),
    conditions: [
      'Có chỗ ở hợp pháp thuộc quyền sở hữu của mình, hoặc được chủ hộ, chủ sở hữu chỗ ở hợp pháp đồng ý cho đăng ký thường trú theo quy định của Luật Cư trú.',
      'Đăng ký vào chỗ ở thuê, mượn, ở nhờ phải bảo đảm diện tích nhà ở tối thiểu theo quy định của Hội đồng nhân dân tỉnh.',
      'Không đăng ký thường trú mới tại chỗ ở thuộc địa điểm cấm, chỗ ở lấn chiếm trái phép hoặc đã có quyết định phá dỡ.',
    ],
    legalBasis: [...CU_TRU_BASIS, LE_PHI_CU_TRU],
    fees: deskAndOnline('Lệ phí đăng ký thường trú', 20000, 10000, RESIDENCE_EXEMPT),
    results: [
      'Thông tin về nơi thường trú được cập nhật vào Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư',
      RESIDENCE_NOTICE,
    ],
  }),
  procedure({
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    field: F.cuTru,
    agency: congAn,
    processingTime: workingDays(3),
    feeSummary: feeRange(5000, 15000),
    onlineLevel: 'toan-trinh',
    documents: temporaryResidenceDocuments('đăng ký tạm trú'),
    steps: cuTruSteps(
      PAY_RESIDENCE_FEE,
      'Trong 03 ngày làm việc, cơ quan đăng ký cư trú thẩm định, cập nhật thông tin về nơi tạm trú và thời hạn tạm trú vào Cơ sở dữ liệu về cư trú.',
    ),
    conditions: [
      'Công dân đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi xã nơi đã đăng ký thường trú từ 30 ngày trở lên phải đăng ký tạm trú.',
      'Thời hạn tạm trú tối đa là 02 năm và có thể gia hạn nhiều lần.',
    ],
    legalBasis: [...CU_TRU_BASIS, LE_PHI_CU_TRU],
    fees: temporaryResidenceFees('đăng ký tạm trú'),
    results: [
      'Thông tin về nơi tạm trú và thời hạn tạm trú được cập nhật vào Cơ sở dữ liệu về cư trú',
      RESIDENCE_NOTICE,
    ],
  }),
  procedure({
    code: '1.002755',
    name: 'Gia hạn tạm trú',
    field: F.cuTru,
    agency: congAn,
    processingTime: workingDays(3),
    feeSummary: feeRange(5000, 15000),
    onlineLevel: 'toan-trinh',
    documents: temporaryResidenceDocuments('gia hạn tạm trú'),
    steps: cuTruSteps(
      PAY_RESIDENCE_FEE,
      'Trong 03 ngày làm việc, cơ quan đăng ký cư trú cập nhật thời hạn tạm trú mới vào Cơ sở dữ liệu về cư trú.',
    ),
    conditions: [
      'Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký, công dân phải làm thủ tục gia hạn tạm trú.',
    ],
    legalBasis: [...CU_TRU_BASIS, LE_PHI_CU_TRU],
    fees: temporaryResidenceFees('gia hạn tạm trú'),
    results: ['Thời hạn tạm trú mới được cập nhật vào Cơ sở dữ liệu về cư trú', RESIDENCE_NOTICE],
  }),
  procedure({
    code: '1.003197',
    name: 'Xóa đăng ký thường trú',
    field: F.cuTru,
    agency: congAn,
    processingTime: workingDays(5),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: deregistrationDocuments('xóa đăng ký thường trú', 'Điều 24'),
    steps: cuTruSteps(
      'Trong 05 ngày làm việc, cơ quan đăng ký cư trú xóa đăng ký thường trú và cập nhật việc xóa vào Cơ sở dữ liệu về cư trú, Cơ sở dữ liệu quốc gia về dân cư.',
    ),
    conditions: [
      'Trong 07 ngày kể từ ngày hộ gia đình có người thuộc diện xóa đăng ký thường trú, người đó hoặc đại diện hộ gia đình phải nộp hồ sơ.',
      'Các trường hợp xóa đăng ký thường trú theo Điều 24 Luật Cư trú, như: người đã chết hoặc bị tuyên bố mất tích; ra nước ngoài để định cư; vắng mặt liên tục tại nơi thường trú từ 12 tháng trở lên mà không khai báo tạm vắng; không còn chỗ ở hợp pháp.',
    ],
    legalBasis: CU_TRU_BASIS,
    fees: NO_FEES,
    results: [
      'Việc xóa đăng ký thường trú được cập nhật vào Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư',
      RESIDENCE_NOTICE,
    ],
  }),
  procedure({
    code: '1.010028',
    name: 'Xóa đăng ký tạm trú',
    field: F.cuTru,
    agency: congAn,
    processingTime: workingDays(2),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: deregistrationDocuments('xóa đăng ký tạm trú', 'Điều 29'),
    steps: cuTruSteps(
      'Trong 02 ngày làm việc, cơ quan đăng ký cư trú xóa đăng ký tạm trú và cập nhật việc xóa vào Cơ sở dữ liệu về cư trú, Cơ sở dữ liệu quốc gia về dân cư.',
    ),
    conditions: [
      'Trong 07 ngày kể từ ngày có người thuộc diện xóa đăng ký tạm trú, người đó hoặc đại diện hộ gia đình phải nộp hồ sơ.',
      'Các trường hợp xóa đăng ký tạm trú theo Điều 29 Luật Cư trú, như: người đã chết hoặc bị tuyên bố mất tích; vắng mặt liên tục tại nơi tạm trú từ 06 tháng trở lên mà không khai báo; đã đăng ký thường trú tại chính nơi tạm trú; không còn chỗ ở hợp pháp.',
    ],
    legalBasis: CU_TRU_BASIS,
    fees: NO_FEES,
    results: [
      'Việc xóa đăng ký tạm trú được cập nhật vào Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư',
      RESIDENCE_NOTICE,
    ],
  }),
  procedure({
    code: '1.010038',
    name: 'Tách hộ',
    field: F.cuTru,
    agency: congAn,
    processingTime: workingDays(5),
    feeSummary: feeRange(5000, 10000),
    onlineLevel: 'toan-trinh',
    documents: [
      eForm(
        'ct01',
        'Ghi rõ ý kiến đồng ý cho tách hộ của chủ hộ, chủ sở hữu chỗ ở hợp pháp, trừ trường hợp đã có văn bản đồng ý riêng.',
      ),
      doc('Giấy tờ, tài liệu chứng minh việc ly hôn và việc tiếp tục được sử dụng chỗ ở hợp pháp', {
        note: 'Trường hợp người đề nghị tách hộ là vợ, chồng đã ly hôn mà vẫn được ở cùng chỗ ở hợp pháp đó.',
      }),
    ],
    steps: cuTruSteps(
      PAY_RESIDENCE_FEE,
      'Trong 05 ngày làm việc, cơ quan đăng ký cư trú thẩm định, cập nhật thông tin về hộ gia đình liên quan đến việc tách hộ vào Cơ sở dữ liệu về cư trú.',
    ),
    conditions: [
      'Thành viên hộ gia đình tách hộ để đăng ký thường trú tại cùng một chỗ ở hợp pháp phải có năng lực hành vi dân sự đầy đủ; nhiều thành viên cùng tách hộ thì ít nhất một người có năng lực hành vi dân sự đầy đủ.',
      'Được chủ hộ, chủ sở hữu chỗ ở hợp pháp đồng ý, trừ trường hợp vợ, chồng đã ly hôn mà vẫn được sử dụng chỗ ở hợp pháp đó.',
    ],
    legalBasis: [...CU_TRU_BASIS, LE_PHI_CU_TRU],
    fees: deskAndOnline('Lệ phí tách hộ', 10000, 5000, RESIDENCE_EXEMPT),
    results: ['Thông tin hộ gia đình sau khi tách hộ được cập nhật vào Cơ sở dữ liệu về cư trú', RESIDENCE_NOTICE],
  }),
  procedure({
    code: '1.010041',
    name: 'Xác nhận thông tin về cư trú',
    field: F.cuTru,
    agency: congAn,
    processingTime: workingDays(
      0.5,
      'Tối đa 03 ngày làm việc nếu thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư và cần xác minh.',
    ),
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [eForm('ct01', 'Ghi nội dung đề nghị là xác nhận thông tin về cư trú.')],
    steps: cuTruSteps(
      'Cơ quan đăng ký cư trú tra cứu Cơ sở dữ liệu về cư trú và cấp văn bản xác nhận thông tin về cư trú; trường hợp từ chối thì trả lời bằng văn bản, nêu rõ lý do.',
    ),
    conditions: ['Có thể nộp tại Công an xã bất kỳ thuận lợi cho người yêu cầu, không phụ thuộc nơi cư trú.'],
    legalBasis: CU_TRU_BASIS,
    fees: NO_FEES,
    results: ['Văn bản xác nhận thông tin về cư trú (bản giấy hoặc bản điện tử)'],
  }),
  procedure({
    code: '1.003677',
    name: 'Khai báo tạm vắng',
    field: F.cuTru,
    agency: congAn,
    processingTime: calendarDays(1, 'Trường hợp phức tạp có thể kéo dài nhưng không quá 02 ngày làm việc.'),
    feeSummary: FREE,
    onlineLevel: 'mot-phan',
    documents: [
      doc('Đề nghị khai báo tạm vắng', {
        note: 'Đối với người thuộc điểm a, b khoản 1 Điều 31 Luật Cư trú; các trường hợp khác chỉ cần khai báo họ tên, số định danh cá nhân, lý do, thời gian tạm vắng và địa chỉ nơi đến.',
      }),
      doc('Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý, giáo dục người đó', {
        note: 'Chỉ đối với người thuộc điểm a, b khoản 1 Điều 31 Luật Cư trú.',
      }),
    ],
    steps: [
      'Khai báo trực tiếp tại Công an xã hoặc qua Cổng Dịch vụ công quốc gia, Cổng Dịch vụ công Bộ Công an, ứng dụng VNeID; người đang bị quản lý, giám sát phải nộp hồ sơ trực tiếp.',
      'Cơ quan đăng ký cư trú kiểm tra nội dung khai báo; đầy đủ thì tiếp nhận, chưa đầy đủ thì hướng dẫn bổ sung.',
      'Trong 01 ngày, cơ quan đăng ký cư trú cập nhật thông tin khai báo tạm vắng vào Cơ sở dữ liệu về cư trú.',
      'Người khai báo nhận Phiếu khai báo tạm vắng và thông báo kết quả qua ứng dụng VNeID hoặc trực tiếp tại Công an xã.',
    ],
    conditions: [
      'Người đang bị áp dụng biện pháp quản lý, giám sát (bị can, bị cáo đang tại ngoại, người đang chấp hành án hoặc biện pháp xử lý hành chính…) đi khỏi xã nơi cư trú từ 01 ngày trở lên phải khai báo tạm vắng.',
      'Người trong độ tuổi thực hiện nghĩa vụ quân sự, dự bị động viên đi khỏi nơi thường trú từ 03 tháng liên tục trở lên, và người khác đi khỏi xã nơi thường trú từ 12 tháng liên tục trở lên (trừ khi đã đăng ký tạm trú ở nơi mới hoặc đã xuất cảnh) phải khai báo tạm vắng.',
    ],
    legalBasis: CU_TRU_BASIS,
    fees: NO_FEES,
    results: ['Phiếu khai báo tạm vắng', 'Thông tin khai báo tạm vắng được cập nhật vào Cơ sở dữ liệu về cư trú'],
  }),
  procedure({
    code: '2.001159',
    name: 'Thông báo lưu trú',
    field: F.cuTru,
    agency: congAn,
    processingTime: { unit: 'same-day', note: 'Tiếp nhận và cập nhật ngay khi nhận được thông báo.' },
    feeSummary: FREE,
    onlineLevel: 'toan-trinh',
    documents: [],
    steps: [
      'Chủ hộ, thành viên hộ gia đình hoặc người đại diện cơ sở lưu trú thông báo trực tiếp tại Công an xã, qua số điện thoại, thư điện tử do Công an xã niêm yết, hoặc qua Cổng Dịch vụ công quốc gia, Cổng Dịch vụ công Bộ Công an, ứng dụng VNeID.',
      'Nội dung thông báo gồm họ và tên, số định danh cá nhân hoặc số hộ chiếu của người lưu trú, lý do, thời gian và địa chỉ lưu trú.',
      'Công an xã tiếp nhận và cập nhật ngay thông tin lưu trú vào Cơ sở dữ liệu về cư trú.',
    ],
    conditions: [
      'Thông báo lưu trú trước 23 giờ của ngày bắt đầu lưu trú; người đến lưu trú sau 23 giờ thì thông báo trước 08 giờ ngày hôm sau.',
      'Ông, bà, cha, mẹ, vợ, chồng, con, cháu, anh, chị, em ruột đến lưu trú nhiều lần thì chỉ cần thông báo lưu trú một lần.',
    ],
    legalBasis: CU_TRU_BASIS,
    fees: NO_FEES,
    results: ['Thông tin lưu trú được cập nhật vào Cơ sở dữ liệu về cư trú'],
  }),
];
