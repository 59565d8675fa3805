/**
 * Locks down a window's web contents: no new windows (http/https links open
 * in the user's browser instead), no navigation or redirect away from the
 * app's own origin, no <webview>, and every permission request (camera,
 * notifications, geolocation, …) denied.
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './appUrl';

export interface HardenOptions {
  /** Opens a URL in the user's browser (Electron's shell.openExternal). */
  openExternal: (url: string) => Promise<void> | void;
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) {
      Promise.resolve()
        .then(() => options.openExternal(url))
        .catch(() => undefined);
    }
    return { action: 'deny' };
  });

  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
