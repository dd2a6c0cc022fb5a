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
