import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

describe('entity corrections: undo and redo', () => {
  it('withdrawing a merge gives both entities back with their quotes; restoring it merges them again', async () => {
    const core = await lib.open();
    const before = await core.listEntities({});
    const bondarev = before.entities.find((e) => e.name === 'Boris Bondarev')!;
    const browder = before.entities.find((e) => e.name === 'Bill Browder')!;
    expect(bondarev && browder).toBeTruthy();

    const merged = await core.mergeEntities({ into: bondarev.id, from: [browder.id] });
    expect(merged.corrections).toEqual([{ op: 'merge', into: bondarev.id, from: browder.id }]);
    expect(merged.entities.some((e) => e.id === browder.id)).toBe(false);

    const undone = await core.withdrawEntityCorrections({ corrections: merged.corrections });
    expect(undone.entities).toEqual(before.entities);
    expect((await core.listEntities({})).entities).toEqual(before.entities);
    expect(JSON.parse(await readFile(join(lib.dir(), 'entities.json'), 'utf8')).corrections).toEqual([]);

    const redone = await core.restoreEntityCorrections({ corrections: merged.corrections });
    expect(redone.entities).toEqual(merged.entities);
  });

  it('takes back only the given correction, the latest equal one, and keeps the others in order', async () => {
    const core = await lib.open();
    const bondarev = (await core.listEntities({})).entities.find((e) => e.name === 'Boris Bondarev')!;
    const first = await core.renameEntity({ id: bondarev.id, name: 'B. Bondarev' });
    await core.setEntityKind({ id: bondarev.id, kind: 'organisation' });
    await core.withdrawEntityCorrections({ corrections: first.corrections });
    const after = (await core.listEntities({})).entities.find((e) => e.id === bondarev.id)!;
    expect(after).toMatchObject({ name: 'Boris Bondarev', kind: 'organisation' });
  });

  it('refuses to take back a correction that is not stored, naming it, and changes nothing', async () => {
    const core = await lib.open();
    const bondarev = (await core.listEntities({})).entities.find((e) => e.name === 'Boris Bondarev')!;
    const renamed = await core.renameEntity({ id: bondarev.id, name: 'B. Bondarev' });
    await core.withdrawEntityCorrections({ corrections: renamed.corrections });
    await expect(core.withdrawEntityCorrections({ corrections: renamed.corrections })).rejects.toThrow(/no correction “rename "boris-bondarev" to B\. Bondarev”.*Nothing was changed/);
    await expect(core.withdrawEntityCorrections({ corrections: [{ op: 'kind', id: 'nobody', kind: 'person' }] })).rejects.toMatchObject({ code: 'not_found' });
    expect((await core.listEntities({})).entities.find((e) => e.id === bondarev.id)!.name).toBe('Boris Bondarev');
  });

  it('a restored correction that no longer applies is refused', async () => {
    const core = await lib.open();
    await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 12, attributes: { speaker: 'Zelda Nobody' } });
    const zelda = (await core.listEntities({})).entities.find((e) => e.name === 'Zelda Nobody')!;
    const renamed = await core.renameEntity({ id: zelda.id, name: 'Zelda N.' });
    await core.withdrawEntityCorrections({ corrections: renamed.corrections });
    // Her only annotation goes: there is no entity to rename any more.
    const annotation = (await core.listAllAnnotations({ speaker: 'zelda' })).rows[0]!;
    await core.deleteAnnotation({ articleId: SEED.A000, id: annotation.id });
    await expect(core.restoreEntityCorrections({ corrections: renamed.corrections })).rejects.toThrow(/no entity "zelda-nobody"/);
  });
});
