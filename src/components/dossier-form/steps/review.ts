/**
 * The review step: everything the citizen gave, in words (a date as
 * dd/mm/yyyy, a choice by its label, an address with its place names), each
 * part with its "Thay đổi" link; the case's fees, where the citizen still
 * decides whether to send; then how the result is delivered and the
 * declaration, the last things asked before sending.
 *
 * In a chunk fetched once the citizen is past the first step (late-steps.ts):
 * it imports only types, the code it draws with comes in `kit` (late-kit.ts
 * says why).
 */
import type { FormDefinition, FormField } from '../../../api/contract/index.js';
import type { DossierController } from '../dossier-controller.js';
import type { AddressDraft } from '../draft.js';
import type { FormMessages } from '../messages.js';
import type { StepName } from '../problems.js';
import type { StepContext } from './frame.js';
import type { LateKit } from './late-kit.js';

/** An address with its place names. */
function place(form: DossierController, value: AddressDraft): string {
  const province = form.provinces.find((candidate) => candidate.code === value.province);
  const commune = value.province
    ? form.communeLists.get(value.province)?.find((candidate) => candidate.code === value.commune)
    : undefined;
  return [value.street, commune?.name ?? value.commune, province?.name].filter(Boolean).join(', ');
}

/** A mobile number as it is read out (0912 345 678), however it was typed (+84 912.345.678 too). */
const spokenPhone = ({ normaliseMobile }: LateKit, phone: string): string =>
  normaliseMobile(phone).replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3');

/** A value as the citizen typed or chose it, in words. */
function display(
  kit: LateKit,
  form: DossierController,
  spec: FormField | undefined,
  value: unknown,
  t: FormMessages,
): unknown {
  const { html, dayFirst } = kit;
  if (value === undefined || value === '' || (Array.isArray(value) && !value.length))
    return html`<span class="muted">${t.notGiven}</span>`;
  if (spec && 'options' in spec) {
    const labels = (Array.isArray(value) ? value : [value]).map(
      (item) => spec.options.find((option) => option.value === item)?.label ?? item,
    );
    return labels.join(', ');
  }
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (spec?.type === 'date' && typeof value === 'string') return dayFirst(value);
  if (spec?.type === 'number') return `${value}${spec.unit ? ` ${spec.unit}` : ''}`;
  if (spec?.type === 'phone' && typeof value === 'string') return spokenPhone(kit, value);
  if (typeof value === 'object') return place(form, value as AddressDraft);
  return String(value);
}

/** The applicant's lines: label and value. */
function applicantRows(kit: LateKit, { form, t }: StepContext): [string, unknown][] {
  const a = form.draft?.applicant ?? { kind: 'person' };
  const chosen = form.definition?.cases?.find(({ code }) => code === form.draft?.case);
  return [
    ...(chosen ? [[t.case, chosen.name] as [string, unknown]] : []),
    ...(form.definition && form.definition.applicantKinds.length > 1
      ? [[t.kind, t.kinds[a.kind]] as [string, unknown]]
      : []),
    ...((a.kind === 'person'
      ? [
          [t.fullName, a.fullName],
          [t.birthDate, a.birthDate && kit.dayFirst(a.birthDate)],
          [t.sex, a.sex && t.sexes[a.sex]],
          [t.personalId, a.personalId],
        ]
      : [
          [t.orgName, a.name],
          [t.taxCode, a.taxCode],
          [t.repName, a.representative?.fullName],
          [t.repId, a.representative?.personalId],
          [t.repPosition, a.representative?.position],
        ]) as [string, unknown][]),
    [t.phone, a.phone && spokenPhone(kit, a.phone)],
    [t.email, a.email],
    [a.kind === 'person' ? t.address : t.orgAddress, a.address],
  ];
}

/**
 * The fees of the case chosen, and when they are paid: at the desk with the result, or, for a result sent by
 * post or online, asked by the desk before it is sent (as the receipt says); nothing from a backend that does not say.
 */
