/**
 * Saving a note while it is typed: a save a short pause after the last
 * change, or at once on `flush()`. Saves run one after another, so an older
 * note never lands after a newer one, and a save is skipped when the note is
 * what was last saved. A failed save reports "failed" and keeps the text;
 * the next change or flush tries again.
 */
export type NoteStatus = 'saved' | 'editing' | 'saving' | 'failed';

export interface NoteSaverOptions {
  initial: string;
  save: (note: string) => Promise<void>;
  delayMs: number;
  onStatus: (status: NoteStatus) => void;
}

export interface NoteSaver {
  change(note: string): void;
  flush(): Promise<void>;
}

export function createNoteSaver({ initial, save, delayMs, onStatus }: NoteSaverOptions): NoteSaver {
  let latest = initial;
  let saved = initial;
  let failed = false;
  let queue: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    queue = queue.then(async () => {
      const note = latest;
      if (note === saved && !failed) return;
      onStatus('saving');
      try {
        await save(note);
        saved = note;
        failed = false;
        onStatus(latest === note ? 'saved' : 'editing');
      } catch {
        failed = true;
        onStatus('failed');
      }
    });
    return queue;
  };

  return {
    change(note) {
      latest = note;
      onStatus('editing');
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}
