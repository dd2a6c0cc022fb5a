import { css } from 'lit';

/**
 * Layout of the dossier form: one column on phones (320 px and up), pairs of
 * selects side by side when there is room; sizes in `em` so they follow the
 * citizen's text size. Print keeps the receipt alone, on one page.
 */
export const formStyles = css`
  .hint,
  .muted,
  .caption,
  .loading,
  .progress,
  .step-of {
    color: var(--_muted);
    margin: 0 0 0.25em;
  }
  .progress {
    list-style: none;
    padding: 0;
  }
  /*
   * On a narrow screen (a phone, or a narrow column) the list would take two lines: only
   * "Bước 2/4: Tờ khai" is shown, and the list is kept for screen readers, which read it
   * (the line is hidden from them). In em, so larger text switches sooner.
   */
  nav {
    container-type: inline-size;
  }
  .step-of {
    display: none;
  }
  @container (width < 36em) {
    .step-of {
      display: block;
    }
    .progress {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  .step-of,
  [aria-current='step'] {
    color: var(--_text);
    font-weight: 700;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  .field,
  .buttons,
  .actions {
    margin: 1.25em 0;
  }
  .invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
  }
  .fixed {
    border-inline-start-color: transparent;
  }
  textarea {
    font: inherit;
    width: 100%;
    border: 2px solid var(--_border);
  }
  .with-unit,
  .choice,
  .choices.inline,
  .progress,
  .pair,
  .buttons,
  .actions,
  .review-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  [inputmode] {
    max-width: 16em;
  }
  /* The box beside the first line of its label, not halfway down a label and hint of several lines. */
  .choice {
    flex-wrap: nowrap;
    gap: 0.5em;
    min-height: 2.75em;
    align-items: start;
  }
  .choice input {
    width: 1.5em;
    height: 1.5em;
    min-height: 0;
    margin: 0;
    flex: none;
  }
  .choice label,
  .address label {
    font-weight: normal;
    margin: 0.25em 0 0;
  }
  .pair > div {
    flex: 1 1 14em;
  }
  .item,
  .lookup-code {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
    margin: 0 0 1em;
  }
  .review-head {
    justify-content: space-between;
    border-bottom: 1px solid var(--_border);
  }
  dd {
    margin: 0 0 0.5em;
  }
  dt {
    font-weight: 700;
  }
  strong {
    font-size: 1.5em;
  }
  /* The dossier's code on one line: a phone's larger text broke it at a hyphen. Too long for the screen, it scrolls in its row. */
  .code {
    display: block;
    overflow-x: auto;
    white-space: nowrap;
  }
  @media print {
    .progress,
    .actions {
      display: none !important;
    }
  }
`;
