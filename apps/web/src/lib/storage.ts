/** localStorage that never throws (private mode, disabled storage). */
export const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch {
      /* ignore */
    }
  },
};

export const STORAGE_KEYS = {
  commune: 'tds.communeId',
  language: 'tds.lang',
  /** The signed-in user as last read (no CSRF token), for opening the app with no network. */
  me: 'tds.me',
} as const;
