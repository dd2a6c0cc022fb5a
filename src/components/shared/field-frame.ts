/**
 * The frame of one form field, the same in every widget: its visible label
 * (a legend for a group of inputs) with the required mark, its hint, its
 * error line, then its controls. The hint and the error are named by
 * `aria-describedby` (of the control, or of the fieldset), so a screen reader
 * reads them with the field; the error line starts with a hidden "Lỗi:" so
 * it is not mistaken for the hint. "Required" is read as a word; the star is
 * for the eye only. The caller wraps the frame in its own box.
 *
 * A settled error (fixed since it was shown) keeps its line, unseen and
 * unread (`visibility: hidden` leaves the accessibility tree too), so the
 * controls below do not move under a finger until the next submit.
 */
import { css, html, nothing } from 'lit';

export interface FieldFrameOptions {
  /** The control's id; the hint and the error line take it with `-hint` and `-error`. */
  id: string;
  label: unknown;
  hint?: string | undefined;
  error?: string | undefined;
  /** The error was fixed since it was shown: its line keeps its room, unseen. */
  settled?: boolean | undefined;
  /** The hidden word before an error ("Lỗi:" / "Error:"). */
  errorPrefix: string;
  /** The word read for a required field ("bắt buộc" / "required"); none for an optional one. */
  required?: string | undefined;
  /** A group of inputs: a fieldset (with this class) and its legend instead of a label. */
  group?: string | undefined;
}

/** What the controls of a frame need to know of it. */
export interface FieldControl {
  id: string;
  invalid: 'true' | 'false';
  needed: 'true' | 'false';
  describedBy: string | typeof nothing;
}

/** The error line of a field (its id: the field's id and `-error`), or nothing; a settled one only keeps its room. */
export const errorLine = (id: string, error: string | undefined, errorPrefix: string, settled = false) =>
  error
    ? html`<p class="error-text ${settled ? 'settled' : ''}" id="${id}-error"><span class="visually-hidden">${errorPrefix} </span>${error}</p>`
    : nothing;

/** The ids `aria-describedby` names for a field with this hint and error. */
export const describedBy = (id: string, hint: string | undefined, error: string | undefined) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || nothing;

/** Label (or legend), hint and error line of a field, then its controls. */
export function fieldFrame(options: FieldFrameOptions, controls: (control: FieldControl) => unknown) {
  const { id, label, hint, error, settled, errorPrefix, required, group } = options;
  const shown = settled ? undefined : error;
  const control: FieldControl = {
    id,
    invalid: shown ? 'true' : 'false',
    needed: required ? 'true' : 'false',
    describedBy: describedBy(id, hint, shown),
  };
  const title = html`${label}${required ? html`<span aria-hidden="true"> *</span><span class="visually-hidden"> (${required})</span>` : nothing}`;
  const below = html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}${errorLine(id, error, errorPrefix, settled)}`;
  return group === undefined
    ? html`<label for=${id}>${title}</label>${below}${controls(control)}`
    : html`<fieldset class=${group} aria-describedby=${control.describedBy}><legend>${title}</legend>${below}${controls(control)}</fieldset>`;
}

/** The error line's look: the error colour, bold; a control marked invalid has its border in the error colour. */
export const fieldFrameStyles = css`
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error-text {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 0.25em;
  }
  /* A settled line, and a settled summary or line of it (the same rule, written once). */
  .settled {
    visibility: hidden;
  }
`;
