import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { DataStore } from '../store/dataStore';
import { findDamagedFiles, type RememberedChecks } from './findDamagedFiles';
import { textHash } from '../store/textHash';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-damaged-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const TEXT = 'Alpha said yes.';

async function library(): Promise<void> {
  const store = await DataStore.create(dir, {
    articles: [{ id: 'a', title: 'a', date: null, outlet: null, hash: textHash(TEXT), length: TEXT.length, origin: 'a.txt', author: null, url: null, language: null, note: '', text: TEXT }],
    codebook: DEFAULT_CODEBOOK,
    settings: { creator: 'ana' },
  });
  const stamp = '2024-01-01T00:00:00.000Z';
  await store.updateAnnotations('a', () => ({
    annotations: [{ id: 'n1', articleId: 'a', tagId: 'quote', start: 0, end: 5, exact: 'Alpha', prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: stamp, modified: stamp }],
    result: null,
  }));
}

describe('findDamagedFiles', () => {
  it('finds nothing wrong in a library the store wrote', async () => {
    await library();
    const check = await findDamagedFiles(dir);
    expect(check.damaged).toEqual([]);
    expect(check.checked.sort()).toEqual(['annotations/a.json', 'index.json', 'texts/a.json']);
    expect(check.index?.articles.map((a) => a.id)).toEqual(['a']);
  });

  it('names each damaged file with its problem, index.json first', async () => {
    await library();
    await fs.writeFile(join(dir, 'texts', 'a.json'), '{"schemaVersion": 1, "id": "a", "te');
    await fs.writeFile(join(dir, 'index.json'), '');
    const { damaged, index } = await findDamagedFiles(dir);
    expect(index).toBeNull();
    expect(damaged).toEqual([
      { file: 'index.json', problem: expect.stringMatching(/not valid JSON/) },
      { file: 'texts/a.json', problem: expect.stringMatching(/not valid JSON/) },
    ]);
  });

  it('compares texts with the hashes of a good index.json', async () => {
    await library();
    await fs.writeFile(join(dir, 'texts', 'a.json'), JSON.stringify({ schemaVersion: 1, id: 'a', text: 'Edited by hand.' }));
    expect(await findDamagedFiles(dir)).toMatchObject({ damaged: [{ file: 'texts/a.json', problem: expect.stringMatching(/hash/) }] });
  });

  it('counts the missing text of an article that index.json lists', async () => {
    await library();
    await fs.rm(join(dir, 'texts', 'a.json'));
    expect((await findDamagedFiles(dir)).damaged).toEqual([{ file: 'texts/a.json', problem: 'is missing, while index.json lists the article "a"' }]);
  });

  it('counts a missing index.json as damage when annotations exist', async () => {
    await library();
    await fs.rm(join(dir, 'index.json'));
    expect((await findDamagedFiles(dir)).damaged).toEqual([{ file: 'index.json', problem: expect.stringMatching(/missing/) }]);
    await fs.rm(join(dir, 'annotations'), { recursive: true });
    expect((await findDamagedFiles(dir)).damaged).toEqual([]); // an import cut short: it simply runs again
  });

  it('remembering earlier checks (the health check), still finds a file damaged since, and its repair', async () => {
    await library();
    const remembered: RememberedChecks = new Map();
    expect((await findDamagedFiles(dir, { remembered })).damaged).toEqual([]);
    expect([...remembered.keys()].sort()).toEqual(['annotations/a.json', 'texts/a.json']);
    // The same size, written within the same second: its inode and times still differ.
    const good = await fs.readFile(join(dir, 'texts', 'a.json'), 'utf8');
    await fs.writeFile(join(dir, 'texts', 'a.json'), good.replace('Alpha', 'Alfa!'));
    const again = await findDamagedFiles(dir, { remembered });
    expect(again.damaged).toEqual([{ file: 'texts/a.json', problem: expect.stringMatching(/hash/) }]);
    expect(again.checked.sort()).toEqual(['annotations/a.json', 'index.json', 'texts/a.json']);
    // Unchanged since: still reported, from what was remembered.
    expect((await findDamagedFiles(dir, { remembered })).damaged).toEqual(again.damaged);
    // A folder where the annotation file belongs is found too.
    await fs.rm(join(dir, 'annotations', 'a.json'));
    await fs.mkdir(join(dir, 'annotations', 'a.json'));
    expect((await findDamagedFiles(dir, { remembered })).damaged.map((d) => d.file)).toEqual(['annotations/a.json', 'texts/a.json']);
    await fs.rm(join(dir, 'annotations', 'a.json'), { recursive: true });
    await fs.writeFile(join(dir, 'texts', 'a.json'), good);
    expect((await findDamagedFiles(dir, { remembered })).damaged).toEqual([]);
  });
});
