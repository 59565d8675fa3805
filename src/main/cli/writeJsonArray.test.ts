import { describe, expect, it } from 'vitest';
import { writeJsonArray } from './writeJsonArray';

async function written(items: unknown[], stopAfter = Number.POSITIVE_INFINITY): Promise<{ chunks: string[]; finished: boolean }> {
  const chunks: string[] = [];
  let asked = 0;
  const finished = await writeJsonArray(
    (function* () {
      for (const item of items) {
        asked++;
        yield item;
      }
    })(),
    async (chunk) => {
      chunks.push(chunk);
      await new Promise((r) => setImmediate(r));
    },
    () => asked >= stopAfter,
  );
  return { chunks, finished };
}

describe('writeJsonArray', () => {
  it('writes what JSON.stringify(items, null, 2) writes, for none, one and many items', async () => {
    const row = (i: number) => ({ article: `a${i}`, exact: 'We are "done",\n he said', speakerEvidence: i % 2 ? null : { text: 'Ana', start: 0, end: 3 }, tags: [i, 'x'] });
    for (const n of [0, 1, 3, 5000]) {
      const items = Array.from({ length: n }, (_, i) => row(i));
      const { chunks, finished } = await written(items);
      expect(finished).toBe(true);
      expect(chunks.join('')).toBe(`${JSON.stringify(items, null, 2)}\n`);
      // A long answer goes out in many chunks of bounded size, never as one string.
      if (n === 5000) {
        expect(chunks.length).toBeGreaterThan(10);
        for (const c of chunks) expect(c.length).toBeLessThan(70_000);
      }
    }
  });

  it('stops taking items when told to stop', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ i }));
    const { chunks, finished } = await written(items, 100);
    expect(finished).toBe(false);
    expect(chunks.join('')).not.toContain('"i": 100');
  });
});
