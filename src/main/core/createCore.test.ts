import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalArticleText } from '../../shared/model/canonicalText';
import { AnnotationCollectionSchema, isTaggingAnnotation } from '../../shared/formats/w3c/w3cExport';
import { createCore, type Core, type CoreOptions } from './createCore';
import { makeBackup } from '../safety/makeBackup';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A002 = '002_38b56a2e379d189f';
const A004 = '004_fe53cb2bbc3036b3';
const PASSAGE = 'I regret to admit that over all these twenty years the level of lies and unprofessionalism';

let dir: string;
let open: Core[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-core-'));
});
afterEach(async () => {
  await Promise.all(open.map((core) => core.close()));
  open = [];
  await fs.rm(dir, { recursive: true, force: true });
});

/** A clock that moves one second per call, and ids n1, n2, … */
function fakes(): Pick<CoreOptions, 'now' | 'newId'> {
  let tick = 0;
  let id = 0;
  return { now: () => new Date(Date.UTC(2024, 0, 1, 12, 0, tick++)), newId: () => `n${++id}` };
}

async function core(options: Partial<CoreOptions> = {}): Promise<Core> {
  const c = await createCore({ dataDir: dir, corpusDir: CORPUS, creator: 'ana', ...fakes(), ...options });
  open.push(c);
  return c;
}

async function canonical(id: string): Promise<string> {
  return canonicalArticleText(await fs.readFile(join(CORPUS, `${id}.txt`), 'utf8')).text;
}

