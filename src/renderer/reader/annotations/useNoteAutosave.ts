/**
 * React face of `createNoteSaver`: the note's text and save status for a
 * field, saved after a pause, on `flush()`, and when the field unmounts
 * (closing the panel or picking another annotation).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createNoteSaver, type NoteStatus } from './noteSaver';

export type { NoteStatus } from './noteSaver';

export interface NoteAutosave {
  value: string;
  status: NoteStatus;
  change: (value: string) => void;
  flush: () => Promise<void>;
}

export const NOTE_SAVE_DELAY_MS = 700;

export function useNoteAutosave(initial: string, save: (note: string) => Promise<void>): NoteAutosave {
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<NoteStatus>('saved');
  const saveRef = useRef(save);
  saveRef.current = save;
  const [saver] = useState(() =>
    createNoteSaver({ initial, save: (note) => saveRef.current(note), delayMs: NOTE_SAVE_DELAY_MS, onStatus: setStatus }),
  );

  useEffect(() => () => void saver.flush(), [saver]);

  const change = useCallback(
    (next: string) => {
      setValue(next);
      saver.change(next);
    },
    [saver],
  );

  return { value, status, change, flush: saver.flush };
}
