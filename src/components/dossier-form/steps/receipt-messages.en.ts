/** English text of the receipt of `<dvc-dossier-form>`, loaded only on English pages. */
import type { ReceiptMessages } from './receipt-messages.js';

export const english: ReceiptMessages = {
  doneHeading: 'Application sent',
  receiptCode: 'Application code',
  applicant: 'Applicant',
  procedure: 'Procedure',
  case: 'Case',
  agency: 'Receiving agency',
  receivedAt: 'Received',
  appointmentAt: 'Result due',
  noAppointment: 'The agency will tell you when the result is ready',
  documents: 'Documents submitted',
  noDocuments: 'No documents attached.',
  lookupCode: 'Lookup code',
  lookupCodeHint:
    'Keep this lookup code: you need it with the application code to check the status. It is shown only once.',
  lookupIdHint:
    'To check the status, you need the application code and the applicant’s personal ID number (an organisation: its tax code).',
  nextSteps: 'What happens next',
  desk: 'Where to go and whom to call',
  address: 'Address',
  phone: 'Phone',
  openingHours: 'Opening hours',
  lookupLink: 'Check the status of the application',
  print: 'Print the receipt',
  another: 'Start another application',
};
