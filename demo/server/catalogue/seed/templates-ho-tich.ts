/**
 * The civil-status (hộ tịch) form templates the seed catalogue's documents
 * link to, as the national texts give them (Thông tư 04/2020/TT-BTP and
 * 04/2024/TT-BTP): built from shared parts (a requester's lines, a spouse's,
 * the pledge, the signature), so each template lists only its own lines.
 */
import type { FormTemplateSource } from '../../forms/rtf.js';
import { formSource } from './template-source.js';

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

export const civilStatusTemplates: FormTemplateSource[] = [
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
];
