/**
 * Splits alignment groups (each a set of passages across articles) into what
 * each column draws: per article id, its passages with their group id, in
 * text order.
 */
import type { AlignedGroupResult } from '../../../shared/crossArticle/crossArticle';

export interface ArticlePassage {
  groupId: string;
  start: number;
  end: number;
  exact: string;
}

export function passagesByArticle(groups: readonly AlignedGroupResult[]): Map<string, ArticlePassage[]> {
  const out = new Map<string, ArticlePassage[]>();
  for (const g of groups) {
    for (const p of g.passages) {
      const list = out.get(p.article) ?? [];
      list.push({ groupId: g.id, start: p.start, end: p.end, exact: p.exact });
      out.set(p.article, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
