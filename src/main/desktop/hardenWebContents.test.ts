import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenWebContents } from './hardenWebContents';

type Listener = (event: { preventDefault(): void; url?: string }, url?: string) => void;

type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheck = (wc: unknown, permission: string) => boolean;

interface FakeContents {
  windowOpenHandler: null | ((details: { url: string }) => { action: string });
  permissionRequest: null | PermissionRequest;
  permissionCheck: null | PermissionCheck;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  on(event: string, listener: Listener): FakeContents;
  session: {
    setPermissionRequestHandler(handler: PermissionRequest): void;
    setPermissionCheckHandler(handler: PermissionCheck): void;
  };
}

function fakeContents() {
  const listeners = new Map<string, Listener>();
  const fake: FakeContents = {
    windowOpenHandler: null,
    permissionRequest: null,
    permissionCheck: null,
    setWindowOpenHandler(handler) {
      fake.windowOpenHandler = handler;
    },
    on(event, listener) {
      listeners.set(event, listener);
      return fake;
    },
    session: {
      setPermissionRequestHandler(handler) {
        fake.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler) {
        fake.permissionCheck = handler;
      },
    },
  };
  /** Fires an event the way Electron does; true when the page's action was prevented. */
  const fire = (name: string, url: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true), url }, url);
    return prevented;
  };
  return { fake, fire, contents: fake as unknown as WebContents };
}

function harden() {
  const opened: string[] = [];
  const f = fakeContents();
  hardenWebContents(f.contents, { openExternal: (url) => void opened.push(url) });
  return { ...f, opened };
}

describe('hardenWebContents', () => {
  it('never opens a new window, and sends web links to the user’s browser', async () => {
    const { fake, opened } = harden();
    expect(fake.windowOpenHandler?.({ url: 'https://example.org/story' })).toEqual({ action: 'deny' });
    expect(fake.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).toEqual(['https://example.org/story']);
  });

  it('keeps the window on the app’s own pages', () => {
    const { fire } = harden();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///home/ana/notes.html')).toBe(true);
    expect(fire('will-navigate', 'app://triangulate@evil.example/')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
    expect(fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://triangulate/index.html')).toBe(false);
  });

  it('refuses to attach <webview> tags', () => {
    expect(harden().fire('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { fake } = harden();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      fake.permissionRequest?.(null, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(fake.permissionCheck?.(null, permission)).toBe(false);
    }
  });
});
