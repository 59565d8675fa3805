import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedContents, useTeamFolders } from '../../../tools/testSupport/teamFolders';
import { SEED } from '../../../tools/testSupport/useTestLibrary';
import type { Core } from './createCore';

const team = useTeamFolders();

/** Ana (open core) and Ben (a folder synced between his edits) share a library; `ben` edits his folder, then Ana syncs from the app. */
async function twoCoders(ana: Core, first: (ana: Core) => Promise<void>, ben: (ben: Core) => Promise<void>, mine: (ana: Core) => Promise<void>) {
  await first(ana);
  await team.sync('ana');
  await team.sync('ben');
  const b = await team.core('ben');
  await ben(b);
  await b.close();
  await team.sync('ben');
  await mine(ana);
  return ana.syncNow({});
}

describe('createSyncConflictService', { timeout: 60_000 }, () => {
  it('shows both versions of an annotation edited on both sides, with who and when, and restores the set-aside one (shared by the next sync)', async () => {
    const ana = await team.core('ana');
    try {
      let id = '';
      await twoCoders(
        ana,
        async (a) => void (id = (await a.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 })).id),
        async (b) => void (await b.updateAnnotation({ articleId: SEED.A000, id, note: 'ben says so' })),
        async (a) => void (await a.updateAnnotation({ articleId: SEED.A000, id, note: 'ana, later' })),
      );
      const { conflicts } = await ana.getSyncConflicts({});
      expect(conflicts).toHaveLength(1);
      const [c] = conflicts;
      expect(c).toMatchObject({ kind: 'annotation', id, kept: 'local', reason: 'edited on both sides', articleId: SEED.A000, restorable: true });
      expect(c!.articleTitle).toBeTruthy();
      const note = (v: { fields: { label: string; value: string }[] } | null | undefined) => v?.fields.find((f) => f.label === 'Note')?.value;
      expect(note(c!.current)).toBe('ana, later');
      expect(c!.current?.by).toBe('ana');
      expect(note(c!.setAside)).toBe('ben says so');
      expect(c!.setAside?.by).toBe('ben');
      expect(c!.setAside?.at).toMatch(/^2025-01-01T/);
      expect(c!.current?.fields.find((f) => f.label === 'Tag')?.value).toBe('Quote');
      // The key in the header's status names the same conflict.
      expect((await ana.getSyncStatus({})).conflicts[0]?.key).toBe(c!.key);

      const restored = await ana.restoreSyncConflict({ key: c!.key });
      expect(restored.changedArticles).toEqual([SEED.A000]);
      expect(restored.status.conflicts).toEqual([]);
      expect((await ana.getAnnotation({ articleId: SEED.A000, id })).note).toBe('ben says so');
      // The choice travels: after both sync, both folders hold Ben's note and nothing is reported again.
      const again = await ana.syncNow({});
      expect(again.newConflicts).toBe(0);
      await team.sync('ben');
      const benFile = (await sharedContents(join(team.root, 'ben')))[`annotations/${SEED.A000}.json`] as { annotations: { id: string; note: string }[] };
      expect(benFile.annotations.find((a) => a.id === id)?.note).toBe('ben says so');
      await expect(ana.restoreSyncConflict({ key: c!.key })).rejects.toThrow(/not in the list any more/);
    } finally {
      await ana.close();
    }
  });

  it('restoring a set-aside deletion deletes the annotation; dismissing keeps what the data holds and forgets only that conflict', async () => {
    const ana = await team.core('ana');
    try {
      let one = '';
      let two = '';
      await twoCoders(
        ana,
        async (a) => {
          one = (await a.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 })).id;
          two = (await a.createAnnotation({ articleId: SEED.A001, tagId: 'claim', start: 0, end: 10 })).id;
        },
        async (b) => {
          await b.deleteAnnotation({ articleId: SEED.A000, id: one });
          await b.updateAnnotation({ articleId: SEED.A001, id: two, note: 'ben' });
        },
        async (a) => {
          await a.updateAnnotation({ articleId: SEED.A000, id: one, note: 'kept by ana' });
          await a.updateAnnotation({ articleId: SEED.A001, id: two, note: 'ana' });
        },
      );
      const { conflicts } = await ana.getSyncConflicts({});
      const deleted = conflicts.find((c) => c.id === one)!;
      const edited = conflicts.find((c) => c.id === two)!;
      expect(deleted).toMatchObject({ reason: 'edited here, deleted there', kept: 'local', setAside: null, restorable: true });
      expect(deleted.current?.fields.find((f) => f.label === 'Note')?.value).toBe('kept by ana');

      const afterDismiss = await ana.dismissSyncConflict({ key: edited.key });
      expect(afterDismiss.conflicts.map((c) => c.id)).toEqual([one]);
      expect((await ana.getAnnotation({ articleId: SEED.A001, id: two })).note).toBe('ana');

      await ana.restoreSyncConflict({ key: deleted.key });
      expect((await ana.listAnnotations({ articleId: SEED.A000 })).map((a) => a.id)).not.toContain(one);
      expect((await ana.getSyncStatus({})).conflicts).toEqual([]);
    } finally {
      await ana.close();
    }
  });

  it("restores a group's set-aside label", async () => {
    const ana = await team.core('ana');
    try {
      let group = '';
      await twoCoders(
        ana,
        async (a) => {
          const x = await a.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 8 });
          group = (await a.createGroup({ label: 'first', members: [{ articleId: SEED.A000, annotationId: x.id }] })).id;
        },
        async (b) => void (await b.updateGroup({ id: group, label: 'ben’s label' })),
        async (a) => void (await a.updateGroup({ id: group, label: 'ana’s label' })),
      );
      const [c] = (await ana.getSyncConflicts({})).conflicts;
      expect(c).toMatchObject({ kind: 'group', id: group, restorable: true });
      expect(c!.setAside?.fields[0]).toEqual({ label: 'Label', value: 'ben’s label' });
      await ana.restoreSyncConflict({ key: c!.key });
      expect((await ana.listGroups({})).find((g) => g.id === group)?.label).toBe('ben’s label');
    } finally {
      await ana.close();
    }
  });

  it("restores a tag's set-aside name through the codebook's rules", async () => {
    const ana = await team.core('ana');
    try {
      const claim = async (c: Core, name: string) => {
        const tag = (await c.getCodebook({})).find((t) => t.id === 'claim')!;
        await c.saveTag({ tag: { ...tag, name } });
      };
      await twoCoders(
        ana,
        async () => undefined,
        (b) => claim(b, 'Claim (Ben)'),
        (a) => claim(a, 'Claim (Ana)'),
      );
      const [c] = (await ana.getSyncConflicts({})).conflicts;
      expect(c).toMatchObject({ kind: 'tag', id: 'claim', restorable: true });
      const names = [c!.current, c!.setAside].map((v) => v?.fields.find((f) => f.label === 'Name')?.value).sort();
      expect(names).toEqual(['Claim (Ana)', 'Claim (Ben)']);
      const setAsideName = c!.setAside!.fields.find((f) => f.label === 'Name')!.value;
      await ana.restoreSyncConflict({ key: c!.key });
      expect((await ana.getCodebook({})).find((t) => t.id === 'claim')?.name).toBe(setAsideName);
    } finally {
      await ana.close();
    }
  });

  it('a tag deleted on the other side and edited here is shown, not restored from here: the reason says where, and the conflict stays', async () => {
    const ana = await team.core('ana');
    try {
      await twoCoders(
        ana,
        async () => undefined,
        async (b) => void (await b.deleteTag({ id: 'claim', annotations: 'delete' })),
        async (a) => {
          const tag = (await a.getCodebook({})).find((t) => t.id === 'claim')!;
          await a.saveTag({ tag: { ...tag, description: 'edited by ana' } });
        },
      );
      const [c] = (await ana.getSyncConflicts({})).conflicts;
      expect(c).toMatchObject({ kind: 'tag', id: 'claim', setAside: null, restorable: false, why: expect.stringMatching(/Codebook screen/) });
      await expect(ana.restoreSyncConflict({ key: c!.key })).rejects.toThrow(/cannot be restored from here: To delete the tag, use the Codebook screen/);
      expect((await ana.getSyncStatus({})).conflicts).toHaveLength(1);
      expect((await ana.getCodebook({})).some((t) => t.id === 'claim')).toBe(true);
    } finally {
      await ana.close();
    }
  });
});
