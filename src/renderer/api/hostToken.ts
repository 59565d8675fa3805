/**
 * The browser host's access token as the page knows it: from the URL
 * fragment (`#token=…`, which never reaches the server) when present, and
 * remembered in sessionStorage so a reload without the fragment still works.
 * A fragment always wins, so a restarted host's new link replaces an old token.
 */
export const TOKEN_STORAGE_KEY = 'triangulate.hostToken';

export type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readHostToken(hash: string, storage: TokenStorage | null): string | null {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    return fromHash;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}