function feesPart({ html, nothing, feeList }: LateKit, context: StepContext, fees: FormDefinition['fees']) {
  if (!fees) return nothing;
  const { t } = context;
  const due = fees.some((fee) => fee.amount !== 0);
  const sent = (context.form.draft?.delivery.method ?? 'desk') !== 'desk';
  return html`
    <section class="review" aria-labelledby="review-fees">
      <h3 id="review-fees">${t.fees}</h3>
      ${feeList(context, fees)}${due ? html`<p class="hint">${sent ? t.feeBeforeResult : t.feeWhen}</p>` : nothing}
    </section>`;
}

export function reviewStep(kit: LateKit, context: StepContext) {
  const { html, nothing, errorLine, isShown, shownDocuments, row, address, boxClass, choices, sendError } = kit;
  const { form, t } = context;
  const { draft, definition } = form;
  if (!draft || !definition) return nothing;
  const head = (title: string, id: string, step: StepName, section?: string) => html`
    <div class="review-head">
      <h3 id=${id}>${title}</h3>
      <a href="#" @click=${(event: Event) => {
        event.preventDefault();
        form.change(step, section);
      }}>${t.change}<span class="visually-hidden"> ${title}</span></a>
    </div>`;
  const shown = (spec: FormField | undefined, value: unknown) => display(kit, form, spec, value, t);
  const answers = draft.answers;
  const documents = shownDocuments(definition, answers);
  const declaration = form.problems.at('declaration');
  const declarationError = declaration?.settled ? undefined : declaration?.message;
  const host = form.fields(t);
  return html`
    <p>${t.reviewIntro}</p>
    <section class="review" aria-labelledby="review-applicant">
      ${head(t.steps.applicant, 'review-applicant', 'applicant')}
      <dl>${applicantRows(kit, context).map(([label, value]) => row(label, shown(undefined, value)))}</dl>
    </section>
    ${definition.sections.map(
      (section) => html`
      <section class="review" aria-labelledby="review-${section.id}">
        ${head(section.title, `review-${section.id}`, 'form', section.id)}
        <dl>
          ${section.fields
            .filter((spec) => isShown(spec.when, answers))
            .map((spec) =>
              spec.type === 'group'
                ? row(
                    spec.label,
                    html`<ol>${((answers[spec.id] ?? []) as Record<string, unknown>[]).map(
                      (item) => html`<li>
                  ${spec.fields.filter((inner) => isShown(inner.when, item)).map((inner) => html`${inner.label}: ${shown(inner, item[inner.id])}<br />`)}
                </li>`,
                    )}</ol>`,
                  )
                : row(spec.label, shown(spec, answers[spec.id])),
            )}
        </dl>
      </section>`,
    )}
    ${
      definition.documents.length
        ? html`
      <section class="review" aria-labelledby="review-documents">
        ${head(t.steps.documents, 'review-documents', 'documents')}
        <dl>${documents.map((slot) => {
          const uploads = draft.uploads[slot.slot] ?? [];
          return row(
            slot.name,
            uploads.length
              ? html`<ul>${uploads.map((upload) => html`<li>${upload.name}</li>`)}</ul>`
              : html`<span class="muted">${t.noFiles}</span>`,
          );
        })}</dl>
      </section>`
        : nothing
    }
    ${feesPart(kit, context, definition.fees)}
    ${form.notice ? html`<div class="notice version-notice" role="alert" tabindex="-1"><p>${form.notice}</p></div>` : nothing}
    <h3>${t.delivery}</h3>
    ${choices(
      host,
      'delivery.method',
      t.delivery,
      definition.delivery.map((value) => ({ value, label: t.deliveries[value] })),
      { required: true },
    )}
    ${draft.delivery.method === 'post' ? address(host, 'delivery.address', t.postAddress, true, t.postHint) : nothing}
    <div class="field ${boxClass(declaration)}" data-path="declaration">
      ${errorLine('f-declaration', declaration?.message, t.errorPrefix, declaration?.settled)}
      <div class="choice">
        <input type="checkbox" id="f-declaration" aria-required="true" aria-invalid=${declarationError ? 'true' : 'false'}
          aria-describedby=${declarationError ? 'f-declaration-error' : nothing} .checked=${draft.declaration}
          @change=${(event: Event) => form.tick('declaration', (event.target as HTMLInputElement).checked)} />
        <label for="f-declaration"><b>${t.declarationLabel}:</b> <span lang="vi">${definition.declaration}</span></label>
      </div>
    </div>
    ${form.sendError ? sendError(context) : nothing}
  `;
}
