import * as fs from 'node:fs/promises';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { dispatch } from '../../shared/contract/dispatch';

/** The annotation files read (every read of a data file goes through readDataEntry), as article ids. */
const readFiles = vi.hoisted(() => [] as string[]);
vi.mock('../safety/readDataEntry', async (original) => {
  const real = await original<typeof import('../safety/readDataEntry')>();
  const seen = (path: string) => {
    if (/[/\\]annotations[/\\][^/\\]+\.json$/.test(path)) readFiles.push(path);
  };
  return {
    ...real,
    readDataEntry: (path: string) => (seen(path), real.readDataEntry(path)),
    readDataEntrySync: (path: string) => (seen(path), real.readDataEntrySync(path)),
  };
});
/** The articles whose annotation file was read since the last call, in order. */
const takeReads = (): string[] => readFiles.splice(0).map((path) => basename(path, '.json'));

const lib = useTestLibrary();
beforeEach(() => {
  readFiles.length = 0;
});

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
    // The library's first count (as its list at the first start): counts.json then holds every article.
    expect(await bo.listCoders({})).toEqual([]);
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

describe('the coders, from the counts index (issue 20: 100,000 articles)', () => {
  // Without the start's backup, which reads every file it copies.
  const BO = { name: 'Bo', annotations: 3, articleIds: [SEED.A002, SEED.A003] };
  /** Bo annotates A002 and A003 in one session; ana A000 and A003 in the next, still open. */
  async function twoCoders() {
    const bo = await lib.open({ creator: 'Bo', backups: false });
    await bo.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 0, end: 12 });
    await bo.createAnnotation({ articleId: SEED.A003, tagId: 'quote', start: 0, end: 12 });
    await bo.createAnnotation({ articleId: SEED.A003, tagId: 'source', start: 20, end: 30 });
    // The library's first count (as its list shows at the first start): counts.json then holds every article.
    expect(await bo.listCoders({})).toEqual([BO]);
    await bo.close();
    const ana = await lib.open({ creator: 'ana', backups: false });
    const mine = await ana.createAnnotation({ articleId: SEED.A000, tagId: 'claim', start: 0, end: 12 });
    await ana.createAnnotation({ articleId: SEED.A003, tagId: 'quote', start: 40, end: 50 });
    return { ana, mine };
  }

  it('right after saves by two coders: each with how many annotations in which articles, no annotation file read for it', async () => {
    const { ana } = await twoCoders();
    takeReads();
    expect(await ana.listCoders({})).toEqual([{ name: 'ana', annotations: 2, articleIds: [SEED.A000, SEED.A003] }, BO]);
    expect((await ana.setCoder({ name: 'bo' })).warning).toContain('Annotations by "Bo" are already in this library');
    expect(takeReads()).toEqual([]);
  });

  it('names only, when asked (a screen that needs no article ids): the same coders and counts without the ids; bad input is refused by the contract', async () => {
    const { ana } = await twoCoders();
    takeReads();
    // Through the contract, as both transports call it.
    expect(await dispatch(ana, 'listCoders', { articles: false })).toEqual([
      { name: 'ana', annotations: 2 },
      { name: 'Bo', annotations: 3 },
    ]);
    expect(await dispatch(ana, 'listCoders', { articles: true })).toEqual(await ana.listCoders({}));
    expect(takeReads()).toEqual([]);
    const bad = await apiRejection(dispatch(ana, 'listCoders', { articles: 'no' }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toContain('articles');
  });

  it('after a delete: a coder whose last annotation in an article is gone no longer lists it', async () => {
    const { ana, mine } = await twoCoders();
    await ana.deleteAnnotation({ articleId: SEED.A000, id: mine.id });
    takeReads();
    expect(await ana.listCoders({})).toEqual([{ name: 'ana', annotations: 1, articleIds: [SEED.A003] }, BO]);
    expect(takeReads()).toEqual([]);
  });

  it('after a restart: from counts.json, no annotation file read; the same-name warning too', async () => {
    const { ana } = await twoCoders();
    const before = await ana.listCoders({});
    await ana.close();
    takeReads();
    const again = await lib.open({ creator: undefined, backups: false });
    expect(await again.listCoders({})).toEqual(before);
    expect((await again.setCoder({ name: 'ANA' })).warning).toContain('Annotations by "ana" are already in this library');
    expect(takeReads()).toEqual([]);
  });

  it('after another program replaced an annotation file (a sync, a copy by hand): that file alone is read again', async () => {
    const { ana } = await twoCoders();
    await ana.close();
    // Bo's annotation in A002 becomes Cleo's, through a new file and a rename: annotations/ changes.
    const file = join(lib.dir(), 'annotations', `${SEED.A002}.json`);
    const held = JSON.parse(await fs.readFile(file, 'utf8')) as { annotations: { creator: string }[] };
    for (const a of held.annotations) a.creator = 'Cleo';
    await fs.writeFile(`${file}.tmp`, JSON.stringify(held));
    await fs.rename(`${file}.tmp`, file);
    takeReads();
    const again = await lib.open({ backups: false });
    expect(await again.listCoders({})).toEqual([
      { name: 'ana', annotations: 2, articleIds: [SEED.A000, SEED.A003] },
      { name: 'Bo', annotations: 2, articleIds: [SEED.A003] },
      { name: 'Cleo', annotations: 1, articleIds: [SEED.A002] },
    ]);
    expect(takeReads()).toEqual([SEED.A002]);
  });

  it('from a counts.json of an earlier version (counts per tag only): the files with annotations are read once, then kept', async () => {
    const { ana } = await twoCoders();
    const expected = await ana.listCoders({});
    await ana.close();
    // counts.json as the earlier version wrote it: the same, without the coders.
    const countsFile = join(lib.dir(), 'counts.json');
    const text = await fs.readFile(countsFile, 'utf8');
    const older = text.replace(/,"coders":\{[^}]*\}/g, '');
    expect(older).not.toBe(text);
    await fs.writeFile(countsFile, older);
    takeReads();
    const upgraded = await lib.open({ backups: false });
    expect(await upgraded.listCoders({})).toEqual(expected);
    // Only the articles that have annotations: the others have no coder to count.
    expect(takeReads().sort()).toEqual([SEED.A000, SEED.A002, SEED.A003].sort());
    await upgraded.close();
    const next = await lib.open({ backups: false });
    expect(await next.listCoders({})).toEqual(expected);
    expect(takeReads()).toEqual([]);
  });
});
