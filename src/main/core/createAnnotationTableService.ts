/**
 * listAllAnnotations: every annotation of the corpus as compact rows for the
 * annotation table, filtered and sorted here (queryAnnotationTable) and sent
 * one page at a time. Rows are kept per article and rebuilt only for
 * articles whose annotations (or title) changed since; the filtered and
 * sorted list is kept for the last query, so scrolling through 100,000 rows
 * page by page sorts once.
 *
 * A row's `speaker` is the people index's entity its speaker (Quote) or name
 * (Source) attribute stands for, canonical name and id; the speaker filter
 * finds it by any of the entity's names. The index is asked for only when
 * some annotation credits someone, and the rows' speakers are looked up
 * again only when it changed (a correction, an annotation changed).
 */
import { ROW_TEXT_MAX, filterRows, sortRows, AnnotationTableQuerySchema, type AnnotationRow } from '../../shared/search/annotationTable';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { EntityIndex } from '../../shared/crossArticle/buildEntityIndex';
import { creditedName } from '../../shared/crossArticle/creditedName';
import type { Annotation } from '../../shared/model/model';
import { disagreeingAnnotations } from '../../shared/agreement/codingDisagreements';
import type { CoreContext } from './coreContext';

export type AnnotationTableService = Pick<TriangulateApi, 'listAllAnnotations'>;

/** The name an annotation credits as typed, without an entity id. */
function typedSpeaker(a: Pick<Annotation, 'tagId' | 'attributes'>): AnnotationRow['speaker'] {
  const name = creditedName(a.tagId, a.attributes);
  return name ? { id: null, name } : null;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

interface ArticleRows {
  source: readonly Annotation[];
  title: string;
  rows: AnnotationRow[];
  /** Ids of the annotations the article's coders disagree on (issue 16's "only disagreements"). */
  disagreeing: ReadonlySet<string>;
  /** Places in `rows` of the annotations that credit someone (their speakers come from the index). */
  credited: number[];
  /** The index the rows' speakers were looked up in (null: none yet). */
  index: EntityIndex | null;
}

export function createAnnotationTableService(ctx: CoreContext, entityIndex?: () => Promise<EntityIndex>): AnnotationTableService {
  const byArticle = new Map<string, ArticleRows>();
  let last: { key: string; rows: AnnotationRow[]; creators: string[] } | null = null;

  /** Every row, and whether any changed since the last call. */
  async function allRows(): Promise<{ rows: AnnotationRow[]; changed: boolean; disagreeing: ReadonlySet<string>; index: EntityIndex | null }> {
    let changed = false;
    const disagreeing = new Set<string>();
    const seen = new Set<string>();
    const articles: ArticleRows[] = [];
    let credits = false;
    for (const meta of ctx.store.articles()) {
      seen.add(meta.id);
      const source = await ctx.store.annotations(meta.id);
      let cached = byArticle.get(meta.id);
      if (!cached || cached.source !== source || cached.title !== meta.title) {
        changed = true;
        const credited: number[] = [];
        source.forEach((a, i) => {
          if (creditedName(a.tagId, a.attributes)) credited.push(i);
        });
        cached = {
          source,
          title: meta.title,
          credited,
          index: null,
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
            // As typed until the people index is asked (below).
            speaker: typedSpeaker(a),
          })),
        };
        byArticle.set(meta.id, cached);
      }
      if (cached.credited.length > 0) credits = true;
      articles.push(cached);
      for (const id of cached.disagreeing) disagreeing.add(id);
    }
    for (const id of byArticle.keys()) {
      if (!seen.has(id)) {
        byArticle.delete(id);
        changed = true;
      }
    }
    // Only a corpus where someone is credited needs the people index (quote detection over every article).
    const index = credits && entityIndex ? await entityIndex() : null;
    const rows: AnnotationRow[] = [];
    for (const cached of articles) {
      if (index && cached.index !== index && cached.credited.length > 0) {
        changed = true;
        cached.rows = cached.rows.slice();
        for (const i of cached.credited) {
          const row = cached.rows[i]!;
          const entity = index.canonicalOf(row.articleId, creditedName(row.tagId, row.attributes));
          cached.rows[i] = { ...row, speaker: entity ? { id: entity.id, name: entity.name } : typedSpeaker(row) };
        }
        cached.index = index;
      }
      for (const row of cached.rows) rows.push(row);
    }
    return { rows, changed, disagreeing, index };
  }

  return {
    async listAllAnnotations(input: Input<'listAllAnnotations'>): Promise<Output<'listAllAnnotations'>> {
      ctx.ensureOpen();
      const query = AnnotationTableQuerySchema.parse(input);
      const { offset, limit, ...filters } = query;
      const key = JSON.stringify(filters);
      const { rows, changed, disagreeing, index } = await allRows();
      if (changed || !last || last.key !== key) {
        const shown = filters.disagreements ? rows.filter((r) => disagreeing.has(r.id)) : rows;
        last = { key, rows: sortRows(filterRows(shown, filters, index?.entities), filters.sort), creators: [...new Set(rows.map((r) => r.creator))].sort() };
      }
      return { total: last.rows.length, offset, rows: last.rows.slice(offset, offset + limit), creators: last.creators };
    },
  };
}
