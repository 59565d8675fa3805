import { describe, expect, it } from 'vitest';
import { createPassagesByPair } from './passagesByPair';

describe('createPassagesByPair', () => {
  it('gives pairs in the order first asked for, each pair’s passages in the order added', () => {
    const found = createPassagesByPair();
    const ab = found.pair(4, 90_000);
    const cd = found.pair(1, 2);
    found.add(cd, 0, 10, 5, 15, 10);
    found.add(ab, 100, 120, 7, 27, 18);
    found.add(found.pair(4, 90_000), 300, 340, 500, 540, 40);
    const listed: number[][] = [];
    found.forEach((...passage) => listed.push(passage));
    expect(listed).toEqual([
      [4, 100, 120, 90_000, 7, 27, 18],
      [4, 300, 340, 90_000, 500, 540, 40],
      [1, 0, 10, 2, 5, 15, 10],
    ]);
  });

  it('says whether a seed lies inside a passage already found for its pair, in both articles', () => {
    const found = createPassagesByPair();
    const pair = found.pair(0, 1);
    found.add(pair, 10, 30, 50, 70, 20);
    expect(found.covers(pair, 10, 50, 5)).toBe(true);
    expect(found.covers(pair, 25, 65, 5)).toBe(true);
    expect(found.covers(pair, 26, 65, 5)).toBe(false); // runs past the passage in the first article
    expect(found.covers(pair, 12, 40, 5)).toBe(false); // outside it in the second
    expect(found.covers(found.pair(0, 2), 10, 50, 5)).toBe(false); // another pair
  });

  it('keeps every passage of thousands of pairs', () => {
    const found = createPassagesByPair();
    for (let k = 0; k < 5000; k++) found.add(found.pair(k % 700, 1000 + k), k, k + 8, 2 * k, 2 * k + 8, 8);
    let count = 0;
    found.forEach((a, aStart, _aEnd, b) => {
      expect(a).toBe(aStart % 700);
      expect(b).toBe(1000 + aStart);
      count++;
    });
    expect(count).toBe(5000);
  });
});
