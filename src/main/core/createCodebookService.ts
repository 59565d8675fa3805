/**
 * The codebook as the researcher edits it (index.json): saveTag, reorderTags,
 * deleteTag and importCodebook. Every change is checked against the
 * codebook's rules (editCodebook, mergeCodebooks) before anything is written;
 * a refused change names the problem and leaves every file as it was.
 *
 * Deleting a tag in use first deals with its annotations in every article
 * (deleted, and dropped from groups and credits; or moved to another tag,
 * keeping the attribute values both tags declare), then removes the tag, then
 * looks once more for annotations made with it meanwhile. A crash part way
 * leaves the tag with fewer annotations, never annotations without a tag.
 *
 * Attribute values of attributes a tag no longer declares (removed, or their
 * type or options changed) stay in the annotation files untouched: they are
 * not shown or checked, and an annotation drops them the next time its
 * attributes are saved. Adding the attribute back with the same id shows
 * them again.
 */
import { ApiError } from '../../shared/contract/apiError';
import { carryAttributeValues } from '../../shared/codebook/checkAttributeValues';
import { readCodebookFile } from '../../shared/formats/codebookFile';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { AnnotationRef } from '../../shared/crossArticle/crossArticle';
import { editCodebook, type CodebookEdit } from '../../shared/codebook/editCodebook';
import { mergeCodebooks } from '../../shared/codebook/mergeCodebooks';
import type { Annotation, Tag } from '../../shared/model/model';
import type { CoreContext } from './coreContext';
import { beginUnlink } from '../store/pendingUnlinks';
import { withoutAnnotation } from '../../shared/crossArticle/withoutAnnotation';

export type CodebookService = Pick<TriangulateApi, 'saveTag' | 'reorderTags' | 'deleteTag' | 'importCodebook'>;

export function createCodebookService(ctx: CoreContext): CodebookService {
  const { store } = ctx;
  const copy = (tags: readonly Tag[]): Tag[] => tags.map((t) => structuredClone(t));

  /** Applies one edit to the stored codebook; a refused edit throws invalid_input and writes nothing. */
  function applyEdit(edit: (current: readonly Tag[]) => CodebookEdit): Promise<{ codebook: Tag[]; tag?: Tag }> {
    return store.updateIndex((current) => {
      const result = editCodebook(current.codebook, edit(current.codebook));
      if (!result.ok) throw new ApiError('invalid_input', result.message);
      return {
        index: { ...current, codebook: result.tags },
        result: { codebook: copy(result.tags), tag: result.tag && structuredClone(result.tag) },
      };
    });
  }

  /** Deletes, or moves to `moveTo`, every annotation with tag `tag` in every article. */
  async function sweep(tag: Tag, moveTo: Tag | null): Promise<{ moved: number; deleted: AnnotationRef[] }> {
    let moved = 0;
    const deleted: AnnotationRef[] = [];
    // Deleting: annotation files then links.json change; the intent lets a start after a crash finish (see pendingUnlinks).
    const pending = moveTo ? null : await beginUnlink(store.dataDir, 'all');
    for (const article of store.articles()) {
      await store.updateAnnotationFile(article.id, ({ annotations }) => {
        const hit = annotations.filter((a) => a.tagId === tag.id);
        if (hit.length === 0) return { result: undefined };
        if (!moveTo) {
          for (const a of hit) deleted.push({ articleId: article.id, annotationId: a.id });
          return { annotations: annotations.filter((a) => a.tagId !== tag.id), result: undefined };
        }
        moved += hit.length;
        const stamp = ctx.now().toISOString();
        const next = annotations.map(
          (a): Annotation =>
            a.tagId === tag.id
              ? { ...a, tagId: moveTo.id, attributes: carryAttributeValues(tag, moveTo, a.attributes), modified: stamp }
              : a,
        );
        return { annotations: next, result: undefined };
      });
    }
    if (deleted.length > 0) {
      await ctx.links.update((current) => {
        let state = { groups: current.groups, sourceLinks: current.sourceLinks };
        let changed = false;
        const stamp = ctx.now().toISOString();
        for (const ref of deleted) {
          const next = withoutAnnotation(state, ref, stamp);
          if (next.changed) {
            changed = true;
            state = { groups: next.groups, sourceLinks: next.sourceLinks };
          }
        }
        return changed ? { groups: [...state.groups], sourceLinks: [...state.sourceLinks], result: undefined } : { result: undefined };
      });
    }
    await pending?.done();
    return { moved, deleted };
  }

  return {
    async saveTag({ tag }: Input<'saveTag'>): Promise<Output<'saveTag'>> {
      ctx.ensureOpen();
      const { id, ...given } = tag;
      const fields = {
        name: given.name,
        color: given.color,
        key: given.key,
        description: given.description ?? '',
        attributes: (given.attributes ?? []).map((a) => ({ ...a, options: a.options ?? [] })),
      };
      const saved = await applyEdit((current) => {
        if (id === undefined) return { op: 'add', ...fields };
        if (!current.some((t) => t.id === id)) {
          throw new ApiError('invalid_input', `There is no tag "${id}" in the codebook; leave the id out to make a new tag.`);
        }
        return { op: 'save', tag: { ...fields, id } };
      });
      return { codebook: saved.codebook, tag: saved.tag! };
    },

    async reorderTags({ ids }: Input<'reorderTags'>): Promise<Output<'reorderTags'>> {
      ctx.ensureOpen();
      const { codebook } = await applyEdit(() => ({ op: 'reorder', ids }));
      return { codebook };
    },

    async deleteTag(input: Input<'deleteTag'>): Promise<Output<'deleteTag'>> {
      ctx.ensureOpen();
      const tag = ctx.requireTag(input.id);
      let moveTo: Tag | null = null;
      if (input.annotations !== 'delete') {
        if (input.annotations.moveTo === tag.id) {
          throw new ApiError('invalid_input', `The annotations of "${tag.name}" cannot be moved to "${tag.name}" itself; pick another tag.`);
        }
        moveTo = ctx.requireTag(input.annotations.moveTo);
      }
      // Refused before any annotation changes: the last tag, say.
      const check = editCodebook(store.codebook(), { op: 'delete', id: tag.id });
      if (!check.ok) throw new ApiError('invalid_input', check.message);
      // A links.json we cannot read stops the deletion before anything changes.
      if (!moveTo) await ctx.links.read();
      const first = await sweep(tag, moveTo);
      const { codebook } = await applyEdit(() => ({ op: 'delete', id: tag.id }));
      // Annotations made with the tag while the first sweep ran.
      const late = await sweep(tag, moveTo);
      return { codebook, moved: first.moved + late.moved, deleted: first.deleted.length + late.deleted.length };
    },

    async importCodebook({ file }: Input<'importCodebook'>): Promise<Output<'importCodebook'>> {
      ctx.ensureOpen();
      const read = readCodebookFile(file);
      if (!read.ok) throw new ApiError('invalid_input', read.message);
      return store.updateIndex((current) => {
        const merged = mergeCodebooks(current.codebook, read.tags);
        if (!merged.ok) throw new ApiError('invalid_input', `The codebook was not imported: ${merged.message}`);
        return {
          index: { ...current, codebook: merged.tags },
          result: { codebook: copy(merged.tags), added: merged.added, updated: merged.updated, kept: merged.kept },
        };
      });
    },
  };
}
