/**
 * What the review's and the receipt's chunk (late.ts) draws with, handed to
 * it from the form's chunk, so that the late chunk imports no code, only
 * types. A static import there of Lit, or of a module that imports it, made
 * the bundler split the chunk every widget shares in three: +0.6 KB and two
 * requests on every page.
 */
import { html, nothing } from 'lit';
import { isShown, shownDocuments } from '../../../api/contract/form-rules.js';
import { normaliseMobile } from '../../../api/contract/identity.js';
import { dateTime } from '../../../i18n/dates.js';
import { errorLine } from '../../shared/field-frame.js';
import { dayFirst } from '../date-input.js';
import { address, boxClass, choices } from '../fields.js';
import { feeList, row, sendError, withParam } from './notices.js';

export const lateKit = {
  html,
  nothing,
  dateTime,
  withParam,
  row,
  feeList,
  errorLine,
  isShown,
  shownDocuments,
  normaliseMobile,
  dayFirst,
  address,
  boxClass,
  choices,
  sendError,
};
export type LateKit = typeof lateKit;
