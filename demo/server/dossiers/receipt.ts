/**
 * The "what happens next" sentences of a receipt: who looks at the dossier
 * and when, how to follow it, how the result comes back.
 */
import type { DossierSubmission, LookupSecretKind } from '../../../src/api/contract/index.js';

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

export const nextSteps = (submission: DossierSubmission, kind: LookupSecretKind): string[] => [
  REVIEW,
  followUp(submission, kind),
  RESULT[submission.delivery.method],
];
