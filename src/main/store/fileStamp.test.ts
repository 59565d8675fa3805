import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStamp, fileStampSync } from './fileStamp';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-stamp-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = () => join(dir, 'a.json');
/** Both ways of taking the stamp, which must agree. */
async function stampNow(path: string): Promise<string | null> {
  const looked = await fileStamp(path);
  expect(fileStampSync(path)).toEqual(looked);
  return looked?.stamp ?? null;
}

describe('fileStamp', () => {
  it('stays the same while the file is untouched, with its size', async () => {
    await fs.writeFile(file(), '{"a":1}');
    const first = await fileStamp(file());
    expect(first?.size).toBe(7);
    await fs.readFile(file());
    expect(await stampNow(file())).toBe(first!.stamp);
  });

  it('changes when the file is saved again with the same bytes (a new file renamed into place)', async () => {
    await fs.writeFile(file(), '{"a":1}');
    const before = await stampNow(file());
    await fs.writeFile(`${file()}.tmp`, '{"a":1}');
    await fs.rename(`${file()}.tmp`, file());
    expect(await stampNow(file())).not.toBe(before);
  });

  it('changes when the file is written in place with as many bytes, even with its modification time put back', async () => {
    await fs.writeFile(file(), '{"a":1}');
    // A whole second, which utimes sets back exactly.
    await fs.utimes(file(), 1_700_000_000, 1_700_000_000);
    const before = await stampNow(file());
    await new Promise((resolve) => setTimeout(resolve, 20)); // past the file system's clock step
    await fs.writeFile(file(), '{"a":2}');
    await fs.utimes(file(), 1_700_000_000, 1_700_000_000);
    expect((await fs.stat(file(), { bigint: true })).mtimeNs).toBe(1_700_000_000_000_000_000n);
    expect(await stampNow(file())).not.toBe(before);
  });

  it('has none for a missing entry, a folder or a symbolic link (even to a good file)', async () => {
    await fs.writeFile(file(), '{"a":1}');
    await fs.symlink(file(), join(dir, 'link.json'));
    await fs.mkdir(join(dir, 'folder.json'));
    for (const name of ['missing.json', 'folder.json', 'link.json']) expect(await stampNow(join(dir, name)), name).toBeNull();
  });
});
