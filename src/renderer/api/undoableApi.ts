/**
 * The contract with an undo history: every annotation change made through it
 * (create, retag, attributes, note, delete, credits, groups, accepted
 * suggestions and alignments, adjudication's takes and rejections, the people index's merges, renames, kinds
 * and splits) is recorded in the UndoStack with its inverse,
 * so no screen needs to know about undo. Undo and redo call the plain API,
 * so they are never recorded themselves; ids stay the same through undo and
 * redo (restoreAnnotations puts things back exactly).
 */
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import type { Group, SourceLink } from '../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../shared/model/model';
import type { RemovedAnnotation } from '../../shared/contract/restoreAnnotations';
import type { UndoStack, UndoTarget } from './undoStack';

type RestoreInput = Input<'restoreAnnotations'>;

/** Everything some deletions took away, as one restoreAnnotations input. */
function restoreInput(removed: readonly RemovedAnnotation[], extra: Partial<RestoreInput> = {}): RestoreInput {
  const groups = new Map<string, Group>();
  for (const g of [...removed.flatMap((r) => r.groups), ...(extra.groups ?? [])]) if (!groups.has(g.id)) groups.set(g.id, g);
  const links = new Map<string, SourceLink>();
  for (const l of [...removed.flatMap((r) => r.sourceLinks), ...(extra.sourceLinks ?? [])]) links.set(l.id, l);
  return {
    annotations: [...removed.map((r) => r.annotation), ...(extra.annotations ?? [])],
    groups: [...groups.values()],
    sourceLinks: [...links.values()],
  };
}