describe('createCore', () => {
  it('imports the default corpus into an empty folder', async () => {
    const c = await core();
    const articles = await c.listArticles({});
    expect(articles.map((a) => a.id)).toHaveLength(5);
    expect(articles[2]).toMatchObject({ id: A002, date: '2022-05-23' });
    expect(await c.getArticle({ id: A002 })).toMatchObject({ origin: `${A002}.txt` });
    expect(articles[2]!.counts).toEqual({ claim: 0, quote: 0, source: 0 });
    expect((await c.getArticle({ id: A002 })).text).toBe(await canonical(A002));
    expect((await c.getCodebook({})).map((t) => t.name)).toEqual(['Claim', 'Quote', 'Source']);
    expect((await fs.readdir(join(dir, 'texts'))).sort()).toHaveLength(5);
  });

  it('gives a library revision that changes with annotations, details and restarts, and not with reading', async () => {
    const c = await core();
    const before = await c.libraryRevision({});
    await c.listArticles({});
    await c.listAnnotations({ articleId: A002 });
    expect(await c.libraryRevision({})).toBe(before);

    const created = await c.createAnnotation({ articleId: A002, tagId: 'quote', start: 0, end: 5 });
    const afterCreate = await c.libraryRevision({});
    expect(afterCreate).not.toBe(before);
    await c.deleteAnnotation({ articleId: A002, id: created.id });
    expect(await c.libraryRevision({})).not.toBe(afterCreate);

    const beforeDetails = await c.libraryRevision({});
    await c.updateArticle({ id: A004, outlet: 'Reuters' });
    expect(await c.libraryRevision({})).not.toBe(beforeDetails);

    const last = await c.libraryRevision({});
    await c.close();
    open = [];
    expect(await (await core()).libraryRevision({})).not.toBe(last);
  });

  it('creates the data folder when it does not exist', async () => {
    const nested = join(dir, 'deeper', 'Triangulate');
    const c = await core({ dataDir: nested });
    expect(c.dataDir).toBe(nested);
    expect(await c.listArticles({})).toHaveLength(5);
  });

  it('creates an annotation with the quote taken from the canonical text, and keeps it across a restart', async () => {
    const text = await canonical(A002);
    const start = text.indexOf(PASSAGE);
    const first = await core();
    const created = await first.createAnnotation({
      articleId: A002,
      tagId: 'quote',
      start,
      end: start + PASSAGE.length,
      note: 'key line',
      attributes: { speaker: 'Lavrov', form: 'direct' },
    });
    expect(created).toEqual({
      id: 'n1',
      articleId: A002,
      tagId: 'quote',
      start,
      end: start + PASSAGE.length,
      exact: PASSAGE,
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + PASSAGE.length, start + PASSAGE.length + 32),
      note: 'key line',
      attributes: { speaker: 'Lavrov', form: 'direct' },
      creator: 'ana',
      created: '2024-01-01T12:00:00.000Z',
      modified: '2024-01-01T12:00:00.000Z',
    });
    await first.close();

    const second = await core();
    expect(await second.listAnnotations({ articleId: A002 })).toEqual([created]);
    const summary = (await second.listArticles({})).find((a) => a.id === A002)!;
    expect(summary.counts).toEqual({ claim: 0, quote: 1, source: 0 });
  });

  it('trims white space off both ends of a selection', async () => {
    const c = await core();
    const text = await canonical(A004);
    const word = 'Monday,';
    const at = text.indexOf(word);
    const created = await c.createAnnotation({ articleId: A004, tagId: 'claim', start: at - 1, end: at + word.length + 1 });
    expect(created.exact).toBe(word);
    expect([created.start, created.end]).toEqual([at, at + word.length]);
  });

  it('rejects bad selections with a clear message and saves nothing', async () => {
    const c = await core();
    const length = (await c.getArticle({ id: A004 })).text.length;
    const emptyLine = (await c.getArticle({ id: '000_9c2375f696f0b1fa' })).text.indexOf('\n\n');

    const unknownArticle = await apiRejection(c.createAnnotation({ articleId: 'nope', tagId: 'quote', start: 0, end: 3 }));
    expect(unknownArticle.code).toBe('not_found');
    expect(unknownArticle.message).toContain('nope');

    const unknownTag = await apiRejection(c.createAnnotation({ articleId: A004, tagId: 'rumour', start: 0, end: 3 }));
    expect(unknownTag.code).toBe('invalid_input');
    expect(unknownTag.message).toContain('rumour');

    const outside = await apiRejection(c.createAnnotation({ articleId: A004, tagId: 'quote', start: length - 2, end: length + 5 }));
    expect(outside.code).toBe('invalid_input');
    expect(outside.message).toContain(String(length));

    const blank = await apiRejection(
      c.createAnnotation({ articleId: '000_9c2375f696f0b1fa', tagId: 'quote', start: emptyLine, end: emptyLine + 2 }),
    );
    expect(blank.code).toBe('invalid_input');
    expect(blank.message).toBe('The selection holds only white space.');

    expect(await fs.readdir(join(dir, 'annotations'))).toEqual([]);
  });

  it('lists annotations in text order whatever order they were made in', async () => {
    const c = await core();
    const geneva = (await canonical(A004)).indexOf('Geneva');
    await c.createAnnotation({ articleId: A004, tagId: 'quote', start: geneva, end: geneva + 6 });
    await c.createAnnotation({ articleId: A004, tagId: 'claim', start: 3, end: 9 });
    await c.createAnnotation({ articleId: A004, tagId: 'source', start: 3, end: 6 });
    expect((await c.listAnnotations({ articleId: A004 })).map((a) => [a.start, a.end])).toEqual([
      [3, 6],
      [3, 9],
      [geneva, geneva + 6],
    ]);
  });

  it('retags and annotates a note, stamping the modification time only', async () => {
    const c = await core();
    const made = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9 });
    const retagged = await c.updateAnnotation({ articleId: A004, id: made.id, tagId: 'claim' });
    expect(retagged).toMatchObject({ tagId: 'claim', note: '', created: made.created });
    expect(retagged.modified > made.modified).toBe(true);
    const noted = await c.updateAnnotation({ articleId: A004, id: made.id, note: 'check this' });
    expect(noted).toMatchObject({ tagId: 'claim', note: 'check this', exact: made.exact, start: 3, end: 9 });
    expect((await c.listArticles({})).find((a) => a.id === A004)!.counts).toEqual({ claim: 1, quote: 0, source: 0 });

    expect((await apiRejection(c.updateAnnotation({ articleId: A004, id: 'ghost', note: 'x' }))).code).toBe('not_found');
    expect((await apiRejection(c.updateAnnotation({ articleId: A004, id: made.id, tagId: 'rumour' }))).code).toBe('invalid_input');
    expect((await c.listAnnotations({ articleId: A004 }))[0]).toEqual(noted);
  });

  it('records the coder of a note or attribute edit, keeping the annotation’s creator', async () => {
    const c = await core({ creator: 'ana' });
    const made = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9 });
    expect(made.modifiedBy).toBeUndefined();
    await c.close();
    const c1 = await core({ creator: 'bo' });
    const noted = await c1.updateAnnotation({ articleId: A004, id: made.id, note: 'bo checked this' });
    expect(noted).toMatchObject({ creator: 'ana', modifiedBy: 'bo' });
    await c1.close();
    const c2 = await core({ creator: 'cy' });
    const edited = await c2.updateAnnotation({ articleId: A004, id: made.id, attributes: {} });
    expect(edited).toMatchObject({ creator: 'ana', modifiedBy: 'cy' });
    expect((await c2.listAnnotations({ articleId: A004 }))[0]).toMatchObject({ creator: 'ana', modifiedBy: 'cy' });
  });

  it('checks attribute values against the codebook, replaces them on update and carries shared ones on a retag', async () => {
    const c = await core();
    const bad = await apiRejection(c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, attributes: { form: 'rumoured' } }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toContain('direct, indirect');
    expect(await c.listAnnotations({ articleId: A004 })).toEqual([]);

    const made = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, attributes: { speaker: 'Ana' } });
    const updated = await c.updateAnnotation({ articleId: A004, id: made.id, attributes: { form: 'indirect' } });
    expect(updated.attributes).toEqual({ form: 'indirect' });
    const wrong = await apiRejection(c.updateAnnotation({ articleId: A004, id: made.id, attributes: { checkable: true } }));
    expect(wrong.message).toBe('The tag "Quote" has no attribute "checkable".');
    const retagged = await c.updateAnnotation({ articleId: A004, id: made.id, tagId: 'claim' });
    expect(retagged.attributes).toEqual({});
    const both = await c.updateAnnotation({ articleId: A004, id: made.id, tagId: 'quote', attributes: { speaker: 'Bo', form: 'direct' } });
    expect((await c.listAnnotations({ articleId: A004 }))[0]).toEqual(both);
    expect(both.attributes).toEqual({ speaker: 'Bo', form: 'direct' });
  });

  it('deletes an annotation, and says so when it is already gone', async () => {
    const c = await core();
    const made = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9 });
    expect(await c.deleteAnnotation({ articleId: A004, id: made.id })).toEqual({
      deleted: true,
      removed: { annotation: made, groups: [], sourceLinks: [] },
    });
    expect(await c.listAnnotations({ articleId: A004 })).toEqual([]);
    expect((await c.listArticles({})).find((a) => a.id === A004)!.counts.quote).toBe(0);
    const again = await apiRejection(c.deleteAnnotation({ articleId: A004, id: made.id }));
    expect(again.code).toBe('not_found');
  });

  it('does not let a caller change stored annotations through a returned object', async () => {
    const c = await core();
    const made = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9 });
    made.note = 'mutated';
    (await c.listAnnotations({ articleId: A004 }))[0]!.tagId = 'claim';
    expect((await c.listAnnotations({ articleId: A004 }))[0]).toMatchObject({ note: '', tagId: 'quote' });
  });

  it('exports a valid W3C collection whose selectors match the canonical texts', async () => {
    const c = await core();
    const t002 = await canonical(A002);
    const s = t002.indexOf(PASSAGE);
    await c.createAnnotation({ articleId: A004, tagId: 'claim', start: 0, end: 10, note: 'lede' });
    await c.createAnnotation({ articleId: A002, tagId: 'quote', start: s, end: s + PASSAGE.length });
    const collection = AnnotationCollectionSchema.parse(await c.exportW3C({}));
    expect(collection.total).toBe(2);
    const items = collection.first.items.filter(isTaggingAnnotation);
    expect(items.map((i) => i.target.source.id)).toEqual([
      `urn:triangulate:article:${A002}`,
      `urn:triangulate:article:${A004}`,
    ]);
    for (const item of items) {
      const id = item.target.source.id.split(':').at(-1)!;
      const text = await canonical(id);
      const [quote, position] = item.target.selector;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      expect(text.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
    }
    expect(items[0]!.body[0]!.value).toBe('Quote');
    expect(items[1]!.body[1]!.value).toBe('lede');
  });

  it('refuses a corrupt index.json, naming it, and writes nothing', async () => {
    await (await core()).close();
    const file = join(dir, 'index.json');
    await fs.writeFile(file, '{"schemaVersion": 1, "articles": [');
    const before = (await fs.readdir(dir, { recursive: true })).sort();
    const error = await apiRejection(createCore({ dataDir: dir, corpusDir: CORPUS }));
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain(file);
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "articles": [');
    expect((await fs.readdir(dir, { recursive: true })).sort()).toEqual(before);
  });

  it('fails clearly when the default corpus is missing, leaving no half-made library', async () => {
    const missing = join(dir, 'no-corpus');
    const error = await apiRejection(createCore({ dataDir: join(dir, 'data'), corpusDir: missing }));
    expect(error.message).toContain(missing);
    await expect(fs.stat(join(dir, 'data', 'index.json'))).rejects.toThrow();
  });

  it('uses the library’s creator setting when no creator is given', async () => {
    await (await core({ creator: 'first-user' })).close();
    const c = await core({ creator: undefined });
    expect((await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9 })).creator).toBe('first-user');
  });

  it('refuses calls after close', async () => {
    const c = await core();
    await c.close();
    await expect(c.listArticles({})).rejects.toThrow(/closed/);
  });

  it('backs the library up into backups/ when it opens, unless told not to', async () => {
    await (await core()).close();
    expect(await fs.readdir(join(dir, 'backups'))).toHaveLength(1);
    const quiet = await core({ backups: false });
    await quiet.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'kept' });
    await quiet.close();
    expect(await fs.readdir(join(dir, 'backups'))).toHaveLength(1);
    await (await core()).close(); // opened after a change: a second backup, holding the note
    const names = (await fs.readdir(join(dir, 'backups'))).sort();
    expect(names).toHaveLength(2);
    expect(await fs.readFile(join(dir, 'backups', names[1]!, 'annotations', `${A004}.json`), 'utf8')).toContain('"kept"');
  });
});

