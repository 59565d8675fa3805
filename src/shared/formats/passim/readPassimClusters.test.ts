import { describe, expect, it } from 'vitest';
import { readPassimClusters, type PassimLine } from './readPassimClusters';

// Passim's output records as its documentation shows them (out.json/*.json: uid, cluster, begin, end,
// size, id, series, text, …), written here for two articles of our own.
const TEXTS: Record<string, string> = {
  'a-wire': 'The minister said the talks would resume on Monday in Geneva.',
  'b-daily': 'Officials confirmed: the talks would resume on Monday in Geneva, a spokesman added.',
  'c-weekly': 'Nothing of the sort.',
};
const textOf = (id: string) => TEXTS[id];
const lines = (...records: object[]): PassimLine[] =>
  records.map((r, k) => ({ where: `out.json/part-00000.json:${k + 1}`, line: JSON.stringify(r) }));
const passage = (cluster: number, id: string, phrase: string) => {
  const begin = TEXTS[id]!.indexOf(phrase);
  return { uid: -1000 - begin, cluster, size: 2, id, series: id.split('-')[1], begin, end: begin + phrase.length, boiler: false, text: phrase };
};

describe('readPassimClusters', () => {
  it('turns a cluster into a group of shared passages, cut from our own texts', () => {
    const read = readPassimClusters(
      lines(passage(6056, 'a-wire', 'the talks would resume on Monday in Geneva'), passage(6056, 'b-daily', 'the talks would resume on Monday in Geneva')),
      textOf,
    );
    expect(read.skipped).toEqual([]);
    expect(read.passages).toBe(2);
    expect(read.groups).toEqual([
      {
        id: 'passim-6056',
        passages: [
          { article: 'a-wire', start: 18, end: 60, exact: 'the talks would resume on Monday in Geneva' },
          { article: 'b-daily', start: 21, end: 63, exact: 'the talks would resume on Monday in Geneva' },
        ],
      },
    ]);
  });

  it('reports what it cannot use, line by line: unknown articles, offsets outside the text, broken lines', () => {
    const read = readPassimClusters(
      [
        ...lines(
          passage(1, 'a-wire', 'the talks'),
          { ...passage(1, 'b-daily', 'the talks'), id: 'z-gone' },
          { ...passage(2, 'c-weekly', 'Nothing'), end: 999 },
          { cluster: 3, id: 'a-wire' },
        ),
        { where: 'out.json/part-00001.json:1', line: '{"cluster": 4,' },
      ],
      textOf,
    );
    expect(read.groups).toEqual([]);
    expect(read.skipped).toEqual([
      'out.json/part-00000.json:2: cluster 1: article z-gone is not in the library',
      'out.json/part-00000.json:3: cluster 2: 0–999 lies outside article c-weekly (20 characters; was it exported from this library?)',
      'out.json/part-00000.json:4: not a passim passage (needs cluster, id, begin and end)',
      'out.json/part-00001.json:1: not a JSON line',
      'cluster 1: fewer than two articles of the library left in it',
    ]);
  });

  it('uses no passage passim found in another version of an article’s text than the library holds now, and says so', () => {
    const versionOf = (id: string) => (id === 'b-daily' ? 2 : 1);
    const phrase = 'the talks would resume on Monday in Geneva';
    const read = readPassimClusters(
      lines({ ...passage(7, 'a-wire', phrase), version: 1 }, { ...passage(7, 'b-daily', phrase), version: 1 }, { ...passage(7, 'c-weekly', 'Nothing'), version: 1 }),
      textOf,
      versionOf,
    );
    expect(read.skipped).toEqual([
      "out.json/part-00000.json:2: cluster 7: passim read version 1 of article b-daily's text; the library now holds version 2 (export it again and run passim again)",
    ]);
    expect(read.groups.map((g) => g.passages.map((p) => p.article))).toEqual([['a-wire', 'c-weekly']]);
  });
});