export function createUndoableApi(api: TriangulateApi, stack: UndoStack): TriangulateApi {
  const tagNames = new Map<string, string>();
  const tagName = (id: string) => tagNames.get(id) ?? id;
  const at = (a: Pick<Annotation, 'articleId' | 'id'>): UndoTarget => ({ articleId: a.articleId, annotationId: a.id });
  const firstArticle = (ids: readonly string[]): UndoTarget | null => (ids[0] ? { articleId: ids[0] } : null);

  /** Deletes annotations, returning what each deletion took away. */
  async function deleteAll(list: readonly Pick<Annotation, 'articleId' | 'id'>[]): Promise<RemovedAnnotation[]> {
    const removed: RemovedAnnotation[] = [];
    for (const a of list) {
      const out = await api.deleteAnnotation({ articleId: a.articleId, id: a.id });
      if (out.removed) removed.push(out.removed);
    }
    return removed;
  }

  /** A change that made annotations (and maybe a group): undo deletes them, redo puts them back as they were. */
  function recordCreation(label: string, created: readonly Annotation[], group: Group | null): void {
    if (created.length === 0 && !group) return;
    const articleIds = [...new Set([...created.map((a) => a.articleId), ...(group?.members.map((m) => m.articleId) ?? [])])];
    let taken: RemovedAnnotation[] = [];
    stack.push({
      label,
      articleIds,
      async undo() {
        if (group) await api.deleteGroup({ id: group.id });
        taken = await deleteAll(created);
        return firstArticle(articleIds);
      },
      async redo() {
        await api.restoreAnnotations(restoreInput(taken, { annotations: taken.length ? [] : [...created], groups: group ? [group] : [] }));
        return created[0] ? at(created[0]) : firstArticle(articleIds);
      },
    });
  }

  /**
   * A correction of the people index: undo takes back exactly the corrections it stored (entities.json),
   * redo stores them again. It touches no article's annotations, only what is derived from them.
   */
  function recordCorrection(label: string, out: Output<'mergeEntities'>): void {
    if (out.corrections.length === 0) return;
    const corrections = out.corrections;
    stack.push({
      label,
      articleIds: [],
      async undo() {
        await api.withdrawEntityCorrections({ corrections });
        return null;
      },
      async redo() {
        await api.restoreEntityCorrections({ corrections });
        return null;
      },
    });
  }
  const entityName = (out: Output<'mergeEntities'>, id: string) => out.entities.find((e) => e.id === id)?.name ?? id;

  const wrapped: Partial<TriangulateApi> = {
    async mergeEntities(input) {
      const out = await api.mergeEntities(input);
      recordCorrection(`merge into ${entityName(out, out.id)}`, out);
      return out;
    },

    async renameEntity(input) {
      const out = await api.renameEntity(input);
      recordCorrection(`rename as ${input.name}`, out);
      return out;
    },

    async setEntityKind(input) {
      const out = await api.setEntityKind(input);
      recordCorrection(`make ${entityName(out, out.id)} ${/^[aeiou]/.test(input.kind) ? 'an' : 'a'} ${input.kind}`, out);
      return out;
    },

    async splitEntity(input) {
      const out = await api.splitEntity(input);
      recordCorrection(`split “${input.alias}” off`, out);
      return out;
    },

    // Adjudication (issue 16): a take undoes by deleting the consensus annotations it made; a rejection by opening it again.
    async settleDisagreement(input) {
      const out = await api.settleDisagreement(input);
      const { articleId } = input;
      const n = out.created.length;
      if (n > 0) recordCreation(input.edited ? 'take an edited version into the consensus' : n === 1 ? 'take a version into the consensus' : `take ${n} codings into the consensus`, out.created, null);
      const flip = (key: string, label: string, reopen: boolean) =>
        stack.push({
          label,
          articleIds: [articleId],
          async undo() {
            await api.settleDisagreement(reopen ? { articleId, reject: key } : { articleId, unreject: key });
            return { articleId };
          },
          async redo() {
            await api.settleDisagreement(reopen ? { articleId, unreject: key } : { articleId, reject: key });
            return { articleId };
          },
        });
      if (input.reject !== undefined) flip(input.reject, 'reject a disagreement', false);
      if (input.unreject !== undefined) flip(input.unreject, 'reopen a rejected disagreement', true);
      return out;
    },

    async getCodebook(input) {
      const codebook = await api.getCodebook(input);
      for (const t of codebook) tagNames.set(t.id, t.name);
      return codebook;
    },

    async createAnnotation(input) {
      const made = await api.createAnnotation(input);
      recordCreation(`create ${tagName(made.tagId)}`, [made], null);
      return made;
    },

    async updateAnnotation(input) {
      const before = await api.getAnnotation({ articleId: input.articleId, id: input.id });
      const after = await api.updateAnnotation(input);
      const what =
        input.tagId !== undefined && input.tagId !== before.tagId
          ? `retag ${tagName(before.tagId)} as ${tagName(after.tagId)}`
          : input.attributes !== undefined
            ? `edit attributes of ${tagName(after.tagId)}`
            : `edit note of ${tagName(after.tagId)}`;
      const noteOnly = input.tagId === undefined && input.attributes === undefined;
      stack.push({
        label: what,
        articleIds: [after.articleId],
        mergeKey: noteOnly ? `note:${after.articleId}:${after.id}` : undefined,
        async undo() {
          await api.restoreAnnotations({ annotations: [before] });
          return at(before);
        },
        async redo() {
          await api.restoreAnnotations({ annotations: [after] });
          return at(after);
        },
      });
      return after;
    },

    async deleteAnnotation(input) {
      const out = await api.deleteAnnotation(input);
      const removed = out.removed;
      if (removed) {
        stack.push({
          label: `delete ${tagName(removed.annotation.tagId)}`,
          articleIds: [input.articleId],
          async undo() {
            await api.restoreAnnotations(restoreInput([removed]));
            return at(removed.annotation);
          },
          async redo() {
            await api.deleteAnnotation(input);
            return { articleId: input.articleId };
          },
        });
      }
      return out;
    },

    async decideSuggestions(input) {
      if (input.decision === 'reject') {
        // Which ones were pending: rejecting "all" names none.
        const pending = input.ids ?? (await api.listSuggestions({ articleId: input.articleId })).map((s) => s.id);
        const out = await api.decideSuggestions(input);
        if (out.decided > 0 && pending.length > 0) {
          const n = pending.length;
          stack.push({
            label: n === 1 ? 'reject a suggestion' : `reject ${n} suggestions`,
            articleIds: [input.articleId],
            async undo() {
              await api.restoreAnnotations({ annotations: [], unreject: [{ articleId: input.articleId, ids: pending }] });
              return { articleId: input.articleId };
            },
            async redo() {
              await api.decideSuggestions({ articleId: input.articleId, decision: 'reject', ids: pending });
              return { articleId: input.articleId };
            },
          });
        }
        return out;
      }
      const out = await api.decideSuggestions(input);
      if (input.decision === 'accept') {
        const n = out.created.length;
        recordCreation(n === 1 ? `accept suggested ${tagName(out.created[0]!.tagId)}` : `accept ${n} suggestions`, out.created, null);
      }
      return out;
    },

    async acceptAlignment(input) {
      const out = await api.acceptAlignment(input);
      recordCreation(`accept shared passage "${out.group.label}"`, out.created, out.group);
      return out;
    },

    async createGroup(input) {
      const group = await api.createGroup(input);
      recordCreation(`link group "${group.label}"`, [], group);
      return group;
    },

    async updateGroup(input) {
      const before = (await api.listGroups({})).find((g) => g.id === input.id);
      const after = await api.updateGroup(input);
      if (before) {
        const articleIds = [...new Set([...before.members, ...after.members].map((m) => m.articleId))];
        stack.push({
          label: `change group "${after.label}"`,
          articleIds,
          async undo() {
            await api.restoreAnnotations({ annotations: [], groups: [before] });
            return firstArticle(articleIds);
          },
          async redo() {
            await api.restoreAnnotations({ annotations: [], groups: [after] });
            return firstArticle(articleIds);
          },
        });
      }
      return after;
    },

    async deleteGroup(input) {
      const before = (await api.listGroups({})).find((g) => g.id === input.id);
      const out = await api.deleteGroup(input);
      if (before) {
        const articleIds = [...new Set(before.members.map((m) => m.articleId))];
        stack.push({
          label: `delete group "${before.label}"`,
          articleIds,
          async undo() {
            await api.restoreAnnotations({ annotations: [], groups: [before] });
            return firstArticle(articleIds);
          },
          async redo() {
            await api.deleteGroup(input);
            return firstArticle(articleIds);
          },
        });
      }
      return out;
    },

    async linkSource(input) {
      const before = await api.listSourceLinks({});
      const link = await api.linkSource(input);
      if (!before.some((l) => l.id === link.id)) {
        stack.push({
          label: 'credit the quote to a source',
          articleIds: [link.quote.articleId],
          joinKey: `credit:${link.quote.articleId}:${link.quote.annotationId}`,
          async undo() {
            await api.unlinkSource({ id: link.id });
            return { articleId: link.quote.articleId, annotationId: link.quote.annotationId };
          },
          async redo() {
            await api.restoreAnnotations({ annotations: [], sourceLinks: [link] });
            return { articleId: link.quote.articleId, annotationId: link.quote.annotationId };
          },
        });
      }
      return link;
    },

    async unlinkSource(input) {
      const link = (await api.listSourceLinks({})).find((l) => l.id === input.id);
      const out = await api.unlinkSource(input);
      if (link) {
        stack.push({
          label: 'remove a credit',
          articleIds: [link.quote.articleId],
          joinKey: `credit:${link.quote.articleId}:${link.quote.annotationId}`,
          async undo() {
            await api.restoreAnnotations({ annotations: [], sourceLinks: [link] });
            return { articleId: link.quote.articleId, annotationId: link.quote.annotationId };
          },
          async redo() {
            await api.unlinkSource(input);
            return { articleId: link.quote.articleId, annotationId: link.quote.annotationId };
          },
        });
      }
      return out;
    },
  };
  return { ...api, ...wrapped } as TriangulateApi;
}

