import { randomToken } from '../shared/random-token.js';
import { usableStorage } from '../shared/storage.js';

/**
 * sessionStorage (kept for this tab, forgotten when it is closed: commune
 * offices share computers), or a stand-in in memory where the page may not
 * use it (a sandboxed iframe, some privacy modes). Uploads then still work
 * and resume within the page, only not across a reload.
 */
export const tabStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { keys(): string[] } = (() => {
  const session = usableStorage('sessionStorage', true);
  if (session)
    return {
      getItem: (key) => session.getItem(key),
      setItem: (key, value) => session.setItem(key, value),
      removeItem: (key) => session.removeItem(key),
      keys: () => Object.keys(session),
    };
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
    keys: () => [...memory.keys()],
  };
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
