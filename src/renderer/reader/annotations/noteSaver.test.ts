import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { createNoteSaver, type NoteStatus } from './noteSaver';

function setup(save: (note: string) => Promise<void> = async () => {}) {
  const saved: string[] = [];
  const statuses: NoteStatus[] = [];
  const saver = createNoteSaver({
    initial: 'first thoughts',
    save: async (note) => {
      await save(note);
      saved.push(note);
    },
    delayMs: 500,
    onStatus: (s) => statuses.push(s),
  });
  return { saver, saved, statuses };
}

describe('createNoteSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, a pause after the last keystroke, with the latest text', async () => {
    const { saver, saved, statuses } = setup();
    saver.change('a');
    await vi.advanceTimersByTimeAsync(300);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual(['ab']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saves at once on flush (leaving the field) and not again when the timer would have fired', async () => {
    const { saver, saved } = setup();
    saver.change('typed then tabbed away');
    await saver.flush();
    expect(saved).toEqual(['typed then tabbed away']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['typed then tabbed away']);
  });

  it('saves only the newest text when several changes wait for the same save', async () => {
    const { saver, saved } = setup();
    saver.change('draft');
    const a = saver.flush();
    saver.change('draft, revised');
    const b = saver.flush();
    await Promise.all([a, b]);
    expect(saved).toEqual(['draft, revised']);
  });

  it('does not save a note that did not change', async () => {
    const { saver, saved } = setup();
    saver.change('first thoughts');
    await saver.flush();
    await saver.flush();
    expect(saved).toEqual([]);
  });

  it('keeps saves in order, so a slow older save cannot overwrite a newer note', async () => {
    const order: string[] = [];
    const { saver } = setup(async (note) => {
      order.push(`start ${note}`);
      await new Promise((r) => setTimeout(r, note === 'old' ? 1000 : 10));
      order.push(`end ${note}`);
    });
    saver.change('old');
    const first = saver.flush();
    await vi.advanceTimersByTimeAsync(0); // the old save is now under way
    saver.change('new');
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all([first, second]);
    expect(order).toEqual(['start old', 'end old', 'start new', 'end new']);
  });

  it('reports a failed save and tries again with the same text on the next flush', async () => {
    let fail = true;
    const { saver, saved, statuses } = setup(async () => {
      if (fail) throw new Error('host is down');
    });
    saver.change('important');
    await saver.flush();
    expect(saved).toEqual([]);
    expect(statuses.at(-1)).toBe('failed');
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['important']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('says "editing" when more was typed while a save was running', async () => {
    let release: () => void = () => {};
    const { saver, statuses } = setup(() => new Promise<void>((r) => (release = r)));
    saver.change('one');
    const saving = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.change('one two');
    release();
    await saving;
    expect(statuses.at(-1)).toBe('editing');
  });
});
