import { describe, expect, it } from 'vitest';
import { inSlices } from './inSlices';

/** Holds the thread for `ms` (an item of work longer than a slice). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // working
  }
}

describe('inSlices', () => {
  it('gives back every result in the items’ order, waiting for each promise before the next item', async () => {
    let running = 0;
    let most = 0;
    const results = await inSlices(
      [5, 1, 4, 2, 3],
      async (ms, n) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, ms));
        running--;
        return `${n}:${ms}`;
      },
      { sliceMs: 10 },
    );
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
    expect(most).toBe(1);
  });

  it('lets other work run between slices, and gives way before each slice: the first too, never after the last', async () => {
    const events: string[] = [];
    const done = inSlices(
      ['a', 'b', 'c'],
      (item) => {
        events.push(item);
        // Something else asks for the thread while this item runs.
        setImmediate(() => events.push(`other after ${item}`));
        busy(3); // longer than a slice: each item ends one
      },
      {
        sliceMs: 1,
        giveWay: async () => {
          events.push('give way');
        },
      },
    );
    await done;
    expect(events.slice(0, 8)).toEqual(['give way', 'a', 'other after a', 'give way', 'b', 'other after b', 'give way', 'c']);
    expect(events.filter((e) => e === 'give way')).toHaveLength(3);
  });

  it('does not start, nor go on, until the way given is given back', async () => {
    let giveBack = (): void => undefined;
    const done: string[] = [];
    const run = inSlices(
      ['a', 'b'],
      (item) => {
        done.push(item);
        busy(3);
      },
      { sliceMs: 1, giveWay: () => new Promise<void>((resolve) => (giveBack = resolve)) },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toEqual([]);
    giveBack();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toEqual(['a']);
    giveBack();
    await run;
    expect(done).toEqual(['a', 'b']);
  });

  it('does short work in one slice, giving way once', async () => {
    let turns = 0;
    const results = await inSlices(Array.from({ length: 100 }, (_, i) => i), (i) => i * 2, { sliceMs: 10_000, giveWay: async () => void turns++ });
    expect(results).toHaveLength(100);
    expect(results[99]).toBe(198);
    expect(turns).toBe(1);
  });

  it('stops at an item whose work throws (a backup told to stop), doing no later item', async () => {
    const done: number[] = [];
    const run = inSlices(
      [1, 2, 3],
      (n) => {
        if (n === 2) throw new Error('closing');
        done.push(n);
      },
      { sliceMs: 10 },
    );
    await expect(run).rejects.toThrow('closing');
    expect(done).toEqual([1]);
  });
});
