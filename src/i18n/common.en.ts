/** English for the messages of `common.ts`; loaded only when a widget speaks English. */
import { money, type CommonMessages } from './common.js';

export const commonEn: CommonMessages = {
  retry: 'Try again',
  loading: 'Loading…',
  errors: {
    config:
      'This service is not set up correctly: the service address (the api attribute) is missing, wrong, or not a dvc-widgets backend. Please tell the website administrator.',
    'mixed-content':
      'This service is not set up correctly: the page uses https:// but the service address uses http://, which the browser blocks. Please tell the website administrator.',
    'agency-not-found':
      'This service is not set up correctly: the agency code (the agency attribute) is unknown to the service. Please tell the website administrator.',
    offline: 'Your device is offline. When you are back online, select “Try again”.',
    network: 'The service cannot be reached. Check your connection, then select “Try again”.',
    timeout: 'The service is taking too long to answer. Please select “Try again”.',
    server: 'The service has a problem. Please try again in a few minutes.',
    'invalid-response':
      'The service sent data in an unexpected format. Please try again later; if it persists, tell the website’s managing agency.',
    'not-found': 'The requested information was not found.',
    'rate-limited': 'Too many requests in a short time. Please wait a moment and try again.',
    validation: 'The service found some details that are not valid. Please check the marked fields.',
    'bad-request':
      'The service refused the request. Please reload the page; if it persists, tell the website’s managing agency.',
  },
  rateLimitedWait: (seconds) => `Too many requests in a short time. Please try again in ${seconds} seconds.`,
  money: (amount) => money(amount, 'en'),
};
