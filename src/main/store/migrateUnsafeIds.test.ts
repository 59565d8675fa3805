/**
 * A data folder written before the id rule, with ids that break it (a tag with
 * a space, a tag and an article named like Object's own properties, annotation
 * ids with "/" and " ", a group and a link with spaces), made by editing the
 * files of a real library by hand: it still opens, every id renamed and every
 * reference following, a copy kept, the change reported once.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { ID_RULE_MARKER } from './migrateUnsafeIds';
import { readDataHealth } from '../safety/readDataHealth';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A004 = '004_fe53cb2bbc3036b3';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(join(tmpdir(), 'triangulate-ids-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const readJson = async (file: string) => JSON.parse(await fs.readFile(join(dataDir, file), 'utf8'));
const writeJson = (file: string, value: unknown) => fs.writeFile(join(dataDir, file), JSON.stringify(value));
/** Replaces whole JSON string values (never keys): "old" → "new". */
const swap = (text: string, pairs: [string, string][]) =>
  pairs.reduce((t, [from, to]) => t.replace(new RegExp(`(:\\s*)${JSON.stringify(from)}`, 'g'), (_m, colon: string) => `${colon}${JSON.stringify(to)}`), text);

async function oldLibrary(): Promise<void> {
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false, newId: (() => { let n = 0; return () => `id${++n}`; })() });
  const quote = await core.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'the quote' });
  const source = await core.createAnnotation({ articleId: A004, tagId: 'source', start: 12, end: 20, note: 'the source' });
  await core.linkSource({ quote: { articleId: A004, annotationId: quote.id }, source: { articleId: A004, annotationId: source.id } });
  await core.createGroup({ label: 'One group', members: [{ articleId: A004, annotationId: quote.id }] });
  await core.close();
  // Now by hand, the ids an older version let through.
  const pairs: [string, string][] = [
    ['quote', 'my quote'],
    ['source', '__proto__'],
    [A004, 'constructor'],
    [quote.id, 'a/1'],
    [source.id, 'a 2'],
  ];
  const links = await readJson('links.json');
  links.groups[0].id = 'group one';
  links.sourceLinks[0].id = 'link one';
  await writeJson('links.json', links);
  for (const file of ['index.json', 'links.json', `annotations/${A004}.json`, `texts/${A004}.json`]) {
    await fs.writeFile(join(dataDir, file), swap(await fs.readFile(join(dataDir, file), 'utf8'), pairs));
  }
  await fs.rename(join(dataDir, 'annotations', `${A004}.json`), join(dataDir, 'annotations', 'constructor.json'));
  await fs.rename(join(dataDir, 'texts', `${A004}.json`), join(dataDir, 'texts', 'constructor.json'));
  await fs.rm(join(dataDir, ID_RULE_MARKER));
}

