import { css } from 'lit';

/**
 * Layout of the lookup: one column on phones, the two fields side by side
 * when there is room, their inputs on one line whatever the length of the
 * labels and hints above them (each field a column, its input at the foot);
 * the dossier code never broken at its hyphen; the status large; a print
 * view without the form and buttons and with the whole history.
 */
export const lookupStyles = css`
  form {
    margin-bottom: var(--_space);
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .field {
    flex: 1 1 16em;
    margin-bottom: 0.75em;
    display: flex;
    flex-direction: column;
  }
  .field > input {
    margin-top: auto;
  }
  .code {
    white-space: nowrap;
  }
  .hint,
  .loading {
    color: var(--_muted);
  }
  .hint {
    margin: 0 0 0.5em;
  }
  .upper {
    text-transform: uppercase;
  }
  .dossier h2 {
    font-size: 1.25em;
  }
  .status {
    font-size: 1.25em;
    border-inline-start: 0.3em solid var(--_primary);
    padding-inline-start: 0.5em;
  }
  .facts {
    display: grid;
    gap: 0.25em var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    margin: 0 0 1em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .on-time {
    color: var(--_success);
  }
  .late {
    color: var(--_error);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  section {
    margin-top: 1em;
  }
  h3 {
    font-size: 1.125em;
  }
  .history > li {
    margin-bottom: 0.5em;
  }
  .note {
    color: var(--_muted);
  }
  @media print {
    form,
    button,
    .actions {
      display: none !important;
    }
    .history > li[hidden] {
      display: list-item !important;
    }
    .root {
      color: #000;
      background: none;
    }
  }
`;
