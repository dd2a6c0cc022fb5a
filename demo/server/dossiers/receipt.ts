/**
 * What a receipt says besides the code and the dates: who filed it, for
 * which case, with which documents, what it costs, where the desk is, and
 * the "what happens next" sentences (who looks at the dossier and when, how
 * to follow it, how the result comes back, when and where to pay).
 */
import type { CaseFee, DossierReceipt, DossierSubmission, LookupSecretKind } from '../../../src/api/contract/index.js';
import type { FilingCase } from '../forms/procedure-form.js';
import type { UploadClaimRow } from '../uploads/repository.js';

const REVIEW =
  'Cán bộ Bộ phận Một cửa sẽ kiểm tra hồ sơ trong giờ hành chính; nếu thiếu giấy tờ, bạn sẽ được hướng dẫn bổ sung một lần, đầy đủ.';

/** How to follow the dossier: the code plus the second secret the lookup asks for. */
function followUp(submission: DossierSubmission, kind: LookupSecretKind): string {
  const secret =
    kind === 'lookup-code'
      ? 'mã tra cứu in trên phiếu này'
      : submission.applicant.kind === 'person'
        ? 'số định danh cá nhân của người nộp hồ sơ'
        : 'mã số thuế của tổ chức';
  return `Tra cứu tình trạng hồ sơ bằng mã hồ sơ và ${secret}.`;
}

const RESULT: Record<DossierSubmission['delivery']['method'], string> = {
  online: 'Khi có kết quả, bản điện tử được trả trực tuyến và hiển thị khi tra cứu hồ sơ.',
  post: 'Khi có kết quả, bưu chính công ích sẽ chuyển đến địa chỉ bạn đã đăng ký.',
  desk: 'Khi có kết quả, vui lòng mang giấy tờ tùy thân đến Bộ phận Một cửa để nhận.',
};

/**
 * When and where to pay, if anything is due: at the desk when the result is
 * collected there; otherwise the desk asks for it before sending the result,
 * and the lookup shows how (the officer's payment request). A fee whose
 * amount the catalogue does not fix is announced by the desk; where the
 * case lists free and paying situations, what is due is "if any".
 */
function payment(fees: readonly CaseFee[], method: DossierSubmission['delivery']['method']): string[] {
  const due = fees.filter((fee) => fee.amount !== 0);
  if (!due.length) return [];
  // Some cases are free and others not (on time or late, exempted people): the desk says which applies.
  const what = due.every((fee) => fee.amount === null)
    ? 'phí, lệ phí theo mức Bộ phận Một cửa thông báo'
    : `phí, lệ phí${due.length < fees.length ? ' (nếu có)' : ''} ghi trên phiếu này`;
  return [
    method === 'desk'
      ? `Nộp ${what} tại Bộ phận Một cửa khi nhận kết quả.`
      : `Trước khi trả kết quả, Bộ phận Một cửa sẽ yêu cầu nộp ${what}; số tiền và cách nộp hiển thị khi tra cứu hồ sơ.`,
  ];
}

export const nextSteps = (
  submission: DossierSubmission,
  kind: LookupSecretKind,
  fees: readonly CaseFee[],
): string[] => [
  REVIEW,
  followUp(submission, kind),
  RESULT[submission.delivery.method],
  ...payment(fees, submission.delivery.method),
];

/** The documents attached, in the form's order, each with its files' names. */
function submittedDocuments(
  { form }: FilingCase,
  submission: DossierSubmission,
  uploads: readonly UploadClaimRow[],
): NonNullable<DossierReceipt['documents']> {
  const nameOf = new Map(uploads.map((row) => [row.id, row.file_name]));
  return form.documents.flatMap(({ slot, name }) => {
    const files = submission.attachments
      .filter((attachment) => attachment.slot === slot)
      // Every upload is the draft's and claimed (attachments.ts refuses the dossier otherwise): each has its name.
      .flatMap((attachment) => attachment.uploads.map((id) => nameOf.get(id)!));
    return files.length ? [{ name, files }] : [];
  });
}

/** The receipt's parts that name the dossier's case, applicant, documents, fees and desk. */
export function receiptDetails(
  filing: FilingCase,
  submission: DossierSubmission,
  uploads: readonly UploadClaimRow[],
): Pick<DossierReceipt, 'case' | 'applicantName' | 'documents' | 'fees' | 'desk'> {
  const { procedure, case: chosen } = filing;
  const { applicant } = submission;
  return {
    // A procedure with one case is shown as if it had none.
    ...(procedure.cases.length > 1 && { case: { code: chosen.code, name: chosen.name } }),
    applicantName: applicant.kind === 'person' ? applicant.fullName : applicant.name,
    documents: submittedDocuments(filing, submission, uploads),
    fees: chosen.fees,
    desk: {
      name: procedure.agency_name,
      ...(procedure.agency_address && { address: procedure.agency_address }),
      ...(procedure.agency_phone && { phone: procedure.agency_phone }),
      ...(procedure.agency_hours && { openingHours: procedure.agency_hours }),
    },
  };
}
