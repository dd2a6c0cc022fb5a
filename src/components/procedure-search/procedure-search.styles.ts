import { css } from 'lit';

/**
 * Layout of the search widget. Single column on phones (320 px and up);
 * the search row and the filters sit side by side when there is room.
 * Sizes are in `em` so they follow the citizen's text size up to 200%.
 */
export const searchStyles = css`
  form {
    margin-bottom: var(--_space);
  }
  .hint,
  .muted {
    color: var(--_muted);
  }
  .hint {
    margin: 0 0 0.5em;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .search-row input {
    flex: 1 1 14em;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_space);
    margin-top: 0.75em;
  }
  .filters > div {
    flex: 1 1 12em;
  }
  .count {
    font-size: 1.125em;
  }
  .loading {
    color: var(--_muted);
    font-style: italic;
  }
  .results[aria-busy='true'] .result-list {
    opacity: 0.6;
  }
  .result-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .result-list > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
    margin-bottom: 0.75em;
    background: var(--_bg);
  }
  .result-list h3 {
    font-size: 1.0625em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
    color: var(--_muted);
  }
  .level-toan-trinh {
    color: var(--_success);
  }
  .level-mot-phan {
    color: var(--_primary);
  }
  .facts {
    margin: 0;
    display: grid;
    gap: 0.25em var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .facts.compact {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
  }
  .facts.compact dt {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_space);
    align-items: center;
  }
  .back {
    margin-bottom: 0.5em;
  }
  article h2 {
    font-size: 1.375em;
  }
  article h3 {
    font-size: 1.125em;
    margin-top: 1.25em;
  }
  section {
    border-top: 1px solid var(--_border);
    margin-top: 1em;
  }
  .documents > li {
    display: flex;
    flex-direction: column;
    gap: 0.125em;
    margin-bottom: 0.75em;
  }
  .document-name {
    font-weight: 600;
  }
  ol,
  ul {
    padding-inline-start: 1.5em;
  }
  li {
    margin-bottom: 0.25em;
  }
`;
