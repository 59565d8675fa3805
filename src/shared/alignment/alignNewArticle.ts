/**
 * The passages one new article shares with the library, without aligning
 * the library again (issue 20): given the articles the alignment index names
 * as candidates (those sharing a fingerprint with it, see
 * passageFingerprints), runs the passage pass of alignPassages over the new
 * article and those candidates only, and keeps the groups the new article is
 * in. Passages are found as alignPassages finds them (same shingles, gaps and
 * minimum), pairs among the candidates included, so each group is the one a
 * full run gives when every member is among the candidates (alignAgainstIndex
 * looks up the candidates' passages for more); quotes linked by content words
 * alone (alignPassages' second pass) need the full run.
 *
 * Groups come in alignPassages' order, with the new article after the
 * candidates (it is the newest of the library).
 */
import type { AlignedGroup } from './alignPassages';
import { findSharedPassages } from './findSharedPassages';
import { groupPassages } from './groupPassages';
import { tokenizeForMatch } from './tokenizeForMatch';

export interface NewArticleOptions {
  /** Articles in the whole library (the stock-phrase limit is alignPassages' default over that many). */
  libraryArticles: number;
}

export function alignNewArticle(
  article: { id: string; text: string },
  candidates: readonly { id: string; text: string }[],
  options: NewArticleOptions,
): AlignedGroup[] {
  if (candidates.length === 0) return [];
  const maxArticles = Math.max(50, Math.ceil(options.libraryArticles * 0.05));
  // The new article first: a shingle many articles share pairs it with each of them.
  const ordered = [article, ...candidates];
  const vocabulary = new Map<string, number>();
  const tokens = ordered.map((a) => tokenizeForMatch(a.text, vocabulary));
  const pairs = findSharedPassages(
    tokens.map((t) => t.ids),
    { shingle: 5, minWords: 8, maxGap: 3, anchor: 3, maxArticles },
  );
  /** Library order: the candidates as given, then the new article. */
  const rank = (doc: number): number => (doc === 0 ? ordered.length : doc);
  const groups = groupPassages(pairs)
    .filter((group) => group.some((span) => span.doc === 0))
    .map((group) => group.slice().sort((x, y) => rank(x.doc) - rank(y.doc) || x.start - y.start));
  groups.sort((x, y) => rank(x[0]!.doc) - rank(y[0]!.doc) || x[0]!.start - y[0]!.start || y.length - x.length);
  return groups.map((group) => ({
    passages: group.map((span) => {
      const t = tokens[span.doc]!;
      const source = ordered[span.doc]!;
      const start = t.starts[span.start]!;
      const end = t.ends[span.end - 1]!;
      return { article: source.id, start, end, exact: source.text.slice(start, end) };
    }),
  }));
}

/** The texts of the other articles' passages in the new article's groups: looked up in the index, they name the group's further members. */
export function partnerPassages(groups: readonly AlignedGroup[], articleId: string): string[] {
  const texts = new Set<string>();
  for (const g of groups) for (const p of g.passages) if (p.article !== articleId) texts.add(p.exact);
  return [...texts];
}
