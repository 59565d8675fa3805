import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegularFile } from './readRegularFile';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-regular-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('readRegularFile', () => {
  it('reads a regular file, and one reached through a symlink', async () => {
    await fs.writeFile(join(dir, 'a.txt'), 'hello');
    await fs.symlink(join(dir, 'a.txt'), join(dir, 'link.txt'));
    for (const name of ['a.txt', 'link.txt']) {
      const read = await readRegularFile(join(dir, name), { limit: 100 });
      expect(read.ok && read.bytes.toString()).toBe('hello');
    }
  });

  it.each([
    ['/dev/zero', /a device/],
    ['/dev/urandom', /a device/],
    ['/dev/null', /a device/],
  ])('refuses %s (through a .txt symlink) without reading it', async (target, reason) => {
    await fs.symlink(target, join(dir, 'x.txt'));
    expect(await readRegularFile(join(dir, 'x.txt'), { limit: 100 })).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses a named pipe without blocking, and a folder', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    expect(await readRegularFile(join(dir, 'pipe.txt'), { limit: 100 })).toEqual({ ok: false, reason: expect.stringMatching(/named pipe \(FIFO\)/) });
    expect(await readRegularFile(dir, { limit: 100 })).toEqual({ ok: false, reason: 'it is a folder, not a file' });
  });

  it('reads at most the limit + 1 bytes, whatever size the file reports (a /proc file reports 0)', async () => {
    expect((await fs.stat('/proc/self/maps')).size).toBe(0);
    const read = await readRegularFile('/proc/self/maps', { limit: 64, tooLarge: (n) => `too large (${n} bytes seen)` });
    expect(read).toEqual({ ok: false, reason: 'too large (65 bytes seen)' });
  });

  it('names a missing file without a stack of system detail', async () => {
    expect(await readRegularFile(join(dir, 'none.txt'), { limit: 10 })).toEqual({ ok: false, reason: 'cannot be read: it does not exist' });
  });
});
