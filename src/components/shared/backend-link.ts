import { html } from 'lit';

/**
 * A link to an address the backend gave (a form template, a legal text),
 * already passed through `safeHref`. An unsafe one (`javascript:`, `data:`),
 * which `safeHref` made `about:blank`, stays plain text: a link that goes
 * nowhere would only confuse, and a screen reader would still announce it.
 */
export const backendLink = (href: string, label: string, download = false) =>
  href === 'about:blank' ? label : html`<a href=${href} ?download=${download} rel="noopener">${label}</a>`;
