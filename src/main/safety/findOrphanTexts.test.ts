/** Case 7 of issue 19: texts an import killed part way leaves behind are reported and moved aside. */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runRecover } from '../cli/cliRecover';
import { findOrphanTexts } from './findOrphanTexts';
import { createCore } from '../core/createCore';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { textHash } from '../store/textHash';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const NOW = () => new Date('2024-06-01T00:00:00.000Z');

const dir = useTempDir('triangulate-orphans-');
let dataDir: string;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
  await core.close();
});

/** What an import killed after writing its text and before index.json leaves. */
async function orphan(id: string, ageMs = 0): Promise<string> {
  const path = join(dataDir, 'texts', `${id}.json`);
  await fs.writeFile(path, JSON.stringify({ schemaVersion: 1, id, text: `Text of ${id}.`, hash: textHash(`Text of ${id}.`) }));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    await fs.utimes(path, then, then);
  }
  return path;
}

describe('orphan texts', () => {
  it('recover --list reports them and changes nothing', async () => {
    const path = await orphan('art_cut_short');
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir, '--list'], io, { now: NOW })).toBe(0);
    expect(io.stdout).toContainEqual('Texts no article lists (left by an import cut short):');
    expect(io.stdout).toContainEqual('  texts/art_cut_short.json');
    await expect(fs.access(path)).resolves.toBeUndefined();
  });

  it('recover moves them to quarantine/ (never deleted), and the library is as before', async () => {
    const path = await orphan('art_cut_short');
    const before = await fs.readFile(path, 'utf8');
    const io = recordingIo(dir());
    expect(await runRecover(['--data', dataDir], io, { now: NOW })).toBe(0);
    const aside = join(dataDir, 'quarantine', 'texts', 'art_cut_short.json.2024-06-01T00-00-00.000Z');
    expect(io.stdout).toContainEqual(`texts/art_cut_short.json: no article lists it (an import cut short); moved to ${aside}.`);
    await expect(fs.access(path)).rejects.toThrow();
    expect(await fs.readFile(aside, 'utf8')).toBe(before);
    expect((await fs.readdir(join(dataDir, 'texts'))).length).toBe(5);
  });

  it('Triangulate moves old ones aside when it starts, and leaves young ones (an import may be under way)', async () => {
    const old = await orphan('art_old', 5 * 60_000);
    const young = await orphan('art_young');
    const core = await createCore({ dataDir, corpusDir: CORPUS, backups: false });
    await core.close();
    await expect(fs.access(old)).rejects.toThrow();
    await expect(fs.access(young)).resolves.toBeUndefined();
    expect((await fs.readdir(join(dataDir, 'quarantine', 'texts')))).toEqual([expect.stringMatching(/^art_old\.json\./)]);
  });

  it('waits for its turn before each step when the start runs it in the background, and finds the same files', async () => {
    await orphan('art_b');
    await orphan('art_a');
    const listing = { articles: JSON.parse(await fs.readFile(join(dataDir, 'index.json'), 'utf8')).articles };
    let turns = 0;
    const giveWay = async () => {
      turns++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    expect(await findOrphanTexts(dataDir, listing, { giveWay })).toEqual(['texts/art_a.json', 'texts/art_b.json']);
    expect(turns).toBe(3);
    expect(await findOrphanTexts(dataDir, listing)).toEqual(['texts/art_a.json', 'texts/art_b.json']);
    // A large library: a turn every 5,000 articles too (a search right after a start waits for one short step at most).
    const many = { articles: [...listing.articles, ...Array.from({ length: 12_000 }, (_, i) => ({ id: `more_${i}`, hash: 'h' }))] };
    turns = 0;
    expect(await findOrphanTexts(dataDir, many, { giveWay })).toEqual(['texts/art_a.json', 'texts/art_b.json']);
    expect(turns).toBe(5);
  });
});
