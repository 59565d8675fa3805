/**
 * listSuggestions and decideSuggestions: suggestions drawn from quote
 * detection (quoteSuggestions; detection is cached per text hash), minus the
 * rejected ones and the ones an annotation already takes.
 *
 * Accepting makes ordinary annotations (buildAnnotation, the same checks as
 * createAnnotation) in one save of the article's file, and links each
 * accepted Source to the quotes its attribution credits once both are
 * annotations. Rejecting records the ids in the article's annotation file,
 * so a rejected suggestion stays hidden after a restart.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { AnnotationRef, SourceLink, Suggestion } from '../../shared/crossArticle/crossArticle';
import type { Annotation, AttributeValue, Tag } from '../../shared/model/model';
import { isTaken, pendingSuggestions } from '../../shared/crossArticle/pendingSuggestions';
import { quoteSuggestions, type QuoteSuggestions } from '../../shared/crossArticle/quoteSuggestions';
import { checkAttributeValues } from '../../shared/codebook/checkAttributeValues';
import { detectQuotesWithDetail, type DetectedQuoteWithDetail } from '../../shared/quotes/detectQuotes';
import { rangesCoincide } from '../../shared/anchoring/rangesCoincide';
import { buildAnnotation } from './buildAnnotation';
import type { CoreContext } from './coreContext';
import { sameAnnotationRef } from '../../shared/crossArticle/sameAnnotationRef';

export type SuggestionService = Pick<TriangulateApi, 'listSuggestions' | 'decideSuggestions'>;

/** A Quote→Source pair to link once the article's file is saved. */
interface PendingLink {
  quote: AnnotationRef;
  source: AnnotationRef;
}

export function createSuggestionService(ctx: CoreContext): SuggestionService {
  const detected = new Map<string, DetectedQuoteWithDetail[]>();

  async function suggestionsOf(articleId: string): Promise<QuoteSuggestions & { text: string }> {
    const meta = ctx.requireArticle(articleId);
    const text = await ctx.store.text(articleId);
    let quotes = detected.get(meta.hash);
    if (!quotes) {
      quotes = detectQuotesWithDetail(text);
      detected.set(meta.hash, quotes);
    }
    return { text, ...quoteSuggestions(articleId, text, quotes.map((q) => q.quote), quotes.map((q) => q.detail)) };
  }

  return {
    async listSuggestions({ articleId }: Input<'listSuggestions'>): Promise<Output<'listSuggestions'>> {
      ctx.ensureOpen();
      const { suggestions } = await suggestionsOf(articleId);
      return pendingSuggestions(suggestions, await ctx.store.annotations(articleId), await ctx.store.rejectedSuggestions(articleId));
    },

    async decideSuggestions({ articleId, decision, ids, speaker }: Input<'decideSuggestions'>): Promise<Output<'decideSuggestions'>> {
      ctx.ensureOpen();
      const { text, suggestions, creditedQuotes } = await suggestionsOf(articleId);
      // Accepting may link sources to quotes: a links.json we cannot read stops it before anything is saved.
      if (decision === 'accept') await ctx.links.read();
      const creator = ctx.creator();
      const stamp = ctx.now().toISOString();

      const outcome = await ctx.store.updateAnnotationFile(articleId, (current) => {
        const chosen = chosenSuggestions(articleId, suggestions, ids, current);
        if (decision === 'reject') {
          const rejected = new Set(current.rejectedSuggestions);
          const fresh = chosen.filter((s) => !rejected.has(s.id));
          const result = { created: [] as Annotation[], decided: fresh.length, links: [] as PendingLink[] };
          if (fresh.length === 0) return { result };
          // Who rejected each one, and when (issue 16).
          const rejectedBy = { ...current.rejectedBy };
          for (const s of fresh) rejectedBy[s.id] = { coder: creator, at: stamp };
          return { rejectedSuggestions: [...current.rejectedSuggestions, ...fresh.map((s) => s.id)], rejectedBy, result };
        }

        for (const s of chosen) ctx.requireTag(s.tagId);
        const annotations = [...current.annotations];
        const created: Annotation[] = [];
        const acceptedNow = new Set<string>();
        for (const s of chosen) {
          if (isTaken(s, annotations)) continue;
          const annotation = buildAnnotation(
            text,
            { articleId, tagId: s.tagId, start: s.start, end: s.end, attributes: detectedAttributes(ctx.requireTag(s.tagId), s, speaker) },
            { id: ctx.newId(), creator, stamp },
          );
          annotations.push(annotation);
          created.push(annotation);
          acceptedNow.add(s.id);
        }
        const result = { created, decided: created.length, links: linksToMake(suggestions, creditedQuotes, acceptedNow, annotations) };
        if (created.length === 0) return { result };
        return {
          annotations,
          rejectedSuggestions: current.rejectedSuggestions.filter((id) => !acceptedNow.has(id)),
          result,
        };
      });

      if (outcome.links.length > 0) {
        await ctx.links.update((current) => {
          const added: SourceLink[] = outcome.links
            .filter((l) => !current.sourceLinks.some((c) => sameAnnotationRef(c.quote, l.quote) && sameAnnotationRef(c.source, l.source)))
            .map((l) => ({ id: ctx.newId(), ...l, creator, created: stamp }));
          return added.length > 0 ? { sourceLinks: [...current.sourceLinks, ...added], result: undefined } : { result: undefined };
        });
      }
      return { created: outcome.created.map((a) => ({ ...a })), decided: outcome.decided };
    },
  };
}

