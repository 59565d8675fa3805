import { describe, expect, it } from 'vitest';
import type { TriangulateApi } from '../../shared/contract/contract';
import type { Group, SourceLink } from '../../shared/crossArticle/crossArticle';
import type { Annotation } from '../../shared/model/model';
import { UndoStack } from './undoStack';
import { createUndoableApi } from './undoableApi';

/** An in-memory core for the methods undo uses: annotations, groups, credits, with deletions reporting what they took. */
function memoryCore() {
  let n = 0;
  let annotations: Annotation[] = [];
  let groups: Group[] = [];
  let links: SourceLink[] = [];
  let rejected: string[] = [];
  let rejectedDisagreements: string[] = [];
  const make = (articleId: string, tagId: string, start: number, end: number): Annotation => ({
    id: `n${++n}`,
    articleId,
    tagId,
    start,
    end,
    exact: 'x'.repeat(end - start),
    prefix: '',
    suffix: '',
    note: '',
    attributes: {},
    creator: 'ana',
    created: `t${n}`,
    modified: `t${n}`,
  });
  const is = (a: Annotation, r: { articleId: string; annotationId: string }) => a.articleId === r.articleId && a.id === r.annotationId;
  const api = {
    getCodebook: async () => [
      { id: 'quote', name: 'Quote', color: '#000000', key: 2, description: '', attributes: [] },
      { id: 'source', name: 'Source', color: '#000000', key: 3, description: '', attributes: [] },
    ],
    listAnnotations: async ({ articleId }) => annotations.filter((a) => a.articleId === articleId),
    getAnnotation: async ({ articleId, id }) => ({ ...annotations.find((a) => a.articleId === articleId && a.id === id)! }),
    createAnnotation: async ({ articleId, tagId, start, end }) => {
      const a = make(articleId, tagId, start, end);
      annotations.push(a);
      return a;
    },
    updateAnnotation: async ({ id, tagId, note, attributes }) => {
      const old = annotations.find((a) => a.id === id)!;
      const updated = { ...old, tagId: tagId ?? old.tagId, note: note ?? old.note, attributes: attributes ?? old.attributes, modified: `t${++n}` };
      annotations = annotations.map((a) => (a.id === id ? updated : a));
      return updated;
    },
    deleteAnnotation: async ({ articleId, id }) => {
      const annotation = annotations.find((a) => a.articleId === articleId && a.id === id);
      if (!annotation) throw new Error(`no annotation ${id}`);
      annotations = annotations.filter((a) => a !== annotation);
      const ref = { articleId, annotationId: id };
      const inGroups = groups.filter((g) => g.members.some((m) => m.annotationId === id));
      groups = groups.flatMap((g) => {
        const members = g.members.filter((m) => m.annotationId !== ref.annotationId);
        return members.length ? [{ ...g, members }] : [];
      });
      const lost = links.filter((l) => l.quote.annotationId === id || l.source.annotationId === id);
      links = links.filter((l) => !lost.includes(l));
      return { deleted: true as const, removed: { annotation, groups: inGroups, sourceLinks: lost } };
    },
    restoreAnnotations: async ({ annotations: list, groups: gs = [], sourceLinks: ls = [], unreject = [] }) => {
      rejected = rejected.filter((id) => !unreject.some((u) => u.ids.includes(id)));
      const restored = list.map((a) => ({ ...a, attributes: a.attributes ?? {} }));
      annotations = [...annotations.filter((a) => !restored.some((r) => r.id === a.id)), ...restored];
      for (const g of gs) groups = [...groups.filter((x) => x.id !== g.id), g];
      for (const l of ls) links = [...links.filter((x) => x.id !== l.id), l];
      return { annotations: restored, groups: gs, sourceLinks: ls };
    },
    listGroups: async () => [...groups],
    createGroup: async ({ label, members }) => {
      const g = { id: `g${++n}`, label, members, created: 't', modified: 't' };
      groups.push(g);
      return g;
    },
    updateGroup: async ({ id, label, members }) => {
      const old = groups.find((g) => g.id === id)!;
      const g = { ...old, label: label ?? old.label, members: members ?? old.members };
      groups = groups.map((x) => (x.id === id ? g : x));
      return g;
    },
    deleteGroup: async ({ id }) => {
      groups = groups.filter((g) => g.id !== id);
      return { deleted: true as const };
    },
    listSourceLinks: async () => [...links],
    linkSource: async ({ quote, source }) => {
      const existing = links.find((l) => l.quote.annotationId === quote.annotationId && l.source.annotationId === source.annotationId);
      if (existing) return existing;
      const l = { id: `l${++n}`, quote, source, created: 't' };
      links.push(l);
      return l;
    },
    unlinkSource: async ({ id }) => {
      links = links.filter((l) => l.id !== id);
      return { deleted: true as const };
    },
    listSuggestions: async ({ articleId }) =>
      ['x', 'y']
        .filter((id) => !rejected.includes(id))
        .map((id) => ({ id, articleId, tagId: 'quote', start: 0, end: 4, exact: 'xxxx', speaker: null, cue: null, credits: null })),
    decideSuggestions: async ({ articleId, decision, ids }) => {
      if (decision === 'reject') {
        const fresh = (ids ?? ['x', 'y']).filter((id) => !rejected.includes(id));
        rejected = [...rejected, ...fresh];
        return { created: [], decided: fresh.length };
      }
      const a = make(articleId, 'quote', 0, 4);
      annotations.push(a);
      return { created: [a], decided: 1 };
    },
    settleDisagreement: async ({ articleId, take = [], edited, reject, unreject }) => {
      const created = [...take, ...(edited ? [edited.from] : [])].map((id) => {
        const from = annotations.find((a) => a.id === id)!;
        return { ...make(articleId, edited?.tagId ?? from.tagId, edited?.start ?? from.start, edited?.end ?? from.end), creator: 'consensus' };
      });
      annotations.push(...created);
      if (reject) rejectedDisagreements = [...rejectedDisagreements, reject];
      if (unreject) rejectedDisagreements = rejectedDisagreements.filter((k) => k !== unreject);
      return { coders: [], agreements: [], disagreements: [], settled: 0, total: 0, created };
    },
  } as Partial<TriangulateApi> as TriangulateApi;
  return { api, state: () => ({ annotations, groups, links, rejected, rejectedDisagreements }), is };
}

