import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDataFiles } from './listDataFiles';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-files-');

async function put(path: string): Promise<void> {
  await fs.mkdir(join(dir(), path, '..'), { recursive: true });
  await fs.writeFile(join(dir(), path), '{}');
}

describe('listDataFiles', () => {
  it('lists index.json, links.json, texts/ and annotations/, not exports, backups, quarantine, the lock or temp files', async () => {
    for (const path of [
      'index.json',
      'links.json',
      'texts/a.json',
      'annotations/a.json',
      'annotations/.a.json.1234abcd.tmp',
      '.lock',
      'export.txt',
      'my-export.json',
      'other/a.json',
      'backups/2024-01-01T00-00-00.000Z/index.json',
      'quarantine/annotations/a.json.2024',
    ]) {
      await put(path);
    }
    expect(await listDataFiles(dir())).toEqual(['annotations/a.json', 'index.json', 'links.json', 'texts/a.json']);
  });

  it('is empty for a folder that does not exist', async () => {
    expect(await listDataFiles(join(dir(), 'missing'))).toEqual([]);
  });
});
