/**
 * What kind of copying a cluster of who-copies-whom is, by a fixed rule:
 * - near-verbatim: the cluster's linked pairs (those at or above the
 *   cluster threshold) share on average at least 80% of the more-copied
 *   article's words (the larger of the two shares);
 * - "Wire copy": near-verbatim across three or more outlets (articles
 *   without an outlet count as one each) — one agency text run as is;
 * - "Verbatim copy": near-verbatim between fewer outlets;
 * - "Syndicated rewrite": below that — the same text reworked.
 */
export type ClusterKind = 'Wire copy' | 'Verbatim copy' | 'Syndicated rewrite';

export const NEAR_VERBATIM = 0.8;
export const WIRE_OUTLETS = 3;

export interface ClusterInput {
  articles: readonly { outlet?: string | null; cluster: number | null }[];
  pairs: readonly { a: number; b: number; aShare: number; bShare: number }[];
  clusters: readonly (readonly number[])[];
  clusterAt: number;
}

export function clusterKinds(matrix: ClusterInput): ClusterKind[] {
  return matrix.clusters.map((members, c) => {
    const linked = matrix.pairs.filter(
      (p) => matrix.articles[p.a]?.cluster === c && matrix.articles[p.b]?.cluster === c && Math.max(p.aShare, p.bShare) >= matrix.clusterAt,
    );
    const mean = linked.length === 0 ? 0 : linked.reduce((sum, p) => sum + Math.max(p.aShare, p.bShare), 0) / linked.length;
    if (mean < NEAR_VERBATIM) return 'Syndicated rewrite';
    const outlets = new Set(members.map((k) => matrix.articles[k]?.outlet?.trim().toLowerCase() || `#${k}`));
    return outlets.size >= WIRE_OUTLETS ? 'Wire copy' : 'Verbatim copy';
  });
}
