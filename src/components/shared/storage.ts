/**
 * Web storage the page may use, or undefined where it may not: in a
 * sandboxed iframe merely reading `window.sessionStorage` throws, and some
 * privacy modes refuse every write. The widgets then keep what they would
 * have stored in memory (or not at all) instead of failing.
 */
const PROBE = 'dvc-probe';

/** The storage `name`, if reading it works (and, with `writable`, writing too). */
export function usableStorage(name: 'localStorage' | 'sessionStorage', writable = false): Storage | undefined {
  try {
    const storage = window[name];
    if (writable) {
      storage.setItem(PROBE, '1');
      storage.removeItem(PROBE);
    } else storage.getItem(PROBE);
    return storage;
  } catch {
    return undefined;
  }
}
