import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalArticleText } from '../shared/canonicalText';
import { AnnotationCollectionSchema, isTaggingAnnotation } from '../shared/w3cExport';
import { runExport } from './cliExport';
import { createCore } from './createCore';
import { recordingIo } from './recordingIo';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
const A002 = '002_38b56a2e379d189f';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function annotatedLibrary(): Promise<string> {
  const dataDir = join(dir, 'data');
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
  const text = (await core.getArticle({ id: A002 })).text;
  const at = text.indexOf('Boris Bondarev');
  await core.createAnnotation({ articleId: A002, tagId: 'source', start: at, end: at + 14 });
  await core.createAnnotation({ articleId: A002, tagId: 'claim', start: 0, end: 30 });
  await core.createAnnotation({ articleId: '000_9c2375f696f0b1fa', tagId: 'quote', start: 0, end: 6 });
  await core.close();
  return dataDir;
}

describe('runExport', () => {
  it('writes the W3C collection as pretty UTF-8 JSON and prints one summary line', async () => {
    const dataDir = await annotatedLibrary();
    const io = recordingIo(dir);
    expect(await runExport(['--data', 'data', '--out', 'export.json'], io)).toBe(0);
    const out = join(dir, 'export.json');
    expect(io.stdout).toEqual([`Exported 3 annotations from 2 articles to ${out}`]);
    expect(io.stderr).toEqual([]);

    const raw = await fs.readFile(out, 'utf8');
    expect(raw).toContain('\n  "@context": ');
    const collection = AnnotationCollectionSchema.parse(JSON.parse(raw));
    expect(collection.total).toBe(3);
    const text = canonicalArticleText(await fs.readFile(join(CORPUS, `${A002}.txt`), 'utf8')).text;
    const claim = collection.items.filter(isTaggingAnnotation).find((i) => i['triangulate:tagId'] === 'claim')!;
    const [quote, position] = claim.target.selector;
    expect(quote.exact).toBe(text.slice(0, 30));
    expect(quote.exact.startsWith('‘’For twenty years')).toBe(true);
    expect([position.start, position.end]).toEqual([0, 30]);
    expect(await fs.readdir(dataDir)).not.toContain('export.json');
  });

  it('replaces an existing export file', async () => {
    await annotatedLibrary();
    const out = join(dir, 'export.json');
    await fs.writeFile(out, 'old export');
    expect(await runExport(['--data', join(dir, 'data'), '--out', out], recordingIo(dir))).toBe(0);
    expect(AnnotationCollectionSchema.parse(JSON.parse(await fs.readFile(out, 'utf8'))).total).toBe(3);
  });

  it('exits 2 with the usage on stderr for missing or unknown options', async () => {
    for (const args of [['--data', dir], ['--out', 'x.json', '--verbose'], ['--out', 'x.json', 'extra']]) {
      const io = recordingIo(dir);
      expect(await runExport(args, io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('Usage: npm run cli -- export');
      expect(io.stdout).toEqual([]);
    }
  });

  it('exits 1 with one line naming the file when the library is corrupt, and changes nothing', async () => {
    const dataDir = await annotatedLibrary();
    const index = join(dataDir, 'index.json');
    await fs.writeFile(index, 'not json');
    const io = recordingIo(dir);
    expect(await runExport(['--data', dataDir, '--out', join(dir, 'export.json')], io)).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain(index);
    expect(await fs.readFile(index, 'utf8')).toBe('not json');
    await expect(fs.stat(join(dir, 'export.json'))).rejects.toThrow();
  });

  it('exits 1 when the data folder does not exist, without creating it', async () => {
    const io = recordingIo(dir);
    const missing = join(dir, 'nowhere');
    expect(await runExport(['--data', missing, '--out', join(dir, 'e.json')], io)).toBe(1);
    expect(io.stderr[0]).toContain(missing);
    await expect(fs.stat(missing)).rejects.toThrow();
  });

  it('refuses to write the export over one of the library’s own files', async () => {
    const dataDir = await annotatedLibrary();
    const target = join(dataDir, 'annotations', `${A002}.json`);
    const before = await fs.readFile(target, 'utf8');
    const io = recordingIo(dir);
    expect(await runExport(['--data', dataDir, '--out', target], io)).toBe(1);
    expect(await fs.readFile(target, 'utf8')).toBe(before);
  });

  it('exits 1 naming the output file when it cannot be written', async () => {
    const dataDir = await annotatedLibrary();
    const io = recordingIo(dir);
    const out = join(dir, 'no-such-folder', 'export.json');
    expect(await runExport(['--data', dataDir, '--out', out], io)).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain(out);
  });

  it('counts groups and source links in the summary, and never writes over links.json', async () => {
    const dataDir = await annotatedLibrary();
    const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
    const [claim] = await core.listAnnotations({ articleId: A002 });
    expect(claim!.tagId).toBe('claim');
    await core.createGroup({ label: 'Lede', members: [{ articleId: A002, annotationId: claim!.id }] });
    await core.close();
    const io = recordingIo(dir);
    expect(await runExport(['--data', dataDir, '--out', 'export.json'], io)).toBe(0);
    expect(io.stdout).toEqual([`Exported 3 annotations from 2 articles, 1 group and 0 source links to ${join(dir, 'export.json')}`]);

    const links = join(dataDir, 'links.json');
    const before = await fs.readFile(links, 'utf8');
    expect(await runExport(['--data', dataDir, '--out', links], recordingIo(dir))).toBe(1);
    expect(await fs.readFile(links, 'utf8')).toBe(before);
  });
});
