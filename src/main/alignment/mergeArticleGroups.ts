/**
 * One article's groups (from alignAgainstIndex) merged into the library's
 * kept groups: the article's earlier passages are taken out first (a new
 * version of it replaces them; a group left with one article goes), then each
 * new group absorbs the kept groups it overlaps (a passage of the same
 * article whose range overlaps), so a passage is followed in one group, not
 * two. Passages are kept once each, in article then offset order.
 */
import type { AlignedGroup, AlignedPassage } from '../../shared/alignment/alignPassages';

export function mergeArticleGroups(kept: readonly AlignedGroup[], articleId: string, fresh: readonly AlignedGroup[]): AlignedGroup[] {
  let groups: AlignedGroup[] = [];
  for (const g of kept) {
    const passages = g.passages.filter((p) => p.article !== articleId);
    if (new Set(passages.map((p) => p.article)).size >= 2) groups.push({ passages });
  }
  for (const group of fresh) {
    const joined: AlignedPassage[] = [...group.passages];
    const rest: AlignedGroup[] = [];
    for (const g of groups) {
      if (g.passages.some((p) => group.passages.some((q) => overlaps(p, q)))) for (const p of g.passages) joined.push(p);
      else rest.push(g);
    }
    rest.push({ passages: unique(joined) });
    groups = rest;
  }
  return groups;
}

function overlaps(a: AlignedPassage, b: AlignedPassage): boolean {
  return a.article === b.article && a.start < b.end && b.start < a.end;
}

function unique(passages: AlignedPassage[]): AlignedPassage[] {
  const seen = new Map<string, AlignedPassage>();
  for (const p of passages) seen.set(`${p.article}\n${p.start}\n${p.end}`, p);
  return [...seen.values()].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start));
}
