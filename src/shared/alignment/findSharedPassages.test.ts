import { describe, expect, it } from 'vitest';
import { findSharedPassages, type SharedPassageOptions } from './findSharedPassages';

const vocabulary = new Map<string, number>();
const ids = (text: string): Int32Array =>
  Int32Array.from(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size), vocabulary.size - 1)),
  );
const options: SharedPassageOptions = { shingle: 5, minWords: 8, maxGap: 3, anchor: 3, maxArticles: 50 };
/** A distinct filler word sequence per call, so unrelated text never matches. */
let fillers = 0;
const filler = (n: number): string => Array.from({ length: n }, () => `f${fillers++}`).join(' ');

const SHARED = 'the aggressive war unleashed by putin against ukraine is not only a crime against the ukrainian people';

describe('findSharedPassages', () => {
  it('finds a passage two articles share, wherever it sits in each', () => {
    const docs = [ids(`${filler(30)} ${SHARED} ${filler(10)}`), ids(`${filler(5)} ${SHARED} ${filler(40)}`)];
    expect(findSharedPassages(docs, options)).toEqual([{ a: 0, aStart: 30, aEnd: 47, b: 1, bStart: 5, bEnd: 22 }]);
  });

  it('keeps a nearly shared passage in one piece', () => {
    const edited = SHARED.replace('is not only', 'was not only').replace('by putin', 'by president putin');
    const [pair] = findSharedPassages([ids(`${filler(3)} ${SHARED}`), ids(`${edited} ${filler(3)}`)], options);
    expect(pair).toMatchObject({ aStart: 3, aEnd: 20, bStart: 0, bEnd: 18 });
  });

  it('ignores shared runs shorter than minWords', () => {
    const docs = [ids(`${filler(5)} one two three four five six seven ${filler(5)}`), ids(`one two three four five six seven ${filler(5)}`)];
    expect(findSharedPassages(docs, options)).toEqual([]);
  });

  it('ignores a stock phrase found in more articles than maxArticles', () => {
    const stock = 'a spokesperson declined to comment on the matter when asked by reporters';
    const docs = Array.from({ length: 6 }, () => ids(`${filler(4)} ${stock} ${filler(4)}`));
    expect(findSharedPassages(docs, { ...options, maxArticles: 5 })).toEqual([]);
    expect(findSharedPassages(docs, { ...options, maxArticles: 6 }).length).toBeGreaterThan(0);
  });

  it('links every article holding a widely shared passage, without pairing them all', () => {
    const docs = Array.from({ length: 30 }, () => ids(`${filler(6)} ${SHARED} ${filler(6)}`));
    const pairs = findSharedPassages(docs, options);
    const linked = new Set(pairs.flatMap((p) => [p.a, p.b]));
    expect(linked.size).toBe(30);
    expect(pairs.length).toBeLessThan((30 * 29) / 2);
  });

  it('gives the same answer every time and nothing for empty input', () => {
    const docs = [ids(`${SHARED} ${filler(3)}`), ids(`${filler(2)} ${SHARED}`), ids(SHARED)];
    expect(findSharedPassages(docs, options)).toEqual(findSharedPassages(docs, options));
    expect(findSharedPassages([], options)).toEqual([]);
    expect(findSharedPassages([ids('too short')], options)).toEqual([]);
  });
});
