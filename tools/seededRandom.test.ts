import { describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from './seededRandom';

describe('seededRandom', () => {
  it('repeats its numbers for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    expect(take(7).every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('spreads whole numbers over the whole range, ends included', () => {
    const random = seededRandom(1);
    const seen = new Set(Array.from({ length: 2000 }, () => randomInt(random, 20, 30)));
    expect([...seen].sort((a, b) => a - b)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });
});
