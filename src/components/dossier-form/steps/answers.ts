/**
 * The form step: the procedure's e-form, section by section, as its
 * definition says. A section whose person is the applicant says that its
 * boxes were filled in from the first step (draft-fields.ts), under its
 * heading, where a screen reader's user moving on from the choice meets it.
 */
import { html, nothing } from 'lit';
import { isShown } from '../../../api/contract/form-rules.js';
import { field } from '../fields.js';
import type { StepContext } from './frame.js';

export function answersStep({ form, t }: StepContext) {
  const { draft, definition } = form;
  if (!draft || !definition) return nothing;
  const host = form.fields(t);
  return definition.sections.map(
    (section) => html`
    <section aria-labelledby="sec-${section.id}">
      <h3 id="sec-${section.id}" tabindex="-1">${section.title}</h3>
      ${section.description ? html`<p class="hint">${section.description}</p>` : nothing}
      ${section.applicantIs && isShown(section.applicantIs, draft.answers) ? html`<p class="hint">${t.fromApplicant}</p>` : nothing}
      ${section.fields.map((spec) => field(host, spec, `answers.${spec.id}`, draft.answers))}
    </section>
  `,
  );
}
