/**
 * Remembers the desktop window between runs: its size, position and whether
 * it was maximised, and the renderer's route (the URL fragment, e.g.
 * `#view=compare&articles=a,b`), in `window-state.json`. Saved (debounced)
 * when the window moves, resizes or navigates within the page, and at once
 * when it closes; restored on start only where the saved bounds still show
 * on one of the current displays. Takes the window, the displays and the
 * file writer as parameters, so tests pass fakes.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { APP_ENTRY_URL, isAppUrl } from './appUrl';

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A route fragment the renderer understands; anything else is dropped. */
const HashSchema = z.string().max(4000).regex(/^(#[A-Za-z0-9_\-=&,.%~]*)?$/);
const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const WindowStateSchema = z.object({
  bounds: BoundsSchema.optional(),
  maximized: z.boolean().default(false),
  hash: HashSchema.catch(''),
});

export type WindowState = z.infer<typeof WindowStateSchema>;

export const EMPTY_WINDOW_STATE: WindowState = { maximized: false, hash: '' };

/** The saved state, or an empty one when the file is missing or unreadable (it is only a preference). */
export async function readWindowState(file: string, read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')): Promise<WindowState> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await read(file)));
    return parsed.success ? parsed.data : { ...EMPTY_WINDOW_STATE };
  } catch {
    return { ...EMPTY_WINDOW_STATE };
  }
}

/** The part of the window the user must be able to reach to drag it back: at least this much must be on a display. */
const MIN_VISIBLE = { width: 120, height: 60 };

/**
 * The saved bounds when enough of them (the title bar region) lies inside
 * some display's work area, shrunk to fit that display; else undefined (the
 * window then opens at its default size, centred).
 */
export function visibleBounds(bounds: WindowBounds | undefined, displays: readonly { workArea: WindowBounds }[]): WindowBounds | undefined {
  if (!bounds) return undefined;
  for (const { workArea: area } of displays) {
    const overlapWidth = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const titleTop = bounds.y;
    const titleVisible = titleTop >= area.y && titleTop + MIN_VISIBLE.height <= area.y + area.height;
    if (overlapWidth >= MIN_VISIBLE.width && titleVisible) {
      return { ...bounds, width: Math.min(bounds.width, area.width), height: Math.min(bounds.height, area.height) };
    }
  }
  return undefined;
}

/**
 * Puts a new (still hidden) window where it was, when that is on a display
 * now, and gives the URL that reopens the screen and articles last shown.
 * Maximising is left to the caller, once the window is ready to show.
 */
export function restoreWindowState(
  window: { setBounds(bounds: WindowBounds): void },
  state: WindowState,
  displays: readonly { workArea: WindowBounds }[],
): string {
  const bounds = visibleBounds(state.bounds, displays);
  if (bounds) window.setBounds(bounds);
  return `${APP_ENTRY_URL}${state.hash}`;
}

/** The parts of a BrowserWindow used here. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): WindowBounds;
  isMaximized(): boolean;
  webContents: {
    on(event: 'did-navigate-in-page', listener: (event: unknown, url: string, isMainFrame: boolean) => void): unknown;
  };
}

export interface WindowStateTracker {
  /** The state as last seen (what the next save writes). */
  current(): WindowState;
  /** Writes any pending change now. */
  flush(): Promise<void>;
}

/**
 * Follows the window and saves its state through `write` (an atomic file
 * write), at most once per `delayMs` while it moves, at once on close. A
 * failed save is reported through `onError` and never stops the app.
 */
export function trackWindowState(
  window: TrackedWindow,
  options: {
    initial: WindowState;
    write: (contents: string) => Promise<void>;
    delayMs?: number;
    onError?: (error: unknown) => void;
  },
): WindowStateTracker {
  const delayMs = options.delayMs ?? 500;
  let state: WindowState = { ...options.initial };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();

  const capture = () => {
    const maximized = window.isMaximized();
    // While maximised, keep the last normal bounds so un-maximising next time restores them.
    state = { ...state, maximized, bounds: window.getNormalBounds() };
  };
  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const contents = `${JSON.stringify(state, null, 2)}\n`;
    saving = saving.then(() => options.write(contents)).catch((error: unknown) => options.onError?.(error));
    return saving;
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), delayMs);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
    window.on(event, () => {
      capture();
      schedule();
    });
  }
  window.on('close', () => {
    capture();
    void save();
  });
  window.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (!isMainFrame || !isAppUrl(url)) return;
    const hash = HashSchema.safeParse(new URL(url).hash);
    if (!hash.success) return;
    state = { ...state, hash: hash.data };
    schedule();
  });

  return {
    current: () => state,
    flush: () => (timer ? save() : saving),
  };
}
