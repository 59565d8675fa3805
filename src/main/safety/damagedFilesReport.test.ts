import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { damagedFilesReport } from './damagedFilesReport';
import { DataStore } from '../store/dataStore';
import { textHash } from '../store/textHash';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-report-');
beforeEach(async () => {
  const text = 'Alpha said yes.';
  await DataStore.create(dir(), {
    articles: [{ id: 'a', title: 'a', date: null, outlet: null, hash: textHash(text), length: text.length, origin: 'a.txt', author: null, url: null, language: null, note: '', text }],
    codebook: DEFAULT_CODEBOOK,
    settings: { creator: 'ana' },
  });
});

describe('damagedFilesReport', () => {
  it('says nothing about a good folder', async () => {
    expect(await damagedFilesReport(dir())).toEqual([]);
  });

  it('names each damaged file and the recover command', async () => {
    await fs.writeFile(join(dir(), 'annotations', 'a.json'), '{"cut');
    const lines = await damagedFilesReport(dir());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^Triangulate: annotations/a.json in ${dir()} is not valid JSON .*; it was left untouched\\.$`));
    expect(lines[1]).toBe(`Triangulate: to restore it from the latest backup, stop Triangulate and run: npm run cli -- recover --data ${dir()}`);
  });
});
