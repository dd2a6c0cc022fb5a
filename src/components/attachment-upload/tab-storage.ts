import { randomToken } from '../shared/random-token.js';

/**
 * sessionStorage (kept for this tab, forgotten when it is closed: commune
 * offices share computers), or a stand-in in memory where the page may not
 * use it (a sandboxed iframe, some privacy modes). Uploads then still work
 * and resume within the page, only not across a reload.
 */
export const tabStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { keys(): string[] } = (() => {
  try {
    sessionStorage.setItem('dvc-probe', '1');
    sessionStorage.removeItem('dvc-probe');
    return {
      getItem: (key) => sessionStorage.getItem(key),
      setItem: (key, value) => sessionStorage.setItem(key, value),
      removeItem: (key) => sessionStorage.removeItem(key),
      keys: () => Object.keys(sessionStorage),
    };
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
      keys: () => [...memory.keys()],
    };
  }
})();

/** The random token kept for this tab under `key`, made the first time it is asked for (16 bytes: an id; 32: a secret). */
export function tabKept(key: string, bytes: 16 | 32 = 16): string {
  let token = tabStorage.getItem(key);
  if (!token) {
    token = randomToken(bytes);
    tabStorage.setItem(key, token);
  }
  return token;
}
