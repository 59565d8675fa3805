import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow } from './createMainWindow';

class FakeWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('createMainWindow', () => {
  const { options } = createMainWindow(FakeWindow, { preloadPath: '/app/out/preload/index.cjs' });

  it('isolates the page from Node and from the preload', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('keeps middle-click from opening windows', () => {
    expect(options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the given preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('is titled Triangulate and waits for its first paint before showing', () => {
    expect(options.title).toBe('Triangulate');
    expect(options.show).toBe(false);
  });
});
