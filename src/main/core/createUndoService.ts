/**
 * What undo and redo need from the core: getAnnotation (the state before a
 * change) and restoreAnnotations, which puts annotations, groups and credits
 * back exactly as given — same ids, notes, attributes, creator and
 * timestamps. Everything is checked before anything is written: each
 * annotation's article and tag must exist and its quote must still be the
 * text at its offsets. Group members and credits whose annotations are gone
 * are left out rather than refused, so undoing a deletion still works after
 * a related annotation went too. `unreject` offers rejected suggestions
 * again (undo of a rejection).
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { AnnotationRef, Group, SourceLink } from '../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../shared/model/model';
import { sameAnnotationRef } from '../../shared/crossArticle/sameAnnotationRef';
import type { CoreContext } from './coreContext';

export type UndoService = Pick<TriangulateApi, 'getAnnotation' | 'restoreAnnotations'>;

export function createUndoService(ctx: CoreContext): UndoService {
  async function exists(ref: AnnotationRef): Promise<boolean> {
    if (!ctx.store.article(ref.articleId)) return false;
    return (await ctx.store.annotations(ref.articleId)).some((a) => a.id === ref.annotationId);
  }

  return {
    async getAnnotation({ articleId, id }: Input<'getAnnotation'>): Promise<Output<'getAnnotation'>> {
      ctx.ensureOpen();
      return { ...(await ctx.requireAnnotation({ articleId, annotationId: id })) };
    },

    async restoreAnnotations(input: Input<'restoreAnnotations'>): Promise<Output<'restoreAnnotations'>> {
      ctx.ensureOpen();
      const byArticle = new Map<string, Annotation[]>();
      const annotations: Annotation[] = input.annotations.map((a) => ({ ...a, attributes: { ...a.attributes } }));
      for (const a of annotations) {
        ctx.requireArticle(a.articleId);
        ctx.requireTag(a.tagId);
        const text = await ctx.store.text(a.articleId);
        if (a.start >= a.end || a.end > text.length || text.slice(a.start, a.end) !== a.exact) {
          throw new ApiError(
            'invalid_input',
            `Annotation "${a.id}" cannot be restored: its quote is no longer the text at ${a.start}–${a.end} of article "${a.articleId}".`,
          );
        }
        byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a]);
      }
      for (const u of input.unreject ?? []) ctx.requireArticle(u.articleId);
      if (input.groups?.length || input.sourceLinks?.length) await ctx.links.read();

      for (const [articleId, list] of byArticle) {
        await ctx.store.updateAnnotations(articleId, (current) => {
          const ids = new Set(list.map((a) => a.id));
          return { annotations: [...current.filter((a) => !ids.has(a.id)), ...list.map((a) => ({ ...a }))], result: undefined };
        });
      }

      for (const u of input.unreject ?? []) {
        const ids = new Set(u.ids);
        await ctx.store.updateAnnotationFile(u.articleId, (current) =>
          current.rejectedSuggestions.some((id) => ids.has(id))
            ? {
                rejectedSuggestions: current.rejectedSuggestions.filter((id) => !ids.has(id)),
                rejectedBy: Object.fromEntries(Object.entries(current.rejectedBy ?? {}).filter(([id]) => !ids.has(id))),
                result: undefined,
              }
            : { result: undefined },
        );
      }

      const groupsIn = input.groups ?? [];
      const linksIn = input.sourceLinks ?? [];
      const restoredGroups: Group[] = [];
      const restoredLinks: SourceLink[] = [];
      if (groupsIn.length > 0 || linksIn.length > 0) {
        await ctx.links.update(async (current) => {
          let groups = [...current.groups];
          for (const g of groupsIn) {
            const members: AnnotationRef[] = [];
            for (const m of g.members) if (await exists(m)) members.push({ ...m });
            groups = groups.filter((x) => x.id !== g.id);
            if (members.length === 0) continue;
            const group = { ...g, members };
            groups.push(group);
            restoredGroups.push(group);
          }
          let sourceLinks = [...current.sourceLinks];
          for (const l of linksIn) {
            if (!(await exists(l.quote)) || !(await exists(l.source))) continue;
            sourceLinks = sourceLinks.filter((x) => x.id !== l.id);
            if (sourceLinks.some((x) => sameAnnotationRef(x.quote, l.quote) && sameAnnotationRef(x.source, l.source))) continue;
            const link = { ...l, quote: { ...l.quote }, source: { ...l.source } };
            sourceLinks.push(link);
            restoredLinks.push(link);
          }
          return { groups, sourceLinks, result: undefined };
        });
      }
      return {
        annotations: annotations.map((a) => ({ ...a })),
        groups: restoredGroups,
        sourceLinks: restoredLinks,
      };
    },
  };
}
