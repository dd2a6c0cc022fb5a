/** English text of `<dvc-status-lookup>`, loaded only on English pages. */
import type { Messages } from '../../i18n/catalog.js';
import { commonEn } from '../../i18n/common.en.js';
import type { LookupMessages } from './messages.js';

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const lookup: LookupMessages = {
  heading: 'Track a dossier',
  code: 'Dossier code',
  codeHint: 'Printed on the receipt, for example: 000.00.01.H99-261122-0001.',
  secret: {
    'applicant-id': 'Personal ID number (or tax code) of the applicant',
    'lookup-code': 'Lookup code printed on the receipt',
  },
  secretHint: {
    'applicant-id':
      'The 12-digit personal ID number of the person named on the dossier; an organisation enters its tax code.',
    'lookup-code': 'Letters and digits, printed next to the dossier code on the receipt.',
  },
  submit: 'Look up',
  looking: 'Looking up the dossier…',
  problem: 'There is a problem',
  errorPrefix: 'Error:',
  codeMissing: 'Enter the dossier code.',
  codeFormat: 'The dossier code is not in the right format. It looks like 000.00.01.H99-261122-0001.',
  secretMissing: (label) => `Enter the ${lower(label)}.`,
  secretFormat: 'The lookup code has 4 to 12 letters or digits.',
  notFound: (secret) => `No dossier matches this dossier code and ${lower(secret)}. Please check both.`,
  dossier: (code) => `Dossier ${code}`,
  status: 'Status',
  statusNames: {
    1: 'Submitted, waiting for reception',
    2: 'Received',
    3: 'Not accepted at reception',
    4: 'Being processed',
    5: 'Additional documents requested',
    6: 'Payment of fees requested',
    7: 'Withdrawn at the applicant’s request',
    8: 'Processing stopped',
    9: 'Result ready',
    10: 'Result returned',
  },
  found: (status) => `Dossier found. Status: ${status}.`,
  updated: (status) => `Updated. Status: ${status}.`,
  procedure: 'Procedure',
  agency: 'Receiving agency',
  receivedAt: 'Received on',
  appointmentAt: 'Result due on',
  noAppointment: 'No fixed date',
  finishedAt: 'Finished on',
  timeliness: 'Progress',
  onTime: 'On time',
  withinTime: 'Within time',
  late: 'Late',
  apology: 'Apology from the agency',
  apologyIssued: 'Sent on',
  newAppointment: 'New date for the result',
  supplement: 'Additional documents requested',
  supplementIntro: 'The agency asks for:',
  requestedAt: 'Requested on',
  supplementDue: 'Send them by',
  note: 'Note',
  payment: 'Fees to pay',
  total: 'Total',
  how: 'How to pay',
  paymentDue: 'Pay by',
  paid: 'Paid',
  unpaid: 'Not paid yet',
  delivery: 'Receiving the result',
  deliveryMethods: { online: 'Online', post: 'By public postal service', desk: 'In person at the one-stop desk' },
  history: (count) => `Processing history (${count} ${count === 1 ? 'step' : 'steps'})`,
  historyOrder: 'Newest first.',
  showAll: (count) => `Show all ${count} steps`,
  refresh: 'Refresh status',
  print: 'Print this page',
};

export const english: Messages<LookupMessages> = { common: commonEn, own: lookup };
