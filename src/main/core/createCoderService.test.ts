import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();

describe('the coder', () => {
  it('is not chosen in a new data folder; choosing one is stored in the folder and new work records it', async () => {
    const core = await lib.open({ creator: undefined });
    const first = await core.getCoder({});
    expect(first.chosen).toBe(false);
    expect(first.name).not.toBe('');

    const set = await core.setCoder({ name: '  Anna Berg ', initials: 'AB', colour: '#aa3300' });
    expect(set).toEqual({ name: 'Anna Berg', initials: 'AB', colour: '#aa3300', chosen: true, warning: null });
    const a = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10 });
    expect(a.creator).toBe('Anna Berg');
    const b = await core.createAnnotation({ articleId: SEED.A000, tagId: 'source', start: 20, end: 30 });
    const group = await core.createGroup({ label: 'g', members: [{ articleId: SEED.A000, annotationId: a.id }] });
    expect(group.creator).toBe('Anna Berg');
    const link = await core.linkSource({ quote: { articleId: SEED.A000, annotationId: a.id }, source: { articleId: SEED.A000, annotationId: b.id } });
    expect(link.creator).toBe('Anna Berg');

    // Kept in the data folder: a later start knows the coder and does not ask again.
    await core.close();
    const index = JSON.parse(await fs.readFile(join(lib.dir(), 'index.json'), 'utf8'));
    expect(index.settings).toMatchObject({ creator: 'Anna Berg', coderChosen: true, coderInitials: 'AB', coderColour: '#aa3300' });
    const again = await lib.open({ creator: undefined });
    expect(await again.getCoder({})).toEqual({ name: 'Anna Berg', initials: 'AB', colour: '#aa3300', chosen: true });
  });

  it('changing the name keeps the creators of what exists; initials and colour stay unless given', async () => {
    const core = await lib.open({ creator: undefined });
    await core.setCoder({ name: 'Anna', initials: 'AN', colour: '#112233' });
    const before = await core.createAnnotation({ articleId: SEED.A001, tagId: 'quote', start: 0, end: 10 });
    const renamed = await core.setCoder({ name: 'Anna B.' });
    expect(renamed).toMatchObject({ name: 'Anna B.', initials: 'AN', colour: '#112233' });
    const after = await core.createAnnotation({ articleId: SEED.A001, tagId: 'quote', start: 20, end: 30 });
    const list = await core.listAnnotations({ articleId: SEED.A001 });
    expect(list.find((x) => x.id === before.id)!.creator).toBe('Anna');
    expect(list.find((x) => x.id === after.id)!.creator).toBe('Anna B.');
    expect(await core.listCoders({})).toEqual([
      { name: 'Anna', annotations: 1, articleIds: [SEED.A001] },
      { name: 'Anna B.', annotations: 1, articleIds: [SEED.A001] },
    ]);
  });

  it('warns when the name is another coder’s already, even in another case', async () => {
    const bo = await lib.open({ creator: 'Bo' });
    await bo.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 0, end: 12 });
    await bo.close();
    const core = await lib.open({ creator: undefined });
    const warned = await core.setCoder({ name: 'BO' });
    expect(warned.warning).toContain('Annotations by "Bo" are already in this library');
    expect(warned.name).toBe('BO');
    // Choosing another name, then it again (a settings visit), is no clash with oneself.
    expect((await core.setCoder({ name: 'Cleo' })).warning).toBeNull();
    expect((await core.setCoder({ name: 'cleo' })).warning).toBeNull();
  });

  it('refuses a bad name, initials or colour with the reason, storing nothing', async () => {
    const core = await lib.open({ creator: undefined });
    for (const input of [{ name: ' ' }, { name: 'a\nb' }, { name: 'x'.repeat(101) }, { name: 'Ok', initials: 'ABCD' }, { name: 'Ok', colour: 'red' }]) {
      const error = await apiRejection(core.setCoder(input));
      expect(error.code).toBe('invalid_input');
    }
    expect((await core.getCoder({})).chosen).toBe(false);
  });

  it('a session with a coder of its own (the CLI’s --coder) counts as chosen and records that name', async () => {
    const core = await lib.open({ creator: 'cli-coder' });
    expect(await core.getCoder({})).toMatchObject({ name: 'cli-coder', chosen: true });
    expect((await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 5 })).creator).toBe('cli-coder');
  });
});
