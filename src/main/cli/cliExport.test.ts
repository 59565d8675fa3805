import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalArticleText } from '../../shared/model/canonicalText';
import { AnnotationCollectionSchema, isTaggingAnnotation } from '../../shared/formats/w3c/w3cExport';
import Papa from 'papaparse';
import { ProjectFileSchema } from '../../shared/formats/project/projectFile';
import { runExport } from './cliExport';
import { runImportAnnotations } from './cliImportAnnotations';
import { createCore } from '../core/createCore';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { checkConformance, loadAssertions } from '../export/w3cConformance';
import { QUOTE_CACHE_FILE } from '../store/quoteCache';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A002 = '002_38b56a2e379d189f';

const dir = useTempDir('triangulate-cli-');

async function annotatedLibrary(): Promise<string> {
  const dataDir = join(dir(), 'data');
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
    const io = recordingIo(dir());
    expect(await runExport(['--data', 'data', '--out', 'export.json'], io)).toBe(0);
    const out = join(dir(), 'export.json');
    expect(io.stdout).toEqual([`Exported 3 annotations from 2 articles to ${out}`]);
    expect(io.stderr).toEqual([]);

    const raw = await fs.readFile(out, 'utf8');
    expect(raw).toContain('\n  "@context": ');
    const collection = AnnotationCollectionSchema.parse(JSON.parse(raw));
    expect(collection.total).toBe(3);
    const text = canonicalArticleText(await fs.readFile(join(CORPUS, `${A002}.txt`), 'utf8')).text;
    const claim = collection.first.items.filter(isTaggingAnnotation).find((i) => i['triangulate:tagId'] === 'claim')!;
    const [quote, position] = claim.target.selector;
    expect(quote.exact).toBe(text.slice(0, 30));
    expect(quote.exact.startsWith('‘’For twenty years')).toBe(true);
    expect([position.start, position.end]).toEqual([0, 30]);
    expect(await fs.readdir(dataDir)).not.toContain('export.json');
    // No annotation names a speaker or source: the people index (quote detection over every article) was never built.
    await expect(fs.stat(join(dataDir, QUOTE_CACHE_FILE))).rejects.toThrow();
    expect(collection.first.items.filter(isTaggingAnnotation).some((i) => 'triangulate:speakerName' in i)).toBe(false);
  });

  it('replaces an existing export file', async () => {
    await annotatedLibrary();
    const out = join(dir(), 'export.json');
    await fs.writeFile(out, 'old export');
    expect(await runExport(['--data', join(dir(), 'data'), '--out', out], recordingIo(dir()))).toBe(0);
    expect(AnnotationCollectionSchema.parse(JSON.parse(await fs.readFile(out, 'utf8'))).total).toBe(3);
  });

  it('exits 2 with the usage on stderr for missing or unknown options', async () => {
    for (const args of [['--data', dir()], ['--out', 'x.json', '--verbose'], ['--out', 'x.json', 'extra']]) {
      const io = recordingIo(dir());
      expect(await runExport(args, io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('Usage: npm run cli -- export');
      expect(io.stdout).toEqual([]);
    }
  });

  it('exits 1 with one line naming the file when the library is corrupt, and changes nothing', async () => {
    const dataDir = await annotatedLibrary();
    const index = join(dataDir, 'index.json');
    await fs.writeFile(index, 'not json');
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--out', join(dir(), 'export.json')], io)).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain(index);
    expect(await fs.readFile(index, 'utf8')).toBe('not json');
    await expect(fs.stat(join(dir(), 'export.json'))).rejects.toThrow();
  });

  it('exits 1 when the data folder does not exist, without creating it', async () => {
    const io = recordingIo(dir());
    const missing = join(dir(), 'nowhere');
    expect(await runExport(['--data', missing, '--out', join(dir(), 'e.json')], io)).toBe(1);
    expect(io.stderr[0]).toContain(missing);
    await expect(fs.stat(missing)).rejects.toThrow();
  });

  it('refuses to write the export over one of the library’s own files', async () => {
    const dataDir = await annotatedLibrary();
    const target = join(dataDir, 'annotations', `${A002}.json`);
    const before = await fs.readFile(target, 'utf8');
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--out', target], io)).toBe(1);
    expect(await fs.readFile(target, 'utf8')).toBe(before);
  });

  it('exits 1 naming the output file when it cannot be written', async () => {
    const dataDir = await annotatedLibrary();
    const io = recordingIo(dir());
    const out = join(dir(), 'no-such-folder', 'export.json');
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
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--out', 'export.json'], io)).toBe(0);
    expect(io.stdout).toEqual([`Exported 3 annotations from 2 articles, 1 group and 0 source links to ${join(dir(), 'export.json')}`]);

    const links = join(dataDir, 'links.json');
    const before = await fs.readFile(links, 'utf8');
    expect(await runExport(['--data', dataDir, '--out', links], recordingIo(dir()))).toBe(1);
    expect(await fs.readFile(links, 'utf8')).toBe(before);
  });
});

