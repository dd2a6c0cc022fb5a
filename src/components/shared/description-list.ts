/**
 * Facts shown as a description list (`<dl>` of `<dt>`/`<dd>` pairs), the same
 * in every widget: a procedure's facts, a dossier's dates, the form's review.
 * Each pair sits in a `<div>` (allowed inside `<dl>`) so a grid can lay pairs
 * out side by side; a row without a value is left out rather than shown empty.
 */
import { html } from 'lit';

/** A term and its value; an empty value (undefined, null, '', false) leaves the row out. */
export type DescriptionRow = readonly [term: string, value: unknown];

const shown = ([, value]: DescriptionRow) => value !== undefined && value !== null && value !== '' && value !== false;

/** One `<dt>`/`<dd>` pair, for a `<dl>` the caller writes. */
export const descriptionRow = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;

/** A `<dl class="facts">` of the rows that have a value. */
export const descriptionList = (rows: readonly DescriptionRow[]) =>
  html`<dl class="facts">${rows.filter(shown).map(([term, value]) => descriptionRow(term, value))}</dl>`;
