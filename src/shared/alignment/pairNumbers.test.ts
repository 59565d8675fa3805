import { describe, expect, it } from 'vitest';
import { createPairNumbers } from './pairNumbers';

describe('createPairNumbers', () => {
  it('numbers pairs in the order first asked for and gives a pair its number again, over many pairs of large numbers', () => {
    // Pairs of article numbers of a 100,000-article library: a * 100,000 + b is beyond 2^31.
    let seed = 11;
    const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 100_000;
    const asked = Array.from({ length: 12_000 }, () => [next(), next() % 300] as const);
    const pairs = createPairNumbers();
    const expected = new Map<string, number>();
    const numbers: number[] = [];
    const wanted: number[] = [];
    for (const [a, b] of [...asked, ...asked.slice().reverse()]) {
      const key = `${a},${b}`;
      if (!expected.has(key)) expected.set(key, expected.size);
      wanted.push(expected.get(key)!);
      numbers.push(pairs.number(a, b));
    }
    expect(numbers).toEqual(wanted);
    expect(pairs.size).toBe(expected.size);
    expect(expected.size).toBeGreaterThan(10_000);
    expect(Array.from({ length: pairs.size }, (_, k) => `${pairs.first(k)},${pairs.second(k)}`)).toEqual([...expected.keys()]);
  });

  it('tells a pair from the same numbers the other way round', () => {
    const pairs = createPairNumbers();
    expect([pairs.number(3, 99_999), pairs.number(99_999, 3), pairs.number(3, 99_999), pairs.number(0, 0)]).toEqual([0, 1, 0, 2]);
  });
});
