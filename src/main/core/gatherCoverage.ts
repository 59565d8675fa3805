/**
 * getCoverage: gathers the groups, links, the annotations and paragraph
 * starts of the articles the groups reach, and builds the matrix
 * (coverageMatrix), with the people index's canonical names. Paragraph starts are kept per text hash.
 */
import { coverageMatrix } from '../../shared/crossArticle/coverageMatrix';
import type { CoverageMatrix } from '../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../shared/model/model';
import { paragraphStarts } from '../../shared/anchoring/paragraphStarts';
import type { CoreContext } from './coreContext';
import type { SpeakerLookup } from '../../shared/crossArticle/creditedName';

export type CoverageGatherer = () => Promise<CoverageMatrix>;

export function createCoverageGatherer(ctx: CoreContext, entityIndex?: () => Promise<{ canonicalOf: SpeakerLookup }>): CoverageGatherer {
  const startsByHash = new Map<string, number[]>();

  return async function gatherCoverage(): Promise<CoverageMatrix> {
    const { groups, sourceLinks } = await ctx.links.read();
    const articles = ctx.store.articles();
    const reached = new Set(groups.flatMap((g) => g.members.map((m) => m.articleId)));
    const annotationsByArticle = new Map<string, readonly Annotation[]>();
    const paragraphStartsByArticle = new Map<string, readonly number[]>();
    for (const article of articles) {
      if (!reached.has(article.id)) continue;
      annotationsByArticle.set(article.id, await ctx.store.annotations(article.id));
      let starts = startsByHash.get(article.hash);
      if (!starts) {
        starts = paragraphStarts(await ctx.store.text(article.id));
        startsByHash.set(article.hash, starts);
      }
      paragraphStartsByArticle.set(article.id, starts);
    }
    const speakers = entityIndex && groups.length > 0 ? (await entityIndex()).canonicalOf : undefined;
    return coverageMatrix({ articles, groups, annotationsByArticle, paragraphStartsByArticle, sourceLinks, speakers });
  };
}
