/**
 * What is wrong with a submission, before the database is asked: the
 * shared form rules (`form-rules.ts`, the very checks the widget ran) plus
 * the one check the widget cannot make alone, that each address's commune
 * belongs to its province. Also the `validation_failed` answer, with a
 * short Vietnamese sentence per problem for clients that do not translate
 * the codes themselves.
 */
import {
  type Address,
  checkAnswers,
  checkApplicant,
  checkAttachments,
  checkDelivery,
  type DossierSubmission,
  type FormDefinition,
  isShown,
  type Problem,
  type ProblemCode,
  shownAnswers,
} from '../../../src/api/contract/index.js';
import { HttpError } from '../http/replies.js';
import { findCommune } from '../units/index.js';

const limited = (template: (limit: string) => string) => (limit?: number) =>
  template(limit === undefined ? '' : ` ${limit.toLocaleString('vi-VN')}`);

/** One sentence per problem; `limit` fills in where the code has one. */
const MESSAGES: Record<ProblemCode, (limit?: number) => string> = {
  required: () => 'Vui lòng nhập thông tin này.',
  'too-long': limited((n) => `Nội dung dài quá mức cho phép (tối đa${n} ký tự).`),
  'too-short': limited((n) => `Nội dung ngắn hơn mức tối thiểu${n} ký tự.`),
  'not-a-number': () => 'Vui lòng nhập một số.',
  'too-small': limited((n) => `Giá trị nhỏ hơn mức tối thiểu${n}.`),
  'too-large': limited((n) => `Giá trị lớn hơn mức tối đa${n}.`),
  'not-whole': () => 'Vui lòng nhập số nguyên.',
  'date-format': () => 'Ngày không hợp lệ.',
  'date-future': () => 'Ngày này chưa đến; vui lòng kiểm tra lại.',
  'date-past': () => 'Ngày này đã qua; vui lòng chọn từ hôm nay trở đi.',
  choice: () => 'Lựa chọn không hợp lệ.',
  'too-few': limited((n) => `Cần kê khai ít nhất${n} mục.`),
  'too-many': limited((n) => `Chỉ được kê khai tối đa${n} mục.`),
  'id-format': () => 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
  'id-province': () => 'Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh, thành phố nào.',
  'id-birth-year': () => 'Số định danh cá nhân không khớp với năm sinh.',
  'id-sex': () => 'Số định danh cá nhân không khớp với giới tính.',
  'tax-format': () => 'Mã số thuế phải gồm 10 chữ số (chi nhánh thêm -NNN) hoặc 12 chữ số.',
  'tax-check-digit': () => 'Mã số thuế không đúng: chữ số kiểm tra không khớp.',
  phone: () => 'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
  email: () => 'Địa chỉ thư điện tử không hợp lệ.',
  commune: () => 'Xã, phường, đặc khu không thuộc tỉnh, thành phố đã chọn.',
  'applicant-kind': () => 'Thủ tục này không nhận hồ sơ của loại người nộp này.',
  delivery: () => 'Thủ tục này không có hình thức nhận kết quả đã chọn.',
  attachment: () => 'Tệp đính kèm không tồn tại, chưa tải lên xong hoặc không thuộc hồ sơ này.',
  'attachment-type': () => 'Loại tệp này không được chấp nhận cho giấy tờ này.',
  'attachment-size': () => 'Tệp lớn hơn dung lượng cho phép của giấy tờ này.',
};

export const problemMessage = (problem: Problem): string => MESSAGES[problem.code](problem.limit);

/** The 400 answer naming every wrong value at its path. */
export function validationFailed(problems: readonly Problem[]): HttpError {
  const paths = [...new Set(problems.map((problem) => problem.path))].join(', ');
  return new HttpError(
    400,
    'validation_failed',
    `The dossier has ${problems.length} problem(s): ${paths}. See details. (Hồ sơ còn thông tin chưa hợp lệ, vui lòng kiểm tra lại.)`,
    problems.map((problem) => ({ path: problem.path, code: problem.code, message: problemMessage(problem) })),
  );
}

const communeProblem = (path: string, address: Address | undefined): Problem[] =>
  address && !findCommune(address.province, address.commune) ? [{ path, code: 'commune' }] : [];

const asAddress = (value: unknown): Address | undefined => {
  const address = value as Partial<Address> | null | undefined;
  return typeof address?.commune === 'string' && typeof address.province === 'string'
    ? (address as Address)
    : undefined;
};

/** Every shown address of the answers, with its problem path. */
function answerAddresses(
  definition: FormDefinition,
  answers: DossierSubmission['answers'],
): [path: string, value: unknown][] {
  const found: [string, unknown][] = [];
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    if (!isShown(field.when, answers)) continue;
    if (field.type === 'address') found.push([`answers.${field.id}`, answers[field.id]]);
    if (field.type !== 'group' || !Array.isArray(answers[field.id])) continue;
    (answers[field.id] as Record<string, unknown>[]).forEach((item, index) => {
      for (const inner of field.fields) {
        if (inner.type === 'address' && isShown(inner.when, item))
          found.push([`answers.${field.id}.${index}.${inner.id}`, item[inner.id]]);
      }
    });
  }
  return found;
}

/** Communes that are not in the province given with them. */
function communeProblems(definition: FormDefinition, submission: DossierSubmission): Problem[] {
  const answers = shownAnswers(definition, submission.answers);
  return [
    ...communeProblem('applicant.address', submission.applicant.address),
    ...communeProblem('delivery.address', submission.delivery.address),
    ...answerAddresses(definition, answers).flatMap(([path, value]) => communeProblem(path, asAddress(value))),
  ];
}

/** The problems the form rules and the units find, the rules' first (see {@link firstPerPath}). */
export function submissionProblems(
  definition: FormDefinition,
  submission: DossierSubmission,
  today: string,
): Problem[] {
  return [
    ...checkApplicant(definition, submission.applicant, today),
    ...checkAnswers(definition, submission.answers, today),
    ...checkAttachments(definition, submission.answers, submission.attachments),
    ...checkDelivery(definition, submission.delivery),
    ...communeProblems(definition, submission),
  ];
}

/** One problem per path, the first found: a missing address is reported as missing, not also as a wrong commune. */
export const firstPerPath = (problems: readonly Problem[]): Problem[] =>
  problems.filter((problem, index) => problems.findIndex((other) => other.path === problem.path) === index);