describe('createCore: annotations in groups and links', () => {
  const ref = (articleId: string, annotationId: string) => ({ articleId, annotationId });

  it('deleting an annotation takes it out of every group and link, and deletes a group it leaves empty', async () => {
    const c = await core();
    const q2 = await c.createAnnotation({ articleId: A002, tagId: 'quote', start: 0, end: 10 });
    const s2 = await c.createAnnotation({ articleId: A002, tagId: 'source', start: 20, end: 30 });
    const q4 = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 0, end: 10 });
    const both = await c.createGroup({ label: 'Both', members: [ref(A002, q2.id), ref(A004, q4.id)] });
    await c.createGroup({ label: 'Only 002', members: [ref(A002, q2.id)] });
    await c.linkSource({ quote: ref(A002, q2.id), source: ref(A002, s2.id) });

    await c.deleteAnnotation({ articleId: A002, id: q2.id });
    const groups = await c.listGroups({});
    expect(groups).toEqual([{ ...both, members: [ref(A004, q4.id)], modified: expect.any(String) }]);
    expect(groups[0]!.modified > both.modified).toBe(true);
    expect(await c.listSourceLinks({})).toEqual([]);
    expect(await (await core()).listGroups({})).toEqual(groups);
  });

  it('plain annotation saves never write links.json', async () => {
    const c = await core();
    const a = await c.createAnnotation({ articleId: A002, tagId: 'quote', start: 0, end: 10 });
    await c.updateAnnotation({ articleId: A002, id: a.id, note: 'n' });
    await c.deleteAnnotation({ articleId: A002, id: a.id });
    await expect(fs.stat(join(dir, 'links.json'))).rejects.toThrow();
  });

  it('refuses to delete an annotation while links.json is corrupt, and keeps both', async () => {
    const c = await core();
    const a = await c.createAnnotation({ articleId: A002, tagId: 'quote', start: 0, end: 10 });
    await c.close();
    await fs.writeFile(join(dir, 'links.json'), '{"schemaVersion": 1, "groups": 3');
    const reopened = await core();
    const error = await apiRejection(reopened.deleteAnnotation({ articleId: A002, id: a.id }));
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain('links.json');
    expect(await reopened.listAnnotations({ articleId: A002 })).toEqual([a]);
    expect(await fs.readFile(join(dir, 'links.json'), 'utf8')).toBe('{"schemaVersion": 1, "groups": 3');
  });

  it('exports groups and source links as linking annotations that validate', async () => {
    const c = await core();
    const q = await c.createAnnotation({ articleId: A002, tagId: 'quote', start: 0, end: 10 });
    const s = await c.createAnnotation({ articleId: A002, tagId: 'source', start: 20, end: 30 });
    const q4 = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 0, end: 10 });
    const group = await c.createGroup({ label: 'Opening', members: [ref(A002, q.id), ref(A004, q4.id)] });
    const link = await c.linkSource({ quote: ref(A002, q.id), source: ref(A002, s.id) });
    const collection = AnnotationCollectionSchema.parse(await c.exportW3C({}));
    expect(collection.total).toBe(5);
    const linking = collection.first.items.filter((i) => i.motivation === 'linking');
    expect(linking).toEqual([
      expect.objectContaining({
        id: `urn:triangulate:group:${group.id}`,
        body: [expect.objectContaining({ type: 'TextualBody', purpose: 'describing', value: 'Opening', format: 'text/plain' })],
        target: [`urn:triangulate:annotation:${q.id}`, `urn:triangulate:annotation:${q4.id}`],
      }),
      expect.objectContaining({
        id: `urn:triangulate:link:${link.id}`,
        'triangulate:relation': 'creditedBy',
        target: [`urn:triangulate:annotation:${q.id}`, `urn:triangulate:annotation:${s.id}`],
      }),
    ]);
  });
});

