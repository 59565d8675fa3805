import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportAnnotations } from './cliImportAnnotations';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { inProcessW3CPlanner } from '../../../tools/testSupport/inProcessW3CPlanner';
import type { ArticleFileReader } from '../import/createArticleFileReader';

const lib = useTestLibrary();

/** Exports a library with two quotes in a group into export.json; returns the file's path. */
async function exportFile(): Promise<string> {
  const core = await lib.open({ dataDir: join(lib.dir(), 'source') });
  const passages = [];
  for (const id of [SEED.A000, SEED.A002]) {
    const text = (await core.getArticle({ id })).text;
    const start = text.indexOf('ashamed of my country');
    passages.push({ articleId: id, start, end: start + 21 });
  }
  await core.acceptAlignment({ label: 'Ashamed', tagId: 'quote', passages });
  const file = join(lib.dir(), 'export.json');
  await fs.writeFile(file, JSON.stringify(await core.exportW3C({})));
  await core.close();
  return file;
}

describe('npm run cli -- import-annotations', () => {
  it('imports an export into another library and says what it imported', async () => {
    await exportFile();
    await fs.mkdir(join(lib.dir(), 'target'));
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', 'export.json'], io)).toBe(0);
    expect(io.stdout).toEqual([`Imported 2 annotations, 1 group and 0 source links from ${join(lib.dir(), 'export.json')}`]);
    expect(io.stderr).toEqual([]);
    const core = await lib.open({ dataDir: join(lib.dir(), 'target') });
    expect((await core.listGroups({})).map((g) => [g.label, g.members.length])).toEqual([['Ashamed', 2]]);
    await core.close();

    const again = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', 'export.json'], again)).toBe(0);
    expect(again.stdout[0]).toMatch(/^Imported 0 annotations \(2 already there, skipped\), 0 groups/);
  });

  it('imports an annotation table (CSV) as the CSV export wrote it', async () => {
    const core = await lib.open({ dataDir: join(lib.dir(), 'source') });
    const text = (await core.getArticle({ id: SEED.A002 })).text;
    const start = text.indexOf('ashamed of my country');
    await core.createAnnotation({ articleId: SEED.A002, start, end: start + 21, tagId: 'quote', attributes: { speaker: 'Boris Bondarev' } });
    await fs.writeFile(join(lib.dir(), 'table.csv'), (await core.exportCsv({})).csv);
    await core.close();
    await fs.mkdir(join(lib.dir(), 'target'));
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', 'table.csv'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Imported 1 annotation, 0 groups/);
    const target = await lib.open({ dataDir: join(lib.dir(), 'target') });
    expect((await target.listAnnotations({ articleId: SEED.A002 })).map((a) => [a.tagId, a.exact, a.attributes])).toEqual([['quote', 'ashamed of my country', { speaker: 'Boris Bondarev' }]]);
    await target.close();
  });

  it('records --coder as the creator of annotations the file names no creator for; the others keep theirs', async () => {
    const file = await exportFile();
    const collection = JSON.parse(await fs.readFile(file, 'utf8'));
    delete collection.first.items[0].creator;
    collection.first.items[1].creator = { type: 'Person', name: 'Zoe' };
    await fs.writeFile(file, JSON.stringify(collection));
    await fs.mkdir(join(lib.dir(), 'target'));
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', '--coder', ' Ben ', 'export.json'], io)).toBe(0);
    const core = await lib.open({ dataDir: join(lib.dir(), 'target') });
    const creators = [];
    for (const id of [SEED.A000, SEED.A002]) creators.push(...(await core.listAnnotations({ articleId: id })).map((a) => a.creator));
    expect(creators.sort()).toEqual(['Ben', 'Zoe']);
  });

  it('keeps the coder a W3C creator names in any of its forms (a name, a Person, a list), with or without --coder', async () => {
    const file = await exportFile();
    const collection = JSON.parse(await fs.readFile(file, 'utf8'));
    collection.first.items[0].creator = 'Yan';
    collection.first.items[1].creator = [{ type: 'Person', nickname: 'Xu' }, { type: 'Person', name: 'Other' }];
    await fs.writeFile(file, JSON.stringify(collection));
    await fs.mkdir(join(lib.dir(), 'target'));
    expect(await runImportAnnotations(['--data', 'target', 'export.json'], recordingIo(lib.dir()))).toBe(0);
    const core = await lib.open({ dataDir: join(lib.dir(), 'target') });
    const creators = [];
    for (const id of [SEED.A000, SEED.A002]) creators.push(...(await core.listAnnotations({ articleId: id })).map((a) => a.creator));
    expect(creators.sort()).toEqual(['Xu', 'Yan']);
    expect((await core.listCoders({})).map((c) => c.name).sort()).toEqual(['Xu', 'Yan']);
  });

  it('refuses an empty --coder before touching the library', async () => {
    await exportFile();
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', '--coder', ' ', 'export.json'], io)).toBe(2);
    expect(io.stderr[0]).toBe('triangulate import-annotations: --coder needs a name');
    await expect(fs.stat(join(lib.dir(), 'target'))).rejects.toThrow();
  });

  it('reads another tool\'s tags as the user maps them, creates the others on request, and lists those it does not know', async () => {
    const core = await lib.open({ dataDir: join(lib.dir(), 'target') });
    const text = (await core.getArticle({ id: SEED.A000 })).text;
    await core.close();
    const quote = (s: string) => {
      const at = text.indexOf(s);
      return { type: 'TextQuoteSelector', exact: s, prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + s.length, at + s.length + 32) };
    };
    const item = (id: string, tag: string, s: string) => ({ id, type: 'Annotation', body: [{ type: 'TextualBody', value: tag, purpose: 'tagging' }], target: { selector: [quote(s)] } });
    await fs.writeFile(join(lib.dir(), 'other.json'), JSON.stringify([item('#1', 'Person', 'Bondarev'), item('#2', 'Place', 'Geneva')]));

    const unmapped = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', 'other.json'], unmapped)).toBe(1);
    expect(unmapped.stderr.at(-2)).toBe('triangulate import-annotations: 2 items could not be imported');
    expect(unmapped.stderr.at(-1)).toBe(
      'triangulate import-annotations: tags the codebook does not have: "Person" (1 item), "Place" (1 item); map them with --map-tag NAME=TAG or add them with --create-tags',
    );

    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', '--map-tag', 'person=source', '--create-tags', 'other.json'], io)).toBe(0);
    expect(io.stdout).toEqual([`Imported 2 annotations, 0 groups and 0 source links from ${join(lib.dir(), 'other.json')}`, 'Added 1 tag to the codebook: Place']);
    expect(io.stderr).toEqual([
      `triangulate import-annotations: note: #1: found in article "${SEED.A000}" by its quote`,
      `triangulate import-annotations: note: #2: found in article "${SEED.A000}" by its quote`,
    ]);
    const after = await lib.open({ dataDir: join(lib.dir(), 'target') });
    expect((await after.listAnnotations({ articleId: SEED.A000 })).map((a) => [a.tagId, a.exact]).sort()).toEqual([['place', 'Geneva'], ['source', 'Bondarev']]);
    await after.close();

    const bad = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', '--map-tag', 'person', 'other.json'], bad)).toBe(2);
    expect(await runImportAnnotations(['--data', 'target', '--map-tag', 'person=nope', 'other.json'], bad)).toBe(1);
    expect(bad.stderr.join('\n')).toMatch(/the codebook has no tag "nope" .*nothing was imported/);
  });

  it('refuses a library another process holds, and imports nothing into it', async () => {
    await exportFile();
    const target = join(lib.dir(), 'target');
    await fs.mkdir(target);
    const held = await acquireDataFolderLock(target, { pid: process.ppid });
    try {
      const io = recordingIo(lib.dir());
      expect(await runImportAnnotations(['--data', 'target', 'export.json'], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/is in use by another Triangulate process/);
      expect(await fs.readdir(target)).toEqual(['.lock']);
    } finally {
      await held.release();
    }
  });

  it('lists what could not be imported on stderr and exits 1', async () => {
    const file = await exportFile();
    const collection = JSON.parse(await fs.readFile(file, 'utf8'));
    collection.first.items[0].target.selector[0].exact = 'a sentence no article has';
    collection.first.items[0].target.selector[1].start = 5;
    await fs.writeFile(file, JSON.stringify(collection));
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'source', file], io)).toBe(1);
    expect(io.stdout[0]).toMatch(/^Imported 0 annotations \(1 already there, skipped\), 0 groups/);
    expect(io.stderr).toEqual([
      expect.stringMatching(/could not be anchored .*"a sentence no article has" is not there/),
      expect.stringMatching(/did not import; left out of group "Ashamed"/),
      'triangulate import-annotations: 2 items could not be imported',
    ]);
  });

  it('refuses a file that is not JSON, or not a collection, and changes nothing', async () => {
    const core = await lib.open();
    await core.close();
    await fs.writeFile(join(lib.dir(), 'bad.json'), '{"items": [');
    await fs.writeFile(join(lib.dir(), 'other.json'), '{"hello": "world"}');
    await fs.writeFile(join(lib.dir(), 'empty.json'), '');
    await fs.writeFile(join(lib.dir(), 'binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0x7d]));
    await fs.writeFile(join(lib.dir(), 'latin1.json'), Buffer.from('{"items": ["caf\xe9"]}', 'latin1'));
    await fs.writeFile(join(lib.dir(), 'deep.json'), `{"items": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    for (const [file, message] of [
      ['deep.json', /deep\.json: it is too deeply nested: more than 100 levels of arrays and objects \(at line 1\).*; nothing was imported$/],
      ['bad.json', /bad\.json: it is not valid JSON \(.*\); a file cut short reads like this too; nothing was imported$/],
      ['empty.json', /empty\.json: the file is empty; nothing was imported$/],
      ['binary.json', /binary\.json: it looks like a binary file/],
      ['latin1.json', /latin1\.json: it is not valid UTF-8 text/],
      ['other.json', /not a W3C annotation collection/],
    ] as const) {
      const io = recordingIo(lib.dir());
      expect(await runImportAnnotations(['--data', '.', file], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(message);
    }
    expect(await fs.readdir(join(lib.dir(), 'annotations'))).toEqual([]);
  });

  it('needs exactly one file and an existing data folder', async () => {
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', '.'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/FILE is required/);
    const missing = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'nowhere', 'x.json'], missing)).toBe(1);
    expect(missing.stderr[0]).toMatch(/nowhere does not exist/);
  });
});

describe('npm run cli -- import-annotations plans W3C files in the import worker (importW3CBytes)', () => {
  /** The core's file reader as the built app has it (planW3CImport), recording what it is asked to plan. */
  const recordingPlanner = () => {
    const planned: { bytes: number; purpose: string; options: unknown }[] = [];
    const deps = {
      articleFileReader: (): ArticleFileReader => {
        const reader = inProcessW3CPlanner();
        return {
          ...reader,
          planW3CImport: (bytes, purpose, library, answer, options) => {
            planned.push({ bytes: bytes.length, purpose, options });
            return reader.planW3CImport!(bytes, purpose, library, answer, options);
          },
        };
      },
    };
    return { planned, deps };
  };

  it('imports an export from the file\'s bytes, planned there, as the in-process import does', async () => {
    const file = await exportFile();
    await fs.mkdir(join(lib.dir(), 'target'));
    const { planned, deps } = recordingPlanner();
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'target', 'export.json'], io, deps)).toBe(0);
    expect(io.stdout).toEqual([`Imported 2 annotations, 1 group and 0 source links from ${file}`]);
    expect(planned).toEqual([{ bytes: (await fs.stat(file)).size, purpose: 'annotationFile', options: { tagMap: {}, createTags: false } }]);
    const core = await lib.open({ dataDir: join(lib.dir(), 'target') });
    expect((await core.listGroups({})).map((g) => [g.label, g.members.length])).toEqual([['Ashamed', 2]]);
  });

  it('hands --map-tag, --create-tags and --untagged-as to the plan', async () => {
    // A library in the target folder (the seed corpus).
    await (await lib.open({ dataDir: join(lib.dir(), 'target') })).close();
    const item = (id: string, tag: string | null, exact: string) => ({
      id,
      type: 'Annotation',
      body: tag ? [{ type: 'TextualBody', value: tag, purpose: 'tagging' }] : [{ type: 'TextualBody', value: 'a comment', purpose: 'commenting' }],
      target: { source: `urn:triangulate:article:${SEED.A000}`, selector: [{ type: 'TextQuoteSelector', exact }] },
    });
    await fs.writeFile(join(lib.dir(), 'other.json'), JSON.stringify([item('#1', 'Person', 'Bondarev'), item('#2', 'Place', 'Geneva'), item('#3', null, 'ashamed of my country')]));
    const { planned, deps } = recordingPlanner();
    const io = recordingIo(lib.dir());
    const code = await runImportAnnotations(['--data', 'target', '--map-tag', 'person=source', '--create-tags', '--untagged-as', 'quote', 'other.json'], io, deps);
    expect(io.stderr.filter((line) => !/note:/.test(line))).toEqual([]);
    expect(code).toBe(0);
    expect(planned.map((p) => p.options)).toEqual([{ tagMap: { person: 'source' }, createTags: true, untaggedAs: 'quote' }]);
    const after = await lib.open({ dataDir: join(lib.dir(), 'target') });
    expect((await after.listAnnotations({ articleId: SEED.A000 })).map((a) => [a.tagId, a.exact]).sort()).toEqual([['place', 'Geneva'], ['quote', 'ashamed of my country'], ['source', 'Bondarev']]);
  });

  it('refuses a file that is not JSON, nested too deeply or not a collection with the same lines, changing nothing; a project file is still merged', async () => {
    await (await lib.open()).close();
    await fs.writeFile(join(lib.dir(), 'bad.json'), '{"items": [');
    await fs.writeFile(join(lib.dir(), 'deep.json'), `{"items": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    await fs.writeFile(join(lib.dir(), 'other.json'), '{"hello": "world"}');
    const { planned, deps } = recordingPlanner();
    for (const [file, message] of [
      ['deep.json', /deep\.json: it is too deeply nested: more than 100 levels of arrays and objects \(at line 1\).*; nothing was imported$/],
      ['bad.json', /bad\.json: it is not valid JSON \(.*\); a file cut short reads like this too; nothing was imported$/],
      ['other.json', /not a W3C annotation collection/],
    ] as const) {
      const io = recordingIo(lib.dir());
      expect(await runImportAnnotations(['--data', '.', file], io, deps)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(message);
    }
    expect(planned).toHaveLength(3);
    expect(await fs.readdir(join(lib.dir(), 'annotations'))).toEqual([]);

    const source = await lib.open({ dataDir: join(lib.dir(), 'source'), creator: 'bo' });
    const text = (await source.getArticle({ id: SEED.A002 })).text;
    const start = text.indexOf('Boris Bondarev');
    await source.createAnnotation({ articleId: SEED.A002, tagId: 'source', start, end: start + 14 });
    await fs.writeFile(join(lib.dir(), 'project.json'), JSON.stringify(await source.exportProject({})));
    await source.close();
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', '.', 'project.json'], io, deps)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Merged the project from .*project\.json: 0 articles, 0 tags, 1 annotation/);
    expect(planned).toHaveLength(4);
  });
});

describe('npm run cli -- import-annotations with a project file', () => {
  async function projectFile(): Promise<{ file: string; project: Record<string, unknown> & { articles: { annotations: { end: number }[] }[] } }> {
    const core = await lib.open({ dataDir: join(lib.dir(), 'source'), creator: 'bo' });
    const text = (await core.getArticle({ id: SEED.A002 })).text;
    const start = text.indexOf('Boris Bondarev');
    await core.createAnnotation({ articleId: SEED.A002, tagId: 'source', start, end: start + 14, attributes: { name: 'Bondarev' } });
    const project = JSON.parse(JSON.stringify(await core.exportProject({})));
    await core.close();
    const file = join(lib.dir(), 'project.json');
    await fs.writeFile(file, JSON.stringify(project));
    return { file, project };
  }

  it('merges into an existing library, keeping both creators, and notes nothing for an identical codebook', async () => {
    const { file } = await projectFile();
    const mine = await lib.open({ dataDir: join(lib.dir(), 'mine') });
    const text = (await mine.getArticle({ id: SEED.A002 })).text;
    const start = text.indexOf('Boris Bondarev');
    await mine.createAnnotation({ articleId: SEED.A002, tagId: 'source', start, end: start + 14 });
    await mine.close();
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'mine', 'project.json'], io)).toBe(0);
    expect(io.stdout).toEqual([`Merged the project from ${file}: 0 articles, 0 tags, 1 annotation, 0 groups and 0 source links`]);
    expect(io.stderr).toEqual([]);
    const after = await lib.open({ dataDir: join(lib.dir(), 'mine') });
    expect((await after.listAnnotations({ articleId: SEED.A002 })).map((a) => a.creator).sort()).toEqual(['ana', 'bo']);
  });

  it('keeps the coders the project file names, whatever --coder says, into an empty folder and into a library', async () => {
    await projectFile();
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'fresh', '--coder', 'cy', 'project.json'], io)).toBe(0);
    const fresh = await lib.open({ dataDir: join(lib.dir(), 'fresh') });
    expect((await fresh.listAnnotations({ articleId: SEED.A002 })).map((a) => a.creator)).toEqual(['bo']);
    expect((await fresh.listCoders({})).map((c) => c.name)).toEqual(['bo']);
    await fresh.close();
    await (await lib.open({ dataDir: join(lib.dir(), 'mine') })).close();
    expect(await runImportAnnotations(['--data', 'mine', '--coder', 'cy', 'project.json'], recordingIo(lib.dir()))).toBe(0);
    const mine = await lib.open({ dataDir: join(lib.dir(), 'mine') });
    expect((await mine.listAnnotations({ articleId: SEED.A002 })).map((a) => a.creator)).toEqual(['bo']);
  });

  it('refuses a bad project file into an empty folder without leaving a library behind', async () => {
    const { project } = await projectFile();
    project.articles[2]!.annotations[0]!.end = 10_000_000;
    await fs.writeFile(join(lib.dir(), 'bad.json'), JSON.stringify(project));
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'fresh', 'bad.json'], io)).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/bad\.json cannot be imported: annotation "n\d+" of article "002_38b56a2e379d189f": \d+–10000000 falls outside/);
    expect(io.stderr[0]).toMatch(/nothing was imported$/);
    await expect(fs.stat(join(lib.dir(), 'fresh', 'index.json'))).rejects.toThrow();
  });

  it('maps a project\'s tag with --map-tag (by name) and adds its other new tags', async () => {
    const bo = await lib.open({ dataDir: join(lib.dir(), 'bo'), creator: 'bo' });
    await bo.saveTag({ tag: { name: 'Trust', color: '#aa00cc', key: null, description: '', attributes: [] } });
    await bo.saveTag({ tag: { name: 'Port', color: '#00aacc', key: null, description: '', attributes: [] } });
    const text = (await bo.getArticle({ id: SEED.A000 })).text;
    const start = text.indexOf('Bondarev');
    await bo.createAnnotation({ articleId: SEED.A000, tagId: 'trust', start, end: start + 8 });
    await fs.writeFile(join(lib.dir(), 'bo.json'), JSON.stringify(await bo.exportProject({})));
    await bo.close();
    await (await lib.open({ dataDir: join(lib.dir(), 'mine') })).close();
    const io = recordingIo(lib.dir());
    expect(await runImportAnnotations(['--data', 'mine', '--map-tag', 'trust=claim', 'bo.json'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/: 0 articles, 1 tag, 1 annotation,/);
    const mine = await lib.open({ dataDir: join(lib.dir(), 'mine') });
    expect((await mine.listAnnotations({ articleId: SEED.A000 })).map((a) => [a.exact, a.tagId, a.creator])).toEqual([['Bondarev', 'claim', 'bo']]);
    expect((await mine.getCodebook({})).map((t) => t.name)).toEqual(expect.arrayContaining(['Port']));
    expect((await mine.getCodebook({})).map((t) => t.name)).not.toContain('Trust');
  });
});
