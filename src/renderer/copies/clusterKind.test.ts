import { describe, expect, it } from 'vitest';
import { clusterKinds } from './clusterKind';

const article = (outlet: string | null, cluster: number | null) => ({ outlet, cluster });
const pair = (a: number, b: number, aShare: number, bShare: number) => ({ a, b, aShare, bShare });

describe('clusterKinds', () => {
  it('calls near-verbatim text across three outlets wire copy, across two a verbatim copy', () => {
    const kinds = clusterKinds({
      articles: [article('AP', 0), article('Daily', 0), article(null, 0), article('Times', 1), article('Times ', 1), article('Post', 1)],
      pairs: [pair(0, 1, 0.95, 0.9), pair(0, 2, 0.85, 0.7), pair(3, 4, 0.9, 0.9), pair(3, 5, 0.88, 0.6)],
      clusters: [
        [0, 1, 2],
        [3, 4, 5],
      ],
      clusterAt: 0.5,
    });
    // The second cluster has three articles but two outlets ("Times" twice).
    expect(kinds).toEqual(['Wire copy', 'Verbatim copy']);
  });

  it('calls a cluster whose pairs share less than 80% on average a syndicated rewrite', () => {
    const kinds = clusterKinds({
      articles: [article('AP', 0), article('Daily', 0), article('Weekly', 0)],
      pairs: [pair(0, 1, 0.6, 0.55), pair(1, 2, 0.7, 0.5), pair(0, 2, 0.1, 0.1)],
      clusters: [[0, 1, 2]],
      clusterAt: 0.5,
    });
    expect(kinds).toEqual(['Syndicated rewrite']);
  });
});
