/**
 * Who copies whom: for each pair of articles, the share of each article's
 * words that lie in passages it shares, word for word or nearly, with the
 * other. Built on the reader's own alignment pass (tokenizeForMatch +
 * findSharedPassages, same defaults as alignPassages, without the quote
 * linking: a paraphrased quote is not copied text).
 *
 * The figure is directional: a 300-word wire story wholly reused in a
 * 1,200-word rewrite is 100% of the wire story but 25% of the rewrite.
 *
 * Clusters are the connected components of the pairs where either direction
 * reaches `clusterAt` (wire copy, syndicated rewrites). When there are more
 * articles than `limit`, the most connected (most shared words in total) are
 * kept. Articles come out by date (undated last), then by id.
 *
 * Deterministic; linear in the corpus apart from the pairs found.
 */
import { findSharedPassages } from './findSharedPassages';
import { tokenizeForMatch, type MatchTokens } from './tokenizeForMatch';

export interface CopyMatrixArticle {
  id: string;
  text: string;
  /** ISO date `YYYY-MM-DD`, or null. */
  date: string | null;
}

export interface CopyMatrixOptions {
  /** Most articles in the matrix. Default 60. */
  limit?: number;
  /** Share (0–1) of either article's words from which a pair joins a cluster. Default 0.5. */
  clusterAt?: number;
  /** Fewest exactly matched words in a shared passage. Default 8 (as alignPassages). */
  minWords?: number;
}

/** One shared passage, in offsets of each article's canonical text. */
export interface CopyPassage {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface CopyPair {
  /** Indices into `articles` (a < b). */
  a: number;
  b: number;
  /** Words of a in passages shared with b, and their share of a's words (0–1). */
  aWords: number;
  aShare: number;
  bWords: number;
  bShare: number;
  /** The shared passages in text order of a. */
  passages: CopyPassage[];
}

export interface CopyMatrix {
  /** The articles shown, by date. `cluster` is an index into `clusters`, or null. */
  articles: { id: string; date: string | null; words: number; cluster: number | null }[];
  /** Only the pairs sharing something. */
  pairs: CopyPair[];
  /** Each cluster's article indices (two or more), in article order. */
  clusters: number[][];
  /** Articles looked at before the limit. */
  considered: number;
  clusterAt: number;
}

export function copyMatrix(input: readonly CopyMatrixArticle[], options: CopyMatrixOptions = {}): CopyMatrix {
  const limit = options.limit ?? 60;
  const clusterAt = options.clusterAt ?? 0.5;
  const vocabulary = new Map<string, number>();
  const tokens: MatchTokens[] = input.map((a) => tokenizeForMatch(a.text, vocabulary));
  const found = findSharedPassages(
    tokens.map((t) => t.ids),
    {
      shingle: 5,
      minWords: options.minWords ?? 8,
      maxGap: 3,
      anchor: 3,
      maxArticles: Math.max(50, Math.ceil(input.length * 0.05)),
    },
  );

  // Word spans per ordered pair of input articles.
  const byPair = new Map<number, { a: number; b: number; spans: { aStart: number; aEnd: number; bStart: number; bEnd: number }[] }>();
  for (const p of found) {
    const [a, b, aStart, aEnd, bStart, bEnd] = p.a < p.b ? [p.a, p.b, p.aStart, p.aEnd, p.bStart, p.bEnd] : [p.b, p.a, p.bStart, p.bEnd, p.aStart, p.aEnd];
    const key = a * input.length + b;
    let entry = byPair.get(key);
    if (!entry) byPair.set(key, (entry = { a, b, spans: [] }));
    entry.spans.push({ aStart, aEnd, bStart, bEnd });
  }

  const connected = new Float64Array(input.length);
  const raw = [...byPair.values()].map(({ a, b, spans }) => {
    const aWords = coveredWords(spans.map((s) => [s.aStart, s.aEnd] as const));
    const bWords = coveredWords(spans.map((s) => [s.bStart, s.bEnd] as const));
    connected[a] = connected[a]! + aWords;
    connected[b] = connected[b]! + bWords;
    return { a, b, spans, aWords, bWords };
  });

  // The `limit` most connected articles, then by date.
  const chosen = input
    .map((_, i) => i)
    .filter((i) => connected[i]! > 0 || input.length <= limit)
    .sort((x, y) => connected[y]! - connected[x]! || x - y)
    .slice(0, limit)
    .sort((x, y) => compareByDate(input[x]!, input[y]!) || x - y);
  const position = new Map(chosen.map((i, k) => [i, k]));

  const pairs: CopyPair[] = [];
  for (const r of raw) {
    const pa = position.get(r.a);
    const pb = position.get(r.b);
    if (pa === undefined || pb === undefined) continue;
    const flip = pa > pb;
    const ta = tokens[r.a]!;
    const tb = tokens[r.b]!;
    const passages = r.spans
      .map((s) => ({ aStart: ta.starts[s.aStart]!, aEnd: ta.ends[s.aEnd - 1]!, bStart: tb.starts[s.bStart]!, bEnd: tb.ends[s.bEnd - 1]! }))
      .map((s) => (flip ? { aStart: s.bStart, aEnd: s.bEnd, bStart: s.aStart, bEnd: s.aEnd } : s))
      .sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
    const aShare = share(r.aWords, ta.ids.length);
    const bShare = share(r.bWords, tb.ids.length);
    pairs.push(
      flip
        ? { a: pb, b: pa, aWords: r.bWords, aShare: bShare, bWords: r.aWords, bShare: aShare, passages }
        : { a: pa, b: pb, aWords: r.aWords, aShare, bWords: r.bWords, bShare, passages },
    );
  }
  pairs.sort((x, y) => x.a - y.a || x.b - y.b);

  // Clusters: union-find over the strong pairs.
  const parent = chosen.map((_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  for (const p of pairs) {
    if (Math.max(p.aShare, p.bShare) >= clusterAt) {
      const [x, y] = [root(p.a), root(p.b)];
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  }
  const members = new Map<number, number[]>();
  chosen.forEach((_, k) => {
    const r = root(k);
    members.set(r, [...(members.get(r) ?? []), k]);
  });
  const clusters = [...members.values()].filter((m) => m.length >= 2);
  const clusterOf = new Map<number, number>();
  clusters.forEach((m, c) => m.forEach((k) => clusterOf.set(k, c)));

  return {
    articles: chosen.map((i, k) => ({ id: input[i]!.id, date: input[i]!.date, words: tokens[i]!.ids.length, cluster: clusterOf.get(k) ?? null })),
    pairs,
    clusters,
    considered: input.length,
    clusterAt,
  };
}

/** Words covered by the union of [start, end) word spans. */
function coveredWords(spans: (readonly [number, number])[]): number {
  spans.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = -1;
  for (const [start, end] of spans) {
    const from = Math.max(start, reach);
    if (end > from) total += end - from;
    reach = Math.max(reach, end);
  }
  return total;
}

function share(words: number, of: number): number {
  return of === 0 ? 0 : Math.min(1, words / of);
}

function compareByDate(x: CopyMatrixArticle, y: CopyMatrixArticle): number {
  if (x.date === y.date) return 0;
  if (x.date === null) return 1;
  if (y.date === null) return -1;
  return x.date < y.date ? -1 : 1;
}