describe('createCore recovery', () => {
  it('names a file damaged while it runs, restores it from the backup and then serves what the backup holds', async () => {
    const c = await core({ backups: false });
    const a = await c.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'backed up' });
    const group = await c.createGroup({ label: 'In the backup', members: [{ articleId: A004, annotationId: a.id }] });
    expect(await c.getDataHealth({})).toEqual({ damaged: [], latestBackup: null });
    await makeBackup(dir, { now: () => new Date('2024-05-01T12:00:00.000Z') });
    // Read (and kept in memory) after the backup, then damaged on disk by something else.
    await c.updateAnnotation({ articleId: A004, id: a.id, note: 'after the backup' });
    await c.updateGroup({ id: group.id, label: 'After the backup' });
    await fs.writeFile(join(dir, 'annotations', `${A004}.json`), 'garbage');
    await fs.writeFile(join(dir, 'links.json'), '{"schemaVersion": 1');

    const health = await c.getDataHealth({});
    expect(health.damaged.map((d) => d.file)).toEqual([`annotations/${A004}.json`, 'links.json']);
    expect(health.latestBackup).toEqual({ name: '2024-05-01T12-00-00.000Z', time: '2024-05-01T12:00:00.000Z' });

    const report = await c.restoreFromBackup({});
    expect(report.restored.map((r) => r.file)).toEqual([`annotations/${A004}.json`, 'links.json']);
    expect(report.unrecoverable).toEqual([]);
    expect((await c.listAnnotations({ articleId: A004 })).map((x) => x.note)).toEqual(['backed up']);
    expect((await c.listGroups({})).map((g) => g.label)).toEqual(['In the backup']);
    expect((await c.getDataHealth({})).damaged).toEqual([]);
    // New saves go on from the restored file.
    await c.updateAnnotation({ articleId: A004, id: a.id, note: 'after the restore' });
    expect(await fs.readFile(join(dir, 'annotations', `${A004}.json`), 'utf8')).toContain('after the restore');
  });
});
