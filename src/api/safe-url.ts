/**
 * Only http(s) addresses from the backend become links: a `javascript:` or
 * `data:` URL in a form template or a law reference must never be clickable.
 * Anything else resolves to `about:blank`.
 */
import type { LinkResolver } from './adapter.js';

export function safeHref(url: string, base: string | URL): string {
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : 'about:blank';
  } catch {
    return 'about:blank';
  }
}

/** An address an adapter gave, made safe to put in a link: a site's own adapter is trusted no more than the backend. */
export const safeLink = (adapter: LinkResolver, url: string): string =>
  safeHref(adapter.resolveUrl(url), location.href);
