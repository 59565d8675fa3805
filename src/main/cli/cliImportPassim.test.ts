import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlignedGroupResult } from '../../shared/crossArticle/crossArticle';
import { createCore } from '../core/createCore';
import { runExport } from './cliExport';
import { runImportPassim } from './cliImportPassim';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
// passim's output for the seed corpus, in its documented record format (see fixtures/passim-out/README.md).
const PASSIM_OUT = fileURLToPath(new URL('./fixtures/passim-out', import.meta.url));

const dir = useTempDir('triangulate-passim-');
let dataDir: string;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
  await (await createCore({ dataDir, corpusDir: CORPUS })).close();
});

describe('passim round trip', () => {
  it('export --format passim writes one JSON line per article with its canonical text', async () => {
    const out = join(dir(), 'passim_in.json');
    const io = recordingIo(dir());
    expect(await runExport(['--data', dataDir, '--format', 'passim', '--out', out], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Exported 5 articles as passim input');
    const lines = (await fs.readFile(out, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    const core = await createCore({ dataDir, corpusDir: CORPUS });
    for (const doc of lines) {
      expect(Object.keys(doc).filter((k) => k !== 'date').sort()).toEqual(['id', 'series', 'text', 'title', 'version']);
      expect(doc.text).toBe((await core.getArticle({ id: doc.id })).text);
    }
    await core.close();
  });

  it('import-passim reads the clusters back as shared passages, and says which line it skipped and why', async () => {
    const io = recordingIo(dir());
    expect(await runImportPassim(['--data', dataDir, '--json', PASSIM_OUT], io)).toBe(0);
    const groups = JSON.parse(io.stdout.join('\n')) as AlignedGroupResult[];
    expect(groups.map((g) => g.id)).toEqual(['passim-8042', 'passim-8043']);
    expect(groups[0]!.passages.map((p) => p.article)).toEqual(['001_b0e24d4478126009', '002_38b56a2e379d189f', '004_fe53cb2bbc3036b3']);
    for (const p of groups[0]!.passages) expect(p.exact).toBe('For twenty years of my diplomatic career I have seen different turns of our foreign policy');
    expect(io.stderr.join('\n')).toContain('skipped part-00000.json:7: cluster 8043: article 999_not_in_this_library is not in the library');
    expect(io.stderr.join('\n')).toContain('2 clusters over 3 articles from 7 passages (1 skipped)');
  });

  it('import-passim --groups makes each cluster a group of tagged annotations, as Accept as group does', async () => {
    const io = recordingIo(dir());
    expect(await runImportPassim(['--data', dataDir, '--groups', '--tag', 'claim', '--coder', 'Cleo', PASSIM_OUT], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('2 groups made');
    const core = await createCore({ dataDir, corpusDir: CORPUS });
    const groups = await core.listGroups({});
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => g.members.length)).toEqual([3, 3]);
    expect(groups[0]!.label).toBe('passim: For twenty years of my diplomatic career I …');
    const annotations = await core.listAnnotations({ articleId: '002_38b56a2e379d189f' });
    expect(annotations.map((a) => a.tagId)).toEqual(['claim', 'claim']);
    // The coder named on the command line made them, and the groups.
    expect(annotations.map((a) => a.creator)).toEqual(['Cleo', 'Cleo']);
    expect(groups.map((g) => g.creator)).toEqual(['Cleo', 'Cleo']);
    await core.close();
  });

  it('refuses --coder without --groups, and an empty coder name, changing nothing', async () => {
    const io = recordingIo(dir());
    expect(await runImportPassim(['--data', dataDir, '--coder', 'Cleo', PASSIM_OUT], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--coder goes with --groups');
    const io2 = recordingIo(dir());
    expect(await runImportPassim(['--data', dataDir, '--groups', '--coder', '  ', PASSIM_OUT], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('--coder needs a name');
    const core = await createCore({ dataDir, corpusDir: CORPUS });
    expect(await core.listGroups({})).toEqual([]);
    await core.close();
  });

  it('refuses a folder without passim output, and a data folder that does not exist, in one line', async () => {
    const io = recordingIo(dir());
    expect(await runImportPassim(['--data', dataDir, dir()], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/no passim output \(\*\.json\) in/);
    const io2 = recordingIo(dir());
    expect(await runImportPassim(['--data', join(dir(), 'none'), PASSIM_OUT], io2)).toBe(1);
    expect(io2.stderr.join('\n')).toMatch(/does not exist/);
  });
});
