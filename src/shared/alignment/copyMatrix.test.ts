import { describe, expect, it } from 'vitest';
import { copyMatrix, type CopyMatrixArticle } from './copyMatrix';

/** Distinct made-up words per call, so unrelated text never matches. */
let fillers = 0;
const filler = (n: number): string => Array.from({ length: n }, () => `w${fillers++}x`).join(' ');

const WIRE =
  'The minister resigned on Tuesday after a week of protests outside parliament, saying she could no longer lead a department whose budget had been cut twice in one year by the finance ministry.';
const WIRE_WORDS = WIRE.split(/\s+/).length; // 34

const article = (id: string, text: string, date: string | null = null): CopyMatrixArticle => ({ id, text, date });

describe('copyMatrix', () => {
  it('gives each direction its own share: a wire story wholly reused in a longer rewrite', () => {
    const rewrite = `${filler(50)} ${WIRE} ${filler(50)}`;
    const m = copyMatrix([article('wire', WIRE, '2024-01-01'), article('rewrite', rewrite, '2024-01-02')]);
    expect(m.articles.map((a) => a.id)).toEqual(['wire', 'rewrite']);
    expect(m.pairs).toHaveLength(1);
    const [pair] = m.pairs;
    expect(pair!.aWords).toBe(WIRE_WORDS);
    expect(pair!.aShare).toBe(1);
    expect(pair!.bShare).toBeCloseTo(WIRE_WORDS / (WIRE_WORDS + 100), 5);
    // The passage's offsets point at the shared words in each text.
    const [p] = pair!.passages;
    expect(WIRE.slice(p!.aStart, p!.aEnd)).toBe(WIRE.slice(0, -1)); // without the full stop
    expect(rewrite.slice(p!.bStart, p!.bEnd)).toBe(WIRE.slice(0, -1));
  });

  it('orders the articles by date, undated last, and keeps pair figures with their articles', () => {
    const long = `${WIRE} ${filler(100)}`;
    const m = copyMatrix([article('late', long, '2024-03-01'), article('nodate', filler(40)), article('early', WIRE, '2024-02-01')]);
    expect(m.articles.map((a) => a.id)).toEqual(['early', 'late', 'nodate']);
    const [pair] = m.pairs;
    expect(pair).toMatchObject({ a: 0, b: 1, aShare: 1 });
    expect(pair!.bShare).toBeLessThan(0.3);
    expect(WIRE.slice(pair!.passages[0]!.aStart, pair!.passages[0]!.aEnd)).toContain('minister resigned');
  });

  it('clusters pairs at or above the threshold, not those below', () => {
    const other = 'Police said three people were arrested near the station late on Friday night after a fight broke out between two groups of fans leaving the match.';
    const a = article('a', `${WIRE} ${filler(5)}`, '2024-01-01');
    const b = article('b', `${filler(5)} ${WIRE}`, '2024-01-02');
    const c = article('c', `${other} ${filler(10)}`, '2024-01-03');
    const d = article('d', `${filler(200)} ${other}`, '2024-01-04'); // c is mostly d's, d is barely c's
    const e = article('e', `${filler(300)} ${WIRE.split(' ').slice(0, 12).join(' ')} ${filler(300)}`, '2024-01-05'); // a weak link
    const m = copyMatrix([a, b, c, d, e]);
    expect(m.clusters).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(m.articles.map((x) => x.cluster)).toEqual([0, 0, 1, 1, null]);
    // e shares a little with a and b: a figure, but no cluster.
    expect(m.pairs.filter((p) => p.b === 4).length).toBe(2);
    expect(copyMatrix([a, b, c, d, e], { clusterAt: 0.85 }).clusters).toEqual([[0, 1]]); // a–b share 34 of 39 words each; c–d 29 of c’s 39
  });

  it('keeps the most connected articles when there are more than the limit', () => {
    const lonely = article('lonely', filler(60), '2024-01-01');
    const m = copyMatrix([lonely, article('x', WIRE, '2024-01-02'), article('y', `${WIRE} ${filler(4)}`, '2024-01-03')], { limit: 2 });
    expect(m.considered).toBe(3);
    expect(m.articles.map((a) => a.id)).toEqual(['x', 'y']);
  });

  it('reports no pairs for articles that share nothing, and survives empty texts', () => {
    const m = copyMatrix([article('a', filler(40)), article('b', filler(40)), article('c', '')]);
    expect(m.pairs).toEqual([]);
    expect(m.clusters).toEqual([]);
    expect(m.articles.map((a) => a.words)).toEqual([40, 40, 0]);
  });
});
