/**
 * Only http(s) addresses from the backend become links: a `javascript:` or
 * `data:` URL in a form template or a law reference must never be clickable.
 * Anything else resolves to `about:blank`.
 */
export function safeHref(url: string, base: string | URL): string {
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : 'about:blank';
  } catch {
    return 'about:blank';
  }
}
