/**
 * listAllAnnotations: every annotation of the corpus as compact rows for the
 * annotation table, filtered and sorted here (queryAnnotationTable) and sent
 * one page at a time. Rows are kept per article and rebuilt only for
 * articles whose annotations (or title) changed since; the filtered and
 * sorted list is kept for the last query, so scrolling through 100,000 rows
 * page by page sorts once.
 */
import { ROW_TEXT_MAX, filterRows, sortRows, AnnotationTableQuerySchema, type AnnotationRow } from '../../shared/search/annotationTable';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { Annotation } from '../../shared/model/model';
import { disagreeingAnnotations } from '../../shared/agreement/codingDisagreements';
import type { CoreContext } from './coreContext';

export type AnnotationTableService = Pick<TriangulateApi, 'listAllAnnotations'>;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

interface ArticleRows {
  source: readonly Annotation[];
  title: string;
  rows: AnnotationRow[];
  /** Ids of the annotations the article's coders disagree on (issue 16's "only disagreements"). */
  disagreeing: ReadonlySet<string>;
}

export function createAnnotationTableService(ctx: CoreContext): AnnotationTableService {
  const byArticle = new Map<string, ArticleRows>();
  let last: { key: string; rows: AnnotationRow[]; creators: string[] } | null = null;

  /** Every row, and whether any changed since the last call. */
  async function allRows(): Promise<{ rows: AnnotationRow[]; changed: boolean; disagreeing: ReadonlySet<string> }> {
    let changed = false;
    const rows: AnnotationRow[] = [];
    const disagreeing = new Set<string>();
    const seen = new Set<string>();
    for (const meta of ctx.store.articles()) {
      seen.add(meta.id);
      const source = await ctx.store.annotations(meta.id);
      let cached = byArticle.get(meta.id);
      if (!cached || cached.source !== source || cached.title !== meta.title) {
        changed = true;
        cached = {
          source,
          title: meta.title,
          disagreeing: disagreeingAnnotations(source),
          rows: source.map((a) => ({
            id: a.id,
            articleId: a.articleId,
            articleTitle: meta.title,
            tagId: a.tagId,
            start: a.start,
            end: a.end,
            exact: clip(a.exact, ROW_TEXT_MAX),
            prefix: a.prefix,
            suffix: a.suffix,
            note: clip(a.note, ROW_TEXT_MAX),
            attributes: a.attributes,
            creator: a.creator,
            modified: a.modified,
          })),
        };
        byArticle.set(meta.id, cached);
      }
      for (const row of cached.rows) rows.push(row);
      for (const id of cached.disagreeing) disagreeing.add(id);
    }
    for (const id of byArticle.keys()) {
      if (!seen.has(id)) {
        byArticle.delete(id);
        changed = true;
      }
    }
    return { rows, changed, disagreeing };
  }

  return {
    async listAllAnnotations(input: Input<'listAllAnnotations'>): Promise<Output<'listAllAnnotations'>> {
      ctx.ensureOpen();
      const query = AnnotationTableQuerySchema.parse(input);
      const { offset, limit, ...filters } = query;
      const key = JSON.stringify(filters);
      const { rows, changed, disagreeing } = await allRows();
      if (changed || !last || last.key !== key) {
        const shown = filters.disagreements ? rows.filter((r) => disagreeing.has(r.id)) : rows;
        last = { key, rows: sortRows(filterRows(shown, filters), filters.sort), creators: [...new Set(rows.map((r) => r.creator))].sort() };
      }
      return { total: last.rows.length, offset, rows: last.rows.slice(offset, offset + limit), creators: last.creators };
    },
  };
}
