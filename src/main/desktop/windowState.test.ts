import { describe, expect, it } from 'vitest';
import { readWindowState, restoreWindowState, trackWindowState, visibleBounds, type TrackedWindow, type WindowBounds } from './windowState';

const LAPTOP = { workArea: { x: 0, y: 0, width: 1440, height: 870 } };
const MONITOR_RIGHT = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

class FakeWindow implements TrackedWindow {
  listeners = new Map<string, (() => void)[]>();
  pageListeners: ((event: unknown, url: string, isMainFrame: boolean) => void)[] = [];
  bounds: WindowBounds = { x: 100, y: 80, width: 1200, height: 800 };
  maximized = false;
  webContents = {
    on: (_event: 'did-navigate-in-page', listener: (event: unknown, url: string, isMainFrame: boolean) => void) => {
      this.pageListeners.push(listener);
    },
  };
  on(event: string, listener: () => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  getNormalBounds() {
    return this.bounds;
  }
  isMaximized() {
    return this.maximized;
  }
  emit(event: string) {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
  navigate(url: string, isMainFrame = true) {
    for (const listener of this.pageListeners) listener({}, url, isMainFrame);
  }
}

function track(window: FakeWindow, delayMs = 20) {
  const writes: string[] = [];
  const tracker = trackWindowState(window, {
    initial: { maximized: false, hash: '' },
    write: async (contents) => void writes.push(contents),
    delayMs,
  });
  return { tracker, writes, last: () => JSON.parse(writes.at(-1) ?? 'null') as unknown };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('visibleBounds', () => {
  it('restores a window that is on a display', () => {
    const bounds = { x: 1600, y: 100, width: 1400, height: 900 };
    expect(visibleBounds(bounds, [LAPTOP, MONITOR_RIGHT])).toEqual(bounds);
  });

  it('drops bounds on a monitor that is no longer connected', () => {
    expect(visibleBounds({ x: 1600, y: 100, width: 1400, height: 900 }, [LAPTOP])).toBeUndefined();
  });

  it('drops bounds whose title bar is above the screen, where it could not be dragged back', () => {
    expect(visibleBounds({ x: 100, y: -300, width: 1000, height: 800 }, [LAPTOP])).toBeUndefined();
  });

  it('shrinks a window saved on a bigger display to fit the one it is on now', () => {
    expect(visibleBounds({ x: 0, y: 0, width: 2400, height: 1300 }, [LAPTOP])).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
  });

  it('has nothing to restore on first start', () => {
    expect(visibleBounds(undefined, [LAPTOP])).toBeUndefined();
  });
});

describe('readWindowState', () => {
  it('reads what the tracker wrote', async () => {
    const window = new FakeWindow();
    const { tracker, writes } = track(window);
    window.navigate('app://triangulate/index.html#view=compare&articles=a,b');
    window.emit('close');
    await tracker.flush();
    const state = await readWindowState('/x/window-state.json', async () => writes.at(-1) ?? '');
    expect(state).toMatchObject({ bounds: window.bounds, maximized: false, hash: '#view=compare&articles=a,b' });
  });

  it('starts fresh when the file is missing, damaged or holds something unexpected', async () => {
    const missing = async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    for (const read of [missing, async () => '{"bounds": {"x": 1', async () => '{"bounds": {"x": "left"}, "hash": "#view=coverage"}']) {
      const state = await readWindowState('/x', read);
      expect(state.bounds).toBeUndefined();
      expect(state.hash).toBe('');
    }
  });

  it('drops a saved fragment that is not a route (it would be loaded into the app)', async () => {
    const state = await readWindowState('/x', async () => JSON.stringify({ hash: '#"><script>', maximized: true }));
    expect(state).toMatchObject({ hash: '', maximized: true });
  });
});

describe('trackWindowState', () => {
  it('saves size and position once the window stops moving, not on every step', async () => {
    const window = new FakeWindow();
    const { writes, last } = track(window);
    for (let x = 100; x < 150; x += 10) {
      window.bounds = { ...window.bounds, x };
      window.emit('move');
    }
    window.bounds = { ...window.bounds, width: 1000 };
    window.emit('resize');
    expect(writes).toHaveLength(0);
    await wait(60);
    expect(writes).toHaveLength(1);
    expect(last()).toMatchObject({ bounds: { x: 140, y: 80, width: 1000, height: 800 }, maximized: false });
  });

  it('remembers a maximised window with its normal bounds for later', async () => {
    const window = new FakeWindow();
    const { tracker, last } = track(window);
    window.maximized = true;
    window.emit('maximize');
    await tracker.flush();
    expect(last()).toMatchObject({ maximized: true, bounds: { width: 1200, height: 800 } });
  });

  it('saves at once when the window closes', async () => {
    const window = new FakeWindow();
    const { writes, tracker } = track(window, 10_000);
    window.emit('resize');
    window.emit('close');
    await tracker.flush();
    expect(writes).toHaveLength(1);
  });

  it('remembers the open screen and articles from in-page navigation of the app only', async () => {
    const window = new FakeWindow();
    const { tracker } = track(window);
    window.navigate('app://triangulate/index.html#view=reader&article=a1');
    window.navigate('https://example.org/#view=coverage');
    window.navigate('app://triangulate/index.html#view=coverage', false);
    expect(tracker.current().hash).toBe('#view=reader&article=a1');
    window.navigate('app://triangulate/index.html#view=compare&articles=a1,b2');
    window.navigate('app://triangulate/index.html#view=coverage');
    expect(tracker.current().hash).toBe('#view=coverage');
  });

  it('keeps going when a save fails, and reports it', async () => {
    const window = new FakeWindow();
    const errors: unknown[] = [];
    let fail = true;
    const writes: string[] = [];
    const tracker = trackWindowState(window, {
      initial: { maximized: false, hash: '' },
      write: async (contents) => {
        if (fail) throw new Error('disk full');
        writes.push(contents);
      },
      delayMs: 5,
      onError: (error) => errors.push(error),
    });
    window.emit('close');
    await tracker.flush();
    fail = false;
    window.emit('close');
    await tracker.flush();
    expect(errors).toHaveLength(1);
    expect(writes).toHaveLength(1);
  });
});

describe('restoreWindowState', () => {
  const state = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: false, hash: '#view=reader&article=a1' };

  it('moves the window back and reopens the last screen', () => {
    const placed: WindowBounds[] = [];
    const url = restoreWindowState({ setBounds: (b) => void placed.push(b) }, state, [LAPTOP, MONITOR_RIGHT]);
    expect(placed).toEqual([state.bounds]);
    expect(url).toBe('app://triangulate/index.html#view=reader&article=a1');
  });

  it('leaves the default place when the saved one is off every display, and still reopens the screen', () => {
    const placed: WindowBounds[] = [];
    const url = restoreWindowState({ setBounds: (b) => void placed.push(b) }, state, [LAPTOP]);
    expect(placed).toEqual([]);
    expect(url).toBe('app://triangulate/index.html#view=reader&article=a1');
  });
});
