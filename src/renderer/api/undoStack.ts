/**
 * The session's undo history: a stack of changes, each able to undo and redo
 * itself through the API. A new change clears what could be redone. Undo and
 * redo run one at a time, in the order asked. A change pushed with the same
 * `mergeKey` as the last one within `mergeMs` (typing a note, saved at each
 * pause) joins it: one undo goes back to before the first. A change pushed
 * with the same `joinKey` as the last one within `joinMs` (the two calls of
 * one user action, such as re-crediting a quote: unlink, then link) becomes
 * one step with it: undo takes back both, redo does both again.
 */

/** What a change touched, so the screens can reload it and show it. */
export interface UndoTarget {
  articleId: string;
  /** The annotation to show after the step; absent when it no longer exists. */
  annotationId?: string;
}

export interface UndoEntry {
  /** Short description for the status line: "delete Quote". */
  label: string;
  /** Every article the change touched. */
  articleIds: readonly string[];
  undo(): Promise<UndoTarget | null>;
  redo(): Promise<UndoTarget | null>;
  mergeKey?: string;
  joinKey?: string;
}

export interface UndoStep {
  kind: 'undo' | 'redo';
  label: string;
  articleIds: readonly string[];
  target: UndoTarget | null;
}

export interface UndoStackOptions {
  /** Oldest entries drop off beyond this many. */
  limit?: number;
  mergeMs?: number;
  joinMs?: number;
  now?: () => number;
}

export class UndoStack {
  private done: { entry: UndoEntry; at: number }[] = [];
  private undone: UndoEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly limit: number;
  private readonly mergeMs: number;
  private readonly joinMs: number;
  private readonly now: () => number;

  constructor(options: UndoStackOptions = {}) {
    this.limit = options.limit ?? 500;
    this.mergeMs = options.mergeMs ?? 5_000;
    this.joinMs = options.joinMs ?? 1_000;
    this.now = options.now ?? (() => Date.now());
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Label of the change the next undo would take back. */
  get nextUndoLabel(): string | null {
    return this.done.at(-1)?.entry.label ?? null;
  }

  get nextRedoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  push(entry: UndoEntry): void {
    this.undone = [];
    const at = this.now();
    const last = this.done.at(-1);
    if (entry.mergeKey && last && last.entry.mergeKey === entry.mergeKey && at - last.at <= this.mergeMs) {
      const first = last.entry;
      this.done[this.done.length - 1] = { at, entry: { ...entry, undo: first.undo } };
      return;
    }
    if (entry.joinKey && last && last.entry.joinKey === entry.joinKey && at - last.at <= this.joinMs) {
      const first = last.entry;
      this.done[this.done.length - 1] = {
        at,
        entry: {
          label: entry.label,
          articleIds: [...new Set([...first.articleIds, ...entry.articleIds])],
          joinKey: entry.joinKey,
          async undo() {
            await entry.undo();
            return first.undo();
          },
          async redo() {
            await first.redo();
            return entry.redo();
          },
        },
      };
      return;
    }
    this.done.push({ entry, at });
    if (this.done.length > this.limit) this.done.shift();
  }

  /** Takes back the last change; null when there is none. A step that fails is dropped and its error thrown. */
  undo(): Promise<UndoStep | null> {
    return this.serial(async () => {
      const top = this.done.pop();
      if (!top) return null;
      const target = await top.entry.undo();
      this.undone.push(top.entry);
      return { kind: 'undo' as const, label: top.entry.label, articleIds: top.entry.articleIds, target };
    });
  }

  redo(): Promise<UndoStep | null> {
    return this.serial(async () => {
      const entry = this.undone.pop();
      if (!entry) return null;
      const target = await entry.redo();
      this.done.push({ entry, at: -Infinity });
      return { kind: 'redo' as const, label: entry.label, articleIds: entry.articleIds, target };
    });
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