async function setup(options: ConstructorParameters<typeof UndoStack>[0] = {}) {
  const core = memoryCore();
  const stack = new UndoStack(options);
  const api = createUndoableApi(core.api, stack);
  await api.getCodebook({});
  return { core, stack, api };
}

describe('createUndoableApi', () => {
  it('create: undo deletes it, redo brings it back with the same id', async () => {
    const { core, stack, api } = await setup();
    const made = await api.createAnnotation({ articleId: 'a', tagId: 'quote', start: 0, end: 5 });
    expect(stack.nextUndoLabel).toBe('create Quote');
    expect(await stack.undo()).toMatchObject({ label: 'create Quote', target: { articleId: 'a' } });
    expect(core.state().annotations).toEqual([]);
    expect(await stack.redo()).toMatchObject({ target: { articleId: 'a', annotationId: made.id } });
    expect(core.state().annotations).toEqual([made]);
  });

  it('retag, note and attributes: undo puts the earlier annotation back, redo the later one', async () => {
    const { core, stack, api } = await setup();
    const made = await api.createAnnotation({ articleId: 'a', tagId: 'quote', start: 0, end: 5 });
    const retagged = await api.updateAnnotation({ articleId: 'a', id: made.id, tagId: 'source' });
    expect(stack.nextUndoLabel).toBe('retag Quote as Source');
    const noted = await api.updateAnnotation({ articleId: 'a', id: made.id, note: 'hm' });
    await api.updateAnnotation({ articleId: 'a', id: made.id, note: 'hmm' });
    expect(stack.nextUndoLabel).toBe('edit note of Source');
    await stack.undo(); // both note saves, merged
    expect(core.state().annotations).toEqual([retagged]);
    await stack.undo();
    expect(core.state().annotations).toEqual([made]);
    await stack.redo();
    await stack.redo();
    expect(core.state().annotations[0]).toMatchObject({ tagId: 'source', note: 'hmm' });
    expect(noted.note).toBe('hm');
    await api.updateAnnotation({ articleId: 'a', id: made.id, attributes: { speaker: 'x' } });
    expect(stack.nextUndoLabel).toBe('edit attributes of Source');
  });

  it('delete: undo restores the annotation, its groups and its credits; redo deletes again', async () => {
    const { core, stack, api } = await setup();
    const q = await api.createAnnotation({ articleId: 'a', tagId: 'quote', start: 0, end: 5 });
    const s = await api.createAnnotation({ articleId: 'a', tagId: 'source', start: 6, end: 9 });
    await api.updateAnnotation({ articleId: 'a', id: q.id, note: 'keep' });
    const g = await api.createGroup({ label: 'G', members: [{ articleId: 'a', annotationId: q.id }] });
    const l = await api.linkSource({ quote: { articleId: 'a', annotationId: q.id }, source: { articleId: 'a', annotationId: s.id } });
    const before = structuredClone(core.state());
    await api.deleteAnnotation({ articleId: 'a', id: q.id });
    expect(stack.nextUndoLabel).toBe('delete Quote');
    expect(core.state().groups).toEqual([]);
    await stack.undo();
    expect(core.state().annotations).toEqual(expect.arrayContaining(before.annotations));
    expect(core.state().groups).toEqual([g]);
    expect(core.state().links).toEqual([l]);
    await stack.redo();
    expect(core.state().annotations.map((a) => a.id)).toEqual([s.id]);
  });

  it('groups and credits: each change undoes and redoes; linking an existing pair records nothing', async () => {
    const { core, stack, api } = await setup({ joinMs: -1 });
    const q = await api.createAnnotation({ articleId: 'a', tagId: 'quote', start: 0, end: 5 });
    const s = await api.createAnnotation({ articleId: 'a', tagId: 'source', start: 6, end: 9 });
    const refQ = { articleId: 'a', annotationId: q.id };
    const refS = { articleId: 'a', annotationId: s.id };
    const g = await api.createGroup({ label: 'G', members: [refQ] });
    await api.updateGroup({ id: g.id, members: [refQ, refS] });
    await stack.undo();
    expect(core.state().groups).toEqual([g]);
    await api.deleteGroup({ id: g.id });
    await stack.undo();
    expect(core.state().groups).toEqual([g]);
    await stack.redo();
    expect(core.state().groups).toEqual([]);

    const link = await api.linkSource({ quote: refQ, source: refS });
    const label = stack.nextUndoLabel;
    await api.linkSource({ quote: refQ, source: refS });
    expect(stack.nextUndoLabel).toBe(label);
    await api.unlinkSource({ id: link.id });
    await stack.undo();
    expect(core.state().links).toEqual([link]);
    await stack.undo();
    expect(core.state().links).toEqual([]);
    await stack.redo();
    expect(core.state().links).toEqual([link]);
  });

  it('re-crediting a quote (unlink, then link at once) is one step', async () => {
    const { core, stack, api } = await setup();
    const q = await api.createAnnotation({ articleId: 'a', tagId: 'quote', start: 0, end: 5 });
    const s1 = await api.createAnnotation({ articleId: 'a', tagId: 'source', start: 6, end: 9 });
    const s2 = await api.createAnnotation({ articleId: 'a', tagId: 'source', start: 10, end: 12 });
    const refQ = { articleId: 'a', annotationId: q.id };
    await new Promise((r) => setTimeout(r, 1100));
    const old = await api.linkSource({ quote: refQ, source: { articleId: 'a', annotationId: s1.id } });
    await new Promise((r) => setTimeout(r, 1100));
    await api.unlinkSource({ id: old.id });
    const made = await api.linkSource({ quote: refQ, source: { articleId: 'a', annotationId: s2.id } });
    await stack.undo();
    expect(core.state().links).toEqual([old]);
    await stack.redo();
    expect(core.state().links).toEqual([made]);
  });

  it('rejecting all: undo offers those suggestions again, redo rejects them again', async () => {
    const { core, stack, api } = await setup();
    await api.decideSuggestions({ articleId: 'a', decision: 'reject' });
    expect(stack.nextUndoLabel).toBe('reject 2 suggestions');
    await stack.undo();
    expect(core.state().rejected).toEqual([]);
    await stack.redo();
    expect(core.state().rejected).toEqual(['x', 'y']);
  });

  it('accepting suggestions is undone by deleting what they made; a new change clears redo', async () => {
    const { core, stack, api } = await setup();
    const { created } = await api.decideSuggestions({ articleId: 'a', decision: 'accept', ids: ['x'] });
    await stack.undo();
    expect(core.state().annotations).toEqual([]);
    await api.createAnnotation({ articleId: 'b', tagId: 'quote', start: 0, end: 2 });
    expect(stack.canRedo).toBe(false);
    expect(created).toHaveLength(1);
  });

  it('adjudication: undoing a take deletes the consensus annotation it made, redo puts it back; a rejection reopens and rejects again', async () => {
    const { core, stack, api } = await setup();
    const coded = await core.api.createAnnotation({ articleId: 'a', tagId: 'quote', start: 0, end: 5 });
    const { created } = await api.settleDisagreement({ articleId: 'a', edited: { from: coded.id, start: 1, end: 5, tagId: 'source' } });
    expect(stack.nextUndoLabel).toBe('take an edited version into the consensus');
    await stack.undo();
    expect(core.state().annotations).toEqual([coded]);
    await stack.redo();
    expect(core.state().annotations).toEqual([coded, created[0]]);

    await api.settleDisagreement({ articleId: 'a', reject: 'k1' });
    expect(stack.nextUndoLabel).toBe('reject a disagreement');
    await stack.undo();
    expect(core.state().rejectedDisagreements).toEqual([]);
    await stack.redo();
    expect(core.state().rejectedDisagreements).toEqual(['k1']);
  });

  it('people index: undoing a merge withdraws the corrections it stored, redo restores them; a rename likewise', async () => {
    let stored: unknown[] = [];
    const entities = (ids: string[]) => ids.map((id) => ({ id, name: id.toUpperCase(), kind: 'person' as const, aliases: [], quotes: 1, annotations: 0, articles: ['a'] }));
    const core = {
      mergeEntities: async ({ into, from }) => {
        const corrections = from.map((f) => ({ op: 'merge' as const, into, from: f }));
        stored = [...stored, ...corrections];
        return { entities: entities([into]), problems: [], id: into, corrections };
      },
      renameEntity: async ({ id, name }) => {
        const corrections = [{ op: 'rename' as const, id, name }];
        stored = [...stored, ...corrections];
        return { entities: entities([id]), problems: [], id, corrections };
      },
      withdrawEntityCorrections: async ({ corrections }) => {
        stored = stored.filter((c) => !corrections.some((w) => JSON.stringify(w) === JSON.stringify(c)));
        return { entities: [], problems: [] };
      },
      restoreEntityCorrections: async ({ corrections }) => {
        stored = [...stored, ...corrections];
        return { entities: [], problems: [] };
      },
    } as Partial<TriangulateApi> as TriangulateApi;
    const stack = new UndoStack();
    const api = createUndoableApi(core, stack);

    await api.mergeEntities({ into: 'bondarev', from: ['browder', 'mr-b'] });
    expect(stack.nextUndoLabel).toBe('merge into BONDAREV');
    await api.renameEntity({ id: 'bondarev', name: 'Boris B.' });
    expect(stack.nextUndoLabel).toBe('rename as Boris B.');

    await stack.undo();
    expect(stored).toEqual([
      { op: 'merge', into: 'bondarev', from: 'browder' },
      { op: 'merge', into: 'bondarev', from: 'mr-b' },
    ]);
    const undone = await stack.undo();
    expect(undone).toMatchObject({ label: 'merge into BONDAREV', target: null });
    expect(stored).toEqual([]);
    await stack.redo();
    await stack.redo();
    expect(stored).toEqual([
      { op: 'merge', into: 'bondarev', from: 'browder' },
      { op: 'merge', into: 'bondarev', from: 'mr-b' },
      { op: 'rename', id: 'bondarev', name: 'Boris B.' },
    ]);
  });
});
