/**
 * The applicant step: consent to keep the draft, who files (a person or an
 * organisation, when the procedure takes both), their identity and how to
 * reach them. Changing the kind keeps only the contact details.
 */
import { html, nothing } from 'lit';
import { address, choices, date, input } from '../fields.js';
import type { StepContext } from './frame.js';

export function applicantStep({ form, t, draftHours }: StepContext) {
  const { draft, definition } = form;
  if (!draft || !definition) return nothing;
  const host = form.fields(t);
  const kinds = definition.applicantKinds;
  const person = draft.applicant.kind === 'person';
  const contact = html`
    ${input(host, 'applicant.phone', t.phone, { required: true, help: t.phoneHint, type: 'tel', inputmode: 'numeric', autocomplete: 'tel', maxlength: 20 })}
    ${input(host, 'applicant.email', t.email, { type: 'email', autocomplete: 'email', maxlength: 254 })}
    ${address(host, 'applicant.address', person ? t.address : t.orgAddress, true, undefined, person)}
  `;
  return html`
    ${
      definition.cases
        ? choices(
            { ...host, set: (_path, code) => form.chooseCase(code as string) },
            'case',
            t.case,
            definition.cases.map(({ code, name }) => ({ value: code, label: name })),
            { required: true },
          )
        : nothing
    }
    <div class="notice choice">
      <input type="checkbox" id="consent" aria-describedby="consent-hint" .checked=${draft.consent}
        @change=${(event: Event) => form.tick('consent', (event.target as HTMLInputElement).checked)} />
      <div><label for="consent">${t.consent}</label><p class="hint" id="consent-hint">${t.consentHint(draftHours)}</p></div>
    </div>
    ${
      kinds.length > 1
        ? choices(
            {
              ...host,
              set: (_path, kind) =>
                host.set('applicant', {
                  kind,
                  phone: draft.applicant.phone,
                  email: draft.applicant.email,
                  address: draft.applicant.address,
                }),
            },
            'applicant.kind',
            t.kind,
            kinds.map((kind) => ({ value: kind, label: t.kinds[kind] })),
            { required: true },
          )
        : nothing
    }
    ${
      person
        ? html`
          ${input(host, 'applicant.fullName', t.fullName, { required: true, autocomplete: 'name', maxlength: 100 })}
          ${date(host, 'applicant.birthDate', t.birthDate, true, undefined, 'bday')}
          ${choices(
            host,
            'applicant.sex',
            t.sex,
            [
              { value: 'nam', label: t.sexes.nam },
              { value: 'nu', label: t.sexes.nu },
            ],
            { required: true },
          )}
          ${input(host, 'applicant.personalId', t.personalId, { required: true, help: t.personalIdHint, inputmode: 'numeric', maxlength: 20 })}`
        : html`
          ${input(host, 'applicant.name', t.orgName, { required: true, autocomplete: 'organization', maxlength: 300 })}
          ${input(host, 'applicant.taxCode', t.taxCode, { required: true, help: t.taxCodeHint, inputmode: 'text', maxlength: 20 })}
          <fieldset class="field">
            <legend>${t.representative}</legend>
            ${input(host, 'applicant.representative.fullName', t.repName, { required: true, maxlength: 100 })}
            ${input(host, 'applicant.representative.personalId', t.repId, { required: true, help: t.personalIdHint, inputmode: 'numeric', maxlength: 20 })}
            ${input(host, 'applicant.representative.position', t.repPosition, { maxlength: 100 })}
          </fieldset>`
    }
    ${contact}
  `;
}
