/**
 * Quote→Source links (links.json): listSourceLinks, linkSource (a Quote
 * annotation credited by a Source annotation of the same article; linking
 * the same pair again returns the existing link) and unlinkSource.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { SourceLink } from '../../shared/crossArticle/crossArticle';
import type { CoreContext } from './coreContext';
import { sameAnnotationRef } from '../../shared/crossArticle/sameAnnotationRef';

export type SourceLinkService = Pick<TriangulateApi, 'listSourceLinks' | 'linkSource' | 'unlinkSource'>;

export function createSourceLinkService(ctx: CoreContext): SourceLinkService {
  return {
    async listSourceLinks(): Promise<Output<'listSourceLinks'>> {
      ctx.ensureOpen();
      return (await ctx.links.read()).sourceLinks.map(copyLink);
    },

    async linkSource({ quote, source }: Input<'linkSource'>): Promise<Output<'linkSource'>> {
      ctx.ensureOpen();
      return ctx.links.update(async (current) => {
        const q = await ctx.requireAnnotation(quote);
        const s = await ctx.requireAnnotation(source);
        if (q.tagId !== 'quote') throw new ApiError('invalid_input', `Annotation "${q.id}" is not a Quote: only quotes are credited to sources.`);
        if (s.tagId !== 'source') throw new ApiError('invalid_input', `Annotation "${s.id}" is not a Source: a quote is credited by a Source annotation.`);
        if (q.articleId !== s.articleId) {
          throw new ApiError('invalid_input', 'A quote can only be credited by a Source annotation in the same article.');
        }
        const existing = current.sourceLinks.find((l) => sameAnnotationRef(l.quote, quote) && sameAnnotationRef(l.source, source));
        if (existing) return { result: copyLink(existing) };
        const link: SourceLink = {
          id: ctx.newId(),
          quote: { articleId: quote.articleId, annotationId: quote.annotationId },
          source: { articleId: source.articleId, annotationId: source.annotationId },
          creator: ctx.creator(),
          created: ctx.now().toISOString(),
        };
        return { sourceLinks: [...current.sourceLinks, link], result: copyLink(link) };
      });
    },

    async unlinkSource({ id }: Input<'unlinkSource'>): Promise<Output<'unlinkSource'>> {
      ctx.ensureOpen();
      return ctx.links.update((current) => {
        if (!current.sourceLinks.some((l) => l.id === id)) throw new ApiError('not_found', `There is no source link "${id}".`);
        return { sourceLinks: current.sourceLinks.filter((l) => l.id !== id), result: { deleted: true as const } };
      });
    },
  };
}

function copyLink(link: SourceLink): SourceLink {
  return { ...link, quote: { ...link.quote }, source: { ...link.source } };
}

