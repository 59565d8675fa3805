/**
 * The desktop app's own origin: the built renderer is served from
 * `app://triangulate/` (see appProtocol.ts). Only pages there may navigate
 * the window or call the core.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'triangulate';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
