/**
 * The coverage matrix: one row per group, one column per article, each cell
 * the group's member annotations in that article (wording, place, paragraph
 * and who the text credits). Pure: the core gathers the data and calls this.
 * Members whose annotation no longer exists are left out.
 */
import type { CoverageCell, CoverageMatrix, Group, SourceLink } from './crossArticle';
import type { Annotation, ArticleMeta } from '../model/model';
import { paragraphNumber } from '../anchoring/paragraphStarts';

export interface CoverageInput {
  /** In library order: the matrix's columns. */
  articles: readonly Pick<ArticleMeta, 'id' | 'title' | 'date' | 'outlet'>[];
  groups: readonly Group[];
  annotationsByArticle: ReadonlyMap<string, readonly Annotation[]>;
  /** paragraphStarts() of each article's text (needed for articles that hold members). */
  paragraphStartsByArticle: ReadonlyMap<string, readonly number[]>;
  sourceLinks: readonly SourceLink[];
}

export function coverageMatrix(input: CoverageInput): CoverageMatrix {
  const byKey = new Map<string, Annotation>();
  for (const [articleId, list] of input.annotationsByArticle) for (const a of list) byKey.set(refKey(articleId, a.id), a);
  const sourcesOf = new Map<string, Annotation[]>();
  for (const link of input.sourceLinks) {
    const source = byKey.get(refKey(link.source.articleId, link.source.annotationId));
    if (!source) continue;
    const key = refKey(link.quote.articleId, link.quote.annotationId);
    sourcesOf.set(key, [...(sourcesOf.get(key) ?? []), source]);
  }

  const rows = input.groups.map((group) => {
    const cells: Record<string, CoverageCell[]> = Object.create(null) as Record<string, CoverageCell[]>;
    for (const member of group.members) {
      const key = refKey(member.articleId, member.annotationId);
      const a = byKey.get(key);
      if (!a) continue;
      const sources = [...(sourcesOf.get(key) ?? [])].sort((x, y) => x.start - y.start);
      (cells[a.articleId] ??= []).push({
        annotationId: a.id,
        tagId: a.tagId,
        exact: a.exact,
        start: a.start,
        end: a.end,
        paragraph: paragraphNumber(input.paragraphStartsByArticle.get(a.articleId) ?? [], a.start),
        creditedTo: sources.length > 0 ? sources.map((s) => s.exact).join('; ') : null,
      });
    }
    for (const list of Object.values(cells)) list.sort((x, y) => x.start - y.start || x.end - y.end);
    return { groupId: group.id, label: group.label, cells };
  });

  return {
    articles: input.articles.map(({ id, title, date, outlet }) => ({ id, title, date, outlet })),
    rows,
  };
}

const refKey = (articleId: string, annotationId: string): string => `${articleId}\u0000${annotationId}`;
