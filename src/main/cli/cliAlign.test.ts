import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import { alignedGroupLines, runAlign } from './cliAlign';
import { createCore } from '../core/createCore';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));

const dir = useTempDir('triangulate-align-');

async function seedLibrary(): Promise<string> {
  const dataDir = join(dir(), 'data');
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
  await core.close();
  return dataDir;
}

describe('runAlign', () => {
  it('prints only a JSON array of groups for --json, the diplomat’s quote in all five articles', async () => {
    const dataDir = await seedLibrary();
    const io = recordingIo(dir());
    expect(await runAlign(['--data', dataDir, '--json'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const groups = JSON.parse(io.stdout.join('\n')) as AlignedGroup[];
    const diplomat = groups.find((g) => g.passages.some((p) => p.exact.includes('ashamed of my country')))!;
    expect(new Set(diplomat.passages.map((p) => p.article)).size).toBe(5);
    for (const p of diplomat.passages) expect(Object.keys(p)).toEqual(['article', 'start', 'end', 'exact']);
  });

  it('prints a readable list of groups by default', async () => {
    const dataDir = await seedLibrary();
    const io = recordingIo(dir());
    expect(await runAlign(['--data', dataDir], io)).toBe(0);
    expect(io.stdout[0]).toBe('Group 1: 5 articles, 6 passages');
    expect(io.stdout[1]).toMatch(/^ {2}000_9c2375f696f0b1fa +99–141 {2}never have I been so ashamed of my country$/);
    expect(io.stdout[io.stdout.length - 1]).toMatch(/^\d+ groups over 5 articles$/);
  });

  it('prints the usage for --help, and exits 2 with it on stderr for unknown options', async () => {
    const help = recordingIo(dir());
    expect(await runAlign(['-h'], help)).toBe(0);
    expect(help.stdout.join('\n')).toContain('Usage: npm run cli -- align');
    const io = recordingIo(dir());
    expect(await runAlign(['--min-words', '3'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Usage: npm run cli -- align');
    expect(io.stdout).toEqual([]);
  });

  it('exits 1 with one line when the data folder does not exist', async () => {
    const io = recordingIo(dir());
    expect(await runAlign(['--data', join(dir(), 'nowhere')], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr[0]).toMatch(/^triangulate align: the data folder .*nowhere does not exist/);
  });
});

describe('runAlign --article', () => {
  it('finds the groups an article imported after a full align is in, through the alignment index', async () => {
    const dataDir = await seedLibrary();
    expect(await runAlign(['--data', dataDir, '--json'], recordingIo(dir()))).toBe(0);
    // A new article that carries three sentences of a seed article among words of its own.
    const seed = (await fs.readdir(CORPUS)).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).sort()[0]!;
    const seedText = await fs.readFile(join(CORPUS, seed), 'utf8');
    const borrowed = seedText.slice(Math.floor(seedText.length / 3), Math.floor(seedText.length / 3) + 600);
    const text = `A reader's digest of the week\n\nOur correspondent went over the week's reporting again, line by line, and found this passage repeated word for word:\n\n${borrowed}\n\nNothing else in this digest comes from the wires; the rest is our own summary of the week.`;
    const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana' });
    const { imported } = await core.importArticles({ files: [{ name: 'digest.txt', data: Buffer.from(text).toString('base64') }] });
    await core.close();
    const newId = imported[0]!.id;

    const io = recordingIo(dir());
    expect(await runAlign(['--data', dataDir, '--article', newId, '--json'], io)).toBe(0);
    const groups = JSON.parse(io.stdout.join('\n')) as AlignedGroup[];
    const withNew = groups.filter((g) => g.passages.some((p) => p.article === newId));
    expect(withNew.length).toBeGreaterThan(0);
    expect(withNew.some((g) => g.passages.some((p) => p.article !== newId))).toBe(true);
    for (const p of withNew.flatMap((g) => g.passages).filter((p) => p.article === newId)) expect(text.replace(/\r/g, '')).toContain(p.exact.slice(0, 40));

    const readable = recordingIo(dir());
    expect(await runAlign(['--data', dataDir, '--article', newId], readable)).toBe(0);
    expect(readable.stdout[readable.stdout.length - 1]).toMatch(/^\d+ groups over 6 articles$/);
  });

  it('exits 1 with one line when no full align has left an index, or the article is unknown', async () => {
    const dataDir = await seedLibrary();
    const io = recordingIo(dir());
    expect(await runAlign(['--data', dataDir, '--article', 'nope'], io)).toBe(1);
    expect(io.stderr).toEqual([expect.stringMatching(/no alignment index .* run align once over the whole library first/)]);
    expect(await runAlign(['--data', dataDir, '--json'], recordingIo(dir()))).toBe(0);
    const unknown = recordingIo(dir());
    expect(await runAlign(['--data', dataDir, '--article', 'nope'], unknown)).toBe(1);
    expect(unknown.stderr).toEqual(['triangulate align: no article with the id nope in ' + dataDir]);
  });
});

describe('alignedGroupLines', () => {
  it('lists a corpus-sized alignment (200,000 passages) without overflowing the stack, columns padded to the widest', () => {
    const passages = Array.from({ length: 200_000 }, (_, k) => ({
      article: `a${k}`,
      start: k,
      end: k + 10,
      exact: 'shared words',
    }));
    const groups = [{ id: 'g1', passages }] as unknown as AlignedGroup[];
    const lines = alignedGroupLines(groups, 200_000);
    expect(lines[0]).toBe('Group 1: 200,000 articles, 200,000 passages');
    expect(lines[1]).toBe(`  ${'a0'.padEnd(7)}  ${'0–10'.padStart(13)}  shared words`);
    expect(lines.at(-1)).toBe('1 groups over 200,000 articles');
  });
});