describe('runExport --format', () => {
  const NOW = new Date('2024-06-01T10:00:00.000Z');
  const now = () => NOW;

  async function libraryWithLinks(): Promise<string> {
    const dataDir = await annotatedLibrary();
    const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
    const list = await core.listAnnotations({ articleId: A002 });
    const claim = list.find((a) => a.tagId === 'claim')!;
    const source = list.find((a) => a.tagId === 'source')!;
    await core.updateAnnotation({ articleId: A002, id: source.id, note: 'said, "on the record"\nto Reuters', attributes: { name: 'Boris Bondarev', kind: 'official' } });
    await core.createGroup({ label: 'Lede, first', members: [{ articleId: A002, annotationId: claim.id }, { articleId: A002, annotationId: source.id }] });
    await core.close();
    return dataDir;
  }

  it('streams the W3C collection byte for byte as the JSON of the in-memory export', async () => {
    const dataDir = await libraryWithLinks();
    expect(await runExport(['--data', dataDir, '--out', 'w3c.json', '--format', 'w3c'], recordingIo(dir()), { now })).toBe(0);
    const core = await createCore({ dataDir, corpusDir: CORPUS, now, backups: false });
    const inMemory = await core.exportW3C({});
    await core.close();
    expect(await fs.readFile(join(dir(), 'w3c.json'), 'utf8')).toBe(`${JSON.stringify(inMemory, null, 2)}\n`);
    const source = inMemory.first.items.filter(isTaggingAnnotation).find((i) => i['triangulate:tagId'] === 'source')!;
    expect(source['triangulate:attributes']).toEqual({ name: 'Boris Bondarev', kind: 'official' });
    expect(source.creator.name).toBe('ana');
  });

  it('streams the project file byte for byte as exportProject, and restores it into an empty folder that exports the same again', async () => {
    const dataDir = await libraryWithLinks();
    // A correction of the people index: the file carries it, and the Source's canonical name after it.
    const renamer = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
    const bondarev = (await renamer.listEntities({})).entities.find((e) => e.name === 'Boris Bondarev')!;
    await renamer.renameEntity({ id: bondarev.id, name: 'Boris B. Bondarev' });
    await renamer.close();
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--out', 'project.json', '--format', 'project'], io, { now })).toBe(0);
    expect(io.stdout).toEqual([`Exported the project: 5 articles, 3 annotations, 1 group and 0 source links to ${join(dir(), 'project.json')}`]);
    const raw = await fs.readFile(join(dir(), 'project.json'), 'utf8');
    const core = await createCore({ dataDir, corpusDir: CORPUS, now, backups: false });
    const inMemory = await core.exportProject({});
    await core.close();
    expect(raw).toBe(`${JSON.stringify(inMemory, null, 2)}\n`);
    const parsed = ProjectFileSchema.parse(JSON.parse(raw));
    expect(parsed.articles).toHaveLength(5);
    expect(parsed.entityCorrections).toEqual([{ op: 'rename', id: bondarev.id, name: 'Boris B. Bondarev' }]);
    expect(parsed.articles.flatMap((a) => a.annotations).find((a) => a.tagId === 'source')).toMatchObject({ speakerId: bondarev.id, speakerName: 'Boris B. Bondarev' });

    const importIo = recordingIo(dir());
    expect(await runImportAnnotations(['--data', 'empty', 'project.json'], importIo)).toBe(0);
    expect(importIo.stdout).toEqual([
      `Restored the project from ${join(dir(), 'project.json')}: 5 articles, 3 tags, 3 annotations, 1 group and 0 source links`,
      'Added 1 correction of the people index (merges, renames, kinds, splits)',
    ]);
    expect(importIo.stderr).toEqual([]);
    const later = () => new Date('2025-01-01T00:00:00.000Z');
    expect(await runExport(['--data', 'empty', '--out', 'again.json', '--format', 'project'], recordingIo(dir()), { now: later })).toBe(0);
    const again = await fs.readFile(join(dir(), 'again.json'), 'utf8');
    expect(again.replace('"2025-01-01T00:00:00.000Z"', `"${NOW.toISOString()}"`)).toBe(raw);

    // Imported a second time, nothing is added.
    const secondIo = recordingIo(dir());
    expect(await runImportAnnotations(['--data', 'empty', 'project.json'], secondIo)).toBe(0);
    expect(secondIo.stdout[0]).toContain('Merged the project');
    expect(secondIo.stdout[0]).toContain('0 annotations (3 already there, skipped)');
  });

  it('writes a .qdpx that import-annotations restores into an empty folder with every article, annotation, note, group and coder, and merges back without doubling', async () => {
    const dataDir = await libraryWithLinks();
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--out', 'lib.qdpx', '--format', 'qdpx'], io, { now })).toBe(0);
    expect(io.stdout).toEqual([`Exported 5 articles and 3 annotations as a REFI-QDA project (.qdpx) to ${join(dir(), 'lib.qdpx')}`]);
    const bytes = await fs.readFile(join(dir(), 'lib.qdpx'));
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);

    const restore = recordingIo(dir());
    expect(await runImportAnnotations(['--data', 'restored', 'lib.qdpx'], restore)).toBe(0);
    expect(restore.stdout[0]).toMatch(/^Restored the project from .*lib\.qdpx: 5 articles, 3 tags, 3 annotations, 1 group and 0 source links$/);
    const shape = async (folder: string) => {
      const core = await createCore({ dataDir: folder, corpusDir: CORPUS, backups: false });
      const project = await core.exportProject({});
      await core.close();
      return {
        articles: project.articles.map((a) => [a.id, a.title, a.hash, a.annotations.map((n) => [n.tagId, n.start, n.end, n.note, n.creator, n.attributes])]),
        tags: project.codebook.map((t) => [t.id, t.name, t.color]),
        groups: project.groups.map((g) => [g.label, g.members.length]),
      };
    };
    expect(await shape(join(dir(), 'restored'))).toEqual(await shape(dataDir));

    const again = recordingIo(dir());
    expect(await runImportAnnotations(['--data', dataDir, 'lib.qdpx'], again)).toBe(0);
    expect(again.stdout[0]).toMatch(/^Merged the project from .*: 0 articles, 0 tags, 0 annotations \(3 already there, skipped\)/);
  });

  it('writes CSV with a BOM and a header, one row per annotation, that parses back', async () => {
    const dataDir = await libraryWithLinks();
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--out', 'a.csv', '--format', 'csv'], io)).toBe(0);
    expect(io.stdout).toEqual([`Exported 3 annotations from 2 articles as CSV to ${join(dir(), 'a.csv')}`]);
    const raw = await fs.readFile(join(dir(), 'a.csv'), 'utf8');
    expect(raw.startsWith('\uFEFFannotation_id,article_id,article_title,outlet,date,author,url,tag_id,tag,')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(raw.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3);
    const source = parsed.data.find((r) => r.tag_id === 'source')!;
    expect(source).toMatchObject({ article_id: A002, tag: 'Source', exact: 'Boris Bondarev', exact_raw: 'Boris Bondarev', 'source.name': 'Boris Bondarev', 'source.kind': 'official', note: 'said, "on the record"\nto Reuters', creator: 'ana', groups: 'Lede, first' });
    expect(source.article_title).toBeTruthy();
    const core = await createCore({ dataDir, corpusDir: CORPUS, backups: false });
    expect(await core.exportCsv({})).toEqual({ csv: raw, annotations: 3 });
    await core.close();
  });

  it('exits 2 naming a format it does not know, and 1 for a folder that holds no library', async () => {
    const io = recordingIo(dir());
    expect(await runExport(['--out', 'x', '--format', 'xml'], io)).toBe(2);
    expect(io.stderr[0]).toBe('triangulate export: --format must be one of w3c, project, csv, qdpx, passim, not "xml"');
    const empty = recordingIo(dir());
    expect(await runExport(['--data', dir(), '--out', 'x.json'], empty)).toBe(1);
    expect(empty.stderr).toEqual([`triangulate export: the data folder ${dir()} holds no library (no index.json)`]);
    expect(await fs.readdir(dir())).toEqual([]);
  });
});

