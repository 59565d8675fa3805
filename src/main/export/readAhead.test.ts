import { describe, expect, it } from 'vitest';
import { readAhead } from './readAhead';

describe('readAhead', () => {
  it('yields every result in order while keeping at most `window` reads in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const read = async (n: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, (n * 7) % 5));
      inFlight--;
      return n * 10;
    };
    const out: number[] = [];
    for await (const value of readAhead([...Array(40).keys()], read, 4)) out.push(value);
    expect(out).toEqual([...Array(40).keys()].map((n) => n * 10));
    expect(most).toBe(4);
  });

  it('throws the first failing read’s error at its turn', async () => {
    const read = async (n: number) => {
      if (n === 2) throw new Error('cannot read 2');
      return n;
    };
    const out: number[] = [];
    await expect(async () => {
      for await (const value of readAhead([0, 1, 2, 3], read, 2)) out.push(value);
    }).rejects.toThrow('cannot read 2');
    expect(out).toEqual([0, 1]);
  });
});
