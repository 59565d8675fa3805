/**
 * getCoverage: gathers the groups, links, the annotations and paragraph
 * starts of the articles the rows reach, builds the matrix (coverageMatrix)
 * and adds each cell's credit and drift (withCoverageDetails). Rows are the
 * groups, or with `rows: 'annotations'` every Quote and Claim annotation
 * (tags called Quote or Claim, or the default ones). Paragraph starts are
 * kept per text hash; detected quotes come through the quote cache
 * (derived/quotes.jsonl, per text hash, shared with the people index), so a
 * text is detected once across services and sessions. Credits use the people
 * index's canonical names.
 */
import { coverageMatrix } from '../../shared/crossArticle/coverageMatrix';
import { withCoverageDetails, type ArticleQuotes } from '../../shared/crossArticle/coverageDetails';
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../shared/model/model';
import { paragraphStarts } from '../../shared/anchoring/paragraphStarts';
import { detectArticleQuotes } from '../../shared/quotes/detectQuotes';
import type { CoreContext } from './coreContext';
import type { SpeakerLookup } from '../../shared/crossArticle/creditedName';
import type { QuoteCache } from '../store/quoteCache';

export type CoverageGatherer = (rows?: 'groups' | 'annotations') => Promise<CoverageMatrix>;

const ROW_TAG_NAME = /^(?:quotes?|claims?)$/i;

export function createCoverageGatherer(
  ctx: CoreContext,
  entityIndex?: () => Promise<{ canonicalOf: SpeakerLookup }>,
  quoteCache?: () => Promise<QuoteCache>,
): CoverageGatherer {
  const startsByHash = new Map<string, number[]>();

  return async function gatherCoverage(rows = 'groups'): Promise<CoverageMatrix> {
    const { groups, sourceLinks } = await ctx.links.read();
    const articles = ctx.store.articles();
    const cache = quoteCache ? await quoteCache() : null;
    const rowTagIds = new Set(
      ctx.store
        .codebook()
        .filter((t) => t.id === 'quote' || t.id === 'claim' || ROW_TAG_NAME.test(t.name.trim()))
        .map((t) => t.id),
    );
    const reached = new Set(groups.flatMap((g) => g.members.map((m) => m.articleId)));
    const annotationsByArticle = new Map<string, readonly Annotation[]>();
    const paragraphStartsByArticle = new Map<string, readonly number[]>();
    const quotesByArticle = new Map<string, ArticleQuotes>();
    for (const article of articles) {
      if (!reached.has(article.id) && rows !== 'annotations') continue;
      const annotations = await ctx.store.annotations(article.id);
      annotationsByArticle.set(article.id, annotations);
      if (!reached.has(article.id) && !annotations.some((a) => rowTagIds.has(a.tagId))) continue;
      const text = await ctx.store.text(article.id);
      let starts = startsByHash.get(article.hash);
      if (!starts) startsByHash.set(article.hash, (starts = paragraphStarts(text)));
      const quotes: ArticleQuotes = { text, quotes: cache ? cache.quotesOf(article.hash, text).quotes : detectArticleQuotes(text).quotes };
      paragraphStartsByArticle.set(article.id, starts);
      quotesByArticle.set(article.id, quotes);
    }
    await cache?.flush();
    const speakers = entityIndex && (groups.length > 0 || rows === 'annotations') ? (await entityIndex()).canonicalOf : undefined;
    const matrix = coverageMatrix({ articles, groups, annotationsByArticle, paragraphStartsByArticle, sourceLinks, rows, rowTagIds, speakers });
    return withCoverageDetails(matrix, (id) => quotesByArticle.get(id));
  };
}