describe('runExport and characters outside the BMP', () => {
  it('writes an emoji quote as its exact UTF-8 bytes in the CSV; a range splitting it is refused', async () => {
    const dataDir = join(dir(), 'data');
    const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
    const text = 'The crowd chanted 🎯 again and again.';
    const { imported } = await core.importArticles({ files: [{ name: 'emoji.txt', data: Buffer.from(text).toString('base64') }] });
    const articleId = imported[0]!.id;
    const stored = (await core.getArticle({ id: articleId })).text;
    const at = stored.indexOf('🎯');
    await expect(core.createAnnotation({ articleId, tagId: 'quote', start: at + 1, end: at + 8 })).rejects.toThrow(/starts inside a character/);
    await expect(core.createAnnotation({ articleId, tagId: 'quote', start: at - 8, end: at + 1 })).rejects.toThrow(/ends inside a character/);
    await core.createAnnotation({ articleId, tagId: 'quote', start: at, end: at + 8 });
    await core.close();
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--out', 'e.csv', '--format', 'csv'], io)).toBe(0);
    const bytes = await fs.readFile(join(dir(), 'e.csv'));
    expect(bytes.includes(Buffer.from('🎯 again', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from('\uFFFD', 'utf8'))).toBe(false);
  });
});

describe('export --format w3c --page-size N', () => {
  it('--page-size N writes the collection with first/last pointing at AnnotationPages linked by next/prev, each page in its own file; the suite\'s MUSTs hold', async () => {
    await annotatedLibrary();
    const now = () => new Date('2024-07-01T00:00:00.000Z');
    const io = recordingIo(dir());
    expect(await runExport(['--data', 'data', '--out', 'export.json', '--page-size', '2'], io, { now })).toBe(0);
    const page = (n: number) => join(dir(), `export.page-${n}.json`);
    expect(io.stdout).toEqual([`Exported 3 annotations from 2 articles to ${join(dir(), 'export.json')} in 2 pages (${page(1)} … ${page(2)})`]);
    const read = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown> & { items: Record<string, unknown>[] };
    const collection = await read(join(dir(), 'export.json'));
    const [first, second] = [await read(page(1)), await read(page(2))];
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, first: first.id, last: second.id });
    expect(first).toMatchObject({ type: 'AnnotationPage', partOf: collection.id, startIndex: 0, next: second.id });
    expect(second).toMatchObject({ type: 'AnnotationPage', partOf: collection.id, startIndex: 2, prev: first.id });
    expect(first.prev).toBeUndefined();
    expect(second.next).toBeUndefined();
    expect([first.items.length, second.items.length]).toEqual([2, 1]);

    const results = checkConformance({ collection, pages: [first, second], items: [...first.items, ...second.items] }, loadAssertions());
    expect(results.filter((r) => r.kind === 'must' && !r.holds).map((r) => r.path)).toEqual([]);
    // The seed articles state no language, so the target's language is missing too.
    expect(results.filter((r) => !r.holds).map((r) => r.path)).toEqual(['bodiesTargets/3.2.1-bodySingleLanguage.json', 'bodiesTargets/3.2.1-targSingleLanguage.json']);

    // A page size the export fits in: the ordinary one-file export, and the earlier page files go.
    expect(await runExport(['--data', 'data', '--out', 'export.json', '--page-size', '3'], recordingIo(dir()), { now })).toBe(0);
    const onePage = await fs.readFile(join(dir(), 'export.json'), 'utf8');
    expect(await runExport(['--data', 'data', '--out', 'plain.json'], recordingIo(dir()), { now })).toBe(0);
    expect(onePage).toBe(await fs.readFile(join(dir(), 'plain.json'), 'utf8'));
    await expect(fs.stat(page(1))).rejects.toThrow();
    await expect(fs.stat(page(2))).rejects.toThrow();
  }, 120_000);

  it('refuses a --page-size that is not a whole number from 1, or with another format', async () => {
    await annotatedLibrary();
    for (const args of [['--page-size', '0'], ['--page-size', '2.5'], ['--page-size', 'x'], ['--format', 'csv', '--page-size', '2']]) {
      const io = recordingIo(dir());
      expect(await runExport(['--data', 'data', '--out', 'export.json', ...args], io)).toBe(2);
      expect(io.stderr[0]).toMatch(/--page-size/);
    }
    await expect(fs.stat(join(dir(), 'export.json'))).rejects.toThrow();
  });
});
