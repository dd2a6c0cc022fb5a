/**
 * Text only the receipt of `<dvc-dossier-form>` shows, Vietnamese. Kept out
 * of `messages.ts` so that it travels with the receipt's lazy chunk: the
 * form's page loads it only on the way to sending, and stays within its
 * budgets. `receipt-messages.en.ts` must have every key; it travels with
 * the form's English text (`messages.en.ts`, as its `receipt`), which
 * English pages load anyway.
 */
const vi = {
  doneHeading: 'Đã nộp hồ sơ thành công',
  receiptCode: 'Mã hồ sơ',
  applicant: 'Người nộp hồ sơ',
  procedure: 'Thủ tục',
  case: 'Trường hợp',
  agency: 'Cơ quan tiếp nhận',
  receivedAt: 'Thời gian tiếp nhận',
  appointmentAt: 'Ngày hẹn trả kết quả',
  noAppointment: 'Cơ quan sẽ thông báo khi có kết quả',
  documents: 'Giấy tờ đã nộp',
  noDocuments: 'Không đính kèm giấy tờ.',
  lookupCode: 'Mã tra cứu',
  lookupCodeHint: 'Giữ mã này để tra cứu hồ sơ; mã chỉ hiện một lần.',
  lookupIdHint: 'Khi tra cứu cần mã hồ sơ và số định danh cá nhân của người nộp (tổ chức: mã số thuế).',
  nextSteps: 'Các bước tiếp theo',
  desk: 'Nơi tiếp nhận và trả kết quả',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  openingHours: 'Giờ tiếp nhận',
  lookupLink: 'Tra cứu tình trạng hồ sơ',
  print: 'In giấy biên nhận',
  another: 'Nộp hồ sơ khác',
};

export type ReceiptMessages = typeof vi;

/** The receipt's text in the language of the form's text `t`: English brings its own. */
export const receiptText = (t: object): ReceiptMessages => (t as { receipt?: ReceiptMessages }).receipt ?? vi;
