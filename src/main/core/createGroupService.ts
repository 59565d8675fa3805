/**
 * Groups that follow one quote or claim across articles (links.json):
 * listGroups, createGroup, updateGroup, deleteGroup, and acceptAlignment,
 * which turns an aligned set of passages into annotations (reusing any that
 * already mark about the same words with the same tag; a Quote's span
 * trimmed to the quoted words) and a group of them.
 *
 * Members are checked while the change holds links.json's queue, so a
 * deletion running meanwhile cleans the group up right after.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { AnnotationRef, Group } from '../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../shared/model/model';
import { annotationRange, buildAnnotation } from './buildAnnotation';
import type { CoreContext } from './coreContext';
import { sameAnnotationRef } from '../../shared/crossArticle/sameAnnotationRef';
import { quoteOnlyRange } from '../../shared/crossArticle/quoteOnlyRange';
import { reusableAnnotation } from '../../shared/crossArticle/reusableAnnotation';

/** The tag whose accepted spans hold the quoted words only (see quoteOnlyRange). */
const QUOTE_TAG = 'quote';

export type GroupService = Pick<
  TriangulateApi,
  'listGroups' | 'createGroup' | 'updateGroup' | 'deleteGroup' | 'acceptAlignment'
>;

export const UNTITLED_GROUP = 'Untitled group';

export function createGroupService(ctx: CoreContext): GroupService {
  const notFound = (id: string): ApiError => new ApiError('not_found', `There is no group "${id}".`);

  /** Members without repeats, each checked to exist. */
  async function checkedMembers(members: readonly AnnotationRef[]): Promise<AnnotationRef[]> {
    const unique: AnnotationRef[] = [];
    for (const m of members) {
      if (unique.some((u) => sameAnnotationRef(u, m))) continue;
      await ctx.requireAnnotation(m);
      unique.push({ articleId: m.articleId, annotationId: m.annotationId });
    }
    return unique;
  }

  async function addGroup(label: string, members: readonly AnnotationRef[]): Promise<Group> {
    return ctx.links.update(async (current) => {
      const stamp = ctx.now().toISOString();
      const group: Group = { id: ctx.newId(), label: groupLabel(label), members: await checkedMembers(members), creator: ctx.creator(), created: stamp, modified: stamp };
      return { groups: [...current.groups, group], result: copyGroup(group) };
    });
  }

  return {
    async listGroups(): Promise<Output<'listGroups'>> {
      ctx.ensureOpen();
      return (await ctx.links.read()).groups.map(copyGroup);
    },

    async createGroup({ label, members }: Input<'createGroup'>): Promise<Output<'createGroup'>> {
      ctx.ensureOpen();
      return addGroup(label, members);
    },

    async updateGroup(input: Input<'updateGroup'>): Promise<Output<'updateGroup'>> {
      ctx.ensureOpen();
      if (input.members !== undefined && input.members.length === 0) {
        throw new ApiError('invalid_input', 'A group needs at least one member (delete the group instead).');
      }
      return ctx.links.update(async (current) => {
        const old = current.groups.find((g) => g.id === input.id);
        if (!old) throw notFound(input.id);
        if (input.label === undefined && input.members === undefined) return { result: copyGroup(old) };
        const updated: Group = {
          ...old,
          label: input.label === undefined ? old.label : groupLabel(input.label),
          members: input.members === undefined ? old.members : await checkedMembers(input.members),
          modified: ctx.now().toISOString(),
        };
        return { groups: current.groups.map((g) => (g.id === old.id ? updated : g)), result: copyGroup(updated) };
      });
    },

    async deleteGroup({ id }: Input<'deleteGroup'>): Promise<Output<'deleteGroup'>> {
      ctx.ensureOpen();
      return ctx.links.update((current) => {
        if (!current.groups.some((g) => g.id === id)) throw notFound(id);
        return { groups: current.groups.filter((g) => g.id !== id), result: { deleted: true as const } };
      });
    },

    async acceptAlignment({ label, tagId, passages }: Input<'acceptAlignment'>): Promise<Output<'acceptAlignment'>> {
      ctx.ensureOpen();
      ctx.requireTag(tagId);
      // Everything is checked before anything is written: every article, every range, and links.json.
      const texts = new Map<string, string>();
      const ranges: { articleId: string; start: number; end: number }[] = [];
      for (const p of passages) {
        ctx.requireArticle(p.articleId);
        if (!texts.has(p.articleId)) texts.set(p.articleId, await ctx.store.text(p.articleId));
        const text = texts.get(p.articleId)!;
        const range = annotationRange(text, p);
        ranges.push({ articleId: p.articleId, ...(tagId === QUOTE_TAG ? quoteOnlyRange(text, range) : range) });
      }
      await ctx.links.read();

      const creator = ctx.creator();
      const stamp = ctx.now().toISOString();
      const members: AnnotationRef[] = new Array(ranges.length);
      const created: Annotation[] = [];
      for (const [articleId, text] of texts) {
        const indices = ranges.flatMap((r, i) => (r.articleId === articleId ? [i] : []));
        const { ids, made } = await ctx.store.updateAnnotationFile(articleId, (current) => {
          const annotations = [...current.annotations];
          const made: Annotation[] = [];
          const ids = indices.map((i) => {
            const r = ranges[i]!;
            // An annotation of this tag over (about) the same words is reused, not doubled.
            const existing = reusableAnnotation(annotations, tagId, r);
            if (existing) return existing.id;
            const annotation = buildAnnotation(text, { articleId, tagId, start: r.start, end: r.end }, { id: ctx.newId(), creator, stamp });
            annotations.push(annotation);
            made.push(annotation);
            return annotation.id;
          });
          return made.length > 0 ? { annotations, result: { ids, made } } : { result: { ids, made } };
        });
        for (const a of made) created.push(a);
        indices.forEach((i, k) => (members[i] = { articleId, annotationId: ids[k]! }));
      }
      const group = await addGroup(label, members);
      return { group, created: created.map((a) => ({ ...a })) };
    },
  };
}

function groupLabel(label: string): string {
  return label.trim() || UNTITLED_GROUP;
}

function copyGroup(group: Group): Group {
  return { ...group, members: group.members.map((m) => ({ ...m })) };
}

