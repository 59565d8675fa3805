import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDataEntry, readDataEntrySync } from './readDataEntry';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-entry-');
afterEach(async () => {
  await fs.chmod(join(dir(), 'locked.json'), 0o600).catch(() => undefined);
});

const both = async (path: string) => {
  const read = await readDataEntry(path);
  expect(readDataEntrySync(path)).toEqual(read);
  return read;
};

describe('readDataEntry', () => {
  it('reads a regular file and says when there is none', async () => {
    await fs.writeFile(join(dir(), 'a.json'), '{}');
    expect(await both(join(dir(), 'a.json'))).toEqual({ state: 'ok', bytes: Buffer.from('{}') });
    expect(await both(join(dir(), 'none.json'))).toEqual({ state: 'missing' });
  });

  it('never follows a link, and names folders and pipes', async () => {
    await fs.writeFile(join(dir(), 'a.json'), '{}');
    await fs.symlink(join(dir(), 'a.json'), join(dir(), 'link.json'));
    await fs.symlink('/dev/zero', join(dir(), 'zero.json'));
    await fs.symlink(join(dir(), 'nowhere'), join(dir(), 'dangling.json'));
    await fs.mkdir(join(dir(), 'folder.json'));
    execFileSync('mkfifo', [join(dir(), 'pipe.json')]);
    for (const name of ['link.json', 'zero.json', 'dangling.json']) {
      expect(await both(join(dir(), name))).toEqual({ state: 'damaged', problem: 'is a symbolic link, not a regular file (data files are never read through links)' });
    }
    expect(await both(join(dir(), 'folder.json'))).toEqual({ state: 'damaged', problem: 'is a folder, not a file' });
    expect(await both(join(dir(), 'pipe.json'))).toEqual({ state: 'damaged', problem: 'is a named pipe (FIFO), not a regular file' });
  });

  it.skipIf(process.getuid?.() === 0)('says a file without read permission cannot be read', async () => {
    await fs.writeFile(join(dir(), 'locked.json'), '{}');
    await fs.chmod(join(dir(), 'locked.json'), 0o000);
    expect(await both(join(dir(), 'locked.json'))).toEqual({ state: 'damaged', problem: 'cannot be read (permission denied)' });
  });
});
