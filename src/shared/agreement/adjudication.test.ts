import { describe, expect, it } from 'vitest';
import { testAnnotation } from '../../../tools/testSupport/testAnnotation';
import type { Annotation } from '../model/model';
import { adjudication, CONSENSUS_CODER, fromOldRejections } from './adjudication';

const ann = (id: string, creator: string, tagId: string, start: number, end: number): Annotation => testAnnotation({ id, articleId: 'a', creator, tagId, start, end });

const coded = [
  ann('a1', 'ana', 'quote', 0, 10),
  ann('b1', 'bo', 'quote', 0, 10), // agreed
  ann('a2', 'ana', 'claim', 20, 30),
  ann('b2', 'bo', 'claim', 22, 30), // different span: one disagreement with a2
  ann('a3', 'ana', 'source', 50, 55), // only ana
];

describe('adjudication', () => {
  it('shows agreements once and clusters overlapping disagreements, none settled yet', () => {
    const result = adjudication(coded, []);
    expect(result.coders).toEqual(['ana', 'bo']);
    expect(result.agreements.map((a) => [a.annotation.id, a.coders])).toEqual([['a1', ['ana', 'bo']]]);
    expect(result.disagreements.map((d) => d.versions.map((v) => v.id))).toEqual([['a2', 'b2'], ['a3']]);
    expect(result.disagreements[0]).toMatchObject({ start: 20, end: 30, settled: null });
    expect([result.settled, result.total]).toEqual([0, 3]);
  });

  it('counts an item settled by a consensus annotation over it, or by a recorded rejection', () => {
    const first = adjudication(coded, []);
    const rejection = { key: first.disagreements[1]!.key, coder: 'cy', at: '2026-01-02T03:04:05.000Z' };
    const withConsensus = [...coded, ann('c1', CONSENSUS_CODER, 'quote', 0, 10), ann('c2', CONSENSUS_CODER, 'claim', 22, 30)];
    const result = adjudication(withConsensus, [rejection]);
    expect(result.agreements[0]!.settled).toBe(true);
    expect(result.disagreements.map((d) => d.settled)).toEqual(['consensus', 'rejected']);
    // Who rejected it, and when, goes with the rejected item.
    expect(result.disagreements[1]!.rejection).toEqual({ coder: 'cy', at: '2026-01-02T03:04:05.000Z' });
    expect(result.disagreements[0]!.rejection).toBeUndefined();
    expect([result.settled, result.total]).toEqual([3, 3]);
    // The consensus is no coder: it never makes a disagreement of its own.
    expect(result.coders).toEqual(['ana', 'bo']);
  });
});

describe('fromOldRejections', () => {
  it('moves old adjudicated:<key> ids out of the suggestion rejections into undated records by the folder coder, once', () => {
    const moved = fromOldRejections(['s1', 'adjudicated:k1', 's2', 'adjudicated:k2', 'adjudicated:k1'], [{ key: 'k2', coder: 'bo', at: 'then' }], 'ana');
    expect(moved).toEqual({
      rejectedSuggestions: ['s1', 's2'],
      rejectedDisagreements: [
        { key: 'k2', coder: 'bo', at: 'then' },
        { key: 'k1', coder: 'ana', at: null },
      ],
    });
    // A file with nothing old is left as it is.
    expect(fromOldRejections(['s1'], [], 'ana')).toBeNull();
  });
});