/**
 * The detected values the suggestion carries that the tag (as the codebook now declares it) accepts; the others are
 * left out. A speaker the researcher chose replaces the detected one (a Quote's speaker, a Source's name).
 */
function detectedAttributes(tag: Tag, s: Suggestion, speaker?: string): Record<string, AttributeValue> {
  const kept: Record<string, AttributeValue> = {};
  const chosen = speaker === undefined ? {} : tag.attributes.some((a) => a.id === 'speaker') ? { speaker } : tag.id === 'source' ? { name: speaker } : {};
  for (const [id, value] of Object.entries({ ...(s.attributes ?? {}), ...chosen })) {
    const check = checkAttributeValues(tag, { [id]: value });
    if (check.ok) Object.assign(kept, check.values);
  }
  return kept;
}

/** The suggestions named by `ids` (every pending one when omitted); invalid_input naming any id that is not a suggestion of the article. */
function chosenSuggestions(
  articleId: string,
  suggestions: readonly Suggestion[],
  ids: readonly string[] | undefined,
  current: { annotations: readonly Annotation[]; rejectedSuggestions: readonly string[] },
): Suggestion[] {
  if (ids === undefined) return pendingSuggestions(suggestions, current.annotations, current.rejectedSuggestions);
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  const wanted = [...new Set(ids)];
  const unknown = wanted.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new ApiError(
      'invalid_input',
      `Article "${articleId}" has no suggestion ${unknown.map((id) => `"${id}"`).join(', ')}; nothing was changed.`,
    );
  }
  return wanted.map((id) => byId.get(id)!);
}

/**
 * Quote→Source pairs to link: a Source suggestion and a quote its
 * attribution credits, when both are now annotations and at least one of
 * them was accepted in this call.
 */
function linksToMake(
  suggestions: readonly Suggestion[],
  creditedQuotes: ReadonlyMap<string, readonly string[]>,
  acceptedNow: ReadonlySet<string>,
  annotations: readonly Annotation[],
): PendingLink[] {
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  const annotationFor = (s: Suggestion): Annotation | undefined =>
    annotations.find((a) => a.tagId === s.tagId && rangesCoincide(a, s));
  const links: PendingLink[] = [];
  for (const [sourceId, quoteIds] of creditedQuotes) {
    const source = byId.get(sourceId)!;
    for (const quoteId of quoteIds) {
      if (!acceptedNow.has(sourceId) && !acceptedNow.has(quoteId)) continue;
      const sourceAnnotation = annotationFor(source);
      const quoteAnnotation = annotationFor(byId.get(quoteId)!);
      if (!sourceAnnotation || !quoteAnnotation) continue;
      links.push({
        quote: { articleId: quoteAnnotation.articleId, annotationId: quoteAnnotation.id },
        source: { articleId: sourceAnnotation.articleId, annotationId: sourceAnnotation.id },
      });
    }
  }
  return links;
}