describe('ids that break the id rule, in a folder of an older version', () => {
  it('are renamed at start with every reference, a copy kept, and reported once', async () => {
    await oldLibrary();
    expect((await readDataHealth(dataDir)).damaged.length).toBeGreaterThan(0);

    const notices: string[] = [];
    const core = await createCore({ dataDir, corpusDir: CORPUS, backups: false, onNotice: (line) => notices.push(line) });
    expect(notices).toHaveLength(1);
    for (const change of ['tag id "my quote" is now "my_quote"', 'tag id "__proto__" is now "tag___proto__"', 'article id "constructor" is now "article_constructor"', 'annotation id "a/1" is now "a_1"', 'annotation id "a 2" is now "a_2"', 'group id "group one" is now "group_one"', 'link id "link one" is now "link_one"']) {
      expect(notices[0]).toContain(change);
    }
    expect((await core.getCodebook({})).map((t) => t.id)).toEqual(expect.arrayContaining(['my_quote', 'tag___proto__']));
    const annotations = await core.listAnnotations({ articleId: 'article_constructor' });
    expect(annotations.map((a) => [a.id, a.tagId, a.articleId, a.note])).toEqual([
      ['a_1', 'my_quote', 'article_constructor', 'the quote'],
      ['a_2', 'tag___proto__', 'article_constructor', 'the source'],
    ]);
    const article = (await core.listArticles({})).find((a) => a.id === 'article_constructor');
    expect(article?.counts).toMatchObject({ my_quote: 1, tag___proto__: 1 });
    expect((await core.getArticle({ id: 'article_constructor' })).text.length).toBeGreaterThan(100);
    expect((await core.listSourceLinks({})).map((l) => [l.id, l.quote.annotationId, l.source.annotationId, l.quote.articleId])).toEqual([['link_one', 'a_1', 'a_2', 'article_constructor']]);
    expect((await core.listGroups({})).map((g) => [g.id, g.members])).toEqual([['group_one', [{ articleId: 'article_constructor', annotationId: 'a_1' }]]]);
    await core.close();

    // The old files: kept in quarantine/, gone from the folder; the folder is healthy.
    const [kept] = (await fs.readdir(join(dataDir, 'quarantine'))).filter((n) => n.startsWith('before-id-migration.'));
    expect(await fs.readFile(join(dataDir, 'quarantine', kept!, 'RENAMED.txt'), 'utf8')).toContain('"my quote" is now "my_quote"');
    expect(await fs.readFile(join(dataDir, 'quarantine', kept!, 'annotations', 'constructor.json'), 'utf8')).toContain('"a/1"');
    await expect(fs.access(join(dataDir, 'texts', 'constructor.json'))).rejects.toThrow();
    expect((await readDataHealth(dataDir)).damaged).toEqual([]);

    // Reported once: the next start has nothing to say.
    const again: string[] = [];
    const next = await createCore({ dataDir, corpusDir: CORPUS, backups: false, onNotice: (line) => again.push(line) });
    expect((await next.listAnnotations({ articleId: 'article_constructor' })).length).toBe(2);
    await next.close();
    expect(again).toEqual([]);
  });

  it('are renamed the same way when the start that renamed them was killed part way', async () => {
    await oldLibrary();
    // Killed after the copy was made and the annotation file rewritten, before index.json: its tag ids are old, the annotations' new.
    const keep = join(dataDir, 'quarantine', 'id-migration-in-progress');
    await fs.mkdir(join(keep, 'annotations'), { recursive: true });
    await fs.mkdir(join(keep, 'texts'), { recursive: true });
    for (const file of ['index.json', 'links.json', 'annotations/constructor.json', 'texts/constructor.json']) await fs.copyFile(join(dataDir, file), join(keep, file));
    await fs.writeFile(join(keep, 'COMPLETE'), '');
    await fs.writeFile(join(dataDir, 'annotations', 'constructor.json'), swap(await fs.readFile(join(dataDir, 'annotations', 'constructor.json'), 'utf8'), [['my quote', 'my_quote']]));

    const core = await createCore({ dataDir, corpusDir: CORPUS, backups: false, onNotice: () => undefined });
    expect((await core.getCodebook({})).map((t) => t.id)).toContain('my_quote');
    expect((await core.getCodebook({})).map((t) => t.id)).not.toContain('my_quote_2');
    expect((await core.listAnnotations({ articleId: 'article_constructor' })).map((a) => a.tagId)).toEqual(['my_quote', 'tag___proto__']);
    await core.close();
    await expect(fs.access(keep)).rejects.toThrow();
  });

  it('leave a folder whose ids all meet the rule exactly as it was', async () => {
    const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
    await core.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: '' });
    await core.close();
    await fs.rm(join(dataDir, ID_RULE_MARKER));
    const before = await fs.readFile(join(dataDir, 'annotations', `${A004}.json`), 'utf8');
    const notices: string[] = [];
    const again = await createCore({ dataDir, corpusDir: CORPUS, backups: false, onNotice: (line) => notices.push(line) });
    await again.close();
    expect(notices).toEqual([]);
    expect(await fs.readFile(join(dataDir, 'annotations', `${A004}.json`), 'utf8')).toBe(before);
    await expect(fs.access(join(dataDir, 'quarantine'))).rejects.toThrow();
  });
});
