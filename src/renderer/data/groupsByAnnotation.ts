/**
 * Which groups each annotation belongs to, for one article: annotation id →
 * group ids, in the order the groups are listed.
 */
import type { Group } from '../../shared/crossArticle/crossArticle';

export function groupsByAnnotation(groups: readonly Group[], articleId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of groups) {
    for (const m of g.members) {
      if (m.articleId !== articleId) continue;
      const list = out.get(m.annotationId) ?? [];
      if (!list.includes(g.id)) list.push(g.id);
      out.set(m.annotationId, list);
    }
  }
  return out;
}
